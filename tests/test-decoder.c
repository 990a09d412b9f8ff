/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "kessan-decoder.h"
#include "kessan-error.h"
#include "kessan-test-util.h"

#define SEED_001 "001_ac7abb1bfabe4158.txt"
#define SEED_003 "003_3f09aa9018b22431.txt"
#define SEED_004 "004_df6267c19d93d050.txt"

static char *
decode_ok (const void     *data,
           gsize           length,
           KessanEncoding  expected)
{
  g_autoptr(GError) error = NULL;
  KessanEncoding encoding = (KessanEncoding) -1;
  char *text;

  text = kessan_decode (data, length, &encoding, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (kessan_encoding_to_string (encoding), ==, kessan_encoding_to_string (expected));

  return text;
}

static void
assert_decode_fails (const void *data,
                     gsize       length,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = kessan_decode (data, length, NULL, &error);
  g_assert_error (error, KESSAN_ERROR, code);
  g_assert_null (text);
  g_assert_nonnull (error->message);
  g_assert_true (g_str_has_suffix (error->message, "."));
}

static char *
decode_error_message (const void *data,
                      gsize       length,
                      int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = kessan_decode (data, length, NULL, &error);
  g_assert_error (error, KESSAN_ERROR, code);
  g_assert_null (text);

  return g_strdup (error->message);
}

static gsize
count_char (const char *text,
            gsize       length,
            char        c)
{
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    n += text[i] == c;

  return n;
}

static gsize
count_occurrences (const char *haystack,
                   const char *needle)
{
  gsize n = 0;
  gsize needle_len = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + needle_len, needle))
    n++;

  return n;
}

static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* The seeds hold a few characters that a legacy charset lacks (superscript
 * digits, en dashes) or maps to a different code point on the way back (the
 * wave dash).  Each such character is replaced with '?', so that the text
 * can make an exact round trip through the charset. */
static char *
representable_in (const char *text,
                  const char *charset)
{
  g_autoptr(GHashTable) verdicts = g_hash_table_new (NULL, NULL);
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize char_len = g_utf8_next_char (p) - p;
      gpointer verdict;

      if (c < 0x80)
        {
          g_string_append_c (out, *p);
          continue;
        }

      if (!g_hash_table_lookup_extended (verdicts, GUINT_TO_POINTER (c), NULL, &verdict))
        {
          g_autofree char *encoded = NULL;
          g_autofree char *decoded = NULL;
          gsize encoded_len = 0;
          gboolean ok = FALSE;

          encoded = g_convert (p, char_len, charset, "UTF-8", NULL, &encoded_len, NULL);
          if (encoded != NULL)
            decoded = g_convert (encoded, encoded_len, "UTF-8", charset, NULL, NULL, NULL);
          ok = decoded != NULL && strncmp (decoded, p, char_len) == 0 && decoded[char_len] == '\0';

          verdict = GINT_TO_POINTER (ok);
          g_hash_table_insert (verdicts, GUINT_TO_POINTER (c), verdict);
        }

      if (GPOINTER_TO_INT (verdict))
        g_string_append_len (out, p, char_len);
      else
        g_string_append_c (out, '?');
    }

  return g_string_free (out, FALSE);
}

static char *
encode (const char *text,
        const char *charset,
        gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *encoded;

  encoded = g_convert (text, -1, charset, "UTF-8", NULL, length, &error);
  g_assert_no_error (error);

  return encoded;
}

static char *
with_prefix (const char *prefix,
             gsize       prefix_len,
             const char *data,
             gsize       length)
{
  char *out = g_malloc (prefix_len + length);

  memcpy (out, prefix, prefix_len);
  memcpy (out + prefix_len, data, length);

  return out;
}

static void
test_encoding_names (void)
{
  g_assert_cmpstr (kessan_encoding_to_string (KESSAN_ENCODING_UTF8), ==, "utf-8");
  g_assert_cmpstr (kessan_encoding_to_string (KESSAN_ENCODING_UTF8_BOM), ==, "utf-8-bom");
  g_assert_cmpstr (kessan_encoding_to_string (KESSAN_ENCODING_UTF16LE), ==, "utf-16le");
  g_assert_cmpstr (kessan_encoding_to_string (KESSAN_ENCODING_UTF16BE), ==, "utf-16be");
  g_assert_cmpstr (kessan_encoding_to_string (KESSAN_ENCODING_CP932), ==, "cp932");
  g_assert_cmpstr (kessan_encoding_to_string (KESSAN_ENCODING_EUC_JP), ==, "euc-jp");
}

