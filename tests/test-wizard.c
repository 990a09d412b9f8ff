/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kessan-application.h"
#include "kessan-import-wizard.h"
#include "kessan-statements-page.h"
#include "kessan-test-app.h"
#include "kessan-test-pdf.h"
#include "kessan-test-util.h"
#include "kessan-window.h"

/* The import wizard as a user meets it: releases opened as from the file
 * manager, the wizard driven through its actions and widgets and read
 * back from them.  Each test starts the application on an empty library
 * of its own, without the samples. */

typedef struct
{
  KessanTestApp test;  /* its library folder inside dir */
  char         *dir;   /* the releases the test writes */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.kessan.Kessan");

  /* Each test starts afresh, on a library without the samples. */
  kessan_test_app_reset_settings ();
  g_settings_set_boolean (settings, "samples-added", TRUE);

  fixture->dir = kessan_test_make_temp_dir ("kessan-wizard-XXXXXX");
  fixture->test.library_dir = g_build_filename (fixture->dir, "library", NULL);
  kessan_test_app_start (&fixture->test, fixture->test.library_dir, 1280, 800, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kessan_test_app_tear_down (&fixture->test);
  kessan_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static KessanLibrary *
library (Fixture *fixture)
{
  return kessan_window_get_library (fixture->test.window);
}

static guint
library_size (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (library (fixture)));
}

static KessanImportWizard *
wizard (Fixture *fixture)
{
  return kessan_window_get_import_wizard (fixture->test.window);
}

static gboolean
wizard_at_summary (gpointer data)
{
  Fixture *fixture = data;

  return wizard (fixture) != NULL && g_strcmp0 (kessan_import_wizard_get_step (wizard (fixture)), "summary") == 0;
}

static gboolean
wizard_closed (gpointer data)
{
  Fixture *fixture = data;

  return wizard (fixture) == NULL;
}

static GFile *
write_release (Fixture    *fixture,
               const char *name,
               const char *text,
               gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  kessan_test_write_file (path, text, length);
  return g_file_new_for_path (path);
}

/* Opens @file as the file manager does and waits for its summary. */
static KessanImportWizard *
open_to_summary (Fixture *fixture,
                 GFile   *file)
{
  kessan_window_open_file (fixture->test.window, file);
  g_assert_nonnull (wizard (fixture));
  kessan_test_iterate_until (wizard_at_summary, fixture, 30000);
  return wizard (fixture);
}

static guint
count_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      n += 1 + count_tree (child);
    }
  return n;
}

/* Screenshots of the steps for review, once the wizard has settled. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *step)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("wizard-%s-%s", step, language != NULL && *language != '\0' ? language : "en");

  kessan_test_iterate_for (300);
  kessan_test_save_screenshot (widget, name);
}

/* A clean release: its summary offers Add as the default, and one click
 * adds it with the numbers a direct parse gives. */
static void
test_clean_one_click (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *text = kessan_test_make_clean_variant ("001_ac7abb1bfabe4158.txt");
  g_autoptr(GFile) file = write_release (fixture, "clean-release.txt", text, -1);
  g_autoptr(KessanFiling) direct = NULL;
  g_autoptr(GError) error = NULL;
  KessanImportWizard *w;
  GtkWidget *add;
  KessanFiling *added;

  kessan_window_open_file (fixture->test.window, file);
  g_assert_cmpstr (kessan_import_wizard_get_step (wizard (fixture)), ==, "reading");
  gtk_window_present (GTK_WINDOW (wizard (fixture)));
  save_screenshot (GTK_WIDGET (wizard (fixture)), "reading");
  kessan_test_iterate_until (wizard_at_summary, fixture, 30000);
  w = wizard (fixture);
  save_screenshot (GTK_WIDGET (w), "summary-clean");

  add = kessan_import_wizard_get_add_button (w);
  g_assert_true (gtk_widget_get_visible (add));
  g_assert_true (gtk_widget_has_css_class (add, "suggested-action"));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (w)) == add);
  g_assert_nonnull (strstr (kessan_import_wizard_get_file_message (w, 0), "Internet Initiative Japan Inc."));

  /* The one click. */
  g_signal_emit_by_name (add, "clicked");
  kessan_test_iterate_until (wizard_closed, fixture, 10000);
  g_assert_cmpuint (library_size (fixture), ==, 1);
  added = kessan_test_app_find_filing (&fixture->test, "clean-release.txt");
  g_assert_nonnull (added);
  g_assert_true (kessan_window_get_filing (fixture->test.window) == added);

  direct = kessan_parse_file (file, &error);
  g_assert_no_error (error);
  kessan_test_assert_same_numbers (added, direct);
}

static guint
table_index (KessanFiling *filing,
             const char   *id)
{
  for (guint i = 0; i < kessan_filing_get_n_statements (filing); i++)
    if (g_strcmp0 (kessan_statement_get_id (kessan_filing_get_statement (filing, i)), id) == 0)
      return i;
  g_assert_not_reached ();
  return 0;
}

static guint
count_errors (KessanFiling *filing)
{
  guint n = 0;

  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    n += kessan_finding_get_severity (kessan_filing_get_finding (filing, i)) == KESSAN_SEVERITY_ERROR;
  return n;
}

/* A number in the wrong column: the summary counts the error, the review
 * shows the cell, the correction puts it back and the checks pass as for
 * the seed; the filing is added with its correction, which a restart of
 * the library keeps. */
