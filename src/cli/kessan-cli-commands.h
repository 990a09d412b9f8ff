/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each takes the arguments from its command name on ("library", "add", …)
 * and returns the exit status of kessan-cli. */
int kessan_cli_import  (int    argc,
                        char **argv);
int kessan_cli_library (int    argc,
                        char **argv);
int kessan_cli_series  (int    argc,
                        char **argv);

G_END_DECLS
