/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A file chooser for earnings releases: several files at once, text and
 * PDF first.  The caller connects to "response" and unrefs it there. */
GtkFileChooserNative *kessan_release_chooser_new (GtkWindow  *parent,
                                                  const char *title);

G_END_DECLS
