/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kessan.h"
#include "kessan-test-util.h"

/* The series builder on the three sample releases (001: 4Q02, released
 * 2003-05-21; 003: 2Q03 in Japanese and English; 004: 2Q03 in English,
 * both released 2003-11-21), on a restated copy of one of them, and on
 * small filings made here for what the samples do not print. */

#define SEED_001 "001_ac7abb1bfabe4158.txt"
#define SEED_003 "003_3f09aa9018b22431.txt"
#define SEED_004 "004_df6267c19d93d050.txt"

static KessanFiling *
parse_seed (const char *name)
{
  g_autofree char *path = kessan_test_seed_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KessanFiling *filing;

  filing = kessan_parse_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (filing);
  return filing;
}

/* Parsing is the slow part: the samples are parsed once for all tests. */
static KessanFiling *seeds[3];

static KessanSeriesSet *
seed_set (void)
{
  KessanSeriesSet *set = kessan_series_set_new ();

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    g_assert_true (kessan_series_set_add_filing (set, seeds[i]));
  return set;
}

/* The names of the releases behind a point, earliest first, once each. */
static char *
releases_of (const KessanSeriesPoint *point)
{
  g_autoptr(GPtrArray) observations = kessan_series_point_get_observations (point);
  GString *names = g_string_new (NULL);
  const char *last = NULL;

  for (guint i = 0; i < observations->len; i++)
    {
      KessanFiling *filing = kessan_series_observation_get_filing (g_ptr_array_index (observations, i));
      const char *name = kessan_filing_get_source_name (filing);

      if (g_strcmp0 (name, last) == 0)
        continue;
      if (names->len > 0)
        g_string_append_c (names, ' ');
      g_string_append (names, name);
      last = name;
    }
  return g_string_free (names, FALSE);
}

static const KessanSeriesPoint *
lookup (KessanSeriesSet *set,
        const char      *concept,
        const char      *end,
        guint            months)
{
  const KessanSeriesPoint *point = kessan_series_set_lookup (set, concept, end, months);

  if (point == NULL)
    g_error ("no point %s %s %uM", concept, end, months);
  return point;
}

static void
test_quarterly_revenues (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  /* From the income statements of the samples, in thousands of yen. */
  const struct
  {
    const char *end;
    double      thousands;
    const char *releases;
  } quarters[] = {
    { "2002-03-31", 12109774, SEED_001 },                       /* 4Q01 */
    { "2002-09-30", 10568342, SEED_003 " " SEED_004 },          /* 2Q02 */
    { "2002-12-31", 10563578, SEED_001 },                       /* 3Q02 */
    { "2003-03-31", 13036439, SEED_001 },                       /* 4Q02 */
    { "2003-06-30", 8344046, SEED_003 " " SEED_004 },           /* 1Q03 */
    { "2003-09-30", 9185259, SEED_003 " " SEED_004 },           /* 2Q03 */
  };
  g_autoptr(GPtrArray) points = kessan_series_set_get_points (set, "revenues.total");
  guint n_quarters = 0;

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      const KessanSeriesPoint *point = lookup (set, "revenues.total", quarters[i].end, 3);
      g_autofree char *releases = releases_of (point);

      g_assert_cmpfloat (kessan_series_point_get_value (point), ==, quarters[i].thousands * 1000);
      g_assert_cmpuint (kessan_series_point_get_unit (point), ==, KESSAN_UNIT_CURRENCY);
      g_assert_cmpuint (kessan_series_point_get_scale (point), ==, 1000);
      g_assert_cmpuint (kessan_series_point_get_months (point), ==, 3);
      g_assert_cmpstr (kessan_series_point_get_period_end (point), ==, quarters[i].end);
      g_assert_false (kessan_series_point_get_derived (point));
      g_assert_false (kessan_series_point_get_restated (point));
      g_assert_false (kessan_series_point_get_inconsistent (point));
      g_assert_cmpstr (releases, ==, quarters[i].releases);
    }

  /* Exactly those quarters, and the two fiscal years of 001. */
  for (guint i = 0; i < points->len; i++)
    {
      const KessanSeriesPoint *point = g_ptr_array_index (points, i);

      if (kessan_series_point_get_months (point) == 3 && !kessan_series_point_get_derived (point))
        n_quarters++;
      else
        g_assert_cmpuint (kessan_series_point_get_months (point), ==, 12);
    }
  g_assert_cmpuint (n_quarters, ==, G_N_ELEMENTS (quarters));
  g_assert_cmpfloat (kessan_series_point_get_value (lookup (set, "revenues.total", "2003-03-31", 12)), ==, 44017561000.0);
  g_assert_cmpfloat (kessan_series_point_get_value (lookup (set, "revenues.total", "2002-03-31", 12)), ==, 39904613000.0);

  /* Sorted by period end, then months. */
  for (guint i = 1; i < points->len; i++)
    {
      const KessanSeriesPoint *a = g_ptr_array_index (points, i - 1);
      const KessanSeriesPoint *b = g_ptr_array_index (points, i);
      int cmp = strcmp (kessan_series_point_get_period_end (a), kessan_series_point_get_period_end (b));

      g_assert_true (cmp < 0 || (cmp == 0 && kessan_series_point_get_months (a) < kessan_series_point_get_months (b)));
    }
}

/* 2Q03 is printed eight times: Table 1 in millions and the statement of
 * operations in thousands, in Japanese and English in 003 and in English
 * in 004.  Every figure is the same number; the statement's stands. */
