/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "kessan-checks-page.h"
#include "kessan-display-settings.h"
#include "kessan-preferences-window.h"
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

static void
collect_widgets (GtkWidget  *widget,
                 GType       type,
                 GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* The Checks page of every release: the findings of each release under
 * a heading naming it, their values with the % of a percent column and
 * negatives written as the statements write them. */
static void
test_window_checks_all_releases (Fixture       *fixture,
                                 gconstpointer  data)
{
  KessanChecksPage *page = KESSAN_CHECKS_PAGE (kessan_window_get_page (fixture->window, "checks"));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GHashTable) headings = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean japanese = kessan_interface_is_japanese ();
  guint n_percent = 0, n_negative = 0;

  gtk_window_present (GTK_WINDOW (fixture->window));
  kessan_window_show_page (fixture->window, "checks");
  kessan_checks_page_set_show_all (page, TRUE);
  kessan_test_iterate_for (300);

  collect_widgets (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *heading = gtk_list_box_row_get_header (rows->pdata[i]);

      if (heading != NULL)
        {
          /* A release is named once in each list of a severity. */
          g_assert_cmpstr (gtk_widget_get_name (heading), ==, "release-heading");
          g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (heading)), ".txt"));
          g_hash_table_add (headings, (gpointer) gtk_label_get_text (GTK_LABEL (heading)));
        }
    }
  /* The three samples each have failed checks. */
  g_assert_cmpuint (g_hash_table_size (headings), >=, 3);

  collect_widgets (GTK_WIDGET (page), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (labels->pdata[i]);

      if (!gtk_widget_has_css_class (labels->pdata[i], "numeric"))
        continue;
      n_percent += g_str_has_suffix (text, "%");
      /* Negatives: ▲ for a Japanese reader, the minus sign else. */
      if (japanese)
        g_assert_null (strstr (text, "−"));
      else
        g_assert_null (strstr (text, "▲"));
      n_negative += strstr (text, japanese ? "▲" : "−") != NULL;
    }
  g_assert_cmpuint (n_percent, >, 0);
  g_assert_cmpuint (n_negative, >, 0);
  kessan_test_save_screenshot (GTK_WIDGET (fixture->window), japanese ? "checks-all-ja" : "checks-all-en");
}

/* The preferences show the negative style in use: ▲ for a Japanese
 * reader who chose none. */
static void
test_window_preferences_negatives (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.kessan.Kessan");
  KessanPreferencesWindow *preferences = kessan_preferences_window_new (settings);
  AdwComboRow *row = kessan_preferences_window_get_negative_row (preferences);

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==,
                    kessan_interface_is_japanese () ? KESSAN_NEGATIVE_TRIANGLE : KESSAN_NEGATIVE_MINUS);
  adw_combo_row_set_selected (row, KESSAN_NEGATIVE_PARENTHESES);
  g_assert_cmpuint (kessan_settings_get_negative_style (settings), ==, KESSAN_NEGATIVE_PARENTHESES);
  g_settings_reset (settings, "negative-style");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==,
                    kessan_interface_is_japanese () ? KESSAN_NEGATIVE_TRIANGLE : KESSAN_NEGATIVE_MINUS);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* One meaning a key: no two actions of the application share an
 * accelerator; Ctrl+F finds in the release's text (on the Source page),
 * Ctrl+Shift+F searches the library and Ctrl+I imports. */
static void
test_window_shortcuts (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->app);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);
  g_autoptr(GHashTable) owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) find = gtk_application_get_accels_for_action (app, "win.find");
  g_auto(GStrv) search = gtk_application_get_accels_for_action (app, "win.search");
  g_auto(GStrv) import = gtk_application_get_accels_for_action (app, "win.import");

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      for (guint a = 0; accels[a] != NULL; a++)
        {
          if (g_hash_table_contains (owners, accels[a]))
            g_error ("%s is the shortcut of %s and of %s", accels[a], actions[i],
                     (const char *) g_hash_table_lookup (owners, accels[a]));
          g_hash_table_insert (owners, g_strdup (accels[a]), actions[i]);
        }
    }
  g_assert_cmpstr (find[0], ==, "<Control>f");
  g_assert_cmpstr (search[0], ==, "<Shift><Control>f");
  g_assert_cmpstr (import[0], ==, "<Control>i");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  g_assert_cmpstr (kessan_window_get_visible_page (fixture->window), ==, "source");
}

