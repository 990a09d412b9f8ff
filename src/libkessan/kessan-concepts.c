/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-concepts"

#include "kessan-concepts.h"
#include "kessan-engine-resources.h"
#include "kessan-error.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define CONCEPTS_RESOURCE  "/io/github/kessan/Kessan/engine/concepts.json"
#define CONCEPTS_VERSION   1

/* Keys made for unknown labels stay short enough to read in an export;
 * longer slugs are cut and made unique again with a hash. */
#define MAX_SLUG_LENGTH    48
#define CUT_SLUG_LENGTH    39
#define HASH_LENGTH        12

typedef struct
{
  KessanConcept   pub;          /* first, so that a Concept is a KessanConcept */
  guint           kinds;        /* 1 << KessanStatementKind for each kind */
  const char    **components;   /* NULL-terminated, or NULL */
  const char    **subtracted;   /* the rows a difference takes away
                                 * ("less"), NULL-terminated, or NULL */
} Concept;

typedef struct
{
  const char          *pattern;   /* folded */
  gsize                length;
  const char          *topic;
  KessanStatementKind  kind;
  gboolean             numbered;
  guint64              bytes[4];  /* the byte values the pattern holds */
} TablePattern;

/* Marks in @set every byte value of @text. */
static void
byte_set_add (guint64     set[4],
              const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    set[*p >> 6] |= G_GUINT64_CONSTANT (1) << (*p & 63);
}

struct _KessanConcepts
{
  GObject        parent_instance;

  /* Every string of the dictionary lives in one chunk, so that the
   * concepts, the indexes and the returned pointers share it. */
  GStringChunk  *strings;
  GPtrArray     *concepts;      /* Concept, owned, in file order */
  GHashTable    *by_key;        /* key → Concept */
  GHashTable    *by_label;      /* folded label → GPtrArray of Concept */
  GHashTable    *by_element;    /* tagged element name → Concept */
  GArray        *patterns;      /* TablePattern, in file order */
  const char   **keys;          /* NULL-terminated, in file order */
  const char   **topics;        /* NULL-terminated, distinct, in file order */

  /* Folded labels already seen: the same labels come back in every
   * release, and folding is the costly part of a lookup. */
  GMutex         fold_lock;
  GHashTable    *folds;         /* label → folded label */
};

#define MAX_CACHED_FOLDS 65536

static char *
fold_cached (KessanConcepts *self,
             const char     *label)
{
  char *folded;

  g_mutex_lock (&self->fold_lock);
  folded = g_strdup (g_hash_table_lookup (self->folds, label));
  g_mutex_unlock (&self->fold_lock);
  if (folded != NULL)
    return folded;

  folded = kessan_concepts_fold_label (label);
  g_mutex_lock (&self->fold_lock);
  if (g_hash_table_size (self->folds) >= MAX_CACHED_FOLDS)
    g_hash_table_remove_all (self->folds);
  g_hash_table_insert (self->folds, g_strdup (label), g_strdup (folded));
  g_mutex_unlock (&self->fold_lock);
  return folded;
}

G_DEFINE_FINAL_TYPE (KessanConcepts, kessan_concepts, G_TYPE_OBJECT)

static void
concept_free (gpointer data)
{
  Concept *concept = data;

  g_free (concept->components);
  g_free (concept->subtracted);
  g_free (concept);
}

static void
kessan_concepts_finalize (GObject *object)
{
  KessanConcepts *self = KESSAN_CONCEPTS (object);

  g_clear_pointer (&self->by_label, g_hash_table_unref);
  g_clear_pointer (&self->by_element, g_hash_table_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->concepts, g_ptr_array_unref);
  g_clear_pointer (&self->patterns, g_array_unref);
  g_clear_pointer (&self->keys, g_free);
  g_clear_pointer (&self->topics, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->folds, g_hash_table_unref);
  g_mutex_clear (&self->fold_lock);

  G_OBJECT_CLASS (kessan_concepts_parent_class)->finalize (object);
}

static void
kessan_concepts_class_init (KessanConceptsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kessan_concepts_finalize;
}

static void
kessan_concepts_init (KessanConcepts *self)
{
  self->strings = g_string_chunk_new (4096);
  self->concepts = g_ptr_array_new_with_free_func (concept_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_element = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_label = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);
  self->patterns = g_array_new (FALSE, FALSE, sizeof (TablePattern));
  self->folds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&self->fold_lock);
}

/* Folding */

