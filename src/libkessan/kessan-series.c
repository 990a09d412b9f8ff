/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-series"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kessan-series.h"
#include "kessan-series-private.h"
#include "kessan-concepts.h"
#include "kessan-finding.h"
#include "kessan-period.h"

/* The series builder: every amount a set of releases prints, keyed by
 * concept and period, with the releases behind each value.  The layout of
 * what it computes and writes is described in docs/series.md.
 *
 * Adding a filing only files its values; everything that depends on the
 * whole set (which release is the earliest, restatements, derived values,
 * the cash check) is computed once, on the first question asked after the
 * set changed, in time linear in the number of values. */

/* Observations are allocated in blocks that never move, so that points
 * can link them and callers can hold them. */
#define OBSERVATION_BLOCK 4096

/* How many resolutions (scale and printed decimals) one point's releases
 * are grouped by when looking for a restatement; real releases use two or
 * three (thousands, millions; one decimal for Gbps). */
#define MAX_RESOLUTIONS 16

/* Concepts printed in period columns that are balances, not flows: a
 * fourth quarter is not the year minus nine months of them, and their
 * growth is not a quarter's growth. */
static const char * const stock_concepts[] = {
  "cashflow.cash_beginning",
  "cashflow.cash_end",
};

#define CASH_BALANCE_CONCEPT    "assets.current.cash"
#define CASH_BEGINNING_CONCEPT  "cashflow.cash_beginning"
#define CASH_END_CONCEPT        "cashflow.cash_end"
#define REVENUES_CONCEPT        "revenues.total"
#define COST_OF_REVENUES_CONCEPT "costs.cost_of_revenues.total"
#define OPERATING_INCOME_CONCEPT "operating_income"
#define EBITDA_CONCEPT          "ebitda.adjusted"

#define PERCENT_DECIMALS 4

/* The derived margins, in the order they follow the revenues, with their
 * labels in both languages, like the dictionary's. */
static const KessanSeriesMargin margins[] = {
  { KESSAN_SERIES_GROSS_MARGIN, "Gross margin", "売上総利益率" },
  { KESSAN_SERIES_OPERATING_MARGIN, "Operating margin", "営業利益率" },
  { KESSAN_SERIES_EBITDA_MARGIN, "Adjusted EBITDA margin", "償却前営業利益率" },
};

G_DEFINE_FINAL_TYPE (KessanSeriesSet, kessan_series_set, G_TYPE_OBJECT)


/* Dates */

static guint32
julian_from_iso (const char *iso)
{
  GDate date;

  if (!kessan_date_from_iso (iso, &date))
    return 0;
  return g_date_get_julian (&date);
}

