/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "kessan-line-item.h"

#include <math.h>
#include <string.h>

#include "kessan-intern-private.h"
#include "kessan-model-private.h"

/* More digits than a double carries mean nothing; the cap also keeps
 * every printed value within a small buffer. */
#define MAX_DECIMALS 20

/* A filing holds thousands of rows, so the cells are kept in parallel
 * arrays rather than as one object per cell: a value, its decimals, its
 * source line, and one presence bit per column.  The four arrays share
 * one allocation, and the strings are interned: a library of thousands
 * of filings repeats the same labels and concepts in every one. */
struct _KessanLineItem
{
  GObject     parent_instance;

  /* Interned (kessan_intern_acquire ()) */
  const char *label;
  const char *concept;
  const char *label_en;
  const char *label_ja;

  guint       n_values;
  double     *values;       /* the start of the block of all four */
  guint32    *value_lines;
  guint32    *present;
  guint8     *decimals;

  /* What few rows have: unreadable cells and tagged facts. */
  struct KessanLineItemExtras *extras;

  guint       depth;
  guint       line;
  KessanUnit  unit;
  guint       scale;        /* 0: the columns' */
  guint       total : 1;
  guint       heading : 1;
};

struct KessanLineItemExtras
{
  GArray    *unreadable;   /* guint: columns printed but not readable */
  GPtrArray *facts;        /* KessanFact or NULL, by column */
};

G_DEFINE_FINAL_TYPE (KessanLineItem, kessan_line_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_CONCEPT,
  PROP_LABEL_EN,
  PROP_LABEL_JA,
  PROP_DEPTH,
  PROP_TOTAL,
  PROP_HEADING,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PRESENT_WORDS(n) (((n) + 31) / 32)

static void
kessan_line_item_resize (KessanLineItem *self,
                         guint           n_values)
{
  guint old_words = PRESENT_WORDS (self->n_values);
  guint new_words = PRESENT_WORDS (n_values);
  double *values;
  guint32 *value_lines, *present;
  guint8 *decimals;

  g_assert (n_values >= self->n_values);

  if (n_values == self->n_values)
    return;

  /* Doubles first, for their alignment; the new cells are all zero. */
  values = g_malloc0 (n_values * (sizeof (double) + sizeof (guint32) + sizeof (guint8))
                      + new_words * sizeof (guint32));
  value_lines = (guint32 *) (values + n_values);
  present = value_lines + n_values;
  decimals = (guint8 *) (present + new_words);

  if (self->n_values > 0)
    {
      memcpy (values, self->values, self->n_values * sizeof (double));
      memcpy (value_lines, self->value_lines, self->n_values * sizeof (guint32));
      memcpy (present, self->present, old_words * sizeof (guint32));
      memcpy (decimals, self->decimals, self->n_values * sizeof (guint8));
    }
  g_free (self->values);

  self->values = values;
  self->value_lines = value_lines;
  self->present = present;
  self->decimals = decimals;
  self->n_values = n_values;
}

static void
kessan_line_item_finalize (GObject *object)
{
  KessanLineItem *self = (KessanLineItem *)object;

  g_clear_pointer (&self->label, kessan_intern_release);
  g_clear_pointer (&self->concept, kessan_intern_release);
  g_clear_pointer (&self->label_en, kessan_intern_release);
  g_clear_pointer (&self->label_ja, kessan_intern_release);
  g_clear_pointer (&self->values, g_free);
  if (self->extras != NULL)
    {
      g_clear_pointer (&self->extras->unreadable, g_array_unref);
      g_clear_pointer (&self->extras->facts, g_ptr_array_unref);
      g_clear_pointer (&self->extras, g_free);
    }

  G_OBJECT_CLASS (kessan_line_item_parent_class)->finalize (object);
}

static void
kessan_line_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KessanLineItem *self = KESSAN_LINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_CONCEPT:
      g_value_set_string (value, self->concept);
      break;

    case PROP_LABEL_EN:
      g_value_set_string (value, self->label_en);
      break;

    case PROP_LABEL_JA:
      g_value_set_string (value, self->label_ja);
      break;

    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;

    case PROP_TOTAL:
      g_value_set_boolean (value, self->total);
      break;

    case PROP_HEADING:
      g_value_set_boolean (value, self->heading);
      break;

    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_line_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KessanLineItem *self = KESSAN_LINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      kessan_line_item_set_label (self, g_value_get_string (value));
      break;

    case PROP_CONCEPT:
      kessan_line_item_set_concept (self, g_value_get_string (value));
      break;

    case PROP_DEPTH:
      kessan_line_item_set_depth (self, g_value_get_uint (value));
      break;

    case PROP_TOTAL:
      kessan_line_item_set_total (self, g_value_get_boolean (value));
      break;

    case PROP_HEADING:
      kessan_line_item_set_heading (self, g_value_get_boolean (value));
      break;

    case PROP_LINE:
      kessan_line_item_set_line (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_line_item_class_init (KessanLineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kessan_line_item_finalize;
  object_class->get_property = kessan_line_item_get_property;
  object_class->set_property = kessan_line_item_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONCEPT] =
    g_param_spec_string ("concept", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Both dictionary labels change together through set_labels(). */
  properties[PROP_LABEL_EN] =
    g_param_spec_string ("label-en", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL_JA] =
    g_param_spec_string ("label-ja", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOTAL] =
    g_param_spec_boolean ("total", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HEADING] =
    g_param_spec_boolean ("heading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kessan_line_item_init (KessanLineItem *self)
{
  self->unit = KESSAN_UNIT_NONE;
}

/**
 * kessan_line_item_new:
 * @label: (nullable): the label as printed
 * @n_columns: the number of columns of the row's statement
 *
 * Creates a row with room for @n_columns values, all absent.
 *
 * Returns: (transfer full): a new #KessanLineItem
 */
KessanLineItem *
kessan_line_item_new (const char *label,
                      guint       n_columns)
{
  KessanLineItem *self;

  /* Set without the property machinery: a table may have a million
   * rows, and no one can be connected to a row not yet returned. */
  self = g_object_new (KESSAN_TYPE_LINE_ITEM, NULL);
  kessan_intern_replace (&self->label, label);
  kessan_line_item_resize (self, n_columns);

  return self;
}

/**
 * kessan_line_item_get_label:
 * @self: a #KessanLineItem
 *
 * Returns: (nullable) (transfer none): the label as printed
 */
const char *
kessan_line_item_get_label (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), NULL);

  return self->label;
}

/**
 * kessan_line_item_is_unlabelled:
 * @self: a #KessanLineItem
 *
 * Returns: whether the release printed the row without a label (a
 *   subtotal under a rule); the readers give such a row the label "?"
 */
gboolean
kessan_line_item_is_unlabelled (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), FALSE);

  return g_strcmp0 (kessan_line_item_get_label (self), "?") == 0;
}

