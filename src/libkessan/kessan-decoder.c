/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "kessan-decoder"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "kessan-decoder.h"
#include "kessan-error.h"

#define MEBIBYTE ((gsize) 1024 * 1024)

/* Bold text in PDF extractions is printed four times over; a unit is only
 * taken for overprint when it occurs at least this often in a row. */
#define OVERPRINT_MIN_REPEATS 4

/* Overprinted headings in real releases, padding included, fit in this
 * many bytes once ideographic spaces are folded to ASCII (the longest in
 * the samples takes 79); the cap keeps the scan linear. */
#define OVERPRINT_MAX_UNIT 80

typedef struct
{
  const char *magic;
  gsize       magic_len;
  const char *message;
} BinarySignature;

#define ZIP_MESSAGE \
  N_("This looks like a spreadsheet or word-processor document (ZIP container), not a text release.")

/* Files people pick by mistake instead of the text of a release.  Each gets
 * its own message so that the user knows what to do instead. */
static const BinarySignature binary_signatures[] = {
  { "%PDF", 4, N_("This looks like a PDF file, not text.") },
  { "PK\x03\x04", 4, ZIP_MESSAGE },
  { "PK\x05\x06", 4, ZIP_MESSAGE },
  { "PK\x07\x08", 4, ZIP_MESSAGE },
  { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, N_("This looks like an old Microsoft Office document, not a text release.") },
  { "\x89PNG\r\n\x1A\n", 8, N_("This looks like a PNG image, not text.") },
  { "\xFF\xD8\xFF", 3, N_("This looks like a JPEG image, not text.") },
  { "GIF87a", 6, N_("This looks like a GIF image, not text.") },
  { "GIF89a", 6, N_("This looks like a GIF image, not text.") },
  { "\x7F" "ELF", 4, N_("This looks like a program (ELF executable), not text.") },
  { "\x1F\x8B", 2, N_("This looks like a compressed (gzip) file, not text.") },
};

#define ENCODING_MESSAGE \
  N_("The file is not in a supported text encoding (UTF-8, UTF-16, Shift_JIS/CP932 or EUC-JP).")

/**
 * kessan_encoding_to_string:
 * @encoding: a #KessanEncoding
 *
 * Returns: (transfer none): a short lower-case name for @encoding, as shown
 *   to users and written to filings
 */
const char *
kessan_encoding_to_string (KessanEncoding encoding)
{
  switch (encoding)
    {
    case KESSAN_ENCODING_UTF8:
      return "utf-8";
    case KESSAN_ENCODING_UTF8_BOM:
      return "utf-8-bom";
    case KESSAN_ENCODING_UTF16LE:
      return "utf-16le";
    case KESSAN_ENCODING_UTF16BE:
      return "utf-16be";
    case KESSAN_ENCODING_CP932:
      return "cp932";
    case KESSAN_ENCODING_EUC_JP:
      return "euc-jp";
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}

static gboolean
has_prefix (const guint8 *data,
            gsize         length,
            const char   *prefix,
            gsize         prefix_len)
{
  return length >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

static gboolean
check_signatures (const guint8  *data,
                  gsize          length,
                  GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (binary_signatures); i++)
    {
      const BinarySignature *sig = &binary_signatures[i];

      if (has_prefix (data, length, sig->magic, sig->magic_len))
        {
          g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_BINARY, _(sig->message));
          return FALSE;
        }
    }

  return TRUE;
}

/* Control characters that never occur in text.  Tab, line feed, form feed
 * (page breaks of PDF extractions) and carriage return do. */
static inline gboolean
is_binary_control (guint8 b)
{
  if (b < 0x20)
    return ((0x3600u >> b) & 1) == 0;

  return b == 0x7F;
}

/* A few stray control characters are tolerated (some exporters leave a
 * vertical tab or an end-of-file mark behind); more than that is not text. */
