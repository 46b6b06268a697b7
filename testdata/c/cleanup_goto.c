// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// goto with cleanup guards.  A jump out of the guard's block runs the
// cleanup (C guarantees it), so the guard is not held at the label.  A
// forward jump that skips the release carries the guard to the label.  A
// backward jump (a retry loop) inside the guard's scope carries it to the
// earlier suspension.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;
int busy(void);

void good_goto_leaves_block(int x) {
  {
    _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
    if (x)
      goto out;
    n++;
  }
out:
  aco_yield();
}

void bad_goto_skips_release(int x) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  if (x)
    goto out;
  unlock(lk);
  lk = NULL;
  n++;
out:
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void good_goto_after_release(int x) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_2 = lock(&m);
  n++;
  unlock(no_warning_2);
  no_warning_2 = NULL;
  if (x)
    goto out;
  n++;
out:
  aco_yield();
}

void bad_backward_goto_retry(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
retry:
  n++;
  if (busy()) {
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
    goto retry;
  }
}

void good_backward_goto_out_of_block(void) {
retry:
  aco_yield();
  {
    _cleanup_(unlockp) pthread_mutex_t *no_warning_3 = lock(&m);
    if (busy())
      goto retry;
    n++;
  }
}

/*
 * A jump back over a cleanup variable's declaration, in its own block,
 * ends it: its cleanup runs at the goto.
 */
static void flush_yield(int *pending) {
  (void)pending;
  aco_yield();
}

void bad_goto_back_over_cleanup(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
again:
  n++;
  __attribute__((cleanup(flush_yield))) int pending = n;
  if (busy())
    goto again; // expect-note {{suspended here by cleanup of 'pending' (flush_yield -> aco_yield)}}
} // expect-note {{suspended here by cleanup of 'pending' (flush_yield -> aco_yield)}}

void good_goto_back_lock_released(void) {
again:
  n++;
  __attribute__((cleanup(flush_yield))) int pending = n;
  {
    _cleanup_(unlockp) pthread_mutex_t *no_warning_4 = lock(&m);
    n--;
  }
  if (busy())
    goto again;
}
