/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "config.h"

#include "kessan-filing.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "kessan-correction.h"
#include "kessan-model-private.h"
#include "kessan-pdf.h"

struct _KessanFiling
{
  GObject      parent_instance;

  /* Owned */
  KessanCompany *company;
  char        *period_end;
  char        *period_start;
  char        *fiscal_label;
  GPtrArray   *parts;         /* KessanSourcePart */
  GArray      *places;        /* KessanSourcePlace, by first line */
  char        *released;
  char        *rate_as_of;
  char       **languages;
  char        *source_name;
  char        *source_hash;
  char        *source_encoding;
  char        *text;
  GArray      *page_breaks;   /* guint: the lines holding a form feed,
                               * worked out from the text when asked */
  GListStore  *statements;
  GPtrArray   *statement_array; /* the same, for threads to read */
  GListStore  *findings;
  GListStore  *corrections;

  /* Fetches the text the first time it is asked for. */
  KessanFilingTextFunc  text_func;
  gpointer              text_func_data;
  GDestroyNotify        text_func_destroy;

  guint        n_languages;
  guint        fiscal_year;
  guint        fiscal_quarter;
  guint        period_months;
  double       jpy_per_usd;
  guint8       fiscal_year_end_month;
  guint8       fiscal_year_end_day;
  KessanAccountingStandard standard;
  KessanConsolidation consolidation;
};

G_DEFINE_FINAL_TYPE (KessanFiling, kessan_filing, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMPANY,
  PROP_FISCAL_YEAR,
  PROP_FISCAL_QUARTER,
  PROP_PERIOD_END,
  PROP_RELEASED,
  PROP_SOURCE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kessan_filing_dispose (GObject *object)
{
  KessanFiling *self = (KessanFiling *)object;

  g_clear_object (&self->statements);
  g_clear_pointer (&self->statement_array, g_ptr_array_unref);
  g_clear_object (&self->findings);
  g_clear_object (&self->corrections);

  G_OBJECT_CLASS (kessan_filing_parent_class)->dispose (object);
}

static void
kessan_filing_finalize (GObject *object)
{
  KessanFiling *self = (KessanFiling *)object;

  g_clear_object (&self->company);
  g_clear_pointer (&self->period_end, g_free);
  g_clear_pointer (&self->period_start, g_free);
  g_clear_pointer (&self->fiscal_label, g_free);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->released, g_free);
  g_clear_pointer (&self->rate_as_of, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->source_hash, g_free);
  g_clear_pointer (&self->source_encoding, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->page_breaks, g_array_unref);
  if (self->text_func_destroy != NULL)
    self->text_func_destroy (self->text_func_data);

  G_OBJECT_CLASS (kessan_filing_parent_class)->finalize (object);
}

