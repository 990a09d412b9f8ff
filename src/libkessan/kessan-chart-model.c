/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kessan-chart-model.h"
#include "kessan-concepts.h"
#include "kessan-filing.h"
#include "kessan-format.h"
#include "kessan-line-item.h"
#include "kessan-period.h"

/* The data of a chart: series of values over a row of periods, and the
 * arithmetic every kind of chart needs (ticks, scales, stacks, bridges),
 * kept apart from the drawing so that it can be tested without a
 * display.  Amounts are kept in millions of yen, the unit of the axis. */

struct _KessanChartModel
{
  GObject       parent_instance;

  GArray       *periods;  /* KessanChartPeriod */
  GPtrArray    *series;   /* Series, owned */
  GHashTable   *by_key;   /* key (borrowed) → index + 1 of its first series */
  GStringChunk *strings;  /* the release names */
  gboolean      labels_only;  /* a catalogue: series without values */
  const char   *currency;     /* what its amounts are in (interned), or NULL */
  KessanCalendar calendar;    /* the company's, which names the periods */
};

typedef struct
{
  KessanChartSeriesInfo  info;
  GArray                *values;  /* KessanChartValue, one per period */
} Series;

G_DEFINE_FINAL_TYPE (KessanChartModel, kessan_chart_model, G_TYPE_OBJECT)

static const KessanChartValue missing_value = { NAN, NAN, 0, 1, 0, NULL, NULL };

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->info.key);
  g_free (series->info.label_en);
  g_free (series->info.label_ja);
  g_array_unref (series->values);
  g_free (series);
}

static void
period_clear (gpointer data)
{
  KessanChartPeriod *period = data;

  g_free (period->period_end);
}

static void
kessan_chart_model_finalize (GObject *object)
{
  KessanChartModel *self = KESSAN_CHART_MODEL (object);

  g_hash_table_unref (self->by_key);
  g_ptr_array_unref (self->series);
  g_array_unref (self->periods);
  g_string_chunk_free (self->strings);

  G_OBJECT_CLASS (kessan_chart_model_parent_class)->finalize (object);
}

static void
kessan_chart_model_class_init (KessanChartModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kessan_chart_model_finalize;
}

static void
kessan_chart_model_init (KessanChartModel *self)
{
  self->periods = g_array_new (FALSE, TRUE, sizeof (KessanChartPeriod));
  g_array_set_clear_func (self->periods, period_clear);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->strings = g_string_chunk_new (256);
}

/**
 * kessan_chart_model_new:
 *
 * Returns: (transfer full): an empty chart model: add periods first,
 *   then series, then their values
 */
KessanChartModel *
kessan_chart_model_new (void)
{
  return g_object_new (KESSAN_TYPE_CHART_MODEL, NULL);
}

/**
 * kessan_chart_model_slice:
 * @self: a #KessanChartModel
 * @first_period: the first period to keep
 * @n_periods: how many to keep
 *
 * Returns: (transfer full): a model of the same series over @n_periods
 *   periods from @first_period
 */
KessanChartModel *
kessan_chart_model_slice (KessanChartModel *self,
                          guint             first_period,
                          guint             n_periods)
{
  KessanChartModel *slice;

  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), NULL);
  g_return_val_if_fail (!self->labels_only, NULL);

  first_period = MIN (first_period, self->periods->len);
  n_periods = MIN (n_periods, self->periods->len - first_period);
  slice = kessan_chart_model_new ();
  kessan_chart_model_set_reporting (slice, self->currency, &self->calendar);
  for (guint p = first_period; p < first_period + n_periods; p++)
    {
      const KessanChartPeriod *period = kessan_chart_model_get_period (self, p);

      kessan_chart_model_add_period (slice, period->period_end, period->months);
    }
  for (guint s = 0; s < self->series->len; s++)
    {
      const KessanChartSeriesInfo *info = kessan_chart_model_get_series (self, s);

      kessan_chart_model_add_series (slice, info->key, info->label_en, info->label_ja, info->unit);
      kessan_chart_model_set_sign (slice, s, info->sign);
      for (guint p = 0; p < n_periods; p++)
        kessan_chart_model_set_value (slice, s, p, kessan_chart_model_get_value (self, s, first_period + p));
    }
  return slice;
}

