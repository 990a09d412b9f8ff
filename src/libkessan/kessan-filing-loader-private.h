/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kessan-filing.h"

G_BEGIN_DECLS

/* The library's fast path for reading its own files: a filing, or NULL
 * when @data is not exactly in the form Kessan writes (see
 * kessan-filing-loader.c).  NULL is not a verdict on the file; read it
 * with kessan_filing_new_from_json() then, for the filing or the error.
 * Without @with_text the filing is read without its decoded text. */
KessanFiling *kessan_filing_loader_read (const char *data,
                                         gsize       length,
                                         gboolean    with_text);

G_END_DECLS