static void
kessan_filing_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KessanFiling *self = KESSAN_FILING (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      g_value_set_string (value, kessan_company_get_name (self->company));
      break;

    case PROP_FISCAL_YEAR:
      g_value_set_uint (value, self->fiscal_year);
      break;

    case PROP_FISCAL_QUARTER:
      g_value_set_uint (value, self->fiscal_quarter);
      break;

    case PROP_PERIOD_END:
      g_value_set_string (value, self->period_end);
      break;

    case PROP_RELEASED:
      g_value_set_string (value, self->released);
      break;

    case PROP_SOURCE_NAME:
      g_value_set_string (value, self->source_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_filing_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KessanFiling *self = KESSAN_FILING (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      kessan_filing_set_company (self, g_value_get_string (value));
      break;

    case PROP_RELEASED:
      kessan_filing_set_released (self, g_value_get_string (value));
      break;

    case PROP_SOURCE_NAME:
      kessan_filing_set_source_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_filing_class_init (KessanFilingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kessan_filing_dispose;
  object_class->finalize = kessan_filing_finalize;
  object_class->get_property = kessan_filing_get_property;
  object_class->set_property = kessan_filing_set_property;

  properties[PROP_COMPANY] =
    g_param_spec_string ("company", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The period is set through functions taking its parts together, so
   * these are read-only; they still notify, for views bound to them. */
  properties[PROP_FISCAL_YEAR] =
    g_param_spec_uint ("fiscal-year", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FISCAL_QUARTER] =
    g_param_spec_uint ("fiscal-quarter", NULL, NULL,
                       0, 4, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PERIOD_END] =
    g_param_spec_string ("period-end", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_RELEASED] =
    g_param_spec_string ("released", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE_NAME] =
    g_param_spec_string ("source-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kessan_filing_init (KessanFiling *self)
{
  self->languages = g_new0 (char *, 1);
  self->company = kessan_company_new ();
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) kessan_source_part_free);
  self->places = g_array_new (FALSE, TRUE, sizeof (KessanSourcePlace));
  g_array_set_clear_func (self->places, (GDestroyNotify) kessan_source_place_clear);
  self->statements = g_list_store_new (KESSAN_TYPE_STATEMENT);
  self->statement_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->findings = g_list_store_new (KESSAN_TYPE_FINDING);
  self->corrections = g_list_store_new (KESSAN_TYPE_CORRECTION);
}

/**
 * kessan_filing_new:
 *
 * Creates an empty filing.
 *
 * Returns: (transfer full): a new #KessanFiling
 */
KessanFiling *
kessan_filing_new (void)
{
  return g_object_new (KESSAN_TYPE_FILING, NULL);
}

/**
 * kessan_filing_get_company:
 * @self: a #KessanFiling
 *
 * Returns: (nullable) (transfer none): the company's name as printed
 */
const char *
kessan_filing_get_company (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return kessan_company_get_name (self->company);
}

/**
 * kessan_filing_get_company_info:
 * @self: a #KessanFiling
 *
 * Returns: (transfer none): who published the release: its name and the
 *   identifiers printed or tagged in it
 */
KessanCompany *
kessan_filing_get_company_info (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return self->company;
}

/**
 * kessan_filing_set_company:
 * @self: a #KessanFiling
 * @company: (nullable): the company's name
 *
 * Sets the company the release is about.
 */
void
kessan_filing_set_company (KessanFiling *self,
                           const char   *company)
{
  g_return_if_fail (KESSAN_IS_FILING (self));

  if (g_strcmp0 (kessan_company_get_name (self->company), company) != 0)
    {
      kessan_company_set_name (self->company, company);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
    }
}

/**
 * kessan_filing_get_fiscal_year:
 * @self: a #KessanFiling
 *
 * Returns: the fiscal year reported, 0 when unknown
 */
guint
kessan_filing_get_fiscal_year (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), 0);

  return self->fiscal_year;
}

/**
 * kessan_filing_get_fiscal_quarter:
 * @self: a #KessanFiling
 *
 * Returns: the fiscal quarter reported, 1 to 4, or 0 for a release
 *   covering the full year only
 */
guint
kessan_filing_get_fiscal_quarter (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), 0);

  return self->fiscal_quarter;
}

/**
 * kessan_filing_set_fiscal_period:
 * @self: a #KessanFiling
 * @fiscal_year: the fiscal year, 0 when unknown
 * @fiscal_quarter: 1 to 4, or 0 for the full year only
 *
 * Sets the fiscal period the release reports.
 */
void
kessan_filing_set_fiscal_period (KessanFiling *self,
                                 guint         fiscal_year,
                                 guint         fiscal_quarter)
{
  g_return_if_fail (KESSAN_IS_FILING (self));
  g_return_if_fail (fiscal_quarter <= 4);

  if (self->fiscal_year != fiscal_year)
    {
      self->fiscal_year = fiscal_year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_YEAR]);
    }

  if (self->fiscal_quarter != fiscal_quarter)
    {
      self->fiscal_quarter = fiscal_quarter;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_QUARTER]);
    }
}

/**
 * kessan_filing_get_period_end:
 * @self: a #KessanFiling
 *
 * Returns: (nullable) (transfer none): the end of the period reported,
 *   as an ISO date
 */
const char *
kessan_filing_get_period_end (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return self->period_end;
}

/**
 * kessan_filing_get_period_months:
 * @self: a #KessanFiling
 *
 * Returns: the months the reported period covers, 0 when unknown
 */
guint
kessan_filing_get_period_months (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), 0);

  return self->period_months;
}

/**
 * kessan_filing_set_period_end:
 * @self: a #KessanFiling
 * @iso_date: (nullable): the end of the period, such as "2003-09-30"
 * @months: the months the period covers, 0 when unknown
 *
 * Sets the period the release reports.
 */