/**
 * kessan_chart_model_add_period:
 * @self: a #KessanChartModel
 * @period_end: the ISO date the period ends on
 * @months: its length, 0 for a point in time
 *
 * Periods come oldest first.
 *
 * Returns: the index of the period
 */
guint
kessan_chart_model_add_period (KessanChartModel *self,
                               const char       *period_end,
                               guint             months)
{
  KessanChartPeriod period = { g_strdup (period_end), months };

  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), 0);
  g_return_val_if_fail (period_end != NULL, 0);

  g_array_append_val (self->periods, period);
  for (guint s = 0; s < self->series->len && !self->labels_only; s++)
    g_array_append_val (((Series *) g_ptr_array_index (self->series, s))->values, missing_value);
  return self->periods->len - 1;
}

/**
 * kessan_chart_model_add_series:
 * @self: a #KessanChartModel
 * @key: the concept
 * @label_en: (nullable): its English label
 * @label_ja: (nullable): its Japanese label
 * @unit: the unit of its values
 *
 * Returns: the index of the new series, whose values are all missing
 */
guint
kessan_chart_model_add_series (KessanChartModel *self,
                               const char       *key,
                               const char       *label_en,
                               const char       *label_ja,
                               KessanUnit        unit)
{
  Series *series;

  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  series = g_new0 (Series, 1);
  series->info.key = g_strdup (key);
  series->info.label_en = g_strdup (label_en);
  series->info.label_ja = g_strdup (label_ja);
  series->info.unit = unit;
  series->info.sign = 1;
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (KessanChartValue), self->labels_only ? 0 : self->periods->len);
  for (guint p = 0; p < self->periods->len && !self->labels_only; p++)
    g_array_append_val (series->values, missing_value);
  g_ptr_array_add (self->series, series);
  if (!g_hash_table_contains (self->by_key, series->info.key))
    g_hash_table_insert (self->by_key, series->info.key, GUINT_TO_POINTER (self->series->len));
  return self->series->len - 1;
}

/**
 * kessan_chart_model_set_value:
 * @self: a #KessanChartModel
 * @series: a series
 * @period: a period
 * @value: the value; its release names are copied
 */
void
kessan_chart_model_set_value (KessanChartModel       *self,
                              guint                   series,
                              guint                   period,
                              const KessanChartValue *value)
{
  KessanChartValue *slot;

  g_return_if_fail (KESSAN_IS_CHART_MODEL (self));
  g_return_if_fail (!self->labels_only);
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (period < self->periods->len);
  g_return_if_fail (value != NULL);

  slot = &g_array_index (((Series *) g_ptr_array_index (self->series, series))->values, KessanChartValue, period);
  *slot = *value;
  if (value->release != NULL)
    slot->release = g_string_chunk_insert_const (self->strings, value->release);
  if (value->first_release != NULL)
    slot->first_release = g_string_chunk_insert_const (self->strings, value->first_release);
  else
    slot->first_release = slot->release;
  if (isnan (slot->first))
    slot->first = slot->latest;
}

/**
 * kessan_chart_model_set_sign:
 * @self: a #KessanChartModel
 * @series: a series
 * @sign: 1 when the series adds to the total of a bridge, −1 when it is
 *   taken from it (a cost)
 */
void
kessan_chart_model_set_sign (KessanChartModel *self,
                             guint             series,
                             int               sign)
{
  g_return_if_fail (KESSAN_IS_CHART_MODEL (self));
  g_return_if_fail (series < self->series->len);

  ((Series *) g_ptr_array_index (self->series, series))->info.sign = sign < 0 ? -1 : 1;
}

guint
kessan_chart_model_get_n_periods (KessanChartModel *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), 0);

  return self->periods->len;
}

const KessanChartPeriod *
kessan_chart_model_get_period (KessanChartModel *self,
                               guint             period)
{
  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), NULL);
  g_return_val_if_fail (period < self->periods->len, NULL);

  return &g_array_index (self->periods, KessanChartPeriod, period);
}

guint
kessan_chart_model_get_n_series (KessanChartModel *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), 0);

  return self->series->len;
}

const KessanChartSeriesInfo *
kessan_chart_model_get_series (KessanChartModel *self,
                               guint             series)
{
  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return &((Series *) g_ptr_array_index (self->series, series))->info;
}

