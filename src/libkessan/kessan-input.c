/* SPDX-License-Identifier: GPL-3.0-or-later */
/* memmem() */
#define _GNU_SOURCE
#define G_LOG_DOMAIN "kessan-parser"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kessan-decoder.h"
#include "kessan-error.h"
#include "kessan-input-private.h"

/* What a file that is not a release is, told from its first bytes, so
 * that the message can say what to do instead: export a spreadsheet as
 * PDF, take the release out of an archive, and so on.  Every message
 * names the file, since the import of several files shows them side by
 * side, and ends with what to do. */

typedef enum
{
  KIND_OTHER,
  KIND_SPREADSHEET,
  KIND_WORD_PROCESSOR,
  KIND_PRESENTATION,
  KIND_OFFICE,          /* an office document of a kind not told apart */
  KIND_ARCHIVE,
  KIND_IMAGE,
  KIND_PROGRAM,
  KIND_COMPRESSED,
} InputKind;

/* Where a ZIP's entry names are found: the central directory at its
 * end, and the local headers from its start.  The first kilobyte is
 * looked at too, for a file cut short before its directory. */
#define ZIP_LOCAL_HEADER 30
#define ZIP_CENTRAL_HEADER 46
#define ZIP_END_RECORD 22
#define ZIP_MAX_COMMENT 65535
#define ZIP_MAX_ENTRIES 4096

static guint
read_le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
read_le32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static gboolean
has_prefix (const guint8 *data,
            gsize         length,
            const char   *prefix,
            gsize         prefix_length)
{
  return length >= prefix_length && memcmp (data, prefix, prefix_length) == 0;
}

static gboolean
contains (const guint8 *data,
          gsize         length,
          const char   *needle,
          gsize         needle_length)
{
  return memmem (data, length, needle, needle_length) != NULL;
}

