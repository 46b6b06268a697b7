// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// A lock taken in the initializer of a cleanup variable, as in
//   #define SCOPED_LOCK(m) pthread_mutex_t *_l_ __attribute__((cleanup(unlock_cleanup))) = (pthread_mutex_lock(m), m)
// is released by the cleanup function at the end of the variable's scope.
// When the variable is itself a guard (pthread_mutex_t is configured), it
// is reported once, as the variable, not again as the lock.
#include "coro_c_stub.h"
#include "pthread_stub.h"

static void unlock_cleanup(pthread_mutex_t **m) { pthread_mutex_unlock(*m); }
static void unlock_int(int **p) { (void)p; }

struct state {
  pthread_mutex_t mu;
  int n;
};

void good_scope_ends_before_yield(struct state *s) {
  {
    pthread_mutex_t *no_warning_1 __attribute__((cleanup(unlock_cleanup))) =
        (pthread_mutex_lock(&s->mu), &s->mu);
    s->n++;
  }
  aco_yield();
}

void bad_held_across_yield(struct state *s) {
  pthread_mutex_t *lk __attribute__((cleanup(unlock_cleanup))) = // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
      (pthread_mutex_lock(&s->mu), &s->mu);
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
}

// The cleanup variable is not a guard type here (int *): the lock itself
// is reported, and it ends with the variable's scope.
int token;
void bad_plain_cleanup_var_held(struct state *s) {
  int *t __attribute__((cleanup(unlock_int))) = (pthread_mutex_lock(&s->mu), &token); // expect-warning {{'s->mu' of type 'pthread_mutex_t' is held across a suspension point}}
  aco_yield(); // expect-note {{suspended here by call to 'aco_yield'}}
  (void)t;
}

void good_plain_cleanup_var_scope_ends(struct state *s) {
  {
    int *no_warning_2 __attribute__((cleanup(unlock_int))) = (pthread_mutex_lock(&s->mu), &token);
    (void)no_warning_2;
  }
  aco_yield();
}
