/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "kessan.h"
#include "kessan-test-pdf.h"
#include "kessan-test-util.h"

/* Releases read from PDF: each sample release is printed into a PDF
 * here, with cairo and pango, and must read back to the same numbers as
 * its text; PDFs that cannot be read are each refused in their own
 * words. */

#define SEED_001 "001_ac7abb1bfabe4158.txt"
#define SEED_003 "003_3f09aa9018b22431.txt"
#define SEED_004 "004_df6267c19d93d050.txt"

#define LINES_PER_PAGE 60

static gboolean
require_font (const char *family)
{
  if (kessan_test_pdf_font_available (family))
    return TRUE;
  g_test_skip_printf ("the font “%s” is not installed (fonts-noto-cjk)", family);
  return FALSE;
}

/* The seed @name printed into a PDF in @dir, and its path. */
static char *
print_seed (const char *name,
            const char *dir,
            const char *family)
{
  g_autofree char *text = kessan_test_load_seed (name, NULL);
  g_autofree char *base = g_strconcat (name, ".pdf", NULL);
  char *path = g_build_filename (dir, base, NULL);

  kessan_test_write_text_pdf (path, text, family, LINES_PER_PAGE);
  return path;
}

static KessanFiling *
parse_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KessanFiling *filing;

  filing = kessan_parse_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (filing);
  return filing;
}

static KessanFiling *
parse_seed_text (const char *name)
{
  g_autofree char *path = kessan_test_seed_path (name);

  return parse_path (path);
}

/* Comparison of a filing read from PDF with the one read from text */

static guint n_differences;