void
kessan_filing_set_period_end (KessanFiling *self,
                              const char   *iso_date,
                              guint         months)
{
  g_return_if_fail (KESSAN_IS_FILING (self));

  if (kessan_replace_str (&self->period_end, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_END]);

  self->period_months = months;
}

/**
 * kessan_filing_get_released:
 * @self: a #KessanFiling
 *
 * Returns: (nullable) (transfer none): the release date as an ISO date
 */
const char *
kessan_filing_get_released (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return self->released;
}

/**
 * kessan_filing_set_released:
 * @self: a #KessanFiling
 * @iso_date: (nullable): the release date
 *
 * Sets the date the release was published.
 */
void
kessan_filing_set_released (KessanFiling *self,
                            const char   *iso_date)
{
  g_return_if_fail (KESSAN_IS_FILING (self));

  if (kessan_replace_str (&self->released, iso_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELEASED]);
}

/**
 * kessan_filing_get_jpy_per_usd:
 * @self: a #KessanFiling
 *
 * Returns: the convenience rate in yen per dollar the release states,
 *   0 when it states none
 */
double
kessan_filing_get_jpy_per_usd (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), 0.0);

  return self->jpy_per_usd;
}

/**
 * kessan_filing_get_rate_as_of:
 * @self: a #KessanFiling
 *
 * Returns: (nullable) (transfer none): the date of the convenience rate,
 *   as an ISO date
 */
const char *
kessan_filing_get_rate_as_of (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return self->rate_as_of;
}

/**
 * kessan_filing_set_exchange_rate:
 * @self: a #KessanFiling
 * @jpy_per_usd: yen per dollar, 0 for no rate
 * @as_of: (nullable): the date of the rate
 *
 * Sets the convenience rate the release uses for its dollar columns.
 */
void
kessan_filing_set_exchange_rate (KessanFiling *self,
                                 double        jpy_per_usd,
                                 const char   *as_of)
{
  g_return_if_fail (KESSAN_IS_FILING (self));
  g_return_if_fail (isfinite (jpy_per_usd) && jpy_per_usd >= 0.0);

  self->jpy_per_usd = jpy_per_usd;
  kessan_replace_str (&self->rate_as_of, as_of);
}

/**
 * kessan_filing_get_languages:
 * @self: a #KessanFiling
 *
 * Returns: (array zero-terminated=1) (transfer none): the languages of
 *   the release, in the order they first appear
 */
const char * const *
kessan_filing_get_languages (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return (const char * const *)self->languages;
}

/**
 * kessan_filing_add_language:
 * @self: a #KessanFiling
 * @language: a language code such as "ja"
 *
 * Records that the release contains text in @language; a language
 * already recorded keeps its place.
 */
void
kessan_filing_add_language (KessanFiling *self,
                            const char   *language)
{
  g_return_if_fail (KESSAN_IS_FILING (self));
  g_return_if_fail (language != NULL);

  if (g_strv_contains ((const char * const *)self->languages, language))
    return;

  self->languages = g_renew (char *, self->languages, self->n_languages + 2);
  self->languages[self->n_languages++] = g_strdup (language);
  self->languages[self->n_languages] = NULL;
}

/**
 * kessan_filing_get_source_name:
 * @self: a #KessanFiling
 *
 * Returns: (nullable) (transfer none): the file name of the original
 *   release
 */
const char *
kessan_filing_get_source_name (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return self->source_name;
}

/**
 * kessan_filing_set_source_name:
 * @self: a #KessanFiling
 * @name: (nullable): the file name of the original release
 *
 * Sets the name of the file the filing was read from.
 */
void
kessan_filing_set_source_name (KessanFiling *self,
                               const char   *name)
{
  g_return_if_fail (KESSAN_IS_FILING (self));

  if (kessan_replace_str (&self->source_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_NAME]);
}

/**
 * kessan_filing_get_source_hash:
 * @self: a #KessanFiling
 *
 * Returns: (nullable) (transfer none): the lower-case hex SHA-256 of the
 *   original file's bytes
 */
const char *
kessan_filing_get_source_hash (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return self->source_hash;
}

/**
 * kessan_filing_set_source_hash:
 * @self: a #KessanFiling
 * @hash: (nullable): a lower-case hex SHA-256
 *
 * Sets the hash that identifies the original file.
 */
void
kessan_filing_set_source_hash (KessanFiling *self,
                               const char   *hash)
{
  g_return_if_fail (KESSAN_IS_FILING (self));

  kessan_replace_str (&self->source_hash, hash);
}

