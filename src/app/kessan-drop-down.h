/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes the button of @dropdown, a drop-down of GtkStringObject, show
 * its choice ellipsized (the whole text in its tooltip) while its list
 * shows every choice in full: the drop-down keeps one width whatever is
 * chosen, and a long choice cannot widen a window.  The button is as
 * wide as @max_chars characters at most. */
void kessan_drop_down_ellipsize (GtkDropDown *dropdown,
                                 int          max_chars);

G_END_DECLS
