/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-period"

#include "kessan-period.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* The releases follow a fiscal year that starts on April 1 and is named
 * after the calendar year it starts in: FY2003 ends on 2004-03-31. */
#define FISCAL_YEAR_END_MONTH 3

typedef enum
{
  PATTERN_QUARTER_CODE,
  PATTERN_FISCAL_YEAR,
  PATTERN_ENGLISH_DATE,
  PATTERN_JAPANESE_DATE,
  PATTERN_JAPANESE_MONTH,
  PATTERN_SLASH_DATE,
  N_PATTERNS
} Pattern;

static const char *pattern_sources[N_PATTERNS] = {
  [PATTERN_QUARTER_CODE] = "(?<![A-Za-z0-9])([1-4])Q(?:\\s*FY)?(\\d{4}|\\d{2})(?![0-9])",
  [PATTERN_FISCAL_YEAR] = "(?<![A-Za-z0-9])FY\\s?(\\d{4})(?![0-9])",
  [PATTERN_ENGLISH_DATE] = "(?<![A-Za-z])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s*(\\d{1,2}),?\\s*(\\d{4})(?![0-9])",
  [PATTERN_JAPANESE_DATE] = "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日",
  [PATTERN_JAPANESE_MONTH] = "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月期(通期)?",
  [PATTERN_SLASH_DATE] = "(?<![0-9])(\\d{4})/(\\d{1,2})/(\\d{1,2})(?![0-9])",
};

static GRegex *
get_pattern (Pattern pattern)
{
  static GRegex *regexes[N_PATTERNS];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < N_PATTERNS; i++)
        {
          g_autoptr(GError) error = NULL;

          regexes[i] = g_regex_new (pattern_sources[i], G_REGEX_OPTIMIZE, 0, &error);
          if (regexes[i] == NULL)
            g_error ("Invalid period pattern %u: %s", i, error->message);
        }
      g_once_init_leave (&initialized, 1);
    }

  return regexes[pattern];
}

/**
 * kessan_fiscal_year_of:
 * @end: the last day of a period
 *
 * Returns: the fiscal year the period ends in
 */
guint
kessan_fiscal_year_of (const GDate *end)
{
  g_return_val_if_fail (end != NULL && g_date_valid (end), 0);

  if (g_date_get_month (end) <= FISCAL_YEAR_END_MONTH)
    return g_date_get_year (end) - 1;
  return g_date_get_year (end);
}

static gboolean
set_month_end (GDate *date,
               guint  year,
               guint  month)
{
  if (month < 1 || month > 12 || year < 1900 || year > 2200)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_get_days_in_month (month, year), month, year);
  return TRUE;
}

static gboolean
set_day (GDate *date,
         guint  year,
         guint  month,
         guint  day)
{
  if (month < 1 || month > 12 || year < 1900 || year > 2200)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
quarter_end (guint  fiscal_year,
             guint  quarter,
             GDate *date)
{
  guint month = FISCAL_YEAR_END_MONTH + 3 * quarter;
  guint year = fiscal_year;

  if (month > 12)
    {
      month -= 12;
      year++;
    }
  return set_month_end (date, year, month);
}

static guint
two_digit_year (const char *digits)
{
  guint value = (guint) atoi (digits);

  if (strlen (digits) == 4)
    return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

static guint
english_month (const char *name)
{
  static const char *months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return i + 1;
  return 0;
}

static gboolean
period_from_match (Pattern     pattern,
                   GMatchInfo *match,
                   KessanPeriod *period)
{
  g_autofree char *a = g_match_info_fetch (match, 1);
  g_autofree char *b = g_match_info_fetch (match, 2);
  g_autofree char *c = g_match_info_fetch (match, 3);

  switch (pattern)
    {
    case PATTERN_QUARTER_CODE:
      period->months = 3;
      return quarter_end (two_digit_year (b), (guint) atoi (a), &period->end);

    case PATTERN_FISCAL_YEAR:
      period->months = 12;
      return quarter_end ((guint) atoi (a), 4, &period->end);

    case PATTERN_ENGLISH_DATE:
      period->months = 0;
      return set_day (&period->end, (guint) atoi (c), english_month (a), (guint) atoi (b));

    case PATTERN_JAPANESE_DATE:
    case PATTERN_SLASH_DATE:
      period->months = 0;
      return set_day (&period->end, (guint) atoi (a), (guint) atoi (b), (guint) atoi (c));

    case PATTERN_JAPANESE_MONTH:
      period->months = (c != NULL && *c != '\0') ? 12 : 0;
      return set_month_end (&period->end, (guint) atoi (a), (guint) atoi (b));

    case N_PATTERNS:
    default:
      return FALSE;
    }
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const KessanPeriod *pa = a;
  const KessanPeriod *pb = b;

  if (pa->offset != pb->offset)
    return pa->offset < pb->offset ? -1 : 1;
  /* Of two mentions at one place, the longer one is the real one. */
  return pa->length > pb->length ? -1 : pa->length < pb->length;
}

/**
 * kessan_period_scan:
 * @text: one line or header of a release
 *
 * Finds every period a text names, in the order it names them: quarter
 * codes (2Q03, 4Q02), fiscal years (FY2002), English dates (Sept 30, 2003)
 * and Japanese ones (2003年9月期, 2003年9月30日, 2003/9/30).
 *
 * Returns: (transfer full) (element-type KessanPeriod): the periods found
 */
GArray *
kessan_period_scan (const char *text)
{
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (KessanPeriod));
  GArray *result;
  guint covered_until = 0;

  g_return_val_if_fail (text != NULL, NULL);

  result = g_array_new (FALSE, TRUE, sizeof (KessanPeriod));

  /* Skip the regex work for text that cannot name a period. */
  if (strpbrk (text, "0123456789") == NULL)
    return result;

  for (guint i = 0; i < N_PATTERNS; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      g_regex_match (get_pattern (i), text, 0, &match);
      while (g_match_info_matches (match))
        {
          KessanPeriod period = { 0 };
          int start, stop;

          g_match_info_fetch_pos (match, 0, &start, &stop);
          period.offset = (guint) start;
          period.length = (guint) (stop - start);
          if (period_from_match (i, match, &period))
            g_array_append_val (found, period);
          g_match_info_next (match, NULL);
        }
    }

  g_array_sort (found, compare_offsets);

  for (guint i = 0; i < found->len; i++)
    {
      KessanPeriod *period = &g_array_index (found, KessanPeriod, i);

      if (period->offset < covered_until)
        continue;
      g_array_append_val (result, *period);
      covered_until = period->offset + period->length;
    }

  return result;
}

/**
 * kessan_period_parse_code:
 * @code: a quarter code ("2Q03") or fiscal year ("FY2002")
 * @period: (out): where the period ends and its length
 *
 * Returns: %TRUE when the whole of @code names one period
 */
gboolean
kessan_period_parse_code (const char   *code,
                          KessanPeriod *period)
{
  g_autoptr(GArray) periods = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  stripped = g_strstrip (g_strdup (code));
  periods = kessan_period_scan (stripped);
  if (periods->len != 1)
    return FALSE;
  *period = g_array_index (periods, KessanPeriod, 0);
  return period->offset == 0 && period->length == strlen (stripped);
}

char *
kessan_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
kessan_date_from_iso (const char *iso,
                      GDate      *date)
{
  guint year, month, day;
  char tail;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;
  return set_day (date, year, month, day);
}