/**
 * kessan_chart_model_find_series:
 * @self: a #KessanChartModel
 * @key: a concept
 *
 * Returns: the index of the series of @key, or −1
 */
int
kessan_chart_model_find_series (KessanChartModel *self,
                                const char       *key)
{
  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), -1);

  /* A catalogue of a library holds a series for each of its concepts,
   * which may be a million. */
  return key != NULL ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->by_key, key)) - 1 : -1;
}

const KessanChartValue *
kessan_chart_model_get_value (KessanChartModel *self,
                              guint             series,
                              guint             period)
{
  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), NULL);
  g_return_val_if_fail (!self->labels_only, NULL);
  g_return_val_if_fail (series < self->series->len, NULL);
  g_return_val_if_fail (period < self->periods->len, NULL);

  return &g_array_index (((Series *) g_ptr_array_index (self->series, series))->values, KessanChartValue, period);
}

/**
 * kessan_chart_model_get_shown:
 * @self: a #KessanChartModel
 * @series: a series
 * @period: a period
 * @values: which figure of a restated value
 *
 * Returns: the value a chart plots, NAN where there is none
 */
double
kessan_chart_model_get_shown (KessanChartModel  *self,
                              guint              series,
                              guint              period,
                              KessanChartValues  values)
{
  const KessanChartValue *value = kessan_chart_model_get_value (self, series, period);

  if (value == NULL || !(value->flags & KESSAN_CHART_POINT_PRESENT))
    return NAN;
  return values == KESSAN_CHART_VALUES_FIRST_PUBLISHED ? value->first : value->latest;
}

/**
 * kessan_chart_model_has_restated:
 * @self: a #KessanChartModel
 *
 * Returns: whether a value of the chart was restated, so that showing
 *   the figures as first published makes a difference
 */
gboolean
kessan_chart_model_has_restated (KessanChartModel *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), FALSE);
  g_return_val_if_fail (!self->labels_only, FALSE);

  for (guint s = 0; s < self->series->len; s++)
    for (guint p = 0; p < self->periods->len; p++)
      if (kessan_chart_model_get_value (self, s, p)->flags & KESSAN_CHART_POINT_RESTATED)
        return TRUE;
  return FALSE;
}

/**
 * kessan_chart_model_has_mixed_units:
 * @self: a #KessanChartModel
 *
 * Returns: whether the series are not all in one unit, and so cannot
 *   share one axis
 */
gboolean
kessan_chart_model_has_mixed_units (KessanChartModel *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), FALSE);

  for (guint s = 1; s < self->series->len; s++)
    if (kessan_chart_model_get_series (self, s)->unit != kessan_chart_model_get_series (self, 0)->unit)
      return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * kessan_chart_model_get_releases:
 * @self: a #KessanChartModel
 *
 * Returns: (transfer full): the names of the releases behind the values,
 *   sorted, for the source line of an exported chart
 */
char **
kessan_chart_model_get_releases (KessanChartModel *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), NULL);
  g_return_val_if_fail (!self->labels_only, NULL);

  for (guint s = 0; s < self->series->len; s++)
    for (guint p = 0; p < self->periods->len; p++)
      {
        const KessanChartValue *value = kessan_chart_model_get_value (self, s, p);
        const char *releases[] = { value->release, value->first_release };

        for (guint r = 0; r < G_N_ELEMENTS (releases); r++)
          if (releases[r] != NULL && g_hash_table_add (seen, (gpointer) releases[r]))
            g_ptr_array_add (names, g_strdup (releases[r]));
      }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/**
 * kessan_chart_model_get_label:
 * @self: a #KessanChartModel
 * @series: a series
 * @japanese: whether Japanese comes first
 * @both: whether to give both languages
 *
 * Returns: (transfer full): the label of @series in the language asked
 *   for, else in the other one
 */
char *
kessan_chart_model_get_label (KessanChartModel *self,
                              guint             series,
                              gboolean          japanese,
                              gboolean          both)
{
  const KessanChartSeriesInfo *info = kessan_chart_model_get_series (self, series);
  const char *first, *second;

  g_return_val_if_fail (info != NULL, NULL);

  first = japanese ? info->label_ja : info->label_en;
  second = japanese ? info->label_en : info->label_ja;
  if (first == NULL)
    return g_strdup (second != NULL ? second : info->key);
  if (both && second != NULL && strcmp (first, second) != 0)
    /* TRANSLATORS: a line item labelled in both languages */
    return g_strdup_printf (_("%s / %s"), first, second);
  return g_strdup (first);
}

