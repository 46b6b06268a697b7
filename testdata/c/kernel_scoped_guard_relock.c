// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_kernel.toml
//
// Inside scoped_guard(mutex, &m) the code may drop the lock by hand and
// take it again (mutex_unlock(&m); msleep(); mutex_lock(&m);): the guard
// is that lock, so the raw unlock releases it, and the guard's cleanup
// releases the raw re-lock at the end of the block.  A sleep after the
// re-lock inside the block is reported; one after the block is not.
#include "cleanup_stub.h"

struct mutex m, other;
int n;

void good_drop_and_retake_inside(void) {
  scoped_guard(mutex, &m) {
    n++;
    mutex_unlock(&m);
    msleep(1);
    mutex_lock(&m);
  }
  msleep(1);
}

void bad_sleep_after_retake(void) {
  scoped_guard(mutex, &m) {
    mutex_unlock(&m);
    mutex_lock(&m); // expect-warning {{'m' of type 'struct mutex' is held across a suspension point}}
    msleep(1);      // expect-note {{suspended here by call to 'msleep'}}
  }
  msleep(1);
}

void bad_other_lock_is_not_the_guard(void) {
  scoped_guard(mutex, &m) { // expect-warning {{'scoped_guard(mutex, &m)' of type 'class_mutex_t' is held across a suspension point}}
    mutex_unlock(&other);
    msleep(1); // expect-note {{suspended here by call to 'msleep'}}
    mutex_lock(&other);
  }
}
