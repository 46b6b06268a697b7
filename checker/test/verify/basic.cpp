// Fixture for test_verify.c: the tests use these line numbers.
#include "coro_stub.h"
task bad_lock_guard(std::mutex &m) {
  std::lock_guard<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await yield_now();              // expect-note {{suspended here by co_await}}
}