static void
differ (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

static void
differ (const char *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (n_differences++ < 40)
    g_test_message ("%s", message);
}

static void
same_string (const char *where,
             const char *what,
             const char *text,
             const char *pdf)
{
  if (g_strcmp0 (text, pdf) != 0)
    differ ("%s: %s “%s” from text, “%s” from PDF", where, what, text, pdf);
}

static void
same_uint (const char *where,
           const char *what,
           guint       text,
           guint       pdf)
{
  if (text != pdf)
    differ ("%s: %s %u from text, %u from PDF", where, what, text, pdf);
}

static void
compare_statements (KessanStatement *text,
                    KessanStatement *pdf)
{
  const char *id = kessan_statement_get_id (text);

  same_string (id, "id", id, kessan_statement_get_id (pdf));
  same_uint (id, "kind", kessan_statement_get_kind (text), kessan_statement_get_kind (pdf));
  same_string (id, "language", kessan_statement_get_language (text), kessan_statement_get_language (pdf));
  same_string (id, "topic", kessan_statement_get_topic (text), kessan_statement_get_topic (pdf));
  same_uint (id, "columns", kessan_statement_get_n_columns (text), kessan_statement_get_n_columns (pdf));
  same_uint (id, "rows", kessan_statement_get_n_rows (text), kessan_statement_get_n_rows (pdf));

  for (guint c = 0; c < MIN (kessan_statement_get_n_columns (text), kessan_statement_get_n_columns (pdf)); c++)
    {
      KessanColumn *a = kessan_statement_get_column (text, c);
      KessanColumn *b = kessan_statement_get_column (pdf, c);
      g_autofree char *where = g_strdup_printf ("%s column %u", id, c);

      same_string (where, "period end", kessan_column_get_period_end (a), kessan_column_get_period_end (b));
      same_uint (where, "months", kessan_column_get_months (a), kessan_column_get_months (b));
      same_uint (where, "measure", kessan_column_get_measure (a), kessan_column_get_measure (b));
      same_uint (where, "currency", kessan_column_get_currency (a), kessan_column_get_currency (b));
      same_uint (where, "scale", kessan_column_get_scale (a), kessan_column_get_scale (b));
    }

  for (guint r = 0; r < MIN (kessan_statement_get_n_rows (text), kessan_statement_get_n_rows (pdf)); r++)
    {
      KessanLineItem *a = kessan_statement_get_row (text, r);
      KessanLineItem *b = kessan_statement_get_row (pdf, r);
      g_autofree char *where = g_strdup_printf ("%s row %u “%s”", id, r, kessan_line_item_get_label (a));

      same_string (where, "label", kessan_line_item_get_label (a), kessan_line_item_get_label (b));
      same_string (where, "concept", kessan_line_item_get_concept (a), kessan_line_item_get_concept (b));
      same_uint (where, "values", kessan_line_item_get_n_values (a), kessan_line_item_get_n_values (b));
      for (guint c = 0; c < MIN (kessan_line_item_get_n_values (a), kessan_line_item_get_n_values (b)); c++)
        {
          gboolean has_a = kessan_line_item_has_value (a, c);
          gboolean has_b = kessan_line_item_has_value (b, c);

          if (has_a != has_b)
            differ ("%s column %u: %s from text, %s from PDF", where, c,
                    has_a ? "a value" : "empty", has_b ? "a value" : "empty");
          else if (has_a && (kessan_line_item_get_value (a, c) != kessan_line_item_get_value (b, c)
                             || kessan_line_item_get_decimals (a, c) != kessan_line_item_get_decimals (b, c)))
            differ ("%s column %u: %g from text, %g from PDF", where, c,
                    kessan_line_item_get_value (a, c), kessan_line_item_get_value (b, c));
        }
    }
}

static void
assert_same_release (KessanFiling *text,
                     KessanFiling *pdf)
{
  const char * const *languages_text = kessan_filing_get_languages (text);
  const char * const *languages_pdf = kessan_filing_get_languages (pdf);
  guint n;

  n_differences = 0;
  same_string ("release", "company", kessan_filing_get_company (text), kessan_filing_get_company (pdf));
  same_uint ("release", "fiscal year", kessan_filing_get_fiscal_year (text), kessan_filing_get_fiscal_year (pdf));
  same_uint ("release", "fiscal quarter", kessan_filing_get_fiscal_quarter (text), kessan_filing_get_fiscal_quarter (pdf));
  same_string ("release", "period end", kessan_filing_get_period_end (text), kessan_filing_get_period_end (pdf));
  same_string ("release", "release date", kessan_filing_get_released (text), kessan_filing_get_released (pdf));
  if (kessan_filing_get_jpy_per_usd (text) != kessan_filing_get_jpy_per_usd (pdf))
    differ ("release: rate %g from text, %g from PDF",
            kessan_filing_get_jpy_per_usd (text), kessan_filing_get_jpy_per_usd (pdf));
  for (guint i = 0; languages_text[i] != NULL || languages_pdf[i] != NULL; i++)
    {
      same_string ("release", "language", languages_text[i], languages_pdf[i]);
      if (languages_text[i] == NULL || languages_pdf[i] == NULL)
        break;
    }

  same_uint ("release", "statements", kessan_filing_get_n_statements (text), kessan_filing_get_n_statements (pdf));
  n = MIN (kessan_filing_get_n_statements (text), kessan_filing_get_n_statements (pdf));
  for (guint s = 0; s < n; s++)
    compare_statements (kessan_filing_get_statement (text, s), kessan_filing_get_statement (pdf, s));

  if (n_differences > 0)
    g_test_fail_printf ("%s: %u differences between the text and the PDF",
                        kessan_filing_get_source_name (text), n_differences);
}

/* The page a line of the text was printed on. */
static guint
printed_page_of_line (guint line)
{
  return (line - 1) / LINES_PER_PAGE + 1;
}

static void
check_seed (const char *name,
            const char *family)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KessanFiling) text = NULL;
  g_autoptr(KessanFiling) pdf = NULL;
  guint n_lines, n_pages_printed, checked = 0;

  if (!require_font (family))
    return;

  dir = kessan_test_make_temp_dir ("kessan-pdf-XXXXXX");
  path = print_seed (name, dir, family);
  text = parse_seed_text (name);
  pdf = parse_path (path);

  g_assert_cmpstr (kessan_filing_get_source_encoding (pdf), ==, "pdf");
  g_assert_cmpstr (kessan_filing_get_source_encoding (text), !=, "pdf");
  g_assert_cmpuint (kessan_filing_get_n_pages (text), ==, 0);
  assert_same_release (text, pdf);

  /* Pages: as many as were printed, and each statement on the page its
   * lines were printed on. */
  {
    g_auto(GStrv) lines = g_strsplit (kessan_filing_get_text (text), "\n", -1);

    n_lines = g_strv_length (lines);
    if (n_lines > 0 && lines[n_lines - 1][0] == '\0')
      n_lines--;
  }
  n_pages_printed = (n_lines + LINES_PER_PAGE - 1) / LINES_PER_PAGE;
  g_assert_cmpuint (kessan_filing_get_n_pages (pdf), ==, n_pages_printed);
  for (guint s = 0; s < MIN (kessan_filing_get_n_statements (text), kessan_filing_get_n_statements (pdf)); s++)
    {
      KessanStatement *a = kessan_filing_get_statement (text, s);
      KessanStatement *b = kessan_filing_get_statement (pdf, s);
      KessanLineItem *first_row_a = kessan_statement_get_row (a, 0);
      KessanLineItem *first_row_b = kessan_statement_get_row (b, 0);

      g_assert_cmpuint (kessan_filing_get_line_page (pdf, kessan_line_item_get_line (first_row_b)), ==,
                        printed_page_of_line (kessan_line_item_get_line (first_row_a)));
      checked++;
    }
  g_assert_cmpuint (checked, >, 5);
  g_assert_cmpuint (kessan_filing_get_line_page (pdf, 1), ==, 1);

  kessan_test_remove_tree (dir);
}

