/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-export"

#include "kessan-export.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "kessan-correction-private.h"
#include "kessan-error.h"
#include "kessan-export-private.h"
#include "kessan-export-members-private.h"
#include "kessan-format.h"
#include "kessan-json-writer-private.h"
#include "kessan-safe-text.h"

#define FORMAT_NAME "kessan-filing"
#define FORMAT_VERSION 2
/* The oldest version still read. */
#define FORMAT_VERSION_MIN 1

/* The line item keeps at most the decimals the writer prints; a file
 * asking for more is not one we wrote. */
#define MAX_DECIMALS KESSAN_JSON_MAX_DECIMALS

/* Our own files nest six levels deep.  json-glib's parser recurses once
 * per level, so a hostile file of nested brackets would exhaust the
 * stack: anything deeper than this is refused before it is parsed. */
#define MAX_NESTING 64

/* Integers of up to 18 digits fit in 64 bits; larger ones are written
 * with an exponent (see kessan_json_format_fixed()). */
#define MAX_INTEGER_DIGITS 18

/* Number text
 *
 * Values are written as they were printed in the release: "35.2", not
 * the 17 significant digits json-glib's generator gives every double,
 * and "3236405", not "3236405.0".  A value whose stored decimals do not
 * reproduce it exactly (one computed rather than read) falls back to the
 * shortest text that does, so a round trip never changes a number. */

static void
format_value (char   *buf,
              gsize   size,
              double  value,
              guint   decimals)
{
  g_assert (isfinite (value));

  /* Beyond 18 digits, an integer would not survive a round trip through
   * the reader: such values, like those their decimals do not reproduce,
   * take the shortest text that reads back exactly. */
  if (!kessan_json_format_fixed (buf, size, value, decimals) ||
      g_ascii_strtod (buf, NULL) != value)
    kessan_json_format_shortest (buf, size, value);
}

/* The fewest decimals that print @value exactly: how a value read
 * without a "decimals" entry was most likely printed. */
static guint
infer_decimals (double value)
{
  if (fabs (value) >= KESSAN_JSON_MAX_FIXED)
    return 0;

  for (guint decimals = 0; decimals <= MAX_DECIMALS; decimals++)
    {
      char buf[KESSAN_JSON_NUMBER_BUF_SIZE];
      char format[8];

      g_snprintf (format, sizeof format, "%%.%uf", decimals);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        return decimals;
    }

  return 0;
}

/* JSON: the writer's layout, with arrays of scalars (values, lines) on
 * one line, aligned with the columns they describe. */

static void
write_column (KessanJsonWriter *w,
              KessanColumn     *column)
{
  kessan_json_writer_next (w);
  kessan_json_writer_begin (w, '{', FALSE);
  kessan_json_writer_string (w, "period_start", kessan_column_get_period_start (column));
  kessan_json_writer_string (w, "period_end", kessan_column_get_period_end (column));
  kessan_json_writer_uint_or_null (w, "months", kessan_column_get_months (column));
  kessan_json_writer_string (w, "measure", kessan_measure_to_string (kessan_column_get_measure (column)));
  kessan_json_writer_string (w, "currency", kessan_column_get_currency_code (column));
  kessan_json_writer_uint (w, "scale", kessan_column_get_scale (column));
  kessan_json_writer_string (w, "unit", kessan_unit_to_string (kessan_column_get_unit (column)));
  if (kessan_column_get_compared_end (column) != NULL)
    kessan_json_writer_string (w, "compared_end", kessan_column_get_compared_end (column));
  kessan_json_writer_string (w, "header", kessan_column_get_header (column));
  kessan_json_writer_string (w, "scenario", kessan_scenario_to_string (kessan_column_get_scenario (column)));
  kessan_json_writer_string (w, "consolidation",
                             kessan_consolidation_to_string (kessan_column_get_consolidation (column)));
  kessan_export_write_members (w, kessan_column_get_members (column));
  kessan_json_writer_end (w, '}');
}

/* Readers infer decimals from the number text when "decimals" is absent,
 * so the array is only written when that inference could be wrong. */
static gboolean
row_needs_decimals (KessanLineItem *row,
                    guint           n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      if (!kessan_line_item_has_value (row, i))
        continue;

      if (kessan_line_item_get_decimals (row, i) > 0 ||
          kessan_line_item_get_value (row, i) != floor (kessan_line_item_get_value (row, i)))
        return TRUE;
    }

  return FALSE;
}

static void
write_row (KessanJsonWriter    *w,
           KessanLineItem      *row,
           guint                n_columns,
           KessanLabelLanguage  labels)
{
  KessanUnit unit = kessan_line_item_get_unit (row);
  g_autofree char *label = kessan_line_item_dup_label_in (row, labels, NULL);

  /* A row on one line: a library filing of a long table stays about
   * half the size, and a row still reads as one. */
  kessan_json_writer_next (w);
  kessan_json_writer_begin (w, '{', TRUE);
  kessan_json_writer_string (w, "label", label);
  /* An export in another language keeps what the release printed. */
  if (g_strcmp0 (label, kessan_line_item_get_label (row)) != 0)
    kessan_json_writer_string (w, "printed_label", kessan_line_item_get_label (row));
  kessan_json_writer_string (w, "concept", kessan_line_item_get_concept (row));
  kessan_json_writer_string (w, "label_en", kessan_line_item_get_label_en (row));
  kessan_json_writer_string (w, "label_ja", kessan_line_item_get_label_ja (row));
  kessan_json_writer_uint (w, "depth", kessan_line_item_get_depth (row));
  kessan_json_writer_bool (w, "total", kessan_line_item_get_total (row));
  if (kessan_line_item_get_heading (row))
    kessan_json_writer_bool (w, "heading", TRUE);
  if (unit != KESSAN_UNIT_NONE)
    kessan_json_writer_string (w, "unit", kessan_unit_to_string (unit));
  /* Only a row that states a scale of its own has one. */
  if (kessan_line_item_get_scale (row) != 0)
    kessan_json_writer_uint (w, "scale", kessan_line_item_get_scale (row));
  kessan_json_writer_uint (w, "line", kessan_line_item_get_line (row));

  /* Exactly one entry per column of the statement, whatever the row's
   * own number of slots: a ragged row's missing cells are null. */
  kessan_json_writer_key (w, "values");
  g_string_append_c (w->out, '[');
  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append (w->out, ", ");

      if (kessan_line_item_has_value (row, i))
        {
          char buf[KESSAN_JSON_NUMBER_BUF_SIZE];

          format_value (buf, sizeof buf,
                        kessan_line_item_get_value (row, i),
                        kessan_line_item_get_decimals (row, i));
          g_string_append (w->out, buf);
        }
      else
        g_string_append (w->out, "null");
    }
  g_string_append_c (w->out, ']');

  kessan_json_writer_key (w, "lines");
  g_string_append_c (w->out, '[');
  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append (w->out, ", ");

      if (kessan_line_item_has_value (row, i))
        kessan_json_append_uint (w->out, kessan_line_item_get_value_line (row, i));
      else
        g_string_append (w->out, "null");
    }
  g_string_append_c (w->out, ']');

  if (row_needs_decimals (row, n_columns))
    {
      kessan_json_writer_key (w, "decimals");
      g_string_append_c (w->out, '[');
      for (guint i = 0; i < n_columns; i++)
        {
          if (i > 0)
            g_string_append (w->out, ", ");

          if (kessan_line_item_has_value (row, i))
            g_string_append_printf (w->out, "%u", kessan_line_item_get_decimals (row, i));
          else
            g_string_append (w->out, "null");
        }
      g_string_append_c (w->out, ']');
    }

  if (kessan_line_item_has_extras (row))
    kessan_export_write_cell_extras (w, row, n_columns);

  kessan_json_writer_end (w, '}');
}