/* Extents */

static void
widen (double *min,
       double *max,
       double  value)
{
  if (isnan (value))
    return;
  *min = MIN (*min, value);
  *max = MAX (*max, value);
}

/**
 * kessan_chart_model_stack:
 * @self: a #KessanChartModel
 * @period: a period
 * @values: which figure of a restated value
 * @bottoms: (out caller-allocates) (array): the base of each series' bar
 * @tops: (out caller-allocates) (array): its end
 *
 * Stacks the values of @period as bars: positive values upwards from
 * zero, negative values downwards from zero, each series on the ones
 * before it of its sign.  A missing value has NAN for both.
 */
void
kessan_chart_model_stack (KessanChartModel  *self,
                          guint              period,
                          KessanChartValues  values,
                          double            *bottoms,
                          double            *tops)
{
  double positive = 0, negative = 0;

  g_return_if_fail (KESSAN_IS_CHART_MODEL (self));
  g_return_if_fail (!self->labels_only);
  g_return_if_fail (period < self->periods->len);

  for (guint s = 0; s < self->series->len; s++)
    {
      double value = kessan_chart_model_get_shown (self, s, period, values);

      if (isnan (value))
        {
          bottoms[s] = tops[s] = NAN;
        }
      else if (value >= 0)
        {
          bottoms[s] = positive;
          positive += value;
          tops[s] = positive;
        }
      else
        {
          bottoms[s] = negative;
          negative += value;
          tops[s] = negative;
        }
    }
}

/**
 * kessan_chart_model_get_extent:
 * @self: a #KessanChartModel
 * @kind: how the values are drawn
 * @values: which figure of a restated value
 * @min: (out): the lowest value drawn
 * @max: (out): the highest value drawn
 *
 * Bars always reach zero, so their extent includes it; lines include it
 * only when their values cross it.  Both are 0 when there is no value.
 */
void
kessan_chart_model_get_extent (KessanChartModel  *self,
                               KessanChartKind    kind,
                               KessanChartValues  values,
                               double            *min,
                               double            *max)
{
  double lo = INFINITY, hi = -INFINITY;

  g_return_if_fail (KESSAN_IS_CHART_MODEL (self));
  g_return_if_fail (!self->labels_only);

  if (kind == KESSAN_CHART_STACKED_BARS)
    {
      g_autofree double *bottoms = g_new (double, MAX (self->series->len, 1));
      g_autofree double *tops = g_new (double, MAX (self->series->len, 1));

      for (guint p = 0; p < self->periods->len; p++)
        {
          kessan_chart_model_stack (self, p, values, bottoms, tops);
          for (guint s = 0; s < self->series->len; s++)
            widen (&lo, &hi, tops[s]);
        }
    }
  else
    {
      for (guint s = 0; s < self->series->len; s++)
        for (guint p = 0; p < self->periods->len; p++)
          {
            const KessanChartValue *value = kessan_chart_model_get_value (self, s, p);

            if (!(value->flags & KESSAN_CHART_POINT_PRESENT))
              continue;
            widen (&lo, &hi, values == KESSAN_CHART_VALUES_FIRST_PUBLISHED ? value->first : value->latest);
            if (values == KESSAN_CHART_VALUES_COMPARE)
              widen (&lo, &hi, value->first);
          }
    }

  if (lo > hi)
    lo = hi = 0;
  if (kind != KESSAN_CHART_LINE && kind != KESSAN_CHART_SMALL_MULTIPLES)
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }
  *min = lo;
  *max = hi;
}

/**
 * kessan_chart_model_bridge:
 * @self: a #KessanChartModel
 * @from_period: the period the bridge starts from
 * @to_period: the period it ends at
 * @values: which figure of a restated value
 *
 * The steps from the total (the first series) of one period to that of
 * another: the total at @from_period, then the change of each other
 * series that changed, in their order and with their sign (a cost that
 * grew lowers the total), then, when the components do not account for
 * the whole change, a step of what they leave, and the total at
 * @to_period.  The changes add up to the difference of the totals.
 *
 * Returns: (transfer full) (nullable): #KessanChartBridgeStep, or %NULL
 *   when the total is missing at either period
 */
