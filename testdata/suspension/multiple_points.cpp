// verify-args: -std=c++20 -I ../include
//
// One warning per guard, one note per suspension point it is held
// across, and only those: SCENARIO 6 (also_bad: a co_await before the
// guard is not listed), SCENARIO 7 (not_good: a co_await after the guard's
// block is not listed), two suspension points on one line (two notes on
// that line).
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
coro::task<> b();
coro::task<> c();
coro::task<int> fa();
coro::task<int> fb();
std::mutex m;

coro::task<> also_bad() {
  co_await a();
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await b();                     // expect-note {{suspended here by co_await}}
  co_await c();                     // expect-note {{suspended here by co_await}}
}

coro::task<int> not_good() {
  int s;
  {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    s = co_await fb();                // expect-note {{suspended here by co_await}}
  }
  co_await c();
  co_return s;
}

coro::task<> bad_two_on_one_line() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await a(); co_await b();       // expect-note 2 {{suspended here by co_await}}
}

coro::task<int> bad_two_in_one_expression() {
  std::lock_guard<std::mutex> g(m);      // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  int s = co_await fa() + co_await fb(); // expect-note 2 {{suspended here by co_await}}
  co_return s;
}

auto bad_in_lambda = [](std::mutex &mu) -> coro::task<> {
  co_await a();
  std::lock_guard<std::mutex> g(mu); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await b();                      // expect-note {{suspended here by co_await}}
  co_await c();                      // expect-note {{suspended here by co_await}}
};
