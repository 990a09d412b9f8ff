/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "config.h"

#include "kessan-fact-table-private.h"

#include <string.h>

/* A statement built from its facts: rows are elements in the order their
 * first facts come, columns the contexts in the order they first come.
 * The lines it writes are read by the one table reader as any other
 * table; the facts then give each column its period, currency, scale,
 * scenario and consolidation exactly (kessan-facts.c). */

typedef struct
{
  char       *label;
  char       *period_label;
  char       *text;
  char       *element;
  KessanFact *fact;
  double      value;
} Entry;

struct _KessanFactTable
{
  GArray *entries;   /* Entry */
};

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->label);
  g_free (entry->period_label);
  g_free (entry->text);
  g_free (entry->element);
  g_clear_pointer (&entry->fact, kessan_fact_free);
}

KessanFactTable *
kessan_fact_table_new (void)
{
  KessanFactTable *table = g_new0 (KessanFactTable, 1);

  table->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (table->entries, entry_clear);
  return table;
}

void
kessan_fact_table_free (KessanFactTable *table)
{
  if (table == NULL)
    return;
  g_array_unref (table->entries);
  g_free (table);
}

void
kessan_fact_table_add (KessanFactTable *table,
                       const char      *label,
                       const char      *period_label,
                       const char      *text,
                       KessanFact      *fact,
                       double           value,
                       const char      *element)
{
  Entry entry = {
    g_strdup (label != NULL ? label : fact->name),
    period_label != NULL && period_label[0] != '\0' ? g_strdup (period_label) : NULL,
    g_strdup (text),
    g_strdup (element),
    fact,
    value,
  };

  g_array_append_val (table->entries, entry);
}

guint
kessan_fact_table_get_n_facts (KessanFactTable *table)
{
  return table->entries->len;
}

static gboolean
has_context (KessanFactTable *table,
             const char      *context)
{
  for (guint i = 0; i < table->entries->len; i++)
    if (g_strcmp0 (g_array_index (table->entries, Entry, i).fact->context, context) == 0)
      return TRUE;
  return FALSE;
}

gboolean
kessan_fact_table_covers (KessanFactTable *table,
                          KessanFactTable *other)
{
  for (guint i = 0; i < other->entries->len; i++)
    if (!has_context (table, g_array_index (other->entries, Entry, i).fact->context))
      return FALSE;
  return other->entries->len > 0;
}

void
kessan_fact_table_merge (KessanFactTable *table,
                         KessanFactTable *other)
{
  for (guint i = 0; i < other->entries->len; i++)
    {
      Entry *entry = &g_array_index (other->entries, Entry, i);

      g_array_append_val (table->entries, *entry);
      memset (entry, 0, sizeof *entry);
    }
  kessan_fact_table_free (other);
}

/* The name of a column's period when the document prints none for it:
 * its dates. */
static char *
context_header (KessanGrid *grid,
                const char *id)
{
  const KessanGridContext *context = kessan_grid_get_context (grid, id);

  if (context == NULL || context->end == NULL)
    return g_strdup (id != NULL ? id : "");
  if (context->start == NULL)
    return g_strdup (context->end);
  return g_strdup_printf ("%s – %s", context->start, context->end);
}

/* A row's label; one that an item above already has (the change in
 * percent printed beside each amount under one heading) says that it is
 * the percent. */
static char *
row_label (KessanGrid  *grid,
           const Entry *entry,
           gboolean     repeated)
{
  const KessanGridUnit *unit = kessan_grid_get_unit (grid, entry->fact->unit);

  if (repeated && unit != NULL && unit->unit == KESSAN_UNIT_PERCENT
      && strstr (entry->label, "%") == NULL && strstr (entry->label, "％") == NULL)
    return g_strconcat (entry->label, "（％）", NULL);
  return g_strdup (entry->label);
}

void
kessan_fact_table_write (KessanFactTable *table,
                         KessanGrid      *grid,
                         guint            part)
{
  g_autoptr(GPtrArray) contexts = g_ptr_array_new ();       /* borrowed ids */
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();          /* borrowed */
  g_autoptr(GHashTable) column_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) row_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree Entry **cells = NULL;
  guint n_columns, n_rows;

  for (guint i = 0; i < table->entries->len; i++)
    {
      Entry *entry = &g_array_index (table->entries, Entry, i);
      const char *context = entry->fact->context != NULL ? entry->fact->context : "";

      if (!g_hash_table_contains (column_of, context))
        {
          g_hash_table_insert (column_of, (gpointer) context, GUINT_TO_POINTER (contexts->len));
          g_ptr_array_add (contexts, (gpointer) context);
          g_ptr_array_add (headers, NULL);
        }
      {
        guint c = GPOINTER_TO_UINT (g_hash_table_lookup (column_of, context));

        if (g_ptr_array_index (headers, c) == NULL && entry->period_label != NULL)
          g_ptr_array_index (headers, c) = g_strdup (entry->period_label);
      }
      if (!g_hash_table_contains (row_of, entry->fact->name))
        {
          g_hash_table_insert (row_of, entry->fact->name, GUINT_TO_POINTER (names->len));
          g_ptr_array_add (names, entry->fact->name);
        }
    }
  n_columns = contexts->len;
  n_rows = names->len;
  if (n_columns == 0)
    return;

  /* The first fact of an element in a context is its cell; a fact
   * printed twice is one cell. */
  cells = g_new0 (Entry *, (gsize) n_rows * n_columns);
  for (guint i = 0; i < table->entries->len; i++)
    {
      Entry *entry = &g_array_index (table->entries, Entry, i);
      guint r = GPOINTER_TO_UINT (g_hash_table_lookup (row_of, entry->fact->name));
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (column_of, entry->fact->context != NULL ? entry->fact->context : ""));

      if (cells[(gsize) r * n_columns + c] == NULL)
        cells[(gsize) r * n_columns + c] = entry;
    }

  kessan_grid_add_line (grid, "", part, NULL);
  {
    g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
    const char *element = g_array_index (table->entries, Entry, 0).element;

    g_ptr_array_add (fields, g_strdup (""));
    for (guint c = 0; c < n_columns; c++)
      g_ptr_array_add (fields, g_ptr_array_index (headers, c) != NULL
                               ? g_strdup (g_ptr_array_index (headers, c))
                               : context_header (grid, g_ptr_array_index (contexts, c)));
    kessan_grid_add_row (grid, (const char * const *) fields->pdata, fields->len, part, element);
  }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (NULL);
      g_autofree char *label = NULL;
      Entry *first = NULL;
      guint line;

      for (guint c = 0; c < n_columns && first == NULL; c++)
        first = cells[(gsize) r * n_columns + c];
      label = row_label (grid, first, g_hash_table_contains (labels, first->label));
      g_hash_table_add (labels, first->label);
      g_ptr_array_add (fields, label);
      for (guint c = 0; c < n_columns; c++)
        {
          Entry *cell = cells[(gsize) r * n_columns + c];

          g_ptr_array_add (fields, cell != NULL ? cell->text : (char *) "");
        }
      line = kessan_grid_add_row (grid, (const char * const *) fields->pdata, fields->len, part, first->element);
      for (guint c = 0; c < n_columns; c++)
        {
          Entry *cell = cells[(gsize) r * n_columns + c];

          if (cell != NULL)
            kessan_grid_add_fact (grid, line, c + 1, g_steal_pointer (&cell->fact), cell->value);
        }
    }
  kessan_grid_add_line (grid, "", part, NULL);
}
