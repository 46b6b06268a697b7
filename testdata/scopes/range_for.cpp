// verify-args: -std=c++20 -I ../include
//
// Range-based for: a guard in the body is held at a co_await later in
// the same body; a guard in the C++20 init-statement lives for the whole
// loop (libclang does not visit that init-statement); a co_await in the
// range expression suspends while an outer guard is alive.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

coro::task<> baz();
coro::task<> process(int item);
coro::task<std::array<int, 3>> fetch_items();
std::mutex m;
int items[3];
int total;

coro::task<> bad_guard_in_body() {
  for (int item : items) {
    std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await process(item);           // expect-note {{suspended here by co_await}}
  }
}

coro::task<> bad_init_statement_guard() {
  for (std::lock_guard<std::mutex> g(m); int item : items) { // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
    co_await process(item);                                 // expect-note {{suspended here by co_await}}
  }
}

coro::task<> bad_await_in_range_expression() {
  std::lock_guard<std::mutex> g(m);    // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  for (int item : co_await fetch_items()) // expect-note {{suspended here by co_await}}
    total += item;
}

coro::task<> good_init_statement_guard_await_after() {
  for (std::lock_guard<std::mutex> no_warning_1(m); int item : items)
    total += item;
  co_await baz();
}

coro::task<> good_guard_released_per_iteration() {
  for (int item : items) {
    {
      std::lock_guard<std::mutex> no_warning_2(m);
      total += item;
    }
    co_await process(item);
  }
}
