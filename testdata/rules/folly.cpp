// verify-config: folly
// verify-args: -std=c++20 -I include
//
// The "folly" pack: folly's lock holders (also through typedefs and nested
// classes of class templates), Synchronized's LockedPtr, the
// RequestContext scope guards, and any class folly marks with
// unsafe_for_async_usage as a base or a member.  co_current_executor and
// co_current_cancellation_token never suspend.
#include "folly/SharedMutex.h"
#include "folly/SpinLock.h"
#include "folly/Synchronized.h"
#include "folly/coro/Mutex.h"
#include "folly/coro/Task.h"
#include "folly/io/async/Request.h"
#include "folly/lang/Hint.h"
#include "folly/synchronization/Lock.h"
#include "folly/synchronization/RWSpinLock.h"

folly::coro::Task<int> fetch();
void use(int);

folly::SharedMutex sm;
folly::RWSpinLock rw;
folly::SpinLock sl;

// The motivating twin of the OpenTelemetry case: the thread's current
// RequestContext set across a co_await.
folly::coro::Task<> bad_request_context(std::shared_ptr<folly::RequestContext> ctx) {
  folly::RequestContextScopeGuard guard(ctx); // expect-warning {{'guard' of type 'folly::RequestContextScopeGuard' is held across a suspension point}}
  // expect-note@-1 {{reason: the guard sets the thread's current RequestContext until it dies, so across a suspension point the context leaks}}
  use(co_await fetch()); // expect-note {{suspended here by co_await}}
}

