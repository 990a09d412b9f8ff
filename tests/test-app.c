/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "kessan-application.h"
#include "kessan-series-builder.h"
#include "kessan-source-page.h"
#include "kessan-statements-page.h"
#include "kessan-test-app.h"
#include "kessan-test-util.h"
#include "kessan-window.h"

/* The application as a user meets it, driven through its actions and
 * read back from its widgets: each test starts it on an empty library
 * of its own, where the sample releases are added on the first run. */

/* Each test on an application of its own (tests/kessan-test-app.h). */
typedef KessanTestApp Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  kessan_test_app_set_up (fixture, "kessan-app-XXXXXX", 0, 0, FALSE);
  /* The samples, added on this first run, and one of them shown. */
  g_assert_nonnull (kessan_window_get_filing (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kessan_test_app_tear_down (fixture);
}

static KessanStatementsPage *
statements_page (Fixture *fixture)
{
  return KESSAN_STATEMENTS_PAGE (kessan_window_get_page (fixture->window, "statements"));
}

/* The displayed row and column of a cell, by row label and column title. */
static int
find_row (KessanStatementsPage *page,
          const char           *label)
{
  for (guint r = 0; r < kessan_statements_page_get_n_rows (page); r++)
    {
      g_autofree char *text = kessan_statements_page_get_cell_text (page, r, 0);

      if (g_strcmp0 (text, label) == 0)
        return (int) r;
    }
  return -1;
}

static void
show_statement (Fixture    *fixture,
                const char *source_name,
                const char *statement_id)
{
  KessanFiling *filing = kessan_test_app_find_filing (fixture, source_name);

  g_assert_nonnull (filing);
  kessan_window_select_filing (fixture->window, filing);
  g_assert_true (kessan_statements_page_select_statement (statements_page (fixture), statement_id));
  g_assert_cmpstr (kessan_statement_get_id (kessan_statements_page_get_statement (statements_page (fixture))), ==, statement_id);
}

static void
assert_cell (KessanStatementsPage *page,
             const char           *label,
             guint                 column,
             const char           *expected)
{
  int row = find_row (page, label);
  g_autofree char *text = NULL;

  for (guint r = 0; row < 0 && r < kessan_statements_page_get_n_rows (page); r++)
    {
      g_autofree char *shown = kessan_statements_page_get_cell_text (page, r, 0);

      g_test_message ("row %u: %s", r, shown);
    }
  g_assert_cmpint (row, >=, 0);
  text = kessan_statements_page_get_cell_text (page, (guint) row, column);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_app_starts_with_samples (Fixture       *fixture,
                              gconstpointer  data)
{
  KessanStatementsPage *page = statements_page (fixture);
  GSettings *settings = kessan_application_get_settings (fixture->app);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (kessan_window_get_library (fixture->window))), ==, 3);

  /* 2Q FY2003, statement of operations: column 2 is JPY at 2003-09-30. */
  show_statement (fixture, "004_df6267c19d93d050.txt", "en-income-quarter");
  assert_cell (page, "Total revenues", 1, "82,431");
  assert_cell (page, "Total revenues", 2, "9,185,259");
  assert_cell (page, "Operating income (loss)", 2, "\xe2\x88\x92" "829,760");
  assert_cell (page, "Net income (loss)", 3, "\xe2\x88\x92" "3.0");

  /* 4Q FY2002's Japanese balance sheet, its labels in the language the
   * user chose. */
  show_statement (fixture, "001_ac7abb1bfabe4158.txt", "ja-balance");
  g_settings_set_string (settings, "label-language", "ja");
  assert_cell (page, "資産合計", 2, "39,219,388");
  assert_cell (page, "欠損金", 2, "\xe2\x88\x92" "27,532,204");
  g_settings_set_string (settings, "label-language", "en");
  assert_cell (page, "Total assets", 2, "39,219,388");
  g_settings_set_string (settings, "label-language", "both");
  assert_cell (page, "資産合計\nTotal assets", 2, "39,219,388");
  g_settings_reset (settings, "label-language");
}

/* A release printed in both languages lists each table once, shows the
 * edition of the label language, and marks the editions' disagreements
 * on the cells of either edition. */