static void
iso_from_julian (guint32  julian,
                 char     iso[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (iso, 11, "%04u-%02u-%02u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
}

/* The date @delta months from @julian.  A month end stays a month end:
 * three months before 2003-06-30 is 2003-03-31, not 2003-03-30, which is
 * what a quarter's start needs.  0 when out of range. */
static guint32
shift_months (guint32 julian,
              int     delta)
{
  GDate date;
  guint year, month, day, days;
  gboolean month_end;
  int index;

  if (julian == 0 || !g_date_valid_julian (julian))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);
  day = g_date_get_day (&date);
  month_end = day == g_date_get_days_in_month (month, year);

  index = (int) year * 12 + (int) month - 1 + delta;
  if (index < 12 || index / 12 > G_MAXUINT16 - 1)
    return 0;
  year = index / 12;
  month = index % 12 + 1;
  days = g_date_get_days_in_month (month, year);
  day = month_end ? days : MIN (day, days);
  if (!g_date_valid_dmy (day, month, year))
    return 0;
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* Numbers */

static double
pow10_of (int exponent)
{
  static const double powers[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };

  if (exponent >= 0 && exponent < (int) G_N_ELEMENTS (powers))
    return powers[exponent];
  return pow (10.0, exponent);
}

static guint
scale_digits (guint scale)
{
  guint digits = 0;

  while (scale >= 10 && scale % 10 == 0)
    {
      scale /= 10;
      digits++;
    }
  return digits;
}

/* The value of one printed unit of the last digit: 1000 for thousands of
 * yen, 0.1 for Gbps printed with one decimal. */
static double
observation_resolution (const KessanSeriesObservation *observation)
{
  return observation->scale / pow10_of (observation->decimals);
}

guint
kessan_series_observation_value_decimals (const KessanSeriesObservation *observation)
{
  guint digits = scale_digits (observation->scale);

  return observation->decimals > digits ? observation->decimals - digits : 0;
}

double
kessan_series_round_to (double  value,
                        guint   decimals)
{
  double factor = pow10_of (decimals);

  return round (value * factor) / factor;
}

static double
observation_value (const KessanSeriesObservation *observation)
{
  return kessan_series_round_to (observation->printed * observation->scale,
                   kessan_series_observation_value_decimals (observation));
}

/* How far apart two printed values of the same number may be.  Of one
 * resolution, half a unit: they are the same rounding of the same number.
 * Of two resolutions, one unit of the coarser: the tables in millions
 * round their rows so that they add up to their totals (2,323,392
 * thousand yen is printed 2,324 million, 254,886 thousand 254 million), so
 * a figure in millions can be off by almost a whole million. */
static double
tolerance (double resolution_a,
           double resolution_b)
{
  if (resolution_a == resolution_b)
    return resolution_a / 2;
  return MAX (resolution_a, resolution_b);
}

static gboolean
values_agree (double value_a,
              double resolution_a,
              double value_b,
              double resolution_b)
{
  double slack = 1e-9 * MAX (1.0, MAX (fabs (value_a), fabs (value_b)));

  return fabs (value_a - value_b) <= tolerance (resolution_a, resolution_b) + slack;
}

static gboolean
observations_agree (const KessanSeriesObservation *a,
                    const KessanSeriesObservation *b)
{
  return values_agree (observation_value (a), observation_resolution (a),
                       observation_value (b), observation_resolution (b));
}

/* Concepts */

static void
concept_entry_free (gpointer data)
{
  ConceptEntry *entry = data;

  g_free (entry->key);
  g_ptr_array_unref (entry->points);
  g_ptr_array_unref (entry->derived);
  g_free (entry);
}

static ConceptEntry *
ensure_concept (KessanSeriesSet *self,
                const char      *key)
{
  ConceptEntry *entry = g_hash_table_lookup (self->concepts, key);

  if (entry != NULL)
    return entry;

  entry = g_new0 (ConceptEntry, 1);
  entry->key = g_strdup (key);
  entry->points = g_ptr_array_new ();
  entry->derived = g_ptr_array_new ();
  entry->variant = VARIANT_PLAIN;
  entry->order = GPOINTER_TO_INT (g_hash_table_lookup (self->dictionary, key)) - 1;
  if (entry->order < 0)
    entry->order = G_MAXINT;
  for (guint i = 0; i < G_N_ELEMENTS (stock_concepts); i++)
    entry->stock |= g_str_equal (key, stock_concepts[i]);
  g_hash_table_insert (self->concepts, entry->key, entry);
  return entry;
}

static ConceptEntry *
ensure_growth_concept (KessanSeriesSet *self,
                       ConceptEntry    *base,
                       Variant          variant)
{
  g_autofree char *key = g_strdup_printf ("%s(%s)", variant == VARIANT_YOY ? "yoy" : "qoq", base->key);
  ConceptEntry *entry = ensure_concept (self, key);

  entry->base = base;
  entry->variant = variant;
  return entry;
}

/* Points */

static guint
point_hash (gconstpointer data)
{
  const KessanSeriesPoint *point = data;

  return g_direct_hash (point->entry) ^ (point->end * 2654435761u) ^ (point->months * 40503u);
}

static gboolean
point_equal (gconstpointer a,
             gconstpointer b)
{
  const KessanSeriesPoint *pa = a;
  const KessanSeriesPoint *pb = b;

  return pa->entry == pb->entry && pa->end == pb->end && pa->months == pb->months;
}

static KessanSeriesPoint *
find_point (GHashTable   *table,
            ConceptEntry *entry,
            guint32       end,
            guint         months)
{
  KessanSeriesPoint key = { .entry = entry, .end = end, .months = months };

  if (entry == NULL || end == 0)
    return NULL;
  return g_hash_table_lookup (table, &key);
}

/* A printed point, else a derived one. */
static KessanSeriesPoint *
find_any_point (KessanSeriesSet *self,
                ConceptEntry    *entry,
                guint32          end,
                guint            months)
{
  KessanSeriesPoint *point = find_point (self->printed, entry, end, months);

  return point != NULL ? point : find_point (self->derived_table, entry, end, months);
}

static KessanSeriesPoint *
new_point (ConceptEntry *entry,
           guint32       end,
           guint         months,
           KessanUnit    unit,
           gboolean      derived)
{
  /* A derived point and its derivation are one block, freed as one. */
  KessanSeriesPoint *point = g_malloc0 (sizeof (KessanSeriesPoint) + (derived ? sizeof (Derivation) : 0));

  if (derived)
    point->derivation = (Derivation *) (point + 1);

  point->entry = entry;
  point->end = end;
  point->months = months;
  point->unit = unit;
  point->scale = 1;
  iso_from_julian (end, point->period_end);
  return point;
}

static KessanSeriesObservation *
new_observation (KessanSeriesSet *self)
{
  KessanSeriesObservation *block;

  if (self->blocks->len == 0 || self->block_used == OBSERVATION_BLOCK)
    {
      g_ptr_array_add (self->blocks, g_new (KessanSeriesObservation, OBSERVATION_BLOCK));
      self->block_used = 0;
    }
  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  return &block[self->block_used++];
}

/* GObject */

static void
release_free (gpointer data)
{
  Release *release = data;

  g_object_unref (release->filing);
  g_free (release);
}

static void
kessan_series_set_finalize (GObject *object)
{
  KessanSeriesSet *self = (KessanSeriesSet *)object;

  g_clear_pointer (&self->derived_table, g_hash_table_unref);
  g_clear_pointer (&self->printed, g_hash_table_unref);
  g_clear_pointer (&self->derived, g_ptr_array_unref);
  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->concepts, g_hash_table_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->hashes, g_hash_table_unref);
  g_clear_pointer (&self->filings, g_hash_table_unref);
  g_clear_pointer (&self->ranked, g_ptr_array_unref);
  g_clear_pointer (&self->releases, g_ptr_array_unref);
  g_clear_pointer (&self->dictionary, g_hash_table_unref);
  g_clear_object (&self->company);

  G_OBJECT_CLASS (kessan_series_set_parent_class)->finalize (object);
}

static void
kessan_series_set_dispose (GObject *object)
{
  KessanSeriesSet *self = (KessanSeriesSet *)object;

  g_clear_object (&self->findings);

  G_OBJECT_CLASS (kessan_series_set_parent_class)->dispose (object);
}

static void
kessan_series_set_class_init (KessanSeriesSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kessan_series_set_dispose;
  object_class->finalize = kessan_series_set_finalize;
}

static void
kessan_series_set_init (KessanSeriesSet *self)
{
  const char * const *keys = kessan_concepts_get_keys (kessan_concepts_get_default ());

  self->releases = g_ptr_array_new_with_free_func (release_free);
  self->ranked = g_ptr_array_new ();
  self->hashes = g_hash_table_new (g_str_hash, g_str_equal);
  self->filings = g_hash_table_new (NULL, NULL);
  self->concepts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, concept_entry_free);
  self->printed = g_hash_table_new (point_hash, point_equal);
  self->points = g_ptr_array_new_with_free_func (g_free);
  self->derived_table = g_hash_table_new (point_hash, point_equal);
  self->derived = g_ptr_array_new_with_free_func (g_free);
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new_with_free_func (g_free);
  self->findings = g_list_store_new (KESSAN_TYPE_FINDING);

  /* The dictionary's order is the order of the statements (revenues,
   * costs, …, balance sheet, cash flows): the order series are listed in. */
  self->dictionary = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_hash_table_contains (self->dictionary, keys[i]))
      g_hash_table_insert (self->dictionary, (gpointer) keys[i], GINT_TO_POINTER (i + 1));
}

/**
 * kessan_series_set_new:
 *
 * Creates an empty set of series.  Add releases with
 * kessan_series_set_add_filing().
 *
 * Returns: (transfer full): a new #KessanSeriesSet
 */
KessanSeriesSet *
kessan_series_set_new (void)
{
  return g_object_new (KESSAN_TYPE_SERIES_SET, NULL);
}

/* Adding a release */

typedef struct
{
  guint32     end;
  guint       months;
  guint       scale;
  KessanUnit  unit;             /* currency (yen), count or Gbps */
  gboolean    used;
} ColumnInfo;

/* Which columns go into series: the company's own results, as amounts
 * in the currency it reports in, counts and bandwidth.  Converted amounts
 * and percents are computed from those; forecasts, segments and the
 * parent company alone (個別) are not the company's result. */
static void
describe_column (KessanColumn *column,
                 const char   *currency,
                 ColumnInfo   *info)
{
  KessanUnit unit = kessan_column_get_unit (column);
  const char *code = kessan_column_get_currency_code (column);

  memset (info, 0, sizeof *info);
  if (kessan_column_get_measure (column) != KESSAN_MEASURE_AMOUNT
      || kessan_column_get_scenario (column) != KESSAN_SCENARIO_ACTUAL
      || kessan_column_get_members (column)[0] != NULL
      || kessan_column_get_consolidation (column) == KESSAN_CONSOLIDATION_NON_CONSOLIDATED)
    return;
  if (code != NULL && g_strcmp0 (code, currency) == 0
      && (unit == KESSAN_UNIT_CURRENCY || unit == KESSAN_UNIT_NONE))
    info->unit = KESSAN_UNIT_CURRENCY;
  else if (code == NULL && (unit == KESSAN_UNIT_COUNT || unit == KESSAN_UNIT_GBPS))
    info->unit = unit;
  else
    return;

  info->end = julian_from_iso (kessan_column_get_period_end (column));
  info->months = kessan_column_get_months (column);
  info->scale = MAX (kessan_column_get_scale (column), 1);
  info->used = info->end != 0 && info->months <= G_MAXUINT16;
}

