/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "kessan-source.h"

G_DEFINE_BOXED_TYPE (KessanSourcePart, kessan_source_part,
                     kessan_source_part_copy, kessan_source_part_free)

/**
 * kessan_source_part_new:
 * @name: (nullable): the part's file name
 * @format: (nullable): the reader that read it ("text", "pdf", "html"…)
 * @sha256: (nullable): the SHA-256 of its bytes, lower-case hex
 *
 * Returns: (transfer full): a new #KessanSourcePart
 */
KessanSourcePart *
kessan_source_part_new (const char *name,
                        const char *format,
                        const char *sha256)
{
  KessanSourcePart *part = g_new0 (KessanSourcePart, 1);

  part->name = g_strdup (name);
  part->format = g_strdup (format);
  part->sha256 = g_strdup (sha256);
  return part;
}

KessanSourcePart *
kessan_source_part_copy (const KessanSourcePart *part)
{
  g_return_val_if_fail (part != NULL, NULL);

  return kessan_source_part_new (part->name, part->format, part->sha256);
}

void
kessan_source_part_free (KessanSourcePart *part)
{
  if (part == NULL)
    return;

  g_free (part->name);
  g_free (part->format);
  g_free (part->sha256);
  g_free (part);
}

void
kessan_source_place_clear (KessanSourcePlace *place)
{
  g_clear_pointer (&place->element, g_free);
}
