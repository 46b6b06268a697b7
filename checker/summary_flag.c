/*
 * summary_flag.c - flags that decide at run time whether a call sleeps
 * (walk_flag.c): which functions raise or lower a flag of their
 * argument on every path (flag helpers), where a flag may be down, and
 * whether a call's condition (an unless-arg argument, a flag) holds in
 * the contexts its callers make.
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

bool flag_node(const struct vnode *n, bool raise)
{
	return n->kind == V_UNLOCK && n->lock->type &&
	       !strcmp(n->lock->type, "flag") && n->lock->acquire == raise;
}

/* The caller's key of argument 'i' of 'c', or NULL. */
static const char *arg_key(const struct vcall *c, size_t i)
{
	if (c->arg_keys && i < c->nargs && c->arg_keys[i])
		return c->arg_keys[i];
	return i < c->nvargs ? c->args[i].text : NULL;
}

/* Does node 'n' raise (or lower) flag 'key' of its function? */
static bool sets_flag(struct summary *s, const struct vnode *n,
		      const char *key, bool raise, struct arena *a)
{
	if (flag_node(n, raise))
		return !strcmp(n->lock->key, key);
	if (n->kind != V_CALL || !n->call || !n->call->usr)
		return false;
	struct strmap_slot *slot = strmap_find(&s->fns, n->call->usr, false);
	const struct fninfo *f = slot ? slot->val : NULL;
	for (size_t i = 0; f && i < f->nflags; i++) {
		const char *k = f->flags[i].raise == raise
					? arg_key(n->call, f->flags[i].param)
					: NULL;
		if (k && !strcmp(lockpair_key(a, k, f->flags[i].suffix), key))
			return true;
	}
	return false;
}

static bool subtree_raises(struct summary *s, const struct vnode *n,
			   const char *key, struct arena *a)
{
	if (!n)
		return false;
	if (sets_flag(s, n, key, true, a))
		return true;
	if (subtree_raises(s, n->a, key, a) || subtree_raises(s, n->b, key, a) ||
	    subtree_raises(s, n->c, key, a))
		return true;
	for (size_t i = 0; i < n->nkids; i++)
		if (subtree_raises(s, n->kids[i], key, a))
			return true;
	return false;
}

/*
 * The cleanup variables whose initializer raises flag 'key' (the
 * initializer is walked just before the declaration, or under it):
 * 'raising[var]' for each.
 */
static void raising_guards(struct summary *s, const struct fn_view *fn,
			   const struct vnode *n, const bool *cleans,
			   const char *key, bool *raising)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nkids; i++) {
		const struct vnode *k = n->kids[i];
		if (k->kind == V_DECL && k->var >= 0 && cleans[k->var] &&
		    (subtree_raises(s, k, key, fn->arena) ||
		     (i && subtree_raises(s, n->kids[i - 1], key, fn->arena))))
			raising[k->var] = true;
		raising_guards(s, fn, k, cleans, key, raising);
	}
	raising_guards(s, fn, n->a, cleans, key, raising);
	raising_guards(s, fn, n->b, cleans, key, raising);
	raising_guards(s, fn, n->c, cleans, key, raising);
}

/*
 * May flag 'key' be down at node 'at' of 'fn' (at the exit, 'at' NULL)?
 * It is down at entry, after a lower (a node, a helper), and after the
 * scope of a cleanup guard whose initializer raised it
 * (guard(printbuf_atomic)(out)); a raise stops a path.
 */
