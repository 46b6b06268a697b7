// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// An object-like macro listed in suspend-macros is a suspension point
// where it is expanded, also as a statement-expression macro.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

int fiber_park(void);

#define YIELD_NOW ({ int r_ = fiber_park(); r_; })

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

void bad_object_like(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  n += YIELD_NOW; // expect-note {{suspended here by macro 'YIELD_NOW'}}
}

void good_object_like_in_block(void) {
  {
    _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
    n++;
  }
  n += YIELD_NOW;
}
