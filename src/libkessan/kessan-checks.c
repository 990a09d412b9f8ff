/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-checks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kessan-checks.h"
#include "kessan-concepts.h"
#include "kessan-correction.h"
#include "kessan-format.h"
#include "kessan-period.h"

/* The checks that make a filing trustworthy: every total against its
 * rows, percents and changes against the amounts, USD against JPY, and,
 * across the statements of one release, the balance sheet identity, the
 * cash reconciliation, net income, the non-GAAP reconciliations, the KPI
 * tables against the statements and the Japanese edition against the
 * English one.  Each finding has a stable check id; a check that cannot
 * run says so with an info finding.  The tolerances are documented in
 * docs/checks.md. */

typedef struct
{
  KessanFiling   *filing;
  KessanConcepts *concepts;
  double          rate;
  /* Statement → (concept → its first row that is not a heading), made
   * when a statement is first looked in: every check finds rows by
   * concept, and a scan per look-up is quadratic in a long table. */
  GHashTable     *rows_by_concept;
  /* Concept → an array of IndexEntry, one per kind, language and period
   * (see index_observations ()): a comparison across statements looks
   * its counterpart up instead of scanning every statement, which for a
   * release of thousands of tables and KPI rows was quadratic. */
  GHashTable     *observations;
} Checker;

/* Totals whose relation is one of the named checks of a release. */
static const struct
{
  const char *concept;
  const char *check;
} named_relations[] = {
  { "cashflow.cash_end", "cash" },
  { "operating_income", "ebitda" },
  { "capex.total", "capex" },
};

static const char *
check_for_total (const char *concept)
{
  for (guint i = 0; i < G_N_ELEMENTS (named_relations); i++)
    if (g_str_equal (concept, named_relations[i].concept))
      return named_relations[i].check;
  return "sum";
}

/* Numbers in messages, grouped as the releases print them, negative as
 * the language of the message writes it: "−80.97%" in English,
 * "▲80.97%" in Japanese. */
static char *
format_number (double value,
               guint  decimals)
{
  return kessan_format_number (value, decimals, kessan_format_message_negative_style ());
}

static char *
describe_column (KessanStatement *statement,
                 guint            c)
{
  KessanColumn *column = kessan_statement_get_column (statement, c);
  const char *end = kessan_column_get_period_end (column);

  /* TRANSLATORS: a column of a statement: its number and the end of its
   * period, "3 (2003-09-30)"; used in the messages of the checks. */
  return g_strdup_printf (_("%u (%s)"), c + 1, end != NULL ? end : "?");
}

static KessanFinding *
add_finding (Checker         *self,
             const char      *check,
             KessanSeverity   severity,
             KessanStatement *statement,
             const char      *message)
{
  g_autoptr(KessanFinding) finding = kessan_finding_new (check, severity,
                                                        statement != NULL ? kessan_statement_get_id (statement) : NULL,
                                                        message);

  kessan_filing_add_finding (self->filing, finding);
  return finding;
}

static gboolean
cell (KessanLineItem *row,
      guint           c,
      double         *value)
{
  if (row == NULL || c >= kessan_line_item_get_n_values (row) || !kessan_line_item_has_value (row, c))
    return FALSE;
  *value = kessan_line_item_get_value (row, c);
  return TRUE;
}

static KessanLineItem *
find_row (Checker         *self,
          KessanStatement *statement,
          const char      *concept)
{
  GHashTable *index;

  if (concept == NULL)
    return NULL;

  index = g_hash_table_lookup (self->rows_by_concept, statement);
  if (index == NULL)
    {
      guint n = kessan_statement_get_n_rows (statement);

      index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint r = 0; r < n; r++)
        {
          KessanLineItem *row = kessan_statement_get_row (statement, r);
          const char *key = kessan_line_item_get_concept (row);

          if (!kessan_line_item_get_heading (row) && key != NULL && !g_hash_table_contains (index, key))
            g_hash_table_insert (index, (gpointer) key, row);
        }
      g_hash_table_insert (self->rows_by_concept, statement, index);
    }

  return g_hash_table_lookup (index, concept);
}

static gboolean
is_amount_column (KessanColumn *column)
{
  return kessan_column_get_measure (column) == KESSAN_MEASURE_AMOUNT
         && kessan_column_get_unit (column) != KESSAN_UNIT_PERCENT;
}

/* Rows whose values are not in the column's unit (per share, shares)
 * take no part in sums, shares or conversions. */
static gboolean
row_in_column_unit (KessanLineItem *row)
{
  return kessan_line_item_get_unit (row) == KESSAN_UNIT_NONE;
}

static double
rounding_unit (KessanLineItem *row,
               guint           c)
{
  guint decimals = kessan_line_item_get_decimals (row, c);

  return pow (10.0, -(double) decimals);
}

/* The first row printed as part of @total's section that the dictionary
 * does not count in it, or %NULL.  The section is the run of rows above
 * the total back to the heading it closes or to a shallower row; its
 * direct rows are the shallowest of them, deeper ones being summed by a
 * subtotal of their own.  A total is checked only when every direct row
 * is one of its parts: otherwise the rows that make it up are not known,
 * and a sum of some of them would report a difference that is not an
 * error of the release. */
/* Whether the dictionary counts @concept in @total, directly or through
 * a subtotal of it ("Cost of equipment sales" through "Total costs" in
 * "Total costs and expenses"). */
static gboolean
counted_in (KessanConcepts *concepts,
            const char     *total,
            const char     *concept,
            guint           depth)
{
  const char * const *components = kessan_concepts_get_components (concepts, total);
  const char * const *subtracted = kessan_concepts_get_subtracted (concepts, total);

  if (components == NULL || concept == NULL || depth > 8)
    return FALSE;
  for (guint i = 0; components[i] != NULL; i++)
    if (g_str_equal (components[i], concept) || counted_in (concepts, components[i], concept, depth + 1))
      return TRUE;
  for (guint i = 0; subtracted != NULL && subtracted[i] != NULL; i++)
    if (g_str_equal (subtracted[i], concept) || counted_in (concepts, subtracted[i], concept, depth + 1))
      return TRUE;
  return FALSE;
}

/* Whether @row is counted in @total, or is a subtotal of rows that are
 * ("Total connectivity services" printed beside the rows it adds up,
 * which the total counts one by one). */
