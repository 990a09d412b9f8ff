/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The three sample releases of tests/data read end to end.  Every expected
 * number here was read off the seed text: the source is the reference, so
 * a disagreement is a failure of the engine, reported with the statement,
 * the row, the column, the expected value and the value found. */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "kessan.h"
#include "kessan-test-util.h"

typedef enum
{
  SEED_001,
  SEED_003,
  SEED_004,
  N_SEEDS
} Seed;

static const char * const seed_files[N_SEEDS] = {
  "001_ac7abb1bfabe4158.txt",
  "003_3f09aa9018b22431.txt",
  "004_df6267c19d93d050.txt",
};

/* Each seed is parsed once and shared by all the tests. */
static KessanFiling *filings[N_SEEDS];

static void report (const char *format,
                    ...) G_GNUC_PRINTF (1, 2);

/* Marks the running test failed and says why, without stopping it, so a
 * run lists every wrong cell rather than the first one. */
static void
report (const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_message ("%s", message);
  g_test_fail ();
}

static KessanFiling *
load_seed (Seed seed)
{
  if (filings[seed] == NULL)
    {
      g_autofree char *path = kessan_test_seed_path (seed_files[seed]);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      filings[seed] = kessan_parse_file (file, &error);
      if (filings[seed] == NULL)
        report ("%s: not parsed: %s", seed_files[seed],
                error != NULL ? error->message : "no error given");
    }

  return filings[seed];
}

/* The shortest text that gives back the same double, or "none". */
static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("none");

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);

  return g_strdup (buffer);
}

static double
cell_or_nan (KessanLineItem *row,
             guint           column)
{
  if (!kessan_line_item_has_value (row, column))
    return NAN;

  return kessan_line_item_get_value (row, column);
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static char *
describe_column (KessanColumn *column)
{
  const char *currency = kessan_currency_to_string (kessan_column_get_currency (column));

  return g_strdup_printf ("%s/%um %s %s x%u",
                          kessan_column_get_period_end (column),
                          kessan_column_get_months (column),
                          kessan_measure_to_string (kessan_column_get_measure (column)),
                          currency != NULL ? currency : "none",
                          kessan_column_get_scale (column));
}

static char *
describe_columns (KessanStatement *statement)
{
  GString *text = g_string_new (NULL);
  guint n = kessan_statement_get_n_columns (statement);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *column = describe_column (kessan_statement_get_column (statement, i));

      g_string_append_printf (text, "%s[%u] %s", i > 0 ? "; " : "", i, column);
    }

  return g_string_free (text, FALSE);
}

static KessanStatement *
find_statement (KessanFiling *filing,
                const char   *id)
{
  guint n = kessan_filing_get_n_statements (filing);

  for (guint i = 0; i < n; i++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, i);

      if (g_strcmp0 (kessan_statement_get_id (statement), id) == 0)
        return statement;
    }

  return NULL;
}

/* The one data row printed with exactly @label, or NULL (and a failure)
 * when there is none or more than one.  Headings are passed over: they
 * hold no cells, and a heading often shares its label with the total
 * that closes its section ("営業活動によるキャッシュフロー"). */
static KessanLineItem *
find_row (KessanStatement *statement,
          const char      *label)
{
  KessanLineItem *found = NULL;
  guint n = kessan_statement_get_n_rows (statement);

  for (guint i = 0; i < n; i++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, i);

      if (kessan_line_item_get_heading (row)
          || g_strcmp0 (kessan_line_item_get_label (row), label) != 0)
        continue;

      if (found != NULL)
        {
          report ("%s: more than one row labelled \"%s\"",
                  kessan_statement_get_id (statement), label);
          return NULL;
        }
      found = row;
    }

  if (found == NULL)
    {
      g_autoptr(GString) labels = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (labels, "%s\"%s\"", i > 0 ? ", " : "",
                                kessan_line_item_get_label (kessan_statement_get_row (statement, i)));
      report ("%s: no row labelled \"%s\"; the rows are: %s",
              kessan_statement_get_id (statement), label, labels->str);
    }

  return found;
}

/* The index of the one column for @period_end, @measure and @currency
 * (NULL for a column without currency), or -1 (and a failure). */
static int
find_column (KessanStatement *statement,
             const char      *period_end,
             const char      *measure,
             const char      *currency)
{
  guint n = kessan_statement_get_n_columns (statement);
  int found = -1;

  for (guint i = 0; i < n; i++)
    {
      KessanColumn *column = kessan_statement_get_column (statement, i);

      if (g_strcmp0 (kessan_column_get_period_end (column), period_end) != 0
          || g_strcmp0 (kessan_measure_to_string (kessan_column_get_measure (column)), measure) != 0
          || g_strcmp0 (kessan_currency_to_string (kessan_column_get_currency (column)), currency) != 0)
        continue;

      if (found >= 0)
        {
          g_autofree char *columns = describe_columns (statement);

          report ("%s: more than one column %s %s %s: %s",
                  kessan_statement_get_id (statement), period_end, measure,
                  currency != NULL ? currency : "none", columns);
          return -1;
        }
      found = (int) i;
    }

  if (found < 0)
    {
      g_autofree char *columns = describe_columns (statement);

      report ("%s: no column %s %s %s; the columns are: %s",
              kessan_statement_get_id (statement), period_end, measure,
              currency != NULL ? currency : "none", columns);
    }

  return found;
}

static void
check_cell (KessanStatement *statement,
            KessanLineItem  *row,
            guint            column,
            double           expected)
{
  g_autofree char *want = format_number (expected);
  g_autofree char *where = NULL;

  if (column >= kessan_statement_get_n_columns (statement))
    {
      report ("%s / \"%s\": no column %u", kessan_statement_get_id (statement),
              kessan_line_item_get_label (row), column);
      return;
    }

  where = describe_column (kessan_statement_get_column (statement, column));

  if (isnan (expected))
    {
      if (kessan_line_item_has_value (row, column))
        {
          g_autofree char *got = format_number (kessan_line_item_get_value (row, column));

          report ("%s / \"%s\" (line %u) / [%u] %s: expected no value, got %s (read from line %u)",
                  kessan_statement_get_id (statement), kessan_line_item_get_label (row),
                  kessan_line_item_get_line (row), column, where, got,
                  kessan_line_item_get_value_line (row, column));
        }
    }
  else if (!kessan_line_item_has_value (row, column))
    {
      report ("%s / \"%s\" (line %u) / [%u] %s: expected %s, got no value",
              kessan_statement_get_id (statement), kessan_line_item_get_label (row),
              kessan_line_item_get_line (row), column, where, want);
    }
  else if (kessan_line_item_get_value (row, column) != expected)
    {
      g_autofree char *got = format_number (kessan_line_item_get_value (row, column));

      report ("%s / \"%s\" (line %u) / [%u] %s: expected %s, got %s (read from line %u)",
              kessan_statement_get_id (statement), kessan_line_item_get_label (row),
              kessan_line_item_get_line (row), column, where, want, got,
              kessan_line_item_get_value_line (row, column));
    }
}

static gboolean
lookup (KessanFiling     *filing,
        const char       *statement_id,
        const char       *row_label,
        KessanStatement **statement,
        KessanLineItem  **row)
{
  *statement = find_statement (filing, statement_id);
  if (*statement == NULL)
    {
      report ("no statement %s (looking for \"%s\")", statement_id, row_label);
      return FALSE;
    }

  *row = find_row (*statement, row_label);

  return *row != NULL;
}

/* Asserts the value printed in the row labelled @row_label, in the column
 * of @period_end, @measure and @currency; @expected is NAN for a cell
 * that must stay empty. */
static void
assert_cell (KessanFiling *filing,
             const char   *statement_id,
             const char   *row_label,
             const char   *period_end,
             const char   *measure,
             const char   *currency,
             double        expected)
{
  KessanStatement *statement;
  KessanLineItem *row;
  int column;

  if (!lookup (filing, statement_id, row_label, &statement, &row))
    return;

  column = find_column (statement, period_end, measure, currency);
  if (column < 0)
    return;

  check_cell (statement, row, (guint) column, expected);
}

/* For tables whose columns a period does not tell apart (the cross-selling
 * rates, the quarter and the year of the EBITDA reconciliation). */
static void
assert_cell_at (KessanFiling *filing,
                const char   *statement_id,
                const char   *row_label,
                guint         column,
                double        expected)
{
  KessanStatement *statement;
  KessanLineItem *row;

  if (!lookup (filing, statement_id, row_label, &statement, &row))
    return;

  check_cell (statement, row, column, expected);
}

/* Statements and their columns */

typedef struct
{
  const char *period_end;
  guint       months;
  const char *measure;
  const char *currency;
  guint       scale;
  const char *unit;
  const char *compared_end;
} ColumnSpec;

typedef struct
{
  const char       *id;
  const char       *kind;
  const char       *language;
  guint             n_data_rows;
  const ColumnSpec *columns;
  guint             n_columns;
} StatementSpec;

#define COLUMNS(specs) specs, G_N_ELEMENTS (specs)

/* 001: 4Q02 is the quarter ended 2003-03-31, 3Q02 ended 2002-12-31, 4Q01
 * ended 2002-03-31; fiscal 2002 is the year ended 2003-03-31. */
static const ColumnSpec counts_4q02[] = {
  { "2003-03-31", 0, "amount", NULL, 1, "count", NULL },
  { "2002-12-31", 0, "amount", NULL, 1, "count", NULL },
  { "2002-03-31", 0, "amount", NULL, 1, "count", NULL },
};

static const ColumnSpec gbps_4q02[] = {
  { "2003-03-31", 0, "amount", NULL, 1, "gbps", NULL },
  { "2002-12-31", 0, "amount", NULL, 1, "gbps", NULL },
  { "2002-03-31", 0, "amount", NULL, 1, "gbps", NULL },
};

static const ColumnSpec millions_4q02[] = {
  { "2003-03-31", 3, "amount", "JPY", 1000000, "currency", NULL },
  { "2002-12-31", 3, "amount", "JPY", 1000000, "currency", NULL },
  { "2002-03-31", 3, "amount", "JPY", 1000000, "currency", NULL },
};

static const ColumnSpec ebitda_4q02[] = {
  { "2003-03-31", 3, "amount", "JPY", 1000000, "currency", NULL },
  { "2002-12-31", 3, "amount", "JPY", 1000000, "currency", NULL },
  { "2002-03-31", 3, "amount", "JPY", 1000000, "currency", NULL },
  { "2003-03-31", 12, "amount", "JPY", 1000000, "currency", NULL },
  { "2002-03-31", 12, "amount", "JPY", 1000000, "currency", NULL },
};

static const ColumnSpec cross_selling_fy2002[] = {
  { "2002-03-31", 12, "amount", NULL, 1, "percent", NULL },
  { "2003-03-31", 12, "amount", NULL, 1, "percent", NULL },
  { "2002-03-31", 12, "amount", NULL, 1, "percent", NULL },
  { "2003-03-31", 12, "amount", NULL, 1, "percent", NULL },
  { "2002-03-31", 12, "amount", NULL, 1, "percent", NULL },
  { "2003-03-31", 12, "amount", NULL, 1, "percent", NULL },
};

