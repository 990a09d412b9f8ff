/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "kessan-application.h"
#include "kessan-chart.h"
#include "kessan-charts-page.h"
#include "kessan-statements-page.h"
#include "kessan-test-app.h"
#include "kessan-test-util.h"
#include "kessan-window.h"

/* The Charts page on the sample library: every preset drawn offscreen,
 * its pixels read back where the model's scales say a bar or a point
 * must be, and where a period is missing; the exports read back by the
 * readers of their formats; the pointer, the keyboard and the chart of
 * a statement's rows. */

#define WIDTH  1000
#define HEIGHT 640

typedef struct
{
  KessanTestApp     test;
  KessanChartsPage *page;
} Fixture;

static gboolean
charts_ready (gpointer data)
{
  Fixture *fixture = data;

  return kessan_window_get_filing (fixture->test.window) != NULL
         && kessan_charts_page_get_ready (fixture->page)
         && kessan_chart_get_model (kessan_charts_page_get_chart (fixture->page)) != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* Each test starts afresh, with the samples of a first run. */
  kessan_test_app_set_up (&fixture->test, "kessan-chart-XXXXXX", 0, 0, FALSE);
  fixture->page = KESSAN_CHARTS_PAGE (kessan_window_get_page (fixture->test.window, "charts"));
  g_assert_nonnull (fixture->page);
  kessan_test_iterate_until (charts_ready, fixture, 30000);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kessan_test_app_tear_down (&fixture->test);
}

/* Pixels */

typedef struct
{
  cairo_surface_t *surface;
  guchar          *data;
  int              stride;
} Image;

static void
image_clear (Image *image)
{
  g_clear_pointer (&image->surface, cairo_surface_destroy);
}

static Image
render (KessanChartRenderer *renderer,
        gboolean             dark)
{
  GdkRGBA background, foreground;
  Image image;

  gdk_rgba_parse (&background, dark ? "#242424" : "#ffffff");
  gdk_rgba_parse (&foreground, dark ? "#ffffff" : "rgba(0,0,0,0.8)");
  kessan_chart_renderer_set_dark (renderer, dark);
  kessan_chart_renderer_set_background (renderer, &background);
  kessan_chart_renderer_set_foreground (renderer, &foreground);
  kessan_chart_renderer_set_focus (renderer, NULL);
  kessan_chart_renderer_set_hover (renderer, NULL, 0);
  image.surface = kessan_chart_renderer_render_image (renderer, WIDTH, HEIGHT);
  image.data = cairo_image_surface_get_data (image.surface);
  image.stride = cairo_image_surface_get_stride (image.surface);
  return image;
}

static gboolean
pixel_is (const Image   *image,
          int            x,
          int            y,
          const GdkRGBA *color)
{
  guint32 pixel;
  int r, g, b;

  if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT)
    return FALSE;
  pixel = *(guint32 *) (image->data + y * image->stride + x * 4);
  r = (pixel >> 16) & 0xff;
  g = (pixel >> 8) & 0xff;
  b = pixel & 0xff;
  return abs (r - (int) round (color->red * 255)) <= 24
         && abs (g - (int) round (color->green * 255)) <= 24
         && abs (b - (int) round (color->blue * 255)) <= 24;
}

/* The colour somewhere in the few pixels around x, y: a marker's centre
 * may sit half a pixel off. */
static gboolean
color_near (const Image   *image,
            double         x,
            double         y,
            const GdkRGBA *color)
{
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      if (pixel_is (image, (int) floor (x) + dx, (int) floor (y) + dy, color))
        return TRUE;
  return FALSE;
}

/* Whether any pixel of the vertical line at x, between two heights, has
 * the colour. */
static gboolean
color_in_column (const Image   *image,
                 double         x,
                 double         top,
                 double         bottom,
                 const GdkRGBA *color)
{
  for (int y = (int) ceil (top); y <= (int) floor (bottom); y++)
    if (pixel_is (image, (int) round (x), y, color))
      return TRUE;
  return FALSE;
}

/* Checks a chart drawn by @renderer: every value where the scales put
 * it, nothing in the periods no release covers.  Returns the number of
 * values checked. */
