/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kessan.h"
#include "kessan-test-util.h"

/* Inputs made to hurt: files that never end or never open, labels that
 * are formulas or terminal escapes.  Whatever could hang runs in a child
 * with a deadline, or under an alarm, so that a regression fails the
 * test instead of stopping the suite. */

/* Long enough for a run under sanitizers, short enough to end a hang. */
#define DEADLINE_SECONDS 120

/* A small KPI table whose labels are what a hostile release would print. */
static const char hostile_release[] =
  "Table 3. Number of Contracts\n"
  "\n"
  "\t2Q03\t2Q02\n"
  "=HYPERLINK(\"http://evil\",\"x\")\t1\t2\n"
  "+cmd|' /C calc'!A0\t3\t4\n"
  "-2+3+cmd\t5\t(6)\n"
  "@SUM(A1:A2)\t7\t8\n"
  "\033]0;owned\007Bell \xe2\x80\xae" "desrever\t9\t10\n"
  "C1 \xc2\x9b" "31m red\t11\t12\n"
  "Plain services\t13\t14\n"
  "\n"
  "End of the tables.\n";

/* Runs the shell @script with $KESSAN_CLI set, killing it and all it
 * started after DEADLINE_SECONDS (exit status 137 then). */
static void
run_shell (KessanTestRun *run,
           const char    *script)
{
  g_autofree char *deadline = g_strdup_printf ("%d", DEADLINE_SECONDS);
  const char *argv[] = { "timeout", "-s", "KILL", deadline, "sh", "-c", script, NULL };
  g_autoptr(GError) error = NULL;

  memset (run, 0, sizeof *run);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

static KessanFiling *
parse_hostile (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (hostile_release, sizeof hostile_release - 1);
  g_autoptr(GError) error = NULL;
  KessanFiling *filing = kessan_parse_release (bytes, "hostile.txt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (filing);
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 1);
  g_assert_cmpuint (kessan_statement_get_n_rows (kessan_filing_get_statement (filing, 0)), ==, 7);
  return filing;
}

static gboolean
has_raw_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f) ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return TRUE;
    }
  return FALSE;
}

/* A text field that a spreadsheet would take for a formula starts with
 * "'"; a number, negative ones included, is written as it is. */
