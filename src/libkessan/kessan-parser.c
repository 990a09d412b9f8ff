/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kessan-decoder.h"
#include "kessan-error.h"
#include "kessan-grid-private.h"
#include "kessan-input-private.h"
#include "kessan-ixbrl-private.h"
#include "kessan-package-private.h"
#include "kessan-parser.h"
#include "kessan-parser-private.h"
#include "kessan-pdf.h"
#include "kessan-period.h"
#include "kessan-sha256-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The release is read in three steps: every line is scanned on its own
 * (label and numbers), the lines are cut into tables (a body of rows with
 * the title and headers printed around it), and each table is read into a
 * statement by kessan_table_read(). */

#define PREAMBLE_LINES 30
#define TITLE_SEARCH_LINES 200

static gboolean
is_sentence (const KessanLine *line)
{
  return kessan_line_is_prose (line) || kessan_line_is_note (line);
}

/* Text lines that may sit inside a table body: headings, label parts. */
static gboolean
is_body_text (const KessanLine *line,
              KessanConcepts   *concepts)
{
  return line->kind == KESSAN_LINE_TEXT
         && !kessan_line_is_prose (line)
         && !kessan_line_is_note (line)
         && !kessan_line_is_title (line, concepts)
         && !kessan_line_is_header (line);
}

static gboolean
block_is_table (KessanLine        *lines,
                const KessanBlock *block)
{
  guint rows = 0, widest = 0;

  for (guint i = block->first; i <= block->last; i++)
    if (lines[i].kind == KESSAN_LINE_DATA)
      {
        rows++;
        widest = MAX (widest, lines[i].cells->len);
      }
  return (rows >= 2 && widest >= 1) || (rows == 1 && widest >= 2);
}

static guint
block_width (KessanLine        *lines,
             const KessanBlock *block)
{
  guint widest = 0;

  for (guint i = block->first; i <= block->last; i++)
    if (lines[i].kind == KESSAN_LINE_DATA)
      widest = MAX (widest, lines[i].tabbed ? lines[i].n_fields : lines[i].cells->len);
  return widest;
}

static GArray *
find_blocks (KessanParseContext *context)
{
  KessanLine *lines = context->lines;
  guint n = context->n_lines;
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (KessanBlock));
  guint floor = 0;

  for (guint i = 0; i < n;)
    {
      KessanBlock block = { 0 };
      guint j, gap = 0;

      if (lines[i].kind != KESSAN_LINE_DATA)
        {
          i++;
          continue;
        }

      /* Headings and label parts just above the first row. */
      block.first = i;
      for (j = i; j > floor; j--)
        {
          KessanLine *above = &lines[j - 1];

          if (above->kind == KESSAN_LINE_BLANK)
            continue;
          if (!is_body_text (above, context->concepts))
            break;
          block.first = j - 1;
        }

      block.last = i;
      for (j = i + 1; j < n && gap <= 6; j++)
        {
          KessanLine *line = &lines[j];

          if (line->kind == KESSAN_LINE_DATA)
            {
              block.last = j;
              gap = 0;
              continue;
            }
          if (line->kind == KESSAN_LINE_TEXT && !is_body_text (line, context->concepts))
            break;
          gap++;
        }

      /* A lone number ("Appendix 1", "Page 3", "単位 (1)") is text. */
      if (!block_is_table (lines, &block))
        {
          for (j = i; j <= block.last; j++)
            if (lines[j].kind == KESSAN_LINE_DATA)
              {
                lines[j].kind = KESSAN_LINE_TEXT;
                g_clear_pointer (&lines[j].label, g_free);
                g_clear_pointer (&lines[j].cells, g_array_unref);
              }
          i = block.last + 1;
          continue;
        }

      block.title = -1;
      block.preamble = block.first;
      block.postamble_end = block.last + 1;
      g_array_append_val (blocks, block);
      floor = block.last + 1;
      i = block.last + 1;
    }

  /* Footnotes printed inside a table split it in two: the rows after
   * them continue the table when nothing but notes stands between and
   * they have as many numbers. */
  for (guint b = 1; b < blocks->len;)
    {
      KessanBlock *prev = &g_array_index (blocks, KessanBlock, b - 1);
      KessanBlock *block = &g_array_index (blocks, KessanBlock, b);
      gboolean only_notes = block->first - prev->last <= 10;

      for (guint j = prev->last + 1; only_notes && j < block->first; j++)
        only_notes = lines[j].kind == KESSAN_LINE_BLANK || kessan_line_is_note (&lines[j]);
      if (only_notes && block_width (lines, prev) == block_width (lines, block))
        {
          prev->last = block->last;
          g_array_remove_index (blocks, b);
          continue;
        }
      b++;
    }

  /* The preamble reaches back to the previous table or to running text;
   * the postamble reaches forward to the next table. */
  for (guint b = 0; b < blocks->len; b++)
    {
      KessanBlock *block = &g_array_index (blocks, KessanBlock, b);
      guint lower = b > 0 ? g_array_index (blocks, KessanBlock, b - 1).last + 1 : 0;
      guint upper = b + 1 < blocks->len ? g_array_index (blocks, KessanBlock, b + 1).first : n;
      guint limit = block->first > PREAMBLE_LINES ? block->first - PREAMBLE_LINES : 0;

      lower = MAX (lower, limit);
      while (block->preamble > lower && !is_sentence (&lines[block->preamble - 1]))
        block->preamble--;
      block->postamble_end = MIN (upper, block->last + 1 + 12);
    }

  return blocks;
}

