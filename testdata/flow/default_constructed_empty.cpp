// verify-args: -std=c++20 -I ../include
//
// Policy: a default-constructed (or null / nullopt) std::unique_lock,
// std::shared_lock, std::optional, std::unique_ptr or std::shared_ptr owns
// nothing, like one made with std::defer_lock, until something is put in
// it.  Other guard types (configured ones, lock_guard) are held from
// their declaration on: the checker cannot know what their default
// constructor does.
#include "coro_stub.h"
#include "mutex_stub.h"
#include "utility_stub.h"

using Guard = std::lock_guard<std::mutex>;
coro::task<> baz();
std::mutex m;

coro::task<> good_default_unique_lock() {
  std::unique_lock<std::mutex> no_warning_1;
  std::shared_lock<std::shared_mutex> no_warning_2;
  co_await baz();
}

coro::task<> good_empty_wrappers() {
  std::optional<Guard> no_warning_3;
  std::optional<Guard> no_warning_4 = std::nullopt;
  std::unique_ptr<Guard> no_warning_5;
  std::unique_ptr<Guard> no_warning_6 = nullptr;
  std::shared_ptr<Guard> no_warning_7;
  co_await baz();
}

coro::task<> bad_default_then_assigned() {
  std::unique_lock<std::mutex> lk; // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  lk = std::unique_lock<std::mutex>(m);
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_empty_optional_engaged_on_a_branch(bool c) {
  std::optional<Guard> g; // expect-warning {{'g' of type}}
  if (c)
    g.emplace(m);
  co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_null_unique_ptr_filled() {
  std::unique_ptr<Guard> p; // expect-warning {{'p' of type}}
  p = std::make_unique<Guard>(m);
  co_await baz(); // expect-note {{suspended here by co_await}}
}
