// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/allowed_operands.toml
//
// The operand of co_await is what the AST says it is, not the text from
// the keyword to the end of the expression: in "co_await a(), lk.unlock()"
// the unlock runs after the resume, so the guard is held at the await;
// an allowed awaitable or callee that is the left operand of an operator
// ("co_await f() && k()", "co_await f() ? 1 : 2", "co_await x == true",
// "co_await f(), k()") does not suspend, and its entry is used.  Issue 12,
// section 2.
#include "coro_stub.h"
#include "mutex_stub.h"

namespace ops {
struct ready_flag {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  bool await_resume() const noexcept { return true; }
};
ready_flag check_ready();
} // namespace ops

coro::task<> baz();
coro::task<bool> slow_flag();
bool k();

coro::task<> bad_unlock_after_comma(std::mutex &m) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz(), lk.unlock();        // expect-note {{suspended here by co_await}}
}

coro::task<> good_unlock_before_comma(std::mutex &m) {
  std::unique_lock<std::mutex> no_warning_1(m);
  no_warning_1.unlock(), co_await baz();
}

coro::task<> good_allowed_left_operands(std::mutex &m) {
  std::unique_lock<std::mutex> no_warning_2(m);
  bool a = co_await ops::check_ready() && k();
  int b = co_await ops::check_ready() ? 1 : 2;
  bool c = co_await ops::ready_flag{} == true;
  co_await ops::check_ready(), k();
  (void)a, (void)b, (void)c;
}

coro::task<> bad_not_allowed_left_operand(std::mutex &m) {
  std::unique_lock<std::mutex> lk(m);  // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  bool a = co_await slow_flag() && k(); // expect-note {{suspended here by co_await}}
  (void)a;
}
