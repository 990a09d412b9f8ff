/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The filing format, version 2 (docs/json-format.md): version 1 files
 * load as they did, every new member survives a round trip through both
 * readers, and the readers hand the one table reader a grid. */

#include <string.h>

#include "kessan.h"
#include "kessan-filing-loader-private.h"
#include "kessan-grid-private.h"
#include "kessan-parser-private.h"
#include "kessan-test-util.h"

static char *
data_path (const char *dir,
           const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
}

static KessanFiling *
load_json (const char *dir,
           const char *name,
           char      **text_out)
{
  g_autofree char *path = data_path (dir, name);
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *text = kessan_test_read_file (path, &length);
  KessanFiling *filing = kessan_filing_new_from_json (text, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (filing);
  if (text_out != NULL)
    *text_out = g_steal_pointer (&text);
  return filing;
}

/* Writes @filing and reads it back with both readers; the fast reader
 * either gives the same filing or leaves the file to the full one. */
static KessanFiling *
round_trip (KessanFiling *filing)
{
  g_autofree char *json = kessan_filing_to_json (filing, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) fast = kessan_filing_loader_read (json, strlen (json), FALSE);
  KessanFiling *full;

  g_assert_true (g_str_has_prefix (json, "{\n  \"format\": \"kessan-filing\",\n  \"version\": 2,\n"));
  full = kessan_filing_new_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  if (fast != NULL)
    {
      g_autofree char *again_fast = kessan_filing_to_json (fast, FALSE);
      g_autofree char *again_full = kessan_filing_to_json (full, FALSE);

      g_assert_cmpstr (again_fast, ==, again_full);
    }
  return full;
}

static void
test_v1_seeds_load (void)
{
  const char *names[] = { "001_ac7abb1bfabe4158", "003_3f09aa9018b22431" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *json_name = g_strconcat (names[i], ".json", NULL);
      g_autofree char *txt_name = g_strconcat (names[i], ".txt", NULL);
      g_autofree char *text = NULL;
      g_autoptr(KessanFiling) v1 = load_json ("v1", json_name, &text);
      g_autoptr(KessanFiling) fast = kessan_filing_loader_read (text, strlen (text), FALSE);
      g_autoptr(GBytes) bytes = kessan_test_load_seed_bytes (txt_name);
      g_autoptr(GError) error = NULL;
      g_autoptr(KessanFiling) parsed = kessan_parse_release (bytes, txt_name, &error);
      g_autoptr(KessanFiling) v2 = NULL;

      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"kessan-filing\",\n  \"version\": 1,"));

      /* A version 1 file reads by both readers, as the release reads. */
      g_assert_nonnull (fast);
      kessan_test_assert_same_numbers (v1, fast);
      kessan_test_assert_same_numbers (v1, parsed);
      g_assert_cmpstr (kessan_filing_get_company (v1), ==, kessan_filing_get_company (parsed));
      g_assert_cmpuint (kessan_filing_get_fiscal_year (v1), ==, kessan_filing_get_fiscal_year (parsed));
      g_assert_cmpstr (kessan_filing_get_period_end (v1), ==, kessan_filing_get_period_end (parsed));
      for (guint s = 0; s < kessan_filing_get_n_statements (v1); s++)
        {
          KessanStatement *a = kessan_filing_get_statement (v1, s);
          KessanStatement *b = kessan_filing_get_statement (parsed, s);

          for (guint c = 0; c < kessan_statement_get_n_columns (a); c++)
            {
              KessanColumn *ca = kessan_statement_get_column (a, c);
              KessanColumn *cb = kessan_statement_get_column (b, c);

              g_assert_cmpstr (kessan_column_get_currency_code (ca), ==, kessan_column_get_currency_code (cb));
              g_assert_cmpuint (kessan_column_get_scale (ca), ==, kessan_column_get_scale (cb));
              g_assert_cmpstr (kessan_column_get_period_end (ca), ==, kessan_column_get_period_end (cb));
              /* What version 1 could not say reads as unknown. */
              g_assert_null (kessan_column_get_period_start (ca));
              g_assert_cmpint (kessan_column_get_scenario (ca), ==, KESSAN_SCENARIO_ACTUAL);
            }
        }

      /* It re-exports as version 2 with the same numbers. */
      v2 = round_trip (v1);
      kessan_test_assert_same_numbers (v1, v2);
    }
}

