// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// g_steal_pointer(&locker) returns the locker and sets the variable to
// NULL (GLib defines it as a function wrapped by a macro of the same
// name): it releases the g_autoptr guard.  Stealing another variable does
// not.  Stolen on one branch only, the guard is still held on the other.
#include "coro_c_stub.h"
#include "glib_stub.h"

GMutex m;
GMutexLocker *kept;
int n;

void good_steal_and_free(void) {
  g_autoptr(GMutexLocker) no_warning_1 = g_mutex_locker_new(&m);
  n++;
  g_mutex_locker_free(g_steal_pointer(&no_warning_1));
  aco_yield();
}

void good_steal_into_global(void) {
  g_autoptr(GMutexLocker) no_warning_2 = g_mutex_locker_new(&m);
  kept = g_steal_pointer(&no_warning_2);
  aco_yield();
}

GMutexLocker *good_steal_returned(void) {
  g_autoptr(GMutexLocker) no_warning_3 = g_mutex_locker_new(&m);
  n++;
  return g_steal_pointer(&no_warning_3);
}

void bad_steal_after_yield(void) {
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&m); // expect-warning {{'locker' of type}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  g_mutex_locker_free(g_steal_pointer(&locker));
}

void bad_steal_other_variable(void) {
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&m); // expect-warning {{'locker' of type}}
  g_autoptr(GBytes) bytes = g_bytes_new("x", 1);
  g_bytes_unref(g_steal_pointer(&bytes));
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_steal_on_one_branch(int c) {
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&m); // expect-warning {{'locker' of type}}
  if (c)
    g_mutex_locker_free(g_steal_pointer(&locker));
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_steal_into_another_guard(void) {
  g_autoptr(GMutexLocker) no_warning_4 = g_mutex_locker_new(&m);
  g_autoptr(GMutexLocker) moved = g_steal_pointer(&no_warning_4); // expect-warning {{'moved' of type}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}
