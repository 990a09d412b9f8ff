/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>

#include <atspi/atspi.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

/* What a screen reader meets, read as one does: over AT-SPI, from
 * another process.  The test starts a session bus and at-spi2-core's
 * accessibility bus of its own, runs Kessan's window in a second
 * process (tests/kessan-atspi-app.c) with GTK's AT-SPI backend, and
 * reads the window's tree over the bus with the calls libatspi makes,
 * and libatspi's names for roles and states: names, roles, states,
 * and where the keyboard is after key presses, which the registry
 * daemon sends through the X server as a screen reader's are.
 *
 * The calls are made with GDBus rather than through libatspi 2.46:
 * libatspi asks each application for a cache GTK 4.8 does not keep
 * (a warning, fatal in a test), and its calls one at a time take a
 * minute over a window of a few thousand objects. */

#define ATSPI_TIMEOUT_MS 20000

/* X keysyms, as the registry daemon takes them. */
#define KEYSYM_TAB   0xff09
#define KEYSYM_SPACE 0x0020

/* Why the accessibility bus is not there, when it is not. */
static char *bus_missing;

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *output;
  GOutputStream    *input;
  GDBusConnection  *bus;      /* the accessibility bus */
  char             *app;      /* the application's name on it */
  char             *app_path; /* and its root's path */
} Fixture;

/* A line from the application, within two minutes. */
typedef struct
{
  char     *line;
  gboolean  done;
} LineRead;

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  LineRead *read = data;

  read->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, NULL);
  read->done = TRUE;
}

static char *
read_answer (Fixture *fixture)
{
  LineRead read = { NULL, FALSE };
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  g_data_input_stream_read_line_async (fixture->output, G_PRIORITY_DEFAULT, NULL, line_read_cb, &read);
  while (!read.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (read.done);
  g_assert_nonnull (read.line);
  return read.line;
}

/* Sends @command to the application and returns its answer. */
static char *
ask (Fixture    *fixture,
     const char *command)
{
  g_autofree char *line = g_strconcat (command, "\n", NULL);
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (fixture->input, line, strlen (line), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (fixture->input, NULL, &error);
  g_assert_no_error (error);
  return read_answer (fixture);
}

static void
command (Fixture    *fixture,
         const char *text)
{
  g_autofree char *answer = ask (fixture, text);

  g_assert_cmpstr (answer, ==, "ok");
}

/* The application's root on the accessibility bus, found by its
 * process among the registry's children: it is there once its window
 * is up.  The calls are libatspi's, made directly: libatspi would ask
 * each application for a cache GTK 4.8 does not keep, and warn. */
static gboolean
find_application (Fixture *fixture,
                  guint32  pid)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ATSPI_TIMEOUT_MS * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GVariant) apps = g_dbus_connection_call_sync (fixture->bus, "org.a11y.atspi.Registry",
                                                              "/org/a11y/atspi/accessible/root",
                                                              "org.a11y.atspi.Accessible", "GetChildren", NULL,
                                                              G_VARIANT_TYPE ("(a(so))"), G_DBUS_CALL_FLAGS_NONE,
                                                              ATSPI_TIMEOUT_MS, NULL, NULL);
      g_autoptr(GVariantIter) iter = NULL;
      const char *bus_name, *path;

      if (apps != NULL)
        {
          g_variant_get (apps, "(a(so))", &iter);
          while (g_variant_iter_next (iter, "(&s&o)", &bus_name, &path))
            {
              g_autoptr(GVariant) owner = g_dbus_connection_call_sync (fixture->bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                                       "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                                                       g_variant_new ("(s)", bus_name), G_VARIANT_TYPE ("(u)"),
                                                                       G_DBUS_CALL_FLAGS_NONE, ATSPI_TIMEOUT_MS, NULL, NULL);
              g_autoptr(GVariant) count = NULL;
              guint32 owner_pid = 0;
              int n_children = 0;

              if (owner != NULL)
                g_variant_get (owner, "(u)", &owner_pid);
              if (owner_pid != pid)
                continue;
              count = g_dbus_connection_call_sync (fixture->bus, bus_name, path, "org.freedesktop.DBus.Properties", "Get",
                                                   g_variant_new ("(ss)", "org.a11y.atspi.Accessible", "ChildCount"),
                                                   G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NONE, ATSPI_TIMEOUT_MS, NULL, NULL);
              if (count != NULL)
                {
                  g_autoptr(GVariant) value = NULL;

                  g_variant_get (count, "(v)", &value);
                  n_children = g_variant_get_int32 (value);
                }
              if (n_children > 0)
                {
                  fixture->app = g_strdup (bus_name);
                  fixture->app_path = g_strdup (path);
                  return TRUE;
                }
            }
        }
      g_usleep (100 * 1000);
    }
  return FALSE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *helper = NULL;

  memset (fixture, 0, sizeof *fixture);
  if (bus_missing != NULL)
    {
      g_test_skip (bus_missing);
      return;
    }
  helper = g_test_build_filename (G_TEST_BUILT, "kessan-atspi-app", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* GTK's own backend for AT-SPI, whatever the other tests use. */
  g_subprocess_launcher_unsetenv (launcher, "GTK_A11Y");
  fixture->process = g_subprocess_launcher_spawn (launcher, &error, helper, NULL);
  g_assert_no_error (error);
  fixture->input = g_object_ref (g_subprocess_get_stdin_pipe (fixture->process));
  fixture->output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->process));
  ready = read_answer (fixture);
  g_assert_cmpstr (ready, ==, "ready");
  fixture->bus = g_dbus_connection_new_for_address_sync (g_getenv ("AT_SPI_BUS_ADDRESS"),
                                                         G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                         | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                         NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (find_application (fixture, (guint32) atoi (g_subprocess_get_identifier (fixture->process))));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->process != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_output_stream_write_all (fixture->input, "quit\n", 5, NULL, NULL, NULL);
      g_output_stream_close (fixture->input, NULL, NULL);
      g_subprocess_wait_check (fixture->process, NULL, &error);
      g_assert_no_error (error);
    }
  g_clear_pointer (&fixture->app, g_free);
  g_clear_pointer (&fixture->app_path, g_free);
  g_clear_object (&fixture->bus);
  g_clear_object (&fixture->input);
  g_clear_object (&fixture->output);
  g_clear_object (&fixture->process);
}

