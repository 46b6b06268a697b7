// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_tags.toml
//
// A configuration names a struct by its tag: "mutex" is struct mutex,
// "job_lock" is struct job_lock.  The tag matches a pointer to the struct,
// a typedef of the struct, and a typedef of a pointer to it (so the
// kernel's class_mutex_t, a typedef of struct mutex *, matches "mutex").
// Another struct whose tag only starts the same is not matched.
#include "cleanup_stub.h"

struct job_lock {
  int held;
};
typedef struct job_lock job_lock_t;

struct job_lock_waiter {
  int n;
};

struct job_lock *job_lock_take(struct job_lock *l);
void job_unlockp(struct job_lock **l);
void waiter_donep(struct job_lock_waiter **w);
struct job_lock_waiter *waiter_new(void);

DEFINE_FREE(mutex_unlock, struct mutex *, if (_T) mutex_unlock(_T))

static inline struct mutex *mutex_take(struct mutex *m) {
  mutex_lock(m);
  return m;
}

struct job_lock jl;
struct mutex m;

void bad_struct_pointer(void) {
  __cleanup(job_unlockp) struct job_lock *lk = job_lock_take(&jl); // expect-warning {{'lk' of type 'struct job_lock *' is held across a suspension point}}
  msleep(1); // expect-note {{suspended here by call to 'msleep'}}
}

void bad_typedef_of_struct(void) {
  __cleanup(job_unlockp) job_lock_t *lk = job_lock_take(&jl); // expect-warning {{'lk' of type 'job_lock_t *' is held across a suspension point}}
  schedule(); // expect-note {{suspended here by call to 'schedule'}}
}

void bad_free_style_mutex(void) {
  struct mutex *lk __free(mutex_unlock) = mutex_take(&m); // expect-warning {{'lk' of type 'struct mutex *' is held across a suspension point}}
  msleep(1); // expect-note {{suspended here by call to 'msleep'}}
}

void bad_kernel_guard_by_tag(void) {
  guard(mutex)(&m); // expect-warning {{'guard(mutex)' of type 'class_mutex_t' is held across a suspension point}}
  msleep(1); // expect-note {{suspended here by call to 'msleep'}}
}

void good_similar_tag(void) {
  __cleanup(waiter_donep) struct job_lock_waiter *no_warning_1 = waiter_new();
  msleep(1);
}

void good_struct_pointer_without_cleanup(void) {
  struct job_lock *no_warning_2 = job_lock_take(&jl);
  msleep(1);
  job_unlockp(&no_warning_2);
}
