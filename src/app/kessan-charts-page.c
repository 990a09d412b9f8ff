/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kessan-accessible.h"
#include "kessan-chart.h"
#include "kessan-charts-page.h"
#include "kessan-drop-down.h"
#include "kessan-display-settings.h"
#include "kessan-key-list.h"
#include "kessan-series-builder.h"
#include "kessan-window.h"

/* The Charts page: concepts of the whole library picked from a list or
 * from a preset, drawn as one kind of chart over a range of periods,
 * with the plotted values in a table beside it for those who cannot see
 * the chart.  The series of the library are merged in a thread, as on
 * the Trends page; a chart of a few concepts is then cut from them on
 * the main thread, which takes no time worth a thread. */

typedef enum
{
  MODE_QUARTERS,
  MODE_YEARS,
  N_MODES
} Mode;

static const guint mode_months[N_MODES] = { 3, 12 };

/* The first entry of the presets' list: concepts picked by hand. */
#define CUSTOM_PRESET 0


static const struct
{
  const char *id;
  int         width;
  int         height;
} export_sizes[] = {
  /* TRANSLATORS: a size of an exported chart, in pixels (points for SVG and PDF) */
  { "800x500", 800, 500 },
  { "1200x750", 1200, 750 },
  { "1600x1000", 1600, 1000 },
  { "2400x1500", 2400, 1500 },
};

/* What a build hands to the main thread. */
typedef struct
{
  KessanSeriesSet  *set;
  KessanChartModel *catalogues[N_MODES];  /* every concept, for its label and its periods; no values */
  GPtrArray        *keys;                 /* char *, the concepts of the list */
} ChartsResult;

struct _KessanChartsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkWidget          *controls;
  GtkDropDown        *preset_dropdown;
  GtkDropDown        *kind_dropdown;
  GtkToggleButton    *quarters_button;
  GtkToggleButton    *years_button;
  GtkDropDown        *from_dropdown;
  GtkDropDown        *to_dropdown;
  GtkDropDown        *values_dropdown;
  GtkSearchEntry     *search_entry;
  GtkListView        *concept_list;
  GtkLabel           *note_label;
  KessanChart        *chart;
  GtkColumnView      *data_view;

  /* Owned */
  KessanSeriesBuilder *builder;
  GSettings          *settings;
  ChartsResult       *result;
  GtkFilterListModel *concepts;        /* of the keys of the result */
  GPtrArray          *bound_buttons;   /* GtkCheckButton of the concepts in view, borrowed */
  GtkCustomFilter    *filter;
  GPtrArray          *selected;     /* keys, in the order picked */
  char               *needle;       /* the search, case-folded */
  KessanChartModel   *model;        /* the chart's, all periods */

  /* Borrowed */
  KessanWindow       *window;

  Mode                mode;
  gboolean            japanese_labels;
  gboolean            both_labels;
  KessanNegativeStyle negative_style;
  guint               updating;     /* setting controls from code, not the user */
};

G_DEFINE_FINAL_TYPE (KessanChartsPage, kessan_charts_page, ADW_TYPE_BIN)

static void update_chart (KessanChartsPage *self);

static void
charts_result_free (gpointer data)
{
  ChartsResult *result = data;

  for (guint m = 0; m < N_MODES; m++)
    g_clear_object (&result->catalogues[m]);
  g_clear_object (&result->set);
  g_clear_pointer (&result->keys, g_ptr_array_unref);
  g_free (result);
}

/* Concepts worth charting: growth rates are columns of the statements,
 * not series of their own. */
static GPtrArray *
chartable_concepts (KessanSeriesSet *set)
{
  g_auto(GStrv) keys = kessan_series_set_get_concepts (set);
  GPtrArray *chartable = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; keys[i] != NULL; i++)
    if (!g_str_has_prefix (keys[i], "yoy(") && !g_str_has_prefix (keys[i], "qoq("))
      g_ptr_array_add (chartable, g_steal_pointer (&keys[i]));
  return chartable;
}

/* In the builder's thread. */
static gpointer
build_charts (KessanSeriesSet *set,
              GCancellable    *cancellable,
              gpointer         user_data)
{
  ChartsResult *result = g_new0 (ChartsResult, 1);

  result->keys = chartable_concepts (set);
  g_ptr_array_add (result->keys, NULL);
  for (guint m = 0; m < N_MODES; m++)
    result->catalogues[m] = kessan_chart_model_new_catalogue (set, (const char * const *) result->keys->pdata, mode_months[m]);
  g_ptr_array_remove_index (result->keys, result->keys->len - 1);
  result->set = g_object_ref (set);
  return result;
}

/* Labels */

static KessanChartModel *
catalogue (KessanChartsPage *self)
{
  return self->result != NULL ? self->result->catalogues[self->mode] : NULL;
}

