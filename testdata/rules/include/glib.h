/*
 * glib.h (stand-in): GLib's mutexes, the lockers used with g_autoptr(),
 * G_LOCK, bit locks and the main loop, with the same names and macro
 * layering as gthread.h, gmacros.h, glib-autocleanups.h and gmain.h.
 */
#ifndef AWAIT_HOLDING_RULES_GLIB_H
#define AWAIT_HOLDING_RULES_GLIB_H

typedef int gint;
typedef int gboolean;
typedef void *gpointer;
#define TRUE 1
#define FALSE 0
#define G_STMT_START do
#define G_STMT_END while (0)

/* gthread.h */
typedef union _GMutex {
	gpointer p;
	unsigned int i[2];
} GMutex;
typedef struct _GRecMutex {
	gpointer p;
	unsigned int i[2];
} GRecMutex;
typedef struct _GRWLock {
	gpointer p;
	unsigned int i[2];
} GRWLock;

void g_mutex_lock(GMutex *mutex);
gboolean g_mutex_trylock(GMutex *mutex);
void g_mutex_unlock(GMutex *mutex);
void g_rec_mutex_lock(GRecMutex *rec_mutex);
void g_rec_mutex_unlock(GRecMutex *rec_mutex);
void g_rw_lock_writer_lock(GRWLock *rw_lock);
void g_rw_lock_writer_unlock(GRWLock *rw_lock);
void g_rw_lock_reader_lock(GRWLock *rw_lock);
void g_rw_lock_reader_unlock(GRWLock *rw_lock);

void g_bit_lock(volatile gint *address, gint lock_bit);
void g_bit_unlock(volatile gint *address, gint lock_bit);
void g_pointer_bit_lock(void *address, gint lock_bit);
void g_pointer_bit_unlock(void *address, gint lock_bit);

#define G_LOCK_NAME(name) g__##name##_lock
#define G_LOCK_DEFINE_STATIC(name) static GMutex G_LOCK_NAME(name)
#define G_LOCK(name) g_mutex_lock(&G_LOCK_NAME(name))
#define G_UNLOCK(name) g_mutex_unlock(&G_LOCK_NAME(name))

typedef void GMutexLocker;
static inline GMutexLocker *g_mutex_locker_new(GMutex *mutex)
{
	g_mutex_lock(mutex);
	return (GMutexLocker *)mutex;
}
static inline void g_mutex_locker_free(GMutexLocker *locker)
{
	g_mutex_unlock((GMutex *)locker);
}

typedef void GRecMutexLocker;
static inline GRecMutexLocker *g_rec_mutex_locker_new(GRecMutex *rec_mutex)
{
	g_rec_mutex_lock(rec_mutex);
	return (GRecMutexLocker *)rec_mutex;
}
static inline void g_rec_mutex_locker_free(GRecMutexLocker *locker)
{
	g_rec_mutex_unlock((GRecMutex *)locker);
}

typedef void GRWLockWriterLocker;
static inline GRWLockWriterLocker *g_rw_lock_writer_locker_new(GRWLock *rw_lock)
{
	g_rw_lock_writer_lock(rw_lock);
	return (GRWLockWriterLocker *)rw_lock;
}
static inline void g_rw_lock_writer_locker_free(GRWLockWriterLocker *locker)
{
	g_rw_lock_writer_unlock((GRWLock *)locker);
}

typedef void GRWLockReaderLocker;
static inline GRWLockReaderLocker *g_rw_lock_reader_locker_new(GRWLock *rw_lock)
{
	g_rw_lock_reader_lock(rw_lock);
	return (GRWLockReaderLocker *)rw_lock;
}
static inline void g_rw_lock_reader_locker_free(GRWLockReaderLocker *locker)
{
	g_rw_lock_reader_unlock((GRWLock *)locker);
}

/* gmacros.h: g_autoptr() */
#define _GLIB_AUTOPTR_FUNC_NAME(TypeName) glib_autoptr_cleanup_##TypeName
#define _GLIB_AUTOPTR_CLEAR_FUNC_NAME(TypeName) glib_autoptr_clear_##TypeName
#define _GLIB_AUTOPTR_TYPENAME(TypeName) TypeName##_autoptr
#define _GLIB_CLEANUP(func) __attribute__((cleanup(func)))
#define G_DEFINE_AUTOPTR_CLEANUP_FUNC(TypeName, func)                                   \
	typedef TypeName *_GLIB_AUTOPTR_TYPENAME(TypeName);                             \
	static inline void _GLIB_AUTOPTR_CLEAR_FUNC_NAME(TypeName)(TypeName * _ptr)     \
	{                                                                               \
		if (_ptr)                                                               \
			(func)(_ptr);                                                   \
	}                                                                               \
	static inline void _GLIB_AUTOPTR_FUNC_NAME(TypeName)(TypeName * *_ptr)          \
	{                                                                               \
		_GLIB_AUTOPTR_CLEAR_FUNC_NAME(TypeName)(*_ptr);                         \
	}
#define g_autoptr(TypeName) _GLIB_CLEANUP(_GLIB_AUTOPTR_FUNC_NAME(TypeName)) _GLIB_AUTOPTR_TYPENAME(TypeName)

/* glib-autocleanups.h */
G_DEFINE_AUTOPTR_CLEANUP_FUNC(GMutexLocker, g_mutex_locker_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(GRecMutexLocker, g_rec_mutex_locker_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(GRWLockWriterLocker, g_rw_lock_writer_locker_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(GRWLockReaderLocker, g_rw_lock_reader_locker_free)

/* gmem.h: g_clear_pointer() frees and clears, so the cleanup does
 * nothing; g_steal_pointer() clears and returns the old value. */
#define glib_typeof(t) __typeof__(t)
#define g_clear_pointer(pp, destroy)                  \
	G_STMT_START                                  \
	{                                             \
		glib_typeof((pp)) _pp = (pp);         \
		glib_typeof(*(pp)) _ptr = *_pp;       \
		*_pp = 0;                             \
		if (_ptr)                             \
			(destroy)(_ptr);              \
	}                                             \
	G_STMT_END

static inline gpointer g_steal_pointer(gpointer pp)
{
	gpointer *ptr = (gpointer *)pp;
	gpointer ref = *ptr;
	*ptr = 0;
	return ref;
}
#define g_steal_pointer(pp) ((glib_typeof(*pp))(g_steal_pointer)(pp))

/* gmain.h */
typedef struct _GMainContext GMainContext;
typedef struct _GMainLoop GMainLoop;
gboolean g_main_context_iteration(GMainContext *context, gboolean may_block);
void g_main_loop_run(GMainLoop *loop);
void g_main_loop_quit(GMainLoop *loop);

#endif