static void
write_statement (KessanJsonWriter    *w,
                 KessanStatement     *statement,
                 KessanLabelLanguage  labels)
{
  guint n_columns = kessan_statement_get_n_columns (statement);
  guint n_rows = kessan_statement_get_n_rows (statement);

  kessan_json_writer_next (w);
  kessan_json_writer_begin (w, '{', FALSE);
  kessan_json_writer_string (w, "id", kessan_statement_get_id (statement));
  kessan_json_writer_string (w, "kind", kessan_statement_kind_to_string (kessan_statement_get_kind (statement)));
  kessan_json_writer_string (w, "language", kessan_statement_get_language (statement));
  kessan_json_writer_string (w, "title", kessan_statement_get_title (statement));
  kessan_json_writer_string (w, "topic", kessan_statement_get_topic (statement));
  if (kessan_statement_get_transposed (statement))
    kessan_json_writer_bool (w, "transposed", TRUE);
  kessan_json_writer_key (w, "lines");
  g_string_append_printf (w->out, "[%u, %u]",
                          kessan_statement_get_first_line (statement),
                          kessan_statement_get_last_line (statement));

  kessan_json_writer_key (w, "columns");
  kessan_json_writer_begin (w, '[', FALSE);
  for (guint i = 0; i < n_columns; i++)
    write_column (w, kessan_statement_get_column (statement, i));
  kessan_json_writer_end (w, ']');

  kessan_json_writer_key (w, "rows");
  kessan_json_writer_begin (w, '[', FALSE);
  for (guint i = 0; i < n_rows; i++)
    write_row (w, kessan_statement_get_row (statement, i), n_columns, labels);
  kessan_json_writer_end (w, ']');

  kessan_json_writer_end (w, '}');
}

static void
write_finding (KessanJsonWriter *w,
               KessanFinding    *finding)
{
  const guint *lines;
  guint n_lines;

  lines = kessan_finding_get_lines (finding, &n_lines);

  kessan_json_writer_next (w);
  kessan_json_writer_begin (w, '{', FALSE);
  kessan_json_writer_string (w, "check", kessan_finding_get_check (finding));
  kessan_json_writer_string (w, "severity", kessan_severity_to_string (kessan_finding_get_severity (finding)));
  kessan_json_writer_string (w, "statement", kessan_finding_get_statement (finding));
  kessan_json_writer_string (w, "message", kessan_finding_get_message (finding));
  kessan_json_writer_key (w, "lines");
  g_string_append_c (w->out, '[');
  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (w->out, i > 0 ? ", %u" : "%u", lines[i]);
  g_string_append_c (w->out, ']');

  {
    const char * const *rows = kessan_finding_get_rows (finding);
    const guint *columns;
    guint n_columns;
    double expected, found;

    if (rows[0] != NULL)
      {
        kessan_json_writer_key (w, "rows");
        g_string_append_c (w->out, '[');
        for (guint i = 0; rows[i] != NULL; i++)
          {
            if (i > 0)
              g_string_append (w->out, ", ");
            kessan_json_append_string (w->out, rows[i]);
          }
        g_string_append_c (w->out, ']');
      }
    columns = kessan_finding_get_columns (finding, &n_columns);
    if (n_columns > 0)
      {
        kessan_json_writer_key (w, "columns");
        g_string_append_c (w->out, '[');
        for (guint i = 0; i < n_columns; i++)
          g_string_append_printf (w->out, i > 0 ? ", %u" : "%u", columns[i]);
        g_string_append_c (w->out, ']');
      }
    if (kessan_finding_get_other_statement (finding) != NULL)
      kessan_json_writer_string (w, "other_statement", kessan_finding_get_other_statement (finding));
    if (kessan_finding_get_values (finding, &expected, &found))
      {
        char buf[KESSAN_JSON_NUMBER_BUF_SIZE];

        kessan_json_writer_key (w, "expected");
        kessan_json_format_shortest (buf, sizeof buf, expected);
        g_string_append (w->out, buf);
        kessan_json_writer_key (w, "found");
        kessan_json_format_shortest (buf, sizeof buf, found);
        g_string_append (w->out, buf);
      }
  }
  kessan_json_writer_end (w, '}');
}

/**
 * kessan_filing_to_json:
 * @filing: a #KessanFiling
 * @include_text: whether to add the decoded source text as "text"
 *
 * Serialises @filing in the public export format described in
 * docs/json-format.md, pretty printed with two-space indentation and
 * without a trailing newline.  Each row gets exactly one value per column
 * of its statement.
 *
 * Returns: (transfer full): the JSON text
 */
static char *
filing_to_json (KessanFiling        *filing,
                gboolean             include_text,
                const char          *only,
                KessanLabelLanguage  labels)
{
  KessanJsonWriter w = { .out = g_string_new (NULL) };
  const char * const *languages;
  double rate;
  guint n_statements;
  guint n_findings;

  g_return_val_if_fail (KESSAN_IS_FILING (filing), NULL);

  kessan_json_writer_begin (&w, '{', FALSE);

  kessan_json_writer_string (&w, "format", FORMAT_NAME);
  kessan_json_writer_uint (&w, "version", FORMAT_VERSION);
  kessan_json_writer_string (&w, "company", kessan_filing_get_company (filing));
  kessan_export_write_company_ids (&w, kessan_filing_get_company_info (filing));
  kessan_json_writer_string (&w, "accounting_standard",
                             kessan_accounting_standard_to_string (kessan_filing_get_accounting_standard (filing)));
  kessan_json_writer_string (&w, "consolidation",
                             kessan_consolidation_to_string (kessan_filing_get_consolidation (filing)));

  kessan_json_writer_key (&w, "period");
  kessan_json_writer_begin (&w, '{', FALSE);
  kessan_json_writer_uint_or_null (&w, "fiscal_year", kessan_filing_get_fiscal_year (filing));
  kessan_json_writer_uint (&w, "fiscal_quarter", kessan_filing_get_fiscal_quarter (filing));
  kessan_json_writer_string (&w, "start", kessan_filing_get_period_start (filing));
  kessan_json_writer_string (&w, "end", kessan_filing_get_period_end (filing));
  kessan_json_writer_uint_or_null (&w, "months", kessan_filing_get_period_months (filing));
  kessan_export_write_fiscal_year_end (&w, filing);
  kessan_json_writer_string (&w, "fiscal_label", kessan_filing_get_fiscal_label (filing));
  kessan_json_writer_end (&w, '}');

  kessan_json_writer_string (&w, "released", kessan_filing_get_released (filing));

  kessan_json_writer_key (&w, "languages");
  g_string_append_c (w.out, '[');
  languages = kessan_filing_get_languages (filing);
  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (w.out, ", ");
      kessan_json_append_string (w.out, languages[i]);
    }
  g_string_append_c (w.out, ']');

  kessan_json_writer_key (&w, "exchange_rate");
  rate = kessan_filing_get_jpy_per_usd (filing);
  if (rate > 0.0)
    {
      char buf[KESSAN_JSON_NUMBER_BUF_SIZE];

      kessan_json_format_shortest (buf, sizeof buf, rate);
      kessan_json_writer_begin (&w, '{', FALSE);
      kessan_json_writer_key (&w, "jpy_per_usd");
      g_string_append (w.out, buf);
      kessan_json_writer_string (&w, "as_of", kessan_filing_get_rate_as_of (filing));
      kessan_json_writer_end (&w, '}');
    }
  else
    g_string_append (w.out, "null");

  kessan_json_writer_key (&w, "source");
  kessan_json_writer_begin (&w, '{', FALSE);
  kessan_json_writer_string (&w, "name", kessan_filing_get_source_name (filing));
  kessan_json_writer_string (&w, "sha256", kessan_filing_get_source_hash (filing));
  kessan_json_writer_string (&w, "encoding", kessan_filing_get_source_encoding (filing));
  kessan_export_write_parts (&w, filing);
  kessan_json_writer_end (&w, '}');

  kessan_json_writer_key (&w, "statements");
  kessan_json_writer_begin (&w, '[', FALSE);
  n_statements = kessan_filing_get_n_statements (filing);
  for (guint i = 0; i < n_statements; i++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, i);

      if (only == NULL || g_strcmp0 (kessan_statement_get_id (statement), only) == 0)
        write_statement (&w, statement, labels);
    }
  kessan_json_writer_end (&w, ']');

  kessan_json_writer_key (&w, "findings");
  kessan_json_writer_begin (&w, '[', FALSE);
  n_findings = kessan_filing_get_n_findings (filing);
  for (guint i = 0; i < n_findings; i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);
      const char *statement = kessan_finding_get_statement (finding);

      if (only == NULL || statement == NULL || g_str_equal (statement, only))
        write_finding (&w, finding);
    }
  kessan_json_writer_end (&w, ']');

  /* Only a filing corrected on import has the member, so that the files
   * of every other filing stay as they were. */
  if (only == NULL && g_list_model_get_n_items (kessan_filing_get_corrections (filing)) > 0)
    {
      kessan_json_writer_key (&w, "corrections");
      kessan_corrections_write (&w, kessan_filing_get_corrections (filing));
    }

  if (include_text)
    kessan_json_writer_string (&w, "text", kessan_filing_get_text (filing));

  kessan_json_writer_end (&w, '}');

  return g_string_free (w.out, FALSE);
}

