/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kessan.h"
#include "kessan-test-util.h"
#include "kessan-ixbrl-private.h"

/* Releases in marked-up formats: HTML exhibits, EDGAR submissions,
 * inline XBRL and the packages they come in.  Each is read into the
 * same statements a text release gives, with what tags state exactly. */

static KessanFiling *
parse_seed (const char *name)
{
  g_autoptr(GBytes) bytes = kessan_test_load_seed_bytes (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (name);
  KessanFiling *filing = kessan_parse_release (bytes, base, &error);

  g_assert_no_error (error);
  g_assert_nonnull (filing);
  return filing;
}

static KessanLineItem *
find_row (KessanStatement *statement,
          const char      *label,
          guint            nth)
{
  for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);

      if (g_strcmp0 (kessan_line_item_get_label (row), label) == 0 && nth-- == 0)
        return row;
    }
  g_error ("no row “%s” in %s", label, kessan_statement_get_id (statement));
  return NULL;
}

static void
assert_row (KessanStatement *statement,
            const char      *label,
            guint            nth,
            double           first,
            double           second)
{
  KessanLineItem *row = find_row (statement, label, nth);

  g_assert_true (kessan_line_item_has_value (row, 0));
  g_assert_true (kessan_line_item_has_value (row, 1));
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (row, 0), first, 1e-9);
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (row, 1), second, 1e-9);
}

/* Refused with @code, or @other when it is not -1, within seconds. */
static void
assert_refused (const char *data,
                gssize      length,
                const char *name,
                int         code,
                int         other)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length < 0 ? strlen (data) : (gsize) length);
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  gint64 start = g_get_monotonic_time ();

  filing = kessan_parse_release (bytes, name, &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
  g_assert_null (filing);
  g_assert_nonnull (error);
  if (other >= 0 && g_error_matches (error, KESSAN_ERROR, other))
    code = other;
  g_assert_error (error, KESSAN_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
}

/* An EDGAR exhibit: "$" and ")" in cells of their own, a two-row header
 * of spanning cells, headings in rows of their own, a hidden block. */
static void
test_html_exhibit (void)
{
  g_autoptr(KessanFiling) filing = parse_seed ("structured/exhibit.htm");
  KessanStatement *income;
  KessanColumn *column;
  const KessanSourcePlace *place;

  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "Apple Inc.");
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 1);
  income = kessan_filing_get_statement (filing, 0);
  g_assert_cmpint (kessan_statement_get_kind (income), ==, KESSAN_STATEMENT_KIND_INCOME);
  g_assert_cmpstr (kessan_statement_get_title (income), ==,
                   "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (Unaudited)");
  g_assert_cmpuint (kessan_statement_get_n_columns (income), ==, 2);

  column = kessan_statement_get_column (income, 0);
  g_assert_cmpstr (kessan_column_get_period_end (column), ==, "2023-12-30");
  g_assert_cmpuint (kessan_column_get_months (column), ==, 3);
  g_assert_cmpuint (kessan_column_get_scale (column), ==, 1000000);
  /* The "$" cells joined to their numbers say the currency. */
  g_assert_cmpstr (kessan_column_get_currency_code (column), ==, "USD");
  g_assert_cmpstr (kessan_column_get_header (column), ==, "Three Months Ended / December 30, 2023");
  column = kessan_statement_get_column (income, 1);
  g_assert_cmpstr (kessan_column_get_period_end (column), ==, "2022-12-31");
  g_assert_cmpstr (kessan_column_get_header (column), ==, "Three Months Ended / December 31, 2022");

  assert_row (income, "Products", 0, 96458, 96388);
  assert_row (income, "Services", 0, 23117, 20766);
  assert_row (income, "Total net sales", 0, 119575, 117154);
  assert_row (income, "Products", 1, 58440, 60765);
  assert_row (income, "Other income/(expense), net", 0, -50, -393);
  assert_row (income, "Net income", 0, 33916, 29998);
  assert_row (income, "Diluted", 0, 2.18, 1.88);
  g_assert_true (kessan_line_item_get_heading (find_row (income, "Net sales", 0)));

  /* The hidden block printed no line. */
  g_assert_null (strstr (kessan_filing_get_text (filing), "Hidden"));

  /* Each row's line came from its tr. */
  g_assert_cmpuint (kessan_filing_get_n_parts (filing), ==, 1);
  g_assert_cmpstr (kessan_filing_get_part (filing, 0)->format, ==, "html");
  place = kessan_filing_find_place (filing, kessan_line_item_get_line (find_row (income, "Net income", 0)));
  g_assert_nonnull (place);
  g_assert_cmpstr (place->element, ==, "/html/body/table/tr[20]");
}

/* What a browser shows of a page with unclosed and stray tags is read. */
static void
test_html_malformed (void)
{
  static const char page[] =
    "<html><body><p>Results of Operations<p>(In millions)"
    "<table><tr><td>Year<th>2024<th>2023"
    "<tr><td>Revenue<td>1,200<td>1,100</b>"
    "<tr><td>Operating income<td>300<td>250</span></i>"
    "<tr><td>Net income<td>200<td>180"
    "</table></div></div></body>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, sizeof page - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = kessan_parse_release (bytes, "broken.html", &error);
  KessanStatement *statement;

  g_assert_no_error (error);
  statement = kessan_filing_get_statement (filing, 0);
  assert_row (statement, "Revenue", 0, 1200, 1100);
  assert_row (statement, "Net income", 0, 200, 180);
}

/* Rows spanned by a cell above keep their numbers in their own columns. */
static void
test_html_rowspan (void)
{
  static const char page[] =
    "<html><body><p>(In millions of yen)</p><table>"
    "<tr><th rowspan=\"2\">Item</th><th colspan=\"2\">Fiscal year</th></tr>"
    "<tr><th>2024</th><th>2023</th></tr>"
    "<tr><td>Net sales</td><td>5,000</td><td>4,500</td></tr>"
    "<tr><td>Operating profit</td><td>700</td><td>650</td></tr>"
    "</table></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, sizeof page - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = kessan_parse_release (bytes, "spans.html", &error);
  KessanStatement *statement;

  g_assert_no_error (error);
  statement = kessan_filing_get_statement (filing, 0);
  g_assert_cmpuint (kessan_statement_get_n_columns (statement), ==, 2);
  assert_row (statement, "Net sales", 0, 5000, 4500);
  assert_row (statement, "Operating profit", 0, 700, 650);
}

/* Cells holding only zero-width spaces, as filing tools write empty
 * cells, are empty: they add no column. */
static void
test_html_zero_width (void)
{
  static const char page[] =
    "<html><body><p>(In thousands)</p><table>"
    "<tr><td>\u200b</td><td>\u200b</td><td>Three Months Ended</td><td>\u200b</td><td>Three Months Ended</td></tr>"
    "<tr><td>\u200b</td><td>\u200b</td><td>September 30, 2023</td><td>\u200b</td><td>September 30, 2022</td></tr>"
    "<tr><td>Revenue</td><td>\u200b</td><td>$5,000</td><td>\u200b</td><td>$4,500</td></tr>"
    "<tr><td>Operating loss</td><td>\u200b</td><td>(700)</td><td>\u200b</td><td>(650)</td></tr>"
    "</table></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, sizeof page - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = kessan_parse_release (bytes, "zero-width.html", &error);
  KessanStatement *statement;

  g_assert_no_error (error);
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 1);
  statement = kessan_filing_get_statement (filing, 0);
  g_assert_cmpuint (kessan_statement_get_n_columns (statement), ==, 2);
  assert_row (statement, "Revenue", 0, 5000, 4500);
  assert_row (statement, "Operating loss", 0, -700, -650);
  g_assert_cmpstr (kessan_column_get_period_end (kessan_statement_get_column (statement, 0)), ==, "2023-09-30");
  g_assert_cmpuint (kessan_column_get_months (kessan_statement_get_column (statement, 0)), ==, 3);
  g_assert_cmpstr (kessan_column_get_currency_code (kessan_statement_get_column (statement, 0)), ==, "USD");
  g_assert_cmpuint (kessan_column_get_scale (kessan_statement_get_column (statement, 0)), ==, 1000);
}

/* An early EDGAR filing: fixed-width text with EDGAR's table markers
 * wrapped in <html><body>, no table cells.  It is read as printed, its
 * columns kept apart and its entities decoded. */
