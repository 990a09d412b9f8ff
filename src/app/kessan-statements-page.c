/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-statements"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kessan-accessible.h"
#include "kessan-display-text.h"
#include "kessan-display-settings.h"
#include "kessan-names.h"
#include "kessan-statements-page.h"

/* One statement as a table: a label column, one column per printed
 * column, and computed columns (percent of revenues, year-over-year and
 * quarter-over-quarter change) where the release does not print them.
 * Numbers follow the chosen scale, currency and negative style. */

typedef enum
{
  COLUMN_LABEL,
  COLUMN_PRINTED,
  COLUMN_SHARE,      /* computed: amount ÷ revenues */
  COLUMN_CHANGE,     /* computed: later ÷ earlier − 1 */
} ColumnKind;

/* One table of the release: its two editions when it is printed in
 * both languages (paired by topic), or its only one. */
typedef struct
{
  KessanStatement *editions[2];
  guint            group;     /* TableGroup */
  guint            order;     /* in the release, to keep it within a group */
} Table;

/* The groups of the statement picker, in their order. */
typedef enum
{
  GROUP_STATEMENTS,   /* income, balance, cash flows */
  GROUP_KEY_FIGURES,
  GROUP_OTHER,        /* reconciliations, other tables */
} TableGroup;

typedef struct
{
  ColumnKind           kind;
  int                  source;    /* printed column, or the amount column computed from */
  int                  earlier;   /* COLUMN_CHANGE: the earlier period's column */
  char                *title;
  int                  width;     /* of a value column, measured once */
  GtkColumnViewColumn *view;      /* owned; in the view while in the window */
} DisplayColumn;

#define LABEL_WIDTH    320  /* at least; the labels take what the values leave */
#define VALUE_WIDTH    88   /* at least */
#define HEADER_PADDING 20   /* around a title or a number */
#define MEASURED_ROWS  400  /* rows sampled for the width of a column */

struct _KessanStatementsPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkDropDown         *statement_dropdown;
  GtkDropDown         *scale_dropdown;
  GtkDropDown         *currency_dropdown;
  GtkDropDown         *negative_dropdown;
  GtkScrolledWindow   *scroller;
  GtkColumnView       *column_view;
  GtkScrollbar        *column_scrollbar;
  GtkAdjustment       *column_adjustment;
  GtkWidget           *shade_start;
  GtkWidget           *shade_end;
  GtkLabel            *provenance_label;

  /* Owned */
  KessanFiling        *filing;
  KessanCalendar       calendar;    /* the filing's, which names its periods */
  GPtrArray           *tables;      /* Table */
  KessanStatement     *statement;   /* the edition shown */
  KessanStatement     *counterpart; /* the other edition, if any */
  char                *forced_language; /* an edition asked for by id */
  GSettings           *settings;
  GtkMultiSelection   *selection;
  GArray              *columns;     /* DisplayColumn */
  GHashTable          *findings;    /* "concept\tcolumn" → GPtrArray of KessanFinding */
  KessanLineItem      *base_row;    /* the revenues of computed shares */

  /* The cell last clicked, for provenance */
  int                  current_row;
  int                  current_column;
  gboolean             updating;

  /* The window of value columns shown beside the labels: the labels
   * never scroll away, and the values move by whole columns. */
  guint                first_column;
  guint                n_shown;
  int                  width;
  guint                layout_source;
};

G_DEFINE_FINAL_TYPE (KessanStatementsPage, kessan_statements_page, ADW_TYPE_BIN)

enum
{
  SIGNAL_SHOW_SOURCE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const guint display_scales[] = { 0, 1, 1000, 1000000, 1000000000 };
static const char *scale_names[] = { "printed", "yen", "thousands", "millions", "billions" };
static const char *currency_names[] = { "jpy", "usd" };
static const char *negative_names[] = { "minus", "parentheses", "triangle" };

static void
table_free (gpointer data)
{
  Table *table = data;

  g_clear_object (&table->editions[0]);
  g_clear_object (&table->editions[1]);
  g_free (table);
}

static void
display_column_clear (gpointer data)
{
  DisplayColumn *column = data;

  g_clear_pointer (&column->title, g_free);
  g_clear_object (&column->view);
}

static KessanNegativeStyle
negative_style (KessanStatementsPage *self)
{
  return (KessanNegativeStyle) gtk_drop_down_get_selected (self->negative_dropdown);
}

static gboolean
cell_value (KessanLineItem *row,
            int             column,
            double         *value)
{
  if (column < 0 || !kessan_line_item_has_value (row, (guint) column))
    return FALSE;
  *value = kessan_line_item_get_value (row, (guint) column);
  return TRUE;
}

/* The text of a printed value in the chosen scale and currency. */
static char *
format_printed (KessanStatementsPage *self,
                KessanLineItem       *row,
                guint                 c)
{
  KessanColumn *column = kessan_statement_get_column (self->statement, c);
  KessanUnit unit = kessan_line_item_get_unit (row);
  guint decimals = kessan_line_item_get_decimals (row, c);
  double value = kessan_line_item_get_value (row, c);
  guint selected_scale = display_scales[gtk_drop_down_get_selected (self->scale_dropdown)];
  gboolean to_usd = gtk_drop_down_get_selected (self->currency_dropdown) == 1;
  double rate = kessan_filing_get_jpy_per_usd (self->filing);
  gboolean money = kessan_column_get_unit (column) == KESSAN_UNIT_CURRENCY;

  if (money && unit == KESSAN_UNIT_PER_SHARE)
    {
      /* Per-share amounts are in yen, whatever the column's scale. */
      if (to_usd && rate > 0 && kessan_column_get_currency (column) == KESSAN_CURRENCY_JPY)
        return kessan_format_number (value / rate, 2, negative_style (self));
      return kessan_format_number (value, decimals, negative_style (self));
    }

  if (money && unit == KESSAN_UNIT_NONE)
    {
      guint scale = kessan_column_get_scale (column);
      guint target = selected_scale != 0 ? selected_scale : scale;
      double amount = value * scale;
      gboolean converted = FALSE;

      if (to_usd && rate > 0 && kessan_column_get_currency (column) == KESSAN_CURRENCY_JPY)
        {
          amount /= rate;
          converted = TRUE;
        }
      amount /= target;
      if (target > scale || converted)
        decimals = target > scale ? 1 : 0;
      return kessan_format_number (amount, decimals, negative_style (self));
    }

  return kessan_format_number (value, decimals, negative_style (self));
}

/* The label language the user chose, "interface" resolved. */
static KessanLabelLanguage
label_language (KessanStatementsPage *self)
{
  return kessan_settings_get_label_language (self->settings);
}

/* A row's label in the language the user chose: the interface's,
 * English, Japanese, or both (Japanese above English).  Where the
 * dictionary lacks the label, the other edition's printed row stands
 * in; a row known in one language only keeps that one. */
static char *
row_label (KessanStatementsPage *self,
           KessanLineItem       *row)
{
  KessanLabelLanguage labels = label_language (self);
  KessanLineItem *other = NULL;
  const char *own = kessan_line_item_get_label (row);
  const char *ja = kessan_line_item_get_label_ja (row);
  const char *en = kessan_line_item_get_label_en (row);
  g_autofree char *safe_ja = NULL;
  g_autofree char *safe_en = NULL;

  /* A row printed without a label: most are the subtotals under a
   * rule.  The dictionary's labels of its made-up key are its "?" too. */
  if (kessan_line_item_is_unlabelled (row) && (ja == NULL || g_str_equal (ja, own)) && (en == NULL || g_str_equal (en, own)))
    return g_strdup (kessan_line_item_get_total (row) ? _("Subtotal") : _("No label printed"));

  if (self->counterpart != NULL && kessan_line_item_get_concept (row) != NULL)
    other = kessan_statement_find_row (self->counterpart, kessan_line_item_get_concept (row));
  /* The dictionary's labels first, as everywhere; where it has none,
   * each edition's printed label stands for its own language. */
  if (g_strcmp0 (kessan_statement_get_language (self->statement), "ja") == 0)
    {
      ja = ja != NULL ? ja : own;
      en = en != NULL ? en : other != NULL ? kessan_line_item_get_label (other) : NULL;
    }
  else
    {
      en = en != NULL ? en : own;
      ja = ja != NULL ? ja : other != NULL ? kessan_line_item_get_label (other) : NULL;
    }

  /* Each label made safe on its own: the line break between the two
   * languages is the only one a label cell shows. */
  safe_ja = ja != NULL ? kessan_display_text (ja, KESSAN_DISPLAY_MAX_CHARS) : NULL;
  safe_en = en != NULL ? kessan_display_text (en, KESSAN_DISPLAY_MAX_CHARS) : NULL;
  switch (labels)
    {
    case KESSAN_LABELS_JAPANESE:
      if (safe_ja != NULL)
        return g_steal_pointer (&safe_ja);
      break;
    case KESSAN_LABELS_ENGLISH:
      if (safe_en != NULL)
        return g_steal_pointer (&safe_en);
      break;
    case KESSAN_LABELS_BOTH:
      if (safe_ja != NULL && safe_en != NULL && g_strcmp0 (safe_ja, safe_en) != 0)
        return g_strconcat (safe_ja, "\n", safe_en, NULL);
      if (safe_ja != NULL || safe_en != NULL)
        return g_strdup (safe_ja != NULL ? safe_ja : safe_en);
      break;
    case KESSAN_LABELS_PRINTED:
    default:
      break;
    }
  return kessan_display_text (own, KESSAN_DISPLAY_MAX_CHARS);
}

static gboolean
format_cell (KessanStatementsPage *self,
             KessanLineItem       *row,
             const DisplayColumn  *column,
             char                **text)
{
  double value, base, earlier;

  *text = NULL;
  switch (column->kind)
    {
    case COLUMN_LABEL:
      *text = row_label (self, row);
      return TRUE;

    case COLUMN_PRINTED:
      if (!kessan_line_item_has_value (row, (guint) column->source))
        return FALSE;
      *text = format_printed (self, row, (guint) column->source);
      return TRUE;

    case COLUMN_SHARE:
      if (self->base_row == NULL || kessan_line_item_get_unit (row) != KESSAN_UNIT_NONE
          || !cell_value (row, column->source, &value) || !cell_value (self->base_row, column->source, &base) || base == 0)
        return FALSE;
      *text = kessan_format_number (value / base * 100.0, 1, negative_style (self));
      return TRUE;

    case COLUMN_CHANGE:
      if (kessan_line_item_get_unit (row) != KESSAN_UNIT_NONE
          || !cell_value (row, column->source, &value) || !cell_value (row, column->earlier, &earlier) || earlier == 0)
        return FALSE;
      *text = kessan_format_number ((value - earlier) / fabs (earlier) * 100.0, 1, negative_style (self));
      return TRUE;

    default:
      return FALSE;
    }
}

static GPtrArray *
findings_for (KessanStatementsPage *self,
             KessanLineItem       *row,
             const DisplayColumn  *column)
{
  g_autofree char *key = NULL;

  if (column->kind != COLUMN_PRINTED || self->findings == NULL || row == NULL)
    return NULL;
  key = g_strdup_printf ("%s\t%d", kessan_line_item_get_concept (row), column->source);
  return g_hash_table_lookup (self->findings, key);
}

/* What a cell's warning says: each of its findings on a line. */
static char *
describe_findings (GPtrArray *findings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, kessan_finding_get_message (g_ptr_array_index (findings, i)));
    }
  return findings != NULL ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* The correction made on import to this cell's row or number, if any.
 * Finding the row's position is linear: only when there are
 * corrections. */