static void
add_statement (KessanSeriesSet *self,
               Release         *release,
               KessanStatement *statement,
               guint            statement_index,
               const char      *currency)
{
  guint n_columns = kessan_statement_get_n_columns (statement);
  guint n_rows = kessan_statement_get_n_rows (statement);
  g_autofree ColumnInfo *columns = g_new0 (ColumnInfo, MAX (n_columns, 1));
  gboolean any = FALSE;

  for (guint c = 0; c < n_columns; c++)
    {
      describe_column (kessan_statement_get_column (statement, c), currency, &columns[c]);
      any |= columns[c].used;
    }
  if (!any)
    return;

  for (guint r = 0; r < n_rows; r++)
    {
      KessanLineItem *row = kessan_statement_get_row (statement, r);
      const char *concept = kessan_line_item_get_concept (row);
      KessanUnit row_unit = kessan_line_item_get_unit (row);
      guint n_values = kessan_line_item_get_n_values (row);
      ConceptEntry *entry = NULL;

      if (concept == NULL || *concept == '\0' || kessan_line_item_get_heading (row))
        continue;
      /* A row printed without a label and unknown to the dictionary
       * names nothing that another release's could be. */
      if (g_str_has_prefix (concept, "x.") && kessan_line_item_is_unlabelled (row))
        continue;

      for (guint c = 0; c < MIN (n_columns, n_values); c++)
        {
          ColumnInfo *info = &columns[c];
          KessanSeriesPoint *point;
          KessanSeriesObservation *observation;

          if (!info->used || !kessan_line_item_has_value (row, c))
            continue;
          /* A row counting something else (per-share amounts, share
           * counts) inside a table in thousands of yen is not in yen. */
          if (row_unit != KESSAN_UNIT_NONE && row_unit != info->unit)
            continue;

          if (entry == NULL)
            entry = ensure_concept (self, concept);

          point = find_point (self->printed, entry, info->end, info->months);
          if (point == NULL)
            {
              point = new_point (entry, info->end, info->months, info->unit, FALSE);
              g_ptr_array_add (self->points, point);
              g_ptr_array_add (entry->points, point);
              g_hash_table_add (self->printed, point);
            }
          else if (point->unit != info->unit)
            {
              g_debug ("%s: %s at %s is in %s here and in %s elsewhere; left out",
                       kessan_filing_get_source_name (release->filing), concept, point->period_end,
                       kessan_unit_to_string (info->unit), kessan_unit_to_string (point->unit));
              continue;
            }

          observation = new_observation (self);
          observation->release = release;
          observation->next = NULL;
          observation->printed = kessan_line_item_get_value (row, c);
          observation->statement = statement_index;
          observation->row = r;
          observation->line = kessan_line_item_get_value_line (row, c);
          observation->scale = info->scale;
          observation->column = c;
          observation->decimals = MIN (kessan_line_item_get_decimals (row, c), 20);

          if (point->last != NULL)
            point->last->next = observation;
          else
            point->observations = observation;
          point->last = observation;
          point->n_observations++;
        }
    }
}

/* Whether two releases are of one company: a lasting identifier both
 * print decides (the same CIK, LEI, EDINET code or 証券コード); then the
 * names; then the tickers, which companies change (IIJI became IIJE for
 * a while).  A release that names no company at all is taken as the
 * set's. */
static gboolean
same_company (KessanCompany *a,
              KessanCompany *b)
{
  const char *name_a = kessan_company_get_name (a);
  const char *name_b = kessan_company_get_name (b);
  const char *ticker_a = kessan_company_get_id (a, KESSAN_COMPANY_ID_TICKER);
  const char *ticker_b = kessan_company_get_id (b, KESSAN_COMPANY_ID_TICKER);

  for (guint i = 0; i < KESSAN_COMPANY_N_IDS; i++)
    {
      const char *id_a = kessan_company_get_id (a, i);
      const char *id_b = kessan_company_get_id (b, i);

      if (i != KESSAN_COMPANY_ID_TICKER && id_a != NULL && id_b != NULL)
        return g_ascii_strcasecmp (id_a, id_b) == 0;
    }
  if (name_a != NULL && name_b != NULL)
    return g_ascii_strcasecmp (name_a, name_b) == 0;
  if (ticker_a != NULL && ticker_b != NULL)
    return g_ascii_strcasecmp (ticker_a, ticker_b) == 0;
  return TRUE;
}

/**
 * kessan_series_set_get_company:
 * @self: a #KessanSeriesSet
 *
 * Returns: (transfer none) (nullable): the company whose releases the set
 *   holds (that of the first release added), or %NULL while it is empty
 */
KessanCompany *
kessan_series_set_get_company (KessanSeriesSet *self)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), NULL);

  return self->company;
}

/**
 * kessan_series_set_get_currency_code:
 * @self: a #KessanSeriesSet
 *
 * Returns: (nullable): the currency the company reports its amounts in
 *   (an ISO 4217 code), or %NULL when no release says
 */
const char *
kessan_series_set_get_currency_code (KessanSeriesSet *self)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), NULL);

  return self->currency;
}

/**
 * kessan_series_set_get_calendar:
 * @self: a #KessanSeriesSet
 * @calendar: (out caller-allocates): the company's calendar
 *
 * The calendar the company's periods are named in, from the first of its
 * releases that says when its fiscal year ends (see
 * kessan_filing_get_calendar()).
 */
void
kessan_series_set_get_calendar (KessanSeriesSet *self,
                                KessanCalendar  *calendar)
{
  g_return_if_fail (KESSAN_IS_SERIES_SET (self));
  g_return_if_fail (calendar != NULL);

  *calendar = self->calendar;
}

/**
 * kessan_series_set_accepts:
 * @self: a #KessanSeriesSet
 * @filing: a release
 *
 * Returns: whether @filing is of the set's company (or the set is empty)
 */
gboolean
kessan_series_set_accepts (KessanSeriesSet *self,
                           KessanFiling    *filing)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), FALSE);
  g_return_val_if_fail (KESSAN_IS_FILING (filing), FALSE);

  return self->company == NULL || same_company (self->company, kessan_filing_get_company_info (filing));
}

/**
 * kessan_series_set_add_filing:
 * @self: a #KessanSeriesSet
 * @filing: a release
 *
 * Files every amount in yen, every count and every bandwidth figure of
 * @filing under its concept and period.  The set keeps a reference to
 * @filing, which must not change while it is in the set.  A release
 * already in the set (the same object, or the same source hash) is not
 * added twice.
 *
 * Points, observations and checks obtained from the set before are no
 * longer valid afterwards.
 *
 * A set holds the releases of one company, that of the first release
 * added: a release of another company is not added (see
 * kessan_series_set_accepts()).
 *
 * Returns: %TRUE if @filing was added, %FALSE if it was already there or
 *   is another company's
 */
