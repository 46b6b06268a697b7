// verify-args: -std=c++20 -I ../include
//
// Generic lambdas and lambdas with a template parameter list are
// templates: their guards have dependent types and are matched by the
// guard template's name, reported once on the lambda.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
std::recursive_mutex rm;

auto bad_generic_ctad = [](auto &mu) -> coro::task<> {
  std::lock_guard g(mu); // expect-warning {{'g' of type}}
  co_await baz();        // expect-note {{suspended here by co_await}}
};

auto bad_template_parameter_list = []<class M>(M &mu) -> coro::task<> {
  std::unique_lock<M> lk(mu); // expect-warning {{'lk' of type}}
  co_await baz();             // expect-note {{suspended here by co_await}}
};

auto good_generic_in_block = [](auto &mu) -> coro::task<> {
  {
    std::lock_guard no_warning_1(mu);
  }
  co_await baz();
};

void instantiate() {
  (void)bad_generic_ctad(m);
  (void)bad_generic_ctad(rm);
  (void)bad_template_parameter_list(m);
  (void)good_generic_in_block(m);
}