/* Returns: (transfer full): the label of @key in the label language. */
static char *
concept_label (KessanChartsPage *self,
               const char       *key)
{
  for (guint m = 0; self->result != NULL && m < N_MODES; m++)
    {
      KessanChartModel *model = self->result->catalogues[(self->mode + m) % N_MODES];
      int series = kessan_chart_model_find_series (model, key);

      if (series >= 0)
        return kessan_chart_model_get_label (model, (guint) series, self->japanese_labels, self->both_labels);
    }
  return g_strdup (key);
}

/* The concept list */

static gboolean
filter_concept (gpointer item,
                gpointer user_data)
{
  KessanChartsPage *self = user_data;
  const char *key = gtk_string_object_get_string (item);
  g_autofree char *label = NULL;
  g_autofree char *folded = NULL;

  if (self->needle == NULL)
    return TRUE;
  label = concept_label (self, key);
  folded = g_utf8_casefold (label, -1);
  return strstr (folded, self->needle) != NULL || strstr (key, self->needle) != NULL;
}

static void
concept_toggled_cb (GtkCheckButton   *button,
                    KessanChartsPage *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "key");
  gboolean active = gtk_check_button_get_active (button);
  gboolean known = FALSE;

  if (key == NULL || self->updating > 0)
    return;
  for (guint i = 0; i < self->selected->len; i++)
    if (strcmp (g_ptr_array_index (self->selected, i), key) == 0)
      {
        known = TRUE;
        if (!active)
          g_ptr_array_remove_index (self->selected, i);
        break;
      }
  if (active && !known)
    g_ptr_array_add (self->selected, g_strdup (key));

  /* A hand-picked set of concepts is no preset any more. */
  self->updating++;
  gtk_drop_down_set_selected (self->preset_dropdown, CUSTOM_PRESET);
  self->updating--;
  update_chart (self);
}

static void
setup_concept_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  KessanChartsPage         *self)
{
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (NULL);

  /* Long labels end in an ellipsis; the tooltip has the key. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  /* The list is one stop of the Tab key, its rows reached by the
   * arrows: the row takes the focus, Space or Enter toggles it. */
  gtk_widget_set_focusable (button, FALSE);
  /* A check button named by the label it holds, as by its own label. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  g_signal_connect (button, "toggled", G_CALLBACK (concept_toggled_cb), self);
  gtk_list_item_set_child (item, button);
}

/* The check button of the row with the focus, or of row @position. */
static GtkCheckButton *
concept_button_at (KessanChartsPage *self,
                   guint             position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->concept_list));
  g_autoptr(GObject) item = position < g_list_model_get_n_items (model) ? g_list_model_get_item (model, position) : NULL;
  const char *key = GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;

  for (guint i = 0; key != NULL && i < self->bound_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->bound_buttons, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "key"), key) == 0)
        return button;
    }
  return NULL;
}

static void
concept_activated_cb (KessanChartsPage *self,
                      guint             position)
{
  GtkCheckButton *button = concept_button_at (self, position);

  if (button != NULL)
    gtk_check_button_set_active (button, !gtk_check_button_get_active (button));
}

/* Space toggles the row with the focus; Tab and Shift+Tab leave the
 * list for the controls around it rather than going through its rows
 * (the list is not a stop of its own while the focus moves on). */
static gboolean
concept_key_pressed_cb (KessanChartsPage      *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  GtkWidget *list = GTK_WIDGET (self->concept_list);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));

  if ((keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space) && (state & GDK_CONTROL_MASK) == 0
      && focus != NULL && GTK_IS_CHECK_BUTTON (gtk_widget_get_first_child (focus)))
    {
      GtkCheckButton *button = GTK_CHECK_BUTTON (gtk_widget_get_first_child (focus));

      gtk_check_button_set_active (button, !gtk_check_button_get_active (button));
      return TRUE;
    }
  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab)
    {
      gboolean backward = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;

      gtk_widget_set_can_focus (list, FALSE);
      gtk_widget_child_focus (GTK_WIDGET (gtk_widget_get_root (list)),
                              backward ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
      gtk_widget_set_can_focus (list, TRUE);
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_selected (KessanChartsPage *self,
             const char       *key)
{
  for (guint i = 0; i < self->selected->len; i++)
    if (strcmp (g_ptr_array_index (self->selected, i), key) == 0)
      return TRUE;
  return FALSE;
}

static void
show_concept (KessanChartsPage *self,
              GtkWidget        *button)
{
  const char *key = g_object_get_data (G_OBJECT (button), "key");
  g_autofree char *label = concept_label (self, key);

  gtk_label_set_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (button))), label);
  gtk_widget_set_tooltip_text (button, label);
  self->updating++;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), is_selected (self, key));
  self->updating--;
}

static void
bind_concept_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 KessanChartsPage         *self)
{
  GtkWidget *button = gtk_list_item_get_child (item);
  const char *key = gtk_string_object_get_string (gtk_list_item_get_item (item));

  g_object_set_data_full (G_OBJECT (button), "key", g_strdup (key), g_free);
  show_concept (self, button);
  kessan_accessible_name_list_row (button, gtk_label_get_text (GTK_LABEL (gtk_check_button_get_child (GTK_CHECK_BUTTON (button)))));
  g_ptr_array_add (self->bound_buttons, button);
}

