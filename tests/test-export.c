/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "kessan-error.h"
#include "kessan-export.h"

/* A filing with what the export must carry faithfully: two statements in
 * two languages, a heading, a ragged row, empty cells, negative and
 * decimal values (one with a trailing zero), a per-share row, labels
 * needing escapes, and findings with and without a statement. */
static KessanFiling *
build_filing (void)
{
  KessanFiling *filing = kessan_filing_new ();
  g_autoptr(KessanStatement) income = NULL;
  g_autoptr(KessanStatement) kpi = NULL;
  g_autoptr(KessanColumn) quarter = kessan_column_new ();
  g_autoptr(KessanColumn) prior = kessan_column_new ();
  g_autoptr(KessanColumn) yoy = kessan_column_new ();
  g_autoptr(KessanColumn) march = kessan_column_new ();
  g_autoptr(KessanColumn) september = kessan_column_new ();
  g_autoptr(KessanLineItem) heading = NULL;
  g_autoptr(KessanLineItem) revenues = NULL;
  g_autoptr(KessanLineItem) net_loss = NULL;
  g_autoptr(KessanLineItem) odd = NULL;
  g_autoptr(KessanLineItem) ragged = NULL;
  g_autoptr(KessanLineItem) per_share = NULL;
  g_autoptr(KessanLineItem) contracts = NULL;
  g_autoptr(KessanLineItem) bandwidth = NULL;
  g_autoptr(KessanFinding) sum = NULL;
  g_autoptr(KessanFinding) note = NULL;

  kessan_filing_set_company (filing, "Internet Initiative Japan Inc.");
  kessan_filing_set_fiscal_period (filing, 2003, 2);
  kessan_filing_set_period_end (filing, "2003-09-30", 3);
  kessan_filing_set_released (filing, "2003-11-21");
  kessan_filing_add_language (filing, "ja");
  kessan_filing_add_language (filing, "en");
  kessan_filing_add_language (filing, "ja");
  kessan_filing_set_exchange_rate (filing, 111.43, "2003-09-30");
  kessan_filing_set_source_name (filing, "iij-2003q2.txt");
  kessan_filing_set_source_hash (filing, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  kessan_filing_set_source_encoding (filing, "Shift_JIS");
  kessan_filing_set_text (filing, "決算発表\n\"Quoted\"\tand \\ back\x01slashed\n");

  kessan_column_set_period_end (quarter, "2003-09-30");
  kessan_column_set_months (quarter, 3);
  kessan_column_set_currency (quarter, KESSAN_CURRENCY_JPY);
  kessan_column_set_scale (quarter, 1000);
  kessan_column_set_unit (quarter, KESSAN_UNIT_CURRENCY);
  kessan_column_set_header (quarter, "Three Months Ended September 30, 2003");

  kessan_column_set_period_end (prior, "2002-09-30");
  kessan_column_set_months (prior, 3);
  kessan_column_set_currency (prior, KESSAN_CURRENCY_JPY);
  kessan_column_set_scale (prior, 1000);
  kessan_column_set_unit (prior, KESSAN_UNIT_CURRENCY);

  kessan_column_set_period_end (yoy, "2003-09-30");
  kessan_column_set_months (yoy, 3);
  kessan_column_set_measure (yoy, KESSAN_MEASURE_CHANGE_YOY);
  kessan_column_set_unit (yoy, KESSAN_UNIT_PERCENT);
  kessan_column_set_compared_end (yoy, "2002-09-30");
  kessan_column_set_header (yoy, "YoY %");

  income = kessan_statement_new ("en-income-quarter", KESSAN_STATEMENT_KIND_INCOME, "en");
  kessan_statement_set_title (income, "CONSOLIDATED STATEMENTS OF OPERATIONS (UNAUDITED)");
  kessan_statement_set_topic (income, "income.quarter");
  kessan_statement_set_lines (income, 300, 340);
  kessan_statement_add_column (income, quarter);
  kessan_statement_add_column (income, prior);
  kessan_statement_add_column (income, yoy);

  heading = kessan_line_item_new ("Revenues:", 3);
  kessan_line_item_set_heading (heading, TRUE);
  kessan_line_item_set_line (heading, 305);
  kessan_statement_add_row (income, heading);

  revenues = kessan_line_item_new ("Total revenues", 3);
  kessan_line_item_set_concept (revenues, "revenues.total");
  kessan_line_item_set_labels (revenues, "Total revenues", "営業収益合計");
  kessan_line_item_set_depth (revenues, 1);
  kessan_line_item_set_total (revenues, TRUE);
  kessan_line_item_set_line (revenues, 312);
  kessan_line_item_set_value (revenues, 0, 3236405, 0, 312);
  kessan_line_item_set_value (revenues, 1, 2987000, 0, 312);
  kessan_line_item_set_value (revenues, 2, 35.2, 1, 313);
  kessan_statement_add_row (income, revenues);

  net_loss = kessan_line_item_new ("Net loss", 3);
  kessan_line_item_set_concept (net_loss, "income.net");
  kessan_line_item_set_line (net_loss, 330);
  kessan_line_item_set_value (net_loss, 0, -829760, 0, 330);
  kessan_line_item_set_value (net_loss, 2, -5.04, 2, 330);
  kessan_statement_add_row (income, net_loss);

  odd = kessan_line_item_new ("Sales, \"net\" of returns", 3);
  kessan_line_item_set_concept (odd, "x.sales-net");
  kessan_line_item_set_value (odd, 1, 0, 0, 331);
  kessan_statement_add_row (income, odd);

  /* Fewer slots than the statement has columns. */
  ragged = kessan_line_item_new ("Other", 1);
  kessan_line_item_set_value (ragged, 0, 12, 0, 332);
  kessan_statement_add_row (income, ragged);

  per_share = kessan_line_item_new ("Net loss per share", 3);
  kessan_line_item_set_unit (per_share, KESSAN_UNIT_PER_SHARE);
  kessan_line_item_set_value (per_share, 0, -1.50, 2, 335);
  kessan_line_item_set_value (per_share, 1, 0.25, 2, 335);
  kessan_statement_add_row (income, per_share);

  kessan_filing_add_statement (filing, income);

  kessan_column_set_period_end (march, "2003-03-31");
  kessan_column_set_unit (march, KESSAN_UNIT_COUNT);
  kessan_column_set_header (march, "2003年3月末");
  kessan_column_set_period_end (september, "2003-09-30");
  kessan_column_set_unit (september, KESSAN_UNIT_GBPS);

  kpi = kessan_statement_new ("ja-kpi-contracts", KESSAN_STATEMENT_KIND_KPI, "ja");
  kessan_statement_set_title (kpi, "契約数");
  kessan_statement_set_topic (kpi, "kpi.contracts");
  kessan_statement_set_lines (kpi, 40, 52);
  kessan_statement_add_column (kpi, march);
  kessan_statement_add_column (kpi, september);

  contracts = kessan_line_item_new ("IP接続サービス", 2);
  kessan_line_item_set_concept (contracts, "contracts.ip");
  kessan_line_item_set_labels (contracts, NULL, "IP接続サービス");
  kessan_line_item_set_value (contracts, 0, 1234, 0, 44);
  kessan_statement_add_row (kpi, contracts);

  bandwidth = kessan_line_item_new ("総契約帯域", 2);
  kessan_line_item_set_value (bandwidth, 1, 9.9, 1, 50);
  kessan_statement_add_row (kpi, bandwidth);

  kessan_filing_add_statement (filing, kpi);

  sum = kessan_finding_new ("sum", KESSAN_SEVERITY_ERROR, "en-income-quarter",
                            "Total revenues does not equal the sum of its rows");
  kessan_finding_add_line (sum, 312);
  kessan_finding_add_line (sum, 318);
  kessan_filing_add_finding (filing, sum);

  note = kessan_finding_new ("rate", KESSAN_SEVERITY_INFO, NULL, "No USD column");
  kessan_filing_add_finding (filing, note);

  return filing;
}

static void
assert_columns_equal (KessanColumn *a,
                      KessanColumn *b)
{
  g_assert_cmpstr (kessan_column_get_period_end (a), ==, kessan_column_get_period_end (b));
  g_assert_cmpuint (kessan_column_get_months (a), ==, kessan_column_get_months (b));
  g_assert_cmpint (kessan_column_get_measure (a), ==, kessan_column_get_measure (b));
  g_assert_cmpint (kessan_column_get_currency (a), ==, kessan_column_get_currency (b));
  g_assert_cmpuint (kessan_column_get_scale (a), ==, kessan_column_get_scale (b));
  g_assert_cmpint (kessan_column_get_unit (a), ==, kessan_column_get_unit (b));
  g_assert_cmpstr (kessan_column_get_compared_end (a), ==, kessan_column_get_compared_end (b));
  g_assert_cmpstr (kessan_column_get_header (a), ==, kessan_column_get_header (b));
}

static void
assert_rows_equal (KessanLineItem *a,
                   KessanLineItem *b,
                   guint           n_columns)
{
  g_assert_cmpstr (kessan_line_item_get_label (a), ==, kessan_line_item_get_label (b));
  g_assert_cmpstr (kessan_line_item_get_concept (a), ==, kessan_line_item_get_concept (b));
  g_assert_cmpstr (kessan_line_item_get_label_en (a), ==, kessan_line_item_get_label_en (b));
  g_assert_cmpstr (kessan_line_item_get_label_ja (a), ==, kessan_line_item_get_label_ja (b));
  g_assert_cmpuint (kessan_line_item_get_depth (a), ==, kessan_line_item_get_depth (b));
  g_assert_cmpint (kessan_line_item_get_total (a), ==, kessan_line_item_get_total (b));
  g_assert_cmpint (kessan_line_item_get_heading (a), ==, kessan_line_item_get_heading (b));
  g_assert_cmpint (kessan_line_item_get_unit (a), ==, kessan_line_item_get_unit (b));
  g_assert_cmpuint (kessan_line_item_get_line (a), ==, kessan_line_item_get_line (b));

  for (guint i = 0; i < n_columns; i++)
    {
      g_assert_cmpint (kessan_line_item_has_value (a, i), ==, kessan_line_item_has_value (b, i));
      g_assert_cmpfloat (kessan_line_item_get_value (a, i), ==, kessan_line_item_get_value (b, i));
      g_assert_cmpuint (kessan_line_item_get_decimals (a, i), ==, kessan_line_item_get_decimals (b, i));
      g_assert_cmpuint (kessan_line_item_get_value_line (a, i), ==, kessan_line_item_get_value_line (b, i));
    }
}

static void
assert_filings_equal (KessanFiling *a,
                      KessanFiling *b)
{
  const char * const *languages_a = kessan_filing_get_languages (a);
  const char * const *languages_b = kessan_filing_get_languages (b);

  g_assert_cmpstr (kessan_filing_get_company (a), ==, kessan_filing_get_company (b));
  g_assert_cmpuint (kessan_filing_get_fiscal_year (a), ==, kessan_filing_get_fiscal_year (b));
  g_assert_cmpuint (kessan_filing_get_fiscal_quarter (a), ==, kessan_filing_get_fiscal_quarter (b));
  g_assert_cmpstr (kessan_filing_get_period_end (a), ==, kessan_filing_get_period_end (b));
  g_assert_cmpuint (kessan_filing_get_period_months (a), ==, kessan_filing_get_period_months (b));
  g_assert_cmpstr (kessan_filing_get_released (a), ==, kessan_filing_get_released (b));
  g_assert_cmpfloat (kessan_filing_get_jpy_per_usd (a), ==, kessan_filing_get_jpy_per_usd (b));
  g_assert_cmpstr (kessan_filing_get_rate_as_of (a), ==, kessan_filing_get_rate_as_of (b));
  g_assert_cmpstr (kessan_filing_get_source_name (a), ==, kessan_filing_get_source_name (b));
  g_assert_cmpstr (kessan_filing_get_source_hash (a), ==, kessan_filing_get_source_hash (b));
  g_assert_cmpstr (kessan_filing_get_source_encoding (a), ==, kessan_filing_get_source_encoding (b));
  g_assert_true (g_strv_equal ((const char **)languages_a, (const char **)languages_b));

  g_assert_cmpuint (kessan_filing_get_n_statements (a), ==, kessan_filing_get_n_statements (b));
  for (guint s = 0; s < kessan_filing_get_n_statements (a); s++)
    {
      KessanStatement *sa = kessan_filing_get_statement (a, s);
      KessanStatement *sb = kessan_filing_get_statement (b, s);
      guint n_columns = kessan_statement_get_n_columns (sa);

      g_assert_cmpstr (kessan_statement_get_id (sa), ==, kessan_statement_get_id (sb));
      g_assert_cmpint (kessan_statement_get_kind (sa), ==, kessan_statement_get_kind (sb));
      g_assert_cmpstr (kessan_statement_get_language (sa), ==, kessan_statement_get_language (sb));
      g_assert_cmpstr (kessan_statement_get_title (sa), ==, kessan_statement_get_title (sb));
      g_assert_cmpstr (kessan_statement_get_topic (sa), ==, kessan_statement_get_topic (sb));
      g_assert_cmpuint (kessan_statement_get_first_line (sa), ==, kessan_statement_get_first_line (sb));
      g_assert_cmpuint (kessan_statement_get_last_line (sa), ==, kessan_statement_get_last_line (sb));

      g_assert_cmpuint (n_columns, ==, kessan_statement_get_n_columns (sb));
      for (guint i = 0; i < n_columns; i++)
        assert_columns_equal (kessan_statement_get_column (sa, i),
                              kessan_statement_get_column (sb, i));

      g_assert_cmpuint (kessan_statement_get_n_rows (sa), ==, kessan_statement_get_n_rows (sb));
      for (guint i = 0; i < kessan_statement_get_n_rows (sa); i++)
        assert_rows_equal (kessan_statement_get_row (sa, i),
                           kessan_statement_get_row (sb, i),
                           n_columns);
    }

  g_assert_cmpuint (kessan_filing_get_n_findings (a), ==, kessan_filing_get_n_findings (b));
  for (guint f = 0; f < kessan_filing_get_n_findings (a); f++)
    {
      KessanFinding *fa = kessan_filing_get_finding (a, f);
      KessanFinding *fb = kessan_filing_get_finding (b, f);
      const guint *lines_a, *lines_b;
      guint n_a, n_b;

      g_assert_cmpstr (kessan_finding_get_check (fa), ==, kessan_finding_get_check (fb));
      g_assert_cmpint (kessan_finding_get_severity (fa), ==, kessan_finding_get_severity (fb));
      g_assert_cmpstr (kessan_finding_get_statement (fa), ==, kessan_finding_get_statement (fb));
      g_assert_cmpstr (kessan_finding_get_message (fa), ==, kessan_finding_get_message (fb));

      lines_a = kessan_finding_get_lines (fa, &n_a);
      lines_b = kessan_finding_get_lines (fb, &n_b);
      g_assert_cmpmem (lines_a, n_a * sizeof (guint), lines_b, n_b * sizeof (guint));
    }
}

static void
test_round_trip (void)
{
  KessanFiling *filing = build_filing ();
  KessanFiling *copy;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  json = kessan_filing_to_json (filing, TRUE);
  g_test_message ("%s", json);

  copy = kessan_filing_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);

  assert_filings_equal (filing, copy);
  g_assert_cmpstr (kessan_filing_get_text (copy), ==, kessan_filing_get_text (filing));

  /* Writing what was read gives the same text, byte for byte. */
  again = kessan_filing_to_json (copy, TRUE);
  g_assert_cmpstr (again, ==, json);

  g_assert_finalize_object (copy);
  g_assert_finalize_object (filing);
}

