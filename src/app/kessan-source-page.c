/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-source"

#include "config.h"

#include <glib/gi18n.h>

#include "kessan-display-text.h"
#include "kessan-source-page.h"

/* The decoded text of a release, as the provenance line numbers count
 * it: line numbers in a gutter, the lines of a value or a finding
 * highlighted, and a search.
 *
 * Releases run to tens of thousands of lines, so nothing here is done
 * per line: the gutter draws only the numbers in view, the search runs
 * over the text in memory, and the text only goes into the view when
 * the page is shown, a piece at a time when it is long. */

#define GUTTER_PADDING 8

/* A text of many megabytes goes into the view in pieces of whole lines,
 * as many in one turn of the main loop as fit in LOAD_STEP_USEC, so that
 * the window keeps drawing while it does. */
#define LOAD_PIECE_BYTES ((gsize) 256 * 1024)
#define LOAD_STEP_USEC   ((gint64) 12 * 1000)

/* The matches marked at most besides the current one. */
#define MAX_MARKED_MATCHES 5000

struct _KessanSourcePage
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkLabel          *name_label;
  GtkLabel          *details_label;
  GtkSearchEntry    *search_entry;
  GtkLabel          *match_label;
  GtkScrolledWindow *scrolled_window;
  GtkTextView       *text_view;

  /* Owned */
  KessanFiling      *filing;
  GArray            *highlighted;   /* guint, 1-based lines */
  GArray            *line_starts;   /* gsize, byte offset of each line */
  char              *sanitized;     /* the text, when it had to be changed for the view */

  /* Borrowed: children of the view and of its buffer */
  GtkDrawingArea    *gutter;
  GtkTextTag        *highlight_tag;
  GtkTextTag        *match_tag;
  GtkTextTag        *other_match_tag;  /* every match but the current one */
  GtkTextTag        *measure_tag;
  GtkTextMark       *scroll_mark;

  /* Borrowed: the filing's text, or sanitized */
  const char        *text;
  gsize              text_length;

  gssize             match_start;     /* byte offset of the current match, or -1 */
  gsize              loaded_length;   /* bytes of text in the view so far */
  guint              load_source;
  gboolean           loaded;          /* the view holds the whole text of filing */
  gboolean           pinned;          /* the view keeps scroll_mark in its middle */
  gboolean           centering;
  guint              center_source;
  guint              measure_source;

  /* A number to select once the text is in: its line (1-based, 0 for
   * none), and where it is in the line, in characters (-1: the line) */
  guint              span_line;
  int                span_start;
  int                span_length;
};

G_DEFINE_FINAL_TYPE (KessanSourcePage, kessan_source_page, ADW_TYPE_BIN)

/* Lines */

static guint
count_lines (KessanSourcePage *self)
{
  return self->line_starts->len;
}

/* The line (0-based) holding the byte at @offset. */
static guint
line_at_offset (KessanSourcePage *self,
                gsize             offset)
{
  guint low = 0;
  guint high = self->line_starts->len;

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->line_starts, gsize, middle) <= offset)
        low = middle;
      else
        high = middle;
    }
  return low;
}

static void
iter_at_offset (KessanSourcePage *self,
                GtkTextIter      *iter,
                gsize             offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  guint line = line_at_offset (self, offset);

  gtk_text_buffer_get_iter_at_line_index (buffer, iter, (int) line,
                                          (int) (offset - g_array_index (self->line_starts, gsize, line)));
}

/* GtkTextBuffer also ends a line at "\r" and at U+2029, which the
 * engine does not: those become characters of the same length, so that
 * line numbers and byte offsets stay those of the release.  The form
 * feed between the pages of a PDF is shown by the gutter, not as a
 * control character.  A bidirectional embedding, override or isolate
 * (U+202A–U+202E, U+2066–U+2069) would turn the rest of its line around:
 * it shows as U+FFFD, of the same length. */
static gboolean
is_direction_control (const char *p)
{
  return p[0] == '\xe2'
         && ((p[1] == '\x80' && (guchar) p[2] >= 0xaa && (guchar) p[2] <= 0xae)
             || (p[1] == '\x81' && (guchar) p[2] >= 0xa6 && (guchar) p[2] <= 0xa9));
}

