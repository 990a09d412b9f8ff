/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-cli"

#include "config.h"

#include <stdio.h>

#include "kessan.h"
#include "kessan-cli-commands.h"

/* kessan-cli series: many releases merged into one table of concept ×
 * period.  Exit statuses as for the other commands: 0 when every file was
 * read, 1 when one could not be (one line on stderr each; the series of
 * the others are still printed), 2 for a wrong command line. */
enum
{
  SERIES_EXIT_OK = 0,
  SERIES_EXIT_UNREADABLE = 1,
  SERIES_EXIT_USAGE = 2,
};

static gboolean
add_library (KessanSeriesSet *set,
             const char      *path,
             gboolean        *unreadable)
{
  g_autoptr(GFile) directory = g_file_new_for_commandline_arg (path);
  g_autoptr(KessanLibrary) library = kessan_library_new (directory);
  g_autoptr(GError) error = NULL;
  const char * const *problems;

  if (!kessan_library_load (library, NULL, &error))
    {
      g_printerr ("kessan-cli: %s: %s\n", path, error->message);
      return FALSE;
    }

  /* Files of the library that could not be read are reported, and the
   * series made of the rest. */
  problems = kessan_library_get_problems (library);
  for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
    {
      g_printerr ("kessan-cli: %s\n", problems[i]);
      *unreadable = TRUE;
    }

  kessan_series_set_add_model (set, G_LIST_MODEL (library));
  return TRUE;
}

/**
 * kessan_cli_series:
 * @argc: the number of arguments from "series" on
 * @argv: the arguments from "series" on
 *
 * Runs `kessan-cli series`.
 *
 * Returns: the exit status
 */
int
kessan_cli_series (int    argc,
                   char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *library = NULL;
  g_auto(GStrv) concepts = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanSeriesSet) set = NULL;
  g_autofree char *text = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: csv (default) or json", "FORMAT" },
    { "concept", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &concepts, "Only this concept; * and ? match any text (repeatable)", "KEY" },
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library, "Every filing of the library in DIR", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };
  gboolean unreadable = FALSE;
  gboolean json;

  options = g_option_context_new ("— merge earnings releases into series of concept × period");
  g_option_context_add_main_entries (options, entries, NULL);
  g_option_context_set_description (options,
                                    "CSV: one line per concept and period, with the releases behind each value,\n"
                                    "restatements and derived values marked.  JSON: every observation as well.\n"
                                    "The formats are described in docs/series.md.");
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("kessan-cli series: %s\n", error->message);
      return SERIES_EXIT_USAGE;
    }
  if ((files == NULL || files[0] == NULL) && library == NULL)
    {
      g_printerr ("kessan-cli series: no file given (and no --library)\n");
      return SERIES_EXIT_USAGE;
    }
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "csv"))
    {
      g_printerr ("kessan-cli series: unknown format “%s”: use csv or json\n", format);
      return SERIES_EXIT_USAGE;
    }
  json = format != NULL && g_str_equal (format, "json");

  set = kessan_series_set_new ();

  if (library != NULL && !add_library (set, library, &unreadable))
    return SERIES_EXIT_UNREADABLE;

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(KessanFiling) filing = NULL;
      g_autoptr(GError) parse_error = NULL;

      filing = kessan_parse_file (file, &parse_error);
      if (filing == NULL)
        {
          g_printerr ("kessan-cli: %s: %s\n", files[i], parse_error->message);
          unreadable = TRUE;
          continue;
        }
      kessan_series_set_add_filing (set, filing);
    }

  if (json)
    text = kessan_series_set_to_json (set, (const char * const *) concepts);
  else
    text = kessan_series_set_to_csv (set, (const char * const *) concepts);

  if (fputs (text, stdout) < 0 || fflush (stdout) != 0)
    {
      g_printerr ("kessan-cli series: could not write the output\n");
      return SERIES_EXIT_UNREADABLE;
    }

  return unreadable ? SERIES_EXIT_UNREADABLE : SERIES_EXIT_OK;
}
