/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "kessan.h"
#include "kessan-test-util.h"

/* The library on disk: what it writes, what it reads back, and that it
 * never loses or overwrites a file it cannot read, whatever goes wrong in
 * the middle of a write. */

static const char * const seed_names[] = {
  "001_ac7abb1bfabe4158.txt",
  "003_3f09aa9018b22431.txt",
  "004_df6267c19d93d050.txt",
};
#define N_SEEDS G_N_ELEMENTS (seed_names)

static const char * const seed_hashes[] = {
  "fdfad6247be89b0a3b4701cc1de66dbe427f5c5c40b60638d1e038ce6f27998c",
  "c6534bd8be243cd2d46f8c03e8fd4f06f33caf928ab5346e30015b38496fa82c",
  "bf843924fe26620354269f5e284bf266a4eceda88fbed7f990f57dbb0ce2249e",
};

/* Parsed once: parsing is most of the time a test takes. */
static KessanFiling *seed_filings[N_SEEDS];
static GBytes *seed_bytes[N_SEEDS];

static void
load_seeds (void)
{
  for (guint i = 0; i < N_SEEDS; i++)
    {
      g_autoptr(GError) error = NULL;

      seed_bytes[i] = kessan_test_load_seed_bytes (seed_names[i]);
      seed_filings[i] = kessan_parse_release (seed_bytes[i], seed_names[i], &error);
      g_assert_no_error (error);
      kessan_filing_run_checks (seed_filings[i]);
      g_assert_cmpstr (kessan_filing_get_source_hash (seed_filings[i]), ==, seed_hashes[i]);
    }
}

static void
free_seeds (void)
{
  for (guint i = 0; i < N_SEEDS; i++)
    {
      g_clear_object (&seed_filings[i]);
      g_clear_pointer (&seed_bytes[i], g_bytes_unref);
    }
}

/* A temporary library folder per test, removed afterwards. */
typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = kessan_test_make_temp_dir ("kessan-library-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kessan_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static KessanLibrary *
library_at (const char *dir)
{
  g_autoptr(GFile) directory = g_file_new_for_path (dir);

  return kessan_library_new (directory);
}

static KessanLibrary *
loaded_library_at (const char *dir)
{
  g_autoptr(KessanLibrary) library = library_at (dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (kessan_library_load (library, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&library);
}

static void
add_seed (KessanLibrary *library,
          guint          i)
{
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(GError) error = NULL;
  gboolean duplicate = TRUE;

  added = kessan_library_add (library, seed_filings[i], seed_bytes[i], &duplicate, &error);
  g_assert_no_error (error);
  g_assert_true (added == seed_filings[i]);
  g_assert_false (duplicate);
}

static char *
filing_path (const char *dir,
             const char *hash)
{
  g_autofree char *name = g_strconcat (hash, ".json", NULL);

  return g_build_filename (dir, "filings", name, NULL);
}

static char *
source_path (const char *dir,
             guint       i)
{
  g_autofree char *name = g_strconcat (seed_hashes[i], "-", seed_names[i], NULL);

  return g_build_filename (dir, "sources", name, NULL);
}

static int
compare_string_pointers (gconstpointer a,
                         gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every entry under @dir with its size, inode and change time: a write,
 * a rename or a new file shows as a difference. */
static void
append_tree (GString    *out,
             const char *path,
             const char *relative)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_string_pointers);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, names->pdata[i], NULL);
      g_autofree char *child_relative = g_build_filename (relative, names->pdata[i], NULL);
      struct stat st;

      g_assert_cmpint (lstat (child, &st), ==, 0);
      g_string_append_printf (out, "%s %ld %lu %ld.%09ld\n", child_relative, (long) st.st_size,
                              (unsigned long) st.st_ino, (long) st.st_ctim.tv_sec, (long) st.st_ctim.tv_nsec);
      if (S_ISDIR (st.st_mode))
        append_tree (out, child, child_relative);
    }
}

static char *
snapshot_tree (const char *dir)
{
  GString *out = g_string_new (NULL);

  append_tree (out, dir, "");
  return g_string_free (out, FALSE);
}

/* Names in @dir that are not filings or sources: temporary files. */
static guint
count_hidden_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (name[0] == '.')
      n++;

  return n;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static gboolean
running_as_root (void)
{
  if (geteuid () != 0)
    return FALSE;

  g_test_skip ("root ignores file permissions");
  return TRUE;
}

static KessanFiling *
item (KessanLibrary *library,
      guint          position)
{
  /* The model holds a reference; the tests only look. */
  g_autoptr(KessanFiling) filing = g_list_model_get_item (G_LIST_MODEL (library), position);

  g_assert_nonnull (filing);
  return filing;
}

static void
assert_sorted (KessanLibrary *library)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  for (guint i = 1; i < n; i++)
    {
      KessanFiling *a = item (library, i - 1);
      KessanFiling *b = item (library, i);
      int cmp = g_strcmp0 (kessan_filing_get_period_end (a), kessan_filing_get_period_end (b));

      g_assert_cmpint (cmp, >=, 0);
      if (cmp == 0)
        g_assert_cmpint (g_strcmp0 (kessan_filing_get_released (a), kessan_filing_get_released (b)), >=, 0);
    }
}