/* ---- The tree as a client reads it ---- */

/* The roles of objects a user acts on, which must say what they are. */
static gboolean
is_interactive (AtspiRole role)
{
  switch (role)
    {
    case ATSPI_ROLE_PUSH_BUTTON:
    case ATSPI_ROLE_TOGGLE_BUTTON:
    case ATSPI_ROLE_CHECK_BOX:
    case ATSPI_ROLE_RADIO_BUTTON:
    case ATSPI_ROLE_COMBO_BOX:
    case ATSPI_ROLE_ENTRY:
    case ATSPI_ROLE_PASSWORD_TEXT:
    case ATSPI_ROLE_SPIN_BUTTON:
    case ATSPI_ROLE_SLIDER:
    case ATSPI_ROLE_LIST_ITEM:
    case ATSPI_ROLE_TABLE_CELL:
    case ATSPI_ROLE_TABLE_COLUMN_HEADER:
    case ATSPI_ROLE_TREE_ITEM:
    case ATSPI_ROLE_MENU_ITEM:
    case ATSPI_ROLE_CHECK_MENU_ITEM:
    case ATSPI_ROLE_RADIO_MENU_ITEM:
    case ATSPI_ROLE_PAGE_TAB:
    case ATSPI_ROLE_LINK:
      return TRUE;
    default:
      return FALSE;
    }
}

typedef struct _Node Node;
struct _Node
{
  char        *bus_name;
  char        *path;
  AtspiRole    role;
  const char  *role_name;
  char        *name;
  guint32      states[2];
  GPtrArray   *children;   /* of Node, the visible ones */
  Node        *parent;     /* borrowed */
};

static void
node_free (Node *node)
{
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node->bus_name);
  g_free (node->path);
  g_free (node->name);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, node_free)

static Node *
node_new (const char *bus_name,
          const char *path)
{
  Node *node = g_new0 (Node, 1);

  node->bus_name = g_strdup (bus_name);
  node->path = g_strdup (path);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  return node;
}

static gboolean
node_has_state (Node       *node,
                AtspiStateType state)
{
  return (node->states[state / 32] & (1u << (state % 32))) != 0;
}

/* The tree is read over the accessibility bus as libatspi reads it,
 * with the same calls, but many at a time: one call after the other, a
 * window of a few thousand objects takes a minute. */
typedef struct
{
  GDBusConnection *bus;
  guint            pending;
  GError          *error;
} TreeRead;

typedef struct
{
  TreeRead *read;
  Node     *node;
} Call;

static void
call_done (Call   *call,
           GError *error)
{
  if (error != NULL && call->read->error == NULL)
    call->read->error = g_error_copy (error);
  call->read->pending--;
  g_free (call);
}

static GVariant *
call_finish (Call         *call,
             GObject      *source,
             GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  GVariant *reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  if (reply == NULL)
    {
      g_prefix_error (&error, "%s: ", call->node->path);
      call_done (call, error);
    }
  return reply;
}

static void
role_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Call *call = data;
  g_autoptr(GVariant) reply = call_finish (call, source, result);
  guint32 role;

  if (reply == NULL)
    return;
  g_variant_get (reply, "(u)", &role);
  call->node->role = role;
  call->node->role_name = atspi_role_get_name (role);
  call_done (call, NULL);
}