static KessanCorrection *
cell_correction (KessanStatementsPage *self,
                 KessanLineItem       *row,
                 const DisplayColumn  *column)
{
  guint position;

  if ((column->kind != COLUMN_LABEL && column->kind != COLUMN_PRINTED)
      || g_list_model_get_n_items (kessan_filing_get_corrections (self->filing)) == 0
      || !g_list_store_find (G_LIST_STORE (kessan_statement_get_rows (self->statement)), row, &position))
    return NULL;
  return kessan_filing_find_correction (self->filing, kessan_statement_get_id (self->statement), (int) position,
                                        column->kind == COLUMN_LABEL ? -1 : column->source);
}

/* The current cell */

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
}

/* Marks the cell widget around @box as current or not. */
static void
mark_current (KessanStatementsPage *self,
              GtkWidget            *box)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (box), "item");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "column"));
  GtkWidget *cell = gtk_widget_get_parent (box);

  gboolean current;

  if (cell == NULL)
    return;
  current = item != NULL && (int) index == self->current_column
            && (int) gtk_list_item_get_position (item) == self->current_row;
  set_class (cell, "current-cell", current);
  gtk_accessible_update_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_SELECTED, current, -1);
}

/* The cells of the rows on screen: a few hundred widgets at most. */
static void
mark_current_cells (KessanStatementsPage *self,
                    GtkWidget            *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), "kessan-cell") != NULL)
        mark_current (self, child);
      else
        mark_current_cells (self, child);
    }
}

static void update_provenance (KessanStatementsPage *self);
static void reveal_column (KessanStatementsPage *self,
                           guint                 c);

/* Makes the cell at @row, @column current: drawn as selected, its
 * column in view, its provenance in the status line. */
static void
set_current_cell (KessanStatementsPage *self,
                  int                   row,
                  int                   column)
{
  self->current_row = row;
  self->current_column = CLAMP (column, 0, (int) self->columns->len - 1);
  reveal_column (self, (guint) self->current_column);
  mark_current_cells (self, GTK_WIDGET (self->column_view));
  update_provenance (self);
}

/* What a screen reader says of a cell: its row's label, its column's
 * title and its value ("Dedicated access services, 4Q FY2002, USD:
 * 28,299"), then what the style shows: computed, corrected, a total or
 * heading row, a finding. */
static char *
describe_cell (KessanStatementsPage *self,
               KessanLineItem       *row,
               const DisplayColumn  *column)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = row_label (self, row);
  g_autofree char *value = NULL;
  GPtrArray *findings;

  g_strdelimit (label, "\n", ' ');
  if (column->kind == COLUMN_LABEL)
    {
      g_string_append (text, label);
      if (kessan_line_item_get_heading (row))
        g_string_append_printf (text, ", %s", _("heading"));
      else if (kessan_line_item_get_total (row))
        g_string_append_printf (text, ", %s", _("total row"));
    }
  else
    {
      g_autofree char *title = g_strdup (column->title);

      /* The title's lines are one phrase: "2Q FY2003, USD". */
      for (char *p = strchr (title, '\n'); p != NULL; p = strchr (title, '\n'))
        {
          char *joined = g_strdup_printf ("%.*s, %s", (int) (p - title), title, p + 1);

          g_free (title);
          title = joined;
        }
      if (!format_cell (self, row, column, &value))
        value = g_strdup (_("no value"));
      /* TRANSLATORS: what a screen reader says of a cell: row, column and value */
      g_string_append_printf (text, _("%s, %s: %s"), label, title, value);
      if (kessan_line_item_get_total (row))
        g_string_append_printf (text, ", %s", _("total"));
      if (column->kind != COLUMN_PRINTED)
        g_string_append_printf (text, ", %s", _("computed by Kessan"));
    }
  if (cell_correction (self, row, column) != NULL)
    g_string_append_printf (text, ", %s", _("corrected on import"));
  findings = findings_for (self, row, column);
  if (findings != NULL)
    g_string_append_printf (text, ", %s",
                            g_dngettext (GETTEXT_PACKAGE, "with a finding", "with findings", findings->len));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Cells */

