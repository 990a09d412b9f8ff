/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-import-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kessan-import-wizard-private.h"

/* The parts of a release on its row of the summary: the documents of a
 * TDnet or EDINET package, or of an EDGAR submission, each with what it
 * is and how many of the release's lines came from it (the filing's
 * source parts and places, docs/json-format.md), so that the analyst
 * sees what went in and what was left out. */

static const char *
format_name (const char *format)
{
  if (g_strcmp0 (format, "ixbrl") == 0)
    return _("Inline XBRL");
  if (g_strcmp0 (format, "html") == 0)
    return "HTML";
  if (g_strcmp0 (format, "xhtml") == 0)
    return "XHTML";
  if (g_strcmp0 (format, "pdf") == 0)
    return "PDF";
  if (g_strcmp0 (format, "edgar") == 0)
    return _("EDGAR submission");
  return _("Text");
}

/* Where a document sits in a package says what it is: TDnet puts the
 * summary (決算短信サマリー) and the statements in folders of their own. */
static const char *
role_of (const char *name)
{
  if (strstr (name, "Summary/") != NULL)
    return C_("package part", "Summary");
  if (strstr (name, "Attachment/") != NULL)
    return C_("package part", "Attachment");
  if (strstr (name, "PublicDoc/") != NULL)
    return C_("package part", "Report");
  return NULL;
}

static gboolean
is_container (const KessanSourcePart *part)
{
  return g_strcmp0 (part->format, "edgar") == 0;
}

/* The release's lines that came from each part. */
static guint *
count_lines (KessanFiling *filing)
{
  guint n_parts = kessan_filing_get_n_parts (filing);
  guint *lines = g_new0 (guint, MAX (n_parts, 1));

  for (guint i = 0; i < kessan_filing_get_n_places (filing); i++)
    {
      const KessanSourcePlace *place = kessan_filing_get_place (filing, i);

      if (place->part < n_parts && place->last_line >= place->first_line)
        lines[place->part] += place->last_line - place->first_line + 1;
    }
  return lines;
}

static char *
describe_part (const KessanSourcePart *part,
               guint                   lines)
{
  const char *role = part->name != NULL ? role_of (part->name) : NULL;
  g_autofree char *what = NULL;
  g_autofree char *read = NULL;

  if (is_container (part))
    /* TRANSLATORS: the first part of an EDGAR submission, which holds its documents */
    return g_strdup_printf (_("%s · holds the documents below"), format_name (part->format));

  what = role != NULL ? g_strdup_printf ("%s · %s", role, format_name (part->format)) : g_strdup (format_name (part->format));
  if (lines == 0)
    /* TRANSLATORS: a part of a release that was not read: "Attachment · HTML · not read" */
    return g_strdup_printf (_("%s · not read"), what);
  read = g_strdup_printf (ngettext ("%u line read", "%u lines read", lines), lines);
  return g_strdup_printf ("%s · %s", what, read);
}

/* "2 of 3 documents read", or NULL for a release of one file. */
char *
kessan_import_wizard_count_parts (KessanFiling *filing)
{
  guint n_parts = kessan_filing_get_n_parts (filing);
  g_autofree guint *lines = NULL;
  guint n_documents = 0, n_read = 0;

  if (n_parts < 2)
    return NULL;
  lines = count_lines (filing);
  for (guint i = 0; i < n_parts; i++)
    if (!is_container (kessan_filing_get_part (filing, i)))
      {
        n_documents++;
        n_read += lines[i] > 0;
      }
  /* TRANSLATORS: the documents of a package or submission the release was read from */
  return g_strdup_printf (ngettext ("%u of %u document read", "%u of %u documents read", n_documents),
                          n_read, n_documents);
}

/* The row's button shows the parts of a release of more than one. */
void
kessan_import_wizard_fill_parts (FileRow      *row,
                                 KessanFiling *filing)
{
  guint n_parts = filing != NULL ? kessan_filing_get_n_parts (filing) : 0;
  g_autofree guint *lines = NULL;
  g_autofree char *label = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (row->parts_list))) != NULL)
    gtk_list_box_remove (row->parts_list, child);
  gtk_widget_set_visible (GTK_WIDGET (row->parts), n_parts > 1);
  if (n_parts < 2)
    return;

  lines = count_lines (filing);
  for (guint i = 0; i < n_parts; i++)
    {
      const KessanSourcePart *part = kessan_filing_get_part (filing, i);
      g_autofree char *subtitle = describe_part (part, lines[i]);
      g_autofree char *base = part->name != NULL ? g_path_get_basename (part->name) : NULL;
      GtkWidget *part_row = adw_action_row_new ();
      GtkWidget *icon;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (part_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (part_row), base != NULL ? base : _("Unnamed document"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (part_row), subtitle);
      /* The full path inside the package, for the long names TDnet gives. */
      gtk_widget_set_tooltip_text (part_row, part->name);
      /* A folder for the submission, a tick for a document read, and
       * the same room left empty for one not read (its line says so). */
      if (is_container (part))
        icon = gtk_image_new_from_icon_name ("folder-documents-symbolic");
      else if (lines[i] > 0)
        icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      else
        icon = gtk_image_new ();
      gtk_image_set_pixel_size (GTK_IMAGE (icon), 16);
      adw_action_row_add_prefix (ADW_ACTION_ROW (part_row), icon);
      gtk_list_box_append (row->parts_list, part_row);
    }
  label = g_strdup_printf (ngettext ("%u Part", "%u Parts", n_parts), n_parts);
  gtk_menu_button_set_label (row->parts, label);
}

/* A new row's button and the list it pops up. */
void
kessan_import_wizard_make_parts_button (FileRow *row)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("What the release was read from"));

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  row->parts_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (row->parts_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (row->parts_list), "boxed-list");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_widget_set_size_request (scrolled, 360, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (row->parts_list));
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  row->parts = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (row->parts, popover);
  gtk_widget_set_valign (GTK_WIDGET (row->parts), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->parts), _("The documents of the package or submission"));
  gtk_widget_set_visible (GTK_WIDGET (row->parts), FALSE);
}

/* Accessor for the interface tests */

char **
kessan_import_wizard_get_file_parts (KessanImportWizard *self,
                                     guint               index)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  FileRow *row;

  g_return_val_if_fail (KESSAN_IS_IMPORT_WIZARD (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  row = g_ptr_array_index (self->rows, index);
  if (gtk_widget_get_visible (GTK_WIDGET (row->parts)))
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (row->parts_list));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      {
        g_autofree char *text = g_strdup_printf ("%s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                                                 adw_action_row_get_subtitle (ADW_ACTION_ROW (child)));

        g_strv_builder_add (builder, text);
      }
  return g_strv_builder_end (builder);
}
