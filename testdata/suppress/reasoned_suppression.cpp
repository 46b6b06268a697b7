// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/cppcoro_lock.json
//
// SCENARIO 49: an intentional hold of an async mutex's lock (forbidden by
// the config) silenced with a suppression that says why: silent.
#include "async_mutex_stub.h"
#include "coro_stub.h"

coro::task<> handshake();
cppcoro::async_mutex amu;

coro::task<> good_intended_hold() {
  auto lk = co_await amu.scoped_lock_async(); // NOLINT(await-holding): the whole handshake must be serialised
  co_await handshake();
}

coro::task<> bad_same_without_suppression() {
  auto lk = co_await amu.scoped_lock_async(); // expect-warning {{'lk' of type}}
  // expect-note@-1 {{reason: other waiters stall while this coroutine is suspended}}
  co_await handshake(); // expect-note {{suspended here by co_await}}
}