static void
test_html_dressed_text (void)
{
  g_autoptr(KessanFiling) filing = parse_seed ("structured/dressed-text.htm");
  KessanStatement *statement;
  KessanColumn *column;

  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 1);
  statement = kessan_filing_get_statement (filing, 0);
  g_assert_cmpuint (kessan_statement_get_n_columns (statement), ==, 3);
  assert_row (statement, "Premium income", 0, 20771, 14980);
  assert_row (statement, "Total revenues", 0, 30383, 21670);
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (find_row (statement, "Net income", 0), 2), 1247, 1e-9);
  column = kessan_statement_get_column (statement, 0);
  g_assert_cmpstr (kessan_column_get_period_end (column), ==, "2000-12-31");
  g_assert_cmpuint (kessan_column_get_months (column), ==, 12);
  g_assert_cmpstr (kessan_column_get_currency_code (column), ==, "EUR");
  g_assert_cmpuint (kessan_column_get_scale (column), ==, 1000000);
  g_assert_nonnull (strstr (kessan_filing_get_text (filing), "Figures & ratios are stated in EUR \u2014 see note."));
  g_assert_null (strstr (kessan_filing_get_text (filing), "<div>"));
}

/* A table of sections prints its column headers once, above the title
 * of its first section: every section takes its periods, currency and
 * scale from them, a balance sheet's as points in time, and a ratio in
 * the last row leaves a column of amounts one. */
static void
test_html_dressed_sections (void)
{
  g_autoptr(KessanFiling) filing = parse_seed ("structured/dressed-sections.htm");
  KessanStatement *income, *balance;

  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 2);
  income = kessan_filing_get_statement (filing, 0);
  balance = kessan_filing_get_statement (filing, 1);
  g_assert_cmpint (kessan_statement_get_kind (income), ==, KESSAN_STATEMENT_KIND_INCOME);
  g_assert_cmpint (kessan_statement_get_kind (balance), ==, KESSAN_STATEMENT_KIND_BALANCE);
  /* Footnote letters are no part of a label. */
  assert_row (income, "Total revenues", 0, 30755, 22374);
  assert_row (income, "Net income", 0, 2066, 1570);
  assert_row (balance, "Total assets", 0, 244216, 228808);
  for (guint c = 0; c < 4; c++)
    {
      KessanColumn *a = kessan_statement_get_column (income, c);
      KessanColumn *b = kessan_statement_get_column (balance, c);
      g_autofree char *end = g_strdup_printf ("%u-12-31", 2000 - c);

      g_assert_cmpstr (kessan_column_get_period_end (a), ==, end);
      g_assert_cmpuint (kessan_column_get_months (a), ==, 12);
      g_assert_cmpstr (kessan_column_get_currency_code (a), ==, "EUR");
      g_assert_cmpuint (kessan_column_get_scale (a), ==, 1000000);
      g_assert_cmpstr (kessan_column_get_period_end (b), ==, end);
      g_assert_cmpuint (kessan_column_get_months (b), ==, 0);
      g_assert_cmpstr (kessan_column_get_currency_code (b), ==, "EUR");
      g_assert_cmpuint (kessan_column_get_scale (b), ==, 1000000);
      g_assert_cmpint (kessan_column_get_unit (b), ==, KESSAN_UNIT_CURRENCY);
    }
}

/* A US exhibit's statement of income: durations in cells spanning two
 * columns each, the dates under them; per-share rows set in by their
 * cells' padding under a heading that names them. */
static void
test_html_spanned_weeks (void)
{
  static const char page[] =
    "<html><body><p>CONSOLIDATED STATEMENTS OF INCOME</p><p>(Amounts in Thousands Except Per Share Amounts)</p>"
    "<table>"
    "<tr><td></td><td colspan=\"2\">Thirteen Weeks Ended</td><td colspan=\"2\">Thirty-Nine Weeks Ended</td></tr>"
    "<tr><td></td><td>November 2, 2024</td><td>October 28, 2023</td>"
    "<td>November 2, 2024</td><td>October 28, 2023</td></tr>"
    "<tr><td style=\"padding:2px 1pt\">SALES, Net of returns and allowances</td>"
    "<td>$293,618</td><td>$303,457</td><td>$838,490</td><td>$878,719</td></tr>"
    "<tr><td style=\"padding:2px 1pt\">NET INCOME</td>"
    "<td>$44,172</td><td>$51,762</td><td>$118,270</td><td>$140,338</td></tr>"
    "<tr><td style=\"padding:2px 1pt\">EARNINGS PER SHARE:</td><td></td><td></td><td></td><td></td></tr>"
    "<tr><td style=\"padding:2px 1pt 2px 7.75pt\">Basic</td>"
    "<td>$0.89</td><td>$1.05</td><td>$2.37</td><td>$2.83</td></tr>"
    "<tr><td><p style=\"margin-left: 10px\">Diluted</p></td>"
    "<td>$0.88</td><td>$1.04</td><td>$2.35</td><td>$2.81</td></tr>"
    "</table></body></html>";
  static const guint months[] = { 3, 3, 9, 9 };
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, sizeof page - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = kessan_parse_release (bytes, "weeks.htm", &error);
  KessanStatement *statement;

  g_assert_no_error (error);
  statement = kessan_filing_get_statement (filing, 0);
  g_assert_cmpuint (kessan_statement_get_n_columns (statement), ==, 4);
  for (guint c = 0; c < 4; c++)
    {
      KessanColumn *column = kessan_statement_get_column (statement, c);

      g_assert_cmpstr (kessan_column_get_period_end (column), ==, c % 2 == 0 ? "2024-11-02" : "2023-10-28");
      g_assert_cmpuint (kessan_column_get_months (column), ==, months[c]);
      g_assert_cmpuint (kessan_column_get_scale (column), ==, 1000);
    }
  assert_row (statement, "NET INCOME", 0, 44172, 51762);
  g_assert_cmpint (kessan_line_item_get_unit (find_row (statement, "NET INCOME", 0)), ==, KESSAN_UNIT_NONE);
  assert_row (statement, "Basic", 0, 0.89, 1.05);
  g_assert_cmpint (kessan_line_item_get_unit (find_row (statement, "Basic", 0)), ==, KESSAN_UNIT_PER_SHARE);
  g_assert_cmpint (kessan_line_item_get_unit (find_row (statement, "Diluted", 0)), ==, KESSAN_UNIT_PER_SHARE);
}

static void
test_html_deep (void)
{
  GString *page = g_string_new ("<html><body>");

  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<table><tr><td>Revenue<td>1<td>2</table>");
  /* Refused for its depth, or read without what lies too deep. */
  assert_refused (page->str, page->len, "deep.html", KESSAN_ERROR_MARKUP, KESSAN_ERROR_NOT_RELEASE);
  g_string_free (page, TRUE);
}

/* A page of 30 MB, a table of some 600,000 rows, is read in bounded time
 * and its rows are named without counting their siblings again. */
