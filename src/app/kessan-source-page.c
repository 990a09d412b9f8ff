/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-source"

#include "config.h"

#include <glib/gi18n.h>

#include "kessan-source-page.h"

struct _KessanSourcePage
{
  AdwBin         parent_instance;

  KessanFiling  *filing;
  GArray        *highlighted;
};

G_DEFINE_FINAL_TYPE (KessanSourcePage, kessan_source_page, ADW_TYPE_BIN)

void
kessan_source_page_set_filing (KessanSourcePage *self,
                               KessanFiling     *filing)
{
  g_return_if_fail (KESSAN_IS_SOURCE_PAGE (self));

  g_set_object (&self->filing, filing);
}

void
kessan_source_page_show_lines (KessanSourcePage *self,
                               const guint      *lines,
                               guint             n_lines)
{
  g_return_if_fail (KESSAN_IS_SOURCE_PAGE (self));

  g_array_set_size (self->highlighted, 0);
  g_array_append_vals (self->highlighted, lines, n_lines);
}

const guint *
kessan_source_page_get_highlighted (KessanSourcePage *self,
                                    guint            *n_lines)
{
  g_return_val_if_fail (KESSAN_IS_SOURCE_PAGE (self), NULL);

  *n_lines = self->highlighted->len;
  return (const guint *) (gpointer) self->highlighted->data;
}

static void
kessan_source_page_dispose (GObject *object)
{
  KessanSourcePage *self = KESSAN_SOURCE_PAGE (object);

  g_clear_object (&self->filing);
  g_clear_pointer (&self->highlighted, g_array_unref);
  G_OBJECT_CLASS (kessan_source_page_parent_class)->dispose (object);
}

static void
kessan_source_page_class_init (KessanSourcePageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kessan_source_page_dispose;
}

static void
kessan_source_page_init (KessanSourcePage *self)
{
  self->highlighted = g_array_new (FALSE, FALSE, sizeof (guint));
  adw_bin_set_child (ADW_BIN (self), adw_status_page_new ());
}