gboolean
kessan_series_set_add_filing (KessanSeriesSet *self,
                              KessanFiling    *filing)
{
  const char *hash;
  const char *currency;
  Release *release;
  guint n_statements;

  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), FALSE);
  g_return_val_if_fail (KESSAN_IS_FILING (filing), FALSE);

  hash = kessan_filing_get_source_hash (filing);
  if (g_hash_table_contains (self->filings, filing) ||
      (hash != NULL && g_hash_table_contains (self->hashes, hash)))
    return FALSE;

  /* A series is one company's: another company's figures for the same
   * concept and period are not a restatement of them. */
  if (!kessan_series_set_accepts (self, filing))
    {
      g_debug ("%s: another company's release (%s); not added",
               kessan_filing_get_source_name (filing), kessan_filing_get_company (filing));
      return FALSE;
    }
  if (self->company == NULL)
    {
      self->company = kessan_company_new ();
      kessan_company_copy_into (kessan_filing_get_company_info (filing), self->company);
    }

  release = g_new0 (Release, 1);
  release->filing = g_object_ref (filing);
  release->index = self->releases->len;
  release->sort_date = kessan_filing_get_released (filing);
  if (release->sort_date == NULL)
    release->sort_date = kessan_filing_get_period_end (filing);
  if (release->sort_date == NULL)
    release->sort_date = "";
  g_ptr_array_add (self->releases, release);
  g_hash_table_insert (self->filings, filing, release);
  if (hash != NULL)
    g_hash_table_insert (self->hashes, (gpointer) hash, release);

  n_statements = kessan_filing_get_n_statements (filing);
  currency = kessan_filing_get_reporting_currency (filing);
  if (self->currency == NULL && currency != NULL)
    self->currency = g_intern_string (currency);
  if (self->calendar.fiscal_end_month == 0)
    kessan_filing_get_calendar (filing, &self->calendar);
  for (guint s = 0; s < n_statements; s++)
    add_statement (self, release, kessan_filing_get_statement (filing, s), s, currency);

  self->dirty = TRUE;
  return TRUE;
}

/**
 * kessan_series_set_add_model:
 * @self: a #KessanSeriesSet
 * @filings: a #GListModel of #KessanFiling, such as a library
 *
 * Adds every filing of @filings (see kessan_series_set_add_filing()).
 */
void
kessan_series_set_add_model (KessanSeriesSet *self,
                             GListModel      *filings)
{
  guint n_items;

  g_return_if_fail (KESSAN_IS_SERIES_SET (self));
  g_return_if_fail (G_IS_LIST_MODEL (filings));

  n_items = g_list_model_get_n_items (filings);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (filings, i);

      if (KESSAN_IS_FILING (item))
        kessan_series_set_add_filing (self, KESSAN_FILING (item));
    }
}

/**
 * kessan_series_set_get_n_filings:
 * @self: a #KessanSeriesSet
 *
 * Returns: the number of releases in the set
 */
guint
kessan_series_set_get_n_filings (KessanSeriesSet *self)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), 0);

  return self->releases->len;
}

/**
 * kessan_series_set_get_filing:
 * @self: a #KessanSeriesSet
 * @index: less than the number of releases
 *
 * The releases in the order they were released (by release date, then
 * source name).
 *
 * Returns: (transfer none): the release at @index
 */
KessanFiling *
kessan_series_set_get_filing (KessanSeriesSet *self,
                              guint            index)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), NULL);
  g_return_val_if_fail (index < self->releases->len, NULL);

  kessan_series_set_ensure_built (self);
  return ((Release *) g_ptr_array_index (self->ranked, index))->filing;
}

/* Building */

/* A copy of an array that owns its elements, owning none of them
 * (g_ptr_array_copy() would pass on the free function). */
static GPtrArray *
borrow_all (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_copy (array, NULL, NULL);

  g_ptr_array_set_free_func (copy, NULL);
  return copy;
}

static int
compare_releases (gconstpointer a,
                  gconstpointer b)
{
  const Release *ra = *(const Release * const *) a;
  const Release *rb = *(const Release * const *) b;
  int cmp;

  if ((cmp = strcmp (ra->sort_date, rb->sort_date)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (kessan_filing_get_source_name (ra->filing),
                        kessan_filing_get_source_name (rb->filing))) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (kessan_filing_get_source_hash (ra->filing),
                        kessan_filing_get_source_hash (rb->filing))) != 0)
    return cmp;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static void
rank_releases (KessanSeriesSet *self)
{
  g_ptr_array_unref (self->ranked);
  self->ranked = borrow_all (self->releases);
  g_ptr_array_sort (self->ranked, compare_releases);
  for (guint i = 0; i < self->ranked->len; i++)
    ((Release *) g_ptr_array_index (self->ranked, i))->rank = i;
}

typedef struct
{
  double resolution;
  double min;
  double max;
} Resolution;

static void
note_resolution (Resolution *classes,
                 guint      *n_classes,
                 double      resolution,
                 double      value)
{
  Resolution *class = NULL;

  for (guint i = 0; i < *n_classes; i++)
    if (classes[i].resolution == resolution)
      class = &classes[i];

  if (class == NULL && *n_classes < MAX_RESOLUTIONS)
    {
      class = &classes[(*n_classes)++];
      class->resolution = resolution;
      class->min = class->max = value;
      return;
    }
  if (class == NULL)
    {
      /* More resolutions than any release prints: file the value with
       * the last one, made coarse enough for both. */
      class = &classes[MAX_RESOLUTIONS - 1];
      class->resolution = MAX (class->resolution, resolution);
    }
  class->min = MIN (class->min, value);
  class->max = MAX (class->max, value);
}

/* Whether two releases print different numbers.  Comparing the extremes
 * of each resolution is the same as comparing every pair of releases,
 * without the quadratic cost on a period printed by many. */
static gboolean
resolutions_disagree (const Resolution *classes,
                      guint             n_classes)
{
  for (guint i = 0; i < n_classes; i++)
    for (guint j = i; j < n_classes; j++)
      {
        const Resolution *a = &classes[i];
        const Resolution *b = &classes[j];

        if (!values_agree (a->max, a->resolution, b->min, b->resolution) ||
            !values_agree (b->max, b->resolution, a->min, a->resolution))
          return TRUE;
      }
  return FALSE;
}

