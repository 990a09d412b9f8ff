/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-series-builder"

#include "config.h"

#include "kessan-series-builder.h"

/* The series of a list of filings, built in a thread each time the list
 * changes, for the pages that show them (Trends, Charts).  Changes come
 * in bursts (a library loading, several files added): one build follows
 * them all, and a build overtaken by a change is dropped. */

struct _KessanSeriesBuilder
{
  GObject                parent_instance;

  KessanSeriesBuildFunc  build;
  KessanSeriesReadyFunc  ready;
  GDestroyNotify         result_free;
  gpointer               user_data;

  GListModel            *filings;
  gulong                 items_changed_id;
  GCancellable          *cancellable;
  GTask                 *task;          /* the build under way, if any */
  guint                  idle_id;
  gboolean               pending;       /* a change came during the build */
  gboolean               changed;        /* a filing changed since the last build */
  gint64                 given_at;       /* when the list was given, until its build starts */
  gboolean               stopped;
};

G_DEFINE_FINAL_TYPE (KessanSeriesBuilder, kessan_series_builder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GPtrArray             *filings;
  gint64                 requested;   /* when the main thread asked for it */
  gboolean               given;       /* a list given, not a change */
  KessanSeriesBuildFunc  build;
  GDestroyNotify         result_free;
  gpointer               user_data;
} BuildData;

static void
build_data_free (BuildData *data)
{
  g_ptr_array_unref (data->filings);
  g_free (data);
}

/* The Trends and Charts pages follow the same filings: the set built for
 * one is kept for the other, so that a library is merged once and held
 * in memory once.  A thread that finds another building the set of the
 * same filings waits for it.  A set serves only the builds asked for
 * before it started reading the filings: one asked for later may follow
 * a change inside a filing.  A set is only read once built, and reading
 * changes nothing in it, so the pages' threads and the main thread share
 * it.  It is let go with the last builder. */
typedef struct
{
  GMutex           lock;
  GCond            done;
  GPtrArray       *filings;   /* KessanFiling: those of set, or of the build under way */
  KessanSeriesSet *set;
  gint64           read_from; /* when its build started reading the filings */
  gboolean         building;
  guint            n_builders;
} SharedSet;

static SharedSet shared;

