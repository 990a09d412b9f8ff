/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kessan-display-settings.h"

gboolean
kessan_interface_is_japanese (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "ja");
}

KessanLabelLanguage
kessan_settings_get_label_language (GSettings *settings)
{
  g_autofree char *choice = settings != NULL ? g_settings_get_string (settings, "label-language") : NULL;
  KessanLabelLanguage labels;

  if (choice != NULL && kessan_label_language_from_string (choice, &labels))
    return labels;
  return kessan_interface_is_japanese () ? KESSAN_LABELS_JAPANESE : KESSAN_LABELS_ENGLISH;
}

gboolean
kessan_label_language_japanese_first (KessanLabelLanguage labels)
{
  switch (labels)
    {
    case KESSAN_LABELS_ENGLISH:
      return FALSE;
    case KESSAN_LABELS_JAPANESE:
      return TRUE;
    case KESSAN_LABELS_PRINTED:
    case KESSAN_LABELS_BOTH:
    default:
      return kessan_interface_is_japanese ();
    }
}

KessanNegativeStyle
kessan_settings_get_negative_style (GSettings *settings)
{
  g_autoptr(GVariant) chosen = NULL;
  g_autofree char *style = NULL;

  if (settings == NULL)
    return KESSAN_NEGATIVE_MINUS;
  /* Japanese readers expect ▲ for negatives unless they chose otherwise. */
  chosen = g_settings_get_user_value (settings, "negative-style");
  if (chosen == NULL && kessan_interface_is_japanese ())
    return KESSAN_NEGATIVE_TRIANGLE;
  style = g_settings_get_string (settings, "negative-style");
  if (g_str_equal (style, "parentheses"))
    return KESSAN_NEGATIVE_PARENTHESES;
  if (g_str_equal (style, "triangle"))
    return KESSAN_NEGATIVE_TRIANGLE;
  return KESSAN_NEGATIVE_MINUS;
}
