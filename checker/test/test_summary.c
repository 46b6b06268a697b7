/*
 * test_summary.c - unit tests of summary.c: which calls may suspend
 * through other functions (chains, across translation units, shortest
 * path, recursion), lock helpers applied at their call sites, flags
 * that decide whether a call sleeps (summary_flag.c) and condition waits
 * (summary_mutex.c).
 *
 * Views are built by hand; only what summary.c reads is filled in.
 */
#include "common.h"
#include "arena.h"
#include "rules.h"
#include "summary.h"
#include "util.h"
#include "view.h"
#include "test.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static struct arena A;

/* A function that is not a coroutine, with an empty body. */
static struct fn_view *fn(const char *name, const char *usr)
{
	struct fn_view *f = arena_alloc(&A, sizeof(*f));
	f->name = name;
	f->usr = usr;
	f->arena = &A;
	f->body = view_new_node(&A, V_SEQ);
	f->loc = (struct src_loc){ "t.c", 1, 1 };
	return f;
}

/* Append a call to 'callee' (USR "c:@F@<callee>") to f's body. */
static struct vcall *call(struct fn_view *f, const char *callee)
{
	struct vnode *n = view_new_node(&A, V_CALL);
	n->call = arena_alloc(&A, sizeof(*n->call));
	n->call->name = callee;
	n->call->usr = arena_printf(&A, "c:@F@%s", callee);
	n->loc = (struct src_loc){ "t.c", 2, 3 };
	view_add_kid(&A, f->body, n);
	return n->call;
}

/* A call to the configured suspending function aco_yield. */
static struct vcall *yield(struct fn_view *f)
{
	struct vcall *c = call(f, "aco_yield");
	c->configured = true;
	return c;
}

/* Link views into one translation unit's list; NULL ends. */
static struct fn_view *tu(struct fn_view *first, ...)
{
	va_list ap;
	struct fn_view *prev = first;
	va_start(ap, first);
	for (struct fn_view *f; (f = va_arg(ap, struct fn_view *));) {
		prev->next = f;
		prev = f;
	}
	va_end(ap);
	return first;
}

static void test_direct_and_indirect(void)
{
	struct fn_view *wait = fn("wait", "c:@F@wait");
	struct fn_view *push = fn("push", "c:@F@push");
	struct fn_view *user = fn("user", "c:@F@user");
	struct vcall *y = yield(wait);
	struct vcall *to_wait = call(push, "wait");
	struct vcall *to_push = call(user, "push");
	struct vcall *other = call(user, "printf");
	struct fn_view *list[] = { tu(wait, push, user, NULL) };

	struct summary *s = summary_compute(list, 1);
	/* the configured call itself is decided elsewhere, not here */
	ASSERT(0, y->suspends);
	ASSERT(1, to_wait->suspends);
	ASSERT_STR("wait -> aco_yield", to_wait->chain);
	ASSERT(1, to_push->suspends);
	ASSERT_STR("push -> wait -> aco_yield", to_push->chain);
	ASSERT(0, other->suspends);
	ASSERT_TRUE(other->chain == NULL);
	summary_free(s);
}

/* Functions in other translation units join up by USR. */
static void test_across_units(void)
{
	struct fn_view *leaf = fn("leaf", "c:@F@leaf");
	struct fn_view *mid = fn("mid", "c:@F@mid");
	struct fn_view *top = fn("top", "c:@F@top");
	struct vcall *m = yield(leaf);
	m->configured = false;
	m->macro = true;
	m->macro_name = "FIBER_YIELD";
	call(mid, "leaf");
	struct vcall *c = call(top, "mid");
	/* the caller's unit comes first */
	struct fn_view *list[] = { top, mid, leaf };

	struct summary *s = summary_compute(list, 3);
	ASSERT(1, c->suspends);
	ASSERT_STR("mid -> leaf -> FIBER_YIELD", c->chain);
	summary_free(s);
}

