// boost/fiber/{operations,mutex,condition_variable,buffered_channel,
// future,barrier}.hpp (stand-in): the calls that suspend the current fiber.
#ifndef AWAIT_HOLDING_RULES_BOOST_FIBER_OPERATIONS_HPP
#define AWAIT_HOLDING_RULES_BOOST_FIBER_OPERATIONS_HPP

#include "../../std_stub.h"

namespace boost {
namespace this_fiber {

void yield() noexcept;

template <typename Clock, typename Duration>
void sleep_until(std::chrono::time_point<Clock, Duration> const &sleep_time_);

template <typename Rep, typename Period>
void sleep_for(std::chrono::duration<Rep, Period> const &timeout_duration);

} // namespace this_fiber

namespace fibers {

// Suspends the calling fiber (not the thread) while the lock is taken.
class mutex {
public:
  mutex() = default;
  mutex(const mutex &) = delete;
  void lock();
  bool try_lock();
  void unlock();
};

class condition_variable {
public:
  void notify_one() noexcept;
  void wait(std::unique_lock<mutex> &lk);
};

enum class channel_op_status { success, empty, full, closed, timeout };

template <typename T>
class buffered_channel {
public:
  explicit buffered_channel(unsigned long capacity);
  channel_op_status push(T const &value);
  channel_op_status pop(T &value);
  T value_pop();
  channel_op_status try_push(T const &value);
  void close() noexcept;
};

template <typename R>
class future {
public:
  R get();
  void wait() const;
  bool valid() const noexcept;
};

} // namespace fibers
} // namespace boost

#endif
