/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-library"

#include "config.h"

#include "kessan-library.h"

#include "kessan-grid-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kessan-checks.h"
#include "kessan-decoder.h"
#include "kessan-error.h"
#include "kessan-export.h"
#include "kessan-filing-loader-private.h"
#include "kessan-import.h"
#include "kessan-parser.h"
#include "kessan-pdf.h"
#include "kessan-sha256-private.h"

/* The layout on disk (docs/library.md):
 *
 *   DIR/filings/<sha256>.json           the filing, kessan_filing_to_json () with text
 *   DIR/sources/<sha256>-<file name>    the original bytes, as imported
 *
 * A loaded filing leaves its text on disk until it is asked for
 * (text_from_files_cb ()): a library holds thousands of filings and
 * shows the text of few of them.
 *
 * The JSON file is what makes a filing part of the library: it is written
 * last when adding and deleted first when removing, so a filing is either
 * wholly there or not at all.  Every file is written to a hidden temporary
 * name in the same folder and renamed over its real name. */

#define HASH_LENGTH 64

/* Room for "<hash>-", the temporary name's ".", ".XXXXXX.tmp" and a long
 * file name, within the 255 bytes a file name may have. */
#define MAX_SOURCE_NAME_BYTES 160

/* A filing file holds a release's text, each character escaped in six
 * bytes at worst, and its numbers; a source is at most a release. */
#define MAX_LIBRARY_FILE_SIZE ((guint64) 8 * KESSAN_MAX_INPUT_SIZE)

struct _KessanLibrary
{
  GObject     parent_instance;

  /* Owned */
  GFile      *directory;
  char       *path;
  GPtrArray  *items;
  GHashTable *by_hash;
  char      **problems;
  GHashTable *touched;

  guint       loads_running;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KessanLibrary, kessan_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_N_ITEMS,
  PROP_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a load found on disk, built in a worker thread and applied to the
 * model on the main context. */
typedef struct
{
  GPtrArray *filings;
  GPtrArray *problems;
  GPtrArray *problem_hashes;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->filings, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_pointer (&result->problem_hashes, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

static gboolean
is_hash (const char *str)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < HASH_LENGTH; i++)
    if (!g_ascii_isdigit (str[i]) && !(str[i] >= 'a' && str[i] <= 'f'))
      return FALSE;

  return str[HASH_LENGTH] == '\0';
}

/* Only "<64 lower-case hex digits>.json" is a filing: temporary files,
 * editor backups and anything else a user drops in the folder are not. */
static gboolean
is_filing_file_name (const char *name)
{
  g_autofree char *hash = NULL;

  if (strlen (name) != HASH_LENGTH + strlen (".json") || !g_str_has_suffix (name, ".json"))
    return FALSE;

  hash = g_strndup (name, HASH_LENGTH);
  return is_hash (hash);
}

/* Dates are ISO strings, so they sort as text; an unknown date sorts after
 * every known one. */
static int
compare_dates_newest_first (const char *a,
                            const char *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return strcmp (b, a);
}

static int
compare_filings (KessanFiling *a,
                 KessanFiling *b)
{
  int cmp;

  if ((cmp = compare_dates_newest_first (kessan_filing_get_period_end (a),
                                         kessan_filing_get_period_end (b))) != 0)
    return cmp;
  if ((cmp = compare_dates_newest_first (kessan_filing_get_released (a),
                                         kessan_filing_get_released (b))) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (kessan_filing_get_source_name (a), kessan_filing_get_source_name (b))) != 0)
    return cmp;

  return g_strcmp0 (kessan_filing_get_source_hash (a), kessan_filing_get_source_hash (b));
}

static int
compare_filing_pointers (gconstpointer a,
                         gconstpointer b)
{
  return compare_filings (*(KessanFiling * const *) a, *(KessanFiling * const *) b);
}

static int
compare_string_pointers (gconstpointer a,
                         gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
filings_path (KessanLibrary *self)
{
  return g_build_filename (self->path, "filings", NULL);
}

static char *
sources_path (KessanLibrary *self)
{
  return g_build_filename (self->path, "sources", NULL);
}

static char *
json_path (KessanLibrary *self,
           const char    *hash)
{
  g_autofree char *name = g_strconcat (hash, ".json", NULL);

  return g_build_filename (self->path, "filings", name, NULL);
}

/* The original's own name, after its hash, keeps the folder readable for a
 * person looking into it; the name is made safe to be one path element. */
static char *
source_file_name (const char *hash,
                  const char *source_name)
{
  g_autofree char *base = NULL;
  GString *name;
  gsize length;

  if (source_name != NULL && source_name[0] != '\0')
    base = g_path_get_basename (source_name);
  if (base == NULL || g_str_equal (base, ".") || g_str_equal (base, "..") ||
      g_str_equal (base, G_DIR_SEPARATOR_S))
    {
      g_free (base);
      base = g_strdup ("source");
    }

  for (char *p = base; *p != '\0'; p++)
    if (*p == '/' || *p == '\\' || (guchar) *p < 0x20 || *p == 0x7f)
      *p = '_';

  length = strlen (base);
  if (length > MAX_SOURCE_NAME_BYTES)
    {
      /* Cut at the start of a UTF-8 character, not inside one. */
      length = MAX_SOURCE_NAME_BYTES;
      while (length > 0 && ((guchar) base[length] & 0xc0) == 0x80)
        length--;
    }

  name = g_string_new (hash);
  g_string_append_c (name, '-');
  g_string_append_len (name, base, length);
  return g_string_free (name, FALSE);
}

/* The copies of the original of @hash in @sources_dir, sorted: one, or
 * none, unless an earlier version saved it under another name too. */
static GPtrArray *
find_source_files (const char *sources_dir,
                   const char *hash)
{
  g_autofree char *prefix = g_strconcat (hash, "-", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (sources_dir, 0, NULL);
  if (dir == NULL)
    return g_steal_pointer (&paths);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      g_ptr_array_add (paths, g_build_filename (sources_dir, name, NULL));

  g_ptr_array_sort (paths, compare_string_pointers);
  return g_steal_pointer (&paths);
}

/* The library's copy of the original of @filing, or NULL when it has
 * none. */
static char *
source_path_of (const char   *library_path,
                KessanFiling *filing)
{
  const char *hash = kessan_filing_get_source_hash (filing);
  g_autofree char *name = NULL;
  g_autofree char *sources_dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) found = NULL;

  if (library_path == NULL || !is_hash (hash))
    return NULL;

  sources_dir = g_build_filename (library_path, "sources", NULL);
  name = source_file_name (hash, kessan_filing_get_source_name (filing));
  path = g_build_filename (sources_dir, name, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  /* A copy saved under another name by an earlier version. */
  found = find_source_files (sources_dir, hash);
  if (found->len > 0)
    return g_strdup (g_ptr_array_index (found, 0));

  return NULL;
}

static gboolean
require_local (KessanLibrary  *self,
               GError        **error)
{
  g_autofree char *uri = NULL;

  if (self->path != NULL)
    return TRUE;

  uri = g_file_get_uri (self->directory);
  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
               _("The library folder “%s” is not a local folder."), uri);
  return FALSE;
}

static gboolean
ensure_directory (const char  *path,
                  GError     **error)
{
  int errsv;

  if (g_mkdir_with_parents (path, 0700) == 0)
    return TRUE;

  errsv = errno;
  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
               _("The library folder “%s” cannot be written: %s. Nothing was added; check the folder’s permissions and the free space on its disk."),
               path, g_strerror (errsv));
  return FALSE;
}

