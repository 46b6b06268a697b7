/*
 * walk.h - the AST walk: from libclang cursors to our own struct fn_view
 * (view.h), one per function body, lambda and coroutine in the main file.
 *
 * This is where C++ meets our model: which locals are guards (by the
 * rules, annotations, clang's scoped_lockable, and through owning
 * wrappers), which expressions are suspension points, which calls
 * release, move or re-acquire a guard, and the control structure around
 * them.  After this, nothing sees a cursor.
 */
#ifndef AWAIT_HOLDING_WALK_H
#define AWAIT_HOLDING_WALK_H

#include <stdbool.h>

struct diag_list;
struct fn_view;
struct rules;
struct tu;

/*
 * Views of every function defined in the TU's main file, as a list
 * linked through fn_view.next, in source order.  Memory is owned by the
 * TU's arena.  Calls carry callee names and USRs; whether a call
 * suspends is marked for configured and annotated callees here and for
 * the rest by the summary pass.  Problems in the source itself (our
 * annotations where they mean nothing) are added to 'problems'.  When
 * a function nests deeper than the walker follows, the part past the
 * limit is not checked: an error problem names the function and
 * '*incomplete' is set, so that the run's status says so.
 */
struct fn_view *walk_tu(struct tu *tu, struct rules *rules,
			struct diag_list *problems, bool *incomplete);

#endif
