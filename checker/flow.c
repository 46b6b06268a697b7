/*
 * flow.c - build the control-flow graph of a function from its view.
 *
 * One recursive pass over the view, keeping a "current point" (or none,
 * after a jump) the way a compiler's code generator keeps its current
 * block.  Edges are collected as (from, to) pairs and turned into
 * per-point successor arrays at the end.
 */
#include "common.h"
#include "flow.h"
#include "util.h"
#include "view.h"

#include <stdlib.h>
#include <string.h>

#define NONE ((unsigned)-1)

struct edge {
	unsigned from, to;
};

/* A break/continue target: a loop or a switch. */
struct target {
	bool is_loop;
	unsigned brk, cont;         /* point indices; cont unused for switch */
	unsigned dispatch;          /* switch: the point after the condition */
	bool has_default;
	struct target *outer;
};

struct try_ctx {
	unsigned dispatch;
	struct try_ctx *outer;
};

struct builder {
	struct flow *f;
	size_t cap_points;
	struct edge *edges;
	size_t nedges, cap_edges;
	unsigned cur;               /* NONE: unreachable */
	struct target *targets;
	struct try_ctx *tries;
	unsigned *labels;           /* point per label id, NONE until seen */
	int nlabels;
	unsigned implied;           /* of new points: flow_point.implied */
	bool conds;                 /* tracked conditions are used */
};

static unsigned new_point(struct builder *b, unsigned num,
			  const struct vnode *node)
{
	struct flow *f = b->f;
	ARRAY_GROW(f->points, f->npoints + 1, b->cap_points);
	f->points[f->npoints].num = num;
	f->points[f->npoints].node = node;
	f->points[f->npoints].succ = 0;
	f->points[f->npoints].nsucc = 0;
	f->points[f->npoints].implied = b->implied;
	return (unsigned)f->npoints++;
}

static void add_edge(struct builder *b, unsigned from, unsigned to)
{
	if (from == NONE || to == NONE)
		return;
	ARRAY_GROW(b->edges, b->nedges + 1, b->cap_edges);
	b->edges[b->nedges].from = from;
	b->edges[b->nedges].to = to;
	b->nedges++;
}

/* Continue at 'p': an edge from the current point, which becomes 'p'. */
static void go(struct builder *b, unsigned p)
{
	add_edge(b, b->cur, p);
	b->cur = p;
}

static unsigned label_point(struct builder *b, int label, unsigned num)
{
	if (label < 0 || label >= b->nlabels)
		BUG("label %d out of range", label);
	if (b->labels[label] == NONE)
		b->labels[label] = new_point(b, num, NULL);
	else if (num != NONE)
		b->f->points[b->labels[label]].num = num;
	return b->labels[label];
}

static void build(struct builder *b, const struct vnode *n);

static void build_kids(struct builder *b, const struct vnode *n)
{
	for (size_t i = 0; i < n->nkids; i++)
		build(b, n->kids[i]);
}

/*
 * Entering branch 'br' (may be NULL) of an if on a tracked condition:
 * the points of the branch imply the condition's value, and a first point
 * says so even when the branch is empty.  'outer' is what the if itself
 * implies.
 */
static void assume(struct builder *b, const struct vnode *n,
		   const struct vnode *br, unsigned split, bool then,
		   unsigned outer)
{
	b->implied = outer;
	if (!b->conds || n->kind != V_IF || n->cond < 0 || split == NONE)
		return;
	unsigned value = then != n->cond_neg ? 2u : 1u;
	b->implied = outer | value << (2 * n->cond);
	go(b, new_point(b, br ? br->pre : n->post, NULL));
}

/* Both branches of an if or ?: and the join after them. */
static void build_branches(struct builder *b, const struct vnode *n)
{
	unsigned split, end_then, end_else, join;

	unsigned outer = b->implied;

	build(b, n->a);
	split = b->cur;
	assume(b, n, n->b, split, true, outer);
	build(b, n->b);
	end_then = b->cur;
	b->cur = split;
	assume(b, n, n->c, split, false, outer);
	build(b, n->c);
	end_else = b->cur;
	b->implied = outer;
	join = new_point(b, n->post, NULL);
	add_edge(b, end_then, join);
	add_edge(b, end_else, join);
	b->cur = end_then == NONE && end_else == NONE ? NONE : join;
}

static void build_loop(struct builder *b, const struct vnode *n)
{
	struct target t = { .is_loop = true, .outer = b->targets };
	unsigned head = new_point(b, n->pre, NULL);

	t.brk = new_point(b, n->post, NULL);
	go(b, head);
	b->targets = &t;
	if (n->flags & LOOP_DO) {
		t.cont = new_point(b, n->a ? n->a->pre : n->post, NULL);
		build(b, n->b);
		go(b, t.cont);
		build(b, n->a);
		add_edge(b, b->cur, head);
		if (n->a)
			add_edge(b, b->cur, t.brk);
	} else {
		t.cont = n->c ? new_point(b, n->c->pre, NULL) : head;
		build(b, n->a);
		if (n->a)
			add_edge(b, b->cur, t.brk);
		build(b, n->b);
		go(b, t.cont);
		build(b, n->c);
		add_edge(b, b->cur, head);
	}
	b->targets = t.outer;
	b->cur = t.brk;
}

