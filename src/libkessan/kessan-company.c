/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "kessan-model"

#include "kessan-company.h"

#include <string.h>

#include "kessan-model-private.h"

/* Who published a release: a company is its identifier, and its name
 * only when the release prints no identifier. */
struct _KessanCompany
{
  GObject  parent_instance;

  char    *name;
  char    *ids[KESSAN_COMPANY_N_IDS];
};

G_DEFINE_FINAL_TYPE (KessanCompany, kessan_company, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The member names of the export format (docs/json-format.md). */
static const char * const id_names[] = {
  [KESSAN_COMPANY_ID_CIK] = "cik",
  [KESSAN_COMPANY_ID_LEI] = "lei",
  [KESSAN_COMPANY_ID_EDINET_CODE] = "edinet_code",
  [KESSAN_COMPANY_ID_SECURITIES_CODE] = "securities_code",
  [KESSAN_COMPANY_ID_TICKER] = "ticker",
};

static void
kessan_company_finalize (GObject *object)
{
  KessanCompany *self = (KessanCompany *)object;

  g_clear_pointer (&self->name, g_free);
  for (guint i = 0; i < KESSAN_COMPANY_N_IDS; i++)
    g_clear_pointer (&self->ids[i], g_free);

  G_OBJECT_CLASS (kessan_company_parent_class)->finalize (object);
}

static void
kessan_company_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KessanCompany *self = KESSAN_COMPANY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_company_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KessanCompany *self = KESSAN_COMPANY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      kessan_company_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kessan_company_class_init (KessanCompanyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kessan_company_finalize;
  object_class->get_property = kessan_company_get_property;
  object_class->set_property = kessan_company_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kessan_company_init (KessanCompany *self)
{
}

KessanCompany *
kessan_company_new (void)
{
  return g_object_new (KESSAN_TYPE_COMPANY, NULL);
}

/**
 * kessan_company_get_name:
 * @self: a #KessanCompany
 *
 * Returns: (nullable): the company's name as printed
 */
const char *
kessan_company_get_name (KessanCompany *self)
{
  g_return_val_if_fail (KESSAN_IS_COMPANY (self), NULL);

  return self->name;
}

void
kessan_company_set_name (KessanCompany *self,
                         const char    *name)
{
  g_return_if_fail (KESSAN_IS_COMPANY (self));

  if (kessan_replace_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * kessan_company_get_id:
 * @self: a #KessanCompany
 * @scheme: which identifier
 *
 * Returns: (nullable): the identifier as printed or tagged ("0000320193"
 *   for a CIK, "3774" for a 証券コード), or %NULL
 */
const char *
kessan_company_get_id (KessanCompany   *self,
                       KessanCompanyId  scheme)
{
  g_return_val_if_fail (KESSAN_IS_COMPANY (self), NULL);
  g_return_val_if_fail (scheme < KESSAN_COMPANY_N_IDS, NULL);

  return self->ids[scheme];
}

void
kessan_company_set_id (KessanCompany   *self,
                       KessanCompanyId  scheme,
                       const char      *id)
{
  g_return_if_fail (KESSAN_IS_COMPANY (self));
  g_return_if_fail (scheme < KESSAN_COMPANY_N_IDS);

  kessan_replace_str (&self->ids[scheme], id != NULL && *id != '\0' ? id : NULL);
}

/**
 * kessan_company_dup_key:
 * @self: a #KessanCompany
 *
 * The key that keeps companies apart in a library: the first identifier
 * in the order of #KessanCompanyId ("cik:320193", leading zeros of a CIK
 * dropped), else the name ("name:Internet Initiative Japan Inc.").
 *
 * Returns: (nullable) (transfer full): the key, or %NULL when the release
 *   names no company
 */
char *
kessan_company_dup_key (KessanCompany *self)
{
  g_return_val_if_fail (KESSAN_IS_COMPANY (self), NULL);

  for (guint i = 0; i < KESSAN_COMPANY_N_IDS; i++)
    {
      const char *id = self->ids[i];

      if (id == NULL)
        continue;
      if (i == KESSAN_COMPANY_ID_CIK)
        while (id[0] == '0' && id[1] != '\0')
          id++;
      return g_strdup_printf ("%s:%s", id_names[i], id);
    }
  return self->name != NULL ? g_strdup_printf ("name:%s", self->name) : NULL;
}

const char *
kessan_company_id_to_string (KessanCompanyId scheme)
{
  return scheme < KESSAN_COMPANY_N_IDS ? id_names[scheme] : NULL;
}

gboolean
kessan_company_id_from_string (const char      *str,
                               KessanCompanyId *scheme)
{
  for (guint i = 0; i < KESSAN_COMPANY_N_IDS; i++)
    if (g_strcmp0 (id_names[i], str) == 0)
      {
        *scheme = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * kessan_company_copy_into:
 * @self: a #KessanCompany
 * @target: the company to overwrite
 *
 * Copies the name and every identifier of @self to @target.
 */
void
kessan_company_copy_into (KessanCompany *self,
                          KessanCompany *target)
{
  g_return_if_fail (KESSAN_IS_COMPANY (self));
  g_return_if_fail (KESSAN_IS_COMPANY (target));

  kessan_company_set_name (target, self->name);
  for (guint i = 0; i < KESSAN_COMPANY_N_IDS; i++)
    kessan_company_set_id (target, i, self->ids[i]);
}
