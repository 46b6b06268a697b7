// verify-args: -std=c++20 -I ../include
//
// swap() exchanges what two locks own.  Swapping with an empty lock
// releases the local; the lock now lives in the other object: silent if
// that one is a temporary or ends before the co_await, reported (on it)
// if it is still alive.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m1, m2;
int n;

coro::task<> good_swapped_with_temporary() {
  std::unique_lock<std::mutex> no_warning_1(m1);
  std::unique_lock<std::mutex>().swap(no_warning_1);
  co_await baz();
}

coro::task<> good_swapped_into_inner_scope() {
  std::unique_lock<std::mutex> no_warning_2(m1);
  {
    std::unique_lock<std::mutex> no_warning_3;
    no_warning_2.swap(no_warning_3);
    ++n;
  }
  co_await baz();
}

coro::task<> bad_swapped_into_live_local() {
  std::unique_lock<std::mutex> lk(m1);
  std::unique_lock<std::mutex> tmp; // expect-warning {{'tmp' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  lk.swap(tmp);
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_std_swap_into_live_local() {
  std::unique_lock<std::mutex> lk(m1);
  std::unique_lock<std::mutex> tmp; // expect-warning {{'tmp' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  swap(lk, tmp);
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_swap_two_held_locks() {
  std::unique_lock<std::mutex> l1(m1); // expect-warning {{'l1' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  std::unique_lock<std::mutex> l2(m2); // expect-warning {{'l2' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  l1.swap(l2);
  co_await baz(); // expect-note 2 {{suspended here by co_await}}
}
