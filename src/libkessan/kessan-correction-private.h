/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "kessan-correction.h"
#include "kessan-json-writer-private.h"

G_BEGIN_DECLS

/* The "corrections" array of a filing file and of a corrections file:
 * one object per correction, on one line each. */
void      kessan_corrections_write (KessanJsonWriter  *w,
                                    GListModel        *corrections);
/* Reads the elements of @array into new corrections appended to @out;
 * errors name the element by @path ("corrections[2].row"). */
gboolean  kessan_corrections_read  (JsonArray         *array,
                                    const char        *path,
                                    GPtrArray         *out,
                                    GError           **error);

G_END_DECLS
