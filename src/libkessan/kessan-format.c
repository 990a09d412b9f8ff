/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kessan-format.h"
#include "kessan-filing.h"
#include "kessan-period.h"

/* One formatter for every number Kessan shows: grouped as the releases
 * print them, with the negative style the user chose. */

/**
 * kessan_format_plain:
 * @value: a number
 * @decimals: digits after the point
 *
 * Returns: (transfer full): @value without grouping, "-" for negatives:
 *   what a spreadsheet reads back as a number
 */
char *
kessan_format_plain (double value,
                     guint  decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];

  if (value == 0)
    value = 0; /* no "-0" */
  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 9));
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

/**
 * kessan_format_message_negative_style:
 *
 * The messages Kessan writes itself, such as the findings of the checks,
 * are in the language of the interface, and a number in a sentence is
 * written as that language writes it: the translation says how, so that
 * a message and its numbers never disagree.
 *
 * Returns: the negative style of the language of the messages
 */
KessanNegativeStyle
kessan_format_message_negative_style (void)
{
  /* TRANSLATORS: how a negative number is written in Kessan's messages
   * in your language; one of the words "minus" (−1,234), "parentheses"
   * ((1,234)) or "triangle" (▲1,234), itself not translated. */
  const char *style = C_("negative numbers in messages", "minus");

  if (g_str_equal (style, "triangle"))
    return KESSAN_NEGATIVE_TRIANGLE;
  if (g_str_equal (style, "parentheses"))
    return KESSAN_NEGATIVE_PARENTHESES;
  return KESSAN_NEGATIVE_MINUS;
}

/**
 * kessan_format_number:
 * @value: a number
 * @decimals: digits after the point
 * @style: how to show a negative number
 *
 * Returns: (transfer full): @value grouped by thousands ("1,234,567.8")
 */
