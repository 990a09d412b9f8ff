/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  kessan_unichar_is_unsafe (gunichar    c);
char     *kessan_safe_text         (const char *text);
char     *kessan_safe_lines        (const char *text);
char     *kessan_safe_csv_text     (const char *text);

G_END_DECLS