static void
test_seed_001 (void)
{
  check_seed (SEED_001, KESSAN_TEST_PDF_MONOSPACE);
}

static void
test_seed_003 (void)
{
  check_seed (SEED_003, KESSAN_TEST_PDF_MONOSPACE);
}

static void
test_seed_004 (void)
{
  check_seed (SEED_004, KESSAN_TEST_PDF_MONOSPACE);
}

/* Tables printed in a proportional face: the columns line up at their
 * right edges only. */
static void
test_proportional_004 (void)
{
  check_seed (SEED_004, KESSAN_TEST_PDF_PROPORTIONAL);
}

static void
test_proportional_003 (void)
{
  check_seed (SEED_003, KESSAN_TEST_PDF_PROPORTIONAL);
}

static void
test_proportional_001 (void)
{
  check_seed (SEED_001, KESSAN_TEST_PDF_PROPORTIONAL);
}

/* A PDF is told by its header, whatever its name. */
static void
test_told_by_signature (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *text_as_pdf = NULL;
  g_autofree char *seed_text = NULL;
  g_autoptr(KessanFiling) from_pdf = NULL;
  g_autoptr(KessanFiling) from_text = NULL;
  gsize length;

  if (!require_font (KESSAN_TEST_PDF_MONOSPACE))
    return;
  dir = kessan_test_make_temp_dir ("kessan-pdf-XXXXXX");
  path = print_seed (SEED_004, dir, KESSAN_TEST_PDF_MONOSPACE);
  renamed = g_build_filename (dir, "release.txt", NULL);
  g_assert_cmpint (g_rename (path, renamed), ==, 0);
  from_pdf = parse_path (renamed);
  g_assert_cmpstr (kessan_filing_get_source_encoding (from_pdf), ==, "pdf");
  g_assert_cmpuint (kessan_filing_get_n_statements (from_pdf), >=, 10);

  seed_text = kessan_test_load_seed (SEED_004, &length);
  text_as_pdf = g_build_filename (dir, "release.pdf", NULL);
  kessan_test_write_file (text_as_pdf, seed_text, length);
  from_text = parse_path (text_as_pdf);
  g_assert_cmpstr (kessan_filing_get_source_encoding (from_text), ==, "utf-8");
  g_assert_cmpuint (kessan_filing_get_n_pages (from_text), ==, 0);

  kessan_test_remove_tree (dir);
}