static gboolean
query_cell_tooltip_cb (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data);

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (NULL);
  guint index = GPOINTER_TO_UINT (user_data);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), index == 0 ? 0.0 : 1.0);
  if (index == 0)
    {
      /* However long a label, its column asks for a readable width and
       * the label ends in an ellipsis within it. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      gtk_widget_set_overflow (box, GTK_OVERFLOW_HIDDEN);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (box), "column", user_data);
  g_object_set_data (G_OBJECT (box), "item", item);
  g_object_set_data (G_OBJECT (box), "kessan-cell", GINT_TO_POINTER (TRUE));
  /* Tooltips are made when asked for: setting one on every cell as it
   * is bound makes GTK look for a tooltip under the pointer each time,
   * which made showing a statement slow. */
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (query_cell_tooltip_cb), NULL);
  gtk_list_item_set_child (item, box);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  KessanStatementsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  KessanLineItem *row = gtk_list_item_get_item (item);
  guint index = GPOINTER_TO_UINT (user_data);
  const DisplayColumn *column;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  GtkWidget *icon = gtk_widget_get_first_child (box) != label ? gtk_widget_get_first_child (box) : NULL;
  g_autofree char *text = NULL;
  GPtrArray *findings;

  /* A cell of a column being replaced may still be bound once. */
  if (row == NULL || index >= self->columns->len)
    return;
  column = &g_array_index (self->columns, DisplayColumn, index);
  format_cell (self, row, column, &text);
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");

  if (column->kind == COLUMN_LABEL)
    {
      gboolean heading = kessan_line_item_get_heading (row);
      gboolean total = kessan_line_item_get_total (row);

      gtk_widget_set_margin_start (label, 18 * (int) kessan_line_item_get_depth (row));
      if (heading || total)
        gtk_widget_add_css_class (label, "heading");
      else
        gtk_widget_remove_css_class (label, "heading");
      if (heading)
        gtk_widget_add_css_class (label, "dim-label");
      else
        gtk_widget_remove_css_class (label, "dim-label");
    }
  else
    {
      if (kessan_line_item_get_total (row))
        gtk_widget_add_css_class (label, "heading");
      else
        gtk_widget_remove_css_class (label, "heading");
      if (column->kind != COLUMN_PRINTED)
        gtk_widget_add_css_class (label, "computed");
      else
        gtk_widget_remove_css_class (label, "computed");
    }

  findings = findings_for (self, row, column);
  /* Made for the few cells that have findings: a statement is shown
   * sooner without an icon in every cell. */
  if (findings != NULL && icon == NULL)
    {
      /* The cell says what the icon shows. */
      icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic",
                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      gtk_widget_add_css_class (icon, "warning");
      gtk_box_prepend (GTK_BOX (box), icon);
    }
  if (icon != NULL)
    gtk_widget_set_visible (icon, findings != NULL);
  /* A row or number the analyst corrected on import says so. */
  if (cell_correction (self, row, column) != NULL)
    gtk_widget_add_css_class (label, "corrected");
  else
    gtk_widget_remove_css_class (label, "corrected");
  mark_current (self, box);

  /* The cell and its row are what a screen reader reads: named by
   * what they show, the findings as the cell's description. */
  if (gtk_widget_get_parent (box) != NULL)
    {
      GtkWidget *cell = gtk_widget_get_parent (box);
      g_autofree char *name = describe_cell (self, row, column);
      g_autofree char *message = describe_findings (findings);

      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (message != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      if (index == 0 && gtk_widget_get_parent (cell) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (cell)), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

/* The whole label of a label cell, the findings of a value cell, and
 * what the analyst corrected on import. */
static gboolean
query_cell_tooltip_cb (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  KessanStatementsPage *self = KESSAN_STATEMENTS_PAGE (gtk_widget_get_ancestor (cell, KESSAN_TYPE_STATEMENTS_PAGE));
  GtkListItem *item = g_object_get_data (G_OBJECT (cell), "item");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column"));
  KessanLineItem *row = item != NULL ? gtk_list_item_get_item (item) : NULL;
  const DisplayColumn *column;
  KessanCorrection *correction;
  g_autofree char *text = NULL;

  if (self == NULL || row == NULL || self->columns == NULL || index >= self->columns->len)
    return FALSE;
  column = &g_array_index (self->columns, DisplayColumn, index);

  correction = cell_correction (self, row, column);
  if (correction != NULL)
    {
      g_autofree char *what = kessan_correction_describe (correction);

      /* TRANSLATORS: a tooltip; %s says what was corrected */
      text = g_strdup_printf (_("Corrected on import: %s"), what);
    }
  else if (column->kind == COLUMN_LABEL)
    text = kessan_display_text (kessan_line_item_get_label (row), 4 * KESSAN_DISPLAY_MAX_CHARS);
  else
    {
      g_autofree char *message = describe_findings (findings_for (self, row, column));

      if (message != NULL)
        text = kessan_display_text (message, 4 * KESSAN_DISPLAY_MAX_CHARS);
    }
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_provenance (KessanStatementsPage *self)
{
  g_autoptr(KessanLineItem) row = NULL;
  const DisplayColumn *column;
  g_autofree char *text = NULL;
  g_autofree char *period = NULL;
  g_autofree char *label = NULL;
  g_autofree char *source_name = NULL;
  guint line, page;

  if (self->statement == NULL || self->current_row < 0)
    {
      gtk_label_set_text (self->provenance_label, _("Select a value to see where it comes from."));
      return;
    }
  row = g_list_model_get_item (G_LIST_MODEL (self->selection), (guint) self->current_row);
  if (row == NULL)
    return;
  column = &g_array_index (self->columns, DisplayColumn, self->current_column);
  label = kessan_display_text (kessan_line_item_get_label (row), KESSAN_DISPLAY_MAX_CHARS);
  source_name = kessan_display_text (kessan_filing_get_source_name (self->filing), KESSAN_DISPLAY_MAX_CHARS);

  if (column->kind == COLUMN_PRINTED && kessan_line_item_has_value (row, (guint) column->source))
    {
      KessanColumn *printed = kessan_statement_get_column (self->statement, (guint) column->source);
      g_autofree char *value = kessan_format_number (kessan_line_item_get_value (row, (guint) column->source),
                                                     kessan_line_item_get_decimals (row, (guint) column->source),
                                                     KESSAN_NEGATIVE_MINUS);

      line = kessan_line_item_get_value_line (row, (guint) column->source);
      page = kessan_filing_get_line_page (self->filing, line);
      period = kessan_format_fiscal_period (kessan_column_get_period_end (printed), kessan_column_get_months (printed),
                                            &self->calendar);
      if (page > 0)
        /* TRANSLATORS: “Total revenues”, 2Q FY2003: 9,185,259 as printed on page 4, line 312 of 003.pdf */
        text = g_strdup_printf (_("“%s”, %s: %s as printed on page %u, line %u of %s"),
                                label, period, value, page, line, source_name);
      else
        /* TRANSLATORS: “Total revenues”, 2Q FY2003: 9,185,259 as printed on line 312 of 003.txt */
        text = g_strdup_printf (_("“%s”, %s: %s as printed on line %u of %s"),
                                label, period, value, line, source_name);
    }
  else if (column->kind == COLUMN_SHARE || column->kind == COLUMN_CHANGE)
    text = g_strdup_printf (_("“%s”: computed by Kessan from the printed amounts; the release does not print this column."),
                            label);
  else if ((page = kessan_filing_get_line_page (self->filing, kessan_line_item_get_line (row))) > 0)
    /* TRANSLATORS: “Total revenues”: page 4, line 312 of 003.pdf */
    text = g_strdup_printf (_("“%s”: page %u, line %u of %s"), label, page,
                            kessan_line_item_get_line (row), source_name);
  else
    text = g_strdup_printf (_("“%s”: line %u of %s"), label,
                            kessan_line_item_get_line (row), source_name);
  gtk_label_set_text (self->provenance_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->provenance_label), text);
}

/* Moving through the rows with the keyboard moves the current cell
 * along: to the row selected alone, or kept where it is while it stays
 * in a selection made larger. */
static void
selection_changed_cb (KessanStatementsPage *self,
                      guint                 position,
                      guint                 n_items,
                      GtkSelectionModel    *selection)
{
  GtkBitset *selected = gtk_selection_model_get_selection (selection);

  if (!gtk_bitset_is_empty (selected)
      && (self->current_row < 0 || !gtk_bitset_contains (selected, (guint) self->current_row)
          || gtk_bitset_get_size (selected) == 1))
    {
      guint row = gtk_bitset_get_size (selected) == 1 ? gtk_bitset_get_minimum (selected)
                  : gtk_bitset_get_minimum (selected) < position ? position + n_items - 1 : position;

      if (!gtk_bitset_contains (selected, row))
        row = gtk_bitset_get_minimum (selected);
      if ((int) row != self->current_row)
        set_current_cell (self, (int) row, self->current_column);
    }
  gtk_bitset_unref (selected);
}

static void
cell_pressed_cb (KessanStatementsPage *self,
                 int                   n_press,
                 double                x,
                 double                y,
                 GtkGestureClick      *gesture)
{
  GtkWidget *cell = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  GtkListItem *item;

  while (cell != NULL && g_object_get_data (G_OBJECT (cell), "kessan-cell") == NULL)
    cell = gtk_widget_get_parent (cell);
  item = cell != NULL ? g_object_get_data (G_OBJECT (cell), "item") : NULL;
  if (item == NULL || gtk_list_item_get_item (item) == NULL)
    return;
  set_current_cell (self, (int) gtk_list_item_get_position (item),
                    (int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "column")));
}

/* The arrows move the current cell, and the focus with it to its row;
 * with Shift or Control, Up and Down select as in any list. */
static gboolean
key_pressed_cb (KessanStatementsPage  *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int row = MAX (self->current_row, 0), column = self->current_column;
  guint n_rows;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 || self->statement == NULL)
    return FALSE;
  n_rows = kessan_statement_get_n_rows (self->statement);
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      column += rtl ? 1 : -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      column += rtl ? -1 : 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      row = self->current_row < 0 ? 0 : row - 1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      row = self->current_row < 0 ? 0 : row + 1;
      break;
    default:
      return FALSE;
    }
  if (n_rows == 0)
    return TRUE;
  row = CLAMP (row, 0, (int) n_rows - 1);
  if (row != self->current_row)
    {
      self->current_row = row;
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), (guint) row, TRUE);
    }
  set_current_cell (self, row, column);
  kessan_statements_page_focus_current_cell (self);
  return TRUE;
}

/* Columns */

static char *
column_title (KessanStatement      *statement,
              const KessanCalendar *calendar,
              const char           *reporting,
              guint                 c)
{
  KessanColumn *column = kessan_statement_get_column (statement, c);
  g_autofree char *period = kessan_format_fiscal_period (kessan_column_get_period_end (column),
                                                         kessan_column_get_months (column), calendar);

  switch (kessan_column_get_measure (column))
    {
    case KESSAN_MEASURE_PERCENT_OF_REVENUE:
      /* TRANSLATORS: a column header: the period, then what it shows */
      return g_strdup_printf (_("%s\n%% of revenues"), period);
    case KESSAN_MEASURE_PERCENT_OF_TOTAL:
      return g_strdup_printf (_("%s\n%% of total"), period);
    case KESSAN_MEASURE_CHANGE_YOY:
      return g_strdup_printf (_("%s\nYoY %%"), period);
    case KESSAN_MEASURE_CHANGE_QOQ:
      return g_strdup_printf (_("%s\nQoQ %%"), period);
    case KESSAN_MEASURE_CHANGE:
      return g_strdup_printf (_("%s\nchange %%"), period);
    case KESSAN_MEASURE_AMOUNT:
    default:
      /* An amount in another currency than the release reports in. */
      if (kessan_column_get_currency_code (column) != NULL
          && g_strcmp0 (kessan_column_get_currency_code (column), reporting) != 0)
        {
          if (kessan_column_get_currency (column) == KESSAN_CURRENCY_USD)
            return g_strdup_printf (_("%s\nUSD"), period);
          /* TRANSLATORS: a column's period over its currency code: "FY2023\nEUR" */
          return g_strdup_printf (C_("column title", "%s\n%s"), period, kessan_column_get_currency_code (column));
        }
      if (kessan_column_get_unit (column) == KESSAN_UNIT_PERCENT)
        return g_strdup_printf ("%s\n%%", period);
      return g_strdup (period);
    }
}

