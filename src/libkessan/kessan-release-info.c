/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "kessan-parser-private.h"

#include <stdlib.h>
#include <string.h>

/* What a release says about itself outside its tables: when its fiscal
 * year ends, how it names its fiscal years. */

/**
 * kessan_regex_shared:
 * @pattern: a regular expression the readers match lines against
 * @flags: its compile flags
 *
 * The readers match the same patterns in every release: each is compiled
 * once for the process, with its matcher compiled too
 * (%G_REGEX_OPTIMIZE), rather than for every parse.  A #GRegex may be
 * used by several threads at once.
 *
 * Returns: (transfer none): the compiled pattern, kept for the process
 */
GRegex *
kessan_regex_shared (const char         *pattern,
                     GRegexCompileFlags  flags)
{
  static GMutex lock;
  static GHashTable *compiled;
  g_autofree char *key = g_strdup_printf ("%x:%s", (guint) flags, pattern);
  GRegex *regex;

  g_mutex_lock (&lock);
  if (compiled == NULL)
    compiled = g_hash_table_new (g_str_hash, g_str_equal);
  regex = g_hash_table_lookup (compiled, key);
  if (regex == NULL)
    {
      g_autoptr(GError) error = NULL;

      regex = g_regex_new (pattern, flags | G_REGEX_OPTIMIZE, 0, &error);
      if (regex == NULL)
        g_error ("Invalid pattern “%s”: %s", pattern, error->message);
      g_hash_table_insert (compiled, g_steal_pointer (&key), regex);
    }
  g_mutex_unlock (&lock);
  return regex;
}

static guint
month_of_name (const char *name)
{
  static const char *months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return i + 1;
  return 0;
}

typedef struct
{
  guint votes[13];
  guint day[13];
} YearEndVotes;

static void
vote (YearEndVotes *votes,
      guint         month,
      guint         day,
      guint         weight)
{
  if (month < 1 || month > 12)
    return;
  votes->votes[month] += weight;
  votes->day[month] = MAX (votes->day[month], day);
}

static gboolean
text_reports_yen (KessanParseContext *context)
{
  for (guint i = 0; i < context->n_lines; i++)
    {
      const char *text = context->lines[i].text;

      if (context->lines[i].kind == KESSAN_LINE_BLANK)
        continue;
      if (strstr (text, "JPY") != NULL || strstr (text, "百万円") != NULL || strstr (text, "千円") != NULL
          || strstr (text, "millions of yen") != NULL || strstr (text, "Millions of yen") != NULL)
        return TRUE;
    }
  return FALSE;
}

/**
 * kessan_release_find_calendar:
 * @context: the parse of a release, its lines scanned and its date found
 *
 * Reads when the release's fiscal year ends from what it prints: "fiscal
 * year ended September 25", "years ended December 31", "2024年3月期",
 * "自 2023年4月1日 至 2024年3月31日".  Nothing is assumed: a release that
 * says none of these leaves the month unknown.
 */