static gboolean
row_counted_in (KessanConcepts *concepts,
                const char     *total,
                KessanLineItem *row)
{
  const char *concept = kessan_line_item_get_concept (row);
  const char * const *components;

  if (counted_in (concepts, total, concept, 0))
    return TRUE;
  components = concept != NULL ? kessan_concepts_get_components (concepts, concept) : NULL;
  if (components == NULL || components[0] == NULL)
    return FALSE;
  for (guint i = 0; components[i] != NULL; i++)
    if (!counted_in (concepts, total, components[i], 0))
      return FALSE;
  return TRUE;
}

/* The rows of @t's section: back to the heading it closes, a shallower
 * row, or a total (or a result with parts of its own) that is not one
 * of @parts; and the depth of its direct rows, the shallowest. */
static void
section_of (Checker         *self,
            KessanStatement *statement,
            guint            t,
            GPtrArray       *parts,
            guint           *first_out,
            guint           *direct_out)
{
  KessanLineItem *total = kessan_statement_get_row (statement, t);
  guint depth = kessan_line_item_get_depth (total);
  guint first = t, direct = G_MAXUINT;

  while (first > 0)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, first - 1);
      guint d = kessan_line_item_get_depth (row);

      if (d < depth || (kessan_line_item_get_heading (row) && d <= depth))
        break;
      /* A total or a result of its own ("Income before income taxes"
       * above the tax rows) ends the section above it. */
      if (d == depth && !g_ptr_array_find (parts, row, NULL)
          && !row_counted_in (self->concepts, kessan_line_item_get_concept (total), row)
          && (kessan_line_item_get_total (row)
              || (kessan_line_item_get_concept (row) != NULL
                  && kessan_concepts_get_components (self->concepts, kessan_line_item_get_concept (row)) != NULL)))
        break;
      first--;
      if (!kessan_line_item_get_heading (row))
        direct = MIN (direct, d);
    }
  *first_out = first;
  *direct_out = direct;
}

static KessanLineItem *
first_unknown_part (Checker         *self,
                    KessanStatement *statement,
                    guint            t,
                    GPtrArray       *parts)
{
  KessanLineItem *total = kessan_statement_get_row (statement, t);
  guint first, direct;

  section_of (self, statement, t, parts, &first, &direct);

  /* A section ended by a total of its own ("売上高及び営業収益合計" above
   * "売上原価") holds the rows of the total under check: a part printed
   * above that total is summed by it, and what else is, is not known. */
  if (first > 0)
    {
      KessanLineItem *stop = kessan_statement_get_row (statement, first - 1);

      if (!kessan_line_item_get_heading (stop))
        for (guint i = 0; i < parts->len; i++)
          for (guint r = 0; r + 1 < first; r++)
            if (kessan_statement_get_row (statement, r) == g_ptr_array_index (parts, i))
              return stop;
    }

  for (guint r = first; r < t; r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);
      gboolean valued = FALSE;

      if (kessan_line_item_get_heading (row) || !row_in_column_unit (row) || g_ptr_array_find (parts, row, NULL)
          || row_counted_in (self->concepts, kessan_line_item_get_concept (total), row))
        continue;
      /* A deeper row is inside the part printed after it, when that
       * part is a subtotal ("Total property, plant and equipment" after
       * "Land"); otherwise nothing says what adds it. */
      if (kessan_line_item_get_depth (row) > direct)
        {
          KessanLineItem *closing = NULL;

          for (guint n = r + 1; n < t && closing == NULL; n++)
            {
              KessanLineItem *next = kessan_statement_get_row (statement, n);

              if (!kessan_line_item_get_heading (next) && kessan_line_item_get_depth (next) <= direct)
                closing = next;
            }
          if (closing != NULL && g_ptr_array_find (parts, closing, NULL)
              && (kessan_line_item_get_total (closing)
                  || kessan_concepts_get_components (self->concepts, kessan_line_item_get_concept (closing)) != NULL))
            continue;
        }
      for (guint c = 0; c < kessan_statement_get_n_columns (statement) && !valued; c++)
        valued = kessan_line_item_has_value (row, c);
      if (valued)
        return row;
    }
  return NULL;
}

typedef struct
{
  guint first;      /* the section of the total, for the rows of its */
  guint last;       /* subtotals that are not printed */
  guint direct;
} PartSection;

static gboolean
row_in_section (KessanStatement   *statement,
                KessanLineItem    *row,
                const PartSection *section)
{
  for (guint r = section->first; r < section->last; r++)
    if (kessan_statement_get_row (statement, r) == row)
      return kessan_line_item_get_depth (row) == section->direct;
  return FALSE;
}

/* The row of a part of a total, or, where a subtotal is not printed
 * ("Total investments and other assets" in a table that prints only
 * "Deferred tax assets" under the non-current assets), the printed rows
 * that subtotal adds up. */
static void
collect_part (Checker           *self,
              KessanStatement   *statement,
              const char        *key,
              double             sign,
              GPtrArray         *parts,
              GArray            *signs,
              guint              depth,
              const PartSection *section)
{
  KessanLineItem *part = find_row (self, statement, key);
  const char * const *components;
  const char * const *subtracted;

  /* Rows of a subtotal that is not printed count where they stand as
   * the total's own rows, not nested under another subtotal. */
  if (part != NULL && depth > 0 && !row_in_section (statement, part, section))
    return;
  if (part != NULL)
    {
      /* A row already counted through a printed subtotal is not counted
       * again ("Common stock" in "Total shareholders' equity"). */
      for (guint i = 0; i < parts->len; i++)
        if (g_ptr_array_index (parts, i) == part
            || counted_in (self->concepts, kessan_line_item_get_concept (g_ptr_array_index (parts, i)), key, 0))
          return;
      g_ptr_array_add (parts, part);
      g_array_append_val (signs, sign);
      return;
    }
  if (depth == 0)
    return;
  components = kessan_concepts_get_components (self->concepts, key);
  subtracted = kessan_concepts_get_subtracted (self->concepts, key);
  if (components == NULL || depth > 8)
    return;
  for (guint i = 0; components[i] != NULL; i++)
    collect_part (self, statement, components[i], sign, parts, signs, depth + 1, section);
  for (guint i = 0; subtracted != NULL && subtracted[i] != NULL; i++)
    collect_part (self, statement, subtracted[i], -sign, parts, signs, depth + 1, section);
}

/* The printed parts of a total first, then the rows of its subtotals
 * that are not printed. */