static void
state_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Call *call = data;
  g_autoptr(GVariant) reply = call_finish (call, source, result);
  g_autoptr(GVariantIter) iter = NULL;
  guint32 bits;

  if (reply == NULL)
    return;
  g_variant_get (reply, "(au)", &iter);
  for (guint i = 0; i < G_N_ELEMENTS (call->node->states) && g_variant_iter_next (iter, "u", &bits); i++)
    call->node->states[i] = bits;
  call_done (call, NULL);
}

static void
name_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Call *call = data;
  g_autoptr(GVariant) reply = call_finish (call, source, result);
  g_autoptr(GVariant) value = NULL;

  if (reply == NULL)
    return;
  g_variant_get (reply, "(v)", &value);
  call->node->name = g_variant_dup_string (value, NULL);
  call_done (call, NULL);
}

static void
children_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Call *call = data;
  g_autoptr(GVariant) reply = call_finish (call, source, result);
  g_autoptr(GVariantIter) iter = NULL;
  const char *bus_name, *path;

  if (reply == NULL)
    return;
  g_variant_get (reply, "(a(so))", &iter);
  while (g_variant_iter_next (iter, "(&s&o)", &bus_name, &path))
    if (!g_str_equal (path, "/org/a11y/atspi/null"))
      {
        Node *child = node_new (bus_name, path);

        child->parent = call->node;
        g_ptr_array_add (call->node->children, child);
      }
  call_done (call, NULL);
}

