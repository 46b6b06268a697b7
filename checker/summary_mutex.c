/*
 * summary_mutex.c - mutexes handed to awaiters and coroutines
 * (walk_mutex.c): the members an await_suspend lets go, applied at the
 * awaiters bound to the caller's mutex or guard, and the coroutines that
 * let a mutex parameter go around every suspension of their own (a
 * condition wait), applied at the co_awaits of them.
 */
#include "common.h"
#include "summary_p.h"
#include "arena.h"
#include "flow.h"
#include "lifetime.h"
#include "lockpair.h"
#include "rules.h"
#include "strmap.h"
#include "util.h"
#include "view.h"

#include <stdlib.h>
#include <string.h>

/* The distinct lock keys a function lets go of, in a growable list. */
struct keys {
	const char **k;
	size_t n, cap;
};

static void add_key(struct keys *ks, const char *key)
{
	for (size_t i = 0; i < ks->n; i++)
		if (!strcmp(ks->k[i], key))
			return;
	ARRAY_GROW(ks->k, ks->n + 1, ks->cap);
	ks->k[ks->n++] = key;
}

/*
 * Keys under 'n' that something lets go of: a release, an await_suspend
 * that releases a mutex it was given, a coroutine awaited that lets it
 * go around its suspensions.
 */
static void released_keys(const struct vnode *n, struct keys *ks)
{
	if (!n)
		return;
	if (n->kind == V_UNLOCK && !flag_node(n, true) && !flag_node(n, false))
		add_key(ks, n->lock->key);
	if (n->kind == V_CALL && n->call) {
		for (size_t i = 0; i < n->call->nlets_go; i++)
			add_key(ks, n->call->lets_go[i]);
		for (size_t i = 0; i < n->call->nquiet_keys; i++)
			add_key(ks, n->call->quiet_keys[i]);
	}
	released_keys(n->a, ks);
	released_keys(n->b, ks);
	released_keys(n->c, ks);
	for (size_t i = 0; i < n->nkids; i++)
		released_keys(n->kids[i], ks);
}

/*
 * The members of 'this' ("this->_lock") that a method releases wherever
 * it returns: an await_suspend that adopts its mutex member in a
 * std::unique_lock and lets the lock end.
 */
static void member_lets_go(struct fninfo *f, struct fn_view *fn)
{
	struct keys ks = { NULL, 0, 0 };
	struct flow fl;
	bool built = false;
	released_keys(fn->body, &ks);
	for (size_t i = 0; i < ks.n; i++) {
		if (strncmp(ks.k[i], "this->", 6))
			continue;
		if (!built)
			flow_build(&fl, fn);
		built = true;
		int var = key_var(fn, ks.k[i], -1);
		bool at_exit, at_susp;
		lifetime_follow_key(fn, &fl, var, &at_exit, &at_susp);
		fn->nvars--;
		if (at_exit)
			continue;
		f->lets_go = xrealloc(f->lets_go, (f->nlets_go + 1) *
						  sizeof(*f->lets_go));
		f->lets_go[f->nlets_go++] = ks.k[i];
	}
	if (built)
		flow_release(&fl);
	free(ks.k);
}

static void add_arena_key(struct fn_view *fn, const char ***keys, size_t *n,
			  size_t *cap, const char *key)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*keys)[i], key))
			return;
	ARENA_GROW(fn->arena, *keys, *n + 1, *cap);
	(*keys)[(*n)++] = key;
}

/* Is 'key' the member 'm', or something of it ("this->lk.m_mutex")? */
static bool of_member(const char *key, const char *m)
{
	size_t n = strlen(m);
	return !strncmp(key, m, n) &&
	       (!key[n] || key[n] == '.' || !strncmp(key + n, "->", 2));
}

/*
 * An awaiter's await_suspend that lets go a member bound to the
 * caller's mutex lets that mutex go (vcall.lets_go).  One that lets go
 * (the mutex of) a reference member bound to the caller's guard lets the
 * guard go while the caller is suspended: not held there (vcall.quiet;
 * whoever resumes the caller takes it again, as a condition wait does).
 */
static void apply_lets_go(struct vnode *n, struct visit *v)
{
	struct vcall *c = n->call;
	if (!c->nbinds || !c->usr)
		return;
	struct strmap_slot *slot = strmap_find(&v->s->fns, c->usr, false);
	const struct fninfo *f = slot ? slot->val : NULL;
	for (size_t i = 0; f && i < c->nbinds; i++) {
		const struct vbind *b = &c->binds[i];
		bool lets_go = false;
		for (size_t k = 0; k < f->nlets_go && !lets_go; k++)
			lets_go = b->key ? !strcmp(f->lets_go[k], b->member)
					 : of_member(f->lets_go[k], b->member);
		if (!lets_go)
			continue;
		if (b->key) {
			add_arena_key(v->fn, &c->lets_go, &c->nlets_go,
				      &c->cap_lets_go, b->key);
		} else if (b->var >= 0 && (size_t)b->var < v->fn->nvars) {
			ARENA_GROW(v->fn->arena, c->quiet, c->nquiet + 1,
				   c->cap_quiet);
			c->quiet[c->nquiet++] = b->var;
		}
	}
}

