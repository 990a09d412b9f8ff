/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kessan-chart-renderer.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_CHART (kessan_chart_get_type ())

G_DECLARE_FINAL_TYPE (KessanChart, kessan_chart, KESSAN, CHART, GtkWidget)

GtkWidget           *kessan_chart_new                (void);
void                 kessan_chart_set_model          (KessanChart         *self,
                                                      KessanChartModel    *model);
KessanChartModel    *kessan_chart_get_model          (KessanChart         *self);
void                 kessan_chart_set_kind           (KessanChart         *self,
                                                      KessanChartKind      kind);
KessanChartKind      kessan_chart_get_kind           (KessanChart         *self);
void                 kessan_chart_set_values         (KessanChart         *self,
                                                      KessanChartValues    values);
void                 kessan_chart_set_title          (KessanChart         *self,
                                                      const char          *title);
void                 kessan_chart_set_labels         (KessanChart         *self,
                                                      gboolean             japanese,
                                                      gboolean             both);
void                 kessan_chart_set_negative_style (KessanChart         *self,
                                                      KessanNegativeStyle  style);
void                 kessan_chart_set_bridge         (KessanChart         *self,
                                                      guint                from_period,
                                                      guint                to_period);
KessanChartRenderer *kessan_chart_get_renderer       (KessanChart         *self);
gboolean             kessan_chart_export             (KessanChart         *self,
                                                      const char          *path,
                                                      KessanChartFormat    format,
                                                      int                  width,
                                                      int                  height,
                                                      GError             **error);
GdkTexture          *kessan_chart_render_texture     (KessanChart         *self,
                                                      int                  width,
                                                      int                  height);

/* The keyboard focus: a point, moved by the arrow keys. */
const KessanChartHit *kessan_chart_get_focus         (KessanChart         *self);
gboolean             kessan_chart_move_focus         (KessanChart         *self,
                                                      int                  periods,
                                                      int                  series);
/* What a screen reader is told of the focused point, or of the chart. */
const char          *kessan_chart_get_description    (KessanChart         *self);

G_END_DECLS
