/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-import-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "kessan-import-wizard.h"
#include "kessan-names.h"

/* Bringing releases into the library, in steps:
 *
 *   choose → read (progress per file, cancellable) → summary per file
 *   → review and correct one (optional) → add, asking about duplicates.
 *
 * Every step goes through KessanImport, the same path as
 * `kessan-cli import`: a file that cannot be read shows the engine's own
 * message for it, and nothing of it reaches the library. */

/* A file's row in the list of the "files" page. */
typedef struct
{
  AdwActionRow   *row;
  GtkImage       *icon;
  GtkProgressBar *progress;
  GtkButton      *review;
  char           *problem;   /* why it could not be added, or NULL */
} FileRow;

static void
file_row_free (FileRow *row)
{
  g_free (row->problem);
  g_free (row);
}

struct _KessanImportWizard
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkButton         *cancel_button;
  GtkButton         *back_button;
  GtkButton         *add_button;
  GtkStack          *stack;
  GtkLabel          *files_heading;
  GtkListBox        *file_list;
  GtkDropDown       *table_dropdown;
  GtkGrid           *preview_grid;
  GtkTextView       *source_view;
  GtkLabel          *selection_label;
  GtkDropDown       *move_dropdown;
  GtkDropDown       *concept_dropdown;
  GtkEntry          *new_concept_entry;
  GtkEntry          *period_end_entry;
  GtkSpinButton     *months_spin;
  GtkDropDown       *measure_dropdown;
  GtkDropDown       *currency_dropdown;
  GtkDropDown       *scale_dropdown;
  GtkSpinButton     *year_spin;
  GtkDropDown       *quarter_dropdown;
  GtkListBox        *findings_list;

  /* Owned */
  KessanLibrary     *library;
  GSettings         *settings;
  GListStore        *imports;
  GPtrArray         *rows;           /* FileRow, one per import */
  GCancellable      *cancellable;
  GtkStringList     *concept_keys;
  GPtrArray         *cells;          /* the preview's cells, (row + 1) × (columns + 1) */
  KessanImport      *reviewed;
  char              *table_id;

  /* Borrowed */
  AdwMessageDialog  *duplicate_dialog;

  guint              n_reading;
  guint              next_commit;    /* the import the Add button commits next */
  int                selected_row;
  int                selected_column;
  gboolean           committing;
  gboolean           force;
  gboolean           commit_failed;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (KessanImportWizard, kessan_import_wizard, ADW_TYPE_WINDOW)

enum
{
  FILING_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const guint scales[] = { 1, 1000, 1000000 };

static void update_files_page (KessanImportWizard *self);
static void show_table        (KessanImportWizard *self);
static void commit_next       (KessanImportWizard *self);

/* Display */

static const char *
interface_language (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "ja") ? "ja" : "en";
}

/* The negative style and label language the statements show. */
static KessanNegativeStyle
negative_style (KessanImportWizard *self)
{
  g_autofree char *style = NULL;
  g_autoptr(GVariant) chosen = NULL;

  if (self->settings == NULL)
    return KESSAN_NEGATIVE_MINUS;
  chosen = g_settings_get_user_value (self->settings, "negative-style");
  if (chosen == NULL && g_str_equal (interface_language (), "ja"))
    return KESSAN_NEGATIVE_TRIANGLE;
  style = g_settings_get_string (self->settings, "negative-style");
  if (g_str_equal (style, "parentheses"))
    return KESSAN_NEGATIVE_PARENTHESES;
  if (g_str_equal (style, "triangle"))
    return KESSAN_NEGATIVE_TRIANGLE;
  return KESSAN_NEGATIVE_MINUS;
}

static const char *
row_label (KessanImportWizard *self,
           KessanLineItem     *row)
{
  g_autofree char *choice = self->settings != NULL ? g_settings_get_string (self->settings, "label-language") : NULL;
  const char *language = choice == NULL || g_str_equal (choice, "interface") || g_str_equal (choice, "both")
                         ? interface_language () : choice;
  const char *label = g_str_equal (language, "ja") ? kessan_line_item_get_label_ja (row)
                                                   : kessan_line_item_get_label_en (row);

  return label != NULL ? label : kessan_line_item_get_label (row);
}

static char *
describe_period (KessanFiling *filing)
{
  guint year = kessan_filing_get_fiscal_year (filing);
  guint quarter = kessan_filing_get_fiscal_quarter (filing);

  if (year == 0)
    return g_strdup (_("Unknown period"));
  if (quarter == 0)
    /* TRANSLATORS: a full fiscal year, e.g. "FY2002" */
    return g_strdup_printf (_("FY%u"), year);
  /* TRANSLATORS: a fiscal quarter, e.g. "2Q FY2003" */
  return g_strdup_printf (_("%uQ FY%u"), quarter, year);
}

