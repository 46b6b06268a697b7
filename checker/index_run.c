/*
 * index_run.c - the project index in a run (index_run.h): keys, lookups,
 * recording after a walk, merging shard indexes, choosing a shard.
 */
#include "common.h"
#include "index_run.h"
#include "diag.h"
#include "hash.h"
#include "index.h"
#include "querylog.h"
#include "rules.h"
#include "tu.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

int64_t index_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/*
 * Our version plus a hash of this binary, so that an index written by
 * another build of the same version is not trusted (the walk may have
 * changed).  Machines running the same binary agree.
 */
static char *tool_id(void)
{
	uint64_t h = 0;
	char hex[17] = "unknown";
	if (hash_file("/proc/self/exe", &h, NULL) == 0)
		hash_hex(h, hex);
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_addf(&sb, "await-holding %s (build %s)", AWAIT_HOLDING_VERSION,
		    hex);
	return strbuf_detach(&sb);
}

int index_run_open(struct index_run *ir, const char *dir)
{
	memset(ir, 0, sizeof(*ir));
	pthread_mutex_init(&ir->lock, NULL);
	ir->on = true;
	ir->tool = tool_id();
	ir->libclang = tu_libclang_version();
	if (index_open(&ir->ix, dir, false) < 0)
		return -1;
	ir->stored = true;
	return 0;
}

void index_run_release(struct index_run *ir)
{
	if (!ir->on)
		return;
	if (ir->stored)
		index_close(&ir->ix);
	free(ir->tool);
	free(ir->libclang);
	free(ir->cfg_rules);
	free(ir->cfg_hash);
	pthread_mutex_destroy(&ir->lock);
	memset(ir, 0, sizeof(*ir));
}

/* The hash of the effective configuration, as --dump-config prints it,
 * but for its header-filter. */
static uint64_t config_hash(struct index_run *ir, const struct rules *rules)
{
	uint64_t h = 0;
	pthread_mutex_lock(&ir->lock);
	for (size_t i = 0; i < ir->ncfg; i++)
		if (ir->cfg_rules[i] == rules) {
			h = ir->cfg_hash[i];
			goto out;
		}
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		die("out of memory");
	rules_dump(rules, "", f);
	fclose(f);
	/* header-filter decides only what is reported (the index walks
	 * every project header), so it is no part of the key */
	char *hf = strstr(text, "\nheader-filter = ");
	if (hf) {
		char *end = strchr(hf + 1, '\n');
		size_t rest = end ? strlen(end) : 0;
		memmove(hf, end ? end : hf + strlen(hf), rest + 1);
		len = strlen(text);
	}
	h = index_config_hash(text, len);
	free(text);
	size_t cap = ir->cap_cfg;
	ARRAY_GROW(ir->cfg_rules, ir->ncfg + 1, ir->cap_cfg);
	ARRAY_GROW(ir->cfg_hash, ir->ncfg + 1, cap);
	ir->cfg_rules[ir->ncfg] = rules;
	ir->cfg_hash[ir->ncfg++] = h;
out:
	pthread_mutex_unlock(&ir->lock);
	return h;
}

void index_run_key(struct index_run *ir, const struct rules *rules,
		   const char *path, const char *const *args, size_t nargs,
		   struct index_key *key)
{
	memset(key, 0, sizeof(*key));
	key->file = path;
	key->args = args;
	key->nargs = nargs;
	key->config = config_hash(ir, rules);
	key->tool = ir->tool;
	key->libclang = ir->libclang;
}

/*
 * Was an input of 'e' modified in the last two seconds?  A file may
 * change again within its time stamp's resolution, so such a time is
 * not recorded (git's "racy" index entries).
 */
static bool recently_changed(const struct index_entry *e)
{
	int64_t now = index_now_ns();
	for (size_t i = 0; i < e->ndeps; i++)
		if (e->deps[i].mtime_ns > now - 2000000000)
			return true;
	return false;
}

