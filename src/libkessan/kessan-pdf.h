/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The source encoding recorded for a filing read from a PDF. */
#define KESSAN_PDF_ENCODING "pdf"

gboolean  kessan_pdf_is_pdf     (const guint8  *data,
                                 gsize          length);

char     *kessan_pdf_read_text  (GBytes        *contents,
                                 const char    *display_name,
                                 guint         *n_pages,
                                 GError       **error);

G_END_DECLS