static const char *
measure_name (KessanMeasure measure)
{
  switch (measure)
    {
    case KESSAN_MEASURE_PERCENT_OF_REVENUE:
      return _("% of revenues");
    case KESSAN_MEASURE_PERCENT_OF_TOTAL:
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

static char *
column_title (KessanStatement *statement,
              guint            c)
{
  KessanColumn *column = kessan_statement_get_column (statement, c);
  g_autofree char *period = kessan_format_period (kessan_column_get_period_end (column), kessan_column_get_months (column));
  const char *what;

  if (kessan_column_get_measure (column) != KESSAN_MEASURE_AMOUNT)
    what = measure_name (kessan_column_get_measure (column));
  else
    what = kessan_currency_to_string (kessan_column_get_currency (column));
  /* TRANSLATORS: a column of the preview: its number, period and what it holds */
  return g_strdup_printf (_("%u: %s\n%s"), c + 1, period != NULL ? period : "—", what != NULL ? what : "");
}

/* The summary of a file that was read, on two lines. */
static char *
summarise (KessanImport *import)
{
  KessanFiling *filing = kessan_import_get_filing (import);
  g_autofree char *period = describe_period (filing);
  g_autofree char *languages = g_strjoinv (", ", (char **) kessan_filing_get_languages (filing));
  guint n_tables = kessan_filing_get_n_statements (filing);
  guint n_errors = kessan_import_count_findings (import, KESSAN_SEVERITY_ERROR);
  guint n_warnings = kessan_import_count_findings (import, KESSAN_SEVERITY_WARNING);
  guint n_notes = kessan_import_count_findings (import, KESSAN_SEVERITY_INFO);
  const char *released = kessan_filing_get_released (filing);
  const char *company = kessan_filing_get_company (filing);
  g_autofree char *release_line = NULL;
  g_autofree char *tables = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *notes = NULL;

  /* TRANSLATORS: company · fiscal period · release date */
  release_line = g_strdup_printf (_("%s · %s · released %s"), company != NULL ? company : _("Unknown company"),
                                  period, released != NULL ? released : "—");
  tables = g_strdup_printf (ngettext ("%u table", "%u tables", n_tables), n_tables);
  errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  notes = g_strdup_printf (ngettext ("%u note", "%u notes", n_notes), n_notes);
  return g_strdup_printf ("%s\n%s · %s · %s · %s · %s", release_line, languages, tables, errors, warnings, notes);
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

static void
update_file_row (KessanImportWizard *self,
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
static void
update_files_page (KessanImportWizard *self)
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
      heading = g_strdup_printf (ngettext ("%u file read", "%u files read", n_files), n_files);
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
  update_file_row (self, import);
  update_files_page (self);
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
  row->review = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Review…")));
  gtk_widget_set_valign (GTK_WIDGET (row->review), GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row->review), "index", GUINT_TO_POINTER (self->rows->len));
  g_signal_connect_object (row->review, "clicked", G_CALLBACK (review_clicked_cb), self, 0);
  adw_action_row_add_suffix (row->row, GTK_WIDGET (row->review));
  gtk_list_box_append (self->file_list, GTK_WIDGET (row->row));

  g_ptr_array_add (self->rows, row);
  g_list_store_append (self->imports, import);
  g_signal_connect_object (import, "notify::progress", G_CALLBACK (progress_changed_cb), self, 0);

  self->n_reading++;
  kessan_import_read_async (import, self->cancellable, read_done_cb, g_object_ref (self));
  update_file_row (self, import);
  gtk_stack_set_visible_child_name (self->stack, "files");
  update_files_page (self);
}

gboolean
kessan_import_wizard_get_accepts_files (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), FALSE);

  return !self->committing && count_in_state (self, KESSAN_IMPORT_STATE_ADDED) == 0;
}

/* Review */

static KessanStatement *
reviewed_statement (KessanImportWizard *self)
{
  KessanFiling *filing = self->reviewed != NULL ? kessan_import_get_filing (self->reviewed) : NULL;

  if (filing == NULL || self->table_id == NULL)
    return NULL;
  return kessan_filing_find_statement (filing, self->table_id);
}

