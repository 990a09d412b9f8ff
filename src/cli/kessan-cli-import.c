/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-cli"

#include "config.h"

#include "kessan.h"
#include "kessan-cli-commands.h"

/* kessan-cli import: the app's import path (KessanImport) without the
 * wizard, so without corrections other than those the library already
 * keeps for a file.  One line per file: added, replaced, skipped (a
 * duplicate) or refused (errors found by the checks), on stdout; a file
 * that cannot be read, on stderr. */
enum
{
  IMPORT_EXIT_OK = 0,           /* every file was added */
  IMPORT_EXIT_NOT_ALL = 1,      /* some were refused or skipped */
  IMPORT_EXIT_BAD_INPUT = 2,    /* some could not be read, or a wrong command line */
};

#define SHORT_HASH_LENGTH 12

static char *
describe_filing (KessanFiling *filing)
{
  guint year = kessan_filing_get_named_fiscal_year (filing);
  guint quarter = kessan_filing_get_fiscal_quarter (filing);
  g_autofree char *period = NULL;

  if (year == 0)
    period = g_strdup ("unknown period");
  else if (quarter == 0)
    period = g_strdup_printf ("FY%u", year);
  else
    period = g_strdup_printf ("FY%u Q%u", year, quarter);

  return g_strdup_printf ("%.*s (%s, %s)", SHORT_HASH_LENGTH, kessan_filing_get_source_hash (filing),
                          kessan_filing_get_company (filing) != NULL ? kessan_filing_get_company (filing) : "-",
                          period);
}

int
kessan_cli_import (int    argc,
                   char **argv)
{
  g_autofree char *library_dir = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  gboolean replace = FALSE;
  gboolean keep_both = FALSE;
  gboolean not_all = FALSE;
  gboolean bad_input = FALSE;
  KessanImportMode mode;
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library_dir, "The library folder (default: $KESSAN_LIBRARY_DIR, or the user data folder)", "DIR" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, "Add releases even when the checks find errors in them", NULL },
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace, "Replace a release of the same company and period already in the library", NULL },
    { "keep-both", 0, 0, G_OPTION_ARG_NONE, &keep_both, "Keep a release of the same company and period beside the one in the library", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };

  g_set_prgname ("kessan-cli import");
  options = g_option_context_new ("— read, check and add releases to the library");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("kessan-cli import: %s\n", error->message);
      return IMPORT_EXIT_BAD_INPUT;
    }
  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("kessan-cli import: no file given\n");
      return IMPORT_EXIT_BAD_INPUT;
    }
  if (replace && keep_both)
    {
      g_printerr ("kessan-cli import: --replace and --keep-both exclude each other\n");
      return IMPORT_EXIT_BAD_INPUT;
    }
  mode = replace ? KESSAN_IMPORT_MODE_REPLACE : keep_both ? KESSAN_IMPORT_MODE_KEEP_BOTH : KESSAN_IMPORT_MODE_ADD;

  /* As in the app, KESSAN_LIBRARY_DIR names the library; --library wins. */
  if (library_dir == NULL && g_getenv ("KESSAN_LIBRARY_DIR") != NULL && g_getenv ("KESSAN_LIBRARY_DIR")[0] != '\0')
    library_dir = g_strdup (g_getenv ("KESSAN_LIBRARY_DIR"));
  if (library_dir != NULL)
    directory = g_file_new_for_commandline_arg (library_dir);
  library = kessan_library_new (directory);
  if (!kessan_library_load (library, NULL, &error))
    {
      g_printerr ("kessan-cli: %s\n", error->message);
      return IMPORT_EXIT_BAD_INPUT;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(KessanImport) import = kessan_import_new (library, file);
      g_autoptr(KessanFiling) added = NULL;
      g_autoptr(KessanFiling) replaced = NULL;
      g_autoptr(GError) import_error = NULL;
      g_autofree char *description = NULL;

      if (!kessan_check_release_path (file, &import_error) ||
          !kessan_import_read (import, NULL, &import_error))
        {
          g_printerr ("kessan-cli: %s: %s\n", files[i], import_error->message);
          bad_input = TRUE;
          continue;
        }

      added = kessan_import_commit (import, mode, force, &replaced, NULL, &import_error);
      if (added == NULL)
        {
          if (g_error_matches (import_error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_HAS_ERRORS))
            {
              g_print ("%s: refused: %s Use --force to add it anyway.\n", files[i], import_error->message);
              not_all = TRUE;
            }
          else if (g_error_matches (import_error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_DUPLICATE))
            {
              g_print ("%s: skipped: %s\n", files[i], import_error->message);
              not_all = TRUE;
            }
          else
            {
              /* The library could not be written. */
              g_printerr ("kessan-cli: %s: %s\n", files[i], import_error->message);
              bad_input = TRUE;
            }
          continue;
        }

      description = describe_filing (added);
      if (replaced != NULL)
        {
          g_autofree char *old = describe_filing (replaced);

          g_print ("%s: replaced %s with %s\n", files[i], old, description);
        }
      else
        g_print ("%s: added as %s\n", files[i], description);
      if (kessan_import_get_n_reapplied (import) > 0)
        g_print ("%s: %u stored corrections made again\n", files[i], kessan_import_get_n_reapplied (import));
    }

  if (bad_input)
    return IMPORT_EXIT_BAD_INPUT;
  return not_all ? IMPORT_EXIT_NOT_ALL : IMPORT_EXIT_OK;
}
