// verify-args: -std=c++20 -I ../include
//
// A co_await in the condition of an if, a while, a for or a switch is a
// suspension point like any other: a guard alive there is reported.  A
// guard inside the loop body is not alive when the next condition runs.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<bool> ready();
coro::task<bool> more();
coro::task<int> fetch();
std::mutex m;
int n;

coro::task<> bad_if_condition() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  if (co_await ready())             // expect-note {{suspended here by co_await}}
    ++n;
}

coro::task<> bad_while_condition() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  while (co_await more())           // expect-note {{suspended here by co_await}}
    ++n;
}

coro::task<> bad_for_condition() {
  std::lock_guard<std::mutex> g(m);      // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  for (int i = 0; co_await more(); ++i) // expect-note {{suspended here by co_await}}
    n += i;
}

coro::task<> bad_switch_condition() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  switch (co_await fetch()) {       // expect-note {{suspended here by co_await}}
  case 0:
    ++n;
    break;
  }
}

coro::task<> good_guard_in_body_await_in_condition() {
  while (co_await more()) {
    std::lock_guard<std::mutex> no_warning_1(m);
    ++n;
  }
}
