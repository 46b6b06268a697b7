/*
 * summary.h - which functions may suspend, seen through calls.
 *
 * A function that is not a coroutine may suspend when it calls a
 * configured or annotated suspending function, expands a suspend macro,
 * or calls another function that may suspend.  Calling a coroutine does
 * not suspend the caller (only awaiting it does, and that is a co_await).
 * Functions are identified by USR, so a summary computed over several
 * translation units (a whole compile database) joins up across them.
 * Calls through function pointers and virtual calls are not followed.
 *
 * A configured call whose entry has unless-arg (rules.h) suspends
 * unless its argument is exempt; when that argument is a parameter of
 * the calling function, the function suspends under the same condition
 * on its own parameter, judged at each of its calls (kvmalloc(n, gfp) in
 * a wrapper called with GFP_NOWAIT does not sleep there).  A cleanup
 * call (view.h) is a call like any other.
 *
 * The same pass finds lock helpers: a function that only acquires (or
 * only releases) a lock-functions lock named through a parameter
 * ("void lock_queue(struct queue *q) { pthread_mutex_lock(&q->mu); }").
 * A call to it acquires (releases) that lock of the argument in the
 * caller: the call gets a new lock variable (or the variables it
 * releases), added to the caller's view.
 */
#ifndef AWAIT_HOLDING_SUMMARY_H
#define AWAIT_HOLDING_SUMMARY_H

#include <stddef.h>

struct fn_view;

/*
 * Mark every V_CALL in the views of 'fns' (an array of 'n' lists linked
 * through fn_view.next) whose callee may suspend: 'suspends' is set and,
 * for indirect suspension, 'chain' says how ("f -> g -> aco_yield", a
 * shortest chain) and 'hops' every distinct first hop, in the view's
 * arena.  Then lock helpers are applied at their calls
 * (lockpair_helpers()).  Returns the summaries, which the views do not
 * need afterwards: free them with summary_free() (NULL is fine).
 */
struct summary;
struct summary *summary_compute(struct fn_view *const *fns, size_t n);
void summary_free(struct summary *s);

#endif
