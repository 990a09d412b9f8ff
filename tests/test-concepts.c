/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "kessan-concepts.h"
#include "kessan-error.h"

#include <string.h>

static const KessanConcept *
lookup (KessanStatementKind  kind,
        const char          *section,
        const char          *label)
{
  return kessan_concepts_lookup (kessan_concepts_get_default (), kind, section, label);
}

static const char *
lookup_key (KessanStatementKind  kind,
            const char          *section,
            const char          *label)
{
  const KessanConcept *concept = lookup (kind, section, label);

  return concept != NULL ? concept->key : NULL;
}

static gboolean
is_topic (KessanConcepts *concepts,
          const char     *name)
{
  const char * const *topics = kessan_concepts_get_topics (concepts);

  return g_strv_contains (topics, name);
}

static void
test_bundled_loads (void)
{
  KessanConcepts *concepts = kessan_concepts_get_default ();
  const char * const *keys;

  g_assert_nonnull (concepts);
  g_assert_true (KESSAN_IS_CONCEPTS (concepts));
  g_assert_true (kessan_concepts_get_default () == concepts);

  keys = kessan_concepts_get_keys (concepts);
  g_assert_nonnull (keys);
  g_assert_cmpuint (g_strv_length ((char **) keys), >, 100);
  g_assert_cmpuint (g_strv_length ((char **) kessan_concepts_get_topics (concepts)), >=, 18);
}

/* Keys are unique and well formed, every concept has a label, every
 * section is a table topic or lies under a key or a topic. */
static void
test_keys (void)
{
  KessanConcepts *concepts = kessan_concepts_get_default ();
  const char * const *keys = kessan_concepts_get_keys (concepts);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const KessanConcept *concept = kessan_concepts_get (concepts, keys[i]);

      g_assert_true (g_hash_table_add (seen, (gpointer) keys[i]));
      g_assert_nonnull (concept);
      g_assert_cmpstr (concept->key, ==, keys[i]);
      g_assert_true (concept->label_en != NULL || concept->label_ja != NULL);
      g_assert_false (g_str_has_prefix (keys[i], "x."));
      for (const char *p = keys[i]; *p != '\0'; p++)
        g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_' || *p == '.');

      if (concept->section != NULL)
        {
          g_autofree char *parent = g_strdup (concept->section);
          gboolean found = FALSE;

          /* "kpi.contracts.dialup" is a block of the table "kpi.contracts" */
          while (!found)
            {
              char *dot;

              found = is_topic (concepts, parent) || kessan_concepts_get (concepts, parent) != NULL;
              dot = strrchr (parent, '.');
              if (dot == NULL)
                break;
              *dot = '\0';
            }
          if (!found)
            g_test_message ("section %s of %s", concept->section, keys[i]);
          g_assert_true (found);
        }
    }

  g_assert_null (kessan_concepts_get (concepts, "no.such.key"));
}

static void
test_sums (void)
{
  KessanConcepts *concepts = kessan_concepts_get_default ();
  const char * const *keys = kessan_concepts_get_keys (concepts);
  const char * const *components;
  const char *revenues[] = {
    "revenues.connectivity_vas.total",
    "revenues.systems_integration",
    "revenues.equipment_sales",
    NULL,
  };
  guint n_sums = 0;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      components = kessan_concepts_get_components (concepts, keys[i]);
      if (components == NULL)
        continue;
      n_sums++;
      g_assert_nonnull (components[0]);
      for (guint j = 0; components[j] != NULL; j++)
        {
          g_assert_nonnull (kessan_concepts_get (concepts, components[j]));
          g_assert_cmpstr (components[j], !=, keys[i]);
        }
    }
  g_assert_cmpuint (n_sums, >=, 20);

  components = kessan_concepts_get_components (concepts, "revenues.total");
  g_assert_nonnull (components);
  g_assert_cmpstrv (components, revenues);

  g_assert_null (kessan_concepts_get_components (concepts, "assets.current.cash"));
  g_assert_null (kessan_concepts_get_components (concepts, "no.such.key"));
  g_assert_nonnull (kessan_concepts_get_components (concepts, "assets.total"));
  g_assert_nonnull (kessan_concepts_get_components (concepts, "cashflow.operating.total"));
  g_assert_nonnull (kessan_concepts_get_components (concepts, "kpi.contracts.dedicated.total"));
  g_assert_nonnull (kessan_concepts_get_components (concepts, "kpi.bandwidth.total"));
}

typedef struct
{
  KessanStatementKind  kind;
  const char          *section;
  const char          *en;
  const char          *ja;
  const char          *key;
} Pair;