static void
unbind_concept_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   KessanChartsPage         *self)
{
  g_ptr_array_remove_fast (self->bound_buttons, gtk_list_item_get_child (item));
}

static void
apply_search (KessanChartsPage *self)
{
  kessan_filter_model_search (self->concepts, GTK_FILTER (self->filter), self->needle != NULL);
}

/* A long list filters in pieces, so that it does not hold up the
 * window. */
static void
install_concepts (KessanChartsPage *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  GPtrArray *keys = self->result != NULL ? self->result->keys : none;
  g_autoptr(KessanKeyList) list = kessan_key_list_new (keys);

  gtk_filter_list_model_set_incremental (self->concepts, keys->len > KESSAN_FILTER_PIECEWISE_ITEMS);
  gtk_filter_list_model_set_model (self->concepts, G_LIST_MODEL (list));
}

/* The labels and checks of the concepts in view, written anew: a
 * library may hold a million concepts, and only those in view have a
 * button. */
static void
refresh_concept_list (KessanChartsPage *self)
{
  for (guint i = 0; i < self->bound_buttons->len; i++)
    show_concept (self, g_ptr_array_index (self->bound_buttons, i));
}

/* Periods */

static void
install_periods (KessanChartsPage *self)
{
  KessanChartModel *model = catalogue (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  gboolean japanese = g_str_has_prefix (g_get_language_names ()[0], "ja");
  guint n = model != NULL ? kessan_chart_model_get_n_periods (model) : 0;

  for (guint p = 0; p < n; p++)
    {
      const KessanChartPeriod *period = kessan_chart_model_get_period (model, p);
      g_autofree char *label = kessan_format_fiscal_period_short (period->period_end, period->months,
                                                                   kessan_chart_model_get_calendar (model), japanese);

      gtk_string_list_append (labels, label);
    }
  self->updating++;
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->from_dropdown, 0);
  gtk_drop_down_set_selected (self->to_dropdown, n > 0 ? n - 1 : GTK_INVALID_LIST_POSITION);
  self->updating--;
}

/* The range chosen, as period ends: the periods of a chart's own model
 * are those its concepts have. */
static void
chosen_range (KessanChartsPage  *self,
              const char       **from,
              const char       **to)
{
  KessanChartModel *model = catalogue (self);
  guint a = gtk_drop_down_get_selected (self->from_dropdown);
  guint b = gtk_drop_down_get_selected (self->to_dropdown);
  guint n = model != NULL ? kessan_chart_model_get_n_periods (model) : 0;

  *from = *to = NULL;
  if (n == 0 || a >= n || b >= n)
    return;
  *from = kessan_chart_model_get_period (model, MIN (a, b))->period_end;
  *to = kessan_chart_model_get_period (model, MAX (a, b))->period_end;
}

/* The data table */

/* The table's columns other than periods. */
#define SERIES_COLUMN (-1)
#define UNIT_COLUMN   (-2)

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) < 0 ? 0 : 1);
  gtk_widget_set_margin_end (label, GPOINTER_TO_INT (user_data) < 0 ? 0 : 6);
  if (GPOINTER_TO_INT (user_data) >= 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  KessanChartsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  GtkWidget *label = gtk_list_item_get_child (item);
  KessanChartModel *model = kessan_chart_get_model (self->chart);
  KessanChartRenderer *renderer = kessan_chart_get_renderer (self->chart);
  guint series = (guint) g_ascii_strtoull (gtk_string_object_get_string (gtk_list_item_get_item (item)), NULL, 10);
  int period = GPOINTER_TO_INT (user_data);
  g_autofree char *text = NULL;
  double value;

  if (model == NULL || series >= kessan_chart_model_get_n_series (model))
    return;
  if (period == UNIT_COLUMN)
    {
      g_autofree char *caption = kessan_chart_model_dup_unit_caption (model, kessan_chart_model_get_series (model, series)->unit);

      gtk_label_set_text (GTK_LABEL (label), caption);
      return;
    }
  if (period < 0)
    {
      text = kessan_chart_model_get_label (model, series, self->japanese_labels, self->both_labels);
      gtk_label_set_text (GTK_LABEL (label), text);
      return;
    }
  value = kessan_chart_model_get_shown (model, series, (guint) period, kessan_chart_renderer_get_values (renderer));
  if (isnan (value))
    /* TRANSLATORS: a period without a value in the table of a chart */
    gtk_label_set_text (GTK_LABEL (label), C_("chart table", "—"));
  else
    {
      KessanChartHit hit = { (int) series, period, -1 };
      g_autofree char *tooltip = kessan_chart_renderer_describe (renderer, &hit);

      /* The unit is in the heading or its own column, once. */
      text = kessan_chart_renderer_format_number (renderer, series, value);
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_set_tooltip_text (label, tooltip);
    }
}