void
kessan_release_find_calendar (KessanParseContext *context)
{
  GRegex *english = kessan_regex_shared ("(?:fiscal\\s+years?|years?)\\s+(?:end(?:ed|ing|s)?)\\s+(?:on\\s+)?"
                                           "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+(\\d{1,2})(?![0-9])",
                                           G_REGEX_CASELESS);
  GRegex *japanese = kessan_regex_shared ("(?:\\d{1,4}|元)\\s*年\\s*(\\d{1,2})\\s*月期"
                                            "(\\s*(?:第\\s*[1-4１-４]\\s*四半期|通期|決算|中間|の?連結業績予想))?", 0);
  YearEndVotes votes = { { 0 } };
  KessanCalendar *calendar = &context->calendar;
  guint best = 0;

  if (g_date_valid (&context->released))
    calendar->dated_year = g_date_get_year (&context->released);

  for (guint i = 0; i < context->n_lines; i++)
    {
      const char *text = context->lines[i].text;
      g_autoptr(GMatchInfo) match = NULL;

      if (context->lines[i].kind == KESSAN_LINE_BLANK || strpbrk (text, "0123456789") == NULL)
        continue;

      /* Each pattern needs a word most lines lack ("year", "月期"):
       * tested first, most lines never reach the regular expressions. */
      if (kessan_text_find_ci (text, "year") != NULL)
        g_regex_match (english, text, 0, &match);
      while (match != NULL && g_match_info_matches (match))
        {
          g_autofree char *month = g_match_info_fetch (match, 1);
          g_autofree char *day = g_match_info_fetch (match, 2);

          vote (&votes, month_of_name (month), (guint) atoi (day), 10);
          g_match_info_next (match, NULL);
        }
      g_clear_pointer (&match, g_match_info_free);

      if (strstr (text, "月期") != NULL)
        g_regex_match (japanese, text, 0, &match);
      while (match != NULL && g_match_info_matches (match))
        {
          g_autofree char *month = g_match_info_fetch (match, 1);
          g_autofree char *named = g_match_info_fetch (match, 2);

          /* "2003年9月期" may name a quarter; "2024年3月期 第1四半期"
           * names the fiscal year the quarter is in. */
          vote (&votes, (guint) atoi (month), 0, named != NULL && *named != '\0' ? 10 : 1);
          g_match_info_next (match, NULL);
        }

      /* A range of a whole year ends where the fiscal year ends. */
      if (strstr (text, "至") != NULL || strstr (text, "～") != NULL || strstr (text, "〜") != NULL)
        {
          g_autoptr(GArray) periods = kessan_period_scan_in (text, calendar);

          for (guint j = 0; j < periods->len; j++)
            {
              KessanPeriod *period = &g_array_index (periods, KessanPeriod, j);

              if (g_date_valid (&period->start) && period->months == 12)
                vote (&votes, g_date_get_month (&period->end), g_date_get_day (&period->end), 10);
            }
        }
    }

  for (guint m = 1; m <= 12; m++)
    if (votes.votes[m] > votes.votes[best])
      best = m;
  if (best == 0)
    return;

  calendar->fiscal_end_month = best;
  calendar->fiscal_end_day = votes.day[best] > 0 && votes.day[best] < g_date_get_days_in_month (best, 2001)
                             ? votes.day[best] : 0;
  /* Japanese companies name a fiscal year that ends in the first months
   * of a year after the year it starts in ("FY2003" ends in March 2004). */
  calendar->codes_name_start = best <= 3 && text_reports_yen (context);
}

typedef struct
{
  GDate date;
  guint weight;
  gboolean exact;   /* a printed day, not one reckoned back from a length */
} YearEndGuess;

static guint
day_distance (const GDate *a,
              const GDate *b)
{
  int da = (int) g_date_get_day_of_year (a);
  int db = (int) g_date_get_day_of_year (b);
  int d = ABS (da - db);

  return (guint) MIN (d, 366 - d);
}

static void
guess (GArray      *guesses,
       const GDate *date,
       guint        weight,
       gboolean     exact)
{
  YearEndGuess g = { *date, weight, exact };

  g_array_append_val (guesses, g);
}

static gboolean
is_primary_statement (KessanStatementKind kind)
{
  return kind == KESSAN_STATEMENT_KIND_INCOME || kind == KESSAN_STATEMENT_KIND_BALANCE
         || kind == KESSAN_STATEMENT_KIND_CASHFLOW;
}

/* Without a word on it in the text, the statements tell when the fiscal
 * year ends: a column of a year ends with it, six or nine months ended
 * on a day started the day after it, and a quarter's balance sheet is
 * compared with the one at the end of the last fiscal year.  The
 * primary statements are asked first: a release's other tables (an
 * outlook, highlights under short headers) are read less surely. */
static gboolean
calendar_from_columns (KessanParseContext *context,
                       KessanFiling       *filing,
                       gboolean            primary_only)
{
  g_autoptr(GArray) guesses = g_array_new (FALSE, TRUE, sizeof (YearEndGuess));
  KessanCalendar *calendar = &context->calendar;
  const YearEndGuess *best = NULL;
  guint best_weight = 0;

  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);
      KessanStatementKind kind = kessan_statement_get_kind (statement);
      GDate latest;

      if (primary_only && !is_primary_statement (kind))
        continue;
      g_date_clear (&latest, 1);
      for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
        {
          KessanColumn *column = kessan_statement_get_column (statement, c);
          guint months = kessan_column_get_months (column);
          GDate end;

          if (kessan_column_get_measure (column) != KESSAN_MEASURE_AMOUNT
              || !kessan_date_from_iso (kessan_column_get_period_end (column), &end))
            continue;
          if (kind == KESSAN_STATEMENT_KIND_BALANCE)
            {
              if (!g_date_valid (&latest) || g_date_compare (&end, &latest) > 0)
                latest = end;
              continue;
            }
          if (months == 12)
            guess (guesses, &end, 3, TRUE);
          else if (months == 6 || months == 9)
            {
              GDate year_end = end;

              g_date_subtract_months (&year_end, months);
              guess (guesses, &year_end, 2, FALSE);
            }
        }
      if (kind != KESSAN_STATEMENT_KIND_BALANCE || !g_date_valid (&latest))
        continue;
      for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
        {
          KessanColumn *column = kessan_statement_get_column (statement, c);
          GDate end;

          if (!kessan_date_from_iso (kessan_column_get_period_end (column), &end)
              || g_date_compare (&end, &latest) >= 0)
            continue;
          /* A year before is the same quarter's balance, not the year's end. */
          if (day_distance (&end, &latest) > 10)
            guess (guesses, &end, 2, TRUE);
        }
    }

  for (guint i = 0; i < guesses->len; i++)
    {
      const YearEndGuess *g = &g_array_index (guesses, YearEndGuess, i);
      guint weight = 0;

      for (guint j = 0; j < guesses->len; j++)
        if (day_distance (&g->date, &g_array_index (guesses, YearEndGuess, j).date) <= 10)
          weight += g_array_index (guesses, YearEndGuess, j).weight;
      if (weight > best_weight || (weight == best_weight && best != NULL && g->exact && !best->exact))
        {
          best = g;
          best_weight = weight;
        }
    }
  if (best == NULL || best_weight < 2)
    return FALSE;

  calendar->fiscal_end_month = g_date_get_month (&best->date);
  calendar->fiscal_end_day = g_date_get_day (&best->date);
  if (calendar->fiscal_end_day == g_date_get_days_in_month (calendar->fiscal_end_month, g_date_get_year (&best->date)))
    calendar->fiscal_end_day = 0;
  return TRUE;
}

