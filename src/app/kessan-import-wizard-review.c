/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-import-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kessan-display-settings.h"
#include "kessan-drop-down.h"
#include "kessan-import-wizard-private.h"
#include "kessan-names.h"

/* The review step of the import wizard: one table of one release at a
 * time, its preview with the cells the checks question, its source
 * lines, and the corrections, each applied at once with the checks run
 * again (KessanImport, KessanCorrection). */

static const guint scales[] = { 1, 1000, 1000000 };

/* The preview shows at most this many rows of a table, those around the
 * selected one: a table may have a million rows, and each cell of the
 * preview is a button. */
#define PREVIEW_ROWS 200

/* The findings listed for a table; the rest are counted. */
#define MAX_FINDINGS_LISTED 500

static void show_table (KessanImportWizard *self);

/* Display */

/* The negative style and label language the statements show. */
static KessanNegativeStyle
negative_style (KessanImportWizard *self)
{
  return kessan_settings_get_negative_style (self->settings);
}

static const char *
row_label (KessanImportWizard *self,
           KessanLineItem     *row)
{
  KessanLabelLanguage labels = kessan_settings_get_label_language (self->settings);
  gboolean japanese = kessan_label_language_japanese_first (labels);
  const char *label = japanese ? kessan_line_item_get_label_ja (row) : kessan_line_item_get_label_en (row);

  return label != NULL ? label : kessan_line_item_get_label (row);
}

static char *
column_title (KessanStatement *statement,
              guint            c)
{
  KessanColumn *column = kessan_statement_get_column (statement, c);
  g_autofree char *period = kessan_format_period (kessan_column_get_period_end (column), kessan_column_get_months (column));
  const char *what;

  if (kessan_column_get_measure (column) != KESSAN_MEASURE_AMOUNT)
    what = kessan_import_wizard_measure_name (kessan_column_get_measure (column));
  else
    what = kessan_currency_to_string (kessan_column_get_currency (column));
  /* TRANSLATORS: a column of the preview: its number, period and what it holds */
  return g_strdup_printf (_("%u: %s\n%s"), c + 1, period != NULL ? period : "—", what != NULL ? what : "");
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
  if (row >= 0 && (guint) row < self->preview_first)
    return NULL;
  index = (row < 0 ? 0 : (guint) row - self->preview_first + 1) * width + (guint) (column + 1);
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
  gtk_grid_attach (self->preview_grid, button, column + 1, row < 0 ? 0 : row - (int) self->preview_first + 1, 1, 1);
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
  guint n_columns, n_rows, last;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_ptr_array_set_size (self->cells, 0);
  if (statement == NULL)
    return;

  n_columns = kessan_statement_get_n_columns (statement);
  n_rows = kessan_statement_get_n_rows (statement);
  last = MIN (self->preview_first + PREVIEW_ROWS, n_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_range_label), n_rows > PREVIEW_ROWS);
  if (n_rows > PREVIEW_ROWS)
    {
      g_autofree char *from = kessan_format_number (self->preview_first + 1, 0, KESSAN_NEGATIVE_MINUS);
      g_autofree char *to = kessan_format_number (last, 0, KESSAN_NEGATIVE_MINUS);
      g_autofree char *all = kessan_format_number (n_rows, 0, KESSAN_NEGATIVE_MINUS);
      /* TRANSLATORS: the rows of a long table the preview shows: "Rows 1–200 of 1,000,000" */
      g_autofree char *range = g_strdup_printf (_("Rows %s–%s of %s"), from, to, all);

      gtk_label_set_text (self->preview_range_label, range);
    }

  mark_correction (self, add_cell (self, "", -1, -1, NULL), -1, -1);
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *title = column_title (statement, c);
      GtkWidget *cell = add_cell (self, title, -1, (int) c, kessan_column_get_header (kessan_statement_get_column (statement, c)));

      mark_correction (self, cell, -1, (int) c);
    }

  for (guint r = self->preview_first; r < last; r++)
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
  g_autoptr(GString) text = g_string_new (NULL);
  guint first, last, n_rows, line = 1;
  const char *p;
  GtkTextIter start, end;

  gtk_text_buffer_set_text (buffer, "", 0);
  if (statement == NULL || kessan_filing_get_text (filing) == NULL)
    return;

  /* The lines of the table, or of the rows the preview shows. */
  first = MAX (kessan_statement_get_first_line (statement), 1);
  last = kessan_statement_get_last_line (statement);
  n_rows = kessan_statement_get_n_rows (statement);
  if (self->preview_first > 0 && self->preview_first < n_rows)
    first = MAX (first, kessan_line_item_get_line (kessan_statement_get_row (statement, self->preview_first)));
  if (self->preview_first + PREVIEW_ROWS < n_rows)
    last = MIN (last, kessan_line_item_get_line (kessan_statement_get_row (statement, self->preview_first + PREVIEW_ROWS)) - 1);

  for (p = kessan_filing_get_text (filing); p != NULL && line <= last; line++)
    {
      const char *newline = strchr (p, '\n');

      if (line >= first)
        g_string_append_printf (text, "%5u  %.*s\n", line,
                                (int) (newline != NULL ? (gsize) (newline - p) : strlen (p)), p);
      p = newline != NULL ? newline + 1 : NULL;
    }
  last = MIN (last, line - 1);
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
          /* Through a mark: the view scrolls once the new text is laid
           * out, which an iterator does not wait for. */
          {
            GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "selected-line");

            if (mark == NULL)
              mark = gtk_text_buffer_create_mark (buffer, "selected-line", &start, TRUE);
            else
              gtk_text_buffer_move_mark (buffer, mark, &start);
            gtk_text_view_scroll_to_mark (self->source_view, mark, 0.1, FALSE, 0, 0);
          }
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
      if (shown++ < MAX_FINDINGS_LISTED)
        gtk_list_box_append (self->findings_list, finding_row (finding));
    }
  if (shown > MAX_FINDINGS_LISTED)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = kessan_format_number (shown - MAX_FINDINGS_LISTED, 0, KESSAN_NEGATIVE_MINUS);
      /* TRANSLATORS: the last row of a long list of findings; %s is a number */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more finding", "And %s more findings",
                                                             shown - MAX_FINDINGS_LISTED), more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_append (self->findings_list, row);
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