static void
add_table_column (KessanChartsPage *self,
                  const char       *title,
                  int               period)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (period));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (period));
  column = gtk_column_view_column_new (title, factory);
  if (period == SERIES_COLUMN)
    {
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_column_set_resizable (column, TRUE);
    }
  gtk_column_view_append_column (self->data_view, column);
  g_object_unref (column);
}

static void
install_table (KessanChartsPage *self)
{
  KessanChartModel *model = kessan_chart_get_model (self->chart);
  GListModel *columns = gtk_column_view_get_columns (self->data_view);
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  gboolean japanese = g_str_has_prefix (g_get_language_names ()[0], "ja");
  gboolean one_unit = TRUE;
  GtkNoSelection *selection;

  gtk_column_view_set_model (self->data_view, NULL);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->data_view, column);
    }
  if (model == NULL)
    return;

  /* One unit for every series: the heading names it; else each row's
   * unit has a column of its own. */
  for (guint s = 1; s < kessan_chart_model_get_n_series (model); s++)
    if (kessan_chart_model_get_series (model, s)->unit != kessan_chart_model_get_series (model, 0)->unit)
      one_unit = FALSE;
  if (one_unit && kessan_chart_model_get_n_series (model) > 0)
    {
      /* TRANSLATORS: the heading of the column of series names in the
       * table of a chart, with the unit of all its values: "Series (JPY millions)" */
      g_autofree char *caption = kessan_chart_model_dup_unit_caption (model, kessan_chart_model_get_series (model, 0)->unit);
      g_autofree char *title = g_strdup_printf (_("Series (%s)"), caption);

      add_table_column (self, title, SERIES_COLUMN);
    }
  else
    {
      /* TRANSLATORS: the heading of the column of series names in the table of a chart */
      add_table_column (self, _("Series"), SERIES_COLUMN);
      /* TRANSLATORS: the heading of the column of units in the table of a chart */
      add_table_column (self, _("Unit"), UNIT_COLUMN);
    }
  for (guint p = 0; p < kessan_chart_model_get_n_periods (model); p++)
    {
      const KessanChartPeriod *period = kessan_chart_model_get_period (model, p);
      g_autofree char *title = kessan_format_fiscal_period_short (period->period_end, period->months,
                                                                   kessan_chart_model_get_calendar (model), japanese);

      add_table_column (self, title, (int) p);
    }
  for (guint s = 0; s < kessan_chart_model_get_n_series (model); s++)
    {
      char index[16];

      g_snprintf (index, sizeof index, "%u", s);
      gtk_string_list_append (rows, index);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->data_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* The chart */

static const KessanChartPreset *
current_preset (KessanChartsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->preset_dropdown);

  if (selected == CUSTOM_PRESET || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return kessan_chart_presets_get (selected - 1);
}

/* The keys a hand-picked bridge draws: a lone total with components in
 * the dictionary bridges through them. */
static GPtrArray *
bridge_keys (KessanChartsPage *self)
{
  GPtrArray *keys = g_ptr_array_new ();
  const char * const *components;

  for (guint i = 0; i < self->selected->len; i++)
    g_ptr_array_add (keys, g_ptr_array_index (self->selected, i));
  if (self->selected->len == 1
      && (components = kessan_concepts_get_components (kessan_concepts_get_default (), g_ptr_array_index (self->selected, 0))) != NULL)
    for (guint i = 0; components[i] != NULL; i++)
      g_ptr_array_add (keys, (gpointer) components[i]);
  g_ptr_array_add (keys, NULL);
  return keys;
}

static void
update_note (KessanChartsPage *self,
             KessanChartModel *model,
             KessanChartKind   kind,
             gboolean          forced_multiples)
{
  g_autofree char *text = NULL;

  if (self->selected->len == 0)
    text = g_strdup (_("Pick a preset, or concepts from the list."));
  else if (model == NULL || kessan_chart_model_get_n_series (model) == 0)
    text = g_strdup (_("The library has no values of these concepts for these periods."));
  else if (forced_multiples)
    text = g_strdup (_("The series are in different units: each has a small chart of its own."));
  else if (kind == KESSAN_CHART_BRIDGE)
    text = g_strdup (_("The bridge runs from the first to the last period of the range, through the change of each line."));
  else if (kessan_chart_model_has_restated (model))
    text = g_strdup (_("Hollow points were restated by a later release."));
  gtk_label_set_text (self->note_label, text != NULL ? text : "");
}

static void
update_chart (KessanChartsPage *self)
{
  const KessanChartPreset *preset = current_preset (self);
  KessanChartKind kind = (KessanChartKind) gtk_drop_down_get_selected (self->kind_dropdown);
  g_autoptr(KessanChartModel) full = NULL;
  g_autoptr(KessanChartModel) shown = NULL;
  const char *from, *to;
  gboolean forced_multiples = FALSE;
  g_autofree char *title = NULL;

  if (self->result == NULL || kind >= KESSAN_CHART_N_KINDS)
    return;

  if (preset != NULL && preset->kind == kind)
    full = kessan_chart_preset_build (preset, self->result->set, mode_months[self->mode]);
  else if (kind == KESSAN_CHART_BRIDGE)
    {
      g_autoptr(GPtrArray) keys = bridge_keys (self);

      full = kessan_chart_model_new_from_series (self->result->set, (const char * const *) keys->pdata, mode_months[self->mode]);
    }
  else
    {
      g_ptr_array_add (self->selected, NULL);
      full = kessan_chart_model_new_from_series (self->result->set, (const char * const *) self->selected->pdata,
                                                 mode_months[self->mode]);
      g_ptr_array_remove_index (self->selected, self->selected->len - 1);
    }

  /* The range, as dates: the chart's periods are a part of the
   * library's. */
  chosen_range (self, &from, &to);
  {
    guint n = kessan_chart_model_get_n_periods (full);
    guint first = 0, last = n;

    for (guint p = 0; p < n; p++)
      {
        const char *end = kessan_chart_model_get_period (full, p)->period_end;

        if (from != NULL && strcmp (end, from) < 0)
          first = p + 1;
        if (to != NULL && strcmp (end, to) <= 0)
          last = p + 1;
        else if (to != NULL && last == n)
          last = p;
      }
    if (to != NULL && n > 0 && strcmp (kessan_chart_model_get_period (full, 0)->period_end, to) > 0)
      last = 0;
    shown = kessan_chart_model_slice (full, first, last > first ? last - first : 0);
  }

  if (kind != KESSAN_CHART_SMALL_MULTIPLES && kind != KESSAN_CHART_BRIDGE && kessan_chart_model_has_mixed_units (shown))
    {
      kind = KESSAN_CHART_SMALL_MULTIPLES;
      forced_multiples = TRUE;
    }

  if (preset != NULL)
    title = g_strdup (_(preset->title));
  else if (self->selected->len == 1 || kind == KESSAN_CHART_BRIDGE)
    title = self->selected->len > 0 ? concept_label (self, g_ptr_array_index (self->selected, 0)) : NULL;
  else if (self->selected->len > 1)
    {
      g_autofree char *first = concept_label (self, g_ptr_array_index (self->selected, 0));

      /* TRANSLATORS: the title of a chart of several concepts picked by hand: "Total revenues and 2 more" */
      title = g_strdup_printf (g_dngettext (NULL, "%s and %u more", "%s and %u more", self->selected->len - 1),
                               first, self->selected->len - 1);
    }

  g_set_object (&self->model, full);
  kessan_chart_set_title (self->chart, title);
  kessan_chart_set_kind (self->chart, kind);
  kessan_chart_set_model (self->chart, kessan_chart_model_get_n_series (shown) > 0 ? shown : NULL);
  if (kind == KESSAN_CHART_BRIDGE && kessan_chart_model_get_n_periods (shown) >= 2)
    kessan_chart_set_bridge (self->chart, 0, kessan_chart_model_get_n_periods (shown) - 1);

  /* Comparing figures means something only where a value was restated. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->values_dropdown), kessan_chart_model_has_restated (shown));
  update_note (self, shown, kind, forced_multiples);
  install_table (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export", kessan_chart_model_get_n_series (shown) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.copy", kessan_chart_model_get_n_series (shown) > 0);
}

static void
select_concepts (KessanChartsPage   *self,
                 const char * const *keys)
{
  g_ptr_array_set_size (self->selected, 0);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!is_selected (self, keys[i]))
      g_ptr_array_add (self->selected, g_strdup (keys[i]));
  refresh_concept_list (self);
}

/* Whether @key has a value in @period: the catalogue names the
 * concepts and periods, the set has the values. */
static gboolean
has_value (KessanChartsPage        *self,
           const char              *key,
           const KessanChartPeriod *period)
{
  const KessanSeriesPoint *point = kessan_series_set_lookup (self->result->set, key, period->period_end, period->months);

  /* A balance sits at the end of the period on the axis. */
  if (point == NULL)
    point = kessan_series_set_lookup (self->result->set, key, period->period_end, 0);
  return point != NULL && !isnan (kessan_series_point_get_value (point));
}

static void
apply_preset (KessanChartsPage        *self,
              const KessanChartPreset *preset)
{
  g_auto(GStrv) keys = kessan_chart_preset_get_keys (preset);
  KessanChartModel *model = catalogue (self);
  guint n = model != NULL ? kessan_chart_model_get_n_periods (model) : 0;

  self->updating++;
  select_concepts (self, (const char * const *) keys);
  gtk_drop_down_set_selected (self->kind_dropdown, preset->kind);
  /* A bridge from the next to last period of the library to its last;
   * the other presets over every period. */
  if (n > 0)
    {
      guint last = n - 1;

      if (preset->kind == KESSAN_CHART_BRIDGE)
        {
          /* The last two periods that have the total. */
          int found = 0;

          for (int p = (int) n - 1; p >= 0 && found < 2; p--)
            if (has_value (self, keys[0], kessan_chart_model_get_period (model, (guint) p)))
              {
                if (found++ == 0)
                  last = (guint) p;
                else
                  gtk_drop_down_set_selected (self->from_dropdown, (guint) p);
              }
          gtk_drop_down_set_selected (self->to_dropdown, last);
        }
      else
        {
          gtk_drop_down_set_selected (self->from_dropdown, 0);
          gtk_drop_down_set_selected (self->to_dropdown, last);
        }
    }
  self->updating--;
  update_chart (self);
}

/* Callbacks of the template */

static void
preset_selected_cb (KessanChartsPage *self)
{
  const KessanChartPreset *preset = current_preset (self);

  if (self->updating > 0 || preset == NULL)
    return;
  apply_preset (self, preset);
}

static void
kind_selected_cb (KessanChartsPage *self)
{
  if (self->updating > 0)
    return;
  update_chart (self);
}

static void
range_selected_cb (KessanChartsPage *self)
{
  if (self->updating > 0)
    return;
  update_chart (self);
}

static void
values_selected_cb (KessanChartsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->values_dropdown);

  kessan_chart_set_values (self->chart, selected == GTK_INVALID_LIST_POSITION ? KESSAN_CHART_VALUES_LATEST : (KessanChartValues) selected);
  install_table (self);
}

static void
mode_toggled_cb (KessanChartsPage *self)
{
  Mode mode = gtk_toggle_button_get_active (self->years_button) ? MODE_YEARS : MODE_QUARTERS;

  if (mode == self->mode)
    return;
  self->mode = mode;
  install_periods (self);
  update_chart (self);
}

static void
search_changed_cb (KessanChartsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->needle, g_free);
  if (text != NULL && *text != '\0')
    self->needle = g_utf8_casefold (text, -1);
  apply_search (self);
}