static void
test_ragged_correction (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(KessanTestShifted) shifted;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KessanLibrary) restarted = NULL;
  g_autoptr(KessanFiling) reloaded = NULL;
  g_autoptr(KessanImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_errors = NULL;
  KessanImportWizard *w;
  KessanFiling *filing;
  KessanFiling *added;
  KessanLineItem *row;

  kessan_test_make_shifted_variant ("004_df6267c19d93d050.txt", &shifted);
  file = write_release (fixture, "shifted-release.txt", shifted.text, -1);
  w = open_to_summary (fixture, file);
  gtk_window_present (GTK_WINDOW (w));
  import = g_list_model_get_item (kessan_import_wizard_get_imports (w), 0);
  filing = kessan_import_get_filing (import);

  /* The summary counts the errors, and Add is no longer the default. */
  g_assert_cmpuint (count_errors (filing), >, shifted.n_errors);
  if (!g_str_has_prefix (g_get_language_names ()[0], "ja"))
    {
      expected_errors = g_strdup_printf ("%u errors", count_errors (filing));
      g_assert_nonnull (strstr (kessan_import_wizard_get_file_message (w, 0), expected_errors));
    }
  g_assert_false (gtk_widget_has_css_class (kessan_import_wizard_get_add_button (w), "suggested-action"));
  save_screenshot (GTK_WIDGET (w), "summary-errors");

  /* Review the table the number moved in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.review", "u", 0));
  g_assert_cmpstr (kessan_import_wizard_get_step (w), ==, "review");
  gtk_drop_down_set_selected (kessan_import_wizard_get_table_dropdown (w), table_index (filing, shifted.statement));
  g_assert_cmpstr (kessan_import_wizard_get_reviewed_table (w), ==, shifted.statement);
  g_assert_true (kessan_import_wizard_cell_has_class (w, (int) shifted.row, (int) shifted.wrong_column, "error"));
  kessan_import_wizard_select_cell (w, (int) shifted.row, (int) shifted.wrong_column);
  save_screenshot (GTK_WIDGET (w), "review-problem");

  /* Move the number where it belongs: the checks run again at once. */
  gtk_drop_down_set_selected (kessan_import_wizard_get_move_dropdown (w), shifted.right_column);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.move-value", NULL));
  filing = kessan_import_get_filing (import);
  g_assert_cmpuint (count_errors (filing), ==, shifted.n_errors);
  g_assert_false (kessan_import_wizard_cell_has_class (w, (int) shifted.row, (int) shifted.right_column, "error"));
  g_assert_true (kessan_import_wizard_cell_has_class (w, (int) shifted.row, (int) shifted.right_column, "corrected"));
  save_screenshot (GTK_WIDGET (w), "review-corrected");

  /* Add it: the seed's own errors remain, so it is "Add Anyway". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.add", NULL));
  kessan_test_iterate_until (wizard_closed, fixture, 10000);
  added = kessan_test_app_find_filing (&fixture->test, "shifted-release.txt");
  g_assert_nonnull (added);
  g_assert_cmpuint (g_list_model_get_n_items (kessan_filing_get_corrections (added)), ==, 1);

  /* The Statements view marks the corrected number, and only it. */
  {
    KessanStatementsPage *page = KESSAN_STATEMENTS_PAGE (kessan_window_get_page (fixture->test.window, "statements"));
    g_autoptr(KessanCorrection) made = g_list_model_get_item (kessan_filing_get_corrections (added), 0);

    kessan_window_select_filing (fixture->test.window, added);
    g_assert_true (kessan_statements_page_select_statement (page, shifted.statement));
    g_assert_true (kessan_statements_page_get_cell_correction (page, shifted.row, shifted.right_column + 1) == made);
    g_assert_null (kessan_statements_page_get_cell_correction (page, shifted.row, shifted.wrong_column + 1));
  }

  /* A restart of the library keeps the correction and its numbers. */
  restarted = kessan_library_new (kessan_library_get_directory (library (fixture)));
  g_assert_true (kessan_library_load (restarted, NULL, &error));
  g_assert_no_error (error);
  reloaded = g_list_model_get_item (G_LIST_MODEL (restarted), 0);
  g_assert_cmpuint (g_list_model_get_n_items (kessan_filing_get_corrections (reloaded)), ==, 1);
  row = kessan_statement_get_row (kessan_filing_find_statement (reloaded, shifted.statement), shifted.row);
  g_assert_cmpfloat (kessan_line_item_get_value (row, shifted.right_column), ==, shifted.value);
  g_assert_false (kessan_line_item_has_value (row, shifted.wrong_column));
  g_assert_cmpuint (count_errors (reloaded), ==, shifted.n_errors);
}

/* Names, on failure, the widgets that ask for more than @limit pixels,
 * innermost last: what to fix. */
static void
print_large_widgets (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             limit,
                     int             depth)
{
  int minimum;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, orientation, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= limit)
    return;
  g_printerr ("%*s%s (%s) needs %d px\n", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
              gtk_widget_get_name (widget), minimum);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    print_large_widgets (child, orientation, limit, depth + 1);
}

static void
assert_fits (GtkWidget *widget,
             int        width,
             int        height)
{
  int min_width, min_height;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  if (min_width > width)
    print_large_widgets (widget, GTK_ORIENTATION_HORIZONTAL, width, 0);
  if (min_height > height)
    print_large_widgets (widget, GTK_ORIENTATION_VERTICAL, height, 0);
  g_assert_cmpint (min_width, <=, width);
  g_assert_cmpint (min_height, <=, height);
}