static void
send_call (TreeRead            *read,
           Node                *node,
           const char          *interface,
           const char          *method,
           GVariant            *parameters,
           const GVariantType  *reply_type,
           GAsyncReadyCallback  callback)
{
  Call *call = g_new0 (Call, 1);

  call->read = read;
  call->node = node;
  read->pending++;
  g_dbus_connection_call (read->bus, node->bus_name, node->path, interface, method, parameters, reply_type,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, ATSPI_TIMEOUT_MS, NULL, callback, call);
  /* A window of calls at a time keeps the bus's queues short. */
  while (read->pending >= 256)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_calls (TreeRead *read)
{
  while (read->pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (read->error);
}

/* The visible part of the tree under the application's root @root,
 * read a level at a time: each object's role, name and states, then the
 * children of those that are visible. */
static void
read_tree (TreeRead *read,
           Node     *root)
{
  g_autoptr(GPtrArray) level = g_ptr_array_new ();

  g_ptr_array_add (level, root);
  while (level->len > 0)
    {
      g_autoptr(GPtrArray) visible = g_ptr_array_new ();

      for (guint i = 0; i < level->len; i++)
        {
          Node *node = level->pdata[i];

          send_call (read, node, "org.a11y.atspi.Accessible", "GetRole", NULL, G_VARIANT_TYPE ("(u)"), role_cb);
          send_call (read, node, "org.a11y.atspi.Accessible", "GetState", NULL, G_VARIANT_TYPE ("(au)"), state_cb);
          send_call (read, node, "org.freedesktop.DBus.Properties", "Get",
                     g_variant_new ("(ss)", "org.a11y.atspi.Accessible", "Name"), G_VARIANT_TYPE ("(v)"), name_cb);
        }
      wait_calls (read);
      /* GTK 4.8 marks no object "showing" but the window, and lists the
       * pages a stack hides: what it leaves out is what is not visible. */
      for (guint i = 0; i < level->len; i++)
        {
          Node *node = level->pdata[i];

          if (node->parent == NULL || node_has_state (node, ATSPI_STATE_VISIBLE))
            g_ptr_array_add (visible, node);
          else
            g_ptr_array_remove (node->parent->children, node);
        }
      for (guint i = 0; i < visible->len; i++)
        send_call (read, visible->pdata[i], "org.a11y.atspi.Accessible", "GetChildren", NULL,
                   G_VARIANT_TYPE ("(a(so))"), children_cb);
      wait_calls (read);
      g_ptr_array_set_size (level, 0);
      for (guint i = 0; i < visible->len; i++)
        {
          Node *node = visible->pdata[i];

          for (guint c = 0; c < node->children->len; c++)
            g_ptr_array_add (level, node->children->pdata[c]);
        }
    }
}

/* The tree in a file for a person to read: what a screen reader has to
 * work with, one object a line. */
static void
print_tree (Node    *node,
            GString *out,
            guint    depth)
{
  g_string_append_printf (out, "%*s%s \"%s\"%s%s\n", (int) depth * 2, "", node->role_name,
                          node->name != NULL ? node->name : "",
                          node_has_state (node, ATSPI_STATE_FOCUSABLE) ? " focusable" : "",
                          node_has_state (node, ATSPI_STATE_FOCUSED) ? " FOCUSED" : "");
  for (guint i = 0; i < node->children->len; i++)
    print_tree (node->children->pdata[i], out, depth + 1);
}

static void
save_tree (Node       *root,
           const char *name)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", "atspi", NULL);
  g_autofree char *path = NULL;
  const char *language = g_getenv ("LANGUAGE");

  print_tree (root, out, 0);
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s%s%s.txt", dir, name, language != NULL ? "-" : "", language != NULL ? language : "");
  g_file_set_contents (path, out->str, out->len, NULL);
}

/* The application's windows, read from the bus. */
static Node *
read_application (Fixture    *fixture,
                  const char *name)
{
  Node *root = node_new (fixture->app, fixture->app_path);
  TreeRead read = { fixture->bus, 0, NULL };
  gint64 start = g_get_monotonic_time ();

  read_tree (&read, root);
  g_test_message ("%s: the tree read in %.1f s", name, (g_get_monotonic_time () - start) / 1e6);
  save_tree (root, name);
  return root;
}

/* What GTK 4.8 falls back to for an object with no name: its type's
 * name ("GtkImage"), or its child's. */
static gboolean
is_type_name (const char *name)
{
  static const char *prefixes[] = { "Gtk", "Adw", "Kessan" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (name, prefixes[i]) && g_ascii_isupper (name[strlen (prefixes[i])]))
      {
        for (const char *c = name; *c != '\0'; c++)
          if (!g_ascii_isalnum (*c))
            return FALSE;
        return TRUE;
      }
  return FALSE;
}

/* A name said twice, "Show in _Source Show in Source": GTK 4.8 names a
 * button by its label and by the label widget inside it. */
static gboolean
is_echo (const char *name)
{
  g_autofree char *plain = NULL;
  gsize length;

  plain = g_strdup (name);
  for (char *from = plain, *to = plain;; from++)
    {
      if (*from != '_')
        *to++ = *from;
      if (*from == '\0')
        break;
    }
  length = strlen (plain);
  return length % 2 == 1 && plain[length / 2] == ' ' && strncmp (plain, plain + length / 2 + 1, length / 2) == 0;
}

static gboolean
is_unnamed (const char *name)
{
  return name == NULL || name[0] == '\0' || is_type_name (name) || is_echo (name);
}

static void
collect_unnamed (Node      *node,
                 Node      *parent,
                 GPtrArray *unnamed)
{
  /* GtkDropDown's toggle inside it, which GTK leaves without a name:
   * the drop-down around it has one. */
  gboolean drop_down_toggle = (node->role == ATSPI_ROLE_TOGGLE_BUTTON || node->role == ATSPI_ROLE_PUSH_BUTTON) && parent != NULL
                              && parent->role == ATSPI_ROLE_COMBO_BOX;

  if (is_interactive (node->role) && !drop_down_toggle && is_unnamed (node->name))
    g_ptr_array_add (unnamed, g_strdup_printf ("%s \"%s\" in %s \"%s\"", node->role_name, node->name,
                                               parent != NULL ? parent->role_name : "nothing",
                                               parent != NULL ? parent->name : ""));
  for (guint i = 0; i < node->children->len; i++)
    collect_unnamed (node->children->pdata[i], node, unnamed);
}

static guint
count_interactive (Node *node)
{
  guint n = is_interactive (node->role);

  for (guint i = 0; i < node->children->len; i++)
    n += count_interactive (node->children->pdata[i]);
  return n;
}

/* Asserts that every object a user acts on in @root has a name. */
static void
assert_all_named (Node       *root,
                  const char *where)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  collect_unnamed (root, NULL, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("%s: no name: %s", where, (char *) unnamed->pdata[i]);
  g_assert_cmpuint (unnamed->len, ==, 0);
  /* A tree read from nothing would pass: there is something to act on. */
  g_assert_cmpuint (count_interactive (root), >, 5);
}

static Node *
find_node (Node      *node,
           AtspiRole  role,
           const char *name)
{
  if (node->role == role && (name == NULL || g_strcmp0 (node->name, name) == 0))
    return node;
  for (guint i = 0; i < node->children->len; i++)
    {
      Node *found = find_node (node->children->pdata[i], role, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
find_all (Node      *node,
          AtspiRole  role,
          GPtrArray *found)
{
  if (node->role == role)
    g_ptr_array_add (found, node);
  for (guint i = 0; i < node->children->len; i++)
    find_all (node->children->pdata[i], role, found);
}

/* ---- Names ---- */

/* Every page, the library beside it, the wizard and the preferences:
 * nothing a user acts on without a name. */
static void
test_atspi_names (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *pages[] = { "statements", "trends", "charts", "checks", "source" };

  if (fixture->app == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *show = g_strconcat ("page ", pages[i], NULL);
      g_autoptr(Node) root = NULL;
      g_autoptr(GPtrArray) releases = g_ptr_array_new ();

      command (fixture, show);
      root = read_application (fixture, pages[i]);
      assert_all_named (root, pages[i]);
      /* The library: a list item for each release, named. */
      find_all (root, ATSPI_ROLE_LIST_ITEM, releases);
      g_assert_cmpuint (releases->len, >=, 3);
    }
}

static void
test_atspi_dialog_names (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(Node) wizard = NULL;
  g_autoptr(Node) preferences = NULL;

  if (fixture->app == NULL)
    return;
  command (fixture, "wizard");
  wizard = read_application (fixture, "wizard");
  assert_all_named (wizard, "wizard");
  command (fixture, "close-wizard");

  command (fixture, "preferences");
  preferences = read_application (fixture, "preferences");
  assert_all_named (preferences, "preferences");
  command (fixture, "close-preferences");
}

/* The text a cell shows: its label's. */
static const char *
cell_text (Node *cell)
{
  Node *label = find_node (cell, ATSPI_ROLE_LABEL, NULL);

  return label != NULL ? label->name : NULL;
}

/* Whether @name has the words of @title, in their order. */
static gboolean
has_words (const char *name,
           const char *title)
{
  g_auto(GStrv) words = g_strsplit_set (title, " \n", -1);
  const char *at = name;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      at = strstr (at, words[i]);
      if (at == NULL)
        return FALSE;
      at += strlen (words[i]);
    }
  return TRUE;
}

/* The value cells of @table, each checked against its row's label and
 * its column's title; returns how many. */
static guint
check_table_cells (Node *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  Node *header_row = NULL;
  guint n_values = 0;

  /* The row of titles, then the list of rows under it. */
  find_all (table, ATSPI_ROLE_TABLE_ROW, rows);
  for (guint r = 0; r < rows->len; r++)
    {
      Node *row = rows->pdata[r];

      /* The row of column titles comes first, without cells. */
      if (header_row == NULL)
        {
          header_row = row;
          g_assert_cmpuint (row->children->len, >=, 2);
          g_assert_null (find_node (row, ATSPI_ROLE_TABLE_CELL, NULL));
          continue;
        }
      for (guint c = 1; c < row->children->len && c < header_row->children->len; c++)
        {
          Node *cell = row->children->pdata[c];
          Node *title = header_row->children->pdata[c];
          const char *row_label = cell_text (row->children->pdata[0]);
          const char *value = cell_text (cell);
          g_autofree char *start = NULL;

          g_assert_cmpint (cell->role, ==, ATSPI_ROLE_TABLE_CELL);
          if (is_unnamed (value) || is_unnamed (row_label))
            continue;
          /* "Row label, column title: value", in the words of the
           * language. */
          start = g_strdup (row_label);
          if (!g_str_has_prefix (cell->name, start) || strstr (cell->name, value) == NULL
              || !has_words (cell->name, title->name))
            g_test_message ("cell \"%s\" in row \"%s\", column \"%s\", shows \"%s\"",
                            cell->name, row_label, title->name, value);
          g_assert_true (g_str_has_prefix (cell->name, start));
          g_assert_nonnull (strstr (cell->name, value));
          g_assert_true (has_words (cell->name, title->name));
          n_values++;
        }
    }
  return n_values;
}

/* Under a Japanese locale the names are Japanese: the tabs' and the
 * cells'. */
static void
assert_japanese (Node *root)
{
  static const char *titles[] = { N_("Statements"), N_("Trends"), N_("Charts"), N_("Checks"), N_("Source") };
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      const char *title = _(titles[i]);

      g_assert_cmpstr (title, !=, titles[i]);
      if (find_node (root, ATSPI_ROLE_PAGE_TAB, title) == NULL)
        g_test_message ("no tab named %s", title);
      g_assert_nonnull (find_node (root, ATSPI_ROLE_PAGE_TAB, title));
    }
  /* A period is named as the language says it, not "2Q FY2003". */
  find_all (root, ATSPI_ROLE_TABLE_CELL, cells);
  g_assert_cmpuint (cells->len, >=, 20);
  for (guint c = 0; c < cells->len; c++)
    g_assert_null (strstr (((Node *) cells->pdata[c])->name, "FY20"));
}

/* A value cell of a table is named by its row, its column and its
 * value, so that a screen reader moving along a row or down a column
 * says what each number is: the statement's, and the other pages'; in
 * Japanese under a Japanese locale. */
static void
test_atspi_cell_names (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(Node) root = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  guint n_values = 0;

  if (fixture->app == NULL)
    return;
  command (fixture, "statement 003_3f09aa9018b22431.txt en-income-quarter");
  command (fixture, "page trends");
  command (fixture, "page charts");
  command (fixture, "page statements");
  root = read_application (fixture, "statement-cells");
  find_all (root, ATSPI_ROLE_TREE_TABLE, tables);
  g_assert_cmpuint (tables->len, >=, 2);
  for (guint t = 0; t < tables->len; t++)
    {
      guint n = check_table_cells (tables->pdata[t]);

      g_test_message ("table %u: %u values named", t, n);
      n_values += n;
    }
  g_assert_cmpuint (n_values, >=, 50);

  /* One cell, as the release prints it. */
  if (g_strcmp0 (_("Statements"), "Statements") == 0)
    g_assert_nonnull (find_node (root, ATSPI_ROLE_TABLE_CELL, "Dedicated access services, 2Q FY2003, USD: 29,044"));
  else
    assert_japanese (root);
}

/* ---- The keyboard ---- */

/* A key pressed and released, or a click, as a screen reader or an
 * on-screen keyboard makes them: through the registry daemon, which
 * sends them to the X server. */
static void
press_key (Fixture *fixture,
           guint    keysym)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (fixture->bus, "org.a11y.atspi.Registry", "/org/a11y/atspi/registry/deviceeventcontroller",
                                       "org.a11y.atspi.DeviceEventController", "GenerateKeyboardEvent",
                                       g_variant_new ("(isu)", (gint32) keysym, "", (guint32) ATSPI_KEY_SYM),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, ATSPI_TIMEOUT_MS, NULL, &error);
  g_assert_no_error (error);
}

static void
click (Fixture *fixture,
       int      x,
       int      y)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (fixture->bus, "org.a11y.atspi.Registry", "/org/a11y/atspi/registry/deviceeventcontroller",
                                       "org.a11y.atspi.DeviceEventController", "GenerateMouseEvent",
                                       g_variant_new ("(iis)", x, y, "b1c"),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, ATSPI_TIMEOUT_MS, NULL, &error);
  g_assert_no_error (error);
}

