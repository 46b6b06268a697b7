// verify-args: -std=gnu11 -I ../include/c
// verify-config: ../configs/c_coro.toml
//
// libdill: yield(), msleep(deadline) and the channel operations park the
// coroutine.  The reason given for msleep in suspend-functions is not
// printed (reason notes come from the guard type's entry).  now() does not
// suspend.
#include "coro_c_stub.h"
#include "pthread_stub.h"
#include "systemd_stub.h"

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int n;

coroutine void bad_worker(int ch) {
  _cleanup_(unlockp) pthread_mutex_t *lk = lock(&m); // expect-warning {{'lk' of type 'pthread_mutex_t *' is held across a suspension point}}
  int v;
  chrecv(ch, &v, sizeof v, -1); // expect-note {{suspended here by call to 'chrecv'}}
  n += v;
  msleep(now() + 100); // expect-note {{suspended here by call to 'msleep'}}
  yield(); // expect-note {{suspended here by call to 'yield'}}
  chsend(ch, &v, sizeof v, -1); // expect-note {{suspended here by call to 'chsend'}}
}

coroutine void good_worker(int ch) {
  int v;
  for (;;) {
    if (chrecv(ch, &v, sizeof v, -1) < 0)
      return;
    pthread_mutex_lock(&m);
    n += v;
    pthread_mutex_unlock(&m);
    msleep(now() + 10);
  }
}

void good_now_does_not_suspend(void) {
  _cleanup_(unlockp) pthread_mutex_t *no_warning_1 = lock(&m);
  n += (int)now();
}