GArray *
kessan_chart_model_bridge (KessanChartModel  *self,
                           guint              from_period,
                           guint              to_period,
                           KessanChartValues  values)
{
  g_autoptr(GArray) steps = NULL;
  KessanChartBridgeStep step;
  const KessanChartValue *end_value;
  double start, end, level, tolerance;

  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), NULL);
  g_return_val_if_fail (!self->labels_only, NULL);
  g_return_val_if_fail (from_period < self->periods->len && to_period < self->periods->len, NULL);

  if (self->series->len == 0)
    return NULL;
  start = kessan_chart_model_get_shown (self, 0, from_period, values);
  end = kessan_chart_model_get_shown (self, 0, to_period, values);
  if (isnan (start) || isnan (end))
    return NULL;

  /* Half the last printed digit of the total: rounding in the releases
   * is no change of its own. */
  end_value = kessan_chart_model_get_value (self, 0, to_period);
  tolerance = 0.5 * MAX (end_value->scale, 1) / kessan_chart_unit_divisor (kessan_chart_model_get_series (self, 0)->unit)
              * pow (10, -(double) end_value->decimals);

  steps = g_array_new (FALSE, FALSE, sizeof (KessanChartBridgeStep));
  step = (KessanChartBridgeStep) { KESSAN_CHART_STEP_START, 0, 0, start };
  g_array_append_val (steps, step);

  level = start;
  for (guint s = 1; s < self->series->len; s++)
    {
      double a = kessan_chart_model_get_shown (self, s, from_period, values);
      double b = kessan_chart_model_get_shown (self, s, to_period, values);
      double change;

      if (isnan (a) && isnan (b))
        continue;
      /* A line printed in one period only went from or to nothing. */
      change = kessan_chart_model_get_series (self, s)->sign * ((isnan (b) ? 0 : b) - (isnan (a) ? 0 : a));
      if (change == 0)
        continue;
      step = (KessanChartBridgeStep) { KESSAN_CHART_STEP_DELTA, (int) s, level, level + change };
      g_array_append_val (steps, step);
      level += change;
    }

  if (fabs (end - level) > tolerance)
    {
      step = (KessanChartBridgeStep) { KESSAN_CHART_STEP_DELTA, -1, level, end };
      g_array_append_val (steps, step);
    }

  step = (KessanChartBridgeStep) { KESSAN_CHART_STEP_END, 0, 0, end };
  g_array_append_val (steps, step);
  return g_steal_pointer (&steps);
}

/* Ticks and scales */

/**
 * kessan_chart_ticks:
 * @min: the lowest value to show
 * @max: the highest value to show
 * @max_ticks: at most this many ticks (at least 2)
 * @ticks: (out caller-allocates): the ticks
 *
 * Ticks on steps of 1, 2 or 5 times a power of ten, from a multiple of
 * the step at or below @min to one at or above @max.  Zero is a
 * multiple of every step, so it is a tick whenever the values cross it.
 */
void
kessan_chart_ticks (double            min,
                    double            max,
                    guint             max_ticks,
                    KessanChartTicks *ticks)
{
  static const double multiples[] = { 1, 2, 5, 10, 20, 50 };
  double raw, magnitude;

  g_return_if_fail (ticks != NULL);

  max_ticks = MAX (max_ticks, 2);
  if (!isfinite (min) || !isfinite (max))
    min = max = 0;
  if (min > max)
    {
      double swap = min;

      min = max;
      max = swap;
    }
  if (max - min < 1e-12 * MAX (fabs (min), fabs (max)) || max == min)
    {
      /* One value: a range around it, from zero when it is positive. */
      double pad = min == 0 ? 1 : fabs (min) * 0.5;

      if (min >= 0)
        max += pad, min = MAX (min - pad, 0);
      else
        min -= pad, max = MIN (max + pad, 0);
      if (min == max)
        max = min + 1;
    }

  raw = (max - min) / (max_ticks - 1);
  magnitude = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
    {
      double step = multiples[i] * magnitude;
      /* Snap away the rounding of a division that should be exact. */
      double first = floor (min / step + 1e-9) * step;
      double last = ceil (max / step - 1e-9) * step;
      guint n = (guint) llround ((last - first) / step) + 1;

      if (n <= max_ticks || i == G_N_ELEMENTS (multiples) - 1)
        {
          ticks->min = first == 0 ? 0 : first;
          ticks->max = last == 0 ? 0 : last;
          ticks->step = step;
          ticks->n = n;
          return;
        }
    }
}