/* The wizard fits a laptop's 1366 × 768 screen with room to spare, and
 * goes down to a phone's width: every step, the review with a cell
 * selected too. */
static void
test_fits_small_screens (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(KessanTestShifted) shifted;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KessanImport) import = NULL;
  KessanImportWizard *w;
  GtkWidget *content;

  kessan_test_make_shifted_variant ("004_df6267c19d93d050.txt", &shifted);
  file = write_release (fixture, "shifted-release.txt", shifted.text, -1);
  w = open_to_summary (fixture, file);
  content = adw_window_get_content (ADW_WINDOW (w));
  gtk_window_present (GTK_WINDOW (w));
  kessan_test_iterate_for (200);
  assert_fits (content, 360, 480);

  import = g_list_model_get_item (kessan_import_wizard_get_imports (w), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.review", "u", 0));
  gtk_drop_down_set_selected (kessan_import_wizard_get_table_dropdown (w), table_index (kessan_import_get_filing (import), shifted.statement));
  kessan_test_iterate_for (200);
  assert_fits (content, 360, 480);
  kessan_import_wizard_select_cell (w, (int) shifted.row, (int) shifted.wrong_column);
  kessan_test_iterate_for (200);
  assert_fits (content, 360, 480);
  save_screenshot (GTK_WIDGET (w), "review-cell");
  kessan_import_wizard_select_cell (w, -1, (int) shifted.wrong_column);
  kessan_test_iterate_for (200);
  assert_fits (content, 360, 480);
  save_screenshot (GTK_WIDGET (w), "review-column");
  /* A window no larger than the screen, the wizard no larger than its
   * parent. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (w)), <=, 1366);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (w)), <=, 768);

  /* A phone's width: the source folds away, the corrections scroll. */
  gtk_widget_hide (GTK_WIDGET (w));
  gtk_window_set_default_size (GTK_WINDOW (w), 360, 640);
  gtk_window_present (GTK_WINDOW (w));
  kessan_test_iterate_for (500);
  kessan_import_wizard_select_cell (w, (int) shifted.row, (int) shifted.wrong_column);
  save_screenshot (GTK_WIDGET (w), "review-narrow");
}

static gboolean
discard_asked (gpointer data)
{
  Fixture *fixture = data;

  return wizard (fixture) != NULL && kessan_import_wizard_get_discard_dialog (wizard (fixture)) != NULL;
}

/* Closing the wizard (Escape, Cancel or the window manager) after a
 * correction asks first: Cancel keeps the wizard and its correction,
 * Discard closes it and adds nothing. */
static void
test_discard_corrections (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(KessanTestShifted) shifted;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KessanImport) import = NULL;
  KessanImportWizard *w;
  guint corrected_errors;

  kessan_test_make_shifted_variant ("004_df6267c19d93d050.txt", &shifted);
  file = write_release (fixture, "shifted-release.txt", shifted.text, -1);
  w = open_to_summary (fixture, file);
  gtk_window_present (GTK_WINDOW (w));
  import = g_list_model_get_item (kessan_import_wizard_get_imports (w), 0);

  /* Without a correction, nothing is lost: no question.  (Closing is
   * tried last, below, once the question has been answered.) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.review", "u", 0));
  gtk_drop_down_set_selected (kessan_import_wizard_get_table_dropdown (w), table_index (kessan_import_get_filing (import), shifted.statement));
  kessan_import_wizard_select_cell (w, (int) shifted.row, (int) shifted.wrong_column);
  gtk_drop_down_set_selected (kessan_import_wizard_get_move_dropdown (w), shifted.right_column);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.move-value", NULL));
  corrected_errors = count_errors (kessan_import_get_filing (import));

  /* Escape is bound to wizard.cancel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.cancel", NULL));
  kessan_test_iterate_until (discard_asked, fixture, 5000);
  g_assert_cmpint (adw_message_dialog_get_response_appearance (kessan_import_wizard_get_discard_dialog (w), "discard"), ==, ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (kessan_import_wizard_get_discard_dialog (w)), ==, "cancel");
  adw_message_dialog_response (kessan_import_wizard_get_discard_dialog (w), "cancel");
  kessan_test_iterate_for (200);
  g_assert_true (wizard (fixture) == w);
  g_assert_null (kessan_import_wizard_get_discard_dialog (w));
  g_assert_cmpstr (kessan_import_wizard_get_step (w), ==, "review");
  g_assert_cmpuint (count_errors (kessan_import_get_filing (import)), ==, corrected_errors);

  /* The window manager's close asks the same; Discard closes. */
  gtk_window_close (GTK_WINDOW (w));
  kessan_test_iterate_until (discard_asked, fixture, 5000);
  adw_message_dialog_response (kessan_import_wizard_get_discard_dialog (w), "discard");
  kessan_test_iterate_until (wizard_closed, fixture, 5000);
  g_assert_cmpuint (library_size (fixture), ==, 0);

  /* The same file, its correction undone: closing asks nothing. */
  w = open_to_summary (fixture, file);
  g_clear_object (&import);
  import = g_list_model_get_item (kessan_import_wizard_get_imports (w), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.review", "u", 0));
  gtk_drop_down_set_selected (kessan_import_wizard_get_table_dropdown (w), table_index (kessan_import_get_filing (import), shifted.statement));
  kessan_import_wizard_select_cell (w, (int) shifted.row, (int) shifted.wrong_column);
  gtk_drop_down_set_selected (kessan_import_wizard_get_move_dropdown (w), shifted.right_column);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.move-value", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.undo-correction", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.cancel", NULL));
  kessan_test_iterate_until (wizard_closed, fixture, 5000);
}

