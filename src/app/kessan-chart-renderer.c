/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-chart"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "kessan-chart-renderer.h"

/* One drawing of a chart with cairo and pango, for the widget's snapshot
 * and for the exports alike, so that what is exported is what is shown.
 * It keeps the geometry of its last drawing (the plot areas and their
 * scales) for the widget's hit tests.  Series are told apart by colour
 * and by the shape of their markers, so that a reader who does not see
 * the colours, or a print in grey, still can. */

#define PADDING         12
#define GAP             8
#define TICK_SPACING    44   /* pixels between ticks, at least */
#define MARKER_RADIUS   3.5
#define LINE_WIDTH      2.0
#define MAX_LABEL_LINES 3
#define LABEL_GAP       6
/* A bridge's step is named only when its slot takes a few characters. */
#define MIN_STEP_LABEL_WIDTH 40
#define MIN_MARKER_SLOT 14   /* pixels between periods for a marker each */

typedef struct
{
  double           x, y, width, height;  /* the plot area */
  KessanChartScale scale;                /* values onto y */
  guint            n_slots;              /* periods, or the steps of a bridge */
  int              series;               /* the series of a small multiple, else −1 */
} Panel;

struct _KessanChartRenderer
{
  GObject               parent_instance;

  /* Owned */
  KessanChartModel     *model;
  PangoFontDescription *font;
  char                 *title;
  char                 *footer;
  GArray               *bridge;  /* KessanChartBridgeStep of the bridge shown */
  GPtrArray            *labels;  /* of the series, in the label language */
  GArray               *panels;  /* Panel, of the last drawing */
  GArray               *label_boxes;  /* graphene_rect_t, the texts of the last drawing */
  double                draw_width;
  double                draw_height;

  KessanChartKind       kind;
  KessanChartValues     values;
  KessanNegativeStyle   negative_style;
  GdkRGBA               foreground;
  GdkRGBA               background;
  gboolean              paint_background;
  gboolean              dark;
  gboolean              japanese_labels;
  gboolean              both_labels;
  gboolean              japanese_periods;
  guint                 bridge_from;
  guint                 bridge_to;
  gboolean              bridge_set;
  KessanChartHit        focus;
  KessanChartHit        hover;
  double                hover_y;
};

G_DEFINE_FINAL_TYPE (KessanChartRenderer, kessan_chart_renderer, G_TYPE_OBJECT)

/* Colours of libadwaita's palette, in an order that keeps neighbours apart
 * for the common kinds of colour blindness (blue and orange first), a
 * darker shade on the light style and a lighter one on the dark. */
static const guint32 palette_light[] = {
  0x1c71d8, /* blue 4 */
  0xe66100, /* orange 4 */
  0x26a269, /* green 5 */
  0x9141ac, /* purple 3 */
  0xc88800, /* yellow 5, darkened to read on white */
  0xc01c28, /* red 4 */
  0x865e3c, /* brown 4 */
  0x5e5c64, /* dark 2 */
  0x62a0ea, /* blue 2 */
  0xffa348, /* orange 2 */
  0x2ec27e, /* green 4 */
  0xc061cb, /* purple 2 */
};

static const guint32 palette_dark[] = {
  0x62a0ea, /* blue 2 */
  0xffa348, /* orange 2 */
  0x33d17a, /* green 3 */
  0xdc8add, /* purple 1 */
  0xf6d32d, /* yellow 3 */
  0xf66151, /* red 1 */
  0xcdab8f, /* brown 1 */
  0xc0bfbc, /* light 5 */
  0x99c1f1, /* blue 1 */
  0xffbe6f, /* orange 1 */
  0x8ff0a4, /* green 1 */
  0xc061cb, /* purple 2 */
};

typedef enum
{
  MARKER_CIRCLE,
  MARKER_SQUARE,
  MARKER_TRIANGLE,
  MARKER_DIAMOND,
  MARKER_TRIANGLE_DOWN,
  MARKER_PLUS,
  MARKER_CROSS,
  MARKER_STAR,
  N_MARKERS
} Marker;

static void
rgba_from_hex (GdkRGBA *color,
               guint32  hex,
               double   alpha)
{
  color->red = ((hex >> 16) & 0xff) / 255.0;
  color->green = ((hex >> 8) & 0xff) / 255.0;
  color->blue = (hex & 0xff) / 255.0;
  color->alpha = alpha;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Life cycle and settings */

static void
invalidate_bridge (KessanChartRenderer *self)
{
  g_clear_pointer (&self->bridge, g_array_unref);
}

static void
invalidate_labels (KessanChartRenderer *self)
{
  g_clear_pointer (&self->labels, g_ptr_array_unref);
}

static void
kessan_chart_renderer_finalize (GObject *object)
{
  KessanChartRenderer *self = KESSAN_CHART_RENDERER (object);

  g_clear_object (&self->model);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->bridge, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->panels, g_array_unref);
  g_clear_pointer (&self->label_boxes, g_array_unref);
  g_free (self->title);
  g_free (self->footer);

  G_OBJECT_CLASS (kessan_chart_renderer_parent_class)->finalize (object);
}

static void
kessan_chart_renderer_class_init (KessanChartRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kessan_chart_renderer_finalize;
}

static void
kessan_chart_renderer_init (KessanChartRenderer *self)
{
  self->font = pango_font_description_from_string ("Sans 10");
  self->panels = g_array_new (FALSE, TRUE, sizeof (Panel));
  self->label_boxes = g_array_new (FALSE, TRUE, sizeof (graphene_rect_t));
  self->foreground = (GdkRGBA) { 0, 0, 0, 0.8 };
  self->background = (GdkRGBA) { 1, 1, 1, 1 };
  self->focus = self->hover = (KessanChartHit) { -1, -1, -1 };
  self->japanese_periods = g_str_has_prefix (g_get_language_names ()[0], "ja");
  self->japanese_labels = self->japanese_periods;
}

KessanChartRenderer *
kessan_chart_renderer_new (void)
{
  return g_object_new (KESSAN_TYPE_CHART_RENDERER, NULL);
}

void
kessan_chart_renderer_set_model (KessanChartRenderer *self,
                                 KessanChartModel    *model)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  if (!g_set_object (&self->model, model))
    return;
  invalidate_bridge (self);
  invalidate_labels (self);
  self->bridge_set = FALSE;
  self->focus = self->hover = (KessanChartHit) { -1, -1, -1 };
  g_array_set_size (self->panels, 0);
}

KessanChartModel *
kessan_chart_renderer_get_model (KessanChartRenderer *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), NULL);

  return self->model;
}

void
kessan_chart_renderer_set_kind (KessanChartRenderer *self,
                                KessanChartKind      kind)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  self->kind = kind;
  self->focus = self->hover = (KessanChartHit) { -1, -1, -1 };
}

KessanChartKind
kessan_chart_renderer_get_kind (KessanChartRenderer *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), KESSAN_CHART_LINE);

  return self->kind;
}

void
kessan_chart_renderer_set_values (KessanChartRenderer *self,
                                  KessanChartValues    values)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  if (self->values != values)
    invalidate_bridge (self);
  self->values = values;
}

KessanChartValues
kessan_chart_renderer_get_values (KessanChartRenderer *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), KESSAN_CHART_VALUES_LATEST);

  return self->values;
}

void
kessan_chart_renderer_set_dark (KessanChartRenderer *self,
                                gboolean             dark)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  self->dark = !!dark;
}

void
kessan_chart_renderer_set_foreground (KessanChartRenderer *self,
                                      const GdkRGBA       *color)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  self->foreground = *color;
}

void
kessan_chart_renderer_set_background (KessanChartRenderer *self,
                                      const GdkRGBA       *color)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  self->paint_background = color != NULL;
  if (color != NULL)
    self->background = *color;
  else
    /* Hollow markers are filled with the window's colour of the style. */
    rgba_from_hex (&self->background, self->dark ? 0x242424 : 0xfafafa, 1);
}

void
kessan_chart_renderer_set_font (KessanChartRenderer        *self,
                                const PangoFontDescription *font)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  if (font == NULL || pango_font_description_equal (font, self->font))
    return;
  pango_font_description_free (self->font);
  self->font = pango_font_description_copy (font);
}

void
kessan_chart_renderer_set_languages (KessanChartRenderer *self,
                                     gboolean             japanese_labels,
                                     gboolean             both_labels,
                                     gboolean             japanese_periods)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  if (self->japanese_labels != !!japanese_labels || self->both_labels != !!both_labels)
    invalidate_labels (self);
  self->japanese_labels = !!japanese_labels;
  self->both_labels = !!both_labels;
  self->japanese_periods = !!japanese_periods;
}

