/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A main for a fuzz target built without libFuzzer: runs the target once
 * on every file named on the command line, and on every file in a folder
 * named there (not recursing), in name order.  This is how the seed
 * corpus and every input a fuzzing run found replay as a test with any
 * compiler; a crash, a sanitizer report or an abort fails the test. */

#include <glib.h>

#include "kessan-fuzz.h"

static gboolean
run_file (const char  *path,
          guint       *n_run,
          GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  g_print ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  (*n_run)++;
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
run_folder (const char  *path,
            guint       *n_run,
            GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        continue;
      if (!run_file (child, n_run, error))
        return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint n_run = 0;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE-OR-FOLDER...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        ok = run_folder (argv[i], &n_run, &error);
      else
        ok = run_file (argv[i], &n_run, &error);
      if (!ok)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  /* A corpus that went missing would otherwise pass as an empty run. */
  if (n_run == 0)
    {
      g_printerr ("No input to run\n");
      return 1;
    }
  g_print ("%u inputs ran\n", n_run);
  return 0;
}