static void
test_observations (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  const KessanSeriesPoint *point = lookup (set, "revenues.total", "2003-09-30", 3);
  g_autoptr(GPtrArray) observations = kessan_series_point_get_observations (point);
  const KessanSeriesObservation *chosen = kessan_series_point_get_value_observation (point);
  guint n_millions = 0;
  guint n_thousands = 0;

  g_assert_cmpuint (observations->len, ==, 6);
  g_assert_cmpuint (kessan_series_point_get_n_observations (point), ==, 6);
  for (guint i = 0; i < observations->len; i++)
    {
      const KessanSeriesObservation *observation = g_ptr_array_index (observations, i);
      KessanStatement *statement = kessan_series_observation_get_statement (observation);
      KessanLineItem *row = kessan_series_observation_get_row (observation);
      guint column = kessan_series_observation_get_column (observation);
      KessanFiling *filing = kessan_series_observation_get_filing (observation);

      g_assert_cmpstr (kessan_line_item_get_concept (row), ==, "revenues.total");
      g_assert_cmpfloat (kessan_line_item_get_value (row, column), ==, kessan_series_observation_get_printed (observation));
      g_assert_cmpuint (kessan_series_observation_get_line (observation), ==, kessan_line_item_get_value_line (row, column));
      g_assert_cmpuint (kessan_column_get_currency (kessan_statement_get_column (statement, column)), ==, KESSAN_CURRENCY_JPY);
      g_assert_cmpstr (kessan_filing_get_released (filing), ==, "2003-11-21");

      switch (kessan_series_observation_get_scale (observation))
        {
        case 1000000:
          n_millions++;
          g_assert_cmpuint (kessan_statement_get_kind (statement), ==, KESSAN_STATEMENT_KIND_KPI);
          g_assert_cmpfloat (kessan_series_observation_get_printed (observation), ==, 9185);
          g_assert_cmpfloat (kessan_series_observation_get_value (observation), ==, 9185000000.0);
          /* Within the rounding of millions of the statement's figure. */
          g_assert_cmpfloat (fabs (kessan_series_observation_get_value (observation) - kessan_series_point_get_value (point)), <=, 500000);
          break;

        case 1000:
          n_thousands++;
          g_assert_cmpuint (kessan_statement_get_kind (statement), ==, KESSAN_STATEMENT_KIND_INCOME);
          g_assert_cmpfloat (kessan_series_observation_get_printed (observation), ==, 9185259);
          break;

        default:
          g_assert_not_reached ();
        }
    }
  g_assert_cmpuint (n_millions, ==, 3);
  g_assert_cmpuint (n_thousands, ==, 3);

  g_assert_cmpuint (kessan_series_observation_get_scale (chosen), ==, 1000);
  g_assert_cmpstr (kessan_filing_get_source_name (kessan_series_observation_get_filing (kessan_series_point_get_first_published (point))), ==, SEED_003);
  g_assert_cmpstr (kessan_filing_get_source_name (kessan_series_observation_get_filing (kessan_series_point_get_latest (point))), ==, SEED_004);
}

/* Table 1 of 003 (millions) agrees with the statement of operations
 * (thousands) for every revenue line and quarter it prints. */
static void
test_kpi_agrees (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  g_auto(GStrv) concepts = kessan_series_set_get_concepts (set);
  guint n_checked = 0;

  for (guint c = 0; concepts[c] != NULL; c++)
    {
      g_autoptr(GPtrArray) points = NULL;

      if (!g_str_has_prefix (concepts[c], "revenues."))
        continue;
      points = kessan_series_set_get_points (set, concepts[c]);
      for (guint p = 0; p < points->len; p++)
        {
          const KessanSeriesPoint *point = g_ptr_array_index (points, p);
          g_autoptr(GPtrArray) observations = kessan_series_point_get_observations (point);
          gboolean millions = FALSE, thousands = FALSE;

          for (guint o = 0; o < observations->len; o++)
            {
              guint scale = kessan_series_observation_get_scale (g_ptr_array_index (observations, o));

              millions |= scale == 1000000;
              thousands |= scale == 1000;
            }
          if (!millions || !thousands)
            continue;
          g_assert_false (kessan_series_point_get_inconsistent (point));
          g_assert_cmpuint (kessan_series_point_get_scale (point), ==, 1000);
          n_checked++;
        }
    }
  /* Nine revenue lines (the connectivity subtotal only in the table, so
   * without a statement figure) times three quarters. */
  g_assert_cmpuint (n_checked, >=, 8 * 3);
}

static void
test_only_yen (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  g_auto(GStrv) concepts = kessan_series_set_get_concepts (set);

  for (guint c = 0; concepts[c] != NULL; c++)
    {
      g_autoptr(GPtrArray) points = kessan_series_set_get_points (set, concepts[c]);

      /* Per-share figures and share counts live in tables in thousands
       * of yen but are not in yen. */
      g_assert_false (g_str_has_prefix (concepts[c], "eps."));
      g_assert_false (g_str_has_prefix (concepts[c], "shares."));

      for (guint p = 0; p < points->len; p++)
        {
          const KessanSeriesPoint *point = g_ptr_array_index (points, p);
          g_autoptr(GPtrArray) observations = kessan_series_point_get_observations (point);

          for (guint o = 0; o < observations->len; o++)
            {
              const KessanSeriesObservation *observation = g_ptr_array_index (observations, o);
              KessanColumn *column = kessan_statement_get_column (kessan_series_observation_get_statement (observation),
                                                                  kessan_series_observation_get_column (observation));

              g_assert_cmpuint (kessan_column_get_measure (column), ==, KESSAN_MEASURE_AMOUNT);
              g_assert_cmpuint (kessan_column_get_currency (column), !=, KESSAN_CURRENCY_USD);
              g_assert_cmpuint (kessan_column_get_unit (column), !=, KESSAN_UNIT_PERCENT);
            }
        }
    }

  /* Counts and bandwidth are series too, at points in time. */
  g_assert_cmpfloat (kessan_series_point_get_value (lookup (set, "kpi.contracts.dialup.total", "2003-03-31", 0)), ==, 529784);
  g_assert_cmpuint (kessan_series_point_get_unit (lookup (set, "kpi.contracts.dialup.total", "2003-03-31", 0)), ==, KESSAN_UNIT_COUNT);
  g_assert_cmpfloat_with_epsilon (kessan_series_point_get_value (lookup (set, "kpi.bandwidth.total", "2003-03-31", 0)), 42.0, 1e-9);
  g_assert_cmpuint (kessan_series_point_get_unit (lookup (set, "kpi.bandwidth.total", "2003-03-31", 0)), ==, KESSAN_UNIT_GBPS);
  /* A table in millions, normalised to yen. */
  g_assert_cmpfloat (kessan_series_point_get_value (lookup (set, "capex.total", "2003-03-31", 3)), ==, 936000000.0);
  g_assert_cmpuint (kessan_series_point_get_scale (lookup (set, "capex.total", "2003-03-31", 3)), ==, 1000000);
}

