/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Library benchmark: time and peak memory to load a library of N
 * releases (kessan_library_load ()) and to build every series from it
 * (every filing added to a KessanSeriesSet, every series listed).
 *
 *   bench-library [--sizes=1000,10000] [--dir=DIR] [--runs=N] [--json]
 *   bench-library --print=INDEX
 *
 * Each library is made of synthetic releases (kessan-synth.c): each is
 * parsed, checked (a release with an error finding stops the benchmark:
 * its numbers would not be what the generator promises) and added through
 * KessanLibrary, so the folder holds exactly what the app writes.  That
 * takes a while for 10,000 releases and is not measured; the folder,
 * DIR/bench-library-N, is kept and used again as long as its stamp says it
 * is complete and its first filing is byte for byte what this build
 * writes for the same release.  On a sample of its files, the library's
 * fast reader must give the same filings as kessan_filing_new_from_json ()
 * (verify_readers ()).
 *
 * Each measurement runs in a new process (this program again, with
 * --measure), so that nothing of the generation is in its heap: it loads
 * the library, builds the series and reports the time of each step and
 * its peak resident size (VmHWM), the whole process's, code and all.
 * Over --runs runs, the fastest time and the highest peak are reported.
 * After the clock of the series stopped and the peak was read, the same
 * process runs every check on every filing (kessan_filing_run_checks ())
 * and reports that time too, without a target of its own.
 * The files are read once before, so that they are in the page cache, as
 * on the app's second start: the time of reading them from the disk
 * depends on the disk more than on Kessan.
 *
 * Exit status: 0 when every case meets its targets, 1 when one misses a
 * target or cannot be measured, 2 on bad arguments or when a library
 * cannot be made.
 */

#define G_LOG_DOMAIN "kessan-bench"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "bench-util.h"
#include "kessan-checks.h"
#include "kessan-export.h"
#include "kessan-filing-loader-private.h"
#include "kessan-library.h"
#include "kessan-parser.h"
#include "kessan-series.h"
#include "kessan-synth.h"

/* The 10,000-release target; smaller libraries are reported only. */
#define TARGET_RELEASES 10000
#define TARGET_SECONDS  5.0
#define TARGET_BYTES    1e9
#define BYTES_PER_MB    1e6

/* Bump when the generator changes what it writes, so that libraries made
 * by an older one are made again. */
#define SYNTH_VERSION 1

typedef struct
{
  guint   releases;
  char   *dir;
  /* What a load reads: the filings' JSON files. */
  guint64 file_bytes;

  char   *error;
  guint   loaded;
  guint   concepts;
  guint   points;
  guint64 observations;
  double  load_seconds;
  double  series_seconds;
  double  total_seconds;
  double  checks_seconds;
  gint64  baseline_kb;
  gint64  loaded_kb;    /* the high-water mark when the library is loaded */
  gint64  peak_kb;
  GString *run_totals;  /* the total time of every run, for the record */
} BenchCase;

static char *sizes_option = NULL;
static char *dir_option = NULL;
static char *measure_option = NULL;
static int runs = 3;
static int print_index = -1;
static gboolean json_output = FALSE;

static void
bench_case_free (BenchCase *bc)
{
  g_free (bc->dir);
  g_free (bc->error);
  g_string_free (bc->run_totals, TRUE);
  g_free (bc);
}