/* JSON reader
 *
 * Every member is checked for its type before it is used, and every
 * error names the member by its path ("statements[1].rows[4].values"),
 * so a damaged library file can be found and mended. */

static gboolean G_GNUC_PRINTF (4, 5)
fail (GError     **error,
      const char  *path,
      const char  *member,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL && *path != '\0' && member != NULL)
    g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                 "Malformed filing: %s.%s: %s", path, member, message);
  else if (path != NULL && *path != '\0')
    g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                 "Malformed filing: %s: %s", path, message);
  else if (member != NULL)
    g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                 "Malformed filing: %s: %s", member, message);
  else
    g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                 "Malformed filing: %s", message);

  return FALSE;
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";

    case JSON_NODE_ARRAY:
      return "an array";

    case JSON_NODE_NULL:
      return "null";

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";

    case G_TYPE_BOOLEAN:
      return "a boolean";

    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return "a number";

    default:
      return "an unknown value";
    }
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* Looks up @member.  A missing member is an error when @required and
 * otherwise reads as null; *node is NULL for null. */
static gboolean
get_member (JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     required,
            JsonNode   **node,
            GError     **error)
{
  *node = json_object_get_member (object, member);

  if (*node == NULL && required)
    return fail (error, path, member, "missing");

  if (*node != NULL && JSON_NODE_HOLDS_NULL (*node))
    *node = NULL;

  return TRUE;
}

static gboolean
check_string (JsonNode    *node,
              const char  *path,
              const char  *member,
              const char **value,
              GError     **error)
{
  const char *str;

  *value = NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, path, member, "expected a string, found %s", describe_node (node));

  str = json_node_get_string (node);
  if (!g_utf8_validate (str, -1, NULL))
    return fail (error, path, member, "the string is not valid UTF-8");

  *value = str;
  return TRUE;
}

/* A string member; *value is NULL when the member is null or, unless
 * @required, missing.  @nullable says whether null is allowed. */
static gboolean
read_string (JsonObject  *object,
             const char  *path,
             const char  *member,
             gboolean     required,
             gboolean     nullable,
             const char **value,
             GError     **error)
{
  JsonNode *node;

  *value = NULL;

  if (!get_member (object, path, member, required, &node, error))
    return FALSE;

  if (node == NULL)
    {
      if (!nullable && json_object_has_member (object, member))
        return fail (error, path, member, "expected a string, found null");
      return TRUE;
    }

  return check_string (node, path, member, value, error);
}

static gboolean
is_iso_date (const char *str)
{
  guint year, month, day;

  if (strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
        return FALSE;
    }

  year = (guint)g_ascii_strtoull (str, NULL, 10);
  month = (guint)g_ascii_strtoull (str + 5, NULL, 10);
  day = (guint)g_ascii_strtoull (str + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy (day, month, year);
}

static gboolean
read_date (JsonObject  *object,
           const char  *path,
           const char  *member,
           const char **value,
           GError     **error)
{
  if (!read_string (object, path, member, FALSE, TRUE, value, error))
    return FALSE;

  if (*value != NULL && !is_iso_date (*value))
    return fail (error, path, member, "“%s” is not an ISO date (YYYY-MM-DD)", *value);

  return TRUE;
}

static gboolean
check_uint (JsonNode    *node,
            const char  *path,
            const char  *member,
            guint        max,
            guint       *value,
            GError     **error)
{
  gint64 v;

  *value = 0;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return fail (error, path, member, "expected a whole number, found %s",
                   g_ascii_formatd (buf, sizeof buf, "%g", json_node_get_double (node)));
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, path, member, "expected a whole number, found %s", describe_node (node));

  v = json_node_get_int (node);
  if (v < 0 || (guint64)v > max)
    return fail (error, path, member, "%" G_GINT64_FORMAT " is out of range (0 to %u)", v, max);

  *value = (guint)v;
  return TRUE;
}

/* A whole-number member; missing or null (where @nullable) reads as
 * @fallback. */
static gboolean
read_uint (JsonObject  *object,
           const char  *path,
           const char  *member,
           gboolean     required,
           gboolean     nullable,
           guint        max,
           guint        fallback,
           guint       *value,
           GError     **error)
{
  JsonNode *node;

  *value = fallback;

  if (!get_member (object, path, member, required, &node, error))
    return FALSE;

  if (node == NULL)
    {
      if (!nullable && json_object_has_member (object, member))
        return fail (error, path, member, "expected a whole number, found null");
      return TRUE;
    }

  return check_uint (node, path, member, max, value, error);
}

static gboolean
read_bool (JsonObject  *object,
           const char  *path,
           const char  *member,
           gboolean    *value,
           GError     **error)
{
  JsonNode *node;

  *value = FALSE;

  node = json_object_get_member (object, member);
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, path, member, "expected true or false, found %s", describe_node (node));

  *value = json_node_get_boolean (node);
  return TRUE;
}

/* An array member; *array is NULL when it is missing (and not required)
 * or null (where @nullable). */
static gboolean
read_array (JsonObject  *object,
            const char  *path,
            const char  *member,
            gboolean     required,
            gboolean     nullable,
            JsonArray  **array,
            GError     **error)
{
  JsonNode *node;

  *array = NULL;

  if (!get_member (object, path, member, required, &node, error))
    return FALSE;

  if (node == NULL)
    {
      if (!nullable && json_object_has_member (object, member))
        return fail (error, path, member, "expected an array, found null");
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, path, member, "expected an array, found %s", describe_node (node));

  *array = json_node_get_array (node);
  return TRUE;
}

