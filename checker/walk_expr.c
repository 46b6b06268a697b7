/*
 * walk_expr.c - expressions: calls, constructors of guard temporaries,
 * co_await / co_yield, && / || / ?: as branches, lambdas (their captures
 * here, their bodies as functions of their own), full-expressions (whose
 * temporaries die at their end), and the tracked variable an expression
 * names.
 */
#include "common.h"
#include "walk_p.h"
#include "known.h"
#include "rules.h"

#include <string.h>

int var_of_decl(struct walk *w, CXCursor decl)
{
	struct cmap_slot *s = cmap_find(&w->fb.vars, decl, false);
	return s ? (int)(intptr_t)s->val - 1 : -1;
}

void bind_decl(struct walk *w, CXCursor decl, int var)
{
	cmap_find(&w->fb.vars, decl, true)->val = (void *)(intptr_t)(var + 1);
}

/*
 * The tracked variable an expression names, or -1: the variable itself,
 * a reference to it, or '*p' where p holds its address (systemd's
 * TAKE_PTR and the kernel's no_free_ptr work through such a pointer).
 */
int var_of_expr(struct walk *w, CXCursor e)
{
	e = strip_expr(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_DeclRefExpr)
		return var_of_decl(w, clang_getCursorReferenced(e));
	if (k == CXCursor_MemberRefExpr && w->fb.nthis) {
		/* a guard member of the object a method runs on */
		struct kids ks;
		kids_of(e, &ks);
		bool on_this = ks.n == 0 ||
			       (ks.n == 1 && clang_getCursorKind(strip_expr(ks.c[0])) ==
						      CXCursor_CXXThisExpr);
		kids_release(&ks);
		return on_this ? var_of_decl(w, clang_getCursorReferenced(e)) : -1;
	}
	if (k == CXCursor_UnaryOperator && w->fb.ptrs.n && unary_op(w, e) == '*') {
		CXCursor p = unary_operand(e);
		if (clang_getCursorKind(p) != CXCursor_DeclRefExpr)
			return -1;
		struct cmap_slot *s = cmap_find(&w->fb.ptrs, clang_getCursorReferenced(p),
						false);
		return s ? (int)(intptr_t)s->val - 1 : -1;
	}
	return -1;
}

/* A pointer local initialized with the address of a tracked variable. */
void note_address_alias(struct walk *w, CXCursor var, CXCursor init)
{
	CXCursor e = strip_expr(init);
	if (unary_op(w, e) != '&')
		return;
	int v = var_of_expr(w, unary_operand(e));
	if (v >= 0)
		cmap_find(&w->fb.ptrs, var, true)->val = (void *)(intptr_t)(v + 1);
}

void walk_kids_expr(struct walk *w, CXCursor c, struct vnode *seq,
		    const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	for (unsigned i = 0; i < ks.n; i++)
		walk_expr(w, ks.c[i], seq, x);
	kids_release(&ks);
}

/*
 * A call made for its effects on tracked variables only (summary.c):
 * a user constructor given a guard, an awaiter's await_suspend.
 */
static void effects_call(struct walk *w, CXCursor at, const struct callee *ce,
			 struct vown *own, struct vnode *seq)
{
	struct vnode *n = new_node(w, V_CALL, at);
	n->call = arena_alloc(w->src.a, sizeof(*n->call));
	n->call->name = ce->name;
	n->call->usr = ce->usr;
	n->call->effects_only = true;
	n->call->own = own;
	add_node(w, seq, n);
}

/*
 * 'e' makes a temporary of a class whose destructor is the project's
 * ("flush(Flusher(fd))", "Flusher(fd);", "Flusher(fd).go()"): the
 * destructor runs at the end of the full-expression (walk_full_expr()).
 * Only these places, where the object is sure to be a temporary: not
 * one that initializes a variable, a member or a return value.
 */
static void temp_dtor(struct walk *w, CXCursor e)
{
	if (w->src.lang_c)
		return;
	CXCursor k = own_init_of(e);
	CXCursor ctor = clang_getCursorReferenced(k);
	if (clang_getCursorKind(k) != CXCursor_CallExpr ||
	    clang_getCursorKind(ctor) != CXCursor_Constructor ||
	    clang_CXXConstructor_isCopyConstructor(ctor) ||
	    clang_CXXConstructor_isMoveConstructor(ctor) || in_system_header(ctor))
		return;
	CXType t = clang_getCursorType(k);
	dtor_call(w, t, arena_printf(w->src.a, "temporary %s",
				     display_type(&w->src, t)));
}