/* The kind an office document's entry name or type says, if any. */
static InputKind
kind_of_zip_text (const guint8 *text,
                  gsize         length)
{
  static const struct { const char *marker; InputKind kind; } markers[] = {
    { "xl/", KIND_SPREADSHEET },
    { "opendocument.spreadsheet", KIND_SPREADSHEET },
    { "word/", KIND_WORD_PROCESSOR },
    { "opendocument.text", KIND_WORD_PROCESSOR },
    { "ppt/", KIND_PRESENTATION },
    { "opendocument.presentation", KIND_PRESENTATION },
    { "[Content_Types].xml", KIND_OFFICE },
    { "opendocument", KIND_OFFICE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (contains (text, length, markers[i].marker, strlen (markers[i].marker)))
      return markers[i].kind;
  return KIND_OTHER;
}

/* The strongest of two kinds: a part of a spreadsheet says more than
 * the content types every office document has. */
static InputKind
stronger (InputKind a,
          InputKind b)
{
  if (a == KIND_OTHER || (a == KIND_OFFICE && b != KIND_OTHER))
    return b;
  return a;
}

static InputKind
kind_of_zip (const guint8 *data,
             gsize         length)
{
  InputKind kind = KIND_OTHER;
  gsize search = MIN (length, (gsize) ZIP_END_RECORD + ZIP_MAX_COMMENT);
  gsize offset = 0;

  /* The central directory names every entry. */
  for (gsize at = length >= ZIP_END_RECORD ? length - ZIP_END_RECORD + 1 : 0;
       at-- > length - search;)
    if (memcmp (data + at, "PK\x05\x06", 4) == 0 && at + ZIP_END_RECORD <= length)
      {
        guint n_entries = MIN (read_le16 (data + at + 10), ZIP_MAX_ENTRIES);
        gsize entry = read_le32 (data + at + 16);

        for (guint i = 0; i < n_entries && entry + ZIP_CENTRAL_HEADER <= length; i++)
          {
            const guint8 *header = data + entry;
            gsize name_length = read_le16 (header + 28);

            if (memcmp (header, "PK\x01\x02", 4) != 0 || entry + ZIP_CENTRAL_HEADER + name_length > length)
              break;
            kind = stronger (kind, kind_of_zip_text (header + ZIP_CENTRAL_HEADER, name_length));
            entry += ZIP_CENTRAL_HEADER + name_length + read_le16 (header + 30) + read_le16 (header + 32);
          }
        break;
      }

  /* The local headers, as far as their sizes are known; an
   * OpenDocument's first entry holds its type, uncompressed. */
  for (guint i = 0; i < ZIP_MAX_ENTRIES && offset + ZIP_LOCAL_HEADER <= length; i++)
    {
      const guint8 *header = data + offset;
      gsize name_length = read_le16 (header + 26);
      gsize extra_length = read_le16 (header + 28);
      gsize stored = read_le32 (header + 18);
      gsize body = offset + ZIP_LOCAL_HEADER + name_length + extra_length;

      if (memcmp (header, "PK\x03\x04", 4) != 0 || body > length)
        break;
      kind = stronger (kind, kind_of_zip_text (header + ZIP_LOCAL_HEADER, name_length));
      if (i == 0 && name_length == 8 && memcmp (header + ZIP_LOCAL_HEADER, "mimetype", 8) == 0)
        kind = stronger (kind, kind_of_zip_text (data + body, MIN (stored, length - body)));
      /* Sizes written after the data (bit 3) are not known here. */
      if ((read_le16 (header + 6) & 0x08) != 0)
        break;
      offset = body + stored;
    }

  if (kind == KIND_OTHER)
    kind = kind_of_zip_text (data, MIN (length, 1024));
  return kind == KIND_OTHER ? KIND_ARCHIVE : kind;
}

/* Legacy Office files are OLE2 compound files; the name of their main
 * stream, in UTF-16 in the directory, tells Word from Excel. */
static InputKind
kind_of_compound_file (const guint8 *data,
                       gsize         length)
{
  static const char word[] = "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
  static const char workbook[] = "W\0o\0r\0k\0b\0o\0o\0k\0";
  static const char book[] = "B\0o\0o\0k\0";
  static const char powerpoint[] = "P\0o\0w\0e\0r\0P\0o\0i\0n\0t\0";

  if (contains (data, length, word, sizeof word - 1))
    return KIND_WORD_PROCESSOR;
  if (contains (data, length, workbook, sizeof workbook - 1) || contains (data, length, book, sizeof book - 1))
    return KIND_SPREADSHEET;
  if (contains (data, length, powerpoint, sizeof powerpoint - 1))
    return KIND_PRESENTATION;
  return KIND_OFFICE;
}

static InputKind
identify (const guint8 *data,
          gsize         length)
{
  if (has_prefix (data, length, "PK\x03\x04", 4) || has_prefix (data, length, "PK\x05\x06", 4)
      || has_prefix (data, length, "PK\x07\x08", 4))
    return kind_of_zip (data, length);
  if (has_prefix (data, length, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    return kind_of_compound_file (data, length);
  if (has_prefix (data, length, "{\\rtf", 5))
    return KIND_WORD_PROCESSOR;
  if (has_prefix (data, length, "\x89PNG\r\n\x1A\n", 8) || has_prefix (data, length, "\xFF\xD8\xFF", 3)
      || has_prefix (data, length, "GIF87a", 6) || has_prefix (data, length, "GIF89a", 6)
      || has_prefix (data, length, "II*\0", 4) || has_prefix (data, length, "MM\0*", 4))
    return KIND_IMAGE;
  if (has_prefix (data, length, "\x7F" "ELF", 4) || has_prefix (data, length, "MZ", 2))
    return KIND_PROGRAM;
  if (has_prefix (data, length, "\x1F\x8B", 2) || has_prefix (data, length, "BZh", 3)
      || has_prefix (data, length, "\xFD" "7zXZ", 5) || has_prefix (data, length, "7z\xBC\xAF", 4))
    return KIND_COMPRESSED;
  return KIND_OTHER;
}

/**
 * kessan_input_display_name:
 * @source_name: (nullable): a file's name or path
 *
 * Returns: (transfer full): the name messages call the file by
 */
char *
kessan_input_display_name (const char *source_name)
{
  if (source_name == NULL || source_name[0] == '\0')
    /* TRANSLATORS: how a message names a release given without a file name. */
    return g_strdup (_("untitled"));
  return g_path_get_basename (source_name);
}

/**
 * kessan_input_check_kind:
 * @data: (array length=length): the bytes of a file
 * @length: the number of bytes in @data
 * @display_name: what to call the file
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Refuses, each with its own message, an empty file and the files that
 * are known not to be text by their first bytes: office documents
 * (%KESSAN_ERROR_DOCUMENT), archives, images and programs
 * (%KESSAN_ERROR_BINARY).
 *
 * Returns: %TRUE when @data may be a release (text or PDF)
 */
gboolean
kessan_input_check_kind (const guint8  *data,
                         gsize          length,
                         const char    *display_name,
                         GError       **error)
{
  if (length == 0)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_EMPTY,
                   _("“%s” is empty: there is nothing in it to read. Choose the release itself, as PDF or text."),
                   display_name);
      return FALSE;
    }

  switch (identify (data, length))
    {
    case KIND_OTHER:
      return TRUE;
    case KIND_SPREADSHEET:
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_DOCUMENT,
                   _("“%s” is a spreadsheet, not a release Kessan can read. Export the release as PDF or text and open that."),
                   display_name);
      break;
    case KIND_WORD_PROCESSOR:
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_DOCUMENT,
                   _("“%s” is a word-processor document, not a release Kessan can read. Export the release as PDF or text and open that."),
                   display_name);
      break;
    case KIND_PRESENTATION:
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_DOCUMENT,
                   _("“%s” is a presentation, not a release Kessan can read. Export the release as PDF or text and open that."),
                   display_name);
      break;
    case KIND_OFFICE:
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_DOCUMENT,
                   _("“%s” is a spreadsheet or word-processor document, not a release Kessan can read. Export the release as PDF or text and open that."),
                   display_name);
      break;
    case KIND_ARCHIVE:
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_BINARY,
                   _("“%s” is a ZIP archive, not a release. Extract the release from it and open its PDF or text file."),
                   display_name);
      break;
    case KIND_COMPRESSED:
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_BINARY,
                   _("“%s” is a compressed file, not a release. Uncompress it and open the PDF or text file inside."),
                   display_name);
      break;
    case KIND_IMAGE:
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_BINARY,
                   _("“%s” is an image, not a release. Kessan reads releases as PDF with text, or as text."),
                   display_name);
      break;
    case KIND_PROGRAM:
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_BINARY,
                   _("“%s” is a program, not a release. Choose the release itself, as PDF or text."),
                   display_name);
      break;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/**
 * kessan_input_set_too_large:
 * @error: return location for a #GError
 * @display_name: what to call the file
 * @size: the file's size in bytes
 *
 * Sets %KESSAN_ERROR_TOO_LARGE, with the size and the limit.
 */