static void
assert_refused (const char *path,
                int         code,
                const char *words)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);

  filing = kessan_parse_file (file, &error);
  g_assert_null (filing);
  g_assert_error (error, KESSAN_ERROR, code);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, words));
}

/* A text layer in fonts without a map of their characters: each letter
 * comes out as another character.  Written here by enciphering a release
 * letter for letter, as such a PDF reads. */
static char *
encipher (const char *text)
{
  static const char cipher[] = "!\"#$&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~";
  GString *out = g_string_new (NULL);
  guint n_spaces = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalpha (*p))
        {
          guint i = (guint) (g_ascii_tolower (*p) - 'a');

          /* Some letters keep a letter's place, as in such PDFs. */
          if (i % 5 == 0)
            g_string_append_c (out, 'a' + (char) ((i * 7) % 26));
          else
            g_string_append_c (out, cipher[i % (sizeof cipher - 1)]);
        }
      /* Some spaces come out as ÿ. */
      else if (*p == ' ' && n_spaces++ % 3 == 0)
        g_string_append (out, "\xc3\xbf");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_garbled_text (void)
{
  static const char *release =
    "Northwind Markets Inc. Reports Fourth Quarter and Full Year Results\n"
    "Comparable sales increased across all segments for the quarter\n"
    "Operating income grew in every market while costs were held steady\n"
    "Diluted earnings per share were higher than in the prior year quarter\n"
    "\n"
    "Condensed Consolidated Statement of Income\n"
    "(In millions, except per share data)\n"
    "Revenues\t6,201\t5,912\n"
    "Operating costs and expenses\t4,987\t4,802\n"
    "Operating income\t1,214\t1,110\n"
    "Net income\t905\t842\n";
  g_autofree char *dir = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *garbled = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) plain_file = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;

  if (!require_font (KESSAN_TEST_PDF_MONOSPACE))
    return;
  dir = kessan_test_make_temp_dir ("kessan-pdf-XXXXXX");
  plain = g_build_filename (dir, "plain.pdf", NULL);
  garbled = g_build_filename (dir, "garbled.pdf", NULL);

  /* The release itself is read. */
  kessan_test_write_text_pdf (plain, release, KESSAN_TEST_PDF_MONOSPACE, 60);
  plain_file = g_file_new_for_path (plain);
  filing = kessan_parse_file (plain_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (filing);

  /* Its letters replaced by other characters, it is refused: what
   * comes out is not its text. */
  text = encipher (release);
  kessan_test_write_text_pdf (garbled, text, KESSAN_TEST_PDF_MONOSPACE, 60);
  assert_refused (garbled, KESSAN_ERROR_PDF_NO_TEXT, "cannot be read");
  kessan_test_remove_tree (dir);
}

static void
test_scanned (void)
{
  g_autofree char *dir = kessan_test_make_temp_dir ("kessan-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "scan.pdf", NULL);
  g_auto(KessanTestRun) run;

  kessan_test_write_scan_pdf (path);
  assert_refused (path, KESSAN_ERROR_PDF_NO_TEXT, "no text layer");
  assert_refused (path, KESSAN_ERROR_PDF_NO_TEXT, "scanned");

  kessan_test_run_cli (&run, "extract", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "kessan-cli: "));
  g_assert_nonnull (strstr (run.err, "no text layer"));
  kessan_test_remove_tree (dir);
}

