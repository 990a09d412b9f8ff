/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-series"

#include "config.h"

#include <math.h>

#include "kessan-series.h"
#include "kessan-series-private.h"
#include "kessan-concepts.h"
#include "kessan-export-private.h"
#include "kessan-json-writer-private.h"

/* A KessanSeriesSet written out, as CSV and as JSON (docs/series.md). */


static const char *
unit_name (KessanUnit unit)
{
  switch (unit)
    {
    case KESSAN_UNIT_CURRENCY:
      return "yen";
    case KESSAN_UNIT_PERCENT:
      return "percent";
    case KESSAN_UNIT_COUNT:
      return "count";
    case KESSAN_UNIT_GBPS:
      return "gbps";
    case KESSAN_UNIT_NONE:
    case KESSAN_UNIT_PER_SHARE:
    case KESSAN_UNIT_SHARES:
    default:
      return kessan_unit_to_string (unit);
    }
}

static const char *
check_kind_name (KessanSeriesCheckKind kind)
{
  return kind == KESSAN_SERIES_CHECK_CASH_BEGINNING ? "cash-beginning" : "cash-end";
}

static const char *
check_status_name (KessanSeriesCheckStatus status)
{
  switch (status)
    {
    case KESSAN_SERIES_CHECK_MATCH:
      return "match";
    case KESSAN_SERIES_CHECK_MISMATCH:
      return "mismatch";
    case KESSAN_SERIES_CHECK_MISSING:
    default:
      return "missing";
    }
}

/* Numbers are written with the decimals they have in their unit, in the C
 * locale whatever the user's: "9185259000", "9.4", "-9.0336". */
static void
append_number (GString *out,
               double   value,
               guint    decimals)
{
  char buf[KESSAN_JSON_NUMBER_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  value = kessan_series_round_to (value, decimals);
  if (!kessan_json_format_fixed (buf, sizeof buf, value, decimals))
    g_ascii_dtostr (buf, sizeof buf, value);
  g_string_append (out, buf);
}

static GPtrArray *
compile_patterns (const char * const *concepts)
{
  GPtrArray *patterns;

  if (concepts == NULL || concepts[0] == NULL)
    return NULL;
  patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_pattern_spec_free);
  for (guint i = 0; concepts[i] != NULL; i++)
    g_ptr_array_add (patterns, g_pattern_spec_new (concepts[i]));
  return patterns;
}

static gboolean
wanted (GPtrArray          *patterns,
        const ConceptEntry *entry)
{
  if (patterns == NULL)
    return TRUE;
  for (guint i = 0; i < patterns->len; i++)
    if (g_pattern_spec_match_string (g_ptr_array_index (patterns, i), entry->key))
      return TRUE;
  return FALSE;
}

static const char *
release_name (const Release *release)
{
  const char *name = kessan_filing_get_source_name (release->filing);

  return name != NULL ? name : "";
}

/* CSV, RFC 4180 as kessan_statement_to_csv() writes it. */

/* The releases behind a point, each once, earliest first. */
static GPtrArray *
point_releases (const KessanSeriesPoint *point)
{
  g_autoptr(GPtrArray) observations = kessan_series_point_get_observations (point);
  GPtrArray *releases = g_ptr_array_new ();

  for (guint i = 0; i < observations->len; i++)
    {
      const KessanSeriesObservation *observation = g_ptr_array_index (observations, i);

      if (releases->len == 0 || g_ptr_array_index (releases, releases->len - 1) != observation->release)
        g_ptr_array_add (releases, observation->release);
    }
  return releases;
}

