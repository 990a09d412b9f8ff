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

#include "kessan-decoder.h"
#include "kessan-error.h"
#include "kessan-input-private.h"

/* The reader of inline XBRL (1.0 and 1.1): an XHTML page whose numbers
 * are tagged.  The page is read as any HTML page is (kessan-markup.c);
 * each tagged number of a table cell adds its fact to the grid, and the
 * contexts and units the facts name are read from the hidden header.
 * The document is parsed as XML without entities from outside and
 * without expanding entities. */

#define NS_IX_2013 "http://www.xbrl.org/2013/inlineXBRL"
#define NS_IX_2008 "http://www.xbrl.org/2008/inlineXBRL"
#define NS_XBRLI "http://www.xbrl.org/2003/instance"
#define NS_XBRLDI "http://xbrl.org/2006/xbrldi"
#define SNIFF_BYTES 65536
/* Links of one ix:continuation chain followed at most. */
#define MAX_CONTINUATIONS 1000

typedef struct
{
  KessanGrid *grid;
  GHashTable *continuations;   /* id → xmlNode */
} Reader;

static gboolean
is_ns (xmlNode    *node,
       const char *ns)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL
         && strcmp ((const char *) node->ns->href, ns) == 0;
}

static gboolean
is_ix (xmlNode    *node,
       const char *name)
{
  return (is_ns (node, NS_IX_2013) || is_ns (node, NS_IX_2008))
         && strcmp ((const char *) node->name, name) == 0;
}

static gboolean
is_xbrli (xmlNode    *node,
          const char *name)
{
  return is_ns (node, NS_XBRLI) && strcmp ((const char *) node->name, name) == 0;
}

/**
 * kessan_ixbrl_reader_sniff:
 * @data: the first bytes of a file
 * @length: their length
 *
 * Returns: whether the file declares the inline XBRL namespace
 */
gboolean
kessan_ixbrl_reader_sniff (const char *data,
                           gsize       length)
{
  length = MIN (length, SNIFF_BYTES);
  return memmem (data, length, NS_IX_2013, strlen (NS_IX_2013)) != NULL
         || memmem (data, length, NS_IX_2008, strlen (NS_IX_2008)) != NULL;
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  if (copy != NULL)
    g_strstrip (copy);
  return copy;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return g_strstrip (copy);
}

/* The local part of a QName: "NonConsolidatedMember" of
 * "jppfs_cor:NonConsolidatedMember". */
static const char *
local_name (const char *qname)
{
  const char *colon = strrchr (qname, ':');

  return colon != NULL ? colon + 1 : qname;
}

static void
read_members (xmlNode           *container,
              KessanGridContext *context,
              GPtrArray         *members)
{
  for (xmlNode *member = container->children; member != NULL; member = member->next)
    {
      g_autofree char *dimension = NULL;
      g_autofree char *value = NULL;
      const char *name;

      if (member->type != XML_ELEMENT_NODE)
        continue;
      dimension = prop (member, "dimension");
      value = node_text (member);
      if (dimension == NULL || value[0] == '\0')
        continue;
      name = local_name (value);
      if (g_str_equal (name, "NonConsolidatedMember"))
        context->consolidation = KESSAN_CONSOLIDATION_NON_CONSOLIDATED;
      else if (g_str_equal (name, "ConsolidatedMember"))
        context->consolidation = KESSAN_CONSOLIDATION_CONSOLIDATED;
      else if (g_str_has_suffix (name, "UpperMember"))
        context->scenario = KESSAN_SCENARIO_FORECAST_UPPER;
      else if (g_str_has_suffix (name, "LowerMember"))
        context->scenario = KESSAN_SCENARIO_FORECAST_LOWER;
      else if (g_str_has_suffix (name, "ForecastMember") && context->scenario == KESSAN_SCENARIO_ACTUAL)
        context->scenario = KESSAN_SCENARIO_FORECAST;
      g_ptr_array_add (members, g_strdup_printf ("%s=%s", dimension, value));
    }
}

