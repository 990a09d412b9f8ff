/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "kessan-accessible.h"
#include "kessan-chart.h"
#include "kessan-charts-page.h"
#include "kessan-checks-page.h"
#include "kessan-import-wizard.h"
#include "kessan-release-chooser.h"
#include "kessan-display-text.h"
#include "kessan-source-page.h"
#include "kessan-statements-page.h"
#include "kessan-trends-page.h"
#include "kessan-window.h"

#define SAMPLES_PATH "/io/github/kessan/Kessan/samples/"

struct _KessanWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkSpinner           *import_spinner;
  GMenuModel           *filing_menu;
  GtkStack             *sidebar_stack;
  GtkStack             *content_stack;
  GtkListBox           *filing_list;
  GtkRevealer          *problems_revealer;
  GtkLabel             *problems_label;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStackPage     *checks_stack_page;
  KessanStatementsPage *statements_page;
  KessanTrendsPage     *trends_page;
  KessanChartsPage     *charts_page;
  KessanChecksPage     *checks_page;
  KessanSourcePage     *source_page;

  /* Owned */
  KessanLibrary        *library;
  GSettings            *settings;
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  /* The releases of the shown release's company: what Trends and Charts
   * follow, so that two companies' figures never share a series. */
  GtkFilterListModel   *company_filings;
  GtkCustomFilter      *company_filter;
  char                 *company;
  KessanFiling         *filing;
  GCancellable         *cancellable;
  gboolean              ready;
  gint64                first_frame_time;  /* painted, or when loading started */
  gboolean              series_started;
  /* A tab of the page switcher pressed, the page not yet shown. */
  gboolean              tab_pressed;

  /* What the last toast's Undo puts back or takes out again. */
  KessanFiling         *last_added;
  KessanFiling         *last_replaced;
  GBytes               *last_replaced_source;
  KessanImportWizard   *import_wizard;
  KessanFiling         *last_removed;
  GBytes               *last_removed_source;
};

G_DEFINE_FINAL_TYPE (KessanWindow, kessan_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_FILING,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void setup_window (KessanWindow      *self,
                          KessanApplication *app);

KessanWindow *
kessan_window_new (KessanApplication *application)
{
  KessanWindow *self = g_object_new (KESSAN_TYPE_WINDOW, "application", application, NULL);

  /* The application is set after construction: the window connects to
   * its library once it has one. */
  setup_window (self, application);
  return self;
}

KessanFiling *
kessan_window_get_filing (KessanWindow *self)
{
  g_return_val_if_fail (KESSAN_IS_WINDOW (self), NULL);

  return self->filing;
}

gboolean
kessan_window_get_ready (KessanWindow *self)
{
  g_return_val_if_fail (KESSAN_IS_WINDOW (self), FALSE);

  return self->ready;
}

static guint
count_findings (KessanFiling   *filing,
                KessanSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    n += kessan_finding_get_severity (kessan_filing_get_finding (filing, i)) == severity;
  return n;
}

static void row_context_menu_cb (GtkGestureClick *gesture,
                                 int              n_press,
                                 double           x,
                                 double           y,
                                 GtkWidget       *row);

/* What kind of file a release was read from, as the sidebar names it. */
static const char *
describe_format (KessanFiling *filing)
{
  const char *name = kessan_filing_get_source_name (filing);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  if (kessan_filing_get_n_pages (filing) > 0 || g_str_has_suffix (lower, ".pdf"))
    return _("PDF");
  if (g_str_has_suffix (lower, ".htm") || g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".xhtml"))
    return _("HTML");
  return C_("file format", "Text");
}

/* "Japanese and English", in the order the release has them. */
static char *
describe_languages (KessanFiling *filing)
{
  const char * const *languages = kessan_filing_get_languages (filing);
  const char *names[2] = { NULL, NULL };
  guint n = 0;

  for (guint i = 0; languages != NULL && languages[i] != NULL && n < 2; i++)
    {
      if (g_str_equal (languages[i], "ja"))
        names[n++] = _("Japanese");
      else if (g_str_equal (languages[i], "en"))
        names[n++] = _("English");
    }
  if (n == 0)
    return NULL;
  if (n == 1)
    return g_strdup (names[0]);
  /* TRANSLATORS: the two languages of a release, e.g. "Japanese and English" */
  return g_strdup_printf (_("%s and %s"), names[0], names[1]);
}

/* The worst finding of a release decides its row's icon: an error icon
 * when a check failed, a warning one when only warnings were found. */
