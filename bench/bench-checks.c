/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The checks and the export of the largest inputs the limits accept:
 *
 *   bench-checks [--json] [--table-rows=N] SAMPLE
 *
 * - SAMPLE printed over and over, up to just under the input size limit
 *   (a file of hundreds of releases, each compared with the others);
 * - one KPI table of N rows (default: the rows limit).
 *
 * For each: the parse, every check and the JSON export, timed in this
 * process.  Target: every check within twice the parse time.  Exits
 * with 1 when a case misses it. */

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "kessan.h"
#include "kessan-decoder.h"

#define TARGET_CHECK_RATIO 2.0

static int table_rows = KESSAN_MAX_ROWS_PER_TABLE;

typedef struct
{
  char   *name;
  GBytes *contents;
} Case;

static Case *
repeated_case (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  GByteArray *buffer = g_byte_array_new ();
  gsize length;
  guint copies = 0;
  Case *c;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  while (buffer->len + length <= KESSAN_MAX_INPUT_SIZE)
    {
      g_byte_array_append (buffer, (const guint8 *) data, length);
      copies++;
    }
  c = g_new0 (Case, 1);
  c->name = g_strdup_printf ("%s ×%u", path, copies);
  c->contents = g_byte_array_free_to_bytes (buffer);
  return c;
}

static Case *
table_case (void)
{
  GString *text = g_string_new ("Internet Initiative Japan Inc.\n\n"
                                "Table 3. Number of Contracts\n\n"
                                "\t2Q03\t2Q02\t1Q03\n");
  Case *c;

  for (int i = 0; i < table_rows; i++)
    g_string_append_printf (text, "Service line %d\t%d\t%d\t%d\n", i + 1, 100 + i % 900, 200 + i % 700, 300 + i % 500);
  g_string_append (text, "\nEnd of the tables.\n");

  c = g_new0 (Case, 1);
  c->name = g_strdup_printf ("one table of %d rows", table_rows);
  c->contents = g_string_free_to_bytes (text);
  return c;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int    argc,
      char **argv)
{
  gboolean json = FALSE;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the figures as JSON", NULL },
    { "table-rows", 'r', 0, G_OPTION_ARG_INT, &table_rows, "Rows of the long table", "N" },
    { NULL }
  };
  g_autoptr(GString) out = g_string_new (NULL);
  Case *cases[2];
  gboolean all_pass = TRUE;

  setlocale (LC_ALL, "");
  options = g_option_context_new ("SAMPLE — time the checks of the largest inputs");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("bench-checks: %s\n", error != NULL ? error->message : "give one sample release");
      return 2;
    }

  cases[0] = repeated_case (argv[1]);
  cases[1] = table_case ();

  char utf8_bytes[129];

  for (guint b = 0; b < 128; b++)
    utf8_bytes[b] = (char) (0x80 + b);
  utf8_bytes[128] = '\0';
  g_string_append_printf (out, "{\"target_check_ratio\": %.1f, \"cases\": [", TARGET_CHECK_RATIO);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KessanFiling) filing = NULL;
      g_autoptr(GError) parse_error = NULL;
      g_autofree char *exported = NULL;
      /* UTF-8 ("×") as it is: an octal escape is not JSON. */
      g_autofree char *name = g_strescape (cases[i]->name, utf8_bytes);
      double parse_s, check_s, export_s, mb;
      gint64 start;
      gboolean pass;

      mb = g_bytes_get_size (cases[i]->contents) / 1e6;
      start = g_get_monotonic_time ();
      filing = kessan_parse_release (cases[i]->contents, "bench.txt", &parse_error);
      parse_s = seconds_since (start);
      if (filing == NULL)
        {
          g_printerr ("bench-checks: %s: %s\n", cases[i]->name, parse_error->message);
          return 2;
        }
      start = g_get_monotonic_time ();
      kessan_filing_run_checks (filing);
      check_s = seconds_since (start);
      start = g_get_monotonic_time ();
      exported = kessan_filing_export_json (filing, NULL, KESSAN_LABELS_PRINTED);
      export_s = seconds_since (start);

      pass = check_s <= TARGET_CHECK_RATIO * parse_s;
      all_pass &= pass;
      if (json)
        g_string_append_printf (out, "%s{\"name\": \"%s\", \"input_mb\": %.1f, \"parse_s\": %.3f, \"check_s\": %.3f, "
                                "\"export_s\": %.3f, \"parse_mb_per_s\": %.1f, \"pass\": %s}",
                                i > 0 ? ", " : "", name, mb, parse_s, check_s, export_s,
                                parse_s > 0 ? mb / parse_s : 0, pass ? "true" : "false");
      else
        g_print ("%s (%.1f MB): parse %.2f s (%.1f MB/s), checks %.2f s (%.2f× parse, target ≤ %.0f×: %s), JSON export %.2f s\n",
                 cases[i]->name, mb, parse_s, parse_s > 0 ? mb / parse_s : 0, check_s,
                 parse_s > 0 ? check_s / parse_s : 0, TARGET_CHECK_RATIO, pass ? "pass" : "FAIL", export_s);
    }
  g_string_append (out, "]}\n");
  if (json)
    fputs (out->str, stdout);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_bytes_unref (cases[i]->contents);
      g_free (cases[i]->name);
      g_free (cases[i]);
    }
  return all_pass ? 0 : 1;
}
