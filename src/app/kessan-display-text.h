/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Labels and names that come from a release are shown through this: a
 * release is whatever a PDF converter produced, and its text may hold
 * control characters, bidirectional overrides or a label thousands of
 * characters long. */

/* How many characters of one label the interface lays out at most. */
#define KESSAN_DISPLAY_MAX_CHARS 200

/* @text made safe to show on one line (newly allocated):
 * - invalid UTF-8 replaced by U+FFFD;
 * - control characters (C0, DEL, C1) shown as their visible pictures
 *   (␀ … ␟, ␡) or, for C1, as U+FFFD, tabs and line breaks as spaces;
 * - invisible format characters (bidirectional embeddings, overrides and
 *   isolates, zero-width spaces, the byte-order mark) removed, but the
 *   joiners that shape scripts (U+200C, U+200D) kept;
 * - at most @max_chars characters, the last one an ellipsis when cut;
 * - text with right-to-left letters isolated (U+2068 … U+2069) after a
 *   mark of the interface's direction, so that it is laid out in its
 *   own direction without reordering or realigning what is around it.
 * Returns "" for %NULL. */
char *kessan_display_text (const char *text,
                           gsize       max_chars);

G_END_DECLS