/* The same row of the English and the Japanese editions, as printed. */
static const Pair pairs[] = {
  { KESSAN_STATEMENT_KIND_INCOME, "revenues.connectivity_vas", "Dedicated access services (2)", "専用線接続サービス ⁽²⁾", "revenues.connectivity_vas.dedicated_access" },
  { KESSAN_STATEMENT_KIND_INCOME, "revenues.connectivity_vas", "Dial-up access services", "ダイヤルアップ接続サービス", "revenues.connectivity_vas.dialup" },
  { KESSAN_STATEMENT_KIND_KPI, "revenues.connectivity_vas", "Dial-up access services", "ダイアルアップ接続サービス", "revenues.connectivity_vas.dialup" },
  { KESSAN_STATEMENT_KIND_INCOME, "revenues.connectivity_vas", "Total connectivity and value-added services", "インターネット接続及び付加価値サービス収入合計", "revenues.connectivity_vas.total" },
  { KESSAN_STATEMENT_KIND_INCOME, "revenues", "Total revenues", "営業収益合計", "revenues.total" },
  { KESSAN_STATEMENT_KIND_INCOME, "costs", "Total costs", "売上原価合計", "costs.cost_of_revenues.total" },
  { KESSAN_STATEMENT_KIND_KPI, "costs.cost_of_revenues", "Total of Cost of Revenues", "売上原価合計", "costs.cost_of_revenues.total" },
  { KESSAN_STATEMENT_KIND_INCOME, "costs", "Cost of other equipment sales", "機器販売原価", "costs.cost_of_revenues.equipment_sales" },
  { KESSAN_STATEMENT_KIND_INCOME, "costs", "Total costs and expenses", "営業費用合計", "costs.total" },
  { KESSAN_STATEMENT_KIND_INCOME, "costs", "Operating income (loss)", "営業損失", "operating_income" },
  { KESSAN_STATEMENT_KIND_INCOME, "costs", "Equity in net loss of affiliated companies", "持分法による投資損失", "equity_method_loss" },
  { KESSAN_STATEMENT_KIND_INCOME, NULL, "Net loss", "当期損失", "net_income" },
  { KESSAN_STATEMENT_KIND_INCOME, NULL, "Basic Net Loss Per ADS Equivalent", "米国預託証券１単位あたり当期損失", "eps.basic_per_ads" },
  { KESSAN_STATEMENT_KIND_INCOME, NULL, "Weighted Average Number of Shares", "期中平均発行済株式総数", "shares.weighted_average" },
  { KESSAN_STATEMENT_KIND_BALANCE, "assets.current", "Cash", "現金及び現金同等物", "assets.current.cash" },
  { KESSAN_STATEMENT_KIND_BALANCE, "assets.current", "Cash and cash equivalent", "現金及び現金同等物", "assets.current.cash" },
  { KESSAN_STATEMENT_KIND_BALANCE, "equity", "Common stock(2)", "資本金資本金(2)", NULL },
  { KESSAN_STATEMENT_KIND_BALANCE, "equity", "Common stock(2)", "資本金(2)", "equity.common_stock" },
  { KESSAN_STATEMENT_KIND_BALANCE, "equity", "Total liabilities and shareholders' equity(capital deficiency)", "負債、少数株主持分及び資本合計", "liabilities_and_equity.total" },
  { KESSAN_STATEMENT_KIND_BALANCE, "liabilities.current", "Minority Interest", "少数株主持分", "minority_interest" },
  { KESSAN_STATEMENT_KIND_CASHFLOW, "cashflow.quarter", "Operating Activities:", "営業活動によるキャッシュフロー：", "cashflow.operating" },
  { KESSAN_STATEMENT_KIND_CASHFLOW, "cashflow.operating", "Net cash provided by (used in) operating activities", "営業活動によるキャッシュフロー", "cashflow.operating.total" },
  { KESSAN_STATEMENT_KIND_CASHFLOW, "cashflow.operating", "Equity method net loss (income)", "持分法による投資損失（益）", "cashflow.operating.equity_method_loss" },
  { KESSAN_STATEMENT_KIND_CASHFLOW, "cashflow.investing", "Purchase of other investments", "短期投資の取得による支出", "cashflow.investing.purchase_of_other_investments" },
  { KESSAN_STATEMENT_KIND_CASHFLOW, "cashflow.financing", "Net Decrease in Cash", "現金及び現金同等物の減少額", "cashflow.net_change" },
  { KESSAN_STATEMENT_KIND_CASHFLOW, "cashflow.financing", "Cash, End of Period", "現金及び現金同等物の期末残高", "cashflow.cash_end" },
  { KESSAN_STATEMENT_KIND_KPI, "kpi.contracts", "Number of Contracts of DC Connectivity Services", "インターネットデータセンター接続サービス契約数^{(*)3}", "kpi.contracts.dedicated.dc_connectivity" },
  { KESSAN_STATEMENT_KIND_KPI, "kpi.contracts.dialup", "IIJ4U (dialup services for individuals)", "IIJ4U （個人向けダイアルアップ接続サービス）", "kpi.contracts.dialup.iij4u" },
  { KESSAN_STATEMENT_KIND_KPI, "kpi.bandwidth", "Total Contracted Bandwidth", "契約帯域合計", "kpi.bandwidth.total" },
  { KESSAN_STATEMENT_KIND_KPI, "kpi.backbone", "International Backbone Costs", "国際バックボーンコスト", "kpi.backbone.international" },
  { KESSAN_STATEMENT_KIND_KPI, "kpi.dedicated_access_revenue", "IP Service + DC (connectivity)", "IPサービス＋ インターネットデーターセンター接続サービス", "kpi.dedicated_access_revenue.ip_dc" },
  { KESSAN_STATEMENT_KIND_KPI, "kpi.other", "CAPEX, including capitalized leases6", "設備投資　（キャピタルリースを含む）", "capex.total" },
  { KESSAN_STATEMENT_KIND_KPI, "kpi.other", "Adjusted EBITDA ⁵", "Adjusted EBITDA（償却前営業利益）", "ebitda.adjusted" },
};

