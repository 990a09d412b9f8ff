/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-import-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "kessan-accessible.h"
#include "kessan-import-wizard-private.h"
#include "kessan-release-chooser.h"

/* Bringing releases into the library, in steps:
 *
 *   choose → read (progress per file, cancellable) → summary per file
 *   → review and correct one (optional) → add, asking about duplicates.
 *
 * Every step goes through KessanImport, the same path as
 * `kessan-cli import`: a file that cannot be read shows the engine's own
 * message for it, and nothing of it reaches the library. */

G_DEFINE_FINAL_TYPE (KessanImportWizard, kessan_import_wizard, ADW_TYPE_WINDOW)

enum
{
  FILING_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void commit_next (KessanImportWizard *self);

static void
file_row_free (FileRow *row)
{
  g_free (row->problem);
  g_free (row);
}

const char *
kessan_import_wizard_measure_name (KessanMeasure measure)
{
  switch (measure)
    {
    case KESSAN_MEASURE_PERCENT_OF_REVENUE:
      /* xgettext:no-c-format */
      return _("% of revenues");
    case KESSAN_MEASURE_PERCENT_OF_TOTAL:
      /* xgettext:no-c-format */
      return _("% of total");
    case KESSAN_MEASURE_CHANGE_YOY:
      return _("Change, year on year");
    case KESSAN_MEASURE_CHANGE_QOQ:
      return _("Change, quarter on quarter");
    case KESSAN_MEASURE_CHANGE:
      return _("Change");
    case KESSAN_MEASURE_AMOUNT:
    default:
      return _("Amount");
    }
}

/* The languages of a release by name: "Japanese and English". */
static char *
describe_languages (const char * const *languages)
{
  gboolean ja = languages != NULL && g_strv_contains (languages, "ja");
  gboolean en = languages != NULL && g_strv_contains (languages, "en");

  if (ja && en)
    return g_strdup (_("Japanese and English"));
  if (ja)
    return g_strdup (_("Japanese"));
  if (en)
    return g_strdup (_("English"));
  return g_strdup (_("No language found"));
}

/* The summary of a file that was read, on two lines. */
static char *
summarise (KessanImport *import)
{
  KessanFiling *filing = kessan_import_get_filing (import);
  g_autofree char *period = kessan_filing_dup_period_name (filing);
  g_autofree char *languages = describe_languages (kessan_filing_get_languages (filing));
  guint n_tables = kessan_filing_get_n_statements (filing);
  guint n_errors = kessan_import_count_findings (import, KESSAN_SEVERITY_ERROR);
  guint n_warnings = kessan_import_count_findings (import, KESSAN_SEVERITY_WARNING);
  guint n_notes = kessan_import_count_findings (import, KESSAN_SEVERITY_INFO);
  g_autofree char *released = kessan_filing_get_released (filing) != NULL
                               ? kessan_format_period (kessan_filing_get_released (filing), 0) : NULL;
  const char *company = kessan_filing_get_company (filing);
  g_autofree char *release_line = NULL;
  g_autofree char *tables = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *parts = kessan_import_wizard_count_parts (filing);
  KessanDuplicateKind kind;
  KessanFiling *existing;

  /* TRANSLATORS: company · fiscal period · release date */
  release_line = g_strdup_printf (_("%s · %s · released %s"), company != NULL ? company : _("Unknown company"),
                                  period, released != NULL ? released : "—");
  tables = g_strdup_printf (ngettext ("%u table", "%u tables", n_tables), n_tables);
  errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  notes = g_strdup_printf (ngettext ("%u note", "%u notes", n_notes), n_notes);
  summary = g_strdup_printf ("%s\n%s · %s%s%s · %s · %s · %s", release_line, languages, parts != NULL ? parts : "",
                             parts != NULL ? " · " : "", tables, errors, warnings, notes);
  /* A release the library has already is said here, before Add. */
  if (kessan_import_get_state (import) == KESSAN_IMPORT_STATE_READ
      && (existing = kessan_import_find_duplicate (import, &kind)) != NULL)
    {
      g_autofree char *duplicate = NULL;

      if (kind == KESSAN_DUPLICATE_SAME_SOURCE)
        duplicate = g_strdup_printf (_("Already in the library as “%s”"), kessan_filing_get_source_name (existing));
      else if (kind == KESSAN_DUPLICATE_OTHER_EDITION)
        /* TRANSLATORS: the inline XBRL and the printed edition of one release */
        duplicate = g_strdup_printf (_("Joins “%s” as the other edition of the same release"),
                                     kessan_filing_get_source_name (existing));
      else
        duplicate = g_strdup_printf (_("The library has another release of this period: “%s”"),
                                     kessan_filing_get_source_name (existing));
      return g_strdup_printf ("%s\n%s", summary, duplicate);
    }
  return g_steal_pointer (&summary);
}

/* Files */

static FileRow *
file_row (KessanImportWizard *self,
          KessanImport       *import)
{
  guint position;

  if (!g_list_store_find (self->imports, import, &position))
    return NULL;
  return g_ptr_array_index (self->rows, position);
}

void
kessan_import_wizard_update_file_row (KessanImportWizard *self,
                                      KessanImport       *import)
{
  FileRow *row = file_row (self, import);
  KessanImportState state = kessan_import_get_state (import);
  g_autofree char *summary = NULL;
  const char *icon = "content-loading-symbolic";
  const char *style = NULL;

  if (row == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (row->progress), state == KESSAN_IMPORT_STATE_READING || state == KESSAN_IMPORT_STATE_NEW);
  gtk_widget_set_visible (GTK_WIDGET (row->review), state == KESSAN_IMPORT_STATE_READ);
  gtk_widget_remove_css_class (GTK_WIDGET (row->icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (row->icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (row->icon), "success");

  switch (state)
    {
    case KESSAN_IMPORT_STATE_FAILED:
      icon = "dialog-error-symbolic";
      style = "error";
      adw_action_row_set_subtitle (row->row, kessan_import_get_error (import)->message);
      break;
    case KESSAN_IMPORT_STATE_READ:
    case KESSAN_IMPORT_STATE_ADDED:
      summary = summarise (import);
      adw_action_row_set_subtitle (row->row, summary);
      kessan_import_wizard_fill_parts (row, kessan_import_get_filing (import));
      if (state == KESSAN_IMPORT_STATE_READ && row->problem != NULL)
        {
          /* The library's own message, as the engine gave it. */
          adw_action_row_set_subtitle (row->row, row->problem);
          icon = "dialog-error-symbolic", style = "error";
        }
      else if (state == KESSAN_IMPORT_STATE_ADDED)
        icon = "emblem-ok-symbolic", style = "success";
      else if (kessan_import_count_findings (import, KESSAN_SEVERITY_ERROR) > 0)
        icon = "dialog-error-symbolic", style = "error";
      else if (kessan_import_count_findings (import, KESSAN_SEVERITY_WARNING) > 0)
        icon = "dialog-warning-symbolic", style = "warning";
      else
        icon = "emblem-ok-symbolic", style = "success";
      break;
    case KESSAN_IMPORT_STATE_NEW:
    case KESSAN_IMPORT_STATE_READING:
    default:
      adw_action_row_set_subtitle (row->row, _("Reading…"));
      break;
    }
  gtk_image_set_from_icon_name (row->icon, icon);
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row->icon), style);
}

static void
progress_changed_cb (KessanImport       *import,
                     GParamSpec         *pspec,
                     KessanImportWizard *self)
{
  FileRow *row = file_row (self, import);

  if (row != NULL)
    gtk_progress_bar_set_fraction (row->progress, kessan_import_get_progress (import));
}

static guint
count_in_state (KessanImportWizard *self,
                KessanImportState   state)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->imports)); i++)
    {
      g_autoptr(KessanImport) import = g_list_model_get_item (G_LIST_MODEL (self->imports), i);

      n += kessan_import_get_state (import) == state;
    }
  return n;
}