static void
test_html_large (void)
{
  GString *page = g_string_new ("<html><body><p>(In millions)</p><table>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  gint64 start;
  guint rows = 0;

  while (page->len < 30 * 1000 * 1000)
    {
      g_string_append_printf (page, "<tr><td>Item %u</td><td>%u</td><td>%u</td></tr>\n", rows, rows + 1, rows + 2);
      rows++;
    }
  g_string_append (page, "</table></body></html>");
  bytes = g_bytes_new_take (page->str, page->len);
  g_string_free (page, FALSE);

  start = g_get_monotonic_time ();
  filing = kessan_parse_release (bytes, "large.html", &error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 120 * G_USEC_PER_SEC);
  g_assert_no_error (error);
  g_assert_cmpuint (kessan_statement_get_n_rows (kessan_filing_get_statement (filing, 0)), ==, rows);
}

static KessanColumn *
column_at (KessanStatement *statement,
           guint            c)
{
  return kessan_statement_get_column (statement, c);
}

static guint
count_findings (KessanFiling *filing,
                const char   *check)
{
  guint n = 0;

  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    n += g_strcmp0 (kessan_finding_get_check (kessan_filing_get_finding (filing, i)), check) == 0;
  return n;
}

/* A balance sheet in inline XBRL: scale 6, △ printed with sign="-",
 * each column's date and currency from its facts. */
static void
test_ixbrl_balance (void)
{
  g_autoptr(KessanFiling) filing = parse_seed ("structured/bs-ixbrl.htm");
  KessanStatement *balance;
  KessanLineItem *row;
  const KessanFact *fact;

  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 1);
  balance = kessan_filing_get_statement (filing, 0);
  g_assert_cmpint (kessan_statement_get_kind (balance), ==, KESSAN_STATEMENT_KIND_BALANCE);
  g_assert_cmpuint (kessan_statement_get_n_columns (balance), ==, 2);
  for (guint c = 0; c < 2; c++)
    {
      g_assert_cmpstr (kessan_column_get_period_end (column_at (balance, c)), ==, c == 0 ? "2023-03-31" : "2024-03-31");
      g_assert_null (kessan_column_get_period_start (column_at (balance, c)));
      g_assert_cmpuint (kessan_column_get_months (column_at (balance, c)), ==, 0);
      g_assert_cmpstr (kessan_column_get_currency_code (column_at (balance, c)), ==, "JPY");
      g_assert_cmpuint (kessan_column_get_scale (column_at (balance, c)), ==, 1000000);
    }

  assert_row (balance, "現金及び預金", 0, 52310, 61804);
  assert_row (balance, "資産合計", 0, 201000, 217000);
  assert_row (balance, "自己株式", 0, -1234, -2234);

  /* Concepts from elements: mapped by the dictionary, or the element. */
  g_assert_cmpstr (kessan_line_item_get_concept (find_row (balance, "資産合計", 0)), ==, "assets.total");
  g_assert_cmpstr (kessan_line_item_get_concept (find_row (balance, "利益剰余金", 0)), ==, "jppfs_cor:RetainedEarnings");

  row = find_row (balance, "自己株式", 0);
  fact = kessan_line_item_get_fact (row, 1);
  g_assert_nonnull (fact);
  g_assert_cmpstr (fact->name, ==, "jppfs_cor:TreasuryStock");
  g_assert_cmpstr (fact->context, ==, "CurrentYearInstant");
  g_assert_cmpstr (fact->unit, ==, "JPY");
  g_assert_cmpint (fact->scale, ==, 6);
  g_assert_cmpint (fact->decimals, ==, -6);
  g_assert_true (fact->negated);

  /* The hidden fact of the header prints nothing. */
  g_assert_null (strstr (kessan_filing_get_text (filing), "77"));
  g_assert_cmpstr (kessan_company_get_id (kessan_filing_get_company_info (filing), KESSAN_COMPANY_ID_SECURITIES_CODE),
                   ==, "79990");
  g_assert_cmpuint (count_findings (filing, "fact"), ==, 0);
  g_assert_cmpuint (count_findings (filing, "truncated"), ==, 0);
  g_assert_cmpstr (kessan_filing_get_part (filing, 0)->format, ==, "ixbrl");
}

/* The same balance sheet as text gives the same numbers. */
static void
test_ixbrl_same_as_text (void)
{
  g_autoptr(KessanFiling) tagged = parse_seed ("structured/bs-ixbrl.htm");
  g_autoptr(KessanFiling) text = parse_seed ("structured/bs.txt");

  kessan_test_assert_same_numbers (tagged, text);
}

/* Results, forecasts with their range, and a non-consolidated table are
 * told apart by their contexts, not by their headers. */
static void
test_ixbrl_forecasts (void)
{
  g_autoptr(KessanFiling) filing = parse_seed ("structured/summary-ixbrl.htm");
  KessanStatement *results, *parent;
  const KessanScenario scenarios[] = {
    KESSAN_SCENARIO_ACTUAL, KESSAN_SCENARIO_ACTUAL, KESSAN_SCENARIO_FORECAST,
    KESSAN_SCENARIO_FORECAST_UPPER, KESSAN_SCENARIO_FORECAST_LOWER,
  };
  const char * const *members;

  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "サンプル工業株式会社");
  g_assert_cmpstr (kessan_filing_get_released (filing), ==, "2024-05-10");
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 2);
  results = kessan_filing_get_statement (filing, 0);
  g_assert_cmpuint (kessan_statement_get_n_columns (results), ==, 5);
  /* The second header row heads its columns and is no row of its own. */
  g_assert_cmpuint (kessan_statement_get_n_rows (results), ==, 5);
  g_assert_cmpstr (kessan_column_get_header (column_at (results, 3)), ==, "2025年3月期(予想) / 上限");
  for (guint c = 0; c < 5; c++)
    {
      KessanColumn *column = column_at (results, c);

      g_assert_cmpint (kessan_column_get_scenario (column), ==, scenarios[c]);
      g_assert_cmpuint (kessan_column_get_months (column), ==, 12);
      g_assert_cmpuint (kessan_column_get_scale (column), ==, 1000000);
      g_assert_cmpstr (kessan_column_get_currency_code (column), ==, "JPY");
    }
  g_assert_cmpstr (kessan_column_get_period_start (column_at (results, 0)), ==, "2022-04-01");
  g_assert_cmpstr (kessan_column_get_period_end (column_at (results, 1)), ==, "2024-03-31");
  g_assert_cmpstr (kessan_column_get_period_end (column_at (results, 4)), ==, "2025-03-31");
  members = kessan_column_get_members (column_at (results, 3));
  g_assert_nonnull (members);
  g_assert_cmpstr (members[0], ==, "tse-ed-t:ResultForecastAxis=tse-ed-t:ForecastMember");
  g_assert_cmpstr (members[1], ==, "tse-ed-t:ForecastRangeAxis=tse-ed-t:UpperMember");

  {
    KessanLineItem *sales = find_row (results, "売上高", 0);
    const double expected[] = { 245310, 258200, 265000, 270000, 260000 };

    for (guint c = 0; c < 5; c++)
      g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (sales, c), expected[c], 1e-9);
    g_assert_cmpstr (kessan_line_item_get_concept (sales), ==, "revenues.net_sales");
  }
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (find_row (results, "特別損益", 0), 1), -1020, 1e-9);
  g_assert_cmpstr (kessan_line_item_get_concept (find_row (results, "経常利益", 0)), ==, "ordinary_income");
  g_assert_cmpstr (kessan_line_item_get_concept (find_row (results, "特別損益", 0)), ==, "tse-ed-t:ExtraordinaryIncomeLoss");

  parent = kessan_filing_get_statement (filing, 1);
  g_assert_cmpint (kessan_column_get_consolidation (column_at (parent, 0)), ==, KESSAN_CONSOLIDATION_NON_CONSOLIDATED);
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (find_row (parent, "売上高", 0), 0), 150220, 1e-9);
}

static void
assert_period (KessanColumn *column,
               const char   *start,
               const char   *end,
               guint         months)
{
  g_assert_cmpstr (kessan_column_get_period_start (column), ==, start);
  g_assert_cmpstr (kessan_column_get_period_end (column), ==, end);
  g_assert_cmpuint (kessan_column_get_months (column), ==, months);
}

/* A 決算短信 summary laid out as TDnet prints it: a table of tables,
 * periods as rows, an amount and its change in percent per item, the
 * per-share amounts in a table of their own.  Its statements are built
 * from the facts: an item per row, a period per column, each cell's
 * unit from its fact. */
