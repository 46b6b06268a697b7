// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// lock-functions pairs: pthread_mutex_lock(&mu) acquires 'mu' until
// pthread_mutex_unlock(&mu) on the same path.  The warning is at the
// acquire call and names the lock by the argument as written, without a
// leading '&' (&mu is 'mu', a pointer argument p is 'p'), with the type of
// the lock object.  One warning
// per acquire call that is held across a suspension, listing all of them.
// An acquire whose result is checked in a condition still acquires.
#include "coro_c_stub.h"
#include "pthread_stub.h"

struct device {
  pthread_mutex_t lock;
  int pending;
};

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int n;

void bad_lock_yield_unlock(void) {
  pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  n++;
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&mu);
}

void good_unlock_before_yield(void) {
  pthread_mutex_lock(&mu);
  n++;
  pthread_mutex_unlock(&mu);
  aco_yield();
}

void good_yield_before_lock(void) {
  aco_yield();
  pthread_mutex_lock(&mu);
  n++;
  pthread_mutex_unlock(&mu);
}

void bad_member_lock(struct device *dev) {
  pthread_mutex_lock(&dev->lock); // expect-warning {{'dev->lock' of type 'pthread_mutex_t' is held across a suspension point}}
  dev->pending++;
  co_yield_ct(); // expect-note {{suspended here by call to 'co_yield_ct'}}
  pthread_mutex_unlock(&dev->lock);
}

void bad_lock_through_pointer(pthread_mutex_t *p) {
  pthread_mutex_lock(p); // expect-warning {{'p' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(p);
}

void bad_one_warning_two_suspensions(void) {
  pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield();         // expect-note {{suspended here by call to 'aco_yield'}}
  n++;
  sched_yield_fiber(); // expect-note {{suspended here by call to 'sched_yield_fiber'}}
  pthread_mutex_unlock(&mu);
}

void bad_never_unlocked(void) {
  pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

int bad_checked_acquire(void) {
  if (pthread_mutex_lock(&mu) != 0) // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
    return -1;
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&mu);
  return 0;
}

void bad_each_acquire_call_site(int c) {
  if (c)
    pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  else
    pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield(); // expect-note 2 {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&mu);
}

void good_relock_after_yield(struct device *dev) {
  pthread_mutex_lock(&dev->lock);
  dev->pending = 0;
  pthread_mutex_unlock(&dev->lock);
  aco_yield();
  pthread_mutex_lock(&dev->lock);
  dev->pending++;
  pthread_mutex_unlock(&dev->lock);
}
