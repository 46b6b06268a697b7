// coro_stub.h - just enough of <coroutine> for clang to accept coroutines,
// plus a small coroutine library (namespace coro) for the test inputs.
//
// Stand-in so that testdata/ does not depend on the host's libstdc++.
// Correct C++20, but minimal: no allocators, no exceptions propagated.
#ifndef AWAIT_HOLDING_TESTDATA_CORO_STUB_H
#define AWAIT_HOLDING_TESTDATA_CORO_STUB_H

namespace std {

template <class R, class... Args>
struct coroutine_traits {
  using promise_type = typename R::promise_type;
};

template <class Promise = void>
struct coroutine_handle;

template <>
struct coroutine_handle<void> {
  constexpr coroutine_handle() noexcept = default;
  constexpr coroutine_handle(decltype(nullptr)) noexcept {}
  static coroutine_handle from_address(void *addr) noexcept {
    coroutine_handle h;
    h.frame_ = addr;
    return h;
  }
  void *address() const noexcept { return frame_; }
  explicit operator bool() const noexcept { return frame_ != nullptr; }
  bool done() const { return __builtin_coro_done(frame_); }
  void resume() const { __builtin_coro_resume(frame_); }
  void operator()() const { resume(); }
  void destroy() const { __builtin_coro_destroy(frame_); }

protected:
  void *frame_ = nullptr;
};

template <class Promise>
struct coroutine_handle : coroutine_handle<void> {
  constexpr coroutine_handle() noexcept = default;
  constexpr coroutine_handle(decltype(nullptr)) noexcept {}
  static coroutine_handle from_address(void *addr) noexcept {
    coroutine_handle h;
    h.frame_ = addr;
    return h;
  }
  static coroutine_handle from_promise(Promise &p) noexcept {
    coroutine_handle h;
    h.frame_ = __builtin_coro_promise(&p, alignof(Promise), true);
    return h;
  }
  Promise &promise() const {
    return *static_cast<Promise *>(
        __builtin_coro_promise(frame_, alignof(Promise), false));
  }
};

struct suspend_always {
  constexpr bool await_ready() const noexcept { return false; }
  constexpr void await_suspend(coroutine_handle<>) const noexcept {}
  constexpr void await_resume() const noexcept {}
};

struct suspend_never {
  constexpr bool await_ready() const noexcept { return true; }
  constexpr void await_suspend(coroutine_handle<>) const noexcept {}
  constexpr void await_resume() const noexcept {}
};

} // namespace std

namespace coro {

namespace detail {

// Resumes whoever awaited the finished task.
template <class Promise>
struct final_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<Promise> h) noexcept {
    if (h.promise().continuation)
      h.promise().continuation.resume();
  }
  void await_resume() const noexcept {}
};

template <class T>
struct value_slot {
  T value{};
  template <class U>
  void return_value(U &&u) { value = static_cast<U &&>(u); }
  T take() { return static_cast<T &&>(value); }
};

template <>
struct value_slot<void> {
  void return_void() noexcept {}
  void take() noexcept {}
};

} // namespace detail

// Lazy task; 'co_await some_task()' runs it and yields its value.
// T must be default-constructible and move-assignable (or void).
template <class T = void>
class task {
public:
  struct promise_type : detail::value_slot<T> {
    std::coroutine_handle<> continuation;
    task get_return_object() noexcept {
      return task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() const noexcept { return {}; }
    detail::final_awaiter<promise_type> final_suspend() const noexcept { return {}; }
    void unhandled_exception() noexcept {}
  };

  task(task &&other) noexcept : handle_(other.handle_) { other.handle_ = nullptr; }
  task(const task &) = delete;
  task &operator=(const task &) = delete;
  ~task() {
    if (handle_)
      handle_.destroy();
  }

  bool await_ready() const noexcept { return !handle_ || handle_.done(); }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
    handle_.promise().continuation = awaiting;
    return handle_;
  }
  T await_resume() { return handle_.promise().take(); }

private:
  explicit task(std::coroutine_handle<promise_type> h) noexcept : handle_(h) {}
  std::coroutine_handle<promise_type> handle_;
};

// Generator: 'co_yield v' hands out v; next() resumes to the next one.
template <class T>
class generator {
public:
  struct promise_type {
    const T *current = nullptr;
    generator get_return_object() noexcept {
      return generator(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() const noexcept { return {}; }
    std::suspend_always final_suspend() const noexcept { return {}; }
    std::suspend_always yield_value(const T &v) noexcept {
      current = &v;
      return {};
    }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };

  generator(generator &&other) noexcept : handle_(other.handle_) { other.handle_ = nullptr; }
  generator(const generator &) = delete;
  ~generator() {
    if (handle_)
      handle_.destroy();
  }
  bool next() {
    handle_.resume();
    return !handle_.done();
  }
  const T &value() const { return *handle_.promise().current; }

private:
  explicit generator(std::coroutine_handle<promise_type> h) noexcept : handle_(h) {}
  std::coroutine_handle<promise_type> handle_;
};

// An awaitable that always suspends (a timer, a scheduler hop).
struct sleep_awaitable {
  int ms = 0;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

inline sleep_awaitable sleep_for(int ms) { return sleep_awaitable{ms}; }
inline sleep_awaitable yield_now() { return sleep_awaitable{0}; }

// An awaitable that produces a value.
template <class T>
struct value_awaitable {
  T value;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  T await_resume() { return static_cast<T &&>(value); }
};

template <class T>
value_awaitable<T> value_after_wait(T v) { return value_awaitable<T>{v}; }

// An awaitable that never suspends; listed in allowed-awaitables by
// configs/allowed.json.
struct ready_awaitable {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

// Returns an ordinary awaitable type; the function itself is listed in
// allowed-callees by configs/allowed.json (e.g. it completes inline).
inline sleep_awaitable no_suspend() { return sleep_awaitable{0}; }

// Awaitable through a member operator co_await.
struct member_op_awaitable {
  sleep_awaitable operator co_await() const noexcept { return sleep_awaitable{1}; }
};

// Awaitable through a free operator co_await.
struct free_op_awaitable {
  int ms = 1;
};
inline sleep_awaitable operator co_await(free_op_awaitable a) noexcept {
  return sleep_awaitable{a.ms};
}

} // namespace coro

#endif
