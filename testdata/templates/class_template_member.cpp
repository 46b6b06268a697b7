// verify-args: -std=c++20 -I ../include
//
// Member coroutines of a class template, and member function templates of
// a class, are checked like free function templates.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();

template <class M>
class Cache {
public:
  coro::task<> bad_refresh() {
    std::lock_guard<M> g(mu_); // expect-warning {{'g' of type}}
    co_await baz();            // expect-note {{suspended here by co_await}}
  }

  coro::task<> good_refresh() {
    {
      std::lock_guard<M> no_warning_1(mu_);
      ++version_;
    }
    co_await baz();
  }

private:
  M mu_;
  int version_ = 0;
};

class Registry {
public:
  template <class Key>
  coro::task<> bad_update(Key) {
    std::unique_lock<std::mutex> lk(mu_); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
    co_await baz();                       // expect-note {{suspended here by co_await}}
  }

private:
  std::mutex mu_;
};

void instantiate() {
  Cache<std::mutex> c;
  (void)c.bad_refresh();
  (void)c.good_refresh();
  Registry r;
  (void)r.bad_update(1);
}
