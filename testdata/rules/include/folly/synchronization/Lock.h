// folly/synchronization/Lock.h (stand-in): folly's generic lock holders
// and lock guards, usable with any mutex type.
#ifndef AWAIT_HOLDING_RULES_FOLLY_SYNCHRONIZATION_LOCK_H
#define AWAIT_HOLDING_RULES_FOLLY_SYNCHRONIZATION_LOCK_H

#include "../../std_stub.h"

namespace folly {
namespace detail {

struct lock_policy_unique {};
struct lock_policy_shared {};
struct lock_policy_upgrade {};

template <typename Mutex, typename Policy>
class lock_base {
public:
  using mutex_type = Mutex;
  lock_base() = default;
  explicit lock_base(mutex_type &mutex) : mutex_(&mutex), state_(true) {}
  lock_base(mutex_type &mutex, std::defer_lock_t) noexcept : mutex_(&mutex) {}
  lock_base(lock_base &&) = default;
  ~lock_base() {}
  void unlock() { state_ = false; }
  mutex_type *release() noexcept {
    state_ = false;
    mutex_type *m = mutex_;
    mutex_ = nullptr;
    return m;
  }
  bool owns_lock() const noexcept { return state_; }

private:
  Mutex *mutex_ = nullptr;
  bool state_ = false;
};

template <typename Mutex, typename Policy>
class lock_guard_base {
public:
  using mutex_type = Mutex;
  lock_guard_base(lock_guard_base const &) = delete;
  explicit lock_guard_base(mutex_type &mutex) : lock_{mutex} {}

private:
  lock_base<Mutex, Policy> lock_;
};

} // namespace detail

template <typename Mutex>
class unique_lock_base : public detail::lock_base<Mutex, detail::lock_policy_unique> {
  using base = detail::lock_base<Mutex, detail::lock_policy_unique>;

public:
  using base::base;
};

template <typename Mutex>
class shared_lock_base : public detail::lock_base<Mutex, detail::lock_policy_shared> {
  using base = detail::lock_base<Mutex, detail::lock_policy_shared>;

public:
  using base::base;
};

template <typename Mutex>
class upgrade_lock_base : public detail::lock_base<Mutex, detail::lock_policy_upgrade> {
  using base = detail::lock_base<Mutex, detail::lock_policy_upgrade>;

public:
  using base::base;
};

template <typename Mutex>
class hybrid_lock_base : public detail::lock_base<Mutex, detail::lock_policy_shared> {
  using base = detail::lock_base<Mutex, detail::lock_policy_shared>;

public:
  using base::base;
};

template <typename Mutex>
class upgrade_lock : public upgrade_lock_base<Mutex> {
public:
  using folly_is_unsafe_for_async_usage = void;
  using upgrade_lock_base<Mutex>::upgrade_lock_base;
};

template <typename Mutex>
class hybrid_lock : public hybrid_lock_base<Mutex> {
public:
  using folly_is_unsafe_for_async_usage = void;
  using hybrid_lock_base<Mutex>::hybrid_lock_base;
};

template <typename Mutex>
class unique_lock_guard_base : public detail::lock_guard_base<Mutex, detail::lock_policy_unique> {
  using folly_is_unsafe_for_async_usage = void;
  using base = detail::lock_guard_base<Mutex, detail::lock_policy_unique>;

public:
  using base::base;
};

template <typename Mutex>
class shared_lock_guard : public detail::lock_guard_base<Mutex, detail::lock_policy_shared> {
  using folly_is_unsafe_for_async_usage = void;
  using base = detail::lock_guard_base<Mutex, detail::lock_policy_shared>;

public:
  using base::base;
};

template <typename Mutex>
class hybrid_lock_guard : public detail::lock_guard_base<Mutex, detail::lock_policy_shared> {
  using folly_is_unsafe_for_async_usage = void;
  using base = detail::lock_guard_base<Mutex, detail::lock_policy_shared>;

public:
  using base::base;
};

template <typename Mutex>
using unique_lock_guard = std::lock_guard<Mutex>;

} // namespace folly

#endif