static GtkWidget *
create_severity_icon (KessanFiling *filing)
{
  guint errors = count_findings (filing, KESSAN_SEVERITY_ERROR);
  guint warnings = count_findings (filing, KESSAN_SEVERITY_WARNING);
  g_autofree char *tooltip = NULL;
  GtkWidget *icon;

  if (errors == 0 && warnings == 0)
    return NULL;
  if (errors > 0)
    {
      g_autofree char *failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check failed", "%u checks failed", errors), errors);

      if (warnings > 0)
        {
          g_autofree char *warned = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);

          /* TRANSLATORS: "2 checks failed, 8 warnings" */
          tooltip = g_strdup_printf (_("%s, %s"), failed, warned);
        }
      else
        tooltip = g_steal_pointer (&failed);
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (icon, "error");
    }
  else
    {
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "warning");
    }
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (icon, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_name (icon, errors > 0 ? "severity-error" : "severity-warning");
  return icon;
}

/* A release in the sidebar: its period, its company, then the kind of
 * file and the file's name, so that two releases of one quarter are
 * told apart at a glance. */
static GtkWidget *
create_filing_row (gpointer item,
                   gpointer user_data)
{
  KessanFiling *filing = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *period = kessan_filing_dup_period_name (filing);
  /* The file name as the user gave it: shown safe, as any text a
   * release brings. */
  g_autofree char *source_name = kessan_display_text (kessan_filing_get_source_name (filing), KESSAN_DISPLAY_MAX_CHARS);
  g_autofree char *languages = describe_languages (filing);
  g_autofree char *released = NULL;
  g_autofree char *file_line = NULL;
  g_autofree char *tooltip = NULL;
  const char *company = kessan_filing_get_company (filing) ? kessan_filing_get_company (filing) : _("Unknown company");
  const char *format = describe_format (filing);
  GtkWidget *title;
  GtkWidget *company_label;
  GtkWidget *detail;
  GtkWidget *icon;

  if (kessan_filing_get_released (filing) != NULL)
    {
      g_autofree char *date = kessan_format_period (kessan_filing_get_released (filing), 0);

      /* TRANSLATORS: when a release was published, e.g. "Released Nov 21, 2003" */
      released = g_strdup_printf (_("Released %s"), date);
    }
  else
    released = g_strdup (_("Release date unknown"));
  /* TRANSLATORS: the kind of file and its name: "Text · 003.txt" */
  file_line = g_strdup_printf (C_("library row", "%s · %s"), format, source_name);
  /* TRANSLATORS: a library row's tooltip: period and company, then
   * kind of file, languages, release date and file name */
  tooltip = g_strdup_printf (_("%s · %s\n%s, %s\n%s\n%s"), period, company, format,
                             languages != NULL ? languages : _("language unknown"), released, source_name);

  title = gtk_label_new (period);
  company_label = gtk_label_new (company);
  detail = gtk_label_new (file_line);
  gtk_widget_set_name (title, "period");
  gtk_widget_set_name (company_label, "company");
  gtk_widget_set_name (detail, "file");
  /* A screen reader reads the row as its title and details. */
  {
    g_autofree char *name = g_strdup_printf ("%s, %s, %s", period, company, file_line);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (company_label), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (company_label), PANGO_ELLIPSIZE_END);
  /* The end of a file name is what tells files apart. */
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), company_label);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);

  icon = create_severity_icon (filing);
  if (icon != NULL)
    gtk_box_append (GTK_BOX (box), icon);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "filing", g_object_ref (filing), g_object_unref);

  /* A right click offers the release's own actions. */
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (row_context_menu_cb), row);
    gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  }
  return row;
}

static KessanFiling *
row_filing (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "filing") : NULL;
}

static void
row_context_menu_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkWidget       *row)
{
  KessanWindow *self = KESSAN_WINDOW (gtk_widget_get_root (row));
  GtkWidget *popover;

  gtk_list_box_select_row (self->filing_list, GTK_LIST_BOX_ROW (row));

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->filing_menu));
  gtk_widget_set_parent (popover, row);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* Releases are grouped by fiscal year, newest first. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  KessanFiling *filing = row_filing (row);
  KessanFiling *previous = row_filing (before);
  guint year = kessan_filing_get_named_fiscal_year (filing);

  if (previous != NULL && kessan_filing_get_named_fiscal_year (previous) == year)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  {
    g_autofree char *text = year > 0 ? g_strdup_printf (_("Fiscal Year %u"), year) : g_strdup (_("Unknown Fiscal Year"));
    GtkWidget *label = gtk_label_new (text);

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_widget_add_css_class (label, "heading");
    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_set_margin_start (label, 12);
    gtk_widget_set_margin_top (label, 12);
    gtk_widget_set_margin_bottom (label, 3);
    gtk_list_box_row_set_header (row, label);
  }
}

