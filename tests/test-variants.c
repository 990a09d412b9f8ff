/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The same releases laid out, encoded and damaged in the ways real files
 * differ: every variant is made here from a bundled seed, parsed, and
 * compared with the parse of the seed itself.  A variant that only
 * changes the presentation must give the same statements, columns, rows
 * and numbers; a damaged one must still parse without crashing or
 * hanging. */

#include <locale.h>
#include <math.h>
#include <string.h>

#include "kessan.h"
#include "kessan-test-util.h"

#define SEED_001 "001_ac7abb1bfabe4158.txt"
#define SEED_003 "003_3f09aa9018b22431.txt"
#define SEED_004 "004_df6267c19d93d050.txt"

/* Differences printed for the columns and for the rows of a statement,
 * and in all; the rest are only counted, so that a table that comes out
 * wrong as a whole does not bury the first and most telling difference,
 * nor the other tables. */
#define MAX_REPORTED_PER_PART 8
#define MAX_REPORTED 120

/* A real release parses in well under a second; a parse still running
 * after this long is stuck. */
#define PARSE_DEADLINE_SECONDS 20

/* Spaces between two columns of a space-aligned printout. */
#define COLUMN_GAP 2

/* Fixed so that a failing robustness input can be made again. */
#define RANDOM_SEED 20030521

/* Parsing with a deadline */

typedef struct
{
  GMutex        mutex;
  GCond         cond;
  GBytes       *contents;
  const char   *name;
  KessanFiling *filing;
  GError       *error;
  gboolean      done;
} ParseJob;

static gpointer
parse_thread (gpointer data)
{
  ParseJob *job = data;
  GError *error = NULL;
  KessanFiling *filing;

  filing = kessan_parse_release (job->contents, job->name, &error);

  g_mutex_lock (&job->mutex);
  job->filing = filing;
  job->error = error;
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);

  return NULL;
}

/* Parses in a worker thread, so that a parser caught in a loop stops the
 * run with the name of the input instead of leaving it to the harness's
 * timeout.  @name is the filing's source name and names the variant in
 * every report. */
static KessanFiling *
parse_bounded (const char  *data,
               gsize        length,
               const char  *name,
               GError     **error)
{
  ParseJob job = { 0 };
  GThread *thread;
  gint64 start;
  gint64 deadline;
  gint64 elapsed;
  gboolean finished;

  if (g_test_verbose ())
    g_test_message ("parsing %s (%" G_GSIZE_FORMAT " bytes)", name, length);

  g_mutex_init (&job.mutex);
  g_cond_init (&job.cond);
  job.contents = g_bytes_new (data, length);
  job.name = name;

  start = g_get_monotonic_time ();
  deadline = start + PARSE_DEADLINE_SECONDS * G_TIME_SPAN_SECOND;
  thread = g_thread_new ("kessan-parse", parse_thread, &job);

  g_mutex_lock (&job.mutex);
  while (!job.done)
    if (!g_cond_wait_until (&job.cond, &job.mutex, deadline))
      break;
  finished = job.done;
  g_mutex_unlock (&job.mutex);

  /* The worker still uses the job; the process has to end here. */
  if (!finished)
    g_error ("Parsing %s (%" G_GSIZE_FORMAT " bytes) did not finish within %d s.",
             name, length, PARSE_DEADLINE_SECONDS);

  g_thread_join (thread);
  elapsed = g_get_monotonic_time () - start;
  if (elapsed > 2 * G_TIME_SPAN_SECOND)
    g_test_message ("parsing %s took %.1f s", name, elapsed / (double) G_TIME_SPAN_SECOND);

  g_bytes_unref (job.contents);
  g_mutex_clear (&job.mutex);
  g_cond_clear (&job.cond);

  if (job.error != NULL)
    g_propagate_error (error, job.error);

  return job.filing;
}

static KessanFiling *
parse_ok (const char *data,
          gsize       length,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  KessanFiling *filing;

  filing = parse_bounded (data, length, name, &error);
  if (error != NULL)
    g_test_message ("%s: %s", name, error->message);
  g_assert_no_error (error);
  g_assert_nonnull (filing);

  return filing;
}

/* Marks the test failed and lets it go on, so that one run reports
 * every variant that comes out wrong; each failure is also logged, since
 * the test's result keeps only one message. */
static void fail (const char *format,
                  ...) G_GNUC_PRINTF (1, 2);

static void
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_message ("FAIL: %s", message);
  g_test_fail_printf ("%s", message);
}

/* Comparison */

typedef struct
{
  const char *variant;
  guint       n_differences;
  guint       n_reported;
  guint       n_in_statement;   /* differences in the statement at hand */
  guint       n_in_part;        /* in its columns, or in its rows */
  gboolean    last_reported;
  guint       n_headers_lost;
  /* The decoded texts, to quote the source lines of a row that differs;
   * NULL when not at hand. */
  char      **original_lines;
  char      **variant_lines;
} Comparison;

static void difference (Comparison *cmp,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);

static void
difference (Comparison *cmp,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  cmp->n_differences++;
  cmp->n_in_statement++;
  cmp->n_in_part++;
  cmp->last_reported = FALSE;
  if (cmp->n_in_part > MAX_REPORTED_PER_PART || cmp->n_reported >= MAX_REPORTED)
    return;
  cmp->n_reported++;
  cmp->last_reported = TRUE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("%s: %s", cmp->variant, message);
}

static const char *
or_null (const char *s)
{
  return s != NULL ? s : "(null)";
}

/* Header text is joined from the header lines with whatever spaces they
 * had; a relaid table may space it differently without saying anything
 * else. */
static char *
squeeze_spaces (const char *s)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (s == NULL)
    return NULL;
  words = g_strsplit_set (s, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_add (kept, NULL);

  return g_strjoinv (" ", (char **) kept->pdata);
}

static char *
describe_value (KessanLineItem *row,
                guint           column)
{
  if (column >= kessan_line_item_get_n_values (row) || !kessan_line_item_has_value (row, column))
    return g_strdup ("absent");
  return g_strdup_printf ("%.*f (line %u)",
                          (int) kessan_line_item_get_decimals (row, column),
                          kessan_line_item_get_value (row, column),
                          kessan_line_item_get_value_line (row, column));
}

static void
compare_text (Comparison *cmp,
              const char *where,
              const char *what,
              const char *original,
              const char *variant)
{
  if (g_strcmp0 (original, variant) != 0)
    difference (cmp, "%s: %s “%s” became “%s”", where, what, or_null (original), or_null (variant));
}

static void
compare_uint (Comparison *cmp,
              const char *where,
              const char *what,
              guint       original,
              guint       variant)
{
  if (original != variant)
    difference (cmp, "%s: %s %u became %u", where, what, original, variant);
}

