/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kessan-release-chooser.h"

GtkFileChooserNative *
kessan_release_chooser_new (GtkWindow  *parent,
                            const char *title)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) releases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_filter_set_name (releases, _("Earnings releases (text, PDF, HTML, inline XBRL, TDnet zip)"));
  gtk_file_filter_add_mime_type (releases, "text/plain");
  gtk_file_filter_add_mime_type (releases, "application/pdf");
  gtk_file_filter_add_mime_type (releases, "text/html");
  gtk_file_filter_add_mime_type (releases, "application/xhtml+xml");
  gtk_file_filter_add_mime_type (releases, "application/zip");
  gtk_file_filter_add_suffix (releases, "txt");
  gtk_file_filter_add_suffix (releases, "pdf");
  gtk_file_filter_add_suffix (releases, "htm");
  gtk_file_filter_add_suffix (releases, "html");
  gtk_file_filter_add_suffix (releases, "xhtml");
  gtk_file_filter_add_suffix (releases, "zip");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), releases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  return dialog;
}