static guint
check_pixels (KessanChartRenderer *renderer,
              const Image         *image)
{
  KessanChartModel *model = kessan_chart_renderer_get_model (renderer);
  KessanChartKind kind = kessan_chart_renderer_get_kind (renderer);
  guint n_series = kessan_chart_model_get_n_series (model);
  guint n_periods = kessan_chart_model_get_n_periods (model);
  g_autofree double *bottoms = g_new (double, n_series);
  g_autofree double *tops = g_new (double, n_series);
  KessanChartScale scale;
  guint checked = 0, gaps = 0;

  if (kind == KESSAN_CHART_BRIDGE)
    {
      GArray *steps = kessan_chart_renderer_get_bridge (renderer);
      GdkRGBA total, increase, decrease;

      g_assert_nonnull (steps);
      g_assert_true (kessan_chart_renderer_get_value_scale (renderer, 0, &scale));
      kessan_chart_renderer_get_bridge_colors (renderer, &total, &increase, &decrease);
      for (guint i = 0; i < steps->len; i++)
        {
          const KessanChartBridgeStep *step = &g_array_index (steps, KessanChartBridgeStep, i);
          double x = kessan_chart_renderer_get_slot_x (renderer, 0, i);
          double y = kessan_chart_scale_map (&scale, (step->from + step->to) / 2);
          const GdkRGBA *color = step->kind != KESSAN_CHART_STEP_DELTA ? &total : step->to > step->from ? &increase : &decrease;

          /* Steps too small to see are one pixel high. */
          if (fabs (kessan_chart_scale_map (&scale, step->from) - kessan_chart_scale_map (&scale, step->to)) < 2)
            continue;
          g_assert_true (color_near (image, x, y, color));
          checked++;
        }
      return checked;
    }

  for (guint p = 0; p < n_periods; p++)
    {
      gboolean any = FALSE;

      if (kind == KESSAN_CHART_STACKED_BARS)
        kessan_chart_model_stack (model, p, KESSAN_CHART_VALUES_LATEST, bottoms, tops);
      for (guint s = 0; s < n_series; s++)
        {
          double value = kessan_chart_model_get_shown (model, s, p, KESSAN_CHART_VALUES_LATEST);
          guint panel = kind == KESSAN_CHART_SMALL_MULTIPLES ? s : 0;
          double x = kessan_chart_renderer_get_slot_x (renderer, panel, p), y;
          GdkRGBA color;

          if (isnan (value))
            continue;
          any = TRUE;
          kessan_chart_renderer_get_series_color (renderer, s, &color);
          g_assert_true (kessan_chart_renderer_get_value_scale (renderer, panel, &scale));
          switch (kind)
            {
            case KESSAN_CHART_STACKED_BARS:
              if (fabs (kessan_chart_scale_map (&scale, tops[s]) - kessan_chart_scale_map (&scale, bottoms[s])) < 3)
                continue;
              y = kessan_chart_scale_map (&scale, (bottoms[s] + tops[s]) / 2);
              break;
            case KESSAN_CHART_GROUPED_BARS:
              {
                double group = kessan_chart_renderer_get_slot_width (renderer, 0) * 0.8;

                if (fabs (kessan_chart_scale_map (&scale, value) - kessan_chart_scale_map (&scale, 0)) < 3)
                  continue;
                x = x - group / 2 + (s + 0.4) * group / n_series;
                y = kessan_chart_scale_map (&scale, value / 2);
              }
              break;
            case KESSAN_CHART_LINE:
            case KESSAN_CHART_SMALL_MULTIPLES:
            case KESSAN_CHART_BRIDGE:
            case KESSAN_CHART_N_KINDS:
            default:
              y = kessan_chart_scale_map (&scale, value);
              break;
            }
          if (!color_near (image, x, y, &color))
            g_error ("series %u, period %u: no colour %s at %.1f, %.1f", s, p, gdk_rgba_to_string (&color), x, y);
          checked++;
        }

      /* A period no release covers: a gap, not a zero. */
      if (!any)
        {
          for (guint s = 0; s < n_series; s++)
            {
              guint panel = kind == KESSAN_CHART_SMALL_MULTIPLES ? s : 0;
              GdkRGBA color;

              kessan_chart_renderer_get_series_color (renderer, s, &color);
              g_assert_true (kessan_chart_renderer_get_value_scale (renderer, panel, &scale));
              g_assert_false (color_in_column (image, kessan_chart_renderer_get_slot_x (renderer, panel, p),
                                               scale.pixel_max, scale.pixel_min, &color));
            }
          gaps++;
        }
    }
  /* The samples have no release for 1Q02. */
  g_assert_cmpuint (gaps, >, 0);
  return checked;
}

