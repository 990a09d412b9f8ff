/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kessan-types.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_CONCEPTS (kessan_concepts_get_type ())

G_DECLARE_FINAL_TYPE (KessanConcepts, kessan_concepts, KESSAN, CONCEPTS, GObject)

typedef struct
{
  const char *key;       /* "revenues.total" */
  const char *label_en;  /* canonical English label, or NULL */
  const char *label_ja;  /* canonical Japanese label, or NULL */
  const char *section;   /* key of the heading it sits under, or NULL */
  gboolean    heading;   /* a section heading that carries no values */
} KessanConcept;

KessanConcepts      *kessan_concepts_new_from_bytes   (GBytes              *json,
                                                       GError             **error);
KessanConcepts      *kessan_concepts_get_default      (void);
const KessanConcept *kessan_concepts_lookup           (KessanConcepts      *self,
                                                       KessanStatementKind  kind,
                                                       const char          *section,
                                                       const char          *label);
const KessanConcept *kessan_concepts_lookup_element   (KessanConcepts      *self,
                                                       const char          *element);
const char          *kessan_concepts_find_table_topic (KessanConcepts      *self,
                                                       const char          *title,
                                                       KessanStatementKind *kind);
const KessanConcept *kessan_concepts_get              (KessanConcepts      *self,
                                                       const char          *key);
const char * const  *kessan_concepts_get_components   (KessanConcepts      *self,
                                                       const char          *key);
const char * const  *kessan_concepts_get_subtracted   (KessanConcepts      *self,
                                                       const char          *key);
const char * const  *kessan_concepts_get_keys         (KessanConcepts      *self);
const char * const  *kessan_concepts_get_topics       (KessanConcepts      *self);
gboolean             kessan_concepts_has_kind         (KessanConcepts      *self,
                                                       const char          *key,
                                                       KessanStatementKind  kind);
char                *kessan_concepts_make_key         (const char          *label);
char                *kessan_concepts_make_key_for     (KessanConcepts      *self,
                                                       const char          *label);
char                *kessan_concepts_fold_label       (const char          *label);

G_END_DECLS
