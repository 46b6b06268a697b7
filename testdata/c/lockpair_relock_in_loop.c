// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// A lock re-taken at the end of a loop body and released at the start of
// the next iteration (the kernel's "drop the lock around the slow part"):
// the release reached through the back edge ends the acquire at the end
// of the body.  Pairing follows the flow graph, not source order, in
// while, do and for loops alike.  A suspension after the re-lock, or on a
// path that keeps the lock, is still reported.
#include "coro_c_stub.h"
#include "pthread_stub.h"

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int n;
int more(void);

void good_relock_at_end_of_while(void) {
  pthread_mutex_lock(&mu);
  while (more()) {
    pthread_mutex_unlock(&mu);
    aco_yield();
    pthread_mutex_lock(&mu);
    n++;
  }
  pthread_mutex_unlock(&mu);
}

void good_relock_at_end_of_do(void) {
  pthread_mutex_lock(&mu);
  do {
    pthread_mutex_unlock(&mu);
    aco_yield();
    pthread_mutex_lock(&mu);
  } while (more());
  pthread_mutex_unlock(&mu);
}

void good_relock_at_end_of_for(void) {
  pthread_mutex_lock(&mu);
  for (int i = 0; i < n; i++) {
    pthread_mutex_unlock(&mu);
    aco_yield();
    pthread_mutex_lock(&mu);
  }
  pthread_mutex_unlock(&mu);
}

void bad_suspension_after_relock(void) {
  pthread_mutex_lock(&mu);
  while (more()) {
    pthread_mutex_unlock(&mu);
    n++;
    pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
    aco_yield();             // expect-note {{suspended here by call to 'aco_yield'}}
  }
  pthread_mutex_unlock(&mu);
}

void bad_suspension_on_a_path_that_keeps_it(void) {
  pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  while (more()) {
    if (n > 3) {
      aco_yield(); // expect-note 2 {{suspended here by call to 'aco_yield'}}
      continue;
    }
    pthread_mutex_unlock(&mu);
    aco_yield();
    pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  }
  pthread_mutex_unlock(&mu);
}
