/*
 * walk_decl.c - declarations: guard locals (by value, by reference,
 * through structured bindings, with cleanup attributes), how they start
 * (owning or empty), pointer locals that alias a guard or a lock, and
 * guards declared in switch/range-for init-statements, which libclang
 * does not visit (read from the source text).
 */
#include "common.h"
#include "walk_p.h"
#include "known.h"
#include "rules.h"
#include "view.h"

#include <string.h>

/* A variable of type 't' declared (or made) at 'c', a guard as 'gi' says. */
struct vvar guard_var(struct walk *w, CXCursor c, CXType t,
			     const struct guard_info *gi, enum vvar_kind kind)
{
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.loc = cursor_loc(&w->src, c);
	v.type = display_type(&w->src, t);
	v.matched = gi->matched;
	v.reason = gi->reason;
	v.via = gi->via;
	v.kind = kind;
	return v;
}

int new_temp(struct walk *w, CXCursor c, CXType t,
		    const struct guard_info *gi)
{
	struct vvar v = guard_var(w, c, t, gi, VAR_TEMP);
	v.name = "(temporary)";
	return view_add_var(w->src.a, w->fb.fn, &v);
}

/* Does initializing a reference from 'init' make a temporary? */
static bool binds_temporary(CXCursor init)
{
	CXCursor e = strip_expr(init);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_CXXFunctionalCastExpr)
		return true;
	if (k != CXCursor_CallExpr)
		return false;
	CXCursor ref = clang_getCursorReferenced(e);
	if (clang_getCursorKind(ref) == CXCursor_Constructor)
		return true;
	CXType rt = clang_getResultType(clang_getCursorType(ref));
	return rt.kind != CXType_LValueReference &&
	       rt.kind != CXType_RValueReference && rt.kind != CXType_Invalid;
}

/*
 * Does 'init' name what a parameter refers or points to: a reference
 * parameter, '*p' for a pointer parameter, or a local reference bound to
 * one of those?  Such a guard is the caller's, reported in the caller, as
 * the parameter itself is.
 */
static bool aliases_parameter(struct walk *w, CXCursor init, int depth)
{
	CXCursor e = strip_expr(init);
	if (depth > 8 || clang_Cursor_isNull(e))
		return false;
	bool deref = unary_op(w, e) == '*';
	if (deref)
		e = unary_operand(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return false;
	CXCursor d = clang_getCursorReferenced(e);
	enum CXTypeKind tk = clang_getCanonicalType(clang_getCursorType(d)).kind;
	bool ref = tk == CXType_LValueReference || tk == CXType_RValueReference;
	if (clang_getCursorKind(d) == CXCursor_ParmDecl)
		return deref ? tk == CXType_Pointer : ref;
	if (clang_getCursorKind(d) == CXCursor_VarDecl && ref && !deref &&
	    !clang_Cursor_isNull(var_init(d)))
		return aliases_parameter(w, var_init(d), depth + 1);
	return false;
}

static bool is_frame_local(struct walk *w, CXCursor c)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(c);
	if (sc == CX_SC_Static || sc == CX_SC_Extern)
		return false;
#if CINDEX_VERSION_MINOR >= 64
	(void)w;
	if (clang_getCursorTLSKind(c) != CXTLS_None)
		return false;
#else
	/* no TLS kind before libclang 15: read the declaration's words */
	unsigned off;
	size_t avail;
	const char *p = text_at_start(&w->src, c, &off, &avail);
	if (p && (word_at(p, avail, "thread_local") ||
		  word_at(p, avail, "__thread") ||
		  word_at(p, avail, "_Thread_local")))
		return false;
#endif
	return true;
}

/*
 * The constructor or call that makes a variable from its initializer
 * 'init' (through casts): the variable itself, not a temporary.
 */
CXCursor own_init_of(CXCursor init)
{
	CXCursor own = strip_expr(init);
	for (int guard = 0; guard < 8; guard++) {
		enum CXCursorKind k = clang_getCursorKind(own);
		if (k != CXCursor_CXXFunctionalCastExpr &&
		    k != CXCursor_UnexposedExpr)
			break;
		struct kids ks;
		kids_of(own, &ks);
		CXCursor last = ks.n ? strip_expr(ks.c[ks.n - 1])
				     : clang_getNullCursor();
		kids_release(&ks);
		if (clang_Cursor_isNull(last))
			break;
		own = last;
	}
	return own;
}

