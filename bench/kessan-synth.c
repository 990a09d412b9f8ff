/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Synthetic quarterly releases, modelled on the English sample release
 * (tests/data/004_df6267c19d93d050.txt): a press-release header, a few
 * paragraphs, numbered KPI tables in millions of yen and the statements of
 * operations, balance sheets and cash flows in thousands, tab-separated.
 *
 * Every figure of a company's quarter is drawn from a hash of (company,
 * quarter, field), so the three releases that print a quarter (as the
 * current quarter, the quarter a year earlier and the previous quarter)
 * print the same figures, and the series built from them do not disagree.
 * Totals are computed from what is printed, percents and changes from the
 * printed amounts, dollars from yen at the release's printed rate, the
 * balance sheet balances through the accumulated deficit and cash
 * reconciles through short-term borrowings, so every check passes. */

#define G_LOG_DOMAIN "kessan-bench"

#include "kessan-synth.h"

#include <math.h>
#include <string.h>

enum
{
  F_BASE = 1,
  F_LEVEL,
  F_GROWTH,
  F_SYLLABLES,
  F_SHARES,
  F_RATE,
  F_RELEASE_DAY,

  F_DEDICATED,
  F_DIALUP,
  F_VAS,
  F_OTHER_REVENUE,
  F_SI,
  F_EQUIPMENT,
  F_COST_CONNECTIVITY,
  F_COST_SI,
  F_COST_EQUIPMENT,
  F_SALES_MARKETING,
  F_GENERAL_ADMIN,
  F_RESEARCH,
  F_OTHER_EXPENSES,
  F_TAX,
  F_MINORITY,
  F_EQUITY_METHOD,
  F_DEPRECIATION,
  F_CAPEX_LEASES,
  F_CAPEX_PURCHASE,

  F_CASH,
  F_RECEIVABLE,
  F_INVENTORIES,
  F_PREPAID,
  F_OTHER_CURRENT,
  F_EQUITY_INVESTMENTS,
  F_OTHER_INVESTMENTS,
  F_PROPERTY,
  F_RESTRICTED,
  F_GUARANTEE,
  F_OTHER_ASSETS,
  F_SHORT_TERM,
  F_PAYABLE,
  F_ACCRUED,
  F_OTHER_CURRENT_LIABILITIES,
  F_LONG_TERM_CURRENT,
  F_LEASE_CURRENT,
  F_LONG_TERM,
  F_CONVERTIBLE,
  F_LEASE_NONCURRENT,
  F_RETIREMENT,
  F_OTHER_NONCURRENT,
  F_MINORITY_INTEREST,
  F_COMMON_STOCK,
  F_PAID_IN,
  F_COMPREHENSIVE,
  F_TREASURY,

  F_DOUBTFUL,
  F_FX_LOSSES,
  F_INVESTMENT_LOSSES,
  F_AR_CHANGE,
  F_AP_CHANGE,
  F_INVENTORY_CHANGE,
  F_DEFERRED_TAXES,
  F_OPERATING_OTHER,
  F_SALE_INVESTMENTS,
  F_BUY_INVESTMENTS,
  F_DEPOSITS,
  F_INVESTING_OTHER,
  F_FX_EFFECT,
  F_REPAYMENTS,
  F_LEASE_PAYMENTS,
  F_STOCK_ISSUED,

  F_IP_64K,
  F_IP_192K,
  F_IP_1M,
  F_IP_3M,
  F_DC_CONTRACTS,
  F_OTHER_CONTRACTS,
  F_RETAIL_DIALUP,
  F_OTHER_DIALUP,
  F_BANDWIDTH_DEDICATED,
  F_BANDWIDTH_DC,
};

/* One quarter of a company.  Amounts are in thousands of yen, bandwidth
 * in tenths of a Gbps, shares and contracts in units. */
typedef struct
{
  guint  fiscal_year;
  guint  fiscal_quarter;

  gint64 dedicated, dialup, vas, other_revenue, connectivity, connectivity_vas;
  gint64 si, equipment, revenues;
  gint64 cost_connectivity, cost_si, cost_equipment, cost_total;
  gint64 sales_marketing, general_admin, research, costs_total;
  gint64 operating, other_expenses, before_tax, tax, minority, equity_method, net;
  gint64 shares;
  gint64 depreciation, capex_leases, capex_purchase;

  gint64 assets[12];
  gint64 liabilities[14];
  gint64 minority_interest;
  gint64 equity[6];
  gint64 total_assets;

  gint64 operating_cf[14];
  gint64 investing_cf[6];
  gint64 financing_cf[5];
  gint64 fx_effect, net_change, cash_begin, cash_end;

  gint64 contracts[10];
  gint64 bandwidth[3];
} Quarter;

