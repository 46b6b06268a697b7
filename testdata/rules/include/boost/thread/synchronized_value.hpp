// boost/thread/synchronized_value.hpp (stand-in): the lock pointers that
// synchronized_value hands out keep its mutex locked while they live.
#ifndef AWAIT_HOLDING_RULES_BOOST_THREAD_SYNCHRONIZED_VALUE_HPP
#define AWAIT_HOLDING_RULES_BOOST_THREAD_SYNCHRONIZED_VALUE_HPP

#include "lock_types.hpp"
#include "mutex.hpp"

namespace boost {

template <typename T, typename Lockable = mutex>
class const_strict_lock_ptr {
protected:
  boost::unique_lock<Lockable> lk_;
  T const &value_;

public:
  const_strict_lock_ptr(T const &value, Lockable &mtx) : lk_(mtx), value_(value) {}
  const_strict_lock_ptr(const_strict_lock_ptr &&o) : lk_(static_cast<boost::unique_lock<Lockable> &&>(o.lk_)), value_(o.value_) {}
  const T *operator->() const { return &value_; }
};

template <typename T, typename Lockable = mutex>
class strict_lock_ptr : public const_strict_lock_ptr<T, Lockable> {
  typedef const_strict_lock_ptr<T, Lockable> base_type;

public:
  strict_lock_ptr(T &val, Lockable &mtx) : base_type(val, mtx) {}
  T *operator->() { return const_cast<T *>(&this->value_); }
};

template <typename T, typename Lockable = mutex>
class synchronized_value {
  T value_{};
  mutable Lockable mtx_;

public:
  strict_lock_ptr<T, Lockable> synchronize() { return strict_lock_ptr<T, Lockable>(value_, mtx_); }
  strict_lock_ptr<T, Lockable> operator->() { return synchronize(); }
};

} // namespace boost

#endif