static gboolean
filter_filing (gpointer item,
               gpointer user_data)
{
  KessanWindow *self = user_data;
  KessanFiling *filing = item;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *period = NULL;
  g_autofree char *haystack = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  period = kessan_filing_dup_period_name (filing);
  haystack = g_strjoin (" ", period,
                        kessan_filing_get_company (filing) ? kessan_filing_get_company (filing) : "",
                        kessan_filing_get_released (filing) ? kessan_filing_get_released (filing) : "",
                        kessan_filing_get_period_end (filing) ? kessan_filing_get_period_end (filing) : "",
                        kessan_filing_get_source_name (filing) ? kessan_filing_get_source_name (filing) : "",
                        NULL);
  folded = g_utf8_casefold (haystack, -1);
  needle = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static void update_sidebar_page (KessanWindow *self);

static void
search_changed_cb (KessanWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_sidebar_page (self);
}

static void
update_sidebar_page (KessanWindow *self)
{
  if (!self->ready)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "loading");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->library)) == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
  /* Until the library is read, the pages have nothing to say. */
  gtk_stack_set_visible_child_name (self->content_stack, self->ready ? "pages" : "loading");
}

const char *
kessan_window_get_sidebar_state (KessanWindow *self)
{
  g_return_val_if_fail (KESSAN_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->sidebar_stack);
}

const char *
kessan_window_get_content_state (KessanWindow *self)
{
  g_return_val_if_fail (KESSAN_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

static void
update_checks_badge (KessanWindow *self)
{
  guint errors = self->filing != NULL ? count_findings (self->filing, KESSAN_SEVERITY_ERROR) : 0;

  adw_view_stack_page_set_badge_number (self->checks_stack_page, errors);
  adw_view_stack_page_set_needs_attention (self->checks_stack_page, errors > 0);
}

static gboolean
filter_company (gpointer item,
                gpointer user_data)
{
  KessanWindow *self = user_data;

  return self->company == NULL || g_strcmp0 (kessan_filing_get_company (KESSAN_FILING (item)), self->company) == 0;
}

static void
set_filing (KessanWindow *self,
            KessanFiling *filing)
{
  if (!g_set_object (&self->filing, filing))
    return;

  if (filing != NULL && g_strcmp0 (kessan_filing_get_company (filing), self->company) != 0)
    {
      g_free (self->company);
      self->company = g_strdup (kessan_filing_get_company (filing));
      gtk_filter_changed (GTK_FILTER (self->company_filter), GTK_FILTER_CHANGE_DIFFERENT);
    }

  kessan_statements_page_set_filing (self->statements_page, filing);
  kessan_checks_page_set_filing (self->checks_page, filing);
  kessan_source_page_set_filing (self->source_page, filing);
  update_checks_badge (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "remove-filing", filing != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILING]);
}

void
kessan_window_select_filing (KessanWindow *self,
                             KessanFiling *filing)
{
  g_return_if_fail (KESSAN_IS_WINDOW (self));

  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->filing_list, i);

      if (row == NULL)
        break;
      if (row_filing (row) == filing)
        {
          gtk_list_box_select_row (self->filing_list, row);
          return;
        }
    }
  /* Hidden by the search: show it anyway. */
  set_filing (self, filing);
}

static void
row_selected_cb (KessanWindow  *self,
                 GtkListBoxRow *row)
{
  if (row != NULL)
    set_filing (self, row_filing (row));
}