static guint
count_errors_to_add (KessanImportWizard *self)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->imports)); i++)
    {
      g_autoptr(KessanImport) import = g_list_model_get_item (G_LIST_MODEL (self->imports), i);

      if (kessan_import_get_state (import) == KESSAN_IMPORT_STATE_READ)
        n += kessan_import_count_findings (import, KESSAN_SEVERITY_ERROR);
    }
  return n;
}

/* The header follows the step: Add is the default when every file is
 * clean, "Add Anyway" and no default when the checks found errors. */
void
kessan_import_wizard_update_files_page (KessanImportWizard *self)
{
  guint n_files = g_list_model_get_n_items (G_LIST_MODEL (self->imports));
  guint n_read = count_in_state (self, KESSAN_IMPORT_STATE_READ);
  guint n_errors = count_errors_to_add (self);
  gboolean reviewing = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "review") == 0;
  g_autofree char *heading = NULL;

  if (self->n_reading > 0)
    {
      heading = g_strdup_printf (ngettext ("Reading %u release…", "Reading %u releases…", self->n_reading), self->n_reading);
      adw_window_title_set_subtitle (self->window_title, _("Reading"));
    }
  else
    {
      guint n_failed = count_in_state (self, KESSAN_IMPORT_STATE_FAILED);
      guint n_good = n_files - n_failed;

      /* What was read, not what was tried. */
      if (n_failed == 0)
        heading = g_strdup_printf (ngettext ("%u file read", "%u files read", n_files), n_files);
      else if (n_good == 0)
        heading = g_strdup_printf (ngettext ("The file could not be read", "None of the %u files could be read", n_files), n_files);
      else
        heading = g_strdup_printf (ngettext ("%u of %u file read", "%u of %u files read", n_files), n_good, n_files);
      if (!reviewing)
        adw_window_title_set_subtitle (self->window_title, _("Summary"));
    }
  gtk_label_set_text (self->files_heading, heading);

  gtk_widget_set_visible (GTK_WIDGET (self->add_button), self->n_reading == 0 && n_read > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.add", self->n_reading == 0 && n_read > 0 && !self->committing);
  gtk_button_set_label (self->add_button, n_errors > 0 ? _("_Add Anyway") : _("_Add to Library"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               n_errors > 0 ? _("The checks found errors: review them first, or add the releases as they are")
                                            : NULL);
  if (n_errors > 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->add_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "destructive-action");
      gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->add_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "suggested-action");
      gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->add_button));
    }
  gtk_button_set_label (self->cancel_button, self->n_reading > 0 || n_read > 0 ? _("_Cancel") : _("_Close"));
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KessanImportWizard) self = user_data;
  KessanImport *import = KESSAN_IMPORT (object);

  /* Whatever went wrong is kept by the import and shown on its row. */
  kessan_import_read_finish (import, result, NULL);
  self->n_reading--;
  if (self->rows == NULL)
    return;
  kessan_import_wizard_update_file_row (self, import);
  kessan_import_wizard_update_files_page (self);
}

