/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <math.h>
#include <string.h>

#include "kessan.h"
#include "kessan-test-util.h"

/* Releases of other companies, one fixture per layout family
 * (tests/data/general/): every cell is asserted with its period,
 * currency and scale, the checks find nothing in the release as printed,
 * and one changed number gives exactly its error. */

static char *
general_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "general", name, NULL);
}

static KessanFiling *
parse_text (const char *text,
            const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  KessanFiling *filing = kessan_parse_release (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (filing);
  kessan_filing_run_checks (filing);
  return filing;
}

static char *
load_text (const char *name)
{
  g_autofree char *path = general_path (name);

  return kessan_test_read_file (path, NULL);
}

static KessanFiling *
load (const char *name)
{
  g_autofree char *text = load_text (name);

  return parse_text (text, name);
}

/* The @nth statement of @kind (0 = the first). */
static KessanStatement *
statement_of_kind (KessanFiling        *filing,
                   KessanStatementKind  kind,
                   guint                nth)
{
  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);

      if (kessan_statement_get_kind (statement) == kind && nth-- == 0)
        return statement;
    }
  g_test_message ("no statement %u of kind %s", nth, kessan_statement_kind_to_string (kind));
  g_assert_not_reached ();
  return NULL;
}

static KessanLineItem *
row_labelled (KessanStatement *statement,
              const char      *label,
              guint            nth)
{
  for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
    {
      KessanLineItem *item = kessan_statement_get_row (statement, r);

      if (g_str_equal (kessan_line_item_get_label (item), label) && nth-- == 0)
        return item;
    }
  g_test_message ("no row “%s” in %s", label, kessan_statement_get_id (statement));
  g_assert_not_reached ();
  return NULL;
}

static void
assert_row (KessanStatement *statement,
            const char      *label,
            guint            nth,
            const double    *values,
            guint            n_values)
{
  KessanLineItem *item = row_labelled (statement, label, nth);

  g_assert_cmpuint (kessan_statement_get_n_columns (statement), ==, n_values);
  for (guint c = 0; c < n_values; c++)
    {
      if (isnan (values[c]))
        {
          if (kessan_line_item_has_value (item, c))
            g_test_message ("“%s” column %u: %g, expected none", label, c,
                            kessan_line_item_get_value (item, c));
          g_assert_false (kessan_line_item_has_value (item, c));
          continue;
        }
      if (!kessan_line_item_has_value (item, c))
        g_test_message ("“%s” column %u: none, expected %g", label, c, values[c]);
      g_assert_true (kessan_line_item_has_value (item, c));
      g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (item, c), values[c], 1e-9);
    }
}

#define ROW(statement, label, ...) \
  G_STMT_START { \
    const double values_[] = { __VA_ARGS__ }; \
    assert_row ((statement), (label), 0, values_, G_N_ELEMENTS (values_)); \
  } G_STMT_END

#define ROW_N(statement, label, nth, ...) \
  G_STMT_START { \
    const double values_[] = { __VA_ARGS__ }; \
    assert_row ((statement), (label), (nth), values_, G_N_ELEMENTS (values_)); \
  } G_STMT_END

/* A column's period: its first day (NULL when the table does not print
 * it), its last, and its length in months. */
static void
assert_period (KessanStatement *statement,
               guint            c,
               const char      *start,
               const char      *end,
               guint            months)
{
  KessanColumn *column = kessan_statement_get_column (statement, c);

  g_test_message ("%s column %u", kessan_statement_get_id (statement), c);
  g_assert_cmpstr (kessan_column_get_period_start (column), ==, start);
  g_assert_cmpstr (kessan_column_get_period_end (column), ==, end);
  g_assert_cmpuint (kessan_column_get_months (column), ==, months);
}

/* A column's currency (NULL when unknown) and scale. */
static void
assert_money (KessanStatement *statement,
              guint            c,
              const char      *currency,
              guint            scale)
{
  KessanColumn *column = kessan_statement_get_column (statement, c);

  g_test_message ("%s column %u", kessan_statement_get_id (statement), c);
  g_assert_cmpstr (kessan_column_get_currency_code (column), ==, currency);
  g_assert_cmpuint (kessan_column_get_scale (column), ==, scale);
}

static void
assert_fiscal (KessanFiling *filing,
               guint         year,
               guint         quarter,
               guint         end_month,
               guint         end_day)
{
  guint month = 0, day = 0;

  g_assert_cmpuint (kessan_filing_get_fiscal_year (filing), ==, year);
  g_assert_cmpuint (kessan_filing_get_fiscal_quarter (filing), ==, quarter);
  g_assert_true (kessan_filing_get_fiscal_year_end (filing, &month, &day));
  g_assert_cmpuint (month, ==, end_month);
  g_assert_cmpuint (day, ==, end_day);
}

static guint
count_findings (KessanFiling   *filing,
                KessanSeverity  severity,
                const char     *row)
{
  GListModel *findings = kessan_filing_get_findings (filing);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KessanFinding) finding = g_list_model_get_item (findings, i);
      const char * const *rows = kessan_finding_get_rows (finding);

      if (kessan_finding_get_severity (finding) != severity)
        continue;
      if (row != NULL && (rows[0] == NULL || !g_strv_contains (rows, row)))
        continue;
      n++;
    }
  return n;
}

static void
assert_no_errors (KessanFiling *filing)
{
  GListModel *findings = kessan_filing_get_findings (filing);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KessanFinding) finding = g_list_model_get_item (findings, i);

      if (kessan_finding_get_severity (finding) >= KESSAN_SEVERITY_ERROR)
        g_test_message ("unexpected: %s", kessan_finding_get_message (finding));
    }
  g_assert_cmpuint (count_findings (filing, KESSAN_SEVERITY_ERROR, NULL), ==, 0);
}

/* The fixture with the first @old after @after replaced by @new: its
 * checks report errors, each of them naming @row (a concept or label). */
static void
assert_mutation (const char *name,
                 const char *after,
                 const char *old,
                 const char *new,
                 const char *row)
{
  g_autofree char *text = load_text (name);
  g_autoptr(GString) changed = g_string_new (text);
  g_autoptr(KessanFiling) filing = NULL;
  const char *anchor = strstr (text, after);
  const char *at;
  guint errors;

  g_assert_nonnull (anchor);
  at = strstr (anchor, old);
  g_assert_nonnull (at);
  g_string_erase (changed, at - text, (gssize) strlen (old));
  g_string_insert (changed, at - text, new);

  filing = parse_text (changed->str, name);
  errors = count_findings (filing, KESSAN_SEVERITY_ERROR, NULL);
  g_test_message ("%s: %s → %s gives %u errors", name, old, new, errors);
  g_assert_cmpuint (errors, >=, 1);
  g_assert_cmpuint (count_findings (filing, KESSAN_SEVERITY_ERROR, row), ==, errors);
}

