// verify-args: -std=c++20 -I ../include
//
// switch: falling through from a case that locks into a case that awaits
// carries the lock; a jump from the switch head straight to a case does
// not pass the lock().  A case that breaks out locked reaches a co_await
// after the switch.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
coro::task<> b();
std::mutex m;
int n;

coro::task<> bad_fallthrough_into_await(int x) {
  std::unique_lock<std::mutex> lk(m, std::defer_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  switch (x) {
  case 0:
    lk.lock();
    [[fallthrough]];
  case 1:
    co_await a(); // expect-note {{suspended here by co_await}}
    break;
  case 2:
    co_await b();
    break;
  }
}

coro::task<> good_break_before_next_case(int x) {
  std::unique_lock<std::mutex> no_warning_1(m, std::defer_lock);
  switch (x) {
  case 0:
    no_warning_1.lock();
    ++n;
    no_warning_1.unlock();
    break;
  case 1:
    co_await a();
    break;
  }
}

coro::task<> bad_locked_case_reaches_await_after_switch(int x) {
  std::unique_lock<std::mutex> lk(m, std::defer_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  switch (x) {
  case 0:
    lk.lock();
    break;
  default:
    co_await a();
    break;
  }
  co_await b(); // expect-note {{suspended here by co_await}}
}