/* Where the application says the keyboard is: "focus PAGE TYPE KIND
 * CLASS" (tests/kessan-atspi-app.c), split. */
static GStrv
ask_focus (Fixture *fixture)
{
  g_autofree char *answer = NULL;
  GStrv words;

  command (fixture, "wait");
  answer = ask (fixture, "focus");
  words = g_strsplit (answer, " ", -1);
  g_assert_cmpuint (g_strv_length (words), ==, 5);
  return words;
}

/* The last object that told the bus it has the focus, as a screen
 * reader follows the focus: "object:state-changed:focused". */
typedef struct
{
  char *bus_name;
  char *path;
} FocusEvent;

static void
focus_event_cb (GDBusConnection *bus,
                const char      *sender,
                const char      *path,
                const char      *interface,
                const char      *signal,
                GVariant        *parameters,
                gpointer         data)
{
  FocusEvent *event = data;
  const char *kind;
  gint32 detail1;

  g_variant_get_child (parameters, 0, "&s", &kind);
  g_variant_get_child (parameters, 1, "i", &detail1);
  if (g_strcmp0 (kind, "focused") != 0 || detail1 != 1)
    return;
  g_free (event->bus_name);
  g_free (event->path);
  event->bus_name = g_strdup (sender);
  event->path = g_strdup (path);
}