static gboolean
same_filings (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

/* Whether the shared set answers a build of @filings asked for at
 * @requested, @given when the list was just given rather than changed.
 * A set serves the builds asked for before its reading began, and while
 * it is read, the same list given meanwhile. */
static gboolean
serves (GPtrArray *filings,
        gint64     requested,
        gboolean   given)
{
  return same_filings (shared.filings, filings)
         && (requested <= shared.read_from || (given && shared.building));
}

/* Returns: (transfer full) (nullable): the set of @filings, or NULL when
 * @cancellable was cancelled first. */
static KessanSeriesSet *
build_set (GPtrArray    *filings,
           gint64        requested,
           gboolean      given,
           GCancellable *cancellable)
{
  g_autoptr(KessanSeriesSet) set = NULL;
  g_autoptr(KessanSeriesSet) replaced = NULL;
  g_autoptr(GPtrArray) forgotten = NULL;
  gboolean shares = FALSE;
  gboolean waits;

  g_mutex_lock (&shared.lock);
  /* The set under way serves this build once it is built. */
  waits = shared.building && serves (filings, requested, given);
  while (shared.building && waits && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait_until (&shared.done, &shared.lock, g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND);
  if (!shared.building && shared.set != NULL
      && (waits ? same_filings (shared.filings, filings) : serves (filings, requested, given)))
    set = g_object_ref (shared.set);
  else if (!shared.building)
    {
      shares = TRUE;
      shared.building = TRUE;
      forgotten = g_steal_pointer (&shared.filings);
      replaced = g_steal_pointer (&shared.set);
      shared.filings = g_ptr_array_ref (filings);
      shared.read_from = g_get_monotonic_time ();
    }
  g_mutex_unlock (&shared.lock);
  if (set != NULL)
    return g_steal_pointer (&set);
  /* The pages may still hold the set replaced; the share of it goes now. */
  g_clear_object (&replaced);
  g_clear_pointer (&forgotten, g_ptr_array_unref);

  set = kessan_series_set_new ();
  for (guint i = 0; i < filings->len; i++)
    {
      if (i % 64 == 0 && g_cancellable_is_cancelled (cancellable))
        {
          g_clear_object (&set);
          break;
        }
      kessan_series_set_add_filing (set, g_ptr_array_index (filings, i));
    }
  /* Merged now, before another thread reads it. */
  if (set != NULL)
    kessan_series_set_get_n_checks (set);

  if (shares)
    {
      g_mutex_lock (&shared.lock);
      shared.building = FALSE;
      if (set != NULL)
        shared.set = g_object_ref (set);
      else
        g_clear_pointer (&shared.filings, g_ptr_array_unref);
      g_cond_broadcast (&shared.done);
      g_mutex_unlock (&shared.lock);
    }
  return g_steal_pointer (&set);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *data = task_data;
  g_autoptr(KessanSeriesSet) set = build_set (data->filings, data->requested, data->given, cancellable);
  gpointer result;

  if (set == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }
  result = data->build (set, cancellable, data->user_data);
  if (result == NULL || g_cancellable_is_cancelled (cancellable))
    {
      if (result != NULL)
        data->result_free (result);
      if (!g_task_return_error_if_cancelled (task))
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }
  g_task_return_pointer (task, result, data->result_free);
}

static void start_build (KessanSeriesBuilder *self);

static void
set_task (KessanSeriesBuilder *self,
          GTask               *task)
{
  gboolean was_busy = self->task != NULL;

  self->task = task;
  if (was_busy != (task != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
build_done_cb (GObject      *object,
               GAsyncResult *async_result,
               gpointer      user_data)
{
  KessanSeriesBuilder *self = KESSAN_SERIES_BUILDER (object);
  GTask *task = G_TASK (async_result);
  g_autoptr(GError) error = NULL;
  gpointer result = g_task_propagate_pointer (task, &error);

  /* A build overtaken by a change, or of a builder that stopped. */
  if (task != self->task || self->stopped)
    {
      if (result != NULL)
        self->result_free (result);
      return;
    }

  if (result == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not build the series: %s", error->message);
  /* The task ends before the result is handed over: the receiver sees
   * the builder idle. */
  if (self->pending)
    start_build (self);
  else
    set_task (self, NULL);
  if (result != NULL)
    self->ready (result, self->user_data);
}

static void
start_build (KessanSeriesBuilder *self)
{
  g_autoptr(GTask) task = NULL;
  BuildData *data;
  guint n = self->filings != NULL ? g_list_model_get_n_items (self->filings) : 0;

  self->pending = FALSE;
  if (n == 0 || self->stopped)
    {
      set_task (self, NULL);
      if (!self->stopped)
        self->ready (NULL, self->user_data);
      return;
    }

  /* The thread works on a copy of the list: the list may change on the
   * main thread meanwhile, and then a new build follows. */
  data = g_new0 (BuildData, 1);
  data->filings = g_ptr_array_new_full (n, g_object_unref);
  /* A build after a change must not take a set read before it; a build
   * of a list just given may take the set of that list being read, or
   * read since it was given. */
  data->given = !self->changed;
  data->requested = data->given && self->given_at != 0 ? self->given_at : g_get_monotonic_time ();
  self->changed = FALSE;
  self->given_at = 0;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (data->filings, g_list_model_get_item (self->filings, i));
  data->build = self->build;
  data->result_free = self->result_free;
  data->user_data = self->user_data;

  task = g_task_new (self, self->cancellable, build_done_cb, NULL);
  g_task_set_source_tag (task, start_build);
  g_task_set_task_data (task, data, (GDestroyNotify) build_data_free);
  set_task (self, task);
  g_task_run_in_thread (task, build_thread);
}

static gboolean
idle_cb (gpointer user_data)
{
  KessanSeriesBuilder *self = user_data;

  self->idle_id = 0;
  if (self->task != NULL)
    self->pending = TRUE;
  else
    start_build (self);
  return G_SOURCE_REMOVE;
}

/**
 * kessan_series_builder_queue:
 * @self: a #KessanSeriesBuilder
 *
 * Builds again soon.  Not at a low priority: while a spinner turns, the
 * frames would keep the build waiting.
 */
void
kessan_series_builder_queue (KessanSeriesBuilder *self)
{
  g_return_if_fail (KESSAN_IS_SERIES_BUILDER (self));

  self->changed = TRUE;
  if (self->idle_id == 0 && !self->stopped)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, idle_cb, self, NULL);
}

/**
 * kessan_series_builder_set_filings:
 * @self: a #KessanSeriesBuilder
 * @filings: (nullable): a #GListModel of #KessanFiling
 *
 * Follows @filings, and builds their series from the next turn of the
 * main loop.
 */
void
kessan_series_builder_set_filings (KessanSeriesBuilder *self,
                                   GListModel          *filings)
{
  g_return_if_fail (KESSAN_IS_SERIES_BUILDER (self));
  g_return_if_fail (filings == NULL || G_IS_LIST_MODEL (filings));

  if (self->filings == filings)
    return;
  if (self->filings != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->filings);
  g_set_object (&self->filings, filings);

  /* A build of the previous list is of no use any more. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->task = NULL;

  if (filings != NULL)
    self->items_changed_id = g_signal_connect_swapped (filings, "items-changed",
                                                       G_CALLBACK (kessan_series_builder_queue), self);
  /* From the next turn of the main loop: the pages given the same list
   * one after the other have all asked before any of them reads it, so
   * that they share one set whatever the threads' timing. */
  self->given_at = g_get_monotonic_time ();
  if (self->idle_id == 0 && !self->stopped)
    self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, idle_cb, self, NULL);
}

GListModel *
kessan_series_builder_get_filings (KessanSeriesBuilder *self)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_BUILDER (self), NULL);

  return self->filings;
}

/* Whether a build is under way or about to start. */
gboolean
kessan_series_builder_get_busy (KessanSeriesBuilder *self)
{
  g_return_val_if_fail (KESSAN_IS_SERIES_BUILDER (self), FALSE);

  return self->task != NULL || self->idle_id != 0;
}

void
kessan_series_builder_stop (KessanSeriesBuilder *self)
{
  g_return_if_fail (KESSAN_IS_SERIES_BUILDER (self));

  self->stopped = TRUE;
  g_cancellable_cancel (self->cancellable);
  self->task = NULL;
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->filings != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->filings);
}

KessanSeriesBuilder *
kessan_series_builder_new (KessanSeriesBuildFunc build,
                           KessanSeriesReadyFunc ready,
                           GDestroyNotify        result_free,
                           gpointer              user_data)
{
  KessanSeriesBuilder *self = g_object_new (KESSAN_TYPE_SERIES_BUILDER, NULL);

  self->build = build;
  self->ready = ready;
  self->result_free = result_free;
  self->user_data = user_data;
  return self;
}

static void
kessan_series_builder_dispose (GObject *object)
{
  KessanSeriesBuilder *self = KESSAN_SERIES_BUILDER (object);

  kessan_series_builder_stop (self);
  g_clear_object (&self->filings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (kessan_series_builder_parent_class)->dispose (object);
}

static void
kessan_series_builder_finalize (GObject *object)
{
  g_autoptr(KessanSeriesSet) set = NULL;
  g_autoptr(GPtrArray) filings = NULL;

  /* A task holds its builder: no build runs once the last is gone. */
  g_mutex_lock (&shared.lock);
  if (--shared.n_builders == 0)
    {
      set = g_steal_pointer (&shared.set);
      filings = g_steal_pointer (&shared.filings);
    }
  g_mutex_unlock (&shared.lock);

  G_OBJECT_CLASS (kessan_series_builder_parent_class)->finalize (object);
}

static void
kessan_series_builder_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KessanSeriesBuilder *self = KESSAN_SERIES_BUILDER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->task != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_series_builder_class_init (KessanSeriesBuilderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kessan_series_builder_dispose;
  object_class->finalize = kessan_series_builder_finalize;
  object_class->get_property = kessan_series_builder_get_property;

  /* Whether a build runs in its thread. */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kessan_series_builder_init (KessanSeriesBuilder *self)
{
  self->cancellable = g_cancellable_new ();
  g_mutex_lock (&shared.lock);
  shared.n_builders++;
  g_mutex_unlock (&shared.lock);
}