/*
 * A constructor of the project's is a call: it may suspend (a lock that
 * waits in its constructor), and given a tracked guard it may end it
 * (move it into a member).
 */
static void ctor_effects(struct walk *w, CXCursor c, CXCursor ref,
			 struct vnode *seq, const struct ectx *x)
{
	if (in_system_header(ref))
		return;
	struct callee *ce = callee_of(w, ref);
	struct vown *own = call_own(w, c, ce->name, ce->method, false,
				    clang_getNullCursor(), x);
	struct vnode *n = new_node(w, V_CALL, c);
	n->call = arena_alloc(w->src.a, sizeof(*n->call));
	n->call->name = ce->name;
	n->call->usr = ce->usr;
	n->call->annotated = ce->annotated;
	n->call->configured = ce->configured;
	n->call->suspends = ce->annotated || ce->configured;
	n->call->own = own;
	add_node(w, seq, n);
}

static void walk_ctor(struct walk *w, CXCursor c, CXCursor ref,
		      struct vnode *seq, const struct ectx *x)
{
	struct guard_info gi;
	CXType t = clang_getCursorType(c);

	bool copy = clang_CXXConstructor_isMoveConstructor(ref) ||
		    clang_CXXConstructor_isCopyConstructor(ref);
	if (same_cursor(x->own_init, c) || copy || !classify_type(w, t, &gi, 0)) {
		walk_kids_expr(w, c, seq, x);
		if (!copy)
			ctor_effects(w, c, ref, seq, x);
		return;
	}
	/* a guard temporary: lives to the end of the full-expression */
	struct vnode *d = new_node(w, V_DECL, c);
	walk_kids_expr(w, c, d, x);
	ctor_effects(w, c, ref, d, x);
	declare(w, d, new_temp(w, c, t, &gi),
		ctor_leaves_empty(w, c, &gi) ? INIT_EMPTY : INIT_HELD, true, seq);
}

/*
 * A call that returns a guard by value makes a temporary that lives to the
 * end of the full-expression (unless it initializes a variable: then it
 * is that variable, see own_init).
 */
static void returned_temporary(struct walk *w, CXCursor c, CXCursor ref,
			       struct vnode *seq)
{
	CXType rt = clang_getResultType(clang_getCursorType(ref));
	CXType t = clang_getCanonicalType(clang_getCursorType(c));
	struct guard_info gi;

	switch (rt.kind) {
	case CXType_LValueReference:
	case CXType_RValueReference:
	case CXType_Pointer:
	case CXType_Void:
	case CXType_Invalid:
		return;
	default:
		break;
	}
	if ((t.kind != CXType_Record && t.kind != CXType_Elaborated &&
	     t.kind != CXType_Unexposed) ||
	    !classify_type(w, t, &gi, 0))
		return;
	declare(w, new_node(w, V_DECL, c), new_temp(w, c, t, &gi), INIT_HELD,
		true, seq);
}

/*
 * Hand 'own' to own.c on the call's node: 'call', or a hidden node made
 * for it when the call itself is not worth a node.
 */
static void own_call(struct walk *w, struct vnode *call, CXCursor c,
		     struct vown *own, struct vnode *seq)
{
	if (!call) {
		call = new_node(w, V_CALL, c);
		call->call = arena_alloc(w->src.a, sizeof(*call->call));
		call->call->name = own->name;
		call->call->hidden = true;
		add_node(w, seq, call);
	}
	call->call->own = own;
}

/*
 * The index of the walked function's parameter that argument text 'text'
 * names, alone or as an operand of '|' ("gfp | __GFP_ZERO", "(gfp)"), or
 * -1.
 */
