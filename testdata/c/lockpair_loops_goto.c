// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// lock pairs in loops and with goto.  The kernel-style "goto out" idiom
// unlocks once at the label: a suspension after the label is not reported,
// one between the lock and the jump is.  A jump to a label after the
// unlock skips the release.  In a loop, a continue or break that skips
// the unlock carries the lock to the next suspension.
#include "coro_c_stub.h"
#include "pthread_stub.h"

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int n;
int prepare(void);
int more(void);

int good_goto_out_unlocks(void) {
  int err = 0;
  pthread_mutex_lock(&mu);
  if (prepare() < 0) {
    err = -1;
    goto out;
  }
  n++;
out:
  pthread_mutex_unlock(&mu);
  aco_yield();
  return err;
}

int bad_suspension_before_goto_out(void) {
  int err = 0;
  pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  if (prepare() < 0) {
    err = -1;
    goto out;
  }
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
out:
  pthread_mutex_unlock(&mu);
  return err;
}

int bad_goto_skips_unlock(void) {
  pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  if (prepare() < 0)
    goto out_unlocked;
  n++;
  pthread_mutex_unlock(&mu);
out_unlocked:
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  return 0;
}

void good_unwind_labels(pthread_mutex_t *a, pthread_mutex_t *b) {
  pthread_mutex_lock(a);
  if (prepare() < 0)
    goto out_a;
  pthread_mutex_lock(b);
  if (prepare() < 0)
    goto out_b;
  n++;
out_b:
  pthread_mutex_unlock(b);
out_a:
  pthread_mutex_unlock(a);
  aco_yield();
}

void good_lock_per_iteration(void) {
  while (more()) {
    pthread_mutex_lock(&mu);
    n++;
    pthread_mutex_unlock(&mu);
    aco_yield();
  }
}

void bad_lock_around_loop(void) {
  pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  for (int i = 0; i < n; i++)
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&mu);
}

void bad_continue_skips_unlock(void) {
  while (more()) {
    aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
    pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
    if (n)
      continue;
    pthread_mutex_unlock(&mu);
  }
}

void bad_break_skips_unlock(void) {
  while (more()) {
    pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
    if (n)
      break;
    pthread_mutex_unlock(&mu);
  }
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_backward_goto_retry(void) {
retry:
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  if (prepare() < 0)
    goto retry;
  pthread_mutex_unlock(&mu);
}

void good_backward_goto_after_unlock(void) {
retry:
  aco_yield();
  pthread_mutex_lock(&mu);
  if (prepare() < 0) {
    pthread_mutex_unlock(&mu);
    goto retry;
  }
  pthread_mutex_unlock(&mu);
}
