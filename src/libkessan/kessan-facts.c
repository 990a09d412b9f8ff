/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "config.h"

#include "kessan-ixbrl-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kessan-concepts.h"
#include "kessan-period.h"

/* What tagged facts state exactly replaces what the table reader
 * inferred: a column's period, currency, scale, scenario, consolidation
 * and members come from the contexts and units of its cells' facts, a
 * row's concept from its element.  Nothing is inferred where a fact
 * states it. */

static guint
months_of (const char *start,
           const char *end)
{
  GDate from, to;
  int months;

  if (start == NULL || !kessan_date_from_iso (start, &from) || !kessan_date_from_iso (end, &to))
    return 0;
  /* From 2023-04-01 to 2024-03-31 is twelve months: the day after the
   * end starts the next period. */
  g_date_add_days (&to, 1);
  months = ((int) g_date_get_year (&to) - (int) g_date_get_year (&from)) * 12
           + ((int) g_date_get_month (&to) - (int) g_date_get_month (&from));
  if ((int) g_date_get_day (&to) - (int) g_date_get_day (&from) > 15)
    months++;
  else if ((int) g_date_get_day (&from) - (int) g_date_get_day (&to) > 15)
    months--;
  return months > 0 ? (guint) months : 0;
}

static guint
power_of_ten (int power)
{
  guint scale = 1;

  for (int i = 0; i < power && i < 9; i++)
    scale *= 10;
  return scale;
}

/* The context most of a column's facts name, and the scale and currency
 * of its money facts. */
static void
apply_column (KessanGrid      *grid,
              KessanStatement *statement,
              guint            c)
{
  KessanColumn *column = kessan_statement_get_column (statement, c);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const KessanGridContext *context = NULL;
  const char *currency = NULL;
  guint best = 0, money = 0;
  int power = G_MININT;

  for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
    {
      const KessanFact *fact = kessan_line_item_get_fact (kessan_statement_get_row (statement, r), c);
      const KessanGridUnit *unit;
      guint count;

      if (fact == NULL || fact->context == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, fact->context)) + 1;
      g_hash_table_insert (counts, fact->context, GUINT_TO_POINTER (count));
      if (count > best && kessan_grid_get_context (grid, fact->context) != NULL)
        {
          best = count;
          context = kessan_grid_get_context (grid, fact->context);
        }
      unit = kessan_grid_get_unit (grid, fact->unit);
      if (unit != NULL && unit->unit == KESSAN_UNIT_CURRENCY)
        {
          if (money++ == 0)
            {
              currency = unit->currency;
              power = fact->scale;
            }
        }
    }

  if (context != NULL && context->end != NULL)
    {
      kessan_column_set_period_end (column, context->end);
      kessan_column_set_period_start (column, context->start);
      kessan_column_set_months (column, months_of (context->start, context->end));
      kessan_column_set_scenario (column, context->scenario);
      kessan_column_set_consolidation (column, context->consolidation);
      kessan_column_set_members (column, (const char * const *) context->members);
    }
  if (money > 0 && kessan_column_get_measure (column) == KESSAN_MEASURE_AMOUNT)
    {
      kessan_column_set_currency_code (column, currency);
      kessan_column_set_unit (column, KESSAN_UNIT_CURRENCY);
      if (power >= 0)
        kessan_column_set_scale (column, power_of_ten (power));
    }
}

/* A row's concept from its element; its unit, where its facts are not
 * money, from their unit: a per-share amount, shares or a ratio is read
 * as printed whatever the column's scale. */
static void
apply_concept (KessanGrid      *grid,
               KessanConcepts  *concepts,
               KessanStatement *statement,
               KessanLineItem  *row)
{
  guint n_columns = kessan_statement_get_n_columns (statement);

  for (guint c = 0; c < n_columns; c++)
    {
      const KessanFact *fact = kessan_line_item_get_fact (row, c);
      const KessanConcept *concept;
      const KessanGridUnit *unit;

      if (fact == NULL || fact->name == NULL)
        continue;
      unit = kessan_grid_get_unit (grid, fact->unit);
      if (unit != NULL && (unit->unit == KESSAN_UNIT_PER_SHARE || unit->unit == KESSAN_UNIT_SHARES
                           || unit->unit == KESSAN_UNIT_PERCENT))
        kessan_line_item_set_unit (row, unit->unit);
      /* Shares printed in full in a table in thousands: the row is
       * counted in what its facts say, not in its columns' scale. */
      if (unit != NULL && unit->unit == KESSAN_UNIT_SHARES && fact->scale >= 0 && fact->scale <= 9
          && power_of_ten (fact->scale) != kessan_column_get_scale (kessan_statement_get_column (statement, c)))
        kessan_line_item_set_scale (row, power_of_ten (fact->scale));
      concept = kessan_concepts_lookup_element (concepts, fact->name);
      if (concept != NULL)
        {
          kessan_line_item_set_concept (row, concept->key);
          kessan_line_item_set_labels (row, concept->label_en, concept->label_ja);
        }
      else
        kessan_line_item_set_concept (row, fact->name);
      return;
    }
}

static void
add_finding (KessanFiling    *filing,
             KessanStatement *statement,
             KessanSeverity   severity,
             const char      *check,
             guint            line,
             char            *message)
{
  g_autoptr(KessanFinding) finding = NULL;

  finding = kessan_finding_new (check, severity, statement != NULL ? kessan_statement_get_id (statement) : NULL,
                                message);
  if (line > 0)
    kessan_finding_add_line (finding, line);
  kessan_filing_add_finding (filing, finding);
  g_free (message);
}