static void
test_csv_formulas (void)
{
  g_autoptr(KessanFiling) filing = parse_hostile ();
  g_autofree char *csv = kessan_statement_export_csv (kessan_filing_get_statement (filing, 0), NULL, KESSAN_LABELS_PRINTED);

  g_assert_nonnull (strstr (csv, "\r\n\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","));
  g_assert_nonnull (strstr (csv, "\r\n'+cmd|' /C calc'!A0,"));
  g_assert_nonnull (strstr (csv, "\r\n'-2+3+cmd,"));
  g_assert_nonnull (strstr (csv, "\r\n'@SUM(A1:A2),"));
  g_assert_nonnull (strstr (csv, "\r\nPlain services,"));
  /* (6) is the number -6, not text. */
  g_assert_nonnull (strstr (csv, ",5,-6\r\n"));
  g_assert_null (strstr (csv, ",'-6"));
  g_assert_null (strstr (csv, "\r\n=HYPERLINK"));
}

/* The series CSV writes the releases' file names, which a user does not
 * choose either. */
static void
test_csv_formula_file_names (void)
{
  g_autofree char *dir = kessan_test_make_temp_dir ("kessan-hardening-XXXXXX");
  g_autofree char *seed = kessan_test_load_seed ("004_df6267c19d93d050.txt", NULL);
  g_autofree char *path = g_build_filename (dir, "=cmd|calc.txt", NULL);
  g_auto(KessanTestRun) run;

  kessan_test_write_file (path, seed, -1);
  kessan_test_run_cli (&run, "series", "--format=csv", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, ",'=cmd|calc.txt,"));
  g_assert_null (strstr (run.out, ",=cmd"));
  kessan_test_remove_tree (dir);
}

static void
test_csv_controls (void)
{
  g_autoptr(KessanFiling) filing = parse_hostile ();
  g_autofree char *csv = kessan_statement_export_csv (kessan_filing_get_statement (filing, 0), NULL, KESSAN_LABELS_PRINTED);

  g_assert_false (has_raw_controls (csv));
  /* Shown, not dropped: ESC and BEL as their control pictures. */
  g_assert_nonnull (strstr (csv, "\xe2\x90\x9b]0;owned\xe2\x90\x87" "Bell \xef\xbf\xbd" "desrever"));
}

/* JSON escapes DEL, C1 and the direction controls as well as C0, and
 * reads back as the label it was. */
static void
test_json_escapes (void)
{
  g_autoptr(KessanFiling) filing = parse_hostile ();
  g_autofree char *json = kessan_filing_export_json (filing, NULL, KESSAN_LABELS_PRINTED);
  g_autofree char *stored = kessan_filing_to_json (filing, FALSE);
  g_autoptr(KessanFiling) read_back = NULL;
  g_autoptr(GError) error = NULL;
  KessanStatement *statement = kessan_filing_get_statement (filing, 0);

  g_assert_false (has_raw_controls (json));
  g_assert_nonnull (strstr (json, "\\u001b]0;owned\\u0007Bell \\u202edesrever"));
  g_assert_nonnull (strstr (json, "C1 \\u009b31m red"));

  g_assert_false (has_raw_controls (stored));
  read_back = kessan_filing_new_from_json (stored, strlen (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kessan_line_item_get_label (kessan_statement_get_row (kessan_filing_get_statement (read_back, 0), 4)), ==,
                   kessan_line_item_get_label (kessan_statement_get_row (statement, 4)));
  g_assert_cmpstr (kessan_line_item_get_label (kessan_statement_get_row (statement, 4)), ==,
                   "\033]0;owned\007Bell \xe2\x80\xae" "desrever");
}

/* What check prints for a terminal: a file name and messages with
 * escapes in them are shown, not obeyed. */
static void
test_terminal_output (void)
{
  g_autofree char *dir = kessan_test_make_temp_dir ("kessan-hardening-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "\033[2Jcleared\007.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "\033]0;title\007missing.txt", NULL);
  g_autofree char *seed = kessan_test_load_seed ("003_3f09aa9018b22431.txt", NULL);

  kessan_test_write_file (path, seed, -1);
  {
    g_auto(KessanTestRun) run;

    kessan_test_run_cli (&run, "check", path, NULL);
    g_assert_cmpstr (run.out, !=, "");
    g_assert_false (has_raw_controls (run.out));
    g_assert_nonnull (strstr (run.out, "\xe2\x90\x9b[2Jcleared\xe2\x90\x87.txt:"));
  }
  {
    g_auto(KessanTestRun) run;

    kessan_test_run_cli (&run, "check", missing, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (has_raw_controls (run.err));
    g_assert_nonnull (strstr (run.err, "\xe2\x90\x9b]0;title\xe2\x90\x87missing.txt"));
  }
  kessan_test_remove_tree (dir);
}

/* A device that never ends is refused without reading it, in the
 * library and on the command line. */
static void
test_device (void)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(KessanTestRun) run;

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }

  alarm (DEADLINE_SECONDS);
  bytes = kessan_load_release_bytes (zero, &error);
  alarm (0);
  g_assert_null (bytes);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not a regular file"));

  run_shell (&run, "exec \"$KESSAN_CLI\" check /dev/zero");
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "not a regular file"));
}

/* A pipe nobody writes to is refused at once, not waited on. */
static void
test_fifo (void)
{
  g_autofree char *dir = kessan_test_make_temp_dir ("kessan-hardening-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "release.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *script = NULL;
  g_auto(KessanTestRun) run;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  alarm (DEADLINE_SECONDS);
  bytes = kessan_load_release_bytes (file, &error);
  alarm (0);
  g_assert_null (bytes);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "not a regular file"));

  script = g_strdup_printf ("exec \"$KESSAN_CLI\" check '%s'", path);
  run_shell (&run, script);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "not a regular file"));
  kessan_test_remove_tree (dir);
}

/* A pipe in place of a filing file of a library is a problem of that
 * file: the list is not held up by it. */
