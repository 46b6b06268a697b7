// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_trylock.toml
//
// Policy: a trylock listed as an acquire in lock-functions counts as held
// after the call whatever it returned, as std::try_to_lock does in C++
// (lock-functions has no way to say which result means success).  Held on
// the success branch: reported.  Released on the success branch before
// the failure branch returns: silent.  (The retry loop
// "while (pthread_mutex_trylock(&mu) != 0) aco_yield();" would be reported
// under this config; c_coro.toml does not list the trylocks, see
// lockpair_trylock_unlisted.c.)
#include "coro_c_stub.h"
#include "pthread_stub.h"

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
mtx_t cm;
int n;

void bad_held_on_success_branch(void) {
  if (pthread_mutex_trylock(&mu) == 0) { // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
    pthread_mutex_unlock(&mu);
  }
}

void bad_result_ignored(void) {
  pthread_mutex_trylock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&mu);
}

void bad_c11_trylock(void) {
  if (mtx_trylock(&cm) != thrd_success) // expect-warning {{'cm' of type 'mtx_t' is held across a suspension point}}
    return;
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  mtx_unlock(&cm);
}

void good_failure_returns_success_unlocks(void) {
  if (pthread_mutex_trylock(&mu) != 0)
    return;
  n++;
  pthread_mutex_unlock(&mu);
  aco_yield();
}

void good_plain_lock_pair_still_works(void) {
  pthread_mutex_lock(&mu);
  n++;
  pthread_mutex_unlock(&mu);
  aco_yield();
}
