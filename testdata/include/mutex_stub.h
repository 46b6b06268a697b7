// mutex_stub.h - std::mutex family and the standard lock guards.
//
// Stand-in for <mutex> and <shared_mutex> so that testdata/ does not depend
// on the host's C++ library.  Everything sits in an inline namespace, as in
// libc++ (std::__1): the checker must see std::lock_guard through it.
#ifndef AWAIT_HOLDING_TESTDATA_MUTEX_STUB_H
#define AWAIT_HOLDING_TESTDATA_MUTEX_STUB_H

namespace std {
inline namespace __1 {

class mutex {
public:
  constexpr mutex() noexcept = default;
  mutex(const mutex &) = delete;
  mutex &operator=(const mutex &) = delete;
  void lock() {}
  bool try_lock() { return true; }
  void unlock() {}
};

class recursive_mutex {
public:
  recursive_mutex() noexcept = default;
  recursive_mutex(const recursive_mutex &) = delete;
  recursive_mutex &operator=(const recursive_mutex &) = delete;
  void lock() {}
  bool try_lock() { return true; }
  void unlock() {}
};

class timed_mutex {
public:
  timed_mutex() noexcept = default;
  timed_mutex(const timed_mutex &) = delete;
  timed_mutex &operator=(const timed_mutex &) = delete;
  void lock() {}
  bool try_lock() { return true; }
  bool try_lock_for(int /*ms*/) { return true; }
  void unlock() {}
};

class shared_mutex {
public:
  shared_mutex() noexcept = default;
  shared_mutex(const shared_mutex &) = delete;
  shared_mutex &operator=(const shared_mutex &) = delete;
  void lock() {}
  bool try_lock() { return true; }
  void unlock() {}
  void lock_shared() {}
  bool try_lock_shared() { return true; }
  void unlock_shared() {}
};

struct defer_lock_t { explicit defer_lock_t() = default; };
struct try_to_lock_t { explicit try_to_lock_t() = default; };
struct adopt_lock_t { explicit adopt_lock_t() = default; };
inline constexpr defer_lock_t defer_lock{};
inline constexpr try_to_lock_t try_to_lock{};
inline constexpr adopt_lock_t adopt_lock{};

template <class Mutex>
class lock_guard {
public:
  using mutex_type = Mutex;
  explicit lock_guard(Mutex &m) : m_(m) { m_.lock(); }
  lock_guard(Mutex &m, adopt_lock_t) noexcept : m_(m) {}
  ~lock_guard() { m_.unlock(); }
  lock_guard(const lock_guard &) = delete;
  lock_guard &operator=(const lock_guard &) = delete;

private:
  Mutex &m_;
};

template <class Mutex>
class unique_lock {
public:
  using mutex_type = Mutex;
  unique_lock() noexcept = default;
  explicit unique_lock(Mutex &m) : m_(&m), owns_(true) { m.lock(); }
  unique_lock(Mutex &m, defer_lock_t) noexcept : m_(&m), owns_(false) {}
  unique_lock(Mutex &m, try_to_lock_t) : m_(&m), owns_(m.try_lock()) {}
  unique_lock(Mutex &m, adopt_lock_t) noexcept : m_(&m), owns_(true) {}
  unique_lock(unique_lock &&other) noexcept : m_(other.m_), owns_(other.owns_) {
    other.m_ = nullptr;
    other.owns_ = false;
  }
  unique_lock &operator=(unique_lock &&other) noexcept {
    if (owns_)
      m_->unlock();
    m_ = other.m_;
    owns_ = other.owns_;
    other.m_ = nullptr;
    other.owns_ = false;
    return *this;
  }
  unique_lock(const unique_lock &) = delete;
  unique_lock &operator=(const unique_lock &) = delete;
  ~unique_lock() {
    if (owns_)
      m_->unlock();
  }

  void lock() {
    m_->lock();
    owns_ = true;
  }
  bool try_lock() { return owns_ = m_->try_lock(); }
  void unlock() {
    m_->unlock();
    owns_ = false;
  }
  void swap(unique_lock &other) noexcept {
    Mutex *m = m_;
    bool o = owns_;
    m_ = other.m_;
    owns_ = other.owns_;
    other.m_ = m;
    other.owns_ = o;
  }
  Mutex *release() noexcept {
    Mutex *m = m_;
    m_ = nullptr;
    owns_ = false;
    return m;
  }
  bool owns_lock() const noexcept { return owns_; }
  explicit operator bool() const noexcept { return owns_; }
  Mutex *mutex() const noexcept { return m_; }

private:
  Mutex *m_ = nullptr;
  bool owns_ = false;
};

template <class Mutex>
void swap(unique_lock<Mutex> &a, unique_lock<Mutex> &b) noexcept { a.swap(b); }

template <class Mutex>
class shared_lock {
public:
  using mutex_type = Mutex;
  shared_lock() noexcept = default;
  explicit shared_lock(Mutex &m) : m_(&m), owns_(true) { m.lock_shared(); }
  shared_lock(Mutex &m, defer_lock_t) noexcept : m_(&m), owns_(false) {}
  shared_lock(Mutex &m, try_to_lock_t) : m_(&m), owns_(m.try_lock_shared()) {}
  shared_lock(Mutex &m, adopt_lock_t) noexcept : m_(&m), owns_(true) {}
  shared_lock(shared_lock &&other) noexcept : m_(other.m_), owns_(other.owns_) {
    other.m_ = nullptr;
    other.owns_ = false;
  }
  shared_lock &operator=(shared_lock &&other) noexcept {
    if (owns_)
      m_->unlock_shared();
    m_ = other.m_;
    owns_ = other.owns_;
    other.m_ = nullptr;
    other.owns_ = false;
    return *this;
  }
  shared_lock(const shared_lock &) = delete;
  shared_lock &operator=(const shared_lock &) = delete;
  ~shared_lock() {
    if (owns_)
      m_->unlock_shared();
  }

  void lock() {
    m_->lock_shared();
    owns_ = true;
  }
  bool try_lock() { return owns_ = m_->try_lock_shared(); }
  void unlock() {
    m_->unlock_shared();
    owns_ = false;
  }
  Mutex *release() noexcept {
    Mutex *m = m_;
    m_ = nullptr;
    owns_ = false;
    return m;
  }
  bool owns_lock() const noexcept { return owns_; }
  explicit operator bool() const noexcept { return owns_; }
  Mutex *mutex() const noexcept { return m_; }

private:
  Mutex *m_ = nullptr;
  bool owns_ = false;
};

template <class... Mutexes>
class scoped_lock {
public:
  explicit scoped_lock(Mutexes &...m) : ms_{&m...} { (m.lock(), ...); }
  explicit scoped_lock(adopt_lock_t, Mutexes &...m) noexcept : ms_{&m...} {}
  ~scoped_lock() {
    unsigned i = 0;
    (static_cast<Mutexes *>(ms_[i++])->unlock(), ...);
  }
  scoped_lock(const scoped_lock &) = delete;
  scoped_lock &operator=(const scoped_lock &) = delete;

private:
  void *ms_[sizeof...(Mutexes) + 1];
};

// Locks all arguments without deadlock (here: in order; it is a stub).
template <class L1, class L2, class... L3>
void lock(L1 &a, L2 &b, L3 &...c) {
  a.lock();
  b.lock();
  (c.lock(), ...);
}

} // namespace __1
} // namespace std

#endif