static void
test_ixbrl_item_columns (void)
{
  g_autoptr(KessanFiling) filing = parse_seed ("structured/summary-columns-ixbrl.htm");
  KessanStatement *results, *position, *forecast;
  KessanLineItem *row;

  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "見本金属工業株式会社");
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 3);
  results = kessan_filing_get_statement (filing, 0);
  position = kessan_filing_get_statement (filing, 1);
  forecast = kessan_filing_get_statement (filing, 2);

  g_assert_cmpuint (kessan_statement_get_n_columns (results), ==, 2);
  assert_period (column_at (results, 0), "2024-05-01", "2024-07-31", 3);
  assert_period (column_at (results, 1), "2023-05-01", "2023-07-31", 3);
  for (guint c = 0; c < 2; c++)
    {
      g_assert_cmpstr (kessan_column_get_currency_code (column_at (results, c)), ==, "JPY");
      g_assert_cmpuint (kessan_column_get_scale (column_at (results, c)), ==, 1000000);
      g_assert_cmpint (kessan_column_get_scenario (column_at (results, c)), ==, KESSAN_SCENARIO_ACTUAL);
      g_assert_cmpint (kessan_column_get_consolidation (column_at (results, c)), ==, KESSAN_CONSOLIDATION_CONSOLIDATED);
    }
  assert_row (results, "売上高", 0, 2732, 1646);
  g_assert_cmpint (kessan_line_item_get_unit (find_row (results, "売上高", 0)), ==, KESSAN_UNIT_NONE);
  assert_row (results, "売上高(%)", 0, 66.0, -32.6);
  g_assert_cmpint (kessan_line_item_get_unit (find_row (results, "売上高(%)", 0)), ==, KESSAN_UNIT_PERCENT);
  assert_row (results, "営業利益", 0, 470, -51);
  assert_row (results, "経常利益", 0, 467, 73);
  assert_row (results, "親会社株主に帰属する四半期純利益", 0, 331, 68);
  /* The note of one row and the per-share table go on with the same
   * periods: they are rows of the same statement. */
  assert_row (results, "(注)包括利益", 0, 258, 64);
  assert_row (results, "(注)包括利益(%)", 0, 301.5, 31.9);
  row = find_row (results, "1株当たり四半期純利益", 0);
  assert_row (results, "1株当たり四半期純利益", 0, 244.05, 50.77);
  g_assert_cmpint (kessan_line_item_get_unit (row), ==, KESSAN_UNIT_PER_SHARE);
  g_assert_cmpstr (kessan_line_item_get_fact (row, 1)->context, ==, "PriorAccumulatedQ1Duration_ConsolidatedMember_ResultMember");
  g_assert_true (kessan_line_item_get_fact (find_row (results, "営業利益", 0), 1)->negated);

  assert_period (column_at (position, 0), NULL, "2024-07-31", 0);
  assert_period (column_at (position, 1), NULL, "2024-04-30", 0);
  g_assert_cmpuint (kessan_column_get_scale (column_at (position, 1)), ==, 1000000);
  assert_row (position, "総資産", 0, 14826, 14452);
  assert_row (position, "自己資本比率", 0, 83.6, 84.7);
  g_assert_cmpint (kessan_line_item_get_unit (find_row (position, "自己資本比率", 0)), ==, KESSAN_UNIT_PERCENT);

  /* The nil upper bounds of the range add no column. */
  g_assert_cmpuint (kessan_statement_get_n_columns (forecast), ==, 2);
  assert_period (column_at (forecast, 0), "2024-05-01", "2024-10-31", 6);
  assert_period (column_at (forecast, 1), "2024-05-01", "2025-04-30", 12);
  g_assert_cmpint (kessan_column_get_scenario (column_at (forecast, 1)), ==, KESSAN_SCENARIO_FORECAST);
  assert_row (forecast, "売上高", 0, 4800, 9600);
  assert_row (forecast, "1株当たり当期純利益", 0, 265.15, 522.94);
  g_assert_cmpuint (count_findings (filing, "fact"), ==, 0);
}

static KessanFiling *parse_text (const char *text,
                                 const char *name);

/* Each row of @tagged's first statement has the concept of the row of
 * the same label in @text's: a line item gets the same concept whether
 * its element or its printed label says it. */
static void
assert_same_concepts (KessanFiling       *tagged,
                      KessanFiling       *text,
                      const char * const *labels)
{
  KessanStatement *a = kessan_filing_get_statement (tagged, 0);
  KessanStatement *b = kessan_filing_get_statement (text, 0);

  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *from_element = kessan_line_item_get_concept (find_row (a, labels[i], 0));
      const char *from_label = kessan_line_item_get_concept (find_row (b, labels[i], 0));

      g_assert_nonnull (kessan_line_item_get_fact (find_row (a, labels[i], 0), 0));
      g_assert_cmpstr (from_element, ==, from_label);
    }
}

