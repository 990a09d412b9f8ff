/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-accessible"

#include "config.h"

#include "kessan-accessible.h"

#include <glib/gi18n.h>

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
 * the row's title and the choice, whenever the choice changes.  The
 * item is made when the list is laid out, so the naming waits for the
 * frames it takes. */
static guint
name_choice_items (GtkWidget  *widget,
                   const char *name)
{
  guint named = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        continue;
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          named++;
        }
      named += name_choice_items (child, name);
    }
  return named;
}

static gboolean
name_combo_row_tick_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  AdwComboRow *row = ADW_COMBO_ROW (widget);
  GObject *item = adw_combo_row_get_selected_item (row);
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  /* The frames waited, plus one while naming is under way. */
  guint tries = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kessan-naming")) - 1;
  g_autofree char *name = NULL;

  name = GTK_IS_STRING_OBJECT (item) ? g_strdup_printf ("%s: %s", title, gtk_string_object_get_string (GTK_STRING_OBJECT (item)))
                                     : g_strdup (title);
  /* The item made for the choice at the frame after it changed. */
  if ((name_choice_items (widget, name) > 0 && tries > 0) || tries >= 30)
    {
      g_object_set_data (G_OBJECT (row), "kessan-naming", NULL);
      return G_SOURCE_REMOVE;
    }
  g_object_set_data (G_OBJECT (row), "kessan-naming", GUINT_TO_POINTER (tries + 2));
  return G_SOURCE_CONTINUE;
}

static void
combo_row_changed_cb (AdwComboRow *row)
{
  if (g_object_get_data (G_OBJECT (row), "kessan-naming") == NULL)
    {
      g_object_set_data (G_OBJECT (row), "kessan-naming", GUINT_TO_POINTER (1));
      gtk_widget_add_tick_callback (GTK_WIDGET (row), name_combo_row_tick_cb, NULL, NULL);
    }
}

void
kessan_accessible_name_combo_row (AdwComboRow *row)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_row_changed_cb), NULL);
  g_signal_connect (row, "map", G_CALLBACK (combo_row_changed_cb), NULL);
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = first_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/**
 * kessan_accessible_align_column_titles:
 * @view: a table's column view
 * @first_name: what a screen reader calls the labels' column
 *
 * Names a table's column titles for a screen reader and sets the titles
 * of its number columns right, over their numbers (GTK 4.8 has no
 * property for either).
 */
void
kessan_accessible_align_column_titles (GtkColumnView *view,
                                       const char    *first_name)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (view));
  guint index = 0;

  if (header == NULL || g_strcmp0 (gtk_widget_get_css_name (header), "header") != 0)
    return;
  /* TRANSLATORS: what a screen reader calls the row of a table's column titles */
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column titles"), -1);
  for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL; title = gtk_widget_get_next_sibling (title), index++)
    {
      GtkWidget *label = first_label (title);
      g_autofree char *name = NULL;

      if (label == NULL)
        continue;
      /* A title is read as one phrase, "2Q FY2003, USD"; the labels'
       * column has no title to see, and one to hear. */
      name = g_strdup (index == 0 ? first_name : gtk_label_get_text (GTK_LABEL (label)));
      g_strdelimit (name, "\n", ' ');
      gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (index == 0)
        continue;
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_hexpand (label, TRUE);
    }
}

/* A button's label as read: "Show in _Source" without its underline. */
static char *
strip_mnemonic (const char *label)
{
  GString *plain = g_string_new (NULL);

  for (const char *c = label; *c != '\0'; c++)
    {
      if (*c == '_')
        {
          if (c[1] != '_')
            continue;
          c++;
        }
      g_string_append_c (plain, *c);
    }
  return g_string_free (plain, FALSE);
}

static void
name_text_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *plain = NULL;

  if (label == NULL || label[0] == '\0')
    return;
  plain = gtk_button_get_use_underline (button) ? strip_mnemonic (label) : g_strdup (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, plain, -1);
}

/**
 * kessan_accessible_name_text_buttons:
 * @widget: a widget, with the buttons inside it
 *
 * GTK 4.8 names a button with a text label by the label and by the
 * label widget inside it, "_Cancel Cancel" to a screen reader: names
 * each button in @widget by its label alone, as it changes too.
 */
void
kessan_accessible_name_text_buttons (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "kessan-named") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "kessan-named", GINT_TO_POINTER (TRUE));
      g_signal_connect (widget, "notify::label", G_CALLBACK (name_text_button), NULL);
      name_text_button (GTK_BUTTON (widget));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    kessan_accessible_name_text_buttons (child);
}