static void
test_bilingual (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const Pair *pair = &pairs[i];

      g_test_message ("%s / %s", pair->en, pair->ja);
      if (pair->key == NULL)
        {
          /* An unfolded 2x repetition is not a label; the parser collapses
           * the PDF's bold overprinting before it looks labels up. */
          g_assert_null (lookup_key (pair->kind, pair->section, pair->ja));
          continue;
        }
      g_assert_cmpstr (lookup_key (pair->kind, pair->section, pair->en), ==, pair->key);
      g_assert_cmpstr (lookup_key (pair->kind, pair->section, pair->ja), ==, pair->key);
    }
}

static void
test_labels (void)
{
  KessanConcepts *concepts = kessan_concepts_get_default ();
  const KessanConcept *concept;

  concept = kessan_concepts_get (concepts, "revenues.total");
  g_assert_nonnull (concept);
  g_assert_cmpstr (concept->label_en, ==, "Total revenues");
  g_assert_cmpstr (concept->label_ja, ==, "営業収益合計");
  g_assert_cmpstr (concept->section, ==, "revenues");
  g_assert_false (concept->heading);

  concept = kessan_concepts_get (concepts, "cashflow.operating");
  g_assert_nonnull (concept);
  g_assert_true (concept->heading);
  g_assert_null (concept->section);

  concept = kessan_concepts_get (concepts, "assets.current");
  g_assert_nonnull (concept);
  g_assert_true (concept->heading);
  g_assert_cmpstr (concept->label_ja, ==, "流動資産");

  g_assert_true (kessan_concepts_has_kind (concepts, "revenues.total", KESSAN_STATEMENT_KIND_INCOME));
  g_assert_true (kessan_concepts_has_kind (concepts, "revenues.total", KESSAN_STATEMENT_KIND_KPI));
  g_assert_false (kessan_concepts_has_kind (concepts, "revenues.total", KESSAN_STATEMENT_KIND_CASHFLOW));
  g_assert_false (kessan_concepts_has_kind (concepts, "no.such.key", KESSAN_STATEMENT_KIND_INCOME));
}