static void
test_cash_check (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  GListModel *findings = kessan_series_set_get_findings (set);
  const KessanSeriesCheck *found = NULL;
  guint found_index = 0;
  g_autoptr(KessanFinding) finding = NULL;
  g_autofree char *cashflow_releases = NULL;
  g_autofree char *balance_releases = NULL;
  guint n_matches = 0;

  for (guint i = 0; i < kessan_series_set_get_n_checks (set); i++)
    {
      const KessanSeriesCheck *check = kessan_series_set_get_check (set, i);

      g_assert_cmpint (kessan_series_check_get_status (check), !=, KESSAN_SERIES_CHECK_MISMATCH);
      n_matches += kessan_series_check_get_status (check) == KESSAN_SERIES_CHECK_MATCH;
      if (kessan_series_check_get_kind (check) == KESSAN_SERIES_CHECK_CASH_BEGINNING &&
          g_str_equal (kessan_series_check_get_date (check), "2003-03-31"))
        {
          found = check;
          found_index = i;
        }
    }
  g_assert_cmpuint (n_matches, >=, 5);

  /* 001's balance sheet at 2003-03-31 against 003's (and 004's) cash
   * flows of the quarter that begins the next day. */
  g_assert_nonnull (found);
  g_assert_cmpint (kessan_series_check_get_status (found), ==, KESSAN_SERIES_CHECK_MATCH);
  g_assert_cmpstr (kessan_series_point_get_concept (kessan_series_check_get_cashflow_point (found)), ==, "cashflow.cash_beginning");
  g_assert_cmpstr (kessan_series_point_get_period_end (kessan_series_check_get_cashflow_point (found)), ==, "2003-06-30");
  g_assert_cmpuint (kessan_series_point_get_months (kessan_series_check_get_cashflow_point (found)), ==, 3);
  g_assert_cmpfloat (kessan_series_point_get_value (kessan_series_check_get_cashflow_point (found)), ==, 3588352000.0);
  g_assert_cmpstr (kessan_series_point_get_concept (kessan_series_check_get_balance_point (found)), ==, "assets.current.cash");
  g_assert_cmpfloat (kessan_series_point_get_value (kessan_series_check_get_balance_point (found)), ==, 3588352000.0);
  cashflow_releases = releases_of (kessan_series_check_get_cashflow_point (found));
  balance_releases = releases_of (kessan_series_check_get_balance_point (found));
  g_assert_cmpstr (cashflow_releases, ==, SEED_003 " " SEED_004);
  g_assert_cmpstr (balance_releases, ==, SEED_001);

  /* The same checks as findings, in the same order: none an error. */
  finding = g_list_model_get_item (findings, found_index);
  g_assert_nonnull (strstr (kessan_finding_get_message (finding), "3,588,352 thousand yen, " SEED_001));
  g_assert_nonnull (strstr (kessan_finding_get_message (finding), "2003-06-30"));
  g_assert_cmpstr (kessan_finding_get_other_statement (finding), ==, "ja-balance");

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, kessan_series_set_get_n_checks (set));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KessanFinding) finding = g_list_model_get_item (findings, i);

      g_assert_cmpstr (kessan_finding_get_check (finding), ==, "cross-release-cash");
      g_assert_cmpint (kessan_finding_get_severity (finding), !=, KESSAN_SEVERITY_ERROR);
    }
}

/* A copy of 004 released three months later, with 1Q03's total revenues
 * changed from 8,344,046 to 8,412,046 thousand yen (and 8,344 to 8,412
 * million in Table 1). */
