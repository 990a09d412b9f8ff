/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "kessan-statement.h"

#include <string.h>

#include "kessan-intern-private.h"
#include "kessan-model-private.h"

struct _KessanStatement
{
  GObject              parent_instance;

  /* Owned */
  char                *id;
  char                *language;
  char                *title;
  char                *topic;
  GPtrArray           *columns;
  /* Made in one splice when first asked for (the filing asks when the
   * statement is added): a table of a million rows is read without an
   * items-changed signal per row. */
  GListStore          *rows;
  /* The same rows for reading: GListStore caches its last position on
   * every read, so threads building series cannot share it. */
  GPtrArray           *row_array;

  KessanStatementKind  kind;
  guint                first_line;
  guint                last_line;
  gboolean             transposed;
};

G_DEFINE_FINAL_TYPE (KessanStatement, kessan_statement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LANGUAGE,
  PROP_TITLE,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kessan_statement_dispose (GObject *object)
{
  KessanStatement *self = (KessanStatement *)object;

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->row_array, g_ptr_array_unref);

  G_OBJECT_CLASS (kessan_statement_parent_class)->dispose (object);
}

static void
kessan_statement_finalize (GObject *object)
{
  KessanStatement *self = (KessanStatement *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->topic, g_free);

  G_OBJECT_CLASS (kessan_statement_parent_class)->finalize (object);
}

static void
kessan_statement_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KessanStatement *self = KESSAN_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_statement_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KessanStatement *self = KESSAN_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      kessan_statement_set_id (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      kessan_statement_set_title (self, g_value_get_string (value));
      break;

    case PROP_TOPIC:
      kessan_statement_set_topic (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_statement_class_init (KessanStatementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kessan_statement_dispose;
  object_class->finalize = kessan_statement_finalize;
  object_class->get_property = kessan_statement_get_property;
  object_class->set_property = kessan_statement_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kessan_statement_init (KessanStatement *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->row_array = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * kessan_statement_new:
 * @id: (nullable): the statement id, "<language>-<topic>" such as
 *   "en-income-quarter"
 * @kind: what the table reports
 * @language: (nullable): the language it is printed in, "en" or "ja"
 *
 * Creates an empty statement.
 *
 * Returns: (transfer full): a new #KessanStatement
 */
KessanStatement *
kessan_statement_new (const char          *id,
                      KessanStatementKind  kind,
                      const char          *language)
{
  KessanStatement *self;

  g_return_val_if_fail (kind <= KESSAN_STATEMENT_KIND_LAST, NULL);

  self = g_object_new (KESSAN_TYPE_STATEMENT,
                       "id", id,
                       "language", language,
                       NULL);
  self->kind = kind;

  return self;
}

/**
 * kessan_statement_get_id:
 * @self: a #KessanStatement
 *
 * Returns: (nullable) (transfer none): the id findings refer to
 */
const char *
kessan_statement_get_id (KessanStatement *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), NULL);

  return self->id;
}

/**
 * kessan_statement_set_id:
 * @self: a #KessanStatement
 * @id: (nullable): the new id
 *
 * Sets the statement's id, unique within its filing.
 */
void
kessan_statement_set_id (KessanStatement *self,
                         const char      *id)
{
  g_return_if_fail (KESSAN_IS_STATEMENT (self));

  if (kessan_replace_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * kessan_statement_get_kind:
 * @self: a #KessanStatement
 *
 * Returns: what the table reports
 */
KessanStatementKind
kessan_statement_get_kind (KessanStatement *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), KESSAN_STATEMENT_KIND_OTHER);

  return self->kind;
}

/**
 * kessan_statement_get_language:
 * @self: a #KessanStatement
 *
 * Returns: (nullable) (transfer none): "en" or "ja"
 */
const char *
kessan_statement_get_language (KessanStatement *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), NULL);

  return self->language;
}

/**
 * kessan_statement_get_title:
 * @self: a #KessanStatement
 *
 * Returns: (nullable) (transfer none): the title as printed
 */
const char *
kessan_statement_get_title (KessanStatement *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), NULL);

  return self->title;
}

/**
 * kessan_statement_set_title:
 * @self: a #KessanStatement
 * @title: (nullable): the title as printed
 *
 * Sets the statement's printed title.
 */
void
kessan_statement_set_title (KessanStatement *self,
                            const char      *title)
{
  g_return_if_fail (KESSAN_IS_STATEMENT (self));

  if (kessan_replace_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * kessan_statement_get_topic:
 * @self: a #KessanStatement
 *
 * Returns: (nullable) (transfer none): the table's topic in the concept
 *   dictionary, such as "income.quarter"
 */
const char *
kessan_statement_get_topic (KessanStatement *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), NULL);

  return self->topic;
}

/**
 * kessan_statement_set_topic:
 * @self: a #KessanStatement
 * @topic: (nullable): a topic of the concept dictionary
 *
 * Sets the table's topic.
 */
void
kessan_statement_set_topic (KessanStatement *self,
                            const char      *topic)
{
  g_return_if_fail (KESSAN_IS_STATEMENT (self));

  if (kessan_replace_str (&self->topic, topic))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
}

/**
 * kessan_statement_get_first_line:
 * @self: a #KessanStatement
 *
 * Returns: the first source line of the table (1-based), 0 when unknown
 */
guint
kessan_statement_get_first_line (KessanStatement *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), 0);

  return self->first_line;
}

/**
 * kessan_statement_get_last_line:
 * @self: a #KessanStatement
 *
 * Returns: the last source line of the table (1-based, inclusive),
 *   0 when unknown
 */