/* The same words mean different rows in different places. */
static void
test_sections (void)
{
  const KessanStatementKind cf = KESSAN_STATEMENT_KIND_CASHFLOW;
  const KessanStatementKind kpi = KESSAN_STATEMENT_KIND_KPI;

  g_assert_cmpstr (lookup_key (cf, "cashflow.operating", "Other"), ==, "cashflow.operating.other");
  g_assert_cmpstr (lookup_key (cf, "cashflow.investing", "Other"), ==, "cashflow.investing.other");
  g_assert_cmpstr (lookup_key (cf, "cashflow.financing", "Other"), ==, "cashflow.financing.other");
  g_assert_cmpstr (lookup_key (cf, "cashflow.operating", "その他"), ==, "cashflow.operating.other");
  g_assert_cmpstr (lookup_key (cf, "cashflow.investing", "その他"), ==, "cashflow.investing.other");
  g_assert_cmpstr (lookup_key (KESSAN_STATEMENT_KIND_INCOME, "revenues.connectivity_vas", "Other"),
                   ==, "revenues.connectivity_vas.other");

  /* A heading and the total of its section print the same words. */
  g_assert_cmpstr (lookup_key (cf, "cashflow.operating", "投資活動によるキャッシュフロー:"), ==, "cashflow.investing");
  g_assert_cmpstr (lookup_key (cf, "cashflow.investing", "投資活動によるキャッシュフロー"), ==, "cashflow.investing.total");

  g_assert_cmpstr (lookup_key (KESSAN_STATEMENT_KIND_INCOME, NULL, "Net loss"), ==, "net_income");
  g_assert_cmpstr (lookup_key (KESSAN_STATEMENT_KIND_RECONCILIATION, "reconciliation.ebitda", "Net loss"), ==, "net_income");
  g_assert_cmpstr (lookup_key (cf, "cashflow.operating", "Net loss"), ==, "cashflow.operating.net_income");
  g_assert_cmpstr (lookup_key (cf, "cashflow.operating", "当期損失"), ==, "cashflow.operating.net_income");

  g_assert_cmpstr (lookup_key (cf, "cashflow.operating", "Depreciation and amortization"), ==, "cashflow.operating.depreciation");
  g_assert_cmpstr (lookup_key (kpi, "kpi.other", "Depreciation and amortization7"), ==, "kpi.other.depreciation");
  g_assert_cmpstr (lookup_key (KESSAN_STATEMENT_KIND_RECONCILIATION, "reconciliation.ebitda", "Depreciation and amortization ⁽⁴⁾"),
                   ==, "ebitda.depreciation");
  g_assert_cmpstr (lookup_key (KESSAN_STATEMENT_KIND_RECONCILIATION, "reconciliation.capex", "Purchase of property and equipment"),
                   ==, "capex.purchase_of_property");
  g_assert_cmpstr (lookup_key (cf, "cashflow.investing", "Purchase of property and equipment"),
                   ==, "cashflow.investing.purchase_of_property");

  /* The contracts table prints "Others" in both of its blocks. */
  g_assert_cmpstr (lookup_key (kpi, "kpi.contracts", "<i>Others</i> ⁽³⁾"), ==, "kpi.contracts.dedicated.other");
  g_assert_cmpstr (lookup_key (kpi, "kpi.contracts.dedicated.ip", "<i>Others</i> ⁽³⁾"), ==, "kpi.contracts.dedicated.other");
  g_assert_cmpstr (lookup_key (kpi, "kpi.contracts.dedicated", "Others"), ==, "kpi.contracts.dedicated.other");
  g_assert_cmpstr (lookup_key (kpi, "kpi.contracts.dialup", "Others"), ==, "kpi.contracts.dialup.other");
  g_assert_cmpstr (lookup_key (kpi, "kpi.dedicated_access_revenue", "Others ⁴"), ==, "kpi.dedicated_access_revenue.other");
  g_assert_cmpstr (lookup_key (kpi, "kpi.dedicated_access_revenue.dedicated_access", "Others4"),
                   ==, "kpi.dedicated_access_revenue.other");
  g_assert_cmpstr (lookup_key (kpi, "kpi.dedicated_access_revenue", "その他"), ==, "kpi.dedicated_access_revenue.other");
  g_assert_cmpstr (lookup_key (kpi, "kpi.contracts", "その他2"), ==, "kpi.contracts.dedicated.other");
  g_assert_cmpstr (lookup_key (kpi, "kpi.revenues", "その他"), ==, "revenues.connectivity_vas.other");

  g_assert_cmpstr (lookup_key (kpi, "kpi.contracts.dedicated", "Total Dedicated Access Services"), ==, "kpi.contracts.dedicated.total");
  g_assert_cmpstr (lookup_key (kpi, "kpi.dedicated_access_revenue", "Total Dedicated Access Services"),
                   ==, "kpi.dedicated_access_revenue.total");
  g_assert_cmpstr (lookup_key (kpi, "kpi.contracts", "専用線接続サービス 合計"), ==, "kpi.contracts.dedicated.total");
  g_assert_cmpstr (lookup_key (kpi, "kpi.dedicated_access_revenue", "専用線接続サービス合計"), ==, "kpi.dedicated_access_revenue.total");

  g_assert_cmpstr (lookup_key (kpi, "kpi.bandwidth", "Dedicated Access Services"), ==, "kpi.bandwidth.dedicated_access");
  g_assert_cmpstr (lookup_key (kpi, "kpi.bandwidth", "専用線接続サービス"), ==, "kpi.bandwidth.dedicated_access");
  g_assert_cmpstr (lookup_key (kpi, "revenues.connectivity_vas", "Dedicated access services"),
                   ==, "revenues.connectivity_vas.dedicated_access");
  g_assert_cmpstr (lookup_key (KESSAN_STATEMENT_KIND_INCOME, "income", "Dedicated access services"),
                   ==, "revenues.connectivity_vas.dedicated_access");
  g_assert_cmpstr (lookup_key (kpi, "kpi.dedicated_access_revenue", "Dedicated access services:"),
                   ==, "kpi.dedicated_access_revenue.dedicated_access");
  g_assert_cmpstr (lookup_key (kpi, "kpi.value_added", "Value-Added Services"), ==, "kpi.value_added");
  g_assert_cmpstr (lookup_key (kpi, "revenues.connectivity_vas", "Value-added services"),
                   ==, "revenues.connectivity_vas.value_added");

  /* Sections nest: "revenues" holds "revenues.connectivity_vas". */
  g_assert_cmpstr (lookup_key (KESSAN_STATEMENT_KIND_INCOME, "revenues.connectivity_vas", "Equipment sales"),
                   ==, "revenues.equipment_sales");

  /* Another kind still finds the row rather than nothing. */
  g_assert_cmpstr (lookup_key (KESSAN_STATEMENT_KIND_OTHER, NULL, "Total assets"), ==, "assets.total");

  g_assert_null (lookup (KESSAN_STATEMENT_KIND_INCOME, NULL, "Frobnication fees"));
  g_assert_null (lookup (KESSAN_STATEMENT_KIND_INCOME, NULL, ""));
}

typedef struct
{
  const char *label;
  const char *folded;
} FoldCase;

