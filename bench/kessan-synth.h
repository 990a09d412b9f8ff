/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Synthetic quarterly releases for the benchmarks: English, tab-separated,
 * in the layout of the sample releases, with numbers that are random but
 * add up.  Each company has one history: every release that prints a
 * quarter prints the same figures for it. */

/* How many consecutive quarters each synthetic company reports. */
#define KESSAN_SYNTH_QUARTERS_PER_COMPANY 80

char  *kessan_synth_company_name (guint   company);

/* The fiscal period of release @index of a library: release 0 to 79 are
 * the first company's quarters, 80 to 159 the second's, and so on. */
void   kessan_synth_period       (guint   index,
                                  guint  *company,
                                  guint  *fiscal_year,
                                  guint  *fiscal_quarter);

/* The release of @company for @fiscal_quarter (1 to 4) of @fiscal_year
 * (which starts on April 1 of that year), as UTF-8 text.  @fiscal_year
 * must be within 1971 to 2068, where two-digit quarter codes are
 * unambiguous. */
char  *kessan_synth_release      (guint   company,
                                  guint   fiscal_year,
                                  guint   fiscal_quarter);

/* A file name for that release, as a person would save it. */
char  *kessan_synth_source_name  (guint   company,
                                  guint   fiscal_year,
                                  guint   fiscal_quarter);

G_END_DECLS
