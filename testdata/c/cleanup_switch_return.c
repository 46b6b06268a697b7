// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// switch and return with cleanup guards.  A guard in a case's own block
// ends with the block.  A return leaves every scope, so the guard is not
// held on the path that returned, but is on the path that did not.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

void good_guard_in_case_block(int k) {
  switch (k) {
  case 0: {
    _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
    n++;
    break;
  }
  case 1:
    aco_yield();
    break;
  }
  aco_yield();
}

void bad_suspension_in_case_block(int k) {
  switch (k) {
  case 0: {
    _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
    break;
  }
  default:
    break;
  }
}

void bad_guard_around_switch(int k) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  switch (k) {
  case 0:
    unlock(lk);
    lk = NULL;
    /* fallthrough */
  case 1:
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
    break;
  }
}

void good_release_in_every_case(int k) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_2 = lock(&m);
  switch (k) {
  case 0:
    n++;
    unlock(no_warning_2);
    no_warning_2 = NULL;
    break;
  default:
    unlock(no_warning_2);
    no_warning_2 = NULL;
    break;
  }
  aco_yield();
}

void good_early_return(int err) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_3 = lock(&m);
  if (err)
    return;
  unlock(no_warning_3);
  no_warning_3 = NULL;
  aco_yield();
}

int bad_return_on_one_path_only(int err) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  if (err)
    return -1;
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  return 0;
}

int good_suspension_in_return_after_release(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_4 = lock(&m);
  n++;
  unlock(no_warning_4);
  no_warning_4 = NULL;
  return yield();
}
