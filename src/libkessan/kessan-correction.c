/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-correction"

#include "config.h"

#include "kessan-correction-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kessan-checks.h"
#include "kessan-concepts.h"
#include "kessan-error.h"
#include "kessan-format.h"
#include "kessan-model-private.h"
#include "kessan-number.h"

#define CORRECTIONS_FORMAT  "kessan-corrections"
#define CORRECTIONS_VERSION 1

struct _KessanCorrection
{
  GObject               parent_instance;

  /* Owned */
  char                 *statement;
  char                 *period_end;
  char                 *concept;
  char                 *label;

  KessanCorrectionKind  kind;
  guint                 row;
  guint                 column;
  guint                 to_column;
  guint                 months;
  KessanMeasure         measure;
  KessanCurrency        currency;
  guint                 scale;
  guint                 fiscal_year;
  guint                 fiscal_quarter;
  double                value;
  guint                 decimals;
  double                printed;   /* NaN until applied, or for an empty cell */
};

G_DEFINE_FINAL_TYPE (KessanCorrection, kessan_correction, G_TYPE_OBJECT)

static const char * const kind_names[] = {
  [KESSAN_CORRECTION_COLUMN_ROLE] = "column-role",
  [KESSAN_CORRECTION_ROW_CONCEPT] = "row-concept",
  [KESSAN_CORRECTION_MOVE_VALUE] = "move-value",
  [KESSAN_CORRECTION_SKIP_TABLE] = "skip-table",
  [KESSAN_CORRECTION_FISCAL_PERIOD] = "fiscal-period",
  [KESSAN_CORRECTION_SET_VALUE] = "set-value",
};