static void
add_display_column (KessanStatementsPage *self,
                    ColumnKind            kind,
                    int                   source,
                    int                   earlier,
                    char                 *title)
{
  DisplayColumn column = { kind, source, earlier, title, VALUE_WIDTH, NULL };
  guint index = self->columns->len;
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "page", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (index));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (index));
  column.view = gtk_column_view_column_new (title, factory);
  /* A column whose role was corrected on import says so. */
  if (kind == COLUMN_PRINTED && self->filing != NULL &&
      kessan_filing_find_correction (self->filing, kessan_statement_get_id (self->statement), -1, source) != NULL)
    {
      /* TRANSLATORS: a column title marked as corrected on import */
      g_autofree char *marked = g_strdup_printf (_("%s ✎"), title);

      gtk_column_view_column_set_title (column.view, marked);
    }
  if (index == 0)
    {
      gtk_column_view_column_set_expand (column.view, TRUE);
      gtk_column_view_column_set_fixed_width (column.view, LABEL_WIDTH);
      gtk_column_view_column_set_resizable (column.view, TRUE);
    }
  g_array_append_val (self->columns, column);
}

/* The width of each value column: its title and the widest of its
 * numbers among rows sampled through the table, so that a long table
 * is measured as fast as a short one.  Fixed widths also tell how many
 * columns fit before the table is drawn. */
static void
measure_columns (KessanStatementsPage *self)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), NULL);
  PangoAttrList *attributes = pango_attr_list_new ();
  guint n_rows = kessan_statement_get_n_rows (self->statement);
  guint step = MAX (n_rows / MEASURED_ROWS, 1);

  /* Totals are bold: measured bold, as the titles may be. */
  pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  for (guint c = 1; c < self->columns->len; c++)
    {
      DisplayColumn *column = &g_array_index (self->columns, DisplayColumn, c);
      int width = VALUE_WIDTH, text_width;

      pango_layout_set_text (layout, gtk_column_view_column_get_title (column->view), -1);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      width = MAX (width, text_width + HEADER_PADDING);
      for (guint r = 0; r < n_rows; r += step)
        {
          g_autofree char *text = NULL;

          if (!format_cell (self, kessan_statement_get_row (self->statement, r), column, &text))
            continue;
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_pixel_size (layout, &text_width, NULL);
          /* Room for the warning icon of a finding, too. */
          width = MAX (width, text_width + HEADER_PADDING + 16);
        }
      column->width = width;
      gtk_column_view_column_set_fixed_width (column->view, width);
    }
}

/* How many value columns fit from @first on beside the labels. */
static guint
columns_fitting_from (KessanStatementsPage *self,
                      guint                 first)
{
  int room = self->width - LABEL_WIDTH;
  guint n = 0;

  /* Before the first allocation: all, corrected once the width is known. */
  if (self->width <= 0)
    return self->columns->len > first ? self->columns->len - first : 0;
  for (guint c = first; c < self->columns->len; c++)
    {
      room -= g_array_index (self->columns, DisplayColumn, c).width;
      if (room < 0 && n > 0)
        break;
      n++;
    }
  return n;
}

/* Numbers are right-aligned: so are the titles over them.  The titles
 * are the column view's own widgets, in the order of its columns, each
 * with its label inside. */
/* The value columns of the window, and the cues that there are more
 * on either side: a shade on the edge and the scrollbar below. */
static void
install_value_columns (KessanStatementsPage *self)
{
  GListModel *shown = gtk_column_view_get_columns (self->column_view);
  guint n_values = self->columns->len > 0 ? self->columns->len - 1 : 0;
  int values_width = 0;

  while (g_list_model_get_n_items (shown) > 1)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (shown, g_list_model_get_n_items (shown) - 1);

      gtk_column_view_remove_column (self->column_view, column);
    }
  for (guint c = self->first_column; c < self->first_column + self->n_shown && c < self->columns->len; c++)
    {
      DisplayColumn *column = &g_array_index (self->columns, DisplayColumn, c);

      gtk_column_view_append_column (self->column_view, column->view);
      values_width += column->width;
    }
  kessan_accessible_align_column_titles (self->column_view, _("Line item"));

  g_debug ("Columns %u to %u of %u shown in %d px", self->first_column, self->first_column + self->n_shown,
           self->columns->len, self->width);
  self->updating = TRUE;
  gtk_adjustment_configure (self->column_adjustment, self->first_column > 0 ? self->first_column - 1 : 0, 0, n_values,
                            1, MAX (self->n_shown, 1), self->n_shown);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->column_scrollbar), self->n_shown < n_values);
  gtk_widget_set_visible (self->shade_end, self->first_column + self->n_shown < self->columns->len);
  gtk_widget_set_visible (self->shade_start, self->first_column > 1);
  gtk_widget_set_margin_start (self->shade_start, MAX (self->width - values_width, 0));
}

/* Moves the window so that it starts at @first (a value column). */
static void
scroll_columns_to (KessanStatementsPage *self,
                   int                   first)
{
  int last_first = (int) self->columns->len - 1;

  /* The last window is the one that ends with the last column. */
  while (last_first > 1 && columns_fitting_from (self, (guint) last_first - 1) + (guint) last_first - 1 >= self->columns->len)
    last_first--;
  first = CLAMP (first, 1, MAX (last_first, 1));
  if ((guint) first == self->first_column && self->n_shown == columns_fitting_from (self, (guint) first))
    return;
  self->first_column = (guint) first;
  self->n_shown = columns_fitting_from (self, self->first_column);
  install_value_columns (self);
}

/* Brings value column @c into the window. */
static void
reveal_column (KessanStatementsPage *self,
               guint                 c)
{
  guint first = self->first_column;

  if (c == 0 || self->columns->len < 2)
    return;
  if (c < first)
    first = c;
  while (first < c && c >= first + columns_fitting_from (self, first))
    first++;
  scroll_columns_to (self, (int) first);
}

static void
column_scrolled_cb (KessanStatementsPage *self)
{
  if (self->updating)
    return;
  scroll_columns_to (self, (int) round (gtk_adjustment_get_value (self->column_adjustment)) + 1);
}

/* Sideways scrolling over the table moves the values a column a step. */
static gboolean
scroll_cb (KessanStatementsPage *self,
           double                dx,
           double                dy)
{
  if (dx == 0)
    return FALSE;
  scroll_columns_to (self, (int) self->first_column + (dx > 0 ? 1 : -1) * (int) MAX (fabs (dx), 1));
  return TRUE;
}

static gboolean
relayout_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  KessanStatementsPage *self = KESSAN_STATEMENTS_PAGE (widget);

  self->layout_source = 0;
  if (self->statement != NULL && self->columns->len > 1)
    {
      guint first = self->first_column;

      self->first_column = 0;   /* forces the window anew */
      scroll_columns_to (self, (int) first);
    }
  return G_SOURCE_REMOVE;
}

/* A new width: as many columns as fit.  Columns change after the
 * allocation, not in the middle of it: at the next frame. */
static void
hadjustment_changed_cb (KessanStatementsPage *self,
                        GtkAdjustment        *adjustment)
{
  int width = (int) gtk_adjustment_get_page_size (adjustment);

  if (width == self->width)
    return;
  self->width = width;
  if (self->layout_source == 0)
    self->layout_source = gtk_widget_add_tick_callback (GTK_WIDGET (self), relayout_cb, NULL, NULL);
}

static int
find_amount_column (KessanStatement *statement,
                    KessanColumn    *like,
                    const char      *period_end,
                    guint            months)
{
  GDate wanted;

  if (!kessan_date_from_iso (period_end, &wanted))
    return -1;
  for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
    {
      KessanColumn *column = kessan_statement_get_column (statement, c);
      GDate end;

      /* A year of 52 or 53 weeks ends up to a week from the month's end. */
      if (kessan_column_get_measure (column) == KESSAN_MEASURE_AMOUNT
          && g_strcmp0 (kessan_column_get_currency_code (column), kessan_column_get_currency_code (like)) == 0
          && kessan_column_get_scenario (column) == KESSAN_SCENARIO_ACTUAL
          && kessan_column_get_consolidation (column) == kessan_column_get_consolidation (like)
          && kessan_column_get_months (column) == months
          && kessan_date_from_iso (kessan_column_get_period_end (column), &end)
          && ABS (g_date_days_between (&wanted, &end)) <= 7)
        return (int) c;
    }
  return -1;
}

