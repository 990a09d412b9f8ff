/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-json"

#include "kessan-json-writer-private.h"

#include <math.h>

#include "kessan-safe-text.h"

/* The JSON writer of the filing export and of the series.
 *
 * A small writer of our own rather than JsonGenerator, for numbers as
 * they were printed (json-glib's generator gives every double seventeen
 * significant digits, and "3236405.0" for an integer) and for a layout
 * people can read: objects one member per line, small objects such as
 * observations on one line each. */

/* Appends @str as a JSON string, or null for %NULL. */
void
kessan_json_append_string (GString    *out,
                           const char *str)
{
  g_autofree char *valid = NULL;

  if (str == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  /* The model should only hold UTF-8, but the output must be JSON even if
   * it does not. */
  if (!g_utf8_validate (str, -1, NULL))
    {
      valid = g_utf8_make_valid (str, -1);
      str = valid;
    }

  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = *p;
      const char *run;

      /* Most of a string needs no escape: it goes out in one piece. */
      for (run = p; (guchar) *run >= 0x20 && (guchar) *run < 0x7f && *run != '"' && *run != '\\'; run++)
        ;
      if (run > p)
        {
          g_string_append_len (out, p, run - p);
          p = run - 1;
          continue;
        }

      /* DEL, the C1 controls and the direction controls are escaped as
       * well, so that printing the JSON on a terminal runs no escape
       * sequence and turns no line around. */
      if (c == 0x7f || c >= 0xc0)
        {
          gunichar u = g_utf8_get_char (p);

          if (kessan_unichar_is_unsafe (u))
            {
              g_string_append_printf (out, "\\u%04x", u);
              p = g_utf8_next_char (p) - 1;
              continue;
            }
        }

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          g_string_append (out, "\\\\");
          break;

        case '\b':
          g_string_append (out, "\\b");
          break;

        case '\f':
          g_string_append (out, "\\f");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\r':
          g_string_append (out, "\\r");
          break;

        case '\t':
          g_string_append (out, "\\t");
          break;

        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* Writes the finite @value with @decimals decimals in the C locale,
 * whatever the user's: "9185259000", "9.4", "-9.0336".  Returns %FALSE,
 * leaving @buf alone, for a value too large to be written so. */
gboolean
kessan_json_format_fixed (char   *buf,
                          gsize   size,
                          double  value,
                          guint   decimals)
{
  char format[8];

  g_assert (isfinite (value));

  /* No "-0": a printed "(0)" or "-0.0" is zero. */
  if (value == 0.0)
    value = 0.0;

  if (fabs (value) >= KESSAN_JSON_MAX_FIXED)
    return FALSE;

  /* A whole number, as most values are, without printf: "%.0f" gives
   * the same digits. */
  if (decimals == 0 && value == floor (value) && fabs (value) < 9007199254740992.0 && size >= 18)
    {
      char digits[20];
      guint64 magnitude = (guint64) fabs (value);
      gsize n = 0, k = 0;

      do
        digits[n++] = (char) ('0' + magnitude % 10);
      while ((magnitude /= 10) > 0);
      if (value < 0)
        buf[k++] = '-';
      while (n > 0)
        buf[k++] = digits[--n];
      buf[k] = '\0';
      return TRUE;
    }

  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, KESSAN_JSON_MAX_DECIMALS));
  g_ascii_formatd (buf, size, format, value);
  return TRUE;
}

/* Writes the shortest text that reads back as @value. */
void
kessan_json_format_shortest (char   *buf,
                             gsize   size,
                             double  value)
{
  for (guint precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%ug", precision);
      g_ascii_formatd (buf, size, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

static void
writer_newline (KessanJsonWriter *w)
{
  if (w->inline_depth > 0 && w->depth >= w->inline_depth)
    {
      g_string_append_c (w->out, ' ');
      return;
    }
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

/* Starts the next element of the open object or array: a comma after the
 * one before, then a new line. */
void
kessan_json_writer_next (KessanJsonWriter *w)
{
  if (w->depth == 0)
    return;
  if (!w->first)
    g_string_append_c (w->out, ',');
  writer_newline (w);
  w->first = FALSE;
}

/* Opens an object ('{') or array ('['), written on one line with all it
 * holds when @on_one_line. */
void
kessan_json_writer_begin (KessanJsonWriter *w,
                          char              bracket,
                          gboolean          on_one_line)
{
  g_string_append_c (w->out, bracket);
  w->depth++;
  if (on_one_line && w->inline_depth == 0)
    w->inline_depth = w->depth;
  w->first = TRUE;
}

/* Closes the object ('}') or array (']') opened last. */
void
kessan_json_writer_end (KessanJsonWriter *w,
                        char              bracket)
{
  gboolean empty = w->first;
  gboolean was_inline = w->inline_depth > 0 && w->depth >= w->inline_depth;

  w->depth--;
  if (w->inline_depth > w->depth)
    w->inline_depth = 0;
  if (!empty)
    {
      if (was_inline)
        g_string_append_c (w->out, ' ');
      else
        writer_newline (w);
    }
  g_string_append_c (w->out, bracket);

  /* The container just closed is an element of its parent. */
  w->first = FALSE;
}

/* Starts the member @key of the open object; its value comes next. */
void
kessan_json_writer_key (KessanJsonWriter *w,
                        const char       *key)
{
  kessan_json_writer_next (w);
  kessan_json_append_string (w->out, key);
  g_string_append (w->out, ": ");
}

/* Writes the member @key with a string value, null for %NULL. */
void
kessan_json_writer_string (KessanJsonWriter *w,
                           const char       *key,
                           const char       *value)
{
  kessan_json_writer_key (w, key);
  kessan_json_append_string (w->out, value);
}

/* Writes the member @key with a number value. */
void
kessan_json_writer_uint (KessanJsonWriter *w,
                         const char       *key,
                         guint             value)
{
  kessan_json_writer_key (w, key);
  kessan_json_append_uint (w->out, value);
}

/* Appends @value in decimal: printf is most of the time of writing the
 * source lines of a long table. */
void
kessan_json_append_uint (GString *out,
                         guint    value)
{
  char digits[12];
  gsize n = 0;

  do
    digits[n++] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

/* Writes the member @key with a count where 0 means "none" or "unknown":
 * null for 0. */
void
kessan_json_writer_uint_or_null (KessanJsonWriter *w,
                                 const char       *key,
                                 guint             value)
{
  kessan_json_writer_key (w, key);
  if (value == 0)
    g_string_append (w->out, "null");
  else
    kessan_json_append_uint (w->out, value);
}

/* Writes the member @key with a boolean value. */
void
kessan_json_writer_bool (KessanJsonWriter *w,
                         const char       *key,
                         gboolean          value)
{
  kessan_json_writer_key (w, key);
  g_string_append (w->out, value ? "true" : "false");
}
