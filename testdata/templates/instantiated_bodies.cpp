// verify-args: -std=c++20 -I ../include
//
// What only the instantiation shows: libclang does not type a template's
// body, so the checker also walks the instantiated body of every
// specialization the TU calls (a function template's, a class template
// member's, a lambda inside either) and reports what the template could
// not show, named after the instantiation: a local of a class template
// parameter's type, 'auto lk = co_await m.scoped()' (even over a mutex
// that does not depend on the template), and a dependent guard type,
// which is then shown as instantiated.  A template the TU instantiates is
// judged by its instantiations: a guard none of them has is not reported;
// one the TU does not instantiate is reported as written.  Issue 12,
// section 2b.
#include "async_mutex_stub.h"
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();

// A scoped lock obtained by co_await, but over a blocking mutex.
struct BlockingScoped {
  std::mutex m;
  coro::task<std::unique_lock<std::mutex>> scoped();
};

template <class G>
struct Holder {
  std::mutex m;
  coro::task<> bad_class_param_local() {
    G lk(m);        // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point in instantiation 'Holder<std::unique_lock<std::mutex>>::bad_class_param_local'}}
    co_await baz(); // expect-note {{suspended here by co_await}}
  }
  coro::task<> good_class_param_local_released() {
    G no_warning_1(m);
    no_warning_1.unlock();
    co_await baz();
  }
};

template <class T>
coro::task<> bad_auto_from_await(BlockingScoped &s, T) {
  auto lk = co_await s.scoped(); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point in instantiation 'bad_auto_from_await<int>'}}
  co_await baz();                // expect-note {{suspended here by co_await}}
}

template <class T>
struct Service {
  BlockingScoped bs;
  async_simple::coro::Mutex am;
  coro::task<> bad_member_not_dependent() {
    auto lk = co_await bs.scoped(); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point in instantiation 'Service<int>::bad_member_not_dependent'}}
    co_await baz();                 // expect-note {{suspended here by co_await}}
  }
  coro::task<> good_async_mutex() {
    auto no_warning_2 = co_await am.coScopedLock();
    co_await baz();
  }
  coro::task<> good_released_before() {
    auto no_warning_3 = co_await bs.scoped();
    no_warning_3.unlock();
    co_await baz();
  }
};

template <class T>
void run_lambda(BlockingScoped &s, T) {
  auto l = [&]() -> coro::task<> {
    auto lk = co_await s.scoped(); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point in instantiation 'run_lambda<int>'}}
    co_await baz();                // expect-note {{suspended here by co_await}}
  };
  (void)l;
}

// CTAD on a dependent mutex: the template shows 'std::unique_lock'; one
// finding, with the type of the first instantiation that makes it a guard.
template <class M>
coro::task<> bad_dependent_ctad(M &mu) {
  std::unique_lock lk(mu); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point in instantiation 'bad_dependent_ctad<std::mutex>'}}
  co_await baz();          // expect-note {{suspended here by co_await}}
}

// Not instantiated: reported as written.
template <class M>
coro::task<> bad_not_instantiated(M &mu) {
  std::unique_lock lk(mu); // expect-warning {{'lk' of type 'std::unique_lock' is held across a suspension point}}
  co_await baz();          // expect-note {{suspended here by co_await}}
}

// Instantiated only over a coroutine-aware mutex: the instantiations
// decide, and none has a guard.  Over both: reported once, as the
// instantiation with the blocking mutex names it.
template <class M>
coro::task<> good_only_async_instances(M &mu) {
  std::unique_lock<M> no_warning_4(mu, std::adopt_lock);
  co_await baz();
}

template <class M>
coro::task<> bad_some_instance_blocking(M &mu) {
  std::unique_lock<M> lk(mu, std::adopt_lock); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point in instantiation 'bad_some_instance_blocking<std::mutex>'}}
  co_await baz();                              // expect-note {{suspended here by co_await}}
}

// A guard in a discarded 'if constexpr' branch of every instantiation.
template <bool Locked>
coro::task<> good_discarded_branch(std::mutex &mu) {
  if constexpr (Locked) {
    std::lock_guard<std::mutex> no_warning_5(mu);
    co_await baz();
  }
}

void instantiate_more(async_simple::coro::Mutex &am, std::mutex &m) {
  (void)good_only_async_instances(am);
  (void)bad_some_instance_blocking(am);
  (void)bad_some_instance_blocking(m);
  (void)good_discarded_branch<false>(m);
}

void instantiate(BlockingScoped &s, std::mutex &m, std::recursive_mutex &rm) {
  Holder<std::unique_lock<std::mutex>> h;
  (void)h.bad_class_param_local();
  (void)h.good_class_param_local_released();
  Holder<int *> no_guard;
  (void)no_guard;
  (void)bad_auto_from_await(s, 1);
  Service<int> sv;
  (void)sv.bad_member_not_dependent();
  (void)sv.good_async_mutex();
  (void)sv.good_released_before();
  run_lambda(s, 1);
  (void)bad_dependent_ctad(m);
  (void)bad_dependent_ctad(rm);
}

// The same guard with the same type in two instantiations: one finding.
template <int N>
struct Counting {
  BlockingScoped bs;
  coro::task<> bad_acquire() {
    auto lock = co_await bs.scoped(); // expect-warning {{'lock' of type 'std::unique_lock<std::mutex>' is held across a suspension point in instantiation 'Counting<1>::bad_acquire'}}
    co_await baz();                   // expect-note {{suspended here by co_await}}
  }
};

void instantiate_twice() {
  Counting<1> one;
  Counting<2> two;
  (void)one.bad_acquire();
  (void)two.bad_acquire();
}

// An explicit specialization is a function of its own, reported once,
// not as an instantiation of the primary template.
template <class T>
coro::task<> primary(std::mutex &m, T) {
  co_await baz();
}

template <>
coro::task<> primary<int>(std::mutex &m, int) {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz();                   // expect-note {{suspended here by co_await}}
}

void call_explicit(std::mutex &m) { (void)primary(m, 1); }

// A generic lambda is a template too: its calls' instantiations are
// checked, named after the lambda.
void call_generic_lambda(BlockingScoped &s, async_simple::coro::Mutex &am) {
  auto bad = [](auto &m) -> coro::task<> {
    auto lk = co_await m.scoped(); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point in instantiation 'lambda at}}
    co_await baz();                // expect-note {{suspended here by co_await}}
  };
  (void)bad(s);
  auto good = [](auto &m) -> coro::task<> {
    auto no_warning_6 = co_await m.coScopedLock();
    co_await baz();
  };
  (void)good(am);
}
