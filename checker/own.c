/*
 * own.c - ownership effects of calls on the view (own.h).
 *
 * Rules, in order (the first that applies decides):
 *   g_steal_pointer(&p) and friends: p owns nothing after;
 *   std::move(x) / std::exchange(x, v) not already a move event: x owns
 *     nothing after;
 *   std::lock(a, b...): each owns again;
 *   std::swap(a, b): they exchange (with one untracked side: the tracked
 *     one may own anything, counted as owning);
 *   a member call on a tracked guard: known_method() says;
 *   other.swap(g) on an untracked object: g owns what 'other' owned.
 */
#include "common.h"
#include "own.h"
#include "arena.h"
#include "known.h"
#include "view.h"

#include <string.h>

/* A variable an argument names directly (not through '&'), or -1. */
static int arg_var(const struct vown *o, int i)
{
	if (i >= o->nargs || (o->flags[i] & ARG_UNARY))
		return -1;
	return o->args[i];
}

static void event(struct arena *a, struct vnode *into, const struct vnode *call,
		  enum vevent ev, int var, int var2)
{
	struct vnode *n = view_new_node(a, V_EVENT);
	n->loc = call->loc;
	n->ev = ev;
	n->var = var;
	n->var2 = var2;
	view_add_kid(a, into, n);
}

static void member_effects(struct arena *a, struct vnode *into,
			   const struct vnode *call, const struct vown *o)
{
	int var = o->obj;
	switch (known_method(o->method)) {
	case METHOD_RELEASE:
		event(a, into, call, EV_RELEASE, var, -1);
		break;
	case METHOD_ACQUIRE:
		event(a, into, call, EV_ACQUIRE, var, -1);
		break;
	case METHOD_RESET: {
		bool empty = o->nargs <= 0 || (o->flags[0] & ARG_EMPTY);
		event(a, into, call, empty ? EV_RELEASE : EV_ACQUIRE, var, -1);
		break;
	}
	case METHOD_SWAP: {
		if (o->nargs != 1)
			break;
		int other = arg_var(o, 0);
		if (other >= 0)
			event(a, into, call, EV_SWAP, var, other);
		else
			event(a, into, call, EV_ACQUIRE, var, -1);
		break;
	}
	case METHOD_NONE:
		break;
	}
}

/* The events of one call, appended to 'into'. */
static void call_effects(struct arena *a, struct vnode *into,
			 const struct vnode *call)
{
	const struct vown *o = call->call->own;
	switch (known_function(o->name)) {
	case KNOWN_STEAL:
		if (o->nargs >= 1 && (o->flags[0] & ARG_UNARY) && o->args[0] >= 0)
			event(a, into, call, EV_RELEASE, o->args[0], -1);
		if (o->nargs >= 1)
			return;
		break;
	case KNOWN_MOVE:
	case KNOWN_EXCHANGE:
		if (o->nargs >= 1 && !o->move_done) {
			int v = arg_var(o, 0);
			if (v >= 0)
				event(a, into, call, EV_RELEASE, v, -1);
			return;
		}
		break;
	case KNOWN_LOCK_ALL:
		for (int i = 0; i < o->nargs; i++)
			if (arg_var(o, i) >= 0)
				event(a, into, call, EV_ACQUIRE, arg_var(o, i), -1);
		return;
	case KNOWN_SWAP:
		if (o->nargs == 2) {
			int x = arg_var(o, 0), y = arg_var(o, 1);
			if (x >= 0 && y >= 0)
				event(a, into, call, EV_SWAP, x, y);
			else if (x >= 0 || y >= 0)
				event(a, into, call, EV_ACQUIRE, x >= 0 ? x : y, -1);
			return;
		}
		break;
	case KNOWN_NONE:
		break;
	}
	if (!o->member)
		return;
	if (o->obj >= 0) {
		member_effects(a, into, call, o);
	} else if (!strcmp(o->method, "swap") && o->nargs == 1 &&
		   arg_var(o, 0) >= 0) {
		event(a, into, call, o->obj_empty ? EV_RELEASE : EV_ACQUIRE,
		      arg_var(o, 0), -1);
	}
}

/* A kid, and after it its events if it is a call (view_replace_kids()). */
static void with_effects(struct arena *a, struct vnode *n, struct vnode *kid,
			 void *arg)
{
	bool own = kid->kind == V_CALL && kid->call && kid->call->own;
	(void)arg;
	if (!own || !kid->call->hidden)
		view_add_kid(a, n, kid);
	if (own)
		call_effects(a, n, kid);
}

static void apply(struct arena *a, struct vnode *n)
{
	if (!n)
		return;
	apply(a, n->a);
	apply(a, n->b);
	apply(a, n->c);
	bool any = false;
	for (size_t i = 0; i < n->nkids; i++) {
		apply(a, n->kids[i]);
		any |= n->kids[i]->kind == V_CALL && n->kids[i]->call &&
		       n->kids[i]->call->own;
	}
	if (any)
		view_replace_kids(a, n, with_effects, NULL);
}

void own_apply(struct fn_view *fn)
{
	apply(fn->arena, fn->body);
}
