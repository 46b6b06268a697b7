// verify-args: -std=c++20 -I ../include
//
// Two ifs on the same condition are taken the same way when nothing in
// the function can change it between them (it reads parameters and
// locals that are never written after their declaration, and calls
// nothing): a lock released under the condition that guards the
// suspension is not held there.  A condition written in between, passed
// by reference, or that calls a function is not trusted, and the
// opposite condition keeps the lock held.
#include "coro_stub.h"
#include "mutex_stub.h"

coro::task<> baz();
std::mutex m;
bool other();
void update(bool &flag);

coro::task<> good_same_condition(bool drop) {
  std::unique_lock<std::mutex> no_warning_1(m);
  if (drop)
    no_warning_1.unlock();
  if (drop)
    co_await baz();
}

coro::task<> good_negated_condition(bool keep) {
  std::unique_lock<std::mutex> no_warning_2(m);
  if (!keep)
    no_warning_2.unlock();
  if (!keep)
    co_await baz();
}

coro::task<> good_else_branch(int n) {
  std::unique_lock<std::mutex> no_warning_3(m);
  if (n > 3)
    n = 0, no_warning_3.unlock(); // (n is written: see bad_condition_written)
  else
    no_warning_3.unlock();
  co_await baz();
}

coro::task<> good_compound_condition(int a, int b) {
  const bool both = a > 0 && b > 0;
  std::unique_lock<std::mutex> no_warning_4(m);
  if (both)
    no_warning_4.unlock();
  if (both)
    co_await baz();
}

coro::task<> bad_opposite_condition(bool drop) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (drop)
    lk.unlock();
  if (!drop)
    co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_condition_written(bool drop) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (drop)
    lk.unlock();
  drop = other();
  if (drop)
    co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_condition_passed_by_reference(bool drop) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (drop)
    lk.unlock();
  update(drop);
  if (drop)
    co_await baz(); // expect-note {{suspended here by co_await}}
}

coro::task<> bad_condition_calls(bool drop) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (other())
    lk.unlock();
  if (other())
    co_await baz(); // expect-note {{suspended here by co_await}}
  (void)drop;
}

coro::task<> bad_different_conditions(bool a, bool b) {
  std::unique_lock<std::mutex> lk(m); // expect-warning {{'lk' of type 'std::unique_lock<std::mutex>' is held across a suspension point}}
  if (a)
    lk.unlock();
  if (b)
    co_await baz(); // expect-note {{suspended here by co_await}}
}
