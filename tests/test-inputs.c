/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kessan.h"
#include "kessan-test-pdf.h"
#include "kessan-test-util.h"

/* Every kind of file that is not a release Kessan can read: each is
 * refused with its own code and a message that names the file and says
 * what is wrong, by the parser, by kessan-cli and by the library, which
 * is left as it was. */

#define SEED_004 "004_df6267c19d93d050.txt"

/* Inputs made here */

/* A ZIP of stored (uncompressed) entries, as office documents are:
 * local headers, then the central directory and its end record.  The
 * checksums are left at zero; nothing here reads the entries' data. */
static GBytes *
make_zip (const char * const *entries)
{
  g_autoptr(GByteArray) zip = g_byte_array_new ();
  g_autoptr(GByteArray) directory = g_byte_array_new ();
  guint n = 0;

#define PUT16(array, v) G_STMT_START { guint8 b_[2] = { (v) & 0xff, ((v) >> 8) & 0xff }; \
                                       g_byte_array_append ((array), b_, 2); } G_STMT_END
#define PUT32(array, v) G_STMT_START { guint32 v_ = (v); \
                                       guint8 b_[4] = { v_ & 0xff, (v_ >> 8) & 0xff, (v_ >> 16) & 0xff, v_ >> 24 }; \
                                       g_byte_array_append ((array), b_, 4); } G_STMT_END

  for (guint i = 0; entries[i] != NULL; i += 2, n++)
    {
      const char *name = entries[i];
      const char *data = entries[i + 1];
      guint32 offset = zip->len;

      g_byte_array_append (zip, (const guint8 *) "PK\x03\x04", 4);
      PUT16 (zip, 10);                  /* version needed */
      PUT16 (zip, 0);                   /* flags */
      PUT16 (zip, 0);                   /* stored */
      PUT32 (zip, 0);                   /* time and date */
      PUT32 (zip, 0);                   /* crc */
      PUT32 (zip, strlen (data));
      PUT32 (zip, strlen (data));
      PUT16 (zip, strlen (name));
      PUT16 (zip, 0);
      g_byte_array_append (zip, (const guint8 *) name, strlen (name));
      g_byte_array_append (zip, (const guint8 *) data, strlen (data));

      g_byte_array_append (directory, (const guint8 *) "PK\x01\x02", 4);
      PUT16 (directory, 20);
      PUT16 (directory, 10);
      PUT16 (directory, 0);
      PUT16 (directory, 0);
      PUT32 (directory, 0);
      PUT32 (directory, 0);
      PUT32 (directory, strlen (data));
      PUT32 (directory, strlen (data));
      PUT16 (directory, strlen (name));
      PUT16 (directory, 0);             /* extra */
      PUT16 (directory, 0);             /* comment */
      PUT16 (directory, 0);             /* disk */
      PUT16 (directory, 0);             /* internal attributes */
      PUT32 (directory, 0);             /* external attributes */
      PUT32 (directory, offset);
      g_byte_array_append (directory, (const guint8 *) name, strlen (name));
    }

  {
    guint32 directory_offset = zip->len;

    g_byte_array_append (zip, directory->data, directory->len);
    g_byte_array_append (zip, (const guint8 *) "PK\x05\x06", 4);
    PUT16 (zip, 0);
    PUT16 (zip, 0);
    PUT16 (zip, n);
    PUT16 (zip, n);
    PUT32 (zip, directory->len);
    PUT32 (zip, directory_offset);
    PUT16 (zip, 0);
  }
#undef PUT16
#undef PUT32

  return g_byte_array_free_to_bytes (g_steal_pointer (&zip));
}

/* The start of an OLE2 compound file (legacy .xls and .doc): its
 * signature, and a directory entry naming its main stream in UTF-16. */