static gboolean
check_control_ratio (const guint8  *data,
                     gsize          length,
                     GError       **error)
{
  gsize n_control = 0;

  for (gsize i = 0; i < length; i++)
    n_control += is_binary_control (data[i]);

  if (n_control > 0 && n_control * 50 > length)
    {
      g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_BINARY,
                           _("The file contains binary data, not text."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
looks_like_iso_2022_jp (const guint8 *data,
                        gsize         length)
{
  const guint8 *p = data;
  const guint8 *end = data + length;

  while ((p = memchr (p, 0x1B, end - p)) != NULL)
    {
      if (end - p >= 3 &&
          ((p[1] == '$' && (p[2] == 'B' || p[2] == '@')) ||
           (p[1] == '(' && (p[2] == 'B' || p[2] == 'J' || p[2] == 'I'))))
        return TRUE;
      p++;
    }

  return FALSE;
}

/* UTF-16 without a byte order mark shows itself by the NUL high bytes of
 * its ASCII characters, which all fall on the same side of each pair.
 * Returns 1 for little endian, 2 for big endian, 0 when unclear. */
static int
guess_utf16_without_bom (const guint8 *data,
                         gsize         length)
{
  gsize zero_even = 0;
  gsize zero_odd = 0;

  if (length < 4 || length % 2 != 0)
    return 0;

  for (gsize i = 0; i < length; i += 2)
    {
      zero_even += data[i] == 0;
      zero_odd += data[i + 1] == 0;
    }

  if (zero_odd * 16 >= length / 2 && zero_even * 8 <= zero_odd)
    return 1;
  if (zero_even * 16 >= length / 2 && zero_odd * 8 <= zero_even)
    return 2;

  return 0;
}

static char *
decode_utf16 (const guint8  *data,
              gsize          length,
              gboolean       big_endian,
              gsize         *out_len,
              GError       **error)
{
  char *out;

  if (length % 2 != 0)
    {
      g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_ENCODING, _(ENCODING_MESSAGE));
      return NULL;
    }

  out = g_convert ((const char *) data, length, "UTF-8",
                   big_endian ? "UTF-16BE" : "UTF-16LE",
                   NULL, out_len, NULL);
  if (out == NULL)
    {
      g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_ENCODING, _(ENCODING_MESSAGE));
      return NULL;
    }

  /* A decoded U+0000 means the file was not text to begin with. */
  if (memchr (out, '\0', *out_len) != NULL)
    {
      g_free (out);
      g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_BINARY,
                           _("The file contains binary data, not text."));
      return NULL;
    }

  if (!check_control_ratio ((const guint8 *) out, *out_len, error))
    {
      g_free (out);
      return NULL;
    }

  return out;
}

/* The line number of a byte offset, counting line ends as the decoded
 * text will: LF, CRLF and a lone CR each end one line. */
static gsize
count_lines_before (const guint8 *data,
                    gsize         offset)
{
  gsize line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n' || (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n')))
        line++;
    }

  return line;
}

/* Counts the places where UTF-8 validation fails.  Text that is UTF-8
 * apart from a few damaged bytes must not be taken for Shift_JIS, where
 * it would often convert without error into nonsense. */
static gsize
count_utf8_errors (const guint8 *data,
                   gsize         length,
                   gsize        *first_error)
{
  const char *p = (const char *) data;
  const char *end = p + length;
  gsize n_errors = 0;

  *first_error = length;

  while (p < end)
    {
      const char *stop;

      if (g_utf8_validate_len (p, end - p, &stop))
        break;

      if (n_errors == 0)
        *first_error = stop - (const char *) data;
      n_errors++;
      p = stop + 1;
    }

  return n_errors;
}

typedef struct
{
  gsize non_ascii;
  gsize common;
  gsize half_width;
  gsize rare;
} Plausibility;

/* Japanese text decoded with the right charset is made of kana, kanji,
 * Japanese punctuation and full-width forms.  Decoded with the wrong one it
 * turns into half-width katakana (EUC-JP read as Shift_JIS) or user-defined
 * characters, which real releases do not use. */
static void
measure_plausibility (const char   *text,
                      gsize         length,
                      Plausibility *p)
{
  const char *s = text;
  const char *end = text + length;

  memset (p, 0, sizeof *p);

  while (s < end)
    {
      gunichar c;

      if ((guchar) *s < 0x80)
        {
          s++;
          continue;
        }

      c = g_utf8_get_char (s);
      s = g_utf8_next_char (s);
      p->non_ascii++;

      if ((c >= 0x3000 && c <= 0x30FF) ||
          (c >= 0x4E00 && c <= 0x9FFF) ||
          (c >= 0xFF01 && c <= 0xFF5E))
        p->common++;
      else if (c >= 0xFF61 && c <= 0xFF9F)
        p->half_width++;
      else if ((c >= 0xE000 && c <= 0xF8FF) ||
               (c >= 0x80 && c <= 0x9F) ||
               c == 0xFFFD)
        p->rare++;
    }
}

static gint64
plausibility_score (const Plausibility *p)
{
  return (gint64) p->common - 2 * (gint64) p->half_width - 8 * (gint64) p->rare;
}

static char *
convert_legacy (const guint8 *data,
                gsize         length,
                const char   *charset,
                const char   *fallback_charset,
                gsize        *out_len)
{
  char *out;

  out = g_convert ((const char *) data, length, "UTF-8", charset,
                   NULL, out_len, NULL);
  if (out == NULL && fallback_charset != NULL)
    out = g_convert ((const char *) data, length, "UTF-8", fallback_charset,
                     NULL, out_len, NULL);

  return out;
}

