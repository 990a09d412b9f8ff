/* SPDX-License-Identifier: GPL-3.0-or-later */
/* memmem() */
#define _GNU_SOURCE
#define G_LOG_DOMAIN "kessan-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "kessan-error.h"
#include "kessan-pdf.h"

#include "kessan-grid-private.h"

/* poppler-glib 22.12 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* A PDF is read from its text layer into plain text laid out the way
 * the page shows it: every character at the column its position on the
 * page gives, in a grid as wide as the page's typical character, and
 * lines as far apart as the page prints them.  Tables then come out
 * with their numbers in aligned columns, as in a text release whose
 * columns are padded with spaces, and the rest of the pipeline reads
 * them as it reads any text.  Pages are separated by a line holding
 * only a form feed, so that line numbers count through the whole
 * release and the text alone says where each page starts. */

/* Readers look for the header in the first kilobyte, and for the end
 * of file mark in the last one. */
#define HEADER_WINDOW 1024
#define TRAILER_WINDOW 1024

/* Bounds on the spaces and blank lines one gap turns into, so that a
 * stray mark at the edge of a page does not make a line or a page of
 * the text huge. */
#define MAX_GAP_COLUMNS 400
#define MAX_GAP_LINES 40
/* Digits and Latin letters enough to tell the height of a line by. */
#define MIN_LATIN_GLYPHS 20

typedef struct
{
  gunichar c;
  double   x0;
  double   x1;
  double   y_center;
  double   height;
} Glyph;

typedef struct
{
  GArray *glyphs;      /* Glyph, left to right */
  double  y_center;
  double  height;      /* of its tallest character */
} TextLine;

/**
 * kessan_pdf_is_pdf:
 * @data: (array length=length): the start of a file
 * @length: the number of bytes in @data
 *
 * Tells a PDF by its header, not by its name: readers accept a header
 * anywhere in the first kilobyte.
 *
 * Returns: %TRUE when @data is a PDF file
 */
gboolean
kessan_pdf_is_pdf (const guint8 *data,
                   gsize         length)
{
  gsize window = MIN (length, HEADER_WINDOW);

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return window >= 5 && memmem (data, window, "%PDF-", 5) != NULL;
}

static gboolean
has_end_of_file_mark (const guint8 *data,
                      gsize         length)
{
  gsize window = MIN (length, TRAILER_WINDOW);

  return memmem (data + length - window, window, "%%EOF", 5) != NULL;
}

/* The value that would be at @k if @values were sorted, found without
 * sorting them (quickselect): a page has tens of thousands of glyphs,
 * and sorting their sizes took a tenth of the time of a PDF's read.
 * @values is reordered. */
static double
select_nth (double *values,
            gint    n,
            gint    k)
{
  gint low = 0, high = n - 1;

  /* Wirth's selection: partition around the value at @k until @k
   * sits between the two parts. */
  while (low < high)
    {
      double pivot = values[k];
      gint i = low, j = high;

      do
        {
          while (values[i] < pivot)
            i++;
          while (pivot < values[j])
            j--;
          if (i <= j)
            {
              double t = values[i];

              values[i] = values[j];
              values[j] = t;
              i++;
              j--;
            }
        }
      while (i <= j);
      if (j < k)
        low = i;
      if (k < i)
        high = j;
    }
  return values[k];
}

/* The value below which @fraction of @values lie.  @values is
 * reordered. */
static double
quantile (GArray *values,
          double  fraction,
          double  fallback)
{
  if (values->len == 0)
    return fallback;
  return select_nth ((double *) (gpointer) values->data, (gint) values->len, (gint) (fraction * (values->len - 1)));
}

static int
compare_glyphs_by_y (gconstpointer a,
                     gconstpointer b)
{
  const Glyph *ga = a;
  const Glyph *gb = b;

  return ga->y_center < gb->y_center ? -1 : ga->y_center > gb->y_center;
}

static int
compare_glyphs_by_x (gconstpointer a,
                     gconstpointer b)
{
  const Glyph *ga = a;
  const Glyph *gb = b;

  return ga->x0 < gb->x0 ? -1 : ga->x0 > gb->x0;
}

/* Sorts @glyphs with @compare, stably, unless they are in order
 * already, as a page's text layer mostly gives them. */
