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

/* What the inline XBRL reader shares with the reader of XBRL instances
 * (kessan-xbrl-reader.c). */
void        kessan_xbrl_read_context  (KessanGrid   *grid,
                                       xmlNode      *node);
void        kessan_xbrl_read_unit     (KessanGrid   *grid,
                                       xmlNode      *node);
void        kessan_xbrl_apply_tag     (KessanGrid   *grid,
                                       const char   *name,
                                       const char   *text);
void        kessan_xbrl_skip_leading_blanks (const char **text,
                                             gsize       *length);

/* An XBRL instance (an xbrli:xbrl document): its facts made tables. */
gboolean    kessan_xbrl_reader_sniff  (const char   *data,
                                       gsize         length);
KessanGrid *kessan_xbrl_reader_read   (GBytes       *contents,
                                       const char   *display_name,
                                       GError      **error);
gboolean    kessan_xbrl_reader_add    (KessanGrid   *grid,
                                       const char   *text,
                                       gsize         length,
                                       const char   *part_name,
                                       const char   *sha256,
                                       const char   *display_name,
                                       GError      **error);

/* After the table reader (kessan-facts.c): each column's period, unit,
 * scale, scenario, consolidation and members from its cells' facts; each
 * row's concept from its element; the company from the tags; a finding
 * for each printed number that differs from its fact. */
void        kessan_facts_apply        (KessanGrid   *grid,
                                       KessanFiling *filing);

G_END_DECLS
