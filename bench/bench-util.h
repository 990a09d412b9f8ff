/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the benchmarks: what they read of the machine and of their
 * own process. */
gint64  bench_read_status_kb (const char *key);
char   *bench_cpu_model      (void);

G_END_DECLS
