/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "kessan-column.h"

#include "kessan-intern-private.h"
#include "kessan-model-private.h"

struct _KessanColumn
{
  GObject         parent_instance;

  /* Interned (kessan_intern_acquire ()): every filing of a library
   * repeats the same few dates and headers. */
  const char     *period_end;
  const char     *period_start;
  const char     *compared_end;
  const char     *header;
  const char     *currency_code;  /* NULL when the release does not say */
  char          **members;        /* "axis=member" dimension members */

  guint           months;
  guint           scale;
  KessanMeasure   measure;
  KessanUnit      unit;
  KessanScenario  scenario;
  KessanConsolidation consolidation;
};

G_DEFINE_FINAL_TYPE (KessanColumn, kessan_column, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERIOD_END,
  PROP_MONTHS,
  PROP_SCALE,
  PROP_COMPARED_END,
  PROP_HEADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kessan_column_finalize (GObject *object)
{
  KessanColumn *self = (KessanColumn *)object;

  g_clear_pointer (&self->period_end, kessan_intern_release);
  g_clear_pointer (&self->period_start, kessan_intern_release);
  g_clear_pointer (&self->currency_code, kessan_intern_release);
  g_clear_pointer (&self->members, g_strfreev);
  g_clear_pointer (&self->compared_end, kessan_intern_release);
  g_clear_pointer (&self->header, kessan_intern_release);

  G_OBJECT_CLASS (kessan_column_parent_class)->finalize (object);
}

static void
kessan_column_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KessanColumn *self = KESSAN_COLUMN (object);

  switch (prop_id)
    {
    case PROP_PERIOD_END:
      g_value_set_string (value, self->period_end);
      break;

    case PROP_MONTHS:
      g_value_set_uint (value, self->months);
      break;

    case PROP_SCALE:
      g_value_set_uint (value, self->scale);
      break;

    case PROP_COMPARED_END:
      g_value_set_string (value, self->compared_end);
      break;

    case PROP_HEADER:
      g_value_set_string (value, self->header);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_column_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KessanColumn *self = KESSAN_COLUMN (object);

  switch (prop_id)
    {
    case PROP_PERIOD_END:
      kessan_column_set_period_end (self, g_value_get_string (value));
      break;

    case PROP_MONTHS:
      kessan_column_set_months (self, g_value_get_uint (value));
      break;

    case PROP_SCALE:
      kessan_column_set_scale (self, g_value_get_uint (value));
      break;

    case PROP_COMPARED_END:
      kessan_column_set_compared_end (self, g_value_get_string (value));
      break;

    case PROP_HEADER:
      kessan_column_set_header (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_column_class_init (KessanColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kessan_column_finalize;
  object_class->get_property = kessan_column_get_property;
  object_class->set_property = kessan_column_set_property;

  properties[PROP_PERIOD_END] =
    g_param_spec_string ("period-end", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MONTHS] =
    g_param_spec_uint ("months", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SCALE] =
    g_param_spec_uint ("scale", NULL, NULL,
                       1, G_MAXUINT, 1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPARED_END] =
    g_param_spec_string ("compared-end", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HEADER] =
    g_param_spec_string ("header", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kessan_column_init (KessanColumn *self)
{
  self->scale = 1;
  self->measure = KESSAN_MEASURE_AMOUNT;
  self->unit = KESSAN_UNIT_NONE;
}

/**
 * kessan_column_new:
 *
 * Creates a column measuring an amount at scale 1, with no period,
 * currency or unit yet.
 *
 * Returns: (transfer full): a new #KessanColumn
 */
KessanColumn *
kessan_column_new (void)
{
  return g_object_new (KESSAN_TYPE_COLUMN, NULL);
}

/**
 * kessan_column_get_period_end:
 * @self: a #KessanColumn
 *
 * For a change column this is the later of the two periods compared.
 *
 * Returns: (nullable) (transfer none): the period end as an ISO date
 */
const char *
kessan_column_get_period_end (KessanColumn *self)
{
  g_return_val_if_fail (KESSAN_IS_COLUMN (self), NULL);

  return self->period_end;
}

/**
 * kessan_column_set_period_end:
 * @self: a #KessanColumn
 * @iso_date: (nullable): an ISO date such as "2003-09-30"
 *
 * Sets the end of the period the column reports.
 */
void
kessan_column_set_period_end (KessanColumn *self,
                              const char   *iso_date)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));

  if (kessan_intern_replace (&self->period_end, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_END]);
}

/**
 * kessan_column_get_months:
 * @self: a #KessanColumn
 *
 * Returns: the months the column's period covers, 0 for a point in time
 */
guint
kessan_column_get_months (KessanColumn *self)
{
  g_return_val_if_fail (KESSAN_IS_COLUMN (self), 0);

  return self->months;
}

/**
 * kessan_column_set_months:
 * @self: a #KessanColumn
 * @months: 3, 6, 9 or 12, or 0 for a point in time
 *
 * Sets how many months the column's period covers.
 */
void
kessan_column_set_months (KessanColumn *self,
                          guint         months)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));

  if (self->months != months)
    {
      self->months = months;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MONTHS]);
    }
}

