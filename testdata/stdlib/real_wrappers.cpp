// verify-args: -std=c++20
//
// Owning wrappers from the host's <optional> and <memory> (unique_ptr's
// default deleter argument, shared_ptr's control block) around a real
// std::lock_guard, and their releases.
#include <coroutine>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
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

using Guard = std::lock_guard<std::mutex>;
local::task baz();
std::mutex m;

local::task bad_optional() {
  std::optional<Guard> g; // expect-warning {{'g' of type}}
  g.emplace(m);
  co_await baz(); // expect-note {{suspended here by co_await}}
}

local::task bad_unique_ptr() {
  auto g = std::make_unique<Guard>(m); // expect-warning {{'g' of type}}
  co_await baz();                      // expect-note {{suspended here by co_await}}
}

local::task bad_shared_ptr() {
  auto g = std::make_shared<Guard>(m); // expect-warning {{'g' of type}}
  co_await baz();                      // expect-note {{suspended here by co_await}}
}

local::task good_optional_reset() {
  std::optional<Guard> no_warning_1(std::in_place, m);
  no_warning_1.reset();
  co_await baz();
}

local::task good_optional_nullopt() {
  std::optional<Guard> no_warning_2(std::in_place, m);
  no_warning_2 = std::nullopt;
  co_await baz();
}

local::task good_unique_ptr_reset() {
  auto no_warning_3 = std::make_unique<Guard>(m);
  no_warning_3.reset();
  co_await baz();
}

local::task good_shared_ptr_nullptr() {
  auto no_warning_4 = std::make_shared<Guard>(m);
  no_warning_4 = nullptr;
  co_await baz();
}
