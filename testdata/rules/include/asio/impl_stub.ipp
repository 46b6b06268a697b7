// Shared body of the asio/this_coro.hpp and boost/asio/this_coro.hpp
// stand-ins (the real libraries ship two copies of the same code, in
// namespace asio and in namespace boost::asio).  The includer opens the
// namespace.
//
// this_coro's placeholders are empty tag types; awaitable's promise turns
// each into an awaiter whose await_ready() is true, as
// awaitable_frame_base::await_transform does.

namespace this_coro {
struct executor_t {
  constexpr executor_t() {}
};
constexpr executor_t executor;

struct cancellation_state_t {
  constexpr cancellation_state_t() {}
};
constexpr cancellation_state_t cancellation_state;

struct reset_cancellation_state_0_t {
  constexpr reset_cancellation_state_0_t() {}
};
inline constexpr reset_cancellation_state_0_t reset_cancellation_state() {
  return reset_cancellation_state_0_t();
}

template <typename Filter>
struct reset_cancellation_state_1_t {
  explicit constexpr reset_cancellation_state_1_t(Filter f) : filter(f) {}
  Filter filter;
};
template <typename Filter>
inline constexpr reset_cancellation_state_1_t<Filter> reset_cancellation_state(Filter f) {
  return reset_cancellation_state_1_t<Filter>(f);
}

struct throw_if_cancelled_0_t {
  constexpr throw_if_cancelled_0_t() {}
};
inline constexpr throw_if_cancelled_0_t throw_if_cancelled() { return throw_if_cancelled_0_t(); }

struct throw_if_cancelled_1_t {
  explicit constexpr throw_if_cancelled_1_t(bool v) : value(v) {}
  bool value;
};
inline constexpr throw_if_cancelled_1_t throw_if_cancelled(bool v) { return throw_if_cancelled_1_t(v); }
} // namespace this_coro

class any_io_executor {};
class cancellation_state {};

template <typename T>
struct ready_result {
  T value;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() { return value; }
};

template <typename T = void>
class awaitable {
public:
  struct promise_type : demo::value_slot<T> {
    std::coroutine_handle<> next;
    awaitable get_return_object() noexcept {
      return awaitable(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() const noexcept { return {}; }
    std::suspend_always final_suspend() const noexcept { return {}; }
    void unhandled_exception() noexcept {}

    ready_result<any_io_executor> await_transform(this_coro::executor_t) noexcept { return {{}}; }
    ready_result<cancellation_state> await_transform(this_coro::cancellation_state_t) noexcept { return {{}}; }
    ready_result<bool> await_transform(this_coro::reset_cancellation_state_0_t) noexcept { return {true}; }
    template <typename F>
    ready_result<bool> await_transform(this_coro::reset_cancellation_state_1_t<F>) noexcept { return {true}; }
    ready_result<bool> await_transform(this_coro::throw_if_cancelled_0_t) noexcept { return {true}; }
    ready_result<bool> await_transform(this_coro::throw_if_cancelled_1_t) noexcept { return {true}; }
    template <typename A>
    A &&await_transform(A &&a) noexcept { return static_cast<A &&>(a); }
  };

  awaitable(awaitable &&o) noexcept : h_(o.h_) { o.h_ = {}; }
  ~awaitable() {
    if (h_.address())
      h_.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> a) noexcept {
    h_.promise().next = a;
    return h_;
  }
  T await_resume() { return h_.promise().take(); }

private:
  explicit awaitable(std::coroutine_handle<promise_type> h) noexcept : h_(h) {}
  std::coroutine_handle<promise_type> h_;
};
