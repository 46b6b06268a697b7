/*
 * lifetime.c - per-guard reachability over the flow graph (lifetime.h).
 */
#include "common.h"
#include "lifetime.h"
#include "diag.h"
#include "flow.h"
#include "util.h"
#include "view.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct var_state {
	unsigned *seeds;      /* points after which the var owns */
	size_t nseeds, cap_seeds;
	size_t searched;      /* seeds[0..searched) were covered by a search */
	bool queued;
	unsigned *hits;       /* suspension points reached while owning */
	size_t nhits, cap_hits;
};

/*
 * A place in the search: a point and what the path to it assumed of the
 * function's tracked conditions (flow_point.implied's form), so that two
 * ifs on one condition are taken the same way.
 */
struct state {
	unsigned p;
	unsigned assumed;
};

/* A set of states, cleared by a new stamp (open addressing). */
struct seen {
	uint64_t *keys;
	unsigned *stamps;
	size_t n, cap;
	unsigned stamp;
};

static bool seen_add(struct seen *ss, uint64_t key, unsigned stamp);

struct search {
	const struct fn_view *fn;
	const struct flow *f;
	struct var_state *vs;
	unsigned *mark;       /* per point: stamp of the last search */
	unsigned *hit_by;     /* per point: last var (+1) that recorded it */
	unsigned stamp;
	struct state *stack;
	size_t nstack, cap_stack;
	struct seen seen;     /* (point, assumptions) visited, when the
				 function has tracked conditions */
	int *queue;           /* vars waiting for a (re)search */
	size_t nqueue, cap_queue;
};

static void add_seed(struct search *s, int var, unsigned point)
{
	struct var_state *v = &s->vs[var];

	for (size_t i = 0; i < v->nseeds; i++)
		if (v->seeds[i] == point)
			return;
	ARRAY_GROW(v->seeds, v->nseeds + 1, v->cap_seeds);
	v->seeds[v->nseeds++] = point;
	if (!v->queued) {
		v->queued = true;
		ARRAY_GROW(s->queue, s->nqueue + 1, s->cap_queue);
		s->queue[s->nqueue++] = var;
	}
}

/* Is 'key' one of 'keys'? */
static bool key_in(const char *key, const char *const *keys, size_t n)
{
	for (size_t i = 0; key && i < n; i++)
		if (!strcmp(keys[i], key))
			return true;
	return false;
}

/* Is 'n' a suspension point at which 'var' would be held? */
static bool is_suspension(const struct fn_view *fn, const struct vnode *n,
			  int var)
{
	if (n->kind == V_SUSPEND) {
		/* awaiting a coroutine that lets this mutex go meanwhile */
		for (size_t i = 0; i < n->nkids; i++) {
			const struct vcall *c = n->kids[i]->call;
			if (n->kids[i]->kind != V_CALL || !c)
				continue;
			if (key_in(fn->vars[var].lock_key, c->quiet_keys,
				   c->nquiet_keys))
				return false;
			/* an awaiter that lets the guard go meanwhile */
			for (size_t k = 0; c->effects_only && k < c->nquiet; k++)
				if (c->quiet[k] == var)
					return false;
		}
		return true;
	}
	if (n->kind != V_CALL || !n->call || !n->call->suspends)
		return false;
	for (size_t i = 0; i < n->call->nquiet; i++)
		if (n->call->quiet[i] == var)
			return false; /* the callee lets it go meanwhile */
	return !key_in(fn->vars[var].lock_key, n->call->quiet_keys,
		       n->call->nquiet_keys);
}

static bool seen_add(struct seen *ss, uint64_t key, unsigned stamp)
{
	if (ss->stamp != stamp) {
		ss->stamp = stamp;
		ss->n = 0;
	}
	if ((ss->n + 1) * 2 > ss->cap) {
		struct seen old = *ss;
		ss->cap = old.cap ? old.cap * 2 : 256;
		ss->keys = xcalloc(ss->cap, sizeof(*ss->keys));
		ss->stamps = xcalloc(ss->cap, sizeof(*ss->stamps));
		ss->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.stamps[i] == stamp)
				seen_add(ss, old.keys[i], stamp);
		free(old.keys);
		free(old.stamps);
	}
	size_t i = (size_t)(key * 0x9E3779B97F4A7C15ull) & (ss->cap - 1);
	while (ss->stamps[i] == stamp) {
		if (ss->keys[i] == key)
			return false;
		i = (i + 1) & (ss->cap - 1);
	}
	ss->stamps[i] = stamp;
	ss->keys[i] = key;
	ss->n++;
	return true;
}

/*
 * Push the successors of 'p' reached with assumptions 'assumed': an edge
 * into a branch of a tracked condition the path already took the other
 * way is not followed.
 */
