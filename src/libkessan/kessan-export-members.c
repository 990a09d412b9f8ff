/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-export"

#include "kessan-export-members-private.h"

#include <string.h>

#include "kessan-pdf.h"

void
kessan_export_write_members (KessanJsonWriter   *w,
                             const char * const *members)
{
  if (members == NULL || members[0] == NULL)
    return;

  kessan_json_writer_key (w, "members");
  g_string_append_c (w->out, '[');
  for (guint i = 0; members[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (w->out, ", ");
      kessan_json_append_string (w->out, members[i]);
    }
  g_string_append_c (w->out, ']');
}

static void
write_fact (GString          *out,
            const KessanFact *fact)
{
  g_string_append (out, "{\"name\": ");
  kessan_json_append_string (out, fact->name);
  g_string_append (out, ", \"context\": ");
  kessan_json_append_string (out, fact->context);
  g_string_append (out, ", \"unit\": ");
  kessan_json_append_string (out, fact->unit);
  g_string_append (out, ", \"decimals\": ");
  if (fact->decimals == KESSAN_FACT_DECIMALS_INF)
    g_string_append (out, "\"INF\"");
  else if (fact->decimals == KESSAN_FACT_DECIMALS_NONE)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%d", fact->decimals);
  g_string_append_printf (out, ", \"scale\": %d, \"sign\": %s}",
                          fact->scale, fact->negated ? "\"-\"" : "null");
}

/* "unreadable" and "facts", each only when a cell has one. */
void
kessan_export_write_cell_extras (KessanJsonWriter *w,
                                 KessanLineItem   *row,
                                 guint             n_columns)
{
  gboolean any_unreadable = FALSE, any_fact = FALSE;

  for (guint i = 0; i < n_columns; i++)
    {
      any_unreadable |= kessan_line_item_get_unreadable (row, i);
      any_fact |= kessan_line_item_get_fact (row, i) != NULL;
    }

  if (any_unreadable)
    {
      kessan_json_writer_key (w, "unreadable");
      g_string_append_c (w->out, '[');
      for (guint i = 0; i < n_columns; i++)
        g_string_append_printf (w->out, "%s%s", i > 0 ? ", " : "",
                                kessan_line_item_get_unreadable (row, i) ? "true" : "false");
      g_string_append_c (w->out, ']');
    }

  if (any_fact)
    {
      kessan_json_writer_key (w, "facts");
      g_string_append_c (w->out, '[');
      for (guint i = 0; i < n_columns; i++)
        {
          const KessanFact *fact = kessan_line_item_get_fact (row, i);

          if (i > 0)
            g_string_append (w->out, ", ");
          if (fact != NULL)
            write_fact (w->out, fact);
          else
            g_string_append (w->out, "null");
        }
      g_string_append_c (w->out, ']');
    }
}

void
kessan_export_write_company_ids (KessanJsonWriter *w,
                                 KessanCompany    *company)
{
  gboolean any = FALSE;

  for (guint i = 0; i < KESSAN_COMPANY_N_IDS; i++)
    any |= kessan_company_get_id (company, i) != NULL;
  if (!any)
    return;

  kessan_json_writer_key (w, "company_ids");
  kessan_json_writer_begin (w, '{', TRUE);
  for (guint i = 0; i < KESSAN_COMPANY_N_IDS; i++)
    if (kessan_company_get_id (company, i) != NULL)
      kessan_json_writer_string (w, kessan_company_id_to_string (i), kessan_company_get_id (company, i));
  kessan_json_writer_end (w, '}');
}

void
kessan_export_write_fiscal_year_end (KessanJsonWriter *w,
                                     KessanFiling     *filing)
{
  guint month, day;
  g_autofree char *str = NULL;

  if (kessan_filing_get_fiscal_year_end (filing, &month, &day))
    str = g_strdup_printf ("%02u-%02u", month, day);
  kessan_json_writer_string (w, "fiscal_year_end", str);
}

/**
 * kessan_export_parse_month_day:
 * @str: "MM-DD"
 * @month: (out): 1 to 12
 * @day: (out): 1 to 31
 *
 * Returns: %TRUE when @str is a month and a day that exists in some year
 */
gboolean
kessan_export_parse_month_day (const char *str,
                               guint      *month,
                               guint      *day)
{
  if (str == NULL || strlen (str) != 5 || str[2] != '-'
      || !g_ascii_isdigit (str[0]) || !g_ascii_isdigit (str[1])
      || !g_ascii_isdigit (str[3]) || !g_ascii_isdigit (str[4]))
    return FALSE;

  *month = (str[0] - '0') * 10 + (str[1] - '0');
  *day = (str[3] - '0') * 10 + (str[4] - '0');
  return *month >= 1 && *month <= 12 && *day >= 1
         && *day <= g_date_get_days_in_month (*month, 2000);
}

/* The format of a one-part release, from how it was decoded. */
const char *
kessan_export_part_format (KessanFiling *filing)
{
  const char *encoding = kessan_filing_get_source_encoding (filing);

  if (g_strcmp0 (encoding, KESSAN_PDF_ENCODING) == 0)
    return "pdf";
  return encoding != NULL ? "text" : NULL;
}

/* "parts", always: a filing read from one file has that file as its one
 * part; "places" only when lines came from more than one part or from
 * elements of a marked-up part. */
void
kessan_export_write_parts (KessanJsonWriter *w,
                           KessanFiling     *filing)
{
  guint n_parts = kessan_filing_get_n_parts (filing);
  guint n_places = kessan_filing_get_n_places (filing);

  kessan_json_writer_key (w, "parts");
  kessan_json_writer_begin (w, '[', FALSE);
  if (n_parts == 0)
    {
      kessan_json_writer_next (w);
      kessan_json_writer_begin (w, '{', TRUE);
      kessan_json_writer_string (w, "name", kessan_filing_get_source_name (filing));
      kessan_json_writer_string (w, "format", kessan_export_part_format (filing));
      kessan_json_writer_string (w, "sha256", kessan_filing_get_source_hash (filing));
      kessan_json_writer_end (w, '}');
    }
  for (guint i = 0; i < n_parts; i++)
    {
      const KessanSourcePart *part = kessan_filing_get_part (filing, i);

      kessan_json_writer_next (w);
      kessan_json_writer_begin (w, '{', TRUE);
      kessan_json_writer_string (w, "name", part->name);
      kessan_json_writer_string (w, "format", part->format);
      kessan_json_writer_string (w, "sha256", part->sha256);
      kessan_json_writer_end (w, '}');
    }
  kessan_json_writer_end (w, ']');

  if (n_places == 0)
    return;

  kessan_json_writer_key (w, "places");
  kessan_json_writer_begin (w, '[', FALSE);
  for (guint i = 0; i < n_places; i++)
    {
      const KessanSourcePlace *place = kessan_filing_get_place (filing, i);

      kessan_json_writer_next (w);
      kessan_json_writer_begin (w, '{', TRUE);
      kessan_json_writer_key (w, "lines");
      g_string_append_printf (w->out, "[%u, %u]", place->first_line, place->last_line);
      kessan_json_writer_uint (w, "part", place->part);
      if (place->element != NULL)
        kessan_json_writer_string (w, "element", place->element);
      kessan_json_writer_end (w, '}');
    }
  kessan_json_writer_end (w, ']');
}
