/*
 * test_own.c - ownership effects (own.c), lock pairing (lockpair.c) and
 * the library tables (known.c) on hand-built views, without libclang.
 */
#include "common.h"
#include "arena.h"
#include "diag.h"
#include "flow.h"
#include "lifetime.h"
#include "known.h"
#include "lockpair.h"
#include "own.h"
#include "test.h"
#include "view.h"

#include <string.h>

static struct arena A;
static struct fn_view *F;

static void begin(void)
{
	F = arena_alloc(&A, sizeof(*F));
	F->arena = &A;
	F->name = "f";
	F->body = view_new_node(&A, V_SEQ);
}

static int var(const char *name)
{
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = name;
	v.kind = VAR_LOCAL;
	return view_add_var(&A, F, &v);
}

/* A call named 'name' / 'method' on 'obj' with arguments naming 'args'. */
static struct vnode *call(const char *name, const char *method, bool member,
			  int obj, int nargs, const int *args,
			  const unsigned char *flags, bool hidden)
{
	struct vnode *n = view_new_node(&A, V_CALL);
	n->call = arena_alloc(&A, sizeof(*n->call));
	n->call->name = name;
	n->call->hidden = hidden;
	struct vown *o = arena_alloc(&A, sizeof(*o));
	o->name = name;
	o->method = method;
	o->member = member;
	o->obj = obj;
	o->nargs = nargs;
	o->args = arena_alloc(&A, (size_t)nargs * sizeof(int) + 1);
	o->flags = arena_alloc(&A, (size_t)nargs + 1);
	for (int i = 0; i < nargs; i++) {
		o->args[i] = args[i];
		o->flags[i] = flags ? flags[i] : 0;
	}
	n->call->own = o;
	view_add_kid(&A, F->body, n);
	return n;
}

/* The kinds of the body's kids, one letter each: c(all) e(vent) d(ecl). */
static const char *shape(void)
{
	static char buf[64];
	size_t k = 0;
	for (size_t i = 0; i < F->body->nkids && k + 1 < sizeof(buf); i++) {
		enum vnode_kind kind = F->body->kids[i]->kind;
		buf[k++] = kind == V_CALL ? 'c' : kind == V_EVENT ? 'e'
			 : kind == V_DECL ? 'd' : '?';
	}
	buf[k] = '\0';
	return buf;
}

static const struct vnode *kid(size_t i)
{
	return i < F->body->nkids ? F->body->kids[i] : NULL;
}

static void test_member_effects(void)
{
	begin();
	int lk = var("lk"), other = var("other");
	call("std::unique_lock::unlock", "unlock", true, lk, 0, NULL, NULL, true);
	call("std::unique_lock::lock", "lock", true, lk, 0, NULL, NULL, false);
	call("X::size", "size", true, lk, 0, NULL, NULL, true);
	int a0[] = { -1 };
	unsigned char empty[] = { ARG_EMPTY };
	call("std::unique_ptr::reset", "reset", true, lk, 1, a0, empty, true);
	call("std::unique_ptr::reset", "reset", true, lk, 1, a0, NULL, true);
	int a1[] = { other };
	call("std::unique_lock::swap", "swap", true, lk, 1, a1, NULL, true);
	call("std::unique_lock::~unique_lock", "~", true, lk, 0, NULL, NULL, true);
	own_apply(F);
	/* hidden calls go, the visible one stays; the unknown method does nothing */
	ASSERT_STR("eceeeee", shape());
	ASSERT(EV_RELEASE, kid(0)->ev);
	ASSERT(lk, kid(0)->var);
	ASSERT(EV_ACQUIRE, kid(2)->ev);
	ASSERT(EV_RELEASE, kid(3)->ev); /* reset(nullptr) */
	ASSERT(EV_ACQUIRE, kid(4)->ev); /* reset(p) */
	ASSERT(EV_SWAP, kid(5)->ev);
	ASSERT(other, kid(5)->var2);
	ASSERT(EV_RELEASE, kid(6)->ev); /* an explicit destructor call */
}

