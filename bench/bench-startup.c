/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Time from process start to the first frame presented: Kessan with the
 * sample releases, Kessan with a library of generated releases, and a
 * minimal libadwaita window this program builds itself, on the same
 * machine in the same run.  Needs a display (run under xvfb-run). */

#define RUNS 5
/* The sample statements of a first run are painted this soon after the
 * first frame. */
#define STATEMENTS_TARGET_MS 150

static void
minimal_first_frame_cb (GdkFrameClock *clock,
                        GtkWidget     *window)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, minimal_first_frame_cb, window);
  g_application_quit (g_application_get_default ());
}

static void
minimal_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (minimal_first_frame_cb), window);
}

static void
minimal_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 780);
  g_signal_connect (window, "realize", G_CALLBACK (minimal_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_minimal (int    argc,
             char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.kessan.BenchMinimal", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (minimal_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

/* Milliseconds from spawning @argv to its "first-frame" line; with
 * @statements, from that line to its "statements-frame" line: when the
 * first release's statements are painted. */
static double
time_frames (const char * const *argv,
             const char * const *envp,
             gboolean            statements)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *line;
  gint64 start;

  for (guint i = 0; envp != NULL && envp[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (envp[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }
  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error))
    {
      g_printerr ("bench-startup: %s: %s\n", argv[0], error->message);
      return -1;
    }
  line = out != NULL ? strstr (out, "first-frame ") : NULL;
  if (line == NULL)
    {
      g_printerr ("bench-startup: %s printed no first frame\n", argv[0]);
      return -1;
    }
  if (statements)
    {
      const char *shown = strstr (out, "statements-frame ");

      if (shown == NULL)
        {
          g_printerr ("bench-startup: %s printed no frame with statements\n", argv[0]);
          return -1;
        }
      return (g_ascii_strtoll (shown + strlen ("statements-frame "), NULL, 10)
              - g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10)) / 1000.0;
    }
  return (g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10) - start) / 1000.0;
}



static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median_frames (const char * const *argv,
               const char * const *envp,
               gboolean            statements)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    if ((times[i] = time_frames (argv, envp, statements)) < 0)
      return -1;
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

static double
median_first_frame (const char * const *argv,
                    const char * const *envp)
{
  return median_frames (argv, envp, FALSE);
}

int
main (int    argc,
      char **argv)
{
  const char *app = NULL;
  const char *library = NULL;
  const char *schemas = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *library_env = NULL;
  g_autofree char *empty_env = NULL;
  g_autofree char *schema_env = NULL;
  double minimal, samples, shown, large = -1;
  gboolean json_output = FALSE;
  gboolean shown_ok;
  gboolean ok;

  if (argc > 1 && g_str_equal (argv[1], "--minimal"))
    return run_minimal (argc, argv);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--app="))
        app = argv[i] + strlen ("--app=");
      else if (g_str_has_prefix (argv[i], "--library="))
        library = argv[i] + strlen ("--library=");
      else if (g_str_has_prefix (argv[i], "--schemas="))
        schemas = argv[i] + strlen ("--schemas=");
      else if (g_str_equal (argv[i], "--json"))
        json_output = TRUE;
    }
  if (app == NULL || schemas == NULL)
    {
      g_printerr ("Usage: bench-startup --app=PATH --schemas=DIR [--library=DIR] [--json]\n");
      return 2;
    }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  empty = g_dir_make_tmp ("kessan-startup-XXXXXX", NULL);
  empty_env = g_strdup_printf ("KESSAN_LIBRARY_DIR=%s", empty);
  schema_env = g_strdup_printf ("GSETTINGS_SCHEMA_DIR=%s", schemas);

  {
    const char *argv_minimal[] = { self_path, "--minimal", NULL };
    const char *argv_app[] = { app, NULL };
    const char *env_samples[] = { empty_env, schema_env, "GSETTINGS_BACKEND=memory", "KESSAN_QUIT_AFTER_FIRST_FRAME=1", "GTK_A11Y=none", NULL };

    /* A first run: the samples join an empty library, and their
     * statements are painted. */
    const char *env_shown[] = { NULL, schema_env, "GSETTINGS_BACKEND=memory", "KESSAN_QUIT_AFTER_STATEMENTS=1", "GTK_A11Y=none", NULL };

    minimal = median_first_frame (argv_minimal, NULL);
    samples = median_first_frame (argv_app, env_samples);
    /* Each run on an empty library of its own: the samples are read
     * and added every time, as on a first start. */
    {
      double times[RUNS];

      shown = 0;
      for (guint i = 0; i < RUNS && shown >= 0; i++)
        {
          g_autofree char *dir = g_dir_make_tmp ("kessan-startup-XXXXXX", NULL);
          g_autofree char *env = g_strdup_printf ("KESSAN_LIBRARY_DIR=%s", dir);
          g_autofree char *command = NULL;

          env_shown[0] = env;
          times[i] = time_frames (argv_app, env_shown, TRUE);
          command = g_strdup_printf ("rm -rf '%s'", dir);
          if (system (command) != 0)
            g_printerr ("bench-startup: could not remove %s\n", dir);
          if (times[i] < 0)
            shown = -1;
        }
      if (shown >= 0)
        {
          qsort (times, RUNS, sizeof (double), compare_doubles);
          shown = times[RUNS / 2];
        }
    }

    if (library != NULL)
      {
        const char *env_large[] = { NULL, schema_env, "GSETTINGS_BACKEND=memory", "KESSAN_QUIT_AFTER_FIRST_FRAME=1", "GTK_A11Y=none", NULL };

        library_env = g_strdup_printf ("KESSAN_LIBRARY_DIR=%s", library);
        env_large[0] = library_env;
        large = median_first_frame (argv_app, env_large);
      }
  }

  ok = samples > 0 && minimal > 0 && samples <= 1.5 * minimal;
  shown_ok = shown >= 0 && shown <= STATEMENTS_TARGET_MS;
  if (json_output)
    {
      gboolean large_ok = library == NULL || (large > 0 && large <= 1.5 * minimal && large <= samples * 1.05);

      /* One JSON object for bench/run (this program keeps the C locale,
       * so numbers have a decimal point); a case not measured is null. */
      g_print ("{\"runs\":%d,\"target_ratio\":1.5,\"minimal_ms\":%.1f,\"samples_ms\":%.1f,"
               "\"samples_ratio\":%.3f,\"samples_pass\":%s,",
               RUNS, minimal, samples, minimal > 0 ? samples / minimal : 0, ok ? "true" : "false");
      g_print ("\"statements_ms\":%.1f,\"statements_target_ms\":%d,\"statements_pass\":%s,",
               shown, STATEMENTS_TARGET_MS, shown_ok ? "true" : "false");
      if (library != NULL)
        g_print ("\"library_ms\":%.1f,\"library_ratio\":%.3f,\"library_pass\":%s}\n",
                 large, minimal > 0 ? large / minimal : 0, large_ok ? "true" : "false");
      else
        g_print ("\"library_ms\":null,\"library_ratio\":null,\"library_pass\":null}\n");
      g_rmdir (empty);
      return ok && shown_ok && large_ok ? 0 : 1;
    }

  g_print ("Kessan start-up benchmark: process start to first frame, median of %d runs\n\n", RUNS);
  g_print ("%-34s %10s %8s  %-28s %s\n", "case", "ms", "ratio", "target", "result");
  g_print ("%-34s %10.1f %8s  %-28s %s\n", "minimal libadwaita window", minimal, "1.00", "reference", "");
  g_print ("%-34s %10.1f %8.2f  %-28s %s\n", "Kessan, sample releases", samples, samples / minimal,
           "<= 1.5x minimal", ok ? "PASS" : "FAIL");
  g_print ("%-34s %10.1f %8s  %-28s %s\n", "first frame to sample statements", shown, "",
           "<= 150 ms", shown_ok ? "PASS" : "FAIL");
  ok = ok && shown_ok;
  if (library != NULL)
    {
      gboolean large_ok = large > 0 && large <= 1.5 * minimal && large <= samples * 1.05;

      g_print ("%-34s %10.1f %8.2f  %-28s %s\n", "Kessan, generated library", large, large / minimal,
               "<= 1.5x minimal, <= samples", large_ok ? "PASS" : "FAIL");
      ok = ok && large_ok;
    }
  g_rmdir (empty);
  return ok ? 0 : 1;
}
