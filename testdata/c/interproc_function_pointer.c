// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// Calls through function pointers are not followed: the callee is unknown,
// so they are silent, also when every possible target suspends.  A direct
// call to the same function is followed.  Taking a suspending function's
// address is not a call.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

struct ops {
  void (*wait)(void);
};

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
void (*hook)(void);

static void park(void) { aco_yield(); }

static const struct ops default_ops = { .wait = park };

void good_call_through_pointer(void (*fn)(void)) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
  fn();
  hook();
}

void good_call_through_ops_table(const struct ops *o) {
  pthread_mutex_lock(&m);
  o->wait();
  default_ops.wait();
  pthread_mutex_unlock(&m);
}

void good_address_taken(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_2 = lock(&m);
  hook = park;
  hook = &aco_yield;
}

void bad_direct_call(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  park(); // expect-note {{suspended here by call that may suspend (park -> aco_yield)}}
}
