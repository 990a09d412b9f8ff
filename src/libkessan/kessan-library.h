/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan-filing.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_LIBRARY (kessan_library_get_type ())

G_DECLARE_FINAL_TYPE (KessanLibrary, kessan_library, KESSAN, LIBRARY, GObject)

KessanLibrary       *kessan_library_new             (GFile               *directory);
GFile               *kessan_library_get_directory   (KessanLibrary       *self);
gboolean             kessan_library_load            (KessanLibrary       *self,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
void                 kessan_library_load_async      (KessanLibrary       *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean             kessan_library_load_finish     (KessanLibrary       *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* "PATH: MESSAGE" for each file the last load could not read. */
const char * const  *kessan_library_get_problems    (KessanLibrary       *self);
KessanFiling        *kessan_library_find_by_hash    (KessanLibrary       *self,
                                                     const char          *source_hash);
KessanFiling        *kessan_library_find_by_period  (KessanLibrary       *self,
                                                     const char          *company,
                                                     guint                fiscal_year,
                                                     guint                fiscal_quarter);
KessanFiling        *kessan_library_import_file     (KessanLibrary       *self,
                                                     GFile               *file,
                                                     gboolean            *duplicate,
                                                     GError             **error);
KessanFiling        *kessan_library_add             (KessanLibrary       *self,
                                                     KessanFiling        *filing,
                                                     GBytes              *source,
                                                     gboolean            *duplicate,
                                                     GError             **error);
gboolean             kessan_library_write_new       (KessanLibrary       *self,
                                                     KessanFiling        *filing,
                                                     GBytes              *source,
                                                     GError             **error);
KessanFiling        *kessan_library_add_written     (KessanLibrary       *self,
                                                     KessanFiling        *filing);
gboolean             kessan_library_save            (KessanLibrary       *self,
                                                     KessanFiling        *filing,
                                                     GError             **error);
gboolean             kessan_library_remove          (KessanLibrary       *self,
                                                     KessanFiling        *filing,
                                                     GError             **error);
GFile               *kessan_library_get_source_file (KessanLibrary       *self,
                                                     KessanFiling        *filing);
GBytes              *kessan_library_read_source     (KessanLibrary       *self,
                                                     KessanFiling        *filing,
                                                     GError             **error);

/* The editions of one release (kessan-library-editions.c): its inline
 * XBRL and its printed document are one library entry. */
gboolean             kessan_library_is_other_edition (KessanFiling        *release,
                                                      KessanFiling        *filing);
guint                kessan_library_compare_editions (KessanFiling        *release,
                                                      KessanFiling        *edition);
gboolean             kessan_library_add_edition     (KessanLibrary       *self,
                                                      KessanFiling        *release,
                                                      KessanFiling        *edition,
                                                      GBytes              *source,
                                                      GError             **error);

G_END_DECLS