static gboolean
read_object (JsonObject  *object,
             const char  *path,
             const char  *member,
             JsonObject **child,
             GError     **error)
{
  JsonNode *node;

  *child = NULL;

  if (!get_member (object, path, member, FALSE, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, path, member, "expected an object, found %s", describe_node (node));

  *child = json_node_get_object (node);
  return TRUE;
}

static gboolean
element_object (JsonArray   *array,
                guint        index,
                const char  *path,
                JsonObject **object,
                GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  *object = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, path, NULL, "expected an object, found %s", describe_node (node));

  *object = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_column (JsonObject    *object,
             const char    *path,
             KessanColumn **out,
             GError       **error)
{
  g_autoptr(KessanColumn) column = kessan_column_new ();
  const char *period_start, *period_end, *compared_end, *header, *str, *currency;
  KessanMeasure measure;
  KessanCurrency ignored;
  KessanScenario scenario = KESSAN_SCENARIO_ACTUAL;
  KessanConsolidation consolidation = KESSAN_CONSOLIDATION_UNKNOWN;
  KessanUnit unit;
  JsonArray *members;
  g_autoptr(GPtrArray) member_names = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  guint months, scale;

  if (!read_date (object, path, "period_start", &period_start, error) ||
      !read_date (object, path, "period_end", &period_end, error) ||
      !read_uint (object, path, "months", FALSE, TRUE, 1200, 0, &months, error) ||
      !read_uint (object, path, "scale", FALSE, FALSE, G_MAXUINT, 1, &scale, error) ||
      !read_date (object, path, "compared_end", &compared_end, error) ||
      !read_string (object, path, "header", FALSE, TRUE, &header, error))
    return FALSE;

  if (!read_string (object, path, "measure", TRUE, FALSE, &str, error))
    return FALSE;
  if (!kessan_measure_from_string (str, &measure))
    return fail (error, path, "measure", "unknown measure “%s”", str);

  if (!read_string (object, path, "currency", FALSE, TRUE, &currency, error))
    return FALSE;
  if (!kessan_currency_from_string (currency, &ignored))
    return fail (error, path, "currency", "unknown currency “%s”", currency);

  if (!read_string (object, path, "scenario", FALSE, TRUE, &str, error))
    return FALSE;
  if (str != NULL && !kessan_scenario_from_string (str, &scenario))
    return fail (error, path, "scenario", "unknown scenario “%s”", str);

  if (!read_string (object, path, "consolidation", FALSE, TRUE, &str, error))
    return FALSE;
  if (str != NULL && !kessan_consolidation_from_string (str, &consolidation))
    return fail (error, path, "consolidation", "unknown consolidation “%s”", str);

  if (!read_array (object, path, "members", FALSE, TRUE, &members, error))
    return FALSE;
  for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
    {
      char member[32];

      g_snprintf (member, sizeof member, "members[%u]", i);
      if (!check_string (json_array_get_element (members, i), path, member, &str, error))
        return FALSE;
      g_ptr_array_add (member_names, (gpointer) str);
    }

  if (!read_string (object, path, "unit", FALSE, TRUE, &str, error))
    return FALSE;
  if (!kessan_unit_from_string (str, &unit))
    return fail (error, path, "unit", "unknown unit “%s”", str);

  if (scale == 0)
    return fail (error, path, "scale", "must be at least 1");

  kessan_column_set_period_start (column, period_start);
  kessan_column_set_period_end (column, period_end);
  kessan_column_set_months (column, months);
  kessan_column_set_measure (column, measure);
  kessan_column_set_currency_code (column, currency != NULL && strcmp (currency, "none") != 0 ? currency : NULL);
  kessan_column_set_scale (column, scale);
  kessan_column_set_scenario (column, scenario);
  kessan_column_set_consolidation (column, consolidation);
  kessan_column_set_members (column, (const char * const *) member_names->pdata);
  kessan_column_set_unit (column, unit);
  kessan_column_set_compared_end (column, compared_end);
  kessan_column_set_header (column, header);

  *out = g_steal_pointer (&column);
  return TRUE;
}

/* An array aligned with the columns: one entry per column. */
static gboolean
read_cell_array (JsonObject  *object,
                 const char  *path,
                 const char  *member,
                 gboolean     required,
                 guint        n_columns,
                 JsonArray  **array,
                 GError     **error)
{
  if (!read_array (object, path, member, required, FALSE, array, error))
    return FALSE;

  if (*array != NULL && json_array_get_length (*array) != n_columns)
    return fail (error, path, member,
                 "has %u %s but the statement has %u %s",
                 json_array_get_length (*array),
                 json_array_get_length (*array) == 1 ? "entry" : "entries",
                 n_columns, n_columns == 1 ? "column" : "columns");

  return TRUE;
}

static gboolean
read_fact (JsonNode    *node,
           const char  *path,
           const char  *member,
           KessanFact **out,
           GError     **error)
{
  g_autofree char *fact_path = g_strdup_printf ("%s.%s", path, member);
  JsonObject *object;
  JsonNode *decimals_node, *scale_node;
  const char *name, *context, *unit, *sign;
  int decimals = KESSAN_FACT_DECIMALS_NONE;
  int scale = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, path, member, "expected an object or null, found %s", describe_node (node));
  object = json_node_get_object (node);
  if (!read_string (object, fact_path, "name", TRUE, FALSE, &name, error) ||
      !read_string (object, fact_path, "context", FALSE, TRUE, &context, error) ||
      !read_string (object, fact_path, "unit", FALSE, TRUE, &unit, error) ||
      !read_string (object, fact_path, "sign", FALSE, TRUE, &sign, error) ||
      !get_member (object, fact_path, "decimals", FALSE, &decimals_node, error) ||
      !get_member (object, fact_path, "scale", FALSE, &scale_node, error))
    return FALSE;
  if (sign != NULL && strcmp (sign, "-") != 0)
    return fail (error, fact_path, "sign", "expected \"-\" or null");
  if (decimals_node != NULL)
    {
      if (JSON_NODE_HOLDS_VALUE (decimals_node) && json_node_get_value_type (decimals_node) == G_TYPE_STRING
          && g_strcmp0 (json_node_get_string (decimals_node), "INF") == 0)
        decimals = KESSAN_FACT_DECIMALS_INF;
      else if (json_node_get_value_type (decimals_node) == G_TYPE_INT64
               && ABS (json_node_get_int (decimals_node)) <= 100)
        decimals = json_node_get_int (decimals_node);
      else
        return fail (error, fact_path, "decimals", "expected a whole number, \"INF\" or null");
    }
  if (scale_node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (scale_node) || json_node_get_value_type (scale_node) != G_TYPE_INT64
          || ABS (json_node_get_int (scale_node)) > 100)
        return fail (error, fact_path, "scale", "expected a whole number");
      scale = json_node_get_int (scale_node);
    }

  *out = kessan_fact_new (name, context, unit, decimals, scale, sign != NULL);
  return TRUE;
}

/* "unreadable" and "facts" (version 2). */
static gboolean
read_cell_extras (JsonObject      *object,
                  const char      *path,
                  guint            n_columns,
                  KessanLineItem  *row,
                  GError         **error)
{
  JsonArray *unreadable, *facts;

  if (!read_cell_array (object, path, "unreadable", FALSE, n_columns, &unreadable, error) ||
      !read_cell_array (object, path, "facts", FALSE, n_columns, &facts, error))
    return FALSE;

  for (guint i = 0; unreadable != NULL && i < n_columns; i++)
    {
      JsonNode *node = json_array_get_element (unreadable, i);
      char member[32];

      g_snprintf (member, sizeof member, "unreadable[%u]", i);
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail (error, path, member, "expected a boolean, found %s", describe_node (node));
      if (!json_node_get_boolean (node))
        continue;
      if (kessan_line_item_has_value (row, i))
        return fail (error, path, member, "an unreadable cell has no value");
      kessan_line_item_set_unreadable (row, i, TRUE);
    }

  for (guint i = 0; facts != NULL && i < n_columns; i++)
    {
      JsonNode *node = json_array_get_element (facts, i);
      g_autoptr(KessanFact) fact = NULL;
      char member[32];

      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      g_snprintf (member, sizeof member, "facts[%u]", i);
      if (!read_fact (node, path, member, &fact, error))
        return FALSE;
      kessan_line_item_set_fact (row, i, fact);
    }

  return TRUE;
}

static gboolean
read_row (JsonObject      *object,
          const char      *path,
          guint            n_columns,
          KessanLineItem **out,
          GError         **error)
{
  g_autoptr(KessanLineItem) row = NULL;
  const char *label, *printed, *concept, *label_en, *label_ja, *str;
  JsonArray *values, *lines, *decimals;
  gboolean total, heading;
  KessanUnit unit;
  guint depth, line, scale;

  if (!read_string (object, path, "label", FALSE, TRUE, &label, error) ||
      !read_string (object, path, "printed_label", FALSE, TRUE, &printed, error) ||
      !read_string (object, path, "concept", FALSE, TRUE, &concept, error) ||
      !read_string (object, path, "label_en", FALSE, TRUE, &label_en, error) ||
      !read_string (object, path, "label_ja", FALSE, TRUE, &label_ja, error) ||
      !read_uint (object, path, "depth", FALSE, FALSE, G_MAXUINT, 0, &depth, error) ||
      !read_bool (object, path, "total", &total, error) ||
      !read_bool (object, path, "heading", &heading, error) ||
      !read_uint (object, path, "line", FALSE, TRUE, G_MAXUINT32, 0, &line, error) ||
      !read_uint (object, path, "scale", FALSE, TRUE, G_MAXUINT32, 0, &scale, error) ||
      !read_cell_array (object, path, "values", TRUE, n_columns, &values, error) ||
      !read_cell_array (object, path, "lines", FALSE, n_columns, &lines, error) ||
      !read_cell_array (object, path, "decimals", FALSE, n_columns, &decimals, error))
    return FALSE;

  if (!read_string (object, path, "unit", FALSE, TRUE, &str, error))
    return FALSE;
  if (!kessan_unit_from_string (str, &unit))
    return fail (error, path, "unit", "unknown unit “%s”", str);

  /* An export in another language names the printed label apart. */
  row = kessan_line_item_new (printed != NULL ? printed : label, n_columns);
  kessan_line_item_set_concept (row, concept);
  kessan_line_item_set_labels (row, label_en, label_ja);
  kessan_line_item_set_depth (row, depth);
  kessan_line_item_set_total (row, total);
  kessan_line_item_set_heading (row, heading);
  kessan_line_item_set_unit (row, unit);
  kessan_line_item_set_scale (row, scale);
  kessan_line_item_set_line (row, line);

  /* Entries of "lines" and "decimals" for empty cells carry nothing, but
   * they must still be of the right type. */
  for (guint i = 0; i < n_columns; i++)
    {
      JsonNode *node;
      char member[32];
      guint ignored;

      if (lines != NULL && !JSON_NODE_HOLDS_NULL ((node = json_array_get_element (lines, i))))
        {
          g_snprintf (member, sizeof member, "lines[%u]", i);
          if (!check_uint (node, path, member, G_MAXUINT32, &ignored, error))
            return FALSE;
        }

      if (decimals != NULL && !JSON_NODE_HOLDS_NULL ((node = json_array_get_element (decimals, i))))
        {
          g_snprintf (member, sizeof member, "decimals[%u]", i);
          if (!check_uint (node, path, member, MAX_DECIMALS, &ignored, error))
            return FALSE;
        }
    }

  for (guint i = 0; i < n_columns; i++)
    {
      JsonNode *node = json_array_get_element (values, i);
      double value;
      guint value_line = 0;
      guint value_decimals;

      if (JSON_NODE_HOLDS_NULL (node))
        continue;

      if (!node_is_number (node))
        {
          char member[32];

          g_snprintf (member, sizeof member, "values[%u]", i);
          return fail (error, path, member, "expected a number or null, found %s", describe_node (node));
        }

      value = json_node_get_double (node);
      if (!isfinite (value))
        {
          char member[32];

          g_snprintf (member, sizeof member, "values[%u]", i);
          return fail (error, path, member, "the number is out of range");
        }

      /* Both were checked above. */
      if (lines != NULL && !JSON_NODE_HOLDS_NULL ((node = json_array_get_element (lines, i))))
        value_line = json_node_get_int (node);

      if (decimals != NULL && !JSON_NODE_HOLDS_NULL ((node = json_array_get_element (decimals, i))))
        value_decimals = json_node_get_int (node);
      else
        value_decimals = infer_decimals (value);

      kessan_line_item_set_value (row, i, value, value_decimals, value_line);
    }

  if (!read_cell_extras (object, path, n_columns, row, error))
    return FALSE;

  *out = g_steal_pointer (&row);
  return TRUE;
}

