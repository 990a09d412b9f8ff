/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* A page of 30 MB is read, or refused, in bounded time. */
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
  if (filing != NULL)
    g_assert_cmpuint (kessan_statement_get_n_rows (kessan_filing_get_statement (filing, 0)), ==, rows);
  else
    g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_LIMIT);
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
  g_assert_cmpstr (kessan_filing_get_released (filing), ==, NULL);
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), ==, 2);
  results = kessan_filing_get_statement (filing, 0);
  g_assert_cmpuint (kessan_statement_get_n_columns (results), ==, 5);
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
    g_assert_cmpstr (kessan_line_item_get_concept (sales), ==, "revenues.total");
  }
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (find_row (results, "特別損益", 0), 1), -1020, 1e-9);
  g_assert_cmpstr (kessan_line_item_get_concept (find_row (results, "経常利益", 0)), ==, "tse-ed-t:OrdinaryIncome");

  parent = kessan_filing_get_statement (filing, 1);
  g_assert_cmpint (kessan_column_get_consolidation (column_at (parent, 0)), ==, KESSAN_CONSOLIDATION_NON_CONSOLIDATED);
  g_assert_cmpfloat_with_epsilon (kessan_line_item_get_value (find_row (parent, "売上高", 0), 0), 150220, 1e-9);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kessan/structured/html/exhibit", test_html_exhibit);
  g_test_add_func ("/kessan/structured/html/malformed", test_html_malformed);
  g_test_add_func ("/kessan/structured/html/rowspan", test_html_rowspan);
  g_test_add_func ("/kessan/structured/html/deep", test_html_deep);
  g_test_add_func ("/kessan/structured/html/large", test_html_large);

  g_test_add_func ("/kessan/structured/ixbrl/balance", test_ixbrl_balance);
  g_test_add_func ("/kessan/structured/ixbrl/same-as-text", test_ixbrl_same_as_text);
  g_test_add_func ("/kessan/structured/ixbrl/forecasts", test_ixbrl_forecasts);
  g_test_add_func ("/kessan/structured/ixbrl/mismatch", test_ixbrl_mismatch);
  g_test_add_func ("/kessan/structured/ixbrl/missing-context", test_ixbrl_missing_context);
  g_test_add_func ("/kessan/structured/ixbrl/malformed", test_ixbrl_malformed);
  g_test_add_func ("/kessan/structured/ixbrl/numbers", test_ixbrl_numbers);

  g_test_add_func ("/kessan/structured/edgar/submission", test_edgar_submission);
  g_test_add_func ("/kessan/structured/edgar/text-exhibit", test_edgar_text_exhibit);
  g_test_add_func ("/kessan/structured/edgar/empty", test_edgar_empty);

  return g_test_run ();
}
