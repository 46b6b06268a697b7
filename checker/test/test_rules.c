/*
 * test_rules.c - unit tests of rules.c: loading TOML and JSON
 * configurations, packs, matching names, and schema errors.
 */
#include "common.h"
#include "rules.h"
#include "util.h"
#include "test.h"

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
	HAS(err, "(allowed: 'path', 'reason', 'allow-unused')");
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

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_matching();
	test_packs_and_defaults();
	test_json();
	test_errors();
	test_filters();
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		test_failures++;
	return test_done("test_rules");
}