gboolean
kessan_chart_renderer_get_japanese_labels (KessanChartRenderer *self)
{
  return self->japanese_labels;
}

gboolean
kessan_chart_renderer_get_both_labels (KessanChartRenderer *self)
{
  return self->both_labels;
}

gboolean
kessan_chart_renderer_get_japanese_periods (KessanChartRenderer *self)
{
  return self->japanese_periods;
}

void
kessan_chart_renderer_set_negative_style (KessanChartRenderer *self,
                                          KessanNegativeStyle  style)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  self->negative_style = style;
}

KessanNegativeStyle
kessan_chart_renderer_get_negative_style (KessanChartRenderer *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), KESSAN_NEGATIVE_MINUS);

  return self->negative_style;
}

void
kessan_chart_renderer_set_title (KessanChartRenderer *self,
                                 const char          *title)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  g_free (self->title);
  self->title = title != NULL && *title != '\0' ? g_strdup (title) : NULL;
}

const char *
kessan_chart_renderer_get_title (KessanChartRenderer *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), NULL);

  return self->title;
}

void
kessan_chart_renderer_set_footer (KessanChartRenderer *self,
                                  const char          *footer)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  g_free (self->footer);
  self->footer = footer != NULL && *footer != '\0' ? g_strdup (footer) : NULL;
}

/**
 * kessan_chart_renderer_set_bridge:
 * @self: a #KessanChartRenderer
 * @from_period: the period a bridge starts from
 * @to_period: the period it ends at
 *
 * Without a call, a bridge runs from the next to last period of the
 * model to the last one.
 */
void
kessan_chart_renderer_set_bridge (KessanChartRenderer *self,
                                  guint                from_period,
                                  guint                to_period)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  invalidate_bridge (self);
  self->bridge_from = from_period;
  self->bridge_to = to_period;
  self->bridge_set = TRUE;
}

/**
 * kessan_chart_renderer_get_bridge:
 * @self: a #KessanChartRenderer
 *
 * Returns: (transfer none) (nullable): the steps of the bridge drawn
 */
GArray *
kessan_chart_renderer_get_bridge (KessanChartRenderer *self)
{
  guint n;

  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), NULL);

  if (self->bridge != NULL || self->model == NULL)
    return self->bridge;
  n = kessan_chart_model_get_n_periods (self->model);
  if (n < 2)
    return NULL;
  if (!self->bridge_set || self->bridge_from >= n || self->bridge_to >= n)
    {
      /* The last two periods that have the total. */
      int to = -1, from = -1;

      for (int p = (int) n - 1; p >= 0 && from < 0; p--)
        if (!isnan (kessan_chart_model_get_shown (self->model, 0, (guint) p, self->values)))
          {
            if (to < 0)
              to = p;
            else
              from = p;
          }
      if (from < 0)
        return NULL;
      self->bridge_from = (guint) from;
      self->bridge_to = (guint) to;
    }
  self->bridge = kessan_chart_model_bridge (self->model, self->bridge_from, self->bridge_to, self->values);
  return self->bridge;
}

void
kessan_chart_renderer_set_focus (KessanChartRenderer  *self,
                                 const KessanChartHit *focus)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  self->focus = focus != NULL ? *focus : (KessanChartHit) { -1, -1, -1 };
}

void
kessan_chart_renderer_set_hover (KessanChartRenderer  *self,
                                 const KessanChartHit *hover,
                                 double                y)
{
  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  self->hover = hover != NULL ? *hover : (KessanChartHit) { -1, -1, -1 };
  self->hover_y = y;
}

/* Text */

static const char *
series_label (KessanChartRenderer *self,
              int                  series)
{
  if (series < 0)
    /* TRANSLATORS: the step of a bridge chart for what the listed lines do not explain */
    return _("Other changes");
  if (self->labels == NULL)
    {
      guint n = kessan_chart_model_get_n_series (self->model);

      self->labels = g_ptr_array_new_full (n, g_free);
      for (guint s = 0; s < n; s++)
        g_ptr_array_add (self->labels, kessan_chart_model_get_label (self->model, s, self->japanese_labels, self->both_labels));
    }
  return g_ptr_array_index (self->labels, series);
}

static guint
value_decimals (KessanUnit unit)
{
  switch (unit)
    {
    case KESSAN_UNIT_CURRENCY:
    case KESSAN_UNIT_PERCENT:
    case KESSAN_UNIT_GBPS:
      return 1;
    case KESSAN_UNIT_COUNT:
    case KESSAN_UNIT_SHARES:
    case KESSAN_UNIT_NONE:
    case KESSAN_UNIT_PER_SHARE:
    default:
      return 0;
    }
}

/* A value as a table prints it under a heading that names its unit:
 * the number alone, with the decimals of its unit. */
char *
kessan_chart_renderer_format_number (KessanChartRenderer *self,
                                     guint                series,
                                     double               value)
{
  KessanUnit unit;

  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), NULL);
  g_return_val_if_fail (self->model != NULL && series < kessan_chart_model_get_n_series (self->model), NULL);

  unit = kessan_chart_model_get_series (self->model, series)->unit;
  return kessan_format_number (value, value_decimals (unit), self->negative_style);
}

/**
 * kessan_chart_renderer_format_value:
 * @self: a #KessanChartRenderer
 * @series: a series
 * @value: a value in the unit of the axis
 *
 * Returns: (transfer full): @value with its unit, as the chart names it
 */
char *
kessan_chart_renderer_format_value (KessanChartRenderer *self,
                                    guint                series,
                                    double               value)
{
  KessanUnit unit = kessan_chart_model_get_series (self->model, series)->unit;
  g_autofree char *number = kessan_format_number (value, value_decimals (unit), self->negative_style);

  g_autofree char *caption = NULL;

  if (unit == KESSAN_UNIT_PERCENT)
    return g_strconcat (number, "%", NULL);
  caption = kessan_chart_model_dup_unit_caption (self->model, unit);
  /* TRANSLATORS: a value and its unit: "−829.8 JPY millions" */
  return g_strdup_printf (C_("value with unit", "%s %s"), number, caption);
}

/* The value as the release printed it: "−829,760 JPY thousands". */
static char *
format_printed (KessanChartRenderer    *self,
                guint                   series,
                const KessanChartValue *value,
                double                  shown)
{
  KessanUnit unit = kessan_chart_model_get_series (self->model, series)->unit;
  double printed = shown * kessan_chart_unit_divisor (unit) / MAX (value->scale, 1);
  g_autofree char *number = kessan_format_number (printed, value->decimals, self->negative_style);
  g_autofree char *scale = NULL;

  if (unit == KESSAN_UNIT_PERCENT)
    {
      g_free (number);
      number = kessan_format_number (shown, 2, self->negative_style);
      return g_strconcat (number, "%", NULL);
    }
  if (unit != KESSAN_UNIT_CURRENCY)
    scale = kessan_chart_model_dup_unit_caption (self->model, unit);
  else
    scale = kessan_format_currency_unit (value->scale, kessan_chart_model_get_currency_code (self->model), NULL);
  return g_strdup_printf (C_("value with unit", "%s %s"), number, scale);
}

static char *
period_label (KessanChartRenderer *self,
              guint                period)
{
  const KessanChartPeriod *info = kessan_chart_model_get_period (self->model, period);

  return kessan_format_fiscal_period_short (info->period_end, info->months,
                                            kessan_chart_model_get_calendar (self->model), self->japanese_periods);
}

/**
 * kessan_chart_renderer_describe:
 * @self: a #KessanChartRenderer
 * @hit: a point of the chart
 *
 * Returns: (transfer full) (nullable): the exact value at @hit and the
 *   release it came from, for a tooltip or a screen reader
 */
