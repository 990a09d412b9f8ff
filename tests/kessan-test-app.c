/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "kessan-test-app.h"

#include <locale.h>

#include "kessan-test-util.h"

/* The fixture the application's tests share: each test starts the
 * application as a user does, on settings and a library of its own, and
 * drives it by turning the main loop until what it waits for is shown. */

void
kessan_test_app_init (int    *argc,
                      char ***argv)
{
  setlocale (LC_ALL, "");
  kessan_test_trace_criticals ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

void
kessan_test_app_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.kessan.Kessan");
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static gboolean
window_ready (gpointer data)
{
  KessanTestApp *test = data;

  return kessan_window_get_ready (test->window);
}

void
kessan_test_app_start (KessanTestApp *test,
                       const char    *library_dir,
                       int            width,
                       int            height,
                       gboolean       present)
{
  static guint n_started;
  g_autoptr(GError) error = NULL;
  g_autofree char *application_id = NULL;

  g_assert_null (test->app);

  g_setenv ("KESSAN_LIBRARY_DIR", library_dir, TRUE);
  test->app = kessan_application_new ();
  /* Every test its own instance: no other process of the session may
   * take the activation, and files arrive through "open". On a session
   * bus an application exports itself under a path made of its id, and
   * GTK may hold the previous test's application a little longer than
   * the test does: each start takes an id of its own. */
  application_id = g_strdup_printf ("%s.Test%u", g_application_get_application_id (G_APPLICATION (test->app)), ++n_started);
  g_application_set_application_id (G_APPLICATION (test->app), application_id);
  g_application_set_flags (G_APPLICATION (test->app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (test->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (test->app));
  test->window = KESSAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (test->app)));
  g_assert_nonnull (test->window);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (test->window), width, height);
  if (present)
    gtk_window_present (GTK_WINDOW (test->window));
  kessan_test_iterate_until (window_ready, test, 30000);
}

void
kessan_test_app_set_up (KessanTestApp *test,
                        const char    *tmpl,
                        int            width,
                        int            height,
                        gboolean       present)
{
  kessan_test_app_reset_settings ();
  test->library_dir = kessan_test_make_temp_dir (tmpl);
  kessan_test_app_start (test, test->library_dir, width, height, present);
}

void
kessan_test_app_stop (KessanTestApp *test)
{
  GList *windows;

  /* The wizard is the window's, not the application's: it goes first,
   * as a user closes it before the window it belongs to. */
  if (test->window != NULL && kessan_window_get_import_wizard (test->window) != NULL)
    gtk_window_destroy (GTK_WINDOW (kessan_window_get_import_wizard (test->window)));
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (test->app))) != NULL)
    gtk_window_destroy (windows->data);
  test->window = NULL;
  /* What the windows cancelled or released on the way out finishes
   * before the application goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&test->app);
}

void
kessan_test_app_tear_down (KessanTestApp *test)
{
  kessan_test_app_stop (test);
  kessan_test_remove_tree (test->library_dir);
  g_clear_pointer (&test->library_dir, g_free);
}

KessanFiling *
kessan_test_app_find_filing (KessanTestApp *test,
                             const char    *source_name)
{
  GListModel *library = G_LIST_MODEL (kessan_window_get_library (test->window));

  for (guint i = 0; i < g_list_model_get_n_items (library); i++)
    {
      g_autoptr(KessanFiling) filing = g_list_model_get_item (library, i);

      /* The library keeps its own reference. */
      if (g_strcmp0 (kessan_filing_get_source_name (filing), source_name) == 0)
        return filing;
    }
  return NULL;
}

void
kessan_test_iterate_until (gboolean (*done) (gpointer data),
                           gpointer   data,
                           guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    {
      /* Nothing to do yet: what comes next is a thread's result or a
       * timer, worth a short sleep rather than a spin. */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_true (done (data));
}

void
kessan_test_iterate_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

void
kessan_test_save_screenshot (GtkWidget  *widget,
                             const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", "screenshots", NULL);
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