/* splitmix64: a good, cheap mix of the key into 64 random bits. */
static guint64
mix (guint64 x)
{
  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

static guint64
draw (guint company,
      int   t,
      guint field)
{
  return mix (mix (mix (company) ^ (guint64) (gint64) t) ^ field);
}

/* A whole number in [lo, hi]. */
static gint64
draw_int (guint  company,
          int    t,
          guint  field,
          gint64 lo,
          gint64 hi)
{
  return lo + (gint64) (draw (company, t, field) % (guint64) (hi - lo + 1));
}

/* @level times a fraction in [lo, hi), never exactly zero: every amount
 * can be the base of a change or a percent. */
static gint64
draw_part (guint  company,
           int    t,
           guint  field,
           gint64 level,
           double lo,
           double hi)
{
  double u = (draw (company, t, field) >> 11) * (1.0 / 9007199254740992.0);
  gint64 v = (gint64) llround (level * (lo + (hi - lo) * u));

  return v != 0 ? v : 1;
}

/* Revenue of a quarter, in thousands of yen: a company's own size, a
 * trend and some noise. */
static gint64
level_of (guint company,
          int   t)
{
  gint64 base = draw_int (company, 0, F_BASE, 2000000, 20000000);
  double growth = draw_int (company, 0, F_GROWTH, -2, 8) / 1000.0;
  double u = draw_int (company, t, F_LEVEL, 0, 1000) / 1000.0;

  return (gint64) llround (base * (0.9 + 0.2 * u) * (1.0 + growth * (t % 400)));
}

static gint64
cash_at (guint company,
         int   t)
{
  return draw_part (company, t, F_CASH, level_of (company, t), 0.3, 1.3);
}

/* Thousands to millions, half away from zero, as the KPI tables print. */
static gint64
millions (gint64 thousands)
{
  return thousands >= 0 ? (thousands + 500) / 1000 : -((-thousands + 500) / 1000);
}

static gint64
sum (const gint64 *values,
     guint         n)
{
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    total += values[i];
  return total;
}

static void
compute_quarter (guint    company,
                 int      t,
                 Quarter *q)
{
  gint64 level = level_of (company, t);
  gint64 nudge = 0;
  gint64 *a = q->assets, *l = q->liabilities, *e = q->equity;
  gint64 *o = q->operating_cf, *v = q->investing_cf, *f = q->financing_cf;
  gint64 *k = q->contracts;

  memset (q, 0, sizeof *q);
  q->fiscal_year = t / 4;
  q->fiscal_quarter = t % 4 + 1;

  q->dedicated = draw_part (company, t, F_DEDICATED, level, 0.30, 0.40);
  q->dialup = draw_part (company, t, F_DIALUP, level, 0.05, 0.12);
  q->vas = draw_part (company, t, F_VAS, level, 0.08, 0.15);
  q->other_revenue = draw_part (company, t, F_OTHER_REVENUE, level, 0.03, 0.07);
  q->si = draw_part (company, t, F_SI, level, 0.20, 0.30);
  q->equipment = draw_part (company, t, F_EQUIPMENT, level, 0.03, 0.15);
  q->connectivity = q->dedicated + q->dialup;
  q->connectivity_vas = q->connectivity + q->vas + q->other_revenue;
  q->revenues = q->connectivity_vas + q->si + q->equipment;

  q->cost_connectivity = draw_part (company, t, F_COST_CONNECTIVITY, q->connectivity_vas, 0.80, 0.98);
  q->cost_si = draw_part (company, t, F_COST_SI, q->si, 0.80, 0.95);
  q->cost_equipment = draw_part (company, t, F_COST_EQUIPMENT, q->equipment, 0.85, 0.97);
  q->cost_total = q->cost_connectivity + q->cost_si + q->cost_equipment;
  q->general_admin = draw_part (company, t, F_GENERAL_ADMIN, level, 0.04, 0.08);
  q->research = draw_part (company, t, F_RESEARCH, level, 0.005, 0.015);
  q->other_expenses = draw_part (company, t, F_OTHER_EXPENSES, level, -0.03, 0.01);
  q->tax = draw_part (company, t, F_TAX, level, -0.02, 0.03);
  q->minority = draw_part (company, t, F_MINORITY, level, -0.01, 0.02);
  q->equity_method = draw_part (company, t, F_EQUITY_METHOD, level, -0.02, 0.01);
  q->depreciation = draw_part (company, t, F_DEPRECIATION, level, 0.08, 0.12);

  /* Results that are sums of drawn figures could come out as zero, in
   * thousands or, for Adjusted EBITDA, in millions: a change against
   * zero cannot be printed.  A million more of selling costs moves them
   * all. */
  for (;;)
    {
      q->sales_marketing = draw_part (company, t, F_SALES_MARKETING, level, 0.05, 0.12) + nudge;
      q->costs_total = q->cost_total + q->sales_marketing + q->general_admin + q->research;
      q->operating = q->revenues - q->costs_total;
      q->before_tax = q->operating + q->other_expenses;
      q->net = q->before_tax - q->tax + q->minority + q->equity_method;
      if (q->operating != 0 && q->before_tax != 0 && q->net != 0 &&
          millions (q->operating) + millions (q->depreciation) != 0)
        break;
      nudge += 1000;
    }

  q->shares = draw_int (company, t / 4, F_SHARES, 20000, 60000);
  q->capex_leases = draw_part (company, t, F_CAPEX_LEASES, level, 0.03, 0.08);
  q->capex_purchase = draw_part (company, t, F_CAPEX_PURCHASE, level, 0.01, 0.05);

  /* Balance sheet at the end of the quarter. */
  a[0] = cash_at (company, t);
  a[1] = draw_part (company, t, F_RECEIVABLE, level, 0.5, 0.8);
  a[2] = draw_part (company, t, F_INVENTORIES, level, 0.02, 0.06);
  a[3] = draw_part (company, t, F_PREPAID, level, 0.03, 0.08);
  a[4] = draw_part (company, t, F_OTHER_CURRENT, level, 0.01, 0.05);
  a[5] = sum (a, 5);
  a[6] = draw_part (company, t, F_EQUITY_INVESTMENTS, level, 0.05, 0.2);
  a[7] = draw_part (company, t, F_OTHER_INVESTMENTS, level, 0.2, 0.6);
  a[8] = draw_part (company, t, F_PROPERTY, level, 0.8, 1.2);
  a[9] = draw_part (company, t, F_RESTRICTED, level, 0.0, 0.3);
  a[10] = draw_part (company, t, F_GUARANTEE, level, 0.1, 0.25);
  a[11] = draw_part (company, t, F_OTHER_ASSETS, level, 0.03, 0.1);
  q->total_assets = a[5] + sum (a + 6, 6);

  l[0] = draw_part (company, t, F_SHORT_TERM, level, 0.2, 0.6);
  l[1] = draw_part (company, t, F_PAYABLE, level, 0.4, 0.6);
  l[2] = draw_part (company, t, F_ACCRUED, level, 0.02, 0.06);
  l[3] = draw_part (company, t, F_OTHER_CURRENT_LIABILITIES, level, 0.02, 0.06);
  l[4] = draw_part (company, t, F_LONG_TERM_CURRENT, level, 0.05, 0.3);
  l[5] = draw_part (company, t, F_LEASE_CURRENT, level, 0.1, 0.3);
  l[6] = sum (l, 6);
  l[7] = draw_part (company, t, F_LONG_TERM, level, 0.1, 0.4);
  l[8] = draw_part (company, t, F_CONVERTIBLE, level, 0.0, 1.0);
  l[9] = draw_part (company, t, F_LEASE_NONCURRENT, level, 0.1, 0.4);
  l[10] = draw_part (company, t, F_RETIREMENT, level, 0.005, 0.01);
  l[11] = draw_part (company, t, F_OTHER_NONCURRENT, level, 0.01, 0.03);
  l[12] = l[6] + sum (l + 7, 5);
  q->minority_interest = draw_part (company, t, F_MINORITY_INTEREST, level, 0.02, 0.08);

  e[5] = q->total_assets - l[12] - q->minority_interest;
  e[0] = draw_part (company, t, F_COMMON_STOCK, level, 0.5, 1.5);
  e[1] = draw_part (company, t, F_PAID_IN, level, 0.8, 2.0);
  e[3] = draw_part (company, t, F_COMPREHENSIVE, level, -0.1, 0.2);
  e[4] = -draw_int (company, t, F_TREASURY, 1, 200);
  e[2] = e[5] - e[0] - e[1] - e[3] - e[4];

  /* Cash flows of the quarter: from the cash at the end of the previous
   * quarter to the cash at the end of this one. */
  q->cash_begin = cash_at (company, t - 1);
  q->cash_end = a[0];
  o[0] = q->net;
  o[1] = q->depreciation;
  o[2] = draw_part (company, t, F_DOUBTFUL, level, 0.0, 0.03);
  o[3] = -q->equity_method;
  o[4] = -q->minority;
  o[5] = draw_part (company, t, F_FX_LOSSES, level, -0.005, 0.005);
  o[6] = draw_part (company, t, F_INVESTMENT_LOSSES, level, 0.0, 0.01);
  o[7] = draw_part (company, t, F_AR_CHANGE, level, -0.15, 0.15);
  o[8] = draw_part (company, t, F_AP_CHANGE, level, -0.1, 0.1);
  o[9] = draw_part (company, t, F_INVENTORY_CHANGE, level, -0.02, 0.02);
  o[10] = draw_part (company, t, F_DEFERRED_TAXES, level, -0.05, 0.05);
  o[11] = draw_part (company, t, F_OPERATING_OTHER, level, -0.03, 0.03);
  o[12] = sum (o, 12);

  v[0] = -q->capex_purchase;
  v[1] = draw_part (company, t, F_SALE_INVESTMENTS, level, 0.0, 0.05);
  v[2] = -draw_part (company, t, F_BUY_INVESTMENTS, level, 0.0, 0.05);
  v[3] = draw_part (company, t, F_DEPOSITS, level, -0.02, 0.02);
  v[4] = draw_part (company, t, F_INVESTING_OTHER, level, -0.005, 0.005);
  v[5] = sum (v, 5);

  q->fx_effect = draw_part (company, t, F_FX_EFFECT, level, -0.003, 0.003);
  q->net_change = q->cash_end - q->cash_begin;
  f[0] = -draw_part (company, t, F_REPAYMENTS, level, 0.0, 0.05);
  f[1] = -draw_part (company, t, F_LEASE_PAYMENTS, level, 0.05, 0.1);
  /* Shares are issued now and then; the other quarters print a dash. */
  f[3] = draw_int (company, t, F_STOCK_ISSUED, 0, 4) == 0
           ? draw_part (company, t, F_STOCK_ISSUED, level, 0.1, 0.5) : 0;
  f[2] = q->net_change - o[12] - v[5] - q->fx_effect - f[0] - f[1] - f[3];
  f[4] = f[0] + f[1] + f[2] + f[3];

  k[0] = draw_int (company, t, F_IP_64K, 10, 200);
  k[1] = draw_int (company, t, F_IP_192K, 10, 100);
  k[2] = draw_int (company, t, F_IP_1M, 100, 400);
  k[3] = draw_int (company, t, F_IP_3M, 100, 600);
  k[4] = draw_int (company, t, F_DC_CONTRACTS, 50, 300);
  k[5] = draw_int (company, t, F_OTHER_CONTRACTS, 1000, 8000);
  k[6] = sum (k, 6);
  k[7] = draw_int (company, t, F_RETAIL_DIALUP, 50000, 100000);
  k[8] = draw_int (company, t, F_OTHER_DIALUP, 200000, 700000);
  k[9] = k[7] + k[8];

  q->bandwidth[0] = draw_int (company, t, F_BANDWIDTH_DEDICATED, 100, 1000);
  q->bandwidth[1] = draw_int (company, t, F_BANDWIDTH_DC, 50, 300);
  q->bandwidth[2] = q->bandwidth[0] + q->bandwidth[1];
}

/* Printing */

static const char * const month_names[] = {
  NULL, "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"
};

/* As the statements abbreviate them. */
static const char * const month_abbreviations[] = {
  NULL, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"
};

static const char * const ordinal_words[] = { NULL, "First", "Second", "Third", "Fourth" };
static const char * const ordinal_numbers[] = { NULL, "1st", "2nd", "3rd", "4th" };

static void
quarter_end (int    t,
             guint *day,
             guint *month,
             guint *year)
{
  static const guint months[] = { 6, 9, 12, 3 };
  static const guint days[] = { 30, 30, 31, 31 };

  *month = months[t % 4];
  *day = days[t % 4];
  *year = t / 4 + (t % 4 == 3 ? 1 : 0);
}

/* "Sept 30, 2003" */
static char *
short_date (int t)
{
  guint day, month, year;

  quarter_end (t, &day, &month, &year);
  return g_strdup_printf ("%s %u, %u", month_abbreviations[month], day, year);
}

/* "2Q03" */
static char *
quarter_code (int t)
{
  return g_strdup_printf ("%dQ%02d", t % 4 + 1, (t / 4) % 100);
}

/* 1,234,567 or (1,234,567) */
static void
append_amount (GString *out,
               gint64   value)
{
  char digits[32];
  int n, lead;

  n = g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, value < 0 ? -value : value);
  if (value < 0)
    g_string_append_c (out, '(');
  lead = n % 3 == 0 ? 3 : n % 3;
  g_string_append_len (out, digits, lead);
  for (int i = lead; i < n; i += 3)
    {
      g_string_append_c (out, ',');
      g_string_append_len (out, digits + i, 3);
    }
  if (value < 0)
    g_string_append_c (out, ')');
}

