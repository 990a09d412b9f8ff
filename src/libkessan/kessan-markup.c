/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "config.h"

#include "kessan-markup-private.h"

#include <math.h>
#include <string.h>

#include "kessan-decoder.h"
#include "kessan-error.h"
#include "kessan-input-private.h"
#include "kessan-sha256-private.h"
#include <glib/gi18n-lib.h>

/* A parsed document becomes lines as a reader sees the page: the text
 * of each block (a paragraph, a heading, a line break) one line, and
 * each table row one line of tab-separated cells.  The walk follows the
 * tree's own links, never recursion, so no depth costs stack. */

#define MAX_SPAN 256
/* Points of indent a space of a text release stands for. */
#define INDENT_POINTS 5.0


typedef struct
{
  KessanGrid              *grid;
  const KessanMarkupHooks *hooks;
  guint                    part;
  GString                 *line;
  char                    *line_element;
  const char              *display_name;
  GHashTable              *positions;   /* xmlNode → Position */
  KessanFactTable         *facts;       /* a table built from facts, not
                                         * yet written: the next one may
                                         * go on with its periods */
} Walk;

gboolean
kessan_markup_name_is (xmlNode    *node,
                       const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (xmlNode            *node,
         const char * const *names)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_block (xmlNode *node)
{
  static const char * const blocks[] = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "tr", "td", "th", "table", "caption", "dl", "dt", "dd", "pre", "blockquote", "section",
    "article", "header", "footer", "center", "hr", "address", "form", "body",
    "nav", "aside", "main", "figure", "figcaption", "title", NULL,
  };
  return name_in (node, blocks);
}

/**
 * kessan_markup_is_hidden:
 * @node: an element
 *
 * Whether a browser would not show @node: scripts, styles, the head, and
 * elements styled display:none or marked hidden.
 */
gboolean
kessan_markup_is_hidden (xmlNode *node)
{
  static const char * const unseen[] = { "script", "style", "head", "noscript", "template", NULL };
  g_autofree char *style = NULL;
  xmlChar *value;

  if (node->type != XML_ELEMENT_NODE)
    return node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE;
  if (name_in (node, unseen) || xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;
  value = xmlGetProp (node, (const xmlChar *) "style");
  if (value == NULL)
    return FALSE;
  style = g_ascii_strdown ((const char *) value, -1);
  xmlFree (value);
  /* "display : none" as well as "display:none". */
  {
    char *out = style;
    for (const char *p = style; *p; p++)
      if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
        *out++ = *p;
    *out = '\0';
  }
  return strstr (style, "display:none") != NULL;
}

/* Where each element stands among its siblings of the same name, worked
 * out once per parent: a table of a hundred thousand rows names each row
 * without counting its siblings again. */
typedef struct
{
  guint position;
  guint count;
} Position;

static const Position *
position_of (GHashTable *positions,
             xmlNode    *node)
{
  Position *found = g_hash_table_lookup (positions, node);
  g_autoptr(GHashTable) counts = NULL;

  if (found != NULL)
    return found;
  if (node->parent == NULL)
    {
      found = g_new (Position, 1);
      *found = (Position) { 1, 1 };
      g_hash_table_insert (positions, node, found);
      return found;
    }
  counts = g_hash_table_new (g_str_hash, g_str_equal);
  for (xmlNode *s = node->parent->children; s != NULL; s = s->next)
    if (s->type == XML_ELEMENT_NODE)
      {
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, s->name)) + 1;
        Position *position = g_new (Position, 1);

        g_hash_table_insert (counts, (gpointer) s->name, GUINT_TO_POINTER (count));
        *position = (Position) { count, 0 };
        g_hash_table_replace (positions, s, position);
      }
  for (xmlNode *s = node->parent->children; s != NULL; s = s->next)
    if (s->type == XML_ELEMENT_NODE)
      ((Position *) g_hash_table_lookup (positions, s))->count
        = GPOINTER_TO_UINT (g_hash_table_lookup (counts, s->name));
  return g_hash_table_lookup (positions, node);
}