static void
compare_columns (Comparison      *cmp,
                 KessanStatement *original,
                 KessanStatement *variant)
{
  const char *id = kessan_statement_get_id (original);
  guint n = MIN (kessan_statement_get_n_columns (original), kessan_statement_get_n_columns (variant));

  compare_uint (cmp, id, "number of columns",
                kessan_statement_get_n_columns (original), kessan_statement_get_n_columns (variant));

  for (guint c = 0; c < n; c++)
    {
      KessanColumn *a = kessan_statement_get_column (original, c);
      KessanColumn *b = kessan_statement_get_column (variant, c);
      g_autofree char *where = NULL;
      g_autofree char *header_a = squeeze_spaces (kessan_column_get_header (a));
      g_autofree char *header_b = squeeze_spaces (kessan_column_get_header (b));

      where = g_strdup_printf ("%s column %u “%s”", id, c, or_null (header_a));
      /* Only a tab-separated table says which header text belongs to
       * which column; a space-separated one may keep none of it. */
      if (header_a != NULL && header_b == NULL)
        cmp->n_headers_lost++;
      else
        compare_text (cmp, where, "header", header_a, header_b);
      compare_text (cmp, where, "period end",
                    kessan_column_get_period_end (a), kessan_column_get_period_end (b));
      compare_uint (cmp, where, "months", kessan_column_get_months (a), kessan_column_get_months (b));
      compare_text (cmp, where, "measure",
                    kessan_measure_to_string (kessan_column_get_measure (a)),
                    kessan_measure_to_string (kessan_column_get_measure (b)));
      compare_text (cmp, where, "currency",
                    kessan_currency_to_string (kessan_column_get_currency (a)),
                    kessan_currency_to_string (kessan_column_get_currency (b)));
      compare_uint (cmp, where, "scale", kessan_column_get_scale (a), kessan_column_get_scale (b));
      compare_text (cmp, where, "unit",
                    kessan_unit_to_string (kessan_column_get_unit (a)),
                    kessan_unit_to_string (kessan_column_get_unit (b)));
      compare_text (cmp, where, "compared end",
                    kessan_column_get_compared_end (a), kessan_column_get_compared_end (b));
    }
}

/* Quotes a source line under the differences just reported. */
static void
quote_line (char       **lines,
            const char  *which,
            guint        number)
{
  if (lines == NULL || number == 0 || number > g_strv_length (lines))
    return;
  g_test_message ("    %s line %u: %s", which, number, lines[number - 1]);
}

static void
compare_row (Comparison      *cmp,
             KessanStatement *statement,
             guint            index,
             KessanLineItem  *a,
             KessanLineItem  *b)
{
  g_autofree char *where = NULL;
  guint n_columns = kessan_statement_get_n_columns (statement);
  guint reported = cmp->n_reported;

  where = g_strdup_printf ("%s row %u “%s” (line %u)", kessan_statement_get_id (statement), index,
                           or_null (kessan_line_item_get_label (a)), kessan_line_item_get_line (a));

  compare_text (cmp, where, "label", kessan_line_item_get_label (a), kessan_line_item_get_label (b));
  compare_text (cmp, where, "concept", kessan_line_item_get_concept (a), kessan_line_item_get_concept (b));
  compare_text (cmp, where, "English label",
                kessan_line_item_get_label_en (a), kessan_line_item_get_label_en (b));
  compare_text (cmp, where, "Japanese label",
                kessan_line_item_get_label_ja (a), kessan_line_item_get_label_ja (b));
  compare_uint (cmp, where, "depth", kessan_line_item_get_depth (a), kessan_line_item_get_depth (b));
  compare_uint (cmp, where, "total", kessan_line_item_get_total (a), kessan_line_item_get_total (b));
  compare_uint (cmp, where, "heading", kessan_line_item_get_heading (a), kessan_line_item_get_heading (b));
  compare_text (cmp, where, "unit",
                kessan_unit_to_string (kessan_line_item_get_unit (a)),
                kessan_unit_to_string (kessan_line_item_get_unit (b)));
  compare_uint (cmp, where, "line", kessan_line_item_get_line (a), kessan_line_item_get_line (b));

  for (guint c = 0; c < n_columns; c++)
    {
      gboolean has_a = c < kessan_line_item_get_n_values (a) && kessan_line_item_has_value (a, c);
      gboolean has_b = c < kessan_line_item_get_n_values (b) && kessan_line_item_has_value (b, c);
      KessanColumn *column = kessan_statement_get_column (statement, c);
      gboolean same;

      if (!has_a && !has_b)
        continue;
      same = has_a && has_b
             && kessan_line_item_get_value (a, c) == kessan_line_item_get_value (b, c)
             && kessan_line_item_get_decimals (a, c) == kessan_line_item_get_decimals (b, c)
             && kessan_line_item_get_value_line (a, c) == kessan_line_item_get_value_line (b, c);
      if (!same)
        {
          g_autofree char *value_a = describe_value (a, c);
          g_autofree char *value_b = describe_value (b, c);

          difference (cmp, "%s column %u “%s”: %s became %s", where, c,
                      or_null (kessan_column_get_header (column)), value_a, value_b);
        }
    }

  if (cmp->n_reported > reported)
    {
      quote_line (cmp->original_lines, "original", kessan_line_item_get_line (a));
      quote_line (cmp->variant_lines, "variant", kessan_line_item_get_line (b));
    }
}