/* The fiscal period as the release names it: "fiscal 2011", "Second
 * Quarter FY2003", "Q4 FY22", "2024年3月期 第1四半期". */
static void
find_fiscal_label (KessanParseContext *context,
                   KessanFiling       *filing)
{
  GRegex *label = kessan_regex_shared ("(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\s+(?:of\\s+)?)?"
                                         "(?:fiscal\\s+(?:year\\s+)?|FY\\s?)'?(?:19|20)?\\d\\d(?![0-9])"
                                         "|Q[1-4]\\s*(?:FY|fiscal\\s*)'?\\d{2,4}"
                                         "|(?:(?:平成|令和)\\s*(?:\\d{1,2}|元)|\\d{4})\\s*年\\s*\\d{1,2}\\s*月期(?:\\s*第\\s*[1-4１-４]\\s*四半期)?",
                                         G_REGEX_CASELESS);

  g_autofree char *first = NULL;

  /* A label that names the quarter names the release better than one
   * that names only the year. */
  for (guint i = 0; i < context->n_lines && i < 200; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (context->lines[i].kind != KESSAN_LINE_TEXT)
        continue;
      /* Every form holds "fiscal", "FY" or "月期": "fi" and "cal", "fy"
       * or "月期" ("f", "i", "c", "a", "l" and "y" have no other case
       * forms, unlike the "s" of "fiscal", so the ASCII test is exact). */
      if (!(kessan_text_find_ci (context->lines[i].text, "fi") != NULL
            && kessan_text_find_ci (context->lines[i].text, "cal") != NULL)
          && kessan_text_find_ci (context->lines[i].text, "fy") == NULL
          && strstr (context->lines[i].text, "月期") == NULL)
        continue;
      g_regex_match (label, context->lines[i].text, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *found = g_match_info_fetch (match, 0);
          g_autofree char *clean = kessan_label_clean (found);

          if (g_regex_match_simple ("quarter|Q[1-4]|四半期", clean, G_REGEX_CASELESS, 0))
            {
              kessan_filing_set_fiscal_label (filing, clean);
              return;
            }
          if (first == NULL)
            first = g_steal_pointer (&clean);
          g_match_info_next (match, NULL);
        }
    }
  kessan_filing_set_fiscal_label (filing, first);
}

/* The latest day a balance sheet's amount columns show. */
static void
latest_balance_day (KessanFiling *filing,
                    GDate        *latest)
{
  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);

      if (kessan_statement_get_kind (statement) != KESSAN_STATEMENT_KIND_BALANCE)
        continue;
      for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
        {
          KessanColumn *column = kessan_statement_get_column (statement, c);
          GDate end;

          if (kessan_column_get_months (column) != 0 || kessan_column_get_measure (column) != KESSAN_MEASURE_AMOUNT
              || !kessan_date_from_iso (kessan_column_get_period_end (column), &end))
            continue;
          if (!g_date_valid (latest) || g_date_compare (&end, latest) > 0)
            *latest = end;
        }
    }
}

/**
 * kessan_release_find_fiscal_period:
 * @context: the parse of a release
 * @filing: its filing, the statements read
 *
 * Sets the release's own period (the latest its income or cash-flow
 * statements show), the fiscal year and quarter it is in, when the
 * fiscal year ends, and the fiscal period as printed.
 */
