/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "kessan.h"

typedef struct
{
  const char *token;
  double      value;
  guint       decimals;
  gboolean    percent;
  gboolean    nil;
} Case;

static void
test_number_forms (void)
{
  static const Case cases[] = {
    { "3,236,405", 3236405, 0, FALSE, FALSE },
    { "(829,760)", -829760, 0, FALSE, FALSE },
    { "(8.7%)", -8.7, 1, TRUE, FALSE },
    { "(8.7)%", -8.7, 1, TRUE, FALSE },
    { "35.2%", 35.2, 1, TRUE, FALSE },
    { "12.8", 12.8, 1, FALSE, FALSE },
    { "-905", -905, 0, FALSE, FALSE },
    { "\xe2\x96\xb2" "243", -243, 0, FALSE, FALSE },  /* ▲243 */
    { "\xe2\x96\xb3" "1,206", -1206, 0, FALSE, FALSE }, /* △1,206 */
    { "(5.04)", -5.04, 2, FALSE, FALSE },
    { "0", 0, 0, FALSE, FALSE },
    { "1519", 1519, 0, FALSE, FALSE },
    { "55,233,050", 55233050, 0, FALSE, FALSE },
    { "-", 0, 0, FALSE, TRUE },
    { "(3,214.0)", -3214.0, 1, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KessanNumber number;

      g_test_message ("token %s", cases[i].token);
      g_assert_true (kessan_number_parse (cases[i].token, strlen (cases[i].token), &number));
      g_assert_cmpfloat (number.value, ==, cases[i].value);
      g_assert_cmpuint (number.decimals, ==, cases[i].decimals);
      g_assert_cmpint (number.percent, ==, cases[i].percent);
      g_assert_cmpint (number.nil, ==, cases[i].nil);
    }
}

static void
test_number_rejects (void)
{
  static const char *tokens[] = {
    "2Q03", "128kbps", "1.2Gbps", "IIJ4U", "(2", "1,23", "12,3456", "6.", "(", "%", "30,",
    "", "abc", "1-2", "99999999999999999999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      KessanNumber number;

      g_test_message ("token %s", tokens[i]);
      g_assert_false (kessan_number_parse (tokens[i], strlen (tokens[i]), &number));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kessan/number/forms", test_number_forms);
  g_test_add_func ("/kessan/number/rejects", test_number_rejects);
  return g_test_run ();
}