/* Where @node is, as "/html/body/table[3]/tr[5]": local names, and a
 * position among the siblings of the same name when there are several. */
static char *
element_path (GHashTable *positions,
              xmlNode    *node)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  GString *path = g_string_new (NULL);

  for (xmlNode *n = node; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
    {
      const Position *position = position_of (positions, n);

      if (position->count > 1)
        g_ptr_array_add (steps, g_strdup_printf ("%s[%u]", (const char *) n->name, position->position));
      else
        g_ptr_array_add (steps, g_strdup ((const char *) n->name));
      /* A path is short; a document nested thousands deep names its
       * elements by their last hundred steps. */
      if (steps->len >= 100)
        break;
    }
  for (guint i = steps->len; i-- > 0;)
    {
      g_string_append_c (path, '/');
      g_string_append (path, g_ptr_array_index (steps, i));
    }
  return g_string_free (path, FALSE);
}

/* Text as a browser shows it: runs of white space one space; a
 * no-break space is a space; a zero-width space nothing. */
static void
append_text (GString    *out,
             const char *text)
{
  for (const char *p = text; *p;)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      /* Zero-width spaces and joiners, which filing tools put in empty
       * cells, print nothing. */
      if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x3000)
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
      p = g_utf8_next_char (p);
    }
}

static gboolean
skipped (const Walk *walk,
         xmlNode    *node)
{
  return kessan_markup_is_hidden (node)
         || (node->type == XML_ELEMENT_NODE && walk->hooks != NULL && walk->hooks->skip != NULL
             && walk->hooks->skip (node, walk->hooks->user_data));
}

/* The next node of a walk of @top's subtree after @node, not entering
 * @node's children when @descend is FALSE; @left_block tells whether
 * the step left a block element (or passed a childless one). */
static xmlNode *
next_node_full (xmlNode  *node,
                xmlNode  *top,
                gboolean  descend,
                guint    *depth,
                gboolean *left_block)
{
  if (descend && node->children != NULL)
    {
      (*depth)++;
      return node->children;
    }
  while (node != top)
    {
      if (left_block != NULL && is_block (node))
        *left_block = TRUE;
      if (node->next != NULL)
        return node->next;
      node = node->parent;
      (*depth)--;
    }
  return NULL;
}

static xmlNode *
next_node (xmlNode  *node,
           xmlNode  *top,
           gboolean  descend,
           guint    *depth)
{
  return next_node_full (node, top, descend, depth, NULL);
}

static gboolean
too_deep (const Walk *walk,
          guint       depth,
          GError    **error)
{
  if (depth <= KESSAN_MARKUP_MAX_DEPTH)
    return FALSE;
  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_MARKUP,
               _("“%s” nests its elements more than %u levels deep; no release does. It cannot be read."),
               walk->display_name, KESSAN_MARKUP_MAX_DEPTH);
  return TRUE;
}

void
kessan_markup_pending_fact_free (gpointer data)
{
  KessanMarkupFact *pending = data;

  kessan_fact_free (pending->fact);
  g_free (pending->text);
  g_free (pending);
}

/* A CSS length in points ("7.75pt", "10px", "1em"), 0 for what is not
 * one. */
static double
css_points (const char *value)
{
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);

  if (end == value || !isfinite (number))
    return 0;
  if (g_str_has_prefix (end, "pt"))
    return number;
  if (g_str_has_prefix (end, "px"))
    return number * 0.75;
  if (g_str_has_prefix (end, "em") || g_str_has_prefix (end, "rem"))
    return number * 10;
  if (g_str_has_prefix (end, "in"))
    return number * 72;
  return 0;
}

/* How far an element's style sets its first line of text in from the
 * left, in points: padding, margin and text indent. */
