// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// SCENARIO 45 in C: a NOLINT comment naming await-holding on the line of
// the warning (the guard's declaration, or the acquire call of a lock
// pair), or a NOLINTNEXTLINE one on the line before, silences that warning
// only.  One naming another check does not.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

void good_guard_suppressed(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m); // NOLINT(await-holding): one scheduler thread, nothing else takes m
  aco_yield();
}

void good_lock_pair_suppressed(void) {
  // NOLINTNEXTLINE(await-holding)
  pthread_mutex_lock(&m);
  aco_yield();
  pthread_mutex_unlock(&m);
}

void bad_other_check_named(void) {
  // NOLINTNEXTLINE(bugprone-branch-clone)
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

void bad_only_the_suppressed_one_is_silent(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_2 = lock(&m); // NOLINT(await-holding)
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  pthread_mutex_unlock(&m);
}
