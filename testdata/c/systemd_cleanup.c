// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// systemd style: _cleanup_(f) is the cleanup attribute behind a macro.
// "_unused_ _cleanup_(pthread_mutex_unlock_assertp) pthread_mutex_t *_lock_
// = pthread_mutex_lock_assert(&m);" is a guard named '_lock_' although the
// code never mentions it again.  _cleanup_free_ buffers are not guards.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

void bad_unused_lock_variable(void) {
  _unused_ _cleanup_(pthread_mutex_unlock_assertp) pthread_mutex_t *_lock_ = pthread_mutex_lock_assert(&m); // expect-warning {{'_lock_' of type 'pthread_mutex_t *' is held across a suspension point}}
  n++;
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_unlockp_helper(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  yield(); // expect-note {{suspended here by call to 'yield'}}
}

void good_lock_in_block(void) {
  {
    _unused_ _cleanup_(pthread_mutex_unlock_assertp) pthread_mutex_t *no_warning_1 = pthread_mutex_lock_assert(&m);
    n++;
  }
  aco_yield();
}

void good_free_buffer(void) {
  _cleanup_free_ char *no_warning_2 = malloc(32);
  aco_yield();
}
