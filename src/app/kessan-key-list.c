/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "kessan-key-list.h"

/* A list of concept keys as GtkStringObjects, made when asked for.
 * A library can hold a million concepts: a GtkStringList would make an
 * object for each of them, on the main thread, where this takes over an
 * array built in a worker thread and makes objects only for the rows a
 * view binds or a filter looks at. */

struct _KessanKeyList
{
  GObject    parent_instance;

  GPtrArray *keys;   /* char *, shared with whoever made it */
};

static void kessan_key_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KessanKeyList, kessan_key_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, kessan_key_list_model_init))

static GType
kessan_key_list_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
kessan_key_list_get_n_items (GListModel *model)
{
  return KESSAN_KEY_LIST (model)->keys->len;
}

static gpointer
kessan_key_list_get_item (GListModel *model,
                          guint       position)
{
  KessanKeyList *self = KESSAN_KEY_LIST (model);

  if (position >= self->keys->len)
    return NULL;
  return gtk_string_object_new (g_ptr_array_index (self->keys, position));
}

static void
kessan_key_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kessan_key_list_get_item_type;
  iface->get_n_items = kessan_key_list_get_n_items;
  iface->get_item = kessan_key_list_get_item;
}

static void
kessan_key_list_finalize (GObject *object)
{
  KessanKeyList *self = KESSAN_KEY_LIST (object);

  g_clear_pointer (&self->keys, g_ptr_array_unref);

  G_OBJECT_CLASS (kessan_key_list_parent_class)->finalize (object);
}

static void
kessan_key_list_class_init (KessanKeyListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kessan_key_list_finalize;
}

static void
kessan_key_list_init (KessanKeyList *self)
{
}

/**
 * kessan_key_list_new:
 * @keys: (element-type utf8): the keys, in order; the list keeps a
 *   reference and never changes them
 *
 * Returns: (transfer full): a list model of the keys
 */
KessanKeyList *
kessan_key_list_new (GPtrArray *keys)
{
  KessanKeyList *self;

  g_return_val_if_fail (keys != NULL, NULL);

  self = g_object_new (KESSAN_TYPE_KEY_LIST, NULL);
  self->keys = g_ptr_array_ref (keys);
  return self;
}

/**
 * kessan_filter_model_search:
 * @model: the filtered model of a list
 * @filter: the filter of a search
 * @searching: whether there is a search, which changed
 *
 * Without a search every item shows, through no filter at all: a list of
 * a million keys is not looked at one by one.  With one, @filter runs
 * again on every item.
 */
void
kessan_filter_model_search (GtkFilterListModel *model,
                            GtkFilter          *filter,
                            gboolean            searching)
{
  g_return_if_fail (GTK_IS_FILTER_LIST_MODEL (model));
  g_return_if_fail (GTK_IS_FILTER (filter));

  if (!searching)
    gtk_filter_list_model_set_filter (model, NULL);
  else if (gtk_filter_list_model_get_filter (model) == NULL)
    gtk_filter_list_model_set_filter (model, filter);
  else
    gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}
