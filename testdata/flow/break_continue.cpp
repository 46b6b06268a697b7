// verify-args: -std=c++20 -I ../include
//
// break and continue: a 'continue' that skips the unlock carries the lock
// back to the top of the loop; a 'break' that skips it carries the lock
// out of the loop.  Leaving the body's block by break/continue destroys
// the guards declared in it.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
coro::task<> b();
bool skip(int);
bool done();
std::mutex m;
int n;

coro::task<> bad_continue_skips_unlock() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  for (int i = 0; i < 3; ++i) {
    co_await a(); // expect-note {{suspended here by co_await}}
    lk.lock();
    if (skip(i))
      continue;
    lk.unlock();
  }
}

coro::task<> bad_break_skips_unlock() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  for (;;) {
    co_await a();
    lk.lock();
    if (done())
      break;
    lk.unlock();
  }
  co_await b(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_break_then_unlock_after_loop() {
  std::unique_lock<std::mutex> no_warning_1(m, std::defer_lock);
  for (;;) {
    co_await a();
    no_warning_1.lock();
    if (done())
      break;
    no_warning_1.unlock();
  }
  no_warning_1.unlock();
  co_await b();
}

coro::task<> good_break_leaves_guard_scope() {
  for (;;) {
    std::lock_guard<std::mutex> no_warning_2(m);
    if (done())
      break;
    ++n;
  }
  co_await b();
}

coro::task<> good_continue_leaves_guard_scope() {
  for (int i = 0; i < 3; ++i) {
    co_await a();
    std::lock_guard<std::mutex> no_warning_3(m);
    if (skip(i))
      continue;
    ++n;
  }
}