static void
assert_same_filing (KessanFiling *a,
                    KessanFiling *b)
{
  g_assert_cmpstr (kessan_filing_get_source_hash (a), ==, kessan_filing_get_source_hash (b));
  g_assert_cmpstr (kessan_filing_get_source_name (a), ==, kessan_filing_get_source_name (b));
  g_assert_cmpstr (kessan_filing_get_company (a), ==, kessan_filing_get_company (b));
  g_assert_cmpstr (kessan_filing_get_period_end (a), ==, kessan_filing_get_period_end (b));
  g_assert_cmpstr (kessan_filing_get_released (a), ==, kessan_filing_get_released (b));
  g_assert_cmpstr (kessan_filing_get_text (a), ==, kessan_filing_get_text (b));
  g_assert_cmpuint (kessan_filing_get_n_findings (a), ==, kessan_filing_get_n_findings (b));
  g_assert_cmpuint (kessan_filing_get_n_statements (a), ==, kessan_filing_get_n_statements (b));

  for (guint s = 0; s < kessan_filing_get_n_statements (a); s++)
    {
      KessanStatement *sa = kessan_filing_get_statement (a, s);
      KessanStatement *sb = kessan_filing_get_statement (b, s);

      g_assert_cmpstr (kessan_statement_get_id (sa), ==, kessan_statement_get_id (sb));
      g_assert_cmpuint (kessan_statement_get_n_rows (sa), ==, kessan_statement_get_n_rows (sb));
      g_assert_cmpuint (kessan_statement_get_n_columns (sa), ==, kessan_statement_get_n_columns (sb));
      for (guint r = 0; r < kessan_statement_get_n_rows (sa); r++)
        {
          KessanLineItem *ra = kessan_statement_get_row (sa, r);
          KessanLineItem *rb = kessan_statement_get_row (sb, r);

          g_assert_cmpstr (kessan_line_item_get_label (ra), ==, kessan_line_item_get_label (rb));
          for (guint c = 0; c < kessan_statement_get_n_columns (sa); c++)
            {
              g_assert_cmpint (kessan_line_item_has_value (ra, c), ==, kessan_line_item_has_value (rb, c));
              if (kessan_line_item_has_value (ra, c))
                g_assert_cmpfloat (kessan_line_item_get_value (ra, c), ==, kessan_line_item_get_value (rb, c));
              g_assert_cmpuint (kessan_line_item_get_value_line (ra, c), ==, kessan_line_item_get_value_line (rb, c));
            }
        }
    }
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = loaded_library_at (fixture->dir);
  g_autoptr(KessanLibrary) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changes = 0;

  g_signal_connect (library, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);

  /* Through the file, as the app and the CLI do, for the first seed. */
  {
    g_autofree char *path = kessan_test_seed_path (seed_names[0]);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(KessanFiling) filing = NULL;
    gboolean duplicate = TRUE;

    filing = kessan_library_import_file (library, file, &duplicate, &error);
    g_assert_no_error (error);
    g_assert_false (duplicate);
    g_assert_cmpstr (kessan_filing_get_source_hash (filing), ==, seed_hashes[0]);
    g_assert_cmpstr (kessan_filing_get_source_name (filing), ==, seed_names[0]);
    g_assert_cmpuint (kessan_filing_get_n_findings (filing), ==, kessan_filing_get_n_findings (seed_filings[0]));
  }
  add_seed (library, 2);
  add_seed (library, 1);
  g_assert_cmpuint (n_changes, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 3);
  assert_sorted (library);

  for (guint i = 0; i < N_SEEDS; i++)
    {
      g_autofree char *json = filing_path (fixture->dir, seed_hashes[i]);
      g_autofree char *source = source_path (fixture->dir, i);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
      contents = kessan_test_read_file (source, &length);
      g_assert_cmpmem (contents, length, g_bytes_get_data (seed_bytes[i], NULL), g_bytes_get_size (seed_bytes[i]));
    }
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);

  reloaded = loaded_library_at (fixture->dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 3);
  g_assert_cmpstrv (kessan_library_get_problems (reloaded), ((const char *[]) { NULL }));
  assert_sorted (reloaded);
  for (guint i = 0; i < 3; i++)
    {
      KessanFiling *before = item (library, i);
      KessanFiling *after = item (reloaded, i);
      g_autoptr(GBytes) source = NULL;
      g_autofree char *hash = NULL;

      assert_same_filing (before, after);
      source = kessan_library_read_source (reloaded, after, &error);
      g_assert_no_error (error);
      hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, source);
      g_assert_cmpstr (hash, ==, kessan_filing_get_source_hash (after));
    }
  for (guint i = 0; i < N_SEEDS; i++)
    assert_same_filing (kessan_library_find_by_hash (reloaded, seed_hashes[i]), seed_filings[i]);

  /* A few cells, by name: the balance sheet total of 004. */
  {
    KessanFiling *filing = kessan_library_find_by_hash (reloaded, seed_hashes[2]);
    KessanStatement *balance = kessan_filing_find_statement (filing, "en-balance");
    KessanLineItem *assets;

    g_assert_nonnull (balance);
    assets = kessan_statement_find_row (balance, "assets.total");
    g_assert_nonnull (assets);
    g_assert_true (kessan_line_item_has_value (assets, 1) || kessan_line_item_has_value (assets, 0));
  }

  g_assert_finalize_object (g_steal_pointer (&reloaded));
  g_assert_finalize_object (g_steal_pointer (&library));
}

/* The files of a release written from a thread, the filing added to the
 * model on the main thread after: as the app adds its samples. */
static gpointer
write_new_thread (gpointer data)
{
  gpointer *args = data;
  GError *error = NULL;

  if (!kessan_library_write_new (args[0], args[1], args[2], &error))
    return error;
  return NULL;
}

