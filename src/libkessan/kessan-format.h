/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "kessan-column.h"

G_BEGIN_DECLS

typedef enum
{
  KESSAN_NEGATIVE_MINUS,        /* −1,234 */
  KESSAN_NEGATIVE_PARENTHESES,  /* (1,234) */
  KESSAN_NEGATIVE_TRIANGLE,     /* ▲1,234 */
} KessanNegativeStyle;

char *kessan_format_number      (double              value,
                                 guint               decimals,
                                 KessanNegativeStyle style);
char *kessan_format_plain       (double              value,
                                 guint               decimals);
char *kessan_format_period      (const char         *period_end,
                                 guint               months);
char *kessan_format_scale_unit  (guint               scale,
                                 KessanCurrency      currency);
char *kessan_format_period_short (const char        *period_end,
                                  guint              months,
                                  gboolean           japanese);

G_END_DECLS
