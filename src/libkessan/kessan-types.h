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
} KessanStatementKind;

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
} KessanCurrency;

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
const char          *kessan_label_language_to_string (KessanLabelLanguage labels);
gboolean             kessan_label_language_from_string (const char          *str,
                                                        KessanLabelLanguage *labels);

G_END_DECLS