static void
test_app_bilingual_tables (Fixture       *fixture,
                           gconstpointer  data)
{
  KessanStatementsPage *page = statements_page (fixture);
  GSettings *settings = kessan_application_get_settings (fixture->app);
  GListModel *library = G_LIST_MODEL (kessan_window_get_library (fixture->window));
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GHashTable) editions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  KessanFinding *disagreement = NULL;
  guint pairs = 0;

  /* A release in both languages whose editions disagree somewhere. */
  for (guint i = 0; filing == NULL && i < g_list_model_get_n_items (library); i++)
    {
      g_autoptr(KessanFiling) candidate = g_list_model_get_item (library, i);

      for (guint f = 0; disagreement == NULL && f < kessan_filing_get_n_findings (candidate); f++)
        {
          KessanFinding *finding = kessan_filing_get_finding (candidate, f);
          guint n_columns;

          kessan_finding_get_columns (finding, &n_columns);
          if (g_strcmp0 (kessan_finding_get_check (finding), "language") == 0 && n_columns > 0
              && kessan_finding_get_other_statement (finding) != NULL)
            disagreement = finding;
        }
      if (disagreement != NULL)
        filing = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (filing);
  g_assert_cmpuint (g_strv_length ((char **) kessan_filing_get_languages (filing)), ==, 2);
  kessan_window_select_filing (fixture->window, filing);

  /* Count the pairs: the n-th table of a topic in one language with the
   * n-th in the other. */
  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);
      g_autofree char *key = NULL;
      guint seen;

      if (kessan_statement_get_topic (statement) == NULL)
        continue;
      key = g_strdup_printf ("%s\t%s", kessan_statement_get_topic (statement), kessan_statement_get_language (statement));
      seen = GPOINTER_TO_UINT (g_hash_table_lookup (editions, key));
      g_hash_table_insert (editions, g_steal_pointer (&key), GUINT_TO_POINTER (seen + 1));
    }
  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);
      g_autofree char *ja = NULL, *en = NULL;

      if (g_strcmp0 (kessan_statement_get_language (statement), "ja") != 0 || kessan_statement_get_topic (statement) == NULL)
        continue;
      ja = g_strdup_printf ("%s\tja", kessan_statement_get_topic (statement));
      en = g_strdup_printf ("%s\ten", kessan_statement_get_topic (statement));
      if (g_hash_table_contains (editions, ja))
        {
          pairs += MIN (GPOINTER_TO_UINT (g_hash_table_lookup (editions, ja)),
                        GPOINTER_TO_UINT (g_hash_table_lookup (editions, en)));
          g_hash_table_remove (editions, ja);
        }
    }
  g_assert_cmpuint (pairs, >, 0);
  g_assert_cmpuint (kessan_statements_page_get_n_tables (page), ==, kessan_filing_get_n_statements (filing) - pairs);

  /* The label language picks the edition. */
  g_settings_set_string (settings, "label-language", "en");
  g_assert_cmpstr (kessan_statement_get_language (kessan_statements_page_get_statement (page)), ==, "en");
  g_settings_set_string (settings, "label-language", "ja");
  g_assert_cmpstr (kessan_statement_get_language (kessan_statements_page_get_statement (page)), ==, "ja");

  /* The disagreement is marked on both editions. */
  for (guint pass = 0; pass < 2; pass++)
    {
      const char *id = pass == 0 ? kessan_finding_get_statement (disagreement) : kessan_finding_get_other_statement (disagreement);
      KessanStatement *statement;
      const char *concept = kessan_finding_get_rows (disagreement)[0];
      guint n_columns;
      guint column = kessan_finding_get_columns (disagreement, &n_columns)[0];
      gboolean marked = FALSE;

      g_assert_true (kessan_statements_page_select_statement (page, id));
      statement = kessan_statements_page_get_statement (page);
      g_assert_cmpstr (kessan_statement_get_id (statement), ==, id);
      for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
        if (g_strcmp0 (kessan_line_item_get_concept (kessan_statement_get_row (statement, r)), concept) == 0)
          {
            GPtrArray *shown = kessan_statements_page_get_cell_findings (page, r, column + 1);

            marked |= shown != NULL && g_ptr_array_find (shown, disagreement, NULL);
          }
      g_assert_true (marked);
    }
  g_settings_reset (settings, "label-language");
}

