/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kessan-fact.h"
#include "kessan-types.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_LINE_ITEM (kessan_line_item_get_type ())

G_DECLARE_FINAL_TYPE (KessanLineItem, kessan_line_item, KESSAN, LINE_ITEM, GObject)

KessanLineItem *kessan_line_item_new            (const char     *label,
                                                 guint           n_columns);
const char     *kessan_line_item_get_label      (KessanLineItem *self);
/* Whether the row was printed without a label (the readers name it "?"). */
gboolean        kessan_line_item_is_unlabelled  (KessanLineItem *self);
void            kessan_line_item_set_label      (KessanLineItem *self,
                                                 const char     *label);
const char     *kessan_line_item_get_concept    (KessanLineItem *self);
void            kessan_line_item_set_concept    (KessanLineItem *self,
                                                 const char     *concept);
const char     *kessan_line_item_get_label_en   (KessanLineItem *self);
const char     *kessan_line_item_get_label_ja   (KessanLineItem *self);
void            kessan_line_item_set_labels     (KessanLineItem *self,
                                                 const char     *label_en,
                                                 const char     *label_ja);
char           *kessan_line_item_dup_label_in   (KessanLineItem *self,
                                                 KessanLabelLanguage labels,
                                                 const char     *separator);
guint           kessan_line_item_get_depth      (KessanLineItem *self);
void            kessan_line_item_set_depth      (KessanLineItem *self,
                                                 guint           depth);
gboolean        kessan_line_item_get_total      (KessanLineItem *self);
void            kessan_line_item_set_total      (KessanLineItem *self,
                                                 gboolean        total);
/* A heading row carries no values ("Revenues:", "資産の部"). */
gboolean        kessan_line_item_get_heading    (KessanLineItem *self);
void            kessan_line_item_set_heading    (KessanLineItem *self,
                                                 gboolean        heading);
/* KESSAN_UNIT_NONE unless the row counts something other than its columns
 * (per-share amounts, share counts). */
KessanUnit      kessan_line_item_get_unit       (KessanLineItem *self);
void            kessan_line_item_set_unit       (KessanLineItem *self,
                                                 KessanUnit      unit);
/* 0 unless the row states a scale of its own (shares "in thousands" in
 * a table in millions, "except share data"). */
guint           kessan_line_item_get_scale      (KessanLineItem *self);
void            kessan_line_item_set_scale      (KessanLineItem *self,
                                                 guint           scale);
/* The line of the label in the decoded source (1-based). */
guint           kessan_line_item_get_line       (KessanLineItem *self);
void            kessan_line_item_set_line       (KessanLineItem *self,
                                                 guint           line);
guint           kessan_line_item_get_n_values   (KessanLineItem *self);
gboolean        kessan_line_item_has_value      (KessanLineItem *self,
                                                 guint           column);
double          kessan_line_item_get_value      (KessanLineItem *self,
                                                 guint           column);
/* Digits after the decimal point as printed. */
guint           kessan_line_item_get_decimals   (KessanLineItem *self,
                                                 guint           column);
/* The source line (1-based) the value was read from, 0 when absent. */
guint           kessan_line_item_get_value_line (KessanLineItem *self,
                                                 guint           column);
void            kessan_line_item_set_value      (KessanLineItem *self,
                                                 guint           column,
                                                 double          value,
                                                 guint           decimals,
                                                 guint           line);
void            kessan_line_item_clear_value    (KessanLineItem *self,
                                                 guint           column);

gboolean        kessan_line_item_get_unreadable (KessanLineItem *self,
                                                 guint           column);
void            kessan_line_item_set_unreadable (KessanLineItem *self,
                                                 guint           column,
                                                 gboolean        unreadable);
const KessanFact *kessan_line_item_get_fact     (KessanLineItem *self,
                                                 guint           column);
void            kessan_line_item_set_fact       (KessanLineItem *self,
                                                 guint           column,
                                                 const KessanFact *fact);
gboolean        kessan_line_item_has_extras     (KessanLineItem *self);

G_END_DECLS
