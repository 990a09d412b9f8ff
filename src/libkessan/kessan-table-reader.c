/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "kessan-parser-private.h"
#include "kessan-period.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Reads one table: its title, its columns (period, measure, currency,
 * scale) from the headers printed around it and from the arithmetic of
 * its numbers, and its rows with their labels, headings and depth. */

typedef struct
{
  KessanParseContext *context;
  const KessanBlock  *block;
  KessanStatementKind kind;
  const char         *topic;
  char               *title;
  GString            *header_text;    /* all text printed around the body */
  GString            *preamble_text;  /* the text printed before it */
  guint               n_columns;
  KessanColumnPlan    plan;
  int                 group_of[KESSAN_PLAN_MAX_COLUMNS];
  guint               n_groups;
  int                 group_amount[KESSAN_PLAN_MAX_COLUMNS];
  GArray             *periods;        /* KessanPeriod, one per group */
  GPtrArray          *grid;           /* GArray of double, one per column */
} TableReader;

static gboolean
contains_ci (const char *haystack,
             const char *needle)
{
  return kessan_text_find_ci (haystack, needle) != NULL;
}

/* What a row's label says it counts: shares ("Weighted average shares",
 * "Shares used in computing earnings per share", a shares heading that
 * names the per-share figure it divides, "期中平均株式数"), an amount per
 * share, or neither.  Every row is asked, and few count shares: each
 * English phrase holds "share" or "ads" and each Japanese one bytes
 * outside ASCII, so a label is only searched for the phrases of its
 * script when it holds those. */
static KessanUnit
row_unit_for_label (const char *label)
{
  static const char * const share_phrases[] = { "number of shares", "number of ads", "average shares",
                                                "weighted-average shares", "shares outstanding", "shares used",
                                                "shares of common stock outstanding", "average common shares" };
  static const char * const per_share_phrases[] = { "per share", "per ads", "per common share", "per ordinary share",
                                                    "per diluted share", "per basic share" };
  gboolean high = FALSE;
  gboolean english;

  for (const char *p = label; *p != '\0' && !high; p++)
    high = (guchar) *p >= 0x80;
  english = contains_ci (label, "share") || contains_ci (label, "ads");

  for (guint i = 0; english && i < G_N_ELEMENTS (share_phrases); i++)
    if (contains_ci (label, share_phrases[i]))
      return KESSAN_UNIT_SHARES;
  if (high && (strstr (label, "\xe6\xa0\xaa\xe5\xbc\x8f\xe7\xb7\x8f\xe6\x95\xb0") != NULL    /* 株式総数 */
               || strstr (label, "\xe6\xa0\xaa\xe5\xbc\x8f\xe6\x95\xb0") != NULL            /* 株式数 */
               || strstr (label, "\xe8\xa8\xbc\xe5\x88\xb8\xe7\xb7\x8f\xe6\x95\xb0") != NULL)) /* 証券総数 */
    return KESSAN_UNIT_SHARES;
  for (guint i = 0; english && i < G_N_ELEMENTS (per_share_phrases); i++)
    if (contains_ci (label, per_share_phrases[i]))
      return KESSAN_UNIT_PER_SHARE;
  if (high && (strstr (label, "\xe3\x81\x82\xe3\x81\x9f\xe3\x82\x8a") != NULL     /* あたり */
               || strstr (label, "\xe5\xbd\x93\xe3\x81\x9f\xe3\x82\x8a") != NULL)) /* 当たり */
    return KESSAN_UNIT_PER_SHARE;
  return KESSAN_UNIT_NONE;
}

/* The scale of a row of shares, when it differs from its table's:
 * "Shares used in computing earnings per share (in thousands):" in a
 * table in millions, or the share counts of a table "in thousands,
 * except share and per share data", printed in full; 0 otherwise. */
static guint
shares_scale (const char *label,
              const char *header)
{
  if (contains_ci (label, "in thousands") || contains_ci (label, "(000s)") || contains_ci (label, "(000's)"))
    return 1000;
  if (contains_ci (label, "in millions"))
    return 1000000;
  if (contains_ci (header, "except share") || contains_ci (header, "except for share")
      || contains_ci (header, "except number of share"))
    return 1;
  return 0;
}

static KessanUnit
line_unit (KessanLine *line)
{
  /* Cached in the line: the column tests read every row more than once. */
  if (!line->unit_known)
    {
      line->unit = row_unit_for_label (line->label);
      line->unit_known = TRUE;
    }
  return line->unit;
}

static guint
line_value_count (const KessanLine *line)
{
  return line->cells != NULL ? line->cells->len : 0;
}

/* The number of columns of a space-laid table: the widest row shape that
 * at least two rows share, so that one row with a stray footnote number
 * does not add a column. */
static guint
count_columns (TableReader *self)
{
  KessanLine *lines = self->context->lines;
  guint counts[KESSAN_PLAN_MAX_COLUMNS + 1] = { 0 };
  guint widest = 0;
  gboolean tabbed = FALSE;

  for (guint i = self->block->first; i <= self->block->last; i++)
    {
      KessanLine *line = &lines[i];
      guint n;

      if (line->kind != KESSAN_LINE_DATA)
        continue;
      if (line->tabbed)
        {
          tabbed = TRUE;
          for (guint j = 0; j < line->cells->len; j++)
            {
              KessanCell *cell = &g_array_index (line->cells, KessanCell, j);
              widest = MAX (widest, (guint) cell->cell + 1);
            }
          continue;
        }
      n = MIN (line_value_count (line), KESSAN_PLAN_MAX_COLUMNS);
      counts[n]++;
      widest = MAX (widest, n);
    }

  if (tabbed)
    return MIN (widest, KESSAN_PLAN_MAX_COLUMNS);

  /* The commonest shape of a row with two numbers or more; a footnote
   * marker printed apart from its label ("services (2)  28,299 …") makes
   * a few rows one longer. */
  {
    guint best = 0;

    for (guint n = 2; n <= KESSAN_PLAN_MAX_COLUMNS; n++)
      if (counts[n] > 0 && counts[n] >= counts[best])
        best = n;
    if (best >= 2)
      return best;
  }
  return widest;
}

/* Footnote numbers printed on a line of their own before the values
 * ("3 984 884 11.3% …") are not values. */
static void
drop_leading_footnotes (GArray *cells,
                        guint   n_columns)
{
  while (cells->len > n_columns)
    {
      KessanCell *first = &g_array_index (cells, KessanCell, 0);

      if (first->number.decimals > 0 || first->number.grouped || first->number.percent
          || fabs (first->number.value) >= 100)
        break;
      g_array_remove_index (cells, 0);
    }
  if (cells->len > n_columns)
    g_array_remove_range (cells, 0, cells->len - n_columns);
}

typedef struct
{
  guint n_values;
  guint n_percent;
  guint n_decimal;
  guint n_grouped;
  guint n_grouped_whole;      /* "9,583": whole, grouped, no percent sign */
  double max_abs;
} ColumnStats;

static void
collect_stats (TableReader *self,
               ColumnStats *stats)
{
  KessanLine *lines = self->context->lines;

  for (guint i = self->block->first; i <= self->block->last; i++)
    {
      KessanLine *line = &lines[i];

      if (line->kind != KESSAN_LINE_DATA || line_unit (line) != KESSAN_UNIT_NONE)
        continue;
      if (!line->tabbed && line->cells->len != self->n_columns)
        continue;
      for (guint j = 0; j < line->cells->len; j++)
        {
          KessanCell *cell = &g_array_index (line->cells, KessanCell, j);
          guint c = line->tabbed ? (guint) cell->cell : j;
          ColumnStats *s;

          if (c >= self->n_columns || cell->number.nil)
            continue;
          s = &stats[c];
          s->n_values++;
          s->n_percent += cell->number.percent;
          s->n_decimal += cell->number.decimals > 0;
          s->n_grouped += cell->number.grouped;
          s->n_grouped_whole += cell->number.grouped && cell->number.decimals == 0 && !cell->number.percent;
          s->max_abs = MAX (s->max_abs, fabs (cell->number.value));
        }
    }
}

/* The values of the rows that print every column (or, in tab layouts,
 * say which column each number is in), one array per column, NAN where a
 * cell is empty: what the column tests below read. */
static void
build_grid (TableReader *self)
{
  KessanLine *lines = self->context->lines;

  self->grid = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint c = 0; c < self->n_columns; c++)
    g_ptr_array_add (self->grid, g_array_new (FALSE, FALSE, sizeof (double)));

  for (guint i = self->block->first; i <= self->block->last; i++)
    {
      KessanLine *line = &lines[i];
      double row[KESSAN_PLAN_MAX_COLUMNS];

      if (line->kind != KESSAN_LINE_DATA || line_unit (line) != KESSAN_UNIT_NONE)
        continue;
      if (!line->tabbed && line->cells->len != self->n_columns)
        continue;
      for (guint c = 0; c < self->n_columns; c++)
        row[c] = NAN;
      for (guint j = 0; j < line->cells->len; j++)
        {
          KessanCell *cell = &g_array_index (line->cells, KessanCell, j);
          guint c = line->tabbed ? (guint) cell->cell : j;

          if (c < self->n_columns && !cell->number.nil)
            row[c] = cell->number.value;
        }
      for (guint c = 0; c < self->n_columns; c++)
        g_array_append_val (g_ptr_array_index (self->grid, c), row[c]);
    }
}

static GArray *
column_values (TableReader *self,
               guint        c)
{
  return g_array_ref (g_ptr_array_index (self->grid, c));
}

