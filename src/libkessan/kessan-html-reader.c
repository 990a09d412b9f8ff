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
