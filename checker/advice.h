/*
 * advice.h - the "help:" note that ends a finding in text output: what
 * to do in this case, computed from the finding and the code around it.
 *
 * From the finding alone: which suspension comes first, whether every
 * suspension comes through a call chain (then the first call of the
 * chain is the one to move), whether the guard is a lock pair of C
 * functions.  From the source text (srcfile.h), by a lexical scan of the
 * guard's enclosing block: the lines where the guard's name is used, so
 * that "not used after line N: end its scope there" or "used again at
 * line U, after the suspension" can be said.  A use inside the
 * suspending expression (the operand of co_await or co_yield, the
 * arguments of a suspending call) is evaluated before the suspension,
 * so it is not a use after it; the operand's end is found lexically too.
 *
 * What a scan of the text cannot see, and the walker would have to
 * record in the view (view.h) to make the advice exact:
 *  - uses of the guard through references, pointers, macros or members
 *    (the scan sees only its name, so a use through an alias is missed
 *    and a same-named identifier in a nested lambda counts);
 *  - the extent of the suspending expression (the lexical scan stops a
 *    co_await operand at a template argument list, 'co_await f<T>(lk)',
 *    and then counts 'lk' as used after the suspension);
 *  - the guard's scope end as a position (struct vvar has its number
 *    range lo..hi, not the closing brace), needed to bound the scan
 *    without counting braces;
 *  - whether the guard's type has unlock()/reset() (a lock_guard has
 *    neither; the advice guesses from the matched rule's name);
 *  - for "a coroutine-aware mutex fits": every place the same mutex is
 *    locked, across functions, and whether each is in a coroutine (a
 *    summary over all views keyed by the lock expression or the mutex
 *    declaration's USR, which the view does not carry for guard types).
 */
#ifndef AWAIT_HOLDING_ADVICE_H
#define AWAIT_HOLDING_ADVICE_H

struct arena;
struct finding;
struct srcfiles;

/*
 * The help text for 'f' (without "help: "), one line.  'src' may be NULL
 * (then the uses of the guard are not looked at).  Never NULL; returns
 * memory owned by 'a'.
 */
const char *advice_help(struct arena *a, const struct finding *f,
			struct srcfiles *src);

#endif
