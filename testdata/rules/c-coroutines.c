// verify-config: c-coroutines
// verify-args: -std=gnu11 -I include
//
// The "c-coroutines" pack (which extends "pthread"): libaco, libco,
// lthread and libtask calls that switch to another coroutine on this
// thread, with a pthread or C11 lock taken before them.  libdill, libmill
// and byuu's libco clash with these names and have files of their own
// (c-coroutines-libdill.c, c-coroutines-libmill.c,
// c-coroutines-libco-higan.c).
#include <pthread.h>
#include <threads.h>

#include "aco.h"
#include "co_routine.h"
#include "lthread.h"
#include "task.h"

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
pthread_spinlock_t spin;
pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
mtx_t cmu;
int shared;

void bad_aco_yield_under_mutex(void)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t' is held across a suspension point}}
	// expect-note@-1 {{reason: a pthread mutex locked across a suspension point deadlocks this thread}}
	shared++;
	aco_yield(); // expect-note {{suspended here by macro 'aco_yield'}}
	pthread_mutex_unlock(&mu);
}

void bad_aco_exit_with_lock_held(void)
{
	pthread_spin_lock(&spin); // expect-warning {{'spin' of type}}
	// expect-note@-1 {{reason: a pthread spinlock held across a suspension point}}
	aco_exit(); // expect-note {{suspended here by macro 'aco_exit'}}
}

void bad_libco_yield(struct stCoCond_t *cond)
{
	pthread_rwlock_wrlock(&rw); // expect-warning {{'rw' of type 'pthread_rwlock_t'}}
	// expect-note@-1 {{reason: a pthread write lock held across a suspension point}}
	co_yield_ct();               // expect-note {{suspended here by call to 'co_yield_ct'}}
	co_cond_timedwait(cond, 10); // expect-note {{suspended here by call to 'co_cond_timedwait'}}
	pthread_rwlock_unlock(&rw);
}

void bad_libco_poll_under_read_lock(struct pollfd *pf)
{
	pthread_rwlock_rdlock(&rw); // expect-warning {{'rw' of type 'pthread_rwlock_t'}}
	// expect-note@-1 {{reason: a pthread read lock held across a suspension point stalls every writer}}
	co_poll(co_get_epoll_ct(), pf, 1, 1000); // expect-note {{suspended here by call to 'co_poll'}}
	pthread_rwlock_unlock(&rw);
}

// co_eventloop() runs every coroutine of this thread until its callback
// stops it: like glib's g_main_loop_run(), the caller is not parked, but
// the coroutines run while its lock is held.
void bad_libco_eventloop_under_mutex(void)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t'}}
	// expect-note@-1 {{reason: a pthread mutex locked}}
	co_eventloop(co_get_epoll_ct(), 0, 0); // expect-note {{suspended here by call to 'co_eventloop'}}
	pthread_mutex_unlock(&mu);
}

void good_libco_eventloop_after_unlock(void)
{
	pthread_mutex_lock(&mu);
	shared = 0;
	pthread_mutex_unlock(&mu);
	co_eventloop(co_get_epoll_ct(), 0, 0);
}

void bad_lthread_sleep_under_c11_mutex(void)
{
	mtx_lock(&cmu); // expect-warning {{'cmu' of type 'mtx_t'}}
	// expect-note@-1 {{reason: a C11 mutex locked across a suspension point}}
	lthread_sleep(10); // expect-note {{suspended here by call to 'lthread_sleep'}}
	mtx_unlock(&cmu);
}

void bad_lthread_io(int fd, char *buf)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t'}}
	// expect-note@-1 {{reason: a pthread mutex locked}}
	lthread_recv(fd, buf, 16, 0, 0); // expect-note {{suspended here by call to 'lthread_recv'}}
	pthread_mutex_unlock(&mu);
}

void bad_libtask(Channel *c, int fd, char *buf)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t'}}
	// expect-note@-1 {{reason: a pthread mutex locked}}
	taskyield();      // expect-note {{suspended here by call to 'taskyield'}}
	chanrecv(c, buf); // expect-note {{suspended here by call to 'chanrecv'}}
	fdread(fd, buf, 16); // expect-note {{suspended here by call to 'fdread'}}
	pthread_mutex_unlock(&mu);
}

void good_unlock_before_yield(void)
{
	pthread_mutex_lock(&mu);
	shared++;
	pthread_mutex_unlock(&mu);
	aco_yield();
	co_yield_ct();
	taskdelay(5);
}

void good_lock_after_last_switch(void)
{
	lthread_sleep(1);
	mtx_lock(&cmu);
	shared++;
	mtx_unlock(&cmu);
}

// Resuming another coroutine runs it like a function call: not a
// suspension of this one.
void good_resume_is_not_a_suspension(aco_t *co)
{
	pthread_mutex_lock(&mu);
	aco_resume(co);
	pthread_mutex_unlock(&mu);
}