static gboolean
duplicate_asked (gpointer data)
{
  Fixture *fixture = data;

  return wizard (fixture) != NULL && kessan_import_wizard_get_duplicate_dialog (wizard (fixture)) != NULL;
}

/* Adds the release of @file through the wizard and answers the duplicate
 * question with @response. */
static void
add_answering (Fixture    *fixture,
               GFile      *file,
               const char *response)
{
  KessanImportWizard *w = open_to_summary (fixture, file);

  /* The summary says it before Add asks. */
  g_assert_true (strstr (kessan_import_wizard_get_file_message (w, 0), "Already in the library as") != NULL
                 || strstr (kessan_import_wizard_get_file_message (w, 0), "The library has another release of this period") != NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.add", NULL));
  kessan_test_iterate_until (duplicate_asked, fixture, 5000);
  adw_message_dialog_response (kessan_import_wizard_get_duplicate_dialog (w), response);
  /* A release added closes the wizard; one left out keeps it open to
   * say so. */
  if (g_str_equal (response, "cancel"))
    kessan_test_iterate_for (200);
  else
    kessan_test_iterate_until (wizard_closed, fixture, 5000);
}

/* Another release of the same quarter: Replace leaves one (and Undo
 * brings the old one back), Keep Both two, Cancel changes nothing; the
 * very same file offers no Keep Both. */
static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *first_path = kessan_test_seed_path ("003_3f09aa9018b22431.txt");
  g_autofree char *second_path = kessan_test_seed_path ("004_df6267c19d93d050.txt");
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autoptr(KessanFiling) existing = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  existing = kessan_library_import_file (library (fixture), first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (library_size (fixture), ==, 1);

  add_answering (fixture, second, "replace");
  g_assert_cmpuint (library_size (fixture), ==, 1);
  g_assert_nonnull (kessan_test_app_find_filing (&fixture->test, "004_df6267c19d93d050.txt"));
  g_assert_null (kessan_test_app_find_filing (&fixture->test, "003_3f09aa9018b22431.txt"));
  g_assert_true (wizard_closed (fixture));

  /* The toast's Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->test.window), "win.undo-import", NULL));
  g_assert_cmpuint (library_size (fixture), ==, 1);
  g_assert_nonnull (kessan_test_app_find_filing (&fixture->test, "003_3f09aa9018b22431.txt"));
  g_assert_null (kessan_test_app_find_filing (&fixture->test, "004_df6267c19d93d050.txt"));

  add_answering (fixture, second, "keep-both");
  g_assert_cmpuint (library_size (fixture), ==, 2);
  g_assert_true (wizard_closed (fixture));

  /* The same file again: Cancel leaves the library as it was. */
  before = count_tree (fixture->test.library_dir);
  add_answering (fixture, second, "cancel");
  g_assert_cmpuint (library_size (fixture), ==, 2);
  g_assert_cmpuint (count_tree (fixture->test.library_dir), ==, before);
  g_assert_nonnull (wizard (fixture));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard (fixture)), "wizard.cancel", NULL));
  kessan_test_iterate_until (wizard_closed, fixture, 5000);
}

/* Each bad input shows the engine's own message for that file on its row,
 * nothing can be added, and the library folder is untouched.  A new kind
 * of bad input is one more line. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *contents;   /* NULL: no file (it vanished), or @length lines of "x" */
    gssize      length;
  } cases[] = {
    { "empty.txt", "", 0 },
    { "binary.bin", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", 20 },
    { "letter.txt", "Dear reader,\nthis is a letter without a single table in it.\n", -1 },
    { "old-sheet.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0\0\0\0\0", 16 },
    { "latin1.txt", "Revenues\t1,234\xff\xfe\xa0\x80\x81 caf\xe9 \xe9t\xe9\n", -1 },
    { "huge.txt", NULL, KESSAN_MAX_INPUT_SIZE / 2 + 1 },
    { "vanished.txt", NULL, 0 },
  };
  guint before = count_tree (fixture->dir);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(KessanFiling) direct = NULL;
      g_autoptr(GError) engine_error = NULL;
      KessanImportWizard *w;

      if (cases[i].contents != NULL)
        kessan_test_write_file (path, cases[i].contents, cases[i].length);
      else if (cases[i].length > 0)
        {
          g_autoptr(GString) lines = g_string_sized_new (cases[i].length * 2);

          for (gssize l = 0; l < cases[i].length; l++)
            g_string_append (lines, "x\n");
          kessan_test_write_file (path, lines->str, lines->len);
        }

      direct = kessan_parse_file (file, &engine_error);
      g_assert_null (direct);
      g_assert_nonnull (engine_error);

      w = open_to_summary (fixture, file);
      g_assert_cmpstr (kessan_import_wizard_get_file_message (w, 0), ==, engine_error->message);
      /* Nothing was read, and the heading does not count it as read. */
      g_assert_cmpstr (kessan_import_wizard_get_heading (w), ==, "The file could not be read");
      g_assert_false (gtk_widget_get_visible (kessan_import_wizard_get_add_button (w)));
      gtk_widget_activate_action (GTK_WIDGET (w), "wizard.add", NULL);
      g_assert_cmpuint (library_size (fixture), ==, 0);
      g_assert_cmpstr (kessan_import_wizard_get_step (w), ==, "summary");
      if (i == 0)
        {
          gtk_window_present (GTK_WINDOW (w));
          save_screenshot (GTK_WIDGET (w), "bad-input");
        }
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.cancel", NULL));
      kessan_test_iterate_until (wizard_closed, fixture, 5000);
      g_unlink (path);
    }

  g_assert_cmpuint (library_size (fixture), ==, 0);
  g_assert_cmpuint (count_tree (fixture->dir), ==, before);
}

