/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"
/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include "kessan-package-private.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "kessan-decoder.h"
#include "kessan-error.h"
#include "kessan-input-private.h"
#include "kessan-ixbrl-private.h"
#include "kessan-parser.h"
#include "kessan-sha256-private.h"

/* The reader of a TDnet or EDINET package: a zip whose inline XBRL
 * documents (TDnet's XBRLData/Summary and XBRLData/Attachment, EDINET's
 * XBRL/PublicDoc) are read as one release, the summary first, each part
 * in the order of its name.  Nothing is written to disk: entries are
 * read into memory, within limits of their own — the number of entries,
 * the bytes read in all (the input size limit), and how far they may
 * expand beyond the package's own size.  An entry whose name leaves the
 * package (an absolute path, "..") is not read. */

#define MAX_ENTRIES 10000
/* Compressed markup expands some tenfold; a hundredfold past the first
 * megabytes is a bomb. */
#define MAX_RATIO 100
#define RATIO_FREE_BYTES ((gsize) 4 * 1024 * 1024)

typedef struct
{
  char   *name;
  GBytes *bytes;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
  g_clear_pointer (&entry->bytes, g_bytes_unref);
}

gboolean
kessan_package_reader_sniff (const guint8 *data,
                             gsize         length)
{
  return length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0
         && (memmem (data, length, "ixbrl.htm", 9) != NULL || memmem (data, length, ".xbrl", 5) != NULL);
}

/* Whether a name stays inside the package. */
static gboolean
name_is_safe (const char *name)
{
  g_auto(GStrv) steps = NULL;

  if (name[0] == '/' || name[0] == '\\' || strchr (name, ':') != NULL)
    return FALSE;
  steps = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; steps[i] != NULL; i++)
    if (g_str_equal (steps[i], ".."))
      return FALSE;
  return TRUE;
}

/* The rank of a document in the release: summary, attachments, EDINET's
 * documents, then XBRL instances (RANK_INSTANCE); -1 for a file that is
 * not one.  The audit report's instance (EDINET's AuditDoc) is no part
 * of the release. */
#define RANK_INSTANCE 3

static int
rank_of (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_str_has_suffix (lower, ".xbrl") && strstr (lower, "auditdoc/") == NULL)
    return RANK_INSTANCE;
  if (!g_str_has_suffix (lower, "ixbrl.htm") && !g_str_has_suffix (lower, "ixbrl.html")
      && !g_str_has_suffix (lower, "ixbrl.xhtml"))
    return -1;
  if (strstr (lower, "summary/") != NULL)
    return 0;
  if (strstr (lower, "attachment/") != NULL)
    return 1;
  return 2;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a, *eb = b;
  int ra = rank_of (ea->name), rb = rank_of (eb->name);

  if (ra != rb)
    return ra - rb;
  return strcmp (ea->name, eb->name);
}

static gboolean
refuse (GError    **error,
        const char *display_name,
        const char *reason)
{
  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_ARCHIVE,
               /* TRANSLATORS: a file's name, then why it cannot be read. */
               _("“%s” is a package that cannot be read: %s"), display_name, reason);
  return FALSE;
}

static gboolean
read_entries (GBytes      *contents,
              const char  *display_name,
              GArray      *entries,
              GError     **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *header;
  gsize length, total = 0;
  const guint8 *data = g_bytes_get_data (contents, &length);
  gsize limit = MIN ((gsize) KESSAN_MAX_INPUT_SIZE, MAX (RATIO_FREE_BYTES, length * MAX_RATIO));
  guint n_entries = 0;
  gboolean ok = TRUE;
  int status;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, length) != ARCHIVE_OK)
    {
      ok = refuse (error, display_name, archive_error_string (archive) ? archive_error_string (archive) : "");
      goto out;
    }

  while ((status = archive_read_next_header (archive, &header)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (header);
      g_autoptr(GByteArray) body = NULL;
      Entry entry;

      if (name == NULL)
        name = archive_entry_pathname (header);
      if (++n_entries > MAX_ENTRIES)
        {
          g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_ARCHIVE,
                       _("“%s” holds more than %u files; packages are limited to %u."),
                       display_name, MAX_ENTRIES, MAX_ENTRIES);
          ok = FALSE;
          goto out;
        }
      if (name == NULL || archive_entry_filetype (header) != AE_IFREG || !name_is_safe (name)
          || rank_of (name) < 0)
        {
          archive_read_data_skip (archive);
          continue;
        }

      body = g_byte_array_new ();
      for (;;)
        {
          guint8 buffer[65536];
          la_ssize_t n = archive_read_data (archive, buffer, sizeof buffer);

          if (n < 0)
            {
              ok = refuse (error, display_name, archive_error_string (archive) ? archive_error_string (archive) : "");
              goto out;
            }
          if (n == 0)
            break;
          total += (gsize) n;
          if (total > limit)
            {
              if (limit < KESSAN_MAX_INPUT_SIZE)
                g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_ARCHIVE,
                             _("“%s” expands to more than %u times its size; it is not read."),
                             display_name, MAX_RATIO);
              else
                kessan_input_set_too_large (error, display_name, total);
              ok = FALSE;
              goto out;
            }
          g_byte_array_append (body, buffer, (guint) n);
        }
      entry.name = g_strdup (name);
      entry.bytes = g_byte_array_free_to_bytes (g_steal_pointer (&body));
      g_array_append_val (entries, entry);
    }
  if (status != ARCHIVE_EOF)
    ok = refuse (error, display_name, archive_error_string (archive) ? archive_error_string (archive) : "");