static char *
decode_legacy (const guint8    *data,
               gsize            length,
               KessanEncoding  *encoding,
               gsize           *out_len,
               GError         **error)
{
  g_autofree char *sjis = NULL;
  g_autofree char *euc = NULL;
  gsize sjis_len = 0;
  gsize euc_len = 0;
  Plausibility sjis_p;
  Plausibility euc_p;
  const Plausibility *chosen;

  /* SHIFT_JIS is the fallback for iconv implementations without the
   * Windows variant; EUC-JP-MS adds the NEC special characters (circled
   * numbers and the like) that plain EUC-JP refuses. */
  sjis = convert_legacy (data, length, "CP932", "SHIFT_JIS", &sjis_len);
  euc = convert_legacy (data, length, "EUC-JP", "EUC-JP-MS", &euc_len);

  if (sjis != NULL)
    measure_plausibility (sjis, sjis_len, &sjis_p);
  if (euc != NULL)
    measure_plausibility (euc, euc_len, &euc_p);

  if (sjis != NULL && euc != NULL)
    {
      g_debug ("Both CP932 (score %" G_GINT64_FORMAT ") and EUC-JP (score %" G_GINT64_FORMAT ") convert",
               plausibility_score (&sjis_p), plausibility_score (&euc_p));

      /* Ties go to CP932, by far the more common of the two. */
      if (plausibility_score (&euc_p) > plausibility_score (&sjis_p))
        g_clear_pointer (&sjis, g_free);
      else
        g_clear_pointer (&euc, g_free);
    }

  if (sjis != NULL)
    {
      *encoding = KESSAN_ENCODING_CP932;
      *out_len = sjis_len;
      chosen = &sjis_p;
    }
  else if (euc != NULL)
    {
      *encoding = KESSAN_ENCODING_EUC_JP;
      *out_len = euc_len;
      chosen = &euc_p;
    }
  else
    {
      g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_ENCODING, _(ENCODING_MESSAGE));
      return NULL;
    }

  /* Bytes of some other 8-bit charset can convert by accident; what comes
   * out is then full of user-defined and control characters. */
  if (chosen->rare * 10 > chosen->non_ascii)
    {
      g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_ENCODING, _(ENCODING_MESSAGE));
      return NULL;
    }

  return sjis != NULL ? g_steal_pointer (&sjis) : g_steal_pointer (&euc);
}

/* Turns CRLF and lone CR into LF in place, so that every line end
 * counts as exactly one line, and returns the new length. */