static void
kessan_correction_finalize (GObject *object)
{
  KessanCorrection *self = KESSAN_CORRECTION (object);

  g_clear_pointer (&self->statement, g_free);
  g_clear_pointer (&self->period_end, g_free);
  g_clear_pointer (&self->concept, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (kessan_correction_parent_class)->finalize (object);
}

static void
kessan_correction_class_init (KessanCorrectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kessan_correction_finalize;
}

static void
kessan_correction_init (KessanCorrection *self)
{
  self->scale = 1;
  self->printed = NAN;
}

static KessanCorrection *
correction_new (KessanCorrectionKind  kind,
                const char           *statement)
{
  KessanCorrection *self = g_object_new (KESSAN_TYPE_CORRECTION, NULL);

  self->kind = kind;
  self->statement = g_strdup (statement);
  return self;
}

/**
 * kessan_correction_new_column_role:
 * @statement: a statement id
 * @column: a column index of that statement
 * @period_end: (nullable): the ISO date the column's period ends on
 * @months: the period's length, 0 for a point in time
 * @measure: what the column measures
 * @currency: its currency
 * @scale: what one printed unit is worth (1, 1000 or 1000000)
 *
 * Returns: (transfer full): a correction giving the column its role
 */
KessanCorrection *
kessan_correction_new_column_role (const char     *statement,
                                   guint           column,
                                   const char     *period_end,
                                   guint           months,
                                   KessanMeasure   measure,
                                   KessanCurrency  currency,
                                   guint           scale)
{
  KessanCorrection *self;

  g_return_val_if_fail (statement != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  self = correction_new (KESSAN_CORRECTION_COLUMN_ROLE, statement);
  self->column = column;
  self->period_end = g_strdup (period_end);
  self->months = months;
  self->measure = measure;
  self->currency = currency;
  self->scale = scale;
  return self;
}

/**
 * kessan_correction_new_row_concept:
 * @statement: a statement id
 * @row: a row index of that statement
 * @concept: (nullable): a key of the concept dictionary, or %NULL for a
 *   new concept named by @label
 * @label: (nullable): the label of a new concept
 *
 * Returns: (transfer full): a correction giving the row its concept
 */
KessanCorrection *
kessan_correction_new_row_concept (const char *statement,
                                   guint       row,
                                   const char *concept,
                                   const char *label)
{
  KessanCorrection *self;

  g_return_val_if_fail (statement != NULL, NULL);
  g_return_val_if_fail (concept != NULL || (label != NULL && *label != '\0'), NULL);

  self = correction_new (KESSAN_CORRECTION_ROW_CONCEPT, statement);
  self->row = row;
  self->concept = concept != NULL ? g_strdup (concept) : kessan_concepts_make_key (label);
  self->label = g_strdup (label);
  return self;
}

/**
 * kessan_correction_new_move_value:
 * @statement: a statement id
 * @row: a row index of that statement
 * @from_column: the column the number was placed in
 * @to_column: the column it belongs to, which holds no number
 *
 * Returns: (transfer full): a correction moving a number of a row
 */
KessanCorrection *
kessan_correction_new_move_value (const char *statement,
                                  guint       row,
                                  guint       from_column,
                                  guint       to_column)
{
  KessanCorrection *self;

  g_return_val_if_fail (statement != NULL, NULL);

  self = correction_new (KESSAN_CORRECTION_MOVE_VALUE, statement);
  self->row = row;
  self->column = from_column;
  self->to_column = to_column;
  return self;
}

/**
 * kessan_correction_new_set_value:
 * @statement: a statement id
 * @row: a row index of that statement
 * @column: a column index of that statement
 * @value: the number the cell holds, as the release prints it (before
 *   its column's scale)
 * @decimals: the digits after the point to show it with
 *
 * Returns: (transfer full): a correction typing a number over the one
 *   the release was read with (a misread or misprinted figure)
 */
KessanCorrection *
kessan_correction_new_set_value (const char *statement,
                                 guint       row,
                                 guint       column,
                                 double      value,
                                 guint       decimals)
{
  KessanCorrection *self;

  g_return_val_if_fail (statement != NULL, NULL);
  g_return_val_if_fail (isfinite (value), NULL);

  self = correction_new (KESSAN_CORRECTION_SET_VALUE, statement);
  self->row = row;
  self->column = column;
  self->value = value;
  self->decimals = MIN (decimals, 9);
  return self;
}

/**
 * kessan_correction_parse_value:
 * @text: what the analyst typed
 * @value: (out): the number
 * @decimals: (out): its digits after the point
 *
 * Reads a number as the statements print it (kessan_number_parse()), and
 * as Kessan shows it: with a true minus sign (U+2212) too. A nil mark,
 * a percent sign's absence or presence aside, anything that is not one
 * number, or a number of more digits than can be kept exactly, is not
 * taken.
 *
 * Returns: %TRUE when @text is one number
 */
gboolean
kessan_correction_parse_value (const char *text,
                               double     *value,
                               guint      *decimals)
{
  g_autoptr(GString) token = NULL;
  KessanNumber number = { 0 };

  g_return_val_if_fail (text != NULL, FALSE);

  token = g_string_new (text);
  g_strstrip (token->str);
  token->len = strlen (token->str);
  g_string_replace (token, "\xe2\x88\x92", "-", 0);  /* − */
  if (token->len == 0 || !kessan_number_parse (token->str, token->len, &number)
      || number.nil || number.unreadable || number.inexact || !isfinite (number.value))
    return FALSE;
  *value = number.value;
  *decimals = number.decimals;
  return TRUE;
}

/**
 * kessan_correction_new_skip_table:
 * @statement: a statement id
 *
 * Returns: (transfer full): a correction leaving the table out
 */
KessanCorrection *
kessan_correction_new_skip_table (const char *statement)
{
  g_return_val_if_fail (statement != NULL, NULL);

  return correction_new (KESSAN_CORRECTION_SKIP_TABLE, statement);
}

/**
 * kessan_correction_new_fiscal_period:
 * @fiscal_year: the fiscal year (IIJ's starts on April 1)
 * @fiscal_quarter: 1 to 4, or 0 for a full-year release
 *
 * Returns: (transfer full): a correction setting the release's period
 */
KessanCorrection *
kessan_correction_new_fiscal_period (guint fiscal_year,
                                     guint fiscal_quarter)
{
  KessanCorrection *self;

  g_return_val_if_fail (fiscal_year > 0, NULL);
  g_return_val_if_fail (fiscal_quarter <= 4, NULL);

  self = correction_new (KESSAN_CORRECTION_FISCAL_PERIOD, NULL);
  self->fiscal_year = fiscal_year;
  self->fiscal_quarter = fiscal_quarter;
  return self;
}

KessanCorrectionKind
kessan_correction_get_kind (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), 0);
  return self->kind;
}

const char *
kessan_correction_get_statement (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), NULL);
  return self->statement;
}

guint
kessan_correction_get_row (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), 0);
  return self->row;
}

guint
kessan_correction_get_column (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), 0);
  return self->column;
}

guint
kessan_correction_get_to_column (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), 0);
  return self->to_column;
}

const char *
kessan_correction_get_period_end (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), NULL);
  return self->period_end;
}

guint
kessan_correction_get_months (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), 0);
  return self->months;
}

KessanMeasure
kessan_correction_get_measure (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), 0);
  return self->measure;
}

KessanCurrency
kessan_correction_get_currency (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), 0);
  return self->currency;
}

