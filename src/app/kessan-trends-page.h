/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kessan.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_TRENDS_PAGE (kessan_trends_page_get_type ())

G_DECLARE_FINAL_TYPE (KessanTrendsPage, kessan_trends_page, KESSAN, TRENDS_PAGE, AdwBin)

/* @filings: a GListModel of KessanFiling, the releases to follow. */
/* For tests: the first period shown, the number of periods, and the
 * current cell (a row of the rows shown, and a period or G_MAXUINT for
 * the labels); FALSE when there is no current cell. */
guint    kessan_trends_page_get_first_period (KessanTrendsPage *self);
guint    kessan_trends_page_get_n_periods    (KessanTrendsPage *self);
gboolean kessan_trends_page_get_current_cell (KessanTrendsPage *self,
                                              guint            *row,
                                              guint            *period);
void kessan_trends_page_set_filings (KessanTrendsPage *self,
                                     GListModel       *filings);
void kessan_trends_page_set_settings (KessanTrendsPage *self,
                                      GSettings        *settings);

G_END_DECLS
