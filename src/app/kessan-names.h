/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "kessan.h"

G_BEGIN_DECLS

/* Names the interface shows for things the engine knows by id. */

/* The table's readable name, the same for both editions: "Balance Sheet". */
const char *kessan_statement_get_table_name   (KessanStatement *statement);

/* The statement's readable name and edition: "Balance Sheet (Japanese)". */
char       *kessan_statement_get_display_name (KessanStatement *statement);
/* A short name for a list of the tables of one release. */
char       *kessan_statement_get_short_name  (KessanStatement *statement);

/* The readable name of the check with @id ("cash" → "Cash
 * reconciliation"), or @id itself when the check is unknown. */
const char *kessan_check_get_display_name     (const char      *id);

G_END_DECLS
