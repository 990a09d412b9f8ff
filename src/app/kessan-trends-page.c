/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-trends"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kessan-display-text.h"
#include "kessan-display-settings.h"
#include "kessan-key-list.h"
#include "kessan-series-builder.h"
#include "kessan-trends-page.h"

#include "kessan-accessible.h"
#include "kessan-trends-table.h"
#include "kessan-window.h"

/* Every release of the library merged into one table: a row per concept,
 * a column per period, oldest first.  The series are built in a thread
 * (KessanSeriesSet, see docs/series.md) together with both layouts of the
 * table (kessan-trends-table.c), so that neither a change of the library
 * nor the period switch makes the interface wait.  A cell allocates its
 * text and nothing else; a tooltip is written only when asked for. */

#define RESTATED_MARKER      "⁕"
#define INCONSISTENT_MARKER  "≠"
#define MAX_TOOLTIP_RELEASES 12
#define LABEL_MIN_WIDTH      220  /* the labels' column fits its labels, within these */
#define LABEL_MAX_WIDTH      440
#define MEASURED_ROWS        400  /* rows sampled for the width of the labels */
#define LABEL_COLUMN         G_MAXUINT
#define VALUE_WIDTH          104  /* at least, wider when a title needs it */
#define HEADER_PADDING       28   /* around a column title, with room to spare */
#define INDENT               12

struct _KessanTrendsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkStack           *content_stack;
  GtkToggleButton    *quarters_button;
  GtkToggleButton    *years_button;
  GtkSearchEntry     *search_entry;
  GtkSpinner         *busy_spinner;
  GtkScrolledWindow  *scroller;
  GtkColumnView      *column_view;
  GtkScrollbar       *period_scrollbar;
  GtkAdjustment      *period_adjustment;
  GtkLabel           *section_label;

  /* Owned */
  KessanSeriesBuilder *builder;
  GSettings          *settings;
  KessanTrendsResult *result;
  char               *amount_caption;  /* "JPY millions", in the company's currency */
  KessanCalendar      calendar;        /* the company's, which names the periods */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  char               *needle;       /* the search, case-folded, or NULL */
  gboolean            group_matches[KESSAN_TRENDS_N_GROUPS];

  /* Borrowed */
  KessanWindow       *window;       /* to tell a library still loading from an empty one */

  KessanTrendsLayout  mode;
  KessanLabelLanguage label_language;
  KessanNegativeStyle negative_style;

  /* The window of periods shown: a column view keeps a widget for every
   * cell of a row it shows, so it holds only the columns that fit. */
  guint               first_period;
  guint               n_shown;
  int                 width;
  int                 value_width;  /* of a period column */
  int                 label_width;  /* of the labels' column */
  guint               layout_source;
  guint               section_source;

  /* The current cell: a row of the filtered rows, and a period or the
   * labels (LABEL_COLUMN); -1 for no row. */
  int                 current_row;
  guint               current_period;
};

G_DEFINE_FINAL_TYPE (KessanTrendsPage, kessan_trends_page, ADW_TYPE_BIN)

/* In the builder's thread. */
static gpointer
build_trends (KessanSeriesSet *set,
              GCancellable    *cancellable,
              gpointer         user_data)
{
  return kessan_trends_result_build (set, cancellable);
}

/* Cells */

static KessanTrendsTable *
current_table (KessanTrendsPage *self)
{
  return self->result != NULL ? self->result->tables[self->mode] : NULL;
}

static KessanTrendsRow *
row_of_item (KessanTrendsPage *self,
             gpointer          item)
{
  KessanTrendsTable *table = current_table (self);

  if (table == NULL || !GTK_IS_STRING_OBJECT (item))
    return NULL;
  return g_hash_table_lookup (table->by_key, gtk_string_object_get_string (item));
}

/* The rows are concepts, named as the dictionary names them. */
static gboolean
use_japanese (KessanTrendsPage *self)
{
  return kessan_label_language_japanese_first (self->label_language);
}

/* Returns: (transfer full): the label in the language chosen. */
static char *
row_label (KessanTrendsPage      *self,
           const KessanTrendsRow *row)
{
  const char *first_label = use_japanese (self) ? row->label_ja : row->label_en;
  const char *second_label = use_japanese (self) ? row->label_en : row->label_ja;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (row->heading)
    return g_strdup (kessan_trends_group_title (row->kind));
  /* Labels come from the releases: shown safe and bounded. */
  if (first_label != NULL)
    first = kessan_display_text (first_label, KESSAN_DISPLAY_MAX_CHARS);
  if (second_label != NULL)
    second = kessan_display_text (second_label, KESSAN_DISPLAY_MAX_CHARS);
  if (first == NULL)
    return g_steal_pointer (&second);
  if (self->label_language == KESSAN_LABELS_BOTH && second != NULL && strcmp (first, second) != 0)
    /* TRANSLATORS: a line item labelled in both languages */
    return g_strdup_printf (_("%s / %s"), first, second);
  return g_steal_pointer (&first);
}

static const char *
unit_caption (KessanTrendsPage *self,
              KessanUnit        unit)
{
  switch (unit)
    {
    case KESSAN_UNIT_CURRENCY:
      return self->amount_caption;
    case KESSAN_UNIT_PERCENT:
      return "%";
    case KESSAN_UNIT_GBPS:
      return _("Gbps");
    case KESSAN_UNIT_COUNT:
      /* TRANSLATORS: the unit of a number of contracts or users */
      return _("count");
    default:
      return "";
    }
}

