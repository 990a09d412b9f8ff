/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "kessan.h"
#include "kessan-test-util.h"

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


  return g_test_run ();
}
