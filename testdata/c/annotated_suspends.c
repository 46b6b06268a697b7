// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// SCENARIO 50: a call to a function declared with
// __attribute__((annotate("await_holding::suspends"))) (the
// AWAIT_HOLDING_SUSPENDS macro) is a suspension point, even when its body
// is not visible or reaches the real switch only through a function
// pointer; the note names it.  The annotation counts on any declaration:
// the first, a later redeclaration, or only the definition after the
// call.  A call to an unmarked, unconfigured function is silent, and so
// is one with another annotate string.  A function calling a marked one
// suspends for its callers.  SCENARIO 32: a guard passed into the
// suspending call is reported once.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

struct req {
  void (*switch_to_scheduler)(void);
  int done;
};

AWAIT_HOLDING_SUSPENDS void fiber_park(void);
void fiber_poke(void);
AWAIT_HOLDING_SUSPENDS void cond_wait_fiber(pthread_mutex_t *held);
__attribute__((annotate("await_holding::suspends"))) int wait_io(int fd);
__attribute__((annotate("hot"))) void fast_path(void);

void redeclared_later(void);
AWAIT_HOLDING_SUSPENDS void redeclared_later(void);

void marked_on_definition(void);

AWAIT_HOLDING_SUSPENDS void submit_and_wait(struct req *r) {
  while (!r->done)
    r->switch_to_scheduler();
}

static void wait_twice(void) {
  fiber_park();
  fiber_park();
}

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

void bad_marked_declaration(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  fiber_park(); // expect-note {{suspended here by call to 'fiber_park'}}
}

void bad_attribute_spelled_out(void) {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  n = wait_io(3); // expect-note {{suspended here by call to 'wait_io'}}
  pthread_mutex_unlock(&m);
}

void bad_switch_only_through_pointer(struct req *r) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  submit_and_wait(r); // expect-note {{suspended here by call to 'submit_and_wait'}}
}

void bad_marked_on_redeclaration(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  redeclared_later(); // expect-note {{suspended here by call to 'redeclared_later'}}
}

void bad_marked_on_later_definition(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  marked_on_definition(); // expect-note {{suspended here by call to 'marked_on_definition'}}
}

void bad_caller_of_marked(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  wait_twice(); // expect-note {{suspended here by call that may suspend (wait_twice -> fiber_park)}}
}

void bad_guard_passed_to_suspending_call(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  cond_wait_fiber(lk); // expect-note {{suspended here by call to 'cond_wait_fiber'}}
}

void good_unmarked_and_other_annotation(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
  fiber_poke();
  fast_path();
}

void good_marked_after_release(void) {
  pthread_mutex_lock(&m);
  n++;
  pthread_mutex_unlock(&m);
  fiber_park();
}

AWAIT_HOLDING_SUSPENDS void marked_on_definition(void) { fiber_poke(); }