/* Writes @data to a hidden temporary file beside @path, flushes it to the
 * disk and renames it over @path: a reader sees the old file or the new
 * one, never a part of either, even after a crash.  On failure the
 * temporary file is removed and @path is untouched. */
static gboolean
write_atomically (const char  *path,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmp = NULL;
  gboolean created = FALSE;
  int fd;
  int errsv;

  tmp = g_strdup_printf ("%s" G_DIR_SEPARATOR_S ".%s.XXXXXX.tmp", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      errsv = errno;
      goto fail;
    }
  created = TRUE;

  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          errsv = errno;
          goto fail;
        }
      data += written;
      length -= written;
    }

  if (fsync (fd) != 0)
    {
      errsv = errno;
      goto fail;
    }
  if (close (fd) != 0)
    {
      errsv = errno;
      fd = -1;
      goto fail;
    }
  fd = -1;

  if (g_rename (tmp, path) != 0)
    {
      errsv = errno;
      goto fail;
    }
  created = FALSE;

  /* The rename is in the folder: without flushing the folder too, a
   * power cut may lose the new name although the file's data is safe. */
  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      if (fsync (fd) != 0)
        g_debug ("Could not flush the folder %s: %s", dir, g_strerror (errno));
      close (fd);
    }

  return TRUE;

fail:
  if (fd >= 0)
    {
      close (fd);
      fd = -1;
    }
  if (created)
    g_unlink (tmp);
  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
               _("The library folder “%s” cannot be written: %s. Nothing was changed; check the folder’s permissions and the free space on its disk."),
               dir, g_strerror (errsv));
  return FALSE;
}

/* The whole of a regular file, with messages that do not repeat the path:
 * problems put it in front themselves. */
static char *
read_regular_file (const char  *path,
                   gsize       *length,
                   GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize size, done = 0;
  int fd;
  int errsv;

  /* Without waiting: a pipe put in place of a file would otherwise hold
   * the open until something writes to it. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      errsv = errno;
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO, _("Cannot be read: %s"), g_strerror (errsv));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      errsv = errno;
      close (fd);
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO, _("Cannot be read: %s"), g_strerror (errsv));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO, _("Not a regular file"));
      return NULL;
    }

  /* A filing holds at most the text of a release, escaped, beside its
   * numbers; a file far larger than that is not one. */
  if ((guint64) st.st_size > MAX_LIBRARY_FILE_SIZE)
    {
      close (fd);
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO, _("Larger than any file Kessan writes"));
      return NULL;
    }

  /* What was there when the file was opened: a file that grows while it
   * is read is read only that far. */
  size = st.st_size;
  data = g_malloc (size + 1);
  while (done < size)
    {
      gssize n = read (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          errsv = errno;
          close (fd);
          g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO, _("Cannot be read: %s"), g_strerror (errsv));
          return NULL;
        }
      if (n == 0)
        break;
      done += n;
    }
  close (fd);

  data[done] = '\0';
  *length = done;
  return g_steal_pointer (&data);
}

/* The text of @filing in @library_path's copy of its original, decoded
 * as the parser decoded it, if the copy is still the release @filing was
 * read from. */
static char *
text_from_source (const char   *library_path,
                  KessanFiling *filing)
{
  g_autofree char *path = source_path_of (library_path, filing);
  g_autofree char *data = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GError) error = NULL;
  char *text;
  gsize length;

  if (path == NULL)
    return NULL;

  data = read_regular_file (path, &length, &error);
  if (data == NULL)
    {
      g_debug ("%s: %s", path, error->message);
      return NULL;
    }

  hash = kessan_sha256_hex ((const guint8 *) data, length);
  if (!g_str_equal (hash, kessan_filing_get_source_hash (filing)))
    {
      g_debug ("%s: the copy of the original has changed", path);
      return NULL;
    }

  /* Read as the parser read it, by the reader of its format. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), length);
    g_autofree char *name = g_path_get_basename (path);
    g_autoptr(KessanGrid) grid = kessan_grid_read (bytes, name, &error);

    text = grid != NULL ? kessan_grid_steal_text (grid) : NULL;
  }
  if (text == NULL)
    g_debug ("%s: %s", path, error->message);
  return text;
}

/* The text kept in @filing's JSON file, if the file still holds that
 * release and has it. */
