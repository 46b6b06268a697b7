// verify-args: -std=c++20 -I ../include
//
// co_await on a task is a suspension point wherever it appears in a
// statement: alone, as an initializer, as a call argument, inside a larger
// expression.  The note points at the line of the co_await keyword, also
// when its operand continues on the next line.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
coro::task<int> fetch();
void use(int);
std::mutex m;

coro::task<> bad_statement() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz();                   // expect-note {{suspended here by co_await}}
}

coro::task<int> bad_initializer() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  int v = co_await fetch();         // expect-note {{suspended here by co_await}}
  co_return v;
}

coro::task<> bad_call_argument() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  use(co_await fetch());            // expect-note {{suspended here by co_await}}
}

coro::task<> bad_inside_expression() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  use(1 + 2 * (co_await fetch()));  // expect-note {{suspended here by co_await}}
}

coro::task<> bad_operand_on_next_line() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await // expect-note {{suspended here by co_await}}
      baz();
}

coro::task<> good_await_before_guard() {
  int v = co_await fetch();
  std::lock_guard<std::mutex> no_warning_1(m);
  use(v);
}