/* A figure with one decimal, 12.3 or (12.3), from tenths. */
static void
append_tenths (GString    *out,
               gint64      tenths,
               const char *suffix)
{
  gint64 a = tenths < 0 ? -tenths : tenths;

  if (tenths < 0)
    g_string_append_c (out, '(');
  append_amount (out, a / 10);
  g_string_append_printf (out, ".%d%s", (int) (a % 10), suffix);
  if (tenths < 0)
    g_string_append_c (out, ')');
}

static gint64
to_tenths (double value)
{
  return (gint64) llround (value * 10.0);
}

static void
append_percent (GString    *out,
                double      value,
                const char *suffix)
{
  append_tenths (out, to_tenths (value), suffix);
}

static double
percent_of (gint64 amount,
            gint64 base)
{
  return 100.0 * (double) amount / (double) base;
}

static double
change (gint64 later,
        gint64 earlier)
{
  return 100.0 * (double) (later - earlier) / (double) earlier;
}

static gint64
usd (gint64 jpy,
     guint  rate_cents)
{
  return (gint64) llround ((double) jpy * 100.0 / (double) rate_cents);
}

/* A KPI table in millions: the quarter, the same quarter a year earlier
 * with the change, the previous quarter with the change.  Rows whose
 * @values are NULL are headings. */
typedef struct
{
  const char *label;
  gint64      values[3];
  gboolean    heading;
} KpiRow;

