/*
 * test_rules.c - unit tests of rules.c: loading TOML and JSON
 * configurations, packs, matching names, and schema errors.
 */
#include "common.h"
#include "rules.h"
#include "util.h"
#include "test.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/test_rules_XXXXXX";

static const char *write_tmp(const char *name, const char *text)
{
	static char path[512];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

/* Load 'text' as file 'name'; returns rules_load_file()'s result and
 * what it printed on stderr (in 'err', caller frees). */
static int load(struct rules *r, const char *name, const char *text, char **err)
{
	const char *path = write_tmp(name, text);
	char errpath[512];
	snprintf(errpath, sizeof(errpath), "%s/stderr", dir);
	fflush(stderr);
	int saved = dup(2);
	FILE *ef = freopen(errpath, "w", stderr);
	(void)ef;
	rules_init(r);
	int rc = rules_load_file(r, path);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	*err = read_file(errpath, NULL);
	return rc;
}

static bool has(const char *hay, const char *needle, int line)
{
	if (hay && strstr(hay, needle))
		return true;
	printf("test_rules.c:%d: expected '%s' in:\n%s\n", line, needle,
	       hay ? hay : "(null)");
	test_failures++;
	return false;
}
#define HAS(hay, needle) has(hay, needle, __LINE__)

static void test_matching(void)
{
	struct rules r;
	char *err;
	ASSERT(0, load(&r, "a.toml",
		       "extends = []\n"
		       "await-holding-invalid-types = [\"::ns::Guard\", { path = \"std::unique_lock<std::mutex>\", reason = \"r\" }]\n"
		       "suspend-functions = [\"sched::yield\"]\n",
		       &err));
	ASSERT(1, rules_match(&r, RL_INVALID_TYPES, "ns::Guard", NULL) != NULL);
	ASSERT(0, rules_match(&r, RL_INVALID_TYPES, "ns::Guard2", NULL) != NULL);
	/* template arguments: only that specialization, blanks ignored */
	ASSERT(1, rules_match(&r, RL_INVALID_TYPES, "std::unique_lock",
			      "std::unique_lock<std::mutex>") != NULL);
	ASSERT(0, rules_match(&r, RL_INVALID_TYPES, "std::unique_lock",
			      "std::unique_lock<std::recursive_mutex>") != NULL);
	ASSERT(1, rules_match(&r, RL_SUSPEND_FUNCTIONS, "sched::yield", NULL) != NULL);
	const struct rule *e = rules_match(&r, RL_INVALID_TYPES, "x",
					   "std::unique_lock<std::mutex >");
	ASSERT(1, e && e->reason && !strcmp(e->reason, "r"));
	ASSERT(0, rules_has(&r, RL_ALLOWED_TYPES));
	free(err);
	rules_release(&r);
}

static void test_packs_and_defaults(void)
{
	struct rules r;
	char *err;
	/* no extends: std comes in */
	ASSERT(0, load(&r, "b.toml", "await-holding-invalid-types = [\"x::Y\"]\n", &err));
	ASSERT(1, rules_match(&r, RL_INVALID_TYPES, "std::lock_guard", NULL) != NULL);
	free(err);
	rules_release(&r);
	/* extends = []: nothing else */
	ASSERT(0, load(&r, "c.toml", "extends = []\n", &err));
	ASSERT(0, rules_match(&r, RL_INVALID_TYPES, "std::lock_guard", NULL) != NULL);
	free(err);
	rules_release(&r);
	/* the same path twice: one entry, the later reason */
	ASSERT(0, load(&r, "d.toml",
		       "await-holding-invalid-types = [{ path = \"std::lock_guard\", reason = \"mine\" }]\n",
		       &err));
	const struct rule *e = rules_match(&r, RL_INVALID_TYPES, "std::lock_guard", NULL);
	ASSERT(1, e && !strcmp(e->reason, "mine"));
	size_t n = 0;
	for (size_t i = 0; i < r.n[RL_INVALID_TYPES]; i++)
		n += !strcmp(r.lists[RL_INVALID_TYPES][i].path, "std::lock_guard");
	ASSERT(1, n);
	free(err);
	rules_release(&r);
	/* the built-in default */
	rules_init(&r);
	ASSERT(0, rules_load_default(&r));
	ASSERT(4, r.n[RL_INVALID_TYPES]);
	rules_release(&r);
}

static void test_json(void)
{
	struct rules r;
	char *err;
	ASSERT(0, load(&r, "e.json",
		       "{\"await-holding-invalid-types\": [\"a::B\", {\"path\": \"c::D\", \"reason\": \"why\"}],\n"
		       " \"lock-functions\": [{\"acquire\": \"lk\", \"release\": \"ul\"}], \"extends\": []}\n",
		       &err));
	ASSERT(1, rules_match(&r, RL_INVALID_TYPES, "c::D", NULL) != NULL);
	bool acq = false;
	ASSERT(1, rules_match_lock(&r, "lk", &acq) != NULL);
	ASSERT(1, acq);
	ASSERT(1, rules_match_lock(&r, "ul", &acq) != NULL);
	ASSERT(0, acq);
	free(err);
	rules_release(&r);
	ASSERT(-1, load(&r, "f.json", "{\"suspend-functions\": [1]}", &err));
	HAS(err, "f.json:1:24: error: expected a path string or a table");
	free(err);
	rules_release(&r);
	ASSERT(-1, load(&r, "g.json", "[1]", &err));
	HAS(err, "g.json:1:1: error: expected an object at the top level");
	free(err);
	rules_release(&r);
}

static void test_errors(void)
{
	struct rules r;
	char *err;
	ASSERT(-1, load(&r, "h.toml", "await-holding-invalid-typs = []\n", &err));
	HAS(err, "h.toml:1:1: error: unknown key 'await-holding-invalid-typs'; did you mean 'await-holding-invalid-types'?");
	free(err);
	rules_release(&r);
	ASSERT(-1, load(&r, "i.toml", "suspend-functions = [{ path = \"a\", replacement = \"b\" }]\n", &err));
	HAS(err, "i.toml:1:36: error: unknown key 'replacement'");
	HAS(err, "(allowed: 'path', 'reason', 'allow-unused', 'unless-arg')");
	free(err);
	rules_release(&r);
	ASSERT(-1, load(&r, "j.toml", "allowed-types = [{ path = 3 }]\n", &err));
	HAS(err, "j.toml:1:27: error: expected a string for 'path', found an integer");
	free(err);
	rules_release(&r);
	ASSERT(-1, load(&r, "k.toml", "header-filter = \"(\"\n", &err));
	HAS(err, "k.toml:1:17: error: invalid regular expression in 'header-filter'");
	free(err);
	rules_release(&r);
	ASSERT(-1, load(&r, "l.toml", "extends = [\"nope\"]\n", &err));
	HAS(err, "l.toml:1:12: error: unknown rule pack 'nope' (available:");
	free(err);
	rules_release(&r);
	ASSERT(-1, load(&r, "m.toml", "lock-functions = [{ acquire = \"a\" }]\n", &err));
	HAS(err, "m.toml:1:19: error: missing 'release'");
	free(err);
	rules_release(&r);
	ASSERT(-1, load(&r, "n.toml", "a = 1\na = 2\n", &err));
	HAS(err, "n.toml:2:1: error:");
	free(err);
	rules_release(&r);
	ASSERT(-1, load(&r, "o.toml", "suspend-functions = [\"\"]\n", &err));
	HAS(err, "o.toml:1:22: error: empty path");
	free(err);
	rules_release(&r);
}

static void test_filters(void)
{
	struct rules r;
	char *err;
	ASSERT(0, load(&r, "p.toml",
		       "header-filter = \"include/.*\\\\.h$\"\nexclude = [\"*.pb.cc\", \"gen/*\"]\n",
		       &err));
	ASSERT(1, rules_want_header(&r, "/src/include/a.h"));
	ASSERT(0, rules_want_header(&r, "/src/include/a.hpp"));
	ASSERT(1, rules_excluded(&r, "/anywhere/x.pb.cc"));
	char *abs = realpath(dir, NULL);
	char path[600];
	snprintf(path, sizeof(path), "%s/gen/y.cpp", abs);
	ASSERT(1, rules_excluded(&r, path));
	snprintf(path, sizeof(path), "%s/src/y.cpp", abs);
	ASSERT(0, rules_excluded(&r, path));
	free(abs);
	free(err);
	rules_release(&r);
}

/* ---- reliability (issue 11): strict JSON, many entries, threads ---- */

static void test_strict_json(void)
{
	struct rules r;
	char *err;
	/* duplicate keys: rejected at the second, as TOML does */
	ASSERT(-1, load(&r, "q.json", "{\"extends\": [],\n \"extends\": [\"std\"]}\n", &err));
	HAS(err, "q.json:2:2: error: duplicate key 'extends' (first defined at line 1)");
	free(err);
	rules_release(&r);
	/* ... also inside an entry */
	ASSERT(-1, load(&r, "r.json", "{\"suspend-functions\": [{\"path\": \"a\", \"path\": \"b\"}]}", &err));
	HAS(err, "r.json:1:38: error: duplicate key 'path' (first defined at line 1)");
	free(err);
	rules_release(&r);
	/* the same key in two objects is fine */
	ASSERT(0, load(&r, "s.json", "{\"extends\": [], \"suspend-functions\": [{\"path\": \"a\"}, {\"path\": \"b\"}]}", &err));
	ASSERT(2, r.n[RL_SUSPEND_FUNCTIONS]);
	free(err);
	rules_release(&r);
	/* \u0000 would cut the string short: rejected */
	ASSERT(-1, load(&r, "t.json", "{\"suspend-functions\": [\"a\\u0000b\"]}", &err));
	HAS(err, "t.json:1:26: error: '\\u0000' (a NUL character) is not allowed in a string");
	free(err);
	rules_release(&r);
	/* invalid UTF-8, as TOML rejects it */
	ASSERT(-1, load(&r, "u.json", "{\"suspend-functions\": [\"a\xff\"]}", &err));
	HAS(err, "u.json:1:26: error: invalid JSON: invalid UTF-8 byte 0xff in string");
	free(err);
	rules_release(&r);
	ASSERT(-1, load(&r, "v.json", "{\"suspend-functions\": [\"\xc0\xaf\"]}", &err));
	HAS(err, "invalid UTF-8 byte 0xc0");   /* an overlong '/' */
	free(err);
	rules_release(&r);
	ASSERT(0, load(&r, "w.json", "{\"extends\": [], \"suspend-functions\": [\"caf\xc3\xa9\"]}", &err));
	ASSERT(1, r.n[RL_SUSPEND_FUNCTIONS]);
	free(err);
	rules_release(&r);
}

static void test_many_entries(void)
{
	enum { N = 100000 };
	struct rules r;
	char name[32];
	rules_init(&r);
	for (int i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "ns::f%d", i);
		rules_add(&r, RL_SUSPEND_FUNCTIONS, name, NULL);
	}
	ASSERT(N, r.n[RL_SUSPEND_FUNCTIONS]);
	/* again, spelled differently: the same entries, later reasons win */
	for (int i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "::ns::f%d", i);
		rules_add(&r, RL_SUSPEND_FUNCTIONS, name, i == 7 ? "seven" : NULL);
	}
	ASSERT(N, r.n[RL_SUSPEND_FUNCTIONS]);
	const struct rule *e = rules_match(&r, RL_SUSPEND_FUNCTIONS, "ns::f7", NULL);
	ASSERT(1, e && e->reason && !strcmp(e->reason, "seven"));
	/* another list is another namespace of paths */
	rules_add(&r, RL_ALLOWED_CALLEES, "ns::f7", NULL);
	ASSERT(1, r.n[RL_ALLOWED_CALLEES]);
	rules_release(&r);
}

