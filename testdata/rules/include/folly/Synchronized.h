// folly/Synchronized.h (stand-in): Synchronized<T> hands out LockedPtr
// objects that keep its mutex locked while they live.
#ifndef AWAIT_HOLDING_RULES_FOLLY_SYNCHRONIZED_H
#define AWAIT_HOLDING_RULES_FOLLY_SYNCHRONIZED_H

#include "SharedMutex.h"

namespace folly {
namespace detail {
struct SynchronizedLockPolicyExclusive {};
struct SynchronizedLockPolicyShared {};
struct SynchronizedLockPolicyUpgrade {};
} // namespace detail

template <class SynchronizedType, class Mutex, class LockPolicy>
class LockedPtrBase {
protected:
  LockedPtrBase() = default;
  explicit LockedPtrBase(SynchronizedType *parent) : parent_(parent) {}
  LockedPtrBase(LockedPtrBase &&rhs) noexcept : parent_(rhs.parent_) { rhs.parent_ = nullptr; }
  ~LockedPtrBase() {}
  SynchronizedType *parent_ = nullptr;

public:
  void unlock() { parent_ = nullptr; }
  bool isNull() const { return parent_ == nullptr; }
};

template <class SynchronizedType, class LockPolicy>
class LockedPtr
    : public LockedPtrBase<SynchronizedType, typename SynchronizedType::MutexType, LockPolicy> {
  using Base = LockedPtrBase<SynchronizedType, typename SynchronizedType::MutexType, LockPolicy>;

public:
  using DataType = typename SynchronizedType::DataType;
  LockedPtr() = default;
  explicit LockedPtr(SynchronizedType *parent) : Base(parent) {}
  LockedPtr(LockedPtr &&) = default;
  DataType *operator->() const { return &this->parent_->datum_; }
  DataType &operator*() const { return this->parent_->datum_; }
};

template <class T, class Mutex = SharedMutex>
struct Synchronized {
  using DataType = T;
  using MutexType = Mutex;
  using WLockedPtr = LockedPtr<Synchronized, detail::SynchronizedLockPolicyExclusive>;
  using RLockedPtr = LockedPtr<Synchronized, detail::SynchronizedLockPolicyShared>;

  WLockedPtr wlock() { return WLockedPtr(this); }
  RLockedPtr rlock() { return RLockedPtr(this); }
  template <class Function>
  auto withWLock(Function &&function) {
    auto p = wlock();
    return function(*p);
  }

  T datum_{};
  Mutex mutex_;
};

} // namespace folly

#endif
