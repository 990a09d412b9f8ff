/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The scoring of bench/kessan-corpus: numbers as printed, and a reading
 * held against a truth file (tests/data/corpus). */

#include <string.h>

#include "kessan.h"
#include "corpus-score.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "corpus", name, NULL);
}

static void
assert_printed (const char *printed,
                double      value,
                guint       decimals)
{
  double read = 0;
  guint read_decimals = 99;

  g_assert_true (corpus_parse_printed (printed, &read, &read_decimals));
  g_assert_cmpfloat_with_epsilon (read, value, 1e-9);
  g_assert_cmpuint (read_decimals, ==, decimals);
}

static void
test_parse_printed (void)
{
  double value;
  guint decimals;

  assert_printed ("$ 293,618", 293618, 0);
  assert_printed ("(1,234)", -1234, 0);
  assert_printed ("$ (0.04)", -0.04, 2);
  assert_printed ("△5,624", -5624, 0);
  assert_printed ("▲ 49,343", -49343, 0);
  assert_printed ("−12.5%", -12.5, 1);
  assert_printed ("１，０７４，７５０", 1074750, 0);
  assert_printed ("83.6", 83.6, 1);
  /* A dash, or no cell at all, is no number. */
  g_assert_false (corpus_parse_printed ("—", &value, &decimals));
  g_assert_false (corpus_parse_printed ("－", &value, &decimals));
  g_assert_false (corpus_parse_printed (NULL, &value, &decimals));
}

static KessanColumn *
make_column (const char     *end,
             guint           months,
             KessanCurrency  currency,
             guint           scale)
{
  KessanColumn *column = kessan_column_new ();

  kessan_column_set_period_end (column, end);
  kessan_column_set_months (column, months);
  kessan_column_set_measure (column, KESSAN_MEASURE_AMOUNT);
  kessan_column_set_unit (column, KESSAN_UNIT_CURRENCY);
  kessan_column_set_currency (column, currency);
  kessan_column_set_scale (column, scale);
  return column;
}

static void
add_row (KessanStatement *statement,
         const char      *label,
         double           first,
         double           second)
{
  g_autoptr(KessanLineItem) row = kessan_line_item_new (label, 2);

  kessan_line_item_set_value (row, 0, first, 0, 1);
  kessan_line_item_set_value (row, 1, second, 0, 1);
  kessan_statement_add_row (statement, row);
}

static void
add_finding (KessanFiling   *filing,
             const char     *check,
             KessanSeverity  severity)
{
  g_autoptr(KessanFinding) finding = kessan_finding_new (check, severity, "en-income-quarter", "—");

  kessan_filing_add_finding (filing, finding);
}

/* A reading made by hand, so that each count is known: the first column
 * is right throughout; the second has 12 months for 3, dollars for yen
 * and units for thousands; one value is wrong. */
static KessanFiling *
make_reading (void)
{
  KessanFiling *filing = kessan_filing_new ();
  g_autoptr(KessanStatement) statement = kessan_statement_new ("en-income-quarter", KESSAN_STATEMENT_KIND_INCOME, "en");
  g_autoptr(KessanColumn) first = make_column ("2002-06-30", 3, KESSAN_CURRENCY_JPY, 1000);
  g_autoptr(KessanColumn) second = make_column ("2003-06-30", 12, KESSAN_CURRENCY_USD, 1);

  kessan_statement_add_column (statement, first);
  kessan_statement_add_column (statement, second);
  add_row (statement, "Connectivity and value-added services", 9000, 10000);
  add_row (statement, "Systems integration revenues", 4000, 5000);
  add_row (statement, "Equipment sales", 500, 7000);
  add_row (statement, "Total revenues", 13500, 16200);
  add_row (statement, "Operating income", 800, 1100);
  kessan_filing_add_statement (filing, statement);

  /* The truth lists one error of "sum" as real; the "percent" one is
   * false; an info finding is a check that could not run. */
  add_finding (filing, "sum", KESSAN_SEVERITY_ERROR);
  add_finding (filing, "percent", KESSAN_SEVERITY_ERROR);
  add_finding (filing, "kpi", KESSAN_SEVERITY_INFO);
  return filing;
}