static char *
sanitize_text (const char *text)
{
  gsize length = strlen (text);
  gboolean changes = strchr (text, '\r') != NULL || strchr (text, '\f') != NULL;
  char *copy;

  /* Every character in question starts with the byte 0xe2. */
  for (const char *p = memchr (text, 0xe2, length); p != NULL && !changes;
       p = memchr (p + 1, 0xe2, length - (gsize) (p + 1 - text)))
    changes = is_direction_control (p) || (p[1] == '\x80' && p[2] == '\xa9');
  if (!changes)
    return NULL;
  copy = g_strdup (text);
  for (char *p = copy; *p != '\0'; p++)
    {
      if (*p == '\r' || *p == '\f')
        *p = ' ';
      else if (p[0] == '\xe2' && ((p[1] == '\x80' && p[2] == '\xa9') || is_direction_control (p)))
        memcpy (p, "\xef\xbf\xbd", 3);
    }
  return copy;
}

static void
scan_text (KessanSourcePage *self)
{
  gsize zero = 0;

  g_array_set_size (self->line_starts, 0);
  g_clear_pointer (&self->sanitized, g_free);
  self->text = NULL;
  self->text_length = 0;
  if (self->filing == NULL || kessan_filing_get_text (self->filing) == NULL)
    return;

  self->sanitized = sanitize_text (kessan_filing_get_text (self->filing));
  self->text = self->sanitized != NULL ? self->sanitized : kessan_filing_get_text (self->filing);
  self->text_length = strlen (self->text);
  g_array_append_val (self->line_starts, zero);
  for (const char *p = memchr (self->text, '\n', self->text_length); p != NULL;
       p = memchr (p + 1, '\n', self->text_length - (gsize) (p + 1 - self->text)))
    {
      gsize start = (gsize) (p + 1 - self->text);

      g_array_append_val (self->line_starts, start);
    }
}

/* The gutter: the numbers of the lines in view, drawn when the view
 * scrolls; in a PDF release, the line between two pages shows the
 * number of the page that starts there. */

static gboolean
is_page_break (KessanSourcePage *self,
               guint             line)
{
  const char *text = kessan_filing_get_text (self->filing);

  return text != NULL && line >= 1 && line <= self->line_starts->len
         && text[g_array_index (self->line_starts, gsize, line - 1)] == '\f';
}

static void
draw_gutter (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  KessanSourcePage *self = user_data;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) bold_layout = NULL;
  PangoAttrList *attributes;
  GdkRectangle visible;
  GtkTextIter iter;
  GdkRGBA color;
  int top;

  if (!self->loaded)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  bold_layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (bold_layout, attributes);
  pango_attr_list_unref (attributes);

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_line_at_y (self->text_view, &iter, visible.y, &top);
  for (;;)
    {
      guint line = (guint) gtk_text_iter_get_line (&iter) + 1;
      PangoLayout *number_layout = layout;
      char number[32];
      int y, line_height, window_y, text_width, text_height;
      double alpha = 0.55;

      gtk_text_view_get_line_yrange (self->text_view, &iter, &y, &line_height);
      if (y > visible.y + visible.height)
        break;
      /* A long line wraps: its number goes with its first row. */
      {
        GdkRectangle first_row;

        gtk_text_view_get_iter_location (self->text_view, &iter, &first_row);
        if (first_row.height > 0 && first_row.height < line_height)
          line_height = first_row.height;
      }

      for (guint i = 0; i < self->highlighted->len; i++)
        if (g_array_index (self->highlighted, guint, i) == line)
          {
            number_layout = bold_layout;
            alpha = 1.0;
            break;
          }

      gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_LEFT, 0, y, NULL, &window_y);
      if (is_page_break (self, line))
        {
          /* TRANSLATORS: in the line numbers of a PDF release, where a page starts: "p. 3" */
          g_snprintf (number, sizeof number, _("p. %u"), kessan_filing_get_line_page (self->filing, line));
          number_layout = bold_layout;
        }
      else
        g_snprintf (number, sizeof number, "%u", line);
      pango_layout_set_text (number_layout, number, -1);
      pango_layout_get_pixel_size (number_layout, &text_width, &text_height);
      cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * alpha);
      /* Centred on the line: lines in Japanese are taller than the
       * digits, with the text in their middle. */
      cairo_move_to (cr, width - text_width - GUTTER_PADDING, window_y + (line_height - text_height) / 2);
      pango_cairo_show_layout (cr, number_layout);

      if (!gtk_text_iter_forward_line (&iter))
        break;
    }
}

