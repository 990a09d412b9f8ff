/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-library"

#include "kessan-filing-loader-private.h"

#include <math.h>
#include <string.h>

#include "kessan-export-members-private.h"
#include "kessan-json-writer-private.h"

/* A reader for the filing files of the library, made for loading
 * thousands of them: kessan_filing_new_from_json() builds a json-glib
 * tree of every file first, which costs several times the filing itself
 * and is most of the time a library takes to load.  This one reads the
 * text once, in place, and builds the filing as it goes.
 *
 * It reads only what Kessan writes for most filings (docs/json-format.md,
 * versions 1 and 2): the members of the format and nothing else (the
 * members that only some filings have, such as tagged facts, source
 * places, company identifiers and dimension members, go to that reader), each once, each of its
 * type, numbers in strict JSON syntax, strings with the common escapes.
 * It checks everything kessan_filing_new_from_json() checks and builds
 * the same objects with the same calls, so a file it reads gives the same
 * filing both ways.  Anything else it leaves to that reader, returning
 * NULL: members it does not know (a later version may add some), a file
 * of another version, and every file that is not a valid filing, so that
 * what a problem says is always the full reader's message. */

/* No statement Kessan reads comes near this many columns. */
#define MAX_CELLS 64

/* What kessan-export.c accepts. */
#define MAX_DECIMALS      KESSAN_JSON_MAX_DECIMALS
#define MAX_INT_DIGITS    18
#define MAX_MONTHS        1200
#define MAX_FINDING_COLUMN 4096

#define NO_STRING G_MAXSIZE

typedef struct
{
  const char *p;
  const char *end;
  /* Decoded strings, each followed by a NUL; objects refer to them by
   * offset, since the buffer moves as it grows, and give their room back
   * when they are built. */
  GString    *strings;
} Reader;

typedef struct
{
  gboolean integer;
  gint64   i;
  double   d;
} Number;

static inline const char *
string_at (Reader *r,
           gsize   offset)
{
  return offset == NO_STRING ? NULL : r->strings->str + offset;
}

static inline void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\t' || *r->p == '\r'))
    r->p++;
}

static inline gboolean
accept (Reader *r,
        char    c)
{
  skip_space (r);
  if (r->p < r->end && *r->p == c)
    {
      r->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
accept_word (Reader     *r,
             const char *word,
             gsize       length)
{
  skip_space (r);
  if ((gsize) (r->end - r->p) < length || memcmp (r->p, word, length) != 0)
    return FALSE;
  r->p += length;
  return TRUE;
}

#define accept_null(r) accept_word ((r), "null", 4)

/* Opens an object or array; *more says whether it has members. */
static gboolean
begin (Reader   *r,
       char      open,
       char      close,
       gboolean *more)
{
  if (!accept (r, open))
    return FALSE;
  *more = !accept (r, close);
  return TRUE;
}

/* After a member or element: a comma, or the end of the container. */
static gboolean
next (Reader   *r,
      char      close,
      gboolean *more)
{
  if (accept (r, ','))
    {
      *more = TRUE;
      return TRUE;
    }
  *more = FALSE;
  return accept (r, close);
}

/* A member name and its colon.  Kessan's names need no escapes. */
static gboolean
read_key (Reader      *r,
          const char **key,
          gsize       *length)
{
  const char *q;

  if (!accept (r, '"'))
    return FALSE;
  for (q = r->p; q < r->end && *q != '"'; q++)
    if (*q == '\\' || (guchar) *q < 0x20)
      return FALSE;
  if (q >= r->end)
    return FALSE;

  *key = r->p;
  *length = q - r->p;
  r->p = q + 1;
  return accept (r, ':');
}

#define KEY_IS(key, length, name) \
  ((length) == sizeof (name) - 1 && memcmp ((key), (name), sizeof (name) - 1) == 0)

/* Marks member @bit as seen; a member given twice is not ours. */
static inline gboolean
first_time (guint32 *seen,
            guint32  bit)
{
  if (*seen & bit)
    return FALSE;
  *seen |= bit;
  return TRUE;
}

static gboolean
hex_value (const char *p,
           gunichar   *value)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + digit;
    }
  return TRUE;
}

/* A string, decoded into r->strings.  Surrogate pairs, "\u0000" and raw
 * control characters are not what Kessan writes. */
static gboolean
read_string (Reader *r,
             gsize  *offset)
{
  const char *q;

  skip_space (r);
  if (r->p >= r->end || *r->p != '"')
    return FALSE;

  *offset = r->strings->len;
  q = r->p + 1;
  for (;;)
    {
      const char *start = q;

      while (q < r->end && *q != '"' && *q != '\\' && (guchar) *q >= 0x20)
        q++;
      g_string_append_len (r->strings, start, q - start);
      if (q >= r->end || (guchar) *q < 0x20)
        return FALSE;
      if (*q == '"')
        break;

      if (++q >= r->end)
        return FALSE;
      switch (*q)
        {
        case '"':
        case '\\':
        case '/':
          g_string_append_c (r->strings, *q);
          break;

        case 'b':
          g_string_append_c (r->strings, '\b');
          break;

        case 'f':
          g_string_append_c (r->strings, '\f');
          break;

        case 'n':
          g_string_append_c (r->strings, '\n');
          break;

        case 'r':
          g_string_append_c (r->strings, '\r');
          break;

        case 't':
          g_string_append_c (r->strings, '\t');
          break;

        case 'u':
          {
            gunichar c;

            if (r->end - q < 5 || !hex_value (q + 1, &c) || c == 0 || (c >= 0xd800 && c <= 0xdfff))
              return FALSE;
            g_string_append_unichar (r->strings, c);
            q += 4;
          }
          break;

        default:
          return FALSE;
        }
      q++;
    }

  r->p = q + 1;
  if (!g_utf8_validate_len (r->strings->str + *offset, r->strings->len - *offset, NULL))
    return FALSE;
  g_string_append_c (r->strings, '\0');
  return TRUE;
}