static void
compare_statement (Comparison      *cmp,
                   KessanStatement *a,
                   KessanStatement *b)
{
  const char *id = kessan_statement_get_id (a);
  guint n_rows_a = kessan_statement_get_n_rows (a);
  guint n_rows_b = kessan_statement_get_n_rows (b);

  compare_text (cmp, id, "id", id, kessan_statement_get_id (b));
  compare_text (cmp, id, "kind",
                kessan_statement_kind_to_string (kessan_statement_get_kind (a)),
                kessan_statement_kind_to_string (kessan_statement_get_kind (b)));
  compare_text (cmp, id, "language", kessan_statement_get_language (a), kessan_statement_get_language (b));
  compare_text (cmp, id, "topic", kessan_statement_get_topic (a), kessan_statement_get_topic (b));
  compare_text (cmp, id, "title", kessan_statement_get_title (a), kessan_statement_get_title (b));
  compare_uint (cmp, id, "first line",
                kessan_statement_get_first_line (a), kessan_statement_get_first_line (b));
  compare_uint (cmp, id, "last line",
                kessan_statement_get_last_line (a), kessan_statement_get_last_line (b));

  cmp->n_in_part = 0;
  compare_columns (cmp, a, b);

  cmp->n_in_part = 0;
  compare_uint (cmp, id, "number of rows", n_rows_a, n_rows_b);

  /* Rows are paired by their source line, which every variant keeps: a
   * row merged with its neighbour or split in two then shows as that
   * row alone, not as a shift of every row after it. */
  for (guint r = 0, q = 0; r < n_rows_a || q < n_rows_b;)
    {
      KessanLineItem *row_a = r < n_rows_a ? kessan_statement_get_row (a, r) : NULL;
      KessanLineItem *row_b = q < n_rows_b ? kessan_statement_get_row (b, q) : NULL;
      guint line_a = row_a != NULL ? kessan_line_item_get_line (row_a) : G_MAXUINT;
      guint line_b = row_b != NULL ? kessan_line_item_get_line (row_b) : G_MAXUINT;

      if (line_a == line_b)
        {
          compare_row (cmp, a, r++, row_a, row_b);
          q++;
        }
      else if (line_a < line_b)
        {
          difference (cmp, "%s row %u “%s” (line %u) is missing", id, r,
                      or_null (kessan_line_item_get_label (row_a)), line_a);
          if (cmp->last_reported)
            quote_line (cmp->variant_lines, "variant", line_a);
          r++;
        }
      else
        {
          difference (cmp, "%s has an extra row “%s” (line %u)", id,
                      or_null (kessan_line_item_get_label (row_b)), line_b);
          if (cmp->last_reported)
            quote_line (cmp->variant_lines, "variant", line_b);
          q++;
        }
    }
}

static char *
join_languages (KessanFiling *filing)
{
  const char * const *languages = kessan_filing_get_languages (filing);

  return languages != NULL ? g_strjoinv (",", (char **) languages) : g_strdup ("");
}

static void
compare_filings (Comparison   *cmp,
                 KessanFiling *original,
                 KessanFiling *variant)
{
  g_autofree char *languages_a = join_languages (original);
  g_autofree char *languages_b = join_languages (variant);
  guint n_a = kessan_filing_get_n_statements (original);
  guint n_b = kessan_filing_get_n_statements (variant);

  compare_text (cmp, "filing", "company",
                kessan_filing_get_company (original), kessan_filing_get_company (variant));
  compare_uint (cmp, "filing", "fiscal year",
                kessan_filing_get_fiscal_year (original), kessan_filing_get_fiscal_year (variant));
  compare_uint (cmp, "filing", "fiscal quarter",
                kessan_filing_get_fiscal_quarter (original), kessan_filing_get_fiscal_quarter (variant));
  compare_text (cmp, "filing", "period end",
                kessan_filing_get_period_end (original), kessan_filing_get_period_end (variant));
  compare_uint (cmp, "filing", "period months",
                kessan_filing_get_period_months (original), kessan_filing_get_period_months (variant));
  compare_text (cmp, "filing", "release date",
                kessan_filing_get_released (original), kessan_filing_get_released (variant));
  if (kessan_filing_get_jpy_per_usd (original) != kessan_filing_get_jpy_per_usd (variant))
    difference (cmp, "filing: exchange rate %g became %g",
                kessan_filing_get_jpy_per_usd (original), kessan_filing_get_jpy_per_usd (variant));
  compare_text (cmp, "filing", "rate date",
                kessan_filing_get_rate_as_of (original), kessan_filing_get_rate_as_of (variant));
  compare_text (cmp, "filing", "languages", languages_a, languages_b);

  for (guint i = 0; i < n_a; i++)
    {
      KessanStatement *a = kessan_filing_get_statement (original, i);
      KessanStatement *b = kessan_filing_find_statement (variant, kessan_statement_get_id (a));

      cmp->n_in_statement = 0;
      cmp->n_in_part = 0;
      if (b == NULL)
        {
          difference (cmp, "statement %s (lines %u–%u) is missing", kessan_statement_get_id (a),
                      kessan_statement_get_first_line (a), kessan_statement_get_last_line (a));
          continue;
        }
      if (i >= n_b || kessan_filing_get_statement (variant, i) != b)
        difference (cmp, "statement %s is no longer statement %u", kessan_statement_get_id (a), i);
      compare_statement (cmp, a, b);
      if (cmp->n_in_statement > 0)
        g_test_message ("%s: statement %s (lines %u–%u): differences: %u", cmp->variant,
                        kessan_statement_get_id (a), kessan_statement_get_first_line (a),
                        kessan_statement_get_last_line (a), cmp->n_in_statement);
    }

  for (guint i = 0; i < n_b; i++)
    {
      KessanStatement *b = kessan_filing_get_statement (variant, i);

      cmp->n_in_statement = 0;
      cmp->n_in_part = 0;
      if (kessan_filing_find_statement (original, kessan_statement_get_id (b)) == NULL)
        difference (cmp, "extra statement %s (lines %u–%u, %u rows)", kessan_statement_get_id (b),
                    kessan_statement_get_first_line (b), kessan_statement_get_last_line (b),
                    kessan_statement_get_n_rows (b));
    }
}

static void
report_total (Comparison *cmp)
{
  if (cmp->n_headers_lost > 0)
    g_test_message ("%s: %u column headers not kept (not a difference)", cmp->variant, cmp->n_headers_lost);
  if (cmp->n_differences > cmp->n_reported)
    g_test_message ("%s: %u differences in all, %u of them shown", cmp->variant,
                    cmp->n_differences, cmp->n_reported);
}

/* Every variant made here keeps the lines where they were, so provenance
 * line numbers are compared along with the numbers.  A difference marks
 * the test failed but lets the other variants of the test run, so that
 * one run reports all of them. */
static void
assert_same_filing (KessanFiling *original,
                    KessanFiling *variant)
{
  g_auto(GStrv) original_lines = NULL;
  g_auto(GStrv) variant_lines = NULL;
  Comparison cmp = { .variant = kessan_filing_get_source_name (variant) };

  g_assert_nonnull (original);
  g_assert_nonnull (variant);

  original_lines = g_strsplit (kessan_filing_get_text (original), "\n", -1);
  variant_lines = g_strsplit (kessan_filing_get_text (variant), "\n", -1);
  cmp.original_lines = original_lines;
  cmp.variant_lines = variant_lines;

  compare_filings (&cmp, original, variant);
  report_total (&cmp);
  if (cmp.n_differences > 0)
    fail ("%s gives %u differences from %s", cmp.variant, cmp.n_differences,
          kessan_filing_get_source_name (original));
}