/* 10000 -> "10,000" */
static char *
with_commas (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* The measuring process */

static int
measure (const char *dir)
{
  g_autoptr(GFile) directory = g_file_new_for_path (dir);
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(KessanSeriesSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) concepts = NULL;
  const char * const *problems;
  gint64 baseline_kb, loaded_kb, peak_kb, start, loaded, built, checked;
  guint n_points = 0;
  guint64 n_observations = 0;
  guint n;

  baseline_kb = bench_read_status_kb ("VmRSS");

  start = g_get_monotonic_time ();
  library = kessan_library_new (directory);
  if (!kessan_library_load (library, NULL, &error))
    {
      g_printerr ("bench-library: %s\n", error->message);
      return 1;
    }
  loaded = g_get_monotonic_time ();
  loaded_kb = bench_read_status_kb ("VmHWM");

  set = kessan_series_set_new ();
  n = g_list_model_get_n_items (G_LIST_MODEL (library));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KessanFiling) filing = g_list_model_get_item (G_LIST_MODEL (library), i);

      kessan_series_set_add_filing (set, filing);
    }
  concepts = kessan_series_set_get_concepts (set);
  for (guint i = 0; concepts[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) points = kessan_series_set_get_points (set, concepts[i]);

      n_points += points->len;
    }
  built = g_get_monotonic_time ();

  /* Counted after the clock stopped: the series are built already. */
  for (guint i = 0; concepts[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) points = kessan_series_set_get_points (set, concepts[i]);

      for (guint p = 0; p < points->len; p++)
        n_observations += kessan_series_point_get_n_observations (g_ptr_array_index (points, p));
    }

  problems = kessan_library_get_problems (library);
  if (problems[0] != NULL)
    {
      g_printerr ("bench-library: %s\n", problems[0]);
      return 1;
    }

  /* The checks of every filing, as after a change to the checks; their
   * findings replace the ones stored. */
  peak_kb = bench_read_status_kb ("VmHWM");
  {
    gint64 checks_start = g_get_monotonic_time ();

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(KessanFiling) filing = g_list_model_get_item (G_LIST_MODEL (library), i);

        kessan_filing_run_checks (filing);
      }
    checked = g_get_monotonic_time () - checks_start;
  }

  g_print ("filings=%u concepts=%u points=%u observations=%" G_GUINT64_FORMAT
           " load_us=%" G_GINT64_FORMAT " series_us=%" G_GINT64_FORMAT
           " baseline_kb=%" G_GINT64_FORMAT " loaded_kb=%" G_GINT64_FORMAT
           " peak_kb=%" G_GINT64_FORMAT " checks_us=%" G_GINT64_FORMAT "\n",
           n, g_strv_length (concepts), n_points, n_observations,
           loaded - start, built - loaded,
           baseline_kb, loaded_kb, peak_kb, checked);

  /* The process ends here: freeing 10,000 filings is not part of what
   * is measured, and nobody waits for it. */
  fflush (stdout);
  _exit (0);
}

static gboolean
run_measurement (BenchCase *bc)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self, "--measure", bc->dir, NULL };
  guint filings = 0, concepts = 0, points = 0;
  guint64 observations = 0;
  gint64 load_us = 0, series_us = 0, baseline_kb = -1, loaded_kb = -1, peak_kb = -1, checks_us = 0;
  int status = 0;

  if (self == NULL)
    self = g_strdup ("/proc/self/exe");
  argv[0] = self;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    {
      bc->error = g_strdup (error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, &error))
    {
      bc->error = g_strdup_printf ("%s%s%s", g_strstrip (err),
                                   err[0] != '\0' ? "; " : "", error->message);
      return FALSE;
    }
  if (sscanf (out, "filings=%u concepts=%u points=%u observations=%" G_GUINT64_FORMAT
              " load_us=%" G_GINT64_FORMAT " series_us=%" G_GINT64_FORMAT
              " baseline_kb=%" G_GINT64_FORMAT " loaded_kb=%" G_GINT64_FORMAT
              " peak_kb=%" G_GINT64_FORMAT " checks_us=%" G_GINT64_FORMAT,
              &filings, &concepts, &points, &observations, &load_us, &series_us,
              &baseline_kb, &loaded_kb, &peak_kb, &checks_us) != 10)
    {
      bc->error = g_strdup_printf ("measuring process sent no report: %s", g_strstrip (out));
      return FALSE;
    }
  if (filings != bc->releases)
    {
      bc->error = g_strdup_printf ("the library has %u filings, not %u", filings, bc->releases);
      return FALSE;
    }

  bc->loaded = filings;
  bc->concepts = concepts;
  bc->points = points;
  bc->observations = observations;
  bc->baseline_kb = baseline_kb;
  bc->loaded_kb = MAX (bc->loaded_kb, loaded_kb);
  bc->peak_kb = MAX (bc->peak_kb, peak_kb);
  if (bc->checks_seconds == 0 || checks_us / 1e6 < bc->checks_seconds)
    bc->checks_seconds = checks_us / 1e6;
  g_string_append_printf (bc->run_totals, "%s%.2f", bc->run_totals->len > 0 ? " " : "",
                          (load_us + series_us) / 1e6);
  if (bc->total_seconds == 0 || (load_us + series_us) / 1e6 < bc->total_seconds)
    {
      bc->load_seconds = load_us / 1e6;
      bc->series_seconds = series_us / 1e6;
      bc->total_seconds = (load_us + series_us) / 1e6;
    }
  return TRUE;
}