char *
kessan_chart_renderer_describe (KessanChartRenderer  *self,
                                const KessanChartHit *hit)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *period = NULL;
  const KessanChartValue *value;
  double shown;

  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), NULL);

  if (self->model == NULL || hit == NULL)
    return NULL;

  if (hit->step >= 0)
    {
      GArray *steps = kessan_chart_renderer_get_bridge (self);
      const KessanChartBridgeStep *step;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      g_autofree char *amount = NULL;

      if (steps == NULL || (guint) hit->step >= steps->len)
        return NULL;
      step = &g_array_index (steps, KessanChartBridgeStep, hit->step);
      from = period_label (self, self->bridge_from);
      to = period_label (self, self->bridge_to);
      if (step->kind == KESSAN_CHART_STEP_DELTA)
        {
          g_autofree char *change = kessan_chart_renderer_format_value (self, 0, step->to - step->from);

          /* TRANSLATORS: a step of a bridge chart: "Dial-up access services: +12.3 JPY millions from 1Q03 to 2Q03" */
          g_string_append_printf (text, _("%s: %s%s from %s to %s"), series_label (self, step->series),
                                  step->to > step->from ? "+" : "", change, from, to);
          return g_string_free (g_steal_pointer (&text), FALSE);
        }
      amount = kessan_chart_renderer_format_value (self, 0, step->to);
      /* TRANSLATORS: the total at either end of a bridge chart: "Operating income (loss), 2Q03: −829.8 JPY millions" */
      g_string_append_printf (text, _("%s, %s: %s"), series_label (self, 0),
                              step->kind == KESSAN_CHART_STEP_START ? from : to, amount);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  if (hit->series < 0 || hit->period < 0
      || (guint) hit->series >= kessan_chart_model_get_n_series (self->model)
      || (guint) hit->period >= kessan_chart_model_get_n_periods (self->model))
    return NULL;

  value = kessan_chart_model_get_value (self->model, hit->series, hit->period);
  period = kessan_format_fiscal_period (kessan_chart_model_get_period (self->model, hit->period)->period_end,
                                        kessan_chart_model_get_period (self->model, hit->period)->months,
                                        kessan_chart_model_get_calendar (self->model));
  shown = kessan_chart_model_get_shown (self->model, hit->series, hit->period, self->values);
  if (isnan (shown))
    {
      /* TRANSLATORS: a period a series has no value for: "Total revenues, 1Q FY2002: no value" */
      g_string_append_printf (text, _("%s, %s: no value"), series_label (self, hit->series), period);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  {
    g_autofree char *printed = format_printed (self, hit->series, value, shown);

    /* TRANSLATORS: a value of a chart: "Total revenues, 2Q FY2003: 9,185,259 JPY thousands" */
    g_string_append_printf (text, _("%s, %s: %s"), series_label (self, hit->series), period, printed);
  }
  if (value->flags & KESSAN_CHART_POINT_DERIVED)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Computed from other series"));
    }
  if (value->release != NULL)
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: the release file a value was read from */
      g_string_append_printf (text, _("Release: %s"), self->values == KESSAN_CHART_VALUES_FIRST_PUBLISHED ? value->first_release : value->release);
    }
  if (value->flags & KESSAN_CHART_POINT_RESTATED)
    {
      double other = self->values == KESSAN_CHART_VALUES_FIRST_PUBLISHED ? value->latest : value->first;
      g_autofree char *printed = format_printed (self, hit->series, value, other);

      g_string_append_c (text, '\n');
      if (self->values == KESSAN_CHART_VALUES_FIRST_PUBLISHED)
        /* TRANSLATORS: the figure a later release printed for a value: "Restated as 9,185,259 JPY thousands in 004.txt" */
        g_string_append_printf (text, _("Restated as %s in %s"), printed, value->release);
      else
        /* TRANSLATORS: the figure first printed for a value a later release restated */
        g_string_append_printf (text, _("First published as %s in %s"), printed, value->first_release);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
kind_name (KessanChartKind kind)
{
  switch (kind)
    {
    case KESSAN_CHART_LINE:
      return _("Line chart");
    case KESSAN_CHART_GROUPED_BARS:
      return _("Bar chart");
    case KESSAN_CHART_STACKED_BARS:
      return _("Stacked bar chart");
    case KESSAN_CHART_BRIDGE:
      return _("Bridge chart");
    case KESSAN_CHART_SMALL_MULTIPLES:
    case KESSAN_CHART_N_KINDS:
    default:
      return _("Small multiples");
    }
}

/**
 * kessan_chart_renderer_summarize:
 * @self: a #KessanChartRenderer
 *
 * Returns: (transfer full): a description of the whole chart, for a
 *   screen reader
 */
char *
kessan_chart_renderer_summarize (KessanChartRenderer *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_series, n_periods;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), NULL);

  if (self->model == NULL || kessan_chart_model_get_n_periods (self->model) == 0
      || kessan_chart_model_get_n_series (self->model) == 0)
    return g_strdup (_("An empty chart"));
  n_series = kessan_chart_model_get_n_series (self->model);
  n_periods = kessan_chart_model_get_n_periods (self->model);
  first = kessan_format_fiscal_period (kessan_chart_model_get_period (self->model, 0)->period_end,
                                       kessan_chart_model_get_period (self->model, 0)->months,
                                       kessan_chart_model_get_calendar (self->model));
  last = kessan_format_fiscal_period (kessan_chart_model_get_period (self->model, n_periods - 1)->period_end,
                                      kessan_chart_model_get_period (self->model, n_periods - 1)->months,
                                      kessan_chart_model_get_calendar (self->model));
  /* TRANSLATORS: "Line chart of 3 series from 4Q FY2001 to 2Q FY2003: Gross margin, …" */
  g_string_append_printf (text, g_dngettext (NULL, "%s of %u series from %s to %s:", "%s of %u series from %s to %s:", n_series),
                          kind_name (self->kind), n_series, first, last);
  for (guint s = 0; s < n_series; s++)
    {
      g_string_append (text, s == 0 ? " " : ", ");
      g_string_append (text, series_label (self, (int) s));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Colours and markers */

void
kessan_chart_renderer_get_series_color (KessanChartRenderer *self,
                                        guint                series,
                                        GdkRGBA             *color)
{
  const guint32 *palette = self->dark ? palette_dark : palette_light;

  rgba_from_hex (color, palette[series % G_N_ELEMENTS (palette_light)], 1);
}

/* Totals in a neutral grey, increases blue and decreases orange: a pair
 * that colour-blind readers tell apart; the signs are printed too. */
void
kessan_chart_renderer_get_bridge_colors (KessanChartRenderer *self,
                                         GdkRGBA             *total,
                                         GdkRGBA             *increase,
                                         GdkRGBA             *decrease)
{
  rgba_from_hex (total, self->dark ? 0x9a9996 : 0x5e5c64, 1);
  rgba_from_hex (increase, self->dark ? 0x62a0ea : 0x1c71d8, 1);
  rgba_from_hex (decrease, self->dark ? 0xffa348 : 0xe66100, 1);
}

static void
marker_path (cairo_t *cr,
             Marker   marker,
             double   x,
             double   y,
             double   r)
{
  switch (marker)
    {
    case MARKER_SQUARE:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case MARKER_TRIANGLE_DOWN:
      cairo_move_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x + r * 1.1, y - r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y - r * 0.8);
      cairo_close_path (cr);
      break;
    case MARKER_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.3);
      cairo_line_to (cr, x + r * 1.3, y);
      cairo_line_to (cr, x, y + r * 1.3);
      cairo_line_to (cr, x - r * 1.3, y);
      cairo_close_path (cr);
      break;
    case MARKER_PLUS:
      cairo_rectangle (cr, x - r * 1.2, y - r * 0.4, r * 2.4, r * 0.8);
      cairo_rectangle (cr, x - r * 0.4, y - r * 1.2, r * 0.8, r * 2.4);
      break;
    case MARKER_CROSS:
      cairo_move_to (cr, x - r, y - r * 0.5);
      cairo_line_to (cr, x - r * 0.5, y - r);
      cairo_line_to (cr, x + r, y + r * 0.5);
      cairo_line_to (cr, x + r * 0.5, y + r);
      cairo_close_path (cr);
      cairo_move_to (cr, x + r, y - r * 0.5);
      cairo_line_to (cr, x + r * 0.5, y - r);
      cairo_line_to (cr, x - r, y + r * 0.5);
      cairo_line_to (cr, x - r * 0.5, y + r);
      cairo_close_path (cr);
      break;
    case MARKER_STAR:
      for (guint i = 0; i < 10; i++)
        {
          double angle = -G_PI / 2 + i * G_PI / 5;
          double radius = i % 2 == 0 ? r * 1.4 : r * 0.6;

          if (i == 0)
            cairo_move_to (cr, x + radius * cos (angle), y + radius * sin (angle));
          else
            cairo_line_to (cr, x + radius * cos (angle), y + radius * sin (angle));
        }
      cairo_close_path (cr);
      break;
    case MARKER_CIRCLE:
    case N_MARKERS:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* Layout of text */

static void
layout_set_text (PangoLayout *layout,
                 const char  *text,
                 int          width,
                 int          lines)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width > 0 ? width * PANGO_SCALE : -1);
  pango_layout_set_height (layout, width > 0 ? -lines : -1);
  pango_layout_set_ellipsize (layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
}

