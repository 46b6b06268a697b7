// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// suspend-macros: an expansion of a listed macro is a suspension point,
// whatever it expands to (here a call of an unlisted function), for a
// function-like or an object-like macro and when it is expanded inside
// another macro.  The note names the listed macro.  A macro that is not
// listed, one whose name only starts like it, and a mention in #ifdef are
// not expansions of it.  A function that expands it suspends for its
// callers.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

void fiber_switch(int to);
void fiber_poke(void);

#define YIELD_NOW() fiber_switch(0)
#define RESCHEDULE() YIELD_NOW()
#define YIELD_NOW_IF_NEEDED() fiber_poke()

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

static void give_way(void) { YIELD_NOW(); }

void bad_macro(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  YIELD_NOW(); // expect-note {{suspended here by macro 'YIELD_NOW'}}
}

void bad_macro_inside_macro(void) {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  RESCHEDULE(); // expect-note {{suspended here by macro 'YIELD_NOW'}}
  pthread_mutex_unlock(&m);
}

void bad_function_expanding_macro(void) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  give_way(); // expect-note {{suspended here by call that may suspend (give_way -> YIELD_NOW)}}
}

void good_unlisted_function_without_macro(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
  fiber_switch(0);
  YIELD_NOW_IF_NEEDED();
#ifdef YIELD_NOW
  n++;
#endif
}

void good_macro_after_unlock(void) {
  pthread_mutex_lock(&m);
  n++;
  pthread_mutex_unlock(&m);
  YIELD_NOW();
}