/**
 * kessan_line_item_set_label:
 * @self: a #KessanLineItem
 * @label: (nullable): the label as printed
 *
 * Sets the row's printed label.
 */
void
kessan_line_item_set_label (KessanLineItem *self,
                            const char     *label)
{
  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));

  if (kessan_intern_replace (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/**
 * kessan_line_item_get_concept:
 * @self: a #KessanLineItem
 *
 * Returns: (nullable) (transfer none): the concept key, such as
 *   "revenues.total"
 */
const char *
kessan_line_item_get_concept (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), NULL);

  return self->concept;
}

/**
 * kessan_line_item_set_concept:
 * @self: a #KessanLineItem
 * @concept: (nullable): a concept key
 *
 * Sets the concept the row reports.
 */
void
kessan_line_item_set_concept (KessanLineItem *self,
                              const char     *concept)
{
  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));

  if (kessan_intern_replace (&self->concept, concept))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCEPT]);
}

/**
 * kessan_line_item_get_label_en:
 * @self: a #KessanLineItem
 *
 * Returns: (nullable) (transfer none): the English label of the row's
 *   concept, or %NULL when unknown
 */
const char *
kessan_line_item_get_label_en (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), NULL);

  return self->label_en;
}

/**
 * kessan_line_item_get_label_ja:
 * @self: a #KessanLineItem
 *
 * Returns: (nullable) (transfer none): the Japanese label of the row's
 *   concept, or %NULL when unknown
 */
const char *
kessan_line_item_get_label_ja (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), NULL);

  return self->label_ja;
}

/**
 * kessan_line_item_dup_label_in:
 * @self: a #KessanLineItem
 * @labels: which label to give
 * @separator: (nullable): between the Japanese and English labels when
 *   @labels is %KESSAN_LABELS_BOTH (" / " when %NULL)
 *
 * A row known in one language only keeps the label it has: the printed
 * one stands in for a missing dictionary label.
 *
 * Returns: (transfer full): the label in the chosen language
 */