static void
test_number_text (void)
{
  KessanFiling *filing = build_filing ();
  g_autofree char *json = kessan_filing_to_json (filing, FALSE);

  g_assert_true (g_str_has_prefix (json, "{\n  \"format\": \"kessan-filing\",\n  \"version\": 2,\n"));
  g_assert_true (json[strlen (json) - 1] == '}');

  /* As printed: no float noise, no ".0" on whole numbers, minus signs,
   * trailing zeros kept, empty cells null, a row on one line. */
  g_assert_nonnull (strstr (json, "\"values\": [3236405, 2987000, 35.2], "));
  g_assert_nonnull (strstr (json, "\"lines\": [312, 312, 313], "));
  g_assert_nonnull (strstr (json, "\"decimals\": [0, 0, 1] }"));
  g_assert_nonnull (strstr (json, "\"values\": [-829760, null, -5.04], "));
  g_assert_nonnull (strstr (json, "\"lines\": [330, null, 330], "));
  g_assert_nonnull (strstr (json, "\"values\": [null, 0, null], "));
  g_assert_nonnull (strstr (json, "\"values\": [12, null, null], "));
  g_assert_nonnull (strstr (json, "\"values\": [-1.50, 0.25, null], "));
  g_assert_nonnull (strstr (json, "\"jpy_per_usd\": 111.43,\n"));
  g_assert_null (strstr (json, "35.20000"));
  g_assert_null (strstr (json, ".0,"));

  /* Whole-number rows carry no decimals array. */
  g_assert_nonnull (strstr (json, "\"values\": [12, null, null], \"lines\": [332, null, null] }"));

  /* Optional members: heading only when true, unit only when set,
   * compared_end only on the change column, text only when asked. */
  g_assert_nonnull (strstr (json, "\"heading\": true"));
  g_assert_null (strstr (json, "\"heading\": false"));
  g_assert_nonnull (strstr (json, "\"unit\": \"per_share\""));
  g_assert_nonnull (strstr (json, "\"compared_end\": \"2002-09-30\""));
  g_assert_null (strstr (json, "\"compared_end\": null"));
  g_assert_null (strstr (json, "\"text\":"));

  g_assert_nonnull (strstr (json, "\"currency\": null"));
  g_assert_nonnull (strstr (json, "\"months\": null"));
  g_assert_nonnull (strstr (json, "\"label_en\": null"));
  g_assert_nonnull (strstr (json, "\"label_ja\": \"営業収益合計\""));
  g_assert_nonnull (strstr (json, "\"languages\": [\"ja\", \"en\"]"));
  g_assert_nonnull (strstr (json, "\"label\": \"Sales, \\\"net\\\" of returns\""));
  g_assert_nonnull (strstr (json, "\"lines\": [300, 340]"));
  g_assert_nonnull (strstr (json, "\"lines\": [312, 318]"));
  g_assert_nonnull (strstr (json, "\"statement\": null"));

  g_assert_finalize_object (filing);
}