int param_index(struct walk *w, const char *text)
{
	const struct fn_view *fn = w->fb.fn;
	for (const char *p = text; p && *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '(' ||
		       *p == ')' || *p == '|')
			p++;
		const char *e = p;
		while (is_ident_char(*e))
			e++;
		const char *after = e;
		while (*after == ' ' || *after == '\t' || *after == '\n' ||
		       *after == ')')
			after++;
		if (e > p && (!*after || (*after == '|' && after[1] != '|')))
			for (size_t i = 0; i < fn->nparams; i++)
				if (strlen(fn->params[i]) == (size_t)(e - p) &&
				    !strncmp(fn->params[i], p, (size_t)(e - p)))
					return (int)i;
		/* on to the next '|' operand */
		while (*e && !(*e == '|' && e[1] != '|' && (e == text || e[-1] != '|')))
			e++;
		p = e;
	}
	return -1;
}

/*
 * The walked function's parameter that expression 'e' names, or -1:
 * alone or, through '|', with other flags ("gfp | __GFP_ZERO" is exempt
 * whenever gfp is).
 */
static int param_of(struct walk *w, CXCursor e, int depth)
{
	e = strip_expr(e);
#if CINDEX_VERSION_MINOR >= 64
	if (clang_getCursorKind(e) == CXCursor_BinaryOperator && depth < 8 &&
	    clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Or) {
		struct kids ks;
		int p = -1;
		kids_of(e, &ks);
		for (unsigned i = 0; i < ks.n && p < 0; i++)
			p = param_of(w, ks.c[i], depth + 1);
		kids_release(&ks);
		return p;
	}
#else
	(void)depth;
#endif
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return -1;
	CXCursor d = clang_getCursorReferenced(e);
	if (clang_getCursorKind(d) != CXCursor_ParmDecl)
		return -1;
	return param_index(w, cx_strdup(w->src.a, clang_getCursorSpelling(d)));
}

/*
 * The arguments of call 'c' as written, for unless-arg conditions: the
 * text after the callee's name where it is spelled (the call itself, or
 * a macro's body), and for a call a macro wrote, the arguments of the
 * macro invocation in the file ("darray_push_gfp(&d, x, GFP_NOWAIT)").
 */
static void call_args(struct walk *w, CXCursor c, struct vcall *vc, int nargs)
{
	CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(c));
	const char **texts = NULL;
	size_t nt = 0;
	CXFile f;
	unsigned off;
	struct kids ks;

	kids_of(c, &ks);
	if (ks.n) {
		CXSourceRange r = clang_getCursorExtent(ks.c[0]);
		clang_getSpellingLocation(clang_getRangeEnd(r), &f, NULL, NULL, &off);
		nt = written_args(&w->src, f, off, &texts);
	}
	kids_release(&ks);
	if (from_macro(start)) {
		clang_getExpansionLocation(start, &f, NULL, NULL, &off);
		vc->nmargs = written_args(&w->src, f, off, &vc->margs);
	}
	vc->nvargs = (size_t)nargs;
	vc->args = arena_alloc(w->src.a, (size_t)nargs * sizeof(*vc->args));
	for (int i = 0; i < nargs; i++) {
		vc->args[i].text = nt == (size_t)nargs ? texts[i] : NULL;
		vc->args[i].param = param_of(w, clang_Cursor_getArgument(c, (unsigned)i),
					     0);
	}
}

/*
 * A call to an entry of 'r' with unless-arg, whose argument is 'a' (NULL
 * if it has none there): exempt, it does not suspend; the caller's
 * parameter, it suspends as the caller's callers decide (summary.c);
 * anything else suspends.
 */
void unless_decide(struct vcall *call, const struct rule *r,
		   const struct varg *a)
{
	bool exempt = a && rules_unless_exempts(r->unless, a->text);
	for (size_t i = 0; !exempt && i < call->nmargs; i++)
		exempt = rules_unless_exempts(r->unless, call->margs[i]);
	if (exempt) {
		call->suspends = false;
		call->by_arg = true;
	} else if (a && a->param >= 0) {
		call->suspends = false;
		call->by_arg = true;
		call->unless = r->unless;
		call->unless_param = a->param;
	} else {
		call->suspends = true;
	}
}

