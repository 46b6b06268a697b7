// verify-args: -std=c++20 -I ../include
//
// A guard declared in one branch of an if does not exist in the other
// branch nor after the if.  Only a co_await in its own branch is listed.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
int n;

coro::task<> good_guard_in_then_await_in_else(bool c) {
  if (c) {
    std::lock_guard<std::mutex> no_warning_1(m);
    ++n;
  } else {
    co_await baz();
  }
}

coro::task<> good_guard_in_then_await_after_if(bool c) {
  if (c) {
    std::lock_guard<std::mutex> no_warning_2(m);
    ++n;
  }
  co_await baz();
}

coro::task<> bad_guard_and_await_in_then(bool c) {
  if (c) {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await baz();                   // expect-note {{suspended here by co_await}}
  } else {
    co_await baz();
  }
  co_await baz();
}

coro::task<> bad_guard_in_else_if_chain(int x) {
  if (x == 0) {
    co_await baz();
  } else if (x == 1) {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await baz();                   // expect-note {{suspended here by co_await}}
  } else {
    co_await baz();
  }
}
