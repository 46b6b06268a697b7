/*
 * test_index.c - unit tests of hash, viewio and index: hand-built views
 * survive a round trip field by field (shared bodies stay shared),
 * damaged streams and entry files are rejected without crashing (every
 * truncation, random bit flips), entries are written atomically and
 * judged fresh or stale by their recorded inputs.  No libclang.
 *
 * Usage: test_index [scratch-dir]  (default: a directory under /tmp)
 */
#include "common.h"
#include "arena.h"
#include "diag.h"
#include "flow.h"
#include "hash.h"
#include "index.h"
#include "lifetime.h"
#include "querylog.h"
#include "rules.h"
#include "summary.h"
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

static int failures;

#define ASSERT(expected, actual) check((long)(expected), (long)(actual), #actual, __LINE__)
#define ASSERT_STR(expected, actual) check_str(expected, actual, #actual, __LINE__)

static void check(long expected, long actual, const char *what, int line)
{
	if (expected != actual) {
		printf("test_index.c:%d: %s: expected %ld, got %ld\n", line, what,
		       expected, actual);
		failures++;
	}
}

static void check_str(const char *expected, const char *actual,
		      const char *what, int line)
{
	if (!expected || !actual ? expected != actual : strcmp(expected, actual)) {
		printf("test_index.c:%d: %s: expected '%s', got '%s'\n", line,
		       what, expected ? expected : "(null)",
		       actual ? actual : "(null)");
		failures++;
	}
}

/* ---- hash ----------------------------------------------------------------- */

static void test_hash(void)
{
	/* published FNV-1a 64 test vectors */
	ASSERT((long)UINT64_C(0xcbf29ce484222325), (long)hash_bytes(HASH_INIT, "", 0));
	ASSERT((long)UINT64_C(0xaf63dc4c8601ec8c), (long)hash_bytes(HASH_INIT, "a", 1));
	ASSERT((long)UINT64_C(0x85944171f73967e8), (long)hash_bytes(HASH_INIT, "foobar", 6));
	ASSERT(1, hash_str(HASH_INIT, "ab") != hash_str(hash_str(HASH_INIT, "a"), "b"));
	ASSERT(1, hash_str(HASH_INIT, NULL) != hash_str(HASH_INIT, ""));
	char hex[17];
	hash_hex(UINT64_C(0xaf63dc4c8601ec8c), hex);
	ASSERT_STR("af63dc4c8601ec8c", hex);
}

/* ---- views built by hand -------------------------------------------------- */

static struct vnode *node(struct arena *a, enum vnode_kind k, unsigned line)
{
	struct vnode *n = view_new_node(a, k);
	n->loc.file = "src/a.cpp";
	n->loc.line = line;
	n->loc.col = 3;
	return n;
}

static struct vnode *call(struct arena *a, const char *name, const char *usr,
			  unsigned line)
{
	struct vnode *n = node(a, V_CALL, line);
	n->call = arena_alloc(a, sizeof(*n->call));
	n->call->name = name;
	n->call->usr = usr;
	return n;
}

static int add_var(struct arena *a, struct fn_view *fn, const char *name,
		   enum vvar_kind kind, unsigned lo, unsigned hi)
{
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = name;
	v.loc = (struct src_loc){ "src/a.cpp", 10 + (unsigned)fn->nvars, 7 };
	v.type = "std::unique_lock<std::mutex>";
	v.matched = "std::unique_lock";
	v.kind = kind;
	v.lo = lo;
	v.hi = hi;
	return view_add_var(a, fn, &v);
}

/*
 * Three views: a coroutine using every node kind and every call field,
 * an instantiation sharing its body, and a helper with lock events and
 * no USR-less body.
 */
static const struct vlock helper_lock = { "q->mu", false,
					  "pthread_mutex_lock", "why",
					  "pthread_mutex_t" };

