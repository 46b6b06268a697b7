// boost/thread/lock_guard.hpp (stand-in).
#ifndef AWAIT_HOLDING_RULES_BOOST_THREAD_LOCK_GUARD_HPP
#define AWAIT_HOLDING_RULES_BOOST_THREAD_LOCK_GUARD_HPP

#include "lock_types.hpp"

namespace boost {
template <typename Mutex>
class lock_guard {
  Mutex &m;

public:
  typedef Mutex mutex_type;
  explicit lock_guard(Mutex &m_) : m(m_) { m.lock(); }
  lock_guard(Mutex &m_, adopt_lock_t) : m(m_) {}
  lock_guard(const lock_guard &) = delete;
  ~lock_guard() { m.unlock(); }
};
} // namespace boost

#endif
