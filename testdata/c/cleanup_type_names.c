// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// How a cleanup local's type is matched: by the typedef names on the way
// from the declared type (or the pointee type) to the anonymous union, so
// a typedef of pthread_mutex_t matches too.  The attribute may be spelled
// cleanup or __cleanup__, come from a macro, and stand before or after the
// declarator.  The type in the message is the declared one (my_mutex_t *, not
// pthread_mutex_t *).  mtx_t has the same shape as pthread_mutex_t but is another
// type, and is not configured.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

typedef pthread_mutex_t my_mutex_t;
typedef my_mutex_t *my_mutex_ref;

#define auto_unlock __attribute__((__cleanup__(unlockp)))

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
mtx_t cm;
int n;

static inline void mtx_unlockp(mtx_t **p) {
  if (*p)
    mtx_unlock(*p);
}

static inline mtx_t *mtx_take(mtx_t *p) {
  mtx_lock(p);
  return p;
}

void bad_typedef_of_configured_type(void) {
  __attribute__((cleanup(unlockp))) my_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'my_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_typedef_of_pointer(void) {
  __attribute__((cleanup(unlockp))) my_mutex_ref lk = lock(&m); // expect-warning {{'lk' of type 'my_mutex_ref' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_double_underscore_spelling(void) {
  __attribute__((__cleanup__(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_attribute_after_declarator(void) {
  pthread_mutex_t *lk __attribute__((cleanup(unlockp))) = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_attribute_from_macro(void) {
  auto_unlock pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_two_in_one_declaration(void) {
  // The attribute applies to both declarators; the second owns nothing.
  __attribute__((cleanup(unlockp))) pthread_mutex_t *a = lock(&m), *no_warning_3 = NULL; // expect-warning {{'a' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

// mtx_t is not a configured type, so the cleanup variable is no guard;
// but mtx_lock/mtx_unlock is a configured pair and mtx_take() a helper
// that locks its argument, so the lock itself is held across the yield,
// until the cleanup at the end of the scope.
void bad_same_shape_other_type_locked_by_helper(void) {
  __attribute__((cleanup(mtx_unlockp))) mtx_t *no_warning_1 = mtx_take(&cm); // expect-warning {{'cm' of type 'mtx_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void good_same_shape_scope_ended(void) {
  {
    __attribute__((cleanup(mtx_unlockp))) mtx_t *no_warning_4 = mtx_take(&cm);
    n++;
  }
  aco_yield();
}

void good_pointer_to_pointer(pthread_mutex_t **pp) {
  __attribute__((cleanup(freep))) pthread_mutex_t **no_warning_2 = pp;
  aco_yield();
}
