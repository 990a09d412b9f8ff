/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kessan.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_CHART_RENDERER (kessan_chart_renderer_get_type ())

G_DECLARE_FINAL_TYPE (KessanChartRenderer, kessan_chart_renderer, KESSAN, CHART_RENDERER, GObject)

typedef enum
{
  KESSAN_CHART_FORMAT_PNG,
  KESSAN_CHART_FORMAT_SVG,
  KESSAN_CHART_FORMAT_PDF,
} KessanChartFormat;

/* What lies under a point of the chart. */
typedef struct
{
  int series;  /* −1: none, or what the components of a bridge leave */
  int period;  /* −1: none */
  int step;    /* a bridge's step, else −1 */
} KessanChartHit;

KessanChartRenderer *kessan_chart_renderer_new              (void);
void                 kessan_chart_renderer_set_model        (KessanChartRenderer *self,
                                                             KessanChartModel    *model);
KessanChartModel    *kessan_chart_renderer_get_model        (KessanChartRenderer *self);
void                 kessan_chart_renderer_set_kind         (KessanChartRenderer *self,
                                                             KessanChartKind      kind);
KessanChartKind      kessan_chart_renderer_get_kind         (KessanChartRenderer *self);
void                 kessan_chart_renderer_set_values       (KessanChartRenderer *self,
                                                             KessanChartValues    values);
KessanChartValues    kessan_chart_renderer_get_values       (KessanChartRenderer *self);
void                 kessan_chart_renderer_set_dark         (KessanChartRenderer *self,
                                                             gboolean             dark);
void                 kessan_chart_renderer_set_foreground   (KessanChartRenderer *self,
                                                             const GdkRGBA       *color);
/* Exports paint a background; the widget lets its own show. */
void                 kessan_chart_renderer_set_background   (KessanChartRenderer *self,
                                                             const GdkRGBA       *color);
void                 kessan_chart_renderer_set_font         (KessanChartRenderer *self,
                                                             const PangoFontDescription *font);
void                 kessan_chart_renderer_set_languages    (KessanChartRenderer *self,
                                                             gboolean             japanese_labels,
                                                             gboolean             both_labels,
                                                             gboolean             japanese_periods);
gboolean             kessan_chart_renderer_get_japanese_labels (KessanChartRenderer *self);
gboolean             kessan_chart_renderer_get_both_labels  (KessanChartRenderer *self);
gboolean             kessan_chart_renderer_get_japanese_periods (KessanChartRenderer *self);
void                 kessan_chart_renderer_set_negative_style (KessanChartRenderer *self,
                                                             KessanNegativeStyle  style);
KessanNegativeStyle  kessan_chart_renderer_get_negative_style (KessanChartRenderer *self);
void                 kessan_chart_renderer_set_title        (KessanChartRenderer *self,
                                                             const char          *title);
const char          *kessan_chart_renderer_get_title        (KessanChartRenderer *self);
void                 kessan_chart_renderer_set_footer       (KessanChartRenderer *self,
                                                             const char          *footer);
void                 kessan_chart_renderer_set_bridge       (KessanChartRenderer *self,
                                                             guint                from_period,
                                                             guint                to_period);
GArray              *kessan_chart_renderer_get_bridge       (KessanChartRenderer *self);
void                 kessan_chart_renderer_set_focus        (KessanChartRenderer *self,
                                                             const KessanChartHit *focus);
void                 kessan_chart_renderer_set_hover        (KessanChartRenderer *self,
                                                             const KessanChartHit *hover,
                                                             double               y);

void                 kessan_chart_renderer_draw             (KessanChartRenderer *self,
                                                             cairo_t             *cr,
                                                             int                  width,
                                                             int                  height);
gboolean             kessan_chart_renderer_export           (KessanChartRenderer *self,
                                                             const char          *path,
                                                             KessanChartFormat    format,
                                                             int                  width,
                                                             int                  height,
                                                             GError             **error);
cairo_surface_t     *kessan_chart_renderer_render_image     (KessanChartRenderer *self,
                                                             int                  width,
                                                             int                  height);

/* The geometry of the last drawing, for hit tests and for the tests. */
gboolean             kessan_chart_renderer_hit              (KessanChartRenderer *self,
                                                             double               x,
                                                             double               y,
                                                             KessanChartHit      *hit);
GArray              *kessan_chart_renderer_get_label_boxes  (KessanChartRenderer *self);
gboolean             kessan_chart_renderer_get_value_scale  (KessanChartRenderer *self,
                                                             guint                panel,
                                                             KessanChartScale    *scale);
double               kessan_chart_renderer_get_slot_x       (KessanChartRenderer *self,
                                                             guint                panel,
                                                             guint                slot);
double               kessan_chart_renderer_get_slot_width   (KessanChartRenderer *self,
                                                             guint                panel);
void                 kessan_chart_renderer_get_series_color (KessanChartRenderer *self,
                                                             guint                series,
                                                             GdkRGBA             *color);
void                 kessan_chart_renderer_get_bridge_colors (KessanChartRenderer *self,
                                                             GdkRGBA             *total,
                                                             GdkRGBA             *increase,
                                                             GdkRGBA             *decrease);
char                *kessan_chart_renderer_format_value     (KessanChartRenderer *self,
                                                             guint                series,
                                                             double               value);
char                *kessan_chart_renderer_format_number    (KessanChartRenderer *self,
                                                             guint                series,
                                                             double               value);
char                *kessan_chart_renderer_describe         (KessanChartRenderer *self,
                                                             const KessanChartHit *hit);
char                *kessan_chart_renderer_summarize        (KessanChartRenderer *self);

G_END_DECLS