/* A release published as PDF goes in with one click, with the numbers
 * of its text; a scanned PDF and a damaged one each show the engine's
 * own message and add nothing. */
static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *text = kessan_test_make_clean_variant ("001_ac7abb1bfabe4158.txt");
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "release.pdf", NULL);
  g_autofree char *scan_path = g_build_filename (fixture->dir, "scan.pdf", NULL);
  g_autofree char *damaged_path = g_build_filename (fixture->dir, "damaged.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(KessanFiling) from_text = NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *bad[] = { scan_path, damaged_path };
  g_autofree char *contents = NULL;
  gsize length;
  KessanImportWizard *w;
  KessanFiling *added;

  if (!kessan_test_pdf_font_available (KESSAN_TEST_PDF_MONOSPACE))
    {
      g_test_skip ("the font " KESSAN_TEST_PDF_MONOSPACE " is not installed");
      return;
    }
  kessan_test_write_text_pdf (pdf_path, text, KESSAN_TEST_PDF_MONOSPACE, 60);
  kessan_test_write_scan_pdf (scan_path);
  contents = kessan_test_read_file (pdf_path, &length);
  kessan_test_write_file (damaged_path, contents, (gssize) (length / 3));

  w = open_to_summary (fixture, pdf);
  g_assert_true (gtk_widget_get_visible (kessan_import_wizard_get_add_button (w)));
  g_assert_true (gtk_widget_has_css_class (kessan_import_wizard_get_add_button (w), "suggested-action"));
  g_signal_emit_by_name (kessan_import_wizard_get_add_button (w), "clicked");
  kessan_test_iterate_until (wizard_closed, fixture, 10000);
  added = kessan_test_app_find_filing (&fixture->test, "release.pdf");
  g_assert_nonnull (added);
  text_bytes = g_bytes_new_static (text, strlen (text));
  from_text = kessan_parse_release (text_bytes, "release.txt", &error);
  g_assert_no_error (error);
  kessan_test_assert_same_numbers (added, from_text);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (bad[i]);
      g_autoptr(GError) engine_error = NULL;
      g_autoptr(KessanFiling) direct = kessan_parse_file (file, &engine_error);

      g_assert_null (direct);
      g_assert_nonnull (engine_error);
      w = open_to_summary (fixture, file);
      g_assert_cmpstr (kessan_import_wizard_get_file_message (w, 0), ==, engine_error->message);
      /* Nothing was read, and the heading does not count it as read. */
      g_assert_cmpstr (kessan_import_wizard_get_heading (w), ==, "The file could not be read");
      g_assert_false (gtk_widget_get_visible (kessan_import_wizard_get_add_button (w)));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.cancel", NULL));
      kessan_test_iterate_until (wizard_closed, fixture, 5000);
    }
  g_assert_cmpuint (library_size (fixture), ==, 1);
}

/* A library folder that cannot be written (a file, which stops root too):
 * the row says what the library says, and the file stays as it was. */
static void
test_library_not_writable (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *blocked = g_build_filename (fixture->dir, "blocked", NULL);
  g_autofree char *text = kessan_test_make_clean_variant ("001_ac7abb1bfabe4158.txt");
  g_autoptr(GFile) file = write_release (fixture, "clean-release.txt", text, -1);
  g_autoptr(GFile) blocked_file = g_file_new_for_path (blocked);
  g_autoptr(KessanLibrary) other = kessan_library_new (blocked_file);
  g_autoptr(KessanImport) direct = kessan_import_new (other, file);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  KessanImportWizard *w;

  /* The application again, on a library folder that is a file. */
  kessan_test_write_file (blocked, "a file, not a folder", -1);
  kessan_test_app_stop (&fixture->test);
  kessan_test_app_start (&fixture->test, blocked, 1280, 800, FALSE);

  g_assert_true (kessan_import_read (direct, NULL, &error));
  g_assert_null (kessan_import_commit (direct, KESSAN_IMPORT_MODE_ADD, FALSE, NULL, NULL, &error));
  g_assert_nonnull (error);

  w = open_to_summary (fixture, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.add", NULL));
  kessan_test_iterate_for (100);
  g_assert_nonnull (wizard (fixture));
  g_assert_cmpstr (kessan_import_wizard_get_file_message (w, 0), ==, error->message);
  g_assert_cmpuint (library_size (fixture), ==, 0);
  contents = kessan_test_read_file (blocked, NULL);
  g_assert_cmpstr (contents, ==, "a file, not a folder");
}

static void
count_preview_cells (GtkWidget *widget,
                     guint     *n)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "preview-cell"))
    (*n)++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_preview_cells (child, n);
}

