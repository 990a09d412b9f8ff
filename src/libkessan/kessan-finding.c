/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "kessan-finding.h"

struct _KessanFinding
{
  GObject         parent_instance;

  char           *check;
  char           *statement;
  char           *message;
  GArray         *lines;
  GPtrArray      *rows;
  GArray         *columns;
  char           *other_statement;
  double          expected;
  double          found;
  gboolean        has_values;

  KessanSeverity  severity;
};

G_DEFINE_FINAL_TYPE (KessanFinding, kessan_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHECK,
  PROP_STATEMENT,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kessan_finding_finalize (GObject *object)
{
  KessanFinding *self = (KessanFinding *)object;

  g_clear_pointer (&self->check, g_free);
  g_clear_pointer (&self->statement, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->other_statement, g_free);

  G_OBJECT_CLASS (kessan_finding_parent_class)->finalize (object);
}

static void
kessan_finding_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KessanFinding *self = KESSAN_FINDING (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      g_value_set_string (value, self->check);
      break;

    case PROP_STATEMENT:
      g_value_set_string (value, self->statement);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_finding_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KessanFinding *self = KESSAN_FINDING (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      self->check = g_value_dup_string (value);
      break;

    case PROP_STATEMENT:
      self->statement = g_value_dup_string (value);
      break;

    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_finding_class_init (KessanFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kessan_finding_finalize;
  object_class->get_property = kessan_finding_get_property;
  object_class->set_property = kessan_finding_set_property;

  /* A finding states what a check saw: it does not change afterwards. */
  properties[PROP_CHECK] =
    g_param_spec_string ("check", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATEMENT] =
    g_param_spec_string ("statement", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kessan_finding_init (KessanFinding *self)
{
  self->lines = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * kessan_finding_new:
 * @check: the name of the check, such as "sum"
 * @severity: how serious the finding is
 * @statement: (nullable): the id of the statement concerned, or %NULL
 *   for a finding about the whole release
 * @message: a sentence saying what was found
 *
 * Creates a finding with no source lines yet.
 *
 * Returns: (transfer full): a new #KessanFinding
 */
KessanFinding *
kessan_finding_new (const char     *check,
                    KessanSeverity  severity,
                    const char     *statement,
                    const char     *message)
{
  KessanFinding *self;

  g_return_val_if_fail (check != NULL, NULL);
  g_return_val_if_fail (severity <= KESSAN_SEVERITY_ERROR, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (KESSAN_TYPE_FINDING,
                       "check", check,
                       "statement", statement,
                       "message", message,
                       NULL);
  self->severity = severity;

  return self;
}

/**
 * kessan_finding_get_check:
 * @self: a #KessanFinding
 *
 * Returns: (transfer none): the name of the check that made the finding
 */
const char *
kessan_finding_get_check (KessanFinding *self)
{
  g_return_val_if_fail (KESSAN_IS_FINDING (self), NULL);

  return self->check;
}

/**
 * kessan_finding_get_severity:
 * @self: a #KessanFinding
 *
 * Returns: how serious the finding is
 */
KessanSeverity
kessan_finding_get_severity (KessanFinding *self)
{
  g_return_val_if_fail (KESSAN_IS_FINDING (self), KESSAN_SEVERITY_INFO);

  return self->severity;
}

/**
 * kessan_finding_get_statement:
 * @self: a #KessanFinding
 *
 * Returns: (nullable) (transfer none): the id of the statement concerned,
 *   or %NULL for a finding about the whole release
 */
const char *
kessan_finding_get_statement (KessanFinding *self)
{
  g_return_val_if_fail (KESSAN_IS_FINDING (self), NULL);

  return self->statement;
}

/**
 * kessan_finding_get_message:
 * @self: a #KessanFinding
 *
 * Returns: (transfer none): what was found
 */
const char *
kessan_finding_get_message (KessanFinding *self)
{
  g_return_val_if_fail (KESSAN_IS_FINDING (self), NULL);

  return self->message;
}

/**
 * kessan_finding_get_lines:
 * @self: a #KessanFinding
 * @n_lines: (out) (optional): where to store the number of lines
 *
 * Returns: (array length=n_lines) (transfer none): the source lines
 *   involved (1-based), in the order they were added
 */
const guint *
kessan_finding_get_lines (KessanFinding *self,
                          guint         *n_lines)
{
  g_return_val_if_fail (KESSAN_IS_FINDING (self), NULL);

  if (n_lines != NULL)
    *n_lines = self->lines->len;

  return (const guint *)(gpointer)self->lines->data;
}

/**
 * kessan_finding_add_line:
 * @self: a #KessanFinding
 * @line: a source line (1-based)
 *
 * Adds a source line involved in the finding.
 */
void
kessan_finding_add_line (KessanFinding *self,
                         guint          line)
{
  g_return_if_fail (KESSAN_IS_FINDING (self));

  g_array_append_val (self->lines, line);
}

/**
 * kessan_finding_get_rows:
 * @self: a #KessanFinding
 *
 * Returns: (transfer none): the concept keys of the rows involved,
 *   %NULL-terminated
 */
const char * const *
kessan_finding_get_rows (KessanFinding *self)
{
  static const char *none[] = { NULL };

  g_return_val_if_fail (KESSAN_IS_FINDING (self), NULL);

  return self->rows != NULL ? (const char * const *) self->rows->pdata : none;
}

void
kessan_finding_add_row (KessanFinding *self,
                        const char    *concept)
{
  g_return_if_fail (KESSAN_IS_FINDING (self));
  g_return_if_fail (concept != NULL);

  if (self->rows == NULL)
    {
      self->rows = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->rows, NULL);
    }
  /* Kept NULL-terminated. */
  g_ptr_array_insert (self->rows, (int) self->rows->len - 1, g_strdup (concept));
}

/**
 * kessan_finding_get_columns:
 * @self: a #KessanFinding
 * @n_columns: (out): the number of columns
 *
 * Returns: (transfer none) (array length=n_columns): column indices
 */
const guint *
kessan_finding_get_columns (KessanFinding *self,
                            guint         *n_columns)
{
  g_return_val_if_fail (KESSAN_IS_FINDING (self), NULL);
  g_return_val_if_fail (n_columns != NULL, NULL);

  *n_columns = self->columns != NULL ? self->columns->len : 0;
  return self->columns != NULL ? (const guint *) (gpointer) self->columns->data : NULL;
}

void
kessan_finding_add_column (KessanFinding *self,
                           guint          column)
{
  g_return_if_fail (KESSAN_IS_FINDING (self));

  if (self->columns == NULL)
    self->columns = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, guint, i) == column)
      return;
  g_array_append_val (self->columns, column);
}

const char *
kessan_finding_get_other_statement (KessanFinding *self)
{
  g_return_val_if_fail (KESSAN_IS_FINDING (self), NULL);

  return self->other_statement;
}

void
kessan_finding_set_other_statement (KessanFinding *self,
                                    const char    *statement)
{
  g_return_if_fail (KESSAN_IS_FINDING (self));

  g_free (self->other_statement);
  self->other_statement = g_strdup (statement);
}

/**
 * kessan_finding_get_values:
 * @self: a #KessanFinding
 * @expected: (out) (optional): the value the arithmetic expects
 * @found: (out) (optional): the value the release prints
 *
 * Returns: %TRUE when the finding compares two values
 */
gboolean
kessan_finding_get_values (KessanFinding *self,
                           double        *expected,
                           double        *found)
{
  g_return_val_if_fail (KESSAN_IS_FINDING (self), FALSE);

  if (expected != NULL)
    *expected = self->expected;
  if (found != NULL)
    *found = self->found;
  return self->has_values;
}

void
kessan_finding_set_values (KessanFinding *self,
                           double         expected,
                           double         found)
{
  g_return_if_fail (KESSAN_IS_FINDING (self));

  self->expected = expected;
  self->found = found;
  self->has_values = TRUE;
}
