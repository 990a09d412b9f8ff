/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan-correction.h"
#include "kessan-filing.h"
#include "kessan-library.h"

G_BEGIN_DECLS

#define KESSAN_IMPORT_ERROR (kessan_import_error_quark ())

/* Why a release that was read could not be added. */
typedef enum
{
  KESSAN_IMPORT_ERROR_HAS_ERRORS,   /* the checks found errors and the import was not forced */
  KESSAN_IMPORT_ERROR_DUPLICATE,    /* the library holds this release, or one of the same period */
  KESSAN_IMPORT_ERROR_NOT_READ,     /* the release has not been read (or could not be) */
} KessanImportError;

typedef enum
{
  KESSAN_IMPORT_STATE_NEW,      /* not read yet */
  KESSAN_IMPORT_STATE_READING,
  KESSAN_IMPORT_STATE_READ,     /* read and checked: the filing can be corrected and added */
  KESSAN_IMPORT_STATE_FAILED,   /* could not be read: kessan_import_get_error() says why */
  KESSAN_IMPORT_STATE_ADDED,
} KessanImportState;

typedef enum
{
  KESSAN_DUPLICATE_NONE,
  KESSAN_DUPLICATE_SAME_SOURCE,   /* the very same file, under any name */
  KESSAN_DUPLICATE_SAME_PERIOD,   /* another release of the same company and fiscal period */
  KESSAN_DUPLICATE_OTHER_EDITION, /* the other edition (inline XBRL or printed) of a release: it joins it */
} KessanDuplicateKind;

typedef enum
{
  KESSAN_IMPORT_MODE_ADD,         /* only when the library has no duplicate */
  KESSAN_IMPORT_MODE_REPLACE,     /* the duplicate makes way for the new filing */
  KESSAN_IMPORT_MODE_KEEP_BOTH,   /* another release of the same period is kept beside it */
} KessanImportMode;

#define KESSAN_TYPE_IMPORT (kessan_import_get_type ())

G_DECLARE_FINAL_TYPE (KessanImport, kessan_import, KESSAN, IMPORT, GObject)

GQuark             kessan_import_error_quark      (void);

KessanImport      *kessan_import_new              (KessanLibrary        *library,
                                                   GFile                *file);
KessanLibrary     *kessan_import_get_library      (KessanImport         *self);
GFile             *kessan_import_get_file         (KessanImport         *self);
/* The file's name as shown to the user. */
const char        *kessan_import_get_name         (KessanImport         *self);
KessanImportState  kessan_import_get_state        (KessanImport         *self);
/* 0 to 1 while reading; "notify::progress" on the main context. */
double             kessan_import_get_progress     (KessanImport         *self);

gboolean           kessan_import_read             (KessanImport         *self,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void               kessan_import_read_async       (KessanImport         *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean           kessan_import_read_finish      (KessanImport         *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* Why the file could not be read, in the state FAILED. */
const GError      *kessan_import_get_error        (KessanImport         *self);
KessanFiling      *kessan_import_get_filing       (KessanImport         *self);
GBytes            *kessan_import_get_source       (KessanImport         *self);
guint              kessan_import_count_findings   (KessanImport         *self,
                                                   KessanSeverity        severity);
/* How many stored corrections were applied again on reading. */
guint              kessan_import_get_n_reapplied  (KessanImport         *self);
KessanFiling      *kessan_import_find_duplicate   (KessanImport         *self,
                                                   KessanDuplicateKind  *kind);

gboolean           kessan_import_apply_correction (KessanImport         *self,
                                                   KessanCorrection     *correction,
                                                   GError              **error);
gboolean           kessan_import_undo_correction  (KessanImport         *self,
                                                   GError              **error);

KessanFiling      *kessan_import_commit           (KessanImport         *self,
                                                   KessanImportMode      mode,
                                                   gboolean              force,
                                                   KessanFiling        **replaced,
                                                   GBytes              **replaced_source,
                                                   GError              **error);
gboolean           kessan_import_undo_replace     (KessanLibrary        *library,
                                                   KessanFiling         *added,
                                                   KessanFiling         *replaced,
                                                   GBytes               *replaced_source,
                                                   GError              **error);

G_END_DECLS