static GtkWidget *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
source_text (KessanImportWizard *w)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_text_view (GTK_WIDGET (w))));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

#define LONG_TABLE_ROWS 5000

/* A long table is reviewed a window of rows at a time: the preview has
 * buttons for those rows only, says which they are, and follows the
 * selected cell, and the source lines beside it are those rows'. */
static void
test_long_table (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("Internet Initiative Japan Inc.\n\nTable 3. Number of Contracts\n\n"
                                          "\t2Q03\t2Q02\t1Q03\n");
  g_autoptr(GFile) file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  KessanImportWizard *w;
  guint cells = 0;

  for (guint i = 0; i < LONG_TABLE_ROWS; i++)
    g_string_append_printf (text, "Service %c%c%c\t%u\t%u\t%u\n", 'a' + i % 26, 'a' + i / 26 % 26, 'a' + i / 676 % 26,
                            100 + i % 900, 200 + i % 700, 300 + i % 500);
  g_string_append (text, "\nEnd of the tables.\n");
  file = write_release (fixture, "long-table.txt", text->str, (gssize) text->len);
  w = open_to_summary (fixture, file);
  gtk_window_present (GTK_WINDOW (w));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.review", "u", 0));
  g_assert_cmpstr (kessan_import_wizard_get_step (w), ==, "review");
  g_assert_cmpstr (kessan_import_wizard_get_preview_range (w), ==, "Rows 1–200 of 5,000");
  count_preview_cells (GTK_WIDGET (w), &cells);
  g_assert_cmpuint (cells, ==, (200 + 1) * (3 + 1));
  before = source_text (w);
  g_assert_nonnull (strstr (before, "Service aaa\t100"));
  g_assert_null (strstr (before, "Service vxf\t"));

  /* Row 4,000 (3,999 from 0), labelled "Service vxf". */
  kessan_import_wizard_select_cell (w, 3999, 1);
  g_assert_cmpstr (kessan_import_wizard_get_preview_range (w), ==, "Rows 3,900–4,099 of 5,000");
  g_assert_true (kessan_import_wizard_cell_has_class (w, 3999, 1, "accent"));
  /* Its concept is its own, none of the dictionary's: no choice shown. */
  g_assert_cmpuint (gtk_drop_down_get_selected (kessan_import_wizard_get_concept_dropdown (w)), ==, GTK_INVALID_LIST_POSITION);
  g_assert_false (kessan_import_wizard_cell_has_class (w, 0, 1, "accent"));
  cells = 0;
  count_preview_cells (GTK_WIDGET (w), &cells);
  g_assert_cmpuint (cells, ==, (200 + 1) * (3 + 1));
  after = source_text (w);
  g_assert_nonnull (strstr (after, "Service vxf\t"));
  g_assert_null (strstr (after, "Service aaa\t"));
  save_screenshot (GTK_WIDGET (w), "review-long-table");
}

/* A total of the clean release with a number in the first column: the
 * table, its row and the number. */
