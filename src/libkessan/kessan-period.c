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
  PATTERN_QUARTER_FIRST,
  PATTERN_FISCAL_YEAR,
  PATTERN_ENGLISH_DATE,
  PATTERN_JAPANESE_DATE,
  PATTERN_JAPANESE_MONTH,
  PATTERN_SLASH_DATE,
  PATTERN_US_DATE,
  N_PATTERNS
} Pattern;

#define ERA "(?:(昭和|平成|令和)\\s*)?"

static const char *pattern_sources[N_PATTERNS] = {
  [PATTERN_QUARTER_CODE] = "(?<![A-Za-z0-9])([1-4])Q(?:\\s*FY)?'?(\\d{4}|\\d{2})(?![0-9])",
  [PATTERN_QUARTER_FIRST] = "(?<![A-Za-z0-9])Q([1-4])\\s*(?:FY|[Ff]iscal\\s*)?'?(\\d{4}|\\d{2})(?![0-9])",
  [PATTERN_FISCAL_YEAR] = "(?<![A-Za-z0-9])FY\\s?'?(\\d{4}|\\d{2})(?![0-9])",
  [PATTERN_ENGLISH_DATE] = "(?<![A-Za-z])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s*(\\d{1,2}),?\\s*(\\d{4})(?![0-9])",
  [PATTERN_JAPANESE_DATE] = "(?<![0-9])" ERA "(元|\\d{1,4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日",
  [PATTERN_JAPANESE_MONTH] = "(?<![0-9])" ERA "(元|\\d{1,4})\\s*年\\s*(\\d{1,2})\\s*月期"
                              "(?:(通期)|\\s*第\\s*([1-4])\\s*四半期|\\s*([1-4])Q|\\s*(中間期))?",
  [PATTERN_SLASH_DATE] = "(?<![0-9])(\\d{4})/(\\d{1,2})/(\\d{1,2})(?![0-9])",
  /* "6/17/2023", as American releases print a date in a header */
  [PATTERN_US_DATE] = "(?<![0-9/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![0-9/])",
};

/* The calendar the first releases were read with: a fiscal year that
 * ends on March 31 and is named after the year it starts in. */
static const KessanCalendar march_calendar = { 3, 0, TRUE, 0 };

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
 * Returns: the fiscal year the period ends in, for a fiscal year that
 *   ends on March 31
 */
guint
kessan_fiscal_year_of (const GDate *end)
{
  g_return_val_if_fail (end != NULL && g_date_valid (end), 0);

  return kessan_fiscal_year_in (end, &march_calendar);
}

/**
 * kessan_months_spanned:
 * @start: the first day of a period
 * @end: its last day
 *
 * Returns: the period's length in whole months, counting 13 weeks as 3
 *   months and 52 or 53 weeks as 12
 */
guint
kessan_months_spanned (const GDate *start,
                       const GDate *end)
{
  int days;

  g_return_val_if_fail (start != NULL && end != NULL, 0);

  if (!g_date_valid (start) || !g_date_valid (end))
    return 0;
  days = g_date_days_between (start, end) + 1;
  if (days <= 0)
    return 0;
  return (guint) (days / 30.44 + 0.5);
}

