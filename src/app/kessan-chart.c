/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "kessan-chart.h"

/* A chart of our own drawing (GTK has no chart widget): the renderer
 * draws it into the snapshot with cairo, the widget adds the pointer,
 * the keyboard and what a screen reader says.  The pointer shows a
 * crosshair and a tooltip with the exact value and its release; the
 * arrow keys move a focused point from value to value, and the
 * accessible description follows it. */

struct _KessanChart
{
  GtkWidget            parent_instance;

  /* Owned */
  KessanChartRenderer *renderer;
  char                *description;

  KessanChartHit       focus;
  gboolean             has_focus;
};

G_DEFINE_FINAL_TYPE (KessanChart, kessan_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
kessan_chart_new (void)
{
  return g_object_new (KESSAN_TYPE_CHART, NULL);
}

KessanChartRenderer *
kessan_chart_get_renderer (KessanChart *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART (self), NULL);

  return self->renderer;
}

static char *
format_value (KessanChart *self,
              double       value,
              KessanUnit   unit)
{
  g_autofree char *number = kessan_format_number (value, unit == KESSAN_UNIT_COUNT ? 0 : 1,
                                                  kessan_chart_renderer_get_negative_style (self->renderer));

  return unit == KESSAN_UNIT_PERCENT ? g_strdup_printf ("%s%%", number) : g_steal_pointer (&number);
}

static char *
period_name (KessanChartModel *model,
             guint             period)
{
  const KessanChartPeriod *p = kessan_chart_model_get_period (model, period);

  return kessan_format_fiscal_period (p->period_end, p->months, kessan_chart_model_get_calendar (model));
}

/* A series in words: its first and last values and its extremes. */
static void
describe_series (KessanChart      *self,
                 KessanChartModel *model,
                 guint             series,
                 GString          *text)
{
  KessanChartValues values = kessan_chart_renderer_get_values (self->renderer);
  KessanUnit unit = kessan_chart_model_get_series (model, series)->unit;
  g_autofree char *label = kessan_chart_model_get_label (model, series,
                                                         kessan_chart_renderer_get_japanese_labels (self->renderer),
                                                         kessan_chart_renderer_get_both_labels (self->renderer));
  int first = -1, last = -1, low = -1, high = -1;

  for (guint p = 0; p < kessan_chart_model_get_n_periods (model); p++)
    {
      double value = kessan_chart_model_get_shown (model, series, p, values);

      if (isnan (value))
        continue;
      if (first < 0)
        first = (int) p;
      last = (int) p;
      if (low < 0 || value < kessan_chart_model_get_shown (model, series, (guint) low, values))
        low = (int) p;
      if (high < 0 || value > kessan_chart_model_get_shown (model, series, (guint) high, values))
        high = (int) p;
    }
  g_string_append (text, "\n");
  if (first < 0)
    {
      /* TRANSLATORS: a series of a chart without values */
      g_string_append_printf (text, _("%s: no values."), label);
      return;
    }
  {
    g_autofree char *first_value = format_value (self, kessan_chart_model_get_shown (model, series, (guint) first, values), unit);
    g_autofree char *last_value = format_value (self, kessan_chart_model_get_shown (model, series, (guint) last, values), unit);
    g_autofree char *low_value = format_value (self, kessan_chart_model_get_shown (model, series, (guint) low, values), unit);
    g_autofree char *high_value = format_value (self, kessan_chart_model_get_shown (model, series, (guint) high, values), unit);
    g_autofree char *first_period = period_name (model, (guint) first);
    g_autofree char *last_period = period_name (model, (guint) last);
    g_autofree char *low_period = period_name (model, (guint) low);
    g_autofree char *high_period = period_name (model, (guint) high);

    /* TRANSLATORS: a series of a chart in words: "Total revenues: 10,568.3 in 2Q FY2002 to 9,185.3 in 2Q FY2003; highest 13,036.4 in 4Q FY2002, lowest 8,344.0 in 1Q FY2003." */
    g_string_append_printf (text, _("%s: %s in %s to %s in %s; highest %s in %s, lowest %s in %s."),
                            label, first_value, first_period, last_value, last_period,
                            high_value, high_period, low_value, low_period);
  }
}

