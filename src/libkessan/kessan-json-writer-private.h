/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most decimals a number is written with. */
#define KESSAN_JSON_MAX_DECIMALS 20

/* From here on, numbers take an exponent: integers of more than 18
 * digits would not survive a round trip through a reader of 64-bit
 * integers. */
#define KESSAN_JSON_MAX_FIXED 1e18

/* Enough for "%.20f" of any value below KESSAN_JSON_MAX_FIXED and for
 * "%.17g". */
#define KESSAN_JSON_NUMBER_BUF_SIZE 64

/* A pretty-printing JSON writer: one member or element per line, indented
 * by two spaces, or a whole object on one line from the depth of
 * inline_depth on.  Start one as { .out = g_string_new (NULL) }. */
typedef struct
{
  GString  *out;
  guint     depth;
  guint     inline_depth;       /* 0 when nothing is on one line */
  gboolean  first;
} KessanJsonWriter;

void     kessan_json_append_uint         (GString          *out,
                                          guint             value);
void     kessan_json_append_string       (GString          *out,
                                          const char       *str);
gboolean kessan_json_format_fixed        (char             *buf,
                                          gsize             size,
                                          double            value,
                                          guint             decimals);
void     kessan_json_format_shortest     (char             *buf,
                                          gsize             size,
                                          double            value);

void     kessan_json_writer_next         (KessanJsonWriter *w);
void     kessan_json_writer_begin        (KessanJsonWriter *w,
                                          char              bracket,
                                          gboolean          on_one_line);
void     kessan_json_writer_end          (KessanJsonWriter *w,
                                          char              bracket);
void     kessan_json_writer_key          (KessanJsonWriter *w,
                                          const char       *key);
void     kessan_json_writer_string       (KessanJsonWriter *w,
                                          const char       *key,
                                          const char       *value);
void     kessan_json_writer_uint         (KessanJsonWriter *w,
                                          const char       *key,
                                          guint             value);
void     kessan_json_writer_uint_or_null (KessanJsonWriter *w,
                                          const char       *key,
                                          guint             value);
void     kessan_json_writer_bool         (KessanJsonWriter *w,
                                          const char       *key,
                                          gboolean          value);

G_END_DECLS
