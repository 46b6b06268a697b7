// boost/thread/lock_types.hpp (stand-in): Boost.Thread's movable locks.
// Names and shapes follow the real header: class templates in namespace
// boost, detail::try_lock_wrapper privately derived from unique_lock.
#ifndef AWAIT_HOLDING_RULES_BOOST_THREAD_LOCK_TYPES_HPP
#define AWAIT_HOLDING_RULES_BOOST_THREAD_LOCK_TYPES_HPP

namespace boost {

struct defer_lock_t {};
struct try_to_lock_t {};
struct adopt_lock_t {};
constexpr defer_lock_t defer_lock = {};
constexpr try_to_lock_t try_to_lock = {};
constexpr adopt_lock_t adopt_lock = {};

template <typename Mutex>
class upgrade_lock;

template <typename Mutex>
class unique_lock {
  Mutex *m = nullptr;
  bool is_locked = false;

public:
  typedef Mutex mutex_type;
  unique_lock() noexcept {}
  explicit unique_lock(Mutex &m_) : m(&m_) { lock(); }
  unique_lock(Mutex &m_, adopt_lock_t) : m(&m_), is_locked(true) {}
  unique_lock(Mutex &m_, defer_lock_t) noexcept : m(&m_) {}
  unique_lock(Mutex &m_, try_to_lock_t) : m(&m_) { try_lock(); }
  unique_lock(unique_lock &&other) noexcept : m(other.m), is_locked(other.is_locked) {
    other.is_locked = false;
    other.m = nullptr;
  }
  unique_lock(const unique_lock &) = delete;
  ~unique_lock() {
    if (owns_lock())
      m->unlock();
  }
  void lock() {
    m->lock();
    is_locked = true;
  }
  bool try_lock() { return is_locked = m->try_lock(); }
  void unlock() {
    m->unlock();
    is_locked = false;
  }
  bool owns_lock() const noexcept { return is_locked; }
  Mutex *mutex() const noexcept { return m; }
  Mutex *release() noexcept {
    Mutex *const res = m;
    m = nullptr;
    is_locked = false;
    return res;
  }
};

template <typename Mutex>
class shared_lock {
protected:
  Mutex *m = nullptr;
  bool is_locked = false;

public:
  typedef Mutex mutex_type;
  shared_lock() noexcept {}
  explicit shared_lock(Mutex &m_) : m(&m_) { lock(); }
  shared_lock(Mutex &m_, defer_lock_t) noexcept : m(&m_) {}
  shared_lock(const shared_lock &) = delete;
  ~shared_lock() {
    if (is_locked)
      m->unlock_shared();
  }
  void lock() {
    m->lock_shared();
    is_locked = true;
  }
  void unlock() {
    m->unlock_shared();
    is_locked = false;
  }
  bool owns_lock() const noexcept { return is_locked; }
};

template <typename Mutex>
class upgrade_lock {
protected:
  Mutex *m = nullptr;
  bool is_locked = false;

public:
  typedef Mutex mutex_type;
  explicit upgrade_lock(Mutex &m_) : m(&m_) { lock(); }
  upgrade_lock(const upgrade_lock &) = delete;
  ~upgrade_lock() {
    if (is_locked)
      m->unlock_upgrade();
  }
  void lock() {
    m->lock_upgrade();
    is_locked = true;
  }
  void unlock() {
    m->unlock_upgrade();
    is_locked = false;
  }
  bool owns_lock() const noexcept { return is_locked; }
};

template <class Mutex>
class upgrade_to_unique_lock {
  upgrade_lock<Mutex> *source;
  unique_lock<Mutex> exclusive;

public:
  typedef Mutex mutex_type;
  explicit upgrade_to_unique_lock(upgrade_lock<Mutex> &m_) : source(&m_) {}
  upgrade_to_unique_lock(const upgrade_to_unique_lock &) = delete;
  ~upgrade_to_unique_lock() {}
  bool owns_lock() const noexcept { return exclusive.owns_lock(); }
};

namespace detail {
template <typename Mutex>
class try_lock_wrapper : private unique_lock<Mutex> {
  typedef unique_lock<Mutex> base;

public:
  explicit try_lock_wrapper(Mutex &m) : base(m, try_to_lock) {}
  try_lock_wrapper(const try_lock_wrapper &) = delete;
  using base::owns_lock;
  using base::unlock;
};
} // namespace detail

} // namespace boost

#endif
