/*
 * summary.c - may-suspend and lock-helper summaries over the call graph
 * (summary.h).
 *
 * May-suspend: reverse reachability from the functions that suspend
 * directly, walking callers.  Each function records the callee through
 * which it was first reached, which gives the shortest chain for the note.
 *
 * Conditional suspension (unless-arg, rules.h): a function whose only
 * suspensions are configured calls whose tested argument is one of its
 * parameters ("kvmalloc(bytes, gfp)") suspends unless that parameter is
 * exempt at its call.  Its callers are judged at each call by the
 * argument there: exempt as written, nothing; their own parameter,
 * conditional in turn; anything else, they suspend.  A function's state
 * only rises (none, conditional, suspends), so each is revisited at most
 * twice and the pass stays linear in the calls.
 * Lock helpers: from each function's own lock-functions events; applied
 * at every call to it by lockpair_helpers() (lockpair.c).
 */
#include "common.h"
#include "summary.h"
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

struct fninfo {
	const char *usr;
	const char *name;
	struct lock_effect *effects; /* a lock helper's, or NULL */
	size_t neffects;
	bool defined;          /* a non-coroutine definition was seen */
	bool suspends;         /* may suspend */
	const struct rule_unless *cond; /* else: suspends unless the argument
				  for parameter 'cond_param' is exempt */
	int cond_param;
	int flag_param;        /* and/or: suspends only while the flag
				  'flag_suffix' of the argument for this
				  parameter is down ("->atomic"); -1: none */
	const char *flag_suffix;
	struct flag_effect *flags; /* a flag helper's: what it does to flags
				      named through its parameters */
	size_t nflags;
	const char *via_name;  /* next hop: callee name, or the suspend point */
	struct fninfo *via;    /* next hop function, NULL at the leaf */
	struct edge *callers;  /* the calls to this function */
	size_t ncallers, cap_callers;
	struct fn_view **views; /* its definitions' views (first_hops()) */
	size_t nviews, cap_views;
	char *hops;            /* first_hops(): malloc'd, or NULL */
	bool hops_done;
	bool *ends_param;      /* per parameter: a guard passed by reference
				  owns nothing when it returns */
	size_t nends_param;
	bool ends_this;        /* the guard members of 'this' own nothing
				  when it returns */
	struct lock_effect *quiet; /* locks named through a parameter that
				      every suspension inside happens
				      without (released before, taken again
				      after: down(), a condition wait) */
	size_t nquiet;
	bool coro;             /* a coroutine: 'quiet' holds at the co_awaits
				  of it (coro_quiet()) */
	const char **lets_go;  /* members ("this->m") of the object it runs
				  on that it releases wherever it returns */
	size_t nlets_go;
};

/* A call: from function 'caller' (by USR), the call node's data. */
struct edge {
	const char *caller;
	const struct vcall *call;
	const struct vnode *node;
	struct fn_view *fn;    /* the caller's view */
};

/* What a flag helper does to a flag of its argument (walk_flag.c). */
struct flag_effect {
	size_t param;
	const char *suffix;   /* "->atomic" */
	bool raise;           /* raises it (else lowers it) wherever it returns */
};

/* What a function's suspension is conditional on (see rise()). */
struct cond_sig {
	const struct rule_unless *u; /* unless-arg on parameter 'up' */
	int up;
	int fp;                      /* flag 'fs' of parameter 'fp' down */
	const char *fs;
};

struct summary {
	struct strmap fns;     /* usr -> struct fninfo */
	struct fninfo **all;
	size_t nall, cap_all;
};

static struct fninfo *info(struct summary *s, const char *usr,
			   const char *name)
{
	struct strmap_slot *slot = strmap_find(&s->fns, usr, true);
	if (!slot->val) {
		struct fninfo *f = xcalloc(1, sizeof(*f));
		f->usr = usr;
		f->name = name;
		f->flag_param = -1;
		slot->val = f;
		ARRAY_GROW(s->all, s->nall + 1, s->cap_all);
		s->all[s->nall++] = f;
	}
	return slot->val;
}