static KessanFiling *
parse_restated_copy (void)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) restated = NULL;
  KessanFiling *filing;
  gsize length;

  text = kessan_test_load_seed (SEED_004, &length);
  restated = g_string_new_len (text, length);
  g_assert_cmpuint (g_string_replace (restated, "Tokyo, November 21, 2003", "Tokyo, February 20, 2004", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (restated, "\t8,344,046\t", "\t8,412,046\t", 0), ==, 1);
  g_assert_cmpuint (g_string_replace (restated, "\t8,344\t", "\t8,412\t", 0), ==, 1);

  bytes = g_bytes_new (restated->str, restated->len);
  filing = kessan_parse_release (bytes, "restated.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kessan_filing_get_released (filing), ==, "2004-02-20");
  return filing;
}

static void
assert_restated (KessanSeriesSet *set)
{
  const KessanSeriesPoint *point = lookup (set, "revenues.total", "2003-06-30", 3);
  const KessanSeriesObservation *first = kessan_series_point_get_first_published (point);
  const KessanSeriesObservation *latest = kessan_series_point_get_latest (point);
  g_autoptr(GPtrArray) observations = kessan_series_point_get_observations (point);
  g_autofree char *releases = releases_of (point);
  gboolean old_value = FALSE, new_value = FALSE;
  g_autofree char *csv = NULL;

  g_assert_true (kessan_series_point_get_restated (point));
  g_assert_false (kessan_series_point_get_inconsistent (point));
  g_assert_false (kessan_series_point_get_derived (point));
  g_assert_cmpstr (releases, ==, SEED_003 " " SEED_004 " restated.txt");

  /* As first published, and the latest, which is the value. */
  g_assert_cmpstr (kessan_filing_get_source_name (kessan_series_observation_get_filing (first)), ==, SEED_003);
  g_assert_cmpfloat (kessan_series_observation_get_value (first), ==, 8344046000.0);
  g_assert_cmpstr (kessan_filing_get_source_name (kessan_series_observation_get_filing (latest)), ==, "restated.txt");
  g_assert_cmpfloat (kessan_series_observation_get_value (latest), ==, 8412046000.0);
  g_assert_cmpfloat (kessan_series_point_get_value (point), ==, 8412046000.0);
  g_assert_true (kessan_series_point_get_value_observation (point) == latest);

  /* Both figures kept, each with its release. */
  for (guint i = 0; i < observations->len; i++)
    {
      const KessanSeriesObservation *observation = g_ptr_array_index (observations, i);
      const char *name = kessan_filing_get_source_name (kessan_series_observation_get_filing (observation));
      double value = kessan_series_observation_get_value (observation);

      if (g_str_equal (name, "restated.txt"))
        {
          new_value = TRUE;
          g_assert_cmpfloat (fabs (value - 8412046000.0), <, 1e6);
        }
      else
        {
          old_value = TRUE;
          g_assert_cmpfloat (fabs (value - 8344046000.0), <, 1e6);
        }
    }
  g_assert_true (old_value && new_value);

  /* Other periods of the same releases are not restated. */
  g_assert_false (kessan_series_point_get_restated (lookup (set, "revenues.total", "2003-09-30", 3)));
  g_assert_false (kessan_series_point_get_restated (lookup (set, "revenues.total", "2002-09-30", 3)));

  csv = kessan_series_set_to_csv (set, (const char *[]) { "revenues.total", NULL });
  g_assert_nonnull (strstr (csv, "\r\nrevenues.total,2003-06-30,3,yen,8412046000,1000,false,true,false,8344046000,"
                                 SEED_003 ",restated.txt," SEED_003 ";" SEED_004 ";restated.txt,\r\n"));
}

static void
test_restatement (void)
{
  g_autoptr(KessanFiling) copy = parse_restated_copy ();
  g_autoptr(KessanSeriesSet) set = seed_set ();
  g_autoptr(KessanSeriesSet) reversed = kessan_series_set_new ();

  g_assert_true (kessan_series_set_add_filing (set, copy));
  assert_restated (set);

  /* Which release came first is the release date, not the order added. */
  g_assert_true (kessan_series_set_add_filing (reversed, copy));
  for (guint i = G_N_ELEMENTS (seeds); i > 0; i--)
    g_assert_true (kessan_series_set_add_filing (reversed, seeds[i - 1]));
  assert_restated (reversed);
  g_assert_cmpstr (kessan_filing_get_source_name (kessan_series_set_get_filing (reversed, 0)), ==, SEED_001);
  g_assert_cmpstr (kessan_filing_get_source_name (kessan_series_set_get_filing (reversed, 3)), ==, "restated.txt");
}

static void
test_same_release_twice (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  g_autoptr(KessanFiling) again = parse_seed (SEED_004);

  g_assert_false (kessan_series_set_add_filing (set, seeds[0]));
  g_assert_false (kessan_series_set_add_filing (set, again));
  g_assert_cmpuint (kessan_series_set_get_n_filings (set), ==, 3);
  g_assert_cmpuint (kessan_series_point_get_n_observations (lookup (set, "revenues.total", "2003-09-30", 3)), ==, 6);
}

static void
assert_derived (const KessanSeriesPoint *point,
                double                   expected,
                guint                    n_inputs)
{
  g_assert_true (kessan_series_point_get_derived (point));
  g_assert_false (kessan_series_point_get_restated (point));
  g_assert_nonnull (kessan_series_point_get_formula (point));
  g_assert_cmpuint (kessan_series_point_get_n_observations (point), ==, 0);
  g_assert_null (kessan_series_point_get_value_observation (point));
  g_assert_cmpuint (kessan_series_point_get_n_inputs (point), ==, n_inputs);
  g_assert_cmpfloat_with_epsilon (kessan_series_point_get_value (point), expected, 1e-9 * MAX (1, fabs (expected)));
}

static void
test_margins (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  const KessanSeriesPoint *operating = lookup (set, "margin.operating", "2003-09-30", 3);
  const KessanSeriesPoint *gross = lookup (set, "margin.gross", "2003-09-30", 3);
  const KessanSeriesPoint *ebitda = lookup (set, "margin.ebitda", "2003-09-30", 3);

  assert_derived (operating, -829760.0 / 9185259.0 * 100, 2);
  g_assert_cmpuint (kessan_series_point_get_unit (operating), ==, KESSAN_UNIT_PERCENT);
  g_assert_cmpstr (kessan_series_point_get_concept (kessan_series_point_get_input (operating, 0)), ==, "revenues.total");
  g_assert_cmpstr (kessan_series_point_get_concept (kessan_series_point_get_input (operating, 1)), ==, "operating_income");
  /* The release prints -9.0 % of revenues. */
  g_assert_cmpfloat (round (kessan_series_point_get_value (operating) * 10) / 10, ==, -9.0);

  assert_derived (gross, (9185259.0 - 8337123.0) / 9185259.0 * 100, 2);
  /* Adjusted EBITDA is printed in millions only. */
  assert_derived (ebitda, 126000000.0 / 9185259000.0 * 100, 2);

  /* Every period with both inputs, years too. */
  assert_derived (lookup (set, "margin.operating", "2003-03-31", 12), -1670889.0 / 44017561.0 * 100, 2);
  g_assert_null (kessan_series_set_lookup (set, "margin.operating", "2003-09-30", 0));
}

/* A total the releases print in some quarters is the sum of its parts
 * in the others. */
static void
test_derived_total (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  const char *total_key = "revenues.connectivity_vas.connectivity_total";
  const char * const *parts = kessan_concepts_get_components (kessan_concepts_get_default (), total_key);
  g_autoptr(GPtrArray) points = kessan_series_set_get_points (set, total_key);
  guint n_derived = 0, n_printed = 0;

  g_assert_nonnull (parts);
  g_assert_cmpuint (g_strv_length ((char **) parts), ==, 2);
  for (guint i = 0; i < points->len; i++)
    {
      const KessanSeriesPoint *point = g_ptr_array_index (points, i);
      const KessanSeriesPoint *a, *b;

      if (!kessan_series_point_get_derived (point))
        {
          n_printed++;
          continue;
        }
      n_derived++;
      a = lookup (set, parts[0], kessan_series_point_get_period_end (point), kessan_series_point_get_months (point));
      b = lookup (set, parts[1], kessan_series_point_get_period_end (point), kessan_series_point_get_months (point));
      assert_derived (point, kessan_series_point_get_value (a) + kessan_series_point_get_value (b), 2);
      g_assert_cmpstr (kessan_series_point_get_formula (point), ==, "sum of parts");
      g_assert_true (kessan_series_point_get_input (point, 0) == a);
    }
  /* The quarters ending December 2002 and March 2003 print the services
   * but not their total. */
  g_assert_cmpuint (n_printed, >, 0);
  g_assert_true (kessan_series_point_get_derived (lookup (set, total_key, "2002-12-31", 3)));
  g_assert_false (kessan_series_point_get_derived (lookup (set, total_key, "2003-09-30", 3)));
  g_assert_cmpuint (n_derived, >=, 1);
}

/* The labels of a series: a margin's, the dictionary's, and for a
 * concept the dictionary does not know, what the releases print. */
static void
test_labels (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  guint n_margins;
  const KessanSeriesMargin *margins = kessan_series_get_margins (&n_margins);

  g_assert_cmpuint (n_margins, ==, 3);
  for (guint i = 0; i < n_margins; i++)
    {
      g_autofree char *en = NULL;
      g_autofree char *ja = NULL;

      g_assert_nonnull (lookup (set, margins[i].key, "2003-09-30", 3));
      kessan_series_dup_labels (margins[i].key, NULL, &en, &ja);
      g_assert_cmpstr (en, ==, margins[i].label_en);
      g_assert_cmpstr (ja, ==, margins[i].label_ja);
    }
  g_assert_cmpstr (margins[1].key, ==, "margin.operating");
  g_assert_cmpstr (margins[1].label_ja, ==, "営業利益率");

  {
    g_autofree char *en = NULL;
    g_autofree char *ja = NULL;

    kessan_series_dup_labels ("revenues.total", NULL, &en, &ja);
    g_assert_cmpstr (en, ==, "Total revenues");
    g_assert_cmpstr (ja, ==, "営業収益合計");
  }

  /* A concept of a release's own takes the label its row prints. */
  {
    static const char text[] = "Internet Initiative Japan Inc.\n\nTable 3. Number of Contracts\n\n"
                               "\t2Q03\t2Q02\t1Q03\nWidgets sold\t10\t20\t30\n\nEnd of the tables.\n";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(KessanFiling) filing = kessan_parse_release (bytes, "widgets.txt", &error);
    g_autoptr(KessanSeriesSet) own = kessan_series_set_new ();
    KessanLineItem *row;
    g_autoptr(GPtrArray) points = NULL;
    g_autofree char *en = NULL;
    g_autofree char *ja = NULL;

    g_assert_no_error (error);
    row = kessan_statement_get_row (kessan_filing_get_statement (filing, 0), 0);
    g_assert_true (kessan_series_set_add_filing (own, filing));
    points = kessan_series_set_get_points (own, kessan_line_item_get_concept (row));
    g_assert_cmpuint (points->len, >, 0);
    kessan_series_dup_labels (kessan_line_item_get_concept (row), points, &en, &ja);
    g_assert_cmpstr (en, ==, "Widgets sold");
    g_assert_null (ja);
  }
}

static void
test_growth (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();

  /* 003 prints (13.1%) and 10.1%. */
  assert_derived (lookup (set, "yoy(revenues.total)", "2003-09-30", 3), (9185259.0 - 10568342.0) / 10568342.0 * 100, 2);
  assert_derived (lookup (set, "qoq(revenues.total)", "2003-09-30", 3), (9185259.0 - 8344046.0) / 8344046.0 * 100, 2);
  /* Across releases: 4Q02 (001) to 1Q03 (003). */
  assert_derived (lookup (set, "qoq(revenues.total)", "2003-06-30", 3), (8344046.0 - 13036439.0) / 13036439.0 * 100, 2);
  /* A loss that narrows, as the releases compute it: -96.6 %. */
  assert_derived (lookup (set, "yoy(equity_method_loss.net)", "2003-09-30", 3), (-49945.0 + 1480411.0) / -1480411.0 * 100, 2);

  /* No 2Q02 of the year before, no 1Q03 growth year over year. */
  g_assert_null (kessan_series_set_lookup (set, "yoy(revenues.total)", "2003-06-30", 3));
  /* Years and balances have no quarterly growth. */
  g_assert_null (kessan_series_set_lookup (set, "yoy(revenues.total)", "2003-03-31", 12));
  g_assert_null (kessan_series_set_lookup (set, "qoq(assets.current.cash)", "2003-09-30", 0));
  /* The seeds print every fourth quarter they print a year of. */
  g_assert_false (kessan_series_point_get_derived (lookup (set, "revenues.total", "2003-03-31", 3)));
}

/* Filings made here */

static KessanColumn *
new_column (const char     *end,
            guint           months,
            KessanCurrency  currency,
            guint           scale)
{
  KessanColumn *column = kessan_column_new ();

  kessan_column_set_period_end (column, end);
  kessan_column_set_months (column, months);
  kessan_column_set_measure (column, KESSAN_MEASURE_AMOUNT);
  kessan_column_set_currency (column, currency);
  kessan_column_set_scale (column, scale);
  kessan_column_set_unit (column, KESSAN_UNIT_CURRENCY);
  return column;
}

static void
add_row (KessanStatement *statement,
         const char      *concept,
         const double    *values)
{
  guint n_columns = kessan_statement_get_n_columns (statement);
  g_autoptr(KessanLineItem) row = kessan_line_item_new (concept, n_columns);

  kessan_line_item_set_concept (row, concept);
  for (guint c = 0; c < n_columns; c++)
    if (!isnan (values[c]))
      kessan_line_item_set_value (row, c, values[c], 0, 10 + kessan_statement_get_n_rows (statement));
  kessan_statement_add_row (statement, row);
}

static KessanFiling *
new_filing (const char *name,
            const char *released)
{
  KessanFiling *filing = kessan_filing_new ();

  kessan_filing_set_source_name (filing, name);
  kessan_filing_set_source_hash (filing, name);
  kessan_filing_set_released (filing, released);
  return filing;
}

/* A fiscal year and its first nine months, but no fourth quarter. */
static KessanFiling *
new_year_and_nine_months (void)
{
  KessanFiling *filing = new_filing ("fy2003.txt", "2004-05-20");
  g_autoptr(KessanStatement) income = kessan_statement_new ("en-income-year", KESSAN_STATEMENT_KIND_INCOME, "en");
  g_autoptr(KessanStatement) cashflow = kessan_statement_new ("en-cashflow-year", KESSAN_STATEMENT_KIND_CASHFLOW, "en");
  g_autoptr(KessanColumn) year = new_column ("2004-03-31", 12, KESSAN_CURRENCY_JPY, 1000);
  g_autoptr(KessanColumn) nine = new_column ("2003-12-31", 9, KESSAN_CURRENCY_JPY, 1000);
  g_autoptr(KessanColumn) dollars = new_column ("2004-03-31", 12, KESSAN_CURRENCY_USD, 1000);

  kessan_statement_add_column (income, year);
  kessan_statement_add_column (income, nine);
  kessan_statement_add_column (income, dollars);
  add_row (income, "revenues.total", (const double[]) { 40000, 28000, 380 });
  add_row (income, "operating_income", (const double[]) { -900, -600, -9 });
  kessan_filing_add_statement (filing, income);

  kessan_statement_add_column (cashflow, year);
  kessan_statement_add_column (cashflow, nine);
  add_row (cashflow, "cashflow.cash_beginning", (const double[]) { 11000, 11000 });
  kessan_filing_add_statement (filing, cashflow);
  return filing;
}

/* The first three quarters and the year. */
static KessanFiling *
new_quarters_and_year (void)
{
  KessanFiling *filing = new_filing ("quarters.txt", "2004-05-20");
  g_autoptr(KessanStatement) income = kessan_statement_new ("en-income", KESSAN_STATEMENT_KIND_INCOME, "en");
  const char *ends[] = { "2003-06-30", "2003-09-30", "2003-12-31" };

  for (guint q = 0; q < 3; q++)
    {
      g_autoptr(KessanColumn) column = new_column (ends[q], 3, KESSAN_CURRENCY_JPY, 1000);

      kessan_statement_add_column (income, column);
    }
  {
    g_autoptr(KessanColumn) column = new_column ("2004-03-31", 12, KESSAN_CURRENCY_JPY, 1000);

    kessan_statement_add_column (income, column);
  }
  add_row (income, "revenues.total", (const double[]) { 8000, 9000, 10000, 38000 });
  add_row (income, "operating_income", (const double[]) { -100, NAN, -300, -1000 });
  kessan_filing_add_statement (filing, income);
  return filing;
}

static void
test_fourth_quarter_from_nine_months (void)
{
  g_autoptr(KessanFiling) filing = new_year_and_nine_months ();
  g_autoptr(KessanSeriesSet) set = kessan_series_set_new ();
  const KessanSeriesPoint *q4, *margin;

  kessan_series_set_add_filing (set, filing);
  q4 = lookup (set, "revenues.total", "2004-03-31", 3);
  assert_derived (q4, 12000000.0, 2);
  g_assert_cmpstr (kessan_series_point_get_formula (q4), ==, "12M - 9M");
  g_assert_cmpuint (kessan_series_point_get_months (kessan_series_point_get_input (q4, 0)), ==, 12);
  g_assert_cmpuint (kessan_series_point_get_months (kessan_series_point_get_input (q4, 1)), ==, 9);
  g_assert_cmpstr (kessan_series_point_get_period_end (kessan_series_point_get_input (q4, 1)), ==, "2003-12-31");
  g_assert_cmpuint (kessan_series_point_get_scale (q4), ==, 1000);
  /* The dollar column is not a series. */
  g_assert_cmpuint (kessan_series_point_get_n_observations (lookup (set, "revenues.total", "2004-03-31", 12)), ==, 1);

  /* Derived from derived: the fourth quarter's operating margin. */
  margin = lookup (set, "margin.operating", "2004-03-31", 3);
  assert_derived (margin, -300.0 / 12000.0 * 100, 2);
  g_assert_true (kessan_series_point_get_derived (kessan_series_point_get_input (margin, 0)));

  /* Cash at the beginning is a balance: no quarter of it is derived. */
  g_assert_null (kessan_series_set_lookup (set, "cashflow.cash_beginning", "2004-03-31", 3));
}

static void
test_fourth_quarter_from_quarters (void)
{
  g_autoptr(KessanFiling) filing = new_quarters_and_year ();
  g_autoptr(KessanSeriesSet) set = kessan_series_set_new ();
  g_autoptr(KessanFiling) q4_filing = new_filing ("q4.txt", "2004-05-21");
  g_autoptr(KessanStatement) income = kessan_statement_new ("en-income", KESSAN_STATEMENT_KIND_INCOME, "en");
  g_autoptr(KessanColumn) column = new_column ("2004-03-31", 3, KESSAN_CURRENCY_JPY, 1000000);
  const KessanSeriesPoint *q4;

  kessan_series_set_add_filing (set, filing);
  q4 = lookup (set, "revenues.total", "2004-03-31", 3);
  assert_derived (q4, 11000000.0, 4);
  g_assert_cmpstr (kessan_series_point_get_formula (q4), ==, "12M - (Q1 + Q2 + Q3)");
  g_assert_cmpstr (kessan_series_point_get_period_end (kessan_series_point_get_input (q4, 1)), ==, "2003-06-30");
  g_assert_cmpstr (kessan_series_point_get_period_end (kessan_series_point_get_input (q4, 3)), ==, "2003-12-31");
  /* Growth of a derived quarter, marked derived too. */
  assert_derived (lookup (set, "qoq(revenues.total)", "2004-03-31", 3), (11000.0 - 10000.0) / 10000.0 * 100, 2);
  /* Operating income of Q2 is missing: no fourth quarter of it. */
  g_assert_null (kessan_series_set_lookup (set, "operating_income", "2004-03-31", 3));

  /* Once a release prints the fourth quarter, it is not derived. */
  kessan_statement_add_column (income, column);
  add_row (income, "revenues.total", (const double[]) { 11 });
  kessan_filing_add_statement (q4_filing, income);
  kessan_series_set_add_filing (set, q4_filing);
  q4 = lookup (set, "revenues.total", "2004-03-31", 3);
  g_assert_false (kessan_series_point_get_derived (q4));
  g_assert_cmpfloat (kessan_series_point_get_value (q4), ==, 11000000.0);
}

/* Two tables of one release that disagree: not a restatement, but shown. */
static void
test_inconsistent_release (void)
{
  g_autoptr(KessanFiling) filing = new_filing ("inconsistent.txt", "2004-05-20");
  g_autoptr(KessanStatement) income = kessan_statement_new ("en-income", KESSAN_STATEMENT_KIND_INCOME, "en");
  g_autoptr(KessanStatement) kpi = kessan_statement_new ("en-kpi-revenues", KESSAN_STATEMENT_KIND_KPI, "en");
  g_autoptr(KessanColumn) thousands = new_column ("2004-03-31", 3, KESSAN_CURRENCY_JPY, 1000);
  g_autoptr(KessanColumn) millions = new_column ("2004-03-31", 3, KESSAN_CURRENCY_JPY, 1000000);
  g_autoptr(KessanSeriesSet) set = kessan_series_set_new ();
  const KessanSeriesPoint *point;

  kessan_statement_add_column (kpi, millions);
  add_row (kpi, "revenues.total", (const double[]) { 12 });
  add_row (kpi, "revenues.equipment_sales", (const double[]) { 3 });
  kessan_filing_add_statement (filing, kpi);
  kessan_statement_add_column (income, thousands);
  add_row (income, "revenues.total", (const double[]) { 10000 });
  /* 2,100 thousand printed as 3 million: within a unit of millions, as a
   * table rounded so that its rows add up to its total may print it. */
  add_row (income, "revenues.equipment_sales", (const double[]) { 2100 });
  kessan_filing_add_statement (filing, income);
  kessan_series_set_add_filing (set, filing);

  point = lookup (set, "revenues.total", "2004-03-31", 3);
  g_assert_true (kessan_series_point_get_inconsistent (point));
  g_assert_false (kessan_series_point_get_restated (point));
  g_assert_cmpfloat (kessan_series_point_get_value (point), ==, 10000000.0);
  point = lookup (set, "revenues.equipment_sales", "2004-03-31", 3);
  g_assert_false (kessan_series_point_get_inconsistent (point));
  g_assert_cmpfloat (kessan_series_point_get_value (point), ==, 2100000.0);
}

static void
test_output (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  g_autofree char *csv = kessan_series_set_to_csv (set, NULL);
  g_autofree char *some = kessan_series_set_to_csv (set, (const char *[]) { "margin.*", "revenues.total", NULL });
  g_autofree char *json = kessan_series_set_to_json (set, (const char *[]) { "revenues.total", NULL });
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = g_strsplit (some, "\r\n", -1);
  JsonObject *root, *series, *point;
  JsonArray *points;

  g_assert_true (g_str_has_prefix (csv, "concept,period_end,months,unit,value,scale,derived,restated,inconsistent,"
                                        "first_value,first_release,latest_release,releases,formula\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nrevenues.total,2003-09-30,3,yen,9185259000,1000,false,false,false,9185259000,"
                                 SEED_003 "," SEED_004 "," SEED_003 ";" SEED_004 ",\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nkpi.bandwidth.total,2003-03-31,,gbps,42.0,1,false,false,false,42.0,"));
  g_assert_nonnull (strstr (csv, "\r\nmargin.operating,2003-09-30,3,percent,-9.0336,1,true,false,false,,,,,"
                                 "operating_income / revenues.total * 100\r\n"));

  for (guint i = 1; lines[i] != NULL && lines[i][0] != '\0'; i++)
    g_assert_true (g_str_has_prefix (lines[i], "revenues.total,") ||
                   g_str_has_prefix (lines[i], "yoy(revenues.total),") ||
                   g_str_has_prefix (lines[i], "qoq(revenues.total),") ||
                   g_str_has_prefix (lines[i], "margin."));

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "kessan-series");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "releases")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "series")), ==, 1);
  series = json_array_get_object_element (json_object_get_array_member (root, "series"), 0);
  g_assert_cmpstr (json_object_get_string_member (series, "concept"), ==, "revenues.total");
  g_assert_cmpstr (json_object_get_string_member (series, "label_ja"), ==, "営業収益合計");
  g_assert_cmpstr (json_object_get_string_member (series, "unit"), ==, "yen");
  points = json_object_get_array_member (series, "points");
  point = json_array_get_object_element (points, json_array_get_length (points) - 1);
  g_assert_cmpstr (json_object_get_string_member (point, "period_end"), ==, "2003-09-30");
  g_assert_cmpint (json_object_get_int_member (point, "value"), ==, 9185259000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (point, "observations")), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (point, "first_published"), "release"), ==, SEED_003);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "checks")), ==, kessan_series_set_get_n_checks (set));
}

