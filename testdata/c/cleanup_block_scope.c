// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// SCENARIO 14: the cleanup function runs when the guard's block ends, so a
// suspension after the block is not reported.  SCENARIO 7: a guard whose
// block contains one suspension and is followed by another is reported
// with the inner one only.  A guard taken and dropped inside a helper
// function (the C form of scenario 39's locking lambda) is not held in the
// caller.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

void good_block_ends_before_suspension(void) {
  {
    __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_1 = lock(&m);
    n++;
  }
  aco_yield();
}

void good_two_blocks_around_suspension(void) {
  {
    __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_2 = lock(&m);
    n++;
  }
  aco_yield();
  {
    __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_3 = lock(&m);
    n--;
  }
}

void good_guard_after_last_suspension(void) {
  aco_yield();
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_4 = lock(&m);
  n++;
}

void bad_suspension_inside_block(int ch) {
  int v;
  {
    __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
    v = chrecv(ch, &n, sizeof n, -1); // expect-note {{suspended here by call to 'chrecv'}}
  }
  aco_yield();
  n += v;
}

void bad_outer_guard_inner_block_suspends(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  {
    n++;
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  }
}

static int take_locked(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *no_warning_5 = lock(&m);
  return n--;
}

void good_guard_inside_helper(void) {
  while (take_locked() > 0)
    aco_yield();
}