static struct fn_view *sample_views(struct arena *a)
{
	struct fn_view *f = arena_alloc(a, sizeof(*f));
	f->name = "ns::bad_lock";
	f->loc = (struct src_loc){ "src/a.cpp", 5, 6 };
	f->coroutine = true;
	f->usr = "c:@N@ns@F@bad_lock#";
	f->arena = a;
	f->nlabels = 1;
	f->nconds = 2;
	int g = add_var(a, f, "lk", VAR_LOCAL, 2, 40);
	int h = add_var(a, f, "other", VAR_PARAM, 0, 40);
	f->vars[h].display = "guard(mutex)";
	f->vars[h].reason = "blocks the thread";
	f->vars[h].via = "member 'lk' of 'Conn'";
	int lv = add_var(a, f, "q->mu", VAR_LOCK, 0, 40);
	f->vars[lv].lock_key = "q->mu";
	int pr = add_var(a, f, "held", VAR_PARAM_REF, 0, 40);
	f->vars[pr].param = 1;
	f->vars[g].cleanup_guard = true;
	add_var(a, f, "this->lk", VAR_THIS, 0, 40);

	struct vnode *body = node(a, V_SEQ, 5);
	struct vnode *decl = node(a, V_DECL, 6);
	decl->var = g;
	decl->init = INIT_EMPTY;
	view_add_kid(a, decl, call(a, "std::unique_lock::unique_lock", NULL, 6));
	view_add_kid(a, body, decl);

	struct vnode *iff = node(a, V_IF, 7);
	iff->cond = 1;
	iff->cond_neg = true;
	iff->a = call(a, "ready", "c:@F@ready#", 7);
	struct vnode *c = call(a, "lock_queue", "c:@F@lock_queue#*$@S@queue#", 8);
	c->call->arg_keys = arena_alloc(a, 2 * sizeof(*c->call->arg_keys));
	c->call->arg_keys[0] = "&q";
	c->call->arg_keys[1] = NULL;
	c->call->nargs = 2;
	c->call->acquires = 3;
	c->call->in_guard = true;
	c->call->releases = arena_alloc(a, 2 * sizeof(int));
	c->call->releases[0] = 2;
	c->call->releases[1] = 0;
	c->call->nreleases = c->call->cap_releases = 2;
	c->call->annotated = true;
	c->call->hidden = true;
	c->call->effects_only = true;
	c->call->own = arena_alloc(a, sizeof(*c->call->own));
	c->call->own->name = "std::swap";
	c->call->own->method = "swap";
	c->call->own->obj = -1;
	c->call->own->obj_empty = true;
	c->call->own->nargs = 2;
	c->call->own->args = arena_alloc(a, 2 * sizeof(int));
	c->call->own->args[0] = g;
	c->call->own->args[1] = -1;
	c->call->own->flags = arena_alloc(a, 2);
	c->call->own->flags[1] = ARG_EMPTY | ARG_UNARY;
	c->call->own->move_done = true;
	iff->b = c;
	view_add_kid(a, body, iff);

	struct vnode *m = call(a, "sched::yield", "c:@N@sched@F@yield#", 9);
	m->call->configured = m->call->macro = m->call->suspends = true;
	m->call->macro_name = "FIBER_YIELD";
	m->call->chain = "a -> b -> sched::yield";
	view_add_kid(a, body, m);

	struct vnode *loop = node(a, V_LOOP, 10);
	loop->flags = LOOP_DO;
	loop->b = node(a, V_SEQ, 10);
	struct vnode *sw = node(a, V_SWITCH, 11);
	sw->a = node(a, V_SEQ, 11);
	sw->b = node(a, V_SEQ, 11);
	struct vnode *cs = node(a, V_CASE, 12);
	cs->flags = CASE_DEFAULT;
	view_add_kid(a, cs, node(a, V_BREAK, 12));
	view_add_kid(a, sw->b, cs);
	view_add_kid(a, loop->b, sw);
	view_add_kid(a, loop->b, node(a, V_CONTINUE, 13));
	loop->a = node(a, V_SEQ, 14);
	c->call->scope = loop->b;
	view_add_kid(a, body, loop);