/**
 * kessan_xbrl_read_context:
 * @grid: the grid to add to
 * @node: an xbrli:context element
 *
 * Adds the context @node defines to @grid.
 */
void
kessan_xbrl_read_context (KessanGrid *grid,
                          xmlNode    *node)
{
  KessanGridContext *context = g_new0 (KessanGridContext, 1);
  g_autoptr(GPtrArray) members = g_ptr_array_new ();

  context->id = prop (node, "id");
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_xbrli (child, "entity"))
        for (xmlNode *e = child->children; e != NULL; e = e->next)
          {
            if (is_xbrli (e, "identifier") && context->entity == NULL)
              context->entity = node_text (e);
            else if (is_xbrli (e, "segment"))
              read_members (e, context, members);
          }
      else if (is_xbrli (child, "period"))
        for (xmlNode *p = child->children; p != NULL; p = p->next)
          {
            if (is_xbrli (p, "instant") || is_xbrli (p, "endDate"))
              {
                g_free (context->end);
                context->end = node_text (p);
              }
            else if (is_xbrli (p, "startDate"))
              {
                g_free (context->start);
                context->start = node_text (p);
              }
          }
      else if (is_xbrli (child, "scenario"))
        read_members (child, context, members);
    }
  /* Dates may be written with a time ("2024-03-31T00:00:00"). */
  if (context->start != NULL && strlen (context->start) > 10)
    context->start[10] = '\0';
  if (context->end != NULL && strlen (context->end) > 10)
    context->end[10] = '\0';
  g_ptr_array_add (members, NULL);
  context->members = (char **) g_ptr_array_free (g_steal_pointer (&members), FALSE);
  kessan_grid_add_context (grid, context);
}

/**
 * kessan_xbrl_read_unit:
 * @grid: the grid to add to
 * @node: an xbrli:unit element
 *
 * Adds the unit @node defines to @grid.
 */
void
kessan_xbrl_read_unit (KessanGrid *grid,
                       xmlNode    *node)
{
  KessanGridUnit *unit = g_new0 (KessanGridUnit, 1);
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_free);
  gboolean divide = FALSE;

  unit->id = prop (node, "id");
  for (xmlNode *n = node; n != NULL;)
    {
      if (is_xbrli (n, "measure"))
        g_ptr_array_add (measures, node_text (n));
      else if (is_xbrli (n, "divide"))
        divide = TRUE;
      /* Measures are at most two levels down (divide, numerator). */
      if (n->children != NULL && n->type == XML_ELEMENT_NODE && !is_xbrli (n, "measure"))
        n = n->children;
      else
        {
          while (n != node && n->next == NULL)
            n = n->parent;
          n = n != node ? n->next : NULL;
        }
    }

  unit->unit = KESSAN_UNIT_NONE;
  if (measures->len > 0)
    {
      const char *first = g_ptr_array_index (measures, 0);

      if (g_str_has_prefix (first, "iso4217:") && kessan_currency_code_is_valid (first + 8))
        {
          unit->currency = g_strdup (first + 8);
          unit->unit = divide ? KESSAN_UNIT_PER_SHARE : KESSAN_UNIT_CURRENCY;
        }
      else if (g_str_equal (local_name (first), "shares"))
        unit->unit = KESSAN_UNIT_SHARES;
      else if (g_str_equal (local_name (first), "pure"))
        unit->unit = KESSAN_UNIT_PERCENT;
    }
  kessan_grid_add_unit (grid, unit);
}

static gboolean
is_fullwidth_digit (gunichar c)
{
  return c >= 0xFF10 && c <= 0xFF19;
}

/* The number a tagged text shows, read by its transformation format
 * (the ixt registries: num-dot-decimal, num-comma-decimal, zero-dash,
 * fixed-zero, num-unit-decimal…).  Returns FALSE for a text the format
 * does not read. */