static void
row_activated_cb (KessanWindow  *self,
                  GtkListBoxRow *row)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (KessanWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
library_items_changed_cb (KessanWindow *self,
                          guint         position,
                          guint         removed,
                          guint         added,
                          GListModel   *model)
{
  update_sidebar_page (self);

  /* The shown release was removed: show the newest one left. */
  if (self->filing != NULL && kessan_library_find_by_hash (self->library, kessan_filing_get_source_hash (self->filing)) == NULL)
    {
      g_autoptr(KessanFiling) first = g_list_model_get_item (model, 0);

      if (first != NULL)
        kessan_window_select_filing (self, first);
      else
        set_filing (self, NULL);
    }
}

GtkWidget *
kessan_window_get_page (KessanWindow *self,
                        const char   *name)
{
  g_return_val_if_fail (KESSAN_IS_WINDOW (self), NULL);

  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

const char *
kessan_window_get_visible_page (KessanWindow *self)
{
  g_return_val_if_fail (KESSAN_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

KessanLibrary *
kessan_window_get_library (KessanWindow *self)
{
  g_return_val_if_fail (KESSAN_IS_WINDOW (self), NULL);

  return self->library;
}

/* The releases Trends and Charts follow: the shown release's company's. */
GListModel *
kessan_window_get_company_filings (KessanWindow *self)
{
  g_return_val_if_fail (KESSAN_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->company_filings);
}

void
kessan_window_show_page (KessanWindow *self,
                         const char   *name)
{
  g_return_if_fail (KESSAN_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
kessan_window_show_source_line (KessanWindow *self,
                                guint         line)
{
  g_return_if_fail (KESSAN_IS_WINDOW (self));

  kessan_window_show_page (self, "source");
  kessan_source_page_show_lines (self->source_page, &line, 1);
}

static void
show_error (KessanWindow *self,
            const char   *heading,
            const char   *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Samples read in a thread, added on the main thread. */

typedef struct
{
  GBytes       *bytes;
  KessanFiling *filing;
  /* Its files are in the library's folder already. */
  gboolean      written;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_object (&data->filing);
  g_free (data);
}

/* Undo of the last import: a replaced filing comes back, a new one
 * goes. */
static void
undo_import_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KessanWindow *self = KESSAN_WINDOW (widget);
  g_autoptr(KessanFiling) filing = g_steal_pointer (&self->last_added);
  g_autoptr(KessanFiling) replaced = g_steal_pointer (&self->last_replaced);
  g_autoptr(GBytes) replaced_source = g_steal_pointer (&self->last_replaced_source);
  g_autoptr(GError) error = NULL;

  if (replaced != NULL)
    {
      if (!kessan_import_undo_replace (self->library, filing, replaced, replaced_source, &error))
        show_error (self, _("Could Not Undo"), error->message);
      else
        kessan_window_select_filing (self, replaced);
      return;
    }
  if (filing != NULL && !kessan_library_remove (self->library, filing, &error))
    show_error (self, _("Could Not Undo"), error->message);
}

static void
filing_added_cb (KessanWindow *self,
                 KessanFiling *added,
                 KessanFiling *replaced,
                 GBytes       *replaced_source)
{
  g_autofree char *added_name = kessan_display_text (kessan_filing_get_source_name (added), KESSAN_DISPLAY_MAX_CHARS);
  g_autofree char *added_markup = g_markup_escape_text (added_name, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  kessan_window_select_filing (self, added);
  if (replaced != NULL)
    {
      g_autofree char *replaced_name = kessan_display_text (kessan_filing_get_source_name (replaced), KESSAN_DISPLAY_MAX_CHARS);
      g_autofree char *replaced_markup = g_markup_escape_text (replaced_name, -1);

      title = g_strdup_printf (_("Replaced “%s” with “%s”"), replaced_markup, added_markup);
    }
  else
    title = g_strdup_printf (_("Added “%s”"), added_markup);
  /* A toast's title is markup; a file name is not. */
  toast = adw_toast_new (title);
  g_set_object (&self->last_added, added);
  g_set_object (&self->last_replaced, replaced);
  g_clear_pointer (&self->last_replaced_source, g_bytes_unref);
  self->last_replaced_source = replaced_source != NULL ? g_bytes_ref (replaced_source) : NULL;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-import");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The wizard a release opened now joins: the open one while it takes
 * files, else a new one. */
static KessanImportWizard *
import_wizard (KessanWindow *self)
{
  KessanImportWizard *wizard;

  if (self->import_wizard != NULL && kessan_import_wizard_get_accepts_files (self->import_wizard))
    return self->import_wizard;

  wizard = kessan_import_wizard_new (GTK_WINDOW (self), self->library, self->settings);
  kessan_accessible_name_text_buttons (GTK_WIDGET (wizard));
  g_signal_connect_object (wizard, "filing-added", G_CALLBACK (filing_added_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->import_wizard, wizard);
  return wizard;
}

KessanImportWizard *
kessan_window_get_import_wizard (KessanWindow *self)
{
  g_return_val_if_fail (KESSAN_IS_WINDOW (self), NULL);

  return self->import_wizard;
}

/* A release opened from the file manager, dropped, given on the command
 * line or chosen with Ctrl+O: the wizard opens reading it. */
void
kessan_window_open_file (KessanWindow *self,
                         GFile        *file)
{
  KessanImportWizard *wizard;

  g_return_if_fail (KESSAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  wizard = import_wizard (self);
  kessan_import_wizard_add_file (wizard, file);
  gtk_window_present (GTK_WINDOW (wizard));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KessanWindow *self = KESSAN_WINDOW (widget);
  KessanImportWizard *wizard = import_wizard (self);

  gtk_window_present (GTK_WINDOW (wizard));
  if (g_list_model_get_n_items (kessan_import_wizard_get_imports (wizard)) == 0)
    gtk_widget_activate_action (GTK_WIDGET (wizard), "wizard.choose", NULL);
}

/* The first run: the bundled sample releases join the library, so the
 * window shows real statements at once. */

static void
samples_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  KessanWindow *self = source_object;
  g_auto(GStrv) names = g_resources_enumerate_children (SAMPLES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GPtrArray *imports = g_ptr_array_new_with_free_func ((GDestroyNotify) import_data_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (SAMPLES_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_autoptr(GError) error = NULL;
      ImportData *data;

      if (bytes == NULL)
        continue;
      data = g_new0 (ImportData, 1);
      data->filing = kessan_parse_release (bytes, names[i], &error);
      if (data->filing == NULL)
        {
          g_warning ("Sample %s: %s", names[i], error->message);
          import_data_free (data);
          continue;
        }
      kessan_filing_run_checks (data->filing);
      data->bytes = g_bytes_ref (bytes);
      /* Written here, while the first frame is painted: the main thread
       * then only adds them to the model. */
      data->written = kessan_library_write_new (self->library, data->filing, bytes, &error);
      if (!data->written)
        g_debug ("Sample %s not written: %s", names[i], error->message);
      g_ptr_array_add (imports, data);
    }
  g_task_return_pointer (task, imports, (GDestroyNotify) g_ptr_array_unref);
}

/* For bench/bench-startup: report when the first frame with the
 * statements of a release is painted. */
/* The series of Trends and Charts are built once the statements are on
 * screen: they share the processors with nothing the user waits for. */
static void
start_series (KessanWindow *self)
{
  if (self->series_started)
    return;
  self->series_started = TRUE;
  kessan_trends_page_set_filings (self->trends_page, G_LIST_MODEL (self->company_filings));
  kessan_charts_page_set_filings (self->charts_page, G_LIST_MODEL (self->company_filings));
}

static gboolean
start_series_cb (gpointer data)
{
  KessanWindow *self = data;

  /* Not once the window is being destroyed. */
  if (self->company_filings != NULL && self->trends_page != NULL)
    start_series (self);
  return G_SOURCE_REMOVE;
}

static void
statements_frame_cb (GdkFrameClock *clock,
                     KessanWindow  *self)
{
  g_signal_handlers_disconnect_by_func (clock, statements_frame_cb, self);
  start_series (self);
  /* For bench/bench-startup: when the statements of a release are
   * painted. */
  if (g_getenv ("KESSAN_QUIT_AFTER_STATEMENTS") != NULL)
    {
      g_print ("statements-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      g_application_quit (g_application_get_default ());
    }
}

static void
set_ready (KessanWindow *self)
{
  g_autoptr(KessanFiling) first = NULL;

  g_debug ("Library ready: %.0f ms after the first frame", (g_get_monotonic_time () - self->first_frame_time) / 1000.0);
  self->ready = TRUE;
  update_sidebar_page (self);
  first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  if (first != NULL && self->filing == NULL)
    kessan_window_select_filing (self, first);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
  if (gtk_widget_get_frame_clock (GTK_WIDGET (self)) != NULL)
    {
      g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint", G_CALLBACK (statements_frame_cb), self);
      /* A window that does not paint (hidden, minimized) builds them
       * all the same. */
      g_timeout_add_full (G_PRIORITY_DEFAULT, 1000, start_series_cb, g_object_ref (self), g_object_unref);
    }
  else
    start_series (self);
}

static void
samples_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KessanWindow *self = KESSAN_WINDOW (object);
  g_autoptr(GPtrArray) imports = g_task_propagate_pointer (G_TASK (result), NULL);

  g_debug ("Samples read: %.0f ms after the first frame", (g_get_monotonic_time () - self->first_frame_time) / 1000.0);
  for (guint i = 0; imports != NULL && i < imports->len; i++)
    {
      ImportData *data = g_ptr_array_index (imports, i);
      g_autoptr(KessanFiling) added = NULL;
      g_autoptr(GError) error = NULL;

      if (data->written)
        added = kessan_library_add_written (self->library, data->filing);
      else
        added = kessan_library_add (self->library, data->filing, data->bytes, NULL, &error);
      if (added == NULL)
        g_warning ("Could not add a sample: %s", error->message);
    }
  g_settings_set_boolean (self->settings, "samples-added", TRUE);
  set_ready (self);
}

static void
show_problems (KessanWindow *self)
{
  const char * const *problems = kessan_library_get_problems (self->library);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = problems != NULL ? g_strv_length ((char **) problems) : 0;

  if (n == 0)
    return;
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                             "%u file of the library could not be read. It is kept as it is:",
                                             "%u files of the library could not be read. They are kept as they are:", n), n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "\n%s", problems[i]);
  gtk_label_set_text (self->problems_label, text->str);
  gtk_revealer_set_reveal_child (self->problems_revealer, TRUE);
}

static void
problems_response_cb (KessanWindow *self)
{
  gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
}

static void
library_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KessanWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kessan_library_load_finish (KESSAN_LIBRARY (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, _("Could Not Read the Library"), error->message);
    }
  show_problems (self);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->library)) == 0
      && !g_settings_get_boolean (self->settings, "samples-added"))
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, samples_done_cb, NULL);

      g_task_run_in_thread (task, samples_thread);
      return;
    }
  set_ready (self);
}

/* Actions */

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  KessanWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          kessan_window_open_file (self, file);
        }
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KessanWindow *self = KESSAN_WINDOW (widget);
  GtkFileChooserNative *dialog = kessan_release_chooser_new (GTK_WINDOW (self), _("Open Earnings Releases"));

  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KessanWindow *self = KESSAN_WINDOW (widget);
  g_autoptr(KessanFiling) removed = g_steal_pointer (&self->last_removed);
  g_autoptr(GBytes) source = g_steal_pointer (&self->last_removed_source);
  g_autoptr(GError) error = NULL;
  KessanFiling *filing;

  if (removed == NULL)
    return;
  filing = kessan_library_add (self->library, removed, source, NULL, &error);
  if (filing == NULL)
    show_error (self, _("Could Not Undo"), error->message);
  else
    kessan_window_select_filing (self, filing);
}

static void
remove_filing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KessanWindow *self = KESSAN_WINDOW (widget);
  g_autoptr(KessanFiling) filing = self->filing != NULL ? g_object_ref (self->filing) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) source = NULL;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (filing == NULL)
    return;
  /* The original is read first, so that Undo can put everything back. */
  source = kessan_library_read_source (self->library, filing, &error);
  if (source == NULL || !kessan_library_remove (self->library, filing, &error))
    {
      show_error (self, _("Could Not Remove the Release"), error->message);
      return;
    }

  period = kessan_filing_dup_period_name (filing);
  title = g_strdup_printf (_("Removed “%s”"), period);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-remove");
  g_set_object (&self->last_removed, filing);
  g_clear_pointer (&self->last_removed_source, g_bytes_unref);
  self->last_removed_source = g_steal_pointer (&source);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* What a page is about, where the keyboard goes when the page is shown:
 * its chart, or its text, its table or its list, the first one on
 * screen of the first of these kinds. */
