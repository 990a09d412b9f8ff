/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kessan.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_IMPORT_WIZARD (kessan_import_wizard_get_type ())

G_DECLARE_FINAL_TYPE (KessanImportWizard, kessan_import_wizard, KESSAN, IMPORT_WIZARD, AdwWindow)

KessanImportWizard *kessan_import_wizard_new               (GtkWindow          *parent,
                                                            KessanLibrary      *library,
                                                            GSettings          *settings);
/* Starts reading @file: the wizard shows its progress, then its summary. */
void                kessan_import_wizard_add_file          (KessanImportWizard *self,
                                                            GFile              *file);
/* Whether files can still join this wizard (nothing added yet). */
gboolean            kessan_import_wizard_get_accepts_files (KessanImportWizard *self);

/* For the interface tests: the wizard's state as a user sees it. */
GListModel         *kessan_import_wizard_get_imports       (KessanImportWizard *self);
const char         *kessan_import_wizard_get_step          (KessanImportWizard *self);
const char         *kessan_import_wizard_get_file_message  (KessanImportWizard *self,
                                                            guint               index);
/* The parts of a release of several listed on its row, each as
 * "name: what it is", or an empty list for a release of one file. */
char              **kessan_import_wizard_get_file_parts    (KessanImportWizard *self,
                                                            guint               index);
/* The summary's heading: "2 files read", "1 of 2 files read". */
const char         *kessan_import_wizard_get_heading       (KessanImportWizard *self);
GtkWidget          *kessan_import_wizard_get_add_button    (KessanImportWizard *self);
GtkDropDown        *kessan_import_wizard_get_move_dropdown (KessanImportWizard *self);
GtkDropDown        *kessan_import_wizard_get_table_dropdown (KessanImportWizard *self);
GtkDropDown        *kessan_import_wizard_get_concept_dropdown (KessanImportWizard *self);
/* Selects a cell of the reviewed table as a click does; -1 for a row's
 * label or a column's header. */
void                kessan_import_wizard_select_cell       (KessanImportWizard *self,
                                                            int                 row,
                                                            int                 column);
/* Whether the preview's cell has the style class (error, warning). */
gboolean            kessan_import_wizard_cell_has_class    (KessanImportWizard *self,
                                                            int                 row,
                                                            int                 column,
                                                            const char         *css_class);
const char         *kessan_import_wizard_get_reviewed_table (KessanImportWizard *self);
/* The entry the selected cell's number is typed in, and the message
 * saying why what was typed was not taken (NULL when none is shown). */
GtkEditable        *kessan_import_wizard_get_value_entry   (KessanImportWizard *self);
const char         *kessan_import_wizard_get_value_message (KessanImportWizard *self);
/* The rows of a long table the preview shows ("Rows 1–200 of 5,000"),
 * or NULL when it shows them all. */
const char         *kessan_import_wizard_get_preview_range (KessanImportWizard *self);
AdwMessageDialog   *kessan_import_wizard_get_duplicate_dialog (KessanImportWizard *self);
/* The "Discard Corrections?" question, while it is asked. */
AdwMessageDialog   *kessan_import_wizard_get_discard_dialog (KessanImportWizard *self);

G_END_DECLS
