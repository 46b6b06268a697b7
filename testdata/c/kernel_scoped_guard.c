// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_kernel.toml
//
// scoped_guard(mutex, &m) { ... } is a for loop whose init declares the
// guard (named 'scope'); it is held in the body and released when the
// loop ends, also by break.  The warning shows the macro as written.  The
// loop's other variable, 'done', points to a class_mutex_t but has no
// cleanup, so it is not a guard.
#include "cleanup_stub.h"

struct mutex m;
spinlock_t sl;
int n;

void bad_suspension_in_body(void) {
  scoped_guard(mutex, &m) { // expect-warning {{'scoped_guard(mutex, &m)' of type 'class_mutex_t' is held across a suspension point}}
    n++;
    msleep(10); // expect-note {{suspended here by call to 'msleep'}}
  }
}

void bad_statement_body(void) {
  scoped_guard(spinlock, &sl) // expect-warning {{'scoped_guard(spinlock, &sl)' of type 'class_spinlock_t' is held across a suspension point}}
    schedule(); // expect-note {{suspended here by call to 'schedule'}}
}

void good_suspension_after_body(void) {
  scoped_guard(mutex, &m) {
    n++;
  }
  msleep(10);
}

void good_break_leaves_scoped_guard(void) {
  scoped_guard(mutex, &m) {
    if (n)
      break;
    n++;
  }
  schedule();
}

void bad_nested_in_guard(void) {
  guard(mutex)(&m); // expect-warning {{'guard(mutex)' of type 'class_mutex_t' is held across a suspension point}}
  scoped_guard(spinlock, &sl) {
    n++;
  }
  msleep(1); // expect-note {{suspended here by call to 'msleep'}}
}
