// verify-config: c-coroutines
// verify-args: -std=gnu11 -I include
//
// byuu's libco (higan-emu/libco): co_switch() is its only switch.
// Cothreads are symmetric, so co_switch(t) leaves this frame suspended
// until some cothread switches back, and a lock held across it stays
// held while the other cothread runs.  co_active(), co_create() and
// co_delete() do not switch.  Its co_create() clashes with Tencent
// libco's, hence a file of its own.
#include <pthread.h>

#include "libco.h"

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
cothread_t host, child;
int frames;

pthread_mutex_t *lock_mutex(pthread_mutex_t *m);
void unlockp(pthread_mutex_t **m);
#define SCOPED_LOCK(name, m) \
	__attribute__((cleanup(unlockp))) pthread_mutex_t *name = lock_mutex(m)

void bad_entry(void)
{
	for (;;) {
		pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t'}}
		// expect-note@-1 {{reason: a pthread mutex locked}}
		frames++;
		co_switch(host); // expect-note {{suspended here by call to 'co_switch'}}
		pthread_mutex_unlock(&mu);
	}
}

void bad_switch_under_scoped_lock(void)
{
	SCOPED_LOCK(lk, &mu); // expect-warning {{'lk' of type 'pthread_mutex_t *'}}
	// expect-note@-1 {{reason: a cleanup guard that keeps a pthread mutex locked to the end of its scope}}
	host = co_active();
	child = co_create(65536, bad_entry);
	co_switch(child); // expect-note {{suspended here by call to 'co_switch'}}
}

void good_entry(void)
{
	for (;;) {
		pthread_mutex_lock(&mu);
		frames++;
		pthread_mutex_unlock(&mu);
		co_switch(host);
	}
}

void good_unlock_before_switch(void)
{
	pthread_mutex_lock(&mu);
	frames = 0;
	pthread_mutex_unlock(&mu);
	co_switch(child);
	co_delete(child);
}

void good_no_switch_under_lock(void)
{
	SCOPED_LOCK(no_warning_1, &mu);
	host = co_active();
	child = co_create(65536, good_entry);
}
