/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "kessan-accessible.h"
#include "kessan-display-settings.h"
#include "kessan-preferences-window.h"

/* Each combo row shows one string setting; the row's position in its
 * list is the position of the value in the matching array. */

struct _KessanPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *label_language_row;
  AdwComboRow          *scale_row;
  AdwComboRow          *currency_row;
  AdwComboRow          *negative_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (KessanPreferencesWindow, kessan_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *label_languages[] = { "interface", "en", "ja", "both", NULL };
static const char *scales[] = { "printed", "yen", "thousands", "millions", "billions", NULL };
static const char *currencies[] = { "jpy", "usd", NULL };
static const char *negatives[] = { "minus", "parentheses", "triangle", NULL };

static gboolean
get_mapping (GValue   *value,
             GVariant *variant,
             gpointer  user_data)
{
  const char **names = user_data;
  const char *name = g_variant_get_string (variant, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
set_mapping (const GValue       *value,
             const GVariantType *expected_type,
             gpointer            user_data)
{
  const char **names = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) names))
    return NULL;
  return g_variant_new_string (names[index]);
}

static void
bind_row (KessanPreferencesWindow *self,
          const char              *key,
          AdwComboRow             *row,
          const char             **names)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                get_mapping, set_mapping, (gpointer) names, NULL);
}

/* The negative style shown is the one in use: ▲ for a Japanese reader
 * who chose none, though the key's default is the minus sign. */
static void
negative_style_changed_cb (KessanPreferencesWindow *self)
{
  adw_combo_row_set_selected (self->negative_row, (guint) kessan_settings_get_negative_style (self->settings));
}

static void
negative_row_selected_cb (KessanPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->negative_row);

  if (selected >= G_N_ELEMENTS (negatives) - 1 || selected == (guint) kessan_settings_get_negative_style (self->settings))
    return;
  g_settings_set_string (self->settings, "negative-style", negatives[selected]);
}

KessanPreferencesWindow *
kessan_preferences_window_new (GSettings *settings)
{
  KessanPreferencesWindow *self = g_object_new (KESSAN_TYPE_PREFERENCES_WINDOW, NULL);

  self->settings = g_object_ref (settings);
  bind_row (self, "label-language", self->label_language_row, label_languages);
  bind_row (self, "display-scale", self->scale_row, scales);
  bind_row (self, "display-currency", self->currency_row, currencies);
  negative_style_changed_cb (self);
  g_signal_connect_object (settings, "changed::negative-style", G_CALLBACK (negative_style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->negative_row, "notify::selected", G_CALLBACK (negative_row_selected_cb), self, G_CONNECT_SWAPPED);
  return self;
}

AdwComboRow *
kessan_preferences_window_get_negative_row (KessanPreferencesWindow *self)
{
  g_return_val_if_fail (KESSAN_IS_PREFERENCES_WINDOW (self), NULL);

  return self->negative_row;
}

static void
kessan_preferences_window_dispose (GObject *object)
{
  KessanPreferencesWindow *self = KESSAN_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (kessan_preferences_window_parent_class)->dispose (object);
}

static void
kessan_preferences_window_class_init (KessanPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kessan_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kessan/Kessan/ui/kessan-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KessanPreferencesWindow, label_language_row);
  gtk_widget_class_bind_template_child (widget_class, KessanPreferencesWindow, scale_row);
  gtk_widget_class_bind_template_child (widget_class, KessanPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, KessanPreferencesWindow, negative_row);
}

/* libadwaita's search entry of the window, which it leaves without a
 * name for a screen reader. */
static void
name_search_entries (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search preferences"), -1);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_search_entries (child);
}

static void
kessan_preferences_window_init (KessanPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_search_entries (GTK_WIDGET (self));
  kessan_accessible_name_text_buttons (GTK_WIDGET (self));
  kessan_accessible_name_combo_row (self->label_language_row);
  kessan_accessible_name_combo_row (self->scale_row);
  kessan_accessible_name_combo_row (self->currency_row);
  kessan_accessible_name_combo_row (self->negative_row);
}