static gboolean
read_statement (JsonObject       *object,
                const char       *path,
                KessanStatement **out,
                GError          **error)
{
  g_autoptr(KessanStatement) statement = NULL;
  const char *id, *kind_name, *language, *title, *topic;
  JsonArray *lines, *columns, *rows;
  KessanStatementKind kind;
  gboolean transposed;
  guint first_line = 0;
  guint last_line = 0;
  guint n_columns, n_rows;

  if (!read_string (object, path, "id", TRUE, FALSE, &id, error) ||
      !read_string (object, path, "kind", TRUE, FALSE, &kind_name, error) ||
      !read_string (object, path, "language", FALSE, TRUE, &language, error) ||
      !read_string (object, path, "title", FALSE, TRUE, &title, error) ||
      !read_string (object, path, "topic", FALSE, TRUE, &topic, error) ||
      !read_array (object, path, "lines", FALSE, TRUE, &lines, error) ||
      !read_array (object, path, "columns", TRUE, FALSE, &columns, error) ||
      !read_array (object, path, "rows", TRUE, FALSE, &rows, error) ||
      !read_bool (object, path, "transposed", &transposed, error))
    return FALSE;

  if (!kessan_statement_kind_from_string (kind_name, &kind))
    return fail (error, path, "kind", "unknown kind “%s”", kind_name);

  if (lines != NULL)
    {
      if (json_array_get_length (lines) != 2)
        return fail (error, path, "lines", "expected [first, last], found %u %s",
                     json_array_get_length (lines),
                     json_array_get_length (lines) == 1 ? "entry" : "entries");
      if (!check_uint (json_array_get_element (lines, 0), path, "lines[0]",
                       G_MAXUINT32, &first_line, error) ||
          !check_uint (json_array_get_element (lines, 1), path, "lines[1]",
                       G_MAXUINT32, &last_line, error))
        return FALSE;
    }

  statement = kessan_statement_new (id, kind, language);
  kessan_statement_set_title (statement, title);
  kessan_statement_set_topic (statement, topic);
  kessan_statement_set_lines (statement, first_line, last_line);
  kessan_statement_set_transposed (statement, transposed);

  n_columns = json_array_get_length (columns);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *column_path = g_strdup_printf ("%s.columns[%u]", path, i);
      g_autoptr(KessanColumn) column = NULL;
      JsonObject *column_object;

      if (!element_object (columns, i, column_path, &column_object, error) ||
          !read_column (column_object, column_path, &column, error))
        return FALSE;

      kessan_statement_add_column (statement, column);
    }

  n_rows = json_array_get_length (rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *row_path = g_strdup_printf ("%s.rows[%u]", path, i);
      g_autoptr(KessanLineItem) row = NULL;
      JsonObject *row_object;

      if (!element_object (rows, i, row_path, &row_object, error) ||
          !read_row (row_object, row_path, n_columns, &row, error))
        return FALSE;

      kessan_statement_add_row (statement, row);
    }

  *out = g_steal_pointer (&statement);
  return TRUE;
}

/* Column indices in a finding: far above any table's width. */
#define KESSAN_PLAN_COLUMNS_LIMIT 4096

static gboolean
read_finding (JsonObject     *object,
              const char     *path,
              KessanFinding **out,
              GError        **error)
{
  g_autoptr(KessanFinding) finding = NULL;
  const char *check, *severity_name, *statement, *message;
  KessanSeverity severity;
  JsonArray *lines;

  if (!read_string (object, path, "check", TRUE, FALSE, &check, error) ||
      !read_string (object, path, "severity", TRUE, FALSE, &severity_name, error) ||
      !read_string (object, path, "statement", FALSE, TRUE, &statement, error) ||
      !read_string (object, path, "message", TRUE, FALSE, &message, error) ||
      !read_array (object, path, "lines", FALSE, FALSE, &lines, error))
    return FALSE;

  if (!kessan_severity_from_string (severity_name, &severity))
    return fail (error, path, "severity", "unknown severity “%s”", severity_name);

  finding = kessan_finding_new (check, severity, statement, message);

  for (guint i = 0; lines != NULL && i < json_array_get_length (lines); i++)
    {
      char member[32];
      guint line;

      g_snprintf (member, sizeof member, "lines[%u]", i);
      if (!check_uint (json_array_get_element (lines, i), path, member,
                       G_MAXUINT32, &line, error))
        return FALSE;

      kessan_finding_add_line (finding, line);
    }

  {
    JsonArray *rows, *columns;
    const char *other;

    if (!read_array (object, path, "rows", FALSE, TRUE, &rows, error) ||
        !read_array (object, path, "columns", FALSE, TRUE, &columns, error) ||
        !read_string (object, path, "other_statement", FALSE, TRUE, &other, error))
      return FALSE;
    for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
      {
        JsonNode *node = json_array_get_element (rows, i);

        if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
          return fail (error, path, "rows", "expected an array of strings");
        kessan_finding_add_row (finding, json_node_get_string (node));
      }
    for (guint i = 0; columns != NULL && i < json_array_get_length (columns); i++)
      {
        guint column;

        if (!check_uint (json_array_get_element (columns, i), path, "columns",
                         KESSAN_PLAN_COLUMNS_LIMIT, &column, error))
          return FALSE;
        kessan_finding_add_column (finding, column);
      }
    kessan_finding_set_other_statement (finding, other);
    if (json_object_has_member (object, "expected") && json_object_has_member (object, "found"))
      {
        JsonNode *e = json_object_get_member (object, "expected");
        JsonNode *f = json_object_get_member (object, "found");

        if (!JSON_NODE_HOLDS_VALUE (e) || !JSON_NODE_HOLDS_VALUE (f)
            || (json_node_get_value_type (e) != G_TYPE_DOUBLE && json_node_get_value_type (e) != G_TYPE_INT64)
            || (json_node_get_value_type (f) != G_TYPE_DOUBLE && json_node_get_value_type (f) != G_TYPE_INT64))
          return fail (error, path, "expected", "expected numbers for “expected” and “found”");
        kessan_finding_set_values (finding, json_node_get_double (e), json_node_get_double (f));
      }
  }

  *out = g_steal_pointer (&finding);
  return TRUE;
}

/* The company's identifiers, its accounting standard and whether it
 * reports consolidated figures (version 2). */