static void
update_gutter_width (KessanSourcePage *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->gutter), NULL);
  g_autofree char *widest = NULL;
  PangoAttrList *attributes;
  guint digits = 1;
  int width;

  for (guint n = count_lines (self); n >= 10; n /= 10)
    digits++;
  /* Room for four digits at least, so that the text does not move
   * sideways between short and long releases of the same company. */
  widest = g_strnfill (MAX (digits, 4), '0');
  /* Measured in bold, the widest the numbers are drawn. */
  attributes = pango_attr_list_new ();
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_text (layout, widest, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_drawing_area_set_content_width (self->gutter, width + 2 * GUTTER_PADDING);
}

static void
redraw_gutter_cb (KessanSourcePage *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->gutter));
}

/* Highlighted lines */

/* Removes @tag where it is, rather than from the whole text: the view
 * would measure every line of the range again. */
static void
remove_tag (GtkTextBuffer *buffer,
            GtkTextTag    *tag)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (int));
  GtkTextIter iter, end;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    return;
  do
    {
      int offsets[2];

      offsets[0] = gtk_text_iter_get_offset (&iter);
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      offsets[1] = gtk_text_iter_get_offset (&iter);
      g_array_append_vals (ranges, offsets, 2);
    }
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag));

  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_array_index (ranges, int, i));
      gtk_text_buffer_get_iter_at_offset (buffer, &end, g_array_index (ranges, int, i + 1));
      gtk_text_buffer_remove_tag (buffer, tag, &iter, &end);
    }
}

static void
apply_highlight (KessanSourcePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  guint n_lines = count_lines (self);

  remove_tag (buffer, self->highlight_tag);

  for (guint i = 0; i < self->highlighted->len; i++)
    {
      guint line = g_array_index (self->highlighted, guint, i);

      if (line == 0 || line > n_lines)
        continue;
      gtk_text_buffer_get_iter_at_line (buffer, &start, (int) line - 1);
      end = start;
      gtk_text_iter_forward_line (&end);
      gtk_text_buffer_apply_tag (buffer, self->highlight_tag, &start, &end);
    }
  redraw_gutter_cb (self);
}

/* Scrolling
 *
 * The view measures its lines in the background, from the top, which
 * takes a while for a long release: until then it counts the lines it
 * has not measured as having no height, so that the place of a line far
 * down is unknown.  A scroll to a mark is carried out when the view
 * next measures lines that changed, after measuring the lines around
 * the mark: changing the target's line with the "measure" tag has that
 * happen at once.  Then, as the view measures the lines above, the page
 * keeps the target in the middle of the view, until the reader scrolls,
 * clicks or types. */

static void
center_target (KessanSourcePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (self->scrolled_window);
  GdkRectangle location;
  GtkTextIter iter;
  int height;

  if (self->centering)
    return;
  self->centering = TRUE;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, self->scroll_mark);
  /* A target not measured yet waits for the view's own scroll to it. */
  gtk_text_view_get_line_yrange (self->text_view, &iter, NULL, &height);
  if (height == 0)
    {
      self->centering = FALSE;
      return;
    }

  /* Scrolling makes the view measure the lines now in view, which moves
   * the target again: a few rounds settle it. */
  for (guint round = 0; round < 3; round++)
    {
      double page = gtk_adjustment_get_page_size (vadjustment);
      double value, limit;
      int y;

      gtk_text_view_get_line_yrange (self->text_view, &iter, &y, &height);
      value = y + height / 2.0 - page / 2.0 + gtk_text_view_get_top_margin (self->text_view);
      limit = MAX (gtk_adjustment_get_lower (vadjustment), gtk_adjustment_get_upper (vadjustment) - page);
      value = CLAMP (value, gtk_adjustment_get_lower (vadjustment), limit);
      if (ABS (gtk_adjustment_get_value (vadjustment) - value) < 1)
        break;
      gtk_adjustment_set_value (vadjustment, value);
    }

  /* Across: a line from its start, a match so that it is in view. */
  if (gtk_text_iter_starts_line (&iter))
    gtk_adjustment_set_value (hadjustment, 0);
  else
    {
      double page = gtk_adjustment_get_page_size (hadjustment);
      double value = gtk_adjustment_get_value (hadjustment);

      gtk_text_view_get_iter_location (self->text_view, &iter, &location);
      if (location.x < value || location.x + location.width > value + page)
        gtk_adjustment_set_value (hadjustment, location.x - page / 3);
    }

  self->centering = FALSE;
}

