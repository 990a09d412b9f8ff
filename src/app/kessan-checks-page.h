/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kessan.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_CHECKS_PAGE (kessan_checks_page_get_type ())

G_DECLARE_FINAL_TYPE (KessanChecksPage, kessan_checks_page, KESSAN, CHECKS_PAGE, AdwBin)

/* Shows the findings of @filing, or of every release when NULL and the
 * page's "all releases" switch is on.  Emits "show-finding" (KessanFinding)
 * when the user activates a finding. */
void kessan_checks_page_set_filing  (KessanChecksPage *self,
                                     KessanFiling     *filing);
void kessan_checks_page_set_library (KessanChecksPage *self,
                                     KessanLibrary    *library);

G_END_DECLS