static void
test_utf8_seeds (void)
{
  const char *seeds[] = { SEED_001, SEED_003, SEED_004 };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *seed = NULL;
      g_autofree char *text = NULL;
      gsize length;

      seed = kessan_test_load_seed (seeds[i], &length);
      text = decode_ok (seed, length, KESSAN_ENCODING_UTF8);

      /* The seeds are clean UTF-8 with LF line ends: nothing may change. */
      g_assert_cmpuint (strlen (text), ==, length);
      g_assert_cmpstr (text, ==, seed);
    }
}

static void
test_utf8_bom (void)
{
  g_autofree char *seed = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *bommed = NULL;
  gsize length;

  seed = kessan_test_load_seed (SEED_001, &length);
  with_bom = with_prefix ("\xEF\xBB\xBF", 3, seed, length);

  plain = decode_ok (seed, length, KESSAN_ENCODING_UTF8);
  bommed = decode_ok (with_bom, length + 3, KESSAN_ENCODING_UTF8_BOM);

  g_assert_cmpstr (bommed, ==, plain);
  g_assert_false (g_str_has_prefix (bommed, "\xEF\xBB\xBF"));
}

static void
test_utf16 (void)
{
  g_autofree char *seed = NULL;
  gsize length;
  struct {
    const char     *charset;
    const char     *bom;
    KessanEncoding  encoding;
  } cases[] = {
    { "UTF-16LE", "\xFF\xFE", KESSAN_ENCODING_UTF16LE },
    { "UTF-16BE", "\xFE\xFF", KESSAN_ENCODING_UTF16BE },
  };

  seed = kessan_test_load_seed (SEED_003, &length);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *encoded = NULL;
      g_autofree char *with_bom = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text_no_bom = NULL;
      gsize encoded_len;

      encoded = encode (seed, cases[i].charset, &encoded_len);
      with_bom = with_prefix (cases[i].bom, 2, encoded, encoded_len);

      text = decode_ok (with_bom, encoded_len + 2, cases[i].encoding);
      g_assert_cmpstr (text, ==, seed);

      /* Without the byte order mark, the NUL halves of the ASCII
       * characters give the byte order away. */
      text_no_bom = decode_ok (encoded, encoded_len, cases[i].encoding);
      g_assert_cmpstr (text_no_bom, ==, seed);
    }
}

static void
test_utf16_crlf (void)
{
  g_autofree char *encoded = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *text = NULL;
  gsize encoded_len;

  encoded = encode ("営業収益\r\n9,185\r\n\r\n", "UTF-16LE", &encoded_len);
  with_bom = with_prefix ("\xFF\xFE", 2, encoded, encoded_len);
  text = decode_ok (with_bom, encoded_len + 2, KESSAN_ENCODING_UTF16LE);
  g_assert_cmpstr (text, ==, "営業収益\n9,185\n\n");
}

static void
test_cp932 (void)
{
  const char *seeds[] = { SEED_001, SEED_003 };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *seed = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *crlf = NULL;
      g_autofree char *encoded = NULL;
      g_autofree char *text = NULL;
      gsize length;
      gsize encoded_len;

      seed = kessan_test_load_seed (seeds[i], &length);
      expected = representable_in (seed, "CP932");
      crlf = replace_all (expected, "\n", "\r\n");
      encoded = encode (crlf, "CP932", &encoded_len);

      text = decode_ok (encoded, encoded_len, KESSAN_ENCODING_CP932);
      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpuint (count_char (text, strlen (text), '\n'), ==,
                        count_char (seed, length, '\n'));
    }
}

static void
test_euc_jp (void)
{
  const char *seeds[] = { SEED_001, SEED_003 };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *seed = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *encoded = NULL;
      g_autofree char *text = NULL;
      gsize length;
      gsize encoded_len;

      seed = kessan_test_load_seed (seeds[i], &length);
      expected = representable_in (seed, "EUC-JP");
      encoded = encode (expected, "EUC-JP", &encoded_len);

      text = decode_ok (encoded, encoded_len, KESSAN_ENCODING_EUC_JP);
      g_assert_cmpstr (text, ==, expected);
    }
}