/* Has the view measure the lines around the target and scroll to it.
 * This waits for the end of the frame that handles an event or maps
 * the page: the view would otherwise measure while the frame lays out
 * widgets, and change its scroll bars after they have been placed. */
static gboolean
measure_idle_cb (gpointer user_data)
{
  KessanSourcePage *self = user_data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  self->measure_source = 0;
  if (!self->pinned || !self->loaded)
    return G_SOURCE_REMOVE;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, self->scroll_mark);
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE,
                                gtk_text_iter_starts_line (&start) ? 0.0 : 0.3, 0.5);
  gtk_text_iter_set_line_offset (&start, 0);
  end = start;
  gtk_text_iter_forward_line (&end);
  gtk_text_buffer_apply_tag (buffer, self->measure_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->measure_tag, &start, &end);
  return G_SOURCE_REMOVE;
}

/* Scrolls @iter to the middle of the view and keeps it there. */
static void
pin_target (KessanSourcePage  *self,
            const GtkTextIter *iter)
{
  int height;

  gtk_text_buffer_move_mark (gtk_text_view_get_buffer (self->text_view), self->scroll_mark, iter);
  self->pinned = TRUE;
  gtk_text_view_get_line_yrange (self->text_view, iter, NULL, &height);
  if (height > 0)
    center_target (self);
  else if (self->measure_source == 0)
    self->measure_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, measure_idle_cb, self, NULL);
}

/* Scrolls the first highlighted line to the middle of the view.  When
 * the page is about to be shown, the view does not have its size yet:
 * the line comes to the middle when it gets it. */
static void
scroll_to_highlight (KessanSourcePage *self)
{
  GtkTextIter iter;
  guint line;

  if (self->highlighted->len == 0 || count_lines (self) == 0)
    return;
  line = CLAMP (g_array_index (self->highlighted, guint, 0), 1, count_lines (self));
  gtk_text_buffer_get_iter_at_line (gtk_text_view_get_buffer (self->text_view), &iter, (int) line - 1);
  pin_target (self, &iter);
}

static gboolean
center_idle_cb (gpointer user_data)
{
  KessanSourcePage *self = user_data;

  self->center_source = 0;
  if (self->pinned)
    center_target (self);
  return G_SOURCE_REMOVE;
}

static void
adjustment_changed_cb (KessanSourcePage *self)
{
  redraw_gutter_cb (self);
  if (self->pinned && self->center_source == 0)
    self->center_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, center_idle_cb, self, NULL);
}

/* The reader takes over the scrolling. */
static gboolean
user_event_cb (KessanSourcePage *self,
               GdkEvent         *event)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_SCROLL:
    case GDK_KEY_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCHPAD_SWIPE:
      self->pinned = FALSE;
      break;

    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/* Search */

static gssize
find_forward (const char *text,
              gsize       length,
              const char *needle,
              gsize       needle_length,
              gsize       from)
{
  char first = g_ascii_tolower (needle[0]);

  /* Letters are compared without case in ASCII only: the bytes of other
   * characters, and so Japanese text, must match exactly, and a match
   * cannot start inside a character since the needle starts at one. */
  for (gsize i = from; i + needle_length <= length; i++)
    if (g_ascii_tolower (text[i]) == first && g_ascii_strncasecmp (text + i, needle, needle_length) == 0)
      return (gssize) i;
  return -1;
}

static void
clear_match (KessanSourcePage *self)
{
  if (self->match_start >= 0 && self->loaded)
    {
      remove_tag (gtk_text_view_get_buffer (self->text_view), self->match_tag);
      remove_tag (gtk_text_view_get_buffer (self->text_view), self->other_match_tag);
    }
  self->match_start = -1;
}

/* A match already in view stays where it is; another one comes to the
 * middle of the view. */
static void
scroll_to_match (KessanSourcePage  *self,
                 const GtkTextIter *match)
{
  GdkRectangle visible, location;
  int height;

  /* The place of a line not measured yet is a guess. */
  gtk_text_view_get_line_yrange (self->text_view, match, NULL, &height);
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_iter_location (self->text_view, match, &location);
  if (height > 0 && location.y >= visible.y && location.y + location.height <= visible.y + visible.height
      && location.x >= visible.x && location.x + location.width <= visible.x + visible.width)
    {
      self->pinned = FALSE;
      return;
    }
  pin_target (self, match);
}

