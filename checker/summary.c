/*
 * summary.c - may-suspend and lock-helper summaries over the call graph
 * (summary.h).
 *
 * May-suspend: reverse reachability from the functions that suspend
 * directly, walking callers.  Each function records the callee through
 * which it was first reached, which gives the shortest chain for the note.
 * Lock helpers: from each function's own lock-functions events, then
 * applied at every call to it.
 */
#include "common.h"
#include "summary.h"
#include "arena.h"
#include "strmap.h"
#include "util.h"
#include "view.h"

#include <stdlib.h>
#include <string.h>

/* What a lock helper does to the lock its argument names. */
struct lock_effect {
	bool acquire;
	size_t param;         /* which argument */
	const char *suffix;   /* the rest of the key: "->mu" of "q->mu" */
	const struct vlock *lock; /* the event, for type, rule and reason */
};

struct fninfo {
	const char *usr;
	const char *name;
	struct lock_effect *effects; /* a lock helper's, or NULL */
	size_t neffects;
	bool defined;          /* a non-coroutine definition was seen */
	bool suspends;         /* may suspend */
	const char *via_name;  /* next hop: callee name, or the suspend point */
	struct fninfo *via;    /* next hop function, NULL at the leaf */
	const char **callers;  /* USRs of functions calling this one */
	size_t ncallers, cap_callers;
};

struct summary {
	struct strmap fns;     /* usr -> struct fninfo */
	struct fninfo **all;
	size_t nall, cap_all;
	char **chains;
	size_t nchains, cap_chains;
};

