/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan.h"

G_BEGIN_DECLS

/* How the user asked numbers and labels to be shown, read the same way
 * by every page from the application's settings. */

/* Whether the interface speaks Japanese. */
gboolean            kessan_interface_is_japanese         (void);

/* The label-language setting with "interface" resolved to English or
 * Japanese; the interface's language without settings. */
KessanLabelLanguage kessan_settings_get_label_language   (GSettings *settings);

/* Whether labels read Japanese first: Japanese labels, or both in a
 * Japanese interface. */
gboolean            kessan_label_language_japanese_first (KessanLabelLanguage labels);
/* The negative-style setting; ▲ for Japanese readers who did not choose,
 * a minus sign without settings. */
KessanNegativeStyle kessan_settings_get_negative_style   (GSettings *settings);

G_END_DECLS