	struct vnode *lab = node(a, V_LABEL, 15);
	lab->label = 0;
	struct vnode *susp = node(a, V_SUSPEND, 15);
	susp->skind = SUSPEND_CO_YIELD;
	view_add_kid(a, lab, susp);
	view_add_kid(a, body, lab);
	struct vnode *unl = node(a, V_UNLOCK, 16);
	unl->lock = &helper_lock;
	view_add_kid(a, body, unl);
	struct vnode *ev = node(a, V_EVENT, 16);
	ev->ev = EV_MOVE;
	ev->var = g;
	ev->var2 = h;
	view_add_kid(a, body, ev);
	struct vnode *go = node(a, V_GOTO, 17);
	go->label = 0;
	view_add_kid(a, body, go);
	struct vnode *try = node(a, V_TRY, 18);
	try->a = node(a, V_THROW, 18);
	view_add_kid(a, try, node(a, V_SEQ, 19));
	view_add_kid(a, body, try);
	struct vnode *cond = node(a, V_COND, 20);
	cond->a = node(a, V_SEQ, 20);
	cond->b = node(a, V_SUSPEND, 20);
	view_add_kid(a, body, cond);
	view_add_kid(a, body, node(a, V_RETURN, 21));
	f->body = body;
	f->vars[g].from = decl;
	f->vars[g].scope = body;
	f->vars[h].scope = loop->b;
	view_finish(f);

	/* an instantiation (same nodes here; its own in a walk) */
	struct fn_view *inst = arena_memdup(a, f, sizeof(*f));
	inst->vars = arena_memdup(a, f->vars, f->nvars * sizeof(*f->vars));
	inst->vars[h].type = "std::lock_guard<std::mutex>";
	inst->instance = "ns::bad_lock<std::mutex>";
	f->next = inst;

	struct fn_view *helper = arena_alloc(a, sizeof(*helper));
	helper->name = "lock_queue";
	helper->loc = (struct src_loc){ "include/q.h", 3, 13 };
	helper->arena = a;
	helper->params = arena_alloc(a, sizeof(*helper->params));
	helper->params[0] = "q";
	helper->nparams = 1;
	helper->locks = arena_alloc(a, sizeof(*helper->locks));
	helper->locks[0] = (struct vlock){ "q->mu", true, "pthread_mutex_lock",
					   NULL, "pthread_mutex_t" };
	helper->nlocks = helper->cap_locks = 1;
	inst->next = helper;

	struct fn_view *empty = arena_alloc(a, sizeof(*empty));
	empty->name = "no_body";
	empty->arena = a;
	helper->next = empty;
	return f;
}

/* ---- comparing, one function per struct --------------------------------- */

static void same_loc(const struct src_loc *x, const struct src_loc *y)
{
	ASSERT_STR(x->file, y->file);
	ASSERT(x->line, y->line);
	ASSERT(x->col, y->col);
}

static void same_own(const struct vown *x, const struct vown *y)
{
	ASSERT_STR(x->name, y->name);
	ASSERT_STR(x->method, y->method);
	ASSERT(x->member, y->member);
	ASSERT(x->obj, y->obj);
	ASSERT(x->obj_empty, y->obj_empty);
	ASSERT(x->nargs, y->nargs);
	for (int i = 0; i < x->nargs && i < y->nargs; i++) {
		ASSERT(x->args[i], y->args[i]);
		ASSERT(x->flags[i], y->flags[i]);
	}
	ASSERT(x->move_done, y->move_done);
}

static void same_call(const struct vcall *x, const struct vcall *y)
{
	ASSERT_STR(x->name, y->name);
	ASSERT_STR(x->usr, y->usr);
	ASSERT(x->annotated, y->annotated);
	ASSERT(x->configured, y->configured);
	ASSERT(x->macro, y->macro);
	ASSERT_STR(x->macro_name, y->macro_name);
	ASSERT(x->suspends, y->suspends);
	ASSERT_STR(x->chain, y->chain);
	ASSERT(x->nargs, y->nargs);
	ASSERT(x->arg_keys != NULL, y->arg_keys != NULL);
	for (size_t i = 0; x->arg_keys && y->arg_keys && i < x->nargs; i++)
		ASSERT_STR(x->arg_keys[i], y->arg_keys[i]);
	ASSERT(x->acquires, y->acquires);
	ASSERT(x->in_guard, y->in_guard);
	ASSERT(x->scope != NULL, y->scope != NULL);
	if (x->scope && y->scope) {
		ASSERT(x->scope->pre, y->scope->pre);
		ASSERT(x->scope->kind, y->scope->kind);
	}
	ASSERT(x->nreleases, y->nreleases);
	for (size_t i = 0; i < x->nreleases && i < y->nreleases; i++)
		ASSERT(x->releases[i], y->releases[i]);
	ASSERT(x->hidden, y->hidden);
	ASSERT(x->effects_only, y->effects_only);
	ASSERT(x->own != NULL, y->own != NULL);
	if (x->own && y->own)
		same_own(x->own, y->own);
}