static gboolean
looks_like_usd (TableReader *self,
                guint        usd,
                guint        jpy)
{
  g_autoptr(GArray) a = column_values (self, usd);
  g_autoptr(GArray) b = column_values (self, jpy);
  double rate = self->context->jpy_per_usd;
  guint tested = 0, agree = 0;

  for (guint i = 0; i < a->len; i++)
    {
      double u = g_array_index (a, double, i);
      double j = g_array_index (b, double, i);
      double r;

      if (isnan (u) || isnan (j) || fabs (u) < 50)
        continue;
      tested++;
      r = j / u;
      if (rate > 0 ? fabs (r - rate) <= rate * 0.02 : (r > 50 && r < 400))
        agree++;
    }
  return tested > 0 && agree * 10 >= tested * 7;
}

/* Whether percent column @p reads as a share of a base row (the row
 * printing 100.0) of amount column @a. */
static gboolean
test_share (TableReader *self,
            guint        p,
            guint        a)
{
  g_autoptr(GArray) pv = column_values (self, p);
  g_autoptr(GArray) av = column_values (self, a);
  double base = NAN;
  guint tested = 0, agree = 0;

  for (guint i = 0; i < pv->len; i++)
    if (fabs (g_array_index (pv, double, i) - 100.0) < 0.001 && !isnan (g_array_index (av, double, i)))
      base = g_array_index (av, double, i);
  if (isnan (base) || base == 0)
    return FALSE;

  for (guint i = 0; i < pv->len; i++)
    {
      double pct = g_array_index (pv, double, i);
      double amount = g_array_index (av, double, i);

      if (isnan (pct) || isnan (amount))
        continue;
      tested++;
      if (fabs (amount / base * 100.0 - pct) <= 0.11)
        agree++;
    }
  return tested >= 2 && agree * 10 >= tested * 7;
}

/* Whether percent column @p reads as the change from amount column @a
 * (the earlier period) to amount column @current. */
static void
count_change_agreement (TableReader *self,
                        guint        p,
                        guint        a,
                        guint        current,
                        guint       *n_tested,
                        guint       *n_agree)
{
  g_autoptr(GArray) pv = column_values (self, p);
  g_autoptr(GArray) av = column_values (self, a);
  g_autoptr(GArray) cv = column_values (self, current);
  guint tested = 0, agree = 0;

  for (guint i = 0; i < pv->len; i++)
    {
      double pct = g_array_index (pv, double, i);
      double base = g_array_index (av, double, i);
      double now = g_array_index (cv, double, i);

      if (isnan (pct) || isnan (base) || isnan (now) || base == 0)
        continue;
      tested++;
      /* A change printed in whole percents ("(72%)") is rounded to one. */
      if (fabs ((now - base) / base * 100.0 - pct) <= 0.11 + fabs (pct) * 0.002
                                                       + (pct == round (pct) ? 0.4 : 0))
        agree++;
    }
  *n_tested = tested;
  *n_agree = agree;
}

static gboolean
test_change (TableReader *self,
             guint        p,
             guint        a,
             guint        current)
{
  guint tested, agree;

  count_change_agreement (self, p, a, current, &tested, &agree);
  return tested >= 1 && agree * 10 >= tested * 7;
}

/* Whether the figures say that a column of changes is not the plain
 * change between the two amounts: most of three or more disagree (a
 * change at constant currency, "Oper.", beside the reported one). */
static gboolean
change_disagrees (TableReader *self,
                  guint        p,
                  guint        a,
                  guint        current)
{
  guint tested, agree;

  count_change_agreement (self, p, a, current, &tested, &agree);
  return tested >= 3 && agree * 2 < tested;
}

static void
gather_header_text (TableReader *self)
{
  KessanLine *lines = self->context->lines;

  self->header_text = g_string_new (NULL);
  for (guint i = self->block->preamble; i < self->block->first; i++)
    if (lines[i].kind == KESSAN_LINE_TEXT)
      {
        g_string_append (self->header_text, lines[i].text);
        g_string_append_c (self->header_text, '\n');
      }
  self->preamble_text = g_string_new (self->header_text->str);
  for (guint i = self->block->last + 1; i < self->block->postamble_end; i++)
    if (lines[i].kind == KESSAN_LINE_TEXT && !kessan_line_is_prose (&lines[i]))
      {
        g_string_append (self->header_text, lines[i].text);
        g_string_append_c (self->header_text, '\n');
      }
}

/* The printed header of each column of a tab-laid table: the cells
 * above it, a merged cell standing for the empty ones after it. */
static char *
column_header (TableReader *self,
               guint        c)
{
  KessanLine *lines = self->context->lines;
  g_autoptr(GString) header = g_string_new (NULL);

  for (guint i = self->block->preamble; i < self->block->first; i++)
    {
      g_auto(GStrv) fields = NULL;
      const char *cell = NULL;
      gboolean sparse;

      if (lines[i].kind != KESSAN_LINE_TEXT || !lines[i].tabbed)
        continue;
      fields = g_strsplit (lines[i].text, "\t", -1);
      /* A line with few cells spans each over the empty ones after it. */
      {
        guint filled = 0;
        for (guint f = 1; fields[f] != NULL; f++)
          filled += fields[f][strspn (fields[f], " ")] != '\0';
        sparse = filled * 2 <= self->n_columns;
      }
      for (guint f = 1; f <= c + 1 && fields[f - 1] != NULL && fields[f] != NULL; f++)
        {
          g_strstrip (fields[f]);
          if (*fields[f] != '\0')
            cell = fields[f];
          else if (f == c + 1 && !sparse)
            cell = NULL;
        }
      if (cell == NULL || *cell == '\0')
        continue;
      if (header->len > 0)
        g_string_append (header, " / ");
      g_string_append (header, cell);
    }
  return header->len > 0 ? g_string_free (g_steal_pointer (&header), FALSE) : NULL;
}

static guint
months_between (const GDate *later,
                const GDate *earlier)
{
  int months = ((int) g_date_get_year (later) - (int) g_date_get_year (earlier)) * 12
               + ((int) g_date_get_month (later) - (int) g_date_get_month (earlier));
  return months > 0 ? (guint) months : 0;
}

/* The display columns a period mention covers in its line. */
static void
mention_columns (const char         *text,
                 const KessanPeriod *period,
                 guint              *first,
                 guint              *last)
{
  *first = kessan_text_display_column (text, period->offset);
  *last = kessan_text_display_column (text, period->offset + period->length);
}

/* Completes the periods of the line that names them from the header
 * lines above it: the length a spanning header gives ("Three Months
 * Ended" over two columns), and the first day a "自" line gives. */
static void
complete_from_headers (TableReader *self,
                       guint        period_line,
                       GArray      *periods)
{
  KessanLine *lines = self->context->lines;
  const char *text = lines[period_line].text;

  for (guint p = 0; p < periods->len; p++)
    {
      KessanPeriod *period = &g_array_index (periods, KessanPeriod, p);
      gboolean months_found = period->months > 0;
      gboolean start_found = g_date_valid (&period->start);
      guint first, last;

      /* Cells of a tab-laid table line up by column, not by where
       * their text falls: the duration over a column is the one in the
       * cells heading it. */
      if (!months_found && lines[period_line].tabbed && p < self->n_groups && self->group_amount[p] >= 0)
        {
          g_autofree char *header = column_header (self, (guint) self->group_amount[p]);
          g_autoptr(GArray) spans = header != NULL ? kessan_header_durations (header) : NULL;

          for (guint j = 0; spans != NULL && j < spans->len && !months_found; j++)
            if (g_array_index (spans, KessanHeaderSpan, j).months > 0)
              {
                period->months = g_array_index (spans, KessanHeaderSpan, j).months;
                months_found = TRUE;
              }
        }
      mention_columns (text, period, &first, &last);
      for (guint i = period_line + 1; i-- > self->block->preamble && !(months_found && start_found);)
        {
          if (lines[i].kind != KESSAN_LINE_TEXT || kessan_line_is_prose (&lines[i]))
            continue;
          if (!months_found)
            {
              g_autoptr(GArray) spans = kessan_header_durations (lines[i].text);
              const KessanHeaderSpan *span = kessan_header_span_nearest (spans, first, last);

              /* Lengths that head as many columns each ("Three Months
               * Ended   Twelve Months Ended" over four dates) head them in
               * order, wherever the page set them off centre. */
              if (spans->len > 1 && periods->len % spans->len == 0)
                span = &g_array_index (spans, KessanHeaderSpan, p / (periods->len / spans->len));

              if (span != NULL && span->months > 0)
                {
                  period->months = span->months;
                  months_found = TRUE;
                  /* "12 Weeks Ended June 17, 2023" starts on March 26:
                   * periods of 12, 16, 24 or 36 weeks are no whole
                   * months, and only their first day tells them apart.
                   * 13 weeks make a quarter of a 52-week year, which
                   * its end and months name. */
                  if (span->weeks > 0 && span->weeks % 13 != 0 && span->weeks != 53
                      && !start_found && g_date_valid (&period->end))
                    {
                      period->start = period->end;
                      g_date_subtract_days (&period->start, span->weeks * 7 - 1);
                      start_found = TRUE;
                    }
                }
            }
          if (!start_found && i != period_line)
            {
              g_autoptr(GArray) found = kessan_period_scan_in (lines[i].text, &self->context->calendar);
              g_autoptr(GArray) starts = g_array_new (FALSE, TRUE, sizeof (KessanHeaderSpan));
              const KessanHeaderSpan *span;

              for (guint j = 0; j < found->len; j++)
                {
                  KessanPeriod *mention = &g_array_index (found, KessanPeriod, j);
                  KessanHeaderSpan start = { 0 };

                  if (!g_date_valid (&mention->start) || mention->months != 0)
                    continue;
                  mention_columns (lines[i].text, mention, &start.first, &start.last);
                  start.month = j;
                  g_array_append_val (starts, start);
                }
              span = kessan_header_span_nearest (starts, first, last);
              if (span != NULL)
                {
                  KessanPeriod *mention = &g_array_index (found, KessanPeriod, span->month);

                  if (g_date_compare (&mention->start, &period->end) < 0)
                    {
                      period->start = mention->start;
                      period->months = kessan_months_spanned (&period->start, &period->end);
                      months_found = start_found = TRUE;
                    }
                }
            }
        }
    }
}