/* Making the libraries */

static char *
stamp_text (guint releases)
{
  return g_strdup_printf ("kessan bench-library: %u synthetic releases, generator version %d\n",
                          releases, SYNTH_VERSION);
}

/* Removes the files a library of ours holds, and nothing else. */
static gboolean
clear_library (const char  *dir,
               GError     **error)
{
  static const char * const subdirs[] = { "filings", "sources" };
  g_autofree char *stamp = g_build_filename (dir, "stamp", NULL);

  g_unlink (stamp);
  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *path = g_build_filename (dir, subdirs[i], NULL);
      g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
      const char *name;

      if (d == NULL)
        continue;
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *file = g_build_filename (path, name, NULL);

          if (g_unlink (file) != 0)
            {
              int errsv = errno;

              g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                           "cannot remove %s: %s", file, g_strerror (errsv));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* Parses and checks synthetic release @index and adds it to @library.
 * A release the checks find an error in is a fault of the generator. */
static gboolean
add_release (KessanLibrary  *library,
             guint           index,
             GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(KessanFiling) added = NULL;
  g_autofree char *name = NULL;
  guint company, year, quarter;
  gboolean duplicate = FALSE;
  char *text;

  kessan_synth_period (index, &company, &year, &quarter);
  text = kessan_synth_release (company, year, quarter);
  name = kessan_synth_source_name (company, year, quarter);
  bytes = g_bytes_new_take (text, strlen (text));

  filing = kessan_parse_release (bytes, name, error);
  if (filing == NULL)
    {
      g_prefix_error (error, "synthetic release %u (%s): ", index, name);
      return FALSE;
    }
  kessan_filing_run_checks (filing);
  for (guint i = 0; i < kessan_filing_get_n_findings (filing); i++)
    {
      KessanFinding *finding = kessan_filing_get_finding (filing, i);

      if (kessan_finding_get_severity (finding) == KESSAN_SEVERITY_ERROR)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "synthetic release %u (%s) does not add up: [%s] %s: %s",
                       index, name, kessan_finding_get_check (finding),
                       kessan_finding_get_statement (finding),
                       kessan_finding_get_message (finding));
          return FALSE;
        }
    }

  added = kessan_library_add (library, filing, bytes, &duplicate, error);
  if (added == NULL)
    return FALSE;
  if (duplicate)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "synthetic release %u (%s) is a duplicate of %s",
                   index, name, kessan_filing_get_source_name (added));
      return FALSE;
    }

  return TRUE;
}

/* What this build writes for synthetic release 0, to compare with what a
 * library made earlier holds: a library made by a build that wrote
 * another format would measure that format. */
static char *
first_filing_json (char   **hash,
                   GError **error)
{
  g_autofree char *scratch = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(KessanLibrary) library = NULL;
  g_autoptr(KessanFiling) filing = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;

  scratch = g_dir_make_tmp ("kessan-bench-XXXXXX", error);
  if (scratch == NULL)
    return NULL;
  directory = g_file_new_for_path (scratch);
  library = kessan_library_new (directory);
  if (add_release (library, 0, error))
    {
      filing = g_list_model_get_item (G_LIST_MODEL (library), 0);
      *hash = g_strdup (kessan_filing_get_source_hash (filing));
      name = g_strconcat (*hash, ".json", NULL);
      path = g_build_filename (scratch, "filings", name, NULL);
      g_file_get_contents (path, &contents, NULL, error);
    }

  clear_library (scratch, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *sub = g_build_filename (scratch, i == 0 ? "filings" : "sources", NULL);

      g_rmdir (sub);
    }
  g_rmdir (scratch);
  return contents;
}

static guint64
directory_bytes (const char *path,
                 guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint64 total = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      GStatBuf st;

      if (g_stat (file, &st) == 0)
        {
          total += st.st_size;
          if (n_files != NULL)
            (*n_files)++;
        }
    }
  return total;
}