static void
text_size (PangoLayout *layout,
           int         *width,
           int         *height)
{
  pango_layout_get_pixel_size (layout, width, height);
}

/* Every text of a chart goes through here: one that would touch a text
 * drawn before it, or leave the chart, is left out, so that no two
 * labels ever overlap and none is cut (what is left out is in the
 * tooltips and the data table).  What comes first wins: the title, the
 * legend, the axes, then the values.  Returns whether it was drawn. */
static gboolean
draw_text (KessanChartRenderer *self,
           cairo_t             *cr,
           PangoLayout         *layout,
           double               x,
           double               y)
{
  PangoRectangle ink, logical;
  graphene_rect_t box, wide;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  if (ink.width <= 0 || ink.height <= 0)
    return TRUE;
  /* The ink, across the whole height of the lines: what a reader sees
   * as the label. */
  graphene_rect_init (&box, x + ink.x, y + logical.y, ink.width, logical.height);
  if (box.origin.x < -0.5 || box.origin.y < -0.5
      || box.origin.x + box.size.width > self->draw_width + 0.5
      || box.origin.y + box.size.height > self->draw_height + 0.5)
    return FALSE;
  /* Labels keep a gap between them, or they read as one word. */
  graphene_rect_inset_r (&box, -LABEL_GAP / 2.0, 0, &wide);
  for (guint i = 0; i < self->label_boxes->len; i++)
    {
      graphene_rect_t other;

      graphene_rect_inset_r (&g_array_index (self->label_boxes, graphene_rect_t, i), -LABEL_GAP / 2.0, 0, &other);
      if (graphene_rect_intersection (&wide, &other, NULL))
        return FALSE;
    }
  g_array_append_val (self->label_boxes, box);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return TRUE;
}

/**
 * kessan_chart_renderer_get_label_boxes:
 * @self: a #KessanChartRenderer
 *
 * Returns: (transfer none) (element-type graphene_rect_t): where the texts
 *   of the last drawing are, none touching another
 */
GArray *
kessan_chart_renderer_get_label_boxes (KessanChartRenderer *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), NULL);

  return self->label_boxes;
}

static void
set_font (PangoLayout                *layout,
          const PangoFontDescription *base,
          double                      scale,
          PangoWeight                 weight)
{
  PangoFontDescription *font = pango_font_description_copy (base);
  int size = pango_font_description_get_size (base);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (font, (int) (size * scale));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}

/* Axes */

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  double       line_height;
} Ctx;

static char *
slot_label (KessanChartRenderer *self,
            guint                slot)
{
  if (self->kind == KESSAN_CHART_BRIDGE)
    {
      GArray *steps = kessan_chart_renderer_get_bridge (self);
      const KessanChartBridgeStep *step = &g_array_index (steps, KessanChartBridgeStep, slot);

      if (step->kind == KESSAN_CHART_STEP_START)
        return period_label (self, self->bridge_from);
      if (step->kind == KESSAN_CHART_STEP_END)
        return period_label (self, self->bridge_to);
      return g_strdup (series_label (self, step->series));
    }
  return period_label (self, slot);
}

/* Ticks, grid, zero line and the labels of both axes around a plot area
 * that takes the rest of @x, @y, @width, @height. */
static Panel
draw_axes (KessanChartRenderer *self,
           Ctx                 *ctx,
           double               x,
           double               y,
           double               width,
           double               height,
           double               min,
           double               max,
           guint                n_slots,
           KessanUnit           unit,
           gboolean             compact)
{
  cairo_t *cr = ctx->cr;
  PangoLayout *layout = ctx->layout;
  KessanChartTicks ticks;
  Panel panel = { 0, };
  double label_width = 0, caption_height = 0, slot_labels_height;
  int label_lines = self->kind == KESSAN_CHART_BRIDGE ? MAX_LABEL_LINES : 1;
  guint decimals, every;
  int w, h;

  kessan_chart_ticks (min, max, (guint) CLAMP (height / TICK_SPACING, 3, 10), &ticks);
  decimals = kessan_chart_ticks_decimals (&ticks);

  set_font (layout, self->font, compact ? 0.85 : 0.9, PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < ticks.n; i++)
    {
      g_autofree char *text = kessan_format_number (ticks.min + i * ticks.step, decimals, self->negative_style);

      layout_set_text (layout, text, -1, 1);
      text_size (layout, &w, &h);
      label_width = MAX (label_width, w);
    }
  if (!compact)
    {
      g_autofree char *caption = kessan_chart_model_dup_unit_caption (self->model, unit);

      layout_set_text (layout, caption, -1, 1);
      text_size (layout, &w, &h);
      caption_height = h + 6;
      set_source (cr, &self->foreground, 0.7);
      draw_text (self, cr, layout, x, y);
    }
  slot_labels_height = ctx->line_height * 0.9 * label_lines + 6;

  panel.x = x + label_width + 8;
  panel.y = y + caption_height + 6;
  panel.width = MAX (width - label_width - 8 - 6, 10);
  panel.height = MAX (height - caption_height - 6 - slot_labels_height, 10);
  panel.n_slots = MAX (n_slots, 1);
  panel.series = -1;
  panel.scale = (KessanChartScale) { ticks.min, ticks.max, panel.y + panel.height, panel.y };

  /* The labels of the slots: as many as fit without touching, the last
   * one always.  They come before the values of the ticks, which give
   * way where the lowest one meets them. */
  {
    double slot_width = panel.width / panel.n_slots;
    double widest = 0;
    g_autoptr(PangoAttrList) no_hyphens = pango_attr_list_new ();

    /* A word broken across lines takes no hyphen: the slot's edge is
     * the break. */
    pango_attr_list_insert (no_hyphens, pango_attr_insert_hyphens_new (FALSE));

    if (self->kind == KESSAN_CHART_BRIDGE)
      every = 1;
    else
      {
        g_autofree char *sample = slot_label (self, panel.n_slots - 1);
        g_autofree char *first = slot_label (self, 0);

        layout_set_text (layout, sample, -1, 1);
        text_size (layout, &w, &h);
        widest = w;
        layout_set_text (layout, first, -1, 1);
        text_size (layout, &w, &h);
        widest = MAX (widest, w);
        every = (guint) ceil ((widest + 10) / MAX (slot_width, 1));
        every = MAX (every, 1);
      }

    set_source (cr, &self->foreground, 0.7);
    /* From the last: the latest period is the one always shown. */
    for (guint slot = panel.n_slots; slot-- > 0;)
      {
        g_autofree char *text = NULL;
        double cx = panel.x + (slot + 0.5) * slot_width;
        double box_width = MAX (slot_width - LABEL_GAP, 8);

        if ((panel.n_slots - 1 - slot) % every != 0)
          continue;
        if (self->kind == KESSAN_CHART_BRIDGE && box_width < MIN_STEP_LABEL_WIDTH)
          {
            const KessanChartBridgeStep *step = &g_array_index (kessan_chart_renderer_get_bridge (self), KessanChartBridgeStep, slot);

            /* Slots too narrow for words: only the two periods are
             * named, on one line each; the steps are in the tooltips
             * and the table. */
            if (step->kind == KESSAN_CHART_STEP_DELTA)
              continue;
            text = slot_label (self, slot);
            layout_set_text (layout, text, -1, 1);
            text_size (layout, &w, &h);
            draw_text (self, cr, layout, CLAMP (cx - w / 2.0, x, x + width - w), panel.y + panel.height + 6);
            continue;
          }
        text = slot_label (self, slot);
        if (self->kind == KESSAN_CHART_BRIDGE)
          {
            const char *year = strstr (text, "年");

            /* A Japanese period too wide for its slot breaks after its
             * year, not inside its months ("2003年4-6" / "月"). */
            if (year != NULL && year[strlen ("年")] != '\0')
              {
                layout_set_text (layout, text, -1, 1);
                text_size (layout, &w, &h);
                if (w > box_width)
                  {
                    gsize split = (gsize) (year - text) + strlen ("年");
                    char *broken = g_strdup_printf ("%.*s\n%s", (int) split, text, text + split);

                    g_free (text);
                    text = broken;
                  }
              }
            /* A step's label wraps inside its slot, breaking a word
             * too long for it rather than running into the next. */
            layout_set_text (layout, text, (int) box_width, label_lines);
            pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
            pango_layout_set_attributes (layout, no_hyphens);
            pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
            text_size (layout, &w, &h);
            draw_text (self, cr, layout, cx - box_width / 2, panel.y + panel.height + 6);
            pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
            pango_layout_set_attributes (layout, NULL);
          }
        else
          {
            layout_set_text (layout, text, -1, 1);
            text_size (layout, &w, &h);
            draw_text (self, cr, layout, CLAMP (cx - w / 2.0, x, x + width - w), panel.y + panel.height + 6);
          }
      }
  }
  /* Grid lines at the ticks, the zero line stronger than the rest. */
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < ticks.n; i++)
    {
      double value = ticks.min + i * ticks.step;
      double py = round (kessan_chart_scale_map (&panel.scale, value)) + 0.5;
      g_autofree char *text = kessan_format_number (value, decimals, self->negative_style);

      if (fabs (value) < ticks.step * 1e-9)
        continue;
      set_source (cr, &self->foreground, 0.1);
      cairo_move_to (cr, panel.x, py);
      cairo_line_to (cr, panel.x + panel.width, py);
      cairo_stroke (cr);
      layout_set_text (layout, text, -1, 1);
      text_size (layout, &w, &h);
      set_source (cr, &self->foreground, 0.7);
      draw_text (self, cr, layout, panel.x - 6 - w, py - h / 2.0);
    }
  if (ticks.min <= 0 && ticks.max >= 0)
    {
      double py = round (kessan_chart_scale_map (&panel.scale, 0)) + 0.5;
      g_autofree char *text = kessan_format_number (0, decimals, self->negative_style);

      set_source (cr, &self->foreground, 0.6);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, panel.x, py);
      cairo_line_to (cr, panel.x + panel.width, py);
      cairo_stroke (cr);
      layout_set_text (layout, text, -1, 1);
      text_size (layout, &w, &h);
      set_source (cr, &self->foreground, 0.7);
      draw_text (self, cr, layout, panel.x - 6 - w, py - h / 2.0);
    }

  return panel;
}