void
kessan_release_find_fiscal_period (KessanParseContext *context,
                                   KessanFiling       *filing)
{
  KessanCalendar *calendar = &context->calendar;
  GDate latest, latest_start, released;
  guint latest_months = 0;

  if (calendar->fiscal_end_month == 0 && !calendar_from_columns (context, filing, TRUE))
    calendar_from_columns (context, filing, FALSE);
  if (calendar->fiscal_end_month != 0)
    kessan_filing_set_fiscal_year_end (filing, calendar->fiscal_end_month,
                                       calendar->fiscal_end_day > 0 ? calendar->fiscal_end_day
                                       : g_date_get_days_in_month (calendar->fiscal_end_month, 2001));
  find_fiscal_label (context, filing);

  g_date_clear (&latest, 1);
  g_date_clear (&latest_start, 1);
  /* The release's date, as its text or its filing's header says. */
  released = context->released;
  if (!g_date_valid (&released))
    kessan_date_from_iso (kessan_filing_get_released (filing), &released);
  /* The income and cash-flow statements first: a summary or highlights
   * table may head an outlook of a later period. */
  for (guint pass = 0; pass < 2 && !g_date_valid (&latest); pass++)
    for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
      {
        KessanStatement *statement = kessan_filing_get_statement (filing, s);
        KessanStatementKind kind = kessan_statement_get_kind (statement);

        if (pass == 0 ? kind != KESSAN_STATEMENT_KIND_INCOME && kind != KESSAN_STATEMENT_KIND_CASHFLOW
                      : kind != KESSAN_STATEMENT_KIND_SUMMARY)
          continue;
        for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
          {
            KessanColumn *column = kessan_statement_get_column (statement, c);
            guint months = kessan_column_get_months (column);
            GDate end;

            /* A forecast is of a period to come, not the release's; so
             * is a period that ends after the release's date. */
            if (months == 0 || kessan_column_get_measure (column) != KESSAN_MEASURE_AMOUNT
                || kessan_column_get_scenario (column) != KESSAN_SCENARIO_ACTUAL
                || !kessan_date_from_iso (kessan_column_get_period_end (column), &end)
                || (g_date_valid (&released) && g_date_compare (&end, &released) > 0))
              continue;
            if (!g_date_valid (&latest) || g_date_compare (&end, &latest) > 0
                || (g_date_compare (&end, &latest) == 0 && months < latest_months))
              {
                latest = end;
                latest_months = months;
                g_date_clear (&latest_start, 1);
                kessan_date_from_iso (kessan_column_get_period_start (column), &latest_start);
              }
          }
      }

  /* A release of a balance sheet alone is of the latest day it shows. */
  if (!g_date_valid (&latest))
    latest_balance_day (filing, &latest);

  if (g_date_valid (&latest))
    {
      g_autofree char *iso = kessan_date_to_iso (&latest);

      kessan_filing_set_period_end (filing, iso, latest_months);
      if (g_date_valid (&latest_start))
        {
          g_autofree char *start = kessan_date_to_iso (&latest_start);

          kessan_filing_set_period_start (filing, start);
        }
      /* Six or nine months to date are the release of the quarter they
       * end with, as a 決算短信 shows no quarter alone. */
      if (calendar->fiscal_end_month != 0)
        kessan_filing_set_fiscal_period (filing, kessan_fiscal_year_in (&latest, calendar),
                                         latest_months < 12 ? kessan_fiscal_quarter_in (&latest, 3, calendar) : 0);
    }
}

typedef struct
{
  const char *marker;
  const char *code;
  gboolean    caseless;
} CurrencyMarker;