static char *
text_from_json (const char   *library_path,
                KessanFiling *filing)
{
  const char *hash = kessan_filing_get_source_hash (filing);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(KessanFiling) stored = NULL;
  gsize length;

  if (!is_hash (hash))
    return NULL;

  name = g_strconcat (hash, ".json", NULL);
  path = g_build_filename (library_path, "filings", name, NULL);
  data = read_regular_file (path, &length, NULL);
  if (data == NULL)
    return NULL;

  stored = kessan_filing_loader_read (data, length, TRUE);
  if (stored == NULL)
    stored = kessan_filing_new_from_json (data, length, NULL);
  if (stored == NULL || g_strcmp0 (kessan_filing_get_source_hash (stored), hash) != 0)
    return NULL;

  return g_strdup (kessan_filing_get_text (stored));
}

/* Runs when a loaded filing's text is first asked for, in whatever
 * thread asks.  The JSON file has it; a file written without it (by
 * another tool) leaves the copy of the original to decode. */
static char *
text_from_files_cb (KessanFiling *filing,
                    gpointer      user_data)
{
  const char *library_path = user_data;
  char *text;

  text = text_from_json (library_path, filing);
  if (text == NULL)
    text = text_from_source (library_path, filing);
  if (text == NULL)
    g_debug ("No text for %s in the library", kessan_filing_get_source_hash (filing));

  return text;
}

/* A filing file, checked to hold the release its name says: the name is
 * the key removal and duplicate detection go by.  The filing is read
 * without its text, which it reads from @library_path when asked. */
static KessanFiling *
read_filing_file (GRefString  *library_path,
                  const char  *path,
                  const char  *hash,
                  GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  const char *filing_hash;
  gsize length;

  data = read_regular_file (path, &length, error);
  if (data == NULL)
    return NULL;

  /* The fast reader takes the files Kessan wrote; the full one any
   * other, and says what is wrong with a damaged one. */
  filing = kessan_filing_loader_read (data, length, FALSE);
  if (filing == NULL)
    {
      filing = kessan_filing_new_from_json (data, length, error);
      if (filing == NULL)
        return NULL;
      kessan_filing_set_text (filing, NULL);
    }

  filing_hash = kessan_filing_get_source_hash (filing);
  if (g_strcmp0 (filing_hash, hash) != 0)
    {
      if (filing_hash == NULL)
        g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                     _("The filing names no source hash"));
      else
        g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                     _("The filing is of another release (sha256 %s) than its file name says"), filing_hash);
      return NULL;
    }

  kessan_filing_set_text_func (filing, text_from_files_cb,
                               g_ref_string_acquire (library_path),
                               (GDestroyNotify) g_ref_string_release);

  return g_steal_pointer (&filing);
}

/* Reading the filing files is most of what loading does, and each file
 * is read on its own: the names are shared out among a few threads, each
 * taking the next unread one, and the results are put in name order
 * afterwards. */
typedef struct
{
  GRefString    *library_path;
  const char    *dir_path;
  GPtrArray     *names;
  GCancellable  *cancellable;
  KessanFiling **filings;       /* one per name, or NULL */
  GError       **errors;        /* why a name has no filing */
  gint           next;          /* the next name to read */
  guint          max_threads;
} LoadWork;

static void
load_work_run (LoadWork *work)
{
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&work->next, 1);
      g_autofree char *file_path = NULL;
      g_autofree char *hash = NULL;

      if (i >= work->names->len || g_cancellable_is_cancelled (work->cancellable))
        return;

      file_path = g_build_filename (work->dir_path, work->names->pdata[i], NULL);
      hash = g_strndup (work->names->pdata[i], HASH_LENGTH);
      work->filings[i] = read_filing_file (work->library_path, file_path, hash, &work->errors[i]);
    }
}

static gpointer
load_thread_func (gpointer data)
{
  load_work_run (data);
  return NULL;
}

/* Up to one thread per processor, the calling one included; a few files
 * are not worth a thread. */
#define MAX_LOAD_THREADS 8
#define FILES_PER_LOAD_THREAD 16

static void
read_filing_files (LoadWork *work)
{
  GThread *threads[MAX_LOAD_THREADS] = { NULL };
  guint n_threads = MIN (work->max_threads, MAX_LOAD_THREADS);

  n_threads = MIN (n_threads, work->names->len / FILES_PER_LOAD_THREAD);
  for (guint i = 1; i < n_threads; i++)
    threads[i] = g_thread_try_new ("kessan-load", load_thread_func, work, NULL);

  /* Without threads, this thread reads them all. */
  load_work_run (work);

  for (guint i = 1; i < n_threads; i++)
    if (threads[i] != NULL)
      g_thread_join (threads[i]);
}

/* What a process killed while writing leaves behind: a temporary file
 * (write_atomically ()) or the copy of an original whose filing file was
 * never written.  Only what is older than this is taken for a leftover:
 * an addition in progress in another process writes both within
 * seconds. */
#define LEFTOVER_AGE_SECONDS 60

static gboolean
is_temporary_name (const char *name)
{
  /* ".<name>.XXXXXX.tmp" */
  return name[0] == '.' && g_str_has_suffix (name, ".tmp") && strlen (name) > strlen ("..XXXXXX.tmp");
}

static gboolean
is_old_regular_file (const char *path,
                     gint64      now)
{
  GStatBuf st;

  return g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - (gint64) st.st_mtime > LEFTOVER_AGE_SECONDS;
}

static void
remove_leftover (const char *path)
{
  if (g_unlink (path) == 0)
    g_debug ("Removed a leftover of an interrupted write: %s", path);
  else
    g_debug ("Could not remove the leftover %s: %s", path, g_strerror (errno));
}

/* Removes the leftovers of interrupted writes in @path's folders:
 * temporary files in either, and copies of originals in sources/ that no
 * filing file in @filings (names, "<hash>.json") names. */