static void
test_eur_table (void)
{
  g_autoptr(KessanFiling) read = load_json ("v2", "eur-table.json", NULL);
  g_autoptr(KessanFiling) filing = round_trip (read);
  KessanStatement *statement = kessan_filing_get_statement (filing, 0);
  KessanColumn *column = kessan_statement_get_column (statement, 0);
  g_autofree char *key = kessan_company_dup_key (kessan_filing_get_company_info (filing));
  guint month, day;

  g_assert_cmpstr (kessan_column_get_currency_code (column), ==, "EUR");
  g_assert_cmpint (kessan_column_get_currency (column), ==, KESSAN_CURRENCY_OTHER);
  g_assert_cmpuint (kessan_column_get_scale (column), ==, 1000000);
  g_assert_cmpstr (kessan_column_get_period_start (column), ==, "2023-01-01");
  g_assert_cmpfloat (kessan_line_item_get_value (kessan_statement_get_row (statement, 0), 0), ==, 12450);
  g_assert_cmpint (kessan_filing_get_accounting_standard (filing), ==, KESSAN_STANDARD_IFRS);
  g_assert_cmpint (kessan_filing_get_consolidation (filing), ==, KESSAN_CONSOLIDATION_CONSOLIDATED);
  g_assert_true (kessan_filing_get_fiscal_year_end (filing, &month, &day));
  g_assert_cmpuint (month, ==, 12);
  g_assert_cmpuint (day, ==, 31);
  g_assert_cmpstr (kessan_filing_get_fiscal_label (filing), ==, "FY 2023");
  g_assert_cmpstr (key, ==, "lei:724500EXAMPLE0000001");

  /* The library's fast reader takes a filing with company identifiers. */
  {
    g_autofree char *json = kessan_filing_to_json (filing, FALSE);
    g_autoptr(KessanFiling) fast = kessan_filing_loader_read (json, strlen (json), FALSE);

    g_assert_nonnull (fast);
    g_assert_cmpstr (kessan_company_get_id (kessan_filing_get_company_info (fast), KESSAN_COMPANY_ID_LEI),
                     ==, "724500EXAMPLE0000001");
  }
}

static void
test_oku_table (void)
{
  g_autoptr(KessanFiling) read = load_json ("v2", "oku-table.json", NULL);
  g_autoptr(KessanFiling) filing = round_trip (read);
  KessanStatement *statement = kessan_filing_get_statement (filing, 0);
  KessanColumn *column = kessan_statement_get_column (statement, 1);

  g_assert_cmpint (kessan_statement_get_kind (statement), ==, KESSAN_STATEMENT_KIND_SUMMARY);
  g_assert_true (kessan_statement_get_transposed (statement));
  g_assert_cmpuint (kessan_column_get_scale (column), ==, 100000000);
  g_assert_cmpstr (kessan_column_get_currency_code (column), ==, "JPY");
  g_assert_cmpstr (kessan_column_get_period_start (column), ==, "2022-04-01");
  g_assert_cmpstr (kessan_filing_get_fiscal_label (filing), ==, "2024年3月期");
  g_assert_cmpstr (kessan_company_get_id (kessan_filing_get_company_info (filing), KESSAN_COMPANY_ID_SECURITIES_CODE),
                   ==, "9999");
}

static void
test_forecast_column (void)
{
  g_autoptr(KessanFiling) read = load_json ("v2", "forecast-column.json", NULL);
  g_autoptr(KessanFiling) filing = round_trip (read);
  KessanStatement *statement = kessan_filing_get_statement (filing, 0);
  g_autofree char *csv = kessan_statement_to_csv (statement);

  g_assert_cmpint (kessan_column_get_scenario (kessan_statement_get_column (statement, 0)), ==, KESSAN_SCENARIO_FORECAST);
  g_assert_cmpint (kessan_column_get_scenario (kessan_statement_get_column (statement, 1)), ==, KESSAN_SCENARIO_FORECAST_UPPER);
  g_assert_cmpint (kessan_column_get_scenario (kessan_statement_get_column (statement, 2)), ==, KESSAN_SCENARIO_FORECAST_LOWER);
  /* The CSV says so in a line of its own, before the header line. */
  g_assert_nonnull (strstr (csv, "\r\nscenario,,,forecast,forecast_upper,forecast_lower\r\nlabel,"));
  g_assert_nonnull (strstr (csv, "\r\nperiod_start,,,2024-04-01,2024-04-01,2024-04-01\r\n"));
  g_assert_null (strstr (csv, "consolidation,"));
}