static gboolean
finding_covers (KessanFinding  *finding,
                KessanLineItem *row,
                int             column)
{
  const char * const *rows = kessan_finding_get_rows (finding);
  const guint *columns;
  guint n_columns;
  gboolean in_row = FALSE;

  for (guint i = 0; rows[i] != NULL && !in_row; i++)
    in_row = g_strcmp0 (rows[i], kessan_line_item_get_concept (row)) == 0;
  if (!in_row)
    return FALSE;
  if (column < 0)
    return TRUE;
  columns = kessan_finding_get_columns (finding, &n_columns);
  if (n_columns == 0)
    return TRUE;
  for (guint i = 0; i < n_columns; i++)
    if (columns[i] == (guint) column)
      return TRUE;
  return FALSE;
}

/* The worst finding of the table about a cell, or NULL. */
static KessanFinding *
finding_for_cell (KessanImportWizard *self,
                  KessanLineItem     *row,
                  int                 column)
{
  KessanFiling *filing = kessan_import_get_filing (self->reviewed);
  KessanFinding *worst = NULL;

  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);

      if (g_strcmp0 (kessan_finding_get_statement (finding), self->table_id) != 0 ||
          kessan_finding_get_severity (finding) == KESSAN_SEVERITY_INFO ||
          !finding_covers (finding, row, column))
        continue;
      if (worst == NULL || kessan_finding_get_severity (finding) > kessan_finding_get_severity (worst))
        worst = finding;
    }
  return worst;
}

static GtkWidget *
cell_at (KessanImportWizard *self,
         int                 row,
         int                 column)
{
  KessanStatement *statement = reviewed_statement (self);
  guint width;
  guint index;

  if (statement == NULL)
    return NULL;
  width = kessan_statement_get_n_columns (statement) + 1;
  if (row < -1 || column < -1 || (guint) (column + 1) >= width)
    return NULL;
  index = (guint) (row + 1) * width + (guint) (column + 1);
  return index < self->cells->len ? g_ptr_array_index (self->cells, index) : NULL;
}

static void
cell_clicked_cb (GtkButton          *button,
                 KessanImportWizard *self)
{
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "row"));
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "column"));

  kessan_import_wizard_select_cell (self, row, column);
}

static GtkWidget *
add_cell (KessanImportWizard *self,
          const char         *text,
          int                 row,
          int                 column,
          const char         *tooltip)
{
  GtkWidget *button = gtk_button_new_with_label (text);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "preview-cell");
  gtk_label_set_xalign (GTK_LABEL (label), column < 0 ? 0.0f : 1.0f);
  if (column >= 0 && row >= 0)
    gtk_widget_add_css_class (label, "numeric");
  if (row < 0)
    gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "row", GINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (button), "column", GINT_TO_POINTER (column));
  g_signal_connect_object (button, "clicked", G_CALLBACK (cell_clicked_cb), self, 0);
  gtk_grid_attach (self->preview_grid, button, column + 1, row + 1, 1, 1);
  g_ptr_array_add (self->cells, button);
  return button;
}

/* A corrected place of the table says so: a mark and the correction. */
static void
mark_correction (KessanImportWizard *self,
                 GtkWidget          *cell,
                 int                 row,
                 int                 column)
{
  KessanCorrection *correction = kessan_filing_find_correction (kessan_import_get_filing (self->reviewed),
                                                                self->table_id, row, column);
  g_autofree char *what = NULL;
  g_autofree char *tooltip = NULL;

  if (correction == NULL)
    return;
  what = kessan_correction_describe (correction);
  /* TRANSLATORS: a tooltip; %s says what was corrected */
  tooltip = g_strdup_printf (_("Corrected on import: %s"), what);
  gtk_widget_add_css_class (cell, "corrected");
  gtk_widget_set_tooltip_text (cell, tooltip);
}

