/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-cli"

#include "config.h"

#include <string.h>

#include "kessan.h"
#include "kessan-cli-commands.h"

/* kessan-cli library add|list|remove: the library the app shows, through
 * the same KessanLibrary.  Exit statuses as for the other commands: 0 when
 * everything went through, 1 when a file or filing could not be read,
 * found or written (one line on stderr each, the rest still done), 2 for
 * a wrong command line. */
enum
{
  LIBRARY_EXIT_OK = 0,
  LIBRARY_EXIT_FAILED = 1,
  LIBRARY_EXIT_USAGE = 2,
};

/* Enough of the hash to tell filings apart, as git shows commits. */
#define SHORT_HASH_LENGTH 12

static void
print_usage (void)
{
  g_autofree char *default_dir = g_build_filename (g_get_user_data_dir (), "kessan", NULL);

  g_print ("Usage: kessan-cli library COMMAND [--library=DIR] [ARGUMENT…]\n"
           "\n"
           "Commands:\n"
           "  add FILE…              Add releases to the library\n"
           "  list                   List the filings in the library, newest period first\n"
           "  remove HASH-PREFIX…    Remove filings, named by the start of their hash\n"
           "\n"
           "The library is DIR, or by default %s.\n", default_dir);
}

static char *
describe_period (KessanFiling *filing)
{
  guint year = kessan_filing_get_named_fiscal_year (filing);
  guint quarter = kessan_filing_get_fiscal_quarter (filing);

  if (year == 0)
    return g_strdup ("-");
  if (quarter == 0)
    return g_strdup_printf ("FY%u", year);
  return g_strdup_printf ("FY%u Q%u", year, quarter);
}

static const char *
or_dash (const char *str)
{
  return str != NULL && str[0] != '\0' ? str : "-";
}

/* "c6534bd8be24 (Internet Initiative Japan Inc., FY2003 Q2, period ending 2003-09-30)" */
static char *
describe_filing (KessanFiling *filing)
{
  g_autofree char *period = describe_period (filing);

  return g_strdup_printf ("%.*s (%s, %s, period ending %s)",
                          SHORT_HASH_LENGTH, kessan_filing_get_source_hash (filing),
                          or_dash (kessan_filing_get_company (filing)), period,
                          or_dash (kessan_filing_get_period_end (filing)));
}

static const char *
plural (guint n)
{
  return n == 1 ? "" : "s";
}

static KessanLibrary *
open_library (const char  *dir,
              GError     **error)
{
  g_autoptr(GFile) directory = NULL;
  g_autoptr(KessanLibrary) library = NULL;

  /* As in the app, KESSAN_LIBRARY_DIR names the library; --library wins. */
  if (dir == NULL && g_getenv ("KESSAN_LIBRARY_DIR") != NULL && g_getenv ("KESSAN_LIBRARY_DIR")[0] != '\0')
    dir = g_getenv ("KESSAN_LIBRARY_DIR");
  if (dir != NULL)
    directory = g_file_new_for_commandline_arg (dir);
  library = kessan_library_new (directory);
  if (!kessan_library_load (library, NULL, error))
    return NULL;

  return g_steal_pointer (&library);
}

/* Parses the options every command takes; FALSE on a wrong command line,
 * with the message already printed. */
static gboolean
parse_options (const char   *command,
               const char   *parameters,
               char        **library_dir,
               char       ***arguments,
               int          *argc,
               char       ***argv)
{
  g_autofree char *name = g_strconcat ("kessan-cli library ", command, NULL);
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, library_dir, "The library folder (default: $KESSAN_LIBRARY_DIR, or the user data folder)", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, arguments, NULL, NULL },
    { NULL }
  };

  /* --help names the command as it is typed. */
  g_set_prgname (name);
  options = g_option_context_new (parameters);
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, argc, argv, &error))
    {
      g_printerr ("kessan-cli library %s: %s\n", command, error->message);
      return FALSE;
    }

  return TRUE;
}

static int
library_add (int    argc,
             char **argv)
{
  g_autofree char *library_dir = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  int status = LIBRARY_EXIT_OK;

  if (!parse_options ("add", "FILE… — add releases to the library", &library_dir, &files, &argc, &argv))
    return LIBRARY_EXIT_USAGE;
  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("kessan-cli library add: no file given\n");
      return LIBRARY_EXIT_USAGE;
    }

  library = open_library (library_dir, &error);
  if (library == NULL)
    {
      g_printerr ("kessan-cli: %s\n", error->message);
      return LIBRARY_EXIT_FAILED;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(KessanFiling) filing = NULL;
      g_autoptr(GError) import_error = NULL;
      g_autofree char *description = NULL;
      gboolean duplicate = FALSE;

      if (kessan_check_release_path (file, &import_error))
        filing = kessan_library_import_file (library, file, &duplicate, &import_error);
      if (filing == NULL)
        {
          g_printerr ("kessan-cli: %s: %s\n", files[i], import_error->message);
          status = LIBRARY_EXIT_FAILED;
          continue;
        }

      description = describe_filing (filing);
      if (duplicate)
        g_print ("%s: already in the library as %s\n", files[i], description);
      else
        g_print ("%s: added as %s\n", files[i], description);
    }

  return status;
}

