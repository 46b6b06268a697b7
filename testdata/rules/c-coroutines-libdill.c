// verify-config: c-coroutines
// verify-args: -std=gnu11 -I include
//
// libdill through its raw names (yield, msleep, chrecv, ... are macros for
// the dill_ functions the pack lists), under a pthread mutex or a
// cleanup-attribute guard.
#include <pthread.h>

#include "libdill.h"

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

// A scope guard in the style of systemd's _cleanup_: locked by a helper,
// unlocked by the cleanup function when the variable goes out of scope.
pthread_mutex_t *lock_mutex(pthread_mutex_t *m);
void unlockp(pthread_mutex_t **m);
#define SCOPED_LOCK(name, m) \
	__attribute__((cleanup(unlockp))) pthread_mutex_t *name = lock_mutex(m)

void bad_yield_and_sleep(void)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t'}}
	// expect-note@-1 {{reason: a pthread mutex locked}}
	yield();                // expect-note {{suspended here by call to 'dill_yield'}}
	msleep(now() + 100);    // expect-note {{suspended here by call to 'dill_msleep'}}
	pthread_mutex_unlock(&mu);
}

void bad_channel_under_scoped_lock(int ch)
{
	int v = 0;
	SCOPED_LOCK(lk, &mu); // expect-warning {{'lk' of type 'pthread_mutex_t *'}}
	// expect-note@-1 {{reason: a cleanup guard that keeps a pthread mutex locked to the end of its scope}}
	chrecv(ch, &v, sizeof(v), -1); // expect-note {{suspended here by call to 'dill_chrecv'}}
}

void bad_fdin(int fd)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t'}}
	// expect-note@-1 {{reason: a pthread mutex locked}}
	dill_fdin(fd, -1); // expect-note {{suspended here by call to 'dill_fdin'}}
	pthread_mutex_unlock(&mu);
}

void good_non_blocking_calls(int ch)
{
	pthread_mutex_lock(&mu);
	chdone(ch);
	hclose(ch);
	pthread_mutex_unlock(&mu);
	yield();
}

void good_scope_ends_before_yield(void)
{
	{
		SCOPED_LOCK(no_warning_1, &mu);
	}
	yield();
}