static double
slot_center (const Panel *panel,
             guint        slot)
{
  return panel->x + (slot + 0.5) * panel->width / panel->n_slots;
}

/* The series */

static void
draw_lines (KessanChartRenderer *self,
            Ctx                 *ctx,
            const Panel         *panel,
            guint                first_series,
            guint                n_series)
{
  cairo_t *cr = ctx->cr;
  guint n_periods = kessan_chart_model_get_n_periods (self->model);
  static const double dashes[] = { 5, 3 };
  double radius = panel->series >= 0 ? MARKER_RADIUS * 0.85 : MARKER_RADIUS;
  double slot_width = panel->width / panel->n_slots;

  /* Long antialiased polylines are most of a redraw: cairo's fast
   * antialiasing and a coarser tolerance halve their time (see
   * docs/performance.md) with no difference to see at these widths. */
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_tolerance (cr, 0.5);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint s = first_series; s < first_series + n_series; s++)
    {
      GdkRGBA color;
      gboolean any_derived = FALSE, any_hollow = FALSE;
      double px = 0, py = 0;
      gboolean previous = FALSE;

      kessan_chart_renderer_get_series_color (self, s, &color);

      /* Solid segments in one path, and the segments that touch a
       * derived point dashed in another; a missing value breaks both. */
      for (guint pass = 0; pass < 2; pass++)
        {
          /* Whether the path runs on from the previous point: one
           * polyline a run of values strokes much faster than a segment
           * a pair. */
          gboolean joined = FALSE;

          previous = FALSE;
          for (guint p = 0; p < n_periods; p++)
            {
              double value = kessan_chart_model_get_shown (self->model, s, p, self->values);
              const KessanChartValue *info = kessan_chart_model_get_value (self->model, s, p);
              double x = slot_center (panel, p), y;
              gboolean derived;

              if (isnan (value))
                {
                  previous = joined = FALSE;
                  continue;
                }
              y = kessan_chart_scale_map (&panel->scale, value);
              derived = (info->flags & KESSAN_CHART_POINT_DERIVED) != 0;
              any_derived |= derived;
              if (previous)
                {
                  const KessanChartValue *before = kessan_chart_model_get_value (self->model, s, p - 1);
                  gboolean dashed = derived || (before->flags & KESSAN_CHART_POINT_DERIVED);

                  if (dashed == (pass == 1))
                    {
                      if (!joined)
                        cairo_move_to (cr, px, py);
                      cairo_line_to (cr, x, y);
                      joined = TRUE;
                    }
                  else
                    joined = FALSE;
                }
              px = x;
              py = y;
              previous = TRUE;
            }
          set_source (cr, &color, 1);
          cairo_set_line_width (cr, LINE_WIDTH);
          if (pass == 1)
            cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          if (!any_derived)
            break;
        }

      /* Markers: filled, or hollow where a later release restated the
       * value; the first published figure beside it when comparing.
       * Where periods are too close for a marker each, the line alone
       * reads better (and draws faster); restated values keep theirs. */
      for (guint p = 0; p < n_periods && slot_width >= MIN_MARKER_SLOT; p++)
        {
          const KessanChartValue *info = kessan_chart_model_get_value (self->model, s, p);
          double value = kessan_chart_model_get_shown (self->model, s, p, self->values);

          if (isnan (value))
            continue;
          if (info->flags & KESSAN_CHART_POINT_RESTATED)
            {
              any_hollow = TRUE;
              continue;
            }
          marker_path (cr, (Marker) (s % N_MARKERS), slot_center (panel, p),
                       kessan_chart_scale_map (&panel->scale, value), radius);
        }
      set_source (cr, &color, 1);
      cairo_fill (cr);

      if (!any_hollow)
        continue;
      for (guint p = 0; p < n_periods; p++)
        {
          const KessanChartValue *info = kessan_chart_model_get_value (self->model, s, p);
          double value = kessan_chart_model_get_shown (self->model, s, p, self->values);
          double x = slot_center (panel, p);

          if (isnan (value) || !(info->flags & KESSAN_CHART_POINT_RESTATED))
            continue;
          if (self->values == KESSAN_CHART_VALUES_COMPARE)
            {
              double y0 = kessan_chart_scale_map (&panel->scale, info->first);
              double y1 = kessan_chart_scale_map (&panel->scale, value);
              static const double dots[] = { 1, 3 };

              cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
              cairo_set_line_width (cr, 1.5);
              set_source (cr, &color, 0.8);
              cairo_move_to (cr, x, y0);
              cairo_line_to (cr, x, y1);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
              marker_path (cr, MARKER_CROSS, x, y0, radius);
              cairo_fill (cr);
            }
          marker_path (cr, (Marker) (s % N_MARKERS), x, kessan_chart_scale_map (&panel->scale, value), radius + 0.5);
          set_source (cr, &self->background, 1);
          cairo_fill_preserve (cr);
          set_source (cr, &color, 1);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

static void
bar_rect (cairo_t     *cr,
          const Panel *panel,
          double       x,
          double       width,
          double       from,
          double       to)
{
  double y0 = kessan_chart_scale_map (&panel->scale, from);
  double y1 = kessan_chart_scale_map (&panel->scale, to);

  cairo_rectangle (cr, x, MIN (y0, y1), width, MAX (fabs (y1 - y0), 1));
}

/* A restated bar is lighter with an outline, a derived one outlined with
 * dashes. */
static void
paint_bar (KessanChartRenderer    *self,
           cairo_t                *cr,
           const GdkRGBA          *color,
           const KessanChartValue *info)
{
  static const double dashes[] = { 3, 2 };

  if (info != NULL && (info->flags & (KESSAN_CHART_POINT_RESTATED | KESSAN_CHART_POINT_DERIVED)))
    {
      set_source (cr, color, 0.45);
      cairo_fill_preserve (cr);
      set_source (cr, color, 1);
      cairo_set_line_width (cr, 1.5);
      if (info->flags & KESSAN_CHART_POINT_DERIVED)
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      return;
    }
  set_source (cr, color, 1);
  cairo_fill (cr);
}

static void
draw_grouped_bars (KessanChartRenderer *self,
                   Ctx                 *ctx,
                   const Panel         *panel)
{
  cairo_t *cr = ctx->cr;
  guint n_series = kessan_chart_model_get_n_series (self->model);
  guint n_periods = kessan_chart_model_get_n_periods (self->model);
  double slot = panel->width / panel->n_slots;
  double group = slot * 0.8;
  double bar = group / n_series;

  for (guint s = 0; s < n_series; s++)
    {
      GdkRGBA color;

      kessan_chart_renderer_get_series_color (self, s, &color);
      for (guint p = 0; p < n_periods; p++)
        {
          double value = kessan_chart_model_get_shown (self->model, s, p, self->values);
          const KessanChartValue *info = kessan_chart_model_get_value (self->model, s, p);
          double x = slot_center (panel, p) - group / 2 + s * bar;

          if (isnan (value))
            continue;
          /* A hairline between neighbours keeps narrow bars apart. */
          bar_rect (cr, panel, x, MAX (bar - (bar > 4 ? 1 : 0), 1), 0, value);
          paint_bar (self, cr, &color, info);
        }
    }
}

static void
draw_stacked_bars (KessanChartRenderer *self,
                   Ctx                 *ctx,
                   const Panel         *panel)
{
  cairo_t *cr = ctx->cr;
  guint n_series = kessan_chart_model_get_n_series (self->model);
  guint n_periods = kessan_chart_model_get_n_periods (self->model);
  double width = panel->width / panel->n_slots * 0.7;
  g_autofree double *bottoms = g_new (double, n_series);
  g_autofree double *tops = g_new (double, n_series);

  for (guint p = 0; p < n_periods; p++)
    {
      double x = slot_center (panel, p) - width / 2;

      kessan_chart_model_stack (self->model, p, self->values, bottoms, tops);
      for (guint s = 0; s < n_series; s++)
        {
          GdkRGBA color;

          if (isnan (tops[s]) || tops[s] == bottoms[s])
            continue;
          kessan_chart_renderer_get_series_color (self, s, &color);
          bar_rect (cr, panel, x, width, bottoms[s], tops[s]);
          paint_bar (self, cr, &color, kessan_chart_model_get_value (self->model, s, p));
          /* The background between segments, so that neighbours of
           * close colours stay apart. */
          {
            double y = kessan_chart_scale_map (&panel->scale, tops[s]);

            set_source (cr, &self->background, 1);
            cairo_rectangle (cr, x, y - 0.5, width, 1);
            cairo_fill (cr);
          }
        }
    }
}

static void
draw_bridge (KessanChartRenderer *self,
             Ctx                 *ctx,
             const Panel         *panel,
             GArray              *steps)
{
  cairo_t *cr = ctx->cr;
  PangoLayout *layout = ctx->layout;
  double width = panel->width / panel->n_slots * 0.6;
  GdkRGBA total, increase, decrease;
  static const double dots[] = { 2, 2 };

  kessan_chart_renderer_get_bridge_colors (self, &total, &increase, &decrease);
  set_font (layout, self->font, 0.85, PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < steps->len; i++)
    {
      const KessanChartBridgeStep *step = &g_array_index (steps, KessanChartBridgeStep, i);
      double x = slot_center (panel, i) - width / 2;
      const GdkRGBA *color = step->kind != KESSAN_CHART_STEP_DELTA ? &total : step->to >= step->from ? &increase : &decrease;

      bar_rect (cr, panel, x, width, step->from, step->to);
      set_source (cr, color, 1);
      cairo_fill (cr);

      /* A dotted connector carries the level on to the next bar. */
      if (i + 1 < steps->len)
        {
          double y = round (kessan_chart_scale_map (&panel->scale, step->to)) + 0.5;

          set_source (cr, &self->foreground, 0.5);
          cairo_set_line_width (cr, 1);
          cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
          cairo_move_to (cr, x + width, y);
          cairo_line_to (cr, slot_center (panel, i + 1) - width / 2, y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
    }

  /* The values once every bar is down, so that no bar covers one. */
  for (guint i = 0; i < steps->len; i++)
    {
      const KessanChartBridgeStep *step = &g_array_index (steps, KessanChartBridgeStep, i);
      g_autofree char *number = NULL;
      double change = step->kind == KESSAN_CHART_STEP_DELTA ? step->to - step->from : step->to;
      double top = kessan_chart_scale_map (&panel->scale, MAX (step->from, step->to));
      double bottom = kessan_chart_scale_map (&panel->scale, MIN (step->from, step->to));
      int w, h;

      number = kessan_format_number (change, value_decimals (kessan_chart_model_get_series (self->model, 0)->unit), self->negative_style);
      if (step->kind == KESSAN_CHART_STEP_DELTA && change > 0)
        {
          char *signed_number = g_strconcat ("+", number, NULL);

          g_free (number);
          number = signed_number;
        }
      layout_set_text (layout, number, -1, 1);
      text_size (layout, &w, &h);
      set_source (cr, &self->foreground, 0.85);
      /* Above a bar that rises, below one that falls. */
      if ((step->kind == KESSAN_CHART_STEP_DELTA ? change : step->to) >= 0)
        draw_text (self, cr, layout, slot_center (panel, i) - w / 2.0, MAX (top - h - 2, panel->y - h));
      else
        draw_text (self, cr, layout, slot_center (panel, i) - w / 2.0, MIN (bottom + 2, panel->y + panel->height - h));
    }
}

/* Legend */

static double
draw_legend (KessanChartRenderer *self,
             Ctx                 *ctx,
             double               x,
             double               y,
             double               width)
{
  cairo_t *cr = ctx->cr;
  PangoLayout *layout = ctx->layout;
  guint n = kessan_chart_model_get_n_series (self->model);
  double cx = x, cy = y, row_height = ctx->line_height;
  const double swatch = 14;
  GdkRGBA bridge_colors[3];
  const char *bridge_labels[3];

  if (self->kind == KESSAN_CHART_BRIDGE)
    {
      kessan_chart_renderer_get_bridge_colors (self, &bridge_colors[0], &bridge_colors[1], &bridge_colors[2]);
      bridge_labels[0] = series_label (self, 0);
      /* TRANSLATORS: a step of a bridge chart that raises the total */
      bridge_labels[1] = _("Increase");
      /* TRANSLATORS: a step of a bridge chart that lowers the total */
      bridge_labels[2] = _("Decrease");
      n = 3;
    }

  set_font (layout, self->font, 0.95, PANGO_WEIGHT_NORMAL);
  for (guint s = 0; s < n; s++)
    {
      const char *label = self->kind == KESSAN_CHART_BRIDGE ? bridge_labels[s] : series_label (self, (int) s);
      GdkRGBA color;
      int w, h;

      if (self->kind == KESSAN_CHART_BRIDGE)
        color = bridge_colors[s];
      else
        kessan_chart_renderer_get_series_color (self, s, &color);
      layout_set_text (layout, label, (int) MAX (width - swatch - 6, 40), 1);
      text_size (layout, &w, &h);
      row_height = MAX (row_height, h);
      if (cx > x && cx + swatch + 6 + w > x + width)
        {
          cx = x;
          cy += row_height + 4;
        }
      set_source (cr, &color, 1);
      if (self->kind == KESSAN_CHART_LINE)
        {
          cairo_set_line_width (cr, LINE_WIDTH);
          cairo_move_to (cr, cx, cy + h / 2.0);
          cairo_line_to (cr, cx + swatch + 4, cy + h / 2.0);
          cairo_stroke (cr);
          marker_path (cr, (Marker) (s % N_MARKERS), cx + (swatch + 4) / 2.0, cy + h / 2.0, MARKER_RADIUS);
          cairo_fill (cr);
          cx += 4;
        }
      else
        {
          cairo_rectangle (cr, cx, cy + (h - 10) / 2.0, swatch, 10);
          cairo_fill (cr);
        }
      set_source (cr, &self->foreground, 0.9);
      draw_text (self, cr, layout, cx + swatch + 6, cy);
      cx += swatch + 6 + w + 18;
    }
  return cy + row_height - y;
}

/* Small multiples: one small chart a series, each on its own scale. */
static void
draw_multiples (KessanChartRenderer *self,
                Ctx                 *ctx,
                double               x,
                double               y,
                double               width,
                double               height)
{
  cairo_t *cr = ctx->cr;
  PangoLayout *layout = ctx->layout;
  guint n = kessan_chart_model_get_n_series (self->model);
  guint n_periods = kessan_chart_model_get_n_periods (self->model);
  guint columns = n <= 3 ? n : n == 4 ? 2 : width > 1400 && n > 9 ? 4 : 3;
  guint rows = (n + columns - 1) / columns;
  double cell_width = (width - (columns - 1) * 2 * GAP) / columns;
  double cell_height = (height - (rows - 1) * 2 * GAP) / rows;

  for (guint s = 0; s < n; s++)
    {
      double cx = x + (s % columns) * (cell_width + 2 * GAP);
      double cy = y + (s / columns) * (cell_height + 2 * GAP);
      const KessanChartSeriesInfo *info = kessan_chart_model_get_series (self->model, s);
      double lo = INFINITY, hi = -INFINITY;
      Panel panel;
      int w, h, title_height, unit_height;

      /* The title of the panel across its width, on two lines when it
       * needs them, and its unit beneath. */
      set_font (layout, self->font, 0.95, PANGO_WEIGHT_BOLD);
      layout_set_text (layout, series_label (self, (int) s), (int) MAX (cell_width, 20), 2);
      text_size (layout, &w, &title_height);
      set_source (cr, &self->foreground, 0.9);
      draw_text (self, cr, layout, cx, cy);
      set_font (layout, self->font, 0.8, PANGO_WEIGHT_NORMAL);
      g_autofree char *caption = kessan_chart_model_dup_unit_caption (self->model, info->unit);

      layout_set_text (layout, caption, (int) MAX (cell_width, 20), 1);
      text_size (layout, &w, &unit_height);
      set_source (cr, &self->foreground, 0.6);
      draw_text (self, cr, layout, cx, cy + title_height);
      h = title_height + unit_height;

      for (guint p = 0; p < n_periods; p++)
        {
          double value = kessan_chart_model_get_shown (self->model, s, p, self->values);

          if (!isnan (value))
            {
              lo = MIN (lo, value);
              hi = MAX (hi, value);
            }
          if (self->values == KESSAN_CHART_VALUES_COMPARE && !isnan (value))
            {
              lo = MIN (lo, kessan_chart_model_get_value (self->model, s, p)->first);
              hi = MAX (hi, kessan_chart_model_get_value (self->model, s, p)->first);
            }
        }
      if (lo > hi)
        lo = hi = 0;
      /* Counts and bandwidths read best from zero. */
      if (lo > 0 && info->unit != KESSAN_UNIT_PERCENT)
        lo = 0;

      panel = draw_axes (self, ctx, cx, cy + h + 2, cell_width, cell_height - h - 2, lo, hi, n_periods, info->unit, TRUE);
      panel.series = (int) s;
      g_array_append_val (self->panels, panel);
      draw_lines (self, ctx, &panel, s, 1);
    }
}

/* Hover and focus */

static gboolean
point_position (KessanChartRenderer *self,
                const KessanChartHit *hit,
                double              *px,
                double              *py)
{
  const Panel *panel = NULL;
  double value;

  if (self->model == NULL || hit->period < 0 || self->panels->len == 0)
    return FALSE;
  if (self->kind == KESSAN_CHART_SMALL_MULTIPLES)
    {
      if (hit->series < 0 || (guint) hit->series >= self->panels->len)
        return FALSE;
      panel = &g_array_index (self->panels, Panel, hit->series);
    }
  else
    panel = &g_array_index (self->panels, Panel, 0);

  if (self->kind == KESSAN_CHART_BRIDGE)
    {
      GArray *steps = kessan_chart_renderer_get_bridge (self);
      const KessanChartBridgeStep *step;

      if (steps == NULL || hit->step < 0 || (guint) hit->step >= steps->len)
        return FALSE;
      step = &g_array_index (steps, KessanChartBridgeStep, hit->step);
      *px = slot_center (panel, hit->step);
      *py = kessan_chart_scale_map (&panel->scale, step->to);
      return TRUE;
    }
  if (hit->series < 0)
    return FALSE;
  value = kessan_chart_model_get_shown (self->model, hit->series, hit->period, self->values);
  if (isnan (value))
    return FALSE;
  *px = slot_center (panel, hit->period);
  if (self->kind == KESSAN_CHART_STACKED_BARS)
    {
      guint n = kessan_chart_model_get_n_series (self->model);
      g_autofree double *bottoms = g_new (double, n);
      g_autofree double *tops = g_new (double, n);

      kessan_chart_model_stack (self->model, hit->period, self->values, bottoms, tops);
      value = (bottoms[hit->series] + tops[hit->series]) / 2;
    }
  else if (self->kind == KESSAN_CHART_GROUPED_BARS)
    {
      guint n = kessan_chart_model_get_n_series (self->model);
      double group = panel->width / panel->n_slots * 0.8;

      *px = slot_center (panel, hit->period) - group / 2 + (hit->series + 0.5) * group / n;
    }
  *py = kessan_chart_scale_map (&panel->scale, value);
  return TRUE;
}

static void
draw_pointer (KessanChartRenderer *self,
              Ctx                 *ctx)
{
  cairo_t *cr = ctx->cr;
  const Panel *panel;
  double x, y;
  static const double dashes[] = { 4, 3 };

  if (self->panels->len == 0)
    return;

  /* The crosshair: the period under the pointer, and its height. */
  if (self->hover.period >= 0 || self->hover.step >= 0)
    {
      guint index = self->kind == KESSAN_CHART_SMALL_MULTIPLES && self->hover.series >= 0 ? (guint) self->hover.series : 0;
      guint slot = self->kind == KESSAN_CHART_BRIDGE ? (guint) MAX (self->hover.step, 0) : (guint) self->hover.period;

      panel = &g_array_index (self->panels, Panel, MIN (index, self->panels->len - 1));
      x = round (slot_center (panel, slot)) + 0.5;
      set_source (cr, &self->foreground, 0.35);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, panel->y);
      cairo_line_to (cr, x, panel->y + panel->height);
      cairo_stroke (cr);
      if (self->hover_y >= panel->y && self->hover_y <= panel->y + panel->height)
        {
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_move_to (cr, panel->x, round (self->hover_y) + 0.5);
          cairo_line_to (cr, panel->x + panel->width, round (self->hover_y) + 0.5);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      if (point_position (self, &self->hover, &x, &y))
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, MARKER_RADIUS + 3, 0, 2 * G_PI);
          set_source (cr, &self->foreground, 0.6);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
    }

  /* The point of the keyboard focus, ringed. */
  if (point_position (self, &self->focus, &x, &y))
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, MARKER_RADIUS + 5, 0, 2 * G_PI);
      set_source (cr, &self->foreground, 1);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
}

/* The whole drawing */

static void
draw_message (KessanChartRenderer *self,
              Ctx                 *ctx,
              const char          *message,
              double               x,
              double               y,
              double               width,
              double               height)
{
  int w, h;

  set_font (ctx->layout, self->font, 1.1, PANGO_WEIGHT_NORMAL);
  layout_set_text (ctx->layout, message, (int) width, 2);
  pango_layout_set_alignment (ctx->layout, PANGO_ALIGN_CENTER);
  text_size (ctx->layout, &w, &h);
  set_source (ctx->cr, &self->foreground, 0.6);
  draw_text (self, ctx->cr, ctx->layout, x, y + (height - h) / 2);
  pango_layout_set_alignment (ctx->layout, PANGO_ALIGN_LEFT);
}

/**
 * kessan_chart_renderer_draw:
 * @self: a #KessanChartRenderer
 * @cr: where to draw
 * @width: the width to fill
 * @height: the height to fill
 *
 * Draws the chart: its title and legend when it has them, the axes, the
 * series, the pointer and the focus, and the source line of an export.
 */
void
kessan_chart_renderer_draw (KessanChartRenderer *self,
                            cairo_t             *cr,
                            int                  width,
                            int                  height)
{
  g_autoptr(PangoLayout) layout = NULL;
  double x = PADDING, y = PADDING, right = width - PADDING, bottom = height - PADDING;
  Ctx ctx;
  int w, h;

  g_return_if_fail (KESSAN_IS_CHART_RENDERER (self));

  g_array_set_size (self->panels, 0);
  g_array_set_size (self->label_boxes, 0);
  self->draw_width = width;
  self->draw_height = height;
  cairo_save (cr);
  if (self->paint_background)
    {
      set_source (cr, &self->background, 1);
      cairo_paint (cr);
    }

  layout = pango_cairo_create_layout (cr);
  ctx.cr = cr;
  ctx.layout = layout;
  set_font (layout, self->font, 1, PANGO_WEIGHT_NORMAL);
  layout_set_text (layout, "Ag年", -1, 1);
  text_size (layout, &w, &h);
  ctx.line_height = h;

  if (self->title != NULL)
    {
      set_font (layout, self->font, 1.3, PANGO_WEIGHT_BOLD);
      layout_set_text (layout, self->title, (int) (right - x), 2);
      text_size (layout, &w, &h);
      set_source (cr, &self->foreground, 1);
      draw_text (self, cr, layout, x, y);
      y += h + GAP;
    }
  if (self->footer != NULL)
    {
      set_font (layout, self->font, 0.8, PANGO_WEIGHT_NORMAL);
      layout_set_text (layout, self->footer, (int) (right - x), 3);
      text_size (layout, &w, &h);
      bottom -= h;
      set_source (cr, &self->foreground, 0.7);
      draw_text (self, cr, layout, x, bottom);
      bottom -= GAP;
    }

  if (self->model == NULL || kessan_chart_model_get_n_series (self->model) == 0
      || kessan_chart_model_get_n_periods (self->model) == 0)
    {
      draw_message (self, &ctx, _("No values to chart"), x, y, right - x, bottom - y);
      cairo_restore (cr);
      return;
    }

  if (self->kind == KESSAN_CHART_SMALL_MULTIPLES)
    draw_multiples (self, &ctx, x, y, right - x, bottom - y);
  else if (self->kind == KESSAN_CHART_BRIDGE)
    {
      GArray *steps = kessan_chart_renderer_get_bridge (self);
      double lo = 0, hi = 0;
      Panel panel;

      if (steps == NULL)
        {
          draw_message (self, &ctx, _("The total is missing in one of the two periods of the bridge"), x, y, right - x, bottom - y);
          cairo_restore (cr);
          return;
        }
      y += draw_legend (self, &ctx, x, y, right - x) + GAP * 1.5;
      for (guint i = 0; i < steps->len; i++)
        {
          const KessanChartBridgeStep *step = &g_array_index (steps, KessanChartBridgeStep, i);

          lo = MIN (lo, MIN (step->from, step->to));
          hi = MAX (hi, MAX (step->from, step->to));
        }
      panel = draw_axes (self, &ctx, x, y, right - x, bottom - y, lo, hi, steps->len,
                         kessan_chart_model_get_series (self->model, 0)->unit, FALSE);
      g_array_append_val (self->panels, panel);
      draw_bridge (self, &ctx, &panel, steps);
    }
  else
    {
      double lo, hi;
      Panel panel;

      y += draw_legend (self, &ctx, x, y, right - x) + GAP * 1.5;
      kessan_chart_model_get_extent (self->model, self->kind, self->values, &lo, &hi);
      panel = draw_axes (self, &ctx, x, y, right - x, bottom - y, lo, hi,
                         kessan_chart_model_get_n_periods (self->model),
                         kessan_chart_model_get_series (self->model, 0)->unit, FALSE);
      g_array_append_val (self->panels, panel);
      if (self->kind == KESSAN_CHART_LINE)
        draw_lines (self, &ctx, &panel, 0, kessan_chart_model_get_n_series (self->model));
      else if (self->kind == KESSAN_CHART_GROUPED_BARS)
        draw_grouped_bars (self, &ctx, &panel);
      else
        draw_stacked_bars (self, &ctx, &panel);
    }

  draw_pointer (self, &ctx);
  cairo_restore (cr);
}

/* Hit tests */

static int
nearest_slot (const Panel *panel,
              double       x)
{
  double slot = panel->width / panel->n_slots;
  int index = (int) floor ((x - panel->x) / slot);

  if (x < panel->x - slot / 2 || x > panel->x + panel->width + slot / 2)
    return -1;
  return CLAMP (index, 0, (int) panel->n_slots - 1);
}

/**
 * kessan_chart_renderer_hit:
 * @self: a #KessanChartRenderer
 * @x: a point of the last drawing
 * @y: a point of the last drawing
 * @hit: (out): what is there
 *
 * Finds the period under @x and, of its values, the bar under @y or
 * the point nearest to it.
 *
 * Returns: whether @x, @y is over a plot
 */
gboolean
kessan_chart_renderer_hit (KessanChartRenderer *self,
                           double               x,
                           double               y,
                           KessanChartHit      *hit)
{
  const Panel *panel = NULL;
  guint n_series;
  int slot;
  double best = INFINITY;

  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), FALSE);

  *hit = (KessanChartHit) { -1, -1, -1 };
  if (self->model == NULL)
    return FALSE;
  for (guint i = 0; i < self->panels->len; i++)
    {
      const Panel *candidate = &g_array_index (self->panels, Panel, i);

      if (x >= candidate->x - 8 && x <= candidate->x + candidate->width + 8
          && y >= candidate->y - 8 && y <= candidate->y + candidate->height + 8)
        panel = candidate;
    }
  if (panel == NULL || (slot = nearest_slot (panel, x)) < 0)
    return FALSE;

  if (self->kind == KESSAN_CHART_BRIDGE)
    {
      hit->step = slot;
      return TRUE;
    }

  hit->period = slot;
  n_series = kessan_chart_model_get_n_series (self->model);
  if (panel->series >= 0)
    {
      hit->series = panel->series;
      return TRUE;
    }
  if (self->kind == KESSAN_CHART_GROUPED_BARS)
    {
      double group = panel->width / panel->n_slots * 0.8;
      int s = (int) floor ((x - (slot_center (panel, slot) - group / 2)) / (group / n_series));

      hit->series = CLAMP (s, 0, (int) n_series - 1);
      return TRUE;
    }
  if (self->kind == KESSAN_CHART_STACKED_BARS)
    {
      g_autofree double *bottoms = g_new (double, n_series);
      g_autofree double *tops = g_new (double, n_series);
      double value = kessan_chart_scale_unmap (&panel->scale, y);

      kessan_chart_model_stack (self->model, slot, self->values, bottoms, tops);
      for (guint s = 0; s < n_series; s++)
        {
          double distance;

          if (isnan (tops[s]))
            continue;
          if (value >= MIN (bottoms[s], tops[s]) && value <= MAX (bottoms[s], tops[s]))
            {
              hit->series = (int) s;
              return TRUE;
            }
          distance = MIN (fabs (value - bottoms[s]), fabs (value - tops[s]));
          if (distance < best)
            {
              best = distance;
              hit->series = (int) s;
            }
        }
      return TRUE;
    }
  for (guint s = 0; s < n_series; s++)
    {
      double value = kessan_chart_model_get_shown (self->model, s, slot, self->values);
      double distance;

      if (isnan (value))
        continue;
      distance = fabs (kessan_chart_scale_map (&panel->scale, value) - y);
      if (distance < best)
        {
          best = distance;
          hit->series = (int) s;
        }
    }
  return TRUE;
}