static char *
format_value (KessanTrendsPage *self,
              KessanUnit        unit,
              double            value,
              guint             decimals)
{
  if (unit == KESSAN_UNIT_CURRENCY)
    value /= 1e6;
  return kessan_format_number (value, decimals, self->negative_style);
}

/* The current cell and what a screen reader says of a cell */

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* "Total revenues, 2Q FY2003: 9,185.3 JPY millions, restated", or for
 * the labels' column the row and whether it is a total or heading. */
static char *
describe_cell (KessanTrendsPage      *self,
               const KessanTrendsRow *row,
               guint                  column)
{
  KessanTrendsTable *table = current_table (self);
  g_autofree char *label = row_label (self, row);
  const KessanSeriesPoint *point;
  g_autofree char *value = NULL;
  GString *text;

  if (column == LABEL_COLUMN || row->heading)
    {
      if (row->heading)
        /* TRANSLATORS: what a screen reader says of a group of rows of the Trends table */
        return g_strdup_printf (_("%s, heading"), label);
      if (row->total)
        return g_strdup_printf ("%s, %s", label, _("total row"));
      return g_steal_pointer (&label);
    }
  point = table != NULL && column < table->periods->len ? row->points[column] : NULL;
  text = g_string_new (NULL);
  if (point == NULL)
    {
      g_string_append_printf (text, _("%s, %s: %s"), label, (char *) g_ptr_array_index (table->titles, column),
                              _("no value"));
      return g_string_free (text, FALSE);
    }
  value = format_value (self, row->unit, kessan_series_point_get_value (point), row->decimals);
  g_string_append_printf (text, _("%s, %s: %s %s"), label, (char *) g_ptr_array_index (table->titles, column),
                          value, unit_caption (self, row->unit));
  if (row->total)
    g_string_append_printf (text, ", %s", _("total"));
  if (kessan_series_point_get_derived (point))
    g_string_append_printf (text, ", %s", _("computed by Kessan"));
  else if (kessan_series_point_get_restated (point))
    /* TRANSLATORS: what a screen reader says of a value releases print differently */
    g_string_append_printf (text, ", %s", _("restated"));
  else if (kessan_series_point_get_inconsistent (point))
    /* TRANSLATORS: what a screen reader says of a value the tables of one release print differently */
    g_string_append_printf (text, ", %s", _("printed differently in one release"));
  return g_string_free (text, FALSE);
}

static void
mark_current (KessanTrendsPage *self,
              GtkWidget        *child)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (child), "item");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "column"));
  GtkWidget *cell = gtk_widget_get_parent (child);
  gboolean current;

  if (cell == NULL)
    return;
  current = item != NULL && column == self->current_period
            && (int) gtk_list_item_get_position (item) == self->current_row;
  set_class (cell, "current-cell", current);
  gtk_accessible_update_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_SELECTED, current, -1);
}

/* Names the cell widget around @child, and its row from the labels. */
static void
name_cell (KessanTrendsPage      *self,
           GtkWidget             *child,
           const KessanTrendsRow *row,
           guint                  column)
{
  GtkWidget *cell = gtk_widget_get_parent (child);
  g_autofree char *name = NULL;

  mark_current (self, child);
  if (cell == NULL)
    return;
  name = describe_cell (self, row, column);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (column == LABEL_COLUMN && gtk_widget_get_parent (cell) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (cell)), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
mark_current_cells (KessanTrendsPage *self,
                    GtkWidget        *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), "kessan-cell") != NULL)
        mark_current (self, child);
      else
        mark_current_cells (self, child);
    }
}

static GtkWidget *
find_current_cell (KessanTrendsPage *self,
                   GtkWidget        *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), "kessan-cell") != NULL)
        {
          GtkListItem *item = g_object_get_data (G_OBJECT (child), "item");

          if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "column")) == self->current_period
              && item != NULL && (int) gtk_list_item_get_position (item) == self->current_row)
            return child;
        }
      else
        {
          GtkWidget *found = find_current_cell (self, child);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

/* The focus goes to the row of the current cell once the view has
 * scrolled to it, a frame or a few later. */
static gboolean
focus_current_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  KessanTrendsPage *self = KESSAN_TRENDS_PAGE (widget);
  GtkWidget *cell = find_current_cell (self, GTK_WIDGET (self->column_view));
  guint tries = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "focus-tries"));

  if (cell != NULL && gtk_widget_get_parent (cell) != NULL && gtk_widget_get_parent (gtk_widget_get_parent (cell)) != NULL)
    {
      gtk_widget_grab_focus (gtk_widget_get_parent (gtk_widget_get_parent (cell)));
      return G_SOURCE_REMOVE;
    }
  g_object_set_data (G_OBJECT (self), "focus-tries", GUINT_TO_POINTER (tries + 1));
  return tries < 30 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
focus_current_cell (KessanTrendsPage *self)
{
  if (self->current_row < 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", (guint) self->current_row);
  g_object_set_data (G_OBJECT (self), "focus-tries", GUINT_TO_POINTER (0));
  if (focus_current_tick_cb (GTK_WIDGET (self), NULL, NULL) == G_SOURCE_CONTINUE)
    gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_current_tick_cb, NULL, NULL);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *unit = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_overflow (box, GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (unit, "caption");
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), unit);
  g_object_set_data (G_OBJECT (box), "item", item);
  g_object_set_data (G_OBJECT (box), "column", GUINT_TO_POINTER (LABEL_COLUMN));
  g_object_set_data (G_OBJECT (box), "kessan-cell", GINT_TO_POINTER (TRUE));
  gtk_list_item_set_child (item, box);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  KessanTrendsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  KessanTrendsRow *row = row_of_item (self, gtk_list_item_get_item (item));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *unit = gtk_widget_get_last_child (box);
  g_autofree char *text = NULL;

  if (row == NULL)
    return;
  text = row_label (self, row);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_text (GTK_LABEL (unit), row->heading ? "" : unit_caption (self, row->unit));
  gtk_widget_set_margin_start (label, row->heading ? 0 : INDENT * (int) (row->depth + 1));
  if (row->heading || row->total)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
  if (row->heading)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  /* The whole label, for one the column cuts short. */
  gtk_widget_set_tooltip_text (box, row->heading ? NULL : text);
  name_cell (self, box, row, LABEL_COLUMN);
}

