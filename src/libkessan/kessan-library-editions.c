/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "kessan-error.h"
#include "kessan-export-members-private.h"
#include "kessan-format.h"
#include "kessan-library.h"

/* The editions of one release: a company publishes its results as a
 * printed document (text, PDF, HTML) and as inline XBRL, and both are
 * the same release. The library keeps them as one filing, the first
 * edition added, with the other edition's file among its source parts
 * and one finding per cell where the two print different numbers
 * (docs/library.md, "Editions"). */

/* Whether a filing was read from tagged facts. */
static gboolean
is_structured (KessanFiling *filing)
{
  /* A release of one file has no parts of its own: the file is it. */
  if (kessan_filing_get_n_parts (filing) == 0)
    return g_strcmp0 (kessan_export_part_format (filing), "ixbrl") == 0;
  for (guint i = 0; i < kessan_filing_get_n_parts (filing); i++)
    if (g_strcmp0 (kessan_filing_get_part (filing, i)->format, "ixbrl") == 0)
      return TRUE;
  return FALSE;
}

/**
 * kessan_library_is_other_edition:
 * @release: a filing of the library
 * @filing: a filing of the same company and fiscal period
 *
 * Returns: whether @filing is the other edition of @release: one was
 *   read from inline XBRL and the other from a printed document
 */
gboolean
kessan_library_is_other_edition (KessanFiling *release,
                                 KessanFiling *filing)
{
  g_return_val_if_fail (KESSAN_IS_FILING (release), FALSE);
  g_return_val_if_fail (KESSAN_IS_FILING (filing), FALSE);

  return is_structured (release) != is_structured (filing);
}

/* Whether @release already holds the file of @hash as an edition. */
static gboolean
has_part (KessanFiling *release,
          const char   *hash)
{
  for (guint i = 0; i < kessan_filing_get_n_parts (release); i++)
    if (g_strcmp0 (kessan_filing_get_part (release, i)->sha256, hash) == 0)
      return TRUE;
  return FALSE;
}

static KessanColumn *
matching_column (KessanStatement *statement,
                 KessanColumn    *column,
                 guint           *index)
{
  for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
    {
      KessanColumn *other = kessan_statement_get_column (statement, c);

      if (g_strcmp0 (kessan_column_get_period_end (other), kessan_column_get_period_end (column)) == 0
          && kessan_column_get_months (other) == kessan_column_get_months (column)
          && kessan_column_get_measure (other) == kessan_column_get_measure (column)
          && kessan_column_get_currency (other) == kessan_column_get_currency (column))
        {
          *index = c;
          return other;
        }
    }
  return NULL;
}

/* The row of @statement that stands for @their_row: the same concept,
 * or, as the readers of a printed table and of tagged facts may give one
 * line different concepts, the same printed label. */
static KessanLineItem *
matching_row (KessanStatement *statement,
              KessanLineItem  *their_row)
{
  const char *concept = kessan_line_item_get_concept (their_row);
  const char *label = kessan_line_item_get_label (their_row);
  KessanLineItem *by_label = NULL;

  for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);

      if (concept != NULL && g_strcmp0 (kessan_line_item_get_concept (row), concept) == 0)
        return row;
      if (by_label == NULL && label != NULL && g_strcmp0 (kessan_line_item_get_label (row), label) == 0)
        by_label = row;
    }
  return by_label;
}

/* A finding of a cell the two editions print differently, naming both
 * numbers and both files. */
static void
add_disagreement (KessanFiling    *release,
                  KessanStatement *statement,
                  KessanLineItem  *row,
                  guint            column,
                  double           ours,
                  double           theirs,
                  guint            decimals,
                  const char      *theirs_name)
{
  KessanNegativeStyle style = kessan_format_message_negative_style ();
  g_autofree char *a = kessan_format_number (ours, decimals, style);
  g_autofree char *b = kessan_format_number (theirs, decimals, style);
  KessanColumn *col = kessan_statement_get_column (statement, column);
  const char *end = kessan_column_get_period_end (col);
  const char *label = kessan_line_item_get_label (row);
  g_autofree char *message = NULL;
  g_autoptr(KessanFinding) finding = NULL;

  /* TRANSLATORS: a row label, a period end, then a number and the file
   * it is printed in, twice: the two editions of one release disagree */
  message = g_strdup_printf (_("“%s” for the period ended %s is %s in “%s” and %s in “%s”."),
                             label, end != NULL ? end : "?", a, kessan_filing_get_source_name (release),
                             b, theirs_name);
  finding = kessan_finding_new ("editions", KESSAN_SEVERITY_WARNING, kessan_statement_get_id (statement), message);
  kessan_finding_add_row (finding, kessan_line_item_get_concept (row));
  kessan_finding_add_column (finding, column);
  kessan_finding_add_line (finding, kessan_line_item_get_value_line (row, column));
  kessan_filing_add_finding (release, finding);
}

/**
 * kessan_library_compare_editions:
 * @release: a filing
 * @edition: the other edition of the same release
 *
 * Compares every number of @edition with the number @release prints
 * for the same concept, in a statement of the same kind, for the same
 * period, measure and currency, with the column's scale taken in:
 * within half the coarser scale's unit, a rounding, they agree. Adds a
 * warning finding ("editions") to @release for each that does not.
 *
 * Returns: the number of cells that disagree
 */
