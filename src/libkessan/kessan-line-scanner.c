/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "kessan-decoder.h"
#include "kessan-parser-private.h"
#include "kessan-period.h"

#include <stdlib.h>
#include <string.h>

/* The next character of UTF-8 text.  An ASCII byte is stepped over
 * without the lookup of g_utf8_next_char(), whose load every step waits
 * for: on the lines of a release, mostly ASCII, that wait is most of
 * the time of a loop over characters. */
#define NEXT_CHAR(p) ((guchar) *(p) < 0x80 ? (p) + 1 : g_utf8_next_char (p))

gboolean
kessan_text_is_japanese (const char *text)
{
  for (const char *p = text; *p != '\0'; p = NEXT_CHAR (p))
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

  /* Footnote letters after a space: "Net income (c)", "Total
   * revenues (b,c)". */
  if (s->str[len - 1] == ')')
    {
      const char *open = strrchr (s->str, '(');
      gboolean letters = open != NULL && open > s->str && open[-1] == ' ';
      gboolean want_letter = TRUE;

      for (const char *p = open != NULL ? open + 1 : NULL; letters && p < s->str + len - 1; p++)
        if (*p == ' ')
          continue;
        else if (want_letter && g_ascii_islower (*p) && !g_ascii_isalpha (p[1]))
          want_letter = FALSE;
        else if (!want_letter && *p == ',')
          want_letter = TRUE;
        else
          letters = FALSE;
      if (letters && !want_letter)
        {
          g_string_truncate (s, (gsize) (open - s->str));
          return TRUE;
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
      gunichar c;

      /* Most of a label is ASCII other than spaces and "^": copied. */
      if ((guchar) *p < 0x80 && *p != '^' && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f')
        {
          if (space)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
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

/* Whether the text before a row of years only says what the years are. */
static gboolean
label_names_periods (const char *text,
                     gsize       length)
{
  static const char * const words[] = { "ended", "ending", "year", "fiscal", "months", "weeks", "as of",
                                        "quarter", "in millions", "in thousands", "\xe5\xb9\xb4" /* 年 */ };
  g_autofree char *label = g_ascii_strdown (text, (gssize) length);
  gboolean letters = FALSE;

  for (const char *p = label; *p != '\0'; p++)
    letters |= g_ascii_isalpha (*p) || (guchar) *p >= 0x80;
  if (!letters)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (label, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static const char *currency_mark_prefix (const char *s,
                                        gsize       len);

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
          /* A mark set apart from its figure, or before its
           * parenthesis: "$ 43,875", "$(5,000)", "€ 12". */
          const char *figure = a;
          const char *figure_end = b;
          const char *apart = currency_mark_prefix (a, (gsize) (b - a));
          g_autofree char *joined = NULL;

          if (apart != NULL && strlen (apart) < (gsize) (b - a)
              && (a[strlen (apart)] == ' ' || a[strlen (apart)] == '('))
            {
              figure = a + strlen (apart);
              while (figure < b && *figure == ' ')
                figure++;
            }
          /* "△ 49,343": the minus sign of Japanese tables, apart from
           * its figure. */
          else if (b - a > 4 && a[3] == ' '
                   && (memcmp (a, "\xe2\x96\xb3", 3) == 0 || memcmp (a, "\xe2\x96\xb2", 3) == 0))
            {
              const char *rest = a + 3;

              while (rest < b && *rest == ' ')
                rest++;
              joined = g_strdup_printf ("%.3s%.*s", a, (int) (b - rest), rest);
              figure = joined;
              figure_end = joined + strlen (joined);
            }
          if (kessan_number_parse_cell (figure, (gsize) (figure_end - figure), &cell.number))
            {
              /* "$96,458", "($50)": the mark says the currency. */
              const char *mark = currency_mark_prefix (a, (gsize) (b - a));

              if (mark == NULL && b - a > 2 && *a == '(')
                mark = currency_mark_prefix (a + 1, (gsize) (b - a - 1));
              if (mark != NULL)
                line->currency_mark = mark;
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
  guint n_words = 0;

  if (kessan_text_is_japanese (label))
    return strstr (label, "\xe3\x80\x82") != NULL                              /* 。 */
           || (n_values == 1 && g_utf8_strlen (label, -1) > 30 && strstr (label, "\xe3\x80\x81") != NULL);

  /* The words between single spaces, counted without splitting. */
  for (const char *p = label; *p != '\0'; p++)
    n_words += *p != ' ' && (p == label || p[-1] == ' ');
  if (n_words >= 14)
    return TRUE;
  if (n_words < 5)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (strstr (label, markers[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Marks of a currency printed as a token of their own before a figure
 * ("$ 1,945", "US$ 12", "¥ 300") or glued to it ("$1,662"). */
static const char * const currency_marks[] = {
  "US$", "C$", "CA$", "A$", "AU$", "HK$", "NZ$", "S$", "NT$", "R$", "$",
  "\xc2\xa5", /* ¥ */ "\xef\xbf\xa5", /* ￥ */ "\xe2\x82\xac", /* € */ "\xc2\xa3", /* £ */
};

static const char *
currency_mark_prefix (const char *s,
                      gsize       len)
{
  /* The first bytes of the marks: most tokens are figures. */
  if (len == 0 || strchr ("UCAHNSR$\xc2\xef\xe2", s[0]) == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (currency_marks); i++)
    {
      gsize n = strlen (currency_marks[i]);

      if (len >= n && memcmp (s, currency_marks[i], n) == 0)
        return currency_marks[i];
    }
  return NULL;
}

/* Words a table prints in a cell that holds no figure. */
static gboolean
is_empty_cell_word (const char *s,
                    gsize       len)
{
  static const char * const words[] = { "n/m", "N/M", "nm", "NM", "n.m.", "N/A", "n/a", "NA", "n.a.",
                                        "\xe2\x80\x94\xe2\x80\x94", "\xe2\x88\x92", "--", "\xef\xbc\x8d" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (len == strlen (words[i]) && memcmp (s, words[i], len) == 0)
      return TRUE;
  return FALSE;
}

typedef struct
{
  guint start;
  guint stop;
} Token;

/* The space-separated tokens of a line, with a lone ")", "%" or "%)"
 * joined to the figure before it and a lone "(" to the one after it, so
 * "( 1,234 )" and "12.5 %" read as one cell each. */
typedef struct
{
  Token *items;
  guint  len;
  guint  size;
  Token  stack[64];   /* enough for nearly every line: no allocation */
} TokenList;

static void
token_list_append (TokenList   *list,
                   const Token *token)
{
  if (list->len == list->size)
    {
      list->size *= 2;
      if (list->items == list->stack)
        list->items = g_memdup2 (list->stack, sizeof list->stack);
      list->items = g_renew (Token, list->items, list->size);
    }
  list->items[list->len++] = *token;
}

static void
token_list_clear (TokenList *list)
{
  if (list->items != list->stack)
    g_free (list->items);
}

static void
split_tokens (const char *text,
              TokenList  *tokens)
{
  gsize i = 0;

  tokens->items = tokens->stack;
  tokens->len = 0;
  tokens->size = G_N_ELEMENTS (tokens->stack);

  while (text[i] != '\0')
    {
      Token token;

      while (text[i] == ' ')
        i++;
      if (text[i] == '\0')
        break;
      token.start = (guint) i;
      while (text[i] != '\0' && text[i] != ' ')
        i++;
      token.stop = (guint) i;

      if (tokens->len > 0)
        {
          Token *prev = &tokens->items[tokens->len - 1];
          const char *t = text + token.start;
          gsize len = token.stop - token.start;
          gboolean closing = (len == 1 && (*t == ')' || *t == '%')) || (len == 2 && memcmp (t, "%)", 2) == 0);
          gboolean opening = (text[prev->stop - 1] == '(' && prev->stop - prev->start == 1)
                             || (prev->stop - prev->start == 3
                                 && (memcmp (text + prev->start, "\xe2\x96\xb3", 3) == 0    /* △ */
                                     || memcmp (text + prev->start, "\xe2\x96\xb2", 3) == 0)); /* ▲ */

          if ((closing && g_ascii_isdigit (text[prev->stop - 1])) || (opening && g_ascii_isdigit (*t)))
            {
              prev->stop = token.stop;
              continue;
            }
        }
      token_list_append (tokens, &token);
    }
}

/* Reads one cell, its spaces inside "( 1,234 )" dropped and a currency
 * mark before the figure ("$1,662", "($12)", "$(12)") set apart. */
static gboolean
parse_cell (const char   *text,
            const Token  *token,
            KessanNumber *number,
            const char  **mark)
{
  char buffer[128];
  g_autofree char *heap = NULL;
  char *str = buffer;
  gsize len = 0;
  const char *found;

  if (token->stop - token->start >= sizeof buffer)
    str = heap = g_malloc (token->stop - token->start + 1);
  for (guint i = token->start; i < token->stop; i++)
    if (text[i] != ' ')
      str[len++] = text[i];
  str[len] = '\0';

  if (is_empty_cell_word (str, len))
    {
      memset (number, 0, sizeof *number);
      number->nil = TRUE;
      return TRUE;
    }

  found = currency_mark_prefix (str, len);
  if (found != NULL && len > strlen (found))
    {
      str += strlen (found);
      len -= strlen (found);
      *mark = found;
    }
  else if (len > 2 && str[0] == '(' && (found = currency_mark_prefix (str + 1, len - 1)) != NULL)
    {
      gsize n = strlen (found);

      memmove (str + 1, str + 1 + n, len - 1 - n + 1);
      len -= n;
      *mark = found;
    }
  return kessan_number_parse_cell (str, len, number);
}

/* "※2", "※1,※2", "※3、4": marks that send a reader to a note. */
static gboolean
is_note_reference (const char *s,
                   gsize       len)
{
  static const char mark[] = "\xe2\x80\xbb"; /* ※ */
  gboolean digit = FALSE;

  if (len < 4 || memcmp (s, mark, 3) != 0)
    return FALSE;
  for (gsize i = 3; i < len;)
    {
      if (g_ascii_isdigit (s[i]) || s[i] == ',')
        {
          digit |= g_ascii_isdigit (s[i]);
          i++;
        }
      else if (i + 3 <= len && (memcmp (s + i, mark, 3) == 0 || memcmp (s + i, "\xe3\x80\x81", 3) == 0)) /* ※, 、 */
        i += 3;
      else
        return FALSE;
    }
  return digit;
}

/* Whether the label before the first of @cells ends in a month's name
 * and that cell is a day of a month: a header of dates. */
static gboolean
ends_in_month (const char *text,
               gsize       label_end,
               GArray     *cells)
{
  static const char * const months[] = { "January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December",
                                         "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                                         "Oct", "Nov", "Dec" };
  const KessanCell *first = &g_array_index (cells, KessanCell, 0);
  gsize start = label_end;

  if (first->number.nil || first->number.decimals > 0 || first->number.grouped || first->number.percent
      || first->number.value < 1 || first->number.value > 31)
    return FALSE;
  if (label_end > 0 && text[label_end - 1] == '.')
    label_end--;
  start = label_end;
  while (start > 0 && g_ascii_isalpha (text[start - 1]))
    start--;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (label_end - start == strlen (months[i]) && strncmp (text + start, months[i], label_end - start) == 0)
      return TRUE;
  return FALSE;
}

/* Space layouts: the numbers are the run of number tokens that ends the
 * line; everything before them is the label.  A currency mark printed
 * as a token of its own before a figure belongs to neither. */
static void
scan_spaced (KessanLine *line)
{
  const char *text = line->text;
  gsize end = strlen (text);
  GArray *cells;
  TokenList tokens;
  /* The cells in the order they are read, from the end of the line. */
  KessanCell stack[32];
  KessanCell *found = stack;
  guint n_found = 0, found_size = G_N_ELEMENTS (stack);
  gboolean readable = FALSE;
  gsize label_end;
  const char *gap;

  split_tokens (text, &tokens);
  for (guint t = tokens.len; t-- > 0;)
    {
      Token *token = &tokens.items[t];
      KessanCell cell = { 0 };
      const char *mark = NULL;

      if (n_found > 0
          && (mark = currency_mark_prefix (text + token->start, token->stop - token->start)) != NULL
          && strlen (mark) == token->stop - token->start)
        {
          line->currency_mark = mark;
          end = token->start;
          continue;
        }
      /* "売上原価  ※2,※7 312,153": a reference to a note printed before
       * a figure is neither label nor value. */
      if (n_found > 0 && is_note_reference (text + token->start, token->stop - token->start))
        {
          end = token->start;
          continue;
        }
      if (!parse_cell (text, token, &cell.number, &mark))
        break;
      if (mark != NULL)
        line->currency_mark = mark;
      cell.cell = -1;
      cell.start = token->start;
      if (n_found == found_size)
        {
          found_size *= 2;
          found = found == stack ? g_memdup2 (stack, sizeof stack) : found;
          found = g_renew (KessanCell, found, found_size);
        }
      found[n_found++] = cell;
      end = token->start;
    }
  token_list_clear (&tokens);

  /* Without a tab to say where a field is, a line is a row only for a
   * number that could be read: unreadable ones alone are words. */
  for (guint i = 0; i < n_found; i++)
    readable |= !found[i].number.unreadable;
  if (!readable)
    {
      if (found != stack)
        g_free (found);
      return;
    }

  cells = g_array_sized_new (FALSE, FALSE, sizeof (KessanCell), n_found);
  for (guint i = n_found; i-- > 0;)
    g_array_append_val (cells, found[i]);
  if (found != stack)
    g_free (found);

  /* A number right after "Sept 30," is part of a date, not a value;
   * so is a day right after its month: a header ("July 1 to  July 21")
   * or the end of a label ("Balance, December 31  120  135"). */
  label_end = end;
  while (label_end > 0 && text[label_end - 1] == ' ')
    label_end--;
  if (ends_in_month (text, label_end, cells))
    {
      if (cells->len == 1)
        {
          g_array_unref (cells);
          return;
        }
      label_end = end = g_array_index (cells, KessanCell, 1).start;
      g_array_remove_index (cells, 0);
      while (label_end > 0 && text[label_end - 1] == ' ')
        label_end--;
    }
  if (label_end > 0 && text[label_end - 1] == ',')
    {
      g_array_unref (cells);
      return;
    }

  /* A header of fiscal years is not a row, even under a heading of
   * the columns' length ("Year ended  2004  2003"). */
  if (cells_are_years (cells) && (label_end == 0 || label_names_periods (text, label_end)))
    {
      g_array_unref (cells);
      return;
    }

  /* Running text that happens to end in a number ("…compared to JPY
   * 160 million in 2Q02 and JPY 204") is not a row. */
  {
    g_autofree char *label = g_strndup (text, label_end);
    char *stripped;

    if (label_reads_as_prose (label, cells->len))
      {
        g_array_unref (cells);
        return;
      }

    line->cells = cells;
    line->kind = KESSAN_LINE_DATA;
    stripped = g_strstrip (label);

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

/* The markup of plain-text filings: "<TABLE>", "<CAPTION>", "<S>",
 * "<C>", "<PAGE>", "<FN>" and the envelope tags. */
static gsize
edgar_tag_length (const char *p)
{
  static const char * const tags[] = { "S", "C", "TABLE", "CAPTION", "PAGE", "FN", "R", "F1", "F2", "F3", "F4" };
  const char *name = p + 1 + (p[1] == '/');
  gsize n = strspn (name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

  if (*p != '<' || name[n] != '>')
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (n == strlen (tags[i]) && strncmp (name, tags[i], n) == 0)
      return (gsize) (name + n + 1 - p);
  return 0;
}

static gboolean
is_layout_only (const char *text)
{
  static const char * const envelope[] = { "<TYPE>", "<SEQUENCE>", "<FILENAME>", "<DESCRIPTION>",
                                           "<DOCUMENT>", "</DOCUMENT>", "<TEXT>", "</TEXT>" };
  const char *p = text + strspn (text, " \t");
  gboolean rule = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (envelope); i++)
    if (g_str_has_prefix (p, envelope[i]))
      return TRUE;

  while (*p != '\0')
    {
      gsize tag = edgar_tag_length (p);

      if (tag > 0)
        {
          p += tag;
          rule = TRUE;
        }
      else if (*p == '-' || *p == '=' || *p == '_')
        {
          gsize run = strspn (p, "-=_");

          /* One dash is an empty cell; a rule is longer. */
          if (run < 3)
            return FALSE;
          p += run;
          rule = TRUE;
        }
      else if (*p == ' ' || *p == '\t')
        p++;
      else
        return FALSE;
    }
  return rule;
}

/* Whether the tabs of a line do not separate its cells: they only end
 * it, or a field after one holds several figures apart. */
static gboolean
tabs_are_stray (const char *text)
{
  const char *tab = strchr (text, '\t');
  gboolean content_after = FALSE;

  for (const char *p = tab; *p != '\0'; p++)
    content_after |= *p != '\t' && *p != ' ';
  if (!content_after)
    return TRUE;
  for (const char *p = tab; p != NULL && *p != '\0'; p = strchr (p + 1, '\t'))
    {
      /* The field without the white space around it, read in place. */
      const char *a = p + 1;
      const char *b = a + strcspn (a, "\t");
      gboolean gap = FALSE, digit = FALSE;

      while (a < b && g_ascii_isspace (*a))
        a++;
      while (b > a && g_ascii_isspace (b[-1]))
        b--;
      for (const char *q = a; q < b; q++)
        {
          gap |= q + 1 < b && q[0] == ' ' && q[1] == ' ';
          digit |= g_ascii_isdigit (*q);
        }
      if (gap && digit)
        return TRUE;
    }
  return FALSE;
}

static char *
expand_tabs (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 16);
  guint column = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t')
        {
          do
            {
              g_string_append_c (out, ' ');
              column++;
            }
          while (column % 8 != 0);
          continue;
        }
      g_string_append_unichar (out, c);
      column += g_unichar_iswide (c) ? 2 : 1;
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Whether @text prints one of the dashes that stand for an empty cell
 * ("—", "–", "―", "−", "－"). */
static gboolean
has_dash_mark (const char *text)
{
  for (const char *p = text; (p = strpbrk (p, "\xe2\xef")) != NULL; p++)
    if ((p[0] == '\xe2' && p[1] == '\x80' && (p[2] == '\x93' || p[2] == '\x94' || p[2] == '\x95'))
        || (p[0] == '\xe2' && p[1] == '\x88' && p[2] == '\x92')
        || (p[0] == '\xef' && p[1] == '\xbc' && p[2] == '\x8d'))
      return TRUE;
  return FALSE;
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
  /* Plain-text filings lay columns out with spaces and leave stray tabs
   * in them ("Finished goods      270     406<TAB>"): such a line is
   * read as spaced, its tabs expanded to the next stop of eight. */
  if (line->tabbed && tabs_are_stray (line->text))
    {
      char *expanded = expand_tabs (line->text);

      g_free (line->text);
      line->text = expanded;
      line->tabbed = FALSE;
    }
  line->indent = count_leading_spaces (line->text);
  line->japanese = kessan_text_is_japanese (line->text);

  /* A form feed marks a page break, between the lines of two pages;
   * the markup of plain-text filings and rules of dashes print nothing. */
  if (line->text[strspn (line->text, " \t\f")] == '\0' || is_layout_only (line->text))
    {
      line->kind = KESSAN_LINE_BLANK;
      return;
    }

  line->kind = KESSAN_LINE_TEXT;
  if (strpbrk (line->text, "0123456789-") == NULL)
    {
      /* A row printing a dash in every column ("Income taxes  —  —  —")
       * is a row without values; one dash after a word is a dash. */
      if (!has_dash_mark (line->text))
        return;
      if (line->tabbed)
        scan_tabbed (line);
      else
        scan_spaced (line);
      if (line->kind == KESSAN_LINE_DATA && !line->tabbed && line->cells->len < 2)
        {
          line->kind = KESSAN_LINE_TEXT;
          g_clear_pointer (&line->label, g_free);
          g_clear_pointer (&line->group, g_free);
          g_clear_pointer (&line->cells, g_array_unref);
        }
      return;
    }

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

  for (const char *p = line->text; *p != '\0'; p = NEXT_CHAR (p))
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
      /* The line under a statement that sends to its notes. */
      || g_str_has_prefix (p, "See accompanying notes")
      || g_str_has_prefix (p, "See Notes to")
      || g_str_has_prefix (p, "The accompanying notes")
      /* "1 Amounts include…"; a digit set apart by a wide gap is a
       * page number or mark beside a header ("2      Three Months Ended"). */
      || (g_ascii_isdigit (p[0]) && p[1] == ' ' && !g_ascii_isdigit (p[2])
          && !(p[2] == ' ' && p[3] == ' '));
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

/* Whether @text prints @word as a column head: "Change" over a column,
 * not a row label's "Change in fair value of" or "Changes in operating
 * assets", which go on with more words. */
static gboolean
names_header_word (const char *text,
                   const char *word)
{
  gsize length = strlen (word);

  if (!g_ascii_isalpha (word[0]))
    return strstr (text, word) != NULL;
  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      const char *after = p + length;

      if (g_ascii_isalpha (*after))
        continue;
      if (*after == ' ' && g_ascii_islower (after[1]))
        continue;
      return TRUE;
    }
  return FALSE;
}

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

/* "(In millions, except per share amounts)", "(Unaudited)", "(単位：千円)":
 * a line that says what the numbers under it are counted in. */
static gboolean
text_is_unit_note (const char *text)
{
  static const char * const words[] = { "thousand", "million", "billion", "unaudited", "amounts in",
                                        "dollars", "\xe5\x8d\x98\xe4\xbd\x8d" /* 単位 */ };
  const char *p = text + strspn (text, " \t");
  g_autofree char *lower = NULL;

  if (*p != '(' && !g_str_has_prefix (p, "\xef\xbc\x88") && !g_str_has_prefix (p, "\xe5\x8d\x98\xe4\xbd\x8d"))
    return FALSE;
  lower = g_ascii_strdown (p, -1);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
line_is_header_uncached (const KessanLine *line)
{
  g_autoptr(GArray) periods = NULL;
  g_autoptr(GArray) spans = NULL;

  if (line->kind != KESSAN_LINE_TEXT || kessan_line_is_prose (line))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    if (names_header_word (line->text, header_words[i]))
      return TRUE;
  if (text_is_unit_note (line->text))
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
  if (periods->len > 0 || kessan_text_is_year_list (line->text))
    return TRUE;
  /* "Three Months Ended   Six Months Ended", "November 2,  October 28,". */
  spans = kessan_header_month_days (line->text);
  if (spans->len >= 1)
    return TRUE;
  g_clear_pointer (&spans, g_array_unref);
  spans = kessan_header_durations (line->text);
  for (guint i = 0; i < spans->len; i++)
    if (g_array_index (spans, KessanHeaderSpan, i).months > 0
        && strlen (line->text) - strspn (line->text, " ") < 80)
      return TRUE;
  return FALSE;
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
