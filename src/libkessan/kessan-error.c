/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "kessan-error.h"

/**
 * kessan_error_quark:
 *
 * The error domain of every #GError the engine reports.
 *
 * Returns: the #GQuark of %KESSAN_ERROR
 */
G_DEFINE_QUARK (kessan-error-quark, kessan_error)