/* kessan-cli series */

/* Runs kessan-cli series with @args; skipped where there is no kessan-cli
 * to run, leaving @run empty. */
static void
run_series (KessanTestRun      *run,
            const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  if (g_getenv ("KESSAN_CLI") == NULL)
    {
      g_test_skip ("KESSAN_CLI is not set");
      return;
    }
  g_ptr_array_add (argv, (char *) "series");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  kessan_test_run_cliv (run, (const char * const *) argv->pdata);
}

static void
test_cli (void)
{
  g_autofree char *s1 = kessan_test_seed_path (SEED_001);
  g_autofree char *s3 = kessan_test_seed_path (SEED_003);
  g_autofree char *s4 = kessan_test_seed_path (SEED_004);
  g_autofree char *missing = kessan_test_seed_path ("no-such-release.txt");
  g_auto(KessanTestRun) csv = { 0 };
  g_auto(KessanTestRun) json = { 0 };
  g_auto(KessanTestRun) partial = { 0 };
  g_auto(KessanTestRun) usage = { 0 };
  g_auto(KessanTestRun) format = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  run_series (&csv, (const char *[]) { "--concept=revenues.total", s1, s3, s4, NULL });
  if (g_test_failed () || csv.out == NULL)
    return;
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_cmpstr (csv.err, ==, "");
  g_assert_nonnull (strstr (csv.out, "revenues.total,2003-09-30,3,yen,9185259000,1000,false,false,false,9185259000,"
                                     SEED_003 "," SEED_004 "," SEED_003 ";" SEED_004 ",\r\n"));
  g_assert_nonnull (strstr (csv.out, "revenues.total,2003-03-31,3,yen,13036439000,1000,false,false,false,"));
  g_assert_null (strstr (csv.out, "operating_income"));

  run_series (&json, (const char *[]) { "--format=json", "-c", "margin.*", s3, NULL });
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json.out, "\"concept\": \"margin.operating\""));

  /* An unreadable file: said on stderr, the others still merged. */
  run_series (&partial, (const char *[]) { s3, missing, NULL });
  g_assert_cmpint (partial.status, ==, 1);
  g_assert_nonnull (strstr (partial.err, "no-such-release.txt"));
  g_assert_nonnull (strstr (partial.out, "revenues.total,2003-09-30,3,yen,9185259000,"));

  run_series (&usage, (const char *[]) { NULL });
  g_assert_cmpint (usage.status, ==, 2);
  run_series (&format, (const char *[]) { "--format=xml", s3, NULL });
  g_assert_cmpint (format.status, ==, 2);
}