out:
  archive_read_free (archive);
  return ok;
}

/**
 * kessan_package_reader_read_entries:
 * @entries: (element-type Entry): the documents, named
 * @display_name: the release's name
 * @error: return location for a #GError
 *
 * Returns: (transfer full): a grid of the documents read in order
 */
static KessanGrid *
read_documents (GArray      *entries,
                const char  *display_name,
                GError     **error)
{
  g_autoptr(KessanGrid) grid = kessan_grid_new ();
  gboolean inline_documents;

  if (entries->len == 0)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_NOT_RELEASE,
                   _("“%s” holds no inline XBRL document (XBRLData/Summary, XBRLData/Attachment or XBRL/PublicDoc). Choose a TDnet or EDINET package."),
                   display_name);
      return NULL;
    }
  g_array_sort (entries, compare_entries);
  /* An instance states the facts the inline documents tag (EDINET
   * packages hold both): it is read only where there are none, so no
   * fact is counted twice. */
  inline_documents = rank_of (g_array_index (entries, Entry, 0).name) < RANK_INSTANCE;
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      gboolean instance = rank_of (entry->name) == RANK_INSTANCE;
      g_autoptr(GError) decode_error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *hash = NULL;
      g_autofree char *base = g_path_get_basename (entry->name);
      KessanEncoding encoding;
      gsize length;
      const guint8 *data = g_bytes_get_data (entry->bytes, &length);

      if (instance && (inline_documents || !kessan_xbrl_reader_sniff ((const char *) data, length)))
        continue;
      text = kessan_decode_markup (data, length, &encoding, FALSE, &decode_error);
      if (text == NULL)
        {
          kessan_input_name_error (decode_error, base, error);
          return NULL;
        }
      if (grid->encoding == NULL)
        grid->encoding = kessan_encoding_to_string (encoding);
      hash = kessan_sha256_hex_bytes (entry->bytes);
      if (instance ? !kessan_xbrl_reader_add (grid, text, strlen (text), entry->name, hash, base, error)
                   : !kessan_ixbrl_reader_add (grid, text, strlen (text), entry->name, hash, base, error))
        return NULL;
    }
  if (grid->parts->len == 0)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_NOT_RELEASE,
                   _("“%s” holds no inline XBRL document (XBRLData/Summary, XBRLData/Attachment or XBRL/PublicDoc). Choose a TDnet or EDINET package."),
                   display_name);
      return NULL;
    }
  return g_steal_pointer (&grid);
}

/**
 * kessan_package_reader_read:
 * @contents: the bytes of a zip package
 * @display_name: its name, for the messages
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
KessanGrid *
kessan_package_reader_read (GBytes      *contents,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));

  g_array_set_clear_func (entries, entry_clear);
  if (!read_entries (contents, display_name, entries, error))
    return NULL;
  return read_documents (entries, display_name, error);
}

/**
 * kessan_package_reader_read_files:
 * @files: (element-type GFile): inline XBRL documents of one release,
 *   or the folder of a package
 * @display_name: the release's name, for the messages
 * @error: return location for a #GError
 *
 * Reads the documents of a package unpacked in a folder, or chosen one
 * by one, as the package itself is read: the same order, the same
 * filing.
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
KessanGrid *
kessan_package_reader_read_files (GPtrArray   *files,
                                  const char  *display_name,
                                  GError     **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GPtrArray) queue = g_ptr_array_new_with_free_func (g_object_unref);
  gsize total = 0;

  g_array_set_clear_func (entries, entry_clear);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (queue, g_object_ref (g_ptr_array_index (files, i)));

  for (guint i = 0; i < queue->len; i++)
    {
      GFile *file = g_ptr_array_index (queue, i);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                     G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      g_autofree char *path = NULL;
      Entry entry;

      if (queue->len > MAX_ENTRIES)
        {
          g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_ARCHIVE,
                       _("“%s” holds more than %u files; packages are limited to %u."),
                       display_name, MAX_ENTRIES, MAX_ENTRIES);
          return NULL;
        }
      if (info == NULL)
        continue;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                           G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                           NULL, NULL);
          GFileInfo *child;

          while (children != NULL && (child = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
            {
              g_ptr_array_add (queue, g_file_get_child (file, g_file_info_get_name (child)));
              g_object_unref (child);
            }
          continue;
        }
      path = g_file_get_path (file);
      if (path == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || rank_of (path) < 0)
        continue;
      entry.bytes = kessan_load_release_bytes (file, error);
      if (entry.bytes == NULL)
        return NULL;
      total += g_bytes_get_size (entry.bytes);
      if (total > KESSAN_MAX_INPUT_SIZE)
        {
          g_bytes_unref (entry.bytes);
          kessan_input_set_too_large (error, display_name, total);
          return NULL;
        }
      entry.name = g_steal_pointer (&path);
      g_array_append_val (entries, entry);
    }
  return read_documents (entries, display_name, error);
}