/* Words of a caption or title that can tell tables apart. */
static GPtrArray *
significant_words (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_auto(GStrv) words = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);

  g_strdelimit (lower, ".:,()[]/", ' ');
  words = g_strsplit (lower, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (strlen (words[i]) >= 3 && !g_str_equal (words[i], "jpy") && !g_str_equal (words[i], "millions")
        && !g_str_equal (words[i], "table") && !g_str_equal (words[i], "the") && !g_str_equal (words[i], "and"))
      g_ptr_array_add (result, g_strdup (words[i]));
  return result;
}

static guint
caption_score (const char *caption,
               const char *title)
{
  g_autoptr(GPtrArray) words = significant_words (caption);
  g_autofree char *lower = g_ascii_strdown (title, -1);
  guint score = 0;

  for (guint i = 0; i < words->len; i++)
    if (strstr (lower, g_ptr_array_index (words, i)) != NULL)
      score++;
  return score;
}

/* Titles are printed just above their table, or, in some layouts, a few
 * paragraphs before it; then the table's caption names it. */
static void
assign_titles (KessanParseContext *context,
               GArray             *blocks)
{
  KessanLine *lines = context->lines;
  g_autoptr(GHashTable) consumed = g_hash_table_new (NULL, NULL);

  for (guint b = 0; b < blocks->len; b++)
    {
      KessanBlock *block = &g_array_index (blocks, KessanBlock, b);
      guint lower = b > 0 ? g_array_index (blocks, KessanBlock, b - 1).last + 1 : 0;
      g_autoptr(GString) caption = g_string_new (NULL);
      int best = -1;
      guint best_score = 0;

      for (guint i = block->first; i-- > block->preamble;)
        if (kessan_line_is_title (&lines[i], context->concepts))
          {
            gboolean headed_above = FALSE;

            /* A title printed under the header of the columns, as the
             * first heading of the body ("Consolidated income statement
             * information:" under the years), keeps that header. */
            for (guint j = block->preamble; j < i && !headed_above; j++)
              headed_above = kessan_line_is_header (&lines[j]) && !kessan_line_is_title (&lines[j], context->concepts)
                             && kessan_text_is_year_list (lines[j].text);
            block->title = (int) i;
            if (!headed_above)
              block->preamble = i;
            break;
          }
      if (block->title >= 0)
        {
          g_hash_table_add (consumed, GUINT_TO_POINTER (block->title));
          continue;
        }

      for (guint i = block->preamble; i <= block->first && i <= block->last; i++)
        if (lines[i].kind == KESSAN_LINE_TEXT)
          {
            g_string_append (caption, lines[i].text);
            g_string_append_c (caption, ' ');
          }

      for (guint i = block->first; i-- > 0 && block->first - i < TITLE_SEARCH_LINES;)
        {
          guint score;

          if (g_hash_table_contains (consumed, GUINT_TO_POINTER (i))
              || !kessan_line_is_title (&lines[i], context->concepts))
            continue;
          if (lines[i].japanese != lines[block->first].japanese)
            continue;
          score = caption_score (caption->str, lines[i].text);
          if (score > best_score)
            {
              best_score = score;
              best = (int) i;
            }
        }

      /* Otherwise a sentence introducing the table may name its subject
       * ("…the reconciliation of adjusted EBITDA…"). */
      if (best < 0)
        for (guint i = block->first; i-- > lower && block->first - i < PREAMBLE_LINES;)
          {
            KessanStatementKind kind;

            if (lines[i].kind == KESSAN_LINE_TEXT
                && kessan_concepts_find_table_topic (context->concepts, lines[i].text, &kind) != NULL)
              {
                best = (int) i;
                break;
              }
          }

      if (best >= 0)
        {
          block->title = best;
          g_hash_table_add (consumed, GUINT_TO_POINTER (best));
        }
    }
}

static int
compare_first_lines (gconstpointer a,
                     gconstpointer b)
{
  KessanStatement *sa = *(KessanStatement * const *) a;
  KessanStatement *sb = *(KessanStatement * const *) b;
  guint la = kessan_statement_get_first_line (sa);
  guint lb = kessan_statement_get_first_line (sb);

  return la < lb ? -1 : la > lb;
}

/* Ids are "<language>-<topic>", and "-2", "-3"… for more tables of the
 * same topic; @taken counts the tables of each base id. */
static char *
make_statement_id (GHashTable      *taken,
                   KessanStatement *statement,
                   guint            index)
{
  const char *topic = kessan_statement_get_topic (statement);
  char *base;
  guint count;

  if (topic != NULL)
    {
      base = g_strdup_printf ("%s-%s", kessan_statement_get_language (statement), topic);
      g_strdelimit (base, "._", '-');
    }
  else
    base = g_strdup_printf ("%s-table-%u", kessan_statement_get_language (statement), index + 1);

  count = GPOINTER_TO_UINT (g_hash_table_lookup (taken, base)) + 1;
  g_hash_table_replace (taken, base, GUINT_TO_POINTER (count));
  if (count == 1)
    return g_strdup (base);
  return g_strdup_printf ("%s-%u", base, count);
}

static void find_release_date_line (KessanParseContext *context,
                                    KessanFiling       *filing);

static void
find_release_date (KessanParseContext *context,
                   KessanFiling       *filing)
{
  g_date_clear (&context->released, 1);
  find_release_date_line (context, filing);
  /* The calendar reads two-digit Japanese years by the release's date. */
  kessan_release_find_calendar (context);
}