static GtkWidget *
find_shown (GtkWidget *widget,
            GType      type)
{
  if (!gtk_widget_get_mapped (widget) || GTK_IS_POPOVER (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_main_content (GtkWidget *page)
{
  GType kinds[] = { GTK_TYPE_TEXT_VIEW, GTK_TYPE_COLUMN_VIEW, GTK_TYPE_LIST_BOX, GTK_TYPE_LIST_VIEW };

  /* Charts is about its chart, not the lists of its settings: while
   * the chart is being made, the focus waits for it. */
  if (KESSAN_IS_CHARTS_PAGE (page))
    return find_shown (page, KESSAN_TYPE_CHART);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *content = find_shown (page, kinds[i]);

      if (content != NULL)
        return content;
    }
  return NULL;
}

static gboolean
focus_main_content (GtkWidget *page,
                    GtkWidget *content)
{
  GtkRoot *root = gtk_widget_get_root (page);

  /* The statement's table, at the cell the user was at. */
  if (KESSAN_IS_STATEMENTS_PAGE (page))
    {
      kessan_statements_page_focus_current_cell (KESSAN_STATEMENTS_PAGE (page));
      if (gtk_root_get_focus (root) != NULL && gtk_widget_is_ancestor (gtk_root_get_focus (root), content))
        return TRUE;
    }
  /* A chart and a text take the focus themselves, a table or a list at
   * a row. */
  if (KESSAN_IS_CHART (content) || GTK_IS_TEXT_VIEW (content))
    return gtk_widget_grab_focus (content);
  return gtk_widget_child_focus (content, GTK_DIR_TAB_FORWARD);
}

/* The keyboard goes on in the page shown, at what the page is about,
 * rather than at the tab that showed it or at the control the page had
 * the focus at before: once the page has been laid out (two frames
 * after it is shown), as the focus order needs, or once its content is
 * there, for a page that makes it in a thread, as Charts does, within
 * a second.  An action that
 * gives the page's focus to a control of its own says so with
 * "kessan-focus-given". */
#define FOCUS_PAGE_MAX_TICKS 60

static gboolean
focus_page_tick_cb (GtkWidget     *page,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  GtkRoot *root = gtk_widget_get_root (page);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint ticks = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (page), "kessan-focus-ticks"));
  GtkWidget *content = NULL;

  if (ticks < 2)
    {
      g_object_set_data (G_OBJECT (page), "kessan-focus-ticks", GUINT_TO_POINTER (ticks + 1));
      return G_SOURCE_CONTINUE;
    }
  if (root != NULL && g_object_get_data (G_OBJECT (page), "kessan-focus-given") == NULL)
    content = find_main_content (page);
  if (root == NULL || g_object_get_data (G_OBJECT (page), "kessan-focus-given") != NULL
      || (content != NULL && focus != NULL && (focus == content || gtk_widget_is_ancestor (focus, content)))
      || (content != NULL && focus_main_content (page, content)))
    {
      g_object_set_data (G_OBJECT (page), "kessan-focus-ticks", NULL);
      g_object_set_data (G_OBJECT (page), "kessan-focus-given", NULL);
      return G_SOURCE_REMOVE;
    }
  if (ticks < FOCUS_PAGE_MAX_TICKS)
    {
      g_object_set_data (G_OBJECT (page), "kessan-focus-ticks", GUINT_TO_POINTER (ticks + 1));
      return G_SOURCE_CONTINUE;
    }
  /* A page with nothing of these, as one empty of releases, or one
   * still making it: the focus stays where it is, on the tab. */
  g_object_set_data (G_OBJECT (page), "kessan-focus-ticks", NULL);
  return G_SOURCE_REMOVE;
}