/* The chain is a shortest one; recursion and cycles end. */
static void test_shortest_and_cycles(void)
{
	struct fn_view *a = fn("a", "c:@F@a"), *b = fn("b", "c:@F@b");
	struct fn_view *c = fn("c", "c:@F@c"), *d = fn("d", "c:@F@d");
	struct fn_view *e = fn("e", "c:@F@e");
	yield(c);
	call(b, "c");
	call(a, "b");
	call(a, "d");
	yield(d);
	struct vcall *to_a = call(e, "a");
	/* a cycle: c and b call each other, e calls itself */
	call(c, "b");
	struct vcall *self = call(e, "e");
	struct fn_view *list[] = { tu(c, b, a, d, e, NULL) };

	struct summary *s = summary_compute(list, 1);
	ASSERT(1, to_a->suspends);
	ASSERT_STR("a -> d -> aco_yield", to_a->chain);
	ASSERT(1, self->suspends);
	ASSERT_STR("e -> a -> d -> aco_yield", self->chain);
	summary_free(s);
}

/*
 * Not a reason to suspend: calling a coroutine, calling a function only
 * declared, a call without a USR, an annotated callee's callers do.
 */
static void test_not_suspending(void)
{
	struct fn_view *coro = fn("coro", "c:@F@coro");
	coro->coroutine = true;
	yield(coro);
	struct fn_view *user = fn("user", "c:@F@user");
	struct vcall *to_coro = call(user, "coro");
	struct vcall *to_decl = call(user, "declared_only");
	struct vcall *no_usr = call(user, "wait");
	no_usr->usr = NULL;
	struct fn_view *wait = fn("wait", "c:@F@wait");
	yield(wait);
	struct fn_view *ann = fn("ann_user", "c:@F@ann_user");
	struct vcall *an = call(ann, "sched");
	an->annotated = true;
	struct vcall *to_ann = call(user, "ann_user");
	struct fn_view *list[] = { tu(coro, user, wait, ann, NULL) };

	struct summary *s = summary_compute(list, 1);
	ASSERT(0, to_coro->suspends);
	ASSERT(0, to_decl->suspends);
	ASSERT(0, no_usr->suspends);
	ASSERT(1, to_ann->suspends);
	ASSERT_STR("ann_user -> sched", to_ann->chain);
	summary_free(s);
}

/* Give call 'c' one argument per text; "@N" names the caller's parameter N. */
static void set_args(struct vcall *c, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	c->nvargs = (size_t)n;
	c->args = arena_alloc(&A, (size_t)n * sizeof(*c->args));
	for (int i = 0; i < n; i++) {
		const char *t = va_arg(ap, const char *);
		c->args[i].text = t;
		c->args[i].param = t[0] == '@' ? t[1] - '0' : -1;
	}
	va_end(ap);
}

/*
 * unless-arg: kvmalloc(bytes, gfp) in resize(d, gfp) makes resize
 * suspend unless its gfp is exempt; push(d, gfp) passes it on; callers
 * are judged by the argument they write.
 */