/*
 * How a guard variable of kind 'kind' described by 'gi' starts from its
 * initializer 'init' (may be null): owning, or empty (default-constructed
 * where that owns nothing, defer_lock, nullptr, moved into later).  When
 * it is moved from a tracked variable, '*src' is that variable and '*mv'
 * the std::move.
 */
static enum vinit initial_state(struct walk *w, CXCursor init,
				enum vvar_kind kind,
				const struct guard_info *gi, int *src,
				CXCursor *mv)
{
	if (clang_Cursor_isNull(init))
		return gi->maybe_empty ? INIT_EMPTY : INIT_HELD;
	if (kind != VAR_LOCAL)
		return INIT_HELD;
	CXCursor core = strip_expr(init);
	enum CXCursorKind k = clang_getCursorKind(core);
	if ((*src = move_source(w, init, mv)) >= 0)
		return INIT_EMPTY;
	if (gi->maybe_empty && is_empty_value(w, init))
		return INIT_EMPTY;
	if (k == CXCursor_CallExpr &&
	    clang_getCursorKind(clang_getCursorReferenced(core)) ==
		    CXCursor_Constructor)
		return ctor_leaves_empty(w, core, gi) ? INIT_EMPTY : INIT_HELD;
	if (k == CXCursor_UnexposedExpr || k == CXCursor_InitListExpr) {
		/* "(mu, std::defer_lock)" in a template: a ParenListExpr */
		enum vinit state = INIT_HELD;
		struct kids ks;
		kids_of(core, &ks);
		for (unsigned i = 0; i < ks.n; i++)
			if (is_defer_lock_arg(w, ks.c[i]))
				state = INIT_EMPTY;
		kids_release(&ks);
		return state;
	}
	return INIT_HELD;
}

/*
 * The call that cleanup(fn) on variable 'c' makes at every exit from its
 * scope, fn(&var), as a call node's data (shared by those nodes); NULL
 * when the function cannot be found in the TU.
 */
static struct vcall *cleanup_call(struct walk *w, CXCursor c, const char *var)
{
	const char *name = cleanup_fn_name(w, c);
	CXCursor fn = name ? function_named(w, name) : clang_getNullCursor();
	if (clang_Cursor_isNull(fn))
		return NULL;
	walk_for_summary(w, fn);
	struct callee *ce = callee_of(w, fn);
	struct vcall *call = arena_alloc(w->src.a, sizeof(*call));
	call->name = ce->name;
	call->usr = ce->usr;
	call->annotated = ce->annotated;
	call->configured = ce->configured;
	call->suspends = ce->annotated || ce->configured;
	/* a name a macro made is shown as the macro call: guard(printbuf_indent) */
	const char *shown = macro_display(&w->src, c, var);
	call->cleanup_of = shown ? shown : var;
	if (call->suspends)
		call->cleanup_chain = arena_printf(w->src.a, "%s -> %s",
						   call->cleanup_of, ce->name);
	return call;
}

/*
 * A variable with cleanup(fn) that is not a guard: tracked (never
 * reported) so that its cleanup call runs only where it may still own
 * (not after "p = NULL", no_free_ptr(p), TAKE_PTR(p)).  False if fn is
 * not found: then it is not tracked.
 */