static void
find_release_date_line (KessanParseContext *context,
                        KessanFiling       *filing)
{
  g_autoptr(GRegex) dateline = g_regex_new ("^\\s*[A-Z][A-Za-z .]+,\\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2},\\s*\\d{4}",
                                            0, 0, NULL);
  g_autoptr(GRegex) dateonly = g_regex_new ("^\\s*(?:(?:昭和|平成|令和)\\s*(?:\\d{1,2}|元)|\\d{4})\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*$", 0, 0, NULL);

  g_autoptr(GRegex) labelled = g_regex_new ("【提出日】|(?:発表日|開示日|公表日)\\s*[:：]", 0, 0, NULL);

  /* A date the release labels as its own (【提出日】, 発表日：) comes first. */
  for (guint i = 0; i < context->n_lines && i < 400; i++)
    {
      const char *text = context->lines[i].text;

      if (context->lines[i].kind != KESSAN_LINE_BLANK && strstr (text, "日") != NULL
          && g_regex_match (labelled, text, 0, NULL))
        {
          g_autoptr(GArray) periods = kessan_period_scan (text);

          if (periods->len == 1)
            {
              g_autofree char *iso = NULL;

              context->released = g_array_index (periods, KessanPeriod, 0).end;
              iso = kessan_date_to_iso (&context->released);
              kessan_filing_set_released (filing, iso);
              return;
            }
        }
    }

  for (guint i = 0; i < context->n_lines; i++)
    {
      const char *text = context->lines[i].text;

      if (context->lines[i].kind == KESSAN_LINE_BLANK)
        continue;
      /* Each pattern needs a character most lines lack ("," or "年"):
       * tested first, a release of a million lines without a date is
       * not matched against both patterns on every line. */
      if ((strchr (text, ',') != NULL && g_regex_match (dateline, text, 0, NULL))
          || (strstr (text, "年") != NULL && g_regex_match (dateonly, text, 0, NULL)))
        {
          g_autoptr(GArray) periods = kessan_period_scan (text);

          if (periods->len > 0)
            {
              g_autofree char *iso = NULL;

              context->released = g_array_index (periods, KessanPeriod, 0).end;
              iso = kessan_date_to_iso (&context->released);
              kessan_filing_set_released (filing, iso);
              return;
            }
        }
    }
}

static void
find_exchange_rate (KessanParseContext *context,
                    KessanFiling       *filing)
{
  g_autoptr(GRegex) english = g_regex_new ("JPY\\s*(\\d{2,3}\\.\\d+)\\s*=\\s*(?:US)?\\s*\\$\\s*1", 0, 0, NULL);
  g_autoptr(GRegex) japanese = g_regex_new ("(\\d{2,3}\\.\\d+)\\s*円\\s*=\\s*1\\s*米ドル", 0, 0, NULL);

  for (guint i = 0; i < context->n_lines; i++)
    {
      const char *text = context->lines[i].text;
      g_autoptr(GMatchInfo) match = NULL;

      if (strchr (text, '=') == NULL)
        continue;
      if (!g_regex_match (english, text, 0, &match))
        {
          g_clear_pointer (&match, g_match_info_free);
          g_regex_match (japanese, text, 0, &match);
        }
      if (g_match_info_matches (match))
        {
          g_autofree char *rate = g_match_info_fetch (match, 1);
          g_autoptr(GArray) periods = NULL;
          g_autofree char *as_of = NULL;
          g_autofree char *joined = NULL;
          int start, stop;

          g_match_info_fetch_pos (match, 0, &start, &stop);
          /* The date of the rate may be on the next line. */
          joined = g_strconcat (text + stop, " ",
                                i + 1 < context->n_lines ? context->lines[i + 1].text : "", NULL);
          periods = kessan_period_scan (joined);
          if (periods->len > 0)
            as_of = kessan_date_to_iso (&g_array_index (periods, KessanPeriod, 0).end);
          context->jpy_per_usd = g_ascii_strtod (rate, NULL);
          kessan_filing_set_exchange_rate (filing, context->jpy_per_usd, as_of);
          return;
        }
    }
}

static void
find_company (KessanParseContext *context,
              KessanFiling       *filing)
{
  kessan_release_find_identity (context, filing);
}

static const char *
language_name (const char *language)
{
  if (g_str_equal (language, "en"))
    return _("English");
  if (g_str_equal (language, "ja"))
    return _("Japanese");
  return language;
}

static gboolean
is_main_statement (KessanStatement *statement)
{
  KessanStatementKind kind = kessan_statement_get_kind (statement);

  return kessan_statement_get_topic (statement) != NULL
         && (kind == KESSAN_STATEMENT_KIND_INCOME || kind == KESSAN_STATEMENT_KIND_BALANCE
             || kind == KESSAN_STATEMENT_KIND_CASHFLOW);
}

