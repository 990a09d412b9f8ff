/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "kessan-column.h"
#include "kessan-filing.h"

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
/* The negative style of the language Kessan's own messages are written
 * in (the findings of the checks): "▲80.97%" in Japanese. */
KessanNegativeStyle kessan_format_message_negative_style (void);
char *kessan_format_plain       (double              value,
                                 guint               decimals);
char *kessan_format_period      (const char         *period_end,
                                 guint               months);
char *kessan_format_scale_unit  (guint               scale,
                                 KessanCurrency      currency);
char *kessan_format_period_short (const char        *period_end,
                                  guint              months,
                                  gboolean           japanese);

/* The same names in a given language ("en" or "ja") whatever the
 * interface's: what an export in the user's label language needs.  A
 * NULL @language means the interface's. */
char *kessan_format_period_in     (const char         *period_end,
                                   guint               months,
                                   const char         *language);
char *kessan_format_scale_unit_in (guint               scale,
                                   KessanCurrency      currency,
                                   const char         *language);
/* A column's name: its period and what it shows ("2Q FY2003 YoY %"). */
char *kessan_format_column_name   (KessanColumn         *column,
                                   KessanFiling         *filing,
                                   const char           *language);

/* Periods named in a company's own calendar; the functions above name
 * them in the March year of the first releases. */
char *kessan_format_fiscal_period       (const char           *period_end,
                                         guint                 months,
                                         const KessanCalendar *calendar);
char *kessan_format_fiscal_period_in    (const char           *period_end,
                                         guint                 months,
                                         const KessanCalendar *calendar,
                                         const char           *language);
char *kessan_format_fiscal_period_short (const char           *period_end,
                                         guint                 months,
                                         const KessanCalendar *calendar,
                                         gboolean              japanese);
/* The unit of an amount in any currency, by its ISO 4217 code:
 * "USD millions", "EUR thousands", "百万円"; NULL for no currency. */
char *kessan_format_currency_unit       (guint                 scale,
                                         const char           *currency_code,
                                         const char           *language);

G_END_DECLS