/* Trends and Charts follow the shown release's company: another
 * company's figures never join its series. */
static void
test_app_company_series (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *text = kessan_test_load_seed ("004_df6267c19d93d050.txt", NULL);
  g_autoptr(GString) other = g_string_new (text);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *followed = kessan_window_get_company_filings (fixture->window);
  GListModel *library = G_LIST_MODEL (kessan_window_get_library (fixture->window));
  const char *iij;

  iij = kessan_filing_get_company (kessan_window_get_filing (fixture->window));
  g_assert_nonnull (iij);
  g_assert_cmpuint (g_list_model_get_n_items (followed), ==, g_list_model_get_n_items (library));

  g_string_replace (other, "Internet Initiative Japan Inc.", "Example Networks Inc.", 0);
  g_string_replace (other, "INTERNET INITIATIVE JAPAN INC.", "EXAMPLE NETWORKS INC.", 0);
  path = kessan_test_write_temp ("example-networks.txt", other->str, (gssize) other->len);
  file = g_file_new_for_path (path);
  added = kessan_library_import_file (kessan_window_get_library (fixture->window), file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kessan_filing_get_company (added), ==, "Example Networks Inc.");

  /* Another company's release shown: only it is followed. */
  kessan_window_select_filing (fixture->window, added);
  g_assert_cmpuint (g_list_model_get_n_items (followed), ==, 1);
  {
    g_autoptr(KessanFiling) only = g_list_model_get_item (followed, 0);

    g_assert_true (only == added);
  }

  /* Back to the first company: its releases, without the other. */
  kessan_window_select_filing (fixture->window, kessan_test_app_find_filing (fixture, "003_3f09aa9018b22431.txt"));
  g_assert_cmpuint (g_list_model_get_n_items (followed), ==, g_list_model_get_n_items (library) - 1);
  for (guint i = 0; i < g_list_model_get_n_items (followed); i++)
    {
      g_autoptr(KessanFiling) filing = g_list_model_get_item (followed, i);

      g_assert_cmpstr (kessan_filing_get_company (filing), ==, iij);
    }
  g_unlink (path);
}

/* The label the Trends page is waited for: only the rows in view have
 * widgets, and the first rows are those of the statement of operations. */
static const char *wanted_trends_label;

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
trends_shows_wanted_label (gpointer data)
{
  Fixture *fixture = data;

  return has_label (kessan_window_get_page (fixture->window, "trends"), wanted_trends_label);
}

/* The Trends page names its rows in the label language chosen: English,
 * Japanese, or both with the interface's language first. */
static void
test_app_trends_labels (Fixture       *fixture,
                        gconstpointer  data)
{
  GSettings *settings = kessan_application_get_settings (fixture->app);
  GtkWidget *trends = kessan_window_get_page (fixture->window, "trends");

  kessan_window_show_page (fixture->window, "trends");
  wanted_trends_label = "Total revenues";
  kessan_test_iterate_until (trends_shows_wanted_label, fixture, 30000);

  g_settings_set_string (settings, "label-language", "ja");
  wanted_trends_label = "営業収益合計";
  kessan_test_iterate_until (trends_shows_wanted_label, fixture, 10000);
  g_assert_false (has_label (trends, "Total revenues"));

  g_settings_set_string (settings, "label-language", "both");
  wanted_trends_label = "Total revenues / 営業収益合計";
  kessan_test_iterate_until (trends_shows_wanted_label, fixture, 10000);

  g_settings_reset (settings, "label-language");
  wanted_trends_label = "Total revenues";
  kessan_test_iterate_until (trends_shows_wanted_label, fixture, 10000);
  g_assert_false (has_label (trends, "営業収益合計"));
}

