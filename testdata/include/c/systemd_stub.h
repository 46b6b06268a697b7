// systemd_stub.h - systemd's cleanup macros (src/fundamental/macro-fundamental.h
// and src/basic/alloc-util.h) and a lock helper in their style.
//
// _cleanup_(f) is the cleanup attribute; TAKE_PTR(p) is a statement
// expression that returns p and sets it to NULL, so the cleanup function
// sees NULL and does nothing.  lock() takes a mutex and returns it, for
// "_cleanup_(unlockp) pthread_mutex_t *lk = lock(&m);".
#ifndef AWAIT_HOLDING_TESTDATA_C_SYSTEMD_STUB_H
#define AWAIT_HOLDING_TESTDATA_C_SYSTEMD_STUB_H

#include "pthread_stub.h"

void free(void *p);
void *malloc(unsigned long n);

#define _cleanup_(x) __attribute__((__cleanup__(x)))
#define _unused_ __attribute__((__unused__))

static inline void freep(void *p) { free(*(void **)p); }
#define _cleanup_free_ _cleanup_(freep)

#define TAKE_PTR(ptr)                                                          \
  ({                                                                           \
    __typeof__(ptr) *_pptr_ = &(ptr);                                          \
    __typeof__(ptr) _ptr_ = *_pptr_;                                           \
    *_pptr_ = NULL;                                                            \
    _ptr_;                                                                     \
  })

static inline pthread_mutex_t *lock(pthread_mutex_t *m) {
  pthread_mutex_lock(m);
  return m;
}

static inline void unlock(pthread_mutex_t *m) { pthread_mutex_unlock(m); }

static inline void unlockp(pthread_mutex_t **m) {
  if (*m)
    pthread_mutex_unlock(*m);
}

// systemd's own names (src/basic/pthread-util.h)
static inline pthread_mutex_t *pthread_mutex_lock_assert(pthread_mutex_t *mutex) {
  pthread_mutex_lock(mutex);
  return mutex;
}

static inline void pthread_mutex_unlock_assertp(pthread_mutex_t **mutexp) {
  if (*mutexp)
    pthread_mutex_unlock(*mutexp);
}

#endif
