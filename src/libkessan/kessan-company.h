/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KESSAN_TYPE_COMPANY (kessan_company_get_type ())

G_DECLARE_FINAL_TYPE (KessanCompany, kessan_company, KESSAN, COMPANY, GObject)

/* The identifier schemes a release may print or tag, in the order the
 * company's key prefers them. */
typedef enum
{
  KESSAN_COMPANY_ID_CIK,
  KESSAN_COMPANY_ID_LEI,
  KESSAN_COMPANY_ID_EDINET_CODE,
  KESSAN_COMPANY_ID_SECURITIES_CODE,
  KESSAN_COMPANY_ID_TICKER,
  KESSAN_COMPANY_N_IDS,
} KessanCompanyId;

KessanCompany *kessan_company_new          (void);
const char    *kessan_company_get_name     (KessanCompany   *self);
void           kessan_company_set_name     (KessanCompany   *self,
                                            const char      *name);
const char    *kessan_company_get_id       (KessanCompany   *self,
                                            KessanCompanyId  scheme);
void           kessan_company_set_id       (KessanCompany   *self,
                                            KessanCompanyId  scheme,
                                            const char      *id);
char          *kessan_company_dup_key      (KessanCompany   *self);
const char    *kessan_company_id_to_string (KessanCompanyId  scheme);
gboolean       kessan_company_id_from_string (const char    *str,
                                              KessanCompanyId *scheme);
void           kessan_company_copy_into    (KessanCompany   *self,
                                            KessanCompany   *target);

G_END_DECLS
