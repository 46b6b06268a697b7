// cleanup_stub.h - the Linux kernel's <linux/cleanup.h> and a few locks.
//
// The macros have the shape of the kernel's (v6.5): DEFINE_CLASS makes a
// typedef class_<name>_t and class_<name>_constructor/_destructor;
// guard(name) declares a variable with a generated name (__UNIQUE_ID, which
// uses __COUNTER__); scoped_guard is the for-loop form, whose variable is
// called 'scope'.  no_free_ptr is the v6.5 statement expression that nulls
// its argument.  msleep() and schedule() sleep; wait_event() sleeps in
// schedule().
#ifndef AWAIT_HOLDING_TESTDATA_C_CLEANUP_STUB_H
#define AWAIT_HOLDING_TESTDATA_C_CLEANUP_STUB_H

#ifndef NULL
#define NULL ((void *)0)
#endif

#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define __cleanup(func) __attribute__((__cleanup__(func)))

// ---- free-style cleanup ----

#define DEFINE_FREE(_name, _type, _free)                                       \
  static inline void __free_##_name(void *p) {                                 \
    _type _T = *(_type *)p;                                                    \
    _free;                                                                     \
  }

#define __free(_name) __cleanup(__free_##_name)

#define no_free_ptr(p)                                                         \
  ({                                                                           \
    __auto_type __ptr = (p);                                                   \
    (p) = NULL;                                                                \
    __ptr;                                                                     \
  })

#define return_ptr(p) return no_free_ptr(p)

// ---- classes and guards ----

#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)                \
  typedef _type class_##_name##_t;                                             \
  static inline void class_##_name##_destructor(_type *p) {                    \
    _type _T = *p;                                                             \
    _exit;                                                                     \
  }                                                                            \
  static inline _type class_##_name##_constructor(_init_args) {                \
    _type t = _init;                                                           \
    return t;                                                                  \
  }

#define CLASS(_name, var)                                                      \
  class_##_name##_t var __cleanup(class_##_name##_destructor) =                \
      class_##_name##_constructor

#define DEFINE_GUARD(_name, _type, _lock, _unlock)                             \
  DEFINE_CLASS(_name, _type, if (_T) { _unlock; }, ({                          \
                 _lock;                                                        \
                 _T;                                                           \
               }),                                                             \
               _type _T);                                                      \
  static inline void *class_##_name##_lock_ptr(class_##_name##_t *_T) {        \
    return (void *)(unsigned long)*_T;                                         \
  }

#define guard(_name) CLASS(_name, __UNIQUE_ID(guard))

#define __guard_ptr(_name) class_##_name##_lock_ptr

#define scoped_guard(_name, args...)                                           \
  for (CLASS(_name, scope)(args), *done = NULL;                                \
       __guard_ptr(_name)(&scope) && !done; done = (void *)1)

// ---- locks ----

struct mutex {
  long owner;
  int wait_lock;
};

void mutex_lock(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

typedef struct spinlock {
  int rlock;
} spinlock_t;

void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))
DEFINE_GUARD(spinlock, spinlock_t *, spin_lock(_T), spin_unlock(_T))

// ---- memory ----

void *kmalloc(unsigned long size, unsigned int flags);
void kfree(const void *p);
#define GFP_KERNEL 0u

DEFINE_FREE(kfree, void *, if (_T) kfree(_T))

// ---- sleeping ----

void msleep(unsigned int msecs);
void schedule(void);

struct wait_queue_head {
  int lock;
};

#define wait_event(wq_head, condition)                                         \
  do {                                                                         \
    while (!(condition))                                                       \
      schedule();                                                              \
  } while (0)

#endif