static gboolean query_value_tooltip_cb (GtkWidget  *label,
                                        int         x,
                                        int         y,
                                        gboolean    keyboard,
                                        GtkTooltip *tooltip,
                                        gpointer    user_data);

/* A click makes the value current. */
static void
value_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkWidget       *label)
{
  KessanTrendsPage *self = KESSAN_TRENDS_PAGE (gtk_widget_get_ancestor (label, KESSAN_TYPE_TRENDS_PAGE));
  GtkListItem *item = g_object_get_data (G_OBJECT (label), "item");

  self->current_row = (int) gtk_list_item_get_position (item);
  self->current_period = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));
  mark_current_cells (self, GTK_WIDGET (self->column_view));
}

static void
setup_value_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkGesture *click;

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  /* The tooltip is written when asked for: it needs the item and the
   * period, not a string made for every cell. */
  g_object_set_data (G_OBJECT (label), "item", item);
  g_object_set_data (G_OBJECT (label), "column", user_data);
  g_object_set_data (G_OBJECT (label), "kessan-cell", GINT_TO_POINTER (TRUE));
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_value_tooltip_cb), NULL);
  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (value_pressed_cb), label);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, label);
}

static void
bind_value_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  KessanTrendsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  KessanTrendsTable *table = current_table (self);
  KessanTrendsRow *row = row_of_item (self, gtk_list_item_get_item (item));
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  const KessanSeriesPoint *point = NULL;
  g_autofree char *text = NULL;
  gboolean restated = FALSE, inconsistent = FALSE, derived = FALSE;

  if (row != NULL && !row->heading && column < table->periods->len)
    point = row->points[column];

  if (point != NULL)
    {
      restated = kessan_series_point_get_restated (point);
      inconsistent = !restated && kessan_series_point_get_inconsistent (point);
      derived = kessan_series_point_get_derived (point);
      text = format_value (self, row->unit, kessan_series_point_get_value (point), row->decimals);
      /* The marker goes before the number, so that the digits stay
       * aligned with those of the other rows. */
      if (restated || inconsistent)
        {
          char *marked = g_strconcat (restated ? RESTATED_MARKER " " : INCONSISTENT_MARKER " ", text, NULL);

          g_free (text);
          text = marked;
        }
    }
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  set_class (label, "restated", restated);
  set_class (label, "inconsistent", inconsistent);
  set_class (label, "computed", derived);
  set_class (label, "heading", row != NULL && row->total);
  if (row != NULL)
    name_cell (self, label, row, column);
}

/* Tooltips */

static guint
digits_of (guint ratio)
{
  guint digits = 0;

  for (; ratio >= 10; ratio /= 10)
    digits++;
  return digits;
}

/* A figure as one release prints it, in the unit of the table but with
 * every digit printed: 9,185.259 for 9,185,259 thousand yen. */
static char *
format_observation (KessanTrendsPage              *self,
                    KessanUnit                     unit,
                    const KessanSeriesObservation *observation)
{
  guint decimals = kessan_series_observation_get_decimals (observation);
  guint scale = MAX (kessan_series_observation_get_scale (observation), 1);

  if (unit == KESSAN_UNIT_CURRENCY)
    {
      if (scale < 1000000)
        decimals += digits_of (1000000 / scale);
      else
        decimals -= MIN (decimals, digits_of (scale / 1000000));
    }
  return format_value (self, unit, kessan_series_observation_get_value (observation), decimals);
}

static char *
describe_release (KessanFiling *filing)
{
  const char *released = kessan_filing_get_released (filing);
  const char *name = kessan_filing_get_source_name (filing);
  g_autofree char *date = released != NULL ? kessan_format_period (released, 0) : NULL;

  if (name == NULL)
    name = _("unnamed release");
  if (date == NULL)
    /* TRANSLATORS: a release file that gives no release date */
    return g_strdup_printf (_("%s, no release date"), name);
  /* TRANSLATORS: a release file and its date: "003.txt, released Nov 21, 2003" */
  return g_strdup_printf (_("%s, released %s"), name, date);
}

static void
append_inputs (KessanTrendsPage        *self,
               GString                 *text,
               const KessanSeriesPoint *point)
{
  KessanTrendsTable *table = current_table (self);

  for (guint i = 0; i < kessan_series_point_get_n_inputs (point); i++)
    {
      const KessanSeriesPoint *input = kessan_series_point_get_input (point, i);
      KessanTrendsRow *row = g_hash_table_lookup (table->by_key, kessan_series_point_get_concept (input));
      g_autofree char *label = row != NULL ? row_label (self, row) : g_strdup (kessan_series_point_get_concept (input));
      g_autofree char *period = kessan_format_fiscal_period (kessan_series_point_get_period_end (input),
                                                             kessan_series_point_get_months (input), &self->calendar);
      KessanUnit unit = kessan_series_point_get_unit (input);
      g_autofree char *value = format_value (self, unit, kessan_series_point_get_value (input),
                                             row != NULL ? row->decimals : 1);

      g_string_append (text, "\n  ");
      /* TRANSLATORS: an input of a computed value: label, period, value and unit */
      g_string_append_printf (text, _("%s, %s: %s %s"), label, period, value, unit_caption (self, unit));
    }
}

