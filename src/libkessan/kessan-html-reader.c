/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "config.h"

#include "kessan-markup-private.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "kessan-decoder.h"
#include "kessan-error.h"
#include <glib/gi18n-lib.h>
#include "kessan-input-private.h"

/* The reader of a release in HTML: the bytes decoded as a text release's
 * are (so Shift_JIS and EUC-JP pages read as such), parsed by libxml2's
 * HTML parser, which reads malformed pages as a browser would, and
 * walked into lines (kessan-markup.c). */

#define SNIFF_BYTES 4096

static gboolean
contains_tag (const char *data,
              gsize       length,
              const char *tag)
{
  gsize tag_length = strlen (tag);

  for (gsize i = 0; i + tag_length <= length; i++)
    if (data[i] == '<' && g_ascii_strncasecmp (data + i, tag, tag_length) == 0)
      return TRUE;
  return FALSE;
}

/**
 * kessan_html_reader_sniff:
 * @data: the first bytes of a file
 * @length: their length
 *
 * Returns: whether the file starts as an HTML or XHTML document does
 */
gboolean
kessan_html_reader_sniff (const char *data,
                          gsize       length)
{
  length = MIN (length, SNIFF_BYTES);
  /* Not "<table" alone: EDGAR's text exhibits mark their tables so, with
   * the rows as printed text. */
  return contains_tag (data, length, "<!doctype html") || contains_tag (data, length, "<html")
         || contains_tag (data, length, "<body") || contains_tag (data, length, "<tr")
         || contains_tag (data, length, "<td");
}

/* No message of the parser reaches the terminal: a page is read as a
 * browser reads it, whatever its faults. */
static void
ignore_error (void        *user_data,
              xmlErrorPtr  error)
{
  (void) user_data;
  (void) error;
}