static void
append_csv_point (GString                 *out,
                  const KessanSeriesPoint *point)
{
  g_string_append_c (out, ',');
  kessan_csv_append_field (out, point->period_end);
  g_string_append_c (out, ',');
  if (point->months > 0)
    g_string_append_printf (out, "%u", point->months);
  g_string_append_c (out, ',');
  g_string_append (out, unit_name (point->unit));
  g_string_append_c (out, ',');
  append_number (out, point->value, point->decimals);
  g_string_append_printf (out, ",%u,%s,%s,%s,", point->scale,
                          point->derived ? "true" : "false",
                          point->restated ? "true" : "false",
                          point->inconsistent ? "true" : "false");

  if (!point->derived)
    {
      g_autoptr(GPtrArray) releases = point_releases (point);

      append_number (out, kessan_series_observation_get_value (point->first_published),
                     kessan_series_observation_value_decimals (point->first_published));
      g_string_append_c (out, ',');
      kessan_csv_append_field (out, release_name (point->first_published->release));
      g_string_append_c (out, ',');
      kessan_csv_append_field (out, release_name (point->latest->release));
      g_string_append_c (out, ',');
      {
        GString *names = g_string_new (NULL);

        for (guint i = 0; i < releases->len; i++)
          {
            if (i > 0)
              g_string_append_c (names, ';');
            g_string_append (names, release_name (g_ptr_array_index (releases, i)));
          }
        kessan_csv_append_field (out, names->str);
        g_string_free (names, TRUE);
      }
      g_string_append_c (out, ',');
    }
  else
    {
      g_string_append (out, ",,,,");
      kessan_csv_append_field (out, kessan_series_point_get_formula (point));
    }
  g_string_append (out, "\r\n");
}

/**
 * kessan_series_set_to_csv:
 * @self: a #KessanSeriesSet
 * @concepts: (nullable) (array zero-terminated=1): patterns of the
 *   concepts to write ("revenues.total", "revenues.*"), or %NULL for all
 *
 * The series as CSV, one line per concept and period (the layout is in
 * docs/series.md).
 *
 * Returns: (transfer full): the CSV text
 */
char *
kessan_series_set_to_csv (KessanSeriesSet    *self,
                          const char * const *concepts)
{
  g_autoptr(GPtrArray) patterns = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GString *out;

  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), NULL);

  kessan_series_set_ensure_built (self);
  patterns = compile_patterns (concepts);
  entries = kessan_series_set_sorted_entries (self);
  out = g_string_new ("concept,period_end,months,unit,value,scale,derived,restated,inconsistent,"
                      "first_value,first_release,latest_release,releases,formula\r\n");

  for (guint i = 0; i < entries->len; i++)
    {
      ConceptEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) points = NULL;

      if (!wanted (patterns, entry))
        continue;
      points = kessan_series_entry_sorted_points (entry);
      for (guint p = 0; p < points->len; p++)
        {
          kessan_csv_append_field (out, entry->key);
          append_csv_point (out, g_ptr_array_index (points, p));
        }
    }

  return g_string_free (out, FALSE);
}

/* JSON: one member per line, observations one per line. */

static void
write_number (KessanJsonWriter *w,
              const char       *key,
              double            value,
              guint             decimals)
{
  kessan_json_writer_key (w, key);
  append_number (w->out, value, decimals);
}

static void
write_release_reference (KessanJsonWriter *w,
                         const Release    *release)
{
  kessan_json_writer_string (w, "release", release_name (release));
  kessan_json_writer_string (w, "sha256", kessan_filing_get_source_hash (release->filing));
  kessan_json_writer_string (w, "released", kessan_filing_get_released (release->filing));
}

static void
write_observation (KessanJsonWriter              *w,
                   const KessanSeriesObservation *observation)
{
  KessanLineItem *row = kessan_series_observation_get_row (observation);

  kessan_json_writer_next (w);
  kessan_json_writer_begin (w, '{', TRUE);
  write_release_reference (w, observation->release);
  kessan_json_writer_string (w, "statement", kessan_series_observation_statement_id (observation));
  kessan_json_writer_string (w, "row", row != NULL ? kessan_line_item_get_label (row) : NULL);
  kessan_json_writer_uint (w, "column", observation->column);
  write_number (w, "printed", observation->printed, observation->decimals);
  kessan_json_writer_uint (w, "scale", observation->scale);
  write_number (w, "value", kessan_series_observation_get_value (observation), kessan_series_observation_value_decimals (observation));
  kessan_json_writer_uint (w, "line", observation->line);
  kessan_json_writer_end (w, '}');
}