struct match_job {
	struct rules *r;
	int rounds;
};

static void *match_many(void *arg)
{
	struct match_job *j = arg;
	bool acq;
	for (int i = 0; i < j->rounds; i++) {
		rules_match(j->r, RL_SUSPEND_FUNCTIONS, "a::b", NULL);
		rules_match_lock(j->r, "lk", &acq);
		rules_note_misuse(j->r, RL_SUSPEND_FUNCTIONS, "a::b", "a type");
	}
	return NULL;
}

/* Counting uses needs no lock from the callers: no count is lost. */
static void test_threads(void)
{
	enum { THREADS = 4, ROUNDS = 20000 };
	struct rules r;
	pthread_t t[THREADS];
	struct match_job job;
	char *err;
	ASSERT(0, load(&r, "x.toml",
		       "extends = []\nsuspend-functions = [\"a::b\"]\n"
		       "lock-functions = [{ acquire = \"lk\", release = \"ul\" }]\n",
		       &err));
	job.r = &r;
	job.rounds = ROUNDS;
	for (int i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, match_many, &job);
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	ASSERT(THREADS * ROUNDS, r.lists[RL_SUSPEND_FUNCTIONS][0].uses);
	ASSERT(THREADS * ROUNDS, r.locks[0].uses);
	ASSERT(1, r.lists[RL_SUSPEND_FUNCTIONS][0].misuse != NULL);
	ASSERT(1, rules_has_locks(&r));
	ASSERT(0, rules_has_header_filter(&r));
	free(err);
	rules_release(&r);
}