static guint
count_tagged_ranges (GtkTextBuffer *buffer,
                     const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;
  guint n = 0;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  do
    n += gtk_text_iter_starts_tag (&iter, tag);
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag));
  return n;
}

static gboolean
source_loaded (gpointer data)
{
  return gtk_text_buffer_get_char_count (data) > 1000;
}

/* The Source page: named by its release, long lines wrapped, and a
 * search marks every match, the current one apart. */
static void
test_window_source_page (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *page = kessan_window_get_page (fixture->window, "source");
  GtkTextView *view = GTK_TEXT_VIEW (find_descendant (page, GTK_TYPE_TEXT_VIEW, NULL));
  GtkWidget *entry = find_descendant (page, GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean titled = FALSE;
  guint others;

  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  kessan_test_iterate_until (source_loaded, buffer, 10000);
  g_assert_cmpint (gtk_text_view_get_wrap_mode (view), ==, GTK_WRAP_WORD_CHAR);

  collect_widgets (page, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    titled |= g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "2Q FY2003 · Internet Initiative Japan Inc.") == 0
              || g_strcmp0 (gtk_label_get_text (labels->pdata[i]), "4Q FY2002 · Internet Initiative Japan Inc.") == 0;
  g_assert_true (titled);

  gtk_editable_set_text (GTK_EDITABLE (entry), "Total");
  g_signal_emit_by_name (entry, "search-changed");
  kessan_test_iterate_for (100);
  g_assert_cmpuint (count_tagged_ranges (buffer, "match"), ==, 1);
  others = count_tagged_ranges (buffer, "other-match");
  g_assert_cmpuint (others, >=, 2);
  /* The next match takes the strong mark; as many stay marked. */
  g_assert_true (gtk_widget_activate_action (page, "source.find-next", NULL));
  g_assert_cmpuint (count_tagged_ranges (buffer, "match"), ==, 1);
  g_assert_cmpuint (count_tagged_ranges (buffer, "other-match"), ==, others);
  kessan_test_iterate_for (200);
  kessan_test_save_screenshot (GTK_WIDGET (fixture->window), "source-search-en");
}

int
main (int    argc,
      char **argv)
{
  kessan_test_app_init (&argc, &argv);

  g_test_add ("/kessan/window/narrow", Fixture, NULL, fixture_set_up, test_window_narrow, fixture_tear_down);
  g_test_add ("/kessan/window/checks-all-releases", Fixture, NULL, fixture_set_up, test_window_checks_all_releases, fixture_tear_down);
  g_test_add ("/kessan/window/preferences-negatives", Fixture, NULL, fixture_set_up, test_window_preferences_negatives, fixture_tear_down);
  /* With LANGUAGE=ja (test-window-ja) only what is about the language runs. */
  if (!kessan_interface_is_japanese ())
    {
      g_test_add ("/kessan/window/icons-bundled", Fixture, NULL, fixture_set_up, test_window_icons_bundled, fixture_tear_down);
      g_test_add ("/kessan/window/library-rows", Fixture, NULL, fixture_set_up, test_window_library_rows, fixture_tear_down);
      g_test_add ("/kessan/window/search-no-results", Fixture, NULL, fixture_set_up, test_window_search_no_results, fixture_tear_down);
      g_test_add_func ("/kessan/window/loading", test_window_loading);
      g_test_add ("/kessan/window/shortcuts", Fixture, NULL, fixture_set_up, test_window_shortcuts, fixture_tear_down);
      g_test_add ("/kessan/window/source-page", Fixture, NULL, fixture_set_up, test_window_source_page, fixture_tear_down);
    }
  return g_test_run ();
}