/* An encrypted copy made with qpdf: it needs a password to open. */
static void
test_encrypted (void)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  if (!require_font (KESSAN_TEST_PDF_MONOSPACE))
    return;
  dir = kessan_test_make_temp_dir ("kessan-pdf-XXXXXX");
  path = print_seed (SEED_004, dir, KESSAN_TEST_PDF_MONOSPACE);
  locked = g_build_filename (dir, "locked.pdf", NULL);
  {
    const char *argv[] = { qpdf, "--encrypt", "user-secret", "owner-secret", "256", "--",
                           path, locked, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  assert_refused (locked, KESSAN_ERROR_PDF_ENCRYPTED, "password");
  kessan_test_remove_tree (dir);
}

/* A PDF cut short, and one whose body is not PDF at all. */
static void
test_damaged (void)
{
  static const char not_pdf[] = "%PDF-1.7\nthis is not the body of a PDF\n%%EOF\n";
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!require_font (KESSAN_TEST_PDF_MONOSPACE))
    return;
  dir = kessan_test_make_temp_dir ("kessan-pdf-XXXXXX");
  path = print_seed (SEED_004, dir, KESSAN_TEST_PDF_MONOSPACE);
  data = kessan_test_read_file (path, &length);

  cut = g_build_filename (dir, "cut.pdf", NULL);
  kessan_test_write_file (cut, data, length / 2);
  assert_refused (cut, KESSAN_ERROR_PDF_DAMAGED, "cut short");

  broken = g_build_filename (dir, "broken.pdf", NULL);
  kessan_test_write_file (broken, not_pdf, sizeof not_pdf - 1);
  assert_refused (broken, KESSAN_ERROR_PDF_DAMAGED, "damaged");

  kessan_test_remove_tree (dir);
}

/* kessan-cli extract reads a PDF as it reads text. */
static void
test_cli_extract (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_auto(KessanTestRun) run;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) text = NULL;
  JsonObject *root;

  if (!require_font (KESSAN_TEST_PDF_MONOSPACE))
    return;
  dir = kessan_test_make_temp_dir ("kessan-pdf-XXXXXX");
  path = print_seed (SEED_004, dir, KESSAN_TEST_PDF_MONOSPACE);
  text = parse_seed_text (SEED_004);

  kessan_test_run_cli (&run, "extract", "--format=csv", "--statement=en-balance", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Total assets"));
  g_assert_nonnull (strstr (run.out, "38434030"));
  kessan_test_run_clear (&run);

  kessan_test_run_cli (&run, "extract", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "statements")), ==,
                    kessan_filing_get_n_statements (text));
  g_assert_nonnull (strstr (run.out, "\"pdf\""));

  kessan_test_remove_tree (dir);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The library keeps the PDF itself as the source; the text comes back
 * from the filing's file, or from the PDF when the file does not keep
 * it. */