static void
test_fifo_in_library (void)
{
  g_autofree char *dir = kessan_test_make_temp_dir ("kessan-hardening-XXXXXX");
  g_autofree char *filings = g_build_filename (dir, "filings", NULL);
  g_autofree char *fifo = NULL;
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_autofree char *script = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  gsize length;
  g_auto(KessanTestRun) run;

  contents = kessan_test_load_seed ("004_df6267c19d93d050.txt", &length);
  hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  hash[12] = '\0';
  g_assert_cmpint (g_mkdir_with_parents (filings, 0700), ==, 0);
  fifo = g_build_filename (filings, "0000000000000000000000000000000000000000000000000000000000000000.json", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  script = g_strdup_printf ("\"$KESSAN_CLI\" library add --library='%s' '%s' >/dev/null && "
                            "exec \"$KESSAN_CLI\" library list --library='%s'", dir, seed, dir);
  run_shell (&run, script);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, hash));
  g_assert_nonnull (strstr (run.err, "0000000000000000000000000000000000000000000000000000000000000000.json"));
  g_assert_nonnull (strstr (run.err, "Not a regular file"));
  kessan_test_remove_tree (dir);
}

/* "-" is standard input: a release piped in is read, an endless stream
 * is refused at the size limit. */
static void
test_standard_input (void)
{
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_autofree char *script = g_strdup_printf ("exec \"$KESSAN_CLI\" extract --format=csv --statement=en-balance - < '%s'", seed);
  {
    g_auto(KessanTestRun) run;

    run_shell (&run, script);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "38434030"));
  }
  {
    g_auto(KessanTestRun) run;

    run_shell (&run, "yes | \"$KESSAN_CLI\" check -");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "more than the limit of 32 MB"));
  }
  {
    g_auto(KessanTestRun) run;

    /* /dev/stdin as a path is the pipe itself: a path names files. */
    run_shell (&run, "yes | \"$KESSAN_CLI\" check /dev/stdin");
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "not a regular file"));
  }
}

/* A path typed with a mistake never existed; a chosen file that is gone
 * did. */
static void
test_missing_file (void)
{
  g_autofree char *dir = kessan_test_make_temp_dir ("kessan-hardening-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "relaese.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  {
    g_auto(KessanTestRun) run;

    kessan_test_run_cli (&run, "check", path, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "does not exist"));
    g_assert_null (strstr (run.err, "no longer exists"));
  }
  {
    g_auto(KessanTestRun) run;

    kessan_test_run_cli (&run, "library", "add", "--library", dir, path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "does not exist"));
  }

  g_assert_false (kessan_check_release_path (file, &error));
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  bytes = kessan_load_release_bytes (file, &error);
  g_assert_null (bytes);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no longer exists"));
  kessan_test_remove_tree (dir);
}

/* KESSAN_LIBRARY_DIR names the library, as in the app; --library wins. */
static void
test_library_dir_variable (void)
{
  g_autofree char *dir = kessan_test_make_temp_dir ("kessan-hardening-XXXXXX");
  g_autofree char *other = kessan_test_make_temp_dir ("kessan-hardening-XXXXXX");
  g_autofree char *seed = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_autofree char *filings = g_build_filename (dir, "filings", NULL);
  g_autofree char *other_filings = g_build_filename (other, "filings", NULL);
  g_autofree char *script = NULL;
  g_auto(KessanTestRun) run;
  g_auto(KessanTestRun) listed;
  g_auto(KessanTestRun) explicit;

  /* Without the variable, the library would be the user data folder,
   * which the test keeps in its own folder too. */
  script = g_strdup_printf ("XDG_DATA_HOME='%s/data' KESSAN_LIBRARY_DIR='%s' exec \"$KESSAN_CLI\" library add '%s'",
                            other, dir, seed);
  run_shell (&run, script);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (filings, G_FILE_TEST_IS_DIR));

  g_free (script);
  script = g_strdup_printf ("XDG_DATA_HOME='%s/data' KESSAN_LIBRARY_DIR='%s' exec \"$KESSAN_CLI\" library list", other, dir);
  run_shell (&listed, script);
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_nonnull (strstr (listed.out, "Internet Initiative Japan"));

  g_free (script);
  script = g_strdup_printf ("KESSAN_LIBRARY_DIR='%s' exec \"$KESSAN_CLI\" import --library='%s' --force '%s'", dir, other, seed);
  run_shell (&explicit, script);
  g_assert_cmpint (explicit.status, ==, 0);
  g_assert_true (g_file_test (other_filings, G_FILE_TEST_IS_DIR));

  kessan_test_remove_tree (dir);
  kessan_test_remove_tree (other);
}