static void
fill_preview (KessanImportWizard *self)
{
  KessanStatement *statement = reviewed_statement (self);
  GtkWidget *child;
  guint n_columns, n_rows;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_ptr_array_set_size (self->cells, 0);
  if (statement == NULL)
    return;

  n_columns = kessan_statement_get_n_columns (statement);
  n_rows = kessan_statement_get_n_rows (statement);

  mark_correction (self, add_cell (self, "", -1, -1, NULL), -1, -1);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *title = column_title (statement, c);
      GtkWidget *cell = add_cell (self, title, -1, (int) c, kessan_column_get_header (kessan_statement_get_column (statement, c)));

      mark_correction (self, cell, -1, (int) c);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);
      KessanFinding *finding = finding_for_cell (self, row, -1);
      GtkWidget *cell;

      cell = add_cell (self, row_label (self, row), (int) r, -1, kessan_line_item_get_label (row));
      gtk_widget_set_margin_start (gtk_button_get_child (GTK_BUTTON (cell)), 12 * (int) kessan_line_item_get_depth (row));
      if (finding != NULL)
        gtk_widget_add_css_class (cell, kessan_finding_get_severity (finding) == KESSAN_SEVERITY_ERROR ? "error" : "warning");
      mark_correction (self, cell, (int) r, -1);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *text = NULL;

          if (kessan_line_item_has_value (row, c))
            text = kessan_format_number (kessan_line_item_get_value (row, c),
                                         kessan_line_item_get_decimals (row, c), negative_style (self));
          finding = kessan_line_item_has_value (row, c) || kessan_line_item_get_total (row)
                    ? finding_for_cell (self, row, (int) c) : NULL;
          cell = add_cell (self, text != NULL ? text : "", (int) r, (int) c,
                           finding != NULL ? kessan_finding_get_message (finding) : NULL);
          if (finding != NULL)
            gtk_widget_add_css_class (cell, kessan_finding_get_severity (finding) == KESSAN_SEVERITY_ERROR ? "error" : "warning");
          mark_correction (self, cell, (int) r, (int) c);
        }
    }
}

/* The table's lines of the release, problem lines and the selected
 * row's line highlighted. */
static void
fill_source (KessanImportWizard *self)
{
  KessanStatement *statement = reviewed_statement (self);
  KessanFiling *filing = self->reviewed != NULL ? kessan_import_get_filing (self->reviewed) : NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint first, last, n_lines;
  GtkTextIter start, end;

  gtk_text_buffer_set_text (buffer, "", 0);
  if (statement == NULL || kessan_filing_get_text (filing) == NULL)
    return;

  lines = g_strsplit (kessan_filing_get_text (filing), "\n", -1);
  n_lines = g_strv_length (lines);
  first = MAX (kessan_statement_get_first_line (statement), 1);
  last = MIN (kessan_statement_get_last_line (statement), n_lines);
  for (guint line = first; line <= last; line++)
    g_string_append_printf (text, "%5u  %s\n", line, lines[line - 1]);
  gtk_text_buffer_set_text (buffer, text->str, (int) text->len);

  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);
      const guint *finding_lines;
      guint n;

      if (g_strcmp0 (kessan_finding_get_statement (finding), self->table_id) != 0 ||
          kessan_finding_get_severity (finding) == KESSAN_SEVERITY_INFO)
        continue;
      finding_lines = kessan_finding_get_lines (finding, &n);
      for (guint l = 0; l < n; l++)
        {
          if (finding_lines[l] < first || finding_lines[l] > last)
            continue;
          gtk_text_buffer_get_iter_at_line (buffer, &start, (int) (finding_lines[l] - first));
          end = start;
          gtk_text_iter_forward_to_line_end (&end);
          gtk_text_buffer_apply_tag_by_name (buffer, "problem", &start, &end);
        }
    }

  if (self->selected_row >= 0 && (guint) self->selected_row < kessan_statement_get_n_rows (statement))
    {
      KessanLineItem *row = kessan_statement_get_row (statement, (guint) self->selected_row);
      guint line = self->selected_column >= 0 ? kessan_line_item_get_value_line (row, (guint) self->selected_column) : 0;

      if (line == 0)
        line = kessan_line_item_get_line (row);
      if (line >= first && line <= last)
        {
          gtk_text_buffer_get_iter_at_line (buffer, &start, (int) (line - first));
          end = start;
          gtk_text_iter_forward_to_line_end (&end);
          gtk_text_buffer_apply_tag_by_name (buffer, "selected", &start, &end);
          gtk_text_view_scroll_to_iter (self->source_view, &start, 0.1, FALSE, 0, 0);
        }
    }
}

static GtkWidget *
finding_row (KessanFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  KessanSeverity severity = kessan_finding_get_severity (finding);
  GtkWidget *icon = gtk_image_new_from_icon_name (severity == KESSAN_SEVERITY_INFO ? "dialog-information-symbolic"
                                                  : severity == KESSAN_SEVERITY_WARNING ? "dialog-warning-symbolic"
                                                  : "dialog-error-symbolic");

  if (severity != KESSAN_SEVERITY_INFO)
    gtk_widget_add_css_class (icon, severity == KESSAN_SEVERITY_ERROR ? "error" : "warning");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kessan_check_get_display_name (kessan_finding_get_check (finding)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kessan_finding_get_message (finding));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* The findings of the table and of the release as a whole, as the
 * checks give them after the last correction. */
static void
fill_findings (KessanImportWizard *self)
{
  KessanFiling *filing = self->reviewed != NULL ? kessan_import_get_filing (self->reviewed) : NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);
  if (filing == NULL)
    return;
  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);
      const char *statement = kessan_finding_get_statement (finding);

      if (statement != NULL && g_strcmp0 (statement, self->table_id) != 0)
        continue;
      gtk_list_box_append (self->findings_list, finding_row (finding));
      shown++;
    }
  if (shown == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The checks find nothing wrong with this table."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_list_box_append (self->findings_list, row);
    }
}