static void
test_text_escapes (void)
{
  KessanFiling *filing = build_filing ();
  g_autofree char *json = kessan_filing_to_json (filing, TRUE);

  g_assert_nonnull (strstr (json, "\"text\": \"決算発表\\n\\\"Quoted\\\"\\tand \\\\ back\\u0001slashed\\n\"\n}"));

  g_assert_finalize_object (filing);
}

static void
test_empty_filing (void)
{
  KessanFiling *filing = kessan_filing_new ();
  KessanFiling *copy;
  g_autofree char *json = kessan_filing_to_json (filing, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (json, "\"exchange_rate\": null"));
  g_assert_nonnull (strstr (json, "\"fiscal_year\": null"));
  g_assert_nonnull (strstr (json, "\"statements\": [],"));
  g_assert_nonnull (strstr (json, "\"findings\": []\n}"));

  copy = kessan_filing_new_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  assert_filings_equal (filing, copy);
  g_assert_null (kessan_filing_get_text (copy));
  g_assert_cmpfloat (kessan_filing_get_jpy_per_usd (copy), ==, 0.0);

  g_assert_finalize_object (copy);
  g_assert_finalize_object (filing);
}

/* Files written by hand or by other tools may leave out what Kessan
 * always writes; decimals then come from the number text. */