static void
nominal_end (guint                 year,
             const KessanCalendar *calendar,
             GDate                *date)
{
  guint month = calendar->fiscal_end_month;
  guint days = g_date_get_days_in_month (month, year);
  guint day = calendar->fiscal_end_day > 0 ? MIN (calendar->fiscal_end_day, days) : days;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

/* The last day of the fiscal year a period ending on @end belongs to;
 * a year of 52 or 53 weeks may end up to a week after its nominal day. */
static void
fiscal_year_end_of (const GDate          *end,
                    const KessanCalendar *calendar,
                    GDate                *year_end)
{
  guint year = g_date_get_year (end) - 1;

  for (;; year++)
    {
      GDate late;

      nominal_end (year, calendar, year_end);
      late = *year_end;
      g_date_add_days (&late, 7);
      if (g_date_compare (end, &late) <= 0)
        return;
    }
}

static void
fiscal_year_start_of (const GDate          *end,
                      const KessanCalendar *calendar,
                      GDate                *start)
{
  GDate year_end;

  fiscal_year_end_of (end, calendar, &year_end);
  *start = year_end;
  g_date_subtract_years (start, 1);
  g_date_add_days (start, 1);
}

/**
 * kessan_fiscal_year_in:
 * @end: the last day of a period
 * @calendar: the release's calendar
 *
 * Names the fiscal year a period belongs to by the calendar year the
 * fiscal year starts in; a year of 52 or 53 weeks that starts in the last
 * days of December is named by the year after.
 *
 * Returns: the fiscal year, or 0 when the calendar does not say when its
 *   fiscal years end
 */
guint
kessan_fiscal_year_in (const GDate          *end,
                       const KessanCalendar *calendar)
{
  GDate start;

  g_return_val_if_fail (end != NULL && g_date_valid (end), 0);
  g_return_val_if_fail (calendar != NULL, 0);

  if (calendar->fiscal_end_month == 0)
    return 0;
  fiscal_year_start_of (end, calendar, &start);
  if (g_date_get_month (&start) == 12 && g_date_get_day (&start) >= 24)
    return g_date_get_year (&start) + 1;
  return g_date_get_year (&start);
}

/**
 * kessan_fiscal_quarter_in:
 * @end: the last day of a period
 * @months: its length (12 for a whole year)
 * @calendar: the release's calendar
 *
 * Returns: the quarter of the fiscal year (1-4) the period ends with, 0
 *   for a whole year or when the calendar does not say
 */
guint
kessan_fiscal_quarter_in (const GDate          *end,
                          guint                 months,
                          const KessanCalendar *calendar)
{
  GDate start;
  int days;

  g_return_val_if_fail (end != NULL && g_date_valid (end), 0);
  g_return_val_if_fail (calendar != NULL, 0);

  if (calendar->fiscal_end_month == 0 || months >= 12)
    return 0;
  fiscal_year_start_of (end, calendar, &start);
  days = g_date_days_between (&start, end) + 1;
  return (guint) CLAMP ((days + 45) / 91, 1, 4);
}

/**
 * kessan_fiscal_year_named:
 * @end: the last day of a period
 * @calendar: (nullable): the company's calendar, or %NULL for the March
 *   year of the first releases
 *
 * Names the fiscal year a period belongs to as the company does: a
 * Japanese company whose year ends in the first months of a year names
 * it by the year it starts in (IIJ's "FY2003" ends in March 2004), as do
 * retailers whose year ends at the end of January; other companies name
 * it by the year it ends in (Apple's "fiscal 2011" ends in September
 * 2011, Oracle's "fiscal 2025" in May 2025).
 *
 * Returns: the fiscal year's number
 */
guint
kessan_fiscal_year_named (const GDate          *end,
                          const KessanCalendar *calendar)
{
  GDate year_end;
  guint month, day;

  g_return_val_if_fail (end != NULL && g_date_valid (end), 0);

  if (calendar == NULL || calendar->fiscal_end_month == 0)
    calendar = &march_calendar;
  month = calendar->fiscal_end_month;
  day = calendar->fiscal_end_day;
  if (month == 12 || calendar->codes_name_start || month == 1 || (month == 2 && day > 0 && day <= 7))
    return kessan_fiscal_year_in (end, calendar);
  fiscal_year_end_of (end, calendar, &year_end);
  return g_date_get_year (&year_end);
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

/* The end of quarter @quarter of the fiscal year a code names. */
static gboolean
quarter_end (guint                 code_year,
             guint                 quarter,
             const KessanCalendar *calendar,
             GDate                *date)
{
  guint end_month = calendar->fiscal_end_month;
  gboolean name_start = calendar->codes_name_start;
  guint year = code_year;
  int month;

  /* A quarter code ("2Q03") in a release that never says when its year
   * ends is read as the releases it was first read on print it; only the
   * code is read so: the filing's fiscal year end stays unknown. */
  if (end_month == 0)
    {
      end_month = march_calendar.fiscal_end_month;
      name_start = march_calendar.codes_name_start;
    }
  if (name_start && end_month != 12)
    year++;
  month = (int) end_month - 3 * (4 - (int) quarter);
  if (month < 1)
    {
      month += 12;
      year--;
    }
  return set_month_end (date, year, (guint) month);
}

static guint
two_digit_year (const char *digits)
{
  guint value = (guint) atoi (digits);

  if (strlen (digits) == 4)
    return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

/* A Japanese year: of an era ("平成26", "令和元"), in full, or of two
 * digits that the year the release is dated in resolves ("26年3月期" in
 * a release of 2014 is 平成26年). */
static guint
japanese_year (const char           *era,
               const char           *digits,
               const KessanCalendar *calendar)
{
  guint n = g_str_equal (digits, "元") ? 1 : (guint) atoi (digits);
  static const guint bases[] = { 2000, 1988, 2018, 1925 };
  guint best = 0;

  if (era != NULL && *era != '\0')
    {
      if (g_str_equal (era, "昭和"))
        return 1925 + n;
      if (g_str_equal (era, "平成"))
        return 1988 + n;
      return 2018 + n;
    }
  if (strlen (digits) == 4)
    return n;
  if (calendar->dated_year == 0 || n == 0)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      guint year = bases[i] + n;

      if (year <= calendar->dated_year + 1 && year > best)
        best = year;
    }
  return best;
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
period_from_match (Pattern               pattern,
                   GMatchInfo           *match,
                   const KessanCalendar *calendar,
                   KessanPeriod         *period)
{
  g_autofree char *a = g_match_info_fetch (match, 1);
  g_autofree char *b = g_match_info_fetch (match, 2);
  g_autofree char *c = g_match_info_fetch (match, 3);
  g_autofree char *d = g_match_info_fetch (match, 4);

  switch (pattern)
    {
    case PATTERN_QUARTER_CODE:
    case PATTERN_QUARTER_FIRST:
      period->months = 3;
      return quarter_end (two_digit_year (b), (guint) atoi (a), calendar, &period->end);

    case PATTERN_FISCAL_YEAR:
      period->months = 12;
      return quarter_end (two_digit_year (a), 4, calendar, &period->end);

    case PATTERN_ENGLISH_DATE:
      period->months = 0;
      return set_day (&period->end, (guint) atoi (c), english_month (a), (guint) atoi (b));

    case PATTERN_JAPANESE_DATE:
      period->months = 0;
      return set_day (&period->end, japanese_year (a, b, calendar), (guint) atoi (c), (guint) atoi (d));

    case PATTERN_SLASH_DATE:
      period->months = 0;
      return set_day (&period->end, (guint) atoi (a), (guint) atoi (b), (guint) atoi (c));

    case PATTERN_US_DATE:
      period->months = 0;
      return set_day (&period->end, (guint) atoi (c), (guint) atoi (a), (guint) atoi (b));

    case PATTERN_JAPANESE_MONTH:
      {
        g_autofree char *quarter = g_match_info_fetch (match, 5);
        g_autofree char *code = g_match_info_fetch (match, 6);
        g_autofree char *half = g_match_info_fetch (match, 7);
        guint q = quarter != NULL && *quarter != '\0' ? (guint) atoi (quarter)
                  : code != NULL && *code != '\0' ? (guint) atoi (code)
                  : half != NULL && *half != '\0' ? 2 : 0;
        int month = atoi (c);
        guint year = japanese_year (a, b, calendar);

        period->months = (d != NULL && *d != '\0') ? 12 : 0;
        /* "2022年4月期第1四半期": the first quarter of the year that ends
         * in April 2022 ends in July 2021; a 決算短信 reports the months
         * of the year up to its quarter's end. */
        if (q > 0 && q < 4)
          {
            month -= (int) (12 - 3 * q);
            if (month < 1)
              {
                month += 12;
                year--;
              }
            period->months = 3 * q;
          }
        else if (q == 4)
          period->months = 12;
        return set_month_end (&period->end, year, (guint) month);
      }

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

/* Whether the text between two marks holds only what joins "自 … 至 …"
 * or "… ～ …": spaces, brackets and the marks themselves. */
static gboolean
only_range_marks (const char *from,
                  const char *to)
{
  static const char * const marks[] = { "至", "～", "〜", "~", "－", "-", "–", "(", ")", "（", "）", "から", " ", "\t" };

  for (const char *p = from; p < to;)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (marks) && !known; i++)
        if (g_str_has_prefix (p, marks[i]))
          {
            p += strlen (marks[i]);
            known = TRUE;
          }
      if (!known)
        return FALSE;
    }
  return TRUE;
}

static gboolean
preceded_by_from (const char *text,
                  guint       offset)
{
  const char *p = text + offset;

  while (p > text && (p[-1] == ' ' || p[-1] == '(' || p[-1] == '\t'))
    p--;
  if (p - text >= 3 && memcmp (p - 3, "（", 3) == 0)
    p -= 3;
  while (p > text && p[-1] == ' ')
    p--;
  return p - text >= 3 && memcmp (p - 3, "自", 3) == 0;
}

static gboolean
preceded_by_to (const char *text,
                guint       offset)
{
  const char *p = text + offset;

  while (p > text && (p[-1] == ' ' || p[-1] == '\t'))
    p--;
  return p - text >= 3 && memcmp (p - 3, "至", 3) == 0;
}

/* "自 2023年4月1日 至 2024年3月31日" and "2023年4月1日～2024年3月31日"
 * name one period, from its first day to its last. */
static void
join_ranges (const char *text,
             GArray     *periods)
{
  for (guint i = 0; i + 1 < periods->len; i++)
    {
      KessanPeriod *first = &g_array_index (periods, KessanPeriod, i);
      KessanPeriod *second = &g_array_index (periods, KessanPeriod, i + 1);
      const char *between = text + first->offset + first->length;

      if (first->months != 0 || second->months != 0 || g_date_valid (&first->start))
        continue;
      if (!only_range_marks (between, text + second->offset))
        continue;
      /* "自 A 至 B", or "A ～ B"; never "至 A) 至 B)", the ends of two
       * periods printed side by side. */
      {
        gsize gap = (gsize) (text + second->offset - between);
        gboolean tilde = g_utf8_strchr (between, (gssize) gap, 0xff5e) != NULL
                         || g_utf8_strchr (between, (gssize) gap, 0x301c) != NULL
                         || memchr (between, '~', gap) != NULL;

        if (!preceded_by_from (text, first->offset) && !(tilde && !preceded_by_to (text, first->offset)))
          continue;
      }
      if (g_date_compare (&first->end, &second->end) >= 0)
        continue;
      second->start = first->end;
      second->months = kessan_months_spanned (&second->start, &second->end);
      second->length = second->offset + second->length - first->offset;
      second->offset = first->offset;
      g_array_remove_index (periods, i);
    }
}

/**
 * kessan_period_scan:
 * @text: one line or header of a release
 *
 * As kessan_period_scan_in() for a fiscal year that ends on March 31.
 *
 * Returns: (transfer full) (element-type KessanPeriod): the periods found
 */
GArray *
kessan_period_scan (const char *text)
{
  return kessan_period_scan_in (text, &march_calendar);
}

/* Whether @text holds what every match of @pattern holds ("Q", "FY",
 * "年"…): most lines asked name no period, and are not matched against
 * every pattern. */
static gboolean
may_match (Pattern     pattern,
           const char *text)
{
  switch (pattern)
    {
    case PATTERN_QUARTER_CODE:
    case PATTERN_QUARTER_FIRST:
      return strchr (text, 'Q') != NULL;
    case PATTERN_FISCAL_YEAR:
      return strstr (text, "FY") != NULL;
    case PATTERN_ENGLISH_DATE:
      {
        static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

        for (const char *p = text; *p != '\0'; p++)
          if (*p >= 'A' && *p <= 'S' && p[1] != '\0' && p[2] != '\0')
            for (guint m = 0; m < 36; m += 3)
              if (memcmp (p, months + m, 3) == 0)
                return TRUE;
        return FALSE;
      }
    case PATTERN_JAPANESE_DATE:
      return strstr (text, "\xe5\xb9\xb4") != NULL && strstr (text, "\xe6\x97\xa5") != NULL; /* 年, 日 */
    case PATTERN_JAPANESE_MONTH:
      return strstr (text, "\xe5\xb9\xb4") != NULL && strstr (text, "\xe6\x9c\x88\xe6\x9c\x9f") != NULL; /* 年, 月期 */
    case PATTERN_SLASH_DATE:
    case PATTERN_US_DATE:
      return strchr (text, '/') != NULL;
    case N_PATTERNS:
    default:
      return TRUE;
    }
}

/**
 * kessan_period_scan_in:
 * @text: one line or header of a release
 * @calendar: the release's calendar
 *
 * Finds every period a text names, in the order it names them: quarter
 * codes (2Q03, Q4 FY22), fiscal years (FY2002), English dates (Sept 30,
 * 2003), Japanese ones (2003年9月期, 2003年9月30日, 平成26年3月31日,
 * 2003/9/30) and ranges (自 2023年4月1日 至 2024年3月31日).  A date after
 * "自" that no "至" follows on the line is given as a start: its @start
 * set and its months 0.
 *
 * Returns: (transfer full) (element-type KessanPeriod): the periods found
 */
GArray *
kessan_period_scan_in (const char           *text,
                       const KessanCalendar *calendar)
{
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (KessanPeriod));
  GArray *result;
  guint covered_until = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (calendar != NULL, NULL);

  result = g_array_new (FALSE, TRUE, sizeof (KessanPeriod));

  /* Skip the regex work for text that cannot name a period. */
  if (strpbrk (text, "0123456789") == NULL)
    return result;

  for (guint i = 0; i < N_PATTERNS; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (!may_match (i, text))
        continue;
      g_regex_match (get_pattern (i), text, 0, &match);
      while (g_match_info_matches (match))
        {
          KessanPeriod period = { 0 };
          int start, stop;

          g_match_info_fetch_pos (match, 0, &start, &stop);
          period.offset = (guint) start;
          period.length = (guint) (stop - start);
          if (period_from_match (i, match, calendar, &period))
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

  join_ranges (text, result);
  for (guint i = 0; i < result->len; i++)
    {
      KessanPeriod *period = &g_array_index (result, KessanPeriod, i);

      if (!g_date_valid (&period->start) && period->months == 0 && preceded_by_from (text, period->offset))
        period->start = period->end;
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