static gboolean
has_topic (KessanFiling *filing,
           const char   *language,
           const char   *topic)
{
  for (guint s = 0; s < kessan_filing_get_n_statements (filing); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);

      if (g_strcmp0 (kessan_statement_get_language (statement), language) == 0
          && g_strcmp0 (kessan_statement_get_topic (statement), topic) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A release in two languages announces its statements twice: when the
 * edition printed last lacks a statement of operations, balance sheet
 * or cash flow statement that the other edition has, the file most
 * likely ends before them, even when it was not cut inside a table.
 * (An abridged edition comes first, before the full one.) */
static void
report_missing_statements (KessanParseContext *context,
                           KessanFiling       *filing,
                           guint               last_line)
{
  guint n = kessan_filing_get_n_statements (filing);
  KessanStatement *last_statement = kessan_filing_get_statement (filing, n - 1);
  const char *last_language = kessan_statement_get_language (last_statement);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(KessanFinding) finding = NULL;
  g_autofree char *message = NULL;
  const char *other_language = NULL;
  guint n_missing = 0;

  if (last_language == NULL)
    return;

  for (guint s = 0; s < n; s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);
      const char *language = kessan_statement_get_language (statement);

      if (language == NULL || g_str_equal (language, last_language) || !is_main_statement (statement)
          || has_topic (filing, last_language, kessan_statement_get_topic (statement)))
        continue;
      if (n_missing > 0)
        g_string_append (missing, ", ");
      g_string_append (missing, kessan_statement_get_id (statement));
      other_language = language;
      n_missing++;
    }
  if (n_missing == 0)
    return;

  /* TRANSLATORS: “The release ends at line 812, and its last edition,
   * in English, lacks 3 statements its edition in Japanese has:
   * ja-income-quarter, ja-balance, ja-cashflow-quarter. …” */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The release ends at line %u, and its last edition, in %s, lacks %u statement its edition in %s has: %s. The file was most likely cut short, and that statement is missing.",
                                          "The release ends at line %u, and its last edition, in %s, lacks %u statements its edition in %s has: %s. The file was most likely cut short, and those statements are missing.",
                                          n_missing),
                             last_line, language_name (last_language), n_missing,
                             language_name (other_language), missing->str);
  finding = kessan_finding_new ("truncated", KESSAN_SEVERITY_WARNING,
                                kessan_statement_get_id (last_statement), message);
  kessan_finding_add_line (finding, last_line);
  kessan_filing_add_finding (filing, finding);
}

static void
report_truncation (KessanParseContext *context,
                   KessanFiling       *filing,
                   GArray             *blocks,
                   gboolean            cut_mid_line)
{
  guint last_text = 0;
  const KessanBlock *last_block;
  KessanStatement *last_statement;
  g_autoptr(KessanFinding) finding = NULL;
  g_autofree char *message = NULL;
  guint n = kessan_filing_get_n_statements (filing);

  if (blocks->len == 0 || n == 0)
    return;
  for (guint i = 0; i < context->n_lines; i++)
    if (context->lines[i].kind != KESSAN_LINE_BLANK)
      last_text = i;

  /* The release ends inside a table when its last line is a row, or
   * when it was cut in the middle of a line just after one. */
  last_block = &g_array_index (blocks, KessanBlock, blocks->len - 1);
  if (last_block->last < last_text
      && !(cut_mid_line && last_text - last_block->last <= 3
           && !kessan_line_is_note (&context->lines[last_text])))
    {
      report_missing_statements (context, filing, context->lines[last_text].number);
      return;
    }

  last_statement = kessan_filing_get_statement (filing, n - 1);
  message = g_strdup_printf (_("The release ends inside a table at line %u: it was cut short. The tables before the cut were read; this table may be incomplete and any statements after it are missing."),
                             context->lines[last_text].number);
  finding = kessan_finding_new ("truncated", KESSAN_SEVERITY_WARNING,
                                kessan_statement_get_id (last_statement), message);
  kessan_finding_add_line (finding, context->lines[last_text].number);
  kessan_filing_add_finding (filing, finding);
}

/* Whether a statement's title says that it goes on from the page
 * before: "BALANCE SHEETS (Continued)", "連結貸借対照表（続き）". */
static gboolean
title_continues (const char *title)
{
  g_autofree char *lower = NULL;

  if (title == NULL)
    return FALSE;
  lower = g_ascii_strdown (title, -1);
  return strstr (lower, "(continued)") != NULL || strstr (lower, "continued)") != NULL
         || strstr (lower, "- continued") != NULL || strstr (lower, "\xe2\x80\x94 continued") != NULL
         || strstr (title, "\xe7\xb6\x9a\xe3\x81\x8d") != NULL  /* 続き */
         || strstr (title, "\xe3\x81\xa4\xe3\x81\xa5\xe3\x81\x8d") != NULL; /* つづき */
}

/* A statement printed over a page break, its title and headers printed
 * again on the next page with "(Continued)", is one statement: when
 * @next says so and has @previous's kind and columns, its rows are
 * added to @previous.  Returns whether they were. */
static gboolean
continue_statement (KessanStatement *previous,
                    KessanStatement *next)
{
  guint n_columns = kessan_statement_get_n_columns (next);

  if (!title_continues (kessan_statement_get_title (next))
      || kessan_statement_get_kind (previous) != kessan_statement_get_kind (next)
      || kessan_statement_get_n_columns (previous) != n_columns
      || g_strcmp0 (kessan_statement_get_language (previous), kessan_statement_get_language (next)) != 0)
    return FALSE;
  for (guint c = 0; c < n_columns; c++)
    {
      KessanColumn *a = kessan_statement_get_column (previous, c);
      KessanColumn *b = kessan_statement_get_column (next, c);

      if (g_strcmp0 (kessan_column_get_period_end (a), kessan_column_get_period_end (b)) != 0
          || kessan_column_get_months (a) != kessan_column_get_months (b)
          || kessan_column_get_measure (a) != kessan_column_get_measure (b))
        return FALSE;
    }
  for (guint r = 0; r < kessan_statement_get_n_rows (next); r++)
    kessan_statement_add_row (previous, kessan_statement_get_row (next, r));
  kessan_statement_set_lines (previous, kessan_statement_get_first_line (previous),
                              kessan_statement_get_last_line (next));
  return TRUE;
}