static void
test_minimal_input (void)
{
  const char *json =
    "{\"format\": \"kessan-filing\", \"version\": 1, \"statements\": [{"
    "\"id\": \"en-kpi-bandwidth\", \"kind\": \"kpi\","
    "\"columns\": [{\"measure\": \"amount\"}, {\"measure\": \"change\"}],"
    "\"rows\": [{\"label\": \"Backbone\", \"values\": [35.2, -12]}]}],"
    "\"future_member\": {\"ignored\": true}}";
  g_autoptr(GError) error = NULL;
  KessanFiling *filing;
  KessanStatement *statement;
  KessanLineItem *row;

  filing = kessan_filing_new_from_json (json, -1, &error);
  g_assert_no_error (error);

  statement = kessan_filing_find_statement (filing, "en-kpi-bandwidth");
  g_assert_nonnull (statement);
  g_assert_cmpint (kessan_statement_get_kind (statement), ==, KESSAN_STATEMENT_KIND_KPI);
  g_assert_cmpuint (kessan_column_get_scale (kessan_statement_get_column (statement, 0)), ==, 1);
  g_assert_cmpint (kessan_column_get_measure (kessan_statement_get_column (statement, 1)), ==, KESSAN_MEASURE_CHANGE);

  row = kessan_statement_get_row (statement, 0);
  g_assert_cmpfloat (kessan_line_item_get_value (row, 0), ==, 35.2);
  g_assert_cmpuint (kessan_line_item_get_decimals (row, 0), ==, 1);
  g_assert_cmpfloat (kessan_line_item_get_value (row, 1), ==, -12);
  g_assert_cmpuint (kessan_line_item_get_decimals (row, 1), ==, 0);
  g_assert_cmpuint (kessan_line_item_get_value_line (row, 0), ==, 0);

  g_assert_finalize_object (filing);
}

static void
assert_format_error (const char *json,
                     gssize      length)
{
  g_autoptr(GError) error = NULL;
  KessanFiling *filing;

  filing = kessan_filing_new_from_json (json, length, &error);
  if (filing != NULL)
    g_error ("accepted malformed input: %.*s", (int)(length < 0 ? (gssize)strlen (json) : length), json);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT);
  g_assert_nonnull (error->message);
}

#define GOOD_HEAD "{\"format\": \"kessan-filing\", \"version\": 1, "
#define GOOD_COLUMNS "\"columns\": [{\"measure\": \"amount\"}, {\"measure\": \"amount\"}]"