static void
review_clicked_cb (GtkButton          *button,
                   KessanImportWizard *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.review", "u", index);
}

void
kessan_import_wizard_add_file (KessanImportWizard *self,
                               GFile              *file)
{
  g_autoptr(KessanImport) import = NULL;
  g_autofree char *name = NULL;
  FileRow *row;

  g_return_if_fail (KESSAN_IS_IMPORT_WIZARD (self));
  g_return_if_fail (G_IS_FILE (file));

  import = kessan_import_new (self->library, file);
  name = g_file_get_basename (file);

  row = g_new0 (FileRow, 1);
  row->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), name);
  adw_action_row_set_subtitle_lines (row->row, 4);
  row->icon = GTK_IMAGE (gtk_image_new ());
  adw_action_row_add_prefix (row->row, GTK_WIDGET (row->icon));
  row->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->progress), GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (row->progress), 120, -1);
  adw_action_row_add_suffix (row->row, GTK_WIDGET (row->progress));
  kessan_import_wizard_make_parts_button (row);
  adw_action_row_add_suffix (row->row, GTK_WIDGET (row->parts));
  row->review = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Review…")));
  gtk_widget_set_valign (GTK_WIDGET (row->review), GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row->review), "index", GUINT_TO_POINTER (self->rows->len));
  g_signal_connect_object (row->review, "clicked", G_CALLBACK (review_clicked_cb), self, 0);
  adw_action_row_add_suffix (row->row, GTK_WIDGET (row->review));
  kessan_accessible_name_text_buttons (GTK_WIDGET (row->review));
  gtk_list_box_append (self->file_list, GTK_WIDGET (row->row));

  g_ptr_array_add (self->rows, row);
  g_list_store_append (self->imports, import);
  g_signal_connect_object (import, "notify::progress", G_CALLBACK (progress_changed_cb), self, 0);

  self->n_reading++;
  kessan_import_read_async (import, self->cancellable, read_done_cb, g_object_ref (self));
  kessan_import_wizard_update_file_row (self, import);
  gtk_stack_set_visible_child_name (self->stack, "files");
  kessan_import_wizard_update_files_page (self);
}

