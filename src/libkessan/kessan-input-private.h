/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *kessan_input_display_name   (const char    *source_name);

gboolean    kessan_input_check_kind     (const guint8  *data,
                                         gsize          length,
                                         const char    *display_name,
                                         GError       **error);

void        kessan_input_name_error     (GError        *decode_error,
                                         const char    *display_name,
                                         GError       **error);

void        kessan_input_set_too_large  (GError       **error,
                                         const char    *display_name,
                                         guint64        size);

void        kessan_input_set_over_limit (GError       **error,
                                         const char    *display_name);

void        kessan_input_set_vanished   (GError       **error,
                                         const char    *display_name);

G_END_DECLS