static void
test_library (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *library_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *expected_text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) library_file = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) kept = NULL;
  guint n_pages, page_of_balance;
  KessanStatement *balance;

  if (!require_font (KESSAN_TEST_PDF_MONOSPACE))
    return;
  dir = kessan_test_make_temp_dir ("kessan-pdf-XXXXXX");
  path = print_seed (SEED_004, dir, KESSAN_TEST_PDF_MONOSPACE);
  library_dir = g_build_filename (dir, "library", NULL);
  library_file = g_file_new_for_path (library_dir);
  file = g_file_new_for_path (path);

  library = kessan_library_new (library_file);
  g_assert_true (kessan_library_load (library, NULL, &error));
  g_assert_no_error (error);
  added = kessan_library_import_file (library, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  expected_text = g_strdup (kessan_filing_get_text (added));
  n_pages = kessan_filing_get_n_pages (added);
  balance = kessan_filing_find_statement (added, "en-balance");
  g_assert_nonnull (balance);
  page_of_balance = kessan_filing_get_line_page (added, kessan_statement_get_first_line (balance));
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (page_of_balance, >, 1);

  /* The copy is the PDF, byte for byte. */
  copy = kessan_library_get_source_file (library, added);
  g_assert_nonnull (copy);
  original = kessan_load_release_bytes (file, &error);
  g_assert_no_error (error);
  kept = kessan_library_read_source (library, added, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (original, kept));
  sources = g_build_filename (library_dir, "sources", NULL);
  g_assert_cmpuint (count_entries (sources), ==, 1);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(KessanLibrary) reloaded = kessan_library_new (library_file);
      g_autoptr(KessanFiling) filing = NULL;

      if (pass == 1)
        {
          /* A filing file without the text: it is read again from the
           * PDF. */
          g_autofree char *name = g_strconcat (kessan_filing_get_source_hash (added), ".json", NULL);
          g_autofree char *json_path = g_build_filename (library_dir, "filings", name, NULL);
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(JsonGenerator) generator = json_generator_new ();
          JsonObject *root;

          g_assert_true (json_parser_load_from_file (parser, json_path, &error));
          g_assert_no_error (error);
          root = json_node_get_object (json_parser_get_root (parser));
          g_assert_true (json_object_has_member (root, "text"));
          json_object_remove_member (root, "text");
          json_generator_set_root (generator, json_parser_get_root (parser));
          g_assert_true (json_generator_to_file (generator, json_path, &error));
          g_assert_no_error (error);
        }

      g_assert_true (kessan_library_load (reloaded, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
      filing = g_list_model_get_item (G_LIST_MODEL (reloaded), 0);
      g_assert_cmpstr (kessan_filing_get_source_encoding (filing), ==, "pdf");
      g_assert_cmpstr (kessan_filing_get_text (filing), ==, expected_text);
      g_assert_cmpuint (kessan_filing_get_n_pages (filing), ==, n_pages);
      balance = kessan_filing_find_statement (filing, "en-balance");
      g_assert_cmpuint (kessan_filing_get_line_page (filing, kessan_statement_get_first_line (balance)), ==,
                        page_of_balance);
    }

  kessan_test_remove_tree (dir);
}

/* Draws @text at @x (its right end when @right), its baseline at @y. */
static void
draw_at (cairo_t    *cr,
         const char *text,
         double      size,
         double      x,
         double      y,
         gboolean    right)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (KESSAN_TEST_PDF_PROPORTIONAL);
  int width;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  cairo_move_to (cr, right ? x - width / (double) PANGO_SCALE : x,
                 y - pango_layout_get_baseline (layout) / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

/* A release set in a large size with its balance sheet in a small one,
 * the table's lines closer together than half the height of the text
 * around it: each of its lines is read as a line of its own, not two
 * rows run together. */
static void
test_small_table (void)
{
  static const struct { const char *label; const char *now; const char *before; } rows[] = {
    { "Current assets:", NULL, NULL },
    { "  Cash and cash equivalents", "2,268", "2,154" },
    { "  Short-term investments", "2,208", "2,625" },
    { "  Other current assets", "796", "1,056" },
    { "    Total current assets", "5,272", "5,835" },
    { "Property and equipment, net", "1,227", "1,238" },
    { "Goodwill", "4,244", "4,262" },
    { "Other assets", "656", "581" },
    { "    Total assets", "11,399", "11,916" },
  };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  cairo_surface_t *surface;
  KessanStatement *balance;
  KessanLineItem *cash = NULL, *total = NULL;
  GListModel *findings;
  cairo_t *cr;
  double y = 60;

  if (!require_font (KESSAN_TEST_PDF_PROPORTIONAL))
    return;
  dir = kessan_test_make_temp_dir ("kessan-pdf-XXXXXX");
  path = g_build_filename (dir, "small-table.pdf", NULL);
  surface = cairo_pdf_surface_create (path, 612, 792);
  cr = cairo_create (surface);

  draw_at (cr, "Northwind Markets Inc. reports second quarter results", 18, 40, y, FALSE);
  for (guint i = 0; i < 12; i++)
    draw_at (cr, "Revenue grew in every region in the quarter, and the company returned cash to its holders.",
             14, 40, y += 22, FALSE);
  y += 40;
  draw_at (cr, "Condensed Consolidated Balance Sheet", 9, 200, y, FALSE);
  draw_at (cr, "June 30,", 7, 420, y += 7, TRUE);
  draw_at (cr, "December 31,", 7, 500, y, TRUE);
  draw_at (cr, "2023", 7, 420, y += 7, TRUE);
  draw_at (cr, "2022", 7, 500, y, TRUE);
  draw_at (cr, "(In millions)", 7, 460, y += 7, TRUE);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      y += 7;
      draw_at (cr, rows[r].label, 7, 40, y, FALSE);
      if (rows[r].now != NULL)
        {
          draw_at (cr, rows[r].now, 7, 420, y, TRUE);
          draw_at (cr, rows[r].before, 7, 500, y, TRUE);
        }
    }
  y += 30;
  for (guint i = 0; i < 6; i++)
    draw_at (cr, "The company will host a conference call to discuss the results later today.", 14, 40, y += 22, FALSE);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  filing = parse_path (path);
  balance = kessan_filing_find_statement (filing, "en-balance");
  g_assert_nonnull (balance);
  for (guint r = 0; r < kessan_statement_get_n_rows (balance); r++)
    {
      KessanLineItem *row = kessan_statement_get_row (balance, r);

      if (g_str_equal (kessan_line_item_get_label (row), "Cash and cash equivalents"))
        cash = row;
      if (g_str_equal (kessan_line_item_get_label (row), "Total assets"))
        total = row;
    }
  g_assert_nonnull (cash);
  g_assert_nonnull (total);
  g_assert_cmpfloat (kessan_line_item_get_value (cash, 0), ==, 2268);
  g_assert_cmpfloat (kessan_line_item_get_value (cash, 1), ==, 2154);
  g_assert_cmpfloat (kessan_line_item_get_value (total, 0), ==, 11399);
  g_assert_cmpfloat (kessan_line_item_get_value (total, 1), ==, 11916);
  g_assert_cmpstr (kessan_column_get_period_end (kessan_statement_get_column (balance, 0)), ==, "2023-06-30");
  g_assert_cmpuint (kessan_column_get_scale (kessan_statement_get_column (balance, 1)), ==, 1000000);

  kessan_filing_run_checks (filing);
  findings = kessan_filing_get_findings (filing);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KessanFinding) finding = g_list_model_get_item (findings, i);

      g_test_message ("%s", kessan_finding_get_message (finding));
      g_assert_cmpint (kessan_finding_get_severity (finding), <, KESSAN_SEVERITY_ERROR);
    }

  kessan_test_remove_tree (dir);
}

