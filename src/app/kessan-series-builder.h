/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kessan.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_SERIES_BUILDER (kessan_series_builder_get_type ())

G_DECLARE_FINAL_TYPE (KessanSeriesBuilder, kessan_series_builder, KESSAN, SERIES_BUILDER, GObject)

/* Runs in a thread on the series of the filings: what a page shows of
 * them (transfer full), or NULL when @cancellable was cancelled. */
typedef gpointer (*KessanSeriesBuildFunc) (KessanSeriesSet *set,
                                           GCancellable    *cancellable,
                                           gpointer         user_data);

/* Runs on the main thread with a new result (transfer full; NULL when
 * there are no filings). */
typedef void     (*KessanSeriesReadyFunc) (gpointer         result,
                                           gpointer         user_data);

KessanSeriesBuilder *kessan_series_builder_new         (KessanSeriesBuildFunc  build,
                                                        KessanSeriesReadyFunc  ready,
                                                        GDestroyNotify         result_free,
                                                        gpointer               user_data);
void                 kessan_series_builder_set_filings (KessanSeriesBuilder   *self,
                                                        GListModel            *filings);
GListModel          *kessan_series_builder_get_filings (KessanSeriesBuilder   *self);
void                 kessan_series_builder_queue       (KessanSeriesBuilder   *self);
gboolean             kessan_series_builder_get_busy    (KessanSeriesBuilder   *self);
/* Stops building for good: no result arrives after this. */
void                 kessan_series_builder_stop        (KessanSeriesBuilder   *self);

G_END_DECLS
