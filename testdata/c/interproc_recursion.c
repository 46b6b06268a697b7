// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// Recursion must not hang the call-graph walk.  A recursive function that
// reaches a suspend function suspends (also through mutual recursion); one
// that never does is silent.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

static int fib(int k) { return k < 2 ? k : fib(k - 1) + fib(k - 2); }

static void drain(int k) {
  if (k == 0) {
    aco_yield();
    return;
  }
  drain(k - 1);
}

static void pong(int k);
static void ping(int k) {
  if (k)
    pong(k - 1);
}
static void pong(int k) {
  if (k)
    ping(k - 1);
  else
    sched_yield_fiber();
}

static void even(int k);
static void odd(int k) {
  if (k)
    even(k - 1);
}
static void even(int k) {
  if (k)
    odd(k - 1);
}

void good_recursion_without_suspension(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
  n = fib(10);
  odd(n);
}

void bad_self_recursion(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  drain(3); // expect-note {{suspended here by call that may suspend (drain -> aco_yield)}}
}

void bad_mutual_recursion(void) {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  ping(4); // expect-note {{suspended here by call that may suspend (ping -> pong -> sched_yield_fiber)}}
  pthread_mutex_unlock(&m);
}