static void
test_malformed (void)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "", "empty" },
    { "not json", "not valid JSON" },
    { "{\"format\": ", "not valid JSON" },
    { "[1, 2]", "not an object" },
    { "\"kessan-filing\"", "not an object" },
    { "{}", "Not a Kessan filing: no “format” member" },
    { "{\"format\": 1, \"version\": 1}", "format: expected a string, found a number" },
    { "{\"format\": \"other\", \"version\": 1, \"statements\": []}", "Not a Kessan filing: “format” is “other”, not “kessan-filing”" },
    { "{\"format\": \"kessan-filing\", \"statements\": []}", "version: missing" },
    { "{\"format\": \"kessan-filing\", \"version\": 3, \"statements\": []}", "Unsupported filing version 3" },
    { "{\"format\": \"kessan-filing\", \"version\": \"1\", \"statements\": []}", "version: expected a whole number, found a string" },
    { "{\"format\": \"kessan-filing\", \"version\": 1.5, \"statements\": []}", "version: expected a whole number, found 1.5" },
    { GOOD_HEAD "\"statements\": {}}", "statements: expected an array, found an object" },
    { "{\"format\": \"kessan-filing\", \"version\": 1}", "statements: missing" },
    { GOOD_HEAD "\"statements\": [3]}", "statements[0]: expected an object" },
    { GOOD_HEAD "\"statements\": [{\"kind\": \"income\", \"columns\": [], \"rows\": []}]}", "statements[0].id: missing" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"incom\", \"columns\": [], \"rows\": []}]}", "unknown kind “incom”" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", \"rows\": []}]}", "statements[0].columns: missing" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", \"lines\": [1], \"columns\": [], \"rows\": []}]}", "statements[0].lines: expected [first, last]" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", \"columns\": [{\"measure\": \"volume\"}], \"rows\": []}]}", "statements[0].columns[0].measure: unknown measure" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", \"columns\": [{\"measure\": \"amount\", \"currency\": \"euro\"}], \"rows\": []}]}", "unknown currency “euro”" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", \"columns\": [{\"measure\": \"amount\", \"scale\": 0}], \"rows\": []}]}", "scale: must be at least 1" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", \"columns\": [{\"measure\": \"amount\", \"scale\": -1000}], \"rows\": []}]}", "scale: -1000 is out of range" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", \"columns\": [{\"measure\": \"amount\", \"period_end\": \"2003-02-30\"}], \"rows\": []}]}", "is not an ISO date" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", \"columns\": [{\"measure\": \"amount\", \"period_end\": \"Sep 30\"}], \"rows\": []}]}", "is not an ISO date" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1]}]}]}", "statements[0].rows[0].values: has 1 entry but the statement has 2 columns" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, 2, 3]}]}]}", "has 3 entries" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"label\": \"a\"}]}]}", "rows[0].values: missing" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, \"2\"]}]}]}", "rows[0].values[1]: expected a number or null, found a string" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, true]}]}]}", "values[1]: expected a number or null, found a boolean" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, 1e999]}]}]}", NULL },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, 2], \"lines\": [1]}]}]}", "rows[0].lines: has 1 entry" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, 2], \"lines\": [1, -2]}]}]}", "rows[0].lines[1]: -2 is out of range" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, null], \"lines\": [1, \"x\"]}]}]}", "rows[0].lines[1]: expected a whole number" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, 2], \"decimals\": [0, 99]}]}]}", "rows[0].decimals[1]: 99 is out of range" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, 2], \"total\": \"yes\"}]}]}", "rows[0].total: expected true or false" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, 2], \"depth\": 1.5}]}]}", "rows[0].depth: expected a whole number" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, 2], \"unit\": \"furlongs\"}]}]}", "unknown unit “furlongs”" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, 2], \"label\": [\"a\"]}]}]}", "rows[0].label: expected a string, found an array" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [null]}]}", "statements[0].rows[0]: expected an object, found null" },
    { GOOD_HEAD "\"statements\": [], \"findings\": [{\"check\": \"sum\", \"severity\": \"fatal\", \"message\": \"m\"}]}", "findings[0].severity: unknown severity" },
    { GOOD_HEAD "\"statements\": [], \"findings\": [{\"check\": \"sum\", \"severity\": \"error\"}]}", "findings[0].message: missing" },
    { GOOD_HEAD "\"statements\": [], \"findings\": [{\"check\": \"sum\", \"severity\": \"error\", \"message\": \"m\", \"lines\": [1.5]}]}", "findings[0].lines[0]: expected a whole number" },
    { GOOD_HEAD "\"statements\": [], \"exchange_rate\": {\"jpy_per_usd\": -1}}", "exchange_rate.jpy_per_usd: must be a positive number" },
    { GOOD_HEAD "\"statements\": [], \"exchange_rate\": {\"as_of\": \"2003-09-30\"}}", "exchange_rate.jpy_per_usd: missing" },
    { GOOD_HEAD "\"statements\": [], \"exchange_rate\": 111.43}", "exchange_rate: expected an object" },
    { GOOD_HEAD "\"statements\": [], \"period\": {\"fiscal_quarter\": 5}}", "period.fiscal_quarter: 5 is out of range" },
    { GOOD_HEAD "\"statements\": [], \"languages\": [\"en\", 2]}", "languages[1]: expected a string" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, 99999999999999999999999]}]}]}", "the integer 99999999999999999999999… is too large" },
    { GOOD_HEAD "\"statements\": [{\"id\": \"x\", \"kind\": \"income\", " GOOD_COLUMNS ", \"rows\": [{\"values\": [1, -18446744073709551615]}]}]}", "is too large" },
    { GOOD_HEAD "\"statements\": [], \"company\": \"bad \xc3\x28 utf8\"}", NULL },
    { GOOD_HEAD "\"statements\": [], \"source\": []}", "source: expected an object, found an array" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      KessanFiling *filing;

      filing = kessan_filing_new_from_json (cases[i].json, -1, &error);
      if (filing != NULL)
        g_error ("case %u accepted: %s", i, cases[i].json);
      g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT);
      g_test_message ("case %u: %s", i, error->message);
      if (cases[i].message != NULL && strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

static void
test_deep_nesting (void)
{
  GString *deep = g_string_new (GOOD_HEAD "\"statements\": [], \"x\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_format_error (deep->str, deep->len);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  assert_format_error (deep->str, deep->len);

  g_string_free (deep, TRUE);
}

/* Every proper prefix of a good file is malformed; it must be refused,
 * never crash and never leak. */
static void
test_truncated (void)
{
  KessanFiling *filing = build_filing ();
  g_autofree char *json = kessan_filing_to_json (filing, TRUE);
  gsize length = strlen (json);
  gsize step = g_test_thorough () ? 1 : 7;

  for (gsize i = 0; i < length; i += step)
    {
      g_autofree char *prefix = g_strndup (json, i);

      assert_format_error (prefix, i);
      assert_format_error (json, i);
    }

  g_assert_finalize_object (filing);
}

/* Damaged bytes anywhere: the reader may accept the result (a changed
 * label is still a filing) but must never crash, and must fail only with
 * KESSAN_ERROR_FORMAT. */
static void
test_mutated (void)
{
  static const char replacements[] = { '"', '{', '[', ']', '}', ',', ':', '0', '-', 'x', ' ', '\0', '\\', '\xff' };
  KessanFiling *filing = build_filing ();
  g_autofree char *json = kessan_filing_to_json (filing, FALSE);
  gsize length = strlen (json);
  gsize step = g_test_thorough () ? 1 : 5;
  guint accepted = 0;
  guint refused = 0;

  for (gsize i = 0; i < length; i += step)
    {
      for (guint r = 0; r < G_N_ELEMENTS (replacements); r++)
        {
          g_autofree char *copy = g_memdup2 (json, length + 1);
          g_autoptr(GError) error = NULL;
          KessanFiling *result;

          if (copy[i] == replacements[r])
            continue;
          copy[i] = replacements[r];

          result = kessan_filing_new_from_json (copy, length, &error);
          if (result != NULL)
            {
              g_autofree char *again = kessan_filing_to_json (result, TRUE);

              g_assert_no_error (error);
              g_assert_nonnull (again);
              g_assert_finalize_object (result);
              accepted++;
            }
          else
            {
              g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT);
              refused++;
            }
        }
    }

  g_test_message ("mutations accepted: %u, refused: %u", accepted, refused);
  g_assert_cmpuint (refused, >, 0);

  g_assert_finalize_object (filing);
}

static void
test_csv (void)
{
  KessanFiling *filing = build_filing ();
  g_autofree char *csv = NULL;
  g_autofree char *kpi = NULL;
  g_auto(GStrv) lines = NULL;

  csv = kessan_statement_to_csv (kessan_filing_find_statement (filing, "en-income-quarter"));
  g_test_message ("%s", csv);

  g_assert_true (g_str_has_suffix (csv, "\r\n"));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8 + 6 + 1);

  g_assert_cmpstr (lines[0], ==, "period_end,,,2003-09-30,2002-09-30,2003-09-30");
  g_assert_cmpstr (lines[1], ==, "compared_end,,,,,2002-09-30");
  g_assert_cmpstr (lines[2], ==, "months,,,3,3,3");
  g_assert_cmpstr (lines[3], ==, "measure,,,amount,amount,change_yoy");
  g_assert_cmpstr (lines[4], ==, "currency,,,JPY,JPY,");
  g_assert_cmpstr (lines[5], ==, "scale,,,1000,1000,1");
  g_assert_cmpstr (lines[6], ==, "unit,,,currency,currency,percent");
  g_assert_cmpstr (lines[7], ==, "label,concept,unit,\"Three Months Ended September 30, 2003\",2002-09-30 3M JPY,YoY %");
  g_assert_cmpstr (lines[8], ==, "Revenues:,,,,,");
  g_assert_cmpstr (lines[9], ==, "Total revenues,revenues.total,,3236405,2987000,35.2");
  g_assert_cmpstr (lines[10], ==, "Net loss,income.net,,-829760,,-5.04");
  g_assert_cmpstr (lines[11], ==, "\"Sales, \"\"net\"\" of returns\",x.sales-net,,,0,");
  g_assert_cmpstr (lines[12], ==, "Other,,,12,,");
  g_assert_cmpstr (lines[13], ==, "Net loss per share,,per_share,-1.50,0.25,");
  g_assert_cmpstr (lines[14], ==, "");

  kpi = kessan_statement_to_csv (kessan_filing_find_statement (filing, "ja-kpi-contracts"));
  g_assert_cmpstr (kpi, ==,
                   "period_end,,,2003-03-31,2003-09-30\r\n"
                   "compared_end,,,,\r\n"
                   "months,,,,\r\n"
                   "measure,,,amount,amount\r\n"
                   "currency,,,,\r\n"
                   "scale,,,1,1\r\n"
                   "unit,,,count,gbps\r\n"
                   "label,concept,unit,2003年3月末,2003-09-30\r\n"
                   "IP接続サービス,contracts.ip,,1234,\r\n"
                   "総契約帯域,,,,9.9\r\n");

  g_assert_finalize_object (filing);
}