static void test_backreferences(void)
{
	struct rules r;
	char *err;
	ASSERT(-1, load(&r, "y.toml", "header-filter = \"((a*)*b?)*\\\\2\\\\1x\"\n", &err));
	HAS(err, "y.toml:1:17: error: invalid regular expression in 'header-filter': back-references such as '\\1' are not supported");
	free(err);
	rules_release(&r);
	/* in a bracket expression a backslash is a character */
	ASSERT(0, load(&r, "z.toml", "header-filter = \"x[\\\\1]y\"\n", &err));
	ASSERT(1, rules_want_header(&r, "x1y"));
	ASSERT(1, rules_has_header_filter(&r));
	free(err);
	rules_release(&r);
	rules_init(&r);
	ASSERT(-1, rules_set_header_filter(&r, "(a)\\1"));
	ASSERT(0, rules_set_header_filter(&r, "[[:alpha:]\\1]"));
	rules_release(&r);
}

/* unless-arg: which argument texts exempt a call */
static void test_unless(void)
{
	const char *names[] = { "GFP_ATOMIC", "GFP_NOWAIT" };
	struct rule_unless u = { 1, names, 2 };
	ASSERT(1, rules_unless_exempts(&u, "GFP_NOWAIT"));
	ASSERT(1, rules_unless_exempts(&u, "GFP_NOWAIT|__GFP_NOWARN"));
	ASSERT(1, rules_unless_exempts(&u, "__GFP_ZERO | GFP_ATOMIC"));
	ASSERT(1, rules_unless_exempts(&u, "(GFP_NOWAIT | __GFP_NOWARN)"));
	ASSERT(1, rules_unless_exempts(&u, "__GFP_ZERO | (GFP_ATOMIC)"));
	ASSERT(1, rules_unless_exempts(&u, " GFP_ATOMIC\n"));
	ASSERT(0, rules_unless_exempts(&u, "GFP_KERNEL"));
	ASSERT(0, rules_unless_exempts(&u, "GFP_NOWAITX"));
	ASSERT(0, rules_unless_exempts(&u, "MY_GFP_NOWAIT"));
	ASSERT(0, rules_unless_exempts(&u, "GFP_KERNEL & ~GFP_NOWAIT"));
	ASSERT(0, rules_unless_exempts(&u, "x || GFP_NOWAIT"));
	ASSERT(0, rules_unless_exempts(&u, "GFP_NOWAIT || x"));
	ASSERT(0, rules_unless_exempts(&u, "f(GFP_NOWAIT)"));
	ASSERT(0, rules_unless_exempts(&u, "(gfp_t)GFP_NOWAIT"));
	ASSERT(0, rules_unless_exempts(&u, "gfp"));
	ASSERT(0, rules_unless_exempts(&u, NULL));
	ASSERT(0, rules_unless_exempts(NULL, "GFP_NOWAIT"));

	struct rules r;
	char *err;
	ASSERT(0, load(&r, "u.toml",
		       "extends = []\nsuspend-macros = [{ path = \"kvmalloc\", unless-arg = { index = 1, any-of = [\"GFP_NOWAIT\"] } }]\n",
		       &err));
	size_t n;
	const struct rule *e = rules_list(&r, RL_SUSPEND_MACROS, &n);
	if (ASSERT(1, n) && ASSERT_TRUE(e[0].unless != NULL)) {
		ASSERT(1, e[0].unless->index);
		ASSERT(1, e[0].unless->nnames);
		ASSERT_STR("GFP_NOWAIT", e[0].unless->names[0]);
	}
	ASSERT(1, rules_has_unless(&r));
	free(err);
	rules_release(&r);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_matching();
	test_unless();
	test_packs_and_defaults();
	test_json();
	test_errors();
	test_filters();
	test_strict_json();
	test_many_entries();
	test_threads();
	test_backreferences();
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		test_failures++;
	return test_done("test_rules");
}