static void
test_score_reading (void)
{
  g_autofree char *path = fixture_path ("tiny-release.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CorpusTruth) truth = corpus_truth_load (path, &error);
  g_autoptr(KessanFiling) filing = make_reading ();
  g_autoptr(GString) misses = g_string_new (NULL);
  CorpusCounts counts = { 0 };

  g_assert_no_error (error);
  g_assert_cmpstr (corpus_truth_get_document (truth), ==, "tiny-release.txt");
  g_assert_cmpuint (corpus_truth_count_tables (truth), ==, 2);
  g_assert_cmpuint (corpus_truth_count_cells (truth), ==, 11);

  corpus_count_filing (filing, &counts);
  g_assert_cmpuint (counts.tables, ==, 1);
  g_assert_cmpuint (counts.cells, ==, 10);
  g_assert_cmpuint (counts.period_known, ==, 10);
  g_assert_cmpuint (counts.currency_known, ==, 10);
  /* A scale of 1 may be assumed: only the thousands count as known. */
  g_assert_cmpuint (counts.scale_known, ==, 5);
  g_assert_cmpuint (counts.errors, ==, 2);
  g_assert_cmpuint (counts.checks_not_run, ==, 1);

  corpus_score_filing (filing, truth, &counts, misses);
  g_assert_cmpuint (counts.truth_files, ==, 1);
  g_assert_cmpuint (counts.truth_tables, ==, 2);
  /* The cash flow statement is not in the reading: its cell is wrong. */
  g_assert_cmpuint (counts.missed_tables, ==, 1);
  g_assert_cmpuint (counts.truth_cells, ==, 11);
  g_assert_cmpuint (counts.row_missed, ==, 0);
  g_assert_cmpuint (counts.value_right, ==, 9);
  g_assert_cmpuint (counts.period_right, ==, 5);
  g_assert_cmpuint (counts.currency_right, ==, 5);
  g_assert_cmpuint (counts.scale_right, ==, 5);
  g_assert_cmpuint (counts.truth_errors, ==, 2);
  g_assert_cmpuint (counts.false_errors, ==, 1);
  g_assert_nonnull (strstr (misses->str, "Equipment sales | 2003-06-30/3 | 700: value period currency scale"));
  g_assert_nonnull (strstr (misses->str, "false error [percent]"));
}

/* The same truth against what the engine reads of the tiny release: its
 * numbers are read, wherever their periods land. */
static void
test_score_release (void)
{
  g_autofree char *truth_path = fixture_path ("tiny-release.json");
  g_autofree char *release_path = fixture_path ("tiny-release.txt");
  g_autoptr(GFile) file = g_file_new_for_path (release_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CorpusTruth) truth = corpus_truth_load (truth_path, &error);
  g_autoptr(KessanFiling) filing = NULL;
  CorpusCounts counts = { 0 };

  g_assert_no_error (error);
  filing = kessan_parse_file (file, &error);
  g_assert_no_error (error);
  kessan_filing_run_checks (filing);
  corpus_count_filing (filing, &counts);
  corpus_score_filing (filing, truth, &counts, NULL);

  g_assert_cmpuint (counts.cells, ==, 10);
  g_assert_cmpuint (counts.truth_cells, ==, 11);
  g_assert_cmpuint (counts.missed_tables, ==, 1);
  g_assert_cmpuint (counts.value_right, ==, 10);
  g_assert_cmpuint (counts.period_right, <=, counts.value_right);
  g_assert_cmpuint (counts.false_errors, <=, counts.truth_errors);
}

/* A forecast is right only as a forecast; a stub period only with its
 * start. */
static KessanFiling *
make_forecast_reading (KessanScenario scenario,
                       const char    *stub_start)
{
  KessanFiling *filing = kessan_filing_new ();
  g_autoptr(KessanStatement) statement = kessan_statement_new ("ja-forecast", KESSAN_STATEMENT_KIND_INCOME, "ja");
  g_autoptr(KessanColumn) year = make_column ("2026-03-31", 12, KESSAN_CURRENCY_JPY, 1000000);
  g_autoptr(KessanColumn) stub = make_column ("2025-07-21", 0, KESSAN_CURRENCY_JPY, 1000000);

  kessan_column_set_scenario (year, scenario);
  kessan_column_set_period_start (stub, stub_start);
  kessan_statement_add_column (statement, year);
  kessan_statement_add_column (statement, stub);
  add_row (statement, "売上高", 1000, 50);
  kessan_filing_add_statement (filing, statement);
  return filing;
}

static void
test_score_scenario (void)
{
  g_autofree char *path = fixture_path ("forecast.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CorpusTruth) truth = corpus_truth_load (path, &error);
  g_autoptr(KessanFiling) right = make_forecast_reading (KESSAN_SCENARIO_FORECAST, "2025-07-01");
  g_autoptr(KessanFiling) wrong = make_forecast_reading (KESSAN_SCENARIO_ACTUAL, NULL);
  CorpusCounts counts = { 0 };

  g_assert_no_error (error);
  corpus_score_filing (right, truth, &counts, NULL);
  g_assert_cmpuint (counts.truth_cells, ==, 2);
  g_assert_cmpuint (counts.value_right, ==, 2);
  g_assert_cmpuint (counts.period_right, ==, 2);

  memset (&counts, 0, sizeof counts);
  corpus_score_filing (wrong, truth, &counts, NULL);
  g_assert_cmpuint (counts.value_right, ==, 2);
  g_assert_cmpuint (counts.period_right, ==, 0);
  g_assert_cmpuint (counts.currency_right, ==, 2);
  g_assert_cmpuint (counts.scale_right, ==, 2);
}

static void
test_counts_add (void)
{
  CorpusCounts total = { .files = 2, .cells = 10, .false_errors = 1 };
  CorpusCounts counts = { .files = 1, .cells = 5, .truth_cells = 3, .false_errors = 2 };

  corpus_counts_add (&total, &counts);
  g_assert_cmpuint (total.files, ==, 3);
  g_assert_cmpuint (total.cells, ==, 15);
  g_assert_cmpuint (total.truth_cells, ==, 3);
  g_assert_cmpuint (total.false_errors, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kessan/corpus/parse-printed", test_parse_printed);
  g_test_add_func ("/kessan/corpus/score-reading", test_score_reading);
  g_test_add_func ("/kessan/corpus/score-release", test_score_release);
  g_test_add_func ("/kessan/corpus/score-scenario", test_score_scenario);
  g_test_add_func ("/kessan/corpus/counts-add", test_counts_add);
  return g_test_run ();
}
