// verify-args: -std=c++20 -I ../include
//
// SCENARIOS 28 and 30 for annotated types: a std::unique_ptr to an
// annotated base (rustc "boxed ... trait object"), an engaged optional, a
// struct member.
#include "coro_stub.h"
#include "utility_stub.h"

struct [[clang::annotate("await_holding::must_not_suspend")]] Scope {
  virtual ~Scope() {}
};
struct DbScope : Scope {};

struct Request {
  int id = 0;
  Scope scope;
};

std::unique_ptr<Scope> open_scope();
coro::task<> f();

coro::task<> bad_boxed_base() {
  std::unique_ptr<Scope> p = open_scope(); // expect-warning {{'p' of type}}
  co_await f();                            // expect-note {{suspended here by co_await}}
}

coro::task<> bad_optional() {
  std::optional<Scope> o(std::in_place); // expect-warning {{'o' of type}}
  co_await f();                          // expect-note {{suspended here by co_await}}
}

coro::task<> bad_member() {
  Request r;    // expect-warning {{'r' of type 'Request' is held across a suspension point}}
  co_await f(); // expect-note {{suspended here by co_await}}
}

coro::task<> good_boxed_reset() {
  std::unique_ptr<Scope> no_warning_1 = open_scope();
  no_warning_1.reset();
  co_await f();
}
