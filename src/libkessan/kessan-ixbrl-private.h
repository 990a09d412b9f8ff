/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kessan-markup-private.h"

G_BEGIN_DECLS

gboolean    kessan_ixbrl_reader_sniff (const char  *data,
                                       gsize        length);
KessanGrid *kessan_ixbrl_reader_read  (GBytes      *contents,
                                       const char  *display_name,
                                       GError     **error);
gboolean    kessan_ixbrl_reader_add   (KessanGrid  *grid,
                                       const char  *text,
                                       gsize        length,
                                       const char  *part_name,
                                       const char  *sha256,
                                       const char  *display_name,
                                       GError     **error);
gboolean    kessan_ixbrl_read_number  (const char  *text,
                                       const char  *format,
                                       double      *value);

/* After the table reader (kessan-facts.c): each column's period, unit,
 * scale, scenario, consolidation and members from its cells' facts; each
 * row's concept from its element; the company from the tags; a finding
 * for each printed number that differs from its fact. */
void        kessan_facts_apply        (KessanGrid   *grid,
                                       KessanFiling *filing);

G_END_DECLS
