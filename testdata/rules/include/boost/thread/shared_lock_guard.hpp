// boost/thread/shared_lock_guard.hpp (stand-in).
#ifndef AWAIT_HOLDING_RULES_BOOST_THREAD_SHARED_LOCK_GUARD_HPP
#define AWAIT_HOLDING_RULES_BOOST_THREAD_SHARED_LOCK_GUARD_HPP

#include "lock_types.hpp"

namespace boost {
template <typename SharedMutex>
class shared_lock_guard {
  SharedMutex &m;

public:
  typedef SharedMutex mutex_type;
  explicit shared_lock_guard(SharedMutex &m_) : m(m_) { m.lock_shared(); }
  shared_lock_guard(const shared_lock_guard &) = delete;
  ~shared_lock_guard() { m.unlock_shared(); }
};
} // namespace boost

#endif
