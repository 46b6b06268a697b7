// verify-args: -std=c++20 -I ../include
//
// Calling a coroutine or making an awaitable without co_await does not
// suspend the caller: the task is only created.  Neither does a plain
// function that returns a task.
// expect-no-diagnostics
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;

coro::task<> good_task_created_not_awaited() {
  std::lock_guard<std::mutex> no_warning_1(m);
  auto t = baz();
  co_return;
}

void good_plain_function_creating_task() {
  std::lock_guard<std::mutex> no_warning_2(m);
  auto t = baz();
}

coro::task<> good_plain_function_returning_task() {
  std::lock_guard<std::mutex> no_warning_3(m);
  return baz();
}

coro::task<> good_awaitable_made_not_awaited() {
  std::lock_guard<std::mutex> no_warning_4(m);
  auto timer = coro::sleep_for(5);
  (void)timer.await_ready();
  co_return;
}

coro::task<> good_task_awaited_after_lock() {
  coro::task<> t = [&]() {
    std::lock_guard<std::mutex> no_warning_5(m);
    return baz();
  }();
  co_await static_cast<coro::task<> &&>(t);
}