static void
finish_point (KessanSeriesPoint *point)
{
  Resolution classes[MAX_RESOLUTIONS];
  guint n_classes = 0;
  const KessanSeriesObservation *first = NULL;
  const KessanSeriesObservation *latest = NULL;
  const KessanSeriesObservation *finest = NULL;
  const KessanSeriesObservation *chosen;
  KessanSeriesObservation *observation = point->observations;

  point->inconsistent = FALSE;

  while (observation != NULL)
    {
      Release *release = observation->release;
      KessanSeriesObservation *preferred = observation;
      KessanSeriesObservation *end;

      /* One release's observations are adjacent: they were filed
       * together.  Within a release the finest figure stands for it: the
       * statement in thousands rather than the table in millions. */
      for (end = observation; end != NULL && end->release == release; end = end->next)
        if (observation_resolution (end) < observation_resolution (preferred))
          preferred = end;
      for (KessanSeriesObservation *other = observation; other != end; other = other->next)
        if (!observations_agree (other, preferred))
          point->inconsistent = TRUE;

      note_resolution (classes, &n_classes, observation_resolution (preferred), observation_value (preferred));
      if (first == NULL || release->rank < first->release->rank)
        first = preferred;
      if (latest == NULL || release->rank > latest->release->rank)
        latest = preferred;
      if (finest == NULL ||
          observation_resolution (preferred) < observation_resolution (finest) ||
          (observation_resolution (preferred) == observation_resolution (finest) &&
           release->rank > finest->release->rank))
        finest = preferred;

      observation = end;
    }

  g_assert (first != NULL && latest != NULL && finest != NULL);

  point->restated = resolutions_disagree (classes, n_classes);
  point->first_published = first;
  point->latest = latest;

  /* A restated figure is what the latest release says it is. */
  chosen = point->restated ? latest : finest;
  point->value_observation = chosen;
  point->value = observation_value (chosen);
  point->resolution = observation_resolution (chosen);
  point->scale = chosen->scale;
  point->decimals = kessan_series_observation_value_decimals (chosen);
}

/* NULL when a release prints the point: a printed figure always wins. */
static KessanSeriesPoint *
add_derived (KessanSeriesSet *self,
             ConceptEntry    *entry,
             guint32          end,
             guint            months,
             KessanUnit       unit,
             double           value,
             const char      *formula)
{
  KessanSeriesPoint *point;

  if (find_point (self->printed, entry, end, months) != NULL)
    return NULL;

  point = new_point (entry, end, months, unit, TRUE);

  point->derived = TRUE;
  point->value = value;
  point->derivation->formula = formula;
  g_ptr_array_add (self->derived, point);
  g_ptr_array_add (entry->derived, point);
  g_hash_table_add (self->derived_table, point);
  return point;
}

static void
add_input (KessanSeriesPoint       *point,
           const KessanSeriesPoint *input)
{
  g_assert (point->derivation->n_inputs < MAX_INPUTS);
  point->derivation->inputs[point->derivation->n_inputs++] = input;
}

/* Amounts computed from amounts keep the coarsest scale of their inputs:
 * no more precise than the least precise of them. */
static void
set_amount_precision (KessanSeriesPoint *point)
{
  point->scale = 1;
  point->resolution = 0;
  point->decimals = 0;
  for (guint i = 0; i < point->derivation->n_inputs; i++)
    {
      const KessanSeriesPoint *input = point->derivation->inputs[i];

      point->scale = MAX (point->scale, input->scale);
      point->resolution = MAX (point->resolution, input->resolution);
      point->decimals = MAX (point->decimals, input->decimals);
    }
}

static void
set_percent_precision (KessanSeriesPoint *point)
{
  point->scale = 1;
  point->decimals = PERCENT_DECIMALS;
  point->resolution = 1 / pow10_of (PERCENT_DECIMALS);
}

/* The fourth quarter, where a release prints the year and the nine months
 * (or the first three quarters) but not the quarter itself. */
static void
derive_fourth_quarters (KessanSeriesSet *self)
{
  for (guint i = 0; i < self->points->len; i++)
    {
      KessanSeriesPoint *year = g_ptr_array_index (self->points, i);
      KessanSeriesPoint *nine, *quarters[3];
      KessanSeriesPoint *point;

      if (year->months != 12 || year->entry->stock || year->unit == KESSAN_UNIT_PERCENT)
        continue;
      if (find_point (self->printed, year->entry, year->end, 3) != NULL)
        continue;

      nine = find_point (self->printed, year->entry, shift_months (year->end, -3), 9);
      if (nine != NULL)
        {
          point = add_derived (self, year->entry, year->end, 3, year->unit,
                               year->value - nine->value, "12M - 9M");
          add_input (point, year);
          add_input (point, nine);
          set_amount_precision (point);
          continue;
        }

      for (guint q = 0; q < 3; q++)
        quarters[q] = find_point (self->printed, year->entry, shift_months (year->end, -9 + 3 * (int) q), 3);
      if (quarters[0] == NULL || quarters[1] == NULL || quarters[2] == NULL)
        continue;

      point = add_derived (self, year->entry, year->end, 3, year->unit,
                           year->value - quarters[0]->value - quarters[1]->value - quarters[2]->value,
                           "12M - (Q1 + Q2 + Q3)");
      add_input (point, year);
      for (guint q = 0; q < 3; q++)
        add_input (point, quarters[q]);
      set_amount_precision (point);
    }
}

/* The parts of @total the dictionary sums, when there are two to
 * MAX_INPUTS of them in the set. */
static guint
find_parts (KessanSeriesSet *self,
            ConceptEntry    *total,
            ConceptEntry   **parts)
{
  const char * const *keys = kessan_concepts_get_components (kessan_concepts_get_default (), total->key);
  guint n = 0;

  for (; keys != NULL && keys[n] != NULL; n++)
    {
      if (n == MAX_INPUTS)
        return 0;
      parts[n] = g_hash_table_lookup (self->concepts, keys[n]);
      if (parts[n] == NULL)
        return 0;
    }
  return n >= 2 ? n : 0;
}

static void
derive_sum_at (KessanSeriesSet         *self,
               ConceptEntry            *total,
               ConceptEntry           **parts,
               guint                    n_parts,
               const KessanSeriesPoint *first)
{
  const KessanSeriesPoint *inputs[MAX_INPUTS] = { first, };
  KessanSeriesPoint *point;
  double sum = first->value;

  if (find_any_point (self, total, first->end, first->months) != NULL)
    return;
  for (guint j = 1; j < n_parts; j++)
    {
      inputs[j] = find_any_point (self, parts[j], first->end, first->months);
      if (inputs[j] == NULL || inputs[j]->unit != first->unit)
        return;
      sum += inputs[j]->value;
    }
  point = add_derived (self, total, first->end, first->months, first->unit, sum, "sum of parts");
  if (point == NULL)
    return;
  for (guint j = 0; j < n_parts; j++)
    add_input (point, inputs[j]);
  set_amount_precision (point);
}

/* A total the dictionary defines as the sum of its parts, for a period
 * with every part but no total: a release prints the parts in one table
 * and the total only in another, or only in some quarters.  Only for a
 * total some release prints, so that no row appears that no release
 * has. */
