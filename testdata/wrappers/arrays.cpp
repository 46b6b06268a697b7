// verify-args: -std=c++20 -I ../include
//
// SCENARIO 29: a built-in array or a std::array of guards owns them.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

using Guard = std::lock_guard<std::mutex>;
coro::task<> baz();
std::mutex m1, m2;

coro::task<> bad_builtin_array() {
  Guard gs[2] = {Guard(m1), Guard(m2)}; // expect-warning {{'gs' of type}}
  co_await baz();                       // expect-note {{suspended here by co_await}}
}

coro::task<> bad_std_array() {
  std::array<std::lock_guard<std::mutex>, 2> ga{Guard(m1), Guard(m2)}; // expect-warning {{'ga' of type 'std::array<std::lock_guard<std::mutex>, 2>' is held across a suspension point}}
  co_await baz();                                                      // expect-note {{suspended here by co_await}}
}

coro::task<> bad_two_dimensional() {
  Guard grid[1][1] = {{Guard(m1)}}; // expect-warning {{'grid' of type}}
  co_await baz();                   // expect-note {{suspended here by co_await}}
}

coro::task<> good_array_in_block() {
  {
    Guard no_warning_1[2] = {Guard(m1), Guard(m2)};
  }
  co_await baz();
}