static void
test_non_consolidated (void)
{
  g_autoptr(KessanFiling) read = load_json ("v2", "non-consolidated.json", NULL);
  g_autoptr(KessanFiling) filing = round_trip (read);
  KessanColumn *column = kessan_statement_get_column (kessan_filing_get_statement (filing, 0), 0);
  const char * const *members = kessan_column_get_members (column);

  g_assert_cmpint (kessan_filing_get_consolidation (filing), ==, KESSAN_CONSOLIDATION_CONSOLIDATED);
  g_assert_cmpint (kessan_column_get_consolidation (column), ==, KESSAN_CONSOLIDATION_NON_CONSOLIDATED);
  g_assert_cmpuint (g_strv_length ((char **) members), ==, 1);
  g_assert_cmpstr (members[0], ==, "jpcrp_cor:ConsolidatedOrNonConsolidatedAxis=jpcrp_cor:NonConsolidatedMember");
}

static void
test_two_part_source (void)
{
  g_autofree char *text = NULL;
  g_autoptr(KessanFiling) read = load_json ("v2", "two-part-source.json", &text);
  g_autoptr(KessanFiling) filing = round_trip (read);
  KessanStatement *statement = kessan_filing_get_statement (filing, 0);
  KessanLineItem *sales = kessan_statement_get_row (statement, 0);
  KessanLineItem *other = kessan_statement_get_row (statement, 1);
  const KessanFact *fact = kessan_line_item_get_fact (sales, 0);
  const KessanSourcePlace *place;
  g_autofree char *key = kessan_company_dup_key (kessan_filing_get_company_info (filing));

  g_assert_cmpuint (kessan_filing_get_n_parts (filing), ==, 2);
  g_assert_cmpstr (kessan_filing_get_part (filing, 1)->name, ==, "dex991.htm");
  g_assert_cmpstr (kessan_filing_get_part (filing, 1)->format, ==, "html");
  g_assert_cmpuint (kessan_filing_get_n_places (filing), ==, 3);
  place = kessan_filing_find_place (filing, 6);
  g_assert_nonnull (place);
  g_assert_cmpuint (place->part, ==, 1);
  g_assert_cmpstr (place->element, ==, "/html/body/table[1]/tr[2]");
  place = kessan_filing_find_place (filing, 3);
  g_assert_cmpuint (place->part, ==, 0);
  g_assert_null (place->element);
  g_assert_null (kessan_filing_find_place (filing, 7));

  g_assert_nonnull (fact);
  g_assert_cmpstr (fact->name, ==, "us-gaap:SalesRevenueNet");
  g_assert_cmpstr (fact->context, ==, "FD2011Q1QTD");
  g_assert_cmpint (fact->decimals, ==, -6);
  g_assert_cmpint (fact->scale, ==, 6);
  g_assert_false (fact->negated);
  g_assert_null (kessan_line_item_get_fact (other, 0));

  /* Unreadable is not empty, and has no value. */
  g_assert_true (kessan_line_item_get_unreadable (other, 0));
  g_assert_false (kessan_line_item_has_value (other, 0));
  g_assert_false (kessan_line_item_get_unreadable (sales, 0));

  /* 52/53-week year: named by the year it starts in. */
  g_assert_cmpuint (kessan_filing_get_fiscal_year (filing), ==, 2010);
  g_assert_cmpstr (kessan_filing_get_period_start (filing), ==, "2010-09-26");
  g_assert_cmpstr (key, ==, "cik:12345");

  /* The library's fast reader leaves such a file to the full reader. */
  g_assert_null (kessan_filing_loader_read (text, strlen (text), FALSE));
}