static void
append_kpi_table (GString      *out,
                  const char   *title,
                  const char   *corner,
                  const KpiRow *rows,
                  guint         n_rows,
                  int           t,
                  gboolean      changes,
                  gboolean      tenths)
{
  g_autofree char *now = quarter_code (t);
  g_autofree char *year_ago = quarter_code (t - 4);
  g_autofree char *previous = quarter_code (t - 1);

  g_string_append_printf (out, "%s\n\n", title);
  if (changes)
    g_string_append_printf (out, "%s\t%s\t%s\tYoY %% change\t%s\tQoQ %% change\n",
                            corner, now, year_ago, previous);
  else
    g_string_append_printf (out, "%s\t%s\t%s\t%s\n", corner, now, year_ago, previous);

  for (guint r = 0; r < n_rows; r++)
    {
      const KpiRow *row = &rows[r];

      g_string_append (out, row->label);
      if (row->heading)
        {
          g_string_append (out, changes ? "\t\t\t\t\t\n" : "\t\t\t\n");
          continue;
        }

      for (guint c = 0; c < 3; c++)
        {
          g_string_append_c (out, '\t');
          if (tenths)
            append_tenths (out, row->values[c], "");
          else
            append_amount (out, row->values[c]);
          if (changes && c > 0)
            {
              g_string_append_c (out, '\t');
              append_percent (out, change (row->values[0], row->values[c]), "%");
            }
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
append_header (GString       *out,
               const char    *company,
               const char    *ticker,
               const Quarter *q,
               int            t,
               guint          release_day)
{
  guint day, month, year;
  guint fy_end_year = q->fiscal_year + 1;
  guint release_month, release_year;

  /* About seven weeks after the end of the quarter. */
  quarter_end (t, &day, &month, &year);
  release_month = month + 2;
  release_year = year;
  if (release_month > 12)
    {
      release_month -= 12;
      release_year++;
    }

  g_string_append (out, "\n\n\nFor Immediate Release\n\n");
  g_string_append (out, "For inquiries please contact:\n\n");
  g_string_append_printf (out, "%s Investor Relations Office\n\n", ticker);
  g_string_append_printf (out, "ir@%s.example or +81-3-5555-0100(Tel)\n\n", ticker);
  g_string_append_printf (out, "%s Announces %s Quarter Results for the Year %s March 31, %u\n\n",
                          ticker, ordinal_words[q->fiscal_quarter],
                          q->fiscal_quarter == 4 ? "Ended" : "Ending", fy_end_year);
  g_string_append_printf (out, "Tokyo, %s %u, %u / New York, %s %u, %u -- %s (Nasdaq: %s) (\"%s\"), "
                          "a provider of network services in Japan, today announced its financial "
                          "results for the %s quarter of the fiscal year ending March 31, %u "
                          "(\"Fiscal Year %u\").\n\n",
                          month_names[release_month], release_day, release_year,
                          month_names[release_month], release_day - 1, release_year,
                          company, ticker, ticker,
                          ordinal_numbers[q->fiscal_quarter], fy_end_year, q->fiscal_year);
  g_string_append_printf (out, "%s Quarter FY%u Highlights\n\n", ordinal_words[q->fiscal_quarter], q->fiscal_year);
}

static void
append_highlights (GString       *out,
                   const Quarter *q,
                   const Quarter *year_ago,
                   const Quarter *previous,
                   int            t,
                   guint          rate_cents)
{
  g_autofree char *now = quarter_code (t);
  g_autofree char *ya = quarter_code (t - 4);
  g_autofree char *pq = quarter_code (t - 1);
  guint day, month, year;
  GString *line = g_string_new (NULL);

  quarter_end (t, &day, &month, &year);

  g_string_append (line, "- Revenues totaled JPY ");
  append_amount (line, millions (q->revenues));
  g_string_append (line, " million, compared to JPY ");
  append_amount (line, millions (year_ago->revenues));
  g_string_append_printf (line, " million in %s and JPY ", ya);
  append_amount (line, millions (previous->revenues));
  g_string_append_printf (line, " million in %s.\n", pq);

  g_string_append_printf (line, "- Operating %s was JPY ", q->operating >= 0 ? "income" : "loss");
  append_amount (line, millions (q->operating < 0 ? -q->operating : q->operating));
  g_string_append_printf (line, " million in %s.\n", now);

  g_string_append_printf (line, "- Net %s was JPY ", q->net >= 0 ? "income" : "loss");
  append_amount (line, millions (q->net < 0 ? -q->net : q->net));
  g_string_append (line, " million.\n\n");

  g_string_append_printf (line, "Unless otherwise stated, all financial figures discussed in this "
                          "announcement are prepared in accordance with U.S. GAAP. All financial "
                          "figures are unaudited and consolidated. For all %s results, translations "
                          "of Japanese yen amounts into US dollars are solely for the convenience of "
                          "readers outside of Japan and have been made at the rate of JPY%u.%02u = "
                          "US$1, the approximate exchange rate on %s %u, %u.\n\n",
                          now, rate_cents / 100, rate_cents % 100, month_names[month], day, year);

  g_string_append (line, "Revenues\n\n");
  g_string_append_printf (line, "Revenues in %s totaled JPY ", now);
  append_amount (line, millions (q->revenues));
  g_string_append (line, " million. Connectivity and value-added services revenues were JPY ");
  append_amount (line, millions (q->connectivity_vas));
  g_string_append (line, " million, systems integration revenues JPY ");
  append_amount (line, millions (q->si));
  g_string_append (line, " million and equipment sales JPY ");
  append_amount (line, millions (q->equipment));
  g_string_append (line, " million.\n\n");

  g_string_append (out, line->str);
  g_string_free (line, TRUE);
}

static void
append_kpi_tables (GString       *out,
                   const Quarter *qs[3],
                   int            t)
{
  KpiRow rows[16];
  guint n;

#define KPI(label_, expr_) \
  G_STMT_START { \
    rows[n].label = (label_); \
    rows[n].heading = FALSE; \
    for (guint i_ = 0; i_ < 3; i_++) \
      { \
        const Quarter *x = qs[i_]; \
        rows[n].values[i_] = (expr_); \
      } \
    n++; \
  } G_STMT_END
#define HEADING(label_) \
  G_STMT_START { rows[n].label = (label_); rows[n].heading = TRUE; n++; } G_STMT_END

  n = 0;
  HEADING ("Connectivity and value-added services:");
  KPI ("Dedicated access services", millions (x->dedicated));
  KPI ("Dial-up access services", millions (x->dialup));
  KPI ("Total Connectivity Services", millions (x->connectivity));
  KPI ("Value-added services", millions (x->vas));
  KPI ("Other", millions (x->other_revenue));
  KPI ("Total Connectivity and value-added services", millions (x->connectivity_vas));
  KPI ("Systems integration revenues", millions (x->si));
  KPI ("Equipment sales", millions (x->equipment));
  KPI ("Total revenues", millions (x->revenues));
  append_kpi_table (out, "Table 1. Revenues (JPY in millions)", "Revenues", rows, n, t, TRUE, FALSE);

  g_string_append (out, "The number of contracts for dedicated access and dial-up access services "
                        "at the end of the quarter was as follows.\n\n");
  n = 0;
  HEADING ("IP Services");
  KPI ("64kbps - 128kbps", x->contracts[0]);
  KPI ("192kbps - 768kbps", x->contracts[1]);
  KPI ("1Mbps - 2Mbps", x->contracts[2]);
  KPI ("3Mbps - 1.2Gbps", x->contracts[3]);
  KPI ("Number of Contracts of DC Connectivity Services", x->contracts[4]);
  KPI ("Other", x->contracts[5]);
  KPI ("Total Dedicated Access Services", x->contracts[6]);
  KPI ("IIJ4U (Dial-up access services for retail market)", x->contracts[7]);
  KPI ("Other Dial-Up Access Services", x->contracts[8]);
  KPI ("Total Dial-Up Access Services", x->contracts[9]);
  append_kpi_table (out, "Table 3. Number of Contracts", "", rows, n, t, FALSE, FALSE);

  n = 0;
  KPI ("Dedicated Access Services", x->bandwidth[0]);
  KPI ("DC Connectivity Services", x->bandwidth[1]);
  KPI ("Total Contract Bandwidth", x->bandwidth[2]);
  append_kpi_table (out, "Table 4. Number of Contract Bandwidth (Unit: Gbps)", "", rows, n, t, FALSE, TRUE);

  g_string_append (out, "Cost and expenses\n\n");
  n = 0;
  HEADING ("Cost of Revenues:");
  KPI ("Cost of connectivity and value-added services", millions (x->cost_connectivity));
  KPI ("Cost of systems integration", millions (x->cost_si));
  KPI ("Cost of equipment sales", millions (x->cost_equipment));
  KPI ("Total of Cost of Revenues", millions (x->cost_total));
  KPI ("Sales and marketing", millions (x->sales_marketing));
  KPI ("General and administrative", millions (x->general_admin));
  KPI ("Research and development", millions (x->research));
  KPI ("Total costs and expenses", millions (x->costs_total));
  append_kpi_table (out, "Table 6. Costs and Expenses (JPY in millions)", "Costs and expenses:",
                    rows, n, t, TRUE, FALSE);

  n = 0;
  KPI ("Adjusted EBITDA", millions (x->operating) + millions (x->depreciation));
  KPI ("CAPEX, including capitalized leases", millions (x->capex_leases) + millions (x->capex_purchase));
  KPI ("Depreciation and amortization", millions (x->depreciation));
  append_kpi_table (out, "Table 8. Other Financial Statistics (JPY in millions)", "Other Financial Statistics",
                    rows, n, t, TRUE, FALSE);

  g_string_append (out, "Reconciliation of Non-GAAP Financial Measures\n\n"
                        "The following table summarizes the reconciliation of adjusted EBITDA to net "
                        "income (loss) per the consolidated statements of operations.\n\n");
  n = 0;
  KPI ("Adjusted EBITDA", millions (x->operating) + millions (x->depreciation));
  KPI ("Depreciation and amortization", -millions (x->depreciation));
  KPI ("Operating income (loss)", millions (x->operating));
  KPI ("Other expenses", millions (x->other_expenses));
  KPI ("Income tax expense (benefit)", millions (x->tax));
  KPI ("Minority interests in consolidated subsidiaries", millions (x->minority));
  KPI ("Equity in net loss of equity method investees", millions (x->equity_method));
  KPI ("Net income (loss)", millions (x->net));
  append_kpi_table (out, "Table 9. Adjusted EBITDA (JPY in millions)", "", rows, n, t, FALSE, FALSE);

  g_string_append (out, "The following table summarizes the reconciliation of capital expenditures "
                        "to purchase of property and equipment per the consolidated statements of "
                        "cash flows.\n\n");
  n = 0;
  KPI ("Capital expenditures", millions (x->capex_leases) + millions (x->capex_purchase));
  KPI ("Acquisition of assets by entering into capital leases", millions (x->capex_leases));
  KPI ("Purchase of property and equipment", millions (x->capex_purchase));
  append_kpi_table (out, "Table 10. CAPEX (JPY in millions)", "", rows, n, t, FALSE, FALSE);

#undef KPI
#undef HEADING
}

/* The prose between the KPI tables and the statements, about as long as
 * the sample's, so that a filing's text is of a realistic size. */
static void
append_review (GString       *out,
               const char    *company,
               const char    *ticker,
               const Quarter *q,
               int            t)
{
  static const char * const services[] = {
    "managed firewall", "content delivery", "hosted mail", "virtual private network",
    "data storage", "remote monitoring", "web application acceleration", "document exchange",
  };
  g_autofree char *next = quarter_code (t + 1);
  guint a = (guint) (draw (0, t, F_LEVEL) % G_N_ELEMENTS (services));
  guint b = (a + 3) % G_N_ELEMENTS (services);

  g_string_append_printf (out, "%s Quarter FY%u Business Review\n\n", ordinal_words[q->fiscal_quarter],
                          q->fiscal_year);
  g_string_append_printf (out, "Service Development\n\n"
                          "During the quarter, %s expanded its %s service for corporate customers and "
                          "began to offer %s as a component that customers can combine with their "
                          "own systems integration projects. By providing these components on demand "
                          "at its data centers and allowing customers to use them without having to "
                          "purchase equipment, %s's corporate customers can launch network systems "
                          "more smoothly and cost effectively.\n\n",
                          ticker, services[a], services[b], ticker);
  g_string_append_printf (out, "Network Infrastructure Development and Optimization\n\n"
                          "In the quarter, %s increased the capacity of several of its domestic backbone "
                          "network lines and established new lines to maintain throughput and quality. "
                          "At the same time, from a cost point of view, %s continues to optimize the "
                          "network in accordance with the number of customers connected to each network "
                          "node.\n\n", ticker, ticker);
  g_string_append_printf (out, "Teleconference/Webcast\n\n"
                          "%s will host a conference call to discuss the results and the Company's "
                          "outlook. There will be a simultaneous webcast, and a replay will also be "
                          "available at the same address.\n\n", ticker);
  g_string_append_printf (out, "Company Information\n\n"
                          "%s (%s) is a provider of Internet access and comprehensive network "
                          "solutions. The company operates one of the larger Internet backbone "
                          "networks in Japan, and between Japan and the United States, and with its "
                          "group of companies provides total network solutions that mainly cater to "
                          "corporate customers: connectivity, systems integration, security services, "
                          "hosting and housing.\n\n", company, ticker);
  g_string_append_printf (out, "Statements made in this press release regarding %s's or management's "
                          "intentions, beliefs, expectations, or predictions for the future are "
                          "forward-looking statements that are based on current expectations, "
                          "assumptions, estimates and projections about its business and the industry. "
                          "These forward-looking statements, such as statements regarding %s total "
                          "revenues and operating profitability, are subject to various risks, "
                          "uncertainties and other factors that could cause actual results to differ "
                          "materially from those contained in any forward-looking statement. These "
                          "risks, uncertainties and other factors include: the ability to continue to "
                          "increase subscribers to its connectivity services, particularly at higher "
                          "bandwidths; the ability to generate significant revenues from its other "
                          "services such as systems integration; the ability to compete in a rapidly "
                          "evolving and competitive marketplace; the impact of technological changes in "
                          "its industry; and other risks referred to from time to time in its filings "
                          "with the United States Securities and Exchange Commission.\n\n",
                          ticker, next);
}

/* The kinds of row of a statement in thousands. */
typedef enum
{
  ROW_HEADING,
  ROW_AMOUNT,
  ROW_PER_SHARE,   /* yen, no dollars, no percent */
  ROW_PER_ADS,     /* yen with two decimals */
  ROW_COUNT,       /* shares */
} RowKind;

typedef struct
{
  const char *label;
  RowKind     kind;
  gint64      values[3];
} StatementRow;

static void
append_operations (GString       *out,
                   const Quarter *qs[3],
                   int            t,
                   guint          rate_cents)
{
  g_autofree char *now = short_date (t);
  g_autofree char *ya = short_date (t - 4);
  g_autofree char *pq = short_date (t - 1);
  StatementRow rows[40];
  guint n = 0;

#define ROW(label_, kind_, expr_) \
  G_STMT_START { \
    rows[n].label = (label_); \
    rows[n].kind = (kind_); \
    for (guint i_ = 0; i_ < 3; i_++) \
      { \
        const Quarter *x = qs[i_]; \
        rows[n].values[i_] = (expr_); \
      } \
    n++; \
  } G_STMT_END
#define HEAD(label_) \
  G_STMT_START { rows[n].label = (label_); rows[n].kind = ROW_HEADING; n++; } G_STMT_END

  HEAD ("Revenues:");
  HEAD ("Connectivity and value-added services:");
  ROW ("Dedicated access services", ROW_AMOUNT, x->dedicated);
  ROW ("Dial-up access services", ROW_AMOUNT, x->dialup);
  ROW ("Value-added services", ROW_AMOUNT, x->vas);
  ROW ("Other", ROW_AMOUNT, x->other_revenue);
  ROW ("Total connectivity and value-added services", ROW_AMOUNT, x->connectivity_vas);
  ROW ("Systems integration revenues", ROW_AMOUNT, x->si);
  ROW ("Equipment sales", ROW_AMOUNT, x->equipment);
  ROW ("Total revenues", ROW_AMOUNT, x->revenues);
  HEAD ("Costs and expenses:");
  ROW ("Cost of connectivity and value-added services", ROW_AMOUNT, x->cost_connectivity);
  ROW ("Cost of systems integration revenues", ROW_AMOUNT, x->cost_si);
  ROW ("Cost of equipment sales", ROW_AMOUNT, x->cost_equipment);
  ROW ("Total costs", ROW_AMOUNT, x->cost_total);
  ROW ("Sales and marketing", ROW_AMOUNT, x->sales_marketing);
  ROW ("General and administrative", ROW_AMOUNT, x->general_admin);
  ROW ("Research and development", ROW_AMOUNT, x->research);
  ROW ("Total costs and expenses", ROW_AMOUNT, x->costs_total);
  ROW ("Operating income (loss)", ROW_AMOUNT, x->operating);
  ROW ("Other income (expenses)", ROW_AMOUNT, x->other_expenses);
  ROW ("Income (loss) before income tax expense (benefit)", ROW_AMOUNT, x->before_tax);
  ROW ("Income tax expense(benefit)", ROW_AMOUNT, x->tax);
  ROW ("Minority interests in consolidated subsidiaries", ROW_AMOUNT, x->minority);
  HEAD ("Equity in net loss of equity method investees:");
  ROW ("Equity method net income(loss)", ROW_AMOUNT, x->equity_method);
  ROW ("Net income (loss)", ROW_AMOUNT, x->net);
  ROW ("Basic net income (loss) per share", ROW_PER_SHARE,
       (gint64) llround ((double) x->net * 1000.0 / (double) x->shares));
  ROW ("Basic net income (loss) per ADS equivalent", ROW_PER_ADS,
       (gint64) llround ((double) x->net * 1000.0 / ((double) x->shares * 2000.0) * 100.0));
  ROW ("Weighted Average Number of Shares", ROW_COUNT, x->shares);
  ROW ("Weighted Average Number of ADS Equivalents", ROW_COUNT, x->shares * 2000);

#undef ROW
#undef HEAD

  g_string_append_printf (out, "CONSOLIDATED STATEMENTS OF OPERATIONS(UNAUDITED)\n\n"
                          "For the Three Months Ended %s, %s and %s\n\n"
                          "(Expressed in Thousands of Japanese Yen (JPY) and U.S. Dollars (USD) "
                          "Except for Per Share and ADS Data) (1)\n\n",
                          now, ya, pq);
  g_string_append (out, "\tYear-over-year Comparison\t\t\t\t\tSequential Comparison\t\t\t\n");
  g_string_append_printf (out, "\t%s\t\t%% of Total Revenues\t%s\t\tYOY Chg %%\t%s\t\tQOQ Chg %%\n",
                          now, ya, pq);
  g_string_append (out, "\tUSD (1)\tJPY\t\tJPY\t% of Total Revenues\t\tJPY\t% of Total Revenues\t\n");

  for (guint r = 0; r < n; r++)
    {
      const StatementRow *row = &rows[r];
      const gint64 revenues[3] = { qs[0]->revenues, qs[1]->revenues, qs[2]->revenues };
      /* The first and the last row print their percents with the sign. */
      const char *pct = (r == 2 || g_str_equal (row->label, "Net income (loss)")) ? "%" : "";

      g_string_append (out, row->label);
      switch (row->kind)
        {
        case ROW_HEADING:
          g_string_append (out, "\t\t\t\t\t\t\t\t\t");
          break;

        case ROW_AMOUNT:
          g_string_append_c (out, '\t');
          append_amount (out, usd (row->values[0], rate_cents));
          for (guint c = 0; c < 3; c++)
            {
              g_string_append_c (out, '\t');
              append_amount (out, row->values[c]);
              g_string_append_c (out, '\t');
              append_percent (out, percent_of (row->values[c], revenues[c]), pct);
              if (c > 0)
                {
                  g_string_append_c (out, '\t');
                  append_percent (out, change (row->values[0], row->values[c]), pct);
                }
            }
          break;

        case ROW_PER_SHARE:
        case ROW_COUNT:
        case ROW_PER_ADS:
          g_string_append (out, "\t");
          for (guint c = 0; c < 3; c++)
            {
              g_string_append_c (out, '\t');
              if (row->kind == ROW_PER_ADS)
                {
                  gint64 a = row->values[c] < 0 ? -row->values[c] : row->values[c];

                  g_string_append_printf (out, row->values[c] < 0 ? "(%" G_GINT64_FORMAT ".%02d)"
                                                                  : "%" G_GINT64_FORMAT ".%02d",
                                          a / 100, (int) (a % 100));
                }
              else
                append_amount (out, row->values[c]);
              g_string_append (out, c == 0 ? "\t" : "\t\t");
            }
          break;
        }
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\nNote (1): The translation of Japanese yen amounts into US dollar "
                          "amounts with respect to the three months ended %s are included solely "
                          "for the convenience of readers outside Japan and have been made at the "
                          "rate of JPY %u.%02u = $1, the approximate rate of exchange on %s.\n\n",
                          now, rate_cents / 100, rate_cents % 100, now);
}

static void
append_balance (GString       *out,
                const char    *company,
                const Quarter *qs[3],
                int            t,
                guint          rate_cents)
{
  static const char * const asset_labels[] = {
    "Cash and cash equivalents", "Accounts receivable, net", "Inventories", "Prepaid expenses",
    "Other current assets", "Total current assets",
    "Investments in and Advances to Equity Method Investees", "Other Investments",
    "Property and Equipment, net", "Restricted Cash", "Guarantee Deposits", "Other Assets",
  };
  static const char * const liability_labels[] = {
    "Short-term borrowings", "Accounts payable", "Accrued expenses", "Other current liabilities",
    "Long-term borrowings-current portion", "Capital lease obligations-current portion",
    "Total current liabilities", "Long-term Borrowings", "Convertible Notes",
    "Capital Lease Obligations-Noncurrent", "Accrued Retirement and Pension Costs",
    "Other Noncurrent Liabilities", "Total liabilities",
  };
  static const char * const equity_labels[] = {
    "Common stock", "Additional paid-in capital", "Accumulated deficit",
    "Accumulated other comprehensive income", "Treasury stock", "Total shareholders' equity",
  };
  g_autofree char *now = short_date (t);
  g_autofree char *ya = short_date (t - 4);
  g_autofree char *pq = short_date (t - 1);
  g_autofree char *upper = g_ascii_strup (company, -1);

#define LINE(label_, expr_, pct_) \
  G_STMT_START { \
    g_string_append (out, (label_)); \
    for (guint c = 0; c < 3; c++) \
      { \
        const Quarter *x = qs[c]; \
        gint64 value_ = (expr_); \
        if (c == 0) \
          { \
            g_string_append_c (out, '\t'); \
            append_amount (out, usd (value_, rate_cents)); \
          } \
        g_string_append_c (out, '\t'); \
        append_amount (out, value_); \
        g_string_append_c (out, '\t'); \
        append_percent (out, percent_of (value_, x->total_assets), (pct_)); \
      } \
    g_string_append_c (out, '\n'); \
  } G_STMT_END

  g_string_append_printf (out, "%s\nCONSOLIDATED BALANCE SHEETS(UNAUDITED)\n\nAppendix 2\n\n"
                          "As of %s, %s and %s\n"
                          "(Expressed in Thousands of Japanese Yen (JPY) and U.S. Dollars (USD)) (1)\n\n",
                          upper, now, ya, pq);
  g_string_append_printf (out, "\t%s\t\t\t%s\t\t%s\t\n", now, ya, pq);
  g_string_append (out, "\tUSD (1)\tJPY\t%\tJPY\t%\tJPY\t%\n");
  g_string_append (out, "ASSETS\t\t\t\t\t\t\t\nCurrent Assets:\t\t\t\t\t\t\t\n");
  for (guint i = 0; i < G_N_ELEMENTS (asset_labels); i++)
    LINE (asset_labels[i], x->assets[i], i == 0 ? "%" : "");
  LINE ("Total assets", x->total_assets, "%");
  g_string_append (out, "LIABILITIES AND SHAREHOLDERS' EQUITY\t\t\t\t\t\t\t\n"
                        "Current Liabilities:\t\t\t\t\t\t\t\n");
  for (guint i = 0; i < G_N_ELEMENTS (liability_labels); i++)
    LINE (liability_labels[i], x->liabilities[i], i == 0 ? "%" : "");
  LINE ("Minority Interest", x->minority_interest, "");
  g_string_append (out, "Shareholders' Equity:\t\t\t\t\t\t\t\n");
  for (guint i = 0; i < G_N_ELEMENTS (equity_labels); i++)
    LINE (equity_labels[i], x->equity[i], "");
  LINE ("Total liabilities and shareholders' equity",
        x->liabilities[12] + x->minority_interest + x->equity[5], "%");

#undef LINE

  g_string_append_printf (out, "\nNote (1): The translation of Japanese yen amounts into US dollar "
                          "amounts with respect to %s are included solely for the convenience of "
                          "readers outside Japan and have been made at the rate of JPY%u.%02u = $1, "
                          "the approximate rate of exchange on %s.\n\n",
                          now, rate_cents / 100, rate_cents % 100, now);
}

static void
append_cash_flows (GString       *out,
                   const Quarter *qs[3],
                   int            t,
                   guint          rate_cents)
{
  static const char * const operating_labels[] = {
    "Net income (loss)", "Depreciation and amortization", "Provision for doubtful accounts",
    "Equity method net loss (income)", "Minority interests in net loss of consolidated subsidiaries",
    "Foreign exchange losses (gains)", "Losses on other investments",
    "Decrease (increase) in accounts receivable", "Increase (decrease) in accounts payable",
    "Decrease (increase) in inventories", "Deferred income taxes", "Other",
    "Net cash provided by (used in) operating activities",
  };
  static const char * const investing_labels[] = {
    "Purchase of property and equipment", "Proceeds from sales of other investment",
    "Purchase of other investments", "Refund (payment) of guarantee deposits-net", "Other",
    "Net cash provided by (used in) investing activities",
  };
  static const char * const financing_labels[] = {
    "Repayments of long-term borrowings", "Principal payments under capital leases",
    "Net increase (decrease) in short-term borrowings", "Proceeds from issuance of common stock",
    "Net cash provided by (used in) financing activities",
  };
  g_autofree char *now = short_date (t);
  g_autofree char *ya = short_date (t - 4);
  g_autofree char *pq = short_date (t - 1);

  /* Nothing issued is printed as a dash, as the releases do. */
#define LINE(label_, expr_) \
  G_STMT_START { \
    g_string_append (out, (label_)); \
    for (guint c = 0; c < 3; c++) \
      { \
        const Quarter *x = qs[c]; \
        gint64 value_ = (expr_); \
        if (c == 0) \
          { \
            g_string_append_c (out, '\t'); \
            if (value_ == 0) \
              g_string_append_c (out, '-'); \
            else \
              append_amount (out, usd (value_, rate_cents)); \
          } \
        g_string_append_c (out, '\t'); \
        if (value_ == 0) \
          g_string_append_c (out, '-'); \
        else \
          append_amount (out, value_); \
      } \
    g_string_append_c (out, '\n'); \
  } G_STMT_END

  g_string_append_printf (out, "CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS (UNAUDITED)\n\n"
                          "For the Three Months Ended %s, %s and %s\n\n"
                          "(Expressed in Thousands of Japanese Yen (JPY) and U.S. Dollars (USD)) (1)\n\n",
                          now, ya, pq);
  g_string_append_printf (out, "\t%s\t\t%s\t%s\n", now, ya, pq);
  g_string_append (out, "\tUSD (1)\tJPY\tJPY\tJPY\n");
  g_string_append (out, "Operating Activities:\t\t\t\t\n");
  for (guint i = 0; i < G_N_ELEMENTS (operating_labels); i++)
    LINE (operating_labels[i], x->operating_cf[i]);
  g_string_append (out, "Investing Activities:\t\t\t\t\n");
  for (guint i = 0; i < G_N_ELEMENTS (investing_labels); i++)
    LINE (investing_labels[i], x->investing_cf[i]);
  g_string_append (out, "Financing Activities:\t\t\t\t\n");
  for (guint i = 0; i < G_N_ELEMENTS (financing_labels); i++)
    LINE (financing_labels[i], x->financing_cf[i]);
  LINE ("Effect of Exchange Rate Changes on Cash", x->fx_effect);
  LINE ("Net Increase (Decrease) in Cash", x->net_change);
  LINE ("Cash, Beginning of Period", x->cash_begin);
  LINE ("Cash, End of Period", x->cash_end);

#undef LINE
}

static const char * const syllables[] = {
  "ka", "ri", "to", "mu", "sa", "ne", "ho", "ki", "ra", "shi", "no", "ta", "me", "yo", "su", "ga",
};

/* A pronounceable name per company: the parser takes a company's name
 * from words before "Corporation", so the number cannot follow it. */
static char *
company_word (guint company)
{
  GString *word = g_string_new (NULL);
  guint n = company;

  do
    {
      g_string_append (word, syllables[n % G_N_ELEMENTS (syllables)]);
      n /= G_N_ELEMENTS (syllables);
    }
  while (n > 0);
  if (word->len < 4)
    g_string_append (word, "wa");
  word->str[0] = g_ascii_toupper (word->str[0]);
  return g_string_free (word, FALSE);
}

char *
kessan_synth_company_name (guint company)
{
  g_autofree char *word = company_word (company);

  return g_strdup_printf ("%s Synthetic Corporation", word);
}

void
kessan_synth_period (guint  index,
                     guint *company,
                     guint *fiscal_year,
                     guint *fiscal_quarter)
{
  guint c = index / KESSAN_SYNTH_QUARTERS_PER_COMPANY;
  /* Companies start in different years, so not every one reports the
   * same quarters. */
  guint first = (1985 + (c * 7) % 30) * 4;
  guint t = first + index % KESSAN_SYNTH_QUARTERS_PER_COMPANY;

  *company = c;
  *fiscal_year = t / 4;
  *fiscal_quarter = t % 4 + 1;
}

char *
kessan_synth_source_name (guint company,
                          guint fiscal_year,
                          guint fiscal_quarter)
{
  g_autofree char *word = company_word (company);
  g_autofree char *lower = g_ascii_strdown (word, -1);

  return g_strdup_printf ("%s-fy%uq%u.txt", lower, fiscal_year, fiscal_quarter);
}

char *
kessan_synth_release (guint company,
                      guint fiscal_year,
                      guint fiscal_quarter)
{
  int t = (int) (fiscal_year * 4 + fiscal_quarter - 1);
  g_autofree char *name = kessan_synth_company_name (company);
  g_autofree char *word = company_word (company);
  g_autofree char *ticker = g_ascii_strup (word, MIN (strlen (word), 4));
  Quarter now, year_ago, previous;
  const Quarter *qs[3] = { &now, &year_ago, &previous };
  guint rate_cents, release_day;
  GString *out;

  g_return_val_if_fail (fiscal_quarter >= 1 && fiscal_quarter <= 4, NULL);
  g_return_val_if_fail (fiscal_year > 1970 && fiscal_year < 2069, NULL);

  rate_cents = (guint) draw_int (company, t, F_RATE, 9000, 14500);
  release_day = (guint) draw_int (company, t, F_RELEASE_DAY, 5, 28);

  compute_quarter (company, t, &now);
  compute_quarter (company, t - 4, &year_ago);
  compute_quarter (company, t - 1, &previous);

  out = g_string_sized_new (32 * 1024);
  append_header (out, name, ticker, &now, t, release_day);
  append_highlights (out, &now, &year_ago, &previous, t, rate_cents);
  append_kpi_tables (out, qs, t);
  append_review (out, name, ticker, &now, t);
  g_string_append (out, "Tables to follow\n\n");
  append_operations (out, qs, t, rate_cents);
  append_balance (out, name, qs, t, rate_cents);
  append_cash_flows (out, qs, t, rate_cents);
  g_string_append_printf (out, "\nNote (1): The translation of Japanese yen amounts into US dollar "
                          "amounts is included solely for the convenience of readers outside Japan "
                          "and has been made at the rate of JPY%u.%02u = $1.\n",
                          rate_cents / 100, rate_cents % 100);

  return g_string_free (out, FALSE);
}
