// verify-args: -std=c++20 -I ../include
//
// std::exchange(lk, empty) moves the lock out of lk (which becomes empty)
// into the result: discarded, the lock is released at the end of the
// statement; stored in a local, that local is the holder.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
std::mutex m;

coro::task<> good_exchanged_and_discarded() {
  std::unique_lock<std::mutex> no_warning_1(m);
  (void)std::exchange(no_warning_1, std::unique_lock<std::mutex>());
  co_await baz();
}

coro::task<> bad_exchanged_into_local() {
  std::unique_lock<std::mutex> lk(m);
  std::unique_lock<std::mutex> old = std::exchange(lk, std::unique_lock<std::mutex>()); // expect-warning {{'old' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz(); // expect-note {{suspended here by co_await}}
}