/* A bridge in words: the total at its start, each step, the total at
 * its end. */
static void
describe_bridge (KessanChart      *self,
                 KessanChartModel *model,
                 GString          *text)
{
  GArray *steps = kessan_chart_renderer_get_bridge (self->renderer);
  KessanUnit unit = kessan_chart_model_get_series (model, 0)->unit;

  if (steps == NULL)
    return;
  for (guint i = 0; i < steps->len; i++)
    {
      const KessanChartBridgeStep *step = &g_array_index (steps, KessanChartBridgeStep, i);
      g_autofree char *label = step->series >= 0
                               ? kessan_chart_model_get_label (model, (guint) step->series,
                                                               kessan_chart_renderer_get_japanese_labels (self->renderer),
                                                               kessan_chart_renderer_get_both_labels (self->renderer))
                               /* TRANSLATORS: the step of a bridge chart for what the listed lines do not explain */
                               : g_strdup (_("Other changes"));
      g_autofree char *value = NULL;

      g_string_append (text, "\n");
      if (step->kind == KESSAN_CHART_STEP_DELTA)
        {
          g_autofree char *change = format_value (self, fabs (step->to - step->from), unit);

          /* TRANSLATORS: a step of a bridge chart: a line and how much it adds or takes away */
          g_string_append_printf (text, step->to >= step->from ? _("%s: up %s.") : _("%s: down %s."), label, change);
        }
      else
        {
          value = format_value (self, step->to, unit);
          /* TRANSLATORS: the total at the start or end of a bridge chart */
          g_string_append_printf (text, step->kind == KESSAN_CHART_STEP_START ? _("Start, %s: %s.") : _("End, %s: %s."),
                                  label, value);
        }
    }
}

/* The chart's text alternative: what it shows, then its data in words.
 * A focused point is read first, the data staying after it. */
static char *
describe_data (KessanChart *self)
{
  KessanChartModel *model = kessan_chart_renderer_get_model (self->renderer);
  g_autofree char *summary = kessan_chart_renderer_summarize (self->renderer);
  GString *text = g_string_new (summary);

  if (model == NULL || kessan_chart_model_get_n_periods (model) == 0)
    return g_string_free (text, FALSE);
  if (kessan_chart_renderer_get_kind (self->renderer) == KESSAN_CHART_BRIDGE)
    describe_bridge (self, model, text);
  else
    for (guint s = 0; s < kessan_chart_model_get_n_series (model); s++)
      describe_series (self, model, s, text);
  return g_string_free (text, FALSE);
}

