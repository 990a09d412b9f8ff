/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "kessan-intern-private.h"

#include <stddef.h>
#include <string.h>

/* A library of 10,000 releases has millions of rows and columns but a
 * few thousand distinct labels among them: one copy of each takes about
 * 40 % off the memory a loaded library takes (docs/performance.md).
 *
 * GLib's interned GRefString would do, but in the GLib of our baseline
 * (2.74) a release that drops the last reference races with an intern of
 * the same string in another thread, and the library loads in several
 * threads.  Here a count changes only under the lock of its string's
 * table.  There are a few tables, chosen by hash, so that the loading
 * threads seldom wait for each other. */

#define N_SHARDS 16

typedef struct
{
  guint  refs;
  guint  shard;
  char   str[];
} Entry;

typedef struct
{
  GMutex      lock;
  GHashTable *entries;  /* the string of an Entry → the Entry */
} Shard;

static Shard shards[N_SHARDS];

static inline Entry *
entry_of (const char *str)
{
  return (Entry *) (str - offsetof (Entry, str));
}

const char *
kessan_intern_acquire (const char *str)
{
  guint shard_index;
  Shard *shard;
  Entry *entry;

  if (str == NULL)
    return NULL;

  shard_index = g_str_hash (str) % N_SHARDS;
  shard = &shards[shard_index];

  g_mutex_lock (&shard->lock);
  if (G_UNLIKELY (shard->entries == NULL))
    shard->entries = g_hash_table_new (g_str_hash, g_str_equal);

  entry = g_hash_table_lookup (shard->entries, str);
  if (entry == NULL)
    {
      gsize length = strlen (str);

      entry = g_malloc (offsetof (Entry, str) + length + 1);
      entry->refs = 0;
      entry->shard = shard_index;
      memcpy (entry->str, str, length + 1);
      g_hash_table_insert (shard->entries, entry->str, entry);
    }
  entry->refs++;
  g_mutex_unlock (&shard->lock);

  return entry->str;
}

void
kessan_intern_release (const char *str)
{
  Entry *entry;
  Shard *shard;

  if (str == NULL)
    return;

  entry = entry_of (str);
  shard = &shards[entry->shard];

  g_mutex_lock (&shard->lock);
  g_assert (entry->refs > 0);
  if (--entry->refs == 0)
    {
      g_hash_table_remove (shard->entries, entry->str);
      g_free (entry);
    }
  g_mutex_unlock (&shard->lock);
}

const char *
kessan_intern_peek (const char *str)
{
  Shard *shard;
  Entry *entry = NULL;

  if (str == NULL)
    return NULL;

  shard = &shards[g_str_hash (str) % N_SHARDS];
  g_mutex_lock (&shard->lock);
  if (shard->entries != NULL)
    entry = g_hash_table_lookup (shard->entries, str);
  g_mutex_unlock (&shard->lock);

  return entry != NULL ? entry->str : NULL;
}
