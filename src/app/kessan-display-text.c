/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-display"

#include <string.h>

#include <gtk/gtk.h>

#include "kessan-display-text.h"

#define FIRST_STRONG_ISOLATE  0x2068
#define POP_DIRECTIONAL_ISOLATE 0x2069
#define LEFT_TO_RIGHT_MARK    0x200E
#define RIGHT_TO_LEFT_MARK    0x200F
#define ZERO_WIDTH_NON_JOINER 0x200C
#define ZERO_WIDTH_JOINER     0x200D
#define SYMBOL_FOR_NULL       0x2400
#define SYMBOL_FOR_DELETE     0x2421
#define ELLIPSIS              0x2026

/* Letters of the right-to-left scripts and their presentation forms:
 * Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, and the
 * Arabic and Hebrew presentation forms. */
static gboolean
is_right_to_left (gunichar c)
{
  return (c >= 0x0590 && c <= 0x08FF)
         || (c >= 0xFB1D && c <= 0xFDFF)
         || (c >= 0xFE70 && c <= 0xFEFF)
         || (c >= 0x10800 && c <= 0x10FFF)
         || (c >= 0x1E800 && c <= 0x1EFFF);
}

char *
kessan_display_text (const char *text,
                     gsize       max_chars)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) out = NULL;
  gboolean right_to_left = FALSE;
  gsize n_chars = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (MIN (strlen (valid), max_chars * 4) + 16);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars >= max_chars)
        {
          /* The last character kept gives its place to the ellipsis. */
          if (max_chars > 0)
            {
              const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);

              g_string_truncate (out, last != NULL ? (gsize) (last - out->str) : 0);
            }
          g_string_append_unichar (out, ELLIPSIS);
          break;
        }

      if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
        c = ' ';
      else if (c < 0x20)
        c = SYMBOL_FOR_NULL + c;
      else if (c == 0x7F)
        c = SYMBOL_FOR_DELETE;
      else if (c >= 0x80 && c <= 0x9F)
        c = 0xFFFD;
      else if (g_unichar_type (c) == G_UNICODE_FORMAT
               && c != ZERO_WIDTH_NON_JOINER && c != ZERO_WIDTH_JOINER)
        continue;

      right_to_left |= is_right_to_left (c);
      g_string_append_unichar (out, c);
      n_chars++;
    }

  if (right_to_left)
    {
      gunichar mark = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? RIGHT_TO_LEFT_MARK : LEFT_TO_RIGHT_MARK;
      char prefix[16];
      int n = g_unichar_to_utf8 (mark, prefix);

      n += g_unichar_to_utf8 (FIRST_STRONG_ISOLATE, prefix + n);
      g_string_insert_len (out, 0, prefix, n);
      g_string_append_unichar (out, POP_DIRECTIONAL_ISOLATE);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