#define NONE NAN

static void
test_edgar_quarter (void)
{
  g_autoptr(KessanFiling) filing = load ("edgar-quarter.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);
  KessanStatement *balance = statement_of_kind (filing, KESSAN_STATEMENT_KIND_BALANCE, 0);

  ROW (income, "Net sales", 1945, 1530, 4288, 3240);
  ROW (income, "Cost of sales", 1396, 1127, 3132, 2355);
  ROW (income, "Gross margin", 549, 403, 1156, 885);
  ROW (income, "Net income", 233, 135, 416, 287);
  ROW (income, "Basic", 1.44, 0.99, 2.57, 2.11);
  ROW_N (income, "Diluted", 1, 181993, 173204, 179626, 172619);
  g_assert_cmpuint (kessan_statement_get_n_rows (income), ==, 23);

  assert_period (income, 0, NULL, "2000-04-01", 3);
  assert_period (income, 1, NULL, "1999-03-27", 3);
  assert_period (income, 2, NULL, "2000-04-01", 6);
  assert_period (income, 3, NULL, "1999-03-27", 6);
  assert_period (balance, 0, NULL, "2000-04-01", 0);
  assert_period (balance, 1, NULL, "1999-09-25", 0);
  for (guint c = 0; c < 4; c++)
    assert_money (income, c, "USD", 1000000);
  assert_money (balance, 1, "USD", 1000000);
  /* The second quarter of fiscal 2000, which started in 1999. */
  assert_fiscal (filing, 1999, 2, 9, 25);
  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "Apple Computer, Inc.");
  g_assert_cmpstr (kessan_company_get_id (kessan_filing_get_company_info (filing), KESSAN_COMPANY_ID_CIK), ==, "320193");
  assert_no_errors (filing);

  ROW (balance, "Cash and cash equivalents", 1662, 1326);
  ROW (balance, "Accounts payable", 1111, 812);
  ROW (balance, "Total liabilities and shareholders' equity", 7007, 5161);
}

/* A retailer's 52/53-week year: the years under "Month day," headers,
 * thirteen and thirty-nine weeks, the balance sheet's middle column at
 * the last year end. */
static void
test_week_quarter (void)
{
  g_autoptr(KessanFiling) filing = load ("week-quarter.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);
  KessanStatement *balance = statement_of_kind (filing, KESSAN_STATEMENT_KIND_BALANCE, 0);

  assert_period (income, 0, NULL, "2024-11-02", 3);
  assert_period (income, 1, NULL, "2023-10-28", 3);
  assert_period (income, 2, NULL, "2024-11-02", 9);
  assert_period (income, 3, NULL, "2023-10-28", 9);
  for (guint c = 0; c < 4; c++)
    assert_money (income, c, "USD", 1000);
  ROW (income, "SALES, Net of returns and allowances", 293557, 310385, 833580, 882393);
  ROW (income, "COST OF SALES (Including buying, distribution, and occupancy costs)", 155201, 159947, 446187, 448964);
  ROW (income, "NET INCOME", 52263, 60804, 141276, 173641);
  ROW (income, "Basic", 1.06, 1.24, 2.87, 3.55);
  ROW_N (income, "Diluted", 1, 49628, 49404, 49629, 49355);

  assert_period (balance, 0, NULL, "2024-11-02", 0);
  assert_period (balance, 1, NULL, "2024-02-03", 0);
  assert_period (balance, 2, NULL, "2023-10-28", 0);
  assert_money (balance, 2, "USD", 1000);
  ROW (balance, "Cash and cash equivalents", 280390, 268213, 256546);
  ROW (balance, "Total assets", 909189, 879057, 885842);

  /* Fiscal 2024 started on 2024-02-04; its third quarter ended on
   * 2024-11-02. */
  assert_fiscal (filing, 2024, 3, 2, 3);
  g_assert_cmpstr (kessan_company_get_id (kessan_filing_get_company_info (filing), KESSAN_COMPANY_ID_TICKER), ==, "BKE");
  assert_no_errors (filing);
}

/* A 決算短信's statements under J-GAAP, in thousands of yen, the periods
 * printed as "自 … 至 …" over two lines. */
static void
test_jgaap_statements (void)
{
  g_autoptr(KessanFiling) filing = load ("jgaap-statements.txt");
  KessanStatement *balance = statement_of_kind (filing, KESSAN_STATEMENT_KIND_BALANCE, 0);
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);
  KessanCompany *company = kessan_filing_get_company_info (filing);
  g_autofree char *key = kessan_company_dup_key (company);

  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "北陸精機工業株式会社");
  g_assert_cmpstr (key, ==, "securities_code:6199");
  g_assert_cmpint (kessan_filing_get_accounting_standard (filing), ==, KESSAN_STANDARD_JGAAP);
  g_assert_cmpint (kessan_filing_get_consolidation (filing), ==, KESSAN_CONSOLIDATION_CONSOLIDATED);
  g_assert_cmpstr (kessan_filing_get_released (filing), ==, "2024-05-10");

  assert_period (balance, 0, NULL, "2023-03-31", 0);
  assert_period (balance, 1, NULL, "2024-03-31", 0);
  assert_money (balance, 0, "JPY", 1000);
  ROW (balance, "現金及び預金", 1200000, 1350000);
  ROW (balance, "貸倒引当金", -1000, -1200);
  ROW (balance, "無形固定資産", 15000, 14000);
  ROW (balance, "資産合計", 3914000, 4178800);

  assert_period (income, 0, "2022-04-01", "2023-03-31", 12);
  assert_period (income, 1, "2023-04-01", "2024-03-31", 12);
  assert_money (income, 1, "JPY", 1000);
  ROW (income, "売上高", 5234567, 5678901);
  ROW (income, "固定資産売却益", 1000, NONE);
  ROW (income, "法人税等調整額", -5000, -6000);
  ROW (income, "親会社株主に帰属する当期純利益", 400000, 480000);
  g_assert_cmpstr (kessan_line_item_get_concept (row_labelled (income, "経常利益", 0)), ==, "ordinary_income");
  g_assert_cmpstr (kessan_line_item_get_concept (row_labelled (income, "売上総利益", 0)), ==, "gross_profit");

  assert_fiscal (filing, 2023, 0, 3, 31);
  g_assert_cmpstr (kessan_filing_get_period_start (filing), ==, "2023-04-01");
  assert_no_errors (filing);
}