/* Finds the next (or previous) match from @from, going round the end of
 * the text, and shows which of how many it is. */
static void
find (KessanSourcePage *self,
      gsize             from,
      gboolean          backwards)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gsize needle_length = strlen (needle);
  gssize found = -1;
  gssize last_before = -1;
  gssize first = -1;
  gssize last = -1;
  guint n_matches = 0;
  guint index = 0;

  clear_match (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  if (needle_length == 0 || !self->loaded)
    {
      gtk_label_set_text (self->match_label, "");
      return;
    }

  /* One pass counts the matches and finds the one to show. */
  for (gssize at = find_forward (self->text, self->text_length, needle, needle_length, 0);
       at >= 0;
       at = find_forward (self->text, self->text_length, needle, needle_length, (gsize) at + 1))
    {
      n_matches++;
      if (first < 0)
        first = at;
      last = at;
      if (!backwards && found < 0 && (gsize) at >= from)
        {
          found = at;
          index = n_matches;
        }
      if (backwards && (gsize) at < from)
        {
          last_before = at;
          index = n_matches;
        }
    }

  if (n_matches == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
      gtk_label_set_text (self->match_label, _("No matches"));
      return;
    }
  if (backwards)
    found = last_before;
  if (found < 0)
    {
      found = backwards ? last : first;
      index = backwards ? n_matches : 1;
    }

  {
    g_autofree char *count = NULL;
    GtkTextIter start, end;

    /* TRANSLATORS: the current search match and how many there are: "3 of 17" */
    count = g_strdup_printf (_("%u of %u"), index, n_matches);
    gtk_label_set_text (self->match_label, count);

    self->match_start = found;
    /* Every match is marked, the current one more strongly; a search
     * matching nearly everything marks the first ones only, so that
     * typing stays quick. */
    {
      guint n_marked = 0;

      for (gssize at = first; at >= 0 && n_marked < MAX_MARKED_MATCHES;
           at = find_forward (self->text, self->text_length, needle, needle_length, (gsize) at + 1))
        {
          if (at == found)
            continue;
          iter_at_offset (self, &start, (gsize) at);
          iter_at_offset (self, &end, (gsize) at + needle_length);
          gtk_text_buffer_apply_tag (buffer, self->other_match_tag, &start, &end);
          n_marked++;
        }
    }
    iter_at_offset (self, &start, (gsize) found);
    iter_at_offset (self, &end, (gsize) found + needle_length);
    scroll_to_match (self, &start);
    gtk_text_buffer_select_range (buffer, &start, &end);
    gtk_text_buffer_apply_tag (buffer, self->match_tag, &start, &end);
  }
}

/* Where a new search starts: at the current match, or at the top of
 * what is in view, so that the first match shown is the one the reader
 * expects. */
static gsize
search_origin (KessanSourcePage *self)
{
  GdkRectangle visible;
  GtkTextIter iter;
  guint line;

  if (self->match_start >= 0)
    return (gsize) self->match_start;
  if (count_lines (self) == 0)
    return 0;
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  gtk_text_view_get_line_at_y (self->text_view, &iter, visible.y, NULL);
  line = MIN ((guint) gtk_text_iter_get_line (&iter), count_lines (self) - 1);
  return g_array_index (self->line_starts, gsize, line);
}

static void
search_changed_cb (KessanSourcePage *self)
{
  find (self, search_origin (self), FALSE);
}

static void
next_match_cb (KessanSourcePage *self)
{
  gssize current = self->match_start;

  find (self, current >= 0 ? (gsize) current + 1 : search_origin (self), FALSE);
}

static void
previous_match_cb (KessanSourcePage *self)
{
  find (self, self->match_start >= 0 ? (gsize) self->match_start : search_origin (self), TRUE);
}