static void test_conditional(void)
{
	static const char *names[] = { "GFP_ATOMIC", "GFP_NOWAIT" };
	static const struct rule_unless u = { 1, names, 2 };
	static const char *names2[] = { "GFP_ATOMIC", "GFP_NOWAIT" };
	static const struct rule_unless u_same = { 1, names2, 2 };
	static const char *other_names[] = { "MAY_FAIL" };
	static const struct rule_unless other = { 0, other_names, 1 };

	struct fn_view *resize = fn("resize", "c:@F@resize");
	struct vcall *k = yield(resize);
	k->name = "kvmalloc";
	k->by_arg = true;
	k->unless = &u;
	k->unless_param = 1;
	/* a second entry with the same names, on the same parameter */
	struct vcall *k2 = yield(resize);
	k2->by_arg = true;
	k2->unless = &u_same;
	k2->unless_param = 1;
	struct fn_view *push = fn("push", "c:@F@push");
	struct vcall *to_resize = call(push, "resize");
	set_args(to_resize, 2, "d", "@1");
	/* passes it on too, but only ever with GFP_NOWAIT */
	struct fn_view *push2 = fn("push2", "c:@F@push2");
	struct vcall *to_resize2 = call(push2, "resize");
	set_args(to_resize2, 2, "d", "@1");
	struct fn_view *user = fn("user", "c:@F@user");
	struct vcall *nowait2 = call(user, "push2");
	set_args(nowait2, 2, "d", "GFP_NOWAIT");
	struct vcall *nowait = call(user, "push");
	set_args(nowait, 2, "d", "GFP_NOWAIT | __GFP_NOWARN");
	struct vcall *kernel = call(user, "push");
	set_args(kernel, 2, "d", "GFP_KERNEL");
	struct vcall *direct = call(user, "resize");
	set_args(direct, 2, "d", "GFP_ATOMIC");
	struct vcall *by_macro = call(user, "push");
	set_args(by_macro, 2, "d", "_gfp");
	by_macro->args[1].text = NULL;
	static const char *margs[] = { "&d", "x", "GFP_NOWAIT" };
	by_macro->margs = margs;
	by_macro->nmargs = 3;
	/* two different conditions: it suspends */
	struct fn_view *mixed = fn("mixed", "c:@F@mixed");
	struct vcall *m1 = yield(mixed);
	m1->by_arg = true;
	m1->unless = &u;
	m1->unless_param = 1;
	struct vcall *m2 = yield(mixed);
	m2->name = "other";
	m2->by_arg = true;
	m2->unless = &other;
	m2->unless_param = 0;
	struct vcall *to_mixed = call(user, "mixed");
	set_args(to_mixed, 2, "d", "GFP_NOWAIT");
	/* an exempt configured call is no suspension at all */
	struct fn_view *quiet = fn("quiet", "c:@F@quiet");
	struct vcall *q = yield(quiet);
	q->by_arg = true;
	struct vcall *to_quiet = call(user, "quiet");
	struct fn_view *list[] = { tu(user, push, push2, resize, mixed, quiet,
				      NULL) };

	struct summary *s = summary_compute(list, 1);
	/*
	 * Conditional in push itself: it suspends there in the contexts
	 * where a caller passes a gfp that is not exempt (user's
	 * GFP_KERNEL); push2 has no such caller.
	 */
	ASSERT(1, to_resize->suspends);
	ASSERT(0, to_resize2->suspends);
	ASSERT(0, nowait2->suspends);
	ASSERT(0, nowait->suspends);
	ASSERT(1, kernel->suspends);
	ASSERT_STR("push -> resize -> kvmalloc", kernel->chain);
	ASSERT(0, direct->suspends);
	ASSERT(0, by_macro->suspends);
	ASSERT(1, to_mixed->suspends);
	ASSERT(0, to_quiet->suspends);
	summary_free(s);
}

/* A lock event in 'f' on 'key'. */
static void lock_event(struct fn_view *f, const char *key, bool acquire)
{
	ARENA_GROW(&A, f->locks, f->nlocks + 1, f->cap_locks);
	f->locks[f->nlocks++] = (struct vlock){
		key, acquire, "pthread_mutex_lock", "r", "pthread_mutex_t"
	};
}

static void params(struct fn_view *f, const char *p)
{
	f->params = arena_alloc(&A, sizeof(*f->params));
	f->params[0] = p;
	f->nparams = 1;
}

static void args(struct vcall *c, const char *key)
{
	c->arg_keys = arena_alloc(&A, sizeof(*c->arg_keys));
	c->arg_keys[0] = key;
	c->nargs = 1;
}