/* Every preset at a phone's, a laptop's and a large screen's size: the
 * texts the renderer laid out never touch one another and stay inside
 * the chart, and the chart still says what it is (its title, and the
 * last period or the end of a bridge). */
static void
test_labels_apart (Fixture       *fixture,
                   gconstpointer  data)
{
  static const struct { int width, height; } sizes[] = { { 340, 260 }, { 800, 500 }, { 1600, 1000 } };
  KessanChart *chart = kessan_charts_page_get_chart (fixture->page);
  KessanChartRenderer *renderer = kessan_chart_get_renderer (chart);

  for (guint i = 0; i < kessan_chart_presets_get_n (); i++)
    {
      const KessanChartPreset *preset = kessan_chart_presets_get (i);

      g_assert_true (kessan_charts_page_apply_preset (fixture->page, preset->id));
      for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
        {
          cairo_surface_t *surface = kessan_chart_renderer_render_image (renderer, sizes[z].width, sizes[z].height);
          GArray *boxes = kessan_chart_renderer_get_label_boxes (renderer);

          if (g_getenv ("KESSAN_CHART_SAVE") != NULL)
            {
              g_autofree char *name = g_strdup_printf ("%s/labels-%s-%d.png", g_getenv ("KESSAN_CHART_SAVE"),
                                                       preset->id, sizes[z].width);

              cairo_surface_write_to_png (surface, name);
            }
          g_test_message ("%s at %d × %d: %u texts", preset->id, sizes[z].width, sizes[z].height, boxes->len);
          /* A title, a caption or legend, and axis labels at least. */
          g_assert_cmpuint (boxes->len, >=, 4);
          for (guint a = 0; a < boxes->len; a++)
            {
              const graphene_rect_t *box = &g_array_index (boxes, graphene_rect_t, a);

              g_assert_cmpfloat (box->origin.x, >=, -0.5);
              g_assert_cmpfloat (box->origin.y, >=, -0.5);
              g_assert_cmpfloat (box->origin.x + box->size.width, <=, sizes[z].width + 0.5);
              g_assert_cmpfloat (box->origin.y + box->size.height, <=, sizes[z].height + 0.5);
              for (guint b = a + 1; b < boxes->len; b++)
                {
                  graphene_rect_t overlap;

                  if (graphene_rect_intersection (box, &g_array_index (boxes, graphene_rect_t, b), &overlap))
                    g_assert_cmpfloat (overlap.size.width * overlap.size.height, <, 0.01);
                }
            }
          cairo_surface_destroy (surface);
        }
    }
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The chart settings keep one width whatever preset is chosen: a long
 * preset name or period does not push the chart aside. */
static void
test_settings_width (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *flap = find_descendant (GTK_WIDGET (fixture->page), ADW_TYPE_FLAP);
  GtkWidget *settings;
  int first_minimum = -1, first_natural = -1;

  g_assert_nonnull (flap);
  settings = adw_flap_get_flap (ADW_FLAP (flap));
  for (guint i = 0; i < kessan_chart_presets_get_n (); i++)
    {
      int minimum, natural;

      g_assert_true (kessan_charts_page_apply_preset (fixture->page, kessan_chart_presets_get (i)->id));
      kessan_test_iterate_for (50);
      gtk_widget_measure (settings, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      if (first_minimum < 0)
        first_minimum = minimum, first_natural = natural;
      g_assert_cmpint (minimum, ==, first_minimum);
      g_assert_cmpint (natural, ==, first_natural);
    }
}

static void
collect_numeric_labels (GtkWidget *widget,
                        GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric"))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_numeric_labels (child, labels);
}

/* The chart's table names the unit once, in its heading, and its cells
 * hold numbers only. */
static void
test_table_unit (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *expander = find_descendant (GTK_WIDGET (fixture->page), GTK_TYPE_EXPANDER);
  GtkWidget *view;
  g_autoptr(GtkColumnViewColumn) first = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_assert_true (kessan_charts_page_apply_preset (fixture->page, "revenue-mix"));
  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  gtk_window_present (GTK_WINDOW (fixture->test.window));
  kessan_window_show_page (fixture->test.window, "charts");
  kessan_test_iterate_for (500);
  view = find_descendant (expander, GTK_TYPE_COLUMN_VIEW);
  first = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view)), 0);
  g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "Series (JPY millions)");
  collect_numeric_labels (view, labels);
  g_assert_cmpuint (labels->len, >, 6);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (labels->pdata[i]);

      g_assert_null (strstr (text, "JPY"));
      g_assert_null (strstr (text, "millions"));
    }
}

