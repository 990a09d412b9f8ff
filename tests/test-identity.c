/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <kessan.h>
#include <locale.h>
#include <string.h>

/* Who published a release: the company's name as the release itself
 * prints it, whatever the layout of its first page. */

/* A small income statement, so that each text is a release. */
#define STATEMENT \
  "\n" \
  "                     CONDENSED CONSOLIDATED STATEMENTS OF INCOME\n" \
  "                    (In millions, except per share amounts)\n" \
  "                                            Three Months Ended\n" \
  "                                        March 31,      March 31,\n" \
  "                                          2023           2022\n" \
  "Net revenues                            $ 4,512        $ 4,210\n" \
  "Cost of revenues                          1,830          1,702\n" \
  "Gross profit                              2,682          2,508\n" \
  "Operating expenses                        1,911          1,877\n" \
  "Operating income                            771            631\n"

static char *
company_of (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(KessanFiling) filing = kessan_parse_release (bytes, "release.txt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (filing);
  return g_strdup (kessan_filing_get_company (filing));
}

static void
assert_company (const char *text,
                const char *expected)
{
  g_autofree char *company = company_of (text);

  g_test_message ("company: %s", company);
  g_assert_cmpstr (company, ==, expected);
}

/* A name without a suffix, before its ticker; a subsidiary with one in
 * a headline above it is another company. */
static void
test_name_before_ticker (void)
{
  assert_company ("Harbor & Harbor Subsidiary Coastline Holdings LLC Completes Review\n"
                  "\n"
                  "Springfield, N.J. (April 18, 2023) – Harbor & Harbor (NYSE: HBH) today announced\n"
                  "results for the first quarter of 2023.\n" STATEMENT,
                  "Harbor & Harbor");
  /* A name that begins in lower case, and "The" as part of a name. */
  assert_company ("SAN JOSE, Calif., April 26, 2023 -- eMarket Inc. (Nasdaq: EMKT), a global\n"
                  "marketplace, today reported results.\n" STATEMENT,
                  "eMarket Inc.");
  assert_company ("KEARNEY, Neb. -- The Saddle, Inc. (NYSE: SDL) announced today its results.\n" STATEMENT,
                  "The Saddle, Inc.");
}

/* The short name before the ticker is the full one where the release
 * prints that too. */
static void
test_short_name_completed (void)
{
  assert_company ("Northwind Reports First-Quarter 2023 Financial Results\n"
                  "\n"
                  "Northwind (Nasdaq: NWND) is an industry leader in components.\n"
                  "\n"
                  "Northwind Corporation will host a call at 2:00 p.m. today.\n" STATEMENT,
                  "Northwind Corporation");
}

/* An SEC cover page: the registrant's name above its caption; not "SE"
 * cut from "SECTION". */
static void
test_registrant_name (void)
{
  assert_company ("                        UNITED STATES\n"
                  "             SECURITIES AND EXCHANGE COMMISSION\n"
                  "                  Washington, D.C. 20549\n"
                  "                        FORM 10-Q\n"
                  "  QUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES\n"
                  "                   EXCHANGE ACT OF 1934\n"
                  "\n"
                  "                     GRANITE PEAK CO\n"
                  "   (Exact name of Registrant as specified in its charter)\n"
                  "\n"
                  "     Delaware                              58-0628465\n" STATEMENT,
                  "Granite Peak Co");
  assert_company ("McHENRY'S REPORTS SECOND QUARTER 2023 RESULTS\n"
                  "\n"
                  "CHICAGO, IL - McHenry's Corporation today announced results for the\n"
                  "second quarter ended June 30, 2023.\n" STATEMENT,
                  "McHenry's Corporation");
}

static KessanFiling *
parse (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  KessanFiling *filing = kessan_parse_release (bytes, "release.txt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (filing);
  return filing;
}

/* The release's own period is the quarter of its income statement, not
 * the year of an outlook in its highlights, and its fiscal year ends
 * when its statements say. */
static void
test_period_of_statements (void)
{
  g_autoptr(KessanFiling) filing = parse (
    "Northwind Corporation (Nasdaq: NWND) today reported results.\n"
    "\n"
    "                         FINANCIAL HIGHLIGHTS\n"
    "                            (In millions)\n"
    "                                      Year Ending        Year Ended\n"
    "                                     Dec. 31, 2023     Dec. 31, 2022\n"
    "                                        Outlook           Actual\n"
    "Net revenues                             18,500            17,910\n"
    "Operating income                          3,100             2,940\n"
    STATEMENT
    "\n"
    "                   CONDENSED CONSOLIDATED BALANCE SHEETS\n"
    "                            (In millions)\n"
    "                                        March 31,     December 31,\n"
    "                                          2023            2022\n"
    "Cash and cash equivalents               $ 2,268         $ 2,154\n"
    "Other assets                              3,004           3,681\n"
    "Total assets                            $ 5,272         $ 5,835\n");

  g_assert_cmpstr (kessan_filing_get_period_end (filing), ==, "2023-03-31");
  g_assert_cmpuint (kessan_filing_get_period_months (filing), ==, 3);
  g_assert_cmpuint (kessan_filing_get_fiscal_year (filing), ==, 2023);
  g_assert_cmpuint (kessan_filing_get_fiscal_quarter (filing), ==, 1);
}

static void
assert_released (const char *text,
                 const char *expected)
{
  g_autoptr(KessanFiling) filing = parse (text);

  g_assert_cmpstr (kessan_filing_get_released (filing), ==, expected);
}

/* The date a press release is dated by, in the forms of the wires; not a
 * date its tables are about. */
static void
test_dateline (void)
{
  assert_released ("SAN JOSE, Calif., April 26, 2023 /PRNewswire/ -- eMarket Inc. (Nasdaq: EMKT)\n"
                   "today reported results.\n" STATEMENT, "2023-04-26");
  assert_released ("Springfield, N.J. (April 18, 2023) – Harbor & Harbor (NYSE: HBH) today\n"
                   "announced results.\n" STATEMENT, "2023-04-18");
  assert_released ("PURCHASE, N.Y. - April 25, 2023 - Northwind, Inc. (NASDAQ: NWND) today\n"
                   "reported results.\n" STATEMENT, "2023-04-25");
  assert_released ("SANTA CLARA, Calif.--(BUSINESS WIRE)--Jan. 26, 2023--Northwind Corporation\n"
                   "today reported fourth-quarter results.\n" STATEMENT, "2023-01-26");
  assert_released ("Northwind Corporation reports results\n"
                   "\n"
                   "Balance, June 27, 2023                 4,120\n" STATEMENT, NULL);
}

/* A period that ends after the release's date is none of its own (an
 * outlook read as a year's column). */
static void
test_period_before_release (void)
{
  g_autoptr(KessanFiling) filing = parse (
    "SAN JOSE, Calif., April 26, 2023 /PRNewswire/ -- Northwind Corporation (Nasdaq: NWND)\n"
    "today reported results.\n"
    "\n"
    "                    CONSOLIDATED STATEMENTS OF INCOME\n"
    "                              (In millions)\n"
    "                                        Year Ended      Year Ended\n"
    "                                       December 31,    December 31,\n"
    "                                           2023            2022\n"
    "Net revenues                              18,500          17,910\n"
    "Operating income                           3,100           2,940\n"
    STATEMENT);

  g_assert_cmpstr (kessan_filing_get_released (filing), ==, "2023-04-26");
  g_assert_cmpstr (kessan_filing_get_period_end (filing), ==, "2023-03-31");
  g_assert_cmpuint (kessan_filing_get_period_months (filing), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kessan/identity/name-before-ticker", test_name_before_ticker);
  g_test_add_func ("/kessan/identity/short-name-completed", test_short_name_completed);
  g_test_add_func ("/kessan/identity/registrant-name", test_registrant_name);
  g_test_add_func ("/kessan/identity/period-of-statements", test_period_of_statements);
  g_test_add_func ("/kessan/identity/dateline", test_dateline);
  g_test_add_func ("/kessan/identity/period-before-release", test_period_before_release);
  return g_test_run ();
}