/* A table printed right under another, its own title between them but
 * no header of its own ("Consolidated balance sheet information:" after
 * the income statement information, under the years printed once),
 * shares the columns of the table above: @next, with no period in any
 * column, takes the periods, currency and scale of @previous's. */
static void
inherit_columns (KessanParseContext *context,
                 const KessanBlock  *above,
                 const KessanBlock  *block,
                 KessanStatement    *previous,
                 KessanStatement    *next)
{
  KessanLine *lines = context->lines;
  guint n_columns = kessan_statement_get_n_columns (next);
  gboolean balance = kessan_statement_get_kind (next) == KESSAN_STATEMENT_KIND_BALANCE;

  if (kessan_statement_get_n_columns (previous) != n_columns
      || g_strcmp0 (kessan_statement_get_language (previous), kessan_statement_get_language (next)) != 0)
    return;
  for (guint c = 0; c < n_columns; c++)
    {
      KessanColumn *column = kessan_statement_get_column (next, c);

      if (kessan_column_get_period_end (column) != NULL
          || kessan_column_get_measure (column) != kessan_column_get_measure (kessan_statement_get_column (previous, c)))
        return;
    }
  for (guint i = above->last + 1; i < block->first; i++)
    if (lines[i].kind == KESSAN_LINE_DATA || kessan_line_is_prose (&lines[i]) || kessan_line_is_header (&lines[i]))
      return;

  for (guint c = 0; c < n_columns; c++)
    {
      KessanColumn *from = kessan_statement_get_column (previous, c);
      KessanColumn *column = kessan_statement_get_column (next, c);

      kessan_column_set_period_end (column, kessan_column_get_period_end (from));
      kessan_column_set_months (column, balance ? 0 : kessan_column_get_months (from));
      if (!balance)
        kessan_column_set_period_start (column, kessan_column_get_period_start (from));
      if (kessan_column_get_currency_code (column) == NULL && kessan_column_get_unit (column) == kessan_column_get_unit (from))
        kessan_column_set_currency_code (column, kessan_column_get_currency_code (from));
      if (kessan_column_get_scale (column) == 1 && kessan_column_get_measure (column) == KESSAN_MEASURE_AMOUNT)
        {
          kessan_column_set_scale (column, kessan_column_get_scale (from));
          kessan_column_set_unit (column, kessan_column_get_unit (from));
        }
    }
}

/* Lines are scanned on their own, so the scan of a long release is
 * shared between two threads: the first reads the top half, a helper
 * thread the bottom half. */
#define SCAN_SPLIT_LINES 400

typedef struct
{
  KessanLine  *lines;
  const char **starts;
  guint        first;
  guint        last;      /* exclusive */
} ScanRange;

static gpointer
scan_range (gpointer data)
{
  ScanRange *range = data;

  for (guint i = range->first; i < range->last; i++)
    {
      const char *start = range->starts[i];
      const char *eol = strchr (start, '\n');
      gsize len = eol != NULL ? (gsize) (eol - start) : strlen (start);

      kessan_line_scan (&range->lines[i], start, len, i + 1);
    }
  return NULL;
}

static void
scan_lines (KessanParseContext *context,
            const char         *text)
{
  g_autofree const char **starts = g_new (const char *, context->n_lines);
  ScanRange top = { context->lines, NULL, 0, context->n_lines };
  ScanRange bottom = top;
  GThread *helper = NULL;
  guint i = 0;

  for (const char *p = text; p != NULL && i < context->n_lines; i++)
    {
      const char *eol = strchr (p, '\n');

      starts[i] = p;
      p = eol != NULL ? eol + 1 : NULL;
    }
  top.starts = bottom.starts = starts;

  if (context->n_lines >= SCAN_SPLIT_LINES)
    {
      top.last = bottom.first = context->n_lines / 2;
      helper = g_thread_try_new ("kessan-scan", scan_range, &bottom, NULL);
    }
  scan_range (&top);
  if (helper != NULL)
    g_thread_join (helper);
  else if (bottom.first > 0)
    scan_range (&bottom);
}

static gpointer
hash_bytes (gpointer data)
{
  gsize length;
  const guint8 *bytes = g_bytes_get_data (data, &length);
  char *hash = kessan_sha256_hex (bytes, length);

  /* The first parse of a process loads the dictionary here, beside the
   * reading of the format, rather than after it. */
  kessan_concepts_get_default ();
  return hash;
}

static guint
count_data_lines (const KessanParseContext *context,
                  const KessanBlock        *block)
{
  guint n = 0;

  for (guint i = block->first; i <= block->last; i++)
    if (context->lines[i].kind == KESSAN_LINE_DATA)
      n++;
  return n;
}

static KessanFiling *parse_grid (KessanGrid  *grid,
                                 GBytes      *contents,
                                 GThread     *hasher,
                                 const char  *source_name,
                                 GError     **error);