/* Longer marks before the shorter ones they contain: "US$" before "$". */
static const CurrencyMarker currency_markers[] = {
  { "US$", "USD", FALSE }, { "U.S.$", "USD", FALSE }, { "USD", "USD", FALSE },
  { "U.S. dollars", "USD", TRUE }, { "US dollars", "USD", TRUE }, { "米ドル", "USD", FALSE },
  { "千米ドル", "USD", FALSE }, { "百万米ドル", "USD", FALSE },
  { "C$", "CAD", FALSE }, { "CA$", "CAD", FALSE }, { "CAD", "CAD", FALSE }, { "Canadian dollars", "CAD", TRUE },
  { "A$", "AUD", FALSE }, { "AU$", "AUD", FALSE }, { "AUD", "AUD", FALSE }, { "Australian dollars", "AUD", TRUE },
  { "HK$", "HKD", FALSE }, { "HKD", "HKD", FALSE }, { "Hong Kong dollars", "HKD", TRUE },
  { "NZ$", "NZD", FALSE }, { "S$", "SGD", FALSE }, { "NT$", "TWD", FALSE }, { "R$", "BRL", FALSE },
  { "JPY", "JPY", FALSE }, { "yen", "JPY", TRUE }, { "百万円", "JPY", FALSE }, { "千円", "JPY", FALSE },
  { "億円", "JPY", FALSE }, { "単位：円", "JPY", FALSE }, { "単位:円", "JPY", FALSE }, { "(円)", "JPY", FALSE },
  { "¥", "JPY", FALSE }, { "￥", "JPY", FALSE },
  { "EUR", "EUR", FALSE }, { "€", "EUR", FALSE }, { "euros", "EUR", TRUE },
  { "GBP", "GBP", FALSE }, { "£", "GBP", FALSE }, { "pounds sterling", "GBP", TRUE },
  { "CHF", "CHF", FALSE }, { "Swiss francs", "CHF", TRUE },
  { "RMB", "CNY", FALSE }, { "CNY", "CNY", FALSE }, { "人民元", "CNY", FALSE },
  { "KRW", "KRW", FALSE }, { "INR", "INR", FALSE },
  { "dollars", "$", TRUE }, { "$", "$", FALSE },
};

/* Whether @at is a mark of its own, not a part of a longer one ("$" in
 * "US$", "yen" in "Tokyen"). */
static gboolean
stands_alone (const char *text,
              const char *at,
              gsize       length)
{
  gboolean before = at == text || !(g_ascii_isalpha (at[-1]) || at[-1] == '$' || at[-1] == '.');
  gboolean after = !g_ascii_isalpha (at[length]);

  if (!g_ascii_isalpha (at[0]) && at[0] != '$')
    return TRUE;
  if (at[0] == '$')
    return at == text || !g_ascii_isalpha (at[-1]);
  return before && after;
}

/**
 * kessan_currency_in_text:
 * @text: a title, header or note
 * @dollar: (nullable): what "$" means in the release ("USD" unless the
 *   release says otherwise), or %NULL to return "$" itself
 *
 * Returns: (nullable): the ISO 4217 code of the first currency @text
 *   names, or %NULL
 */
/* Marks in @set every byte value of @text, ASCII letters in lower case
 * when @fold. */
static void
byte_set_add (guint64     set[4],
              const char *text,
              gboolean    fold)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      guchar c = fold ? (guchar) g_ascii_tolower (*p) : *p;

      set[c >> 6] |= G_GUINT64_CONSTANT (1) << (c & 63);
    }
}

static gboolean
byte_set_within (const guint64 set[4],
                 const guint64 within[4])
{
  return ((set[0] & ~within[0]) | (set[1] & ~within[1]) | (set[2] & ~within[2]) | (set[3] & ~within[3])) == 0;
}

const char *
kessan_currency_in_text (const char *text,
                         const char *dollar)
{
  static guint64 marker_bytes[G_N_ELEMENTS (currency_markers)][4];
  static gsize marker_bytes_set;
  const char *found = NULL;
  const char *first = NULL;
  gsize first_length = 0;
  guint64 bytes[4] = { 0 }, folded[4] = { 0 };

  /* Some fifty marks are looked for in a table's headers and notes: a
   * mark with a byte the text lacks (in lower case for a caseless one)
   * is not searched for. */
  if (g_once_init_enter (&marker_bytes_set))
    {
      for (guint i = 0; i < G_N_ELEMENTS (currency_markers); i++)
        byte_set_add (marker_bytes[i], currency_markers[i].marker, currency_markers[i].caseless);
      g_once_init_leave (&marker_bytes_set, 1);
    }
  byte_set_add (bytes, text, FALSE);
  byte_set_add (folded, text, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (currency_markers); i++)
    {
      const CurrencyMarker *m = &currency_markers[i];
      gsize length = strlen (m->marker);

      if (!byte_set_within (marker_bytes[i], m->caseless ? folded : bytes))
        continue;

      for (const char *at = m->caseless ? kessan_text_find_ci (text, m->marker) : strstr (text, m->marker);
           at != NULL;
           at = m->caseless ? kessan_text_find_ci (at + 1, m->marker) : strstr (at + 1, m->marker))
        {
          if (!stands_alone (text, at, length))
            continue;
          /* The first mark wins; at one place, the longest. */
          if (first == NULL || at < first || (at == first && length > first_length))
            {
              first = at;
              first_length = length;
              found = m->code;
            }
          break;
        }
    }
  if (found != NULL && g_str_equal (found, "$"))
    return dollar;
  return found;
}

/**
 * kessan_release_dollar:
 * @context: the parse of a release
 *
 * Returns: what a bare "$" means in the release: "USD", or the dollar the
 *   release names ("C$", "Canadian dollars"…) when it names only one other
 */
