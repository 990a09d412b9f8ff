/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "kessan-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

/* Helpers shared by the tests: running kessan-cli as a user runs it,
 * reading the sample releases and making temporary files. */

void
kessan_test_run_clear (KessanTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

void
kessan_test_run_cli (KessanTestRun *run,
                     const char    *first,
                     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  kessan_test_run_cliv (run, (const char * const *) args->pdata);
}

void
kessan_test_run_cliv (KessanTestRun      *run,
                      const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("KESSAN_CLI");

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

char *
kessan_test_seed_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

char *
kessan_test_load_seed (const char *name,
                       gsize      *length)
{
  g_autofree char *path = kessan_test_seed_path (name);

  return kessan_test_read_file (path, length);
}

GBytes *
kessan_test_load_seed_bytes (const char *name)
{
  gsize length;
  char *contents = kessan_test_load_seed (name, &length);

  return g_bytes_new_take (contents, length);
}

char *
kessan_test_read_file (const char *path,
                       gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, &error));
  g_assert_no_error (error);
  return contents;
}

void
kessan_test_write_file (const char *path,
                        const void *data,
                        gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_no_error (error);
}

char *
kessan_test_write_temp (const char *name,
                        const void *data,
                        gssize      length)
{
  g_autofree char *dir = kessan_test_make_temp_dir ("kessan-test-XXXXXX");
  char *path = g_build_filename (dir, name, NULL);

  kessan_test_write_file (path, data, length);
  return path;
}

char *
kessan_test_make_temp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
kessan_test_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* A test may have left it read-only. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          kessan_test_remove_tree (child);
        }
    }

  g_assert_cmpint (g_remove (path), ==, 0);
}
