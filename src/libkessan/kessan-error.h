/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KESSAN_ERROR (kessan_error_quark ())

/* Everything a user may see goes through one of these codes, so that the
 * CLI and the app can give each kind of bad input its own message. */
typedef enum
{
  KESSAN_ERROR_EMPTY,          /* the file has no content */
  KESSAN_ERROR_BINARY,         /* NUL bytes or control codes: not text */
  KESSAN_ERROR_ENCODING,       /* text in no supported encoding */
  KESSAN_ERROR_NOT_RELEASE,    /* decodes fine but holds no statement */
  KESSAN_ERROR_TOO_LARGE,      /* over the input size limit */
  KESSAN_ERROR_LIMIT,          /* over another input limit (lines, tables, rows) */
  KESSAN_ERROR_FORMAT,         /* a filing JSON that is not ours or is corrupt */
  KESSAN_ERROR_IO,             /* reading or writing failed */
  KESSAN_ERROR_DOCUMENT,       /* a spreadsheet or word-processor document */
  KESSAN_ERROR_PDF_ENCRYPTED,  /* a PDF that needs a password */
  KESSAN_ERROR_PDF_DAMAGED,    /* a PDF that cannot be opened */
  KESSAN_ERROR_PDF_NO_TEXT,    /* a PDF without a text layer (a scan) */
  KESSAN_ERROR_NOT_FOUND,      /* the file is gone */
  KESSAN_ERROR_DAMAGED_TEXT,   /* UTF-8 text with bytes that are not UTF-8 */
  KESSAN_ERROR_MARKUP,         /* HTML or XML that cannot be read, or too deep */
  KESSAN_ERROR_ARCHIVE,        /* a package (zip) that is damaged or unsafe */
} KessanError;

GQuark kessan_error_quark (void);

G_END_DECLS
