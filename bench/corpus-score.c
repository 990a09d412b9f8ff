/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-corpus"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "corpus-score.h"
#include "kessan-concepts.h"

/* Every read of the model is in the functions up to the truth files, so
 * that a change of the model (a stated scale, say) is one edit here. */

/* The ISO 4217 code of the column's currency, or NULL when none is set. */
static const char *
column_currency_code (KessanColumn *column)
{
  return kessan_column_get_currency_code (column);
}

static const char *
column_period_end (KessanColumn *column)
{
  return kessan_column_get_period_end (column);
}

static const char *
column_period_start (KessanColumn *column)
{
  return kessan_column_get_period_start (column);
}

static guint
column_months (KessanColumn *column)
{
  return kessan_column_get_months (column);
}

static guint
column_scale (KessanColumn *column)
{
  return kessan_column_get_scale (column);
}

/* The model does not say whether a scale of 1 was stated ("in yen") or
 * assumed: only a stated thousands or millions counts as known. */
static gboolean
column_scale_known (KessanColumn *column)
{
  return kessan_column_get_scale (column) > 1;
}

/* Percent and change columns carry no currency and no scale. */
static gboolean
column_is_money (KessanColumn *column)
{
  return kessan_column_get_measure (column) == KESSAN_MEASURE_AMOUNT
         && kessan_column_get_unit (column) == KESSAN_UNIT_CURRENCY;
}

/* A forecast range (upper, lower) is a forecast too. */
static gboolean
column_is_forecast (KessanColumn *column)
{
  return kessan_column_get_scenario (column) != KESSAN_SCENARIO_ACTUAL;
}

/* A per-share row is in currency units whatever its column's scale; a
 * row of shares or counts has no currency. */
static const char *
cell_currency (KessanLineItem *row,
               KessanColumn   *column)
{
  KessanUnit unit = kessan_line_item_get_unit (row);

  if (!column_is_money (column) || unit == KESSAN_UNIT_SHARES || unit == KESSAN_UNIT_COUNT
      || unit == KESSAN_UNIT_PERCENT)
    return NULL;
  return column_currency_code (column);
}

static guint
cell_scale (KessanLineItem *row,
            KessanColumn   *column)
{
  KessanUnit unit = kessan_line_item_get_unit (row);

  if (unit == KESSAN_UNIT_PER_SHARE || unit == KESSAN_UNIT_PERCENT
      || kessan_column_get_measure (column) != KESSAN_MEASURE_AMOUNT)
    return 1;
  /* A row counted apart from its columns (shares in full in a table in
   * thousands) says so. */
  if (kessan_line_item_get_scale (row) != 0)
    return kessan_line_item_get_scale (row);
  return column_scale (column);
}

static gboolean
cell_scale_known (KessanLineItem *row,
                  KessanColumn   *column)
{
  KessanUnit unit = kessan_line_item_get_unit (row);

  /* A per-share amount or a percent is read as printed. */
  if (unit == KESSAN_UNIT_PER_SHARE || unit == KESSAN_UNIT_PERCENT
      || kessan_column_get_measure (column) != KESSAN_MEASURE_AMOUNT
      || kessan_line_item_get_scale (row) != 0)
    return TRUE;
  return column_scale_known (column);
}

static gboolean
cell_value (KessanLineItem *row,
            guint           column,
            double         *value)
{
  if (column >= kessan_line_item_get_n_values (row) || !kessan_line_item_has_value (row, column))
    return FALSE;
  *value = kessan_line_item_get_value (row, column);
  return TRUE;
}

/* The truth files. */

typedef struct
{
  char    *start;        /* ISO date, or NULL: said only where months cannot say it */
  char    *end;          /* ISO date, or NULL */
  guint    months;       /* 0: not said */
  gboolean forecast;
  char    *currency;     /* overrides the table's; "" for none */
  gint     scale;        /* overrides the table's; 0: not said */
} TruthColumn;

typedef struct
{
  char      *label;
  char      *concept;
  char      *currency;   /* overrides; "" for none */
  gint       scale;      /* overrides; 0: not said */
  GPtrArray *values;     /* printed strings, NULL for no cell */
} TruthRow;

typedef struct
{
  char      *kind;
  char      *title;
  char      *currency;   /* NULL or "" for none */
  guint      scale;
  GArray    *columns;    /* TruthColumn */
  GPtrArray *rows;       /* TruthRow */
} TruthTable;