static void
test_cli_library (void)
{
  g_autofree char *s1 = kessan_test_seed_path (SEED_001);
  g_autofree char *s3 = kessan_test_seed_path (SEED_003);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = kessan_test_make_temp_dir ("kessan-series-XXXXXX");
  g_autoptr(GFile) directory = NULL;
  g_autoptr(KessanLibrary) library = NULL;
  g_auto(KessanTestRun) run = { 0 };
  g_autofree char *option = NULL;

  directory = g_file_new_for_path (dir);
  library = kessan_library_new (directory);
  g_assert_true (kessan_library_load (library, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (i == 0 ? s1 : s3);
      g_autoptr(KessanFiling) filing = kessan_library_import_file (library, file, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (filing);
    }

  option = g_strconcat ("--library=", dir, NULL);
  run_series (&run, (const char *[]) { option, "--concept=cashflow.cash_beginning", NULL });
  if (run.out != NULL)
    {
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, "cashflow.cash_beginning,2003-06-30,3,yen,3588352000,1000,false,false,false,3588352000,"
                                         SEED_003 "," SEED_003 "," SEED_003 ",\r\n"));
    }

  kessan_test_remove_tree (dir);
}

/* Performance: many releases of realistic shape (a statement of
 * operations, a balance sheet, cash flows and a table in millions, each
 * with the quarter, the quarter a year earlier and the quarter before),
 * each release over its own quarter, the quarters cycling through 250
 * years so that each is printed by several releases. */