static void
write_figure (KessanJsonWriter              *w,
              const char                    *key,
              const KessanSeriesObservation *observation)
{
  kessan_json_writer_key (w, key);
  kessan_json_writer_begin (w, '{', TRUE);
  write_release_reference (w, observation->release);
  write_number (w, "value", kessan_series_observation_get_value (observation), kessan_series_observation_value_decimals (observation));
  kessan_json_writer_end (w, '}');
}

static void
write_point (KessanJsonWriter        *w,
             const KessanSeriesPoint *point)
{
  kessan_json_writer_next (w);
  kessan_json_writer_begin (w, '{', FALSE);
  kessan_json_writer_string (w, "period_end", point->period_end);
  kessan_json_writer_uint_or_null (w, "months", point->months);
  write_number (w, "value", point->value, point->decimals);
  kessan_json_writer_uint (w, "scale", point->scale);
  kessan_json_writer_bool (w, "derived", point->derived);
  kessan_json_writer_bool (w, "restated", point->restated);
  kessan_json_writer_bool (w, "inconsistent", point->inconsistent);

  if (point->derived)
    {
      kessan_json_writer_string (w, "formula", point->derivation->formula);
      kessan_json_writer_key (w, "inputs");
      kessan_json_writer_begin (w, '[', FALSE);
      for (guint i = 0; i < point->derivation->n_inputs; i++)
        {
          const KessanSeriesPoint *input = point->derivation->inputs[i];

          kessan_json_writer_next (w);
          kessan_json_writer_begin (w, '{', TRUE);
          kessan_json_writer_string (w, "concept", input->entry->key);
          kessan_json_writer_string (w, "period_end", input->period_end);
          kessan_json_writer_uint_or_null (w, "months", input->months);
          write_number (w, "value", input->value, input->decimals);
          kessan_json_writer_bool (w, "derived", input->derived);
          kessan_json_writer_end (w, '}');
        }
      kessan_json_writer_end (w, ']');
    }
  else
    {
      g_autoptr(GPtrArray) observations = kessan_series_point_get_observations (point);

      write_figure (w, "first_published", point->first_published);
      write_figure (w, "latest", point->latest);
      kessan_json_writer_key (w, "observations");
      kessan_json_writer_begin (w, '[', FALSE);
      for (guint i = 0; i < observations->len; i++)
        write_observation (w, g_ptr_array_index (observations, i));
      kessan_json_writer_end (w, ']');
    }

  kessan_json_writer_end (w, '}');
}

static void
write_check_point (KessanJsonWriter        *w,
                   const char              *key,
                   const KessanSeriesPoint *point)
{
  kessan_json_writer_key (w, key);
  if (point == NULL)
    {
      g_string_append (w->out, "null");
      return;
    }
  kessan_json_writer_begin (w, '{', TRUE);
  kessan_json_writer_string (w, "concept", point->entry->key);
  kessan_json_writer_string (w, "period_end", point->period_end);
  kessan_json_writer_uint_or_null (w, "months", point->months);
  write_number (w, "value", point->value, point->decimals);
  if (point->value_observation != NULL)
    {
      kessan_json_writer_string (w, "release", release_name (point->value_observation->release));
      kessan_json_writer_string (w, "statement", kessan_series_observation_statement_id (point->value_observation));
      kessan_json_writer_uint (w, "line", point->value_observation->line);
    }
  kessan_json_writer_end (w, '}');
}

/**
 * kessan_series_set_to_json:
 * @self: a #KessanSeriesSet
 * @concepts: (nullable) (array zero-terminated=1): patterns of the
 *   concepts to write, or %NULL for all
 *
 * The series as JSON, "format": "kessan-series", with every observation
 * behind each value and the cash checks (see docs/series.md).
 *
 * Returns: (transfer full): the JSON text
 */