/**
 * kessan_parse_release:
 * @contents: the bytes of a release: a PDF with text, or text in any
 *   supported encoding
 * @source_name: (nullable): the file name, for provenance
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Reads every table of an earnings release into a filing.  The format is
 * told by the contents, not by the name, and read by its reader
 * (kessan_grid_read()); every format then goes through the same table
 * reader.  A PDF is read from its text layer, page by page (see
 * kessan_filing_get_line_page()).
 *
 * A file that cannot be read fails with a message naming it and saying
 * what to do, and a code of its own: %KESSAN_ERROR_EMPTY,
 * %KESSAN_ERROR_BINARY, %KESSAN_ERROR_DOCUMENT (a spreadsheet or
 * word-processor document), %KESSAN_ERROR_ENCODING,
 * %KESSAN_ERROR_TOO_LARGE, %KESSAN_ERROR_LIMIT,
 * %KESSAN_ERROR_PDF_ENCRYPTED, %KESSAN_ERROR_PDF_DAMAGED,
 * %KESSAN_ERROR_PDF_NO_TEXT or %KESSAN_ERROR_NOT_RELEASE (no table).
 *
 * Returns: (transfer full): the filing, or %NULL with @error set
 */
static KessanFiling *parse_grid (KessanGrid  *grid,
                                 GBytes      *contents,
                                 GThread     *hasher,
                                 const char  *source_name,
                                 GError     **error);

KessanFiling *
kessan_parse_release (GBytes      *contents,
                      const char  *source_name,
                      GError     **error)
{
  g_autoptr(KessanGrid) grid = NULL;
  g_autofree char *display_name = NULL;
  GThread *hasher;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = kessan_input_display_name (source_name);
  /* The hash of the original is computed from the start, beside the
   * reading of the format (a PDF's text layer keeps one processor busy)
   * and of the tables. */
  hasher = g_thread_try_new ("kessan-hash", hash_bytes, contents, NULL);
  grid = kessan_grid_read (contents, display_name, error);
  if (grid == NULL)
    {
      if (hasher != NULL)
        g_free (g_thread_join (hasher));
      return NULL;
    }
  return parse_grid (grid, contents, hasher, source_name, error);
}

/**
 * kessan_parse_grid:
 * @grid: what a reader read of a release
 * @contents: (nullable): the bytes of the release, for its hash
 * @source_name: (nullable): the file name, for provenance
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * The one table reader, for every format: finds the tables of @grid's
 * lines and reads each, then gives the filing what @grid knows exactly
 * (its parts, places and tagged facts).
 *
 * Returns: (transfer full): the filing, or %NULL with @error set
 */
KessanFiling *
kessan_parse_grid (KessanGrid  *grid,
                   GBytes      *contents,
                   const char  *source_name,
                   GError     **error)
{
  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse_grid (grid, contents,
                     contents != NULL ? g_thread_try_new ("kessan-hash", hash_bytes, contents, NULL) : NULL,
                     source_name, error);
}

/* kessan_parse_grid (), with the hash of @contents already being
 * computed by @hasher (which may be %NULL), which it joins. */