/* The library for @bc: the one made before when it is complete and
 * current, otherwise a new one. */
static gboolean
prepare_library (BenchCase   *bc,
                 const char  *expected_json,
                 const char  *expected_hash,
                 GError     **error)
{
  g_autofree char *stamp = g_build_filename (bc->dir, "stamp", NULL);
  g_autofree char *expected_stamp = stamp_text (bc->releases);
  g_autofree char *filings_dir = g_build_filename (bc->dir, "filings", NULL);
  g_autofree char *first_name = g_strconcat (expected_hash, ".json", NULL);
  g_autofree char *first_path = g_build_filename (filings_dir, first_name, NULL);
  g_autofree char *found_stamp = NULL;
  g_autofree char *found_json = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(KessanLibrary) library = NULL;
  guint n_files = 0;
  gint64 start;

  if (g_file_get_contents (stamp, &found_stamp, NULL, NULL) &&
      g_str_equal (found_stamp, expected_stamp) &&
      g_file_get_contents (first_path, &found_json, NULL, NULL) &&
      g_str_equal (found_json, expected_json) &&
      (directory_bytes (filings_dir, &n_files), n_files == bc->releases))
    {
      g_printerr ("bench-library: using the library in %s\n", bc->dir);
      bc->file_bytes = directory_bytes (filings_dir, NULL);
      return TRUE;
    }

  if (g_mkdir_with_parents (bc->dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
                   "cannot create %s: %s", bc->dir, g_strerror (errsv));
      return FALSE;
    }
  if (!clear_library (bc->dir, error))
    return FALSE;

  g_printerr ("bench-library: making a library of %u synthetic releases in %s\n",
              bc->releases, bc->dir);
  start = g_get_monotonic_time ();
  directory = g_file_new_for_path (bc->dir);
  library = kessan_library_new (directory);
  for (guint i = 0; i < bc->releases; i++)
    {
      if (!add_release (library, i, error))
        return FALSE;
      if ((i + 1) % 1000 == 0)
        g_printerr ("  %u releases, %.0f s\n", i + 1, (g_get_monotonic_time () - start) / 1e6);
    }

  bc->file_bytes = directory_bytes (filings_dir, NULL);
  return g_file_set_contents (stamp, expected_stamp, -1, error);
}

/* The library loads its files with a fast reader of its own and falls
 * back on kessan_filing_new_from_json () for any file that reader does
 * not take.  On a sample of the files, the fast reader must take each
 * one (or the benchmark would measure the other) and give the same
 * filing as the full reader. */
static gboolean
verify_readers (BenchCase  *bc,
                GError    **error)
{
  g_autofree char *filings_dir = g_build_filename (bc->dir, "filings", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (filings_dir, 0, error);
  const char *name;
  guint step;

  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  step = MAX (names->len / 25, 1);
  for (guint i = 0; i < names->len; i += step)
    {
      g_autofree char *path = g_build_filename (filings_dir, names->pdata[i], NULL);
      g_autofree char *data = NULL;
      g_autoptr(KessanFiling) fast = NULL;
      g_autoptr(KessanFiling) full = NULL;
      g_autofree char *fast_json = NULL;
      g_autofree char *full_json = NULL;
      gsize length;

      if (!g_file_get_contents (path, &data, &length, error))
        return FALSE;
      fast = kessan_filing_loader_read (data, length, TRUE);
      full = kessan_filing_new_from_json (data, length, error);
      if (full == NULL)
        return FALSE;
      if (fast == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "%s: the library's fast reader does not take this file", path);
          return FALSE;
        }
      fast_json = kessan_filing_to_json (fast, TRUE);
      full_json = kessan_filing_to_json (full, TRUE);
      if (!g_str_equal (fast_json, full_json))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "%s: the library's fast reader and kessan_filing_new_from_json () "
                       "read different filings", path);
          return FALSE;
        }
    }

  return TRUE;
}

/* Reads every filing file once, so that the measurements find them in
 * the page cache, as the app does on a second start: the kernel may have
 * dropped them since they were written. */
