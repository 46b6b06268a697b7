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
 *
 * Flags that decide whether a call sleeps are summary_flag.c's, mutexes
 * handed to awaiters and coroutines summary_mutex.c's; summary_p.h is
 * what the three share.
 */
#include "common.h"
#include "summary.h"
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

struct fninfo *fn_info(struct summary *s, const char *usr, const char *name)
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

/* Call fn(call, v) for every V_CALL node under 'n'. */
void each_call(struct vnode *n, void (*fn)(struct vnode *, struct visit *),
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
	v->s->any_flag |= c->flag_down != NULL;
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
		struct fninfo *callee = fn_info(v->s, c->usr, c->name);
		ARRAY_GROW(callee->callers, callee->ncallers + 1,
			   callee->cap_callers);
		callee->callers[callee->ncallers++] =
			(struct edge){ v->fn->usr, c, n, v->fn };
	}
}

/* Is the argument of 'call' that 'u' tests exempt, as written? */
bool arg_exempt(const struct vcall *call, const struct rule_unless *u,
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
int arg_param(const struct vcall *call, int param)
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
int param_of_key(const struct fn_view *fn, const char *key, const char **rest)
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
int key_var(struct fn_view *fn, const char *key, int param)
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
/* The locks a call lets go around its suspensions (apply_quiet()). */
struct quiet_keys {
	const struct vlock **l;
	size_t n, cap;
	struct arena *a;
};

static void call_quiet_keys(struct vnode *n, struct visit *v)
{
	struct quiet_keys *q = v->data;
	for (size_t i = 0; i < n->call->nquiet_keys; i++) {
		struct vlock *l = arena_alloc(q->a, sizeof(*l));
		l->key = n->call->quiet_keys[i];
		ARRAY_GROW(q->l, q->n + 1, q->cap);
		q->l[q->n++] = l;
	}
}

/*
 * Returns true when it found one more.  A lock let go inside a callee
 * that does so (__process_finished_items() unlocks its caller's
 * p->lock) counts as let go here too.
 */
static bool quiet_locks(struct summary *s, struct fninfo *f, struct fn_view *fn)
{
	struct flow fl;
	bool built = false, grew = false;

	if (!f->suspends)
		return false;
	struct quiet_keys q = { NULL, 0, 0, fn->arena };
	for (size_t i = 0; i < fn->nlocks; i++)
		if (!fn->locks[i].acquire) {
			ARRAY_GROW(q.l, q.n + 1, q.cap);
			q.l[q.n++] = &fn->locks[i];
		}
	each_call(fn->body, call_quiet_keys,
		  &(struct visit){ .s = s, .fn = fn, .data = &q });
	for (size_t i = 0; i < q.n; i++) {
		const struct vlock *l = q.l[i];
		const char *rest;
		int p;
		bool dup = false;
		if ((p = param_of_key(fn, l->key, &rest)) < 0)
			continue;
		for (size_t k = 0; k < f->nquiet && !dup; k++)
			dup = !strcmp(f->quiet[k].lock->key, l->key);
		for (size_t k = 0; k < i && !dup; k++)
			dup = !strcmp(q.l[k]->key, l->key);
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
		grew = true;
	}
	if (built)
		flow_release(&fl);
	free(q.l);
	return grew;
}

/*
 * A suspending call to such a function does not hold that lock across:
 * the caller's key of it goes to vcall.quiet_keys (lifetime.c).
 */
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
		bool dup = false;
		for (size_t k = 0; k < c->nquiet_keys && !dup; k++)
			dup = !strcmp(c->quiet_keys[k], key);
		if (dup)
			continue;
		ARENA_GROW(v->fn->arena, c->quiet_keys, c->nquiet_keys + 1,
			   c->cap_quiet_keys);
		c->quiet_keys[c->nquiet_keys++] = key;
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
			struct fninfo *f = fn_info(s, fn->usr, fn->name);
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
	if (s->any_flag)
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
	/*
	 * locks let go around the suspensions of a callee (after mark_call),
	 * through callees that do, to a fixed point (bounded)
	 */
	for (int round = 0; round < 4; round++) {
		bool grew = false;
		for (size_t i = 0; i < n; i++)
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next) {
				if (!fn->usr || !*fn->usr || fn->coroutine ||
				    !fn->nparams)
					continue;
				struct strmap_slot *slot =
					strmap_find(&s->fns, fn->usr, false);
				if (slot && slot->val)
					grew |= quiet_locks(s, slot->val, fn);
			}
		for (size_t i = 0; grew && i < n; i++)
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
				each_call(fn->body, apply_quiet,
					  &(struct visit){ .s = s, .fn = fn });
		if (!grew)
			break;
	}
	/* lock helpers: acquires first, so releases find their variables */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++)
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
				lockpair_helpers(fn, pass == 0, effects_of, s);
	for (size_t i = 0; i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
			lockpair_guards(fn);
	return s;
}

void summary_free(struct summary *s)
{
	if (!s)
		return;
	if (s->flow_fn)
		flow_release(&s->flow);
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