static void
test_write_new (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = loaded_library_at (fixture->dir);
  g_autoptr(KessanLibrary) reloaded = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(KessanFiling) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = filing_path (fixture->dir, seed_hashes[1]);
  g_autofree char *source = source_path (fixture->dir, 1);
  gpointer args[3];
  GThread *thread;
  guint n_changes = 0;

  filing = kessan_parse_release (seed_bytes[1], seed_names[1], &error);
  g_assert_no_error (error);
  g_signal_connect (library, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);

  args[0] = library;
  args[1] = filing;
  args[2] = seed_bytes[1];
  thread = g_thread_new ("write-new", write_new_thread, args);
  error = g_thread_join (thread);
  g_assert_no_error (error);

  /* On disk, not yet in the model. */
  g_assert_cmpstr (kessan_filing_get_source_hash (filing), ==, seed_hashes[1]);
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (source, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);

  added = kessan_library_add_written (library, filing);
  g_assert_true (added == filing);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_true (kessan_library_find_by_hash (library, seed_hashes[1]) == filing);

  /* Twice is once. */
  again = kessan_library_add_written (library, filing);
  g_assert_true (again == filing);
  g_assert_cmpuint (n_changes, ==, 1);

  reloaded = loaded_library_at (fixture->dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  assert_same_filing (item (reloaded, 0), filing);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = loaded_library_at (fixture->dir);
  g_autoptr(KessanFiling) again = NULL;
  g_autoptr(KessanFiling) renamed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *seed = kessan_test_seed_path (seed_names[1]);
  g_autofree char *copy = g_build_filename (fixture->dir, "renamed.txt", NULL);
  g_autoptr(GFile) seed_file = g_file_new_for_path (seed);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy);
  guint n_changes = 0;
  gboolean duplicate = FALSE;

  add_seed (library, 1);
  kessan_test_write_file (copy, g_bytes_get_data (seed_bytes[1], NULL), g_bytes_get_size (seed_bytes[1]));
  before = snapshot_tree (fixture->dir);
  g_signal_connect (library, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);

  again = kessan_library_import_file (library, seed_file, &duplicate, &error);
  g_assert_no_error (error);
  g_assert_true (duplicate);
  g_assert_true (again == seed_filings[1]);

  /* The same bytes under another name are the same release. */
  duplicate = FALSE;
  renamed = kessan_library_import_file (library, copy_file, &duplicate, &error);
  g_assert_no_error (error);
  g_assert_true (duplicate);
  g_assert_true (renamed == seed_filings[1]);

  after = snapshot_tree (fixture->dir);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
}

/* A library that was not loaded still finds a release already on disk,
 * rather than writing it again. */