static void
test_app_scale_currency_negatives (Fixture       *fixture,
                                   gconstpointer  data)
{
  KessanStatementsPage *page = statements_page (fixture);
  KessanApplication *app = fixture->app;
  GSettings *settings = kessan_application_get_settings (app);

  show_statement (fixture, "004_df6267c19d93d050.txt", "en-income-quarter");

  g_settings_set_string (settings, "display-scale", "millions");
  assert_cell (page, "Total revenues", 2, "9,185.3");
  g_settings_set_string (settings, "display-scale", "yen");
  assert_cell (page, "Total revenues", 2, "9,185,259,000");

  /* USD at the release's own 111.43 yen. */
  g_settings_set_string (settings, "display-scale", "printed");
  g_settings_set_string (settings, "display-currency", "usd");
  assert_cell (page, "Total revenues", 2, "82,431");
  g_settings_set_string (settings, "display-scale", "millions");
  assert_cell (page, "Total revenues", 2, "82.4");

  g_settings_set_string (settings, "display-currency", "jpy");
  g_settings_set_string (settings, "display-scale", "printed");
  g_settings_set_string (settings, "negative-style", "parentheses");
  assert_cell (page, "Operating income (loss)", 2, "(829,760)");
  g_settings_set_string (settings, "negative-style", "triangle");
  assert_cell (page, "Operating income (loss)", 2, "\xe2\x96\xb2" "829,760");
  g_settings_reset (settings, "negative-style");
}

static void
test_app_copy_rows (Fixture       *fixture,
                    gconstpointer  data)
{
  KessanStatementsPage *page = statements_page (fixture);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  int row;

  show_statement (fixture, "004_df6267c19d93d050.txt", "en-income-quarter");
  row = find_row (page, "Total revenues");
  kessan_statements_page_select_rows (page, (guint) row, 1);
  text = kessan_statements_page_copy_text (page);
  g_assert_nonnull (text);
  lines = g_strsplit (text, "\n", -1);
  /* A header line, then the row: plain numbers for a spreadsheet. */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[1], "Total revenues\t82431\t9185259\t100.0\t10568342\t100.0\t-13.1\t"));
}

static void
test_app_show_in_source (Fixture       *fixture,
                         gconstpointer  data)
{
  KessanStatementsPage *page = statements_page (fixture);
  KessanSourcePage *source = KESSAN_SOURCE_PAGE (kessan_window_get_page (fixture->window, "source"));
  KessanStatement *statement;
  KessanLineItem *row;
  guint n_lines;
  const guint *lines;
  int index;

  show_statement (fixture, "003_3f09aa9018b22431.txt", "en-balance");
  index = find_row (page, "Restricted Cash");
  g_assert_cmpint (index, >=, 0);
  kessan_statements_page_select_rows (page, (guint) index, 1);
  g_assert_true (kessan_statements_page_show_in_source (page));

  statement = kessan_statements_page_get_statement (page);
  row = kessan_statement_get_row (statement, (guint) index);
  lines = kessan_source_page_get_highlighted (source, &n_lines);
  g_assert_cmpuint (n_lines, ==, 1);
  g_assert_cmpuint (lines[0], ==, kessan_line_item_get_line (row));
  g_assert_cmpstr (kessan_window_get_visible_page (fixture->window), ==, "source");
  /* The line is the row's line of the decoded text. */
  {
    g_auto(GStrv) text = g_strsplit (kessan_filing_get_text (kessan_window_get_filing (fixture->window)), "\n", -1);

    g_assert_nonnull (strstr (text[lines[0] - 1], "Restricted Cash"));
  }
}

static guint
library_size (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (kessan_window_get_library (fixture->window)));
}

static gboolean
has_four (gpointer data)
{
  Fixture *fixture = data;

  return library_size (fixture) == 4;
}

static gboolean
wizard_at_summary (gpointer data)
{
  Fixture *fixture = data;
  KessanImportWizard *wizard = kessan_window_get_import_wizard (fixture->window);

  return wizard != NULL && g_strcmp0 (kessan_import_wizard_get_step (wizard), "summary") == 0;
}

static gboolean
duplicate_asked (gpointer data)
{
  Fixture *fixture = data;
  KessanImportWizard *wizard = kessan_window_get_import_wizard (fixture->window);

  return wizard != NULL && kessan_import_wizard_get_duplicate_dialog (wizard) != NULL;
}

static gboolean
wizard_closed (gpointer data)
{
  Fixture *fixture = data;

  return kessan_window_get_import_wizard (fixture->window) == NULL;
}

/* Opens @file in the import wizard, adds it and answers the question
 * about the duplicate it is with @response. */
