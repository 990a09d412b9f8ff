/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Fuzz target: the bytes of a PDF (or of anything else) given to the
 * parser as a file named *.pdf, the way the app and kessan-cli pass a
 * PDF they are given.  The seed corpus is PDFs of the sample releases
 * (tests/fuzz/make-corpus.sh). */

#include "kessan.h"
#include "kessan-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;

  filing = kessan_parse_release (bytes, "fuzz.pdf", &error);
  if (filing == NULL)
    {
      if (error == NULL || error->domain != KESSAN_ERROR || error->message[0] == '\0')
        abort ();
      return 0;
    }

  kessan_filing_run_checks (filing);
  g_free (kessan_filing_to_json (filing, FALSE));

  return 0;
}