static gsize
normalize_line_ends (char  *text,
                     gsize  length)
{
  char *cr = memchr (text, '\r', length);
  char *end = text + length;
  char *out;
  char *p;

  if (cr == NULL)
    return length;

  out = cr;
  p = cr;

  while (p < end)
    {
      char *next_cr;
      gsize run;

      /* p is at a CR here. */
      *out++ = '\n';
      p++;
      if (p < end && *p == '\n')
        p++;

      next_cr = memchr (p, '\r', end - p);
      if (next_cr == NULL)
        next_cr = end;

      run = next_cr - p;
      memmove (out, p, run);
      out += run;
      p = next_cr;
    }

  *out = '\0';

  return out - text;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  const guchar *s = (const guchar *) text;
  const guchar *end = s + length;

  while (s < end)
    {
      if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
        s++;
      else if (end - s >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        s += 3; /* U+3000 IDEOGRAPHIC SPACE */
      else if (end - s >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        s += 3; /* U+FEFF, a stray byte order mark */
      else if (end - s >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        s += 2; /* U+00A0 NO-BREAK SPACE */
      else
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_line_lengths (const char  *text,
                    gsize        length,
                    GError     **error)
{
  const char *p = text;
  const char *end = text + length;
  gsize line = 1;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;

      if ((gsize) (line_end - p) > KESSAN_MAX_LINE_LENGTH)
        {
          g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_LIMIT,
                       _("Line %lu is longer than %lu KB, which no text release has."),
                       (unsigned long) line, (unsigned long) (KESSAN_MAX_LINE_LENGTH / 1024));
          return FALSE;
        }

      if (nl == NULL)
        break;

      p = nl + 1;
      line++;
    }

  return TRUE;
}

/**
 * kessan_decode:
 * @data: (array length=length): the bytes of a file
 * @length: the number of bytes in @data
 * @encoding: (out) (optional): where to store the encoding that was detected
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Works out the encoding of a text release (UTF-8 with or without byte
 * order mark, UTF-16, CP932 or EUC-JP) and converts it to UTF-8 with LF
 * line ends.  The number of lines is that of the file, so line numbers
 * found in the result point at the same lines of the original.
 *
 * Returns: (transfer full) (nullable): the text as UTF-8, or %NULL with
 *   @error set when the data is empty, too large, binary, in an unknown
 *   encoding, or has a line over %KESSAN_MAX_LINE_LENGTH bytes
 */
char *
kessan_decode (const guint8    *data,
               gsize            length,
               KessanEncoding  *encoding,
               GError         **error)
{
  return kessan_decode_markup (data, length, encoding, TRUE, error);
}

/**
 * kessan_decode_markup:
 * @data: (array length=length): the bytes
 * @length: their length
 * @encoding: (out) (optional): the encoding found
 * @check_lines: whether a line over %KESSAN_MAX_LINE_LENGTH is refused
 * @error: return location for a #GError
 *
 * As kessan_decode(), for markup too: an HTML page may be one line.
 *
 * Returns: (transfer full) (nullable): the text as UTF-8
 */
char *
kessan_decode_markup (const guint8    *data,
                      gsize            length,
                      KessanEncoding  *encoding,
                      gboolean         check_lines,
                      GError         **error)
{
  g_autofree char *text = NULL;
  KessanEncoding detected = KESSAN_ENCODING_UTF8;
  gsize text_len = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > KESSAN_MAX_INPUT_SIZE)
    {
      /* Rounded up, so that a file just over the limit does not claim to
       * be exactly as large as the limit. */
      gsize tenths = (length * 10 + MEBIBYTE - 1) / MEBIBYTE;

      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_TOO_LARGE,
                   _("The file is %lu.%lu MB, more than the limit of %lu MB."),
                   (unsigned long) (tenths / 10), (unsigned long) (tenths % 10),
                   (unsigned long) (KESSAN_MAX_INPUT_SIZE / MEBIBYTE));
      return NULL;
    }

  if (length == 0)
    {
      g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  if (!check_signatures (data, length, error))
    return NULL;

  if (has_prefix (data, length, "\xFF\xFE\0\0", 4) ||
      has_prefix (data, length, "\0\0\xFE\xFF", 4))
    {
      /* UTF-32 would otherwise pass for UTF-16 full of NUL characters. */
      g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_ENCODING, _(ENCODING_MESSAGE));
      return NULL;
    }

  if (has_prefix (data, length, "\xFF\xFE", 2) || has_prefix (data, length, "\xFE\xFF", 2))
    {
      gboolean big_endian = data[0] == 0xFE;

      detected = big_endian ? KESSAN_ENCODING_UTF16BE : KESSAN_ENCODING_UTF16LE;
      text = decode_utf16 (data + 2, length - 2, big_endian, &text_len, error);
      if (text == NULL)
        return NULL;
    }
  else if (memchr (data, '\0', length) != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      int guess = guess_utf16_without_bom (data, length);

      if (guess == 0)
        {
          g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_BINARY,
                               _("The file contains binary data, not text."));
          return NULL;
        }

      detected = guess == 2 ? KESSAN_ENCODING_UTF16BE : KESSAN_ENCODING_UTF16LE;
      text = decode_utf16 (data, length, guess == 2, &text_len, &local_error);
      if (text == NULL)
        {
          /* Without a byte order mark the NULs are the stronger evidence:
           * this is binary data that happened to look like UTF-16. */
          if (g_error_matches (local_error, KESSAN_ERROR, KESSAN_ERROR_ENCODING))
            g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_BINARY,
                                 _("The file contains binary data, not text."));
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  else
    {
      const guint8 *body = data;
      gsize body_len = length;
      gsize first_error = 0;
      gsize n_errors;

      if (has_prefix (data, length, "\xEF\xBB\xBF", 3))
        {
          detected = KESSAN_ENCODING_UTF8_BOM;
          body += 3;
          body_len -= 3;
        }

      /* ISO-2022-JP escapes would otherwise count as control bytes. */
      if (looks_like_iso_2022_jp (body, body_len))
        {
          g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_ENCODING, _(ENCODING_MESSAGE));
          return NULL;
        }

      if (!check_control_ratio (body, body_len, error))
        return NULL;

      n_errors = count_utf8_errors (body, body_len, &first_error);

      if (n_errors == 0)
        {
          text = g_malloc (body_len + 1);
          memcpy (text, body, body_len);
          text[body_len] = '\0';
          text_len = body_len;
        }
      else
        {
          gsize non_ascii = 0;

          for (gsize i = 0; i < body_len; i++)
            non_ascii += body[i] >> 7;

          if (detected == KESSAN_ENCODING_UTF8_BOM || n_errors * 20 < non_ascii)
            {
              /* The byte order mark, or the bulk of the text, says UTF-8:
               * point at the damage instead of guessing another charset. */
              g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_DAMAGED_TEXT,
                           _("The file is UTF-8 but line %lu contains bytes that are not valid UTF-8."),
                           (unsigned long) count_lines_before (body, first_error));
              return NULL;
            }

          text = decode_legacy (body, body_len, &detected, &text_len, error);
          if (text == NULL)
            return NULL;
        }
    }

  if (is_blank (text, text_len))
    {
      g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_EMPTY, _("The file is empty."));
      return NULL;
    }

  text_len = normalize_line_ends (text, text_len);

  if (check_lines && !check_line_lengths (text, text_len, error))
    return NULL;

  if (encoding != NULL)
    *encoding = detected;

  return g_steal_pointer (&text);
}

/* Characters that legitimately repeat: digits, punctuation, spaces, rules
 * and leaders drawn with dashes or dots, and the signs written before
 * amounts.  A unit made only of these is never overprint. */