static void
test_fold (void)
{
  const FoldCase cases[] = {
    { "Revenues:", "revenues" },
    { "  Total   revenues  ", "totalrevenues" },
    { "Dedicated access services (2)", "dedicatedaccessservices" },
    { "Dedicated access services(2)", "dedicatedaccessservices" },
    { "専用線接続サービス ⁽²⁾", "専用線接続サービス" },
    { "Others ⁴", "others" },
    { "Others4", "others" },
    { "Adjusted EBITDA5", "adjustedebitda" },
    { "その他^{(*)4}", "その他" },
    { "インターネットデータセンター接続サービス契約数^{(*)3}", "インターネットデータセンター接続サービス契約数" },
    { "その他2", "その他" },
    { "Common stock(2)", "commonstock" },
    { "資本準備金 (2)", "資本準備金" },
    { "Note (*)3", "note" },
    { "<i>IP Service</i>", "ipservice" },
    { "<u>Total revenues</u>", "totalrevenues" },
    { "64kbps – 128kbps", "64kbps-128kbps" },
    { "64kbps - 128kbps", "64kbps-128kbps" },
    { "3Mbps — 1.2Gbps", "3mbps-1.2gbps" },
    { "3Mbps ― 1.2Gbps", "3mbps-1.2gbps" },
    { "3Mbps ‐ 1.2Gbps", "3mbps-1.2gbps" },
    { "Shareholders' Equity:", "shareholdersequity" },
    { "Shareholders’ Equity", "shareholdersequity" },
    { "営業活動によるキャッシュフロー：", "営業活動によるキャッシュフロー" },
    { "持分法による投資損失（益）", "持分法による投資損失(益)" },
    { "米国預託証券１単位あたり当期損失", "米国預託証券1単位あたり当期損失" },
    { "ＩＰサービス　＋", "ipサービス+" },
    { "IIJ4U （個人向けダイアルアップ接続サービス）", "iij4u(個人向けダイアルアップ接続サービス)" },
    { "Operating income (loss)", "operatingincome(loss)" },
    { "Foreign exchange losses (gains)", "foreignexchangelosses(gains)" },
    { "Fiscal 2002", "fiscal2002" },
    { "(2)", "(2)" },
    { "Top customers (150)", "topcustomers(150)" },
    { "Dedicated access services (*12)", "dedicatedaccessservices" },
    { ":", ":" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = kessan_concepts_fold_label (cases[i].label);

      g_test_message ("fold “%s”", cases[i].label);
      g_assert_cmpstr (folded, ==, cases[i].folded);
    }

  /* Invalid UTF-8 is folded, not rejected. */
  {
    g_autofree char *folded = kessan_concepts_fold_label ("Cash\xff flow");

    g_assert_true (g_utf8_validate (folded, -1, NULL));
  }
}

static void
test_make_key (void)
{
  g_autofree char *a = kessan_concepts_make_key ("Frobnication fees");
  g_autofree char *a2 = kessan_concepts_make_key ("Frobnication fees");
  g_autofree char *a3 = kessan_concepts_make_key ("  FROBNICATION   Fees (3):");
  g_autofree char *b = kessan_concepts_make_key ("Frobnication charges");
  g_autofree char *c = kessan_concepts_make_key ("Gain (loss) on sales of investments");
  g_autofree char *j = kessan_concepts_make_key ("特別利益");
  g_autofree char *j2 = kessan_concepts_make_key ("特別利益：");
  g_autofree char *k = kessan_concepts_make_key ("特別損失");
  g_autofree char *long_key = kessan_concepts_make_key ("An exceptionally long row label that goes on "
                                                        "and on about nothing in particular, first");
  g_autofree char *long_key2 = kessan_concepts_make_key ("An exceptionally long row label that goes on "
                                                         "and on about nothing in particular, second");
  g_autofree char *empty = kessan_concepts_make_key ("");

  g_assert_cmpstr (a, ==, "x.frobnicationfees");
  g_assert_cmpstr (a, ==, a2);
  g_assert_cmpstr (a, ==, a3);
  g_assert_cmpstr (b, !=, a);
  g_assert_cmpstr (c, ==, "x.gain_loss_onsalesofinvestments");

  g_assert_true (g_str_has_prefix (j, "x."));
  g_assert_cmpuint (strlen (j), ==, 2 + 12);
  for (const char *p = j + 2; *p != '\0'; p++)
    g_assert_true (g_ascii_isxdigit (*p));
  g_assert_cmpstr (j, ==, j2);
  g_assert_cmpstr (j, !=, k);

  g_assert_cmpuint (strlen (long_key), <=, 2 + 48);
  g_assert_cmpstr (long_key, !=, long_key2);

  g_assert_true (g_str_has_prefix (empty, "x."));
  g_assert_cmpuint (strlen (empty), >, 2);

  /* Made keys never collide with dictionary keys. */
  g_assert_null (kessan_concepts_get (kessan_concepts_get_default (), a));
}

typedef struct
{
  const char          *title;
  const char          *topic;
  KessanStatementKind  kind;
} TitleCase;

static void
test_table_topic (void)
{
  const TitleCase cases[] = {
    { "CONSOLIDATED STATEMENTS OF OPERATIONS (UNAUDITED)", "income", KESSAN_STATEMENT_KIND_INCOME },
    { "CONSOLIDATED STATEMENTS OF OPERATIONS(UNAUDITED)", "income", KESSAN_STATEMENT_KIND_INCOME },
    { "四半期連結損益計算書(米国会計基準未監査)", "income.quarter", KESSAN_STATEMENT_KIND_INCOME },
    { " 四半期連結損益計算書（米国会計基準未監査）", "income.quarter", KESSAN_STATEMENT_KIND_INCOME },
    { "連結損益計算書(米国会計基準未監査)", "income.year", KESSAN_STATEMENT_KIND_INCOME },
    { "CONSOLIDATED BALANCE SHEETS(UNAUDITED)", "balance", KESSAN_STATEMENT_KIND_BALANCE },
    { "四半期連結貸借対照表(米国会計基準未監査)", "balance", KESSAN_STATEMENT_KIND_BALANCE },
    { "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS (UNAUDITED)", "cashflow", KESSAN_STATEMENT_KIND_CASHFLOW },
    { "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS（UNAUDITED）", "cashflow", KESSAN_STATEMENT_KIND_CASHFLOW },
    { "四半期連結キャッシュフロー計算書(米国会計基準未監査)", "cashflow.quarter", KESSAN_STATEMENT_KIND_CASHFLOW },
    { "連結キャッシュフロー計算書(米国会計基準未監査)", "cashflow.year", KESSAN_STATEMENT_KIND_CASHFLOW },
    { "表 1. 契約数", "kpi.contracts", KESSAN_STATEMENT_KIND_KPI },
    { "表 3. 契約数", "kpi.contracts", KESSAN_STATEMENT_KIND_KPI },
    { "表表表表 3. 契約数", "kpi.contracts", KESSAN_STATEMENT_KIND_KPI },
    { "Table 1. Number of Contracts", "kpi.contracts", KESSAN_STATEMENT_KIND_KPI },
    { "表 1.営業収益の内訳 （百万円）", "kpi.revenues", KESSAN_STATEMENT_KIND_KPI },
    { "Table 1. Revenues (JPY in millions)", "kpi.revenues", KESSAN_STATEMENT_KIND_KPI },
    { "表 2. 専用線サービスの売上高内訳", "kpi.dedicated_access_revenue", KESSAN_STATEMENT_KIND_KPI },
    { "表 2. 専用線接続サービスの売上高内訳 （百万円）", "kpi.dedicated_access_revenue", KESSAN_STATEMENT_KIND_KPI },
    { "Table 2. Revenue Breakdown in Dedicated Access Services (JPY in millions)", "kpi.dedicated_access_revenue", KESSAN_STATEMENT_KIND_KPI },
    { "Table 2. Connectivity Services (JPY in millions)", "kpi.dedicated_access_revenue", KESSAN_STATEMENT_KIND_KPI },
    { "表 3. 契約帯域数の総和", "kpi.bandwidth", KESSAN_STATEMENT_KIND_KPI },
    { "Table 3. Contracted Bandwidth (Unit: Giga bits per second)", "kpi.bandwidth", KESSAN_STATEMENT_KIND_KPI },
    { "Table 4. Number of Contract Bandwidth (Unit: Gbps)", "kpi.bandwidth", KESSAN_STATEMENT_KIND_KPI },
    { "表 5．付加価値サービスの売上高内訳 （百万円）", "kpi.value_added", KESSAN_STATEMENT_KIND_KPI },
    { "Table 5. Value-added Services (JPY in millions)", "kpi.value_added", KESSAN_STATEMENT_KIND_KPI },
    { "表 6．営業費用 （百万円）", "kpi.costs", KESSAN_STATEMENT_KIND_KPI },
    { "Table 6. Costs and Expenses (JPY in millions)", "kpi.costs", KESSAN_STATEMENT_KIND_KPI },
    { "表 4. バックボーンコスト", "kpi.backbone", KESSAN_STATEMENT_KIND_KPI },
    { "Table 7. Backbone Costs (JPY in millions)", "kpi.backbone", KESSAN_STATEMENT_KIND_KPI },
    { "表 5. その他", "kpi.other", KESSAN_STATEMENT_KIND_KPI },
    { "表 8. その他 （百万円）", "kpi.other", KESSAN_STATEMENT_KIND_KPI },
    { "Table 8.  Other Financial Statistics (JPY in millions)", "kpi.other", KESSAN_STATEMENT_KIND_KPI },
    { "Table 9.  Adjusted EBITDA (JPY in millions)", "reconciliation.ebitda", KESSAN_STATEMENT_KIND_RECONCILIATION },
    { "The following table summarizes the reconciliation of adjusted EBITDA to operating income (loss) per the consolidated statements of operations prepared and presented in accordance with the U.S. generally accepted accounting principles in Appendices 1 and 2:",
      "reconciliation.ebitda", KESSAN_STATEMENT_KIND_RECONCILIATION },
    { "Table 10.  CAPEX  (JPY in millions)", "reconciliation.capex", KESSAN_STATEMENT_KIND_RECONCILIATION },
    { "The following table summarizes the reconciliation of capital expenditures to purchase of property and equipment per the consolidated statements of cash flows prepared and presented in accordance with the U.S. generally accepted accounting principles in Appendices 4 and 5:",
      "reconciliation.capex", KESSAN_STATEMENT_KIND_RECONCILIATION },
    { "Approximate Cross-selling rates among Top 150 Customers in fiscal 2002", "kpi.cross_selling", KESSAN_STATEMENT_KIND_KPI },
  };
  const char *not_titles[] = {
    "その他",
    "その他投資",
    "Revenues",
    "Revenues:",
    "Costs and expenses:",
    "Backbone Costs",
    "Other Financial Statistics 2Q03 2Q02 YoY",
    "Number of Contracts of DC Connectivity Services",
    "インターネットデータセンター接続サービス契約数",
    "Adjusted EBITDA",
    "Reconciliation of Non-GAAP Financial Measures",
    "Internet Initiative Japan Inc.",
    "",
  };
  KessanConcepts *concepts = kessan_concepts_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KessanStatementKind kind = KESSAN_STATEMENT_KIND_OTHER;

      g_test_message ("title “%s”", cases[i].title);
      g_assert_cmpstr (kessan_concepts_find_table_topic (concepts, cases[i].title, &kind), ==, cases[i].topic);
      g_assert_cmpint (kind, ==, cases[i].kind);
      g_assert_true (is_topic (concepts, cases[i].topic));
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_titles); i++)
    {
      g_test_message ("not a title “%s”", not_titles[i]);
      g_assert_null (kessan_concepts_find_table_topic (concepts, not_titles[i], NULL));
    }
}

