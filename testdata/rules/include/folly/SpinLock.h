// folly/SpinLock.h (stand-in): SpinLockGuard is a typedef of the
// SpinLockGuardImpl template.
#ifndef AWAIT_HOLDING_RULES_FOLLY_SPINLOCK_H
#define AWAIT_HOLDING_RULES_FOLLY_SPINLOCK_H

namespace folly {

class SpinLock {
public:
  void lock() const {}
  void unlock() const {}
  bool try_lock() const { return true; }
};

template <typename LOCK>
class SpinLockGuardImpl {
public:
  explicit SpinLockGuardImpl(LOCK &lock) : lock_(lock) { lock_.lock(); }
  ~SpinLockGuardImpl() { lock_.unlock(); }
  SpinLockGuardImpl(const SpinLockGuardImpl &) = delete;

private:
  LOCK &lock_;
};

typedef SpinLockGuardImpl<SpinLock> SpinLockGuard;

} // namespace folly

#endif
