// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// The kernel's "if (c) lock(); ... if (c) unlock();" on a condition
// nothing changes in between: the lock is taken and released on the same
// paths.  On a condition that may change, or with the suspension before
// the release, it is reported.
#include "coro_c_stub.h"
#include "pthread_stub.h"

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int n;
int more(void);

void good_conditional_lock(int locked) {
  if (locked)
    pthread_mutex_lock(&mu);
  n++;
  if (locked)
    pthread_mutex_unlock(&mu);
  aco_yield();
}

void bad_condition_changes(int locked) {
  if (locked)
    pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  locked = more();
  if (locked)
    pthread_mutex_unlock(&mu);
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_suspension_before_release(int locked) {
  if (locked)
    pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  if (locked)
    pthread_mutex_unlock(&mu);
}
