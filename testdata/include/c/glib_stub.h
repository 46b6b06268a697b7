// glib_stub.h - GLib's GMutex, GMutexLocker and g_autoptr.
//
// Shaped like <glib.h>: GMutexLocker is a typedef of void, and
// g_autoptr(T) declares a variable of type T_autoptr (a typedef of T *)
// with cleanup(glib_autoptr_cleanup_T), both names made by token pasting.
// g_steal_pointer is a function wrapped by a macro of the same name, as in
// GLib; g_clear_pointer is the statement macro.
#ifndef AWAIT_HOLDING_TESTDATA_C_GLIB_STUB_H
#define AWAIT_HOLDING_TESTDATA_C_GLIB_STUB_H

#ifndef NULL
#define NULL ((void *)0)
#endif

typedef int gboolean;
typedef void *gpointer;

#define G_STMT_START do
#define G_STMT_END while (0)

typedef union _GMutex {
  gpointer p;
  unsigned int i[2];
} GMutex;

void g_mutex_init(GMutex *mutex);
void g_mutex_lock(GMutex *mutex);
gboolean g_mutex_trylock(GMutex *mutex);
void g_mutex_unlock(GMutex *mutex);

typedef void GMutexLocker;

static inline GMutexLocker *g_mutex_locker_new(GMutex *mutex) {
  g_mutex_lock(mutex);
  return (GMutexLocker *)mutex;
}

static inline void g_mutex_locker_free(GMutexLocker *locker) {
  g_mutex_unlock((GMutex *)locker);
}

typedef struct _GBytes GBytes;
GBytes *g_bytes_new(const void *data, unsigned long size);
void g_bytes_unref(GBytes *bytes);

void g_free(gpointer mem);

// ---- g_autoptr ----

#define _GLIB_AUTOPTR_FUNC_NAME(TypeName) glib_autoptr_cleanup_##TypeName
#define _GLIB_AUTOPTR_TYPENAME(TypeName) TypeName##_autoptr
#define _GLIB_CLEANUP(func) __attribute__((cleanup(func)))

#define G_DEFINE_AUTOPTR_CLEANUP_FUNC(TypeName, func)                          \
  typedef TypeName *_GLIB_AUTOPTR_TYPENAME(TypeName);                          \
  static inline void _GLIB_AUTOPTR_FUNC_NAME(TypeName)(TypeName **_ptr) {      \
    if (*_ptr)                                                                 \
      (func)(*_ptr);                                                           \
  }

#define g_autoptr(TypeName)                                                    \
  _GLIB_CLEANUP(_GLIB_AUTOPTR_FUNC_NAME(TypeName))                             \
  _GLIB_AUTOPTR_TYPENAME(TypeName)

static inline void g_autoptr_cleanup_generic_gfree(void *p) {
  void **pp = (void **)p;
  g_free(*pp);
}
#define g_autofree _GLIB_CLEANUP(g_autoptr_cleanup_generic_gfree)

G_DEFINE_AUTOPTR_CLEANUP_FUNC(GMutexLocker, g_mutex_locker_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(GBytes, g_bytes_unref)

// ---- ownership transfer ----

static inline gpointer g_steal_pointer(gpointer pp) {
  gpointer *ptr = (gpointer *)pp;
  gpointer ref;
  ref = *ptr;
  *ptr = NULL;
  return ref;
}
#define g_steal_pointer(pp) ((__typeof__(*(pp)))(g_steal_pointer)(pp))

#define g_clear_pointer(pp, destroy)                                           \
  G_STMT_START {                                                               \
    __typeof__((pp)) _pp = (pp);                                               \
    __typeof__(*(pp)) _ptr = *_pp;                                             \
    *_pp = NULL;                                                               \
    if (_ptr)                                                                  \
      (destroy)(_ptr);                                                         \
  }                                                                            \
  G_STMT_END

#endif
