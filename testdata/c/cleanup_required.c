// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// C has no destructors: a local of a configured type is a guard only when
// it has the cleanup attribute.  A pthread_mutex_t object on the stack, a
// pthread_mutex_t pointer without cleanup, a parameter and a global are
// not guards.  A cleanup local of an unconfigured type (a malloc'd buffer)
// is not a guard either.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t *global_lk;
int n;

void good_mutex_object_on_the_stack(void) {
  pthread_mutex_t no_warning_1 = PTHREAD_MUTEX_INITIALIZER;
  n += no_warning_1.__data.__lock;
  aco_yield();
}

void good_pointer_without_cleanup(void) {
  pthread_mutex_t *no_warning_2 = lock(&m);
  aco_yield();
  unlock(no_warning_2);
}

void good_parameter(pthread_mutex_t *no_warning_3) {
  pthread_mutex_t *no_warning_4 = no_warning_3;
  aco_yield();
  n += no_warning_4 != NULL;
}

void good_global(void) {
  global_lk = lock(&m);
  aco_yield();
  unlock(global_lk);
}

void good_cleanup_of_unconfigured_type(void) {
  __attribute__((cleanup(freep))) char *no_warning_5 = malloc(16);
  _cleanup_free_ int *no_warning_6 = malloc(sizeof(int));
  aco_yield();
}

void bad_same_pointer_with_cleanup(void) {
  __attribute__((cleanup(unlockp))) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}
