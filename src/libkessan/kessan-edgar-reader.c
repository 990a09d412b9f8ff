/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

/* memmem() */
#define _GNU_SOURCE
#include "config.h"

#include "kessan-edgar-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kessan-decoder.h"
#include "kessan-error.h"
#include "kessan-input-private.h"
#include "kessan-ixbrl-private.h"
#include "kessan-sha256-private.h"

/* The reader of an EDGAR submission: the full text file of a filing,
 * an SGML header (<SEC-HEADER>, lines of "NAME: value") and the filing's
 * documents (<DOCUMENT> with <TYPE>, <FILENAME> and <TEXT>).  The
 * header gives the company, its CIK and the filing date; the results
 * exhibits (EX-99, EX-99.1…) are read, each by the reader of its own
 * format, HTML, inline XBRL or text; every document is a source part. */

#define MAX_DOCUMENTS 10000

gboolean
kessan_edgar_reader_sniff (const char *data,
                           gsize       length)
{
  length = MIN (length, 1024);
  return memmem (data, length, "<SEC-DOCUMENT>", 14) != NULL
         || memmem (data, length, "<SEC-HEADER>", 12) != NULL
         || memmem (data, length, "<IMS-HEADER>", 12) != NULL;
}

typedef struct
{
  const char *start;   /* of the <DOCUMENT> line */
  const char *end;     /* of the </DOCUMENT> line, or the text's end */
  char       *type;
  char       *filename;
  const char *text;    /* after the <TEXT> line */
  const char *text_end;
} Document;

static void
document_clear (gpointer data)
{
  Document *document = data;

  g_free (document->type);
  g_free (document->filename);
}

/* The value of a header line "NAME:<tabs>value" or a document line
 * "<TAG>value", stripped. */
static char *
line_value (const char *line,
            const char *eol,
            gsize       prefix)
{
  char *value = g_strndup (line + prefix, (gsize) (eol - line) - prefix);

  return g_strstrip (value);
}

static const char *
skip_space (const char *p,
            const char *eol)
{
  while (p < eol && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

static gboolean
line_is (const char *line,
         const char *eol,
         const char *word)
{
  gsize length = strlen (word);

  line = skip_space (line, eol);
  return (gsize) (eol - line) >= length && g_ascii_strncasecmp (line, word, length) == 0;
}

static char *
iso_of (const char *yyyymmdd)
{
  GDate date;

  if (yyyymmdd == NULL || strlen (yyyymmdd) < 8)
    return NULL;
  g_date_clear (&date, 1);
  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (yyyymmdd[i]))
      return NULL;
  if (!g_date_valid_dmy ((GDateDay) ((yyyymmdd[6] - '0') * 10 + yyyymmdd[7] - '0'),
                         (GDateMonth) ((yyyymmdd[4] - '0') * 10 + yyyymmdd[5] - '0'),
                         (GDateYear) ((yyyymmdd[0] - '0') * 1000 + (yyyymmdd[1] - '0') * 100
                                      + (yyyymmdd[2] - '0') * 10 + yyyymmdd[3] - '0')))
    return NULL;
  return g_strdup_printf ("%.4s-%.2s-%.2s", yyyymmdd, yyyymmdd + 4, yyyymmdd + 6);
}

static void
read_header_line (KessanGrid *grid,
                  const char *line,
                  const char *eol,
                  char      **form)
{
  const char *p = skip_space (line, eol);
  const char *colon = memchr (p, ':', (gsize) (eol - p));
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;

  if (colon == NULL)
    return;
  name = g_strndup (p, (gsize) (colon - p));
  value = line_value (colon + 1, eol, 0);
  if (value[0] == '\0')
    return;
  if (g_str_equal (name, "COMPANY CONFORMED NAME") && kessan_company_get_name (grid->company) == NULL)
    kessan_company_set_name (grid->company, value);
  else if (g_str_equal (name, "CENTRAL INDEX KEY")
           && kessan_company_get_id (grid->company, KESSAN_COMPANY_ID_CIK) == NULL)
    kessan_company_set_id (grid->company, KESSAN_COMPANY_ID_CIK, value);
  else if (g_str_equal (name, "FILED AS OF DATE") && grid->released == NULL)
    grid->released = iso_of (value);
  else if (g_str_equal (name, "CONFORMED SUBMISSION TYPE") && *form == NULL)
    *form = g_steal_pointer (&value);
}

/* The format of a document that is not read, by its name. */
static const char *
format_of_name (const char *name)
{
  if (name == NULL)
    return "text";
  if (g_str_has_suffix (name, ".htm") || g_str_has_suffix (name, ".html"))
    return "html";
  if (g_str_has_suffix (name, ".pdf"))
    return "pdf";
  if (g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".xsd"))
    return "xml";
  return "text";
}

static gboolean
is_results_exhibit (const char *type)
{
  return type != NULL && (g_ascii_strcasecmp (type, "EX-99") == 0
                          || g_ascii_strncasecmp (type, "EX-99.", 6) == 0);
}

/* A document's text: its lines as they are, or, for a page, the lines
 * its reader makes of it. */
