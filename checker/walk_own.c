/*
 * walk_own.c - what an expression does to a guard's ownership: member
 * calls (unlock(), release(), reset(p), swap()), assignments, moves
 * (std::move, std::exchange), values that own nothing (nullptr,
 * std::nullopt, defer_lock), as ownership events on the view.  The names
 * are library knowledge and live in known.c.
 */
#include "common.h"
#include "walk_p.h"
#include "known.h"

#include <string.h>

bool is_defer_lock_arg(struct walk *w, CXCursor arg)
{
	CXCursor d = type_decl(clang_getCursorType(arg));
	if (clang_Cursor_isNull(d))
		return false;
	const char *q = qualname(w, d);
	return known_defer_tag(q);
}

/* nullptr, NULL, 0, std::nullopt, {} : a value that owns nothing. */
bool is_empty_value(struct walk *w, CXCursor e)
{
	e = strip_expr(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_CXXNullPtrLiteralExpr || k == CXCursor_GNUNullExpr)
		return true;
	if (k == CXCursor_CStyleCastExpr || k == CXCursor_CXXStaticCastExpr) {
		/* (void *)0 */
		struct kids ks;
		kids_of(e, &ks);
		bool empty = ks.n && is_empty_value(w, ks.c[ks.n - 1]);
		kids_release(&ks);
		return empty;
	}
	if (k == CXCursor_IntegerLiteral) {
		CXEvalResult r = clang_Cursor_Evaluate(e);
		bool zero = r && clang_EvalResult_getKind(r) == CXEval_Int &&
			    clang_EvalResult_getAsLongLong(r) == 0;
		if (r)
			clang_EvalResult_dispose(r);
		return zero;
	}
	if (k == CXCursor_DeclRefExpr) {
		CXCursor ref = clang_getCursorReferenced(e);
		const char *q = qualname(w, ref);
		return known_empty_constant(q);
	}
	if (k == CXCursor_InitListExpr) {
		struct kids ks;
		kids_of(e, &ks);
		bool empty = ks.n == 0;
		kids_release(&ks);
		return empty;
	}
	if (k == CXCursor_CXXFunctionalCastExpr || k == CXCursor_CallExpr) {
		CXCursor ref = clang_getCursorReferenced(e);
		if (k == CXCursor_CallExpr &&
		    clang_getCursorKind(ref) == CXCursor_Constructor) {
			int n = clang_Cursor_getNumArguments(e);
			bool all_empty = true;
			for (int i = 0; i < n; i++) {
				CXCursor arg = clang_Cursor_getArgument(e, (unsigned)i);
				if (is_defer_lock_arg(w, arg))
					return true;
				if (!is_default_arg(e, arg) && !is_empty_value(w, arg))
					all_empty = false;
			}
			/* T(), T(nullptr), T(std::nullopt), T(std::move(empty)) */
			return all_empty;
		}
		struct kids ks;
		kids_of(e, &ks);
		bool empty = false;
		for (unsigned i = 0; i < ks.n; i++) {
			enum CXCursorKind kk = clang_getCursorKind(ks.c[i]);
			if (kk != CXCursor_TypeRef && kk != CXCursor_TemplateRef &&
			    kk != CXCursor_NamespaceRef)
				empty = is_empty_value(w, ks.c[i]);
		}
		kids_release(&ks);
		return empty;
	}
	return false;
}

/*
 * If 'e' is std::move(x) (through copy/move constructors and casts) of a
 * tracked variable x, return x and set '*call' to the std::move call.
 */
int move_source(struct walk *w, CXCursor e, CXCursor *call)
{
	for (int guard = 0; guard < 16; guard++) {
		e = strip_expr(e);
		enum CXCursorKind k = clang_getCursorKind(e);
		if (k == CXCursor_CXXFunctionalCastExpr ||
		    k == CXCursor_CXXStaticCastExpr) {
			struct kids ks;
			kids_of(e, &ks);
			CXCursor last = ks.n ? ks.c[ks.n - 1] : clang_getNullCursor();
			kids_release(&ks);
			if (clang_Cursor_isNull(last))
				return -1;
			e = last;
			continue;
		}
		if (k == CXCursor_DeclRefExpr && guard > 0) {
			/* reached through a cast: static_cast<T &&>(x) */
			int v = var_of_decl(w, clang_getCursorReferenced(e));
			if (v >= 0)
				*call = e;
			return v;
		}
		if (k != CXCursor_CallExpr)
			return -1;
		CXCursor ref = clang_getCursorReferenced(e);
		if (clang_getCursorKind(ref) == CXCursor_Constructor) {
			if (clang_Cursor_getNumArguments(e) != 1 ||
			    !(clang_CXXConstructor_isMoveConstructor(ref) ||
			      clang_CXXConstructor_isCopyConstructor(ref)))
				return -1;
			e = clang_Cursor_getArgument(e, 0);
			continue;
		}
		if (clang_Cursor_isNull(ref))
			ref = overload_of(e);
		if (clang_Cursor_isNull(ref))
			return -1;
		struct callee *ce = callee_of(w, ref);
		if ((ce->known == KNOWN_MOVE || ce->known == KNOWN_EXCHANGE) &&
		    clang_Cursor_getNumArguments(e) >= 1) {
			int v = var_of_expr(w, clang_Cursor_getArgument(e, 0));
			if (v >= 0)
				*call = e;
			return v;
		}
		return -1;
	}
	return -1;
}

