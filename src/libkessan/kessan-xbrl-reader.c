/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-parser"
/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include "kessan-ixbrl-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

#include "kessan-concepts.h"
#include "kessan-decoder.h"
#include "kessan-error.h"
#include "kessan-fact-table-private.h"
#include "kessan-input-private.h"

/* The reader of an XBRL instance: an xbrli:xbrl document of facts, as
 * TDnet published its summaries before inline XBRL and as EDINET
 * packages hold.  Nothing is printed: its tables are built from the
 * facts (kessan-fact-table.c), one of the durations and one of the
 * instants, a row per element, a column per context.  Facts of contexts
 * that name other members than the consolidation and the forecast
 * (segments, dividend quarters) are left out.  Parsed as the inline
 * XBRL reader parses: no network, no DTD, no entity expansion. */

#define NS_XBRLI "http://www.xbrl.org/2003/instance"
#define SNIFF_BYTES 65536

/**
 * kessan_xbrl_reader_sniff:
 * @data: the first bytes of a file
 * @length: their length
 *
 * Returns: whether the file is an XBRL instance: XML whose root is
 *   xbrli:xbrl
 */
gboolean
kessan_xbrl_reader_sniff (const char *data,
                          gsize       length)
{
  const char *p = data, *end = data + MIN (length, SNIFF_BYTES);

  if (memmem (data, (gsize) (end - data), NS_XBRLI, strlen (NS_XBRLI)) == NULL)
    return FALSE;
  /* The first element past the declaration, comments and processing
   * instructions is the root. */
  while ((p = memchr (p, '<', (gsize) (end - p))) != NULL && p + 1 < end)
    {
      const char *name = p + 1;
      const char *colon;

      if (*name == '?' || *name == '!')
        {
          p++;
          continue;
        }
      colon = memchr (name, ':', MIN ((gsize) (end - name), 32));
      if (colon != NULL && colon - name < 32 && memchr (name, ' ', (gsize) (colon - name)) == NULL
          && memchr (name, '>', (gsize) (colon - name)) == NULL)
        name = colon + 1;
      return (gsize) (end - name) > 5 && strncmp (name, "xbrl", 4) == 0
             && (name[4] == ' ' || name[4] == '>' || name[4] == '\n' || name[4] == '\r' || name[4] == '\t');
    }
  return FALSE;
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strstrip (g_strdup ((const char *) value)) : NULL;

  xmlFree (value);
  return copy;
}

static char *
qualified_name (xmlNode *node)
{
  if (node->ns != NULL && node->ns->prefix != NULL)
    return g_strdup_printf ("%s:%s", (const char *) node->ns->prefix, (const char *) node->name);
  return g_strdup ((const char *) node->name);
}

static gboolean
is_nil (xmlNode *node)
{
  xmlChar *nil = xmlGetNsProp (node, (const xmlChar *) "nil",
                               (const xmlChar *) "http://www.w3.org/2001/XMLSchema-instance");
  gboolean yes = nil != NULL && (g_str_equal ((const char *) nil, "true") || g_str_equal ((const char *) nil, "1"));

  xmlFree (nil);
  return yes;
}