static gboolean
is_dash (gunichar c)
{
  switch (c)
    {
    case 0x002D: /* - */
    case 0x2010: /* ‐ */
    case 0x2011: /* ‑ */
    case 0x2012: /* ‒ */
    case 0x2013: /* – */
    case 0x2014: /* — */
    case 0x2015: /* ― */
    case 0x2212: /* − */
    case 0xFE58: /* ﹘ */
    case 0xFE63: /* ﹣ */
    case 0xFF0D: /* － */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_apostrophe (gunichar c)
{
  switch (c)
    {
    case 0x0027: /* ' */
    case 0x0060: /* ` */
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201B: /* ‛ */
    case 0x2032: /* ′ */
    case 0xFF07: /* ＇ */
      return TRUE;
    default:
      return FALSE;
    }
}

/* The releases come as markdown: "<i>IP Service</i>", "<u>188,860</u>",
 * "\$1".  Short ASCII tags and backslash escapes are dropped. */
static char *
strip_markup (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      if (p[0] == '<')
        {
          const char *q = p + 1;
          guint letters = 0;

          if (*q == '/')
            q++;
          while (g_ascii_isalpha (q[letters]) && letters < 5)
            letters++;
          if (letters > 0 && letters <= 4 && q[letters] == '>')
            {
              p = q + letters + 1;
              continue;
            }
        }
      if (p[0] == '\\' && g_ascii_ispunct (p[1]))
        {
          p++;
          continue;
        }
      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_marker_letter (const char *start,
                  const char *at)
{
  const char *prev = g_utf8_find_prev_char (start, at);
  gunichar c;

  if (prev == NULL)
    return FALSE;
  c = g_utf8_get_char (prev);
  return c == ')' || g_unichar_isalpha (c);
}

/* Removes one footnote marker or heading colon from the end of @s, and
 * says whether it did.  @s may hold single spaces between words; spaces
 * before a marker go with it.  Markers: "Revenues:", "services(2)",
 * "(*)", "(*3)", "(*)3", "^{(*)4}", "Others4", and "⁽²⁾" or "⁴" once
 * NFKC has turned them into "(2)" and "4".  A label never loses its last
 * characters to this: "(2)" alone stays. */
static gboolean
strip_trailing_marker (GString *s)
{
  gsize len = s->len;
  gsize digits = 0;

  while (len > 0 && s->str[len - 1] == ' ')
    len--;
  if (len < s->len)
    {
      g_string_truncate (s, len);
      return TRUE;
    }
  if (len == 0)
    return FALSE;

  if (len > 1 && (s->str[len - 1] == ':' || s->str[len - 1] == '*'))
    {
      g_string_truncate (s, len - 1);
      return TRUE;
    }

  if (s->str[len - 1] == '}')
    {
      for (gsize i = len - 1; i >= 2; i--)
        {
          if (s->str[i - 1] == '{' && s->str[i - 2] == '^')
            {
              if (i - 2 > 0)
                {
                  g_string_truncate (s, i - 2);
                  return TRUE;
                }
              return FALSE;
            }
          if (s->str[i - 1] == '}')
            return FALSE;
        }
      return FALSE;
    }

  while (digits < len && g_ascii_isdigit (s->str[len - 1 - digits]))
    digits++;

  if (digits < len && s->str[len - 1 - digits] == ')')
    {
      gsize close = len - 1 - digits;
      gsize open = close;
      gsize inner = 0;
      gboolean star = FALSE;

      /* "(2)", "(*)", "(*3)", each with up to two more digits after it */
      while (open > 0 && g_ascii_isdigit (s->str[open - 1]) && inner < 3)
        {
          open--;
          inner++;
        }
      if (open > 0 && s->str[open - 1] == '*')
        {
          open--;
          star = TRUE;
        }
      if ((inner > 0 || star) && inner <= 2 && digits <= 2
          && open > 1 && s->str[open - 1] == '(')
        {
          g_string_truncate (s, open - 1);
          return TRUE;
        }
    }

  if (digits > 0 && digits <= 2 && digits < len)
    {
      gsize before = len - digits;

      /* "Others 4" as well as "Others4" */
      while (before > 0 && s->str[before - 1] == ' ')
        before--;
      if (before > 0 && is_marker_letter (s->str, s->str + before))
        {
          g_string_truncate (s, len - digits);
          return TRUE;
        }
    }

  return FALSE;
}

/* NFKC, case folding, one kind of dash, no apostrophes, markup and
 * markers gone, runs of white space squeezed to one space. */
static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

static GString *
normalize_label (const char *label)
{
  g_autofree char *plain = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  /* Most labels are ASCII, where NFKC changes nothing and case folding
   * is plain lower-casing: this runs for every row of every release.
   * Without markup either, the label is folded as it is read. */
  if (is_ascii (label) && strpbrk (label, "<\\") == NULL)
    {
      out = g_string_sized_new (strlen (label));
      for (const char *p = label; *p != '\0'; p++)
        {
          if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            {
              space = out->len > 0;
              continue;
            }
          if (*p == '\'' || *p == '`')
            continue;
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, g_ascii_tolower (*p));
        }
      while (strip_trailing_marker (out))
        ;
      return out;
    }
  if (is_ascii (label))
    {
      plain = strip_markup (label);
      folded = g_ascii_strdown (plain, -1);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (label, -1);
      g_autofree char *nfkc = NULL;

      plain = strip_markup (valid);
      nfkc = g_utf8_normalize (plain, -1, G_NORMALIZE_NFKC);
      folded = g_utf8_casefold (nfkc != NULL ? nfkc : plain, -1);
    }
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c;

      /* ASCII the quick way, as the rules below take it: the spaces
       * g_unichar_isspace () knows, the two apostrophes, no format
       * characters, and "-" is the dash. */
      if ((guchar) *p < 0x80)
        {
          if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            {
              space = out->len > 0;
              continue;
            }
          if (*p == '\'' || *p == '`')
            continue;
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
          continue;
        }

      c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (is_apostrophe (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      if (is_dash (c))
        c = '-';
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  while (strip_trailing_marker (out))
    ;

  return out;
}

static char *
squeeze_spaces (GString *s)
{
  gsize j = 0;

  for (gsize i = 0; i < s->len; i++)
    if (s->str[i] != ' ')
      s->str[j++] = s->str[i];
  g_string_truncate (s, j);

  return g_string_free (s, FALSE);
}

/**
 * kessan_concepts_fold_label:
 * @label: a row label or a table title, as printed
 *
 * Reduces @label to the form every comparison of the dictionary uses:
 * NFKC, case folded, without white space, with the dashes – — ― ‐ −
 * as "-", without apostrophes, without markdown tags ("<i>", "<u>") and
 * backslash escapes, and without a trailing colon or footnote markers
 * ("(2)", "⁽²⁾", "(*)3", "^{(*)4}", "Others4").
 *
 * "Total liabilities and shareholders’ equity (capital deficiency):"
 * and "Total liabilities and shareholders' equity(capital deficiency)"
 * fold alike, as do "ＩＰサービス　（２）" and "IPサービス".
 *
 * Returns: (transfer full): the folded label
 */
char *
kessan_concepts_fold_label (const char *label)
{
  g_return_val_if_fail (label != NULL, NULL);

  return squeeze_spaces (normalize_label (label));
}

/**
 * kessan_concepts_make_key:
 * @label: the label of a row the dictionary does not know
 *
 * Makes a key for a row without a concept, so that the same unknown row
 * gets the same key in every release.  The key is "x." followed by a
 * lower-case ASCII slug of the folded label ("Frobnication fees" gives
 * "x.frobnicationfees"), or, when the label has characters outside
 * ASCII, by the first twelve hex digits of the SHA-1 of the folded label.
 * Labels that fold alike get the same key.
 *
 * Returns: (transfer full): the key
 */
static char *
key_of_folded (const char *folded)
{
  g_autofree char *hash = NULL;
  g_autoptr(GString) slug = NULL;
  gboolean ascii = TRUE;

  slug = g_string_new ("x.");
  for (const char *p = folded; *p != '\0' && ascii; p++)
    {
      if ((guchar) *p >= 0x80)
        ascii = FALSE;
      else if (g_ascii_isalnum (*p))
        g_string_append_c (slug, *p);
      else if (slug->len > 2 && slug->str[slug->len - 1] != '_')
        g_string_append_c (slug, '_');
    }
  while (slug->len > 2 && slug->str[slug->len - 1] == '_')
    g_string_truncate (slug, slug->len - 1);

  /* The hash only when it is part of the key: this runs for every row
   * the dictionary does not know. */
  if (!ascii || slug->len == 2)
    {
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, folded, -1);
      return g_strdup_printf ("x.%.*s", HASH_LENGTH, hash);
    }

  if (slug->len - 2 > MAX_SLUG_LENGTH)
    {
      hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, folded, -1);
      g_string_truncate (slug, 2 + CUT_SLUG_LENGTH);
      g_string_append_c (slug, '_');
      g_string_append_len (slug, hash, 8);
    }

  return g_string_free (g_steal_pointer (&slug), FALSE);
}

char *
kessan_concepts_make_key (const char *label)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (label != NULL, NULL);

  folded = kessan_concepts_fold_label (label);
  return key_of_folded (folded);
}

/**
 * kessan_concepts_make_key_for:
 * @self: a #KessanConcepts
 * @label: the label of a row the dictionary does not know
 *
 * The same key as kessan_concepts_make_key(), with the label folded
 * through @self's cache: a label just looked up is not folded again.
 *
 * Returns: (transfer full): the key
 */
char *
kessan_concepts_make_key_for (KessanConcepts *self,
                              const char     *label)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (KESSAN_IS_CONCEPTS (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  folded = fold_cached (self, label);
  return key_of_folded (folded);
}

/* Loading */

static gboolean
is_valid_key (const char *key)
{
  gboolean segment_start = TRUE;

  if (key == NULL || *key == '\0')
    return FALSE;

  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          if (segment_start)
            return FALSE;
          segment_start = TRUE;
          continue;
        }
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
        return FALSE;
      segment_start = FALSE;
    }

  return !segment_start;
}