static void
test_duplicate_not_loaded (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(KessanLibrary) first = loaded_library_at (fixture->dir);
  g_autoptr(KessanLibrary) second = library_at (fixture->dir);
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean duplicate = FALSE;

  add_seed (first, 0);
  before = snapshot_tree (fixture->dir);

  filing = kessan_library_add (second, seed_filings[0], seed_bytes[0], &duplicate, &error);
  g_assert_no_error (error);
  g_assert_true (duplicate);
  g_assert_false (filing == seed_filings[0]);
  assert_same_filing (filing, seed_filings[0]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 1);

  after = snapshot_tree (fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = loaded_library_at (fixture->dir);
  g_autoptr(KessanLibrary) reloaded = NULL;
  g_autoptr(KessanFiling) restored = NULL;
  g_autoptr(GBytes) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = filing_path (fixture->dir, seed_hashes[0]);
  g_autofree char *copy = source_path (fixture->dir, 0);
  g_autofree char *sources = g_build_filename (fixture->dir, "sources", NULL);
  g_autofree char *filings = g_build_filename (fixture->dir, "filings", NULL);
  KessanFiling *filing;
  gboolean duplicate = TRUE;

  add_seed (library, 0);
  add_seed (library, 2);
  filing = kessan_library_find_by_hash (library, seed_hashes[0]);

  /* What the app keeps to undo. */
  source = kessan_library_read_source (library, filing, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (source, seed_bytes[0]));

  g_assert_true (kessan_library_remove (library, filing, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (json, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (filings), ==, 1);
  g_assert_cmpuint (count_files (sources), ==, 1);
  g_assert_null (kessan_library_find_by_hash (library, seed_hashes[0]));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);

  reloaded = loaded_library_at (fixture->dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_cmpstr (kessan_filing_get_source_hash (item (reloaded, 0)), ==, seed_hashes[2]);

  /* Undo. */
  restored = kessan_library_add (library, seed_filings[0], source, &duplicate, &error);
  g_assert_no_error (error);
  g_assert_false (duplicate);
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);
}

static void
test_remove_fails (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filings = g_build_filename (fixture->dir, "filings", NULL);
  g_autofree char *json = filing_path (fixture->dir, seed_hashes[0]);

  if (running_as_root ())
    return;

  library = loaded_library_at (fixture->dir);
  add_seed (library, 0);
  g_assert_cmpint (g_chmod (filings, 0500), ==, 0);

  g_assert_false (kessan_library_remove (library, seed_filings[0], &error));
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
  g_assert_true (kessan_library_find_by_hash (library, seed_hashes[0]) == seed_filings[0]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);

  g_assert_cmpint (g_chmod (filings, 0700), ==, 0);
}

static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  static const char garbage[] = "{\"format\": \"kessan-filing\", \"version\": 1, \"statements\": [{\"id\": ";
  static const char stranger_hash[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  g_autoptr(KessanLibrary) library = loaded_library_at (fixture->dir);
  g_autoptr(KessanLibrary) reloaded = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *corrupt = filing_path (fixture->dir, seed_hashes[1]);
  g_autofree char *stranger = filing_path (fixture->dir, stranger_hash);
  g_autofree char *misnamed = filing_path (fixture->dir, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  g_autofree char *other = g_build_filename (fixture->dir, "filings", "notes.json", NULL);
  g_autofree char *good = filing_path (fixture->dir, seed_hashes[0]);
  g_autofree char *good_json = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *seed = kessan_test_seed_path (seed_names[1]);
  g_autoptr(GFile) seed_file = g_file_new_for_path (seed);
  const char * const *problems;
  gsize length;

  for (guint i = 0; i < N_SEEDS; i++)
    add_seed (library, i);

  /* A filing whose file was damaged, a stranger's garbage, a valid filing
   * under another release's name, and a file that is not a filing. */
  kessan_test_write_file (corrupt, garbage, sizeof garbage - 1);
  kessan_test_write_file (stranger, "\xff\xfe\x00garbage", 10);
  good_json = kessan_test_read_file (good, &length);
  kessan_test_write_file (misnamed, good_json, length);
  kessan_test_write_file (other, "[]", -1);
  before = snapshot_tree (fixture->dir);

  reloaded = loaded_library_at (fixture->dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  g_assert_nonnull (kessan_library_find_by_hash (reloaded, seed_hashes[0]));
  g_assert_nonnull (kessan_library_find_by_hash (reloaded, seed_hashes[2]));
  g_assert_null (kessan_library_find_by_hash (reloaded, seed_hashes[1]));

  problems = kessan_library_get_problems (reloaded);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 3);
  g_assert_true (g_str_has_prefix (problems[0], stranger));
  g_assert_true (g_str_has_prefix (problems[1], misnamed));
  g_assert_true (g_str_has_prefix (problems[2], corrupt));
  g_assert_nonnull (strstr (problems[2], "Not a Kessan filing"));

  /* Importing the damaged release again leaves the damaged file alone. */
  filing = kessan_library_import_file (reloaded, seed_file, NULL, &error);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_assert_null (filing);
  g_assert_nonnull (strstr (error->message, corrupt));
  g_clear_error (&error);

  /* Loading again changes nothing either. */
  g_assert_true (kessan_library_load (reloaded, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) kessan_library_get_problems (reloaded)), ==, 3);

  after = snapshot_tree (fixture->dir);
  g_assert_cmpstr (before, ==, after);
  {
    g_autofree char *contents = kessan_test_read_file (corrupt, &length);

    g_assert_cmpmem (contents, length, garbage, sizeof garbage - 1);
  }
}

/* What a crash in the middle of a write leaves: temporary files beside
 * the real ones.  They are neither filings nor problems. */
static void
test_interrupted_write (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = loaded_library_at (fixture->dir);
  g_autoptr(KessanLibrary) reloaded = NULL;
  g_autofree char *good = filing_path (fixture->dir, seed_hashes[0]);
  g_autofree char *good_json = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *glib_style = NULL;
  g_autofree char *fresh = NULL;
  gsize length;

  add_seed (library, 0);
  good_json = kessan_test_read_file (good, &length);

  ours = g_strdup_printf ("%s/filings/.%s.json.Ab12Cd.tmp", fixture->dir, seed_hashes[0]);
  glib_style = g_strdup_printf ("%s/filings/%s.json.Xy98Zw", fixture->dir, seed_hashes[0]);
  fresh = g_strdup_printf ("%s/filings/.%s.json.Qq11Rr.tmp", fixture->dir, seed_hashes[1]);
  kessan_test_write_file (ours, good_json, length / 2);
  kessan_test_write_file (glib_style, good_json, length / 3);
  kessan_test_write_file (fresh, "", 0);

  reloaded = loaded_library_at (fixture->dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_cmpstrv (kessan_library_get_problems (reloaded), ((const char *[]) { NULL }));
  assert_same_filing (item (reloaded, 0), seed_filings[0]);
  {
    g_autofree char *contents = kessan_test_read_file (good, NULL);

    g_assert_cmpstr (contents, ==, good_json);
  }
  g_assert_true (g_file_test (ours, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (glib_style, G_FILE_TEST_EXISTS));
}

static void
make_old (const char *path)
{
  struct utimbuf times;

  times.actime = times.modtime = time (NULL) - 120;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

/* What a process killed in the middle of an addition leaves, temporary
 * files and a copy of an original without its filing, is removed when
 * the library is opened, once it is old enough not to be an addition in
 * progress in another process. */
static void
test_leftovers_removed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = loaded_library_at (fixture->dir);
  g_autoptr(KessanLibrary) reloaded = NULL;
  g_autofree char *kept_source = source_path (fixture->dir, 0);
  g_autofree char *orphan = source_path (fixture->dir, 1);
  g_autofree char *fresh_orphan = source_path (fixture->dir, 2);
  g_autofree char *old_tmp = NULL;
  g_autofree char *old_source_tmp = NULL;
  g_autofree char *fresh_tmp = NULL;
  g_autofree char *foreign = NULL;

  add_seed (library, 0);
  make_old (kept_source);

  old_tmp = g_strdup_printf ("%s/filings/.%s.json.Ab12Cd.tmp", fixture->dir, seed_hashes[1]);
  old_source_tmp = g_strdup_printf ("%s/sources/.%s-%s.Ef34Gh.tmp", fixture->dir, seed_hashes[1], seed_names[1]);
  fresh_tmp = g_strdup_printf ("%s/filings/.%s.json.Qq11Rr.tmp", fixture->dir, seed_hashes[2]);
  foreign = g_strdup_printf ("%s/sources/notes.txt", fixture->dir);
  kessan_test_write_file (old_tmp, "{", -1);
  kessan_test_write_file (old_source_tmp, "Revenues", -1);
  kessan_test_write_file (fresh_tmp, "{", -1);
  kessan_test_write_file (orphan, g_bytes_get_data (seed_bytes[1], NULL), g_bytes_get_size (seed_bytes[1]));
  kessan_test_write_file (fresh_orphan, g_bytes_get_data (seed_bytes[2], NULL), g_bytes_get_size (seed_bytes[2]));
  kessan_test_write_file (foreign, "mine", -1);
  make_old (old_tmp);
  make_old (old_source_tmp);
  make_old (orphan);
  make_old (foreign);

  reloaded = loaded_library_at (fixture->dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_cmpstrv (kessan_library_get_problems (reloaded), ((const char *[]) { NULL }));
  g_assert_false (g_file_test (old_tmp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_source_tmp, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (orphan, G_FILE_TEST_EXISTS));
  /* Kept: what may still be being written, the copy of a filing in the
   * library, and a file that is not Kessan's. */
  g_assert_true (g_file_test (fresh_tmp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh_orphan, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept_source, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GBytes) source = kessan_library_read_source (reloaded, item (reloaded, 0), NULL);

    g_assert_nonnull (source);
  }
}

/* Two processes add the same file at once: the one that finds the
 * other's filing file written in the meantime reports the duplicate it
 * is, not a failure. */
static void
test_concurrent_add (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KessanLibrary) first = loaded_library_at (fixture->dir);
  g_autoptr(KessanLibrary) second = loaded_library_at (fixture->dir);
  g_autofree char *path = kessan_test_seed_path (seed_names[0]);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KessanFiling) from_first = NULL;
  g_autoptr(KessanFiling) from_second = NULL;
  g_autoptr(GError) error = NULL;
  gboolean duplicate = TRUE;

  from_first = kessan_library_import_file (first, file, &duplicate, &error);
  g_assert_no_error (error);
  g_assert_false (duplicate);

  /* The second library was loaded before the first added the file. */
  from_second = kessan_library_import_file (second, file, &duplicate, &error);
  g_assert_no_error (error);
  g_assert_nonnull (from_second);
  g_assert_true (duplicate);
  g_assert_cmpstr (kessan_filing_get_source_hash (from_second), ==, seed_hashes[0]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 1);
}

/* A save that fails leaves the previous version and no temporary file. */
static void
assert_failed_save_left_previous (Fixture       *fixture,
                                  KessanLibrary *library,
                                  KessanFiling  *filing,
                                  const char    *previous)
{
  g_autofree char *json = filing_path (fixture->dir, kessan_filing_get_source_hash (filing));
  g_autofree char *filings = g_build_filename (fixture->dir, "filings", NULL);
  g_autofree char *contents = NULL;

  contents = kessan_test_read_file (json, NULL);
  g_assert_cmpstr (contents, ==, previous);
  g_assert_cmpuint (count_hidden_files (filings), ==, 0);
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = loaded_library_at (fixture->dir);
  g_autoptr(KessanLibrary) reloaded = NULL;
  g_autoptr(KessanFiling) filing = kessan_filing_new ();
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(GBytes) source = g_bytes_new_static ("a release\n", 10);
  g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, source);
  g_autoptr(GError) error = NULL;
  guint n_changes = 0;

  kessan_filing_set_company (filing, "Before");
  kessan_filing_set_period_end (filing, "2003-09-30", 3);
  kessan_filing_set_source_name (filing, "hand-made.txt");
  added = kessan_library_add (library, filing, source, NULL, &error);
  g_assert_no_error (error);
  /* The hash comes from the source when the filing has none. */
  g_assert_cmpstr (kessan_filing_get_source_hash (filing), ==, hash);
  add_seed (library, 0);
  g_assert_true (item (library, 0) == filing);

  g_signal_connect (library, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);
  kessan_filing_set_company (filing, "After");
  kessan_filing_set_period_end (filing, "2002-09-30", 3);
  g_assert_true (kessan_library_save (library, filing, &error));
  g_assert_no_error (error);
  g_assert_true (item (library, 1) == filing);
  g_assert_cmpuint (n_changes, ==, 2);

  reloaded = loaded_library_at (fixture->dir);
  g_assert_cmpstr (kessan_filing_get_company (item (reloaded, 1)), ==, "After");
}

static void
test_save_read_only (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(KessanFiling) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seed = kessan_test_seed_path (seed_names[0]);
  g_autofree char *other_seed = kessan_test_seed_path (seed_names[2]);
  g_autoptr(GFile) seed_file = g_file_new_for_path (seed);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_seed);
  g_autofree char *filings = g_build_filename (fixture->dir, "filings", NULL);
  g_autofree char *sources = g_build_filename (fixture->dir, "sources", NULL);
  g_autofree char *json = filing_path (fixture->dir, seed_hashes[0]);
  g_autofree char *previous = NULL;

  if (running_as_root ())
    return;

  library = loaded_library_at (fixture->dir);
  filing = kessan_library_import_file (library, seed_file, NULL, &error);
  g_assert_no_error (error);
  previous = kessan_test_read_file (json, NULL);
  g_assert_cmpint (g_chmod (filings, 0500), ==, 0);

  kessan_filing_set_company (filing, "Changed");
  g_assert_false (kessan_library_save (library, filing, &error));
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, filings));
  g_clear_error (&error);
  assert_failed_save_left_previous (fixture, library, filing, previous);

  /* A new release cannot go in either, and leaves no copy behind. */
  other = kessan_library_import_file (library, other_file, NULL, &error);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_assert_null (other);
  g_assert_cmpuint (count_files (filings), ==, 1);
  g_assert_cmpuint (count_files (sources), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);

  g_assert_cmpint (g_chmod (filings, 0700), ==, 0);
}