static const ColumnSpec income_4q02[] = {
  { "2003-03-31", 3, "amount", "USD", 1000, "currency", NULL },
  { "2003-03-31", 3, "amount", "JPY", 1000, "currency", NULL },
  { "2003-03-31", 3, "percent_of_revenue", NULL, 1, "percent", NULL },
  { "2002-03-31", 3, "amount", "JPY", 1000, "currency", NULL },
  { "2002-03-31", 3, "percent_of_revenue", NULL, 1, "percent", NULL },
  { "2003-03-31", 3, "change_yoy", NULL, 1, "percent", "2002-03-31" },
  { "2002-12-31", 3, "amount", "JPY", 1000, "currency", NULL },
  { "2002-12-31", 3, "percent_of_revenue", NULL, 1, "percent", NULL },
  { "2003-03-31", 3, "change_qoq", NULL, 1, "percent", "2002-12-31" },
};

static const ColumnSpec income_fy2002[] = {
  { "2003-03-31", 12, "amount", "USD", 1000, "currency", NULL },
  { "2003-03-31", 12, "amount", "JPY", 1000, "currency", NULL },
  { "2003-03-31", 12, "percent_of_revenue", NULL, 1, "percent", NULL },
  { "2002-03-31", 12, "amount", "JPY", 1000, "currency", NULL },
  { "2002-03-31", 12, "percent_of_revenue", NULL, 1, "percent", NULL },
  { "2003-03-31", 12, "change_yoy", NULL, 1, "percent", "2002-03-31" },
};

static const ColumnSpec balance_4q02[] = {
  { "2003-03-31", 0, "amount", "USD", 1000, "currency", NULL },
  { "2003-03-31", 0, "amount", "JPY", 1000, "currency", NULL },
  { "2003-03-31", 0, "percent_of_total", NULL, 1, "percent", NULL },
  { "2002-03-31", 0, "amount", "JPY", 1000, "currency", NULL },
  { "2002-03-31", 0, "percent_of_total", NULL, 1, "percent", NULL },
  { "2002-12-31", 0, "amount", "JPY", 1000, "currency", NULL },
  { "2002-12-31", 0, "percent_of_total", NULL, 1, "percent", NULL },
};

static const ColumnSpec cashflow_4q02[] = {
  { "2003-03-31", 3, "amount", "USD", 1000, "currency", NULL },
  { "2003-03-31", 3, "amount", "JPY", 1000, "currency", NULL },
  { "2002-03-31", 3, "amount", "JPY", 1000, "currency", NULL },
  { "2002-12-31", 3, "amount", "JPY", 1000, "currency", NULL },
};

static const ColumnSpec cashflow_fy2002[] = {
  { "2003-03-31", 12, "amount", "USD", 1000, "currency", NULL },
  { "2003-03-31", 12, "amount", "JPY", 1000, "currency", NULL },
  { "2002-03-31", 12, "amount", "JPY", 1000, "currency", NULL },
};

/* 003 and 004: 2Q03 ended 2003-09-30, 2Q02 ended 2002-09-30, 1Q03 ended
 * 2003-06-30. */
static const ColumnSpec counts_2q03[] = {
  { "2003-09-30", 0, "amount", NULL, 1, "count", NULL },
  { "2002-09-30", 0, "amount", NULL, 1, "count", NULL },
  { "2003-06-30", 0, "amount", NULL, 1, "count", NULL },
};

static const ColumnSpec gbps_2q03[] = {
  { "2003-09-30", 0, "amount", NULL, 1, "gbps", NULL },
  { "2002-09-30", 0, "amount", NULL, 1, "gbps", NULL },
  { "2003-06-30", 0, "amount", NULL, 1, "gbps", NULL },
};

static const ColumnSpec millions_2q03[] = {
  { "2003-09-30", 3, "amount", "JPY", 1000000, "currency", NULL },
  { "2002-09-30", 3, "amount", "JPY", 1000000, "currency", NULL },
  { "2003-09-30", 3, "change_yoy", NULL, 1, "percent", "2002-09-30" },
  { "2003-06-30", 3, "amount", "JPY", 1000000, "currency", NULL },
  { "2003-09-30", 3, "change_qoq", NULL, 1, "percent", "2003-06-30" },
};

static const ColumnSpec reconciliation_2q03[] = {
  { "2003-09-30", 3, "amount", "JPY", 1000000, "currency", NULL },
  { "2002-09-30", 3, "amount", "JPY", 1000000, "currency", NULL },
  { "2003-06-30", 3, "amount", "JPY", 1000000, "currency", NULL },
};

static const ColumnSpec income_2q03[] = {
  { "2003-09-30", 3, "amount", "USD", 1000, "currency", NULL },
  { "2003-09-30", 3, "amount", "JPY", 1000, "currency", NULL },
  { "2003-09-30", 3, "percent_of_revenue", NULL, 1, "percent", NULL },
  { "2002-09-30", 3, "amount", "JPY", 1000, "currency", NULL },
  { "2002-09-30", 3, "percent_of_revenue", NULL, 1, "percent", NULL },
  { "2003-09-30", 3, "change_yoy", NULL, 1, "percent", "2002-09-30" },
  { "2003-06-30", 3, "amount", "JPY", 1000, "currency", NULL },
  { "2003-06-30", 3, "percent_of_revenue", NULL, 1, "percent", NULL },
  { "2003-09-30", 3, "change_qoq", NULL, 1, "percent", "2003-06-30" },
};

static const ColumnSpec balance_2q03[] = {
  { "2003-09-30", 0, "amount", "USD", 1000, "currency", NULL },
  { "2003-09-30", 0, "amount", "JPY", 1000, "currency", NULL },
  { "2003-09-30", 0, "percent_of_total", NULL, 1, "percent", NULL },
  { "2002-09-30", 0, "amount", "JPY", 1000, "currency", NULL },
  { "2002-09-30", 0, "percent_of_total", NULL, 1, "percent", NULL },
  { "2003-06-30", 0, "amount", "JPY", 1000, "currency", NULL },
  { "2003-06-30", 0, "percent_of_total", NULL, 1, "percent", NULL },
};

static const ColumnSpec cashflow_2q03[] = {
  { "2003-09-30", 3, "amount", "USD", 1000, "currency", NULL },
  { "2003-09-30", 3, "amount", "JPY", 1000, "currency", NULL },
  { "2002-09-30", 3, "amount", "JPY", 1000, "currency", NULL },
  { "2003-06-30", 3, "amount", "JPY", 1000, "currency", NULL },
};

/* Data rows counted on the source, headings ("Revenues:", "資産の部")
 * left out. */
static const StatementSpec statements_001[] = {
  { "ja-kpi-contracts", "kpi", "ja", 10, COLUMNS (counts_4q02) },
  { "ja-kpi-dedicated-access-revenue", "kpi", "ja", 2, COLUMNS (millions_4q02) },
  { "ja-kpi-bandwidth", "kpi", "ja", 3, COLUMNS (gbps_4q02) },
  { "ja-kpi-backbone", "kpi", "ja", 2, COLUMNS (millions_4q02) },
  { "ja-kpi-other", "kpi", "ja", 3, COLUMNS (millions_4q02) },
  { "ja-income-quarter", "income", "ja", 27, COLUMNS (income_4q02) },
  { "ja-income-year", "income", "ja", 27, COLUMNS (income_fy2002) },
  { "ja-balance", "balance", "ja", 33, COLUMNS (balance_4q02) },
  { "ja-cashflow-quarter", "cashflow", "ja", 28, COLUMNS (cashflow_4q02) },
  { "ja-cashflow-year", "cashflow", "ja", 30, COLUMNS (cashflow_fy2002) },
  { "en-kpi-cross-selling", "kpi", "en", 1, COLUMNS (cross_selling_fy2002) },
  { "en-kpi-contracts", "kpi", "en", 10, COLUMNS (counts_4q02) },
  { "en-kpi-dedicated-access-revenue", "kpi", "en", 2, COLUMNS (millions_4q02) },
  { "en-kpi-bandwidth", "kpi", "en", 3, COLUMNS (gbps_4q02) },
  { "en-kpi-backbone", "kpi", "en", 2, COLUMNS (millions_4q02) },
  { "en-kpi-other", "kpi", "en", 3, COLUMNS (millions_4q02) },
  { "en-reconciliation-ebitda", "reconciliation", "en", 3, COLUMNS (ebitda_4q02) },
  { "en-reconciliation-capex", "reconciliation", "en", 3, COLUMNS (millions_4q02) },
  { "en-income-quarter", "income", "en", 27, COLUMNS (income_4q02) },
  { "en-income-year", "income", "en", 27, COLUMNS (income_fy2002) },
  { "en-balance", "balance", "en", 33, COLUMNS (balance_4q02) },
  { "en-cashflow-quarter", "cashflow", "en", 28, COLUMNS (cashflow_4q02) },
  { "en-cashflow-year", "cashflow", "en", 30, COLUMNS (cashflow_fy2002) },
};

static const StatementSpec statements_2q03_ja[] = {
  { "ja-kpi-revenues", "kpi", "ja", 9, COLUMNS (millions_2q03) },
  { "ja-kpi-dedicated-access-revenue", "kpi", "ja", 3, COLUMNS (millions_2q03) },
  { "ja-kpi-contracts", "kpi", "ja", 10, COLUMNS (counts_2q03) },
  { "ja-kpi-bandwidth", "kpi", "ja", 3, COLUMNS (gbps_2q03) },
  { "ja-kpi-value-added", "kpi", "ja", 3, COLUMNS (millions_2q03) },
  { "ja-kpi-costs", "kpi", "ja", 8, COLUMNS (millions_2q03) },
  { "ja-kpi-backbone", "kpi", "ja", 2, COLUMNS (millions_2q03) },
  { "ja-kpi-other", "kpi", "ja", 3, COLUMNS (millions_2q03) },
  { "ja-income-quarter", "income", "ja", 28, COLUMNS (income_2q03) },
  { "ja-balance", "balance", "ja", 34, COLUMNS (balance_2q03) },
  { "ja-cashflow-quarter", "cashflow", "ja", 30, COLUMNS (cashflow_2q03) },
};

static const StatementSpec statements_2q03_en[] = {
  { "en-kpi-revenues", "kpi", "en", 9, COLUMNS (millions_2q03) },
  { "en-kpi-dedicated-access-revenue", "kpi", "en", 3, COLUMNS (millions_2q03) },
  { "en-kpi-contracts", "kpi", "en", 10, COLUMNS (counts_2q03) },
  { "en-kpi-bandwidth", "kpi", "en", 3, COLUMNS (gbps_2q03) },
  { "en-kpi-value-added", "kpi", "en", 3, COLUMNS (millions_2q03) },
  { "en-kpi-costs", "kpi", "en", 8, COLUMNS (millions_2q03) },
  { "en-kpi-backbone", "kpi", "en", 2, COLUMNS (millions_2q03) },
  { "en-kpi-other", "kpi", "en", 3, COLUMNS (millions_2q03) },
  { "en-reconciliation-ebitda", "reconciliation", "en", 8, COLUMNS (reconciliation_2q03) },
  { "en-reconciliation-capex", "reconciliation", "en", 3, COLUMNS (reconciliation_2q03) },
  { "en-income-quarter", "income", "en", 28, COLUMNS (income_2q03) },
  { "en-balance", "balance", "en", 34, COLUMNS (balance_2q03) },
  { "en-cashflow-quarter", "cashflow", "en", 30, COLUMNS (cashflow_2q03) },
};

