/*
 * summary.c - may-suspend summaries over the call graph (summary.h).
 *
 * Reverse reachability: start from the functions that suspend directly,
 * then walk callers.  Each function records the callee through which it
 * was first reached, which gives the shortest chain for the note.
 */
#include "common.h"
#include "summary.h"
#include "strmap.h"
#include "util.h"
#include "view.h"

#include <stdlib.h>
#include <string.h>

struct fninfo {
	const char *usr;
	const char *name;
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

/* Direct suspension inside a function (not through other functions). */
static const struct vcall *direct(const struct vnode *n)
{
	const struct vcall *c;
	if (!n)
		return NULL;
	if (n->kind == V_CALL && n->call && (n->call->configured ||
					     n->call->annotated || n->call->macro))
		return n->call;
	if ((c = direct(n->a)) || (c = direct(n->b)) || (c = direct(n->c)))
		return c;
	for (size_t i = 0; i < n->nkids; i++)
		if ((c = direct(n->kids[i])))
			return c;
	return NULL;
}

static void add_callers(struct summary *s, const struct fn_view *fn,
			const struct vnode *n)
{
	if (!n)
		return;
	if (n->kind == V_CALL && n->call && n->call->usr && *n->call->usr) {
		struct fninfo *callee = info(s, n->call->usr, n->call->name);
		ARRAY_GROW(callee->callers, callee->ncallers + 1,
			   callee->cap_callers);
		callee->callers[callee->ncallers++] = fn->usr;
	}
	add_callers(s, fn, n->a);
	add_callers(s, fn, n->b);
	add_callers(s, fn, n->c);
	for (size_t i = 0; i < n->nkids; i++)
		add_callers(s, fn, n->kids[i]);
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
	strbuf_release(&sb);
	return s->chains[s->nchains - 1];
}

static void mark_calls(struct summary *s, struct vnode *n)
{
	if (!n)
		return;
	if (n->kind == V_CALL && n->call && !n->call->suspends && n->call->usr) {
		struct strmap_slot *slot = strmap_find(&s->fns, n->call->usr, false);
		struct fninfo *f = slot ? slot->val : NULL;
		if (f && f->suspends && f->defined) {
			n->call->suspends = true;
			n->call->chain = chain_of(s, f);
		}
	}
	mark_calls(s, n->a);
	mark_calls(s, n->b);
	mark_calls(s, n->c);
	for (size_t i = 0; i < n->nkids; i++)
		mark_calls(s, n->kids[i]);
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
			add_callers(s, fn, fn->body);
			const struct vcall *c = direct(fn->body);
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
			mark_calls(s, fn->body);
	return s;
}

void summary_free(struct summary *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nall; i++) {
		free(s->all[i]->callers);
		free(s->all[i]);
	}
	for (size_t i = 0; i < s->nchains; i++)
		free(s->chains[i]);
	free(s->chains);
	free(s->all);
	strmap_release(&s->fns);
	free(s);
}