struct _CorpusTruth
{
  char      *document;
  GPtrArray *tables;
  GPtrArray *real_errors;  /* check ids of errors the source really has */
};

static void
truth_row_free (TruthRow *row)
{
  g_free (row->label);
  g_free (row->concept);
  g_free (row->currency);
  g_clear_pointer (&row->values, g_ptr_array_unref);
  g_free (row);
}

static void
truth_column_clear (TruthColumn *column)
{
  g_free (column->start);
  g_free (column->end);
  g_free (column->currency);
}

static void
truth_table_free (TruthTable *table)
{
  g_free (table->kind);
  g_free (table->title);
  g_free (table->currency);
  g_clear_pointer (&table->columns, g_array_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

void
corpus_truth_free (CorpusTruth *truth)
{
  if (truth == NULL)
    return;
  g_free (truth->document);
  g_clear_pointer (&truth->tables, g_ptr_array_unref);
  g_clear_pointer (&truth->real_errors, g_ptr_array_unref);
  g_free (truth);
}

/* A currency member: a code, or null for none ("" here). */
static char *
dup_currency (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  return g_strdup (json_node_get_string (node));
}

static char *
dup_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static TruthTable *
load_table (JsonObject  *object,
            GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) truth_row_free);
  TruthTable *table;
  JsonArray *columns;
  JsonArray *row_array;

  columns = json_object_has_member (object, "columns") ? json_object_get_array_member (object, "columns") : NULL;
  row_array = json_object_has_member (object, "rows") ? json_object_get_array_member (object, "rows") : NULL;
  if (columns == NULL || row_array == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "a table has no “columns” or no “rows”");
      return NULL;
    }

  table = g_new0 (TruthTable, 1);
  table->kind = dup_string (object, "kind");
  table->title = dup_string (object, "title");
  table->currency = dup_currency (object, "currency");
  table->scale = json_object_has_member (object, "scale") ? (guint) json_object_get_int_member (object, "scale") : 1;
  table->columns = g_array_new (FALSE, TRUE, sizeof (TruthColumn));
  g_array_set_clear_func (table->columns, (GDestroyNotify) truth_column_clear);
  for (guint c = 0; c < json_array_get_length (columns); c++)
    {
      JsonObject *member = json_array_get_object_element (columns, c);
      TruthColumn column = { 0 };
      g_autofree char *scenario = dup_string (member, "scenario");

      column.start = dup_string (member, "start");
      column.end = dup_string (member, "end");
      column.months = json_object_has_member (member, "months") ? (guint) json_object_get_int_member (member, "months") : 0;
      column.forecast = g_strcmp0 (scenario, "forecast") == 0;
      column.currency = dup_currency (member, "currency");
      column.scale = json_object_has_member (member, "scale") ? (gint) json_object_get_int_member (member, "scale") : 0;
      g_array_append_val (table->columns, column);
    }

  for (guint r = 0; r < json_array_get_length (row_array); r++)
    {
      JsonObject *member = json_array_get_object_element (row_array, r);
      JsonArray *values = json_object_has_member (member, "values") ? json_object_get_array_member (member, "values") : NULL;
      TruthRow *row;

      if (values == NULL || json_array_get_length (values) != table->columns->len)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "row %u of table “%s” has not one value for each of its %u columns",
                       r + 1, table->title != NULL ? table->title : "", table->columns->len);
          truth_table_free (table);
          return NULL;
        }
      row = g_new0 (TruthRow, 1);
      row->label = dup_string (member, "label");
      row->concept = dup_string (member, "concept");
      row->currency = dup_currency (member, "currency");
      row->scale = json_object_has_member (member, "scale") ? (gint) json_object_get_int_member (member, "scale") : 0;
      row->values = g_ptr_array_new_with_free_func (g_free);
      for (guint v = 0; v < json_array_get_length (values); v++)
        {
          JsonNode *node = json_array_get_element (values, v);

          g_ptr_array_add (row->values, JSON_NODE_HOLDS_NULL (node) ? NULL : g_strdup (json_node_get_string (node)));
        }
      g_ptr_array_add (rows, row);
    }
  table->rows = g_steal_pointer (&rows);
  return table;
}

