/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double   value;
  guint    decimals;      /* digits after the decimal point as printed */
  gboolean percent;       /* printed with a % sign */
  gboolean nil;           /* "-": an empty cell that holds a place */
  gboolean grouped;       /* printed with thousands separators */
  gboolean inexact;       /* more digits than a double keeps exactly */
  gboolean unreadable;    /* printed as a number, but not one Kessan reads */
} KessanNumber;

gboolean kessan_number_parse (const char   *token,
                              gsize         length,
                              KessanNumber *number);

gboolean kessan_number_parse_cell (const char   *token,
                                   gsize         length,
                                   KessanNumber *number);

G_END_DECLS