static void
derive_sums (KessanSeriesSet *self)
{
  g_autoptr(GPtrArray) totals = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->concepts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ConceptEntry *entry = value;

      if (entry->variant == VARIANT_PLAIN && entry->points->len > 0)
        g_ptr_array_add (totals, entry);
    }

  for (guint t = 0; t < totals->len; t++)
    {
      ConceptEntry *total = g_ptr_array_index (totals, t);
      ConceptEntry *parts[MAX_INPUTS];
      guint n_parts = find_parts (self, total, parts);
      guint n_printed;

      if (n_parts == 0)
        continue;
      n_printed = parts[0]->points->len;
      for (guint i = 0; i < n_printed + parts[0]->derived->len; i++)
        derive_sum_at (self, total, parts, n_parts,
                       i < n_printed ? g_ptr_array_index (parts[0]->points, i)
                                     : g_ptr_array_index (parts[0]->derived, i - n_printed));
    }
}

static void
derive_margin (KessanSeriesSet *self,
               const char      *key,
               const char      *numerator_key,
               gboolean         subtract_from_revenues,
               const char      *formula)
{
  ConceptEntry *revenues = g_hash_table_lookup (self->concepts, REVENUES_CONCEPT);
  ConceptEntry *numerator = g_hash_table_lookup (self->concepts, numerator_key);
  ConceptEntry *entry;
  g_autoptr(GPtrArray) bases = NULL;

  if (revenues == NULL || numerator == NULL)
    return;

  entry = ensure_concept (self, key);
  bases = g_ptr_array_copy (revenues->points, NULL, NULL);
  g_ptr_array_extend (bases, revenues->derived, NULL, NULL);

  for (guint i = 0; i < bases->len; i++)
    {
      KessanSeriesPoint *revenue = g_ptr_array_index (bases, i);
      KessanSeriesPoint *other = find_any_point (self, numerator, revenue->end, revenue->months);
      KessanSeriesPoint *point;
      double amount;

      if (other == NULL || revenue->value == 0 || revenue->months == 0)
        continue;

      amount = subtract_from_revenues ? revenue->value - other->value : other->value;
      point = add_derived (self, entry, revenue->end, revenue->months, KESSAN_UNIT_PERCENT,
                           amount / revenue->value * 100, formula);
      if (point == NULL)
        continue;
      add_input (point, revenue);
      add_input (point, other);
      set_percent_precision (point);
    }
}

/* Growth as the releases print it, (this - that) / that: a loss that
 * narrows from -1,480 to -50 is -96.6 %. */