static void
test_jgaap_mutations (void)
{
  const char *name = "jgaap-statements.txt";

  assert_mutation (name, "受取利息", "1,234", "1,334", "nonoperating_income.total");
  assert_mutation (name, "売上原価", "3,345,678", "3,345,778", "gross_profit");
  assert_mutation (name, "経常利益", "735,814", "735,914", "ordinary_income");
  assert_mutation (name, "有形固定資産合計", "1,170,000", "1,170,100", "assets.noncurrent.ppe.total");
  assert_mutation (name, "固定資産除却損", "3,000", "3,100", "extraordinary_losses.total");
  assert_mutation (name, "非支配株主に帰属する当期純利益", "18,814", "18,914", "net_income.parent");
}

/* IFRS statements in euros, costs printed with their sign, a "Year
 * ended December 31," header over the years. */
static void
test_ifrs_statements (void)
{
  g_autoptr(KessanFiling) filing = load ("ifrs-statements.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);
  KessanStatement *balance = statement_of_kind (filing, KESSAN_STATEMENT_KIND_BALANCE, 0);
  g_autofree char *key = kessan_company_dup_key (kessan_filing_get_company_info (filing));

  g_assert_cmpint (kessan_filing_get_accounting_standard (filing), ==, KESSAN_STANDARD_IFRS);
  g_assert_cmpstr (key, ==, "lei:5493001KJTIIGC8Y1R12");
  g_assert_cmpstr (kessan_company_get_id (kessan_filing_get_company_info (filing), KESSAN_COMPANY_ID_TICKER), ==, "NVT");

  assert_period (income, 0, NULL, "2023-12-31", 12);
  assert_period (income, 1, NULL, "2022-12-31", 12);
  assert_money (income, 0, "EUR", 1000000);
  ROW (income, "Revenue", 12345, 11210);
  ROW (income, "Cost of sales", -7400, -6800);
  ROW (income, "Owners of the parent", 1650, 1300);
  ROW (income, "Diluted earnings per share", 1.31, 1.03);
  g_assert_cmpstr (kessan_line_item_get_concept (row_labelled (income, "Revenue", 0)), ==, "revenues.net_sales");
  g_assert_cmpstr (kessan_line_item_get_concept (row_labelled (income, "Profit for the year", 0)), ==, "net_income");

  assert_period (balance, 0, NULL, "2023-12-31", 0);
  assert_period (balance, 1, NULL, "2022-12-31", 0);
  assert_money (balance, 1, "EUR", 1000000);
  ROW (balance, "Total assets", 17020, 16375);

  assert_fiscal (filing, 2023, 0, 12, 31);
  assert_no_errors (filing);

  assert_mutation ("ifrs-statements.txt", "Revenue", "12,345", "12,445", "gross_profit");
  assert_mutation ("ifrs-statements.txt", "Owners of the parent", "1,650", "1,660", "net_income.parent");
  assert_mutation ("ifrs-statements.txt", "Intangible assets", "3,100", "3,150", "assets.noncurrent.total");
  assert_mutation ("ifrs-statements.txt", "Inventories", "380", "395", "assets.current.total");
}

/* A 決算短信 summary page: periods down the rows ("26年3月期", a year of
 * 平成 by the release's date), items across, each with its change beside
 * it; read as items × periods. */
static void
test_summary_page (void)
{
  g_autoptr(KessanFiling) filing = load ("summary-page.txt");
  KessanStatement *results = statement_of_kind (filing, KESSAN_STATEMENT_KIND_SUMMARY, 0);
  KessanStatement *position = statement_of_kind (filing, KESSAN_STATEMENT_KIND_SUMMARY, 1);
  g_autofree char *key = kessan_company_dup_key (kessan_filing_get_company_info (filing));

  g_assert_cmpstr (kessan_filing_get_released (filing), ==, "2014-05-12");
  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "株式会社みなと電機製作所");
  g_assert_cmpstr (key, ==, "securities_code:6421");

  g_assert_true (kessan_statement_get_transposed (results));
  g_assert_cmpuint (kessan_statement_get_n_columns (results), ==, 4);
  assert_period (results, 0, NULL, "2014-03-31", 12);
  assert_money (results, 0, "JPY", 1000000);
  assert_period (results, 2, NULL, "2013-03-31", 12);
  g_assert_cmpint (kessan_column_get_measure (kessan_statement_get_column (results, 1)), ==, KESSAN_MEASURE_CHANGE_YOY);
  g_assert_cmpstr (kessan_column_get_compared_end (kessan_statement_get_column (results, 1)), ==, "2013-03-31");
  ROW (results, "売上高", 15320, 6.4, 14398, 2.2);
  ROW (results, "営業利益", 1210, 12.1, 1079, -3.5);
  ROW (results, "当期純利益", 780, 9.1, 715, 4.5);
  g_assert_cmpstr (kessan_line_item_get_concept (row_labelled (results, "売上高", 0)), ==, "revenues.net_sales");
  g_assert_cmpstr (kessan_line_item_get_concept (row_labelled (results, "経常利益", 0)), ==, "ordinary_income");

  g_assert_true (kessan_statement_get_transposed (position));
  ROW (position, "総資産", 21400, 20150);
  ROW (position, "自己資本比率", 57.5, 57.6);
  g_assert_cmpstr (kessan_line_item_get_concept (row_labelled (position, "総資産", 0)), ==, "assets.total");

  assert_fiscal (filing, 2013, 0, 3, 31);
  assert_no_errors (filing);

  assert_mutation ("summary-page.txt", "26年3月期", "6.4", "7.4", "revenues.net_sales");
  assert_mutation ("summary-page.txt", "26年3月期", "1,210", "1,290", "operating_income");
}

/* Labels printed over two or more lines are one row's ("Selling,
 * general, and" over "administrative", "Interest and other income" over
 * "(expense), net", a tail set in under its line), a row of dashes is a
 * row without values, and rows under "Earnings per common share:" or
 * counting shares are per-share amounts and shares, not millions of
 * dollars. */
