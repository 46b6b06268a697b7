// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// Loops with cleanup guards.  A guard declared in the loop body ends at
// the end of each iteration (and at break and continue), so a suspension
// at the top of the next iteration or after the loop is not reported.  A
// guard declared before the loop is held in every iteration.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;
int more(void);

void good_guard_per_iteration(void) {
  while (more()) {
    aco_yield();
    _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
    n++;
  }
}

void good_break_and_continue_end_the_guard(void) {
  for (int i = 0; i < 10; i++) {
    _cleanup_(unlockp) pthread_mutex_t *no_warning_2 = lock(&m);
    if (n > 5)
      break;
    if (n & 1)
      continue;
    n++;
  }
  aco_yield();
}

void bad_guard_before_loop(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  while (more())
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_suspension_in_loop_condition(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  do {
    n++;
  } while (yield() == 0 && more()); // expect-note {{suspended here by call to 'yield'}}
}

void bad_suspension_after_guard_in_same_iteration(void) {
  while (more()) {
    _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
    n++;
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  }
}

void good_released_before_each_suspension(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_3 = lock(&m);
  while (more()) {
    n++;
    unlock(no_warning_3);
    no_warning_3 = NULL;
    aco_yield();
    no_warning_3 = lock(&m);
  }
}

void bad_continue_skips_release(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = NULL; // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  while (more()) {
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
    lk = lock(&m);
    if (n)
      continue;
    unlock(lk);
    lk = NULL;
  }
}
