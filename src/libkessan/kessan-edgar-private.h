/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kessan-grid-private.h"

G_BEGIN_DECLS

gboolean    kessan_edgar_reader_sniff (const char  *data,
                                       gsize        length);
KessanGrid *kessan_edgar_reader_read  (GBytes      *contents,
                                       const char  *display_name,
                                       GError     **error);

G_END_DECLS