/* Whole files give the decoder plenty of evidence; single lines give it
 * little.  Every Japanese line of the seeds, alone, must still be told
 * apart in both charsets. */
static void
test_legacy_lines (void)
{
  const char *seeds[] = { SEED_001, SEED_003 };
  guint n_checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *seed = NULL;
      g_auto(GStrv) lines = NULL;
      gsize length;

      seed = kessan_test_load_seed (seeds[i], &length);
      lines = g_strsplit (seed, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *sjis_text = representable_in (lines[j], "CP932");
          g_autofree char *euc_text = representable_in (lines[j], "EUC-JP");
          g_autofree char *sjis = NULL;
          g_autofree char *euc = NULL;
          g_autofree char *sjis_decoded = NULL;
          g_autofree char *euc_decoded = NULL;
          gsize sjis_len;
          gsize euc_len;

          /* Lines with at least three Japanese characters that both
           * charsets hold. */
          if (strlen (sjis_text) - g_utf8_strlen (sjis_text, -1) < 6 ||
              strlen (euc_text) - g_utf8_strlen (euc_text, -1) < 6)
            continue;

          sjis = encode (sjis_text, "CP932", &sjis_len);
          euc = encode (euc_text, "EUC-JP", &euc_len);

          sjis_decoded = decode_ok (sjis, sjis_len, KESSAN_ENCODING_CP932);
          g_assert_cmpstr (sjis_decoded, ==, sjis_text);

          euc_decoded = decode_ok (euc, euc_len, KESSAN_ENCODING_EUC_JP);
          g_assert_cmpstr (euc_decoded, ==, euc_text);

          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, >, 200);
}

static void
test_line_ends (void)
{
  g_autofree char *seed = NULL;
  g_autofree char *cr_only = NULL;
  g_autofree char *crlf = NULL;
  g_autofree char *text_cr = NULL;
  g_autofree char *text_crlf = NULL;
  g_autofree char *mixed = NULL;
  gsize length;

  seed = kessan_test_load_seed (SEED_004, &length);

  cr_only = replace_all (seed, "\n", "\r");
  text_cr = decode_ok (cr_only, strlen (cr_only), KESSAN_ENCODING_UTF8);
  g_assert_cmpstr (text_cr, ==, seed);

  crlf = replace_all (seed, "\n", "\r\n");
  text_crlf = decode_ok (crlf, strlen (crlf), KESSAN_ENCODING_UTF8);
  g_assert_cmpstr (text_crlf, ==, seed);
  g_assert_cmpuint (count_char (text_crlf, strlen (text_crlf), '\n'), ==,
                    count_char (seed, length, '\n'));

  /* A lone CR before a CRLF ends two lines, not one; a CR at the very end
   * ends the last line. */
  mixed = decode_ok ("a\r\r\nb\nc\r", 8, KESSAN_ENCODING_UTF8);
  g_assert_cmpstr (mixed, ==, "a\n\nb\nc\n");
}

static void
test_empty (void)
{
  g_autofree char *message = NULL;
  g_autofree char *blank16 = NULL;
  gsize blank16_len;

  message = decode_error_message ("", 0, KESSAN_ERROR_EMPTY);
  g_assert_cmpstr (message, ==, "The file is empty.");

  assert_decode_fails (" \n\t\r\n  \n", 8, KESSAN_ERROR_EMPTY);
  assert_decode_fails ("\xEF\xBB\xBF", 3, KESSAN_ERROR_EMPTY);
  assert_decode_fails ("\xEF\xBB\xBF\n\n", 5, KESSAN_ERROR_EMPTY);
  assert_decode_fails ("\xE3\x80\x80\xE3\x80\x80\n", 7, KESSAN_ERROR_EMPTY);
  assert_decode_fails ("\xFF\xFE", 2, KESSAN_ERROR_EMPTY);

  blank16 = encode ("\xEF\xBB\xBF  \r\n\t\n", "UTF-16LE", &blank16_len);
  assert_decode_fails (blank16, blank16_len, KESSAN_ERROR_EMPTY);
}