/* The same as a read-only folder, in a way root cannot override: the file
 * size limit stops a write in the middle, after the temporary file was
 * created and partly written. */
static void
test_save_interrupted (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = loaded_library_at (fixture->dir);
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(KessanFiling) other = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autoptr(GError) add_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filings = g_build_filename (fixture->dir, "filings", NULL);
  g_autofree char *sources = g_build_filename (fixture->dir, "sources", NULL);
  g_autofree char *json = NULL;
  g_autofree char *text = kessan_filing_to_json (seed_filings[0], TRUE);
  g_autofree char *previous = NULL;
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  gboolean saved_ok, added_ok;

  /* A filing of its own: this test changes it. */
  filing = kessan_filing_new_from_json (text, -1, &error);
  g_assert_no_error (error);
  g_object_unref (kessan_library_add (library, filing, seed_bytes[0], NULL, &error));
  g_assert_no_error (error);
  json = filing_path (fixture->dir, seed_hashes[0]);
  previous = kessan_test_read_file (json, NULL);
  kessan_filing_set_company (filing, "Changed");

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  /* More than the source of 004, less than its JSON file. */
  limited.rlim_cur = g_bytes_get_size (seed_bytes[2]) + 4096;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  saved_ok = kessan_library_save (library, filing, &save_error);
  other = kessan_library_add (library, seed_filings[2], seed_bytes[2], NULL, &add_error);
  added_ok = other != NULL;

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (saved_ok);
  g_assert_error (save_error, KESSAN_ERROR, KESSAN_ERROR_IO);
  assert_failed_save_left_previous (fixture, library, filing, previous);

  g_assert_false (added_ok);
  g_assert_error (add_error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_assert_cmpuint (count_files (filings), ==, 1);
  g_assert_cmpuint (count_files (sources), ==, 1);
  g_assert_cmpuint (count_hidden_files (sources), ==, 0);
  g_assert_null (kessan_library_find_by_hash (library, seed_hashes[2]));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
}

static void
test_not_writable (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seed = kessan_test_seed_path (seed_names[2]);
  g_autoptr(GFile) seed_file = g_file_new_for_path (seed);

  if (running_as_root ())
    return;

  library = loaded_library_at (fixture->dir);
  g_assert_cmpint (g_chmod (fixture->dir, 0500), ==, 0);

  filing = kessan_library_import_file (library, seed_file, NULL, &error);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, fixture->dir));
  g_assert_null (filing);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);

  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);
}