static void
remove_leftovers (const char *path,
                  GPtrArray  *filings)
{
  g_autofree char *filings_dir = g_build_filename (path, "filings", NULL);
  g_autofree char *sources_dir = g_build_filename (path, "sources", NULL);
  g_autoptr(GHashTable) hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *dirs[] = { filings_dir, sources_dir };

  for (guint i = 0; i < filings->len; i++)
    g_hash_table_add (hashes, g_strndup (filings->pdata[i], HASH_LENGTH));

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[d], 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file_path = NULL;
          g_autofree char *hash = NULL;
          gboolean leftover;

          if (is_temporary_name (name))
            leftover = TRUE;
          else if (dirs[d] == sources_dir && strlen (name) > HASH_LENGTH && name[HASH_LENGTH] == '-'
                   && is_hash ((hash = g_strndup (name, HASH_LENGTH))))
            leftover = !g_hash_table_contains (hashes, hash);
          else
            leftover = FALSE;
          if (!leftover)
            continue;

          file_path = g_build_filename (dirs[d], name, NULL);
          if (!is_old_regular_file (file_path, now))
            continue;
          if (hash != NULL)
            {
              g_autofree char *json_name = g_strconcat (hash, ".json", NULL);
              g_autofree char *json_file = g_build_filename (filings_dir, json_name, NULL);

              /* An orphan is looked at again: its filing may have been
               * written since the folder was listed. */
              if (g_file_test (json_file, G_FILE_TEST_EXISTS))
                continue;
            }
          remove_leftover (file_path);
        }
    }
}

/* Runs in a worker thread for kessan_library_load_async (): it touches
 * nothing of the library but the path it is given.  @max_threads: how
 * many threads may read, the calling one included. */
static LoadResult *
load_from_disk (const char    *path,
                guint          max_threads,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir_path = NULL;
  g_autoptr(GDir) dir = NULL;
  LoadWork work = { 0 };
  const char *name;

  result->filings = g_ptr_array_new_with_free_func (g_object_unref);
  result->problems = g_ptr_array_new_with_free_func (g_free);
  result->problem_hashes = g_ptr_array_new_with_free_func (g_free);

  dir_path = g_build_filename (path, "filings", NULL);
  dir = g_dir_open (dir_path, 0, &local_error);
  if (dir == NULL)
    {
      /* A library nobody has added to yet has no folder: that is an empty
       * library, as on the first run, not a failure. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&result);

      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   _("Cannot read the library folder “%s”: %s"), dir_path, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (is_filing_file_name (name))
        g_ptr_array_add (names, g_strdup (name));
      else
        g_debug ("Not a filing, ignored: %s/%s", dir_path, name);
    }
  /* Problems come in the same order on every load. */
  g_ptr_array_sort (names, compare_string_pointers);

  remove_leftovers (path, names);

  work.library_path = g_ref_string_new (path);
  work.dir_path = dir_path;
  work.names = names;
  work.cancellable = cancellable;
  work.filings = g_new0 (KessanFiling *, names->len);
  work.errors = g_new0 (GError *, names->len);
  work.max_threads = MAX (max_threads, 1);
  read_filing_files (&work);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file_path = NULL;

      if (work.filings[i] != NULL)
        {
          g_ptr_array_add (result->filings, g_steal_pointer (&work.filings[i]));
          continue;
        }
      if (work.errors[i] == NULL)
        continue;  /* not read: cancelled */

      file_path = g_build_filename (dir_path, names->pdata[i], NULL);
      /* Removed since the folder was listed: not there, not a problem. */
      if (g_file_test (file_path, G_FILE_TEST_EXISTS))
        {
          g_ptr_array_add (result->problems, g_strdup_printf ("%s: %s", file_path, work.errors[i]->message));
          g_ptr_array_add (result->problem_hashes, g_strndup (names->pdata[i], HASH_LENGTH));
        }
      g_clear_error (&work.errors[i]);
    }
  g_free (work.filings);
  g_free (work.errors);
  g_ref_string_release (work.library_path);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&result);
}

static void
note_touched (KessanLibrary *self,
              const char    *hash)
{
  /* A load running in a thread read the folder before this change; the
   * model, not what it read, is right about this filing. */
  if (self->loads_running > 0)
    g_hash_table_add (self->touched, g_strdup (hash));
}