static void
test_binary (void)
{
  static const char nul_text[] = "Revenue\0\0\0\0\x01\x02 9,185\0\0\x03";
  static const char controls[] = "\x01\x02\x03\x04\x05\x06\x07\x08 some text \x0e\x0f\x10\x11";
  static const char pdf[] = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  static const char zip[] = "PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml";
  static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0";
  static const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR";
  g_autofree char *nul_message = NULL;
  g_autofree char *pdf_message = NULL;
  g_autofree char *zip_message = NULL;
  g_autofree char *ole_message = NULL;
  g_autofree char *png_message = NULL;

  nul_message = decode_error_message (nul_text, sizeof nul_text - 1, KESSAN_ERROR_BINARY);
  g_assert_cmpstr (nul_message, ==, "The file contains binary data, not text.");

  assert_decode_fails (controls, sizeof controls - 1, KESSAN_ERROR_BINARY);

  pdf_message = decode_error_message (pdf, sizeof pdf - 1, KESSAN_ERROR_BINARY);
  g_assert_cmpstr (pdf_message, ==, "This looks like a PDF file, not text.");

  zip_message = decode_error_message (zip, sizeof zip - 1, KESSAN_ERROR_BINARY);
  g_assert_cmpstr (zip_message, ==,
                   "This looks like a spreadsheet or word-processor document (ZIP container), not a text release.");

  ole_message = decode_error_message (ole, sizeof ole - 1, KESSAN_ERROR_BINARY);
  g_assert_nonnull (strstr (ole_message, "Office"));

  png_message = decode_error_message (png, sizeof png - 1, KESSAN_ERROR_BINARY);
  g_assert_nonnull (strstr (png_message, "PNG"));

  assert_decode_fails ("\xFF\xD8\xFF\xE0\0\x10JFIF", 10, KESSAN_ERROR_BINARY);
  assert_decode_fails ("GIF89a\x01\0\x01\0", 10, KESSAN_ERROR_BINARY);
  assert_decode_fails ("\x7F" "ELF\x02\x01\x01", 7, KESSAN_ERROR_BINARY);
}

static void
test_stray_controls (void)
{
  g_autofree char *seed = NULL;
  g_autofree char *text = NULL;
  gsize length;

  /* One stray control character in a real file is tolerated. */
  seed = kessan_test_load_seed (SEED_004, &length);
  seed[100] = '\x1A';
  text = decode_ok (seed, length, KESSAN_ENCODING_UTF8);
  g_assert_cmpuint (strlen (text), ==, length);
}

static void
test_bad_encoding (void)
{
  static const char latin1[] = "Caf\xE9 cr\xE8me br\xFBl\xE9" "e, na\xEF" "ve r\xE9sum\xE9 \n";
  g_autofree char *message = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *damaged_message = NULL;
  g_autofree char *crlf = NULL;
  g_autofree char *cr = NULL;
  gsize length;
  const char *line_7;

  message = decode_error_message (latin1, sizeof latin1 - 1, KESSAN_ERROR_ENCODING);
  g_assert_cmpstr (message, ==,
                   "The file is not in a supported text encoding (UTF-8, UTF-16, Shift_JIS/CP932 or EUC-JP).");

  /* UTF-16 cannot have an odd number of bytes. */
  assert_decode_fails ("\xFF\xFE" "a\0b\0c", 7, KESSAN_ERROR_ENCODING);

  /* An unpaired surrogate. */
  assert_decode_fails ("\xFF\xFE" "a\0\x00\xD8" "b\0", 8, KESSAN_ERROR_ENCODING);

  /* ISO-2022-JP is Japanese, but not one of the supported encodings. */
  assert_decode_fails ("\x1B$B$3$s$K$A$O\x1B(B\n", 16, KESSAN_ERROR_ENCODING);

  /* A UTF-8 file with one damaged byte is reported as such, with its line,
   * instead of being read as some other charset. */
  seed = kessan_test_load_seed (SEED_001, &length);
  line_7 = seed;
  for (guint i = 1; i < 7; i++)
    line_7 = strchr (line_7, '\n') + 1;
  seed[line_7 - seed] = '\xFF';
  damaged_message = decode_error_message (seed, length, KESSAN_ERROR_DAMAGED_TEXT);
  g_assert_nonnull (strstr (damaged_message, "line 7"));

  /* Line numbers count CRLF as one line end and a lone CR as one. */
  crlf = replace_all (seed, "\n", "\r\n");
  g_clear_pointer (&damaged_message, g_free);
  damaged_message = decode_error_message (crlf, strlen (crlf), KESSAN_ERROR_DAMAGED_TEXT);
  g_assert_nonnull (strstr (damaged_message, "line 7"));

  cr = replace_all (seed, "\n", "\r");
  g_clear_pointer (&damaged_message, g_free);
  damaged_message = decode_error_message (cr, strlen (cr), KESSAN_ERROR_DAMAGED_TEXT);
  g_assert_nonnull (strstr (damaged_message, "line 7"));

  /* The same damage after a byte order mark. */
  assert_decode_fails ("\xEF\xBB\xBFsales \xFF\n", 11, KESSAN_ERROR_DAMAGED_TEXT);
}

