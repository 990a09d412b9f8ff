/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kessan-i18n.h"

/**
 * kessan_init_i18n:
 *
 * Binds the engine's messages (findings, errors) to their translations.
 * KESSAN_LOCALEDIR overrides the installed catalogue, so that tests and
 * an uninstalled build find the one they built.
 */
void
kessan_init_i18n (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      const char *dir = g_getenv ("KESSAN_LOCALEDIR");

      bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&initialized, 1);
    }
}
