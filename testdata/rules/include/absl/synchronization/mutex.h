// absl/synchronization/mutex.h (stand-in): absl::Mutex and its scoped
// lockers.  As in the real header, everything sits in Abseil's inline
// namespace (ABSL_NAMESPACE_BEGIN: "inline namespace lts_YYYYMMDD") and the
// lockers carry clang's thread-safety attributes.
#ifndef AWAIT_HOLDING_RULES_ABSL_MUTEX_H
#define AWAIT_HOLDING_RULES_ABSL_MUTEX_H

#define ABSL_NAMESPACE_BEGIN inline namespace lts_20240722 {
#define ABSL_NAMESPACE_END }
#define ABSL_LOCKABLE __attribute__((capability("mutex")))
#define ABSL_SCOPED_LOCKABLE __attribute__((scoped_lockable))
#define ABSL_EXCLUSIVE_LOCK_FUNCTION(...) __attribute__((exclusive_lock_function(__VA_ARGS__)))
#define ABSL_SHARED_LOCK_FUNCTION(...) __attribute__((shared_lock_function(__VA_ARGS__)))
#define ABSL_UNLOCK_FUNCTION(...) __attribute__((unlock_function(__VA_ARGS__)))

namespace absl {
ABSL_NAMESPACE_BEGIN

class ABSL_LOCKABLE Mutex {
public:
  Mutex() {}
  Mutex(const Mutex &) = delete;
  void lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() {}
  void unlock() ABSL_UNLOCK_FUNCTION() {}
  void lock_shared() ABSL_SHARED_LOCK_FUNCTION() {}
  void unlock_shared() ABSL_UNLOCK_FUNCTION() {}
  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() {}
  void Unlock() ABSL_UNLOCK_FUNCTION() {}
  void ReaderLock() ABSL_SHARED_LOCK_FUNCTION() {}
  void ReaderUnlock() ABSL_UNLOCK_FUNCTION() {}
};

class ABSL_SCOPED_LOCKABLE MutexLock {
public:
  explicit MutexLock(Mutex &mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) { mu_.lock(); }
  explicit MutexLock(Mutex *mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(*mu) { mu_.lock(); }
  MutexLock(const MutexLock &) = delete;
  ~MutexLock() ABSL_UNLOCK_FUNCTION() { mu_.unlock(); }

private:
  Mutex &mu_;
};

class ABSL_SCOPED_LOCKABLE ReaderMutexLock {
public:
  explicit ReaderMutexLock(Mutex &mu) ABSL_SHARED_LOCK_FUNCTION(mu) : mu_(mu) { mu.lock_shared(); }
  ReaderMutexLock(const ReaderMutexLock &) = delete;
  ~ReaderMutexLock() ABSL_UNLOCK_FUNCTION() { mu_.unlock_shared(); }

private:
  Mutex &mu_;
};

class ABSL_SCOPED_LOCKABLE WriterMutexLock {
public:
  explicit WriterMutexLock(Mutex &mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) { mu.lock(); }
  WriterMutexLock(const WriterMutexLock &) = delete;
  ~WriterMutexLock() ABSL_UNLOCK_FUNCTION() { mu_.unlock(); }

private:
  Mutex &mu_;
};

class ABSL_SCOPED_LOCKABLE MutexLockMaybe {
public:
  explicit MutexLockMaybe(Mutex *mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) {
    if (mu_ != nullptr)
      mu_->lock();
  }
  MutexLockMaybe(const MutexLockMaybe &) = delete;
  ~MutexLockMaybe() ABSL_UNLOCK_FUNCTION() {
    if (mu_ != nullptr)
      mu_->unlock();
  }

private:
  Mutex *const mu_;
};

class ABSL_SCOPED_LOCKABLE ReleasableMutexLock {
public:
  explicit ReleasableMutexLock(Mutex &mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(&mu) { mu_->lock(); }
  ReleasableMutexLock(const ReleasableMutexLock &) = delete;
  ~ReleasableMutexLock() ABSL_UNLOCK_FUNCTION() {
    if (mu_ != nullptr)
      mu_->unlock();
  }
  void Release() ABSL_UNLOCK_FUNCTION() {
    mu_->unlock();
    mu_ = nullptr;
  }

private:
  Mutex *mu_;
};

ABSL_NAMESPACE_END
} // namespace absl

#endif