static bool flag_may_be_down(struct summary *s, struct fn_view *fn,
			     const struct vnode *at, const char *key)
{
	/* one function's calls are asked about one after another */
	if (s->flow_fn != fn) {
		if (s->flow_fn)
			flow_release(&s->flow);
		flow_build(&s->flow, fn);
		s->flow_fn = fn;
	}
	const struct flow *fl = &s->flow;
	unsigned *stack = xcalloc(fl->npoints + fl->nsucc + 1, sizeof(*stack));
	bool *seen = xcalloc(fl->npoints, sizeof(*seen));
	bool *cleans = xcalloc(fn->nvars + 1, sizeof(*cleans));
	bool *raising = xcalloc(fn->nvars + 1, sizeof(*raising));
	size_t ns = 0;
	stack[ns++] = fl->entry;
	seen[fl->entry] = true;
	for (size_t v = 0; v < fn->nvars; v++)
		cleans[v] = fn->vars[v].cleanup_guard;
	for (size_t p = 0; p < fl->npoints; p++) {
		const struct vnode *n = fl->points[p].node;
		if (n && n->kind == V_CALL && n->call && n->call->cleanup_var > 0 &&
		    (size_t)n->call->cleanup_var <= fn->nvars)
			cleans[n->call->cleanup_var - 1] = true;
	}
	raising_guards(s, fn, fn->body, cleans, key, raising);
	for (size_t p = 0; p < fl->npoints; p++) {
		const struct vnode *n = fl->points[p].node;
		bool seed_after = n && sets_flag(s, n, key, false, fn->arena);
		bool guard_end = n && n->kind == V_DECL && n->var >= 0 &&
				 raising[n->var];
		for (size_t k = 0; k < fl->points[p].nsucc; k++) {
			unsigned q = fl->succ[fl->points[p].succ + k];
			if (seen[q])
				continue;
			if (seed_after) {
				seen[q] = true;
				stack[ns++] = q;
			}
		}
		if (!guard_end)
			continue;
		/* where the guard's region is left: down again */
		const struct vvar *gv = &fn->vars[n->var];
		for (size_t r = 0; r < fl->npoints; r++) {
			if (fl->points[r].num < gv->lo || fl->points[r].num > gv->hi)
				continue;
			for (size_t k = 0; k < fl->points[r].nsucc; k++) {
				unsigned q = fl->succ[fl->points[r].succ + k];
				if (!seen[q] && (fl->points[q].num < gv->lo ||
						 fl->points[q].num > gv->hi)) {
					seen[q] = true;
					stack[ns++] = q;
				}
			}
		}
	}
	bool down = false;
	while (ns && !down) {
		unsigned p = stack[--ns];
		const struct vnode *n = fl->points[p].node;
		if (at ? n == at : p == fl->exit) {
			down = true;
			break;
		}
		if (n && sets_flag(s, n, key, true, fn->arena))
			continue;
		for (size_t k = 0; k < fl->points[p].nsucc; k++) {
			unsigned q = fl->succ[fl->points[p].succ + k];
			if (!seen[q]) {
				seen[q] = true;
				stack[ns++] = q;
			}
		}
	}
	free(stack);
	free(seen);
	free(cleans);
	free(raising);
	return down;
}

/*
 * A call 'c' (node 'n' of 'fn') to 'f', which suspends only under its
 * condition: is that condition met here?  False when the argument is
 * exempt or the flag raised on every path to the call.  Else '*out' is
 * what is left for the caller's own callers to decide (nothing: the
 * call suspends).
 */
bool call_condition(struct summary *s, const struct fninfo *f,
		    const struct vcall *c, const struct vnode *n,
		    struct fn_view *fn, struct cond_sig *out)
{
	*out = (struct cond_sig){ NULL, -1, -1, NULL };
	if (!f->cond && f->flag_param < 0)
		return false;
	if (f->cond) {
		if (arg_exempt(c, f->cond, f->cond_param))
			return false;
		int p = arg_param(c, f->cond_param);
		if (p >= 0) {
			out->u = f->cond;
			out->up = p;
		}
	}
	if (f->flag_param >= 0) {
		const char *k = arg_key(c, (size_t)f->flag_param);
		if (!k || !fn)
			return true; /* unknown: as if down */
		const char *key = lockpair_key(fn->arena, k, f->flag_suffix);
		if (!flag_may_be_down(s, fn, n, key))
			return false; /* raised on every path here */
		out->fp = param_of_key(fn, key, &out->fs);
	}
	return true;
}

/*
 * Flag helpers: a function whose parameter's flag is raised wherever it
 * returns (printbuf_atomic_inc(), and the guard constructor that calls
 * it), or that only lowers one.  Returns true when 'f' changed.
 */