/**
 * kessan_filing_get_source_encoding:
 * @self: a #KessanFiling
 *
 * Returns: (nullable) (transfer none): the encoding the original file
 *   was decoded from, such as "Shift_JIS"
 */
const char *
kessan_filing_get_source_encoding (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return self->source_encoding;
}

/**
 * kessan_filing_set_source_encoding:
 * @self: a #KessanFiling
 * @encoding: (nullable): an encoding name
 *
 * Sets the encoding the original file was decoded from.
 */
void
kessan_filing_set_source_encoding (KessanFiling *self,
                                   const char   *encoding)
{
  g_return_if_fail (KESSAN_IS_FILING (self));

  kessan_replace_str (&self->source_encoding, encoding);
}

/**
 * kessan_filing_get_text:
 * @self: a #KessanFiling
 *
 * A filing without its text in memory but with a text function (see
 * kessan_filing_set_text_func()) gets it from that function the first
 * time it is asked for, and keeps it.
 *
 * Returns: (nullable) (transfer none): the decoded source text, which
 *   all line numbers refer to
 */
const char *
kessan_filing_get_text (KessanFiling *self)
{
  char *text;

  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  text = g_atomic_pointer_get (&self->text);
  if (text == NULL && self->text_func != NULL)
    {
      text = self->text_func (self, self->text_func_data);

      /* Two threads may ask at the same time: the text stored first is
       * the one both get. */
      if (text != NULL && !g_atomic_pointer_compare_and_exchange (&self->text, NULL, text))
        {
          g_free (text);
          text = g_atomic_pointer_get (&self->text);
        }
    }

  return text;
}

/**
 * kessan_filing_set_text_func:
 * @self: a #KessanFiling
 * @func: (nullable): returns the decoded text of @self, or %NULL when it
 *   cannot
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data with the filing
 *
 * Lets kessan_filing_get_text() fetch the text when it is first asked
 * for instead of keeping it from the start: the library loads thousands
 * of filings whose text is rarely looked at, and can read it back from
 * its files.  @func may run in any thread that asks for the text.
 */
void
kessan_filing_set_text_func (KessanFiling         *self,
                             KessanFilingTextFunc  func,
                             gpointer              user_data,
                             GDestroyNotify        destroy)
{
  g_return_if_fail (KESSAN_IS_FILING (self));

  if (self->text_func_destroy != NULL)
    self->text_func_destroy (self->text_func_data);

  self->text_func = func;
  self->text_func_data = user_data;
  self->text_func_destroy = destroy;
}

/**
 * kessan_filing_set_text:
 * @self: a #KessanFiling
 * @text: (nullable): the decoded text, with LF line ends
 *
 * Keeps the decoded source text for provenance.
 */
void
kessan_filing_set_text (KessanFiling *self,
                        const char   *text)
{
  g_return_if_fail (KESSAN_IS_FILING (self));

  kessan_replace_str (&self->text, text);
  g_clear_pointer (&self->page_breaks, g_array_unref);
}

/**
 * kessan_filing_take_text:
 * @self: a #KessanFiling
 * @text: (transfer full) (nullable): the decoded text
 *
 * Like kessan_filing_set_text(), without a copy of what may be a large
 * text.
 */
void
kessan_filing_take_text (KessanFiling *self,
                         char         *text)
{
  g_return_if_fail (KESSAN_IS_FILING (self));

  g_free (self->text);
  self->text = text;
  g_clear_pointer (&self->page_breaks, g_array_unref);
}

/* Pages are separated by form feeds in the text (the PDF reader puts
 * one on a line of its own between pages), so that the text alone,
 * stored or read again from the original, says where each page
 * starts. */
static GArray *
get_page_breaks (KessanFiling *self)
{
  GArray *breaks = g_atomic_pointer_get (&self->page_breaks);
  const char *text;
  guint line = 1;

  if (breaks != NULL)
    return breaks;
  text = kessan_filing_get_text (self);
  if (text == NULL)
    return NULL;

  breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        line++;
      else if (*p == '\f')
        g_array_append_val (breaks, line);
    }

  if (!g_atomic_pointer_compare_and_exchange (&self->page_breaks, NULL, breaks))
    {
      g_array_unref (breaks);
      breaks = g_atomic_pointer_get (&self->page_breaks);
    }
  return breaks;
}

