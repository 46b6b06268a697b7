/*
 * walk_flag.c - flags that decide at run time whether a call may sleep:
 * bcachefs's printbuf allocates with GFP_NOWAIT while "out->atomic" is
 * raised (krealloc(p, n, !out->atomic ? gfp : GFP_NOWAIT)), and its
 * callers raise it around the code that must not sleep
 * (guard(printbuf_atomic)(out), printbuf_atomic_inc(out)).
 *
 * A flag is a field of an object reached through a parameter or a local
 * ("out->atomic", "buf.atomic"), named by its key as locks are.  The
 * walker records:
 * - the calls made only while a flag of a parameter is down (vcall.
 *   flag_down): in the branch of an if or ?: whose condition says so
 *   ("!out->atomic", "out->x && !out->atomic", a local initialized with
 *   such a condition and never written), and a configured call whose
 *   unless-arg argument is "C ? A : B" with one arm exempt (the call
 *   may suspend only on the other arm's side of C);
 * - the places that raise or lower a flag ("p->f++", "p->f = true",
 *   "p->f--", "p->f = 0"): V_UNLOCK nodes whose lock says so (vlock.
 *   acquire true: raised; type "flag").
 * summary.c makes the suspension of such a function conditional on the
 * flag of its caller's argument, and exempts a call where the caller has
 * raised it on every path.  Needs libclang 17 (operator kinds).
 */
#include "common.h"
#include "walk_p.h"
#include "rules.h"
#include "util.h"
#include "view.h"

#include <string.h>

#if CINDEX_VERSION_MINOR >= 64
/* The root declaration of a member chain "p->a.b", or a null cursor. */
static CXCursor root_decl(CXCursor e, int depth)
{
	e = strip_expr(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_DeclRefExpr)
		return clang_getCursorReferenced(e);
	if (depth > 8 || k != CXCursor_MemberRefExpr)
		return clang_getNullCursor();
	struct kids ks;
	kids_of(e, &ks);
	CXCursor r = ks.n == 1 ? root_decl(ks.c[0], depth + 1) : clang_getNullCursor();
	kids_release(&ks);
	return r;
}

/* A flag: a scalar field read through a parameter or a local. */
static const char *flag_of(struct walk *w, CXCursor e)
{
	e = strip_expr(e);
	if (clang_getCursorKind(e) != CXCursor_MemberRefExpr)
		return NULL;
	CXType t = clang_getCanonicalType(clang_getCursorType(e));
	if (t.kind < CXType_Bool || t.kind > CXType_LongLong)
		return NULL; /* the integer and bool kinds */
	CXCursor d = root_decl(e, 0);
	enum CXCursorKind dk = clang_getCursorKind(d);
	if (dk != CXCursor_ParmDecl && dk != CXCursor_VarDecl)
		return NULL;
	return mutex_key(w, e);
}

static bool is_zero(CXCursor e)
{
	e = strip_expr(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k != CXCursor_IntegerLiteral && k != CXCursor_CXXBoolLiteralExpr &&
	    k != CXCursor_UnexposedExpr)
		return false;
	CXEvalResult r = clang_Cursor_Evaluate(e);
	bool zero = r && clang_EvalResult_getKind(r) == CXEval_Int &&
		    clang_EvalResult_getAsLongLong(r) == 0;
	if (r)
		clang_EvalResult_dispose(r);
	return zero;
}

struct writes {
	CXCursor var;
	bool written;
};