/**
 * kessan_chart_ticks_decimals:
 * @ticks: ticks
 *
 * Returns: the decimals the labels of @ticks need (1 for a step of 0.5)
 */
guint
kessan_chart_ticks_decimals (const KessanChartTicks *ticks)
{
  double exponent;

  g_return_val_if_fail (ticks != NULL, 0);

  exponent = floor (log10 (ticks->step) + 1e-9);
  return exponent >= 0 ? 0 : (guint) -exponent;
}

/**
 * kessan_chart_scale_map:
 * @scale: a scale
 * @value: a value
 *
 * Returns: the pixel of @value
 */
double
kessan_chart_scale_map (const KessanChartScale *scale,
                        double                  value)
{
  double span = scale->value_max - scale->value_min;

  if (span == 0)
    return scale->pixel_min;
  return scale->pixel_min + (value - scale->value_min) / span * (scale->pixel_max - scale->pixel_min);
}

/**
 * kessan_chart_scale_unmap:
 * @scale: a scale
 * @pixel: a pixel
 *
 * Returns: the value at @pixel
 */
double
kessan_chart_scale_unmap (const KessanChartScale *scale,
                          double                  pixel)
{
  double span = scale->pixel_max - scale->pixel_min;

  if (span == 0)
    return scale->value_min;
  return scale->value_min + (pixel - scale->pixel_min) / span * (scale->value_max - scale->value_min);
}

/* Units */

/**
 * kessan_chart_unit_divisor:
 * @unit: a unit
 *
 * Returns: what a value in @unit is divided by for a chart: a million
 *   for yen, 1 for the rest
 */
double
kessan_chart_unit_divisor (KessanUnit unit)
{
  return unit == KESSAN_UNIT_CURRENCY ? 1e6 : 1;
}

/**
 * kessan_chart_dup_unit_caption:
 * @unit: a unit
 * @currency_code: (nullable): the currency of amounts, or %NULL when
 *   not known
 *
 * Returns: (transfer full): the caption of an axis in @unit: "JPY
 *   millions", "USD millions", "USD per share", "%"
 */
char *
kessan_chart_dup_unit_caption (KessanUnit  unit,
                               const char *currency_code)
{
  switch (unit)
    {
    case KESSAN_UNIT_CURRENCY:
      return kessan_format_currency_unit (1000000, currency_code, NULL);
    case KESSAN_UNIT_PERCENT:
      return g_strdup ("%");
    case KESSAN_UNIT_GBPS:
      return g_strdup (_("Gbps"));
    case KESSAN_UNIT_COUNT:
      /* TRANSLATORS: the unit of a number of contracts or users */
      return g_strdup (_("count"));
    case KESSAN_UNIT_PER_SHARE:
      if (currency_code == NULL)
        return g_strdup (_("per share"));
      if (strcmp (currency_code, "JPY") == 0)
        return g_strdup (_("JPY per share"));
      /* TRANSLATORS: the unit of earnings per share: "USD per share" */
      return g_strdup_printf (_("%s per share"), currency_code);
    case KESSAN_UNIT_SHARES:
      return g_strdup (_("shares"));
    case KESSAN_UNIT_NONE:
    default:
      return g_strdup ("");
    }
}

/**
 * kessan_chart_model_dup_unit_caption:
 * @self: a #KessanChartModel
 * @unit: a unit of its series
 *
 * Returns: (transfer full): the caption of an axis in @unit, in the
 *   currency the model's amounts are in
 */
char *
kessan_chart_model_dup_unit_caption (KessanChartModel *self,
                                     KessanUnit        unit)
{
  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), NULL);

  return kessan_chart_dup_unit_caption (unit, self->currency);
}

/**
 * kessan_chart_model_set_reporting:
 * @self: a #KessanChartModel
 * @currency_code: (nullable): the currency of its amounts
 * @calendar: (nullable): the calendar that names its periods
 *
 * Says what a model built by hand reports in; a model built from series
 * takes the company's.
 */
