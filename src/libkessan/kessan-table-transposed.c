/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "kessan-parser-private.h"

#include <math.h>
#include <string.h>

/* Tables printed the other way round: one row a period ("26年3月期",
 * "2024年3月期", "FY2023") and one column an item (売上高, 営業利益…),
 * each amount often with a percent beside it, as the summary page of a
 * 決算短信 prints them.  They are read as items × periods, the statement
 * marked transposed.  The shape decides, not the title: most rows are
 * labelled by exactly one period and the header above names items. */

typedef struct
{
  char  *name;
  guint  first;   /* display columns of the item's name */
  guint  last;
} HeaderChunk;

static void
header_chunk_clear (gpointer data)
{
  HeaderChunk *chunk = data;

  g_free (chunk->name);
}

/* Runs of text separated by two spaces or more, with where they are. */
static GArray *
split_chunks (const char *text)
{
  GArray *chunks = g_array_new (FALSE, TRUE, sizeof (HeaderChunk));
  const char *p = text;

  g_array_set_clear_func (chunks, header_chunk_clear);
  while (*p != '\0')
    {
      const char *start, *end;
      HeaderChunk chunk;

      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && *p != '\t' && !(p[0] == ' ' && (p[1] == ' ' || p[1] == '\0')))
        p++;
      end = p;
      {
        char *raw = g_strndup (start, (gsize) (end - start));

        chunk.name = kessan_label_clean (raw);
        g_free (raw);
      }
      chunk.first = kessan_text_display_column (text, (guint) (start - text));
      chunk.last = kessan_text_display_column (text, (guint) (end - text));
      g_array_append_val (chunks, chunk);
    }
  return chunks;
}

/* A line that may hold part of the names of the items. */
static gboolean
name_part_line (KessanParseContext *context,
                KessanLine         *line)
{
  return line->kind == KESSAN_LINE_TEXT && !kessan_line_is_header (line) && !kessan_line_is_prose (line)
         && !kessan_line_is_title (line, context->concepts);
}

static gboolean
chunks_overlap (const HeaderChunk *a,
                const HeaderChunk *b)
{
  return a->first < b->last && a->last > b->first;
}

static int
compare_chunks (gconstpointer a,
                gconstpointer b)
{
  const HeaderChunk *ca = a;
  const HeaderChunk *cb = b;

  return ca->first < cb->first ? -1 : ca->first > cb->first;
}

/* Joins to the names of @chunks the parts printed on the line under them
 * (@below) and over them (@above); a name printed on those two lines
 * alone, beside names of one line, is an item of its own. */
static void
join_name_parts (GArray *chunks,
                 GArray *above,
                 GArray *below)
{
  gboolean used[KESSAN_PLAN_MAX_COLUMNS * 2] = { FALSE };
  guint n_names = chunks->len;

  for (guint k = 0; above != NULL && k < above->len; k++)
    {
      const HeaderChunk *head = &g_array_index (above, HeaderChunk, k);
      gboolean placed = FALSE;

      for (guint c = 0; c < n_names && !placed; c++)
        {
          HeaderChunk *chunk = &g_array_index (chunks, HeaderChunk, c);

          if (chunks_overlap (head, chunk))
            {
              char *joined = g_strconcat (head->name, chunk->name, NULL);

              g_free (chunk->name);
              chunk->name = joined;
              placed = TRUE;
            }
        }
      for (guint b = 0; !placed && b < below->len && b < G_N_ELEMENTS (used); b++)
        {
          const HeaderChunk *tail = &g_array_index (below, HeaderChunk, b);

          if (!used[b] && chunks_overlap (head, tail))
            {
              HeaderChunk item = { g_strconcat (head->name, tail->name, NULL),
                                   MIN (head->first, tail->first), MAX (head->last, tail->last) };

              g_array_append_val (chunks, item);
              used[b] = placed = TRUE;
            }
        }
    }
  for (guint b = 0; below != NULL && b < below->len; b++)
    {
      const HeaderChunk *tail = &g_array_index (below, HeaderChunk, b);

      if (b < G_N_ELEMENTS (used) && used[b])
        continue;
      for (guint c = 0; c < n_names; c++)
        {
          HeaderChunk *chunk = &g_array_index (chunks, HeaderChunk, c);

          if (chunks_overlap (tail, chunk))
            {
              char *joined = g_strconcat (chunk->name, tail->name, NULL);

              g_free (chunk->name);
              chunk->name = joined;
              break;
            }
        }
    }
  if (chunks->len > n_names)
    g_array_sort (chunks, compare_chunks);
}

