// boost/interprocess/sync/{scoped_lock,sharable_lock,upgradable_lock,
// interprocess_mutex,interprocess_upgradable_mutex}.hpp (stand-in).
#ifndef AWAIT_HOLDING_RULES_BOOST_INTERPROCESS_SCOPED_LOCK_HPP
#define AWAIT_HOLDING_RULES_BOOST_INTERPROCESS_SCOPED_LOCK_HPP

namespace boost {
namespace interprocess {

struct defer_lock_type {};
static const defer_lock_type defer_lock = defer_lock_type();

class interprocess_mutex {
public:
  void lock() {}
  void unlock() {}
};

class interprocess_upgradable_mutex {
public:
  void lock() {}
  void unlock() {}
  void lock_sharable() {}
  void unlock_sharable() {}
  void lock_upgradable() {}
  void unlock_upgradable() {}
};

template <class Mutex>
class scoped_lock {
  Mutex *mp_mutex = nullptr;
  bool m_locked = false;

public:
  typedef Mutex mutex_type;
  explicit scoped_lock(mutex_type &m) : mp_mutex(&m) {
    mp_mutex->lock();
    m_locked = true;
  }
  scoped_lock(mutex_type &m, defer_lock_type) : mp_mutex(&m) {}
  scoped_lock(const scoped_lock &) = delete;
  ~scoped_lock() {
    if (m_locked && mp_mutex)
      mp_mutex->unlock();
  }
  void unlock() {
    mp_mutex->unlock();
    m_locked = false;
  }
  bool owns() const { return m_locked; }
};

template <class SharableMutex>
class sharable_lock {
  SharableMutex *mp_mutex = nullptr;
  bool m_locked = false;

public:
  typedef SharableMutex mutex_type;
  explicit sharable_lock(mutex_type &m) : mp_mutex(&m) {
    mp_mutex->lock_sharable();
    m_locked = true;
  }
  sharable_lock(const sharable_lock &) = delete;
  ~sharable_lock() {
    if (m_locked && mp_mutex)
      mp_mutex->unlock_sharable();
  }
  void unlock() {
    mp_mutex->unlock_sharable();
    m_locked = false;
  }
};

template <class UpgradableMutex>
class upgradable_lock {
  UpgradableMutex *mp_mutex = nullptr;
  bool m_locked = false;

public:
  typedef UpgradableMutex mutex_type;
  explicit upgradable_lock(mutex_type &m) : mp_mutex(&m) {
    mp_mutex->lock_upgradable();
    m_locked = true;
  }
  upgradable_lock(const upgradable_lock &) = delete;
  ~upgradable_lock() {
    if (m_locked && mp_mutex)
      mp_mutex->unlock_upgradable();
  }
  void unlock() {
    mp_mutex->unlock_upgradable();
    m_locked = false;
  }
};

} // namespace interprocess
} // namespace boost

#endif
