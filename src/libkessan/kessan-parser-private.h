/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kessan-concepts.h"
#include "kessan-filing.h"
#include "kessan-grid-private.h"
#include "kessan-number.h"
#include "kessan-period.h"

G_BEGIN_DECLS

#define KESSAN_PLAN_MAX_COLUMNS 32

/* One printed number of a table line. */
typedef struct
{
  KessanNumber number;
  int          cell;          /* tab field (0 = first after the label), or -1 */
  guint        start;         /* byte offset in the normalised line */
} KessanCell;

typedef enum
{
  KESSAN_LINE_BLANK,
  KESSAN_LINE_TEXT,
  KESSAN_LINE_DATA,
} KessanLineKind;

typedef struct
{
  guint           number;     /* 1-based line number in the decoded text */
  char           *text;       /* normalised line */
  char           *label;      /* cleaned label of a data line, or NULL */
  char           *group;      /* a group label printed before the label
                               * on the same line ("IP Services"), or NULL */
  GArray         *cells;      /* KessanCell, for data lines */
  KessanLineKind  kind;
  guint           indent;     /* leading spaces */
  guint           n_fields;   /* tab fields after the label */
  gboolean        tabbed;
  gboolean        japanese;
  guint8          known;      /* which LINE_IS_* bits of @is are computed */
  guint8          unit;       /* KessanUnit of a data line's label */
  gboolean        unit_known;
  guint8          is;         /* cached answers of kessan_line_is_*() */
  const char     *currency_mark; /* "$", "US$", "¥"… printed before a
                                  * figure of a data line, or NULL */
} KessanLine;

enum
{
  KESSAN_LINE_IS_PROSE = 1 << 0,
  KESSAN_LINE_IS_NOTE = 1 << 1,
  KESSAN_LINE_IS_TITLE = 1 << 2,
  KESSAN_LINE_IS_HEADER = 1 << 3,
};

/* A run of table lines and what was printed around it. */
typedef struct
{
  guint first;                /* index of the first line of the body */
  guint last;                 /* index of the last line of the body */
  guint preamble;             /* index of the first line before the body
                               * that still belongs to this table */
  guint postamble_end;        /* index after the last line after the body
                               * that may describe it */
  int   title;                /* index of the title line, or -1 */
  gboolean shares_headers;    /* a further section of the block before,
                               * under the column headers it printed */
} KessanBlock;

typedef struct
{
  KessanLine     *lines;
  guint           n_lines;
  KessanConcepts *concepts;
  double          jpy_per_usd;
  GDate           released;
  KessanCalendar  calendar;   /* what the release says of its fiscal year */
  const char     *dollar;     /* what "$" means in it, once asked */
} KessanParseContext;

void     kessan_line_scan            (KessanLine         *line,
                                      const char         *raw,
                                      gsize               length,
                                      guint               number);
void     kessan_line_clear           (KessanLine         *line);
char    *kessan_label_clean          (const char         *label);
gboolean kessan_text_is_japanese     (const char         *text);
gboolean kessan_line_is_prose        (const KessanLine   *line);
gboolean kessan_line_is_title        (const KessanLine   *line,
                                      KessanConcepts     *concepts);
gboolean kessan_line_is_header       (const KessanLine   *line);
gboolean kessan_text_is_year_list (const char         *text);
gboolean kessan_line_is_note         (const KessanLine   *line);

KessanFiling *kessan_parse_grid      (KessanGrid         *grid,
                                      GBytes             *contents,
                                      const char         *source_name,
                                      GError            **error);

KessanStatement *kessan_table_read   (KessanParseContext *context,
                                      const KessanBlock  *block);
KessanStatement *kessan_table_read_transposed (KessanParseContext  *context,
                                               const KessanBlock   *block,
                                               const char          *title,
                                               KessanStatementKind  kind);

/* Where a header names something over the columns, in display columns
 * (a wide character counts two), and what it names. */
typedef struct
{
  guint first;                /* first display column */
  guint last;                 /* display column after the last */
  guint months;               /* a duration: 3 for "Three Months Ended" */
  guint weeks;                /* and in weeks when it says so: 12 for
                               * "12 Weeks Ended" (3 months) */
  guint month;                /* a month and day without a year: "July 3," */
  guint day;
} KessanHeaderSpan;

GRegex *kessan_regex_shared          (const char         *pattern,
                                      GRegexCompileFlags  flags);
void    kessan_release_find_calendar (KessanParseContext *context);
void    kessan_release_find_identity (KessanParseContext *context,
                                      KessanFiling       *filing);
const char *kessan_release_dollar    (KessanParseContext *context);
const char *kessan_currency_in_text  (const char         *text,
                                      const char         *dollar);
void    kessan_release_find_fiscal_period (KessanParseContext *context,
                                           KessanFiling       *filing);

guint   kessan_text_display_column   (const char         *text,
                                      guint               offset);
GArray *kessan_header_durations      (const char         *text);
GArray *kessan_header_month_days     (const char         *text);
const KessanHeaderSpan *kessan_header_span_nearest (GArray *spans,
                                                    guint   first,
                                                    guint   last);



/* What the table reader learned about each column, for the placement of
 * rows that print fewer numbers than the table has columns. */
typedef struct
{
  guint    n_columns;
  gboolean percent[KESSAN_PLAN_MAX_COLUMNS];
  gboolean usd[KESSAN_PLAN_MAX_COLUMNS];
  int      amount_of[KESSAN_PLAN_MAX_COLUMNS]; /* a percent column's amount
                                                * column; a USD column's JPY
                                                * column; -1 otherwise */
  int      current[KESSAN_PLAN_MAX_COLUMNS];   /* a change column's column of
                                                * the later period, or -1 */
  gboolean share[KESSAN_PLAN_MAX_COLUMNS];
  gboolean change[KESSAN_PLAN_MAX_COLUMNS];
  double   jpy_per_usd;
} KessanColumnPlan;

typedef struct
{
  KessanLineItem *item;
  GArray         *cells;      /* KessanCell, borrowed from the line */
  guint           line;
} KessanRaggedRow;

void kessan_ragged_place (KessanStatement        *statement,
                          const KessanColumnPlan *plan,
                          GPtrArray              *ragged);

/* Case-insensitive search of a short ASCII needle, without the set-up
 * cost of strcasestr() that dominates on the short labels and lines read
 * here: the first letter is compared inline, so that most places are
 * rejected without a call. */
static inline const char *
kessan_text_find_ci (const char *haystack,
                     const char *needle)
{
  char lower = g_ascii_tolower (needle[0]);
  char upper = g_ascii_toupper (needle[0]);
  gsize rest = strlen (needle) - 1;

  for (const char *p = haystack; *p != '\0'; p++)
    if ((*p == lower || *p == upper) && g_ascii_strncasecmp (p + 1, needle + 1, rest) == 0)
      return p;
  return NULL;
}

G_END_DECLS
