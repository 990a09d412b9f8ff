/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The font of the generated PDFs: a monospaced face whose CJK characters
 * are exactly twice as wide as its Latin ones, as in a text release. */
#define KESSAN_TEST_PDF_MONOSPACE "Noto Sans Mono CJK JP"
/* A proportional face with Japanese, for layouts that do not line up
 * by characters. */
#define KESSAN_TEST_PDF_PROPORTIONAL "Noto Sans CJK JP"

/* TRUE when @family is installed as itself (not a fallback). */
gboolean kessan_test_pdf_font_available (const char *family);

/* Prints @text into a PDF at @path, @lines_per_page lines a page, in
 * @family.  Runs of tab-separated lines are printed as tables are:
 * labels left-aligned, every other column right-aligned to its widest
 * cell; other lines as they are, spaces included. */
void     kessan_test_write_text_pdf     (const char *path,
                                         const char *text,
                                         const char *family,
                                         guint       lines_per_page);

/* A one-page PDF holding only an image, as a scanner makes. */
void     kessan_test_write_scan_pdf     (const char *path);

G_END_DECLS
