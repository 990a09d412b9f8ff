/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan-filing.h"

G_BEGIN_DECLS

/* Input limits, each with its own message (KESSAN_ERROR_LIMIT).  A real
 * release is far below every one of them. */
#define KESSAN_MAX_LINES            ((guint) 4000000)
#define KESSAN_MAX_TABLES           ((guint) 20000)
#define KESSAN_MAX_ROWS_PER_TABLE   ((guint) 1000000)
#define KESSAN_MAX_COLUMNS          ((guint) 32)

KessanFiling *kessan_parse_release (GBytes      *contents,
                                    const char  *source_name,
                                    GError     **error);

KessanFiling *kessan_parse_file    (GFile       *file,
                                    GError     **error);

KessanFiling *kessan_parse_package_files (GPtrArray *files,
                                          GError   **error);

GBytes       *kessan_load_release_bytes (GFile   *file,
                                         GError **error);
GBytes       *kessan_load_release_fd    (int          fd,
                                         const char  *display_name,
                                         GError     **error);
gboolean      kessan_check_release_path (GFile   *file,
                                         GError **error);

G_END_DECLS
