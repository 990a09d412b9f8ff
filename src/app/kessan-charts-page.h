/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kessan.h"
#include "kessan-chart.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_CHARTS_PAGE (kessan_charts_page_get_type ())

G_DECLARE_FINAL_TYPE (KessanChartsPage, kessan_charts_page, KESSAN, CHARTS_PAGE, AdwBin)

/* @filings: a GListModel of KessanFiling, the releases to chart. */
void         kessan_charts_page_set_filings   (KessanChartsPage   *self,
                                               GListModel         *filings);
void         kessan_charts_page_set_settings  (KessanChartsPage   *self,
                                               GSettings          *settings);
void         kessan_charts_page_show_concepts (KessanChartsPage   *self,
                                               const char * const *concepts);
gboolean     kessan_charts_page_apply_preset  (KessanChartsPage   *self,
                                               const char         *id);
KessanChart *kessan_charts_page_get_chart     (KessanChartsPage   *self);
gboolean     kessan_charts_page_get_ready     (KessanChartsPage   *self);

G_END_DECLS
