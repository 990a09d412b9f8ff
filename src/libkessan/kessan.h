/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kessan-column.h"
#include "kessan-concepts.h"
#include "kessan-decoder.h"
#include "kessan-error.h"
#include "kessan-export.h"
#include "kessan-filing.h"
#include "kessan-finding.h"
#include "kessan-line-item.h"
#include "kessan-number.h"
#include "kessan-parser.h"
#include "kessan-period.h"
#include "kessan-statement.h"
#include "kessan-types.h"
#include "kessan-checks.h"
#include "kessan-i18n.h"