/* The one period a row label names, covering most of it. */
static gboolean
label_period (const char           *label,
              const KessanCalendar *calendar,
              KessanPeriod         *period)
{
  g_autoptr(GArray) found = NULL;

  if (label == NULL || *label == '\0')
    return FALSE;
  found = kessan_period_scan_in (label, calendar);
  if (found->len != 1)
    return FALSE;
  *period = g_array_index (found, KessanPeriod, 0);
  return period->length * 2 >= strlen (label);
}

/* A row of a forecast names its period within the fiscal year its
 * table's title names ("3. 2022年4月期の連結業績予想"): "通期" is the year,
 * "第2四半期(累計)" and "中間期" the months of it up to that quarter. */
static gboolean
label_period_in_year (const char   *label,
                      const GDate  *year_end,
                      KessanPeriod *period)
{
  static const char quarter[] = "\xe7\xac\xac";                /* 第 */
  static const char whole[] = "\xe9\x80\x9a\xe6\x9c\x9f";     /* 通期 */
  static const char half[] = "\xe4\xb8\xad\xe9\x96\x93\xe6\x9c\x9f"; /* 中間期 */
  guint q = 0;

  if (label == NULL || year_end == NULL || !g_date_valid (year_end) || g_utf8_strlen (label, -1) > 12)
    return FALSE;
  if (g_str_has_prefix (label, whole))
    q = 4;
  else if (g_str_has_prefix (label, half))
    q = 2;
  else if (g_str_has_prefix (label, quarter) && g_ascii_isdigit (label[strlen (quarter)])
           && strstr (label, "\xe5\x9b\x9b\xe5\x8d\x8a\xe6\x9c\x9f") != NULL) /* 四半期 */
    q = (guint) (label[strlen (quarter)] - '0');
  if (q < 1 || q > 4)
    return FALSE;

  memset (period, 0, sizeof *period);
  g_date_clear (&period->end, 1);
  g_date_clear (&period->start, 1);
  period->end = *year_end;
  if (q < 4)
    {
      guint month = g_date_get_month (year_end);
      guint year = g_date_get_year (year_end);
      int end_month = (int) month - (int) (12 - 3 * q);

      if (end_month < 1)
        {
          end_month += 12;
          year--;
        }
      g_date_set_dmy (&period->end, g_date_get_days_in_month (end_month, year), end_month, year);
    }
  period->months = 3 * q;
  period->length = strlen (label);
  return TRUE;
}

/* The fiscal year a title names: the latest period it names. */
static gboolean
title_year_end (const char           *title,
                const KessanCalendar *calendar,
                GDate                *end)
{
  g_autoptr(GArray) found = NULL;

  g_date_clear (end, 1);
  if (title == NULL)
    return FALSE;
  found = kessan_period_scan_in (title, calendar);
  for (guint i = 0; i < found->len; i++)
    {
      KessanPeriod *period = &g_array_index (found, KessanPeriod, i);

      if (g_date_valid (&period->end) && (!g_date_valid (end) || g_date_compare (&period->end, end) > 0))
        *end = period->end;
    }
  return g_date_valid (end);
}

static gboolean
cell_is_percent_like (const KessanCell *cell)
{
  return cell->number.percent || (cell->number.decimals > 0 && !cell->number.grouped && fabs (cell->number.value) < 1000);
}