static void
check_column (KessanStatement  *statement,
              guint             index,
              const ColumnSpec *spec)
{
  KessanColumn *column = kessan_statement_get_column (statement, index);
  const char *id = kessan_statement_get_id (statement);
  const char *measure = kessan_measure_to_string (kessan_column_get_measure (column));
  const char *currency = kessan_currency_to_string (kessan_column_get_currency (column));
  const char *unit = kessan_unit_to_string (kessan_column_get_unit (column));

  if (g_strcmp0 (kessan_column_get_period_end (column), spec->period_end) != 0)
    report ("%s column %u: period_end expected %s, got %s", id, index,
            spec->period_end, kessan_column_get_period_end (column));
  if (kessan_column_get_months (column) != spec->months)
    report ("%s column %u: months expected %u, got %u", id, index,
            spec->months, kessan_column_get_months (column));
  if (g_strcmp0 (measure, spec->measure) != 0)
    report ("%s column %u: measure expected %s, got %s", id, index, spec->measure, measure);
  if (g_strcmp0 (currency, spec->currency) != 0)
    report ("%s column %u: currency expected %s, got %s", id, index,
            spec->currency != NULL ? spec->currency : "none",
            currency != NULL ? currency : "none");
  if (kessan_column_get_scale (column) != spec->scale)
    report ("%s column %u: scale expected %u, got %u", id, index,
            spec->scale, kessan_column_get_scale (column));
  if (g_strcmp0 (unit, spec->unit) != 0)
    report ("%s column %u: unit expected %s, got %s", id, index, spec->unit, unit);
  if (g_strcmp0 (kessan_column_get_compared_end (column), spec->compared_end) != 0)
    report ("%s column %u: compared_end expected %s, got %s", id, index,
            spec->compared_end != NULL ? spec->compared_end : "none",
            kessan_column_get_compared_end (column) != NULL ?
              kessan_column_get_compared_end (column) : "none");
}

static guint
count_data_rows (KessanStatement *statement)
{
  guint n = kessan_statement_get_n_rows (statement);
  guint n_data = 0;

  for (guint i = 0; i < n; i++)
    if (!kessan_line_item_get_heading (kessan_statement_get_row (statement, i)))
      n_data++;

  return n_data;
}

static void
check_statements (KessanFiling        *filing,
                  const StatementSpec *specs,
                  guint                n_specs)
{
  for (guint i = 0; i < n_specs; i++)
    {
      const StatementSpec *spec = &specs[i];
      KessanStatement *statement = find_statement (filing, spec->id);
      const char *kind;
      guint n_data;

      if (statement == NULL)
        {
          report ("statement %s not found", spec->id);
          continue;
        }

      kind = kessan_statement_kind_to_string (kessan_statement_get_kind (statement));
      if (g_strcmp0 (kind, spec->kind) != 0)
        report ("%s: kind expected %s, got %s", spec->id, spec->kind, kind);
      if (g_strcmp0 (kessan_statement_get_language (statement), spec->language) != 0)
        report ("%s: language expected %s, got %s", spec->id, spec->language,
                kessan_statement_get_language (statement));

      n_data = count_data_rows (statement);
      if (n_data != spec->n_data_rows)
        report ("%s: expected %u data rows, got %u", spec->id, spec->n_data_rows, n_data);

      if (kessan_statement_get_n_columns (statement) != spec->n_columns)
        {
          g_autofree char *columns = describe_columns (statement);

          report ("%s: expected %u columns, got %u: %s", spec->id, spec->n_columns,
                  kessan_statement_get_n_columns (statement), columns);
          continue;
        }

      for (guint c = 0; c < spec->n_columns; c++)
        check_column (statement, c, &spec->columns[c]);
    }
}

static void
check_statement_count (KessanFiling *filing,
                       guint         expected)
{
  guint n = kessan_filing_get_n_statements (filing);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      const char *id = kessan_statement_get_id (kessan_filing_get_statement (filing, i));

      if (!g_hash_table_add (ids, (gpointer) id))
        report ("statement id %s used twice", id);
    }

  if (n != expected)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (list, "%s%s", i > 0 ? ", " : "",
                                kessan_statement_get_id (kessan_filing_get_statement (filing, i)));
      report ("expected %u statements, got %u: %s", expected, n, list->str);
    }
}

static void
test_statements_001 (void)
{
  KessanFiling *filing = load_seed (SEED_001);

  if (filing == NULL)
    return;

  check_statements (filing, statements_001, G_N_ELEMENTS (statements_001));
  check_statement_count (filing, G_N_ELEMENTS (statements_001));
}

static void
test_statements_003 (void)
{
  KessanFiling *filing = load_seed (SEED_003);

  if (filing == NULL)
    return;

  check_statements (filing, statements_2q03_ja, G_N_ELEMENTS (statements_2q03_ja));
  check_statements (filing, statements_2q03_en, G_N_ELEMENTS (statements_2q03_en));
  check_statement_count (filing, G_N_ELEMENTS (statements_2q03_ja) + G_N_ELEMENTS (statements_2q03_en));
}

static void
test_statements_004 (void)
{
  KessanFiling *filing = load_seed (SEED_004);

  if (filing == NULL)
    return;

  check_statements (filing, statements_2q03_en, G_N_ELEMENTS (statements_2q03_en));
  check_statement_count (filing, G_N_ELEMENTS (statements_2q03_en));
}

/* Cells */

typedef struct
{
  const char *statement;
  const char *label;
  const char *period_end;
  const char *measure;
  const char *currency;
  double      value;
} Cell;

typedef struct
{
  const char *statement;
  const char *label;
  guint       column;
  double      value;
} IndexedCell;

typedef struct
{
  const char *statement;
  const char *label;
  const char *period_end;
  const char *measure;
  const char *currency;
} EmptyCell;

