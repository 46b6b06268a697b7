// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// libco (Tencent): co_yield_ct() and co_yield(co) yield the running
// routine; co_resume(co) is an ordinary call (not configured).
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

void *bad_routine_yield_ct(void *arg) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  n += arg != NULL;
  co_yield_ct(); // expect-note {{suspended here by call to 'co_yield_ct'}}
  return NULL;
}

void *bad_routine_yield_self(void *arg) {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  co_yield(co_self()); // expect-note {{suspended here by call to 'co_yield'}}
  pthread_mutex_unlock(&m);
  return arg;
}

void *good_routine(void *arg) {
  for (int i = 0; i < 3; i++) {
    {
      _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
      n++;
    }
    co_yield_ct();
  }
  return arg;
}

void good_resume(stCoRoutine_t *co) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_2 = lock(&m);
  co_resume(co);
}