static void same_lock(const struct vlock *x, const struct vlock *y);

static void same_node(const struct vnode *x, const struct vnode *y)
{
	ASSERT(x != NULL, y != NULL);
	if (!x || !y)
		return;
	ASSERT(x->kind, y->kind);
	ASSERT(x->flags, y->flags);
	ASSERT(x->pre, y->pre);
	ASSERT(x->post, y->post);
	same_loc(&x->loc, &y->loc);
	ASSERT(x->var, y->var);
	ASSERT(x->var2, y->var2);
	ASSERT(x->init, y->init);
	ASSERT(x->ev, y->ev);
	ASSERT(x->label, y->label);
	ASSERT(x->skind, y->skind);
	ASSERT(x->cond, y->cond);
	ASSERT(x->cond_neg, y->cond_neg);
	ASSERT(x->lock != NULL, y->lock != NULL);
	if (x->lock && y->lock)
		same_lock(x->lock, y->lock);
	ASSERT(x->call != NULL, y->call != NULL);
	if (x->call && y->call)
		same_call(x->call, y->call);
	if (x->a || y->a)
		same_node(x->a, y->a);
	if (x->b || y->b)
		same_node(x->b, y->b);
	if (x->c || y->c)
		same_node(x->c, y->c);
	ASSERT(x->nkids, y->nkids);
	for (size_t i = 0; i < x->nkids && i < y->nkids; i++)
		same_node(x->kids[i], y->kids[i]);
}

static void same_var(const struct vvar *x, const struct vvar *y)
{
	ASSERT_STR(x->name, y->name);
	ASSERT_STR(x->display, y->display);
	same_loc(&x->loc, &y->loc);
	ASSERT_STR(x->type, y->type);
	ASSERT_STR(x->matched, y->matched);
	ASSERT_STR(x->reason, y->reason);
	ASSERT_STR(x->via, y->via);
	ASSERT(x->kind, y->kind);
	ASSERT(x->lo, y->lo);
	ASSERT(x->hi, y->hi);
	ASSERT_STR(x->lock_key, y->lock_key);
	ASSERT(x->param, y->param);
	ASSERT(x->cleanup_guard, y->cleanup_guard);
	/* region nodes: the same place in the tree */
	ASSERT(x->from != NULL, y->from != NULL);
	ASSERT(x->scope != NULL, y->scope != NULL);
	if (x->from && y->from) {
		ASSERT(x->from->pre, y->from->pre);
		ASSERT(x->from->kind, y->from->kind);
	}
	if (x->scope && y->scope) {
		ASSERT(x->scope->pre, y->scope->pre);
		ASSERT(x->scope->kind, y->scope->kind);
	}
}

static void same_lock(const struct vlock *x, const struct vlock *y)
{
	ASSERT_STR(x->key, y->key);
	ASSERT(x->acquire, y->acquire);
	ASSERT_STR(x->matched, y->matched);
	ASSERT_STR(x->reason, y->reason);
	ASSERT_STR(x->type, y->type);
}

static void same_fn(const struct fn_view *x, const struct fn_view *y)
{
	ASSERT_STR(x->name, y->name);
	same_loc(&x->loc, &y->loc);
	ASSERT(x->coroutine, y->coroutine);
	ASSERT_STR(x->usr, y->usr);
	ASSERT(x->nnumbers, y->nnumbers);
	ASSERT(x->nvars, y->nvars);
	for (size_t i = 0; i < x->nvars && i < y->nvars; i++)
		same_var(&x->vars[i], &y->vars[i]);
	ASSERT(x->nlabels, y->nlabels);
	ASSERT(x->nconds, y->nconds);
	ASSERT_STR(x->instance, y->instance);
	ASSERT(x->nparams, y->nparams);
	for (size_t i = 0; i < x->nparams && i < y->nparams; i++)
		ASSERT_STR(x->params[i], y->params[i]);
	ASSERT(x->nlocks, y->nlocks);
	for (size_t i = 0; i < x->nlocks && i < y->nlocks; i++)
		same_lock(&x->locks[i], &y->locks[i]);
	if (x->body || y->body)
		same_node(x->body, y->body);
}

static void same_fns(const struct fn_view *x, const struct fn_view *y)
{
	for (; x || y; x = x->next, y = y->next) {
		ASSERT(x != NULL, y != NULL);
		if (!x || !y)
			return;
		same_fn(x, y);
	}
}