static void
test_wrapped_labels (void)
{
  g_autoptr(KessanFiling) filing = load ("wrapped-labels.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);
  const char *per_share[] = { "Basic", "Diluted" };
  const char *shares[] = { "Average Shares Outstanding — Basic", "Effect of dilutive securities",
                           "Average Shares Outstanding — Diluted" };

  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 1);
  assert_period (income, 0, NULL, "2025-06-30", 3);
  assert_period (income, 1, NULL, "2024-06-30", 3);
  assert_period (income, 2, NULL, "2025-06-30", 6);
  assert_period (income, 3, NULL, "2024-06-30", 6);
  for (guint c = 0; c < 4; c++)
    assert_money (income, c, "USD", 1000000);

  ROW (income, "Net sales", 5210, 4980, 9870, 9460);
  ROW (income, "Selling, general, and administrative", 840, 812, 1650, 1600);
  ROW (income, "Change in fair value of contingent consideration", NONE, -15, NONE, -15);
  ROW (income, "Restructuring costs", NONE, NONE, NONE, NONE);
  g_assert_false (kessan_line_item_get_heading (row_labelled (income, "Restructuring costs", 0)));
  ROW (income, "Total operating expenses", 1150, 1092, 2255, 2165);
  ROW (income, "Interest and other income (expense), net", 25, 18, 47, 35);
  ROW (income, "Income before provision for income taxes", 965, 916, 1732, 1630);
  ROW (income, "Less: Net income attributable to noncontrolling interests", 12, 10, 20, 18);
  ROW (income, "Net Income Attributable to Shareowners of Northwind Foods Corporation", 750, 714, 1348, 1270);
  ROW (income, "Basic", 1.50, 1.42, 2.70, 2.53);
  ROW (income, "Diluted", 1.49, 1.41, 2.68, 2.51);
  ROW (income, "Effect of dilutive securities", 3, 4, 4, 4);
  g_assert_cmpuint (kessan_statement_get_n_rows (income), ==, 22);

  for (guint i = 0; i < G_N_ELEMENTS (per_share); i++)
    g_assert_cmpint (kessan_line_item_get_unit (row_labelled (income, per_share[i], 0)), ==, KESSAN_UNIT_PER_SHARE);
  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    g_assert_cmpint (kessan_line_item_get_unit (row_labelled (income, shares[i], 0)), ==, KESSAN_UNIT_SHARES);
  g_assert_cmpint (kessan_line_item_get_unit (row_labelled (income, "Net sales", 0)), ==, KESSAN_UNIT_NONE);
  assert_no_errors (filing);

  assert_mutation ("wrapped-labels.txt", "Cost of sales", "3,120", "3,130", "gross_profit");
}

/* An EDINET statement sends to its notes with marks printed before the
 * figures ("売上原価  ※1,※2  90,000") and prints a negative as "△  180":
 * the marks are neither label nor value, the triangle is the figure's
 * sign. */
