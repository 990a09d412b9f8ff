/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kessan.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_STATEMENTS_PAGE (kessan_statements_page_get_type ())

G_DECLARE_FINAL_TYPE (KessanStatementsPage, kessan_statements_page, KESSAN, STATEMENTS_PAGE, AdwBin)

void             kessan_statements_page_set_filing    (KessanStatementsPage *self,
                                                       KessanFiling         *filing);
void             kessan_statements_page_set_settings  (KessanStatementsPage *self,
                                                       GSettings            *settings);
KessanStatement *kessan_statements_page_get_statement (KessanStatementsPage *self);
gboolean         kessan_statements_page_select_statement (KessanStatementsPage *self,
                                                          const char           *id);
guint            kessan_statements_page_get_n_tables  (KessanStatementsPage *self);
KessanCorrection *kessan_statements_page_get_cell_correction (KessanStatementsPage *self,
                                                             guint                 row,
                                                             guint                 column);
GPtrArray       *kessan_statements_page_get_cell_findings (KessanStatementsPage *self,
                                                          guint                 row,
                                                          guint                 column);
/* Selects the cells a finding names and scrolls to them. */
void             kessan_statements_page_show_finding  (KessanStatementsPage *self,
                                                       KessanFinding        *finding);
/* The text of a cell as shown, for tests and copying: row and column of
 * the table as displayed (column 0 is the label). */
char            *kessan_statements_page_get_cell_text (KessanStatementsPage *self,
                                                       guint                 row,
                                                       guint                 column);
/* What a screen reader says of a cell: its row, column and value. */
char            *kessan_statements_page_describe_cell (KessanStatementsPage *self,
                                                       guint                 row,
                                                       guint                 column);
guint            kessan_statements_page_get_n_rows    (KessanStatementsPage *self);
guint            kessan_statements_page_get_n_columns (KessanStatementsPage *self);
void             kessan_statements_page_select_rows   (KessanStatementsPage *self,
                                                       guint                 first,
                                                       guint                 n);
/* Tab-separated text of the selected rows with a header line. */
char            *kessan_statements_page_copy_text     (KessanStatementsPage *self);
/* The concepts of the selected rows, for "win.chart-rows". */
char           **kessan_statements_page_get_selected_concepts (KessanStatementsPage *self);
/* Emits "show-source" with the line of the current value and where
 * its number is in the line. */
gboolean         kessan_statements_page_show_in_source (KessanStatementsPage *self);
gboolean         kessan_statements_page_get_source_span (KessanStatementsPage *self,
                                                         guint                *line,
                                                         int                  *start,
                                                         int                  *length);
/* The current cell: row and column as displayed (column 0 is the label). */
gboolean         kessan_statements_page_get_current_cell (KessanStatementsPage *self,
                                                          guint                *row,
                                                          guint                *column);
void             kessan_statements_page_set_current_cell (KessanStatementsPage *self,
                                                          guint                 row,
                                                          guint                 column);
void             kessan_statements_page_focus_current_cell (KessanStatementsPage *self);

G_END_DECLS
