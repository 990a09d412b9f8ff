/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a run of kessan-cli left: its exit status (-1 when it did not
 * exit) and everything it wrote. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} KessanTestRun;

/* Frees the output of @run. */
void     kessan_test_run_clear       (KessanTestRun      *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KessanTestRun, kessan_test_run_clear)

/* Runs $KESSAN_CLI with the arguments up to NULL and waits for it. */
void     kessan_test_run_cli         (KessanTestRun      *run,
                                      const char         *first,
                                      ...) G_GNUC_NULL_TERMINATED;
/* Runs $KESSAN_CLI with the NULL-terminated @args and waits for it. */
void     kessan_test_run_cliv        (KessanTestRun      *run,
                                      const char * const *args);

/* The path of the sample release @name in tests/data. */
char    *kessan_test_seed_path       (const char         *name);
/* The contents of the sample release @name. */
char    *kessan_test_load_seed       (const char         *name,
                                      gsize              *length);
/* The contents of the sample release @name, as bytes. */
GBytes  *kessan_test_load_seed_bytes (const char         *name);

/* The contents of the file at @path, which must be readable. */
char    *kessan_test_read_file       (const char         *path,
                                      gsize              *length);
/* Writes @data to @path, or the string @data when @length is -1. */
void     kessan_test_write_file      (const char         *path,
                                      const void         *data,
                                      gssize              length);
/* Writes @data to a file named @name in a new temporary directory and
 * returns its path. */
char    *kessan_test_write_temp      (const char         *name,
                                      const void         *data,
                                      gssize              length);

/* Makes a new temporary directory from @tmpl ("kessan-XXXXXX"). */
char    *kessan_test_make_temp_dir   (const char         *tmpl);
/* Removes @path and all it holds, even what a test left read-only. */
void     kessan_test_remove_tree     (const char         *path);

G_END_DECLS