static void
import_answering (Fixture    *fixture,
                  GFile      *file,
                  const char *response)
{
  KessanImportWizard *wizard;

  kessan_window_open_file (fixture->window, file);
  kessan_test_iterate_until (wizard_at_summary, fixture, 20000);
  wizard = kessan_window_get_import_wizard (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.add", NULL));
  kessan_test_iterate_until (duplicate_asked, fixture, 5000);
  adw_message_dialog_response (kessan_import_wizard_get_duplicate_dialog (wizard), response);
  if (g_str_equal (response, "cancel"))
    gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.cancel", NULL);
  kessan_test_iterate_until (wizard_closed, fixture, 5000);
}

static void
test_app_open_remove_undo_duplicate (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "data", "004_df6267c19d93d050.txt", NULL);
  g_autofree char *copy = g_build_filename (fixture->library_dir, "..", "kessan-app-open.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) duplicate = g_file_new_for_path (seed);
  g_autoptr(GError) error = NULL;
  gsize length;

  /* A release the library does not have yet: the sample with a note
   * added at its end. */
  g_assert_true (g_file_get_contents (seed, &contents, &length, &error));
  {
    g_autofree char *changed = g_strconcat (contents, "\nReleased again for the test.\n", NULL);

    g_assert_true (g_file_set_contents (copy, changed, -1, &error));
  }
  file = g_file_new_for_path (copy);

  /* A release already in the library is not added again. */
  import_answering (fixture, duplicate, "cancel");
  g_assert_cmpuint (library_size (fixture), ==, 3);

  /* Another release of the same quarter, kept beside it. */
  import_answering (fixture, file, "keep-both");
  kessan_test_iterate_until (has_four, fixture, 20000);
  g_assert_cmpstr (kessan_filing_get_source_name (kessan_window_get_filing (fixture->window)), ==, "kessan-app-open.txt");

  /* Remove it, then Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.remove-filing", NULL));
  g_assert_cmpuint (library_size (fixture), ==, 3);
  g_assert_null (kessan_test_app_find_filing (fixture, "kessan-app-open.txt"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-remove", NULL));
  g_assert_cmpuint (library_size (fixture), ==, 4);
  g_assert_nonnull (kessan_test_app_find_filing (fixture, "kessan-app-open.txt"));

  g_unlink (copy);
}

static void
test_app_unreadable_file_changes_nothing (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/kessan/release.txt");

  kessan_window_open_file (fixture->window, missing);
  kessan_test_iterate_until (wizard_at_summary, fixture, 20000);
  g_assert_cmpuint (library_size (fixture), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (kessan_window_get_import_wizard (fixture->window)), "wizard.cancel", NULL);
  kessan_test_iterate_until (wizard_closed, fixture, 5000);
}

static void
test_app_screenshots (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *pages[] = { "statements", "trends", "charts", "checks", "source" };
  const char *language = g_getenv ("LANGUAGE");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  show_statement (fixture, "003_3f09aa9018b22431.txt", "en-income-quarter");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s", pages[i], language != NULL && *language != '\0' ? language : "en");

      kessan_window_show_page (fixture->window, pages[i]);
      kessan_test_iterate_for (500);
      kessan_test_save_screenshot (GTK_WIDGET (fixture->window), name);
    }
}

/* Run with LANGUAGE=ja (the test-app-ja case): the window speaks
 * Japanese, statements show Japanese labels and ▲ negatives. */
static void
test_app_japanese (Fixture       *fixture,
                   gconstpointer  data)
{
  KessanStatementsPage *page = statements_page (fixture);
  GtkWidget *statements = kessan_window_get_page (fixture->window, "statements");
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (statements, ADW_TYPE_VIEW_STACK));

  if (!g_str_has_prefix (g_get_language_names ()[0], "ja"))
    {
      g_test_skip ("runs with LANGUAGE=ja");
      return;
    }
  g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, statements)), ==, "財務諸表");
  g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, kessan_window_get_page (fixture->window, "checks"))), ==, "検算");

  show_statement (fixture, "003_3f09aa9018b22431.txt", "ja-income-quarter");
  assert_cell (page, "営業収益合計", 2, "9,185,259");
  assert_cell (page, "営業利益(損失)", 2, "\xe2\x96\xb2" "829,760");
}

/* The series builders of two pages share the set of the same filings;
 * a build asked for after that set was read (which may follow a change
 * inside a filing) makes a set of its own. */
