/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Names a drop-down for assistive technologies, by its visible @label
 * when it has one, else by @name: the drop-down and the button and
 * item GTK 4.8 puts inside it, which a screen reader meets too. */
void kessan_accessible_name_drop_down (GtkDropDown *drop_down,
                                       GtkWidget   *label,
                                       const char  *name);

/* Names a list item's row (the widget GTK makes around @child) by what
 * it shows. */
void kessan_accessible_name_list_row  (GtkWidget   *child,
                                       const char  *name);

/* Names the item a combo row shows its choice in by the row's title and
 * the choice, as the choice changes. */
void kessan_accessible_name_combo_row (AdwComboRow *row);
void kessan_accessible_align_column_titles (GtkColumnView *view,
                                            const char    *first_name);
/* Names each button with a text label in @widget by that label alone,
 * without its underline, as the label changes too. */
void kessan_accessible_name_text_buttons (GtkWidget *widget);

G_END_DECLS