/*
 * A coroutine given a mutex by reference that lets it go before each of
 * its suspensions and takes it again after (a condition wait): the
 * quiet list of 'f', by parameter.  Returns true when it grew.
 */
static bool coro_quiet(struct fninfo *f, struct fn_view *fn)
{
	struct keys ks = { NULL, 0, 0 };
	struct flow fl;
	bool built = false, grew = false;
	released_keys(fn->body, &ks);
	for (size_t i = 0; i < ks.n; i++) {
		const char *rest;
		int p = param_of_key(fn, ks.k[i], &rest);
		bool dup = false;
		for (size_t k = 0; k < f->nquiet && !dup; k++)
			dup = f->quiet[k].param == (size_t)p &&
			      !strcmp(f->quiet[k].suffix, rest);
		if (p < 0 || dup)
			continue;
		if (!built)
			flow_build(&fl, fn);
		built = true;
		int var = key_var(fn, ks.k[i], p);
		bool at_exit, at_susp;
		lifetime_follow_key(fn, &fl, var, &at_exit, &at_susp);
		fn->nvars--;
		if (at_susp)
			continue;
		f->quiet = xrealloc(f->quiet, (f->nquiet + 1) * sizeof(*f->quiet));
		f->quiet[f->nquiet++] = (struct lock_effect){ false, (size_t)p,
							      rest, NULL };
		grew = true;
	}
	if (built)
		flow_release(&fl);
	free(ks.k);
	return grew;
}

/* A co_await of such a coroutine: the mutexes it lets go, by key. */
static void apply_coro_quiet(struct vnode *n, struct visit *v)
{
	struct vcall *c = n->call;
	if (c->effects_only || !c->usr || !c->arg_keys)
		return;
	struct strmap_slot *slot = strmap_find(&v->s->fns, c->usr, false);
	const struct fninfo *f = slot ? slot->val : NULL;
	for (size_t q = 0; f && f->coro && q < f->nquiet; q++) {
		const struct lock_effect *le = &f->quiet[q];
		if (le->param < c->nargs && c->arg_keys[le->param])
			add_arena_key(v->fn, &c->quiet_keys, &c->nquiet_keys,
				      &c->cap_quiet_keys,
				      lockpair_key(v->fn->arena,
						   c->arg_keys[le->param],
						   le->suffix));
	}
}

/* Only the calls a co_await awaits directly. */
static void each_awaited_call(struct vnode *n, struct visit *v)
{
	if (!n)
		return;
	if (n->kind == V_SUSPEND)
		for (size_t i = 0; i < n->nkids; i++)
			if (n->kids[i]->kind == V_CALL && n->kids[i]->call)
				apply_coro_quiet(n->kids[i], v);
	each_awaited_call(n->a, v);
	each_awaited_call(n->b, v);
	each_awaited_call(n->c, v);
	for (size_t i = 0; i < n->nkids; i++)
		each_awaited_call(n->kids[i], v);
}

/*
 * Mutexes handed over: methods that let a member go (await_suspend),
 * applied at the awaiters bound to the caller's mutexes; then, to a
 * fixed point (bounded: a longer chain keeps the guard held), the
 * coroutines that let a mutex parameter go around their suspensions,
 * applied at the co_awaits of them.
 */
void mutex_summaries(struct summary *s, struct fn_view *const *fns, size_t n)
{
	bool any = false;
	for (size_t i = 0; i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next) {
			if (!fn->usr || !*fn->usr || fn->coroutine)
				continue;
			struct strmap_slot *slot = strmap_find(&s->fns, fn->usr,
							       false);
			struct fninfo *f = slot ? slot->val : NULL;
			if (f && !f->nlets_go)
				member_lets_go(f, fn);
			any |= f && f->nlets_go;
		}
	for (size_t i = 0; any && i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
			each_call(fn->body, apply_lets_go,
				  &(struct visit){ .s = s, .fn = fn });
	for (int round = 0; round < 8; round++) {
		bool grew = false;
		for (size_t i = 0; i < n; i++)
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next) {
				if (!fn->usr || !*fn->usr || !fn->coroutine ||
				    !fn->nparams)
					continue;
				struct fninfo *f = fn_info(s, fn->usr, fn->name);
				f->coro = true;
				grew |= coro_quiet(f, fn);
			}
		if (!grew)
			return;
		for (size_t i = 0; i < n; i++)
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
				each_awaited_call(fn->body,
						  &(struct visit){ .s = s, .fn = fn });
	}
}

