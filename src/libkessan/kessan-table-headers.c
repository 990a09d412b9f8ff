/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "kessan-parser-private.h"

#include <stdlib.h>
#include <string.h>

/* What the headers over a table's columns say, and over which columns
 * they say it: "Three Months Ended" spans the two columns under it,
 * "July 3," completes the years printed below it. */

/**
 * kessan_text_display_column:
 * @text: a line
 * @offset: a byte offset in it
 *
 * Returns: the display column of @offset, a wide character counting two
 */
guint
kessan_text_display_column (const char *text,
                            guint       offset)
{
  guint column = 0;

  for (const char *p = text; *p != '\0' && (guint) (p - text) < offset; p = g_utf8_next_char (p))
    column += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return column;
}

static GRegex *
duration_regex (void)
{
  static GRegex *regex;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      regex = g_regex_new ("(?<![A-Za-z])(?:(three|six|nine|twelve|3|6|9|12)[ -]months?"
                           "|(twelve|thirteen|sixteen|twenty[ -]four|twenty[ -]six|thirty[ -]six|thirty[ -]nine|fifty[ -]two|fifty[ -]three|\\d{1,2})[ -]weeks?"
                           "|((?:fiscal |first |second |third |fourth )?quarters?)"
                           "|((?:fiscal )?years?))"
                           "(?:\\s+end(?:ed|ing)|(?=\\s*$))"
                           "|(第\\s*[1-4１-４]\\s*四半期(?:連結)?(?:累計)?(?:期間)?|中間期|通期)",
                           G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_once_init_leave (&initialized, 1);
    }
  return regex;
}

/* The weeks a duration names, or 0. */
static guint
duration_weeks (GMatchInfo *match)
{
  static const struct { const char *word; guint weeks; } words[] = {
    { "twelve", 12 }, { "thirteen", 13 }, { "sixteen", 16 }, { "twenty four", 24 }, { "twenty six", 26 },
    { "thirty six", 36 }, { "thirty nine", 39 }, { "fifty two", 52 }, { "fifty three", 53 },
  };
  g_autofree char *weeks = g_match_info_fetch (match, 2);

  if (weeks == NULL || *weeks == '\0')
    return 0;
  if (g_ascii_isdigit (weeks[0]))
    return (guint) atoi (weeks);
  g_strdelimit (weeks, "-", ' ');
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strncasecmp (weeks, words[i].word, strlen (words[i].word)) == 0)
      return words[i].weeks;
  return 0;
}

static guint
duration_months (GMatchInfo *match)
{
  g_autofree char *months = g_match_info_fetch (match, 1);
  guint weeks = duration_weeks (match);
  g_autofree char *quarter = g_match_info_fetch (match, 3);
  g_autofree char *year = g_match_info_fetch (match, 4);
  g_autofree char *japanese = g_match_info_fetch (match, 5);

  if (months != NULL && *months != '\0')
    {
      if (g_ascii_isdigit (months[0]))
        return (guint) atoi (months);
      return g_ascii_strncasecmp (months, "three", 5) == 0 ? 3
             : g_ascii_strncasecmp (months, "six", 3) == 0 ? 6
             : g_ascii_strncasecmp (months, "nine", 4) == 0 ? 9 : 12;
    }
  /* Whole months, as kessan_months_spanned() counts them: 13 weeks
   * are 3 months, 36 weeks 8. */
  if (weeks > 0)
    return (guint) (weeks * 7 / 30.44 + 0.5);
  if (quarter != NULL && *quarter != '\0')
    return 3;
  if (year != NULL && *year != '\0')
    return 12;
  if (japanese != NULL && *japanese != '\0')
    {
      /* 第2四半期累計期間 is the half year; 第2四半期 alone the quarter. */
      guint q = 0;

      for (const char *p = japanese; *p != '\0' && q == 0; p = g_utf8_next_char (p))
        {
          int digit = g_unichar_digit_value (g_utf8_get_char (p));

          if (digit > 0)
            q = (guint) digit;
        }
      if (strstr (japanese, "四半期") != NULL)
        return strstr (japanese, "累計") != NULL ? 3 * q : 3;
      if (strstr (japanese, "中間期") != NULL)
        return 6;
      return 12;
    }
  return 0;
}

/**
 * kessan_header_durations:
 * @text: a header line
 *
 * Returns: (transfer full) (element-type KessanHeaderSpan): the lengths
 *   of period the line names ("Three Months Ended", "13 Weeks Ended",
 *   "Year Ended", "As of", "第1四半期", "通期"), 0 months for a date
 */