static int
nearest_chunk (GArray *chunks,
               guint   at)
{
  guint best = G_MAXUINT;
  int found = -1;

  for (guint k = 0; k < chunks->len; k++)
    {
      const HeaderChunk *chunk = &g_array_index (chunks, HeaderChunk, k);
      guint distance = at > chunk->last ? at - chunk->last : chunk->first > at ? chunk->first - at : 0;

      if (distance < best)
        {
          best = distance;
          found = (int) k;
        }
    }
  return found;
}

static gboolean
contains_word (const char *text,
               const char *word)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  return strstr (lower, word) != NULL;
}

/**
 * kessan_table_read_transposed:
 * @context: the parse of the whole release
 * @block: where the table is
 * @title: (nullable): the table's title
 * @kind: the kind its title gives, %KESSAN_STATEMENT_KIND_OTHER if none
 *
 * Returns: (transfer full) (nullable): the statement, items as rows and
 *   periods as columns, or %NULL when the table is not printed that way
 */
KessanStatement *
kessan_table_read_transposed (KessanParseContext  *context,
                              const KessanBlock   *block,
                              const char          *title,
                              KessanStatementKind  kind)
{
  KessanLine *lines = context->lines;
  g_autoptr(GArray) periods = g_array_new (FALSE, TRUE, sizeof (KessanPeriod));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GArray) chunks = NULL;
  g_autoptr(KessanStatement) statement = NULL;
  g_autoptr(GString) header = g_string_new (NULL);
  gboolean percent[KESSAN_PLAN_MAX_COLUMNS] = { FALSE };
  guint n_cells = 0, n_data = 0, n_period_rows = 0;
  gboolean has_year;
  GDate year_end;
  int header_line = -1;
  int item_of[KESSAN_PLAN_MAX_COLUMNS];
  int nearest[KESSAN_PLAN_MAX_COLUMNS];
  guint scale = 1;
  const char *currency;
  gboolean forecast;
  static const struct { const char *word; guint scale; } scales[] = {
    { "百万円", 1000000 }, { "千円", 1000 }, { "億円", 100000000 },
    { "millions", 1000000 }, { "thousands", 1000 },
  };

  has_year = title_year_end (title, &context->calendar, &year_end);
  for (guint i = block->first; i <= block->last; i++)
    {
      KessanPeriod period;

      if (lines[i].kind != KESSAN_LINE_DATA)
        continue;
      n_data++;
      /* A summary has a row a period, a few of them: a table whose first
       * rows are not periods, or that is long, is read as printed. */
      if (n_data > 64)
        return NULL;
      if (lines[i].tabbed
          || !(label_period (lines[i].label, &context->calendar, &period)
               || (has_year && label_period_in_year (lines[i].label, &year_end, &period))))
        {
          if (rows->len == 0 && n_data >= 2)
            return NULL;
          continue;
        }
      /* Rows of a period under other heads (per-share figures printed
       * below the amounts) still make the table one of periods. */
      n_period_rows++;
      if (n_cells == 0)
        n_cells = lines[i].cells->len;
      if (lines[i].cells->len != n_cells)
        continue;
      g_array_append_val (periods, period);
      g_ptr_array_add (rows, &lines[i]);
    }
  if (rows->len < 2 || n_period_rows * 10 < n_data * 7 || n_cells < 1 || n_cells > KESSAN_PLAN_MAX_COLUMNS)
    return NULL;

  /* The item names: the header line above with the most text runs,
   * the nearest of those; a name printed over two lines goes on in the
   * line under it ("親会社株主に帰属する" over "四半期純利益"). */
  for (guint i = block->first; i-- > block->preamble;)
    {
      g_autoptr(GArray) found = NULL;

      if (lines[i].kind != KESSAN_LINE_TEXT || kessan_line_is_prose (&lines[i]))
        continue;
      g_string_prepend_c (header, '\n');
      g_string_prepend (header, lines[i].text);
      if (kessan_line_is_header (&lines[i]) || kessan_line_is_title (&lines[i], context->concepts))
        continue;
      found = split_chunks (lines[i].text);
      if (found->len >= 1 && (chunks == NULL || found->len > chunks->len))
        {
          g_clear_pointer (&chunks, g_array_unref);
          chunks = g_steal_pointer (&found);
          header_line = (int) i;
        }
    }
  if (chunks == NULL)
    return NULL;
  {
    g_autoptr(GArray) below = NULL;
    g_autoptr(GArray) above = NULL;

    if ((guint) header_line + 1 < block->first && name_part_line (context, &lines[header_line + 1]))
      below = split_chunks (lines[header_line + 1].text);
    /* A name of two lines set beside names of one is centred on them:
     * its first line above theirs ("親会社株主に帰属" over "売上高" over
     * "する中間純利益"). */
    if (below != NULL && (guint) header_line > block->preamble && name_part_line (context, &lines[header_line - 1]))
      above = split_chunks (lines[header_line - 1].text);
    join_name_parts (chunks, above, below);
  }

  /* A column of percents under the same name as the amount before it
   * is that amount's change; under a name of its own it is an item
   * (自己資本比率). */
  {
    KessanLine *first = g_ptr_array_index (rows, 0);
    guint n_items = 0;

    for (guint c = 0; c < n_cells; c++)
      {
        KessanCell *cell = &g_array_index (first->cells, KessanCell, c);
        guint pct = 0;

        nearest[c] = nearest_chunk (chunks, kessan_text_display_column (first->text, cell->start));
        for (guint r = 0; r < rows->len; r++)
          {
            KessanLine *line = g_ptr_array_index (rows, r);

            cell = &g_array_index (line->cells, KessanCell, c);
            pct += cell->number.nil || cell_is_percent_like (cell);
          }
        percent[c] = c > 0 && !percent[c - 1] && pct == rows->len && nearest[c] == nearest[c - 1];
        item_of[c] = percent[c] ? item_of[c - 1] : (int) n_items++;
      }
  }

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    if (strstr (header->str, scales[s].word) != NULL)
      {
        scale = scales[s].scale;
        break;
      }
  currency = kessan_currency_in_text (header->str, kessan_release_dollar (context));
  /* "…の連結業績予想": every column is a forecast. */
  forecast = (title != NULL && strstr (title, "\xe4\xba\x88\xe6\x83\xb3") != NULL)  /* 予想 */
             || (title != NULL && contains_word (title, "forecast"));

  statement = kessan_statement_new (NULL, kind != KESSAN_STATEMENT_KIND_OTHER ? kind : KESSAN_STATEMENT_KIND_SUMMARY,
                                    kessan_text_is_japanese (header->str) ? "ja" : "en");
  kessan_statement_set_title (statement, title);
  kessan_statement_set_topic (statement, "summary");
  kessan_statement_set_transposed (statement, TRUE);
  kessan_statement_set_lines (statement, lines[block->title >= 0 ? (guint) block->title : (guint) header_line].number,
                              lines[block->last].number);

  /* One column an amount and one its change for each period row. */
  for (guint r = 0; r < rows->len; r++)
    {
      KessanPeriod *period = &g_array_index (periods, KessanPeriod, r);
      KessanPeriod *earlier = r + 1 < rows->len ? &g_array_index (periods, KessanPeriod, r + 1) : NULL;
      g_autofree char *end = kessan_date_to_iso (&period->end);
      guint months = period->months > 0 ? period->months : 12;
      KessanLine *line = g_ptr_array_index (rows, r);

      for (guint pass = 0; pass < 2; pass++)
        {
          g_autoptr(KessanColumn) column = kessan_column_new ();
          gboolean any_percent = FALSE;

          for (guint c = 0; c < n_cells; c++)
            any_percent |= percent[c];
          if (pass == 1 && !any_percent)
            break;
          kessan_column_set_header (column, line->label);
          kessan_column_set_period_end (column, end);
          kessan_column_set_months (column, months);
          if (forecast)
            kessan_column_set_scenario (column, KESSAN_SCENARIO_FORECAST);
          if (pass == 0)
            {
              kessan_column_set_measure (column, KESSAN_MEASURE_AMOUNT);
              kessan_column_set_currency_code (column, currency);
              kessan_column_set_scale (column, scale);
              kessan_column_set_unit (column, currency != NULL ? KESSAN_UNIT_CURRENCY : KESSAN_UNIT_COUNT);
            }
          else
            {
              g_autofree char *compared = earlier != NULL ? kessan_date_to_iso (&earlier->end) : NULL;

              /* "対前期増減率": the change from the year before, which the
               * next row prints when the table shows it. */
              if (compared == NULL && g_date_valid (&period->end))
                {
                  GDate before = period->end;

                  g_date_subtract_years (&before, 1);
                  compared = kessan_date_to_iso (&before);
                }
              kessan_column_set_measure (column, KESSAN_MEASURE_CHANGE_YOY);
              kessan_column_set_compared_end (column, compared);
              kessan_column_set_scale (column, 1);
              kessan_column_set_unit (column, KESSAN_UNIT_PERCENT);
            }
          kessan_statement_add_column (statement, column);
        }
    }

  /* One row an item, named by the header over its amount column. */
  {
    guint n_per_period = kessan_statement_get_n_columns (statement) / rows->len;
    guint n_items = 0;

    for (guint c = 0; c < n_cells; c++)
      n_items = MAX (n_items, (guint) item_of[c] + 1);

    for (guint item = 0; item < n_items; item++)
      {
        g_autoptr(KessanLineItem) row = NULL;
        const HeaderChunk *name = NULL;
        const KessanConcept *concept;
        int amount = -1, change = -1;

        for (guint c = 0; c < n_cells; c++)
          if (item_of[c] == (int) item)
            {
              if (percent[c])
                change = (int) c;
              else
                amount = (int) c;
            }
        if (amount < 0)
          continue;
        /* The name nearest above the amount's figure. */
        if (nearest[amount] >= 0)
          name = &g_array_index (chunks, HeaderChunk, nearest[amount]);
        row = kessan_line_item_new (name != NULL ? name->name : "?", kessan_statement_get_n_columns (statement));
        kessan_line_item_set_line (row, lines[header_line].number);
        concept = kessan_concepts_lookup (context->concepts, KESSAN_STATEMENT_KIND_SUMMARY, "summary",
                                          kessan_line_item_get_label (row));
        if (concept == NULL)
          concept = kessan_concepts_lookup (context->concepts, KESSAN_STATEMENT_KIND_INCOME, NULL,
                                            kessan_line_item_get_label (row));
        if (concept == NULL)
          concept = kessan_concepts_lookup (context->concepts, KESSAN_STATEMENT_KIND_BALANCE, NULL,
                                            kessan_line_item_get_label (row));
        if (concept != NULL)
          {
            kessan_line_item_set_concept (row, concept->key);
            kessan_line_item_set_labels (row, concept->label_en, concept->label_ja);
          }
        else
          {
            g_autofree char *key = kessan_concepts_make_key (kessan_line_item_get_label (row));

            kessan_line_item_set_concept (row, key);
          }
        if (strstr (kessan_line_item_get_label (row), "比率") != NULL || strstr (kessan_line_item_get_label (row), "率") != NULL)
          kessan_line_item_set_unit (row, KESSAN_UNIT_PERCENT);

        for (guint r = 0; r < rows->len; r++)
          {
            KessanLine *line = g_ptr_array_index (rows, r);
            KessanCell *a = &g_array_index (line->cells, KessanCell, amount);

            if (!a->number.nil)
              kessan_line_item_set_value (row, r * n_per_period, a->number.value, a->number.decimals, line->number);
            if (change >= 0 && n_per_period == 2)
              {
                KessanCell *p = &g_array_index (line->cells, KessanCell, change);

                if (!p->number.nil)
                  kessan_line_item_set_value (row, r * n_per_period + 1, p->number.value, p->number.decimals, line->number);
              }
          }
        kessan_statement_add_row (statement, row);
      }
  }

  return g_steal_pointer (&statement);
}
