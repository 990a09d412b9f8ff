/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "kessan-test-app.h"
#include "kessan-test-util.h"
#include "kessan-window.h"

/* The main window's shape: how narrow it can go, what its sidebar says
 * about each release, and what it shows while it has nothing to show. */

typedef KessanTestApp Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  kessan_test_app_set_up (fixture, "kessan-window-XXXXXX", 0, 0, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kessan_test_app_tear_down (fixture);
}

/* Names, on failure, the widgets that ask for more than @limit pixels
 * of width, innermost last: what to fix. */
static void
print_wide_widgets (GtkWidget *widget,
                    int        limit,
                    int        depth)
{
  int minimum;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= limit)
    return;
  g_printerr ("%*s%s (%s) needs %d px\n", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
              gtk_widget_get_name (widget), minimum);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    print_wide_widgets (child, limit, depth + 1);
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static gboolean
narrow_enough (gpointer data)
{
  return gtk_widget_get_width (data) > 0 && gtk_widget_get_width (data) <= 360;
}

/* A phone-sized window: every page of the window fits in 360 px (the
 * window's content; the frame a window manager may add is not ours). */
static void
test_window_narrow (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *pages[] = { "statements", "trends", "charts", "checks", "source" };
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));

  /* A window takes its default size when it is mapped. */
  gtk_widget_hide (GTK_WIDGET (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  kessan_test_iterate_until (narrow_enough, content, 10000);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      kessan_window_show_page (fixture->window, pages[i]);
      kessan_test_iterate_for (300);
      if (minimum_width (content) > 360)
        print_wide_widgets (content, 360, 0);
      g_assert_cmpint (minimum_width (content), <=, 360);
      /* At that width the pages follow one another, and the switcher
       * is at the bottom. */
      g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (gtk_widget_get_ancestor (kessan_window_get_page (fixture->window, pages[i]), ADW_TYPE_LEAFLET))));
      g_assert_cmpint (gtk_widget_get_width (content), <=, 360);
    }
}

/* Every icon name the code and the interface files use, found among the
 * application's own icons and hicolor alone: no icon theme of the
 * desktop is needed (Debian 12's Adwaita lacks some names). */
static void
collect_icon_names (const char *directory,
                    const char *suffix,
                    GHashTable *names)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(GRegex) regex = g_regex_new ("[a-z][a-z0-9-]*-symbolic(?![a-z.])", 0, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_str_has_suffix (name, suffix))
        continue;
      text = kessan_test_read_file (path, NULL);
      for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        g_hash_table_add (names, g_match_info_fetch (match, 0));
    }
}

static void
test_window_icons_bundled (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *top = g_test_build_filename (G_TEST_DIST, "..", NULL);
  g_autofree char *app = g_build_filename (top, "src", "app", NULL);
  g_autofree char *ui = g_build_filename (top, "resources", "ui", NULL);
  g_autofree char *gtk = g_build_filename (top, "resources", "gtk", NULL);
  g_autoptr(GtkIconTheme) theme = gtk_icon_theme_new ();
  const char *search_path[] = { "/usr/share/icons", NULL };
  const char *resource_path[] = { "/io/github/kessan/Kessan/icons", NULL };
  GHashTableIter iter;
  const char *name;

  collect_icon_names (app, ".c", names);
  collect_icon_names (ui, ".ui", names);
  collect_icon_names (gtk, ".ui", names);
  /* The About window shows the application's own icon. */
  g_hash_table_add (names, g_strdup ("io.github.kessan.Kessan"));
  /* The scan finds what the pages show, or it looks in the wrong place. */
  g_assert_true (g_hash_table_contains (names, "kessan-chart-symbolic"));
  g_assert_true (g_hash_table_contains (names, "dialog-error-symbolic"));

  gtk_icon_theme_set_theme_name (theme, "hicolor");
  gtk_icon_theme_set_search_path (theme, search_path);
  gtk_icon_theme_set_resource_path (theme, resource_path);
  /* The desktop's theme is out of the lookup: a name of Adwaita's that
   * Kessan does not bundle is not found. */
  g_assert_false (gtk_icon_theme_has_icon (theme, "edit-paste-symbolic"));
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      if (!gtk_icon_theme_has_icon (theme, name))
        g_printerr ("icon not found: %s\n", name);
      g_assert_true (gtk_icon_theme_has_icon (theme, name));
    }
  /* The window's theme finds them the same way. */
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (fixture->window))),
                                          "kessan-chart-symbolic"));
}

