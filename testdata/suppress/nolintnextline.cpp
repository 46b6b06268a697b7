// verify-args: -std=c++20 -I ../include
//
// The next-line form silences the line right below it: a guard's
// declaration or a suspension point.  It does not reach two lines down.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
coro::task<> b();
std::mutex m;

coro::task<> good_declaration() {
  // NOLINTNEXTLINE(await-holding)
  std::lock_guard<std::mutex> g(m);
  co_await a();
}

coro::task<> good_bare_declaration() {
  // NOLINTNEXTLINE
  std::lock_guard<std::mutex> g(m);
  co_await a();
}

coro::task<> good_suspension() {
  std::lock_guard<std::mutex> g(m);
  // NOLINTNEXTLINE(await-holding)
  co_await a();
}

// (Bare, so that it is not itself reported as suppressing nothing:
// unused_suppression.cpp.)
coro::task<> bad_two_lines_below() {
  // NOLINTNEXTLINE

  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await a();                     // expect-note {{suspended here by co_await}}
}

coro::task<> bad_one_of_two_suspensions() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  // NOLINTNEXTLINE(await-holding)
  co_await a();
  co_await b(); // expect-note {{suspended here by co_await}}
}
