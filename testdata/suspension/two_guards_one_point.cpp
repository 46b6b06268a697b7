// verify-args: -std=c++20 -I ../include
//
// Each guard is its own finding: two guards alive at one co_await give two
// warnings, and the co_await line carries one note for each.  A guard that
// ends before the co_await does not add a note.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m1, m2, m3;

coro::task<> bad_two_guards() {
  std::lock_guard<std::mutex> g1(m1);  // expect-warning {{'g1' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  std::unique_lock<std::mutex> g2(m2); // expect-warning {{'g2' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                      // expect-note 2 {{suspended here by co_await}}
}

coro::task<> bad_one_of_three() {
  std::lock_guard<std::mutex> g1(m1); // expect-warning {{'g1' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  {
    std::lock_guard<std::mutex> no_warning_1(m2);
  }
  std::unique_lock<std::mutex> no_warning_2(m3);
  no_warning_2.unlock();
  co_await baz(); // expect-note {{suspended here by co_await}}
}