static void
test_ixbrl_concepts_as_text (void)
{
  static const char japanese[] =
    "2024年3月期 決算短信〔日本基準〕(連結)\n\n"
    "１．2024年3月期の連結業績\n\n"
    "(単位：百万円)\n"
    "                                    2023年3月期     2024年3月期\n"
    "売上高                                 245,310        258,200\n"
    "営業利益                                18,420         21,050\n"
    "経常利益                                19,010         21,880\n"
    "親会社株主に帰属する当期純利益          12,900         14,630\n";
  static const char * const japanese_labels[] = {
    "売上高", "営業利益", "経常利益", "親会社株主に帰属する当期純利益", NULL,
  };
  static const char english_text[] =
    "CONSOLIDATED STATEMENTS OF OPERATIONS\n"
    "(In millions, except per share amounts)\n\n"
    "                                  Year Ended December 31,\n"
    "                                     2024          2023\n"
    "Net sales                          $ 5,000       $ 4,500\n"
    "Operating income                       700           650\n"
    "Net income                             500           450\n"
    "Diluted earnings per share            1.25          1.10\n"
    "Total revenues                        5,000         4,500\n";
  static const char * const english_labels[] = {
    "Net sales", "Operating income", "Net income", "Diluted earnings per share", "Total revenues", NULL,
  };
  g_autofree char *english_tagged = NULL;
  g_autoptr(KessanFiling) tagged = parse_seed ("structured/summary-ixbrl.htm");
  g_autoptr(KessanFiling) text = parse_text (japanese, "summary.txt");
  g_autoptr(KessanFiling) us_tagged = NULL;
  g_autoptr(KessanFiling) us_text = parse_text (english_text, "results.txt");
  GString *page = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\" "
    "xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\" "
    "xmlns:us-gaap=\"http://fasb.org/us-gaap/2024\"><body>\n"
    "<div style=\"display:none\"><ix:header><ix:resources>"
    "<xbrli:context id=\"FY2024\"><xbrli:entity><xbrli:identifier scheme=\"http://www.sec.gov/CIK\">0000000001</xbrli:identifier></xbrli:entity>"
    "<xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>"
    "<xbrli:context id=\"FY2023\"><xbrli:entity><xbrli:identifier scheme=\"http://www.sec.gov/CIK\">0000000001</xbrli:identifier></xbrli:entity>"
    "<xbrli:period><xbrli:startDate>2023-01-01</xbrli:startDate><xbrli:endDate>2023-12-31</xbrli:endDate></xbrli:period></xbrli:context>"
    "<xbrli:unit id=\"USD\"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>"
    "<xbrli:unit id=\"USDPerShare\"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unitNumerator>"
    "<xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator></xbrli:divide></xbrli:unit>"
    "</ix:resources></ix:header></div>\n"
    "<p>CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>(In millions, except per share amounts)</p>\n"
    "<table><tr><td></td><td>Year Ended December 31, 2024</td><td>Year Ended December 31, 2023</td></tr>\n");
  static const struct { const char *label, *element, *unit, *scale, *values[2]; } rows[] = {
    { "Net sales", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", "USD", "6", { "5,000", "4,500" } },
    { "Operating income", "us-gaap:OperatingIncomeLoss", "USD", "6", { "700", "650" } },
    { "Net income", "us-gaap:NetIncomeLoss", "USD", "6", { "500", "450" } },
    { "Diluted earnings per share", "us-gaap:EarningsPerShareDiluted", "USDPerShare", "0", { "1.25", "1.10" } },
    { "Total revenues", "us-gaap:Revenues", "USD", "6", { "5,000", "4,500" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_string_append_printf (page, "<tr><td>%s</td>", rows[i].label);
      for (guint c = 0; c < 2; c++)
        g_string_append_printf (page, "<td>%s<ix:nonFraction name=\"%s\" contextRef=\"%s\" unitRef=\"%s\" decimals=\"%s\" scale=\"%s\">%s</ix:nonFraction></td>",
                                i == 0 ? "$" : "", rows[i].element, c == 0 ? "FY2024" : "FY2023", rows[i].unit,
                                rows[i].scale[0] == '6' ? "-6" : "2", rows[i].scale, rows[i].values[c]);
      g_string_append (page, "</tr>\n");
    }
  g_string_append (page, "</table></body></html>\n");
  english_tagged = g_string_free (page, FALSE);
  us_tagged = parse_text (english_tagged, "results-ixbrl.htm");

  assert_same_concepts (tagged, text, japanese_labels);
  g_assert_cmpstr (kessan_line_item_get_concept (find_row (kessan_filing_get_statement (tagged, 0), "売上高", 0)), ==,
                   "revenues.net_sales");
  assert_same_concepts (us_tagged, us_text, english_labels);
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (find_row (kessan_filing_get_statement (us_tagged, 0), "Diluted earnings per share", 0), 0),
                                  1.25, 1e-9);
}

/* An IFRS statement tagged with the IFRS elements of the Japanese
 * taxonomy: the standard from its tags, durations of three months. */
static void
test_ixbrl_ifrs (void)
{
  g_autoptr(KessanFiling) filing = parse_seed ("structured/ifrs-ixbrl.htm");
  KessanStatement *income = kessan_filing_get_statement (filing, 0);

  g_assert_cmpint (kessan_filing_get_accounting_standard (filing), ==, KESSAN_STANDARD_IFRS);
  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "見本電機株式会社");
  g_assert_cmpint (kessan_statement_get_kind (income), ==, KESSAN_STATEMENT_KIND_INCOME);
  g_assert_cmpstr (kessan_column_get_period_start (column_at (income, 1)), ==, "2024-04-01");
  g_assert_cmpstr (kessan_column_get_period_end (column_at (income, 1)), ==, "2024-06-30");
  g_assert_cmpuint (kessan_column_get_months (column_at (income, 1)), ==, 3);
  g_assert_cmpstr (kessan_filing_get_period_end (filing), ==, "2024-06-30");
  assert_row (income, "売上収益", 0, 84512, 91306);
  assert_row (income, "売上原価", 0, -60208, -64877);
  g_assert_cmpstr (kessan_line_item_get_concept (find_row (income, "売上収益", 0)), ==, "revenues.net_sales");
  g_assert_cmpstr (kessan_line_item_get_concept (find_row (income, "親会社の所有者", 0)), ==, "net_income.parent");
  g_assert_cmpstr (kessan_line_item_get_concept (find_row (income, "売上総利益", 0)), ==, "jpigp_cor:GrossProfitIFRS");
  g_assert_cmpuint (count_findings (filing, "fact"), ==, 0);
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

static KessanFiling *
parse_text (const char *text,
            const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  KessanFiling *filing = kessan_parse_release (bytes, name, &error);

  g_assert_no_error (error);
  return filing;
}

/* A printed number that is not its tagged fact is a finding; so is a
 * sign printed against the fact's. */
static void
test_ixbrl_mismatch (void)
{
  g_autofree char *page = kessan_test_load_seed ("structured/bs-ixbrl.htm", NULL);
  g_autofree char *wrong = replace (page, "<td>△<ix:nonFraction name=\"jppfs_cor:TreasuryStock\" contextRef=\"Prior1YearInstant\"",
                                    "<td><ix:nonFraction name=\"jppfs_cor:TreasuryStock\" contextRef=\"Prior1YearInstant\"");
  g_autoptr(KessanFiling) filing = NULL;

  g_assert_cmpstr (wrong, !=, page);
  filing = parse_text (wrong, "mismatch.htm");
  g_assert_cmpuint (count_findings (filing, "fact"), ==, 1);
}

/* "△" printed apart from its figure, in an element of its own (a
 * line break between them in the page), is still its minus sign. */
static void
test_ixbrl_triangle_apart (void)
{
  g_autofree char *page = kessan_test_load_seed ("structured/bs-ixbrl.htm", NULL);
  g_autofree char *apart = replace (page, "<td>△<ix:nonFraction name=\"jppfs_cor:TreasuryStock\" contextRef=\"Prior1YearInstant\"",
                                    "<td><span>△</span><span>\n<ix:nonFraction name=\"jppfs_cor:TreasuryStock\" contextRef=\"Prior1YearInstant\"");
  g_autofree char *closed = replace (apart, ">1,234</ix:nonFraction>", ">1,234</ix:nonFraction></span>");
  g_autoptr(KessanFiling) filing = NULL;

  g_assert_cmpstr (apart, !=, page);
  g_assert_cmpstr (closed, !=, apart);
  filing = parse_text (closed, "apart.htm");
  assert_row (kessan_filing_get_statement (filing, 0), "自己株式", 0, -1234, -2234);
  g_assert_cmpuint (count_findings (filing, "fact"), ==, 0);
}

/* A US balance sheet in inline XBRL with convertible preferred stock
 * between its liabilities and its deficit, and a non-controlling
 * interest: both are part of what the assets equal, and "$ (121,740)"
 * with the mark apart from its parenthesis is a figure. */
static void
test_ixbrl_mezzanine (void)
{
  g_autoptr(KessanFiling) filing = parse_seed ("structured/mezzanine-ixbrl.htm");
  KessanStatement *balance = kessan_filing_get_statement (filing, 0);

  assert_row (balance, "Total stockholders’ deficit", 0, -121740, -287500);
  g_assert_cmpstr (kessan_line_item_get_concept (find_row (balance, "Convertible preferred stock", 0)), ==,
                   "temporary_equity");
  g_assert_cmpstr (kessan_line_item_get_concept (find_row (balance, "Non-controlling interest", 0)), ==,
                   "minority_interest");
  kessan_filing_run_checks (filing);
  g_assert_cmpuint (count_findings (filing, "fact"), ==, 0);
  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);

      g_assert_cmpint (kessan_finding_get_severity (finding), !=, KESSAN_SEVERITY_ERROR);
    }
  g_assert_cmpuint (count_findings (filing, "balance"), ==, 0);

  /* Its share counts, printed in full in a table in thousands, are
   * counted in ones, through a library file too. */
  {
    KessanLineItem *shares = find_row (balance, "Shares of Class A common stock outstanding", 0);
    g_autofree char *json = kessan_filing_to_json (filing, TRUE);
    g_autoptr(KessanFiling) parsed = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_cmpuint (kessan_column_get_scale (column_at (balance, 0)), ==, 1000);
    g_assert_cmpint (kessan_line_item_get_unit (shares), ==, KESSAN_UNIT_SHARES);
    g_assert_cmpuint (kessan_line_item_get_scale (shares), ==, 1);
    g_assert_cmpuint (kessan_line_item_get_scale (find_row (balance, "Total assets", 0)), ==, 0);
    parsed = kessan_filing_new_from_json (json, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (kessan_line_item_get_scale (find_row (kessan_filing_get_statement (parsed, 0),
                                                            "Shares of Class A common stock outstanding", 0)), ==, 1);
  }
}

/* Facts that name contexts or units the document lacks are read, with a
 * finding; a continuation chain that loops ends. */
static void
test_ixbrl_missing_context (void)
{
  g_autofree char *page = kessan_test_load_seed ("structured/bs-ixbrl.htm", NULL);
  g_autofree char *no_context = replace (page, "<xbrli:context id=\"Prior1YearInstant\">", "<xbrli:context id=\"Elsewhere\">");
  g_autofree char *no_unit = replace (no_context, "<xbrli:unit id=\"JPY\">", "<xbrli:unit id=\"Yen\">");
  g_autofree char *looped = replace (no_unit, "<p>(1) 連結貸借対照表</p>",
                                     "<p><ix:nonNumeric name=\"tse-ed-t:CompanyName\" contextRef=\"CurrentYearInstant\" continuedAt=\"a\">A</ix:nonNumeric></p>"
                                     "<p><ix:continuation id=\"a\" continuedAt=\"b\">B</ix:continuation></p>"
                                     "<p><ix:continuation id=\"b\" continuedAt=\"a\">C</ix:continuation></p>"
                                     "<p>(1) 連結貸借対照表</p>");
  g_autoptr(KessanFiling) filing = parse_text (looped, "contexts.htm");
  KessanStatement *balance = kessan_filing_get_statement (filing, 0);

  g_assert_cmpuint (count_findings (filing, "fact-context"), ==, 1);
  g_assert_cmpuint (count_findings (filing, "fact-unit"), ==, 1);
  assert_row (balance, "資産合計", 0, 201000, 217000);
  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "ABC");
  g_assert_cmpstr (kessan_column_get_period_end (column_at (balance, 1)), ==, "2024-03-31");
}

static void
test_ixbrl_malformed (void)
{
  g_autofree char *page = kessan_test_load_seed ("structured/bs-ixbrl.htm", NULL);
  g_autofree char *broken = replace (page, "</table>", "</tabel>");
  g_autofree char *entity = replace (page, "<body>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><body>&e;");

  assert_refused (broken, -1, "broken-ixbrl.htm", KESSAN_ERROR_MARKUP, -1);
  assert_refused (entity, -1, "entity-ixbrl.htm", KESSAN_ERROR_MARKUP, -1);
}

