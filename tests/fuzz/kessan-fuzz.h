/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The entry point libFuzzer calls with each input; fuzz-main.c calls it
 * with the files of the corpus when the target is built without
 * libFuzzer, to replay the corpus and the regressions as a test. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