typedef struct
{
  KessanStatement *statement;
  KessanLineItem  *row;
  guint            column;
} Place;

static guint64
place_key (guint line,
           guint column)
{
  return ((guint64) line << 8) | column;
}

/* Each printed number against the fact tagged on it: the printed value
 * in the column's scale, its sign as printed, against the fact's value
 * with its own scale and sign. */
static void
cross_check (KessanGrid   *grid,
             KessanFiling *filing)
{
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);
      guint n_columns = kessan_statement_get_n_columns (statement);

      for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
        {
          KessanLineItem *row = kessan_statement_get_row (statement, r);

          for (guint c = 0; c < n_columns && c < 255; c++)
            {
              guint line = kessan_line_item_get_value_line (row, c);
              guint64 *key;
              Place *place;

              if (line == 0)
                continue;
              key = g_new (guint64, 1);
              *key = place_key (line, c);
              place = g_new (Place, 1);
              *place = (Place) { statement, row, c };
              g_hash_table_replace (places, key, place);
            }
        }
    }

  for (guint f = 0; f < grid->facts->len; f++)
    {
      const KessanGridFact *entry = &g_array_index (grid->facts, KessanGridFact, f);
      const KessanFact *fact = entry->fact;
      guint64 key;
      Place *place;

      if (fact->context != NULL && kessan_grid_get_context (grid, fact->context) == NULL
          && !g_hash_table_contains (reported, fact->context))
        {
          g_hash_table_add (reported, fact->context);
          add_finding (filing, NULL, KESSAN_SEVERITY_WARNING, "fact-context", entry->line,
                       g_strdup_printf (_("The fact %s on line %u names the context “%s”, which the document does not define: its period is not known."),
                                        fact->name, entry->line, fact->context));
        }
      if (fact->unit != NULL && kessan_grid_get_unit (grid, fact->unit) == NULL
          && !g_hash_table_contains (reported, fact->unit))
        {
          g_hash_table_add (reported, fact->unit);
          add_finding (filing, NULL, KESSAN_SEVERITY_WARNING, "fact-unit", entry->line,
                       g_strdup_printf (_("The fact %s on line %u names the unit “%s”, which the document does not define: its currency is not known."),
                                        fact->name, entry->line, fact->unit));
        }

      if (entry->cell == 0)
        continue;
      key = place_key (entry->line, entry->cell - 1);
      place = g_hash_table_lookup (places, &key);
      if (place == NULL || !kessan_line_item_has_value (place->row, place->column))
        continue;
      {
        double printed = kessan_line_item_get_value (place->row, place->column)
                         * pow (10.0, fact->scale);
        double tolerance = 1e-9 * MAX (1.0, fabs (entry->value));

        if (fabs (printed - entry->value) <= tolerance)
          {
            if (kessan_line_item_get_fact (place->row, place->column) == NULL)
              kessan_line_item_set_fact (place->row, place->column, fact);
            continue;
          }
        add_finding (filing, place->statement, KESSAN_SEVERITY_ERROR, "fact", entry->line,
                     g_strdup_printf (_("Line %u prints %.15g (%.15g in units) where its tagged fact %s is %.15g."),
                                      entry->line, kessan_line_item_get_value (place->row, place->column),
                                      printed, fact->name, entry->value));
      }
    }
}

static void
apply_filing (KessanGrid   *grid,
              KessanFiling *filing)
{
  KessanCompany *company = grid->company;
  gboolean any_id = FALSE;

  for (guint i = 0; i < KESSAN_COMPANY_N_IDS; i++)
    any_id |= kessan_company_get_id (company, i) != NULL;
  if (kessan_company_get_name (company) != NULL || any_id)
    {
      if (kessan_company_get_name (company) == NULL)
        kessan_company_set_name (company, kessan_filing_get_company (filing));
      kessan_company_copy_into (company, kessan_filing_get_company_info (filing));
      kessan_filing_set_company (filing, kessan_company_get_name (company));
    }
  if (grid->released != NULL)
    {
      GDate date;
      guint y, m, d;

      /* ISO, or the Japanese form of ixt:date-year-month-day-cjk. */
      if (kessan_date_from_iso (grid->released, &date))
        kessan_filing_set_released (filing, grid->released);
      else if (sscanf (grid->released, "%u年%u月%u日", &y, &m, &d) == 3
               && g_date_valid_dmy (d, m, y))
        {
          g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u", y, m, d);

          kessan_filing_set_released (filing, iso);
        }
    }
  if (grid->standard != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (grid->standard, -1);

      if (strstr (lower, "ifrs") != NULL)
        kessan_filing_set_accounting_standard (filing, KESSAN_STANDARD_IFRS);
      else if (strstr (lower, "us") != NULL)
        kessan_filing_set_accounting_standard (filing, KESSAN_STANDARD_US_GAAP);
      else if (strstr (lower, "japan") != NULL || strstr (lower, "jp") != NULL
               || strstr (grid->standard, "日本基準") != NULL)
        kessan_filing_set_accounting_standard (filing, KESSAN_STANDARD_JGAAP);
    }
}

void
kessan_facts_apply (KessanGrid   *grid,
                    KessanFiling *filing)
{
  KessanConcepts *concepts = kessan_concepts_get_default ();

  apply_filing (grid, filing);
  if (grid->facts->len == 0)
    return;

  cross_check (grid, filing);
  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);
      guint n_columns = kessan_statement_get_n_columns (statement);

      for (guint c = 0; c < n_columns; c++)
        apply_column (grid, statement, c);
      for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
        apply_concept (grid, concepts, statement, kessan_statement_get_row (statement, r));
    }
}
