/*
 * index.c - entries of the project index on disk (index.h): the header
 * and checksum around a viewio payload, atomic writes, and the freshness
 * test over the recorded input files.
 *
 * The payload, in order:
 *
 *   key:      file, display, nargs, args..., config hash, tool, libclang
 *   deps:     ndeps, then (path, size, mtime_ns, hash) each
 *   failed
 *   problems: nparse_problems, nproblems, then (kind, file, line, col,
 *             message) each
 *   queries:  nqueries, then (kind, list, a, b) each
 *   views:    viewio_put_fns()
 */
#include "common.h"
#include "index.h"
#include "hash.h"
#include "querylog.h"
#include "util.h"
#include "view.h"
#include "viewio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define INDEX_MAGIC "AHIDX1\n"   /* 8 bytes with its NUL */
#define INDEX_FORMAT (100u + VIEWIO_VERSION)
#define HEADER_SIZE 32

void index_entry_init(struct index_entry *e)
{
	memset(e, 0, sizeof(*e));
	arena_init(&e->arena);
}

void index_entry_release(struct index_entry *e)
{
	arena_release(&e->arena);
	memset(e, 0, sizeof(*e));
}

/* ---- the payload ---------------------------------------------------------- */

static void put_u64(struct strbuf *sb, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		strbuf_addc(sb, (char)(v >> (8 * i)));
}

static uint64_t get_u64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

int index_format(const struct index_entry *e, struct strbuf *out)
{
	struct vio_out o;
	struct strbuf payload;
	int ret = -1;

	vio_out_init(&o);
	strbuf_init(&payload);
	vio_put_str(&o, e->key.file);
	vio_put_str(&o, e->display);
	vio_put_uint(&o, e->key.nargs);
	for (size_t i = 0; i < e->key.nargs; i++)
		vio_put_str(&o, e->key.args[i]);
	vio_put_uint(&o, e->key.config);
	vio_put_str(&o, e->key.tool);
	vio_put_str(&o, e->key.libclang);
	vio_put_uint(&o, e->ndeps);
	for (size_t i = 0; i < e->ndeps; i++) {
		vio_put_str(&o, e->deps[i].path);
		vio_put_uint(&o, e->deps[i].size);
		vio_put_int(&o, e->deps[i].mtime_ns);
		vio_put_uint(&o, e->deps[i].hash);
	}
	vio_put_uint(&o, e->failed);
	vio_put_uint(&o, e->nparse_problems);
	vio_put_uint(&o, e->nproblems);
	for (size_t i = 0; i < e->nproblems; i++) {
		const struct problem *p = &e->problems[i];
		vio_put_uint(&o, p->kind);
		vio_put_str(&o, p->loc.file);
		vio_put_uint(&o, p->loc.line);
		vio_put_uint(&o, p->loc.col);
		vio_put_str(&o, p->message);
	}
	vio_put_uint(&o, e->nqueries);
	for (size_t i = 0; i < e->nqueries; i++) {
		const struct query *q = &e->queries[i];
		vio_put_uint(&o, q->kind);
		vio_put_uint(&o, (uint64_t)q->list);
		vio_put_str(&o, q->a);
		vio_put_str(&o, q->b);
	}
	viewio_put_fns(&o, e->fns);
	if (vio_finish(&o, &payload) < 0)
		goto out;
	strbuf_add(out, INDEX_MAGIC, 8);
	put_u64(out, INDEX_FORMAT);
	put_u64(out, payload.len);
	put_u64(out, hash_bytes(HASH_INIT, payload.buf, payload.len));
	strbuf_add(out, payload.buf, payload.len);
	ret = 0;
out:
	strbuf_release(&payload);
	vio_out_release(&o);
	return ret;
}

/* A count of things that take at least one byte each. */
static size_t count(struct vio_in *in)
{
	return (size_t)vio_get_uint(in, (uint64_t)(in->end - in->p));
}

