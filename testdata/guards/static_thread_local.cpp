// verify-args: -std=c++20 -I ../include
//
// Policy: only objects in the coroutine frame are checked.  Static and
// thread_local locals and namespace-scope guards are not frame locals and
// are not reported, even though a thread_local guard across a suspension
// is rarely right.
// expect-no-diagnostics
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
std::lock_guard<std::mutex> global_guard(m);

coro::task<> good_static_local() {
  static std::lock_guard<std::mutex> no_warning_1(m);
  co_await baz();
}

coro::task<> good_thread_local() {
  thread_local std::unique_lock<std::mutex> no_warning_2(m, std::defer_lock);
  no_warning_2.lock();
  co_await baz();
  no_warning_2.unlock();
}

coro::task<> good_namespace_scope_guard() {
  co_await baz();
}