/* Every release printing the point: its figure, or its figures when its
 * tables disagree, and the figure the table shows marked. */
static void
append_releases (KessanTrendsPage        *self,
                 GString                 *text,
                 const KessanTrendsRow         *row,
                 const KessanSeriesPoint *point,
                 gboolean                 figures)
{
  g_autoptr(GPtrArray) observations = kessan_series_point_get_observations (point);
  const KessanSeriesObservation *shown = kessan_series_point_get_value_observation (point);
  gboolean inconsistent = kessan_series_point_get_inconsistent (point);
  guint n_releases = 0, listed = 0;

  for (guint i = 0; i < observations->len;)
    {
      KessanFiling *filing = kessan_series_observation_get_filing (g_ptr_array_index (observations, i));
      g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
      const KessanSeriesObservation *finest = NULL;
      gboolean has_shown = FALSE;
      guint end = i;

      /* Observations come by release: this release's are together. */
      while (end < observations->len
             && kessan_series_observation_get_filing (g_ptr_array_index (observations, end)) == filing)
        {
          const KessanSeriesObservation *observation = g_ptr_array_index (observations, end);

          if (finest == NULL || kessan_series_observation_get_scale (observation) < kessan_series_observation_get_scale (finest))
            finest = observation;
          has_shown |= observation == shown;
          end++;
        }
      n_releases++;

      if (listed < MAX_TOOLTIP_RELEASES)
        {
          g_autofree char *release = describe_release (filing);

          listed++;
          if (!figures)
            {
              g_string_append_printf (text, "\n  %s", release);
            }
          else
            {
              for (guint j = i; j < end; j++)
                {
                  const KessanSeriesObservation *observation = g_ptr_array_index (observations, j);
                  char *figure;

                  /* One figure per release, unless its tables disagree. */
                  if (!inconsistent && observation != finest)
                    continue;
                  figure = format_observation (self, row->unit, observation);
                  if (g_ptr_array_find_with_equal_func (seen, figure, g_str_equal, NULL))
                    {
                      g_free (figure);
                      continue;
                    }
                  g_ptr_array_add (seen, figure);
                  g_string_append (text, "\n  ");
                  if (has_shown && observation == finest)
                    /* TRANSLATORS: a figure, its release and date; the one the table shows */
                    g_string_append_printf (text, _("%s — %s (shown)"), figure, release);
                  else
                    /* TRANSLATORS: a figure, its release and date */
                    g_string_append_printf (text, _("%s — %s"), figure, release);
                }
            }
        }
      i = end;
    }

  if (n_releases > listed)
    {
      g_string_append (text, "\n  ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more release", "and %u more releases",
                                                 n_releases - listed),
                              n_releases - listed);
    }
}

static char *
describe_point (KessanTrendsPage        *self,
                const KessanTrendsRow         *row,
                const KessanSeriesPoint *point)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = row_label (self, row);
  g_autofree char *period = kessan_format_fiscal_period (kessan_series_point_get_period_end (point),
                                                         kessan_series_point_get_months (point), &self->calendar);
  g_autofree char *value = format_value (self, row->unit, kessan_series_point_get_value (point), row->decimals);

  /* TRANSLATORS: a value's label, period, value and unit: "Total revenues, 2Q FY2003: 9,185.3 JPY millions" */
  g_string_append_printf (text, _("%s, %s: %s %s"), label, period, value, unit_caption (self, row->unit));

  if (kessan_series_point_get_derived (point))
    {
      g_string_append_c (text, '\n');
      /* TRANSLATORS: how Kessan computed a value the releases do not print */
      g_string_append_printf (text, _("Computed by Kessan: %s, from"), kessan_series_point_get_formula (point));
      append_inputs (self, text, point);
    }
  else if (kessan_series_point_get_restated (point))
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Restated: the releases print different figures. The table shows the latest release’s:"));
      append_releases (self, text, row, point, TRUE);
    }
  else if (kessan_series_point_get_inconsistent (point))
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("The tables of one release print different figures:"));
      append_releases (self, text, row, point, TRUE);
    }
  else
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("Printed by:"));
      append_releases (self, text, row, point, FALSE);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
query_value_tooltip_cb (GtkWidget  *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  KessanTrendsPage *self = KESSAN_TRENDS_PAGE (gtk_widget_get_ancestor (label, KESSAN_TYPE_TRENDS_PAGE));
  GtkListItem *item = g_object_get_data (G_OBJECT (label), "item");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "column"));
  KessanTrendsTable *table;
  KessanTrendsRow *row;
  g_autofree char *text = NULL;

  if (self == NULL || item == NULL)
    return FALSE;
  table = current_table (self);
  row = row_of_item (self, gtk_list_item_get_item (item));
  if (row == NULL || row->heading || column >= table->periods->len || row->points[column] == NULL)
    return FALSE;
  text = describe_point (self, row, row->points[column]);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The table */

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  KessanTrendsPage *self = user_data;
  KessanTrendsRow *row;

  if (self->needle == NULL)
    return TRUE;
  row = row_of_item (self, item);
  if (row == NULL)
    return FALSE;
  if (row->heading)
    return self->group_matches[kessan_trends_group_index (row->kind)];
  return strstr (row->folded, self->needle) != NULL;
}

