/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How Kessan reads a folder of real releases:
 *
 *   kessan-corpus [--truth DIR] [--timeout SECONDS] [--misses] PATH…
 *
 * Every file under each PATH is read by the engine (kessan_parse_file (),
 * then the checks, as kessan-cli check does) in a child process of its
 * own, so that a file that crashes or hangs the engine is reported and
 * the run goes on.  For each file and in total it prints the tables,
 * the cells, the cells with a known period, currency and scale, the
 * error findings, the checks run and the checks that could not run.
 *
 * With --truth, every truth file in DIR (docs/corpus.md) names a
 * document under the first PATH; that document is scored against it:
 * cells right in value, period, currency and scale out of the truth
 * cells, tables missed, and error findings the truth does not list.
 * --misses prints each truth cell not read right.
 *
 * Exit status: 0 when every file was read, 1 when one was not, 2 for a
 * wrong command line.
 */

#define G_LOG_DOMAIN "kessan-corpus"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "corpus-score.h"
#include "kessan-checks.h"
#include "kessan-i18n.h"
#include "kessan-parser.h"

static const struct
{
  const char *name;
  gsize       offset;
} count_fields[] = {
#define FIELD(f) { #f, G_STRUCT_OFFSET (CorpusCounts, f) }
  FIELD (files), FIELD (unreadable), FIELD (tables), FIELD (cells),
  FIELD (period_known), FIELD (currency_known), FIELD (scale_known),
  FIELD (errors), FIELD (checks_run), FIELD (checks_not_run),
  FIELD (truth_files), FIELD (truth_tables), FIELD (missed_tables),
  FIELD (truth_cells), FIELD (row_missed), FIELD (value_right), FIELD (period_right),
  FIELD (currency_right), FIELD (scale_right), FIELD (truth_errors),
  FIELD (false_errors),
#undef FIELD
};

#define COUNT(counts, i) (*(guint *) ((char *) (counts) + count_fields[i].offset))

/* The child: reads one file and prints one JSON object on stdout. */
static int
read_one (const char *path,
          const char *truth_path,
          gboolean    with_misses)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(KessanFiling) filing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) misses = with_misses ? g_string_new (NULL) : NULL;
  g_autofree char *text = NULL;
  CorpusCounts counts = { 0 };

  json_builder_begin_object (builder);
  filing = kessan_parse_file (file, &error);
  if (filing == NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, error->message);
    }
  else
    {
      kessan_filing_run_checks (filing);
      corpus_count_filing (filing, &counts);
      if (truth_path != NULL)
        {
          g_autoptr(CorpusTruth) truth = corpus_truth_load (truth_path, &error);

          if (truth == NULL)
            {
              json_builder_set_member_name (builder, "truth_error");
              json_builder_add_string_value (builder, error->message);
            }
          else
            corpus_score_filing (filing, truth, &counts, misses);
        }
      for (gsize i = 0; i < G_N_ELEMENTS (count_fields); i++)
        {
          json_builder_set_member_name (builder, count_fields[i].name);
          json_builder_add_int_value (builder, COUNT (&counts, i));
        }
      if (misses != NULL)
        {
          json_builder_set_member_name (builder, "misses");
          json_builder_add_string_value (builder, misses->str);
        }
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  puts (text);
  return 0;
}

/* The parent. */

typedef struct
{
  char         *path;        /* as found under the corpus */
  char         *relative;    /* relative to the first PATH */
  char         *truth_path;  /* the truth file describing it, or NULL */
} Document;

static void
document_free (Document *document)
{
  g_free (document->path);
  g_free (document->relative);
  g_free (document->truth_path);
  g_free (document);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (GFile      *root,
         GFile      *file,
         GPtrArray  *documents)
{
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                       G_FILE_QUERY_INFO_NONE, NULL, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      GFileInfo *info;

      while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          const char *name = g_file_info_get_name (info);

          if (name[0] != '.')
            g_ptr_array_add (names, g_strdup (name));
          g_object_unref (info);
        }
      g_ptr_array_sort (names, compare_names);
      for (guint i = 0; i < names->len; i++)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_ptr_array_index (names, i));

          collect (root, child, documents);
        }
    }
  else if (type == G_FILE_TYPE_REGULAR)
    {
      Document *document = g_new0 (Document, 1);
      char *relative = g_file_get_relative_path (root, file);

      document->path = g_file_get_path (file);
      document->relative = relative != NULL ? relative : g_file_get_basename (file);
      g_ptr_array_add (documents, document);
    }
}

typedef struct
{
  GMainLoop *loop;
  char      *out;
  GError    *error;
  gboolean   timed_out;
} ChildRun;

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ChildRun *run = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, NULL, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  ChildRun *run = user_data;

  run->timed_out = TRUE;
  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

/* Runs this program on one document; returns the child's JSON, or NULL
 * with @why said. */