static const Cell cells_001[] = {
  /* Quarterly statements of operations (Appendix 1) */
  { "en-income-quarter", "Dedicated access services", "2003-03-31", "amount", "USD", 28299 },
  { "en-income-quarter", "Dedicated access services", "2003-03-31", "amount", "JPY", 3341255 },
  { "en-income-quarter", "Dedicated access services", "2003-03-31", "percent_of_revenue", NULL, 25.6 },
  { "en-income-quarter", "Dedicated access services", "2002-03-31", "amount", "JPY", 3643141 },
  { "en-income-quarter", "Dedicated access services", "2002-03-31", "percent_of_revenue", NULL, 30.1 },
  { "en-income-quarter", "Dedicated access services", "2003-03-31", "change_yoy", NULL, -8.3 },
  { "en-income-quarter", "Dedicated access services", "2002-12-31", "amount", "JPY", 3404016 },
  { "en-income-quarter", "Dedicated access services", "2002-12-31", "percent_of_revenue", NULL, 32.2 },
  { "en-income-quarter", "Dedicated access services", "2003-03-31", "change_qoq", NULL, -1.8 },
  { "en-income-quarter", "Value-added services", "2003-03-31", "amount", "USD", 7888 },
  { "en-income-quarter", "Value-added services", "2003-03-31", "percent_of_revenue", NULL, 7.2 },
  { "en-income-quarter", "Cost of equipment sales", "2003-03-31", "amount", "USD", 22345 },
  { "en-income-quarter", "Total revenues", "2003-03-31", "amount", "JPY", 13036439 },
  { "en-income-quarter", "Operating income (loss)", "2003-03-31", "change_yoy", NULL, -339.9 },
  { "en-income-quarter", "Income tax expense(benefit)", "2002-03-31", "amount", "JPY", -140381 },
  { "en-income-quarter", "Net loss", "2003-03-31", "percent_of_revenue", NULL, -16.4 },
  { "en-income-quarter", "Net loss", "2003-03-31", "change_yoy", NULL, 28.2 },
  { "en-income-quarter", "Net loss", "2003-03-31", "change_qoq", NULL, -5.7 },
  { "en-income-quarter", "Basic Net Loss Per Share", "2002-12-31", "amount", "JPY", -100802 },
  { "en-income-quarter", "Basic Net Loss Per ADS Equivalent", "2003-03-31", "amount", "JPY", -47.52 },
  { "en-income-quarter", "Weighted Average Number of ADS Equivalents", "2002-03-31", "amount", "JPY", 44960000 },
  { "ja-income-quarter", "付加価値サービス", "2003-03-31", "amount", "USD", 7887 },
  { "ja-income-quarter", "付加価値サービス", "2003-03-31", "percent_of_revenue", NULL, 7.3 },
  { "ja-income-quarter", "機器販売原価", "2003-03-31", "amount", "USD", 22344 },
  { "ja-income-quarter", "販売費", "2003-03-31", "percent_of_revenue", NULL, 5.9 },
  { "ja-income-quarter", "営業収益合計", "2002-12-31", "amount", "JPY", 10563578 },
  { "ja-income-quarter", "機器販売", "2003-03-31", "change_yoy", NULL, 190.4 },
  { "ja-income-quarter", "その他の費用", "2003-03-31", "change_qoq", NULL, 58.0 },
  { "ja-income-quarter", "当期損失", "2002-12-31", "percent_of_revenue", NULL, -21.4 },
  { "ja-income-quarter", "米国預託証券1単位あたり当期損失", "2002-12-31", "amount", "JPY", -50.40 },
  { "ja-income-quarter", "期中平均発行済株式総数", "2003-03-31", "amount", "JPY", 22480 },
  /* Annual statements of operations (Appendix 2) */
  { "en-income-year", "Dedicated access services", "2003-03-31", "percent_of_revenue", NULL, 31.4 },
  { "en-income-year", "Total revenues", "2003-03-31", "amount", "USD", 372809 },
  { "en-income-year", "Total revenues", "2002-03-31", "amount", "JPY", 39904613 },
  { "en-income-year", "Total revenues", "2003-03-31", "change_yoy", NULL, 10.3 },
  { "en-income-year", "Operating income(loss)", "2003-03-31", "change_yoy", NULL, -3214.0 },
  { "en-income-year", "Other expenses", "2003-03-31", "amount", "USD", -10751 },
  { "en-income-year", "Research and development", "2003-03-31", "percent_of_revenue", NULL, 1.0 },
  { "en-income-year", "Net loss", "2002-03-31", "percent_of_revenue", NULL, -18.7 },
  { "en-income-year", "Basic Net Loss Per ADS Equivalent", "2002-03-31", "amount", "JPY", -165.62 },
  { "ja-income-year", "その他の費用", "2003-03-31", "amount", "USD", -10750 },
  { "ja-income-year", "研究開発費", "2003-03-31", "percent_of_revenue", NULL, 1.1 },
  { "ja-income-year", "少数株主損益", "2003-03-31", "percent_of_revenue", NULL, 0.5 },
  { "ja-income-year", "1株あたり当期損失", "2003-03-31", "amount", "JPY", -414757 },
  { "ja-income-year", "営業利益(損失)", "2002-03-31", "amount", "JPY", 53657 },
  /* Balance sheets (Appendix 3) */
  { "en-balance", "Cash", "2003-03-31", "amount", "USD", 30392 },
  { "en-balance", "Cash", "2003-03-31", "amount", "JPY", 3588352 },
  { "en-balance", "Cash", "2003-03-31", "percent_of_total", NULL, 9.2 },
  { "en-balance", "Cash", "2002-03-31", "amount", "JPY", 11045919 },
  { "en-balance", "Cash", "2002-03-31", "percent_of_total", NULL, 24.4 },
  { "en-balance", "Cash", "2002-12-31", "amount", "JPY", 4270613 },
  { "en-balance", "Cash", "2002-12-31", "percent_of_total", NULL, 11.4 },
  { "en-balance", "Restricted Cash", "2002-03-31", "amount", "JPY", 0 },
  { "en-balance", "Restricted Cash", "2002-03-31", "percent_of_total", NULL, 0.0 },
  { "en-balance", "Restricted Cash", "2002-12-31", "percent_of_total", NULL, 13.4 },
  { "en-balance", "Total liabilities", "2003-03-31", "percent_of_total", NULL, 105.0 },
  { "en-balance", "Accumulated deficit", "2003-03-31", "amount", "USD", -233185 },
  { "en-balance", "Total shareholders' equity", "2002-03-31", "amount", "JPY", 7725281 },
  { "en-balance", "Total shareholders' equity", "2002-12-31", "percent_of_total", NULL, -1.6 },
  { "en-balance", "Total liabilities and shareholders' equity", "2002-12-31", "amount", "JPY", 37360341 },
  { "ja-balance", "拘束預金", "2003-03-31", "amount", "USD", 42348 },
  { "ja-balance", "拘束預金", "2002-03-31", "amount", "JPY", 0 },
  { "ja-balance", "欠損金", "2002-12-31", "amount", "JPY", -25395691 },
  { "ja-balance", "資本合計", "2003-03-31", "percent_of_total", NULL, -7.3 },
  { "ja-balance", "負債、少数株主持分及び資本合計", "2002-03-31", "percent_of_total", NULL, 100.0 },
  { "ja-balance", "1年以内に期限到来の長期借入金", "2003-03-31", "amount", "JPY", 1943735 },
  /* Cash flows (Appendices 4 and 5) */
  { "en-cashflow-quarter", "Net loss", "2003-03-31", "amount", "USD", -18095 },
  { "en-cashflow-quarter", "Net loss", "2002-12-31", "amount", "JPY", -2266039 },
  { "en-cashflow-quarter", "Losses on other investments", "2002-03-31", "amount", "JPY", 104700 },
  { "en-cashflow-quarter", "Proceeds from sale-leaseback", "2003-03-31", "amount", "JPY", 66940 },
  { "en-cashflow-quarter", "Investments in and advances to equity method investees", "2002-03-31", "amount", "JPY", -24123 },
  { "en-cashflow-quarter", "(Payment) refund of guarantee deposits-net", "2003-03-31", "amount", "USD", -11749 },
  { "en-cashflow-quarter", "Net cash provided by (used in) financing activities", "2003-03-31", "amount", "JPY", 456616 },
  { "en-cashflow-quarter", "Cash, Beginning of Period", "2002-03-31", "amount", "JPY", 11166077 },
  { "en-cashflow-year", "Deposit to restricted cash", "2003-03-31", "amount", "USD", -42348 },
  { "en-cashflow-year", "Proceeds from issuance of common stock of a subsidiary", "2002-03-31", "amount", "JPY", 375000 },
  { "en-cashflow-year", "Net cash used in financing activities", "2002-03-31", "amount", "JPY", -1461901 },
  { "en-cashflow-year", "Cash, End of Period", "2003-03-31", "amount", "JPY", 3588352 },
  { "ja-cashflow-quarter", "為替差損", "2002-03-31", "amount", "JPY", 3990 },
  { "ja-cashflow-quarter", "長期借入金の返済による支出", "2002-12-31", "amount", "JPY", -200000 },
  { "ja-cashflow-year", "少数株主の増資引受けによる払込額", "2002-03-31", "amount", "JPY", 375000 },
  { "ja-cashflow-year", "現金及び現金同等物の期首残高", "2003-03-31", "amount", "USD", 93554 },
  /* Tables 1 to 5 and 表1 to 表5 */
  { "en-kpi-contracts", "64kbps – 128kbps", "2003-03-31", "amount", NULL, 112 },
  { "en-kpi-contracts", "Total Dedicated Access Services Contracts", "2002-03-31", "amount", NULL, 3620 },
  { "en-kpi-contracts", "IIJ4U (dialup services for individuals)", "2003-03-31", "amount", NULL, 79464 },
  { "en-kpi-contracts", "Total Dial-up Access Services Contracts", "2002-12-31", "amount", NULL, 452736 },
  { "ja-kpi-contracts", "インターネットデータセンター接続サービス契約数", "2003-03-31", "amount", NULL, 156 },
  { "ja-kpi-contracts", "その他", "2002-12-31", "amount", NULL, 3922 },
  { "ja-kpi-contracts", "その他 ダイヤルアップ接続サービス", "2002-03-31", "amount", NULL, 171363 },
  { "en-kpi-dedicated-access-revenue", "Total IP Service + DC connectivity", "2002-12-31", "amount", "JPY", 2548 },
  { "ja-kpi-dedicated-access-revenue", "その他", "2002-03-31", "amount", "JPY", 992 },
  { "en-kpi-bandwidth", "Total Contracted Bandwidth", "2003-03-31", "amount", NULL, 42.0 },
  { "en-kpi-bandwidth", "Dedicated Access Services", "2002-03-31", "amount", NULL, 9.4 },
  { "ja-kpi-bandwidth", "インターネットデータセンター接続サービス", "2002-12-31", "amount", NULL, 7.0 },
  { "en-kpi-backbone", "Domestic Backbone Costs", "2003-03-31", "amount", "JPY", 1075 },
  { "ja-kpi-backbone", "国際バックボーンコスト", "2002-12-31", "amount", "JPY", 432 },
  { "en-kpi-other", "CAPEX, including capitalized leases", "2002-12-31", "amount", "JPY", 1519 },
  { "ja-kpi-other", "減価償却費", "2002-03-31", "amount", "JPY", 812 },
  /* Reconciliations of non-GAAP measures */
  { "en-reconciliation-ebitda", "Adjusted EBITDA", "2002-12-31", "amount", "JPY", 349 },
  { "en-reconciliation-ebitda", "Depreciation and amortization", "2002-12-31", "amount", "JPY", -916 },
  { "en-reconciliation-ebitda", "Operating income(loss)", "2002-12-31", "amount", "JPY", -567 },
  { "en-reconciliation-capex", "Capital expenditures", "2002-12-31", "amount", "JPY", 1519 },
  { "en-reconciliation-capex", "Acquisition of assets by entering into capital leases", "2003-03-31", "amount", "JPY", 772 },
  { "en-reconciliation-capex", "Purchase of property and equipment", "2003-03-31", "amount", "JPY", 164 },
  { "en-reconciliation-capex", "Purchase of property and equipment", "2002-03-31", "amount", "JPY", 502 },
};

static const IndexedCell indexed_cells_001[] = {
  /* 4Q02, 3Q02, 4Q01, FY2002, FY2001 */
  { "en-reconciliation-ebitda", "Adjusted EBITDA", 0, 459 },
  { "en-reconciliation-ebitda", "Adjusted EBITDA", 3, 1799 },
  { "en-reconciliation-ebitda", "Adjusted EBITDA", 4, 2960 },
  { "en-reconciliation-ebitda", "Depreciation and amortization", 2, -782 },
  { "en-reconciliation-ebitda", "Depreciation and amortization", 3, -3470 },
  { "en-reconciliation-ebitda", "Operating income(loss)", 0, -446 },
  { "en-reconciliation-ebitda", "Operating income(loss)", 3, -1671 },
  { "en-reconciliation-ebitda", "Operating income(loss)", 4, 54 },
  /* Value-added, systems integration, data center; 2001 then 2002 */
  { "en-kpi-cross-selling", "Dedicated Access Service", 0, 69.7 },
  { "en-kpi-cross-selling", "Dedicated Access Service", 1, 70.6 },
  { "en-kpi-cross-selling", "Dedicated Access Service", 3, 58.2 },
  { "en-kpi-cross-selling", "Dedicated Access Service", 4, 30.4 },
  { "en-kpi-cross-selling", "Dedicated Access Service", 5, 35.3 },
};

static const EmptyCell empty_cells_001[] = {
  { "en-income-quarter", "Basic Net Loss Per Share", "2003-03-31", "amount", "USD" },
  { "en-income-quarter", "Basic Net Loss Per Share", "2003-03-31", "percent_of_revenue", NULL },
  { "en-income-quarter", "Basic Net Loss Per Share", "2003-03-31", "change_yoy", NULL },
  { "en-income-quarter", "Basic Net Loss Per ADS Equivalent", "2003-03-31", "change_qoq", NULL },
  { "ja-income-year", "1株あたり当期損失", "2003-03-31", "amount", "USD" },
  { "ja-income-year", "1株あたり当期損失", "2003-03-31", "change_yoy", NULL },
  { "en-cashflow-quarter", "Losses on other investments", "2002-12-31", "amount", "JPY" },
  { "en-cashflow-quarter", "Proceeds from sale-leaseback", "2002-03-31", "amount", "JPY" },
  { "en-cashflow-quarter", "Proceeds from sale-leaseback", "2002-12-31", "amount", "JPY" },
  { "en-cashflow-quarter", "Investments in and advances to equity method investees", "2003-03-31", "amount", "USD" },
  { "en-cashflow-year", "Deposit to restricted cash", "2002-03-31", "amount", "JPY" },
  { "en-cashflow-year", "Proceeds from issuance of common stock of a subsidiary", "2003-03-31", "amount", "USD" },
  { "ja-cashflow-quarter", "投資有価証券評価損等", "2002-12-31", "amount", "JPY" },
};

