// verify-args: -std=c++20
//
// std::shared_lock / std::unique_lock over the real std::shared_mutex, and
// a generator with co_yield, against the host's <shared_mutex>.
#include <coroutine>
#include <exception>
#include <mutex>
#include <shared_mutex>

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

struct int_generator {
  struct promise_type {
    int current = 0;
    int_generator get_return_object() { return int_generator{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) noexcept {
      current = v;
      return {};
    }
    void return_void() noexcept {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
};
} // namespace local

local::task baz();
std::shared_mutex rw;
int value;

local::task bad_reader() {
  std::shared_lock<std::shared_mutex> r(rw); // expect-warning {{'r' of type 'std::shared_lock<std::shared_mutex>' is held across a suspension point}}
  co_await baz();                            // expect-note {{suspended here by co_await}}
}

local::task bad_writer_ctad() {
  std::unique_lock w(rw); // expect-warning {{'w' of type}}
  co_await baz();         // expect-note {{suspended here by co_await}}
}

local::int_generator bad_yield_under_reader_lock() {
  std::shared_lock<std::shared_mutex> r(rw); // expect-warning {{'r' of type 'std::shared_lock<std::shared_mutex>' is held across a suspension point}}
  co_yield value;                            // expect-note {{suspended here by co_yield}}
}

local::task good_rw() {
  {
    std::shared_lock<std::shared_mutex> no_warning_1(rw);
    ++value;
  }
  co_await baz();
  std::unique_lock<std::shared_mutex> no_warning_2(rw);
  ++value;
}
