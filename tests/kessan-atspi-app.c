/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <locale.h>

#include <gio/gunixinputstream.h>

#include "kessan-charts-page.h"
#include "kessan-statements-page.h"
#include "kessan-test-app.h"
#include "kessan-test-util.h"
#include "kessan-trends-page.h"

/* The application that tests/test-atspi.c reads over AT-SPI: Kessan's
 * window on a library of the samples, with GTK's own accessibility
 * backend, in a process of its own so that its main loop answers the
 * client's calls.  It reads commands on its standard input, one a line,
 * and answers each on its standard output once the window shows what
 * was asked:
 *
 *   page NAME                 the page NAME, as its key shows it
 *   statement SOURCE ID       the statement ID of the release SOURCE
 *   wizard / close-wizard     the import wizard on a sample release
 *   preferences / close-preferences
 *   focus                     "focus PAGE TYPE KIND CLASS": where the
 *                             keyboard is (answer_focus ())
 *   screenshot NAME           what the window shows, in a PNG file
 *   wait                      half a second of the main loop
 *   quit
 */

typedef struct
{
  KessanTestApp      test;
  GDataInputStream  *input;
  char              *line;
  gboolean           line_read;
} AtspiApp;

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  AtspiApp *self = data;

  self->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, NULL);
  self->line_read = TRUE;
}

/* The next command, read while the window goes on answering. */
static char *
read_command (AtspiApp *self)
{
  self->line_read = FALSE;
  g_data_input_stream_read_line_async (self->input, G_PRIORITY_DEFAULT, NULL, line_read_cb, self);
  while (!self->line_read)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (&self->line);
}

static void
answer (const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static gboolean
trends_ready (gpointer data)
{
  return kessan_trends_page_get_n_periods (KESSAN_TRENDS_PAGE (data)) > 0;
}

static gboolean
charts_ready (gpointer data)
{
  return kessan_charts_page_get_ready (KESSAN_CHARTS_PAGE (data));
}

static gboolean
wizard_open (gpointer data)
{
  AtspiApp *self = data;

  return kessan_window_get_import_wizard (self->test.window) != NULL;
}

static GtkWindow *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GType type = g_type_from_name (type_name);

  for (guint i = 0; type != 0 && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
preferences_open (gpointer data)
{
  GtkWindow *preferences = find_toplevel ("KessanPreferencesWindow");

  return preferences != NULL && gtk_widget_get_mapped (GTK_WIDGET (preferences));
}

/* Where the keyboard is: the page it is in (or "window"), the focused
 * widget's type, and the table, list, text or chart it is in, with that
 * widget's style classes ("view,data-table", "-" for none). */
static void
answer_focus (AtspiApp *self)
{
  static const char *pages[] = { "statements", "trends", "charts", "checks", "source" };
  static const char *kinds[] = { "GtkColumnView", "GtkListView", "GtkListBox", "GtkTextView", "KessanChart" };
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self->test.window));
  const char *place = "window";
  const char *kind = "-";
  g_auto(GStrv) classes = NULL;
  g_autofree char *joined = NULL;

  if (focus == NULL)
    {
      answer ("focus none none - -");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (gtk_widget_is_ancestor (focus, kessan_window_get_page (self->test.window, pages[i])))
      place = pages[i];
  for (GtkWidget *widget = focus; widget != NULL && g_str_equal (kind, "-"); widget = gtk_widget_get_parent (widget))
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      if (g_str_equal (G_OBJECT_TYPE_NAME (widget), kinds[i]))
        {
          kind = kinds[i];
          classes = gtk_widget_get_css_classes (widget);
        }
  joined = classes != NULL && classes[0] != NULL ? g_strjoinv (",", classes) : g_strdup ("-");
  answer ("focus %s %s %s %s", place, G_OBJECT_TYPE_NAME (focus), kind, joined);
}

static void
run_command (AtspiApp   *self,
             const char *command)
{
  g_auto(GStrv) words = g_strsplit (command, " ", -1);
  KessanWindow *window = self->test.window;

  if (g_strcmp0 (words[0], "page") == 0 && words[1] != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", words[1]);
      if (g_str_equal (words[1], "trends"))
        kessan_test_iterate_until (trends_ready, kessan_window_get_page (window, "trends"), 30000);
      else if (g_str_equal (words[1], "charts"))
        kessan_test_iterate_until (charts_ready, kessan_window_get_page (window, "charts"), 30000);
      kessan_test_iterate_for (1000);
      answer ("ok");
    }
  else if (g_strcmp0 (words[0], "statement") == 0 && g_strv_length (words) == 3)
    {
      KessanFiling *filing = kessan_test_app_find_filing (&self->test, words[1]);
      KessanStatementsPage *page = KESSAN_STATEMENTS_PAGE (kessan_window_get_page (window, "statements"));

      g_assert_nonnull (filing);
      kessan_window_select_filing (window, filing);
      kessan_window_show_page (window, "statements");
      g_assert_true (kessan_statements_page_select_statement (page, words[2]));
      kessan_test_iterate_for (1000);
      answer ("ok");
    }
  else if (g_strcmp0 (words[0], "wizard") == 0)
    {
      /* Not a GLib test program: the seed's path from the environment
       * meson sets. */
      g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "003_3f09aa9018b22431.txt", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      kessan_window_open_file (window, file);
      kessan_test_iterate_until (wizard_open, self, 30000);
      kessan_test_iterate_for (2000);
      answer ("ok");
    }
  else if (g_strcmp0 (words[0], "close-wizard") == 0)
    {
      if (kessan_window_get_import_wizard (window) != NULL)
        gtk_window_destroy (GTK_WINDOW (kessan_window_get_import_wizard (window)));
      kessan_test_iterate_for (500);
      answer ("ok");
    }
  else if (g_strcmp0 (words[0], "preferences") == 0)
    {
      g_action_group_activate_action (G_ACTION_GROUP (self->test.app), "preferences", NULL);
      kessan_test_iterate_until (preferences_open, NULL, 10000);
      kessan_test_iterate_for (1000);
      answer ("ok");
    }
  else if (g_strcmp0 (words[0], "close-preferences") == 0)
    {
      GtkWindow *preferences = find_toplevel ("KessanPreferencesWindow");

      if (preferences != NULL)
        gtk_window_destroy (preferences);
      kessan_test_iterate_for (500);
      answer ("ok");
    }
  else if (g_strcmp0 (words[0], "focus") == 0)
    answer_focus (self);
  else if (g_strcmp0 (words[0], "screenshot") == 0 && words[1] != NULL)
    {
      kessan_test_save_screenshot (GTK_WIDGET (window), words[1]);
      answer ("ok");
    }
  else if (g_strcmp0 (words[0], "wait") == 0)
    {
      kessan_test_iterate_for (500);
      answer ("ok");
    }
  else
    answer ("unknown command: %s", command);
}

int
main (int    argc,
      char **argv)
{
  AtspiApp self = { 0 };
  g_autoptr(GInputStream) stdin_stream = g_unix_input_stream_new (0, FALSE);

  setlocale (LC_ALL, "");
  kessan_test_trace_criticals ();
  gtk_init ();
  adw_init ();

  self.input = g_data_input_stream_new (stdin_stream);
  kessan_test_app_set_up (&self.test, "kessan-atspi-XXXXXX", 1280, 800, TRUE);
  answer ("ready");
  for (;;)
    {
      g_autofree char *command = read_command (&self);

      if (command == NULL || g_str_equal (command, "quit"))
        break;
      run_command (&self, command);
    }
  kessan_test_app_tear_down (&self.test);
  g_clear_object (&self.input);
  return 0;
}
