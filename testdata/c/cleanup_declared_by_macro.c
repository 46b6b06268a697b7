// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// A cleanup guard declared by a project macro is found at the macro's use.
// When the macro takes the variable's name as an argument, the warning
// names the variable; when the name is fixed inside the macro, the
// spelling of the name in the message is left open here.  The guard's
// scope is the block the macro is used in.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

#define AUTO_LOCK(name, m) _cleanup_(unlockp) pthread_mutex_t *name = lock(m)
#define LOCKED_SCOPE(m) _cleanup_(unlockp) pthread_mutex_t *_lk_ = lock(m)

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
int n;

void bad_named_by_argument(void) {
  AUTO_LOCK(lk, &mu); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_name_inside_macro(void) {
  LOCKED_SCOPE(&mu); // expect-warning {{of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void good_macro_guard_in_block(void) {
  {
    LOCKED_SCOPE(&mu);
    n++;
  }
  aco_yield();
}

void good_released_by_name(void) {
  AUTO_LOCK(no_warning_1, &mu);
  n++;
  unlock(no_warning_1);
  no_warning_1 = NULL;
  aco_yield();
}
