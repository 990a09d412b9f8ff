/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces the string at @ptr with a copy of @str, returning whether it
 * changed, so that setters notify only on change.  g_set_str() arrived in
 * GLib 2.76, after our baseline. */
static inline gboolean
kessan_replace_str (char       **ptr,
                    const char  *str)
{
  if (g_strcmp0 (*ptr, str) == 0)
    return FALSE;

  g_free (*ptr);
  *ptr = g_strdup (str);
  return TRUE;
}

G_END_DECLS