static gboolean
cell_is_year (const KessanCell *cell)
{
  return !cell->number.nil && cell->number.decimals == 0 && !cell->number.grouped && !cell->number.percent
         && cell->number.value >= 1950 && cell->number.value <= 2100;
}

/* "2004  2003", or "ASSETS      2024    2024    2023": the years that
 * end a header line, two or more; a line of years alone may end in the
 * headers of columns that compare them ("2025   2024   % Change"). */
static gboolean
text_ends_in_years (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t", -1);
  guint years = 0;
  guint words = 0;
  guint n = g_strv_length (tokens);

  if (kessan_text_is_year_list (text))
    return TRUE;
  for (guint i = n; i-- > 0;)
    {
      const char *t = tokens[i];

      if (*t == '\0')
        continue;
      if (strlen (t) != 4 || strspn (t, "0123456789") != 4 || atoi (t) < 1950 || atoi (t) > 2100)
        {
          /* A word after the years, with no digit in it. */
          if (years == 0 && words < 3 && strpbrk (t, "0123456789") == NULL)
            {
              words++;
              continue;
            }
          /* Headers after the years only on a line of years alone: not
           * "2023  2022  Inc/(Dec)  2023  2022  Inc/(Dec)", nor a line
           * that names its own dates ("Quarters Ended June 30,  2023"). */
          if (words > 0)
            return FALSE;
          break;
        }
      years++;
    }
  return years >= 2;
}

static GArray *year_spans (const char *text);

/* A row of years under a header of months and days ("November 2,
 * February 3, October 28," over "ASSETS  2024  2024  2023") heads the
 * columns: it is a header line, and the body starts after it. */
static void
demote_year_rows (KessanParseContext *context,
                  KessanBlock        *block)
{
  KessanLine *lines = context->lines;

  /* The year of a date printed over two lines ("August 28," over
   * "2022") is a header, not the first heading of the body. */
  if (block->first < block->last && lines[block->first].kind == KESSAN_LINE_TEXT && block->first > block->preamble)
    {
      g_autoptr(GArray) years = year_spans (lines[block->first].text);
      guint j = block->first;

      while (j-- > block->preamble && lines[j].kind == KESSAN_LINE_BLANK)
        ;
      if (years->len > 0 && j >= block->preamble && j < block->first && lines[j].kind == KESSAN_LINE_TEXT)
        {
          g_autoptr(GArray) days = kessan_header_month_days (lines[j].text);

          if (days->len > 0)
            {
              block->first++;
              return;
            }
        }
    }

  for (guint i = block->first; i <= block->last; i++)
    {
      KessanLine *line = &lines[i];
      gboolean years = line->kind == KESSAN_LINE_DATA && !line->tabbed && line->cells->len >= 2;
      gboolean above = FALSE;

      if (line->kind != KESSAN_LINE_DATA)
        continue;
      for (guint j = 0; years && j < line->cells->len; j++)
        years = cell_is_year (&g_array_index (line->cells, KessanCell, j));
      for (guint j = i; years && !above && j-- > block->preamble;)
        {
          g_autoptr(GArray) spans = NULL;

          if (lines[j].kind == KESSAN_LINE_BLANK)
            continue;
          if (lines[j].kind != KESSAN_LINE_TEXT)
            break;
          spans = kessan_header_month_days (lines[j].text);
          /* "Three Months Ended June 30,  Twelve Months Ended June 30,"
           * may head two years each. */
          above = spans->len >= line->cells->len
                  || (spans->len > 0 && line->cells->len % spans->len == 0);
          break;
        }
      if (!years || !above)
        return;
      line->kind = KESSAN_LINE_TEXT;
      g_clear_pointer (&line->label, g_free);
      g_clear_pointer (&line->group, g_free);
      g_clear_pointer (&line->cells, g_array_unref);
      block->first = i + 1;
      return;
    }
}

/* Columns headed by bare years ("2004  2003") take their month and day
 * from the header above them ("Three Months Ended July 3,"), or are
 * fiscal years. */
static GArray *
periods_of_years (TableReader *self,
                  guint        year_line)
{
  KessanLine *lines = self->context->lines;
  const char *text = lines[year_line].text;
  GArray *periods = g_array_new (FALSE, TRUE, sizeof (KessanPeriod));
  GRegex *years = kessan_regex_shared ("(?<![0-9])(19[5-9][0-9]|20[0-9][0-9])(?![0-9])", 0);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (years, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);
      KessanPeriod period = { 0 };
      const KessanHeaderSpan *day = NULL;
      int start, stop;

      g_match_info_fetch_pos (match, 0, &start, &stop);
      period.offset = (guint) start;
      period.length = (guint) (stop - start);
      {
        guint first, last;

        mention_columns (text, &period, &first, &last);
        for (guint i = year_line; day == NULL && i-- > self->block->preamble;)
          {
            g_autoptr(GArray) spans = NULL;

            if (lines[i].kind != KESSAN_LINE_TEXT || kessan_line_is_prose (&lines[i]))
              continue;
            spans = kessan_header_month_days (lines[i].text);
            day = kessan_header_span_nearest (spans, first, last);
            if (day != NULL)
              {
                guint year = (guint) atoi (digits);

                if (g_date_valid_dmy (day->day, day->month, year))
                  {
                    g_date_clear (&period.end, 1);
                    g_date_set_dmy (&period.end, day->day, day->month, year);
                  }
                else
                  day = NULL;
                break;
              }
          }
      }
      if (day == NULL)
        {
          g_autofree char *code = g_strdup_printf ("FY%s", digits);
          g_autoptr(GArray) found = kessan_period_scan_in (code, &self->context->calendar);

          if (found->len != 1)
            g_date_clear (&period.end, 1);
          else
            {
              period.end = g_array_index (found, KessanPeriod, 0).end;
              period.months = 12;
            }
        }
      g_array_append_val (periods, period);
      g_match_info_next (match, NULL);
    }
  complete_from_headers (self, year_line, periods);
  return periods;
}

/* The display columns and years of a header line that prints only
 * years ("2023   2022   2023   2022"), one span per year. */
static GArray *
year_spans (const char *text)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (KessanHeaderSpan));
  const char *p = text;

  while (*p != '\0')
    {
      KessanHeaderSpan span = { 0 };
      gsize length;

      p += strspn (p, " ");
      if (*p == '\0')
        break;
      length = strcspn (p, " ");
      if (length != 4 || strspn (p, "0123456789") != 4 || atoi (p) < 1950 || atoi (p) > 2100)
        {
          g_array_set_size (spans, 0);
          break;
        }
      span.first = kessan_text_display_column (text, (guint) (p - text));
      span.last = span.first + 4;
      span.day = (guint) atoi (p);  /* the year */
      g_array_append_val (spans, span);
      p += length;
    }
  return spans;
}

/* Which year each of @n columns (centred at @centres) is under, when
 * @years (fewer or as many) each head a run of neighbouring columns,
 * centred over it: the cut into runs that puts every year nearest the
 * middle of its run, never between a column and the one it continues
 * (@joined: a successor's period starting the day after its
 * predecessor's ends).  Returns the index of each column's year in
 * @run. */
static void
cut_into_runs (const double   *centres,
               const gboolean *joined,
               guint           n,
               GArray         *years,
               guint          *run)
{
  guint m = years->len;
  double cost[KESSAN_PLAN_MAX_COLUMNS + 1][KESSAN_PLAN_MAX_COLUMNS + 1];
  guint from[KESSAN_PLAN_MAX_COLUMNS + 1][KESSAN_PLAN_MAX_COLUMNS + 1];

  for (guint i = 0; i <= n; i++)
    for (guint j = 0; j <= m; j++)
      cost[i][j] = G_MAXDOUBLE;
  cost[0][0] = 0;
  /* cost[i][j]: the first i columns under the first j years. */
  for (guint j = 1; j <= m; j++)
    {
      const KessanHeaderSpan *year = &g_array_index (years, KessanHeaderSpan, j - 1);
      double middle = (year->first + year->last) / 2.0;

      for (guint i = j; i <= n - (m - j); i++)
        for (guint k = j - 1; k < i; k++)
          {
            double sum = 0, total;

            if (cost[k][j - 1] == G_MAXDOUBLE || (k > 0 && joined[k]))
              continue;
            for (guint c = k; c < i; c++)
              sum += centres[c];
            total = cost[k][j - 1] + fabs (sum / (i - k) - middle);
            if (total < cost[i][j])
              {
                cost[i][j] = total;
                from[i][j] = k;
              }
          }
    }
  for (guint j = m, i = n; j > 0; j--)
    {
      guint k = from[i][j];

      for (guint c = k; c < i; c++)
        run[c] = j - 1;
      i = k;
    }
}

/* Whether @n columns, some joined to the one before, can be cut into
 * @m runs. */
static gboolean
joined_runs_fit (const gboolean *joined,
                 guint           n,
                 guint           m)
{
  guint free_cuts = 0;

  for (guint g = 1; g < n; g++)
    free_cuts += !joined[g];
  return m >= 1 && m - 1 <= free_cuts;
}