static void
warm_page_cache (BenchCase *bc)
{
  g_autofree char *filings_dir = g_build_filename (bc->dir, "filings", NULL);
  g_autoptr(GDir) dir = g_dir_open (filings_dir, 0, NULL);
  g_autofree char *buffer = g_malloc (1 << 20);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (filings_dir, name, NULL);
      FILE *fp = fopen (path, "rb");

      if (fp == NULL)
        continue;
      while (fread (buffer, 1, 1 << 20, fp) > 0)
        ;
      fclose (fp);
    }
}

/* The table */

static gboolean
print_row (BenchCase *bc)
{
  g_autofree char *label = with_commas (bc->releases);
  g_autofree char *name = g_strdup_printf ("%s releases", label);
  gboolean targeted = bc->releases == TARGET_RELEASES;
  double peak_mb, json_mb;
  gboolean fast, lean;

  if (bc->error != NULL)
    {
      g_print ("%-17s %9s %7s %8s %7s %8s  %-17s ERROR: %s\n",
               name, "-", "-", "-", "-", "-", "", bc->error);
      return FALSE;
    }

  peak_mb = bc->peak_kb * 1024 / BYTES_PER_MB;
  json_mb = bc->file_bytes / BYTES_PER_MB;
  fast = bc->total_seconds < TARGET_SECONDS;
  lean = bc->peak_kb >= 0 && bc->peak_kb * 1024.0 < TARGET_BYTES;

  g_print ("%-17s %9.1f %7.2f %8.2f %7.2f %8.1f  %-17s %s%s%s\n",
           name, json_mb, bc->load_seconds, bc->series_seconds, bc->total_seconds, peak_mb,
           targeted ? "<5 s, <1 GB" : "report only",
           !targeted ? "-" : fast && lean ? "PASS" : "FAIL",
           !targeted || fast ? "" : " (time)",
           !targeted || lean ? "" : " (memory)");

  return !targeted || (fast && lean);
}

/* --json: the figures as one JSON object, for bench/run.  "pass" is
 * null for a size without a target. */
