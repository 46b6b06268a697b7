// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// Every configured lock-functions pair, not only pthread mutexes:
// pthread spinlocks, read and write locks of a pthread rwlock (two pairs
// sharing one release function), C11 mtx_t and GLib's GMutex.  The type
// in the warning is the lock object's.  A call that is no configured
// acquire (pthread_rwlock_unlock, mtx_init) acquires nothing.
#include "coro_c_stub.h"
#include "glib_stub.h"
#include "pthread_stub.h"

pthread_spinlock_t spin;
pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
mtx_t cm;
GMutex gm;
int n;

void bad_spinlock(void) {
  pthread_spin_lock(&spin); // expect-warning {{'spin' of type 'pthread_spinlock_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_spin_unlock(&spin);
}

void good_spinlock(void) {
  pthread_spin_lock(&spin);
  n++;
  pthread_spin_unlock(&spin);
  aco_yield();
}

void bad_read_lock(void) {
  pthread_rwlock_rdlock(&rw); // expect-warning {{'rw' of type 'pthread_rwlock_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_rwlock_unlock(&rw);
}

void bad_write_lock(void) {
  pthread_rwlock_wrlock(&rw); // expect-warning {{'rw' of type 'pthread_rwlock_t' is held across a suspension point}}
  co_yield_ct(); // expect-note {{suspended here by call to 'co_yield_ct'}}
  pthread_rwlock_unlock(&rw);
}

void good_read_then_write(void) {
  pthread_rwlock_rdlock(&rw);
  n++;
  pthread_rwlock_unlock(&rw);
  aco_yield();
  pthread_rwlock_wrlock(&rw);
  n++;
  pthread_rwlock_unlock(&rw);
}

void bad_c11_mtx(void) {
  if (mtx_lock(&cm) != thrd_success) // expect-warning {{'cm' of type 'mtx_t' is held across a suspension point}}
    return;
  sched_yield_fiber(); // expect-note {{suspended here by call to 'sched_yield_fiber'}}
  mtx_unlock(&cm);
}

void good_c11_mtx(void) {
  mtx_init(&cm, mtx_plain);
  mtx_lock(&cm);
  n++;
  mtx_unlock(&cm);
  sched_yield_fiber();
}

void bad_g_mutex(void) {
  g_mutex_lock(&gm); // expect-warning {{'gm' of type 'GMutex' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  g_mutex_unlock(&gm);
}

void good_g_mutex(void) {
  g_mutex_lock(&gm);
  n++;
  g_mutex_unlock(&gm);
  aco_yield();
}

void good_release_without_acquire(void) {
  pthread_rwlock_unlock(&rw);
  aco_yield();
}