/* The same for one statement of a filing that lost its later part. */
static void
assert_same_statement (KessanStatement *original,
                       KessanStatement *variant,
                       const char      *variant_name)
{
  Comparison cmp = { .variant = variant_name };

  compare_statement (&cmp, original, variant);
  report_total (&cmp);
  if (cmp.n_differences > 0)
    fail ("%s: statement %s has %u differences", variant_name,
          kessan_statement_get_id (original), cmp.n_differences);
}

static gboolean
has_finding (KessanFiling *filing,
             const char   *check,
             const char  **statement)
{
  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);

      if (g_strcmp0 (kessan_finding_get_check (finding), check) == 0)
        {
          if (statement != NULL)
            *statement = kessan_finding_get_statement (finding);
          return TRUE;
        }
    }
  return FALSE;
}

/* Text helpers */

static guint
display_width (const char *s)
{
  guint width = 0;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

static void
append_spaces (GString *s,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (s, ' ');
}

/* The printed number of a table cell, without markup: "(1,234)", "5.6%",
 * "-905", "-" for nil. */
static gboolean
is_number_cell (const char *cell)
{
  static GRegex *tag;
  static GRegex *number;
  g_autofree char *bare = NULL;

  if (g_once_init_enter (&tag))
    g_once_init_leave (&tag, g_regex_new ("<[^>]*>", G_REGEX_OPTIMIZE, 0, NULL));
  if (g_once_init_enter (&number))
    g_once_init_leave (&number, g_regex_new ("^(\\(-?[0-9][0-9,]*(\\.[0-9]+)?%?\\)"
                                             "|-?[0-9][0-9,]*(\\.[0-9]+)?%?"
                                             "|-)$",
                                             G_REGEX_OPTIMIZE, 0, NULL));

  bare = g_regex_replace_literal (tag, cell, -1, 0, "", 0, NULL);
  g_strstrip (bare);
  return bare[0] != '\0' && g_regex_match (number, bare, 0, NULL);
}

static gboolean
is_tabbed (const char *line)
{
  return strchr (line, '\t') != NULL;
}

/* Variant 1: tables laid out with spaces */

/* One run of tab-separated lines, printed as a text printout would: the
 * label column left-aligned, every other column right-aligned to the
 * widest cell of the run, blank cells as spaces. */
static void
relay_block (char  **lines,
             guint   n_lines)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < n_lines; i++)
    {
      char **fields = g_strsplit (lines[i], "\t", -1);

      g_ptr_array_add (rows, fields);
      for (guint f = 0; fields[f] != NULL; f++)
        {
          guint width = display_width (fields[f]);

          if (f >= widths->len)
            g_array_set_size (widths, f + 1);
          if (width > g_array_index (widths, guint, f))
            g_array_index (widths, guint, f) = width;
        }
    }

  for (guint i = 0; i < n_lines; i++)
    {
      char **fields = g_ptr_array_index (rows, i);
      g_autoptr(GString) out = g_string_new (fields[0]);

      append_spaces (out, g_array_index (widths, guint, 0) - display_width (fields[0]));
      for (guint f = 1; fields[f] != NULL; f++)
        {
          append_spaces (out, COLUMN_GAP + g_array_index (widths, guint, f) - display_width (fields[f]));
          g_string_append (out, fields[f]);
        }
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);

      g_free (lines[i]);
      lines[i] = g_string_free (g_steal_pointer (&out), FALSE);
    }
}

static char *
make_aligned_spaces (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);
  guint blocks = 0;

  for (guint i = 0; i < n;)
    {
      guint end = i;

      while (end < n && is_tabbed (lines[end]))
        end++;
      if (end == i)
        {
          i++;
          continue;
        }
      relay_block (lines + i, end - i);
      blocks++;
      i = end;
    }

  g_assert_cmpuint (blocks, >, 10);
  return g_strjoinv ("\n", lines);
}

