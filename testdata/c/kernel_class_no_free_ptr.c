// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_kernel.toml
//
// CLASS(mutex, lk)(&m) is the named form of guard(): the warning shows the
// variable's name.  no_free_ptr(lk) returns the pointer and sets lk to
// NULL, so the destructor does nothing: it releases the guard, as does
// return_ptr(lk) on its path.  A __free(kfree) pointer is a cleanup local
// of an unconfigured type and never a guard.
#include "cleanup_stub.h"

struct mutex m;
int n;

void bad_named_class(void) {
  CLASS(mutex, lk)(&m); // expect-warning {{'lk' of type 'class_mutex_t' is held across a suspension point}}
  msleep(10); // expect-note {{suspended here by call to 'msleep'}}
}

void good_no_free_ptr_then_unlock(void) {
  CLASS(mutex, no_warning_1)(&m);
  n++;
  mutex_unlock(no_free_ptr(no_warning_1));
  msleep(10);
}

void bad_no_free_ptr_after_sleep(void) {
  CLASS(mutex, lk)(&m); // expect-warning {{'lk' of type 'class_mutex_t' is held across a suspension point}}
  schedule(); // expect-note {{suspended here by call to 'schedule'}}
  mutex_unlock(no_free_ptr(lk));
}

void bad_no_free_ptr_on_one_branch(int c) {
  CLASS(mutex, lk)(&m); // expect-warning {{'lk' of type 'class_mutex_t' is held across a suspension point}}
  if (c)
    mutex_unlock(no_free_ptr(lk));
  msleep(1); // expect-note {{suspended here by call to 'msleep'}}
}

struct mutex *good_return_ptr(int c) {
  CLASS(mutex, no_warning_2)(&m);
  if (c)
    return_ptr(no_warning_2);
  n++;
  return NULL;
}

struct mutex *bad_return_ptr_after_sleep(void) {
  CLASS(mutex, lk)(&m); // expect-warning {{'lk' of type 'class_mutex_t' is held across a suspension point}}
  msleep(1); // expect-note {{suspended here by call to 'msleep'}}
  return_ptr(lk);
}

void good_free_pointer(void) {
  void *no_warning_3 __free(kfree) = kmalloc(64, GFP_KERNEL);
  msleep(10);
}