void
kessan_chart_model_set_reporting (KessanChartModel     *self,
                                  const char           *currency_code,
                                  const KessanCalendar *calendar)
{
  static const KessanCalendar unknown = KESSAN_CALENDAR_INIT;

  g_return_if_fail (KESSAN_IS_CHART_MODEL (self));

  self->currency = g_intern_string (currency_code);
  self->calendar = calendar != NULL ? *calendar : unknown;
}

/**
 * kessan_chart_model_get_currency_code:
 * @self: a #KessanChartModel
 *
 * Returns: (nullable): the currency its amounts are in
 */
const char *
kessan_chart_model_get_currency_code (KessanChartModel *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), NULL);

  return self->currency;
}

/**
 * kessan_chart_model_get_calendar:
 * @self: a #KessanChartModel
 *
 * Returns: (transfer none): the calendar that names its periods
 */
const KessanCalendar *
kessan_chart_model_get_calendar (KessanChartModel *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_MODEL (self), NULL);

  return &self->calendar;
}

/* Building from series */

/* The release of a point: the latest that printed it, or for a derived
 * point the release of its first input. */
static const char *
release_of (const KessanSeriesPoint       *point,
            const KessanSeriesObservation *observation)
{
  for (guint depth = 0; observation == NULL && point != NULL && depth < 4; depth++)
    {
      if (kessan_series_point_get_n_inputs (point) == 0)
        return NULL;
      point = kessan_series_point_get_input (point, 0);
      observation = kessan_series_point_get_latest (point);
    }
  if (observation == NULL || kessan_series_observation_get_filing (observation) == NULL)
    return NULL;
  return kessan_filing_get_source_name (kessan_series_observation_get_filing (observation));
}

/* Whether a point belongs on an axis of periods of @months: flows of that
 * length, and balances at their ends (for years, at a fiscal year end). */
static gboolean
point_fits (const KessanSeriesPoint *point,
            guint                    months)
{
  guint point_months = kessan_series_point_get_months (point);
  GDate end;

  if (point_months == months)
    return TRUE;
  if (point_months != 0)
    return FALSE;
  if (months != 12)
    return TRUE;
  /* The fiscal year ends on March 31 (kessan-period.c). */
  return kessan_date_from_iso (kessan_series_point_get_period_end (point), &end)
         && g_date_get_month (&end) == 3;
}

static void
add_months (GDate *date,
            guint  months)
{
  g_date_set_day (date, 1);
  g_date_add_months (date, months);
  g_date_set_day (date, g_date_get_days_in_month (g_date_get_month (date), g_date_get_year (date)));
}

