/*
 * lifetime.h - find guards that may own their resource at a suspension
 * point, on some path.
 *
 * Input: one function's view (view.h) and its graph (flow.h), with every
 * V_CALL's 'suspends' already decided.  Output: one finding per guard
 * variable, listing every suspension point it may be held across,
 * appended to a struct diag_list.  Knows nothing about libclang.
 *
 * The analysis is a reachability search per guard variable from the
 * points where it starts owning (its declaration, an acquire, a move
 * into it, entry for a by-value coroutine parameter), stopping where it
 * stops owning (release, move out, leaving its scope).  Each point is
 * visited at most once per search, so the cost is the size of the region
 * where each guard is held: linear for the usual shapes, and bounded by
 * the size of the output otherwise.
 */
#ifndef AWAIT_HOLDING_LIFETIME_H
#define AWAIT_HOLDING_LIFETIME_H

#include <stdbool.h>
#include <stddef.h>

struct diag_list;
struct flow;
struct fn_view;

/*
 * Append one finding per guard of 'fn' held across a suspension point.
 * Strings are copied into 'out'.  Returns the number of findings added.
 */
size_t lifetime_check(const struct fn_view *fn, const struct flow *f,
		      struct diag_list *out);

/*
 * Follow 'var' of 'fn', owning at entry: may it still own at the exit
 * ('*at_exit'; false means it is released, reset or moved away wherever
 * the function returns) and at some suspension point ('*at_suspension';
 * false means every suspension happens with it let go)?  A move into
 * another variable ends it: what the function does with the other one
 * is its own business.
 */
void lifetime_follow(const struct fn_view *fn, const struct flow *f, int var,
		     bool *at_exit, bool *at_suspension);

/*
 * As lifetime_follow(), for a lock: 'var' (owning at entry) stands for
 * the lock vars[var].lock_key held by the caller, and every variable of
 * that key counts (the function's own acquires, a guard that adopts
 * it): may one of them own at the exit, or at some suspension point?
 */
void lifetime_follow_key(const struct fn_view *fn, const struct flow *f,
			 int var, bool *at_exit, bool *at_suspension);

#endif
