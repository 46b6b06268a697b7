// verify-args: -std=c++20 -I ../include
//
// SCENARIO 12 (clippy less_bad): a lock taken between two co_awaits and
// released before a third is listed only at the one in between.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
coro::task<> b();
coro::task<> c();
std::mutex m;

coro::task<> less_bad() {
  co_await a();
  std::unique_lock<std::mutex> l(m); // expect-warning {{'l' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await b();                      // expect-note {{suspended here by co_await}}
  l.unlock();
  co_await c();
}

coro::task<> less_bad_ctad() {
  co_await a();
  std::unique_lock l(m); // expect-warning {{'l' of type}}
  co_await b();          // expect-note {{suspended here by co_await}}
  l.unlock();
  co_await c();
}

auto less_bad_in_lambda = [](std::mutex &mu) -> coro::task<> {
  co_await a();
  std::unique_lock<std::mutex> l(mu); // expect-warning {{'l' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await b();                       // expect-note {{suspended here by co_await}}
  l.unlock();
  co_await c();
};