/* What the visitors of each_call() see besides the call. */
struct visit {
	struct summary *s;
	struct fn_view *fn;
	const struct vcall *direct; /* note_call(): the first suspending call */
	const struct vcall *cond;   /* ... the first conditional one */
	struct cond_sig sig;        /* ... its condition */
	bool cond_mixed;            /* ... and one with another condition */
	void *data;                 /* the visitor's own */
};

/* Call fn(call, v) for every V_CALL node under 'n'. */
static void each_call(struct vnode *n, void (*fn)(struct vnode *, struct visit *),
		      struct visit *v)
{
	if (!n)
		return;
	if (n->kind == V_CALL && n->call)
		fn(n, v);
	each_call(n->a, fn, v);
	each_call(n->b, fn, v);
	each_call(n->c, fn, v);
	for (size_t i = 0; i < n->nkids; i++)
		each_call(n->kids[i], fn, v);
}

/* Do two conditions exempt the same names (two entries, one list)? */
static bool same_names(const struct rule_unless *a, const struct rule_unless *b)
{
	if (a == b)
		return true;
	if (!a || !b || a->nnames != b->nnames)
		return false;
	for (size_t i = 0; i < a->nnames; i++)
		if (strcmp(a->names[i], b->names[i]))
			return false;
	return true;
}

static int param_of_key(const struct fn_view *fn, const char *key,
			const char **rest);

static bool same_sig(const struct cond_sig *a, const struct cond_sig *b)
{
	return same_names(a->u, b->u) && (!a->u || a->up == b->up) &&
	       a->fp == b->fp && (a->fp < 0 || !strcmp(a->fs, b->fs));
}

/* What 'f' is conditional on now (nothing: u NULL, fp -1). */
static struct cond_sig sig_of(const struct fninfo *f)
{
	return (struct cond_sig){ f->cond, f->cond_param, f->flag_param,
				  f->flag_suffix };
}

/*
 * A call in a function's body: the callee gains a caller, and the first
 * call that suspends by itself (configured, annotated, a suspend macro,
 * unless its argument decides otherwise) makes the function suspend
 * directly.  A configured
 * call conditional on one of the function's parameters is noted in
 * 'cond'.
 */
static void note_call(struct vnode *n, struct visit *v)
{
	const struct vcall *c = n->call;
	bool own = c->configured || c->annotated || c->macro;
	struct cond_sig sig = { c->unless, c->unless_param, -1, NULL };
	if (own && c->flag_down && (!c->by_arg || c->unless))
		/* made only while a flag of a parameter is down */
		sig.fp = param_of_key(v->fn, c->flag_down, &sig.fs);
	bool conditional = sig.u || sig.fp >= 0;
	if (!v->direct && own && !c->by_arg && !conditional)
		v->direct = c;
	if (conditional && !v->cond) {
		v->cond = c;
		v->sig = sig;
	} else if (conditional && !same_sig(&v->sig, &sig)) {
		v->cond_mixed = true;
	}
	if (c->usr && *c->usr && !c->effects_only) {
		struct fninfo *callee = info(v->s, c->usr, c->name);
		ARRAY_GROW(callee->callers, callee->ncallers + 1,
			   callee->cap_callers);
		callee->callers[callee->ncallers++] =
			(struct edge){ v->fn->usr, c, n, v->fn };
	}
}

/* Is the argument of 'call' that 'u' tests exempt, as written? */
static bool arg_exempt(const struct vcall *call, const struct rule_unless *u,
		       int param)
{
	if (param >= 0 && (size_t)param < call->nvargs &&
	    rules_unless_exempts(u, call->args[param].text))
		return true;
	for (size_t i = 0; i < call->nmargs; i++)
		if (rules_unless_exempts(u, call->margs[i]))
			return true;
	return false;
}

/* The caller's parameter the argument for 'param' names, or -1. */
static int arg_param(const struct vcall *call, int param)
{
	return param >= 0 && (size_t)param < call->nvargs
		       ? call->args[param].param
		       : -1;
}

