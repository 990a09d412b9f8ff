/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kessan-types.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_COLUMN (kessan_column_get_type ())

G_DECLARE_FINAL_TYPE (KessanColumn, kessan_column, KESSAN, COLUMN, GObject)

KessanColumn   *kessan_column_new                (void);
/* The period end as an ISO date ("2003-09-30"), or NULL when unknown. */
const char     *kessan_column_get_period_end     (KessanColumn   *self);
void            kessan_column_set_period_end     (KessanColumn   *self,
                                                  const char     *iso_date);
/* 3, 6, 9 or 12; 0 for a point in time (balance sheet, counts). */
guint           kessan_column_get_months         (KessanColumn   *self);
void            kessan_column_set_months         (KessanColumn   *self,
                                                  guint           months);
KessanMeasure   kessan_column_get_measure        (KessanColumn   *self);
void            kessan_column_set_measure        (KessanColumn   *self,
                                                  KessanMeasure   measure);
KessanCurrency  kessan_column_get_currency       (KessanColumn   *self);
void            kessan_column_set_currency       (KessanColumn   *self,
                                                  KessanCurrency  currency);
const char     *kessan_column_get_currency_code  (KessanColumn   *self);
void            kessan_column_set_currency_code  (KessanColumn   *self,
                                                  const char     *code);
const char     *kessan_column_get_period_start   (KessanColumn   *self);
void            kessan_column_set_period_start   (KessanColumn   *self,
                                                  const char     *iso_date);
KessanScenario  kessan_column_get_scenario       (KessanColumn   *self);
void            kessan_column_set_scenario       (KessanColumn   *self,
                                                  KessanScenario  scenario);
KessanConsolidation kessan_column_get_consolidation (KessanColumn *self);
void            kessan_column_set_consolidation  (KessanColumn   *self,
                                                  KessanConsolidation consolidation);
const char * const *kessan_column_get_members    (KessanColumn   *self);
void            kessan_column_set_members        (KessanColumn   *self,
                                                  const char * const *members);
/* A power of ten: what one printed unit is worth. */
guint           kessan_column_get_scale          (KessanColumn   *self);
void            kessan_column_set_scale          (KessanColumn   *self,
                                                  guint           scale);
KessanUnit      kessan_column_get_unit           (KessanColumn   *self);
void            kessan_column_set_unit           (KessanColumn   *self,
                                                  KessanUnit      unit);
/* For a change column, the end of the earlier period it compares with. */
const char     *kessan_column_get_compared_end   (KessanColumn   *self);
void            kessan_column_set_compared_end   (KessanColumn   *self,
                                                  const char     *iso_date);
/* The header text as printed, joined from all header lines. */
const char     *kessan_column_get_header         (KessanColumn   *self);
void            kessan_column_set_header         (KessanColumn   *self,
                                                  const char     *header);

G_END_DECLS