/* An export in the user's label language: row labels from the
 * dictionary (the printed label where it has none), column headers
 * named by the formatter; the numbers and the machine header lines stay
 * the same. */
static void
test_csv_labels (void)
{
  g_autoptr(KessanStatement) statement = kessan_statement_new ("ja-income-quarter", KESSAN_STATEMENT_KIND_INCOME, "ja");
  g_autoptr(KessanColumn) amount = kessan_column_new ();
  g_autoptr(KessanColumn) change = kessan_column_new ();
  g_autoptr(KessanLineItem) known = kessan_line_item_new ("営業収益合計", 2);
  g_autoptr(KessanLineItem) unknown = kessan_line_item_new ("特別な項目", 2);
  g_autofree char *printed = NULL, *english = NULL, *japanese = NULL, *both = NULL;

  kessan_column_set_period_end (amount, "2003-09-30");
  kessan_column_set_months (amount, 3);
  kessan_column_set_currency (amount, KESSAN_CURRENCY_JPY);
  kessan_column_set_header (amount, "当第2四半期");
  kessan_column_set_period_end (change, "2003-09-30");
  kessan_column_set_months (change, 3);
  kessan_column_set_measure (change, KESSAN_MEASURE_CHANGE_YOY);
  kessan_statement_add_column (statement, amount);
  kessan_statement_add_column (statement, change);
  kessan_line_item_set_concept (known, "revenues.total");
  kessan_line_item_set_labels (known, "Total revenues", "営業収益合計");
  kessan_line_item_set_value (known, 0, 9185259, 0, 10);
  kessan_line_item_set_value (known, 1, 12.5, 1, 10);
  kessan_line_item_set_value (unknown, 0, -3, 0, 11);
  kessan_statement_add_row (statement, known);
  kessan_statement_add_row (statement, unknown);

  printed = kessan_statement_export_csv (statement, NULL, KESSAN_LABELS_PRINTED);
  english = kessan_statement_export_csv (statement, NULL, KESSAN_LABELS_ENGLISH);
  japanese = kessan_statement_export_csv (statement, NULL, KESSAN_LABELS_JAPANESE);
  both = kessan_statement_export_csv (statement, NULL, KESSAN_LABELS_BOTH);

  g_assert_nonnull (strstr (printed, "\r\nlabel,concept,unit,当第2四半期,2003-09-30 3M change_yoy\r\n"));
  g_assert_nonnull (strstr (english, "\r\nlabel,concept,unit,2Q FY2003,2Q FY2003 YoY %\r\n"));
  g_assert_nonnull (strstr (english, "\r\nTotal revenues,revenues.total,,9185259,12.5\r\n"));
  g_assert_nonnull (strstr (english, "\r\n特別な項目,,,-3,\r\n"));
  g_assert_nonnull (strstr (japanese, "\r\nlabel,concept,unit,2003年度第2四半期,2003年度第2四半期 前年同期比\r\n"));
  g_assert_nonnull (strstr (japanese, "\r\n営業収益合計,revenues.total,,9185259,12.5\r\n"));
  g_assert_nonnull (strstr (both, "\r\n営業収益合計 / Total revenues,revenues.total,,9185259,12.5\r\n"));
  g_assert_nonnull (strstr (both, ",2003年度第2四半期 / 2Q FY2003,"));
  /* The machine-readable lines do not change with the language. */
  g_assert_true (g_str_has_prefix (english, "period_end,,,2003-09-30,2003-09-30\r\n"));
  g_assert_true (g_str_has_prefix (japanese, "period_end,,,2003-09-30,2003-09-30\r\n"));
}

