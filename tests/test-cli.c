/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "kessan.h"
#include "kessan-test-util.h"

/* kessan-cli as a user runs it: exit codes and the one line on stderr. */

/* One line on stderr, naming the file and saying what is wrong. */
static void
assert_one_error_line (const KessanTestRun *run,
                       const char          *path,
                       const char          *words)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_nonnull (strstr (run->err, path));
  g_assert_nonnull (strstr (run->err, words));
  g_assert_cmpuint (strlen (run->err), >, 0);
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static void
test_cli_extract_json (void)
{
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_auto(KessanTestRun) run;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  kessan_test_run_cli (&run, "extract", "--format=json", seed, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "kessan-filing");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "statements")), >=, 10);
}

/* --labels picks the row labels of the export: the dictionary's label
 * in that language for a concept it knows. */
static void
test_cli_extract_labels (void)
{
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  const KessanConcept *concept = kessan_concepts_get (kessan_concepts_get_default (), "revenues.total");
  g_autofree char *english = NULL, *japanese = NULL;

  g_assert_nonnull (concept);
  english = g_strdup_printf ("\n%s,revenues.total,", concept->label_en);
  japanese = g_strdup_printf ("\n%s,revenues.total,", concept->label_ja);
  {
    g_auto(KessanTestRun) run;

    kessan_test_run_cli (&run, "extract", "--format=csv", "--labels=ja", "--statement=en-income-quarter", seed, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, japanese));
    g_assert_null (strstr (run.out, english));
  }
  {
    g_auto(KessanTestRun) run;

    kessan_test_run_cli (&run, "extract", "--format=csv", "--labels=en", "--statement=en-income-quarter", seed, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, english));
  }
  {
    g_auto(KessanTestRun) run;

    kessan_test_run_cli (&run, "extract", "--labels=klingon", seed, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "klingon"));
  }
}

static void
test_cli_extract_csv_one_statement (void)
{
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_auto(KessanTestRun) run;

  kessan_test_run_cli (&run, "extract", "--format=csv", "--statement=en-balance", seed, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Total assets"));
  g_assert_nonnull (strstr (run.out, "38434030"));
  g_assert_null (strstr (run.out, "Total revenues"));
}

static void
test_cli_unknown_statement (void)
{
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_auto(KessanTestRun) run;

  kessan_test_run_cli (&run, "extract", "--statement=no-such-table", seed, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no-such-table"));
}

static void
test_cli_empty (void)
{
  g_autofree char *path = kessan_test_write_temp ("empty.txt", "", 0);
  g_auto(KessanTestRun) run;

  kessan_test_run_cli (&run, "extract", path, NULL);
  assert_one_error_line (&run, path, "empty");
}

static void
test_cli_binary (void)
{
  static const guint8 data[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0 };
  g_autofree char *path = kessan_test_write_temp ("program.txt", data, sizeof data);
  g_auto(KessanTestRun) run;

  kessan_test_run_cli (&run, "extract", path, NULL);
  assert_one_error_line (&run, path, "not");
}

static void
test_cli_spreadsheet (void)
{
  static const char data[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00xl/workbook.xml";
  g_autofree char *path = kessan_test_write_temp ("release.xlsx", data, sizeof data - 1);
  g_auto(KessanTestRun) run;

  kessan_test_run_cli (&run, "extract", path, NULL);
  assert_one_error_line (&run, path, "spreadsheet");
}

static void
test_cli_unsupported_encoding (void)
{
  /* Latin-1 text: valid in none of UTF-8, UTF-16, CP932 or EUC-JP. */
  static const char data[] = "Revenues\t1,234\xff\xfe\xa0\x80\x81 caf\xe9 \xe9t\xe9\n";
  g_autofree char *path = kessan_test_write_temp ("latin1.txt", data, sizeof data - 1);
  g_auto(KessanTestRun) run;

  kessan_test_run_cli (&run, "extract", path, NULL);
  assert_one_error_line (&run, path, "encoding");
}

static void
test_cli_not_a_release (void)
{
  static const char data[] = "Dear analyst,\n\nThank you for your letter of March 3.\nWe will write again soon.\n";
  g_autofree char *path = kessan_test_write_temp ("letter.txt", data, sizeof data - 1);
  g_auto(KessanTestRun) run;

  kessan_test_run_cli (&run, "extract", path, NULL);
  assert_one_error_line (&run, path, "release");
}

static void
test_cli_too_large (void)
{
  g_autofree char *path = kessan_test_write_temp ("huge.txt", "x", 1);
  g_auto(KessanTestRun) run;

  /* A sparse file over the limit: refused before it is read. */
  g_assert_cmpint (truncate (path, (off_t) KESSAN_MAX_INPUT_SIZE + 1), ==, 0);
  kessan_test_run_cli (&run, "extract", path, NULL);
  assert_one_error_line (&run, path, "MB");
}

static void
test_cli_missing_file (void)
{
  g_auto(KessanTestRun) run;

  kessan_test_run_cli (&run, "extract", "/nonexistent/kessan/release.txt", NULL);
  assert_one_error_line (&run, "/nonexistent/kessan/release.txt", "");
}

static void
test_cli_usage (void)
{
  g_auto(KessanTestRun) run;
  g_auto(KessanTestRun) run2;

  kessan_test_run_cli (&run, "extract", NULL);
  g_assert_cmpint (run.status, ==, 2);
  kessan_test_run_cli (&run2, "frobnicate", NULL);
  g_assert_cmpint (run2.status, ==, 2);
}

static void
test_cli_one_bad_among_good (void)
{
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_autofree char *empty = kessan_test_write_temp ("empty.txt", "", 0);
  g_auto(KessanTestRun) run;

  /* The good file is still printed; the status reports the bad one. */
  kessan_test_run_cli (&run, "extract", seed, empty, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "kessan-filing"));
  g_assert_nonnull (strstr (run.err, "empty"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kessan/cli/extract-json", test_cli_extract_json);
  g_test_add_func ("/kessan/cli/extract-csv-one-statement", test_cli_extract_csv_one_statement);
  g_test_add_func ("/kessan/cli/extract-labels", test_cli_extract_labels);
  g_test_add_func ("/kessan/cli/unknown-statement", test_cli_unknown_statement);
  g_test_add_func ("/kessan/cli/empty", test_cli_empty);
  g_test_add_func ("/kessan/cli/binary", test_cli_binary);
  g_test_add_func ("/kessan/cli/spreadsheet", test_cli_spreadsheet);
  g_test_add_func ("/kessan/cli/unsupported-encoding", test_cli_unsupported_encoding);
  g_test_add_func ("/kessan/cli/not-a-release", test_cli_not_a_release);
  g_test_add_func ("/kessan/cli/too-large", test_cli_too_large);
  g_test_add_func ("/kessan/cli/missing-file", test_cli_missing_file);
  g_test_add_func ("/kessan/cli/usage", test_cli_usage);
  g_test_add_func ("/kessan/cli/one-bad-among-good", test_cli_one_bad_among_good);
  return g_test_run ();
}
