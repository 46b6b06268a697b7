// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_kernel.toml
//
// The kernel's guard(mutex)(&m) declares a cleanup local of type
// class_mutex_t with a generated name (__UNIQUE_ID, __COUNTER__); the
// warning shows the macro, 'guard(mutex)', instead of that name.  It is
// held to the end of the enclosing block.  The configuration names the
// typedefs class_mutex_t and class_spinlock_t; it leaves out 'extends', so
// the built-in std pack is in, and must not matter in C.  The type in the
// message is the declared one, class_mutex_t.
#include "cleanup_stub.h"

struct mutex m;
spinlock_t sl;
int n;

void bad_guard_across_msleep(void) {
  guard(mutex)(&m); // expect-warning {{'guard(mutex)' of type 'class_mutex_t' is held across a suspension point}}
  n++;
  msleep(10); // expect-note {{suspended here by call to 'msleep'}}
}

void bad_spinlock_guard_across_schedule(void) {
  guard(spinlock)(&sl); // expect-warning {{'guard(spinlock)' of type 'class_spinlock_t' is held across a suspension point}}
  schedule(); // expect-note {{suspended here by call to 'schedule'}}
}

void bad_two_guards(void) {
  guard(mutex)(&m);     // expect-warning {{'guard(mutex)' of type 'class_mutex_t' is held across a suspension point}}
  guard(spinlock)(&sl); // expect-warning {{'guard(spinlock)' of type 'class_spinlock_t' is held across a suspension point}}
  msleep(1); // expect-note 2 {{suspended here by call to 'msleep'}}
}

void good_guard_in_block(void) {
  {
    guard(mutex)(&m);
    n++;
  }
  msleep(10);
}

int good_guard_in_helper(void) {
  if (n) {
    guard(spinlock)(&sl);
    return n--;
  }
  schedule();
  return 0;
}

void bad_guard_in_loop_body(void) {
  for (int i = 0; i < 3; i++) {
    guard(mutex)(&m); // expect-warning {{'guard(mutex)' of type 'class_mutex_t' is held across a suspension point}}
    msleep(1); // expect-note {{suspended here by call to 'msleep'}}
  }
}

void good_guard_per_iteration(void) {
  for (int i = 0; i < 3; i++) {
    msleep(1);
    guard(mutex)(&m);
    n++;
  }
}
