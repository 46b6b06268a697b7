// verify-config: c-coroutines
// verify-args: -std=gnu11 -I include
//
// libdill through its raw names (yield, msleep, chrecv, ... are macros for
// the dill_ functions the pack lists), under a pthread mutex or a
// cleanup-attribute guard.  go() and bundle_go() expand to the dill_go_
// macro, which runs the new coroutine at once and puts the caller on the
// ready queue (libdill cr.c, dill_prologue): the caller is parked as at
// yield().  The socket calls below are the ones that wait in the scheduler
// (dill_fdin/dill_fdout or a channel); udp_send never waits.
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

coroutine void worker(void)
{
	pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
}

void bad_go_under_lock(void)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t'}}
	// expect-note@-1 {{reason: a pthread mutex locked}}
	int h = go(worker()); // expect-note {{suspended here by macro 'dill_go_'}}
	pthread_mutex_unlock(&mu);
	hclose(h);
}

void bad_bundle_go_under_scoped_lock(int b, void *stk, size_t len)
{
	SCOPED_LOCK(lk, &mu); // expect-warning {{'lk' of type 'pthread_mutex_t *'}}
	// expect-note@-1 {{reason: a cleanup guard that keeps a pthread mutex locked to the end of its scope}}
	bundle_go(b, worker()); // expect-note {{suspended here by macro 'dill_go_'}}
	bundle_go_mem(b, worker(), stk, len); // expect-note {{suspended here by macro 'dill_go_'}}
}

void good_go_after_unlock(int b)
{
	pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
	int h = go(worker());
	bundle_go(b, worker());
	hclose(h);
}

void bad_tcp_ipc_mem(int ls, struct tcp_storage *t, struct ipc_storage *u,
		     const struct ipaddr *a)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t'}}
	// expect-note@-1 {{reason: a pthread mutex locked}}
	tcp_accept_mem(ls, NULL, t, -1); // expect-note {{suspended here by call to 'dill_tcp_accept_mem'}}
	tcp_connect_mem(a, t, -1);       // expect-note {{suspended here by call to 'dill_tcp_connect_mem'}}
	ipc_accept_mem(ls, u, -1);       // expect-note {{suspended here by call to 'dill_ipc_accept_mem'}}
	ipc_connect_mem("/tmp/s", u, -1); // expect-note {{suspended here by call to 'dill_ipc_connect_mem'}}
	pthread_mutex_unlock(&mu);
}

void bad_ipc_calls(int s, int fd)
{
	pthread_mutex_lock(&mu); // expect-warning {{'mu' of type 'pthread_mutex_t'}}
	// expect-note@-1 {{reason: a pthread mutex locked}}
	ipc_sendfd(s, fd, -1); // expect-note {{suspended here by call to 'dill_ipc_sendfd'}}
	ipc_recvfd(s, -1);     // expect-note {{suspended here by call to 'dill_ipc_recvfd'}}
	ipc_done(s, -1);       // expect-note {{suspended here by call to 'dill_ipc_done'}}
	ipc_close(s, -1);      // expect-note {{suspended here by call to 'dill_ipc_close'}}
	pthread_mutex_unlock(&mu);
}

void bad_resolve_udp_happyeyeballs(int s, char *buf, size_t n)
{
	struct ipaddr addrs[4];
	struct iolist iol = { buf, n, NULL, 0 };
	SCOPED_LOCK(lk, &mu); // expect-warning {{'lk' of type 'pthread_mutex_t *'}}
	// expect-note@-1 {{reason: a cleanup guard that keeps a pthread mutex locked to the end of its scope}}
	ipaddr_remotes(addrs, 4, "example.org", 80, 0, -1); // expect-note {{suspended here by call to 'dill_ipaddr_remotes'}}
	udp_recv(s, NULL, buf, n, -1);       // expect-note {{suspended here by call to 'dill_udp_recv'}}
	udp_recvl(s, NULL, &iol, &iol, -1);  // expect-note {{suspended here by call to 'dill_udp_recvl'}}
	happyeyeballs_connect("example.org", 80, -1); // expect-note {{suspended here by call to 'dill_happyeyeballs_connect'}}
}

void good_socket_calls_after_unlock(int ls, int s, int fd, struct tcp_storage *t,
				    struct ipc_storage *u, const struct ipaddr *a,
				    char *buf, size_t n)
{
	struct ipaddr addrs[4];
	struct iolist iol = { buf, n, NULL, 0 };
	pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
	tcp_accept_mem(ls, NULL, t, -1);
	tcp_connect_mem(a, t, -1);
	ipc_accept_mem(ls, u, -1);
	ipc_connect_mem("/tmp/s", u, -1);
	ipc_sendfd(s, fd, -1);
	ipc_recvfd(s, -1);
	ipc_done(s, -1);
	ipc_close(s, -1);
	ipaddr_remotes(addrs, 4, "example.org", 80, 0, -1);
	udp_recv(s, NULL, buf, n, -1);
	udp_recvl(s, NULL, &iol, &iol, -1);
	happyeyeballs_connect("example.org", 80, -1);
}

void good_scope_ends_before_socket_calls(int s, char *buf, size_t n)
{
	{
		SCOPED_LOCK(no_warning_2, &mu);
	}
	udp_recv(s, NULL, buf, n, -1);
	happyeyeballs_connect("example.org", 80, -1);
}

// udp_send and udp_sendl never wait: a full socket drops the datagram.
void good_udp_send_does_not_wait(int s, const struct ipaddr *a, char *buf, size_t n)
{
	struct iolist iol = { buf, n, NULL, 0 };
	pthread_mutex_lock(&mu);
	udp_send(s, a, buf, n);
	udp_sendl(s, a, &iol, &iol);
	pthread_mutex_unlock(&mu);
}
