// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_types_only.toml
//
// Lock pairs come from lock-functions only.  With a configuration that
// lists pthread_mutex_t as a guard type but no lock-functions,
// pthread_mutex_lock()/unlock() calls are not tracked, even though
// pthread_mutex_t is configured; cleanup guards of that type still are.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int n;

void good_pair_not_configured(void) {
  pthread_mutex_lock(&mu);
  aco_yield();
  pthread_mutex_unlock(&mu);
}

void bad_cleanup_guard_still_checked(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&mu); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}
