/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "kessan.h"

static void
assert_code (const char *code,
             const char *end,
             guint       months)
{
  KessanPeriod period;
  g_autofree char *iso = NULL;

  g_assert_true (kessan_period_parse_code (code, &period));
  iso = kessan_date_to_iso (&period.end);
  g_assert_cmpstr (iso, ==, end);
  g_assert_cmpuint (period.months, ==, months);
}

static void
test_quarter_codes (void)
{
  /* The fiscal year starts on April 1. */
  assert_code ("2Q03", "2003-09-30", 3);
  assert_code ("1Q03", "2003-06-30", 3);
  assert_code ("3Q02", "2002-12-31", 3);
  assert_code ("4Q02", "2003-03-31", 3);
  assert_code ("4Q01", "2002-03-31", 3);
  assert_code ("FY2002", "2003-03-31", 12);
  assert_code ("FY2001", "2002-03-31", 12);
  assert_code ("2Q FY2003", "2003-09-30", 3);
}

static void
assert_scan (const char  *text,
             const char **ends,
             const guint *months)
{
  g_autoptr(GArray) periods = kessan_period_scan (text);
  guint n = g_strv_length ((char **) ends);

  g_assert_cmpuint (periods->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      KessanPeriod *period = &g_array_index (periods, KessanPeriod, i);
      g_autofree char *iso = kessan_date_to_iso (&period->end);

      g_assert_cmpstr (iso, ==, ends[i]);
      g_assert_cmpuint (period->months, ==, months[i]);
    }
}

static void
test_scan_english (void)
{
  const char *ends[] = { "2003-09-30", "2002-09-30", "2003-06-30", NULL };
  const guint months[] = { 0, 0, 0 };
  const char *ends2[] = { "2003-03-31", "2002-03-31", "2002-12-31", NULL };

  assert_scan ("For the Three Months Ended Sept 30, 2003, Sept 30, 2002 and Jun 30, 2003", ends, months);
  assert_scan ("\tMar 31, 2003\t\t\tMar 31, 2002\t\tDec 31, 2002\t", ends2, months);
  assert_scan ("For the Three Months Ended March 31, 2003, March 31, 2002 and Dec 31, 2002", ends2, months);
  {
    /* Dates printed month first with slashes, as American headers do. */
    const char *slashed[] = { "2023-06-17", "2022-06-11", "2023-06-17", "2022-06-11", NULL };
    const guint none[] = { 0, 0, 0, 0 };

    assert_scan ("     6/17/2023       6/11/2022       6/17/2023       6/11/2022", slashed, none);
  }
}

static void
test_scan_japanese (void)
{
  const char *ends[] = { "2003-09-30", "2002-09-30", "2003-06-30", NULL };
  const guint months[] = { 0, 0, 0 };
  const char *ends2[] = { "2003-03-31", "2002-03-31", NULL };
  const guint months2[] = { 12, 12 };
  const char *ends3[] = { "2003-09-30", NULL };

  assert_scan ("2003年9月期、2002年9月期、2003年6月期", ends, months);
  assert_scan ("2003年3月期通期、2002年3月期通期", ends2, months2);
  assert_scan ("米ドル換算レート111.43円=1米ドル(2003/9/30)にて", ends3, months);
}

static void
test_scan_codes_in_header (void)
{
  const char *ends[] = { "2003-03-31", "2002-12-31", "2002-03-31", "2003-03-31", "2002-03-31", NULL };
  const guint months[] = { 3, 3, 3, 12, 12 };

  assert_scan ("\t4Q02\t3Q02\t4Q01\tFY2002\tFY2001", ends, months);
}

static void
test_fiscal_year (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, 3, 2003);
  g_assert_cmpuint (kessan_fiscal_year_of (&date), ==, 2002);
  g_date_set_dmy (&date, 30, 9, 2003);
  g_assert_cmpuint (kessan_fiscal_year_of (&date), ==, 2003);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kessan/period/quarter-codes", test_quarter_codes);
  g_test_add_func ("/kessan/period/scan-english", test_scan_english);
  g_test_add_func ("/kessan/period/scan-japanese", test_scan_japanese);
  g_test_add_func ("/kessan/period/scan-codes", test_scan_codes_in_header);
  g_test_add_func ("/kessan/period/fiscal-year", test_fiscal_year);
  return g_test_run ();
}
