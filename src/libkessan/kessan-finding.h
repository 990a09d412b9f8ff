/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kessan-types.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_FINDING (kessan_finding_get_type ())

G_DECLARE_FINAL_TYPE (KessanFinding, kessan_finding, KESSAN, FINDING, GObject)

KessanFinding  *kessan_finding_new           (const char     *check,
                                              KessanSeverity  severity,
                                              const char     *statement,
                                              const char     *message);
const char     *kessan_finding_get_check     (KessanFinding  *self);
KessanSeverity  kessan_finding_get_severity  (KessanFinding  *self);
/* The statement id, or NULL for a finding about the whole release. */
const char     *kessan_finding_get_statement (KessanFinding  *self);
const char     *kessan_finding_get_message   (KessanFinding  *self);
/* Source lines involved (1-based). */
const guint    *kessan_finding_get_lines     (KessanFinding  *self,
                                              guint          *n_lines);
void            kessan_finding_add_line      (KessanFinding  *self,
                                              guint           line);
/* Concept keys of the rows involved. */
const char * const *kessan_finding_get_rows  (KessanFinding  *self);
void            kessan_finding_add_row       (KessanFinding  *self,
                                              const char     *concept);
/* Column indices (in the finding's statement) involved. */
const guint    *kessan_finding_get_columns   (KessanFinding  *self,
                                              guint          *n_columns);
void            kessan_finding_add_column    (KessanFinding  *self,
                                              guint           column);
/* The other statement of a check comparing two, or NULL. */
const char     *kessan_finding_get_other_statement (KessanFinding *self);
void            kessan_finding_set_other_statement (KessanFinding *self,
                                                    const char    *statement);
/* What the arithmetic expects and what the release prints. */
gboolean        kessan_finding_get_values    (KessanFinding  *self,
                                              double         *expected,
                                              double         *found);
void            kessan_finding_set_values    (KessanFinding  *self,
                                              double          expected,
                                              double          found);

G_END_DECLS
