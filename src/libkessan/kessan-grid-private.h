/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan-filing.h"

G_BEGIN_DECLS

/* What every reader hands the one table reader (docs/readers.md): the
 * release as lines of text, where a table row printed in cells (an HTML
 * row, a tagged row) is one line with its cells separated by tabs; where
 * each line came from; and what tagged facts say about cells.  Period,
 * currency, scale, kind and concept are worked out once, from the grid,
 * for every format. */

/* An inline XBRL context, or any other exact statement of a period. */
typedef struct
{
  char                *id;
  char                *entity;       /* the entity's identifier, or NULL */
  char                *start;        /* ISO date, NULL for an instant */
  char                *end;          /* ISO date: the instant or the end */
  KessanScenario       scenario;
  KessanConsolidation  consolidation;
  char               **members;      /* "axis=member", NULL-terminated */
} KessanGridContext;

typedef struct
{
  char       *id;
  char       *currency;              /* ISO 4217 code, or NULL */
  KessanUnit  unit;                  /* currency, shares, per_share, percent… */
} KessanGridUnit;

/* A tagged fact printed in a cell of a line. */
typedef struct
{
  guint       line;                  /* 1-based */
  guint       cell;                  /* tab field: 0 is the label */
  KessanFact *fact;
  double      value;                 /* as tagged: scale and sign applied */
} KessanGridFact;

typedef struct
{
  GString    *text;                  /* the lines added, each ending in LF */
  char       *taken;                 /* or the whole text, taken at once */
  guint       n_lines;               /* lines added */
  const char *encoding;              /* static: what the bytes were read as */
  GPtrArray  *parts;                 /* KessanSourcePart */
  GArray     *places;                /* KessanSourcePlace, by line */
  GArray     *facts;                 /* KessanGridFact */
  GHashTable *contexts;              /* id → KessanGridContext */
  GHashTable *units;                 /* id → KessanGridUnit */
  KessanCompany *company;            /* names and identifiers read from
                                      * tags or headers, or empty */
  char       *released;              /* the release date as tagged or
                                      * headed, or NULL */
  gboolean    marked_up;             /* read from markup (HTML, XHTML) */
  char       *standard;              /* the accounting standard as tagged
                                      * ("Japan GAAP", "IFRS"), or NULL */
} KessanGrid;

KessanGrid *kessan_grid_new           (void);
void        kessan_grid_free          (KessanGrid        *grid);
guint       kessan_grid_add_part      (KessanGrid        *grid,
                                       const char        *name,
                                       const char        *format,
                                       const char        *sha256);
guint       kessan_grid_add_line      (KessanGrid        *grid,
                                       const char        *text,
                                       guint              part,
                                       const char        *element);
guint       kessan_grid_add_row       (KessanGrid        *grid,
                                       const char * const *cells,
                                       guint              n_cells,
                                       guint              part,
                                       const char        *element);
void        kessan_grid_take_text     (KessanGrid        *grid,
                                       char              *text,
                                       guint              part);
char       *kessan_grid_steal_text    (KessanGrid        *grid);
void        kessan_grid_add_fact      (KessanGrid        *grid,
                                       guint              line,
                                       guint              cell,
                                       KessanFact        *fact,
                                       double             value);
void        kessan_grid_add_context   (KessanGrid        *grid,
                                       KessanGridContext *context);
void        kessan_grid_add_unit      (KessanGrid        *grid,
                                       KessanGridUnit    *unit);
const KessanGridContext *kessan_grid_get_context (KessanGrid *grid,
                                                  const char *id);
const KessanGridUnit    *kessan_grid_get_unit    (KessanGrid *grid,
                                                  const char *id);

/* The readers, one per format; each refuses in words of its own. */
KessanGrid *kessan_grid_read          (GBytes            *contents,
                                       const char        *display_name,
                                       GError           **error);
KessanGrid *kessan_text_reader_read   (GBytes            *contents,
                                       const char        *display_name,
                                       GError           **error);
KessanGrid *kessan_pdf_reader_read    (GBytes            *contents,
                                       const char        *display_name,
                                       GError           **error);

/* After the table reader: what the grid knows exactly. */
void        kessan_grid_apply_places  (KessanGrid        *grid,
                                       KessanFiling      *filing);
void        kessan_grid_apply_facts   (KessanGrid        *grid,
                                       KessanFiling      *filing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KessanGrid, kessan_grid_free)

G_END_DECLS