/* A context whose members say only consolidation and scenario. */
static gboolean
is_plain_context (const KessanGridContext *context)
{
  static const char * const plain[] = {
    "ConsolidatedMember", "NonConsolidatedMember", "ResultMember", "ForecastMember", "UpperMember",
    "LowerMember", "CurrentMember", "PriorMember", NULL,
  };

  for (guint i = 0; context->members != NULL && context->members[i] != NULL; i++)
    {
      const char *member = strrchr (context->members[i], ':');
      gboolean known = FALSE;

      member = member != NULL ? member + 1 : context->members[i];
      for (guint k = 0; plain[k] != NULL && !known; k++)
        known = g_str_equal (member, plain[k]);
      if (!known)
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char       *label;
  char       *name;
  char       *element;   /* where it is: "/xbrl/tse-ed-t:NetSales" */
  double      value;
  int         decimals;
  gboolean    money;
  gboolean    percent;
  KessanFact *fact;      /* without its scale yet */
} Numeric;

static void
numeric_clear (gpointer data)
{
  Numeric *numeric = data;

  g_free (numeric->label);
  g_free (numeric->name);
  g_free (numeric->element);
  g_clear_pointer (&numeric->fact, kessan_fact_free);
}

/* An element's label: the dictionary's, in the language of its
 * taxonomy, or its local name. */
static char *
element_label (const char *name)
{
  const KessanConcept *concept = kessan_concepts_lookup_element (kessan_concepts_get_default (), name);
  gboolean japanese = g_str_has_prefix (name, "jp") || g_str_has_prefix (name, "tse");
  const char *colon = strchr (name, ':');

  if (concept != NULL && japanese && concept->label_ja != NULL)
    return g_strdup (concept->label_ja);
  if (concept != NULL && concept->label_en != NULL)
    return g_strdup (concept->label_en);
  return g_strdup (colon != NULL ? colon + 1 : name);
}

/* The power of ten a table's money is shown in: millions or thousands
 * when every money fact is rounded to them, and is a whole number of
 * them, so that each shown number is its fact. */
static int
display_power (GArray *numerics)
{
  int power = 6;

  for (guint i = 0; i < numerics->len && power > 0; i++)
    {
      const Numeric *numeric = &g_array_index (numerics, Numeric, i);

      if (!numeric->money)
        continue;
      if (numeric->decimals == KESSAN_FACT_DECIMALS_INF || numeric->decimals > -3)
        power = 0;
      else if (numeric->decimals > -6)
        power = MIN (power, 3);
      while (power > 0 && fmod (numeric->value, pow (10.0, power)) != 0)
        power -= 3;
    }
  return power;
}

static void
write_table (KessanGrid *grid,
             guint       part,
             GArray     *numerics)
{
  g_autoptr(KessanFactTable) table = kessan_fact_table_new ();
  int power = display_power (numerics);

  for (guint i = 0; i < numerics->len; i++)
    {
      Numeric *numeric = &g_array_index (numerics, Numeric, i);
      /* A ratio is shown in percent, as the pages print it. */
      int shown = numeric->money ? power : numeric->percent ? -2 : 0;
      double printed = numeric->value / pow (10.0, shown);
      g_autofree char *text = NULL;
      int places = numeric->decimals == KESSAN_FACT_DECIMALS_INF ? 6
                   : CLAMP (numeric->decimals + shown, 0, 6);

      text = g_strdup_printf ("%.*f", places, printed);
      numeric->fact->scale = shown;
      kessan_fact_table_add (table, numeric->label, NULL, text, g_steal_pointer (&numeric->fact),
                             numeric->value, numeric->element);
    }
  if (kessan_fact_table_get_n_facts (table) > 0)
    kessan_fact_table_write (table, grid, part);
}

static gboolean
read_instance (KessanGrid *grid,
               xmlNode    *root,
               guint       part)
{
  g_autoptr(GArray) durations = g_array_new (FALSE, TRUE, sizeof (Numeric));
  g_autoptr(GArray) instants = g_array_new (FALSE, TRUE, sizeof (Numeric));

  g_array_set_clear_func (durations, numeric_clear);
  g_array_set_clear_func (instants, numeric_clear);

  /* The contexts and units first: a fact may come before its context. */
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL
        && g_str_equal ((const char *) node->ns->href, NS_XBRLI))
      {
        if (g_str_equal ((const char *) node->name, "context"))
          kessan_xbrl_read_context (grid, node);
        else if (g_str_equal ((const char *) node->name, "unit"))
          kessan_xbrl_read_unit (grid, node);
      }

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *context_id = NULL;
      g_autofree char *unit_id = NULL;
      g_autofree char *decimals = NULL;
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      const KessanGridContext *context;
      const KessanGridUnit *unit;
      xmlChar *content;
      Numeric numeric = { 0 };
      char *end = NULL;

      if (node->type != XML_ELEMENT_NODE || (context_id = prop (node, "contextRef")) == NULL)
        continue;
      name = qualified_name (node);
      content = xmlNodeGetContent (node);
      text = g_strstrip (g_strdup (content != NULL ? (const char *) content : ""));
      xmlFree (content);
      unit_id = prop (node, "unitRef");
      if (unit_id == NULL)
        {
          kessan_xbrl_apply_tag (grid, name, text);
          continue;
        }
      context = kessan_grid_get_context (grid, context_id);
      if (is_nil (node) || context == NULL || context->end == NULL || !is_plain_context (context))
        continue;
      numeric.value = g_ascii_strtod (text, &end);
      if (text[0] == '\0' || end == NULL || *end != '\0' || !isfinite (numeric.value))
        continue;
      decimals = prop (node, "decimals");
      numeric.decimals = decimals == NULL ? KESSAN_FACT_DECIMALS_NONE
                         : g_str_equal (decimals, "INF") ? KESSAN_FACT_DECIMALS_INF
                         : (int) CLAMP (g_ascii_strtoll (decimals, NULL, 10), -30, 30);
      unit = kessan_grid_get_unit (grid, unit_id);
      numeric.money = unit != NULL && unit->unit == KESSAN_UNIT_CURRENCY;
      numeric.percent = unit != NULL && unit->unit == KESSAN_UNIT_PERCENT;
      numeric.name = g_strdup (name);
      numeric.element = g_strdup_printf ("/%s/%s", (const char *) root->name, name);
      numeric.label = element_label (name);
      numeric.fact = kessan_fact_new (name, context_id, unit_id, numeric.decimals, 0, FALSE);
      g_array_append_val (context->start != NULL ? durations : instants, numeric);
    }

  write_table (grid, part, durations);
  write_table (grid, part, instants);
  return TRUE;
}