/* Each usage line names the files once. */
static void
test_usage_lines (void)
{
  const char * const commands[] = { "extract", "check", "import", "series" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(KessanTestRun) run;

      kessan_test_run_cli (&run, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "FILE…"));
      g_assert_null (strstr (run.out, "FILE… FILE…"));
    }
}

/* @n_lines lines of one word, each ending in a line break. */
static GBytes *
make_lines (guint n_lines)
{
  gsize length = (gsize) n_lines * 2;
  char *text = g_malloc (length);

  for (gsize i = 0; i < length; i += 2)
    {
      text[i] = 'x';
      text[i + 1] = '\n';
    }
  return g_bytes_new_take (text, length);
}

/* A file that ends in a line break has as many lines as line breaks:
 * one line over the limit is reported as that many lines.  (A file at
 * the limit is read in full, which takes too long for a unit test.) */
static void
test_line_count (void)
{
  g_autoptr(GBytes) over = make_lines (KESSAN_MAX_LINES + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autofree char *words = g_strdup_printf ("has %u lines;", KESSAN_MAX_LINES + 1);

  filing = kessan_parse_release (over, "lines.txt", &error);
  g_assert_null (filing);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, words));
}

static guint
count_check (KessanFiling *filing,
             const char   *check,
             GString      *messages)
{
  GListModel *findings = kessan_filing_get_findings (filing);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KessanFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (kessan_finding_get_check (finding), check))
        {
          n++;
          if (messages != NULL)
            g_string_append (messages, kessan_finding_get_message (finding));
        }
    }
  return n;
}

/* A bilingual release cut between tables, after its last edition's KPI
 * tables and before its statements: the last edition lacks statements
 * the first one has, and the release says it was cut short.  Whole
 * releases say nothing of the kind. */
static void
test_missing_statements (void)
{
  const char * const seeds[] = { "001_ac7abb1bfabe4158.txt", "003_3f09aa9018b22431.txt", "004_df6267c19d93d050.txt" };
  gsize length;
  g_autofree char *text = kessan_test_load_seed ("003_3f09aa9018b22431.txt", &length);
  g_autoptr(GBytes) cut = g_bytes_new (text, length * 7 / 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GString) messages = g_string_new (NULL);

  filing = kessan_parse_release (cut, "cut.txt", &error);
  g_assert_no_error (error);
  kessan_filing_run_checks (filing);
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 16);
  g_assert_cmpuint (count_check (filing, "truncated", messages), ==, 1);
  g_assert_nonnull (strstr (messages->str, "ja-income-quarter, ja-balance, ja-cashflow-quarter"));
  g_assert_nonnull (strstr (messages->str, "cut short"));

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(GBytes) whole = kessan_test_load_seed_bytes (seeds[i]);
      g_autoptr(KessanFiling) complete = kessan_parse_release (whole, seeds[i], &error);

      g_assert_no_error (error);
      kessan_filing_run_checks (complete);
      g_assert_cmpuint (count_check (complete, "truncated", NULL), ==, 0);
    }
}

/* Tokens printed as numbers that are not read, or not exactly, are
 * cells without a value; dates and words with digits are not cells. */