static gboolean
read_string_or_null (Reader *r,
                     gsize  *offset)
{
  if (accept_null (r))
    {
      *offset = NO_STRING;
      return TRUE;
    }
  return read_string (r, offset);
}

/* As kessan-export.c's is_iso_date(). */
static gboolean
is_iso_date (const char *str)
{
  guint year, month, day;

  if (strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (str, NULL, 10);
  month = (guint) g_ascii_strtoull (str + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (str + 8, NULL, 10);
  return year >= 1 && g_date_valid_dmy (day, month, year);
}

static gboolean
read_date_or_null (Reader *r,
                   gsize  *offset)
{
  return read_string_or_null (r, offset) &&
         (*offset == NO_STRING || is_iso_date (string_at (r, *offset)));
}

/* A number in strict JSON syntax.  Whole numbers are read as integers
 * and the others with g_ascii_strtod(), as json-glib reads them, so the
 * values are the same doubles. */
static gboolean
read_number (Reader *r,
             Number *number)
{
  const char *start, *digits, *q;
  char buf[64];
  char *end;

  skip_space (r);
  start = q = r->p;
  if (q < r->end && *q == '-')
    q++;
  digits = q;
  if (q >= r->end || !g_ascii_isdigit (*q))
    return FALSE;
  if (*q == '0')
    q++;
  else
    while (q < r->end && g_ascii_isdigit (*q))
      q++;

  number->integer = TRUE;
  if (q < r->end && *q == '.')
    {
      number->integer = FALSE;
      if (++q >= r->end || !g_ascii_isdigit (*q))
        return FALSE;
      while (q < r->end && g_ascii_isdigit (*q))
        q++;
    }
  if (q < r->end && (*q == 'e' || *q == 'E'))
    {
      number->integer = FALSE;
      if (++q < r->end && (*q == '+' || *q == '-'))
        q++;
      if (q >= r->end || !g_ascii_isdigit (*q))
        return FALSE;
      while (q < r->end && g_ascii_isdigit (*q))
        q++;
    }

  if (number->integer)
    {
      gint64 value = 0;

      /* Longer integers do not fit 64 bits; kessan-export.c refuses them. */
      if (q - digits > MAX_INT_DIGITS)
        return FALSE;
      for (const char *d = digits; d < q; d++)
        value = value * 10 + (*d - '0');
      if (start != digits)
        value = -value;
      number->i = value;
      number->d = (double) value;
    }
  else
    {
      if ((gsize) (q - start) >= sizeof buf)
        return FALSE;
      memcpy (buf, start, q - start);
      buf[q - start] = '\0';
      number->d = g_ascii_strtod (buf, &end);
      if (end != buf + (q - start))
        return FALSE;
    }

  r->p = q;
  return TRUE;
}

/* A whole number from 0 to @max. */
static gboolean
read_uint (Reader *r,
           guint   max,
           guint  *value)
{
  Number number;

  if (!read_number (r, &number) || !number.integer || number.i < 0 || (guint64) number.i > max)
    return FALSE;
  *value = (guint) number.i;
  return TRUE;
}

/* As read_uint(); null reads as @fallback and sets *is_null. */
static gboolean
read_uint_or_null (Reader   *r,
                   guint     max,
                   guint     fallback,
                   guint    *value,
                   gboolean *is_null)
{
  *is_null = accept_null (r);
  if (*is_null)
    {
      *value = fallback;
      return TRUE;
    }
  return read_uint (r, max, value);
}

static gboolean
read_bool (Reader   *r,
           gboolean *value)
{
  if (accept_word (r, "true", 4))
    *value = TRUE;
  else if (accept_word (r, "false", 5))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* The fewest decimals that print @value exactly, as kessan-export.c
 * infers them for a row without "decimals".  Whole numbers below
 * KESSAN_JSON_MAX_FIXED print exactly with none, which is what the first
 * round of its search finds; the others take the same search. */
static guint
infer_decimals (double value)
{
  if (fabs (value) >= KESSAN_JSON_MAX_FIXED || value == floor (value))
    return 0;

  for (guint decimals = 1; decimals <= MAX_DECIMALS; decimals++)
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

/* Columns */

enum
{
  COLUMN_PERIOD_END   = 1 << 0,
  COLUMN_MONTHS       = 1 << 1,
  COLUMN_MEASURE      = 1 << 2,
  COLUMN_CURRENCY     = 1 << 3,
  COLUMN_SCALE        = 1 << 4,
  COLUMN_UNIT         = 1 << 5,
  COLUMN_COMPARED_END = 1 << 6,
  COLUMN_HEADER       = 1 << 7,
  COLUMN_PERIOD_START = 1 << 8,
  COLUMN_SCENARIO     = 1 << 9,
  COLUMN_CONSOLIDATION = 1 << 10,
};

static KessanColumn *
read_column (Reader *r)
{
  gsize mark = r->strings->len;
  gsize period_end = NO_STRING, compared_end = NO_STRING, header = NO_STRING;
  gsize measure_name = NO_STRING, currency_name = NO_STRING, unit_name = NO_STRING;
  gsize period_start = NO_STRING, scenario_name = NO_STRING, consolidation_name = NO_STRING;
  guint months = 0, scale = 1;
  guint32 seen = 0;
  KessanMeasure measure;
  KessanCurrency currency;
  KessanScenario scenario = KESSAN_SCENARIO_ACTUAL;
  KessanConsolidation consolidation = KESSAN_CONSOLIDATION_UNKNOWN;
  KessanUnit unit;
  KessanColumn *column;
  gboolean more, is_null;

  if (!begin (r, '{', '}', &more))
    return NULL;
  while (more)
    {
      const char *key;
      gsize length;
      gboolean ok;

      if (!read_key (r, &key, &length))
        return NULL;

      if (KEY_IS (key, length, "period_end"))
        ok = first_time (&seen, COLUMN_PERIOD_END) && read_date_or_null (r, &period_end);
      else if (KEY_IS (key, length, "months"))
        ok = first_time (&seen, COLUMN_MONTHS) && read_uint_or_null (r, MAX_MONTHS, 0, &months, &is_null);
      else if (KEY_IS (key, length, "measure"))
        ok = first_time (&seen, COLUMN_MEASURE) && read_string (r, &measure_name);
      else if (KEY_IS (key, length, "currency"))
        ok = first_time (&seen, COLUMN_CURRENCY) && read_string_or_null (r, &currency_name);
      else if (KEY_IS (key, length, "scale"))
        ok = first_time (&seen, COLUMN_SCALE) && read_uint (r, G_MAXUINT, &scale);
      else if (KEY_IS (key, length, "unit"))
        ok = first_time (&seen, COLUMN_UNIT) && read_string_or_null (r, &unit_name);
      else if (KEY_IS (key, length, "compared_end"))
        ok = first_time (&seen, COLUMN_COMPARED_END) && read_date_or_null (r, &compared_end);
      else if (KEY_IS (key, length, "header"))
        ok = first_time (&seen, COLUMN_HEADER) && read_string_or_null (r, &header);
      else if (KEY_IS (key, length, "period_start"))
        ok = first_time (&seen, COLUMN_PERIOD_START) && read_date_or_null (r, &period_start);
      else if (KEY_IS (key, length, "scenario"))
        ok = first_time (&seen, COLUMN_SCENARIO) && read_string_or_null (r, &scenario_name);
      else if (KEY_IS (key, length, "consolidation"))
        ok = first_time (&seen, COLUMN_CONSOLIDATION) && read_string_or_null (r, &consolidation_name);
      else
        ok = FALSE;

      if (!ok || !next (r, '}', &more))
        return NULL;
    }

  if (measure_name == NO_STRING || scale == 0 ||
      !kessan_measure_from_string (string_at (r, measure_name), &measure) ||
      !kessan_currency_from_string (string_at (r, currency_name), &currency) ||
      !kessan_unit_from_string (string_at (r, unit_name), &unit) ||
      (scenario_name != NO_STRING && !kessan_scenario_from_string (string_at (r, scenario_name), &scenario)) ||
      (consolidation_name != NO_STRING
       && !kessan_consolidation_from_string (string_at (r, consolidation_name), &consolidation)))
    return NULL;

  column = kessan_column_new ();
  kessan_column_set_period_start (column, string_at (r, period_start));
  kessan_column_set_period_end (column, string_at (r, period_end));
  kessan_column_set_months (column, months);
  kessan_column_set_measure (column, measure);
  kessan_column_set_currency_code (column, currency != KESSAN_CURRENCY_NONE ? string_at (r, currency_name) : NULL);
  kessan_column_set_scale (column, scale);
  kessan_column_set_scenario (column, scenario);
  kessan_column_set_consolidation (column, consolidation);
  kessan_column_set_unit (column, unit);
  kessan_column_set_compared_end (column, string_at (r, compared_end));
  kessan_column_set_header (column, string_at (r, header));

  g_string_truncate (r->strings, mark);
  return column;
}

/* Rows */

enum
{
  ROW_LABEL    = 1 << 0,
  ROW_CONCEPT  = 1 << 1,
  ROW_LABEL_EN = 1 << 2,
  ROW_LABEL_JA = 1 << 3,
  ROW_DEPTH    = 1 << 4,
  ROW_TOTAL    = 1 << 5,
  ROW_HEADING  = 1 << 6,
  ROW_LINE     = 1 << 7,
  ROW_VALUES   = 1 << 8,
  ROW_LINES    = 1 << 9,
  ROW_DECIMALS = 1 << 10,
  ROW_UNIT     = 1 << 11,
};

typedef struct
{
  guint    n;
  gboolean present[MAX_CELLS];
  double   values[MAX_CELLS];
  guint    numbers[MAX_CELLS];
} Cells;

/* "values": numbers or null, one per column. */
static gboolean
read_values (Reader *r,
             guint   n_columns,
             Cells  *cells)
{
  gboolean more;

  cells->n = 0;
  if (!begin (r, '[', ']', &more))
    return FALSE;
  while (more)
    {
      Number number;

      if (cells->n >= n_columns)
        return FALSE;
      cells->present[cells->n] = !accept_null (r);
      if (cells->present[cells->n])
        {
          if (!read_number (r, &number) || !isfinite (number.d))
            return FALSE;
          cells->values[cells->n] = number.d;
        }
      cells->n++;
      if (!next (r, ']', &more))
        return FALSE;
    }
  return cells->n == n_columns;
}

/* "lines" and "decimals": whole numbers up to @max or null, one per
 * column. */
static gboolean
read_cell_numbers (Reader *r,
                   guint   n_columns,
                   guint   max,
                   Cells  *cells)
{
  gboolean more;

  cells->n = 0;
  if (!begin (r, '[', ']', &more))
    return FALSE;
  while (more)
    {
      gboolean is_null;

      if (cells->n >= n_columns ||
          !read_uint_or_null (r, max, 0, &cells->numbers[cells->n], &is_null))
        return FALSE;
      cells->present[cells->n] = !is_null;
      cells->n++;
      if (!next (r, ']', &more))
        return FALSE;
    }
  return cells->n == n_columns;
}

static KessanLineItem *
read_row (Reader *r,
          guint   n_columns)
{
  gsize mark = r->strings->len;
  gsize label = NO_STRING, concept = NO_STRING, label_en = NO_STRING, label_ja = NO_STRING;
  gsize unit_name = NO_STRING;
  guint depth = 0, line = 0;
  gboolean total = FALSE, heading = FALSE, more, is_null;
  guint32 seen = 0;
  Cells values, lines, decimals;
  KessanLineItem *row;
  KessanUnit unit;

  if (!begin (r, '{', '}', &more))
    return NULL;
  while (more)
    {
      const char *key;
      gsize length;
      gboolean ok;

      if (!read_key (r, &key, &length))
        return NULL;

      if (KEY_IS (key, length, "label"))
        ok = first_time (&seen, ROW_LABEL) && read_string_or_null (r, &label);
      else if (KEY_IS (key, length, "concept"))
        ok = first_time (&seen, ROW_CONCEPT) && read_string_or_null (r, &concept);
      else if (KEY_IS (key, length, "label_en"))
        ok = first_time (&seen, ROW_LABEL_EN) && read_string_or_null (r, &label_en);
      else if (KEY_IS (key, length, "label_ja"))
        ok = first_time (&seen, ROW_LABEL_JA) && read_string_or_null (r, &label_ja);
      else if (KEY_IS (key, length, "depth"))
        ok = first_time (&seen, ROW_DEPTH) && read_uint (r, G_MAXUINT, &depth);
      else if (KEY_IS (key, length, "total"))
        ok = first_time (&seen, ROW_TOTAL) && read_bool (r, &total);
      else if (KEY_IS (key, length, "heading"))
        ok = first_time (&seen, ROW_HEADING) && read_bool (r, &heading);
      else if (KEY_IS (key, length, "line"))
        ok = first_time (&seen, ROW_LINE) && read_uint_or_null (r, G_MAXUINT32, 0, &line, &is_null);
      else if (KEY_IS (key, length, "values"))
        ok = first_time (&seen, ROW_VALUES) && read_values (r, n_columns, &values);
      else if (KEY_IS (key, length, "lines"))
        ok = first_time (&seen, ROW_LINES) && read_cell_numbers (r, n_columns, G_MAXUINT32, &lines);
      else if (KEY_IS (key, length, "decimals"))
        ok = first_time (&seen, ROW_DECIMALS) && read_cell_numbers (r, n_columns, MAX_DECIMALS, &decimals);
      else if (KEY_IS (key, length, "unit"))
        ok = first_time (&seen, ROW_UNIT) && read_string_or_null (r, &unit_name);
      else
        ok = FALSE;

      if (!ok || !next (r, '}', &more))
        return NULL;
    }

  if (!(seen & ROW_VALUES) || !kessan_unit_from_string (string_at (r, unit_name), &unit))
    return NULL;

  row = kessan_line_item_new (string_at (r, label), n_columns);
  kessan_line_item_set_concept (row, string_at (r, concept));
  kessan_line_item_set_labels (row, string_at (r, label_en), string_at (r, label_ja));
  kessan_line_item_set_depth (row, depth);
  kessan_line_item_set_total (row, total);
  kessan_line_item_set_heading (row, heading);
  kessan_line_item_set_unit (row, unit);
  kessan_line_item_set_line (row, line);

  for (guint i = 0; i < n_columns; i++)
    {
      guint value_line = 0, value_decimals;

      if (!values.present[i])
        continue;
      if ((seen & ROW_LINES) && lines.present[i])
        value_line = lines.numbers[i];
      if ((seen & ROW_DECIMALS) && decimals.present[i])
        value_decimals = decimals.numbers[i];
      else
        value_decimals = infer_decimals (values.values[i]);

      kessan_line_item_set_value (row, i, values.values[i], value_decimals, value_line);
    }

  g_string_truncate (r->strings, mark);
  return row;
}

/* Statements */

enum
{
  STATEMENT_ID       = 1 << 0,
  STATEMENT_KIND     = 1 << 1,
  STATEMENT_LANGUAGE = 1 << 2,
  STATEMENT_TITLE    = 1 << 3,
  STATEMENT_TOPIC    = 1 << 4,
  STATEMENT_LINES    = 1 << 5,
  STATEMENT_COLUMNS  = 1 << 6,
  STATEMENT_ROWS     = 1 << 7,
  STATEMENT_TRANSPOSED = 1 << 8,
};

static gboolean
read_columns (Reader    *r,
              GPtrArray *columns)
{
  gboolean more;

  if (!begin (r, '[', ']', &more))
    return FALSE;
  while (more)
    {
      KessanColumn *column;

      if (columns->len >= MAX_CELLS || (column = read_column (r)) == NULL)
        return FALSE;
      g_ptr_array_add (columns, column);
      if (!next (r, ']', &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_rows (Reader    *r,
           guint      n_columns,
           GPtrArray *rows)
{
  gboolean more;

  if (!begin (r, '[', ']', &more))
    return FALSE;
  while (more)
    {
      KessanLineItem *row = read_row (r, n_columns);

      if (row == NULL)
        return FALSE;
      g_ptr_array_add (rows, row);
      if (!next (r, ']', &more))
        return FALSE;
    }
  return TRUE;
}

/* "lines": [first, last] */
static gboolean
read_line_pair (Reader *r,
                guint  *first,
                guint  *last)
{
  return accept (r, '[') &&
         read_uint (r, G_MAXUINT32, first) && accept (r, ',') &&
         read_uint (r, G_MAXUINT32, last) && accept (r, ']');
}

static KessanStatement *
read_statement (Reader *r)
{
  gsize mark = r->strings->len;
  gsize id = NO_STRING, kind_name = NO_STRING, language = NO_STRING;
  gsize title = NO_STRING, topic = NO_STRING;
  guint first_line = 0, last_line = 0;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  KessanStatement *statement;
  KessanStatementKind kind;
  guint32 seen = 0;
  gboolean more, transposed = FALSE;

  if (!begin (r, '{', '}', &more))
    return NULL;
  while (more)
    {
      const char *key;
      gsize length;
      gboolean ok;

      if (!read_key (r, &key, &length))
        return NULL;

      if (KEY_IS (key, length, "id"))
        ok = first_time (&seen, STATEMENT_ID) && read_string (r, &id);
      else if (KEY_IS (key, length, "kind"))
        ok = first_time (&seen, STATEMENT_KIND) && read_string (r, &kind_name);
      else if (KEY_IS (key, length, "language"))
        ok = first_time (&seen, STATEMENT_LANGUAGE) && read_string_or_null (r, &language);
      else if (KEY_IS (key, length, "title"))
        ok = first_time (&seen, STATEMENT_TITLE) && read_string_or_null (r, &title);
      else if (KEY_IS (key, length, "topic"))
        ok = first_time (&seen, STATEMENT_TOPIC) && read_string_or_null (r, &topic);
      else if (KEY_IS (key, length, "lines"))
        ok = first_time (&seen, STATEMENT_LINES) &&
             (accept_null (r) || read_line_pair (r, &first_line, &last_line));
      else if (KEY_IS (key, length, "columns"))
        ok = first_time (&seen, STATEMENT_COLUMNS) && read_columns (r, columns);
      /* The rows need the number of columns: Kessan writes those first. */
      else if (KEY_IS (key, length, "rows"))
        ok = (seen & STATEMENT_COLUMNS) && first_time (&seen, STATEMENT_ROWS) &&
             read_rows (r, columns->len, rows);
      else if (KEY_IS (key, length, "transposed"))
        ok = first_time (&seen, STATEMENT_TRANSPOSED) && read_bool (r, &transposed);
      else
        ok = FALSE;

      if (!ok || !next (r, '}', &more))
        return NULL;
    }

  if (id == NO_STRING || kind_name == NO_STRING || !(seen & STATEMENT_ROWS) ||
      !kessan_statement_kind_from_string (string_at (r, kind_name), &kind))
    return NULL;

  statement = kessan_statement_new (string_at (r, id), kind, string_at (r, language));
  kessan_statement_set_title (statement, string_at (r, title));
  kessan_statement_set_topic (statement, string_at (r, topic));
  kessan_statement_set_lines (statement, first_line, last_line);
  kessan_statement_set_transposed (statement, transposed);
  for (guint i = 0; i < columns->len; i++)
    kessan_statement_add_column (statement, g_ptr_array_index (columns, i));
  for (guint i = 0; i < rows->len; i++)
    kessan_statement_add_row (statement, g_ptr_array_index (rows, i));

  g_string_truncate (r->strings, mark);
  return statement;
}

/* Findings */

enum
{
  FINDING_CHECK           = 1 << 0,
  FINDING_SEVERITY        = 1 << 1,
  FINDING_STATEMENT       = 1 << 2,
  FINDING_MESSAGE         = 1 << 3,
  FINDING_LINES           = 1 << 4,
  FINDING_ROWS            = 1 << 5,
  FINDING_COLUMNS         = 1 << 6,
  FINDING_OTHER_STATEMENT = 1 << 7,
  FINDING_EXPECTED        = 1 << 8,
  FINDING_FOUND           = 1 << 9,
};

/* An array of whole numbers up to @max, or with @nullable, null. */
static gboolean
read_uint_array (Reader   *r,
                 gboolean  nullable,
                 guint     max,
                 GArray   *out)
{
  gboolean more;

  if (nullable && accept_null (r))
    return TRUE;
  if (!begin (r, '[', ']', &more))
    return FALSE;
  while (more)
    {
      guint value;

      if (!read_uint (r, max, &value))
        return FALSE;
      g_array_append_val (out, value);
      if (!next (r, ']', &more))
        return FALSE;
    }
  return TRUE;
}

/* An array of strings, or null. */
static gboolean
read_string_array (Reader *r,
                   GArray *offsets)
{
  gboolean more;

  if (accept_null (r))
    return TRUE;
  if (!begin (r, '[', ']', &more))
    return FALSE;
  while (more)
    {
      gsize offset;

      if (!read_string (r, &offset))
        return FALSE;
      g_array_append_val (offsets, offset);
      if (!next (r, ']', &more))
        return FALSE;
    }
  return TRUE;
}

static KessanFinding *
read_finding (Reader *r)
{
  gsize mark = r->strings->len;
  gsize check = NO_STRING, severity_name = NO_STRING, statement = NO_STRING;
  gsize message = NO_STRING, other = NO_STRING;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gsize));
  Number expected = { 0 }, found = { 0 };
  KessanSeverity severity;
  KessanFinding *finding;
  guint32 seen = 0;
  gboolean more;

  if (!begin (r, '{', '}', &more))
    return NULL;
  while (more)
    {
      const char *key;
      gsize length;
      gboolean ok;

      if (!read_key (r, &key, &length))
        return NULL;

      if (KEY_IS (key, length, "check"))
        ok = first_time (&seen, FINDING_CHECK) && read_string (r, &check);
      else if (KEY_IS (key, length, "severity"))
        ok = first_time (&seen, FINDING_SEVERITY) && read_string (r, &severity_name);
      else if (KEY_IS (key, length, "statement"))
        ok = first_time (&seen, FINDING_STATEMENT) && read_string_or_null (r, &statement);
      else if (KEY_IS (key, length, "message"))
        ok = first_time (&seen, FINDING_MESSAGE) && read_string (r, &message);
      else if (KEY_IS (key, length, "lines"))
        ok = first_time (&seen, FINDING_LINES) && read_uint_array (r, FALSE, G_MAXUINT32, lines);
      else if (KEY_IS (key, length, "rows"))
        ok = first_time (&seen, FINDING_ROWS) && read_string_array (r, rows);
      else if (KEY_IS (key, length, "columns"))
        ok = first_time (&seen, FINDING_COLUMNS) && read_uint_array (r, TRUE, MAX_FINDING_COLUMN, columns);
      else if (KEY_IS (key, length, "other_statement"))
        ok = first_time (&seen, FINDING_OTHER_STATEMENT) && read_string_or_null (r, &other);
      else if (KEY_IS (key, length, "expected"))
        ok = first_time (&seen, FINDING_EXPECTED) && read_number (r, &expected);
      else if (KEY_IS (key, length, "found"))
        ok = first_time (&seen, FINDING_FOUND) && read_number (r, &found);
      else
        ok = FALSE;

      if (!ok || !next (r, '}', &more))
        return NULL;
    }

  if (check == NO_STRING || severity_name == NO_STRING || message == NO_STRING ||
      !kessan_severity_from_string (string_at (r, severity_name), &severity))
    return NULL;

  finding = kessan_finding_new (string_at (r, check), severity, string_at (r, statement),
                                string_at (r, message));
  for (guint i = 0; i < lines->len; i++)
    kessan_finding_add_line (finding, g_array_index (lines, guint, i));
  for (guint i = 0; i < rows->len; i++)
    kessan_finding_add_row (finding, string_at (r, g_array_index (rows, gsize, i)));
  for (guint i = 0; i < columns->len; i++)
    kessan_finding_add_column (finding, g_array_index (columns, guint, i));
  kessan_finding_set_other_statement (finding, string_at (r, other));
  if ((seen & FINDING_EXPECTED) && (seen & FINDING_FOUND))
    kessan_finding_set_values (finding, expected.d, found.d);

  g_string_truncate (r->strings, mark);
  return finding;
}

/* The filing */

enum
{
  FILING_FORMAT        = 1 << 0,
  FILING_VERSION       = 1 << 1,
  FILING_COMPANY       = 1 << 2,
  FILING_PERIOD        = 1 << 3,
  FILING_RELEASED      = 1 << 4,
  FILING_LANGUAGES     = 1 << 5,
  FILING_RATE          = 1 << 6,
  FILING_SOURCE        = 1 << 7,
  FILING_STATEMENTS    = 1 << 8,
  FILING_FINDINGS      = 1 << 9,
  FILING_TEXT          = 1 << 10,
  FILING_STANDARD      = 1 << 11,
  FILING_CONSOLIDATION = 1 << 12,
  FILING_COMPANY_IDS   = 1 << 13,
};

/* "company_ids": strings by scheme, each scheme once. */
static gboolean
read_company_ids (Reader *r,
                  gsize   ids[KESSAN_COMPANY_N_IDS])
{
  guint32 seen = 0;
  gboolean more;

  for (guint i = 0; i < KESSAN_COMPANY_N_IDS; i++)
    ids[i] = NO_STRING;
  if (!begin (r, '{', '}', &more))
    return FALSE;
  while (more)
    {
      const char *key;
      gsize length;
      gboolean ok = FALSE;

      if (!read_key (r, &key, &length))
        return FALSE;
      for (guint i = 0; i < KESSAN_COMPANY_N_IDS; i++)
        if (length == strlen (kessan_company_id_to_string (i))
            && memcmp (key, kessan_company_id_to_string (i), length) == 0)
          {
            ok = first_time (&seen, 1u << i) && read_string_or_null (r, &ids[i]);
            break;
          }
      if (!ok || !next (r, '}', &more))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gboolean present;
  guint    fiscal_year;
  guint    fiscal_quarter;
  gsize    start;
  gsize    end;
  guint    months;
  gsize    year_end;
  gsize    label;
} Period;

typedef struct
{
  gboolean present;
  double   jpy_per_usd;
  gsize    as_of;
} Rate;

typedef struct
{
  gboolean present;
  gsize    name;
  gsize    sha256;
  gsize    encoding;
  /* The one part of a filing read from one file. */
  gsize    part_name;
  gsize    part_format;
  gsize    part_sha256;
  gboolean has_part;
} Source;

/* "parts" with one part; a release of several parts goes to the full
 * reader. */
static gboolean
read_parts (Reader *r,
            Source *source)
{
  guint32 seen = 0;
  gboolean more;

  if (!begin (r, '[', ']', &more) || !more)
    return FALSE;
  if (!begin (r, '{', '}', &more))
    return FALSE;
  while (more)
    {
      const char *key;
      gsize length;
      gboolean ok;

      if (!read_key (r, &key, &length))
        return FALSE;
      if (KEY_IS (key, length, "name"))
        ok = first_time (&seen, 1 << 0) && read_string_or_null (r, &source->part_name);
      else if (KEY_IS (key, length, "format"))
        ok = first_time (&seen, 1 << 1) && read_string_or_null (r, &source->part_format);
      else if (KEY_IS (key, length, "sha256"))
        ok = first_time (&seen, 1 << 2) && read_string_or_null (r, &source->part_sha256);
      else
        ok = FALSE;
      if (!ok || !next (r, '}', &more))
        return FALSE;
    }
  source->has_part = TRUE;
  return next (r, ']', &more) && !more;
}

static gboolean
read_period (Reader *r,
             Period *period)
{
  guint32 seen = 0;
  gboolean more, is_null;

  period->start = period->end = period->year_end = period->label = NO_STRING;
  if (accept_null (r))
    return TRUE;
  period->present = TRUE;
  if (!begin (r, '{', '}', &more))
    return FALSE;
  while (more)
    {
      const char *key;
      gsize length;
      gboolean ok;

      if (!read_key (r, &key, &length))
        return FALSE;

      if (KEY_IS (key, length, "fiscal_year"))
        ok = first_time (&seen, 1 << 0) &&
             read_uint_or_null (r, G_MAXUINT, 0, &period->fiscal_year, &is_null);
      else if (KEY_IS (key, length, "fiscal_quarter"))
        ok = first_time (&seen, 1 << 1) && read_uint (r, 4, &period->fiscal_quarter);
      else if (KEY_IS (key, length, "end"))
        ok = first_time (&seen, 1 << 2) && read_date_or_null (r, &period->end);
      else if (KEY_IS (key, length, "months"))
        ok = first_time (&seen, 1 << 3) &&
             read_uint_or_null (r, MAX_MONTHS, 0, &period->months, &is_null);
      else if (KEY_IS (key, length, "start"))
        ok = first_time (&seen, 1 << 4) && read_date_or_null (r, &period->start);
      else if (KEY_IS (key, length, "fiscal_year_end"))
        ok = first_time (&seen, 1 << 5) && read_string_or_null (r, &period->year_end);
      else if (KEY_IS (key, length, "fiscal_label"))
        ok = first_time (&seen, 1 << 6) && read_string_or_null (r, &period->label);
      else
        ok = FALSE;

      if (!ok || !next (r, '}', &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_rate (Reader *r,
           Rate   *rate)
{
  guint32 seen = 0;
  gboolean more;

  rate->as_of = NO_STRING;
  if (accept_null (r))
    return TRUE;
  rate->present = TRUE;
  if (!begin (r, '{', '}', &more))
    return FALSE;
  while (more)
    {
      const char *key;
      gsize length;
      gboolean ok;
      Number number;

      if (!read_key (r, &key, &length))
        return FALSE;

      if (KEY_IS (key, length, "jpy_per_usd"))
        {
          ok = first_time (&seen, 1 << 0) && read_number (r, &number) &&
               isfinite (number.d) && number.d > 0.0;
          rate->jpy_per_usd = number.d;
        }
      else if (KEY_IS (key, length, "as_of"))
        ok = first_time (&seen, 1 << 1) && read_date_or_null (r, &rate->as_of);
      else
        ok = FALSE;

      if (!ok || !next (r, '}', &more))
        return FALSE;
    }
  return (seen & (1 << 0)) != 0;
}

static gboolean
read_source (Reader *r,
             Source *source)
{
  guint32 seen = 0;
  gboolean more;

  source->name = source->sha256 = source->encoding = NO_STRING;
  source->part_name = source->part_format = source->part_sha256 = NO_STRING;
  if (accept_null (r))
    return TRUE;
  source->present = TRUE;
  if (!begin (r, '{', '}', &more))
    return FALSE;
  while (more)
    {
      const char *key;
      gsize length;
      gboolean ok;

      if (!read_key (r, &key, &length))
        return FALSE;

      if (KEY_IS (key, length, "name"))
        ok = first_time (&seen, 1 << 0) && read_string_or_null (r, &source->name);
      else if (KEY_IS (key, length, "sha256"))
        ok = first_time (&seen, 1 << 1) && read_string_or_null (r, &source->sha256);
      else if (KEY_IS (key, length, "encoding"))
        ok = first_time (&seen, 1 << 2) && read_string_or_null (r, &source->encoding);
      else if (KEY_IS (key, length, "parts"))
        ok = first_time (&seen, 1 << 3) && read_parts (r, source);
      else
        ok = FALSE;

      if (!ok || !next (r, '}', &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_statements (Reader    *r,
                 GPtrArray *statements)
{
  gboolean more;

  if (!begin (r, '[', ']', &more))
    return FALSE;
  while (more)
    {
      KessanStatement *statement = read_statement (r);

      if (statement == NULL)
        return FALSE;
      g_ptr_array_add (statements, statement);
      if (!next (r, ']', &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_findings (Reader    *r,
               GPtrArray *findings)
{
  gboolean more;

  if (accept_null (r))
    return TRUE;
  if (!begin (r, '[', ']', &more))
    return FALSE;
  while (more)
    {
      KessanFinding *finding = read_finding (r);

      if (finding == NULL)
        return FALSE;
      g_ptr_array_add (findings, finding);
      if (!next (r, ']', &more))
        return FALSE;
    }
  return TRUE;
}

static KessanFiling *
read_filing (Reader   *r,
             gboolean  with_text)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) languages = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize format = NO_STRING, company = NO_STRING, released = NO_STRING, text = NO_STRING;
  gsize standard_name = NO_STRING, consolidation_name = NO_STRING;
  gsize company_ids[KESSAN_COMPANY_N_IDS];
  KessanAccountingStandard standard = KESSAN_STANDARD_UNKNOWN;
  KessanConsolidation consolidation = KESSAN_CONSOLIDATION_UNKNOWN;
  guint year_end_month = 0, year_end_day = 0;
  Period period = { 0 };
  Rate rate = { 0 };
  Source source = { 0 };
  guint version = 0;
  guint32 seen = 0;
  KessanFiling *filing;
  gboolean more;

  if (!begin (r, '{', '}', &more))
    return NULL;
  while (more)
    {
      const char *key;
      gsize length;
      gboolean ok;

      if (!read_key (r, &key, &length))
        return NULL;

      if (KEY_IS (key, length, "format"))
        ok = first_time (&seen, FILING_FORMAT) && read_string (r, &format);
      else if (KEY_IS (key, length, "version"))
        ok = first_time (&seen, FILING_VERSION) && read_uint (r, G_MAXUINT, &version);
      else if (KEY_IS (key, length, "company"))
        ok = first_time (&seen, FILING_COMPANY) && read_string_or_null (r, &company);
      else if (KEY_IS (key, length, "period"))
        ok = first_time (&seen, FILING_PERIOD) && read_period (r, &period);
      else if (KEY_IS (key, length, "released"))
        ok = first_time (&seen, FILING_RELEASED) && read_date_or_null (r, &released);
      else if (KEY_IS (key, length, "languages"))
        ok = first_time (&seen, FILING_LANGUAGES) && read_string_array (r, languages);
      else if (KEY_IS (key, length, "exchange_rate"))
        ok = first_time (&seen, FILING_RATE) && read_rate (r, &rate);
      else if (KEY_IS (key, length, "source"))
        ok = first_time (&seen, FILING_SOURCE) && read_source (r, &source);
      else if (KEY_IS (key, length, "statements"))
        ok = first_time (&seen, FILING_STATEMENTS) && read_statements (r, statements);
      else if (KEY_IS (key, length, "findings"))
        ok = first_time (&seen, FILING_FINDINGS) && read_findings (r, findings);
      else if (KEY_IS (key, length, "text"))
        ok = first_time (&seen, FILING_TEXT) && read_string_or_null (r, &text);
      else if (KEY_IS (key, length, "accounting_standard"))
        ok = first_time (&seen, FILING_STANDARD) && read_string_or_null (r, &standard_name);
      else if (KEY_IS (key, length, "consolidation"))
        ok = first_time (&seen, FILING_CONSOLIDATION) && read_string_or_null (r, &consolidation_name);
      else if (KEY_IS (key, length, "company_ids"))
        ok = first_time (&seen, FILING_COMPANY_IDS) && read_company_ids (r, company_ids);
      else
        ok = FALSE;

      if (!ok || !next (r, '}', &more))
        return NULL;
    }

  /* Nothing may follow the object. */
  skip_space (r);
  if (r->p != r->end)
    return NULL;

  if (format == NO_STRING || strcmp (string_at (r, format), "kessan-filing") != 0 ||
      !(seen & FILING_VERSION) || version < 1 || version > 2 || !(seen & FILING_STATEMENTS))
    return NULL;
  if ((standard_name != NO_STRING
       && !kessan_accounting_standard_from_string (string_at (r, standard_name), &standard)) ||
      (consolidation_name != NO_STRING
       && !kessan_consolidation_from_string (string_at (r, consolidation_name), &consolidation)) ||
      (period.year_end != NO_STRING
       && !kessan_export_parse_month_day (string_at (r, period.year_end), &year_end_month, &year_end_day)))
    return NULL;
  /* A part other than the file itself: the full reader keeps it. */
  if (source.has_part &&
      (g_strcmp0 (string_at (r, source.part_name), string_at (r, source.name)) != 0 ||
       g_strcmp0 (string_at (r, source.part_sha256), string_at (r, source.sha256)) != 0 ||
       g_strcmp0 (string_at (r, source.part_format),
                  g_strcmp0 (string_at (r, source.encoding), "pdf") == 0 ? "pdf"
                  : source.encoding != NO_STRING ? "text" : NULL) != 0))
    return NULL;

  /* The same calls, in the same order, as kessan-export.c's reader. */
  filing = kessan_filing_new ();
  kessan_filing_set_company (filing, string_at (r, company));
  for (guint i = 0; (seen & FILING_COMPANY_IDS) && i < KESSAN_COMPANY_N_IDS; i++)
    kessan_company_set_id (kessan_filing_get_company_info (filing), i, string_at (r, company_ids[i]));
  kessan_filing_set_accounting_standard (filing, standard);
  kessan_filing_set_consolidation (filing, consolidation);
  kessan_filing_set_released (filing, string_at (r, released));
  kessan_filing_set_text (filing, with_text ? string_at (r, text) : NULL);
  if (period.present)
    {
      kessan_filing_set_fiscal_period (filing, period.fiscal_year, period.fiscal_quarter);
      kessan_filing_set_period_end (filing, string_at (r, period.end), period.months);
      kessan_filing_set_fiscal_year_end (filing, year_end_month, year_end_day);
      kessan_filing_set_fiscal_label (filing, string_at (r, period.label));
      kessan_filing_set_period_start (filing, string_at (r, period.start));
    }
  for (guint i = 0; i < languages->len; i++)
    kessan_filing_add_language (filing, string_at (r, g_array_index (languages, gsize, i)));
  if (rate.present)
    kessan_filing_set_exchange_rate (filing, rate.jpy_per_usd, string_at (r, rate.as_of));
  if (source.present)
    {
      kessan_filing_set_source_name (filing, string_at (r, source.name));
      kessan_filing_set_source_hash (filing, string_at (r, source.sha256));
      kessan_filing_set_source_encoding (filing, string_at (r, source.encoding));
    }
  for (guint i = 0; i < statements->len; i++)
    kessan_filing_add_statement (filing, g_ptr_array_index (statements, i));
  for (guint i = 0; i < findings->len; i++)
    kessan_filing_add_finding (filing, g_ptr_array_index (findings, i));

  return filing;
}

/**
 * kessan_filing_loader_read:
 * @data: (array length=length): the text of a filing file
 * @length: its length in bytes
 * @with_text: %FALSE to leave the decoded text out of the filing (it is
 *   read and checked all the same)
 *
 * Reads a filing in the form Kessan writes it, quickly.
 *
 * Returns: (transfer full) (nullable): the filing, the same as
 *   kessan_filing_new_from_json() gives for @data (but for the text
 *   without @with_text), or %NULL when @data is in any other form, valid
 *   or not
 */
KessanFiling *
kessan_filing_loader_read (const char *data,
                           gsize       length,
                           gboolean    with_text)
{
  Reader r = { data, data + length, g_string_sized_new (4096) };
  KessanFiling *filing;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  filing = read_filing (&r, with_text);
  g_string_free (r.strings, TRUE);
  return filing;
}
