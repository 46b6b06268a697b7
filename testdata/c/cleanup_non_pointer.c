// verify-args: -std=gnu11
// verify-config: c-coroutines
//
// __attribute__((cleanup(fn))) calls fn(&var) at every exit of the scope,
// whatever var holds.  Only a pointer has a value that means "nothing to
// clean up" (NULL, as the kernel's DEFINE_FREE bodies test): an int set to
// 0 is flushed all the same, so its cleanup call is a suspension point
// wherever fn may suspend.
typedef struct pthread_mutex { int opaque; } pthread_mutex_t;
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_unlock(pthread_mutex_t *m);
void co_yield_ct(void);

pthread_mutex_t m;

// flushes what was batched and lets the other coroutines run; always yields
static void flush_and_yield(int *pending) { *pending = 0; co_yield_ct(); }

void bad_counter_starts_at_zero(int n) {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  {
    __attribute__((cleanup(flush_and_yield))) int pending = 0;
    pending += n;
  } // expect-note {{suspended here by cleanup of 'pending'}}
  pthread_mutex_unlock(&m);
}

// control: the same with a nonzero initializer is reported today
void bad_counter_starts_at_one(int n) {
  pthread_mutex_lock(&m); // expect-warning {{'m' of type 'pthread_mutex_t' is held across a suspension point}}
  {
    __attribute__((cleanup(flush_and_yield))) int pending = 1;
    pending += n;
  } // expect-note {{suspended here by cleanup of 'pending'}}
  pthread_mutex_unlock(&m);
}

void good_scope_ends_after_unlock(int n) {
  __attribute__((cleanup(flush_and_yield))) int pending = 0;
  pthread_mutex_lock(&m);
  pending += n;
  pthread_mutex_unlock(&m);
}