gboolean
kessan_chart_renderer_get_value_scale (KessanChartRenderer *self,
                                       guint                panel,
                                       KessanChartScale    *scale)
{
  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), FALSE);

  if (panel >= self->panels->len)
    return FALSE;
  *scale = g_array_index (self->panels, Panel, panel).scale;
  return TRUE;
}

double
kessan_chart_renderer_get_slot_x (KessanChartRenderer *self,
                                  guint                panel,
                                  guint                slot)
{
  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), 0);
  g_return_val_if_fail (panel < self->panels->len, 0);

  return slot_center (&g_array_index (self->panels, Panel, panel), slot);
}

double
kessan_chart_renderer_get_slot_width (KessanChartRenderer *self,
                                      guint                panel)
{
  const Panel *info;

  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), 0);
  g_return_val_if_fail (panel < self->panels->len, 0);

  info = &g_array_index (self->panels, Panel, panel);
  return info->width / info->n_slots;
}

/* Exports */

/**
 * kessan_chart_renderer_render_image:
 * @self: a #KessanChartRenderer
 * @width: in pixels
 * @height: in pixels
 *
 * Returns: (transfer full): the chart on an image surface
 */
cairo_surface_t *
kessan_chart_renderer_render_image (KessanChartRenderer *self,
                                    int                  width,
                                    int                  height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  kessan_chart_renderer_draw (self, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/**
 * kessan_chart_renderer_export:
 * @self: a #KessanChartRenderer
 * @path: the file to write
 * @format: PNG, SVG or PDF
 * @width: in pixels (points for SVG and PDF)
 * @height: in pixels (points for SVG and PDF)
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
kessan_chart_renderer_export (KessanChartRenderer *self,
                              const char          *path,
                              KessanChartFormat    format,
                              int                  width,
                              int                  height,
                              GError             **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (KESSAN_IS_CHART_RENDERER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  switch (format)
    {
    case KESSAN_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;
    case KESSAN_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create (path, width, height);
      break;
    case KESSAN_CHART_FORMAT_PNG:
    default:
      surface = kessan_chart_renderer_render_image (self, width, height);
      status = cairo_surface_write_to_png (surface, path);
      cairo_surface_destroy (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the image: %s"),
                       cairo_status_to_string (status));
          return FALSE;
        }
      return TRUE;
    }

  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    {
      cairo_t *cr = cairo_create (surface);

      kessan_chart_renderer_draw (self, cr, width, height);
      cairo_show_page (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
    }
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
