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

int
main (int    argc,
      char **argv)
{
  kessan_test_app_init (&argc, &argv);

  g_test_add ("/kessan/window/narrow", Fixture, NULL, fixture_set_up, test_window_narrow, fixture_tear_down);
  return g_test_run ();
}
