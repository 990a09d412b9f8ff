/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-app"

#include "config.h"

#include <glib/gi18n.h>

#include "kessan-application.h"
#include "kessan-resources.h"
#include "kessan-preferences-window.h"
#include "kessan-window.h"

struct _KessanApplication
{
  AdwApplication  parent_instance;

  KessanLibrary  *library;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (KessanApplication, kessan_application, ADW_TYPE_APPLICATION)

KessanApplication *
kessan_application_new (void)
{
  /* Keeps the interface resources linked in: they register themselves. */
  g_assert (kessan_get_resource () != NULL);

  return g_object_new (KESSAN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/kessan/Kessan",
                       NULL);
}

/**
 * kessan_application_get_library:
 *
 * Returns: (transfer none): the library every window shows
 */
KessanLibrary *
kessan_application_get_library (KessanApplication *self)
{
  g_return_val_if_fail (KESSAN_IS_APPLICATION (self), NULL);

  return self->library;
}

GSettings *
kessan_application_get_settings (KessanApplication *self)
{
  g_return_val_if_fail (KESSAN_IS_APPLICATION (self), NULL);

  return self->settings;
}

static KessanWindow *
get_window (KessanApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (kessan_window_new (self));
  return KESSAN_WINDOW (window);
}

static void
kessan_application_activate (GApplication *app)
{
  KessanApplication *self = KESSAN_APPLICATION (app);

  gtk_window_present (GTK_WINDOW (get_window (self)));
}

static void
kessan_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  KessanApplication *self = KESSAN_APPLICATION (app);
  KessanWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < n_files; i++)
    kessan_window_open_file (window, files[i]);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  KessanApplication *self = user_data;
  const char *developers[] = { _("The Kessan developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Kessan"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Kessan developers"),
                        "version", VERSION,
                        "comments", _("Read quarterly earnings releases into verified statements, trends and charts."),
                        "website", "https://github.com/kessan/kessan",
                        "issue-url", "https://github.com/kessan/kessan/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KessanApplication *self = user_data;
  KessanPreferencesWindow *preferences = kessan_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
kessan_application_startup (GApplication *app)
{
  KessanApplication *self = KESSAN_APPLICATION (app);
  const char *directory = g_getenv ("KESSAN_LIBRARY_DIR");
  g_autoptr(GFile) library_dir = NULL;
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.export-csv", { "<Control><Shift>e", NULL } },
    /* Ctrl+F finds in the release's text wherever it is pressed; the
     * library has a search of its own. */
    { "win.find", { "<Control>f", NULL } },
    { "win.search", { "<Control><Shift>f", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.chart-rows", { "<Control><Shift>g", NULL } },
    { "win.go-to-page('statements')", { "<Alt>1", NULL } },
    { "win.go-to-page('trends')", { "<Alt>2", NULL } },
    { "win.go-to-page('charts')", { "<Alt>3", NULL } },
    { "win.go-to-page('checks')", { "<Alt>4", NULL } },
    { "win.go-to-page('source')", { "<Alt>5", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (kessan_application_parent_class)->startup (app);

  /* The interface files are translated in the default domain. */
  kessan_init_i18n ();
  textdomain (GETTEXT_PACKAGE);
  self->settings = g_settings_new (APP_ID);
  if (directory != NULL && *directory != '\0')
    library_dir = g_file_new_for_path (directory);
  self->library = kessan_library_new (library_dir);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
kessan_application_dispose (GObject *object)
{
  KessanApplication *self = KESSAN_APPLICATION (object);

  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kessan_application_parent_class)->dispose (object);
}

static void
kessan_application_class_init (KessanApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kessan_application_dispose;
  app_class->activate = kessan_application_activate;
  app_class->open = kessan_application_open;
  app_class->startup = kessan_application_startup;
}

static void
kessan_application_init (KessanApplication *self)
{
}
