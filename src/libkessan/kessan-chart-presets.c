/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kessan-chart-presets.h"

/* The charts of the Charts page's presets.  They name concepts of
 * resources/concepts.json (and the margins the series builder derives),
 * nothing of any one release: a library without some of them charts the
 * rest. */

static const char * const revenue_mix[] = {
  "revenues.connectivity_vas.dedicated_access",
  "revenues.connectivity_vas.dialup",
  "revenues.connectivity_vas.value_added",
  "revenues.connectivity_vas.other",
  "revenues.systems_integration",
  "revenues.equipment_sales",
  NULL
};

/* Operating income is revenues less costs: each revenue line adds to it,
 * each cost line takes from it. */
static const char * const operating_income_bridge[] = {
  "operating_income",
  "revenues.connectivity_vas.dedicated_access",
  "revenues.connectivity_vas.dialup",
  "revenues.connectivity_vas.value_added",
  "revenues.connectivity_vas.other",
  "revenues.systems_integration",
  "revenues.equipment_sales",
  "-costs.cost_of_revenues.connectivity_vas",
  "-costs.cost_of_revenues.systems_integration",
  "-costs.cost_of_revenues.equipment_sales",
  "-costs.sales_marketing",
  "-costs.general_admin",
  "-costs.research_development",
  NULL
};

static const char * const margins[] = {
  KESSAN_SERIES_GROSS_MARGIN,
  KESSAN_SERIES_OPERATING_MARGIN,
  KESSAN_SERIES_EBITDA_MARGIN,
  NULL
};

static const char * const contracts[] = {
  "kpi.contracts.dialup.total",
  "kpi.contracts.dialup.iij4u",
  "kpi.contracts.dialup.other",
  "kpi.contracts.dedicated.total",
  "kpi.contracts.dedicated.ip_64k_128k",
  "kpi.contracts.dedicated.ip_192k_768k",
  "kpi.contracts.dedicated.ip_1m_2m",
  "kpi.contracts.dedicated.ip_3m_1_2g",
  "kpi.contracts.dedicated.dc_connectivity",
  NULL
};

static const char * const bandwidth[] = {
  "kpi.bandwidth.total",
  "kpi.bandwidth.dedicated_access",
  "kpi.bandwidth.dc_connectivity",
  NULL
};

static const char * const backbone[] = {
  "kpi.backbone.domestic",
  "kpi.backbone.international",
  NULL
};

static const char * const cash_and_debt[] = {
  "assets.current.cash",
  "liabilities.current.short_term_borrowings",
  "liabilities.current.long_term_borrowings",
  "liabilities.long_term_borrowings",
  "liabilities.convertible_notes",
  NULL
};

/* Any company's: whichever name of sales its releases print. */
static const char * const sales_and_profit[] = {
  "revenues.total",
  "revenues.net_sales",
  "gross_profit",
  "operating_income",
  "net_income",
  NULL
};

static const KessanChartPreset presets[] = {
  { "revenue-mix", N_("Revenue Mix"), KESSAN_CHART_STACKED_BARS, revenue_mix },
  { "operating-income-bridge", N_("Operating Income Bridge"), KESSAN_CHART_BRIDGE, operating_income_bridge },
  { "margins", N_("Margins"), KESSAN_CHART_LINE, margins },
  { "contracts", N_("Dial-up and Dedicated Access Contracts"), KESSAN_CHART_SMALL_MULTIPLES, contracts },
  { "bandwidth", N_("Contracted Bandwidth"), KESSAN_CHART_SMALL_MULTIPLES, bandwidth },
  { "backbone", N_("Backbone Costs"), KESSAN_CHART_GROUPED_BARS, backbone },
  { "cash-and-debt", N_("Cash and Debt"), KESSAN_CHART_GROUPED_BARS, cash_and_debt },
  { "sales-and-profit", N_("Sales and Profit"), KESSAN_CHART_LINE, sales_and_profit },
};

guint
kessan_chart_presets_get_n (void)
{
  return G_N_ELEMENTS (presets);
}

/**
 * kessan_chart_presets_get:
 * @index: below kessan_chart_presets_get_n()
 *
 * Returns: (transfer none): a preset
 */
const KessanChartPreset *
kessan_chart_presets_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (presets), NULL);

  return &presets[index];
}

/**
 * kessan_chart_presets_lookup:
 * @id: the id of a preset
 *
 * Returns: (transfer none) (nullable): the preset of @id
 */
const KessanChartPreset *
kessan_chart_presets_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_strcmp0 (presets[i].id, id) == 0)
      return &presets[i];
  return NULL;
}

/**
 * kessan_chart_preset_get_keys:
 * @preset: a preset
 *
 * Returns: (transfer full): the concepts of @preset without their signs
 */
char **
kessan_chart_preset_get_keys (const KessanChartPreset *preset)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (preset != NULL, NULL);

  for (guint i = 0; preset->concepts[i] != NULL; i++)
    g_strv_builder_add (builder, preset->concepts[i] + (preset->concepts[i][0] == '-'));
  return g_strv_builder_end (builder);
}

/**
 * kessan_chart_preset_build:
 * @preset: a preset
 * @set: the series of a library
 * @months: 3 for quarters, 12 for fiscal years
 *
 * Returns: (transfer full): the model of @preset, with the signs of a
 *   bridge's components set
 */
KessanChartModel *
kessan_chart_preset_build (const KessanChartPreset *preset,
                           KessanSeriesSet         *set,
                           guint                    months)
{
  g_auto(GStrv) keys = NULL;
  KessanChartModel *model;

  g_return_val_if_fail (preset != NULL, NULL);
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (set), NULL);

  keys = kessan_chart_preset_get_keys (preset);
  model = kessan_chart_model_new_from_series (set, (const char * const *) keys, months);
  for (guint i = 0; preset->concepts[i] != NULL; i++)
    {
      int series;

      if (preset->concepts[i][0] != '-')
        continue;
      series = kessan_chart_model_find_series (model, preset->concepts[i] + 1);
      if (series >= 0)
        kessan_chart_model_set_sign (model, (guint) series, -1);
    }
  return model;
}

/**
 * kessan_chart_presets_find_first:
 * @set: the series of a library
 *
 * Returns: (transfer none) (nullable): the first preset of whose lines
 *   @set has at least half: a company whose releases print none of the
 *   first presets' lines is shown one it has
 */
const KessanChartPreset *
kessan_chart_presets_find_first (KessanSeriesSet *set)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (set), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_auto(GStrv) keys = kessan_chart_preset_get_keys (&presets[i]);
      guint found = 0;
      guint n_keys = g_strv_length (keys);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autoptr(GPtrArray) points = kessan_series_set_get_points (set, keys[k]);

          found += points != NULL && points->len > 0;
        }
      /* Half its lines at least: a chart of one cost among a dozen lines
       * says nothing. */
      if (found > 0 && found * 2 >= n_keys)
        return &presets[i];
    }
  return NULL;
}