/* Stub periods, as a predecessor's and a successor's columns print
 * them: "July 1 to" over "July 21", "July 22 to" over "September 30",
 * under years each printed over the columns of its year.  Returns
 * %NULL unless the header prints a first and a last day over every
 * group. */
static GArray *
periods_of_ranges (TableReader *self)
{
  KessanLine *lines = self->context->lines;

  if (self->n_groups < 2)
    return NULL;
  for (guint i = self->block->first; i-- > self->block->preamble;)
    {
      g_autoptr(GArray) ends = NULL;
      g_autoptr(GArray) starts = NULL;
      g_autoptr(GArray) years = NULL;
      double centres[KESSAN_PLAN_MAX_COLUMNS];
      gboolean joined[KESSAN_PLAN_MAX_COLUMNS];
      guint run[KESSAN_PLAN_MAX_COLUMNS];
      GArray *periods;
      guint above = i;

      if (lines[i].kind != KESSAN_LINE_TEXT)
        continue;
      ends = kessan_header_month_days (lines[i].text);
      if (ends->len != self->n_groups)
        continue;
      while (above-- > self->block->preamble && lines[above].kind == KESSAN_LINE_BLANK)
        ;
      if (above < self->block->preamble || above >= i || lines[above].kind != KESSAN_LINE_TEXT
          || !contains_ci (lines[above].text, " to"))
        return NULL;
      starts = kessan_header_month_days (lines[above].text);
      if (starts->len != self->n_groups)
        return NULL;
      for (guint j = above; j-- > self->block->preamble && years == NULL;)
        {
          g_autoptr(GArray) found = NULL;

          if (lines[j].kind != KESSAN_LINE_TEXT)
            continue;
          found = year_spans (lines[j].text);
          if (found->len > 0 && found->len <= self->n_groups)
            years = g_steal_pointer (&found);
        }
      if (years == NULL)
        return NULL;

      for (guint g = 0; g < self->n_groups; g++)
        {
          const KessanHeaderSpan *end = &g_array_index (ends, KessanHeaderSpan, g);

          centres[g] = (end->first + end->last) / 2.0;
          joined[g] = FALSE;
          if (g > 0)
            {
              const KessanHeaderSpan *before = &g_array_index (ends, KessanHeaderSpan, g - 1);
              const KessanHeaderSpan *start = &g_array_index (starts, KessanHeaderSpan, g);
              GDate day;

              /* Any year will do for the day after: a leap day is never
               * the first of a stub. */
              if (g_date_valid_dmy (before->day, before->month, 2001))
                {
                  g_date_clear (&day, 1);
                  g_date_set_dmy (&day, before->day, before->month, 2001);
                  g_date_add_days (&day, 1);
                  joined[g] = g_date_get_day (&day) == start->day && g_date_get_month (&day) == start->month;
                }
            }
        }
      if (!joined_runs_fit (joined, self->n_groups, years->len))
        return NULL;
      cut_into_runs (centres, joined, self->n_groups, years, run);

      periods = g_array_new (FALSE, TRUE, sizeof (KessanPeriod));
      for (guint g = 0; g < self->n_groups; g++)
        {
          const KessanHeaderSpan *end = &g_array_index (ends, KessanHeaderSpan, g);
          const KessanHeaderSpan *start = &g_array_index (starts, KessanHeaderSpan, g);
          guint year = g_array_index (years, KessanHeaderSpan, run[g]).day;
          KessanPeriod period = { 0 };

          if (!g_date_valid_dmy (end->day, end->month, year)
              || !g_date_valid_dmy (start->day, start->month, year))
            {
              g_array_unref (periods);
              return NULL;
            }
          g_date_clear (&period.end, 1);
          g_date_clear (&period.start, 1);
          g_date_set_dmy (&period.end, end->day, end->month, year);
          g_date_set_dmy (&period.start, start->day, start->month, year);
          /* "October 1 to March 31" runs over the turn of a year. */
          if (g_date_compare (&period.start, &period.end) > 0)
            g_date_subtract_years (&period.start, 1);
          period.months = kessan_months_spanned (&period.start, &period.end);
          g_array_append_val (periods, period);
        }
      return periods;
    }
  return NULL;
}

/* "Quarters Ended June 30,      2023      2022      Inc/ (Dec)": one
 * month and day, then the years of the columns it heads, then perhaps
 * the words of columns that compare them.  Returns %NULL unless the
 * line reads so with two years or more, and no more than @n_groups. */