/* Turns the main loop until an object has said it has the focus, and
 * a little longer for any that follows it. */
static void
wait_focus_event (FocusEvent *event)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gint64 settled;

  while (event->path == NULL && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10 * 1000);
  settled = g_get_monotonic_time () + 300 * 1000;
  while (g_get_monotonic_time () < settled)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10 * 1000);
}

/* The role and name of the object of @event. */
static Node *
read_focus_event (Fixture    *fixture,
                  FocusEvent *event)
{
  TreeRead read = { fixture->bus, 0, NULL };
  Node *node;

  if (event->path == NULL)
    return NULL;
  node = node_new (event->bus_name, event->path);
  send_call (&read, node, "org.a11y.atspi.Accessible", "GetRole", NULL, G_VARIANT_TYPE ("(u)"), role_cb);
  send_call (&read, node, "org.freedesktop.DBus.Properties", "Get",
             g_variant_new ("(ss)", "org.a11y.atspi.Accessible", "Name"), G_VARIANT_TYPE ("(v)"), name_cb);
  wait_calls (&read);
  return node;
}

static void
find_tabs (Node       *node,
           Fixture    *fixture,
           GPtrArray  *tabs)
{
  if (node->role == ATSPI_ROLE_PAGE_TAB)
    {
      g_autoptr(GVariant) extents = g_dbus_connection_call_sync (fixture->bus, node->bus_name, node->path,
                                                                 "org.a11y.atspi.Component", "GetExtents",
                                                                 g_variant_new ("(u)", (guint32) ATSPI_COORD_TYPE_WINDOW),
                                                                 G_VARIANT_TYPE ("((iiii))"), G_DBUS_CALL_FLAGS_NONE,
                                                                 ATSPI_TIMEOUT_MS, NULL, NULL);
      int x, y, width, height;

      g_assert_nonnull (extents);
      g_variant_get (extents, "((iiii))", &x, &y, &width, &height);
      /* The switcher on screen; the narrow one and the bar are
       * there too, of no size. */
      if (width > 0 && height > 0)
        g_ptr_array_add (tabs, g_variant_ref_sink (g_variant_new ("(sii)", node->name, x + width / 2, y + height / 2)));
      return;
    }
  for (guint i = 0; i < node->children->len; i++)
    find_tabs (node->children->pdata[i], fixture, tabs);
}