static void
test_too_large (void)
{
  gsize length = KESSAN_MAX_INPUT_SIZE + 1;
  g_autofree guint8 *data = g_malloc (length);
  g_autofree char *message = NULL;

  memset (data, 'a', length);
  for (gsize i = 63; i < length; i += 64)
    data[i] = '\n';

  message = decode_error_message (data, length, KESSAN_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (message, "32 MB"));
  g_assert_nonnull (strstr (message, "32.1 MB"));
}

static void
test_largest_input (void)
{
  gsize length = KESSAN_MAX_INPUT_SIZE;
  g_autofree guint8 *data = g_malloc (length);
  g_autofree char *text = NULL;

  memset (data, 'x', length);
  for (gsize i = 99; i < length; i += 100)
    data[i] = '\n';

  text = decode_ok (data, length, KESSAN_ENCODING_UTF8);
  g_assert_cmpuint (strlen (text), ==, length);
}

static void
test_long_line (void)
{
  gsize long_len = KESSAN_MAX_LINE_LENGTH + 1;
  g_autoptr(GString) data = g_string_new ("first\nsecond\n");
  g_autofree char *message = NULL;
  g_autofree char *fits = NULL;

  for (gsize i = 0; i < long_len; i++)
    g_string_append_c (data, 'a');
  g_string_append (data, "\nlast\n");

  message = decode_error_message (data->str, data->len, KESSAN_ERROR_LIMIT);
  g_assert_nonnull (strstr (message, "Line 3"));

  /* A line of exactly the limit is fine. */
  g_string_erase (data, 13, 1);
  fits = decode_ok (data->str, data->len, KESSAN_ENCODING_UTF8);
  g_assert_cmpuint (strlen (fits), ==, data->len);

  /* The limit counts the line without its line end, whichever it is. */
  g_string_insert_c (data, 13 + KESSAN_MAX_LINE_LENGTH, '\r');
  g_clear_pointer (&fits, g_free);
  fits = decode_ok (data->str, data->len, KESSAN_ENCODING_UTF8);
  g_assert_cmpuint (strlen (fits), ==, data->len - 1);

  /* The last line, without a line end, is checked too. */
  g_string_truncate (data, 13 + KESSAN_MAX_LINE_LENGTH);
  g_string_append_c (data, 'b');
  assert_decode_fails (data->str, data->len, KESSAN_ERROR_LIMIT);
}

typedef struct
{
  const char *input;
  const char *expected;
} Case;

static void
check_cases (const Case *cases,
             gsize       n_cases,
             char     *(*func) (const char *, gssize))
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *result = func (cases[i].input, -1);
      g_autofree char *result_len = func (cases[i].input, strlen (cases[i].input));

      if (g_strcmp0 (result, cases[i].expected) != 0)
        g_test_message ("input: \"%s\"", cases[i].input);
      g_assert_cmpstr (result, ==, cases[i].expected);
      g_assert_cmpstr (result_len, ==, cases[i].expected);
    }
}