static GArray *
periods_of_dated_years (TableReader *self,
                        guint        line)
{
  static const char *months[] = { "jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec" };
  const char *text = self->context->lines[line].text;
  g_autoptr(GArray) periods = g_array_new (FALSE, TRUE, sizeof (KessanPeriod));
  guint month = 0, day = 0;
  const char *p = NULL;

  /* The last month name followed by a day and a comma. */
  for (const char *q = text; *q != '\0'; q++)
    {
      const char *d;

      if (!g_ascii_isalpha (*q) || (q > text && g_ascii_isalpha (q[-1])))
        continue;
      for (guint m = 0; m < G_N_ELEMENTS (months); m++)
        if (g_ascii_strncasecmp (q, months[m], 3) == 0)
          {
            d = q + 3;
            while (g_ascii_isalpha (*d) || *d == '.')
              d++;
            if (*d != ' ')
              break;
            d += strspn (d, " ");
            if (g_ascii_isdigit (d[0]) && (d[1] == ',' || (g_ascii_isdigit (d[1]) && d[2] == ',')))
              {
                month = m + 1;
                day = (guint) atoi (d);
                p = strchr (d, ',') + 1;
              }
            break;
          }
    }
  if (p == NULL)
    return NULL;

  while (*p != '\0')
    {
      KessanPeriod period = { 0 };
      gsize length;
      guint year;

      p += strspn (p, " ");
      length = strcspn (p, " ");
      if (length == 0)
        break;
      if (length != 4 || strspn (p, "0123456789") != 4)
        break;
      year = (guint) atoi (p);
      if (year < 1950 || year > 2100 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return NULL;
      g_date_clear (&period.end, 1);
      g_date_set_dmy (&period.end, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      period.offset = (guint) (p - text);
      period.length = 4;
      g_array_append_val (periods, period);
      p += length;
    }
  /* What follows the years heads other columns, and names no date. */
  if (periods->len < 2 || periods->len > self->n_groups || strpbrk (p, "0123456789") != NULL)
    return NULL;
  complete_from_headers (self, line, periods);
  return g_steal_pointer (&periods);
}

/* The byte offset of display column @column in @text. */
static guint
offset_of_column (const char *text,
                  guint       column)
{
  const char *p = text;

  while (*p != '\0' && kessan_text_display_column (text, (guint) (p - text)) < column)
    p = g_utf8_next_char (p);
  return (guint) (p - text);
}

static int
compare_period_offsets (gconstpointer a,
                        gconstpointer b)
{
  const KessanPeriod *pa = a;
  const KessanPeriod *pb = b;

  return pa->offset < pb->offset ? -1 : pa->offset > pb->offset;
}

/* "May 7, 2023   August 28," over "               2022": a date whose
 * year is printed on the line under it.  Returns %NULL unless the two
 * lines give every group its date. */
static GArray *
periods_of_split_dates (TableReader *self,
                        guint        line)
{
  KessanLine *lines = self->context->lines;
  const char *text = lines[line].text;
  g_autoptr(GArray) periods = kessan_period_scan_in (text, &self->context->calendar);
  g_autoptr(GArray) days = kessan_header_month_days (text);
  g_autoptr(GArray) years = NULL;
  guint below = line + 1;

  if (days->len == 0 || periods->len + days->len != self->n_groups)
    return NULL;
  while (below < self->block->first && lines[below].kind == KESSAN_LINE_BLANK)
    below++;
  if (below >= self->block->first || lines[below].kind != KESSAN_LINE_TEXT)
    return NULL;
  years = year_spans (lines[below].text);
  if (years->len == 0)
    return NULL;
  for (guint d = 0; d < days->len; d++)
    {
      const KessanHeaderSpan *day = &g_array_index (days, KessanHeaderSpan, d);
      const KessanHeaderSpan *year = kessan_header_span_nearest (years, day->first, day->last);
      KessanPeriod period = { 0 };

      if (!g_date_valid_dmy ((GDateDay) day->day, (GDateMonth) day->month, (GDateYear) year->day))
        return NULL;
      g_date_clear (&period.end, 1);
      g_date_set_dmy (&period.end, (GDateDay) day->day, (GDateMonth) day->month, (GDateYear) year->day);
      period.offset = offset_of_column (text, day->first);
      period.length = offset_of_column (text, day->last) - period.offset;
      g_array_append_val (periods, period);
    }
  g_array_sort (periods, compare_period_offsets);
  complete_from_headers (self, line, periods);
  return g_steal_pointer (&periods);
}

/* Chooses the periods of the groups from the lines that name them: the
 * line closest to the body that names exactly as many periods as there
 * are groups, then all header lines together, then the lines printed
 * after the table. */
static void
find_periods (TableReader *self)
{
  KessanLine *lines = self->context->lines;
  const GDate *released = &self->context->released;
  const KessanCalendar *calendar = &self->context->calendar;
  g_autoptr(GArray) joined = g_array_new (FALSE, TRUE, sizeof (KessanPeriod));
  GArray *best = NULL;

  self->periods = g_array_new (FALSE, TRUE, sizeof (KessanPeriod));
  best = periods_of_ranges (self);

  for (int pass = 0; pass < 2 && best == NULL; pass++)
    {
      guint from = pass == 0 ? self->block->preamble : self->block->last + 1;
      guint to = pass == 0 ? self->block->first : self->block->postamble_end;

      for (guint i = to; i-- > from && best == NULL;)
        {
          g_autoptr(GArray) found = NULL;
          gboolean plausible = TRUE;

          if (lines[i].kind == KESSAN_LINE_BLANK || kessan_line_is_prose (&lines[i]))
            continue;
          found = kessan_period_scan_in (lines[i].text, calendar);
          for (guint j = 0; j < found->len; j++)
            {
              KessanPeriod *period = &g_array_index (found, KessanPeriod, j);

              /* A period ending after the release is a misprint; a
               * first day alone ("自 2023年4月1日") is not a period. */
              if (g_date_valid (released) && g_date_compare (&period->end, released) > 0)
                plausible = FALSE;
              if (g_date_valid (&period->start) && period->months == 0)
                plausible = FALSE;
            }
          if (plausible && found->len == self->n_groups)
            {
              best = g_steal_pointer (&found);
              if (pass == 0)
                complete_from_headers (self, i, best);
            }
        }
    }

  for (guint i = self->block->first; best == NULL && i-- > self->block->preamble;)
    if (lines[i].kind == KESSAN_LINE_TEXT && text_ends_in_years (lines[i].text))
      best = periods_of_years (self, i);

  for (guint i = self->block->first; best == NULL && i-- > self->block->preamble;)
    if (lines[i].kind == KESSAN_LINE_TEXT && kessan_line_is_header (&lines[i]))
      {
        best = periods_of_dated_years (self, i);
        if (best == NULL)
          best = periods_of_split_dates (self, i);
      }

  if (best == NULL)
    {
      for (guint i = self->block->preamble; i < self->block->first; i++)
        {
          g_autoptr(GArray) found = NULL;

          if (!kessan_line_is_header (&lines[i]))
            continue;
          found = kessan_period_scan_in (lines[i].text, calendar);
          g_array_append_vals (joined, found->data, found->len);
        }
      best = g_array_ref (joined);
    }

  for (guint g = 0; g < self->n_groups; g++)
    {
      KessanPeriod period = { 0 };

      if (g < best->len)
        period = g_array_index (best, KessanPeriod, g);
      else
        g_date_clear (&period.end, 1);
      g_array_append_val (self->periods, period);
    }
  g_array_unref (best);
}

static guint
default_months (TableReader *self)
{
  const char *text = self->preamble_text->str;

  if (self->kind == KESSAN_STATEMENT_KIND_BALANCE)
    return 0;
  if (contains_ci (text, "three months"))
    return 3;
  if (contains_ci (text, "six months"))
    return 6;
  if (contains_ci (text, "nine months"))
    return 9;
  if (contains_ci (text, "year ended") || contains_ci (text, "years ended")
      || strstr (text, "\xe9\x80\x9a\xe6\x9c\x9f") != NULL) /* 通期 */
    return 12;
  if (self->title != NULL && strstr (self->title, "\xe5\x9b\x9b\xe5\x8d\x8a\xe6\x9c\x9f") != NULL) /* 四半期 */
    return 3;
  if (self->topic != NULL && g_str_has_suffix (self->topic, ".year"))
    return 12;
  if (self->topic != NULL && g_str_has_suffix (self->topic, ".quarter"))
    return 3;
  return 0;
}

/* The first word of scale the title and headers print: "(In millions,
 * except per share amounts)" is in millions though it goes on to name
 * thousands of shares. */
static guint
find_scale (TableReader *self)
{
  static const struct { const char *word; guint scale; } words[] = {
    { "thousands", 1000 }, { "in thousand", 1000 }, { "000s", 1000 }, { "千円", 1000 }, { "千米ドル", 1000 },
    { "millions", 1000000 }, { "in million", 1000000 }, { "百万円", 1000000 }, { "百万米ドル", 1000000 },
    { "億円", 100000000 }, { "billions", 1000000000 }, { "in billion", 1000000000 }, { "十億円", 1000000000 },
    /* "(EUR million)", "(USD thousand)", "($ million, except per share amounts)" */
    { "thousand)", 1000 }, { "million)", 1000000 }, { "billion)", 1000000000 },
    { "thousand,", 1000 }, { "million,", 1000000 }, { "billion,", 1000000000 },
  };
  const char *text = self->preamble_text->str;
  g_autofree char *all = g_strconcat (self->title ? self->title : "", "\n", text, NULL);
  g_autofree char *lower = g_ascii_strdown (all, -1);
  const char *first = NULL;
  guint scale = 1;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *at = strstr (lower, words[i].word);

      /* "十億円" holds "億円": at one place, the longer word wins. */
      if (at != NULL && (first == NULL || at < first || (at == first && words[i].scale > scale)))
        {
          first = at;
          scale = words[i].scale;
        }
      else if (at != NULL && at + strlen (words[i].word) == first + strlen ("億円") && words[i].scale > scale)
        {
          first = at;
          scale = words[i].scale;
        }
    }
  return scale;
}

/* The currency the title and headers name, or that the figures are
 * printed with ("$ 1,945"); %NULL when nothing says. */
static const char *
find_currency (TableReader *self)
{
  KessanLine *lines = self->context->lines;
  const char *dollar = kessan_release_dollar (self->context);
  g_autofree char *all = g_strconcat (self->title ? self->title : "", "\n", self->preamble_text->str, NULL);
  const char *code = kessan_currency_in_text (all, dollar);

  if (code != NULL)
    return code;
  for (guint i = self->block->first; i <= self->block->last; i++)
    if (lines[i].kind == KESSAN_LINE_DATA && lines[i].currency_mark != NULL)
      return kessan_currency_in_text (lines[i].currency_mark, dollar);
  return NULL;
}

/* Decides what each column holds and writes the columns. */
static void
build_columns (TableReader     *self,
               KessanStatement *statement)
{
  ColumnStats stats[KESSAN_PLAN_MAX_COLUMNS] = { { 0 } };
  KessanColumnPlan *plan = &self->plan;
  const char *header = self->preamble_text->str;
  gboolean any_percent_sign = FALSE;
  gboolean header_percent = strchr (header, '%') != NULL || strstr (header, "\xe6\xaf\x94") != NULL; /* 比 */
  gboolean money;
  gboolean gbps = contains_ci (header, "gbps") || contains_ci (header, "giga bit")
                  || (self->title && contains_ci (self->title, "gbps"));
  gboolean counts = self->topic != NULL && g_str_has_suffix (self->topic, "contracts");
  guint scale = find_scale (self);
  const char *currency = find_currency (self);
  int first_amount = -1;
  int usd = -1;
  guint months;

  memset (plan, 0, sizeof *plan);
  plan->n_columns = self->n_columns;
  plan->jpy_per_usd = self->context->jpy_per_usd;
  collect_stats (self, stats);

  for (guint c = 0; c < self->n_columns; c++)
    {
      ColumnStats *s = &stats[c];

      plan->amount_of[c] = -1;
      plan->current[c] = -1;
      any_percent_sign |= s->n_percent > 0;
      /* A ratio printed as the last row of a column of amounts in
       * thousands ("102%" under "244,216"), or a few rows of percents
       * ("Gross profit %  23.2 %") among amounts ("9,583"), leave it a
       * column of amounts: a percent column prints its figures small
       * ("(3)") or with decimals ("(3,214.0)"). */
      plan->percent[c] = (s->n_percent > 0 && s->n_grouped * 2 <= s->n_values && s->n_grouped_whole < 2)
                         || (s->n_values > 0 && s->n_decimal * 2 > s->n_values
                             && s->n_grouped == 0 && s->max_abs < 1000);
    }

  /* Decimal columns with no percent sign and no percent in the headers
   * are amounts (bandwidth in Gbps, say). */
  if (!any_percent_sign && !header_percent)
    for (guint c = 0; c < self->n_columns; c++)
      plan->percent[c] = FALSE;

  for (guint c = 0; c < self->n_columns; c++)
    if (!plan->percent[c])
      {
        first_amount = (int) c;
        break;
      }

  /* A convenience USD column comes first and pairs with the JPY one. */
  if (first_amount >= 0 && (strstr (header, "USD") != NULL || strstr (header, "\xe7\xb1\xb3\xe3\x83\x89\xe3\x83\xab") != NULL))
    {
      for (guint c = (guint) first_amount + 1; c < self->n_columns; c++)
        if (!plan->percent[c])
          {
            if (looks_like_usd (self, (guint) first_amount, c))
              {
                usd = first_amount;
                plan->usd[usd] = TRUE;
                plan->amount_of[usd] = (int) c;
              }
            break;
          }
    }

  self->n_groups = 0;
  for (guint c = 0; c < self->n_columns; c++)
    {
      /* A table of percents only (rates, say) has one period a column. */
      if (first_amount < 0)
        {
          self->group_amount[self->n_groups] = -1;
          self->group_of[c] = (int) self->n_groups++;
          continue;
        }
      if ((int) c == usd)
        {
          self->group_of[c] = (int) self->n_groups;
          continue;
        }
      if (!plan->percent[c])
        {
              self->group_amount[self->n_groups++] = (int) c;
          self->group_of[c] = (int) self->n_groups - 1;
        }
      else
        {
          if (self->n_groups == 0)
            self->group_amount[self->n_groups++] = -1;
          self->group_of[c] = (int) self->n_groups - 1;
        }
    }

  find_periods (self);
  months = default_months (self);
  money = scale != 1 || self->kind == KESSAN_STATEMENT_KIND_INCOME
          || self->kind == KESSAN_STATEMENT_KIND_BALANCE
          || self->kind == KESSAN_STATEMENT_KIND_CASHFLOW
          || self->kind == KESSAN_STATEMENT_KIND_RECONCILIATION;
  if (gbps || counts)
    {
      money = FALSE;
      scale = 1;
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autoptr(KessanColumn) column = kessan_column_new ();
      int g = self->group_of[c];
      KessanPeriod *period = &g_array_index (self->periods, KessanPeriod, g);
      KessanPeriod *first = &g_array_index (self->periods, KessanPeriod, 0);
      guint period_months = period->months > 0 ? period->months : months;
      int amount = self->group_amount[g];
      g_autofree char *end = kessan_date_to_iso (&period->end);

      if (self->kind == KESSAN_STATEMENT_KIND_BALANCE || gbps || counts)
        period_months = 0;
      {
        g_autofree char *printed = column_header (self, c);
        kessan_column_set_header (column, printed);
      }

      if (!plan->percent[c] || first_amount < 0)
        {
          gboolean rate = plan->percent[c];

          kessan_column_set_measure (column, KESSAN_MEASURE_AMOUNT);
          /* Beside a convenience translation in dollars, the other
           * columns are the yen it was translated from. */
          kessan_column_set_currency_code (column, (int) c == usd ? "USD"
                                                   : !money ? NULL
                                                   : usd >= 0 ? "JPY" : currency);
          kessan_column_set_scale (column, scale);
          kessan_column_set_unit (column, rate ? KESSAN_UNIT_PERCENT
                                          : money ? KESSAN_UNIT_CURRENCY
                                          : gbps ? KESSAN_UNIT_GBPS
                                          : KESSAN_UNIT_COUNT);
          if (rate)
            {
              kessan_column_set_currency (column, KESSAN_CURRENCY_NONE);
              kessan_column_set_scale (column, 1);
            }
          kessan_column_set_period_end (column, end);
          kessan_column_set_months (column, period_months);
          if (period_months > 0 && g_date_valid (&period->start))
            {
              g_autofree char *start = kessan_date_to_iso (&period->start);

              kessan_column_set_period_start (column, start);
            }
        }
      else
        {
          gboolean share = amount >= 0 && test_share (self, c, (guint) amount);
          gboolean change = !share && g > 0 && amount >= 0 && self->group_amount[0] >= 0
                            && test_change (self, c, (guint) amount, (guint) self->group_amount[0]);
          gboolean unverified = FALSE;
          KessanMeasure measure;

          /* Without enough numbers to tell, a group's first percent
           * column is a share and its second a change; a change that
           * the figures contradict compares something else, and is not
           * checked against them. */
          if (!share && !change)
            {
              gboolean first_in_group = c == 0 || self->group_of[c - 1] != g || !plan->percent[c - 1];

              if (g == 0 || first_in_group)
                share = amount >= 0 && (g == 0 || (c + 1 < self->n_columns && plan->percent[c + 1]
                                                   && self->group_of[c + 1] == g));
              change = !share && g > 0;
              unverified = change && amount >= 0 && self->group_amount[0] >= 0
                           && change_disagrees (self, c, (guint) amount, (guint) self->group_amount[0]);
            }

          plan->amount_of[c] = amount;
          if (share)
            {
              measure = self->kind == KESSAN_STATEMENT_KIND_BALANCE
                        ? KESSAN_MEASURE_PERCENT_OF_TOTAL : KESSAN_MEASURE_PERCENT_OF_REVENUE;
              plan->share[c] = TRUE;
              kessan_column_set_period_end (column, end);
              kessan_column_set_months (column, period_months);
            }
          else if (change)
            {
              g_autofree char *first_end = kessan_date_to_iso (&first->end);
              guint gap = (g_date_valid (&first->end) && g_date_valid (&period->end))
                          ? months_between (&first->end, &period->end) : 0;

              measure = gap == 12 ? KESSAN_MEASURE_CHANGE_YOY
                        : gap == 3 ? KESSAN_MEASURE_CHANGE_QOQ
                        : KESSAN_MEASURE_CHANGE;
              plan->change[c] = TRUE;
              plan->current[c] = self->group_amount[0];
              kessan_column_set_period_end (column, first_end);
              if (unverified)
                measure = KESSAN_MEASURE_CHANGE;
              else
                kessan_column_set_compared_end (column, end);
              kessan_column_set_months (column, first->months > 0 ? first->months : period_months);
            }
          else
            {
              measure = KESSAN_MEASURE_AMOUNT;
              kessan_column_set_period_end (column, end);
              kessan_column_set_months (column, period_months);
            }
          kessan_column_set_measure (column, measure);
          kessan_column_set_currency (column, KESSAN_CURRENCY_NONE);
          kessan_column_set_scale (column, 1);
          kessan_column_set_unit (column, KESSAN_UNIT_PERCENT);
        }
      kessan_statement_add_column (statement, column);
    }
}

/* Words that say nothing about which section a total closes. */
static gboolean
is_filler_word (const char *word)
{
  static const char *fillers[] = { "total", "and", "of", "the", "net", "in", "by", "for",
                                   "provided", "used", "cash", "(used", "in)", "" };

  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    if (g_ascii_strcasecmp (word, fillers[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a row closes the section a heading opened: "Total revenues"
 * closes "Revenues", "流動資産合計" closes "流動資産", "Net cash provided
 * by operating activities" closes "Operating Activities", and a row that
 * repeats its heading's words closes it ("営業活動によるキャッシュフロー"). */
static gboolean
row_closes_heading (const char *label,
                    const char *heading,
                    gboolean    worded_total)
{
  g_auto(GStrv) words = NULL;
  guint overlap = 0;

  if (kessan_text_is_japanese (heading))
    {
      const char *suffix = "\xe3\x81\xae\xe9\x83\xa8"; /* の部 */
      g_autofree char *core = g_strdup (heading);

      if (g_str_has_suffix (core, suffix))
        core[strlen (core) - strlen (suffix)] = '\0';
      if (*core == '\0')
        return FALSE;
      return g_str_equal (label, core) || (worded_total && strstr (label, core) != NULL);
    }

  if (g_ascii_strcasecmp (label, heading) == 0)
    return TRUE;

  words = g_strsplit (heading, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = g_ascii_strdown (words[i], -1);

      g_strdelimit (word, ":", ' ');
      g_strstrip (word);
      if (is_filler_word (word) || strlen (word) < 4)
        continue;
      if (contains_ci (label, word))
        overlap++;
    }
  if (worded_total)
    return overlap >= 1;
  return g_ascii_strncasecmp (label, "net ", 4) == 0 && overlap >= 2;
}

typedef struct
{
  KessanLineItem *item;
  char           *concept;
  gboolean        group;     /* named on a row's own line: it ends at the
                              * next total */
  guint           indent;    /* of its line */
  KessanUnit      unit;      /* what the rows set in under it count */
} Heading;

/* A row with values is never a section heading, even when it prints
 * the heading's words ("営業活動によるキャッシュフロー" closing the
 * operating section): look for the row inside the section, then in the
 * statements of other kinds. */
static const KessanConcept *
lookup_row_concept (TableReader *self,
                    const char  *section,
                    const char  *label,
                    gboolean     heading)
{
  KessanConcepts *concepts = self->context->concepts;
  const KessanConcept *concept = kessan_concepts_lookup (concepts, self->kind, section, label);
  static const KessanStatementKind kinds[] = {
    KESSAN_STATEMENT_KIND_INCOME, KESSAN_STATEMENT_KIND_BALANCE,
    KESSAN_STATEMENT_KIND_CASHFLOW, KESSAN_STATEMENT_KIND_KPI,
    KESSAN_STATEMENT_KIND_RECONCILIATION,
  };

  if (concept == NULL || heading || !concept->heading)
    return concept;

  {
    const KessanConcept *inside = kessan_concepts_lookup (concepts, self->kind, concept->key, label);

    if (inside != NULL && !inside->heading)
      return inside;
  }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const KessanConcept *other = kessan_concepts_lookup (concepts, kinds[i], section, label);

      if (other != NULL && !other->heading)
        return other;
    }
  return concept;
}

static const KessanConcept *
set_concept (TableReader    *self,
             KessanLineItem *item,
             const char     *section)
{
  const char *label = kessan_line_item_get_label (item);
  gboolean heading = kessan_line_item_get_heading (item);
  const KessanConcept *concept = lookup_row_concept (self, section, label, heading);

  /* A footnote digit glued to an upper-case word ("EBITDA5") is only
   * told from a name ("IIJ4U") by the dictionary. */
  if (concept == NULL && strlen (label) > 2 && g_ascii_isdigit (label[strlen (label) - 1])
      && g_ascii_isupper (label[strlen (label) - 2]))
    {
      g_autofree char *shorter = g_strndup (label, strlen (label) - 1);

      concept = lookup_row_concept (self, section, shorter, heading);
      if (concept != NULL)
        kessan_line_item_set_label (item, shorter);
    }

  /* The dictionary folds footnote markers away; the printed label loses
   * its marker too when the concept's own name has none. */
  label = kessan_line_item_get_label (item);
  if (concept != NULL && strlen (label) > 2 && g_ascii_isdigit (label[strlen (label) - 1])
      && g_ascii_isupper (label[strlen (label) - 2])
      && concept->label_en != NULL && !g_ascii_isdigit (concept->label_en[strlen (concept->label_en) - 1]))
    {
      g_autofree char *shorter = g_strndup (label, strlen (label) - 1);

      kessan_line_item_set_label (item, shorter);
    }

  if (concept != NULL)
    {
      kessan_line_item_set_concept (item, concept->key);
      kessan_line_item_set_labels (item, concept->label_en, concept->label_ja);
    }
  else
    {
      g_autofree char *key = kessan_concepts_make_key_for (self->context->concepts, label);
      gboolean japanese = kessan_text_is_japanese (label);

      kessan_line_item_set_concept (item, key);
      kessan_line_item_set_labels (item, japanese ? NULL : label, japanese ? label : NULL);
    }
  return concept;
}

static void
place_cells (TableReader    *self,
             KessanLineItem *item,
             KessanLine     *line,
             GPtrArray      *ragged)
{
  GArray *cells = line->cells;

  if (!line->tabbed)
    drop_leading_footnotes (cells, self->n_columns);

  if (line->tabbed || cells->len == self->n_columns)
    {
      for (guint j = 0; j < cells->len; j++)
        {
          KessanCell *cell = &g_array_index (cells, KessanCell, j);
          guint c = line->tabbed ? (guint) cell->cell : j;

          if (c < self->n_columns && cell->number.unreadable)
            kessan_line_item_set_unreadable (item, c, TRUE);
          else if (c < self->n_columns && !cell->number.nil)
            kessan_line_item_set_value (item, c, cell->number.value, cell->number.decimals, line->number);
        }
      return;
    }

  {
    KessanRaggedRow *row = g_new0 (KessanRaggedRow, 1);

    row->item = g_object_ref (item);
    row->cells = g_array_ref (cells);
    row->line = line->number;
    g_ptr_array_add (ragged, row);
  }
}

static void
ragged_row_free (gpointer data)
{
  KessanRaggedRow *row = data;

  g_object_unref (row->item);
  g_array_unref (row->cells);
  g_free (row);
}

static char *
join_label (GPtrArray *parts)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (g_ptr_array_index (parts, i)));

      if (s->len > 0 && !(kessan_text_is_japanese (part) && kessan_text_is_japanese (s->str)))
        g_string_append_c (s, ' ');
      g_string_append (s, part);
    }
  return kessan_label_clean (s->str);
}

static void
add_heading (TableReader     *self,
             KessanStatement *statement,
             GArray          *stack,
             const char      *text,
             guint            line_number,
             gboolean         nested,
             gboolean         group)
{
  g_autofree char *label = kessan_label_clean (text);
  g_autoptr(KessanLineItem) item = NULL;
  Heading heading;
  const char *section;

  if (*label == '\0')
    return;
  if (!nested)
    g_array_set_size (stack, 0);
  section = stack->len > 0 ? g_array_index (stack, Heading, stack->len - 1).concept : self->topic;

  item = kessan_line_item_new (label, self->n_columns);
  kessan_line_item_set_heading (item, TRUE);
  kessan_line_item_set_depth (item, stack->len);
  kessan_line_item_set_line (item, line_number);
  set_concept (self, item, section);
  kessan_statement_add_row (statement, item);

  heading.item = item;
  heading.concept = (char *) kessan_line_item_get_concept (item);
  heading.group = group;
  heading.indent = line_number > 0 ? self->context->lines[line_number - 1].indent : 0;
  heading.unit = row_unit_for_label (label);
  g_array_append_val (stack, heading);
}

static gboolean
line_is_page_number (const KessanLine *line)
{
  const KessanCell *cell;

  if (line->cells->len != 1 || line->indent < 20)
    return FALSE;
  cell = &g_array_index (line->cells, KessanCell, 0);
  return !cell->number.nil && cell->number.decimals == 0 && !cell->number.grouped
         && !cell->number.percent && cell->number.value >= 1 && cell->number.value < 1000;
}

/* A row between two rows of shares, with nothing of its own to say what
 * it counts ("Effect of dilutive securities" between the basic and the
 * diluted average shares), counts shares too. */
static void
share_rows_between_shares (KessanStatement *statement)
{
  KessanLineItem *before = NULL;
  guint n = kessan_statement_get_n_rows (statement);

  for (guint r = 0; r < n; r++)
    {
      KessanLineItem *item = kessan_statement_get_row (statement, r);
      KessanLineItem *after = NULL;

      if (kessan_line_item_get_heading (item))
        continue;
      for (guint a = r + 1; a < n && after == NULL; a++)
        if (!kessan_line_item_get_heading (kessan_statement_get_row (statement, a)))
          after = kessan_statement_get_row (statement, a);
      if (before != NULL && after != NULL && kessan_line_item_get_unit (item) == KESSAN_UNIT_NONE
          && kessan_line_item_get_unit (before) == KESSAN_UNIT_SHARES
          && kessan_line_item_get_unit (after) == KESSAN_UNIT_SHARES)
        kessan_line_item_set_unit (item, KESSAN_UNIT_SHARES);
      before = item;
    }
}

/* Whether @text ends in a word that cannot end a label: "Change in fair
 * value of", "Selling, general and". */
static gboolean
ends_unfinished (const char *text)
{
  static const char * const words[] = { "and", "or", "of", "to", "for", "in", "from", "on", "by",
                                        "with", "at", "the", "before", "after", "attributable", "&" };
  const char *end = text + strlen (text);
  const char *word;

  while (end > text && end[-1] == ' ')
    end--;
  if (end > text && end[-1] == ',')
    return TRUE;
  word = end;
  while (word > text && word[-1] != ' ')
    word--;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if ((gsize) (end - word) == strlen (words[i]) && g_ascii_strncasecmp (word, words[i], end - word) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @next, printed under @text, goes on with its words rather than
 * starting a row or a heading of its own: it starts in lower case
 * ("administrative", "(expense), net"), or @text stops mid-phrase. */
static gboolean
continues_label (const char *text,
                 const char *next,
                 gboolean    adjacent)
{
  const char *end = text + strlen (text);

  next += strspn (next, " ");
  while (end > text && end[-1] == ' ')
    end--;
  if (end == text || end[-1] == ':' || *next == '\0')
    return FALSE;
  if (g_ascii_islower (next[0]))
    return TRUE;
  if (kessan_text_is_japanese (text) || kessan_text_is_japanese (next))
    return FALSE;
  return adjacent && ((next[0] == '(' && g_ascii_islower (next[1])) || ends_unfinished (text));
}

/* The first line after @i of the body that prints something, or NULL. */
static const KessanLine *
next_printed_line (TableReader *self,
                   guint        i)
{
  for (guint j = i + 1; j <= self->block->last; j++)
    if (self->context->lines[j].kind != KESSAN_LINE_BLANK)
      return &self->context->lines[j];
  return NULL;
}

/* A label wrapped onto the row's own line: its short tail is set in
 * under the text above ("Net Income Attributable to Shareowners of The
 * Coca-Cola" over "  Company  3,810"), and the line after the row goes
 * back out, where a heading's items would stay set in. */
static gboolean
wraps_onto_row (TableReader      *self,
                guint             i,
                const KessanLine *above)
{
  const KessanLine *line = &self->context->lines[i];
  const KessanLine *after = next_printed_line (self, i);
  const char *end = above->text + strlen (above->text);
  guint words = 1;

  while (end > above->text && end[-1] == ' ')
    end--;
  if (end == above->text || end[-1] == ':' || line->indent <= above->indent || above->japanese)
    return FALSE;
  for (const char *p = line->label; *p != '\0'; p++)
    words += *p == ' ';
  return words <= 2 && after != NULL && after->indent <= above->indent;
}

static void
build_rows (TableReader     *self,
            KessanStatement *statement,
            GPtrArray       *ragged)
{
  KessanLine *lines = self->context->lines;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Heading));
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  GArray *pending_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  const KessanLine *last_pending = NULL;
  gboolean last_was_heading = FALSE;
  const char *last_group = NULL;
  const char *last_section = NULL;

  for (guint i = self->block->first; i <= self->block->last; i++)
    {
      KessanLine *line = &lines[i];
      g_autoptr(KessanLineItem) item = NULL;
      g_autofree char *label = NULL;
      const char *section;
      gboolean total;
      guint n_heads, row_indent;
      KessanUnit unit;
      const char *unit_said_by;

      if (line->kind == KESSAN_LINE_BLANK)
        continue;
      if (line->kind == KESSAN_LINE_TEXT)
        {
          /* Footnotes printed between rows are not part of the table. */
          if (kessan_line_is_note (line) || kessan_line_is_prose (line))
            continue;
          /* A label or heading printed over several lines is one. */
          if (pending->len > 0 && last_pending == line - 1
              && continues_label (g_ptr_array_index (pending, pending->len - 1), line->text, TRUE))
            {
              char **last = (char **) &g_ptr_array_index (pending, pending->len - 1);
              char *joined = g_strconcat (*last, " ", line->text + strspn (line->text, " "), NULL);

              g_free (*last);
              *last = joined;
            }
          else
            {
              g_ptr_array_add (pending, g_strdup (line->text));
              g_array_append_val (pending_lines, line->number);
            }
          last_pending = line;
          continue;
        }

      /* A page number under the last row is not a row. */
      if (i == self->block->last && line->label[0] == '\0' && pending->len == 0 && line_is_page_number (line))
        continue;

      /* Text lines before a row either finish its label (a label printed
       * over two lines, or numbers printed under their label) or are
       * headings. */
      n_heads = pending->len;
      if (line->label[0] == '\0' && pending->len > 0)
        n_heads = pending->len > 1 && g_str_has_suffix (g_strstrip ((char *) g_ptr_array_index (pending, 0)), ":")
                  ? 1 : 0;
      else if (pending->len > 0
               && (continues_label (g_ptr_array_index (pending, pending->len - 1), line->label,
                                    last_pending == line - 1)
                   || (last_pending == line - 1 && wraps_onto_row (self, i, last_pending))))
        n_heads = pending->len - 1;

      for (guint h = 0; h < n_heads; h++)
        {
          add_heading (self, statement, stack, g_ptr_array_index (pending, h),
                       g_array_index (pending_lines, guint, h), last_was_heading || h > 0 || stack->len > 0,
                       FALSE);
          last_was_heading = TRUE;
        }

      if (n_heads < pending->len)
        {
          g_autoptr(GPtrArray) parts = g_ptr_array_new ();

          for (guint h = n_heads; h < pending->len; h++)
            g_ptr_array_add (parts, g_ptr_array_index (pending, h));
          if (line->label[0] != '\0')
            g_ptr_array_add (parts, line->label);
          label = join_label (parts);
        }
      else
        label = g_strdup (line->label);
      row_indent = n_heads < pending->len ? lines[g_array_index (pending_lines, guint, n_heads) - 1].indent
                   : line->indent;
      g_ptr_array_set_size (pending, 0);
      g_array_set_size (pending_lines, 0);
      last_pending = NULL;

      /* A group printed on the row's own line ("IP Services  64kbps…")
       * becomes a heading of its own, once. */
      if (line->group != NULL && (last_group == NULL || g_strcmp0 (last_group, line->group) != 0))
        {
          add_heading (self, statement, stack, line->group, line->number, stack->len > 0, TRUE);
          last_group = line->group;
        }

      if (*label == '\0')
        {
          g_free (label);
          label = g_strdup ("?");
        }

      item = kessan_line_item_new (label, self->n_columns);
      kessan_line_item_set_line (item, line->number);
      /* Rows set in under "Earnings per share:" or "Shares used in
       * computing earnings per share:" count what their heading says. */
      unit = row_unit_for_label (label);
      unit_said_by = label;
      for (guint h = stack->len; unit == KESSAN_UNIT_NONE && h-- > 0;)
        {
          const Heading *heading = &g_array_index (stack, Heading, h);

          if (heading->unit != KESSAN_UNIT_NONE && row_indent > heading->indent)
            {
              unit = heading->unit;
              unit_said_by = kessan_line_item_get_label (heading->item);
            }
        }
      if (unit == KESSAN_UNIT_SHARES)
        kessan_line_item_set_scale (item, shares_scale (unit_said_by, self->preamble_text->str));
      /* A row of percents among amounts ("Gross profit %  23.2 %"). */
      if (unit == KESSAN_UNIT_NONE && line->tabbed == FALSE && line->cells->len > 0)
        {
          gboolean percents = TRUE;

          for (guint j = 0; j < line->cells->len && percents; j++)
            {
              const KessanCell *cell = &g_array_index (line->cells, KessanCell, j);
              guint c = j;

              percents = cell->number.percent && c < self->n_columns && !self->plan.percent[c];
            }
          if (percents)
            unit = KESSAN_UNIT_PERCENT;
        }
      kessan_line_item_set_unit (item, unit);

      total = contains_ci (label, "total") || strstr (label, "\xe5\x90\x88\xe8\xa8\x88") != NULL; /* 合計 */
      while (total && stack->len > 0 && g_array_index (stack, Heading, stack->len - 1).group)
        g_array_set_size (stack, stack->len - 1);
      for (guint h = stack->len; h-- > 0;)
        {
          Heading *heading = &g_array_index (stack, Heading, h);

          if (row_closes_heading (label, kessan_line_item_get_label (heading->item), total))
            {
              total = TRUE;
              g_array_set_size (stack, h);
              break;
            }
        }

      /* Without a printed heading, the rows above tell which part of
       * the table a row is in ("Others" after "IIJ4U" is a dial-up row). */
      section = stack->len > 0 ? g_array_index (stack, Heading, stack->len - 1).concept
                : last_section != NULL ? last_section : self->topic;
      kessan_line_item_set_depth (item, stack->len);
      kessan_line_item_set_total (item, total);
      {
        const KessanConcept *concept = set_concept (self, item, section);

        if (concept != NULL && concept->section != NULL && stack->len == 0 && !total)
          last_section = concept->section;
        else if (total)
          last_section = NULL;
      }
      place_cells (self, item, line, ragged);
      kessan_statement_add_row (statement, item);
      last_was_heading = FALSE;
    }

  g_array_unref (pending_lines);
  share_rows_between_shares (statement);
}

/* A table whose title says nothing is a statement of the kind most of
 * its rows are items of, in either language ("流動負債", "Net sales"):
 * three rows at least, and more than half of those the dictionary
 * knows. */
static void
kind_by_content (TableReader *self)
{
  static const KessanStatementKind kinds[] = {
    KESSAN_STATEMENT_KIND_INCOME, KESSAN_STATEMENT_KIND_BALANCE, KESSAN_STATEMENT_KIND_CASHFLOW,
  };
  static const char * const topics[] = { "income", "balance", "cashflow" };
  KessanLine *lines = self->context->lines;
  guint votes[G_N_ELEMENTS (kinds)] = { 0 };
  guint known = 0, best = 0;

  for (guint i = self->block->first; i <= self->block->last; i++)
    {
      gboolean any = FALSE;

      if (lines[i].kind != KESSAN_LINE_DATA || lines[i].label == NULL || lines[i].label[0] == '\0')
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          const KessanConcept *concept = kessan_concepts_lookup (self->context->concepts, kinds[k], NULL, lines[i].label);

          if (concept != NULL && kessan_concepts_has_kind (self->context->concepts, concept->key, kinds[k]))
            {
              votes[k]++;
              any = TRUE;
            }
        }
      known += any;
    }
  for (guint k = 1; k < G_N_ELEMENTS (kinds); k++)
    if (votes[k] > votes[best])
      best = k;
  if (votes[best] >= 3 && votes[best] * 2 > known)
    {
      self->kind = kinds[best];
      self->topic = topics[best];
    }
}