guint
kessan_correction_get_scale (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), 1);
  return self->scale;
}

const char *
kessan_correction_get_concept (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), NULL);
  return self->concept;
}

const char *
kessan_correction_get_label (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), NULL);
  return self->label;
}

guint
kessan_correction_get_fiscal_year (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), 0);
  return self->fiscal_year;
}

guint
kessan_correction_get_fiscal_quarter (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), 0);
  return self->fiscal_quarter;
}

double
kessan_correction_get_value (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), NAN);
  return self->value;
}

guint
kessan_correction_get_decimals (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), 0);
  return self->decimals;
}

double
kessan_correction_get_printed (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), NAN);
  return self->printed;
}

/**
 * kessan_correction_describe:
 * @self: a #KessanCorrection
 *
 * Returns: (transfer full): one sentence saying what the correction did,
 *   columns and rows counted from 1 as a person reads the table
 */
char *
kessan_correction_describe (KessanCorrection *self)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), NULL);

  switch (self->kind)
    {
    case KESSAN_CORRECTION_COLUMN_ROLE:
      /* Translators: the role of a table column set by the analyst;
       * the last values are a measure ("amount", "change-yoy"), a
       * currency ("JPY") and a scale (1000). */
      return g_strdup_printf (_("Column %u was set to the period ending %s (%u months), %s, %s, ×%u."),
                              self->column + 1,
                              self->period_end != NULL ? self->period_end : "—", self->months,
                              kessan_measure_to_string (self->measure),
                              kessan_currency_to_string (self->currency), self->scale);
    case KESSAN_CORRECTION_ROW_CONCEPT:
      if (self->label != NULL)
        return g_strdup_printf (_("Row %u was given the new concept “%s”."), self->row + 1, self->label);
      return g_strdup_printf (_("Row %u was given the concept “%s”."), self->row + 1, self->concept);
    case KESSAN_CORRECTION_MOVE_VALUE:
      return g_strdup_printf (_("The number of row %u was moved from column %u to column %u."),
                              self->row + 1, self->column + 1, self->to_column + 1);
    case KESSAN_CORRECTION_SKIP_TABLE:
      return g_strdup_printf (_("The table “%s” was left out."), self->statement);
    case KESSAN_CORRECTION_SET_VALUE:
      {
        KessanNegativeStyle style = kessan_format_message_negative_style ();
        g_autofree char *typed = kessan_format_number (self->value, self->decimals, style);
        g_autofree char *printed = NULL;

        if (isnan (self->printed))
          return g_strdup_printf (_("The number %s was entered in row %u, column %u, which the release left empty."),
                                  typed, self->row + 1, self->column + 1);
        printed = kessan_format_number (self->printed, self->decimals, style);
        /* Translators: a number the analyst typed over the one read */
        return g_strdup_printf (_("The number of row %u, column %u was set to %s; the release was read as %s."),
                                self->row + 1, self->column + 1, typed, printed);
      }
    case KESSAN_CORRECTION_FISCAL_PERIOD:
      if (self->fiscal_quarter == 0)
        return g_strdup_printf (_("The fiscal period was set to fiscal year %u."), self->fiscal_year);
      return g_strdup_printf (_("The fiscal period was set to quarter %u of fiscal year %u."),
                              self->fiscal_quarter, self->fiscal_year);
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/**
 * kessan_correction_touches:
 * @self: a #KessanCorrection
 * @statement: a statement id
 * @row: a row index, or -1 for the column headers
 * @column: a column index, or -1 for the row labels
 *
 * Returns: whether @self changed that place of the table: a column role
 *   its header, a row concept its label, a moved number its new cell
 */
gboolean
kessan_correction_touches (KessanCorrection *self,
                           const char       *statement,
                           int               row,
                           int               column)
{
  g_return_val_if_fail (KESSAN_IS_CORRECTION (self), FALSE);

  if (g_strcmp0 (self->statement, statement) != 0)
    return FALSE;

  switch (self->kind)
    {
    case KESSAN_CORRECTION_COLUMN_ROLE:
      return row < 0 && column == (int) self->column;
    case KESSAN_CORRECTION_ROW_CONCEPT:
      return row == (int) self->row && column < 0;
    case KESSAN_CORRECTION_MOVE_VALUE:
      return row == (int) self->row && column == (int) self->to_column;
    case KESSAN_CORRECTION_SET_VALUE:
      return row == (int) self->row && column == (int) self->column;
    case KESSAN_CORRECTION_SKIP_TABLE:
    case KESSAN_CORRECTION_FISCAL_PERIOD:
    default:
      return FALSE;
    }
}

/* Applying */

static KessanStatement *
require_statement (KessanFiling     *filing,
                   KessanCorrection *self,
                   GError          **error)
{
  KessanStatement *statement = kessan_filing_find_statement (filing, self->statement);

  if (statement == NULL)
    g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                 _("The release has no table “%s” to correct."), self->statement);
  return statement;
}