/**
 * corpus_truth_load:
 * @path: a truth file (docs/corpus.md describes the format)
 * @error: where to say why it cannot be read
 *
 * Returns: (transfer full): the truth, or NULL
 */
CorpusTruth *
corpus_truth_load (const char  *path,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CorpusTruth) truth = NULL;
  JsonObject *root;
  JsonArray *tables;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not a JSON object", path);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  truth = g_new0 (CorpusTruth, 1);
  truth->document = dup_string (root, "document");
  truth->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) truth_table_free);
  truth->real_errors = g_ptr_array_new_with_free_func (g_free);
  if (truth->document == NULL || !json_object_has_member (root, "tables"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: no “document” or no “tables”", path);
      return NULL;
    }

  tables = json_object_get_array_member (root, "tables");
  for (guint t = 0; t < json_array_get_length (tables); t++)
    {
      g_autoptr(GError) table_error = NULL;
      TruthTable *table = load_table (json_array_get_object_element (tables, t), &table_error);

      if (table == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", path, table_error->message);
          return NULL;
        }
      g_ptr_array_add (truth->tables, table);
    }

  if (json_object_has_member (root, "real_errors"))
    {
      JsonArray *errors = json_object_get_array_member (root, "real_errors");

      for (guint e = 0; e < json_array_get_length (errors); e++)
        g_ptr_array_add (truth->real_errors, dup_string (json_array_get_object_element (errors, e), "check"));
    }
  return g_steal_pointer (&truth);
}

const char *
corpus_truth_get_document (CorpusTruth *truth)
{
  return truth->document;
}

static guint
table_count_cells (TruthTable *table)
{
  guint n = 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      TruthRow *row = g_ptr_array_index (table->rows, r);

      for (guint v = 0; v < row->values->len; v++)
        {
          double value;
          guint decimals;

          if (corpus_parse_printed (g_ptr_array_index (row->values, v), &value, &decimals))
            n++;
        }
    }
  return n;
}

guint
corpus_truth_count_cells (CorpusTruth *truth)
{
  guint n = 0;

  for (guint t = 0; t < truth->tables->len; t++)
    n += table_count_cells (g_ptr_array_index (truth->tables, t));
  return n;
}

guint
corpus_truth_count_tables (CorpusTruth *truth)
{
  return truth->tables->len;
}

/**
 * corpus_parse_printed:
 * @printed: (nullable): a number as a release prints it
 * @value: (out): its value
 * @decimals: (out): the digits after its decimal point
 *
 * Returns: whether @printed holds a number
 */
gboolean
corpus_parse_printed (const char *printed,
                      double     *value,
                      guint      *decimals)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean negative = FALSE;
  gboolean point = FALSE;
  guint after = 0;

  if (printed == NULL)
    return FALSE;
  for (const char *p = printed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Full-width digits are the ASCII ones. */
      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      if (c >= '0' && c <= '9')
        {
          g_string_append_c (digits, (char) c);
          after += point ? 1 : 0;
        }
      else if (c == '.' && !point)
        {
          g_string_append_c (digits, '.');
          point = TRUE;
        }
      else if (c == '(' || c == '-' || c == 0x2212 || c == 0x25B3 || c == 0x25B2 || c == 0xFF0D)
        negative = digits->len == 0 ? TRUE : negative;
    }
  if (digits->len == 0 || g_strcmp0 (digits->str, ".") == 0)
    return FALSE;
  *value = g_ascii_strtod (digits->str, NULL) * (negative ? -1 : 1);
  *decimals = after;
  return TRUE;
}

void
corpus_counts_add (CorpusCounts       *total,
                   const CorpusCounts *counts)
{
  guint *t = (guint *) total;
  const guint *c = (const guint *) counts;

  for (gsize i = 0; i < sizeof (CorpusCounts) / sizeof (guint); i++)
    t[i] += c[i];
}

/* A sum check runs on a total, in each column where it has a value, when
 * at least two of the rows it totals are in its table (as
 * kessan-checks.c decides); a percent or change cell is checked against
 * its amounts. */
