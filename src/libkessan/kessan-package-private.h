/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan-grid-private.h"

G_BEGIN_DECLS

gboolean    kessan_package_reader_sniff      (const guint8 *data,
                                              gsize         length);
KessanGrid *kessan_package_reader_read       (GBytes       *contents,
                                              const char   *display_name,
                                              GError      **error);
KessanGrid *kessan_package_reader_read_files (GPtrArray    *files,
                                              const char   *display_name,
                                              GError      **error);

G_END_DECLS