static void
test_normalize_line (void)
{
  static const Case cases[] = {
    { "１，２３４", "1,234" },
    { "（８．７％）", "(8.7%)" },
    { "売上高：９，１８５百万円", "売上高:9,185百万円" },
    { "営業損失　▲８３０", "営業損失 ▲830" },
    { "\xE2\x88\x92" "1,234 and \xEF\xBC\x8D" "5", "-1,234 and -5" },
    { "\\$1 = JPY 111.43", "$1 = JPY 111.43" },
    { "\\*\\*Total\\*\\* \\(2\\) a\\b", "**Total** (2) a\\b" },
    { "\\\\", "\\" },
    { "<i>IP Service</i>", "IP Service" },
    { "<B>Total</B> <EM>revenues</em> <strong>x</strong>", "Total revenues x" },
    { "Revenue<sup>2</sup> H<sub>2</sub>O", "Revenue2 H2O" },
    { "<span class=\"num\">9,185</span>", "9,185" },
    { "<u>Q2</u>", "Q2" },
    { "one<br>two<br/>three<BR />four", "one two three four" },
    { "<http://www.iij.ad.jp/en/>", "<http://www.iij.ad.jp/en/>" },
    { "<http://x/>", "<http://x/>" },
    { "a < b and c > d", "a < b and c > d" },
    { "<bold> <i", "<bold> <i" },
    { "64kbps – 128kbps\t79", "64kbps – 128kbps\t79" },
    { "Dedicated access services⁽²⁾", "Dedicated access services⁽²⁾" },
    { "△12 ▲243", "△12 ▲243" },
    { "", "" },
    { "営業損失営業損失営業損失営業損失 (7,446) (829,760)", "営業損失 (7,446) (829,760)" },
    { " CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS（（（（UNAUDITED））））",
      " CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS(UNAUDITED)" },
    /* Overprint padded with ideographic spaces fits the unit limit only
     * once the spaces are folded. */
    { "表表表表 6．営業費用　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　"
      "．営業費用　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　"
      "．営業費用　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　"
      "．営業費用　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　　 （百万円）",
      "表 6.営業費用                                      (百万円)" },
    { "Total 100.0 100.0 100.0 100.0", "Total 100.0 100.0 100.0 100.0" },
  };

  check_cases (cases, G_N_ELEMENTS (cases), kessan_normalize_line);
}

static void
test_collapse (void)
{
  static const Case cases[] = {
    { "営業損失営業損失営業損失営業損失", "営業損失" },
    { "表表表表 1.", "表 1." },
    { "2003年度第年度第年度第年度第 2四半期（四半期（四半期（四半期（7-9月）",
      "2003年度第 2四半期（7-9月）" },
    { "2003年年年年9月期、月期、月期、月期、2002年年年年9月期",
      "2003年9月期、2002年9月期" },
    { "                        営業収益合計                        営業収益合計"
      "                        営業収益合計                        営業収益合計 82,431",
      "                        営業収益合計 82,431" },
    { "USD/千米ドル単位 千米ドル単位 千米ドル単位 千米ドル単位 (1)", "USD/千米ドル単位 (1)" },
    { "JPY/千円単位、千円単位、千円単位、千円単位、USD/千米ドル単位千米ドル単位千米ドル単位千米ドル単位  (1)",
      "JPY/千円単位、USD/千米ドル単位  (1)" },
    { "（（（（UNAUDITED））））", "（UNAUDITED）" },
    { "2003年9月期2003年9月期2003年9月期2003年9月期 2002年9月期2002年9月期2002年9月期2002年9月期",
      "2003年9月期 2002年9月期" },
    { "2003年度第年度第年度第年度第 2四半期（四半期（四半期（四半期（7-9月）決算発表（抄訳）"
      "月）決算発表（抄訳）月）決算発表（抄訳）月）決算発表（抄訳）",
      "2003年度第 2四半期（7-9月）決算発表（抄訳）" },
    /* Overprinted more than four times still leaves one copy. */
    { "要約要約要約要約要約要約", "要約" },
    { "NOTESNOTESNOTESNOTES:", "NOTES:" },
    /* Three copies are not overprint. */
    { "要約要約要約", "要約要約要約" },
    /* Genuine repeats. */
    { "1111", "1111" },
    { "0000 1111 2222", "0000 1111 2222" },
    { "----------------", "----------------" },
    { "....", "...." },
    { "====", "====" },
    { "        indented", "        indented" },
    { "\t\t\t\t\t\t", "\t\t\t\t\t\t" },
    { "AAAA", "AAAA" },
    { "Rated AAAA", "Rated AAAA" },
    { "zzzzzzzz", "zzzzzzzz" },
    { "1,000,000", "1,000,000" },
    { "1,000,000,000,000,000", "1,000,000,000,000,000" },
    { "Total 100.0 100.0 100.0 100.0", "Total 100.0 100.0 100.0 100.0" },
    { "(1) (1) (1) (1)", "(1) (1) (1) (1)" },
    { "- - - - 1,719,981", "- - - - 1,719,981" },
    { "(0.0%)(0.0%)(0.0%)(0.0%)", "(0.0%)(0.0%)(0.0%)(0.0%)" },
    { "１００．０ １００．０ １００．０ １００．０", "１００．０ １００．０ １００．０ １００．０" },
    { "▲１ ▲１ ▲１ ▲１", "▲１ ▲１ ▲１ ▲１" },
    { "────────", "────────" },
    { "・・・・・・", "・・・・・・" },
    { "　　　　　", "　　　　　" },
    { "March 31,　　　　2004", "March 31,　　　　2004" },
    /* A unit never spans a line end. */
    { "ab\nab\nab\nab\n", "ab\nab\nab\nab\n" },
    { "", "" },
  };

  check_cases (cases, G_N_ELEMENTS (cases), kessan_collapse_overprint);
}