static gboolean
format_error (GError     **error,
              const char  *format,
              ...) G_GNUC_PRINTF (2, 3);

static gboolean
format_error (GError     **error,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT,
               "The concept dictionary is invalid: %s", message);
  return FALSE;
}

/* Reads an optional string member: FALSE only when it is there but is
 * not a string. */
static gboolean
get_string (JsonObject  *object,
            const char  *name,
            const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_boolean (JsonObject *object,
             const char *name,
             gboolean   *value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* Reads an optional array of strings into @strings (borrowed from the
 * parser). */
static gboolean
get_strings (JsonObject *object,
             const char *name,
             GPtrArray  *strings)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return FALSE;
      g_ptr_array_add (strings, (gpointer) json_node_get_string (element));
    }

  return TRUE;
}

static gboolean
load_tables (KessanConcepts  *self,
             JsonArray       *tables,
             GError         **error)
{
  g_autoptr(GHashTable) topic_kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (tables); i++)
    {
      JsonNode *node = json_array_get_element (tables, i);
      g_autoptr(GPtrArray) patterns = g_ptr_array_new ();
      JsonObject *object;
      const char *topic;
      const char *kind_name;
      KessanStatementKind kind;
      gboolean numbered;
      gpointer known_kind;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return format_error (error, "table %u is not an object", i);
      object = json_node_get_object (node);

      if (!get_string (object, "topic", &topic) || !is_valid_key (topic))
        return format_error (error, "table %u has no valid topic", i);
      if (!get_string (object, "kind", &kind_name)
          || !kessan_statement_kind_from_string (kind_name, &kind))
        return format_error (error, "table “%s” has no valid kind", topic);
      if (!get_boolean (object, "numbered", &numbered))
        return format_error (error, "“numbered” of table “%s” is not a boolean", topic);
      if (!get_strings (object, "en", patterns) || !get_strings (object, "ja", patterns))
        return format_error (error, "the titles of table “%s” are not arrays of strings", topic);
      if (patterns->len == 0)
        return format_error (error, "table “%s” has no title", topic);

      /* One topic may take several entries (numbered titles and
       * sentences), but it is always the same kind of statement. */
      topic = g_string_chunk_insert_const (self->strings, topic);
      if (g_hash_table_lookup_extended (topic_kinds, topic, NULL, &known_kind))
        {
          if (GPOINTER_TO_UINT (known_kind) != (guint) kind)
            return format_error (error, "table “%s” is given two kinds", topic);
        }
      else
        {
          g_hash_table_insert (topic_kinds, (gpointer) topic, GUINT_TO_POINTER (kind));
          g_ptr_array_add (topics, (gpointer) topic);
        }

      for (guint j = 0; j < patterns->len; j++)
        {
          g_autofree char *folded = kessan_concepts_fold_label (g_ptr_array_index (patterns, j));
          TablePattern pattern;

          if (*folded == '\0')
            return format_error (error, "table “%s” has an empty title", topic);

          pattern.pattern = g_string_chunk_insert_const (self->strings, folded);
          pattern.length = strlen (folded);
          pattern.topic = topic;
          pattern.kind = kind;
          pattern.numbered = numbered;
          memset (pattern.bytes, 0, sizeof pattern.bytes);
          byte_set_add (pattern.bytes, folded);
          g_array_append_val (self->patterns, pattern);
        }
    }

  g_ptr_array_add (topics, NULL);
  self->topics = (const char **) g_ptr_array_free (g_steal_pointer (&topics), FALSE);

  return TRUE;
}

