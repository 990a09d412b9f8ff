/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kessan.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_TRENDS_PAGE (kessan_trends_page_get_type ())

G_DECLARE_FINAL_TYPE (KessanTrendsPage, kessan_trends_page, KESSAN, TRENDS_PAGE, AdwBin)

/* @filings: a GListModel of KessanFiling, the releases to follow. */
void kessan_trends_page_set_filings (KessanTrendsPage *self,
                                     GListModel       *filings);
void kessan_trends_page_set_settings (KessanTrendsPage *self,
                                      GSettings        *settings);

G_END_DECLS
