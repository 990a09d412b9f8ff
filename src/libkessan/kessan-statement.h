/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan-column.h"
#include "kessan-line-item.h"
#include "kessan-types.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_STATEMENT (kessan_statement_get_type ())

G_DECLARE_FINAL_TYPE (KessanStatement, kessan_statement, KESSAN, STATEMENT, GObject)

KessanStatement     *kessan_statement_new            (const char          *id,
                                                      KessanStatementKind  kind,
                                                      const char          *language);
const char          *kessan_statement_get_id         (KessanStatement     *self);
void                 kessan_statement_set_id         (KessanStatement     *self,
                                                      const char          *id);
KessanStatementKind  kessan_statement_get_kind       (KessanStatement     *self);
/* "en" or "ja" */
const char          *kessan_statement_get_language   (KessanStatement     *self);
const char          *kessan_statement_get_title      (KessanStatement     *self);
void                 kessan_statement_set_title      (KessanStatement     *self,
                                                      const char          *title);
/* The table's subject in the concept dictionary ("income.quarter",
 * "kpi.contracts"): the same topic in the other language is the other
 * edition of the same table. */
const char          *kessan_statement_get_topic      (KessanStatement     *self);
void                 kessan_statement_set_topic      (KessanStatement     *self,
                                                      const char          *topic);
/* The source lines the table spans (1-based, inclusive). */
guint                kessan_statement_get_first_line (KessanStatement     *self);
guint                kessan_statement_get_last_line  (KessanStatement     *self);
void                 kessan_statement_set_lines      (KessanStatement     *self,
                                                      guint                first_line,
                                                      guint                last_line);
guint                kessan_statement_get_n_columns  (KessanStatement     *self);
KessanColumn        *kessan_statement_get_column     (KessanStatement     *self,
                                                      guint                index);
void                 kessan_statement_add_column     (KessanStatement     *self,
                                                      KessanColumn        *column);
/* A GListModel of KessanLineItem, in printed order. */
GListModel          *kessan_statement_get_rows       (KessanStatement     *self);
guint                kessan_statement_get_n_rows     (KessanStatement     *self);
KessanLineItem      *kessan_statement_get_row        (KessanStatement     *self,
                                                      guint                index);
void                 kessan_statement_add_row        (KessanStatement     *self,
                                                      KessanLineItem      *row);
KessanLineItem      *kessan_statement_find_row       (KessanStatement     *self,
                                                      const char          *concept);

gboolean             kessan_statement_get_transposed (KessanStatement     *self);
void                 kessan_statement_set_transposed (KessanStatement     *self,
                                                      gboolean             transposed);

G_END_DECLS