static gboolean
sections_equal (const char *a,
                const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static gboolean
add_label (KessanConcepts  *self,
           Concept         *concept,
           const char      *label,
           GError         **error)
{
  g_autofree char *folded = kessan_concepts_fold_label (label);
  GPtrArray *candidates;

  if (*folded == '\0')
    return format_error (error, "concept “%s” has an empty label", concept->pub.key);

  candidates = g_hash_table_lookup (self->by_label, folded);
  if (candidates == NULL)
    {
      candidates = g_ptr_array_new ();
      g_hash_table_insert (self->by_label,
                           g_string_chunk_insert_const (self->strings, folded),
                           candidates);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Concept *other = g_ptr_array_index (candidates, i);

      if (other == concept)
        return TRUE;

      /* Two concepts that share a label, a kind and a section could never
       * be told apart: the second would be unreachable. */
      if ((other->kinds & concept->kinds) != 0
          && sections_equal (other->pub.section, concept->pub.section))
        return format_error (error,
                             "concepts “%s” and “%s” share the label “%s” in the same kind and section",
                             other->pub.key, concept->pub.key, label);
    }

  g_ptr_array_add (candidates, concept);
  return TRUE;
}

static gboolean
load_concept (KessanConcepts  *self,
              JsonNode        *node,
              guint            index,
              GPtrArray       *sums,
              GError         **error)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(GPtrArray) synonyms = g_ptr_array_new ();
  g_autoptr(GPtrArray) components = g_ptr_array_new ();
  g_autoptr(GPtrArray) subtracted = g_ptr_array_new ();
  g_autoptr(GPtrArray) elements = g_ptr_array_new ();
  JsonObject *object;
  Concept *concept;
  const char *key;
  const char *en;
  const char *ja;
  const char *section;
  gboolean heading;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return format_error (error, "concept %u is not an object", index);
  object = json_node_get_object (node);

  if (!get_string (object, "key", &key) || !is_valid_key (key))
    return format_error (error, "concept %u has no valid key", index);
  if (g_hash_table_contains (self->by_key, key))
    return format_error (error, "the key “%s” is used twice", key);
  if (!get_string (object, "en", &en) || !get_string (object, "ja", &ja))
    return format_error (error, "the labels of concept “%s” are not strings", key);
  if (en == NULL && ja == NULL)
    return format_error (error, "concept “%s” has neither an English nor a Japanese label", key);
  if (!get_string (object, "section", &section) || (section != NULL && !is_valid_key (section)))
    return format_error (error, "concept “%s” has an invalid section", key);
  if (!get_boolean (object, "heading", &heading))
    return format_error (error, "“heading” of concept “%s” is not a boolean", key);
  if (!get_strings (object, "kinds", kinds) || kinds->len == 0)
    return format_error (error, "concept “%s” has no list of kinds", key);
  if (!get_strings (object, "synonyms", synonyms))
    return format_error (error, "the synonyms of concept “%s” are not strings", key);
  if (!get_strings (object, "sum_of", components))
    return format_error (error, "“sum_of” of concept “%s” is not a list of keys", key);
  if (!get_strings (object, "less", subtracted))
    return format_error (error, "“less” of concept “%s” is not a list of keys", key);
  if (subtracted->len > 0 && components->len == 0)
    return format_error (error, "concept “%s” subtracts from no sum", key);
  if (!get_strings (object, "elements", elements))
    return format_error (error, "the elements of concept “%s” are not strings", key);

  concept = g_new0 (Concept, 1);
  g_ptr_array_add (self->concepts, concept);

  concept->pub.key = g_string_chunk_insert_const (self->strings, key);
  concept->pub.label_en = en != NULL ? g_string_chunk_insert_const (self->strings, en) : NULL;
  concept->pub.label_ja = ja != NULL ? g_string_chunk_insert_const (self->strings, ja) : NULL;
  concept->pub.section = section != NULL ? g_string_chunk_insert_const (self->strings, section) : NULL;
  concept->pub.heading = heading;
  g_hash_table_insert (self->by_key, (gpointer) concept->pub.key, concept);
  for (guint i = 0; i < elements->len; i++)
    {
      const char *element = g_ptr_array_index (elements, i);

      if (g_hash_table_contains (self->by_element, element))
        return format_error (error, "the element “%s” is mapped twice", element);
      g_hash_table_insert (self->by_element, g_string_chunk_insert_const (self->strings, element), concept);
    }

  for (guint i = 0; i < kinds->len; i++)
    {
      KessanStatementKind kind;

      if (!kessan_statement_kind_from_string (g_ptr_array_index (kinds, i), &kind))
        return format_error (error, "concept “%s” names the unknown kind “%s”",
                             key, (const char *) g_ptr_array_index (kinds, i));
      concept->kinds |= 1u << kind;
    }

  if (subtracted->len > 0)
    {
      concept->subtracted = g_new0 (const char *, subtracted->len + 1);
      for (guint i = 0; i < subtracted->len; i++)
        concept->subtracted[i] = g_string_chunk_insert_const (self->strings,
                                                              g_ptr_array_index (subtracted, i));
    }
  if (components->len > 0)
    {
      concept->components = g_new0 (const char *, components->len + 1);
      for (guint i = 0; i < components->len; i++)
        concept->components[i] = g_string_chunk_insert_const (self->strings,
                                                              g_ptr_array_index (components, i));
      g_ptr_array_add (sums, concept);
    }

  if ((en != NULL && !add_label (self, concept, en, error))
      || (ja != NULL && !add_label (self, concept, ja, error)))
    return FALSE;
  for (guint i = 0; i < synonyms->len; i++)
    if (!add_label (self, concept, g_ptr_array_index (synonyms, i), error))
      return FALSE;

  return TRUE;
}

