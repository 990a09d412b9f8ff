/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-import"

#include "config.h"

#include "kessan-import.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kessan-checks.h"
#include "kessan-error.h"
#include "kessan-parser.h"
#include "kessan-sha256-private.h"

/* One release file on its way into a library, the one path the app's
 * import wizard, its drag and drop and `kessan-cli import` share:
 *
 *   read (load, parse, corrections kept for the same file, checks)
 *   → look at the findings and duplicates, correct
 *   → commit (add, replace or keep both).
 *
 * Reading may run in a worker thread; everything else belongs to the
 * thread that owns the library. */

struct _KessanImport
{
  GObject            parent_instance;

  /* Owned */
  KessanLibrary     *library;
  GFile             *file;
  char              *name;
  GBytes            *source;
  KessanFiling      *filing;
  GError            *error;

  KessanImportState  state;
  double             progress;
  guint              n_reapplied;
};

G_DEFINE_FINAL_TYPE (KessanImport, kessan_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (kessan-import-error-quark, kessan_import_error)

enum
{
  PROP_0,
  PROP_LIBRARY,
  PROP_FILE,
  PROP_STATE,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The share of the work done after each step: the parse is most of it. */
#define PROGRESS_LOADED   0.2
#define PROGRESS_PARSED   0.8
#define PROGRESS_CHECKED  1.0

static void
kessan_import_dispose (GObject *object)
{
  KessanImport *self = KESSAN_IMPORT (object);

  g_clear_object (&self->library);
  g_clear_object (&self->file);
  g_clear_object (&self->filing);
  g_clear_pointer (&self->source, g_bytes_unref);

  G_OBJECT_CLASS (kessan_import_parent_class)->dispose (object);
}

static void
kessan_import_finalize (GObject *object)
{
  KessanImport *self = KESSAN_IMPORT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kessan_import_parent_class)->finalize (object);
}

static void
kessan_import_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KessanImport *self = KESSAN_IMPORT (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_import_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KessanImport *self = KESSAN_IMPORT (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      self->name = self->file != NULL ? g_file_get_basename (self->file) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_import_class_init (KessanImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kessan_import_dispose;
  object_class->finalize = kessan_import_finalize;
  object_class->get_property = kessan_import_get_property;
  object_class->set_property = kessan_import_set_property;

  properties[PROP_LIBRARY] = g_param_spec_object ("library", NULL, NULL, KESSAN_TYPE_LIBRARY,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] = g_param_spec_uint ("state", NULL, NULL, 0, KESSAN_IMPORT_STATE_ADDED, 0,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kessan_import_init (KessanImport *self)
{
}

/**
 * kessan_import_new:
 * @library: the library the release is for
 * @file: a release file
 *
 * Returns: (transfer full): a new import of @file, not read yet
 */
KessanImport *
kessan_import_new (KessanLibrary *library,
                   GFile         *file)
{
  g_return_val_if_fail (KESSAN_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (KESSAN_TYPE_IMPORT, "library", library, "file", file, NULL);
}

KessanLibrary *
kessan_import_get_library (KessanImport *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT (self), NULL);
  return self->library;
}

GFile *
kessan_import_get_file (KessanImport *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT (self), NULL);
  return self->file;
}

const char *
kessan_import_get_name (KessanImport *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT (self), NULL);
  return self->name;
}

KessanImportState
kessan_import_get_state (KessanImport *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT (self), KESSAN_IMPORT_STATE_NEW);
  return self->state;
}

double
kessan_import_get_progress (KessanImport *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT (self), 0.0);
  return self->progress;
}

static void
set_state (KessanImport      *self,
           KessanImportState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_progress (KessanImport *self,
              double        progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* Reading */

/* What one read produces, in whichever thread it ran. */
typedef struct
{
  GFile          *file;
  char           *name;
  GFile          *library_directory;
  GBytes         *source;
  KessanFiling   *filing;
  guint           n_reapplied;

  /* Where progress is told: the main context of an async read. */
  GMainContext   *context;
  KessanImport   *import;
} ReadWork;

static void
read_work_free (ReadWork *work)
{
  g_clear_object (&work->file);
  g_clear_pointer (&work->name, g_free);
  g_clear_object (&work->library_directory);
  g_clear_pointer (&work->source, g_bytes_unref);
  g_clear_object (&work->filing);
  g_clear_pointer (&work->context, g_main_context_unref);
  g_clear_object (&work->import);
  g_free (work);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReadWork, read_work_free)

static ReadWork *
read_work_new (KessanImport *self)
{
  ReadWork *work = g_new0 (ReadWork, 1);

  work->file = g_object_ref (self->file);
  work->name = g_strdup (self->name);
  work->library_directory = g_object_ref (kessan_library_get_directory (self->library));
  work->import = g_object_ref (self);
  return work;
}

typedef struct
{
  KessanImport *import;
  double        progress;
} ProgressUpdate;

static gboolean
progress_update_cb (gpointer data)
{
  ProgressUpdate *update = data;

  /* A late update of a read that has finished is stale. */
  if (update->import->state == KESSAN_IMPORT_STATE_READING)
    set_progress (update->import, update->progress);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->import);
  g_free (update);
}

static void
report_progress (ReadWork *work,
                 double    progress)
{
  ProgressUpdate *update;

  if (work->context == NULL)
    {
      set_progress (work->import, progress);
      return;
    }

  update = g_new0 (ProgressUpdate, 1);
  update->import = g_object_ref (work->import);
  update->progress = progress;
  g_main_context_invoke_full (work->context, G_PRIORITY_DEFAULT, progress_update_cb, update, progress_update_free);
}

/* A filing exported by Kessan carries no original to add to the library:
 * say so rather than fail to find tables in JSON. */
static gboolean
is_exported_filing (GBytes *bytes)
{
  gsize length;
  const char *head = g_bytes_get_data (bytes, &length);
  g_autofree char *start = g_strndup (head, MIN (length, 512));

  return start[strspn (start, " \t\r\n")] == '{' && strstr (start, "\"kessan-filing\"") != NULL;
}

/* The corrections kept for the same file are made again: an analyst
 * corrects a release once.  One that no longer fits is left out. */
static void
reapply_corrections (ReadWork *work)
{
  g_autoptr(GPtrArray) corrections = NULL;
  g_autoptr(GError) error = NULL;

  corrections = kessan_corrections_load (work->library_directory, kessan_filing_get_source_hash (work->filing), &error);
  if (corrections == NULL)
    {
      g_warning ("Corrections of %s: %s", work->name, error->message);
      return;
    }

  for (guint i = 0; i < corrections->len; i++)
    {
      g_autoptr(GError) apply_error = NULL;

      if (kessan_filing_apply_correction (work->filing, g_ptr_array_index (corrections, i), &apply_error))
        work->n_reapplied++;
      else
        g_warning ("A stored correction of %s does not apply: %s", work->name, apply_error->message);
    }
}

static gboolean
read_work_run (ReadWork      *work,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *hash = NULL;

  report_progress (work, 0.0);
  work->source = kessan_load_release_bytes (work->file, error);
  if (work->source == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  report_progress (work, PROGRESS_LOADED);

  if (is_exported_filing (work->source))
    {
      g_set_error_literal (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                           _("This is a filing exported by Kessan, without the release it was read from. "
                             "Open the original release file to add it to the library."));
      return FALSE;
    }

  work->filing = kessan_parse_release (work->source, work->name, error);
  if (work->filing == NULL)
    return FALSE;
  if (kessan_filing_get_source_hash (work->filing) == NULL)
    {
      hash = kessan_sha256_hex_bytes (work->source);
      kessan_filing_set_source_hash (work->filing, hash);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  report_progress (work, PROGRESS_PARSED);

  kessan_filing_run_checks (work->filing);
  reapply_corrections (work);
  report_progress (work, PROGRESS_CHECKED);
  return TRUE;
}

static void
read_work_apply (KessanImport *self,
                 ReadWork     *work,
                 const GError *error)
{
  g_clear_error (&self->error);
  g_clear_object (&self->filing);
  g_clear_pointer (&self->source, g_bytes_unref);

  if (error != NULL)
    {
      self->error = g_error_copy (error);
      set_state (self, KESSAN_IMPORT_STATE_FAILED);
      return;
    }

  self->source = g_steal_pointer (&work->source);
  self->filing = g_steal_pointer (&work->filing);
  self->n_reapplied = work->n_reapplied;
  set_progress (self, 1.0);
  set_state (self, KESSAN_IMPORT_STATE_READ);
}

/**
 * kessan_import_read:
 * @self: a #KessanImport
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError, or %NULL
 *
 * Reads the file, parses it, applies the corrections the library keeps
 * for the same file and runs the checks, in the calling thread.  A file
 * that cannot be read fails with the engine's message for it
 * (kessan_load_release_bytes(), kessan_parse_release()), which
 * kessan_import_get_error() keeps.
 *
 * Returns: %TRUE when the release was read
 */
gboolean
kessan_import_read (KessanImport  *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(ReadWork) work = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (KESSAN_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (self->state != KESSAN_IMPORT_STATE_READING, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  work = read_work_new (self);
  set_state (self, KESSAN_IMPORT_STATE_READING);
  read_work_run (work, cancellable, &local_error);
  read_work_apply (self, work, local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadWork *work = task_data;
  GError *error = NULL;

  if (read_work_run (work, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  KessanImport *self = KESSAN_IMPORT (object);
  ReadWork *work = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  read_work_apply (self, work, error);
  if (error != NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_boolean (outer, TRUE);
}

/**
 * kessan_import_read_async:
 * @self: a #KessanImport
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context when done
 * @user_data: data for @callback
 *
 * Reads as kessan_import_read() does, in a worker thread; "progress" is
 * notified on the calling thread's main context.
 */
void
kessan_import_read_async (KessanImport        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;
  ReadWork *work;

  g_return_if_fail (KESSAN_IS_IMPORT (self));
  g_return_if_fail (self->state != KESSAN_IMPORT_STATE_READING);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, kessan_import_read_async);

  work = read_work_new (self);
  work->context = g_main_context_ref_thread_default ();
  set_progress (self, 0.0);
  set_state (self, KESSAN_IMPORT_STATE_READING);

  inner = g_task_new (self, cancellable, read_done_cb, outer);
  g_task_set_task_data (inner, work, (GDestroyNotify) read_work_free);
  /* The parse is not cut short: an answer for a cancelled read is
   * dropped only after it. */
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_run_in_thread (inner, read_thread);
}

gboolean
kessan_import_read_finish (KessanImport  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

const GError *
kessan_import_get_error (KessanImport *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT (self), NULL);
  return self->error;
}

/**
 * kessan_import_get_filing:
 * @self: a #KessanImport
 *
 * Returns: (transfer none) (nullable): the filing read, with the
 *   corrections made so far, or %NULL before it was read
 */
KessanFiling *
kessan_import_get_filing (KessanImport *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT (self), NULL);
  return self->filing;
}

/**
 * kessan_import_get_source:
 * @self: a #KessanImport
 *
 * Returns: (transfer none) (nullable): the bytes of the file as read
 */
GBytes *
kessan_import_get_source (KessanImport *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT (self), NULL);
  return self->source;
}

guint
kessan_import_count_findings (KessanImport   *self,
                              KessanSeverity  severity)
{
  guint n = 0;

  g_return_val_if_fail (KESSAN_IS_IMPORT (self), 0);

  if (self->filing == NULL)
    return 0;
  for (guint i = 0; i < kessan_filing_get_n_findings (self->filing); i++)
    n += kessan_finding_get_severity (kessan_filing_get_finding (self->filing, i)) == severity;
  return n;
}

guint
kessan_import_get_n_reapplied (KessanImport *self)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT (self), 0);
  return self->n_reapplied;
}

/**
 * kessan_import_find_duplicate:
 * @self: a #KessanImport that was read
 * @kind: (out) (optional): what makes it a duplicate
 *
 * Returns: (transfer none) (nullable): the filing of the library that
 *   the release would duplicate: the same file first, else a release of
 *   the same company and fiscal period; %NULL when there is none
 */
KessanFiling *
kessan_import_find_duplicate (KessanImport        *self,
                              KessanDuplicateKind *kind)
{
  KessanFiling *existing = NULL;
  KessanDuplicateKind found = KESSAN_DUPLICATE_NONE;

  g_return_val_if_fail (KESSAN_IS_IMPORT (self), NULL);

  if (self->filing != NULL)
    {
      existing = kessan_library_find_by_hash (self->library, kessan_filing_get_source_hash (self->filing));
      if (existing != NULL)
        found = KESSAN_DUPLICATE_SAME_SOURCE;
      else
        {
          existing = kessan_library_find_by_period (self->library,
                                                    kessan_filing_get_company (self->filing),
                                                    kessan_filing_get_fiscal_year (self->filing),
                                                    kessan_filing_get_fiscal_quarter (self->filing));
          if (existing != NULL)
            found = kessan_library_is_other_edition (existing, self->filing)
                    ? KESSAN_DUPLICATE_OTHER_EDITION : KESSAN_DUPLICATE_SAME_PERIOD;
          /* An edition added before is the same file again. */
          for (guint i = 0; existing != NULL && i < kessan_filing_get_n_parts (existing); i++)
            if (g_strcmp0 (kessan_filing_get_part (existing, i)->sha256, kessan_filing_get_source_hash (self->filing)) == 0)
              found = KESSAN_DUPLICATE_SAME_SOURCE;
        }
    }

  if (kind != NULL)
    *kind = found;
  return existing;
}

/* Corrections */

static gboolean
require_read (KessanImport  *self,
              GError       **error)
{
  if (self->state == KESSAN_IMPORT_STATE_READ && self->filing != NULL)
    return TRUE;
  g_set_error (error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_NOT_READ,
               _("“%s” has not been read."), self->name);
  return FALSE;
}

/**
 * kessan_import_apply_correction:
 * @self: a #KessanImport that was read
 * @correction: a correction of its filing
 * @error: return location for a #GError, or %NULL
 *
 * Applies @correction to the filing and runs the checks again
 * (kessan_filing_apply_correction()).
 *
 * Returns: %TRUE on success
 */
gboolean
kessan_import_apply_correction (KessanImport      *self,
                                KessanCorrection  *correction,
                                GError           **error)
{
  g_return_val_if_fail (KESSAN_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (KESSAN_IS_CORRECTION (correction), FALSE);

  return require_read (self, error) && kessan_filing_apply_correction (self->filing, correction, error);
}

/**
 * kessan_import_undo_correction:
 * @self: a #KessanImport that was read
 * @error: return location for a #GError, or %NULL
 *
 * Takes back the last correction: the release is read again from its
 * bytes and the other corrections are made again, so the filing is as if
 * the last one had never been made.  The filing is a new object.
 *
 * Returns: %TRUE on success
 */
gboolean
kessan_import_undo_correction (KessanImport  *self,
                               GError       **error)
{
  g_autoptr(KessanFiling) filing = NULL;
  GListModel *corrections;
  guint n;

  g_return_val_if_fail (KESSAN_IS_IMPORT (self), FALSE);

  if (!require_read (self, error))
    return FALSE;
  corrections = kessan_filing_get_corrections (self->filing);
  n = g_list_model_get_n_items (corrections);
  if (n == 0)
    return TRUE;

  filing = kessan_parse_release (self->source, self->name, error);
  if (filing == NULL)
    return FALSE;
  if (kessan_filing_get_source_hash (filing) == NULL)
    kessan_filing_set_source_hash (filing, kessan_filing_get_source_hash (self->filing));
  kessan_filing_run_checks (filing);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(KessanCorrection) correction = g_list_model_get_item (corrections, i);

      if (!kessan_filing_apply_correction (filing, correction, error))
        return FALSE;
    }

  g_set_object (&self->filing, filing);
  return TRUE;
}

/* Committing */

static char *
describe_period (KessanFiling *filing)
{
  guint year = kessan_filing_get_fiscal_year (filing);
  guint quarter = kessan_filing_get_fiscal_quarter (filing);

  if (quarter == 0)
    /* Translators: a full fiscal year, e.g. "FY2002" */
    return g_strdup_printf (_("FY%u"), year);
  /* Translators: a fiscal quarter, e.g. "2Q FY2003" */
  return g_strdup_printf (_("%uQ FY%u"), quarter, year);
}

static void
set_duplicate_error (GError              **error,
                     KessanDuplicateKind   kind,
                     KessanFiling         *existing)
{
  g_autofree char *period = describe_period (existing);

  if (kind == KESSAN_DUPLICATE_SAME_SOURCE)
    g_set_error (error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_DUPLICATE,
                 _("The library already has this release (%s, “%s”)."),
                 period, kessan_filing_get_source_name (existing));
  else
    g_set_error (error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_DUPLICATE,
                 _("The library already has a release for %s: “%s”."),
                 period, kessan_filing_get_source_name (existing));
}

/* Adds the filing and keeps its corrections by hash; on failure the
 * library is as it was. */
static KessanFiling *
add_to_library (KessanImport  *self,
                GError       **error)
{
  g_autoptr(KessanFiling) added = NULL;
  gboolean duplicate = FALSE;

  added = kessan_library_add (self->library, self->filing, self->source, &duplicate, error);
  if (added == NULL)
    return NULL;
  if (duplicate)
    {
      set_duplicate_error (error, KESSAN_DUPLICATE_SAME_SOURCE, added);
      return NULL;
    }

  if (!kessan_corrections_save (kessan_library_get_directory (self->library),
                                kessan_filing_get_source_hash (self->filing),
                                kessan_filing_get_corrections (self->filing), error))
    {
      kessan_library_remove (self->library, added, NULL);
      return NULL;
    }
  return g_steal_pointer (&added);
}

/**
 * kessan_import_commit:
 * @self: a #KessanImport that was read
 * @mode: what to do about a duplicate
 * @force: add even when the checks found errors
 * @replaced: (out) (optional) (transfer full) (nullable): the filing that
 *   made way for the new one with %KESSAN_IMPORT_MODE_REPLACE, or %NULL
 * @replaced_source: (out) (optional) (transfer full) (nullable): its
 *   source, for kessan_import_undo_replace()
 * @error: return location for a #GError, or %NULL
 *
 * Adds the filing to the library with a copy of the file, and keeps its
 * corrections by the file's hash so that they are made again when the
 * same file is imported again.
 *
 * Fails with %KESSAN_IMPORT_ERROR_HAS_ERRORS when the checks found errors
 * and @force is %FALSE; with %KESSAN_IMPORT_ERROR_DUPLICATE when the
 * library holds a duplicate and @mode is %KESSAN_IMPORT_MODE_ADD, or holds
 * the same file and @mode is %KESSAN_IMPORT_MODE_KEEP_BOTH; with the
 * library's error when it cannot be written.  On failure the library is
 * as it was.
 *
 * Returns: (transfer full): the filing added, or %NULL with @error set
 */
KessanFiling *
kessan_import_commit (KessanImport      *self,
                      KessanImportMode   mode,
                      gboolean           force,
                      KessanFiling     **replaced,
                      GBytes           **replaced_source,
                      GError           **error)
{
  g_autoptr(KessanFiling) existing = NULL;
  g_autoptr(GBytes) existing_source = NULL;
  g_autoptr(KessanFiling) added = NULL;
  KessanDuplicateKind kind;
  guint n_errors;

  g_return_val_if_fail (KESSAN_IS_IMPORT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (replaced != NULL)
    *replaced = NULL;
  if (replaced_source != NULL)
    *replaced_source = NULL;

  if (!require_read (self, error))
    return NULL;

  n_errors = kessan_import_count_findings (self, KESSAN_SEVERITY_ERROR);
  if (n_errors > 0 && !force)
    {
      g_set_error (error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_HAS_ERRORS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The checks found %u error in the release.",
                                "The checks found %u errors in the release.", n_errors),
                   n_errors);
      return NULL;
    }

  existing = kessan_import_find_duplicate (self, &kind);
  if (existing != NULL)
    g_object_ref (existing);

  /* The other edition of a release joins it: one release, one entry. */
  if (existing != NULL && kind == KESSAN_DUPLICATE_OTHER_EDITION && mode == KESSAN_IMPORT_MODE_ADD)
    {
      if (!kessan_library_add_edition (self->library, existing, self->filing, self->source, error))
        return NULL;
      set_state (self, KESSAN_IMPORT_STATE_ADDED);
      return g_steal_pointer (&existing);
    }

  if (existing != NULL &&
      (mode == KESSAN_IMPORT_MODE_ADD || (mode == KESSAN_IMPORT_MODE_KEEP_BOTH && kind == KESSAN_DUPLICATE_SAME_SOURCE)))
    {
      set_duplicate_error (error, kind, existing);
      return NULL;
    }

  if (existing != NULL && mode == KESSAN_IMPORT_MODE_REPLACE)
    {
      /* The old filing's original is read before it goes, so that the
       * replacement can be undone. */
      existing_source = kessan_library_read_source (self->library, existing, error);
      if (existing_source == NULL || !kessan_library_remove (self->library, existing, error))
        return NULL;

      added = add_to_library (self, error);
      if (added == NULL)
        {
          g_autoptr(KessanFiling) back = kessan_library_add (self->library, existing, existing_source, NULL, NULL);

          if (back == NULL)
            g_warning ("Could not put back %s after a failed replacement",
                       kessan_filing_get_source_name (existing));
          else
            kessan_corrections_save (kessan_library_get_directory (self->library),
                                     kessan_filing_get_source_hash (existing),
                                     kessan_filing_get_corrections (existing), NULL);
          return NULL;
        }

      if (replaced != NULL)
        *replaced = g_steal_pointer (&existing);
      if (replaced_source != NULL)
        *replaced_source = g_steal_pointer (&existing_source);
    }
  else
    {
      added = add_to_library (self, error);
      if (added == NULL)
        return NULL;
    }

  set_state (self, KESSAN_IMPORT_STATE_ADDED);
  return g_steal_pointer (&added);
}

/**
 * kessan_import_undo_replace:
 * @library: a #KessanLibrary
 * @added: (nullable): the filing kessan_import_commit() added
 * @replaced: the filing it replaced
 * @replaced_source: the source of @replaced
 * @error: return location for a #GError, or %NULL
 *
 * Takes @added out of @library again and puts @replaced back, with the
 * corrections it had.
 *
 * Returns: %TRUE on success
 */
gboolean
kessan_import_undo_replace (KessanLibrary  *library,
                            KessanFiling   *added,
                            KessanFiling   *replaced,
                            GBytes         *replaced_source,
                            GError        **error)
{
  g_autoptr(KessanFiling) back = NULL;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (KESSAN_IS_FILING (replaced), FALSE);
  g_return_val_if_fail (replaced_source != NULL, FALSE);

  if (added != NULL && kessan_library_find_by_hash (library, kessan_filing_get_source_hash (added)) == added &&
      !kessan_library_remove (library, added, error))
    return FALSE;

  back = kessan_library_add (library, replaced, replaced_source, NULL, error);
  if (back == NULL)
    return FALSE;
  return kessan_corrections_save (kessan_library_get_directory (library),
                                  kessan_filing_get_source_hash (replaced),
                                  kessan_filing_get_corrections (replaced), error);
}