/* Only a release read from PDF has pages.  A text release is not asked
 * for its text here, which a filing of the library would have to read
 * from its file. */
static gboolean
is_paged (KessanFiling *self)
{
  return g_strcmp0 (self->source_encoding, KESSAN_PDF_ENCODING) == 0;
}

/**
 * kessan_filing_get_n_pages:
 * @self: a #KessanFiling
 *
 * Returns: the number of pages of a release read from PDF, or 0 for a
 *   text release (or when the text is not at hand)
 */
guint
kessan_filing_get_n_pages (KessanFiling *self)
{
  GArray *breaks;

  g_return_val_if_fail (KESSAN_IS_FILING (self), 0);

  if (!is_paged (self))
    return 0;
  breaks = get_page_breaks (self);
  return breaks != NULL ? breaks->len + 1 : 0;
}

/**
 * kessan_filing_get_line_page:
 * @self: a #KessanFiling
 * @line: a 1-based line of the filing's text
 *
 * The page a line of the text was printed on, for provenance: "page 3,
 * line 120".  Line numbers still count through the whole text.
 *
 * Returns: the 1-based page of @line in a release read from PDF, or 0
 *   for a text release (or when the text is not at hand)
 */
guint
kessan_filing_get_line_page (KessanFiling *self,
                             guint         line)
{
  GArray *breaks;
  guint low = 0, high;

  g_return_val_if_fail (KESSAN_IS_FILING (self), 0);

  if (!is_paged (self) || line == 0)
    return 0;
  breaks = get_page_breaks (self);
  if (breaks == NULL)
    return 0;

  /* The number of breaks on or before @line. */
  high = breaks->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (breaks, guint, middle) <= line)
        low = middle + 1;
      else
        high = middle;
    }
  return low + 1;
}

/**
 * kessan_filing_get_statements:
 * @self: a #KessanFiling
 *
 * Returns: (transfer none): a #GListModel of #KessanStatement
 */
GListModel *
kessan_filing_get_statements (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return G_LIST_MODEL (self->statements);
}

/**
 * kessan_filing_get_n_statements:
 * @self: a #KessanFiling
 *
 * Returns: the number of statements
 */
guint
kessan_filing_get_n_statements (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), 0);

  return self->statement_array->len;
}

/**
 * kessan_filing_get_statement:
 * @self: a #KessanFiling
 * @index: a statement index, less than the number of statements
 *
 * Returns: (transfer none): the statement at @index
 */
KessanStatement *
kessan_filing_get_statement (KessanFiling *self,
                             guint         index)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);
  g_return_val_if_fail (index < self->statement_array->len, NULL);

  /* Not the store: GListStore caches its last position on every read,
   * so threads building series from a filing cannot share it. */
  return g_ptr_array_index (self->statement_array, index);
}

/**
 * kessan_filing_find_statement:
 * @self: a #KessanFiling
 * @id: a statement id such as "en-income-quarter"
 *
 * Returns: (nullable) (transfer none): the statement with @id, or %NULL
 */
KessanStatement *
kessan_filing_find_statement (KessanFiling *self,
                              const char   *id)
{
  guint n_statements;

  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n_statements = kessan_filing_get_n_statements (self);
  for (guint i = 0; i < n_statements; i++)
    {
      KessanStatement *statement = kessan_filing_get_statement (self, i);

      if (g_strcmp0 (kessan_statement_get_id (statement), id) == 0)
        return statement;
    }

  return NULL;
}

/**
 * kessan_filing_add_statement:
 * @self: a #KessanFiling
 * @statement: (transfer none): a #KessanStatement
 *
 * Appends @statement; the filing keeps a reference.
 */
void
kessan_filing_add_statement (KessanFiling    *self,
                             KessanStatement *statement)
{
  g_return_if_fail (KESSAN_IS_FILING (self));
  g_return_if_fail (KESSAN_IS_STATEMENT (statement));

  g_ptr_array_add (self->statement_array, g_object_ref (statement));
  g_list_store_append (self->statements, statement);
  /* The statement's list model of rows is made here, in the thread that
   * reads the filing, in one splice: made when the window first asks,
   * a table of a million rows would hold up its main loop. */
  kessan_statement_get_rows (statement);
}

/**
 * kessan_filing_get_findings:
 * @self: a #KessanFiling
 *
 * Returns: (transfer none): a #GListModel of #KessanFinding
 */