/* x = rhs, where x is tracked: what does x own afterwards? */
void walk_assign(struct walk *w, CXCursor at, int var, CXCursor rhs,
		 struct vnode *seq, const struct ectx *x)
{
	CXCursor mv = clang_getNullCursor();
	int src = move_source(w, rhs, &mv);
	struct ectx in = *x;

	if (src >= 0) {
		in.move_done = mv;
		walk_expr(w, rhs, seq, &in);
		if (src != var)
			add_event(w, seq, at, EV_MOVE, src, var);
		return;
	}
	in.own_init = strip_expr(rhs);
	walk_expr(w, rhs, seq, &in);
	add_event(w, seq, at, is_empty_value(w, rhs) ? EV_RELEASE : EV_ACQUIRE, var,
	      -1);
}

/*
 * Does the constructor call 'call' leave the guard 'gi' describes empty:
 * T() of a type that can be empty, or a defer_lock argument?
 */
bool ctor_leaves_empty(struct walk *w, CXCursor call,
			      const struct guard_info *gi)
{
	int n = clang_Cursor_getNumArguments(call);
	if (n == 0 && gi->maybe_empty)
		return true;
	for (int i = 0; i < n; i++)
		if (is_defer_lock_arg(w, clang_Cursor_getArgument(call, (unsigned)i)))
			return true;
	return false;
}


/*
 * The tracked variable argument 'arg' names: directly, or (flag
 * ARG_UNARY) under a unary operator, as in g_steal_pointer(&p).  -1 if
 * none.
 */
static int arg_var(struct walk *w, CXCursor arg, unsigned char *flags)
{
	int v = var_of_expr(w, arg);
	if (v >= 0)
		return v;
	CXCursor a = strip_expr(arg);
	if (clang_getCursorKind(a) != CXCursor_UnaryOperator)
		return -1;
	struct kids ks;
	kids_of(a, &ks);
	if (ks.n == 1 && (v = var_of_expr(w, ks.c[0])) >= 0)
		*flags |= ARG_UNARY;
	kids_release(&ks);
	return v;
}

/*
 * What own.c needs to decide the ownership effects of call 'c' to the
 * function named 'name' (qualified; "" when it depends on a template)
 * and 'method' (unqualified): NULL when neither its object nor any
 * argument names a tracked variable.  'member' says whether the callee
 * is a member function; 'obj' is the object it is called on (may be
 * null).
 */
struct vown *call_own(struct walk *w, CXCursor c, const char *name,
		      const char *method, bool member, CXCursor obj,
		      const struct ectx *x)
{
	int nargs = clang_Cursor_getNumArguments(c);
	int objvar = -1;
	bool any = false;

	member = member && !clang_Cursor_isNull(obj);
	if (member && (objvar = var_of_expr(w, obj)) >= 0)
		any = true;
	for (int i = 0; i < nargs && !any; i++) {
		unsigned char fl = 0;
		any = arg_var(w, clang_Cursor_getArgument(c, (unsigned)i), &fl) >= 0;
	}
	if (!any)
		return NULL;

	struct vown *o = arena_alloc(w->src.a, sizeof(*o));
	o->name = name;
	o->method = method;
	o->member = member;
	o->obj = objvar;
	o->obj_empty = member && objvar < 0 && is_empty_value(w, obj);
	o->nargs = nargs > 0 ? nargs : 0;
	o->args = arena_alloc(w->src.a, (size_t)o->nargs * sizeof(*o->args) + 1);
	o->flags = arena_alloc(w->src.a, (size_t)o->nargs + 1);
	for (int i = 0; i < o->nargs; i++) {
		CXCursor arg = clang_Cursor_getArgument(c, (unsigned)i);
		o->args[i] = arg_var(w, arg, &o->flags[i]);
		if (is_default_arg(c, arg) || is_empty_value(w, arg))
			o->flags[i] |= ARG_EMPTY;
	}
	o->move_done = same_cursor(x->move_done, c);
	return o;
}
