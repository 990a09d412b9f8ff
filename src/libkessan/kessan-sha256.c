/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "kessan-sha256-private.h"

#include <nettle/sha2.h>

/* Nettle picks the processor's SHA instructions where it has them;
 * GLib's own SHA-256 is plain C. */
char *
kessan_sha256_hex (const guint8 *data,
                   gsize         length)
{
  static const char hex[] = "0123456789abcdef";
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *out = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  sha256_init (&context);
  sha256_update (&context, length, data);
  sha256_digest (&context, SHA256_DIGEST_SIZE, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      out[2 * i] = hex[digest[i] >> 4];
      out[2 * i + 1] = hex[digest[i] & 0xf];
    }
  out[2 * SHA256_DIGEST_SIZE] = '\0';
  return out;
}

char *
kessan_sha256_hex_bytes (GBytes *bytes)
{
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  return kessan_sha256_hex (data, length);
}
