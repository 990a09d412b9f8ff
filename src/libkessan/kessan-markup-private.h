/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libxml/tree.h>

#include "kessan-fact-table-private.h"
#include "kessan-grid-private.h"

G_BEGIN_DECLS

/* The walk of a parsed HTML or XHTML document into grid lines, shared by
 * the HTML reader and the inline XBRL reader (docs/readers.md). */

/* A cell of a table as read, before its columns are laid out. */
typedef struct
{
  char      *text;      /* NULL for a cell covered by a span */
  GPtrArray *facts;     /* KessanMarkupFact, or NULL */
  guint      span;      /* columns the cell spans */
  double     indent;    /* how far its text is set in, in points */
} KessanMarkupCell;

/* A fact tagged inside a cell. */
typedef struct
{
  KessanFact *fact;
  double      value;
  char       *text;     /* the tagged text as printed */
} KessanMarkupFact;

void      kessan_markup_pending_fact_free (gpointer data);

/* The facts of a table laid out with items as columns
 * (kessan-markup-facts.c). */
gboolean         kessan_markup_is_item_columns  (const KessanMarkupCell *matrix,
                                                 guint                   n_rows,
                                                 guint                   n_columns);
KessanFactTable *kessan_markup_facts_of_columns (KessanMarkupCell       *matrix,
                                                 guint                   n_rows,
                                                 guint                   n_columns,
                                                 const char             *element);

/* Nesting deeper than this is refused: no real release comes near it. */
#define KESSAN_MARKUP_MAX_DEPTH 10000
/* Cells of one table (rows × columns, spans counted). */
#define KESSAN_MARKUP_MAX_TABLE_CELLS ((gsize) 4000000)

typedef struct
{
  /* An element whose subtree is not printed (an inline XBRL header). */
  gboolean    (*skip)      (xmlNode  *node,
                            gpointer  user_data);
  /* An element of a table cell that tags a number: its fact (transfer
   * full) and value, or NULL. */
  KessanFact *(*cell_fact) (xmlNode  *node,
                            double   *value,
                            gpointer  user_data);
  gpointer      user_data;
} KessanMarkupHooks;

gboolean  kessan_markup_read        (KessanGrid              *grid,
                                     xmlNode                 *root,
                                     guint                    part,
                                     const KessanMarkupHooks *hooks,
                                     const char              *display_name,
                                     GError                 **error);
gboolean  kessan_markup_is_hidden   (xmlNode                 *node);
gboolean  kessan_markup_name_is     (xmlNode                 *node,
                                     const char              *name);

/* Whether @data looks like HTML or XHTML (a tag of a document, a table). */
gboolean  kessan_html_reader_sniff  (const char              *data,
                                     gsize                    length);
KessanGrid *kessan_html_reader_read (GBytes                  *contents,
                                     const char              *display_name,
                                     GError                 **error);
gboolean  kessan_html_reader_add    (KessanGrid              *grid,
                                     const char              *text,
                                     gsize                    length,
                                     const char              *part_name,
                                     const char              *sha256,
                                     const char              *display_name,
                                     GError                 **error);

/* What reads one marked-up part into a grid: kessan_html_reader_add(),
 * kessan_ixbrl_reader_add(). */
typedef gboolean (*KessanMarkupAddFunc) (KessanGrid  *grid,
                                         const char  *text,
                                         gsize        length,
                                         const char  *part_name,
                                         const char  *sha256,
                                         const char  *display_name,
                                         GError     **error);

KessanGrid *kessan_markup_read_file (GBytes                  *contents,
                                     const char              *display_name,
                                     KessanMarkupAddFunc      add,
                                     GError                 **error);

G_END_DECLS