static void
derive_growth_of (KessanSeriesSet   *self,
                  KessanSeriesPoint *point)
{
  static const struct
  {
    Variant     variant;
    int         months_back;
    const char *formula;
  } kinds[] = {
    { VARIANT_YOY, -12, "(quarter - same quarter a year earlier) / same quarter a year earlier * 100" },
    { VARIANT_QOQ, -3, "(quarter - previous quarter) / previous quarter * 100" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      KessanSeriesPoint *previous;
      KessanSeriesPoint *growth;

      previous = find_any_point (self, point->entry, shift_months (point->end, kinds[k].months_back), 3);
      if (previous == NULL || previous->value == 0)
        continue;

      growth = add_derived (self, ensure_growth_concept (self, point->entry, kinds[k].variant),
                            point->end, 3, KESSAN_UNIT_PERCENT,
                            (point->value - previous->value) / previous->value * 100,
                            kinds[k].formula);
      if (growth == NULL)
        continue;
      add_input (growth, point);
      add_input (growth, previous);
      set_percent_precision (growth);
    }
}

static void
derive_growth (KessanSeriesSet *self)
{
  guint n_derived = self->derived->len;

  for (guint i = 0; i < self->points->len; i++)
    {
      KessanSeriesPoint *point = g_ptr_array_index (self->points, i);

      if (point->months == 3 && !point->entry->stock && point->unit != KESSAN_UNIT_PERCENT)
        derive_growth_of (self, point);
    }

  /* The fourth quarters derived before; not the growth just added. */
  for (guint i = 0; i < n_derived; i++)
    {
      KessanSeriesPoint *point = g_ptr_array_index (self->derived, i);

      if (point->months == 3 && point->unit != KESSAN_UNIT_PERCENT && point->entry->variant == VARIANT_PLAIN)
        derive_growth_of (self, point);
    }
}

static void
clear_derived (KessanSeriesSet *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->concepts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_set_size (((ConceptEntry *) value)->derived, 0);
  g_hash_table_remove_all (self->derived_table);
  g_ptr_array_set_size (self->derived, 0);
}

/* Cross-release cash check */

static char *
format_grouped (double value,
                guint  decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  GString *out = g_string_new (NULL);
  const char *digits;
  const char *point;
  gsize n_integer;

  g_snprintf (format, sizeof format, "%%.%uf", MIN (decimals, 9));
  g_ascii_formatd (buf, sizeof buf, format, fabs (value));
  if (value < 0 && g_ascii_strtod (buf, NULL) != 0)
    g_string_append_c (out, '-');
  digits = buf;
  point = strchr (digits, '.');
  n_integer = point != NULL ? (gsize) (point - digits) : strlen (digits);
  for (gsize i = 0; i < n_integer; i++)
    {
      if (i > 0 && (n_integer - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    g_string_append (out, point);
  return g_string_free (out, FALSE);
}

static const char *
scale_words (guint scale)
{
  switch (scale)
    {
    case 1000:
      return _("thousand yen");
    case 1000000:
      return _("million yen");
    default:
      return _("yen");
    }
}

/* "3,588,352 thousand yen, 001_ac7abb1bfabe4158.txt" */
static char *
describe_point (const KessanSeriesPoint *point)
{
  const KessanSeriesObservation *observation = point->value_observation;
  g_autofree char *number = format_grouped (point->value / point->scale,
                                            observation != NULL ? observation->decimals : 0);

  const char *origin = observation != NULL
                       ? kessan_filing_get_source_name (observation->release->filing)
                       /* TRANSLATORS: where an amount comes from when no release
                        * prints it: it was computed from other printed amounts */
                       : _("derived");

  /* TRANSLATORS: an amount, its unit and where it comes from (a source
   * file, or "derived"): "3,588,352 thousand yen, 001_ac7abb1bfabe4158.txt" */
  return g_strdup_printf (_("%s %s, %s"), number, scale_words (point->scale), origin);
}

const char *
kessan_series_observation_statement_id (const KessanSeriesObservation *observation)
{
  KessanStatement *statement = kessan_series_observation_get_statement (observation);

  return statement != NULL ? kessan_statement_get_id (statement) : NULL;
}

static KessanFinding *
finding_for_check (const KessanSeriesCheck *check)
{
  const KessanSeriesPoint *cashflow = check->cashflow;
  const KessanSeriesPoint *balance = check->balance;
  const KessanSeriesObservation *observation = cashflow->value_observation;
  g_autofree char *cash = describe_point (cashflow);
  g_autofree char *message = NULL;
  gboolean beginning = check->kind == KESSAN_SERIES_CHECK_CASH_BEGINNING;
  KessanSeverity severity;
  KessanFinding *finding;

  if (check->status == KESSAN_SERIES_CHECK_MISSING)
    {
      severity = KESSAN_SEVERITY_INFO;
      message = g_strdup_printf (beginning
                                 ? _("Could not check the cash at the beginning of the %u months to %s (%s): no balance sheet at %s in the set.")
                                 : _("Could not check the cash at the end of the %u months to %s (%s): no balance sheet at %s in the set."),
                                 cashflow->months, cashflow->period_end, cash, check->date);
    }
  else
    {
      g_autofree char *balance_cash = describe_point (balance);

      if (check->status == KESSAN_SERIES_CHECK_MATCH)
        {
          severity = KESSAN_SEVERITY_INFO;
          message = g_strdup_printf (beginning
                                     ? _("The cash at the beginning of the %u months to %s (%s) equals the balance sheet cash at %s (%s).")
                                     : _("The cash at the end of the %u months to %s (%s) equals the balance sheet cash at %s (%s)."),
                                     cashflow->months, cashflow->period_end, cash, check->date, balance_cash);
        }
      else
        {
          severity = KESSAN_SEVERITY_ERROR;
          message = g_strdup_printf (beginning
                                     ? _("The cash at the beginning of the %u months to %s (%s) differs from the balance sheet cash at %s (%s).")
                                     : _("The cash at the end of the %u months to %s (%s) differs from the balance sheet cash at %s (%s)."),
                                     cashflow->months, cashflow->period_end, cash, check->date, balance_cash);
        }
    }

  finding = kessan_finding_new (KESSAN_SERIES_CHECK_CASH, severity, kessan_series_observation_statement_id (observation), message);
  if (observation->line > 0)
    kessan_finding_add_line (finding, observation->line);
  kessan_finding_add_row (finding, cashflow->entry->key);
  kessan_finding_add_column (finding, observation->column);
  if (balance != NULL)
    {
      kessan_finding_add_row (finding, balance->entry->key);
      kessan_finding_set_other_statement (finding, kessan_series_observation_statement_id (balance->value_observation));
      kessan_finding_set_values (finding, balance->value, cashflow->value);
    }
  return finding;
}

static int
compare_points_by_period (gconstpointer a,
                          gconstpointer b)
{
  const KessanSeriesPoint *pa = *(const KessanSeriesPoint * const *) a;
  const KessanSeriesPoint *pb = *(const KessanSeriesPoint * const *) b;

  if (pa->end != pb->end)
    return pa->end < pb->end ? -1 : 1;
  return (int) pa->months - (int) pb->months;
}

/* The balance sheet cash at a date is the cash at the beginning of the
 * period that starts the next day, and the cash at the end of the period
 * that ends that day.  The two usually come from different releases: the
 * balance sheet of one quarter, the cash flows of the next. */
static void
run_cash_checks (KessanSeriesSet *self)
{
  ConceptEntry *balance_entry = g_hash_table_lookup (self->concepts, CASH_BALANCE_CONCEPT);
  const char *keys[] = { CASH_BEGINNING_CONCEPT, CASH_END_CONCEPT };
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_set_size (self->checks, 0);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      ConceptEntry *entry = g_hash_table_lookup (self->concepts, keys[k]);
      g_autoptr(GPtrArray) points = NULL;

      if (entry == NULL)
        continue;
      points = g_ptr_array_copy (entry->points, NULL, NULL);
      g_ptr_array_sort (points, compare_points_by_period);

      for (guint i = 0; i < points->len; i++)
        {
          KessanSeriesPoint *cashflow = g_ptr_array_index (points, i);
          KessanSeriesCheck *check;
          guint32 date;

          if (cashflow->months == 0 || cashflow->unit != KESSAN_UNIT_CURRENCY)
            continue;
          date = k == 0 ? shift_months (cashflow->end, -(int) cashflow->months) : cashflow->end;
          if (date == 0)
            continue;

          check = g_new0 (KessanSeriesCheck, 1);
          check->kind = k == 0 ? KESSAN_SERIES_CHECK_CASH_BEGINNING : KESSAN_SERIES_CHECK_CASH_END;
          check->cashflow = cashflow;
          check->balance = find_point (self->printed, balance_entry, date, 0);
          iso_from_julian (date, check->date);
          if (check->balance == NULL)
            check->status = KESSAN_SERIES_CHECK_MISSING;
          else if (values_agree (cashflow->value, cashflow->resolution,
                                 check->balance->value, check->balance->resolution))
            check->status = KESSAN_SERIES_CHECK_MATCH;
          else
            check->status = KESSAN_SERIES_CHECK_MISMATCH;
          g_ptr_array_add (self->checks, check);
          g_ptr_array_add (findings, finding_for_check (check));
        }
    }

  g_list_store_splice (self->findings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->findings)),
                       findings->pdata, findings->len);
}

void
kessan_series_set_ensure_built (KessanSeriesSet *self)
{
  if (!self->dirty)
    return;

  rank_releases (self);
  for (guint i = 0; i < self->points->len; i++)
    finish_point (g_ptr_array_index (self->points, i));

  clear_derived (self);
  derive_fourth_quarters (self);
  derive_sums (self);
  derive_margin (self, KESSAN_SERIES_GROSS_MARGIN, COST_OF_REVENUES_CONCEPT, TRUE,
                 "(revenues.total - costs.cost_of_revenues.total) / revenues.total * 100");
  derive_margin (self, KESSAN_SERIES_OPERATING_MARGIN, OPERATING_INCOME_CONCEPT, FALSE,
                 "operating_income / revenues.total * 100");
  derive_margin (self, KESSAN_SERIES_EBITDA_MARGIN, EBITDA_CONCEPT, FALSE,
                 "ebitda.adjusted / revenues.total * 100");
  derive_growth (self);

  /* The findings store notifies its observers: mark the set clean first,
   * so that one asking the set again does not rebuild it. */
  self->dirty = FALSE;
  run_cash_checks (self);
}

/* Queries */

static int
compare_entries (const ConceptEntry *a,
                 const ConceptEntry *b)
{
  const ConceptEntry *base_a = a->base != NULL ? a->base : a;
  const ConceptEntry *base_b = b->base != NULL ? b->base : b;
  int cmp;

  if (base_a != base_b)
    {
      if (base_a->order != base_b->order)
        return base_a->order < base_b->order ? -1 : 1;
      /* Margins after every printed concept. */
      cmp = (int) g_str_has_prefix (base_a->key, "margin.") - (int) g_str_has_prefix (base_b->key, "margin.");
      if (cmp != 0)
        return cmp;
      return strcmp (base_a->key, base_b->key);
    }
  return (int) a->variant - (int) b->variant;
}

static int
compare_entries_indirect (gconstpointer a,
                          gconstpointer b)
{
  return compare_entries (*(const ConceptEntry * const *) a, *(const ConceptEntry * const *) b);
}

GPtrArray *
kessan_series_set_sorted_entries (KessanSeriesSet *self)
{
  GPtrArray *entries = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->concepts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ConceptEntry *entry = value;

      if (entry->points->len > 0 || entry->derived->len > 0)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries_indirect);
  return entries;
}