static void
test_presets (Fixture       *fixture,
              gconstpointer  data)
{
  KessanChart *chart = kessan_charts_page_get_chart (fixture->page);
  KessanChartRenderer *renderer = kessan_chart_get_renderer (chart);

  for (guint i = 0; i < kessan_chart_presets_get_n (); i++)
    {
      const KessanChartPreset *preset = kessan_chart_presets_get (i);

      g_assert_true (kessan_charts_page_apply_preset (fixture->page, preset->id));
      g_assert_cmpint (kessan_chart_get_kind (chart), ==, preset->kind);
      g_assert_nonnull (kessan_chart_get_model (chart));

      for (guint dark = 0; dark < 2; dark++)
        {
          Image image = render (renderer, dark);
          guint checked = check_pixels (renderer, &image);

          if (g_getenv ("KESSAN_CHART_SAVE") != NULL)
            {
              g_autofree char *name = g_strdup_printf ("%s/chart-%s-%s.png", g_getenv ("KESSAN_CHART_SAVE"),
                                                       preset->id, dark ? "dark" : "light");

              cairo_surface_write_to_png (image.surface, name);
            }
          g_test_message ("%s (%s): %u values checked", preset->id, dark ? "dark" : "light", checked);
          g_assert_cmpuint (checked, >=, 3);
          image_clear (&image);
        }
    }

  /* The two styles draw the series in colours of their own. */
  {
    GdkRGBA light, dark;

    kessan_chart_renderer_set_dark (renderer, FALSE);
    kessan_chart_renderer_get_series_color (renderer, 0, &light);
    kessan_chart_renderer_set_dark (renderer, TRUE);
    kessan_chart_renderer_get_series_color (renderer, 0, &dark);
    g_assert_false (gdk_rgba_equal (&light, &dark));
  }
}

/* Exports */

typedef struct
{
  guint elements;
  char *root;
} SvgCount;

static void
svg_start (GMarkupParseContext *context,
           const char          *element,
           const char         **names,
           const char         **values,
           gpointer             user_data,
           GError             **error)
{
  SvgCount *count = user_data;

  if (count->elements++ == 0)
    count->root = g_strdup (element);
}