static KessanFiling *
parse_grid (KessanGrid  *grid,
            GBytes      *contents,
            GThread     *hasher,
            const char  *source_name,
            GError     **error)
{
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GArray) blocks = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *display_name = NULL;
  KessanParseContext context = { 0 };
  KessanStatement *previous;
  const char *encoding = grid->encoding;
  gsize length;
  gboolean cut_mid_line;
  const char *p;
  guint n;

  display_name = kessan_input_display_name (source_name);
  text = kessan_grid_steal_text (grid);
  length = strlen (text);

  n = 1;
  for (p = text; (p = memchr (p, '\n', length - (p - text))) != NULL; p++)
    n++;
  /* The scan has a line after the last line break; a text that ends in
   * one has no line there to count. */
  if ((length > 0 && text[length - 1] == '\n' ? n - 1 : n) > KESSAN_MAX_LINES)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_LIMIT,
                   _("“%s” has %u lines; releases are limited to %u lines. Open a single release, not a collection of them."),
                   display_name, length > 0 && text[length - 1] == '\n' ? n - 1 : n, KESSAN_MAX_LINES);
      if (hasher != NULL)
        g_free (g_thread_join (hasher));
      return NULL;
    }

  context.concepts = kessan_concepts_get_default ();
  context.lines = g_new0 (KessanLine, n);
  context.n_lines = n;
  scan_lines (&context, text);

  /* A file cut in the middle of a line loses that line's numbers. */
  cut_mid_line = length > 0 && text[strlen (text) - 1] != '\n';
  if (cut_mid_line && context.lines[context.n_lines - 1].kind == KESSAN_LINE_DATA)
    context.lines[context.n_lines - 1].kind = KESSAN_LINE_BLANK;

  filing = kessan_filing_new ();
  kessan_filing_set_source_name (filing, source_name);
  kessan_filing_set_source_encoding (filing, encoding);
  kessan_filing_take_text (filing, g_steal_pointer (&text));

  find_company (&context, filing);
  find_release_date (&context, filing);
  find_exchange_rate (&context, filing);

  blocks = find_blocks (&context);
  assign_titles (&context, blocks);
  /* The statement read from the block before, while it is kept. */
  previous = NULL;
  for (guint b = 0; b < blocks->len; b++)
    {
      KessanBlock *block = &g_array_index (blocks, KessanBlock, b);
      g_autoptr(KessanStatement) statement = NULL;
      g_autofree char *id = NULL;

      /* Every data line of a block becomes a row of its own (a label
       * wrapped over two lines is one text line and one data line), and
       * headings add rows: a block with more data lines than a table may
       * have rows is refused before it is read, which for a table of a
       * million lines would take seconds and hundreds of megabytes. */
      if (count_data_lines (&context, block) > KESSAN_MAX_ROWS_PER_TABLE)
        {
          g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_LIMIT,
                       _("A table of “%s” at line %u has more than %u rows; tables are limited to %u rows."),
                       display_name, context.lines[block->title >= 0 ? (guint) block->title : block->first].number,
                       KESSAN_MAX_ROWS_PER_TABLE, KESSAN_MAX_ROWS_PER_TABLE);
          goto out;
        }
      statement = kessan_table_read (&context, block);
      if (statement == NULL || kessan_statement_get_n_rows (statement) == 0)
        {
          previous = NULL;
          continue;
        }
      if (previous != NULL)
        inherit_columns (&context, &g_array_index (blocks, KessanBlock, b - 1), block, previous, statement);
      previous = NULL;
      if (statements->len > 0 && continue_statement (g_ptr_array_index (statements, statements->len - 1), statement))
        {
          previous = g_ptr_array_index (statements, statements->len - 1);
          continue;
        }
      if (statements->len >= KESSAN_MAX_TABLES)
        {
          g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_LIMIT,
                       _("“%s” has more than %u tables; releases are limited to %u."),
                       display_name, KESSAN_MAX_TABLES, KESSAN_MAX_TABLES);
          goto out;
        }
      if (kessan_statement_get_n_rows (statement) > KESSAN_MAX_ROWS_PER_TABLE)
        {
          g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_LIMIT,
                       _("A table of “%s” at line %u has more than %u rows; tables are limited to %u rows."),
                       display_name, kessan_statement_get_first_line (statement),
                       KESSAN_MAX_ROWS_PER_TABLE, KESSAN_MAX_ROWS_PER_TABLE);
          goto out;
        }
      id = make_statement_id (taken, statement, b);
      kessan_statement_set_id (statement, id);
      previous = statement;
      g_ptr_array_add (statements, g_steal_pointer (&statement));
    }

  /* In the order the tables are titled, which is the order a reader
   * meets them even where a table's body is printed further on. */
  g_ptr_array_sort (statements, compare_first_lines);
  for (guint i = 0; i < statements->len; i++)
    {
      KessanStatement *statement = g_ptr_array_index (statements, i);

      kessan_filing_add_language (filing, kessan_statement_get_language (statement));
      kessan_filing_add_statement (filing, statement);
    }

  if (kessan_filing_get_n_statements (filing) == 0)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_NOT_RELEASE,
                   _("“%s” is not an earnings release: no financial table was found in it. Choose the release itself, as PDF or text."),
                   display_name);
      goto out;
    }

  kessan_grid_apply_places (grid, filing);
  kessan_grid_apply_facts (grid, filing);
  kessan_facts_apply (grid, filing);
  kessan_release_find_fiscal_period (&context, filing);
  /* A marked-up document closes its own elements: a table at its end
   * is not a sign that it was cut. */
  if (!grid->marked_up)
    report_truncation (&context, filing, blocks, cut_mid_line);

out:
  hash = hasher != NULL ? g_thread_join (hasher) : contents != NULL ? hash_bytes (contents) : NULL;
  kessan_filing_set_source_hash (filing, hash);

  for (guint i = 0; i < context.n_lines; i++)
    kessan_line_clear (&context.lines[i]);
  g_free (context.lines);

  if (error != NULL && *error != NULL)
    return NULL;
  return g_steal_pointer (&filing);
}

/* Reads what @fd holds, at most one byte more than a release may have:
 * a device such as /dev/zero, a pipe that never ends or a file that
 * grows while it is read is refused at the limit, not read until memory
 * runs out.  @size_hint is what fstat() said, for the first buffer. */
static GBytes *
read_within_limit (int          fd,
                   gsize        size_hint,
                   const char  *display_name,
                   GError     **error)
{
  g_autofree guint8 *data = NULL;
  gsize allocated = MIN (size_hint, KESSAN_MAX_INPUT_SIZE) + 1;
  gsize done = 0;

  data = g_malloc (allocated);
  for (;;)
    {
      gssize n;

      if (done == allocated)
        {
          if (allocated > KESSAN_MAX_INPUT_SIZE)
            break;
          allocated = MIN (MAX (allocated * 2, (gsize) 65536), KESSAN_MAX_INPUT_SIZE + 1);
          data = g_realloc (data, allocated);
        }

      n = read (fd, data + done, allocated - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int errsv = errno;

          g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                       _("“%s” cannot be read: %s"), display_name, g_strerror (errsv));
          return NULL;
        }
      if (n == 0)
        break;
      done += n;
    }

  if (done > KESSAN_MAX_INPUT_SIZE)
    {
      kessan_input_set_over_limit (error, display_name);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), done);
}