GListModel *
kessan_filing_get_findings (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return G_LIST_MODEL (self->findings);
}

/**
 * kessan_filing_get_n_findings:
 * @self: a #KessanFiling
 *
 * Returns: the number of findings
 */
guint
kessan_filing_get_n_findings (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->findings));
}

/**
 * kessan_filing_get_finding:
 * @self: a #KessanFiling
 * @index: a finding index, less than the number of findings
 *
 * Returns: (transfer none): the finding at @index
 */
KessanFinding *
kessan_filing_get_finding (KessanFiling *self,
                           guint         index)
{
  g_autoptr(KessanFinding) finding = NULL;

  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);
  g_return_val_if_fail (index < kessan_filing_get_n_findings (self), NULL);

  /* The store holds its own reference, so the finding outlives ours. */
  finding = g_list_model_get_item (G_LIST_MODEL (self->findings), index);
  return finding;
}

/**
 * kessan_filing_add_finding:
 * @self: a #KessanFiling
 * @finding: (transfer none): a #KessanFinding
 *
 * Appends @finding; the filing keeps a reference.
 */
void
kessan_filing_add_finding (KessanFiling  *self,
                           KessanFinding *finding)
{
  g_return_if_fail (KESSAN_IS_FILING (self));
  g_return_if_fail (KESSAN_IS_FINDING (finding));

  g_list_store_append (self->findings, finding);
}

/**
 * kessan_filing_remove_statement:
 * @self: a #KessanFiling
 * @statement: a statement of @self
 *
 * Removes @statement, as a skipped table is left out.
 */
void
kessan_filing_remove_statement (KessanFiling    *self,
                                KessanStatement *statement)
{
  guint position;

  g_return_if_fail (KESSAN_IS_FILING (self));
  g_return_if_fail (KESSAN_IS_STATEMENT (statement));

  if (g_list_store_find (self->statements, statement, &position))
    g_list_store_remove (self->statements, position);
  g_ptr_array_remove (self->statement_array, statement);
}

/**
 * kessan_filing_get_corrections:
 * @self: a #KessanFiling
 *
 * What the analyst corrected when the release was imported, in the order
 * the corrections were made (kessan-correction.h).  The statements
 * already hold the corrected values.
 *
 * Returns: (transfer none): a #GListStore of #KessanCorrection
 */
GListModel *
kessan_filing_get_corrections (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return G_LIST_MODEL (self->corrections);
}

/**
 * kessan_filing_get_accounting_standard:
 * @self: a #KessanFiling
 *
 * Returns: the accounting standard the release states
 */
KessanAccountingStandard
kessan_filing_get_accounting_standard (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), KESSAN_STANDARD_UNKNOWN);

  return self->standard;
}

void
kessan_filing_set_accounting_standard (KessanFiling             *self,
                                       KessanAccountingStandard  standard)
{
  g_return_if_fail (KESSAN_IS_FILING (self));
  g_return_if_fail (standard <= KESSAN_STANDARD_JGAAP);

  self->standard = standard;
}

/**
 * kessan_filing_get_consolidation:
 * @self: a #KessanFiling
 *
 * Returns: whether the release reports consolidated figures
 */
KessanConsolidation
kessan_filing_get_consolidation (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), KESSAN_CONSOLIDATION_UNKNOWN);

  return self->consolidation;
}

void
kessan_filing_set_consolidation (KessanFiling        *self,
                                 KessanConsolidation  consolidation)
{
  g_return_if_fail (KESSAN_IS_FILING (self));
  g_return_if_fail (consolidation <= KESSAN_CONSOLIDATION_NON_CONSOLIDATED);

  self->consolidation = consolidation;
}

/**
 * kessan_filing_get_fiscal_year_end:
 * @self: a #KessanFiling
 * @month: (out) (optional): 1 to 12, or 0 when unknown
 * @day: (out) (optional): 1 to 31, or 0 when unknown
 *
 * The day the company's fiscal year ends, as the release shows it: the
 * last day of a 52/53-week year moves from year to year, and this is the
 * one of the fiscal year reported.
 *
 * Returns: %TRUE when known
 */
gboolean
kessan_filing_get_fiscal_year_end (KessanFiling *self,
                                   guint        *month,
                                   guint        *day)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), FALSE);

  if (month != NULL)
    *month = self->fiscal_year_end_month;
  if (day != NULL)
    *day = self->fiscal_year_end_day;
  return self->fiscal_year_end_month != 0;
}