static guint
count_checks_run (KessanStatement *statement)
{
  KessanConcepts *concepts = kessan_concepts_get_default ();
  guint n_columns = kessan_statement_get_n_columns (statement);
  guint n = 0;

  for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);
      const char *concept = kessan_line_item_get_concept (row);
      const char * const *components = concept != NULL ? kessan_concepts_get_components (concepts, concept) : NULL;
      guint present = 0;

      for (guint i = 0; components != NULL && components[i] != NULL; i++)
        present += kessan_statement_find_row (statement, components[i]) != NULL ? 1 : 0;
      for (guint c = 0; c < n_columns; c++)
        {
          KessanColumn *column = kessan_statement_get_column (statement, c);
          double value;

          if (!cell_value (row, c, &value))
            continue;
          if (kessan_column_get_measure (column) != KESSAN_MEASURE_AMOUNT)
            n++;
          else if (present >= 2)
            n++;
        }
    }
  return n;
}

void
corpus_count_filing (KessanFiling *filing,
                     CorpusCounts *counts)
{
  GListModel *findings = kessan_filing_get_findings (filing);

  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);

      counts->tables++;
      for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
        {
          KessanLineItem *row = kessan_statement_get_row (statement, r);

          for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
            {
              KessanColumn *column = kessan_statement_get_column (statement, c);
              double value;

              if (!cell_value (row, c, &value))
                continue;
              counts->cells++;
              counts->period_known += column_period_end (column) != NULL ? 1 : 0;
              counts->currency_known += cell_currency (row, column) != NULL ? 1 : 0;
              counts->scale_known += cell_scale_known (row, column) ? 1 : 0;
            }
        }
      counts->checks_run += count_checks_run (statement);
    }

  for (guint f = 0; f < g_list_model_get_n_items (findings); f++)
    {
      g_autoptr(KessanFinding) finding = g_list_model_get_item (findings, f);

      switch (kessan_finding_get_severity (finding))
        {
        case KESSAN_SEVERITY_ERROR:
          counts->errors++;
          break;
        case KESSAN_SEVERITY_INFO:
          counts->checks_not_run++;
          break;
        case KESSAN_SEVERITY_WARNING:
        default:
          break;
        }
    }
}

/* Scoring. */

static gboolean
same_value (double read,
            double truth,
            guint  decimals)
{
  return fabs (read - truth) <= 0.5 * pow (10, -(double) decimals) + 1e-9;
}

static gboolean
same_period (KessanColumn *column,
             TruthColumn  *truth)
{
  /* A column that is no period (a cumulative amount, a potential) has
   * no period end in the truth either. */
  if (g_strcmp0 (column_period_end (column), truth->end) != 0)
    return FALSE;
  if (truth->months > 0 && column_months (column) != truth->months)
    return FALSE;
  if (truth->start != NULL && g_strcmp0 (column_period_start (column), truth->start) != 0)
    return FALSE;
  return column_is_forecast (column) == truth->forecast;
}

static gboolean
same_label (KessanLineItem *row,
            TruthRow       *truth)
{
  g_autofree char *read = NULL;
  g_autofree char *expected = NULL;

  if (truth->concept != NULL && g_strcmp0 (kessan_line_item_get_concept (row), truth->concept) == 0)
    return TRUE;
  if (truth->label == NULL)
    return FALSE;
  read = kessan_concepts_fold_label (kessan_line_item_get_label (row));
  expected = kessan_concepts_fold_label (truth->label);
  return g_strcmp0 (read, expected) == 0;
}

/* The @nth row of @statement with @truth's label (a label printed twice,
 * such as "Basic", is matched in order), or NULL. */
static KessanLineItem *
find_row (KessanStatement *statement,
          TruthRow        *truth,
          guint            nth)
{
  for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);

      if (kessan_line_item_get_heading (row) || !same_label (row, truth))
        continue;
      if (nth == 0)
        return row;
      nth--;
    }
  return NULL;
}

/* How many rows before @index in @table have the same label. */
static guint
label_occurrence (TruthTable *table,
                  guint       index)
{
  TruthRow *row = g_ptr_array_index (table->rows, index);
  guint n = 0;

  for (guint r = 0; r < index; r++)
    {
      TruthRow *other = g_ptr_array_index (table->rows, r);

      if (g_strcmp0 (other->label, row->label) == 0 && g_strcmp0 (other->concept, row->concept) == 0)
        n++;
    }
  return n;
}

