// verify-args: -std=c++20
// verify-config: ../configs/drogon_lock.toml
//
// A std lock over a coroutine-aware mutex (drogon's Mutex: 'co_await
// mutex.scoped_lock()' yields a std::unique_lock<drogon::Mutex>) is not a
// guard by the built-in policy; an entry that names that specialization,
// template argument and all, is more specific than the std pack's
// 'std::unique_lock' and wins: the project wants those holds reported.
// Shaped like drogon's lib/inc/drogon/utils/coroutine.h.
#include <coroutine>
#include <mutex>

namespace drogon {
template <class T = void> struct Task {
  struct promise_type {
    Task get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
};

struct SleepAwaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) noexcept {}
  void await_resume() noexcept {}
};
inline SleepAwaiter sleepCoro(double) { return {}; }

class Mutex final {
  class CoroMutexAwaiter {
  public:
    explicit CoroMutexAwaiter(Mutex &m) noexcept : mutex_(m) {}
    bool await_ready() noexcept { return mutex_.try_lock(); }
    bool await_suspend(std::coroutine_handle<>) noexcept { return true; }
    void await_resume() noexcept {}

  protected:
    Mutex &mutex_;
  };
  class ScopedCoroMutexAwaiter : public CoroMutexAwaiter {
  public:
    using CoroMutexAwaiter::CoroMutexAwaiter;
    [[nodiscard]] auto await_resume() noexcept {
      return std::unique_lock<Mutex>{mutex_, std::adopt_lock};
    }
  };

public:
  bool try_lock() noexcept { return true; }
  [[nodiscard]] ScopedCoroMutexAwaiter scoped_lock() noexcept { return ScopedCoroMutexAwaiter(*this); }
  [[nodiscard]] CoroMutexAwaiter lock() noexcept { return CoroMutexAwaiter(*this); }
  void unlock() noexcept {}
};
} // namespace drogon

drogon::Task<> bad_scoped(drogon::Mutex &mutex) {
  auto guard = co_await mutex.scoped_lock(); // expect-warning {{'guard' of type}}
  co_await drogon::sleepCoro(2.0);           // expect-note {{suspended here by co_await}}
}

drogon::Task<> bad_declared(drogon::Mutex &mutex) {
  std::unique_lock<drogon::Mutex> lk(mutex, std::adopt_lock); // expect-warning {{'lk' of type 'std::unique_lock<drogon::Mutex>' is held across a suspension point}}
  co_await drogon::sleepCoro(2.0);                            // expect-note {{suspended here by co_await}}
}

// the std pack's own entries still exempt other std locks over it
drogon::Task<> good_shared(drogon::Mutex &mutex) {
  std::lock_guard<drogon::Mutex> no_warning_1(mutex, std::adopt_lock);
  co_await drogon::sleepCoro(2.0);
}