gboolean
kessan_import_wizard_get_accepts_files (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), FALSE);

  return !self->committing && count_in_state (self, KESSAN_IMPORT_STATE_ADDED) == 0;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);

  gtk_stack_set_visible_child_name (self->stack, "files");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->imports)); i++)
    {
      g_autoptr(KessanImport) import = g_list_model_get_item (G_LIST_MODEL (self->imports), i);

      kessan_import_wizard_update_file_row (self, import);
    }
  kessan_import_wizard_update_files_page (self);
}

/* Adding */

static void
commit_with_mode (KessanImportWizard *self,
                  KessanImport       *import,
                  KessanImportMode    mode)
{
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(KessanFiling) replaced = NULL;
  g_autoptr(GBytes) replaced_source = NULL;
  g_autoptr(GError) error = NULL;
  FileRow *row = file_row (self, import);

  added = kessan_import_commit (import, mode, self->force, &replaced, &replaced_source, &error);
  if (added == NULL)
    {
      /* The row says why, with the library's own message. */
      self->commit_failed = TRUE;
      if (row != NULL)
        {
          g_free (row->problem);
          row->problem = g_strdup (error->message);
        }
      kessan_import_wizard_update_file_row (self, import);
      return;
    }
  if (row != NULL)
    g_clear_pointer (&row->problem, g_free);
  kessan_import_wizard_update_file_row (self, import);
  g_signal_emit (self, signals[FILING_ADDED], 0, added, replaced, replaced_source);
}

static gboolean
continue_commit_cb (gpointer data)
{
  commit_next (KESSAN_IMPORT_WIZARD (data));
  return G_SOURCE_REMOVE;
}

static void
duplicate_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       KessanImportWizard *self)
{
  g_autoptr(KessanImport) import = g_list_model_get_item (G_LIST_MODEL (self->imports), self->next_commit);

  self->duplicate_dialog = NULL;
  if (g_str_equal (response, "replace"))
    commit_with_mode (self, import, KESSAN_IMPORT_MODE_REPLACE);
  else if (g_str_equal (response, "keep-both"))
    commit_with_mode (self, import, KESSAN_IMPORT_MODE_KEEP_BOTH);
  else
    self->commit_failed = TRUE;  /* Left out: the wizard stays to say so. */
  self->next_commit++;
  /* The dialog, transient for the wizard, finishes closing first. */
  g_idle_add_full (G_PRIORITY_DEFAULT, continue_commit_cb, g_object_ref (self), g_object_unref);
}

