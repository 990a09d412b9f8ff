/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "kessan-parser-private.h"

#include <math.h>
#include <string.h>

/* Rows that print fewer numbers than their table has columns (blank
 * cells collapsed away by the PDF extraction) are placed by trying every
 * order-keeping placement of their numbers and keeping the one that fits
 * the table best: amounts in amount columns and percents in percent
 * columns, USD matching JPY at the release's rate, shares matching their
 * base row, changes matching the two periods they compare, and totals
 * adding up. */

#define MAX_PLACEMENTS 20000

typedef struct
{
  KessanStatement        *statement;
  const KessanColumnPlan *plan;
  KessanRaggedRow        *row;
  guint                   row_index;
  double                  base[KESSAN_PLAN_MAX_COLUMNS]; /* share base per percent column */
} Solver;

static gboolean
item_value (KessanLineItem *item,
            guint           c,
            double         *value)
{
  if (!kessan_line_item_has_value (item, c))
    return FALSE;
  *value = kessan_line_item_get_value (item, c);
  return TRUE;
}

static void
find_share_bases (Solver *self)
{
  guint n_rows = kessan_statement_get_n_rows (self->statement);

  for (guint c = 0; c < self->plan->n_columns; c++)
    {
      int a = self->plan->amount_of[c];

      self->base[c] = NAN;
      if (!self->plan->share[c] || a < 0)
        continue;
      for (guint r = 0; r < n_rows; r++)
        {
          KessanLineItem *item = kessan_statement_get_row (self->statement, r);
          double pct, amount;

          if (item_value (item, c, &pct) && fabs (pct - 100.0) < 0.001
              && item_value (item, (guint) a, &amount) && amount != 0)
            self->base[c] = amount;
        }
    }
}

/* How well the totals of column @c add up with @value (or nothing, when
 * @present is FALSE) in the ragged row: each total row that equals the
 * sum of the rows just above it, which its own earlier totals stand for,
 * counts one. */
static int
count_matching_totals (Solver  *self,
                       guint    c,
                       gboolean present,
                       double   value)
{
  guint n_rows = kessan_statement_get_n_rows (self->statement);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  int matched = 0;

  for (guint r = 0; r < n_rows; r++)
    {
      KessanLineItem *item = kessan_statement_get_row (self->statement, r);
      double v = 0;
      gboolean has;

      if (kessan_line_item_get_heading (item))
        continue;
      if (r == self->row_index)
        {
          has = present;
          v = value;
        }
      else
        has = item_value (item, c, &v);
      if (!has)
        v = 0;

      if (kessan_line_item_get_total (item) && has)
        {
          double sum = 0;
          guint k;

          for (k = 1; k <= open->len; k++)
            {
              sum += g_array_index (open, double, open->len - k);
              if (k >= 2 && fabs (sum - v) <= 0.5 * k + 1e-9)
                break;
            }
          if (k <= open->len)
            {
              matched++;
              g_array_set_size (open, open->len - k);
            }
        }
      g_array_append_val (open, v);
    }
  return matched;
}

static double
score_placement (Solver      *self,
                 const guint *columns,
                 guint        k)
{
  const KessanColumnPlan *plan = self->plan;
  GArray *cells = self->row->cells;
  double placed[KESSAN_PLAN_MAX_COLUMNS];
  gboolean has[KESSAN_PLAN_MAX_COLUMNS] = { FALSE };
  double score = 0;

  for (guint i = 0; i < k; i++)
    {
      KessanCell *cell = &g_array_index (cells, KessanCell, i);
      guint c = columns[i];

      if (cell->number.nil)
        continue;
      has[c] = TRUE;
      placed[c] = cell->number.value;

      /* Kinds of numbers. */
      if (plan->percent[c])
        {
          if (cell->number.grouped || fabs (cell->number.value) >= 1000)
            score -= 10;
        }
      else
        {
          if (cell->number.percent)
            score -= 10;
          else if (cell->number.decimals > 0
                   && kessan_line_item_get_unit (self->row->item) == KESSAN_UNIT_NONE)
            score -= 4;
        }
    }

  for (guint c = 0; c < plan->n_columns; c++)
    {
      int a = plan->amount_of[c];

      if (!has[c])
        continue;

      if (plan->usd[c] && a >= 0)
        {
          if (!has[a])
            score -= 3;
          else if (plan->jpy_per_usd > 0)
            score += fabs (placed[c] * plan->jpy_per_usd - placed[a]) <= plan->jpy_per_usd ? 2 : -3;
        }
      else if (plan->share[c] && a >= 0)
        {
          if (!has[a])
            score -= 3;
          else if (!isnan (self->base[c]))
            score += fabs (placed[a] / self->base[c] * 100.0 - placed[c]) <= 0.11 ? 2 : -2;
        }
      else if (plan->change[c] && a >= 0)
        {
          int cur = plan->current[c];
          double now = (cur >= 0 && has[cur]) ? placed[cur] : 0;

          if (!has[a])
            score -= 3;
          else if (placed[a] != 0)
            score += fabs ((now - placed[a]) / placed[a] * 100.0 - placed[c]) <= 0.11 + fabs (placed[c]) * 0.002
                     ? 2 : -2;
        }
    }

  /* Totals: compare against the row being absent from the column. */
  for (guint c = 0; c < plan->n_columns; c++)
    if (!plan->percent[c])
      score += 3 * count_matching_totals (self, c, has[c], has[c] ? placed[c] : 0);

  return score;
}

static gboolean
next_combination (guint *columns,
                  guint  k,
                  guint  n)
{
  for (guint i = k; i-- > 0;)
    {
      if (columns[i] < n - k + i)
        {
          columns[i]++;
          for (guint j = i + 1; j < k; j++)
            columns[j] = columns[j - 1] + 1;
          return TRUE;
        }
    }
  return FALSE;
}

static void
place_row (Solver *self)
{
  const KessanColumnPlan *plan = self->plan;
  GArray *cells = self->row->cells;
  guint k = cells->len;
  guint n = plan->n_columns;
  guint columns[KESSAN_PLAN_MAX_COLUMNS];
  guint best[KESSAN_PLAN_MAX_COLUMNS];
  double best_score = -INFINITY;
  guint tried = 0;

  if (k == 0 || k > n)
    return;

  for (guint i = 0; i < k; i++)
    columns[i] = best[i] = i;

  do
    {
      double score = score_placement (self, columns, k);

      /* On a tie the earlier placement wins: rows leave out trailing
       * cells more often than leading ones. */
      if (score > best_score)
        {
          best_score = score;
          memcpy (best, columns, sizeof (guint) * k);
        }
    }
  while (++tried < MAX_PLACEMENTS && next_combination (columns, k, n));

  for (guint i = 0; i < k; i++)
    {
      KessanCell *cell = &g_array_index (cells, KessanCell, i);

      if (!cell->number.nil)
        kessan_line_item_set_value (self->row->item, best[i], cell->number.value,
                                    cell->number.decimals, self->row->line);
    }
}

void
kessan_ragged_place (KessanStatement        *statement,
                     const KessanColumnPlan *plan,
                     GPtrArray              *ragged)
{
  Solver self = { 0 };
  guint n_rows = kessan_statement_get_n_rows (statement);

  self.statement = statement;
  self.plan = plan;
  find_share_bases (&self);

  for (guint i = 0; i < ragged->len; i++)
    {
      self.row = g_ptr_array_index (ragged, i);
      self.row_index = G_MAXUINT;
      for (guint r = 0; r < n_rows; r++)
        if (kessan_statement_get_row (statement, r) == self.row->item)
          self.row_index = r;
      place_row (&self);
    }
}