static void walk_resolved_call(struct walk *w, CXCursor c, CXCursor ref,
			       struct vnode *seq, const struct ectx *x)
{
	enum CXCursorKind rk = clang_getCursorKind(ref);
	if (rk == CXCursor_FunctionDecl || rk == CXCursor_CXXMethod)
		note_specialization(w, ref);
	struct callee *ce = callee_of(w, ref);
	int nargs = clang_Cursor_getNumArguments(c);
	const char *method = ce->method;

	/* x = y as an overloaded operator: object is argument 0 */
	if (!strcmp(method, "operator=") && nargs == 2) {
		int var = var_of_expr(w, clang_Cursor_getArgument(c, 0));
		if (var >= 0) {
			walk_assign(w, c, var, clang_Cursor_getArgument(c, 1), seq, x);
			return;
		}
	}

	struct vnode *call = NULL, *target = seq;
	if (ce->want && ce->known != KNOWN_MOVE) {
		call = new_node(w, V_CALL, c);
		call->call = arena_alloc(w->src.a, sizeof(*call->call));
		call->call->name = ce->name;
		call->call->usr = ce->usr;
		call->call->annotated = ce->annotated;
		call->call->configured = ce->configured;
		call->call->suspends = ce->annotated || ce->configured;
		if (w->unless && nargs > 0)
			call_args(w, c, call->call, nargs);
		if (ce->configured && w->fb.last_suspend_macro &&
		    start_offset(c) + 1 == w->fb.last_suspend_macro &&
		    from_macro(clang_getRangeStart(clang_getCursorExtent(c)))) {
			/* one suspension per site: the macro's */
			call->call->suspends = false;
			call->call->by_arg = true;
		} else if (!ce->annotated && ce->suspend_rule &&
			   ce->suspend_rule->unless) {
			unsigned i = ce->suspend_rule->unless->index;
			const struct varg *a = i < call->call->nvargs
						       ? &call->call->args[i]
						       : NULL;
			/* "C ? gfp : GFP_NOWAIT": decided by the arm that sleeps */
			CXCursor arm = (int)i < nargs
					       ? flag_unless_arm(w, clang_Cursor_getArgument(c, i),
								 ce->suspend_rule, call->call)
					       : clang_getNullCursor();
			struct varg va;
			if (!clang_Cursor_isNull(arm)) {
				va.text = flag_arm_text(w, arm);
				va.param = param_of(w, arm, 0);
				a = &va;
			}
			unless_decide(call->call, ce->suspend_rule, a);
		}
		if (!call->call->flag_down)
			call->call->flag_down = x->flag_down;
		if (nargs > 0 && !w->src.lang_c &&
		    mutex_args(w, c, call->call, nargs)) {
			/* the mutexes it is handed, for mutex summaries */
		} else if (rules_has_locks(w->rules) && nargs > 0 && !ce->lock) {
			/* the locks its arguments name, for lock helpers */
			call->call->nargs = (size_t)nargs;
			call->call->arg_keys = arena_alloc(w->src.a, (size_t)nargs *
						   sizeof(*call->call->arg_keys));
			for (int i = 0; i < nargs; i++) {
				/* locks are passed by address or reference */
				CXCursor arg = clang_Cursor_getArgument(c, (unsigned)i);
				enum CXTypeKind ak = clang_getCanonicalType(
					clang_getCursorType(arg)).kind;
				if (ak == CXType_Pointer || ak == CXType_Record ||
				    ak == CXType_Elaborated)
					call->call->arg_keys[i] =
						lock_expr_text_or_key(w, arg);
			}
		}
		target = call;
	}
	walk_kids_expr(w, c, target, x);
	if (call) {
		add_node(w, seq, call);
		if (call->call->arg_keys && x->cleanup != CLEANUP_NONE)
			scope_helper_call(w, call, x);
	}
	if (ce->may_return_guard && ce->known != KNOWN_MOVE &&
	    ce->known != KNOWN_EXCHANGE && !same_cursor(x->own_init, c))
		returned_temporary(w, c, ref, seq);
	if (ce->lock) {
		lock_call(w, c, ref, ce->lock, ce->lock_acquire, seq, x);
		return;
	}
	/* temporaries made for the call: destroyed at the full-expression's end */
	for (int i = 0; i < nargs && !w->src.lang_c; i++)
		temp_dtor(w, clang_Cursor_getArgument(c, (unsigned)i));
	if (rk == CXCursor_CXXMethod && !w->src.lang_c)
		temp_dtor(w, member_object(c));
	bool member = rk == CXCursor_CXXMethod || rk == CXCursor_Destructor ||
		      rk == CXCursor_FunctionTemplate;
	struct vown *own = call_own(w, c, ce->name,
				    rk == CXCursor_Destructor ? "~" : method,
				    member, member ? member_object(c)
						   : clang_getNullCursor(), x);
	if (own)
		own_call(w, call, c, own, seq);
	else if (rk == CXCursor_CXXMethod)
		mutex_call(w, c, method, member_object(c), seq);
}