static void
sort_glyphs (GArray           *glyphs,
             GCompareFunc      compare)
{
  for (guint i = 1; i < glyphs->len; i++)
    if (compare (&g_array_index (glyphs, Glyph, i - 1), &g_array_index (glyphs, Glyph, i)) > 0)
      {
        g_array_sort (glyphs, compare);
        return;
      }
}

static void
text_line_clear (gpointer data)
{
  TextLine *line = data;

  g_clear_pointer (&line->glyphs, g_array_unref);
}

/* The characters of @page with their boxes.  Spaces are left out: the
 * gaps between the boxes say where words and columns break. */
static GArray *
read_glyphs (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  GArray *glyphs;
  guint n_rects = 0;
  guint k = 0;

  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    return g_array_new (FALSE, FALSE, sizeof (Glyph));
  /* At most a glyph a box: the array never grows. */
  glyphs = g_array_sized_new (FALSE, FALSE, sizeof (Glyph), n_rects);

  for (const char *p = text; *p != '\0' && k < n_rects; p = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p), k++)
    {
      gunichar c = g_utf8_get_char (p);
      const PopplerRectangle *r = &rects[k];
      Glyph glyph;

      /* In ASCII, the spaces and controls are the bytes up to the space
       * and DEL. */
      if (c < 0x80 ? c <= 0x20 || c == 0x7F : g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0xFFFD)
        continue;
      glyph.c = c;
      glyph.x0 = MIN (r->x1, r->x2);
      glyph.x1 = MAX (r->x1, r->x2);
      glyph.y_center = (r->y1 + r->y2) / 2;
      glyph.height = fabs (r->y2 - r->y1);
      g_array_append_val (glyphs, glyph);
    }

  return glyphs;
}

/* Characters whose centres lie within half a character's height of the
 * first one of a line are on that line: a page's lines are further
 * apart, superscripts and mixed scripts of one line are not.  The
 * height is the document's usual one, or the line's own where its
 * characters are all smaller (the taller of its characters and the one
 * added): a table set smaller than the text around it has its lines
 * closer together than half the document's usual height.  (The boxes
 * of Japanese characters are often taller than their lines are apart,
 * so a taller line never widens the reach.) */
static GArray *
group_lines (GArray *glyphs,
             double  height)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (TextLine));
  TextLine *current = NULL;
  double line_height = height;

  g_array_set_clear_func (lines, text_line_clear);
  sort_glyphs (glyphs, compare_glyphs_by_y);

  /* The glyphs are in order down the page: a line's are a run of them,
   * copied at once when the next line starts. */
  guint run_start = 0;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *glyph = &g_array_index (glyphs, Glyph, i);
      double own = glyph->height > 0 ? glyph->height : height;

      if (current == NULL || glyph->y_center - current->y_center > 0.5 * MIN (height, MAX (line_height, own)))
        {
          TextLine line = { NULL, glyph->y_center, own };

          if (current != NULL)
            current->glyphs = g_array_append_vals (g_array_sized_new (FALSE, FALSE, sizeof (Glyph), i - run_start),
                                                   &g_array_index (glyphs, Glyph, run_start), i - run_start);
          run_start = i;
          g_array_append_val (lines, line);
          current = &g_array_index (lines, TextLine, lines->len - 1);
          line_height = own;
        }
      line_height = MAX (line_height, own);
      current->height = line_height;
    }
  if (current != NULL)
    current->glyphs = g_array_append_vals (g_array_sized_new (FALSE, FALSE, sizeof (Glyph), glyphs->len - run_start),
                                           &g_array_index (glyphs, Glyph, run_start), glyphs->len - run_start);

  for (guint i = 0; i < lines->len; i++)
    sort_glyphs (g_array_index (lines, TextLine, i).glyphs, compare_glyphs_by_x);

  return lines;
}

static void
append_spaces (GString *out,
               guint    n)
{
  static const char spaces[] = "                                ";

  for (; n >= sizeof spaces - 1; n -= sizeof spaces - 1)
    g_string_append_len (out, spaces, sizeof spaces - 1);
  g_string_append_len (out, spaces, n);
}

