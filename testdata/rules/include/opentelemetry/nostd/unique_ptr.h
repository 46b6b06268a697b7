// opentelemetry/nostd/unique_ptr.h and shared_ptr.h (stand-in): the
// ABI-stable smart pointers used when the SDK is not built against the
// standard library's (OPENTELEMETRY_STL_VERSION unset).
#ifndef AWAIT_HOLDING_RULES_OPENTELEMETRY_NOSTD_UNIQUE_PTR_H
#define AWAIT_HOLDING_RULES_OPENTELEMETRY_NOSTD_UNIQUE_PTR_H

#include "../version.h"

OPENTELEMETRY_BEGIN_NAMESPACE
namespace nostd {

template <class T>
class unique_ptr {
public:
  unique_ptr() noexcept = default;
  explicit unique_ptr(T *ptr) noexcept : ptr_(ptr) {}
  unique_ptr(unique_ptr &&other) noexcept : ptr_(other.release()) {}
  unique_ptr(const unique_ptr &) = delete;
  ~unique_ptr() noexcept { reset(); }
  T *release() noexcept {
    T *p = ptr_;
    ptr_ = nullptr;
    return p;
  }
  void reset(T *ptr = nullptr) noexcept {
    delete ptr_;
    ptr_ = ptr;
  }
  T &operator*() const noexcept { return *ptr_; }
  T *operator->() const noexcept { return ptr_; }

private:
  T *ptr_ = nullptr;
};

template <class T>
class shared_ptr {
public:
  shared_ptr() noexcept = default;
  T *operator->() const noexcept { return ptr_; }
  T &operator*() const noexcept { return *ptr_; }

private:
  T *ptr_ = nullptr;
};

} // namespace nostd
OPENTELEMETRY_END_NAMESPACE

#endif
