/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-names"

#include "config.h"

#include <glib/gi18n.h>

#include "kessan-names.h"

const char *
kessan_statement_get_table_name (KessanStatement *statement)
{
  const char *topic;

  g_return_val_if_fail (KESSAN_IS_STATEMENT (statement), NULL);

  topic = kessan_statement_get_topic (statement);
  if (g_strcmp0 (topic, "income.quarter") == 0)
    return _("Statement of Operations, Quarter");
  if (g_strcmp0 (topic, "income.year") == 0)
    return _("Statement of Operations, Full Year");
  if (g_strcmp0 (topic, "balance") == 0)
    return _("Balance Sheet");
  if (g_strcmp0 (topic, "cashflow.quarter") == 0)
    return _("Cash Flows, Quarter");
  if (g_strcmp0 (topic, "cashflow.year") == 0)
    return _("Cash Flows, Full Year");
  if (kessan_statement_get_title (statement) != NULL)
    return kessan_statement_get_title (statement);
  return kessan_statement_get_id (statement);
}

char *
kessan_statement_get_display_name (KessanStatement *statement)
{
  const char *language;
  const char *edition;
  const char *name;

  g_return_val_if_fail (KESSAN_IS_STATEMENT (statement), NULL);

  language = kessan_statement_get_language (statement);
  edition = g_strcmp0 (language, "ja") == 0 ? _("Japanese") : _("English");
  name = kessan_statement_get_table_name (statement);

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