/* ---- viewio --------------------------------------------------------------- */

static void encode(const struct fn_view *fns, struct strbuf *out)
{
	struct vio_out o;
	vio_out_init(&o);
	viewio_put_fns(&o, fns);
	ASSERT(0, vio_finish(&o, out));
	vio_out_release(&o);
}

/* NULL when malformed; a whole stream must be read to its end. */
static struct fn_view *decode(const void *buf, size_t len, struct arena *a,
			      const char **why)
{
	struct vio_in in;
	*why = NULL;
	if (vio_in_start(&in, buf, len, a) < 0) {
		*why = in.bad;
		return NULL;
	}
	struct fn_view *fns = viewio_get_fns(&in);
	if (!in.bad && in.p != in.end)
		in.bad = "trailing bytes";
	*why = in.bad;
	return in.bad ? NULL : fns;
}

/* Findings of all views after summaries, as text, for comparisons. */
static void analyse(struct fn_view *fns, struct strbuf *out)
{
	struct diag_list dl;
	struct arena a;
	diag_list_init(&dl);
	arena_init(&a);
	struct summary *s = summary_compute(&fns, 1);
	for (struct fn_view *fn = fns; fn; fn = fn->next) {
		struct flow f;
		if (!fn->nvars || !fn->body)
			continue;
		flow_build(&f, fn);
		lifetime_check(fn, &f, &dl);
		flow_release(&f);
	}
	summary_free(s);
	diag_list_sort(&dl);
	for (size_t i = 0; i < dl.nfindings; i++) {
		const struct finding *fd = &dl.findings[i];
		strbuf_addf(out, "%s\n", diag_warning_text(&a, fd));
		for (size_t k = 0; k < fd->nsusp; k++)
			strbuf_addf(out, "  %u: %s\n", fd->susp[k].loc.line,
				    diag_note_text(&a, &fd->susp[k]));
	}
	diag_list_release(&dl);
	arena_release(&a);
}

static void test_roundtrip(void)
{
	struct arena a, b;
	struct strbuf s1, s2, r1, r2;
	const char *why;

	arena_init(&a);
	arena_init(&b);
	strbuf_init(&s1);
	strbuf_init(&s2);
	strbuf_init(&r1);
	strbuf_init(&r2);
	struct fn_view *orig = sample_views(&a);
	encode(orig, &s1);
	struct fn_view *back = decode(s1.buf, s1.len, &b, &why);
	ASSERT_STR(NULL, why);
	same_fns(orig, back);
	/* the instantiation still shares the pattern's body */
	ASSERT(1, back && back->next && back->next->body == back->body);
	ASSERT(1, back && back->arena == &b);
	/* and writing it again gives the same bytes */
	encode(back, &s2);
	ASSERT(s1.len, s2.len);
	ASSERT(0, memcmp(s1.buf, s2.buf, s1.len < s2.len ? s1.len : s2.len));
	/* strings are stored once */
	size_t files = 0;
	for (size_t i = 0; i + 9 <= s1.len; i++)
		files += !memcmp(s1.buf + i, "src/a.cpp", 9);
	ASSERT(1, files);
	/* the analysis gives the same answer on both */
	analyse(orig, &r1);
	analyse(back, &r2);
	ASSERT(1, r1.len > 0);
	ASSERT_STR(r1.buf, r2.buf);

	/* an empty list */
	strbuf_reset(&s2);
	encode(NULL, &s2);
	ASSERT(1, decode(s2.buf, s2.len, &b, &why) == NULL && why == NULL);

	strbuf_release(&s1);
	strbuf_release(&s2);
	strbuf_release(&r1);
	strbuf_release(&r2);
	arena_release(&a);
	arena_release(&b);
}

