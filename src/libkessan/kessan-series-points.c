/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-series"

#include "config.h"

#include "kessan-series.h"
#include "kessan-series-private.h"

/* What a point, an observation and a check of a KessanSeriesSet say of
 * themselves. */

/**
 * kessan_series_point_get_concept:
 * @point: a point
 *
 * Returns: the concept key
 */
const char *
kessan_series_point_get_concept (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, NULL);

  return point->entry->key;
}

/**
 * kessan_series_point_get_period_end:
 * @point: a point
 *
 * Returns: the end of the period, an ISO date
 */
const char *
kessan_series_point_get_period_end (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, NULL);

  return point->period_end;
}

/**
 * kessan_series_point_get_months:
 * @point: a point
 *
 * Returns: the months of the period, 0 for a point in time
 */
guint
kessan_series_point_get_months (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, 0);

  return point->months;
}

/**
 * kessan_series_point_get_unit:
 * @point: a point
 *
 * Returns: what the value counts
 */
KessanUnit
kessan_series_point_get_unit (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, KESSAN_UNIT_NONE);

  return point->unit;
}

/**
 * kessan_series_point_get_value:
 * @point: a point
 *
 * The value in its unit: yen (a figure printed in thousands times 1000),
 * contracts, Gbps or percent.  Of a restated point, the latest release's.
 *
 * Returns: the value
 */
double
kessan_series_point_get_value (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, 0);

  return point->value;
}

/**
 * kessan_series_point_get_scale:
 * @point: a point
 *
 * Returns: the scale the value was printed in, to display it the same
 *   way; for a derived amount the coarsest scale of its inputs
 */
guint
kessan_series_point_get_scale (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, 1);

  return point->scale;
}

/**
 * kessan_series_point_get_decimals:
 * @point: a point
 *
 * Returns: the decimals of the value in its unit (0 for yen, 1 for Gbps
 *   printed as 9.4; derived percentages have four)
 */
guint
kessan_series_point_get_decimals (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, 0);

  return point->decimals;
}

/**
 * kessan_series_point_get_derived:
 * @point: a point
 *
 * Returns: %TRUE if the set computed the value rather than read it
 */
gboolean
kessan_series_point_get_derived (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, FALSE);

  return point->derived;
}

/**
 * kessan_series_point_get_restated:
 * @point: a point
 *
 * Returns: %TRUE if two releases print different numbers for it
 */
gboolean
kessan_series_point_get_restated (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, FALSE);

  return point->restated;
}

/**
 * kessan_series_point_get_inconsistent:
 * @point: a point
 *
 * Returns: %TRUE if two tables of one release print different numbers
 *   for it
 */
gboolean
kessan_series_point_get_inconsistent (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, FALSE);

  return point->inconsistent;
}

/**
 * kessan_series_point_get_n_observations:
 * @point: a point
 *
 * Returns: how many cells print the point (0 for a derived point)
 */
guint
kessan_series_point_get_n_observations (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, 0);

  return point->n_observations;
}

static int
compare_observations (gconstpointer a,
                      gconstpointer b)
{
  const KessanSeriesObservation *oa = *(const KessanSeriesObservation * const *) a;
  const KessanSeriesObservation *ob = *(const KessanSeriesObservation * const *) b;

  if (oa->release->rank != ob->release->rank)
    return oa->release->rank < ob->release->rank ? -1 : 1;
  return 0;
}

/**
 * kessan_series_point_get_observations:
 * @point: a point
 *
 * Returns: (transfer container) (element-type KessanSeriesObservation):
 *   every cell that prints the point, earliest release first, each
 *   release's in the order of its statements
 */
GPtrArray *
kessan_series_point_get_observations (const KessanSeriesPoint *point)
{
  GPtrArray *observations;

  g_return_val_if_fail (point != NULL, NULL);

  observations = g_ptr_array_sized_new (point->n_observations);
  for (KessanSeriesObservation *o = point->observations; o != NULL; o = o->next)
    g_ptr_array_add (observations, o);
  /* A stable sort: a release's cells keep their order. */
  g_ptr_array_sort (observations, compare_observations);
  return observations;
}

/**
 * kessan_series_point_get_value_observation:
 * @point: a point
 *
 * Returns: (nullable): the cell the value comes from, %NULL when derived
 */
const KessanSeriesObservation *
kessan_series_point_get_value_observation (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, NULL);

  return point->value_observation;
}

/**
 * kessan_series_point_get_first_published:
 * @point: a point
 *
 * Returns: (nullable): the figure of the earliest release printing the
 *   point ("as first published"), %NULL when derived
 */
const KessanSeriesObservation *
kessan_series_point_get_first_published (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, NULL);

  return point->first_published;
}

/**
 * kessan_series_point_get_latest:
 * @point: a point
 *
 * Returns: (nullable): the figure of the latest release printing the
 *   point, %NULL when derived
 */
const KessanSeriesObservation *
kessan_series_point_get_latest (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, NULL);

  return point->latest;
}

/**
 * kessan_series_point_get_formula:
 * @point: a point
 *
 * Returns: (nullable): how a derived value was computed, %NULL when
 *   printed
 */
const char *
kessan_series_point_get_formula (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, NULL);

  return point->derivation != NULL ? point->derivation->formula : NULL;
}

/**
 * kessan_series_point_get_n_inputs:
 * @point: a point
 *
 * Returns: the number of points a derived value was computed from
 */
guint
kessan_series_point_get_n_inputs (const KessanSeriesPoint *point)
{
  g_return_val_if_fail (point != NULL, 0);

  return point->derivation != NULL ? point->derivation->n_inputs : 0;
}

