/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a tagged value (an inline XBRL fact) states about itself: its
 * period, unit and scale are exact, not read from the table around it. */
typedef struct
{
  char     *name;       /* qualified element name, "jppfs_cor:NetSales" */
  char     *context;    /* the context id */
  char     *unit;       /* the unit id, or NULL */
  int       decimals;   /* KESSAN_FACT_DECIMALS_INF for "INF" */
  int       scale;      /* the power of ten the printed number is in */
  gboolean  negated;    /* sign="-": the fact is the negative of the print */
} KessanFact;

#define KESSAN_FACT_DECIMALS_INF G_MAXINT
/* No "decimals" attribute: a nil or non-numeric fact. */
#define KESSAN_FACT_DECIMALS_NONE G_MININT

#define KESSAN_TYPE_FACT (kessan_fact_get_type ())

GType       kessan_fact_get_type (void) G_GNUC_CONST;
KessanFact *kessan_fact_new      (const char       *name,
                                  const char       *context,
                                  const char       *unit,
                                  int               decimals,
                                  int               scale,
                                  gboolean          negated);
KessanFact *kessan_fact_copy     (const KessanFact *fact);
void        kessan_fact_free     (KessanFact       *fact);
gboolean    kessan_fact_equal    (const KessanFact *a,
                                  const KessanFact *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KessanFact, kessan_fact_free)

G_END_DECLS
