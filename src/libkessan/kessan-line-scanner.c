/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "kessan-decoder.h"
#include "kessan-parser-private.h"
#include "kessan-period.h"

#include <stdlib.h>
#include <string.h>

gboolean
kessan_text_is_japanese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        continue;
      c = g_utf8_get_char (p);
      if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_superscript (gunichar c)
{
  return c == 0x00b9 || c == 0x00b2 || c == 0x00b3
      || (c >= 0x2070 && c <= 0x207f);
}

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || c == 0x3005;
}

/* Removes one footnote marker from the end of @s, if there is one. */
static gboolean
strip_trailing_marker (GString *s)
{
  gsize len;
  const char *last;
  gunichar c;

  while (s->len > 0 && g_ascii_isspace (s->str[s->len - 1]))
    g_string_truncate (s, s->len - 1);
  len = s->len;
  if (len == 0)
    return FALSE;

  /* "(2)", "(*)", "(*)3", "(*)" */
  if (s->str[len - 1] == ')' || g_ascii_isdigit (s->str[len - 1]))
    {
      gssize i = (gssize) len - 1;

      while (i >= 0 && g_ascii_isdigit (s->str[i]))
        i--;
      if (i >= 2 && s->str[i] == ')' && s->str[i - 1] == '*' && s->str[i - 2] == '(')
        {
          g_string_truncate (s, (gsize) i - 2);
          return TRUE;
        }
      if (s->str[len - 1] == ')')
        {
          gssize j = (gssize) len - 2;

          while (j >= 0 && g_ascii_isdigit (s->str[j]))
            j--;
          if (j >= 0 && s->str[j] == '(' && (gsize) j < len - 2 && len - 2 - (gsize) j <= 2)
            {
              g_string_truncate (s, (gsize) j);
              return TRUE;
            }
        }
    }

  last = g_utf8_find_prev_char (s->str, s->str + len);
  c = g_utf8_get_char (last);
  if (is_superscript (c))
    {
      g_string_truncate (s, (gsize) (last - s->str));
      return TRUE;
    }

  /* A lone digit after a space: "Others 4". */
  if (len >= 2 && g_ascii_isdigit (s->str[len - 1]) && s->str[len - 2] == ' ')
    {
      g_string_truncate (s, len - 2);
      return TRUE;
    }

  /* A digit glued to a Japanese word ("その他2") or to a lower-case word
   * of four letters or more ("Others4", "amortization7"); labels such as
   * "IIJ4U" or "IPv6" keep theirs. */
  if (len >= 2 && g_ascii_isdigit (s->str[len - 1]) && !g_ascii_isdigit (s->str[len - 2]))
    {
      const char *before = g_utf8_find_prev_char (s->str, s->str + len - 1);
      gunichar b = g_utf8_get_char (before);

      if (is_cjk (b))
        {
          g_string_truncate (s, len - 1);
          return TRUE;
        }
      if (len >= 5 && g_ascii_islower (s->str[len - 2]) && g_ascii_islower (s->str[len - 3])
          && g_ascii_islower (s->str[len - 4]) && g_ascii_isalpha (s->str[len - 5]))
        {
          g_string_truncate (s, len - 1);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * kessan_label_clean:
 * @label: a printed row label, normalised
 *
 * Removes footnote markers ("(2)", "⁽²⁾", "(*)3", "^{(*)4}", "Others4"),
 * squeezes spaces and drops the colon of a heading.
 *
 * Returns: (transfer full): the label as a reader would name the row
 */
char *
kessan_label_clean (const char *label)
{
  g_autoptr(GString) s = g_string_sized_new (strlen (label));
  gboolean space = FALSE;
  gsize length;

  for (const char *p = label; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);

      /* "^{…}" is a superscript in the markdown the releases come in. */
      if (p[0] == '^' && p[1] == '{')
        {
          const char *close = strchr (p, '}');

          if (close != NULL)
            {
              p = close + 1;
              continue;
            }
        }
      if (is_superscript (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (g_unichar_isspace (c))
        {
          space = s->len > 0;
          p = g_utf8_next_char (p);
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_unichar (s, c);
      p = g_utf8_next_char (p);
    }

  while (strip_trailing_marker (s))
    ;

  while (s->len > 0 && (s->str[s->len - 1] == ':' || s->str[s->len - 1] == ' '))
    g_string_truncate (s, s->len - 1);

  /* Every data line keeps its label until the release is read: a table
   * of a million rows keeps a million of them, at their own length
   * rather than the string's spare room. */
  length = s->len;
  return g_realloc (g_string_free (g_steal_pointer (&s), FALSE), length + 1);
}

static guint
count_leading_spaces (const char *s)
{
  guint n = 0;

  while (s[n] == ' ')
    n++;
  return n;
}

/* A header row of fiscal years ("2001  2002") is not a row of values. */
static gboolean
cells_are_years (GArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      KessanCell *cell = &g_array_index (cells, KessanCell, i);

      if (cell->number.decimals > 0 || cell->number.grouped || cell->number.percent
          || cell->number.value < 1950 || cell->number.value > 2100)
        return FALSE;
    }
  return cells->len > 0;
}

/* Tab layouts: every field after the label is one column. */
static void
scan_tabbed (KessanLine *line)
{
  const char *text = line->text;
  const char *tab = strchr (text, '\t');
  gsize label_length = (gsize) (tab - text);
  gboolean all_numbers = TRUE;
  guint n_values = 0;
  int field = 0;

  line->cells = g_array_new (FALSE, FALSE, sizeof (KessanCell));

  for (const char *p = tab + 1;; field++)
    {
      const char *stop = strchr (p, '\t');
      const char *end = stop != NULL ? stop : p + strlen (p);
      const char *a = p, *b = end;
      KessanCell cell = { 0 };

      while (a < b && *a == ' ')
        a++;
      while (b > a && b[-1] == ' ')
        b--;
      if (a < b)
        {
          if (kessan_number_parse (a, (gsize) (b - a), &cell.number))
            {
              cell.cell = field;
              cell.start = (guint) (p - text);
              g_array_append_val (line->cells, cell);
              n_values++;
            }
          else
            all_numbers = FALSE;
        }
      if (stop == NULL)
        break;
      p = stop + 1;
    }
  line->n_fields = (guint) field + 1;

  if (n_values > 0 && all_numbers)
    {
      g_autofree char *label = g_strndup (text, label_length);

      if (!(label[strspn (label, " ")] == '\0' && cells_are_years (line->cells)))
        {
          line->kind = KESSAN_LINE_DATA;
          line->label = kessan_label_clean (label);
        }
    }
}

static gboolean
label_reads_as_prose (const char *label,
                      guint       n_values)
{
  static const char *markers[] = { " were ", " was ", " is ", " are ", " compared ", " which ",
                                   " amounted ", " increased ", " decreased ", ". " };
  g_auto(GStrv) words = NULL;
  guint n_words;

  if (kessan_text_is_japanese (label))
    return strstr (label, "\xe3\x80\x82") != NULL                              /* 。 */
           || (n_values == 1 && g_utf8_strlen (label, -1) > 30 && strstr (label, "\xe3\x80\x81") != NULL);

  words = g_strsplit_set (label, " ", -1);
  n_words = 0;
  for (guint i = 0; words[i] != NULL; i++)
    n_words += words[i][0] != '\0';
  if (n_words >= 14)
    return TRUE;
  if (n_words < 5)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (strstr (label, markers[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Space layouts: the numbers are the run of number tokens that ends the
 * line; everything before them is the label. */
static void
scan_spaced (KessanLine *line)
{
  const char *text = line->text;
  gsize end = strlen (text);
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (KessanCell));
  gsize label_end;
  const char *gap;

  while (end > 0)
    {
      gsize stop = end, start;
      KessanCell cell = { 0 };

      while (stop > 0 && text[stop - 1] == ' ')
        stop--;
      start = stop;
      while (start > 0 && text[start - 1] != ' ')
        start--;
      if (start == stop || !kessan_number_parse (text + start, stop - start, &cell.number))
        break;
      cell.cell = -1;
      cell.start = (guint) start;
      g_array_prepend_val (cells, cell);
      end = start;
    }

  if (cells->len == 0)
    {
      g_array_unref (cells);
      return;
    }

  /* A number right after "Sept 30," is part of a date, not a value. */
  label_end = end;
  while (label_end > 0 && text[label_end - 1] == ' ')
    label_end--;
  if (label_end > 0 && text[label_end - 1] == ',')
    {
      g_array_unref (cells);
      return;
    }

  /* A header of fiscal years is not a row. */
  if (label_end == 0 && cells_are_years (cells))
    {
      g_array_unref (cells);
      return;
    }

  /* Running text that happens to end in a number ("…compared to JPY
   * 160 million in 2Q02 and JPY 204") is not a row. */
  {
    g_autofree char *label = g_strndup (text, label_end);

    if (label_reads_as_prose (label, cells->len))
      {
        g_array_unref (cells);
        return;
      }
  }

  line->cells = cells;
  line->kind = KESSAN_LINE_DATA;

  {
    g_autofree char *label = g_strndup (text, label_end);
    char *stripped = g_strstrip (label);

    /* A wide gap inside a label separates a group name from the item:
     * "IP Services          64kbps – 128kbps". */
    gap = strstr (stripped, "   ");
    if (gap != NULL && gap > stripped)
      {
        g_autofree char *group = g_strndup (stripped, (gsize) (gap - stripped));
        const char *rest = gap;

        while (*rest == ' ')
          rest++;
        line->group = kessan_label_clean (group);
        line->label = kessan_label_clean (rest);
      }
    else
      line->label = kessan_label_clean (stripped);
  }
}

/* "<i>IP Service</i> 64kbps – 128kbps": the italic part names the group
 * the row belongs to. */
static char *
find_italic_group (const char *raw)
{
  const char *p = raw;
  const char *close;
  g_autofree char *rest = NULL;
  g_autofree char *clean_rest = NULL;

  while (*p == ' ')
    p++;
  if (g_ascii_strncasecmp (p, "<i>", 3) != 0)
    return NULL;
  close = strstr (p, "</i>");
  if (close == NULL)
    return NULL;
  rest = g_strndup (close + 4, strcspn (close + 4, "\t"));
  clean_rest = kessan_label_clean (rest);
  if (*clean_rest == '\0' || *clean_rest == '(')
    return NULL;
  {
    g_autofree char *inner = g_strndup (p + 3, (gsize) (close - p - 3));
    return kessan_label_clean (inner);
  }
}

void
kessan_line_scan (KessanLine *line,
                  const char *raw,
                  gsize       length,
                  guint       number)
{
  memset (line, 0, sizeof *line);
  line->number = number;
  line->text = kessan_normalize_line (raw, (gssize) length);
  line->tabbed = strchr (line->text, '\t') != NULL;
  line->indent = count_leading_spaces (line->text);
  line->japanese = kessan_text_is_japanese (line->text);

  /* A form feed marks a page break, between the lines of two pages. */
  if (line->text[strspn (line->text, " \t\f")] == '\0')
    {
      line->kind = KESSAN_LINE_BLANK;
      return;
    }

  line->kind = KESSAN_LINE_TEXT;
  if (strpbrk (line->text, "0123456789-") == NULL)
    return;

  if (line->tabbed)
    scan_tabbed (line);
  else
    scan_spaced (line);

  if (line->kind == KESSAN_LINE_DATA && line->group == NULL)
    {
      g_autofree char *raw_line = g_strndup (raw, length);
      char *group = find_italic_group (raw_line);

      /* The label read from the cleaned line starts with the group. */
      if (group != NULL && g_str_has_prefix (line->label, group) && line->label[strlen (group)] == ' ')
        {
          char *label = g_strdup (line->label + strlen (group) + 1);

          line->group = group;
          g_free (line->label);
          line->label = label;
        }
      else
        g_free (group);
    }
}

void
kessan_line_clear (KessanLine *line)
{
  g_clear_pointer (&line->text, g_free);
  g_clear_pointer (&line->label, g_free);
  g_clear_pointer (&line->group, g_free);
  g_clear_pointer (&line->cells, g_array_unref);
}

/* Running text, as opposed to a heading, a title or a header: most of
 * its words start in lower case, or it is simply long. */
static gboolean line_is_prose_uncached (const KessanLine *line);

gboolean
kessan_line_is_prose (const KessanLine *line)
{
  KessanLine *cache = (KessanLine *) line;

  if (line->kind != KESSAN_LINE_TEXT)
    return FALSE;
  if (!(line->known & KESSAN_LINE_IS_PROSE))
    {
      cache->known |= KESSAN_LINE_IS_PROSE;
      if (line_is_prose_uncached (line))
        cache->is |= KESSAN_LINE_IS_PROSE;
    }
  return (line->is & KESSAN_LINE_IS_PROSE) != 0;
}

static gboolean
line_is_prose_uncached (const KessanLine *line)
{
  guint words = 0, lower = 0, chars = 0;
  gboolean in_word = FALSE;
  const char *end;

  if (line->kind != KESSAN_LINE_TEXT)
    return FALSE;

  for (const char *p = line->text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (*p == ' ' || *p == '\t')
        {
          in_word = FALSE;
          continue;
        }
      chars++;
      if (!in_word)
        {
          words++;
          lower += g_ascii_islower (*p);
        }
      in_word = TRUE;
    }

  if (line->japanese)
    return strstr (line->text, "\xe3\x80\x82") != NULL        /* 。 */
        || (chars > 40 && strstr (line->text, "\xe3\x80\x81") != NULL) /* 、 */
        || chars > 70;

  end = line->text + strlen (line->text);
  while (end > line->text && end[-1] == ' ')
    end--;
  if (words > 30)
    return TRUE;
  if (words > 12 && lower * 2 >= words)
    return TRUE;
  return lower * 5 >= words * 2 && end > line->text
         && ((words >= 4 && end[-1] == '.' && lower * 2 >= words)
             || (words >= 8 && end[-1] == '.')
             || (words >= 12 && end[-1] == ':'));
}

static gboolean line_is_note_uncached (const KessanLine *line);

gboolean
kessan_line_is_note (const KessanLine *line)
{
  KessanLine *cache = (KessanLine *) line;

  if (line->kind != KESSAN_LINE_TEXT)
    return FALSE;
  if (!(line->known & KESSAN_LINE_IS_NOTE))
    {
      cache->known |= KESSAN_LINE_IS_NOTE;
      if (line_is_note_uncached (line))
        cache->is |= KESSAN_LINE_IS_NOTE;
    }
  return (line->is & KESSAN_LINE_IS_NOTE) != 0;
}

static gboolean
line_is_note_uncached (const KessanLine *line)
{
  const char *p = line->text + strspn (line->text, " \t");

  if (line->kind != KESSAN_LINE_TEXT)
    return FALSE;
  return g_str_has_prefix (p, "Note")
      || g_str_has_prefix (p, "\xe6\xb3\xa8") /* 注 */
      || g_str_has_prefix (p, "^{")
      || g_str_has_prefix (p, "(*)")
      || g_str_has_prefix (p, "*")
      || g_str_has_prefix (p, "\xe2\x81\xbd") /* ⁽ */
      || (g_ascii_isdigit (p[0]) && p[1] == ' ' && !g_ascii_isdigit (p[2]));
}

static gboolean line_is_title_uncached (const KessanLine *line,
                                        KessanConcepts   *concepts);

gboolean
kessan_line_is_title (const KessanLine *line,
                      KessanConcepts   *concepts)
{
  KessanLine *cache = (KessanLine *) line;

  if (line->kind != KESSAN_LINE_TEXT)
    return FALSE;
  if (!(line->known & KESSAN_LINE_IS_TITLE))
    {
      cache->known |= KESSAN_LINE_IS_TITLE;
      if (line_is_title_uncached (line, concepts))
        cache->is |= KESSAN_LINE_IS_TITLE;
    }
  return (line->is & KESSAN_LINE_IS_TITLE) != 0;
}

static gboolean
line_is_title_uncached (const KessanLine *line,
                        KessanConcepts   *concepts)
{
  const char *p = line->text + strspn (line->text, " \t");
  KessanStatementKind kind;

  if (line->kind != KESSAN_LINE_TEXT)
    return FALSE;
  if ((g_str_has_prefix (p, "Table") && g_ascii_isdigit (p[5 + strspn (p + 5, " ")]))
      || (g_str_has_prefix (p, "\xe8\xa1\xa8") && g_ascii_isdigit (p[3 + strspn (p + 3, " ")])))
    return TRUE;
  if (kessan_line_is_prose (line))
    return FALSE;
  return kessan_concepts_find_table_topic (concepts, p, &kind) != NULL;
}

static const char *header_words[] = {
  "USD", "JPY", "%", "YoY", "YOY", "QoQ", "QOQ", "Chg", "change", "Change",
  "\xe5\x89\x8d\xe5\xb9\xb4",                         /* 前年 */
  "\xe5\x89\x8d\xe6\x9c\x9f",                         /* 前期 */
  "\xe5\xaf\xbe\xe5\x96\xb6\xe6\xa5\xad\xe5\x8f\x8e\xe7\x9b\x8a", /* 対営業収益 */
  "\xe5\xaf\xbe\xe5\x89\x8d",                         /* 対前 */
  "Comparison",
  "\xe6\xaf\x94\xe8\xbc\x83",                         /* 比較 */
};

/* Column headers: periods, currencies, measures. */
static gboolean line_is_header_uncached (const KessanLine *line);

gboolean
kessan_line_is_header (const KessanLine *line)
{
  KessanLine *cache = (KessanLine *) line;

  if (line->kind != KESSAN_LINE_TEXT)
    return FALSE;
  if (!(line->known & KESSAN_LINE_IS_HEADER))
    {
      cache->known |= KESSAN_LINE_IS_HEADER;
      if (line_is_header_uncached (line))
        cache->is |= KESSAN_LINE_IS_HEADER;
    }
  return (line->is & KESSAN_LINE_IS_HEADER) != 0;
}

static gboolean
line_is_header_uncached (const KessanLine *line)
{
  g_autoptr(GArray) periods = NULL;

  if (line->kind != KESSAN_LINE_TEXT || kessan_line_is_prose (line))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    if (strstr (line->text, header_words[i]) != NULL)
      return TRUE;
  /* Cells without a label heading two columns or more ("\t予想\t上限\t下限"):
   * a row of column heads, as an HTML table prints them. */
  if (line->tabbed && line->text[strspn (line->text, " ")] == '\t')
    {
      guint filled = 0;

      for (const char *p = strchr (line->text, '\t'); p != NULL; p = strchr (p + 1, '\t'))
        filled += p[1] != '\0' && p[1] != '\t';
      if (filled >= 2)
        return TRUE;
    }
  periods = kessan_period_scan (line->text);
  return periods->len > 0 || kessan_text_is_year_list (line->text);
}

/* "2001  2002  2001  2002": fiscal years heading the columns. */
gboolean
kessan_text_is_year_list (const char *text)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t", -1);
  guint years = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *t = tokens[i];

      if (*t == '\0')
        continue;
      if (strlen (t) != 4 || strspn (t, "0123456789") != 4 || atoi (t) < 1950 || atoi (t) > 2100)
        return FALSE;
      years++;
    }
  return years >= 2;
}