static bool walk_cleanup_var(struct walk *w, CXCursor c, CXCursor init,
			     struct vnode *seq, const struct ectx *x)
{
	const char *name = cx_strdup(w->src.a, clang_getCursorSpelling(c));
	struct vcall *call = cleanup_call(w, c, name);
	if (!call)
		return false;
	if (clang_getCanonicalType(clang_getCursorType(c)).kind != CXType_Pointer) {
		/*
		 * Not a pointer: no value of it means "nothing to clean up"
		 * (an int counter set to 0 is still flushed), so the call
		 * runs at every exit, as a C++ destructor does.
		 */
		if (!clang_Cursor_isNull(init)) {
			size_t first = w->fb.nlater;
			struct ectx in = *x;
			in.cleanup = CLEANUP_PLAIN;
			walk_full_expr(w, init, seq, &in);
			scope_add_later(w, first);
		}
		scope_add_cleanup(w, -1, call);
		return true;
	}
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = name;
	v.loc = cursor_loc(&w->src, c);
	v.type = display_type(&w->src, clang_getCursorType(c));
	v.kind = VAR_LOCAL;
	int var = view_add_var(w->src.a, w->fb.fn, &v);
	call->cleanup_var = var + 1;
	enum vinit state = INIT_HELD;
	if (!clang_Cursor_isNull(init)) {
		size_t first = w->fb.nlater;
		struct ectx in = *x;
		in.cleanup = CLEANUP_PLAIN;
		walk_full_expr(w, init, seq, &in);
		scope_add_later(w, first);
		if (is_empty_value(w, init))
			state = INIT_EMPTY;
	}
	struct vnode *d = new_node(w, V_DECL, c);
	d->loc = v.loc;
	declare(w, d, var, state, false, seq);
	scope_add_cleanup(w, var, call);
	bind_decl(w, c, var);
	return true;
}

static enum CXChildVisitResult dtor_cb(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_Destructor)
		return CXChildVisit_Continue;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

/*
 * A C++ local of a class with a destructor of the project's (not in a
 * system header) that may suspend: the destructor runs at every exit of
 * its scope, like a cleanup(fn), whatever the object holds then.  Its
 * initializer is walked as usual by the caller.
 */
void dtor_call(struct walk *w, CXType t, const char *shown)
{
	CXCursor decl = type_decl(t);
	if (clang_Cursor_isNull(decl))
		return;
	struct cmap_slot *slot = cmap_find(&w->tc.dtors, decl, true);
	if (!slot->val) { /* once per class */
		CXCursor *d = arena_alloc(w->src.a, sizeof(*d));
		*d = clang_getNullCursor();
		clang_visitChildren(decl, dtor_cb, d);
		slot->val = d;
	}
	CXCursor dtor = *(CXCursor *)slot->val;
	if (clang_Cursor_isNull(dtor) || in_system_header(dtor))
		return;
	CXCursor def = clang_getCursorDefinition(dtor);
	struct callee *ce = callee_of(w, dtor);
	if (clang_Cursor_isNull(def) && !ce->annotated && !ce->configured)
		return; /* no body: it cannot be seen to suspend */
	walk_for_summary(w, def);
	struct vcall *call = arena_alloc(w->src.a, sizeof(*call));
	call->name = ce->name;
	call->usr = ce->usr;
	call->annotated = ce->annotated;
	call->configured = ce->configured;
	call->suspends = ce->annotated || ce->configured;
	call->cleanup_of = shown;
	if (call->suspends)
		call->cleanup_chain = arena_printf(w->src.a, "%s -> %s",
						   call->cleanup_of, ce->name);
	scope_add_cleanup(w, -1, call);
}