static void
stop_search_cb (KessanSourcePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Loading */

/* A release by its period and company: "2Q FY2003 · Internet Initiative Japan Inc." */
static char *
describe_release (KessanFiling *filing)
{
  const char *company = kessan_filing_get_company (filing);
  g_autofree char *period = kessan_filing_dup_period_name (filing);

  /* TRANSLATORS: a release: its period and company, "2Q FY2003 · Internet Initiative Japan Inc." */
  return g_strdup_printf (_("%s · %s"), period, company != NULL ? company : _("Unknown company"));
}

static void
update_header (KessanSourcePage *self)
{
  g_autofree char *lines = NULL;
  g_autofree char *count = NULL;
  g_autofree char *details = NULL;
  const char *encoding;
  guint n_lines = count_lines (self);
  guint n_pages;

  if (self->filing == NULL)
    return;

  /* The empty line after the final line end is not a line of the release. */
  if (n_lines > 0 && g_array_index (self->line_starts, gsize, n_lines - 1) == self->text_length)
    n_lines--;
  encoding = kessan_filing_get_source_encoding (self->filing);
  count = kessan_format_number (n_lines, 0, KESSAN_NEGATIVE_MINUS);
  /* TRANSLATORS: the length of a release's text: "1,026 lines" */
  lines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s line", "%s lines", n_lines), count);
  n_pages = kessan_filing_get_n_pages (self->filing);
  if (n_pages > 0)
    {
      g_autofree char *pages = NULL;

      /* TRANSLATORS: the pages of a release read from PDF: "14 pages" */
      pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
      /* TRANSLATORS: a PDF release's pages and the lines of its text: "PDF · 14 pages · 1,026 lines" */
      details = g_strdup_printf (_("PDF · %s · %s"), pages, lines);
    }
  else
    /* TRANSLATORS: the encoding of a release's file and its length: "Shift_JIS · 1,026 lines" */
    details = g_strdup_printf (_("%s · %s"), encoding != NULL ? encoding : _("Unknown encoding"), lines);

  /* The release by what it is; its file among the details. */
  {
    g_autofree char *title = describe_release (self->filing);
    g_autofree char *file_details = NULL;
    g_autofree char *safe_name = kessan_display_text (kessan_filing_get_source_name (self->filing) != NULL
                                                      ? kessan_filing_get_source_name (self->filing) : _("Unnamed release"),
                                                      KESSAN_DISPLAY_MAX_CHARS);

    /* TRANSLATORS: the file of a release, then its encoding and length:
     * "003.txt · Shift_JIS · 1,026 lines" */
    file_details = g_strdup_printf (_("%s · %s"), safe_name, details);
    gtk_label_set_text (self->name_label, title);
    gtk_label_set_text (self->details_label, file_details);
  }
}

/* Appends the next pieces of the text to the view; TRUE when it is all in. */
static gboolean
load_pieces (KessanSourcePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gint64 until = g_get_monotonic_time () + LOAD_STEP_USEC;

  do
    {
      gsize end = MIN (self->loaded_length + LOAD_PIECE_BYTES, self->text_length);
      GtkTextIter iter;

      /* Whole lines, so that a piece never ends inside a character. */
      if (end < self->text_length)
        {
          const char *newline = memchr (self->text + end, '\n', self->text_length - end);

          end = newline != NULL ? (gsize) (newline + 1 - self->text) : self->text_length;
        }
      gtk_text_buffer_get_end_iter (buffer, &iter);
      gtk_text_buffer_insert (buffer, &iter, self->text + self->loaded_length, (int) (end - self->loaded_length));
      self->loaded_length = end;
    }
  while (self->loaded_length < self->text_length && g_get_monotonic_time () < until);

  return self->loaded_length >= self->text_length;
}

/* Selects the number asked for, or puts the cursor at the start of its
 * line, and gives the text the focus: the reader goes on from there. */
static void
apply_span (KessanSourcePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  if (self->span_line == 0 || self->span_line > count_lines (self))
    return;
  gtk_text_buffer_get_iter_at_line (buffer, &start, (int) self->span_line - 1);
  end = start;
  if (self->span_start >= 0 && self->span_start < gtk_text_iter_get_chars_in_line (&start))
    {
      gtk_text_iter_set_line_offset (&start, self->span_start);
      end = start;
      gtk_text_iter_forward_chars (&end, self->span_length);
    }
  gtk_text_buffer_select_range (buffer, &end, &start);
  self->span_line = 0;
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
finish_loading (KessanSourcePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start;

  self->loaded = TRUE;
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  gtk_widget_queue_draw (GTK_WIDGET (self->gutter));

  update_gutter_width (self);
  if (self->highlighted->len > 0)
    scroll_to_highlight (self);
  apply_highlight (self);
  apply_span (self);
  if (self->highlighted->len == 0)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
      gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scrolled_window), 0);
      /* The search goes on in the new text, from its start. */
      if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
        find (self, 0, FALSE);
    }
}

