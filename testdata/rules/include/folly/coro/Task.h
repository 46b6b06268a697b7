// folly/coro/Task.h and folly/coro/CurrentExecutor.h (stand-in): Task's
// promise turns co_current_executor and co_current_cancellation_token
// into ready awaitables (TaskPromiseBase::await_transform).
#ifndef AWAIT_HOLDING_RULES_FOLLY_CORO_TASK_H
#define AWAIT_HOLDING_RULES_FOLLY_CORO_TASK_H

#include "../../std_stub.h"

namespace folly {

class Executor {};
class CancellationToken {};

namespace coro {

namespace detail {
struct co_current_executor_ {
  enum class secret_ { token_ };
  explicit constexpr co_current_executor_(secret_) {}
};
struct co_current_cancellation_token_ {
  enum class secret_ { token_ };
  explicit constexpr co_current_cancellation_token_(secret_) {}
};
} // namespace detail

using co_current_executor_t = detail::co_current_executor_;
inline constexpr co_current_executor_t co_current_executor{co_current_executor_t::secret_::token_};

using co_current_cancellation_token_t = detail::co_current_cancellation_token_;
inline constexpr co_current_cancellation_token_t co_current_cancellation_token{
    co_current_cancellation_token_t::secret_::token_};

// Suspends: reschedules the coroutine on its executor.
class co_reschedule_on_current_executor_t {};
inline constexpr co_reschedule_on_current_executor_t co_reschedule_on_current_executor;

template <typename T>
class ready_awaitable {
public:
  explicit ready_awaitable(T value) : value_(value) {}
  bool await_ready() noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  T await_resume() noexcept { return value_; }

private:
  T value_;
};

template <typename T = void>
class Task {
public:
  struct promise_type : demo::value_slot<T> {
    std::coroutine_handle<> next;
    Executor *executor_ = nullptr;
    CancellationToken cancelToken_;
    Task get_return_object() noexcept {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() const noexcept { return {}; }
    std::suspend_always final_suspend() const noexcept { return {}; }
    void unhandled_exception() noexcept {}

    auto await_transform(co_current_executor_t) noexcept {
      return ready_awaitable<Executor *>{executor_};
    }
    auto await_transform(co_current_cancellation_token_t) noexcept {
      return ready_awaitable<const CancellationToken &>{cancelToken_};
    }
    auto await_transform(co_reschedule_on_current_executor_t) noexcept { return std::suspend_always{}; }
    // co_viaIfAsync: a semi-awaitable (folly::coro::Mutex::co_lock())
    // is bound to the task's executor; an awaitable passes through.
    template <typename SemiAwaitable>
    auto await_transform(SemiAwaitable &&awaitable) noexcept {
      if constexpr (requires { awaitable.viaIfAsync(executor_); })
        return awaitable.viaIfAsync(executor_);
      else
        return static_cast<SemiAwaitable &&>(awaitable);
    }
  };

  Task(Task &&o) noexcept : h_(o.h_) { o.h_ = {}; }
  ~Task() {
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
  explicit Task(std::coroutine_handle<promise_type> h) noexcept : h_(h) {}
  std::coroutine_handle<promise_type> h_;
};

} // namespace coro
} // namespace folly

#endif
