// verify-args: -std=c++20 -I ../include
//
// A guard is alive in every block nested inside its own: a co_await in
// an inner block (a plain block, an if, a loop) is reported.  The note is
// at the co_await, however deep.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
bool ready();

coro::task<> bad_inner_block() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  {
    {
      co_await baz(); // expect-note {{suspended here by co_await}}
    }
  }
}

coro::task<> bad_inside_if() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  if (ready()) {
    co_await baz(); // expect-note {{suspended here by co_await}}
  }
}

coro::task<> bad_inside_loop_in_block() {
  {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    for (int i = 0; i < 3; ++i) {
      if (ready())
        co_await baz(); // expect-note {{suspended here by co_await}}
    }
  }
  co_await baz();
}

auto bad_in_lambda = [](std::mutex &mu) -> coro::task<> {
  std::lock_guard<std::mutex> g(mu); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  {
    co_await baz(); // expect-note {{suspended here by co_await}}
  }
};