static char *
make_two_spaces (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_assert_cmpuint (g_string_replace (s, "\t", "  ", 0), >, 100);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
check_spaces_variant (const char *seed,
                      gboolean    aligned)
{
  g_autoptr(KessanFiling) original = NULL;
  g_autoptr(KessanFiling) variant = NULL;
  g_autofree char *text = NULL;
  g_autofree char *relaid = NULL;
  g_autofree char *name = NULL;
  gsize length;

  text = kessan_test_load_seed (seed, &length);
  original = parse_ok (text, length, seed);

  relaid = aligned ? make_aligned_spaces (text) : make_two_spaces (text);
  g_assert_null (strchr (relaid, '\t'));
  name = g_strdup_printf ("%s (%s)", seed, aligned ? "tabs as aligned spaces" : "tabs as two spaces");
  variant = parse_ok (relaid, strlen (relaid), name);

  assert_same_filing (original, variant);
}

static void
test_aligned_spaces_001 (void)
{
  check_spaces_variant (SEED_001, TRUE);
}

static void
test_aligned_spaces_004 (void)
{
  check_spaces_variant (SEED_004, TRUE);
}

static void
test_two_spaces_001 (void)
{
  check_spaces_variant (SEED_001, FALSE);
}

static void
test_two_spaces_004 (void)
{
  check_spaces_variant (SEED_004, FALSE);
}

/* Variant 2: legacy Japanese encodings and UTF-16 */

/* What CP932 and EUC-JP cannot write, as the plain characters the parser
 * reads the same way: superscript footnote markers "⁽²⁾" as "(2)", the
 * en dash of "64kbps – 128kbps" as a hyphen. */
static const struct
{
  const char *from;
  const char *to;
} legacy_replacements[] = {
  { "⁽", "(" }, { "⁾", ")" },
  { "⁰", "0" }, { "¹", "1" }, { "²", "2" }, { "³", "3" }, { "⁴", "4" },
  { "⁵", "5" }, { "⁶", "6" }, { "⁷", "7" }, { "⁸", "8" }, { "⁹", "9" },
  { "–", "-" },
};

static char *
make_legacy_safe (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (legacy_replacements); i++)
    g_string_replace (s, legacy_replacements[i].from, legacy_replacements[i].to, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
check_encoded_variant (const char *seed,
                       const char *charset,
                       gboolean    crlf,
                       const char *expected_encoding)
{
  g_autoptr(KessanFiling) original = NULL;
  g_autoptr(KessanFiling) variant = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *original_name = NULL;
  g_autofree char *name = NULL;
  gboolean utf16 = g_str_has_prefix (charset, "UTF-16");
  gsize length;
  gsize encoded_length;

  text = kessan_test_load_seed (seed, &length);

  /* UTF-16 writes every character, so it is compared with the seed as
   * it is. */
  safe = utf16 ? g_strdup (text) : make_legacy_safe (text);
  original_name = g_strdup_printf ("%s (%s)", seed, utf16 ? "as bundled" : "legacy-safe characters");
  original = parse_ok (safe, strlen (safe), original_name);

  source = g_string_new (safe);
  if (crlf)
    g_string_replace (source, "\n", "\r\n", 0);
  encoded = g_convert (source->str, source->len, charset, "UTF-8", NULL, &encoded_length, &error);
  g_assert_no_error (error);
  if (utf16)
    {
      char *with_bom = g_malloc (encoded_length + 2);

      with_bom[0] = (char) 0xFF;
      with_bom[1] = (char) 0xFE;
      memcpy (with_bom + 2, encoded, encoded_length);
      g_free (encoded);
      encoded = with_bom;
      encoded_length += 2;
    }

  name = g_strdup_printf ("%s (%s%s%s)", seed, charset, crlf ? ", CRLF" : "", utf16 ? " with BOM" : "");
  variant = parse_ok (encoded, encoded_length, name);
  g_assert_cmpstr (kessan_filing_get_source_encoding (variant), ==, expected_encoding);

  assert_same_filing (original, variant);
}

static void
test_cp932_crlf_001 (void)
{
  check_encoded_variant (SEED_001, "CP932", TRUE, "cp932");
}

static void
test_cp932_crlf_003 (void)
{
  check_encoded_variant (SEED_003, "CP932", TRUE, "cp932");
}

static void
test_euc_jp_001 (void)
{
  check_encoded_variant (SEED_001, "EUC-JP", FALSE, "euc-jp");
}

static void
test_euc_jp_003 (void)
{
  check_encoded_variant (SEED_003, "EUC-JP", FALSE, "euc-jp");
}

static void
test_utf16le_bom_001 (void)
{
  check_encoded_variant (SEED_001, "UTF-16LE", FALSE, "utf-16le");
}

static void
test_utf16le_bom_003 (void)
{
  check_encoded_variant (SEED_003, "UTF-16LE", FALSE, "utf-16le");
}

/* Variant 3: full-width numbers */

/* Digits and the punctuation of numbers become their full-width forms
 * (U+FF10…U+FF19, U+FF0C, U+FF0E, U+FF08, U+FF09, U+FF05, U+FF0D);
 * markup such as "<u>" is left alone. */
static char *
to_full_width (const char *cell)
{
  g_autoptr(GString) s = g_string_sized_new (strlen (cell) * 3);
  gboolean in_tag = FALSE;

  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      if (!in_tag && strchr ("0123456789,.()%-", *p) != NULL)
        g_string_append_unichar (s, (gunichar) *p + 0xFEE0);
      else
        g_string_append_c (s, *p);
      if (*p == '>')
        in_tag = FALSE;
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The numbers of a tab-separated table line; the label keeps its digits. */
static guint
full_width_tabbed_line (char **line)
{
  g_auto(GStrv) fields = g_strsplit (*line, "\t", -1);
  guint converted = 0;

  for (guint f = 1; fields[f] != NULL; f++)
    if (is_number_cell (fields[f]))
      {
        char *wide = to_full_width (fields[f]);

        g_free (fields[f]);
        fields[f] = wide;
        converted++;
      }
  if (converted > 0)
    {
      g_free (*line);
      *line = g_strjoinv ("\t", fields);
    }
  return converted;
}

/* The numbers of a space-separated line that ends in a number and prints
 * at least two, which is what a table line of a ragged release looks
 * like. */
static guint
full_width_spaced_line (char **line)
{
  g_auto(GStrv) words = g_strsplit (*line, " ", -1);
  const char *last = NULL;
  guint numbers = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      if (is_number_cell (words[w]))
        numbers++;
      if (words[w][0] != '\0')
        last = words[w];
    }
  if (numbers < 2 || last == NULL || !is_number_cell (last))
    return 0;

  for (guint w = 0; words[w] != NULL; w++)
    if (is_number_cell (words[w]))
      {
        char *wide = to_full_width (words[w]);

        g_free (words[w]);
        words[w] = wide;
      }
  g_free (*line);
  *line = g_strjoinv (" ", words);
  return numbers;
}

static void
check_full_width_variant (const char *seed)
{
  g_autoptr(KessanFiling) original = NULL;
  g_autoptr(KessanFiling) variant = NULL;
  g_autofree char *text = NULL;
  g_autofree char *wide = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) lines = NULL;
  guint converted = 0;
  gboolean tabbed;
  gsize length;

  text = kessan_test_load_seed (seed, &length);
  original = parse_ok (text, length, seed);

  /* A tab-separated seed has its table lines marked by tabs. */
  tabbed = strchr (text, '\t') != NULL;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (tabbed && is_tabbed (lines[i]))
        converted += full_width_tabbed_line (&lines[i]);
      else if (!tabbed)
        converted += full_width_spaced_line (&lines[i]);
    }
  g_test_message ("%s: %u numbers in full width", seed, converted);
  g_assert_cmpuint (converted, >, 500);
  wide = g_strjoinv ("\n", lines);

  name = g_strdup_printf ("%s (full-width numbers)", seed);
  variant = parse_ok (wide, strlen (wide), name);

  assert_same_filing (original, variant);
}

static void
test_full_width_001 (void)
{
  check_full_width_variant (SEED_001);
}

static void
test_full_width_003 (void)
{
  check_full_width_variant (SEED_003);
}

/* Variant 4: ▲ for negatives */

/* The English release of 001 starts with this line; the Japanese summary
 * is everything before it. */
#define ENGLISH_START_001 "\nInternet Initiative Japan\n"

static void
test_triangle_negatives_001 (void)
{
  g_autoptr(KessanFiling) original = NULL;
  g_autoptr(KessanFiling) variant = NULL;
  g_autoptr(GRegex) negative = NULL;
  g_autofree char *text = NULL;
  g_autofree char *triangles = NULL;
  g_auto(GStrv) lines = NULL;
  const char *english;
  guint n_japanese = 1;
  guint converted = 0;
  gsize length;

  text = kessan_test_load_seed (SEED_001, &length);
  original = parse_ok (text, length, SEED_001);

  english = strstr (text, ENGLISH_START_001);
  g_assert_nonnull (english);
  for (const char *p = text; p < english; p++)
    if (*p == '\n')
      n_japanese++;

  negative = g_regex_new ("^\\(([0-9][0-9,]*(\\.[0-9]+)?%?)\\)$", G_REGEX_OPTIMIZE, 0, NULL);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; i < n_japanese && lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint before = converted;

      if (!is_tabbed (lines[i]))
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      for (guint f = 1; fields[f] != NULL; f++)
        {
          char *replaced = g_regex_replace (negative, fields[f], -1, 0, "▲\\1", 0, NULL);

          if (strcmp (replaced, fields[f]) != 0)
            converted++;
          g_free (fields[f]);
          fields[f] = replaced;
        }
      if (converted > before)
        {
          g_free (lines[i]);
          lines[i] = g_strjoinv ("\t", fields);
        }
    }
  g_test_message ("%u negatives written with ▲", converted);
  g_assert_cmpuint (converted, >, 100);
  triangles = g_strjoinv ("\n", lines);

  variant = parse_ok (triangles, strlen (triangles), SEED_001 " (▲ negatives in the Japanese tables)");

  assert_same_filing (original, variant);
}