/* Tiny deterministic generator (xorshift), so failures reproduce. */
static uint64_t rng = 88172645463325252ULL;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void test_damage(void)
{
	struct arena a;
	struct strbuf s;
	const char *why;
	size_t accepted = 0;

	arena_init(&a);
	strbuf_init(&s);
	encode(sample_views(&a), &s);
	/* every truncation is rejected */
	for (size_t len = 0; len < s.len; len++) {
		struct arena t;
		arena_init(&t);
		char *copy = xmalloc(len + 1); /* exact size: ASan sees overreads */
		memcpy(copy, s.buf, len);
		if (decode(copy, len, &t, &why) || !why) {
			printf("test_index.c: truncation to %zu bytes accepted\n", len);
			failures++;
		}
		free(copy);
		arena_release(&t);
	}
	/* bit flips: rejected, or read into views the analysis can run on */
	for (int round = 0; round < 3000; round++) {
		struct arena t;
		arena_init(&t);
		char *copy = xmalloc(s.len);
		memcpy(copy, s.buf, s.len);
		int flips = 1 + (int)(next_rand() % 3);
		for (int k = 0; k < flips; k++) {
			size_t at = (size_t)(next_rand() % s.len);
			copy[at] ^= (char)(1u << (next_rand() % 8));
		}
		struct fn_view *fns = decode(copy, s.len, &t, &why);
		if (fns) {
			struct strbuf out;
			strbuf_init(&out);
			analyse(fns, &out);
			strbuf_release(&out);
			accepted++;
		}
		free(copy);
		arena_release(&t);
	}
	/* some flips only change a line number: those must still load */
	ASSERT(1, accepted > 0);
	strbuf_release(&s);
	arena_release(&a);
}

/* ---- index entries on disk ------------------------------------------------ */

static char scratch[4096];

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		printf("test_index.c: cannot write '%s': %s\n", path, strerror(errno));
		exit(1);
	}
	fputs(text, f);
	fclose(f);
}

/* An entry for scratch/main.cpp including scratch/dep.h. */
static void fill_entry(struct index *ix, struct index_entry *e,
		       struct index_key *key, struct arena *a)
{
	static const char *const args[] = { "-std=c++20", "-Iinclude" };
	key->file = arena_printf(a, "%s/main.cpp", scratch);
	key->args = args;
	key->nargs = 2;
	key->config = index_config_hash("extends = [\"std\"]", 17);
	key->tool = "0.1.0";
	key->libclang = "libclang 22";
	e->key = *key;
	e->display = "main.cpp";
	e->ndeps = 2;
	e->deps = arena_alloc(a, 2 * sizeof(*e->deps));
	ASSERT(0, index_stat(ix, key->file, &e->deps[0]));
	ASSERT(0, index_stat(ix, arena_printf(a, "%s/dep.h", scratch), &e->deps[1]));
	e->failed = true;
	struct problem *p = arena_alloc(a, sizeof(*p));
	p->kind = PROBLEM_ERROR;
	p->loc = (struct src_loc){ "main.cpp", 3, 9 };
	p->message = "expected ';' [clang]";
	e->problems = p;
	e->nproblems = 1;
	e->nparse_problems = 1;
	struct query *q = arena_alloc(a, 2 * sizeof(*q));
	q[0] = (struct query){ QUERY_MATCH, RL_SUSPEND_FUNCTIONS, "sched::yield", NULL };
	q[1] = (struct query){ QUERY_NAMESPACE, 0, "sched", NULL };
	e->queries = q;
	e->nqueries = 2;
	e->fns = sample_views(a);
}

static void corrupt_file(const char *path, long at, int flip, long truncate_to)
{
	size_t len;
	char *buf = read_file(path, &len);
	ASSERT(1, buf != NULL);
	if (!buf)
		return;
	if (flip)
		buf[at] ^= (char)flip;
	FILE *f = fopen(path, "w");
	fwrite(buf, 1, truncate_to >= 0 ? (size_t)truncate_to : len, f);
	fclose(f);
	free(buf);
}