static gboolean
load_concepts (KessanConcepts  *self,
               JsonArray       *concepts,
               GError         **error)
{
  g_autoptr(GPtrArray) sums = g_ptr_array_new ();
  guint n = json_array_get_length (concepts);

  for (guint i = 0; i < n; i++)
    if (!load_concept (self, json_array_get_element (concepts, i), i, sums, error))
      return FALSE;

  /* Sums may name concepts defined further down, so they are checked
   * once every key is known. */
  for (guint i = 0; i < sums->len; i++)
    {
      Concept *concept = g_ptr_array_index (sums, i);

      for (guint j = 0; concept->components[j] != NULL; j++)
        {
          const char *component = concept->components[j];

          if (strcmp (component, concept->pub.key) == 0)
            return format_error (error, "concept “%s” is a sum of itself", component);
          if (!g_hash_table_contains (self->by_key, component))
            return format_error (error, "concept “%s” sums the unknown key “%s”",
                                 concept->pub.key, component);
        }
      for (guint j = 0; concept->subtracted != NULL && concept->subtracted[j] != NULL; j++)
        if (!g_hash_table_contains (self->by_key, concept->subtracted[j]))
          return format_error (error, "concept “%s” subtracts the unknown key “%s”",
                               concept->pub.key, concept->subtracted[j]);
    }

  self->keys = g_new0 (const char *, self->concepts->len + 1);
  for (guint i = 0; i < self->concepts->len; i++)
    self->keys[i] = ((Concept *) g_ptr_array_index (self->concepts, i))->pub.key;

  return TRUE;
}