static void
test_note_marks (void)
{
  g_autoptr(KessanFiling) filing = load ("note-marks.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);

  g_assert_cmpstr (kessan_filing_get_released (filing), ==, "2017-06-26");
  assert_period (income, 0, "2015-04-01", "2016-03-31", 12);
  assert_period (income, 1, "2016-04-01", "2017-03-31", 12);
  assert_money (income, 0, "JPY", 1000000);
  assert_money (income, 1, "JPY", 1000000);
  ROW (income, "売上高", 120000, 126000);
  ROW (income, "売上原価", 90000, 93500);
  ROW (income, "販売費及び一般管理費", 21000, 22300);
  ROW (income, "固定資産除却損", 150, 120);
  ROW (income, "減損損失", 1250, 380);
  ROW (income, "法人税等調整額", -180, -90);
  ROW (income, "親会社株主に帰属する当期純利益", 5080, 6640);
  g_assert_cmpuint (kessan_statement_get_n_rows (income), ==, 23);
  g_assert_cmpstr (kessan_line_item_get_concept (row_labelled (income, "売上原価", 0)), ==, "costs.cost_of_sales");
  assert_no_errors (filing);
  g_assert_cmpuint (count_findings (filing, KESSAN_SEVERITY_WARNING, NULL), ==, 0);

  assert_mutation ("note-marks.txt", "売上原価", "90,000", "90,100", "gross_profit");
  assert_mutation ("note-marks.txt", "減損損失", "1,250", "1,270", "extraordinary_losses.total");
}

/* A predecessor's and a successor's columns: each prints its first and
 * last day ("July 1 to" over "July 21"), under years printed over one
 * or two columns each; a successor's period starts the day after its
 * predecessor's ends, in the same year. */
static void
test_stub_periods (void)
{
  g_autoptr(KessanFiling) filing = load ("stub-periods.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);

  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 1);
  assert_period (income, 0, "2023-07-01", "2023-07-21", 1);
  assert_period (income, 1, "2023-07-22", "2023-09-30", 2);
  assert_period (income, 2, "2022-07-01", "2022-09-30", 3);
  assert_period (income, 3, "2023-01-01", "2023-07-21", 7);
  assert_period (income, 4, "2023-07-22", "2023-09-30", 2);
  assert_period (income, 5, "2022-01-01", "2022-09-30", 9);
  for (guint c = 0; c < 6; c++)
    assert_money (income, c, "USD", 1000);

  ROW (income, "Selling, general and administrative", 1200, 4800, 2500, 9100, 4800, 8000);
  ROW (income, "Total operating costs and expenses", 2800, 10900, 9800, 28600, 10900, 32900);
  ROW (income, "Income taxes", NONE, NONE, NONE, NONE, NONE, NONE);
  ROW (income, "Net loss and comprehensive loss", -2795, -10720, -9660, -28490, -10720, -32750);
  ROW (income, "Basic and diluted net loss per share", -0.02, -0.29, -0.07, -0.21, -0.29, -0.24);
  ROW (income, "Weighted average shares of common stock outstanding",
       138000000, 37000000, 138000000, 138000000, 37000000, 138000000);
  g_assert_cmpint (kessan_line_item_get_unit (row_labelled (income, "Basic and diluted net loss per share", 0)), ==,
                   KESSAN_UNIT_PER_SHARE);
  g_assert_cmpint (kessan_line_item_get_unit (row_labelled (income, "Weighted average shares of common stock outstanding", 0)), ==,
                   KESSAN_UNIT_SHARES);
  /* The footer and the page number under it are no row. */
  g_assert_cmpuint (kessan_statement_get_n_rows (income), ==, 11);
  assert_no_errors (filing);
}

/* A quarterly 決算短信 summary: rows named "2022年4月期第1四半期" are the
 * first quarter of the year that ends in April 2022; per-share rows
 * printed under the amounts do not stop the table being one of
 * periods; an item named over two lines is one; the forecast's rows
 * ("第2四半期(累計)", "通期") are periods of the year its title names, and
 * forecasts.  Changes from truncated amounts ("百万円未満切捨て") are
 * within a unit of each. */
static void
test_quarter_summary (void)
{
  g_autoptr(KessanFiling) filing = load ("quarter-summary.txt");
  KessanStatement *results = statement_of_kind (filing, KESSAN_STATEMENT_KIND_SUMMARY, 0);
  KessanStatement *position = statement_of_kind (filing, KESSAN_STATEMENT_KIND_SUMMARY, 1);
  KessanStatement *forecast = statement_of_kind (filing, KESSAN_STATEMENT_KIND_SUMMARY, 2);

  g_assert_true (kessan_statement_get_transposed (results));
  g_assert_cmpuint (kessan_statement_get_n_columns (results), ==, 4);
  assert_period (results, 0, NULL, "2021-07-31", 3);
  assert_period (results, 2, NULL, "2020-07-31", 3);
  assert_money (results, 0, "JPY", 1000000);
  ROW (results, "売上高", 3150, 41.2, 2231, -18.4);
  ROW (results, "営業利益", 512, NONE, -37, NONE);
  ROW (results, "親会社株主に帰属する四半期純利益", 331, 380.7, 68, -66.1);
  g_assert_cmpstr (kessan_line_item_get_concept (row_labelled (results, "売上高", 0)), ==, "revenues.net_sales");

  g_assert_cmpstr (kessan_column_get_period_end (kessan_statement_get_column (position, 0)), ==, "2021-07-31");
  g_assert_cmpstr (kessan_column_get_period_end (kessan_statement_get_column (position, 1)), ==, "2021-04-30");
  ROW (position, "総資産", 15210, 14930);

  g_assert_true (kessan_statement_get_transposed (forecast));
  assert_period (forecast, 0, NULL, "2021-10-31", 6);
  assert_period (forecast, 2, NULL, "2022-04-30", 12);
  for (guint c = 0; c < 4; c++)
    g_assert_cmpint (kessan_column_get_scenario (kessan_statement_get_column (forecast, c)), ==, KESSAN_SCENARIO_FORECAST);
  ROW (forecast, "売上高", 5600, 35.1, 11400, 17.6);
  ROW (forecast, "親会社株主に帰属する当期純利益", 480, 88.2, 910, 23.0);
  for (guint c = 0; c < 4; c++)
    g_assert_cmpint (kessan_column_get_scenario (kessan_statement_get_column (results, c)), ==, KESSAN_SCENARIO_ACTUAL);
  assert_no_errors (filing);

  assert_mutation ("quarter-summary.txt", "第1四半期  ", "41.2", "45.2", "revenues.net_sales");
}

/* Two changes side by side for the same periods, the reported one
 * ("Total", printed in whole percents) and one at constant currency
 * ("Oper."): the first is checked against the amounts, the second,
 * which the amounts contradict row after row, is not an arithmetic of
 * them and is not checked. */
static void
test_operational_change (void)
{
  g_autoptr(KessanFiling) filing = load ("operational-change.txt");
  KessanStatement *revenues = kessan_filing_get_statement (filing, 0);
  KessanColumn *total = kessan_statement_get_column (revenues, 2);
  KessanColumn *operational = kessan_statement_get_column (revenues, 3);

  ROW (revenues, "Oncology", 2956, 3088, -4, -3, 5811, 6055, -4, -2);
  g_assert_cmpint (kessan_column_get_measure (total), ==, KESSAN_MEASURE_CHANGE_YOY);
  g_assert_cmpstr (kessan_column_get_compared_end (total), ==,
                   kessan_column_get_period_end (kessan_statement_get_column (revenues, 1)));
  g_assert_cmpint (kessan_column_get_measure (operational), ==, KESSAN_MEASURE_CHANGE);
  g_assert_null (kessan_column_get_compared_end (operational));
  assert_no_errors (filing);

  assert_mutation ("operational-change.txt", "Oncology", "(4%)", "(9%)", "x.oncology");
}

/* A balance sheet printed over a page break, its title and headers
 * printed again with "(Continued)" under the page number: one
 * statement, assets and liabilities together. */
static void
test_page_break (void)
{
  g_autoptr(KessanFiling) filing = load ("page-break.txt");
  KessanStatement *balance = statement_of_kind (filing, KESSAN_STATEMENT_KIND_BALANCE, 0);

  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 1);
  g_assert_cmpstr (kessan_statement_get_title (balance), ==, "CONDENSED CONSOLIDATED BALANCE SHEETS");
  assert_period (balance, 0, NULL, "2025-06-30", 0);
  assert_period (balance, 1, NULL, "2024-12-31", 0);
  assert_money (balance, 0, "USD", 1000);
  ROW (balance, "Cash and cash equivalents", 41200, 38950);
  ROW (balance, "Total assets", 168000, 163300);
  ROW (balance, "Accounts payable", 14100, 13250);
  ROW (balance, "Total liabilities and shareholders' equity", 168000, 163300);
  g_assert_cmpuint (kessan_statement_get_n_rows (balance), ==, 22);
  g_assert_cmpuint (kessan_statement_get_last_line (balance), >=, 38);
  assert_no_errors (filing);

  assert_mutation ("page-break.txt", "Total liabilities and shareholders' equity", "168,000", "168,100",
                   "liabilities_and_equity.total");
}

/* Another company's release for the same concepts and periods is not a
 * restatement: a series set holds one company's releases. */
static void
test_series_keep_companies_apart (void)
{
  g_autofree char *text = load_text ("jgaap-statements.txt");
  g_autoptr(GString) other = g_string_new (text);
  g_autoptr(GString) same = g_string_new (text);
  g_autoptr(KessanFiling) filing = parse_text (text, "jgaap-statements.txt");
  g_autoptr(KessanFiling) other_filing = NULL;
  g_autoptr(KessanFiling) same_filing = NULL;
  g_autoptr(KessanSeriesSet) set = kessan_series_set_new ();
  g_autoptr(GPtrArray) points = NULL;

  /* Another company (another 証券コード) printing other figures. */
  g_string_replace (other, "6199", "7201", 1);
  g_string_replace (other, "北陸精機工業", "南海精機工業", 1);
  g_string_replace (other, "5,678,901", "9,999,901", 1);
  other_filing = parse_text (other->str, "other.txt");
  /* The same company's release with a new last line is its own. */
  g_string_append (same, "\n（注）金額は千円未満を切り捨てて表示しております。\n");
  same_filing = parse_text (same->str, "same.txt");

  g_assert_true (kessan_series_set_add_filing (set, filing));
  g_assert_false (kessan_series_set_accepts (set, other_filing));
  g_assert_false (kessan_series_set_add_filing (set, other_filing));
  g_assert_true (kessan_series_set_add_filing (set, same_filing));
  g_assert_cmpuint (kessan_series_set_get_n_filings (set), ==, 2);
  g_assert_cmpstr (kessan_company_get_id (kessan_series_set_get_company (set), KESSAN_COMPANY_ID_SECURITIES_CODE), ==, "6199");

  points = kessan_series_set_get_points (set, "revenues.net_sales");
  g_assert_cmpuint (points->len, ==, 2);
  for (guint i = 0; i < points->len; i++)
    {
      const KessanSeriesPoint *point = g_ptr_array_index (points, i);

      g_assert_false (kessan_series_point_get_restated (point));
      g_assert_cmpuint (kessan_series_point_get_n_observations (point), ==, 2);
      g_assert_cmpfloat (kessan_series_point_get_value (point), !=, 9999901.0);
    }
}