guint
kessan_statement_get_last_line (KessanStatement *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), 0);

  return self->last_line;
}

/**
 * kessan_statement_set_lines:
 * @self: a #KessanStatement
 * @first_line: the first source line (1-based)
 * @last_line: the last source line (inclusive)
 *
 * Sets the source lines the table spans.
 */
void
kessan_statement_set_lines (KessanStatement *self,
                            guint            first_line,
                            guint            last_line)
{
  g_return_if_fail (KESSAN_IS_STATEMENT (self));

  self->first_line = first_line;
  self->last_line = last_line;
}

/**
 * kessan_statement_get_n_columns:
 * @self: a #KessanStatement
 *
 * Returns: the number of columns
 */
guint
kessan_statement_get_n_columns (KessanStatement *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), 0);

  return self->columns->len;
}

/**
 * kessan_statement_get_column:
 * @self: a #KessanStatement
 * @index: a column index, less than the number of columns
 *
 * Returns: (transfer none): the column at @index
 */
KessanColumn *
kessan_statement_get_column (KessanStatement *self,
                             guint            index)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);

  return g_ptr_array_index (self->columns, index);
}

/**
 * kessan_statement_add_column:
 * @self: a #KessanStatement
 * @column: (transfer none): a #KessanColumn
 *
 * Appends @column; the statement keeps a reference.
 */
void
kessan_statement_add_column (KessanStatement *self,
                             KessanColumn    *column)
{
  g_return_if_fail (KESSAN_IS_STATEMENT (self));
  g_return_if_fail (KESSAN_IS_COLUMN (column));

  g_ptr_array_add (self->columns, g_object_ref (column));
}

/**
 * kessan_statement_get_rows:
 * @self: a #KessanStatement
 *
 * Returns: (transfer none): a #GListModel of #KessanLineItem, in
 *   printed order
 */
GListModel *
kessan_statement_get_rows (KessanStatement *self)
{
  GListStore *rows;

  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), NULL);

  rows = g_atomic_pointer_get (&self->rows);
  if (rows == NULL && self->row_array != NULL)
    {
      GListStore *made = g_list_store_new (KESSAN_TYPE_LINE_ITEM);

      g_list_store_splice (made, 0, 0, self->row_array->pdata, self->row_array->len);
      if (g_atomic_pointer_compare_and_exchange (&self->rows, NULL, made))
        rows = made;
      else
        {
          g_object_unref (made);
          rows = g_atomic_pointer_get (&self->rows);
        }
    }
  return G_LIST_MODEL (rows);
}

/**
 * kessan_statement_get_n_rows:
 * @self: a #KessanStatement
 *
 * Returns: the number of rows
 */
guint
kessan_statement_get_n_rows (KessanStatement *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), 0);

  return self->row_array->len;
}

/**
 * kessan_statement_get_row:
 * @self: a #KessanStatement
 * @index: a row index, less than the number of rows
 *
 * Returns: (transfer none): the row at @index
 */
KessanLineItem *
kessan_statement_get_row (KessanStatement *self,
                          guint            index)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), NULL);
  g_return_val_if_fail (index < self->row_array->len, NULL);

  return g_ptr_array_index (self->row_array, index);
}

/**
 * kessan_statement_add_row:
 * @self: a #KessanStatement
 * @row: (transfer none): a #KessanLineItem
 *
 * Appends @row; the statement keeps a reference.
 */
void
kessan_statement_add_row (KessanStatement *self,
                          KessanLineItem  *row)
{
  g_return_if_fail (KESSAN_IS_STATEMENT (self));
  g_return_if_fail (KESSAN_IS_LINE_ITEM (row));

  g_ptr_array_add (self->row_array, g_object_ref (row));
  if (self->rows != NULL)
    g_list_store_append (self->rows, row);
}

/**
 * kessan_statement_find_row:
 * @self: a #KessanStatement
 * @concept: a concept key such as "revenues.total"
 *
 * Returns: (nullable) (transfer none): the first row reporting @concept,
 *   or %NULL
 */
KessanLineItem *
kessan_statement_find_row (KessanStatement *self,
                           const char      *concept)
{
  const char *shared;
  guint n_rows;

  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), NULL);
  g_return_val_if_fail (concept != NULL, NULL);

  /* A linear scan, as a row's concept may change after it was added (the
   * review step reassigns concepts); of pointers, as the concepts of rows
   * are shared copies, since a table may have a million rows.  A concept
   * no row holds has no shared copy at all. */
  shared = kessan_intern_peek (concept);
  if (shared == NULL)
    return NULL;
  n_rows = kessan_statement_get_n_rows (self);
  for (guint i = 0; i < n_rows; i++)
    {
      KessanLineItem *row = kessan_statement_get_row (self, i);

      /* The row's own string is alive: confirm on it, should the
       * shared copy have gone and its memory come back as another. */
      if (kessan_line_item_get_concept (row) == shared && strcmp (shared, concept) == 0)
        return row;
    }

  return NULL;
}

/**
 * kessan_statement_get_transposed:
 * @self: a #KessanStatement
 *
 * Returns: whether the table was printed with its periods as rows and
 *   its items as columns (a 決算短信 summary); the statement holds it as
 *   items by periods either way
 */
gboolean
kessan_statement_get_transposed (KessanStatement *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENT (self), FALSE);

  return self->transposed;
}

void
kessan_statement_set_transposed (KessanStatement *self,
                                 gboolean         transposed)
{
  g_return_if_fail (KESSAN_IS_STATEMENT (self));

  self->transposed = !!transposed;
}
