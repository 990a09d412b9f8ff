/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kessan-application.h"
#include "kessan-import-wizard.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_WINDOW (kessan_window_get_type ())

G_DECLARE_FINAL_TYPE (KessanWindow, kessan_window, KESSAN, WINDOW, AdwApplicationWindow)

KessanWindow *kessan_window_new              (KessanApplication *application);
void          kessan_window_open_file        (KessanWindow      *self,
                                              GFile             *file);
KessanFiling *kessan_window_get_filing       (KessanWindow      *self);
void          kessan_window_select_filing    (KessanWindow      *self,
                                              KessanFiling      *filing);
void          kessan_window_show_page        (KessanWindow      *self,
                                              const char        *name);
void          kessan_window_show_source_line (KessanWindow      *self,
                                              guint              line);
/* Whether the library has been loaded (and the samples added on a first
 * run); "notify::ready" tells when. */
gboolean      kessan_window_get_ready        (KessanWindow      *self);
/* Which page the sidebar shows: "loading", "list", "no-results" or
 * "empty"; and the content: "loading" or "pages". */
const char   *kessan_window_get_sidebar_state (KessanWindow      *self);
const char   *kessan_window_get_content_state (KessanWindow      *self);

/* The pages, for the interface tests. */
GtkWidget    *kessan_window_get_page         (KessanWindow      *self,
                                              const char        *name);
const char   *kessan_window_get_visible_page (KessanWindow      *self);
KessanLibrary *kessan_window_get_library     (KessanWindow      *self);
GListModel      *kessan_window_get_company_filings (KessanWindow *self);
/* The import wizard open now, or NULL. */
KessanImportWizard *kessan_window_get_import_wizard (KessanWindow *self);

G_END_DECLS
