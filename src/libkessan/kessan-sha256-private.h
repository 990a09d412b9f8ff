/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The SHA-256 of @data in lower-case hex, as g_compute_checksum_for_data()
 * gives it, about five times as fast: every release read or added is
 * hashed whole, and a PDF is megabytes. */
char *kessan_sha256_hex       (const guint8 *data,
                               gsize         length);
char *kessan_sha256_hex_bytes (GBytes       *bytes);

G_END_DECLS