/* The JSON "label" follows the chosen language and keeps the printed
 * label beside it, which a reader of the export takes back. */
static void
test_json_labels (void)
{
  KessanFiling *filing = build_filing ();
  KessanStatement *statement = kessan_filing_find_statement (filing, "en-income-quarter");
  KessanLineItem *row = kessan_statement_find_row (statement, "revenues.total");
  g_autofree char *json = NULL;
  g_autoptr(KessanFiling) back = NULL;
  g_autoptr(GError) error = NULL;
  KessanLineItem *read;

  kessan_line_item_set_labels (row, "Total revenues", "営業収益合計");
  json = kessan_filing_export_json (filing, NULL, KESSAN_LABELS_JAPANESE);
  g_assert_nonnull (strstr (json, "\"label\": \"営業収益合計\""));
  g_assert_nonnull (strstr (json, "\"printed_label\": \"Total revenues\""));

  back = kessan_filing_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  read = kessan_statement_find_row (kessan_filing_find_statement (back, "en-income-quarter"), "revenues.total");
  g_assert_cmpstr (kessan_line_item_get_label (read), ==, "Total revenues");
  g_assert_cmpstr (kessan_line_item_get_label_ja (read), ==, "営業収益合計");

  g_clear_pointer (&json, g_free);
  json = kessan_filing_export_json (filing, NULL, KESSAN_LABELS_PRINTED);
  g_assert_null (strstr (json, "printed_label"));
  g_assert_finalize_object (filing);
}

static void
test_csv_quoting (void)
{
  g_autoptr(KessanStatement) statement = kessan_statement_new ("en-other-notes", KESSAN_STATEMENT_KIND_OTHER, "en");
  g_autoptr(KessanColumn) column = kessan_column_new ();
  g_autoptr(KessanLineItem) row = kessan_line_item_new ("two\nlines", 1);
  g_autoptr(KessanLineItem) quoted = kessan_line_item_new ("\"quoted\"", 1);
  g_autoptr(KessanLineItem) plain = kessan_line_item_new ("it's plain; ok", 1);
  g_autofree char *csv = NULL;

  kessan_column_set_header (column, "a\r\nb");
  kessan_statement_add_column (statement, column);
  kessan_line_item_set_value (row, 0, -0.0, 0, 1);
  kessan_statement_add_row (statement, row);
  kessan_statement_add_row (statement, quoted);
  kessan_statement_add_row (statement, plain);

  csv = kessan_statement_to_csv (statement);
  g_assert_nonnull (strstr (csv, "\r\nlabel,concept,unit,\"a\r\nb\"\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n\"two\nlines\",,,0\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n\"\"\"quoted\"\"\",,,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nit's plain; ok,,,\r\n"));
}

static void
test_enum_strings (void)
{
  KessanStatementKind kind;
  KessanMeasure measure;
  KessanCurrency currency;
  KessanUnit unit;
  KessanSeverity severity;

  for (kind = KESSAN_STATEMENT_KIND_INCOME; kind <= KESSAN_STATEMENT_KIND_OTHER; kind++)
    {
      KessanStatementKind back = -1;

      g_assert_true (kessan_statement_kind_from_string (kessan_statement_kind_to_string (kind), &back));
      g_assert_cmpint (back, ==, kind);
    }
  g_assert_cmpstr (kessan_statement_kind_to_string (KESSAN_STATEMENT_KIND_CASHFLOW), ==, "cashflow");
  g_assert_false (kessan_statement_kind_from_string ("Income", &kind));
  g_assert_false (kessan_statement_kind_from_string (NULL, &kind));

  for (measure = KESSAN_MEASURE_AMOUNT; measure <= KESSAN_MEASURE_CHANGE; measure++)
    {
      KessanMeasure back = -1;

      g_assert_true (kessan_measure_from_string (kessan_measure_to_string (measure), &back));
      g_assert_cmpint (back, ==, measure);
    }
  g_assert_cmpstr (kessan_measure_to_string (KESSAN_MEASURE_PERCENT_OF_REVENUE), ==, "percent_of_revenue");

  g_assert_null (kessan_currency_to_string (KESSAN_CURRENCY_NONE));
  g_assert_cmpstr (kessan_currency_to_string (KESSAN_CURRENCY_JPY), ==, "JPY");
  g_assert_true (kessan_currency_from_string ("USD", &currency));
  g_assert_cmpint (currency, ==, KESSAN_CURRENCY_USD);
  g_assert_true (kessan_currency_from_string (NULL, &currency));
  g_assert_cmpint (currency, ==, KESSAN_CURRENCY_NONE);
  g_assert_true (kessan_currency_from_string ("none", &currency));
  g_assert_cmpint (currency, ==, KESSAN_CURRENCY_NONE);
  g_assert_false (kessan_currency_from_string ("jpy", &currency));

  for (unit = KESSAN_UNIT_NONE; unit <= KESSAN_UNIT_SHARES; unit++)
    {
      KessanUnit back = -1;

      g_assert_true (kessan_unit_from_string (kessan_unit_to_string (unit), &back));
      g_assert_cmpint (back, ==, unit);
    }
  g_assert_null (kessan_unit_to_string (KESSAN_UNIT_NONE));
  g_assert_cmpstr (kessan_unit_to_string (KESSAN_UNIT_GBPS), ==, "gbps");
  g_assert_false (kessan_unit_from_string ("yen", &unit));

  for (severity = KESSAN_SEVERITY_INFO; severity <= KESSAN_SEVERITY_ERROR; severity++)
    {
      KessanSeverity back = -1;

      g_assert_true (kessan_severity_from_string (kessan_severity_to_string (severity), &back));
      g_assert_cmpint (back, ==, severity);
    }
  g_assert_null (kessan_severity_to_string (42));
}

