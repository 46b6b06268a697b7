/*
 * test_report.c - unit tests of the reporting end that need no libclang:
 * source lines (srcfile), the source root and uris (srcroot), fingerprints,
 * baselines and help notes (advice), on findings and buffers built here.
 */
#include "common.h"
#include "advice.h"
#include "arena.h"
#include "baseline.h"
#include "diag.h"
#include "fingerprint.h"
#include "srcfile.h"
#include "srcroot.h"
#include "util.h"
#include "test.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *line_of(struct srcfiles *s, const char *f, unsigned n)
{
	static char buf[256];
	size_t len;
	const char *t = srcfile_line(s, f, n, &len);
	if (!t)
		return NULL;
	snprintf(buf, sizeof(buf), "%.*s", (int)len, t);
	return buf;
}

static void test_srcfile(void)
{
	struct srcfiles *s = srcfile_new();
	const char text[] = "one\r\ntwo\rthree\nfour";
	srcfile_set(s, "m.cpp", text, sizeof(text) - 1);
	ASSERT(4, srcfile_nlines(s, "m.cpp"));
	ASSERT_STR("one", line_of(s, "m.cpp", 1));
	ASSERT_STR("two", line_of(s, "m.cpp", 2));
	ASSERT_STR("three", line_of(s, "m.cpp", 3));
	ASSERT_STR("four", line_of(s, "m.cpp", 4));
	ASSERT(NULL, line_of(s, "m.cpp", 5));
	ASSERT(NULL, line_of(s, "m.cpp", 0));
	srcfile_set(s, "n.cpp", "a\n", 2);
	ASSERT(1, srcfile_nlines(s, "n.cpp"));
	srcfile_set(s, "e.cpp", "", 0);
	ASSERT(0, srcfile_nlines(s, "e.cpp"));
	ASSERT(NULL, line_of(s, "/nonexistent/x.cpp", 1));
	ASSERT(0, srcfile_nlines(s, "/nonexistent/x.cpp"));
	srcfile_free(s);
}

static void test_srcroot(void)
{
	struct arena a;
	arena_init(&a);
	ASSERT_STR("src%20dir/a%23b%20%C3%AF.cpp",
		   srcroot_uri_path(&a, "src dir/a#b \xc3\xaf.cpp"));
	ASSERT_STR("a-b_c.~/d%3Ae%25f%3F", srcroot_uri_path(&a, "a-b_c.~/d:e%f?"));
	ASSERT_STR("src/a.cpp", srcroot_relative(&a, "/r", "/r/src/a.cpp"));
	ASSERT_STR("src/a.cpp", srcroot_relative(&a, "/r", "/r/x/../src/./a.cpp"));
	ASSERT(NULL, srcroot_relative(&a, "/r", "/rx/a.cpp"));
	ASSERT(NULL, srcroot_relative(&a, "/r", "/r"));
	ASSERT_STR("r/a.cpp", srcroot_relative(&a, "/", "/r/a.cpp"));
	arena_release(&a);
}

static void test_normalise(void)
{
	struct arena a;
	const char *l1 = "  std::lock_guard<std::mutex>   g(m); // why";
	const char *l2 = "std::lock_guard<std::mutex> g(m);/* c */";
	const char *l3 = "f(\"a // b\",  ' ');";
	arena_init(&a);
	ASSERT_STR("std::lock_guard<std::mutex>g(m);",
		   fingerprint_normalise(&a, l1, strlen(l1)));
	ASSERT_STR("std::lock_guard<std::mutex>g(m);",
		   fingerprint_normalise(&a, l2, strlen(l2)));
	ASSERT_STR("f(\"a // b\",' ');", fingerprint_normalise(&a, l3, strlen(l3)));
	const char *l4 = "x( /* a */ R\"(s  t)\" ) ;";
	ASSERT_STR("x(R\"(s  t)\");", fingerprint_normalise(&a, l4, strlen(l4)));
	arena_release(&a);
}

static void add_finding(struct diag_list *l, const char *file, unsigned line,
			const char *name, const char *fn, unsigned susp_line,
			enum suspend_kind kind, const char *detail)
{
	struct suspension s = { { file, susp_line, 3 }, kind, detail, NULL };
	struct finding f;
	memset(&f, 0, sizeof(f));
	f.loc.file = file;
	f.loc.line = line;
	f.loc.col = 31;
	f.name = name;
	f.type = "std::lock_guard<std::mutex>";
	f.matched = "std::lock_guard";
	f.function = fn;
	f.susp = &s;
	f.nsusp = 1;
	diag_list_push(l, &f);
}