static gboolean
read_document (KessanGrid     *grid,
               const Document *document,
               const char     *display_name,
               GError        **error)
{
  const char *text = document->text;
  gsize length = (gsize) (document->text_end - text);
  g_autofree char *hash = kessan_sha256_hex ((const guint8 *) text, length);
  g_autofree char *copy = NULL;
  guint part;

  /* Inline XBRL documents are wrapped in <XBRL>…</XBRL>. */
  {
    const char *p = text;

    while (p < document->text_end && g_ascii_isspace (*p))
      p++;
    if ((gsize) (document->text_end - p) >= 6 && g_ascii_strncasecmp (p, "<XBRL>", 6) == 0)
      {
        const char *eol = memchr (p, '\n', (gsize) (document->text_end - p));

        text = eol != NULL ? eol + 1 : document->text_end;
        length = (gsize) (document->text_end - text);
        for (const char *close = document->text_end - 7; close >= text && close + 7 <= document->text_end; close--)
          if (g_ascii_strncasecmp (close, "</XBRL>", 7) == 0)
            {
              length = (gsize) (close - text);
              break;
            }
      }
  }

  if (kessan_ixbrl_reader_sniff (text, length))
    return kessan_ixbrl_reader_add (grid, text, length, document->filename, hash, display_name, error);
  if (kessan_html_reader_sniff (text, length))
    return kessan_html_reader_add (grid, text, length, document->filename, hash, display_name, error);

  part = kessan_grid_add_part (grid, document->filename, "text", hash);
  copy = g_strndup (text, length);
  for (char *line = copy; line != NULL;)
    {
      char *eol = strchr (line, '\n');

      if (eol != NULL)
        *eol = '\0';
      kessan_grid_add_line (grid, line, part, NULL);
      line = eol != NULL ? eol + 1 : NULL;
    }
  return TRUE;
}

/**
 * kessan_edgar_reader_read:
 * @contents: the bytes of an EDGAR submission's full text
 * @display_name: its name, for the messages
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
KessanGrid *
kessan_edgar_reader_read (GBytes      *contents,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(GError) decode_error = NULL;
  g_autoptr(KessanGrid) grid = NULL;
  g_autoptr(GArray) documents = g_array_new (FALSE, TRUE, sizeof (Document));
  g_autofree char *text = NULL;
  g_autofree char *form = NULL;
  g_autofree char *hash = NULL;
  KessanEncoding encoding;
  Document *current = NULL;
  gboolean in_header = FALSE, any_exhibit = FALSE;
  const guint8 *data;
  const char *end;
  gsize length;

  g_array_set_clear_func (documents, document_clear);
  data = g_bytes_get_data (contents, &length);
  text = kessan_decode_markup (data, length, &encoding, FALSE, &decode_error);
  if (text == NULL)
    {
      kessan_input_name_error (decode_error, display_name, error);
      return NULL;
    }
  end = text + strlen (text);

  grid = kessan_grid_new ();
  grid->encoding = kessan_encoding_to_string (encoding);

  for (const char *line = text; line < end;)
    {
      const char *eol = memchr (line, '\n', (gsize) (end - line));
      const char *next;

      if (eol == NULL)
        eol = end;
      next = eol < end ? eol + 1 : end;

      if (current != NULL && current->text != NULL && current->text_end == NULL)
        {
          /* Inside <TEXT>: only its end matters. */
          if (line_is (line, eol, "</TEXT>"))
            current->text_end = line;
        }
      else if (line_is (line, eol, "<SEC-HEADER>") || line_is (line, eol, "<IMS-HEADER>"))
        in_header = TRUE;
      else if (line_is (line, eol, "</SEC-HEADER>") || line_is (line, eol, "</IMS-HEADER>"))
        in_header = FALSE;
      else if (in_header)
        read_header_line (grid, line, eol, &form);
      else if (line_is (line, eol, "<DOCUMENT>"))
        {
          Document document = { line, end, NULL, NULL, NULL, NULL };

          if (documents->len >= MAX_DOCUMENTS)
            {
              g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_LIMIT,
                           _("“%s” has more than %u documents; EDGAR submissions are limited to %u."),
                           display_name, MAX_DOCUMENTS, MAX_DOCUMENTS);
              return NULL;
            }
          g_array_append_val (documents, document);
          current = &g_array_index (documents, Document, documents->len - 1);
        }
      else if (current != NULL && line_is (line, eol, "</DOCUMENT>"))
        {
          current->end = next;
          current = NULL;
        }
      else if (current != NULL && line_is (line, eol, "<TYPE>") && current->type == NULL)
        current->type = line_value (skip_space (line, eol), eol, 6);
      else if (current != NULL && line_is (line, eol, "<FILENAME>") && current->filename == NULL)
        current->filename = line_value (skip_space (line, eol), eol, 10);
      else if (current != NULL && line_is (line, eol, "<TEXT>"))
        current->text = next;
      line = next;
    }

  if (documents->len == 0)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_NOT_RELEASE,
                   _("“%s” is an EDGAR submission without documents. Choose the full submission, or its results exhibit."),
                   display_name);
      return NULL;
    }

  hash = kessan_sha256_hex_bytes (contents);
  /* The submission is the first part, named with its form ("8-K"). */
  {
    g_autofree char *name = form != NULL ? g_strdup_printf ("%s (%s)", display_name, form) : g_strdup (display_name);

    kessan_grid_add_part (grid, name, "edgar", hash);
  }

  for (guint i = 0; i < documents->len; i++)
    any_exhibit |= is_results_exhibit (g_array_index (documents, Document, i).type);

  /* The results exhibits, or the main document of a filing without. */
  for (guint i = 0; i < documents->len; i++)
    {
      Document *document = &g_array_index (documents, Document, i);

      if (document->text != NULL && document->text_end == NULL)
        document->text_end = document->end;
      if (document->text == NULL
          || !(any_exhibit ? is_results_exhibit (document->type) : i == 0))
        {
          kessan_grid_add_part (grid, document->filename, format_of_name (document->filename), NULL);
          continue;
        }
      if (!read_document (grid, document, display_name, error))
        return NULL;
    }
  return g_steal_pointer (&grid);
}
