/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kessan.h"

G_BEGIN_DECLS

#define KESSAN_TYPE_APPLICATION (kessan_application_get_type ())

G_DECLARE_FINAL_TYPE (KessanApplication, kessan_application, KESSAN, APPLICATION, AdwApplication)

KessanApplication *kessan_application_new         (void);
KessanLibrary     *kessan_application_get_library (KessanApplication *self);
GSettings         *kessan_application_get_settings (KessanApplication *self);

G_END_DECLS
