// pthread_stub.h - POSIX and C11 locks, shaped like glibc's.
//
// Stand-in for <pthread.h> and <threads.h> so that the C cases do not
// depend on the host's C library.  As in glibc, pthread_mutex_t and
// pthread_rwlock_t are typedefs of anonymous unions and mtx_t is a typedef
// of a union: the checker must name them by their typedef, since the type
// itself has no name.
#ifndef AWAIT_HOLDING_TESTDATA_C_PTHREAD_STUB_H
#define AWAIT_HOLDING_TESTDATA_C_PTHREAD_STUB_H

#ifndef NULL
#define NULL ((void *)0)
#endif

struct __pthread_mutex_s {
  int __lock;
  unsigned int __count;
  int __owner;
  int __kind;
};

typedef union {
  struct __pthread_mutex_s __data;
  char __size[40];
  long int __align;
} pthread_mutex_t;

typedef union {
  char __size[4];
  int __align;
} pthread_mutexattr_t;

#define PTHREAD_MUTEX_INITIALIZER { { 0, 0, 0, 0 } }

int pthread_mutex_init(pthread_mutex_t *mutex, const pthread_mutexattr_t *attr);
int pthread_mutex_destroy(pthread_mutex_t *mutex);
int pthread_mutex_lock(pthread_mutex_t *mutex);
int pthread_mutex_trylock(pthread_mutex_t *mutex);
int pthread_mutex_unlock(pthread_mutex_t *mutex);

typedef volatile int pthread_spinlock_t;

int pthread_spin_init(pthread_spinlock_t *lock, int pshared);
int pthread_spin_lock(pthread_spinlock_t *lock);
int pthread_spin_trylock(pthread_spinlock_t *lock);
int pthread_spin_unlock(pthread_spinlock_t *lock);

typedef union {
  char __size[56];
  long int __align;
} pthread_rwlock_t;

#define PTHREAD_RWLOCK_INITIALIZER { { 0 } }

int pthread_rwlock_rdlock(pthread_rwlock_t *rwlock);
int pthread_rwlock_wrlock(pthread_rwlock_t *rwlock);
int pthread_rwlock_unlock(pthread_rwlock_t *rwlock);

// <threads.h>
typedef union {
  char __size[40];
  long int __align;
} mtx_t;

enum { thrd_success = 0, thrd_busy = 1, thrd_error = 2 };
enum { mtx_plain = 0, mtx_recursive = 1, mtx_timed = 2 };

int mtx_init(mtx_t *mtx, int type);
int mtx_lock(mtx_t *mtx);
int mtx_trylock(mtx_t *mtx);
int mtx_unlock(mtx_t *mtx);
void mtx_destroy(mtx_t *mtx);

#endif
