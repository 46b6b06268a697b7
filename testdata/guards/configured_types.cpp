// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/third_party.json
//
// SCENARIOS 11 and 48: guard types from other libraries, forbidden by the
// config by qualified name (a parking_lot-style guard, a TBB concurrent
// map accessor, a class nested in a class template).  Same verdicts as for
// std::lock_guard: plain, lambda, template, macro; block closed before the
// co_await and guard after the last co_await stay silent; the mutex type
// itself is not a guard.
#include "coro_stub.h"
#include "thirdparty_stub.h"

coro::task<> a();
coro::task<> b();
coro::task<> c();

parking_lot::Mutex<int> counter;
parking_lot::RwLock<int> table;
tbb::concurrent_hash_map<int, int> map;

coro::task<> bad_parking_lot_guard() {
  parking_lot::MutexGuard<int> g = counter.lock(); // expect-warning {{'g' of type 'parking_lot::MutexGuard<int>' is held across a suspension point}}
  ++*g;
  co_await a(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_auto_guard() {
  auto g = counter.lock(); // expect-warning {{'g' of type}}
  co_await a();            // expect-note {{suspended here by co_await}}
}

coro::task<int> bad_read_guard() {
  auto r = table.read(); // expect-warning {{'r' of type}}
  co_await a();          // expect-note {{suspended here by co_await}}
  co_return *r;
}

coro::task<> bad_tbb_accessor() {
  tbb::concurrent_hash_map<int, int>::accessor acc; // expect-warning {{'acc' of type}}
  map.insert(acc, 1);
  *acc = 2;
  co_await a(); // expect-note {{suspended here by co_await}}
}

coro::task<> also_bad() {
  co_await a();
  auto g = counter.lock(); // expect-warning {{'g' of type}}
  co_await b();            // expect-note {{suspended here by co_await}}
  co_await c();            // expect-note {{suspended here by co_await}}
}

coro::task<> not_good() {
  int s;
  {
    auto g = counter.lock(); // expect-warning {{'g' of type}}
    s = *g;
    co_await b(); // expect-note {{suspended here by co_await}}
  }
  co_await c();
}

auto bad_in_lambda = []() -> coro::task<> {
  auto g = counter.lock(); // expect-warning {{'g' of type}}
  co_await a();            // expect-note {{suspended here by co_await}}
};

template <class T>
coro::task<> bad_in_template(parking_lot::Mutex<T> &mu) {
  parking_lot::MutexGuard<T> g = mu.lock(); // expect-warning {{'g' of type}}
  co_await a();                             // expect-note {{suspended here by co_await}}
}

#define WITH_COUNTER(name) auto name = counter.lock()

coro::task<> bad_through_macro() {
  WITH_COUNTER(g); // expect-warning {{'g' of type}}
  co_await a();    // expect-note {{suspended here by co_await}}
}

coro::task<int> good() {
  {
    auto no_warning_1 = counter.lock();
    ++*no_warning_1;
    tbb::concurrent_hash_map<int, int>::accessor no_warning_2;
    map.find(no_warning_2, 1);
  }
  co_await a();
  auto no_warning_3 = counter.lock();
  co_return *no_warning_3;
}

coro::task<> good_mutex_is_not_a_guard() {
  parking_lot::Mutex<int> no_warning_4;
  co_await a();
}