static void
update_accessible (KessanChart *self)
{
  g_autofree char *data = describe_data (self);
  g_autofree char *point = NULL;
  const char *title = kessan_chart_renderer_get_title (self->renderer);

  if (self->has_focus && (self->focus.period >= 0 || self->focus.step >= 0))
    point = kessan_chart_renderer_describe (self->renderer, &self->focus);
  g_free (self->description);
  self->description = point != NULL ? g_strconcat (point, "\n", data, NULL) : g_steal_pointer (&data);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
changed (KessanChart *self)
{
  self->focus = (KessanChartHit) { -1, -1, -1 };
  kessan_chart_renderer_set_focus (self->renderer, NULL);
  kessan_chart_renderer_set_hover (self->renderer, NULL, 0);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kessan_chart_set_model (KessanChart      *self,
                        KessanChartModel *model)
{
  g_return_if_fail (KESSAN_IS_CHART (self));
  g_return_if_fail (model == NULL || KESSAN_IS_CHART_MODEL (model));

  if (kessan_chart_renderer_get_model (self->renderer) == model)
    return;
  kessan_chart_renderer_set_model (self->renderer, model);
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

KessanChartModel *
kessan_chart_get_model (KessanChart *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART (self), NULL);

  return kessan_chart_renderer_get_model (self->renderer);
}

void
kessan_chart_set_kind (KessanChart     *self,
                       KessanChartKind  kind)
{
  g_return_if_fail (KESSAN_IS_CHART (self));

  if (kessan_chart_renderer_get_kind (self->renderer) == kind)
    return;
  kessan_chart_renderer_set_kind (self->renderer, kind);
  changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

KessanChartKind
kessan_chart_get_kind (KessanChart *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART (self), KESSAN_CHART_LINE);

  return kessan_chart_renderer_get_kind (self->renderer);
}

void
kessan_chart_set_values (KessanChart       *self,
                         KessanChartValues  values)
{
  g_return_if_fail (KESSAN_IS_CHART (self));

  kessan_chart_renderer_set_values (self->renderer, values);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kessan_chart_set_title (KessanChart *self,
                        const char  *title)
{
  g_return_if_fail (KESSAN_IS_CHART (self));

  /* Drawn at the top of the chart, and its accessible label. */
  kessan_chart_renderer_set_title (self->renderer, title);
  update_accessible (self);
}

void
kessan_chart_set_labels (KessanChart *self,
                         gboolean     japanese,
                         gboolean     both)
{
  g_return_if_fail (KESSAN_IS_CHART (self));

  kessan_chart_renderer_set_languages (self->renderer, japanese, both,
                                       g_str_has_prefix (g_get_language_names ()[0], "ja"));
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kessan_chart_set_negative_style (KessanChart         *self,
                                 KessanNegativeStyle  style)
{
  g_return_if_fail (KESSAN_IS_CHART (self));

  kessan_chart_renderer_set_negative_style (self->renderer, style);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kessan_chart_set_bridge (KessanChart *self,
                         guint        from_period,
                         guint        to_period)
{
  g_return_if_fail (KESSAN_IS_CHART (self));

  kessan_chart_renderer_set_bridge (self->renderer, from_period, to_period);
  changed (self);
}

const KessanChartHit *
kessan_chart_get_focus (KessanChart *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART (self), NULL);

  return &self->focus;
}

const char *
kessan_chart_get_description (KessanChart *self)
{
  g_return_val_if_fail (KESSAN_IS_CHART (self), NULL);

  return self->description;
}

/* Drawing */

static void
kessan_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  KessanChart *self = KESSAN_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA foreground;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  /* GTK 4.8 has no gtk_widget_get_color (); the style context gives the
   * same colour there. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS
  kessan_chart_renderer_set_foreground (self->renderer, &foreground);
  kessan_chart_renderer_set_dark (self->renderer, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  kessan_chart_renderer_set_background (self->renderer, NULL);
  kessan_chart_renderer_set_font (self->renderer, pango_context_get_font_description (gtk_widget_get_pango_context (widget)));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kessan_chart_renderer_draw (self->renderer, cr, width, height);
  cairo_destroy (cr);
}

static void
kessan_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 220;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 720 : 420;
}

/* Exports */

/* An exported chart is the one shown, without the pointer and the focus,
 * on the window's colour, with the releases it comes from at its foot. */
static void
begin_export (KessanChart *self)
{
  KessanChartModel *model = kessan_chart_get_model (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA background;

  if (model != NULL && kessan_chart_model_get_n_series (model) > 0)
    {
      g_auto(GStrv) releases = kessan_chart_model_get_releases (model);
      g_autofree char *joined = g_strjoinv (", ", releases);
      /* TRANSLATORS: the foot of an exported chart: the release files its values come from */
      g_autofree char *footer = g_strdup_printf (_("Source: %s"), joined);

      kessan_chart_renderer_set_footer (self->renderer, footer);
    }
  gdk_rgba_parse (&background, dark ? "#242424" : "#ffffff");
  kessan_chart_renderer_set_dark (self->renderer, dark);
  kessan_chart_renderer_set_background (self->renderer, &background);
  gdk_rgba_parse (&background, dark ? "#ffffff" : "rgba(0,0,0,0.8)");
  kessan_chart_renderer_set_foreground (self->renderer, &background);
  kessan_chart_renderer_set_focus (self->renderer, NULL);
  kessan_chart_renderer_set_hover (self->renderer, NULL, 0);
}

static void
end_export (KessanChart *self)
{
  kessan_chart_renderer_set_footer (self->renderer, NULL);
  kessan_chart_renderer_set_background (self->renderer, NULL);
  if (self->has_focus)
    kessan_chart_renderer_set_focus (self->renderer, &self->focus);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * kessan_chart_export:
 * @self: a #KessanChart
 * @path: the file to write
 * @format: PNG, SVG or PDF
 * @width: the width of the chart
 * @height: its height
 * @error: return location for an error
 *
 * Writes the chart with its title, units and source releases.
 *
 * Returns: whether the file was written
 */
gboolean
kessan_chart_export (KessanChart        *self,
                     const char         *path,
                     KessanChartFormat   format,
                     int                 width,
                     int                 height,
                     GError            **error)
{
  gboolean done;

  g_return_val_if_fail (KESSAN_IS_CHART (self), FALSE);

  begin_export (self);
  done = kessan_chart_renderer_export (self->renderer, path, format, width, height, error);
  end_export (self);
  return done;
}

/**
 * kessan_chart_render_texture:
 * @self: a #KessanChart
 * @width: in pixels
 * @height: in pixels
 *
 * Returns: (transfer full): the chart as exported, as an image for the
 *   clipboard
 */
GdkTexture *
kessan_chart_render_texture (KessanChart *self,
                             int          width,
                             int          height)
{
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  g_return_val_if_fail (KESSAN_IS_CHART (self), NULL);

  begin_export (self);
  surface = kessan_chart_renderer_render_image (self->renderer, width, height);
  end_export (self);
  /* Cairo's ARGB32 is GDK's default memory format. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

/* Pointer */

static void
motion_cb (KessanChart *self,
           double       x,
           double       y)
{
  KessanChartHit hit;

  kessan_chart_renderer_hit (self->renderer, x, y, &hit);
  kessan_chart_renderer_set_hover (self->renderer, &hit, y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
leave_cb (KessanChart *self)
{
  kessan_chart_renderer_set_hover (self->renderer, NULL, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
kessan_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  KessanChart *self = KESSAN_CHART (widget);
  g_autofree char *text = NULL;
  KessanChartHit hit;

  if (keyboard)
    hit = self->focus;
  else if (!kessan_chart_renderer_hit (self->renderer, x, y, &hit))
    return FALSE;
  text = kessan_chart_renderer_describe (self->renderer, &hit);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Keyboard */

static gboolean
has_value (KessanChart *self,
           int          series,
           int          period)
{
  KessanChartModel *model = kessan_chart_get_model (self);

  return !isnan (kessan_chart_model_get_shown (model, (guint) series, (guint) period,
                                               kessan_chart_renderer_get_values (self->renderer)));
}

/**
 * kessan_chart_move_focus:
 * @self: a #KessanChart
 * @periods: periods (or steps of a bridge) to move by, 0 for none
 * @series: series to move by, 0 for none
 *
 * Moves the focused point to the next value in that direction, over the
 * gaps; the first move focuses the last value of the first series.
 *
 * Returns: whether the focus moved
 */
gboolean
kessan_chart_move_focus (KessanChart *self,
                         int          periods,
                         int          series)
{
  KessanChartModel *model;
  KessanChartHit focus;
  int n_periods, n_series;

  g_return_val_if_fail (KESSAN_IS_CHART (self), FALSE);

  model = kessan_chart_get_model (self);
  if (model == NULL)
    return FALSE;
  n_periods = (int) kessan_chart_model_get_n_periods (model);
  n_series = (int) kessan_chart_model_get_n_series (model);
  focus = self->focus;

  if (kessan_chart_get_kind (self) == KESSAN_CHART_BRIDGE)
    {
      GArray *steps = kessan_chart_renderer_get_bridge (self->renderer);
      int step;

      if (steps == NULL || steps->len == 0)
        return FALSE;
      step = focus.step < 0 ? 0 : CLAMP (focus.step + periods, 0, (int) steps->len - 1);
      if (step == focus.step)
        return FALSE;
      focus = (KessanChartHit) { -1, -1, step };
    }
  else
    {
      if (n_periods == 0 || n_series == 0)
        return FALSE;
      if (focus.series < 0 || focus.period < 0)
        {
          focus.series = 0;
          focus.period = n_periods;
          periods = -1;
          series = 0;
        }
      if (series != 0)
        {
          int s = focus.series;

          /* The next series that has a value in this period. */
          do
            s += series > 0 ? 1 : -1;
          while (s >= 0 && s < n_series && !has_value (self, s, focus.period));
          if (s < 0 || s >= n_series)
            return FALSE;
          focus.series = s;
        }
      if (periods != 0)
        {
          int p = focus.period;

          do
            p += periods > 0 ? 1 : -1;
          while (p >= 0 && p < n_periods && !has_value (self, focus.series, p));
          if (p < 0 || p >= n_periods)
            return FALSE;
          focus.period = p;
        }
    }

  self->focus = focus;
  self->has_focus = TRUE;
  kessan_chart_renderer_set_focus (self->renderer, &focus);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
key_pressed_cb (KessanChart     *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      kessan_chart_move_focus (self, -1, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      kessan_chart_move_focus (self, 1, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      /* Up goes to the series above in the legend's order reversed:
       * the earlier series. */
      kessan_chart_move_focus (self, 0, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      kessan_chart_move_focus (self, 0, 1);
      return TRUE;
    case GDK_KEY_Home:
      while (kessan_chart_move_focus (self, -1, 0))
        ;
      return TRUE;
    case GDK_KEY_End:
      while (kessan_chart_move_focus (self, 1, 0))
        ;
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_enter_cb (KessanChart *self)
{
  self->has_focus = TRUE;
  if (self->focus.period < 0 && self->focus.step < 0)
    kessan_chart_move_focus (self, 0, 0);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (KessanChart *self)
{
  self->has_focus = FALSE;
  kessan_chart_renderer_set_focus (self->renderer, NULL);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dark_changed_cb (KessanChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Life cycle */

static void
kessan_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KessanChart *self = KESSAN_CHART (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, kessan_chart_get_model (self));
      break;
    case PROP_KIND:
      g_value_set_int (value, kessan_chart_get_kind (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KessanChart *self = KESSAN_CHART (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      kessan_chart_set_model (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      kessan_chart_set_kind (self, (KessanChartKind) g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_chart_dispose (GObject *object)
{
  KessanChart *self = KESSAN_CHART (object);

  g_clear_object (&self->renderer);

  G_OBJECT_CLASS (kessan_chart_parent_class)->dispose (object);
}

static void
kessan_chart_finalize (GObject *object)
{
  KessanChart *self = KESSAN_CHART (object);

  g_free (self->description);

  G_OBJECT_CLASS (kessan_chart_parent_class)->finalize (object);
}

static void
kessan_chart_class_init (KessanChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kessan_chart_get_property;
  object_class->set_property = kessan_chart_set_property;
  object_class->dispose = kessan_chart_dispose;
  object_class->finalize = kessan_chart_finalize;
  widget_class->snapshot = kessan_chart_snapshot;
  widget_class->measure = kessan_chart_measure;
  widget_class->query_tooltip = kessan_chart_query_tooltip;

  properties[PROP_MODEL] = g_param_spec_object ("model", NULL, NULL, KESSAN_TYPE_CHART_MODEL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, KESSAN_CHART_N_KINDS - 1, KESSAN_CHART_LINE,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kessan_chart_init (KessanChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->renderer = kessan_chart_renderer_new ();
  self->focus = (KessanChartHit) { -1, -1, -1 };

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  /* The palette changes with the style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_accessible (self);
}