/* Layouts of press releases printed to PDF, as their text layer reads:
 * each fixture is a few lines of a real statement. */

/* A page number printed beside the header line of the periods is no
 * footnote: the header and the scale above it still head the table. */
static void
test_number_beside_header (void)
{
  static const char text[] =
    "Condensed Consolidated Statements of Operations\n"
    "(in millions, except per share data)\n"
    "(Unaudited)\n"
    " 2                                                   Three Months Ended July 31,       Six Months Ended July 31,\n"
    "                                                      2023          2022          2023          2022\n"
    " Revenues:\n"
    "    Subscription and support                          $      8,006  $      7,143  $     15,648  $     13,999\n"
    "    Professional services and other                              597          577         1,202         1,132\n"
    "        Total revenues                                     8,603         7,720        16,850        15,131\n";
  g_autoptr(KessanFiling) filing = parse_text (text, "number-beside-header.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);

  assert_period (income, 0, NULL, "2023-07-31", 3);
  assert_period (income, 1, NULL, "2022-07-31", 3);
  assert_period (income, 2, NULL, "2023-07-31", 6);
  assert_period (income, 3, NULL, "2022-07-31", 6);
  for (guint c = 0; c < 4; c++)
    assert_money (income, c, "USD", 1000000);
  ROW (income, "Total revenues", 8603, 7720, 16850, 15131);
}

/* The scale printed in the header cell left of the years, and two years
 * under each of two periods named once ("Three Months Ended June 30,"). */
static void
test_scale_in_header_cell (void)
{
  static const char text[] =
    " U.S. GAAP Condensed Consolidated Statements of Income (Unaudited)\n"
    "\n"
    "                                                          Three Months Ended June 30,      Twelve Months Ended June 30,\n"
    "  ($ million, except per share amounts)                            2022            2023            2022            2023\n"
    "  Net sales                                                        3,909           3,673           14,544           14,694\n"
    "  Cost of sales                                                     (3,115)          (2,951)          (11,724)          (11,969)\n"
    "  Gross profit                                                        794             722            2,820            2,725\n";
  g_autoptr(KessanFiling) filing = parse_text (text, "scale-in-header-cell.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);

  assert_period (income, 0, NULL, "2022-06-30", 3);
  assert_period (income, 1, NULL, "2023-06-30", 3);
  assert_period (income, 2, NULL, "2022-06-30", 12);
  assert_period (income, 3, NULL, "2023-06-30", 12);
  for (guint c = 0; c < 4; c++)
    assert_money (income, c, "USD", 1000000);
  ROW (income, "Net sales", 3909, 3673, 14544, 14694);
  ROW (income, "Gross profit", 794, 722, 2820, 2725);
}

/* Periods of 12, 24 and 36 weeks: the months they round to, and their
 * first day, which tells them apart from whole months; dates printed
 * month first with slashes. */
static void
test_weeks_and_slashed_dates (void)
{
  static const char text[] =
    "                                    Condensed Consolidated Statement of Income\n"
    "                                  (in millions except per share amounts, unaudited)\n"
    "\n"
    "                                                               12 Weeks Ended                 24 Weeks Ended\n"
    "                                                            6/17/2023       6/11/2022       6/17/2023       6/11/2022\n"
    " Net Revenue                                           $       22,322  $       20,225  $       40,168  $       36,425\n"
    " Cost of sales                                                    10,121           9,415          18,109          16,848\n"
    " Gross profit                                                    12,201          10,810          22,059          19,577\n"
    "\n"
    "\n"
    "                                     CONSOLIDATED STATEMENTS OF INCOME\n"
    "                                  (amounts in millions, except per share data)\n"
    "\n"
    "                                                               12 Weeks Ended          36 Weeks Ended\n"
    "                                                           May 7, 2023  May 8, 2022  May 7, 2023  May 8, 2022\n"
    "             Net sales                                      $   52,604  $   51,612  $  160,280  $  151,966\n"
    "             Membership fees                                     1,044        984       3,071       2,897\n"
    "              Total revenue                                      53,648      52,596      163,351      154,863\n";
  g_autoptr(KessanFiling) filing = parse_text (text, "weeks.txt");
  KessanStatement *twelve = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);
  KessanStatement *thirty_six = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 1);

  assert_period (twelve, 0, "2023-03-26", "2023-06-17", 3);
  assert_period (twelve, 1, "2022-03-20", "2022-06-11", 3);
  assert_period (twelve, 2, "2023-01-01", "2023-06-17", 6);
  assert_period (twelve, 3, "2021-12-26", "2022-06-11", 6);
  assert_money (twelve, 0, "USD", 1000000);
  ROW (twelve, "Gross profit", 12201, 10810, 22059, 19577);

  assert_period (thirty_six, 0, "2023-02-13", "2023-05-07", 3);
  assert_period (thirty_six, 1, "2022-02-14", "2022-05-08", 3);
  assert_period (thirty_six, 2, "2022-08-29", "2023-05-07", 8);
  assert_period (thirty_six, 3, "2021-08-30", "2022-05-08", 8);
  ROW (thirty_six, "Total revenue", 53648, 52596, 163351, 154863);
}

/* A title printed under the header of the columns, as the first heading
 * of the body, keeps the years and the scale above it. */