/* A library folder that is a file: not writable even for root. */
static void
test_not_a_directory (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "lib", NULL);
  g_autofree char *filings = g_build_filename (dir, "filings", NULL);
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;

  kessan_test_write_file (dir, "not a folder", -1);
  library = library_at (dir);

  g_assert_false (kessan_library_load (library, NULL, &error));
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_clear_error (&error);

  filing = kessan_library_add (library, seed_filings[0], seed_bytes[0], NULL, &error);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_assert_null (filing);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);

  /* "filings" being a file is the same. */
  g_assert_cmpint (g_remove (dir), ==, 0);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  kessan_test_write_file (filings, "", -1);
  g_assert_false (kessan_library_load (library, NULL, &error));
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_clear_error (&error);
  filing = kessan_library_add (library, seed_filings[0], seed_bytes[0], NULL, &error);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_assert_null (filing);
  g_assert_cmpuint (count_files (dir), ==, 1);
}

static void
test_missing_directory (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "not", "yet", NULL);
  g_autoptr(KessanLibrary) library = loaded_library_at (dir);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  add_seed (library, 0);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
}

static void
test_default_directory (void)
{
  g_autoptr(KessanLibrary) library = kessan_library_new (NULL);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "kessan", NULL);
  g_autofree char *path = g_file_get_path (kessan_library_get_directory (library));

  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (library)), ==, KESSAN_TYPE_FILING);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = loaded_library_at (fixture->dir);
  g_autoptr(KessanLibrary) other = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changes = 0;

  for (guint i = 0; i < N_SEEDS; i++)
    add_seed (library, i);

  other = library_at (fixture->dir);
  g_signal_connect (other, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);
  kessan_library_load_async (other, NULL, load_done_cb, &result);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 0);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (kessan_library_load_finish (other, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_same_filing (item (other, i), item (library, i));
  g_clear_object (&result);

  /* A removal and an addition made while a reload runs stay made, however
   * the worker thread's reading interleaves with them. */
  kessan_library_load_async (library, NULL, load_done_cb, &result);
  g_assert_true (kessan_library_remove (library, seed_filings[0], &error));
  g_assert_no_error (error);
  g_assert_true (kessan_library_remove (library, seed_filings[1], &error));
  g_assert_no_error (error);
  add_seed (library, 1);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (kessan_library_load_finish (library, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);
  g_assert_null (kessan_library_find_by_hash (library, seed_hashes[0]));
  g_assert_true (kessan_library_find_by_hash (library, seed_hashes[1]) == seed_filings[1]);
  g_assert_true (kessan_library_find_by_hash (library, seed_hashes[2]) == seed_filings[2]);
  g_clear_object (&result);

  /* The same when the worker has read the folder before the changes: its
   * result is waiting on the main context. */
  add_seed (library, 0);
  kessan_library_load_async (library, NULL, load_done_cb, &result);
  while (!g_main_context_pending (NULL))
    g_usleep (1000);
  g_assert_true (kessan_library_remove (library, seed_filings[0], &error));
  g_assert_no_error (error);
  g_assert_true (kessan_library_remove (library, seed_filings[1], &error));
  g_assert_no_error (error);
  add_seed (library, 1);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (kessan_library_load_finish (library, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 2);
  g_assert_null (kessan_library_find_by_hash (library, seed_hashes[0]));
  g_assert_true (kessan_library_find_by_hash (library, seed_hashes[1]) == seed_filings[1]);
  g_assert_cmpstrv (kessan_library_get_problems (library), ((const char *[]) { NULL }));
  g_clear_object (&result);

  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_finalize_object (g_steal_pointer (&library));
}

/* kessan-cli library, as a user runs it. */

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;

  return n;
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "lib", NULL);
  g_autofree char *option = g_strconcat ("--library=", dir, NULL);
  g_autofree char *seed0 = kessan_test_seed_path (seed_names[0]);
  g_autofree char *seed1 = kessan_test_seed_path (seed_names[1]);
  g_autofree char *seed2 = kessan_test_seed_path (seed_names[2]);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.txt", NULL);
  g_autofree char *corrupt = filing_path (dir, seed_hashes[2]);
  g_autofree char *removed = filing_path (dir, seed_hashes[0]);
  g_autofree char *short0 = g_strndup (seed_hashes[0], 8);
  g_auto(KessanTestRun) add;
  g_auto(KessanTestRun) again;
  g_auto(KessanTestRun) list;
  g_auto(KessanTestRun) remove;
  g_auto(KessanTestRun) unknown;
  g_auto(KessanTestRun) after;
  g_auto(KessanTestRun) problems;
  g_auto(KessanTestRun) usage;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  kessan_test_write_file (empty, "", 0);

  kessan_test_run_cli (&add, "library", "add", option, seed1, empty, seed0, NULL);
  g_assert_cmpint (add.status, ==, 1);
  g_assert_cmpuint (count_lines (add.out), ==, 2);
  g_assert_nonnull (strstr (add.out, "added as c6534bd8be24 (Internet Initiative Japan Inc., FY2003 Q2, period ending 2003-09-30)"));
  g_assert_nonnull (strstr (add.out, "added as fdfad6247be8"));
  g_assert_cmpuint (count_lines (add.err), ==, 1);
  g_assert_nonnull (strstr (add.err, empty));

  kessan_test_run_cli (&again, "library", "add", "--library", dir, seed0, seed2, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "already in the library as fdfad6247be8"));
  g_assert_nonnull (strstr (again.out, "added as bf843924fe26"));
  g_assert_cmpstr (again.err, ==, "");

  kessan_test_run_cli (&list, "library", "list", option, NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpstr (list.err, ==, "");
  lines = g_strsplit (list.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "c6534bd8be24\t"));
  g_assert_true (g_str_has_prefix (lines[1], "bf843924fe26\t"));
  g_assert_true (g_str_has_prefix (lines[2], "fdfad6247be8\t"));
  fields = g_strsplit (lines[2], "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 8);
  g_assert_cmpstr (fields[1], ==, "Internet Initiative Japan Inc.");
  g_assert_cmpstr (fields[2], ==, "FY2002 Q4");
  g_assert_cmpstr (fields[3], ==, "2003-03-31");
  g_assert_cmpstr (fields[4], ==, "2003-05-21");
  g_assert_cmpstr (fields[5], ==, "23 statements");

  kessan_test_run_cli (&remove, "library", "remove", option, short0, NULL);
  g_assert_cmpint (remove.status, ==, 0);
  g_assert_true (g_str_has_prefix (remove.out, "removed fdfad6247be8"));
  g_assert_false (g_file_test (removed, G_FILE_TEST_EXISTS));

  kessan_test_run_cli (&unknown, "library", "remove", option, short0, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_cmpuint (count_lines (unknown.err), ==, 1);
  g_assert_nonnull (strstr (unknown.err, short0));

  kessan_test_run_cli (&after, "library", "list", option, NULL);
  g_assert_cmpint (after.status, ==, 0);
  g_assert_cmpuint (count_lines (after.out), ==, 2);

  /* A damaged filing: listed on stderr, the others still on stdout. */
  kessan_test_write_file (corrupt, "{", 1);
  kessan_test_run_cli (&problems, "library", "list", option, NULL);
  g_assert_cmpint (problems.status, ==, 1);
  g_assert_cmpuint (count_lines (problems.out), ==, 1);
  g_assert_cmpuint (count_lines (problems.err), ==, 1);
  g_assert_nonnull (strstr (problems.err, corrupt));

  kessan_test_run_cli (&usage, "library", "remove", option, NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

/* Reads @name of tests/data/editions into an import on @library, with
 * the fiscal period the analyst gives it (the fixtures do not print
 * one the readers take). */
static KessanImport *
read_edition (KessanLibrary *library,
              const char    *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "editions", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KessanImport) import = kessan_import_new (library, file);
  g_autoptr(KessanCorrection) period = kessan_correction_new_fiscal_period (2024, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (kessan_import_read (import, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (kessan_import_apply_correction (import, period, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static guint
count_check (KessanFiling *filing,
             const char   *check,
             KessanFinding **last)
{
  guint n = 0;

  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    if (g_str_equal (kessan_finding_get_check (kessan_filing_get_finding (filing, i)), check))
      {
        n++;
        if (last != NULL)
          *last = kessan_filing_get_finding (filing, i);
      }
  return n;
}

/* The text and the inline XBRL of one release are one library entry:
 * the first added, holding both files, with one finding for the one
 * number they print differently (8,750 and 8,570); it stays so through
 * a new load, and the inline XBRL imported again is a duplicate. */
static void
test_editions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(KessanLibrary) library = library_at (fixture->dir);
  g_autoptr(KessanLibrary) reloaded = library_at (fixture->dir);
  g_autoptr(KessanImport) text = read_edition (library, "release.txt");
  g_autoptr(KessanImport) ixbrl = NULL;
  g_autoptr(KessanImport) again = NULL;
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(KessanFiling) joined = NULL;
  g_autoptr(KessanFiling) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ixbrl_path = g_test_build_filename (G_TEST_DIST, "data", "editions", "release-ixbrl.htm", NULL);
  g_autofree char *ixbrl_bytes = NULL;
  g_autofree char *ixbrl_hash = NULL;
  g_autofree char *sources = g_build_filename (fixture->dir, "sources", NULL);
  KessanFinding *finding = NULL;
  KessanDuplicateKind kind;
  const char *message;
  gsize length;

  g_assert_true (kessan_library_load (library, NULL, &error));
  added = kessan_import_commit (text, KESSAN_IMPORT_MODE_ADD, TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  g_assert_cmpuint (count_check (added, "editions", NULL), ==, 0);

  /* The inline XBRL joins the text's entry. */
  ixbrl = read_edition (library, "release-ixbrl.htm");
  g_assert_true (kessan_import_find_duplicate (ixbrl, &kind) == added);
  g_assert_cmpint (kind, ==, KESSAN_DUPLICATE_OTHER_EDITION);
  joined = kessan_import_commit (ixbrl, KESSAN_IMPORT_MODE_ADD, FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (joined == added);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);

  /* Both files are kept. */
  g_assert_true (g_file_get_contents (ixbrl_path, &ixbrl_bytes, &length, NULL));
  ixbrl_hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) ixbrl_bytes, length);
  g_assert_cmpuint (kessan_filing_get_n_parts (added), ==, 2);
  g_assert_cmpstr (kessan_filing_get_part (added, 0)->format, ==, "text");
  g_assert_cmpstr (kessan_filing_get_part (added, 1)->name, ==, "release-ixbrl.htm");
  g_assert_cmpstr (kessan_filing_get_part (added, 1)->format, ==, "ixbrl");
  g_assert_cmpstr (kessan_filing_get_part (added, 1)->sha256, ==, ixbrl_hash);
  g_assert_cmpuint (count_files (sources), ==, 2);

  /* One finding, naming both numbers and both files. */
  g_assert_cmpuint (count_check (added, "editions", &finding), ==, 1);
  message = kessan_finding_get_message (finding);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "8,750"));
  g_assert_nonnull (strstr (message, "8,570"));
  g_assert_nonnull (strstr (message, "release.txt"));
  g_assert_nonnull (strstr (message, "release-ixbrl.htm"));
  g_assert_cmpint (kessan_finding_get_severity (finding), ==, KESSAN_SEVERITY_WARNING);

  /* The checks run again (as after a correction elsewhere) keep it. */
  kessan_filing_run_checks (added);
  g_assert_cmpuint (count_check (added, "editions", NULL), ==, 1);
  g_assert_true (kessan_library_save (library, added, &error));
  g_assert_no_error (error);

  /* A new load: still one entry, with both parts and the finding. */
  g_assert_true (kessan_library_load (reloaded, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  loaded = g_list_model_get_item (G_LIST_MODEL (reloaded), 0);
  g_assert_cmpuint (kessan_filing_get_n_parts (loaded), ==, 2);
  g_assert_cmpuint (count_check (loaded, "editions", &finding), ==, 1);

  /* A correction of the cell it names settles it. */
  {
    const char *statement_id = kessan_finding_get_statement (finding);
    const char *concept = kessan_finding_get_rows (finding)[0];
    guint n_columns = 0;
    guint column = kessan_finding_get_columns (finding, &n_columns)[0];
    KessanStatement *statement = NULL;
    g_autoptr(KessanCorrection) fix = NULL;
    guint row = G_MAXUINT;

    for (guint s = 0; s < kessan_filing_get_n_statements (loaded); s++)
      if (g_str_equal (kessan_statement_get_id (kessan_filing_get_statement (loaded, s)), statement_id))
        statement = kessan_filing_get_statement (loaded, s);
    g_assert_cmpuint (n_columns, ==, 1);
    g_assert_nonnull (statement);
    for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
      if (g_strcmp0 (kessan_line_item_get_concept (kessan_statement_get_row (statement, r)), concept) == 0)
        row = r;
    g_assert_cmpuint (row, !=, G_MAXUINT);
    fix = kessan_correction_new_set_value (statement_id, row, column, 8570, 0);
    g_assert_true (kessan_filing_apply_correction (loaded, fix, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_check (loaded, "editions", NULL), ==, 0);
  }

  /* The same inline XBRL again is the same file. */
  again = read_edition (reloaded, "release-ixbrl.htm");
  g_assert_true (kessan_import_find_duplicate (again, &kind) == loaded);
  g_assert_cmpint (kind, ==, KESSAN_DUPLICATE_SAME_SOURCE);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  load_seeds ();

#define ADD_TEST(path, func) \
  g_test_add ("/kessan/library/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("round-trip", test_round_trip);
  ADD_TEST ("write-new", test_write_new);
  ADD_TEST ("duplicate", test_duplicate);
  ADD_TEST ("duplicate-not-loaded", test_duplicate_not_loaded);
  ADD_TEST ("remove", test_remove);
  ADD_TEST ("remove-fails", test_remove_fails);
  ADD_TEST ("corrupt", test_corrupt);
  ADD_TEST ("interrupted-write", test_interrupted_write);
  ADD_TEST ("leftovers-removed", test_leftovers_removed);
  ADD_TEST ("concurrent-add", test_concurrent_add);
  ADD_TEST ("save", test_save);
  ADD_TEST ("save-read-only", test_save_read_only);
  ADD_TEST ("save-interrupted", test_save_interrupted);
  ADD_TEST ("not-writable", test_not_writable);
  ADD_TEST ("not-a-directory", test_not_a_directory);
  ADD_TEST ("missing-directory", test_missing_directory);
  ADD_TEST ("load-async", test_load_async);
  ADD_TEST ("cli", test_cli);
  ADD_TEST ("editions", test_editions);
  g_test_add_func ("/kessan/library/default-directory", test_default_directory);

#undef ADD_TEST

  status = g_test_run ();
  free_seeds ();
  return status;
}