static double
style_indent (xmlNode *node)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) "style");
  g_autofree char *style = NULL;
  g_auto(GStrv) rules = NULL;
  double points = 0;

  if (value == NULL)
    return 0;
  style = g_ascii_strdown ((const char *) value, -1);
  xmlFree (value);
  rules = g_strsplit (style, ";", -1);
  for (guint i = 0; rules[i] != NULL; i++)
    {
      char *colon = strchr (rules[i], ':');
      char *name = rules[i];
      char *rule_value;

      if (colon == NULL)
        continue;
      *colon = '\0';
      rule_value = g_strstrip (colon + 1);
      g_strstrip (name);
      if (g_str_equal (name, "padding-left") || g_str_equal (name, "margin-left")
          || g_str_equal (name, "text-indent"))
        points += css_points (rule_value);
      else if (g_str_equal (name, "padding") || g_str_equal (name, "margin"))
        {
          g_auto(GStrv) sides = g_strsplit_set (rule_value, " \t", -1);
          const char *left[4] = { NULL };
          guint n = 0;

          for (guint k = 0; sides[k] != NULL && n < 4; k++)
            if (*sides[k] != '\0')
              left[n++] = sides[k];
          /* One value is every side, two are vertical and horizontal,
           * three top, horizontal and bottom, four go round from the top. */
          if (n > 0)
            points += css_points (left[n == 4 ? 3 : n == 1 ? 0 : 1]);
        }
    }
  return MAX (points, 0);
}

/* The printed text of a cell, and the facts tagged inside it. */
static gboolean
read_cell (Walk              *walk,
           xmlNode           *cell,
           guint              base_depth,
           KessanMarkupCell  *out,
           GError           **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint depth = base_depth;

  /* The cell's indent, and that of the elements its first text is in. */
  out->indent = style_indent (cell);
  for (xmlNode *node = cell->children; node != NULL;)
    {
      gboolean descend = TRUE;

      if (too_deep (walk, depth + 1, error))
        return FALSE;
      if (skipped (walk, node))
        descend = FALSE;
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        append_text (text, (const char *) node->content);
      else if (node->type == XML_ELEMENT_NODE)
        {
          if (text->str[strspn (text->str, " ")] == '\0')
            out->indent += style_indent (node);
          if (is_block (node) && text->len > 0 && text->str[text->len - 1] != ' ')
            g_string_append_c (text, ' ');
          if (walk->hooks != NULL && walk->hooks->cell_fact != NULL)
            {
              KessanMarkupFact pending = { NULL, 0, NULL };

              pending.fact = walk->hooks->cell_fact (node, &pending.value, walk->hooks->user_data);
              if (pending.fact != NULL)
                {
                  xmlChar *content = xmlNodeGetContent (node);
                  GString *printed = g_string_new (NULL);

                  append_text (printed, content != NULL ? (const char *) content : "");
                  xmlFree (content);
                  g_strstrip (printed->str);
                  pending.text = g_string_free (printed, FALSE);
                  if (out->facts == NULL)
                    out->facts = g_ptr_array_new_with_free_func (kessan_markup_pending_fact_free);
                  g_ptr_array_add (out->facts, g_memdup2 (&pending, sizeof pending));
                }
            }
        }
      node = next_node (node, cell, descend, &depth);
    }
  g_strstrip (text->str);
  out->text = g_strdup (text->str);
  return TRUE;
}

static guint
span_of (xmlNode    *cell,
         const char *attribute)
{
  xmlChar *value = xmlGetProp (cell, (const xmlChar *) attribute);
  guint64 span = 1;

  if (value != NULL)
    {
      span = g_ascii_strtoull ((const char *) value, NULL, 10);
      xmlFree (value);
    }
  return (guint) CLAMP (span, 1, MAX_SPAN);
}

/* A currency sign printed in a cell of its own before its number, or a
 * closing parenthesis or percent sign after it (the layout of EDGAR
 * exhibits), belongs to the number. */
