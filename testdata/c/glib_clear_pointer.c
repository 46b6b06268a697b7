// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// Policy: g_clear_pointer(&locker, g_mutex_locker_free) frees the locker
// and sets the variable to NULL, so it releases the g_autoptr guard, like
// g_steal_pointer followed by the free.  Clearing another variable, or
// clearing after the suspension, does not.
#include "coro_c_stub.h"
#include "glib_stub.h"

GMutex m;
int n;

void good_clear_before_yield(void) {
  g_autoptr(GMutexLocker) no_warning_1 = g_mutex_locker_new(&m);
  n++;
  g_clear_pointer(&no_warning_1, g_mutex_locker_free);
  aco_yield();
}

void bad_clear_after_yield(void) {
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&m); // expect-warning {{'locker' of type}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  g_clear_pointer(&locker, g_mutex_locker_free);
}

void bad_clear_other_variable(void) {
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&m); // expect-warning {{'locker' of type}}
  g_autoptr(GBytes) bytes = g_bytes_new("x", 1);
  g_clear_pointer(&bytes, g_bytes_unref);
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}