static void
collect_parts (Checker         *self,
               KessanStatement *statement,
               guint            t,
               GPtrArray       *parts,
               GArray          *signs)
{
  const char *total = kessan_line_item_get_concept (kessan_statement_get_row (statement, t));
  const char * const *components = kessan_concepts_get_components (self->concepts, total);
  const char * const *subtracted = kessan_concepts_get_subtracted (self->concepts, total);
  PartSection section = { 0, t, 0 };

  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        section_of (self, statement, t, parts, &section.first, &section.direct);
      for (guint i = 0; components != NULL && components[i] != NULL; i++)
        collect_part (self, statement, components[i], 1, parts, signs, pass, &section);
      for (guint i = 0; subtracted != NULL && subtracted[i] != NULL; i++)
        collect_part (self, statement, subtracted[i], -1, parts, signs, pass, &section);
    }

  /* A part printed inside another part, a subtotal that closes it
   * ("長期借入金" above "固定負債合計"), is counted by that subtotal. */
  for (guint r = section.first; r < t; r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);
      guint index;

      if (kessan_line_item_get_depth (row) <= section.direct || !g_ptr_array_find (parts, row, &index))
        continue;
      for (guint n = r + 1; n < t; n++)
        {
          KessanLineItem *next = kessan_statement_get_row (statement, n);

          if (kessan_line_item_get_heading (next) || kessan_line_item_get_depth (next) > section.direct)
            continue;
          if (g_ptr_array_find (parts, next, NULL))
            {
              g_ptr_array_remove_index (parts, index);
              g_array_remove_index (signs, index);
            }
          break;
        }
    }
}

/* Within a statement: each total against its rows, as the concept
 * dictionary relates them and the layout confirms. */
static void
check_sums (Checker         *self,
            KessanStatement *statement)
{
  guint n_rows = kessan_statement_get_n_rows (statement);
  guint n_columns = kessan_statement_get_n_columns (statement);

  for (guint r = 0; r < n_rows; r++)
    {
      KessanLineItem *total = kessan_statement_get_row (statement, r);
      const char *concept = kessan_line_item_get_concept (total);
      const char * const *components;
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_autoptr(GArray) signs = g_array_new (FALSE, FALSE, sizeof (double));
      const char *check;

      if (kessan_line_item_get_heading (total) || concept == NULL)
        continue;
      components = kessan_concepts_get_components (self->concepts, concept);
      if (components == NULL)
        continue;
      collect_parts (self, statement, r, parts, signs);
      check = check_for_total (concept);

      /* With fewer than two of its rows here, the total is checked where
       * its rows are printed, if anywhere. */
      /* A total of one row printed right above it, the whole of its
       * section, is checked like any other. */
      if (parts->len == 1 && r > 0 && g_ptr_array_index (parts, 0) == kessan_statement_get_row (statement, r - 1)
          && first_unknown_part (self, statement, r, parts) == NULL
          && kessan_line_item_get_depth (g_ptr_array_index (parts, 0)) > kessan_line_item_get_depth (total))
        ;
      else if (parts->len < 2)
        {
          if (parts->len == 1)
            {
              g_autofree char *message = g_strdup_printf (_("Could not check “%s”: most of the rows it totals are not in this table."),
                                                          kessan_line_item_get_label (total));
              KessanFinding *finding = add_finding (self, check, KESSAN_SEVERITY_INFO, statement, message);

              kessan_finding_add_row (finding, concept);
              kessan_finding_add_line (finding, kessan_line_item_get_line (total));
            }
          continue;
        }

      {
        KessanLineItem *unknown = first_unknown_part (self, statement, r, parts);

        if (unknown != NULL)
          {
            g_autofree char *message = g_strdup_printf (_("Could not check “%s”: “%s”, printed among its rows, is not known to be a part of it."),
                                                        kessan_line_item_get_label (total),
                                                        kessan_line_item_get_label (unknown));
            KessanFinding *finding = add_finding (self, check, KESSAN_SEVERITY_INFO, statement, message);

            kessan_finding_add_row (finding, concept);
            kessan_finding_add_line (finding, kessan_line_item_get_line (total));
            continue;
          }
      }

      for (guint c = 0; c < n_columns; c++)
        {
          double expected = 0, taken = 0, found, unit, tolerance;
          guint summed = 0;

          if (!is_amount_column (kessan_statement_get_column (statement, c)) || !cell (total, c, &found))
            continue;
          unit = rounding_unit (total, c);
          for (guint i = 0; i < parts->len; i++)
            {
              double v;

              if (cell (g_ptr_array_index (parts, i), c, &v))
                {
                  if (g_array_index (signs, double, i) < 0)
                    taken += v;
                  else
                    expected += v;
                  summed++;
                  unit = MAX (unit, rounding_unit (g_ptr_array_index (parts, i), c));
                }
            }
          if (summed == 0)
            continue;
          tolerance = KESSAN_CHECK_SUM_TOLERANCE_PER_ROW * unit * summed + 1e-9;
          /* What a difference takes away is printed as a positive amount
           * ("Cost of sales  3,345,678") or with its sign ("(7,400)"):
           * either printing adds up; none is an error. */
          if (taken != 0 && fabs (expected + taken - found) <= tolerance)
            expected += taken;
          else
            expected -= taken;
          if (fabs (expected - found) > tolerance)
            {
              guint decimals = kessan_line_item_get_decimals (total, c);
              g_autofree char *e = format_number (expected, decimals);
              g_autofree char *f = format_number (found, decimals);
              g_autofree char *where = describe_column (statement, c);
              g_autofree char *message = NULL;
              KessanFinding *finding;

              /* TRANSLATORS: the first %s is a row label such as “Total
               * revenues”, the second a column: its number and period end
               * ("2, 2003-09-30"); then the sum of the rows and the total. */
              message = g_strdup_printf (_("“%s” does not add up in column %s: its rows sum to %s, the release prints %s."),
                                         kessan_line_item_get_label (total), where, e, f);
              finding = add_finding (self, check, KESSAN_SEVERITY_ERROR, statement, message);
              kessan_finding_add_row (finding, concept);
              kessan_finding_add_column (finding, c);
              kessan_finding_add_line (finding, kessan_line_item_get_value_line (total, c));
              for (guint i = 0; i < parts->len; i++)
                {
                  KessanLineItem *part = g_ptr_array_index (parts, i);

                  kessan_finding_add_row (finding, kessan_line_item_get_concept (part));
                  if (kessan_line_item_has_value (part, c))
                    kessan_finding_add_line (finding, kessan_line_item_get_value_line (part, c));
                }
              kessan_finding_set_values (finding, expected, found);
            }
        }
    }
}