/* The English release of 2Q03, the same in 003 and 004. */
static const Cell cells_2q03_en[] = {
  /* Statements of operations (Appendix 1) */
  { "en-income-quarter", "Dedicated access services", "2003-09-30", "amount", "USD", 29044 },
  { "en-income-quarter", "Dedicated access services", "2003-09-30", "amount", "JPY", 3236405 },
  { "en-income-quarter", "Dedicated access services", "2003-09-30", "percent_of_revenue", NULL, 35.2 },
  { "en-income-quarter", "Dedicated access services", "2002-09-30", "amount", "JPY", 3546372 },
  { "en-income-quarter", "Dedicated access services", "2002-09-30", "percent_of_revenue", NULL, 33.6 },
  { "en-income-quarter", "Dedicated access services", "2003-09-30", "change_yoy", NULL, -8.7 },
  { "en-income-quarter", "Dedicated access services", "2003-06-30", "amount", "JPY", 3321229 },
  { "en-income-quarter", "Dedicated access services", "2003-06-30", "percent_of_revenue", NULL, 39.8 },
  { "en-income-quarter", "Dedicated access services", "2003-09-30", "change_qoq", NULL, -2.6 },
  { "en-income-quarter", "Total revenues", "2003-06-30", "amount", "JPY", 8344046 },
  { "en-income-quarter", "Total costs and expenses", "2003-06-30", "percent_of_revenue", NULL, 114.5 },
  { "en-income-quarter", "Operating loss", "2003-09-30", "change_yoy", NULL, 328.2 },
  { "en-income-quarter", "Income tax expense(benefit)", "2002-09-30", "amount", "JPY", 514872 },
  { "en-income-quarter", "Equity method net income(loss)", "2003-09-30", "change_qoq", NULL, -573.0 },
  { "en-income-quarter", "Impairment loss on investment in and advances to Crosswave", "2003-06-30", "amount", "JPY", -1719981 },
  { "en-income-quarter", "Impairment loss on investment in and advances to Crosswave", "2003-06-30", "percent_of_revenue", NULL, -20.6 },
  { "en-income-quarter", "Impairment loss on investment in and advances to Crosswave", "2003-09-30", "change_qoq", NULL, -100.0 },
  { "en-income-quarter", "Net loss", "2002-09-30", "percent_of_revenue", NULL, -22.0 },
  { "en-income-quarter", "Net loss", "2003-09-30", "change_qoq", NULL, -88.7 },
  { "en-income-quarter", "Basic Net Loss Per Share", "2003-09-30", "amount", "JPY", -10082 },
  { "en-income-quarter", "Basic Net Loss Per Share", "2002-09-30", "amount", "JPY", -103477 },
  { "en-income-quarter", "Basic Net Loss Per Share", "2003-06-30", "amount", "JPY", -109440 },
  { "en-income-quarter", "Basic Net Loss Per ADS Equivalent", "2003-09-30", "amount", "JPY", -5.04 },
  { "en-income-quarter", "Weighted Average Number of Shares", "2003-09-30", "amount", "JPY", 27617 },
  { "en-income-quarter", "Weighted Average Number of ADS Equivalents", "2003-06-30", "amount", "JPY", 45222494 },
  /* Balance sheets (Appendix 2) */
  { "en-balance", "Cash and cash equivalent", "2003-09-30", "amount", "USD", 105743 },
  { "en-balance", "Cash and cash equivalent", "2003-09-30", "percent_of_total", NULL, 30.7 },
  { "en-balance", "Restricted Cash", "2002-09-30", "amount", "JPY", 5000000 },
  { "en-balance", "Restricted Cash", "2002-09-30", "percent_of_total", NULL, 12.8 },
  { "en-balance", "Total liabilities", "2003-06-30", "percent_of_total", NULL, 135.8 },
  { "en-balance", "Common stock", "2003-09-30", "amount", "USD", 123534 },
  { "en-balance", "Accumulated deficit", "2003-06-30", "percent_of_total", NULL, -134.7 },
  { "en-balance", "Treasury stock", "2003-09-30", "amount", "USD", -1 },
  { "en-balance", "Treasury stock", "2003-09-30", "amount", "JPY", -63 },
  { "en-balance", "Treasury stock", "2003-09-30", "percent_of_total", NULL, 0.0 },
  { "en-balance", "Treasury stock", "2003-06-30", "amount", "JPY", -93 },
  { "en-balance", "Treasury stock", "2003-06-30", "percent_of_total", NULL, 0.0 },
  { "en-balance", "Total shareholders' equity(capital deficiency)", "2003-06-30", "amount", "JPY", -10512175 },
  { "en-balance", "Total liabilities and shareholders' equity(capital deficiency)", "2002-09-30", "amount", "JPY", 39038342 },
  /* Cash flows (Appendix 3) */
  { "en-cashflow-quarter", "Net loss", "2003-09-30", "amount", "USD", -2499 },
  { "en-cashflow-quarter", "Provision for doubtful accounts", "2002-09-30", "amount", "JPY", -5048 },
  { "en-cashflow-quarter", "Impairment loss on investment in and advances to Crosswave", "2003-06-30", "amount", "JPY", 1719981 },
  { "en-cashflow-quarter", "Investments in and advances to equity method investees", "2003-06-30", "amount", "JPY", -1719981 },
  { "en-cashflow-quarter", "Repayments of long-term borrowings", "2003-09-30", "amount", "JPY", -36017 },
  { "en-cashflow-quarter", "Proceeds from issuance of common stock", "2003-09-30", "amount", "JPY", 11886887 },
  { "en-cashflow-quarter", "Proceeds from issuance of common stock", "2003-06-30", "amount", "JPY", 1365424 },
  { "en-cashflow-quarter", "Effect of Exchange Rate Changes on Cash", "2003-09-30", "amount", "USD", 1 },
  { "en-cashflow-quarter", "Effect of Exchange Rate Changes on Cash", "2003-09-30", "amount", "JPY", 94 },
  { "en-cashflow-quarter", "Cash, Beginning of Period", "2002-09-30", "amount", "JPY", 6014693 },
  { "en-cashflow-quarter", "Cash, End of Period", "2003-06-30", "amount", "JPY", 2819007 },
  /* Tables 1 to 8 */
  { "en-kpi-revenues", "Total Connectivity Services", "2003-09-30", "amount", "JPY", 4020 },
  { "en-kpi-revenues", "Total Connectivity Services", "2003-09-30", "change_yoy", NULL, -7.3 },
  { "en-kpi-revenues", "Total Connectivity Services", "2003-06-30", "amount", "JPY", 4089 },
  { "en-kpi-revenues", "Total Connectivity Services", "2003-09-30", "change_qoq", NULL, -1.7 },
  { "en-kpi-revenues", "Equipment sales", "2002-09-30", "amount", "JPY", 1775 },
  { "en-kpi-dedicated-access-revenue", "IP Service + DC (connectivity)", "2002-09-30", "amount", "JPY", 2657 },
  { "en-kpi-dedicated-access-revenue", "Others", "2003-09-30", "change_qoq", NULL, -4.5 },
  { "en-kpi-contracts", "3Mbps – 1.2Gbps", "2003-09-30", "amount", NULL, 336 },
  { "en-kpi-contracts", "Total Dial-Up Access Services", "2003-06-30", "amount", NULL, 591572 },
  { "en-kpi-bandwidth", "Total Contract Bandwidth", "2002-09-30", "amount", NULL, 22.7 },
  { "en-kpi-value-added", "Internet Data Center services", "2003-09-30", "change_yoy", NULL, 0.0 },
  { "en-kpi-costs", "Cost of connectivity and value-added services", "2003-09-30", "amount", "JPY", 5127 },
  { "en-kpi-costs", "Total of Cost of Revenues", "2003-09-30", "change_qoq", NULL, 6.0 },
  { "en-kpi-backbone", "International Backbone Costs", "2003-09-30", "change_yoy", NULL, -44.8 },
  { "en-kpi-other", "Adjusted EBITDA", "2003-06-30", "amount", "JPY", -243 },
  { "en-kpi-other", "Adjusted EBITDA", "2003-09-30", "change_qoq", NULL, -152.0 },
  { "en-kpi-other", "Depreciation and amortization", "2003-09-30", "amount", "JPY", 984 },
  /* Tables 9 and 10 */
  { "en-reconciliation-ebitda", "Adjusted EBITDA", "2003-09-30", "amount", "JPY", 126 },
  { "en-reconciliation-ebitda", "Depreciation and amortization", "2003-09-30", "amount", "JPY", -956 },
  { "en-reconciliation-ebitda", "Operating loss", "2003-06-30", "amount", "JPY", -1206 },
  { "en-reconciliation-ebitda", "Other expenses", "2002-09-30", "amount", "JPY", -160 },
  { "en-reconciliation-ebitda", "Income tax expense (benefit)", "2003-09-30", "amount", "JPY", -572 },
  { "en-reconciliation-ebitda", "Income tax expense (benefit)", "2002-09-30", "amount", "JPY", 515 },
  { "en-reconciliation-ebitda", "Minority interests in consolidated subsidiaries", "2003-06-30", "amount", "JPY", 254 },
  { "en-reconciliation-ebitda", "Equity in net loss of equity method investees", "2003-06-30", "amount", "JPY", -1709 },
  { "en-reconciliation-ebitda", "Net loss", "2002-09-30", "amount", "JPY", -2326 },
  { "en-reconciliation-capex", "Capital expenditures", "2003-09-30", "amount", "JPY", 579 },
  { "en-reconciliation-capex", "Acquisition of assets by entering into capital leases", "2002-09-30", "amount", "JPY", 1282 },
  { "en-reconciliation-capex", "Purchase of property and equipment", "2003-06-30", "amount", "JPY", 934 },
};

static const EmptyCell empty_cells_2q03_en[] = {
  { "en-income-quarter", "Impairment loss on investment in and advances to Crosswave", "2003-09-30", "amount", "USD" },
  { "en-income-quarter", "Impairment loss on investment in and advances to Crosswave", "2003-09-30", "amount", "JPY" },
  { "en-income-quarter", "Impairment loss on investment in and advances to Crosswave", "2003-09-30", "percent_of_revenue", NULL },
  { "en-income-quarter", "Impairment loss on investment in and advances to Crosswave", "2002-09-30", "amount", "JPY" },
  { "en-income-quarter", "Impairment loss on investment in and advances to Crosswave", "2002-09-30", "percent_of_revenue", NULL },
  { "en-income-quarter", "Impairment loss on investment in and advances to Crosswave", "2003-09-30", "change_yoy", NULL },
  { "en-income-quarter", "Basic Net Loss Per Share", "2003-09-30", "amount", "USD" },
  { "en-income-quarter", "Basic Net Loss Per Share", "2003-09-30", "percent_of_revenue", NULL },
  { "en-income-quarter", "Basic Net Loss Per Share", "2002-09-30", "percent_of_revenue", NULL },
  { "en-income-quarter", "Basic Net Loss Per Share", "2003-09-30", "change_yoy", NULL },
  { "en-income-quarter", "Basic Net Loss Per Share", "2003-06-30", "percent_of_revenue", NULL },
  { "en-income-quarter", "Basic Net Loss Per Share", "2003-09-30", "change_qoq", NULL },
  { "en-income-quarter", "Basic Net Loss Per ADS Equivalent", "2003-09-30", "amount", "USD" },
  { "en-income-quarter", "Weighted Average Number of Shares", "2003-09-30", "amount", "USD" },
  { "en-balance", "Restricted Cash", "2003-09-30", "amount", "USD" },
  { "en-balance", "Restricted Cash", "2003-09-30", "amount", "JPY" },
  { "en-balance", "Restricted Cash", "2003-09-30", "percent_of_total", NULL },
  { "en-balance", "Restricted Cash", "2003-06-30", "amount", "JPY" },
  { "en-balance", "Restricted Cash", "2003-06-30", "percent_of_total", NULL },
  { "en-balance", "Treasury stock", "2002-09-30", "amount", "JPY" },
  { "en-balance", "Treasury stock", "2002-09-30", "percent_of_total", NULL },
  { "en-cashflow-quarter", "Impairment loss on investment in and advances to Crosswave", "2003-09-30", "amount", "USD" },
  { "en-cashflow-quarter", "Impairment loss on investment in and advances to Crosswave", "2003-09-30", "amount", "JPY" },
  { "en-cashflow-quarter", "Impairment loss on investment in and advances to Crosswave", "2002-09-30", "amount", "JPY" },
  { "en-cashflow-quarter", "Investments in and advances to equity method investees", "2003-09-30", "amount", "USD" },
  { "en-cashflow-quarter", "Investments in and advances to equity method investees", "2003-09-30", "amount", "JPY" },
  { "en-cashflow-quarter", "Investments in and advances to equity method investees", "2002-09-30", "amount", "JPY" },
  { "en-cashflow-quarter", "Repayments of long-term borrowings", "2002-09-30", "amount", "JPY" },
  { "en-cashflow-quarter", "Proceeds from issuance of common stock", "2002-09-30", "amount", "JPY" },
};