static KessanStatement *
synthetic_statement (const char          *id,
                     KessanStatementKind  kind,
                     GPtrArray           *template_rows,
                     guint32              julian,
                     guint                months,
                     guint                scale)
{
  KessanStatement *statement = kessan_statement_new (id, kind, "en");
  const guint months_back[] = { 0, 12, 3 };

  for (guint c = 0; c < G_N_ELEMENTS (months_back); c++)
    {
      g_autoptr(KessanColumn) column = NULL;
      g_autofree char *iso = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      g_date_subtract_months (&date, months_back[c]);
      g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
      iso = kessan_date_to_iso (&date);
      column = new_column (iso, months, KESSAN_CURRENCY_JPY, scale);
      kessan_statement_add_column (statement, column);
    }
  for (guint r = 0; r < template_rows->len; r++)
    kessan_statement_add_row (statement, g_ptr_array_index (template_rows, r));
  return statement;
}

static GPtrArray *
template_rows (const char *prefix,
               guint       n_rows,
               double      base)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *concept = g_strdup_printf ("%s.row%u", prefix, r);
      KessanLineItem *row = kessan_line_item_new (concept, 3);

      kessan_line_item_set_concept (row, concept);
      for (guint c = 0; c < 3; c++)
        kessan_line_item_set_value (row, c, base + r * 1000 + c, 0, 100 + r);
      g_ptr_array_add (rows, row);
    }
  return rows;
}