static void build_switch(struct builder *b, const struct vnode *n)
{
	struct target t = { .is_loop = false, .outer = b->targets };

	build(b, n->a);
	t.dispatch = b->cur;
	t.brk = new_point(b, n->post, NULL);
	b->targets = &t;
	b->cur = NONE;
	build(b, n->b);
	go(b, t.brk);
	if (!t.has_default)
		add_edge(b, t.dispatch, t.brk);
	b->targets = t.outer;
	b->cur = t.brk;
}

static struct target *innermost(struct builder *b, bool want_loop)
{
	for (struct target *t = b->targets; t; t = t->outer)
		if (!want_loop || t->is_loop)
			return t;
	return NULL;
}

static void build_try(struct builder *b, const struct vnode *n)
{
	struct try_ctx t = { .outer = b->tries };
	unsigned num = n->nkids ? n->kids[0]->pre : n->post;
	size_t first;
	unsigned end_body, join;

	t.dispatch = new_point(b, num, NULL);
	first = b->f->npoints;
	b->tries = &t;
	add_edge(b, b->cur, t.dispatch); /* a throw before anything else */
	build(b, n->a);
	b->tries = t.outer;
	for (size_t p = first; p < b->f->npoints; p++)
		add_edge(b, (unsigned)p, t.dispatch);
	end_body = b->cur;
	join = new_point(b, n->post, NULL);
	add_edge(b, end_body, join);
	for (size_t i = 0; i < n->nkids; i++) {
		b->cur = t.dispatch;
		build(b, n->kids[i]);
		add_edge(b, b->cur, join);
	}
	/* an exception no handler catches goes further out */
	if (b->tries)
		add_edge(b, t.dispatch, b->tries->dispatch);
	else
		add_edge(b, t.dispatch, b->f->exit);
	b->cur = join;
}

static void build(struct builder *b, const struct vnode *n)
{
	struct target *t;

	if (!n)
		return;
	switch (n->kind) {
	case V_SEQ:
		build_kids(b, n);
		break;
	case V_DECL:
	case V_SUSPEND:
	case V_CALL:
	case V_EVENT:
	case V_UNLOCK:
		build_kids(b, n);
		go(b, new_point(b, n->post, n));
		break;
	case V_IF:
	case V_COND:
		build_branches(b, n);
		break;
	case V_LOOP:
		build_loop(b, n);
		break;
	case V_SWITCH:
		build_switch(b, n);
		break;
	case V_CASE: {
		unsigned p = new_point(b, n->pre, NULL);
		go(b, p);
		for (t = b->targets; t && t->is_loop; t = t->outer)
			;
		if (t) {
			add_edge(b, t->dispatch, p);
			if (n->flags & CASE_DEFAULT)
				t->has_default = true;
		}
		build_kids(b, n);
		break;
	}
	case V_BREAK:
		t = innermost(b, false);
		add_edge(b, b->cur, t ? t->brk : b->f->exit);
		b->cur = NONE;
		break;
	case V_CONTINUE:
		t = innermost(b, true);
		add_edge(b, b->cur, t ? t->cont : b->f->exit);
		b->cur = NONE;
		break;
	case V_RETURN:
		build_kids(b, n);
		add_edge(b, b->cur, b->f->exit);
		b->cur = NONE;
		break;
	case V_THROW:
		build_kids(b, n);
		add_edge(b, b->cur, b->tries ? b->tries->dispatch : b->f->exit);
		b->cur = NONE;
		break;
	case V_GOTO:
		add_edge(b, b->cur, label_point(b, n->label, NONE));
		b->cur = NONE;
		break;
	case V_LABEL:
		go(b, label_point(b, n->label, n->pre));
		build_kids(b, n);
		break;
	case V_TRY:
		build_try(b, n);
		break;
	}
}

static int cmp_edge(const void *pa, const void *pb)
{
	const struct edge *a = pa, *b = pb;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	return 0;
}

void flow_build(struct flow *f, const struct fn_view *fn)
{
	struct builder b;

	memset(f, 0, sizeof(*f));
	memset(&b, 0, sizeof(b));
	b.f = f;
	b.nlabels = fn->nlabels;
	/* a goto into a branch would bypass its condition */
	b.conds = fn->nconds > 0 && fn->nlabels == 0;
	b.labels = xmalloc((size_t)(fn->nlabels + 1) * sizeof(*b.labels));
	for (int i = 0; i < fn->nlabels; i++)
		b.labels[i] = NONE;

	f->entry = new_point(&b, 0, NULL);
	f->exit = new_point(&b, fn->body ? fn->body->post : 0, NULL);
	b.cur = f->entry;
	build(&b, fn->body);
	add_edge(&b, b.cur, f->exit);
	/* a label no goto refers to still needs a point: nothing to do */

	qsort(b.edges, b.nedges, sizeof(*b.edges), cmp_edge);
	f->succ = xmalloc((b.nedges + 1) * sizeof(*f->succ));
	for (size_t i = 0; i < b.nedges; i++) {
		if (i && !cmp_edge(&b.edges[i - 1], &b.edges[i]))
			continue;
		struct flow_point *p = &f->points[b.edges[i].from];
		if (!p->nsucc)
			p->succ = f->nsucc;
		p->nsucc++;
		f->succ[f->nsucc++] = b.edges[i].to;
	}
	free(b.edges);
	free(b.labels);
}

void flow_release(struct flow *f)
{
	free(f->points);
	free(f->succ);
	memset(f, 0, sizeof(*f));
}
