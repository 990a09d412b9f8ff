/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kessan.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_CHECKS_PAGE (kessan_checks_page_get_type ())

G_DECLARE_FINAL_TYPE (KessanChecksPage, kessan_checks_page, KESSAN, CHECKS_PAGE, AdwBin)

/* Shows the findings of @filing, or of every release of the library
 * when the page's "show-all" property is on.  When the user activates a
 * finding the page emits "show-filing" (KessanFiling) if the finding is
 * of another release than @filing, then "show-finding" (KessanFinding). */
void          kessan_checks_page_set_filing       (KessanChecksPage *self,
                                                   KessanFiling     *filing);
KessanFiling *kessan_checks_page_get_filing       (KessanChecksPage *self);
/* @library: a GListModel of KessanFiling, followed as it changes. */
/* Negative values as the user writes them. */
void          kessan_checks_page_set_settings     (KessanChecksPage *self,
                                                   GSettings        *settings);
void          kessan_checks_page_set_library      (KessanChecksPage *self,
                                                   KessanLibrary    *library);
gboolean      kessan_checks_page_get_show_all     (KessanChecksPage *self);
void          kessan_checks_page_set_show_all     (KessanChecksPage *self,
                                                   gboolean          show_all);
/* The findings listed, in the order shown: errors, warnings, information. */
GListModel   *kessan_checks_page_get_findings     (KessanChecksPage *self);
/* What activating the row of @finding does. */
void          kessan_checks_page_activate_finding (KessanChecksPage *self,
                                                   KessanFinding    *finding);

G_END_DECLS