GPtrArray *
kessan_series_entry_sorted_points (ConceptEntry *entry)
{
  GPtrArray *points = g_ptr_array_copy (entry->points, NULL, NULL);

  g_ptr_array_extend (points, entry->derived, NULL, NULL);
  g_ptr_array_sort (points, compare_points_by_period);
  return points;
}

/**
 * kessan_series_set_get_concepts:
 * @self: a #KessanSeriesSet
 *
 * Every concept with at least one point, printed or derived: those of the
 * concept dictionary in its order, then the others, then the margins; the
 * growth series (`yoy(KEY)`, `qoq(KEY)`) right after their concept.
 *
 * Returns: (transfer full) (array zero-terminated=1): the concept keys
 */
char **
kessan_series_set_get_concepts (KessanSeriesSet *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *keys;

  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), NULL);

  kessan_series_set_ensure_built (self);
  entries = kessan_series_set_sorted_entries (self);
  keys = g_ptr_array_new_full (entries->len + 1, NULL);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (keys, g_strdup (((ConceptEntry *) g_ptr_array_index (entries, i))->key));
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_free (keys, FALSE);
}

/**
 * kessan_series_set_get_points:
 * @self: a #KessanSeriesSet
 * @concept: a concept key
 *
 * Returns: (transfer container) (element-type KessanSeriesPoint): the
 *   points of @concept, printed and derived, by period end and then
 *   months; empty for a concept the set does not know
 */
GPtrArray *
kessan_series_set_get_points (KessanSeriesSet *self,
                              const char      *concept)
{
  ConceptEntry *entry;

  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), NULL);
  g_return_val_if_fail (concept != NULL, NULL);

  kessan_series_set_ensure_built (self);
  entry = g_hash_table_lookup (self->concepts, concept);
  if (entry == NULL)
    return g_ptr_array_new ();
  return kessan_series_entry_sorted_points (entry);
}

/**
 * kessan_series_set_lookup:
 * @self: a #KessanSeriesSet
 * @concept: a concept key ("revenues.total", "margin.operating",
 *   "yoy(revenues.total)")
 * @period_end: the end of the period as an ISO date
 * @months: the months the period covers, 0 for a point in time
 *
 * Returns: (transfer none) (nullable): the point, printed if any release
 *   prints it, else derived, else %NULL
 */
const KessanSeriesPoint *
kessan_series_set_lookup (KessanSeriesSet *self,
                          const char      *concept,
                          const char      *period_end,
                          guint            months)
{
  ConceptEntry *entry;

  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), NULL);
  g_return_val_if_fail (concept != NULL, NULL);
  g_return_val_if_fail (period_end != NULL, NULL);

  kessan_series_set_ensure_built (self);
  entry = g_hash_table_lookup (self->concepts, concept);
  if (entry == NULL || months > G_MAXUINT16)
    return NULL;
  return find_any_point (self, entry, julian_from_iso (period_end), months);
}

/**
 * kessan_series_set_get_n_checks:
 * @self: a #KessanSeriesSet
 *
 * Returns: the number of cross-release cash checks run
 */
guint
kessan_series_set_get_n_checks (KessanSeriesSet *self)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), 0);

  kessan_series_set_ensure_built (self);
  return self->checks->len;
}

/**
 * kessan_series_set_get_check:
 * @self: a #KessanSeriesSet
 * @index: less than the number of checks
 *
 * The checks that the cash of the balance sheets equals the cash at the
 * beginning and at the end of the periods of the cash-flow statements:
 * those of the beginning first, each by period.
 *
 * Returns: (transfer none): the check at @index
 */
const KessanSeriesCheck *
kessan_series_set_get_check (KessanSeriesSet *self,
                             guint            index)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), NULL);

  kessan_series_set_ensure_built (self);
  g_return_val_if_fail (index < self->checks->len, NULL);
  return g_ptr_array_index (self->checks, index);
}

/**
 * kessan_series_set_get_findings:
 * @self: a #KessanSeriesSet
 *
 * The cash checks as findings with the check id "cross-release-cash": an
 * error for each mismatch, information for each match and for each check
 * that could not run.  The model is updated when the set changes and is
 * asked again.
 *
 * Returns: (transfer none): a #GListModel of #KessanFinding
 */
GListModel *
kessan_series_set_get_findings (KessanSeriesSet *self)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_SET (self), NULL);

  kessan_series_set_ensure_built (self);
  return G_LIST_MODEL (self->findings);
}

/**
 * kessan_series_get_margins:
 * @n_margins: (out): the number of margins
 *
 * Returns: (array length=n_margins): the margins a set derives, in the
 *   order they are shown after the revenues
 */
const KessanSeriesMargin *
kessan_series_get_margins (guint *n_margins)
{
  g_return_val_if_fail (n_margins != NULL, NULL);

  *n_margins = G_N_ELEMENTS (margins);
  return margins;
}

/**
 * kessan_series_dup_labels:
 * @concept: a concept key
 * @points: (nullable) (element-type KessanSeriesPoint): its points, as
 *   kessan_series_set_get_points() gives them
 * @label_en: (out) (transfer full) (nullable): its English label
 * @label_ja: (out) (transfer full) (nullable): its Japanese label
 *
 * The labels of a concept: a margin's, else the dictionary's, and what
 * its releases print for a language the dictionary does not name it
 * in.  A concept no release names in a language of its own has the
 * printed label as its English one.
 */
void
kessan_series_dup_labels (const char  *concept,
                          GPtrArray   *points,
                          char       **label_en,
                          char       **label_ja)
{
  const KessanConcept *known;

  g_return_if_fail (concept != NULL);
  g_return_if_fail (label_en != NULL && label_ja != NULL);

  *label_en = *label_ja = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (margins); i++)
    if (strcmp (concept, margins[i].key) == 0)
      {
        *label_en = g_strdup (margins[i].label_en);
        *label_ja = g_strdup (margins[i].label_ja);
        return;
      }

  known = kessan_concepts_get (kessan_concepts_get_default (), concept);
  if (known != NULL)
    {
      *label_en = g_strdup (known->label_en);
      *label_ja = g_strdup (known->label_ja);
    }
  for (guint i = 0; points != NULL && i < points->len && (*label_en == NULL || *label_ja == NULL); i++)
    {
      const KessanSeriesObservation *observation = kessan_series_point_get_value_observation (g_ptr_array_index (points, i));
      KessanLineItem *item = observation != NULL ? kessan_series_observation_get_row (observation) : NULL;

      if (item == NULL)
        continue;
      if (*label_en == NULL)
        *label_en = g_strdup (kessan_line_item_get_label_en (item));
      if (*label_ja == NULL)
        *label_ja = g_strdup (kessan_line_item_get_label_ja (item));
      if (*label_en == NULL && *label_ja == NULL)
        *label_en = g_strdup (kessan_line_item_get_label (item));
    }
}

/**
 * kessan_series_observation_get_value:
 * @observation: an observation
 *
 * Returns: the printed value times its scale: yen, not thousands
 */
double
kessan_series_observation_get_value (const KessanSeriesObservation *observation)
{
  g_return_val_if_fail (observation != NULL, 0);

  return observation_value (observation);
}
