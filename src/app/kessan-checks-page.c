/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-checks-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kessan-checks-page.h"
#include "kessan-display-settings.h"
#include "kessan-display-text.h"
#include "kessan-names.h"

/* What the checks found, in the selected release or in every release
 * of the library, grouped by severity: errors first.  Activating a
 * finding asks the window to show its cells and source lines, after
 * selecting its release when that is another one. */

#define N_SEVERITIES 3

struct _KessanChecksPage
{
  AdwBin               parent_instance;

  /* Template widgets, by KessanSeverity */
  GtkLabel            *scope_label;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkWidget           *groups[N_SEVERITIES];
  GtkLabel            *counts[N_SEVERITIES];
  GtkListBox          *lists[N_SEVERITIES];

  /* Owned */
  KessanFiling        *filing;
  KessanLibrary       *library;
  GListStore          *stores[N_SEVERITIES];   /* KessanFinding */
  GtkFlattenListModel *findings;               /* errors, warnings, information */
  GHashTable          *owners;                 /* KessanFinding → its KessanFiling */
  GSettings           *settings;

  gboolean             show_all;
};

G_DEFINE_FINAL_TYPE (KessanChecksPage, kessan_checks_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_SHOW_ALL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_SHOW_FILING,
  SIGNAL_SHOW_FINDING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe_release (KessanFiling *filing)
{
  g_autofree char *period = kessan_filing_dup_period_name (filing);
  const char *company = kessan_filing_get_company (filing);

  /* TRANSLATORS: a release: its period and company, "2Q FY2003 · Internet Initiative Japan Inc." */
  return g_strdup_printf (_("%s · %s"), period, company != NULL ? company : _("Unknown company"));
}

/* As many decimals as the value has, up to two as the checks' own
 * messages show them: a percent such as 7.14 keeps its digits and an
 * amount in yen shows none. */
static char *
format_value (KessanChecksPage *self,
              double            value,
              gboolean          percent)
{
  guint decimals = 0;
  g_autofree char *number = NULL;

  while (decimals < 2 && fabs (value * pow (10, decimals) - round (value * pow (10, decimals))) > 1e-6)
    decimals++;
  /* Negatives as the statements write them (▲ for a Japanese reader). */
  number = kessan_format_number (value, decimals, kessan_settings_get_negative_style (self->settings));
  return percent ? g_strconcat (number, "%", NULL) : g_steal_pointer (&number);
}

/* Whether the values of @finding are percents: those of a column that
 * is not an amount (a percent of revenue, a change). */
static gboolean
finding_is_percent (KessanFinding *finding,
                    KessanFiling  *filing)
{
  KessanStatement *statement;
  guint n_columns;
  const guint *columns = kessan_finding_get_columns (finding, &n_columns);

  if (filing == NULL || n_columns == 0 || kessan_finding_get_statement (finding) == NULL)
    return FALSE;
  statement = kessan_filing_find_statement (filing, kessan_finding_get_statement (finding));
  if (statement == NULL || columns[0] >= kessan_statement_get_n_columns (statement))
    return FALSE;
  return kessan_column_get_measure (kessan_statement_get_column (statement, columns[0])) != KESSAN_MEASURE_AMOUNT;
}

/* Rows */

static char *
describe_finding (KessanChecksPage *self,
                  KessanFinding    *finding,
                  KessanFiling     *filing)
{
  g_autoptr(GString) caption = g_string_new (NULL);
  const char *check = kessan_check_get_display_name (kessan_finding_get_check (finding));
  const char *statement_id = kessan_finding_get_statement (finding);
  KessanStatement *statement = NULL;
  g_autofree char *statement_name = NULL;
  g_autofree char *where = NULL;
  guint n_lines, page = 0;
  const guint *lines = kessan_finding_get_lines (finding, &n_lines);

  /* Every release: the release is the heading of its findings, not a
   * line of each. */

  if (statement_id != NULL)
    {
      if (filing != NULL)
        statement = kessan_filing_find_statement (filing, statement_id);
      statement_name = statement != NULL ? kessan_statement_get_display_name (statement)
                                         : g_strdup (statement_id);
    }

  if (n_lines > 0)
    {
      g_autoptr(GString) numbers = g_string_new (NULL);

      for (guint i = 0; i < n_lines && i < 5; i++)
        g_string_append_printf (numbers, "%s%u", i > 0 ? ", " : "", lines[i]);
      if (n_lines > 5)
        g_string_append (numbers, ", …");
      /* In a PDF release, the page too, when the lines are on one. */
      if (filing != NULL && !self->show_all)
        page = kessan_filing_get_line_page (filing, lines[0]);
      for (guint i = 1; i < n_lines && page > 0; i++)
        if (kessan_filing_get_line_page (filing, lines[i]) != page)
          page = 0;
      if (page > 0)
        /* TRANSLATORS: the source lines of a finding in a PDF release:
         * "Page 4, line 113" or "Page 4, lines 113, 122" */
        where = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Page %u, line %s", "Page %u, lines %s", n_lines),
                                 page, numbers->str);
      else
        /* TRANSLATORS: the source lines of a finding: "Line 113" or "Lines 113, 122" */
        where = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Line %s", "Lines %s", n_lines), numbers->str);
    }

  if (statement_name != NULL && where != NULL)
    /* TRANSLATORS: a finding's caption: the check's name, the statement
     * it looked at and the source lines, "Check: Cash reconciliation ·
     * Statement: Balance Sheet (Japanese) · Lines 113, 122" */
    g_string_append_printf (caption, _("Check: %s · Statement: %s · %s"), check, statement_name, where);
  else if (statement_name != NULL)
    /* TRANSLATORS: a finding's caption: the check's name and the statement
     * it looked at, "Check: Cash reconciliation · Statement: Balance Sheet (Japanese)" */
    g_string_append_printf (caption, _("Check: %s · Statement: %s"), check, statement_name);
  else if (where != NULL)
    /* TRANSLATORS: a finding's caption: the check's name and the source
     * lines, "Check: Truncated release · Line 113" */
    g_string_append_printf (caption, _("Check: %s · %s"), check, where);
  else
    /* TRANSLATORS: a finding's caption: the check's name, "Check: USD conversion" */
    g_string_append_printf (caption, _("Check: %s"), check);

  return g_string_free (g_steal_pointer (&caption), FALSE);
}