static gboolean
read_release_members (JsonObject    *root,
                      KessanFiling  *filing,
                      GError       **error)
{
  JsonObject *ids;
  const char *standard_name, *consolidation_name;
  KessanAccountingStandard standard = KESSAN_STANDARD_UNKNOWN;
  KessanConsolidation consolidation = KESSAN_CONSOLIDATION_UNKNOWN;

  if (!read_object (root, "", "company_ids", &ids, error) ||
      !read_string (root, "", "accounting_standard", FALSE, TRUE, &standard_name, error) ||
      !read_string (root, "", "consolidation", FALSE, TRUE, &consolidation_name, error))
    return FALSE;
  if (standard_name != NULL && !kessan_accounting_standard_from_string (standard_name, &standard))
    return fail (error, "", "accounting_standard", "unknown standard “%s”", standard_name);
  if (consolidation_name != NULL && !kessan_consolidation_from_string (consolidation_name, &consolidation))
    return fail (error, "", "consolidation", "unknown consolidation “%s”", consolidation_name);
  kessan_filing_set_accounting_standard (filing, standard);
  kessan_filing_set_consolidation (filing, consolidation);

  for (guint i = 0; ids != NULL && i < KESSAN_COMPANY_N_IDS; i++)
    {
      const char *id;

      if (!read_string (ids, "company_ids", kessan_company_id_to_string (i), FALSE, TRUE, &id, error))
        return FALSE;
      kessan_company_set_id (kessan_filing_get_company_info (filing), i, id);
    }
  return TRUE;
}

/* "source.parts" and "source.places" (version 2). */
static gboolean
read_parts (JsonObject    *source,
            KessanFiling  *filing,
            GError       **error)
{
  JsonArray *parts, *places;
  guint n_parts = 0;

  if (!read_array (source, "source", "parts", FALSE, TRUE, &parts, error) ||
      !read_array (source, "source", "places", FALSE, TRUE, &places, error))
    return FALSE;

  for (guint i = 0; parts != NULL && i < json_array_get_length (parts); i++)
    {
      g_autofree char *path = g_strdup_printf ("source.parts[%u]", i);
      const char *name, *format, *sha256;
      JsonObject *object;

      if (!element_object (parts, i, path, &object, error) ||
          !read_string (object, path, "name", FALSE, TRUE, &name, error) ||
          !read_string (object, path, "format", FALSE, TRUE, &format, error) ||
          !read_string (object, path, "sha256", FALSE, TRUE, &sha256, error))
        return FALSE;
      /* One part that is the file itself says nothing more. */
      if (json_array_get_length (parts) == 1 && places == NULL
          && g_strcmp0 (name, kessan_filing_get_source_name (filing)) == 0
          && g_strcmp0 (sha256, kessan_filing_get_source_hash (filing)) == 0
          && g_strcmp0 (format, kessan_export_part_format (filing)) == 0)
        break;
      kessan_filing_add_part (filing, name, format, sha256);
      n_parts++;
    }

  for (guint i = 0; places != NULL && i < json_array_get_length (places); i++)
    {
      g_autofree char *path = g_strdup_printf ("source.places[%u]", i);
      const char *element;
      JsonObject *object;
      JsonArray *lines;
      guint first, last, part;

      if (!element_object (places, i, path, &object, error) ||
          !read_array (object, path, "lines", TRUE, FALSE, &lines, error) ||
          !read_uint (object, path, "part", FALSE, FALSE, G_MAXUINT32, 0, &part, error) ||
          !read_string (object, path, "element", FALSE, TRUE, &element, error))
        return FALSE;
      if (json_array_get_length (lines) != 2 ||
          !check_uint (json_array_get_element (lines, 0), path, "lines[0]", G_MAXUINT32, &first, error) ||
          !check_uint (json_array_get_element (lines, 1), path, "lines[1]", G_MAXUINT32, &last, error))
        return error == NULL || *error != NULL ? FALSE : fail (error, path, "lines", "expected [first, last]");
      if (first > last || part >= MAX (n_parts, 1))
        return fail (error, path, NULL, "lines or part out of order");
      kessan_filing_add_place (filing, first, last, part, element);
    }
  return TRUE;
}

static gboolean
read_filing (JsonObject    *root,
             KessanFiling **out,
             GError       **error)
{
  g_autoptr(KessanFiling) filing = kessan_filing_new ();
  const char *format, *company, *released, *text;
  JsonObject *period, *rate, *source;
  JsonArray *languages, *statements, *findings, *corrections;
  guint version;

  /* Without the right "format" the file is some other JSON: say so
   * rather than list what it lacks. */
  if (!json_object_has_member (root, "format"))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   "Not a Kessan filing: no “format” member");
      return FALSE;
    }
  if (!read_string (root, "", "format", TRUE, FALSE, &format, error))
    return FALSE;
  if (g_strcmp0 (format, FORMAT_NAME) != 0)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   "Not a Kessan filing: “format” is “%s”, not “" FORMAT_NAME "”", format);
      return FALSE;
    }

  if (!read_uint (root, "", "version", TRUE, FALSE, G_MAXUINT, 0, &version, error))
    return FALSE;
  if (version < FORMAT_VERSION_MIN || version > FORMAT_VERSION)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   "Unsupported filing version %u (this version of Kessan reads versions %u to %u)",
                   version, FORMAT_VERSION_MIN, FORMAT_VERSION);
      return FALSE;
    }

  if (!read_string (root, "", "company", FALSE, TRUE, &company, error) ||
      !read_object (root, "", "period", &period, error) ||
      !read_date (root, "", "released", &released, error) ||
      !read_array (root, "", "languages", FALSE, TRUE, &languages, error) ||
      !read_object (root, "", "exchange_rate", &rate, error) ||
      !read_object (root, "", "source", &source, error) ||
      !read_array (root, "", "statements", TRUE, FALSE, &statements, error) ||
      !read_array (root, "", "findings", FALSE, TRUE, &findings, error) ||
      !read_array (root, "", "corrections", FALSE, TRUE, &corrections, error) ||
      !read_string (root, "", "text", FALSE, TRUE, &text, error) ||
      !read_release_members (root, filing, error))
    return FALSE;

  kessan_filing_set_company (filing, company);
  kessan_filing_set_released (filing, released);
  kessan_filing_set_text (filing, text);

  if (period != NULL)
    {
      const char *start, *end, *year_end, *label;
      guint fiscal_year, fiscal_quarter, months, month, day;

      if (!read_uint (period, "period", "fiscal_year", FALSE, TRUE, G_MAXUINT, 0, &fiscal_year, error) ||
          !read_uint (period, "period", "fiscal_quarter", FALSE, FALSE, 4, 0, &fiscal_quarter, error) ||
          !read_date (period, "period", "start", &start, error) ||
          !read_date (period, "period", "end", &end, error) ||
          !read_uint (period, "period", "months", FALSE, TRUE, 1200, 0, &months, error) ||
          !read_string (period, "period", "fiscal_year_end", FALSE, TRUE, &year_end, error) ||
          !read_string (period, "period", "fiscal_label", FALSE, TRUE, &label, error))
        return FALSE;
      if (year_end != NULL && !kessan_export_parse_month_day (year_end, &month, &day))
        return fail (error, "period", "fiscal_year_end", "expected a month and day, “MM-DD”");

      if (year_end != NULL)
        kessan_filing_set_fiscal_year_end (filing, month, day);
      kessan_filing_set_fiscal_label (filing, label);
      kessan_filing_set_period_start (filing, start);

      kessan_filing_set_fiscal_period (filing, fiscal_year, fiscal_quarter);
      kessan_filing_set_period_end (filing, end, months);
    }

  for (guint i = 0; languages != NULL && i < json_array_get_length (languages); i++)
    {
      char member[32];
      const char *language;

      g_snprintf (member, sizeof member, "languages[%u]", i);
      if (!check_string (json_array_get_element (languages, i), "", member, &language, error))
        return FALSE;

      kessan_filing_add_language (filing, language);
    }

  if (rate != NULL)
    {
      JsonNode *node;
      const char *as_of;
      double jpy_per_usd;

      if (!get_member (rate, "exchange_rate", "jpy_per_usd", TRUE, &node, error))
        return FALSE;
      if (node == NULL || !node_is_number (node))
        return fail (error, "exchange_rate", "jpy_per_usd", "expected a number, found %s",
                     node != NULL ? describe_node (node) : "null");

      jpy_per_usd = json_node_get_double (node);
      if (!isfinite (jpy_per_usd) || jpy_per_usd <= 0.0)
        return fail (error, "exchange_rate", "jpy_per_usd", "must be a positive number");

      if (!read_date (rate, "exchange_rate", "as_of", &as_of, error))
        return FALSE;

      kessan_filing_set_exchange_rate (filing, jpy_per_usd, as_of);
    }

  if (source != NULL)
    {
      const char *name, *sha256, *encoding;

      if (!read_string (source, "source", "name", FALSE, TRUE, &name, error) ||
          !read_string (source, "source", "sha256", FALSE, TRUE, &sha256, error) ||
          !read_string (source, "source", "encoding", FALSE, TRUE, &encoding, error))
        return FALSE;

      kessan_filing_set_source_name (filing, name);
      kessan_filing_set_source_hash (filing, sha256);
      kessan_filing_set_source_encoding (filing, encoding);
      if (!read_parts (source, filing, error))
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (statements); i++)
    {
      g_autofree char *path = g_strdup_printf ("statements[%u]", i);
      g_autoptr(KessanStatement) statement = NULL;
      JsonObject *object;

      if (!element_object (statements, i, path, &object, error) ||
          !read_statement (object, path, &statement, error))
        return FALSE;

      kessan_filing_add_statement (filing, statement);
    }

  for (guint i = 0; findings != NULL && i < json_array_get_length (findings); i++)
    {
      g_autofree char *path = g_strdup_printf ("findings[%u]", i);
      g_autoptr(KessanFinding) finding = NULL;
      JsonObject *object;

      if (!element_object (findings, i, path, &object, error) ||
          !read_finding (object, path, &finding, error))
        return FALSE;

      kessan_filing_add_finding (filing, finding);
    }

  if (corrections != NULL)
    {
      g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func (g_object_unref);

      if (!kessan_corrections_read (corrections, "corrections", read, error))
        return FALSE;
      for (guint i = 0; i < read->len; i++)
        g_list_store_append (G_LIST_STORE (kessan_filing_get_corrections (filing)), g_ptr_array_index (read, i));
    }

  *out = g_steal_pointer (&filing);
  return TRUE;
}

