// verify-args: -std=c++20 -I ../include
//
// A suppression comment that names only other checks does not silence
// this one, in any of its forms.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> a();
std::mutex m;

coro::task<> bad_other_check_on_declaration() {
  std::lock_guard<std::mutex> g(m); // NOLINT(bugprone-use-after-move)
  // expect-warning@-1 {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await a(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_other_check_next_line() {
  // NOLINTNEXTLINE(misc-coroutine-hostile-raii)
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await a();                     // expect-note {{suspended here by co_await}}
}

coro::task<> bad_other_check_on_suspension() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await a(); // NOLINT(readability-identifier-naming)
  // expect-note@-1 {{suspended here by co_await}}
}