static GtkWidget *
create_values (KessanChecksPage *self,
               KessanFinding    *finding,
               KessanFiling     *filing)
{
  double expected, found;
  g_autofree char *expected_text = NULL;
  g_autofree char *found_text = NULL;
  g_autofree char *expected_label = NULL;
  g_autofree char *found_label = NULL;
  GtkWidget *box, *label;

  if (!kessan_finding_get_values (finding, &expected, &found))
    return NULL;

  expected_text = format_value (self, expected, finding_is_percent (finding, filing));
  found_text = format_value (self, found, finding_is_percent (finding, filing));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  /* TRANSLATORS: what the arithmetic gives: "Expected 7,888.5" */
  expected_label = g_strdup_printf (_("Expected %s"), expected_text);
  label = gtk_label_new (expected_label);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  /* TRANSLATORS: what the release prints: "Found 7,887" */
  found_label = g_strdup_printf (_("Found %s"), found_text);
  label = gtk_label_new (found_label);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static GtkWidget *
create_finding_row (gpointer item,
                    gpointer user_data)
{
  KessanChecksPage *self = user_data;
  KessanFinding *finding = item;
  KessanFiling *filing = g_hash_table_lookup (self->owners, finding);
  g_autofree char *described = describe_finding (self, finding, filing);
  /* Messages and statement names quote the release: shown safe, and
   * bounded to a few lines however long the label they quote. */
  g_autofree char *message = kessan_display_text (kessan_finding_get_message (finding), 3 * KESSAN_DISPLAY_MAX_CHARS);
  g_autofree char *caption = kessan_display_text (described, 2 * KESSAN_DISPLAY_MAX_CHARS);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  GtkWidget *values;
  GtkWidget *arrow;
  const char *icon_name, *style, *severity;

  switch (kessan_finding_get_severity (finding))
    {
    case KESSAN_SEVERITY_ERROR:
      icon_name = "dialog-error-symbolic";
      style = "error";
      severity = _("Error");
      break;
    case KESSAN_SEVERITY_WARNING:
      icon_name = "dialog-warning-symbolic";
      style = "warning";
      severity = _("Warning");
      break;
    case KESSAN_SEVERITY_INFO:
    default:
      icon_name = "dialog-information-symbolic";
      style = "accent";
      severity = _("Information");
      break;
    }

  /* Messages quote labels of the release, which are not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), caption);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  icon = gtk_image_new_from_icon_name (icon_name);
  gtk_widget_add_css_class (icon, style);
  gtk_widget_set_tooltip_text (icon, severity);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, severity, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  values = create_values (self, finding, filing);
  if (values != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), values);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_add_css_class (arrow, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data_full (G_OBJECT (row), "finding", g_object_ref (finding), g_object_unref);
  return row;
}

static void refresh (KessanChecksPage *self);

/* With every release listed, the findings of each release follow a
 * heading that names it and its file. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  KessanChecksPage *self = user_data;
  KessanFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  KessanFinding *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "finding") : NULL;
  /* None once the page is being disposed. */
  KessanFiling *filing = finding != NULL && self->owners != NULL ? g_hash_table_lookup (self->owners, finding) : NULL;
  g_autofree char *release = NULL;
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;
  GtkWidget *label;

  if (!self->show_all || filing == NULL
      || (previous != NULL && g_hash_table_lookup (self->owners, previous) == filing))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  release = describe_release (filing);
  if (kessan_filing_get_source_name (filing) != NULL)
    /* TRANSLATORS: the heading of a release's findings when the page
     * shows every release: "2Q FY2003 · Internet Initiative Japan Inc. · 2q03-ja.txt" */
    text = g_strdup_printf (C_("finding release and file", "%s · %s"), release, kessan_filing_get_source_name (filing));
  else
    text = g_steal_pointer (&release);
  safe = kessan_display_text (text, KESSAN_DISPLAY_MAX_CHARS);
  label = gtk_label_new (safe);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 9);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_name (label, "release-heading");
  gtk_list_box_row_set_header (row, label);
}