/* The preview scrolls to show the selected cell, once it is laid out:
 * at a priority below that of drawing. */
static gboolean
scroll_to_selection_cb (gpointer data)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (data);
  GtkWidget *cell = self->cells != NULL ? cell_at (self, self->selected_row, self->selected_column) : NULL;
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->preview_grid), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  if (cell == NULL || !gtk_widget_compute_bounds (cell, GTK_WIDGET (self->preview_grid), &bounds))
    return G_SOURCE_REMOVE;
  gtk_adjustment_clamp_page (h, bounds.origin.x, bounds.origin.x + bounds.size.width);
  gtk_adjustment_clamp_page (v, bounds.origin.y, bounds.origin.y + bounds.size.height);
  return G_SOURCE_REMOVE;
}

static void
fill_selection (KessanImportWizard *self)
{
  KessanStatement *statement = reviewed_statement (self);
  g_autofree char *text = NULL;

  if (statement == NULL)
    return;

  for (guint i = 0; i < self->cells->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (self->cells, i), "accent");
  if (cell_at (self, self->selected_row, self->selected_column) != NULL)
    {
      GtkWidget *cell = cell_at (self, self->selected_row, self->selected_column);

      gtk_widget_add_css_class (cell, "accent");
      g_idle_add_full (G_PRIORITY_LOW, scroll_to_selection_cb, g_object_ref (self), g_object_unref);
    }

  self->updating = TRUE;
  if (self->selected_row >= 0 && (guint) self->selected_row < kessan_statement_get_n_rows (statement))
    {
      KessanLineItem *row = kessan_statement_get_row (statement, (guint) self->selected_row);
      guint position;

      if (self->selected_column >= 0)
        /* TRANSLATORS: the selected cell of the preview: row label, column number */
        text = g_strdup_printf (_("Row “%s”, column %d"), row_label (self, row), self->selected_column + 1);
      else
        text = g_strdup_printf (_("Row “%s”"), row_label (self, row));
      for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->concept_keys)); position++)
        if (g_strcmp0 (gtk_string_list_get_string (self->concept_keys, position), kessan_line_item_get_concept (row)) == 0)
          {
            gtk_drop_down_set_selected (self->concept_dropdown, position);
            break;
          }
    }
  else if (self->selected_column >= 0)
    text = g_strdup_printf (_("Column %d"), self->selected_column + 1);
  else
    text = g_strdup (_("Select a cell of the table to correct it."));
  gtk_label_set_text (self->selection_label, text);

  if (self->selected_column >= 0 && (guint) self->selected_column < kessan_statement_get_n_columns (statement))
    {
      KessanColumn *column = kessan_statement_get_column (statement, (guint) self->selected_column);
      const char *end = kessan_column_get_period_end (column);

      gtk_editable_set_text (GTK_EDITABLE (self->period_end_entry), end != NULL ? end : "");
      gtk_spin_button_set_value (self->months_spin, kessan_column_get_months (column));
      gtk_drop_down_set_selected (self->measure_dropdown, kessan_column_get_measure (column));
      gtk_drop_down_set_selected (self->currency_dropdown, kessan_column_get_currency (column));
      for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
        if (scales[i] == kessan_column_get_scale (column))
          gtk_drop_down_set_selected (self->scale_dropdown, i);
      gtk_drop_down_set_selected (self->move_dropdown, (guint) self->selected_column);
    }
  self->updating = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.move-value",
                                 self->selected_row >= 0 && self->selected_column >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.set-concept", self->selected_row >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.set-column-role", self->selected_column >= 0);
}

