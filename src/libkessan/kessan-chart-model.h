/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kessan-series.h"
#include "kessan-types.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_CHART_MODEL (kessan_chart_model_get_type ())

G_DECLARE_FINAL_TYPE (KessanChartModel, kessan_chart_model, KESSAN, CHART_MODEL, GObject)

typedef enum
{
  KESSAN_CHART_LINE,
  KESSAN_CHART_GROUPED_BARS,
  KESSAN_CHART_STACKED_BARS,
  KESSAN_CHART_BRIDGE,
  KESSAN_CHART_SMALL_MULTIPLES,
  KESSAN_CHART_N_KINDS
} KessanChartKind;

/* Which figure of a restated value a chart shows. */
typedef enum
{
  KESSAN_CHART_VALUES_LATEST,
  KESSAN_CHART_VALUES_FIRST_PUBLISHED,
  KESSAN_CHART_VALUES_COMPARE,  /* the latest, with the first published beside it */
} KessanChartValues;

typedef enum
{
  KESSAN_CHART_POINT_PRESENT  = 1 << 0,
  KESSAN_CHART_POINT_RESTATED = 1 << 1,  /* a later release printed another figure */
  KESSAN_CHART_POINT_DERIVED  = 1 << 2,  /* computed from other series (margins) */
} KessanChartPointFlags;

/* One value of a series.  Amounts are in millions of yen, the unit of
 * the axis; counts, Gbps and percent as printed.  A missing value has no
 * KESSAN_CHART_POINT_PRESENT flag and NAN values. */
typedef struct
{
  double      latest;
  double      first;          /* as first published */
  guint       flags;          /* KessanChartPointFlags */
  guint       scale;          /* the scale it was printed in (1000: thousands) */
  guint       decimals;       /* the decimals it was printed with */
  const char *release;        /* the release of the latest figure (interned) */
  const char *first_release;  /* the release that first published it (interned) */
} KessanChartValue;

typedef struct
{
  char       *period_end;  /* ISO date */
  guint       months;      /* 3, 12, or 0 for a point in time */
} KessanChartPeriod;

/* The labels of a series in both languages; either may be NULL. */
typedef struct
{
  char       *key;
  char       *label_en;
  char       *label_ja;
  KessanUnit  unit;
  int         sign;        /* +1 or −1: how a bridge adds a component */
} KessanChartSeriesInfo;

typedef struct
{
  double min;   /* the first tick */
  double max;   /* the last tick */
  double step;  /* 1, 2 or 5 × 10ⁿ */
  guint  n;     /* the number of ticks, min and max included */
} KessanChartTicks;

/* A linear map of values onto pixels: @value_min lands on @pixel_min. */
typedef struct
{
  double value_min;
  double value_max;
  double pixel_min;
  double pixel_max;
} KessanChartScale;

typedef enum
{
  KESSAN_CHART_STEP_START,  /* the total at the first period */
  KESSAN_CHART_STEP_DELTA,  /* the change of one component */
  KESSAN_CHART_STEP_END,    /* the total at the second period */
} KessanChartStepKind;

/* A bar of a bridge: from @from to @to on the value axis. */
typedef struct
{
  KessanChartStepKind kind;
  int                 series;  /* the component, the total for START and END, −1 for what the components leave */
  double              from;
  double              to;
} KessanChartBridgeStep;

KessanChartModel            *kessan_chart_model_new              (void);
KessanChartModel            *kessan_chart_model_new_from_series  (KessanSeriesSet    *set,
                                                                  const char * const *concepts,
                                                                  guint               months);
KessanChartModel            *kessan_chart_model_new_catalogue    (KessanSeriesSet    *set,
                                                                  const char * const *concepts,
                                                                  guint               months);
KessanChartModel            *kessan_chart_model_slice            (KessanChartModel   *self,
                                                                  guint               first_period,
                                                                  guint               n_periods);
guint                        kessan_chart_model_add_period       (KessanChartModel   *self,
                                                                  const char         *period_end,
                                                                  guint               months);
guint                        kessan_chart_model_add_series       (KessanChartModel   *self,
                                                                  const char         *key,
                                                                  const char         *label_en,
                                                                  const char         *label_ja,
                                                                  KessanUnit          unit);
void                         kessan_chart_model_set_value        (KessanChartModel   *self,
                                                                  guint               series,
                                                                  guint               period,
                                                                  const KessanChartValue *value);
void                         kessan_chart_model_set_sign         (KessanChartModel   *self,
                                                                  guint               series,
                                                                  int                 sign);

guint                        kessan_chart_model_get_n_periods    (KessanChartModel   *self);
const KessanChartPeriod     *kessan_chart_model_get_period       (KessanChartModel   *self,
                                                                  guint               period);
guint                        kessan_chart_model_get_n_series     (KessanChartModel   *self);
const KessanChartSeriesInfo *kessan_chart_model_get_series       (KessanChartModel   *self,
                                                                  guint               series);
int                          kessan_chart_model_find_series      (KessanChartModel   *self,
                                                                  const char         *key);
const KessanChartValue      *kessan_chart_model_get_value        (KessanChartModel   *self,
                                                                  guint               series,
                                                                  guint               period);
double                       kessan_chart_model_get_shown        (KessanChartModel   *self,
                                                                  guint               series,
                                                                  guint               period,
                                                                  KessanChartValues   values);
gboolean                     kessan_chart_model_has_restated     (KessanChartModel   *self);
gboolean                     kessan_chart_model_has_mixed_units  (KessanChartModel   *self);
char                       **kessan_chart_model_get_releases     (KessanChartModel   *self);
char                        *kessan_chart_model_get_label        (KessanChartModel   *self,
                                                                  guint               series,
                                                                  gboolean            japanese,
                                                                  gboolean            both);

void                         kessan_chart_model_get_extent       (KessanChartModel   *self,
                                                                  KessanChartKind     kind,
                                                                  KessanChartValues   values,
                                                                  double             *min,
                                                                  double             *max);
void                         kessan_chart_model_stack            (KessanChartModel   *self,
                                                                  guint               period,
                                                                  KessanChartValues   values,
                                                                  double             *bottoms,
                                                                  double             *tops);
GArray                      *kessan_chart_model_bridge           (KessanChartModel   *self,
                                                                  guint               from_period,
                                                                  guint               to_period,
                                                                  KessanChartValues   values);

void                         kessan_chart_ticks                  (double              min,
                                                                  double              max,
                                                                  guint               max_ticks,
                                                                  KessanChartTicks   *ticks);
guint                        kessan_chart_ticks_decimals         (const KessanChartTicks *ticks);
double                       kessan_chart_scale_map              (const KessanChartScale *scale,
                                                                  double              value);
double                       kessan_chart_scale_unmap            (const KessanChartScale *scale,
                                                                  double              pixel);

char                        *kessan_chart_dup_unit_caption       (KessanUnit          unit,
                                                                  const char         *currency_code);
char                        *kessan_chart_model_dup_unit_caption (KessanChartModel   *self,
                                                                  KessanUnit          unit);
void                         kessan_chart_model_set_reporting    (KessanChartModel   *self,
                                                                  const char         *currency_code,
                                                                  const KessanCalendar *calendar);
const KessanCalendar        *kessan_chart_model_get_calendar     (KessanChartModel   *self);
const char                  *kessan_chart_model_get_currency_code (KessanChartModel  *self);
double                       kessan_chart_unit_divisor           (KessanUnit          unit);

G_END_DECLS
