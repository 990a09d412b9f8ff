/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-accessible"

#include "config.h"

#include "kessan-accessible.h"

static void
name_accessible (GtkWidget  *widget,
                 GtkWidget  *label,
                 const char *name)
{
  if (label != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The drop-down's own button and the item showing the choice, not the
 * list of its popover, whose items are named by what they show. */
static void
name_inner_widgets (GtkWidget  *widget,
                    GtkWidget  *label,
                    const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_BUTTON (child) || gtk_widget_get_focusable (child))
        name_accessible (child, label, name);
      name_inner_widgets (child, label, name);
    }
}

void
kessan_accessible_name_drop_down (GtkDropDown *drop_down,
                                  GtkWidget   *label,
                                  const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL || name != NULL);

  name_accessible (GTK_WIDGET (drop_down), label, name);
  name_inner_widgets (GTK_WIDGET (drop_down), label, name);
}

void
kessan_accessible_name_list_row (GtkWidget  *child,
                                 const char *name)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (child));

  row = gtk_widget_get_parent (child);
  if (row != NULL && name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
