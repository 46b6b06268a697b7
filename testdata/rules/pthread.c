// verify-config: configs/pthread_project.toml
// verify-args: -std=gnu11 -I include
//
// The "pthread" pack with a project's own switch function: pthread and
// C11 locks taken by call pairs, and cleanup-attribute guards over them,
// held across the switch.  The try variants are not tracked.
#include <pthread.h>
#include <threads.h>

void green_switch(void);

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
pthread_spinlock_t spin;
pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
mtx_t cmu;
int shared;

pthread_mutex_t *lock_mutex(pthread_mutex_t *m);
void unlock_mutexp(pthread_mutex_t **m);
pthread_rwlock_t *rdlock_rwlock(pthread_rwlock_t *l);
void unlock_rwlockp(pthread_rwlock_t **l);

void bad_mutex(void)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
	// expect-note@-1 {{reason: a pthread mutex locked across a suspension point deadlocks this thread as soon as another coroutine on it wants the mutex}}
	green_switch(); // expect-note {{suspended here by call to 'green_switch'}}
	pthread_mutex_unlock(&mu);
}

void bad_spin_and_rwlock(void)
{
	pthread_spin_lock(&spin); // expect-warning {{'spin' of type 'pthread_spinlock_t'}}
	// expect-note@-1 {{reason: a pthread spinlock held across a suspension point}}
	pthread_rwlock_rdlock(&rw); // expect-warning {{'rw' of type 'pthread_rwlock_t'}}
	// expect-note@-1 {{reason: a pthread read lock held across a suspension point}}
	green_switch(); // expect-note 2 {{suspended here by call to 'green_switch'}}
	pthread_rwlock_unlock(&rw);
	pthread_spin_unlock(&spin);
}

void bad_c11_mutex_through_pointer(mtx_t *m)
{
	mtx_lock(m); // expect-warning {{'m' of type 'mtx_t'}}
	// expect-note@-1 {{reason: a C11 mutex locked across a suspension point}}
	green_switch(); // expect-note {{suspended here by call to 'green_switch'}}
	mtx_unlock(m);
}

void bad_cleanup_guard(void)
{
	__attribute__((cleanup(unlock_mutexp))) pthread_mutex_t *lk = lock_mutex(&mu); // expect-warning {{'lk' of type 'pthread_mutex_t *'}}
	// expect-note@-1 {{reason: a cleanup guard that keeps a pthread mutex locked to the end of its scope}}
	shared++;
	green_switch(); // expect-note {{suspended here by call to 'green_switch'}}
}

void bad_cleanup_rwlock_guard(void)
{
	__attribute__((cleanup(unlock_rwlockp))) pthread_rwlock_t *r = rdlock_rwlock(&rw); // expect-warning {{'r' of type 'pthread_rwlock_t *'}}
	// expect-note@-1 {{reason: a cleanup guard that keeps a pthread read-write lock held}}
	green_switch(); // expect-note {{suspended here by call to 'green_switch'}}
}

void good_unlock_before_switch(void)
{
	pthread_mutex_lock(&mu);
	shared++;
	pthread_mutex_unlock(&mu);
	green_switch();
	pthread_rwlock_wrlock(&rw);
	shared++;
	pthread_rwlock_unlock(&rw);
	green_switch();
}

void good_cleanup_guard_scope_ends(void)
{
	{
		__attribute__((cleanup(unlock_mutexp))) pthread_mutex_t *no_warning_1 = lock_mutex(&mu);
		shared++;
	}
	green_switch();
}

// The result of a try-lock says whether the mutex is held: not tracked.
void good_trylock_not_tracked(void)
{
	if (pthread_mutex_trylock(&mu) == 0) {
		shared++;
		pthread_mutex_unlock(&mu);
	}
	green_switch();
}

// A plain local mutex object is not a guard (no cleanup attribute).
void good_plain_mutex_object(void)
{
	pthread_mutex_t no_warning_2;
	pthread_mutex_init(&no_warning_2, 0);
	green_switch();
	pthread_mutex_destroy(&no_warning_2);
}
