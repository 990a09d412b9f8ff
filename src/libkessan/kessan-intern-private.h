/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared copies of the strings that the rows and columns of a library
 * repeat thousands of times (labels, concept keys, dates, headers).
 * Each kessan_intern_acquire() gives the one copy of its string and must
 * be matched by a kessan_intern_release() of what it returned; the copy
 * is freed with the last release.  Both may be called from any thread. */
const char *kessan_intern_acquire (const char *str);
void        kessan_intern_release (const char *str);
/* The shared copy of @str if there is one, without taking it: where a
 * string is only compared, a pointer compare stands for a string compare
 * (and NULL says no row or column holds it).  Only compare it: it may be
 * freed with the last release of it in another thread. */
const char *kessan_intern_peek    (const char *str);

/* Replaces the interned string at @ptr with one equal to @str, returning
 * whether it changed, for setters that notify only on change. */
static inline gboolean
kessan_intern_replace (const char **ptr,
                       const char  *str)
{
  if (g_strcmp0 (*ptr, str) == 0)
    return FALSE;

  kessan_intern_release (*ptr);
  *ptr = kessan_intern_acquire (str);
  return TRUE;
}

G_END_DECLS
