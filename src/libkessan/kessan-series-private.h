/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kessan-series.h"

G_BEGIN_DECLS

/* The inside of a KessanSeriesSet, shared by the files that make it
 * (kessan-series.c), answer for its points (kessan-series-points.c) and
 * write it out (kessan-series-output.c). */

#define MAX_INPUTS 4

typedef enum
{
  VARIANT_PLAIN,
  VARIANT_YOY,
  VARIANT_QOQ,
} Variant;

typedef struct
{
  KessanFiling *filing;
  const char   *sort_date;       /* release date, else period end, else "" */
  guint         index;           /* in the order added */
  guint         rank;            /* in the order released */
} Release;

typedef struct _ConceptEntry ConceptEntry;

struct _ConceptEntry
{
  char         *key;
  GPtrArray    *points;          /* printed, borrowed from the set */
  GPtrArray    *derived;         /* derived, borrowed from the set */
  ConceptEntry *base;            /* for yoy(x) and qoq(x): x */
  Variant       variant;
  int           order;           /* place in the dictionary, or G_MAXINT */
  gboolean      stock;
};

struct _KessanSeriesObservation
{
  Release                 *release;
  KessanSeriesObservation *next;
  double                   printed;
  guint32                  statement;
  guint32                  row;
  guint32                  line;
  guint32                  scale;
  guint16                  column;
  guint8                   decimals;
};

/* How a derived value was computed.  Only derived points have one: a
 * library of a million concepts has millions of printed points. */
typedef struct
{
  const char              *formula;
  const KessanSeriesPoint *inputs[MAX_INPUTS];
  guint                    n_inputs;
} Derivation;

struct _KessanSeriesPoint
{
  ConceptEntry                  *entry;
  guint32                        end;          /* Julian day */
  guint16                        months;
  guint8                         unit;
  guint8                         derived : 1;
  guint8                         restated : 1;
  guint8                         inconsistent : 1;
  char                           period_end[11];

  KessanSeriesObservation       *observations;
  KessanSeriesObservation       *last;
  guint                          n_observations;

  const KessanSeriesObservation *value_observation;
  const KessanSeriesObservation *first_published;
  const KessanSeriesObservation *latest;
  double                         value;
  double                         resolution;
  guint                          scale;
  guint                          decimals;

  Derivation                    *derivation;   /* a derived point's, in its block */
};

struct _KessanSeriesCheck
{
  KessanSeriesCheckKind    kind;
  KessanSeriesCheckStatus  status;
  char                     date[11];
  const KessanSeriesPoint *cashflow;
  const KessanSeriesPoint *balance;
};

struct _KessanSeriesSet
{
  GObject      parent_instance;

  GPtrArray   *releases;         /* Release, owned, in the order added */
  GPtrArray   *ranked;           /* Release, borrowed, in the order released */
  GHashTable  *hashes;           /* source hash → Release */
  GHashTable  *filings;          /* KessanFiling → Release */
  KessanCompany *company;        /* whose releases the set holds, the
                                  * first added's, or NULL while empty */
  const char  *currency;         /* the currency it reports in (interned) */
  KessanCalendar calendar;       /* the first release's that states one */
  GHashTable  *concepts;         /* key → ConceptEntry, owned */
  GHashTable  *printed;          /* KessanSeriesPoint → itself */
  GPtrArray   *points;           /* printed KessanSeriesPoint, owned */
  GHashTable  *derived_table;    /* KessanSeriesPoint → itself */
  GPtrArray   *derived;          /* derived KessanSeriesPoint, owned */
  GPtrArray   *blocks;           /* observation blocks, owned */
  guint        block_used;
  GPtrArray   *checks;           /* KessanSeriesCheck, owned */
  GListStore  *findings;         /* KessanFinding */
  GHashTable  *dictionary;       /* concept key → its place in the dictionary */

  gboolean     dirty;
};

void        kessan_series_set_ensure_built           (KessanSeriesSet               *self);
/* The concepts with points, in the order of kessan_series_set_get_concepts(). */
GPtrArray  *kessan_series_set_sorted_entries         (KessanSeriesSet               *self);
/* A concept's points, printed and derived, by period. */
GPtrArray  *kessan_series_entry_sorted_points        (ConceptEntry                  *entry);
/* The decimals of an observation's value in yen (not in its scale). */
guint       kessan_series_observation_value_decimals (const KessanSeriesObservation *observation);
double      kessan_series_round_to                   (double                         value,
                                                      guint                          decimals);
const char *kessan_series_observation_statement_id   (const KessanSeriesObservation *observation);

G_END_DECLS
