// verify-args: -std=c++20 -I ../include
//
// A member function of a local class is its own function, like a lambda:
// the enclosing function's guard is not held at its co_await, and its own
// guards are checked.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;

void good_enclosing_guard_not_held_in_local_class() {
  std::lock_guard<std::mutex> no_warning_1(m);
  struct Local {
    static coro::task<> run() {
      co_await baz();
    }
  };
  (void)Local::run();
}

void bad_local_class_own_guard() {
  struct Local {
    static coro::task<> run() {
      std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
      co_await baz();                   // expect-note {{suspended here by co_await}}
    }
  };
  (void)Local::run();
}
