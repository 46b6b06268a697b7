// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/sched.json
//
// try/catch: a guard declared in the try block is destroyed before a
// handler runs, so a suspension in the handler (a configured suspend
// function: co_await is not allowed in a handler) does not see it; a
// guard declared before the try does.  A co_await inside the try block is
// reached with the try block's guards alive.
#include "coro_stub.h"
#include "mutex_stub.h"

namespace sched {
void yield();
}

coro::task<> baz();
void risky();
std::mutex m;

void good_guard_in_try_suspend_in_handler() {
  try {
    std::lock_guard<std::mutex> no_warning_1(m);
    risky();
  } catch (...) {
    sched::yield();
  }
}

void bad_guard_before_try_suspend_in_handler() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  try {
    risky();
  } catch (...) {
    sched::yield(); // expect-note {{suspended here by call to 'sched::yield'}}
  }
}

void bad_guard_in_handler() {
  try {
    risky();
  } catch (...) {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    sched::yield();                   // expect-note {{suspended here by call to 'sched::yield'}}
  }
}

coro::task<> bad_await_in_try_block() {
  try {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await baz();                   // expect-note {{suspended here by co_await}}
  } catch (...) {
  }
}

coro::task<> good_flag_then_await_after_try() {
  bool failed = false;
  try {
    std::lock_guard<std::mutex> no_warning_2(m);
    risky();
  } catch (...) {
    failed = true;
  }
  if (failed)
    co_await baz();
}