/* Two things json-glib's parser gets wrong on hostile input are caught
 * on the raw text first: it recurses once per nesting level, so a file
 * of nested brackets would exhaust the stack, and it wraps integers too
 * large for 64 bits into small or negative ones without an error.
 * Brackets and digits inside strings do not count; anything else that is
 * broken is left for the parser to report. */
static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_NESTING)
            {
              g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                           "Malformed filing: nested more than %u levels deep", MAX_NESTING);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gboolean integer = TRUE;
          guint digits = 0;
          gsize start = i;

          for (; i < length && strchr ("+-.0123456789eE", data[i]) != NULL && data[i] != '\0'; i++)
            {
              if (g_ascii_isdigit (data[i]))
                digits++;
              else if (data[i] != '-')
                integer = FALSE;
            }

          if (integer && digits > MAX_INTEGER_DIGITS)
            {
              g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                           "Malformed filing: the integer %.*s… is too large",
                           (int)MIN (i - start, 24), data + start);
              return FALSE;
            }

          /* Look at the character that ended the number again. */
          i--;
        }
    }

  return TRUE;
}

/**
 * kessan_filing_new_from_json:
 * @data: (array length=length) (element-type guint8): JSON text in the
 *   format kessan_filing_to_json() writes
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError, or %NULL
 *
 * Reads a filing back from its export format.  Anything that is not a
 * well-formed filing of a supported version fails with
 * %KESSAN_ERROR_FORMAT and a message naming the offending member.
 *
 * Returns: (transfer full): a new #KessanFiling, or %NULL on error
 */
KessanFiling *
kessan_filing_new_from_json (const char  *data,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!check_text (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   "Not a Kessan filing: not valid JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   "Not a Kessan filing: the JSON text is %s, not an object",
                   root != NULL ? describe_node (root) : "empty");
      return NULL;
    }

  if (!read_filing (json_node_get_object (root), &filing, error))
    return NULL;

  return g_steal_pointer (&filing);
}

/* CSV
 *
 * RFC 4180: comma separated, CRLF line ends, a field quoted when it holds
 * a comma, a quote or a line break, quotes doubled inside.  The layout is
 * described in docs/json-format.md. */

#define CSV_LEAD_COLUMNS 3

/* Appends the text @field, quoted when it must be; %NULL is an empty
 * field.  The series CSV quotes its fields the same way.  Numbers are
 * not written through this.
 *
 * A spreadsheet takes a field that starts with "=", "+", "-" or "@" (or
 * a tab or carriage return before one) for a formula, which a label of
 * a hostile release could use to run a command or open a link: such a
 * field is written after a "'", which makes it text.  Control and
 * direction characters other than tabs and line breaks are replaced as
 * on a terminal. */