static gboolean
prints_measure (KessanStatement *statement,
                KessanMeasure    measure,
                const char      *period_end)
{
  for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
    {
      KessanColumn *column = kessan_statement_get_column (statement, c);

      if (kessan_column_get_measure (column) == measure
          && g_strcmp0 (kessan_column_get_period_end (column), period_end) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
shift_months (const char *iso,
              int         months)
{
  GDate date;
  guint day;

  if (!kessan_date_from_iso (iso, &date))
    return NULL;
  g_date_set_day (&date, 1);
  if (months < 0)
    g_date_subtract_months (&date, (guint) -months);
  else
    g_date_add_months (&date, (guint) months);
  day = g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date));
  g_date_set_day (&date, (GDateDay) day);
  return kessan_date_to_iso (&date);
}

/* Computed columns for an income statement or KPI table, for the amounts
 * in the currency the release reports in: the percent of revenues and
 * the changes the release does not print. */
static void
add_computed_columns (KessanStatementsPage *self)
{
  KessanStatement *statement = self->statement;
  KessanStatementKind kind = kessan_statement_get_kind (statement);
  const char *currency = kessan_filing_get_reporting_currency (self->filing);

  self->base_row = kessan_statement_find_row (statement, "revenues.total");

  for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
    {
      KessanColumn *column = kessan_statement_get_column (statement, c);
      const char *end = kessan_column_get_period_end (column);
      guint months = kessan_column_get_months (column);
      g_autofree char *period = NULL;

      if (kessan_column_get_measure (column) != KESSAN_MEASURE_AMOUNT
          || kessan_column_get_scenario (column) != KESSAN_SCENARIO_ACTUAL
          || g_strcmp0 (kessan_column_get_currency_code (column), currency) != 0 || end == NULL || months == 0)
        continue;
      period = kessan_format_fiscal_period (end, months, &self->calendar);

      if (kind == KESSAN_STATEMENT_KIND_INCOME && self->base_row != NULL
          && !prints_measure (statement, KESSAN_MEASURE_PERCENT_OF_REVENUE, end))
        add_display_column (self, COLUMN_SHARE, (int) c, -1,
                            g_strdup_printf (_("%s\n%% of revenues (computed)"), period));

      {
        g_autofree char *year_before = shift_months (end, -12);
        g_autofree char *quarter_before = shift_months (end, -3);
        int yoy = find_amount_column (statement, column, year_before, months);
        int qoq = months == 3 ? find_amount_column (statement, column, quarter_before, months) : -1;

        if (yoy >= 0 && !prints_measure (statement, KESSAN_MEASURE_CHANGE_YOY, end))
          add_display_column (self, COLUMN_CHANGE, (int) c, yoy,
                              g_strdup_printf (_("%s\nYoY %% (computed)"), period));
        if (qoq >= 0 && !prints_measure (statement, KESSAN_MEASURE_CHANGE_QOQ, end))
          add_display_column (self, COLUMN_CHANGE, (int) c, qoq,
                              g_strdup_printf (_("%s\nQoQ %% (computed)"), period));
      }
    }
}

static void
index_findings (KessanStatementsPage *self)
{
  g_clear_pointer (&self->findings, g_hash_table_unref);
  self->findings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < kessan_filing_get_n_findings (self->filing); i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (self->filing, i);
      const char * const *rows = kessan_finding_get_rows (finding);
      guint n_columns;
      const guint *columns = kessan_finding_get_columns (finding, &n_columns);

      const char *id = kessan_statement_get_id (self->statement);

      /* The disagreements of the two editions belong to both. */
      if (kessan_finding_get_severity (finding) == KESSAN_SEVERITY_INFO
          || (g_strcmp0 (kessan_finding_get_statement (finding), id) != 0
              && g_strcmp0 (kessan_finding_get_other_statement (finding), id) != 0)
          || rows[0] == NULL || n_columns == 0)
        continue;
      for (guint j = 0; j < n_columns; j++)
        {
          g_autofree char *key = g_strdup_printf ("%s\t%u", rows[0], columns[j]);

          GPtrArray *cell = g_hash_table_lookup (self->findings, key);

          if (cell == NULL)
            {
              cell = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (self->findings, g_steal_pointer (&key), cell);
            }
          g_ptr_array_add (cell, g_object_ref (finding));
        }
    }
}

static void
rebuild_table (KessanStatementsPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  g_array_set_size (self->columns, 0);
  self->base_row = NULL;
  self->current_row = -1;
  self->current_column = 0;
  self->first_column = 0;
  self->n_shown = 0;

  if (self->statement == NULL)
    {
      gtk_column_view_set_model (self->column_view, NULL);
      g_clear_object (&self->selection);
      install_value_columns (self);
      update_provenance (self);
      return;
    }

  index_findings (self);
  add_display_column (self, COLUMN_LABEL, -1, -1, g_strdup (""));
  for (guint c = 0; c < kessan_statement_get_n_columns (self->statement); c++)
    add_display_column (self, COLUMN_PRINTED, (int) c, -1, column_title (self->statement, &self->calendar, kessan_filing_get_reporting_currency (self->filing), c));
  add_computed_columns (self);
  measure_columns (self);
  gtk_column_view_append_column (self->column_view, g_array_index (self->columns, DisplayColumn, 0).view);
  scroll_columns_to (self, 1);

  g_clear_object (&self->selection);
  self->selection = gtk_multi_selection_new (g_object_ref (kessan_statement_get_rows (self->statement)));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  update_provenance (self);
}

/* The edition of @table to show: the one asked for by id, else the
 * one in the label language, else the only one. */
static KessanStatement *
table_edition (KessanStatementsPage *self,
               Table                *table,
               KessanStatement     **other)
{
  const char *wanted = self->forced_language;
  guint shown = 0;

  if (wanted == NULL)
    wanted = label_language (self) == KESSAN_LABELS_ENGLISH ? "en" : "ja";
  if (table->editions[1] != NULL && g_strcmp0 (kessan_statement_get_language (table->editions[1]), wanted) == 0)
    shown = 1;
  *other = table->editions[1 - shown];
  return table->editions[shown];
}

static void
show_selected_table (KessanStatementsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->statement_dropdown);
  KessanStatement *statement = NULL;
  KessanStatement *other = NULL;
  gboolean changed;

  if (self->tables != NULL && selected < self->tables->len)
    statement = table_edition (self, g_ptr_array_index (self->tables, selected), &other);
  changed = g_set_object (&self->statement, statement);
  changed |= g_set_object (&self->counterpart, other);
  if (changed)
    rebuild_table (self);
}

static void
statement_selected_cb (KessanStatementsPage *self)
{
  if (self->updating)
    return;
  g_clear_pointer (&self->forced_language, g_free);
  show_selected_table (self);
}

static void
save_display_settings (KessanStatementsPage *self)
{
  if (self->settings == NULL || self->updating)
    return;
  g_settings_set_string (self->settings, "display-scale", scale_names[gtk_drop_down_get_selected (self->scale_dropdown)]);
  g_settings_set_string (self->settings, "display-currency", currency_names[gtk_drop_down_get_selected (self->currency_dropdown)]);
  g_settings_set_string (self->settings, "negative-style", negative_names[gtk_drop_down_get_selected (self->negative_dropdown)]);
}

/* A change of scale, currency or negative style redraws the cells. */
static void
display_changed_cb (KessanStatementsPage *self)
{
  save_display_settings (self);
  if (self->statement != NULL && !self->updating)
    rebuild_table (self);
}

static guint
index_of (const char  *value,
          const char **names,
          guint        n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (value, names[i]) == 0)
      return i;
  return 0;
}

static void
settings_changed_cb (KessanStatementsPage *self)
{
  g_autofree char *scale = g_settings_get_string (self->settings, "display-scale");
  g_autofree char *currency = g_settings_get_string (self->settings, "display-currency");

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->scale_dropdown, index_of (scale, scale_names, G_N_ELEMENTS (scale_names)));
  gtk_drop_down_set_selected (self->currency_dropdown, index_of (currency, currency_names, G_N_ELEMENTS (currency_names)));
  gtk_drop_down_set_selected (self->negative_dropdown, kessan_settings_get_negative_style (self->settings));
  self->updating = FALSE;
  if (self->statement != NULL)
    {
      KessanStatement *before = self->statement;

      /* A new label language may show the other edition. */
      g_clear_pointer (&self->forced_language, g_free);
      show_selected_table (self);
      if (self->statement == before)
        rebuild_table (self);
    }
}