/* Every labelled row of the tab-separated seeds resolves to a concept
 * of the kind of statement it is printed in. */
static void
check_seed (const char *name)
{
  KessanConcepts *concepts = kessan_concepts_get_default ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  KessanStatementKind kind = KESSAN_STATEMENT_KIND_OTHER;
  gboolean in_table = FALSE;
  guint n_rows = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      g_test_skip (error->message);
      return;
    }

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      const KessanConcept *concept;

      if (strchr (lines[i], '\t') == NULL)
        {
          if (*lines[i] != '\0'
              && kessan_concepts_find_table_topic (concepts, lines[i], &kind) != NULL)
            in_table = TRUE;
          continue;
        }
      if (!in_table)
        continue;

      fields = g_strsplit (lines[i], "\t", 2);
      if (*g_strstrip (fields[0]) == '\0')
        continue;

      concept = kessan_concepts_lookup (concepts, kind, NULL, fields[0]);
      if (concept == NULL)
        g_test_message ("%s:%u: no concept for “%s”", name, i + 1, fields[0]);
      g_assert_nonnull (concept);
      g_assert_true (kessan_concepts_has_kind (concepts, concept->key, kind));
      n_rows++;
    }

  g_assert_cmpuint (n_rows, >, 100);
}

static void
test_seed_labels (void)
{
  check_seed ("001_ac7abb1bfabe4158.txt");
  check_seed ("004_df6267c19d93d050.txt");
}

