// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// The call chain may go through static functions, functions defined after
// their callers (declared earlier), and functions that suspend through a
// suspend function called inside a macro.  A function that is only
// declared (its body is elsewhere) is not followed: silent.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

#define PARK() sched_yield_fiber()

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

static void backoff(int tries);
extern void external_flush(void);

static inline void relax(void) { PARK(); }

static int poll_once(void) {
  if (n)
    return n--;
  relax();
  return 0;
}

void bad_static_defined_later(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  backoff(3); // expect-note {{suspended here by call that may suspend (backoff -> msleep)}}
}

void bad_through_static_inline_and_macro(void) {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  while (!poll_once()) // expect-note {{suspended here by call that may suspend (poll_once -> relax -> sched_yield_fiber)}}
    n++;
  pthread_mutex_unlock(&m);
}

void good_declared_only(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
  external_flush();
}

void good_static_after_release(void) {
  pthread_mutex_lock(&m);
  n++;
  pthread_mutex_unlock(&m);
  backoff(1);
}

static void backoff(int tries) {
  for (int i = 0; i < tries; i++)
    msleep(now() + (1 << i));
}
