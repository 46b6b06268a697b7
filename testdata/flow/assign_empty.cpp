// verify-args: -std=c++20 -I ../include
//
// Assigning an empty or moved-from lock to a lock releases what it held;
// assigning a locked one makes it hold that.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m1, m2;

coro::task<> good_assigned_empty_temporary() {
  std::unique_lock<std::mutex> no_warning_1(m1);
  no_warning_1 = std::unique_lock<std::mutex>();
  co_await baz();
}

coro::task<> good_assigned_braces() {
  std::unique_lock<std::mutex> no_warning_2(m1);
  no_warning_2 = {};
  co_await baz();
}

coro::task<> good_assigned_moved_from_empty() {
  std::unique_lock<std::mutex> no_warning_3(m1);
  std::unique_lock<std::mutex> no_warning_4;
  no_warning_3 = std::move(no_warning_4);
  co_await baz();
}

coro::task<> bad_assigned_locked() {
  std::unique_lock<std::mutex> lk(m1); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  lk = std::unique_lock<std::mutex>(m2);
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_assigned_empty_on_one_branch(bool c) {
  std::unique_lock<std::mutex> lk(m1); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (c)
    lk = std::unique_lock<std::mutex>();
  co_await baz(); // expect-note {{suspended here by co_await}}
}
