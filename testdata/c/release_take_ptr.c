// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// systemd's TAKE_PTR(p) returns p and sets it to NULL: it releases the
// guard (SCENARIO 15).  The pointer taken out is an ordinary pointer unless
// it goes into another cleanup local, which is then the guard.  TAKE_PTR
// of a different variable does not release this one.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t m2 = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t *handed_over;
int n;

void good_unlock_take_ptr(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
  n++;
  unlock(TAKE_PTR(no_warning_1));
  aco_yield();
}

void good_take_ptr_into_plain_pointer(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_2 = lock(&m);
  pthread_mutex_t *no_warning_3 = TAKE_PTR(no_warning_2);
  unlock(no_warning_3);
  aco_yield();
}

void good_take_ptr_into_global(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_4 = lock(&m);
  handed_over = TAKE_PTR(no_warning_4);
  aco_yield();
}

pthread_mutex_t *good_take_ptr_returned(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_5 = lock(&m);
  if (n)
    return TAKE_PTR(no_warning_5);
  n++;
  return NULL;
}

void bad_take_ptr_into_another_guard(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_6 = lock(&m);
  _cleanup_(unlockp) pthread_mutex_t *lk2 = TAKE_PTR(no_warning_6); // expect-warning {{'lk2' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_take_ptr_after_suspension(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  unlock(TAKE_PTR(lk));
}

void bad_take_ptr_of_another_variable(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m);            // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  _cleanup_(unlockp) pthread_mutex_t *no_warning_7 = lock(&m2);
  unlock(TAKE_PTR(no_warning_7));
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_take_ptr_on_one_branch(int c) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  if (c)
    unlock(TAKE_PTR(lk));
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}
