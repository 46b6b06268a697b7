// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// SCENARIO 13: a C guard is a local with __attribute__((cleanup(fn))) whose
// type or pointee type is a configured type (here pthread_mutex_t).  It is
// held from its initialization to the end of its scope, so a call to a
// suspend function in that range is reported, with every suspension listed.
// SCENARIO 6: a suspension before the initialization is not listed.
// SCENARIO 9: a guard with no suspension in its scope is not reported.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

void bad_held_across_aco_yield(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  n++;
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_every_suspension_listed(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  co_yield_ct();       // expect-note {{suspended here by call to 'co_yield_ct'}}
  n++;
  sched_yield_fiber(); // expect-note {{suspended here by call to 'sched_yield_fiber'}}
}

void bad_only_later_suspensions_listed(void) {
  aco_yield();
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  co_yield_ct();       // expect-note {{suspended here by call to 'co_yield_ct'}}
  sched_yield_fiber(); // expect-note {{suspended here by call to 'sched_yield_fiber'}}
}

void bad_suspension_in_an_argument(int ch) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  n += chrecv(ch, &n, sizeof n, now() + 10); // expect-note {{suspended here by call to 'chrecv'}}
}

void bad_used_after_suspension(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  yield(); // expect-note {{suspended here by call to 'yield'}}
  n += lk != NULL;
}

void good_no_suspension(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_1 = lock(&m);
  n++;
}

void good_suspension_before_guard(void) {
  aco_yield();
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_2 = lock(&m);
  n++;
}

void good_unconfigured_call(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_3 = lock(&m);
  aco_resume(NULL); // resuming another coroutine is an ordinary call here
  co_resume(NULL);
}
