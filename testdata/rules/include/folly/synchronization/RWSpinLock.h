// folly/synchronization/RWSpinLock.h (stand-in): the reader-writer
// spinlock and its nested holders.
#ifndef AWAIT_HOLDING_RULES_FOLLY_RWSPINLOCK_H
#define AWAIT_HOLDING_RULES_FOLLY_RWSPINLOCK_H

namespace folly {

class RWSpinLock {
public:
  void lock() {}
  void unlock() {}
  void lock_shared() {}
  void unlock_shared() {}
  void lock_upgrade() {}
  void unlock_upgrade() {}

  class ReadHolder {
  public:
    explicit ReadHolder(RWSpinLock &lock) : lock_(&lock) { lock_->lock_shared(); }
    ReadHolder(const ReadHolder &) = delete;
    ~ReadHolder() {
      if (lock_)
        lock_->unlock_shared();
    }
    void reset(RWSpinLock *lock = nullptr) {
      if (lock_)
        lock_->unlock_shared();
      lock_ = lock;
    }

  private:
    RWSpinLock *lock_;
  };

  class UpgradedHolder {
  public:
    explicit UpgradedHolder(RWSpinLock &lock) : lock_(&lock) { lock_->lock_upgrade(); }
    UpgradedHolder(const UpgradedHolder &) = delete;
    ~UpgradedHolder() {
      if (lock_)
        lock_->unlock_upgrade();
    }

  private:
    RWSpinLock *lock_;
  };

  class WriteHolder {
  public:
    explicit WriteHolder(RWSpinLock &lock) : lock_(&lock) { lock_->lock(); }
    WriteHolder(const WriteHolder &) = delete;
    ~WriteHolder() {
      if (lock_)
        lock_->unlock();
    }

  private:
    RWSpinLock *lock_;
  };
};

} // namespace folly

#endif