static void
negative_style_changed_cb (KessanChecksPage *self)
{
  for (guint s = 0; s < N_SEVERITIES; s++)
    g_list_model_items_changed (G_LIST_MODEL (self->stores[s]), 0,
                                g_list_model_get_n_items (G_LIST_MODEL (self->stores[s])),
                                g_list_model_get_n_items (G_LIST_MODEL (self->stores[s])));
}

void
kessan_checks_page_set_settings (KessanChecksPage *self,
                                 GSettings        *settings)
{
  g_return_if_fail (KESSAN_IS_CHECKS_PAGE (self));

  if (!g_set_object (&self->settings, settings))
    return;
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::negative-style", G_CALLBACK (negative_style_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

/* Contents */

static void
update_scope (KessanChecksPage *self)
{
  g_autofree char *text = NULL;

  if (self->show_all)
    {
      guint n = self->library != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->library)) : 0;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u release in the library",
                                           "%u releases in the library", n), n);
    }
  else if (self->filing != NULL)
    text = describe_release (self->filing);
  gtk_label_set_text (self->scope_label, text != NULL ? text : "");
}

static void
update_state (KessanChecksPage *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  for (guint s = 0; s < N_SEVERITIES; s++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stores[s]));
      g_autofree char *count = g_strdup_printf ("%u", n);

      gtk_label_set_text (self->counts[s], count);
      gtk_widget_set_visible (self->groups[s], n > 0);
    }

  if (total > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  if (!self->show_all && self->filing == NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "folder-documents-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Release Selected"));
      adw_status_page_set_description (self->empty_page,
                                       _("Choose a release in the library to see what the checks found in it."));
    }
  else if (self->show_all && (self->library == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->library)) == 0))
    {
      adw_status_page_set_icon_name (self->empty_page, "folder-documents-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Releases"));
      adw_status_page_set_description (self->empty_page, _("Open an earnings release with Ctrl+O or drop it here."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->empty_page, _("Every Check Passed"));
      adw_status_page_set_description (self->empty_page,
                                       self->show_all
                                       ? _("In every release of the library, the totals, percentages, changes and dollar amounts agree with the amounts they come from.")
                                       : _("The totals, percentages, changes and dollar amounts of this release agree with the amounts they come from."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
collect_findings (KessanChecksPage *self,
                  KessanFiling     *filing,
                  GPtrArray       **by_severity)
{
  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);
      guint severity = MIN ((guint) kessan_finding_get_severity (finding), N_SEVERITIES - 1);

      g_ptr_array_add (by_severity[severity], finding);
      g_hash_table_replace (self->owners, finding, g_object_ref (filing));
    }
}

static void
refresh (KessanChecksPage *self)
{
  GPtrArray *by_severity[N_SEVERITIES];

  for (guint s = 0; s < N_SEVERITIES; s++)
    by_severity[s] = g_ptr_array_new ();

  /* The stores keep the findings of the rows already made; the owners
   * of the findings about to be shown are recorded before the rows are
   * made. */
  g_hash_table_remove_all (self->owners);
  if (self->show_all && self->library != NULL)
    {
      GListModel *library = G_LIST_MODEL (self->library);

      for (guint i = 0; i < g_list_model_get_n_items (library); i++)
        {
          g_autoptr(KessanFiling) filing = g_list_model_get_item (library, i);

          collect_findings (self, filing, by_severity);
        }
    }
  else if (!self->show_all && self->filing != NULL)
    collect_findings (self, self->filing, by_severity);

  /* Errors first, then warnings, then information. */
  for (guint s = 0; s < N_SEVERITIES; s++)
    {
      GListStore *store = self->stores[s];

      g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                           by_severity[s]->pdata, by_severity[s]->len);
      g_ptr_array_unref (by_severity[s]);
    }

  update_scope (self);
  update_state (self);
}