/**
 * kessan_column_get_measure:
 * @self: a #KessanColumn
 *
 * Returns: what the column's values measure
 */
KessanMeasure
kessan_column_get_measure (KessanColumn *self)
{
  g_return_val_if_fail (KESSAN_IS_COLUMN (self), KESSAN_MEASURE_AMOUNT);

  return self->measure;
}

/**
 * kessan_column_set_measure:
 * @self: a #KessanColumn
 * @measure: a #KessanMeasure
 *
 * Sets what the column's values measure.
 */
void
kessan_column_set_measure (KessanColumn  *self,
                           KessanMeasure  measure)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));
  g_return_if_fail (measure <= KESSAN_MEASURE_CHANGE);

  self->measure = measure;
}

/**
 * kessan_column_get_currency:
 * @self: a #KessanColumn
 *
 * Returns: the currency of the column's amounts, or
 *   %KESSAN_CURRENCY_NONE for percents, changes and counts
 */
KessanCurrency
kessan_column_get_currency (KessanColumn *self)
{
  KessanCurrency currency = KESSAN_CURRENCY_NONE;

  g_return_val_if_fail (KESSAN_IS_COLUMN (self), KESSAN_CURRENCY_NONE);

  kessan_currency_from_string (self->currency_code, &currency);
  return currency;
}

/**
 * kessan_column_set_currency:
 * @self: a #KessanColumn
 * @currency: a #KessanCurrency
 *
 * Sets the currency of the column's amounts.
 */
void
kessan_column_set_currency (KessanColumn   *self,
                            KessanCurrency  currency)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));
  g_return_if_fail (currency <= KESSAN_CURRENCY_USD);

  kessan_intern_replace (&self->currency_code, kessan_currency_to_string (currency));
}

/**
 * kessan_column_get_currency_code:
 * @self: a #KessanColumn
 *
 * Returns: (nullable) (transfer none): the ISO 4217 code of the column's
 *   money ("EUR"), or %NULL when it is not money or the release does not
 *   say which currency
 */
const char *
kessan_column_get_currency_code (KessanColumn *self)
{
  g_return_val_if_fail (KESSAN_IS_COLUMN (self), NULL);

  return self->currency_code;
}

/**
 * kessan_column_set_currency_code:
 * @self: a #KessanColumn
 * @code: (nullable): an ISO 4217 code, or %NULL for none or unknown
 *
 * Sets the currency of the column's amounts.  A string that is not a
 * currency code is taken as %NULL.
 */
void
kessan_column_set_currency_code (KessanColumn *self,
                                 const char   *code)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));

  kessan_intern_replace (&self->currency_code,
                         kessan_currency_code_is_valid (code) ? code : NULL);
}

/**
 * kessan_column_get_period_start:
 * @self: a #KessanColumn
 *
 * Returns: (nullable) (transfer none): the first day of the period the
 *   column reports, as an ISO date; %NULL for a point in time or when
 *   the release does not say
 */
const char *
kessan_column_get_period_start (KessanColumn *self)
{
  g_return_val_if_fail (KESSAN_IS_COLUMN (self), NULL);

  return self->period_start;
}

/**
 * kessan_column_set_period_start:
 * @self: a #KessanColumn
 * @iso_date: (nullable): an ISO date
 *
 * Sets the first day of the period the column reports.
 */
void
kessan_column_set_period_start (KessanColumn *self,
                                const char   *iso_date)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));

  kessan_intern_replace (&self->period_start, iso_date);
}

/**
 * kessan_column_get_scenario:
 * @self: a #KessanColumn
 *
 * Returns: whether the column reports a result or a forecast
 */
KessanScenario
kessan_column_get_scenario (KessanColumn *self)
{
  g_return_val_if_fail (KESSAN_IS_COLUMN (self), KESSAN_SCENARIO_ACTUAL);

  return self->scenario;
}

/**
 * kessan_column_set_scenario:
 * @self: a #KessanColumn
 * @scenario: a #KessanScenario
 *
 * Sets whether the column reports a result or a forecast.
 */
void
kessan_column_set_scenario (KessanColumn   *self,
                            KessanScenario  scenario)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));
  g_return_if_fail (scenario <= KESSAN_SCENARIO_FORECAST_LOWER);

  self->scenario = scenario;
}

/**
 * kessan_column_get_consolidation:
 * @self: a #KessanColumn
 *
 * Returns: whether the column is consolidated, non-consolidated, or
 *   not said
 */
