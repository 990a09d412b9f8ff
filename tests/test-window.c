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

int
main (int    argc,
      char **argv)
{
  kessan_test_app_init (&argc, &argv);

  g_test_add ("/kessan/window/narrow", Fixture, NULL, fixture_set_up, test_window_narrow, fixture_tear_down);
  g_test_add ("/kessan/window/icons-bundled", Fixture, NULL, fixture_set_up, test_window_icons_bundled, fixture_tear_down);
  return g_test_run ();
}