static void
library_items_changed_cb (KessanChecksPage *self)
{
  if (self->show_all)
    refresh (self);
}

static void
filing_findings_changed_cb (KessanChecksPage *self)
{
  if (!self->show_all)
    refresh (self);
}

void
kessan_checks_page_activate_finding (KessanChecksPage *self,
                                     KessanFinding    *finding)
{
  g_autoptr(KessanFinding) kept = NULL;
  g_autoptr(KessanFiling) owner = NULL;
  KessanFiling *filing;

  g_return_if_fail (KESSAN_IS_CHECKS_PAGE (self));
  g_return_if_fail (KESSAN_IS_FINDING (finding));

  /* Selecting another release may change what the page lists: hold on
   * to the finding and its release until both signals are out. */
  kept = g_object_ref (finding);
  filing = g_hash_table_lookup (self->owners, finding);
  owner = filing != NULL ? g_object_ref (filing) : NULL;

  if (owner != NULL && owner != self->filing)
    g_signal_emit (self, signals[SIGNAL_SHOW_FILING], 0, owner);
  g_signal_emit (self, signals[SIGNAL_SHOW_FINDING], 0, kept);
}

static void
row_activated_cb (KessanChecksPage *self,
                  GtkListBoxRow    *row)
{
  KessanFinding *finding = g_object_get_data (G_OBJECT (row), "finding");

  if (finding != NULL)
    kessan_checks_page_activate_finding (self, finding);
}

/* Public */

void
kessan_checks_page_set_filing (KessanChecksPage *self,
                               KessanFiling     *filing)
{
  g_return_if_fail (KESSAN_IS_CHECKS_PAGE (self));
  g_return_if_fail (filing == NULL || KESSAN_IS_FILING (filing));

  if (self->filing == filing)
    return;

  if (self->filing != NULL)
    g_signal_handlers_disconnect_by_func (kessan_filing_get_findings (self->filing),
                                          filing_findings_changed_cb, self);
  g_set_object (&self->filing, filing);
  if (filing != NULL)
    g_signal_connect_object (kessan_filing_get_findings (filing), "items-changed",
                             G_CALLBACK (filing_findings_changed_cb), self, G_CONNECT_SWAPPED);

  /* The list of every release does not depend on the one selected. */
  if (self->show_all)
    update_scope (self);
  else
    refresh (self);
}

KessanFiling *
kessan_checks_page_get_filing (KessanChecksPage *self)
{
  g_return_val_if_fail (KESSAN_IS_CHECKS_PAGE (self), NULL);

  return self->filing;
}

void
kessan_checks_page_set_library (KessanChecksPage *self,
                                KessanLibrary    *library)
{
  g_return_if_fail (KESSAN_IS_CHECKS_PAGE (self));
  g_return_if_fail (library == NULL || KESSAN_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, library_items_changed_cb, self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_object (library, "items-changed", G_CALLBACK (library_items_changed_cb),
                             self, G_CONNECT_SWAPPED);
  if (self->show_all)
    refresh (self);
}

gboolean
kessan_checks_page_get_show_all (KessanChecksPage *self)
{
  g_return_val_if_fail (KESSAN_IS_CHECKS_PAGE (self), FALSE);

  return self->show_all;
}

void
kessan_checks_page_set_show_all (KessanChecksPage *self,
                                 gboolean          show_all)
{
  g_return_if_fail (KESSAN_IS_CHECKS_PAGE (self));

  show_all = !!show_all;
  if (self->show_all == show_all)
    return;

  self->show_all = show_all;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ALL]);
}

GListModel *
kessan_checks_page_get_findings (KessanChecksPage *self)
{
  g_return_val_if_fail (KESSAN_IS_CHECKS_PAGE (self), NULL);

  return G_LIST_MODEL (self->findings);
}

