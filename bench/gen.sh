#!/usr/bin/env bash
# Generates the benchmark corpora for bench/run.sh into a directory.
#
#   bench/gen.sh OUTDIR
#
# Writes OUTDIR/<corpus>/... plus OUTDIR/<corpus>/files.txt (one source
# path per line) and OUTDIR/realistic/compile_commands.json.  Output is
# deterministic (no randomness), so runs are comparable.  Nothing here is
# meant to be committed: run.sh calls this into a temporary directory.
set -euo pipefail

out=${1:?usage: gen.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# Sizes (overridable for experiments; run.sh uses the defaults).
: "${GEN_REALISTIC_FILES:=20}"
: "${GEN_MANY_AWAITS:=1600}"
: "${GEN_DEEP_DEPTH:=100}"
: "${GEN_DEEP_FUNCS:=6}"
: "${GEN_C_FILES:=10}"

# ---------------------------------------------------------------------------
# Shared C++ task/generator types (a small lazy task with continuation).
# ---------------------------------------------------------------------------
write_task_header() {
	cat >"$1" <<'EOF'
// Small coroutine task and generator types shared by the bench corpora.
#pragma once
#include <coroutine>
#include <exception>
#include <optional>
#include <utility>

namespace bench {

template <class T = void> class task;

struct promise_common {
  std::coroutine_handle<> continuation;
  std::suspend_always initial_suspend() noexcept { return {}; }
  struct final_awaiter {
    bool await_ready() noexcept { return false; }
    template <class P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
      auto c = h.promise().continuation;
      return c ? c : std::noop_coroutine();
    }
    void await_resume() noexcept {}
  };
  final_awaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() { std::terminate(); }
};

template <class T> class task {
public:
  struct promise_type : promise_common {
    std::optional<T> value;
    task get_return_object() {
      return task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    void return_value(T v) { value = std::move(v); }
  };
  explicit task(std::coroutine_handle<promise_type> h) : h_(h) {}
  task(task &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~task() { if (h_) h_.destroy(); }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    h_.promise().continuation = c;
    return h_;
  }
  T await_resume() { return std::move(*h_.promise().value); }

private:
  std::coroutine_handle<promise_type> h_;
};

template <> class task<void> {
public:
  struct promise_type : promise_common {
    task get_return_object() {
      return task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    void return_void() {}
  };
  explicit task(std::coroutine_handle<promise_type> h) : h_(h) {}
  task(task &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~task() { if (h_) h_.destroy(); }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    h_.promise().continuation = c;
    return h_;
  }
  void await_resume() {}

private:
  std::coroutine_handle<promise_type> h_;
};

template <class T> class generator {
public:
  struct promise_type {
    const T *current = nullptr;
    generator get_return_object() {
      return generator{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(const T &v) noexcept {
      current = &v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  explicit generator(std::coroutine_handle<promise_type> h) : h_(h) {}
  generator(generator &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~generator() { if (h_) h_.destroy(); }
  bool next() { h_.resume(); return !h_.done(); }
  const T &value() const { return *h_.promise().current; }

private:
  std::coroutine_handle<promise_type> h_;
};

struct yield_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
inline yield_awaiter yield() { return {}; }

} // namespace bench
EOF
}

# ---------------------------------------------------------------------------
# realistic: ~20 C++ files of varied, ordinary coroutine code.
# ---------------------------------------------------------------------------
gen_realistic() {
	local d=$out/realistic
	mkdir -p "$d"
	write_task_header "$d/bench_task.h"
	: >"$d/files.txt"
	local i
	for ((i = 0; i < GEN_REALISTIC_FILES; i++)); do
		awk -v id="$i" -f /dev/stdin >"$d/service_$i.cpp" <<'AWK'
function p(s) { print s }
# One function per "kind"; k varies names/constants so files differ.
function emit(kind, k,    n) {
  n = "f" k
  if (kind == 0) {            # guard in an inner scope, released before await (ok)
    p("task<int> " n "_scoped(Store &s, int key) {")
    p("  int copy = 0;")
    p("  {")
    p("    std::lock_guard<std::mutex> lock(s.mu);")
    p("    auto it = s.values.find(key + " k ");")
    p("    if (it != s.values.end()) copy = it->second;")
    p("  }")
    p("  int remote = co_await fetch(copy);")
    p("  co_return remote + copy;")
    p("}")
  } else if (kind == 1) {     # unique_lock unlocked before the await (ok)
    p("task<> " n "_unlock(Store &s, std::string name) {")
    p("  std::unique_lock<std::mutex> lk(s.mu);")
    p("  s.names.push_back(name + \"-" k "\");")
    p("  auto count = s.names.size();")
    p("  lk.unlock();")
    p("  co_await log_line(name, static_cast<int>(count));")
    p("  lk.lock();")
    p("  s.names.pop_back();")
    p("}")
  } else if (kind == 2) {     # held across an await: a real finding
    p("task<int> " n "_held(Store &s, int key) {")
    p("  std::lock_guard<std::mutex> lock(s.mu);")
    p("  int v = s.values[key];")
    p("  v += co_await fetch(v * " k ");")
    p("  s.values[key] = v;")
    p("  co_return v;")
    p("}")
  } else if (kind == 3) {     # loop: guard per iteration, await outside it (ok)
    p("task<int> " n "_loop(Store &s, const std::vector<int> &keys) {")
    p("  int total = 0;")
    p("  for (int key : keys) {")
    p("    int v;")
    p("    {")
    p("      std::scoped_lock lock(s.mu);")
    p("      v = s.values[key] + " k ";")
    p("    }")
    p("    if (v % 3 == 0)")
    p("      continue;")
    p("    total += co_await fetch(v);")
    p("  }")
    p("  co_return total;")
    p("}")
  } else if (kind == 4) {     # lambda coroutine holding a lock (finding)
    p("auto " n "_lambda(Store &s) {")
    p("  return [&s](int key) -> task<int> {")
    p("    std::unique_lock lk(s.mu);")
    p("    int base = s.values[key];")
    p("    if (base > " k ") {")
    p("      lk.unlock();")
    p("      co_return co_await fetch(base);")
    p("    }")
    p("    co_await bench::yield();")
    p("    co_return base;")
    p("  };")
    p("}")
  } else if (kind == 5) {     # template coroutine (ok: lock released by scope)
    p("template <class T>")
    p("task<T> " n "_tmpl(Cache<T> &c, int key) {")
    p("  std::optional<T> hit;")
    p("  {")
    p("    std::lock_guard guard(c.mu);")
    p("    if (auto it = c.map.find(key); it != c.map.end())")
    p("      hit = it->second;")
    p("  }")
    p("  if (hit)")
    p("    co_return *hit;")
    p("  T fresh = co_await load<T>(key + " k ");")
    p("  std::lock_guard guard2(c.mu);")
    p("  c.map.emplace(key, fresh);")
    p("  co_return fresh;")
    p("}")
    p("template task<int> " n "_tmpl<int>(Cache<int> &, int);")
  } else if (kind == 6) {     # co_await in conditions
    p("task<> " n "_cond(Store &s) {")
    p("  while (co_await more(" k ")) {")
    p("    if (co_await fetch(" k ") > 10) {")
    p("      std::lock_guard<std::mutex> lock(s.mu);")
    p("      s.values[" k "]++;")
    p("    } else {")
    p("      std::unique_lock<std::mutex> lk(s.mu, std::defer_lock);")
    p("      if (lk.try_lock())")
    p("        s.names.emplace_back(\"miss\");")
    p("    }")
    p("  }")
    p("}")
  } else if (kind == 7) {     # lock held across an await in one branch (finding)
    p("task<> " n "_branch(Store &s, bool slow) {")
    p("  std::unique_lock<std::mutex> lk(s.mu);")
    p("  if (!slow) {")
    p("    s.values[" k "] = 0;")
    p("    co_return;")
    p("  }")
    p("  for (int i = 0; i < " (k % 5 + 2) "; ++i) {")
    p("    s.values[i] += i;")
    p("    if (s.values[i] > 100)")
    p("      co_await bench::yield();")
    p("  }")
    p("}")
  } else if (kind == 8) {     # generator with co_yield, guard released first (ok)
    p("generator<int> " n "_gen(Store &s) {")
    p("  std::vector<int> snapshot;")
    p("  {")
    p("    std::lock_guard<std::mutex> lock(s.mu);")
    p("    for (auto &kv : s.values)")
    p("      snapshot.push_back(kv.second + " k ");")
    p("  }")
    p("  for (int v : snapshot)")
    p("    co_yield v;")
    p("}")
  } else if (kind == 9) {     # plain (non-coroutine) locking code
    p("int " n "_plain(Store &s, const std::string &prefix) {")
    p("  std::lock_guard<std::mutex> lock(s.mu);")
    p("  int n = 0;")
    p("  for (const auto &name : s.names)")
    p("    if (name.rfind(prefix, 0) == 0)")
    p("      n += static_cast<int>(name.size()) + " k ";")
    p("  return n;")
    p("}")
  } else if (kind == 10) {    # member coroutine with shared ownership (ok)
    p("task<> Worker::" n "_member(std::shared_ptr<Store> s) {")
    p("  auto keep = s;")
    p("  for (int round = 0; round < " (k % 4 + 1) "; ++round) {")
    p("    {")
    p("      std::unique_lock<std::mutex> lk(mu_);")
    p("      pending_ += round;")
    p("    }")
    p("    co_await log_line(\"round\", round);")
    p("  }")
    p("  std::lock_guard<std::mutex> done(mu_);")
    p("  pending_ = 0;")
    p("}")
  } else {                    # co_yield while holding a lock (finding)
    p("generator<std::string> " n "_names(Store &s) {")
    p("  std::lock_guard<std::mutex> lock(s.mu);")
    p("  for (const auto &name : s.names)")
    p("    if (!name.empty())")
    p("      co_yield name + \"/" k "\";")
    p("}")
  }
  p("")
}
BEGIN {
  p("// Generated by bench/gen.sh (realistic corpus, file " id ").")
  p("#include <mutex>")
  p("#include <coroutine>")
  p("#include <optional>")
  p("#include <memory>")
  p("#include <vector>")
  p("#include <string>")
  p("#include <map>")
  p("#include \"bench_task.h\"")
  p("")
  p("namespace svc" id " {")
  p("using bench::generator;")
  p("using bench::task;")
  p("")
  p("struct Store {")
  p("  std::mutex mu;")
  p("  std::map<int, int> values;")
  p("  std::vector<std::string> names;")
  p("};")
  p("template <class T> struct Cache {")
  p("  std::mutex mu;")
  p("  std::map<int, T> map;")
  p("};")
  p("class Worker {")
  p("public:")
  for (j = 0; j < 36; j++)
    if ((j + id) % 12 == 10)
      p("  task<> f" (id * 100 + j) "_member(std::shared_ptr<Store> s);")
  p("private:")
  p("  std::mutex mu_;")
  p("  int pending_ = 0;")
  p("};")
  p("task<int> fetch(int key);")
  p("task<> log_line(std::string what, int n);")
  p("task<bool> more(int tag);")
  p("template <class T> task<T> load(int key);")
  p("")
  # 36 functions: 3 rounds of the 12 kinds, rotated by file id.
  for (j = 0; j < 36; j++)
    emit((j + id) % 12, id * 100 + j)
  p("} // namespace svc" id)
}
AWK
		echo "$d/service_$i.cpp" >>"$d/files.txt"
	done
}

# compile_commands.json for the realistic corpus (-p run).
gen_compdb() {
	local d=$out/realistic
	{
		echo "["
		local first=1 f
		while read -r f; do
			[[ $first == 1 ]] || echo ","
			first=0
			printf '  {"directory": "%s", "file": "%s", "arguments": ["clang++-22", "-std=c++20", "-c", "%s", "-o", "%s"]}' \
				"$d" "$f" "$f" "${f%.cpp}.o"
		done <"$d/files.txt"
		echo
		echo "]"
	} >"$d/compile_commands.json"
}

# ---------------------------------------------------------------------------
# many-awaits: one function, one block, N co_awaits interleaved with guards.
# many-awaits-held: N guards each held across all the remaining awaits.
# ---------------------------------------------------------------------------
gen_many_awaits() {
	local d=$out/many-awaits
	mkdir -p "$d"
	write_task_header "$d/bench_task.h"
	awk -v n="$GEN_MANY_AWAITS" 'BEGIN {
		print "// Generated by bench/gen.sh (many-awaits: " n " co_awaits in one block)."
		print "#include <mutex>"
		print "#include <coroutine>"
		print "#include \"bench_task.h\""
		print "using bench::task;"
		print "task<> f();"
		print "std::mutex m, m2;"
		print "int counter;"
		print "task<> big() {"
		for (i = 0; i < n; i++) {
			print "  co_await f();"
			print "  std::unique_lock<std::mutex> lk" i "(m);"
			print "  lk" i ".unlock();"
			if (i % 200 == 100) {
				# a lock_guard in a nested block, released before the next await
				print "  {"
				print "    std::lock_guard<std::mutex> g" i "(m2);"
				print "    counter++;"
				print "  }"
			}
			if (i % 400 == 300) {
				# a nested block whose lock_guard is held across an await (finding)
				print "  {"
				print "    std::lock_guard<std::mutex> h" i "(m2);"
				print "    co_await f();"
				print "  }"
			}
		}
		print "}"
	}' >"$d/many_awaits.cpp"
	echo "$d/many_awaits.cpp" >"$d/files.txt"

	local h=$out/many-awaits-held
	mkdir -p "$h"
	cp "$d/bench_task.h" "$h/"
	awk -v n="$GEN_MANY_AWAITS" 'BEGIN {
		print "// Generated by bench/gen.sh (many-awaits-held: " n " guards each held across the rest)."
		print "#include <mutex>"
		print "#include <coroutine>"
		print "#include \"bench_task.h\""
		print "using bench::task;"
		print "task<> f();"
		print "std::mutex ms[" n "];"
		print "task<> big_held() {"
		for (i = 0; i < n; i++) {
			print "  std::unique_lock<std::mutex> lk" i "(ms[" i "]);"
			print "  co_await f();"
		}
		print "}"
	}' >"$h/many_awaits_held.cpp"
	echo "$h/many_awaits_held.cpp" >"$h/files.txt"
}

# ---------------------------------------------------------------------------
# deep-nesting: deeply nested if/for/while/switch with guards and awaits.
# ---------------------------------------------------------------------------
gen_deep() {
	local d=$out/deep-nesting
	mkdir -p "$d"
	write_task_header "$d/bench_task.h"
	awk -v depth="$GEN_DEEP_DEPTH" -v funcs="$GEN_DEEP_FUNCS" '
	function ind(k) { return sprintf("%" (2 * k + 2) "s", "") }
	BEGIN {
		print "// Generated by bench/gen.sh (deep-nesting: depth " depth ")."
		print "#include <mutex>"
		print "#include <coroutine>"
		print "#include \"bench_task.h\""
		print "using bench::task;"
		print "task<int> step(int);"
		print "std::mutex ms[8];"
		for (fn = 0; fn < funcs; fn++) {
			print "task<int> nested" fn "(int x) {"
			print "  int acc = 0;"
			for (k = 0; k < depth; k++) {
				s = ind(k)
				kind = (k + fn) % 5
				if (kind == 0) {
					print s "std::unique_lock<std::mutex> l" k "(ms[" (k % 8) "]);"
					print s "if (x > " k ") l" k ".unlock();"
					print s "acc += co_await step(" k ");"
					print s "if (acc != " k ") {"
				} else if (kind == 1) {
					print s "for (int i" k " = 0; i" k " < x; ++i" k ") {"
					print s "  { std::lock_guard<std::mutex> g" k "(ms[" (k % 8) "]); acc++; }"
				} else if (kind == 2) {
					print s "while (acc < " (k * 7) ") {"
					print s "  acc += co_await step(acc);"
				} else if (kind == 3) {
					print s "switch (acc % 3) {"
					print s "case 0: acc += co_await step(0); break;"
					print s "case 1: { std::scoped_lock sl" k "(ms[" (k % 8) "]); acc--; break; }"
					print s "default: {"
				} else {
					print s "if (co_await step(" k ") > x) {"
					if (fn % 2 == 0 && k % 20 == 4) {
						# a guard held across the deeper awaits (findings)
						print s "  std::lock_guard<std::mutex> held" k "(ms[" (k % 8) "]);"
					}
				}
			}
			for (k = depth - 1; k >= 0; k--) {
				s = ind(k)
				kind = (k + fn) % 5
				if (kind == 3) print s "}" "\n" s "}"
				else print s "}"
			}
			print "  co_return acc;"
			print "}"
		}
	}' >"$d/deep_nesting.cpp"
	echo "$d/deep_nesting.cpp" >"$d/files.txt"
}

# ---------------------------------------------------------------------------
# c-heavy: ~10 C files with pthread mutexes, cleanup() guards and a chain of
# helpers that end in the suspending function aco_yield().
# ---------------------------------------------------------------------------
gen_c() {
	local d=$out/c-heavy
	mkdir -p "$d"
	cat >"$d/aco_stub.h" <<'EOF'
/* Minimal declarations in the style of libaco (bench corpus). */
#pragma once
#include <pthread.h>
void aco_yield(void);
static inline void unlock_cleanup(pthread_mutex_t **m) {
	if (*m)
		pthread_mutex_unlock(*m);
}
#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define SCOPED_LOCK(m)                                                    \
	pthread_mutex_t *CAT(scoped_, __LINE__)                                \
	    __attribute__((cleanup(unlock_cleanup))) =                          \
		(pthread_mutex_lock(m), (m))
EOF
	: >"$d/files.txt"
	local i
	for ((i = 0; i < GEN_C_FILES; i++)); do
		awk -v id="$i" 'function p(s) { print s }
		BEGIN {
			p("/* Generated by bench/gen.sh (c-heavy, file " id "). */")
			p("#include <pthread.h>")
			p("#include <stdio.h>")
			p("#include <stdlib.h>")
			p("#include <string.h>")
			p("#include \"aco_stub.h\"")
			p("")
			p("struct state" id " {")
			p("\tpthread_mutex_t mu;")
			p("\tint n;")
			p("\tchar name[64];")
			p("\tint items[32];")
			p("};")
			p("")
			# helper chain: chain_k calls chain_{k-1}; chain_0 yields
			p("static void chain" id "_0(int depth) {")
			p("\tif (depth > 0)")
			p("\t\taco_yield();")
			p("}")
			for (k = 1; k < 12; k++) {
				p("static void chain" id "_" k "(int depth) {")
				p("\tint local = depth * " k ";")
				p("\tif (local >= 0)")
				p("\t\tchain" id "_" (k - 1) "(depth + 1);")
				p("}")
			}
			p("static int compute" id "(const struct state" id " *s) {")
			p("\tint t = 0;")
			p("\tfor (int i = 0; i < 32; i++)")
			p("\t\tt += s->items[i] * (i + " id ");")
			p("\treturn t;")
			p("}")
			p("")
			for (j = 0; j < 600; j++) {
				kind = (j + id) % 6
				f = "work" id "_" j
				if (kind == 0) { # lock, yield via helper chain, unlock: finding
					p("void " f "(struct state" id " *s) {")
					p("\tpthread_mutex_lock(&s->mu);")
					p("\ts->n += " j ";")
					p("\tchain" id "_" (j % 12) "(s->n);")
					p("\tpthread_mutex_unlock(&s->mu);")
					p("}")
				} else if (kind == 1) { # unlock before yielding: ok
					p("void " f "(struct state" id " *s) {")
					p("\tpthread_mutex_lock(&s->mu);")
					p("\tint snapshot = compute" id "(s);")
					p("\tpthread_mutex_unlock(&s->mu);")
					p("\tif (snapshot > " j ")")
					p("\t\taco_yield();")
					p("}")
				} else if (kind == 2) { # cleanup() guard held across a yield: finding
					p("int " f "(struct state" id " *s, int k) {")
					p("\tSCOPED_LOCK(&s->mu);")
					p("\ts->items[k & 31] = k + " j ";")
					p("\taco_yield();")
					p("\treturn s->items[k & 31];")
					p("}")
				} else if (kind == 3) { # cleanup() guard in an inner block: ok
					p("int " f "(struct state" id " *s) {")
					p("\tint copy;")
					p("\t{")
					p("\t\tSCOPED_LOCK(&s->mu);")
					p("\t\tcopy = s->n;")
					p("\t\tsnprintf(s->name, sizeof s->name, \"w%d\", copy);")
					p("\t}")
					p("\tchain" id "_" ((j + 3) % 12) "(copy);")
					p("\treturn copy + (int)strlen(s->name);")
					p("}")
				} else if (kind == 4) { # loop with lock/unlock and yields
					p("void " f "(struct state" id " *s, int rounds) {")
					p("\tfor (int r = 0; r < rounds; r++) {")
					p("\t\tpthread_mutex_lock(&s->mu);")
					p("\t\tif (s->n > r) {")
					p("\t\t\tpthread_mutex_unlock(&s->mu);")
					p("\t\t\taco_yield();")
					p("\t\t\tcontinue;")
					p("\t\t}")
					p("\t\ts->n++;")
					p("\t\tpthread_mutex_unlock(&s->mu);")
					p("\t}")
					p("}")
				} else { # heap state, no suspension
					p("struct state" id " *" f "(void) {")
					p("\tstruct state" id " *s = calloc(1, sizeof *s);")
					p("\tif (!s)")
					p("\t\treturn NULL;")
					p("\tpthread_mutex_init(&s->mu, NULL);")
					p("\tpthread_mutex_lock(&s->mu);")
					p("\ts->n = " j ";")
					p("\tmemset(s->items, 0, sizeof s->items);")
					p("\tpthread_mutex_unlock(&s->mu);")
					p("\treturn s;")
					p("}")
				}
				p("")
			}
		}' >"$d/heavy_$i.c"
		echo "$d/heavy_$i.c" >>"$d/files.txt"
	done
}

gen_realistic
gen_compdb
gen_many_awaits
gen_deep
gen_c