void
kessan_input_set_too_large (GError      **error,
                            const char   *display_name,
                            guint64       size)
{
  /* Rounded up, so that a file just over the limit does not claim to be
   * exactly as large as the limit. */
  guint64 tenths = (size * 10 + (1 << 20) - 1) / (1 << 20);

  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_TOO_LARGE,
               /* TRANSLATORS: "“big.pdf” is 40.5 MB, more than the limit of 32 MB for a release. …" */
               _("“%s” is %lu.%lu MB, more than the limit of %lu MB for a release. Open a single release, not a collection of them."),
               display_name, (unsigned long) (tenths / 10), (unsigned long) (tenths % 10),
               (unsigned long) (KESSAN_MAX_INPUT_SIZE >> 20));
}

/**
 * kessan_input_set_over_limit:
 * @error: return location for a #GError
 * @display_name: what to call the file
 *
 * Sets %KESSAN_ERROR_TOO_LARGE for an input whose size was not known
 * before it was read (a pipe, a device, a file that grew) and that went
 * over the limit.
 */
void
kessan_input_set_over_limit (GError      **error,
                             const char   *display_name)
{
  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_TOO_LARGE,
               /* TRANSLATORS: "“big.txt” is more than the limit of 32 MB for a release. …" */
               _("“%s” is more than the limit of %lu MB for a release. Open a single release, not a collection of them."),
               display_name, (unsigned long) (KESSAN_MAX_INPUT_SIZE >> 20));
}

/**
 * kessan_input_set_vanished:
 * @error: return location for a #GError
 * @display_name: what to call the file
 *
 * Sets %KESSAN_ERROR_NOT_FOUND for a file that was chosen and is gone.
 */
void
kessan_input_set_vanished (GError      **error,
                           const char   *display_name)
{
  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_NOT_FOUND,
               _("“%s” no longer exists: it was moved or deleted after it was chosen. Choose it again where it is now."),
               display_name);
}

/**
 * kessan_input_name_error:
 * @decode_error: an error of kessan_decode()
 * @display_name: what to call the file
 * @error: return location for the #GError to show
 *
 * Gives an error of the decoder the name of the file and a hint of what
 * to do, keeping its code.
 */
void
kessan_input_name_error (GError      *decode_error,
                         const char  *display_name,
                         GError     **error)
{
  g_return_if_fail (decode_error != NULL);

  if (decode_error->domain != KESSAN_ERROR)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   /* TRANSLATORS: a file's name, then what went wrong. */
                   _("“%s” cannot be read: %s"), display_name, decode_error->message);
      return;
    }

  switch ((KessanError) decode_error->code)
    {
    case KESSAN_ERROR_EMPTY:
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_EMPTY,
                   _("“%s” holds only blank lines: there is no text in it to read. Choose the release itself, as PDF or text."),
                   display_name);
      break;
    case KESSAN_ERROR_BINARY:
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_BINARY,
                   _("“%s” is not a text file: it holds binary data. Choose the release itself, as PDF or text."),
                   display_name);
      break;
    case KESSAN_ERROR_DAMAGED_TEXT:
      /* The decoder says which line. */
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_DAMAGED_TEXT,
                   /* TRANSLATORS: a file's name, then what is wrong with its encoding. */
                   _("“%s” is damaged text: %s Save it again as UTF-8 and open it again."),
                   display_name, decode_error->message);
      break;
    case KESSAN_ERROR_ENCODING:
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_ENCODING,
                   _("“%s” is not in a text encoding Kessan reads (UTF-8, UTF-16, Shift_JIS/CP932 or EUC-JP). Save it as UTF-8 text and open it again."),
                   display_name);
      break;
    default:
      g_set_error (error, KESSAN_ERROR, decode_error->code,
                   _("“%s” cannot be read: %s"), display_name, decode_error->message);
      break;
    }
}
