/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kessan-grid-private.h"

G_BEGIN_DECLS

/* A table built from tagged facts rather than from a printed layout: one
 * row per element, in the order the facts come, one column per context.
 * It stands for a layout that is not one item per row (a 決算短信
 * summary prints its periods as rows, an amount and a percent per item)
 * and for an XBRL instance, which prints nothing (docs/readers.md). */
typedef struct _KessanFactTable KessanFactTable;

KessanFactTable *kessan_fact_table_new    (void);
void             kessan_fact_table_free   (KessanFactTable *table);
/* Adds one fact (taken): @label names its item, @period_label its
 * period (or NULL), @text is the number as printed, @element where it
 * is printed. */
void             kessan_fact_table_add    (KessanFactTable *table,
                                           const char      *label,
                                           const char      *period_label,
                                           const char      *text,
                                           KessanFact      *fact,
                                           double           value,
                                           const char      *element);
guint            kessan_fact_table_get_n_facts (KessanFactTable *table);
/* Whether every context of @other is a column of @table: a table that
 * goes on with the same periods (the per-share amounts printed under
 * the results). */
gboolean         kessan_fact_table_covers (KessanFactTable *table,
                                           KessanFactTable *other);
/* Moves the facts of @other (freed) to the end of @table. */
void             kessan_fact_table_merge  (KessanFactTable *table,
                                           KessanFactTable *other);
/* Adds the table to @grid as lines: a header naming each column's
 * period, then a line per row, each tagged cell with its fact. */
void             kessan_fact_table_write  (KessanFactTable *table,
                                           KessanGrid      *grid,
                                           guint            part);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KessanFactTable, kessan_fact_table_free)

G_END_DECLS