static void
update_content_page (KessanTrendsPage *self)
{
  KessanTrendsTable *table = current_table (self);

  if (table == NULL || table->rows->len == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-series");
  else if (self->filtered != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0
           && gtk_filter_list_model_get_pending (self->filtered) == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "table");
}

static void
update_matches (KessanTrendsPage *self)
{
  KessanTrendsTable *table = current_table (self);

  memset (self->group_matches, 0, sizeof self->group_matches);
  if (table == NULL || self->needle == NULL)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    {
      KessanTrendsRow *row = g_ptr_array_index (table->rows, i);

      if (!row->heading && strstr (row->folded, self->needle) != NULL)
        self->group_matches[kessan_trends_group_index (row->kind)] = TRUE;
    }
}

static void
apply_search (KessanTrendsPage *self)
{
  if (self->filtered != NULL)
    kessan_filter_model_search (self->filtered, GTK_FILTER (self->filter), self->needle != NULL);
}

static void
clear_columns (GtkColumnView *view)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (view, column);
    }
}

static void
add_column (KessanTrendsPage *self,
            GtkColumnView    *view,
            const char       *title,
            GCallback         setup,
            GCallback         bind,
            guint             index,
            int               width,
            gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", setup, GUINT_TO_POINTER (index));
  g_signal_connect (factory, "bind", bind, GUINT_TO_POINTER (index));
  column = gtk_column_view_column_new (title, factory);
  /* Fixed widths: nothing to measure, and a steady layout when
   * scrolling through many periods. */
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (view, column);
}

/* The period columns keep one fixed width, wide enough for the longest
 * title in the interface's language and font ("2002年度第2四半期" is wider
 * than "2Q FY2002"): measured once for a table, not for every cell.
 * Titles are measured bold in case the style sets them so. */
static int
measure_value_width (KessanTrendsPage *self,
                     KessanTrendsTable      *table)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), NULL);
  PangoAttrList *attributes = pango_attr_list_new ();
  int width = VALUE_WIDTH;

  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  for (guint c = 0; c < table->titles->len; c++)
    {
      int text_width;

      pango_layout_set_text (layout, g_ptr_array_index (table->titles, c), -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      width = MAX (width, text_width + HEADER_PADDING);
    }
  return width;
}

/* The labels' column fits its labels (those of rows sampled through
 * the table, with their indent and unit), within bounds: a wide window
 * gives its room to more periods, not to a gap between a label and its
 * numbers. */
static int
measure_label_width (KessanTrendsPage  *self,
                     KessanTrendsTable *table)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), NULL);
  g_autoptr(PangoLayout) caption = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), NULL);
  PangoAttrList *attributes = pango_attr_list_new ();
  guint step = MAX (table->rows->len / MEASURED_ROWS, 1);
  int width = LABEL_MIN_WIDTH;

  /* Totals are bold. */
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  for (guint i = 0; i < table->rows->len && width < LABEL_MAX_WIDTH; i += step)
    {
      const KessanTrendsRow *row = g_ptr_array_index (table->rows, i);
      g_autofree char *text = row_label (self, row);
      int text_width, caption_width = 0;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      if (!row->heading)
        {
          pango_layout_set_text (caption, unit_caption (self, row->unit), -1);
          pango_layout_get_pixel_size (caption, &caption_width, NULL);
        }
      /* The indent, the space between label and unit, the cell's padding. */
      width = MAX (width, text_width + caption_width + (row->heading ? 0 : INDENT * (int) (row->depth + 1)) + 6 + HEADER_PADDING);
    }
  return MIN (width, LABEL_MAX_WIDTH);
}

/* How many period columns fit beside the labels. */
static guint
columns_that_fit (KessanTrendsPage *self)
{
  KessanTrendsTable *table = current_table (self);
  int room = self->width - self->label_width;
  guint n;

  if (table == NULL || table->periods->len == 0)
    return 0;
  /* Before the first allocation: a guess, corrected once the width is
   * known. */
  n = self->width > 0 ? (guint) MAX (room / self->value_width, 1) : 8;
  return MIN (n, table->periods->len);
}

static void
update_period_scrollbar (KessanTrendsPage *self)
{
  KessanTrendsTable *table = current_table (self);
  guint n_periods = table != NULL ? table->periods->len : 0;

  gtk_adjustment_configure (self->period_adjustment, self->first_period, 0, n_periods,
                            1, MAX (self->n_shown, 1), self->n_shown);
  gtk_widget_set_visible (GTK_WIDGET (self->period_scrollbar), self->n_shown < n_periods);
}

/* Numbers are right-aligned: so are the titles over them.  The titles
 * are the column view's own widgets, in the order of its columns, each
 * with its label inside. */
/* Replaces the period columns by those of the periods from
 * first_period on; the rows, and so the vertical position, stay. */
static void
install_period_columns (KessanTrendsPage *self)
{
  KessanTrendsTable *table = current_table (self);
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 1)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);

      gtk_column_view_remove_column (self->column_view, column);
    }
  if (table == NULL || g_list_model_get_n_items (columns) == 0)
    return;

  for (guint c = self->first_period; c < self->first_period + self->n_shown && c < table->periods->len; c++)
    add_column (self, self->column_view, g_ptr_array_index (table->titles, c),
                G_CALLBACK (setup_value_cb), G_CALLBACK (bind_value_cb), c, self->value_width, FALSE);
  kessan_accessible_align_column_titles (self->column_view, _("Concept"));
  update_period_scrollbar (self);
}

/* A row selected by a click or by the list's own keys (Page Up and
 * Down, Home, End) takes the current cell with it. */
