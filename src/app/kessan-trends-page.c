/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-trends"

#include "config.h"

#include <glib/gi18n.h>

#include "kessan-trends-page.h"

struct _KessanTrendsPage
{
  AdwBin         parent_instance;

  KessanLibrary *library;
};

G_DEFINE_FINAL_TYPE (KessanTrendsPage, kessan_trends_page, ADW_TYPE_BIN)

void
kessan_trends_page_set_library (KessanTrendsPage *self,
                                KessanLibrary    *library)
{
  g_return_if_fail (KESSAN_IS_TRENDS_PAGE (self));

  g_set_object (&self->library, library);
}

static void
kessan_trends_page_dispose (GObject *object)
{
  KessanTrendsPage *self = KESSAN_TRENDS_PAGE (object);

  g_clear_object (&self->library);
  G_OBJECT_CLASS (kessan_trends_page_parent_class)->dispose (object);
}

static void
kessan_trends_page_class_init (KessanTrendsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kessan_trends_page_dispose;
}

static void
kessan_trends_page_init (KessanTrendsPage *self)
{
  adw_bin_set_child (ADW_BIN (self), adw_status_page_new ());
}