/* A page's tab clicked: the keyboard goes to what the page is about,
 * its table, chart, list or text, and a screen reader hears that, not
 * the tab. */
static void
test_atspi_tab_focus (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct
  {
    const char *page;
    const char *title;
    const char *kind;
    AtspiRole   roles[2];
  } pages[] = {
    { "trends", N_("Trends"), "GtkColumnView", { ATSPI_ROLE_TABLE_ROW, ATSPI_ROLE_TABLE_CELL } },
    { "charts", N_("Charts"), "KessanChart", { ATSPI_ROLE_IMAGE, ATSPI_ROLE_IMAGE } },
    { "checks", N_("Checks"), "GtkListBox", { ATSPI_ROLE_LIST_ITEM, ATSPI_ROLE_LIST_ITEM } },
    { "source", N_("Source"), "GtkTextView", { ATSPI_ROLE_TEXT, ATSPI_ROLE_TEXT } },
    { "statements", N_("Statements"), "GtkColumnView", { ATSPI_ROLE_TABLE_ROW, ATSPI_ROLE_TABLE_CELL } },
  };
  g_autoptr(Node) root = NULL;
  g_autoptr(GPtrArray) tabs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  FocusEvent event = { NULL, NULL };
  guint subscription;

  if (fixture->app == NULL)
    return;
  command (fixture, "statement 003_3f09aa9018b22431.txt en-income-quarter");
  root = read_application (fixture, "tabs");
  find_tabs (root, fixture, tabs);
  g_assert_cmpuint (tabs->len, ==, G_N_ELEMENTS (pages));
  subscription = g_dbus_connection_signal_subscribe (fixture->bus, NULL, "org.a11y.atspi.Event.Object", "StateChanged",
                                                     NULL, NULL, G_DBUS_SIGNAL_FLAGS_NONE, focus_event_cb, &event, NULL);
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_auto(GStrv) focus = NULL;
      g_autoptr(Node) focused = NULL;
      int x = -1, y = -1;

      for (guint t = 0; t < tabs->len; t++)
        {
          const char *name;
          int tx, ty;

          g_variant_get (tabs->pdata[t], "(&sii)", &name, &tx, &ty);
          if (g_str_equal (name, _(pages[p].title)))
            {
              x = tx;
              y = ty;
            }
        }
      g_assert_cmpint (x, >=, 0);
      g_clear_pointer (&event.bus_name, g_free);
      g_clear_pointer (&event.path, g_free);
      click (fixture, x, y);
      for (guint tries = 0; tries < 20; tries++)
        {
          g_clear_pointer (&focus, g_strfreev);
          focus = ask_focus (fixture);
          if (g_str_equal (focus[1], pages[p].page))
            break;
        }
      g_test_message ("%s: the focus on %s in %s (%s)", pages[p].page, focus[2], focus[3], focus[1]);
      g_assert_cmpstr (focus[1], ==, pages[p].page);
      g_assert_cmpstr (focus[3], ==, pages[p].kind);
      /* The screen reader's side: the last object focused, told on the
       * bus apart from the application's answer. */
      wait_focus_event (&event);
      focused = read_focus_event (fixture, &event);
      g_assert_nonnull (focused);
      g_test_message ("%s: AT-SPI: %s \"%s\" focused", pages[p].page, focused->role_name, focused->name);
      g_assert_true (focused->role == pages[p].roles[0] || focused->role == pages[p].roles[1]);
      g_assert_false (is_unnamed (focused->name));
    }
  g_dbus_connection_signal_unsubscribe (fixture->bus, subscription);
  g_free (event.bus_name);
  g_free (event.path);
}

/* The chart's data table, the chart said as numbers, is reached by the
 * Tab key from the chart, opened by its expander from the keyboard. */