gboolean
kessan_ixbrl_read_number (const char *text,
                          const char *format,
                          double     *value)
{
  const char *name = format != NULL ? local_name (format) : "numdotdecimal";
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean comma_decimal = strstr (name, "comma") != NULL
                           && (strstr (name, "commadecimal") != NULL || strstr (name, "comma-decimal") != NULL);
  gboolean unit_decimal = strstr (name, "unitdecimal") != NULL || strstr (name, "unit-decimal") != NULL;
  gboolean any = FALSE, fraction = FALSE;

  if (strstr (name, "zerodash") != NULL || strstr (name, "zero-dash") != NULL
      || strstr (name, "fixedzero") != NULL || strstr (name, "fixed-zero") != NULL
      || strstr (name, "nocontent") != NULL)
    {
      *value = 0;
      return TRUE;
    }

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_fullwidth_digit (c))
        c = '0' + (c - 0xFF10);
      if (c >= '0' && c <= '9')
        {
          g_string_append_c (digits, (char) c);
          any = TRUE;
        }
      else if (!fraction && any && ((comma_decimal && c == ',') || (!comma_decimal && !unit_decimal && c == '.')))
        {
          g_string_append_c (digits, '.');
          fraction = TRUE;
        }
      else if (!fraction && any && unit_decimal && !g_unichar_isspace (c) && c != ',' && c != '.'
               && c != 0xFF0C)
        {
          /* "1円50銭": the unit between the whole and the fraction. */
          g_string_append_c (digits, '.');
          fraction = TRUE;
        }
    }
  if (!any)
    return FALSE;
  if (digits->str[digits->len - 1] == '.')
    g_string_truncate (digits, digits->len - 1);
  *value = g_ascii_strtod (digits->str, NULL);
  return TRUE;
}

static KessanFact *
make_fact (xmlNode *node,
           double  *value)
{
  g_autofree char *name = prop (node, "name");
  g_autofree char *context = prop (node, "contextRef");
  g_autofree char *unit = prop (node, "unitRef");
  g_autofree char *decimals = prop (node, "decimals");
  g_autofree char *scale = prop (node, "scale");
  g_autofree char *sign = prop (node, "sign");
  g_autofree char *format = prop (node, "format");
  g_autofree char *text = NULL;
  xmlChar *nil = xmlGetNsProp (node, (const xmlChar *) "nil",
                               (const xmlChar *) "http://www.w3.org/2001/XMLSchema-instance");
  int power = 0, places = KESSAN_FACT_DECIMALS_NONE;
  double number;

  if (nil != NULL)
    {
      gboolean is_nil = g_str_equal ((const char *) nil, "true") || g_str_equal ((const char *) nil, "1");

      xmlFree (nil);
      if (is_nil)
        return NULL;
    }
  if (name == NULL)
    return NULL;
  text = node_text (node);
  if (!kessan_ixbrl_read_number (text, format, &number))
    return NULL;
  if (scale != NULL)
    power = (int) CLAMP (g_ascii_strtoll (scale, NULL, 10), -30, 30);
  if (decimals != NULL)
    places = g_str_equal (decimals, "INF") ? KESSAN_FACT_DECIMALS_INF
             : (int) CLAMP (g_ascii_strtoll (decimals, NULL, 10), -30, 30);
  *value = number * pow (10.0, power);
  if (sign != NULL && g_str_equal (sign, "-"))
    *value = -*value;
  return kessan_fact_new (name, context, unit, places, power, sign != NULL && g_str_equal (sign, "-"));
}

static gboolean
skip_cb (xmlNode  *node,
         gpointer  user_data)
{
  return is_ix (node, "header");
}

static KessanFact *
cell_fact_cb (xmlNode  *node,
              double   *value,
              gpointer  user_data)
{
  if (!is_ix (node, "nonFraction"))
    return NULL;
  return make_fact (node, value);
}

/* The text of an ix:nonNumeric, its ix:exclude parts left out and its
 * ix:continuation parts added; a chain that comes back on itself ends. */
