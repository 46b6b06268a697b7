// verify-args: -std=c++20
//
// The same rules with the host's real <mutex> and <coroutine> (libstdc++
// or libc++ spellings, internal namespaces, real deduction guides),
// using a small task type of its own instead of testdata/include.
#include <coroutine>
#include <exception>
#include <mutex>
#include <utility>

namespace local {
struct task {
  struct promise_type {
    task get_return_object() { return task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
} // namespace local

local::task baz();
void consume(std::unique_lock<std::mutex> lk);
std::mutex m1, m2;

local::task bad_lock_guard() {
  std::lock_guard<std::mutex> g(m1); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz();                    // expect-note {{suspended here by co_await}}
}

local::task bad_unique_lock() {
  std::unique_lock<std::mutex> lk(m1); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  co_await baz();                      // expect-note {{suspended here by co_await}}
}

local::task bad_scoped_lock_ctad() {
  std::scoped_lock both(m1, m2); // expect-warning {{'both' of type}}
  co_await baz();                // expect-note {{suspended here by co_await}}
}

local::task bad_suspend_always() {
  std::lock_guard g(m1);             // expect-warning {{'g' of type}}
  co_await std::suspend_always{};    // expect-note {{suspended here by co_await}}
}

local::task good_unlock() {
  std::unique_lock<std::mutex> no_warning_1(m1);
  no_warning_1.unlock();
  co_await baz();
}

local::task good_defer_lock() {
  std::unique_lock<std::mutex> no_warning_2(m1, std::defer_lock);
  co_await baz();
}

local::task good_moved() {
  std::unique_lock<std::mutex> no_warning_3(m1);
  consume(std::move(no_warning_3));
  co_await baz();
}

local::task good_block() {
  {
    std::lock_guard<std::mutex> no_warning_4(m1);
  }
  co_await baz();
}
