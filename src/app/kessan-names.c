/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-names"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

/* Drops what a printed title says besides the table's name: a leading
 * "Table 3." or "表 3.", and the parentheses of its unit or audit state,
 * "(JPY in millions)", "(百万円)", "(UNAUDITED)". */
static char *
clean_title (const char *title)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = title;
  int depth = 0;

  if (g_str_has_prefix (p, "Table ") || g_str_has_prefix (p, "表"))
    {
      const char *q = g_str_has_prefix (p, "Table ") ? p + 6 : p + strlen ("表");

      while (*q == ' ')
        q++;
      if (g_ascii_isdigit (*q))
        {
          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.')
            q++;
          p = q;
        }
    }
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == 0xFF08)
        depth++;
      else if ((c == ')' || c == 0xFF09) && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

/**
 * kessan_statement_get_short_name:
 * @statement: a #KessanStatement
 *
 * The table's name for a list of the tables of a release: the kind and
 * period of a primary statement ("Income Statement — Quarter"), else its
 * printed title without its number and unit ("Number of Contracts").
 *
 * Returns: (transfer full): the name
 */
char *
kessan_statement_get_short_name (KessanStatement *statement)
{
  static const struct
  {
    const char *topic;
    const char *name;
  } names[] = {
    { "income.quarter", N_("Income Statement — Quarter") },
    { "income.year", N_("Income Statement — Full Year") },
    { "balance", N_("Balance Sheet") },
    { "cashflow.quarter", N_("Cash Flows — Quarter") },
    { "cashflow.year", N_("Cash Flows — Full Year") },
    { "comprehensive.quarter", N_("Comprehensive Income — Quarter") },
    { "comprehensive.year", N_("Comprehensive Income — Full Year") },
    { "reconciliation.ebitda", N_("Adjusted EBITDA Reconciliation") },
    { "reconciliation.capex", N_("CAPEX Reconciliation") },
  };
  const char *topic;
  g_autofree char *cleaned = NULL;

  g_return_val_if_fail (KESSAN_IS_STATEMENT (statement), NULL);

  topic = kessan_statement_get_topic (statement);
  for (gsize i = 0; topic != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (names[i].topic, topic))
      return g_strdup (_(names[i].name));
  if (kessan_statement_get_title (statement) != NULL)
    cleaned = clean_title (kessan_statement_get_title (statement));
  if (cleaned != NULL && *cleaned != '\0')
    return g_steal_pointer (&cleaned);
  return g_strdup (kessan_statement_get_table_name (statement));
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
