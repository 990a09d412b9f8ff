/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KESSAN_TYPE_PREFERENCES_WINDOW (kessan_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (KessanPreferencesWindow, kessan_preferences_window, KESSAN, PREFERENCES_WINDOW, AdwPreferencesWindow)

KessanPreferencesWindow *kessan_preferences_window_new (GSettings *settings);
/* For the interface tests: the row of the negative style. */
AdwComboRow             *kessan_preferences_window_get_negative_row (KessanPreferencesWindow *self);

G_END_DECLS