static void
test_exports (Fixture       *fixture,
              gconstpointer  data)
{
  KessanChart *chart = kessan_charts_page_get_chart (fixture->page);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kessan-export-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (kessan_charts_page_apply_preset (fixture->page, "margins"));

  /* PNG: the signature, and the size asked for in its header. */
  g_assert_true (kessan_chart_export (chart, png, KESSAN_CHART_FORMAT_PNG, 1200, 750, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, &error));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (contents + 12, 4, "IHDR", 4);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 1200);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 20)), ==, 750);
  g_clear_pointer (&contents, g_free);

  /* SVG: well-formed XML, an <svg> with the title and the source line. */
  g_assert_true (kessan_chart_export (chart, svg, KESSAN_CHART_FORMAT_SVG, 800, 500, &error));
  g_assert_true (g_file_get_contents (svg, &contents, &length, &error));
  {
    GMarkupParser parser = { svg_start, NULL, NULL, NULL, NULL };
    SvgCount count = { 0, NULL };
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &count, NULL);

    g_assert_true (g_markup_parse_context_parse (context, contents, (gssize) length, &error));
    g_assert_true (g_markup_parse_context_end_parse (context, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (count.root, ==, "svg");
    g_assert_cmpuint (count.elements, >, 50);
    g_free (count.root);
  }
  g_clear_pointer (&contents, g_free);

  /* PDF: poppler opens it, one page of the size asked for, with the
   * title, the unit and the releases in its text. */
  g_assert_true (kessan_chart_export (chart, pdf, KESSAN_CHART_FORMAT_PDF, 800, 500, &error));
  {
    g_autofree char *uri = g_filename_to_uri (pdf, NULL, &error);
    /* poppler-glib 22.12 declares no autoptr cleanups. */
    PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
    PopplerPage *page = NULL;
    g_autofree char *text = NULL;
    double width, height;

    g_assert_no_error (error);
    g_assert_nonnull (document);
    g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
    page = poppler_document_get_page (document, 0);
    poppler_page_get_size (page, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 800, 0.5);
    g_assert_cmpfloat_with_epsilon (height, 500, 0.5);
    text = poppler_page_get_text (page);
    g_assert_nonnull (strstr (text, kessan_chart_renderer_get_title (kessan_chart_get_renderer (chart))));
    g_assert_nonnull (strstr (text, "001_ac7abb1bfabe4158.txt"));
    g_assert_nonnull (strstr (text, "%"));
    g_object_unref (page);
    g_object_unref (document);
  }

  /* The clipboard's image is the size asked for. */
  {
    g_autoptr(GdkTexture) texture = kessan_chart_render_texture (chart, 640, 400);

    g_assert_cmpint (gdk_texture_get_width (texture), ==, 640);
    g_assert_cmpint (gdk_texture_get_height (texture), ==, 400);
  }

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* Pointer and keyboard */

static void
test_hover_and_focus (Fixture       *fixture,
                      gconstpointer  data)
{
  KessanChart *chart = kessan_charts_page_get_chart (fixture->page);
  KessanChartRenderer *renderer = kessan_chart_get_renderer (chart);
  KessanChartModel *model;
  KessanChartScale scale;
  KessanChartHit hit;
  Image image;
  guint n_periods, last;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  const KessanChartHit *focus;

  g_assert_true (kessan_charts_page_apply_preset (fixture->page, "margins"));
  model = kessan_chart_get_model (chart);
  n_periods = kessan_chart_model_get_n_periods (model);
  image = render (renderer, FALSE);

  /* The pointer over the last point of the second series finds it, and
   * the tooltip gives its exact value and its release. */
  last = n_periods - 1;
  g_assert_true (kessan_chart_renderer_get_value_scale (renderer, 0, &scale));
  g_assert_true (kessan_chart_renderer_hit (renderer, kessan_chart_renderer_get_slot_x (renderer, 0, last),
                                            kessan_chart_scale_map (&scale, kessan_chart_model_get_shown (model, 1, last, KESSAN_CHART_VALUES_LATEST)),
                                            &hit));
  g_assert_cmpint (hit.series, ==, 1);
  g_assert_cmpint (hit.period, ==, (int) last);
  text = kessan_chart_renderer_describe (renderer, &hit);
  label = kessan_chart_model_get_label (model, 1, kessan_chart_renderer_get_japanese_labels (renderer), FALSE);
  g_assert_nonnull (strstr (text, label));
  g_assert_nonnull (strstr (text, kessan_chart_model_get_value (model, 1, last)->release));
  {
    g_autofree char *value = kessan_format_number (kessan_chart_model_get_shown (model, 1, last, KESSAN_CHART_VALUES_LATEST), 2,
                                                   kessan_chart_renderer_get_negative_style (renderer));

    g_assert_nonnull (strstr (text, value));
  }
  g_clear_pointer (&text, g_free);
  image_clear (&image);

  /* The keyboard: the first move focuses the last value, Left steps
   * back over the missing quarter, Down goes to the next series. */
  g_assert_true (kessan_chart_move_focus (chart, 0, 0));
  focus = kessan_chart_get_focus (chart);
  g_assert_cmpint (focus->series, ==, 0);
  g_assert_cmpint (focus->period, ==, (int) last);
  g_assert_nonnull (strstr (kessan_chart_get_description (chart), kessan_chart_model_get_value (model, 0, last)->release));
  while (kessan_chart_move_focus (chart, -1, 0))
    g_assert_false (isnan (kessan_chart_model_get_shown (model, 0, focus->period, KESSAN_CHART_VALUES_LATEST)));
  g_assert_cmpint (focus->period, ==, 0);
  g_assert_true (kessan_chart_move_focus (chart, 1, 0));
  g_assert_cmpint (focus->period, >, 1);  /* over the gap */
  g_assert_true (kessan_chart_move_focus (chart, 0, 1));
  g_assert_cmpint (focus->series, ==, 1);
  text = kessan_chart_renderer_describe (renderer, focus);
  /* The focused value first, the chart's data in words kept after it. */
  g_assert_true (g_str_has_prefix (kessan_chart_get_description (chart), text));

  /* The whole chart, for a screen reader: what it shows, and each
   * series' first and last values and its extremes. */
  g_clear_pointer (&text, g_free);
  text = kessan_chart_renderer_summarize (renderer);
  g_assert_nonnull (strstr (text, label));
  g_assert_nonnull (strstr (kessan_chart_get_description (chart), text));
  {
    double first = NAN, last_value = NAN, high = -INFINITY;

    for (guint p = 0; p < n_periods; p++)
      {
        double value = kessan_chart_model_get_shown (model, 0, p, KESSAN_CHART_VALUES_LATEST);

        if (isnan (value))
          continue;
        if (isnan (first))
          first = value;
        last_value = value;
        high = MAX (high, value);
      }
    for (guint i = 0; i < 3; i++)
      {
        double wanted = i == 0 ? first : i == 1 ? last_value : high;
        g_autofree char *number = kessan_format_number (wanted, 1, kessan_chart_renderer_get_negative_style (renderer));

        g_assert_nonnull (strstr (kessan_chart_get_description (chart), number));
      }
  }
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);
}

