/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "kessan-fact.h"

G_DEFINE_BOXED_TYPE (KessanFact, kessan_fact, kessan_fact_copy, kessan_fact_free)

/**
 * kessan_fact_new:
 * @name: the fact's qualified element name
 * @context: (nullable): its context id
 * @unit: (nullable): its unit id
 * @decimals: its decimals, %KESSAN_FACT_DECIMALS_INF or
 *   %KESSAN_FACT_DECIMALS_NONE
 * @scale: the power of ten its printed number is in
 * @negated: whether the fact is the negative of the printed number
 *
 * Returns: (transfer full): a new #KessanFact
 */
KessanFact *
kessan_fact_new (const char *name,
                 const char *context,
                 const char *unit,
                 int         decimals,
                 int         scale,
                 gboolean    negated)
{
  KessanFact *fact = g_new0 (KessanFact, 1);

  g_return_val_if_fail (name != NULL, NULL);

  fact->name = g_strdup (name);
  fact->context = g_strdup (context);
  fact->unit = g_strdup (unit);
  fact->decimals = decimals;
  fact->scale = scale;
  fact->negated = !!negated;
  return fact;
}

KessanFact *
kessan_fact_copy (const KessanFact *fact)
{
  g_return_val_if_fail (fact != NULL, NULL);

  return kessan_fact_new (fact->name, fact->context, fact->unit,
                          fact->decimals, fact->scale, fact->negated);
}

void
kessan_fact_free (KessanFact *fact)
{
  if (fact == NULL)
    return;

  g_free (fact->name);
  g_free (fact->context);
  g_free (fact->unit);
  g_free (fact);
}

gboolean
kessan_fact_equal (const KessanFact *a,
                   const KessanFact *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->context, b->context) == 0
         && g_strcmp0 (a->unit, b->unit) == 0
         && a->decimals == b->decimals
         && a->scale == b->scale
         && a->negated == b->negated;
}
