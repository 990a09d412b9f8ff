/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-checks"

#include "kessan-checks.h"

void
kessan_filing_run_checks (KessanFiling *filing)
{
  g_return_if_fail (KESSAN_IS_FILING (filing));
}