KessanConsolidation
kessan_column_get_consolidation (KessanColumn *self)
{
  g_return_val_if_fail (KESSAN_IS_COLUMN (self), KESSAN_CONSOLIDATION_UNKNOWN);

  return self->consolidation;
}

/**
 * kessan_column_set_consolidation:
 * @self: a #KessanColumn
 * @consolidation: a #KessanConsolidation
 *
 * Sets whether the column is consolidated.
 */
void
kessan_column_set_consolidation (KessanColumn        *self,
                                 KessanConsolidation  consolidation)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));
  g_return_if_fail (consolidation <= KESSAN_CONSOLIDATION_NON_CONSOLIDATED);

  self->consolidation = consolidation;
}

/**
 * kessan_column_get_members:
 * @self: a #KessanColumn
 *
 * A column with members reports a part of the company (a segment, a
 * region), never its total.
 *
 * Returns: (transfer none) (array zero-terminated=1): the dimension
 *   members, each "axis=member"; empty for the whole company
 */
const char * const *
kessan_column_get_members (KessanColumn *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (KESSAN_IS_COLUMN (self), none);

  return self->members != NULL ? (const char * const *) self->members : none;
}

/**
 * kessan_column_set_members:
 * @self: a #KessanColumn
 * @members: (nullable) (array zero-terminated=1): "axis=member" strings
 *
 * Sets the dimension members the column reports.
 */
void
kessan_column_set_members (KessanColumn       *self,
                           const char * const *members)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));

  g_clear_pointer (&self->members, g_strfreev);
  if (members != NULL && members[0] != NULL)
    self->members = g_strdupv ((char **) members);
}

/**
 * kessan_column_get_scale:
 * @self: a #KessanColumn
 *
 * Returns: what one printed unit is worth: a power of ten (1, 1000,
 *   1000000, 100000000 for 億円, …)
 */
guint
kessan_column_get_scale (KessanColumn *self)
{
  g_return_val_if_fail (KESSAN_IS_COLUMN (self), 1);

  return self->scale;
}

/**
 * kessan_column_set_scale:
 * @self: a #KessanColumn
 * @scale: what one printed unit is worth, at least 1
 *
 * Sets the column's scale ("in thousands of yen" is 1000).
 */
void
kessan_column_set_scale (KessanColumn *self,
                         guint         scale)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));
  g_return_if_fail (scale >= 1);

  if (self->scale != scale)
    {
      self->scale = scale;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
    }
}

/**
 * kessan_column_get_unit:
 * @self: a #KessanColumn
 *
 * Returns: what one value of the column counts
 */
KessanUnit
kessan_column_get_unit (KessanColumn *self)
{
  g_return_val_if_fail (KESSAN_IS_COLUMN (self), KESSAN_UNIT_NONE);

  return self->unit;
}

/**
 * kessan_column_set_unit:
 * @self: a #KessanColumn
 * @unit: a #KessanUnit
 *
 * Sets what one value of the column counts.
 */
void
kessan_column_set_unit (KessanColumn *self,
                        KessanUnit    unit)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));
  g_return_if_fail (unit <= KESSAN_UNIT_SHARES);

  self->unit = unit;
}

/**
 * kessan_column_get_compared_end:
 * @self: a #KessanColumn
 *
 * Returns: (nullable) (transfer none): for a change column, the end of
 *   the earlier period as an ISO date; %NULL otherwise or when unknown
 */
const char *
kessan_column_get_compared_end (KessanColumn *self)
{
  g_return_val_if_fail (KESSAN_IS_COLUMN (self), NULL);

  return self->compared_end;
}

/**
 * kessan_column_set_compared_end:
 * @self: a #KessanColumn
 * @iso_date: (nullable): an ISO date
 *
 * Sets the end of the earlier period a change column compares with.
 */
void
kessan_column_set_compared_end (KessanColumn *self,
                                const char   *iso_date)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));

  if (kessan_intern_replace (&self->compared_end, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARED_END]);
}

/**
 * kessan_column_get_header:
 * @self: a #KessanColumn
 *
 * Returns: (nullable) (transfer none): the header text as printed
 */
const char *
kessan_column_get_header (KessanColumn *self)
{
  g_return_val_if_fail (KESSAN_IS_COLUMN (self), NULL);

  return self->header;
}

/**
 * kessan_column_set_header:
 * @self: a #KessanColumn
 * @header: (nullable): the header text as printed, header lines joined
 *
 * Sets the column's printed header.
 */
void
kessan_column_set_header (KessanColumn *self,
                          const char   *header)
{
  g_return_if_fail (KESSAN_IS_COLUMN (self));

  if (kessan_intern_replace (&self->header, header))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER]);
}
