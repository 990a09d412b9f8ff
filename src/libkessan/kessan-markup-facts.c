/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "config.h"

#include "kessan-markup-private.h"

#include <string.h>

/* Tagged tables laid out with items as columns: the summary page of a
 * 決算短信 prints one row per period and, per item, an amount and its
 * change in percent side by side, or an item's facts in a note of one
 * row.  Such a table is not read by its layout but from its facts
 * (kessan-fact-table.c); this file finds each fact's label and the name
 * of its period in the layout around it. */

static guint
n_distinct_names (GPtrArray  *facts,
                  const char *first)
{
  for (guint f = 0; f < facts->len; f++)
    {
      const KessanMarkupFact *fact = g_ptr_array_index (facts, f);

      if (g_strcmp0 (fact->fact->name, first) != 0)
        return 2;
    }
  return 1;
}

/* A cell that says only a unit: "百万円", "％", "円 銭", "(%)", "$". */
static gboolean
is_unit_only (const char *text)
{
  static const char * const units[] = {
    "百", "万", "千", "億", "円", "銭", "％", "%", "株", "$", "¥", "￥", "ドル", "US", "(", ")",
    "（", "）", NULL,
  };

  for (const char *p = text; *p;)
    {
      gunichar c = g_utf8_get_char (p);
      gboolean known = g_unichar_isspace (c) || c == 0x00A0 || c == 0x3000;

      for (guint i = 0; !known && units[i] != NULL; i++)
        if (g_str_has_prefix (p, units[i]))
          {
            p += strlen (units[i]);
            known = TRUE;
            c = 0;
          }
      if (!known)
        return FALSE;
      if (c != 0)
        p = g_utf8_next_char (p);
    }
  return TRUE;
}

/* A period's name: "2022年4月期第1四半期", "第2四半期(累計)", "通期",
 * "期末"; not "1株当たり四半期純利益". */
static gboolean
is_period_name (const char *text)
{
  gboolean after_digit = FALSE, after_dai = FALSE;

  if (strstr (text, "通期") != NULL || strstr (text, "累計") != NULL || strstr (text, "中間期") != NULL
      || strstr (text, "期末") != NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean digit = g_unichar_isdigit (c);

      if (after_digit && (c == 0x5E74 || c == 0x6708))   /* 年, 月 */
        return TRUE;
      if (after_dai && digit)                              /* 第1 */
        return TRUE;
      after_digit = digit;
      after_dai = c == 0x7B2C;                             /* 第 */
    }
  return FALSE;
}

static const KessanMarkupCell *
cell_at (const KessanMarkupCell *matrix,
         guint                   n_columns,
         guint                   r,
         guint                   c)
{
  return &matrix[(gsize) r * n_columns + c];
}

/* The text that heads column @c above row @r, looking no higher than
 * row @top: the nearest cell above that covers it and says more than a
 * unit. */
static const char *
column_label_from (const KessanMarkupCell *matrix,
                   guint                   n_columns,
                   guint                   top,
                   guint                   r,
                   guint                   c)
{
  while (r-- > top)
    {
      const KessanMarkupCell *cell = NULL;

      for (guint k = c + 1; k-- > 0;)
        if (cell_at (matrix, n_columns, r, k)->text != NULL)
          {
            if (k + MAX (cell_at (matrix, n_columns, r, k)->span, 1) > c)
              cell = cell_at (matrix, n_columns, r, k);
            break;
          }
      if (cell == NULL || cell->facts != NULL || cell->text[0] == '\0' || is_unit_only (cell->text))
        continue;
      return cell->text;
    }
  return NULL;
}

static const char *
column_label (const KessanMarkupCell *matrix,
              guint                   n_columns,
              guint                   r,
              guint                   c)
{
  return column_label_from (matrix, n_columns, 0, r, c);
}

/* The number as printed, with the sign the page prints before it (the
 * tagged text leaves it out). */
static char *
printed_number (const KessanMarkupCell *cell,
                const KessanMarkupFact *fact)
{
  if (!fact->fact->negated)
    return g_strdup (fact->text);
  if (strstr (cell->text, "△") != NULL)
    return g_strconcat ("△", fact->text, NULL);
  if (strstr (cell->text, "▲") != NULL)
    return g_strconcat ("▲", fact->text, NULL);
  return g_strconcat ("-", fact->text, NULL);
}

/* The first text of row @r, where a table of periods as rows names the
 * period. */