static gboolean
print_json (GPtrArray *cases)
{
  gboolean all_pass = TRUE;

  /* JSON numbers have a decimal point, whatever the locale. */
  setlocale (LC_NUMERIC, "C");
  g_print ("{\"target_releases\":%d,\"target_seconds\":%.1f,\"target_bytes\":%.0f,\"cases\":[",
           TARGET_RELEASES, TARGET_SECONDS, TARGET_BYTES);
  for (guint i = 0; i < cases->len; i++)
    {
      BenchCase *bc = g_ptr_array_index (cases, i);
      gboolean targeted = bc->releases == TARGET_RELEASES;
      gboolean fast = bc->error == NULL && bc->total_seconds < TARGET_SECONDS;
      gboolean lean = bc->error == NULL && bc->peak_kb >= 0 && bc->peak_kb * 1024.0 < TARGET_BYTES;

      if (targeted && !(fast && lean))
        all_pass = FALSE;
      if (bc->error != NULL)
        all_pass = FALSE;
      g_print ("%s{\"releases\":%u,\"ok\":%s,\"load_s\":%.3f,\"series_s\":%.3f,"
               "\"total_s\":%.3f,\"checks_s\":%.3f,\"peak_mb\":%.1f,"
               "\"fast\":%s,\"lean\":%s,\"targeted\":%s}",
               i > 0 ? "," : "", bc->releases, bc->error == NULL ? "true" : "false",
               bc->load_seconds, bc->series_seconds, bc->total_seconds, bc->checks_seconds,
               bc->peak_kb * 1024 / BYTES_PER_MB,
               fast ? "true" : "false", lean ? "true" : "false", targeted ? "true" : "false");
    }
  g_print ("]}\n");
  return all_pass;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sizes = NULL;
  g_autofree char *cpu = NULL;
  g_autofree char *first_json = NULL;
  g_autofree char *first_hash = NULL;
  g_autofree char *target = NULL;
  gboolean all_pass = TRUE;
  GOptionEntry entries[] = {
    { "sizes", 's', 0, G_OPTION_ARG_STRING, &sizes_option,
      "Numbers of releases, comma-separated (default 1000,10000)", "N,N…" },
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir_option,
      "Keep the libraries in DIR/bench-library-N (default: the build folder)", "DIR" },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs,
      "Measure each library this many times (default 3)", "N" },
    { "print", 'p', 0, G_OPTION_ARG_INT, &print_index,
      "Print synthetic release INDEX and exit", "INDEX" },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json_output,
      "Print the figures as one JSON object (for bench/run)", NULL },
    { "measure", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &measure_option,
      "Measure the library in DIR (the measuring process)", "DIR" },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- measure loading a library and building its series");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-library: %s\n", error->message);
      return 2;
    }
  if (argc > 1 || runs < 1)
    {
      g_printerr ("usage: bench-library [--sizes=N,N…] [--dir=DIR] [--runs=N] [--print=INDEX]\n");
      return 2;
    }

  if (measure_option != NULL)
    return measure (measure_option);

  if (print_index >= 0)
    {
      guint company, year, quarter;
      g_autofree char *text = NULL;

      kessan_synth_period ((guint) print_index, &company, &year, &quarter);
      text = kessan_synth_release (company, year, quarter);
      fputs (text, stdout);
      return 0;
    }

  sizes = g_strsplit (sizes_option != NULL ? sizes_option : "1000,10000", ",", -1);
  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) bench_case_free);
  for (guint i = 0; sizes[i] != NULL; i++)
    {
      BenchCase *bc = g_new0 (BenchCase, 1);
      g_autofree char *leaf = NULL;
      guint64 n;

      if (!g_ascii_string_to_unsigned (g_strstrip (sizes[i]), 10, 1, 1000000, &n, NULL))
        {
          g_printerr ("bench-library: not a number of releases: “%s”\n", sizes[i]);
          bench_case_free (bc);
          return 2;
        }
      bc->releases = (guint) n;
      bc->run_totals = g_string_new (NULL);
      bc->peak_kb = -1;
      bc->loaded_kb = -1;
      leaf = g_strdup_printf ("bench-library-%u", bc->releases);
      bc->dir = g_build_filename (dir_option != NULL ? dir_option : BENCH_BUILD_ROOT, leaf, NULL);
      g_ptr_array_add (cases, bc);
    }

  first_json = first_filing_json (&first_hash, &error);
  if (first_json == NULL)
    {
      g_printerr ("bench-library: %s\n", error->message);
      return 2;
    }

  for (guint i = 0; i < cases->len; i++)
    {
      BenchCase *bc = g_ptr_array_index (cases, i);

      if (!prepare_library (bc, first_json, first_hash, &error) ||
          !verify_readers (bc, &error))
        {
          g_printerr ("bench-library: %s\n", error->message);
          return 2;
        }
      warm_page_cache (bc);
      for (int r = 0; r < runs; r++)
        if (!run_measurement (bc))
          break;
    }

  if (json_output)
    return print_json (cases) ? 0 : 1;

  cpu = bench_cpu_model ();
  g_print ("Kessan library benchmark: load a library, build every series\n");
  g_print ("machine: %u CPUs, %s\n", g_get_num_processors (), cpu);
  target = with_commas (TARGET_RELEASES);
  g_print ("targets: %s releases in < %.0f s (load + series), peak memory < 1 GB; "
           "smaller libraries report only (1 MB = 10^6 bytes)\n\n",
           target, TARGET_SECONDS);
  g_print ("%-17s %9s %7s %8s %7s %8s  %-17s %s\n",
           "case", "JSON MB", "load s", "series s", "total s", "peak MB", "target", "result");

  for (guint i = 0; i < cases->len; i++)
    if (!print_row (g_ptr_array_index (cases, i)))
      all_pass = FALSE;

  g_print ("\n");
  for (guint i = 0; i < cases->len; i++)
    {
      BenchCase *bc = g_ptr_array_index (cases, i);
      g_autofree char *releases = with_commas (bc->releases);
      g_autofree char *observations = with_commas (bc->observations);
      g_autofree char *points = with_commas (bc->points);

      if (bc->error != NULL)
        continue;
      g_print ("%s releases: %u concepts, %s points, %s observations; peak memory "
               "%.1f MB at start, %.1f MB once loaded; total s of the %d runs: %s; "
               "every check of every filing afterwards: %.2f s\n",
               releases, bc->concepts, points, observations,
               bc->baseline_kb * 1024 / BYTES_PER_MB, bc->loaded_kb * 1024 / BYTES_PER_MB,
               runs, bc->run_totals->str, bc->checks_seconds);
    }

  return all_pass ? 0 : 1;
}