static gboolean
find_total (KessanFiling *filing,
            guint        *table,
            guint        *row,
            double       *value)
{
  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);

      if (kessan_statement_get_kind (statement) != KESSAN_STATEMENT_KIND_INCOME)
        continue;
      for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
        {
          KessanLineItem *item = kessan_statement_get_row (statement, r);

          if (kessan_line_item_get_total (item) && kessan_line_item_has_value (item, 0)
              && kessan_line_item_get_value (item, 0) > 1000)
            {
              *table = s, *row = r, *value = kessan_line_item_get_value (item, 0);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
type_value (KessanImportWizard *w,
            const char         *text)
{
  GtkEditable *entry = kessan_import_wizard_get_value_entry (w);

  gtk_editable_set_text (entry, text);
  /* Enter */
  g_signal_emit_by_name (entry, "activate");
}

/* A number typed over a cell: Escape takes it back, Enter sets it, the
 * cell shows it marked corrected and the checks run on it; Undo takes it
 * back; what is not a number gets a message and changes nothing; the
 * number set is added with the release and kept in the library, with
 * what the release was read as. */
static void
test_edit_value (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = kessan_test_make_clean_variant ("001_ac7abb1bfabe4158.txt");
  g_autoptr(GFile) file = write_release (fixture, "edited-release.txt", text, -1);
  g_autoptr(KessanImport) import = NULL;
  g_autoptr(KessanLibrary) restarted = NULL;
  g_autoptr(KessanFiling) reloaded = NULL;
  g_autoptr(KessanCorrection) made = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *statement_id = NULL;
  KessanImportWizard *w;
  KessanFiling *filing;
  KessanFiling *added;
  KessanLineItem *item;
  guint table, row;
  double value;

  w = open_to_summary (fixture, file);
  gtk_window_present (GTK_WINDOW (w));
  import = g_list_model_get_item (kessan_import_wizard_get_imports (w), 0);
  filing = kessan_import_get_filing (import);
  g_assert_cmpuint (count_errors (filing), ==, 0);
  g_assert_true (find_total (filing, &table, &row, &value));
  statement_id = g_strdup (kessan_statement_get_id (kessan_filing_get_statement (filing, table)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.review", "u", 0));
  gtk_drop_down_set_selected (kessan_import_wizard_get_table_dropdown (w), table);
  kessan_import_wizard_select_cell (w, (int) row, 0);
  shown = g_strdup (gtk_editable_get_text (kessan_import_wizard_get_value_entry (w)));
  g_assert_cmpstr (shown, !=, "");

  /* Escape takes back what was typed. */
  gtk_editable_set_text (kessan_import_wizard_get_value_entry (w), "12");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.revert-value", NULL));
  g_assert_cmpstr (gtk_editable_get_text (kessan_import_wizard_get_value_entry (w)), ==, shown);
  g_assert_cmpuint (g_list_model_get_n_items (kessan_filing_get_corrections (filing)), ==, 0);

  /* Enter sets a number a thousand more: the total no longer adds up. */
  typed = g_strdup_printf ("%.0f", value + 1000);
  type_value (w, typed);
  filing = kessan_import_get_filing (import);
  item = kessan_statement_get_row (kessan_filing_find_statement (filing, statement_id), row);
  g_assert_cmpfloat (kessan_line_item_get_value (item, 0), ==, value + 1000);
  g_assert_cmpuint (g_list_model_get_n_items (kessan_filing_get_corrections (filing)), ==, 1);
  g_assert_cmpuint (count_errors (filing), >, 0);
  g_assert_true (kessan_import_wizard_cell_has_class (w, (int) row, 0, "corrected"));
  g_assert_true (kessan_import_wizard_cell_has_class (w, (int) row, 0, "error"));
  g_assert_cmpstr (gtk_editable_get_text (kessan_import_wizard_get_value_entry (w)), !=, shown);
  g_assert_null (kessan_import_wizard_get_value_message (w));
  save_screenshot (GTK_WIDGET (w), "review-edited");

  /* Undo: the number the release was read with, checks clean again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.undo-correction", NULL));
  filing = kessan_import_get_filing (import);
  item = kessan_statement_get_row (kessan_filing_find_statement (filing, statement_id), row);
  g_assert_cmpfloat (kessan_line_item_get_value (item, 0), ==, value);
  g_assert_cmpuint (count_errors (filing), ==, 0);
  g_assert_false (kessan_import_wizard_cell_has_class (w, (int) row, 0, "corrected"));

  /* Not a number: a message, the text kept, nothing changed. */
  kessan_import_wizard_select_cell (w, (int) row, 0);
  type_value (w, "12,3x4");
  g_assert_nonnull (kessan_import_wizard_get_value_message (w));
  g_assert_nonnull (strstr (kessan_import_wizard_get_value_message (w), "12,3x4"));
  g_assert_cmpstr (gtk_editable_get_text (kessan_import_wizard_get_value_entry (w)), ==, "12,3x4");
  g_assert_cmpuint (g_list_model_get_n_items (kessan_filing_get_corrections (filing)), ==, 0);
  g_assert_cmpfloat (kessan_line_item_get_value (item, 0), ==, value);
  save_screenshot (GTK_WIDGET (w), "review-not-a-number");

  /* Negative as Kessan shows it, then the number added with the release. */
  type_value (w, "\u2212" "5");
  filing = kessan_import_get_filing (import);
  item = kessan_statement_get_row (kessan_filing_find_statement (filing, statement_id), row);
  g_assert_cmpfloat (kessan_line_item_get_value (item, 0), ==, -5);
  g_assert_null (kessan_import_wizard_get_value_message (w));
  type_value (w, typed);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w), "wizard.add", NULL));
  kessan_test_iterate_until (wizard_closed, fixture, 10000);
  added = kessan_test_app_find_filing (&fixture->test, "edited-release.txt");
  g_assert_nonnull (added);
  g_assert_cmpuint (g_list_model_get_n_items (kessan_filing_get_corrections (added)), ==, 2);
  made = g_list_model_get_item (kessan_filing_get_corrections (added), 1);
  g_assert_cmpint (kessan_correction_get_kind (made), ==, KESSAN_CORRECTION_SET_VALUE);
  g_assert_cmpfloat (kessan_correction_get_printed (made), ==, value);

  /* Kept in the library's filing, with where it came from. */
  restarted = kessan_library_new (kessan_library_get_directory (library (fixture)));
  g_assert_true (kessan_library_load (restarted, NULL, &error));
  g_assert_no_error (error);
  reloaded = g_list_model_get_item (G_LIST_MODEL (restarted), 0);
  item = kessan_statement_get_row (kessan_filing_find_statement (reloaded, statement_id), row);
  g_assert_cmpfloat (kessan_line_item_get_value (item, 0), ==, value + 1000);
  g_assert_cmpuint (kessan_line_item_get_value_line (item, 0), >, 0);
  g_clear_object (&made);
  made = g_list_model_get_item (kessan_filing_get_corrections (reloaded), 1);
  g_assert_cmpint (kessan_correction_get_kind (made), ==, KESSAN_CORRECTION_SET_VALUE);
  g_assert_cmpfloat (kessan_correction_get_value (made), ==, value + 1000);
  g_assert_cmpfloat (kessan_correction_get_printed (made), ==, value);
}

/* A TDnet package made here: its summary and one attachment, the
 * structured fixtures, under the folders TDnet puts them in. */
static GFile *
write_package (Fixture    *fixture,
               const char *name)
{
  static const char * const entries[][2] = {
    { "XBRLData/Summary/tse-acedjpsm-79990-20240510300000-ixbrl.htm", "summary-ixbrl.htm" },
    { "XBRLData/Attachment/0101010-acbs01-tse-acedjpfr-79990-2024-03-31-01-2024-05-10-ixbrl.htm", "bs-ixbrl.htm" },
  };
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  struct archive *zip = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (zip), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (zip, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *fixture_name = g_build_filename ("structured", entries[i][1], NULL);
      gsize length;
      g_autofree char *body = kessan_test_load_seed (fixture_name, &length);
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, entries[i][0]);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, (la_int64_t) length);
      g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (zip, body, length), ==, (la_ssize_t) length);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (zip), ==, ARCHIVE_OK);
  archive_write_free (zip);
  return g_file_new_for_path (path);
}

