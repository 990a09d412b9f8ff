/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A release larger than this is refused with KESSAN_ERROR_TOO_LARGE.  Real
 * releases are a few hundred kilobytes of text; the limit leaves room for
 * a hundred of them concatenated while keeping memory bounded. */
#define KESSAN_MAX_INPUT_SIZE ((gsize) 32 * 1024 * 1024)

/* Lines longer than this (in bytes, after decoding) are refused with
 * KESSAN_ERROR_LIMIT: no table line comes near it. */
#define KESSAN_MAX_LINE_LENGTH ((gsize) 64 * 1024)

typedef enum
{
  KESSAN_ENCODING_UTF8,
  KESSAN_ENCODING_UTF8_BOM,
  KESSAN_ENCODING_UTF16LE,
  KESSAN_ENCODING_UTF16BE,
  KESSAN_ENCODING_CP932,
  KESSAN_ENCODING_EUC_JP,
} KessanEncoding;

const char *kessan_encoding_to_string (KessanEncoding encoding);

char       *kessan_decode             (const guint8   *data,
                                       gsize           length,
                                       KessanEncoding *encoding,
                                       GError        **error);
char       *kessan_decode_markup      (const guint8   *data,
                                       gsize           length,
                                       KessanEncoding *encoding,
                                       gboolean        check_lines,
                                       GError        **error);

char       *kessan_normalize_line     (const char     *line,
                                       gssize          length);

char       *kessan_collapse_overprint (const char     *text,
                                       gssize          length);

G_END_DECLS