static void
test_atspi_chart_table_keyboard (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_auto(GStrv) focus = NULL;
  gboolean reached = FALSE;

  if (fixture->app == NULL)
    return;
  command (fixture, "page charts");
  focus = ask_focus (fixture);
  g_assert_cmpstr (focus[3], ==, "KessanChart");
  for (guint presses = 0; presses < 12 && !reached; presses++)
    {
      /* The expander closed over the table: Space opens it. */
      if (g_str_equal (focus[2], "GtkExpander") && presses > 0)
        press_key (fixture, KEYSYM_SPACE);
      press_key (fixture, KEYSYM_TAB);
      g_clear_pointer (&focus, g_strfreev);
      focus = ask_focus (fixture);
      g_test_message ("Tab: %s %s %s %s", focus[1], focus[2], focus[3], focus[4]);
      reached = g_str_equal (focus[3], "GtkColumnView") && strstr (focus[4], "data-table") != NULL;
    }
  g_assert_true (reached);
  g_assert_cmpstr (focus[1], ==, "charts");
  command (fixture, "screenshot chart-data-table-focus");
}

static gboolean
bus_name_has_owner (GDBusConnection *session,
                    const char      *name)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (session, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* A session bus of the test's own and at-spi2-core's accessibility bus
 * on it; on failure, why, in bus_missing.  The address of the
 * accessibility bus goes into the environment, where libatspi and GTK
 * look first, rather than on the X server's root window, which a
 * launcher of another test may have left there. */
static GSubprocess *
start_buses (GTestDBus *session_bus)
{
  const char *launcher_path = g_getenv ("KESSAN_ATSPI_BUS_LAUNCHER");
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autoptr(GSubprocess) launcher = NULL;
  g_autoptr(GDBusConnection) session = NULL;
  g_autoptr(GDBusConnection) a11y_bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dbus_daemon = g_find_program_in_path ("dbus-daemon");
  const char *address;
  gint64 deadline;

  if (launcher_path == NULL || !g_file_test (launcher_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      bus_missing = g_strdup_printf ("at-spi-bus-launcher not found (%s): install at-spi2-core",
                                     launcher_path != NULL ? launcher_path : "KESSAN_ATSPI_BUS_LAUNCHER unset");
      return NULL;
    }
  if (dbus_daemon == NULL)
    {
      bus_missing = g_strdup ("dbus-daemon not found: install dbus");
      return NULL;
    }
  g_test_dbus_up (session_bus);
  /* GTestDBus keeps the test off the user's display too. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  /* The registry daemon it starts talks on its standard output, where
   * the test's results go. */
  launcher = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, launcher_path, "--launch-immediately", NULL);
  if (launcher == NULL)
    {
      bus_missing = g_strdup_printf ("at-spi-bus-launcher did not start: %s", error->message);
      return NULL;
    }
  session = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (session == NULL)
    {
      bus_missing = g_strdup_printf ("no session bus: %s", error->message);
      return g_steal_pointer (&launcher);
    }
  deadline = g_get_monotonic_time () + (gint64) ATSPI_TIMEOUT_MS * 1000;
  while (!bus_name_has_owner (session, "org.a11y.Bus") && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  reply = g_dbus_connection_call_sync (session, "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress",
                                       NULL, G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, ATSPI_TIMEOUT_MS,
                                       NULL, &error);
  if (reply == NULL)
    {
      bus_missing = g_strdup_printf ("the accessibility bus did not start: %s", error->message);
      return g_steal_pointer (&launcher);
    }
  g_variant_get (reply, "(&s)", &address);
  g_setenv ("AT_SPI_BUS_ADDRESS", address, TRUE);
  a11y_bus = g_dbus_connection_new_for_address_sync (address, G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                     | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                     NULL, NULL, &error);
  if (a11y_bus == NULL)
    bus_missing = g_strdup_printf ("no connection to the accessibility bus at %s: %s", address, error->message);
  return g_steal_pointer (&launcher);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GTestDBus) session_bus = NULL;
  g_autoptr(GSubprocess) launcher = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KESSAN_LOCALEDIR") ? g_getenv ("KESSAN_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  session_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  launcher = start_buses (session_bus);

  g_test_add ("/kessan/atspi/names", Fixture, NULL, fixture_set_up, test_atspi_names, fixture_tear_down);
  g_test_add ("/kessan/atspi/dialog-names", Fixture, NULL, fixture_set_up, test_atspi_dialog_names, fixture_tear_down);
  g_test_add ("/kessan/atspi/cell-names", Fixture, NULL, fixture_set_up, test_atspi_cell_names, fixture_tear_down);
  g_test_add ("/kessan/atspi/tab-focus", Fixture, NULL, fixture_set_up, test_atspi_tab_focus, fixture_tear_down);
  g_test_add ("/kessan/atspi/chart-table-keyboard", Fixture, NULL, fixture_set_up, test_atspi_chart_table_keyboard, fixture_tear_down);
  status = g_test_run ();

  if (launcher != NULL)
    {
      g_subprocess_send_signal (launcher, SIGTERM);
      g_subprocess_wait (launcher, NULL, NULL);
    }
  if (bus_missing == NULL || g_test_dbus_get_bus_address (session_bus) != NULL)
    g_test_dbus_down (session_bus);
  g_free (bus_missing);
  return status;
}