/* The Japanese summary of 003, with its overprinted labels collapsed and
 * its full-width punctuation folded ("持分法投資利益(損失)"). */
static const Cell cells_2q03_ja[] = {
  /* 四半期連結損益計算書 */
  { "ja-income-quarter", "営業収益合計", "2003-09-30", "amount", "USD", 82431 },
  { "ja-income-quarter", "付加価値サービス", "2003-06-30", "percent_of_revenue", NULL, 11.9 },
  { "ja-income-quarter", "営業損失", "2003-09-30", "amount", "JPY", -829760 },
  { "ja-income-quarter", "営業損失", "2003-09-30", "change_yoy", NULL, 328.2 },
  { "ja-income-quarter", "営業損失", "2003-06-30", "percent_of_revenue", NULL, -14.5 },
  { "ja-income-quarter", "法人税等、住民税及び事業税", "2002-09-30", "amount", "JPY", 514872 },
  { "ja-income-quarter", "持分法投資利益(損失)", "2003-06-30", "amount", "JPY", 10559 },
  { "ja-income-quarter", "クロスウェイブに対する投資等評価損", "2003-06-30", "amount", "JPY", -1719981 },
  { "ja-income-quarter", "クロスウェイブに対する投資等評価損", "2003-06-30", "percent_of_revenue", NULL, -20.6 },
  { "ja-income-quarter", "クロスウェイブに対する投資等評価損", "2003-09-30", "change_qoq", NULL, -100.0 },
  { "ja-income-quarter", "当期損失", "2003-09-30", "change_yoy", NULL, -88.0 },
  { "ja-income-quarter", "1株あたり当期損失", "2003-09-30", "amount", "JPY", -10082 },
  { "ja-income-quarter", "米国預託証券1単位あたり当期損失", "2002-09-30", "amount", "JPY", -51.74 },
  { "ja-income-quarter", "期中平均発行済株式総数", "2003-09-30", "amount", "JPY", 27617 },
  { "ja-income-quarter", "期中平均発行済米国預託証券総数", "2003-06-30", "amount", "JPY", 45222494 },
  /* 四半期連結貸借対照表 */
  { "ja-balance", "現金及び現金同等物", "2003-09-30", "amount", "USD", 105743 },
  { "ja-balance", "拘束預金", "2002-09-30", "amount", "JPY", 5000000 },
  { "ja-balance", "拘束預金", "2002-09-30", "percent_of_total", NULL, 12.8 },
  { "ja-balance", "負債合計", "2002-09-30", "amount", "JPY", 36236593 },
  { "ja-balance", "資本金", "2003-06-30", "amount", "JPY", 7765048 },
  { "ja-balance", "資本準備金", "2003-09-30", "percent_of_total", NULL, 61.5 },
  { "ja-balance", "自己株式", "2003-09-30", "amount", "USD", -1 },
  { "ja-balance", "自己株式", "2003-09-30", "amount", "JPY", -63 },
  { "ja-balance", "自己株式", "2003-09-30", "percent_of_total", NULL, 0.0 },
  { "ja-balance", "自己株式", "2003-06-30", "amount", "JPY", -93 },
  { "ja-balance", "自己株式", "2003-06-30", "percent_of_total", NULL, 0.0 },
  { "ja-balance", "資本合計", "2003-06-30", "percent_of_total", NULL, -38.1 },
  /* 四半期連結キャッシュフロー計算書 */
  { "ja-cashflow-quarter", "当期損失", "2002-09-30", "amount", "JPY", -2326166 },
  { "ja-cashflow-quarter", "貸倒引当金繰入(戻入)額", "2002-09-30", "amount", "JPY", -5048 },
  { "ja-cashflow-quarter", "クロスウェイブに対する投資等評価損", "2003-06-30", "amount", "JPY", 1719981 },
  { "ja-cashflow-quarter", "営業活動によるキャッシュフロー", "2003-06-30", "amount", "JPY", 656368 },
  { "ja-cashflow-quarter", "関連会社への投資および貸付", "2003-06-30", "amount", "JPY", -1719981 },
  { "ja-cashflow-quarter", "短期投資の取得による支出", "2003-09-30", "amount", "JPY", -304517 },
  { "ja-cashflow-quarter", "長期借入金の返済による支出", "2003-06-30", "amount", "JPY", -434994 },
  { "ja-cashflow-quarter", "普通株式の発行による収入", "2003-09-30", "amount", "USD", 106676 },
  { "ja-cashflow-quarter", "現金及び現金同等物に係る換算差額", "2003-09-30", "amount", "USD", 1 },
  { "ja-cashflow-quarter", "現金及び現金同等物の期末残高", "2003-09-30", "amount", "JPY", 11782935 },
  /* 表1 to 表8 */
  { "ja-kpi-revenues", "専用線接続サービス", "2003-09-30", "change_yoy", NULL, -8.7 },
  { "ja-kpi-revenues", "インターネット接続サービス収入合計", "2002-09-30", "amount", "JPY", 4338 },
  { "ja-kpi-revenues", "機器販売", "2003-09-30", "change_qoq", NULL, 193.2 },
  { "ja-kpi-dedicated-access-revenue", "その他", "2003-06-30", "amount", "JPY", 787 },
  { "ja-kpi-contracts", "インターネットデータセンター接続サービス契約数", "2002-09-30", "amount", NULL, 129 },
  { "ja-kpi-contracts", "その他", "2003-09-30", "amount", NULL, 5402 },
  { "ja-kpi-bandwidth", "契約帯域合計", "2003-06-30", "amount", NULL, 51.4 },
  { "ja-kpi-value-added", "その他付加価値サービス", "2003-09-30", "change_yoy", NULL, 36.0 },
  { "ja-kpi-costs", "研究開発費", "2003-09-30", "change_qoq", NULL, 0.0 },
  { "ja-kpi-backbone", "国内バックボーンコスト", "2003-06-30", "amount", "JPY", 1057 },
  { "ja-kpi-other", "Adjusted EBITDA(償却前営業利益)", "2003-06-30", "amount", "JPY", -243 },
  { "ja-kpi-other", "減価償却費", "2003-09-30", "amount", "JPY", 984 },
  { "ja-kpi-other", "減価償却費", "2003-09-30", "change_qoq", NULL, -0.7 },
};

static const EmptyCell empty_cells_2q03_ja[] = {
  { "ja-income-quarter", "クロスウェイブに対する投資等評価損", "2003-09-30", "amount", "USD" },
  { "ja-income-quarter", "クロスウェイブに対する投資等評価損", "2003-09-30", "amount", "JPY" },
  { "ja-income-quarter", "クロスウェイブに対する投資等評価損", "2003-09-30", "percent_of_revenue", NULL },
  { "ja-income-quarter", "クロスウェイブに対する投資等評価損", "2002-09-30", "amount", "JPY" },
  { "ja-income-quarter", "クロスウェイブに対する投資等評価損", "2002-09-30", "percent_of_revenue", NULL },
  { "ja-income-quarter", "クロスウェイブに対する投資等評価損", "2003-09-30", "change_yoy", NULL },
  { "ja-income-quarter", "1株あたり当期損失", "2003-09-30", "amount", "USD" },
  { "ja-income-quarter", "1株あたり当期損失", "2003-09-30", "percent_of_revenue", NULL },
  { "ja-income-quarter", "1株あたり当期損失", "2003-09-30", "change_qoq", NULL },
  { "ja-income-quarter", "米国預託証券1単位あたり当期損失", "2003-09-30", "amount", "USD" },
  { "ja-balance", "拘束預金", "2003-09-30", "amount", "USD" },
  { "ja-balance", "拘束預金", "2003-09-30", "amount", "JPY" },
  { "ja-balance", "拘束預金", "2003-09-30", "percent_of_total", NULL },
  { "ja-balance", "拘束預金", "2003-06-30", "amount", "JPY" },
  { "ja-balance", "拘束預金", "2003-06-30", "percent_of_total", NULL },
  { "ja-balance", "自己株式", "2002-09-30", "amount", "JPY" },
  { "ja-balance", "自己株式", "2002-09-30", "percent_of_total", NULL },
  { "ja-cashflow-quarter", "クロスウェイブに対する投資等評価損", "2003-09-30", "amount", "USD" },
  { "ja-cashflow-quarter", "クロスウェイブに対する投資等評価損", "2003-09-30", "amount", "JPY" },
  { "ja-cashflow-quarter", "クロスウェイブに対する投資等評価損", "2002-09-30", "amount", "JPY" },
  { "ja-cashflow-quarter", "関連会社への投資および貸付", "2003-09-30", "amount", "JPY" },
  { "ja-cashflow-quarter", "長期借入金の返済による支出", "2002-09-30", "amount", "JPY" },
  { "ja-cashflow-quarter", "普通株式の発行による収入", "2002-09-30", "amount", "JPY" },
};

static void
check_cells (KessanFiling *filing,
             const Cell   *cells,
             guint         n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    assert_cell (filing, cells[i].statement, cells[i].label, cells[i].period_end,
                 cells[i].measure, cells[i].currency, cells[i].value);
}

static void
check_empty_cells (KessanFiling    *filing,
                   const EmptyCell *cells,
                   guint            n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    assert_cell (filing, cells[i].statement, cells[i].label, cells[i].period_end,
                 cells[i].measure, cells[i].currency, NAN);
}

static void
test_cells_001 (void)
{
  KessanFiling *filing = load_seed (SEED_001);

  if (filing == NULL)
    return;

  check_cells (filing, cells_001, G_N_ELEMENTS (cells_001));
  for (guint i = 0; i < G_N_ELEMENTS (indexed_cells_001); i++)
    assert_cell_at (filing, indexed_cells_001[i].statement, indexed_cells_001[i].label,
                    indexed_cells_001[i].column, indexed_cells_001[i].value);
  check_empty_cells (filing, empty_cells_001, G_N_ELEMENTS (empty_cells_001));
}

static void
test_cells_003 (void)
{
  KessanFiling *filing = load_seed (SEED_003);

  if (filing == NULL)
    return;

  check_cells (filing, cells_2q03_ja, G_N_ELEMENTS (cells_2q03_ja));
  check_empty_cells (filing, empty_cells_2q03_ja, G_N_ELEMENTS (empty_cells_2q03_ja));
  check_cells (filing, cells_2q03_en, G_N_ELEMENTS (cells_2q03_en));
  check_empty_cells (filing, empty_cells_2q03_en, G_N_ELEMENTS (empty_cells_2q03_en));
}

static void
test_cells_004 (void)
{
  KessanFiling *filing = load_seed (SEED_004);

  if (filing == NULL)
    return;

  check_cells (filing, cells_2q03_en, G_N_ELEMENTS (cells_2q03_en));
  check_empty_cells (filing, empty_cells_2q03_en, G_N_ELEMENTS (empty_cells_2q03_en));
}

/* The filing */

typedef struct
{
  Seed        seed;
  guint       fiscal_year;
  guint       fiscal_quarter;
  const char *period_end;
  guint       period_months;
  const char *released;
  double      jpy_per_usd;
  const char *rate_as_of;
  const char *languages;
} FilingSpec;