/* Export */

static void
export_response_cb (GtkNativeDialog  *dialog,
                    int               response,
                    KessanChartsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "size");
  KessanChartFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));
  int width = 1200, height = 750;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (export_sizes); i++)
    if (g_strcmp0 (size, export_sizes[i].id) == 0)
      {
        width = export_sizes[i].width;
        height = export_sizes[i].height;
      }
  if (!kessan_chart_export (self->chart, path, format, width, height, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   _("Could Not Export the Chart"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KessanChartsPage *self = KESSAN_CHARTS_PAGE (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  KessanChartFormat format = g_str_equal (extension, "svg") ? KESSAN_CHART_FORMAT_SVG
                             : g_str_equal (extension, "pdf") ? KESSAN_CHART_FORMAT_PDF : KESSAN_CHART_FORMAT_PNG;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  const char *size_ids[G_N_ELEMENTS (export_sizes) + 1] = { NULL, };
  const char *size_labels[G_N_ELEMENTS (export_sizes) + 1] = { NULL, };
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *title = kessan_chart_renderer_get_title (kessan_chart_get_renderer (self->chart));

  dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = g_strdup_printf ("%s.%s", title != NULL ? title : _("Chart"), extension);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_add_suffix (filter, extension);
  gtk_file_filter_set_name (filter, format == KESSAN_CHART_FORMAT_SVG ? _("SVG images")
                                    : format == KESSAN_CHART_FORMAT_PDF ? _("PDF documents") : _("PNG images"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  for (guint i = 0; i < G_N_ELEMENTS (export_sizes); i++)
    {
      size_ids[i] = export_sizes[i].id;
      size_labels[i] = g_intern_string (export_sizes[i].id);
    }
  /* TRANSLATORS: the choice of the size of an exported chart in the save dialog */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "size", _("Size"), size_ids, size_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "size", "1200x750");
  g_object_set_data (G_OBJECT (dialog), "format", GINT_TO_POINTER (format));
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KessanChartsPage *self = KESSAN_CHARTS_PAGE (widget);
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self->chart)), 800);
  int height = MAX (gtk_widget_get_height (GTK_WIDGET (self->chart)), 500);
  g_autoptr(GdkTexture) texture = kessan_chart_render_texture (self->chart, width, height);

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

/* Building */

static void
update_busy (KessanChartsPage *self)
{
  gboolean loading = self->window != NULL && !kessan_window_get_ready (self->window);

  GListModel *filings = kessan_series_builder_get_filings (self->builder);

  if (filings == NULL || g_list_model_get_n_items (filings) == 0)
    gtk_stack_set_visible_child_name (self->stack, kessan_series_builder_get_busy (self->builder) || loading ? "loading" : "empty");
  else if (self->result == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->stack, "charts");
}

static void
set_result (KessanChartsPage *self,
            ChartsResult     *result)
{
  ChartsResult *previous = g_steal_pointer (&self->result);

  self->result = result;
  /* The chart's model is its own: it holds nothing of the old set. */
  install_concepts (self);
  install_periods (self);
  if (self->selected->len == 0 && current_preset (self) == NULL && result != NULL)
    {
      /* A first chart at once: the first preset the library has values of. */
      const KessanChartPreset *first = kessan_chart_presets_find_first (result->set);

      if (first == NULL)
        first = kessan_chart_presets_get (0);
      self->updating++;
      gtk_drop_down_set_selected (self->preset_dropdown, CUSTOM_PRESET + 1 + (guint) (first - kessan_chart_presets_get (0)));
      self->updating--;
      apply_preset (self, first);
    }
  else if (current_preset (self) != NULL)
    apply_preset (self, current_preset (self));
  else
    update_chart (self);
  if (previous != NULL)
    charts_result_free (previous);
}

static void
series_ready_cb (gpointer result,
                 gpointer user_data)
{
  KessanChartsPage *self = user_data;
  gint64 started = g_get_monotonic_time ();

  set_result (self, result);
  g_debug ("Charts shown in %.3f s", (g_get_monotonic_time () - started) / 1e6);
  update_busy (self);
}

static void
settings_changed_cb (KessanChartsPage *self)
{
  KessanLabelLanguage labels = kessan_settings_get_label_language (self->settings);

  /* Legends follow the label language, as the Trends page does. */
  self->japanese_labels = kessan_label_language_japanese_first (labels);
  self->both_labels = labels == KESSAN_LABELS_BOTH;
  self->negative_style = kessan_settings_get_negative_style (self->settings);
  kessan_chart_set_labels (self->chart, self->japanese_labels, self->both_labels);
  kessan_chart_set_negative_style (self->chart, self->negative_style);
  refresh_concept_list (self);
  /* The search matches the labels in the language shown. */
  apply_search (self);
  update_chart (self);
}

/* Public */

void
kessan_charts_page_set_filings (KessanChartsPage *self,
                                GListModel       *filings)
{
  g_return_if_fail (KESSAN_IS_CHARTS_PAGE (self));
  g_return_if_fail (filings == NULL || G_IS_LIST_MODEL (filings));

  kessan_series_builder_set_filings (self->builder, filings);
}

/**
 * kessan_charts_page_set_settings:
 * @self: a #KessanChartsPage
 * @settings: the application's settings
 *
 * Follows the label language and the style of negative numbers.
 */
void
kessan_charts_page_set_settings (KessanChartsPage *self,
                                 GSettings        *settings)
{
  g_return_if_fail (KESSAN_IS_CHARTS_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings))
    return;
  g_signal_connect_object (settings, "changed::label-language", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::negative-style", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  settings_changed_cb (self);
}

/**
 * kessan_charts_page_show_concepts:
 * @self: a #KessanChartsPage
 * @concepts: (array zero-terminated=1): concept keys
 *
 * Charts @concepts as lines, over every period.
 */
void
kessan_charts_page_show_concepts (KessanChartsPage   *self,
                                  const char * const *concepts)
{
  KessanChartModel *model;

  g_return_if_fail (KESSAN_IS_CHARTS_PAGE (self));

  model = catalogue (self);
  self->updating++;
  gtk_drop_down_set_selected (self->preset_dropdown, CUSTOM_PRESET);
  select_concepts (self, concepts);
  gtk_drop_down_set_selected (self->kind_dropdown, KESSAN_CHART_LINE);
  if (model != NULL && kessan_chart_model_get_n_periods (model) > 0)
    {
      gtk_drop_down_set_selected (self->from_dropdown, 0);
      gtk_drop_down_set_selected (self->to_dropdown, kessan_chart_model_get_n_periods (model) - 1);
    }
  self->updating--;
  update_chart (self);
}

/**
 * kessan_charts_page_apply_preset:
 * @self: a #KessanChartsPage
 * @id: the id of a preset
 *
 * Returns: whether there is such a preset
 */
gboolean
kessan_charts_page_apply_preset (KessanChartsPage *self,
                                 const char       *id)
{
  g_return_val_if_fail (KESSAN_IS_CHARTS_PAGE (self), FALSE);

  for (guint i = 0; i < kessan_chart_presets_get_n (); i++)
    if (g_strcmp0 (kessan_chart_presets_get (i)->id, id) == 0)
      {
        /* Selecting the preset applies it. */
        if (gtk_drop_down_get_selected (self->preset_dropdown) == i + 1)
          apply_preset (self, kessan_chart_presets_get (i));
        else
          gtk_drop_down_set_selected (self->preset_dropdown, i + 1);
        return TRUE;
      }
  return FALSE;
}

KessanChart *
kessan_charts_page_get_chart (KessanChartsPage *self)
{
  g_return_val_if_fail (KESSAN_IS_CHARTS_PAGE (self), NULL);

  return self->chart;
}

/**
 * kessan_charts_page_get_ready:
 * @self: a #KessanChartsPage
 *
 * Returns: whether the series of the library are built and charted
 */
gboolean
kessan_charts_page_get_ready (KessanChartsPage *self)
{
  g_return_val_if_fail (KESSAN_IS_CHARTS_PAGE (self), FALSE);

  return self->result != NULL && !kessan_series_builder_get_busy (self->builder);
}

/* Life cycle */

static void
kessan_charts_page_root (GtkWidget *widget)
{
  KessanChartsPage *self = KESSAN_CHARTS_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (kessan_charts_page_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (KESSAN_IS_WINDOW (root))
    {
      self->window = KESSAN_WINDOW (root);
      g_signal_connect_object (root, "notify::ready", G_CALLBACK (update_busy), self, G_CONNECT_SWAPPED);
    }
  update_busy (self);
}

static void
kessan_charts_page_unroot (GtkWidget *widget)
{
  KessanChartsPage *self = KESSAN_CHARTS_PAGE (widget);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, update_busy, self);
  self->window = NULL;
  GTK_WIDGET_CLASS (kessan_charts_page_parent_class)->unroot (widget);
}

static void
kessan_charts_page_dispose (GObject *object)
{
  KessanChartsPage *self = KESSAN_CHARTS_PAGE (object);

  if (self->builder != NULL)
    kessan_series_builder_stop (self->builder);
  if (self->data_view != NULL)
    gtk_column_view_set_model (self->data_view, NULL);
  if (self->concept_list != NULL)
    gtk_list_view_set_model (self->concept_list, NULL);
  g_clear_object (&self->concepts);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->result, charts_result_free);
  g_clear_object (&self->model);
  g_clear_object (&self->builder);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kessan_charts_page_parent_class)->dispose (object);
}