static gboolean
is_narrow_letter_or_digit (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

/* The typical width of a Latin letter or digit of @line, when it prints
 * a few, or @unit: a line set smaller than the document's usual text has
 * narrower spaces between its words. */
static double
line_unit (const TextLine *line,
           double          unit)
{
  /* Every line asks: its widths are kept on the stack when they fit,
   * and the median is selected, not sorted for. */
  double stack[256];
  g_autofree double *heap = NULL;
  double *widths = stack;
  guint n = 0;
  double median;

  if (line->glyphs->len > G_N_ELEMENTS (stack))
    widths = heap = g_new (double, line->glyphs->len);
  for (guint i = 0; i < line->glyphs->len; i++)
    {
      const Glyph *glyph = &g_array_index (line->glyphs, Glyph, i);
      double width = glyph->x1 - glyph->x0;

      if (is_narrow_letter_or_digit (glyph->c) && width > 0)
        widths[n++] = width;
    }
  if (n < 4)
    return unit;
  median = select_nth (widths, (gint) n, (gint) (n / 2));
  return MIN (median, unit);
}

/* One line of text: words separated by one space, columns by as many
 * as their distance on the page takes, at least two.  The column
 * advances by two for a wide (CJK) character, as a monospaced font
 * prints it. */
static void
append_line (GString        *out,
             const TextLine *line,
             double          margin,
             double          unit)
{
  guint column = 0;
  double previous_end = 0;
  double own = line_unit (line, unit);

  for (guint i = 0; i < line->glyphs->len; i++)
    {
      const Glyph *glyph = &g_array_index (line->glyphs, Glyph, i);
      double at = floor ((glyph->x0 - margin) / unit + 0.5);
      guint spaces = 0;

      if (i == 0)
        spaces = (guint) CLAMP (at, 0, MAX_GAP_COLUMNS);
      else if (glyph->x0 - previous_end > 1.5 * MAX (own, 0.5 * unit))
        {
          /* A gap between columns: as wide as on the page, and at least
           * up to the column the position gives, so that columns of
           * numbers right-aligned on the page stay aligned. */
          double gap = floor ((glyph->x0 - previous_end) / unit + 0.5);

          spaces = (guint) CLAMP (MAX (gap, at - column), 2, MAX_GAP_COLUMNS);
        }
      else if (glyph->x0 - previous_end > 0.3 * own)
        spaces = 1;  /* between two words */

      append_spaces (out, spaces);
      if (glyph->c < 0x80)
        {
          g_string_append_c (out, (char) glyph->c);
          column += spaces + 1;
        }
      else
        {
          g_string_append_unichar (out, glyph->c);
          column += spaces + (g_unichar_iswide (glyph->c) ? 2 : 1);
        }
      previous_end = glyph->x1;
    }
}

/* Reading a page's text layer is most of the time of a PDF: the pages
 * are shared between this thread and a helper, each with a document of
 * its own (a poppler document is not to be used by two threads).  Each
 * takes the next page not yet taken, so that neither waits for the
 * other: the helper starts later, after opening its document, and
 * shares a processor with the hashing thread for a while. */
typedef struct
{
  GBytes  *contents;
  GArray **glyphs;     /* one per page */
  int      n_pages;
  int      next;       /* the next page to take (atomic) */
} PageRange;

static void
read_page_range (PopplerDocument *document,
                 PageRange       *range)
{
  int i;

  while ((i = g_atomic_int_add (&range->next, 1)) < range->n_pages)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);

      range->glyphs[i] = page != NULL ? read_glyphs (page) : g_array_new (FALSE, FALSE, sizeof (Glyph));
    }
}

static gpointer
read_page_range_thread (gpointer data)
{
  PageRange *range = data;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (range->contents, NULL, NULL);

  /* Opened once already: a failure here leaves the pages to the
   * caller. */
  if (document != NULL)
    read_page_range (document, range);
  return NULL;
}

/* Fewer pages are not worth a second document. */
#define MIN_PAGES_TO_SHARE 4

/* A text layer drawn in fonts that do not say which character each
 * glyph is comes out as other characters: "&'(ÿ)'*+" for "Fourth
 * Quarter".  Real words hardly ever have these inside them, while in
 * such text most do.  Words of digits and common marks alone (numbers,
 * Japanese) say nothing either way. */
#define GARBLED_MIN_WORDS 40

static gboolean
is_odd_character (const char *c,
                  const char *end)
{
  /* ÿ (U+00FF), a common stand-in for a space */
  return strchr ("!\"#$*+<=>?@\\^`{|}~", *c) != NULL
         || ((guchar) c[0] == 0xC3 && c + 1 < end && (guchar) c[1] == 0xBF);
}