static void
insert_filing (KessanLibrary *self,
               KessanFiling  *filing)
{
  guint low = 0, high = self->items->len;

  g_assert (kessan_filing_get_source_hash (filing) != NULL);

  /* After every item that sorts before or with it. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_filings (g_ptr_array_index (self->items, mid), filing) <= 0)
        low = mid + 1;
      else
        high = mid;
    }

  g_ptr_array_insert (self->items, low, g_object_ref (filing));
  g_hash_table_insert (self->by_hash, g_strdup (kessan_filing_get_source_hash (filing)), filing);
  note_touched (self, kessan_filing_get_source_hash (filing));

  g_list_model_items_changed (G_LIST_MODEL (self), low, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
remove_filing (KessanLibrary *self,
               KessanFiling  *filing)
{
  g_autoptr(KessanFiling) hold G_GNUC_UNUSED = g_object_ref (filing);
  guint position;

  if (!g_ptr_array_find (self->items, filing, &position))
    g_assert_not_reached ();

  g_hash_table_remove (self->by_hash, kessan_filing_get_source_hash (filing));
  note_touched (self, kessan_filing_get_source_hash (filing));
  g_ptr_array_remove_index (self->items, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
contains_filing (KessanLibrary *self,
                 KessanFiling  *filing)
{
  const char *hash = kessan_filing_get_source_hash (filing);

  return hash != NULL && g_hash_table_lookup (self->by_hash, hash) == filing;
}

static void
apply_load (KessanLibrary *self,
            LoadResult    *loaded)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n = self->items->len;
  gboolean problems_changed;

  for (guint i = 0; i < loaded->filings->len; i++)
    {
      KessanFiling *filing = g_ptr_array_index (loaded->filings, i);
      const char *hash = kessan_filing_get_source_hash (filing);
      KessanFiling *existing;

      if (g_hash_table_contains (self->touched, hash))
        continue;

      /* Keeping the object already shown keeps the app's references and
       * selection valid across a reload. */
      existing = g_hash_table_lookup (self->by_hash, hash);
      g_ptr_array_add (items, g_object_ref (existing != NULL ? existing : filing));
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      KessanFiling *filing = g_ptr_array_index (self->items, i);

      if (g_hash_table_contains (self->touched, kessan_filing_get_source_hash (filing)))
        g_ptr_array_add (items, g_object_ref (filing));
    }
  g_ptr_array_sort (items, compare_filing_pointers);

  g_hash_table_remove_all (self->by_hash);
  for (guint i = 0; i < items->len; i++)
    {
      KessanFiling *filing = g_ptr_array_index (items, i);

      g_hash_table_insert (self->by_hash, g_strdup (kessan_filing_get_source_hash (filing)), filing);
    }
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);

  for (guint i = loaded->problems->len; i > 0; i--)
    if (g_hash_table_contains (self->touched, g_ptr_array_index (loaded->problem_hashes, i - 1)))
      g_ptr_array_remove_index (loaded->problems, i - 1);
  g_ptr_array_add (loaded->problems, NULL);
  problems_changed = !g_strv_equal ((const char * const *) self->problems,
                                    (const char * const *) loaded->problems->pdata);
  g_strfreev (self->problems);
  self->problems = (char **) g_ptr_array_free (g_steal_pointer (&loaded->problems), FALSE);

  if (old_n > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->items->len);
  if (old_n != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (problems_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
}

static void
finish_load (KessanLibrary *self,
             LoadResult    *loaded)
{
  g_assert (self->loads_running > 0);

  self->loads_running--;
  if (loaded != NULL)
    apply_load (self, loaded);
  if (self->loads_running == 0)
    g_hash_table_remove_all (self->touched);
}

static GType
kessan_library_get_item_type (GListModel *model)
{
  return KESSAN_TYPE_FILING;
}

static guint
kessan_library_get_n_items (GListModel *model)
{
  KessanLibrary *self = KESSAN_LIBRARY (model);

  return self->items->len;
}

static gpointer
kessan_library_get_item (GListModel *model,
                         guint       position)
{
  KessanLibrary *self = KESSAN_LIBRARY (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = kessan_library_get_item_type;
  iface->get_n_items = kessan_library_get_n_items;
  iface->get_item = kessan_library_get_item;
}

static void
kessan_library_constructed (GObject *object)
{
  KessanLibrary *self = (KessanLibrary *)object;

  G_OBJECT_CLASS (kessan_library_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = g_file_new_build_filename (g_get_user_data_dir (), "kessan", NULL);
  self->path = g_file_get_path (self->directory);
}

static void
kessan_library_dispose (GObject *object)
{
  KessanLibrary *self = (KessanLibrary *)object;

  if (self->by_hash != NULL)
    g_hash_table_remove_all (self->by_hash);
  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);
  g_clear_object (&self->directory);

  G_OBJECT_CLASS (kessan_library_parent_class)->dispose (object);
}

static void
kessan_library_finalize (GObject *object)
{
  KessanLibrary *self = (KessanLibrary *)object;

  g_clear_pointer (&self->by_hash, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_strfreev);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (kessan_library_parent_class)->finalize (object);
}

static void
kessan_library_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KessanLibrary *self = KESSAN_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_object (value, self->directory);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_PROBLEMS:
      g_value_set_boxed (value, self->problems);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_library_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KessanLibrary *self = KESSAN_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_set_object (&self->directory, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_library_class_init (KessanLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kessan_library_constructed;
  object_class->dispose = kessan_library_dispose;
  object_class->finalize = kessan_library_finalize;
  object_class->get_property = kessan_library_get_property;
  object_class->set_property = kessan_library_set_property;

  /**
   * KessanLibrary:directory:
   *
   * The folder holding the library.  Given at construction; %NULL there
   * means `$XDG_DATA_HOME/kessan`.
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_object ("directory", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * KessanLibrary:n-items:
   *
   * The number of filings, for binding an empty state to.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * KessanLibrary:problems:
   *
   * The files the last load could not read, as "PATH: MESSAGE".
   */
  properties[PROP_PROBLEMS] =
    g_param_spec_boxed ("problems", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kessan_library_init (KessanLibrary *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_hash = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_new0 (char *, 1);
}

/**
 * kessan_library_new:
 * @directory: (nullable): the library's folder, or %NULL for
 *   `$XDG_DATA_HOME/kessan`
 *
 * Creates a library on @directory.  Nothing is read until
 * kessan_library_load() or kessan_library_load_async(), and the folder is
 * created when the first filing is added.
 *
 * Returns: (transfer full): a new, empty #KessanLibrary
 */
KessanLibrary *
kessan_library_new (GFile *directory)
{
  g_return_val_if_fail (directory == NULL || G_IS_FILE (directory), NULL);

  return g_object_new (KESSAN_TYPE_LIBRARY,
                       "directory", directory,
                       NULL);
}

/**
 * kessan_library_get_directory:
 * @self: a #KessanLibrary
 *
 * Returns: (transfer none): the library's folder
 */
GFile *
kessan_library_get_directory (KessanLibrary *self)
{
  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), NULL);

  return self->directory;
}

/**
 * kessan_library_load:
 * @self: a #KessanLibrary
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError, or %NULL
 *
 * Reads every filing in the library's folder, replacing what the model
 * held.  A filing file that cannot be read or is not a valid filing does
 * not stop the others: it is listed by kessan_library_get_problems() and
 * left on disk as it is.  A folder that does not exist yet is an empty
 * library.
 *
 * Returns: %TRUE on success; %FALSE with @error set (%KESSAN_ERROR_IO)
 *   when the folder exists but cannot be read, and the model unchanged
 */
gboolean
kessan_library_load (KessanLibrary  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(LoadResult) loaded = NULL;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_local (self, error))
    return FALSE;

  self->loads_running++;
  loaded = load_from_disk (self->path, g_get_num_processors (), cancellable, error);
  finish_load (self, loaded);

  return loaded != NULL;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  LoadResult *loaded;

  /* A processor is left to the thread that called: a window laying out
   * and painting its first frame while its library loads. */
  loaded = load_from_disk (path, g_get_num_processors () - 1, cancellable, &error);
  if (loaded == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, loaded, (GDestroyNotify) load_result_free);
}

static void
load_thread_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  KessanLibrary *self = KESSAN_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(LoadResult) loaded = NULL;
  GError *error = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  finish_load (self, loaded);

  if (loaded == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * kessan_library_load_async:
 * @self: a #KessanLibrary
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the filings are in the model
 * @user_data: data for @callback
 *
 * Like kessan_library_load(), but reading and parsing happen in a worker
 * thread; the model changes on the thread-default main context of the
 * caller, just before @callback runs.  Filings added or removed while the
 * load runs keep their new state.
 */
void
kessan_library_load_async (KessanLibrary       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;

  g_return_if_fail (KESSAN_IS_LIBRARY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kessan_library_load_async);

  if (!require_local (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  self->loads_running++;
  worker = g_task_new (self, cancellable, load_thread_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, load_thread);
  g_task_set_task_data (worker, g_strdup (self->path), g_free);
  g_task_run_in_thread (worker, load_thread);
}

/**
 * kessan_library_load_finish:
 * @self: a #KessanLibrary
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError, or %NULL
 *
 * Returns: %TRUE when the model holds what is on disk, as for
 *   kessan_library_load()
 */
gboolean
kessan_library_load_finish (KessanLibrary  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kessan_library_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kessan_library_get_problems:
 * @self: a #KessanLibrary
 *
 * The filing files the last load could not read, each as
 * "PATH: MESSAGE", in the order of their names.  Each file is still on
 * disk, as it was.
 *
 * Returns: (transfer none) (array zero-terminated=1): the problems, an
 *   empty array when there are none
 */
const char * const *
kessan_library_get_problems (KessanLibrary *self)
{
  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), NULL);

  return (const char * const *) self->problems;
}

/**
 * kessan_library_find_by_hash:
 * @self: a #KessanLibrary
 * @source_hash: the SHA-256 of a release file, lower-case hex
 *
 * Returns: (transfer none) (nullable): the filing of that release, or
 *   %NULL when the library does not hold it
 */
KessanFiling *
kessan_library_find_by_hash (KessanLibrary *self,
                             const char    *source_hash)
{
  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (source_hash != NULL, NULL);

  return g_hash_table_lookup (self->by_hash, source_hash);
}

/**
 * kessan_library_import_file:
 * @self: a #KessanLibrary
 * @file: a release file
 * @duplicate: (out) (optional): set to %TRUE when the library already
 *   held this release, %FALSE when it was added
 * @error: return location for a #GError, or %NULL
 *
 * Reads @file, parses it, runs the checks and adds the filing with a copy
 * of the file, through #KessanImport: the corrections kept for the same
 * file are made again, and errors found by the checks do not stop it.  A
 * release already in the library (the same bytes, under any name) is not
 * added again: its filing is returned and nothing is written; another
 * release of the same period is kept beside it.  A file that cannot be
 * read fails as kessan_parse_file() does.
 *
 * Returns: (transfer full): the filing in the library, or %NULL with
 *   @error set and the library unchanged
 */
KessanFiling *
kessan_library_import_file (KessanLibrary  *self,
                            GFile          *file,
                            gboolean       *duplicate,
                            GError        **error)
{
  g_autoptr(KessanImport) import = NULL;
  g_autoptr(KessanFiling) added = NULL;
  g_autoptr(GError) local_error = NULL;
  KessanFiling *existing;
  KessanDuplicateKind kind;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (duplicate != NULL)
    *duplicate = FALSE;

  /* The one import path (kessan-import.c), taking what it finds. */
  import = kessan_import_new (self, file);
  if (!kessan_import_read (import, NULL, error))
    return NULL;

  existing = kessan_import_find_duplicate (import, &kind);
  if (existing != NULL && kind == KESSAN_DUPLICATE_SAME_SOURCE)
    {
      if (duplicate != NULL)
        *duplicate = TRUE;
      return g_object_ref (existing);
    }

  added = kessan_import_commit (import, KESSAN_IMPORT_MODE_KEEP_BOTH, TRUE, NULL, NULL, &local_error);
  if (added != NULL)
    return g_steal_pointer (&added);

  /* Another process may have added the same file between the look-up
   * above and the writing: its file is the duplicate it is. */
  existing = kessan_library_find_by_hash (self, kessan_filing_get_source_hash (kessan_import_get_filing (import)));
  if (existing != NULL && g_error_matches (local_error, KESSAN_IMPORT_ERROR, KESSAN_IMPORT_ERROR_DUPLICATE))
    {
      if (duplicate != NULL)
        *duplicate = TRUE;
      return g_object_ref (existing);
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* The source copy and the JSON file of @filing, each written atomically;
 * on failure neither is left behind.  Reads only what never changes after
 * construction, so any thread may call it. */
static gboolean
write_files (KessanLibrary  *self,
             KessanFiling   *filing,
             GBytes         *source,
             const char     *filing_file,
             GError        **error)
{
  g_autofree char *filings_dir = NULL;
  g_autofree char *sources_dir = NULL;
  g_autofree char *source_name = NULL;
  g_autofree char *source_file = NULL;
  g_autofree char *json = NULL;
  gboolean source_existed;
  gboolean filings_existed;
  gconstpointer data;
  gsize length;

  filings_dir = filings_path (self);
  sources_dir = sources_path (self);
  filings_existed = g_file_test (filings_dir, G_FILE_TEST_IS_DIR);
  if (!ensure_directory (filings_dir, error))
    return FALSE;
  if (!ensure_directory (sources_dir, error))
    {
      /* Nothing of a failed addition is left behind. */
      if (!filings_existed)
        g_rmdir (filings_dir);
      return FALSE;
    }

  source_name = source_file_name (kessan_filing_get_source_hash (filing), kessan_filing_get_source_name (filing));
  source_file = g_build_filename (sources_dir, source_name, NULL);
  source_existed = g_file_test (source_file, G_FILE_TEST_EXISTS);
  data = g_bytes_get_data (source, &length);
  if (!write_atomically (source_file, data, length, error))
    return FALSE;

  json = kessan_filing_to_json (filing, TRUE);
  if (!write_atomically (filing_file, json, strlen (json), error))
    {
      /* Without its JSON file the copy is not part of the library. */
      if (!source_existed)
        g_unlink (source_file);
      return FALSE;
    }

  return TRUE;
}

/**
 * kessan_library_add:
 * @self: a #KessanLibrary
 * @filing: a filing read from @source
 * @source: the bytes of the release file @filing was read from
 * @duplicate: (out) (optional): set to %TRUE when the library already
 *   held this release, %FALSE when @filing was added
 * @error: return location for a #GError, or %NULL
 *
 * Saves @source and @filing in the library's folder, each atomically, and
 * adds @filing to the model.  This is also how a removal is undone: keep
 * the filing and kessan_library_read_source() before removing it.
 *
 * When the library already holds the release, that filing is returned and
 * nothing is written.  When the folder already holds a file for it that
 * cannot be read, that file is left as it is and this fails.  Fails with
 * %KESSAN_ERROR_IO when the folder cannot be written, leaving neither a
 * new file nor a temporary one behind.
 *
 * Returns: (transfer full): @filing or the one already there, or %NULL
 *   with @error set
 */
KessanFiling *
kessan_library_add (KessanLibrary  *self,
                    KessanFiling   *filing,
                    GBytes         *source,
                    gboolean       *duplicate,
                    GError        **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *filing_file = NULL;
  KessanFiling *existing;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (KESSAN_IS_FILING (filing), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (duplicate != NULL)
    *duplicate = FALSE;

  hash = kessan_sha256_hex_bytes (source);
  if (kessan_filing_get_source_hash (filing) == NULL)
    kessan_filing_set_source_hash (filing, hash);
  else if (!g_str_equal (kessan_filing_get_source_hash (filing), hash))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   _("The filing was read from another file (sha256 %s) than the one given (sha256 %s)."),
                   kessan_filing_get_source_hash (filing), hash);
      return NULL;
    }

  existing = g_hash_table_lookup (self->by_hash, hash);
  if (existing != NULL)
    {
      if (duplicate != NULL)
        *duplicate = TRUE;
      return g_object_ref (existing);
    }

  if (!require_local (self, error))
    return NULL;

  filing_file = json_path (self, hash);
  if (g_file_test (filing_file, G_FILE_TEST_EXISTS))
    {
      g_autoptr(KessanFiling) on_disk = NULL;
      g_autoptr(GError) read_error = NULL;
      g_autoptr(GRefString) library_path = g_ref_string_new (self->path);

      /* The folder has this release but the model does not: the library
       * was not loaded, or the file could not be read.  Overwriting it
       * would lose a file the user may still want to rescue. */
      on_disk = read_filing_file (library_path, filing_file, hash, &read_error);
      if (on_disk == NULL)
        {
          g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                       _("The library already has a file for this release, which cannot be read "
                         "and is left as it is: %s: %s"), filing_file, read_error->message);
          return NULL;
        }

      insert_filing (self, on_disk);
      if (duplicate != NULL)
        *duplicate = TRUE;
      return g_steal_pointer (&on_disk);
    }

  if (!write_files (self, filing, source, filing_file, error))
    return NULL;

  insert_filing (self, filing);
  return g_object_ref (filing);
}

/**
 * kessan_library_write_new:
 * @self: a #KessanLibrary
 * @filing: a filing read from @source, not in any library yet
 * @source: the bytes of the release file @filing was read from
 * @error: return location for a #GError, or %NULL
 *
 * The first half of kessan_library_add(), for a thread: saves @source and
 * @filing in the library's folder, each atomically, without adding
 * @filing to the model; kessan_library_add_written() then does that on
 * the main thread.  A file the folder already has for the release is
 * left as it is.  May be called from any thread.
 *
 * Returns: %TRUE when the release's files are in the folder; %FALSE with
 *   @error set as kessan_library_add() sets it
 */
gboolean
kessan_library_write_new (KessanLibrary  *self,
                          KessanFiling   *filing,
                          GBytes         *source,
                          GError        **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *filing_file = NULL;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (KESSAN_IS_FILING (filing), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  hash = kessan_sha256_hex_bytes (source);
  if (kessan_filing_get_source_hash (filing) == NULL)
    kessan_filing_set_source_hash (filing, hash);
  else if (!g_str_equal (kessan_filing_get_source_hash (filing), hash))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
                   _("The filing was read from another file (sha256 %s) than the one given (sha256 %s)."),
                   kessan_filing_get_source_hash (filing), hash);
      return FALSE;
    }
  if (!require_local (self, error))
    return FALSE;

  filing_file = json_path (self, hash);
  if (g_file_test (filing_file, G_FILE_TEST_EXISTS))
    return TRUE;
  return write_files (self, filing, source, filing_file, error);
}

/**
 * kessan_library_add_written:
 * @self: a #KessanLibrary
 * @filing: a filing whose files kessan_library_write_new() saved
 *
 * The second half of kessan_library_add(): adds @filing to the model.
 *
 * Returns: (transfer full): @filing, or the filing of the same release
 *   the library already holds
 */
KessanFiling *
kessan_library_add_written (KessanLibrary *self,
                            KessanFiling  *filing)
{
  KessanFiling *existing;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (KESSAN_IS_FILING (filing), NULL);
  g_return_val_if_fail (kessan_filing_get_source_hash (filing) != NULL, NULL);

  existing = g_hash_table_lookup (self->by_hash, kessan_filing_get_source_hash (filing));
  if (existing != NULL)
    return g_object_ref (existing);
  insert_filing (self, filing);
  return g_object_ref (filing);
}

/**
 * kessan_library_save:
 * @self: a #KessanLibrary
 * @filing: a filing of @self, changed since it was added
 * @error: return location for a #GError, or %NULL
 *
 * Writes @filing's JSON file again, atomically, and moves it to its place
 * in the order if its period or release date changed.
 *
 * Returns: %TRUE on success; %FALSE with @error set (%KESSAN_ERROR_IO)
 *   and the file on disk as it was before
 */
gboolean
kessan_library_save (KessanLibrary  *self,
                     KessanFiling   *filing,
                     GError        **error)
{
  g_autofree char *filing_file = NULL;
  g_autofree char *json = NULL;
  guint position;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (KESSAN_IS_FILING (filing), FALSE);
  g_return_val_if_fail (contains_filing (self, filing), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  filing_file = json_path (self, kessan_filing_get_source_hash (filing));
  json = kessan_filing_to_json (filing, TRUE);
  if (!write_atomically (filing_file, json, strlen (json), error))
    return FALSE;

  if (!g_ptr_array_find (self->items, filing, &position))
    g_assert_not_reached ();

  if ((position == 0 || compare_filings (g_ptr_array_index (self->items, position - 1), filing) <= 0) &&
      (position + 1 == self->items->len || compare_filings (filing, g_ptr_array_index (self->items, position + 1)) <= 0))
    {
      /* Still in order: views redraw the row. */
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  else
    {
      g_autoptr(KessanFiling) hold G_GNUC_UNUSED = g_object_ref (filing);

      remove_filing (self, filing);
      insert_filing (self, filing);
    }

  return TRUE;
}

/**
 * kessan_library_remove:
 * @self: a #KessanLibrary
 * @filing: a filing of @self
 * @error: return location for a #GError, or %NULL
 *
 * Deletes @filing's JSON file and its copy of the original, and removes it
 * from the model.  The model always follows the disk: when the JSON file
 * cannot be deleted the filing stays; when it was deleted but the copy of
 * the original could not be, the filing is gone and the error says which
 * file is left over.
 *
 * Returns: %TRUE when both files are gone; %FALSE with @error set
 *   (%KESSAN_ERROR_IO)
 */
gboolean
kessan_library_remove (KessanLibrary  *self,
                       KessanFiling   *filing,
                       GError        **error)
{
  g_autoptr(KessanFiling) hold = NULL;
  g_autofree char *filing_file = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *sources_dir = NULL;
  int errsv;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (KESSAN_IS_FILING (filing), FALSE);
  g_return_val_if_fail (contains_filing (self, filing), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  hold = g_object_ref (filing);
  hash = g_strdup (kessan_filing_get_source_hash (filing));
  filing_file = json_path (self, hash);

  /* The text is still on disk: the filing takes it along, for an undo
   * that adds it again. */
  kessan_filing_get_text (filing);

  if (g_unlink (filing_file) != 0 && errno != ENOENT)
    {
      errsv = errno;
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   _("Cannot delete “%s”: %s"), filing_file, g_strerror (errsv));
      return FALSE;
    }

  remove_filing (self, filing);

  sources_dir = sources_path (self);
  sources = find_source_files (sources_dir, hash);
  for (guint i = 0; i < sources->len; i++)
    {
      const char *source_file = g_ptr_array_index (sources, i);

      if (g_unlink (source_file) != 0 && errno != ENOENT)
        {
          errsv = errno;
          g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                       _("The filing was removed, but its copy of the original “%s” could not be deleted: %s"),
                       source_file, g_strerror (errsv));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * kessan_library_get_source_file:
 * @self: a #KessanLibrary
 * @filing: a filing of @self
 *
 * Returns: (transfer full) (nullable): the library's copy of the release
 *   file @filing was read from, or %NULL when it is missing
 */
GFile *
kessan_library_get_source_file (KessanLibrary *self,
                                KessanFiling  *filing)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (KESSAN_IS_FILING (filing), NULL);

  path = source_path_of (self->path, filing);
  if (path == NULL)
    return NULL;

  return g_file_new_for_path (path);
}

/**
 * kessan_library_read_source:
 * @self: a #KessanLibrary
 * @filing: a filing of @self
 * @error: return location for a #GError, or %NULL
 *
 * Reads the library's copy of the release file @filing was read from and
 * checks that it is still the same bytes.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 *   (%KESSAN_ERROR_IO) when the copy is missing, unreadable or changed
 */
GBytes *
kessan_library_read_source (KessanLibrary  *self,
                            KessanFiling   *filing,
                            GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (KESSAN_IS_FILING (filing), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = kessan_library_get_source_file (self, filing);
  if (file == NULL)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   _("The library has no copy of the original file “%s”."),
                   kessan_filing_get_source_name (filing) != NULL ? kessan_filing_get_source_name (filing) : "");
      return NULL;
    }

  path = g_file_get_path (file);
  data = read_regular_file (path, &length, &local_error);
  if (data == NULL)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO, "%s: %s", path, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);

  hash = kessan_sha256_hex_bytes (bytes);
  if (!g_str_equal (hash, kessan_filing_get_source_hash (filing)))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   _("%s: The copy of the original file has changed since it was imported."), path);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/**
 * kessan_library_find_by_period:
 * @self: a #KessanLibrary
 * @company: (nullable): the company
 * @fiscal_year: a fiscal year, 0 for none
 * @fiscal_quarter: 1 to 4, or 0 for a full year
 *
 * Returns: (transfer none) (nullable): the first filing of @company for
 *   that fiscal period, or %NULL; always %NULL without a fiscal year
 */
KessanFiling *
kessan_library_find_by_period (KessanLibrary *self,
                               const char    *company,
                               guint          fiscal_year,
                               guint          fiscal_quarter)
{
  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), NULL);

  if (fiscal_year == 0)
    return NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      KessanFiling *filing = g_ptr_array_index (self->items, i);

      if (kessan_filing_get_fiscal_year (filing) == fiscal_year &&
          kessan_filing_get_fiscal_quarter (filing) == fiscal_quarter &&
          g_strcmp0 (kessan_filing_get_company (filing), company) == 0)
        return filing;
    }
  return NULL;
}
