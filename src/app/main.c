/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kessan-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(KessanApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KESSAN_LOCALEDIR") ? g_getenv ("KESSAN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kessan_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