/* GObject */

static void
kessan_checks_page_dispose (GObject *object)
{
  KessanChecksPage *self = KESSAN_CHECKS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KESSAN_TYPE_CHECKS_PAGE);
  g_clear_object (&self->findings);
  for (guint s = 0; s < N_SEVERITIES; s++)
    g_clear_object (&self->stores[s]);
  g_clear_pointer (&self->owners, g_hash_table_unref);
  g_clear_object (&self->filing);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kessan_checks_page_parent_class)->dispose (object);
}

static void
kessan_checks_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KessanChecksPage *self = KESSAN_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_ALL:
      g_value_set_boolean (value, self->show_all);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_checks_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  KessanChecksPage *self = KESSAN_CHECKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_ALL:
      kessan_checks_page_set_show_all (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_checks_page_class_init (KessanChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kessan_checks_page_dispose;
  object_class->get_property = kessan_checks_page_get_property;
  object_class->set_property = kessan_checks_page_set_property;

  properties[PROP_SHOW_ALL] = g_param_spec_boolean ("show-all", NULL, NULL, FALSE,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted before "show-finding" when the finding is of a release other
   * than the one the page was given. */
  signals[SIGNAL_SHOW_FILING] = g_signal_new ("show-filing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, KESSAN_TYPE_FILING);
  signals[SIGNAL_SHOW_FINDING] = g_signal_new ("show-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, KESSAN_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kessan/Kessan/ui/kessan-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KessanChecksPage, scope_label);
  gtk_widget_class_bind_template_child (widget_class, KessanChecksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KessanChecksPage, empty_page);
  gtk_widget_class_bind_template_child_full (widget_class, "errors_group", FALSE,
                                             G_STRUCT_OFFSET (KessanChecksPage, groups[KESSAN_SEVERITY_ERROR]));
  gtk_widget_class_bind_template_child_full (widget_class, "warnings_group", FALSE,
                                             G_STRUCT_OFFSET (KessanChecksPage, groups[KESSAN_SEVERITY_WARNING]));
  gtk_widget_class_bind_template_child_full (widget_class, "info_group", FALSE,
                                             G_STRUCT_OFFSET (KessanChecksPage, groups[KESSAN_SEVERITY_INFO]));
  gtk_widget_class_bind_template_child_full (widget_class, "errors_count", FALSE,
                                             G_STRUCT_OFFSET (KessanChecksPage, counts[KESSAN_SEVERITY_ERROR]));
  gtk_widget_class_bind_template_child_full (widget_class, "warnings_count", FALSE,
                                             G_STRUCT_OFFSET (KessanChecksPage, counts[KESSAN_SEVERITY_WARNING]));
  gtk_widget_class_bind_template_child_full (widget_class, "info_count", FALSE,
                                             G_STRUCT_OFFSET (KessanChecksPage, counts[KESSAN_SEVERITY_INFO]));
  gtk_widget_class_bind_template_child_full (widget_class, "errors_list", FALSE,
                                             G_STRUCT_OFFSET (KessanChecksPage, lists[KESSAN_SEVERITY_ERROR]));
  gtk_widget_class_bind_template_child_full (widget_class, "warnings_list", FALSE,
                                             G_STRUCT_OFFSET (KessanChecksPage, lists[KESSAN_SEVERITY_WARNING]));
  gtk_widget_class_bind_template_child_full (widget_class, "info_list", FALSE,
                                             G_STRUCT_OFFSET (KessanChecksPage, lists[KESSAN_SEVERITY_INFO]));
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "checks.show-all", "show-all");
}

static void
kessan_checks_page_init (KessanChecksPage *self)
{
  GListStore *sections = g_list_store_new (G_TYPE_LIST_MODEL);
  static const KessanSeverity order[] = { KESSAN_SEVERITY_ERROR, KESSAN_SEVERITY_WARNING, KESSAN_SEVERITY_INFO };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->owners = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  for (guint s = 0; s < N_SEVERITIES; s++)
    {
      self->stores[s] = g_list_store_new (KESSAN_TYPE_FINDING);
      gtk_list_box_bind_model (self->lists[s], G_LIST_MODEL (self->stores[s]), create_finding_row, self, NULL);
      gtk_list_box_set_header_func (self->lists[s], update_header, self, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_list_store_append (sections, self->stores[order[i]]);
  self->findings = gtk_flatten_list_model_new (G_LIST_MODEL (sections));

  update_state (self);
}