static KessanLineItem *
require_row (KessanStatement  *statement,
             KessanCorrection *self,
             GError          **error)
{
  if (self->row >= kessan_statement_get_n_rows (statement))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   _("The table “%s” has no row %u."), self->statement, self->row + 1);
      return NULL;
    }
  return kessan_statement_get_row (statement, self->row);
}

static gboolean
require_column (KessanStatement  *statement,
                guint             column,
                KessanCorrection *self,
                GError          **error)
{
  if (column >= kessan_statement_get_n_columns (statement))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   _("The table “%s” has no column %u."), self->statement, column + 1);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_column_role (KessanCorrection *self,
                   KessanFiling     *filing,
                   GError          **error)
{
  KessanStatement *statement = require_statement (filing, self, error);
  KessanColumn *column;

  if (statement == NULL || !require_column (statement, self->column, self, error))
    return FALSE;

  column = kessan_statement_get_column (statement, self->column);
  kessan_column_set_period_end (column, self->period_end);
  kessan_column_set_months (column, self->months);
  kessan_column_set_measure (column, self->measure);
  kessan_column_set_currency (column, self->currency);
  kessan_column_set_scale (column, self->scale);
  /* The unit follows from the role, as the table reader gives it. */
  if (self->measure != KESSAN_MEASURE_AMOUNT)
    kessan_column_set_unit (column, KESSAN_UNIT_PERCENT);
  else if (self->currency != KESSAN_CURRENCY_NONE)
    kessan_column_set_unit (column, KESSAN_UNIT_CURRENCY);
  else if (kessan_column_get_unit (column) == KESSAN_UNIT_PERCENT ||
           kessan_column_get_unit (column) == KESSAN_UNIT_CURRENCY)
    kessan_column_set_unit (column, KESSAN_UNIT_COUNT);
  return TRUE;
}

static gboolean
apply_row_concept (KessanCorrection *self,
                   KessanFiling     *filing,
                   GError          **error)
{
  KessanStatement *statement = require_statement (filing, self, error);
  const KessanConcept *known;
  KessanLineItem *row;

  if (statement == NULL || (row = require_row (statement, self, error)) == NULL)
    return FALSE;

  known = kessan_concepts_get (kessan_concepts_get_default (), self->concept);
  kessan_line_item_set_concept (row, self->concept);
  if (known != NULL)
    kessan_line_item_set_labels (row, known->label_en, known->label_ja);
  else if (self->label != NULL)
    {
      gboolean japanese = g_strcmp0 (kessan_statement_get_language (statement), "ja") == 0;

      kessan_line_item_set_labels (row, japanese ? NULL : self->label, japanese ? self->label : NULL);
    }
  return TRUE;
}

static gboolean
apply_move_value (KessanCorrection *self,
                  KessanFiling     *filing,
                  GError          **error)
{
  KessanStatement *statement = require_statement (filing, self, error);
  KessanLineItem *row;
  double value;
  guint decimals, line;

  if (statement == NULL || (row = require_row (statement, self, error)) == NULL ||
      !require_column (statement, self->column, self, error) ||
      !require_column (statement, self->to_column, self, error))
    return FALSE;

  if (!kessan_line_item_has_value (row, self->column))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   _("Row %u of the table “%s” has no number in column %u to move."),
                   self->row + 1, self->statement, self->column + 1);
      return FALSE;
    }
  if (self->column != self->to_column && kessan_line_item_has_value (row, self->to_column))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   _("Row %u of the table “%s” already has a number in column %u."),
                   self->row + 1, self->statement, self->to_column + 1);
      return FALSE;
    }

  value = kessan_line_item_get_value (row, self->column);
  decimals = kessan_line_item_get_decimals (row, self->column);
  line = kessan_line_item_get_value_line (row, self->column);
  kessan_line_item_clear_value (row, self->column);
  kessan_line_item_set_value (row, self->to_column, value, decimals, line);
  return TRUE;
}

/* The number keeps its source line: the corrected cell still points at
 * what the release printed there. */