/* The selected cell's number in the entry, as the preview shows it, and
 * no message: what Escape goes back to. */
static void
show_value (KessanImportWizard *self)
{
  KessanStatement *statement = reviewed_statement (self);
  g_autofree char *text = NULL;

  if (statement != NULL && self->selected_row >= 0 && self->selected_column >= 0
      && (guint) self->selected_row < kessan_statement_get_n_rows (statement)
      && (guint) self->selected_column < kessan_statement_get_n_columns (statement))
    {
      KessanLineItem *row = kessan_statement_get_row (statement, (guint) self->selected_row);

      if (kessan_line_item_has_value (row, (guint) self->selected_column))
        text = kessan_format_number (kessan_line_item_get_value (row, (guint) self->selected_column),
                                     kessan_line_item_get_decimals (row, (guint) self->selected_column),
                                     negative_style (self));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->value_entry), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->value_message), FALSE);
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
  /* No row, or a row whose concept is the release's own (none of the
   * dictionary's): the list shows no choice rather than the last one. */
  gtk_drop_down_set_selected (self->concept_dropdown, GTK_INVALID_LIST_POSITION);
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

  show_value (self);

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

  /* Only the corrections that apply to what is selected are shown. */
  gtk_widget_set_visible (self->value_group, self->selected_row >= 0 && self->selected_column >= 0);
  gtk_widget_set_visible (self->row_group, self->selected_row >= 0);
  gtk_widget_set_visible (self->column_group, self->selected_row < 0 && self->selected_column >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.move-value",
                                 self->selected_row >= 0 && self->selected_column >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.set-value",
                                 self->selected_row >= 0 && self->selected_column >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.set-concept", self->selected_row >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.set-column-role", self->selected_column >= 0);
}

/* Moves the preview's rows to take in the selected row; TRUE when they
 * changed. */