/*
 * A call in a template whose callee depends on a template parameter:
 * "lk.unlock()" names its member only in the source text, "std::move(x)"
 * and "rt::park(s)" name an overload set.
 */
static void walk_dependent_call(struct walk *w, CXCursor c, struct vnode *seq,
				const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	CXCursor first = ks.n ? strip_expr(ks.c[0]) : clang_getNullCursor();
	kids_release(&ks);
	enum CXCursorKind fk = clang_getCursorKind(first);

	if (fk == CXCursor_MemberRefExpr) {
		walk_kids_expr(w, c, seq, x);
		const char *name = member_name(&w->src, first);
		struct kids mk_;
		kids_of(first, &mk_);
		struct vown *own = NULL;
		if (mk_.n && name && var_of_expr(w, mk_.c[0]) >= 0)
			own = call_own(w, c, "", name, true, mk_.c[0], x);
		kids_release(&mk_);
		if (own)
			own_call(w, NULL, c, own, seq);
		return;
	}
	CXCursor decl = overload_of(c);
	if (clang_Cursor_isNull(decl)) {
		walk_kids_expr(w, c, seq, x);
		return;
	}
	walk_resolved_call(w, c, decl, seq, x);
}

static void walk_call(struct walk *w, CXCursor c, struct vnode *seq,
		      const struct ectx *x)
{
	CXCursor ref = clang_getCursorReferenced(c);
	enum CXCursorKind rk = clang_getCursorKind(ref);

	if (rk == CXCursor_Constructor) {
		walk_ctor(w, c, ref, seq, x);
		return;
	}
	if (clang_Cursor_isNull(ref)) {
		walk_dependent_call(w, c, seq, x);
		return;
	}
	if (rk != CXCursor_FunctionDecl && rk != CXCursor_CXXMethod &&
	    rk != CXCursor_FunctionTemplate && rk != CXCursor_ConversionFunction &&
	    rk != CXCursor_Destructor) {
		walk_kids_expr(w, c, seq, x);
		return;
	}
	walk_resolved_call(w, c, ref, seq, x);
}

struct method_search {
	const char *name;
	CXCursor found;
};

static enum CXChildVisitResult method_cb(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct method_search *s = data;
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_CXXMethod)
		return CXChildVisit_Continue;
	CXString sp = clang_getCursorSpelling(c);
	if (!strcmp(cstr(sp), s->name))
		s->found = c;
	clang_disposeString(sp);
	return clang_Cursor_isNull(s->found) ? CXChildVisit_Continue
					     : CXChildVisit_Break;
}

/*
 * The awaiter of a co_await runs its await_suspend before the coroutine
 * suspends: when the awaiter is a tracked guard (it holds the caller's
 * lock, as concurrencpp's async_lock_awaiter does), what await_suspend
 * does to its 'this' counts (summary.c).  'operand' is the co_await's
 * operand, already walked into 's'.
 */
