/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kessan.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_SOURCE_PAGE (kessan_source_page_get_type ())

G_DECLARE_FINAL_TYPE (KessanSourcePage, kessan_source_page, KESSAN, SOURCE_PAGE, AdwBin)

void kessan_source_page_set_filing (KessanSourcePage *self,
                                    KessanFiling     *filing);
KessanFiling *kessan_source_page_get_filing (KessanSourcePage *self);
/* Highlights @lines (1-based) of the source and scrolls the first into view. */
void kessan_source_page_show_lines (KessanSourcePage *self,
                                    const guint      *lines,
                                    guint             n_lines);
/* Highlights @line, selects @length characters from @start in it (none
 * when @start is -1) and gives the text the focus. */
void kessan_source_page_select_span (KessanSourcePage *self,
                                     guint             line,
                                     int               start,
                                     int               length);
/* The lines highlighted now, for tests. */
const guint *kessan_source_page_get_highlighted (KessanSourcePage *self,
                                                 guint            *n_lines);

G_END_DECLS
