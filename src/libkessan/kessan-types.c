/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "kessan-types.h"

#include <string.h>

/* The strings are the names of the public export format
 * (docs/json-format.md): changing one breaks every file already written. */

static const char * const kind_names[] = {
  [KESSAN_STATEMENT_KIND_INCOME] = "income",
  [KESSAN_STATEMENT_KIND_BALANCE] = "balance",
  [KESSAN_STATEMENT_KIND_CASHFLOW] = "cashflow",
  [KESSAN_STATEMENT_KIND_KPI] = "kpi",
  [KESSAN_STATEMENT_KIND_RECONCILIATION] = "reconciliation",
  [KESSAN_STATEMENT_KIND_OTHER] = "other",
  [KESSAN_STATEMENT_KIND_COMPREHENSIVE_INCOME] = "comprehensive_income",
  [KESSAN_STATEMENT_KIND_EQUITY] = "equity",
  [KESSAN_STATEMENT_KIND_SEGMENT] = "segment",
  [KESSAN_STATEMENT_KIND_SUMMARY] = "summary",
};

static const char * const scenario_names[] = {
  [KESSAN_SCENARIO_ACTUAL] = "actual",
  [KESSAN_SCENARIO_FORECAST] = "forecast",
  [KESSAN_SCENARIO_FORECAST_UPPER] = "forecast_upper",
  [KESSAN_SCENARIO_FORECAST_LOWER] = "forecast_lower",
};

/* UNKNOWN has no name: the export writes null for it. */
static const char * const consolidation_names[] = {
  [KESSAN_CONSOLIDATION_UNKNOWN] = NULL,
  [KESSAN_CONSOLIDATION_CONSOLIDATED] = "consolidated",
  [KESSAN_CONSOLIDATION_NON_CONSOLIDATED] = "non_consolidated",
};

static const char * const standard_names[] = {
  [KESSAN_STANDARD_UNKNOWN] = NULL,
  [KESSAN_STANDARD_US_GAAP] = "us_gaap",
  [KESSAN_STANDARD_IFRS] = "ifrs",
  [KESSAN_STANDARD_JGAAP] = "jgaap",
};

static const char * const measure_names[] = {
  [KESSAN_MEASURE_AMOUNT] = "amount",
  [KESSAN_MEASURE_PERCENT_OF_REVENUE] = "percent_of_revenue",
  [KESSAN_MEASURE_PERCENT_OF_TOTAL] = "percent_of_total",
  [KESSAN_MEASURE_CHANGE_YOY] = "change_yoy",
  [KESSAN_MEASURE_CHANGE_QOQ] = "change_qoq",
  [KESSAN_MEASURE_CHANGE] = "change",
};

/* NONE has no name: the export writes null for it. */
static const char * const label_language_names[] = {
  [KESSAN_LABELS_PRINTED] = "printed",
  [KESSAN_LABELS_ENGLISH] = "en",
  [KESSAN_LABELS_JAPANESE] = "ja",
  [KESSAN_LABELS_BOTH] = "both",
};

static const char * const currency_names[] = {
  [KESSAN_CURRENCY_NONE] = NULL,
  [KESSAN_CURRENCY_JPY] = "JPY",
  [KESSAN_CURRENCY_USD] = "USD",
  [KESSAN_CURRENCY_OTHER] = NULL,
};

static const char * const unit_names[] = {
  [KESSAN_UNIT_NONE] = NULL,
  [KESSAN_UNIT_CURRENCY] = "currency",
  [KESSAN_UNIT_PERCENT] = "percent",
  [KESSAN_UNIT_COUNT] = "count",
  [KESSAN_UNIT_GBPS] = "gbps",
  [KESSAN_UNIT_PER_SHARE] = "per_share",
  [KESSAN_UNIT_SHARES] = "shares",
};

static const char * const severity_names[] = {
  [KESSAN_SEVERITY_INFO] = "info",
  [KESSAN_SEVERITY_WARNING] = "warning",
  [KESSAN_SEVERITY_ERROR] = "error",
};

