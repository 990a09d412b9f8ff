/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "kessan.h"
#include "kessan-test-util.h"

/* Periods and units are named in each company's own calendar and
 * currency: a quarter is numbered from where the company's fiscal year
 * starts, a year named as the company names it, and an amount's unit
 * says the currency the release reports in. */

static KessanFiling *
load (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "general", name, NULL);
  g_autofree char *text = kessan_test_read_file (path, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  KessanFiling *filing = kessan_parse_release (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (filing);
  return filing;
}

static void
assert_named (char       *name,
              const char *expected)
{
  g_assert_cmpstr (name, ==, expected);
  g_free (name);
}

static void
test_fiscal_years (void)
{
  /* A year ending on the last Saturday of September, named by the year
   * it ends in: the quarter ended December 25, 2010 opens fiscal 2011. */
  KessanCalendar september = { 9, 25, FALSE, 0 };
  /* Named by the year it ends in, too: fiscal 2025 ends on May 31, 2025. */
  KessanCalendar may = { 5, 0, FALSE, 0 };
  KessanCalendar december = { 12, 0, FALSE, 0 };
  /* A retailer's year ending near the end of January is named by the
   * year it starts in. */
  KessanCalendar retail = { 2, 3, FALSE, 0 };
  /* A Japanese company reporting in yen names a year that ends in March
   * by the year it starts in; a company reporting in dollars by the year
   * it ends in. */
  KessanCalendar march_yen = { 3, 0, TRUE, 0 };
  KessanCalendar march_usd = { 3, 0, FALSE, 0 };

  assert_named (kessan_format_fiscal_period_in ("2010-12-25", 3, &september, "en"), "1Q FY2011");
  assert_named (kessan_format_fiscal_period_in ("2011-06-25", 3, &september, "en"), "3Q FY2011");
  assert_named (kessan_format_fiscal_period_in ("2011-09-24", 12, &september, "en"), "FY2011");
  assert_named (kessan_format_fiscal_period_in ("2024-08-31", 3, &may, "en"), "1Q FY2025");
  assert_named (kessan_format_fiscal_period_in ("2025-05-31", 12, &may, "ja"), "2025年度");
  assert_named (kessan_format_fiscal_period_in ("2023-09-30", 3, &december, "en"), "3Q FY2023");
  assert_named (kessan_format_fiscal_period_in ("2024-11-02", 3, &retail, "en"), "3Q FY2024");
  assert_named (kessan_format_fiscal_period_in ("2003-09-30", 3, &march_yen, "en"), "2Q FY2003");
  assert_named (kessan_format_fiscal_period_in ("2003-09-30", 3, &march_usd, "en"), "2Q FY2004");
  assert_named (kessan_format_fiscal_period_in ("2023-09-30", 3, &december, "ja"), "2023年度第3四半期");

  /* The short names of a chart's axis. */
  assert_named (kessan_format_fiscal_period_short ("2010-12-25", 3, &september, FALSE), "1Q11");
  assert_named (kessan_format_fiscal_period_short ("2024-08-31", 3, &may, FALSE), "1Q25");
  assert_named (kessan_format_fiscal_period_short ("2023-12-31", 12, &december, FALSE), "FY23");

  /* Without a calendar, or one that does not say when the year ends, the
   * March year of the first releases. */
  assert_named (kessan_format_fiscal_period_in ("2003-09-30", 3, NULL, "en"), "2Q FY2003");
  {
    KessanCalendar unknown = KESSAN_CALENDAR_INIT;

    assert_named (kessan_format_fiscal_period_in ("2003-09-30", 3, &unknown, "en"), "2Q FY2003");
  }
}

static void
test_currency_units (void)
{
  assert_named (kessan_format_currency_unit (1000000, "USD", "en"), "USD millions");
  assert_named (kessan_format_currency_unit (1000, "USD", "ja"), "千米ドル");
  assert_named (kessan_format_currency_unit (1000000, "JPY", "ja"), "百万円");
  assert_named (kessan_format_currency_unit (1000, "EUR", "en"), "EUR thousands");
  assert_named (kessan_format_currency_unit (1000000, "EUR", "ja"), "百万EUR");
  assert_named (kessan_format_currency_unit (1, "GBP", "en"), "GBP");
  assert_named (kessan_format_currency_unit (1000000, NULL, "en"), "millions");
  assert_named (kessan_chart_dup_unit_caption (KESSAN_UNIT_CURRENCY, "EUR"), "EUR millions");
  assert_named (kessan_chart_dup_unit_caption (KESSAN_UNIT_PER_SHARE, "USD"), "USD per share");
  assert_named (kessan_chart_dup_unit_caption (KESSAN_UNIT_CURRENCY, NULL), "millions");
}

/* What a release reads as its calendar and currency names its periods. */
static void
test_release_calendars (void)
{
  struct {
    const char *name;
    guint       month;
    gboolean    names_start;
    const char *currency;
    const char *first_column;  /* the first column of its first statement */
    const char *release;       /* the release's own period */
  } cases[] = {
    { "edgar-quarter.txt", 9, FALSE, "USD", "2Q FY2000", "2Q FY2000" },
    { "week-quarter.txt", 2, FALSE, "USD", "3Q FY2024", "3Q FY2024" },
    { "ifrs-statements.txt", 12, FALSE, "EUR", "FY2023", "FY2023" },
    { "jgaap-statements.txt", 3, TRUE, "JPY", "Mar 31, 2023", "FY2023" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KessanFiling) filing = load (cases[i].name);
      KessanCalendar calendar;
      KessanColumn *column = kessan_statement_get_column (kessan_filing_get_statement (filing, 0), 0);

      kessan_filing_get_calendar (filing, &calendar);
      g_assert_cmpuint (calendar.fiscal_end_month, ==, cases[i].month);
      g_assert_cmpint (calendar.codes_name_start, ==, cases[i].names_start);
      g_assert_cmpstr (kessan_filing_get_reporting_currency (filing), ==, cases[i].currency);
      assert_named (kessan_format_column_name (column, filing, "en"), cases[i].first_column);
      assert_named (kessan_filing_dup_period_name (filing), cases[i].release);
    }
}

/* A chart of a company's series speaks of its currency and calendar. */
static void
test_chart_of_company (void)
{
  g_autoptr(KessanFiling) filing = load ("edgar-quarter.txt");
  g_autoptr(KessanSeriesSet) set = kessan_series_set_new ();
  g_auto(GStrv) concepts = NULL;
  g_autoptr(KessanChartModel) model = NULL;
  g_autofree char *caption = NULL;
  const KessanChartPeriod *last;
  g_autofree char *label = NULL;

  g_assert_true (kessan_series_set_add_filing (set, filing));
  g_assert_cmpstr (kessan_series_set_get_currency_code (set), ==, "USD");
  concepts = kessan_series_set_get_concepts (set);
  g_assert_nonnull (concepts[0]);
  model = kessan_chart_model_new_from_series (set, (const char * const *) concepts, 3);
  g_assert_cmpuint (kessan_chart_model_get_n_periods (model), >, 0);
  caption = kessan_chart_model_dup_unit_caption (model, KESSAN_UNIT_CURRENCY);
  g_assert_cmpstr (caption, ==, "USD millions");
  last = kessan_chart_model_get_period (model, kessan_chart_model_get_n_periods (model) - 1);
  /* A chart's periods end at the end of a month. */
  g_assert_cmpstr (last->period_end, ==, "2000-03-31");
  label = kessan_format_fiscal_period_short (last->period_end, last->months,
                                             kessan_chart_model_get_calendar (model), FALSE);
  g_assert_cmpstr (label, ==, "2Q00");

  /* The first chart shown is one of lines the company prints. */
  g_assert_cmpstr (kessan_chart_presets_find_first (set)->id, ==, "sales-and-profit");
}

/* A release of a balance sheet alone is of the latest day it shows. */
static void
test_balance_sheet_alone (void)
{
  const char *text =
    "ACME CORPORATION\n"
    "CONDENSED CONSOLIDATED BALANCE SHEETS\n"
    "(In millions)\n"
    "\n"
    "                                  June 30,    December 31,\n"
    "                                    2025          2024\n"
    "Cash and cash equivalents        $  1,200     $  1,000\n"
    "Accounts receivable                   800          700\n"
    "Total current assets                2,000        1,700\n"
    "Property and equipment, net           500          450\n"
    "Total assets                     $  2,500     $  2,150\n"
    "\n"
    "See the notes to these statements.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = kessan_parse_release (bytes, "balance.txt", &error);
  KessanCalendar calendar;

  g_assert_no_error (error);
  g_assert_cmpstr (kessan_filing_get_period_end (filing), ==, "2025-06-30");
  g_assert_cmpuint (kessan_filing_get_period_months (filing), ==, 0);
  kessan_filing_get_calendar (filing, &calendar);
  g_assert_cmpuint (calendar.fiscal_end_month, ==, 12);
  g_assert_cmpuint (kessan_filing_get_fiscal_year (filing), ==, 2025);
  g_assert_cmpuint (kessan_filing_get_fiscal_quarter (filing), ==, 2);
  assert_named (kessan_format_fiscal_period_in (kessan_filing_get_period_end (filing), 0, &calendar, "en"), "Jun 30, 2025");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kessan/calendar/fiscal-years", test_fiscal_years);
  g_test_add_func ("/kessan/calendar/currency-units", test_currency_units);
  g_test_add_func ("/kessan/calendar/release-calendars", test_release_calendars);
  g_test_add_func ("/kessan/calendar/chart-of-company", test_chart_of_company);
  g_test_add_func ("/kessan/calendar/balance-sheet-alone", test_balance_sheet_alone);

  return g_test_run ();
}
