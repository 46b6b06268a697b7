// verify-args: -std=gnu11 -I ../include/c -I ../../include
// verify-config: ../configs/c_coro.toml
//
// The shipped header's function annotation in C: a call to an annotated
// function, or to one that reaches it, suspends.
#include "await_holding.h"
#include "coro_c_stub.h"
#include "pthread_stub.h"

AWAIT_HOLDING_SUSPENDS void park_fiber(void);
static void wait_turn(void) { park_fiber(); }

pthread_mutex_t m;

void bad_lock_across_annotated(void) {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  wait_turn();            // expect-note {{suspended here by call that may suspend (wait_turn -> park_fiber)}}
  pthread_mutex_unlock(&m);
}

void good_unlocked_first(void) {
  pthread_mutex_lock(&m);
  pthread_mutex_unlock(&m);
  wait_turn();
}
