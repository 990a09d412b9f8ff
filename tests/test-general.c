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

G_GNUC_UNUSED static void
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
G_GNUC_UNUSED static void
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
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kessan/general/edgar-quarter", test_edgar_quarter);
  g_test_add_func ("/kessan/general/week-quarter", test_week_quarter);

  return g_test_run ();
}
