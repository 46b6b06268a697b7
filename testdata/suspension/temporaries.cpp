// verify-args: -std=c++20 -I ../include
//
// SCENARIO 44: a temporary guard lives until the end of its
// full-expression.  When that full-expression contains the suspension,
// the temporary is held across it and is reported at its line (there is
// no name; match from "of type").  A temporary in a full-expression
// without a suspension is gone before the next statement.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

using Guard = std::lock_guard<std::mutex>;
coro::task<int> f();
coro::task<> use(const std::lock_guard<std::mutex> &g, int v);
coro::task<> use_ptr(const std::lock_guard<std::mutex> &g, coro::task<int> t);
void use_now(const std::lock_guard<std::mutex> &g, int v);
std::unique_ptr<std::lock_guard<std::mutex>> acquire(std::mutex &m);
std::mutex m;

coro::task<> bad_temporary_in_awaited_call() {
  co_await use(std::lock_guard<std::mutex>(m), 1); // expect-warning {{of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  // expect-note@-1 {{suspended here by co_await}}
}

// The order of the two arguments is unspecified: the guard may be made
// before the co_await suspends, so it is held on some path.
coro::task<> bad_temporary_next_to_inner_await() {
  use_now(std::lock_guard<std::mutex>(m), co_await f()); // expect-warning {{of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  // expect-note@-1 {{suspended here by co_await}}
}

coro::task<> bad_dereferenced_owning_temporary() {
  co_await use(*acquire(m), 2); // expect-warning {{of type 'std::unique_ptr<std::lock_guard<std::mutex>}}
  // expect-note@-1 {{suspended here by co_await}}
}

coro::task<> bad_comma_in_operand() {
  co_await (std::lock_guard<std::mutex>(m), f()); // expect-warning {{of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  // expect-note@-1 {{suspended here by co_await}}
}

// As above; the warning is at the line where the temporary is written.
coro::task<> bad_temporary_spanning_lines() {
  use_now(std::lock_guard<std::mutex>(m), // expect-warning {{of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
          co_await f());                  // expect-note {{suspended here by co_await}}
}

coro::task<> good_temporary_in_earlier_statement() {
  use_now(std::lock_guard<std::mutex>(m), 1);
  co_await f();
}

coro::task<> good_await_result_used_under_later_temporary() {
  int v = co_await f();
  use_now(Guard(m), v);
}
