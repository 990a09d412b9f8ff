/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "kessan-chart-model.h"

G_BEGIN_DECLS

/* A chart an analyst of the releases wants at once, defined by concepts
 * of the dictionary.  For a bridge the first concept is the total and a
 * concept written "-key" is taken from it (a cost). */
typedef struct
{
  const char         *id;
  const char         *title;     /* translatable, mark with N_() */
  KessanChartKind     kind;
  const char * const *concepts;  /* NULL-terminated */
} KessanChartPreset;

guint                    kessan_chart_presets_get_n   (void);
const KessanChartPreset *kessan_chart_presets_get     (guint       index);
const KessanChartPreset *kessan_chart_presets_lookup  (const char *id);
const KessanChartPreset *kessan_chart_presets_find_first (KessanSeriesSet *set);
char                   **kessan_chart_preset_get_keys (const KessanChartPreset *preset);
KessanChartModel        *kessan_chart_preset_build    (const KessanChartPreset *preset,
                                                       KessanSeriesSet         *set,
                                                       guint                    months);

G_END_DECLS
