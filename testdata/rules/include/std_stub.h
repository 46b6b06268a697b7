// std_stub.h - just enough of <coroutine>, <chrono>, <memory>, <mutex> and
// <shared_mutex> for the rule-pack cases, plus demo::task, a lazy coroutine
// task to write coroutines with.
//
// Stand-in so that testdata/rules/ depends on neither the host's C++
// library nor the libraries whose packs it tests.  The lock templates sit
// in an inline namespace, as in libc++ (std::__1), so that the spelled
// names in allowed-types ("std::unique_lock<folly::coro::Mutex>") are
// checked through it.
#ifndef AWAIT_HOLDING_RULES_STD_STUB_H
#define AWAIT_HOLDING_RULES_STD_STUB_H

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
  static coroutine_handle from_address(void *a) noexcept {
    coroutine_handle h;
    h.p_ = a;
    return h;
  }
  void *address() const noexcept { return p_; }
  void resume() const { __builtin_coro_resume(p_); }
  void destroy() const { __builtin_coro_destroy(p_); }
  bool done() const { return __builtin_coro_done(p_); }

protected:
  void *p_ = nullptr;
};

template <class Promise>
struct coroutine_handle : coroutine_handle<void> {
  static coroutine_handle from_address(void *a) noexcept {
    coroutine_handle h;
    h.p_ = a;
    return h;
  }
  static coroutine_handle from_promise(Promise &p) noexcept {
    coroutine_handle h;
    h.p_ = __builtin_coro_promise(&p, alignof(Promise), true);
    return h;
  }
  Promise &promise() const {
    return *static_cast<Promise *>(__builtin_coro_promise(p_, alignof(Promise), false));
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

namespace chrono {
template <class Rep, class Period = void>
struct duration {
  Rep count_ = 0;
};
template <class Clock, class Duration = typename Clock::duration>
struct time_point {
  Duration since_epoch_;
};
struct steady_clock {
  using duration = chrono::duration<long>;
  using time_point = chrono::time_point<steady_clock>;
  static time_point now() noexcept { return {}; }
};
using milliseconds = duration<long>;
} // namespace chrono

template <class T>
class shared_ptr {
public:
  shared_ptr() noexcept = default;
  T *get() const noexcept { return p_; }
  T *operator->() const noexcept { return p_; }

private:
  T *p_ = nullptr;
};

template <class T>
class unique_ptr {
public:
  unique_ptr() noexcept = default;
  explicit unique_ptr(T *p) noexcept : p_(p) {}
  unique_ptr(unique_ptr &&o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  unique_ptr(const unique_ptr &) = delete;
  ~unique_ptr() { delete p_; }
  T *operator->() const noexcept { return p_; }
  void reset() noexcept {
    delete p_;
    p_ = nullptr;
  }

private:
  T *p_ = nullptr;
};

inline namespace __1 {

class mutex {
public:
  constexpr mutex() noexcept = default;
  mutex(const mutex &) = delete;
  void lock() {}
  bool try_lock() { return true; }
  void unlock() {}
};

struct defer_lock_t { explicit defer_lock_t() = default; };
struct try_to_lock_t { explicit try_to_lock_t() = default; };
struct adopt_lock_t { explicit adopt_lock_t() = default; };
inline constexpr defer_lock_t defer_lock{};
inline constexpr try_to_lock_t try_to_lock{};
inline constexpr adopt_lock_t adopt_lock{};

template <class Mutex>
class lock_guard {
public:
  explicit lock_guard(Mutex &m) : m_(m) { m_.lock(); }
  lock_guard(Mutex &m, adopt_lock_t) noexcept : m_(m) {}
  ~lock_guard() { m_.unlock(); }
  lock_guard(const lock_guard &) = delete;

private:
  Mutex &m_;
};

template <class Mutex>
class unique_lock {
public:
  unique_lock() noexcept = default;
  explicit unique_lock(Mutex &m) : m_(&m), owns_(true) { m.lock(); }
  unique_lock(Mutex &m, defer_lock_t) noexcept : m_(&m) {}
  unique_lock(Mutex &m, adopt_lock_t) noexcept : m_(&m), owns_(true) {}
  unique_lock(unique_lock &&o) noexcept : m_(o.m_), owns_(o.owns_) {
    o.m_ = nullptr;
    o.owns_ = false;
  }
  unique_lock(const unique_lock &) = delete;
  ~unique_lock() {
    if (owns_)
      m_->unlock();
  }
  void unlock() {
    m_->unlock();
    owns_ = false;
  }
  bool owns_lock() const noexcept { return owns_; }

private:
  Mutex *m_ = nullptr;
  bool owns_ = false;
};

template <class Mutex>
class shared_lock {
public:
  shared_lock() noexcept = default;
  explicit shared_lock(Mutex &m) : m_(&m), owns_(true) { m.lock_shared(); }
  shared_lock(Mutex &m, adopt_lock_t) noexcept : m_(&m), owns_(true) {}
  shared_lock(shared_lock &&o) noexcept : m_(o.m_), owns_(o.owns_) {
    o.m_ = nullptr;
    o.owns_ = false;
  }
  shared_lock(const shared_lock &) = delete;
  ~shared_lock() {
    if (owns_)
      m_->unlock_shared();
  }
  void unlock() {
    m_->unlock_shared();
    owns_ = false;
  }

private:
  Mutex *m_ = nullptr;
  bool owns_ = false;
};

} // inline namespace __1
} // namespace std

// A lazy coroutine task: "co_await t" runs t to completion.
namespace demo {

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

template <class T = void>
class task {
public:
  struct promise_type : value_slot<T> {
    std::coroutine_handle<> next;
    task get_return_object() noexcept {
      return task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() const noexcept { return {}; }
    struct final_awaiter {
      bool await_ready() const noexcept { return false; }
      void await_suspend(std::coroutine_handle<promise_type> h) noexcept {
        if (h.promise().next.address())
          h.promise().next.resume();
      }
      void await_resume() const noexcept {}
    };
    final_awaiter final_suspend() const noexcept { return {}; }
    void unhandled_exception() noexcept {}
  };

  task(task &&o) noexcept : h_(o.h_) { o.h_ = {}; }
  task(const task &) = delete;
  ~task() {
    if (h_.address())
      h_.destroy();
  }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting) noexcept {
    h_.promise().next = awaiting;
    return h_;
  }
  T await_resume() { return h_.promise().take(); }

private:
  explicit task(std::coroutine_handle<promise_type> h) noexcept : h_(h) {}
  std::coroutine_handle<promise_type> h_;
};

// An awaitable that always suspends: a timer or a scheduler hop.
struct sleep_awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
inline sleep_awaitable yield_now() { return {}; }

} // namespace demo

#endif
