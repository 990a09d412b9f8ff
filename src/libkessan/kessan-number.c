/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-number"

#include "kessan-number.h"

#include <string.h>

/* "▲" and "△" are the Japanese negative marks; both are three bytes. */
#define TRIANGLE_BLACK "\xe2\x96\xb2"
#define TRIANGLE_WHITE "\xe2\x96\xb3"

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
};

static gboolean
is_nil_token (const char *s,
              gsize       len)
{
  return (len == 1 && (s[0] == '-' || s[0] == '*'))
      || (len == 3 && (memcmp (s, "\xe2\x80\x94", 3) == 0      /* — */
                       || memcmp (s, "\xe2\x80\x93", 3) == 0   /* – */
                       || memcmp (s, "\xe2\x80\x95", 3) == 0)); /* ― */
}

/**
 * kessan_number_parse:
 * @token: the text of one cell, without surrounding spaces
 * @length: its length in bytes
 * @number: (out): the value read
 *
 * Reads one printed number as the statements print them: thousands
 * separators, negatives in parentheses or after ▲/△/-, a percent sign
 * inside or outside the parentheses, and "-" for an empty cell.
 *
 * Returns: %TRUE when the whole token is a number (or a nil mark)
 */
gboolean
kessan_number_parse (const char   *token,
                     gsize         length,
                     KessanNumber *number)
{
  const char *p = token;
  const char *end = token + length;
  gboolean negative = FALSE;
  gboolean paren = FALSE;
  gboolean seen_digit = FALSE;
  gboolean seen_point = FALSE;
  guint64 mantissa = 0;
  guint decimals = 0;
  guint group_digits = 0;
  gboolean grouped = FALSE;

  g_return_val_if_fail (number != NULL, FALSE);

  memset (number, 0, sizeof *number);

  if (token == NULL || length == 0)
    return FALSE;

  if (is_nil_token (token, length))
    {
      number->nil = TRUE;
      return TRUE;
    }

  if (end - p >= 3 && (memcmp (p, TRIANGLE_BLACK, 3) == 0 || memcmp (p, TRIANGLE_WHITE, 3) == 0))
    {
      negative = TRUE;
      p += 3;
    }
  else if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (p < end && *p == '(')
    {
      paren = TRUE;
      negative = !negative;
      p++;
    }

  /* Some releases print a currency mark before the figure. */
  if (p < end && (*p == '$' || *p == 'Y'))
    {
      if (end - p > 1 && g_ascii_isdigit (p[1]))
        p++;
    }

  for (; p < end; p++)
    {
      char c = *p;

      if (g_ascii_isdigit (c))
        {
          if (mantissa > G_MAXUINT64 / 10 - 10)
            return FALSE;
          mantissa = mantissa * 10 + (guint64) (c - '0');
          seen_digit = TRUE;
          if (seen_point)
            decimals++;
          else
            group_digits++;
        }
      else if (c == ',' && !seen_point && seen_digit)
        {
          /* A separator stands after one to three digits, then exactly three. */
          if (grouped ? group_digits != 3 : group_digits > 3)
            return FALSE;
          grouped = TRUE;
          group_digits = 0;
        }
      else if (c == '.' && !seen_point)
        {
          seen_point = TRUE;
        }
      else
        break;
    }

  if (!seen_digit)
    return FALSE;
  if (grouped && group_digits != 3)
    return FALSE;
  if (seen_point && decimals == 0)
    return FALSE;

  if (p < end && *p == '%')
    {
      number->percent = TRUE;
      p++;
    }
  if (paren)
    {
      if (p >= end || *p != ')')
        return FALSE;
      p++;
    }
  if (p < end && *p == '%' && !number->percent)
    {
      number->percent = TRUE;
      p++;
    }
  if (p != end)
    return FALSE;

  /* One division by an exact power of ten gives the double nearest to
   * the printed decimal, so 35.2 reads back as 35.2. */
  if (decimals > 15)
    return FALSE;
  /* Above 2^53 a double no longer holds every whole number: the digits
   * printed are not the number kept. */
  number->inexact = mantissa > ((guint64) 1 << 53);
  number->value = (double) mantissa / powers_of_ten[decimals];
  if (negative)
    number->value = -number->value;
  number->decimals = decimals;
  number->grouped = grouped;

  return TRUE;
}

/* Whether @token is printed as a number, read or not: an optional sign
 * or triangle, any number of opening parentheses, an optional currency
 * mark, digits with separators and points, an optional exponent, a
 * percent sign and closing parentheses; or a word for a number that is
 * not one ("NaN", "Infinity").  A date ("2003-09-30", "30,"), the end
 * of a sentence ("$1.") or a word with digits ("IIJ4U") is not. */
static gboolean
looks_like_number (const char *token,
                   gsize       length)
{
  static const char * const words[] = { "nan", "inf", "infinity", "-inf", "-infinity", "+inf", "+infinity" };
  const char *p = token;
  const char *end = token + length;
  gboolean digit = FALSE;

  /* Most tokens are figures or words of another letter: only these
   * few are compared. */
  if (length >= 3 && length <= 9 && strchr ("nNiI-+", token[0]) != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (words); i++)
      if (length == strlen (words[i]) && g_ascii_strncasecmp (token, words[i], length) == 0)
        return TRUE;

  if (end - p >= 3 && (memcmp (p, TRIANGLE_BLACK, 3) == 0 || memcmp (p, TRIANGLE_WHITE, 3) == 0))
    p += 3;
  else if (p < end && (*p == '-' || *p == '+'))
    p++;
  while (p < end && *p == '(')
    p++;
  if (p < end && (*p == '$' || *p == 'Y'))
    p++;
  /* Digits with separators between them: "30," ends a date, "$1." a
   * sentence. */
  if (p >= end || !g_ascii_isdigit (*p))
    return FALSE;
  for (; p < end && (g_ascii_isdigit (*p) || *p == ',' || *p == '.'); p++)
    digit = g_ascii_isdigit (*p);
  if (!digit)
    return FALSE;
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean exponent_digit = FALSE;

      p++;
      if (p < end && (*p == '-' || *p == '+'))
        p++;
      for (; p < end && g_ascii_isdigit (*p); p++)
        exponent_digit = TRUE;
      if (!exponent_digit)
        return FALSE;
    }
  while (p < end && (*p == ')' || *p == '%'))
    p++;
  return p == end;
}

/**
 * kessan_number_parse_cell:
 * @token: the text of one cell, without surrounding spaces
 * @length: its length in bytes
 * @number: (out): the value read
 *
 * As kessan_number_parse(), for a cell of a table: a token printed as a
 * number that cannot be read, or not exactly ("1e308", "(((1)))",
 * "NaN", a figure of more digits than a double keeps), is a cell too,
 * with @number's unreadable set and no value.
 *
 * Returns: %TRUE when the token is a number, read or unreadable
 */
gboolean
kessan_number_parse_cell (const char   *token,
                          gsize         length,
                          KessanNumber *number)
{
  g_return_val_if_fail (number != NULL, FALSE);

  if (kessan_number_parse (token, length, number))
    {
      if (!number->inexact)
        return TRUE;
    }
  else if (token == NULL || !looks_like_number (token, length))
    return FALSE;

  memset (number, 0, sizeof *number);
  number->unreadable = TRUE;
  return TRUE;
}
