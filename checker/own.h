/*
 * own.h - ownership effects of calls, decided on the view.
 *
 * The walker records each call that names a tracked variable as a V_CALL
 * node with a struct vown (view.h): the callee's names, the variable it
 * is called on, the variables its arguments name.  own_apply() turns
 * these into V_EVENT nodes after the call, by the tables in known.h:
 * lk.unlock() releases lk, lk.reset(p) re-acquires it, std::move(lk)
 * releases it, std::swap(a, b) swaps, g_steal_pointer(&p) releases p.
 * Nothing here knows about libclang.
 */
#ifndef AWAIT_HOLDING_OWN_H
#define AWAIT_HOLDING_OWN_H

struct fn_view;

/*
 * Add the ownership events of every call in 'fn' after the call, and
 * remove the calls that were made only for this (vcall.hidden).  Runs
 * before the view is numbered (view_finish()).  New nodes live in
 * fn->arena.
 */
void own_apply(struct fn_view *fn);

#endif
