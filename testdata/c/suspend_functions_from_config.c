// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_types_only.toml
//
// Which calls suspend is the configuration's choice: c_types_only.toml
// lists aco_yield only, so co_yield_ct(), yield(), sched_yield_fiber() and
// msleep() are ordinary calls here.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

void good_unlisted_calls(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
  co_yield_ct();
  yield();
  sched_yield_fiber();
  msleep(now() + 1);
}

void bad_listed_call(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  co_yield_ct();
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}
