/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Parser benchmark: throughput and peak memory of kessan_parse_release ()
 * on real releases, on one large input made by concatenating them, and on
 * one table as long as the limits allow.
 *
 *   bench-parse [--min-time=SECONDS] [--large-size=MB] [--table-rows=N]
 *               [--json] FILE...
 *
 * Each file is parsed repeatedly for at least --min-time seconds.  Peak
 * memory is measured for each case in a child process, so that one case's
 * heap does not hide or inflate another's: the child parses the smallest
 * release to warm up, resets its high-water mark, notes its resident size,
 * parses the case and reports how far above that baseline the high-water
 * mark went.  The
 * large input and the long table are timed on that one measured parse.
 * The long table, each row with a label of its own, is far from any
 * release: its figures are reported, with no target.  1 MB is 10^6 bytes
 * throughout.
 *
 * Exit status: 0 when every case meets its targets, 1 when one misses a
 * target or fails to parse, 2 on bad arguments or unreadable files.
 */

#define G_LOG_DOMAIN "kessan-bench"

#include <errno.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "bench-util.h"
#include "kessan-decoder.h"
#include "kessan-parser.h"

#define TARGET_MB_PER_S     20.0
#define TARGET_MEMORY_RATIO 10.0
#define BYTES_PER_MB        1e6

typedef struct
{
  char   *name;
  GBytes *contents;
  /* Small inputs are parsed in a loop; the large one once. */
  gboolean repeat;
  gboolean table;      /* the long table: reported, not held to the targets */

  char   *error;
  guint   runs;
  double  seconds;
  gint64  baseline_kb;
  gint64  peak_kb;
  gboolean memory_ok;
} BenchCase;

/* What a child process sends back through its pipe. */
typedef struct
{
  gint64 elapsed_us;
  gint64 baseline_kb;
  gint64 peak_kb;
  gboolean parsed;
  char error[512];
} ChildReport;

static double min_time = 1.0;
static double large_size_mb = 20.0;
static int table_rows = KESSAN_MAX_ROWS_PER_TABLE;
static gboolean json_output = FALSE;

static void
bench_case_free (BenchCase *bc)
{
  g_free (bc->name);
  g_clear_pointer (&bc->contents, g_bytes_unref);
  g_free (bc->error);
  g_free (bc);
}

/* Resets VmHWM to the current resident size (Linux 4.0 and later). */
static gboolean
reset_peak_rss (void)
{
  FILE *fp = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (fp == NULL)
    return FALSE;
  ok = fputs ("5", fp) >= 0;
  ok = (fclose (fp) == 0) && ok;
  return ok;
}

