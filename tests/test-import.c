/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "kessan.h"
#include "kessan-test-util.h"

/* The import path: a release file read, checked, corrected and added to a
 * library, with its duplicates and corrections, as the wizard and
 * `kessan-cli import` use it. */

typedef struct
{
  char          *dir;
  KessanLibrary *library;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *library_dir = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = kessan_test_make_temp_dir ("kessan-import-XXXXXX");
  library_dir = g_build_filename (fixture->dir, "library", NULL);
  directory = g_file_new_for_path (library_dir);
  fixture->library = kessan_library_new (directory);
  g_assert_true (kessan_library_load (fixture->library, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->library);
  kessan_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
library_path (Fixture    *fixture,
              const char *child)
{
  return g_build_filename (fixture->dir, "library", child, NULL);
}

static GFile *
write_release (Fixture    *fixture,
               const char *name,
               const char *text)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  kessan_test_write_file (path, text, -1);
  return g_file_new_for_path (path);
}

static KessanImport *
read_import (Fixture *fixture,
             GFile   *file)
{
  g_autoptr(KessanImport) import = kessan_import_new (fixture->library, file);
  g_autoptr(GError) error = NULL;

  g_assert_true (kessan_import_read (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kessan_import_get_state (import), ==, KESSAN_IMPORT_STATE_READ);
  g_assert_cmpfloat (kessan_import_get_progress (import), ==, 1.0);
  return g_steal_pointer (&import);
}

static guint
library_size (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->library));
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A seed with errors is refused unless forced, then added as read. */
static void
test_errors_need_force (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *seed = kessan_test_seed_path ("003_3f09aa9018b22431.txt");
  g_autoptr(GFile) file = g_file_new_for_path (seed);
  g_autoptr(KessanImport) import = read_import (fixture, file);
  g_autoptr(KessanFiling) direct = NULL;
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filings = library_path (fixture, "filings");
  guint n_errors = 0;

  direct = kessan_parse_file (file, &error);
  g_assert_no_error (error);
  kessan_filing_run_checks (direct);
  for (guint i = 0; i < kessan_filing_get_n_findings (direct); i++)
    n_errors += kessan_finding_get_severity (kessan_filing_get_finding (direct, i)) == KESSAN_SEVERITY_ERROR;
  g_assert_cmpuint (n_errors, >, 0);
  g_assert_cmpuint (kessan_import_count_findings (import, KESSAN_SEVERITY_ERROR), ==, n_errors);

  added = kessan_import_commit (import, KESSAN_IMPORT_MODE_ADD, FALSE, NULL, NULL, &error);
  g_assert_error (error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_HAS_ERRORS);
  g_assert_null (added);
  g_assert_cmpuint (library_size (fixture), ==, 0);
  g_assert_cmpuint (count_entries (filings), ==, 0);
  g_clear_error (&error);

  added = kessan_import_commit (import, KESSAN_IMPORT_MODE_ADD, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpint (kessan_import_get_state (import), ==, KESSAN_IMPORT_STATE_ADDED);
  g_assert_true (kessan_library_find_by_hash (fixture->library, kessan_filing_get_source_hash (direct)) == added);
  kessan_test_assert_same_numbers (added, direct);
  g_assert_cmpuint (count_entries (filings), ==, 1);
}

/* A release the checks find nothing wrong with goes in without force. */
static void
test_clean_release (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = kessan_test_make_clean_variant ("001_ac7abb1bfabe4158.txt");
  g_autoptr(GFile) file = write_release (fixture, "clean.txt", text);
  g_autoptr(KessanImport) import = read_import (fixture, file);
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (kessan_import_count_findings (import, KESSAN_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (kessan_filing_get_n_statements (kessan_import_get_filing (import)), >, 0);
  added = kessan_import_commit (import, KESSAN_IMPORT_MODE_ADD, FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (library_size (fixture), ==, 1);
  g_assert_cmpuint (kessan_filing_get_fiscal_year (added), ==, 2002);
}

static void
progress_cb (KessanImport *import,
             GParamSpec   *pspec,
             GArray       *seen)
{
  double progress = kessan_import_get_progress (import);

  g_array_append_val (seen, progress);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kessan_import_read_finish (KESSAN_IMPORT (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Read in a thread, progress told on the main context, rising to 1. */
static void
test_read_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_autoptr(GFile) file = g_file_new_for_path (seed);
  KessanImport *import = kessan_import_new (fixture->library, file);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean done = FALSE;
  gint64 deadline;

  g_signal_connect (import, "notify::progress", G_CALLBACK (progress_cb), seen);
  kessan_import_read_async (import, NULL, read_done_cb, &done);
  g_assert_cmpint (kessan_import_get_state (import), ==, KESSAN_IMPORT_STATE_READING);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  /* Progress told after the end is dropped, and lets go of the import. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_cmpint (kessan_import_get_state (import), ==, KESSAN_IMPORT_STATE_READ);
  g_assert_nonnull (kessan_import_get_filing (import));
  g_assert_cmpuint (seen->len, >=, 1);
  for (guint i = 1; i < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), >=, g_array_index (seen, double, i - 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);

  /* The worker thread lets go of the import a moment after it is done. */
  g_signal_handlers_disconnect_by_func (import, progress_cb, seen);
  g_object_add_weak_pointer (G_OBJECT (import), (gpointer *) &import);
  g_object_unref (import);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (import != NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_null (import);
}

/* A cancelled read fails with G_IO_ERROR_CANCELLED and keeps nothing. */
static void
test_read_cancelled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_autoptr(GFile) file = g_file_new_for_path (seed);
  g_autoptr(KessanImport) import = kessan_import_new (fixture->library, file);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (kessan_import_read (import, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (kessan_import_get_state (import), ==, KESSAN_IMPORT_STATE_FAILED);
  g_assert_null (kessan_import_get_filing (import));
}

/* Each bad input fails with exactly the engine's own message for it, and
 * the library folder is not touched.  A new kind of bad input is one
 * more line. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *contents;   /* NULL: no file (it vanished), or @length lines of "x" */
    gssize      length;
  } cases[] = {
    { "empty.txt", "", 0 },
    { "binary.bin", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20 },
    { "letter.txt", "Dear reader,\nthis is a letter without a single table in it.\n", -1 },
    { "huge.txt", NULL, KESSAN_MAX_INPUT_SIZE / 2 + 1 },
    { "vanished.txt", NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(KessanImport) import = NULL;
      g_autoptr(GError) engine_error = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(KessanFiling) direct = NULL;

      if (cases[i].contents != NULL)
        kessan_test_write_file (path, cases[i].contents, cases[i].length);
      else if (cases[i].length > 0)
        {
          g_autoptr(GString) lines = g_string_sized_new (cases[i].length * 2);

          for (gssize l = 0; l < cases[i].length; l++)
            g_string_append (lines, "x\n");
          kessan_test_write_file (path, lines->str, lines->len);
        }

      direct = kessan_parse_file (file, &engine_error);
      g_assert_null (direct);
      g_assert_nonnull (engine_error);

      import = kessan_import_new (fixture->library, file);
      g_assert_false (kessan_import_read (import, NULL, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, engine_error->message);
      g_assert_true (error->domain == engine_error->domain && error->code == engine_error->code);
      g_assert_cmpstr (kessan_import_get_error (import)->message, ==, engine_error->message);
      g_assert_cmpint (kessan_import_get_state (import), ==, KESSAN_IMPORT_STATE_FAILED);
      g_clear_error (&error);
      g_assert_null (kessan_import_commit (import, KESSAN_IMPORT_MODE_ADD, TRUE, NULL, NULL, &error));
      g_assert_error (error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_NOT_READ);
    }

  g_assert_cmpuint (library_size (fixture), ==, 0);
  {
    g_autofree char *library_dir = library_path (fixture, NULL);

    g_assert_false (g_file_test (library_dir, G_FILE_TEST_EXISTS));
  }
}

/* A library folder that cannot be written (a file, which stops root too):
 * the commit fails with the library's message and writes nothing. */
static void
test_library_not_writable (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_autoptr(GFile) file = g_file_new_for_path (seed);
  g_autofree char *blocked = g_build_filename (fixture->dir, "blocked", NULL);
  g_autoptr(GFile) blocked_file = g_file_new_for_path (blocked);
  g_autoptr(KessanLibrary) library = kessan_library_new (blocked_file);
  g_autoptr(KessanImport) import = NULL;
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  kessan_test_write_file (blocked, "a file, not a folder", -1);
  import = kessan_import_new (library, file);
  g_assert_true (kessan_import_read (import, NULL, &error));
  g_assert_no_error (error);
  added = kessan_import_commit (import, KESSAN_IMPORT_MODE_ADD, TRUE, NULL, NULL, &error);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_assert_null (added);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  contents = kessan_test_read_file (blocked, NULL);
  g_assert_cmpstr (contents, ==, "a file, not a folder");
}

/* The same file again, and another release of the same period: Add is
 * refused, Keep Both and Replace do what they say, and a replacement can
 * be undone. */
static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *seed = kessan_test_seed_path ("003_3f09aa9018b22431.txt");
  g_autoptr(GFile) seed_file = g_file_new_for_path (seed);
  g_autofree char *text = kessan_test_load_seed ("003_3f09aa9018b22431.txt", NULL);
  g_autofree char *changed = g_strconcat (text, "\nReleased again for the test.\n", NULL);
  g_autoptr(GFile) again_file = write_release (fixture, "again.txt", changed);
  g_autoptr(KessanImport) first = read_import (fixture, seed_file);
  g_autoptr(KessanImport) same = NULL;
  g_autoptr(KessanImport) again = NULL;
  g_autoptr(KessanFiling) original = NULL;
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(KessanFiling) replaced = NULL;
  g_autoptr(GBytes) replaced_source = NULL;
  g_autoptr(GError) error = NULL;
  KessanDuplicateKind kind;

  original = kessan_import_commit (first, KESSAN_IMPORT_MODE_ADD, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The same bytes. */
  same = read_import (fixture, seed_file);
  g_assert_true (kessan_import_find_duplicate (same, &kind) == original);
  g_assert_cmpint (kind, ==, KESSAN_DUPLICATE_SAME_SOURCE);
  g_assert_null (kessan_import_commit (same, KESSAN_IMPORT_MODE_ADD, TRUE, NULL, NULL, &error));
  g_assert_error (error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_null (kessan_import_commit (same, KESSAN_IMPORT_MODE_KEEP_BOTH, TRUE, NULL, NULL, &error));
  g_assert_error (error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpuint (library_size (fixture), ==, 1);

  /* The same company and period, other bytes. */
  again = read_import (fixture, again_file);
  g_assert_true (kessan_import_find_duplicate (again, &kind) == original);
  g_assert_cmpint (kind, ==, KESSAN_DUPLICATE_SAME_PERIOD);
  g_assert_null (kessan_import_commit (again, KESSAN_IMPORT_MODE_ADD, TRUE, NULL, NULL, &error));
  g_assert_error (error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_DUPLICATE);
  g_clear_error (&error);

  added = kessan_import_commit (again, KESSAN_IMPORT_MODE_REPLACE, TRUE, &replaced, &replaced_source, &error);
  g_assert_no_error (error);
  g_assert_true (replaced == original);
  g_assert_nonnull (replaced_source);
  g_assert_cmpuint (library_size (fixture), ==, 1);
  g_assert_null (kessan_library_find_by_hash (fixture->library, kessan_filing_get_source_hash (original)));
  g_assert_true (kessan_library_find_by_hash (fixture->library, kessan_filing_get_source_hash (added)) == added);

  /* Undo: the old one is back, the new one gone. */
  g_assert_true (kessan_import_undo_replace (fixture->library, added, replaced, replaced_source, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (library_size (fixture), ==, 1);
  g_assert_nonnull (kessan_library_find_by_hash (fixture->library, kessan_filing_get_source_hash (original)));
  g_assert_null (kessan_library_find_by_hash (fixture->library, kessan_filing_get_source_hash (added)));
  g_clear_object (&added);

  /* Keep both. */
  g_clear_object (&again);
  again = read_import (fixture, again_file);
  added = kessan_import_commit (again, KESSAN_IMPORT_MODE_KEEP_BOTH, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (library_size (fixture), ==, 2);
}

static KessanFiling *
load_again (Fixture *fixture)
{
  g_autoptr(KessanLibrary) fresh = kessan_library_new (kessan_library_get_directory (fixture->library));
  g_autoptr(GError) error = NULL;
  KessanFiling *filing;

  g_assert_true (kessan_library_load (fresh, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, 1);
  filing = g_list_model_get_item (G_LIST_MODEL (fresh), 0);
  return filing;
}

static void
assert_shifted_corrected (KessanFiling      *filing,
                          KessanTestShifted *shifted)
{
  KessanStatement *statement = kessan_filing_find_statement (filing, shifted->statement);
  KessanLineItem *row = kessan_statement_get_row (statement, shifted->row);
  guint n_errors = 0;

  g_assert_true (kessan_line_item_has_value (row, shifted->right_column));
  g_assert_false (kessan_line_item_has_value (row, shifted->wrong_column));
  g_assert_cmpfloat (kessan_line_item_get_value (row, shifted->right_column), ==, shifted->value);
  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    n_errors += kessan_finding_get_severity (kessan_filing_get_finding (filing, i)) == KESSAN_SEVERITY_ERROR;
  g_assert_cmpuint (n_errors, ==, shifted->n_errors);
}

/* A number in the wrong column: the checks find it, the correction moves
 * it back, the checks pass as for the seed; the correction is kept with
 * the filing, survives a fresh load of the library, and is made again
 * when the same file is imported again after removal. */
static void
test_move_value (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(KessanTestShifted) shifted;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KessanImport) import = NULL;
  g_autoptr(KessanImport) reimport = NULL;
  g_autoptr(KessanCorrection) correction = NULL;
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(KessanFiling) reloaded = NULL;
  g_autoptr(KessanFiling) readded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *corrections_file = NULL;
  gboolean found_error = FALSE;
  KessanFiling *filing;

  kessan_test_make_shifted_variant ("004_df6267c19d93d050.txt", &shifted);
  g_test_message ("%s row %u: %g moved from column %u to column %u",
                  shifted.statement, shifted.row, shifted.value, shifted.right_column, shifted.wrong_column);
  file = write_release (fixture, "shifted.txt", shifted.text);
  import = read_import (fixture, file);
  filing = kessan_import_get_filing (import);

  g_assert_cmpuint (kessan_import_count_findings (import, KESSAN_SEVERITY_ERROR), >, shifted.n_errors);
  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);

      found_error |= kessan_finding_get_severity (finding) == KESSAN_SEVERITY_ERROR &&
                     g_strcmp0 (kessan_finding_get_statement (finding), shifted.statement) == 0;
    }
  g_assert_true (found_error);

  /* A correction that does not fit is refused and changes nothing. */
  correction = kessan_correction_new_move_value (shifted.statement, shifted.row, shifted.right_column, shifted.wrong_column);
  g_assert_false (kessan_import_apply_correction (import, correction, &error));
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT);
  g_clear_error (&error);
  g_clear_object (&correction);
  g_assert_cmpuint (g_list_model_get_n_items (kessan_filing_get_corrections (filing)), ==, 0);

  correction = kessan_correction_new_move_value (shifted.statement, shifted.row, shifted.wrong_column, shifted.right_column);
  g_assert_true (kessan_import_apply_correction (import, correction, &error));
  g_assert_no_error (error);
  assert_shifted_corrected (filing, &shifted);
  g_assert_true (kessan_filing_find_correction (filing, shifted.statement, (int) shifted.row, (int) shifted.right_column) == correction);
  g_assert_null (kessan_filing_find_correction (filing, shifted.statement, (int) shifted.row, (int) shifted.wrong_column));

  /* Undo and redo. */
  g_assert_true (kessan_import_undo_correction (import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kessan_import_count_findings (import, KESSAN_SEVERITY_ERROR), >, shifted.n_errors);
  g_assert_true (kessan_import_apply_correction (import, correction, &error));
  filing = kessan_import_get_filing (import);
  assert_shifted_corrected (filing, &shifted);

  added = kessan_import_commit (import, KESSAN_IMPORT_MODE_ADD, shifted.n_errors > 0, NULL, NULL, &error);
  g_assert_no_error (error);
  corrections_file = g_strdup_printf ("%s/library/corrections/%s.json", fixture->dir, kessan_filing_get_source_hash (added));
  g_assert_true (g_file_test (corrections_file, G_FILE_TEST_IS_REGULAR));

  /* A restart of the library. */
  reloaded = load_again (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (kessan_filing_get_corrections (reloaded)), ==, 1);
  assert_shifted_corrected (reloaded, &shifted);
  g_assert_nonnull (kessan_filing_find_correction (reloaded, shifted.statement, (int) shifted.row, (int) shifted.right_column));

  /* Removed, then imported again: the correction is made again. */
  g_assert_true (kessan_library_remove (fixture->library, added, &error));
  g_assert_no_error (error);
  reimport = read_import (fixture, file);
  g_assert_cmpuint (kessan_import_get_n_reapplied (reimport), ==, 1);
  assert_shifted_corrected (kessan_import_get_filing (reimport), &shifted);
  readded = kessan_import_commit (reimport, KESSAN_IMPORT_MODE_ADD, shifted.n_errors > 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kessan_filing_get_corrections (readded)), ==, 1);
}

/* The other corrections, each changing what it says, round-tripped
 * through the filing's JSON. */
static void
test_other_corrections (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_autoptr(GFile) file = g_file_new_for_path (seed);
  g_autoptr(KessanImport) import = read_import (fixture, file);
  KessanFiling *filing = kessan_import_get_filing (import);
  KessanConcepts *concepts = kessan_concepts_get_default ();
  g_autoptr(KessanCorrection) role = NULL;
  g_autoptr(KessanCorrection) plain = NULL;
  g_autoptr(KessanCorrection) concept = NULL;
  g_autoptr(KessanCorrection) fresh = NULL;
  g_autoptr(KessanCorrection) skip = NULL;
  g_autoptr(KessanCorrection) period = NULL;
  g_autoptr(KessanFiling) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *erring = NULL;
  g_autofree char *new_key = NULL;
  KessanStatement *statement;
  KessanColumn *column;
  KessanLineItem *row;
  const KessanConcept *known;
  guint n_statements = kessan_filing_get_n_statements (filing);
  guint erring_errors = 0;
  guint n_errors = kessan_import_count_findings (import, KESSAN_SEVERITY_ERROR);

  /* Column role: the first column of the first statement becomes a
   * percent column in millions of USD. */
  statement = kessan_filing_get_statement (filing, 0);
  role = kessan_correction_new_column_role (kessan_statement_get_id (statement), 0, "2001-12-31", 3,
                                            KESSAN_MEASURE_CHANGE_YOY, KESSAN_CURRENCY_USD, 1000000);
  g_assert_true (kessan_import_apply_correction (import, role, &error));
  g_assert_no_error (error);
  column = kessan_statement_get_column (statement, 0);
  g_assert_cmpstr (kessan_column_get_period_end (column), ==, "2001-12-31");
  g_assert_cmpuint (kessan_column_get_months (column), ==, 3);
  g_assert_cmpint (kessan_column_get_measure (column), ==, KESSAN_MEASURE_CHANGE_YOY);
  g_assert_cmpint (kessan_column_get_currency (column), ==, KESSAN_CURRENCY_USD);
  g_assert_cmpuint (kessan_column_get_scale (column), ==, 1000000);
  g_assert_cmpint (kessan_column_get_unit (column), ==, KESSAN_UNIT_PERCENT);

  /* A count without currency: "currency" is null in the JSON. */
  plain = kessan_correction_new_column_role (kessan_statement_get_id (statement), 1, NULL, 0,
                                             KESSAN_MEASURE_AMOUNT, KESSAN_CURRENCY_NONE, 1);
  g_assert_true (kessan_import_apply_correction (import, plain, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kessan_column_get_currency (kessan_statement_get_column (statement, 1)), ==, KESSAN_CURRENCY_NONE);

  /* Row concept from the dictionary: the row takes its labels. */
  known = kessan_concepts_get (concepts, kessan_concepts_get_keys (concepts)[0]);
  concept = kessan_correction_new_row_concept (kessan_statement_get_id (statement), 0, known->key, NULL);
  g_assert_true (kessan_import_apply_correction (import, concept, &error));
  row = kessan_statement_get_row (statement, 0);
  g_assert_cmpstr (kessan_line_item_get_concept (row), ==, known->key);
  g_assert_cmpstr (kessan_line_item_get_label_en (row), ==, known->label_en);

  /* A new concept, named by the analyst. */
  fresh = kessan_correction_new_row_concept (kessan_statement_get_id (statement), 1, NULL, "Frobnication fees");
  g_assert_true (kessan_import_apply_correction (import, fresh, &error));
  new_key = kessan_concepts_make_key ("Frobnication fees");
  g_assert_cmpstr (kessan_line_item_get_concept (kessan_statement_get_row (statement, 1)), ==, new_key);

  /* Skip a table with an error: it and its errors are gone. */
  for (guint i = 0; i < kessan_filing_get_n_findings (filing) && erring == NULL; i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);

      if (kessan_finding_get_severity (finding) == KESSAN_SEVERITY_ERROR && kessan_finding_get_statement (finding) != NULL)
        erring = g_strdup (kessan_finding_get_statement (finding));
    }
  g_assert_nonnull (erring);
  n_errors = kessan_import_count_findings (import, KESSAN_SEVERITY_ERROR);
  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);

      erring_errors += kessan_finding_get_severity (finding) == KESSAN_SEVERITY_ERROR &&
                       g_strcmp0 (kessan_finding_get_statement (finding), erring) == 0;
    }
  skip = kessan_correction_new_skip_table (erring);
  g_assert_true (kessan_import_apply_correction (import, skip, &error));
  g_assert_null (kessan_filing_find_statement (filing, erring));
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, n_statements - 1);
  g_assert_cmpuint (kessan_import_count_findings (import, KESSAN_SEVERITY_ERROR), <=, n_errors - erring_errors);

  /* Fiscal period. */
  period = kessan_correction_new_fiscal_period (2004, 1);
  g_assert_true (kessan_import_apply_correction (import, period, &error));
  g_assert_cmpuint (kessan_filing_get_fiscal_year (filing), ==, 2004);
  g_assert_cmpuint (kessan_filing_get_fiscal_quarter (filing), ==, 1);
  g_assert_cmpstr (kessan_filing_get_period_end (filing), ==, "2004-06-30");

  /* Through JSON and back: the same corrections, the same numbers. */
  json = kessan_filing_to_json (filing, TRUE);
  copy = kessan_filing_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kessan_filing_get_corrections (copy)), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(KessanCorrection) a = g_list_model_get_item (kessan_filing_get_corrections (filing), i);
      g_autoptr(KessanCorrection) b = g_list_model_get_item (kessan_filing_get_corrections (copy), i);
      g_autofree char *da = kessan_correction_describe (a);
      g_autofree char *db = kessan_correction_describe (b);

      g_assert_cmpint (kessan_correction_get_kind (a), ==, kessan_correction_get_kind (b));
      g_assert_cmpstr (da, ==, db);
    }
  kessan_test_assert_same_numbers (filing, copy);
  g_assert_cmpuint (kessan_filing_get_fiscal_year (copy), ==, 2004);
}

/* A filing file written before corrections existed has none. */
static void
test_old_filing_loads (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) bytes = kessan_test_load_seed_bytes ("004_df6267c19d93d050.txt");
  g_autoptr(KessanFiling) filing = kessan_parse_release (bytes, "004.txt", NULL);
  g_autoptr(KessanFiling) copy = NULL;
  g_autofree char *json = kessan_filing_to_json (filing, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_null (strstr (json, "\"corrections\""));
  copy = kessan_filing_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kessan_filing_get_corrections (copy)), ==, 0);
}

/* kessan-cli import: one line per file and the exit statuses. */
static void
test_cli_import (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *seed = kessan_test_seed_path ("003_3f09aa9018b22431.txt");
  g_autofree char *other = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_autofree char *clean_text = kessan_test_make_clean_variant ("001_ac7abb1bfabe4158.txt");
  g_autoptr(GFile) clean_file = write_release (fixture, "clean.txt", clean_text);
  g_autofree char *clean = g_file_get_path (clean_file);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.txt", NULL);
  g_autofree char *dir = library_path (fixture, NULL);
  g_autofree char *filings = library_path (fixture, "filings");
  g_autofree char *option = g_strconcat ("--library=", dir, NULL);
  g_auto(KessanTestRun) refused;
  g_auto(KessanTestRun) added;
  g_auto(KessanTestRun) forced;
  g_auto(KessanTestRun) skipped;
  g_auto(KessanTestRun) bad;
  g_auto(KessanTestRun) usage;

  kessan_test_run_cli (&added, "import", option, clean, NULL);
  g_assert_cmpint (added.status, ==, 0);
  g_assert_true (g_str_has_prefix (added.out, clean));
  g_assert_nonnull (strstr (added.out, ": added as "));
  g_assert_cmpuint (count_entries (filings), ==, 1);

  kessan_test_run_cli (&refused, "import", option, seed, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.out, ": refused: "));
  g_assert_nonnull (strstr (refused.out, "--force"));
  g_assert_cmpuint (count_entries (filings), ==, 1);

  kessan_test_run_cli (&forced, "import", "--force", option, seed, NULL);
  g_assert_cmpint (forced.status, ==, 0);
  g_assert_nonnull (strstr (forced.out, ": added as "));
  g_assert_cmpuint (count_entries (filings), ==, 2);

  /* 004 is the same quarter as 003; 003 itself is the same file. */
  kessan_test_run_cli (&skipped, "import", "--force", option, other, seed, NULL);
  g_assert_cmpint (skipped.status, ==, 1);
  g_assert_nonnull (strstr (skipped.out, "004_df6267c19d93d050.txt: skipped: "));
  g_assert_nonnull (strstr (skipped.out, "003_3f09aa9018b22431.txt: skipped: "));
  g_assert_cmpuint (count_entries (filings), ==, 2);

  kessan_test_write_file (empty, "", 0);
  kessan_test_run_cli (&bad, "import", option, empty, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_cmpstr (bad.out, ==, "");
  g_assert_nonnull (strstr (bad.err, empty));
  g_assert_cmpuint (count_entries (filings), ==, 2);

  kessan_test_run_cli (&usage, "import", option, NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD_TEST(path, func) \
  g_test_add ("/kessan/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("errors-need-force", test_errors_need_force);
  ADD_TEST ("clean-release", test_clean_release);
  ADD_TEST ("read-async", test_read_async);
  ADD_TEST ("read-cancelled", test_read_cancelled);
  ADD_TEST ("bad-input", test_bad_input);
  ADD_TEST ("library-not-writable", test_library_not_writable);
  ADD_TEST ("duplicates", test_duplicates);
  ADD_TEST ("move-value", test_move_value);
  ADD_TEST ("other-corrections", test_other_corrections);
  ADD_TEST ("old-filing-loads", test_old_filing_loads);
  ADD_TEST ("cli", test_cli_import);

#undef ADD_TEST

  return g_test_run ();
}
