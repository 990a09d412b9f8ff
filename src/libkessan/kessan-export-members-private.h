/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kessan-filing.h"
#include "kessan-json-writer-private.h"

G_BEGIN_DECLS

/* The members of version 2 of the filing format that most filings leave
 * out or write the same way (docs/json-format.md). */
void kessan_export_write_members         (KessanJsonWriter   *w,
                                          const char * const *members);
void kessan_export_write_cell_extras     (KessanJsonWriter   *w,
                                          KessanLineItem     *row,
                                          guint               n_columns);
void kessan_export_write_company_ids     (KessanJsonWriter   *w,
                                          KessanCompany      *company);
void kessan_export_write_fiscal_year_end (KessanJsonWriter   *w,
                                          KessanFiling       *filing);
void kessan_export_write_parts           (KessanJsonWriter   *w,
                                          KessanFiling       *filing);
gboolean kessan_export_parse_month_day   (const char         *str,
                                          guint              *month,
                                          guint              *day);
const char *kessan_export_part_format    (KessanFiling       *filing);

G_END_DECLS