char *
kessan_format_number (double              value,
                      guint               decimals,
                      KessanNegativeStyle style)
{
  g_autofree char *digits = kessan_format_plain (fabs (value), decimals);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *point = strchr (digits, '.');
  gsize int_length = point != NULL ? (gsize) (point - digits) : strlen (digits);
  gboolean negative = value < 0 && strspn (digits, "0.") != strlen (digits);

  if (negative)
    {
      if (style == KESSAN_NEGATIVE_PARENTHESES)
        g_string_append_c (out, '(');
      else if (style == KESSAN_NEGATIVE_TRIANGLE)
        g_string_append (out, "\xe2\x96\xb2");  /* ▲ */
      else
        g_string_append (out, "\xe2\x88\x92");  /* − */
    }
  for (gsize i = 0; i < int_length; i++)
    {
      if (i > 0 && (int_length - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    g_string_append (out, point);
  if (negative && style == KESSAN_NEGATIVE_PARENTHESES)
    g_string_append_c (out, ')');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * kessan_format_period:
 * @period_end: (nullable): an ISO date
 * @months: the length of the period, 0 for a point in time
 *
 * Names a period the way the releases do: "2Q FY2003" for a quarter,
 * "FY2002" for a fiscal year, a date for a point in time.
 *
 * Returns: (transfer full): the name
 */
char *
kessan_format_period (const char *period_end,
                      guint       months)
{
  return kessan_format_fiscal_period (period_end, months, NULL);
}

/* The fiscal year and quarter a period ends in, in @calendar. */
static void
fiscal_year_and_quarter (const GDate          *end,
                         guint                 months,
                         const KessanCalendar *calendar,
                         guint                *year,
                         guint                *quarter)
{
  static const KessanCalendar march = { 3, 0, TRUE, 0 };

  if (calendar == NULL || calendar->fiscal_end_month == 0)
    calendar = &march;
  *year = kessan_fiscal_year_named (end, calendar);
  *quarter = kessan_fiscal_quarter_in (end, MIN (months, 3), calendar);
  if (*quarter == 0)
    *quarter = ((g_date_get_month (end) + 8) % 12) / 3 + 1;
}

/**
 * kessan_format_fiscal_period:
 * @period_end: (nullable): an ISO date
 * @months: the length of the period, 0 for a point in time
 * @calendar: (nullable): the company's calendar; %NULL or one without a
 *   fiscal year end for a year that ends in March
 *
 * Names a period in the company's own fiscal year: Apple's quarter that
 * ended on June 25, 2011 is "3Q FY2011".
 *
 * Returns: (transfer full): the name
 */
char *
kessan_format_fiscal_period (const char           *period_end,
                             guint                 months,
                             const KessanCalendar *calendar)
{
  GDate end;
  guint year, quarter;

  if (period_end == NULL || !kessan_date_from_iso (period_end, &end))
    return g_strdup (_("Unknown period"));
  fiscal_year_and_quarter (&end, months, calendar, &year, &quarter);

  switch (months)
    {
    case 3:
      /* TRANSLATORS: a fiscal quarter: "2Q FY2003" */
      return g_strdup_printf (_("%uQ FY%u"), quarter, year);
    case 12:
      /* TRANSLATORS: a fiscal year: "FY2002" */
      return g_strdup_printf (_("FY%u"), year);
    case 0:
      {
        char buffer[64];

        /* TRANSLATORS: a date as strftime() writes it: "Sep 30, 2003" */
        g_date_strftime (buffer, sizeof buffer, _("%b %d, %Y"), &end);
        return g_strdup (buffer);
      }
    default:
      {
        char buffer[64];

        g_date_strftime (buffer, sizeof buffer, _("%b %d, %Y"), &end);
        /* TRANSLATORS: "6 months to Sep 30, 2003" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month to %s", "%u months to %s", months),
                                months, buffer);
      }
    }
}

/**
 * kessan_format_scale_unit:
 * @scale: 1, 1000, 1000000 or 1000000000
 * @currency: the currency, or %KESSAN_CURRENCY_NONE
 *
 * Returns: (transfer full): the unit of a column: "JPY thousands", "USD
 *   millions", "thousands"
 */
char *
kessan_format_scale_unit (guint          scale,
                          KessanCurrency currency)
{
  switch (currency)
    {
    case KESSAN_CURRENCY_JPY:
      switch (scale)
        {
        case 1000: return g_strdup (_("JPY thousands"));
        case 1000000: return g_strdup (_("JPY millions"));
        case 1000000000: return g_strdup (_("JPY billions"));
        default: return g_strdup (_("JPY"));
        }
    case KESSAN_CURRENCY_USD:
      switch (scale)
        {
        case 1000: return g_strdup (_("USD thousands"));
        case 1000000: return g_strdup (_("USD millions"));
        case 1000000000: return g_strdup (_("USD billions"));
        default: return g_strdup (_("USD"));
        }
    case KESSAN_CURRENCY_NONE:
    default:
      switch (scale)
        {
        case 1000: return g_strdup (_("thousands"));
        case 1000000: return g_strdup (_("millions"));
        case 1000000000: return g_strdup (_("billions"));
        default: return g_strdup ("");
        }
    }
}

/* Period and unit names in each language the releases are printed in:
 * locale data, like a calendar's month names, not interface text. */
typedef struct
{
  const char *unknown;
  const char *scale[2][4];    /* [JPY/USD][1, 1000, 1e6, 1e9] */
  const char *plain[4];       /* no currency */
  const char *measure[6];     /* KessanMeasure, after the period */
  const char *usd;
  const char *scenario[4];    /* KessanScenario, after the period */
  const char *non_consolidated;
} PeriodNames;

static const PeriodNames english_names = {
  "Unknown period",
  { { "JPY", "JPY thousands", "JPY millions", "JPY billions" },
    { "USD", "USD thousands", "USD millions", "USD billions" } },
  { "", "thousands", "millions", "billions" },
  { NULL, "% of revenues", "% of total", "YoY %", "QoQ %", "change %" },
  "USD",
  { NULL, "forecast", "forecast (upper)", "forecast (lower)" },
  "non-consolidated",
};

static const PeriodNames japanese_names = {
  "期間不明",
  { { "円", "千円", "百万円", "十億円" },
    { "米ドル", "千米ドル", "百万米ドル", "十億米ドル" } },
  { "", "千", "百万", "十億" },
  { NULL, "構成比", "構成比", "前年同期比", "前期比", "増減率" },
  "米ドル",
  { NULL, "予想", "予想（上限）", "予想（下限）" },
  "個別",
};

static const PeriodNames *
names_for (const char *language)
{
  return g_strcmp0 (language, "ja") == 0 ? &japanese_names : &english_names;
}

static int
scale_index (guint scale)
{
  switch (scale)
    {
    case 1000: return 1;
    case 1000000: return 2;
    case 1000000000: return 3;
    default: return 0;
    }
}

static const char * const english_months[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* Not g_date_strftime(): its month names follow the C library's locale. */
static char *
format_date (const GDate *date,
             gboolean     japanese)
{
  if (japanese)
    return g_strdup_printf ("%u年%u月%u日", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  return g_strdup_printf ("%s %02u, %u", english_months[g_date_get_month (date) - 1],
                          g_date_get_day (date), g_date_get_year (date));
}

/**
 * kessan_format_period_in:
 * @period_end: (nullable): an ISO date
 * @months: the length of the period, 0 for a point in time
 * @language: (nullable): "en" or "ja", or %NULL for the interface's
 *
 * Returns: (transfer full): the period's name in @language: "2Q FY2003" or
 *   "2003年度第2四半期"
 */
char *
kessan_format_period_in (const char *period_end,
                         guint       months,
                         const char *language)
{
  return kessan_format_fiscal_period_in (period_end, months, NULL, language);
}

/**
 * kessan_format_fiscal_period_in:
 * @period_end: (nullable): an ISO date
 * @months: the length of the period, 0 for a point in time
 * @calendar: (nullable): the company's calendar (see
 *   kessan_format_fiscal_period())
 * @language: (nullable): "en" or "ja", or %NULL for the interface's
 *
 * Returns: (transfer full): the period's name in @language
 */
char *
kessan_format_fiscal_period_in (const char           *period_end,
                                guint                 months,
                                const KessanCalendar *calendar,
                                const char           *language)
{
  const PeriodNames *names;
  GDate end;
  guint year, quarter;
  gboolean japanese;

  if (language == NULL)
    return kessan_format_fiscal_period (period_end, months, calendar);
  names = names_for (language);
  if (period_end == NULL || !kessan_date_from_iso (period_end, &end))
    return g_strdup (names->unknown);
  fiscal_year_and_quarter (&end, months, calendar, &year, &quarter);

  japanese = names == &japanese_names;
  switch (months)
    {
    case 3:
      if (japanese)
        return g_strdup_printf ("%u年度第%u四半期", year, quarter);
      return g_strdup_printf ("%uQ FY%u", quarter, year);
    case 12:
      if (japanese)
        return g_strdup_printf ("%u年度", year);
      return g_strdup_printf ("FY%u", year);
    case 0:
      return format_date (&end, japanese);
    default:
      {
        g_autofree char *date = format_date (&end, japanese);

        if (japanese)
          return g_strdup_printf ("%sまでの%uか月間", date, months);
        return g_strdup_printf ("%u months to %s", months, date);
      }
    }
}

/**
 * kessan_format_scale_unit_in:
 * @scale: 1, 1000, 1000000 or 1000000000
 * @currency: the currency, or %KESSAN_CURRENCY_NONE
 * @language: (nullable): "en" or "ja", or %NULL for the interface's
 *
 * Returns: (transfer full): the unit in @language: "JPY millions", "百万円"
 */
char *
kessan_format_scale_unit_in (guint          scale,
                             KessanCurrency currency,
                             const char    *language)
{
  const PeriodNames *names;

  if (language == NULL)
    return kessan_format_scale_unit (scale, currency);
  names = names_for (language);
  switch (currency)
    {
    case KESSAN_CURRENCY_JPY:
      return g_strdup (names->scale[0][scale_index (scale)]);
    case KESSAN_CURRENCY_USD:
      return g_strdup (names->scale[1][scale_index (scale)]);
    case KESSAN_CURRENCY_NONE:
    default:
      return g_strdup (names->plain[scale_index (scale)]);
    }
}

/**
 * kessan_format_column_name:
 * @column: a #KessanColumn
 * @filing: (nullable): the release it is in, whose calendar names its
 *   period and whose currency it is compared with; %NULL for a release
 *   in yen with a March year
 * @language: "en" or "ja"
 *
 * Names a column by what the reader reads it for: the period, whether
 * it is a forecast or the parent company alone, then the measure when it
 * is not an amount, or "USD" for a converted amount.
 *
 * Returns: (transfer full): "2Q FY2003 YoY %", "2003年度第2四半期 前年同期比",
 *   "FY2024 forecast"
 */
char *
kessan_format_column_name (KessanColumn *column,
                           KessanFiling *filing,
                           const char   *language)
{
  const PeriodNames *names = names_for (language);
  KessanCalendar calendar = KESSAN_CALENDAR_INIT;
  const char *code = kessan_column_get_currency_code (column);
  const char *reporting = filing != NULL ? kessan_filing_get_reporting_currency (filing) : "JPY";
  g_autofree char *date = NULL;
  KessanMeasure measure = kessan_column_get_measure (column);
  KessanScenario scenario = kessan_column_get_scenario (column);
  g_autoptr(GString) name = NULL;
  g_autofree char *period = NULL;

  if (filing != NULL)
    kessan_filing_get_calendar (filing, &calendar);
  date = kessan_format_fiscal_period_in (kessan_column_get_period_end (column), kessan_column_get_months (column),
                                         &calendar, names == &japanese_names ? "ja" : "en");
  name = g_string_new (date);

  if (scenario != KESSAN_SCENARIO_ACTUAL && (guint) scenario < G_N_ELEMENTS (names->scenario))
    g_string_append_printf (name, " %s", names->scenario[scenario]);
  if (kessan_column_get_consolidation (column) == KESSAN_CONSOLIDATION_NON_CONSOLIDATED)
    g_string_append_printf (name, " %s", names->non_consolidated);
  period = g_string_free (g_steal_pointer (&name), FALSE);

  if (measure != KESSAN_MEASURE_AMOUNT && (guint) measure < G_N_ELEMENTS (names->measure))
    return g_strdup_printf ("%s %s", period, names->measure[measure]);
  /* An amount in another currency than the release reports in is a
   * convenience translation. */
  if (code != NULL && reporting != NULL && strcmp (code, reporting) != 0)
    return g_strdup_printf ("%s %s", period, strcmp (code, "USD") == 0 ? names->usd : code);
  return g_steal_pointer (&period);
}

/**
 * kessan_format_period_short:
 * @period_end: (nullable): an ISO date
 * @months: the length of the period, 0 for a point in time
 * @japanese: whether to write it the Japanese way
 *
 * Names a period in few characters, for the axis of a chart: "2Q03" for
 * the quarter of July to September 2003 and "FY03" for the fiscal year
 * that starts in April 2003, or in Japanese "2003年7-9月" and "2003年度".
 * The language is an argument rather than the interface's, because
 * labels and legends follow the label language the user picks.
 *
 * Returns: (transfer full): the name
 */
char *
kessan_format_period_short (const char *period_end,
                            guint       months,
                            gboolean    japanese)
{
  return kessan_format_fiscal_period_short (period_end, months, NULL, japanese);
}

/**
 * kessan_format_fiscal_period_short:
 * @period_end: (nullable): an ISO date
 * @months: the length of the period, 0 for a point in time
 * @calendar: (nullable): the company's calendar (see
 *   kessan_format_fiscal_period())
 * @japanese: whether to write it the Japanese way
 *
 * Returns: (transfer full): the short name: "3Q11" for Apple's quarter
 *   that ended on June 25, 2011
 */
char *
kessan_format_fiscal_period_short (const char           *period_end,
                                   guint                 months,
                                   const KessanCalendar *calendar,
                                   gboolean              japanese)
{
  GDate end;
  guint year, month, quarter;

  if (period_end == NULL || !kessan_date_from_iso (period_end, &end))
    return g_strdup ("?");
  fiscal_year_and_quarter (&end, months, calendar, &year, &quarter);
  month = g_date_get_month (&end);

  if (months == 12)
    return japanese ? g_strdup_printf ("%u年度", year) : g_strdup_printf ("FY%02u", year % 100);
  if (months == 0)
    return japanese ? g_strdup_printf ("%u年%u月末", g_date_get_year (&end), month)
                    : g_strdup_printf ("%u/%02u", month, g_date_get_year (&end) % 100);
  if (japanese)
    {
      GDate start = end;

      /* The calendar months the period covers: 7-9月, 10-12月; a period
       * across the new year keeps both years. */
      g_date_set_day (&start, 1);
      g_date_subtract_months (&start, MAX (months, 1) - 1);
      if (g_date_get_year (&start) != g_date_get_year (&end))
        return g_strdup_printf ("%u年%u月-%u年%u月", g_date_get_year (&start), g_date_get_month (&start),
                                g_date_get_year (&end), month);
      return g_strdup_printf ("%u年%u-%u月", g_date_get_year (&end), g_date_get_month (&start), month);
    }
  if (months == 3)
    return g_strdup_printf ("%uQ%02u", quarter, year % 100);
  return g_strdup_printf ("%uM %u/%02u", months, month, g_date_get_year (&end) % 100);
}

/**
 * kessan_format_currency_unit:
 * @scale: 1, 1000, 1000000 or 1000000000
 * @currency_code: (nullable): an ISO 4217 code, or %NULL when the
 *   currency is not known
 * @language: (nullable): "en" or "ja", or %NULL for the interface's
 *
 * Returns: (transfer full): the unit: "USD millions", "EUR thousands",
 *   "百万円", "millions"
 */
char *
kessan_format_currency_unit (guint       scale,
                             const char *currency_code,
                             const char *language)
{
  int index = scale_index (scale);

  if (currency_code == NULL)
    return kessan_format_scale_unit_in (scale, KESSAN_CURRENCY_NONE, language);
  if (strcmp (currency_code, "JPY") == 0)
    return kessan_format_scale_unit_in (scale, KESSAN_CURRENCY_JPY, language);
  if (strcmp (currency_code, "USD") == 0)
    return kessan_format_scale_unit_in (scale, KESSAN_CURRENCY_USD, language);

  if (language != NULL)
    {
      static const char * const english[] = { "", " thousands", " millions", " billions" };
      static const char * const japanese[] = { "", "千", "百万", "十億" };

      if (names_for (language) == &japanese_names)
        return g_strconcat (japanese[index], currency_code, NULL);
      return g_strconcat (currency_code, english[index], NULL);
    }
  switch (index)
    {
    /* TRANSLATORS: an amount's unit by its currency code: "EUR thousands" */
    case 1: return g_strdup_printf (_("%s thousands"), currency_code);
    /* TRANSLATORS: an amount's unit by its currency code: "EUR millions" */
    case 2: return g_strdup_printf (_("%s millions"), currency_code);
    /* TRANSLATORS: an amount's unit by its currency code: "EUR billions" */
    case 3: return g_strdup_printf (_("%s billions"), currency_code);
    default: return g_strdup (currency_code);
    }
}
