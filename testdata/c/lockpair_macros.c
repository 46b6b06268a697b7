// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// Lock and unlock calls wrapped in the project's own macros, as in
// "#define LOCK(d) pthread_mutex_lock(&(d)->lock)".  The lock is the
// expression after expansion, so UNLOCK(dev) releases what LOCK(dev)
// took, and so does a direct unlock of the same lock spelled differently
// (parentheses, spaces).  UNLOCK of another object does not.  The warning
// is at the macro's use and names the lock as the expanded lvalue:
// 'dev->lock'.
#include "coro_c_stub.h"
#include "pthread_stub.h"

struct dev {
  pthread_mutex_t lock;
  int n;
};

#define LOCK(d) pthread_mutex_lock(&(d)->lock)
#define UNLOCK(d) pthread_mutex_unlock(&(d)->lock)

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void bad_macro_lock(struct dev *dev) {
  LOCK(dev); // expect-warning {{'dev->lock' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  UNLOCK(dev);
}

void good_macro_unlock_releases(struct dev *dev) {
  LOCK(dev);
  dev->n++;
  UNLOCK(dev);
  aco_yield();
}

void good_direct_unlock_of_macro_lock(struct dev *dev) {
  LOCK(dev);
  dev->n++;
  pthread_mutex_unlock(&dev->lock);
  aco_yield();
}

void good_macro_unlock_of_direct_lock(struct dev *dev) {
  pthread_mutex_lock(&dev->lock);
  dev->n++;
  UNLOCK(dev);
  aco_yield();
}

void good_same_lock_spelled_differently(struct dev *dev) {
  pthread_mutex_lock(&dev->lock);
  pthread_mutex_lock(&mu);
  dev->n++;
  pthread_mutex_unlock(&(dev->lock));
  pthread_mutex_unlock(& mu);
  aco_yield();
}

void bad_macro_unlock_of_other_object(struct dev *dev, struct dev *other) {
  LOCK(dev); // expect-warning {{'dev->lock' of type 'pthread_mutex_t' is held across a suspension point}}
  UNLOCK(other);
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  UNLOCK(dev);
}