char *
kessan_line_item_dup_label_in (KessanLineItem      *self,
                               KessanLabelLanguage  labels,
                               const char          *separator)
{
  const char *ja, *en;

  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), NULL);

  ja = self->label_ja;
  en = self->label_en;
  switch (labels)
    {
    case KESSAN_LABELS_ENGLISH:
      return g_strdup (en != NULL ? en : self->label);
    case KESSAN_LABELS_JAPANESE:
      return g_strdup (ja != NULL ? ja : self->label);
    case KESSAN_LABELS_BOTH:
      if (ja != NULL && en != NULL && g_strcmp0 (ja, en) != 0)
        return g_strconcat (ja, separator != NULL ? separator : " / ", en, NULL);
      return g_strdup (ja != NULL ? ja : en != NULL ? en : self->label);
    case KESSAN_LABELS_PRINTED:
    default:
      return g_strdup (self->label);
    }
}

/**
 * kessan_line_item_set_labels:
 * @self: a #KessanLineItem
 * @label_en: (nullable): the English label, %NULL when unknown
 * @label_ja: (nullable): the Japanese label, %NULL when unknown
 *
 * Sets the row's labels in both languages.
 */
void
kessan_line_item_set_labels (KessanLineItem *self,
                             const char     *label_en,
                             const char     *label_ja)
{
  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));

  if (kessan_intern_replace (&self->label_en, label_en))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_EN]);
  if (kessan_intern_replace (&self->label_ja, label_ja))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_JA]);
}

/**
 * kessan_line_item_get_depth:
 * @self: a #KessanLineItem
 *
 * Returns: the row's indentation level, 0 for the outermost rows
 */
guint
kessan_line_item_get_depth (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), 0);

  return self->depth;
}

/**
 * kessan_line_item_set_depth:
 * @self: a #KessanLineItem
 * @depth: the indentation level
 *
 * Sets the row's indentation level.
 */
void
kessan_line_item_set_depth (KessanLineItem *self,
                            guint           depth)
{
  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));

  if (self->depth != depth)
    {
      self->depth = depth;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPTH]);
    }
}

/**
 * kessan_line_item_get_total:
 * @self: a #KessanLineItem
 *
 * Returns: whether the row totals the rows above it
 */
gboolean
kessan_line_item_get_total (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), FALSE);

  return self->total;
}

/**
 * kessan_line_item_set_total:
 * @self: a #KessanLineItem
 * @total: whether the row is a total
 *
 * Marks the row as a total or not.
 */
void
kessan_line_item_set_total (KessanLineItem *self,
                            gboolean        total)
{
  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));

  total = !!total;
  if (self->total != (guint)total)
    {
      self->total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }
}

/**
 * kessan_line_item_get_heading:
 * @self: a #KessanLineItem
 *
 * Returns: whether the row is a heading, which carries no values
 */
gboolean
kessan_line_item_get_heading (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), FALSE);

  return self->heading;
}

/**
 * kessan_line_item_set_heading:
 * @self: a #KessanLineItem
 * @heading: whether the row is a heading
 *
 * Marks the row as a heading or not.
 */
void
kessan_line_item_set_heading (KessanLineItem *self,
                              gboolean        heading)
{
  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));

  heading = !!heading;
  if (self->heading != (guint)heading)
    {
      self->heading = heading;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
    }
}

/**
 * kessan_line_item_get_unit:
 * @self: a #KessanLineItem
 *
 * Returns: the row's own unit, or %KESSAN_UNIT_NONE when the row counts
 *   what its columns count
 */
KessanUnit
kessan_line_item_get_unit (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), KESSAN_UNIT_NONE);

  return self->unit;
}

/**
 * kessan_line_item_set_unit:
 * @self: a #KessanLineItem
 * @unit: a #KessanUnit, %KESSAN_UNIT_NONE to follow the columns
 *
 * Sets what the row's values count when it differs from the columns.
 */
void
kessan_line_item_set_unit (KessanLineItem *self,
                           KessanUnit      unit)
{
  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));
  g_return_if_fail (unit <= KESSAN_UNIT_SHARES);

  self->unit = unit;
}

/**
 * kessan_line_item_get_scale:
 * @self: a #KessanLineItem
 *
 * Returns: what one printed unit of the row is worth when the row says
 *   so itself (shares "in thousands" in a table in millions), or 0 when
 *   its columns' scale applies
 */