typedef struct
{
  const char *json;
  const char *why;
} BadCase;

static void
test_bad_json (void)
{
  const BadCase cases[] = {
    { "", "empty" },
    { "{ \"version\": 1, ", "not JSON" },
    { "[1, 2, 3]", "not an object" },
    { "{ \"version\": 2, \"tables\": [], \"concepts\": [] }", "version" },
    { "{ \"version\": \"1\", \"tables\": [], \"concepts\": [] }", "version as a string" },
    { "{ \"version\": 1, \"concepts\": [] }", "no tables" },
    { "{ \"version\": 1, \"tables\": [] }", "no concepts" },
    { "{ \"version\": 1, \"tables\": [{ \"topic\": \"balance\", \"kind\": \"nonsense\", \"en\": [\"Balance\"] }], \"concepts\": [] }",
      "unknown table kind" },
    { "{ \"version\": 1, \"tables\": [{ \"topic\": \"balance\", \"kind\": \"balance\" }], \"concepts\": [] }",
      "table without title" },
    { "{ \"version\": 1, \"tables\": [{ \"topic\": \"a\", \"kind\": \"balance\", \"en\": [\"A\"] },"
      " { \"topic\": \"a\", \"kind\": \"income\", \"en\": [\"B\"] }], \"concepts\": [] }",
      "one topic, two kinds" },
    { "{ \"version\": 1, \"tables\": [], \"concepts\": [{ \"key\": \"a\", \"kinds\": [\"income\"], \"en\": \"A\" },"
      " { \"key\": \"a\", \"kinds\": [\"income\"], \"en\": \"B\" }] }",
      "duplicate key" },
    { "{ \"version\": 1, \"tables\": [], \"concepts\": [{ \"key\": \"A b\", \"kinds\": [\"income\"], \"en\": \"A\" }] }",
      "malformed key" },
    { "{ \"version\": 1, \"tables\": [], \"concepts\": [{ \"key\": \"a\", \"kinds\": [\"income\"] }] }",
      "no label" },
    { "{ \"version\": 1, \"tables\": [], \"concepts\": [{ \"key\": \"a\", \"en\": \"A\" }] }",
      "no kinds" },
    { "{ \"version\": 1, \"tables\": [], \"concepts\": [{ \"key\": \"a\", \"kinds\": [\"income\"], \"en\": 3 }] }",
      "label not a string" },
    { "{ \"version\": 1, \"tables\": [], \"concepts\": [{ \"key\": \"a\", \"kinds\": [\"income\", \"stock\"], \"en\": \"A\" }] }",
      "unknown kind" },
    { "{ \"version\": 1, \"tables\": [], \"concepts\": [{ \"key\": \"a\", \"kinds\": [\"income\"], \"en\": \"A\", \"sum_of\": [\"b\"] }] }",
      "unknown component" },
    { "{ \"version\": 1, \"tables\": [], \"concepts\": [{ \"key\": \"a\", \"kinds\": [\"income\"], \"en\": \"A\", \"sum_of\": [\"a\"] }] }",
      "sum of itself" },
    { "{ \"version\": 1, \"tables\": [], \"concepts\": [{ \"key\": \"a\", \"kinds\": [\"income\"], \"en\": \"Other\" },"
      " { \"key\": \"b\", \"kinds\": [\"income\", \"kpi\"], \"ja\": \"その他\", \"synonyms\": [\"OTHER:\"] }] }",
      "unreachable concept" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(KessanConcepts) concepts = NULL;

      g_test_message ("%s", cases[i].why);
      concepts = kessan_concepts_new_from_bytes (bytes, &error);
      g_assert_null (concepts);
      g_assert_error (error, KESSAN_ERROR, KESSAN_ERROR_FORMAT);
    }
}

static void
test_custom_dictionary (void)
{
  const char *json =
    "{ \"version\": 1,"
    "  \"tables\": ["
    "    { \"topic\": \"kpi.widgets\", \"kind\": \"kpi\", \"numbered\": true, \"en\": [\"Widgets\"], \"ja\": [\"部品\"] },"
    "    { \"topic\": \"kpi.widgets\", \"kind\": \"kpi\", \"en\": [\"Widget census\"] }"
    "  ],"
    "  \"concepts\": ["
    "    { \"key\": \"widgets.total\", \"kinds\": [\"kpi\"], \"en\": \"Total widgets\", \"ja\": \"部品合計\","
    "      \"sum_of\": [\"widgets.blue\", \"widgets.red\"], \"note\": \"members the loader does not know are ignored\" },"
    "    { \"key\": \"widgets.blue\", \"kinds\": [\"kpi\"], \"en\": \"Blue\", \"synonyms\": [\"Blue widgets\"] },"
    "    { \"key\": \"widgets.red\", \"kinds\": [\"kpi\"], \"section\": \"kpi.widgets\", \"heading\": true, \"ja\": \"赤\" }"
    "  ]"
    "}";
  const char *components[] = { "widgets.blue", "widgets.red", NULL };
  const char *topics[] = { "kpi.widgets", NULL };
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  KessanConcepts *concepts;
  const KessanConcept *concept;
  KessanStatementKind kind = KESSAN_STATEMENT_KIND_OTHER;

  concepts = kessan_concepts_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (concepts);

  g_assert_cmpstrv (kessan_concepts_get_components (concepts, "widgets.total"), components);
  g_assert_cmpstrv (kessan_concepts_get_topics (concepts), topics);
  g_assert_cmpuint (g_strv_length ((char **) kessan_concepts_get_keys (concepts)), ==, 3);

  concept = kessan_concepts_lookup (concepts, KESSAN_STATEMENT_KIND_KPI, NULL, "BLUE WIDGETS (1)");
  g_assert_nonnull (concept);
  g_assert_cmpstr (concept->key, ==, "widgets.blue");
  g_assert_cmpstr (concept->label_en, ==, "Blue");
  g_assert_null (concept->label_ja);

  concept = kessan_concepts_get (concepts, "widgets.red");
  g_assert_true (concept->heading);
  g_assert_null (concept->label_en);
  g_assert_cmpstr (concept->section, ==, "kpi.widgets");

  g_assert_cmpstr (kessan_concepts_find_table_topic (concepts, "Table 3. Widgets", &kind), ==, "kpi.widgets");
  g_assert_cmpint (kind, ==, KESSAN_STATEMENT_KIND_KPI);
  g_assert_cmpstr (kessan_concepts_find_table_topic (concepts, "表 3. 部品", NULL), ==, "kpi.widgets");
  g_assert_null (kessan_concepts_find_table_topic (concepts, "Widgets", NULL));
  g_assert_cmpstr (kessan_concepts_find_table_topic (concepts, "The widget census", NULL), ==, "kpi.widgets");

  g_assert_finalize_object (concepts);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kessan/concepts/bundled-loads", test_bundled_loads);
  g_test_add_func ("/kessan/concepts/keys", test_keys);
  g_test_add_func ("/kessan/concepts/sums", test_sums);
  g_test_add_func ("/kessan/concepts/labels", test_labels);
  g_test_add_func ("/kessan/concepts/bilingual", test_bilingual);
  g_test_add_func ("/kessan/concepts/sections", test_sections);
  g_test_add_func ("/kessan/concepts/fold", test_fold);
  g_test_add_func ("/kessan/concepts/make-key", test_make_key);
  g_test_add_func ("/kessan/concepts/table-topic", test_table_topic);
  g_test_add_func ("/kessan/concepts/seed-labels", test_seed_labels);
  g_test_add_func ("/kessan/concepts/bad-json", test_bad_json);
  g_test_add_func ("/kessan/concepts/custom-dictionary", test_custom_dictionary);

  return g_test_run ();
}