void
kessan_statements_page_set_settings (KessanStatementsPage *self,
                                     GSettings            *settings)
{
  g_return_if_fail (KESSAN_IS_STATEMENTS_PAGE (self));

  if (!g_set_object (&self->settings, settings))
    return;
  g_signal_connect_object (settings, "changed::display-scale", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::display-currency", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::negative-style", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::label-language", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  settings_changed_cb (self);
}

static guint
kind_rank (KessanStatementKind kind)
{
  switch (kind)
    {
    case KESSAN_STATEMENT_KIND_INCOME:
      return 0;
    case KESSAN_STATEMENT_KIND_BALANCE:
      return 1;
    case KESSAN_STATEMENT_KIND_CASHFLOW:
      return 2;
    case KESSAN_STATEMENT_KIND_KPI:
      return 3;
    case KESSAN_STATEMENT_KIND_RECONCILIATION:
      return 4;
    case KESSAN_STATEMENT_KIND_OTHER:
    default:
      return 5;
    }
}

static TableGroup
group_of_kind (KessanStatementKind kind)
{
  guint rank = kind_rank (kind);

  return rank <= 2 ? GROUP_STATEMENTS : rank == 3 ? GROUP_KEY_FIGURES : GROUP_OTHER;
}

static gboolean
has_amounts (KessanStatement *statement)
{
  for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
    if (kessan_column_get_measure (kessan_statement_get_column (statement, c)) == KESSAN_MEASURE_AMOUNT)
      return TRUE;
  return FALSE;
}

/* The primary statements first (income, balance, cash flows), then the
 * key figures, then the rest; each kind in the order of the release,
 * its tables of amounts before those of percentages only (an income
 * statement "as a percentage of revenues"). */
static int
compare_tables (gconstpointer a,
                gconstpointer b)
{
  const Table *ta = *(const Table * const *) a;
  const Table *tb = *(const Table * const *) b;
  guint ra = kind_rank (kessan_statement_get_kind (ta->editions[0]));
  guint rb = kind_rank (kessan_statement_get_kind (tb->editions[0]));
  gboolean aa, ab;

  if (ra != rb)
    return ra < rb ? -1 : 1;
  aa = has_amounts (ta->editions[0]);
  ab = has_amounts (tb->editions[0]);
  if (aa != ab)
    return aa ? -1 : 1;
  return ta->order < tb->order ? -1 : ta->order > tb->order;
}

static const char *
group_title (TableGroup group)
{
  switch (group)
    {
    case GROUP_STATEMENTS:
      return _("Financial Statements");
    case GROUP_KEY_FIGURES:
      return _("Key Figures");
    case GROUP_OTHER:
    default:
      return _("Other Tables");
    }
}

/* The tables of @filing, each edition paired with the other language's
 * table of the same topic (the n-th of a topic with the n-th), in the
 * order of the picker. */
static GPtrArray *
pair_editions (KessanFiling *filing)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func (table_free);
  guint n = kessan_filing_get_n_statements (filing);
  g_autofree gboolean *paired = g_new0 (gboolean, n);

  for (guint s = 0; s < n; s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (filing, s);
      const char *topic = kessan_statement_get_topic (statement);
      Table *table;

      if (paired[s])
        continue;
      table = g_new0 (Table, 1);
      table->editions[0] = g_object_ref (statement);
      table->order = s;
      table->group = group_of_kind (kessan_statement_get_kind (statement));
      for (guint t = s + 1; topic != NULL && t < n; t++)
        {
          KessanStatement *other = kessan_filing_get_statement (filing, t);

          if (!paired[t] && g_strcmp0 (kessan_statement_get_topic (other), topic) == 0
              && g_strcmp0 (kessan_statement_get_language (other), kessan_statement_get_language (statement)) != 0)
            {
              table->editions[1] = g_object_ref (other);
              paired[t] = TRUE;
              break;
            }
        }
      g_ptr_array_add (tables, table);
    }
  g_ptr_array_sort (tables, compare_tables);
  return tables;
}

static gboolean
table_has (Table      *table,
           const char *topic,
           const char *id)
{
  for (guint e = 0; e < G_N_ELEMENTS (table->editions); e++)
    if (table->editions[e] != NULL
        && ((topic != NULL && g_strcmp0 (kessan_statement_get_topic (table->editions[e]), topic) == 0)
            || (id != NULL && g_strcmp0 (kessan_statement_get_id (table->editions[e]), id) == 0)))
      return TRUE;
  return FALSE;
}

/* The statement chosen, on the drop-down's button: cut at its end so
 * that a long name leaves room for the other choices. */
static void
setup_statement_button_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_list_item_set_child (item, label);
}

static void
bind_statement_button_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (label), name);
  gtk_widget_set_tooltip_text (label, name);
}

/* The picker's list: each group's title above its first table. */
static void
setup_statement_row_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_widget_set_margin_top (heading, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_set_margin_start (label, 12);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_statement_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       KessanStatementsPage     *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *heading = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  guint position = gtk_list_item_get_position (item);
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const Table *table = self->tables != NULL && position < self->tables->len ? g_ptr_array_index (self->tables, position) : NULL;
  const Table *before = table != NULL && position > 0 ? g_ptr_array_index (self->tables, position - 1) : NULL;
  gboolean first = table != NULL && (before == NULL || before->group != table->group);

  gtk_label_set_text (GTK_LABEL (label), name);
  gtk_label_set_text (GTK_LABEL (heading), table != NULL ? group_title (table->group) : "");
  gtk_widget_set_visible (heading, first);
  /* A screen reader hears the group with the first table of it. */
  if (first)
    {
      /* TRANSLATORS: a table of the statement picker, after the title of its group: "Key Figures: Number of Contracts" */
      g_autofree char *spoken = g_strdup_printf (_("%s: %s"), group_title (table->group), name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
kessan_statements_page_set_filing (KessanStatementsPage *self,
                                   KessanFiling         *filing)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *previous_topic = NULL;
  gboolean bilingual;
  gboolean chosen = FALSE;
  guint selected = 0;

  g_return_if_fail (KESSAN_IS_STATEMENTS_PAGE (self));

  if (self->statement != NULL)
    previous_topic = g_strdup (kessan_statement_get_topic (self->statement));
  if (!g_set_object (&self->filing, filing) && filing != NULL)
    return;

  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_pointer (&self->forced_language, g_free);
  self->calendar = (KessanCalendar) KESSAN_CALENDAR_INIT;
  if (filing != NULL)
    kessan_filing_get_calendar (filing, &self->calendar);
  /* Yen amounts are shown in dollars only at a rate the release states. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->currency_dropdown), filing != NULL && kessan_filing_get_jpy_per_usd (filing) > 0);
  gtk_stack_set_visible_child_name (self->stack, filing != NULL ? "table" : "empty");
  if (filing != NULL)
    self->tables = pair_editions (filing);
  bilingual = filing != NULL && g_strv_length ((char **) kessan_filing_get_languages (filing)) > 1;
  for (guint t = 0; self->tables != NULL && t < self->tables->len; t++)
    {
      Table *table = g_ptr_array_index (self->tables, t);
      KessanStatement *other;
      KessanStatement *shown = table_edition (self, table, &other);
      g_autofree char *short_name = kessan_statement_get_short_name (shown);
      g_autofree char *name = kessan_display_text (short_name, KESSAN_DISPLAY_MAX_CHARS);

      /* A table printed in both languages is listed once; one printed
       * in a single language of a bilingual release says which. */
      if (other == NULL && bilingual)
        {
          gboolean japanese = g_strcmp0 (kessan_statement_get_language (shown), "ja") == 0;
          /* TRANSLATORS: short tags of the language a table is printed in: Japanese, English */
          const char *tag = japanese ? _("JA") : _("EN");
          /* TRANSLATORS: a table's name and the tag of the only language it is printed in */
          g_autofree char *tagged = g_strdup_printf (_("%s · %s"), name, tag);

          gtk_string_list_append (names, tagged);
        }
      else
        gtk_string_list_append (names, name);
      /* Keep showing the same table when moving between releases; at
       * first, the quarterly statement of operations: the first of
       * them, one of amounts before one of percentages. */
      if (!chosen && table_has (table, previous_topic != NULL ? previous_topic : "income.quarter", NULL))
        {
          selected = t;
          chosen = TRUE;
        }
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->statement_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->statement_dropdown, selected);
  self->updating = FALSE;
  g_clear_object (&self->statement);
  g_clear_object (&self->counterpart);
  show_selected_table (self);
}

KessanStatement *
kessan_statements_page_get_statement (KessanStatementsPage *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), NULL);

  return self->statement;
}

/* Shows the statement with @id, in its own edition even when the label
 * language would pick the other one. */
gboolean
kessan_statements_page_select_statement (KessanStatementsPage *self,
                                         const char           *id)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), FALSE);

  for (guint t = 0; self->tables != NULL && t < self->tables->len; t++)
    {
      Table *table = g_ptr_array_index (self->tables, t);

      for (guint e = 0; e < G_N_ELEMENTS (table->editions); e++)
        if (table->editions[e] != NULL && g_strcmp0 (kessan_statement_get_id (table->editions[e]), id) == 0)
          {
            self->updating = TRUE;
            gtk_drop_down_set_selected (self->statement_dropdown, t);
            self->updating = FALSE;
            g_free (self->forced_language);
            self->forced_language = g_strdup (kessan_statement_get_language (table->editions[e]));
            show_selected_table (self);
            return TRUE;
          }
    }
  return FALSE;
}

/* The number of tables listed: one for both editions of a table. */
guint
kessan_statements_page_get_n_tables (KessanStatementsPage *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), 0);

  return self->tables != NULL ? self->tables->len : 0;
}

guint
kessan_statements_page_get_n_rows (KessanStatementsPage *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), 0);

  return self->statement != NULL ? kessan_statement_get_n_rows (self->statement) : 0;
}

guint
kessan_statements_page_get_n_columns (KessanStatementsPage *self)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), 0);

  return self->columns->len;
}

char *
kessan_statements_page_get_cell_text (KessanStatementsPage *self,
                                      guint                 row,
                                      guint                 column)
{
  KessanLineItem *item;
  char *text;

  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), NULL);

  if (self->statement == NULL || row >= kessan_statement_get_n_rows (self->statement) || column >= self->columns->len)
    return NULL;
  item = kessan_statement_get_row (self->statement, row);
  format_cell (self, item, &g_array_index (self->columns, DisplayColumn, column), &text);
  return text;
}