/* Blank lines and a byte order mark before the XML declaration, as
 * filing tools write them, do not keep a document from being read. */
static void
test_ixbrl_leading_blanks (void)
{
  g_autofree char *page = kessan_test_load_seed ("structured/bs-ixbrl.htm", NULL);
  g_autofree char *padded = g_strconcat ("\xEF\xBB\xBF\n  \r\n\t\n", page, NULL);
  g_autoptr(KessanFiling) filing = parse_text (padded, "padded-ixbrl.htm");
  KessanStatement *balance = kessan_filing_get_statement (filing, 0);

  assert_row (balance, "資産合計", 0, 201000, 217000);
  g_assert_cmpstr (kessan_column_get_period_end (column_at (balance, 1)), ==, "2024-03-31");
  g_assert_cmpstr (kessan_column_get_currency_code (column_at (balance, 1)), ==, "JPY");
  g_assert_cmpuint (kessan_column_get_scale (column_at (balance, 1)), ==, 1000000);
  g_assert_nonnull (kessan_line_item_get_fact (find_row (balance, "資産合計", 0), 1));
}

static void
test_ixbrl_numbers (void)
{
  static const struct { const char *text, *format; double value; } cases[] = {
    { "1,234,567", "ixt:num-dot-decimal", 1234567 },
    { "1,234.5", "ixt:numdotdecimal", 1234.5 },
    { "1.234,5", "ixt:num-comma-decimal", 1234.5 },
    { "1 234,50", "ixt:numcommadecimal", 1234.5 },
    { "-", "ixt:zerodash", 0 },
    { "—", "ixt:fixed-zero", 0 },
    { "１２，３４５", "ixt-sec:numwordsen", 12345 },
    { "12円50銭", "ixt:numunitdecimal", 12.5 },
    { "３円", "ixt:num-unit-decimal", 3 },
    { "98.76", NULL, 98.76 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -1;

      g_assert_true (kessan_ixbrl_read_number (cases[i].text, cases[i].format, &value));
      g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9);
    }
}

/* A TDnet summary as an XBRL instance: nothing printed, its statements
 * built from its facts, the money shown in millions as its facts are
 * rounded, ratios in percent, the company from its tags; facts of
 * dividend quarters and nil facts are left out. */
static void
test_xbrl_instance (void)
{
  g_autoptr(KessanFiling) filing = parse_seed ("structured/summary-instance.xbrl");
  KessanStatement *results, *position;
  KessanLineItem *row;

  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "見本金属工業株式会社");
  g_assert_cmpstr (kessan_company_get_id (kessan_filing_get_company_info (filing), KESSAN_COMPANY_ID_SECURITIES_CODE),
                   ==, "79980");
  g_assert_cmpstr (kessan_filing_get_released (filing), ==, "2024-09-10");
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 2);
  results = kessan_filing_get_statement (filing, 0);
  position = kessan_filing_get_statement (filing, 1);

  g_assert_cmpuint (kessan_statement_get_n_columns (results), ==, 3);
  assert_period (column_at (results, 0), "2024-05-01", "2024-07-31", 3);
  assert_period (column_at (results, 1), "2023-05-01", "2023-07-31", 3);
  assert_period (column_at (results, 2), "2024-05-01", "2025-04-30", 12);
  g_assert_cmpint (kessan_column_get_scenario (column_at (results, 2)), ==, KESSAN_SCENARIO_FORECAST);
  for (guint c = 0; c < 3; c++)
    {
      g_assert_cmpstr (kessan_column_get_currency_code (column_at (results, c)), ==, "JPY");
      g_assert_cmpuint (kessan_column_get_scale (column_at (results, c)), ==, 1000000);
    }

  row = kessan_statement_get_row (results, 0);
  g_assert_cmpstr (kessan_line_item_get_concept (row), ==, "revenues.net_sales");
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (row, 0), 2732, 1e-9);
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (row, 1), 1646, 1e-9);
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (row, 2), 9600, 1e-9);
  g_assert_cmpstr (kessan_line_item_get_fact (row, 0)->name, ==, "tse-ed-t:NetSales");
  g_assert_cmpint (kessan_line_item_get_fact (row, 0)->scale, ==, 6);

  row = kessan_statement_get_row (results, 1);
  g_assert_cmpstr (kessan_line_item_get_concept (row), ==, "tse-ed-t:ChangeInNetSales");
  g_assert_cmpint (kessan_line_item_get_unit (row), ==, KESSAN_UNIT_PERCENT);
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (row, 0), 66.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (row, 1), -32.6, 1e-9);

  row = kessan_statement_get_row (results, 2);
  g_assert_cmpstr (kessan_line_item_get_concept (row), ==, "operating_income");
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (row, 1), -51, 1e-9);
  row = kessan_statement_get_row (results, 5);
  g_assert_cmpstr (kessan_line_item_get_concept (row), ==, "eps.basic");
  g_assert_cmpint (kessan_line_item_get_unit (row), ==, KESSAN_UNIT_PER_SHARE);
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (row, 0), 244.05, 1e-9);
  g_assert_cmpuint (kessan_statement_get_n_rows (results), ==, 6);

  assert_period (column_at (position, 0), NULL, "2024-07-31", 0);
  assert_period (column_at (position, 1), NULL, "2024-04-30", 0);
  g_assert_cmpuint (kessan_statement_get_n_columns (position), ==, 2);
  g_assert_cmpstr (kessan_line_item_get_concept (kessan_statement_get_row (position, 0)), ==, "assets.total");
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (kessan_statement_get_row (position, 0), 1), 14452, 1e-9);
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (kessan_statement_get_row (position, 2), 0), 83.6, 1e-9);
  g_assert_cmpuint (count_findings (filing, "fact"), ==, 0);
  g_assert_cmpstr (kessan_filing_get_part (filing, 0)->format, ==, "xbrl");
}

/* An instance that is not well-formed is refused; an entity it declares
 * is not loaded nor expanded. */
static void
test_xbrl_malformed (void)
{
  g_autofree char *doc = kessan_test_load_seed ("structured/summary-instance.xbrl", NULL);
  g_autofree char *broken = replace (doc, "</xbrli:xbrl>", "</xbrli:xbrel>");
  g_autofree char *entity = replace (doc, "<!-- A TDnet",
                                     "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><!-- &e; A TDnet");
  g_autofree char *entity_use = replace (entity, ">79980</tse-ed-t:SecuritiesCode>", ">&e;</tse-ed-t:SecuritiesCode>");

  g_autoptr(KessanFiling) filing = NULL;
  const char *code;

  assert_refused (broken, -1, "broken.xbrl", KESSAN_ERROR_MARKUP, -1);
  filing = parse_text (entity_use, "entity.xbrl");
  code = kessan_company_get_id (kessan_filing_get_company_info (filing), KESSAN_COMPANY_ID_SECURITIES_CODE);
  g_assert_true (code == NULL || strstr (code, "root") == NULL);
  g_assert_null (strstr (kessan_filing_get_text (filing), "root:"));
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 2);
}

/* An EDGAR submission: the header names the company, its CIK and the
 * filing date; the results exhibit is read, the 8-K around it is not. */
static void
test_edgar_submission (void)
{
  g_autoptr(KessanFiling) filing = parse_seed ("structured/submission.txt");
  g_autoptr(KessanFiling) exhibit = parse_seed ("structured/exhibit.htm");
  KessanCompany *company = kessan_filing_get_company_info (filing);
  static const char * const names[] = { "submission.txt (8-K)", "aapl-20240201.htm", "a8-kex991q1202412302023.htm", "logo.jpg" };
  static const char * const formats[] = { "edgar", "html", "html", "text" };

  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "Apple Inc.");
  g_assert_cmpstr (kessan_company_get_id (company, KESSAN_COMPANY_ID_CIK), ==, "0000320193");
  g_assert_cmpstr (kessan_filing_get_released (filing), ==, "2024-02-01");
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 1);
  kessan_test_assert_same_numbers (filing, exhibit);

  g_assert_cmpuint (kessan_filing_get_n_parts (filing), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpstr (kessan_filing_get_part (filing, i)->name, ==, names[i]);
      g_assert_cmpstr (kessan_filing_get_part (filing, i)->format, ==, formats[i]);
    }
  g_assert_nonnull (kessan_filing_get_part (filing, 2)->sha256);
  g_assert_cmpuint (kessan_filing_find_place (filing, kessan_statement_get_first_line (kessan_filing_get_statement (filing, 0)))->part, ==, 2);
}