static bool flag_effects(struct summary *s, struct fninfo *f, struct fn_view *fn)
{
	struct fkey { const char *k; bool raise; } *ks = NULL;
	size_t nk = 0, cap = 0;
	/* candidate keys: the flags it sets, named through a parameter */
	struct fn_view *v = fn;
	struct vnode **stack = NULL;
	size_t ns = 0, scap = 0;
	ARRAY_GROW(stack, ns + 1, scap);
	stack[ns++] = v->body;
	while (ns) {
		struct vnode *n = stack[--ns];
		if (!n)
			continue;
		const char *key = NULL;
		bool raise = false;
		if (n->kind == V_UNLOCK && n->lock->type &&
		    !strcmp(n->lock->type, "flag")) {
			key = n->lock->key;
			raise = n->lock->acquire;
		} else if (n->kind == V_CALL && n->call && n->call->usr) {
			struct strmap_slot *sl = strmap_find(&s->fns, n->call->usr, false);
			const struct fninfo *g = sl ? sl->val : NULL;
			for (size_t i = 0; g && g != f && i < g->nflags && !key; i++) {
				const char *a = arg_key(n->call, g->flags[i].param);
				if (a) {
					key = lockpair_key(fn->arena, a, g->flags[i].suffix);
					raise = g->flags[i].raise;
				}
			}
		}
		if (key) {
			ARRAY_GROW(ks, nk + 1, cap);
			ks[nk++] = (struct fkey){ key, raise };
		}
		ARRAY_GROW(stack, ns + 3 + n->nkids, scap);
		stack[ns++] = n->a;
		stack[ns++] = n->b;
		stack[ns++] = n->c;
		for (size_t i = 0; i < n->nkids; i++)
			stack[ns++] = n->kids[i];
	}
	free(stack);
	bool changed = false;
	for (size_t i = 0; i < nk; i++) {
		const char *rest;
		int p = param_of_key(fn, ks[i].k, &rest);
		bool dup = false, lowers = false, raises = false;
		for (size_t j = 0; j < nk; j++) {
			if (strcmp(ks[j].k, ks[i].k))
				continue;
			dup |= j < i;
			lowers |= !ks[j].raise;
			raises |= ks[j].raise;
		}
		for (size_t j = 0; j < f->nflags && !dup; j++)
			dup = f->flags[j].param == (size_t)p &&
			      !strcmp(f->flags[j].suffix, rest);
		if (p < 0 || dup)
			continue;
		bool raise;
		if (raises)
			raise = !flag_may_be_down(s, fn, NULL, ks[i].k);
		else
			raise = false;
		if (raises && !raise)
			continue; /* raised on some paths only */
		if (!raises && !lowers)
			continue;
		f->flags = xrealloc(f->flags, (f->nflags + 1) * sizeof(*f->flags));
		f->flags[f->nflags++] = (struct flag_effect){ (size_t)p, rest, raise };
		changed = true;
	}
	free(ks);
	return changed;
}

/* Flag helpers to a fixed point (bounded: a helper of a helper ...). */
void flag_helpers(struct summary *s, struct fn_view *const *fns, size_t n)
{
	for (int round = 0; round < 4; round++) {
		bool changed = false;
		for (size_t i = 0; i < n; i++)
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next) {
				if (!fn->usr || !*fn->usr || fn->coroutine ||
				    !fn->nparams)
					continue;
				struct strmap_slot *sl = strmap_find(&s->fns, fn->usr,
								     false);
				if (sl && sl->val)
					changed |= flag_effects(s, sl->val, fn);
			}
		if (!changed)
			return;
	}
}

/*
 * Does some caller of 'fn' make the condition 'sig' on fn's parameters
 * hold: pass an argument that is not exempt, or a flag possibly down,
 * directly or through its own callers?  A function without callers in
 * the run leaves it to callers we do not see: no.  Deep chains give up
 * on the cautious side (yes).
 */
bool caller_context(struct summary *s, const struct fn_view *fn,
		    const struct cond_sig *sig, int depth)
{
	struct strmap_slot *slot = fn->usr ? strmap_find(&s->fns, fn->usr, false)
					   : NULL;
	const struct fninfo *g = slot ? slot->val : NULL;
	if (!g)
		return false;
	if (depth > 4)
		return true;
	/* a stand-in for fn with this condition, asked of each caller */
	struct fninfo t = *g;
	t.cond = sig->u;
	t.cond_param = sig->up;
	t.flag_param = sig->fp;
	t.flag_suffix = sig->fs;
	for (size_t k = 0; k < g->ncallers; k++) {
		const struct edge *e = &g->callers[k];
		struct cond_sig left;
		if (e->fn && e->fn != fn &&
		    call_condition(s, &t, e->call, e->node, e->fn, &left) &&
		    ((!left.u && left.fp < 0) ||
		     caller_context(s, e->fn, &left, depth + 1)))
			return true;
	}
	return false;
}

/*
 * A configured call of 'fn' that suspends only under a condition on
 * fn's parameter ('c': "kmalloc(n, gfp)", a call made while a flag of a
 * parameter is down): does some caller of fn make it hold?
 */
bool site_context(struct summary *s, const struct fn_view *fn,
		  const struct vcall *c)
{
	struct cond_sig sig = { c->unless, c->unless_param, -1, NULL };
	if (c->flag_down)
		sig.fp = param_of_key(fn, c->flag_down, &sig.fs);
	if (c->flag_down && sig.fp < 0)
		return true; /* a local's flag: not followed */
	return caller_context(s, fn, &sig, 0);
}