static gboolean
is_filler (gunichar c)
{
  if (c < 0x80)
    return !g_ascii_isalpha (c);

  if (c == 0x3000 || g_unichar_isspace (c))
    return TRUE;

  if ((c >= 0xFF10 && c <= 0xFF19) ||  /* full-width digits */
      (c >= 0x2500 && c <= 0x257F) ||  /* box drawing */
      (c >= 0x2010 && c <= 0x2015))    /* hyphens and dashes */
    return TRUE;

  switch (c)
    {
    case 0x00A5: /* ¥ */
    case 0x00B7: /* · */
    case 0x2025: /* ‥ */
    case 0x2026: /* … */
    case 0x2212: /* − */
    case 0x25B2: /* ▲ */
    case 0x25B3: /* △ */
    case 0x25BC: /* ▼ */
    case 0x25BD: /* ▽ */
    case 0x30FB: /* ・ */
    case 0x30FC: /* ー */
    case 0xFF05: /* ％ */
    case 0xFF0C: /* ， */
    case 0xFF0D: /* － */
    case 0xFF0E: /* ． */
    case 0xFF1D: /* ＝ */
    case 0xFF3F: /* ＿ */
    case 0xFF65: /* ･ */
    case 0xFF70: /* ｰ */
    case 0xFFE5: /* ￥ */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_digit_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

static gboolean
is_latin_letter (gunichar c)
{
  return (c < 0x80 && g_ascii_isalpha (c)) ||
         (c >= 0xFF21 && c <= 0xFF3A) ||
         (c >= 0xFF41 && c <= 0xFF5A);
}

/* Whether a repeated unit is genuine content rather than overprint.  The
 * rules look only at which characters the unit holds, so every rotation of
 * a genuine unit is genuine too; this lets the scan below move through a
 * long genuine run without examining it again from every position. */
static gboolean
is_genuine_repeat (const char *unit,
                   gsize       length)
{
  const char *p = unit;
  const char *end = unit + length;
  gboolean all_filler = TRUE;
  gboolean has_digit = FALSE;
  gboolean has_letter = FALSE;
  guint n_chars = 0;
  gunichar first = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: leave such bytes alone. */
          return TRUE;
        }

      if (n_chars == 0)
        first = c;
      n_chars++;

      all_filler &= is_filler (c);
      has_digit |= is_digit_char (c);
      has_letter |= g_unichar_isalpha (c);

      p = g_utf8_next_char (p);
    }

  /* "1111", "----", runs of spaces; and amounts such as
   * "100.0 100.0 100.0 100.0" or "(1) (1) (1) (1)", which are table data. */
  if (all_filler || (has_digit && !has_letter))
    return TRUE;

  /* "AAAA" is more likely a rating or a placeholder than overprint. */
  if (n_chars == 1 && is_latin_letter (first))
    return TRUE;

  return FALSE;
}

/* The smallest unit from @unit to @max_unit after which the text at @u
 * starts again with @c three times over (u[unit], u[2 unit], u[3 unit]),
 * or a unit past @max_unit when there is none; @avail bytes can be read
 * at @u.  With SSE2, sixteen lengths are tested at once for their first
 * copy, and only lengths where it starts with @c are tested further: at
 * every place of a line, most lengths are ruled out by that test. */
static inline gsize
next_repeat_unit (const guchar *u,
                  gsize         avail,
                  guchar        c,
                  gsize         unit,
                  gsize         max_unit)
{
#ifdef __SSE2__
  const __m128i needle = _mm_set1_epi8 ((char) c);

  for (; unit <= max_unit && unit + 16 <= avail; unit += 16)
    {
      guint mask = (guint) _mm_movemask_epi8 (_mm_cmpeq_epi8 (_mm_loadu_si128 ((const __m128i *) (u + unit)),
                                                              needle));

      if (max_unit - unit < 15)
        mask &= (1u << (max_unit - unit + 1)) - 1;
      for (; mask != 0; mask &= mask - 1)
        {
          gsize candidate = unit + (gsize) __builtin_ctz (mask);

          if ((u[2 * candidate] == c) & (u[3 * candidate] == c))
            return candidate;
        }
    }
#endif
  /* The tests are combined without branches, which matters on text made
   * of few different characters, such as columns of numbers. */
  while (unit <= max_unit && !((u[unit] == c) & (u[2 * unit] == c) & (u[3 * unit] == c)))
    unit++;
  return unit;
}