static enum CXChildVisitResult write_cb(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct writes *wr = data;
	(void)parent;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor lhs = clang_getNullCursor();
	if (k == CXCursor_BinaryOperator &&
	    clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign) {
		struct kids ks;
		kids_of(c, &ks);
		if (ks.n == 2)
			lhs = ks.c[0];
		kids_release(&ks);
	} else if (k == CXCursor_CompoundAssignOperator ||
		   (k == CXCursor_UnaryOperator &&
		    clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_LNot &&
		    clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_Deref)) {
		struct kids ks;
		kids_of(c, &ks);
		if (ks.n)
			lhs = ks.c[0];
		kids_release(&ks);
	}
	lhs = strip_expr(lhs);
	if (!clang_Cursor_isNull(lhs) &&
	    clang_getCursorKind(lhs) == CXCursor_DeclRefExpr &&
	    clang_equalCursors(clang_getCursorReferenced(lhs), wr->var)) {
		wr->written = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/*
 * When 'cond' is true, is a flag down ('*down' true) or up (false)?
 * Returns its key, or NULL when 'cond' says nothing about one.  '*iff':
 * and when it is false, the flag is the other way ("!f", not "a && !f").
 */
static const char *flag_test(struct walk *w, CXCursor cond, bool *down,
			     bool *iff, int depth)
{
	CXCursor e = strip_expr(cond);
	enum CXCursorKind k = clang_getCursorKind(e);
	const char *key = NULL;
	*down = *iff = false;
	if (depth > 8)
		return NULL;
	if ((key = flag_of(w, e))) {
		*down = false;
		*iff = true;
		return key;
	}
	struct kids ks;
	kids_of(e, &ks);
	if (k == CXCursor_UnaryOperator && ks.n == 1 &&
	    clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_LNot) {
		key = flag_test(w, ks.c[0], down, iff, depth + 1);
		*down = key && !*down;
	} else if (k == CXCursor_BinaryOperator && ks.n == 2) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
		if (op == CXBinaryOperator_LAnd) {
			/* both hold: "x->may_vmalloc && !x->atomic" says the
			 * flag atomic is down (a flag up is not used) */
			key = flag_test(w, ks.c[0], down, iff, depth + 1);
			if (!key || !*down) {
				bool d2, i2;
				const char *k2 = flag_test(w, ks.c[1], &d2, &i2,
							   depth + 1);
				if (k2 && (d2 || !key)) {
					key = k2;
					*down = d2;
				}
			}
			*iff = false;
		} else if (op == CXBinaryOperator_EQ || op == CXBinaryOperator_NE) {
			int side = is_zero(ks.c[1]) ? 0 : is_zero(ks.c[0]) ? 1 : -1;
			key = side >= 0 ? flag_of(w, ks.c[side]) : NULL;
			*down = op == CXBinaryOperator_EQ;
			*iff = true;
		}
	} else if (k == CXCursor_DeclRefExpr) {
		/* a local initialized with a flag test and never written */
		CXCursor d = clang_getCursorReferenced(e);
		CXCursor init = clang_getCursorKind(d) == CXCursor_VarDecl
					? var_init(d)
					: clang_getNullCursor();
		CXCursor fn = clang_getCursorSemanticParent(d);
		if (!clang_Cursor_isNull(init) && is_function_kind(clang_getCursorKind(fn)) &&
		    (key = flag_test(w, init, down, iff, depth + 1))) {
			/* the function is read only for such a local */
			struct writes wr = { d, false };
			clang_visitChildren(fn, write_cb, &wr);
			if (wr.written)
				key = NULL;
		}
	}
	kids_release(&ks);
	return key;
}
#endif

/*
 * The context for the branch of a condition 'cond' taken when it is
 * 'truth': 'x' with the flag it says is down.
 */
struct ectx flag_branch(struct walk *w, CXCursor cond, bool truth,
			const struct ectx *x)
{
	struct ectx in = *x;
#if CINDEX_VERSION_MINOR >= 64
	bool down, iff;
	const char *key = w->src.lang_c ? flag_test(w, cond, &down, &iff, 0) : NULL;
	if (key && (truth ? down : iff && !down))
		in.flag_down = key;
#else
	(void)w;
	(void)cond;
	(void)truth;
#endif
	return in;
}

/* The text of 'e' as written where it is used ("GFP_NOWAIT", not the
 * macro's body), without blanks; NULL if unknown. */
const char *flag_arm_text(struct walk *w, CXCursor e)
{
	CXSourceRange r = clang_getCursorExtent(e);
	CXFile fs, fe;
	unsigned so, eo;
	size_t size;
	clang_getExpansionLocation(clang_getRangeStart(r), &fs, NULL, NULL, &so);
	clang_getExpansionLocation(clang_getRangeEnd(r), &fe, NULL, NULL, &eo);
	const char *buf = fs ? file_contents(&w->src, fs, &size) : NULL;
	if (!buf || !fe || !clang_File_isEqual(fs, fe) || eo > size || eo < so)
		return NULL;
	if (eo == so) /* a macro name alone: its extent ends where it starts */
		while (eo < size && is_ident_char(buf[eo]))
			eo++;
	struct strbuf sb;
	strbuf_init(&sb);
	add_unblanked(&sb, buf, so, eo);
	const char *out = arena_strdup(w->src.a, sb.buf);
	strbuf_release(&sb);
	return out;
}

/*
 * A configured call whose unless-arg argument 'arg' is "C ? A : B" with
 * one arm exempt: it may suspend only where C sends it to the other arm.
 * Returns that arm (the argument the condition is then decided by), and
 * sets call->flag_down when that side of C has a flag down; a null
 * cursor when 'arg' is not of that shape.
 */
CXCursor flag_unless_arm(struct walk *w, CXCursor arg, const struct rule *r,
			 struct vcall *call)
{
#if CINDEX_VERSION_MINOR >= 64
	CXCursor e = strip_expr(arg);
	if (!w->src.lang_c || clang_getCursorKind(e) != CXCursor_ConditionalOperator)
		return clang_getNullCursor();
	struct kids ks;
	kids_of(e, &ks);
	CXCursor arm = clang_getNullCursor();
	if (ks.n == 3) {
		bool ex1 = rules_unless_exempts(r->unless, flag_arm_text(w, ks.c[1]));
		bool ex2 = rules_unless_exempts(r->unless, flag_arm_text(w, ks.c[2]));
		bool down, iff;
		const char *key = ex1 != ex2 ? flag_test(w, ks.c[0], &down, &iff, 0)
					     : NULL;
		/* the arm that may sleep runs when C is true (arm 1) or false */
		if (key && (ex2 ? down : iff && !down)) {
			call->flag_down = key;
			arm = ks.c[ex1 ? 2 : 1];
		}
	}
	kids_release(&ks);
	return arm;
#else
	(void)w;
	(void)arg;
	(void)r;
	(void)call;
	return clang_getNullCursor();
#endif
}

/*
 * "p->f++", "p->f += n", "p->f = 1" raise a flag; "p->f--", "p->f = 0"
 * lower it.  Recorded as a V_UNLOCK node of type "flag" (summary.c);
 * the expression is walked by the caller as usual.
 */
void flag_event(struct walk *w, CXCursor c, struct vnode *seq)
{
#if CINDEX_VERSION_MINOR >= 64
	if (!w->src.lang_c)
		return;
	enum CXCursorKind k = clang_getCursorKind(c);
	struct kids ks;
	kids_of(c, &ks);
	const char *key = ks.n ? flag_of(w, ks.c[0]) : NULL;
	int raise = -1;
	if (key && k == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
		if (op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PreInc)
			raise = 1;
		else if (op == CXUnaryOperator_PostDec || op == CXUnaryOperator_PreDec)
			raise = 0;
	} else if (key && ks.n == 2 && k == CXCursor_CompoundAssignOperator) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		if (op == CXBinaryOperator_AddAssign || op == CXBinaryOperator_OrAssign)
			raise = 1;
		else if (op == CXBinaryOperator_SubAssign)
			raise = 0;
	} else if (key && ks.n == 2 && k == CXCursor_BinaryOperator &&
		   clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign) {
		raise = !is_zero(ks.c[1]);
	}
	kids_release(&ks);
	if (raise < 0)
		return;
	struct vlock *l = arena_alloc(w->src.a, sizeof(*l));
	l->key = key;
	l->acquire = raise;
	l->type = "flag";
	struct vnode *n = new_node(w, V_UNLOCK, c);
	n->lock = l;
	add_node(w, seq, n);
#else
	(void)w;
	(void)c;
	(void)seq;
#endif
}