static void test_lock_helpers(void)
{
	struct fn_view *lock = fn("lock_q", "c:@F@lock_q");
	params(lock, "q");
	lock_event(lock, "q->mu", true);
	struct fn_view *unlock = fn("unlock_q", "c:@F@unlock_q");
	params(unlock, "q");
	lock_event(unlock, "q->mu", false);
	/* both acquires and releases: not a helper */
	struct fn_view *both = fn("both", "c:@F@both");
	params(both, "q");
	lock_event(both, "q->mu", true);
	lock_event(both, "q->mu", false);
	/* names a lock that is not reached through its parameter */
	struct fn_view *global = fn("global", "c:@F@global");
	params(global, "q");
	lock_event(global, "qq->mu", true);

	struct fn_view *user = fn("user", "c:@F@user");
	user->body->post = 40;
	struct vcall *acq = call(user, "lock_q");
	args(acq, "&x");
	struct vcall *rel = call(user, "unlock_q");
	args(rel, "&x");
	struct vcall *acq2 = call(user, "lock_q");
	args(acq2, "p");
	struct vcall *b = call(user, "both");
	args(b, "&x");
	struct vcall *g = call(user, "global");
	args(g, "&x");
	struct fn_view *list[] = { tu(lock, unlock, both, global, user, NULL) };

	struct summary *s = summary_compute(list, 1);
	if (!ASSERT(2, user->nvars))
		goto out;
	ASSERT_STR("x.mu", user->vars[0].name); /* q->mu with q = &x */
	ASSERT(VAR_LOCK, user->vars[0].kind);
	ASSERT_STR("pthread_mutex_lock", user->vars[0].matched);
	ASSERT_STR("pthread_mutex_t", user->vars[0].type);
	ASSERT(0, user->vars[0].lo);
	ASSERT(40, user->vars[0].hi);
	ASSERT_STR("p->mu", user->vars[1].name);
	ASSERT(1, acq->acquires);
	ASSERT(2, acq2->acquires);
	if (ASSERT(1, rel->nreleases))
		ASSERT(0, rel->releases[0]);
	ASSERT(0, rel->acquires);
	ASSERT(0, b->acquires);
	ASSERT(0, b->nreleases);
	ASSERT(0, g->acquires);
	ASSERT(0, lock->nvars); /* the helper itself is unchanged */
out:
	summary_free(s);
}

/* A node of 'f' that raises (or lowers) flag 'key' (walk_flag.c). */
static void flag(struct fn_view *f, const char *key, bool raise)
{
	struct vnode *n = view_new_node(&A, V_UNLOCK);
	struct vlock *l = arena_alloc(&A, sizeof(*l));
	*l = (struct vlock){ key, raise, NULL, NULL, "flag" };
	n->lock = l;
	view_add_kid(&A, f->body, n);
}

/*
 * Flags: grow(out, gfp) reallocates with gfp only while out->atomic is
 * down; inc(buf) raises buf->atomic.  A caller that raised its buffer's
 * flag on every path does not suspend in grow(), one that did not, or
 * lowered it again, does; one that passes its own parameter on suspends
 * only in the contexts its callers make (none here).
 */
static void test_flags(void)
{
	static const char *names[] = { "GFP_ATOMIC", "GFP_NOWAIT" };
	static const struct rule_unless u = { 1, names, 2 };
	struct fn_view *grow = fn("grow", "c:@F@grow");
	static const char *grow_params[] = { "out", "gfp" };
	grow->params = grow_params;
	grow->nparams = 2;
	struct vcall *k = call(grow, "krealloc");
	k->configured = true;
	k->by_arg = true;
	k->unless = &u;
	k->unless_param = 1;
	k->flag_down = "out->atomic";
	struct fn_view *inc = fn("inc", "c:@F@inc");
	params(inc, "buf");
	flag(inc, "buf->atomic", true);

	struct fn_view *raised = fn("raised", "c:@F@raised");
	set_args(call(raised, "inc"), 1, "&b");
	struct vcall *r_grow = call(raised, "grow");
	set_args(r_grow, 2, "&b", "GFP_KERNEL");
	struct fn_view *plain = fn("plain", "c:@F@plain");
	struct vcall *p_grow = call(plain, "grow");
	set_args(p_grow, 2, "&b", "GFP_KERNEL");
	struct fn_view *lowered = fn("lowered", "c:@F@lowered");
	set_args(call(lowered, "inc"), 1, "&b");
	flag(lowered, "b.atomic", false);
	struct vcall *l_grow = call(lowered, "grow");
	set_args(l_grow, 2, "&b", "GFP_KERNEL");
	struct fn_view *passes = fn("passes", "c:@F@passes");
	params(passes, "o");
	struct vcall *o_grow = call(passes, "grow");
	set_args(o_grow, 2, "o", "GFP_KERNEL");
	struct fn_view *views[] = { grow, inc, raised, plain, lowered, passes };
	for (size_t i = 0; i < sizeof(views) / sizeof(*views); i++)
		view_finish(views[i]);
	struct fn_view *list[] = { tu(grow, inc, raised, plain, lowered, passes,
				      NULL) };

	struct summary *s = summary_compute(list, 1);
	ASSERT(1, k->suspends);       /* in plain's context */
	ASSERT(0, r_grow->suspends);  /* raised on every path */
	ASSERT(1, p_grow->suspends);
	ASSERT_STR("grow -> krealloc", p_grow->chain);
	ASSERT(1, l_grow->suspends);  /* lowered again */
	ASSERT(0, o_grow->suspends);  /* no caller of passes makes it */
	summary_free(s);
}