static void
selection_changed_cb (KessanTrendsPage   *self,
                      guint               position,
                      guint               n_items,
                      GtkSingleSelection *selection)
{
  guint selected = gtk_single_selection_get_selected (selection);

  if (selected == GTK_INVALID_LIST_POSITION || (int) selected == self->current_row)
    return;
  self->current_row = (int) selected;
  mark_current_cells (self, GTK_WIDGET (self->column_view));
}

/* Shows the table of the current mode: the latest periods that fit, and
 * rows for its concepts.  The filter model keeps the search. */
static void
install_table (KessanTrendsPage *self)
{
  KessanTrendsTable *table = current_table (self);
  g_autoptr(KessanKeyList) keys = NULL;
  GtkSingleSelection *selection;

  gtk_column_view_set_model (self->column_view, NULL);
  clear_columns (self->column_view);
  g_clear_object (&self->filtered);
  self->first_period = 0;
  self->n_shown = 0;
  self->current_row = -1;
  self->current_period = LABEL_COLUMN;

  if (table == NULL || table->rows->len == 0)
    {
      update_period_scrollbar (self);
      update_content_page (self);
      return;
    }

  /* The labels take what the period columns leave. */
  self->label_width = measure_label_width (self, table);
  add_column (self, self->column_view, "", G_CALLBACK (setup_label_cb), G_CALLBACK (bind_label_cb), LABEL_COLUMN,
              self->label_width, FALSE);
  self->value_width = measure_value_width (self, table);
  /* The latest periods are the ones looked at first. */
  self->n_shown = columns_that_fit (self);
  self->first_period = table->periods->len - self->n_shown;
  install_period_columns (self);

  /* A library may have a million concepts: the model makes an object
   * only for a row in view, and the filter goes through the rows in
   * pieces. */
  keys = kessan_key_list_new (table->keys);
  update_matches (self);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_steal_pointer (&keys)), NULL);
  gtk_filter_list_model_set_incremental (self->filtered, table->rows->len > KESSAN_FILTER_PIECEWISE_ITEMS);
  g_signal_connect_object (self->filtered, "notify::pending", G_CALLBACK (update_content_page), self, G_CONNECT_SWAPPED);
  apply_search (self);
  /* A row is selected with its current cell, none at first. */
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  update_content_page (self);
}

static void
scroll_periods_to (KessanTrendsPage *self,
                   int               first)
{
  KessanTrendsTable *table = current_table (self);
  int last_first = table != NULL ? (int) table->periods->len - (int) self->n_shown : 0;

  first = CLAMP (first, 0, MAX (last_first, 0));
  if ((guint) first == self->first_period)
    return;
  self->first_period = (guint) first;
  install_period_columns (self);
}

static void
period_scrolled_cb (KessanTrendsPage *self)
{
  scroll_periods_to (self, (int) round (gtk_adjustment_get_value (self->period_adjustment)));
}

/* The section of the row at the top of the view stays in sight: its
 * heading, drawn over the top row once the heading row has scrolled
 * away.  Finding the top row is a pick among the rows on screen. */
static void
update_section_label (KessanTrendsPage *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  int top = header != NULL ? gtk_widget_get_height (header) : 0;
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), 8, top + 2, GTK_PICK_DEFAULT);
  KessanTrendsRow *row = NULL;
  double value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));

  for (; picked != NULL && picked != GTK_WIDGET (self->column_view); picked = gtk_widget_get_parent (picked))
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (picked), "item");

      if (item != NULL)
        {
          row = row_of_item (self, gtk_list_item_get_item (item));
          break;
        }
    }
  if (row == NULL || row->heading || value <= 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->section_label), FALSE);
      return;
    }
  gtk_label_set_text (self->section_label, kessan_trends_group_title (row->kind));
  gtk_widget_set_margin_top (GTK_WIDGET (self->section_label), top);
  gtk_widget_set_size_request (GTK_WIDGET (self->section_label), self->label_width, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->section_label), TRUE);
}

/* After the rows have moved to their new places. */
static gboolean
section_idle_cb (gpointer user_data)
{
  KessanTrendsPage *self = user_data;

  self->section_source = 0;
  update_section_label (self);
  return G_SOURCE_REMOVE;
}

static void
scrolled_cb (KessanTrendsPage *self)
{
  if (self->section_source == 0)
    self->section_source = g_idle_add (section_idle_cb, self);
}

/* Moves the current cell to period @period, paging the periods when it
 * is out of view. */
static void
set_current_period (KessanTrendsPage *self,
                    guint             period)
{
  self->current_period = period;
  if (period != LABEL_COLUMN)
    {
      if (period < self->first_period)
        scroll_periods_to (self, (int) period);
      else if (period >= self->first_period + self->n_shown)
        scroll_periods_to (self, (int) period - (int) self->n_shown + 1);
    }
  mark_current_cells (self, GTK_WIDGET (self->column_view));
}

/* The arrows move the current cell, and the focus to its row, the
 * periods paging when it leaves them; Alt+Left and Alt+Right (and Page
 * Up and Down with Alt) page through the periods a window at a time. */