static gsize
collapse_overprint_into (const char *s,
                         gsize       n,
                         char       *out)
{
  gsize i = 0;
  gsize o = 0;
  gsize segment_end = 0;
  /* The last genuine run found: s[run_end - run_unit .. run_end) has
   * period run_unit and cannot be extended. */
  gsize run_unit = 0;
  gsize run_end = 0;

  while (i < n)
    {
      guchar c = s[i];
      gsize max_unit;
      gsize unit;
      gboolean collapsed = FALSE;

      if (c == '\n' || c == '\r')
        {
          out[o++] = s[i++];
          continue;
        }

      /* A unit never spans a line end. */
      if (i >= segment_end)
        {
          segment_end = i;
          while (segment_end < n && s[segment_end] != '\n' && s[segment_end] != '\r')
            segment_end++;
        }

      max_unit = MIN (OVERPRINT_MAX_UNIT, (segment_end - i) / OVERPRINT_MIN_REPEATS);
      unit = 1;

      /* Units start and end on character boundaries: a unit starts at a
       * lead byte here, and so does each of its copies. */
      if ((c & 0xC0) == 0x80)
        max_unit = 0;

      while (unit <= max_unit)
        {
          const guchar *u = (const guchar *) s + i;
          gsize run_length;
          gsize same;

          /* Four copies of a unit start with the same byte. */
          unit = next_repeat_unit (u, n - i, c, unit, max_unit);
          if (unit > max_unit)
            break;

          /* Four copies in a row: the text from i has period unit for
           * three units' length.  Mismatches usually show in the first
           * bytes, so a plain loop beats a call to memcmp.  Inside the
           * genuine run found before, a multiple of its unit matches up
           * to the run's end: only the bytes from there are compared
           * (in a long run of spaces, every length is a candidate). */
          same = 0;
          if (run_unit != 0 && unit % run_unit == 0 && i + unit < run_end)
            same = MIN (run_end - i - unit, 3 * unit);
          for (; same < 3 * unit && u[same] == u[same + unit]; same++)
            ;

          if (same < 3 * unit)
            {
              unit++;
              continue;
            }

          if (run_unit == unit && i + unit <= run_end)
            {
              /* A rotation of the genuine run found before. */
            }
          else if (is_genuine_repeat (s + i, unit))
            {
              gsize end = i + unit;

              while (end < segment_end && s[end] == s[end - unit])
                end++;

              run_unit = unit;
              run_end = end;
            }
          else
            {
              gsize repeats = OVERPRINT_MIN_REPEATS;

              while (i + (repeats + 1) * unit <= segment_end &&
                     memcmp (s + i, s + i + repeats * unit, unit) == 0)
                repeats++;

              memcpy (out + o, s + i, unit);
              o += unit;
              i += repeats * unit;
              collapsed = TRUE;
              break;
            }

          /* Any shorter period inside the genuine run, and any multiple of
           * its unit, describes the same genuine content. */
          run_length = run_end - i;
          unit = MAX (unit + 1, run_length / OVERPRINT_MIN_REPEATS + 1);
        }

      if (!collapsed)
        {
          gsize char_len = 1;

          while (i + char_len < n && ((guchar) s[i + char_len] & 0xC0) == 0x80 && char_len < 4)
            char_len++;

          memcpy (out + o, s + i, char_len);
          o += char_len;
          i += char_len;
        }
    }

  out[o] = '\0';

  return o;
}

/**
 * kessan_collapse_overprint:
 * @text: UTF-8 text
 * @length: the length of @text in bytes, or -1 if it is nul-terminated
 *
 * Undoes the bold overprint of PDF text extraction, where a run of
 * characters comes out four times in a row ("営業損失営業損失営業損失営業損失"
 * for "営業損失").  A unit of up to 80 bytes that occurs four or more times
 * in a row is kept once; the shortest such unit wins, scanning from the
 * left, and no unit spans a line end.  Runs of digits, punctuation and
 * spaces, number columns and single Latin letters are genuine and stay as
 * they are.
 *
 * Returns: (transfer full): the collapsed text
 */
char *
kessan_collapse_overprint (const char *text,
                           gssize      length)
{
  gsize n;
  char *out;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (text == NULL)
    return g_strdup ("");

  n = length < 0 ? strlen (text) : (gsize) length;
  out = g_malloc (n + 1);
  collapse_overprint_into (text, n, out);

  return out;
}

static const char * const formatting_tags[] = {
  "b", "br", "em", "i", "span", "strong", "sub", "sup", "u",
};

/* Returns the length of the formatting tag at s, or 0 if s does not start
 * one.  Only the tags of rich text pasted into plain text count, so URLs
 * in angle brackets and comparisons stay. */
static gsize
match_formatting_tag (const char *s,
                      gsize       n,
                      gboolean   *is_break)
{
  gsize j = 1;
  gsize name_start;
  gsize name_len;
  gboolean known = FALSE;

  if (n < 3 || s[0] != '<')
    return 0;

  if (s[j] == '/')
    j++;

  name_start = j;
  while (j < n && g_ascii_isalpha (s[j]))
    j++;
  name_len = j - name_start;

  if (name_len == 0 || j >= n)
    return 0;

  for (guint k = 0; k < G_N_ELEMENTS (formatting_tags); k++)
    {
      if (strlen (formatting_tags[k]) == name_len &&
          g_ascii_strncasecmp (s + name_start, formatting_tags[k], name_len) == 0)
        {
          known = TRUE;
          *is_break = name_len == 2 && g_ascii_strncasecmp (s + name_start, "br", 2) == 0;
          break;
        }
    }

  if (!known)
    return 0;

  if (s[j] == '>')
    return j + 1;

  if (s[j] == '/' && j + 1 < n && s[j + 1] == '>')
    return j + 2;

  if (s[j] == ' ' || s[j] == '\t')
    {
      /* Attributes, as in <span class="x">. */
      for (; j < n; j++)
        {
          if (s[j] == '>')
            return j + 1;
          if (s[j] == '<')
            return 0;
        }
    }

  return 0;
}

/* Removes markdown backslash escapes and rich-text formatting tags. */
static gsize
strip_markup (const char *s,
              gsize       n,
              char       *out)
{
  gsize o = 0;

  for (gsize i = 0; i < n;)
    {
      if (s[i] == '\\' && i + 1 < n && g_ascii_ispunct (s[i + 1]))
        {
          out[o++] = s[i + 1];
          i += 2;
        }
      else if (s[i] == '<')
        {
          gboolean is_break = FALSE;
          gsize tag_len = match_formatting_tag (s + i, n - i, &is_break);

          if (tag_len > 0)
            {
              /* A break inside a cell still separates words. */
              if (is_break)
                out[o++] = ' ';
              i += tag_len;
            }
          else
            out[o++] = s[i++];
        }
      else
        out[o++] = s[i++];
    }

  out[o] = '\0';

  return o;
}