static void
ask_about_duplicate (KessanImportWizard  *self,
                     KessanImport        *import,
                     KessanFiling        *existing,
                     KessanDuplicateKind  kind)
{
  g_autofree char *period = kessan_filing_dup_period_name (existing);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (kind == KESSAN_DUPLICATE_SAME_SOURCE)
    body = g_strdup_printf (_("“%s” is already in the library as “%s”. Replace it with this import and its corrections?"),
                            kessan_import_get_name (import), kessan_filing_get_source_name (existing));
  else
    body = g_strdup_printf (_("The library already has a release for %s: “%s”. Replace it with “%s”, or keep both?"),
                            period, kessan_filing_get_source_name (existing), kessan_import_get_name (import));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Release Already in the Library"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (kind == KESSAN_DUPLICATE_SAME_PERIOD)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "keep-both", _("_Keep Both"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "replace", _("_Replace"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (duplicate_response_cb), self, 0);
  self->duplicate_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Commits the imports one after the other; a duplicate waits for the
 * user's answer.  When all went in, the wizard is done. */
static void
commit_next (KessanImportWizard *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->imports));

  for (; self->next_commit < n; self->next_commit++)
    {
      g_autoptr(KessanImport) import = g_list_model_get_item (G_LIST_MODEL (self->imports), self->next_commit);
      KessanDuplicateKind kind;
      KessanFiling *existing;

      if (kessan_import_get_state (import) != KESSAN_IMPORT_STATE_READ)
        continue;
      existing = kessan_import_find_duplicate (import, &kind);
      if (existing != NULL && kind != KESSAN_DUPLICATE_OTHER_EDITION)
        {
          ask_about_duplicate (self, import, existing, kind);
          return;
        }
      commit_with_mode (self, import, KESSAN_IMPORT_MODE_ADD);
    }

  self->committing = FALSE;
  if (!self->commit_failed)
    {
      /* The corrections went into the library with their releases. */
      self->may_close = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  back_action (GTK_WIDGET (self), NULL, NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);

  if (self->committing || self->n_reading > 0)
    return;
  /* "Add Anyway" is the user's word that the errors are the release's. */
  self->force = count_errors_to_add (self) > 0;
  self->committing = TRUE;
  self->commit_failed = FALSE;
  self->next_commit = 0;
  gtk_widget_action_set_enabled (widget, "wizard.add", FALSE);
  commit_next (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);

  /* Asked already: the question is on screen. */
  if (self->discard_dialog != NULL)
    return;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     KessanImportWizard *self)
{
  self->discard_dialog = NULL;
  if (!g_str_equal (response, "discard"))
    return;
  self->may_close = TRUE;
  /* Once the question is gone: the dialog is transient for the wizard
   * until it is destroyed, after this handler. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* Closing with corrections not yet in the library loses them: the user
 * is asked first, with Cancel the default answer. */
static gboolean
kessan_import_wizard_close_request (GtkWindow *window)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (window);
  GtkWidget *dialog;

  if (self->may_close || self->n_corrections == 0)
    {
      g_cancellable_cancel (self->cancellable);
      return GTK_WINDOW_CLASS (kessan_import_wizard_parent_class)->close_request (window);
    }
  if (self->discard_dialog != NULL)
    return TRUE;

  dialog = adw_message_dialog_new (window, _("Discard Corrections?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "The correction made in this import will be lost.",
                                               "The %u corrections made in this import will be lost.",
                                               self->n_corrections),
                                  self->n_corrections);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  self->discard_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

AdwMessageDialog *
kessan_import_wizard_get_discard_dialog (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);

  return self->discard_dialog;
}

/* Choosing */

static void
choose_response_cb (GtkNativeDialog    *dialog,
                    int                 response,
                    KessanImportWizard *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          kessan_import_wizard_add_file (self, file);
        }
    }
  g_object_unref (dialog);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);
  GtkFileChooserNative *dialog = kessan_release_chooser_new (GTK_WINDOW (self), _("Choose Earnings Releases"));

  g_signal_connect (dialog, "response", G_CALLBACK (choose_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Accessors for the interface tests */

GListModel *
kessan_import_wizard_get_imports (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  return G_LIST_MODEL (self->imports);
}

const char *
kessan_import_wizard_get_step (KessanImportWizard *self)
{
  const char *page;

  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "files") == 0)
    return self->n_reading > 0 ? "reading" : "summary";
  return page;
}

