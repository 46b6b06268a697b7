// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// Lock helpers: a function that only takes (or only releases) a lock named
// through its parameter acquires (releases) that lock of its argument in
// the caller.  Helpers that take and release inside are neither.
#include "coro_c_stub.h"
#include "pthread_stub.h"

struct queue {
  pthread_mutex_t mu;
  int n;
};

static void lock_queue(struct queue *q) { pthread_mutex_lock(&q->mu); }
static void unlock_queue(struct queue *q) { pthread_mutex_unlock(&q->mu); }
static void lock_mutex(pthread_mutex_t *m) { pthread_mutex_lock(m); }
static void unlock_mutex(pthread_mutex_t *m) { pthread_mutex_unlock(m); }
static void bump(struct queue *q) {
  pthread_mutex_lock(&q->mu);
  q->n++;
  pthread_mutex_unlock(&q->mu);
}

struct queue g_q;

void bad_helper_lock_then_yield(struct queue *q) {
  lock_queue(q); // expect-warning {{'q->mu' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield();   // expect-note {{suspended here by call to 'aco_yield'}}
  unlock_queue(q);
}

void good_helper_unlock_before_yield(struct queue *q) {
  lock_queue(q);
  q->n++;
  unlock_queue(q);
  aco_yield();
}

void good_direct_lock_helper_unlock(struct queue *q) {
  pthread_mutex_lock(&q->mu);
  q->n++;
  unlock_queue(q);
  aco_yield();
}

void good_address_of_member(void) {
  lock_queue(&g_q);
  unlock_mutex(&g_q.mu);
  aco_yield();
}

void bad_pointer_helper(pthread_mutex_t *m) {
  lock_mutex(m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield();   // expect-note {{suspended here by call to 'aco_yield'}}
  unlock_mutex(m);
}

void good_balanced_helper(struct queue *q) {
  bump(q);
  aco_yield();
}

void bad_other_queue_unlocked(struct queue *a, struct queue *b) {
  lock_queue(a); // expect-warning {{'a->mu' of type}}
  unlock_queue(b);
  aco_yield();   // expect-note {{suspended here by call to 'aco_yield'}}
  unlock_queue(a);
}