/* "f -> g -> aco_yield" for the chain from 'f', in arena 'a'. */
static const char *chain_of(struct arena *a, struct fninfo *f)
{
	struct strbuf sb;
	int hops = 0;
	strbuf_init(&sb);
	strbuf_adds(&sb, f->name);
	for (struct fninfo *p = f; p && hops < 64; p = p->via, hops++) {
		strbuf_adds(&sb, " -> ");
		strbuf_adds(&sb, p->via ? p->via->name : p->via_name);
	}
	const char *chain = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return chain;
}

/* ---- flags (walk_flag.c) ---- */

static bool is_flag(const struct vnode *n, bool raise)
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
	if (is_flag(n, raise))
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
	struct flow fl;
	flow_build(&fl, fn);
	unsigned *stack = xcalloc(fl.npoints + fl.nsucc + 1, sizeof(*stack));
	bool *seen = xcalloc(fl.npoints, sizeof(*seen));
	bool *cleans = xcalloc(fn->nvars + 1, sizeof(*cleans));
	bool *raising = xcalloc(fn->nvars + 1, sizeof(*raising));
	size_t ns = 0;
	stack[ns++] = fl.entry;
	seen[fl.entry] = true;
	for (size_t v = 0; v < fn->nvars; v++)
		cleans[v] = fn->vars[v].cleanup_guard;
	for (size_t p = 0; p < fl.npoints; p++) {
		const struct vnode *n = fl.points[p].node;
		if (n && n->kind == V_CALL && n->call && n->call->cleanup_var > 0 &&
		    (size_t)n->call->cleanup_var <= fn->nvars)
			cleans[n->call->cleanup_var - 1] = true;
	}
	raising_guards(s, fn, fn->body, cleans, key, raising);
	for (size_t p = 0; p < fl.npoints; p++) {
		const struct vnode *n = fl.points[p].node;
		bool seed_after = n && sets_flag(s, n, key, false, fn->arena);
		bool guard_end = n && n->kind == V_DECL && n->var >= 0 &&
				 raising[n->var];
		for (size_t k = 0; k < fl.points[p].nsucc; k++) {
			unsigned q = fl.succ[fl.points[p].succ + k];
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
		for (size_t r = 0; r < fl.npoints; r++) {
			if (fl.points[r].num < gv->lo || fl.points[r].num > gv->hi)
				continue;
			for (size_t k = 0; k < fl.points[r].nsucc; k++) {
				unsigned q = fl.succ[fl.points[r].succ + k];
				if (!seen[q] && (fl.points[q].num < gv->lo ||
						 fl.points[q].num > gv->hi)) {
					seen[q] = true;
					stack[ns++] = q;
				}
			}
		}
	}
	bool down = false;
	while (ns && !down) {
		unsigned p = stack[--ns];
		const struct vnode *n = fl.points[p].node;
		if (at ? n == at : p == fl.exit) {
			down = true;
			break;
		}
		if (n && sets_flag(s, n, key, true, fn->arena))
			continue;
		for (size_t k = 0; k < fl.points[p].nsucc; k++) {
			unsigned q = fl.succ[fl.points[p].succ + k];
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
	flow_release(&fl);
	return down;
}

/*
 * A call 'c' (node 'n' of 'fn') to 'f', which suspends only under its
 * condition: is that condition met here?  False when the argument is
 * exempt or the flag raised on every path to the call.  Else '*out' is
 * what is left for the caller's own callers to decide (nothing: the
 * call suspends).
 */
static bool call_condition(struct summary *s, const struct fninfo *f,
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
static void flag_helpers(struct summary *s, struct fn_view *const *fns, size_t n)
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
static bool caller_context(struct summary *s, const struct fn_view *fn,
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
static bool site_context(struct summary *s, const struct fn_view *fn,
			 const struct vcall *c)
{
	struct cond_sig sig = { c->unless, c->unless_param, -1, NULL };
	if (c->flag_down)
		sig.fp = param_of_key(fn, c->flag_down, &sig.fs);
	if (c->flag_down && sig.fp < 0)
		return true; /* a local's flag: not followed */
	return caller_context(s, fn, &sig, 0);
}

/*
 * A call suspends if its callee may, unless the configuration decided it
 * (the walker did), or the callee's condition exempts it, or leaves it to
 * this function's own callers.
 */
static void mark_call(struct vnode *n, struct visit *v)
{
	struct vcall *c = n->call;
	if (!c->suspends && (c->configured || c->annotated || c->macro) &&
	    (c->unless || c->flag_down)) {
		/* "kmalloc(n, gfp)": as this function's callers make it */
		c->suspends = site_context(v->s, v->fn, c);
		return;
	}
	if (n->call->suspends || !n->call->usr || n->call->effects_only ||
	    n->call->configured || n->call->annotated || n->call->macro)
		return;
	struct strmap_slot *slot = strmap_find(&v->s->fns, n->call->usr, false);
	struct fninfo *f = slot ? slot->val : NULL;
	if (!f || !f->defined)
		return;
	struct cond_sig sig;
	if (!f->suspends &&
	    (!call_condition(v->s, f, n->call, n, v->fn, &sig) ||
	     ((sig.u || sig.fp >= 0) && !caller_context(v->s, v->fn, &sig, 0))))
		return; /* exempt here, or no caller makes it suspend */
	n->call->suspends = true;
	n->call->chain = chain_of(v->fn->arena, f);
	if (n->call->cleanup_of)
		n->call->cleanup_chain = arena_printf(v->fn->arena, "%s -> %s",
						      n->call->cleanup_of,
						      n->call->chain);
}

/* The work list of functions whose state rose. */
struct work {
	struct fninfo **f;
	size_t n, cap;
};

static void push_work(struct work *w, struct fninfo *f)
{
	ARRAY_GROW(w->f, w->n + 1, w->cap);
	w->f[w->n++] = f;
}

/*
 * 'f' suspends (cond NULL) or suspends unless parameter 'param' is
 * exempt by 'cond', through 'via' (a function) or 'via_name' (a suspend
 * point).  A second, different condition makes it suspend.
 */
static void rise(struct work *w, struct fninfo *f, const struct cond_sig *sig,
		 struct fninfo *via, const char *via_name)
{
	if (f->suspends)
		return;
	bool has = sig && (sig->u || sig->fp >= 0);
	bool had = f->cond || f->flag_param >= 0;
	struct cond_sig now = sig_of(f);
	if (has && had && same_sig(&now, sig))
		return;
	if (has && !had) {
		f->cond = sig->u;
		f->cond_param = sig->up;
		f->flag_param = sig->fp;
		f->flag_suffix = sig->fs;
	} else {
		f->suspends = true;
	}
	f->via = via;
	f->via_name = via_name;
	push_work(w, f);
}

/* The parameter a lock key is named through, or -1; '*rest' the suffix. */
static int param_of_key(const struct fn_view *fn, const char *key,
			const char **rest)
{
	for (size_t p = 0; p < fn->nparams; p++) {
		size_t len = strlen(fn->params[p]);
		*rest = key + len;
		if (len && !strncmp(key, fn->params[p], len) &&
		    (!**rest || !strncmp(*rest, "->", 2) || **rest == '.' ||
		     **rest == '['))
			return (int)p;
	}
	return -1;
}

/*
 * A function whose body only acquires (or only releases) a lock named
 * through a parameter ("pthread_mutex_lock(&q->mu)" with parameter q) is a
 * lock helper: its callers acquire (release) that lock of their argument.
 */
static void lock_effects(struct fninfo *f, const struct fn_view *fn)
{
	for (size_t i = 0; i < fn->nlocks; i++) {
		const struct vlock *l = &fn->locks[i];
		bool both = false, seen = false;
		for (size_t k = 0; k < fn->nlocks; k++)
			if (!strcmp(fn->locks[k].key, l->key)) {
				both |= fn->locks[k].acquire != l->acquire;
				seen |= k < i; /* one effect per key */
			}
		if (both || seen)
			continue;
		const char *rest;
		int p = param_of_key(fn, l->key, &rest);
		if (p < 0)
			continue;
		f->effects = xrealloc(f->effects, (f->neffects + 1) *
						  sizeof(*f->effects));
		f->effects[f->neffects++] = (struct lock_effect){
			l->acquire, (size_t)p, rest, l
		};
	}
}

/*
 * Which guards passed by reference, and whether the guard members of
 * 'this', a function ends on every path (it unlocks, resets or moves
 * them away): then a call to it ends the caller's guard.  Returns true
 * when that changed.
 */
static bool ends_of(struct fninfo *f, const struct fn_view *fn)
{
	bool any = false, changed = false, this_all = true, this_any = false;
	for (size_t i = 0; i < fn->nvars && !any; i++)
		any = fn->vars[i].kind == VAR_PARAM_REF ||
		      fn->vars[i].kind == VAR_THIS;
	if (!any)
		return false;
	struct flow fl;
	flow_build(&fl, fn);
	for (size_t i = 0; i < fn->nvars; i++) {
		const struct vvar *v = &fn->vars[i];
		if (v->kind != VAR_PARAM_REF && v->kind != VAR_THIS)
			continue;
		bool at_exit, at_susp;
		lifetime_follow(fn, &fl, (int)i, &at_exit, &at_susp);
		bool ends = !at_exit;
		if (v->kind == VAR_THIS) {
			this_any = true;
			this_all &= ends;
			continue;
		}
		size_t p = (size_t)v->param;
		if (p >= f->nends_param) {
			f->ends_param = xrealloc(f->ends_param,
						 (p + 1) * sizeof(*f->ends_param));
			memset(f->ends_param + f->nends_param, 0,
			       (p + 1 - f->nends_param) * sizeof(*f->ends_param));
			f->nends_param = p + 1;
		}
		changed |= f->ends_param[p] != ends;
		f->ends_param[p] = ends;
	}
	flow_release(&fl);
	bool ends_this = this_any && this_all;
	changed |= f->ends_this != ends_this;
	f->ends_this = ends_this;
	return changed;
}

static void add_release(struct fn_view *fn, struct vcall *c, int var)
{
	for (size_t i = 0; i < c->nreleases; i++)
		if (c->releases[i] == var)
			return;
	ARENA_GROW(fn->arena, c->releases, c->nreleases + 1, c->cap_releases);
	c->releases[c->nreleases++] = var;
}

/* A call to a function that ends guards it is given ends the caller's. */
static void apply_ends(struct vnode *n, struct visit *v)
{
	const struct vown *o = n->call->own;
	if (!o || !n->call->usr)
		return;
	struct strmap_slot *slot = strmap_find(&v->s->fns, n->call->usr, false);
	const struct fninfo *f = slot ? slot->val : NULL;
	if (!f || !f->defined)
		return;
	for (int i = 0; i < o->nargs && (size_t)i < f->nends_param; i++)
		if (f->ends_param[i] && o->args[i] >= 0 &&
		    !(o->flags[i] & ARG_UNARY))
			add_release(v->fn, n->call, o->args[i]);
	if (f->ends_this && o->member && o->obj >= 0)
		add_release(v->fn, n->call, o->obj);
}

/*
 * Ownership effects through calls, to a fixed point: a function that
 * hands its reference parameter to one that ends it ends it too.  The
 * rounds are bounded; a longer chain keeps the guard held (the
 * cautious answer for a checker of held guards is the reported one).
 */
static void ownership_through_calls(struct summary *s,
				    struct fn_view *const *fns, size_t n)
{
	for (int round = 0; round < 8; round++) {
		bool changed = false;
		for (size_t i = 0; i < n; i++)
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next) {
				if (!fn->usr || !*fn->usr || fn->coroutine)
					continue;
				struct strmap_slot *slot =
					strmap_find(&s->fns, fn->usr, false);
				if (slot && slot->val)
					changed |= ends_of(slot->val, fn);
			}
		if (!changed)
			return;
		for (size_t i = 0; i < n; i++)
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
				each_call(fn->body, apply_ends,
					  &(struct visit){ .s = s, .fn = fn });
	}
}

/*
 * A variable standing for the caller's lock 'key', named through
 * parameter 'param' (-1: 'this'), owning at entry; never reported.  Only
 * for asking lifetime_follow_key(): remove it with fn->nvars--.
 */
static int key_var(struct fn_view *fn, const char *key, int param)
{
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = key;
	v.lock_key = key;
	v.kind = VAR_PARAM_REF;
	v.param = param;
	v.scope = fn->body;
	v.hi = fn->body->post;
	return view_add_var(fn->arena, fn, &v);
}

/*
 * A function that may suspend and releases a lock named through a
 * parameter: does every suspension happen with that lock let go (the
 * caller's lock, held on entry, released before and taken again after)?
 * Such locks become f->quiet.  Asked of a lock variable added for the
 * purpose, owning at entry, that the function's own releases end.
 */
static void quiet_locks(struct fninfo *f, struct fn_view *fn)
{
	struct flow fl;
	bool built = false;

	if (!f->suspends)
		return;
	for (size_t i = 0; i < fn->nlocks; i++) {
		const struct vlock *l = &fn->locks[i];
		const char *rest;
		int p;
		bool dup = false;
		if (l->acquire || (p = param_of_key(fn, l->key, &rest)) < 0)
			continue;
		for (size_t k = 0; k < f->nquiet && !dup; k++)
			dup = !strcmp(f->quiet[k].lock->key, l->key);
		for (size_t k = 0; k < i && !dup; k++)
			dup = !fn->locks[k].acquire &&
			      !strcmp(fn->locks[k].key, l->key);
		if (dup)
			continue;
		int var = key_var(fn, l->key, p);
		bool at_exit, at_susp;
		if (!built) /* the graph depends on the nodes only */
			flow_build(&fl, fn);
		built = true;
		lifetime_follow_key(fn, &fl, var, &at_exit, &at_susp);
		fn->nvars--; /* only asked for */
		if (at_susp)
			continue;
		f->quiet = xrealloc(f->quiet, (f->nquiet + 1) * sizeof(*f->quiet));
		f->quiet[f->nquiet++] = (struct lock_effect){ false, (size_t)p,
							      rest, l };
	}
	if (built)
		flow_release(&fl);
}

/* A suspending call to such a function does not hold that lock across. */
static void apply_quiet(struct vnode *n, struct visit *v)
{
	struct vcall *c = n->call;
	if (!c->suspends || !c->usr || !c->arg_keys)
		return;
	struct strmap_slot *slot = strmap_find(&v->s->fns, c->usr, false);
	const struct fninfo *f = slot ? slot->val : NULL;
	for (size_t q = 0; f && q < f->nquiet; q++) {
		const struct lock_effect *le = &f->quiet[q];
		if (le->param >= c->nargs || !c->arg_keys[le->param])
			continue;
		const char *key = lockpair_key(v->fn->arena,
					       c->arg_keys[le->param], le->suffix);
		for (size_t k = 0; k < v->fn->nvars; k++) {
			const char *lk = v->fn->vars[k].lock_key;
			if (!lk || strcmp(lk, key))
				continue;
			ARENA_GROW(v->fn->arena, c->quiet, c->nquiet + 1,
				   c->cap_quiet);
			c->quiet[c->nquiet++] = (int)k;
		}
	}
}

/* ---- mutexes handed to awaiters and coroutines (walk_mutex.c) ---- */

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
	if (n->kind == V_UNLOCK && !is_flag(n, true) && !is_flag(n, false))
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
static void mutex_summaries(struct summary *s, struct fn_view *const *fns,
			    size_t n)
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
				struct fninfo *f = info(s, fn->usr, fn->name);
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

/* lockpair_helpers()' view of the summaries. */
static const struct lock_effect *effects_of(void *data, const char *usr,
					    size_t *n)
{
	struct summary *s = data;
	struct strmap_slot *slot = strmap_find(&s->fns, usr, false);
	struct fninfo *f = slot ? slot->val : NULL;
	*n = f ? f->neffects : 0;
	return f ? f->effects : NULL;
}

/* The distinct first hops of a function, as first_hops() collects them. */
struct hops {
	const char *name;      /* the function */
	const char **first;    /* first hop names seen */
	size_t n, cap;
	struct strbuf sb;      /* "f -> first -> ...", tab-separated */
};

static void collect_hop(struct hops *h, const struct vnode *n)
{
	if (!n)
		return;
	if (n->kind == V_CALL && n->call && n->call->suspends) {
		const struct vcall *c = n->call;
		const char *first = c->macro ? c->macro_name : c->name;
		bool seen = false;
		for (size_t i = 0; i < h->n && !seen; i++)
			seen = !strcmp(h->first[i], first);
		if (!seen) {
			ARRAY_GROW(h->first, h->n + 1, h->cap);
			h->first[h->n++] = first;
			strbuf_addf(&h->sb, "%s%s -> %s", h->sb.len ? "\t" : "",
				    h->name, c->chain ? c->chain : first);
		}
	}
	collect_hop(h, n->a);
	collect_hop(h, n->b);
	collect_hop(h, n->c);
	for (size_t i = 0; i < n->nkids; i++)
		collect_hop(h, n->kids[i]);
}

/*
 * Every way 'f' may suspend, one chain per distinct first hop (its own
 * suspension points, the callees through which it may), for a reader
 * who wants to see why when the shortest chain looks implausible; NULL
 * when there is one way only.  Computed once per function, after the
 * calls are marked.
 */
static const char *first_hops(struct fninfo *f)
{
	if (f->hops_done)
		return f->hops;
	f->hops_done = true;
	struct hops h = { f->name, NULL, 0, 0, { 0 } };
	strbuf_init(&h.sb);
	for (size_t i = 0; i < f->nviews; i++)
		collect_hop(&h, f->views[i]->body);
	if (h.n > 1)
		f->hops = strbuf_detach(&h.sb);
	else
		strbuf_release(&h.sb);
	free(h.first);
	return f->hops;
}

/* An indirect suspension's alternatives (vcall.hops). */
static void note_hops(struct vnode *n, struct visit *v)
{
	if (!n->call->chain || n->call->cleanup_of || !n->call->usr)
		return;
	struct strmap_slot *slot = strmap_find(&v->s->fns, n->call->usr, false);
	const char *h = slot ? first_hops(slot->val) : NULL;
	if (h)
		n->call->hops = arena_strdup(v->fn->arena, h);
}

/* ---- one name, two definitions ---- */

static bool same_place(const struct src_loc *a, const struct src_loc *b)
{
	return a->line == b->line && a->col == b->col && a->file && b->file &&
	       !strcmp(a->file, b->file);
}

struct rename {
	struct strmap *conflicts; /* usr -> first definition's view */
	struct fn_view *tu;       /* the views of the calling TU */
};

/* A call in a TU that defines its callee itself calls that one. */
static void rename_call(struct vnode *n, struct visit *v)
{
	struct rename *r = v->data;
	struct vcall *c = n->call;
	if (!c->usr || !strmap_find(r->conflicts, c->usr, false))
		return;
	for (struct fn_view *fn = r->tu; fn; fn = fn->next)
		if (fn->usr && fn->def_usr && !strcmp(fn->def_usr, c->usr)) {
			c->usr = fn->usr;
			return;
		}
}

/*
 * A database may hold several programs (a library's tests, each with
 * its own main() and its own 'worker'): one external name defined in two
 * places names two functions.  Each definition gets a name of its own,
 * and a call in a TU that defines the name calls that definition; a
 * call elsewhere follows neither (which one it links with is not known).
 * The same definition seen by several TUs (a header's) is one.
 */
static void split_same_names(struct fn_view *const *fns, size_t n)
{
	struct strmap first = { NULL, 0, 0 }, conflicts = { NULL, 0, 0 };
	for (size_t i = 0; i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next) {
			if (!fn->usr || !*fn->usr)
				continue;
			struct strmap_slot *sl = strmap_find(&first, fn->usr, true);
			if (!sl->val)
				sl->val = fn;
			else if (!same_place(&((struct fn_view *)sl->val)->loc,
					     &fn->loc))
				strmap_find(&conflicts, fn->usr, true)->val = fn;
		}
	if (conflicts.n) {
		for (size_t i = 0; i < n; i++)
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
				if (fn->usr && strmap_find(&conflicts, fn->usr, false)) {
					fn->def_usr = fn->usr;
					fn->usr = arena_printf(fn->arena, "%s@%s:%u",
							       fn->usr, fn->loc.file,
							       fn->loc.line);
				}
		for (size_t i = 0; i < n; i++) {
			struct rename r = { &conflicts, fns[i] };
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
				each_call(fn->body, rename_call,
					  &(struct visit){ .fn = fn, .data = &r });
		}
	}
	strmap_release(&first);
	strmap_release(&conflicts);
}

struct summary *summary_compute(struct fn_view *const *fns, size_t n)
{
	struct summary *s = xcalloc(1, sizeof(*s));
	struct work work = { NULL, 0, 0 };

	split_same_names(fns, n);

	for (size_t i = 0; i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next) {
			if (!fn->usr || !*fn->usr || fn->coroutine)
				continue;
			struct fninfo *f = info(s, fn->usr, fn->name);
			f->name = fn->name; /* the definition's name wins */
			f->defined = true;
			ARRAY_GROW(f->views, f->nviews + 1, f->cap_views);
			f->views[f->nviews++] = fn;
			if (fn->nlocks && !f->effects)
				lock_effects(f, fn);
			struct visit v = { .s = s, .fn = fn };
			each_call(fn->body, note_call, &v);
			const struct vcall *c = v.direct ? v.direct : v.cond;
			if (c)
				rise(&work, f, v.direct || v.cond_mixed ? NULL : &v.sig,
				     NULL, c->macro ? c->macro_name : c->name);
		}
	flag_helpers(s, fns, n);
	/* breadth first over callers */
	for (size_t w = 0; w < work.n; w++) {
		struct fninfo *callee = work.f[w];
		for (size_t i = 0; i < callee->ncallers; i++) {
			const struct edge *e = &callee->callers[i];
			struct strmap_slot *slot =
				strmap_find(&s->fns, e->caller, false);
			struct fninfo *caller = slot ? slot->val : NULL;
			if (!caller || caller->suspends || !caller->defined)
				continue;
			/* the configuration decided that call (note_call()),
			 * whatever a definition in the run does (a shim's) */
			if (e->call->configured || e->call->annotated ||
			    e->call->macro)
				continue;
			struct cond_sig sig;
			if (callee->suspends)
				rise(&work, caller, NULL, callee, NULL);
			else if (call_condition(s, callee, e->call, e->node,
						e->fn, &sig))
				rise(&work, caller, &sig, callee, NULL);
		}
	}
	free(work.f);
	for (size_t i = 0; i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
			each_call(fn->body, mark_call,
				  &(struct visit){ .s = s, .fn = fn });
	for (size_t i = 0; i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
			each_call(fn->body, note_hops,
				  &(struct visit){ .s = s, .fn = fn });
	ownership_through_calls(s, fns, n);
	mutex_summaries(s, fns, n);
	/* locks let go around the suspensions of a callee (after mark_call) */
	for (size_t i = 0; i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next) {
			if (!fn->usr || !*fn->usr || fn->coroutine ||
			    !fn->nlocks || !fn->nparams)
				continue;
			struct strmap_slot *slot = strmap_find(&s->fns, fn->usr,
							       false);
			if (slot && slot->val)
				quiet_locks(slot->val, fn);
		}
	/* lock helpers: acquires first, so releases find their variables */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++)
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
				lockpair_helpers(fn, pass == 0, effects_of, s);
	for (size_t i = 0; i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
			lockpair_guards(fn);
	for (size_t i = 0; i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
			each_call(fn->body, apply_quiet,
				  &(struct visit){ .s = s, .fn = fn });
	return s;
}

void summary_free(struct summary *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nall; i++) {
		free(s->all[i]->callers);
		free(s->all[i]->views);
		free(s->all[i]->hops);
		free(s->all[i]->effects);
		free(s->all[i]->ends_param);
		free(s->all[i]->quiet);
		free(s->all[i]->lets_go);
		free(s->all[i]->flags);
		free(s->all[i]);
	}
	free(s->all);
	strmap_release(&s->fns);
	free(s);
}
