/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "kessan.h"
#include "kessan-test-util.h"

/* Inputs made to hurt: labels that are formulas or terminal escapes. */

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
  g_autofree char *csv = kessan_statement_export_csv (kessan_filing_get_statement (filing, 0), KESSAN_LABELS_PRINTED);

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
  g_autofree char *csv = kessan_statement_export_csv (kessan_filing_get_statement (filing, 0), KESSAN_LABELS_PRINTED);

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
  return g_test_run ();
}