static JsonObject *
run_child (const char  *self_path,
           Document    *document,
           guint        timeout_seconds,
           gboolean     with_misses,
           char       **why)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (context, FALSE);
  g_autoptr(GSource) timeout = g_timeout_source_new_seconds (timeout_seconds);
  g_autoptr(JsonParser) parser = json_parser_new ();
  ChildRun run = { loop, NULL, NULL, FALSE };
  JsonObject *object = NULL;

  g_ptr_array_add (argv, (char *) self_path);
  g_ptr_array_add (argv, (char *) "--one");
  g_ptr_array_add (argv, document->path);
  if (document->truth_path != NULL)
    {
      g_ptr_array_add (argv, (char *) "--truth-file");
      g_ptr_array_add (argv, document->truth_path);
    }
  if (with_misses)
    g_ptr_array_add (argv, (char *) "--misses");
  g_ptr_array_add (argv, NULL);

  g_main_context_push_thread_default (context);
  child = g_subprocess_newv ((const char * const *) argv->pdata,
                             G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  if (child == NULL)
    {
      g_main_context_pop_thread_default (context);
      *why = g_strdup (error->message);
      return NULL;
    }
  g_subprocess_communicate_utf8_async (child, NULL, NULL, communicated_cb, &run);
  g_source_set_callback (timeout, timeout_cb, &run, NULL);
  g_source_attach (timeout, context);
  g_main_loop_run (loop);
  g_source_destroy (timeout);

  if (run.timed_out)
    {
      g_subprocess_force_exit (child);
      /* Let the cancelled communication finish before the loop goes. */
      while (run.out == NULL && run.error == NULL)
        g_main_context_iteration (context, TRUE);
      g_main_context_pop_thread_default (context);
      g_clear_error (&run.error);
      g_free (run.out);
      *why = g_strdup_printf ("hung: no answer in %u s", timeout_seconds);
      return NULL;
    }
  g_subprocess_wait (child, NULL, NULL);
  g_main_context_pop_thread_default (context);

  if (g_subprocess_get_if_signaled (child))
    *why = g_strdup_printf ("crashed: %s", g_strsignal (g_subprocess_get_term_sig (child)));
  else if (run.error != NULL)
    *why = g_strdup (run.error->message);
  else if (run.out == NULL || !json_parser_load_from_data (parser, run.out, -1, NULL)
           || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    *why = g_strdup_printf ("no result (exit status %d)", g_subprocess_get_exit_status (child));
  else
    object = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  g_clear_error (&run.error);
  g_free (run.out);
  return object;
}

static double
percent (guint part,
         guint whole)
{
  return whole > 0 ? 100.0 * part / whole : 0.0;
}

static void
print_header (gboolean with_truth)
{
  g_print ("%-56s %6s %7s %7s %7s %7s %6s %6s %6s", "file", "tables", "cells", "period", "curr", "scale",
           "errors", "checks", "notrun");
  if (with_truth)
    g_print (" | %5s %5s %5s %5s %5s %5s %5s", "truth", "value", "period", "curr", "scale", "missT", "falseE");
  g_print ("\n");
}

static void
print_counts (const char         *name,
              const CorpusCounts *c,
              gboolean            with_truth)
{
  g_print ("%-56s %6u %7u %7u %7u %7u %6u %6u %6u", name, c->tables, c->cells, c->period_known,
           c->currency_known, c->scale_known, c->errors, c->checks_run, c->checks_not_run);
  if (with_truth && c->truth_files > 0)
    g_print (" | %5u %5u %5u %5u %5u %5u %5u", c->truth_cells, c->value_right, c->period_right,
             c->currency_right, c->scale_right, c->missed_tables, c->false_errors);
  g_print ("\n");
}

static void
print_total (const CorpusCounts *c,
             gboolean            with_truth)
{
  g_print ("\nfiles %u, unreadable %u; tables %u; cells %u: period known %u (%.1f %%), currency known %u (%.1f %%), "
           "scale known %u (%.1f %%); error findings %u; checks run %u, could not run %u\n",
           c->files, c->unreadable, c->tables, c->cells, c->period_known, percent (c->period_known, c->cells),
           c->currency_known, percent (c->currency_known, c->cells), c->scale_known, percent (c->scale_known, c->cells),
           c->errors, c->checks_run, c->checks_not_run);
  if (with_truth)
    g_print ("truth: %u files, %u tables (%u missed), %u cells (%u in rows not found): value right %u (%.1f %%), "
             "period right %u (%.1f %%), currency right %u (%.1f %%), scale right %u (%.1f %%); "
             "error findings %u, false %u\n",
             c->truth_files, c->truth_tables, c->missed_tables, c->truth_cells, c->row_missed,
             c->value_right, percent (c->value_right, c->truth_cells),
             c->period_right, percent (c->period_right, c->truth_cells),
             c->currency_right, percent (c->currency_right, c->truth_cells),
             c->scale_right, percent (c->scale_right, c->truth_cells),
             c->truth_errors, c->false_errors);
}

/* Truth files by the document they name. */
static GHashTable *
load_truth_index (const char  *dir,
                  GError     **error)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, error);
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *name;

  if (handle == NULL)
    return NULL;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(CorpusTruth) truth = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      truth = corpus_truth_load (path, error);
      if (truth == NULL)
        return NULL;
      g_hash_table_insert (index, g_strdup (corpus_truth_get_document (truth)), g_steal_pointer (&path));
    }
  return g_steal_pointer (&index);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *truth_dir = NULL;
  g_autofree char *one = NULL;
  g_autofree char *truth_file = NULL;
  g_auto(GStrv) paths = NULL;
  gboolean with_misses = FALSE;
  int timeout_seconds = 120;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  g_autoptr(GHashTable) truth_index = NULL;
  g_autofree char *self_path = NULL;
  CorpusCounts total = { 0 };
  const GOptionEntry entries[] = {
    { "truth", 't', 0, G_OPTION_ARG_FILENAME, &truth_dir, "Score against the truth files in DIR", "DIR" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout_seconds, "Give up on a file after SECONDS (default 120)", "SECONDS" },
    { "misses", 'm', 0, G_OPTION_ARG_NONE, &with_misses, "Print every truth cell not read right", NULL },
    { "one", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &one, NULL, NULL },
    { "truth-file", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &truth_file, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "PATH…" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  kessan_init_i18n ();
  options = g_option_context_new ("PATH… — how Kessan reads a folder of releases");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("kessan-corpus: %s\n", error->message);
      return 2;
    }
  if (one != NULL)
    return read_one (one, truth_file, with_misses);
  if (paths == NULL || paths[0] == NULL || timeout_seconds <= 0)
    {
      g_printerr ("kessan-corpus: give a folder or files of releases (and a timeout above 0)\n");
      return 2;
    }
  if (truth_dir != NULL && (truth_index = load_truth_index (truth_dir, &error)) == NULL)
    {
      g_printerr ("kessan-corpus: %s: %s\n", truth_dir, error->message);
      return 2;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) root = g_file_new_for_commandline_arg (paths[i]);

      if (g_file_query_file_type (root, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        collect (root, root, documents);
      else
        {
          g_autoptr(GFile) parent = g_file_get_parent (root);

          collect (parent, root, documents);
        }
    }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);
  print_header (truth_index != NULL);
  for (guint d = 0; d < documents->len; d++)
    {
      Document *document = g_ptr_array_index (documents, d);
      g_autofree char *why = NULL;
      JsonObject *result;
      CorpusCounts counts = { 0 };

      if (truth_index != NULL)
        {
          document->truth_path = g_strdup (g_hash_table_lookup (truth_index, document->relative));
          g_hash_table_remove (truth_index, document->relative);
        }
      result = run_child (self_path, document, (guint) timeout_seconds, with_misses, &why);
      counts.files = 1;
      if (result != NULL && json_object_has_member (result, "error"))
        why = g_strdup (json_object_get_string_member (result, "error"));
      if (why != NULL)
        {
          counts.unreadable = 1;
          g_print ("%-56s unreadable: %s\n", document->relative, why);
          if (document->truth_path != NULL)
            {
              g_autoptr(CorpusTruth) truth = corpus_truth_load (document->truth_path, NULL);

              /* A truth file on an unreadable document: all its cells
               * are wrong. */
              counts.truth_files = 1;
              counts.truth_tables = counts.missed_tables = corpus_truth_count_tables (truth);
              counts.truth_cells = corpus_truth_count_cells (truth);
              g_print ("  truth: %u cells in %u tables, none read\n", counts.truth_cells, counts.truth_tables);
            }
        }
      else
        {
          for (gsize i = 0; i < G_N_ELEMENTS (count_fields); i++)
            if (json_object_has_member (result, count_fields[i].name))
              COUNT (&counts, i) = (guint) json_object_get_int_member (result, count_fields[i].name);
          counts.files = 1;
          print_counts (document->relative, &counts, truth_index != NULL);
          if (json_object_has_member (result, "truth_error"))
            g_print ("  truth file: %s\n", json_object_get_string_member (result, "truth_error"));
          if (json_object_has_member (result, "misses"))
            g_print ("%s", json_object_get_string_member (result, "misses"));
        }
      g_clear_pointer (&result, json_object_unref);
      corpus_counts_add (&total, &counts);
    }

  /* A truth file whose document is not in the corpus reads nothing. */
  if (truth_index != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, truth_index);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(CorpusTruth) truth = corpus_truth_load (value, NULL);

          g_print ("%-56s missing from the corpus (truth file %s)\n", (const char *) key, (const char *) value);
          total.truth_files++;
          total.truth_tables += corpus_truth_count_tables (truth);
          total.missed_tables += corpus_truth_count_tables (truth);
          total.truth_cells += corpus_truth_count_cells (truth);
        }
    }

  print_total (&total, truth_index != NULL);
  return total.unreadable > 0 ? 1 : 0;
}
