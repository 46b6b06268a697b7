// verify-args: -std=c++20 -I ../include
//
// && and ||: the right operand runs on some paths only.  A co_await there
// may suspend, so a live guard is reported; an unlock there releases on
// some paths only, so the guard is still held at a later co_await.  An
// unlock in the left operand always runs.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
coro::task<bool> check();
bool ready();
bool other();
std::mutex m;
int n;

coro::task<> bad_await_on_right_of_and() {
  std::lock_guard<std::mutex> g(m);      // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  bool ok = ready() && co_await check(); // expect-note {{suspended here by co_await}}
  n += ok;
}

coro::task<> bad_await_on_right_of_or() {
  std::lock_guard<std::mutex> g(m);      // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  if (ready() || co_await check())       // expect-note {{suspended here by co_await}}
    ++n;
}

coro::task<> bad_unlock_only_when_left_is_true() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (ready() && (lk.unlock(), true))
    ++n;
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_unlock_in_left_operand() {
  std::unique_lock<std::mutex> no_warning_1(m);
  if ((no_warning_1.unlock(), ready()) || other())
    ++n;
  co_await baz();
}
