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

/* Work bounds, so that a hostile table cannot make the search run for
 * long: totals are looked for near the row only, and past a budget of
 * placements per table the remaining rows are placed by the kinds of
 * their numbers alone. */
#define TOTALS_WINDOW 120
#define TABLE_BUDGET 400000

typedef struct
{
  KessanStatement        *statement;
  const KessanColumnPlan *plan;
  KessanRaggedRow        *row;
  guint                   row_index;
  double                  base[KESSAN_PLAN_MAX_COLUMNS]; /* share base per percent column */

  /* The table as plain arrays, for the many placements tried. */
  guint                   n_rows;
  double                 *values;     /* n_rows × n_columns, NAN when empty */
  guint8                 *flags;      /* ROW_* per row */
  double                 *open;       /* scratch for count_matching_totals() */
  guint                   budget;

  /* Matching totals of a column with each of the row's numbers in it
   * (index + 1) or with none (0), counted once per row: -1 until then. */
  int                     totals[KESSAN_PLAN_MAX_COLUMNS][KESSAN_PLAN_MAX_COLUMNS + 1];
} Solver;

enum
{
  ROW_HEADING = 1 << 0,
  ROW_TOTAL = 1 << 1,
};

static void
snapshot_rows (Solver *self)
{
  guint n = self->plan->n_columns;

  self->n_rows = kessan_statement_get_n_rows (self->statement);
  self->values = g_new (double, (gsize) self->n_rows * n);
  self->flags = g_new0 (guint8, self->n_rows);
  self->open = g_new (double, self->n_rows + 1);
  for (guint r = 0; r < self->n_rows; r++)
    {
      KessanLineItem *item = kessan_statement_get_row (self->statement, r);

      self->flags[r] = (kessan_line_item_get_heading (item) ? ROW_HEADING : 0)
                       | (kessan_line_item_get_total (item) ? ROW_TOTAL : 0);
      for (guint c = 0; c < n; c++)
        self->values[r * n + c] = kessan_line_item_has_value (item, c)
                                  ? kessan_line_item_get_value (item, c) : NAN;
    }
}

static gboolean
cell_value (Solver *self,
            guint   r,
            guint   c,
            double *value)
{
  double v = self->values[r * self->plan->n_columns + c];

  if (isnan (v))
    return FALSE;
  *value = v;
  return TRUE;
}

static void
find_share_bases (Solver *self)
{
  for (guint c = 0; c < self->plan->n_columns; c++)
    {
      int a = self->plan->amount_of[c];

      self->base[c] = NAN;
      if (!self->plan->share[c] || a < 0)
        continue;
      for (guint r = 0; r < self->n_rows; r++)
        {
          double pct, amount;

          if (cell_value (self, r, c, &pct) && fabs (pct - 100.0) < 0.001
              && cell_value (self, r, (guint) a, &amount) && amount != 0)
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
  double *open = self->open;
  guint n_open = 0;
  int matched = 0;
  guint from = self->row_index > TOTALS_WINDOW ? self->row_index - TOTALS_WINDOW : 0;
  guint to = MIN (self->n_rows, self->row_index + TOTALS_WINDOW);

  for (guint r = from; r < to; r++)
    {
      double v = 0;
      gboolean has;

      if (self->flags[r] & ROW_HEADING)
        continue;
      if (r == self->row_index)
        {
          has = present;
          v = value;
        }
      else
        has = cell_value (self, r, c, &v);
      if (!has)
        v = 0;

      if ((self->flags[r] & ROW_TOTAL) && has)
        {
          double sum = 0;
          guint k;

          for (k = 1; k <= n_open; k++)
            {
              sum += open[n_open - k];
              if (k >= 2 && fabs (sum - v) <= 0.5 * k + 1e-9)
                break;
            }
          if (k <= n_open)
            {
              matched++;
              n_open -= k;
            }
        }
      open[n_open++] = v;
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
  int which[KESSAN_PLAN_MAX_COLUMNS] = { 0 };
  double score = 0;

  for (guint i = 0; i < k; i++)
    {
      KessanCell *cell = &g_array_index (cells, KessanCell, i);
      guint c = columns[i];

      /* An unreadable cell holds its place, without a value to weigh. */
      if (cell->number.nil || cell->number.unreadable)
        continue;
      has[c] = TRUE;
      placed[c] = cell->number.value;
      which[c] = (int) i + 1;

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
  for (guint c = 0; c < plan->n_columns && self->budget > 0; c++)
    if (!plan->percent[c])
      {
        int *memo = &self->totals[c][which[c]];

        if (*memo < 0)
          *memo = count_matching_totals (self, c, has[c], has[c] ? placed[c] : 0);
        score += 3 * *memo;
      }

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

  memset (self->totals, -1, sizeof self->totals);

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

  self->budget = self->budget > tried ? self->budget - tried : 0;

  for (guint i = 0; i < k; i++)
    {
      KessanCell *cell = &g_array_index (cells, KessanCell, i);

      if (cell->number.unreadable)
        kessan_line_item_set_unreadable (self->row->item, best[i], TRUE);
      else if (!cell->number.nil)
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

  self.statement = statement;
  self.plan = plan;
  self.budget = TABLE_BUDGET;
  snapshot_rows (&self);
  find_share_bases (&self);

  for (guint i = 0; i < ragged->len; i++)
    {
      self.row = g_ptr_array_index (ragged, i);
      self.row_index = G_MAXUINT;
      for (guint r = 0; r < self.n_rows; r++)
        if (kessan_statement_get_row (statement, r) == self.row->item)
          self.row_index = r;
      place_row (&self);

      /* Later rows see this one where it was placed. */
      if (self.row_index < self.n_rows)
        for (guint c = 0; c < plan->n_columns; c++)
          self.values[self.row_index * plan->n_columns + c]
            = kessan_line_item_has_value (self.row->item, c)
              ? kessan_line_item_get_value (self.row->item, c) : NAN;
    }

  g_free (self.values);
  g_free (self.flags);
  g_free (self.open);
}