static void
show_table (KessanImportWizard *self)
{
  KessanFiling *filing = self->reviewed != NULL ? kessan_import_get_filing (self->reviewed) : NULL;
  KessanStatement *statement = reviewed_statement (self);
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);

  if (filing == NULL)
    return;
  if (statement != NULL)
    for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
      {
        g_autofree char *title = column_title (statement, c);

        g_strdelimit (title, "\n", ' ');
        gtk_string_list_append (columns, title);
      }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->move_dropdown, G_LIST_MODEL (columns));
  gtk_spin_button_set_value (self->year_spin, kessan_filing_get_fiscal_year (filing) > 0
                                              ? kessan_filing_get_fiscal_year (filing) : 2003);
  gtk_drop_down_set_selected (self->quarter_dropdown, kessan_filing_get_fiscal_quarter (filing));
  self->updating = FALSE;

  fill_preview (self);
  fill_source (self);
  fill_findings (self);
  fill_selection (self);
}

/* The tables of the reviewed filing in the dropdown; @select_id or the
 * first table with an error is shown. */
static void
fill_tables (KessanImportWizard *self,
             const char         *select_id)
{
  KessanFiling *filing = kessan_import_get_filing (self->reviewed);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *chosen = NULL;
  guint selected = 0;

  for (guint i = 0; i < kessan_filing_get_n_findings (filing) && select_id == NULL && chosen == NULL; i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);

      if (kessan_finding_get_severity (finding) == KESSAN_SEVERITY_ERROR && kessan_finding_get_statement (finding) != NULL &&
          kessan_filing_find_statement (filing, kessan_finding_get_statement (finding)) != NULL)
        chosen = g_strdup (kessan_finding_get_statement (finding));
    }
  if (select_id != NULL && kessan_filing_find_statement (filing, select_id) != NULL)
    chosen = g_strdup (select_id);

  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);
      g_autofree char *name = kessan_statement_get_display_name (statement);

      gtk_string_list_append (names, name);
      if (g_strcmp0 (kessan_statement_get_id (statement), chosen) == 0)
        selected = s;
    }

  g_clear_pointer (&self->table_id, g_free);
  if (kessan_filing_get_n_statements (filing) > 0)
    self->table_id = g_strdup (kessan_statement_get_id (kessan_filing_get_statement (filing, selected)));

  self->updating = TRUE;
  gtk_drop_down_set_model (self->table_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->table_dropdown, selected);
  self->updating = FALSE;
}

static void
table_selected_cb (KessanImportWizard *self)
{
  KessanFiling *filing = self->reviewed != NULL ? kessan_import_get_filing (self->reviewed) : NULL;
  guint selected = gtk_drop_down_get_selected (self->table_dropdown);

  if (self->updating || filing == NULL || selected >= kessan_filing_get_n_statements (filing))
    return;
  g_free (self->table_id);
  self->table_id = g_strdup (kessan_statement_get_id (kessan_filing_get_statement (filing, selected)));
  self->selected_row = -1;
  self->selected_column = -1;
  show_table (self);
}

void
kessan_import_wizard_select_cell (KessanImportWizard *self,
                                  int                 row,
                                  int                 column)
{
  g_return_if_fail (KESSAN_IS_IMPORT_WIZARD (self));

  self->selected_row = row;
  self->selected_column = column;
  fill_selection (self);
  fill_source (self);
}

/* Corrections: each is applied at once and the checks run again. */
static void
apply (KessanImportWizard *self,
       KessanCorrection   *correction)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *table = g_strdup (self->table_id);

  if (!kessan_import_apply_correction (self->reviewed, correction, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Correct the Table"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  fill_tables (self, table);
  show_table (self);
  update_file_row (self, self->reviewed);
  update_files_page (self);
}

static void
move_value_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);
  g_autoptr(KessanCorrection) correction = NULL;
  guint to = gtk_drop_down_get_selected (self->move_dropdown);

  if (self->selected_row < 0 || self->selected_column < 0 || to == GTK_INVALID_LIST_POSITION)
    return;
  correction = kessan_correction_new_move_value (self->table_id, (guint) self->selected_row,
                                                 (guint) self->selected_column, to);
  apply (self, correction);
  if (self->selected_column != (int) to)
    kessan_import_wizard_select_cell (self, self->selected_row, (int) to);
}

static void
set_concept_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);
  g_autoptr(KessanCorrection) correction = NULL;
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->new_concept_entry));
  guint selected = gtk_drop_down_get_selected (self->concept_dropdown);

  if (self->selected_row < 0)
    return;
  if (label != NULL && *label != '\0')
    correction = kessan_correction_new_row_concept (self->table_id, (guint) self->selected_row, NULL, label);
  else if (selected != GTK_INVALID_LIST_POSITION)
    correction = kessan_correction_new_row_concept (self->table_id, (guint) self->selected_row,
                                                    gtk_string_list_get_string (self->concept_keys, selected), NULL);
  else
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->new_concept_entry), "");
  apply (self, correction);
}