/* Full-width ASCII forms, the ideographic space and the minus signs become
 * plain ASCII so that numbers and labels read the same in both languages.
 * The output is never longer than the input. */
static gsize
fold_width (const char *s,
            gsize       n,
            char       *out,
            gboolean   *changed)
{
  gsize o = 0;

  *changed = FALSE;

  for (gsize i = 0; i < n;)
    {
      gunichar c;
      gsize char_len;

      if ((guchar) s[i] < 0x80)
        {
          out[o++] = s[i++];
          continue;
        }

      c = g_utf8_get_char_validated (s + i, n - i);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          out[o++] = s[i++];
          continue;
        }

      char_len = g_utf8_next_char (s + i) - (s + i);

      if (c >= 0xFF01 && c <= 0xFF5E)
        {
          out[o++] = (char) (c - 0xFEE0);
          *changed = TRUE;
        }
      else if (c == 0x3000)
        {
          out[o++] = ' ';
          *changed = TRUE;
        }
      else if (c == 0x2212)
        {
          out[o++] = '-';
          *changed = TRUE;
        }
      else
        {
          memcpy (out + o, s + i, char_len);
          o += char_len;
        }

      i += char_len;
    }

  out[o] = '\0';

  return o;
}

/* Whether the pair of characters seen last, at byte @offsets[@k], was
 * also seen L, 2 L and 3 L bytes before, for a length L of a unit:
 * @previous chains each pair to its last sighting before. */
static gboolean
pair_repeats_evenly (const guint32 *offsets,
                     const gint16  *previous,
                     int            k)
{
  guint32 at = offsets[k];
  guint32 window[3 * OVERPRINT_MAX_UNIT];
  guint n = 0;

  for (int j = previous[k]; j >= 0 && at - offsets[j] <= 3 * OVERPRINT_MAX_UNIT; j = previous[j])
    window[n++] = offsets[j];
  for (guint a = 0; a < n && at - window[a] <= OVERPRINT_MAX_UNIT; a++)
    {
      guint32 unit = at - window[a];
      gboolean twice = FALSE;

      for (guint b = a + 1; b < n && !twice; b++)
        twice = at - window[b] == 2 * unit;
      for (guint b = a + 1; b < n && twice; b++)
        if (at - window[b] == 3 * unit)
          return TRUE;
    }
  return FALSE;
}

/* Whether a line that is not valid UTF-8 may hold a unit repeated four
 * times: then the unit's first two characters occur four times (or its
 * one character four times in a row). */
static gboolean
may_have_overprint_counting (const char *s,
                             gsize       n)
{
  enum { SLOTS = 512 };
  guint64 keys[SLOTS];
  guint8 counts[SLOTS];
  gunichar prev = 0;
  guint run = 0;
  guint pairs = 0;
  const char *end = s + n;

  memset (counts, 0, sizeof counts);
  for (const char *p = s; p < end; p = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      gboolean filler = c < 0x80 && !g_ascii_isalpha (c);

      run = c == prev ? run + 1 : 1;
      if (run >= 4 && !filler)
        return TRUE;

      if (prev != 0 && !(filler && prev < 0x80 && !g_ascii_isalpha (prev)))
        {
          guint64 key = ((guint64) prev << 21) | c;
          guint slot = (guint) ((key * 0x9E3779B97F4A7C15ull) >> 55) % SLOTS;

          /* A full table gives up and lets the search decide. */
          if (++pairs > SLOTS / 2)
            return TRUE;
          while (counts[slot] != 0 && keys[slot] != key)
            slot = (slot + 1) % SLOTS;
          keys[slot] = key;
          if (++counts[slot] >= 4)
            return TRUE;
        }
      prev = c;
    }
  return FALSE;
}

/* Whether a line may hold a unit repeated four times.  A unit that
 * collapses holds a letter or a character beyond ASCII, so it is one
 * character four times in a row, or it holds a pair of characters, not
 * both ASCII other than letters, that is seen four times, each one unit
 * after the one before.  Following the pairs costs far less than the
 * search itself, which most lines do not need; past what the tables
 * below hold, the search decides. */