typedef struct
{
  guint value;
  guint period;
  guint currency;
  guint scale;
  guint rows_found;
  guint row_missed;
} TableScore;

/* Which column of @statement holds the truth cell: the one of its period
 * when it has the value, else one that has the value (the one at the
 * same position first), else the one of its period, else the one at the
 * same position.  -1 when there is none. */
static int
locate_column (KessanStatement *statement,
               KessanLineItem  *row,
               TruthColumn     *truth,
               guint            position,
               double           expected,
               guint            decimals,
               gboolean        *value_right)
{
  guint n_columns = kessan_statement_get_n_columns (statement);
  int by_period = -1;
  int by_value = -1;
  double value;

  *value_right = FALSE;
  for (guint c = 0; c < n_columns; c++)
    {
      KessanColumn *column = kessan_statement_get_column (statement, c);
      gboolean has = cell_value (row, c, &value) && same_value (value, expected, decimals);

      if (same_period (column, truth) && (by_period < 0 || has))
        by_period = (int) c;
      if (has && (by_value < 0 || c == position))
        by_value = (int) c;
    }
  if (by_period >= 0 && cell_value (row, (guint) by_period, &value) && same_value (value, expected, decimals))
    {
      *value_right = TRUE;
      return by_period;
    }
  if (by_value >= 0)
    {
      *value_right = TRUE;
      return by_value;
    }
  if (by_period >= 0)
    return by_period;
  return position < n_columns ? (int) position : -1;
}

static const char *
expected_currency (TruthTable  *table,
                   TruthColumn *column,
                   TruthRow    *row)
{
  const char *code = row->currency != NULL ? row->currency
                     : column->currency != NULL ? column->currency
                     : table->currency;

  return code != NULL && *code != '\0' ? code : NULL;
}

static guint
expected_scale (TruthTable  *table,
                TruthColumn *column,
                TruthRow    *row)
{
  if (row->scale > 0)
    return (guint) row->scale;
  if (column->scale > 0)
    return (guint) column->scale;
  return table->scale;
}

static void
describe_miss (GString         *misses,
               TruthTable      *table,
               TruthRow        *row,
               TruthColumn     *truth_column,
               const char      *printed,
               KessanStatement *statement,
               KessanLineItem  *read_row,
               int              column_index,
               const char      *what)
{
  g_string_append_printf (misses, "  [%s] %s | %s/%u | %s: %s", table->title != NULL ? table->title : table->kind,
                          row->label != NULL ? row->label : row->concept,
                          truth_column->end != NULL ? truth_column->end : "?", truth_column->months,
                          printed, what);
  if (statement != NULL && column_index >= 0)
    {
      KessanColumn *column = kessan_statement_get_column (statement, (guint) column_index);
      double value;
      const char *currency = cell_currency (read_row, column);

      g_string_append_printf (misses, " — read in %s col %d: ", kessan_statement_get_id (statement), column_index);
      if (cell_value (read_row, (guint) column_index, &value))
        g_string_append_printf (misses, "%.15g", value);
      else
        g_string_append (misses, "(empty)");
      g_string_append_printf (misses, " %s/%u %s ×%u", column_period_end (column) != NULL ? column_period_end (column) : "?",
                              column_months (column), currency != NULL ? currency : "-", cell_scale (read_row, column));
    }
  else if (statement != NULL)
    g_string_append_printf (misses, " — no such row in %s", kessan_statement_get_id (statement));
  g_string_append_c (misses, '\n');
}