/* What a screen reader says of a cell (see describe_cell()). */
char *
kessan_statements_page_describe_cell (KessanStatementsPage *self,
                                      guint                 row,
                                      guint                 column)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), NULL);

  if (self->statement == NULL || row >= kessan_statement_get_n_rows (self->statement) || column >= self->columns->len)
    return NULL;
  return describe_cell (self, kessan_statement_get_row (self->statement, row),
                        &g_array_index (self->columns, DisplayColumn, column));
}

/* The correction marked on a cell (NULL when none). */
KessanCorrection *
kessan_statements_page_get_cell_correction (KessanStatementsPage *self,
                                            guint                 row,
                                            guint                 column)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), NULL);

  if (self->statement == NULL || row >= kessan_statement_get_n_rows (self->statement) || column >= self->columns->len)
    return NULL;
  return cell_correction (self, kessan_statement_get_row (self->statement, row),
                          &g_array_index (self->columns, DisplayColumn, column));
}

/* The findings shown on a cell (NULL when none). */
GPtrArray *
kessan_statements_page_get_cell_findings (KessanStatementsPage *self,
                                         guint                 row,
                                         guint                 column)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), NULL);

  if (self->statement == NULL || row >= kessan_statement_get_n_rows (self->statement) || column >= self->columns->len)
    return NULL;
  return findings_for (self, kessan_statement_get_row (self->statement, row),
                      &g_array_index (self->columns, DisplayColumn, column));
}

void
kessan_statements_page_select_rows (KessanStatementsPage *self,
                                    guint                 first,
                                    guint                 n)
{
  g_return_if_fail (KESSAN_IS_STATEMENTS_PAGE (self));

  if (self->selection == NULL)
    return;
  gtk_selection_model_select_range (GTK_SELECTION_MODEL (self->selection), first, n, TRUE);
  set_current_cell (self, (int) first, self->current_column);
}

/* Copying: tab-separated, numbers without grouping so that a
 * spreadsheet reads them as numbers. */
char *
kessan_statements_page_copy_text (KessanStatementsPage *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GtkBitset *selected;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), NULL);

  if (self->selection == NULL)
    return NULL;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    {
      gtk_bitset_unref (selected);
      return NULL;
    }

  for (guint c = 0; c < self->columns->len; c++)
    {
      g_autofree char *title = g_strdup (g_array_index (self->columns, DisplayColumn, c).title);

      g_strdelimit (title, "\n\t", ' ');
      /* TRANSLATORS: the heading of the line-item column (the names of
       * the rows, such as "Revenues") in a statement copied or exported
       * as a table */
      g_string_append (out, c == 0 ? _("Item") : title);
      g_string_append_c (out, c + 1 < self->columns->len ? '\t' : '\n');
    }

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      KessanLineItem *row = kessan_statement_get_row (self->statement, position);

      for (guint c = 0; c < self->columns->len; c++)
        {
          g_autofree char *text = NULL;

          format_cell (self, row, &g_array_index (self->columns, DisplayColumn, c), &text);
          if (text != NULL && c > 0)
            {
              /* Back to a plain number: no grouping, ASCII minus. */
              g_autoptr(GString) plain = g_string_new (NULL);
              gboolean negative = g_str_has_prefix (text, "(") || g_str_has_prefix (text, "\xe2\x88\x92")
                                  || g_str_has_prefix (text, "\xe2\x96\xb2");

              if (negative)
                g_string_append_c (plain, '-');
              for (const char *p = text; *p != '\0'; p++)
                if (g_ascii_isdigit (*p) || *p == '.')
                  g_string_append_c (plain, *p);
              g_string_append (out, plain->str);
            }
          else if (text != NULL)
            g_string_append (out, text);
          g_string_append_c (out, c + 1 < self->columns->len ? '\t' : '\n');
        }
    }
  gtk_bitset_unref (selected);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * kessan_statements_page_get_selected_concepts:
 * @self: a #KessanStatementsPage
 *
 * Returns: (transfer full): the concepts of the selected rows, in their
 *   order, once each, for a chart of them
 */
char **
kessan_statements_page_get_selected_concepts (KessanStatementsPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GtkBitset *selected;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), NULL);

  if (self->selection == NULL)
    return g_strv_builder_end (builder);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      KessanLineItem *row = kessan_statement_get_row (self->statement, position);
      const char *concept = row != NULL ? kessan_line_item_get_concept (row) : NULL;

      if (concept != NULL && g_hash_table_add (seen, (gpointer) concept))
        g_strv_builder_add (builder, concept);
    }
  gtk_bitset_unref (selected);
  return g_strv_builder_end (builder);
}

/* Where @digits (the digits of a number, nothing else) are printed in
 * @line: the @nth number of the line with those digits, its sign and
 * parentheses included.  Offsets in characters; FALSE when not found. */
static gboolean
find_number_span (const char *line,
                  const char *digits,
                  guint       nth,
                  int        *start,
                  int        *length)
{
  const char *found_start = NULL, *found_end = NULL;
  guint seen = 0;

  for (const char *p = line; *p != '\0';)
    {
      const char *begin = p, *end;
      g_autoptr(GString) token = g_string_new (NULL);

      if (!g_ascii_isdigit (*p) || (p > line && (g_ascii_isalnum (p[-1]) || p[-1] == '.')))
        {
          p++;
          continue;
        }
      for (end = p; g_ascii_isdigit (*end) || ((*end == ',' || *end == '.') && g_ascii_isdigit (end[1])); end++)
        if (g_ascii_isdigit (*end))
          g_string_append_c (token, *end);
      p = end;
      if (g_ascii_isalpha (*end) || strcmp (token->str, digits) != 0)
        continue;
      found_start = begin;
      found_end = end;
      if (seen++ == nth)
        break;
    }
  if (found_start == NULL)
    return FALSE;
  /* A negative's sign or parentheses belong to it. */
  if (found_start > line && (found_start[-1] == '(' || found_start[-1] == '-'))
    found_start--;
  else if (found_start - line >= 3 && (g_str_has_prefix (found_start - 3, "\xe2\x96\xb2")       /* ▲ */
                                       || g_str_has_prefix (found_start - 3, "\xe2\x96\xb3")    /* △ */
                                       || g_str_has_prefix (found_start - 3, "\xe2\x88\x92")))  /* − */
    found_start -= 3;
  if (*found_end == ')' && *found_start == '(')
    found_end++;
  *start = (int) g_utf8_pointer_to_offset (line, found_start);
  *length = (int) g_utf8_pointer_to_offset (found_start, found_end);
  return TRUE;
}

/* The text of source line @line (1-based) of the filing. */
static char *
source_line_text (KessanFiling *filing,
                  guint         line)
{
  const char *text = kessan_filing_get_text (filing);
  const char *end;

  for (guint l = 1; text != NULL && l < line; l++)
    {
      text = strchr (text, '\n');
      if (text != NULL)
        text++;
    }
  if (text == NULL)
    return NULL;
  end = strchr (text, '\n');
  return g_strndup (text, end != NULL ? (gsize) (end - text) : strlen (text));
}

/* The digits of @row's value in printed column @c as the release prints
 * them: "3236405" for 3,236,405. */
static char *
printed_digits (KessanLineItem *row,
                guint           c)
{
  g_autofree char *text = kessan_format_number (fabs (kessan_line_item_get_value (row, c)),
                                                kessan_line_item_get_decimals (row, c), KESSAN_NEGATIVE_MINUS);
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

/**
 * kessan_statements_page_get_source_span:
 * @self: a #KessanStatementsPage
 * @line: (out): the source line of the current cell
 * @start: (out): where its number starts in the line, in characters, or -1
 * @length: (out): its length in characters, or 0
 *
 * Where the current cell's value is printed: its line, and the number
 * itself in the line when it is found there.
 *
 * Returns: FALSE when the current cell has no source line
 */
gboolean
kessan_statements_page_get_source_span (KessanStatementsPage *self,
                                        guint                *line,
                                        int                  *start,
                                        int                  *length)
{
  KessanLineItem *row;
  const DisplayColumn *column;

  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), FALSE);

  *line = 0;
  *start = -1;
  *length = 0;
  if (self->statement == NULL || self->current_row < 0)
    return FALSE;
  row = kessan_statement_get_row (self->statement, (guint) self->current_row);
  column = &g_array_index (self->columns, DisplayColumn, self->current_column);
  if (column->kind == COLUMN_PRINTED && kessan_line_item_has_value (row, (guint) column->source))
    {
      g_autofree char *digits = printed_digits (row, (guint) column->source);
      g_autofree char *text = NULL;
      guint nth = 0;

      *line = kessan_line_item_get_value_line (row, (guint) column->source);
      /* A number printed twice on its line: the one of this column is
       * the one after those of the columns before it. */
      for (int c = 0; c < column->source; c++)
        if (kessan_line_item_has_value (row, (guint) c) && kessan_line_item_get_value_line (row, (guint) c) == *line)
          {
            g_autofree char *before = printed_digits (row, (guint) c);

            nth += g_strcmp0 (before, digits) == 0;
          }
      text = *line > 0 ? source_line_text (self->filing, *line) : NULL;
      if (text != NULL && !find_number_span (text, digits, nth, start, length))
        *start = -1;
    }
  else
    *line = kessan_line_item_get_line (row);
  return *line > 0;
}