static GtkWidget *
find_descendant (GtkWidget  *widget,
                 GType       type,
                 const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The sidebar's list is the one styled as a navigation sidebar. */
static GtkListBox *
library_list (Fixture *fixture)
{
  GtkWidget *list = find_with_class (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_BOX, "navigation-sidebar");

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static const char *
row_text (GtkListBoxRow *row,
          const char    *name)
{
  GtkWidget *label = find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Each release's row says its period, company, kind of file and file
 * name, and its icon is as severe as its worst finding. */
static void
test_window_library_rows (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkListBox *list = library_list (fixture);
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_rows = 0;

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      KessanFiling *filing = g_object_get_data (G_OBJECT (row), "filing");
      GtkWidget *error_icon = find_descendant (GTK_WIDGET (row), GTK_TYPE_IMAGE, "severity-error");
      GtkWidget *warning_icon = find_descendant (GTK_WIDGET (row), GTK_TYPE_IMAGE, "severity-warning");
      gboolean has_error = FALSE;
      g_autofree char *file_line = g_strdup_printf ("Text · %s", kessan_filing_get_source_name (filing));
      g_autofree char *all = NULL;

      for (guint f = 0; f < kessan_filing_get_n_findings (filing); f++)
        has_error |= kessan_finding_get_severity (kessan_filing_get_finding (filing, f)) == KESSAN_SEVERITY_ERROR;

      g_assert_true (g_str_has_suffix (row_text (row, "period"), "FY2003") || g_str_has_suffix (row_text (row, "period"), "FY2002"));
      g_assert_cmpstr (row_text (row, "company"), ==, "Internet Initiative Japan Inc.");
      g_assert_cmpstr (row_text (row, "file"), ==, file_line);
      /* No two rows read the same. */
      all = g_strjoin ("|", row_text (row, "period"), row_text (row, "company"), row_text (row, "file"), NULL);
      g_assert_false (g_hash_table_contains (seen, all));
      g_hash_table_add (seen, g_steal_pointer (&all));

      /* The samples each have a failed check: an error icon, explained. */
      g_assert_true (has_error);
      g_assert_nonnull (error_icon);
      g_assert_null (warning_icon);
      g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (error_icon)), ==, "dialog-error-symbolic");
      g_assert_true (gtk_widget_has_css_class (error_icon, "error"));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (error_icon), "failed"));
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, 3);
  g_hash_table_unref (seen);
}

/* A search that matches nothing says so; clearing it brings the rows
 * back. */
static void
test_window_search_no_results (Fixture       *fixture,
                               gconstpointer  data)
{
  /* The sidebar's entry, beside the list of releases. */
  GtkWidget *sidebar = gtk_widget_get_parent (gtk_widget_get_ancestor (GTK_WIDGET (library_list (fixture)), GTK_TYPE_STACK));
  GtkWidget *entry = find_descendant (sidebar, GTK_TYPE_SEARCH_ENTRY, NULL);

  g_assert_cmpstr (kessan_window_get_sidebar_state (fixture->window), ==, "list");
  gtk_editable_set_text (GTK_EDITABLE (entry), "no such company anywhere");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpstr (kessan_window_get_sidebar_state (fixture->window), ==, "no-results");
  gtk_editable_set_text (GTK_EDITABLE (entry), "2003");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpstr (kessan_window_get_sidebar_state (fixture->window), ==, "list");
}

/* While the library is read the content shows that it is loading, not
 * that no release is selected. */
static void
test_window_loading (void)
{
  KessanTestApp test = { NULL, };

  kessan_test_app_reset_settings ();
  test.library_dir = kessan_test_make_temp_dir ("kessan-window-XXXXXX");
  g_setenv ("KESSAN_LIBRARY_DIR", test.library_dir, TRUE);
  test.app = kessan_application_new ();
  g_application_set_application_id (G_APPLICATION (test.app), "io.github.kessan.Kessan.TestLoading");
  g_application_set_flags (G_APPLICATION (test.app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (test.app), NULL, NULL));
  g_application_activate (G_APPLICATION (test.app));
  test.window = KESSAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (test.app)));
  g_assert_false (kessan_window_get_ready (test.window));
  g_assert_cmpstr (kessan_window_get_content_state (test.window), ==, "loading");
  g_assert_cmpstr (kessan_window_get_sidebar_state (test.window), ==, "loading");
  while (!kessan_window_get_ready (test.window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (kessan_window_get_content_state (test.window), ==, "pages");
  g_assert_cmpstr (kessan_window_get_sidebar_state (test.window), ==, "list");
  kessan_test_app_tear_down (&test);
}

int
main (int    argc,
      char **argv)
{
  kessan_test_app_init (&argc, &argv);

  g_test_add ("/kessan/window/narrow", Fixture, NULL, fixture_set_up, test_window_narrow, fixture_tear_down);
  g_test_add ("/kessan/window/icons-bundled", Fixture, NULL, fixture_set_up, test_window_icons_bundled, fixture_tear_down);
  g_test_add ("/kessan/window/library-rows", Fixture, NULL, fixture_set_up, test_window_library_rows, fixture_tear_down);
  g_test_add ("/kessan/window/search-no-results", Fixture, NULL, fixture_set_up, test_window_search_no_results, fixture_tear_down);
  g_test_add_func ("/kessan/window/loading", test_window_loading);
  return g_test_run ();
}
