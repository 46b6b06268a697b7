// verify-args: -std=c++20 -I ../include
//
// Moving a local lock into a data member or a global hands it out of the
// frame's locals: the local owns nothing afterwards (and members are not
// checked).  After a return/co_return nothing is held, so a lock handed
// back on one path does not reach a co_await on another.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m;
std::unique_lock<std::mutex> global_lock;

struct Session {
  std::unique_lock<std::mutex> held;

  coro::task<> good_moved_into_member(std::mutex &mu) {
    std::unique_lock<std::mutex> no_warning_1(mu);
    held = std::move(no_warning_1);
    co_await baz();
  }
};

coro::task<> good_moved_into_global() {
  std::unique_lock<std::mutex> no_warning_2(m);
  global_lock = std::move(no_warning_2);
  co_await baz();
}

coro::task<std::unique_lock<std::mutex>> good_returned_on_the_locked_path(bool c) {
  std::unique_lock<std::mutex> no_warning_3(m, std::defer_lock);
  if (c) {
    no_warning_3.lock();
    co_return std::move(no_warning_3);
  }
  co_await baz();
  co_return std::unique_lock<std::mutex>();
}

coro::task<std::unique_lock<std::mutex>> bad_returned_only_on_one_path(bool c) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (c)
    co_return std::move(lk);
  co_await baz(); // expect-note {{suspended here by co_await}}
  co_return std::move(lk);
}