static gboolean
is_garbled_text (const char *text)
{
  guint n_words = 0, n_odd = 0;
  const char *p = text;

  while (*p != '\0')
    {
      const char *start, *end;
      gboolean word = FALSE, odd = FALSE;

      while (*p == ' ' || *p == '\n' || *p == '\f' || *p == '\t')
        p++;
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && *p != ' ' && *p != '\n' && *p != '\f' && *p != '\t')
        p++;
      end = p;
      for (const char *c = start; c < end; c++)
        {
          if (g_ascii_isalpha (*c) || is_odd_character (c, end))
            word = TRUE;
          /* Inside the word, not at its ends: "$" before a number and
           * quotes around a word are common. */
          if (c > start && c + 1 < end && is_odd_character (c, end))
            odd = TRUE;
        }
      n_words += word;
      n_odd += odd;
    }
  return n_words >= GARBLED_MIN_WORDS && n_odd * 4 > n_words;
}

/**
 * kessan_pdf_read_text:
 * @contents: the bytes of a PDF file
 * @display_name: the file's name, for the messages
 * @n_pages: (out) (optional): the number of pages read
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Reads the text layer of a PDF, page by page, into text laid out as
 * the pages show it (see the top of this file).
 *
 * Fails with %KESSAN_ERROR_PDF_ENCRYPTED when the PDF needs a password,
 * %KESSAN_ERROR_PDF_DAMAGED when it cannot be opened or was cut short,
 * and %KESSAN_ERROR_PDF_NO_TEXT when no page has text (a scan) or its
 * text cannot be read (fonts without a map of their characters).
 *
 * Returns: (transfer full): the text, LF line ends, or %NULL with @error
 *   set
 */