static GBytes *
make_compound_file (const char *stream)
{
  g_autoptr(GByteArray) file = g_byte_array_new ();
  guint8 zeros[512] = { 0 };

  g_byte_array_append (file, (const guint8 *) "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  g_byte_array_append (file, zeros, sizeof zeros - 8);
  for (const char *p = stream; p != NULL && *p != '\0'; p++)
    {
      guint8 unit[2] = { (guint8) *p, 0 };

      g_byte_array_append (file, unit, 2);
    }
  g_byte_array_append (file, zeros, 128);
  return g_byte_array_free_to_bytes (g_steal_pointer (&file));
}

static char *
write_bytes (const char *name,
             GBytes     *bytes)
{
  gsize length;
  const void *data = g_bytes_get_data (bytes, &length);

  return kessan_test_write_temp (name, data, length);
}

/* Checks of one refusal */

/* The parser refuses @path with @code and a message naming the file and
 * holding @words. */
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
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_nonnull (strstr (error->message, words));
  /* A sentence, and what to do: more than the name and one word. */
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_cmpuint (strlen (error->message), >, strlen (name) + 40);
}

/* kessan-cli extract prints one line, "kessan-cli: FILE: message", and
 * exits with 1. */
static void
assert_cli_refuses (const char *path,
                    const char *words)
{
  g_auto(KessanTestRun) run;
  g_autofree char *prefix = g_strdup_printf ("kessan-cli: %s: ", path);

  kessan_test_run_cli (&run, "extract", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_nonnull (strstr (run.err, words));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every file under @dir with its size, one a line, in order. */
static void
list_tree (GString    *out,
           const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      GStatBuf st;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      g_string_append_printf (out, "%s %ld\n", path, (long) st.st_size);
      if (S_ISDIR (st.st_mode))
        list_tree (out, path);
    }
}

static char *
describe_tree (const char *dir)
{
  GString *out = g_string_new (NULL);

  list_tree (out, dir);
  return g_string_free (out, FALSE);
}

/* A library holding one release, in a new folder. */
static KessanLibrary *
make_library (char **dir)
{
  g_autofree char *seed = kessan_test_seed_path (SEED_004);
  g_autoptr(GFile) seed_file = g_file_new_for_path (seed);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;

  *dir = kessan_test_make_temp_dir ("kessan-inputs-XXXXXX");
  folder = g_file_new_for_path (*dir);
  library = kessan_library_new (folder);
  g_assert_true (kessan_library_load (library, NULL, &error));
  g_assert_no_error (error);
  filing = kessan_library_import_file (library, seed_file, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&library);
}

/* Importing @path into a library fails as parsing it does, and leaves
 * the library's folder and model as they were. */
static void
assert_library_untouched (const char *path,
                          int         code)
{
  g_autofree char *dir = NULL;
  g_autoptr(KessanLibrary) library = make_library (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = describe_tree (dir);
  g_autofree char *after = NULL;

  filing = kessan_library_import_file (library, file, NULL, &error);
  g_assert_null (filing);
  g_assert_error (error, KESSAN_ERROR, code);
  after = describe_tree (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  kessan_test_remove_tree (dir);
}

static void
check_bad_input (const char *path,
                 int         code,
                 const char *words)
{
  assert_refused (path, code, words);
  assert_cli_refuses (path, words);
  assert_library_untouched (path, code);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  kessan_test_remove_tree (dir);
}

/* The tests, one a kind of input */

static void
test_empty (void)
{
  g_autofree char *empty = kessan_test_write_temp ("empty.txt", "", 0);
  g_autofree char *blank = kessan_test_write_temp ("blank.txt", "  \n\t\n\n", -1);

  check_bad_input (empty, KESSAN_ERROR_EMPTY, "is empty");
  check_bad_input (blank, KESSAN_ERROR_EMPTY, "blank");
  remove_temp (empty);
  remove_temp (blank);
}

static void
test_binary (void)
{
  guint8 noise[4096];
  g_autofree char *path = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20031121);

  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_rand_int_range (rand, 0, 256);
  path = kessan_test_write_temp ("data.bin", noise, sizeof noise);
  check_bad_input (path, KESSAN_ERROR_BINARY, "binary data");
  remove_temp (path);
}

static void
test_program (void)
{
  static const guint8 elf[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0 };
  g_autofree char *path = kessan_test_write_temp ("release.txt", elf, sizeof elf);

  check_bad_input (path, KESSAN_ERROR_BINARY, "a program");
  remove_temp (path);
}

static void
test_archive (void)
{
  static const char * const entries[] = { "release.pdf", "%PDF-1.4 not really", NULL };
  g_autoptr(GBytes) zip = make_zip (entries);
  g_autofree char *path = write_bytes ("releases.zip", zip);

  check_bad_input (path, KESSAN_ERROR_BINARY, "ZIP archive");
  remove_temp (path);
}

static void
test_xlsx (void)
{
  static const char * const entries[] = {
    "[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>",
    "_rels/.rels", "<Relationships/>",
    "xl/workbook.xml", "<workbook/>",
    "xl/worksheets/sheet1.xml", "<worksheet/>",
    NULL
  };
  g_autoptr(GBytes) zip = make_zip (entries);
  g_autofree char *path = write_bytes ("release.xlsx", zip);

  check_bad_input (path, KESSAN_ERROR_DOCUMENT, "is a spreadsheet");
  assert_refused (path, KESSAN_ERROR_DOCUMENT, "PDF or text");
  remove_temp (path);
}

static void
test_docx (void)
{
  static const char * const entries[] = {
    "[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>",
    "word/document.xml", "<w:document/>",
    NULL
  };
  g_autoptr(GBytes) zip = make_zip (entries);
  /* Named as text: the content tells, not the name. */
  g_autofree char *path = write_bytes ("release.txt", zip);

  check_bad_input (path, KESSAN_ERROR_DOCUMENT, "word-processor document");
  remove_temp (path);
}

static void
test_pptx (void)
{
  static const char * const entries[] = {
    "[Content_Types].xml", "<Types/>",
    "ppt/presentation.xml", "<p:presentation/>",
    NULL
  };
  g_autoptr(GBytes) zip = make_zip (entries);
  g_autofree char *path = write_bytes ("results.pptx", zip);

  check_bad_input (path, KESSAN_ERROR_DOCUMENT, "presentation");
  remove_temp (path);
}

static void
test_opendocument (void)
{
  static const char * const ods_entries[] = {
    "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
    "content.xml", "<office:document-content/>",
    NULL
  };
  static const char * const odt_entries[] = {
    "mimetype", "application/vnd.oasis.opendocument.text",
    "content.xml", "<office:document-content/>",
    NULL
  };
  g_autoptr(GBytes) ods = make_zip (ods_entries);
  g_autoptr(GBytes) odt = make_zip (odt_entries);
  g_autofree char *ods_path = write_bytes ("release.ods", ods);
  g_autofree char *odt_path = write_bytes ("release.odt", odt);

  check_bad_input (ods_path, KESSAN_ERROR_DOCUMENT, "is a spreadsheet");
  check_bad_input (odt_path, KESSAN_ERROR_DOCUMENT, "word-processor document");
  remove_temp (ods_path);
  remove_temp (odt_path);
}

static void
test_legacy_office (void)
{
  g_autoptr(GBytes) xls = make_compound_file ("Workbook");
  g_autoptr(GBytes) doc = make_compound_file ("WordDocument");
  g_autoptr(GBytes) other = make_compound_file (NULL);
  g_autofree char *xls_path = write_bytes ("release.xls", xls);
  g_autofree char *doc_path = write_bytes ("release.doc", doc);
  g_autofree char *other_path = write_bytes ("release.dat", other);

  check_bad_input (xls_path, KESSAN_ERROR_DOCUMENT, "is a spreadsheet");
  check_bad_input (doc_path, KESSAN_ERROR_DOCUMENT, "word-processor document");
  check_bad_input (other_path, KESSAN_ERROR_DOCUMENT, "spreadsheet or word-processor document");
  remove_temp (xls_path);
  remove_temp (doc_path);
  remove_temp (other_path);
}

static void
test_rtf (void)
{
  static const char rtf[] = "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 Revenues 1,234\\par}\n";
  g_autofree char *path = kessan_test_write_temp ("release.rtf", rtf, -1);

  check_bad_input (path, KESSAN_ERROR_DOCUMENT, "word-processor document");
  remove_temp (path);
}

static void
test_not_a_release (void)
{
  static const char letter[] = "Dear shareholders,\n\nThank you for your letter of March 3, 2003.\n"
                               "We will write again in 2 weeks.\n\nYours sincerely,\nThe IR office\n";
  g_autofree char *path = kessan_test_write_temp ("letter.txt", letter, -1);

  check_bad_input (path, KESSAN_ERROR_NOT_RELEASE, "no financial table");
  remove_temp (path);
}

static void
test_unsupported_encoding (void)
{
  /* Latin-1: valid in none of UTF-8, UTF-16, CP932 or EUC-JP. */
  static const char latin1[] = "Revenues\t1,234\xff\xfe\xa0\x80\x81 caf\xe9 \xe9t\xe9\n";
  g_autofree char *path = kessan_test_write_temp ("latin1.txt", latin1, -1);

  check_bad_input (path, KESSAN_ERROR_ENCODING, "encoding");
  assert_refused (path, KESSAN_ERROR_ENCODING, "UTF-8");
  remove_temp (path);
}

static void
test_damaged_utf8 (void)
{
  g_autofree char *text = kessan_test_load_seed (SEED_004, NULL);
  g_autoptr(GString) damaged = g_string_new (text);
  g_autofree char *path = NULL;
  const char *line3 = strchr (strchr (text, '\n') + 1, '\n') + 1;

  /* A byte that is not UTF-8 at the start of line 3 of a UTF-8 file. */
  g_string_insert_c (damaged, line3 - text, '\xff');
  path = kessan_test_write_temp ("damaged.txt", damaged->str, damaged->len);
  check_bad_input (path, KESSAN_ERROR_DAMAGED_TEXT, "line 3");
  remove_temp (path);
}

static void
test_too_large (void)
{
  g_autofree char *path = kessan_test_write_temp ("huge.txt", "x", 1);

  /* A sparse file over the limit: refused before it is read. */
  g_assert_cmpint (truncate (path, (off_t) KESSAN_MAX_INPUT_SIZE + 3 * 1024 * 1024 / 2), ==, 0);
  check_bad_input (path, KESSAN_ERROR_TOO_LARGE, "more than the limit of 32 MB");
  assert_refused (path, KESSAN_ERROR_TOO_LARGE, "33.5 MB");
  remove_temp (path);
}

/* A release cut in the middle of a table is read as far as it goes,
 * with a warning saying so. */
static void
test_truncated (void)
{
  gsize length;
  g_autofree char *text = kessan_test_load_seed (SEED_004, &length);
  const char *cut = strstr (text, "Total current assets");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(KessanFiling) whole = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = kessan_test_load_seed_bytes (SEED_004);
  KessanFinding *truncated = NULL;

  g_assert_nonnull (cut);
  path = kessan_test_write_temp ("cut.txt", text, cut - text + 12);
  file = g_file_new_for_path (path);
  filing = kessan_parse_file (file, &error);
  g_assert_no_error (error);
  whole = kessan_parse_release (bytes, SEED_004, &error);
  g_assert_no_error (error);

  /* The statements before the cut are all there. */
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), >, 3);
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), <, kessan_filing_get_n_statements (whole));
  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    if (g_str_equal (kessan_finding_get_check (kessan_filing_get_finding (filing, i)), "truncated"))
      truncated = kessan_filing_get_finding (filing, i);
  g_assert_nonnull (truncated);
  g_assert_cmpint (kessan_finding_get_severity (truncated), ==, KESSAN_SEVERITY_WARNING);
  g_assert_cmpstr (kessan_finding_get_statement (truncated), ==, "en-balance");
  g_assert_nonnull (strstr (kessan_finding_get_message (truncated), "cut short"));
  g_assert_nonnull (strstr (kessan_finding_get_message (truncated), "missing"));
  remove_temp (path);
}

