/*
 * lockpair.c - lock-functions pairing on the view (lockpair.h).
 */
#include "common.h"
#include "lockpair.h"
#include "arena.h"
#include "util.h"
#include "view.h"

#include <string.h>

const char *lockpair_key(struct arena *a, const char *arg, const char *suffix)
{
	if (arg[0] == '&') { /* q->mu with q = &x is x.mu */
		if (!strncmp(suffix, "->", 2))
			return arena_printf(a, "%s.%s", arg + 1, suffix + 2);
		return arena_printf(a, "%s%s", arg + 1, suffix);
	}
	return arena_printf(a, "%s%s", arg, suffix);
}

static void apply_call(struct fn_view *fn, struct vnode *n, bool acquire,
		       lock_effects_fn effects, void *data)
{
	size_t ne = 0;
	const struct lock_effect *e = effects(data, n->call->usr, &ne);
	for (size_t k = 0; k < ne; k++) {
		const struct lock_effect *le = &e[k];
		if (le->acquire != acquire || le->param >= n->call->nargs ||
		    !n->call->arg_keys[le->param])
			continue;
		const char *key = lockpair_key(fn->arena,
					     n->call->arg_keys[le->param],
					     le->suffix);
		if (acquire) {
			if (n->call->in_guard)
				continue; /* the cleanup guard stands for it */
			struct vvar lv;
			memset(&lv, 0, sizeof(lv));
			lv.name = key;
			lv.lock_key = key;
			lv.loc = n->loc;
			lv.type = le->lock->type;
			lv.matched = le->lock->matched;
			lv.reason = le->lock->reason;
			/* released by a cleanup at its scope's end, or never */
			lv.kind = n->call->scope ? VAR_LOCAL : VAR_LOCK;
			lv.from = n->call->scope ? n : NULL;
			lv.scope = n->call->scope ? n->call->scope : fn->body;
			lv.lo = lv.from ? lv.from->post : 0;
			lv.hi = lv.scope->post;
			n->call->acquires = view_add_var(fn->arena, fn, &lv) + 1;
		} else {
			for (size_t v = 0; v < fn->nvars; v++) {
				if (fn->vars[v].kind != VAR_LOCK ||
				    strcmp(fn->vars[v].name, key))
					continue;
				ARENA_GROW(fn->arena, n->call->releases,
					   n->call->nreleases + 1,
					   n->call->cap_releases);
				n->call->releases[n->call->nreleases++] = (int)v;
			}
		}
	}
}

static void apply(struct fn_view *fn, struct vnode *n, bool acquire,
		  lock_effects_fn effects, void *data)
{
	if (!n)
		return;
	if (n->kind == V_CALL && n->call && n->call->usr && n->call->arg_keys)
		apply_call(fn, n, acquire, effects, data);
	apply(fn, n->a, acquire, effects, data);
	apply(fn, n->b, acquire, effects, data);
	apply(fn, n->c, acquire, effects, data);
	for (size_t i = 0; i < n->nkids; i++)
		apply(fn, n->kids[i], acquire, effects, data);
}

void lockpair_helpers(struct fn_view *fn, bool acquire, lock_effects_fn effects,
		      void *data)
{
	apply(fn, fn->body, acquire, effects, data);
}

/* Is 'key' locked or unlocked by a lock-functions call in 'fn'? */
static bool has_lock_event(const struct fn_view *fn, const char *key)
{
	for (size_t i = 0; i < fn->nlocks; i++)
		if (!strcmp(fn->locks[i].key, key))
			return true;
	return false;
}

/* The lock a cleanup guard's initializer 'd' hands to its constructor. */
static const char *guard_lock(const struct fn_view *fn, const struct vnode *d)
{
	for (size_t i = 0; i < d->nkids; i++) {
		const struct vnode *k = d->kids[i];
		if (k->kind != V_CALL || !k->call || !k->call->nargs ||
		    !k->call->arg_keys || !k->call->arg_keys[0])
			continue;
		const char *key = k->call->arg_keys[0];
		if (key[0] == '&')
			key++;
		if (has_lock_event(fn, key))
			return key;
	}
	return NULL;
}

static void find_guards(struct fn_view *fn, const struct vnode *n)
{
	if (!n)
		return;
	if (n->kind == V_DECL && n->var >= 0 &&
	    fn->vars[n->var].cleanup_guard && !fn->vars[n->var].lock_key)
		fn->vars[n->var].lock_key = guard_lock(fn, n);
	find_guards(fn, n->a);
	find_guards(fn, n->b);
	find_guards(fn, n->c);
	for (size_t i = 0; i < n->nkids; i++)
		find_guards(fn, n->kids[i]);
}

/* A lock taken at 'd' inside a cleanup guard of the same lock ends with it. */
static void end_relocks(struct fn_view *fn, const struct vnode *n)
{
	if (!n)
		return;
	if (n->kind == V_DECL && n->var >= 0 &&
	    fn->vars[n->var].kind == VAR_LOCK) {
		struct vvar *l = &fn->vars[n->var];
		for (size_t g = 0; g < fn->nvars; g++) {
			const struct vvar *gv = &fn->vars[g];
			if (!gv->cleanup_guard || !gv->lock_key ||
			    strcmp(gv->lock_key, l->lock_key) ||
			    n->post < gv->lo || n->post > gv->hi)
				continue;
			l->kind = VAR_LOCAL;
			l->hi = gv->hi;
		}
	}
	end_relocks(fn, n->a);
	end_relocks(fn, n->b);
	end_relocks(fn, n->c);
	for (size_t i = 0; i < n->nkids; i++)
		end_relocks(fn, n->kids[i]);
}

void lockpair_guards(struct fn_view *fn)
{
	if (!fn->nlocks)
		return;
	find_guards(fn, fn->body);
	end_relocks(fn, fn->body);
}