char *
kessan_series_set_to_json (KessanSeriesSet    *self,
                           const char * const *concepts)
{
  g_autoptr(GPtrArray) patterns = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) releases = NULL;
  KessanConcepts *dictionary = kessan_concepts_get_default ();
  KessanJsonWriter w = { .out = g_string_new (NULL) };

  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), NULL);

  kessan_series_set_ensure_built (self);
  patterns = compile_patterns (concepts);
  entries = kessan_series_set_sorted_entries (self);
  releases = g_ptr_array_ref (self->ranked);

  kessan_json_writer_begin (&w, '{', FALSE);
  kessan_json_writer_string (&w, "format", "kessan-series");
  kessan_json_writer_uint (&w, "version", 1);

  kessan_json_writer_key (&w, "releases");
  kessan_json_writer_begin (&w, '[', FALSE);
  for (guint i = 0; i < releases->len; i++)
    {
      const Release *release = g_ptr_array_index (releases, i);
      KessanFiling *filing = release->filing;

      kessan_json_writer_next (&w);
      kessan_json_writer_begin (&w, '{', TRUE);
      kessan_json_writer_string (&w, "name", release_name (release));
      kessan_json_writer_string (&w, "sha256", kessan_filing_get_source_hash (filing));
      kessan_json_writer_string (&w, "released", kessan_filing_get_released (filing));
      kessan_json_writer_string (&w, "company", kessan_filing_get_company (filing));
      kessan_json_writer_string (&w, "period_end", kessan_filing_get_period_end (filing));
      kessan_json_writer_uint_or_null (&w, "months", kessan_filing_get_period_months (filing));
      kessan_json_writer_end (&w, '}');
    }
  kessan_json_writer_end (&w, ']');

  kessan_json_writer_key (&w, "series");
  kessan_json_writer_begin (&w, '[', FALSE);
  for (guint i = 0; i < entries->len; i++)
    {
      ConceptEntry *entry = g_ptr_array_index (entries, i);
      const KessanConcept *concept = kessan_concepts_get (dictionary, entry->key);
      g_autoptr(GPtrArray) points = NULL;

      if (!wanted (patterns, entry))
        continue;
      points = kessan_series_entry_sorted_points (entry);

      kessan_json_writer_next (&w);
      kessan_json_writer_begin (&w, '{', FALSE);
      kessan_json_writer_string (&w, "concept", entry->key);
      if (concept != NULL)
        {
          kessan_json_writer_string (&w, "label_en", concept->label_en);
          kessan_json_writer_string (&w, "label_ja", concept->label_ja);
        }
      if (points->len > 0)
        kessan_json_writer_string (&w, "unit", unit_name (((KessanSeriesPoint *) g_ptr_array_index (points, 0))->unit));
      kessan_json_writer_key (&w, "points");
      kessan_json_writer_begin (&w, '[', FALSE);
      for (guint p = 0; p < points->len; p++)
        write_point (&w, g_ptr_array_index (points, p));
      kessan_json_writer_end (&w, ']');
      kessan_json_writer_end (&w, '}');
    }
  kessan_json_writer_end (&w, ']');

  kessan_json_writer_key (&w, "checks");
  kessan_json_writer_begin (&w, '[', FALSE);
  for (guint i = 0; i < self->checks->len; i++)
    {
      const KessanSeriesCheck *check = g_ptr_array_index (self->checks, i);

      kessan_json_writer_next (&w);
      kessan_json_writer_begin (&w, '{', FALSE);
      kessan_json_writer_string (&w, "check", KESSAN_SERIES_CHECK_CASH);
      kessan_json_writer_string (&w, "kind", check_kind_name (check->kind));
      kessan_json_writer_string (&w, "date", check->date);
      kessan_json_writer_string (&w, "status", check_status_name (check->status));
      write_check_point (&w, "cashflow", check->cashflow);
      write_check_point (&w, "balance", check->balance);
      kessan_json_writer_end (&w, '}');
    }
  kessan_json_writer_end (&w, ']');

  kessan_json_writer_end (&w, '}');
  g_string_append_c (w.out, '\n');
  return g_string_free (w.out, FALSE);
}