static void
focus_page_later (GtkWidget *page)
{
  if (g_object_get_data (G_OBJECT (page), "kessan-focus-ticks") != NULL)
    return;
  g_object_set_data (G_OBJECT (page), "kessan-focus-ticks", GUINT_TO_POINTER (1));
  gtk_widget_add_tick_callback (page, focus_page_tick_cb, NULL, NULL);
}

/* A page shown by its tab, clicked or chosen by the keyboard; a page
 * the window shows for an action gets the focus the action gives. */
static void
visible_page_changed_cb (KessanWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean by_tab = self->tab_pressed || (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->switcher_title)));

  self->tab_pressed = FALSE;
  if (page != NULL && by_tab && gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_page_later (page);
}

static gboolean
tab_click_done_cb (gpointer data)
{
  KessanWindow *self = data;

  self->tab_pressed = FALSE;
  return G_SOURCE_REMOVE;
}

static void
tab_pressed_cb (KessanWindow *self)
{
  self->tab_pressed = TRUE;
}

static void
tab_released_cb (KessanWindow *self)
{
  /* A press that showed no page (the tab of the page shown). */
  g_idle_add_full (G_PRIORITY_DEFAULT, G_SOURCE_FUNC (tab_click_done_cb), g_object_ref (self), g_object_unref);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KessanWindow *self = KESSAN_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *page = kessan_window_get_page (self, name);

  kessan_window_show_page (self, name);
  if (page != NULL)
    focus_page_later (page);
}