int index_run_lookup(struct index_run *ir, const struct index_key *key,
		     struct index_entry *e)
{
	bool touched = false;
	int ret = ir->stored ? index_load(&ir->ix, key->file, e) : 0;
	if (ret > 0 && !index_fresh(&ir->ix, e, key, &touched))
		ret = 0;
	if (ret > 0 && touched && !recently_changed(e))
		index_store(&ir->ix, e); /* new times, same contents */
	if (ret <= 0) {
		index_entry_release(e);
		index_entry_init(e);
	}
	pthread_mutex_lock(&ir->lock);
	if (ret > 0)
		ir->nfresh++;
	else
		ir->nstale++;
	pthread_mutex_unlock(&ir->lock);
	return ret > 0;
}

/* What tu_inclusions() gives, collected. */
struct deps {
	struct index_run *ir;
	struct index_entry *e;
	size_t cap;
	int64_t since;   /* parse start */
	bool untrusted;  /* some file changed during the parse, or vanished */
};

static void add_dep(const char *path, void *arg)
{
	struct deps *d = arg;
	struct index_dep dep;
	struct stat st;
	for (size_t i = 0; i < d->e->ndeps; i++)
		if (!strcmp(d->e->deps[i].path, path))
			return;
	if (index_stat(&d->ir->ix, path, &dep) < 0 || stat(path, &st) < 0 ||
	    (uint64_t)st.st_size != dep.size ||
	    (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec != dep.mtime_ns ||
	    dep.mtime_ns >= d->since) {
		d->untrusted = true;
		return;
	}
	ARENA_GROW(&d->e->arena, d->e->deps, d->e->ndeps + 1, d->cap);
	d->e->deps[d->e->ndeps++] = dep;
}

void index_run_record(struct index_run *ir, const struct index_key *key,
		      const char *display, struct tu *tu,
		      const struct fn_view *fns,
		      const struct diag_list *problems, size_t nparse,
		      bool failed,
		      const struct querylog *log, int64_t parse_start_ns)
{
	struct index_entry e;
	if (!ir->stored)
		return;
	index_entry_init(&e);
	e.key = *key;
	e.display = display;
	e.failed = failed;
	e.problems = problems->problems;
	e.nproblems = problems->nproblems;
	e.nparse_problems = nparse;
	e.queries = log->q;
	e.nqueries = log->n;
	e.fns = (struct fn_view *)fns;
	struct deps d = { ir, &e, 0, parse_start_ns, false };
	add_dep(key->file, &d); /* the main file first */
	tu_inclusions(tu, add_dep, &d);
	/* without an AST there are no inclusions to trust */
	if (!d.untrusted && tu)
		index_store(&ir->ix, &e);
	index_entry_release(&e);
}

/* ---- merging ---------------------------------------------------------- */

int index_run_merge(struct index_run *ir, const char *const *dirs,
		    size_t ndirs, size_t *copied)
{
	*copied = 0;
	for (size_t i = 0; i < ndirs; i++) {
		DIR *dir = opendir(dirs[i]);
		if (!dir)
			return error("cannot read the index directory '%s': %s",
				     dirs[i], strerror(errno));
		struct dirent *de;
		int ret = 0;
		while (ret == 0 && (de = readdir(dir))) {
			if (!ends_with(de->d_name, ".ahi"))
				continue;
			struct index_entry e;
			const char *why = NULL;
			char *path = xstrdup(dirs[i]);
			size_t n = strlen(path) + strlen(de->d_name) + 2;
			path = xrealloc(path, n);
			strcat(strcat(path, "/"), de->d_name);
			index_entry_init(&e);
			if (index_read_file(path, &e, &why) <= 0) {
				ret = error("index entry '%s' cannot be merged: %s",
					    path, why ? why : "vanished");
			} else if (index_store(&ir->ix, &e) < 0) {
				ret = -1;
			} else {
				++*copied;
			}
			index_entry_release(&e);
			free(path);
		}
		closedir(dir);
		if (ret < 0)
			return -1;
	}
	return 0;
}