static G_GNUC_NORETURN void
child_measure (BenchCase *bc,
               GBytes    *warmup,
               int        fd)
{
  g_autoptr(GError) error = NULL;
  KessanFiling *filing;
  ChildReport report = { 0 };
  const char *p = (const char *) &report;
  size_t left = sizeof report;
  gint64 start;

  /* A first parse faults in the code and data the parser touches, which
   * the child shares with its parent but does not map until used; only
   * the second parse, from a trimmed heap, is measured.  Without the
   * reset, the high-water mark would include that first parse. */
  filing = kessan_parse_release (warmup, bc->name, NULL);
  g_clear_object (&filing);
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  reset_peak_rss ();
  report.baseline_kb = bench_read_status_kb ("VmRSS");

  start = g_get_monotonic_time ();
  filing = kessan_parse_release (bc->contents, bc->name, &error);
  report.elapsed_us = g_get_monotonic_time () - start;
  report.peak_kb = bench_read_status_kb ("VmHWM");
  report.parsed = filing != NULL;
  if (error != NULL)
    g_strlcpy (report.error, error->message, sizeof report.error);
  else if (filing == NULL)
    g_strlcpy (report.error, "no filing and no error", sizeof report.error);

  while (left > 0)
    {
      ssize_t n = write (fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        _exit (1);
      p += n;
      left -= (size_t) n;
    }

  _exit (0);
}

static void
measure_memory (BenchCase *bc,
                GBytes    *warmup)
{
  ChildReport report = { 0 };
  char *p = (char *) &report;
  size_t got = 0;
  int fds[2];
  int wstatus = 0;
  pid_t pid;

  fflush (stdout);
  fflush (stderr);

  if (pipe (fds) != 0)
    {
      bc->error = g_strdup_printf ("pipe: %s", g_strerror (errno));
      return;
    }

  pid = fork ();
  if (pid < 0)
    {
      bc->error = g_strdup_printf ("fork: %s", g_strerror (errno));
      close (fds[0]);
      close (fds[1]);
      return;
    }

  if (pid == 0)
    {
      close (fds[0]);
      child_measure (bc, warmup, fds[1]);
    }

  close (fds[1]);
  while (got < sizeof report)
    {
      ssize_t n = read (fds[0], p + got, sizeof report - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += (size_t) n;
    }
  close (fds[0]);

  while (waitpid (pid, &wstatus, 0) < 0 && errno == EINTR)
    ;

  if (WIFSIGNALED (wstatus))
    {
      bc->error = g_strdup_printf ("parser killed by signal %d (%s)",
                                   WTERMSIG (wstatus), g_strsignal (WTERMSIG (wstatus)));
      return;
    }
  if (got != sizeof report)
    {
      bc->error = g_strdup ("measuring process sent no report");
      return;
    }
  if (!report.parsed)
    {
      bc->error = g_strdup (report.error);
      return;
    }

  bc->baseline_kb = report.baseline_kb;
  bc->peak_kb = report.peak_kb;
  bc->memory_ok = report.baseline_kb >= 0 && report.peak_kb >= 0;

  if (!bc->repeat)
    {
      bc->runs = 1;
      bc->seconds = report.elapsed_us / (double) G_USEC_PER_SEC;
    }
}

static void
measure_throughput (BenchCase *bc)
{
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;
  guint runs = 0;

  do
    {
      g_autoptr(GError) error = NULL;
      KessanFiling *filing = kessan_parse_release (bc->contents, bc->name, &error);

      if (filing == NULL)
        {
          bc->error = g_strdup (error != NULL ? error->message : "no filing and no error");
          return;
        }
      g_object_unref (filing);
      runs++;
      elapsed = g_get_monotonic_time () - start;
    }
  while (elapsed < min_time * G_USEC_PER_SEC || runs < 3);

  bc->runs = runs;
  bc->seconds = elapsed / (double) G_USEC_PER_SEC;
}

/* Concatenates the seeds, in turn, until the text reaches the requested
 * size, staying under the parser's input limit. */
static BenchCase *
make_large_case (GPtrArray *seeds)
{
  gsize target = (gsize) (large_size_mb * BYTES_PER_MB);
  GByteArray *buffer;
  BenchCase *bc;
  guint pieces = 0;

  if (target > KESSAN_MAX_INPUT_SIZE)
    target = KESSAN_MAX_INPUT_SIZE;

  buffer = g_byte_array_sized_new ((guint) target + 1024 * 1024);
  while (buffer->len < target)
    {
      BenchCase *seed = g_ptr_array_index (seeds, pieces % seeds->len);
      gsize len;
      const guint8 *data = g_bytes_get_data (seed->contents, &len);

      /* A byte order mark is only meaningful at the very start. */
      if (buffer->len > 0 && len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        {
          data += 3;
          len -= 3;
        }
      if (buffer->len + len + 1 > KESSAN_MAX_INPUT_SIZE)
        break;

      g_byte_array_append (buffer, data, (guint) len);
      g_byte_array_append (buffer, (const guint8 *) "\n", 1);
      pieces++;
    }

  bc = g_new0 (BenchCase, 1);
  bc->name = g_strdup_printf ("concatenated (%u releases)", pieces);
  bc->contents = g_byte_array_free_to_bytes (buffer);
  bc->repeat = FALSE;
  return bc;
}

/* One KPI table of table_rows rows, each with a label of five letters of
 * its own, so that each is a concept of its own. */
static BenchCase *
make_table_case (void)
{
  GString *text = g_string_new ("Internet Initiative Japan Inc.\n\n"
                                "Table 3. Number of Contracts\n\n"
                                "\t2Q03\t2Q02\t1Q03\n");
  BenchCase *bc;

  for (int i = 0; i < table_rows; i++)
    {
      char label[6];

      for (guint n = (guint) i, k = 0; k < 5; k++, n /= 26)
        label[k] = (char) ('a' + n % 26);
      label[5] = '\0';
      g_string_append_printf (text, "Line %s\t%d\t%d\t%d\n", label, 100 + i % 900, 200 + i % 700, 300 + i % 500);
    }
  g_string_append (text, "\nEnd of the tables.\n");

  bc = g_new0 (BenchCase, 1);
  bc->name = g_strdup_printf ("one table of %d rows", table_rows);
  bc->contents = g_string_free_to_bytes (text);
  bc->repeat = FALSE;
  bc->table = TRUE;
  return bc;
}

/* The figures of one measured case and whether they meet the targets. */
static void
case_figures (BenchCase *bc,
              double    *mb_per_s,
              double    *peak_mb,
              double    *ratio,
              gboolean  *fast,
              gboolean  *lean)
{
  double size_mb = g_bytes_get_size (bc->contents) / BYTES_PER_MB;

  *mb_per_s = bc->seconds > 0 ? size_mb * bc->runs / bc->seconds : 0;
  *peak_mb = MAX (bc->peak_kb - bc->baseline_kb, 0) * 1024 / BYTES_PER_MB;
  *ratio = *peak_mb / size_mb;
  *fast = *mb_per_s >= TARGET_MB_PER_S;
  *lean = bc->memory_ok && *ratio < TARGET_MEMORY_RATIO;
}

/* Prints one row and says whether the case met its targets. */
static gboolean
print_row (BenchCase *bc)
{
  double size_mb = g_bytes_get_size (bc->contents) / BYTES_PER_MB;
  double mb_per_s, peak_mb, ratio;
  gboolean fast, lean;

  if (bc->error != NULL)
    {
      g_print ("%-30s %9.2f %8s %9s %7s  %-17s ERROR: %s\n",
               bc->name, size_mb, "-", "-", "-", "", bc->error);
      return FALSE;
    }

  case_figures (bc, &mb_per_s, &peak_mb, &ratio, &fast, &lean);
  if (bc->table)
    {
      g_print ("%-30s %9.2f %8.1f %9.2f %6.1fx  %-17s %s\n",
               bc->name, size_mb, mb_per_s, peak_mb, ratio, "report only", "-");
      return TRUE;
    }
  g_print ("%-30s %9.2f %8.1f %9.2f %6.1fx  %-17s %s%s%s\n",
           bc->name, size_mb, mb_per_s, peak_mb, ratio,
           ">=20 MB/s, <10x",
           fast && lean ? "PASS" : "FAIL",
           fast ? "" : " (speed)",
           lean ? "" : (bc->memory_ok ? " (memory)" : " (memory not measured)"));

  return fast && lean;
}

/* --json: the same figures as one JSON object, for bench/run. */
static gboolean
print_json (GPtrArray *cases)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gboolean all_pass = TRUE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "target_mb_per_s");
  json_builder_add_double_value (builder, TARGET_MB_PER_S);
  json_builder_set_member_name (builder, "target_memory_ratio");
  json_builder_add_double_value (builder, TARGET_MEMORY_RATIO);
  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < cases->len; i++)
    {
      BenchCase *bc = g_ptr_array_index (cases, i);
      double mb_per_s = 0, peak_mb = 0, ratio = 0;
      gboolean fast = FALSE, lean = FALSE;

      if (bc->error == NULL)
        case_figures (bc, &mb_per_s, &peak_mb, &ratio, &fast, &lean);
      all_pass = all_pass && ((fast && lean) || (bc->table && bc->error == NULL));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, bc->name);
      json_builder_set_member_name (builder, "large");
      json_builder_add_boolean_value (builder, !bc->repeat);
      json_builder_set_member_name (builder, "table");
      json_builder_add_boolean_value (builder, bc->table);
      if (bc->table)
        {
          json_builder_set_member_name (builder, "rows");
          json_builder_add_int_value (builder, table_rows);
        }
      json_builder_set_member_name (builder, "input_mb");
      json_builder_add_double_value (builder, g_bytes_get_size (bc->contents) / BYTES_PER_MB);
      json_builder_set_member_name (builder, "mb_per_s");
      json_builder_add_double_value (builder, mb_per_s);
      json_builder_set_member_name (builder, "peak_mb");
      json_builder_add_double_value (builder, peak_mb);
      json_builder_set_member_name (builder, "memory_ratio");
      json_builder_add_double_value (builder, ratio);
      json_builder_set_member_name (builder, "fast");
      json_builder_add_boolean_value (builder, fast);
      json_builder_set_member_name (builder, "lean");
      json_builder_add_boolean_value (builder, lean);
      if (bc->error != NULL)
        {
          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, bc->error);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
  return all_pass;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) seeds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cpu = NULL;
  BenchCase *warmup;
  gboolean all_pass = TRUE;
  GOptionEntry entries[] = {
    { "min-time", 't', 0, G_OPTION_ARG_DOUBLE, &min_time,
      "Parse each release for at least this many seconds (default 1)", "SECONDS" },
    { "large-size", 'l', 0, G_OPTION_ARG_DOUBLE, &large_size_mb,
      "Size of the concatenated input in MB, 0 for none (default 20)", "MB" },
    { "table-rows", 'r', 0, G_OPTION_ARG_INT, &table_rows,
      "Rows of the long table, 0 for none (default: the limit)", "N" },
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json_output,
      "Print the figures as one JSON object (for bench/run)", NULL },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("FILE... - measure the release parser");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-parse: %s\n", error->message);
      return 2;
    }
  if (argc < 2)
    {
      g_printerr ("usage: bench-parse [--min-time=SECONDS] [--large-size=MB] FILE...\n");
      return 2;
    }

  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) bench_case_free);
  seeds = g_ptr_array_new ();

  for (int i = 1; i < argc; i++)
    {
      BenchCase *bc = g_new0 (BenchCase, 1);
      char *data = NULL;
      gsize len = 0;

      if (!g_file_get_contents (argv[i], &data, &len, &error))
        {
          g_printerr ("bench-parse: %s\n", error->message);
          bench_case_free (bc);
          return 2;
        }
      bc->name = g_path_get_basename (argv[i]);
      bc->contents = g_bytes_new_take (data, len);
      bc->repeat = TRUE;
      g_ptr_array_add (cases, bc);
      g_ptr_array_add (seeds, bc);
    }

  if (large_size_mb > 0)
    g_ptr_array_add (cases, make_large_case (seeds));
  if (table_rows > 0)
    g_ptr_array_add (cases, make_table_case ());

  /* One parse of each release first, so that one-time set-up (types, the
   * concept dictionary) is not charged to the first case; then the freed
   * heap goes back to the system so the children fault in what they use. */
  for (guint i = 0; i < seeds->len; i++)
    {
      BenchCase *bc = g_ptr_array_index (seeds, i);
      g_autoptr(GError) parse_error = NULL;
      KessanFiling *filing = kessan_parse_release (bc->contents, bc->name, &parse_error);

      if (filing == NULL)
        bc->error = g_strdup (parse_error != NULL ? parse_error->message : "no filing and no error");
      else
        g_object_unref (filing);
    }