static gboolean
place_preview (KessanImportWizard *self)
{
  KessanStatement *statement = reviewed_statement (self);
  guint n_rows = statement != NULL ? kessan_statement_get_n_rows (statement) : 0;
  guint first = self->preview_first;

  if (first >= n_rows)
    first = 0;
  if (self->selected_row >= 0
      && ((guint) self->selected_row < first || (guint) self->selected_row >= first + PREVIEW_ROWS))
    first = (guint) self->selected_row > PREVIEW_ROWS / 2 ? (guint) self->selected_row - PREVIEW_ROWS / 2 : 0;
  if (first == self->preview_first)
    return FALSE;
  self->preview_first = first;
  return TRUE;
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

  place_preview (self);
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

  /* Another table is previewed from its first row. */
  if (kessan_filing_get_n_statements (filing) == 0
      || g_strcmp0 (self->table_id, kessan_statement_get_id (kessan_filing_get_statement (filing, selected))) != 0)
    self->preview_first = 0;
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
  self->preview_first = 0;
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
  if (place_preview (self))
    fill_preview (self);
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
  self->n_corrections++;
  fill_tables (self, table);
  show_table (self);
  kessan_import_wizard_update_file_row (self, self->reviewed);
  kessan_import_wizard_update_files_page (self);
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

/* The number typed over the selected cell's: a correction like the
 * others, kept with the release. Input that is not a number is kept in
 * the entry, with a message saying why it was not taken. */
static void
set_value_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KessanImportWizard *self = KESSAN_IMPORT_WIZARD (widget);
  g_autoptr(KessanCorrection) correction = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->value_entry));
  int row = self->selected_row, column = self->selected_column;
  double value;
  guint decimals;

  if (row < 0 || column < 0 || self->table_id == NULL)
    return;
  if (!kessan_correction_parse_value (text, &value, &decimals))
    {
      g_autofree char *message = NULL;
      g_autofree char *typed = g_strstrip (g_strdup (text));

      if (*typed == '\0')
        message = g_strdup (_("Type a number: the cell cannot be left empty here."));
      else
        /* TRANSLATORS: %s is what the analyst typed */
        message = g_strdup_printf (_("“%s” is not a number. Type it as releases print it: 1,234, −1,234, (1,234) or 12.5."), text);
      gtk_label_set_text (self->value_message, message);
      gtk_widget_set_visible (GTK_WIDGET (self->value_message), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->value_entry), "error");
      return;
    }
  correction = kessan_correction_new_set_value (self->table_id, (guint) row, (guint) column, value, decimals);
  apply (self, correction);
  kessan_import_wizard_select_cell (self, row, column);
}

static void
revert_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_value (KESSAN_IMPORT_WIZARD (widget));
}

static void
value_entry_activate_cb (KessanImportWizard *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "wizard.set-value", NULL);
}

/* Typing a number on a selected cell starts editing it, as in a
 * spreadsheet. */
static gboolean
preview_key_pressed_cb (KessanImportWizard    *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char utf8[8] = { 0 };
  int position = 0;

  if (self->selected_row < 0 || self->selected_column < 0
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0
      || c == 0 || !(g_unichar_isdigit (c) || strchr ("-(.", (int) c) != NULL || c == 0x2212 || c == 0x25B2))
    return FALSE;
  g_unichar_to_utf8 (c, utf8);
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), "");
  gtk_editable_insert_text (GTK_EDITABLE (self->value_entry), utf8, -1, &position);
  gtk_widget_grab_focus (GTK_WIDGET (self->value_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->value_entry), -1);
  return TRUE;
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
  if (self->n_corrections > 0)
    self->n_corrections--;
  fill_tables (self, table);
  show_table (self);
  kessan_import_wizard_update_file_row (self, self->reviewed);
  kessan_import_wizard_update_files_page (self);
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
  self->preview_first = 0;
  fill_tables (self, NULL);
  show_table (self);
  gtk_stack_set_visible_child_name (self->stack, "review");
  adw_window_title_set_subtitle (self->window_title, kessan_import_get_name (import));
  /* A step down: Back leads out of it (Escape still cancels). */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
}

/* Accessors for the interface tests */

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

GtkEditable *
kessan_import_wizard_get_value_entry (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  return GTK_EDITABLE (self->value_entry);
}

const char *
kessan_import_wizard_get_value_message (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->value_message)))
    return NULL;
  return gtk_label_get_text (self->value_message);
}

const char *
kessan_import_wizard_get_preview_range (KessanImportWizard *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->preview_range_label)))
    return NULL;
  return gtk_label_get_text (self->preview_range_label);
}


static GtkStringList *
string_list (const char * const *strings,
             guint               n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, strings[i]);
  return list;
}

/* The concept drop-down lists keys and shows their labels. */
static const char *
concept_label (const char *key,
               gboolean    other_language)
{
  const KessanConcept *concept = kessan_concepts_get (kessan_concepts_get_default (), key);
  gboolean japanese = kessan_interface_is_japanese () != other_language;
  const char *label;

  if (concept == NULL)
    return key;
  label = japanese ? concept->label_ja : concept->label_en;
  if (label == NULL && !other_language)
    label = japanese ? concept->label_en : concept->label_ja;
  return label != NULL ? label : (other_language ? NULL : key);
}

static char *
concept_search_text (GtkStringObject *item)
{
  const char *key = gtk_string_object_get_string (item);
  const KessanConcept *concept = kessan_concepts_get (kessan_concepts_get_default (), key);

  return g_strjoin (" ", concept != NULL && concept->label_en != NULL ? concept->label_en : "",
                    concept != NULL && concept->label_ja != NULL ? concept->label_ja : "", key, NULL);
}

