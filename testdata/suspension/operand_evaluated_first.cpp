// verify-args: -std=c++20 -I ../include
//
// A co_await's operand is evaluated before the coroutine suspends.  A
// guard moved (or unlocked) inside the operand owns nothing at the
// suspension: SCENARIO 41, 'l = co_await cv.async_wait(std::move(l));'
// (the lock is handed to the awaited operation and comes back in its
// result).  A guard only referred to in the operand is still held.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

struct condvar {
  coro::task<std::unique_lock<std::mutex>> async_wait(std::unique_lock<std::mutex> lk);
};

coro::task<> baz();
coro::task<> consume(std::unique_lock<std::mutex> lk);
coro::task<> inspect(const std::unique_lock<std::mutex> &lk);
std::mutex m;
bool ready;

coro::task<> good_moved_into_awaited_call() {
  std::unique_lock<std::mutex> no_warning_1(m);
  co_await consume(std::move(no_warning_1));
}

coro::task<> good_async_wait() {
  condvar cv;
  std::unique_lock<std::mutex> no_warning_2(m);
  no_warning_2 = co_await cv.async_wait(std::move(no_warning_2));
  ready = false;
}

coro::task<> good_async_wait_loop(condvar &cv) {
  std::unique_lock<std::mutex> no_warning_3(m);
  while (!ready)
    no_warning_3 = co_await cv.async_wait(std::move(no_warning_3));
  ready = false;
}

coro::task<> good_unlocked_in_operand() {
  std::unique_lock<std::mutex> no_warning_4(m);
  co_await (no_warning_4.unlock(), baz());
}

coro::task<> bad_referred_to_in_operand() {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await inspect(lk);               // expect-note {{suspended here by co_await}}
}

coro::task<> bad_reacquired_by_async_wait_then_awaited(condvar &cv) {
  std::unique_lock<std::mutex> l(m);        // expect-warning {{'l' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  l = co_await cv.async_wait(std::move(l));
  co_await baz();                           // expect-note {{suspended here by co_await}}
}