static const char *
statement_language (TableReader *self)
{
  KessanLine *lines = self->context->lines;
  guint ja = 0, en = 0;

  for (guint i = self->block->first; i <= self->block->last; i++)
    {
      if (lines[i].kind != KESSAN_LINE_DATA && lines[i].kind != KESSAN_LINE_TEXT)
        continue;
      if (lines[i].japanese)
        ja++;
      else if (lines[i].label != NULL && lines[i].label[0] != '\0')
        en++;
    }
  if (self->title != NULL && kessan_text_is_japanese (self->title))
    ja += 2;
  return ja > en ? "ja" : "en";
}

/**
 * kessan_table_read:
 * @context: the parse of the whole release
 * @block: where the table is
 *
 * Returns: (transfer full) (nullable): the statement, or %NULL when the
 *   block does not hold a table after all
 */
KessanStatement *
kessan_table_read (KessanParseContext *context,
                   const KessanBlock  *block)
{
  TableReader self = { 0 };
  KessanBlock local = *block;
  g_autoptr(KessanStatement) statement = NULL;
  g_autoptr(GPtrArray) ragged = g_ptr_array_new_with_free_func (ragged_row_free);
  g_autofree char *topic = NULL;
  const char *language;

  demote_year_rows (context, &local);
  if (local.first > local.last)
    return NULL;
  block = &local;

  self.context = context;
  self.block = block;
  self.kind = KESSAN_STATEMENT_KIND_OTHER;

  if (block->title >= 0)
    {
      const char *title_text = context->lines[block->title].text;

      self.title = kessan_label_clean (title_text);
      self.topic = kessan_concepts_find_table_topic (context->concepts, title_text, &self.kind);
      if (self.topic == NULL)
        self.kind = KESSAN_STATEMENT_KIND_KPI;
    }

  /* Periods down the first column and items across: read the other
   * way round. */
  {
    KessanStatement *transposed = kessan_table_read_transposed (context, block, self.title, self.kind);

    if (transposed != NULL)
      {
        g_free (self.title);
        return transposed;
      }
  }

  self.n_columns = count_columns (&self);
  if (self.n_columns == 0)
    {
      g_free (self.title);
      return NULL;
    }

  gather_header_text (&self);
  for (guint i = block->first; i <= block->last; i++)
    if (context->lines[i].kind == KESSAN_LINE_DATA && !context->lines[i].tabbed)
      drop_leading_footnotes (context->lines[i].cells, self.n_columns);
  build_grid (&self);

  /* English statements share one title for the quarter and the year. */
  if (self.topic != NULL && (g_str_equal (self.topic, "income") || g_str_equal (self.topic, "cashflow")))
    {
      gboolean year = contains_ci (self.preamble_text->str, "year ended")
                      || contains_ci (self.preamble_text->str, "years ended");
      topic = g_strconcat (self.topic, year ? ".year" : ".quarter", NULL);
      self.topic = topic;
    }

  if (self.topic == NULL)
    kind_by_content (&self);

  language = statement_language (&self);
  statement = kessan_statement_new (NULL, self.kind, language);
  kessan_statement_set_title (statement, self.title);
  kessan_statement_set_topic (statement, self.topic);
  kessan_statement_set_lines (statement,
                              context->lines[block->title >= 0 ? (guint) block->title : block->first].number,
                              context->lines[block->last].number);

  build_columns (&self, statement);
  build_rows (&self, statement, ragged);
  if (ragged->len > 0)
    kessan_ragged_place (statement, &self.plan, ragged);

  g_free (self.title);
  g_string_free (self.header_text, TRUE);
  g_string_free (self.preamble_text, TRUE);
  g_array_unref (self.periods);
  g_ptr_array_unref (self.grid);

  return g_steal_pointer (&statement);
}
