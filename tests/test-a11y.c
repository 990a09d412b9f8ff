/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "kessan-application.h"
#include "kessan-charts-page.h"
#include "kessan-source-page.h"
#include "kessan-statements-page.h"
#include "kessan-test-util.h"
#include "kessan-trends-page.h"
#include "kessan-test-app.h"
#include "kessan-window.h"

/* What a screen reader and a keyboard user meet.  The tests run with
 * GTK's test accessibility backend (GTK_A11Y=test), which keeps every
 * accessible property, relation and state a widget sets: an object has
 * a name, as GTK 4.8 computes it for AT-SPI, when it has a label
 * property or a labelled-by relation. */

typedef KessanTestApp Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  kessan_test_app_set_up (fixture, "kessan-a11y-XXXXXX", 1280, 800, TRUE);
  g_assert_nonnull (kessan_window_get_filing (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kessan_test_app_tear_down (fixture);
}

static KessanStatementsPage *
statements_page (Fixture *fixture)
{
  return KESSAN_STATEMENTS_PAGE (kessan_window_get_page (fixture->window, "statements"));
}

/* The roles of objects a user acts on. */
static gboolean
is_interactive (GtkAccessibleRole role)
{
  switch (role)
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_MENU_ITEM_RADIO:
    case GTK_ACCESSIBLE_ROLE_OPTION:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TAB:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_GRID_CELL:
    case GTK_ACCESSIBLE_ROLE_COLUMN_HEADER:
    case GTK_ACCESSIBLE_ROLE_TREE_ITEM:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
         || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Every object on screen a user can act on, without a name, described
 * for the test's log. */
static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  GtkAccessibleRole role;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;
  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  /* Hidden from assistive technologies, with everything inside. */
  if (role == GTK_ACCESSIBLE_ROLE_PRESENTATION || role == GTK_ACCESSIBLE_ROLE_NONE)
    {
      if (gtk_widget_get_focusable (widget) && !has_name (widget) && role == GTK_ACCESSIBLE_ROLE_PRESENTATION)
        g_ptr_array_add (unnamed, g_strdup_printf ("%s (presentation, focusable)", G_OBJECT_TYPE_NAME (widget)));
    }
  else if ((is_interactive (role) || (gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget)
                                      && role != GTK_ACCESSIBLE_ROLE_GENERIC && role != GTK_ACCESSIBLE_ROLE_GROUP
                                      && role != GTK_ACCESSIBLE_ROLE_LIST && role != GTK_ACCESSIBLE_ROLE_GRID
                                      && role != GTK_ACCESSIBLE_ROLE_TREE_GRID && role != GTK_ACCESSIBLE_ROLE_WINDOW
                                      && role != GTK_ACCESSIBLE_ROLE_DIALOG && role != GTK_ACCESSIBLE_ROLE_LABEL
                                      && role != GTK_ACCESSIBLE_ROLE_IMG && role != GTK_ACCESSIBLE_ROLE_SCROLLBAR
                                      && role != GTK_ACCESSIBLE_ROLE_SEPARATOR))
           && !has_name (widget))
    {
      const char *hint = gtk_widget_get_tooltip_text (widget);
      GtkWidget *parent = gtk_widget_get_parent (widget);

      g_ptr_array_add (unnamed, g_strdup_printf ("%s role %d in %s%s%s", G_OBJECT_TYPE_NAME (widget), role,
                                                 parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "nothing",
                                                 hint != NULL ? ": " : "", hint != NULL ? hint : ""));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static guint
count_unnamed (GtkWidget  *root,
               const char *where)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  collect_unnamed (root, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("%s: no accessible name: %s", where, (char *) g_ptr_array_index (unnamed, i));
  return unnamed->len;
}

static void
test_a11y_names (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *pages[] = { "statements", "trends", "charts", "checks", "source" };
  guint unnamed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      kessan_window_show_page (fixture->window, pages[i]);
      kessan_test_iterate_for (1500);
      unnamed += count_unnamed (GTK_WIDGET (fixture->window), pages[i]);
    }
  g_assert_cmpuint (unnamed, ==, 0);
}


static gboolean
wizard_open (gpointer data)
{
  Fixture *fixture = data;

  return kessan_window_get_import_wizard (fixture->window) != NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* The import wizard and the preferences, as a user opens them. */
static void
test_a11y_dialog_names (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = kessan_test_seed_path ("003_3f09aa9018b22431.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *preferences;

  kessan_window_open_file (fixture->window, file);
  kessan_test_iterate_until (wizard_open, fixture, 30000);
  kessan_test_iterate_for (2000);
  g_assert_cmpuint (count_unnamed (GTK_WIDGET (kessan_window_get_import_wizard (fixture->window)), "wizard"), ==, 0);

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  kessan_test_iterate_for (1000);
  preferences = find_toplevel (g_type_from_name ("KessanPreferencesWindow"));
  g_assert_nonnull (preferences);
  g_assert_cmpuint (count_unnamed (GTK_WIDGET (preferences), "preferences"), ==, 0);
}

/* Shows @id of the release read from @source_name. */
static void
show_statement (Fixture    *fixture,
                const char *source_name,
                const char *id)
{
  KessanFiling *filing = kessan_test_app_find_filing (fixture, source_name);

  g_assert_nonnull (filing);
  kessan_window_select_filing (fixture->window, filing);
  kessan_window_show_page (fixture->window, "statements");
  g_assert_true (kessan_statements_page_select_statement (statements_page (fixture), id));
  kessan_test_iterate_for (300);
}

static int
find_row (KessanStatementsPage *page,
          const char           *label)
{
  for (guint r = 0; r < kessan_statements_page_get_n_rows (page); r++)
    {
      g_autofree char *text = kessan_statements_page_get_cell_text (page, r, 0);

      if (g_strcmp0 (text, label) == 0)
        return (int) r;
    }
  return -1;
}

/* The displayed column of the printed column @printed. */
static guint
display_column (KessanStatementsPage *page,
                KessanStatement      *statement,
                guint                 row,
                guint                 printed)
{
  KessanLineItem *item = kessan_statement_get_row (statement, row);
  g_autofree char *value = kessan_format_number (kessan_line_item_get_value (item, printed),
                                                 kessan_line_item_get_decimals (item, printed), KESSAN_NEGATIVE_MINUS);

  for (guint c = 1; c < kessan_statements_page_get_n_columns (page); c++)
    {
      g_autofree char *text = kessan_statements_page_get_cell_text (page, row, c);

      if (g_strcmp0 (text, value) == 0)
        return c;
    }
  g_assert_not_reached ();
}

/* The cell widget named @name, among those on screen. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *error = NULL;
      GtkWidget *found;

      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_GRID_CELL
          && gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL))
        {
          error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
          if (error == NULL)
            return child;
        }
      found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A value cell says its row, its column and its value, and a screen
 * reader meets that name on the cell on screen. */
static void
test_a11y_cell_names (Fixture       *fixture,
                      gconstpointer  data)
{
  KessanStatementsPage *page = statements_page (fixture);
  GtkWidget *table;
  g_autofree char *name = NULL;
  g_autofree char *label_name = NULL;
  g_autofree char *total_name = NULL;
  int row, total;
  guint usd;

  show_statement (fixture, "003_3f09aa9018b22431.txt", "en-income-quarter");
  row = find_row (page, "Dedicated access services");
  g_assert_cmpint (row, >=, 0);
  /* The first printed column is the quarter in dollars. */
  usd = display_column (page, kessan_statements_page_get_statement (page), (guint) row, 0);
  name = kessan_statements_page_describe_cell (page, (guint) row, usd);
  g_assert_cmpstr (name, ==, "Dedicated access services, 2Q FY2003, USD: 29,044");
  table = GTK_WIDGET (gtk_widget_get_first_child (GTK_WIDGET (page)));
  g_assert_nonnull (find_named (table, name));

  label_name = kessan_statements_page_describe_cell (page, (guint) row, 0);
  g_assert_cmpstr (label_name, ==, "Dedicated access services");
  total = find_row (page, "Total revenues");
  g_assert_cmpint (total, >=, 0);
  total_name = kessan_statements_page_describe_cell (page, (guint) total, 0);
  g_assert_cmpstr (total_name, ==, "Total revenues, total row");
}

/* Sends a key to the table's own key handler, as GTK does when the
 * table has the focus. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

typedef struct
{
  Fixture   *fixture;
  GtkWidget *within;
} FocusWait;

static gboolean
focus_within (gpointer data)
{
  FocusWait *wait = data;
  GtkWidget *focus = focus_of (wait->fixture);

  return focus != NULL && gtk_widget_is_ancestor (focus, wait->within);
}

/* The arrows move the current cell and the focus with it; Show in
 * Source selects the number in the source text and gives it the focus. */
static void
test_a11y_statements_keyboard (Fixture       *fixture,
                               gconstpointer  data)
{
  KessanStatementsPage *page = statements_page (fixture);
  KessanSourcePage *source = KESSAN_SOURCE_PAGE (kessan_window_get_page (fixture->window, "source"));
  GtkWidget *table;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *selected = NULL;
  g_autofree char *expected = NULL;
  FocusWait wait;
  guint row, column;
  int first;

  show_statement (fixture, "003_3f09aa9018b22431.txt", "en-income-quarter");
  table = find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  first = find_row (page, "Dedicated access services");
  kessan_statements_page_set_current_cell (page, (guint) first, 1);

  g_assert_true (press_key (table, GDK_KEY_Right, 0));
  g_assert_true (kessan_statements_page_get_current_cell (page, &row, &column));
  g_assert_cmpuint (row, ==, (guint) first);
  g_assert_cmpuint (column, ==, 2);
  g_assert_true (press_key (table, GDK_KEY_Down, 0));
  g_assert_true (kessan_statements_page_get_current_cell (page, &row, &column));
  g_assert_cmpuint (row, ==, (guint) first + 1);
  g_assert_cmpuint (column, ==, 2);
  g_assert_true (press_key (table, GDK_KEY_Left, 0));
  g_assert_true (press_key (table, GDK_KEY_Left, 0));
  g_assert_true (kessan_statements_page_get_current_cell (page, &row, &column));
  g_assert_cmpuint (column, ==, 0);
  /* The focus is on the row of the current cell. */
  wait.fixture = fixture;
  wait.within = table;
  kessan_test_iterate_until (focus_within, &wait, 5000);

  /* Back to the yen of the quarter: its number, selected in the source. */
  g_assert_true (press_key (table, GDK_KEY_Right, 0));
  g_assert_true (press_key (table, GDK_KEY_Right, 0));
  expected = kessan_statements_page_get_cell_text (page, row, 2);
  g_assert_true (kessan_statements_page_show_in_source (page));
  wait.within = GTK_WIDGET (source);
  kessan_test_iterate_until (focus_within, &wait, 10000);
  g_assert_true (GTK_IS_TEXT_VIEW (focus_of (fixture)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus_of (fixture)));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, expected);
}

/* A finding shown from Checks makes its cell current and focuses it. */
static void
test_a11y_finding_focus (Fixture       *fixture,
                         gconstpointer  data)
{
  KessanFiling *filing = kessan_test_app_find_filing (fixture, "003_3f09aa9018b22431.txt");
  KessanStatementsPage *page = statements_page (fixture);
  KessanFinding *finding = NULL;
  FocusWait wait;
  guint row, column, n_columns;
  const guint *columns;
  KessanLineItem *item;

  kessan_window_select_filing (fixture->window, filing);
  for (guint i = 0; i < kessan_filing_get_n_findings (filing) && finding == NULL; i++)
    {
      KessanFinding *candidate = kessan_filing_get_finding (filing, i);

      kessan_finding_get_columns (candidate, &n_columns);
      if (kessan_finding_get_statement (candidate) != NULL && kessan_finding_get_rows (candidate)[0] != NULL && n_columns > 0)
        finding = candidate;
    }
  g_assert_nonnull (finding);
  kessan_window_show_page (fixture->window, "checks");
  kessan_test_iterate_for (300);
  g_signal_emit_by_name (kessan_window_get_page (fixture->window, "checks"), "show-finding", finding);

  wait.fixture = fixture;
  wait.within = find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  kessan_test_iterate_until (focus_within, &wait, 10000);
  g_assert_true (kessan_statements_page_get_current_cell (page, &row, &column));
  item = kessan_statement_get_row (kessan_statements_page_get_statement (page), row);
  g_assert_cmpstr (kessan_line_item_get_concept (item), ==, kessan_finding_get_rows (finding)[0]);
  columns = kessan_finding_get_columns (finding, &n_columns);
  g_assert_nonnull (kessan_statements_page_get_cell_findings (page, row, column));
  g_assert_cmpuint (column, >, 0);
  (void) columns;
}

static gboolean
trends_ready (gpointer data)
{
  KessanTrendsPage *page = data;

  return kessan_trends_page_get_n_periods (page) > 0;
}

/* Trends: the arrows move the current cell, and Alt+Left and Alt+Right
 * page through the periods. */
static void
test_a11y_trends_keyboard (Fixture       *fixture,
                           gconstpointer  data)
{
  KessanTrendsPage *page = KESSAN_TRENDS_PAGE (kessan_window_get_page (fixture->window, "trends"));
  GtkWidget *table;
  guint first, row, period, shown;

  kessan_window_show_page (fixture->window, "trends");
  kessan_test_iterate_until (trends_ready, page, 30000);
  kessan_test_iterate_for (500);
  table = find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  first = kessan_trends_page_get_first_period (page);
  /* The latest periods first, earlier ones to the left. */
  g_assert_cmpuint (first, >, 0);

  g_assert_true (press_key (table, GDK_KEY_Down, 0));
  g_assert_true (press_key (table, GDK_KEY_Down, 0));
  g_assert_true (press_key (table, GDK_KEY_Right, 0));
  g_assert_true (kessan_trends_page_get_current_cell (page, &row, &period));
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpuint (period, ==, first);

  /* Left of the first period shown pages back a period. */
  g_assert_true (press_key (table, GDK_KEY_Right, 0));
  g_assert_true (press_key (table, GDK_KEY_Left, 0));
  g_assert_true (press_key (table, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpuint (kessan_trends_page_get_first_period (page), <, first);
  shown = first - kessan_trends_page_get_first_period (page);
  g_assert_true (kessan_trends_page_get_current_cell (page, &row, &period));
  g_assert_cmpuint (period, >=, kessan_trends_page_get_first_period (page));
  g_assert_cmpuint (period, <, first);
  g_assert_cmpuint (shown, >=, 1);
  g_assert_true (press_key (table, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (kessan_trends_page_get_first_period (page), ==, first);
}

static gboolean
charts_ready (gpointer data)
{
  return kessan_charts_page_get_ready (KESSAN_CHARTS_PAGE (data));
}

/* The list view whose rows are check buttons: the chart's concepts. */
static GtkWidget *
find_concept_list (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && find_widget (widget, GTK_TYPE_CHECK_BUTTON) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child))
        continue;
      found = find_concept_list (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The chart's concepts are one stop of the Tab key: their rows take the
 * focus by the arrows, Space toggles one, Tab goes on past the list. */
static void
test_a11y_chart_concepts (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *charts = kessan_window_get_page (fixture->window, "charts");
  GtkWidget *list, *focus;
  GtkCheckButton *check;
  FocusWait wait;
  gboolean was_active;

  kessan_window_show_page (fixture->window, "charts");
  kessan_test_iterate_until (charts_ready, charts, 30000);
  kessan_test_iterate_for (500);
  list = find_concept_list (charts);
  g_assert_nonnull (list);
  g_assert_false (gtk_widget_get_focusable (find_widget (list, GTK_TYPE_CHECK_BUTTON)));

  gtk_widget_grab_focus (list);
  wait.fixture = fixture;
  wait.within = list;
  kessan_test_iterate_until (focus_within, &wait, 5000);
  focus = focus_of (fixture);
  check = GTK_CHECK_BUTTON (find_widget (focus, GTK_TYPE_CHECK_BUTTON));
  g_assert_nonnull (check);
  was_active = gtk_check_button_get_active (check);
  g_assert_true (press_key (list, GDK_KEY_space, 0));
  g_assert_cmpint (gtk_check_button_get_active (check), !=, was_active);

  g_assert_true (press_key (list, GDK_KEY_Tab, 0));
  focus = focus_of (fixture);
  g_assert_nonnull (focus);
  g_assert_false (gtk_widget_is_ancestor (focus, list));
}

/* A page shown by its key takes the focus with it, at its first
 * control, from the page left. */
static void
test_a11y_page_switch_focus (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char *pages[] = { "trends", "charts", "checks", "source", "statements" };
  KessanStatementsPage *page = statements_page (fixture);
  FocusWait wait;

  show_statement (fixture, "003_3f09aa9018b22431.txt", "en-income-quarter");
  kessan_statements_page_set_current_cell (page, 2, 1);
  kessan_statements_page_focus_current_cell (page);
  wait.fixture = fixture;
  wait.within = GTK_WIDGET (page);
  kessan_test_iterate_until (focus_within, &wait, 5000);
  /* As by a click: no focus ring until the keyboard moves it. */
  gtk_window_set_focus_visible (GTK_WINDOW (fixture->window), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      /* What Alt+1…5 do. */
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-to-page", "s", pages[i]);
      g_assert_true (gtk_window_get_focus_visible (GTK_WINDOW (fixture->window)));
      wait.within = kessan_window_get_page (fixture->window, pages[i]);
      kessan_test_iterate_until (focus_within, &wait, 5000);
      g_assert_true (gtk_widget_is_ancestor (focus_of (fixture), kessan_window_get_page (fixture->window, pages[i])));
    }
}

int
main (int    argc,
      char **argv)
{
  kessan_test_app_init (&argc, &argv);

  g_test_add ("/kessan/a11y/names", Fixture, NULL, fixture_set_up, test_a11y_names, fixture_tear_down);
  g_test_add ("/kessan/a11y/dialog-names", Fixture, NULL, fixture_set_up, test_a11y_dialog_names, fixture_tear_down);
  /* The rest reads English names and numbers. */
  if (!g_str_has_prefix (g_get_language_names ()[0], "ja"))
    {
      g_test_add ("/kessan/a11y/cell-names", Fixture, NULL, fixture_set_up, test_a11y_cell_names, fixture_tear_down);
      g_test_add ("/kessan/a11y/statements-keyboard", Fixture, NULL, fixture_set_up, test_a11y_statements_keyboard, fixture_tear_down);
      g_test_add ("/kessan/a11y/finding-focus", Fixture, NULL, fixture_set_up, test_a11y_finding_focus, fixture_tear_down);
      g_test_add ("/kessan/a11y/page-switch-focus", Fixture, NULL, fixture_set_up, test_a11y_page_switch_focus, fixture_tear_down);
      g_test_add ("/kessan/a11y/chart-concepts", Fixture, NULL, fixture_set_up, test_a11y_chart_concepts, fixture_tear_down);
      g_test_add ("/kessan/a11y/trends-keyboard", Fixture, NULL, fixture_set_up, test_a11y_trends_keyboard, fixture_tear_down);
    }
  return g_test_run ();
}