/* Draws @text with its baseline at @y: Japanese characters in
 * @cjk_size, digits and Latin letters in @latin_size of another face,
 * as a browser prints a page that mixes them. */
static void
draw_mixed (cairo_t    *cr,
            const char *text,
            double      cjk_size,
            double      latin_size,
            double      x,
            double      y)
{
  const char *p = text;

  while (*p != '\0')
    {
      gboolean latin = (guchar) *p < 0x80;
      const char *end = p;
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      g_autoptr(PangoFontDescription) font = NULL;
      int width;

      while (*end != '\0' && ((guchar) *end < 0x80) == latin)
        end = g_utf8_next_char (end);
      font = pango_font_description_from_string (latin ? "DejaVu Sans" : KESSAN_TEST_PDF_PROPORTIONAL);
      pango_font_description_set_absolute_size (font, (latin ? latin_size : cjk_size) * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, p, (int) (end - p));
      pango_layout_get_size (layout, &width, NULL);
      cairo_move_to (cr, x, y - pango_layout_get_baseline (layout) / (double) PANGO_SCALE);
      pango_cairo_show_layout (cr, layout);
      x += width / (double) PANGO_SCALE;
      p = end;
    }
}

/* A Japanese statement printed by a browser: the boxes of its Japanese
 * characters are more than twice as tall as its header lines are apart,
 * its digits' boxes are not.  The three lines of the column headers
 * stay three lines, and the columns get their periods from them. */
