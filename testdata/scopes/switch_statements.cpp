// verify-args: -std=c++20 -I ../include
//
// A guard in a switch's init-statement lives through every case; a guard
// in a braced case block ends with that block.  (libclang does not visit
// a switch's init-statement, so this needs more than the cursor walk.)
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
int n;

coro::task<> bad_switch_init_guard(int x) {
  switch (std::lock_guard<std::mutex> g(m); x) { // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  case 1:
    co_await baz(); // expect-note {{suspended here by co_await}}
    break;
  default:
    break;
  }
}

coro::task<> good_switch_init_guard_await_after(int x) {
  switch (std::lock_guard<std::mutex> no_warning_1(m); x) {
  case 1:
    ++n;
    break;
  }
  co_await baz();
}

coro::task<> bad_guard_in_case_block(int x) {
  switch (x) {
  case 1: {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await baz();                   // expect-note {{suspended here by co_await}}
    break;
  }
  case 2:
    co_await baz();
    break;
  }
}

coro::task<> good_guard_in_case_block_await_elsewhere(int x) {
  switch (x) {
  case 1: {
    std::lock_guard<std::mutex> no_warning_2(m);
    ++n;
    break;
  }
  default:
    co_await baz();
  }
  co_await baz();
}

template <class M>
coro::task<> bad_switch_init_in_template(M &mu, int x) {
  switch (std::lock_guard<M> g(mu); x) { // expect-warning {{'g' of type}}
  case 0:
    co_await baz(); // expect-note {{suspended here by co_await}}
  }
}