static KessanChartModel *
new_from_series (KessanSeriesSet    *set,
                 const char * const *concepts,
                 guint               months,
                 gboolean            labels_only)
{
  g_autoptr(KessanChartModel) self = kessan_chart_model_new ();
  g_autoptr(GPtrArray) fitting = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) period_index = g_hash_table_new (g_str_hash, g_str_equal);
  const char *first = NULL, *last = NULL;

  self->labels_only = labels_only;
  self->currency = kessan_series_set_get_currency_code (set);
  kessan_series_set_get_calendar (set, &self->calendar);
  for (guint c = 0; concepts[c] != NULL; c++)
    {
      g_autoptr(GPtrArray) points = kessan_series_set_get_points (set, concepts[c]);
      GPtrArray *kept = g_ptr_array_new ();

      for (guint i = 0; points != NULL && i < points->len; i++)
        {
          const KessanSeriesPoint *point = g_ptr_array_index (points, i);
          const char *end = kessan_series_point_get_period_end (point);

          if (!point_fits (point, months))
            continue;
          g_ptr_array_add (kept, (gpointer) point);
          if (first == NULL || strcmp (end, first) < 0)
            first = end;
          if (last == NULL || strcmp (end, last) > 0)
            last = end;
        }
      if (kept->len == 0)
        {
          g_ptr_array_unref (kept);
          continue;
        }
      g_ptr_array_add (fitting, kept);
      g_ptr_array_add (keys, (gpointer) concepts[c]);
    }

  if (first != NULL)
    {
      GDate date, stop;

      kessan_date_from_iso (first, &date);
      kessan_date_from_iso (last, &stop);
      while (g_date_compare (&date, &stop) <= 0)
        {
          g_autofree char *iso = kessan_date_to_iso (&date);
          guint index = kessan_chart_model_add_period (self, iso, months);

          g_hash_table_insert (period_index, kessan_chart_model_get_period (self, index)->period_end, GUINT_TO_POINTER (index + 1));
          add_months (&date, months);
        }
    }

  for (guint c = 0; c < keys->len; c++)
    {
      GPtrArray *points = g_ptr_array_index (fitting, c);
      g_autofree char *label_en = NULL;
      g_autofree char *label_ja = NULL;
      KessanUnit unit = kessan_series_point_get_unit (g_ptr_array_index (points, 0));
      double divisor = kessan_chart_unit_divisor (unit);
      guint series;

      kessan_series_dup_labels (g_ptr_array_index (keys, c), points, &label_en, &label_ja);
      series = kessan_chart_model_add_series (self, g_ptr_array_index (keys, c), label_en, label_ja, unit);
      if (labels_only)
        continue;

      for (guint i = 0; i < points->len; i++)
        {
          const KessanSeriesPoint *point = g_ptr_array_index (points, i);
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (period_index, kessan_series_point_get_period_end (point)));
          const KessanSeriesObservation *first_published = kessan_series_point_get_first_published (point);
          KessanChartValue value = { 0, };

          /* A period off the axis (a balance in the middle of a year). */
          if (index == 0)
            continue;
          /* A flow and a balance of one concept at one date: the flow
           * belongs to the axis. */
          if (kessan_series_point_get_months (point) == 0
              && (kessan_chart_model_get_value (self, series, index - 1)->flags & KESSAN_CHART_POINT_PRESENT))
            continue;
          value.latest = kessan_series_point_get_value (point) / divisor;
          value.first = first_published != NULL ? kessan_series_observation_get_value (first_published) / divisor : value.latest;
          value.flags = KESSAN_CHART_POINT_PRESENT;
          if (kessan_series_point_get_restated (point))
            value.flags |= KESSAN_CHART_POINT_RESTATED;
          if (kessan_series_point_get_derived (point))
            value.flags |= KESSAN_CHART_POINT_DERIVED;
          value.scale = kessan_series_point_get_scale (point);
          value.decimals = kessan_series_point_get_decimals (point);
          value.release = release_of (point, kessan_series_point_get_latest (point));
          value.first_release = first_published != NULL ? release_of (point, first_published) : value.release;
          kessan_chart_model_set_value (self, series, index - 1, &value);
        }
    }

  return g_steal_pointer (&self);
}

/**
 * kessan_chart_model_new_from_series:
 * @set: the series of a library
 * @concepts: (array zero-terminated=1): the concepts to chart, in order
 * @months: 3 for quarters (with the balances at their ends), 12 for
 *   fiscal years
 *
 * The periods run without a hole from the first to the last one any of
 * @concepts has a value for: a period no release covers is a gap, not a
 * zero.  A concept with no value at all is left out.
 *
 * Returns: (transfer full): a chart model of @concepts
 */
KessanChartModel *
kessan_chart_model_new_from_series (KessanSeriesSet    *set,
                                    const char * const *concepts,
                                    guint               months)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (set), NULL);
  g_return_val_if_fail (concepts != NULL, NULL);

  return new_from_series (set, concepts, months, FALSE);
}

/**
 * kessan_chart_model_new_catalogue:
 * @set: the series of a library
 * @concepts: (array zero-terminated=1): the concepts, in order
 * @months: 3 for quarters, 12 for fiscal years
 *
 * What kessan_chart_model_new_from_series() makes of @concepts, without
 * their values: their labels, units and periods, to list and name every
 * concept of a library, which may hold a million.  Only the periods and
 * the series' information are to be read from it.
 *
 * Returns: (transfer full): a chart model of @concepts without values
 */
KessanChartModel *
kessan_chart_model_new_catalogue (KessanSeriesSet    *set,
                                  const char * const *concepts,
                                  guint               months)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (set), NULL);
  g_return_val_if_fail (concepts != NULL, NULL);

  return new_from_series (set, concepts, months, TRUE);
}
