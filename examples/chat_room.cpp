// A small chat room written with C++20 coroutines: two real bugs that
// await-holding reports, and the correct versions next to them.
//
//   await-holding examples/chat_room.cpp -- -std=c++20
//
// The configuration next to this file (examples/await-holding.toml) adds a
// tracing scope type to the built-in std rules.
#include <coroutine>
#include <deque>
#include <mutex>
#include <string>

namespace net {
// A minimal eager task and an awaitable socket write.
struct task {
	struct promise_type {
		task get_return_object() { return {}; }
		std::suspend_never initial_suspend() noexcept { return {}; }
		std::suspend_never final_suspend() noexcept { return {}; }
		void return_void() {}
		void unhandled_exception() {}
	};
};
struct write_op {
	bool await_ready() const noexcept { return false; }
	void await_suspend(std::coroutine_handle<>) const noexcept {}
	void await_resume() const noexcept {}
};
inline write_op async_write(int, const std::string &) { return {}; }
} // namespace net

namespace tracing {
// Like OpenTelemetry's Scope: makes a span current on this thread's
// context stack until destroyed.
struct Span {};
struct Scope {
	explicit Scope(Span &) {}
	~Scope() {}
};
} // namespace tracing

class ChatRoom {
	std::mutex mu_;
	std::deque<std::string> history_;

public:
	// BUG: the lock is held while the coroutine waits for the socket.
	// Every other member of the room blocks on mu_ until the write
	// completes, and the coroutine may resume on another thread.
	net::task send_history(int fd)
	{
		std::lock_guard<std::mutex> lock(mu_);
		for (const std::string &line : history_)
			co_await net::async_write(fd, line);
	}

	// Correct: copy under the lock, write without it.
	net::task send_history_fixed(int fd)
	{
		std::deque<std::string> copy;
		{
			std::lock_guard<std::mutex> lock(mu_);
			copy = history_;
		}
		for (const std::string &line : copy)
			co_await net::async_write(fd, line);
	}

	// BUG: the tracing scope stays on this thread's context stack while
	// the coroutine is suspended; whatever runs next on the thread is
	// attributed to this span, and the stack grows without end.
	net::task broadcast(tracing::Span &span, int fd, std::string msg)
	{
		tracing::Scope scope(span);
		std::unique_lock<std::mutex> lock(mu_);
		history_.push_back(msg);
		lock.unlock(); // released before the write: not reported
		co_await net::async_write(fd, msg);
	}
};