#ifdef __GLIBC__
  malloc_trim (0);
#endif

  /* Every child warms up on the smallest release: it runs the same code
   * as the others, and what it leaves in the heap, which the measured
   * parse may reuse unseen, is the least. */
  warmup = g_ptr_array_index (seeds, 0);
  for (guint i = 1; i < seeds->len; i++)
    {
      BenchCase *bc = g_ptr_array_index (seeds, i);

      if (g_bytes_get_size (bc->contents) < g_bytes_get_size (warmup->contents))
        warmup = bc;
    }
  for (guint i = 0; i < cases->len; i++)
    {
      BenchCase *bc = g_ptr_array_index (cases, i);

      if (bc->error == NULL)
        measure_memory (bc, warmup->contents);
    }

  for (guint i = 0; i < cases->len; i++)
    {
      BenchCase *bc = g_ptr_array_index (cases, i);

      if (bc->error == NULL && bc->repeat)
        measure_throughput (bc);
    }

  if (json_output)
    return print_json (cases) ? 0 : 1;

  cpu = bench_cpu_model ();
  g_print ("Kessan parser benchmark\n");
  g_print ("machine: %u CPUs, %s\n", g_get_num_processors (), cpu);
  g_print ("targets: throughput >= %.0f MB/s, peak memory < %.0fx input (1 MB = 10^6 bytes)\n\n",
           TARGET_MB_PER_S, TARGET_MEMORY_RATIO);
  g_print ("%-30s %9s %8s %9s %7s  %-17s %s\n",
           "case", "input MB", "MB/s", "peak MB", "ratio", "target", "result");

  for (guint i = 0; i < cases->len; i++)
    {
      BenchCase *bc = g_ptr_array_index (cases, i);

      if (!print_row (bc))
        all_pass = FALSE;
    }

  g_print ("\nruns:");
  for (guint i = 0; i < cases->len; i++)
    {
      BenchCase *bc = g_ptr_array_index (cases, i);

      g_print ("%s %s %u in %.2f s", i > 0 ? ";" : "", bc->name, bc->runs, bc->seconds);
    }
  g_print ("\n");

  return all_pass ? 0 : 1;
}