static int parse_payload(struct vio_in *in, struct index_entry *e)
{
	struct arena *a = &e->arena;
	e->key.file = vio_get_str_nn(in);
	e->display = vio_get_str_nn(in);
	e->key.nargs = count(in);
	const char **args = arena_alloc(a, (e->key.nargs + 1) * sizeof(*args));
	for (size_t i = 0; i < e->key.nargs; i++)
		args[i] = vio_get_str_nn(in);
	e->key.args = args;
	e->key.config = vio_get_uint(in, UINT64_MAX);
	e->key.tool = vio_get_str_nn(in);
	e->key.libclang = vio_get_str_nn(in);
	e->ndeps = count(in);
	e->deps = arena_alloc(a, (e->ndeps + 1) * sizeof(*e->deps));
	for (size_t i = 0; i < e->ndeps; i++) {
		struct index_dep *d = &e->deps[i];
		d->path = vio_get_str_nn(in);
		d->size = vio_get_uint(in, UINT64_MAX);
		d->mtime_ns = vio_get_int(in, INT64_MIN, INT64_MAX);
		d->hash = vio_get_uint(in, UINT64_MAX);
	}
	e->failed = vio_get_uint(in, 1);
	e->nparse_problems = count(in);
	e->nproblems = count(in);
	if (e->nparse_problems > e->nproblems)
		in->bad = "more parse problems than problems";
	struct problem *pr = arena_alloc(a, (e->nproblems + 1) * sizeof(*pr));
	for (size_t i = 0; i < e->nproblems; i++) {
		pr[i].kind = (enum problem_kind)vio_get_uint(in, PROBLEM_NOTE);
		pr[i].loc.file = vio_get_str(in);
		pr[i].loc.line = (unsigned)vio_get_uint(in, UINT32_MAX);
		pr[i].loc.col = (unsigned)vio_get_uint(in, UINT32_MAX);
		pr[i].message = vio_get_str_nn(in);
	}
	e->problems = pr;
	e->nqueries = count(in);
	struct query *q = arena_alloc(a, (e->nqueries + 1) * sizeof(*q));
	for (size_t i = 0; i < e->nqueries; i++) {
		q[i].kind = (enum query_kind)vio_get_uint(in, QUERY_KIND_COUNT - 1);
		q[i].list = (int)vio_get_uint(in, 64);
		q[i].a = vio_get_str(in);
		q[i].b = vio_get_str(in);
		if (!q[i].a && !q[i].b)
			in->bad = "empty query";
	}
	e->queries = q;
	e->fns = viewio_get_fns(in);
	if (!in->bad && in->p != in->end)
		in->bad = "bytes after the views";
	return in->bad ? -1 : 0;
}

int index_parse(const void *buf, size_t len, struct index_entry *e,
		const char **why)
{
	const unsigned char *p = buf;
	struct vio_in in;

	*why = NULL;
	if (len < HEADER_SIZE || memcmp(p, INDEX_MAGIC, 8)) {
		*why = "not an index entry";
		return -1;
	}
	if (get_u64(p + 8) != INDEX_FORMAT) {
		*why = "written by another version of await-holding";
		return -1;
	}
	uint64_t plen = get_u64(p + 16);
	if (plen != len - HEADER_SIZE) {
		*why = "truncated";
		return -1;
	}
	if (get_u64(p + 24) != hash_bytes(HASH_INIT, p + HEADER_SIZE, plen)) {
		*why = "checksum mismatch";
		return -1;
	}
	if (vio_in_start(&in, p + HEADER_SIZE, plen, &e->arena) < 0 ||
	    parse_payload(&in, e) < 0) {
		*why = in.bad;
		return -1;
	}
	return 0;
}

/* ---- renaming the main file --------------------------------------------- */

static void rename_loc(struct src_loc *l, const char *from, const char *to)
{
	if (l->file && l->file != to && !strcmp(l->file, from))
		l->file = to;
}

static void rename_node(struct vnode *n, const char *from, const char *to)
{
	if (!n)
		return;
	rename_loc(&n->loc, from, to);
	rename_node(n->a, from, to);
	rename_node(n->b, from, to);
	rename_node(n->c, from, to);
	for (size_t i = 0; i < n->nkids; i++)
		rename_node(n->kids[i], from, to);
}

void index_entry_rename(struct index_entry *e, const char *display)
{
	if (!strcmp(e->display, display))
		return;
	const char *from = e->display, *to = arena_strdup(&e->arena, display);
	for (struct fn_view *fn = e->fns; fn; fn = fn->next) {
		rename_loc(&fn->loc, from, to);
		for (size_t i = 0; i < fn->nvars; i++)
			rename_loc(&fn->vars[i].loc, from, to);
		rename_node(fn->body, from, to);
	}
	for (size_t i = 0; i < e->nproblems; i++)
		rename_loc(&e->problems[i].loc, from, to);
	e->display = to;
}

