/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"

#include "kessan-grid-private.h"

#include "kessan-decoder.h"
#include "kessan-input-private.h"

/* The reader of a release in plain text: its bytes decoded, in any of
 * the encodings kessan_decode() knows, the text taken as it is. */

/**
 * kessan_text_reader_read:
 * @contents: the bytes of a text release
 * @display_name: its name, for the messages
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
KessanGrid *
kessan_text_reader_read (GBytes      *contents,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(GError) decode_error = NULL;
  g_autoptr(KessanGrid) grid = NULL;
  KessanEncoding encoding;
  const guint8 *data;
  gsize length;
  char *text;

  data = g_bytes_get_data (contents, &length);
  text = kessan_decode (data, length, &encoding, &decode_error);
  if (text == NULL)
    {
      kessan_input_name_error (decode_error, display_name, error);
      return NULL;
    }

  grid = kessan_grid_new ();
  grid->encoding = kessan_encoding_to_string (encoding);
  kessan_grid_take_text (grid, text, kessan_grid_add_part (grid, display_name, "text", NULL));
  return g_steal_pointer (&grid);
}
