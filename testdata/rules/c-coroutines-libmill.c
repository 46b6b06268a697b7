// verify-config: c-coroutines
// verify-args: -std=gnu11 -I include
//
// libmill: yield(), msleep(), fdwait(), chs() and chr() are macros that
// call the mill_..._ functions the pack lists, so the note names those.
#include <pthread.h>

#include "libmill.h"

pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void bad_yield_and_channels(chan ch)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t'}}
	// expect-note@-1 {{reason: a pthread mutex locked}}
	yield();            // expect-note {{suspended here by call to 'mill_yield_'}}
	chs(ch, int, 42);   // expect-note {{suspended here by call to 'mill_chs_'}}
	int v = chr(ch, int); // expect-note {{suspended here by call to 'mill_chr_'}}
	(void)v;
	pthread_mutex_unlock(&mu);
}

void bad_io(int fd, tcpsock s, char *buf)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t'}}
	// expect-note@-1 {{reason: a pthread mutex locked}}
	fdwait(fd, MILL_FDW_IN, -1); // expect-note {{suspended here by call to 'mill_fdwait_'}}
	tcprecv(s, buf, 16, -1);     // expect-note {{suspended here by call to 'mill_tcprecv_'}}
	pthread_mutex_unlock(&mu);
}

void good_sleep_after_unlock(void)
{
	pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
	msleep(10);
}