static void await_suspend_effects(struct walk *w, const struct kids *ks,
				  struct vnode *s)
{
	CXCursor operand = ks->c[0];
	int var = var_of_expr(w, operand);
	if (var < 0 && s->nkids) {
		/* the awaiter made right there: the temporary just declared */
		const struct vnode *last = s->kids[s->nkids - 1];
		if (last->kind == V_DECL && last->var >= 0 &&
		    w->fb.fn->vars[last->var].kind == VAR_TEMP)
			var = last->var;
	}
	/* ... or an awaiter made there from the caller's mutexes */
	struct vbind *binds = NULL;
	size_t nbinds = var < 0 ? awaiter_binds(w, operand, &binds) : 0;
	if (var < 0 && !nbinds)
		return;
	CXCursor d = type_decl(clang_getCursorType(strip_expr(operand)));
	if (clang_Cursor_isNull(d) || in_system_header(d))
		return;
	struct method_search ms = { "await_suspend", clang_getNullCursor() };
	/* the co_await's own call (instantiated), else the class's */
	for (unsigned i = 1; i < ks->n && clang_Cursor_isNull(ms.found); i++) {
		CXCursor k = strip_expr(ks->c[i]);
		CXCursor r = clang_getCursorReferenced(k);
		if (clang_getCursorKind(k) != CXCursor_CallExpr ||
		    clang_getCursorKind(r) != CXCursor_CXXMethod)
			continue;
		CXString sp = clang_getCursorSpelling(r);
		/* not a wrapper's (a promise's await_transform()) */
		if (!strcmp(cstr(sp), "await_suspend") &&
		    clang_equalTypes(clang_getCanonicalType(clang_getCursorType(
					     clang_getCursorSemanticParent(r))),
				     clang_getCanonicalType(clang_getCursorType(d))))
			ms.found = r;
		clang_disposeString(sp);
	}
	if (clang_Cursor_isNull(ms.found))
		visit_record(d, method_cb, &ms);
	if (clang_Cursor_isNull(ms.found))
		return;
	struct callee *ce = callee_of(w, ms.found);
	struct vown *own = arena_alloc(w->src.a, sizeof(*own));
	own->name = ce->name;
	own->method = "await_suspend";
	own->member = true;
	own->obj = var;
	effects_call(w, clang_getNullCursor(), ce, var >= 0 ? own : NULL, s);
	struct vnode *n = s->kids[s->nkids - 1];
	n->loc = s->loc;
	n->call->binds = binds;
	n->call->nbinds = nbinds;
}

/* co_await / co_yield: walk the operand, then suspend. */
static void walk_await(struct walk *w, CXCursor c, const char *kw, unsigned off,
		       struct vnode *seq, const struct ectx *x)
{
	struct kids ks;
	struct vnode *s = new_node(w, V_SUSPEND, clang_getNullCursor());
	struct ectx in = *x;

	s->loc = src_loc_of(&w->src, clang_getRangeStart(clang_getCursorExtent(c)));
	s->skind = !strcmp(kw, "co_yield") ? SUSPEND_CO_YIELD : SUSPEND_CO_AWAIT;
	kids_of(c, &ks);
	in.await_off = off;
	in.in_await = true;
	bool allowed = false;
	if (ks.n) {
		allowed = s->skind == SUSPEND_CO_AWAIT && allowed_await(w, ks.c[0]);
		walk_expr(w, ks.c[0], s, &in);
		await_suspend_effects(w, &ks, s);
	}
	const char *taken = ks.n ? mutex_awaited_lock(w, c, ks.c[0]) : NULL;
	kids_release(&ks);
	if (allowed)
		s->kind = V_SEQ;
	add_node(w, seq, s);
	if (taken) /* co_await m.coLock(): m is held once it resumes */
		mutex_acquire(w, c, taken, seq);
}

static void walk_unexposed_expr(struct walk *w, CXCursor c, struct vnode *seq,
				const struct ectx *x)
{
	unsigned off;
	const char *kw = keyword_of(&w->src, c, &off);
	struct kids ks;

	if (!kw || !strcmp(kw, "co_return") ||
	    (x->in_await && off == x->await_off)) {
		walk_kids_expr(w, c, seq, x);
		return;
	}
	kids_of(c, &ks);
	if (ks.n == 1) {
		unsigned off2;
		const char *kw2 = keyword_of(&w->src, ks.c[0], &off2);
		if (kw2 && off2 == off) {
			/*
			 * ExprWithCleanups and the like around the real node,
			 * or around an operator whose left operand is the
			 * co_await: "co_await a(), lk.unlock()"
			 */
			CXCursor inner = ks.c[0];
			kids_release(&ks);
			walk_expr(w, inner, seq, x);
			return;
		}
	}
	kids_release(&ks);
	walk_await(w, c, kw, off, seq, x);
}