static gboolean
apply_set_value (KessanCorrection *self,
                 KessanFiling     *filing,
                 GError          **error)
{
  KessanStatement *statement = require_statement (filing, self, error);
  KessanCorrection *earlier;
  KessanLineItem *row;
  guint line;

  if (statement == NULL || (row = require_row (statement, self, error)) == NULL ||
      !require_column (statement, self->column, self, error))
    return FALSE;

  earlier = kessan_filing_find_correction (filing, self->statement, (int) self->row, (int) self->column);
  if (earlier != NULL && earlier->kind == KESSAN_CORRECTION_SET_VALUE)
    {
      /* A number typed again: what the release was read as is still
       * the first one's. */
      self->printed = earlier->printed;
      line = kessan_line_item_get_value_line (row, self->column);
    }
  else if (kessan_line_item_has_value (row, self->column))
    {
      self->printed = kessan_line_item_get_value (row, self->column);
      line = kessan_line_item_get_value_line (row, self->column);
    }
  else
    {
      self->printed = NAN;
      line = kessan_line_item_get_line (row);
    }
  kessan_line_item_set_value (row, self->column, self->value, self->decimals, line);
  return TRUE;
}

static gboolean
apply_skip_table (KessanCorrection *self,
                  KessanFiling     *filing,
                  GError          **error)
{
  GListModel *statements = kessan_filing_get_statements (filing);

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(KessanStatement) statement = g_list_model_get_item (statements, i);

      if (g_strcmp0 (kessan_statement_get_id (statement), self->statement) == 0)
        {
          kessan_filing_remove_statement (filing, statement);
          return TRUE;
        }
    }
  return require_statement (filing, self, error) != NULL;
}

/* IIJ's fiscal year starts on April 1: quarter q of fiscal year y ends
 * 3q months after March of y, the full year on March 31 of y + 1. */
static void
set_period_end_of (KessanFiling *filing,
                   guint         fiscal_year,
                   guint         fiscal_quarter)
{
  static const char * const month_ends[] = { "03-31", "06-30", "09-30", "12-31", "03-31" };
  guint quarter = fiscal_quarter == 0 ? 4 : fiscal_quarter;
  guint year = quarter == 4 ? fiscal_year + 1 : fiscal_year;
  g_autofree char *end = g_strdup_printf ("%04u-%s", year, month_ends[quarter]);

  kessan_filing_set_period_end (filing, end, fiscal_quarter == 0 ? 12 : 3);
}

static gboolean
apply_fiscal_period (KessanCorrection *self,
                     KessanFiling     *filing)
{
  kessan_filing_set_fiscal_period (filing, self->fiscal_year, self->fiscal_quarter);
  set_period_end_of (filing, self->fiscal_year, self->fiscal_quarter);
  return TRUE;
}

/**
 * kessan_filing_apply_correction:
 * @filing: a #KessanFiling
 * @correction: a #KessanCorrection
 * @error: return location for a #GError, or %NULL
 *
 * Changes @filing as @correction says, adds @correction to the filing's
 * corrections and runs the checks again, so that the findings are those
 * of the corrected filing.
 *
 * Returns: %TRUE on success; %FALSE with @error set (%KESSAN_ERROR_FORMAT)
 *   and @filing unchanged when the correction does not fit the filing
 */
