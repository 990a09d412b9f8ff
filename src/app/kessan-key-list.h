/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Lists longer than this are filtered a piece at a time. */
#define KESSAN_FILTER_PIECEWISE_ITEMS 20000

#define KESSAN_TYPE_KEY_LIST (kessan_key_list_get_type ())

G_DECLARE_FINAL_TYPE (KessanKeyList, kessan_key_list, KESSAN, KEY_LIST, GObject)

KessanKeyList *kessan_key_list_new (GPtrArray *keys);

void           kessan_filter_model_search (GtkFilterListModel *model,
                                           GtkFilter          *filter,
                                           gboolean            searching);

G_END_DECLS