static bool op_cb(const char *p, size_t i, int depth, void *arg)
{
	const char **found = arg;
	(void)depth;
	if ((p[i] == '&' && p[i + 1] == '&') || (p[i] == '|' && p[i + 1] == '|')) {
		*found = p[i] == '&' ? "&&" : "||";
		return true;
	}
	if (p[i] == '=' && (i == 0 || !strchr("=!<>+-*/%&|^", p[i - 1])) &&
	    p[i + 1] != '=') {
		*found = "=";
		return true;
	}
	if (find_word_cb(p, i, depth, (void *)"and") ||
	    find_word_cb(p, i, depth, (void *)"or")) {
		*found = p[i] == 'a' ? "&&" : "||";
		return true;
	}
	return false;
}

/* The operator of a binary expression: "&&", "||", "=" or NULL. */
static const char *binary_op(struct walk_src *src, CXCursor op, CXCursor lhs,
			     CXCursor rhs)
{
#if CINDEX_VERSION_MINOR >= 64
	/* works inside macros too (TAKE_PTR, no_free_ptr) */
	switch (clang_getCursorBinaryOperatorKind(op)) {
	case CXBinaryOperator_LAnd:
		return "&&";
	case CXBinaryOperator_LOr:
		return "||";
	case CXBinaryOperator_Assign:
		return "=";
	case CXBinaryOperator_Invalid:
		break;
	default:
		return NULL;
	}
#else
	(void)op;
#endif
	CXFile fa, fb;
	unsigned sa, ea, sb, eb;
	const char *found = NULL;
	extent_offsets(lhs, &fa, &sa, &ea);
	extent_offsets(rhs, &fb, &sb, &eb);
	if (!fa || !fb || !clang_File_isEqual(fa, fb) || ea > sb)
		return NULL;
	scan_code(src, fa, ea, sb, op_cb, &found);
	return found;
}

/* A part of a conditional expression (a && b, c ? x : y), in a sequence. */
static struct vnode *expr_branch(struct walk *w, CXCursor at, CXCursor e,
				 const struct ectx *x)
{
	struct vnode *s = new_node(w, V_SEQ, at);
	walk_expr(w, e, s, x);
	return s;
}

static void walk_binary(struct walk *w, CXCursor c, struct vnode *seq,
			const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n != 2) {
		kids_release(&ks);
		walk_kids_expr(w, c, seq, x);
		return;
	}
	const char *op = binary_op(&w->src, c, ks.c[0], ks.c[1]);
	if (op && (!strcmp(op, "&&") || !strcmp(op, "||"))) {
		struct vnode *n = new_node(w, V_COND, c);
		/* the right operand runs when the left is true (&&), false (||) */
		struct ectx rhs = flag_branch(w, ks.c[0], op[0] == '&', x);
		n->a = expr_branch(w, c, ks.c[0], x);
		n->b = expr_branch(w, c, ks.c[1], &rhs);
		add_node(w, seq, n);
	} else if (op && !strcmp(op, "=") && var_of_expr(w, ks.c[0]) >= 0) {
		walk_assign(w, c, var_of_expr(w, ks.c[0]), ks.c[1], seq, x);
	} else {
		walk_expr(w, ks.c[0], seq, x);
		walk_expr(w, ks.c[1], seq, x);
		flag_event(w, c, seq);
	}
	kids_release(&ks);
}

static void walk_conditional(struct walk *w, CXCursor c, struct vnode *seq,
			     const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n != 3) {
		kids_release(&ks);
		walk_kids_expr(w, c, seq, x);
		return;
	}
	struct vnode *n = new_node(w, V_COND, c);
	struct ectx yes = flag_branch(w, ks.c[0], true, x);
	struct ectx no = flag_branch(w, ks.c[0], false, x);
	n->a = expr_branch(w, c, ks.c[0], x);
	n->b = expr_branch(w, c, ks.c[1], &yes);
	n->c = expr_branch(w, c, ks.c[2], &no);
	add_node(w, seq, n);
	kids_release(&ks);
}