gboolean
kessan_filing_apply_correction (KessanFiling      *filing,
                                KessanCorrection  *correction,
                                GError           **error)
{
  gboolean applied = FALSE;

  g_return_val_if_fail (KESSAN_IS_FILING (filing), FALSE);
  g_return_val_if_fail (KESSAN_IS_CORRECTION (correction), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (correction->kind)
    {
    case KESSAN_CORRECTION_COLUMN_ROLE:
      applied = apply_column_role (correction, filing, error);
      break;
    case KESSAN_CORRECTION_ROW_CONCEPT:
      applied = apply_row_concept (correction, filing, error);
      break;
    case KESSAN_CORRECTION_MOVE_VALUE:
      applied = apply_move_value (correction, filing, error);
      break;
    case KESSAN_CORRECTION_SKIP_TABLE:
      applied = apply_skip_table (correction, filing, error);
      break;
    case KESSAN_CORRECTION_FISCAL_PERIOD:
      applied = apply_fiscal_period (correction, filing);
      break;
    case KESSAN_CORRECTION_SET_VALUE:
      applied = apply_set_value (correction, filing, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!applied)
    return FALSE;

  g_list_store_append (G_LIST_STORE (kessan_filing_get_corrections (filing)), correction);
  kessan_filing_run_checks (filing);
  return TRUE;
}

/**
 * kessan_filing_find_correction:
 * @filing: a #KessanFiling
 * @statement: a statement id
 * @row: a row index, or -1 for the column headers
 * @column: a column index, or -1 for the row labels
 *
 * Returns: (transfer none) (nullable): the last correction of @filing
 *   that changed that place (kessan_correction_touches()), or %NULL
 */
KessanCorrection *
kessan_filing_find_correction (KessanFiling *filing,
                               const char   *statement,
                               int           row,
                               int           column)
{
  GListModel *corrections;
  KessanCorrection *found = NULL;

  g_return_val_if_fail (KESSAN_IS_FILING (filing), NULL);

  corrections = kessan_filing_get_corrections (filing);
  for (guint i = g_list_model_get_n_items (corrections); i > 0 && found == NULL; i--)
    {
      g_autoptr(KessanCorrection) correction = g_list_model_get_item (corrections, i - 1);

      if (kessan_correction_touches (correction, statement, row, column))
        found = correction;
    }
  return found;
}

/* JSON */

void
kessan_corrections_write (KessanJsonWriter *w,
                          GListModel       *corrections)
{
  kessan_json_writer_begin (w, '[', FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (corrections); i++)
    {
      g_autoptr(KessanCorrection) self = g_list_model_get_item (corrections, i);

      kessan_json_writer_next (w);
      kessan_json_writer_begin (w, '{', TRUE);
      kessan_json_writer_string (w, "kind", kind_names[self->kind]);
      if (self->statement != NULL)
        kessan_json_writer_string (w, "statement", self->statement);
      switch (self->kind)
        {
        case KESSAN_CORRECTION_COLUMN_ROLE:
          kessan_json_writer_uint (w, "column", self->column);
          kessan_json_writer_string (w, "period_end", self->period_end);
          kessan_json_writer_uint (w, "months", self->months);
          kessan_json_writer_string (w, "measure", kessan_measure_to_string (self->measure));
          kessan_json_writer_string (w, "currency", kessan_currency_to_string (self->currency));
          kessan_json_writer_uint (w, "scale", self->scale);
          break;
        case KESSAN_CORRECTION_ROW_CONCEPT:
          kessan_json_writer_uint (w, "row", self->row);
          kessan_json_writer_string (w, "concept", self->concept);
          if (self->label != NULL)
            kessan_json_writer_string (w, "label", self->label);
          break;
        case KESSAN_CORRECTION_MOVE_VALUE:
          kessan_json_writer_uint (w, "row", self->row);
          kessan_json_writer_uint (w, "from_column", self->column);
          kessan_json_writer_uint (w, "to_column", self->to_column);
          break;
        case KESSAN_CORRECTION_SET_VALUE:
          {
            char number[G_ASCII_DTOSTR_BUF_SIZE + 32];

            kessan_json_writer_uint (w, "row", self->row);
            kessan_json_writer_uint (w, "column", self->column);
            kessan_json_writer_key (w, "value");
            if (!kessan_json_format_fixed (number, sizeof number, self->value, self->decimals))
              kessan_json_format_shortest (number, sizeof number, self->value);
            g_string_append (w->out, number);
            kessan_json_writer_uint (w, "decimals", self->decimals);
            /* What the release was read as, for whoever reads the file. */
            kessan_json_writer_key (w, "printed");
            if (isnan (self->printed))
              g_string_append (w->out, "null");
            else
              {
                if (!kessan_json_format_fixed (number, sizeof number, self->printed, self->decimals))
                  kessan_json_format_shortest (number, sizeof number, self->printed);
                g_string_append (w->out, number);
              }
          }
          break;
        case KESSAN_CORRECTION_FISCAL_PERIOD:
          kessan_json_writer_uint (w, "fiscal_year", self->fiscal_year);
          kessan_json_writer_uint (w, "fiscal_quarter", self->fiscal_quarter);
          break;
        case KESSAN_CORRECTION_SKIP_TABLE:
        default:
          break;
        }
      kessan_json_writer_end (w, '}');
    }
  kessan_json_writer_end (w, ']');
}

static gboolean G_GNUC_PRINTF (4, 5)
read_fail (GError     **error,
           const char  *path,
           const char  *member,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
               "Malformed corrections: %s.%s: %s", path, member, message);
  return FALSE;
}

static gboolean
member_uint (JsonObject  *object,
             const char  *path,
             const char  *member,
             guint        max,
             guint       *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return read_fail (error, path, member, "expected a whole number");
  value = json_node_get_int (node);
  if (value < 0 || value > (gint64) max)
    return read_fail (error, path, member, "%" G_GINT64_FORMAT " is out of range", value);
  *out = (guint) value;
  return TRUE;
}

/* A string member; *out is NULL for a missing or null member when
 * @optional. */
static gboolean
member_string (JsonObject  *object,
               const char  *path,
               const char  *member,
               gboolean     optional,
               const char **out,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return optional ? TRUE : read_fail (error, path, member, "missing");
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return read_fail (error, path, member, "expected a string");
  *out = json_node_get_string (node);
  return TRUE;
}

static KessanCorrection *
read_correction (JsonObject  *object,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(KessanCorrection) self = NULL;
  const char *kind, *statement, *str;
  guint k;

  if (!member_string (object, path, "kind", FALSE, &kind, error))
    return NULL;
  for (k = 0; k < G_N_ELEMENTS (kind_names); k++)
    if (g_str_equal (kind, kind_names[k]))
      break;
  if (k == G_N_ELEMENTS (kind_names))
    {
      read_fail (error, path, "kind", "unknown kind “%s”", kind);
      return NULL;
    }

  if (!member_string (object, path, "statement", k == KESSAN_CORRECTION_FISCAL_PERIOD, &statement, error))
    return NULL;
  self = correction_new (k, statement);

  switch (self->kind)
    {
    case KESSAN_CORRECTION_COLUMN_ROLE:
      if (!member_uint (object, path, "column", G_MAXINT, &self->column, error) ||
          !member_string (object, path, "period_end", TRUE, &str, error))
        return NULL;
      self->period_end = g_strdup (str);
      if (!member_uint (object, path, "months", 1200, &self->months, error) ||
          !member_string (object, path, "measure", FALSE, &str, error))
        return NULL;
      if (!kessan_measure_from_string (str, &self->measure))
        {
          read_fail (error, path, "measure", "unknown measure “%s”", str);
          return NULL;
        }
      /* A column without currency has "currency": null. */
      if (!member_string (object, path, "currency", TRUE, &str, error))
        return NULL;
      if (!kessan_currency_from_string (str, &self->currency))
        {
          read_fail (error, path, "currency", "unknown currency “%s”", str);
          return NULL;
        }
      if (!member_uint (object, path, "scale", 1000000000, &self->scale, error))
        return NULL;
      if (self->scale == 0)
        {
          read_fail (error, path, "scale", "must be positive");
          return NULL;
        }
      break;
    case KESSAN_CORRECTION_ROW_CONCEPT:
      if (!member_uint (object, path, "row", G_MAXINT, &self->row, error) ||
          !member_string (object, path, "concept", FALSE, &str, error))
        return NULL;
      self->concept = g_strdup (str);
      if (!member_string (object, path, "label", TRUE, &str, error))
        return NULL;
      self->label = g_strdup (str);
      break;
    case KESSAN_CORRECTION_MOVE_VALUE:
      if (!member_uint (object, path, "row", G_MAXINT, &self->row, error) ||
          !member_uint (object, path, "from_column", G_MAXINT, &self->column, error) ||
          !member_uint (object, path, "to_column", G_MAXINT, &self->to_column, error))
        return NULL;
      break;
    case KESSAN_CORRECTION_SET_VALUE:
      {
        JsonNode *node = json_object_get_member (object, "value");
        JsonNode *printed = json_object_get_member (object, "printed");

        if (!member_uint (object, path, "row", G_MAXINT, &self->row, error) ||
            !member_uint (object, path, "column", G_MAXINT, &self->column, error) ||
            !member_uint (object, path, "decimals", 9, &self->decimals, error))
          return NULL;
        if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
            (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
          {
            read_fail (error, path, "value", "expected a number");
            return NULL;
          }
        self->value = json_node_get_double (node);
        if (!isfinite (self->value))
          {
            read_fail (error, path, "value", "expected a finite number");
            return NULL;
          }
        if (printed != NULL && JSON_NODE_HOLDS_VALUE (printed) &&
            (json_node_get_value_type (printed) == G_TYPE_INT64 || json_node_get_value_type (printed) == G_TYPE_DOUBLE))
          self->printed = json_node_get_double (printed);
      }
      break;
    case KESSAN_CORRECTION_FISCAL_PERIOD:
      if (!member_uint (object, path, "fiscal_year", 9999, &self->fiscal_year, error) ||
          !member_uint (object, path, "fiscal_quarter", 4, &self->fiscal_quarter, error))
        return NULL;
      break;
    case KESSAN_CORRECTION_SKIP_TABLE:
    default:
      break;
    }

  return g_steal_pointer (&self);
}

gboolean
kessan_corrections_read (JsonArray   *array,
                         const char  *path,
                         GPtrArray   *out,
                         GError     **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *element = g_strdup_printf ("%s[%u]", path, i);
      JsonNode *node = json_array_get_element (array, i);
      KessanCorrection *correction;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                       "Malformed corrections: %s: expected an object", element);
          return FALSE;
        }
      correction = read_correction (json_node_get_object (node), element, error);
      if (correction == NULL)
        return FALSE;
      g_ptr_array_add (out, correction);
    }
  return TRUE;
}

