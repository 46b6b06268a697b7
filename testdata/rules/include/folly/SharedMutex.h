// folly/SharedMutex.h (stand-in): SharedMutex is a typedef of a
// specialization of the class template SharedMutexImpl, whose nested
// ReadHolder, UpgradeHolder and WriteHolder lock it (older folly; newer
// code uses std::shared_lock<folly::SharedMutex>).
#ifndef AWAIT_HOLDING_RULES_FOLLY_SHAREDMUTEX_H
#define AWAIT_HOLDING_RULES_FOLLY_SHAREDMUTEX_H

namespace folly {

template <bool ReaderPriority, typename Tag_ = void, bool BlockImmediately = false>
class SharedMutexImpl {
public:
  class ReadHolder;
  class UpgradeHolder;
  class WriteHolder;

  constexpr SharedMutexImpl() noexcept {}
  SharedMutexImpl(const SharedMutexImpl &) = delete;
  void lock() {}
  bool try_lock() { return true; }
  void unlock() {}
  void lock_shared() {}
  void unlock_shared() {}
  void lock_upgrade() {}
  void unlock_upgrade() {}

  class ReadHolder {
  public:
    explicit ReadHolder(SharedMutexImpl &lock) : lock_(&lock) { lock_->lock_shared(); }
    ReadHolder(const ReadHolder &) = delete;
    ~ReadHolder() { unlock(); }
    void unlock() {
      if (lock_ != nullptr) {
        lock_->unlock_shared();
        lock_ = nullptr;
      }
    }

  private:
    SharedMutexImpl *lock_;
  };

  class UpgradeHolder {
  public:
    explicit UpgradeHolder(SharedMutexImpl &lock) : lock_(&lock) { lock_->lock_upgrade(); }
    UpgradeHolder(const UpgradeHolder &) = delete;
    ~UpgradeHolder() { unlock(); }
    void unlock() {
      if (lock_ != nullptr) {
        lock_->unlock_upgrade();
        lock_ = nullptr;
      }
    }

  private:
    SharedMutexImpl *lock_;
  };

  class WriteHolder {
  public:
    explicit WriteHolder(SharedMutexImpl &lock) : lock_(&lock) { lock_->lock(); }
    WriteHolder(const WriteHolder &) = delete;
    ~WriteHolder() { unlock(); }
    void unlock() {
      if (lock_ != nullptr) {
        lock_->unlock();
        lock_ = nullptr;
      }
    }

  private:
    SharedMutexImpl *lock_;
  };
};

typedef SharedMutexImpl<true> SharedMutexReadPriority;
typedef SharedMutexImpl<false> SharedMutexWritePriority;
typedef SharedMutexWritePriority SharedMutex;

} // namespace folly

#endif
