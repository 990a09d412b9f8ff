/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-names"

#include "config.h"

#include <glib/gi18n.h>

#include "kessan-names.h"

char *
kessan_statement_get_display_name (KessanStatement *statement)
{
  const char *topic;
  const char *language;
  const char *edition;
  const char *name = NULL;

  g_return_val_if_fail (KESSAN_IS_STATEMENT (statement), NULL);

  topic = kessan_statement_get_topic (statement);
  language = kessan_statement_get_language (statement);
  edition = g_strcmp0 (language, "ja") == 0 ? _("Japanese") : _("English");

  if (g_strcmp0 (topic, "income.quarter") == 0)
    name = _("Statement of Operations, Quarter");
  else if (g_strcmp0 (topic, "income.year") == 0)
    name = _("Statement of Operations, Full Year");
  else if (g_strcmp0 (topic, "balance") == 0)
    name = _("Balance Sheet");
  else if (g_strcmp0 (topic, "cashflow.quarter") == 0)
    name = _("Cash Flows, Quarter");
  else if (g_strcmp0 (topic, "cashflow.year") == 0)
    name = _("Cash Flows, Full Year");
  else if (kessan_statement_get_title (statement) != NULL)
    name = kessan_statement_get_title (statement);
  else
    name = kessan_statement_get_id (statement);

  /* TRANSLATORS: a statement and the language it is printed in:
   * "Balance Sheet (Japanese)" */
  return g_strdup_printf (_("%s (%s)"), name, edition);
}

const char *
kessan_check_get_display_name (const char *id)
{
  static const struct
  {
    const char *id;
    const char *name;
  } checks[] = {
    /* TRANSLATORS: names of the checks run on a release, shown with each finding */
    { "sum", N_("Total") },
    { "cash", N_("Cash reconciliation") },
    { "ebitda", N_("Adjusted EBITDA reconciliation") },
    { "capex", N_("CAPEX reconciliation") },
    { "percent", N_("Percent of revenues or total") },
    { "change", N_("Change column") },
    { "usd", N_("USD conversion") },
    { "balance", N_("Balance sheet identity") },
    { "net-income", N_("Net income") },
    { "kpi", N_("KPI table against the statements") },
    { "language", N_("Japanese and English editions") },
    { "truncated", N_("Truncated release") },
    { "cross-release-cash", N_("Cash across releases") },
  };

  g_return_val_if_fail (id != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (checks); i++)
    if (g_str_equal (checks[i].id, id))
      return _(checks[i].name);
  return id;
}