static gboolean
load_idle_cb (gpointer user_data)
{
  KessanSourcePage *self = user_data;

  if (!load_pieces (self))
    return G_SOURCE_CONTINUE;
  self->load_source = 0;
  g_debug ("Loaded %u lines", count_lines (self));
  finish_loading (self);
  return G_SOURCE_REMOVE;
}

static void
stop_loading (KessanSourcePage *self)
{
  g_clear_handle_id (&self->load_source, g_source_remove);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  self->loaded = FALSE;
  self->loaded_length = 0;
}

/* The first pieces go in at once: a release of a usual length is then
 * shown whole, with its highlight, before the page is first drawn. */
static void
load_text (KessanSourcePage *self)
{
  if (self->load_source != 0)
    return;

  if (load_pieces (self))
    {
      g_debug ("Loaded %u lines", count_lines (self));
      finish_loading (self);
      return;
    }
  /* The search would find only part of the text until it is all in. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
  self->load_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, load_idle_cb, self, NULL);
}

static void
update_actions (KessanSourcePage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.find", self->filing != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.find-next", self->filing != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source.find-previous", self->filing != NULL);
}

void
kessan_source_page_set_filing (KessanSourcePage *self,
                               KessanFiling     *filing)
{
  g_return_if_fail (KESSAN_IS_SOURCE_PAGE (self));
  g_return_if_fail (filing == NULL || KESSAN_IS_FILING (filing));

  if (!g_set_object (&self->filing, filing))
    return;

  stop_loading (self);
  clear_match (self);
  gtk_label_set_text (self->match_label, "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  g_array_set_size (self->highlighted, 0);
  self->pinned = FALSE;
  self->span_line = 0;
  scan_text (self);
  update_header (self);
  gtk_stack_set_visible_child_name (self->stack, filing != NULL ? "text" : "empty");
  update_actions (self);

  /* The text goes into the view when the page is shown: choosing a
   * release in the library should not wait for a page not in view. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  if (filing != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    load_text (self);
}

void
kessan_source_page_show_lines (KessanSourcePage *self,
                               const guint      *lines,
                               guint             n_lines)
{
  g_return_if_fail (KESSAN_IS_SOURCE_PAGE (self));
  g_return_if_fail (lines != NULL || n_lines == 0);

  g_array_set_size (self->highlighted, 0);
  g_array_append_vals (self->highlighted, lines, n_lines);
  self->pinned = FALSE;

  if (!self->loaded)
    return;   /* load_text() highlights and scrolls */
  scroll_to_highlight (self);
  apply_highlight (self);
}

/**
 * kessan_source_page_select_span:
 * @self: a #KessanSourcePage
 * @line: a line of the source (1-based)
 * @start: where the span starts in the line, in characters; -1 for none
 * @length: its length in characters
 *
 * Highlights @line, selects the span in it (a number of a statement)
 * and moves the keyboard focus to the text.
 */
void
kessan_source_page_select_span (KessanSourcePage *self,
                                guint             line,
                                int               start,
                                int               length)
{
  g_return_if_fail (KESSAN_IS_SOURCE_PAGE (self));

  kessan_source_page_show_lines (self, &line, 1);
  self->span_line = line;
  self->span_start = start;
  self->span_length = MAX (length, 0);
  if (self->loaded)
    apply_span (self);
}

const guint *
kessan_source_page_get_highlighted (KessanSourcePage *self,
                                    guint            *n_lines)
{
  g_return_val_if_fail (KESSAN_IS_SOURCE_PAGE (self), NULL);
  g_return_val_if_fail (n_lines != NULL, NULL);

  *n_lines = self->highlighted->len;
  return (const guint *) (gpointer) self->highlighted->data;
}

KessanFiling *
kessan_source_page_get_filing (KessanSourcePage *self)
{
  g_return_val_if_fail (KESSAN_IS_SOURCE_PAGE (self), NULL);

  return self->filing;
}