/* Variant 5: truncated releases */

static guint
line_of_offset (const char *text,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;
  return line;
}

/* Cuts the text at @offset and checks that every table that ended
 * before the cut line comes out as it did from the whole file, that the
 * cut table keeps the rows it printed in full, and that the filing
 * says it was cut. */
static void
check_cut (KessanFiling *original,
           const char   *text,
           gsize         offset,
           const char   *how,
           const char   *cut_statement)
{
  g_autoptr(KessanFiling) cut = NULL;
  g_autofree char *name = NULL;
  const char *named = NULL;
  guint cut_line = line_of_offset (text, offset);
  gboolean on_boundary = offset > 0 && text[offset - 1] == '\n';
  guint complete = 0;

  name = g_strdup_printf ("%s cut at byte %" G_GSIZE_FORMAT " (line %u, %s)",
                          SEED_001, offset, cut_line, how);
  cut = parse_ok (text, offset, name);

  for (guint i = 0; i < kessan_filing_get_n_statements (original); i++)
    {
      KessanStatement *a = kessan_filing_get_statement (original, i);
      KessanStatement *b;

      if (kessan_statement_get_last_line (a) >= cut_line)
        continue;
      b = kessan_filing_find_statement (cut, kessan_statement_get_id (a));
      if (b == NULL)
        {
          fail ("%s: statement %s (lines %u–%u) is missing", name,
                kessan_statement_get_id (a),
                kessan_statement_get_first_line (a), kessan_statement_get_last_line (a));
          continue;
        }
      assert_same_statement (a, b, name);
      complete++;
    }
  g_assert_cmpuint (complete, >, 0);

  for (guint i = 0; i < kessan_filing_get_n_statements (cut); i++)
    {
      KessanStatement *b = kessan_filing_get_statement (cut, i);

      g_assert_cmpuint (kessan_statement_get_first_line (b), <=, cut_line);
    }

  if (cut_statement != NULL)
    {
      KessanStatement *whole = kessan_filing_find_statement (original, cut_statement);
      KessanStatement *part = kessan_filing_find_statement (cut, cut_statement);
      Comparison cmp = { .variant = name };
      guint n_rows;

      g_assert_nonnull (whole);
      if (part == NULL)
        {
          fail ("%s: the cut statement %s is missing", name, cut_statement);
          return;
        }

      /* A line cut in the middle is lost; one cut after its line end is
       * whole. */
      n_rows = kessan_statement_get_n_rows (part);
      for (guint r = 0; r < n_rows && r < kessan_statement_get_n_rows (whole); r++)
        {
          KessanLineItem *row = kessan_statement_get_row (whole, r);

          if (kessan_line_item_get_line (row) < cut_line)
            compare_row (&cmp, whole, r, row, kessan_statement_get_row (part, r));
        }
      for (guint r = 0; r < kessan_statement_get_n_rows (whole); r++)
        {
          KessanLineItem *row = kessan_statement_get_row (whole, r);

          if (kessan_line_item_get_line (row) < cut_line && r >= n_rows)
            difference (&cmp, "%s row %u “%s” (line %u) printed before the cut is missing", cut_statement,
                        r, kessan_line_item_get_label (row), kessan_line_item_get_line (row));
          if (kessan_line_item_get_line (row) > cut_line && r < n_rows)
            difference (&cmp, "%s row %u “%s” comes from after the cut", cut_statement,
                        r, kessan_line_item_get_label (kessan_statement_get_row (part, r)));
        }
      report_total (&cmp);
      if (cmp.n_differences > 0)
        fail ("%s: the cut statement %s has %u differences", name, cut_statement,
              cmp.n_differences);

      if (!has_finding (cut, "truncated", &named))
        fail ("%s: no “truncated” finding", name);
      else if (g_strcmp0 (named, cut_statement) != 0)
        fail ("%s: the “truncated” finding names %s, not %s", name,
              or_null (named), cut_statement);
    }

  g_test_message ("%s: %u complete statements, %u in all, %s", name, complete,
                  kessan_filing_get_n_statements (cut),
                  on_boundary ? "on a line boundary" : "mid-line");
}

static gsize
offset_of (const char *text,
           const char *needle)
{
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  return (gsize) (found - text);
}

static void
test_truncated_001 (void)
{
  g_autoptr(KessanFiling) original = NULL;
  g_autofree char *text = NULL;
  KessanStatement *income;
  gsize length;
  gsize row;

  text = kessan_test_load_seed (SEED_001, &length);
  original = parse_ok (text, length, SEED_001);
  income = kessan_filing_find_statement (original, "en-income-quarter");
  g_assert_nonnull (income);

  /* Offsets inside the English quarterly statement of operations. */
  row = offset_of (text, "\nEquipment sales\t22,971") + 1;
  g_assert_cmpuint (line_of_offset (text, row), >, kessan_statement_get_first_line (income));
  check_cut (original, text, row, "before a row", "en-income-quarter");
  check_cut (original, text, row + 5, "inside a label", "en-income-quarter");
  check_cut (original, text, row + strlen ("Equipment sales\t"), "after a label", "en-income-quarter");
  check_cut (original, text, row + strlen ("Equipment sales\t22,971\t2,71"), "inside a number",
             "en-income-quarter");

  row = offset_of (text, "\nOperating income (loss)\t(3,781)") + 1;
  check_cut (original, text, row, "before a row", "en-income-quarter");
  check_cut (original, text, row - 1, "before a line end", "en-income-quarter");
  check_cut (original, text, row + strlen ("Operating income (loss)\t(3,781)\t(446,432)\t"),
             "between two numbers", "en-income-quarter");

  row = offset_of (text, "\nCosts and expenses:\t") + 1;
  check_cut (original, text, row, "before a heading", "en-income-quarter");
}