/**
 * kessan_concepts_new_from_bytes:
 * @json: the dictionary, as JSON (see docs/concepts.md)
 * @error: return location for a #GError
 *
 * Loads a concept dictionary.  Fails with %KESSAN_ERROR_FORMAT when @json
 * is not JSON, is not a dictionary of version 1, or breaks one of its
 * rules: keys unique and well formed, every concept with a label and at
 * least one kind, every key of a "sum_of" defined, no two concepts that
 * share a label, a kind and a section.
 *
 * Returns: (transfer full) (nullable): the dictionary, or %NULL on error
 */
KessanConcepts *
kessan_concepts_new_from_bytes (GBytes  *json,
                                GError **error)
{
  g_autoptr(KessanConcepts) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode *node;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (json, &size);
  if (size == 0 || size > G_MAXSSIZE)
    {
      format_error (error, "it is empty");
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &local_error))
    {
      format_error (error, "%s", local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      format_error (error, "the top level is not an object");
      return NULL;
    }
  root = json_node_get_object (node);

  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) != CONCEPTS_VERSION)
    {
      format_error (error, "it is not of version %d", CONCEPTS_VERSION);
      return NULL;
    }

  self = g_object_new (KESSAN_TYPE_CONCEPTS, NULL);

  node = json_object_get_member (root, "tables");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      format_error (error, "it has no array of tables");
      return NULL;
    }
  if (!load_tables (self, json_node_get_array (node), error))
    return NULL;

  node = json_object_get_member (root, "concepts");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      format_error (error, "it has no array of concepts");
      return NULL;
    }
  if (!load_concepts (self, json_node_get_array (node), error))
    return NULL;

  g_debug ("Loaded %u concepts and %u table titles",
           self->concepts->len, self->patterns->len);

  return g_steal_pointer (&self);
}

/**
 * kessan_concepts_get_default:
 *
 * The dictionary bundled with the engine, loaded once.  A broken bundled
 * dictionary is a bug of the build, so it aborts rather than fails.
 *
 * Returns: (transfer none): the bundled dictionary
 */
KessanConcepts *
kessan_concepts_get_default (void)
{
  static KessanConcepts *instance;

  if (g_once_init_enter (&instance))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      KessanConcepts *concepts;

      /* Asking the engine's resource by name, rather than the global
       * registry, links it in: libkessan is a static library, and an
       * object file nothing refers to would be left out, constructor and
       * all. */
      bytes = g_resource_lookup_data (kessan_engine_get_resource (), CONCEPTS_RESOURCE,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        g_error ("The bundled concept dictionary is missing: %s", error->message);

      concepts = kessan_concepts_new_from_bytes (bytes, &error);
      if (concepts == NULL)
        g_error ("%s", error->message);

      g_once_init_leave (&instance, concepts);
    }

  return instance;
}

/* Lookups */

enum {
  RANK_SECTION,         /* the kind, and the section given */
  RANK_ANCESTOR,        /* the kind, and a section the given one lies in */
  RANK_NO_SECTION,      /* the kind, and no section */
  RANK_DESCENDANT,      /* the kind, and a section within the given one */
  RANK_KIND,            /* the kind, another section */
  RANK_ANY,             /* another kind */
};

static gboolean
section_contains (const char *outer,
                  const char *inner,
                  gsize       outer_length)
{
  return strncmp (inner, outer, outer_length) == 0 && inner[outer_length] == '.';
}

static guint
rank_concept (const Concept       *concept,
              KessanStatementKind  kind,
              const char          *section,
              gsize               *depth)
{
  const char *own = concept->pub.section;
  gsize length;

  *depth = 0;
  if ((concept->kinds & (1u << kind)) == 0)
    return RANK_ANY;
  if (own == NULL)
    return RANK_NO_SECTION;
  if (section == NULL)
    return RANK_KIND;
  if (strcmp (own, section) == 0)
    return RANK_SECTION;

  length = strlen (own);
  if (section_contains (own, section, length))
    {
      *depth = length;
      return RANK_ANCESTOR;
    }
  if (section_contains (section, own, strlen (section)))
    return RANK_DESCENDANT;

  return RANK_KIND;
}