static struct fninfo *info(struct summary *s, const char *usr,
			   const char *name)
{
	struct strmap_slot *slot = strmap_find(&s->fns, usr, true);
	if (!slot->val) {
		struct fninfo *f = xcalloc(1, sizeof(*f));
		f->usr = usr;
		f->name = name;
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
	bool acquire;               /* apply_effects(): which half */
	const struct vcall *direct; /* note_call(): the first suspending call */
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

/*
 * A call in a function's body: the callee gains a caller, and the first
 * call that suspends by itself (configured, annotated, a suspend macro)
 * makes the function suspend directly.
 */
static void note_call(struct vnode *n, struct visit *v)
{
	if (!v->direct && (n->call->configured || n->call->annotated ||
			   n->call->macro))
		v->direct = n->call;
	if (n->call->usr && *n->call->usr) {
		struct fninfo *callee = info(v->s, n->call->usr, n->call->name);
		ARRAY_GROW(callee->callers, callee->ncallers + 1,
			   callee->cap_callers);
		callee->callers[callee->ncallers++] = v->fn->usr;
	}
}

static const char *chain_of(struct summary *s, struct fninfo *f)
{
	struct strbuf sb;
	int hops = 0;
	strbuf_init(&sb);
	strbuf_adds(&sb, f->name);
	for (struct fninfo *p = f; p && hops < 64; p = p->via, hops++) {
		strbuf_adds(&sb, " -> ");
		strbuf_adds(&sb, p->via ? p->via->name : p->via_name);
	}
	ARRAY_GROW(s->chains, s->nchains + 1, s->cap_chains);
	s->chains[s->nchains++] = strbuf_detach(&sb);
	return s->chains[s->nchains - 1];
}

static void mark_call(struct vnode *n, struct visit *v)
{
	if (n->call->suspends || !n->call->usr)
		return;
	struct strmap_slot *slot = strmap_find(&v->s->fns, n->call->usr, false);
	struct fninfo *f = slot ? slot->val : NULL;
	if (f && f->suspends && f->defined) {
		n->call->suspends = true;
		n->call->chain = chain_of(v->s, f);
	}
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
		for (size_t p = 0; p < fn->nparams; p++) {
			size_t len = strlen(fn->params[p]);
			const char *rest = l->key + len;
			if (!len || strncmp(l->key, fn->params[p], len) ||
			    (*rest && strncmp(rest, "->", 2) && *rest != '.' &&
			     *rest != '['))
				continue;
			f->effects = xrealloc(f->effects, (f->neffects + 1) *
							  sizeof(*f->effects));
			f->effects[f->neffects++] = (struct lock_effect){
				l->acquire, p, rest, l
			};
			break;
		}
	}
}

/* The caller's lock key for a helper's effect on argument 'arg'. */
static const char *effect_key(struct arena *a, const char *arg,
			      const char *suffix)
{
	if (arg[0] == '&') { /* q->mu with q = &x is x.mu */
		if (!strncmp(suffix, "->", 2))
			return arena_printf(a, "%s.%s", arg + 1, suffix + 2);
		return arena_printf(a, "%s%s", arg + 1, suffix);
	}
	return arena_printf(a, "%s%s", arg, suffix);
}

static void apply_effects(struct vnode *n, struct visit *v)
{
	struct fn_view *fn = v->fn;
	bool acquire = v->acquire;
	if (!n->call->usr || !n->call->arg_keys)
		return;
	struct strmap_slot *slot = strmap_find(&v->s->fns, n->call->usr, false);
	struct fninfo *f = slot ? slot->val : NULL;
	for (size_t e = 0; f && e < f->neffects; e++) {
		const struct lock_effect *le = &f->effects[e];
		if (le->acquire != acquire || le->param >= n->call->nargs ||
		    !n->call->arg_keys[le->param])
			continue;
		const char *key = effect_key(fn->arena,
					     n->call->arg_keys[le->param],
					     le->suffix);
		if (acquire) {
			if (n->call->scoped_var < 0)
				continue; /* a cleanup guard stands for it */
			struct vvar lv;
			memset(&lv, 0, sizeof(lv));
			lv.name = key;
			lv.loc = n->loc;
			lv.type = le->lock->type;
			lv.matched = le->lock->matched;
			lv.reason = le->lock->reason;
			lv.kind = VAR_LOCK;
			if (n->call->scoped_var > 0) {
				/* released by a cleanup at its scope's end:
				 * the placeholder walk.c made has that region */
				struct vvar *ph = &fn->vars[n->call->scoped_var - 1];
				lv.lo = ph->lo;
				lv.hi = ph->hi;
				*ph = lv;
				n->call->acquires = n->call->scoped_var;
			} else {
				lv.lo = 0;
				lv.hi = fn->body->post;
				n->call->acquires = view_add_var(fn->arena, fn, &lv) + 1;
			}
		} else {
			for (size_t k = 0; k < fn->nvars; k++) {
				if (fn->vars[k].kind != VAR_LOCK ||
				    strcmp(fn->vars[k].name, key))
					continue;
				ARENA_GROW(fn->arena, n->call->releases,
					   n->call->nreleases + 1,
					   n->call->cap_releases);
				n->call->releases[n->call->nreleases++] = (int)k;
			}
		}
	}
}

struct summary *summary_compute(struct fn_view *const *fns, size_t n)
{
	struct summary *s = xcalloc(1, sizeof(*s));
	struct fninfo **work = NULL;
	size_t nwork = 0, cap_work = 0;

	for (size_t i = 0; i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next) {
			if (!fn->usr || !*fn->usr || fn->coroutine)
				continue;
			struct fninfo *f = info(s, fn->usr, fn->name);
			f->name = fn->name; /* the definition's name wins */
			f->defined = true;
			if (fn->nlocks && !f->effects)
				lock_effects(f, fn);
			struct visit v = { .s = s, .fn = fn };
			each_call(fn->body, note_call, &v);
			const struct vcall *c = v.direct;
			if (c && !f->suspends) {
				f->suspends = true;
				f->via_name = c->macro ? c->macro_name : c->name;
				ARRAY_GROW(work, nwork + 1, cap_work);
				work[nwork++] = f;
			}
		}
	/* breadth first over callers */
	for (size_t w = 0; w < nwork; w++) {
		struct fninfo *callee = work[w];
		for (size_t i = 0; i < callee->ncallers; i++) {
			struct strmap_slot *slot =
				strmap_find(&s->fns, callee->callers[i], false);
			struct fninfo *caller = slot ? slot->val : NULL;
			if (!caller || caller->suspends || !caller->defined)
				continue;
			caller->suspends = true;
			caller->via = callee;
			ARRAY_GROW(work, nwork + 1, cap_work);
			work[nwork++] = caller;
		}
	}
	free(work);
	for (size_t i = 0; i < n; i++)
		for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
			each_call(fn->body, mark_call, &(struct visit){ .s = s });
	/* lock helpers: acquires first, so releases find their variables */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++)
			for (struct fn_view *fn = fns[i]; fn; fn = fn->next)
				if (!fn->instance) /* clones share the nodes */
					each_call(fn->body, apply_effects,
						  &(struct visit){ .s = s, .fn = fn,
								   .acquire = pass == 0 });
	return s;
}

void summary_free(struct summary *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nall; i++) {
		free(s->all[i]->callers);
		free(s->all[i]->effects);
		free(s->all[i]);
	}
	for (size_t i = 0; i < s->nchains; i++)
		free(s->chains[i]);
	free(s->chains);
	free(s->all);
	strmap_release(&s->fns);
	free(s);
}