static char *
non_numeric_text (Reader  *reader,
                  xmlNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *next = prop (node, "continuedAt");

  for (guint links = 0; node != NULL && links < MAX_CONTINUATIONS; links++)
    {
      for (xmlNode *n = node->children; n != NULL;)
        {
          gboolean descend = !is_ix (n, "exclude");

          if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            g_string_append (text, (const char *) n->content);
          if (descend && n->type == XML_ELEMENT_NODE && n->children != NULL)
            n = n->children;
          else
            {
              while (n != node && n->next == NULL)
                n = n->parent;
              n = n != node ? n->next : NULL;
            }
        }
      if (next == NULL || g_hash_table_contains (seen, next))
        break;
      g_hash_table_add (seen, g_strdup (next));
      node = g_hash_table_lookup (reader->continuations, next);
      g_free (next);
      next = node != NULL ? prop (node, "continuedAt") : NULL;
    }
  {
    GList *keys = g_hash_table_get_keys (seen);
    g_list_free_full (keys, g_free);
  }
  g_strstrip (text->str);
  return g_strdup (text->str);
}

static const struct { const char *name; int what; } known_tags[] = {
  { "CompanyName", -1 }, { "FilerNameInJapaneseDEI", -1 }, { "EntityRegistrantName", -1 },
  { "SecuritiesCode", KESSAN_COMPANY_ID_SECURITIES_CODE },
  { "SecurityCodeDEI", KESSAN_COMPANY_ID_SECURITIES_CODE },
  { "EDINETCodeDEI", KESSAN_COMPANY_ID_EDINET_CODE },
  { "EntityCentralIndexKey", KESSAN_COMPANY_ID_CIK },
  { "TradingSymbol", KESSAN_COMPANY_ID_TICKER },
  { "FilingDate", -2 },
  { "AccountingStandardsDEI", -3 },
};

static gint
known_tag (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_tags); i++)
    if (g_str_equal (local_name (name), known_tags[i].name))
      return (gint) i;
  return -1;
}

/**
 * kessan_xbrl_apply_tag:
 * @grid: the grid
 * @name: a tagged text's element name ("tse-ed-t:CompanyName")
 * @text: its text
 *
 * What a tagged text says of the company and the release: its name,
 * codes, filing date or accounting standard.  The first of each counts.
 */
void
kessan_xbrl_apply_tag (KessanGrid *grid,
                       const char *name,
                       const char *text)
{
  gint i = known_tag (name);
  int what;

  if (i < 0 || text[0] == '\0')
    return;
  what = known_tags[i].what;
  if (what == -1)
    {
      if (kessan_company_get_name (grid->company) == NULL)
        kessan_company_set_name (grid->company, text);
    }
  else if (what == -2)
    {
      if (grid->released == NULL)
        grid->released = g_strdup (text);
    }
  else if (what == -3)
    {
      if (grid->standard == NULL)
        grid->standard = g_strdup (text);
    }
  else if (kessan_company_get_id (grid->company, what) == NULL)
    kessan_company_set_id (grid->company, what, text);
}

/* What the tagged text of the page says of the company and release. */
static void
read_non_numeric (Reader  *reader,
                  xmlNode *node)
{
  g_autofree char *name = prop (node, "name");
  g_autofree char *text = NULL;

  if (name == NULL || known_tag (name) < 0)
    return;
  text = non_numeric_text (reader, node);
  kessan_xbrl_apply_tag (reader->grid, name, text);
}

