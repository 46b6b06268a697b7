// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// Several locks.  Each acquire is tracked on its own: unlocking a
// different lock (another variable, another member, another pointer) does
// not release it.  Nested locks held together across a suspension give one
// warning each; hand-over-hand locking releases the outer one first.
#include "coro_c_stub.h"
#include "pthread_stub.h"

struct node {
  pthread_mutex_t lock;
  struct node *next;
};

pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
int n;

void bad_unlock_other_lock(void) {
  pthread_mutex_lock(&a); // expect-warning {{'a' of type 'pthread_mutex_t' is held across a suspension point}}
  pthread_mutex_unlock(&b);
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_unlock_other_member(struct node *x) {
  pthread_mutex_lock(&x->lock); // expect-warning {{'x->lock' of type 'pthread_mutex_t' is held across a suspension point}}
  pthread_mutex_unlock(&x->next->lock);
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&x->lock);
}

void bad_nested_both_held(void) {
  pthread_mutex_lock(&a); // expect-warning {{'a' of type 'pthread_mutex_t' is held across a suspension point}}
  pthread_mutex_lock(&b); // expect-warning {{'b' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield(); // expect-note 2 {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
}

void bad_inner_released_outer_held(void) {
  pthread_mutex_lock(&a); // expect-warning {{'a' of type 'pthread_mutex_t' is held across a suspension point}}
  pthread_mutex_lock(&b);
  n++;
  pthread_mutex_unlock(&b);
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&a);
}

void good_nested_released_in_any_order(void) {
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  n++;
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  aco_yield();
}

void bad_hand_over_hand_keeps_one(struct node *x) {
  pthread_mutex_lock(&x->lock);
  pthread_mutex_lock(&x->next->lock); // expect-warning {{'x->next->lock' of type 'pthread_mutex_t' is held across a suspension point}}
  pthread_mutex_unlock(&x->lock);
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&x->next->lock);
}

void good_hand_over_hand_released(struct node *x) {
  pthread_mutex_lock(&x->lock);
  pthread_mutex_lock(&x->next->lock);
  pthread_mutex_unlock(&x->lock);
  n++;
  pthread_mutex_unlock(&x->next->lock);
  aco_yield();
}
