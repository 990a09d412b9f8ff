/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "kessan.h"
#include "kessan-test-util.h"

/* The arithmetic of the charts: ticks, scales, stacks, bridges, period
 * names, and chart models built from the series of the sample releases. */

#define SEED_001 "001_ac7abb1bfabe4158.txt"
#define SEED_003 "003_3f09aa9018b22431.txt"

static KessanFiling *seeds[2];

static KessanFiling *
parse_seed (const char *name)
{
  g_autofree char *path = kessan_test_seed_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KessanFiling *filing = kessan_parse_file (file, &error);

  g_assert_no_error (error);
  return filing;
}

static KessanSeriesSet *
seed_set (void)
{
  KessanSeriesSet *set = kessan_series_set_new ();

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    g_assert_true (kessan_series_set_add_filing (set, seeds[i]));
  return set;
}

static gboolean
is_nice_step (double step)
{
  double mantissa = step / pow (10, floor (log10 (step) + 1e-9));

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

static void
assert_ticks_cover (double min,
                    double max,
                    guint  max_ticks)
{
  KessanChartTicks ticks;

  kessan_chart_ticks (min, max, max_ticks, &ticks);
  g_assert_true (is_nice_step (ticks.step));
  g_assert_cmpfloat (ticks.min, <=, min);
  g_assert_cmpfloat (ticks.max, >=, max);
  g_assert_cmpuint (ticks.n, <=, max_ticks);
  g_assert_cmpuint (ticks.n, >=, 2);
  g_assert_cmpfloat_with_epsilon (ticks.min + (ticks.n - 1) * ticks.step, ticks.max, ticks.step * 1e-9);
  /* Ticks are multiples of their step. */
  g_assert_cmpfloat_with_epsilon (ticks.min / ticks.step, round (ticks.min / ticks.step), 1e-6);
  if (min < 0 && max > 0)
    {
      gboolean zero = FALSE;

      for (guint i = 0; i < ticks.n; i++)
        zero |= fabs (ticks.min + i * ticks.step) < ticks.step * 1e-9;
      g_assert_true (zero);
    }
}

static void
test_ticks (void)
{
  KessanChartTicks ticks;
  GRand *rand = g_rand_new_with_seed (20031121);

  kessan_chart_ticks (0, 87, 6, &ticks);
  g_assert_cmpfloat (ticks.step, ==, 20);
  g_assert_cmpfloat (ticks.min, ==, 0);
  g_assert_cmpfloat (ticks.max, ==, 100);
  g_assert_cmpuint (ticks.n, ==, 6);

  /* An operating loss under a small profit: zero is a tick. */
  kessan_chart_ticks (-1205.649, 186.096, 9, &ticks);
  g_assert_cmpfloat (ticks.step, ==, 200);
  g_assert_cmpfloat (ticks.min, ==, -1400);
  g_assert_cmpfloat (ticks.max, ==, 200);
  assert_ticks_cover (-1205.649, 186.096, 9);

  /* Margins in percent, fractions of a point. */
  kessan_chart_ticks (5.6993, 9.2337, 6, &ticks);
  g_assert_cmpfloat (ticks.step, ==, 1);
  kessan_chart_ticks (0.12, 0.31, 6, &ticks);
  g_assert_cmpfloat_with_epsilon (ticks.step, 0.05, 1e-12);
  g_assert_cmpuint (kessan_chart_ticks_decimals (&ticks), ==, 2);
  kessan_chart_ticks (0, 2.3, 6, &ticks);
  g_assert_cmpfloat (ticks.step, ==, 0.5);
  g_assert_cmpuint (kessan_chart_ticks_decimals (&ticks), ==, 1);

  /* One value, or none. */
  kessan_chart_ticks (42, 42, 6, &ticks);
  g_assert_cmpfloat (ticks.min, <=, 42);
  g_assert_cmpfloat (ticks.max, >, 42);
  kessan_chart_ticks (0, 0, 6, &ticks);
  g_assert_cmpfloat (ticks.max, >, ticks.min);

  for (guint i = 0; i < 2000; i++)
    {
      double scale = pow (10, g_rand_double_range (rand, -3, 9));
      double a = g_rand_double_range (rand, -1, 1) * scale;
      double b = g_rand_double_range (rand, -1, 1) * scale;

      assert_ticks_cover (MIN (a, b), MAX (a, b), g_rand_int_range (rand, 3, 12));
    }
  g_rand_free (rand);
}

static void
test_scale (void)
{
  /* An axis from −1,000 at the bottom (pixel 400) to 500 at the top. */
  KessanChartScale scale = { -1000, 500, 400, 100 };

  g_assert_cmpfloat_with_epsilon (kessan_chart_scale_map (&scale, -1000), 400, 1e-9);
  g_assert_cmpfloat_with_epsilon (kessan_chart_scale_map (&scale, 500), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (kessan_chart_scale_map (&scale, 0), 200, 1e-9);
  g_assert_cmpfloat_with_epsilon (kessan_chart_scale_unmap (&scale, 200), 0, 1e-9);
  for (double v = -1000; v <= 500; v += 37.5)
    g_assert_cmpfloat_with_epsilon (kessan_chart_scale_unmap (&scale, kessan_chart_scale_map (&scale, v)), v, 1e-9);
}

static KessanChartModel *
one_period_model (const double *values,
                  guint         n)
{
  KessanChartModel *model = kessan_chart_model_new ();

  kessan_chart_model_add_period (model, "2003-09-30", 3);
  for (guint s = 0; s < n; s++)
    {
      g_autofree char *key = g_strdup_printf ("s%u", s);
      KessanChartValue value = { values[s], NAN, KESSAN_CHART_POINT_PRESENT, 1000, 0, "a.txt", NULL };
      guint series = kessan_chart_model_add_series (model, key, key, NULL, KESSAN_UNIT_CURRENCY);

      if (!isnan (values[s]))
        kessan_chart_model_set_value (model, series, 0, &value);
    }
  return model;
}

static void
test_stack (void)
{
  const double values[] = { 5, -2, 3, NAN, -1 };
  g_autoptr(KessanChartModel) model = one_period_model (values, G_N_ELEMENTS (values));
  double bottoms[G_N_ELEMENTS (values)], tops[G_N_ELEMENTS (values)];
  double min, max;

  kessan_chart_model_stack (model, 0, KESSAN_CHART_VALUES_LATEST, bottoms, tops);
  /* Positives upwards from zero, negatives downwards from zero. */
  g_assert_cmpfloat (bottoms[0], ==, 0);
  g_assert_cmpfloat (tops[0], ==, 5);
  g_assert_cmpfloat (bottoms[1], ==, 0);
  g_assert_cmpfloat (tops[1], ==, -2);
  g_assert_cmpfloat (bottoms[2], ==, 5);
  g_assert_cmpfloat (tops[2], ==, 8);
  g_assert_true (isnan (bottoms[3]) && isnan (tops[3]));
  g_assert_cmpfloat (bottoms[4], ==, -2);
  g_assert_cmpfloat (tops[4], ==, -3);

  kessan_chart_model_get_extent (model, KESSAN_CHART_STACKED_BARS, KESSAN_CHART_VALUES_LATEST, &min, &max);
  g_assert_cmpfloat (min, ==, -3);
  g_assert_cmpfloat (max, ==, 8);
  /* Side by side the bars reach no further than their own values. */
  kessan_chart_model_get_extent (model, KESSAN_CHART_GROUPED_BARS, KESSAN_CHART_VALUES_LATEST, &min, &max);
  g_assert_cmpfloat (min, ==, -2);
  g_assert_cmpfloat (max, ==, 5);
}

static void
test_extent_line (void)
{
  const double values[] = { 5.5, 9.25 };
  g_autoptr(KessanChartModel) model = one_period_model (values, G_N_ELEMENTS (values));
  double min, max;

  /* A line of values far from zero does not need zero; bars do. */
  kessan_chart_model_get_extent (model, KESSAN_CHART_LINE, KESSAN_CHART_VALUES_LATEST, &min, &max);
  g_assert_cmpfloat (min, ==, 5.5);
  g_assert_cmpfloat (max, ==, 9.25);
  kessan_chart_model_get_extent (model, KESSAN_CHART_GROUPED_BARS, KESSAN_CHART_VALUES_LATEST, &min, &max);
  g_assert_cmpfloat (min, ==, 0);
}

static KessanChartModel *
bridge_model (double total_end)
{
  KessanChartModel *model = kessan_chart_model_new ();
  struct { const char *key; double from, to; int sign; } rows[] = {
    { "operating_income", 100, total_end, 1 },
    { "revenues.a", 500, 520, 1 },
    { "revenues.b", 80, 80, 1 },       /* unchanged: no step */
    { "costs.a", 400, 440, -1 },       /* a cost that grew lowers the total */
    { "costs.b", NAN, 0, -1 },         /* printed in one period only, as nil */
  };

  kessan_chart_model_add_period (model, "2003-06-30", 3);
  kessan_chart_model_add_period (model, "2003-09-30", 3);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      guint s = kessan_chart_model_add_series (model, rows[i].key, rows[i].key, NULL, KESSAN_UNIT_CURRENCY);
      double both[] = { rows[i].from, rows[i].to };

      kessan_chart_model_set_sign (model, s, rows[i].sign);
      for (guint p = 0; p < 2; p++)
        {
          KessanChartValue value = { both[p], NAN, KESSAN_CHART_POINT_PRESENT, 1000, 0, NULL, NULL };

          if (!isnan (both[p]))
            kessan_chart_model_set_value (model, s, p, &value);
        }
    }
  return model;
}

static double
sum_of_steps (GArray *steps)
{
  double level = 0;

  for (guint i = 0; i < steps->len; i++)
    {
      KessanChartBridgeStep *step = &g_array_index (steps, KessanChartBridgeStep, i);

      if (step->kind == KESSAN_CHART_STEP_START)
        level = step->to;
      else if (step->kind == KESSAN_CHART_STEP_DELTA)
        {
          /* Each step starts where the one before ended. */
          g_assert_cmpfloat_with_epsilon (step->from, level, 1e-9);
          level = step->to;
        }
    }
  return level;
}

static void
test_bridge (void)
{
  g_autoptr(KessanChartModel) model = bridge_model (80);
  g_autoptr(KessanChartModel) unexplained = bridge_model (90);
  g_autoptr(GArray) steps = kessan_chart_model_bridge (model, 0, 1, KESSAN_CHART_VALUES_LATEST);
  g_autoptr(GArray) residual = kessan_chart_model_bridge (unexplained, 0, 1, KESSAN_CHART_VALUES_LATEST);
  KessanChartBridgeStep *step;

  g_assert_nonnull (steps);
  g_assert_cmpuint (steps->len, ==, 4);
  step = &g_array_index (steps, KessanChartBridgeStep, 0);
  g_assert_cmpint (step->kind, ==, KESSAN_CHART_STEP_START);
  g_assert_cmpfloat (step->to, ==, 100);
  step = &g_array_index (steps, KessanChartBridgeStep, 1);
  g_assert_cmpint (step->series, ==, 1);
  g_assert_cmpfloat (step->to - step->from, ==, 20);
  step = &g_array_index (steps, KessanChartBridgeStep, 2);
  g_assert_cmpint (step->series, ==, 3);
  g_assert_cmpfloat (step->to - step->from, ==, -40);
  step = &g_array_index (steps, KessanChartBridgeStep, 3);
  g_assert_cmpint (step->kind, ==, KESSAN_CHART_STEP_END);
  g_assert_cmpfloat (step->to, ==, 80);
  g_assert_cmpfloat_with_epsilon (sum_of_steps (steps), 80, 1e-9);

  /* What the components do not explain is a step of its own. */
  g_assert_cmpuint (residual->len, ==, 5);
  step = &g_array_index (residual, KessanChartBridgeStep, 3);
  g_assert_cmpint (step->series, ==, -1);
  g_assert_cmpfloat_with_epsilon (step->to - step->from, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (sum_of_steps (residual), 90, 1e-9);

  /* No total at one end: no bridge. */
  {
    g_autoptr(KessanChartModel) empty = kessan_chart_model_new ();
    g_autoptr(GArray) none = NULL;

    kessan_chart_model_add_period (empty, "2003-06-30", 3);
    kessan_chart_model_add_period (empty, "2003-09-30", 3);
    kessan_chart_model_add_series (empty, "operating_income", NULL, NULL, KESSAN_UNIT_CURRENCY);
    none = kessan_chart_model_bridge (empty, 0, 1, KESSAN_CHART_VALUES_LATEST);
    g_assert_null (none);
  }
}

static void
test_period_labels (void)
{
  struct { const char *end; guint months; const char *en; const char *ja; } cases[] = {
    { "2003-09-30", 3, "2Q03", "2003年7-9月" },
    { "2003-06-30", 3, "1Q03", "2003年4-6月" },
    { "2002-12-31", 3, "3Q02", "2002年10-12月" },
    { "2003-03-31", 3, "4Q02", "2003年1-3月" },
    { "2003-03-31", 12, "FY02", "2002年度" },
    { "2004-03-31", 12, "FY03", "2003年度" },
    { "2003-09-30", 0, "9/03", "2003年9月末" },
    { "2003-09-30", 6, "6M 9/03", "2003年4-9月" },
    { "2004-03-31", 6, "6M 3/04", "2003年10月-2004年3月" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *en = kessan_format_period_short (cases[i].end, cases[i].months, FALSE);
      g_autofree char *ja = kessan_format_period_short (cases[i].end, cases[i].months, TRUE);

      g_assert_cmpstr (en, ==, cases[i].en);
      g_assert_cmpstr (ja, ==, cases[i].ja);
    }
}

static void
test_restated (void)
{
  g_autoptr(KessanChartModel) model = kessan_chart_model_new ();
  KessanChartValue value = { 120, 100, KESSAN_CHART_POINT_PRESENT | KESSAN_CHART_POINT_RESTATED, 1000, 0, "later.txt", "earlier.txt" };
  g_auto(GStrv) releases = NULL;
  double min, max;

  kessan_chart_model_add_period (model, "2003-09-30", 3);
  kessan_chart_model_add_series (model, "revenues.total", "Total revenues", "営業収益合計", KESSAN_UNIT_CURRENCY);
  g_assert_false (kessan_chart_model_has_restated (model));
  kessan_chart_model_set_value (model, 0, 0, &value);
  g_assert_true (kessan_chart_model_has_restated (model));
  g_assert_cmpfloat (kessan_chart_model_get_shown (model, 0, 0, KESSAN_CHART_VALUES_LATEST), ==, 120);
  g_assert_cmpfloat (kessan_chart_model_get_shown (model, 0, 0, KESSAN_CHART_VALUES_FIRST_PUBLISHED), ==, 100);
  kessan_chart_model_get_extent (model, KESSAN_CHART_LINE, KESSAN_CHART_VALUES_COMPARE, &min, &max);
  g_assert_cmpfloat (min, ==, 100);
  g_assert_cmpfloat (max, ==, 120);

  releases = kessan_chart_model_get_releases (model);
  g_assert_cmpuint (g_strv_length (releases), ==, 2);
  g_assert_cmpstr (releases[0], ==, "earlier.txt");
  g_assert_cmpstr (releases[1], ==, "later.txt");

  {
    g_autofree char *en = kessan_chart_model_get_label (model, 0, FALSE, FALSE);
    g_autofree char *ja = kessan_chart_model_get_label (model, 0, TRUE, FALSE);

    g_assert_cmpstr (en, ==, "Total revenues");
    g_assert_cmpstr (ja, ==, "営業収益合計");
  }
}

/* Models of the samples */

static void
test_model_from_series (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  const char *concepts[] = { "revenues.total", "operating_income", "assets.current.cash", "margin.operating", "no.such.concept", NULL };
  g_autoptr(KessanChartModel) model = kessan_chart_model_new_from_series (set, concepts, 3);
  g_autoptr(KessanChartModel) years = kessan_chart_model_new_from_series (set, concepts, 12);
  guint n = kessan_chart_model_get_n_periods (model);
  guint gaps = 0;

  /* A concept without values is left out. */
  g_assert_cmpuint (kessan_chart_model_get_n_series (model), ==, 4);
  g_assert_cmpint (kessan_chart_model_find_series (model, "no.such.concept"), ==, -1);
  g_assert_cmpuint (n, >=, 2);

  /* The periods are consecutive quarters, oldest first. */
  for (guint p = 1; p < n; p++)
    {
      GDate a, b;

      g_assert_true (kessan_date_from_iso (kessan_chart_model_get_period (model, p - 1)->period_end, &a));
      g_assert_true (kessan_date_from_iso (kessan_chart_model_get_period (model, p)->period_end, &b));
      g_date_add_months (&a, 3);
      g_assert_cmpuint (g_date_get_month (&a), ==, g_date_get_month (&b));
      g_assert_cmpuint (g_date_get_year (&a), ==, g_date_get_year (&b));
      g_assert_cmpuint (kessan_chart_model_get_period (model, p)->months, ==, 3);
    }

  for (guint s = 0; s < kessan_chart_model_get_n_series (model); s++)
    {
      const KessanChartSeriesInfo *info = kessan_chart_model_get_series (model, s);

      for (guint p = 0; p < n; p++)
        {
          const KessanChartPeriod *period = kessan_chart_model_get_period (model, p);
          const KessanChartValue *value = kessan_chart_model_get_value (model, s, p);
          const KessanSeriesPoint *point = kessan_series_set_lookup (set, info->key, period->period_end, 3);

          if (point == NULL)
            point = kessan_series_set_lookup (set, info->key, period->period_end, 0);
          if (point == NULL)
            {
              /* A quarter no release covers is a gap, not a zero. */
              g_assert_false (value->flags & KESSAN_CHART_POINT_PRESENT);
              g_assert_true (isnan (kessan_chart_model_get_shown (model, s, p, KESSAN_CHART_VALUES_LATEST)));
              gaps++;
              continue;
            }
          g_assert_true (value->flags & KESSAN_CHART_POINT_PRESENT);
          g_assert_cmpfloat_with_epsilon (value->latest,
                                          kessan_series_point_get_value (point) / kessan_chart_unit_divisor (info->unit),
                                          1e-9);
          g_assert_cmpint (!!(value->flags & KESSAN_CHART_POINT_DERIVED), ==, kessan_series_point_get_derived (point));
          g_assert_nonnull (value->release);
          g_assert_true (g_str_has_suffix (value->release, ".txt"));
        }
    }
  /* The samples cover 4Q01 and 2Q02 onwards: 1Q02 is missing. */
  g_assert_cmpuint (gaps, >, 0);

  g_assert_cmpint (kessan_chart_model_get_series (model, 0)->unit, ==, KESSAN_UNIT_CURRENCY);
  g_assert_cmpint (kessan_chart_model_get_series (model, 3)->unit, ==, KESSAN_UNIT_PERCENT);
  g_assert_true (kessan_chart_model_has_mixed_units (model));
  {
    g_autofree char *label = kessan_chart_model_get_label (model, 3, TRUE, FALSE);

    g_assert_cmpstr (label, ==, "営業利益率");
  }

  /* Fiscal years: the twelve-month figures and the balances at year ends. */
  g_assert_cmpuint (kessan_chart_model_get_n_periods (years), >=, 1);
  for (guint p = 0; p < kessan_chart_model_get_n_periods (years); p++)
    {
      const KessanChartPeriod *period = kessan_chart_model_get_period (years, p);

      g_assert_cmpuint (period->months, ==, 12);
      g_assert_true (g_str_has_suffix (period->period_end, "-03-31"));
    }
}

/* A catalogue names what a model of the same concepts would chart: the
 * same series, labels, units and periods, and no values. */
static void
test_catalogue (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  g_auto(GStrv) concepts = kessan_series_set_get_concepts (set);

  for (guint months = 3; months <= 12; months += 9)
    {
      g_autoptr(KessanChartModel) model = kessan_chart_model_new_from_series (set, (const char * const *) concepts, months);
      g_autoptr(KessanChartModel) catalogue = kessan_chart_model_new_catalogue (set, (const char * const *) concepts, months);

      g_assert_cmpuint (kessan_chart_model_get_n_series (catalogue), >, 20);
      g_assert_cmpuint (kessan_chart_model_get_n_series (catalogue), ==, kessan_chart_model_get_n_series (model));
      g_assert_cmpuint (kessan_chart_model_get_n_periods (catalogue), ==, kessan_chart_model_get_n_periods (model));
      for (guint p = 0; p < kessan_chart_model_get_n_periods (model); p++)
        {
          g_assert_cmpstr (kessan_chart_model_get_period (catalogue, p)->period_end, ==,
                           kessan_chart_model_get_period (model, p)->period_end);
          g_assert_cmpuint (kessan_chart_model_get_period (catalogue, p)->months, ==, months);
        }
      for (guint s = 0; s < kessan_chart_model_get_n_series (model); s++)
        {
          const KessanChartSeriesInfo *a = kessan_chart_model_get_series (model, s);
          const KessanChartSeriesInfo *b = kessan_chart_model_get_series (catalogue, s);

          g_assert_cmpstr (b->key, ==, a->key);
          g_assert_cmpstr (b->label_en, ==, a->label_en);
          g_assert_cmpstr (b->label_ja, ==, a->label_ja);
          g_assert_cmpint (b->unit, ==, a->unit);
          g_assert_cmpint (kessan_chart_model_find_series (catalogue, a->key), ==, (int) s);
        }
    }
}

static void
test_presets (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();

  g_assert_cmpuint (kessan_chart_presets_get_n (), ==, 8);
  g_assert_cmpstr (kessan_chart_presets_find_first (set)->id, ==, "revenue-mix");
  for (guint i = 0; i < kessan_chart_presets_get_n (); i++)
    {
      const KessanChartPreset *preset = kessan_chart_presets_get (i);
      g_autoptr(KessanChartModel) model = kessan_chart_preset_build (preset, set, 3);
      g_auto(GStrv) keys = kessan_chart_preset_get_keys (preset);

      g_assert_true (kessan_chart_presets_lookup (preset->id) == preset);
      /* Every preset finds its concepts in the samples. */
      g_assert_cmpuint (kessan_chart_model_get_n_series (model), >=, 2);
      g_assert_cmpuint (kessan_chart_model_get_n_periods (model), >=, 2);
      g_assert_false (kessan_chart_model_has_mixed_units (model));
      for (guint s = 0; s < kessan_chart_model_get_n_series (model); s++)
        g_assert_true (g_strv_contains ((const char * const *) keys, kessan_chart_model_get_series (model, s)->key));
    }
}

/* The operating income bridge of the samples' last two quarters adds up:
 * revenue lines minus cost lines explain the change. */
static void
test_preset_bridge (void)
{
  g_autoptr(KessanSeriesSet) set = seed_set ();
  g_autoptr(KessanChartModel) model = kessan_chart_preset_build (kessan_chart_presets_lookup ("operating-income-bridge"), set, 3);
  guint n = kessan_chart_model_get_n_periods (model);
  g_autoptr(GArray) steps = kessan_chart_model_bridge (model, n - 2, n - 1, KESSAN_CHART_VALUES_LATEST);
  double start = kessan_chart_model_get_shown (model, 0, n - 2, KESSAN_CHART_VALUES_LATEST);
  double end = kessan_chart_model_get_shown (model, 0, n - 1, KESSAN_CHART_VALUES_LATEST);
  double costs_change = 0;

  g_assert_cmpstr (kessan_chart_model_get_series (model, 0)->key, ==, "operating_income");
  g_assert_nonnull (steps);
  g_assert_cmpfloat (g_array_index (steps, KessanChartBridgeStep, 0).to, ==, start);
  g_assert_cmpfloat (g_array_index (steps, KessanChartBridgeStep, steps->len - 1).to, ==, end);
  g_assert_cmpfloat_with_epsilon (sum_of_steps (steps), end, 1e-6);

  /* The cost lines count against the total: their steps have the
   * opposite sign of their change. */
  for (guint i = 0; i < steps->len; i++)
    {
      KessanChartBridgeStep *step = &g_array_index (steps, KessanChartBridgeStep, i);
      const KessanChartSeriesInfo *info;
      double change;

      if (step->kind != KESSAN_CHART_STEP_DELTA || step->series < 0)
        continue;
      info = kessan_chart_model_get_series (model, (guint) step->series);
      change = kessan_chart_model_get_shown (model, (guint) step->series, n - 1, KESSAN_CHART_VALUES_LATEST)
               - kessan_chart_model_get_shown (model, (guint) step->series, n - 2, KESSAN_CHART_VALUES_LATEST);
      g_assert_cmpfloat_with_epsilon (step->to - step->from, info->sign * change, 1e-9);
      if (g_str_has_prefix (info->key, "costs."))
        {
          g_assert_cmpint (info->sign, ==, -1);
          costs_change += change;
        }
    }
  g_assert_cmpfloat (costs_change, !=, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  seeds[0] = parse_seed (SEED_001);
  seeds[1] = parse_seed (SEED_003);

  g_test_add_func ("/kessan/chart/ticks", test_ticks);
  g_test_add_func ("/kessan/chart/scale", test_scale);
  g_test_add_func ("/kessan/chart/stack-negatives", test_stack);
  g_test_add_func ("/kessan/chart/extent-line", test_extent_line);
  g_test_add_func ("/kessan/chart/bridge", test_bridge);
  g_test_add_func ("/kessan/chart/period-labels", test_period_labels);
  g_test_add_func ("/kessan/chart/restated", test_restated);
  g_test_add_func ("/kessan/chart/model-from-series", test_model_from_series);
  g_test_add_func ("/kessan/chart/catalogue", test_catalogue);
  g_test_add_func ("/kessan/chart/presets", test_presets);
  g_test_add_func ("/kessan/chart/preset-bridge", test_preset_bridge);

  status = g_test_run ();
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    g_clear_object (&seeds[i]);
  return status;
}
