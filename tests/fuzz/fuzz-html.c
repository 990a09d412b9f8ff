/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Fuzz target: an HTML page (the input inside <html><body>, so that
 * every input reaches the HTML reader), read, checked and exported. */

#include "fuzz-markup.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char prefix[] = "<html><body>";
  g_autoptr(GByteArray) page = g_byte_array_sized_new (size + sizeof prefix);
  g_autoptr(GBytes) bytes = NULL;

  g_byte_array_append (page, (const guint8 *) prefix, sizeof prefix - 1);
  g_byte_array_append (page, data, size);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&page));
  fuzz_markup_release (bytes, "fuzz.htm");
  return 0;
}