static gboolean
may_have_overprint (const char *s,
                    gsize       n)
{
  enum { SLOTS = 512, MAX_PAIRS = 512 };
  guint64 keys[SLOTS];
  guint8 counts[SLOTS];
  gint16 last[SLOTS];           /* a key's last sighting */
  guint32 offsets[MAX_PAIRS];   /* each sighting's byte offset */
  gint16 previous[MAX_PAIRS];   /* the sighting of the same key before */
  gunichar prev = 0;
  guint run = 0;
  guint pairs = 0;
  guint distinct = 0;
  const char *end = s + n;

  memset (counts, 0, sizeof counts);
  for (const char *p = s; p < end; p = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char_validated (p, end - p);
      gboolean filler = c < 0x80 && !g_ascii_isalpha (c);

      /* The units the search finds start on characters: with bytes that
       * are not, the pairs' places say nothing of them. */
      if (c == (gunichar) -1 || c == (gunichar) -2)
        return may_have_overprint_counting (s, n);

      run = c == prev ? run + 1 : 1;
      if (run >= 4 && !filler)
        return TRUE;

      if (prev != 0 && !(filler && prev < 0x80 && !g_ascii_isalpha (prev)))
        {
          guint64 key = ((guint64) prev << 21) | c;
          guint slot = (guint) ((key * 0x9E3779B97F4A7C15ull) >> 55) % SLOTS;

          if (pairs == MAX_PAIRS)
            return TRUE;
          while (counts[slot] != 0 && keys[slot] != key)
            slot = (slot + 1) % SLOTS;
          if (counts[slot] == 0)
            {
              /* A table half full gives up and lets the search decide. */
              if (++distinct > SLOTS / 2)
                return TRUE;
              keys[slot] = key;
              last[slot] = -1;
            }
          offsets[pairs] = (guint32) (p - s);
          previous[pairs] = last[slot];
          last[slot] = (gint16) pairs;
          if (counts[slot] < 4)
            counts[slot]++;
          if (counts[slot] >= 4 && pair_repeats_evenly (offsets, previous, (int) pairs))
            return TRUE;
          pairs++;
        }
      prev = c;
    }
  return FALSE;
}

static gboolean
is_paragraph (const char *s,
              gsize       n)
{
  guint sentences = 0;

  if (n < 120)
    return FALSE;
  /* A Japanese full stop ends a sentence, never a title or header. */
  if (strstr (s, "\xe3\x80\x82") != NULL) /* 。 */
    return TRUE;
  for (const char *p = s; (p = strstr (p, ". ")) != NULL && p < s + n; p += 2)
    sentences++;
  return sentences >= 2;
}

/**
 * kessan_normalize_line:
 * @line: one line of decoded text, without its line end
 * @length: the length of @line in bytes, or -1 if it is nul-terminated
 *
 * Cleans a line before labels and numbers are read from it: markdown
 * escapes and formatting tags are removed, bold overprint is collapsed
 * (see kessan_collapse_overprint()), and full-width ASCII forms, the
 * ideographic space and minus signs become their ASCII equivalents.
 *
 * Returns: (transfer full): the cleaned line
 */
char *
kessan_normalize_line (const char *line,
                       gssize      length)
{
  /* Every line of a release is cleaned: the steps before the last write
   * into buffers on the stack when the line fits, and only the result is
   * allocated. */
  char stack_stripped[1024];
  char stack_collapsed[1024];
  g_autofree char *heap_stripped = NULL;
  g_autofree char *heap_collapsed = NULL;
  char *stripped, *collapsed, *folded, *result;
  gsize n;
  gboolean changed;

  g_return_val_if_fail (line != NULL || length == 0, NULL);

  if (line == NULL)
    return g_strdup ("");

  n = length < 0 ? strlen (line) : (gsize) length;

  stripped = n < sizeof stack_stripped ? stack_stripped : (heap_stripped = g_malloc (n + 1));
  n = strip_markup (line, n, stripped);

  /* Running text (a paragraph of several sentences) is never a title,
   * header or row, and the overprint search is the costliest step. */
  if (is_paragraph (stripped, n))
    {
      folded = g_malloc (n + 1);
      fold_width (stripped, n, folded, &changed);
      return folded;
    }

  /* Overprint is collapsed before folding, since folding would turn
   * "（（（（" into genuine-looking ASCII punctuation.  A unit that
   * collapses holds a letter, so nothing after the last letter and one
   * unit's length can collapse: the numbers ending a row are copied. */
  collapsed = n < sizeof stack_collapsed ? stack_collapsed : (heap_collapsed = g_malloc (n + 1));
  {
    gsize limit = 0;
    gsize m;

    for (gsize i = n; i > 0; i--)
      if (g_ascii_isalpha (stripped[i - 1]) || (guchar) stripped[i - 1] >= 0x80)
        {
          limit = MIN (n, i + OVERPRINT_MAX_UNIT);
          break;
        }
    while (limit < n && ((guchar) stripped[limit] & 0xC0) == 0x80)
      limit++;
    if (may_have_overprint (stripped, limit))
      m = collapse_overprint_into (stripped, limit, collapsed);
    else
      {
        memcpy (collapsed, stripped, limit);
        m = limit;
      }
    memcpy (collapsed + m, stripped + limit, n - limit);
    n = m + (n - limit);
    collapsed[n] = '\0';
  }

  folded = g_malloc (n + 1);
  n = fold_width (collapsed, n, folded, &changed);

  /* Ideographic spaces padding a label take three bytes each; folded to
   * ASCII, a padded label fits within the unit limit and its overprint
   * can be seen. */
  if (!changed || !may_have_overprint (folded, n))
    return folded;
  result = g_malloc (n + 1);
  collapse_overprint_into (folded, n, result);
  g_free (folded);
  return result;
}
