/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "kessan-filing.h"

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

/* A sample release made clean: the lines of every table in which the
 * checks find an error are blanked (line numbers stay), until the checks
 * find none.  Returns the text; the release still has its period. */
char    *kessan_test_make_clean_variant   (const char         *name);
/* Every number of every statement of @a equals that of @b. */
void     kessan_test_assert_same_numbers  (KessanFiling       *a,
                                           KessanFiling       *b);

/* A number of a sample release moved into an empty cell of its row, so
 * that it lands in the wrong column and the checks find a new error. */
typedef struct
{
  char    *text;          /* the release with the number moved */
  char    *statement;     /* the id of its table */
  guint    row;           /* the row's index in the table */
  guint    right_column;  /* where the number belongs */
  guint    wrong_column;  /* where the variant puts it */
  double   value;         /* the number */
  guint    n_errors;      /* errors the checks find in the seed itself */
} KessanTestShifted;

/* Fills @shifted from the first such move in @name's tab-separated rows. */
void     kessan_test_make_shifted_variant (const char         *name,
                                           KessanTestShifted  *shifted);
void     kessan_test_shifted_clear        (KessanTestShifted  *shifted);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KessanTestShifted, kessan_test_shifted_clear)

/* Makes a new temporary directory from @tmpl ("kessan-XXXXXX"). */
char    *kessan_test_make_temp_dir   (const char         *tmpl);
/* Removes @path and all it holds, even what a test left read-only. */
void     kessan_test_remove_tree     (const char         *path);

/* Makes a critical warning of Kessan's own code print the stack before
 * the test stops: what a rare failure needs to be understood. */
void     kessan_test_trace_criticals (void);

G_END_DECLS
