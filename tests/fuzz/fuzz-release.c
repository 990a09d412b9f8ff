/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Fuzz target: a release as bytes, decoded, parsed and checked, then
 * exported to JSON and CSV, the way kessan-cli and the library handle a
 * file they are given.  The JSON Kessan writes must read back: a filing
 * that exports but does not load again would be lost from a library. */

#include "kessan.h"
#include "kessan-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(KessanFiling) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *findings = NULL;
  guint n_statements;

  filing = kessan_parse_release (bytes, "fuzz.txt", &error);
  if (filing == NULL)
    {
      /* Every refusal is an error of Kessan's with a message to show. */
      if (error == NULL || error->domain != KESSAN_ERROR || error->message[0] == '\0')
        abort ();
      return 0;
    }

  kessan_filing_run_checks (filing);

  n_statements = kessan_filing_get_n_statements (filing);
  for (guint i = 0; i < n_statements; i++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, i);
      g_autofree char *csv = kessan_statement_to_csv (statement);
      g_autofree char *one = kessan_filing_statement_to_json (filing, kessan_statement_get_id (statement));

      if (csv == NULL || one == NULL)
        abort ();
    }

  findings = kessan_filing_findings_to_json (filing);
  json = kessan_filing_to_json (filing, TRUE);
  reloaded = kessan_filing_new_from_json (json, -1, &error);
  if (reloaded == NULL)
    {
      fprintf (stderr, "The exported filing does not load again: %s\n", error->message);
      abort ();
    }
  if (kessan_filing_get_n_statements (reloaded) != n_statements)
    {
      fprintf (stderr, "The exported filing has %u statements, %u after loading\n",
               n_statements, kessan_filing_get_n_statements (reloaded));
      abort ();
    }

  return 0;
}
