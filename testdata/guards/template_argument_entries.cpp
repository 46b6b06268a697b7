// verify-args: -std=c++20 -I ../include
// verify-config: ../configs/template_args.toml
//
// A configured type with template arguments matches only that
// specialization; allowed-types exempts specializations from the std pack.
#include "coro_stub.h"
#include "mutex_stub.h"

namespace app {
struct Tag {};
struct Other {};
template <class T> struct Holder {
  ~Holder() {}
};
} // namespace app

coro::task<> baz();
std::mutex m;
std::timed_mutex tm;
std::recursive_mutex rm;

coro::task<> bad_listed_specialization() {
  app::Holder<app::Tag> h; // expect-warning {{'h' of type 'app::Holder<app::Tag>' is held across a suspension point}}
  co_await baz();          // expect-note {{suspended here by co_await}}
}

coro::task<> good_other_specialization() {
  app::Holder<app::Other> no_warning_1;
  co_await baz();
}

coro::task<> good_allowed_specializations() {
  std::lock_guard<std::timed_mutex> no_warning_2(tm);
  std::unique_lock<std::recursive_mutex> no_warning_3(rm);
  co_await baz();
}

coro::task<> bad_other_std_specialization() {
  std::lock_guard<std::mutex> g(m); // expect-warning {{'g' of type 'std::lock_guard<std::mutex>' is held across a suspension point}}
  co_await baz();                   // expect-note {{suspended here by co_await}}
}
