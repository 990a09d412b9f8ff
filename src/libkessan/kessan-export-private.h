/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void kessan_csv_append_field (GString    *out,
                              const char *field);

G_END_DECLS