/* The amount column a percent or change column reads: same period end
 * and length, in JPY where both currencies are printed. */
static int
find_amount_column (KessanStatement *statement,
                    const char      *period_end,
                    guint            months)
{
  int best = -1;

  for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
    {
      KessanColumn *column = kessan_statement_get_column (statement, c);

      if (!is_amount_column (column) || g_strcmp0 (kessan_column_get_period_end (column), period_end) != 0
          || kessan_column_get_months (column) != months)
        continue;
      if (best < 0 || kessan_column_get_currency (column) == KESSAN_CURRENCY_JPY)
        best = (int) c;
    }
  return best;
}

/* How far a percent computed from printed amounts may be from the
 * percent the release computed from exact ones: a whole unit on each
 * amount and one unit of the printed percent, since releases truncate
 * ("百万円未満切捨て": 68 stands for anything up to 68.999) as often as
 * they round. */
static double
percent_tolerance (double numerator,
                   double denominator,
                   double unit,
                   double printed_unit)
{
  return 100.0 * unit * (1.0 / fabs (denominator) + fabs (numerator) / (denominator * denominator))
         + printed_unit + 1e-9;
}

static void
report_mismatch (Checker         *self,
                 const char      *check,
                 KessanStatement *statement,
                 KessanLineItem  *row,
                 guint            c,
                 double           expected,
                 double           found,
                 const char      *message)
{
  KessanFinding *finding = add_finding (self, check, KESSAN_SEVERITY_ERROR, statement, message);

  kessan_finding_add_row (finding, kessan_line_item_get_concept (row));
  kessan_finding_add_column (finding, c);
  kessan_finding_add_line (finding, kessan_line_item_get_value_line (row, c));
  kessan_finding_set_values (finding, expected, found);
}

static void
report_cannot (Checker         *self,
               const char      *check,
               KessanStatement *statement,
               guint            c,
               const char      *message)
{
  KessanFinding *finding = add_finding (self, check, KESSAN_SEVERITY_INFO, statement, message);

  kessan_finding_add_column (finding, c);
}

/* The mismatches of one percent column, held until the column is read
 * through: a column most of whose rows disagree with the amounts is not
 * the measure it was read as (a change at constant currency, a share of
 * another base, a column read under the wrong header) rather than a
 * column of misprints, and is reported as not checked. */
typedef struct
{
  KessanLineItem *row;
  double          expected;
  double          found;
  char           *message;
} Mismatch;

static void
mismatch_free (gpointer data)
{
  Mismatch *mismatch = data;

  g_free (mismatch->message);
  g_free (mismatch);
}

static void
hold_mismatch (GPtrArray      *held,
               KessanLineItem *row,
               double          expected,
               double          found,
               char           *message)
{
  Mismatch *mismatch = g_new0 (Mismatch, 1);

  mismatch->row = row;
  mismatch->expected = expected;
  mismatch->found = found;
  mismatch->message = message;
  g_ptr_array_add (held, mismatch);
}

static void
report_held (Checker         *self,
             const char      *check,
             KessanStatement *statement,
             guint            c,
             GPtrArray       *held,
             guint            n_checked,
             const char      *not_checked)
{
  if (n_checked >= 3 && held->len * 2 > n_checked)
    {
      report_cannot (self, check, statement, c, not_checked);
      return;
    }
  for (guint i = 0; i < held->len; i++)
    {
      Mismatch *mismatch = g_ptr_array_index (held, i);

      report_mismatch (self, check, statement, mismatch->row, c, mismatch->expected, mismatch->found, mismatch->message);
    }
}

/* Percent-of-revenue and percent-of-total columns against amount ÷ base,
 * the base being the row printing 100.0. */
static void
check_shares (Checker         *self,
              KessanStatement *statement,
              guint            c)
{
  KessanColumn *column = kessan_statement_get_column (statement, c);
  int a = find_amount_column (statement, kessan_column_get_period_end (column), kessan_column_get_months (column));
  guint n_rows = kessan_statement_get_n_rows (statement);
  double base = NAN;
  g_autoptr(GPtrArray) held = NULL;
  guint n_checked = 0;

  if (kessan_column_get_period_end (column) == NULL)
    {
      report_cannot (self, "percent", statement, c, _("Could not check a percent column: its period is not known."));
      return;
    }
  if (a < 0)
    {
      report_cannot (self, "percent", statement, c, _("Could not check a percent column: no amount column of its period."));
      return;
    }
  for (guint r = 0; r < n_rows; r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);
      double pct, amount;

      if (cell (row, c, &pct) && fabs (pct - 100.0) < 1e-9 && cell (row, (guint) a, &amount) && amount != 0)
        base = amount;
    }
  if (isnan (base))
    {
      report_cannot (self, "percent", statement, c, _("Could not check a percent column: no row prints 100.0 as its base."));
      return;
    }

  held = g_ptr_array_new_with_free_func (mismatch_free);
  for (guint r = 0; r < n_rows; r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);
      double pct, amount, expected;

      if (!row_in_column_unit (row) || !cell (row, c, &pct) || !cell (row, (guint) a, &amount))
        continue;
      n_checked++;
      expected = amount / base * 100.0;
      if (fabs (expected - pct) > percent_tolerance (amount, base, rounding_unit (row, (guint) a), rounding_unit (row, c)))
        {
          g_autofree char *where = describe_column (statement, c);
          g_autofree char *e = format_number (expected, 2);
          g_autofree char *f = format_number (pct, kessan_line_item_get_decimals (row, c));

          hold_mismatch (held, row, expected, pct,
                         g_strdup_printf (_("“%s”: the percent in column %s is %s%%, but the amounts give %s%%."),
                                          kessan_line_item_get_label (row), where, f, e));
        }
    }
  report_held (self, "percent", statement, c, held, n_checked,
               _("Could not check a percent column: most of its rows are not their amount’s share of the base, so it shows another measure."));
}

