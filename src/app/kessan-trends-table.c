/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-trends"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kessan-concepts.h"
#include "kessan-format.h"
#include "kessan-trends-table.h"

/* The Trends table: every release of the library merged into a row per
 * concept and a column per period, oldest first, in both layouts,
 * quarters and full years.  It is built in the series thread from a
 * KessanSeriesSet (docs/series.md); kessan-trends-page.c shows it. */

/* The groups of rows, in the order shown: the order of the statements in
 * a release. */
static const KessanStatementKind group_order[] = {
  KESSAN_STATEMENT_KIND_INCOME,
  KESSAN_STATEMENT_KIND_BALANCE,
  KESSAN_STATEMENT_KIND_CASHFLOW,
  KESSAN_STATEMENT_KIND_KPI,
  KESSAN_STATEMENT_KIND_RECONCILIATION,
  KESSAN_STATEMENT_KIND_OTHER,
};

static const char *group_titles[] = {
  [KESSAN_STATEMENT_KIND_INCOME] = N_("Statement of Operations"),
  [KESSAN_STATEMENT_KIND_BALANCE] = N_("Balance Sheet"),
  [KESSAN_STATEMENT_KIND_CASHFLOW] = N_("Cash Flows"),
  [KESSAN_STATEMENT_KIND_KPI] = N_("Key Figures"),
  [KESSAN_STATEMENT_KIND_RECONCILIATION] = N_("Reconciliations"),
  [KESSAN_STATEMENT_KIND_OTHER] = N_("Other Tables"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (group_order) == KESSAN_TRENDS_N_GROUPS);

static void
trends_row_free (gpointer data)
{
  KessanTrendsRow *row = data;

  g_free (row->key);
  g_free (row->label_en);
  g_free (row->label_ja);
  g_free (row->folded);
  g_free (row->points);
  g_free (row);
}

static void
trends_table_free (KessanTrendsTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->periods);
  g_ptr_array_unref (table->titles);
  g_hash_table_unref (table->by_key);
  g_ptr_array_unref (table->keys);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
kessan_trends_result_free (KessanTrendsResult *result)
{
  if (result == NULL)
    return;

  for (guint m = 0; m < KESSAN_TRENDS_N_LAYOUTS; m++)
    trends_table_free (result->tables[m]);
  g_clear_object (&result->set);
  g_free (result);
}

/* The place of a margin in the order shown, or -1. */
static int
margin_index (const char *key)
{
  guint n_margins;
  const KessanSeriesMargin *margins = kessan_series_get_margins (&n_margins);

  for (guint i = 0; i < n_margins; i++)
    if (strcmp (key, margins[i].key) == 0)
      return (int) i;
  return -1;
}

static gboolean
is_margin (const char *key)
{
  return margin_index (key) >= 0;
}

static KessanStatementKind
statement_kind_of (const KessanSeriesObservation *observation)
{
  KessanStatement *statement = observation != NULL ? kessan_series_observation_get_statement (observation) : NULL;

  return statement != NULL ? kessan_statement_get_kind (statement) : KESSAN_STATEMENT_KIND_OTHER;
}

/* A concept's group: the first kind of statement the dictionary places
 * it in (total revenues are in the statement of operations and in the
 * tables of key figures), else the statements that print it. */
static KessanStatementKind
group_of (KessanConcepts *concepts,
          const char     *key,
          GPtrArray      *points)
{
  KessanStatementKind kind = KESSAN_STATEMENT_KIND_OTHER;

  if (is_margin (key))
    return KESSAN_STATEMENT_KIND_INCOME;
  for (guint g = 0; g < G_N_ELEMENTS (group_order); g++)
    if (kessan_concepts_has_kind (concepts, key, group_order[g]))
      return group_order[g];
  for (guint i = 0; i < points->len; i++)
    kind = MIN (kind, statement_kind_of (kessan_series_point_get_value_observation (g_ptr_array_index (points, i))));
  return kind;
}

static void
set_labels (KessanTrendsRow *row,
            KessanConcepts  *concepts,
            GPtrArray       *points)
{
  const KessanConcept *concept = kessan_concepts_get (concepts, row->key);

  kessan_series_dup_labels (row->key, points, &row->label_en, &row->label_ja);
  if (concept != NULL && !is_margin (row->key))
    {
      /* Items sit under their section as in the statements. */
      for (const char *section = concept->section; section != NULL && row->depth < 6;)
        {
          const KessanConcept *parent = kessan_concepts_get (concepts, section);

          row->depth++;
          section = parent != NULL ? parent->section : NULL;
        }
      row->total = kessan_concepts_get_components (concepts, row->key) != NULL
                   && kessan_concepts_get_components (concepts, row->key)[0] != NULL;
    }

  if (row->label_en == NULL && row->label_ja == NULL)
    row->label_en = g_strdup (row->key);
}

/* Amounts are shown in millions of yen, with one decimal when the
 * releases print them finer (the table then gives every amount row
 * that decimal); counts and bandwidths as printed. */
static guint
row_decimals (KessanUnit  unit,
              GPtrArray  *points)
{
  guint decimals = 0;

  if (unit == KESSAN_UNIT_PERCENT)
    return 1;
  for (guint i = 0; i < points->len; i++)
    {
      const KessanSeriesPoint *point = g_ptr_array_index (points, i);

      if (unit == KESSAN_UNIT_CURRENCY)
        {
          if (kessan_series_point_get_scale (point) < 1000000 || kessan_series_point_get_decimals (point) > 0)
            return 1;
        }
      else
        decimals = MAX (decimals, MIN (kessan_series_point_get_decimals (point), 3));
    }
  return decimals;
}

static KessanTrendsLayout
mode_of (const KessanSeriesPoint *point)
{
  switch (kessan_series_point_get_months (point))
    {
    case 0:
    case 3:
      return KESSAN_TRENDS_QUARTERS;
    case 12:
      return KESSAN_TRENDS_YEARS;
    default:
      return KESSAN_TRENDS_N_LAYOUTS;
    }
}

typedef struct
{
  GHashTable *periods;                                 /* ISO date → itself */
  GPtrArray  *groups[G_N_ELEMENTS (group_order)];      /* KessanTrendsRow, owned */
  GHashTable *row_points;                              /* KessanTrendsRow → GPtrArray of its points */
  GPtrArray  *margins;                                 /* KessanTrendsRow of the margins, in their order */
} TableBuilder;

/**
 * kessan_trends_group_index:
 * @kind: a kind of statement
 *
 * Returns: the place of the group of @kind among the groups shown, less
 *   than %KESSAN_TRENDS_N_GROUPS
 */
guint
kessan_trends_group_index (KessanStatementKind kind)
{
  for (guint g = 0; g < G_N_ELEMENTS (group_order); g++)
    if (group_order[g] == kind)
      return g;
  return G_N_ELEMENTS (group_order) - 1;
}

static KessanTrendsRow *
heading_row (KessanStatementKind kind)
{
  KessanTrendsRow *row = g_new0 (KessanTrendsRow, 1);

  row->key = g_strconcat ("#", kessan_statement_kind_to_string (kind), NULL);
  row->kind = kind;
  row->heading = TRUE;
  row->folded = g_strdup ("");
  return row;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_margins (gconstpointer a,
                 gconstpointer b)
{
  const KessanTrendsRow *ra = *(const KessanTrendsRow * const *) a;
  const KessanTrendsRow *rb = *(const KessanTrendsRow * const *) b;

  return margin_index (ra->key) - margin_index (rb->key);
}

static KessanTrendsTable *
finish_table (TableBuilder         *builder,
              const KessanCalendar *calendar,
              KessanTrendsLayout    mode)
{
  KessanTrendsTable *table = g_new0 (KessanTrendsTable, 1);
  g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  GPtrArray *income = builder->groups[kessan_trends_group_index (KESSAN_STATEMENT_KIND_INCOME)];

  table->periods = g_ptr_array_new_with_free_func (g_free);
  table->titles = g_ptr_array_new_with_free_func (g_free);
  table->rows = g_ptr_array_new_with_free_func (trends_row_free);
  table->by_key = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_iter_init (&iter, builder->periods);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (table->periods, g_strdup (key));
  /* ISO dates sort as text. */
  g_ptr_array_sort (table->periods, compare_strings);
  for (guint c = 0; c < table->periods->len; c++)
    {
      const char *end = g_ptr_array_index (table->periods, c);

      g_hash_table_insert (columns, (gpointer) end, GUINT_TO_POINTER (c));
      g_ptr_array_add (table->titles, kessan_format_fiscal_period (end, mode == KESSAN_TRENDS_YEARS ? 12 : 3, calendar));
    }

  /* The margins follow the revenues. */
  if (builder->margins->len > 0)
    {
      guint at = 0;

      g_ptr_array_sort (builder->margins, compare_margins);
      for (guint i = 0; i < income->len; i++)
        if (g_str_has_prefix (((KessanTrendsRow *) g_ptr_array_index (income, i))->key, "revenues"))
          at = i + 1;
      for (guint i = 0; i < builder->margins->len; i++)
        g_ptr_array_insert (income, (int) (at + i), g_ptr_array_index (builder->margins, i));
      /* They belong to the income group now. */
      g_ptr_array_set_free_func (builder->margins, NULL);
    }

  for (guint g = 0; g < G_N_ELEMENTS (group_order); g++)
    {
      GPtrArray *group = builder->groups[g];

      if (group->len == 0)
        continue;
      g_ptr_array_add (table->rows, heading_row (group_order[g]));
      for (guint i = 0; i < group->len; i++)
        {
          KessanTrendsRow *row = g_ptr_array_index (group, i);
          GPtrArray *points = g_hash_table_lookup (builder->row_points, row);

          row->points = g_new0 (const KessanSeriesPoint *, MAX (table->periods->len, 1));
          for (guint p = 0; p < points->len; p++)
            {
              const KessanSeriesPoint *point = g_ptr_array_index (points, p);
              guint c = GPOINTER_TO_UINT (g_hash_table_lookup (columns, kessan_series_point_get_period_end (point)));

              /* A flow and a balance of one concept at one date: the
               * points come by months, so the quarter wins. */
              row->points[c] = point;
            }
          row->decimals = row_decimals (row->unit, points);
          g_ptr_array_add (table->rows, row);
        }
      /* The rows now belong to the table. */
      g_ptr_array_set_free_func (group, NULL);
    }

  /* Amounts are in millions of yen in every row: with one number of
   * decimals throughout, so that 4,338 does not stand among 5,699.2 as
   * if it were a different kind of figure. */
  {
    guint amount_decimals = 0;

    for (guint i = 0; i < table->rows->len; i++)
      {
        KessanTrendsRow *row = g_ptr_array_index (table->rows, i);

        if (!row->heading && row->unit == KESSAN_UNIT_CURRENCY)
          amount_decimals = MAX (amount_decimals, row->decimals);
      }
    for (guint i = 0; i < table->rows->len; i++)
      {
        KessanTrendsRow *row = g_ptr_array_index (table->rows, i);

        if (!row->heading && row->unit == KESSAN_UNIT_CURRENCY)
          row->decimals = amount_decimals;
      }
  }

  table->keys = g_ptr_array_new_full (table->rows->len, g_free);
  for (guint i = 0; i < table->rows->len; i++)
    {
      KessanTrendsRow *row = g_ptr_array_index (table->rows, i);

      g_hash_table_insert (table->by_key, row->key, row);
      g_ptr_array_add (table->keys, g_strdup (row->key));
    }
  return table;
}

static void
table_builder_init (TableBuilder *builder)
{
  builder->periods = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint g = 0; g < G_N_ELEMENTS (group_order); g++)
    builder->groups[g] = g_ptr_array_new_with_free_func (trends_row_free);
  builder->row_points = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  builder->margins = g_ptr_array_new_with_free_func (trends_row_free);
}

static void
table_builder_clear (TableBuilder *builder)
{
  g_hash_table_unref (builder->periods);
  for (guint g = 0; g < G_N_ELEMENTS (group_order); g++)
    g_ptr_array_unref (builder->groups[g]);
  g_hash_table_unref (builder->row_points);
  g_ptr_array_unref (builder->margins);
}

static KessanTrendsRow *
new_row (const char          *key,
         KessanConcepts      *concepts,
         KessanStatementKind  kind,
         GPtrArray           *all_points)
{
  KessanTrendsRow *row = g_new0 (KessanTrendsRow, 1);
  g_autofree char *haystack = NULL;

  row->key = g_strdup (key);
  row->kind = kind;
  row->unit = kessan_series_point_get_unit (g_ptr_array_index (all_points, 0));
  set_labels (row, concepts, all_points);
  /* The search finds a concept by either label, whichever is shown. */
  haystack = g_strjoin ("\n", row->label_en != NULL ? row->label_en : "",
                        row->label_ja != NULL ? row->label_ja : "", NULL);
  row->folded = g_utf8_casefold (haystack, -1);
  /* A row for each concept of the library, which may be a million: the
   * folded text at its own length, not its buffer's. */
  row->folded = g_realloc (row->folded, strlen (row->folded) + 1);
  return row;
}

static KessanTrendsResult *
build_result (KessanSeriesSet *set,
              GCancellable    *cancellable)
{
  KessanConcepts *concepts = kessan_concepts_get_default ();
  g_auto(GStrv) keys = kessan_series_set_get_concepts (set);
  TableBuilder builders[KESSAN_TRENDS_N_LAYOUTS];
  KessanTrendsResult *result;
  KessanCalendar calendar;

  for (guint m = 0; m < KESSAN_TRENDS_N_LAYOUTS; m++)
    table_builder_init (&builders[m]);

  for (guint k = 0; keys[k] != NULL; k++)
    {
      const char *key = keys[k];
      g_autoptr(GPtrArray) points = NULL;
      GPtrArray *by_mode[KESSAN_TRENDS_N_LAYOUTS] = { NULL, };
      KessanStatementKind kind;

      /* Growth is in the statements' own columns; here it would double
       * the rows. */
      if (g_str_has_prefix (key, "yoy(") || g_str_has_prefix (key, "qoq("))
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        break;

      points = kessan_series_set_get_points (set, key);
      for (guint i = 0; i < points->len; i++)
        {
          const KessanSeriesPoint *point = g_ptr_array_index (points, i);
          KessanTrendsLayout mode = mode_of (point);

          if (mode == KESSAN_TRENDS_N_LAYOUTS)
            continue;
          if (by_mode[mode] == NULL)
            by_mode[mode] = g_ptr_array_new ();
          g_ptr_array_add (by_mode[mode], (gpointer) point);
          g_hash_table_add (builders[mode].periods, (gpointer) kessan_series_point_get_period_end (point));
        }
      if (by_mode[KESSAN_TRENDS_QUARTERS] == NULL && by_mode[KESSAN_TRENDS_YEARS] == NULL)
        continue;

      kind = group_of (concepts, key, points);
      for (guint m = 0; m < KESSAN_TRENDS_N_LAYOUTS; m++)
        {
          KessanTrendsRow *row;

          if (by_mode[m] == NULL)
            continue;
          row = new_row (key, concepts, kind, points);
          g_hash_table_insert (builders[m].row_points, row, by_mode[m]);
          if (is_margin (key))
            g_ptr_array_add (builders[m].margins, row);
          else
            g_ptr_array_add (builders[m].groups[kessan_trends_group_index (kind)], row);
        }
    }

  result = g_new0 (KessanTrendsResult, 1);
  result->set = g_object_ref (set);
  result->n_filings = kessan_series_set_get_n_filings (set);
  kessan_series_set_get_calendar (set, &calendar);
  for (guint m = 0; m < KESSAN_TRENDS_N_LAYOUTS; m++)
    {
      result->tables[m] = finish_table (&builders[m], &calendar, (KessanTrendsLayout) m);
      table_builder_clear (&builders[m]);
    }
  return result;
}

/**
 * kessan_trends_result_build:
 * @set: the series of the filings, built
 * @cancellable: (nullable): to stop early
 *
 * Both layouts of the table.  Runs in a worker thread.
 *
 * Returns: (transfer full) (nullable): the tables, or %NULL when
 *   @cancellable was cancelled
 */
KessanTrendsResult *
kessan_trends_result_build (KessanSeriesSet *set,
                            GCancellable    *cancellable)
{
  gint64 started = g_get_monotonic_time ();
  KessanTrendsResult *result = build_result (set, cancellable);

  if (g_cancellable_is_cancelled (cancellable))
    {
      kessan_trends_result_free (result);
      return NULL;
    }
  result->build_time = g_get_monotonic_time () - started;
  return result;
}

/**
 * kessan_trends_group_title:
 * @kind: a kind of statement
 *
 * Returns: the title of the group of rows of @kind, translated
 */
const char *
kessan_trends_group_title (KessanStatementKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (group_titles), "");

  return _(group_titles[kind]);
}