static void test_entries(void)
{
	struct index ix;
	struct index_entry e, got;
	struct index_key key;
	struct arena a;
	char path[4200];

	arena_init(&a);
	snprintf(path, sizeof(path), "%s/main.cpp", scratch);
	write_text(path, "int main() {}\n");
	snprintf(path, sizeof(path), "%s/dep.h", scratch);
	write_text(path, "#pragma once\n");
	snprintf(path, sizeof(path), "%s/idx/sub", scratch);
	ASSERT(0, index_open(&ix, path, false));

	index_entry_init(&e);
	fill_entry(&ix, &e, &key, &a);
	index_entry_init(&got);
	ASSERT(0, index_load(&ix, key.file, &got)); /* none yet */
	ASSERT(0, index_store(&ix, &e));
	ASSERT(1, index_load(&ix, key.file, &got));
	if (!got.key.file) {
		printf("test_index.c: the entry did not load\n");
		exit(1);
	}
	ASSERT_STR(key.file, got.key.file);
	ASSERT_STR("main.cpp", got.display);
	ASSERT(2, got.key.nargs);
	ASSERT_STR("-Iinclude", got.key.args[1]);
	ASSERT(1, got.key.config == key.config);
	ASSERT(2, got.ndeps);
	ASSERT(1, got.deps[1].hash == e.deps[1].hash);
	ASSERT(1, got.failed);
	ASSERT(1, got.nproblems);
	ASSERT(1, got.nparse_problems);
	ASSERT_STR("expected ';' [clang]", got.problems[0].message);
	ASSERT(3, got.problems[0].loc.line);
	ASSERT(2, got.nqueries);
	ASSERT_STR("sched::yield", got.queries[0].a);
	ASSERT(RL_SUSPEND_FUNCTIONS, got.queries[0].list);
	same_fns(e.fns, got.fns);
	ASSERT(1, index_fresh(&ix, &got, &key, NULL));

	/* a different key is stale */
	struct index_key other = key;
	other.config++;
	ASSERT(0, index_fresh(&ix, &got, &other, NULL));
	other = key;
	other.libclang = "libclang 21";
	ASSERT(0, index_fresh(&ix, &got, &other, NULL));
	static const char *const args2[] = { "-std=c++20", "-Iother" };
	other = key;
	other.args = args2;
	ASSERT(0, index_fresh(&ix, &got, &other, NULL));

	/* a dependency touched but unchanged is fresh (a new look) */
	struct index ix2;
	snprintf(path, sizeof(path), "%s/dep.h", scratch);
	struct timespec times[2] = { { 0, UTIME_OMIT }, { 12345, 0 } };
	utimensat(AT_FDCWD, path, times, 0);
	ASSERT(0, index_open(&ix2, ix.dir, false));
	bool touched = false;
	ASSERT(1, index_fresh(&ix2, &got, &key, &touched));
	ASSERT(1, touched);
	ASSERT(12345000000000L, got.deps[1].mtime_ns);
	index_close(&ix2);
	/* same size, new contents: stale */
	write_text(path, "#pragma twice\n");
	ASSERT(0, index_open(&ix2, ix.dir, false));
	ASSERT(0, index_fresh(&ix2, &got, &key, NULL));
	index_close(&ix2);
	/* a dependency gone: stale */
	unlink(path);
	ASSERT(0, index_open(&ix2, ix.dir, false));
	ASSERT(0, index_fresh(&ix2, &got, &key, NULL));
	index_close(&ix2);
	index_entry_release(&got);

	/* damage on disk: rejected, never trusted */
	const char *entry = index_entry_path(&ix, &a, key.file);
	struct stat st;
	ASSERT(0, stat(entry, &st));
	long size = (long)st.st_size;
	const char *why;
	long cases[][3] = {
		{ 100, 0x10, -1 },       /* payload bit flip: checksum */
		{ 27, 0x01, -1 },        /* the checksum itself */
		{ 0, 0, 100 },           /* truncated */
		{ 0, 0, 10 },            /* truncated inside the header */
		{ 8, 0x02, -1 },         /* another format */
		{ 1, 0x20, -1 },         /* not our magic */
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		ASSERT(0, index_store(&ix, &e));
		corrupt_file(entry, cases[i][0], (int)cases[i][1], cases[i][2]);
		index_entry_init(&got);
		ASSERT(-1, index_read_file(entry, &got, &why));
		ASSERT(1, why != NULL);
		index_entry_release(&got);
		(void)size;
	}
	/* no temporary files are left behind */
	snprintf(path, sizeof(path), "ls -a '%s' | grep -c tmp", ix.dir);
	FILE *ls = popen(path, "r");
	int tmps = -1;
	if (ls) {
		if (fscanf(ls, "%d", &tmps) != 1)
			tmps = -1;
		pclose(ls);
	}
	ASSERT(0, tmps);

	/* an index directory that cannot be made: no index, no crash */
	snprintf(path, sizeof(path), "%s/main.cpp/idx", scratch);
	struct index bad;
	ASSERT(-1, index_open(&bad, path, false));

	index_entry_release(&e);
	index_close(&ix);
	arena_release(&a);
}

