/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kessan.h"
#include "kessan-cli-commands.h"
#include "kessan-safe-text.h"

/* Exit statuses: 0 when every file was read, 1 when a file could not be
 * read (one line on stderr says why), 2 for a wrong command line. */
enum
{
  EXIT_OK = 0,
  EXIT_UNREADABLE = 1,
  EXIT_USAGE = 2,
};

/* Every line printed for the terminal goes through these: a label or a
 * file name with an escape sequence or a direction override in it is
 * shown, not obeyed.  Line breaks and tabs are the output's own layout. */
static void
print_safely (FILE       *stream,
              const char *string)
{
  g_autofree char *safe = kessan_safe_lines (string);
  const char *charset;

  if (!g_get_console_charset (&charset))
    {
      g_autofree char *local = g_convert_with_fallback (safe, -1, charset, "UTF-8", "?", NULL, NULL, NULL);

      if (local != NULL)
        {
          fputs (local, stream);
          fflush (stream);
          return;
        }
    }
  fputs (safe, stream);
  fflush (stream);
}

static void
print_to_stdout_cb (const char *string)
{
  print_safely (stdout, string);
}

static void
print_to_stderr_cb (const char *string)
{
  print_safely (stderr, string);
}

static void
print_error (const char   *path,
             const GError *error)
{
  g_printerr ("kessan-cli: %s: %s\n", path, error->message);
}

/* The release a command-line argument names: "-" is standard input, read
 * up to the size limit; a path that names nothing is said not to exist. */
static KessanFiling *
parse_argument (const char  *argument,
                GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (argument, "-"))
    {
      g_autoptr(GBytes) bytes = kessan_load_release_fd (STDIN_FILENO, "standard input", error);

      if (bytes == NULL)
        return NULL;
      return kessan_parse_release (bytes, NULL, error);
    }

  file = g_file_new_for_commandline_arg (argument);
  if (!kessan_check_release_path (file, error))
    return NULL;
  return kessan_parse_file (file, error);
}

static gboolean
write_all (const char *text)
{
  return fputs (text, stdout) >= 0;
}

static int
extract (int    argc,
         char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *statement_id = NULL;
  g_autofree char *labels_name = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: json (default) or csv", "FORMAT" },
    { "labels", 'l', 0, G_OPTION_ARG_STRING, &labels_name, "Row labels: printed (default), en, ja or both", "LANGUAGE" },
    { "statement", 's', 0, G_OPTION_ARG_STRING, &statement_id, "Only the statement with this id (e.g. en-income-quarter)", "ID" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };
  gboolean csv;
  KessanLabelLanguage labels = KESSAN_LABELS_PRINTED;
  int status = EXIT_OK;

  options = g_option_context_new ("— print every statement of earnings releases (“-” reads standard input)");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("kessan-cli extract: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("kessan-cli extract: no file given\n");
      return EXIT_USAGE;
    }
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "csv"))
    {
      g_printerr ("kessan-cli extract: unknown format “%s”: use json or csv\n", format);
      return EXIT_USAGE;
    }
  csv = format != NULL && g_str_equal (format, "csv");
  if (labels_name != NULL && !kessan_label_language_from_string (labels_name, &labels))
    {
      g_printerr ("kessan-cli extract: unknown labels “%s”: use printed, en, ja or both\n", labels_name);
      return EXIT_USAGE;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(KessanFiling) filing = NULL;
      g_autoptr(GError) parse_error = NULL;
      guint printed = 0;

      filing = parse_argument (files[i], &parse_error);
      if (filing == NULL)
        {
          print_error (files[i], parse_error);
          status = EXIT_UNREADABLE;
          continue;
        }
      kessan_filing_run_checks (filing);

      if (!csv && statement_id == NULL)
        {
          g_autofree char *json = kessan_filing_export_json (filing, NULL, labels);

          write_all (json);
          write_all ("\n");
          continue;
        }

      for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
        {
          KessanStatement *statement = kessan_filing_get_statement (filing, s);

          if (statement_id != NULL && !g_str_equal (statement_id, kessan_statement_get_id (statement)))
            continue;
          if (csv)
            {
              g_autofree char *text = kessan_statement_export_csv (statement, filing, labels);

              if (printed > 0)
                write_all ("\n");
              write_all (text);
            }
          else
            {
              /* The JSON of one statement keeps the release around it. */
              g_autofree char *json = kessan_filing_export_json (filing, kessan_statement_get_id (statement), labels);

              write_all (json);
              write_all ("\n");
            }
          printed++;
        }

      if (statement_id != NULL && printed == 0)
        {
          g_printerr ("kessan-cli: %s: no statement “%s” (try one of:", files[i], statement_id);
          for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
            g_printerr (" %s", kessan_statement_get_id (kessan_filing_get_statement (filing, s)));
          g_printerr (")\n");
          status = EXIT_UNREADABLE;
        }
    }

  return status;
}