static const char *
row_head (const KessanMarkupCell *matrix,
          guint                   n_columns,
          guint                   r)
{
  for (guint c = 0; c < n_columns; c++)
    {
      const KessanMarkupCell *cell = &matrix[(gsize) r * n_columns + c];

      if (cell->facts != NULL)
        return NULL;
      if (cell->text != NULL && cell->text[0] != '\0')
        return cell->text;
    }
  return NULL;
}

/**
 * kessan_markup_is_item_columns:
 * @matrix: a table's cells, row by row
 * @n_rows: its rows
 * @n_columns: its columns
 *
 * Whether the table's tagged cells name an item per column rather than
 * per row: each column holds facts of one element only, and either some
 * row holds facts of several elements, or the rows are named by periods
 * and some item heading a column has facts in several of them.
 */
gboolean
kessan_markup_is_item_columns (const KessanMarkupCell *matrix,
                               guint                   n_rows,
                               guint                   n_columns)
{
  gboolean mixed_row = FALSE, item_over_rows = FALSE, period_rows = TRUE;

  for (guint c = 0; c < n_columns; c++)
    {
      const char *name = NULL;
      gboolean item_heading = FALSE;
      guint rows_with_facts = 0;

      for (guint r = 0; r < n_rows; r++)
        {
          GPtrArray *facts = matrix[(gsize) r * n_columns + c].facts;

          if (facts == NULL || facts->len == 0)
            continue;
          if (name == NULL)
            {
              const char *label = column_label (matrix, n_columns, r, c);

              name = ((KessanMarkupFact *) g_ptr_array_index (facts, 0))->fact->name;
              item_heading = label != NULL && !is_period_name (label);
            }
          if (n_distinct_names (facts, name) > 1)
            return FALSE;
          rows_with_facts++;
        }
      item_over_rows |= item_heading && rows_with_facts >= 2;
    }

  for (guint r = 0; r < n_rows; r++)
    {
      const char *name = NULL;
      gboolean any = FALSE;

      for (guint c = 0; c < n_columns; c++)
        {
          GPtrArray *facts = matrix[(gsize) r * n_columns + c].facts;

          if (facts == NULL || facts->len == 0)
            continue;
          any = TRUE;
          if (name == NULL)
            name = ((KessanMarkupFact *) g_ptr_array_index (facts, 0))->fact->name;
          if (n_distinct_names (facts, name) > 1)
            mixed_row = TRUE;
        }
      if (any)
        {
          const char *head = row_head (matrix, n_columns, r);

          period_rows &= head != NULL && is_period_name (head);
        }
    }
  return mixed_row || (period_rows && item_over_rows);
}

/**
 * kessan_markup_facts_of_columns:
 * @matrix: a table's cells, row by row; their facts are taken
 * @n_rows: its rows
 * @n_columns: its columns
 * @element: where the table is
 *
 * Returns: (transfer full): the table's facts, each with the label its
 *   column prints above it (or its row, left of it) and the name of its
 *   period as its row prints it
 */
KessanFactTable *
kessan_markup_facts_of_columns (KessanMarkupCell *matrix,
                                guint             n_rows,
                                guint             n_columns,
                                const char       *element)
{
  KessanFactTable *table = kessan_fact_table_new ();
  /* Each column's heading so far and the row it was looked for up to,
   * so that no column is searched upwards twice. */
  g_autofree const char **heading = g_new0 (const char *, n_columns);
  g_autofree guint *searched = g_new0 (guint, n_columns);

  for (guint r = 0; r < n_rows; r++)
    {
      /* The texts left of the cell: the last that names a period, the
       * last that does not. */
      const char *period = NULL, *left = NULL;

      for (guint c = 0; c < n_columns; c++)
        {
          KessanMarkupCell *cell = &matrix[(gsize) r * n_columns + c];

          if (cell->facts == NULL)
            {
              if (cell->text != NULL && cell->text[0] != '\0' && !is_unit_only (cell->text))
                {
                  if (is_period_name (cell->text))
                    period = cell->text;
                  else
                    left = cell->text;
                }
              continue;
            }
          {
            const char *found = column_label_from (matrix, n_columns, searched[c], r, c);

            if (found != NULL)
              heading[c] = found;
            searched[c] = r;
          }
          for (guint f = 0; f < cell->facts->len; f++)
            {
              KessanMarkupFact *fact = g_ptr_array_index (cell->facts, f);
              g_autofree char *text = printed_number (cell, fact);

              kessan_fact_table_add (table, heading[c] != NULL ? heading[c] : left, period, text,
                                     g_steal_pointer (&fact->fact), fact->value, element);
            }
        }
    }
  return table;
}