static void
run_many_releases (guint   n_releases,
                   double *seconds)
{
  g_autoptr(GPtrArray) income_rows = template_rows ("revenues", 30, 1000000);
  g_autoptr(GPtrArray) balance_rows = template_rows ("assets", 40, 2000000);
  g_autoptr(GPtrArray) cashflow_rows = template_rows ("cashflow", 30, 300000);
  g_autoptr(GPtrArray) kpi_rows = template_rows ("revenues", 10, 1000);
  g_autoptr(GPtrArray) filings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KessanSeriesSet) set = NULL;
  g_autoptr(GTimer) timer = NULL;
  g_auto(GStrv) concepts = NULL;
  g_autofree char *csv = NULL;
  GDate start;
  guint n_points = 0;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 31, 3, 1951);
  for (guint i = 0; i < n_releases; i++)
    {
      g_autofree char *name = g_strdup_printf ("release-%05u.txt", i);
      g_autofree char *released = NULL;
      KessanFiling *filing;
      GDate end = start;
      guint32 julian;

      g_date_add_months (&end, 3 * (i % 1000));
      g_date_set_day (&end, g_date_get_days_in_month (g_date_get_month (&end), g_date_get_year (&end)));
      julian = g_date_get_julian (&end);
      g_date_add_days (&end, 50 + i / 1000);
      released = kessan_date_to_iso (&end);
      filing = new_filing (name, released);

      {
        g_autoptr(KessanStatement) income = synthetic_statement ("en-income", KESSAN_STATEMENT_KIND_INCOME, income_rows, julian, 3, 1000);
        g_autoptr(KessanStatement) balance = synthetic_statement ("en-balance", KESSAN_STATEMENT_KIND_BALANCE, balance_rows, julian, 0, 1000);
        g_autoptr(KessanStatement) cashflow = synthetic_statement ("en-cashflow", KESSAN_STATEMENT_KIND_CASHFLOW, cashflow_rows, julian, 3, 1000);
        g_autoptr(KessanStatement) kpi = synthetic_statement ("en-kpi", KESSAN_STATEMENT_KIND_KPI, kpi_rows, julian, 3, 1000000);

        kessan_filing_add_statement (filing, income);
        kessan_filing_add_statement (filing, balance);
        kessan_filing_add_statement (filing, cashflow);
        kessan_filing_add_statement (filing, kpi);
      }
      g_ptr_array_add (filings, filing);
    }

  timer = g_timer_new ();
  set = kessan_series_set_new ();
  for (guint i = 0; i < filings->len; i++)
    kessan_series_set_add_filing (set, g_ptr_array_index (filings, i));
  concepts = kessan_series_set_get_concepts (set);
  for (guint c = 0; concepts[c] != NULL; c++)
    {
      g_autoptr(GPtrArray) points = kessan_series_set_get_points (set, concepts[c]);

      n_points += points->len;
    }
  *seconds = g_timer_elapsed (timer, NULL);
  g_assert_cmpuint (n_points, >, 0);
  g_assert_cmpuint (kessan_series_set_get_n_filings (set), ==, n_releases);
  g_test_message ("%u releases: %u points built in %.2f s", n_releases, n_points, *seconds);

  g_timer_start (timer);
  csv = kessan_series_set_to_csv (set, NULL);
  g_test_message ("CSV of %" G_GSIZE_FORMAT " bytes in %.2f s", strlen (csv), g_timer_elapsed (timer, NULL));
}

static void
test_many_releases (void)
{
  double seconds;

  run_many_releases (500, &seconds);
}

static void
test_performance (void)
{
  double seconds;

  run_many_releases (10000, &seconds);
  g_assert_cmpfloat (seconds, <, 5.0);
}

/* A row printed without a label is no series: every release's
 * unlabelled subtotals would otherwise meet in one row named "?". */
static void
test_unlabelled_row (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "general", "unlabelled-subtotal.txt", NULL);
  gsize length = 0;
  char *text = kessan_test_read_file (path, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = kessan_parse_release (bytes, "unlabelled.txt", &error);
  g_autoptr(KessanSeriesSet) set = kessan_series_set_new ();
  KessanStatement *income;
  KessanLineItem *unlabelled = NULL;
  KessanLineItem *sales;

  g_assert_no_error (error);
  income = kessan_filing_find_statement (filing, "en-income-quarter");
  g_assert_nonnull (income);
  for (guint r = 0; r < kessan_statement_get_n_rows (income); r++)
    if (g_strcmp0 (kessan_line_item_get_label (kessan_statement_get_row (income, r)), "?") == 0)
      unlabelled = kessan_statement_get_row (income, r);
  g_assert_nonnull (unlabelled);
  g_assert_nonnull (kessan_line_item_get_concept (unlabelled));

  kessan_series_set_add_filing (set, filing);
  g_assert_null (kessan_series_set_lookup (set, kessan_line_item_get_concept (unlabelled), "2024-11-02", 3));
  /* The rows with labels are series. */
  sales = kessan_statement_get_row (income, 0);
  g_assert_cmpstr (kessan_line_item_get_label (sales), ==, "Net sales");
  g_assert_cmpfloat (kessan_series_point_get_value (lookup (set, kessan_line_item_get_concept (sales), "2024-11-02", 3)), ==, 293575000);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  seeds[0] = parse_seed (SEED_001);
  seeds[1] = parse_seed (SEED_003);
  seeds[2] = parse_seed (SEED_004);

  g_test_add_func ("/kessan/series/quarterly-revenues", test_quarterly_revenues);
  g_test_add_func ("/kessan/series/observations", test_observations);
  g_test_add_func ("/kessan/series/kpi-agrees", test_kpi_agrees);
  g_test_add_func ("/kessan/series/only-yen", test_only_yen);
  g_test_add_func ("/kessan/series/cash-check", test_cash_check);
  g_test_add_func ("/kessan/series/restatement", test_restatement);
  g_test_add_func ("/kessan/series/same-release-twice", test_same_release_twice);
  g_test_add_func ("/kessan/series/margins", test_margins);
  g_test_add_func ("/kessan/series/labels", test_labels);
  g_test_add_func ("/kessan/series/unlabelled-row", test_unlabelled_row);
  g_test_add_func ("/kessan/series/derived-total", test_derived_total);
  g_test_add_func ("/kessan/series/growth", test_growth);
  g_test_add_func ("/kessan/series/fourth-quarter/nine-months", test_fourth_quarter_from_nine_months);
  g_test_add_func ("/kessan/series/fourth-quarter/quarters", test_fourth_quarter_from_quarters);
  g_test_add_func ("/kessan/series/inconsistent-release", test_inconsistent_release);
  g_test_add_func ("/kessan/series/output", test_output);
  g_test_add_func ("/kessan/series/cli", test_cli);
  g_test_add_func ("/kessan/series/cli-library", test_cli_library);
  g_test_add_func ("/kessan/series/many-releases", test_many_releases);
  if (g_test_perf ())
    g_test_add_func ("/kessan/series/performance", test_performance);

  status = g_test_run ();

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    g_assert_finalize_object (seeds[i]);
  return status;
}
