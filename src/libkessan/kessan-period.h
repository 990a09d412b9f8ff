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
  GDate  start;           /* the first day, when the text prints it
                           * ("自 2023年4月1日 至 2024年3月31日") */
} KessanPeriod;

/* What a release says about its calendar, for reading the periods it
 * names: quarter codes and fiscal years need the month the fiscal year
 * ends in, two-digit Japanese years the year the release is dated in. */
typedef struct
{
  guint    fiscal_end_month;      /* 1-12, or 0 when the release does not say */
  guint    fiscal_end_day;        /* 0 for the end of the month */
  gboolean codes_name_start;      /* "FY2003" names the year that starts in
                                   * 2003 (as Japanese March years are
                                   * named) rather than the one ending in it */
  guint    dated_year;            /* the year the release is dated in, or 0 */
} KessanCalendar;

#define KESSAN_CALENDAR_INIT { 0, 0, FALSE, 0 }

guint    kessan_fiscal_year_of        (const GDate  *end);
guint    kessan_fiscal_year_named     (const GDate          *end,
                                       const KessanCalendar *calendar);
gboolean kessan_period_parse_code     (const char   *code,
                                       KessanPeriod *period);
GArray  *kessan_period_scan           (const char   *text);
GArray  *kessan_period_scan_in        (const char           *text,
                                       const KessanCalendar *calendar);
guint    kessan_fiscal_year_in        (const GDate          *end,
                                       const KessanCalendar *calendar);
guint    kessan_fiscal_quarter_in     (const GDate          *end,
                                       guint                 months,
                                       const KessanCalendar *calendar);
guint    kessan_months_spanned        (const GDate          *start,
                                       const GDate          *end);
char    *kessan_date_to_iso           (const GDate  *date);
gboolean kessan_date_from_iso         (const char   *iso,
                                       GDate        *date);

G_END_DECLS
