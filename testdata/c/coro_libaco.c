// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// libaco: a coroutine body is a plain C function; aco_yield() switches
// back to the main co, so a guard or a lock held across it stays held
// while other coroutines on this thread run.  aco_resume(co) in the main
// co is an ordinary call unless the configuration lists it: the main co
// is not parked, it runs the other coroutine to its next yield.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

void bad_co_fp_cleanup_guard(void) {
  int *arg = aco_get_arg();
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  *arg += 1;
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  aco_exit();
}

void bad_co_fp_lock_pair(void) {
  for (;;) {
    pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
    n++;
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
    pthread_mutex_unlock(&m);
  }
}

void good_co_fp_unlocks_first(void) {
  for (;;) {
    pthread_mutex_lock(&m);
    n++;
    pthread_mutex_unlock(&m);
    aco_yield();
  }
}

void good_main_co_resumes(aco_t *co) {
  pthread_mutex_lock(&m);
  aco_resume(co);
  pthread_mutex_unlock(&m);
}