static gboolean
key_pressed_cb (KessanTrendsPage      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  KessanTrendsTable *table = current_table (self);
  GtkSelectionModel *model = gtk_column_view_get_model (self->column_view);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  guint n_rows, n_periods;
  int row = MAX (self->current_row, 0);
  int step = 0, page = 0;

  if (table == NULL || model == NULL || (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (model));
  n_periods = table->periods->len;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step = rtl ? 1 : -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step = rtl ? -1 : 1;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      if ((state & GDK_ALT_MASK) == 0)
        return FALSE;
      page = -1;
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      if ((state & GDK_ALT_MASK) == 0)
        return FALSE;
      page = 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if ((state & GDK_ALT_MASK) != 0 || n_rows == 0)
        return FALSE;
      row = self->current_row < 0 ? 0 : row + (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1);
      row = CLAMP (row, 0, (int) n_rows - 1);
      self->current_row = row;
      gtk_selection_model_select_item (model, (guint) row, TRUE);
      mark_current_cells (self, GTK_WIDGET (self->column_view));
      focus_current_cell (self);
      return TRUE;
    default:
      return FALSE;
    }
  if ((state & GDK_ALT_MASK) != 0 && step != 0)
    {
      page = step;
      step = 0;
    }
  if (page != 0)
    {
      int before = (int) self->first_period;

      /* The current cell moves with the periods, as a page of a
       * spreadsheet. */
      scroll_periods_to (self, before + page * (int) MAX (self->n_shown, 1));
      if (self->current_period != LABEL_COLUMN)
        set_current_period (self, (guint) CLAMP ((int) self->current_period + (int) self->first_period - before,
                                                 (int) self->first_period,
                                                 (int) (self->first_period + MAX (self->n_shown, 1)) - 1));
      return TRUE;
    }
  if (n_rows == 0 || n_periods == 0)
    return TRUE;
  if (self->current_row < 0)
    {
      self->current_row = 0;
      gtk_selection_model_select_item (model, 0, TRUE);
    }
  /* The labels are left of the first period shown. */
  if (self->current_period == LABEL_COLUMN)
    set_current_period (self, step > 0 ? self->first_period : LABEL_COLUMN);
  else if (step < 0 && self->current_period == 0)
    set_current_period (self, LABEL_COLUMN);
  else
    set_current_period (self, MIN (self->current_period + (guint) (step < 0 ? -1 : 1) * (step != 0), n_periods - 1));
  focus_current_cell (self);
  return TRUE;
}

/* Sideways scrolling over the table moves the periods, a column a step. */
static gboolean
scroll_cb (KessanTrendsPage *self,
           double            dx,
           double            dy)
{
  if (dx == 0)
    return FALSE;
  scroll_periods_to (self, (int) self->first_period + (dx > 0 ? 1 : -1) * (int) MAX (fabs (dx), 1));
  return TRUE;
}

/* A new width: as many columns as fit, the last period shown kept. */
static gboolean
relayout_cb (gpointer user_data)
{
  KessanTrendsPage *self = user_data;
  KessanTrendsTable *table = current_table (self);
  guint n = columns_that_fit (self);
  guint end = self->first_period + self->n_shown;

  self->layout_source = 0;
  if (table == NULL || n == self->n_shown || gtk_column_view_get_model (self->column_view) == NULL)
    return G_SOURCE_REMOVE;
  self->n_shown = n;
  self->first_period = end > n ? end - n : 0;
  if (self->first_period + n > table->periods->len)
    self->first_period = table->periods->len - n;
  install_period_columns (self);
  return G_SOURCE_REMOVE;
}

/* The width of the table is the page size of its horizontal adjustment.
 * Columns change after the allocation, not in the middle of it. */
static void
hadjustment_changed_cb (KessanTrendsPage *self,
                        GtkAdjustment    *adjustment)
{
  self->width = (int) gtk_adjustment_get_page_size (adjustment);
  if (columns_that_fit (self) != self->n_shown && self->layout_source == 0)
    self->layout_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_cb, self, NULL);
}

/* Building */

static void
update_busy (KessanTrendsPage *self)
{
  GListModel *filings = kessan_series_builder_get_filings (self->builder);
  gboolean busy = kessan_series_builder_get_busy (self->builder);
  gboolean loading = self->window != NULL && !kessan_window_get_ready (self->window);

  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  if (filings == NULL || g_list_model_get_n_items (filings) == 0)
    gtk_stack_set_visible_child_name (self->stack, busy || loading ? "loading" : "empty");
  else if (self->result == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->stack, "trends");
}

static void
set_result (KessanTrendsPage *self,
            KessanTrendsResult     *result)
{
  KessanTrendsResult *previous = g_steal_pointer (&self->result);

  self->result = result;
  g_free (self->amount_caption);
  self->amount_caption = kessan_format_currency_unit (1000000, result != NULL ? kessan_series_set_get_currency_code (result->set) : NULL,
                                                      NULL);
  self->calendar = (KessanCalendar) KESSAN_CALENDAR_INIT;
  if (result != NULL)
    kessan_series_set_get_calendar (result->set, &self->calendar);
  install_table (self);
  /* The old points are referred to until the views let go of them. */
  if (previous != NULL)
    kessan_trends_result_free (previous);
}

static void
series_ready_cb (gpointer result,
                 gpointer user_data)
{
  KessanTrendsPage *self = user_data;
  KessanTrendsResult *trends = result;
  gint64 started = g_get_monotonic_time ();

  set_result (self, trends);
  if (trends != NULL)
    g_debug ("Series of %u releases: built in %.3f s, shown in %.3f s", trends->n_filings,
             trends->build_time / 1e6, (g_get_monotonic_time () - started) / 1e6);
  update_busy (self);
}

/* Callbacks of the template */

static void
mode_toggled_cb (KessanTrendsPage *self)
{
  KessanTrendsLayout mode = gtk_toggle_button_get_active (self->years_button) ? KESSAN_TRENDS_YEARS : KESSAN_TRENDS_QUARTERS;

  if (mode == self->mode)
    return;
  self->mode = mode;
  install_table (self);
}

static void
search_changed_cb (KessanTrendsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->needle, g_free);
  if (text != NULL && *text != '\0')
    self->needle = g_utf8_casefold (text, -1);
  update_matches (self);
  apply_search (self);
  update_content_page (self);
}

