/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "config.h"

#include "kessan-grid-private.h"

#include <math.h>
#include <string.h>

#include "kessan-decoder.h"
#include "kessan-error.h"
#include "kessan-i18n.h"
#include "kessan-input-private.h"
#include "kessan-edgar-private.h"
#include "kessan-ixbrl-private.h"
#include "kessan-package-private.h"
#include "kessan-parser.h"
#include "kessan-pdf.h"

static void
context_free (gpointer data)
{
  KessanGridContext *context = data;

  g_free (context->id);
  g_free (context->entity);
  g_free (context->start);
  g_free (context->end);
  g_strfreev (context->members);
  g_free (context);
}

static void
unit_free (gpointer data)
{
  KessanGridUnit *unit = data;

  g_free (unit->id);
  g_free (unit->currency);
  g_free (unit);
}

static void
grid_fact_clear (gpointer data)
{
  KessanGridFact *fact = data;

  g_clear_pointer (&fact->fact, kessan_fact_free);
}

KessanGrid *
kessan_grid_new (void)
{
  KessanGrid *grid = g_new0 (KessanGrid, 1);

  grid->text = g_string_new (NULL);
  grid->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) kessan_source_part_free);
  grid->places = g_array_new (FALSE, TRUE, sizeof (KessanSourcePlace));
  g_array_set_clear_func (grid->places, (GDestroyNotify) kessan_source_place_clear);
  grid->facts = g_array_new (FALSE, TRUE, sizeof (KessanGridFact));
  g_array_set_clear_func (grid->facts, grid_fact_clear);
  grid->contexts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, context_free);
  grid->units = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, unit_free);
  grid->company = kessan_company_new ();
  return grid;
}

void
kessan_grid_free (KessanGrid *grid)
{
  if (grid == NULL)
    return;

  if (grid->text != NULL)
    g_string_free (grid->text, TRUE);
  g_free (grid->taken);
  g_ptr_array_unref (grid->parts);
  g_array_unref (grid->places);
  g_array_unref (grid->facts);
  g_hash_table_unref (grid->contexts);
  g_hash_table_unref (grid->units);
  g_object_unref (grid->company);
  g_free (grid->released);
  g_free (grid->standard);
  g_free (grid);
}

/**
 * kessan_grid_add_part:
 * @grid: a #KessanGrid
 * @name: (nullable): the part's file name
 * @format: the reader's format name ("text", "pdf", "html"…)
 * @sha256: (nullable): the SHA-256 of its bytes
 *
 * Returns: the part's index, for kessan_grid_add_line()
 */
guint
kessan_grid_add_part (KessanGrid *grid,
                      const char *name,
                      const char *format,
                      const char *sha256)
{
  g_ptr_array_add (grid->parts, kessan_source_part_new (name, format, sha256));
  return grid->parts->len - 1;
}

/* A run of lines from one part and no element grows; anything else
 * starts a run of its own. */
static void
note_place (KessanGrid *grid,
            guint       line,
            guint       part,
            const char *element)
{
  KessanSourcePlace place = { line, line, part, g_strdup (element) };

  if (element == NULL && grid->places->len > 0)
    {
      KessanSourcePlace *last = &g_array_index (grid->places, KessanSourcePlace, grid->places->len - 1);

      if (last->part == part && last->element == NULL && last->last_line + 1 == line)
        {
          last->last_line = line;
          return;
        }
    }
  g_array_append_val (grid->places, place);
}

/**
 * kessan_grid_add_line:
 * @grid: a #KessanGrid
 * @text: a line of text, without its line end; a line end inside it
 *   is taken as a space
 * @part: the part it came from
 * @element: (nullable): the element of a marked-up part it came from
 *
 * Returns: the line's number (1-based)
 */
guint
kessan_grid_add_line (KessanGrid *grid,
                      const char *text,
                      guint       part,
                      const char *element)
{
  gsize start;

  g_return_val_if_fail (grid->taken == NULL, 0);

  start = grid->text->len;
  g_string_append (grid->text, text);
  for (gsize i = start; i < grid->text->len; i++)
    if (grid->text->str[i] == '\n' || grid->text->str[i] == '\r' || grid->text->str[i] == '\f')
      grid->text->str[i] = ' ';
  g_string_append_c (grid->text, '\n');
  grid->n_lines++;
  note_place (grid, grid->n_lines, part, element);
  return grid->n_lines;
}