static const FilingSpec filing_001 = {
  SEED_001, 2002, 4, "2003-03-31", 3, "2003-05-21", 118.07, "2003-03-31", "ja,en",
};

static const FilingSpec filing_003 = {
  SEED_003, 2003, 2, "2003-09-30", 3, "2003-11-21", 111.43, "2003-09-30", "ja,en",
};

static const FilingSpec filing_004 = {
  SEED_004, 2003, 2, "2003-09-30", 3, "2003-11-21", 111.43, "2003-09-30", "en",
};

static void
test_filing (gconstpointer data)
{
  const FilingSpec *spec = data;
  KessanFiling *filing = load_seed (spec->seed);
  g_autofree char *languages = NULL;

  if (filing == NULL)
    return;

  g_assert_cmpstr (kessan_filing_get_company (filing), ==, "Internet Initiative Japan Inc.");
  g_assert_cmpuint (kessan_filing_get_fiscal_year (filing), ==, spec->fiscal_year);
  g_assert_cmpuint (kessan_filing_get_fiscal_quarter (filing), ==, spec->fiscal_quarter);
  g_assert_cmpstr (kessan_filing_get_period_end (filing), ==, spec->period_end);
  g_assert_cmpuint (kessan_filing_get_period_months (filing), ==, spec->period_months);
  g_assert_cmpstr (kessan_filing_get_released (filing), ==, spec->released);
  g_assert_cmpfloat (kessan_filing_get_jpy_per_usd (filing), ==, spec->jpy_per_usd);
  g_assert_cmpstr (kessan_filing_get_rate_as_of (filing), ==, spec->rate_as_of);

  if (kessan_filing_get_languages (filing) != NULL)
    languages = g_strjoinv (",", (char **) kessan_filing_get_languages (filing));
  g_assert_cmpstr (languages, ==, spec->languages);
}

/* 003 and 004: one release, two extractions */

static void
compare_statements (KessanStatement *spaced,
                    KessanStatement *tabbed)
{
  const char *id = kessan_statement_get_id (tabbed);
  guint n_columns = kessan_statement_get_n_columns (tabbed);
  guint n_rows = kessan_statement_get_n_rows (tabbed);

  if (kessan_statement_get_kind (spaced) != kessan_statement_get_kind (tabbed))
    report ("%s: kind %s in 003, %s in 004", id,
            kessan_statement_kind_to_string (kessan_statement_get_kind (spaced)),
            kessan_statement_kind_to_string (kessan_statement_get_kind (tabbed)));
  if (g_strcmp0 (kessan_statement_get_language (spaced), kessan_statement_get_language (tabbed)) != 0)
    report ("%s: language %s in 003, %s in 004", id,
            kessan_statement_get_language (spaced), kessan_statement_get_language (tabbed));
  if (g_strcmp0 (kessan_statement_get_topic (spaced), kessan_statement_get_topic (tabbed)) != 0)
    report ("%s: topic %s in 003, %s in 004", id,
            kessan_statement_get_topic (spaced), kessan_statement_get_topic (tabbed));

  if (kessan_statement_get_n_columns (spaced) != n_columns)
    {
      g_autofree char *columns_003 = describe_columns (spaced);
      g_autofree char *columns_004 = describe_columns (tabbed);

      report ("%s: columns differ: 003 %s; 004 %s", id, columns_003, columns_004);
      return;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      KessanColumn *a = kessan_statement_get_column (spaced, c);
      KessanColumn *b = kessan_statement_get_column (tabbed, c);

      if (g_strcmp0 (kessan_column_get_period_end (a), kessan_column_get_period_end (b)) != 0
          || kessan_column_get_months (a) != kessan_column_get_months (b)
          || kessan_column_get_measure (a) != kessan_column_get_measure (b)
          || kessan_column_get_currency (a) != kessan_column_get_currency (b)
          || kessan_column_get_scale (a) != kessan_column_get_scale (b)
          || kessan_column_get_unit (a) != kessan_column_get_unit (b)
          || g_strcmp0 (kessan_column_get_compared_end (a), kessan_column_get_compared_end (b)) != 0)
        {
          g_autofree char *column_003 = describe_column (a);
          g_autofree char *column_004 = describe_column (b);

          report ("%s column %u: 003 %s, 004 %s", id, c, column_003, column_004);
        }
    }

  if (kessan_statement_get_n_rows (spaced) != n_rows)
    report ("%s: %u rows in 003, %u in 004", id, kessan_statement_get_n_rows (spaced), n_rows);

  for (guint r = 0; r < MIN (n_rows, kessan_statement_get_n_rows (spaced)); r++)
    {
      KessanLineItem *a = kessan_statement_get_row (spaced, r);
      KessanLineItem *b = kessan_statement_get_row (tabbed, r);

      if (g_strcmp0 (kessan_line_item_get_concept (a), kessan_line_item_get_concept (b)) != 0
          || kessan_line_item_get_heading (a) != kessan_line_item_get_heading (b))
        {
          report ("%s row %u: 003 \"%s\" (%s%s, line %u), 004 \"%s\" (%s%s, line %u)", id, r,
                  kessan_line_item_get_label (a), kessan_line_item_get_concept (a),
                  kessan_line_item_get_heading (a) ? ", heading" : "", kessan_line_item_get_line (a),
                  kessan_line_item_get_label (b), kessan_line_item_get_concept (b),
                  kessan_line_item_get_heading (b) ? ", heading" : "", kessan_line_item_get_line (b));
          continue;
        }

      for (guint c = 0; c < n_columns; c++)
        {
          double value_003 = cell_or_nan (a, c);
          double value_004 = cell_or_nan (b, c);

          if (!same_number (value_003, value_004))
            {
              g_autofree char *text_003 = format_number (value_003);
              g_autofree char *text_004 = format_number (value_004);

              report ("%s row %u %s column %u: 003 %s (line %u), 004 %s (line %u)", id, r,
                      kessan_line_item_get_concept (a), c,
                      text_003, kessan_line_item_get_line (a),
                      text_004, kessan_line_item_get_line (b));
            }
        }
    }
}

static void
test_same_release (void)
{
  KessanFiling *spaced = load_seed (SEED_003);
  KessanFiling *tabbed = load_seed (SEED_004);
  guint n_english = 0;

  if (spaced == NULL || tabbed == NULL)
    return;

  for (guint i = 0; i < kessan_filing_get_n_statements (spaced); i++)
    {
      KessanStatement *statement = kessan_filing_get_statement (spaced, i);

      if (g_strcmp0 (kessan_statement_get_language (statement), "en") != 0)
        continue;

      n_english++;
      if (find_statement (tabbed, kessan_statement_get_id (statement)) == NULL)
        report ("%s is in 003 but not in 004", kessan_statement_get_id (statement));
    }

  for (guint i = 0; i < kessan_filing_get_n_statements (tabbed); i++)
    {
      KessanStatement *statement = kessan_filing_get_statement (tabbed, i);
      KessanStatement *other = find_statement (spaced, kessan_statement_get_id (statement));

      if (other == NULL)
        {
          report ("%s is in 004 but not in 003", kessan_statement_get_id (statement));
          continue;
        }

      compare_statements (other, statement);
    }

  g_assert_cmpuint (n_english, ==, kessan_filing_get_n_statements (tabbed));
}

/* Japanese and English editions */

typedef struct
{
  const char *statement;  /* the id without its language prefix */
  const char *concept;
  int         column;     /* -1: the row is in one edition only */
  double      ja;         /* NAN: no value */
  double      en;
} Difference;

/* Where 001 itself prints different numbers in its two halves: the
 * quarterly statement of operations (Appendix 1, lines 113, 122, 124 and
 * 131 against 604, 613, 615 and 622) and the annual one (Appendix 2,
 * lines 172, 175 and 178 against 666, 669 and 672). */
static const Difference differences_001[] = {
  { "income-quarter", "revenues.connectivity_vas.value_added", 0, 7887, 7888 },
  { "income-quarter", "revenues.connectivity_vas.value_added", 2, 7.3, 7.2 },
  { "income-quarter", "costs.cost_of_revenues.equipment_sales", 0, 22344, 22345 },
  { "income-quarter", "costs.sales_marketing", 2, 5.9, 6.0 },
  { "income-quarter", "income_tax", 2, 0.9, 0.8 },
  { "income-year", "costs.research_development", 2, 1.1, 1.0 },
  { "income-year", "other_expenses", 0, -10750, -10751 },
  { "income-year", "minority_interests_in_income", 2, 0.5, 0.4 },
};

static KessanLineItem *
find_data_row_by_concept (KessanStatement *statement,
                          const char      *concept)
{
  guint n = kessan_statement_get_n_rows (statement);

  for (guint i = 0; i < n; i++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, i);

      if (!kessan_line_item_get_heading (row)
          && g_strcmp0 (kessan_line_item_get_concept (row), concept) == 0)
        return row;
    }

  return NULL;
}

static void
collect_differences (KessanStatement *ja,
                     KessanStatement *en,
                     const char      *name,
                     GArray          *differences)
{
  guint n_columns = kessan_statement_get_n_columns (ja);

  if (g_strcmp0 (kessan_statement_get_topic (ja), kessan_statement_get_topic (en)) != 0)
    report ("%s: topic %s in Japanese, %s in English", name,
            kessan_statement_get_topic (ja), kessan_statement_get_topic (en));

  if (kessan_statement_get_n_columns (en) != n_columns)
    {
      g_autofree char *columns_ja = describe_columns (ja);
      g_autofree char *columns_en = describe_columns (en);

      report ("%s: columns differ: ja %s; en %s", name, columns_ja, columns_en);
      return;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      KessanColumn *a = kessan_statement_get_column (ja, c);
      KessanColumn *b = kessan_statement_get_column (en, c);

      if (g_strcmp0 (kessan_column_get_period_end (a), kessan_column_get_period_end (b)) != 0
          || kessan_column_get_months (a) != kessan_column_get_months (b)
          || kessan_column_get_measure (a) != kessan_column_get_measure (b)
          || kessan_column_get_currency (a) != kessan_column_get_currency (b)
          || kessan_column_get_scale (a) != kessan_column_get_scale (b))
        {
          g_autofree char *column_ja = describe_column (a);
          g_autofree char *column_en = describe_column (b);

          report ("%s column %u: ja %s, en %s", name, c, column_ja, column_en);
        }
    }

  for (guint r = 0; r < kessan_statement_get_n_rows (ja); r++)
    {
      KessanLineItem *row_ja = kessan_statement_get_row (ja, r);
      const char *concept = kessan_line_item_get_concept (row_ja);
      KessanLineItem *row_en;

      if (kessan_line_item_get_heading (row_ja))
        continue;

      if (concept == NULL)
        {
          report ("%s: Japanese row \"%s\" (line %u) has no concept", name,
                  kessan_line_item_get_label (row_ja), kessan_line_item_get_line (row_ja));
          continue;
        }

      row_en = find_data_row_by_concept (en, concept);
      if (row_en == NULL)
        {
          Difference missing = { name, concept, -1, NAN, NAN };

          g_array_append_val (differences, missing);
          continue;
        }

      for (guint c = 0; c < n_columns; c++)
        {
          Difference difference = { name, concept, (int) c, cell_or_nan (row_ja, c), cell_or_nan (row_en, c) };

          if (!same_number (difference.ja, difference.en))
            g_array_append_val (differences, difference);
        }
    }

  for (guint r = 0; r < kessan_statement_get_n_rows (en); r++)
    {
      KessanLineItem *row_en = kessan_statement_get_row (en, r);
      const char *concept = kessan_line_item_get_concept (row_en);

      if (kessan_line_item_get_heading (row_en))
        continue;

      if (concept == NULL)
        {
          report ("%s: English row \"%s\" (line %u) has no concept", name,
                  kessan_line_item_get_label (row_en), kessan_line_item_get_line (row_en));
          continue;
        }

      if (find_data_row_by_concept (ja, concept) == NULL)
        {
          Difference missing = { name, concept, -1, NAN, NAN };

          g_array_append_val (differences, missing);
        }
    }
}