static void
test_bad_members (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "{\"format\": \"kessan-filing\", \"version\": 2, \"accounting_standard\": \"hgb\", \"statements\": []}",
      "unknown standard “hgb”" },
    { "{\"format\": \"kessan-filing\", \"version\": 2, \"period\": {\"fiscal_year_end\": \"02-30\"}, \"statements\": []}",
      "period.fiscal_year_end" },
    { "{\"format\": \"kessan-filing\", \"version\": 2, \"statements\": [{\"id\": \"x\", \"kind\": \"income\", "
      "\"columns\": [{\"measure\": \"amount\", \"scenario\": \"guess\"}], \"rows\": []}]}",
      "unknown scenario “guess”" },
    { "{\"format\": \"kessan-filing\", \"version\": 2, \"statements\": [{\"id\": \"x\", \"kind\": \"income\", "
      "\"columns\": [{\"measure\": \"amount\"}], \"rows\": [{\"values\": [1], \"unreadable\": [true]}]}]}",
      "an unreadable cell has no value" },
    { "{\"format\": \"kessan-filing\", \"version\": 2, \"statements\": [{\"id\": \"x\", \"kind\": \"income\", "
      "\"columns\": [{\"measure\": \"amount\"}], \"rows\": [{\"values\": [1], \"facts\": [{\"context\": \"c\"}]}]}]}",
      "facts[0].name: missing" },
    { "{\"format\": \"kessan-filing\", \"version\": 2, \"source\": {\"parts\": [{\"name\": \"a\"}], "
      "\"places\": [{\"lines\": [1, 2], \"part\": 3}]}, \"statements\": []}",
      "out of order" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KessanFiling) filing = kessan_filing_new_from_json (cases[i].json, -1, &error);

      g_assert_null (filing);
      g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }
}

/* A series is the company's own result in the currency it reports in:
 * never a forecast, the parent company alone or a segment. */
static void
test_series_take_results_only (void)
{
  const char *names[] = { "eur-table.json", "forecast-column.json", "non-consolidated.json" };
  g_autoptr(KessanSeriesSet) set = kessan_series_set_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(KessanFiling) filing = load_json ("v2", names[i], NULL);

      kessan_series_set_add_filing (set, filing);
    }

  g_assert_nonnull (kessan_series_set_lookup (set, "revenues.total", "2023-12-31", 12));
  g_assert_nonnull (kessan_series_set_lookup (set, "revenues.total", "2022-12-31", 12));
  g_assert_null (kessan_series_set_lookup (set, "revenues.total", "2025-03-31", 12));
  g_assert_null (kessan_series_set_lookup (set, "revenues.total", "2024-03-31", 12));
}

static void
test_column_names (void)
{
  g_autoptr(KessanFiling) filing = load_json ("v2", "forecast-column.json", NULL);
  g_autoptr(KessanFiling) other = load_json ("v2", "non-consolidated.json", NULL);
  KessanStatement *statement = kessan_filing_get_statement (filing, 0);
  g_autofree char *en = kessan_format_column_name (kessan_statement_get_column (statement, 0), NULL, "en");
  g_autofree char *ja = kessan_format_column_name (kessan_statement_get_column (statement, 2), NULL, "ja");
  g_autofree char *parent = kessan_format_column_name (kessan_statement_get_column (kessan_filing_get_statement (other, 0), 0), NULL, "ja");

  g_assert_true (g_str_has_suffix (en, " forecast"));
  g_assert_true (g_str_has_suffix (ja, " 予想（下限）"));
  g_assert_true (g_str_has_suffix (parent, " 個別"));
}

/* A reader of a marked-up format hands the table reader rows of cells,
 * with the element each came from and the facts tagged in them; the
 * table is read as a text table is, and the facts go to their cells. */