/* A file chosen, then moved or deleted before it is read. */
static void
test_vanished (void)
{
  g_autofree char *seed_text = kessan_test_load_seed (SEED_004, NULL);
  g_autofree char *path = kessan_test_write_temp ("chosen.txt", seed_text, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  bytes = kessan_load_release_bytes (file, &error);
  g_assert_null (bytes);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "chosen.txt"));
  g_assert_nonnull (strstr (error->message, "no longer exists"));

  assert_refused (path, KESSAN_ERROR_NOT_FOUND, "no longer exists");
  assert_library_untouched (path, KESSAN_ERROR_NOT_FOUND);
  /* On a command line the path is typed, not chosen: it may never have
   * existed. */
  assert_cli_refuses (path, "does not exist");
  remove_temp (path);
}

static void
test_folder (void)
{
  g_autofree char *dir = kessan_test_make_temp_dir ("kessan-inputs-XXXXXX");
  g_autofree char *folder = g_build_filename (dir, "releases", NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  check_bad_input (folder, KESSAN_ERROR_IO, "is a folder");
  kessan_test_remove_tree (dir);
}

/* PDFs that cannot be read, through the CLI and the library too (the
 * messages themselves are checked in test-pdf). */
static void
test_bad_pdfs (void)
{
  static const char broken[] = "%PDF-1.7\nthis is not the body of a PDF\n%%EOF\n";
  g_autofree char *dir = kessan_test_make_temp_dir ("kessan-inputs-XXXXXX");
  g_autofree char *scan = g_build_filename (dir, "scan.pdf", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.pdf", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.pdf", NULL);

  kessan_test_write_scan_pdf (scan);
  check_bad_input (scan, KESSAN_ERROR_PDF_NO_TEXT, "scanned document");

  kessan_test_write_file (damaged, broken, sizeof broken - 1);
  check_bad_input (damaged, KESSAN_ERROR_PDF_DAMAGED, "damaged PDF");

  {
    gsize length;
    g_autofree char *data = NULL;

    kessan_test_write_scan_pdf (cut);
    data = kessan_test_read_file (cut, &length);
    kessan_test_write_file (cut, data, length - 40);
    check_bad_input (cut, KESSAN_ERROR_PDF_DAMAGED, "cut short");
  }
  kessan_test_remove_tree (dir);
}

/* A library folder that cannot be written: the release is refused with
 * the folder named, and nothing is left in the folder. */
static void
test_library_not_writable (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(KessanLibrary) library = NULL;
  g_autofree char *seed = kessan_test_seed_path ("003_3f09aa9018b22431.txt");
  g_autoptr(GFile) file = g_file_new_for_path (seed);
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *blocked = NULL;
  guint n_before;

  if (getuid () != 0)
    {
      /* A folder without write permission. */
      library = make_library (&dir);
      g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
      blocked = g_build_filename (dir, "filings", NULL);
      g_assert_cmpint (g_chmod (blocked, 0500), ==, 0);
    }
  else
    {
      g_autoptr(GFile) folder = NULL;

      /* Permissions do not stop root: a library folder whose place for
       * filings is taken by a file cannot be written either. */
      dir = kessan_test_make_temp_dir ("kessan-inputs-XXXXXX");
      blocked = g_build_filename (dir, "filings", NULL);
      kessan_test_write_file (blocked, "", 0);
      folder = g_file_new_for_path (dir);
      library = kessan_library_new (folder);
    }

  before = describe_tree (dir);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (library));
  filing = kessan_library_import_file (library, file, NULL, &error);
  g_assert_null (filing);
  g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "library folder"));
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_assert_nonnull (strstr (error->message, blocked));
  after = describe_tree (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, n_before);

  if (getuid () != 0)
    {
      g_assert_cmpint (g_chmod (blocked, 0700), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
    }
  kessan_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kessan/inputs/empty", test_empty);
  g_test_add_func ("/kessan/inputs/binary", test_binary);
  g_test_add_func ("/kessan/inputs/program", test_program);
  g_test_add_func ("/kessan/inputs/archive", test_archive);
  g_test_add_func ("/kessan/inputs/xlsx", test_xlsx);
  g_test_add_func ("/kessan/inputs/docx", test_docx);
  g_test_add_func ("/kessan/inputs/pptx", test_pptx);
  g_test_add_func ("/kessan/inputs/opendocument", test_opendocument);
  g_test_add_func ("/kessan/inputs/legacy-office", test_legacy_office);
  g_test_add_func ("/kessan/inputs/rtf", test_rtf);
  g_test_add_func ("/kessan/inputs/not-a-release", test_not_a_release);
  g_test_add_func ("/kessan/inputs/unsupported-encoding", test_unsupported_encoding);
  g_test_add_func ("/kessan/inputs/damaged-utf8", test_damaged_utf8);
  g_test_add_func ("/kessan/inputs/too-large", test_too_large);
  g_test_add_func ("/kessan/inputs/truncated", test_truncated);
  g_test_add_func ("/kessan/inputs/vanished", test_vanished);
  g_test_add_func ("/kessan/inputs/folder", test_folder);
  g_test_add_func ("/kessan/inputs/bad-pdfs", test_bad_pdfs);
  g_test_add_func ("/kessan/inputs/library-not-writable", test_library_not_writable);
  return g_test_run ();
}