static const char *
name_of (const char * const *names,
         guint               n_names,
         guint               value)
{
  return value < n_names ? names[value] : NULL;
}

static gboolean
value_of (const char * const *names,
          guint               n_names,
          const char         *str,
          guint              *value)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (names[i] != NULL && strcmp (names[i], str) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * kessan_statement_kind_to_string:
 * @kind: a #KessanStatementKind
 *
 * Returns: (nullable): the export name of @kind ("income", "balance", …),
 *   or %NULL for a value outside the enumeration
 */
const char *
kessan_statement_kind_to_string (KessanStatementKind kind)
{
  return name_of (kind_names, G_N_ELEMENTS (kind_names), kind);
}

/**
 * kessan_statement_kind_from_string:
 * @str: an export name such as "cashflow"
 * @kind: (out): where to store the kind
 *
 * Returns: %TRUE if @str names a kind; @kind is untouched otherwise
 */
gboolean
kessan_statement_kind_from_string (const char          *str,
                                   KessanStatementKind *kind)
{
  guint value;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL || !value_of (kind_names, G_N_ELEMENTS (kind_names), str, &value))
    return FALSE;

  *kind = value;
  return TRUE;
}

/**
 * kessan_measure_to_string:
 * @measure: a #KessanMeasure
 *
 * Returns: (nullable): the export name of @measure ("amount",
 *   "change_yoy", …), or %NULL for a value outside the enumeration
 */
const char *
kessan_measure_to_string (KessanMeasure measure)
{
  return name_of (measure_names, G_N_ELEMENTS (measure_names), measure);
}

/**
 * kessan_measure_from_string:
 * @str: an export name such as "percent_of_revenue"
 * @measure: (out): where to store the measure
 *
 * Returns: %TRUE if @str names a measure; @measure is untouched otherwise
 */
gboolean
kessan_measure_from_string (const char    *str,
                            KessanMeasure *measure)
{
  guint value;

  g_return_val_if_fail (measure != NULL, FALSE);

  if (str == NULL || !value_of (measure_names, G_N_ELEMENTS (measure_names), str, &value))
    return FALSE;

  *measure = value;
  return TRUE;
}

/**
 * kessan_currency_to_string:
 * @currency: a #KessanCurrency
 *
 * Returns: (nullable): "JPY" or "USD"; %NULL for %KESSAN_CURRENCY_NONE
 *   and for values outside the enumeration
 */
const char *
kessan_currency_to_string (KessanCurrency currency)
{
  return name_of (currency_names, G_N_ELEMENTS (currency_names), currency);
}

/**
 * kessan_currency_from_string:
 * @str: (nullable): an ISO 4217 code such as "JPY" or "EUR", "none" or %NULL
 * @currency: (out): where to store the currency
 *
 * %NULL and "none" both give %KESSAN_CURRENCY_NONE; a code other than
 * JPY and USD gives %KESSAN_CURRENCY_OTHER.
 *
 * Returns: %TRUE if @str names a currency; @currency is untouched otherwise
 */
gboolean
kessan_currency_from_string (const char     *str,
                             KessanCurrency *currency)
{
  guint value;

  g_return_val_if_fail (currency != NULL, FALSE);

  if (str == NULL || strcmp (str, "none") == 0)
    {
      *currency = KESSAN_CURRENCY_NONE;
      return TRUE;
    }

  if (!value_of (currency_names, G_N_ELEMENTS (currency_names), str, &value))
    {
      if (!kessan_currency_code_is_valid (str))
        return FALSE;
      value = KESSAN_CURRENCY_OTHER;
    }

  *currency = value;
  return TRUE;
}

/**
 * kessan_unit_to_string:
 * @unit: a #KessanUnit
 *
 * Returns: (nullable): the export name of @unit ("currency", "per_share",
 *   …); %NULL for %KESSAN_UNIT_NONE and for values outside the enumeration
 */
const char *
kessan_unit_to_string (KessanUnit unit)
{
  return name_of (unit_names, G_N_ELEMENTS (unit_names), unit);
}