/* ---- files ---------------------------------------------------------------- */

uint64_t index_config_hash(const char *text, size_t len)
{
	return hash_bytes(HASH_INIT, text, len);
}

/* mkdir -p */
static int make_dirs(const char *dir)
{
	char *path = xstrdup(dir);
	int ret = 0;
	for (char *s = path + 1;; s++) {
		if (*s != '/' && *s)
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST) {
			ret = -1;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(path);
	return ret;
}

int index_open(struct index *ix, const char *dir, bool read_only)
{
	struct stat st;

	memset(ix, 0, sizeof(*ix));
	arena_init(&ix->arena);
	pthread_mutex_init(&ix->lock, NULL);
	ix->dir = xstrdup(dir);
	ix->read_only = read_only;
	if (!read_only && make_dirs(dir) < 0) {
		warning("cannot create the index directory '%s': %s; going on without an index (every file is parsed)",
			dir, strerror(errno));
		goto fail;
	}
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		warning("cannot use the index directory '%s': %s; going on without an index (every file is parsed)",
			dir, errno ? strerror(errno) : "not a directory");
		goto fail;
	}
	return 0;
fail:
	index_close(ix);
	return -1;
}

void index_close(struct index *ix)
{
	if (!ix->dir)
		return;
	free(ix->dir);
	strmap_release(&ix->files);
	arena_release(&ix->arena);
	pthread_mutex_destroy(&ix->lock);
	memset(ix, 0, sizeof(*ix));
}

const char *index_entry_path(const struct index *ix, struct arena *a,
			     const char *file)
{
	char hex[17];
	hash_hex(hash_str(HASH_INIT, file), hex);
	return arena_printf(a, "%s/%s.ahi", ix->dir, hex);
}

int index_read_file(const char *path, struct index_entry *e, const char **why)
{
	size_t len;
	char *buf = read_file(path, &len);
	if (!buf) {
		if (errno == ENOENT)
			return 0;
		*why = strerror(errno);
		return -1;
	}
	int ret = index_parse(buf, len, e, why) < 0 ? -1 : 1;
	free(buf);
	return ret;
}

int index_load(struct index *ix, const char *file, struct index_entry *e)
{
	struct arena tmp;
	const char *why = NULL;

	arena_init(&tmp);
	const char *path = index_entry_path(ix, &tmp, file);
	int ret = index_read_file(path, e, &why);
	if (ret > 0 && strcmp(e->key.file, file)) {
		ret = 0; /* another file with the same hash: rebuilt, no fuss */
	} else if (ret < 0) {
		bool format = !strcmp(why, "written by another version of await-holding");
		pthread_mutex_lock(&ix->lock);
		bool say = !format || !ix->warned_format;
		if (format)
			ix->warned_format = true;
		pthread_mutex_unlock(&ix->lock);
		if (say && format)
			warning("the index in '%s' was written by another version of await-holding; rebuilding it",
				ix->dir);
		else if (say)
			warning("index entry '%s' for '%s' cannot be trusted (%s); re-indexing the file",
				path, file, why);
	}
	if (ret <= 0) {
		arena_release(&e->arena);
		index_entry_init(e);
	}
	arena_release(&tmp);
	return ret;
}

