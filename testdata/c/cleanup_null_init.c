// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// A cleanup local initialized with NULL (or 0, or a null pointer cast)
// owns nothing: its cleanup function sees NULL and does nothing.  It is
// held from the first assignment of something else, like a C++
// unique_lock that is default-constructed and assigned later; the
// suspensions before that assignment are not listed.  An initializer that
// is NULL on one path only (a ?: or a lock taken on one branch) may own.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

void good_null_init(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_1 = NULL;
  aco_yield();
}

void good_zero_and_cast_init(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_2 = 0;
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_3 = (pthread_mutex_t *)NULL;
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_4 = (void *)0;
  aco_yield();
}

void bad_null_then_assigned(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = NULL; // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield();
  lk = lock(&m);
  co_yield_ct(); // expect-note {{suspended here by call to 'co_yield_ct'}}
}

void bad_assigned_on_one_branch(int c) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = NULL; // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  if (c)
    lk = lock(&m);
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_conditional_init(int c) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = c ? lock(&m) : NULL; // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void good_assigned_after_last_suspension(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_5 = NULL;
  aco_yield();
  no_warning_5 = lock(&m);
  n++;
}

void good_assigned_and_cleared_before_suspension(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_6 = NULL;
  no_warning_6 = lock(&m);
  n++;
  unlock(no_warning_6);
  no_warning_6 = NULL;
  aco_yield();
}