/* Rows of a statement charted: their concepts, over the library. */
static void
test_chart_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  KessanStatementsPage *statements = KESSAN_STATEMENTS_PAGE (kessan_window_get_page (fixture->test.window, "statements"));
  KessanChart *chart = kessan_charts_page_get_chart (fixture->page);
  g_auto(GStrv) concepts = NULL;
  KessanChartModel *model;

  g_assert_nonnull (kessan_statements_page_get_statement (statements));
  kessan_statements_page_select_rows (statements, 0, 4);
  concepts = kessan_statements_page_get_selected_concepts (statements);
  g_assert_nonnull (concepts[0]);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->test.window), "win.chart-rows", NULL));
  g_assert_cmpstr (kessan_window_get_visible_page (fixture->test.window), ==, "charts");
  model = kessan_chart_get_model (chart);
  g_assert_nonnull (model);
  /* The rows' concepts that have values, in the rows' order (a heading
   * has none). */
  g_assert_cmpuint (kessan_chart_model_get_n_series (model), >=, 1);
  g_assert_cmpuint (kessan_chart_model_get_n_series (model), <=, g_strv_length (concepts));
  for (guint s = 0, c = 0; s < kessan_chart_model_get_n_series (model); s++)
    {
      const char *key = kessan_chart_model_get_series (model, s)->key;

      while (concepts[c] != NULL && strcmp (concepts[c], key) != 0)
        c++;
      g_assert_nonnull (concepts[c]);
    }
}

int
main (int   argc,
      char *argv[])
{
  kessan_test_app_init (&argc, &argv);

  g_test_add ("/kessan/chart/presets", Fixture, NULL, fixture_set_up, test_presets, fixture_tear_down);
  g_test_add ("/kessan/chart/labels-apart", Fixture, NULL, fixture_set_up, test_labels_apart, fixture_tear_down);
  g_test_add ("/kessan/chart/settings-width", Fixture, NULL, fixture_set_up, test_settings_width, fixture_tear_down);
  g_test_add ("/kessan/chart/table-unit", Fixture, NULL, fixture_set_up, test_table_unit, fixture_tear_down);
  g_test_add ("/kessan/chart/exports", Fixture, NULL, fixture_set_up, test_exports, fixture_tear_down);
  g_test_add ("/kessan/chart/hover-and-focus", Fixture, NULL, fixture_set_up, test_hover_and_focus, fixture_tear_down);
  g_test_add ("/kessan/chart/statement-rows", Fixture, NULL, fixture_set_up, test_chart_rows, fixture_tear_down);

  return g_test_run ();
}
