// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// A pointer local initialized with the address of a lock names that lock:
// locking or unlocking through it pairs with the lock named directly.
#include "coro_c_stub.h"
#include "pthread_stub.h"

pthread_mutex_t m, other;

void good_unlocked_through_pointer(void) {
  pthread_mutex_t *p = &m;
  pthread_mutex_lock(&m);
  pthread_mutex_unlock(p);
  aco_yield();
}

void bad_locked_through_pointer(void) {
  pthread_mutex_t *p = &m;
  pthread_mutex_lock(p); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield();           // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&m);
}

void bad_pointer_to_another_lock(void) {
  pthread_mutex_t *p = &other;
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  pthread_mutex_unlock(p);
  aco_yield();            // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&m);
}
