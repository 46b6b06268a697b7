// boost/thread/mutex.hpp, recursive_mutex.hpp and shared_mutex.hpp
// (stand-in): the nested scoped_lock typedefs name the lock templates.
#ifndef AWAIT_HOLDING_RULES_BOOST_THREAD_MUTEX_HPP
#define AWAIT_HOLDING_RULES_BOOST_THREAD_MUTEX_HPP

#include "lock_types.hpp"

namespace boost {

class mutex {
public:
  mutex() {}
  mutex(const mutex &) = delete;
  void lock() {}
  bool try_lock() { return true; }
  void unlock() {}

  typedef unique_lock<mutex> scoped_lock;
  typedef detail::try_lock_wrapper<mutex> scoped_try_lock;
};

class recursive_mutex {
public:
  recursive_mutex() {}
  recursive_mutex(const recursive_mutex &) = delete;
  void lock() {}
  bool try_lock() { return true; }
  void unlock() {}

  typedef unique_lock<recursive_mutex> scoped_lock;
  typedef detail::try_lock_wrapper<recursive_mutex> scoped_try_lock;
};

class shared_mutex {
public:
  shared_mutex() {}
  shared_mutex(const shared_mutex &) = delete;
  void lock() {}
  bool try_lock() { return true; }
  void unlock() {}
  void lock_shared() {}
  void unlock_shared() {}
  void lock_upgrade() {}
  void unlock_upgrade() {}
};

} // namespace boost

#endif
