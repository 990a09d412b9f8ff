/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-app"

#include "kessan-drop-down.h"

/* @max_chars is 0 for the list, where every choice shows in full. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (max_chars) > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), MIN (4, GPOINTER_TO_INT (max_chars)));
      gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (max_chars));
      gtk_widget_set_hexpand (label, TRUE);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  max_chars)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (label, GPOINTER_TO_INT (max_chars) > 0 ? gtk_string_object_get_string (string) : NULL);
}

static GtkListItemFactory *
choice_factory_new (int max_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), GINT_TO_POINTER (max_chars));
  return factory;
}

void
kessan_drop_down_ellipsize (GtkDropDown *dropdown,
                            int          max_chars)
{
  g_autoptr(GtkListItemFactory) button = choice_factory_new (MAX (max_chars, 1));
  g_autoptr(GtkListItemFactory) list = choice_factory_new (0);

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}