/* kessan-cli check: 0 when no finding is an error, 1 when one is, 2 when
 * a file could not be read (or the command line is wrong). */
static int
check (int    argc,
       char **argv)
{
  g_autofree char *format = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, "Output format: text (default) or json", "FORMAT" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };
  gboolean json;
  gboolean any_error = FALSE;
  gboolean unreadable = FALSE;

  options = g_option_context_new ("— check every number of earnings releases (“-” reads standard input)");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("kessan-cli check: %s\n", error->message);
      return 2;
    }
  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("kessan-cli check: no file given\n");
      return 2;
    }
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "text"))
    {
      g_printerr ("kessan-cli check: unknown format “%s”: use text or json\n", format);
      return 2;
    }
  json = format != NULL && g_str_equal (format, "json");

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(KessanFiling) filing = NULL;
      g_autoptr(GError) parse_error = NULL;
      GListModel *findings;

      filing = parse_argument (files[i], &parse_error);
      if (filing == NULL)
        {
          print_error (files[i], parse_error);
          unreadable = TRUE;
          continue;
        }
      kessan_filing_run_checks (filing);
      findings = kessan_filing_get_findings (filing);

      if (json)
        {
          g_autofree char *text = kessan_filing_findings_to_json (filing);

          write_all (text);
          write_all ("\n");
        }

      for (guint f = 0; f < g_list_model_get_n_items (findings); f++)
        {
          g_autoptr(KessanFinding) finding = g_list_model_get_item (findings, f);
          KessanSeverity severity = kessan_finding_get_severity (finding);
          const guint *lines;
          guint n_lines;

          any_error |= severity == KESSAN_SEVERITY_ERROR;
          if (json)
            continue;
          lines = kessan_finding_get_lines (finding, &n_lines);
          g_print ("%s:%u: %s [%s] %s: %s\n", files[i], n_lines > 0 ? lines[0] : 0,
                   kessan_severity_to_string (severity), kessan_finding_get_check (finding),
                   kessan_finding_get_statement (finding) != NULL ? kessan_finding_get_statement (finding) : "release",
                   kessan_finding_get_message (finding));
        }
    }

  if (unreadable)
    return 2;
  return any_error ? 1 : 0;
}

static void
print_usage (void)
{
  g_print ("Usage: kessan-cli COMMAND [OPTION…] FILE…\n"
           "\n"
           "Commands:\n"
           "  extract    Print every statement of earnings releases as JSON or CSV\n"
           "  check      Check every number of earnings releases against the arithmetic\n"
           "  import     Read, check and add releases to a library (refuses errors unless --force)\n"
           "  library    Add, list and remove the filings of a library\n"
           "  series     Merge releases into series of concept × period, as CSV or JSON\n"
           "\n"
           "Run “kessan-cli COMMAND --help” for the options of a command.\n");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  kessan_init_i18n ();
  g_set_print_handler (print_to_stdout_cb);
  g_set_printerr_handler (print_to_stderr_cb);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage ();
      return argc < 2 ? EXIT_USAGE : EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("kessan-cli %s\n", VERSION);
      return EXIT_OK;
    }
  if (g_str_equal (argv[1], "extract"))
    return extract (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "check"))
    return check (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "import"))
    return kessan_cli_import (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "library"))
    return kessan_cli_library (argc - 1, argv + 1);
  else if (g_str_equal (argv[1], "series"))
    return kessan_cli_series (argc - 1, argv + 1);

  g_printerr ("kessan-cli: unknown command “%s”\n", argv[1]);
  print_usage ();
  return EXIT_USAGE;
}