static void
score_table (TruthTable      *table,
             KessanStatement *statement,
             TableScore      *score,
             GString         *misses)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      TruthRow *row = g_ptr_array_index (table->rows, r);
      KessanLineItem *read_row = statement != NULL ? find_row (statement, row, label_occurrence (table, r)) : NULL;

      score->rows_found += read_row != NULL ? 1 : 0;
      for (guint c = 0; c < table->columns->len; c++)
        {
          TruthColumn *truth_column = &g_array_index (table->columns, TruthColumn, c);
          const char *printed = g_ptr_array_index (row->values, c);
          gboolean value_right = FALSE;
          gboolean period_right = FALSE;
          gboolean currency_right = FALSE;
          gboolean scale_right = FALSE;
          double expected;
          guint decimals;
          int column_index = -1;

          if (!corpus_parse_printed (printed, &expected, &decimals))
            continue;
          if (read_row != NULL)
            column_index = locate_column (statement, read_row, truth_column, c, expected, decimals, &value_right);
          else
            score->row_missed++;
          if (column_index >= 0)
            {
              KessanColumn *column = kessan_statement_get_column (statement, (guint) column_index);

              period_right = same_period (column, truth_column);
              currency_right = g_strcmp0 (cell_currency (read_row, column), expected_currency (table, truth_column, row)) == 0;
              scale_right = cell_scale (read_row, column) == expected_scale (table, truth_column, row);
            }
          score->value += value_right;
          score->period += period_right;
          score->currency += currency_right;
          score->scale += scale_right;
          if (misses != NULL && !(value_right && period_right && currency_right && scale_right))
            {
              g_autoptr(GString) what = g_string_new (NULL);

              if (!value_right)
                g_string_append (what, " value");
              if (!period_right)
                g_string_append (what, " period");
              if (!currency_right)
                g_string_append (what, " currency");
              if (!scale_right)
                g_string_append (what, " scale");
              describe_miss (misses, table, row, truth_column, printed, statement, read_row, column_index, what->str + 1);
            }
        }
    }
}

/* The statement that reads the most of @table right, the one of the
 * same kind on a tie; NULL when none has any of its rows. */
static KessanStatement *
best_statement (KessanFiling *filing,
                TruthTable   *table)
{
  KessanStatement *best = NULL;
  TableScore best_score = { 0 };

  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);
      TableScore score = { 0 };
      gboolean same_kind = g_strcmp0 (kessan_statement_kind_to_string (kessan_statement_get_kind (statement)), table->kind) == 0;

      score_table (table, statement, &score, NULL);
      if (score.rows_found == 0)
        continue;
      if (best == NULL || score.value > best_score.value
          || (score.value == best_score.value && score.rows_found > best_score.rows_found)
          || (score.value == best_score.value && score.rows_found == best_score.rows_found && same_kind
              && kessan_statement_get_kind (best) != kessan_statement_get_kind (statement)))
        {
          best = statement;
          best_score = score;
        }
    }
  return best;
}

void
corpus_score_filing (KessanFiling *filing,
                     CorpusTruth  *truth,
                     CorpusCounts *counts,
                     GString      *misses)
{
  GListModel *findings = kessan_filing_get_findings (filing);
  g_autoptr(GPtrArray) excused = g_ptr_array_new ();

  /* Each real error of the source excuses one finding of its check. */
  for (guint e = 0; e < truth->real_errors->len; e++)
    g_ptr_array_add (excused, g_ptr_array_index (truth->real_errors, e));
  counts->truth_files++;
  for (guint t = 0; t < truth->tables->len; t++)
    {
      TruthTable *table = g_ptr_array_index (truth->tables, t);
      KessanStatement *statement = best_statement (filing, table);
      TableScore score = { 0 };

      counts->truth_tables++;
      counts->truth_cells += table_count_cells (table);
      if (statement == NULL)
        {
          counts->missed_tables++;
          if (misses != NULL)
            g_string_append_printf (misses, "  [%s] table missed: %u cells\n",
                                    table->title != NULL ? table->title : table->kind, table_count_cells (table));
          continue;
        }
      score_table (table, statement, &score, misses);
      counts->value_right += score.value;
      counts->period_right += score.period;
      counts->currency_right += score.currency;
      counts->scale_right += score.scale;
      counts->row_missed += score.row_missed;
    }

  for (guint f = 0; f < g_list_model_get_n_items (findings); f++)
    {
      g_autoptr(KessanFinding) finding = g_list_model_get_item (findings, f);
      guint index;

      if (kessan_finding_get_severity (finding) != KESSAN_SEVERITY_ERROR)
        continue;
      counts->truth_errors++;
      if (g_ptr_array_find_with_equal_func (excused, kessan_finding_get_check (finding), g_str_equal, &index))
        {
          g_ptr_array_remove_index (excused, index);
          continue;
        }
      counts->false_errors++;
      if (misses != NULL)
        g_string_append_printf (misses, "  false error [%s] %s: %s\n", kessan_finding_get_check (finding),
                                kessan_finding_get_statement (finding) != NULL ? kessan_finding_get_statement (finding) : "release",
                                kessan_finding_get_message (finding));
    }
}