static void
test_line_item_cells (void)
{
  KessanLineItem *row = kessan_line_item_new ("Revenues", 2);

  g_assert_cmpuint (kessan_line_item_get_n_values (row), ==, 2);
  g_assert_false (kessan_line_item_has_value (row, 0));
  g_assert_false (kessan_line_item_has_value (row, 99));
  g_assert_cmpfloat (kessan_line_item_get_value (row, 99), ==, 0.0);

  kessan_line_item_set_value (row, 1, -12.5, 1, 7);
  g_assert_true (kessan_line_item_has_value (row, 1));
  g_assert_cmpfloat (kessan_line_item_get_value (row, 1), ==, -12.5);
  g_assert_cmpuint (kessan_line_item_get_decimals (row, 1), ==, 1);
  g_assert_cmpuint (kessan_line_item_get_value_line (row, 1), ==, 7);

  /* Past the last slot: the row grows, across presence words. */
  kessan_line_item_set_value (row, 70, 3, 0, 9);
  g_assert_cmpuint (kessan_line_item_get_n_values (row), ==, 71);
  g_assert_true (kessan_line_item_has_value (row, 70));
  g_assert_true (kessan_line_item_has_value (row, 1));
  for (guint i = 2; i < 70; i++)
    g_assert_false (kessan_line_item_has_value (row, i));

  kessan_line_item_clear_value (row, 1);
  g_assert_false (kessan_line_item_has_value (row, 1));
  g_assert_cmpuint (kessan_line_item_get_value_line (row, 1), ==, 0);
  kessan_line_item_clear_value (row, 500);
  g_assert_cmpuint (kessan_line_item_get_n_values (row), ==, 71);

  g_assert_finalize_object (row);
}

static void
test_statement_lookup (void)
{
  KessanFiling *filing = build_filing ();
  KessanStatement *income;
  KessanLineItem *row;

  income = kessan_filing_find_statement (filing, "en-income-quarter");
  g_assert_nonnull (income);
  g_assert_null (kessan_filing_find_statement (filing, "en-income-year"));

  row = kessan_statement_find_row (income, "income.net");
  g_assert_nonnull (row);
  g_assert_cmpstr (kessan_line_item_get_label (row), ==, "Net loss");
  g_assert_null (kessan_statement_find_row (income, "revenues.other"));
  g_assert_null (kessan_statement_find_row (income, "a.concept.no.row.has"));

  /* A row whose concept is changed (as the review step does) is found
   * by its new concept and no longer by its old one; the first row of a
   * concept wins. */
  kessan_line_item_set_concept (row, "income.net.changed");
  g_assert_true (kessan_statement_find_row (income, "income.net.changed") == row);
  g_assert_null (kessan_statement_find_row (income, "income.net"));
  {
    g_autoptr(KessanLineItem) second = kessan_line_item_new ("Net loss, again", kessan_statement_get_n_columns (income));

    kessan_line_item_set_concept (second, "income.net.changed");
    kessan_statement_add_row (income, second);
    g_assert_true (kessan_statement_find_row (income, "income.net.changed") == row);
  }
  kessan_line_item_set_concept (row, "income.net");
  g_assert_true (kessan_statement_find_row (income, "income.net") == row);
  g_assert_true (kessan_statement_find_row (income, "income.net.changed") != row);

  g_assert_cmpuint (g_list_model_get_n_items (kessan_statement_get_rows (income)), ==, 7);
  g_assert_true (g_list_model_get_item_type (kessan_filing_get_statements (filing)) == KESSAN_TYPE_STATEMENT);
  g_assert_true (g_list_model_get_item_type (kessan_filing_get_findings (filing)) == KESSAN_TYPE_FINDING);

  g_assert_cmpuint (g_strv_length ((char **)kessan_filing_get_languages (filing)), ==, 2);

  g_assert_finalize_object (filing);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kessan/export/round-trip", test_round_trip);
  g_test_add_func ("/kessan/export/csv-labels", test_csv_labels);
  g_test_add_func ("/kessan/export/json-labels", test_json_labels);
  g_test_add_func ("/kessan/export/number-text", test_number_text);
  g_test_add_func ("/kessan/export/text-escapes", test_text_escapes);
  g_test_add_func ("/kessan/export/empty-filing", test_empty_filing);
  g_test_add_func ("/kessan/export/minimal-input", test_minimal_input);
  g_test_add_func ("/kessan/export/malformed", test_malformed);
  g_test_add_func ("/kessan/export/deep-nesting", test_deep_nesting);
  g_test_add_func ("/kessan/export/truncated", test_truncated);
  g_test_add_func ("/kessan/export/mutated", test_mutated);
  g_test_add_func ("/kessan/export/csv", test_csv);
  g_test_add_func ("/kessan/export/csv-quoting", test_csv_quoting);
  g_test_add_func ("/kessan/model/enum-strings", test_enum_strings);
  g_test_add_func ("/kessan/model/line-item-cells", test_line_item_cells);
  g_test_add_func ("/kessan/model/statement-lookup", test_statement_lookup);

  return g_test_run ();
}