/* A page chosen by its key (Alt+1…5): a move of the keyboard, after
 * which the focus ring shows, as after Tab. */
static void
go_to_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_window_set_focus_visible (GTK_WINDOW (widget), TRUE);
  show_page_action (widget, action_name, parameter);
}

/* The selected rows of a statement, charted across the library. */
static void
chart_rows_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KessanWindow *self = KESSAN_WINDOW (widget);
  g_auto(GStrv) concepts = kessan_statements_page_get_selected_concepts (self->statements_page);

  if (concepts[0] == NULL)
    return;
  kessan_charts_page_show_concepts (self->charts_page, (const char * const *) concepts);
  kessan_window_show_page (self, "charts");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KessanWindow *self = KESSAN_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Finding is in the release's text, on the Source page. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KessanWindow *self = KESSAN_WINDOW (widget);

  if (self->filing == NULL)
    return;
  kessan_window_show_page (self, "source");
  gtk_widget_activate_action (GTK_WIDGET (self->source_page), "source.find", NULL);
  /* The search entry keeps the focus the page is shown with. */
  if (g_object_get_data (G_OBJECT (self->source_page), "kessan-focus-ticks") != NULL)
    g_object_set_data (G_OBJECT (self->source_page), "kessan-focus-given", GINT_TO_POINTER (TRUE));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KessanWindow *self = KESSAN_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->statements_page), "statements.export-csv", NULL);
}

static void
show_source_cb (KessanWindow *self,
                guint         line,
                int           start,
                int           length)
{
  kessan_window_show_page (self, "source");
  kessan_source_page_select_span (self->source_page, line, start, length);
}

static void
show_filing_cb (KessanWindow *self,
                KessanFiling *filing)
{
  kessan_window_select_filing (self, filing);
}

static void
show_finding_cb (KessanWindow  *self,
                 KessanFinding *finding)
{
  guint n_lines;
  const guint *lines = kessan_finding_get_lines (finding, &n_lines);

  kessan_statements_page_show_finding (self->statements_page, finding);
  kessan_source_page_show_lines (self->source_page, lines, n_lines);
  kessan_window_show_page (self, "statements");
}

/* When the first frame is painted: the figure the start of the samples
 * is measured from (bench/bench-startup). */
static void
first_paint_cb (GdkFrameClock *clock,
                KessanWindow  *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  self->first_frame_time = g_get_monotonic_time ();
  if (g_getenv ("KESSAN_QUIT_AFTER_STATEMENTS") != NULL)
    g_print ("first-frame %" G_GINT64_FORMAT "\n", self->first_frame_time);
}

/* The library is read in a thread from the moment the window is
 * realized, while the first frame is laid out and painted: the samples
 * of a first run are ready soon after it. */