/* Contexts, units, continuations and tagged text, wherever they are. */
static void
read_tags (Reader  *reader,
           xmlNode *root)
{
  g_autoptr(GPtrArray) non_numerics = g_ptr_array_new ();

  for (xmlNode *n = root; n != NULL;)
    {
      gboolean descend = TRUE;

      if (is_xbrli (n, "context"))
        {
          kessan_xbrl_read_context (reader->grid, n);
          descend = FALSE;
        }
      else if (is_xbrli (n, "unit"))
        {
          kessan_xbrl_read_unit (reader->grid, n);
          descend = FALSE;
        }
      else if (is_ix (n, "continuation"))
        {
          g_autofree char *id = prop (n, "id");

          if (id != NULL && !g_hash_table_contains (reader->continuations, id))
            g_hash_table_insert (reader->continuations, g_steal_pointer (&id), n);
        }
      else if (is_ix (n, "nonNumeric"))
        g_ptr_array_add (non_numerics, n);

      if (descend && n->type == XML_ELEMENT_NODE && n->children != NULL)
        n = n->children;
      else
        {
          while (n != root && n->next == NULL)
            n = n->parent;
          n = n != root ? n->next : NULL;
        }
    }
  for (guint i = 0; i < non_numerics->len; i++)
    read_non_numeric (reader, g_ptr_array_index (non_numerics, i));
}

/* Past white space and byte order marks (U+FEFF) at the start of
 * @text. */
void
kessan_xbrl_skip_leading_blanks (const char **text,
                                 gsize       *length)
{
  while (*length > 0)
    {
      const guchar *p = (const guchar *) *text;

      if (p[0] == ' ' || p[0] == '\t' || p[0] == '\n' || p[0] == '\r')
        {
          (*text)++;
          (*length)--;
        }
      else if (*length >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        {
          *text += 3;
          *length -= 3;
        }
      else
        break;
    }
}

/**
 * kessan_ixbrl_reader_add:
 * @grid: the grid to add to
 * @text: an inline XBRL document as UTF-8
 * @length: its length
 * @part_name: (nullable): the part's name
 * @sha256: (nullable): the hash of the part's bytes
 * @display_name: the release's name, for messages
 * @error: return location for a #GError
 *
 * Adds one inline XBRL document to @grid as a part of its own: its lines,
 * the facts of its table cells, its contexts and units.
 *
 * Returns: %FALSE with @error set when the document cannot be read
 */
gboolean
kessan_ixbrl_reader_add (KessanGrid  *grid,
                         const char  *text,
                         gsize        length,
                         const char  *part_name,
                         const char  *sha256,
                         const char  *display_name,
                         GError     **error)
{
  KessanMarkupHooks hooks = { skip_cb, cell_fact_cb, NULL };
  Reader reader = { grid, NULL };
  xmlDocPtr doc;
  xmlNode *root;
  guint part;
  gboolean ok;

  if (length > G_MAXINT)
    {
      kessan_input_set_too_large (error, display_name, length);
      return FALSE;
    }
  /* Filings often have blank lines or a byte order mark before their XML
   * declaration, which XML allows only at the very start. */
  kessan_xbrl_skip_leading_blanks (&text, &length);
  /* No network, no DTD, no entity expansion; the encoding is the one the
   * bytes were decoded from. */
  doc = xmlReadMemory (text, (int) length, NULL, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      const xmlError *last = xmlGetLastError ();
      g_autofree char *reason = g_strstrip (g_strdup (last != NULL && last->message != NULL ? last->message : ""));

      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_MARKUP,
                   _("“%s” is inline XBRL that is not well-formed XML (line %d: %s). It cannot be read."),
                   display_name, last != NULL ? last->line : 0, reason);
      return FALSE;
    }

  reader.continuations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  read_tags (&reader, root);
  part = kessan_grid_add_part (grid, part_name, "ixbrl", sha256);
  ok = kessan_markup_read (grid, root, part, &hooks, display_name, error);
  g_hash_table_unref (reader.continuations);
  xmlFreeDoc (doc);
  return ok;
}

/**
 * kessan_ixbrl_reader_read:
 * @contents: the bytes of an inline XBRL document
 * @display_name: its name, for the messages
 * @error: return location for a #GError in the %KESSAN_ERROR domain
 *
 * Returns: (transfer full): the grid, or %NULL with @error set
 */
KessanGrid *
kessan_ixbrl_reader_read (GBytes      *contents,
                          const char  *display_name,
                          GError     **error)
{
  return kessan_markup_read_file (contents, display_name, kessan_ixbrl_reader_add, error);
}
