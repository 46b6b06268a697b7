// verify-args: -std=c++20 -I ../include
//
// The back edge of a loop carries the lock state into the next iteration:
// a lock taken at the end of the body is held at a co_await at the top of
// the next one.  A lock released before the co_await and taken again after
// it, every iteration, is never held there.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
coro::task<> after();
bool more();
std::mutex m;
int n;

coro::task<> bad_locked_at_end_of_body() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  for (int i = 0; i < 3; ++i) {
    co_await baz(); // expect-note {{suspended here by co_await}}
    lk.lock();
    ++n;
  }
}

coro::task<> bad_locked_at_end_of_do_body() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  do {
    co_await baz(); // expect-note {{suspended here by co_await}}
    lk.lock();
  } while (more());
}

coro::task<> good_unlocked_at_top_relocked_at_end() {
  std::unique_lock<std::mutex> no_warning_1(m);
  while (more()) {
    no_warning_1.unlock();
    co_await baz();
    no_warning_1.lock();
    ++n;
  }
}

coro::task<> good_locked_and_unlocked_each_iteration() {
  std::unique_lock<std::mutex> no_warning_2(m, std::defer_lock);
  for (int i = 0; i < 3; ++i) {
    no_warning_2.lock();
    ++n;
    no_warning_2.unlock();
    co_await baz();
  }
}

coro::task<> bad_locked_in_loop_awaited_after() {
  std::unique_lock<std::mutex> lk(m, std::defer_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  while (more()) {
    if (!lk.owns_lock())
      lk.lock();
    ++n;
  }
  co_await after(); // expect-note {{suspended here by co_await}}
}