static void
setup_concept_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  in_button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *other = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_xalign (GTK_LABEL (other), 0);
  gtk_widget_add_css_class (other, "caption");
  gtk_widget_add_css_class (other, "dim-label");
  if (GPOINTER_TO_INT (in_button))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
      gtk_widget_set_visible (other, FALSE);
    }
  else
    gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_wrap (GTK_LABEL (other), FALSE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), other);
  gtk_list_item_set_child (item, box);
}

static void
bind_concept_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  in_button)
{
  const char *key = gtk_string_object_get_string (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *other = gtk_widget_get_next_sibling (label);
  const char *other_label = concept_label (key, TRUE);

  gtk_label_set_text (GTK_LABEL (label), concept_label (key, FALSE));
  gtk_widget_set_tooltip_text (label, concept_label (key, FALSE));
  /* The list names a concept in the other language too, so that two
   * concepts of one English label are told apart. */
  gtk_label_set_text (GTK_LABEL (other), other_label != NULL ? other_label : "");
  if (!GPOINTER_TO_INT (in_button))
    gtk_widget_set_visible (other, other_label != NULL);
}

static GtkListItemFactory *
concept_factory_new (gboolean in_button)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_concept_cb), GINT_TO_POINTER (in_button));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_concept_cb), GINT_TO_POINTER (in_button));
  return factory;
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
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GtkListItemFactory) button_factory = concept_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = concept_factory_new (FALSE);

  for (guint m = 0; m < G_N_ELEMENTS (measures); m++)
    measures[m] = kessan_import_wizard_measure_name ((KessanMeasure) m);
  measure_list = string_list (measures, G_N_ELEMENTS (measures));
  gtk_drop_down_set_model (self->measure_dropdown, G_LIST_MODEL (measure_list));
  gtk_drop_down_set_model (self->currency_dropdown, G_LIST_MODEL (currency_list));
  gtk_drop_down_set_model (self->scale_dropdown, G_LIST_MODEL (scale_list));
  gtk_drop_down_set_model (self->quarter_dropdown, G_LIST_MODEL (quarter_list));

  /* The dictionary, shown by label in the language of the interface and
   * searchable by key and by label in both languages. */
  self->concept_keys = gtk_string_list_new (NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    if (!kessan_concepts_get (concepts, keys[i])->heading)
      gtk_string_list_append (self->concept_keys, keys[i]);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (concept_search_text), NULL, NULL);
  gtk_drop_down_set_expression (self->concept_dropdown, expression);
  gtk_drop_down_set_factory (self->concept_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->concept_dropdown, list_factory);
  gtk_drop_down_set_model (self->concept_dropdown, G_LIST_MODEL (self->concept_keys));
  kessan_drop_down_ellipsize (self->table_dropdown, 60);
  kessan_drop_down_ellipsize (self->move_dropdown, 16);
}

void
kessan_import_wizard_review_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "wizard.review", "u", review_action);
  gtk_widget_class_install_action (widget_class, "wizard.move-value", NULL, move_value_action);
  gtk_widget_class_install_action (widget_class, "wizard.set-value", NULL, set_value_action);
  gtk_widget_class_install_action (widget_class, "wizard.revert-value", NULL, revert_value_action);
  gtk_widget_class_bind_template_callback (widget_class, value_entry_activate_cb);
  gtk_widget_class_install_action (widget_class, "wizard.set-concept", NULL, set_concept_action);
  gtk_widget_class_install_action (widget_class, "wizard.set-column-role", NULL, set_column_role_action);
  gtk_widget_class_install_action (widget_class, "wizard.skip-table", NULL, skip_table_action);
  gtk_widget_class_install_action (widget_class, "wizard.set-period", NULL, set_period_action);
  gtk_widget_class_install_action (widget_class, "wizard.undo-correction", NULL, undo_correction_action);
}

void
kessan_import_wizard_review_init (KessanImportWizard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->source_view);

  gtk_text_buffer_create_tag (buffer, "problem", "background", "rgba(224, 27, 36, 0.25)", NULL);
  gtk_text_buffer_create_tag (buffer, "selected", "background", "rgba(53, 132, 228, 0.3)", NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  setup_choices (self);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (preview_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->preview_grid), keys);
  g_signal_connect_object (self->table_dropdown, "notify::selected", G_CALLBACK (table_selected_cb), self, G_CONNECT_SWAPPED);
}