void walk_vardecl(struct walk *w, CXCursor c, struct vnode *seq,
		  const struct ectx *x)
{
	CXType t = clang_getCursorType(c);
	CXType canon = clang_getCanonicalType(t);
	CXCursor init = var_init(c);
	struct guard_info gi;
	enum vvar_kind kind = VAR_LOCAL;
	bool cleanup = false;

	if (!is_frame_local(w, c)) {
		if (!clang_Cursor_isNull(init))
			walk_full_expr(w, init, seq, x);
		return;
	}
	if (canon.kind == CXType_LValueReference ||
	    canon.kind == CXType_RValueReference) {
		CXCursor mv_ = clang_getNullCursor();
		int target = clang_Cursor_isNull(init) ? -1 : var_of_expr(w, init);
		if (target < 0 && !clang_Cursor_isNull(init))
			target = move_source(w, init, &mv_);
		/*
		 * An alias of a guard we track (of a reference parameter:
		 * its policy too); a reference to a member of 'this' is
		 * reported, as references to guards we do not own are.
		 */
		if (target >= 0 && w->fb.fn->vars[target].kind != VAR_THIS) {
			walk_full_expr(w, init, seq, x);
			bind_decl(w, c, target);
			return;
		}
		if (!classify_type(w, clang_getPointeeType(canon), &gi, 0) ||
		    gi.needs_cleanup ||
		    (!clang_Cursor_isNull(init) && aliases_parameter(w, init, 0))) {
			if (!clang_Cursor_isNull(init))
				walk_full_expr(w, init, seq, x);
			return;
		}
		kind = clang_Cursor_isNull(init) || !binds_temporary(init)
			       ? VAR_REF
			       : VAR_LOCAL;
		gi.maybe_empty = false;
	} else if (!is_guard_var(w, c, t, &gi, &cleanup)) {
		/*
		 * Not a guard (a template parameter's type may be one in
		 * some instantiation: walk_instances() sees those).
		 */
		if (cleanup && walk_cleanup_var(w, c, init, seq, x))
			return;
		if (canon.kind == CXType_Pointer && !clang_Cursor_isNull(init)) {
			note_address_alias(w, c, init);
			note_lock_alias(w, c, init);
		}
		if (!clang_Cursor_isNull(init)) {
			/*
			 * A lock taken in a cleanup variable's
			 * initializer, "(pthread_mutex_lock(m), m)",
			 * is released by the cleanup at scope end.
			 */
			size_t first = w->fb.nlater;
			struct ectx in = *x;
			in.cleanup = cleanup ? CLEANUP_PLAIN : CLEANUP_NONE;
			walk_full_expr(w, init, seq, &in);
			scope_add_later(w, first);
		}
		if (!w->src.lang_c && canon.kind == CXType_Record)
			dtor_call(w, t, cx_strdup(w->src.a,
						  clang_getCursorSpelling(c)));
		return;
	}

	struct vvar v = guard_var(w, c, t, &gi, kind);
	v.name = cx_strdup(w->src.a, clang_getCursorSpelling(c));
	v.display = macro_display(&w->src, c, v.name);
	v.cleanup_guard = cleanup;
	bool adopt = false;
	if (kind == VAR_LOCAL && !cleanup)
		v.lock_key = guard_mutex(w, t, init, &adopt);
	int var = view_add_var(w->src.a, w->fb.fn, &v);

	CXCursor mv = clang_getNullCursor();
	int src = -1;
	enum vinit state = initial_state(w, init, kind, &gi, &src, &mv);

	size_t mark = open_scope(w);
	struct vnode *d = new_node(w, V_DECL, c);
	d->loc = v.loc;
	if (!clang_Cursor_isNull(init)) {
		struct ectx in = *x;
		in.own_init = own_init_of(init);
		if (src >= 0)
			in.move_done = mv;
		if (cleanup)
			in.cleanup = CLEANUP_GUARD;
		walk_expr(w, init, d, &in);
	}
	if (adopt) /* the guard takes the mutex over from whoever held it */
		mutex_release(w, c, v.lock_key, d);
	close_scope(w, mark, d);
	declare(w, d, var, state, true, seq);
	bind_decl(w, c, var);
	if (cleanup) {
		/* the guard's own cleanup(fn) runs at its scope's exits too */
		struct vcall *call = cleanup_call(w, c, v.name);
		if (call) {
			call->cleanup_var = var + 1;
			w->fb.scope_vars[w->fb.nscope_vars - 1].cleanup = call;
		}
	}
	if (src >= 0 && src != var)
		add_event(w, seq, c, EV_MOVE, src, var);
}

/*
 * A structured binding, "auto [g, n] = make_pair(...)": the hidden object
 * is the guard (named "[g, n]"); its bindings name it too, so g.unlock()
 * releases it.
 */
static void walk_binding(struct walk *w, CXCursor c, struct vnode *seq,
			 const struct ectx *x)
{
	CXString sp = clang_getCursorSpelling(c);
	bool decomposition = cstr(sp)[0] == '[';
	clang_disposeString(sp);
	if (!decomposition) {
		walk_kids_expr(w, c, seq, x);
		return;
	}
	walk_vardecl(w, c, seq, x);
	int var = var_of_decl(w, c);
	if (var < 0)
		return;
	struct kids ks;
	kids_of(c, &ks);
	for (unsigned i = 0; i < ks.n; i++)
		if (clang_getCursorKind(ks.c[i]) == CXCursor_UnexposedDecl)
			bind_decl(w, ks.c[i], var);
	kids_release(&ks);
}

