/*
 * await_holding.h - annotations for the await-holding checker.
 *
 *   struct AWAIT_HOLDING_MUST_NOT_SUSPEND Span { ... };
 *       A Span local held across co_await, co_yield or a suspending call
 *       is reported, with no configuration (the analogue of Rust's
 *       #[must_not_suspend]).
 *
 *   AWAIT_HOLDING_SUSPENDS void fiber_yield(void);
 *       A call to fiber_yield() is a suspension point, and so is a call
 *       to any function that may reach it.
 *
 * Both expand to clang's annotate attribute, which await-holding reads
 * through libclang, and to nothing for other compilers.  Works in C and
 * C++.  Put the type annotation between the class-key and the name, the
 * function annotation before the declaration (or after the parameter
 * list, as any GNU attribute).
 */
#ifndef AWAIT_HOLDING_ANNOTATIONS_H
#define AWAIT_HOLDING_ANNOTATIONS_H

#if defined(__clang__)
#define AWAIT_HOLDING_MUST_NOT_SUSPEND \
	__attribute__((annotate("await_holding::must_not_suspend")))
#define AWAIT_HOLDING_SUSPENDS \
	__attribute__((annotate("await_holding::suspends")))
#else
#define AWAIT_HOLDING_MUST_NOT_SUSPEND
#define AWAIT_HOLDING_SUSPENDS
#endif

#endif