char *
kessan_pdf_read_text (GBytes      *contents,
                      const char  *display_name,
                      guint       *n_pages,
                      GError     **error)
{
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) latin_heights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) out = NULL;
  const guint8 *data;
  gsize length;
  double margin = G_MAXDOUBLE;
  double unit, height, pitch;
  guint n_glyphs = 0;
  int n;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (contents, &length);

  /* Poppler rebuilds a PDF cut short as far as it can; what it gets back
   * is not the release that was published. */
  if (!has_end_of_file_mark (data, length))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_PDF_DAMAGED,
                   _("“%s” is an incomplete PDF: the file was cut short. Download or export the release again."),
                   display_name);
      return NULL;
    }

  document = poppler_document_new_from_bytes (contents, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_PDF_ENCRYPTED,
                     _("“%s” is an encrypted PDF that needs a password to open. Save a copy without the password and open that."),
                     display_name);
      else
        g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_PDF_DAMAGED,
                     _("“%s” is a damaged PDF that cannot be opened (%s). Download or export the release again."),
                     display_name, local_error->message);
      return NULL;
    }

  n = poppler_document_get_n_pages (document);
  if (n <= 0)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_PDF_DAMAGED,
                   _("“%s” is a damaged PDF: it has no pages. Download or export the release again."),
                   display_name);
      return NULL;
    }

  {
    g_autofree GArray **read = g_new0 (GArray *, n);
    PageRange range = { contents, read, n, 0 };
    GThread *helper = NULL;

    /* The helper opens its document while this thread reads. */
    if (n >= MIN_PAGES_TO_SHARE && g_get_num_processors () > 1)
      helper = g_thread_try_new ("kessan-pdf", read_page_range_thread, &range, NULL);
    read_page_range (document, &range);
    if (helper != NULL)
      g_thread_join (helper);
    /* What the helper took but could not read. */
    for (int i = 0; i < n; i++)
      if (read[i] == NULL)
        {
          g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);

          read[i] = page != NULL ? read_glyphs (page) : g_array_new (FALSE, FALSE, sizeof (Glyph));
        }
    for (int i = 0; i < n; i++)
      g_ptr_array_add (pages, read[i]);
  }

  for (guint i = 0; i < pages->len; i++)
    n_glyphs += ((GArray *) g_ptr_array_index (pages, i))->len;
  /* Filled in place: a document has tens of thousands of glyphs. */
  g_array_set_size (heights, n_glyphs);
  g_array_set_size (widths, n_glyphs);
  g_array_set_size (latin_heights, n_glyphs);
  {
    guint h = 0, w = 0;

    for (guint i = 0; i < pages->len; i++)
      {
        GArray *glyphs = g_ptr_array_index (pages, i);

        for (guint k = 0; k < glyphs->len; k++)
          {
            const Glyph *glyph = &g_array_index (glyphs, Glyph, k);
            double width = glyph->x1 - glyph->x0;

            margin = MIN (margin, glyph->x0);
            g_array_index (heights, double, h++) = glyph->height;
            if (is_narrow_letter_or_digit (glyph->c) && width > 0)
              {
                g_array_index (widths, double, w) = width;
                g_array_index (latin_heights, double, w++) = glyph->height;
              }
          }
      }
    g_array_set_size (widths, w);
    g_array_set_size (latin_heights, w);
  }

  if (n_glyphs == 0)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_PDF_NO_TEXT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has no text layer: it looks like a scanned document. Kessan reads PDFs with text; run its page through text recognition (OCR) or use the release as published.",
                                "“%s” has no text layer: it looks like a scanned document. Kessan reads PDFs with text; run its %d pages through text recognition (OCR) or use the release as published.",
                                n),
                   display_name, n);
      return NULL;
    }

  /* The grid: the typical width of a Latin letter or digit (a monospaced
   * font's advance), and the typical height of a character. */
  height = quantile (heights, 0.5, 10);
  /* The boxes of Japanese characters are often taller than their lines
   * are apart; the digits of the same lines say how tall a line is. */
  if (latin_heights->len >= MIN_LATIN_GLYPHS)
    height = MIN (height, quantile (latin_heights, 0.5, height));
  unit = quantile (widths, 0.5, height / 2);
  if (unit <= 0)
    unit = 1;

  out = g_string_sized_new (n_glyphs * 2);
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *glyphs = g_ptr_array_index (pages, p);
      GArray *lines = group_lines (glyphs, height);

      for (guint i = 1; i < lines->len; i++)
        {
          double step = g_array_index (lines, TextLine, i).y_center
                        - g_array_index (lines, TextLine, i - 1).y_center;

          /* Lines closer than the usual height are set small (a table
           * in a smaller size than the text): they follow each other
           * directly, and say nothing of the spacing of the rest. */
          if (step >= 0.8 * height)
            g_array_append_val (steps, step);
        }
      /* The page's lines take the place of its characters. */
      g_ptr_array_index (pages, p) = lines;
      g_array_unref (glyphs);
    }
  /* The pages' line spacing: most lines follow the one before directly,
   * the rest after blank lines. */
  pitch = quantile (steps, 0.25, height * 1.2);

  for (guint p = 0; p < pages->len; p++)
    {
      GArray *lines = g_ptr_array_index (pages, p);

      if (p > 0)
        g_string_append (out, "\f\n");
      for (guint i = 0; i < lines->len; i++)
        {
          const TextLine *line = &g_array_index (lines, TextLine, i);

          if (i > 0)
            {
              double step = line->y_center - g_array_index (lines, TextLine, i - 1).y_center;
              double blank = floor (step / pitch + 0.5) - 1;

              for (guint b = 0; b < (guint) CLAMP (blank, 0, MAX_GAP_LINES); b++)
                g_string_append_c (out, '\n');
            }
          append_line (out, line, margin, unit);
          g_string_append_c (out, '\n');
        }
    }

  if (is_garbled_text (out->str))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_PDF_NO_TEXT,
                   _("The text of “%s” cannot be read: its fonts do not say which letters they draw, so the text comes out as other characters. Use the release in another form (the HTML or text of the filing), or run its pages through text recognition (OCR)."),
                   display_name);
      return NULL;
    }

  if (n_pages != NULL)
    *n_pages = (guint) n;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * kessan_pdf_reader_read:
 * @contents: the bytes of a PDF file
 * @display_name: its name, for the messages
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * The reader of a PDF release: its text layer laid out as the pages show
 * it, pages separated by form feeds (see kessan_pdf_read_text()).
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
KessanGrid *
kessan_pdf_reader_read (GBytes      *contents,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(KessanGrid) grid = NULL;
  char *text = kessan_pdf_read_text (contents, display_name, NULL, error);

  if (text == NULL)
    return NULL;
  grid = kessan_grid_new ();
  grid->encoding = KESSAN_PDF_ENCODING;
  kessan_grid_take_text (grid, text, kessan_grid_add_part (grid, display_name, "pdf", NULL));
  return g_steal_pointer (&grid);
}
