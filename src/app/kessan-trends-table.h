/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan-series.h"
#include "kessan-types.h"

G_BEGIN_DECLS

/* The layouts of the Trends table. */
typedef enum
{
  KESSAN_TRENDS_QUARTERS,  /* three months, and points in time (balances, counts) */
  KESSAN_TRENDS_YEARS,     /* twelve months */
  KESSAN_TRENDS_N_LAYOUTS
} KessanTrendsLayout;

/* The groups of rows: income, balance, cash flows, key figures,
 * reconciliations, other tables. */
#define KESSAN_TRENDS_N_GROUPS 6

typedef struct
{
  char                     *key;       /* the concept, or "#income" for a group heading */
  char                     *label_en;
  char                     *label_ja;
  char                     *folded;    /* both labels, case-folded, for the search */
  KessanStatementKind       kind;
  KessanUnit                unit;
  guint                     decimals;  /* in the unit shown: millions of yen, percent… */
  guint                     depth;
  gboolean                  heading;
  gboolean                  total;
  const KessanSeriesPoint **points;    /* one per period of the table, NULL where none */
} KessanTrendsRow;

typedef struct
{
  GPtrArray  *periods;  /* ISO dates of the period ends, oldest first */
  GPtrArray  *titles;   /* their column titles */
  GPtrArray  *rows;     /* KessanTrendsRow, owned */
  GPtrArray  *keys;     /* char *, the rows' keys, for the table's model */
  GHashTable *by_key;   /* key → KessanTrendsRow, borrowed */
} KessanTrendsTable;

/* What a build hands to the main thread.  The points of the tables belong
 * to the set, which nothing changes once the build is over. */
typedef struct
{
  KessanSeriesSet   *set;
  KessanTrendsTable *tables[KESSAN_TRENDS_N_LAYOUTS];
  guint              n_filings;
  gint64             build_time;  /* µs, for tracing */
} KessanTrendsResult;

KessanTrendsResult *kessan_trends_result_build (KessanSeriesSet     *set,
                                                GCancellable        *cancellable);
void                kessan_trends_result_free  (KessanTrendsResult  *result);
guint               kessan_trends_group_index  (KessanStatementKind  kind);
const char         *kessan_trends_group_title  (KessanStatementKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KessanTrendsResult, kessan_trends_result_free)

G_END_DECLS