static void test_function_effects(void)
{
	begin();
	int a = var("a"), b = var("b"), p = var("p");
	int args_a[] = { a }, args_ab[] = { a, b }, args_p[] = { p };
	unsigned char unary[] = { ARG_UNARY };
	call("std::move", "move", false, -1, 1, args_a, NULL, true);
	struct vnode *done = call("std::move", "move", false, -1, 1, args_a,
				  NULL, true);
	done->call->own->move_done = true; /* already a move event */
	call("std::swap", "swap", false, -1, 2, args_ab, NULL, true);
	call("std::lock", "lock", false, -1, 2, args_ab, NULL, true);
	call("g_steal_pointer", "g_steal_pointer", false, -1, 1, args_p, unary,
	     false);
	/* &p is not p for anything but the pointer stealers */
	call("std::move", "move", false, -1, 1, args_p, unary, true);
	own_apply(F);
	ASSERT_STR("eeeece", shape());
	ASSERT(EV_RELEASE, kid(0)->ev);
	ASSERT(a, kid(0)->var);
	ASSERT(EV_SWAP, kid(1)->ev);
	ASSERT(EV_ACQUIRE, kid(2)->ev);
	ASSERT(a, kid(2)->var);
	ASSERT(EV_ACQUIRE, kid(3)->ev);
	ASSERT(b, kid(3)->var);
	ASSERT(V_CALL, kid(4)->kind); /* g_steal_pointer itself */
	ASSERT(EV_RELEASE, kid(5)->ev);
	ASSERT(p, kid(5)->var);
}

static void test_swap_on_untracked(void)
{
	begin();
	int g = var("g");
	int args[] = { g };
	struct vnode *c = call("T::swap", "swap", true, -1, 1, args, NULL, true);
	c->call->own->obj_empty = true; /* T().swap(g) */
	call("T::swap", "swap", true, -1, 1, args, NULL, true); /* full.swap(g) */
	own_apply(F);
	ASSERT_STR("ee", shape());
	ASSERT(EV_RELEASE, kid(0)->ev);
	ASSERT(EV_ACQUIRE, kid(1)->ev);
}

/* A lock variable acquired by a V_DECL, as walk_lock.c makes it. */
static struct vnode *acquire(const char *key)
{
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = key;
	v.lock_key = key;
	v.matched = "pthread_mutex_lock";
	v.kind = VAR_LOCK;
	int i = view_add_var(&A, F, &v);
	struct vnode *d = view_new_node(&A, V_DECL);
	d->var = i;
	view_add_kid(&A, F->body, d);
	return d;
}

static void release(const char *key)
{
	struct vnode *n = view_new_node(&A, V_UNLOCK);
	struct vlock *l = arena_alloc(&A, sizeof(*l));
	l->key = key;
	n->lock = l;
	view_add_kid(&A, F->body, n);
}

/* A suspension: a configured call. */
static struct vnode *yield(struct vnode *into)
{
	struct vnode *n = view_new_node(&A, V_CALL);
	n->call = arena_alloc(&A, sizeof(*n->call));
	n->call->name = "aco_yield";
	n->call->configured = n->call->suspends = true;
	view_add_kid(&A, into, n);
	return n;
}

/* Findings of F after numbering, flow and lifetime. */
static size_t findings(void)
{
	struct flow f;
	struct diag_list l;
	for (size_t i = 0; i < F->nvars; i++) {
		F->vars[i].from = NULL;
		F->vars[i].scope = F->body;
	}
	view_finish(F);
	diag_list_init(&l);
	flow_build(&f, F);
	size_t n = lifetime_check(F, &f, &l);
	flow_release(&f);
	diag_list_release(&l);
	return n;
}

/*
 * lock; while (c) { unlock; yield; lock; } unlock: the unlock at the top
 * of the body ends the lock taken at its bottom, through the back edge.
 */
static void test_unlock_through_back_edge(bool yield_after_relock)
{
	begin();
	acquire("mu");
	struct vnode *loop = view_new_node(&A, V_LOOP);
	loop->a = view_new_node(&A, V_SEQ);
	loop->b = view_new_node(&A, V_SEQ);
	view_add_kid(&A, F->body, loop);
	struct vnode *saved = F->body;
	F->body = loop->b;
	release("mu");
	yield(loop->b);
	acquire("mu");
	if (yield_after_relock)
		yield(loop->b);
	F->body = saved;
	release("mu");
	ASSERT(yield_after_relock ? 1 : 0, findings());
}

/*
 * lk; if (c) lk.unlock(); if (c) co_await: correlated, nothing held;
 * with the second if on !c, or on an untracked condition, held.
 */