static void push_succ(struct search *s, unsigned p, unsigned assumed)
{
	const struct flow_point *fp = &s->f->points[p];
	ARRAY_GROW(s->stack, s->nstack + fp->nsucc, s->cap_stack);
	for (size_t i = 0; i < fp->nsucc; i++) {
		unsigned q = s->f->succ[fp->succ + i];
		unsigned a = assumed | s->f->points[q].implied;
		/* a condition both false (01) and true (10): not a path */
		if (a & (a >> 1) & 0x55555555u)
			continue;
		s->stack[s->nstack++] = (struct state){ q, a };
	}
}

/*
 * What happens to 'var', owning on entry to 'n': returns true if it
 * still owns after 'n'.  Moves and swaps hand ownership to the other
 * variable by seeding it.
 */
static bool survives(struct search *s, int var, const struct vnode *n,
		     unsigned point)
{
	if (!n)
		return true;
	if (n->kind == V_CALL && n->call) {
		/* a lock helper releasing it */
		for (size_t i = 0; i < n->call->nreleases; i++)
			if (n->call->releases[i] == var)
				return false;
		/* an await_suspend that lets its mutex go */
		return !key_in(s->fn->vars[var].lock_key, n->call->lets_go,
			       n->call->nlets_go);
		/* (indices past a clone's table never match) */
	}
	if (n->kind == V_DECL)
		return n->var != var;
	if (n->kind == V_UNLOCK) /* releases every variable of its lock */
		return !s->fn->vars[var].lock_key ||
		       (n->lock->type && !strcmp(n->lock->type, "flag")) ||
		       strcmp(s->fn->vars[var].lock_key, n->lock->key);
	if (n->kind != V_EVENT || (n->var != var && n->var2 != var))
		return true;
	switch (n->ev) {
	case EV_ACQUIRE:
		return true;
	case EV_RELEASE:
		return false;
	case EV_MOVE:
		if (n->var == var && n->var2 >= 0)
			add_seed(s, n->var2, point);
		return false; /* moved from, or overwritten by the move */
	case EV_SWAP: {
		int other = n->var == var ? n->var2 : n->var;
		if (other >= 0 && other != var)
			add_seed(s, other, point);
		return other == var;
	}
	}
	return true;
}

static void run_search(struct search *s, int var)
{
	struct var_state *v = &s->vs[var];
	const struct vvar *vv = &s->fn->vars[var];

	bool paths = s->fn->nconds > 0;

	s->stamp++;
	s->nstack = 0;
	for (size_t i = 0; i < v->nseeds; i++)
		push_succ(s, v->seeds[i], s->f->points[v->seeds[i]].implied);
	v->searched = v->nseeds;
	while (s->nstack) {
		struct state st = s->stack[--s->nstack];
		unsigned p = st.p;
		const struct flow_point *fp = &s->f->points[p];

		if (fp->num < vv->lo || fp->num > vv->hi)
			continue; /* out of scope: destroyed */
		if (paths ? !seen_add(&s->seen, (uint64_t)p << 32 | st.assumed,
				      s->stamp)
			  : s->mark[p] == s->stamp)
			continue;
		s->mark[p] = s->stamp;
		if (fp->node && is_suspension(s->fn, fp->node, var) &&
		    s->hit_by[p] != (unsigned)var + 1) {
			/* once per var and point (a re-search may repeat one
			 * after another var's search: diag_list_sort drops it) */
			s->hit_by[p] = (unsigned)var + 1;
			ARRAY_GROW(v->hits, v->nhits + 1, v->cap_hits);
			v->hits[v->nhits++] = p;
		}
		if (survives(s, var, fp->node, p))
			push_succ(s, p, st.assumed);
	}
}

static void static_seeds(struct search *s)
{
	for (size_t p = 0; p < s->f->npoints; p++) {
		const struct vnode *n = s->f->points[p].node;
		if (!n)
			continue;
		if (n->kind == V_DECL && n->var >= 0 && n->init == INIT_HELD)
			add_seed(s, n->var, (unsigned)p);
		else if (n->kind == V_EVENT && n->ev == EV_ACQUIRE &&
			 n->var >= 0)
			add_seed(s, n->var, (unsigned)p);
		else if (n->kind == V_CALL && n->call && n->call->acquires &&
			 (size_t)n->call->acquires <= s->fn->nvars)
			/* a lock helper's acquire; a template instantiation's
			 * view (summary.c skips it) may not have that var */
			add_seed(s, n->call->acquires - 1, (unsigned)p);
	}
	for (size_t i = 0; i < s->fn->nvars; i++)
		if (s->fn->vars[i].kind == VAR_PARAM ||
		    s->fn->vars[i].kind == VAR_PARAM_REF ||
		    s->fn->vars[i].kind == VAR_THIS)
			add_seed(s, (int)i, s->f->entry);
}

