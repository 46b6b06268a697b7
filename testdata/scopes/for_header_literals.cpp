// verify-args: -std=c++20 -I ../include
#include "coro_stub.h"
#include "mutex_stub.h"

std::mutex m;
coro::task<> tick();

// Digit separators are not character literals: the for header's parts
// are still told apart, so the co_await in the increment is seen.
coro::task<> bad_await_in_increment() {
  std::lock_guard<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  for (int i = 0; i < 1'000; co_await tick(), i++) { // expect-note {{suspended here by co_await}}
  }
}

coro::task<> good_unlock_before_loop() {
  std::unique_lock<std::mutex> no_warning_1(m);
  no_warning_1.unlock();
  for (int i = 0; i < 1'000'000; co_await tick(), i++) {
  }
}

// A quote in a comment or a string in the header does not hide the rest.
coro::task<> bad_quote_in_header_comment() {
  std::lock_guard<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  for (int i = 0; /* don't */ i < 10; co_await tick(), i++) { // expect-note {{suspended here by co_await}}
  }
}
