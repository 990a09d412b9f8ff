/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "kessan-test-util.h"

#include <execinfo.h>
#include <stdlib.h>

#include "kessan.h"

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

static guint
count_errors (KessanFiling *filing)
{
  guint n = 0;

  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    n += kessan_finding_get_severity (kessan_filing_get_finding (filing, i)) == KESSAN_SEVERITY_ERROR;
  return n;
}

static KessanFiling *
parse_checked (const char *text,
               const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  KessanFiling *filing = kessan_parse_release (bytes, name, &error);

  g_assert_no_error (error);
  kessan_filing_run_checks (filing);
  return filing;
}

char *
kessan_test_make_clean_variant (const char *name)
{
  g_autofree char *text = kessan_test_load_seed (name, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);

  for (guint round = 0; round < 10; round++)
    {
      g_autofree char *joined = g_strjoinv ("\n", lines);
      g_autoptr(KessanFiling) filing = parse_checked (joined, name);
      gboolean blanked = FALSE;

      if (count_errors (filing) == 0)
        return g_steal_pointer (&joined);

      for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
        {
          KessanFinding *finding = kessan_filing_get_finding (filing, i);
          const char *id = kessan_finding_get_statement (finding);
          KessanStatement *statement = id != NULL ? kessan_filing_find_statement (filing, id) : NULL;
          guint first, last;

          if (kessan_finding_get_severity (finding) != KESSAN_SEVERITY_ERROR || statement == NULL)
            continue;
          first = kessan_statement_get_first_line (statement);
          last = MIN (kessan_statement_get_last_line (statement), n_lines);
          for (guint line = first; line >= 1 && line <= last; line++)
            {
              blanked |= lines[line - 1][0] != '\0';
              lines[line - 1][0] = '\0';
            }
        }
      g_assert_true (blanked);
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
is_number_field (const char *field)
{
  return strpbrk (field, "0123456789") != NULL && strspn (field, "0123456789,.()%-▲ ") == strlen (field);
}

/* The one cell of @statement that moved between @original and @variant:
 * TRUE when exactly one row differs, by one number in another column. */
static gboolean
find_moved_cell (KessanFiling      *original,
                 KessanFiling      *variant,
                 KessanTestShifted *shifted)
{
  for (guint s = 0; s < kessan_filing_get_n_statements (original); s++)
    {
      KessanStatement *a = kessan_filing_get_statement (original, s);
      KessanStatement *b = kessan_filing_find_statement (variant, kessan_statement_get_id (a));

      if (b == NULL || kessan_statement_get_n_rows (a) != kessan_statement_get_n_rows (b) ||
          kessan_statement_get_n_columns (a) != kessan_statement_get_n_columns (b))
        continue;
      for (guint r = 0; r < kessan_statement_get_n_rows (a); r++)
        {
          KessanLineItem *ra = kessan_statement_get_row (a, r);
          KessanLineItem *rb = kessan_statement_get_row (b, r);
          int gone = -1, appeared = -1;
          guint differences = 0;

          for (guint c = 0; c < kessan_statement_get_n_columns (a); c++)
            {
              gboolean ha = kessan_line_item_has_value (ra, c), hb = kessan_line_item_has_value (rb, c);

              if (ha && !hb)
                gone = (int) c, differences++;
              else if (!ha && hb)
                appeared = (int) c, differences++;
              else if (ha && kessan_line_item_get_value (ra, c) != kessan_line_item_get_value (rb, c))
                differences++;
            }
          if (differences == 0)
            continue;
          if (differences != 2 || gone < 0 || appeared < 0 ||
              kessan_line_item_get_value (ra, gone) != kessan_line_item_get_value (rb, appeared))
            return FALSE;
          shifted->statement = g_strdup (kessan_statement_get_id (a));
          shifted->row = r;
          shifted->right_column = (guint) gone;
          shifted->wrong_column = (guint) appeared;
          shifted->value = kessan_line_item_get_value (ra, gone);
          return TRUE;
        }
    }
  return FALSE;
}

void
kessan_test_make_shifted_variant (const char        *name,
                                  KessanTestShifted *shifted)
{
  g_autofree char *text = kessan_test_load_seed (name, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(KessanFiling) original = parse_checked (text, name);

  memset (shifted, 0, sizeof *shifted);
  shifted->n_errors = count_errors (original);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[l], "\t", -1);
      guint n = g_strv_length (fields);

      for (guint i = 1; i < n; i++)
        for (guint j = 1; j < n; j++)
          {
            g_autofree char *saved_line = NULL;
            g_autofree char *joined = NULL;
            g_autoptr(KessanFiling) variant = NULL;
            char *moved;

            if (i == j || !is_number_field (fields[i]) || fields[j][0] != '\0')
              continue;
            moved = fields[i];
            fields[i] = fields[j];
            fields[j] = moved;
            saved_line = lines[l];
            lines[l] = g_strjoinv ("\t", fields);
            joined = g_strjoinv ("\n", lines);
            g_free (lines[l]);
            lines[l] = g_steal_pointer (&saved_line);
            fields[j] = fields[i];
            fields[i] = moved;

            variant = parse_checked (joined, name);
            if (count_errors (variant) > shifted->n_errors && find_moved_cell (original, variant, shifted))
              {
                shifted->text = g_steal_pointer (&joined);
                return;
              }
          }
    }
  g_assert_not_reached ();
}

void
kessan_test_shifted_clear (KessanTestShifted *shifted)
{
  g_clear_pointer (&shifted->text, g_free);
  g_clear_pointer (&shifted->statement, g_free);
}

static void
print_stack_and_abort (const char     *domain,
                       GLogLevelFlags  level,
                       const char     *message,
                       gpointer        user_data)
{
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  g_printerr ("%s-CRITICAL: %s\n", domain, message);
  backtrace_symbols_fd (frames, n, 2);
  abort ();
}

void
kessan_test_trace_criticals (void)
{
  static const char * const domains[] = { "kessan-model", "kessan-statements", "kessan-charts", "kessan-window" };

  for (gsize i = 0; i < G_N_ELEMENTS (domains); i++)
    g_log_set_handler (domains[i], G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL, print_stack_and_abort, NULL);
}

void
kessan_test_assert_same_numbers (KessanFiling *a,
                                 KessanFiling *b)
{
  g_assert_cmpuint (kessan_filing_get_n_statements (a), ==, kessan_filing_get_n_statements (b));
  for (guint s = 0; s < kessan_filing_get_n_statements (a); s++)
    {
      KessanStatement *sa = kessan_filing_get_statement (a, s);
      KessanStatement *sb = kessan_filing_get_statement (b, s);

      g_assert_cmpstr (kessan_statement_get_id (sa), ==, kessan_statement_get_id (sb));
      g_assert_cmpuint (kessan_statement_get_n_rows (sa), ==, kessan_statement_get_n_rows (sb));
      for (guint r = 0; r < kessan_statement_get_n_rows (sa); r++)
        for (guint c = 0; c < kessan_statement_get_n_columns (sa); c++)
          {
            KessanLineItem *ra = kessan_statement_get_row (sa, r);
            KessanLineItem *rb = kessan_statement_get_row (sb, r);

            g_assert_cmpint (kessan_line_item_has_value (ra, c), ==, kessan_line_item_has_value (rb, c));
            if (kessan_line_item_has_value (ra, c))
              g_assert_cmpfloat (kessan_line_item_get_value (ra, c), ==, kessan_line_item_get_value (rb, c));
          }
    }
}