/**
 * kessan_grid_add_row:
 * @grid: a #KessanGrid
 * @cells: (array length=n_cells): the row's cells, the label first
 * @n_cells: how many
 * @part: the part it came from
 * @element: (nullable): the element it came from
 *
 * Adds a table row as one line, its cells separated by tabs; a tab
 * inside a cell is taken as a space.
 *
 * Returns: the line's number (1-based)
 */
guint
kessan_grid_add_row (KessanGrid         *grid,
                     const char * const *cells,
                     guint               n_cells,
                     guint               part,
                     const char         *element)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n_cells; i++)
    {
      gsize start = line->len;

      if (i > 0)
        g_string_append_c (line, '\t');
      start = line->len;
      g_string_append (line, cells[i] != NULL ? cells[i] : "");
      for (gsize j = start; j < line->len; j++)
        if (line->str[j] == '\t')
          line->str[j] = ' ';
    }
  return kessan_grid_add_line (grid, line->str, part, element);
}

/**
 * kessan_grid_take_text:
 * @grid: an empty #KessanGrid
 * @text: (transfer full): the whole text of one part, LF line ends
 * @part: the part it is
 *
 * Gives a grid the text of a release read as text, without copying it.
 */
void
kessan_grid_take_text (KessanGrid *grid,
                       char       *text,
                       guint       part)
{
  g_return_if_fail (grid->text->len == 0 && grid->taken == NULL);

  grid->taken = text;
  (void) part;
}

/**
 * kessan_grid_steal_text:
 * @grid: a #KessanGrid
 *
 * Returns: (transfer full): the grid's text; the grid has none after
 */
char *
kessan_grid_steal_text (KessanGrid *grid)
{
  if (grid->taken != NULL)
    return g_steal_pointer (&grid->taken);
  return g_string_free (g_steal_pointer (&grid->text), FALSE);
}

/**
 * kessan_grid_add_fact:
 * @grid: a #KessanGrid
 * @line: the line the fact is printed on
 * @cell: its tab field there, 0 for the label
 * @fact: (transfer full): the fact
 * @value: its value as tagged, scale and sign applied
 */
void
kessan_grid_add_fact (KessanGrid *grid,
                      guint       line,
                      guint       cell,
                      KessanFact *fact,
                      double      value)
{
  KessanGridFact entry = { line, cell, fact, value };

  g_array_append_val (grid->facts, entry);
}

/* The grid takes @context, and keeps the first of an id. */
void
kessan_grid_add_context (KessanGrid        *grid,
                         KessanGridContext *context)
{
  if (context->id == NULL || g_hash_table_contains (grid->contexts, context->id))
    {
      context_free (context);
      return;
    }
  g_hash_table_insert (grid->contexts, context->id, context);
}

void
kessan_grid_add_unit (KessanGrid     *grid,
                      KessanGridUnit *unit)
{
  if (unit->id == NULL || g_hash_table_contains (grid->units, unit->id))
    {
      unit_free (unit);
      return;
    }
  g_hash_table_insert (grid->units, unit->id, unit);
}

const KessanGridContext *
kessan_grid_get_context (KessanGrid *grid,
                         const char *id)
{
  return id != NULL ? g_hash_table_lookup (grid->contexts, id) : NULL;
}

const KessanGridUnit *
kessan_grid_get_unit (KessanGrid *grid,
                      const char *id)
{
  return id != NULL ? g_hash_table_lookup (grid->units, id) : NULL;
}