static void
test_truncated_after_japanese_001 (void)
{
  g_autoptr(KessanFiling) original = NULL;
  g_autoptr(KessanFiling) cut = NULL;
  g_autofree char *text = NULL;
  const char *named = NULL;
  const char *name = SEED_001 " (cut after the Japanese summary)";
  gsize length;
  gsize offset;
  guint n_japanese = 0;

  text = kessan_test_load_seed (SEED_001, &length);
  original = parse_ok (text, length, SEED_001);

  offset = offset_of (text, ENGLISH_START_001) + 1;
  cut = parse_ok (text, offset, name);

  for (guint i = 0; i < kessan_filing_get_n_statements (original); i++)
    {
      KessanStatement *a = kessan_filing_get_statement (original, i);
      KessanStatement *b;

      if (g_strcmp0 (kessan_statement_get_language (a), "ja") != 0)
        continue;
      n_japanese++;
      b = kessan_filing_find_statement (cut, kessan_statement_get_id (a));
      if (b == NULL)
        fail ("%s: statement %s is missing", name, kessan_statement_get_id (a));
      else
        assert_same_statement (a, b, name);
    }
  g_assert_cmpuint (n_japanese, >=, 10);
  g_assert_cmpuint (kessan_filing_get_n_statements (cut), ==, n_japanese);

  /* The cut falls between the two halves, not inside a table. */
  if (has_finding (cut, "truncated", &named))
    g_test_message ("%s: reported as truncated (statement %s)", name, or_null (named));
}

/* Variant 6: robustness */

/* A filing that came out of damaged input must still be whole enough to
 * be shown and exported. */
static void
check_result (KessanFiling *filing,
              GError       *error,
              const char   *name)
{
  g_autofree char *json = NULL;

  if (filing == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == KESSAN_ERROR);
      g_assert_nonnull (error->message);
      g_assert_true (error->message[0] != '\0');
      return;
    }
  g_assert_null (error);

  for (guint i = 0; i < kessan_filing_get_n_statements (filing); i++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, i);
      guint n_columns = kessan_statement_get_n_columns (statement);
      g_autofree char *csv = NULL;

      g_assert_nonnull (kessan_statement_get_id (statement));
      g_assert_cmpuint (n_columns, <=, KESSAN_MAX_COLUMNS);
      for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
        {
          KessanLineItem *row = kessan_statement_get_row (statement, r);

          g_assert_true (g_utf8_validate (kessan_line_item_get_label (row), -1, NULL));
          for (guint c = 0; c < kessan_line_item_get_n_values (row); c++)
            if (kessan_line_item_has_value (row, c) && !isfinite (kessan_line_item_get_value (row, c)))
              fail ("%s: %s row %u column %u is not a finite number", name,
                    kessan_statement_get_id (statement), r, c);
        }
      csv = kessan_statement_to_csv (statement);
      g_assert_nonnull (csv);
      g_assert_true (g_utf8_validate (csv, -1, NULL));
    }

  json = kessan_filing_to_json (filing, FALSE);
  g_assert_nonnull (json);
  g_assert_true (g_utf8_validate (json, -1, NULL));
}

typedef struct
{
  guint parsed;
  guint refused;
} Tally;

static void
parse_anything (const char *data,
                gsize       length,
                const char *name,
                Tally      *tally)
{
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;

  filing = parse_bounded (data, length, name, &error);
  check_result (filing, error, name);
  if (filing != NULL)
    tally->parsed++;
  else
    tally->refused++;
}

/* Damaged input that is always refused would test the decoder only. */
static void
report_tally (const Tally *tally,
              const char  *what)
{
  g_test_message ("%s: %u parsed, %u refused", what, tally->parsed, tally->refused);
}

static const char * const seeds[] = { SEED_001, SEED_003, SEED_004 };

static void
test_random_garbage (void)
{
  Tally tally = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (RANDOM_SEED);
  static const gsize sizes[] = { 0, 1, 2, 3, 4, 7, 64, 1000, 4096, 65536, 300000 };
  /* Pieces of table lines, so that some garbage reaches the table reader
   * and not only the decoder. */
  static const char * const pieces[] = {
    "\t", "\n", " ", "  ", "(", ")", ",", ".", "%", "-", "▲", "△", "0", "1", "9",
    "1,234", "(5.6%)", "Revenues:", "Total", "合計", "営業収益", "2003年9月期", "USD (1)",
    "JPY", "4Q02", "Mar 31, 2003", "\r\n", "　", "１２３", "⁽²⁾", "<u>", "</u>", "\\$",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree guint8 *bytes = g_malloc (sizes[i] + 1);
      g_autofree char *name = NULL;

      for (gsize b = 0; b < sizes[i]; b++)
        bytes[b] = (guint8) g_rand_int_range (rand, 0, 256);
      name = g_strdup_printf ("%" G_GSIZE_FORMAT " random bytes", sizes[i]);
      parse_anything ((const char *) bytes, sizes[i], name, &tally);
    }

  for (guint i = 0; i < (g_test_slow () ? 200u : 20u); i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autofree char *name = NULL;
      guint n = (guint) g_rand_int_range (rand, 1, 20000);

      for (guint k = 0; k < n; k++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      name = g_strdup_printf ("random table pieces %u", i);
      parse_anything (s->str, s->len, name, &tally);
    }

  report_tally (&tally, "random garbage");
}

/* Characters a table line is made of, for damage that keeps the text
 * valid UTF-8 and so reaches the table reader. */
static const char table_characters[] = "0123456789,.()%-\t\n :ATx";

static void
test_flipped_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (RANDOM_SEED);
  Tally tally = { 0 };
  guint n_variants = g_test_slow () ? 100 : 10;

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autofree char *text = NULL;
      gsize length;

      text = kessan_test_load_seed (seeds[s], &length);
      for (guint v = 0; v < 2 * n_variants; v++)
        {
          g_autofree char *flipped = g_memdup2 (text, length);
          g_autofree char *name = NULL;
          gboolean any_byte = v % 2 == 0;
          guint n_flips = (guint) g_rand_int_range (rand, 1, 65);

          /* Odd variants change only ASCII bytes, and into characters
           * of table lines. */
          for (guint k = 0; k < n_flips; k++)
            {
              gsize at = (gsize) g_rand_int_range (rand, 0, (gint32) length);

              if (any_byte)
                flipped[at] = (char) g_rand_int_range (rand, 0, 256);
              else if ((guchar) flipped[at] < 0x80)
                flipped[at] = table_characters[g_rand_int_range (rand, 0, sizeof table_characters - 1)];
            }
          name = g_strdup_printf ("%s with %u %s bytes flipped (variant %u)", seeds[s], n_flips,
                                  any_byte ? "random" : "ASCII", v);
          parse_anything (flipped, length, name, &tally);
        }
    }

  report_tally (&tally, "flipped bytes");
}

