/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A period as a release names it: where it ends and how long it is. */
typedef struct
{
  GDate  end;
  guint  months;          /* 0 when the text names only a date */
  guint  offset;          /* byte offset of the mention in its text */
  guint  length;          /* byte length of the mention */
} KessanPeriod;

guint    kessan_fiscal_year_of        (const GDate  *end);
gboolean kessan_period_parse_code     (const char   *code,
                                       KessanPeriod *period);
GArray  *kessan_period_scan           (const char   *text);
char    *kessan_date_to_iso           (const GDate  *date);
gboolean kessan_date_from_iso         (const char   *iso,
                                       GDate        *date);

G_END_DECLS
