// verify-args: -std=c++20 -I ../include
//
// A co_await or a guard written inside a macro is placed at the line where
// the macro is expanded.  A macro that holds a lock around its own
// co_await gives the warning and the note on the same line.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
coro::task<int> fetch();
std::mutex m;

#define AWAIT(x) co_await (x)
#define YIELD_NOW() co_await coro::yield_now()
#define LOCKED_AWAIT(mu, x)                       \
  do {                                            \
    std::lock_guard<std::mutex> macro_guard_(mu); \
    co_await (x);                                 \
  } while (0)
#define LOCKED(mu, stmt)                        \
  do {                                          \
    std::lock_guard<std::mutex> locked_(mu);    \
    stmt;                                       \
  } while (0)

coro::task<> bad_await_macro() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  AWAIT(baz());                     // expect-note {{suspended here by co_await}}
}

coro::task<> bad_yield_macro() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  YIELD_NOW();                      // expect-note {{suspended here by co_await}}
}

coro::task<> bad_guard_and_await_in_one_macro() {
  LOCKED_AWAIT(m, baz()); // expect-warning {{'macro_guard_' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  // expect-note@-1 {{suspended here by co_await}}
}

coro::task<int> good_locked_macro_without_await() {
  int v = 0;
  LOCKED(m, ++v);
  v += co_await fetch();
  co_return v;
}
