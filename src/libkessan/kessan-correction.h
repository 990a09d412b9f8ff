/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan-filing.h"
#include "kessan-types.h"

G_BEGIN_DECLS

/* One decision an analyst made while importing a release, kept with the
 * filing and applied again when the same release is imported again
 * (docs/library.md, "Corrections"). */
typedef enum
{
  KESSAN_CORRECTION_COLUMN_ROLE,    /* a column's period, measure, currency and scale */
  KESSAN_CORRECTION_ROW_CONCEPT,    /* a row's concept: a dictionary key or a new one */
  KESSAN_CORRECTION_MOVE_VALUE,     /* a number of a ragged row in another column */
  KESSAN_CORRECTION_SKIP_TABLE,     /* a table left out of the filing */
  KESSAN_CORRECTION_FISCAL_PERIOD,  /* the release's fiscal year and quarter */
  KESSAN_CORRECTION_SET_VALUE,      /* a number typed over the one read */
} KessanCorrectionKind;

#define KESSAN_TYPE_CORRECTION (kessan_correction_get_type ())

G_DECLARE_FINAL_TYPE (KessanCorrection, kessan_correction, KESSAN, CORRECTION, GObject)

KessanCorrection     *kessan_correction_new_column_role   (const char       *statement,
                                                           guint             column,
                                                           const char       *period_end,
                                                           guint             months,
                                                           KessanMeasure     measure,
                                                           KessanCurrency    currency,
                                                           guint             scale);
KessanCorrection     *kessan_correction_new_row_concept   (const char       *statement,
                                                           guint             row,
                                                           const char       *concept,
                                                           const char       *label);
KessanCorrection     *kessan_correction_new_move_value    (const char       *statement,
                                                           guint             row,
                                                           guint             from_column,
                                                           guint             to_column);
KessanCorrection     *kessan_correction_new_set_value     (const char       *statement,
                                                           guint             row,
                                                           guint             column,
                                                           double            value,
                                                           guint             decimals);
/* Reads a number as an analyst types it ("1,234", "−1,234", "(1,234)",
 * "▲1,234.5"); FALSE for anything else. */
gboolean              kessan_correction_parse_value       (const char       *text,
                                                           double           *value,
                                                           guint            *decimals);
KessanCorrection     *kessan_correction_new_skip_table    (const char       *statement);
KessanCorrection     *kessan_correction_new_fiscal_period (guint             fiscal_year,
                                                           guint             fiscal_quarter);

KessanCorrectionKind  kessan_correction_get_kind          (KessanCorrection *self);
/* The statement id, or NULL for a fiscal period. */
const char           *kessan_correction_get_statement     (KessanCorrection *self);
/* Row index in the statement (row concept, move value, set value). */
guint                 kessan_correction_get_row           (KessanCorrection *self);
/* Column index (column role, set value), or the column a value moves
 * from. */
guint                 kessan_correction_get_column        (KessanCorrection *self);
guint                 kessan_correction_get_to_column     (KessanCorrection *self);
const char           *kessan_correction_get_period_end    (KessanCorrection *self);
guint                 kessan_correction_get_months        (KessanCorrection *self);
KessanMeasure         kessan_correction_get_measure       (KessanCorrection *self);
KessanCurrency        kessan_correction_get_currency      (KessanCorrection *self);
guint                 kessan_correction_get_scale         (KessanCorrection *self);
const char           *kessan_correction_get_concept       (KessanCorrection *self);
const char           *kessan_correction_get_label         (KessanCorrection *self);
guint                 kessan_correction_get_fiscal_year   (KessanCorrection *self);
guint                 kessan_correction_get_fiscal_quarter (KessanCorrection *self);
/* The number typed (set value), its decimals, and the number the
 * release printed, once the correction was applied (NaN for an empty
 * cell). */
double                kessan_correction_get_value         (KessanCorrection *self);
guint                 kessan_correction_get_decimals      (KessanCorrection *self);
double                kessan_correction_get_printed       (KessanCorrection *self);

/* A sentence saying what was corrected, in the user's language. */
char                 *kessan_correction_describe          (KessanCorrection *self);
/* Whether the correction changed the cell at @row and @column of
 * @statement; -1 for a row or column stands for any. */
gboolean              kessan_correction_touches           (KessanCorrection *self,
                                                           const char       *statement,
                                                           int               row,
                                                           int               column);

/* Applies @correction to @filing, records it in the filing's corrections
 * and runs the checks again. */
gboolean              kessan_filing_apply_correction      (KessanFiling     *filing,
                                                           KessanCorrection *correction,
                                                           GError          **error);
/* The last correction of @filing that touches the cell, or NULL. */
KessanCorrection     *kessan_filing_find_correction       (KessanFiling     *filing,
                                                           const char       *statement,
                                                           int               row,
                                                           int               column);

/* The corrections of a release kept in a library folder, by source hash,
 * so that they outlive the filing (DIR/corrections/<sha256>.json). */
gboolean              kessan_corrections_save             (GFile            *library_directory,
                                                           const char       *source_hash,
                                                           GListModel       *corrections,
                                                           GError          **error);
GPtrArray            *kessan_corrections_load             (GFile            *library_directory,
                                                           const char       *source_hash,
                                                           GError          **error);

G_END_DECLS