/* Actions */

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KessanSourcePage *self = KESSAN_SOURCE_PAGE (widget);

  if (self->filing == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  next_match_cb (KESSAN_SOURCE_PAGE (widget));
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  previous_match_cb (KESSAN_SOURCE_PAGE (widget));
}

static void
kessan_source_page_map (GtkWidget *widget)
{
  KessanSourcePage *self = KESSAN_SOURCE_PAGE (widget);

  GTK_WIDGET_CLASS (kessan_source_page_parent_class)->map (widget);

  if (self->filing != NULL && !self->loaded)
    load_text (self);
}

static void
kessan_source_page_dispose (GObject *object)
{
  KessanSourcePage *self = KESSAN_SOURCE_PAGE (object);

  g_clear_handle_id (&self->center_source, g_source_remove);
  g_clear_handle_id (&self->measure_source, g_source_remove);
  g_clear_handle_id (&self->load_source, g_source_remove);
  /* The stack is both a template child and the child of the AdwBin:
   * the bin lets go of it first, so that it is unparented only once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KESSAN_TYPE_SOURCE_PAGE);
  self->text = NULL;
  g_clear_object (&self->filing);

  G_OBJECT_CLASS (kessan_source_page_parent_class)->dispose (object);
}

static void
kessan_source_page_finalize (GObject *object)
{
  KessanSourcePage *self = KESSAN_SOURCE_PAGE (object);

  g_clear_pointer (&self->highlighted, g_array_unref);
  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->sanitized, g_free);

  G_OBJECT_CLASS (kessan_source_page_parent_class)->finalize (object);
}

static void
kessan_source_page_class_init (KessanSourcePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kessan_source_page_dispose;
  object_class->finalize = kessan_source_page_finalize;
  widget_class->map = kessan_source_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kessan/Kessan/ui/kessan-source-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KessanSourcePage, stack);
  gtk_widget_class_bind_template_child (widget_class, KessanSourcePage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KessanSourcePage, details_label);
  gtk_widget_class_bind_template_child (widget_class, KessanSourcePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KessanSourcePage, match_label);
  gtk_widget_class_bind_template_child (widget_class, KessanSourcePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KessanSourcePage, text_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "source.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "source.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "source.find-previous", NULL, find_previous_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "source.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "source.find-previous", NULL);
}

static void
kessan_source_page_init (KessanSourcePage *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkAdjustment *vadjustment;
  GtkEventController *controller;
  /* libadwaita's accent blue and yellow, the same in the light and the
   * dark style; translucent, so that the text keeps its own colour. */
  const GdkRGBA highlight = { 0.208f, 0.518f, 0.894f, 0.25f };
  const GdkRGBA match = { 0.902f, 0.380f, 0.0f, 0.55f };
  const GdkRGBA other_match = { 0.965f, 0.827f, 0.176f, 0.45f };

  self->highlighted = g_array_new (FALSE, FALSE, sizeof (guint));
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->match_start = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  self->highlight_tag = gtk_text_buffer_create_tag (buffer, "highlight", "paragraph-background-rgba", &highlight, NULL);
  self->other_match_tag = gtk_text_buffer_create_tag (buffer, "other-match", "background-rgba", &other_match, NULL);
  /* Created last, so that it has the higher priority. */
  self->match_tag = gtk_text_buffer_create_tag (buffer, "match", "background-rgba", &match, NULL);
  /* The default spacing: setting it makes the tag one that changes the
   * size of lines, so that the view measures the lines it touches. */
  self->measure_tag = gtk_text_buffer_create_tag (buffer, "measure", "pixels-above-lines", 0, NULL);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, "scroll", &start, TRUE);

  self->gutter = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->gutter), "source-gutter");
  gtk_drawing_area_set_draw_func (self->gutter, draw_gutter, self, NULL);
  gtk_text_view_set_gutter (self->text_view, GTK_TEXT_WINDOW_LEFT, GTK_WIDGET (self->gutter));

  /* Ctrl+F is also the window's shortcut to search the library, which
   * would come first as a class binding of the page; a shortcut managed
   * by the window takes its turn while the page is shown, and leaves the
   * key to the window when there is no text to search. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("source.find")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (user_event_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scrolled_window), controller);

  update_actions (self);

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  g_signal_connect_object (vadjustment, "value-changed", G_CALLBACK (redraw_gutter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vadjustment, "changed", G_CALLBACK (adjustment_changed_cb), self, G_CONNECT_SWAPPED);
}