void walk_decl_stmt(struct walk *w, CXCursor c, struct vnode *seq,
		    const struct ectx *x)
{
	struct kids ks;
	kids_of(c, &ks);
	for (unsigned i = 0; i < ks.n; i++) {
		enum CXCursorKind k = clang_getCursorKind(ks.c[i]);
		if (k == CXCursor_VarDecl)
			walk_vardecl(w, ks.c[i], seq, x);
		else if (k == CXCursor_StructDecl || k == CXCursor_ClassDecl ||
			 k == CXCursor_UnionDecl || k == CXCursor_ClassTemplate ||
			 k == CXCursor_FunctionDecl)
			defer_cursor(w, ks.c[i]);
		else if (k == CXCursor_UnexposedDecl)
			walk_binding(w, ks.c[i], seq, x);
	}
	kids_release(&ks);
}

/*
 * libclang does not visit the init-statement of 'switch (init; cond)' or
 * 'for (init; x : range)'.  Read a guard declared there from the source
 * text ("Type name(args)", "Type name{args}", "auto name = Type(args)")
 * and match the written type name against the rules.  Aliases cannot be
 * seen this way.  Adds the declaration to 'seq' in the current scope.
 */
void header_init_guard(struct walk *w, CXCursor stmt, struct vnode *seq)
{
	CXFile f;
	unsigned start, end;
	size_t size;
	struct semis sm = { 0, { 0, 0 }, 0 };

	extent_offsets(stmt, &f, &start, &end);
	const char *buf = f ? file_contents(&w->src, f, &size) : NULL;
	if (!buf || end > size || start >= end)
		return;
	scan_code(&w->src, f, start, end, semis_cb, &sm);
	if (!sm.open || sm.n < 1)
		return;
	unsigned a = sm.open, b = sm.at[0];
	/* the declarator: the name before the first top-level ( { = */
	unsigned stop = b;
	int angle = 0;
	for (unsigned i = a; i < b; i++) {
		if (buf[i] == '<')
			angle++;
		else if (buf[i] == '>')
			angle--;
		else if (!angle && (buf[i] == '(' || buf[i] == '{' || buf[i] == '=')) {
			stop = i;
			break;
		}
	}
	unsigned ne = stop;
	while (ne > a && (buf[ne - 1] == ' ' || buf[ne - 1] == '\t' || buf[ne - 1] == '\n'))
		ne--;
	unsigned ns = ne;
	while (ns > a && is_ident_char(buf[ns - 1]))
		ns--;
	if (ns == ne || ns == a)
		return;
	const char *type = plain_type_name(&w->src, buf + a, ns - a);
	if ((!strcmp(type, "auto") || !*type) && stop < b && buf[stop] == '=') {
		unsigned ts = stop + 1, te = ts;
		angle = 0;
		while (te < b && !(angle == 0 && (buf[te] == '(' || buf[te] == '{'))) {
			angle += buf[te] == '<' ? 1 : buf[te] == '>' ? -1 : 0;
			te++;
		}
		type = plain_type_name(&w->src, buf + ts, te - ts);
	}
	if (!*type || !strcmp(type, "auto"))
		return;
	const struct rule *r = rules_match(w->rules, RL_INVALID_TYPES, type, NULL);
	if (!r)
		return;

	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = arena_strndup(w->src.a, buf + ns, ne - ns);
	v.loc = src_loc_of(&w->src, clang_getLocationForOffset(w->src.cx, f, ns));
	{
		unsigned ts = a;
		while (ts < ns && (buf[ts] == ' ' || buf[ts] == '\t'))
			ts++;
		unsigned te = ns;
		while (te > ts && (buf[te - 1] == ' ' || buf[te - 1] == '\t'))
			te--;
		v.type = arena_strndup(w->src.a, buf + ts, te - ts);
	}
	v.matched = r->path;
	v.reason = r->reason;
	v.kind = VAR_LOCAL;
	int var = view_add_var(w->src.a, w->fb.fn, &v);
	struct vnode *d = new_node(w, V_DECL, clang_getNullCursor());
	d->loc = v.loc;
	declare(w, d, var,
		known_empty_able_lock(r->path) &&
				text_contains(buf + a, b - a, "defer_lock")
			? INIT_EMPTY
			: INIT_HELD,
		true, seq);
}