static gboolean
same_difference (const Difference *a,
                 const Difference *b)
{
  return g_strcmp0 (a->statement, b->statement) == 0
         && g_strcmp0 (a->concept, b->concept) == 0
         && a->column == b->column
         && same_number (a->ja, b->ja)
         && same_number (a->en, b->en);
}

static char *
describe_difference (const Difference *difference)
{
  g_autofree char *ja = format_number (difference->ja);
  g_autofree char *en = format_number (difference->en);

  if (difference->column < 0)
    return g_strdup_printf ("%s / %s: the row is in one edition only",
                            difference->statement, difference->concept);

  return g_strdup_printf ("%s / %s / column %d: ja %s, en %s", difference->statement,
                          difference->concept, difference->column, ja, en);
}

static void
compare_editions (Seed              seed,
                  const Difference *expected,
                  guint             n_expected)
{
  KessanFiling *filing = load_seed (seed);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Difference));
  guint n_pairs = 0;

  if (filing == NULL)
    return;

  for (guint i = 0; i < kessan_filing_get_n_statements (filing); i++)
    {
      KessanStatement *ja = kessan_filing_get_statement (filing, i);
      const char *id = kessan_statement_get_id (ja);
      g_autofree char *en_id = NULL;
      KessanStatement *en;

      if (!g_str_has_prefix (id, "ja-"))
        continue;

      en_id = g_strconcat ("en-", id + strlen ("ja-"), NULL);
      en = find_statement (filing, en_id);
      if (en == NULL)
        {
          report ("%s has no English edition %s", id, en_id);
          continue;
        }

      n_pairs++;
      collect_differences (ja, en, id + strlen ("ja-"), found);
    }

  if (n_pairs == 0)
    report ("%s: no statement is printed in both languages", seed_files[seed]);

  for (guint i = 0; i < found->len; i++)
    {
      const Difference *difference = &g_array_index (found, Difference, i);
      gboolean known = FALSE;

      for (guint j = 0; j < n_expected && !known; j++)
        known = same_difference (difference, &expected[j]);

      if (!known)
        {
          g_autofree char *text = describe_difference (difference);

          report ("unexpected difference between the editions: %s", text);
        }
    }

  for (guint j = 0; j < n_expected; j++)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < found->len && !seen; i++)
        seen = same_difference (&g_array_index (found, Difference, i), &expected[j]);

      if (!seen)
        {
          g_autofree char *text = describe_difference (&expected[j]);

          report ("difference printed in the source not found: %s", text);
        }
    }
}

static void
test_editions_001 (void)
{
  compare_editions (SEED_001, differences_001, G_N_ELEMENTS (differences_001));
}

/* The two halves of 003 print the same numbers everywhere. */
static void
test_editions_003 (void)
{
  compare_editions (SEED_003, NULL, 0);
}

/* Every number of the tab-separated seeds, read again here */

/* "(1,234)" is -1234, "(8.3%)" is -8.3, "12.8%" is 12.8, "-905" is -905,
 * "<u>100.0</u>" is 100.0; an empty field and "-" hold no value.  FALSE
 * for a field that is not a number, such as a column header. */
static gboolean
parse_source_field (const char *field,
                    gboolean   *present,
                    double     *value)
{
  g_autoptr(GString) text = g_string_new (field);
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean negative = FALSE;
  gboolean seen_digit = FALSE;
  gboolean seen_point = FALSE;
  const char *p;
  const char *end;

  g_string_replace (text, "<u>", "", 0);
  g_string_replace (text, "</u>", "", 0);
  g_strstrip (text->str);
  p = text->str;
  end = p + strlen (p);

  if (p == end || strcmp (p, "-") == 0)
    {
      *present = FALSE;
      return TRUE;
    }

  if (end - p >= 2 && *p == '(' && end[-1] == ')')
    {
      negative = TRUE;
      p++;
      end--;
    }
  else if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (end > p && end[-1] == '%')
    end--;

  for (; p < end; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          seen_digit = TRUE;
        }
      else if (*p == ',' && seen_digit && !seen_point)
        continue;
      else if (*p == '.' && seen_digit && !seen_point)
        {
          g_string_append_c (digits, '.');
          seen_point = TRUE;
        }
      else
        return FALSE;
    }

  if (!seen_digit || digits->str[digits->len - 1] == '.')
    return FALSE;

  *value = g_ascii_strtod (digits->str, NULL);
  if (negative)
    *value = -*value;
  *present = TRUE;

  return TRUE;
}

typedef struct
{
  KessanStatement *statement;
  KessanLineItem  *row;
} RowRef;

/* Every data row of the filing under each source line it was read from. */
static GHashTable *
index_rows_by_line (KessanFiling *filing,
                    GArray       *refs)
{
  GHashTable *by_line = g_hash_table_new (NULL, NULL);

  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);

      for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
        {
          RowRef ref = { statement, kessan_statement_get_row (statement, r) };
          guint index;

          if (kessan_line_item_get_heading (ref.row))
            continue;

          g_array_append_val (refs, ref);
          index = refs->len;

          g_hash_table_insert (by_line, GUINT_TO_POINTER (kessan_line_item_get_line (ref.row)),
                               GUINT_TO_POINTER (index));
          for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
            {
              guint line = kessan_line_item_get_value_line (ref.row, c);

              if (line != 0)
                g_hash_table_insert (by_line, GUINT_TO_POINTER (line), GUINT_TO_POINTER (index));
            }
        }
    }

  return by_line;
}

static void
check_source_line (const RowRef *ref,
                   guint         line_number,
                   const char   *line,
                   char * const *fields)
{
  guint n_cells = g_strv_length ((char **) fields) - 1;
  guint n_columns = kessan_statement_get_n_columns (ref->statement);
  const char *id = kessan_statement_get_id (ref->statement);

  if (n_cells > n_columns)
    {
      report ("line %u has %u cells, %s has %u columns: %s", line_number, n_cells, id,
              n_columns, line);
      return;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      gboolean present = FALSE;
      double value = 0;

      if (c < n_cells)
        parse_source_field (fields[c + 1], &present, &value);

      if (present)
        {
          check_cell (ref->statement, ref->row, c, value);
          if (kessan_line_item_has_value (ref->row, c)
              && kessan_line_item_get_value_line (ref->row, c) != line_number)
            report ("%s / \"%s\" column %u: value read from line %u, printed on line %u: %s",
                    id, kessan_line_item_get_label (ref->row), c,
                    kessan_line_item_get_value_line (ref->row, c), line_number, line);
        }
      else
        {
          check_cell (ref->statement, ref->row, c, NAN);
        }
    }
}

static void
check_tab_lines (Seed  seed,
                 guint expected_lines)
{
  KessanFiling *filing = load_seed (seed);
  g_autofree char *path = kessan_test_seed_path (seed_files[seed]);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (RowRef));
  g_autoptr(GHashTable) by_line = NULL;
  g_autoptr(GHashTable) table_lines = g_hash_table_new (NULL, NULL);
  guint n_table_lines = 0;

  if (filing == NULL)
    return;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      report ("%s: %s", path, error->message);
      return;
    }

  by_line = index_rows_by_line (filing, refs);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint line_number = i + 1;
      g_auto(GStrv) fields = NULL;
      g_autofree char *label = NULL;
      gboolean is_table_line = TRUE;
      gboolean any_value = FALSE;
      guint index;

      if (strchr (lines[i], '\t') == NULL)
        continue;

      fields = g_strsplit (lines[i], "\t", -1);
      label = g_strstrip (g_strdup (fields[0]));
      if (*label == '\0')
        continue;

      for (guint f = 1; fields[f] != NULL && is_table_line; f++)
        {
          gboolean present = FALSE;
          double value = 0;

          is_table_line = parse_source_field (fields[f], &present, &value);
          any_value |= is_table_line && present;
        }

      if (!is_table_line || !any_value)
        continue;

      n_table_lines++;
      g_hash_table_add (table_lines, GUINT_TO_POINTER (line_number));

      index = GPOINTER_TO_UINT (g_hash_table_lookup (by_line, GUINT_TO_POINTER (line_number)));
      if (index == 0)
        {
          report ("line %u: no row of any statement holds it: %s", line_number, lines[i]);
          continue;
        }

      check_source_line (&g_array_index (refs, RowRef, index - 1), line_number, lines[i], fields);
    }

  g_assert_cmpuint (n_table_lines, ==, expected_lines);

  /* And no data row comes from anywhere else. */
  for (guint i = 0; i < refs->len; i++)
    {
      const RowRef *ref = &g_array_index (refs, RowRef, i);
      guint line = kessan_line_item_get_line (ref->row);

      if (!g_hash_table_contains (table_lines, GUINT_TO_POINTER (line)))
        report ("%s / \"%s\": line %u is not a table line of the source",
                kessan_statement_get_id (ref->statement),
                kessan_line_item_get_label (ref->row), line);
    }
}

static void
test_tab_lines_001 (void)
{
  /* 165 in the Japanese summary, 172 in the English release */
  check_tab_lines (SEED_001, 337);
}

static void
test_tab_lines_004 (void)
{
  check_tab_lines (SEED_004, 144);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The messages quote Japanese labels: keep them readable when the
   * tests run under the C locale. */
  setlocale (LC_ALL, "");
  if (!g_get_charset (NULL))
    setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_data_func ("/kessan/seeds/001/filing", &filing_001, test_filing);
  g_test_add_data_func ("/kessan/seeds/003/filing", &filing_003, test_filing);
  g_test_add_data_func ("/kessan/seeds/004/filing", &filing_004, test_filing);
  g_test_add_func ("/kessan/seeds/001/statements", test_statements_001);
  g_test_add_func ("/kessan/seeds/003/statements", test_statements_003);
  g_test_add_func ("/kessan/seeds/004/statements", test_statements_004);
  g_test_add_func ("/kessan/seeds/001/cells", test_cells_001);
  g_test_add_func ("/kessan/seeds/003/cells", test_cells_003);
  g_test_add_func ("/kessan/seeds/004/cells", test_cells_004);
  g_test_add_func ("/kessan/seeds/003-004/same-release", test_same_release);
  g_test_add_func ("/kessan/seeds/001/editions", test_editions_001);
  g_test_add_func ("/kessan/seeds/003/editions", test_editions_003);
  g_test_add_func ("/kessan/seeds/001/tab-lines", test_tab_lines_001);
  g_test_add_func ("/kessan/seeds/004/tab-lines", test_tab_lines_004);

  status = g_test_run ();

  for (guint i = 0; i < N_SEEDS; i++)
    g_clear_object (&filings[i]);

  return status;
}
