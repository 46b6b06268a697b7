// verify-args: -std=c++20 -I ../include
//
// SCENARIO 51: a guard passed by value to a coroutine is moved into the
// frame and held until the coroutine ends, so a suspension in the body is
// reported at the parameter.  Reference parameters are not reported: the
// caller's guard is the caller's business.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
void consume(std::unique_lock<std::mutex> lk);
std::mutex m;

coro::task<> bad_by_value(std::unique_lock<std::mutex> lk) { // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                                           // expect-note {{suspended here by co_await}}
}

coro::task<int> bad_second_parameter(int n,
                                      std::shared_lock<std::shared_mutex> r) { // expect-warning {{'r' of type 'std::shared_lock<std::shared_mutex>' is held across a suspension point}}
  co_await baz();                                                             // expect-note {{suspended here by co_await}}
  co_return n;
}

auto bad_lambda_parameter = [](std::unique_lock<std::mutex> lk) -> coro::task<> { // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                                                                 // expect-note {{suspended here by co_await}}
};

struct Worker {
  coro::task<> bad_member_function(std::unique_lock<std::mutex> lk) { // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
    co_await baz();                                                  // expect-note {{suspended here by co_await}}
  }
};

coro::task<> good_lvalue_reference(std::unique_lock<std::mutex> &no_warning_1) {
  co_await baz();
}

coro::task<> good_const_reference(const std::lock_guard<std::mutex> &no_warning_2) {
  co_await baz();
}

coro::task<> good_rvalue_reference(std::unique_lock<std::mutex> &&no_warning_3) {
  co_await baz();
}

coro::task<> good_unlocked_first(std::unique_lock<std::mutex> no_warning_4) {
  no_warning_4.unlock();
  co_await baz();
}

coro::task<> good_moved_away_first(std::unique_lock<std::mutex> no_warning_5) {
  consume(std::move(no_warning_5));
  co_await baz();
}

coro::task<> good_no_suspension(std::unique_lock<std::mutex> no_warning_6) {
  co_return;
}

void good_plain_function(std::unique_lock<std::mutex> no_warning_7) {
}