static const char src_v1[] =
	"#include <mutex>\n"
	"coro::task<> f() {\n"
	"  std::lock_guard<std::mutex> g(m);\n"
	"  co_await x();\n"
	"}\n";
static const char src_v2[] =
	"#include <mutex>\n"
	"int unrelated;\n"
	"\n"
	"coro::task<> f() {\n"
	"  std::lock_guard<std::mutex>   g(m);  // reviewed\n"
	"  co_await x();\n"
	"}\n";

static void test_fingerprint_and_baseline(void)
{
	struct arena a;
	struct diag_list l1, l2, l3;
	struct srcfiles *s1 = srcfile_new(), *s2 = srcfile_new();
	arena_init(&a);
	diag_list_init(&l1);
	diag_list_init(&l2);
	diag_list_init(&l3);
	srcfile_set(s1, "/r/a.cpp", src_v1, sizeof(src_v1) - 1);
	srcfile_set(s2, "/r/a.cpp", src_v2, sizeof(src_v2) - 1);
	add_finding(&l1, "/r/a.cpp", 3, "g", "f", 4, SUSPEND_CO_AWAIT, NULL);
	add_finding(&l2, "/r/a.cpp", 5, "g", "f", 6, SUSPEND_CO_AWAIT, NULL);
	const char **f1 = fingerprint_all(&a, &l1, "/r", s1);
	const char **f2 = fingerprint_all(&a, &l2, "/r", s2);
	ASSERT_STR(f1[0], f2[0]);               /* moved down, reindented */
	ASSERT(34, strlen(f1[0]));               /* 32 hex digits, ":1" */
	ASSERT_HAS(f1[0], ":1");
	/* another function, another kind, another name: another print */
	add_finding(&l3, "/r/a.cpp", 3, "g", "other", 4, SUSPEND_CO_AWAIT, NULL);
	add_finding(&l3, "/r/a.cpp", 3, "g", "f", 4, SUSPEND_CALL, "yield");
	add_finding(&l3, "/r/a.cpp", 3, "h", "f", 4, SUSPEND_CO_AWAIT, NULL);
	add_finding(&l3, "/r/a.cpp", 3, "g", "f", 4, SUSPEND_CO_AWAIT, NULL);
	add_finding(&l3, "/r/a.cpp", 3, "g", "f", 4, SUSPEND_CO_AWAIT, NULL);
	const char **f3 = fingerprint_all(&a, &l3, "/r", s1);
	for (int i = 0; i < 3; i++)
		ASSERT(1, strcmp(f1[0], f3[i]) != 0);
	ASSERT_STR(f1[0], f3[3]);
	ASSERT(0, strncmp(f3[3], f3[4], 32));   /* same print, counted */
	ASSERT_HAS(f3[4], ":2");

	/* a baseline of l1 hides one of the two identical findings of l3 */
	char path[64];
	snprintf(path, sizeof(path), "/tmp/test_report_%ld.json", (long)getpid());
	ASSERT(0, baseline_write(path, &l1, f1, "/r"));
	struct baseline b;
	ASSERT(0, baseline_load(&b, path));
	ASSERT(1, b.n);
	ASSERT(1, baseline_filter(&b, &l3, f3));
	ASSERT(4, l3.nfindings);
	ASSERT_STR("h", l3.findings[2].name);
	ASSERT_HAS(f3[3], ":2");
	baseline_release(&b);
	remove(path);

	srcfile_free(s1);
	srcfile_free(s2);
	diag_list_release(&l1);
	diag_list_release(&l2);
	diag_list_release(&l3);
	arena_release(&a);
}

