/*
 * common.h - the first include of every .c file in checker/.
 *
 * Feature-test macros must come before any system header: we build with
 * -std=c11 and no extensions, so without _POSIX_C_SOURCE strdup(),
 * getline() and friends would disappear.
 */
#ifndef AWAIT_HOLDING_COMMON_H
#define AWAIT_HOLDING_COMMON_H

#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700 /* realpath() */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__) || defined(__clang__)
#define ATTR_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define ATTR_UNUSED __attribute__((unused))
#else
#define ATTR_PRINTF(fmt, args)
#define ATTR_UNUSED
#endif

#define AWAIT_HOLDING_VERSION "0.1.0"

#endif