GArray *
kessan_header_durations (const char *text)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (KessanHeaderSpan));
  g_autoptr(GMatchInfo) match = NULL;

  /* Every match holds "month", "wee(k)", "quarter", "year", "四半期",
   * "中間期" or "通期" (the letters compared have no case forms outside
   * ASCII, unlike "k"): most lines asked hold none. */
  if (kessan_text_find_ci (text, "month") == NULL && kessan_text_find_ci (text, "wee") == NULL
      && kessan_text_find_ci (text, "quarter") == NULL && kessan_text_find_ci (text, "year") == NULL
      && strstr (text, "\xe5\x9b\x9b\xe5\x8d\x8a\xe6\x9c\x9f") == NULL    /* 四半期 */
      && strstr (text, "\xe4\xb8\xad\xe9\x96\x93\xe6\x9c\x9f") == NULL    /* 中間期 */
      && strstr (text, "\xe9\x80\x9a\xe6\x9c\x9f") == NULL)                  /* 通期 */
    return spans;
  g_regex_match (duration_regex (), text, 0, &match);
  while (g_match_info_matches (match))
    {
      KessanHeaderSpan span = { 0 };
      int start, stop;

      g_match_info_fetch_pos (match, 0, &start, &stop);
      /* The phrase goes on to its date ("Three Months Ended June 30,"),
       * printed over the middle of its columns: the span reaches to the
       * next gap of the layout. */
      while (text[stop] != '\0' && text[stop] != '\t' && !(text[stop] == ' ' && text[stop + 1] == ' ')
             && !(text[stop] == ' ' && text[stop + 1] == '\0'))
        stop++;
      span.first = kessan_text_display_column (text, (guint) start);
      span.last = kessan_text_display_column (text, (guint) stop);
      span.months = duration_months (match);
      span.weeks = duration_weeks (match);
      g_array_append_val (spans, span);
      g_match_info_next (match, NULL);
    }
  return spans;
}

/* Whether @text holds the start of a month's name, in any case: "sep"
 * is tested as "ep", since "s" has a case form outside ASCII ("ſ"), and
 * the others have letters without one. */
static gboolean
may_name_month (const char *text)
{
  static const char months[] = "janfebmaraprmayjunjulaugxepoctnovdec";

  for (const char *p = text; p[0] != '\0' && p[1] != '\0' && p[2] != '\0'; p++)
    {
      char a = g_ascii_tolower (p[0]), b = g_ascii_tolower (p[1]), c = g_ascii_tolower (p[2]);

      if (b == 'e' && c == 'p')
        return TRUE;
      for (guint m = 0; m < sizeof months - 1; m += 3)
        if (a == months[m] && b == months[m + 1] && c == months[m + 2])
          return TRUE;
    }
  return FALSE;
}

/**
 * kessan_header_month_days:
 * @text: a header line
 *
 * Returns: (transfer full) (element-type KessanHeaderSpan): the month
 *   and day mentions without a year ("July 3,", "Dec. 31")
 */
GArray *
kessan_header_month_days (const char *text)
{
  static GRegex *regex;
  static gsize initialized;
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (KessanHeaderSpan));
  g_autoptr(GMatchInfo) match = NULL;
  static const char *months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec" };

  if (g_once_init_enter (&initialized))
    {
      regex = g_regex_new ("(?<![A-Za-z])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+(\\d{1,2})(?![0-9])(?!,?\\s*\\d{4})",
                           G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_assert (regex != NULL);
      g_once_init_leave (&initialized, 1);
    }

  if (!may_name_month (text))
    return spans;
  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *month = g_match_info_fetch (match, 1);
      g_autofree char *day = g_match_info_fetch (match, 2);
      KessanHeaderSpan span = { 0 };
      int start, stop;

      g_match_info_fetch_pos (match, 0, &start, &stop);
      span.first = kessan_text_display_column (text, (guint) start);
      span.last = kessan_text_display_column (text, (guint) stop);
      for (guint i = 0; i < G_N_ELEMENTS (months); i++)
        if (g_ascii_strncasecmp (month, months[i], 3) == 0)
          span.month = i + 1;
      span.day = (guint) atoi (day);
      if (span.day >= 1 && span.day <= 31)
        g_array_append_val (spans, span);
      g_match_info_next (match, NULL);
    }
  return spans;
}

/**
 * kessan_header_span_nearest:
 * @spans: (element-type KessanHeaderSpan): the spans of one header line
 * @first: first display column of what is headed
 * @last: display column after its last
 *
 * Returns: (nullable): the span over @first…@last, or the nearest one
 */
const KessanHeaderSpan *
kessan_header_span_nearest (GArray *spans,
                            guint   first,
                            guint   last)
{
  const KessanHeaderSpan *best = NULL;
  guint best_distance = G_MAXUINT;
  guint centre = (first + last) / 2;

  for (guint i = 0; i < spans->len; i++)
    {
      const KessanHeaderSpan *span = &g_array_index (spans, KessanHeaderSpan, i);
      guint distance;

      if (centre >= span->first && centre <= span->last)
        distance = 0;
      else
        distance = centre < span->first ? span->first - centre : centre - span->last;
      if (distance < best_distance)
        {
          best = span;
          best_distance = distance;
        }
    }
  return best;
}