/**
 * kessan_concepts_lookup:
 * @self: a #KessanConcepts
 * @kind: the kind of statement the row is in
 * @section: (nullable): the key of the heading the row sits under, or the
 *   table's topic when no heading was printed
 * @label: the row label, as printed
 *
 * Finds the concept a row reports.  The folded @label is compared with
 * the English and Japanese labels and the synonyms of every concept;
 * when several concepts print the same words ("Other", "その他", "Net
 * loss"), the one that fits best wins:
 *
 * 1. one of @kind whose section is @section;
 * 2. one of @kind whose section contains @section (the section
 *    "revenues" contains "revenues.connectivity_vas"), the innermost first;
 * 3. one of @kind without a section;
 * 4. one of @kind whose section lies within @section (a table's topic
 *    "kpi.contracts" holds "kpi.contracts.dedicated");
 * 5. one of @kind in another section;
 * 6. one of another kind;
 *
 * and among equals, the first in the dictionary.
 *
 * To keep the section right, a parser sets it to the table's topic when
 * a table starts, to the key of each heading it reads, and to the
 * section of each row it matches: that way the rows after
 * "Total Dedicated Access Services" are read in the dial-up block, whose
 * "Others" is not the dedicated-access "Others".
 *
 * Returns: (nullable) (transfer none): the concept, or %NULL when no
 *   concept has the label
 */