static void
test_number_tokens (void)
{
  static const struct { const char *token; gboolean cell; gboolean unreadable; double value; } cases[] = {
    { "(1,234)", TRUE, FALSE, -1234 },
    { "9007199254740992", TRUE, FALSE, 9007199254740992.0 },
    { "9007199254740993", TRUE, TRUE, 0 },
    { "12345678901234567890123", TRUE, TRUE, 0 },
    { "1e308", TRUE, TRUE, 0 },
    { "(((1)))", TRUE, TRUE, 0 },
    { "NaN", TRUE, TRUE, 0 },
    { "-Infinity", TRUE, TRUE, 0 },
    { "2003-09-30", FALSE, FALSE, 0 },
    { "IIJ4U", FALSE, FALSE, 0 },
    { "e5", FALSE, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KessanNumber number;

      g_test_message ("%s", cases[i].token);
      g_assert_cmpint (kessan_number_parse_cell (cases[i].token, strlen (cases[i].token), &number), ==, cases[i].cell);
      if (!cases[i].cell)
        continue;
      g_assert_cmpint (number.unreadable, ==, cases[i].unreadable);
      if (!cases[i].unreadable)
        g_assert_cmpfloat (number.value, ==, cases[i].value);
    }
}

/* A row with a number that cannot be read keeps its place and its other
 * numbers; the cell is marked, a finding says so, and the mark goes
 * through the library's JSON. */
static void
test_unreadable_cells (void)
{
  static const char release[] =
    "Table 3. Number of Contracts\n"
    "\n"
    "\t2Q03\t2Q02\n"
    "Alpha\t1\t2\n"
    "Beta\t1e308\t4\n"
    "Gamma\t(((1)))\t6\n"
    "Delta\tNaN\t8\n"
    "Epsilon\t12345678901234567890123\t10\n"
    "Zeta\t9007199254740993\t12\n"
    "Eta\t5\t6\n"
    "\n"
    "End of the tables.\n";
  const char * const labels[] = { "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta" };
  g_autoptr(GBytes) bytes = g_bytes_new_static (release, sizeof release - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(KessanFiling) read_back = NULL;
  g_autofree char *json = NULL;
  KessanStatement *statement;

  filing = kessan_parse_release (bytes, "unreadable.txt", &error);
  g_assert_no_error (error);
  kessan_filing_run_checks (filing);
  statement = kessan_filing_get_statement (filing, 0);
  g_assert_cmpuint (kessan_statement_get_n_rows (statement), ==, G_N_ELEMENTS (labels));
  for (guint r = 0; r < G_N_ELEMENTS (labels); r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);
      gboolean marked = r >= 1 && r <= 5;

      g_assert_cmpstr (kessan_line_item_get_label (row), ==, labels[r]);
      g_assert_cmpint (kessan_line_item_get_unreadable (row, 0), ==, marked);
      g_assert_cmpint (kessan_line_item_has_value (row, 0), ==, !marked);
      g_assert_false (kessan_line_item_get_unreadable (row, 1));
      g_assert_true (kessan_line_item_has_value (row, 1));
    }
  g_assert_cmpfloat (kessan_line_item_get_value (kessan_statement_get_row (statement, 4), 1), ==, 10);
  g_assert_cmpuint (count_check (filing, "unreadable", NULL), ==, 5);

  json = kessan_filing_to_json (filing, FALSE);
  read_back = kessan_filing_new_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_true (kessan_line_item_get_unreadable (kessan_statement_get_row (kessan_filing_get_statement (read_back, 0), 5), 0));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kessan/hardening/csv-formulas", test_csv_formulas);
  g_test_add_func ("/kessan/hardening/csv-formula-file-names", test_csv_formula_file_names);
  g_test_add_func ("/kessan/hardening/csv-controls", test_csv_controls);
  g_test_add_func ("/kessan/hardening/json-escapes", test_json_escapes);
  g_test_add_func ("/kessan/hardening/terminal-output", test_terminal_output);
  g_test_add_func ("/kessan/hardening/device", test_device);
  g_test_add_func ("/kessan/hardening/fifo", test_fifo);
  g_test_add_func ("/kessan/hardening/fifo-in-library", test_fifo_in_library);
  g_test_add_func ("/kessan/hardening/standard-input", test_standard_input);
  g_test_add_func ("/kessan/hardening/missing-file", test_missing_file);
  g_test_add_func ("/kessan/hardening/library-dir-variable", test_library_dir_variable);
  g_test_add_func ("/kessan/hardening/usage-lines", test_usage_lines);
  g_test_add_func ("/kessan/hardening/line-count", test_line_count);
  g_test_add_func ("/kessan/hardening/missing-statements", test_missing_statements);
  g_test_add_func ("/kessan/hardening/number-tokens", test_number_tokens);
  g_test_add_func ("/kessan/hardening/unreadable-cells", test_unreadable_cells);
  return g_test_run ();
}