static gpointer
keep_set (KessanSeriesSet *set,
          GCancellable    *cancellable,
          gpointer         user_data)
{
  return g_object_ref (set);
}

static void
set_ready (gpointer result,
           gpointer user_data)
{
  KessanSeriesSet **slot = user_data;

  g_clear_object (slot);
  *slot = result;
}

static gboolean
sets_built (gpointer data)
{
  KessanSeriesSet **sets = data;

  return sets[0] != NULL && sets[1] != NULL;
}

static gboolean
set_built (gpointer data)
{
  return *(KessanSeriesSet **) data != NULL;
}

static void
test_app_shared_series_set (void)
{
  const char *seeds[] = { "001_ac7abb1bfabe4158.txt", "003_3f09aa9018b22431.txt", "004_df6267c19d93d050.txt" };
  g_autoptr(GListStore) filings = g_list_store_new (KESSAN_TYPE_FILING);
  KessanSeriesSet *sets[3] = { NULL, NULL, NULL };
  g_autoptr(KessanSeriesBuilder) first = kessan_series_builder_new (keep_set, set_ready, g_object_unref, &sets[0]);
  g_autoptr(KessanSeriesBuilder) second = kessan_series_builder_new (keep_set, set_ready, g_object_unref, &sets[1]);
  g_autoptr(KessanSeriesBuilder) later = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(GBytes) bytes = kessan_test_load_seed_bytes (seeds[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(KessanFiling) filing = kessan_parse_release (bytes, seeds[i], &error);

      g_assert_no_error (error);
      g_list_store_append (filings, filing);
    }

  kessan_series_builder_set_filings (first, G_LIST_MODEL (filings));
  kessan_series_builder_set_filings (second, G_LIST_MODEL (filings));
  kessan_test_iterate_until (sets_built, sets, 60000);
  g_assert_true (sets[0] == sets[1]);
  g_assert_cmpuint (kessan_series_set_get_n_filings (sets[0]), ==, G_N_ELEMENTS (seeds));
  g_assert_nonnull (kessan_series_set_lookup (sets[0], "revenues.total", "2003-09-30", 3));

  later = kessan_series_builder_new (keep_set, set_ready, g_object_unref, &sets[2]);
  kessan_series_builder_set_filings (later, G_LIST_MODEL (filings));
  kessan_test_iterate_until (set_built, &sets[2], 60000);
  g_assert_true (sets[2] != sets[0]);
  g_assert_cmpuint (kessan_series_set_get_n_filings (sets[2]), ==, G_N_ELEMENTS (seeds));

  kessan_series_builder_stop (first);
  kessan_series_builder_stop (second);
  kessan_series_builder_stop (later);
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    g_clear_object (&sets[i]);
}

/* A row printed without a label, the subtotal under a rule, is shown
 * as such, not as the reader's "?". */
static void
test_app_unlabelled_row (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "data", "general", "unlabelled-subtotal.txt", NULL);
  gsize length = 0;
  g_autofree char *release = kessan_test_read_file (fixture_path, &length);
  g_autofree char *path = g_build_filename (fixture->library_dir, "..", "kessan-unlabelled.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(GError) error = NULL;
  KessanStatementsPage *page = statements_page (fixture);
  int row;

  kessan_test_write_file (path, release, length);
  added = kessan_library_import_file (kessan_window_get_library (fixture->window), file, NULL, &error);
  g_assert_no_error (error);
  show_statement (fixture, "kessan-unlabelled.txt", "en-income-quarter");

  row = find_row (page, "No label printed");
  g_assert_cmpint (row, ==, find_row (page, "General and administrative") + 1);
  g_assert_cmpstr (kessan_line_item_get_label (kessan_statement_get_row (kessan_statements_page_get_statement (page), (guint) row)), ==, "?");
  g_assert_cmpint (find_row (page, "?"), <, 0);
  g_unlink (path);
}

/* Of two income statements, the one of amounts is shown first, not the
 * one "as a percentage of total revenues" printed before it. */
static void
test_app_amounts_first (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char release[] =
    "Northwind Cloud, Inc. (NYSE: NWC) today reported results.\n"
    "\n"
    "            CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n"
    "                                        Three Months Ended\n"
    "                                     July 31,        July 31,\n"
    "                                       2023            2022\n"
    "Revenues                                100             100\n"
    "Cost of revenues                         25              28\n"
    "Gross profit                             75              72\n"
    "\n"
    "            CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n"
    "              (In millions, except per share data)\n"
    "                                        Three Months Ended\n"
    "                                     July 31,        July 31,\n"
    "                                       2023            2022\n"
    "Revenues                           $ 8,603         $ 7,720\n"
    "Cost of revenues                     2,153           2,156\n"
    "Gross profit                         6,450           5,564\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (release, sizeof release - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) parsed = kessan_parse_release (bytes, "amounts-first.txt", &error);
  g_autoptr(KessanFiling) filing = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GString) changed = NULL;
  KessanStatement *shown;
  const char *measure = "\"measure\": \"amount\"";

  g_assert_no_error (error);
  g_assert_cmpuint (kessan_filing_get_n_statements (parsed), ==, 2);
  /* The first table's two columns are percentages of revenue. */
  json = kessan_filing_to_json (parsed, TRUE);
  changed = g_string_new (json);
  for (guint i = 0; i < 2; i++)
    {
      char *at = strstr (changed->str, measure);

      g_assert_nonnull (at);
      g_string_erase (changed, at - changed->str, (gssize) strlen (measure));
      g_string_insert (changed, at - changed->str, "\"measure\": \"percent_of_revenue\"");
    }
  filing = kessan_filing_new_from_json (changed->str, -1, &error);
  g_assert_no_error (error);

  kessan_window_select_filing (fixture->window, filing);
  shown = kessan_statements_page_get_statement (statements_page (fixture));
  g_assert_nonnull (shown);
  g_assert_cmpuint (kessan_column_get_measure (kessan_statement_get_column (shown, 0)), ==, KESSAN_MEASURE_AMOUNT);
  g_assert_cmpfloat (kessan_line_item_get_value (kessan_statement_get_row (shown, 0), 0), ==, 8603);
}

