// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// lock pairs on each path: unlocked on one branch only is still held on
// the other; the error-path idiom "if (err) { unlock; return; }" releases
// on the path that returns only; switch cases with fallthrough.
#include "coro_c_stub.h"
#include "pthread_stub.h"

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int n;
int check(void);

void bad_unlock_on_one_branch(int c) {
  pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  if (c)
    pthread_mutex_unlock(&mu);
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void good_unlock_on_every_branch(int c) {
  pthread_mutex_lock(&mu);
  if (c) {
    n++;
    pthread_mutex_unlock(&mu);
    aco_yield();
  } else {
    pthread_mutex_unlock(&mu);
    co_yield_ct();
  }
}

int good_error_path_unlocks_and_returns(void) {
  pthread_mutex_lock(&mu);
  if (check() < 0) {
    pthread_mutex_unlock(&mu);
    return -1;
  }
  n++;
  pthread_mutex_unlock(&mu);
  aco_yield();
  return 0;
}

int bad_error_path_only_unlocks(void) {
  pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  if (check() < 0) {
    pthread_mutex_unlock(&mu);
    return -1;
  }
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&mu);
  return 0;
}

int good_early_return_after_unlock(int c) {
  pthread_mutex_lock(&mu);
  n++;
  pthread_mutex_unlock(&mu);
  if (c)
    return 1;
  aco_yield();
  return 0;
}

void bad_suspension_on_the_locked_branch(int c) {
  pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  if (c) {
    pthread_mutex_unlock(&mu);
    aco_yield();
  } else {
    co_yield_ct(); // expect-note {{suspended here by call to 'co_yield_ct'}}
    pthread_mutex_unlock(&mu);
  }
}

void bad_lock_on_one_branch(int c) {
  if (c)
    pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  if (c)
    pthread_mutex_unlock(&mu);
}

void bad_switch_fallthrough(int k) {
  switch (k) {
  case 0:
    pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
    /* fallthrough */
  case 1:
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
    break;
  }
  if (k == 0)
    pthread_mutex_unlock(&mu);
}

void good_switch_unlock_in_every_case(int k) {
  pthread_mutex_lock(&mu);
  switch (k) {
  case 0:
    n++;
    pthread_mutex_unlock(&mu);
    break;
  default:
    pthread_mutex_unlock(&mu);
    break;
  }
  aco_yield();
}

void good_conditional_operator_unlocks_both_ways(int c) {
  pthread_mutex_lock(&mu);
  c ? pthread_mutex_unlock(&mu) : pthread_mutex_unlock(&mu);
  aco_yield();
}
