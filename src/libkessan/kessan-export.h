/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kessan-filing.h"

G_BEGIN_DECLS

/* The public JSON format, "format": "kessan-filing", described in
 * docs/json-format.md.  include_text adds the decoded source text (the
 * library keeps it; the CLI leaves it out). */
char         *kessan_filing_to_json        (KessanFiling     *filing,
                                            gboolean          include_text);
char         *kessan_filing_statement_to_json (KessanFiling *filing,
                                               const char   *statement_id);
char         *kessan_filing_findings_to_json (KessanFiling *filing);
KessanFiling *kessan_filing_new_from_json  (const char       *data,
                                            gssize            length,
                                            GError          **error);

/* One statement as CSV: a header block naming each column's period,
 * measure, currency and scale, then one line per row. */
char         *kessan_statement_to_csv      (KessanStatement  *statement);

/* Exports for the reader, with row labels (and CSV column headers) in
 * the chosen language. */
char         *kessan_filing_export_json    (KessanFiling        *filing,
                                            const char          *statement_id,
                                            KessanLabelLanguage  labels);
char         *kessan_statement_export_csv  (KessanStatement      *statement,
                                            KessanFiling         *filing,
                                            KessanLabelLanguage   labels);

G_END_DECLS