guint
kessan_library_compare_editions (KessanFiling *release,
                                 KessanFiling *edition)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  g_return_val_if_fail (KESSAN_IS_FILING (release), 0);
  g_return_val_if_fail (KESSAN_IS_FILING (edition), 0);

  for (guint s = 0; s < kessan_filing_get_n_statements (edition); s++)
    {
      KessanStatement *theirs = kessan_filing_get_statement (edition, s);

      for (guint t = 0; t < kessan_filing_get_n_statements (release); t++)
        {
          KessanStatement *ours = kessan_filing_get_statement (release, t);

          if (kessan_statement_get_kind (ours) != kessan_statement_get_kind (theirs))
            continue;
          for (guint r = 0; r < kessan_statement_get_n_rows (theirs); r++)
            {
              KessanLineItem *their_row = kessan_statement_get_row (theirs, r);
              KessanLineItem *our_row = matching_row (ours, their_row);

              if (our_row == NULL)
                continue;
              for (guint c = 0; c < kessan_statement_get_n_columns (theirs); c++)
                {
                  KessanColumn *their_column = kessan_statement_get_column (theirs, c);
                  KessanColumn *our_column;
                  g_autofree char *key = NULL;
                  double a, b, tolerance;
                  guint oc;

                  if (!kessan_line_item_has_value (their_row, c)
                      || (our_column = matching_column (ours, their_column, &oc)) == NULL
                      || !kessan_line_item_has_value (our_row, oc))
                    continue;
                  /* One comparison per concept and period, whichever
                   * tables print it. */
                  key = g_strdup_printf ("%s|%s|%s|%u|%d", kessan_line_item_get_concept (our_row),
                                         kessan_line_item_get_label (our_row), kessan_column_get_period_end (their_column),
                                         kessan_column_get_months (their_column), kessan_column_get_measure (their_column));
                  if (g_hash_table_contains (seen, key))
                    continue;
                  g_hash_table_add (seen, g_steal_pointer (&key));

                  a = kessan_line_item_get_value (our_row, oc) * kessan_column_get_scale (our_column);
                  b = kessan_line_item_get_value (their_row, c) * kessan_column_get_scale (their_column);
                  tolerance = 0.5 * MAX (kessan_column_get_scale (our_column), kessan_column_get_scale (their_column))
                              + 1e-9 * fabs (a);
                  if (fabs (a - b) <= tolerance)
                    continue;
                  add_disagreement (release, ours, our_row, oc, kessan_line_item_get_value (our_row, oc),
                                    b / kessan_column_get_scale (our_column),
                                    kessan_line_item_get_decimals (our_row, oc),
                                    kessan_filing_get_source_name (edition));
                  n++;
                }
            }
        }
    }
  return n;
}

/**
 * kessan_library_add_edition:
 * @self: a #KessanLibrary
 * @release: a filing of @self
 * @edition: the other edition of the same release
 *   (kessan_library_is_other_edition())
 * @source: the bytes @edition was read from
 * @error: return location for a #GError, or %NULL
 *
 * Makes @edition part of @release: a copy of its file is kept in the
 * library beside @release's, its file joins @release's source parts, and
 * each number the two print differently is a finding of @release. The
 * library entry stays one: @release, written again.
 *
 * Returns: %TRUE on success (and when @release already holds that file);
 *   %FALSE with @error set and @release's file as it was
 */
gboolean
kessan_library_add_edition (KessanLibrary  *self,
                            KessanFiling   *release,
                            KessanFiling   *edition,
                            GBytes         *source,
                            GError        **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *dir = NULL;
  GFile *library_dir;
  g_autoptr(GError) local_error = NULL;
  const char *format;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (KESSAN_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (KESSAN_IS_FILING (release), FALSE);
  g_return_val_if_fail (KESSAN_IS_FILING (edition), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, source);
  if (has_part (release, hash))
    return TRUE;

  /* The copy is named by the release's hash, so that it goes with the
   * release's own copy, and the edition's, so that two never meet. */
  library_dir = kessan_library_get_directory (self);
  dir = g_file_get_path (library_dir);
  if (dir == NULL)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO, _("The library folder is not a local folder."));
      return FALSE;
    }
  {
    g_autofree char *base = g_path_get_basename (kessan_filing_get_source_name (edition) != NULL
                                                 ? kessan_filing_get_source_name (edition) : "edition");

    g_strdelimit (base, "/\\", '_');
    name = g_strdup_printf ("%s-%.12s-%s", kessan_filing_get_source_hash (release), hash, base);
  }
  copy = g_build_filename (dir, "sources", name, NULL);
  data = g_bytes_get_data (source, &length);
  if (!g_file_set_contents_full (copy, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600, &local_error))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO, _("Cannot save to the library folder “%s”: %s"),
                   dir, local_error->message);
      return FALSE;
    }

  format = kessan_filing_get_n_parts (edition) > 0 ? kessan_filing_get_part (edition, 0)->format
                                                   : kessan_export_part_format (edition);
  /* The release's own file is named as its first part, which a release
   * of one file leaves unsaid. */
  if (kessan_filing_get_n_parts (release) == 0)
    kessan_filing_add_part (release, kessan_filing_get_source_name (release), kessan_export_part_format (release),
                            kessan_filing_get_source_hash (release));
  kessan_filing_add_part (release, kessan_filing_get_source_name (edition), format, hash);
  kessan_library_compare_editions (release, edition);
  if (!kessan_library_save (self, release, error))
    {
      g_unlink (copy);
      return FALSE;
    }
  return TRUE;
}