static void suspension_of(const struct vnode *n, struct suspension *out)
{
	out->loc = n->loc;
	out->detail = NULL;
	out->hops = NULL;
	if (n->kind == V_SUSPEND) {
		out->kind = n->skind;
		return;
	}
	if (n->call->cleanup_of) {
		out->kind = SUSPEND_CLEANUP;
		out->detail = n->call->cleanup_chain;
	} else if (n->call->chain) {
		out->kind = SUSPEND_INDIRECT;
		out->detail = n->call->chain;
		out->hops = n->call->hops;
	} else if (n->call->macro) {
		out->kind = SUSPEND_MACRO;
		out->detail = n->call->macro_name;
	} else {
		out->kind = SUSPEND_CALL;
		out->detail = n->call->name;
	}
}

static void search_init(struct search *s, const struct fn_view *fn,
			const struct flow *f)
{
	memset(s, 0, sizeof(*s));
	s->fn = fn;
	s->f = f;
	s->vs = xcalloc(fn->nvars, sizeof(*s->vs));
	s->mark = xcalloc(f->npoints, sizeof(*s->mark));
	s->hit_by = xcalloc(f->npoints, sizeof(*s->hit_by));
}

static void search_release(struct search *s)
{
	for (size_t i = 0; i < s->fn->nvars; i++) {
		free(s->vs[i].seeds);
		free(s->vs[i].hits);
	}
	free(s->vs);
	free(s->mark);
	free(s->hit_by);
	free(s->stack);
	free(s->queue);
	free(s->seen.keys);
	free(s->seen.stamps);
}

/*
 * Does the suspension at point 'p' (node 'n') count for variable 'var'?
 * A cleanup call (view.h) runs only while its own variable owns, so it
 * counts where the search saw that variable owning too; a variable is
 * not held across its own cleanup.
 */
static bool counts_for(const struct search *s, const struct vnode *n,
		       size_t var, unsigned p)
{
	if (n->kind != V_CALL || !n->call || !n->call->cleanup_var)
		return true;
	size_t cv = (size_t)n->call->cleanup_var - 1;
	if (cv == var || cv >= s->fn->nvars)
		return false;
	for (size_t k = 0; k < s->vs[cv].nhits; k++)
		if (s->vs[cv].hits[k] == p)
			return true;
	return false;
}

size_t lifetime_check(const struct fn_view *fn, const struct flow *f,
		      struct diag_list *out)
{
	struct search s;
	size_t nfound = 0;

	if (!fn->nvars)
		return 0;
	search_init(&s, fn, f);

	static_seeds(&s);
	while (s.nqueue) {
		int var = s.queue[--s.nqueue];
		s.vs[var].queued = false;
		if (s.vs[var].searched < s.vs[var].nseeds)
			run_search(&s, var);
	}

	for (size_t i = 0; i < fn->nvars; i++) {
		struct var_state *v = &s.vs[i];
		const struct vvar *vv = &fn->vars[i];
		size_t nsusp = 0;
		struct suspension *susp = NULL;
		if (v->nhits && vv->matched && vv->kind != VAR_PARAM_REF &&
		    vv->kind != VAR_THIS) {
			susp = xcalloc(v->nhits, sizeof(*susp));
			for (size_t k = 0; k < v->nhits; k++) {
				const struct vnode *n = f->points[v->hits[k]].node;
				if (counts_for(&s, n, i, v->hits[k]))
					suspension_of(n, &susp[nsusp++]);
			}
		}
		if (nsusp) {
			struct finding fd;
			memset(&fd, 0, sizeof(fd));
			fd.loc = vv->loc;
			fd.name = vv->name;
			fd.display = vv->display;
			fd.type = vv->type;
			fd.matched = vv->matched;
			fd.reason = vv->reason;
			fd.via = vv->via;
			fd.function = fn->name;
			fd.instance = fn->instance;
			fd.susp = susp;
			fd.nsusp = nsusp;
			diag_list_push(out, &fd);
			nfound++;
		}
		free(susp);
	}
	search_release(&s);
	return nfound;
}

void lifetime_follow(const struct fn_view *fn, const struct flow *f, int var,
		     bool *at_exit, bool *at_suspension)
{
	struct search s;

	search_init(&s, fn, f);
	add_seed(&s, var, f->entry);
	run_search(&s, var);
	*at_exit = s.mark[f->exit] == s.stamp;
	*at_suspension = s.vs[var].nhits > 0;
	search_release(&s);
}

void lifetime_follow_key(const struct fn_view *fn, const struct flow *f,
			 int var, bool *at_exit, bool *at_suspension)
{
	struct search s;
	const char *key = fn->vars[var].lock_key;

	*at_exit = *at_suspension = false;
	search_init(&s, fn, f);
	static_seeds(&s);
	add_seed(&s, var, f->entry);
	while (s.nqueue) {
		int v = s.queue[--s.nqueue];
		s.vs[v].queued = false;
		const char *k = fn->vars[v].lock_key;
		if (!k || strcmp(k, key) || s.vs[v].searched >= s.vs[v].nseeds)
			continue;
		run_search(&s, v);
		*at_exit |= s.mark[f->exit] == s.stamp;
		*at_suspension |= s.vs[v].nhits > 0;
	}
	search_release(&s);
}