guint
kessan_line_item_get_scale (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), 0);

  return self->scale;
}

/**
 * kessan_line_item_set_scale:
 * @self: a #KessanLineItem
 * @scale: a power of ten, or 0 to follow the columns
 *
 * Sets the scale of a row that states its own.
 */
void
kessan_line_item_set_scale (KessanLineItem *self,
                            guint           scale)
{
  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));

  self->scale = scale;
}

/**
 * kessan_line_item_get_line:
 * @self: a #KessanLineItem
 *
 * Returns: the source line of the row's label (1-based), 0 when unknown
 */
guint
kessan_line_item_get_line (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), 0);

  return self->line;
}

/**
 * kessan_line_item_set_line:
 * @self: a #KessanLineItem
 * @line: the source line of the label (1-based)
 *
 * Sets where the row's label was read.
 */
void
kessan_line_item_set_line (KessanLineItem *self,
                           guint           line)
{
  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));

  if (self->line != line)
    {
      self->line = line;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE]);
    }
}

/**
 * kessan_line_item_get_n_values:
 * @self: a #KessanLineItem
 *
 * The number of value slots: the column count the row was created with,
 * or more if a value was set beyond it.
 *
 * Returns: the number of value slots
 */
guint
kessan_line_item_get_n_values (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), 0);

  return self->n_values;
}

/**
 * kessan_line_item_has_value:
 * @self: a #KessanLineItem
 * @column: a column index
 *
 * Returns: %TRUE if the cell at @column holds a value; %FALSE for an
 *   empty cell and for an index past the last slot
 */
gboolean
kessan_line_item_has_value (KessanLineItem *self,
                            guint           column)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), FALSE);

  if (column >= self->n_values)
    return FALSE;

  return (self->present[column / 32] & (1u << (column % 32))) != 0;
}

/**
 * kessan_line_item_get_value:
 * @self: a #KessanLineItem
 * @column: a column index
 *
 * Returns: the value at @column, in the column's scale; 0 for an empty
 *   cell (check kessan_line_item_has_value())
 */
double
kessan_line_item_get_value (KessanLineItem *self,
                            guint           column)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), 0.0);

  if (!kessan_line_item_has_value (self, column))
    return 0.0;

  return self->values[column];
}

/**
 * kessan_line_item_get_decimals:
 * @self: a #KessanLineItem
 * @column: a column index
 *
 * Returns: the digits printed after the decimal point, 0 for an empty cell
 */
guint
kessan_line_item_get_decimals (KessanLineItem *self,
                               guint           column)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), 0);

  if (!kessan_line_item_has_value (self, column))
    return 0;

  return self->decimals[column];
}

/**
 * kessan_line_item_get_value_line:
 * @self: a #KessanLineItem
 * @column: a column index
 *
 * Returns: the source line (1-based) the value was read from, 0 for an
 *   empty cell or when unknown
 */
guint
kessan_line_item_get_value_line (KessanLineItem *self,
                                 guint           column)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), 0);

  if (!kessan_line_item_has_value (self, column))
    return 0;

  return self->value_lines[column];
}

/**
 * kessan_line_item_set_value:
 * @self: a #KessanLineItem
 * @column: a column index; the row grows when it is past the last slot
 * @value: the value as printed, negative when printed in parentheses
 * @decimals: the digits printed after the decimal point (at most 20 kept)
 * @line: the source line (1-based) the value was read from
 *
 * Fills the cell at @column.  @value must be finite.
 */
void
kessan_line_item_set_value (KessanLineItem *self,
                            guint           column,
                            double          value,
                            guint           decimals,
                            guint           line)
{
  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));
  g_return_if_fail (isfinite (value));
  g_return_if_fail (column < G_MAXUINT);

  if (column >= self->n_values)
    kessan_line_item_resize (self, column + 1);

  /* A printed "(0)" is zero, not minus zero. */
  if (value == 0.0)
    value = 0.0;

  self->values[column] = value;
  self->decimals[column] = MIN (decimals, MAX_DECIMALS);
  self->value_lines[column] = MIN (line, G_MAXUINT32);
  self->present[column / 32] |= 1u << (column % 32);
}

/**
 * kessan_line_item_clear_value:
 * @self: a #KessanLineItem
 * @column: a column index
 *
 * Empties the cell at @column.  The number of slots does not change.
 */