static void
set_column_role_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);
  g_autoptr(KessanCorrection) correction = NULL;
  const char *end = gtk_editable_get_text (GTK_EDITABLE (self->period_end_entry));
  guint scale = gtk_drop_down_get_selected (self->scale_dropdown);
  GDate date;

  if (self->selected_column < 0)
    return;
  if (*end != '\0' && !kessan_date_from_iso (end, &date))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->period_end_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->period_end_entry), "error");
  correction = kessan_correction_new_column_role (self->table_id, (guint) self->selected_column,
                                                  *end != '\0' ? end : NULL,
                                                  (guint) gtk_spin_button_get_value_as_int (self->months_spin),
                                                  (KessanMeasure) gtk_drop_down_get_selected (self->measure_dropdown),
                                                  (KessanCurrency) gtk_drop_down_get_selected (self->currency_dropdown),
                                                  scales[MIN (scale, G_N_ELEMENTS (scales) - 1)]);
  apply (self, correction);
}

static void
skip_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);
  g_autoptr(KessanCorrection) correction = NULL;

  if (self->table_id == NULL)
    return;
  correction = kessan_correction_new_skip_table (self->table_id);
  g_clear_pointer (&self->table_id, g_free);
  self->selected_row = self->selected_column = -1;
  apply (self, correction);
}

static void
set_period_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);
  g_autoptr(KessanCorrection) correction = NULL;

  if (self->reviewed == NULL)
    return;
  correction = kessan_correction_new_fiscal_period ((guint) gtk_spin_button_get_value_as_int (self->year_spin),
                                                    MIN (gtk_drop_down_get_selected (self->quarter_dropdown), 4));
  apply (self, correction);
}

static void
undo_correction_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *table = g_strdup (self->table_id);

  if (self->reviewed == NULL)
    return;
  if (!kessan_import_undo_correction (self->reviewed, &error))
    {
      g_warning ("Could not undo a correction: %s", error->message);
      return;
    }
  fill_tables (self, table);
  show_table (self);
  update_file_row (self, self->reviewed);
  update_files_page (self);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autoptr(KessanImport) import = g_list_model_get_item (G_LIST_MODEL (self->imports), index);

  if (import == NULL || kessan_import_get_state (import) != KESSAN_IMPORT_STATE_READ)
    return;
  g_set_object (&self->reviewed, import);
  self->selected_row = -1;
  self->selected_column = -1;
  fill_tables (self, NULL);
  show_table (self);
  gtk_stack_set_visible_child_name (self->stack, "review");
  adw_window_title_set_subtitle (self->window_title, kessan_import_get_name (import));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);

  gtk_stack_set_visible_child_name (self->stack, "files");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->imports)); i++)
    {
      g_autoptr(KessanImport) import = g_list_model_get_item (G_LIST_MODEL (self->imports), i);

      update_file_row (self, import);
    }
  update_files_page (self);
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
      update_file_row (self, import);
      return;
    }
  if (row != NULL)
    g_clear_pointer (&row->problem, g_free);
  update_file_row (self, import);
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
  g_autofree char *period = describe_period (existing);
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
      if (existing != NULL)
        {
          ask_about_duplicate (self, import, existing, kind);
          return;
        }
      commit_with_mode (self, import, KESSAN_IMPORT_MODE_ADD);
    }

  self->committing = FALSE;
  if (!self->commit_failed)
    {
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

  g_cancellable_cancel (self->cancellable);
  gtk_window_close (GTK_WINDOW (self));
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
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) releases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Choose Earnings Releases"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_filter_set_name (releases, _("Earnings releases (text, PDF)"));
  gtk_file_filter_add_mime_type (releases, "text/plain");
  gtk_file_filter_add_mime_type (releases, "application/pdf");
  gtk_file_filter_add_suffix (releases, "txt");
  gtk_file_filter_add_suffix (releases, "pdf");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), releases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
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
kessan_import_wizard_get_table_dropdown (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  return self->table_dropdown;
}

gboolean
kessan_import_wizard_cell_has_class (KessanImportWizard *self,
                                     int                 row,
                                     int                 column,
                                     const char         *css_class)
{
  GtkWidget *cell;

  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), FALSE);

  cell = cell_at (self, row, column);
  return cell != NULL && gtk_widget_has_css_class (cell, css_class);
}

const char *
kessan_import_wizard_get_reviewed_table (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  return self->table_id;
}

AdwMessageDialog *
kessan_import_wizard_get_duplicate_dialog (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  return self->duplicate_dialog;
}

/* Construction */

