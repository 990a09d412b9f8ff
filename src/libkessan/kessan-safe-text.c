/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-safe-text"

#include "kessan-safe-text.h"

#include <string.h>

/* A release is text from outside: a label may carry an escape sequence
 * that a terminal would run, or a direction override that turns the rest
 * of a line around.  What Kessan prints for a terminal or a spreadsheet
 * shows such characters instead of passing them on. */

#define SYMBOL_FOR_NULL   0x2400
#define SYMBOL_FOR_DELETE 0x2421

/**
 * kessan_unichar_is_unsafe:
 * @c: a character
 *
 * Whether @c is a control character (C0, DEL or C1) or a bidirectional
 * embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
 *
 * Returns: %TRUE for such a character
 */
gboolean
kessan_unichar_is_unsafe (gunichar c)
{
  return c < 0x20
         || (c >= 0x7F && c <= 0x9F)
         || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2066 && c <= 0x2069);
}

/* @keep: the controls kept as they are. */
static char *
make_safe (const char *text,
           const char *keep)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!kessan_unichar_is_unsafe (c) || (c != 0 && c < 0x20 && strchr (keep, c) != NULL))
        {
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          continue;
        }

      if (c == '\t' || c == '\n' || c == '\r')
        c = ' ';
      else if (c < 0x20)
        c = SYMBOL_FOR_NULL + c;
      else if (c == 0x7F)
        c = SYMBOL_FOR_DELETE;
      else
        c = 0xFFFD;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * kessan_safe_text:
 * @text: (nullable): UTF-8 text, or text that should be
 *
 * @text as it can be printed on a terminal: tabs and line breaks become
 * spaces, the other C0 controls and DEL their control pictures (␀ … ␟,
 * ␡), C1 controls and bidirectional controls U+FFFD, and invalid UTF-8
 * U+FFFD.  Other characters are kept.
 *
 * Returns: (transfer full): the text; "" for %NULL
 */
char *
kessan_safe_text (const char *text)
{
  return make_safe (text, "");
}

/**
 * kessan_safe_lines:
 * @text: (nullable): UTF-8 text, or text that should be
 *
 * As kessan_safe_text(), but keeping line breaks and tabs: for whole
 * lines of output, where they are the layout.
 *
 * Returns: (transfer full): the text; "" for %NULL
 */
char *
kessan_safe_lines (const char *text)
{
  return make_safe (text, "\n\t");
}

/**
 * kessan_safe_csv_text:
 * @text: (nullable): UTF-8 text, or text that should be
 *
 * As kessan_safe_text(), but keeping line breaks and tabs, which a
 * quoted CSV field holds as they are.
 *
 * Returns: (transfer full): the text; "" for %NULL
 */
char *
kessan_safe_csv_text (const char *text)
{
  return make_safe (text, "\t\r\n");
}