static void
start_loading_cb (KessanWindow *self)
{
  self->first_frame_time = g_get_monotonic_time ();
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                    G_CALLBACK (first_paint_cb), self);
  kessan_library_load_async (self->library, self->cancellable, library_loaded_cb, g_object_ref (self));
}

/* For bench/bench-startup: report when the first frame is painted. */
static void
first_frame_cb (GdkFrameClock *clock,
                KessanWindow  *self)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  g_application_quit (g_application_get_default ());
}

static void
window_realize_cb (KessanWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_connect (clock, "after-paint", G_CALLBACK (first_frame_cb), self);
}

/* Drag and drop: files dropped anywhere on the window are opened. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         KessanWindow  *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    kessan_window_open_file (self, l->data);
  g_slist_free (files);
  return TRUE;
}

static void
setup_window (KessanWindow      *self,
              KessanApplication *app)
{
  self->library = g_object_ref (kessan_application_get_library (app));
  self->settings = g_object_ref (kessan_application_get_settings (app));

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  self->filter = gtk_custom_filter_new (filter_filing, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->library)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->filing_list, G_LIST_MODEL (self->filtered), create_filing_row, self, NULL);
  gtk_list_box_set_header_func (self->filing_list, update_header, NULL, NULL);
  g_signal_connect_object (self->library, "items-changed", G_CALLBACK (library_items_changed_cb), self, G_CONNECT_SWAPPED);

  kessan_statements_page_set_settings (self->statements_page, self->settings);
  kessan_trends_page_set_settings (self->trends_page, self->settings);
  self->company_filter = gtk_custom_filter_new (filter_company, self, NULL);
  self->company_filings = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->library)),
                                                     GTK_FILTER (g_object_ref (self->company_filter)));
  kessan_charts_page_set_settings (self->charts_page, self->settings);
  kessan_checks_page_set_settings (self->checks_page, self->settings);
  kessan_checks_page_set_library (self->checks_page, self->library);
  g_signal_connect_object (self->statements_page, "show-source", G_CALLBACK (show_source_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checks_page, "show-filing", G_CALLBACK (show_filing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checks_page, "show-finding", G_CALLBACK (show_finding_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "remove-filing", FALSE);

  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }

  if (g_getenv ("KESSAN_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (window_realize_cb), NULL);

  update_sidebar_page (self);
  g_signal_connect (self, "realize", G_CALLBACK (start_loading_cb), NULL);
}

static void
kessan_window_dispose (GObject *object)
{
  KessanWindow *self = KESSAN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->company_filings);
  g_clear_object (&self->company_filter);
  g_clear_pointer (&self->company, g_free);
  g_clear_object (&self->filing);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->last_added);
  g_clear_object (&self->last_replaced);
  g_clear_pointer (&self->last_replaced_source, g_bytes_unref);
  g_clear_weak_pointer (&self->import_wizard);
  g_clear_object (&self->last_removed);
  g_clear_pointer (&self->last_removed_source, g_bytes_unref);

  G_OBJECT_CLASS (kessan_window_parent_class)->dispose (object);
}

static void
kessan_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KessanWindow *self = KESSAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_FILING:
      g_value_set_object (value, self->filing);
      break;

    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_window_class_init (KessanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kessan_window_dispose;
  object_class->get_property = kessan_window_get_property;

  properties[PROP_FILING] = g_param_spec_object ("filing", NULL, NULL, KESSAN_TYPE_FILING,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] = g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KESSAN_TYPE_STATEMENTS_PAGE);
  g_type_ensure (KESSAN_TYPE_TRENDS_PAGE);
  g_type_ensure (KESSAN_TYPE_CHARTS_PAGE);
  g_type_ensure (KESSAN_TYPE_CHECKS_PAGE);
  g_type_ensure (KESSAN_TYPE_SOURCE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kessan/Kessan/ui/kessan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, import_spinner);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, filing_menu);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, filing_list);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, checks_stack_page);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, statements_page);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, trends_page);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, charts_page);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, checks_page);
  gtk_widget_class_bind_template_child (widget_class, KessanWindow, source_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, problems_response_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.remove-filing", NULL, remove_filing_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.go-to-page", "s", go_to_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.chart-rows", NULL, chart_rows_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.undo-import", NULL, undo_import_action);
  gtk_widget_class_install_action (widget_class, "win.undo-remove", NULL, undo_remove_action);
}

static void
kessan_window_init (KessanWindow *self)
{
  GtkGesture *gesture;

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  kessan_accessible_name_text_buttons (GTK_WIDGET (self));
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  /* The tabs' own clicks, seen before the tabs see them. */
  gesture = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (tab_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released", G_CALLBACK (tab_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->switcher_title), GTK_EVENT_CONTROLLER (gesture));
}