static void test_advice(void)
{
	struct arena a;
	struct diag_list l;
	struct srcfiles *s = srcfile_new();
	static const char used[] =
		"coro::task<> f() {\n"
		"  std::unique_lock<std::mutex> lk(m);\n"
		"  work();\n"
		"  co_await x();\n"
		"  lk.unlock();\n"
		"}\n";
	arena_init(&a);
	diag_list_init(&l);
	srcfile_set(s, "u.cpp", used, sizeof(used) - 1);
	srcfile_set(s, "a.cpp", src_v1, sizeof(src_v1) - 1);
	add_finding(&l, "a.cpp", 3, "g", "f", 4, SUSPEND_CO_AWAIT, NULL);
	add_finding(&l, "u.cpp", 2, "lk", "f", 4, SUSPEND_CO_AWAIT, NULL);
	add_finding(&l, "a.cpp", 3, "g", "f", 4, SUSPEND_INDIRECT, "a -> b -> yield");
	l.findings[1].matched = "std::unique_lock";
	ASSERT_HAS(advice_help(&a, &l.findings[0], s),
		   "'g' is not used from the co_await at line 4 on: end its scope before it (put '{ }' around lines 3-3)");
	ASSERT(NULL, strstr(advice_help(&a, &l.findings[0], s), "unlock"));
	ASSERT_HAS(advice_help(&a, &l.findings[1], s),
		   "'lk' is used again at line 5, after the co_await at line 4");
	ASSERT_HAS(advice_help(&a, &l.findings[2], s),
		   "the suspension comes through a -> b -> yield, so the call to 'a' at line 4 is the one to move");
	/* a by-value parameter: its block is the body, not the file */
	static const char param[] =
		"coro::task<> take(std::unique_lock<std::mutex> lk) {\n"
		"  co_await x();\n"
		"}\n"
		"void g() { lk(); }\n";
	srcfile_set(s, "p.cpp", param, sizeof(param) - 1);
	add_finding(&l, "p.cpp", 1, "lk", "take", 2, SUSPEND_CO_AWAIT, NULL);
	l.findings[3].loc.col = 48;
	l.findings[3].matched = "std::unique_lock";
	ASSERT_HAS(advice_help(&a, &l.findings[3], s),
		   "'lk' is a by-value parameter: it lives until the coroutine ends, so call lk.unlock() before the co_await at line 2");
	/* the suspension is in a loop: the braces end before the loop */
	static const char loop[] =
		"coro::task<> f() {\n"
		"  std::lock_guard<std::mutex> g(m);\n"
		"  int n = count();\n"
		"  for (int i = 0; i < n; i++)\n"
		"  {\n"
		"    co_await x();\n"
		"  }\n"
		"}\n";
	static const char loop2[] =
		"coro::task<> f() {\n"
		"  std::lock_guard<std::mutex> g(m);\n"
		"  for (auto &line : history)\n"
		"    co_await write(line);\n"
		"}\n";
	srcfile_set(s, "l.cpp", loop, sizeof(loop) - 1);
	srcfile_set(s, "l2.cpp", loop2, sizeof(loop2) - 1);
	add_finding(&l, "l.cpp", 2, "g", "f", 6, SUSPEND_CO_AWAIT, NULL);
	add_finding(&l, "l2.cpp", 2, "g", "f", 4, SUSPEND_CO_AWAIT, NULL);
	ASSERT_HAS(advice_help(&a, &l.findings[4], s),
		   "put '{ }' around lines 2-3)");
	ASSERT_HAS(advice_help(&a, &l.findings[5], s),
		   "the co_await at line 4 is inside the statement at line 3 that 'g' protects");
	/* a name in comments and literals after the suspension is no use */
	static const char quoted[] =
		"coro::task<> f() {\n"
		"  std::unique_lock<std::mutex> lk(m);\n"
		"  co_await x();\n"
		"  log(\"lk\"); /* lk\n"
		"     lk */ // lk\n"
		"}\n";
	srcfile_set(s, "q.cpp", quoted, sizeof(quoted) - 1);
	add_finding(&l, "q.cpp", 2, "lk", "f", 3, SUSPEND_CO_AWAIT, NULL);
	l.findings[6].loc.col = 32;
	l.findings[6].matched = "std::unique_lock";
	ASSERT_HAS(advice_help(&a, &l.findings[6], s),
		   "'lk' is not used from the co_await at line 3 on");
	/* no source: still advice */
	ASSERT_HAS(advice_help(&a, &l.findings[0], NULL),
		   "end the scope of 'g' before the co_await");
	diag_list_release(&l);
	srcfile_free(s);
	arena_release(&a);
}

int main(void)
{
	test_srcfile();
	test_srcroot();
	test_normalise();
	test_fingerprint_and_baseline();
	test_advice();
	return test_done("test_report");
}
