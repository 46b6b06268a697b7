// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// SCENARIO 15: unlocking through the pointer and then setting it to NULL
// releases the guard (the C form of drop()): the cleanup function will see
// NULL.  Unlocking without nulling does not release it: the checker cannot
// know what unlock() does, and the cleanup would unlock a second time.
// SCENARIO 12: a guard taken after one suspension and released before a
// third is reported with the middle one only.  SCENARIO 38: released on
// every branch before that branch's suspension is silent; released on one
// branch only is still held on the other.  The assignment may come from a
// macro or sit in a comma expression.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

#define RELEASE(p)                                                             \
  do {                                                                         \
    unlock(p);                                                                 \
    (p) = NULL;                                                                \
  } while (0)

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

void good_unlock_and_null(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_1 = lock(&m);
  n++;
  unlock(no_warning_1);
  no_warning_1 = NULL;
  aco_yield();
}

void good_null_spelled_zero(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_2 = lock(&m);
  unlock(no_warning_2);
  no_warning_2 = 0;
  aco_yield();
}

void good_null_in_macro_and_comma_expression(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_5 = lock(&m);
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_6 = lock(&m);
  RELEASE(no_warning_5);
  unlock(no_warning_6), no_warning_6 = NULL;
  aco_yield();
}

void good_relock_after_suspension(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_3 = lock(&m);
  unlock(no_warning_3);
  no_warning_3 = NULL;
  aco_yield();
  no_warning_3 = lock(&m);
  n++;
}

void bad_unlock_without_null(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  unlock(lk);
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_null_after_suspension(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  unlock(lk);
  lk = NULL;
}

void bad_only_the_middle_suspension(void) {
  aco_yield();
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  co_yield_ct(); // expect-note {{suspended here by call to 'co_yield_ct'}}
  unlock(lk);
  lk = NULL;
  sched_yield_fiber();
}

void bad_released_on_one_branch(int c) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  if (c) {
    unlock(lk);
    lk = NULL;
  }
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void good_released_on_every_branch(int hit) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_4 = lock(&m);
  if (hit) {
    unlock(no_warning_4);
    no_warning_4 = NULL;
    aco_yield();
  } else {
    n++;
    unlock(no_warning_4);
    no_warning_4 = NULL;
    co_yield_ct();
  }
}

void bad_one_branch_suspends_first(int hit) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  if (hit) {
    unlock(lk);
    lk = NULL;
    aco_yield();
  } else {
    co_yield_ct(); // expect-note {{suspended here by call to 'co_yield_ct'}}
    unlock(lk);
    lk = NULL;
  }
}

void bad_other_variable_nulled(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  pthread_mutex_t *alias = lk;
  alias = NULL;
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  n += alias == NULL;
}
