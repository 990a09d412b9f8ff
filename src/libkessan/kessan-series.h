/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan-filing.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_SERIES_SET (kessan_series_set_get_type ())

G_DECLARE_FINAL_TYPE (KessanSeriesSet, kessan_series_set, KESSAN, SERIES_SET, GObject)

/* Points, observations and checks belong to their set: they stay valid
 * until the set is finalized or another filing is added to it. */
typedef struct _KessanSeriesPoint       KessanSeriesPoint;
typedef struct _KessanSeriesObservation KessanSeriesObservation;
typedef struct _KessanSeriesCheck       KessanSeriesCheck;

/* Keys of the derived series (see docs/series.md). */
#define KESSAN_SERIES_GROSS_MARGIN      "margin.gross"
#define KESSAN_SERIES_OPERATING_MARGIN  "margin.operating"
#define KESSAN_SERIES_EBITDA_MARGIN     "margin.ebitda"

/* The check id of the findings of the cross-release cash check. */
#define KESSAN_SERIES_CHECK_CASH        "cross-release-cash"

typedef enum
{
  KESSAN_SERIES_CHECK_CASH_BEGINNING,  /* cash at the beginning of a period = balance sheet the day before */
  KESSAN_SERIES_CHECK_CASH_END,        /* cash at the end of a period = balance sheet at its end */
} KessanSeriesCheckKind;

typedef enum
{
  KESSAN_SERIES_CHECK_MATCH,
  KESSAN_SERIES_CHECK_MISMATCH,
  KESSAN_SERIES_CHECK_MISSING,         /* no balance sheet for that date in the set */
} KessanSeriesCheckStatus;

/* A margin the set derives, with its labels, which the dictionary does
 * not have. */
typedef struct
{
  const char *key;
  const char *label_en;
  const char *label_ja;
} KessanSeriesMargin;

const KessanSeriesMargin *kessan_series_get_margins             (guint                    *n_margins);
void                      kessan_series_dup_labels              (const char               *concept,
                                                                 GPtrArray                *points,
                                                                 char                    **label_en,
                                                                 char                    **label_ja);

KessanSeriesSet          *kessan_series_set_new                 (void);
KessanCompany            *kessan_series_set_get_company         (KessanSeriesSet          *self);
const char               *kessan_series_set_get_currency_code   (KessanSeriesSet          *self);
void                      kessan_series_set_get_calendar        (KessanSeriesSet          *self,
                                                                 KessanCalendar           *calendar);
gboolean                  kessan_series_set_accepts             (KessanSeriesSet          *self,
                                                                 KessanFiling             *filing);
gboolean                  kessan_series_set_add_filing          (KessanSeriesSet          *self,
                                                                 KessanFiling             *filing);
void                      kessan_series_set_add_model           (KessanSeriesSet          *self,
                                                                 GListModel               *filings);
guint                     kessan_series_set_get_n_filings       (KessanSeriesSet          *self);
KessanFiling             *kessan_series_set_get_filing          (KessanSeriesSet          *self,
                                                                 guint                     index);
char                    **kessan_series_set_get_concepts        (KessanSeriesSet          *self);
GPtrArray                *kessan_series_set_get_points          (KessanSeriesSet          *self,
                                                                 const char               *concept);
const KessanSeriesPoint  *kessan_series_set_lookup              (KessanSeriesSet          *self,
                                                                 const char               *concept,
                                                                 const char               *period_end,
                                                                 guint                     months);
guint                     kessan_series_set_get_n_checks        (KessanSeriesSet          *self);
const KessanSeriesCheck  *kessan_series_set_get_check           (KessanSeriesSet          *self,
                                                                 guint                     index);
GListModel               *kessan_series_set_get_findings        (KessanSeriesSet          *self);
char                     *kessan_series_set_to_csv              (KessanSeriesSet          *self,
                                                                 const char * const       *concepts);
char                     *kessan_series_set_to_json             (KessanSeriesSet          *self,
                                                                 const char * const       *concepts);

const char               *kessan_series_point_get_concept       (const KessanSeriesPoint  *point);
const char               *kessan_series_point_get_period_end    (const KessanSeriesPoint  *point);
guint                     kessan_series_point_get_months        (const KessanSeriesPoint  *point);
/* KESSAN_UNIT_CURRENCY (yen), KESSAN_UNIT_COUNT, KESSAN_UNIT_GBPS or,
 * for margins and growth, KESSAN_UNIT_PERCENT. */
KessanUnit                kessan_series_point_get_unit          (const KessanSeriesPoint  *point);
/* In yen (not thousands), contracts, Gbps or percent. */
double                    kessan_series_point_get_value         (const KessanSeriesPoint  *point);
/* The scale the value was printed in (1000: thousands of yen). */
guint                     kessan_series_point_get_scale         (const KessanSeriesPoint  *point);
guint                     kessan_series_point_get_decimals      (const KessanSeriesPoint  *point);
gboolean                  kessan_series_point_get_derived       (const KessanSeriesPoint  *point);
gboolean                  kessan_series_point_get_restated      (const KessanSeriesPoint  *point);
gboolean                  kessan_series_point_get_inconsistent  (const KessanSeriesPoint  *point);
guint                     kessan_series_point_get_n_observations (const KessanSeriesPoint *point);
GPtrArray                *kessan_series_point_get_observations  (const KessanSeriesPoint  *point);
const KessanSeriesObservation *kessan_series_point_get_value_observation (const KessanSeriesPoint *point);
const KessanSeriesObservation *kessan_series_point_get_first_published   (const KessanSeriesPoint *point);
const KessanSeriesObservation *kessan_series_point_get_latest            (const KessanSeriesPoint *point);
const char               *kessan_series_point_get_formula       (const KessanSeriesPoint  *point);
guint                     kessan_series_point_get_n_inputs      (const KessanSeriesPoint  *point);
const KessanSeriesPoint  *kessan_series_point_get_input         (const KessanSeriesPoint  *point,
                                                                 guint                     index);

KessanFiling             *kessan_series_observation_get_filing    (const KessanSeriesObservation *observation);
KessanStatement          *kessan_series_observation_get_statement (const KessanSeriesObservation *observation);
KessanLineItem           *kessan_series_observation_get_row       (const KessanSeriesObservation *observation);
guint                     kessan_series_observation_get_row_index (const KessanSeriesObservation *observation);
guint                     kessan_series_observation_get_column    (const KessanSeriesObservation *observation);
double                    kessan_series_observation_get_printed   (const KessanSeriesObservation *observation);
guint                     kessan_series_observation_get_decimals  (const KessanSeriesObservation *observation);
guint                     kessan_series_observation_get_scale     (const KessanSeriesObservation *observation);
double                    kessan_series_observation_get_value     (const KessanSeriesObservation *observation);
guint                     kessan_series_observation_get_line      (const KessanSeriesObservation *observation);

KessanSeriesCheckKind     kessan_series_check_get_kind          (const KessanSeriesCheck  *check);
KessanSeriesCheckStatus   kessan_series_check_get_status        (const KessanSeriesCheck  *check);
/* The balance sheet date compared (ISO). */
const char               *kessan_series_check_get_date          (const KessanSeriesCheck  *check);
const KessanSeriesPoint  *kessan_series_check_get_cashflow_point (const KessanSeriesCheck *check);
/* NULL when the status is KESSAN_SERIES_CHECK_MISSING. */
const KessanSeriesPoint  *kessan_series_check_get_balance_point (const KessanSeriesCheck  *check);

G_END_DECLS
