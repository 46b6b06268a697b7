// verify-args: -std=c++20 -I ../include
//
// After co_return (or a throw) nothing is held: a lock taken only on a
// path that leaves the coroutine never reaches a later co_await.  A lock
// released only on the leaving path is still held on the other.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
int n;

coro::task<> good_co_return_on_locked_path(bool c) {
  std::unique_lock<std::mutex> no_warning_1(m, std::defer_lock);
  if (c) {
    no_warning_1.lock();
    ++n;
    co_return;
  }
  co_await baz();
}

coro::task<> good_throw_on_locked_path(bool c) {
  std::unique_lock<std::mutex> no_warning_2(m, std::defer_lock);
  if (c) {
    no_warning_2.lock();
    throw 1;
  }
  co_await baz();
}

coro::task<> bad_unlocked_only_on_leaving_path(bool c) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (c) {
    lk.unlock();
    co_return;
  }
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<int> good_guard_only_on_early_return_path(bool c) {
  if (c) {
    std::lock_guard<std::mutex> no_warning_3(m);
    co_return n;
  }
  co_await baz();
  co_return 0;
}