const char *
kessan_release_dollar (KessanParseContext *context)
{
  if (context->dollar != NULL)
    return context->dollar;
  context->dollar = "USD";
  for (guint i = 0; i < context->n_lines; i++)
    {
      const char *text = context->lines[i].text;
      const char *code;

      /* Only a line with a "$" can name what "$" means. */
      if (context->lines[i].kind == KESSAN_LINE_BLANK || strchr (text, '$') == NULL)
        continue;
      code = kessan_currency_in_text (text, NULL);
      if (code != NULL && !g_str_equal (code, "USD")
          && (g_str_equal (code, "CAD") || g_str_equal (code, "AUD") || g_str_equal (code, "HKD")
              || g_str_equal (code, "NZD") || g_str_equal (code, "SGD") || g_str_equal (code, "TWD")
              || g_str_equal (code, "BRL")))
        {
          context->dollar = code;
          break;
        }
    }
  return context->dollar;
}

/* Whether @text holds one of @needles, words every match of a pattern
 * holds: a line without any is not matched at all.  A caseless pattern's
 * needles are compared with ASCII case folded, so they hold no letter
 * that has a case form outside ASCII ("k", "s"). */
static gboolean
holds_needle (const char        *text,
              const char *const *needles,
              gboolean           caseless)
{
  if (needles == NULL)
    return TRUE;
  for (guint i = 0; needles[i] != NULL; i++)
    if ((caseless ? kessan_text_find_ci (text, needles[i]) : strstr (text, needles[i])) != NULL)
      return TRUE;
  return FALSE;
}

#define NEEDLES(...) ((const char *const[]) { __VA_ARGS__, NULL })

/* The first capture of @pattern in the first @max_lines text lines that
 * hold one of @needles. */
static char *
first_capture (KessanParseContext *context,
               const char         *pattern,
               GRegexCompileFlags  flags,
               guint               max_lines,
               const char *const  *needles)
{
  GRegex *regex = kessan_regex_shared (pattern, flags);

  g_assert (regex != NULL);
  for (guint i = 0; i < context->n_lines && i < max_lines; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (context->lines[i].kind == KESSAN_LINE_BLANK
          || !holds_needle (context->lines[i].text, needles, (flags & G_REGEX_CASELESS) != 0))
        continue;
      if (g_regex_match (regex, context->lines[i].text, 0, &match))
        return g_match_info_fetch (match, 1);
    }
  return NULL;
}

static void
title_case (char *name)
{
  gboolean start = TRUE;

  for (const char *p = name; *p; p++)
    if (g_ascii_islower (*p))
      return;
  for (char *p = name; *p; p++)
    {
      *p = start ? *p : g_ascii_tolower (*p);
      start = *p == ' ' || *p == '-' || *p == '&' || *p == '.';
    }
}

/* On an SEC cover page the registrant's name is printed above
 * "(Exact name of registrant as specified in its charter)". */
static char *
registrant_name (KessanParseContext *context)
{
  for (guint i = 1; i < context->n_lines && i < 400; i++)
    {
      const char *text = context->lines[i].text;

      if (context->lines[i].kind == KESSAN_LINE_BLANK
          || kessan_text_find_ci (text, "exact name of registrant") == NULL)
        continue;
      for (guint k = i; k-- > 0 && k + 4 > i;)
        {
          g_autofree char *name = NULL;

          if (context->lines[k].kind == KESSAN_LINE_BLANK)
            continue;
          name = g_strstrip (g_strdup (context->lines[k].text));
          /* A rule or a form's box, not a name. */
          if (name[0] == '\0' || strspn (name, "-_=|* ") == strlen (name) || strlen (name) > 120)
            return NULL;
          return g_steal_pointer (&name);
        }
      return NULL;
    }
  return NULL;
}

/* A company's name as press releases and filings print it: capitalised
 * words ("eBay" too), with "&", "of", "and" and "de" between them. */
#define NAME_WORDS "(?:[A-Z]|[a-z][A-Z])[A-Za-z0-9&'’\\-.]*(?:,? (?:[A-Z&][A-Za-z0-9&'’\\-.]*|of|and|de))*"
#define NAME_SUFFIX \
  "(?:Inc\\.|INC\\.|Inc|INC|Incorporated|INCORPORATED|Corporation|CORPORATION|Corp\\.|CORP\\." \
  "|Co\\., Ltd\\.|CO\\., LTD\\.|Ltd\\.|LTD\\.|Limited|LIMITED|K\\.K\\.|plc|PLC|N\\.V\\.|S\\.A\\.|AG|SE|LLC|L\\.P\\.)(?![A-Za-z])"