static int
library_list (int    argc,
              char **argv)
{
  g_autofree char *library_dir = NULL;
  g_auto(GStrv) extra = NULL;
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *problems;
  guint n_items;

  if (!parse_options ("list", "— list the filings in the library", &library_dir, &extra, &argc, &argv))
    return LIBRARY_EXIT_USAGE;
  if (extra != NULL && extra[0] != NULL)
    {
      g_printerr ("kessan-cli library list: unexpected argument “%s”\n", extra[0]);
      return LIBRARY_EXIT_USAGE;
    }

  library = open_library (library_dir, &error);
  if (library == NULL)
    {
      g_printerr ("kessan-cli: %s\n", error->message);
      return LIBRARY_EXIT_FAILED;
    }

  /* One filing per line, tab-separated, for reading and for cut(1). */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (library));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(KessanFiling) filing = g_list_model_get_item (G_LIST_MODEL (library), i);
      g_autofree char *period = describe_period (filing);
      guint n_statements = kessan_filing_get_n_statements (filing);
      guint n_errors = 0, n_warnings = 0;

      for (guint f = 0; f < kessan_filing_get_n_findings (filing); f++)
        {
          KessanSeverity severity = kessan_finding_get_severity (kessan_filing_get_finding (filing, f));

          if (severity == KESSAN_SEVERITY_ERROR)
            n_errors++;
          else if (severity == KESSAN_SEVERITY_WARNING)
            n_warnings++;
        }

      g_print ("%.*s\t%s\t%s\t%s\t%s\t%u statement%s\t%u error%s\t%u warning%s\n",
               SHORT_HASH_LENGTH, kessan_filing_get_source_hash (filing),
               or_dash (kessan_filing_get_company (filing)),
               period,
               or_dash (kessan_filing_get_period_end (filing)),
               or_dash (kessan_filing_get_released (filing)),
               n_statements, plural (n_statements),
               n_errors, plural (n_errors),
               n_warnings, plural (n_warnings));
    }

  /* A mistyped --library would otherwise look like an empty library. */
  if (n_items == 0)
    {
      GFile *directory = kessan_library_get_directory (library);

      if (!g_file_query_exists (directory, NULL))
        {
          g_autofree char *path = g_file_get_parse_name (directory);

          g_printerr ("kessan-cli: %s: no library here yet; “kessan-cli library add” makes one\n", path);
        }
    }

  problems = kessan_library_get_problems (library);
  for (guint i = 0; problems[i] != NULL; i++)
    g_printerr ("kessan-cli: %s\n", problems[i]);

  return problems[0] != NULL ? LIBRARY_EXIT_FAILED : LIBRARY_EXIT_OK;
}

static int
library_remove (int    argc,
                char **argv)
{
  g_autofree char *library_dir = NULL;
  g_auto(GStrv) prefixes = NULL;
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  int status = LIBRARY_EXIT_OK;

  if (!parse_options ("remove", "HASH-PREFIX… — remove filings from the library", &library_dir, &prefixes, &argc, &argv))
    return LIBRARY_EXIT_USAGE;
  if (prefixes == NULL || prefixes[0] == NULL)
    {
      g_printerr ("kessan-cli library remove: no hash given\n");
      return LIBRARY_EXIT_USAGE;
    }
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (prefixes[i][0] == '\0')
      {
        g_printerr ("kessan-cli library remove: an empty hash prefix names every filing\n");
        return LIBRARY_EXIT_USAGE;
      }

  library = open_library (library_dir, &error);
  if (library == NULL)
    {
      g_printerr ("kessan-cli: %s\n", error->message);
      return LIBRARY_EXIT_FAILED;
    }

  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      g_autofree char *prefix = g_ascii_strdown (prefixes[i], -1);
      g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) remove_error = NULL;
      g_autofree char *description = NULL;
      KessanFiling *filing;
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (library));

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(KessanFiling) item = g_list_model_get_item (G_LIST_MODEL (library), j);

          if (g_str_has_prefix (kessan_filing_get_source_hash (item), prefix))
            g_ptr_array_add (matches, g_steal_pointer (&item));
        }

      if (matches->len == 0)
        {
          g_printerr ("kessan-cli: no filing in the library has a hash starting with “%s”\n", prefixes[i]);
          status = LIBRARY_EXIT_FAILED;
          continue;
        }
      if (matches->len > 1)
        {
          g_printerr ("kessan-cli: %u filings have a hash starting with “%s”; give more of it\n",
                      matches->len, prefixes[i]);
          status = LIBRARY_EXIT_FAILED;
          continue;
        }

      filing = g_ptr_array_index (matches, 0);
      description = describe_filing (filing);
      if (!kessan_library_remove (library, filing, &remove_error))
        {
          g_printerr ("kessan-cli: %s: %s\n", prefixes[i], remove_error->message);
          status = LIBRARY_EXIT_FAILED;
          continue;
        }
      g_print ("removed %s\n", description);
    }

  return status;
}

/**
 * kessan_cli_library:
 * @argc: the number of arguments, from "library" on
 * @argv: (array length=argc): the arguments, from "library" on
 *
 * Runs `kessan-cli library add|list|remove`.
 *
 * Returns: the exit status: 0, 1 when a file or filing failed, 2 for a
 *   wrong command line
 */
int
kessan_cli_library (int    argc,
                    char **argv)
{
  if (argc < 2)
    {
      print_usage ();
      return LIBRARY_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage ();
      return LIBRARY_EXIT_OK;
    }

  /* Each command sees its own name as argv[0], as GOption expects. */
  if (g_str_equal (argv[1], "add"))
    return library_add (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "list"))
    return library_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "remove"))
    return library_remove (argc - 1, argv + 1);

  g_printerr ("kessan-cli library: unknown command “%s”\n", argv[1]);
  print_usage ();
  return LIBRARY_EXIT_USAGE;
}