static void
kessan_charts_page_finalize (GObject *object)
{
  KessanChartsPage *self = KESSAN_CHARTS_PAGE (object);

  g_ptr_array_unref (self->selected);
  g_ptr_array_unref (self->bound_buttons);
  g_free (self->needle);

  G_OBJECT_CLASS (kessan_charts_page_parent_class)->finalize (object);
}

static void
kessan_charts_page_class_init (KessanChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kessan_charts_page_dispose;
  object_class->finalize = kessan_charts_page_finalize;
  widget_class->root = kessan_charts_page_root;
  widget_class->unroot = kessan_charts_page_unroot;

  g_type_ensure (KESSAN_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kessan/Kessan/ui/kessan-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, controls);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, preset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, quarters_button);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, years_button);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, values_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, concept_list);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, KessanChartsPage, data_view);
  gtk_widget_class_bind_template_callback (widget_class, preset_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, values_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "charts.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "charts.copy", NULL, copy_action);
}

static void
kessan_charts_page_init (KessanChartsPage *self)
{
  g_autoptr(GtkStringList) presets = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;
  GtkNoSelection *selection;
  GtkEventController *keys;

  self->selected = g_ptr_array_new_with_free_func (g_free);
  self->builder = kessan_series_builder_new (build_charts, series_ready_cb,
                                             (GDestroyNotify) charts_result_free, self);
  g_signal_connect_object (self->builder, "notify::busy", G_CALLBACK (update_busy), self, G_CONNECT_SWAPPED);
  self->bound_buttons = g_ptr_array_new ();
  self->filter = gtk_custom_filter_new (filter_concept, self, NULL);
  self->mode = MODE_QUARTERS;

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkDropDown *choices[] = { self->preset_dropdown, self->kind_dropdown, self->from_dropdown,
                               self->to_dropdown, self->values_dropdown };

    for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
      kessan_drop_down_ellipsize (choices[i], 4);
  }
  kessan_accessible_name_drop_down (self->preset_dropdown, gtk_widget_get_prev_sibling (GTK_WIDGET (self->preset_dropdown)), NULL);
  kessan_accessible_name_drop_down (self->kind_dropdown, gtk_widget_get_prev_sibling (GTK_WIDGET (self->kind_dropdown)), NULL);
  kessan_accessible_name_drop_down (self->values_dropdown, gtk_widget_get_prev_sibling (GTK_WIDGET (self->values_dropdown)), NULL);
  kessan_accessible_name_drop_down (self->from_dropdown, NULL, _("First period"));
  kessan_accessible_name_drop_down (self->to_dropdown, NULL, _("Last period"));

  self->updating++;
  /* TRANSLATORS: the preset entry of a chart of concepts picked by hand */
  gtk_string_list_append (presets, _("Custom"));
  for (guint i = 0; i < kessan_chart_presets_get_n (); i++)
    gtk_string_list_append (presets, _(kessan_chart_presets_get (i)->title));
  gtk_drop_down_set_model (self->preset_dropdown, G_LIST_MODEL (presets));
  gtk_drop_down_set_selected (self->preset_dropdown, CUSTOM_PRESET);
  self->updating--;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_concept_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_concept_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_concept_cb), self);
  gtk_list_view_set_factory (self->concept_list, factory);
  g_object_unref (factory);
  g_signal_connect_object (self->concept_list, "activate", G_CALLBACK (concept_activated_cb), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (concept_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->concept_list), keys);
  self->concepts = gtk_filter_list_model_new (NULL, NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->concepts)));
  gtk_list_view_set_model (self->concept_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charts.copy", FALSE);
  update_busy (self);
}