/* The exchanges a US release names its ticker on: "(NYSE: JNJ)". */
#define EXCHANGES "(?:NYSE American|NYSE|NASDAQ|Nasdaq|AMEX|TSX)"
#define NAME_SUFFIX_NEEDLES \
  NEEDLES ("Inc", "INC", "Corp", "CORP", "Ltd", "LTD", "Limited", "LIMITED", "K.K.", \
           "plc", "PLC", "N.V.", "S.A.", "AG", "SE", "LLC", "L.P.")

/* @name followed by a company suffix ("Intel" → "Intel Corporation")
 * where the release prints it so, or %NULL. */
static char *
name_with_suffix (KessanParseContext *context,
                  const char         *name)
{
  GRegex *suffix = kessan_regex_shared ("^(,? " NAME_SUFFIX ")", 0);
  gsize length = strlen (name);

  for (guint i = 0; i < context->n_lines && i < 400; i++)
    {
      const char *text = context->lines[i].text;

      if (context->lines[i].kind == KESSAN_LINE_BLANK)
        continue;
      for (const char *at = strstr (text, name); at != NULL; at = strstr (at + 1, name))
        {
          g_autoptr(GMatchInfo) match = NULL;

          if (at > text && g_ascii_isalpha (at[-1]))
            continue;
          if (g_regex_match (suffix, at + length, 0, &match))
            {
              g_autofree char *tail = g_match_info_fetch (match, 1);

              return g_strconcat (name, tail, NULL);
            }
        }
    }
  return NULL;
}

/* The company's name: the one after "上場会社名", the registrant's
 * name on an SEC cover page, the name before its ticker ("Johnson &
 * Johnson (NYSE: JNJ)"), a name with 株式会社 before or after it, or an
 * English name with a company suffix; never a description such as "A
 * Delaware Corporation", a heading word that happens to follow 株式会社,
 * or "SE" at the start of "SECTION". */
static char *
find_company_name (KessanParseContext *context)
{
  static const char *english = "(?<![A-Za-z])((?!(?:A|An)\\s)" NAME_WORDS ",? " NAME_SUFFIX ")";
  static const char *before_ticker =
    "(?<![A-Za-z])((?!(?:A|An|Today)\\s)" NAME_WORDS ")\\s*\\(" EXCHANGES "\\s*:";
  char *name;

  name = first_capture (context, "上場会社名\\s*[:：]?\\s*([^\\s　]+(?:\\s(?!上場|コード|URL)[^\\s　]+)?)", 0, 200,
                       NEEDLES ("上場会社名"));
  if (name != NULL)
    return name;
  name = registrant_name (context);
  if (name == NULL)
    {
      name = first_capture (context, before_ticker, 0, 400, NEEDLES ("NYSE", "NASDAQ", "Nasdaq", "AMEX", "TSX"));
      /* "Intel (Nasdaq: INTC)" is "Intel Corporation" where the release
       * prints that. */
      if (name != NULL)
        {
          char *full = name_with_suffix (context, name);

          if (full != NULL)
            {
              g_free (name);
              name = full;
            }
        }
    }
  if (name == NULL)
    name = first_capture (context, english, 0, 400, NAME_SUFFIX_NEEDLES);
  if (name != NULL)
    {
      title_case (name);
      return name;
    }
  name = first_capture (context, "(株式会社[^\\s、。()（）「」:：]+|[^\\s、。()（）「」:：]+株式会社)", 0, 200,
                       NEEDLES ("株式会社"));
  if (name != NULL && g_strcmp0 (name, "株式会社") != 0)
    return name;
  g_free (name);
  return NULL;
}