/**
 * kessan_xbrl_reader_add:
 * @grid: the grid to add to
 * @text: an XBRL instance as UTF-8
 * @length: its length
 * @part_name: the part's name
 * @sha256: (nullable): the hash of the part's bytes
 * @display_name: the release's name, for messages
 * @error: return location for a #GError
 *
 * Adds one XBRL instance to @grid as a part of its own: its contexts,
 * units and the tables its facts make.
 *
 * Returns: %FALSE with @error set when the document cannot be read
 */
gboolean
kessan_xbrl_reader_add (KessanGrid  *grid,
                        const char  *text,
                        gsize        length,
                        const char  *part_name,
                        const char  *sha256,
                        const char  *display_name,
                        GError     **error)
{
  xmlDocPtr doc;
  xmlNode *root;

  if (length > G_MAXINT)
    {
      kessan_input_set_too_large (error, display_name, length);
      return FALSE;
    }
  kessan_xbrl_skip_leading_blanks (&text, &length);
  doc = xmlReadMemory (text, (int) length, NULL, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL || root->ns == NULL || root->ns->href == NULL
      || !g_str_equal ((const char *) root->ns->href, NS_XBRLI) || !g_str_equal ((const char *) root->name, "xbrl"))
    {
      const xmlError *last = xmlGetLastError ();
      g_autofree char *reason = g_strstrip (g_strdup (root == NULL && last != NULL && last->message != NULL
                                                      ? last->message : ""));

      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_MARKUP,
                   _("“%s” is XBRL that is not well-formed XML (line %d: %s). It cannot be read."),
                   display_name, root == NULL && last != NULL ? last->line : 0, reason);
      return FALSE;
    }
  grid->marked_up = TRUE;
  read_instance (grid, root, kessan_grid_add_part (grid, part_name, "xbrl", sha256));
  xmlFreeDoc (doc);
  return TRUE;
}

/**
 * kessan_xbrl_reader_read:
 * @contents: the bytes of an XBRL instance
 * @display_name: its name, for the messages
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
KessanGrid *
kessan_xbrl_reader_read (GBytes      *contents,
                         const char  *display_name,
                         GError     **error)
{
  g_autoptr(GError) decode_error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *hash = NULL;
  KessanEncoding encoding;
  const guint8 *data;
  gsize length;
  KessanGrid *grid;

  data = g_bytes_get_data (contents, &length);
  text = kessan_decode_markup (data, length, &encoding, FALSE, &decode_error);
  if (text == NULL)
    {
      kessan_input_name_error (decode_error, display_name, error);
      return NULL;
    }
  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
  grid = kessan_grid_new ();
  if (!kessan_xbrl_reader_add (grid, text, strlen (text), display_name, hash, display_name, error))
    {
      kessan_grid_free (grid);
      return NULL;
    }
  grid->encoding = kessan_encoding_to_string (encoding);
  return grid;
}
