/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints a text release into a PDF as the tests do, for the benchmark
 * of reading PDFs:
 *
 *   bench-make-pdf RELEASE.txt OUT.pdf
 *
 * Exits with 77 when the font of the test PDFs is not installed. */

#include <glib.h>

#include "kessan-test-pdf.h"

int
main (int    argc,
      char **argv)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("Usage: bench-make-pdf RELEASE.txt OUT.pdf\n");
      return 2;
    }
  if (!kessan_test_pdf_font_available (KESSAN_TEST_PDF_MONOSPACE))
    {
      g_printerr ("bench-make-pdf: the font %s is not installed\n", KESSAN_TEST_PDF_MONOSPACE);
      return 77;
    }
  if (!g_file_get_contents (argv[1], &text, NULL, &error))
    {
      g_printerr ("bench-make-pdf: %s\n", error->message);
      return 2;
    }
  kessan_test_write_text_pdf (argv[2], text, KESSAN_TEST_PDF_MONOSPACE, 60);
  return 0;
}