/* Change columns against the two periods they compare. */
static void
check_changes (Checker         *self,
               KessanStatement *statement,
               guint            c)
{
  KessanColumn *column = kessan_statement_get_column (statement, c);
  guint months = kessan_column_get_months (column);
  int now = find_amount_column (statement, kessan_column_get_period_end (column), months);
  int before = find_amount_column (statement, kessan_column_get_compared_end (column), months);
  guint n_rows = kessan_statement_get_n_rows (statement);
  g_autoptr(GPtrArray) held = NULL;
  guint n_checked = 0;

  if (kessan_column_get_period_end (column) == NULL || kessan_column_get_compared_end (column) == NULL)
    {
      report_cannot (self, "change", statement, c, _("Could not check a change column: the periods it compares are not known."));
      return;
    }
  if (now < 0 || before < 0 || now == before)
    {
      report_cannot (self, "change", statement, c, _("Could not check a change column: the periods it compares are not both in the table."));
      return;
    }

  held = g_ptr_array_new_with_free_func (mismatch_free);
  for (guint r = 0; r < n_rows; r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);
      double pct, later = 0, earlier, expected, unit;

      if (!row_in_column_unit (row) || !cell (row, c, &pct) || !cell (row, (guint) before, &earlier) || earlier == 0)
        continue;
      n_checked++;
      /* An empty later cell is nothing: a change of -100 %. */
      cell (row, (guint) now, &later);
      expected = (later - earlier) / earlier * 100.0;
      unit = MAX (rounding_unit (row, (guint) now), rounding_unit (row, (guint) before));
      if (fabs (expected - pct) > percent_tolerance (later, earlier, unit, rounding_unit (row, c)))
        {
          g_autofree char *where = describe_column (statement, c);
          g_autofree char *e = format_number (expected, 2);
          g_autofree char *f = format_number (pct, kessan_line_item_get_decimals (row, c));

          hold_mismatch (held, row, expected, pct,
                         g_strdup_printf (_("“%s”: the change in column %s is %s%%, but the two periods give %s%%."),
                                          kessan_line_item_get_label (row), where, f, e));
        }
    }
  report_held (self, "change", statement, c, held, n_checked,
               _("Could not check a change column: most of its rows do not follow from the two periods, so it shows another measure (such as a change at constant currency)."));
}

/* The convenience USD column against JPY at the release's stated rate. */
static void
check_usd (Checker         *self,
           KessanStatement *statement,
           guint            c)
{
  KessanColumn *column = kessan_statement_get_column (statement, c);
  guint n_rows = kessan_statement_get_n_rows (statement);
  int jpy = -1;

  for (guint j = 0; j < kessan_statement_get_n_columns (statement); j++)
    {
      KessanColumn *other = kessan_statement_get_column (statement, j);

      if (is_amount_column (other) && kessan_column_get_currency (other) == KESSAN_CURRENCY_JPY
          && g_strcmp0 (kessan_column_get_period_end (other), kessan_column_get_period_end (column)) == 0
          && kessan_column_get_scale (other) == kessan_column_get_scale (column))
        {
          jpy = (int) j;
          break;
        }
    }
  /* Dollars with no yen beside them are the statement's own currency,
   * not a translation. */
  if (jpy < 0)
    return;
  if (self->rate <= 0)
    {
      report_cannot (self, "usd", statement, c, _("Could not check the USD column: the release states no exchange rate."));
      return;
    }

  for (guint r = 0; r < n_rows; r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);
      double usd, yen, expected;

      if (!row_in_column_unit (row) || !cell (row, c, &usd) || !cell (row, (guint) jpy, &yen))
        continue;
      expected = yen / self->rate;
      if (fabs (expected - usd) > 1.0 + 1e-9)
        {
          g_autofree char *rate = format_number (self->rate, 2);
          g_autofree char *e = format_number (expected, 1);
          g_autofree char *f = format_number (usd, 0);
          g_autofree char *y = format_number (yen, 0);
          g_autofree char *message = g_strdup_printf (_("“%s”: USD %s does not match JPY %s at %s yen to the dollar, which gives %s."),
                                                      kessan_line_item_get_label (row), f, y, rate, e);

          report_mismatch (self, "usd", statement, row, c, expected, usd, message);
        }
    }
}

/* A cell printed as a number that could not be read, or not exactly,
 * holds no value: the checks that would use it cannot, and the reader
 * is told. */
static void
check_unreadable (Checker         *self,
                  KessanStatement *statement)
{
  guint n_columns = kessan_statement_get_n_columns (statement);

  for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *where = NULL;
          g_autofree char *message = NULL;
          KessanFinding *finding;

          if (!kessan_line_item_get_unreadable (row, c))
            continue;
          where = describe_column (statement, c);
          /* TRANSLATORS: “Total revenues”: the number in column 1
           * (2003-09-30) cannot be read: … */
          message = g_strdup_printf (_("“%s”: the number in column %s cannot be read: it is not printed as releases print numbers, or it has more digits than Kessan can keep exactly. The cell is left empty; check it in the release."),
                                     kessan_line_item_get_label (row), where);
          finding = add_finding (self, "unreadable", KESSAN_SEVERITY_WARNING, statement, message);
          kessan_finding_add_row (finding, kessan_line_item_get_concept (row));
          kessan_finding_add_column (finding, c);
          kessan_finding_add_line (finding, kessan_line_item_get_line (row));
        }
    }
}

static void
check_statement (Checker         *self,
                 KessanStatement *statement)
{
  check_unreadable (self, statement);
  check_sums (self, statement);

  for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
    {
      KessanColumn *column = kessan_statement_get_column (statement, c);

      switch (kessan_column_get_measure (column))
        {
        case KESSAN_MEASURE_PERCENT_OF_REVENUE:
        case KESSAN_MEASURE_PERCENT_OF_TOTAL:
          check_shares (self, statement, c);
          break;

        case KESSAN_MEASURE_CHANGE_YOY:
        case KESSAN_MEASURE_CHANGE_QOQ:
        case KESSAN_MEASURE_CHANGE:
          check_changes (self, statement, c);
          break;

        case KESSAN_MEASURE_AMOUNT:
        default:
          if (kessan_column_get_currency (column) == KESSAN_CURRENCY_USD)
            check_usd (self, statement, c);
          break;
        }
    }
}

