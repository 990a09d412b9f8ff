/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "kessan.h"

/* The one formatter of numbers, periods and units, in English and in
 * Japanese. */

static void
assert_formatted (char       *text,
                  const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_format_numbers (void)
{
  assert_formatted (kessan_format_number (9185259, 0, KESSAN_NEGATIVE_MINUS), "9,185,259");
  assert_formatted (kessan_format_number (-829760, 0, KESSAN_NEGATIVE_MINUS), "\xe2\x88\x92" "829,760");
  assert_formatted (kessan_format_number (-829760, 0, KESSAN_NEGATIVE_PARENTHESES), "(829,760)");
  assert_formatted (kessan_format_number (-243, 0, KESSAN_NEGATIVE_TRIANGLE), "\xe2\x96\xb2" "243");
  assert_formatted (kessan_format_number (-5.04, 2, KESSAN_NEGATIVE_MINUS), "\xe2\x88\x92" "5.04");
  assert_formatted (kessan_format_number (100, 1, KESSAN_NEGATIVE_MINUS), "100.0");
  assert_formatted (kessan_format_number (-0.01, 1, KESSAN_NEGATIVE_PARENTHESES), "0.0");
  assert_formatted (kessan_format_number (1234567.25, 1, KESSAN_NEGATIVE_MINUS), "1,234,567.2");
  assert_formatted (kessan_format_plain (-1234.5, 1), "-1234.5");
}

static gboolean
use_language (const char *language,
              const char *locale)
{
  g_setenv ("LANGUAGE", language, TRUE);
  return setlocale (LC_MESSAGES, locale) != NULL;
}

static void
test_format_english (void)
{
  use_language ("en", "C.UTF-8");
  assert_formatted (kessan_format_period ("2003-09-30", 3), "2Q FY2003");
  assert_formatted (kessan_format_period ("2003-03-31", 3), "4Q FY2002");
  assert_formatted (kessan_format_period ("2003-03-31", 12), "FY2002");
  assert_formatted (kessan_format_period ("2003-09-30", 0), "Sep 30, 2003");
  assert_formatted (kessan_format_period ("2003-09-30", 6), "6 months to Sep 30, 2003");
  assert_formatted (kessan_format_scale_unit (1000, KESSAN_CURRENCY_JPY), "JPY thousands");
  assert_formatted (kessan_format_scale_unit (1000000, KESSAN_CURRENCY_JPY), "JPY millions");
  assert_formatted (kessan_format_scale_unit (1000, KESSAN_CURRENCY_USD), "USD thousands");
}

static void
test_format_japanese (void)
{
  if (!use_language ("ja", "ja_JP.UTF-8"))
    {
      g_test_skip ("the ja_JP.UTF-8 locale is not installed");
      return;
    }
  assert_formatted (kessan_format_period ("2003-09-30", 3), "2003年度第2四半期");
  assert_formatted (kessan_format_period ("2003-03-31", 12), "2002年度");
  assert_formatted (kessan_format_period ("2003-09-30", 0), "2003年9月30日");
  assert_formatted (kessan_format_scale_unit (1000, KESSAN_CURRENCY_JPY), "千円");
  assert_formatted (kessan_format_scale_unit (1000000, KESSAN_CURRENCY_JPY), "百万円");
  assert_formatted (kessan_format_scale_unit (1000, KESSAN_CURRENCY_USD), "千米ドル");
  use_language ("en", "C.UTF-8");
}

/* Names in a given language, whatever the interface's: exports in the
 * user's label language. */
static void
test_format_in_language (void)
{
  g_autoptr(KessanColumn) column = kessan_column_new ();

  use_language ("en", "C.UTF-8");
  assert_formatted (kessan_format_period_in ("2003-09-30", 3, "ja"), "2003年度第2四半期");
  assert_formatted (kessan_format_period_in ("2003-03-31", 12, "ja"), "2002年度");
  assert_formatted (kessan_format_period_in ("2003-09-30", 0, "ja"), "2003年9月30日");
  assert_formatted (kessan_format_period_in ("2003-09-30", 6, "ja"), "2003年9月30日までの6か月間");
  assert_formatted (kessan_format_period_in ("2003-09-30", 3, "en"), "2Q FY2003");
  assert_formatted (kessan_format_period_in ("2004-03-31", 12, "en"), "FY2003");
  assert_formatted (kessan_format_period_in ("2003-06-01", 0, "en"), "Jun 01, 2003");
  assert_formatted (kessan_format_period_in ("2003-09-30", 6, "en"), "6 months to Sep 30, 2003");
  assert_formatted (kessan_format_period_in (NULL, 3, "ja"), "期間不明");
  assert_formatted (kessan_format_scale_unit_in (1000000, KESSAN_CURRENCY_JPY, "ja"), "百万円");
  assert_formatted (kessan_format_scale_unit_in (1000, KESSAN_CURRENCY_JPY, "en"), "JPY thousands");
  assert_formatted (kessan_format_scale_unit_in (1000, KESSAN_CURRENCY_USD, "ja"), "千米ドル");

  kessan_column_set_period_end (column, "2003-12-31");
  kessan_column_set_months (column, 3);
  assert_formatted (kessan_format_column_name (column, NULL, "en"), "3Q FY2003");
  kessan_column_set_measure (column, KESSAN_MEASURE_CHANGE_QOQ);
  assert_formatted (kessan_format_column_name (column, NULL, "en"), "3Q FY2003 QoQ %");
  assert_formatted (kessan_format_column_name (column, NULL, "ja"), "2003年度第3四半期 前期比");
  kessan_column_set_measure (column, KESSAN_MEASURE_AMOUNT);
  kessan_column_set_currency (column, KESSAN_CURRENCY_USD);
  assert_formatted (kessan_format_column_name (column, NULL, "ja"), "2003年度第3四半期 米ドル");

  if (use_language ("ja", "ja_JP.UTF-8"))
    {
      /* The interface's language does not leak into a named one. */
      assert_formatted (kessan_format_period_in ("2003-09-30", 3, "en"), "2Q FY2003");
      assert_formatted (kessan_format_period_in ("2003-09-30", 0, "en"), "Sep 30, 2003");
      use_language ("en", "C.UTF-8");
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  kessan_init_i18n ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kessan/format/numbers", test_format_numbers);
  g_test_add_func ("/kessan/format/english", test_format_english);
  g_test_add_func ("/kessan/format/japanese", test_format_japanese);
  g_test_add_func ("/kessan/format/in-language", test_format_in_language);
  return g_test_run ();
}