static void
test_title_under_header (void)
{
  static const char text[] =
    "                                                                                 Years ended December 31,\n"
    "                                                                 ---------------------------------------------------------\n"
    "                                                                      2000        1999       1998       1997        1996\n"
    "                                                                 ---------------------------------------------------------\n"
    "                                                                     (in million EUR, except per share amounts and ratios)\n"
    "Consolidated income statement information:\n"
    "amounts in accordance with Dutch accounting principles (a)\n"
    "Premium income                                                      20,771      14,980     11,550      9,532       7,579\n"
    "Investment income                                                    9,612       6,690      5,003      4,001       2,985\n"
    "Income before tax                                                    2,887       2,181      1,634      1,287         913\n"
    "Net income (c)                                                       2,066       1,570      1,247      1,001         712\n"
    "Total revenues (b,c)                                                30,755      22,374     17,179     14,207      11,112\n"
    "\n"
    "Consolidated balance sheet information:\n"
    "amounts in accordance with Dutch accounting principles (a)\n"
    "Total assets                                                       244,216     228,808    131,196    123,762      83,099\n"
    "Technical provisions                                               206,097     190,145    102,959     95,447      62,360\n";
  g_autoptr(KessanFiling) filing = parse_text (text, "title-under-header.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);
  KessanStatement *balance = statement_of_kind (filing, KESSAN_STATEMENT_KIND_BALANCE, 0);

  /* The table printed right under it, with a title but no header of
   * its own, has the same columns, as instants. */
  assert_period (balance, 0, NULL, "2000-12-31", 0);
  assert_period (balance, 4, NULL, "1996-12-31", 0);
  assert_money (balance, 2, "EUR", 1000000);
  ROW (balance, "Total assets", 244216, 228808, 131196, 123762, 83099);

  assert_period (income, 0, NULL, "2000-12-31", 12);
  assert_period (income, 4, NULL, "1996-12-31", 12);
  for (guint c = 0; c < 5; c++)
    assert_money (income, c, "EUR", 1000000);
  ROW (income, "Premium income", 20771, 14980, 11550, 9532, 7579);
  /* Footnote letters after a label are no part of it. */
  ROW (income, "Net income", 2066, 1570, 1247, 1001, 712);
  ROW (income, "Total revenues", 30755, 22374, 17179, 14207, 11112);
}

/* Rows of percents inside a statement of amounts leave its columns
 * amounts in dollars; the percent rows carry neither. */
static void
test_percent_rows_among_amounts (void)
{
  static const char text[] =
    "                    CONDENSED CONSOLIDATED STATEMENTS OF EARNINGS\n"
    "                          ($ and shares in millions, except per share amounts)\n"
    "\n"
    "                                                     Three Months Ended           Six Months Ended\n"
    "                                                 July 29, 2023   July 30, 2022   July 29, 2023   July 30, 2022\n"
    "Revenue                                         $     9,583   $    10,329   $    19,050   $    20,976\n"
    "Cost of sales                                            7,363         8,042        14,680        16,336\n"
    "Gross profit                                             2,220         2,287         4,370         4,640\n"
    " Gross profit %                                           23.2 %        22.1 %        22.9 %        22.1 %\n"
    "Selling, general and administrative expenses                   1,879         1,882         3,727         3,772\n"
    " SG&A %                                                19.6 %        18.2 %        19.6 %        18.0 %\n"
    "Operating income                                           341           405           643           868\n";
  g_autoptr(KessanFiling) filing = parse_text (text, "percent-rows.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);

  assert_period (income, 0, NULL, "2023-07-29", 3);
  assert_period (income, 3, NULL, "2022-07-30", 6);
  for (guint c = 0; c < 4; c++)
    {
      assert_money (income, c, "USD", 1000000);
      g_assert_cmpint (kessan_column_get_measure (kessan_statement_get_column (income, c)), ==, KESSAN_MEASURE_AMOUNT);
    }
  ROW (income, "Gross profit", 2220, 2287, 4370, 4640);
  ROW (income, "Gross profit %", 23.2, 22.1, 22.9, 22.1);
  g_assert_cmpint (kessan_line_item_get_unit (row_labelled (income, "Gross profit %", 0)), ==, KESSAN_UNIT_PERCENT);
  g_assert_cmpint (kessan_line_item_get_unit (row_labelled (income, "Gross profit", 0)), ==, KESSAN_UNIT_NONE);
  assert_no_errors (filing);
}

/* A 決算短信 summary printed to PDF: a name of two lines beside names of
 * one is centred on them, its first line above theirs. */
static void
test_summary_name_over_three_lines (void)
{
  static const char text[] =
    "１．2025年12月期第２四半期（中間期）の連結業績（2025年１月１日～2025年６月30日）\n"
    "（１）連結経営成績(累計)                                                    (％表示は、対前年中間期増減率)\n"
    "                                                                                       親会社株主に帰属\n"
    "                                売上高             営業利益            経常利益\n"
    "                                                                                        する中間純利益\n"
    "                               百万円       ％       百万円       ％       百万円       ％       百万円       ％\n"
    "   2025年12月期中間期       1,074,750      9.5      82,951    △8.9      87,454    △5.9      48,553   △10.3\n"
    "   2024年12月期中間期        981,416     20.2      91,074     39.6      92,959     38.0      54,149     20.8\n";
  g_autoptr(KessanFiling) filing = parse_text (text, "summary-three-lines.txt");
  KessanStatement *summary = statement_of_kind (filing, KESSAN_STATEMENT_KIND_SUMMARY, 0);
  KessanLineItem *net = row_labelled (summary, "親会社株主に帰属する中間純利益", 0);

  assert_period (summary, 0, NULL, "2025-06-30", 6);
  assert_money (summary, 0, "JPY", 1000000);
  ROW (summary, "売上高", 1074750, 9.5, 981416, 20.2);
  g_assert_cmpfloat (kessan_line_item_get_value (net, 0), ==, 48553);
  g_assert_cmpfloat (kessan_line_item_get_value (net, 2), ==, 54149);
}

/* The period and the years on one line, the columns that compare them
 * after the years. */
static void
test_period_and_years_on_one_line (void)
{
  static const char text[] =
    "                         CONDENSED CONSOLIDATED STATEMENT OF INCOME (UNAUDITED)\n"
    "\n"
    " Dollars and shares in millions, except per share data\n"
    " Quarters Ended June 30,                                                                2023          2022           Inc/ (Dec)\n"
    " Revenues\n"
    " Sales by Company-operated restaurants                                      $   2,487.0   $   2,112.8   $    374.2         18 %\n"
    " Revenues from franchised restaurants                                           3,933.3       3,526.8        406.5         12\n"
    " Other revenues                                                                  77.2         78.8          (1.6)         (2)\n"
    "\n"
    " TOTAL REVENUES                                                               6,497.5       5,718.4        779.1         14\n";
  g_autoptr(KessanFiling) filing = parse_text (text, "period-and-years.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);

  assert_period (income, 0, NULL, "2023-06-30", 3);
  assert_period (income, 1, NULL, "2022-06-30", 3);
  assert_money (income, 0, "USD", 1000000);
  assert_money (income, 1, "USD", 1000000);
  ROW (income, "TOTAL REVENUES", 6497.5, 5718.4, 779.1, 14);
}

/* A date whose year is printed on the line under it ("August 28," over
 * "2022") beside a date printed whole. */
static void
test_date_over_two_lines (void)
{
  static const char text[] =
    "                                        CONSOLIDATED BALANCE SHEETS\n"
    "                              (amounts in millions, except par value and share data)\n"
    "                                                   (unaudited)\n"
    "\n"
    "                                                                                  May 7, 2023   August 28,\n"
    "                                                                                                2022\n"
    "                                            ASSETS\n"
    "           CURRENT ASSETS\n"
    "              Cash and cash equivalents                                                $  12,493    $  10,203\n"
    "              Receivables, net                                                             2,350        2,241\n"
    "              Merchandise inventories                                                     17,623       17,907\n";
  g_autoptr(KessanFiling) filing = parse_text (text, "date-over-two-lines.txt");
  KessanStatement *balance = statement_of_kind (filing, KESSAN_STATEMENT_KIND_BALANCE, 0);

  assert_period (balance, 0, NULL, "2023-05-07", 0);
  assert_period (balance, 1, NULL, "2022-08-28", 0);
  assert_money (balance, 1, "USD", 1000000);
  ROW (balance, "Cash and cash equivalents", 12493, 10203);
  g_assert_cmpuint (kessan_statement_get_n_rows (balance), ==, 5);
}

/* Lengths of period set off the centre of their columns still head two
 * columns each, in order; the scale is the header cell's. */
static void
test_lengths_off_centre (void)
{
  static const char text[] =
    "                       Consolidated Statements of Income and Other Information\n"
    "\n"
    "                                                      Three Months Ended        Twelve Months Ended\n"
    " (In Millions, Except Per Share Amounts; unaudited)       Dec 31, 2022  Dec 25, 2021  Dec 31, 2022  Dec 25, 2021\n"
    " Net revenue                                        $     14,042  $     20,528  $     63,054  $     79,024\n"
    " Cost of sales                                              8,542         9,519        36,188        35,209\n"
    " Gross margin                                             5,500        11,009        26,866        43,815\n";
  g_autoptr(KessanFiling) filing = parse_text (text, "lengths-off-centre.txt");
  KessanStatement *income = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);

  assert_period (income, 0, NULL, "2022-12-31", 3);
  assert_period (income, 1, NULL, "2021-12-25", 3);
  assert_period (income, 2, NULL, "2022-12-31", 12);
  assert_period (income, 3, NULL, "2021-12-25", 12);
  assert_money (income, 1, "USD", 1000000);
  ROW (income, "Gross margin", 5500, 11009, 26866, 43815);
}

/* Share counts state their own scale: "(000s)" under a table in
 * millions, and in full in a table "in thousands, except share data". */
static void
test_shares_scale (void)
{
  static const char text[] =
    "                                     CONSOLIDATED STATEMENTS OF INCOME\n"
    "                                  (amounts in millions, except per share data)\n"
    "\n"
    "                                                               12 Weeks Ended          36 Weeks Ended\n"
    "                                                           May 7, 2023  May 8, 2022  May 7, 2023  May 8, 2022\n"
    "             Net sales                                      $   52,604  $   51,612  $  160,280  $  151,966\n"
    "             NET INCOME                                     $    1,300  $    1,353  $    4,131  $    3,975\n"
    "           Shares used in calculation (000s):\n"
    "             Basic                                             443,814     443,700      443,843      443,567\n"
    "             Diluted                                           444,360     444,886      444,455      444,802\n"
    "\n"
    "\n"
    "\n"
    "                 Condensed Consolidated Statements of Operations\n"
    "                 (in thousands, except share and per share data)\n"
    "\n"
    "                                                  Three Months Ended September 30,\n"
    "                                                         2023            2022\n"
    " Operating expenses                                    12,001          10,425\n"
    " Net loss                                             (12,001)        (10,425)\n"
    " Weighted average shares outstanding              37,159,600     138,848,177\n";
  g_autoptr(KessanFiling) filing = parse_text (text, "shares-scale.txt");
  KessanStatement *costco = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 0);
  KessanStatement *full = statement_of_kind (filing, KESSAN_STATEMENT_KIND_INCOME, 1);

  assert_money (costco, 0, "USD", 1000000);
  g_assert_cmpuint (kessan_line_item_get_scale (row_labelled (costco, "Basic", 0)), ==, 1000);
  g_assert_cmpuint (kessan_line_item_get_scale (row_labelled (costco, "Net sales", 0)), ==, 0);
  ROW (costco, "Basic", 443814, 443700, 443843, 443567);

  g_assert_cmpuint (kessan_column_get_scale (kessan_statement_get_column (full, 0)), ==, 1000);
  g_assert_cmpuint (kessan_line_item_get_scale (row_labelled (full, "Weighted average shares outstanding", 0)), ==, 1);
  g_assert_cmpuint (kessan_line_item_get_scale (row_labelled (full, "Net loss", 0)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kessan/general/edgar-quarter", test_edgar_quarter);
  g_test_add_func ("/kessan/general/week-quarter", test_week_quarter);
  g_test_add_func ("/kessan/general/jgaap-statements", test_jgaap_statements);
  g_test_add_func ("/kessan/general/jgaap-mutations", test_jgaap_mutations);
  g_test_add_func ("/kessan/general/ifrs-statements", test_ifrs_statements);
  g_test_add_func ("/kessan/general/summary-page", test_summary_page);
  g_test_add_func ("/kessan/general/wrapped-labels", test_wrapped_labels);
  g_test_add_func ("/kessan/general/note-marks", test_note_marks);
  g_test_add_func ("/kessan/general/stub-periods", test_stub_periods);
  g_test_add_func ("/kessan/general/quarter-summary", test_quarter_summary);
  g_test_add_func ("/kessan/general/operational-change", test_operational_change);
  g_test_add_func ("/kessan/general/page-break", test_page_break);
  g_test_add_func ("/kessan/general/series-companies", test_series_keep_companies_apart);
  g_test_add_func ("/kessan/general/pdf/number-beside-header", test_number_beside_header);
  g_test_add_func ("/kessan/general/pdf/scale-in-header-cell", test_scale_in_header_cell);
  g_test_add_func ("/kessan/general/pdf/weeks", test_weeks_and_slashed_dates);
  g_test_add_func ("/kessan/general/title-under-header", test_title_under_header);
  g_test_add_func ("/kessan/general/pdf/percent-rows", test_percent_rows_among_amounts);
  g_test_add_func ("/kessan/general/pdf/summary-name-lines", test_summary_name_over_three_lines);
  g_test_add_func ("/kessan/general/pdf/period-and-years", test_period_and_years_on_one_line);
  g_test_add_func ("/kessan/general/pdf/date-over-two-lines", test_date_over_two_lines);
  g_test_add_func ("/kessan/general/pdf/lengths-off-centre", test_lengths_off_centre);
  g_test_add_func ("/kessan/general/shares-scale", test_shares_scale);

  return g_test_run ();
}