void
kessan_csv_append_field (GString    *out,
                         const char *field)
{
  g_autofree char *safe = NULL;

  if (field == NULL)
    return;

  safe = kessan_safe_csv_text (field);
  if (strchr ("=+-@\t\r", field[0]) != NULL && field[0] != '\0')
    {
      char *quoted = g_strconcat ("'", safe, NULL);

      g_free (safe);
      safe = quoted;
    }
  field = safe;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
end_csv_line (GString *out)
{
  g_string_append (out, "\r\n");
}

/* A name for a column with no printed header, so that every column of the
 * last header line has one: "2003-09-30 3M change_yoy vs 2002-09-30". */
static char *
describe_column (KessanColumn *column)
{
  GString *name = g_string_new (NULL);
  KessanMeasure measure = kessan_column_get_measure (column);
  KessanCurrency currency = kessan_column_get_currency (column);

  if (kessan_column_get_period_end (column) != NULL)
    g_string_append (name, kessan_column_get_period_end (column));
  else
    g_string_append (name, "?");
  if (kessan_column_get_months (column) != 0)
    g_string_append_printf (name, " %uM", kessan_column_get_months (column));
  if (measure != KESSAN_MEASURE_AMOUNT)
    g_string_append_printf (name, " %s", kessan_measure_to_string (measure));
  if (kessan_column_get_compared_end (column) != NULL)
    g_string_append_printf (name, " vs %s", kessan_column_get_compared_end (column));
  if (currency != KESSAN_CURRENCY_NONE)
    g_string_append_printf (name, " %s", kessan_column_get_currency_code (column));

  return g_string_free (name, FALSE);
}

typedef enum
{
  HEADER_PERIOD_END,
  HEADER_COMPARED_END,
  HEADER_MONTHS,
  HEADER_MEASURE,
  HEADER_CURRENCY,
  HEADER_SCALE,
  HEADER_UNIT,
  N_HEADERS,
  /* Written only when a column has something to say there. */
  HEADER_PERIOD_START = N_HEADERS,
  HEADER_SCENARIO,
  HEADER_CONSOLIDATION,
  HEADER_MEMBERS,
  N_ALL_HEADERS
} CsvHeader;

static const char * const header_names[N_ALL_HEADERS] = {
  [HEADER_PERIOD_END] = "period_end",
  [HEADER_COMPARED_END] = "compared_end",
  [HEADER_MONTHS] = "months",
  [HEADER_MEASURE] = "measure",
  [HEADER_CURRENCY] = "currency",
  [HEADER_SCALE] = "scale",
  [HEADER_UNIT] = "unit",
  [HEADER_PERIOD_START] = "period_start",
  [HEADER_SCENARIO] = "scenario",
  [HEADER_CONSOLIDATION] = "consolidation",
  [HEADER_MEMBERS] = "members",
};

static void
append_header_cell (GString      *out,
                    KessanColumn *column,
                    CsvHeader     header)
{
  switch (header)
    {
    case HEADER_PERIOD_END:
      kessan_csv_append_field (out, kessan_column_get_period_end (column));
      break;

    case HEADER_COMPARED_END:
      kessan_csv_append_field (out, kessan_column_get_compared_end (column));
      break;

    case HEADER_MONTHS:
      if (kessan_column_get_months (column) != 0)
        g_string_append_printf (out, "%u", kessan_column_get_months (column));
      break;

    case HEADER_MEASURE:
      kessan_csv_append_field (out, kessan_measure_to_string (kessan_column_get_measure (column)));
      break;

    case HEADER_CURRENCY:
      kessan_csv_append_field (out, kessan_column_get_currency_code (column));
      break;

    case HEADER_SCALE:
      g_string_append_printf (out, "%u", kessan_column_get_scale (column));
      break;

    case HEADER_UNIT:
      kessan_csv_append_field (out, kessan_unit_to_string (kessan_column_get_unit (column)));
      break;

    case HEADER_PERIOD_START:
      kessan_csv_append_field (out, kessan_column_get_period_start (column));
      break;

    case HEADER_SCENARIO:
      kessan_csv_append_field (out, kessan_scenario_to_string (kessan_column_get_scenario (column)));
      break;

    case HEADER_CONSOLIDATION:
      kessan_csv_append_field (out, kessan_consolidation_to_string (kessan_column_get_consolidation (column)));
      break;

    case HEADER_MEMBERS:
      {
        g_autofree char *members = g_strjoinv (";", (char **) kessan_column_get_members (column));

        kessan_csv_append_field (out, members);
      }
      break;

    case N_ALL_HEADERS:
    default:
      g_assert_not_reached ();
    }
}

/* Whether a column of @statement says more than a version 1 column
 * could in the optional header line @header. */
static gboolean
csv_header_needed (KessanStatement *statement,
                   CsvHeader        header)
{
  for (guint i = 0; i < kessan_statement_get_n_columns (statement); i++)
    {
      KessanColumn *column = kessan_statement_get_column (statement, i);

      if ((header == HEADER_PERIOD_START && kessan_column_get_period_start (column) != NULL)
          || (header == HEADER_SCENARIO && kessan_column_get_scenario (column) != KESSAN_SCENARIO_ACTUAL)
          || (header == HEADER_CONSOLIDATION
              && kessan_column_get_consolidation (column) != KESSAN_CONSOLIDATION_UNKNOWN)
          || (header == HEADER_MEMBERS && kessan_column_get_members (column)[0] != NULL))
        return TRUE;
    }
  return FALSE;
}

/**
 * kessan_statement_to_csv:
 * @statement: a #KessanStatement
 *
 * Writes @statement as RFC 4180 CSV: a fixed block of header lines
 * describing each column (period end, compared period, months, measure,
 * currency, scale, unit, printed header), then one line per row with its
 * label, concept, own unit and values as printed.  Empty cells stay empty.
 *
 * Returns: (transfer full): the CSV text, UTF-8 with CRLF line ends
 */
char *
kessan_statement_to_csv (KessanStatement *statement)
{
  return kessan_statement_export_csv (statement, NULL, KESSAN_LABELS_PRINTED);
}

/* A column's header in the chosen label language: the printed header
 * for the release's own labels, the formatter's name otherwise. */
static char *
csv_column_header (KessanColumn         *column,
                   KessanFiling         *filing,
                   KessanLabelLanguage   labels)
{
  const char *header = kessan_column_get_header (column);

  switch (labels)
    {
    case KESSAN_LABELS_ENGLISH:
      return kessan_format_column_name (column, filing, "en");
    case KESSAN_LABELS_JAPANESE:
      return kessan_format_column_name (column, filing, "ja");
    case KESSAN_LABELS_BOTH:
      {
        g_autofree char *ja = kessan_format_column_name (column, filing, "ja");
        g_autofree char *en = kessan_format_column_name (column, filing, "en");

        return g_strconcat (ja, " / ", en, NULL);
      }
    case KESSAN_LABELS_PRINTED:
    default:
      if (header != NULL && *header != '\0')
        return g_strdup (header);
      return describe_column (column);
    }
}

/**
 * kessan_statement_export_csv:
 * @statement: a #KessanStatement
 * @filing: (nullable): the release it is in, which names its periods
 * @labels: the language of the row labels and column headers
 *
 * Like kessan_statement_to_csv(), with the row labels and the last
 * header line in the chosen language; the machine-readable header lines
 * and the numbers are the same in every language.
 *
 * Returns: (transfer full): the CSV text
 */
char *
kessan_statement_export_csv (KessanStatement      *statement,
                             KessanFiling         *filing,
                             KessanLabelLanguage   labels)
{
  GString *out;
  guint n_columns;
  guint n_rows;

  g_return_val_if_fail (KESSAN_IS_STATEMENT (statement), NULL);

  out = g_string_new (NULL);
  n_columns = kessan_statement_get_n_columns (statement);
  n_rows = kessan_statement_get_n_rows (statement);

  for (guint h = 0; h < N_ALL_HEADERS; h++)
    {
      if (h >= N_HEADERS && !csv_header_needed (statement, h))
        continue;
      g_string_append (out, header_names[h]);
      for (guint i = 1; i < CSV_LEAD_COLUMNS; i++)
        g_string_append_c (out, ',');

      for (guint i = 0; i < n_columns; i++)
        {
          g_string_append_c (out, ',');
          append_header_cell (out, kessan_statement_get_column (statement, i), h);
        }
      end_csv_line (out);
    }

  g_string_append (out, "label,concept,unit");
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *header = csv_column_header (kessan_statement_get_column (statement, i), filing, labels);

      g_string_append_c (out, ',');
      kessan_csv_append_field (out, header);
    }
  end_csv_line (out);

  for (guint r = 0; r < n_rows; r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);
      g_autofree char *label = kessan_line_item_dup_label_in (row, labels, " / ");

      kessan_csv_append_field (out, label);
      g_string_append_c (out, ',');
      kessan_csv_append_field (out, kessan_line_item_get_concept (row));
      g_string_append_c (out, ',');
      kessan_csv_append_field (out, kessan_unit_to_string (kessan_line_item_get_unit (row)));

      for (guint i = 0; i < n_columns; i++)
        {
          g_string_append_c (out, ',');

          if (kessan_line_item_has_value (row, i))
            {
              char buf[KESSAN_JSON_NUMBER_BUF_SIZE];

              format_value (buf, sizeof buf,
                            kessan_line_item_get_value (row, i),
                            kessan_line_item_get_decimals (row, i));
              g_string_append (out, buf);
            }
        }
      end_csv_line (out);
    }

  return g_string_free (out, FALSE);
}

char *
kessan_filing_to_json (KessanFiling *filing,
                       gboolean      include_text)
{
  g_return_val_if_fail (KESSAN_IS_FILING (filing), NULL);

  return filing_to_json (filing, include_text, NULL, KESSAN_LABELS_PRINTED);
}

/**
 * kessan_filing_export_json:
 * @filing: a filing
 * @statement_id: (nullable): the id of one of its statements, or %NULL
 *   for all of them
 * @labels: which label each row's "label" carries
 *
 * Like kessan_filing_to_json() (without the text) or
 * kessan_filing_statement_to_json(), with row labels in the chosen
 * language; a row whose label differs from the printed one keeps that
 * in "printed_label".
 *
 * Returns: (transfer full): the JSON text
 */
char *
kessan_filing_export_json (KessanFiling        *filing,
                           const char          *statement_id,
                           KessanLabelLanguage  labels)
{
  g_return_val_if_fail (KESSAN_IS_FILING (filing), NULL);

  return filing_to_json (filing, FALSE, statement_id, labels);
}

/**
 * kessan_filing_statement_to_json:
 * @filing: a filing
 * @statement_id: the id of one of its statements
 *
 * Serialises @filing with only one of its statements (and the findings
 * about it or about the whole release), in the same format as
 * kessan_filing_to_json().
 *
 * Returns: (transfer full): the JSON text
 */
char *
kessan_filing_statement_to_json (KessanFiling *filing,
                                 const char   *statement_id)
{
  g_return_val_if_fail (KESSAN_IS_FILING (filing), NULL);
  g_return_val_if_fail (statement_id != NULL, NULL);

  return filing_to_json (filing, FALSE, statement_id, KESSAN_LABELS_PRINTED);
}

/**
 * kessan_filing_findings_to_json:
 * @filing: a filing
 *
 * Serialises the findings of @filing as a JSON object with the release's
 * source name and hash and a "findings" array in the format of
 * kessan_filing_to_json().
 *
 * Returns: (transfer full): the JSON text
 */
char *
kessan_filing_findings_to_json (KessanFiling *filing)
{
  KessanJsonWriter w = { .out = g_string_new (NULL) };
  guint n_findings;

  g_return_val_if_fail (KESSAN_IS_FILING (filing), NULL);

  kessan_json_writer_begin (&w, '{', FALSE);
  kessan_json_writer_string (&w, "source", kessan_filing_get_source_name (filing));
  kessan_json_writer_string (&w, "sha256", kessan_filing_get_source_hash (filing));
  kessan_json_writer_key (&w, "findings");
  kessan_json_writer_begin (&w, '[', FALSE);
  n_findings = kessan_filing_get_n_findings (filing);
  for (guint i = 0; i < n_findings; i++)
    write_finding (&w, kessan_filing_get_finding (filing, i));
  kessan_json_writer_end (&w, ']');
  kessan_json_writer_end (&w, '}');
  return g_string_free (w.out, FALSE);
}