const char *
kessan_import_wizard_get_file_message (KessanImportWizard *self,
                                       guint               index)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return adw_action_row_get_subtitle (((FileRow *) g_ptr_array_index (self->rows, index))->row);
}

const char *
kessan_import_wizard_get_heading (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);

  return gtk_label_get_text (self->files_heading);
}

GtkWidget *
kessan_import_wizard_get_add_button (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  return GTK_WIDGET (self->add_button);
}

GtkDropDown *
kessan_import_wizard_get_move_dropdown (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  return self->move_dropdown;
}

GtkDropDown *
kessan_import_wizard_get_concept_dropdown (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  return self->concept_dropdown;
}

GtkDropDown *
kessan_import_wizard_get_table_dropdown (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  return self->table_dropdown;
}

AdwMessageDialog *
kessan_import_wizard_get_duplicate_dialog (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  return self->duplicate_dialog;
}

/* Construction */
KessanImportWizard *
kessan_import_wizard_new (GtkWindow     *parent,
                          KessanLibrary *library,
                          GSettings     *settings)
{
  KessanImportWizard *self;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (library), NULL);

  self = g_object_new (KESSAN_TYPE_IMPORT_WIZARD, "transient-for", parent, NULL);
  /* A dialog no larger than the window it belongs to. */
  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   MIN (width, gtk_widget_get_width (GTK_WIDGET (parent))),
                                   MIN (height, gtk_widget_get_height (GTK_WIDGET (parent))));
    }
  self->library = g_object_ref (library);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  return self;
}

static void
kessan_import_wizard_dispose (GObject *object)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_object (&self->imports);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->concept_keys);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_object (&self->reviewed);
  g_clear_pointer (&self->table_id, g_free);

  G_OBJECT_CLASS (kessan_import_wizard_parent_class)->dispose (object);
}

static void
kessan_import_wizard_class_init (KessanImportWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kessan_import_wizard_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = kessan_import_wizard_close_request;

  /**
   * KessanImportWizard::filing-added:
   * @added: the filing now in the library
   * @replaced: (nullable): the filing it replaced
   * @replaced_source: (nullable): the source of @replaced, for an undo
   */
  signals[FILING_ADDED] = g_signal_new ("filing-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                        KESSAN_TYPE_FILING, KESSAN_TYPE_FILING, G_TYPE_BYTES);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kessan/Kessan/ui/kessan-import-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, add_button);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, files_heading);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, file_list);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, table_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, preview_range_label);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, source_view);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, selection_label);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, value_entry);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, value_message);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, move_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, concept_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, new_concept_entry);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, period_end_entry);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, months_spin);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, currency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, scale_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, year_spin);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, quarter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, findings_list);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, value_group);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, row_group);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, column_group);

  gtk_widget_class_install_action (widget_class, "wizard.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "wizard.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  kessan_import_wizard_review_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.cancel", NULL);
}

static void
kessan_import_wizard_init (KessanImportWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Named by the titles of the rows they are in. */
  kessan_accessible_name_drop_down (self->table_dropdown, NULL, _("Table"));
  kessan_accessible_name_drop_down (self->move_dropdown, NULL, _("Move to Column"));
  kessan_accessible_name_drop_down (self->concept_dropdown, NULL, _("Concept"));
  kessan_accessible_name_drop_down (self->measure_dropdown, NULL, _("Measure"));
  kessan_accessible_name_drop_down (self->currency_dropdown, NULL, _("Currency"));
  kessan_accessible_name_drop_down (self->scale_dropdown, NULL, _("Scale"));
  kessan_accessible_name_drop_down (self->quarter_dropdown, NULL, _("Quarter"));

  self->imports = g_list_store_new (KESSAN_TYPE_IMPORT);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) file_row_free);
  self->cells = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->selected_row = -1;
  self->selected_column = -1;

  kessan_import_wizard_review_init (self);
  adw_window_title_set_subtitle (self->window_title, _("Choose"));
}
