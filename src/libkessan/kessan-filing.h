/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan-company.h"
#include "kessan-finding.h"
#include "kessan-period.h"
#include "kessan-source.h"
#include "kessan-statement.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_FILING (kessan_filing_get_type ())

G_DECLARE_FINAL_TYPE (KessanFiling, kessan_filing, KESSAN, FILING, GObject)

KessanFiling    *kessan_filing_new                  (void);
const char      *kessan_filing_get_company          (KessanFiling    *self);
void             kessan_filing_set_company          (KessanFiling    *self,
                                                     const char      *company);
KessanCompany   *kessan_filing_get_company_info     (KessanFiling    *self);
KessanAccountingStandard kessan_filing_get_accounting_standard (KessanFiling *self);
void             kessan_filing_set_accounting_standard (KessanFiling *self,
                                                        KessanAccountingStandard standard);
KessanConsolidation kessan_filing_get_consolidation (KessanFiling    *self);
void             kessan_filing_set_consolidation    (KessanFiling    *self,
                                                     KessanConsolidation consolidation);
gboolean         kessan_filing_get_fiscal_year_end  (KessanFiling    *self,
                                                     guint           *month,
                                                     guint           *day);
void             kessan_filing_set_fiscal_year_end  (KessanFiling    *self,
                                                     guint            month,
                                                     guint            day);
void             kessan_filing_get_calendar         (KessanFiling    *self,
                                                     KessanCalendar  *calendar);
const char      *kessan_filing_get_reporting_currency (KessanFiling  *self);
guint            kessan_filing_get_named_fiscal_year (KessanFiling   *self);
char            *kessan_filing_dup_period_name      (KessanFiling    *self);
const char      *kessan_filing_get_fiscal_label     (KessanFiling    *self);
void             kessan_filing_set_fiscal_label     (KessanFiling    *self,
                                                     const char      *label);
const char      *kessan_filing_get_period_start     (KessanFiling    *self);
void             kessan_filing_set_period_start     (KessanFiling    *self,
                                                     const char      *iso_date);
guint            kessan_filing_add_part             (KessanFiling    *self,
                                                     const char      *name,
                                                     const char      *format,
                                                     const char      *sha256);
guint            kessan_filing_get_n_parts          (KessanFiling    *self);
const KessanSourcePart *kessan_filing_get_part      (KessanFiling    *self,
                                                     guint            index);
void             kessan_filing_add_place            (KessanFiling    *self,
                                                     guint            first_line,
                                                     guint            last_line,
                                                     guint            part,
                                                     const char      *element);
guint            kessan_filing_get_n_places         (KessanFiling    *self);
const KessanSourcePlace *kessan_filing_get_place    (KessanFiling    *self,
                                                     guint            index);
const KessanSourcePlace *kessan_filing_find_place   (KessanFiling    *self,
                                                     guint            line);
/* The fiscal year is named by the calendar year it starts in
 * (docs/json-format.md): IIJ's fiscal year 2003 runs from 2003-04-01 to
 * 2004-03-31, Apple's "fiscal 2011" from 2010-09-26 is 2010. */
guint            kessan_filing_get_fiscal_year      (KessanFiling    *self);
/* 1 to 4, or 0 for a release covering the full year only. */
guint            kessan_filing_get_fiscal_quarter   (KessanFiling    *self);
void             kessan_filing_set_fiscal_period    (KessanFiling    *self,
                                                     guint            fiscal_year,
                                                     guint            fiscal_quarter);
const char      *kessan_filing_get_period_end       (KessanFiling    *self);
guint            kessan_filing_get_period_months    (KessanFiling    *self);
void             kessan_filing_set_period_end       (KessanFiling    *self,
                                                     const char      *iso_date,
                                                     guint            months);
const char      *kessan_filing_get_released         (KessanFiling    *self);
void             kessan_filing_set_released         (KessanFiling    *self,
                                                     const char      *iso_date);
/* 0 when the release states no convenience rate. */
double           kessan_filing_get_jpy_per_usd      (KessanFiling    *self);
const char      *kessan_filing_get_rate_as_of       (KessanFiling    *self);
void             kessan_filing_set_exchange_rate    (KessanFiling    *self,
                                                     double           jpy_per_usd,
                                                     const char      *as_of);
/* NULL-terminated, in the order the languages first appear. */
const char * const *kessan_filing_get_languages     (KessanFiling    *self);
void             kessan_filing_add_language         (KessanFiling    *self,
                                                     const char      *language);
const char      *kessan_filing_get_source_name      (KessanFiling    *self);
void             kessan_filing_set_source_name      (KessanFiling    *self,
                                                     const char      *name);
/* Lower-case hex SHA-256 of the original file's bytes. */
const char      *kessan_filing_get_source_hash      (KessanFiling    *self);
void             kessan_filing_set_source_hash      (KessanFiling    *self,
                                                     const char      *hash);
const char      *kessan_filing_get_source_encoding  (KessanFiling    *self);
void             kessan_filing_set_source_encoding  (KessanFiling    *self,
                                                     const char      *encoding);
/* Returns the decoded text of @filing (newly allocated), or NULL. */
typedef char    *(*KessanFilingTextFunc)            (KessanFiling    *filing,
                                                     gpointer         user_data);

/* The decoded text, LF line ends: what provenance line numbers refer to. */
const char      *kessan_filing_get_text             (KessanFiling    *self);
void             kessan_filing_set_text_func        (KessanFiling    *self,
                                                     KessanFilingTextFunc func,
                                                     gpointer         user_data,
                                                     GDestroyNotify   destroy);
void             kessan_filing_set_text             (KessanFiling    *self,
                                                     const char      *text);
void             kessan_filing_take_text            (KessanFiling    *self,
                                                     char            *text);
/* Pages of a release read from PDF; 0 for a text release. */
guint            kessan_filing_get_n_pages          (KessanFiling    *self);
guint            kessan_filing_get_line_page        (KessanFiling    *self,
                                                     guint            line);
/* A GListModel of KessanStatement. */
GListModel      *kessan_filing_get_statements       (KessanFiling    *self);
guint            kessan_filing_get_n_statements     (KessanFiling    *self);
KessanStatement *kessan_filing_get_statement        (KessanFiling    *self,
                                                     guint            index);
KessanStatement *kessan_filing_find_statement       (KessanFiling    *self,
                                                     const char      *id);
void             kessan_filing_add_statement        (KessanFiling    *self,
                                                     KessanStatement *statement);
/* A GListModel of KessanFinding. */
GListModel      *kessan_filing_get_findings         (KessanFiling    *self);
guint            kessan_filing_get_n_findings       (KessanFiling    *self);
KessanFinding   *kessan_filing_get_finding          (KessanFiling    *self,
                                                     guint            index);
void             kessan_filing_add_finding          (KessanFiling    *self,
                                                     KessanFinding   *finding);
void             kessan_filing_remove_statement     (KessanFiling    *self,
                                                     KessanStatement *statement);
/* A GListStore of KessanCorrection (kessan-correction.h): what was
 * corrected on import, already applied to the statements. */
GListModel      *kessan_filing_get_corrections      (KessanFiling    *self);

G_END_DECLS