gboolean
kessan_statements_page_show_in_source (KessanStatementsPage *self)
{
  guint line;
  int start, length;

  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), FALSE);

  if (!kessan_statements_page_get_source_span (self, &line, &start, &length))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_SHOW_SOURCE], 0, line, start, length);
  return TRUE;
}

/* The display column of printed column @printed, or 0 (the labels). */
static int
display_column_of (KessanStatementsPage *self,
                   guint                 printed)
{
  for (guint c = 0; c < self->columns->len; c++)
    {
      const DisplayColumn *column = &g_array_index (self->columns, DisplayColumn, c);

      if (column->kind == COLUMN_PRINTED && column->source == (int) printed)
        return (int) c;
    }
  return 0;
}

/* The cell widget showing the current cell, once its row is on screen. */
static GtkWidget *
find_current_cell (KessanStatementsPage *self,
                   GtkWidget            *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), "kessan-cell") != NULL)
        {
          GtkListItem *item = g_object_get_data (G_OBJECT (child), "item");

          if ((int) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "column")) == self->current_column
              && item != NULL && (int) gtk_list_item_get_position (item) == self->current_row)
            return child;
        }
      else
        {
          GtkWidget *found = find_current_cell (self, child);

          if (found != NULL)
            return found;
        }
    }
  return NULL;
}

/* Focus goes to the row of the current cell once the view has scrolled
 * to it, a frame or a few later. */
static gboolean
focus_current_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  KessanStatementsPage *self = KESSAN_STATEMENTS_PAGE (widget);
  GtkWidget *cell = find_current_cell (self, GTK_WIDGET (self->column_view));
  guint tries = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "focus-tries"));

  if (cell != NULL && gtk_widget_get_parent (cell) != NULL && gtk_widget_get_parent (gtk_widget_get_parent (cell)) != NULL)
    {
      gtk_widget_grab_focus (gtk_widget_get_parent (gtk_widget_get_parent (cell)));
      return G_SOURCE_REMOVE;
    }
  g_object_set_data (G_OBJECT (self), "focus-tries", GUINT_TO_POINTER (tries + 1));
  return tries < 30 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/**
 * kessan_statements_page_focus_current_cell:
 * @self: a #KessanStatementsPage
 *
 * Scrolls to the current cell and moves the keyboard focus to its row,
 * where the arrows move on from it.
 */
void
kessan_statements_page_focus_current_cell (KessanStatementsPage *self)
{
  g_return_if_fail (KESSAN_IS_STATEMENTS_PAGE (self));

  if (self->current_row < 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", (guint) self->current_row);
  g_object_set_data (G_OBJECT (self), "focus-tries", GUINT_TO_POINTER (0));
  if (focus_current_tick_cb (GTK_WIDGET (self), NULL, NULL) == G_SOURCE_CONTINUE)
    gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_current_tick_cb, NULL, NULL);
}

/* The current cell, for tests: FALSE when there is none. */
gboolean
kessan_statements_page_get_current_cell (KessanStatementsPage *self,
                                         guint                *row,
                                         guint                *column)
{
  g_return_val_if_fail (KESSAN_IS_STATEMENTS_PAGE (self), FALSE);

  if (self->statement == NULL || self->current_row < 0)
    return FALSE;
  if (row != NULL)
    *row = (guint) self->current_row;
  if (column != NULL)
    *column = (guint) self->current_column;
  return TRUE;
}

void
kessan_statements_page_set_current_cell (KessanStatementsPage *self,
                                         guint                 row,
                                         guint                 column)
{
  g_return_if_fail (KESSAN_IS_STATEMENTS_PAGE (self));

  if (self->statement == NULL || row >= kessan_statement_get_n_rows (self->statement) || column >= self->columns->len)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), row, TRUE);
  set_current_cell (self, (int) row, (int) column);
}

void
kessan_statements_page_show_finding (KessanStatementsPage *self,
                                     KessanFinding        *finding)
{
  const char * const *rows;
  guint n_columns;
  const guint *columns;
  int first = -1;

  g_return_if_fail (KESSAN_IS_STATEMENTS_PAGE (self));
  g_return_if_fail (KESSAN_IS_FINDING (finding));

  if (kessan_finding_get_statement (finding) == NULL
      || !kessan_statements_page_select_statement (self, kessan_finding_get_statement (finding)))
    return;
  rows = kessan_finding_get_rows (finding);
  columns = kessan_finding_get_columns (finding, &n_columns);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  for (guint r = 0; r < kessan_statement_get_n_rows (self->statement); r++)
    {
      KessanLineItem *row = kessan_statement_get_row (self->statement, r);

      if (!kessan_line_item_get_heading (row) && g_strv_contains (rows, kessan_line_item_get_concept (row)))
        {
          if (first < 0 && g_strcmp0 (rows[0], kessan_line_item_get_concept (row)) == 0)
            first = (int) r;
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), r, FALSE);
        }
    }
  if (first >= 0)
    {
      set_current_cell (self, first, n_columns > 0 ? display_column_of (self, columns[0]) : 0);
      kessan_statements_page_focus_current_cell (self);
    }
  update_provenance (self);
}

/* Actions */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KessanStatementsPage *self = KESSAN_STATEMENTS_PAGE (widget);
  g_autofree char *text = kessan_statements_page_copy_text (self);

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
export_response_cb (GtkNativeDialog      *dialog,
                    int                   response,
                    KessanStatementsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->statement != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *csv = kessan_statement_export_csv (self->statement, self->filing, label_language (self));
      g_autoptr(GError) error = NULL;

      if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                    NULL, NULL, &error))
        {
          GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       _("Could Not Export"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  g_object_unref (dialog);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KessanStatementsPage *self = KESSAN_STATEMENTS_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->statement == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Statement as CSV"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.csv", kessan_statement_get_id (self->statement));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
show_in_source_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  kessan_statements_page_show_in_source (KESSAN_STATEMENTS_PAGE (widget));
}

static void
kessan_statements_page_dispose (GObject *object)
{
  KessanStatementsPage *self = KESSAN_STATEMENTS_PAGE (object);

  if (self->layout_source != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->layout_source);
  self->layout_source = 0;
  g_clear_object (&self->selection);
  g_clear_object (&self->statement);
  g_clear_object (&self->filing);
  g_clear_object (&self->counterpart);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->findings, g_hash_table_unref);
  g_clear_pointer (&self->tables, g_ptr_array_unref);

  G_OBJECT_CLASS (kessan_statements_page_parent_class)->dispose (object);
}

static void
kessan_statements_page_finalize (GObject *object)
{
  KessanStatementsPage *self = KESSAN_STATEMENTS_PAGE (object);

  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->forced_language, g_free);

  G_OBJECT_CLASS (kessan_statements_page_parent_class)->finalize (object);
}

static void
kessan_statements_page_class_init (KessanStatementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kessan_statements_page_dispose;
  object_class->finalize = kessan_statements_page_finalize;

  signals[SIGNAL_SHOW_SOURCE] = g_signal_new ("show-source", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                              G_TYPE_UINT, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kessan/Kessan/ui/kessan-statements-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, statement_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, scale_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, currency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, negative_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, column_scrollbar);
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, column_adjustment);
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, shade_start);
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, shade_end);
  gtk_widget_class_bind_template_child (widget_class, KessanStatementsPage, provenance_label);
  gtk_widget_class_bind_template_callback (widget_class, statement_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, display_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_scrolled_cb);

  gtk_widget_class_install_action (widget_class, "statements.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "statements.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "statements.show-in-source", NULL, show_in_source_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "statements.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_u, GDK_CONTROL_MASK, "statements.show-in-source", NULL);
}

static void
kessan_statements_page_init (KessanStatementsPage *self)
{
  GtkEventController *scroll;
  GtkEventController *keys;
  GtkGesture *click;
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  self->columns = g_array_new (FALSE, TRUE, sizeof (DisplayColumn));
  g_array_set_clear_func (self->columns, display_column_clear);
  self->current_row = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (button_factory, "setup", G_CALLBACK (setup_statement_button_cb), NULL);
  g_signal_connect (button_factory, "bind", G_CALLBACK (bind_statement_button_cb), NULL);
  gtk_drop_down_set_factory (self->statement_dropdown, button_factory);
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_statement_row_cb), NULL);
  g_signal_connect_object (list_factory, "bind", G_CALLBACK (bind_statement_row_cb), self, 0);
  gtk_drop_down_set_list_factory (self->statement_dropdown, list_factory);
  kessan_accessible_name_drop_down (self->statement_dropdown, NULL, _("Statement"));
  kessan_accessible_name_drop_down (self->scale_dropdown, gtk_widget_get_prev_sibling (GTK_WIDGET (self->scale_dropdown)), NULL);
  kessan_accessible_name_drop_down (self->currency_dropdown, gtk_widget_get_prev_sibling (GTK_WIDGET (self->currency_dropdown)), NULL);
  kessan_accessible_name_drop_down (self->negative_dropdown, gtk_widget_get_prev_sibling (GTK_WIDGET (self->negative_dropdown)), NULL);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_HORIZONTAL | GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), scroll);
  /* One click gesture for every cell, which it finds under the pointer:
   * a statement's hundreds of cells are made sooner without one each.
   * Captured before the row selects itself, and never claimed. */
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (cell_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), keys);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (hadjustment_changed_cb), self, G_CONNECT_SWAPPED);
}
