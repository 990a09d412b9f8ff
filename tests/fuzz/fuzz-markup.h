/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the markup targets do with a page: read it as a release, check
 * it and export it, and load the export back, as fuzz-release does. */

#include "kessan.h"
#include "kessan-fuzz.h"

static inline void
fuzz_markup_release (GBytes     *bytes,
                     const char *name)
{
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(KessanFiling) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  filing = kessan_parse_release (bytes, name, &error);
  if (filing == NULL)
    {
      /* Every refusal is an error of Kessan's with a message to show. */
      if (error == NULL || error->domain != KESSAN_ERROR || error->message[0] == '\0')
        abort ();
      return;
    }
  kessan_filing_run_checks (filing);
  json = kessan_filing_to_json (filing, TRUE);
  reloaded = kessan_filing_new_from_json (json, -1, &error);
  if (reloaded == NULL || kessan_filing_get_n_statements (reloaded) != kessan_filing_get_n_statements (filing))
    {
      fprintf (stderr, "The exported filing does not load again the same: %s\n",
               error != NULL ? error->message : "statements differ");
      abort ();
    }
}