static void
settings_changed_cb (KessanTrendsPage *self)
{
  self->label_language = kessan_settings_get_label_language (self->settings);
  self->negative_style = kessan_settings_get_negative_style (self->settings);
  /* Binding the rows again writes every cell anew. */
  install_table (self);
}

/* Public */

void
kessan_trends_page_set_filings (KessanTrendsPage *self,
                                GListModel       *filings)
{
  g_return_if_fail (KESSAN_IS_TRENDS_PAGE (self));
  g_return_if_fail (filings == NULL || G_IS_LIST_MODEL (filings));

  kessan_series_builder_set_filings (self->builder, filings);
}

/**
 * kessan_trends_page_set_settings:
 * @self: a #KessanTrendsPage
 * @settings: the application's settings
 *
 * Follows the label language and the style of negative numbers the user
 * chose.  Without settings, labels follow the interface language and
 * negatives have a minus sign.
 */
void
kessan_trends_page_set_settings (KessanTrendsPage *self,
                                 GSettings        *settings)
{
  g_return_if_fail (KESSAN_IS_TRENDS_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings))
    return;
  g_signal_connect_object (settings, "changed::label-language", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::negative-style", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  settings_changed_cb (self);
}

guint
kessan_trends_page_get_first_period (KessanTrendsPage *self)
{
  g_return_val_if_fail (KESSAN_IS_TRENDS_PAGE (self), 0);

  return self->first_period;
}

guint
kessan_trends_page_get_n_periods (KessanTrendsPage *self)
{
  g_return_val_if_fail (KESSAN_IS_TRENDS_PAGE (self), 0);

  return current_table (self) != NULL ? current_table (self)->periods->len : 0;
}

gboolean
kessan_trends_page_get_current_cell (KessanTrendsPage *self,
                                     guint            *row,
                                     guint            *period)
{
  g_return_val_if_fail (KESSAN_IS_TRENDS_PAGE (self), FALSE);

  if (self->current_row < 0)
    return FALSE;
  *row = (guint) self->current_row;
  *period = self->current_period;
  return TRUE;
}

/* Life cycle */

static void
kessan_trends_page_root (GtkWidget *widget)
{
  KessanTrendsPage *self = KESSAN_TRENDS_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (kessan_trends_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (KESSAN_IS_WINDOW (root))
    {
      self->window = KESSAN_WINDOW (root);
      g_signal_connect_object (root, "notify::ready", G_CALLBACK (update_busy), self, G_CONNECT_SWAPPED);
    }
  update_busy (self);
}

static void
kessan_trends_page_unroot (GtkWidget *widget)
{
  KessanTrendsPage *self = KESSAN_TRENDS_PAGE (widget);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, update_busy, self);
  self->window = NULL;

  GTK_WIDGET_CLASS (kessan_trends_page_parent_class)->unroot (widget);
}

static void
kessan_trends_page_dispose (GObject *object)
{
  KessanTrendsPage *self = KESSAN_TRENDS_PAGE (object);

  if (self->builder != NULL)
    kessan_series_builder_stop (self->builder);
  g_clear_handle_id (&self->layout_source, g_source_remove);
  g_clear_handle_id (&self->section_source, g_source_remove);

  /* AdwBin unparents the template's child itself when chained up to;
   * the cells let go of the rows before the rows go. */
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->result, kessan_trends_result_free);
  g_clear_object (&self->builder);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kessan_trends_page_parent_class)->dispose (object);
}

static void
kessan_trends_page_finalize (GObject *object)
{
  KessanTrendsPage *self = KESSAN_TRENDS_PAGE (object);

  g_free (self->needle);
  g_free (self->amount_caption);

  G_OBJECT_CLASS (kessan_trends_page_parent_class)->finalize (object);
}

static void
kessan_trends_page_class_init (KessanTrendsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kessan_trends_page_dispose;
  object_class->finalize = kessan_trends_page_finalize;
  widget_class->root = kessan_trends_page_root;
  widget_class->unroot = kessan_trends_page_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kessan/Kessan/ui/kessan-trends-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KessanTrendsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KessanTrendsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KessanTrendsPage, quarters_button);
  gtk_widget_class_bind_template_child (widget_class, KessanTrendsPage, years_button);
  gtk_widget_class_bind_template_child (widget_class, KessanTrendsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KessanTrendsPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, KessanTrendsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KessanTrendsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KessanTrendsPage, period_scrollbar);
  gtk_widget_class_bind_template_child (widget_class, KessanTrendsPage, period_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KessanTrendsPage, section_label);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_scrolled_cb);
}

static void
kessan_trends_page_init (KessanTrendsPage *self)
{
  GtkEventController *scroll;
  GtkEventController *keys;

  self->value_width = VALUE_WIDTH;
  self->amount_caption = kessan_format_currency_unit (1000000, NULL, NULL);
  self->label_width = LABEL_MIN_WIDTH;
  self->current_row = -1;
  self->current_period = LABEL_COLUMN;
  self->mode = KESSAN_TRENDS_QUARTERS;
  self->negative_style = KESSAN_NEGATIVE_MINUS;
  self->label_language = kessan_settings_get_label_language (NULL);
  self->builder = kessan_series_builder_new (build_trends, series_ready_cb,
                                             (GDestroyNotify) kessan_trends_result_free, self);
  g_signal_connect_object (self->builder, "notify::busy", G_CALLBACK (update_busy), self, G_CONNECT_SWAPPED);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_HORIZONTAL | GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), scroll);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (scrolled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (hadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  update_busy (self);
}