/* An older submission's exhibit is text, its tables marked <TABLE>. */
static void
test_edgar_text_exhibit (void)
{
  static const char submission[] =
    "<SEC-DOCUMENT>0000000000-03-000001.txt : 20031121\n"
    "<SEC-HEADER>0000000000-03-000001.hdr.sgml : 20031121\n"
    "CONFORMED SUBMISSION TYPE:\t6-K\n"
    "FILED AS OF DATE:\t\t20031121\n"
    "\t\tCOMPANY CONFORMED NAME:\t\t\tINTERNET INITIATIVE JAPAN INC\n"
    "\t\tCENTRAL INDEX KEY:\t\t\t0001090633\n"
    "</SEC-HEADER>\n"
    "<DOCUMENT>\n<TYPE>6-K\n<SEQUENCE>1\n<FILENAME>form6k.txt\n<TEXT>\nCover page\n</TEXT>\n</DOCUMENT>\n"
    "<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>2\n<FILENAME>ex99.txt\n<TEXT>\n"
    "CONSOLIDATED STATEMENTS OF OPERATIONS\n"
    "(In thousands of yen)\n"
    "<TABLE>\n"
    "<S>                                 <C>            <C>\n"
    "                                    Sep. 30, 2002  Sep. 30, 2003\n"
    "Total revenues                        14,210,533     15,283,107\n"
    "Operating loss                          (412,071)      (110,231)\n"
    "</TABLE>\n"
    "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
  g_autoptr(KessanFiling) filing = parse_text (submission, "0000000000-03-000001.txt");
  KessanStatement *statement = kessan_filing_get_statement (filing, 0);

  g_assert_cmpstr (kessan_company_get_id (kessan_filing_get_company_info (filing), KESSAN_COMPANY_ID_CIK), ==, "0001090633");
  g_assert_cmpstr (kessan_filing_get_released (filing), ==, "2003-11-21");
  assert_row (statement, "Total revenues", 0, 14210533, 15283107);
  assert_row (statement, "Operating loss", 0, -412071, -110231);
  g_assert_cmpstr (kessan_filing_get_part (filing, 2)->format, ==, "text");
}

static void
test_edgar_empty (void)
{
  assert_refused ("<SEC-DOCUMENT>x.txt : 20240101\n<SEC-HEADER>x\nFILED AS OF DATE:\t20240101\n</SEC-HEADER>\n",
                  -1, "empty-submission.txt", KESSAN_ERROR_NOT_RELEASE, -1);
}

/* A zip made here, of @n entries named and filled as given. */
static GBytes *
make_zip (const char * const *names,
          GBytes * const     *bodies,
          guint               n)
{
  gsize capacity = 16 * 1024 * 1024, used = 0;
  guint8 *buffer = g_malloc (capacity);
  struct archive *zip = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (zip), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_memory (zip, buffer, capacity, &used), ==, ARCHIVE_OK);
  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize length;
      const void *data = g_bytes_get_data (bodies[i], &length);

      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) length);
      g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
      if (length > 0)
        g_assert_cmpint (archive_write_data (zip, data, length), ==, (la_ssize_t) length);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (zip), ==, ARCHIVE_OK);
  archive_write_free (zip);
  return g_bytes_new_take (g_realloc (buffer, used), used);
}

#define SUMMARY_NAME "XBRLData/Summary/tse-acedjpsm-79990-20240510300000-ixbrl.htm"
#define BALANCE_NAME "XBRLData/Attachment/0101010-acbs01-tse-acedjpfr-79990-2024-03-31-01-2024-05-10-ixbrl.htm"

static KessanFiling *
parse_bytes (GBytes     *bytes,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  KessanFiling *filing = kessan_parse_release (bytes, name, &error);

  g_assert_no_error (error);
  return filing;
}

/* A TDnet package: its summary and attachment in their order, whatever
 * the order in the zip; the same files one by one or in a folder give
 * the same filing. */
static void
test_package_tdnet (void)
{
  g_autoptr(GBytes) summary = kessan_test_load_seed_bytes ("structured/summary-ixbrl.htm");
  g_autoptr(GBytes) balance = kessan_test_load_seed_bytes ("structured/bs-ixbrl.htm");
  g_autoptr(GBytes) manifest = g_bytes_new_static ("<manifest/>", 11);
  const char * const names[] = { BALANCE_NAME, "XBRLData/Attachment/manifest.xml", SUMMARY_NAME };
  GBytes * const bodies[] = { balance, manifest, summary };
  g_autoptr(GBytes) zip = make_zip (names, bodies, 3);
  g_autoptr(KessanFiling) filing = parse_bytes (zip, "079990-tdnet.zip");
  g_autoptr(KessanFiling) folder_filing = NULL;
  g_autoptr(KessanFiling) files_filing = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kessan-package-XXXXXX", NULL);
  g_autofree char *summary_dir = g_build_filename (dir, "XBRLData", "Summary", NULL);
  g_autofree char *attachment_dir = g_build_filename (dir, "XBRLData", "Attachment", NULL);
  g_autofree char *summary_path = g_build_filename (dir, SUMMARY_NAME, NULL);
  g_autofree char *balance_path = g_build_filename (dir, BALANCE_NAME, NULL);

  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 3);
  g_assert_cmpstr (kessan_statement_get_id (kessan_filing_get_statement (filing, 2)), ==, "ja-balance");
  g_assert_cmpuint (kessan_filing_get_n_parts (filing), ==, 2);
  g_assert_cmpstr (kessan_filing_get_part (filing, 0)->name, ==, SUMMARY_NAME);
  g_assert_cmpstr (kessan_filing_get_part (filing, 1)->name, ==, BALANCE_NAME);
  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "サンプル工業株式会社");
  assert_row (kessan_filing_get_statement (filing, 2), "自己株式", 0, -1234, -2234);
  g_assert_cmpuint (kessan_column_get_scenario (column_at (kessan_filing_get_statement (filing, 0), 2)), ==,
                    KESSAN_SCENARIO_FORECAST);

  g_assert_cmpint (g_mkdir_with_parents (summary_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (attachment_dir, 0700), ==, 0);
  kessan_test_write_file (summary_path, g_bytes_get_data (summary, NULL), (gssize) g_bytes_get_size (summary));
  kessan_test_write_file (balance_path, g_bytes_get_data (balance, NULL), (gssize) g_bytes_get_size (balance));

  {
    g_autoptr(GFile) folder = g_file_new_for_path (dir);

    folder_filing = kessan_parse_file (folder, &error);
    g_assert_no_error (error);
    kessan_test_assert_same_numbers (filing, folder_filing);
    g_assert_cmpuint (kessan_filing_get_n_statements (folder_filing), ==, 3);
  }

  g_ptr_array_add (files, g_file_new_for_path (balance_path));
  g_ptr_array_add (files, g_file_new_for_path (summary_path));
  files_filing = kessan_parse_package_files (files, &error);
  g_assert_no_error (error);
  kessan_test_assert_same_numbers (filing, files_filing);

  g_remove (summary_path);
  g_remove (balance_path);
  g_rmdir (summary_dir);
  g_rmdir (attachment_dir);
  {
    g_autofree char *xbrl_dir = g_build_filename (dir, "XBRLData", NULL);
    g_rmdir (xbrl_dir);
  }
  g_rmdir (dir);
}

/* A package of XBRL instances (EDINET's XBRL/PublicDoc, TDnet's older
 * summaries) gives their facts, as the instance read alone does; the
 * audit report's instance is no part of it; and where inline documents
 * tag the same facts, the instance beside them is not read again. */