/* The balance sheet identity, in every amount column. */
static void
check_balance (Checker         *self,
               KessanStatement *statement)
{
  /* Temporary (mezzanine) equity, convertible preferred stock between
   * the liabilities and the equity, is part of the right-hand side where
   * a balance sheet prints it. */
  static const char *keys[] = { "assets.total", "liabilities.total", "minority_interest", "equity.total",
                                "temporary_equity" };
  KessanLineItem *rows[G_N_ELEMENTS (keys)];

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      rows[i] = find_row (self, statement, keys[i]);
      if (rows[i] == NULL && i != 2 && i != 4)
        {
          g_autofree char *message = g_strdup_printf (_("Could not check that assets equal liabilities, minority interest and equity: the table has no row “%s”."),
                                                      keys[i]);
          add_finding (self, "balance", KESSAN_SEVERITY_INFO, statement, message);
          return;
        }
    }

  for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
    {
      double assets, liabilities, minority = 0, equity, temporary = 0, sum;

      if (!is_amount_column (kessan_statement_get_column (statement, c))
          || !cell (rows[0], c, &assets) || !cell (rows[1], c, &liabilities) || !cell (rows[3], c, &equity))
        continue;
      cell (rows[2], c, &minority);
      cell (rows[4], c, &temporary);
      sum = liabilities + temporary + minority + equity;
      if (fabs (sum - assets) > 3 * KESSAN_CHECK_SUM_TOLERANCE_PER_ROW + 1e-9)
        {
          g_autofree char *a = format_number (assets, 0);
          g_autofree char *s = format_number (sum, 0);
          g_autofree char *where = describe_column (statement, c);
          g_autofree char *message = g_strdup_printf (_("Total assets (%s) do not equal liabilities, minority interest and shareholders’ equity (%s) in column %s."),
                                                      a, s, where);
          KessanFinding *finding = add_finding (self, "balance", KESSAN_SEVERITY_ERROR, statement, message);

          for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
            if (rows[i] != NULL)
              {
                kessan_finding_add_row (finding, keys[i]);
                kessan_finding_add_line (finding, kessan_line_item_get_value_line (rows[i], c));
              }
          kessan_finding_add_column (finding, c);
          kessan_finding_set_values (finding, sum, assets);
        }
    }
}

/* A value of another statement of the release for the same concept and
 * period, in yen (value × scale); FALSE when it prints none. */
typedef struct
{
  KessanStatement *statement;
  KessanLineItem  *row;
  guint            column;
  double           yen;
  double           scale;
} Observation;

/* Two printings of one number agree within one unit of the coarser
 * (a table in millions may truncate what the statement prints in
 * thousands). */
static gboolean
observations_agree (const Observation *a,
                    const Observation *b,
                    gboolean           negated)
{
  double tolerance = MAX (a->scale, b->scale) + 1e-6;

  return fabs ((negated ? -a->yen : a->yen) - b->yen) <= tolerance;
}

static void
report_disagreement (Checker           *self,
                     const char        *check,
                     KessanSeverity     severity,
                     const Observation *a,
                     const Observation *b,
                     const char        *period_end)
{
  g_autofree char *va = format_number (kessan_line_item_get_value (a->row, a->column), kessan_line_item_get_decimals (a->row, a->column));
  g_autofree char *vb = format_number (kessan_line_item_get_value (b->row, b->column), kessan_line_item_get_decimals (b->row, b->column));
  g_autofree char *message = NULL;
  KessanFinding *finding;

  /* TRANSLATORS: “Operating income” in en-income-quarter (-446,432) differs
   * from “Operating income” in en-reconciliation-ebitda (-446) for the
   * period ended 2003-03-31. */
  message = g_strdup_printf (_("“%s” in %s (%s) differs from “%s” in %s (%s) for the period ended %s."),
                             kessan_line_item_get_label (a->row), kessan_statement_get_id (a->statement), va,
                             kessan_line_item_get_label (b->row), kessan_statement_get_id (b->statement), vb,
                             period_end);
  finding = add_finding (self, check, severity, a->statement, message);
  kessan_finding_set_other_statement (finding, kessan_statement_get_id (b->statement));
  kessan_finding_add_row (finding, kessan_line_item_get_concept (a->row));
  if (g_strcmp0 (kessan_line_item_get_concept (a->row), kessan_line_item_get_concept (b->row)) != 0)
    kessan_finding_add_row (finding, kessan_line_item_get_concept (b->row));
  kessan_finding_add_column (finding, a->column);
  kessan_finding_add_line (finding, kessan_line_item_get_value_line (a->row, a->column));
  kessan_finding_add_line (finding, kessan_line_item_get_value_line (b->row, b->column));
  kessan_finding_set_values (finding, b->yen / a->scale, kessan_line_item_get_value (a->row, a->column));
}

/* Where a concept of one kind and language of statement has a period's
 * amount: the first statement in the release's order that has it, and
 * the second, for when the first is the one compared. */
typedef struct
{
  KessanStatementKind  kind;
  const char          *language;
  const char          *period_end;
  guint                months;
  Observation          first;
  Observation          second;
} IndexEntry;

static IndexEntry *
find_entry (GArray              *entries,
            KessanStatementKind  kind,
            const char          *language,
            const char          *period_end,
            guint                months)
{
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      IndexEntry *entry = &g_array_index (entries, IndexEntry, i);

      if (entry->kind == kind && entry->months == months && g_strcmp0 (entry->language, language) == 0
          && g_strcmp0 (entry->period_end, period_end) == 0)
        return entry;
    }
  return NULL;
}

/* Every amount a comparison may look up, indexed once: for each
 * statement, each concept's first row, and for each period the first
 * amount column with a value. */
