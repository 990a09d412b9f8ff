/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "bench-util.h"

/* Reads one "Key:   1234 kB" field of /proc/self/status, or -1. */
gint64
bench_read_status_kb (const char *key)
{
  FILE *fp = fopen ("/proc/self/status", "r");
  size_t key_len = strlen (key);
  char line[256];
  gint64 value = -1;

  if (fp == NULL)
    return -1;

  while (fgets (line, sizeof line, fp) != NULL)
    {
      if (strncmp (line, key, key_len) == 0 && line[key_len] == ':')
        {
          value = g_ascii_strtoll (line + key_len + 1, NULL, 10);
          break;
        }
    }

  fclose (fp);
  return value;
}

/* The processor's model name from /proc/cpuinfo. */
char *
bench_cpu_model (void)
{
  g_autofree char *cpuinfo = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    return g_strdup ("unknown CPU");

  lines = g_strsplit (cpuinfo, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');

      if (colon != NULL && g_str_has_prefix (lines[i], "model name"))
        return g_strstrip (g_strdup (colon + 1));
    }

  return g_strdup ("unknown CPU");
}
