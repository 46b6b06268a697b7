// verify-config: glib
// verify-args: -std=gnu11 -I include
//
// The "glib" pack: g_autoptr() lockers (cleanup-attribute pointers to
// void typedefs) and GLib's lock call pairs, including G_LOCK(), held
// across a nested main loop.
#include "glib.h"

static GMutex mutex;
static GRecMutex rec_mutex;
static GRWLock rw_lock;
G_LOCK_DEFINE_STATIC(cache);
static volatile gint flags;
static GMainContext *ctx;
static int counter;

void bad_mutex_locker(void)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&mutex); // expect-warning {{'locker' of type 'GMutexLocker_autoptr' is held across a suspension point}}
	// expect-note@-1 {{reason: a g_autoptr(GMutexLocker) keeps its GMutex locked to the end of the scope}}
	counter++;
	g_main_context_iteration(ctx, TRUE); // expect-note {{suspended here by call to 'g_main_context_iteration'}}
}

void bad_rec_and_rw_lockers(GMainLoop *loop)
{
	g_autoptr(GRecMutexLocker) r = g_rec_mutex_locker_new(&rec_mutex); // expect-warning {{'r' of type 'GRecMutexLocker_autoptr'}}
	// expect-note@-1 {{reason: a g_autoptr(GRecMutexLocker) keeps its GRecMutex locked}}
	g_autoptr(GRWLockReaderLocker) rd = g_rw_lock_reader_locker_new(&rw_lock); // expect-warning {{'rd' of type 'GRWLockReaderLocker_autoptr'}}
	// expect-note@-1 {{reason: a g_autoptr(GRWLockReaderLocker) keeps a GRWLock read-locked}}
	g_main_loop_run(loop); // expect-note 2 {{suspended here by call to 'g_main_loop_run'}}
}

void bad_writer_locker(void)
{
	g_autoptr(GRWLockWriterLocker) w = g_rw_lock_writer_locker_new(&rw_lock); // expect-warning {{'w' of type 'GRWLockWriterLocker_autoptr'}}
	// expect-note@-1 {{reason: a g_autoptr(GRWLockWriterLocker) keeps a GRWLock write-locked}}
	g_main_context_iteration(0, FALSE); // expect-note {{suspended here by call to 'g_main_context_iteration'}}
}

void bad_lock_pairs(void)
{
	g_mutex_lock(&mutex); // expect-warning {{'mutex' of type 'GMutex' is held across a suspension point}}
	// expect-note@-1 {{reason: a GMutex locked across a suspension point deadlocks this thread}}
	g_main_context_iteration(ctx, TRUE); // expect-note {{suspended here by call to 'g_main_context_iteration'}}
	g_mutex_unlock(&mutex);

	g_rw_lock_writer_lock(&rw_lock); // expect-warning {{'rw_lock' of type 'GRWLock'}}
	// expect-note@-1 {{reason: a GRWLock write lock held}}
	g_main_context_iteration(ctx, TRUE); // expect-note {{suspended here by call to 'g_main_context_iteration'}}
	g_rw_lock_writer_unlock(&rw_lock);
}

void bad_g_lock_macro(void)
{
	G_LOCK(cache); // expect-warning {{'g__cache_lock' of type 'GMutex'}}
	// expect-note@-1 {{reason: a GMutex locked}}
	g_main_context_iteration(ctx, TRUE); // expect-note {{suspended here by call to 'g_main_context_iteration'}}
	G_UNLOCK(cache);
}

void bad_bit_lock(void)
{
	g_bit_lock(&flags, 0); // expect-warning {{'flags' of type}}
	// expect-note@-1 {{reason: a GLib bit lock held across a suspension point}}
	g_main_context_iteration(ctx, TRUE); // expect-note {{suspended here by call to 'g_main_context_iteration'}}
	g_bit_unlock(&flags, 0);
}

void good_locker_scope_ends(void)
{
	{
		g_autoptr(GMutexLocker) no_warning_1 = g_mutex_locker_new(&mutex);
		counter++;
	}
	g_main_context_iteration(ctx, TRUE);
}

void good_locker_cleared_before(void)
{
	g_autoptr(GMutexLocker) no_warning_2 = g_mutex_locker_new(&mutex);
	counter++;
	g_clear_pointer(&no_warning_2, g_mutex_locker_free);
	g_main_context_iteration(ctx, TRUE);
}

void good_locker_stolen_and_freed(void)
{
	g_autoptr(GMutexLocker) no_warning_3 = g_mutex_locker_new(&mutex);
	counter++;
	g_mutex_locker_free(g_steal_pointer(&no_warning_3));
	g_main_context_iteration(ctx, TRUE);
}

void good_unlocked_before(void)
{
	g_mutex_lock(&mutex);
	counter++;
	g_mutex_unlock(&mutex);
	G_LOCK(cache);
	G_UNLOCK(cache);
	g_main_context_iteration(ctx, TRUE);
}
