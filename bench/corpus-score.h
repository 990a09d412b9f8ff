/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "kessan-filing.h"

G_BEGIN_DECLS

/* What kessan-corpus counts in one release, or in many added up. */
typedef struct
{
  guint files;
  guint unreadable;        /* files the engine refused, crashed on or hung on */
  guint tables;
  guint cells;             /* values present in the statements */
  guint period_known;      /* cells whose column has a period end */
  guint currency_known;    /* cells whose column has a currency */
  guint scale_known;       /* cells whose scale was stated, not assumed */
  guint errors;            /* error findings */
  guint checks_run;
  guint checks_not_run;    /* info findings: a check that could not run */

  /* Against a truth file. */
  guint truth_files;
  guint truth_tables;
  guint missed_tables;
  guint truth_cells;
  guint row_missed;        /* truth cells of a matched table whose row was not found */
  guint value_right;
  guint period_right;
  guint currency_right;
  guint scale_right;
  guint truth_errors;      /* error findings on files with a truth file */
  guint false_errors;      /* of those, the ones the truth file does not list */
} CorpusCounts;

/* What a release really prints, written by hand (docs/corpus.md). */
typedef struct _CorpusTruth CorpusTruth;

CorpusTruth *corpus_truth_load          (const char          *path,
                                         GError             **error);
void         corpus_truth_free          (CorpusTruth         *truth);
/* The document the truth file describes, relative to the corpus. */
const char  *corpus_truth_get_document  (CorpusTruth         *truth);
/* Every cell of the truth file, for a document that could not be read. */
guint        corpus_truth_count_cells   (CorpusTruth         *truth);
guint        corpus_truth_count_tables  (CorpusTruth         *truth);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CorpusTruth, corpus_truth_free)

void         corpus_counts_add          (CorpusCounts        *total,
                                         const CorpusCounts  *counts);
/* Counts the tables, cells and findings of @filing, whose checks have
 * run. */
void         corpus_count_filing        (KessanFiling        *filing,
                                         CorpusCounts        *counts);
/* Scores @filing against @truth.  When @misses is not NULL, one line is
 * appended to it for each truth cell not read right. */
void         corpus_score_filing        (KessanFiling        *filing,
                                         CorpusTruth         *truth,
                                         CorpusCounts        *counts,
                                         GString             *misses);

/* A number as printed ("(1,234)", "△5", "12.5%", "$ 3"): its value and
 * the digits after its decimal point.  FALSE for a dash or no number. */
gboolean     corpus_parse_printed       (const char          *printed,
                                         double              *value,
                                         guint               *decimals);

G_END_DECLS