const KessanConcept *
kessan_concepts_lookup (KessanConcepts      *self,
                        KessanStatementKind  kind,
                        const char          *section,
                        const char          *label)
{
  g_autofree char *folded = NULL;
  GPtrArray *candidates;
  const Concept *best = NULL;
  guint best_rank = G_MAXUINT;
  gsize best_depth = 0;

  g_return_val_if_fail (KESSAN_IS_CONCEPTS (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  folded = fold_cached (self, label);
  candidates = g_hash_table_lookup (self->by_label, folded);
  if (candidates == NULL)
    return NULL;

  if ((guint) kind >= 32)
    kind = KESSAN_STATEMENT_KIND_OTHER;

  for (guint i = 0; i < candidates->len; i++)
    {
      const Concept *concept = g_ptr_array_index (candidates, i);
      gsize depth;
      guint rank = rank_concept (concept, kind, section, &depth);

      if (rank < best_rank || (rank == best_rank && depth > best_depth))
        {
          best = concept;
          best_rank = rank;
          best_depth = depth;
        }
    }

  return best != NULL ? &best->pub : NULL;
}

static gboolean
title_is_numbered (const char *folded)
{
  const char *p = folded;

  if (g_str_has_prefix (p, "table"))
    p += strlen ("table");
  else if (g_str_has_prefix (p, "表"))
    {
      /* "表表表表 3." is a bold title printed four times over */
      while (g_str_has_prefix (p, "表"))
        p += strlen ("表");
    }
  else
    return FALSE;

  return g_ascii_isdigit (*p);
}

/**
 * kessan_concepts_find_table_topic:
 * @self: a #KessanConcepts
 * @title: a line that may be a table title
 * @kind: (out) (optional): where to store the kind of statement
 *
 * Tells which table a title announces.  Every title pattern of the
 * dictionary is looked for in the folded @title; patterns of tables
 * marked "numbered" only count in titles that start with "Table N" or
 * "表 N".  The pattern found earliest in the title wins, and the longer
 * one among patterns found at the same place, so that
 * "四半期連結キャッシュフロー計算書" is a quarterly statement and
 * "…reconciliation of adjusted EBITDA to net loss per the consolidated
 * statements of operations…" announces the reconciliation.
 *
 * English statements of operations and of cash flows print the same
 * title for a quarter and for a year: their topics are "income" and
 * "cashflow", and the period line under the title tells the two apart.
 * The Japanese titles differ (四半期連結損益計算書, 連結損益計算書) and
 * give "income.quarter" and "income.year" directly.
 *
 * Returns: (nullable) (transfer none): the table's topic, such as
 *   "balance" or "kpi.contracts", or %NULL when @title names no table
 */
const char *
kessan_concepts_find_table_topic (KessanConcepts      *self,
                                  const char          *title,
                                  KessanStatementKind *kind)
{
  g_autofree char *folded = NULL;
  const TablePattern *best = NULL;
  gsize best_offset = 0;
  gboolean numbered;
  guint64 present[4] = { 0 };

  g_return_val_if_fail (KESSAN_IS_CONCEPTS (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  folded = fold_cached (self, title);
  numbered = title_is_numbered (folded);
  /* A pattern with a byte the title lacks cannot be in it: most lines
   * asked are not titles, and most patterns are skipped without a
   * search. */
  byte_set_add (present, folded);

  for (guint i = 0; i < self->patterns->len; i++)
    {
      const TablePattern *pattern = &g_array_index (self->patterns, TablePattern, i);
      const char *found;
      gsize offset;

      if (pattern->numbered && !numbered)
        continue;
      if ((pattern->bytes[0] & ~present[0]) | (pattern->bytes[1] & ~present[1])
          | (pattern->bytes[2] & ~present[2]) | (pattern->bytes[3] & ~present[3]))
        continue;
      found = strstr (folded, pattern->pattern);
      if (found == NULL)
        continue;

      offset = found - folded;
      if (best == NULL || offset < best_offset
          || (offset == best_offset && pattern->length > best->length))
        {
          best = pattern;
          best_offset = offset;
        }
    }

  if (best == NULL)
    return NULL;
  if (kind != NULL)
    *kind = best->kind;
  return best->topic;
}

/**
 * kessan_concepts_get:
 * @self: a #KessanConcepts
 * @key: a concept key, such as "revenues.total"
 *
 * Returns: (nullable) (transfer none): the concept of @key, or %NULL
 */
const KessanConcept *
kessan_concepts_get (KessanConcepts *self,
                     const char     *key)
{
  const Concept *concept;

  g_return_val_if_fail (KESSAN_IS_CONCEPTS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  concept = g_hash_table_lookup (self->by_key, key);
  return concept != NULL ? &concept->pub : NULL;
}

/**
 * kessan_concepts_get_components:
 * @self: a #KessanConcepts
 * @key: the key of a total, such as "assets.current.total"
 *
 * The rows a total adds up, with the signs they are printed with.  A
 * statement need not print all of them: a missing component counts as
 * nil.
 *
 * Returns: (nullable) (transfer none) (array zero-terminated=1): the keys
 *   of the components, or %NULL when @key is not a sum
 */
const char * const *
kessan_concepts_get_components (KessanConcepts *self,
                                const char     *key)
{
  const Concept *concept;

  g_return_val_if_fail (KESSAN_IS_CONCEPTS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  concept = g_hash_table_lookup (self->by_key, key);
  return concept != NULL ? (const char * const *) concept->components : NULL;
}

/**
 * kessan_concepts_get_subtracted:
 * @self: a #KessanConcepts
 * @key: the key of a difference, such as "gross_profit"
 *
 * The rows a total takes away from its components ("less" in the
 * dictionary): gross profit is net sales less the cost of sales, both
 * printed as positive amounts.
 *
 * Returns: (nullable) (transfer none) (array zero-terminated=1): the keys
 *   subtracted, or %NULL
 */
const char * const *
kessan_concepts_get_subtracted (KessanConcepts *self,
                                const char     *key)
{
  const Concept *concept;

  g_return_val_if_fail (KESSAN_IS_CONCEPTS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  concept = g_hash_table_lookup (self->by_key, key);
  return concept != NULL ? (const char * const *) concept->subtracted : NULL;
}

/**
 * kessan_concepts_get_keys:
 * @self: a #KessanConcepts
 *
 * Returns: (transfer none) (array zero-terminated=1): every key of the
 *   dictionary, in the order of the file
 */
const char * const *
kessan_concepts_get_keys (KessanConcepts *self)
{
  g_return_val_if_fail (KESSAN_IS_CONCEPTS (self), NULL);

  return (const char * const *) self->keys;
}

/**
 * kessan_concepts_get_topics:
 * @self: a #KessanConcepts
 *
 * Returns: (transfer none) (array zero-terminated=1): every table topic
 *   of the dictionary, once each, in the order of the file
 */
const char * const *
kessan_concepts_get_topics (KessanConcepts *self)
{
  g_return_val_if_fail (KESSAN_IS_CONCEPTS (self), NULL);

  return (const char * const *) self->topics;
}

/**
 * kessan_concepts_has_kind:
 * @self: a #KessanConcepts
 * @key: a concept key
 * @kind: a kind of statement
 *
 * Returns: whether the concept of @key occurs in statements of @kind
 */
gboolean
kessan_concepts_has_kind (KessanConcepts      *self,
                          const char          *key,
                          KessanStatementKind  kind)
{
  const Concept *concept;

  g_return_val_if_fail (KESSAN_IS_CONCEPTS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  concept = g_hash_table_lookup (self->by_key, key);
  return concept != NULL && (guint) kind < 32 && (concept->kinds & (1u << kind)) != 0;
}

/**
 * kessan_concepts_lookup_element:
 * @self: a #KessanConcepts
 * @element: a tagged element's qualified name ("jppfs_cor:NetSales")
 *
 * Returns: (nullable): the concept the dictionary maps @element to
 */
const KessanConcept *
kessan_concepts_lookup_element (KessanConcepts *self,
                                const char     *element)
{
  Concept *concept;

  g_return_val_if_fail (KESSAN_IS_CONCEPTS (self), NULL);

  concept = element != NULL ? g_hash_table_lookup (self->by_element, element) : NULL;
  return concept != NULL ? &concept->pub : NULL;
}
