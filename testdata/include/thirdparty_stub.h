// thirdparty_stub.h - guard-like types from other libraries, for the tests
// that forbid them through a config (testdata/configs/*.json): tracing
// spans (OpenTelemetry, Rust-tracing style), a parking_lot-style mutex
// guard, a TBB-style concurrent map accessor, an async-acquired guard.
//
// None of these is forbidden by the built-in default rules.
#ifndef AWAIT_HOLDING_TESTDATA_THIRDPARTY_STUB_H
#define AWAIT_HOLDING_TESTDATA_THIRDPARTY_STUB_H

#include "coro_stub.h"

// A minimal OpenTelemetry-like API: activating a span pushes it on a
// thread-local stack until the Scope is destroyed.
namespace otel {
class Scope {
public:
  Scope() = default;
  Scope(const Scope &) = delete;
  Scope &operator=(const Scope &) = delete;
  ~Scope() {}
};
class Span {
public:
  Scope activate() { return Scope(); }
};
} // namespace otel

namespace opentelemetry::trace {
class Span {};
class Scope {
public:
  explicit Scope(Span &) {}
  Scope(const Scope &) = delete;
  Scope &operator=(const Scope &) = delete;
  ~Scope() {}
};
class Tracer {
public:
  Span &StartSpan(const char *) { return span_; }
  static Scope WithActiveSpan(Span &span) { return Scope(span); }

private:
  Span span_;
};
// Re-activates 'span' around every resumption of 't': the span is never
// active while the coroutine is suspended.
coro::task<> instrument(coro::task<> t, Span &span);
} // namespace opentelemetry::trace

// Rust tracing style: span.enter() returns a guard.
namespace tracing {
class Entered {
public:
  Entered() = default;
  Entered(const Entered &) = delete;
  Entered &operator=(const Entered &) = delete;
  ~Entered() {}
};
class Span {
public:
  Entered enter() { return Entered(); }
};
} // namespace tracing

namespace parking_lot {
template <class T>
class MutexGuard {
public:
  explicit MutexGuard(T &v) : v_(v) {}
  MutexGuard(const MutexGuard &) = delete;
  ~MutexGuard() {}
  T &operator*() { return v_; }

private:
  T &v_;
};
template <class T>
class RwLockReadGuard {
public:
  explicit RwLockReadGuard(const T &v) : v_(v) {}
  RwLockReadGuard(const RwLockReadGuard &) = delete;
  ~RwLockReadGuard() {}
  const T &operator*() const { return v_; }

private:
  const T &v_;
};
// A mutex that protects a value, as in Rust's parking_lot.
template <class T>
class Mutex {
public:
  MutexGuard<T> lock() { return MutexGuard<T>(value_); }

private:
  T value_{};
};
template <class T>
class RwLock {
public:
  RwLockReadGuard<T> read() const { return RwLockReadGuard<T>(value_); }

private:
  T value_{};
};
} // namespace parking_lot

namespace tbb {
template <class Key, class T>
class concurrent_hash_map {
public:
  // Holds a write lock on one element while it is alive.
  class accessor {
  public:
    accessor() = default;
    accessor(const accessor &) = delete;
    ~accessor() {}
    T &operator*() { return *value_; }

  private:
    T *value_ = nullptr;
  };
  bool insert(accessor &, const Key &) { return true; }
  bool find(accessor &, const Key &) { return true; }
};
} // namespace tbb

// A mutex acquired asynchronously that hands out a guard object.
namespace amutex {
class Mutex;
class Guard {
public:
  explicit Guard(Mutex &m) : m_(&m) {}
  Guard(Guard &&o) noexcept : m_(o.m_) { o.m_ = nullptr; }
  Guard(const Guard &) = delete;
  ~Guard() {}

private:
  Mutex *m_;
};
struct guard_awaitable {
  Mutex &m;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  Guard await_resume() const { return Guard(m); }
};
class Mutex {
public:
  guard_awaitable lock_guarded() { return guard_awaitable{*this}; }
};
} // namespace amutex

#endif
