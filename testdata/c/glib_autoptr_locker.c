// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_glib.toml
//
// GLib: g_autoptr(GMutexLocker) declares a GMutexLocker_autoptr (a typedef
// of GMutexLocker *, made by token pasting) with a pasted cleanup function.
// It is matched through the typedef names: GMutexLocker_autoptr, then the
// pointee GMutexLocker.  GMutexLocker is a typedef of void, so a plain
// void * or gpointer cleanup local has the same canonical type but is not
// a guard; g_autoptr of another type is not one either.  SCENARIO 16: the
// configured reason follows the warning.
#include "coro_c_stub.h"
#include "glib_stub.h"

GMutex m;
int n;

void bad_locker_across_yield(void) {
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&m); // expect-warning {{'locker' of type 'GMutexLocker_autoptr' is held across a suspension point}}
  // expect-note@-1 {{reason: the GMutex stays locked while the coroutine is parked; free the locker (or g_steal_pointer it) before yielding}}
  n++;
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_plain_pointer_to_locker(void) {
  __attribute__((cleanup(glib_autoptr_cleanup_GMutexLocker))) GMutexLocker *locker = g_mutex_locker_new(&m); // expect-warning {{'locker' of type 'GMutexLocker *' is held across a suspension point}}
  // expect-note@-1 {{reason: the GMutex stays locked}}
  sched_yield_fiber(); // expect-note {{suspended here by call to 'sched_yield_fiber'}}
}

void good_locker_in_block(void) {
  {
    g_autoptr(GMutexLocker) no_warning_1 = g_mutex_locker_new(&m);
    n++;
  }
  aco_yield();
}

void good_other_autoptr(void) {
  g_autoptr(GBytes) no_warning_2 = g_bytes_new("x", 1);
  aco_yield();
}

void good_void_pointer_same_canonical_type(void) {
  g_autofree void *no_warning_3 = (void *)&m;
  g_autofree gpointer no_warning_4 = NULL;
  aco_yield();
}

void good_locker_null(void) {
  g_autoptr(GMutexLocker) no_warning_5 = NULL;
  aco_yield();
}