static void
test_grid_rows (void)
{
  static const char * const title[] = { "CONSOLIDATED STATEMENTS OF OPERATIONS (In millions)" };
  static const char * const header[] = { "", "Three Months Ended", "" };
  static const char * const years[] = { "", "December 25, 2010", "December 26, 2009" };
  static const char * const rows[][3] = {
    { "Net sales", "26,741", "15,683" },
    { "Cost of sales", "15,562", "8,695" },
    { "Gross margin", "11,179", "6,988" },
  };
  g_autoptr(KessanGrid) grid = kessan_grid_new ();
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;
  KessanStatement *statement;
  KessanLineItem *sales;
  const KessanSourcePlace *place;
  guint part, sales_line = 0;

  kessan_grid_add_line (grid, "Example Corp reports first quarter results", kessan_grid_add_part (grid, "d8k.htm", "html", NULL), NULL);
  part = kessan_grid_add_part (grid, "dex991.htm", "html", NULL);
  kessan_grid_add_line (grid, "", part, NULL);
  kessan_grid_add_row (grid, title, 1, part, "/html/body/p[4]");
  kessan_grid_add_row (grid, header, 3, part, "/html/body/table[1]/tr[1]");
  kessan_grid_add_row (grid, years, 3, part, "/html/body/table[1]/tr[2]");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *element = g_strdup_printf ("/html/body/table[1]/tr[%u]", i + 3);
      guint line = kessan_grid_add_row (grid, rows[i], 3, part, element);

      if (i == 0)
        sales_line = line;
    }
  kessan_grid_add_fact (grid, sales_line, 1,
                        kessan_fact_new ("us-gaap:SalesRevenueNet", "Q1", "USD", -6, 6, FALSE), 26741e6);
  kessan_grid_add_fact (grid, sales_line, 2,
                        kessan_fact_new ("us-gaap:SalesRevenueNet", "Q1prior", "USD", -6, 6, FALSE), 15683e6);
  grid->encoding = "utf-8";

  filing = kessan_parse_grid (grid, NULL, "submission.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kessan_filing_get_n_statements (filing), >=, 1);
  statement = kessan_filing_get_statement (filing, 0);
  sales = kessan_statement_find_row (statement, kessan_line_item_get_concept (kessan_statement_get_row (statement, 0)));
  g_assert_nonnull (sales);
  g_assert_cmpstr (kessan_line_item_get_label (sales), ==, "Net sales");
  g_assert_cmpuint (kessan_statement_get_n_columns (statement), ==, 2);
  g_assert_cmpfloat (kessan_line_item_get_value (sales, 0), ==, 26741);
  g_assert_cmpfloat (kessan_line_item_get_value (sales, 1), ==, 15683);
  g_assert_cmpuint (kessan_line_item_get_value_line (sales, 0), ==, sales_line);
  g_assert_cmpstr (kessan_line_item_get_fact (sales, 0)->context, ==, "Q1");
  g_assert_cmpstr (kessan_line_item_get_fact (sales, 1)->context, ==, "Q1prior");
  g_assert_null (kessan_line_item_get_fact (kessan_statement_get_row (statement, 1), 0));

  /* Each value's line leads to its part and element. */
  g_assert_cmpuint (kessan_filing_get_n_parts (filing), ==, 2);
  place = kessan_filing_find_place (filing, sales_line);
  g_assert_nonnull (place);
  g_assert_cmpuint (place->part, ==, part);
  g_assert_cmpstr (place->element, ==, "/html/body/table[1]/tr[3]");
  g_assert_cmpuint (kessan_filing_find_place (filing, 1)->part, ==, 0);
}

/* A text release is one part, with no places to record: its file looks
 * as it did, but for the part that names it. */
static void
test_text_reader_one_part (void)
{
  g_autoptr(GBytes) bytes = kessan_test_load_seed_bytes ("004_df6267c19d93d050.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanGrid) grid = kessan_grid_read (bytes, "004_df6267c19d93d050.txt", &error);
  g_autoptr(KessanFiling) filing = kessan_parse_release (bytes, "004_df6267c19d93d050.txt", &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (grid);
  g_assert_cmpuint (grid->parts->len, ==, 1);
  g_assert_cmpstr (((KessanSourcePart *) g_ptr_array_index (grid->parts, 0))->format, ==, "text");
  g_assert_cmpuint (kessan_filing_get_n_parts (filing), ==, 0);
  g_assert_cmpuint (kessan_filing_get_n_places (filing), ==, 0);
  json = kessan_filing_to_json (filing, FALSE);
  g_assert_nonnull (strstr (json, "\"parts\": [\n      { \"name\": \"004_df6267c19d93d050.txt\", \"format\": \"text\", \"sha256\": \"bf8439"));
  g_assert_null (strstr (json, "\"places\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kessan/contract/v1-seeds-load", test_v1_seeds_load);
  g_test_add_func ("/kessan/contract/eur-table", test_eur_table);
  g_test_add_func ("/kessan/contract/oku-table", test_oku_table);
  g_test_add_func ("/kessan/contract/forecast-column", test_forecast_column);
  g_test_add_func ("/kessan/contract/non-consolidated", test_non_consolidated);
  g_test_add_func ("/kessan/contract/two-part-source", test_two_part_source);
  g_test_add_func ("/kessan/contract/bad-members", test_bad_members);
  g_test_add_func ("/kessan/contract/series-take-results-only", test_series_take_results_only);
  g_test_add_func ("/kessan/contract/column-names", test_column_names);
  g_test_add_func ("/kessan/contract/grid-rows", test_grid_rows);
  g_test_add_func ("/kessan/contract/text-reader-one-part", test_text_reader_one_part);

  return g_test_run ();
}