static void
index_observations (Checker *self)
{
  self->observations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);

  for (guint s = 0; s < kessan_filing_get_n_statements (self->filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (self->filing, s);
      KessanStatementKind kind = kessan_statement_get_kind (statement);
      const char *language = kessan_statement_get_language (statement);

      /* The kinds compare_across () is asked about. */
      if (kind != KESSAN_STATEMENT_KIND_INCOME && kind != KESSAN_STATEMENT_KIND_RECONCILIATION
          && kind != KESSAN_STATEMENT_KIND_CASHFLOW)
        continue;

      for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
        {
          KessanLineItem *row = kessan_statement_get_row (statement, r);
          const char *concept = kessan_line_item_get_concept (row);
          GArray *entries;

          if (kessan_line_item_get_heading (row) || concept == NULL || find_row (self, statement, concept) != row)
            continue;
          entries = g_hash_table_lookup (self->observations, concept);
          for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
            {
              KessanColumn *column = kessan_statement_get_column (statement, c);
              const char *period_end = kessan_column_get_period_end (column);
              guint months = kessan_column_get_months (column);
              IndexEntry *entry;
              Observation *slot;
              double v;

              /* Two printings match only in a period both know. */
              if (!is_amount_column (column) || kessan_column_get_currency (column) == KESSAN_CURRENCY_USD
                  || kessan_column_get_period_end (column) == NULL || !cell (row, c, &v))
                continue;
              if (entries == NULL)
                {
                  entries = g_array_new (FALSE, TRUE, sizeof (IndexEntry));
                  g_hash_table_insert (self->observations, (gpointer) concept, entries);
                }
              entry = find_entry (entries, kind, language, period_end, months);
              if (entry == NULL)
                {
                  IndexEntry fresh = { kind, language, period_end, months };

                  g_array_append_val (entries, fresh);
                  entry = &g_array_index (entries, IndexEntry, entries->len - 1);
                  slot = &entry->first;
                }
              /* A statement's first column of the period only. */
              else if (entry->first.statement == statement || entry->second.statement == statement)
                continue;
              else if (entry->second.statement == NULL)
                slot = &entry->second;
              else
                continue;
              slot->statement = statement;
              slot->row = row;
              slot->column = c;
              slot->scale = kessan_column_get_scale (column);
              slot->yen = v * slot->scale;
            }
        }
    }
}

/* Compares a concept of @statement, in each of its periods, with another
 * concept (or the same) in the release's statements of @kind. */
static guint
compare_across (Checker             *self,
                const char          *check,
                KessanStatement     *statement,
                const char          *concept,
                KessanStatementKind  kind,
                const char          *other_concept,
                gboolean             negated)
{
  KessanLineItem *row;
  guint compared = 0;

  if (self->observations == NULL)
    index_observations (self);
  /* Nothing to compare with, as in a release of KPI tables only. */
  if (g_hash_table_size (self->observations) == 0)
    return 0;

  row = find_row (self, statement, concept);
  if (row == NULL)
    return 0;

  for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
    {
      KessanColumn *column = kessan_statement_get_column (statement, c);
      Observation mine = { 0 };
      const Observation *theirs;
      const IndexEntry *entry;
      double v;

      if (!is_amount_column (column) || kessan_column_get_currency (column) == KESSAN_CURRENCY_USD
          || kessan_column_get_period_end (column) == NULL || !cell (row, c, &v))
        continue;
      mine.statement = statement;
      mine.row = row;
      mine.column = c;
      mine.scale = kessan_column_get_scale (column);
      mine.yen = v * mine.scale;

      entry = find_entry (g_hash_table_lookup (self->observations, other_concept), kind,
                          kessan_statement_get_language (statement), kessan_column_get_period_end (column),
                          kessan_column_get_months (column));
      if (entry == NULL)
        continue;
      theirs = entry->first.statement != statement ? &entry->first : &entry->second;
      if (theirs->statement == NULL)
        continue;
      compared++;
      if (!observations_agree (&mine, theirs, negated))
        report_disagreement (self, check, KESSAN_SEVERITY_ERROR, &mine, theirs, kessan_column_get_period_end (column));
    }
  return compared;
}

static void
report_not_compared (Checker         *self,
                     const char      *check,
                     KessanStatement *statement,
                     const char      *message)
{
  add_finding (self, check, KESSAN_SEVERITY_INFO, statement, message);
}

static void
check_release (Checker *self)
{
  guint n = kessan_filing_get_n_statements (self->filing);

  for (guint s = 0; s < n; s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (self->filing, s);
      const char *topic = kessan_statement_get_topic (statement);

      switch (kessan_statement_get_kind (statement))
        {
        case KESSAN_STATEMENT_KIND_BALANCE:
          check_balance (self, statement);
          break;

        case KESSAN_STATEMENT_KIND_CASHFLOW:
          if (find_row (self, statement, "cashflow.operating.net_income") != NULL
              && compare_across (self, "net-income", statement, "cashflow.operating.net_income",
                                 KESSAN_STATEMENT_KIND_INCOME, "net_income", FALSE) == 0)
            report_not_compared (self, "net-income", statement, _("Could not check net income against the statement of operations: no statement of operations of the same period."));
          break;

        case KESSAN_STATEMENT_KIND_RECONCILIATION:
          if (g_strcmp0 (topic, "reconciliation.ebitda") == 0
              && compare_across (self, "ebitda", statement, "operating_income",
                                 KESSAN_STATEMENT_KIND_INCOME, "operating_income", FALSE) == 0)
            report_not_compared (self, "ebitda", statement, _("Could not check operating income against the statement of operations: no statement of operations of the same period."));
          if (g_strcmp0 (topic, "reconciliation.capex") == 0
              && compare_across (self, "capex", statement, "capex.purchase_of_property",
                                 KESSAN_STATEMENT_KIND_CASHFLOW, "cashflow.investing.purchase_of_property", TRUE) == 0)
            report_not_compared (self, "capex", statement, _("Could not check purchases of property against the cash flow statement: no cash flow statement of the same period."));
          break;

        case KESSAN_STATEMENT_KIND_KPI:
          /* Every row a KPI table shares with a statement. */
          for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
            {
              KessanLineItem *row = kessan_statement_get_row (statement, r);
              const char *concept = kessan_line_item_get_concept (row);

              /* compare_across () compares the concept's first row: a
               * later row of the same concept would repeat its findings. */
              if (kessan_line_item_get_heading (row) || concept == NULL || find_row (self, statement, concept) != row)
                continue;
              compare_across (self, "kpi", statement, concept, KESSAN_STATEMENT_KIND_INCOME, concept, FALSE);
              compare_across (self, "kpi", statement, concept, KESSAN_STATEMENT_KIND_RECONCILIATION, concept, FALSE);
            }
          break;

        case KESSAN_STATEMENT_KIND_INCOME:
        case KESSAN_STATEMENT_KIND_OTHER:
        default:
          break;
        }
    }
}

/* The Japanese and English editions of one table, cell by cell: rows
 * matched by concept, columns by position. */