/**
 * kessan_series_point_get_input:
 * @point: a derived point
 * @index: less than the number of inputs
 *
 * The inputs in the order of the formula.
 *
 * Returns: (transfer none): an input of the point
 */
const KessanSeriesPoint *
kessan_series_point_get_input (const KessanSeriesPoint *point,
                               guint                    index)
{
  g_return_val_if_fail (point != NULL, NULL);
  g_return_val_if_fail (index < kessan_series_point_get_n_inputs (point), NULL);

  return point->derivation->inputs[index];
}

/* Observations */

/**
 * kessan_series_observation_get_filing:
 * @observation: an observation
 *
 * Returns: (transfer none): the release printing it
 */
KessanFiling *
kessan_series_observation_get_filing (const KessanSeriesObservation *observation)
{
  g_return_val_if_fail (observation != NULL, NULL);

  return observation->release->filing;
}

/**
 * kessan_series_observation_get_statement:
 * @observation: an observation
 *
 * Returns: (transfer none): the statement printing it
 */
KessanStatement *
kessan_series_observation_get_statement (const KessanSeriesObservation *observation)
{
  g_return_val_if_fail (observation != NULL, NULL);

  return kessan_filing_get_statement (observation->release->filing, observation->statement);
}

/**
 * kessan_series_observation_get_row:
 * @observation: an observation
 *
 * Returns: (transfer none): the row printing it
 */
KessanLineItem *
kessan_series_observation_get_row (const KessanSeriesObservation *observation)
{
  KessanStatement *statement = kessan_series_observation_get_statement (observation);

  g_return_val_if_fail (statement != NULL, NULL);

  return kessan_statement_get_row (statement, observation->row);
}

/**
 * kessan_series_observation_get_row_index:
 * @observation: an observation
 *
 * Returns: the index of the row in its statement
 */
guint
kessan_series_observation_get_row_index (const KessanSeriesObservation *observation)
{
  g_return_val_if_fail (observation != NULL, 0);

  return observation->row;
}

/**
 * kessan_series_observation_get_column:
 * @observation: an observation
 *
 * Returns: the index of the column in its statement
 */
guint
kessan_series_observation_get_column (const KessanSeriesObservation *observation)
{
  g_return_val_if_fail (observation != NULL, 0);

  return observation->column;
}

/**
 * kessan_series_observation_get_printed:
 * @observation: an observation
 *
 * Returns: the value as printed (in thousands for a table in thousands)
 */
double
kessan_series_observation_get_printed (const KessanSeriesObservation *observation)
{
  g_return_val_if_fail (observation != NULL, 0);

  return observation->printed;
}

/**
 * kessan_series_observation_get_decimals:
 * @observation: an observation
 *
 * Returns: the decimals printed
 */
guint
kessan_series_observation_get_decimals (const KessanSeriesObservation *observation)
{
  g_return_val_if_fail (observation != NULL, 0);

  return observation->decimals;
}

/**
 * kessan_series_observation_get_scale:
 * @observation: an observation
 *
 * Returns: the scale of its column (1, 1000, 1000000)
 */
guint
kessan_series_observation_get_scale (const KessanSeriesObservation *observation)
{
  g_return_val_if_fail (observation != NULL, 1);

  return observation->scale;
}

/**
 * kessan_series_observation_get_line:
 * @observation: an observation
 *
 * Returns: the line of the decoded source the value was read from
 *   (1-based), 0 when unknown
 */
guint
kessan_series_observation_get_line (const KessanSeriesObservation *observation)
{
  g_return_val_if_fail (observation != NULL, 0);

  return observation->line;
}

/* Checks */

/**
 * kessan_series_check_get_kind:
 * @check: a check
 *
 * Returns: whether the check compares the cash at the beginning or at the
 *   end of a period
 */
KessanSeriesCheckKind
kessan_series_check_get_kind (const KessanSeriesCheck *check)
{
  g_return_val_if_fail (check != NULL, KESSAN_SERIES_CHECK_CASH_BEGINNING);

  return check->kind;
}

/**
 * kessan_series_check_get_status:
 * @check: a check
 *
 * Returns: whether the two figures agree, differ, or the balance sheet is
 *   not in the set
 */
KessanSeriesCheckStatus
kessan_series_check_get_status (const KessanSeriesCheck *check)
{
  g_return_val_if_fail (check != NULL, KESSAN_SERIES_CHECK_MISSING);

  return check->status;
}

/**
 * kessan_series_check_get_date:
 * @check: a check
 *
 * Returns: the balance sheet date compared, an ISO date
 */
const char *
kessan_series_check_get_date (const KessanSeriesCheck *check)
{
  g_return_val_if_fail (check != NULL, NULL);

  return check->date;
}

/**
 * kessan_series_check_get_cashflow_point:
 * @check: a check
 *
 * Returns: (transfer none): the cash at the beginning or end of a period
 */
const KessanSeriesPoint *
kessan_series_check_get_cashflow_point (const KessanSeriesCheck *check)
{
  g_return_val_if_fail (check != NULL, NULL);

  return check->cashflow;
}

/**
 * kessan_series_check_get_balance_point:
 * @check: a check
 *
 * Returns: (transfer none) (nullable): the balance sheet cash, %NULL when
 *   no release in the set prints it
 */
const KessanSeriesPoint *
kessan_series_check_get_balance_point (const KessanSeriesCheck *check)
{
  g_return_val_if_fail (check != NULL, NULL);

  return check->balance;
}