static void
test_tall_japanese_boxes (void)
{
  static const struct { const char *label; const char *before; const char *now; } rows[] = {
    { "売上高", "1,646,588", "2,732,607" },
    { "売上原価", "1,466,276", "1,960,630" },
    { "売上総利益", "180,312", "771,977" },
    { "販売費及び一般管理費", "232,222", "301,019" },
  };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  cairo_surface_t *surface;
  KessanStatement *income;
  cairo_t *cr;
  double y = 60;

  if (!require_font (KESSAN_TEST_PDF_PROPORTIONAL) || !kessan_test_pdf_font_available ("DejaVu Sans"))
    {
      if (!g_test_failed ())
        g_test_skip ("the fonts Noto Sans CJK JP and DejaVu Sans are needed");
      return;
    }
  dir = kessan_test_make_temp_dir ("kessan-pdf-XXXXXX");
  path = g_build_filename (dir, "tall-boxes.pdf", NULL);
  surface = cairo_pdf_surface_create (path, 900, 500);
  cr = cairo_create (surface);

  /* Text in Japanese around the table makes the boxes of Japanese
   * characters the usual height of the document. */
  for (guint i = 0; i < 4; i++)
    draw_mixed (cr, "当社グループの売上高は前年同期を上回り、営業利益も増加いたしました。", 16, 9, 40, y += 24);
  y += 24;
  draw_mixed (cr, "（四半期連結損益計算書）", 16, 9, 40, y);
  draw_mixed (cr, "（単位：千円）", 16, 9, 700, y += 20);
  draw_mixed (cr, "前第１四半期連結累計期間", 16, 9, 380, y += 16);
  draw_mixed (cr, "当第１四半期連結累計期間", 16, 9, 620, y);
  draw_mixed (cr, "(自 2020年５月１日", 16, 9, 390, y += 9.75);
  draw_mixed (cr, "(自 2021年５月１日", 16, 9, 630, y);
  draw_mixed (cr, "至 2020年７月31日)", 16, 9, 392, y += 9.75);
  draw_mixed (cr, "至 2021年７月31日)", 16, 9, 632, y);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      y += 24;
      draw_mixed (cr, rows[r].label, 16, 9, 40, y);
      draw_mixed (cr, rows[r].before, 16, 9, 480, y);
      draw_mixed (cr, rows[r].now, 16, 9, 720, y);
    }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  filing = parse_path (path);
  income = kessan_filing_find_statement (filing, "ja-income-quarter");
  g_assert_nonnull (income);
  g_assert_cmpuint (kessan_statement_get_n_columns (income), ==, 2);
  g_assert_cmpstr (kessan_column_get_period_end (kessan_statement_get_column (income, 0)), ==, "2020-07-31");
  g_assert_cmpstr (kessan_column_get_period_end (kessan_statement_get_column (income, 1)), ==, "2021-07-31");
  g_assert_cmpuint (kessan_column_get_months (kessan_statement_get_column (income, 1)), ==, 3);
  g_assert_cmpuint (kessan_column_get_scale (kessan_statement_get_column (income, 1)), ==, 1000);
  g_assert_cmpfloat (kessan_line_item_get_value (kessan_statement_get_row (income, 0), 1), ==, 2732607);

  kessan_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kessan/pdf/seed/001", test_seed_001);
  g_test_add_func ("/kessan/pdf/seed/003", test_seed_003);
  g_test_add_func ("/kessan/pdf/seed/004", test_seed_004);
  g_test_add_func ("/kessan/pdf/proportional/001", test_proportional_001);
  g_test_add_func ("/kessan/pdf/proportional/003", test_proportional_003);
  g_test_add_func ("/kessan/pdf/proportional/004", test_proportional_004);
  g_test_add_func ("/kessan/pdf/told-by-signature", test_told_by_signature);
  g_test_add_func ("/kessan/pdf/scanned", test_scanned);
  g_test_add_func ("/kessan/pdf/garbled-text", test_garbled_text);
  g_test_add_func ("/kessan/pdf/encrypted", test_encrypted);
  g_test_add_func ("/kessan/pdf/damaged", test_damaged);
  g_test_add_func ("/kessan/pdf/cli-extract", test_cli_extract);
  g_test_add_func ("/kessan/pdf/library", test_library);
  g_test_add_func ("/kessan/pdf/small-table", test_small_table);
  g_test_add_func ("/kessan/pdf/tall-japanese-boxes", test_tall_japanese_boxes);
  return g_test_run ();
}