/**
 * kessan_grid_read:
 * @contents: the bytes of a release
 * @display_name: its name, for the messages
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Reads a release with the reader of its format, told by its contents,
 * not by its name.  Every refusal names the file.
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
KessanGrid *
kessan_grid_read (GBytes      *contents,
                  const char  *display_name,
                  GError     **error)
{
  const guint8 *data;
  gsize length;

  data = g_bytes_get_data (contents, &length);
  if (length > KESSAN_MAX_INPUT_SIZE)
    {
      kessan_input_set_too_large (error, display_name, length);
      return NULL;
    }
  /* A TDnet or EDINET package is a zip, which is otherwise refused. */
  if (kessan_package_reader_sniff (data, length))
    return kessan_package_reader_read (contents, display_name, error);
  if (!kessan_input_check_kind (data, length, display_name, error))
    return NULL;

  if (kessan_pdf_is_pdf (data, length))
    return kessan_pdf_reader_read (contents, display_name, error);
  if (kessan_edgar_reader_sniff ((const char *) data, length))
    return kessan_edgar_reader_read (contents, display_name, error);
  if (kessan_ixbrl_reader_sniff ((const char *) data, length))
    return kessan_ixbrl_reader_read (contents, display_name, error);
  if (kessan_xbrl_reader_sniff ((const char *) data, length))
    return kessan_xbrl_reader_read (contents, display_name, error);
  if (kessan_html_reader_sniff ((const char *) data, length))
    return kessan_html_reader_read (contents, display_name, error);
  return kessan_text_reader_read (contents, display_name, error);
}

/**
 * kessan_grid_apply_places:
 * @grid: the grid @filing was read from
 * @filing: the filing
 *
 * Records in @filing the parts of a release of more than one part, and
 * where each line came from when that is more than one part's text.
 */
void
kessan_grid_apply_places (KessanGrid   *grid,
                          KessanFiling *filing)
{
  gboolean one_run = grid->places->len <= 1
                     && (grid->places->len == 0
                         || g_array_index (grid->places, KessanSourcePlace, 0).element == NULL);

  if (grid->parts->len <= 1 && one_run)
    return;

  for (guint i = 0; i < grid->parts->len; i++)
    {
      const KessanSourcePart *part = g_ptr_array_index (grid->parts, i);

      kessan_filing_add_part (filing, part->name, part->format, part->sha256);
    }
  for (guint i = 0; i < grid->places->len; i++)
    {
      const KessanSourcePlace *place = &g_array_index (grid->places, KessanSourcePlace, i);

      kessan_filing_add_place (filing, place->first_line, place->last_line, place->part, place->element);
    }
}

/* The facts printed on @line, as a range of @facts (sorted by line). */
static guint
first_fact_of_line (GArray *facts,
                    guint   line)
{
  guint lo = 0, hi = facts->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (facts, KessanGridFact, mid).line < line)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
compare_facts (gconstpointer a,
               gconstpointer b)
{
  const KessanGridFact *fa = a, *fb = b;

  if (fa->line != fb->line)
    return fa->line < fb->line ? -1 : 1;
  return fa->cell < fb->cell ? -1 : fa->cell > fb->cell;
}

/**
 * kessan_grid_apply_facts:
 * @grid: the grid @filing was read from
 * @filing: the filing
 *
 * Gives each value of @filing read from a tagged cell its fact: the
 * value on the same line whose printed magnitude, in the fact's scale,
 * is the fact's, taken in the order the cells are printed.
 */
void
kessan_grid_apply_facts (KessanGrid   *grid,
                         KessanFiling *filing)
{
  if (grid->facts->len == 0)
    return;

  g_array_sort (grid->facts, compare_facts);
  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);
      guint n_columns = kessan_statement_get_n_columns (statement);

      for (guint r = 0; r < kessan_statement_get_n_rows (statement); r++)
        {
          KessanLineItem *row = kessan_statement_get_row (statement, r);
          guint used = 0;

          for (guint c = 0; c < n_columns; c++)
            {
              guint line = kessan_line_item_get_value_line (row, c);
              double printed;

              if (!kessan_line_item_has_value (row, c) || line == 0)
                continue;
              printed = fabs (kessan_line_item_get_value (row, c));
              for (guint f = first_fact_of_line (grid->facts, line);
                   f < grid->facts->len && g_array_index (grid->facts, KessanGridFact, f).line == line; f++)
                {
                  KessanGridFact *entry = &g_array_index (grid->facts, KessanGridFact, f);
                  double tagged = fabs (entry->value) / pow (10.0, entry->fact->scale);

                  if (entry->cell < used || fabs (tagged - printed) > 1e-9 * MAX (1.0, printed))
                    continue;
                  kessan_line_item_set_fact (row, c, entry->fact);
                  used = entry->cell + 1;
                  break;
                }
            }
        }
    }
}