/* The corrections folder of a library */

static char *
corrections_file_path (GFile       *library_directory,
                       const char  *source_hash,
                       GError     **error)
{
  g_autofree char *dir = g_file_get_path (library_directory);
  g_autofree char *name = NULL;

  if (dir == NULL)
    {
      g_autofree char *uri = g_file_get_uri (library_directory);

      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   _("The library folder “%s” is not a local folder."), uri);
      return NULL;
    }
  /* The hash names a file: nothing but hex digits may reach the path. */
  for (const char *p = source_hash; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      {
        g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT, "Not a source hash: “%s”", source_hash);
        return NULL;
      }
  name = g_strconcat (source_hash, ".json", NULL);
  return g_build_filename (dir, "corrections", name, NULL);
}

/**
 * kessan_corrections_save:
 * @library_directory: a library folder
 * @source_hash: the SHA-256 of the release the corrections are of
 * @corrections: a #GListModel of #KessanCorrection
 * @error: return location for a #GError, or %NULL
 *
 * Writes the corrections of a release to the library folder, atomically;
 * an empty list removes the file.
 *
 * Returns: %TRUE on success; %FALSE with @error set (%KESSAN_ERROR_IO)
 */
gboolean
kessan_corrections_save (GFile       *library_directory,
                         const char  *source_hash,
                         GListModel  *corrections,
                         GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  KessanJsonWriter w = { .out = NULL };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (library_directory), FALSE);
  g_return_val_if_fail (source_hash != NULL, FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (corrections), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = corrections_file_path (library_directory, source_hash, error);
  if (path == NULL)
    return FALSE;

  if (g_list_model_get_n_items (corrections) == 0)
    {
      int errsv;

      if (g_unlink (path) == 0 || errno == ENOENT)
        return TRUE;
      errsv = errno;
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO, _("Cannot delete “%s”: %s"), path, g_strerror (errsv));
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   _("Cannot create the library folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  w.out = g_string_new (NULL);
  kessan_json_writer_begin (&w, '{', FALSE);
  kessan_json_writer_string (&w, "format", CORRECTIONS_FORMAT);
  kessan_json_writer_uint (&w, "version", CORRECTIONS_VERSION);
  kessan_json_writer_string (&w, "sha256", source_hash);
  kessan_json_writer_key (&w, "corrections");
  kessan_corrections_write (&w, corrections);
  kessan_json_writer_end (&w, '}');
  g_string_append_c (w.out, '\n');

  /* Written to a temporary file, flushed and renamed over the old one, as
   * the library writes its filings. */
  ok = g_file_set_contents_full (path, w.out->str, w.out->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error);
  g_string_free (w.out, TRUE);
  if (!ok)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   _("Cannot save to the library folder “%s”: %s"), dir, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * kessan_corrections_load:
 * @library_directory: a library folder
 * @source_hash: the SHA-256 of a release
 * @error: return location for a #GError, or %NULL
 *
 * Returns: (transfer full) (element-type KessanCorrection): the
 *   corrections kept for the release, an empty array when there are none,
 *   or %NULL with @error set when the file cannot be read
 */
GPtrArray *
kessan_corrections_load (GFile       *library_directory,
                         const char  *source_hash,
                         GError     **error)
{
  g_autoptr(GPtrArray) corrections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *array;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (library_directory), NULL);
  g_return_val_if_fail (source_hash != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = corrections_file_path (library_directory, source_hash, error);
  if (path == NULL)
    return NULL;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
          g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        return g_steal_pointer (&corrections);
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO, "%s: %s", path, local_error->message);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT, "%s: %s", path, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root), "format", NULL),
                 CORRECTIONS_FORMAT) != 0)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT, "%s: not a Kessan corrections file", path);
      return NULL;
    }
  object = json_node_get_object (root);
  if (json_object_get_int_member_with_default (object, "version", 0) != CORRECTIONS_VERSION)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   "%s: unsupported corrections version (this version of Kessan reads version %d)",
                   path, CORRECTIONS_VERSION);
      return NULL;
    }
  array = json_object_get_member (object, "corrections");
  if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT, "%s: no “corrections” array", path);
      return NULL;
    }
  if (!kessan_corrections_read (json_node_get_array (array), "corrections", corrections, &local_error))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT, "%s: %s", path, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&corrections);
}
