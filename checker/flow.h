/*
 * flow.h - the control-flow graph of one function, built from its
 * struct fn_view (view.h).  No libclang here: the graph is ours.
 *
 * A point is a place where something happens (a guard declared, an
 * ownership event, a call, a suspension) or where paths meet (a join, a
 * loop head, a label, a case).  Each point carries a number from the
 * view's numbering, so lifetime.c can tell with one comparison whether a
 * variable is alive there (view.h, "Numbering").  Which number a point
 * takes:
 *
 *   action of a node (decl, event, call, suspend)  the node's post
 *   join after if / ?: / && / ||                     the node's post
 *   loop head                                        the loop's pre
 *   loop exit, break target                          the loop's post
 *   for-loop continue target (before increment)      the increment's pre
 *   do-while continue target (before condition)      the condition's pre
 *   switch exit                                      the switch's post
 *   case / default / label                           that node's pre
 *   exception dispatch of a try                      first handler's pre
 *   function entry / exit                            0 / the body's post
 *   entry to a branch of an if on a tracked          the branch's pre
 *   condition                                        (no else: the if's post)
 *
 * Exceptions: every point inside a try body has an edge to its dispatch
 * point, which leads to each handler; a throw outside any try, like a
 * return, leads to the exit.
 */
#ifndef AWAIT_HOLDING_FLOW_H
#define AWAIT_HOLDING_FLOW_H

#include <stddef.h>

struct fn_view;
struct vnode;

struct flow_point {
	unsigned num;              /* region number, see above */
	const struct vnode *node;  /* the acting node, or NULL for a join */
	size_t succ, nsucc;        /* successors: flow.succ[succ .. succ+nsucc) */
	unsigned implied;          /* what reaching it implies of the tracked
				      conditions (vnode.cond): two bits each,
				      1 false, 2 true, 0 nothing; inside a
				      branch of an if on one, its value */
};

struct flow {
	struct flow_point *points;
	size_t npoints;
	unsigned *succ;            /* point indices */
	size_t nsucc;
	unsigned entry, exit;
};

/*
 * Build the graph of 'fn'.  Memory is malloc'd; free it with
 * flow_release().  Never fails (dies on OOM).
 */
void flow_build(struct flow *f, const struct fn_view *fn);
void flow_release(struct flow *f);

#endif
