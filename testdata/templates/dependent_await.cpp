// verify-args: -std=c++20 -I ../include
//
// co_await and co_yield on dependent operands (the operand's type is a
// template parameter) are suspension points too; in a template
// generator as well.  Dependent release calls (unlock, std::move into a
// dependent sink) still release.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

std::mutex m;

template <class Awaitable>
coro::task<> bad_dependent_operand(Awaitable aw) {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await aw;                      // expect-note {{suspended here by co_await}}
}

template <class Source>
coro::task<int> bad_dependent_call_operand(Source &src) {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  int v = co_await src.next();      // expect-note {{suspended here by co_await}}
  co_return v;
}

template <class T>
coro::generator<T> bad_dependent_yield(T value) {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_yield value;                   // expect-note {{suspended here by co_yield}}
}

template <class Awaitable, class Sink>
coro::task<> good_dependent_release(Awaitable aw, Sink sink) {
  std::unique_lock<std::mutex> no_warning_1(m);
  sink(std::move(no_warning_1));
  co_await aw;
}