void
kessan_line_item_clear_value (KessanLineItem *self,
                              guint           column)
{
  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));

  if (column >= self->n_values)
    return;

  self->values[column] = 0.0;
  self->decimals[column] = 0;
  self->value_lines[column] = 0;
  self->present[column / 32] &= ~(1u << (column % 32));
}

static struct KessanLineItemExtras *
ensure_extras (KessanLineItem *self)
{
  if (self->extras == NULL)
    self->extras = g_new0 (struct KessanLineItemExtras, 1);
  return self->extras;
}

/**
 * kessan_line_item_get_unreadable:
 * @self: a #KessanLineItem
 * @column: a column index
 *
 * An unreadable cell was printed but holds no number Kessan can read
 * exactly ("NaN", 23 digits): it has no value, and it is not empty.
 *
 * Returns: whether the cell at @column is unreadable
 */
gboolean
kessan_line_item_get_unreadable (KessanLineItem *self,
                                 guint           column)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), FALSE);

  if (self->extras == NULL || self->extras->unreadable == NULL)
    return FALSE;
  for (guint i = 0; i < self->extras->unreadable->len; i++)
    if (g_array_index (self->extras->unreadable, guint, i) == column)
      return TRUE;
  return FALSE;
}

/**
 * kessan_line_item_set_unreadable:
 * @self: a #KessanLineItem
 * @column: a column index; the row grows when it is past the last slot
 * @unreadable: whether the cell was printed but could not be read
 *
 * Marks the cell at @column.  An unreadable cell has no value.
 */
void
kessan_line_item_set_unreadable (KessanLineItem *self,
                                 guint           column,
                                 gboolean        unreadable)
{
  struct KessanLineItemExtras *extras;

  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));
  g_return_if_fail (column < G_MAXUINT);

  if (kessan_line_item_get_unreadable (self, column) == !!unreadable)
    return;

  extras = ensure_extras (self);
  if (unreadable)
    {
      if (column >= self->n_values)
        kessan_line_item_resize (self, column + 1);
      kessan_line_item_clear_value (self, column);
      if (extras->unreadable == NULL)
        extras->unreadable = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (extras->unreadable, column);
      return;
    }

  for (guint i = 0; i < extras->unreadable->len; i++)
    if (g_array_index (extras->unreadable, guint, i) == column)
      {
        g_array_remove_index (extras->unreadable, i);
        break;
      }
}

/**
 * kessan_line_item_get_fact:
 * @self: a #KessanLineItem
 * @column: a column index
 *
 * Returns: (nullable) (transfer none): the tagged fact the value at
 *   @column was read from, or %NULL for a value read from print alone
 */
const KessanFact *
kessan_line_item_get_fact (KessanLineItem *self,
                           guint           column)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), NULL);

  if (self->extras == NULL || self->extras->facts == NULL
      || column >= self->extras->facts->len)
    return NULL;
  return g_ptr_array_index (self->extras->facts, column);
}

/**
 * kessan_line_item_set_fact:
 * @self: a #KessanLineItem
 * @column: a column index
 * @fact: (nullable): the tagged fact the value was read from
 *
 * Records where the value at @column came from; a copy of @fact is kept.
 */
void
kessan_line_item_set_fact (KessanLineItem   *self,
                           guint             column,
                           const KessanFact *fact)
{
  struct KessanLineItemExtras *extras;

  g_return_if_fail (KESSAN_IS_LINE_ITEM (self));
  g_return_if_fail (column < 1u << 20);

  if (fact == NULL && kessan_line_item_get_fact (self, column) == NULL)
    return;

  extras = ensure_extras (self);
  if (extras->facts == NULL)
    extras->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) kessan_fact_free);
  if (column >= extras->facts->len)
    g_ptr_array_set_size (extras->facts, column + 1);
  kessan_fact_free (g_ptr_array_index (extras->facts, column));
  g_ptr_array_index (extras->facts, column) = fact != NULL ? kessan_fact_copy (fact) : NULL;
}

/**
 * kessan_line_item_has_extras:
 * @self: a #KessanLineItem
 *
 * Returns: whether any cell of the row is unreadable or has a fact
 */
gboolean
kessan_line_item_has_extras (KessanLineItem *self)
{
  g_return_val_if_fail (KESSAN_IS_LINE_ITEM (self), FALSE);

  return self->extras != NULL
         && ((self->extras->unreadable != NULL && self->extras->unreadable->len > 0)
             || self->extras->facts != NULL);
}