int
main (int    argc,
      char **argv)
{
  kessan_test_app_init (&argc, &argv);

  /* With LANGUAGE=ja (test-app-ja) only what is about the language runs. */
  if (!g_str_has_prefix (g_get_language_names ()[0], "ja"))
    {
      g_test_add ("/kessan/app/starts-with-samples", Fixture, NULL, fixture_set_up, test_app_starts_with_samples, fixture_tear_down);
      g_test_add ("/kessan/app/bilingual-tables", Fixture, NULL, fixture_set_up, test_app_bilingual_tables, fixture_tear_down);
      g_test_add ("/kessan/app/unlabelled-row", Fixture, NULL, fixture_set_up, test_app_unlabelled_row, fixture_tear_down);
      g_test_add ("/kessan/app/amounts-first", Fixture, NULL, fixture_set_up, test_app_amounts_first, fixture_tear_down);
      g_test_add ("/kessan/app/company-series", Fixture, NULL, fixture_set_up, test_app_company_series, fixture_tear_down);
      g_test_add ("/kessan/app/trends-labels", Fixture, NULL, fixture_set_up, test_app_trends_labels, fixture_tear_down);
      g_test_add_func ("/kessan/app/shared-series-set", test_app_shared_series_set);
      g_test_add ("/kessan/app/scale-currency-negatives", Fixture, NULL, fixture_set_up, test_app_scale_currency_negatives, fixture_tear_down);
      g_test_add ("/kessan/app/copy-rows", Fixture, NULL, fixture_set_up, test_app_copy_rows, fixture_tear_down);
      g_test_add ("/kessan/app/show-in-source", Fixture, NULL, fixture_set_up, test_app_show_in_source, fixture_tear_down);
      g_test_add ("/kessan/app/open-remove-undo-duplicate", Fixture, NULL, fixture_set_up, test_app_open_remove_undo_duplicate, fixture_tear_down);
      g_test_add ("/kessan/app/unreadable-file", Fixture, NULL, fixture_set_up, test_app_unreadable_file_changes_nothing, fixture_tear_down);
    }
  else
    g_test_add ("/kessan/app/japanese", Fixture, NULL, fixture_set_up, test_app_japanese, fixture_tear_down);
  g_test_add ("/kessan/app/screenshots", Fixture, NULL, fixture_set_up, test_app_screenshots, fixture_tear_down);
  return g_test_run ();
}