static int64_t mtime_ns(const struct stat *st)
{
	return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/*
 * This run's look at 'path': size and time always; the content hash
 * only when 'want_hash' (it is computed once and cached).
 */
static int look(struct index *ix, const char *path, bool want_hash,
		struct index_dep *out)
{
	pthread_mutex_lock(&ix->lock);
	struct strmap_slot *slot = strmap_find(&ix->files, path, false);
	struct index_dep *d = slot ? slot->val : NULL;
	if (!d) {
		d = arena_alloc(&ix->arena, sizeof(*d));
		d->path = arena_strdup(&ix->arena, path);
		struct stat st;
		if (stat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
			d->size = UINT64_MAX; /* unreadable: never fresh */
		} else {
			d->size = (uint64_t)st.st_size;
			d->mtime_ns = mtime_ns(&st);
		}
		strmap_find(&ix->files, d->path, true)->val = d;
	}
	pthread_mutex_unlock(&ix->lock);
	if (d->size == UINT64_MAX)
		return -1;
	if (want_hash && !d->hash) {
		/* hashed outside the lock: two threads may both do it, and
		 * agree */
		uint64_t h, size;
		if (hash_file(path, &h, &size) < 0 || size != d->size)
			return -1;
		pthread_mutex_lock(&ix->lock);
		d->hash = h ? h : 1;
		pthread_mutex_unlock(&ix->lock);
	}
	pthread_mutex_lock(&ix->lock);
	*out = *d;
	pthread_mutex_unlock(&ix->lock);
	return 0;
}

int index_stat(struct index *ix, const char *path, struct index_dep *dep)
{
	return look(ix, path, true, dep);
}

bool index_fresh(struct index *ix, struct index_entry *e,
		 const struct index_key *key, bool *touched)
{
	if (strcmp(e->key.file, key->file) || e->key.nargs != key->nargs ||
	    e->key.config != key->config || strcmp(e->key.tool, key->tool) ||
	    strcmp(e->key.libclang, key->libclang))
		return false;
	for (size_t i = 0; i < key->nargs; i++)
		if (strcmp(e->key.args[i], key->args[i]))
			return false;
	if (!e->ndeps)
		return false;
	for (size_t i = 0; i < e->ndeps; i++) {
		struct index_dep *d = &e->deps[i];
		struct index_dep now;
		if (look(ix, d->path, false, &now) < 0 || now.size != d->size)
			return false;
		if (now.mtime_ns == d->mtime_ns)
			continue;
		if (look(ix, d->path, true, &now) < 0 || now.hash != d->hash)
			return false;
		d->mtime_ns = now.mtime_ns;
		if (touched)
			*touched = true;
	}
	return true;
}

int index_store(struct index *ix, const struct index_entry *e)
{
	struct strbuf sb;
	struct arena tmp;
	int ret = -1, fd = -1, err = 0;
	char *temp = NULL;

	if (ix->read_only)
		return 0;
	strbuf_init(&sb);
	arena_init(&tmp);
	if (index_format(e, &sb) < 0) {
		ret = 0; /* too deep to store: parsed again next time */
		goto out;
	}
	const char *path = index_entry_path(ix, &tmp, e->key.file);
	temp = arena_printf(&tmp, "%s.tmp.XXXXXX", path);
	fd = mkstemp(temp);
	if (fd < 0) {
		temp = NULL;
		goto fail;
	}
	for (size_t done = 0; done < sb.len;) {
		ssize_t n = write(fd, sb.buf + done, sb.len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC;
			goto fail;
		}
		done += (size_t)n;
	}
	/* other users of the project may share the index */
	if (fchmod(fd, 0644) < 0)
		goto fail;
	int closed = close(fd);
	fd = -1;
	if (closed < 0 || rename(temp, path) < 0)
		goto fail;
	ret = 0;
	goto out;
fail:
	err = errno;
	if (fd >= 0)
		close(fd);
	if (temp)
		unlink(temp);
	pthread_mutex_lock(&ix->lock);
	bool say = !ix->warned_write;
	ix->warned_write = true;
	pthread_mutex_unlock(&ix->lock);
	if (say)
		warning("cannot write to the index in '%s': %s; going on without storing entries",
			ix->dir, strerror(err));
out:
	arena_release(&tmp);
	strbuf_release(&sb);
	return ret;
}

/* ---- sharding ---------------------------------------------------------- */

struct sized {
	const char *path;
	uint64_t size;
	size_t at;
};

static int by_size(const void *pa, const void *pb)
{
	const struct sized *a = pa, *b = pb;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return strcmp(a->path, b->path);
}

void index_shard(const char *const *files, size_t nfiles, unsigned k,
		 unsigned n, bool *take)
{
	struct sized *s = xcalloc(nfiles + 1, sizeof(*s));
	uint64_t *load = xcalloc(n, sizeof(*load));
	for (size_t i = 0; i < nfiles; i++) {
		struct stat st;
		s[i].path = files[i];
		s[i].size = stat(files[i], &st) == 0 ? (uint64_t)st.st_size : 0;
		s[i].at = i;
		take[i] = false;
	}
	qsort(s, nfiles, sizeof(*s), by_size);
	for (size_t i = 0; i < nfiles; i++) {
		unsigned best = 0;
		for (unsigned m = 1; m < n; m++)
			if (load[m] < load[best])
				best = m;
		/* an empty file still counts, so shards share them out */
		load[best] += s[i].size + 1;
		if (best == k - 1)
			take[s[i].at] = true;
	}
	free(load);
	free(s);
}