/* EDGAR's markers of a table printed as text, kept for the text reader. */
static gboolean
is_text_table_tag (const char *tag,
                   gsize       length)
{
  static const char * const markers[] = {
    "TABLE", "/TABLE", "CAPTION", "/CAPTION", "S", "C", "FN", "/FN", "PAGE", NULL,
  };

  for (guint i = 0; markers[i] != NULL; i++)
    if (length == strlen (markers[i]) && g_ascii_strncasecmp (tag, markers[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a page is text dressed as HTML: no table cells, and tables
 * printed as fixed-width text, marked as EDGAR marks them (<S>, <C>) or
 * preformatted.  Early EDGAR filings wrap a text filing in <html><body>
 * so; a browser would run its columns together. */
static gboolean
is_dressed_text (const char *text,
                 gsize       length)
{
  gboolean markers = FALSE, pre = FALSE;

  if (contains_tag (text, length, "<tr") || contains_tag (text, length, "<td")
      || contains_tag (text, length, "<th"))
    return FALSE;
  markers = contains_tag (text, length, "<S>") && contains_tag (text, length, "<C>");
  pre = contains_tag (text, length, "<pre");
  return markers || pre;
}

/* Appends the character an entity names ("&amp;", "&#160;", "&#x2014;")
 * and returns its length, or 0 when it is none. */
static gsize
append_entity (GString    *out,
               const char *p,
               const char *end)
{
  static const struct { const char *name; gunichar c; } named[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' },
    { "&nbsp;", ' ' }, { "&#160;", ' ' },
  };
  const char *semi = memchr (p, ';', MIN ((gsize) (end - p), 10));

  if (semi == NULL)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if ((gsize) (semi + 1 - p) == strlen (named[i].name) && strncmp (p, named[i].name, semi + 1 - p) == 0)
      {
        g_string_append_unichar (out, named[i].c);
        return (gsize) (semi + 1 - p);
      }
  if (p[1] == '#')
    {
      gboolean hex = p[2] == 'x' || p[2] == 'X';
      char *digits_end = NULL;
      guint64 code = g_ascii_strtoull (p + (hex ? 3 : 2), &digits_end, hex ? 16 : 10);

      if (digits_end == semi && code > 0 && code <= 0x10FFFF && g_unichar_validate ((gunichar) code))
        {
          g_string_append_unichar (out, code == 0xA0 ? ' ' : (gunichar) code);
          return (gsize) (semi + 1 - p);
        }
    }
  return 0;
}

/* Adds a page of dressed text line by line as printed: its tags left
 * out but for EDGAR's table markers, its entities decoded. */
static void
add_dressed_text (KessanGrid *grid,
                  const char *text,
                  gsize       length,
                  guint       part)
{
  const char *end = text + length;
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean unclosed = FALSE;

  for (const char *p = text; p < end;)
    {
      if (*p == '\n')
        {
          kessan_grid_add_line (grid, line->str, part, NULL);
          g_string_truncate (line, 0);
          p++;
        }
      else if (*p == '<' && !unclosed)
        {
          const char *close = memchr (p, '>', (gsize) (end - p));
          gsize name_length = 0;

          if (close == NULL)
            {
              /* No tag closes from here on: the rest is text (and is
               * not searched again for each "<"). */
              unclosed = TRUE;
              g_string_append_c (line, *p++);
              continue;
            }
          while (p + 1 + name_length < close && !g_ascii_isspace (p[1 + name_length]))
            name_length++;
          if (is_text_table_tag (p + 1, name_length) && memchr (p, '\n', (gsize) (close - p)) == NULL)
            g_string_append_len (line, p, close + 1 - p);
          /* A tag over several lines keeps its line breaks. */
          for (const char *q = p; q < close; q++)
            if (*q == '\n')
              {
                kessan_grid_add_line (grid, line->str, part, NULL);
                g_string_truncate (line, 0);
              }
          p = close + 1;
        }
      else if (*p == '&')
        {
          gsize used = append_entity (line, p, end);

          if (used == 0)
            g_string_append_c (line, *p++);
          else
            p += used;
        }
      else
        g_string_append_c (line, *p++);
    }
  if (line->len > 0)
    kessan_grid_add_line (grid, line->str, part, NULL);
}

/**
 * kessan_html_reader_add:
 * @grid: the grid to add to
 * @text: a page as UTF-8
 * @length: its length in bytes
 * @part_name: (nullable): the part's name
 * @sha256: (nullable): the hash of the part's bytes
 * @display_name: the release's name, for messages
 * @error: return location for a #GError
 *
 * Adds one HTML page to @grid as a part of its own.
 *
 * Returns: %FALSE with @error set when the page cannot be read
 */
gboolean
kessan_html_reader_add (KessanGrid  *grid,
                        const char  *text,
                        gsize        length,
                        const char  *part_name,
                        const char  *sha256,
                        const char  *display_name,
                        GError     **error)
{
  htmlDocPtr doc;
  xmlNode *root;
  guint part;
  gboolean ok;

  if (length > G_MAXINT)
    {
      kessan_input_set_too_large (error, display_name, length);
      return FALSE;
    }
  if (is_dressed_text (text, length))
    {
      add_dressed_text (grid, text, length, kessan_grid_add_part (grid, part_name, "html", sha256));
      return TRUE;
    }
  xmlSetStructuredErrorFunc (NULL, ignore_error);
  doc = htmlReadMemory (text, (int) length, NULL, "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_MARKUP,
                   _("“%s” cannot be read as HTML: it has no elements."), display_name);
      return FALSE;
    }
  part = kessan_grid_add_part (grid, part_name, "html", sha256);
  /* A page of several top-level elements (no html element around them)
   * is read from each. */
  ok = TRUE;
  for (xmlNode *node = root; ok && node != NULL; node = node->next)
    ok = kessan_markup_read (grid, node, part, NULL, display_name, error);
  xmlFreeDoc (doc);
  return ok;
}

/**
 * kessan_html_reader_read:
 * @contents: the bytes of an HTML release
 * @display_name: its name, for the messages
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
KessanGrid *
kessan_html_reader_read (GBytes      *contents,
                         const char  *display_name,
                         GError     **error)
{
  return kessan_markup_read_file (contents, display_name, kessan_html_reader_add, error);
}
