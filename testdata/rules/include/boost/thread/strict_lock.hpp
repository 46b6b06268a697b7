// boost/thread/strict_lock.hpp (stand-in).
#ifndef AWAIT_HOLDING_RULES_BOOST_THREAD_STRICT_LOCK_HPP
#define AWAIT_HOLDING_RULES_BOOST_THREAD_STRICT_LOCK_HPP

#include "lock_types.hpp"

namespace boost {
template <typename Lockable>
class strict_lock {
  Lockable &mtx_;

public:
  typedef Lockable mutex_type;
  explicit strict_lock(Lockable &mtx) : mtx_(mtx) { mtx.lock(); }
  strict_lock(const strict_lock &) = delete;
  ~strict_lock() { mtx_.unlock(); }
  bool owns_lock() const noexcept { return true; }
};

template <typename Lock>
class nested_strict_lock {
  Lock &lk_;

public:
  typedef typename Lock::mutex_type mutex_type;
  explicit nested_strict_lock(Lock &lk) : lk_(lk) {
    if (!lk.owns_lock())
      lk.lock();
  }
  nested_strict_lock(const nested_strict_lock &) = delete;
  ~nested_strict_lock() {}
};
} // namespace boost

#endif
