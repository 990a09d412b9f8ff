/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "kessan-application.h"
#include "kessan-window.h"

G_BEGIN_DECLS

/* The application under test and its window, on a library folder of
 * the test's own. */
typedef struct
{
  char              *library_dir;  /* made by the test, owned */
  KessanApplication *app;          /* owned */
  KessanWindow      *window;       /* owned by the application */
} KessanTestApp;

/* What the main() of an application test does first: the user's locale,
 * a stack printed for a critical of Kessan's own, GTK and libadwaita. */
void          kessan_test_app_init           (int                *argc,
                                              char             ***argv);

/* Puts every key of Kessan's settings back to its default: the settings
 * live in memory for the whole run of a test program, and each test
 * starts afresh. */
void          kessan_test_app_reset_settings (void);

/* Starts the application on the library folder @library_dir as a user
 * does (registered, activated, its window shown), gives the window a
 * default size of @width × @height when @width is above 0, presents it
 * once more when @present, and waits until it is ready: the library is
 * read and the first filing, if any, shown. */
void          kessan_test_app_start          (KessanTestApp      *test,
                                              const char         *library_dir,
                                              int                 width,
                                              int                 height,
                                              gboolean            present);
/* The usual start of a test: settings reset, a new library folder from
 * the template @tmpl ("kessan-app-XXXXXX"), where the samples are added
 * as on a first run, and the application started on it. */
void          kessan_test_app_set_up         (KessanTestApp      *test,
                                              const char         *tmpl,
                                              int                 width,
                                              int                 height,
                                              gboolean            present);
/* Destroys the import wizard and every window of the application, lets
 * the main context finish what they leave behind and drops the
 * application; @test can be started again. */
void          kessan_test_app_stop           (KessanTestApp      *test);
/* Stops the application and removes its library folder. */
void          kessan_test_app_tear_down      (KessanTestApp      *test);

/* The filing of the window's library read from the file @source_name,
 * or NULL. */
KessanFiling *kessan_test_app_find_filing    (KessanTestApp      *test,
                                              const char         *source_name);

/* Turns the default main context until @done returns TRUE for @data,
 * for @timeout_ms at most, and asserts that it did: the interface
 * works in idles, threads and frames a test cannot call directly. */
void          kessan_test_iterate_until      (gboolean          (*done) (gpointer data),
                                              gpointer            data,
                                              guint               timeout_ms);
/* Turns the default main context for @ms milliseconds: for layout and
 * drawing, which say nothing when they are done. */
void          kessan_test_iterate_for        (guint               ms);

/* Writes what @widget shows to $G_TEST_BUILDDIR/screenshots/@name.png:
 * pictures for review, not compared. */
void          kessan_test_save_screenshot    (GtkWidget          *widget,
                                              const char         *name);

G_END_DECLS
