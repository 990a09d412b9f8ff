/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Fuzz target: a filing file of the library, read by the fast reader for
 * the files Kessan writes and by the full JSON reader, as
 * kessan-library.c reads one; then written back and read again, as
 * saving a library does. */

#include "kessan.h"
#include "kessan-filing-loader-private.h"
#include "kessan-fuzz.h"

static void
write_back (KessanFiling *filing)
{
  g_autoptr(KessanFiling) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  kessan_filing_run_checks (filing);
  json = kessan_filing_to_json (filing, TRUE);
  reloaded = kessan_filing_new_from_json (json, -1, &error);
  if (reloaded == NULL)
    {
      fprintf (stderr, "A filing written back does not load again: %s\n", error->message);
      abort ();
    }
  if (kessan_filing_get_n_statements (reloaded) != kessan_filing_get_n_statements (filing))
    {
      fprintf (stderr, "A filing written back has %u statements, %u after loading\n",
               kessan_filing_get_n_statements (filing),
               kessan_filing_get_n_statements (reloaded));
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The readers take a length, but the library hands them what
   * g_file_get_contents() gives: the bytes and a terminating nul. */
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(KessanFiling) fast = NULL;
  g_autoptr(KessanFiling) fast_without_text = NULL;
  g_autoptr(KessanFiling) full = NULL;
  g_autoptr(GError) error = NULL;

  memcpy (text, data, size);
  text[size] = '\0';

  fast = kessan_filing_loader_read (text, size, TRUE);
  if (fast != NULL)
    write_back (fast);

  fast_without_text = kessan_filing_loader_read (text, size, FALSE);
  if ((fast == NULL) != (fast_without_text == NULL))
    {
      fprintf (stderr, "The fast reader takes the file with its text or without, not both\n");
      abort ();
    }

  full = kessan_filing_new_from_json (text, size, &error);
  if (full == NULL)
    {
      if (error == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }
  write_back (full);

  return 0;
}