/* A suspension node in 'f' whose operand's calls are 'kids'. */
static struct vnode *suspend(struct fn_view *f)
{
	struct vnode *n = view_new_node(&A, V_SUSPEND);
	view_add_kid(&A, f->body, n);
	return n;
}

static struct vcall *kid_call(struct vnode *parent, const char *callee)
{
	struct vnode *n = view_new_node(&A, V_CALL);
	n->call = arena_alloc(&A, sizeof(*n->call));
	n->call->name = callee;
	n->call->usr = arena_printf(&A, "c:@F@%s", callee);
	view_add_kid(&A, parent, n);
	return n->call;
}

/*
 * A condition wait: the coroutine wait(lock) awaits an awaiter whose
 * await_suspend lets its member this->_lock go, bound to lock; so a
 * co_await of wait(m) lets the caller's m go.  keep(lock)'s awaiter
 * keeps it.
 */
static void test_condition_wait(void)
{
	struct fn_view *as = fn("await_suspend", "c:@F@await_suspend");
	struct vnode *un = view_new_node(&A, V_UNLOCK);
	struct vlock *l = arena_alloc(&A, sizeof(*l));
	*l = (struct vlock){ "this->_lock", false, NULL, NULL, "mutex" };
	un->lock = l;
	view_add_kid(&A, as->body, un);
	struct fn_view *as_keep = fn("await_keep", "c:@F@await_keep");

	struct fn_view *wait = fn("wait", "c:@F@wait");
	wait->coroutine = true;
	params(wait, "lock");
	struct vcall *e = kid_call(suspend(wait), "await_suspend");
	e->effects_only = true;
	static struct vbind b = { "this->_lock", "lock", -1 };
	e->binds = &b;
	e->nbinds = 1;
	struct fn_view *keep = fn("keep", "c:@F@keep");
	keep->coroutine = true;
	params(keep, "lock");
	struct vcall *e2 = kid_call(suspend(keep), "await_keep");
	e2->effects_only = true;
	e2->binds = &b;
	e2->nbinds = 1;

	struct fn_view *user = fn("user", "c:@F@user");
	user->coroutine = true;
	struct vcall *to_wait = kid_call(suspend(user), "wait");
	args(to_wait, "this->m");
	struct vcall *to_keep = kid_call(suspend(user), "keep");
	args(to_keep, "this->m");
	struct fn_view *views[] = { as, as_keep, wait, keep, user };
	for (size_t i = 0; i < sizeof(views) / sizeof(*views); i++)
		view_finish(views[i]);
	struct fn_view *list[] = { tu(as, as_keep, wait, keep, user, NULL) };

	struct summary *s = summary_compute(list, 1);
	if (ASSERT(1, e->nlets_go))
		ASSERT_STR("lock", e->lets_go[0]);
	ASSERT(0, e2->nlets_go);
	if (ASSERT(1, to_wait->nquiet_keys))
		ASSERT_STR("this->m", to_wait->quiet_keys[0]);
	ASSERT(0, to_keep->nquiet_keys);
	summary_free(s);
}

int main(void)
{
	arena_init(&A);
	test_direct_and_indirect();
	test_across_units();
	test_shortest_and_cycles();
	test_not_suspending();
	test_conditional();
	test_lock_helpers();
	test_flags();
	test_condition_wait();
	arena_release(&A);
	return test_done("test_summary");
}