static void
find_identifiers (KessanParseContext *context,
                  KessanCompany      *company)
{
  g_autofree char *code = first_capture (context, "(?:コード番号|証券コード|銘柄コード)\\s*[:：]?\\s*([0-9]{4}|[0-9]{3}[A-Z])(?![0-9])", 0, 300,
                                             NEEDLES ("コード"));
  g_autofree char *cik = first_capture (context, "(?:Central Index Key|CIK)(?:\\s+(?:No\\.?|Number|Code))?\\s*[:#]?\\s*([0-9]{1,10})(?![0-9])",
                                        G_REGEX_CASELESS, 400, NEEDLES ("central", "ci"));
  g_autofree char *ticker = first_capture (context, "(?:" EXCHANGES "\\s*[:：]\\s*|Ticker(?:\\s+[Ss]ymbol)?\\s*[:：]?\\s*)"
                                           "([A-Z]{1,5}(?:\\.[A-Z])?)(?![A-Za-z])", 0, 400,
                                           NEEDLES ("NYSE", "NASDAQ", "Nasdaq", "AMEX", "TSX", "Ticker"));
  g_autofree char *lei = first_capture (context, "LEI\\s*[:：]?\\s*([A-Z0-9]{18}[0-9]{2})(?![A-Z0-9])", 0, 400, NEEDLES ("LEI"));
  g_autofree char *edinet = first_capture (context, "EDINET\\s*(?:コード|[Cc]ode)?\\s*[:：]?\\s*(E[0-9]{5})(?![0-9])", 0, 400, NEEDLES ("EDINET"));

  if (cik != NULL)
    {
      const char *digits = cik;

      while (digits[0] == '0' && digits[1] != '\0')
        digits++;
      kessan_company_set_id (company, KESSAN_COMPANY_ID_CIK, digits);
    }
  kessan_company_set_id (company, KESSAN_COMPANY_ID_LEI, lei);
  kessan_company_set_id (company, KESSAN_COMPANY_ID_EDINET_CODE, edinet);
  kessan_company_set_id (company, KESSAN_COMPANY_ID_SECURITIES_CODE, code);
  kessan_company_set_id (company, KESSAN_COMPANY_ID_TICKER, ticker);
}

static void
find_standard (KessanParseContext *context,
               KessanFiling       *filing)
{
  static const char *const jgaap[] = { "日本基準", "GAAP", NULL };
  static const char *const us_gaap[] = { "米国基準", "GAAP", "generally accepted", NULL };
  static const char *const ifrs[] = { "IFRS", "International Financial", NULL };
  static const struct
  {
    const char *pattern;
    const char *const *needles;
    KessanAccountingStandard standard;
  } standards[] = {
    { "[〔\\[［(（]\\s*日本基準\\s*[〕\\]］)）]|Japanese GAAP|J-GAAP", jgaap, KESSAN_STANDARD_JGAAP },
    { "[〔\\[［(（]\\s*米国基準\\s*[〕\\]］)）]|U\\.\\s?S\\.\\s?GAAP|US GAAP|generally accepted accounting principles in the United States",
      us_gaap, KESSAN_STANDARD_US_GAAP },
    { "[〔\\[［(（]\\s*IFRS\\s*[〕\\]］)）]|International Financial Reporting Standards|\\bIFRS\\b", ifrs, KESSAN_STANDARD_IFRS },
  };
  guint best_line = G_MAXUINT;
  KessanAccountingStandard best = KESSAN_STANDARD_UNKNOWN;

  for (guint s = 0; s < G_N_ELEMENTS (standards); s++)
    {
      GRegex *regex = kessan_regex_shared (standards[s].pattern, 0);

      for (guint i = 0; i < context->n_lines && i < best_line; i++)
        if (context->lines[i].kind != KESSAN_LINE_BLANK
            && holds_needle (context->lines[i].text, standards[s].needles, FALSE)
            && g_regex_match (regex, context->lines[i].text, 0, NULL))
          {
            best_line = i;
            best = standards[s].standard;
            break;
          }
    }
  kessan_filing_set_accounting_standard (filing, best);
}

static void
find_consolidation (KessanParseContext *context,
                    KessanFiling       *filing)
{
  for (guint i = 0; i < context->n_lines && i < 400; i++)
    {
      const char *text = context->lines[i].text;

      if (context->lines[i].kind == KESSAN_LINE_BLANK)
        continue;
      if (strstr (text, "非連結") != NULL || strstr (text, "個別財務諸表") != NULL)
        {
          kessan_filing_set_consolidation (filing, KESSAN_CONSOLIDATION_NON_CONSOLIDATED);
          return;
        }
      if (strstr (text, "連結") != NULL || strstr (text, "CONSOLIDATED") != NULL || strstr (text, "Consolidated") != NULL)
        {
          kessan_filing_set_consolidation (filing, KESSAN_CONSOLIDATION_CONSOLIDATED);
          return;
        }
    }
}

/**
 * kessan_release_find_identity:
 * @context: the parse of a release
 * @filing: its filing
 *
 * Reads who published the release and how: the company's name and the
 * identifiers it prints (証券コード, CIK, ticker, LEI, EDINET code), the
 * accounting standard and whether the statements are consolidated.
 * Nothing is looked up: a release that prints no identifier has none.
 */
void
kessan_release_find_identity (KessanParseContext *context,
                              KessanFiling       *filing)
{
  g_autofree char *name = find_company_name (context);

  kessan_filing_set_company (filing, name);
  find_identifiers (context, kessan_filing_get_company_info (filing));
  find_standard (context, filing);
  find_consolidation (context, filing);
}
