/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-checks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "kessan-checks-page.h"

struct _KessanChecksPage
{
  AdwBin         parent_instance;

  KessanFiling  *filing;
  KessanLibrary *library;
};

G_DEFINE_FINAL_TYPE (KessanChecksPage, kessan_checks_page, ADW_TYPE_BIN)

void
kessan_checks_page_set_filing (KessanChecksPage *self,
                               KessanFiling     *filing)
{
  g_return_if_fail (KESSAN_IS_CHECKS_PAGE (self));

  g_set_object (&self->filing, filing);
}

void
kessan_checks_page_set_library (KessanChecksPage *self,
                                KessanLibrary    *library)
{
  g_return_if_fail (KESSAN_IS_CHECKS_PAGE (self));

  g_set_object (&self->library, library);
}

static void
kessan_checks_page_dispose (GObject *object)
{
  KessanChecksPage *self = KESSAN_CHECKS_PAGE (object);

  g_clear_object (&self->filing);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (kessan_checks_page_parent_class)->dispose (object);
}

static void
kessan_checks_page_class_init (KessanChecksPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kessan_checks_page_dispose;
  g_signal_new ("show-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, KESSAN_TYPE_FINDING);
}

static void
kessan_checks_page_init (KessanChecksPage *self)
{
  adw_bin_set_child (ADW_BIN (self), adw_status_page_new ());
}
