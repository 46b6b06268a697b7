// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// c_coro.toml lists pthread_mutex_lock but not pthread_mutex_trylock: a
// trylock acquires nothing, so the common coroutine idiom of retrying the
// trylock after a yield is silent, and an unlock after it releases
// nothing (there is nothing to release).  A plain lock taken in the same
// function is still tracked.
#include "coro_c_stub.h"
#include "pthread_stub.h"

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int n;

void good_retry_after_yield(void) {
  while (pthread_mutex_trylock(&mu) != 0)
    aco_yield();
  n++;
  pthread_mutex_unlock(&mu);
}

void good_trylock_then_unlock(void) {
  if (pthread_mutex_trylock(&mu) == 0) {
    n++;
    pthread_mutex_unlock(&mu);
  }
  aco_yield();
}

void bad_lock_after_failed_trylock(void) {
  if (pthread_mutex_trylock(&mu) != 0)
    pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&mu);
}
