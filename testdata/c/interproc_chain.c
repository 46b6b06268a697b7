// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// A function that may reach a suspend function through calls suspends
// too.  A guard or lock held across a call to it is reported at that
// call, with the chain of calls from the called function to the suspend
// function (depth 1, 2 and 3).  Suspending on some paths only is enough.
// A function that only calls functions that do not suspend is silent.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

struct queue {
  int len, cap;
};

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

void wait_for_room(struct queue *q) {
  while (q->len == q->cap)
    aco_yield();
}

void push_slowly(struct queue *q, int v) {
  wait_for_room(q);
  q->len += v;
}

void enqueue(struct queue *q, int v) {
  if (v > 0)
    push_slowly(q, v);
}

int count(const struct queue *q) { return q->len; }

int total(const struct queue *q) { return count(q) + n; }

void bad_depth_1(struct queue *q) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  wait_for_room(q); // expect-note {{suspended here by call that may suspend (wait_for_room -> aco_yield)}}
}

void bad_depth_2(struct queue *q) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  push_slowly(q, 1); // expect-note {{suspended here by call that may suspend (push_slowly -> wait_for_room -> aco_yield)}}
}

void bad_depth_3_lock_pair(struct queue *q) {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  enqueue(q, 1); // expect-note {{suspended here by call that may suspend (enqueue -> push_slowly -> wait_for_room -> aco_yield)}}
  pthread_mutex_unlock(&m);
}

void good_non_suspending_callees(struct queue *q) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
  n = total(q) + count(q);
}

void good_suspending_call_after_release(struct queue *q) {
  pthread_mutex_lock(&m);
  n = total(q);
  pthread_mutex_unlock(&m);
  push_slowly(q, n);
}

void bad_direct_and_indirect(struct queue *q) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  wait_for_room(q); // expect-note {{suspended here by call that may suspend (wait_for_room -> aco_yield)}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}