static gboolean
strv_has_prefix (char       **lines,
                 const char  *prefix,
                 const char  *part)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix) && strstr (lines[i], part) != NULL)
      return TRUE;
  return FALSE;
}

/* What a part not read says after its format, in the interface's
 * language (" · not read"). */
static const char *
not_read (void)
{
  const char *sentence = g_dgettext ("kessan", "%s · not read");

  g_assert_true (g_str_has_prefix (sentence, "%s"));
  return sentence + 2;
}

/* A package and an EDGAR submission list the documents they were read
 * from, on their rows: what each is and whether its lines went in; a
 * release of one file lists none. */
static void
test_parts (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GFile) package = write_package (fixture, "079990-tdnet.zip");
  g_autofree char *submission_path = kessan_test_seed_path ("structured/submission.txt");
  g_autoptr(GFile) submission = g_file_new_for_path (submission_path);
  g_autofree char *text = kessan_test_make_clean_variant ("001_ac7abb1bfabe4158.txt");
  g_autoptr(GFile) single = write_release (fixture, "one-file.txt", text, -1);
  g_auto(GStrv) package_parts = NULL;
  g_auto(GStrv) submission_parts = NULL;
  g_auto(GStrv) single_parts = NULL;
  KessanImportWizard *w;

  w = open_to_summary (fixture, package);
  kessan_import_wizard_add_file (w, submission);
  kessan_import_wizard_add_file (w, single);
  kessan_test_iterate_until (wizard_at_summary, fixture, 30000);
  gtk_window_present (GTK_WINDOW (w));

  /* The package: its summary and its attachment, both read. */
  package_parts = kessan_import_wizard_get_file_parts (w, 0);
  g_assert_cmpuint (g_strv_length (package_parts), ==, 2);
  g_assert_true (g_str_has_prefix (package_parts[0], "tse-acedjpsm-79990-20240510300000-ixbrl.htm: "));
  g_assert_true (g_str_has_prefix (package_parts[1], "0101010-acbs01-"));
  g_assert_true (strv_has_prefix (package_parts, "tse-acedjpsm", g_dpgettext2 ("kessan", "package part", "Summary")));
  g_assert_true (strv_has_prefix (package_parts, "0101010-acbs01", g_dpgettext2 ("kessan", "package part", "Attachment")));
  g_assert_false (strv_has_prefix (package_parts, "", not_read ()));

  /* The submission: the 8-K holds three documents, of which the results
   * exhibit is read and the cover document and the logo are not. */
  submission_parts = kessan_import_wizard_get_file_parts (w, 1);
  g_assert_cmpuint (g_strv_length (submission_parts), ==, 4);
  g_assert_true (g_str_has_prefix (submission_parts[0], "submission.txt (8-K): "));
  g_assert_true (strv_has_prefix (submission_parts, "a8-kex991q1202412302023.htm: HTML", ""));
  g_assert_false (strv_has_prefix (submission_parts, "a8-kex991q1202412302023.htm", not_read ()));
  g_assert_true (strv_has_prefix (submission_parts, "aapl-20240201.htm", not_read ()));
  g_assert_true (strv_has_prefix (submission_parts, "logo.jpg", not_read ()));
  if (!g_str_has_prefix (g_get_language_names ()[0], "ja"))
    {
      g_assert_nonnull (strstr (kessan_import_wizard_get_file_message (w, 1), "1 of 3 documents read"));
      g_assert_nonnull (strstr (kessan_import_wizard_get_file_message (w, 0), "2 of 2 documents read"));
    }

  /* One file is its own one part: nothing to list. */
  single_parts = kessan_import_wizard_get_file_parts (w, 2);
  g_assert_cmpuint (g_strv_length (single_parts), ==, 0);
  g_assert_null (strstr (kessan_import_wizard_get_file_message (w, 2), "documents"));
  save_screenshot (GTK_WIDGET (w), "summary-parts");
}

int
main (int    argc,
      char **argv)
{
  kessan_test_app_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add ("/kessan/wizard/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD_TEST ("clean-one-click", test_clean_one_click);
  ADD_TEST ("ragged-correction", test_ragged_correction);
  ADD_TEST ("fits-small-screens", test_fits_small_screens);
  ADD_TEST ("parts", test_parts);
  ADD_TEST ("edit-value", test_edit_value);
  if (!g_str_has_prefix (g_get_language_names ()[0], "ja"))
    {
      ADD_TEST ("duplicate", test_duplicate);
      ADD_TEST ("discard-corrections", test_discard_corrections);
      ADD_TEST ("bad-input", test_bad_input);
      ADD_TEST ("library-not-writable", test_library_not_writable);
      ADD_TEST ("pdf", test_pdf);
      ADD_TEST ("long-table", test_long_table);
    }

#undef ADD_TEST

  return g_test_run ();
}