/* The unit cap: a unit of 80 bytes collapses, one of 81 does not. */
static void
test_collapse_unit_limit (void)
{
  g_autoptr(GString) unit80 = g_string_new (NULL);
  g_autoptr(GString) unit81 = g_string_new (NULL);
  g_autoptr(GString) text80 = g_string_new (NULL);
  g_autoptr(GString) text81 = g_string_new (NULL);
  g_autofree char *result80 = NULL;
  g_autofree char *result81 = NULL;

  /* No shorter repeat inside the unit. */
  g_string_append (unit80, "営業");
  g_string_append (unit80, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./");
  g_string_truncate (unit80, 80);
  g_assert_cmpuint (unit80->len, ==, 80);
  g_string_append (unit81, unit80->str);
  g_string_append_c (unit81, 'y');

  for (guint i = 0; i < 4; i++)
    {
      g_string_append (text80, unit80->str);
      g_string_append (text81, unit81->str);
    }

  result80 = kessan_collapse_overprint (text80->str, text80->len);
  result81 = kessan_collapse_overprint (text81->str, text81->len);
  g_assert_cmpstr (result80, ==, unit80->str);
  g_assert_cmpstr (result81, ==, text81->str);
}

/* Long genuine runs and long inputs must not make the scan quadratic;
 * this finishes in well under a second even without optimisation. */
static void
test_collapse_long_runs (void)
{
  gsize length = 4 * 1024 * 1024;
  g_autofree char *spaces = g_malloc (length + 1);
  g_autofree char *result = NULL;
  g_autoptr(GString) pattern = g_string_new (NULL);

  memset (spaces, ' ', length);
  spaces[length] = '\0';
  result = kessan_collapse_overprint (spaces, length);
  g_assert_cmpstr (result, ==, spaces);
  g_clear_pointer (&result, g_free);

  while (pattern->len < length)
    g_string_append (pattern, "(1,234) ");
  result = kessan_collapse_overprint (pattern->str, pattern->len);
  g_assert_cmpstr (result, ==, pattern->str);
  g_clear_pointer (&result, g_free);

  g_string_truncate (pattern, 0);
  while (pattern->len < length)
    g_string_append (pattern, "営業損失");
  result = kessan_collapse_overprint (pattern->str, pattern->len);
  g_assert_cmpstr (result, ==, "営業損失");
}

static void
test_seed_overprint (void)
{
  g_autofree char *seed = NULL;
  g_autoptr(GString) normalized = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  gsize length;
  guint n_changed = 0;

  seed = kessan_test_load_seed (SEED_003, &length);
  lines = g_strsplit (seed, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = kessan_normalize_line (lines[i], -1);
      g_autofree char *collapsed = kessan_collapse_overprint (lines[i], -1);

      g_string_append (normalized, line);
      g_string_append_c (normalized, '\n');

      /* Only the Japanese bold headings are overprinted; no line of plain
       * ASCII (the English tables) may change. */
      if (strcmp (collapsed, lines[i]) != 0)
        {
          gboolean has_non_ascii = FALSE;

          for (const char *p = lines[i]; *p != '\0'; p++)
            has_non_ascii |= (guchar) *p >= 0x80;
          g_assert_true (has_non_ascii);
          n_changed++;
        }
    }

  g_assert_cmpuint (n_changed, >, 80);
  g_assert_cmpuint (count_occurrences (normalized->str, "\n"), ==, g_strv_length (lines));

  g_assert_cmpuint (count_occurrences (seed, "営業損失営業損失"), >, 0);
  g_assert_cmpuint (count_occurrences (normalized->str, "営業損失営業損失"), ==, 0);
  g_assert_cmpuint (count_occurrences (normalized->str, "表表"), ==, 0);
  g_assert_cmpuint (count_occurrences (normalized->str, "年度第年度第"), ==, 0);
  g_assert_cmpuint (count_occurrences (normalized->str, "月期、月期、"), ==, 0);
  g_assert_cmpuint (count_occurrences (normalized->str, "千米ドル単位 千米ドル単位"), ==, 0);
  g_assert_cmpuint (count_occurrences (normalized->str, "((("), ==, 0);
  g_assert_cmpuint (count_occurrences (normalized->str, "営業収益の内訳 "), ==, 1);
  g_assert_cmpuint (count_occurrences (normalized->str, "付加価値サービスの売上高内訳 "), ==, 1);
  g_assert_cmpuint (count_occurrences (normalized->str, "その他   "), ==, 1);

  g_assert_cmpuint (count_occurrences (normalized->str, "表 1."), ==, 1);
  g_assert_cmpuint (count_occurrences (normalized->str, "\n営業損失 (7,446) (829,760)"), ==, 1);
  g_assert_cmpuint (count_occurrences (normalized->str, "\n2003年9月期、2002年9月期、2003年6月期\n"), ==, 3);
  g_assert_cmpuint (count_occurrences (normalized->str, "STATEMENTS OF CASH FLOWS(UNAUDITED)"), ==, 1);
  g_assert_cmpuint (count_occurrences (normalized->str,
                                       "\n                        営業収益合計 82,431 9,185,259"), ==, 1);
}

/* Lines without overprint come through collapse unchanged. */
static void
test_seed_clean (void)
{
  const char *seeds[] = { SEED_001, SEED_004 };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *seed = NULL;
      g_autofree char *collapsed = NULL;
      gsize length;

      seed = kessan_test_load_seed (seeds[i], &length);
      collapsed = kessan_collapse_overprint (seed, length);
      g_assert_cmpstr (collapsed, ==, seed);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kessan/decoder/encoding-names", test_encoding_names);
  g_test_add_func ("/kessan/decoder/utf8-seeds", test_utf8_seeds);
  g_test_add_func ("/kessan/decoder/utf8-bom", test_utf8_bom);
  g_test_add_func ("/kessan/decoder/utf16", test_utf16);
  g_test_add_func ("/kessan/decoder/utf16-crlf", test_utf16_crlf);
  g_test_add_func ("/kessan/decoder/cp932", test_cp932);
  g_test_add_func ("/kessan/decoder/euc-jp", test_euc_jp);
  g_test_add_func ("/kessan/decoder/legacy-lines", test_legacy_lines);
  g_test_add_func ("/kessan/decoder/line-ends", test_line_ends);
  g_test_add_func ("/kessan/decoder/empty", test_empty);
  g_test_add_func ("/kessan/decoder/binary", test_binary);
  g_test_add_func ("/kessan/decoder/stray-controls", test_stray_controls);
  g_test_add_func ("/kessan/decoder/bad-encoding", test_bad_encoding);
  g_test_add_func ("/kessan/decoder/too-large", test_too_large);
  g_test_add_func ("/kessan/decoder/largest-input", test_largest_input);
  g_test_add_func ("/kessan/decoder/long-line", test_long_line);
  g_test_add_func ("/kessan/decoder/normalize-line", test_normalize_line);
  g_test_add_func ("/kessan/decoder/collapse", test_collapse);
  g_test_add_func ("/kessan/decoder/collapse-unit-limit", test_collapse_unit_limit);
  g_test_add_func ("/kessan/decoder/collapse-long-runs", test_collapse_long_runs);
  g_test_add_func ("/kessan/decoder/seed-overprint", test_seed_overprint);
  g_test_add_func ("/kessan/decoder/seed-clean", test_seed_clean);

  return g_test_run ();
}
