/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kessan-filing.h"

G_BEGIN_DECLS

/* Tolerances, in printed units (see docs/checks.md). */
#define KESSAN_CHECK_SUM_TOLERANCE_PER_ROW  1.0   /* one unit of rounding per summed row */
#define KESSAN_CHECK_PERCENT_TOLERANCE      0.11  /* percentage points */

void kessan_filing_run_checks (KessanFiling *filing);

G_END_DECLS