static GtkStringList *
string_list (const char * const *strings,
             guint               n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, strings[i]);
  return list;
}

static void
setup_choices (KessanImportWizard *self)
{
  const char *measures[KESSAN_MEASURE_CHANGE + 1];
  const char *currencies[] = {
    [KESSAN_CURRENCY_NONE] = _("No currency"),
    [KESSAN_CURRENCY_JPY] = "JPY",
    [KESSAN_CURRENCY_USD] = "USD",
  };
  const char *scale_names[] = { _("Units"), _("Thousands"), _("Millions") };
  const char *quarters[] = { _("Full year"), _("Q1"), _("Q2"), _("Q3"), _("Q4") };
  g_autoptr(GtkStringList) measure_list = NULL;
  g_autoptr(GtkStringList) currency_list = string_list (currencies, G_N_ELEMENTS (currencies));
  g_autoptr(GtkStringList) scale_list = string_list (scale_names, G_N_ELEMENTS (scale_names));
  g_autoptr(GtkStringList) quarter_list = string_list (quarters, G_N_ELEMENTS (quarters));
  KessanConcepts *concepts = kessan_concepts_get_default ();
  const char * const *keys = kessan_concepts_get_keys (concepts);
  g_autoptr(GtkStringList) concept_names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
    measures[m] = measure_name ((KessanMeasure) m);
  measure_list = string_list (measures, G_N_ELEMENTS (measures));
  gtk_drop_down_set_model (self->measure_dropdown, G_LIST_MODEL (measure_list));
  gtk_drop_down_set_model (self->currency_dropdown, G_LIST_MODEL (currency_list));
  gtk_drop_down_set_model (self->scale_dropdown, G_LIST_MODEL (scale_list));
  gtk_drop_down_set_model (self->quarter_dropdown, G_LIST_MODEL (quarter_list));

  /* The dictionary, searchable by key and by label in both languages. */
  self->concept_keys = gtk_string_list_new (NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const KessanConcept *concept = kessan_concepts_get (concepts, keys[i]);
      g_autofree char *name = NULL;

      if (concept->heading)
        continue;
      name = g_strdup_printf ("%s — %s / %s", keys[i], concept->label_en != NULL ? concept->label_en : "",
                              concept->label_ja != NULL ? concept->label_ja : "");
      gtk_string_list_append (self->concept_keys, keys[i]);
      gtk_string_list_append (concept_names, name);
    }
  gtk_drop_down_set_expression (self->concept_dropdown, expression);
  gtk_drop_down_set_model (self->concept_dropdown, G_LIST_MODEL (concept_names));
}

KessanImportWizard *
kessan_import_wizard_new (GtkWindow     *parent,
                          KessanLibrary *library,
                          GSettings     *settings)
{
  KessanImportWizard *self;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (library), NULL);

  self = g_object_new (KESSAN_TYPE_IMPORT_WIZARD, "transient-for", parent, NULL);
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
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, source_view);
  gtk_widget_class_bind_template_child (widget_class, KessanImportWizard, selection_label);
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

  gtk_widget_class_install_action (widget_class, "wizard.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "wizard.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "wizard.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "wizard.review", "u", review_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.move-value", NULL, move_value_action);
  gtk_widget_class_install_action (widget_class, "wizard.set-concept", NULL, set_concept_action);
  gtk_widget_class_install_action (widget_class, "wizard.set-column-role", NULL, set_column_role_action);
  gtk_widget_class_install_action (widget_class, "wizard.skip-table", NULL, skip_table_action);
  gtk_widget_class_install_action (widget_class, "wizard.set-period", NULL, set_period_action);
  gtk_widget_class_install_action (widget_class, "wizard.undo-correction", NULL, undo_correction_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.cancel", NULL);
}

static void
kessan_import_wizard_init (KessanImportWizard *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->imports = g_list_store_new (KESSAN_TYPE_IMPORT);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) file_row_free);
  self->cells = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->selected_row = -1;
  self->selected_column = -1;

  buffer = gtk_text_view_get_buffer (self->source_view);
  gtk_text_buffer_create_tag (buffer, "problem", "background", "rgba(224, 27, 36, 0.25)", NULL);
  gtk_text_buffer_create_tag (buffer, "selected", "background", "rgba(53, 132, 228, 0.3)", NULL);

  setup_choices (self);
  g_signal_connect_object (self->table_dropdown, "notify::selected", G_CALLBACK (table_selected_cb), self, G_CONNECT_SWAPPED);
  adw_window_title_set_subtitle (self->window_title, _("Choose"));
}