static void test_correlated_ifs(int second_cond, bool second_neg,
				size_t expected)
{
	begin();
	F->nconds = 1;
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = "lk";
	v.matched = "std::unique_lock";
	v.kind = VAR_PARAM; /* owned from entry */
	view_add_var(&A, F, &v);
	struct vnode *if1 = view_new_node(&A, V_IF);
	if1->cond = 0;
	if1->a = view_new_node(&A, V_SEQ);
	if1->b = view_new_node(&A, V_SEQ);
	struct vnode *rel = view_new_node(&A, V_EVENT);
	rel->ev = EV_RELEASE;
	rel->var = 0;
	view_add_kid(&A, if1->b, rel);
	struct vnode *if2 = view_new_node(&A, V_IF);
	if2->cond = second_cond;
	if2->cond_neg = second_neg;
	if2->a = view_new_node(&A, V_SEQ);
	if2->b = view_new_node(&A, V_SEQ);
	view_add_kid(&A, if2->b, view_new_node(&A, V_SUSPEND));
	view_add_kid(&A, F->body, if1);
	view_add_kid(&A, F->body, if2);
	ASSERT(expected, findings());
}

/* Lock helpers through lockpair_helpers(): an acquiring helper's call. */
static struct lock_effect helper_effect;
static const struct lock_effect *effects(void *data, const char *usr,
					 size_t *n)
{
	(void)data;
	*n = usr && !strcmp(usr, "c:@F@lock_queue") ? 1 : 0;
	return *n ? &helper_effect : NULL;
}

static void test_lockpair_helpers(void)
{
	static struct vlock l = { "q->mu", true, "pthread_mutex_lock", NULL,
				  "pthread_mutex_t" };
	helper_effect = (struct lock_effect){ true, 0, "->mu", &l };
	begin();
	struct vnode *c = view_new_node(&A, V_CALL);
	c->call = arena_alloc(&A, sizeof(*c->call));
	c->call->name = "lock_queue";
	c->call->usr = "c:@F@lock_queue";
	c->call->nargs = 1;
	c->call->arg_keys = arena_alloc(&A, sizeof(*c->call->arg_keys));
	c->call->arg_keys[0] = "&g";
	view_add_kid(&A, F->body, c);
	/* a second call, in a cleanup variable's initializer: scoped */
	struct vnode *scope = view_new_node(&A, V_SEQ);
	struct vnode *c2 = view_new_node(&A, V_CALL);
	*(c2->call = arena_alloc(&A, sizeof(*c2->call))) = *c->call;
	c2->call->scope = scope;
	view_add_kid(&A, scope, c2);
	view_add_kid(&A, F->body, scope);
	view_finish(F);
	lockpair_helpers(F, true, effects, NULL);
	if (!ASSERT(2, F->nvars))
		return;
	ASSERT_STR("g.mu", F->vars[0].name);
	ASSERT(1, c->call->acquires);
	ASSERT(VAR_LOCK, F->vars[0].kind);
	ASSERT(0, F->vars[0].lo);
	ASSERT(F->body->post, F->vars[0].hi);
	ASSERT(2, c2->call->acquires);
	ASSERT(VAR_LOCAL, F->vars[1].kind);
	ASSERT(c2->post, F->vars[1].lo);
	ASSERT(scope->post, F->vars[1].hi);
}

static void test_known(void)
{
	bool empty = false;
	ASSERT(KNOWN_MOVE, known_function("std::move"));
	ASSERT(KNOWN_STEAL, known_function("g_clear_pointer"));
	ASSERT(KNOWN_NONE, known_function("std::moved"));
	ASSERT(METHOD_RELEASE, known_method("unlock"));
	ASSERT(METHOD_RELEASE, known_method("~"));
	ASSERT(METHOD_ACQUIRE, known_method("try_lock_for"));
	ASSERT(METHOD_RESET, known_method("reset"));
	ASSERT(METHOD_NONE, known_method("owns_lock"));
	ASSERT_TRUE(known_wrapper("std::optional", &empty) && empty);
	ASSERT_TRUE(known_wrapper("std::tuple", &empty) && !empty);
	ASSERT_TRUE(!known_wrapper("std::vector", &empty));
	ASSERT_TRUE(known_empty_able_lock("std::unique_lock"));
	ASSERT_TRUE(!known_empty_able_lock("std::lock_guard"));
	ASSERT_TRUE(known_std_lock("std::scoped_lock"));
	ASSERT_TRUE(known_defer_tag("std::defer_lock_t"));
	ASSERT_TRUE(known_empty_constant("std::nullopt"));
}

int main(void)
{
	arena_init(&A);
	test_member_effects();
	test_function_effects();
	test_swap_on_untracked();
	test_unlock_through_back_edge(false);
	test_unlock_through_back_edge(true);
	test_correlated_ifs(0, false, 0);
	test_correlated_ifs(0, true, 1);
	test_correlated_ifs(-1, false, 1);
	test_lockpair_helpers();
	test_known();
	arena_release(&A);
	return test_done("test_own");
}