void
kessan_filing_set_fiscal_year_end (KessanFiling *self,
                                   guint         month,
                                   guint         day)
{
  g_return_if_fail (KESSAN_IS_FILING (self));
  g_return_if_fail (month <= 12 && day <= 31);

  self->fiscal_year_end_month = month;
  self->fiscal_year_end_day = month != 0 ? day : 0;
}

/**
 * kessan_filing_get_reporting_currency:
 * @self: a #KessanFiling
 *
 * The currency a release reports in: the one most of its amount columns
 * are in.  A column in another currency is a convenience translation of
 * those figures (IIJ's US dollars at a stated rate).
 *
 * Returns: (nullable): an ISO 4217 code, or %NULL when no amount column
 *   names its currency
 */
const char *
kessan_filing_get_reporting_currency (KessanFiling *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_count = 0;

  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  for (guint s = 0; s < kessan_filing_get_n_statements (self); s++)
    {
      KessanStatement *statement = kessan_filing_get_statement (self, s);

      for (guint c = 0; c < kessan_statement_get_n_columns (statement); c++)
        {
          KessanColumn *column = kessan_statement_get_column (statement, c);
          const char *code = kessan_column_get_currency_code (column);
          guint count;

          if (code == NULL || kessan_column_get_measure (column) != KESSAN_MEASURE_AMOUNT)
            continue;
          count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, code)) + 1;
          g_hash_table_insert (counts, (gpointer) code, GUINT_TO_POINTER (count));
          if (count > best_count)
            {
              best = code;
              best_count = count;
            }
        }
    }
  return best;
}

/**
 * kessan_filing_get_named_fiscal_year:
 * @self: a #KessanFiling
 *
 * The fiscal year of the release as the company names it (see
 * kessan_fiscal_year_named()): Apple's quarter ended March 27, 1999 is
 * in fiscal 1999, though kessan_filing_get_fiscal_year() names that
 * year by the calendar year it starts in, 1998.
 *
 * Returns: the year, or 0 when not known
 */
guint
kessan_filing_get_named_fiscal_year (KessanFiling *self)
{
  KessanCalendar calendar;
  GDate end;

  g_return_val_if_fail (KESSAN_IS_FILING (self), 0);

  kessan_filing_get_calendar (self, &calendar);
  if (self->fiscal_year == 0 || calendar.fiscal_end_month == 0 || !kessan_date_from_iso (self->period_end, &end))
    return self->fiscal_year;
  return kessan_fiscal_year_named (&end, &calendar);
}

/**
 * kessan_filing_dup_period_name:
 * @self: a #KessanFiling
 *
 * Returns: (transfer full): the release's fiscal period as the sidebar
 *   and the Checks name it: "2Q FY2003", "FY2002" or "Unknown period"
 */
char *
kessan_filing_dup_period_name (KessanFiling *self)
{
  guint year, quarter;

  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  year = kessan_filing_get_named_fiscal_year (self);
  quarter = self->fiscal_quarter;
  if (year == 0)
    return g_strdup (_("Unknown period"));
  if (quarter == 0)
    /* TRANSLATORS: a fiscal year: "FY2002" */
    return g_strdup_printf (_("FY%u"), year);
  /* TRANSLATORS: a fiscal quarter: "2Q FY2003" */
  return g_strdup_printf (_("%uQ FY%u"), quarter, year);
}

/**
 * kessan_filing_get_calendar:
 * @self: a #KessanFiling
 * @calendar: (out caller-allocates): the release's calendar
 *
 * The calendar the release's periods are named in: when its fiscal year
 * ends and whether a year is named by the year it starts in (as Japanese
 * companies reporting in yen name a year that ends in its first months).
 * A release that does not say when its year ends gets a calendar without
 * a fiscal year end.
 */
void
kessan_filing_get_calendar (KessanFiling   *self,
                            KessanCalendar *calendar)
{
  static const KessanCalendar unknown = KESSAN_CALENDAR_INIT;

  g_return_if_fail (KESSAN_IS_FILING (self));
  g_return_if_fail (calendar != NULL);

  *calendar = unknown;
  if (self->fiscal_year_end_month == 0)
    return;
  calendar->fiscal_end_month = self->fiscal_year_end_month;
  calendar->fiscal_end_day = self->fiscal_year_end_day;
  if (calendar->fiscal_end_day >= g_date_get_days_in_month (calendar->fiscal_end_month, 2001))
    calendar->fiscal_end_day = 0;
  calendar->codes_name_start = calendar->fiscal_end_month <= 3
                               && g_strcmp0 (kessan_filing_get_reporting_currency (self), "JPY") == 0;
}