static gboolean
is_prefix_sign (const char *text)
{
  static const char * const signs[] = { "$", "US$", "¥", "￥", "€", "£", "(", "$(", "($", NULL };

  for (guint i = 0; signs[i] != NULL; i++)
    if (g_str_equal (text, signs[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_suffix_sign (const char *text)
{
  static const char * const signs[] = { ")", "%", ")%", "%)", "％", "pts", "pt", "bps", NULL };

  for (guint i = 0; signs[i] != NULL; i++)
    if (g_str_equal (text, signs[i]))
      return TRUE;
  return FALSE;
}

static gboolean
has_digit (const char *text)
{
  return text != NULL && strpbrk (text, "0123456789") != NULL;
}

static void
join_signs (KessanMarkupCell *row,
            guint             n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    {
      KessanMarkupCell *cell = &row[c];

      if (cell->text == NULL || cell->text[0] == '\0' || cell->facts != NULL)
        continue;
      if (is_prefix_sign (cell->text) && c > 0)
        {
          for (guint d = c + 1; d < n_columns; d++)
            {
              if (row[d].text == NULL || row[d].text[0] == '\0')
                continue;
              if (has_digit (row[d].text))
                {
                  char *joined = g_strconcat (cell->text, row[d].text, NULL);

                  g_free (row[d].text);
                  row[d].text = joined;
                  cell->text[0] = '\0';
                }
              break;
            }
        }
      else if (is_suffix_sign (cell->text) && c > 1)
        {
          for (guint d = c; d-- > 1;)
            {
              if (row[d].text == NULL || row[d].text[0] == '\0')
                continue;
              if (has_digit (row[d].text) || g_str_equal (row[d].text, "—") || g_str_equal (row[d].text, "-"))
                {
                  char *joined = g_strconcat (row[d].text, cell->text, NULL);

                  g_free (row[d].text);
                  row[d].text = joined;
                  cell->text[0] = '\0';
                }
              break;
            }
        }
    }
}

static gboolean
filled (const KessanMarkupCell *cell)
{
  return cell->text != NULL && cell->text[0] != '\0';
}

/* Writes the table built from facts that waits for one that goes on with
 * its periods. */
static void
flush_facts (Walk *walk)
{
  if (walk->facts == NULL)
    return;
  kessan_fact_table_write (walk->facts, walk->grid, walk->part);
  g_clear_pointer (&walk->facts, kessan_fact_table_free);
}

static void
flush_line (Walk *walk)
{
  g_strstrip (walk->line->str);
  walk->line->len = strlen (walk->line->str);
  if (walk->line->len > 0)
    {
      flush_facts (walk);
      kessan_grid_add_line (walk->grid, walk->line->str, walk->part, walk->line_element);
    }
  g_string_truncate (walk->line, 0);
  g_clear_pointer (&walk->line_element, g_free);
}

/* The rows of @table, not those of tables nested in its cells. */
static GPtrArray *
table_rows (Walk    *walk,
            xmlNode *table,
            guint    base_depth,
            GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint depth = base_depth;

  for (xmlNode *node = table->children; node != NULL;)
    {
      gboolean descend = TRUE;

      if (too_deep (walk, depth + 1, error))
        return NULL;
      if (skipped (walk, node) || node->type != XML_ELEMENT_NODE || kessan_markup_name_is (node, "table"))
        descend = FALSE;
      else if (kessan_markup_name_is (node, "tr"))
        {
          g_ptr_array_add (rows, node);
          descend = FALSE;
        }
      node = next_node (node, table, descend, &depth);
    }
  return g_steal_pointer (&rows);
}

static void
clear_cells (KessanMarkupCell *cells,
             gsize             n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_free (cells[i].text);
      g_clear_pointer (&cells[i].facts, g_ptr_array_unref);
    }
  g_free (cells);
}

static gboolean
read_table (Walk     *walk,
            xmlNode  *table,
            guint     depth,
            GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree guint *carry = NULL;     /* rows a cell above still covers */
  g_autofree gboolean *used = NULL;
  g_autofree guint *field_of = NULL;
  KessanMarkupCell *matrix = NULL;
  guint n_columns = 0;
  gboolean ok = FALSE;

  flush_line (walk);
  rows = table_rows (walk, table, depth, error);
  if (rows == NULL)
    return FALSE;

  /* The width: the widest row, the cells of rows above that span into
   * it counted. */
  {
    g_autoptr(GArray) above = g_array_new (FALSE, TRUE, sizeof (guint));

    for (guint r = 0; r < rows->len; r++)
      {
        guint c = 0;

        for (xmlNode *cell = ((xmlNode *) g_ptr_array_index (rows, r))->children; cell != NULL; cell = cell->next)
          {
            guint colspan, rowspan;

            if (!(kessan_markup_name_is (cell, "td") || kessan_markup_name_is (cell, "th")) || skipped (walk, cell))
              continue;
            while (c < above->len && g_array_index (above, guint, c) > 0)
              c++;
            colspan = span_of (cell, "colspan");
            rowspan = MIN (span_of (cell, "rowspan"), rows->len - r);
            if (above->len < c + colspan)
              g_array_set_size (above, c + colspan);
            for (guint k = 0; k < colspan; k++)
              g_array_index (above, guint, c + k) = rowspan;
            c += colspan;
          }
        n_columns = MAX (n_columns, MAX (c, above->len));
        for (guint k = 0; k < above->len; k++)
          if (g_array_index (above, guint, k) > 0)
            g_array_index (above, guint, k)--;
        if (n_columns > 100000)
          break;
      }
  }
  if (rows->len == 0 || n_columns == 0)
    return TRUE;
  if ((gsize) rows->len * n_columns > KESSAN_MARKUP_MAX_TABLE_CELLS)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_LIMIT,
                   _("A table of “%s” has %u rows of %u cells; tables are limited to %zu cells."),
                   walk->display_name, rows->len, n_columns,
                   (gsize) KESSAN_MARKUP_MAX_TABLE_CELLS);
      return FALSE;
    }

  matrix = g_new0 (KessanMarkupCell, (gsize) rows->len * n_columns);
  carry = g_new0 (guint, n_columns);
  for (guint r = 0; r < rows->len; r++)
    {
      KessanMarkupCell *row = &matrix[(gsize) r * n_columns];
      guint c = 0;

      for (xmlNode *node = ((xmlNode *) g_ptr_array_index (rows, r))->children; node != NULL; node = node->next)
        {
          guint colspan, rowspan;

          if (!(kessan_markup_name_is (node, "td") || kessan_markup_name_is (node, "th")) || skipped (walk, node))
            continue;
          while (c < n_columns && carry[c] > 0)
            c++;
          colspan = span_of (node, "colspan");
          rowspan = MIN (span_of (node, "rowspan"), rows->len - r);
          if (c + colspan > n_columns)
            break;
          if (!read_cell (walk, node, depth + 2, &row[c], error))
            goto out;
          row[c].span = colspan;
          for (guint k = 0; k < colspan; k++)
            carry[c + k] = rowspan;
          c += colspan;
        }
      for (guint k = 0; k < n_columns; k++)
        if (carry[k] > 0)
          carry[k]--;
    }

  /* A layout of other than one item per row (periods as rows, an amount
   * and a percent per item) is read from its facts. */
  if (walk->hooks != NULL && kessan_markup_is_item_columns (matrix, rows->len, n_columns))
    {
      g_autofree char *element = element_path (walk->positions, table);
      KessanFactTable *facts = kessan_markup_facts_of_columns (matrix, rows->len, n_columns, element);

      if (walk->facts != NULL && kessan_fact_table_covers (walk->facts, facts))
        kessan_fact_table_merge (walk->facts, facts);
      else
        {
          flush_facts (walk);
          walk->facts = facts;
        }
      ok = TRUE;
      goto out;
    }
  flush_facts (walk);
  for (guint r = 0; r < rows->len; r++)
    join_signs (&matrix[(gsize) r * n_columns], n_columns);

  /* Columns that hold something of their own (not only a spanning
   * cell's text); a spanning cell's text goes to the first of them under
   * it, so a header spanning "$", the number and ")" heads the number. */
  used = g_new0 (gboolean, n_columns);
  for (gsize i = 0; i < (gsize) rows->len * n_columns; i++)
    if (filled (&matrix[i]) && matrix[i].span <= 1)
      used[i % n_columns] = TRUE;
  for (guint r = 0; r < rows->len; r++)
    {
      KessanMarkupCell *row = &matrix[(gsize) r * n_columns];

      for (guint c = 0; c < n_columns; c++)
        if (row[c].span > 1 && filled (&row[c]))
          for (guint k = c; k < MIN (c + row[c].span, n_columns); k++)
            if (used[k])
              {
                if (k != c && !filled (&row[k]))
                  {
                    KessanMarkupCell moved = row[c];

                    row[c] = row[k];
                    row[k] = moved;
                  }
                break;
              }
    }
  for (gsize i = 0; i < (gsize) rows->len * n_columns; i++)
    if (filled (&matrix[i]))
      used[i % n_columns] = TRUE;

  /* Tab fields: the label is the first column that holds anything. */
  field_of = g_new0 (guint, n_columns);
  {
    guint field = 0;
    gboolean first = TRUE;

    for (guint c = 0; c < n_columns; c++)
      if (used[c])
        {
          field_of[c] = first ? 0 : ++field;
          first = FALSE;
        }
  }

  kessan_grid_add_line (walk->grid, "", walk->part, NULL);
  for (guint r = 0; r < rows->len; r++)
    {
      KessanMarkupCell *row = &matrix[(gsize) r * n_columns];
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();
      g_autofree char *element = NULL;
      g_autofree char *label = NULL;
      guint n_fields = 0, line;

      for (guint c = 0; c < n_columns; c++)
        if (used[c])
          {
            g_ptr_array_add (fields, filled (&row[c]) ? row[c].text : (char *) "");
            if (filled (&row[c]))
              n_fields = fields->len;
          }
      if (n_fields == 0)
        continue;
      /* A label set in by its style ("padding-left: 7.75pt") is set in
       * by spaces, as a text release prints it, so rows under a heading
       * ("Earnings per share:", then "Basic") read as under it. */
      for (guint c = 0; c < n_columns; c++)
        if (used[c])
          {
            guint spaces = (guint) MIN (row[c].indent / INDENT_POINTS, 40);

            if (spaces > 0 && filled (&row[c]))
              {
                label = g_strdup_printf ("%*s%s", (int) spaces, "", row[c].text);
                g_ptr_array_index (fields, 0) = label;
              }
            break;
          }
      element = element_path (walk->positions, g_ptr_array_index (rows, r));
      line = kessan_grid_add_row (walk->grid, (const char * const *) fields->pdata, n_fields,
                                  walk->part, element);
      for (guint c = 0; c < n_columns; c++)
        if (row[c].facts != NULL)
          for (guint f = 0; f < row[c].facts->len; f++)
            {
              KessanMarkupFact *pending = g_ptr_array_index (row[c].facts, f);

              kessan_grid_add_fact (walk->grid, line, field_of[c],
                                    g_steal_pointer (&pending->fact), pending->value);
            }
    }
  kessan_grid_add_line (walk->grid, "", walk->part, NULL);
  ok = TRUE;

out:
  clear_cells (matrix, (gsize) rows->len * n_columns);
  return ok;
}

/* The tables that hold tables: a page laid out in a table of tables
 * (a 決算短信 summary, older EDGAR pages) is read as text and tables,
 * each inner table a table of its own.  One walk, with a stack of the
 * tables it is in. */
static GHashTable *
find_layout_tables (xmlNode *root)
{
  GHashTable *layout = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();

  for (xmlNode *node = root; node != NULL;)
    {
      gboolean table = kessan_markup_name_is (node, "table");

      if (table && open->len > 0)
        g_hash_table_add (layout, g_ptr_array_index (open, open->len - 1));
      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          if (table)
            g_ptr_array_add (open, node);
          node = node->children;
          continue;
        }
      while (node != root && node->next == NULL)
        {
          node = node->parent;
          if (kessan_markup_name_is (node, "table") && open->len > 0)
            g_ptr_array_set_size (open, open->len - 1);
        }
      node = node != root ? node->next : NULL;
    }
  return layout;
}

