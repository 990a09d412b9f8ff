/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KESSAN_STATEMENT_KIND_INCOME,
  KESSAN_STATEMENT_KIND_BALANCE,
  KESSAN_STATEMENT_KIND_CASHFLOW,
  KESSAN_STATEMENT_KIND_KPI,
  KESSAN_STATEMENT_KIND_RECONCILIATION,
  KESSAN_STATEMENT_KIND_OTHER,
  KESSAN_STATEMENT_KIND_COMPREHENSIVE_INCOME,
  KESSAN_STATEMENT_KIND_EQUITY,
  KESSAN_STATEMENT_KIND_SEGMENT,
  KESSAN_STATEMENT_KIND_SUMMARY,
} KessanStatementKind;

#define KESSAN_STATEMENT_KIND_LAST KESSAN_STATEMENT_KIND_SUMMARY

typedef enum
{
  KESSAN_MEASURE_AMOUNT,
  KESSAN_MEASURE_PERCENT_OF_REVENUE,
  KESSAN_MEASURE_PERCENT_OF_TOTAL,
  KESSAN_MEASURE_CHANGE_YOY,
  KESSAN_MEASURE_CHANGE_QOQ,
  KESSAN_MEASURE_CHANGE,
} KessanMeasure;

typedef enum
{
  KESSAN_CURRENCY_NONE,
  KESSAN_CURRENCY_JPY,
  KESSAN_CURRENCY_USD,
  /* Any other ISO 4217 code: see kessan_column_get_currency_code(). */
  KESSAN_CURRENCY_OTHER,
} KessanCurrency;

/* Whether a column reports a result or a forecast: a reader must never
 * take a forecast for a result. */
typedef enum
{
  KESSAN_SCENARIO_ACTUAL,
  KESSAN_SCENARIO_FORECAST,
  KESSAN_SCENARIO_FORECAST_UPPER,
  KESSAN_SCENARIO_FORECAST_LOWER,
} KessanScenario;

typedef enum
{
  KESSAN_CONSOLIDATION_UNKNOWN,
  KESSAN_CONSOLIDATION_CONSOLIDATED,
  KESSAN_CONSOLIDATION_NON_CONSOLIDATED,
} KessanConsolidation;

typedef enum
{
  KESSAN_STANDARD_UNKNOWN,
  KESSAN_STANDARD_US_GAAP,
  KESSAN_STANDARD_IFRS,
  KESSAN_STANDARD_JGAAP,
} KessanAccountingStandard;

/* What one value counts.  A column has a unit; a row may override it
 * (per-share figures and share counts inside a statement in thousands). */
typedef enum
{
  KESSAN_UNIT_NONE,
  KESSAN_UNIT_CURRENCY,
  KESSAN_UNIT_PERCENT,
  KESSAN_UNIT_COUNT,
  KESSAN_UNIT_GBPS,
  KESSAN_UNIT_PER_SHARE,
  KESSAN_UNIT_SHARES,
} KessanUnit;

typedef enum
{
  KESSAN_SEVERITY_INFO,
  KESSAN_SEVERITY_WARNING,
  KESSAN_SEVERITY_ERROR,
} KessanSeverity;

/* Which label a row shows and exports carry: the one printed in the
 * release, the dictionary's English or Japanese one, or both. */
typedef enum
{
  KESSAN_LABELS_PRINTED,
  KESSAN_LABELS_ENGLISH,
  KESSAN_LABELS_JAPANESE,
  KESSAN_LABELS_BOTH,
} KessanLabelLanguage;

const char          *kessan_statement_kind_to_string (KessanStatementKind kind);
gboolean             kessan_statement_kind_from_string (const char          *str,
                                                        KessanStatementKind *kind);
const char          *kessan_measure_to_string        (KessanMeasure       measure);
gboolean             kessan_measure_from_string      (const char          *str,
                                                      KessanMeasure       *measure);
const char          *kessan_currency_to_string       (KessanCurrency      currency);
gboolean             kessan_currency_from_string     (const char          *str,
                                                      KessanCurrency      *currency);
const char          *kessan_unit_to_string           (KessanUnit          unit);
gboolean             kessan_unit_from_string         (const char          *str,
                                                      KessanUnit          *unit);
const char          *kessan_severity_to_string       (KessanSeverity      severity);
gboolean             kessan_severity_from_string     (const char          *str,
                                                      KessanSeverity      *severity);
const char          *kessan_scenario_to_string       (KessanScenario      scenario);
gboolean             kessan_scenario_from_string     (const char          *str,
                                                      KessanScenario      *scenario);
const char          *kessan_consolidation_to_string  (KessanConsolidation consolidation);
gboolean             kessan_consolidation_from_string (const char          *str,
                                                       KessanConsolidation *consolidation);
const char          *kessan_accounting_standard_to_string (KessanAccountingStandard standard);
gboolean             kessan_accounting_standard_from_string (const char               *str,
                                                             KessanAccountingStandard *standard);
gboolean             kessan_currency_code_is_valid   (const char          *code);
const char          *kessan_label_language_to_string (KessanLabelLanguage labels);
gboolean             kessan_label_language_from_string (const char          *str,
                                                        KessanLabelLanguage *labels);

G_END_DECLS