folly::coro::Task<> bad_shallow_copy_request_context() {
  folly::ShallowCopyRequestContextScopeGuard guard; // expect-warning {{'guard' of type 'folly::ShallowCopyRequestContextScopeGuard'}}
  // expect-note@-1 {{reason: the guard sets the thread's current RequestContext}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

folly::coro::Task<> bad_request_context_saver() {
  folly::RequestContextSaverScopeGuard saver; // expect-warning {{'saver' of type 'folly::RequestContextSaverScopeGuard'}}
  // expect-note@-1 {{reason: the guard restores a saved RequestContext on the thread that destroys it}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

folly::coro::Task<> bad_locked_ptr(folly::Synchronized<int> &counter) {
  auto locked = counter.wlock(); // expect-warning {{'locked' of type}}
  // expect-note@-1 {{reason: a Synchronized lock pointer keeps the mutex locked while it lives}}
  *locked += co_await fetch(); // expect-note {{suspended here by co_await}}
}

folly::coro::Task<> bad_read_locked_ptr_typedef(folly::Synchronized<int> &counter) {
  folly::Synchronized<int>::RLockedPtr r = counter.rlock(); // expect-warning {{'r' of type}}
  // expect-note@-1 {{reason: a Synchronized lock pointer}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
  use(*r);
}

// SharedMutex is a typedef of SharedMutexImpl<false>; ReadHolder is
// nested in the class template.
folly::coro::Task<> bad_shared_mutex_holders() {
  folly::SharedMutex::ReadHolder r(sm); // expect-warning {{'r' of type}}
  // expect-note@-1 {{reason: a folly::SharedMutex reader lock held across a suspension point stalls writers}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
  r.unlock();
  folly::SharedMutexWritePriority::WriteHolder w(sm); // expect-warning {{'w' of type}}
  // expect-note@-1 {{reason: a folly::SharedMutex writer lock}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

folly::coro::Task<> bad_rw_spinlock() {
  folly::RWSpinLock::WriteHolder w(rw); // expect-warning {{'w' of type 'folly::RWSpinLock::WriteHolder'}}
  // expect-note@-1 {{reason: a spinlock held across a suspension point makes every other thread that wants it spin}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

folly::coro::Task<> bad_spin_lock_guard() {
  folly::SpinLockGuard g(sl); // expect-warning {{'g' of type 'folly::SpinLockGuardImpl<folly::SpinLock>'}}
  // expect-note@-1 {{reason: a spinlock held across a suspension point makes every other thread that wants it spin until the coroutine resumes; end the SpinLockGuard's scope}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

folly::coro::Task<> bad_lock_h_types() {
  folly::upgrade_lock<folly::SharedMutex> u(sm); // expect-warning {{'u' of type}}
  // expect-note@-1 {{reason: a blocking upgrade lock (folly marks it unsafe for async usage)}}
  folly::shared_lock_guard<folly::SharedMutex> s(sm); // expect-warning {{'s' of type}}
  // expect-note@-1 {{reason: a blocking reader lock guard (folly marks it unsafe for async usage)}}
  folly::hybrid_lock<folly::SharedMutex> h(sm); // expect-warning {{'h' of type}}
  // expect-note@-1 {{reason: a blocking lock (folly marks it unsafe for async usage)}}
  co_await fetch(); // expect-note 3 {{suspended here by co_await}}
}

// Classes marked the folly way: a marker base or a marker member.
struct ThreadCounterRaii : private folly::unsafe_for_async_usage {
  ThreadCounterRaii();
  ~ThreadCounterRaii();
};
struct HazardHolder {
  [[no_unique_address]] folly::unsafe_for_async_usage marker_;
  void *protected_ = nullptr;
};
template <bool Debug>
struct MaybeUnsafe : folly::unsafe_for_async_usage_if<Debug> {};

folly::coro::Task<> bad_marked_base() {
  ThreadCounterRaii c; // expect-warning {{'c' of type 'ThreadCounterRaii'}}
  // expect-note@-1 {{reason: folly marks this type unsafe for async usage}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

folly::coro::Task<> bad_marked_member() {
  HazardHolder h; // expect-warning {{'h' of type 'HazardHolder'}}
  // expect-note@-1 {{reason: folly marks this type unsafe for async usage}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

// The pack lists "folly::unsafe_for_async_usage_if<true>": a class template
// instantiated with a true marker base is a guard, with false it is not.
folly::coro::Task<> bad_marked_if_true() {
  MaybeUnsafe<true> m; // expect-warning {{'m' of type 'MaybeUnsafe<true>' is held across a suspension point}}
  // expect-note@-1 {{reason: folly marks this type unsafe for async usage}}
  co_await fetch(); // expect-note {{suspended here by co_await}}
}

folly::coro::Task<> good_marked_if_false() {
  MaybeUnsafe<false> no_warning_1;
  co_await fetch();
}

// co_current_executor / co_current_cancellation_token are ready
// awaitables; a real co_await after them still suspends.
folly::coro::Task<> good_current_executor_under_lock(folly::Synchronized<int> &counter) {
  auto no_warning_2 = counter.wlock();
  folly::Executor *ex = co_await folly::coro::co_current_executor;
  const folly::CancellationToken &tok = co_await folly::coro::co_current_cancellation_token;
  (void)ex, (void)tok;
}

folly::coro::Task<> bad_reschedule_still_suspends() {
  folly::SpinLockGuard g(sl); // expect-warning {{'g' of type}}
  // expect-note@-1 {{reason: a spinlock held}}
  folly::Executor *ex = co_await folly::coro::co_current_executor;
  co_await folly::coro::co_reschedule_on_current_executor; // expect-note {{suspended here by co_await}}
  (void)ex;
}

folly::coro::Task<> good_with_lock_and_unlock(folly::Synchronized<int> &counter) {
  counter.withWLock([](int &v) { return ++v; });
  auto no_warning_3 = counter.wlock();
  *no_warning_3 += 1;
  no_warning_3.unlock();
  co_await fetch();
}

folly::coro::Task<> good_scopes_end(std::shared_ptr<folly::RequestContext> ctx) {
  {
    folly::RequestContextScopeGuard no_warning_4(ctx);
    folly::SharedMutex::ReadHolder no_warning_5(sm);
  }
  co_await fetch();
  folly::ShallowCopyRequestContextScopeGuard no_warning_6;
}

// The coroutine mutex's own shared lock is meant to cross co_await.
folly::coro::Task<> good_coro_shared_lock(folly::coro::SharedMutex &m) {
  auto no_warning_7 = co_await m.co_scoped_lock_shared();
  co_await fetch();
}