static void
test_package_instance (void)
{
  g_autoptr(GBytes) instance = kessan_test_load_seed_bytes ("structured/summary-instance.xbrl");
  g_autoptr(GBytes) summary = kessan_test_load_seed_bytes ("structured/summary-ixbrl.htm");
  g_autoptr(KessanFiling) alone = parse_seed ("structured/summary-instance.xbrl");
  g_autoptr(KessanFiling) inline_alone = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(KessanFiling) both = NULL;

  {
    const char * const names[] = { "XBRL/AuditDoc/jpaud-qrr-cc-001_E99999-000_2024-07-31_01_2024-09-10.xbrl",
                                   "XBRL/PublicDoc/jpcrp040300-q1r-001_E99999-000_2024-07-31_01_2024-09-10.xbrl" };
    GBytes * const bodies[] = { instance, instance };
    g_autoptr(GBytes) zip = make_zip (names, bodies, 2);

    filing = parse_bytes (zip, "S100TEST.zip");
  }
  g_assert_cmpuint (kessan_filing_get_n_parts (filing), ==, 1);
  g_assert_cmpstr (kessan_filing_get_part (filing, 0)->name, ==,
                   "XBRL/PublicDoc/jpcrp040300-q1r-001_E99999-000_2024-07-31_01_2024-09-10.xbrl");
  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "見本金属工業株式会社");
  kessan_test_assert_same_numbers (alone, filing);

  {
    const char * const names[] = { "XBRLData/Summary/tse-acedjpsm-79990-20240510300000.xbrl", SUMMARY_NAME };
    GBytes * const bodies[] = { instance, summary };
    g_autoptr(GBytes) zip = make_zip (names, bodies, 2);
    const char * const inline_names[] = { SUMMARY_NAME };
    GBytes * const inline_bodies[] = { summary };
    g_autoptr(GBytes) inline_zip = make_zip (inline_names, inline_bodies, 1);

    both = parse_bytes (zip, "079990-both.zip");
    inline_alone = parse_bytes (inline_zip, "079990-inline.zip");
  }
  g_assert_cmpuint (kessan_filing_get_n_parts (both), ==, 1);
  g_assert_cmpstr (kessan_filing_get_part (both, 0)->name, ==, SUMMARY_NAME);
  kessan_test_assert_same_numbers (inline_alone, both);
}

/* An entry named to leave the package is not read, and nothing is
 * written anywhere. */
static void
test_package_traversal (void)
{
  g_autoptr(GBytes) balance = kessan_test_load_seed_bytes ("structured/bs-ixbrl.htm");
  g_autoptr(GBytes) summary = kessan_test_load_seed_bytes ("structured/summary-ixbrl.htm");
  const char * const names[] = { "../../XBRLData/Summary/evil-ixbrl.htm", "/tmp/XBRLData/Summary/evil-ixbrl.htm", BALANCE_NAME };
  GBytes * const bodies[] = { summary, summary, balance };
  g_autoptr(GBytes) zip = make_zip (names, bodies, 3);
  g_autoptr(GBytes) only_evil = make_zip (names, bodies, 2);
  g_autoptr(KessanFiling) filing = parse_bytes (zip, "traversal.zip");

  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 1);
  g_assert_cmpuint (kessan_filing_get_n_parts (filing), ==, 1);
  assert_refused (g_bytes_get_data (only_evil, NULL), (gssize) g_bytes_get_size (only_evil), "evil.zip",
                  KESSAN_ERROR_NOT_RELEASE, -1);
}

/* A small zip that expands far beyond its size is refused before it is
 * read whole. */
static void
test_package_bomb (void)
{
  gsize size = 40 * 1024 * 1024;
  g_autoptr(GBytes) blank = g_bytes_new_take (memset (g_malloc (size), ' ', size), size);
  const char * const names[] = { SUMMARY_NAME };
  GBytes * const bodies[] = { blank };
  g_autoptr(GBytes) zip = make_zip (names, bodies, 1);

  g_assert_cmpuint (g_bytes_get_size (zip), <, 1024 * 1024);
  assert_refused (g_bytes_get_data (zip, NULL), (gssize) g_bytes_get_size (zip), "bomb.zip",
                  KESSAN_ERROR_ARCHIVE, KESSAN_ERROR_TOO_LARGE);
}

static void
test_package_many_entries (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new ();
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) zip = NULL;

  for (guint i = 0; i < 10001; i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("XBRLData/Attachment/%05u-ixbrl.htm", i));
      g_ptr_array_add (bodies, empty);
    }
  zip = make_zip ((const char * const *) names->pdata, (GBytes * const *) bodies->pdata, names->len);
  assert_refused (g_bytes_get_data (zip, NULL), (gssize) g_bytes_get_size (zip), "many.zip",
                  KESSAN_ERROR_ARCHIVE, -1);
}

static void
test_package_damaged (void)
{
  g_autoptr(GBytes) balance = kessan_test_load_seed_bytes ("structured/bs-ixbrl.htm");
  const char * const names[] = { BALANCE_NAME };
  GBytes * const bodies[] = { balance };
  g_autoptr(GBytes) zip = make_zip (names, bodies, 1);
  gsize length = g_bytes_get_size (zip);
  g_autofree guint8 *cut = g_memdup2 (g_bytes_get_data (zip, NULL), length);

  /* The compressed data overwritten past the names. */
  memset (cut + 200, 0x5a, MIN (length - 200, 400));
  assert_refused ((const char *) cut, (gssize) length, "damaged.zip", KESSAN_ERROR_ARCHIVE, KESSAN_ERROR_MARKUP);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kessan/structured/html/exhibit", test_html_exhibit);
  g_test_add_func ("/kessan/structured/html/malformed", test_html_malformed);
  g_test_add_func ("/kessan/structured/html/rowspan", test_html_rowspan);
  g_test_add_func ("/kessan/structured/html/zero-width", test_html_zero_width);
  g_test_add_func ("/kessan/structured/html/dressed-text", test_html_dressed_text);
  g_test_add_func ("/kessan/structured/html/dressed-sections", test_html_dressed_sections);
  g_test_add_func ("/kessan/structured/html/spanned-weeks", test_html_spanned_weeks);
  g_test_add_func ("/kessan/structured/html/deep", test_html_deep);
  g_test_add_func ("/kessan/structured/html/large", test_html_large);

  g_test_add_func ("/kessan/structured/ixbrl/balance", test_ixbrl_balance);
  g_test_add_func ("/kessan/structured/ixbrl/same-as-text", test_ixbrl_same_as_text);
  g_test_add_func ("/kessan/structured/ixbrl/forecasts", test_ixbrl_forecasts);
  g_test_add_func ("/kessan/structured/ixbrl/ifrs", test_ixbrl_ifrs);
  g_test_add_func ("/kessan/structured/ixbrl/item-columns", test_ixbrl_item_columns);
  g_test_add_func ("/kessan/structured/ixbrl/concepts-as-text", test_ixbrl_concepts_as_text);
  g_test_add_func ("/kessan/structured/ixbrl/mismatch", test_ixbrl_mismatch);
  g_test_add_func ("/kessan/structured/ixbrl/mezzanine", test_ixbrl_mezzanine);
  g_test_add_func ("/kessan/structured/ixbrl/triangle-apart", test_ixbrl_triangle_apart);
  g_test_add_func ("/kessan/structured/ixbrl/missing-context", test_ixbrl_missing_context);
  g_test_add_func ("/kessan/structured/ixbrl/malformed", test_ixbrl_malformed);
  g_test_add_func ("/kessan/structured/ixbrl/numbers", test_ixbrl_numbers);
  g_test_add_func ("/kessan/structured/ixbrl/leading-blanks", test_ixbrl_leading_blanks);

  g_test_add_func ("/kessan/structured/xbrl/instance", test_xbrl_instance);
  g_test_add_func ("/kessan/structured/xbrl/malformed", test_xbrl_malformed);

  g_test_add_func ("/kessan/structured/edgar/submission", test_edgar_submission);
  g_test_add_func ("/kessan/structured/edgar/text-exhibit", test_edgar_text_exhibit);
  g_test_add_func ("/kessan/structured/edgar/empty", test_edgar_empty);

  g_test_add_func ("/kessan/structured/package/tdnet", test_package_tdnet);
  g_test_add_func ("/kessan/structured/package/instance", test_package_instance);
  g_test_add_func ("/kessan/structured/package/traversal", test_package_traversal);
  g_test_add_func ("/kessan/structured/package/bomb", test_package_bomb);
  g_test_add_func ("/kessan/structured/package/many-entries", test_package_many_entries);
  g_test_add_func ("/kessan/structured/package/damaged", test_package_damaged);

  return g_test_run ();
}