static void
test_cut_everywhere (void)
{
  Tally tally = { 0 };
  gsize step = g_test_slow () ? 101 : 997;

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      g_autofree char *text = NULL;
      gsize length;

      text = kessan_test_load_seed (seeds[s], &length);
      for (gsize offset = step; offset < length; offset += step)
        {
          g_autofree char *name = g_strdup_printf ("%s cut at byte %" G_GSIZE_FORMAT, seeds[s], offset);

          parse_anything (text, offset, name, &tally);
        }
    }

  report_tally (&tally, "cuts");
}

static void
test_repeated (void)
{
  Tally tally = { 0 };
  guint n_seeds = g_test_slow () ? G_N_ELEMENTS (seeds) : 1;

  for (guint s = 0; s < n_seeds; s++)
    {
      g_autoptr(GString) repeated = g_string_new (NULL);
      g_autofree char *text = NULL;
      g_autofree char *name = NULL;
      gsize length;

      text = kessan_test_load_seed (seeds[s], &length);
      for (guint i = 0; i < 30; i++)
        {
          g_string_append_len (repeated, text, length);
          g_string_append_c (repeated, '\n');
        }
      name = g_strdup_printf ("%s repeated 30 times", seeds[s]);
      parse_anything (repeated->str, repeated->len, name, &tally);
    }

  report_tally (&tally, "repeated seeds");
}

static void
test_many_short_lines (void)
{
  Tally tally = { 0 };
  static const char * const lines[] = { "x\n", "Total\t1\t2\n", "Revenue 1,234 (5.6%)\n" };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      g_autofree char *name = NULL;

      for (guint k = 0; k < 200000; k++)
        g_string_append (s, lines[i]);
      name = g_strdup_printf ("200,000 lines of “%.*s”", (int) strlen (lines[i]) - 1, lines[i]);
      parse_anything (s->str, s->len, name, &tally);
    }

  report_tally (&tally, "short lines");
}

static void
test_long_line (void)
{
  Tally tally = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *line = g_malloc (60001);
  g_autoptr(GString) inside = NULL;
  gsize length;
  gssize offset;

  memset (line, 'A', 60000);
  line[60000] = '\0';
  parse_anything (line, 60000, "a line of 60,000 “A”", &tally);

  /* The same line in the middle of a real release. */
  text = kessan_test_load_seed (SEED_001, &length);
  inside = g_string_new_len (text, (gssize) length);
  offset = (gssize) offset_of (text, "\nINTERNET INITIATIVE JAPAN INC.") + 1;
  g_string_insert (inside, offset, "\n");
  g_string_insert (inside, offset, line);
  parse_anything (inside->str, inside->len, SEED_001 " with a line of 60,000 “A”", &tally);

  report_tally (&tally, "long lines");
}

/* The comparison itself has to see a changed number. */
static void
test_comparison_sees_a_change (void)
{
  g_autoptr(KessanFiling) original = NULL;
  g_autoptr(KessanFiling) changed = NULL;
  g_autoptr(GString) s = NULL;
  g_autofree char *text = NULL;
  Comparison cmp = { .variant = SEED_001 " (one number changed)" };
  gsize length;

  text = kessan_test_load_seed (SEED_001, &length);
  original = parse_ok (text, length, SEED_001);

  s = g_string_new_len (text, (gssize) length);
  g_assert_cmpuint (g_string_replace (s, "\t3,341,255\t", "\t3,341,256\t", 1), ==, 1);
  changed = parse_ok (s->str, s->len, cmp.variant);

  compare_filings (&cmp, original, changed);
  g_assert_cmpuint (cmp.n_differences, ==, 1);

  cmp.n_differences = 0;
  compare_filings (&cmp, original, original);
  g_assert_cmpuint (cmp.n_differences, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  gboolean keep_going = FALSE;
  char **test_argv;
  int test_argc;

  /* Labels and source lines in the reports are Japanese. */
  setlocale (LC_ALL, "");

  /* Every test makes its own variants from the seeds, so one that fails
   * says nothing about the next: running them all reports every variant
   * the parser gets wrong in one go. */
  for (int i = 0; i < argc; i++)
    {
      g_ptr_array_add (args, argv[i]);
      if (g_str_equal (argv[i], "-k") || g_str_equal (argv[i], "--keep-going"))
        keep_going = TRUE;
    }
  if (!keep_going)
    g_ptr_array_insert (args, 1, (char *) "--keep-going");
  g_ptr_array_add (args, NULL);
  test_argc = (int) args->len - 1;
  test_argv = (char **) args->pdata;

  g_test_init (&test_argc, &test_argv, NULL);

  g_test_add_func ("/kessan/variants/comparison-sees-a-change", test_comparison_sees_a_change);

  g_test_add_func ("/kessan/variants/aligned-spaces/001", test_aligned_spaces_001);
  g_test_add_func ("/kessan/variants/aligned-spaces/004", test_aligned_spaces_004);
  g_test_add_func ("/kessan/variants/two-spaces/001", test_two_spaces_001);
  g_test_add_func ("/kessan/variants/two-spaces/004", test_two_spaces_004);

  g_test_add_func ("/kessan/variants/cp932-crlf/001", test_cp932_crlf_001);
  g_test_add_func ("/kessan/variants/cp932-crlf/003", test_cp932_crlf_003);
  g_test_add_func ("/kessan/variants/euc-jp/001", test_euc_jp_001);
  g_test_add_func ("/kessan/variants/euc-jp/003", test_euc_jp_003);
  g_test_add_func ("/kessan/variants/utf-16le-bom/001", test_utf16le_bom_001);
  g_test_add_func ("/kessan/variants/utf-16le-bom/003", test_utf16le_bom_003);

  g_test_add_func ("/kessan/variants/full-width/001", test_full_width_001);
  g_test_add_func ("/kessan/variants/full-width/003", test_full_width_003);

  g_test_add_func ("/kessan/variants/triangle-negatives/001", test_triangle_negatives_001);

  g_test_add_func ("/kessan/variants/truncated/001", test_truncated_001);
  g_test_add_func ("/kessan/variants/truncated/after-japanese-001", test_truncated_after_japanese_001);

  g_test_add_func ("/kessan/variants/robust/random-garbage", test_random_garbage);
  g_test_add_func ("/kessan/variants/robust/flipped-bytes", test_flipped_bytes);
  g_test_add_func ("/kessan/variants/robust/cut-everywhere", test_cut_everywhere);
  g_test_add_func ("/kessan/variants/robust/repeated", test_repeated);
  g_test_add_func ("/kessan/variants/robust/many-short-lines", test_many_short_lines);
  g_test_add_func ("/kessan/variants/robust/long-line", test_long_line);

  return g_test_run ();
}