/**
 * kessan_markup_read:
 * @grid: the grid to add lines to
 * @root: the document's root element
 * @part: the part the document is
 * @hooks: (nullable): what a reader of tagged markup adds
 * @display_name: the file's name, for messages
 * @error: return location for a #GError
 *
 * Adds the lines of a document to @grid: text outside tables a line per
 * block, each table row a line of tab-separated cells, hidden elements
 * left out.
 *
 * Returns: %FALSE with @error set when the document is too deep or a
 *   table too large
 */
gboolean
kessan_markup_read (KessanGrid              *grid,
                    xmlNode                 *root,
                    guint                    part,
                    const KessanMarkupHooks *hooks,
                    const char              *display_name,
                    GError                 **error)
{
  Walk walk = { grid, hooks, part, g_string_new (NULL), NULL, display_name,
                g_hash_table_new_full (NULL, NULL, NULL, g_free), NULL };
  g_autoptr(GHashTable) layout = find_layout_tables (root);
  guint depth = 0;
  gboolean ok = TRUE;

  grid->marked_up = TRUE;
  for (xmlNode *node = root; node != NULL;)
    {
      gboolean descend = TRUE;

      if (too_deep (&walk, depth, error))
        {
          ok = FALSE;
          break;
        }
      if (skipped (&walk, node))
        descend = FALSE;
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (walk.line_element == NULL && node->parent != NULL)
            walk.line_element = element_path (walk.positions, node->parent);
          append_text (walk.line, (const char *) node->content);
        }
      else if (kessan_markup_name_is (node, "table") && !g_hash_table_contains (layout, node))
        {
          if (!read_table (&walk, node, depth, error))
            {
              ok = FALSE;
              break;
            }
          descend = FALSE;
        }
      else if (is_block (node))
        flush_line (&walk);

      /* Leaving a block ends its line too. */
      {
        gboolean left_block = FALSE;

        node = next_node_full (node, root, descend, &depth, &left_block);
        if (left_block)
          flush_line (&walk);
      }
    }
  flush_line (&walk);
  flush_facts (&walk);
  g_clear_pointer (&walk.facts, kessan_fact_table_free);
  g_string_free (walk.line, TRUE);
  g_hash_table_unref (walk.positions);
  return ok;
}

/**
 * kessan_markup_read_file:
 * @contents: the bytes of a marked-up release
 * @display_name: its name, for the messages
 * @add: the reader of its format
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Decodes a file as a marked-up page and reads it as the one part of a
 * grid, with @add.
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
KessanGrid *
kessan_markup_read_file (GBytes               *contents,
                         const char           *display_name,
                         KessanMarkupAddFunc   add,
                         GError              **error)
{
  g_autoptr(GError) decode_error = NULL;
  g_autoptr(KessanGrid) grid = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  KessanEncoding encoding;
  const guint8 *data;
  gsize length;

  data = g_bytes_get_data (contents, &length);
  text = kessan_decode_markup (data, length, &encoding, FALSE, &decode_error);
  if (text == NULL)
    {
      kessan_input_name_error (decode_error, display_name, error);
      return NULL;
    }

  grid = kessan_grid_new ();
  grid->encoding = kessan_encoding_to_string (encoding);
  hash = kessan_sha256_hex_bytes (contents);
  if (!add (grid, text, strlen (text), display_name, hash, display_name, error))
    return NULL;
  return g_steal_pointer (&grid);
}