/* A lambda: captures are evaluated here, the body is its own function. */
static void walk_lambda(struct walk *w, CXCursor c, struct vnode *seq,
			const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	for (unsigned i = 0; i < ks.n; i++) {
		enum CXCursorKind k = clang_getCursorKind(ks.c[i]);
		if (clang_isExpression(k))
			walk_expr(w, ks.c[i], seq, x);
	}
	kids_release(&ks);
	skip_macros(w, c);
	defer_cursor(w, c);
}

void walk_expr(struct walk *w, CXCursor c, struct vnode *seq,
	       const struct ectx *x)
{
	enum CXCursorKind k = clang_getCursorKind(c);

	if (!walk_enter(w, c, seq, x))
		return;
	switch (k) {
	case CXCursor_UnexposedExpr:
		walk_unexposed_expr(w, c, seq, x);
		break;
	case CXCursor_CallExpr:
		walk_call(w, c, seq, x);
		break;
	case CXCursor_BinaryOperator:
		walk_binary(w, c, seq, x);
		break;
	case CXCursor_ConditionalOperator:
		walk_conditional(w, c, seq, x);
		break;
	case CXCursor_LambdaExpr:
		walk_lambda(w, c, seq, x);
		break;
	case CXCursor_CXXThrowExpr: {
		struct vnode *n = new_node(w, V_THROW, c);
		walk_kids_expr(w, c, n, x);
		add_node(w, seq, n);
		break;
	}
	case CXCursor_StmtExpr: {
		struct kids ks;
		kids_of(c, &ks);
		for (unsigned i = 0; i < ks.n; i++)
			walk_stmt(w, ks.c[i], seq, x);
		kids_release(&ks);
		break;
	}
	case CXCursor_DeclRefExpr:
	case CXCursor_IntegerLiteral:
	case CXCursor_FloatingLiteral:
	case CXCursor_StringLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_CXXBoolLiteralExpr:
	case CXCursor_CXXNullPtrLiteralExpr:
	case CXCursor_TypeRef:
	case CXCursor_TemplateRef:
	case CXCursor_NamespaceRef:
	case CXCursor_OverloadedDeclRef:
	case CXCursor_CXXThisExpr:
	case CXCursor_SizeOfPackExpr:
	case CXCursor_UnaryExpr: /* sizeof, alignof: unevaluated */
		break;
	case CXCursor_UnaryOperator:
	case CXCursor_CompoundAssignOperator:
		walk_kids_expr(w, c, seq, x);
		flag_event(w, c, seq);
		break;
	default:
		if (clang_isStatement(k) && !clang_isExpression(k))
			walk_stmt(w, c, seq, x);
		else
			walk_kids_expr(w, c, seq, x);
		break;
	}
	w->fb.depth--;
}

/*
 * A full-expression: temporaries made in it die at its end, and the
 * destructors of the project's classes run there (temp_dtor()).
 */
static void full_expr(struct walk *w, CXCursor c, struct vnode *seq,
		      const struct ectx *x, bool discarded)
{
	size_t mark = open_scope(w);
	struct vnode *fe = new_node(w, V_SEQ, clang_getNullCursor());
	walk_expr(w, c, fe, x);
	if (discarded) /* "Flusher(fd);" */
		temp_dtor(w, c);
	bool dtors = false;
	for (size_t i = mark; i < w->fb.nscope_vars && !dtors; i++)
		dtors = w->fb.scope_vars[i].cleanup != NULL;
	if (dtors) {
		CXSourceLocation end = clang_getRangeEnd(clang_getCursorExtent(c));
		CXFile f;
		unsigned off;
		clang_getExpansionLocation(end, &f, NULL, NULL, &off);
		struct src_loc at = off && f ? src_loc_of(&w->src,
				clang_getLocationForOffset(w->src.cx, f, off - 1))
					     : fe->loc;
		close_scope_at(w, mark, fe, at);
	} else {
		close_scope(w, mark, fe);
	}
	if (fe->nkids)
		add_node(w, seq, fe);
}

void walk_full_expr(struct walk *w, CXCursor c, struct vnode *seq,
		    const struct ectx *x)
{
	full_expr(w, c, seq, x, false);
}

/* An expression statement: its value, a temporary, is discarded. */
void walk_expr_stmt(struct walk *w, CXCursor c, struct vnode *seq,
		    const struct ectx *x)
{
	full_expr(w, c, seq, x, true);
}
