/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kessan-import-wizard.h"

G_BEGIN_DECLS

/* What the files of the import wizard share: kessan-import-wizard.c has
 * the files, the summary and adding, kessan-import-wizard-parts.c the
 * parts a release was read from, kessan-import-wizard-review.c the
 * review and its corrections. */

/* A file's row in the list of the "files" page. */
typedef struct
{
  AdwActionRow   *row;
  GtkImage       *icon;
  GtkProgressBar *progress;
  GtkButton      *review;
  GtkMenuButton  *parts;     /* the documents of a release of several */
  GtkListBox     *parts_list;
  char           *problem;   /* why it could not be added, or NULL */
} FileRow;

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
  GtkLabel          *preview_range_label;
  GtkTextView       *source_view;
  GtkLabel          *selection_label;
  GtkEntry          *value_entry;
  GtkLabel          *value_message;
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
  GtkWidget         *value_group;    /* shown for a selected value */
  GtkWidget         *row_group;      /* for a selected row */
  GtkWidget         *column_group;   /* for a selected column */

  /* Owned */
  KessanLibrary     *library;
  GSettings         *settings;
  GListStore        *imports;
  GPtrArray         *rows;           /* FileRow, one per import */
  GCancellable      *cancellable;
  GtkStringList     *concept_keys;
  GPtrArray         *cells;          /* the preview's cells, (rows shown + 1) × (columns + 1) */
  KessanImport      *reviewed;
  char              *table_id;

  /* Borrowed */
  AdwMessageDialog  *duplicate_dialog;
  AdwMessageDialog  *discard_dialog;

  guint              n_reading;
  guint              next_commit;    /* the import the Add button commits next */
  int                selected_row;
  int                selected_column;
  guint              preview_first;  /* the first row the preview shows */
  gboolean           committing;
  gboolean           force;
  gboolean           commit_failed;
  gboolean           updating;
  guint              n_corrections;  /* made in this wizard and not undone */
  gboolean           may_close;      /* added, or the user chose to discard */
};

void        kessan_import_wizard_update_file_row   (KessanImportWizard *self,
                                                    KessanImport       *import);
void        kessan_import_wizard_update_files_page (KessanImportWizard *self);
const char *kessan_import_wizard_measure_name      (KessanMeasure       measure);

/* kessan-import-wizard-parts.c */
char       *kessan_import_wizard_count_parts       (KessanFiling       *filing);
void        kessan_import_wizard_make_parts_button (FileRow            *row);
void        kessan_import_wizard_fill_parts        (FileRow            *row,
                                                    KessanFiling       *filing);

/* kessan-import-wizard-review.c */
void        kessan_import_wizard_review_class_init (GtkWidgetClass     *widget_class);
void        kessan_import_wizard_review_init       (KessanImportWizard *self);

G_END_DECLS