/* A query log records one thread's questions, once each, and replays. */
static void test_querylog(void)
{
	struct rules r;
	struct querylog log;
	struct strmap done = { 0 };
	struct arena keys;

	rules_init(&r);
	rules_add(&r, RL_SUSPEND_FUNCTIONS, "sched::yield", NULL);
	rules_add(&r, RL_SUSPEND_FUNCTIONS, "sched::sleep", NULL);
	querylog_init(&log);
	querylog_begin(&log);
	rules_match(&r, RL_SUSPEND_FUNCTIONS, "sched::yield", NULL);
	rules_match(&r, RL_SUSPEND_FUNCTIONS, "sched::yield", NULL);
	rules_match(&r, RL_SUSPEND_FUNCTIONS, "printf", NULL);
	querylog_end();
	rules_match(&r, RL_SUSPEND_FUNCTIONS, "not_recorded", NULL);
	ASSERT(2, log.n);
	ASSERT(2, r.lists[RL_SUSPEND_FUNCTIONS][0].uses);

	struct rules r2;
	rules_init(&r2);
	rules_add(&r2, RL_SUSPEND_FUNCTIONS, "sched::yield", NULL);
	rules_add(&r2, RL_SUSPEND_FUNCTIONS, "sched::sleep", NULL);
	arena_init(&keys);
	querylog_replay(&r2, log.q, log.n, &done, &keys);
	querylog_replay(&r2, log.q, log.n, &done, &keys); /* once per rules */
	ASSERT(1, r2.lists[RL_SUSPEND_FUNCTIONS][0].uses);
	ASSERT(0, r2.lists[RL_SUSPEND_FUNCTIONS][1].uses);
	strmap_release(&done);
	arena_release(&keys);
	querylog_release(&log);
	rules_release(&r);
	rules_release(&r2);
}

/* Shards: each file in exactly one, balanced by size, order-free. */
static void test_shards(void)
{
	enum { NF = 12, NS = 3 };
	static const unsigned sizes[NF] = { 900, 10, 10, 500, 400, 300, 10,
					    200, 0, 0, 650, 120 };
	char paths[NF][4200];
	const char *files[NF], *reversed[NF];
	bool take[NS][NF], take_rev[NF];
	unsigned long load[NS] = { 0 };

	for (int i = 0; i < NF; i++) {
		snprintf(paths[i], sizeof(paths[i]), "%s/f%02d.c", scratch, i);
		FILE *f = fopen(paths[i], "w");
		for (unsigned k = 0; f && k < sizes[i]; k++)
			fputc('x', f);
		if (f)
			fclose(f);
		files[i] = paths[i];
		reversed[NF - 1 - i] = paths[i];
	}
	for (int k = 0; k < NS; k++)
		index_shard(files, NF, (unsigned)k + 1, NS, take[k]);
	for (int i = 0; i < NF; i++) {
		int n = 0;
		for (int k = 0; k < NS; k++)
			if (take[k][i]) {
				n++;
				load[k] += sizes[i];
			}
		ASSERT(1, n);
	}
	/* largest first to the lightest shard: 900+200 | 650+300+10+10+10 |
	 * 500+400+120, so the shards differ by less than one big file */
	ASSERT(1100, load[0]);
	ASSERT(980, load[1]);
	ASSERT(1020, load[2]);
	for (int k = 0; k < NS; k++) {
		index_shard(reversed, NF, (unsigned)k + 1, NS, take_rev);
		for (int i = 0; i < NF; i++)
			ASSERT(take[k][i], take_rev[NF - 1 - i]);
	}
}

int main(int argc, char **argv)
{
	char tmpl[] = "/tmp/test_index.XXXXXX";
	(void)argc;
	(void)argv;
	if (!mkdtemp(tmpl)) {
		printf("test_index.c: cannot make a scratch directory\n");
		return 1;
	}
	snprintf(scratch, sizeof(scratch), "%s", tmpl);
	test_hash();
	test_roundtrip();
	test_damage();
	test_entries();
	test_querylog();
	test_shards();
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", scratch);
	if (system(cmd) != 0)
		printf("test_index.c: could not remove '%s'\n", scratch);
	if (failures) {
		printf("%d failure%s\n", failures, failures == 1 ? "" : "s");
		return 1;
	}
	printf("ok\n");
	return 0;
}
