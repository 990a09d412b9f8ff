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

/* The list GTK shows the choice of a combo row in: its item named by
 * the row's title and the choice, whenever the choice changes. */
static void
name_choice_items (GtkWidget  *widget,
                   const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        continue;
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      name_choice_items (child, name);
    }
}

static gboolean
name_combo_row_idle_cb (gpointer user_data)
{
  AdwComboRow *row = user_data;
  GObject *item = adw_combo_row_get_selected_item (row);
  g_autofree char *choice = NULL;
  g_autofree char *name = NULL;

  g_object_set_data (G_OBJECT (row), "kessan-naming", NULL);
  if (GTK_IS_STRING_OBJECT (item))
    choice = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  name = choice != NULL ? g_strdup_printf ("%s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), choice)
                        : g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  name_choice_items (GTK_WIDGET (row), name);
  return G_SOURCE_REMOVE;
}

static void
combo_row_changed_cb (AdwComboRow *row)
{
  /* After the row has shown the new choice. */
  if (g_object_get_data (G_OBJECT (row), "kessan-naming") == NULL)
    {
      g_object_set_data (G_OBJECT (row), "kessan-naming", GINT_TO_POINTER (TRUE));
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, name_combo_row_idle_cb, g_object_ref (row), g_object_unref);
    }
}

void
kessan_accessible_name_combo_row (AdwComboRow *row)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_row_changed_cb), NULL);
  g_signal_connect (row, "map", G_CALLBACK (combo_row_changed_cb), NULL);
  combo_row_changed_cb (row);
}
