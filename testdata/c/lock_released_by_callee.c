// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// A callee that releases the caller's lock (named through its
// parameter), suspends, and takes it again -- the kernel's down() ->
// __down_common() (raw_spin_unlock_irq; schedule_timeout;
// raw_spin_lock_irq), a condition wait: the caller's lock is not held at
// a suspension inside it.  A callee that keeps the lock while it
// suspends, or suspends once before letting it go, is reported.
#include "coro_c_stub.h"
#include "pthread_stub.h"

struct sem {
  pthread_mutex_t lock;
  int count;
};

static void wait_released(struct sem *s) {
  pthread_mutex_unlock(&s->lock);
  aco_yield();
  pthread_mutex_lock(&s->lock);
}

static void wait_holding(struct sem *s) {
  s->count++;
  aco_yield();
}

static void wait_then_release(struct sem *s) {
  aco_yield();
  pthread_mutex_unlock(&s->lock);
  aco_yield();
  pthread_mutex_lock(&s->lock);
}

void good_down(struct sem *s) {
  pthread_mutex_lock(&s->lock);
  while (s->count == 0)
    wait_released(s);
  s->count--;
  pthread_mutex_unlock(&s->lock);
}

void good_down_by_address(struct sem *s) {
  struct sem local = *s;
  pthread_mutex_lock(&local.lock);
  wait_released(&local);
  pthread_mutex_unlock(&local.lock);
}

void bad_callee_holds_it(struct sem *s) {
  pthread_mutex_lock(&s->lock); // expect-warning {{'s->lock' of type 'pthread_mutex_t' is held across a suspension point}}
  wait_holding(s);              // expect-note {{suspended here by call that may suspend (wait_holding -> aco_yield)}}
  pthread_mutex_unlock(&s->lock);
}

void bad_callee_suspends_before_letting_go(struct sem *s) {
  pthread_mutex_lock(&s->lock); // expect-warning {{'s->lock' of type 'pthread_mutex_t' is held across a suspension point}}
  wait_then_release(s);         // expect-note {{suspended here by call that may suspend (wait_then_release -> aco_yield)}}
  pthread_mutex_unlock(&s->lock);
}

void bad_other_lock_held(struct sem *a, struct sem *b) {
  pthread_mutex_lock(&a->lock); // expect-warning {{'a->lock' of type 'pthread_mutex_t' is held across a suspension point}}
  pthread_mutex_lock(&b->lock);
  wait_released(b);             // expect-note {{suspended here by call that may suspend (wait_released -> aco_yield)}}
  pthread_mutex_unlock(&b->lock);
  pthread_mutex_unlock(&a->lock);
}

/*
 * Through a callee that does it: rcu_pending's process_finished_items()
 * calls __process_finished_items(), which unlocks its caller's p->lock
 * and then may sleep; the work loop takes the lock again each round.
 */
static void finish_unlocked(struct sem *s)
{
  pthread_mutex_unlock(&s->lock);
  aco_yield();
}

static int process(struct sem *s)
{
  if (s->count) {
    finish_unlocked(s);
    return 1;
  }
  return 0;
}

static int process_late(struct sem *s)
{
  aco_yield();
  return process(s);
}

void good_work_loop(struct sem *s)
{
  do {
    pthread_mutex_lock(&s->lock);
  } while (process(s));
  pthread_mutex_unlock(&s->lock);
}

void bad_work_loop(struct sem *s)
{
  do {
    pthread_mutex_lock(&s->lock); // expect-warning {{'s->lock' of type 'pthread_mutex_t' is held across a suspension point}}
  } while (process_late(s));      // expect-note {{suspended here by call that may suspend (process_late -> aco_yield)}}
  pthread_mutex_unlock(&s->lock);
}