/**
 * kessan_filing_get_fiscal_label:
 * @self: a #KessanFiling
 *
 * Returns: (nullable): the fiscal period as the release names it
 *   ("fiscal 2011", "FY2002", "2024年3月期"), or %NULL
 */
const char *
kessan_filing_get_fiscal_label (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return self->fiscal_label;
}

void
kessan_filing_set_fiscal_label (KessanFiling *self,
                                const char   *label)
{
  g_return_if_fail (KESSAN_IS_FILING (self));

  kessan_replace_str (&self->fiscal_label, label);
}

/**
 * kessan_filing_get_period_start:
 * @self: a #KessanFiling
 *
 * Returns: (nullable): the first day of the period reported, or %NULL
 */
const char *
kessan_filing_get_period_start (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return self->period_start;
}

void
kessan_filing_set_period_start (KessanFiling *self,
                                const char   *iso_date)
{
  g_return_if_fail (KESSAN_IS_FILING (self));

  kessan_replace_str (&self->period_start, iso_date);
}

/**
 * kessan_filing_add_part:
 * @self: a #KessanFiling
 * @name: (nullable): the part's file name
 * @format: (nullable): its format ("text", "pdf", "html"…)
 * @sha256: (nullable): the SHA-256 of its bytes
 *
 * Adds a file the release was read from.
 *
 * Returns: the part's index
 */
guint
kessan_filing_add_part (KessanFiling *self,
                        const char   *name,
                        const char   *format,
                        const char   *sha256)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), 0);

  g_ptr_array_add (self->parts, kessan_source_part_new (name, format, sha256));
  return self->parts->len - 1;
}

guint
kessan_filing_get_n_parts (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), 0);

  return self->parts->len;
}

/**
 * kessan_filing_get_part:
 * @self: a #KessanFiling
 * @index: a part index
 *
 * Returns: (nullable) (transfer none): the part, or %NULL past the last
 */
const KessanSourcePart *
kessan_filing_get_part (KessanFiling *self,
                        guint         index)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return index < self->parts->len ? g_ptr_array_index (self->parts, index) : NULL;
}

/**
 * kessan_filing_add_place:
 * @self: a #KessanFiling
 * @first_line: the first line of the run (1-based)
 * @last_line: the last line of the run, inclusive
 * @part: the part the lines came from
 * @element: (nullable): the element of a marked-up part
 *
 * Records where a run of the text's lines came from.  Runs are added in
 * the order of their lines.
 */
void
kessan_filing_add_place (KessanFiling *self,
                         guint         first_line,
                         guint         last_line,
                         guint         part,
                         const char   *element)
{
  KessanSourcePlace place = { first_line, last_line, part, g_strdup (element) };

  g_return_if_fail (KESSAN_IS_FILING (self));
  g_return_if_fail (first_line <= last_line);

  g_array_append_val (self->places, place);
}

guint
kessan_filing_get_n_places (KessanFiling *self)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), 0);

  return self->places->len;
}

const KessanSourcePlace *
kessan_filing_get_place (KessanFiling *self,
                         guint         index)
{
  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  return index < self->places->len ? &g_array_index (self->places, KessanSourcePlace, index) : NULL;
}

/**
 * kessan_filing_find_place:
 * @self: a #KessanFiling
 * @line: a line of the text (1-based)
 *
 * Returns: (nullable) (transfer none): where @line came from, or %NULL
 *   when the release is one part with no places recorded
 */
const KessanSourcePlace *
kessan_filing_find_place (KessanFiling *self,
                          guint         line)
{
  guint lo = 0, hi;

  g_return_val_if_fail (KESSAN_IS_FILING (self), NULL);

  hi = self->places->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const KessanSourcePlace *place = &g_array_index (self->places, KessanSourcePlace, mid);

      if (line < place->first_line)
        hi = mid;
      else if (line > place->last_line)
        lo = mid + 1;
      else
        return place;
    }
  return NULL;
}
