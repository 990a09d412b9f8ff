/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Fuzz target: an inline XBRL document (the input inside a root element
 * that declares the namespaces, so that every input reaches the inline
 * XBRL reader), read, checked and exported. */

#include "fuzz-markup.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char prefix[] =
    "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\""
    " xmlns:ixt=\"http://www.xbrl.org/inlineXBRL/transformation/2020-02-12\""
    " xmlns:xbrli=\"http://www.xbrl.org/2003/instance\" xmlns:xbrldi=\"http://xbrl.org/2006/xbrldi\""
    " xmlns:iso4217=\"http://www.xbrl.org/2003/iso4217\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    " xmlns:jppfs_cor=\"http://disclosure.edinet-fsa.go.jp/taxonomy/jppfs/2023-12-01/jppfs_cor\""
    " xmlns:tse-ed-t=\"http://www.xbrl.tdnet.info/taxonomy/jp/tse/tdnet/ed/t/2014-01-12\">";
  static const char suffix[] = "</html>";
  g_autoptr(GByteArray) page = g_byte_array_sized_new (size + sizeof prefix + sizeof suffix);
  g_autoptr(GBytes) bytes = NULL;

  g_byte_array_append (page, (const guint8 *) prefix, sizeof prefix - 1);
  g_byte_array_append (page, data, size);
  g_byte_array_append (page, (const guint8 *) suffix, sizeof suffix - 1);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&page));
  fuzz_markup_release (bytes, "fuzz-ixbrl.htm");
  return 0;
}