/**
 * kessan_unit_from_string:
 * @str: (nullable): an export name such as "gbps", "none" or %NULL
 * @unit: (out): where to store the unit
 *
 * %NULL and "none" both give %KESSAN_UNIT_NONE.
 *
 * Returns: %TRUE if @str names a unit; @unit is untouched otherwise
 */
gboolean
kessan_unit_from_string (const char *str,
                         KessanUnit *unit)
{
  guint value;

  g_return_val_if_fail (unit != NULL, FALSE);

  if (str == NULL || strcmp (str, "none") == 0)
    {
      *unit = KESSAN_UNIT_NONE;
      return TRUE;
    }

  if (!value_of (unit_names, G_N_ELEMENTS (unit_names), str, &value))
    return FALSE;

  *unit = value;
  return TRUE;
}

/**
 * kessan_severity_to_string:
 * @severity: a #KessanSeverity
 *
 * Returns: (nullable): "info", "warning" or "error", or %NULL for a value
 *   outside the enumeration
 */
const char *
kessan_severity_to_string (KessanSeverity severity)
{
  return name_of (severity_names, G_N_ELEMENTS (severity_names), severity);
}

/**
 * kessan_severity_from_string:
 * @str: "info", "warning" or "error"
 * @severity: (out): where to store the severity
 *
 * Returns: %TRUE if @str names a severity; @severity is untouched otherwise
 */
gboolean
kessan_severity_from_string (const char     *str,
                             KessanSeverity *severity)
{
  guint value;

  g_return_val_if_fail (severity != NULL, FALSE);

  if (str == NULL || !value_of (severity_names, G_N_ELEMENTS (severity_names), str, &value))
    return FALSE;

  *severity = value;
  return TRUE;
}

/**
 * kessan_label_language_to_string:
 * @labels: a #KessanLabelLanguage
 *
 * Returns: (nullable): "printed", "en", "ja" or "both"
 */
const char *
kessan_label_language_to_string (KessanLabelLanguage labels)
{
  return name_of (label_language_names, G_N_ELEMENTS (label_language_names), labels);
}

/**
 * kessan_label_language_from_string:
 * @str: "printed", "en", "ja" or "both"
 * @labels: (out): where to store the choice
 *
 * Returns: %TRUE if @str names a label language; @labels is untouched otherwise
 */
gboolean
kessan_label_language_from_string (const char          *str,
                                   KessanLabelLanguage *labels)
{
  guint value;

  g_return_val_if_fail (labels != NULL, FALSE);

  if (str == NULL || !value_of (label_language_names, G_N_ELEMENTS (label_language_names), str, &value))
    return FALSE;

  *labels = value;
  return TRUE;
}

#define NAMED_ENUM(prefix, Type, names)                                  \
  const char *                                                           \
  prefix##_to_string (Type value)                                        \
  {                                                                      \
    return name_of (names, G_N_ELEMENTS (names), value);                 \
  }                                                                      \
                                                                         \
  gboolean                                                               \
  prefix##_from_string (const char *str,                                 \
                        Type       *value)                               \
  {                                                                      \
    guint v;                                                             \
                                                                         \
    g_return_val_if_fail (value != NULL, FALSE);                         \
    if (str == NULL || !value_of (names, G_N_ELEMENTS (names), str, &v)) \
      return FALSE;                                                      \
    *value = v;                                                          \
    return TRUE;                                                         \
  }

/* The scenario, consolidation and accounting standard names of the
 * export format (docs/json-format.md, version 2). */
NAMED_ENUM (kessan_scenario, KessanScenario, scenario_names)
NAMED_ENUM (kessan_consolidation, KessanConsolidation, consolidation_names)
NAMED_ENUM (kessan_accounting_standard, KessanAccountingStandard, standard_names)

/**
 * kessan_currency_code_is_valid:
 * @code: (nullable): a currency code
 *
 * Returns: %TRUE if @code has the form of an ISO 4217 code: three
 *   upper-case Latin letters
 */
gboolean
kessan_currency_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    if (code[i] < 'A' || code[i] > 'Z')
      return FALSE;
  return TRUE;
}
