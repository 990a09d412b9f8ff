/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kessan-chart-renderer.h"

/* Redraw time of a chart of 120 periods × 12 series through the renderer
 * the widget and the exports use, into an offscreen image of the size of
 * a large window, and the time from a pointer position to the tooltip's
 * text (the hit test and the description).  The target is 4 ms a redraw:
 * a 60 fps frame with room to spare.  No display needed.
 *
 *   bench-chart [--frames=N] [--json]
 */

#define N_PERIODS 120
#define N_SERIES  12
#define WIDTH     1200
#define HEIGHT    700

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (double *values,
            guint   n,
            double  p)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[MIN ((guint) floor (p * (n - 1) + 0.5), n - 1)];
}

/* A random walk a series, a few missing quarters and restated values. */
static KessanChartModel *
make_model (void)
{
  KessanChartModel *model = kessan_chart_model_new ();
  GRand *rand = g_rand_new_with_seed (120);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, 3, 1994);
  for (guint p = 0; p < N_PERIODS; p++)
    {
      g_autofree char *iso = kessan_date_to_iso (&date);

      kessan_chart_model_add_period (model, iso, 3);
      g_date_set_day (&date, 1);
      g_date_add_months (&date, 3);
      g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
    }
  for (guint s = 0; s < N_SERIES; s++)
    {
      g_autofree char *key = g_strdup_printf ("synthetic.%u", s);
      g_autofree char *label = g_strdup_printf ("Synthetic series %u", s + 1);
      double level = g_rand_double_range (rand, 1000, 5000);

      kessan_chart_model_add_series (model, key, label, NULL, KESSAN_UNIT_CURRENCY);
      for (guint p = 0; p < N_PERIODS; p++)
        {
          KessanChartValue value = { 0, NAN, KESSAN_CHART_POINT_PRESENT, 1000, 0, "synthetic.txt", NULL };

          level += g_rand_double_range (rand, -300, 320);
          if (g_rand_int_range (rand, 0, 40) == 0)
            continue;
          value.latest = level;
          if (g_rand_int_range (rand, 0, 25) == 0)
            {
              value.flags |= KESSAN_CHART_POINT_RESTATED;
              value.first = level * 0.97;
              value.first_release = "earlier.txt";
            }
          kessan_chart_model_set_value (model, s, p, &value);
        }
    }
  g_rand_free (rand);
  return model;
}

typedef struct
{
  double median;
  double p95;
} Timing;

static Timing
time_redraws (KessanChartRenderer *renderer,
              KessanChartKind      kind,
              guint                frames)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autofree double *times = g_new (double, frames);
  Timing timing;

  kessan_chart_renderer_set_kind (renderer, kind);
  /* The first frame loads the fonts. */
  for (guint i = 0; i < frames + 3; i++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      kessan_chart_renderer_draw (renderer, cr, WIDTH, HEIGHT);
      cairo_surface_flush (surface);
      if (i >= 3)
        times[i - 3] = (g_get_monotonic_time () - start) / 1000.0;
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  timing.median = percentile (times, frames, 0.5);
  timing.p95 = percentile (times, frames, 0.95);
  return timing;
}

static Timing
time_hover (KessanChartRenderer *renderer,
            guint                n)
{
  g_autofree double *times = g_new (double, n);
  GRand *rand = g_rand_new_with_seed (7);
  Timing timing;

  kessan_chart_renderer_set_kind (renderer, KESSAN_CHART_LINE);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
    cairo_t *cr = cairo_create (surface);

    kessan_chart_renderer_draw (renderer, cr, WIDTH, HEIGHT);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  for (guint i = 0; i < n; i++)
    {
      double x = g_rand_double_range (rand, 80, WIDTH - 20);
      double y = g_rand_double_range (rand, 150, HEIGHT - 40);
      gint64 start = g_get_monotonic_time ();
      KessanChartHit hit;
      g_autofree char *text = NULL;

      kessan_chart_renderer_hit (renderer, x, y, &hit);
      text = kessan_chart_renderer_describe (renderer, &hit);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  g_rand_free (rand);
  timing.median = percentile (times, n, 0.5);
  timing.p95 = percentile (times, n, 0.95);
  return timing;
}

int
main (int   argc,
      char *argv[])
{
  static const struct { KessanChartKind kind; const char *name; } kinds[] = {
    { KESSAN_CHART_LINE, "lines" },
    { KESSAN_CHART_GROUPED_BARS, "bars" },
    { KESSAN_CHART_STACKED_BARS, "stacked" },
    { KESSAN_CHART_SMALL_MULTIPLES, "multiples" },
  };
  gboolean json = FALSE;
  int frames = 200;
  GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames to time for each kind of chart", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "One JSON object on standard output", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the chart renderer");
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanChartModel) model = NULL;
  g_autoptr(KessanChartRenderer) renderer = NULL;
  Timing timings[G_N_ELEMENTS (kinds)], hover;
  GdkRGBA white = { 1, 1, 1, 1 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  frames = MAX (frames, 10);

  model = make_model ();
  renderer = kessan_chart_renderer_new ();
  kessan_chart_renderer_set_model (renderer, model);
  kessan_chart_renderer_set_background (renderer, &white);
  kessan_chart_renderer_set_languages (renderer, FALSE, FALSE, FALSE);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    timings[k] = time_redraws (renderer, kinds[k].kind, (guint) frames);
  hover = time_hover (renderer, 2000);

  if (json)
    {
      g_print ("{\"redraw_ms_median\": %.3f, \"redraw_ms_p95\": %.3f, \"hover_ms_median\": %.4f, \"hover_ms_p95\": %.4f",
               timings[0].median, timings[0].p95, hover.median, hover.p95);
      for (guint k = 1; k < G_N_ELEMENTS (kinds); k++)
        g_print (", \"redraw_%s_ms_median\": %.3f, \"redraw_%s_ms_p95\": %.3f",
                 kinds[k].name, timings[k].median, kinds[k].name, timings[k].p95);
      g_print (", \"periods\": %d, \"series\": %d, \"width\": %d, \"height\": %d, \"frames\": %d}\n",
               N_PERIODS, N_SERIES, WIDTH, HEIGHT, frames);
      return 0;
    }

  g_print ("Chart of %d periods × %d series, %d×%d pixels, %d frames a kind\n\n",
           N_PERIODS, N_SERIES, WIDTH, HEIGHT, frames);
  g_print ("%-22s %10s %10s\n", "", "median ms", "p95 ms");
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_print ("redraw, %-14s %10.3f %10.3f\n", kinds[k].name, timings[k].median, timings[k].p95);
  g_print ("%-22s %10.4f %10.4f\n", "hover (hit + tooltip)", hover.median, hover.p95);
  g_print ("\nTarget: under 4 ms a redraw.\n");
  return 0;
}
