/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "kessan-test-pdf.h"

#define FONT_SIZE 8.0
#define LINE_PITCH (FONT_SIZE * 1.5)
#define MARGIN 36.0
/* Between two columns of a table, in widths of a digit. */
#define COLUMN_GAP 2

gboolean
kessan_test_pdf_font_available (const char *family)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  g_autoptr(PangoFontDescription) wanted = pango_font_description_from_string (family);
  g_autoptr(PangoFontDescription) got = NULL;
  PangoFont *font;

  font = pango_font_map_load_font (map, context, wanted);
  g_object_unref (context);
  if (font == NULL)
    return FALSE;
  got = pango_font_describe (font);
  g_object_unref (font);
  return g_strcmp0 (pango_font_description_get_family (got), family) == 0;
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *family,
             const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (font, FONT_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_width (cairo_t    *cr,
            const char *family,
            const char *text)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, family, text);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return width / (double) PANGO_SCALE;
}

static void
draw_text (cairo_t    *cr,
           const char *family,
           const char *text,
           double      x,
           double      y)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text[0] == '\0')
    return;
  layout = make_layout (cr, family, text);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Where each line's fields go: x of the label, then the right edges of
 * the other columns, for each run of tab-separated lines. */
typedef struct
{
  char   **fields;       /* the line split at tabs, or the line alone */
  GArray  *right_edges;  /* double, shared by the lines of a run; NULL for a plain line */
  double   width;
} PlacedLine;

static void
placed_line_clear (gpointer data)
{
  PlacedLine *line = data;

  g_strfreev (line->fields);
  g_clear_pointer (&line->right_edges, g_array_unref);
}

static GArray *
place_lines (cairo_t    *cr,
             const char *family,
             char      **lines,
             double     *page_width)
{
  GArray *placed = g_array_new (FALSE, TRUE, sizeof (PlacedLine));
  double gap = COLUMN_GAP * text_width (cr, family, "0");
  guint n = g_strv_length (lines);

  g_array_set_clear_func (placed, placed_line_clear);
  *page_width = 0;
  for (guint i = 0; i < n;)
    {
      guint end = i;
      g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (double));
      g_autoptr(GArray) edges = g_array_new (FALSE, TRUE, sizeof (double));
      double x = 0;

      while (end < n && strchr (lines[end], '\t') != NULL)
        end++;
      if (end == i)
        {
          PlacedLine line = { g_new0 (char *, 2), NULL, text_width (cr, family, lines[i]) };

          line.fields[0] = g_strdup (lines[i]);

          *page_width = MAX (*page_width, line.width);
          g_array_append_val (placed, line);
          i++;
          continue;
        }

      for (guint k = i; k < end; k++)
        {
          g_auto(GStrv) fields = g_strsplit (lines[k], "\t", -1);

          for (guint f = 0; fields[f] != NULL; f++)
            {
              double w = text_width (cr, family, fields[f]);

              if (f >= widths->len)
                g_array_set_size (widths, f + 1);
              g_array_index (widths, double, f) = MAX (g_array_index (widths, double, f), w);
            }
        }
      for (guint f = 0; f < widths->len; f++)
        {
          x += (f > 0 ? gap : 0) + g_array_index (widths, double, f);
          g_array_append_val (edges, x);
        }
      *page_width = MAX (*page_width, x);
      for (guint k = i; k < end; k++)
        {
          PlacedLine line = { g_strsplit (lines[k], "\t", -1), g_array_ref (edges), x };

          g_array_append_val (placed, line);
        }
      i = end;
    }
  return placed;
}

void
kessan_test_write_text_pdf (const char *path,
                            const char *text,
                            const char *family,
                            guint       lines_per_page)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GArray) placed = NULL;
  cairo_surface_t *measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *measure = cairo_create (measure_surface);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height = lines_per_page * LINE_PITCH + 2 * MARGIN;

  /* A text ending in a line end has no line after it. */
  if (g_strv_length (lines) > 0 && lines[g_strv_length (lines) - 1][0] == '\0')
    {
      guint last = g_strv_length (lines) - 1;

      g_free (lines[last]);
      lines[last] = NULL;
    }

  placed = place_lines (measure, family, lines, &width);
  cairo_destroy (measure);
  cairo_surface_destroy (measure_surface);

  surface = cairo_pdf_surface_create (path, width + 2 * MARGIN, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < placed->len; i++)
    {
      const PlacedLine *line = &g_array_index (placed, PlacedLine, i);
      double y = MARGIN + (i % lines_per_page) * LINE_PITCH;

      if (i > 0 && i % lines_per_page == 0)
        cairo_show_page (cr);
      if (line->right_edges == NULL)
        {
          draw_text (cr, family, line->fields[0], MARGIN, y);
          continue;
        }
      draw_text (cr, family, line->fields[0], MARGIN, y);
      for (guint f = 1; line->fields[f] != NULL; f++)
        draw_text (cr, family, line->fields[f],
                   MARGIN + g_array_index (line->right_edges, double, f) - text_width (cr, family, line->fields[f]),
                   y);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

void
kessan_test_write_scan_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);
  cairo_t *cr = cairo_create (image);

  /* A page of "print": grey bars where the lines of text would be. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  for (int y = 10; y < 90; y += 12)
    cairo_rectangle (cr, 10, y, 150 + (y % 30), 5);
  cairo_fill (cr);
  cairo_destroy (cr);

  cr = cairo_create (surface);
  cairo_scale (cr, 2.5, 2.5);
  cairo_set_source_surface (cr, image, 20, 20);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (image);
}
