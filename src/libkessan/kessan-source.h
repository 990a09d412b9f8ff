/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One file of a release: a release may come as several (a TDnet
 * package's files, an EDGAR submission's documents, a PDF and its
 * inline XBRL). */
typedef struct
{
  char *name;     /* the file's name inside the release, or its own */
  char *format;   /* "text", "pdf", "html", "xhtml", "ixbrl", "edgar" */
  char *sha256;   /* lower-case hex, or NULL */
} KessanSourcePart;

/* Where a run of lines of the release's text came from: which part,
 * and for a marked-up part the element ("table[3]/tr[5]"). */
typedef struct
{
  guint  first_line;
  guint  last_line;
  guint  part;
  char  *element;  /* NULL for text and PDF parts */
} KessanSourcePlace;

#define KESSAN_TYPE_SOURCE_PART (kessan_source_part_get_type ())

GType             kessan_source_part_get_type (void) G_GNUC_CONST;
KessanSourcePart *kessan_source_part_new      (const char             *name,
                                               const char             *format,
                                               const char             *sha256);
KessanSourcePart *kessan_source_part_copy     (const KessanSourcePart *part);
void              kessan_source_part_free     (KessanSourcePart       *part);

void              kessan_source_place_clear   (KessanSourcePlace      *place);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KessanSourcePart, kessan_source_part_free)

G_END_DECLS