static void
compare_editions (Checker         *self,
                  KessanStatement *ja,
                  KessanStatement *en)
{
  guint n_columns = MIN (kessan_statement_get_n_columns (ja), kessan_statement_get_n_columns (en));

  if (kessan_statement_get_n_columns (ja) != kessan_statement_get_n_columns (en))
    {
      g_autofree char *message = g_strdup_printf (_("The Japanese and English editions of this table have %u and %u columns."),
                                                  kessan_statement_get_n_columns (ja), kessan_statement_get_n_columns (en));
      KessanFinding *finding = add_finding (self, "language", KESSAN_SEVERITY_WARNING, ja, message);

      kessan_finding_set_other_statement (finding, kessan_statement_get_id (en));
    }

  for (guint r = 0; r < kessan_statement_get_n_rows (ja); r++)
    {
      KessanLineItem *a = kessan_statement_get_row (ja, r);
      KessanLineItem *b;

      if (kessan_line_item_get_heading (a))
        continue;
      b = find_row (self, en, kessan_line_item_get_concept (a));
      if (b == NULL)
        continue;
      for (guint c = 0; c < n_columns; c++)
        {
          /* Set, though read only where cell() gave them: gcc -O3
           * cannot see that vb is set whenever it is read. */
          double va = 0.0, vb = 0.0;
          gboolean ha = cell (a, c, &va);
          gboolean hb = cell (b, c, &vb);

          if (ha == hb && (!ha || va == vb))
            continue;
          {
            g_autofree char *fa = ha ? format_number (va, kessan_line_item_get_decimals (a, c)) : g_strdup ("—");
            g_autofree char *fb = hb ? format_number (vb, kessan_line_item_get_decimals (b, c)) : g_strdup ("—");
            g_autofree char *where = describe_column (ja, c);
            g_autofree char *message = g_strdup_printf (_("“%s”: the Japanese edition prints %s and the English edition %s in column %s."),
                                                        kessan_line_item_get_label (b), fa, fb, where);
            KessanFinding *finding = add_finding (self, "language", KESSAN_SEVERITY_WARNING, ja, message);

            kessan_finding_set_other_statement (finding, kessan_statement_get_id (en));
            kessan_finding_add_row (finding, kessan_line_item_get_concept (a));
            kessan_finding_add_column (finding, c);
            if (ha)
              kessan_finding_add_line (finding, kessan_line_item_get_value_line (a, c));
            if (hb)
              kessan_finding_add_line (finding, kessan_line_item_get_value_line (b, c));
            if (ha && hb)
              kessan_finding_set_values (finding, vb, va);
          }
        }
    }
}

static void
check_languages (Checker *self)
{
  guint n = kessan_filing_get_n_statements (self->filing);
  /* Topic → the first English statement of that topic. */
  g_autoptr(GHashTable) english = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint j = 0; j < n; j++)
    {
      KessanStatement *en = kessan_filing_get_statement (self->filing, j);
      const char *topic = kessan_statement_get_topic (en);

      if (g_strcmp0 (kessan_statement_get_language (en), "en") == 0 && topic != NULL
          && !g_hash_table_contains (english, topic))
        g_hash_table_insert (english, (gpointer) topic, en);
    }

  for (guint i = 0; i < n; i++)
    {
      KessanStatement *ja = kessan_filing_get_statement (self->filing, i);
      KessanStatement *en;

      if (g_strcmp0 (kessan_statement_get_language (ja), "ja") != 0 || kessan_statement_get_topic (ja) == NULL)
        continue;
      en = g_hash_table_lookup (english, kessan_statement_get_topic (ja));
      if (en != NULL)
        compare_editions (self, ja, en);
    }
}

/* Findings of the parser itself (a truncated release) stay; findings of
 * an earlier run of the checks go. */
static gboolean
is_parser_finding (KessanFinding *finding)
{
  return g_strcmp0 (kessan_finding_get_check (finding), "truncated") == 0;
}

/* An edition's finding (docs/library.md, "Editions") compares the
 * release with another file, which the checks do not read: it stays
 * through a new run, unless a correction has since changed the cell it
 * names, whose number it no longer states. */
static gboolean
is_kept_edition_finding (KessanFiling  *filing,
                         KessanFinding *finding)
{
  const char *statement_id = kessan_finding_get_statement (finding);
  const char * const *rows = kessan_finding_get_rows (finding);
  const guint *columns;
  guint n_columns = 0;
  KessanStatement *statement = NULL;

  if (g_strcmp0 (kessan_finding_get_check (finding), "editions") != 0)
    return FALSE;
  columns = kessan_finding_get_columns (finding, &n_columns);
  for (guint s = 0; s < kessan_filing_get_n_statements (filing) && statement == NULL; s++)
    if (g_strcmp0 (kessan_statement_get_id (kessan_filing_get_statement (filing, s)), statement_id) == 0)
      statement = kessan_filing_get_statement (filing, s);
  if (statement == NULL)
    return FALSE;
  for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
    if (rows != NULL && rows[0] != NULL
        && g_strcmp0 (kessan_line_item_get_concept (kessan_statement_get_row (statement, r)), rows[0]) == 0)
      {
        for (guint c = 0; c < n_columns; c++)
          if (kessan_filing_find_correction (filing, statement_id, (int) r, (int) columns[c]) != NULL)
            return FALSE;
        return TRUE;
      }
  return FALSE;
}

/**
 * kessan_filing_run_checks:
 * @filing: a filing
 *
 * Runs every check on @filing and adds what they find to its findings,
 * replacing the findings of an earlier run; the findings of the reader
 * and those comparing the editions of the release are kept.
 */
void
kessan_filing_run_checks (KessanFiling *filing)
{
  Checker self = { 0 };
  GListModel *findings;
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (KESSAN_IS_FILING (filing));

  findings = kessan_filing_get_findings (filing);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KessanFinding) finding = g_list_model_get_item (findings, i);

      if (is_parser_finding (finding) || is_kept_edition_finding (filing, finding))
        g_ptr_array_add (kept, g_object_ref (finding));
    }
  g_list_store_remove_all (G_LIST_STORE (findings));
  for (guint i = 0; i < kept->len; i++)
    kessan_filing_add_finding (filing, g_ptr_array_index (kept, i));

  self.filing = filing;
  self.concepts = kessan_concepts_get_default ();
  self.rate = kessan_filing_get_jpy_per_usd (filing);
  self.rows_by_concept = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);

  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    check_statement (&self, kessan_filing_get_statement (filing, s));
  check_release (&self);
  check_languages (&self);
  g_hash_table_unref (self.rows_by_concept);
  g_clear_pointer (&self.observations, g_hash_table_unref);
}