/**
 * kessan_load_release_fd:
 * @fd: a file descriptor open for reading, such as standard input
 * @display_name: what to call it in a message ("standard input")
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Reads the bytes of a release from @fd, which may be a pipe, up to its
 * end: more than %KESSAN_MAX_INPUT_SIZE bytes fail with
 * %KESSAN_ERROR_TOO_LARGE as soon as the limit is crossed.  @fd is not
 * closed.
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
kessan_load_release_fd (int          fd,
                        const char  *display_name,
                        GError     **error)
{
  struct stat st;

  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   _("“%s” is a folder, not a release file. Choose a release inside it."), display_name);
      return NULL;
    }
  return read_within_limit (fd, S_ISREG (st.st_mode) ? (gsize) MIN ((guint64) st.st_size, G_MAXSIZE - 1) : 0,
                            display_name, error);
}

static void
set_not_regular (GError     **error,
                 const char  *display_name)
{
  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
               _("“%s” is not a regular file but a device, a pipe or a socket, which Kessan does not read. Save the release as a file and choose that."),
               display_name);
}

/* A file that is not on this computer's disks, read through GIO. */
static GBytes *
load_remote_release_bytes (GFile       *file,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  guint8 buffer[65536];

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    goto failed;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   _("“%s” is a folder, not a release file. Choose a release inside it."), display_name);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      set_not_regular (error, display_name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > KESSAN_MAX_INPUT_SIZE)
    {
      kessan_input_set_too_large (error, display_name, g_file_info_get_size (info));
      return NULL;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    goto failed;
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, &local_error);

      if (n < 0)
        goto failed;
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, n);
      if (data->len > KESSAN_MAX_INPUT_SIZE)
        {
          kessan_input_set_over_limit (error, display_name);
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));

failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    kessan_input_set_vanished (error, display_name);
  else
    g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                 _("“%s” cannot be read: %s"), display_name, local_error->message);
  return NULL;
}

/**
 * kessan_load_release_bytes:
 * @file: a release on disk
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Reads the bytes of a release, refusing a folder, a file that is not a
 * regular one (a device, a pipe or a socket, without waiting on it) or a
 * file over the size limit: at most one byte more than the limit is
 * read, even from a file that grows while it is read.  The parser, the
 * library and the app all read releases through this, so they refuse in
 * the same words.  A file that vanished since it was chosen fails with
 * %KESSAN_ERROR_NOT_FOUND; a path typed by a user is checked first with
 * kessan_check_release_path().
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
kessan_load_release_bytes (GFile   *file,
                           GError **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *path = NULL;
  struct stat st;
  GBytes *bytes;
  int fd;
  int errsv;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = g_file_get_basename (file);
  path = g_file_get_path (file);
  if (path == NULL)
    return load_remote_release_bytes (file, display_name, error);

  /* Opened without waiting: opening a pipe nobody writes to would wait
   * for a writer for ever. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      errsv = errno;
      /* Between choosing a file and reading it, it may have been moved
       * or deleted: that is not a fault of the file. */
      if (errsv == ENOENT)
        kessan_input_set_vanished (error, display_name);
      else if (errsv == ENXIO)  /* a socket, or a pipe opened without a writer */
        set_not_regular (error, display_name);
      else
        g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                     /* TRANSLATORS: a file's name, then what went wrong. */
                     _("“%s” cannot be read: %s"), display_name, g_strerror (errsv));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      errsv = errno;
      close (fd);
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   _("“%s” cannot be read: %s"), display_name, g_strerror (errsv));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_IO,
                   _("“%s” is a folder, not a release file. Choose a release inside it."), display_name);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      set_not_regular (error, display_name);
      return NULL;
    }
  if ((guint64) st.st_size > KESSAN_MAX_INPUT_SIZE)
    {
      close (fd);
      kessan_input_set_too_large (error, display_name, st.st_size);
      return NULL;
    }

  bytes = read_within_limit (fd, st.st_size, display_name, error);
  close (fd);
  return bytes;
}

/**
 * kessan_check_release_path:
 * @file: a release file named by a user, e.g. on a command line
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Fails with %KESSAN_ERROR_NOT_FOUND, saying that the file does not
 * exist, when nothing is at @file: a path typed with a mistake never
 * existed, unlike a file chosen in a dialog that vanished before it was
 * read (kessan_load_release_bytes()).
 *
 * Returns: %TRUE when something is there
 */
gboolean
kessan_check_release_path (GFile   *file,
                           GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  name = g_file_get_parse_name (file);
  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_NOT_FOUND,
               _("“%s” does not exist. Check the name and the folder of the release."), name);
  return FALSE;
}

/**
 * kessan_parse_file:
 * @file: a release on disk
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the filing, or %NULL with @error set
 */
KessanFiling *
kessan_parse_file (GFile   *file,
                   GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* An unpacked TDnet or EDINET package is read as the package is; any
   * other folder is refused as a folder. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new ();
      g_autoptr(GError) local_error = NULL;
      KessanFiling *filing;

      g_ptr_array_add (files, file);
      filing = kessan_parse_package_files (files, &local_error);
      if (filing != NULL)
        return filing;
      if (!g_error_matches (local_error, KESSAN_ERROR, KESSAN_ERROR_NOT_RELEASE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  bytes = kessan_load_release_bytes (file, error);
  if (bytes == NULL)
    return NULL;
  name = g_file_get_basename (file);
  return kessan_parse_release (bytes, name, error);
}

/**
 * kessan_parse_package_files:
 * @files: (element-type GFile): the inline XBRL documents of one
 *   release, or the folder of an unpacked TDnet or EDINET package
 * @error: return location for a #GError
 *
 * Reads documents chosen one by one, or an unpacked package, as one
 * release, in the order the package would give them.
 *
 * Returns: (transfer full): the filing, or %NULL with @error set
 */
KessanFiling *
kessan_parse_package_files (GPtrArray  *files,
                            GError    **error)
{
  g_autoptr(KessanGrid) grid = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (files != NULL && files->len > 0, NULL);

  name = g_file_get_basename (g_ptr_array_index (files, 0));
  grid = kessan_package_reader_read_files (files, name, error);
  if (grid == NULL)
    return NULL;
  return kessan_parse_grid (grid, NULL, name, error);
}
