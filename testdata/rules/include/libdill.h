/*
 * libdill.h (stand-in): the dill_ functions and, unless
 * DILL_DISABLE_RAW_NAMES, the raw names as macros for them.
 */
#ifndef AWAIT_HOLDING_RULES_LIBDILL_H
#define AWAIT_HOLDING_RULES_LIBDILL_H

#include <stddef.h>
#include <stdint.h>

#define DILL_EXPORT __attribute__((visibility("default")))

DILL_EXPORT int64_t dill_now(void);
DILL_EXPORT int dill_msleep(int64_t deadline);
DILL_EXPORT int dill_fdin(int fd, int64_t deadline);
DILL_EXPORT int dill_fdout(int fd, int64_t deadline);
DILL_EXPORT int dill_hclose(int h);
DILL_EXPORT int dill_bundle(void);
DILL_EXPORT int dill_bundle_wait(int h, int64_t deadline);
DILL_EXPORT int dill_yield(void);
DILL_EXPORT int dill_chmake(int chv[2]);
DILL_EXPORT int dill_chsend(int ch, const void *val, size_t len, int64_t deadline);
DILL_EXPORT int dill_chrecv(int ch, void *val, size_t len, int64_t deadline);
DILL_EXPORT int dill_chdone(int ch);
DILL_EXPORT int dill_brecv(int s, void *buf, size_t len, int64_t deadline);
DILL_EXPORT int dill_bsend(int s, const void *buf, size_t len, int64_t deadline);

#if !defined DILL_DISABLE_RAW_NAMES
#define now dill_now
#define msleep dill_msleep
#define fdin dill_fdin
#define fdout dill_fdout
#define hclose dill_hclose
#define bundle dill_bundle
#define bundle_wait dill_bundle_wait
#define yield dill_yield
#define chmake dill_chmake
#define chsend dill_chsend
#define chrecv dill_chrecv
#define chdone dill_chdone
#define brecv dill_brecv
#define bsend dill_bsend
#endif

#endif
