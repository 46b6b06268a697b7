/*
 * walk_type.c - is this type a guard?  And what does a callee say?
 *
 * classify_type() decides, per canonical type (cached per TU), whether a
 * local of that type is a guard: by the rules (await-holding-invalid-
 * types, allowed-types), our must_not_suspend annotation, clang's
 * scoped_lockable, through owning wrappers (known.c), members, bases and
 * array elements; and a std lock over a coroutine-aware mutex, or over a
 * mutex allowed-types names, is not one.  Also: awaitable types,
 * coroutine-aware mutexes, the template specializations called (their
 * instantiated bodies are walked by walk.c), and callee_of():
 * what a called function is (qualified name, USR, configured,
 * annotated, lock-functions pair), cached per declaration.
 */
#include "common.h"
#include "walk_p.h"
#include "known.h"
#include "rules.h"
#include "strmap.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool has_destructor(CXType t);
static bool is_lambda_call_operator(struct walk *w, CXCursor ref);




struct await_search {
	bool found;
};

static enum CXChildVisitResult await_member_cb(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	struct await_search *s = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	(void)parent;
	if (k != CXCursor_CXXMethod && k != CXCursor_FunctionTemplate &&
	    k != CXCursor_StructDecl && k != CXCursor_ClassDecl &&
	    k != CXCursor_TypedefDecl && k != CXCursor_TypeAliasDecl)
		return CXChildVisit_Continue;
	CXString str = clang_getCursorSpelling(c);
	const char *name = cstr(str);
	/* awaiter or awaitable members, or a coroutine's promise_type */
	if (!strcmp(name, "await_ready") || !strcmp(name, "operator co_await") ||
	    !strcmp(name, "promise_type") ||
	    !strcmp(name, "viaIfAsync")) /* folly's semi-awaitables */
		s->found = true;
	clang_disposeString(str);
	return s->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

static enum CXChildVisitResult free_op_cb(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct walk *w = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	(void)parent;
	if (k == CXCursor_Namespace || k == CXCursor_LinkageSpec)
		return CXChildVisit_Recurse;
	if (k != CXCursor_FunctionDecl && k != CXCursor_FunctionTemplate)
		return CXChildVisit_Continue;
	CXString str = clang_getCursorSpelling(c);
	bool op = !strcmp(cstr(str), "operator co_await");
	clang_disposeString(str);
	if (op && clang_Cursor_getNumArguments(c) >= 1) {
		CXType pt = clang_getCursorType(clang_Cursor_getArgument(c, 0));
		if (pt.kind == CXType_LValueReference ||
		    pt.kind == CXType_RValueReference)
			pt = clang_getPointeeType(pt);
		CXCursor d = type_decl(pt);
		if (!clang_Cursor_isNull(d)) {
			CXCursor tmpl = clang_getSpecializedCursorTemplate(d);
			const char *q = qualname(w, clang_Cursor_isNull(tmpl) ? d : tmpl);
			strmap_find(&w->tc.free_ops, q, true)->val = (void *)q;
		}
	}
	return CXChildVisit_Continue;
}

/*
 * Can a value of type 't' be co_awaited: an awaiter (await_ready), an
 * awaitable (member or free operator co_await), or a coroutine type (a
 * nested promise_type)?
 */
static bool is_awaitable_type(struct walk *w, CXType t)
{
	struct await_search s = { false };
	CXCursor d = type_decl(t);
	if (clang_Cursor_isNull(d))
		return false;
	visit_record(d, await_member_cb, &s);
	if (s.found)
		return true;
	if (!w->tc.free_ops_scanned) {
		/* free operator co_await overloads, by their operand's type */
		w->tc.free_ops_scanned = true;
		clang_visitChildren(clang_getTranslationUnitCursor(w->src.cx),
				    free_op_cb, w);
	}
	CXCursor tmpl = clang_getSpecializedCursorTemplate(d);
	const char *q = qualname(w, clang_Cursor_isNull(tmpl) ? d : tmpl);
	return strmap_find(&w->tc.free_ops, q, false) != NULL;
}

struct lock_method_search {
	struct walk *w;
	bool has_blocking_lock;   /* lock()/lock_shared() returning void/bool */
	bool has_awaitable_lock;  /* a *lock* method returning an awaitable */
};

static bool name_has_lock(const char *name)
{
	for (const char *p = name; *p; p++)
		if ((p[0] == 'l' || p[0] == 'L') && !strncmp(p + 1, "ock", 3))
			return true;
	return false;
}

static enum CXChildVisitResult lock_method_cb(CXCursor c, CXCursor parent,
					      CXClientData data)
{
	struct lock_method_search *s = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	(void)parent;
	if (k != CXCursor_CXXMethod && k != CXCursor_FunctionTemplate)
		return CXChildVisit_Continue;
	/* a lock() nobody may call, std::unique_lock included, is none */
	if (clang_getCXXAccessSpecifier(c) == CX_CXXPrivate ||
	    clang_getCXXAccessSpecifier(c) == CX_CXXProtected)
		return CXChildVisit_Continue;
#if CINDEX_VERSION_MINOR >= 64
	if (clang_CXXMethod_isDeleted(c))
		return CXChildVisit_Continue;
#endif
	CXString str = clang_getCursorSpelling(c);
	const char *name = cstr(str);
	if (name_has_lock(name) && strncmp(name, "unlock", 6) &&
	    strncmp(name, "try_", 4)) {
		CXType ret = clang_getResultType(clang_getCursorType(c));
		bool blocking = ret.kind == CXType_Void || ret.kind == CXType_Bool;
		if (blocking && (!strcmp(name, "lock") || !strcmp(name, "lock_shared")))
			s->has_blocking_lock = true;
		else if (!blocking && ret.kind != CXType_Invalid &&
			 is_awaitable_type(s->w, ret))
			s->has_awaitable_lock = true;
	}
	clang_disposeString(str);
	return CXChildVisit_Continue;
}

/*
 * A coroutine-aware mutex: its lock operation is awaitable (async_simple's
 * coLock(), cppcoro's lock_async(), an operator co_await on what lock()
 * returns) and it has no blocking lock() (none, or one that is deleted,
 * private or protected).  A std lock template over it is
 * the correct use across co_await, not a blocking lock.
 */
static bool is_async_mutex(struct walk *w, CXType m)
{
	struct lock_method_search s = { w, false, false };
	CXCursor d = type_decl(m);
	if (clang_Cursor_isNull(d) || in_system_header(d))
		return false;
	visit_record(d, lock_method_cb, &s);
	return s.has_awaitable_lock && !s.has_blocking_lock;
}

struct field_search {
	struct walk *w;
	int depth;
	struct guard_info *out;
	const char *field;
};

static enum CXVisitorResult field_cb(CXCursor c, CXClientData data)
{
	struct field_search *s = data;
	struct guard_info gi;
	CXType ft = clang_getCursorType(c);
	if (classify_type(s->w, ft, &gi, s->depth + 1) && !gi.needs_cleanup) {
		*s->out = gi;
		s->field = cx_strdup(s->w->src.a, clang_getCursorSpelling(c));
		return CXVisit_Break;
	}
	return CXVisit_Continue;
}

struct base_search {
	struct walk *w;
	int depth;
	struct guard_info *out;
	CXType base;
	bool found;
};

static enum CXChildVisitResult base_cb(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct base_search *s = data;
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_CXXBaseSpecifier)
		return CXChildVisit_Continue;
	CXType bt = clang_getCursorType(c);
	struct guard_info gi;
	if (classify_type(s->w, bt, &gi, s->depth + 1) && !gi.needs_cleanup) {
		*s->out = gi;
		s->base = bt;
		s->found = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

#ifdef AH_HAVE_VISIT_BASES
static enum CXVisitorResult base_type_cb(CXCursor c, CXClientData data)
{
	return base_cb(c, clang_getNullCursor(), data) == CXChildVisit_Break
		       ? CXVisit_Break
		       : CXVisit_Continue;
}
#endif

/*
 * 'out' is the guard 'inner' seen through 'how' ("member 'm' of 'T'"):
 * its path grows by that step.  Returns true.
 */
static bool guard_through(struct walk *w, struct guard_info *out,
			  const struct guard_info *inner, const char *how,
			  bool maybe_empty)
{
	*out = *inner;
	out->via = inner->via ? arena_printf(w->src.a, "%s, %s", how, inner->via)
			      : how;
	out->maybe_empty = maybe_empty;
	return true;
}

/* A user record: a guard member or base makes it a guard. */
static bool classify_record(struct walk *w, CXType t, CXCursor decl,
			    struct guard_info *out, int depth)
{
	struct guard_info gi;
	struct field_search fs = { w, depth, &gi, NULL };
	if (clang_Type_visitFields(clang_getCanonicalType(t), field_cb, &fs) ==
		    (unsigned)-1 ||
	    !fs.field) {
		struct base_search bs = { w, depth, &gi, { CXType_Invalid, { 0, 0 } }, false };
#ifdef AH_HAVE_VISIT_BASES
		/* the bases as instantiated: Holder<true> : Marker<true> */
		(void)decl;
		clang_visitCXXBaseClasses(clang_getCanonicalType(t), base_type_cb,
					  &bs);
#else
		clang_visitChildren(decl, base_cb, &bs);
#endif
		if (!bs.found)
			return false;
		return guard_through(w, out, &gi,
				     arena_printf(w->src.a, "base '%s' of '%s'",
						  display_type(&w->src, bs.base),
						  display_type(&w->src, t)),
				     false);
	}
	return guard_through(w, out, &gi,
			     arena_printf(w->src.a, "member '%s' of '%s'", fs.field,
					  display_type(&w->src, t)),
			     false);
}

/*
 * A class (template) that is a guard by its name or its attributes:
 * await-holding-invalid-types, the must_not_suspend annotation, clang's
 * scoped_lockable; 'tmpl' (may be null) is the template 'decl' comes
 * from.  Returns 1 and fills 'out' ('*from_rule' says whether a rule
 * matched), 0 if not, -1 if allowed-types exempts it.
 */
static int named_guard(struct walk *w, CXCursor decl, CXCursor tmpl,
		       const char *qual, const char *spelled,
		       struct guard_info *out, bool *from_rule)
{
	memset(out, 0, sizeof(*out));
	if (rules_match(w->rules, RL_ALLOWED_TYPES, qual, spelled))
		return -1;
	rules_note_misuse(w->rules, RL_SUSPEND_FUNCTIONS, qual, "a type");
	const struct rule *r = rules_match(w->rules, RL_INVALID_TYPES, qual,
					   spelled);
	bool has_tmpl = !clang_Cursor_isNull(tmpl);
	*from_rule = r != NULL;
	if (r) {
		out->matched = r->path;
		out->reason = r->reason;
	} else if (has_annotation(decl, "await_holding::must_not_suspend") ||
		   (has_tmpl && has_annotation(tmpl, "await_holding::must_not_suspend")) ||
		   is_scoped_lockable(w, decl) ||
		   (has_tmpl && is_scoped_lockable(w, tmpl))) {
		out->matched = qual;
	} else {
		return 0;
	}
	out->guard = true;
	out->maybe_empty = known_empty_able_lock(qual);
	return 1;
}

/*
 * Is one of the template arguments of a std lock type 'canon' a
 * coroutine-aware mutex?  (Noting the mutex types for wrong-list
 * warnings on the way.)
 */
static bool over_async_mutex(struct walk *w, CXType canon)
{
	int n = clang_Type_getNumTemplateArguments(canon);
	for (int i = 0; i < n; i++) {
		CXType m = clang_Type_getTemplateArgumentAsType(canon, (unsigned)i);
		if (m.kind == CXType_Invalid)
			continue;
		CXCursor md = type_decl(m);
		if (!clang_Cursor_isNull(md))
			rules_note_misuse(w->rules, RL_SUSPEND_FUNCTIONS,
					  qualname(w, md), "a type");
		if (is_async_mutex(w, m))
			return true;
	}
	return false;
}

/*
 * Does allowed-types name the mutex of the std lock type 'canon'
 * ("async_simple::coro::SpinLock")?  Then every std lock over it is
 * allowed.
 */
static bool over_allowed_mutex(struct walk *w, CXType canon)
{
	if (!rules_has(w->rules, RL_ALLOWED_TYPES))
		return false;
	int n = clang_Type_getNumTemplateArguments(canon);
	for (int i = 0; i < n; i++) {
		CXType m = clang_Type_getTemplateArgumentAsType(canon, (unsigned)i);
		CXCursor md = m.kind == CXType_Invalid ? clang_getNullCursor()
						       : type_decl(m);
		if (clang_Cursor_isNull(md))
			continue;
		CXCursor tmpl = clang_getSpecializedCursorTemplate(md);
		const char *q = qualname(w, clang_Cursor_isNull(tmpl) ? md : tmpl);
		if (rules_match(w->rules, RL_ALLOWED_TYPES, q,
				type_spelling(&w->src, clang_getCanonicalType(m))))
			return true;
	}
	return false;
}

static bool classify_uncached(struct walk *w, CXType t, struct guard_info *out,
			      int depth)
{
	CXType canon = clang_getCanonicalType(t);
	memset(out, 0, sizeof(*out));

	switch (canon.kind) {
	case CXType_Pointer:
	case CXType_LValueReference:
	case CXType_RValueReference:
	case CXType_MemberPointer:
	case CXType_Invalid:
		return false;
	case CXType_ConstantArray:
	case CXType_IncompleteArray:
	case CXType_VariableArray:
	case CXType_DependentSizedArray: {
		struct guard_info gi;
		if (!classify_type(w, clang_getArrayElementType(canon), &gi,
				   depth + 1))
			return false;
		return guard_through(w, out, &gi,
				     arena_printf(w->src.a, "element of array '%s'",
						  display_type(&w->src, t)),
				     false);
	}
	default:
		break;
	}

	CXCursor decl = type_decl(t);
	if (clang_Cursor_isNull(decl))
		return false;
	CXCursor tmpl = clang_getSpecializedCursorTemplate(decl);
	CXCursor named = clang_Cursor_isNull(tmpl) ? decl : tmpl;
	const char *qual = qualname(w, named);
	const char *spelled = type_spelling(&w->src, canon);

	bool from_rule = false;
	int by_name = named_guard(w, decl, tmpl, qual, spelled, out, &from_rule);
	if (by_name < 0)
		return false;
	if (by_name) {
		/* (an entry that names the mutex too, "std::unique_lock<M>",
		 * means it) */
		if (from_rule && known_std_lock(qual) && !strchr(out->matched, '<') &&
		    (over_allowed_mutex(w, canon) || over_async_mutex(w, canon))) {
			memset(out, 0, sizeof(*out)); /* the lock is the fix */
			return false;
		}
		if (from_rule)
			out->needs_cleanup = !has_destructor(t);
		return true;
	}

	if (depth >= MAX_TYPE_DEPTH)
		return false;
	bool maybe_empty = false;
	if (known_wrapper(qual, &maybe_empty)) {
		int n = clang_Type_getNumTemplateArguments(canon);
		for (int i = 0; i < n; i++) {
			CXType arg = clang_Type_getTemplateArgumentAsType(canon, (unsigned)i);
			struct guard_info gi;
			if (arg.kind == CXType_Invalid ||
			    !classify_type(w, arg, &gi, depth + 1) ||
			    gi.needs_cleanup)
				continue;
			return guard_through(w, out, &gi,
					     arena_printf(w->src.a, "'%s'",
							  display_type(&w->src, t)),
					     maybe_empty);
		}
		return false;
	}
	if (in_system_header(decl))
		return false;
	enum CXCursorKind dk = clang_getCursorKind(decl);
	if (dk != CXCursor_StructDecl && dk != CXCursor_ClassDecl &&
	    dk != CXCursor_UnionDecl && dk != CXCursor_ClassTemplate &&
	    dk != CXCursor_ClassTemplatePartialSpecialization)
		return false;
	return classify_record(w, t, decl, out, depth);
}

/*
 * Does destroying a 't' run code: a class object in C++ (the rules name
 * it as a guard; its destructor may be implicit).  C objects, and
 * non-class types anywhere, release nothing at scope end unless a
 * cleanup attribute says so.
 */
static bool has_destructor(CXType t)
{
	CXType canon = clang_getCanonicalType(t);
	CXCursor d = type_decl(t);
	if (clang_Cursor_isNull(d))
		return false;
	if (canon.kind != CXType_Record && canon.kind != CXType_Unexposed &&
	    canon.kind != CXType_Elaborated)
		return false;
	return clang_getCursorLanguage(d) == CXLanguage_CPlusPlus;
}

/*
 * Typedef names on the way from the written type to the canonical one
 * ("pthread_mutex_t", "GMutexLocker"): C names its guard types this way.
 */
static bool classify_typedefs(struct walk *w, CXType t, struct guard_info *out)
{
	for (int guard = 0; guard < 16; guard++) {
		if (t.kind == CXType_Elaborated) {
			t = clang_Type_getNamedType(t);
			continue;
		}
		if (t.kind != CXType_Typedef)
			return false;
		CXCursor d = clang_getTypeDeclaration(t);
		bool from_rule;
		if (named_guard(w, d, clang_getNullCursor(), qualname(w, d), NULL,
				out, &from_rule) > 0) {
			if (from_rule)
				out->needs_cleanup = !has_destructor(t);
			return true;
		}
		t = clang_getTypedefDeclUnderlyingType(d);
	}
	return false;
}

/* Fill 'out' for type 't'; returns out->guard.  Cached. */
bool classify_type(struct walk *w, CXType t, struct guard_info *out,
			  int depth)
{
	CXType canon = clang_getCanonicalType(t);
	if ((t.kind == CXType_Typedef || t.kind == CXType_Elaborated) &&
	    rules_has(w->rules, RL_INVALID_TYPES) && classify_typedefs(w, t, out))
		return true;
	CXString s = clang_getTypeSpelling(canon);
	const char *key = cstr(s);
	struct strmap_slot *slot;

	if (!key || !*key || canon.kind == CXType_Dependent ||
	    canon.kind == CXType_Unexposed) {
		/* dependent: do not cache, the spelling may not be unique */
		clang_disposeString(s);
		return classify_uncached(w, t, out, depth);
	}
	slot = strmap_find(&w->tc.types, key, false);
	if (slot && slot->val) {
		clang_disposeString(s);
		*out = *(struct guard_info *)slot->val;
		return out->guard;
	}
	const char *k = arena_strdup(w->src.a, key);
	clang_disposeString(s);
	struct guard_info *gi = arena_alloc(w->src.a, sizeof(*gi));
	slot = strmap_find(&w->tc.types, k, true);
	slot->val = gi; /* 'not a guard' while in progress: breaks cycles */
	classify_uncached(w, t, out, depth);
	*gi = *out;
	return out->guard;
}

/* "<std::unique_lock<std::mutex>, ...>": the template arguments of 'spec'. */
static void add_template_args(struct walk *w, struct strbuf *sb, CXCursor spec)
{
	int n = clang_Cursor_getNumTemplateArguments(spec);
	if (n <= 0)
		return;
	strbuf_addc(sb, '<');
	for (int i = 0; i < n; i++) {
		if (i)
			strbuf_adds(sb, ", ");
		if (clang_Cursor_getTemplateArgumentKind(spec, (unsigned)i) !=
		    CXTemplateArgumentKind_Type) {
			strbuf_adds(sb, "...");
			continue;
		}
		strbuf_adds(sb, display_type(&w->src, clang_Cursor_getTemplateArgumentType(
						   spec, (unsigned)i)));
	}
	strbuf_addc(sb, '>');
}

/*
 * Remember a call to a specialization of a template we check: a function
 * template's ("f<std::unique_lock<std::mutex>>"), a member of a class
 * template's ("D<std::unique_lock<std::mutex>>::f"), or both.  Its
 * instantiated body, with every type known, is walked later
 * (walk_instances()).
 */
void note_specialization(struct walk *w, CXCursor spec)
{
	CXCursor tmpl = clang_getSpecializedCursorTemplate(spec);
	if (clang_Cursor_isNull(tmpl) || in_system_header(tmpl))
		return;
	CXCursor def = clang_getCursorDefinition(spec);
	if (clang_Cursor_isNull(def) || !in_checked_file(w, def))
		return;
	/*
	 * An implicit instantiation sits where its template's definition is;
	 * an explicit specialization is written elsewhere, and walked there.
	 */
	CXCursor tdef = clang_getCursorDefinition(tmpl);
	/*
	 * A member template of a class template's specialization
	 * (ConditionVariable<SpinLock>::wait<P>, defined out of line) has
	 * no definition of its own: its pattern, one step up, has.
	 */
	if (clang_Cursor_isNull(tdef)) {
		CXCursor up = clang_getSpecializedCursorTemplate(tmpl);
		if (!clang_Cursor_isNull(up)) {
			tmpl = up;
			tdef = clang_getCursorDefinition(tmpl);
		}
	}
	if (clang_Cursor_isNull(tdef) ||
	    !clang_equalLocations(clang_getCursorLocation(def),
				  clang_getCursorLocation(tdef)))
		return;
	struct cmap_slot *seen = cmap_find(&w->tc.specs, def, true);
	if (seen->val)
		return;

	struct strbuf sb;
	strbuf_init(&sb);
	CXCursor parent = clang_getCursorSemanticParent(def);
	CXType pt = clang_getCursorType(parent);
	bool lambda = is_lambda_call_operator(w, def);
	if (lambda) { /* a generic lambda's: named, and keyed, as the lambda */
		struct src_loc l = cursor_loc(&w->src, def);
		strbuf_addf(&sb, "lambda at %u:%u", l.line, l.col);
	} else if (clang_Type_getNumTemplateArguments(pt) > 0) {
		strbuf_adds(&sb, display_type(&w->src, pt));
		strbuf_adds(&sb, "::");
		strbuf_adds(&sb, cx_strdup(w->src.a, clang_getCursorSpelling(def)));
	} else {
		strbuf_adds(&sb, qualname(w, tmpl));
	}
	add_template_args(w, &sb, def);

	ARRAY_GROW(w->tc.todo, w->tc.ntodo + 1, w->tc.cap_todo);
	struct spec_todo *t = &w->tc.todo[w->tc.ntodo++];
	t->def = def;
	t->name = arena_strdup(w->src.a, sb.buf);
	t->usr = instance_key(w->src.a, lambda ? lambda_key(&w->src, def)
					 : cx_strdup(w->src.a, clang_getCursorUSR(tmpl)),
			      t->name);
	seen->val = (void *)t->usr;
	strbuf_release(&sb);
}

/*
 * The key of an instantiation's view in the summaries: its template's
 * ('base', a USR or a lambda's key), a space, the instantiation's name.
 * Calls of the specialization use it (callee_of()), so each
 * specialization has its own summary, made from its instantiated body.
 */
const char *instance_key(struct arena *a, const char *base, const char *instance)
{
	return arena_printf(a, "%s %s", base, instance);
}

/*
 * Lambdas have no USR of their own we can reach from the LambdaExpr, but
 * their call operator sits where the lambda is written: that position
 * names both in the summaries.
 */
const char *lambda_key(struct walk_src *src, CXCursor c)
{
	CXFile f;
	unsigned off;
	clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL,
				   &off);
	if (!f)
		return arena_printf(src->a, "lambda@?:%u", off);
	CXString name = clang_getFileName(f);
	const char *key = arena_printf(src->a, "lambda@%s:%u", cstr(name), off);
	clang_disposeString(name);
	return key;
}

static bool is_lambda_call_operator(struct walk *w, CXCursor ref)
{
	(void)w;
	if (clang_getCursorKind(ref) != CXCursor_CXXMethod)
		return false;
	CXCursor cls = clang_getCursorSemanticParent(ref);
	CXString ts = clang_getTypeSpelling(clang_getCursorType(cls));
	bool lambda = starts_with(cstr(ts), "(lambda at ");
	clang_disposeString(ts);
	return lambda;
}

struct callee *callee_of(struct walk *w, CXCursor ref)
{
	struct cmap_slot *s = cmap_find(&w->tc.callees, ref, true);
	if (s->val)
		return s->val;
	struct callee *ce = arena_alloc(w->src.a, sizeof(*ce));
	s->val = ce;
	CXCursor tmpl = clang_getSpecializedCursorTemplate(ref);
	if (is_lambda_call_operator(w, ref)) {
		/* named by position: a nested lambda's qualified name and
		 * USR grow with its depth */
		struct src_loc l = cursor_loc(&w->src, ref);
		/* a lambda in an instantiated body is that instantiation's */
		ce->usr = w->instance ? instance_key(w->src.a, lambda_key(&w->src, ref),
						     w->instance)
				      : lambda_key(&w->src, ref);
		ce->name = arena_printf(w->src.a, "lambda at %u:%u", l.line, l.col);
	} else {
		ce->name = qualname(w, ref);
		/*
		 * A specialization whose instantiated body we walk has the
		 * summary of that view (instance_key(), below); others have
		 * their template's.
		 */
		ce->usr = cx_strdup(w->src.a, clang_getCursorUSR(
					 clang_Cursor_isNull(tmpl) ? ref : tmpl));
	}
	if (!clang_Cursor_isNull(tmpl)) {
		note_specialization(w, ref);
		CXCursor def = clang_getCursorDefinition(ref);
		struct cmap_slot *sp = clang_Cursor_isNull(def) ? NULL
				       : cmap_find(&w->tc.specs, def, false);
		if (sp && sp->val)
			ce->usr = sp->val;
	}
	ce->in_system = in_system_header(ref);
	ce->known = known_function(ce->name);
	if (!ce->in_system) {
		CXCursor def = clang_getCursorDefinition(ref);
		ce->annotated =
			has_annotation(ref, "await_holding::suspends") ||
			has_annotation(clang_getCanonicalCursor(ref),
				       "await_holding::suspends") ||
			has_annotation(def, "await_holding::suspends");
	}
	ce->suspend_rule = rules_match(w->rules, RL_SUSPEND_FUNCTIONS, ce->name,
				       NULL);
	ce->configured = ce->suspend_rule != NULL;
	rules_note_misuse(w->rules, RL_INVALID_TYPES, ce->name, "a function");
	ce->allowed = rules_match(w->rules, RL_ALLOWED_CALLEES, ce->name,
				  NULL) != NULL;
	ce->want = ce->annotated || ce->configured || !ce->in_system;
	ce->method = cx_strdup(w->src.a, clang_getCursorSpelling(ref));
	if (rules_has_locks(w->rules))
		ce->lock = rules_match_lock(w->rules, ce->name, &ce->lock_acquire);
	CXType rt = clang_getCanonicalType(
		clang_getResultType(clang_getCursorType(ref)));
	ce->may_return_guard = rt.kind == CXType_Record ||
			       rt.kind == CXType_Unexposed ||
			       rt.kind == CXType_Elaborated ||
			       rt.kind == CXType_Auto;
	return ce;
}

/* Is 'e' a call to one of the allowed callees, or of an allowed type? */
bool allowed_await(struct walk *w, CXCursor operand)
{
	CXCursor e = strip_expr(operand);
	CXType t = clang_getCursorType(e);
	CXCursor d = type_decl(t);

	if (rules_has(w->rules, RL_ALLOWED_AWAITABLES) && !clang_Cursor_isNull(d)) {
		CXCursor tmpl = clang_getSpecializedCursorTemplate(d);
		const char *q = qualname(w, clang_Cursor_isNull(tmpl) ? d : tmpl);
		if (rules_match(w->rules, RL_ALLOWED_AWAITABLES, q,
				type_spelling(&w->src, clang_getCanonicalType(t))))
			return true;
	}
	if (rules_has(w->rules, RL_ALLOWED_CALLEES) &&
	    clang_getCursorKind(e) == CXCursor_CallExpr) {
		CXCursor ref = clang_getCursorReferenced(e);
		if (!clang_Cursor_isNull(ref) &&
		    clang_getCursorKind(ref) != CXCursor_Constructor &&
		    callee_of(w, ref)->allowed)
			return true;
	}
	return false;
}

struct tref_search {
	CXCursor found;
};

static enum CXChildVisitResult tref_cb(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct tref_search *s = data;
	(void)parent;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_TemplateRef) {
		s->found = clang_getCursorReferenced(c);
		return CXChildVisit_Break;
	}
	if (k == CXCursor_LambdaExpr || k == CXCursor_CompoundStmt)
		return CXChildVisit_Continue;
	return CXChildVisit_Recurse;
}

/*
 * A dependent type with no declaration (CTAD or auto in a template):
 * name it from the first TemplateRef in the declaration.
 */
static bool classify_dependent(struct walk *w, CXCursor var,
			       struct guard_info *out)
{
	struct tref_search s = { clang_getNullCursor() };
	clang_visitChildren(var, tref_cb, &s);
	if (clang_Cursor_isNull(s.found))
		return false;
	bool from_rule;
	return named_guard(w, s.found, clang_getNullCursor(),
			   qualname(w, s.found), NULL, out, &from_rule) > 0;
}

/*
 * Is the local 'c' of type 't' a guard?  C++ objects by their type (with
 * a destructor, through wrappers); C locals only with a cleanup
 * attribute, by their type or the type they point to.
 */
bool is_guard_var(struct walk *w, CXCursor c, CXType t,
			 struct guard_info *gi, bool *has_cleanup)
{
	CXType canon = clang_getCanonicalType(t);
	bool cleanup = has_cleanup_attr(w, c);
	*has_cleanup = cleanup;
	bool guard = classify_type(w, t, gi, 0);

	if (!guard && (canon.kind == CXType_Unexposed ||
		       canon.kind == CXType_Dependent || canon.kind == CXType_Auto ||
		       clang_Cursor_isNull(type_decl(t))) &&
	    canon.kind != CXType_Pointer)
		guard = classify_dependent(w, c, gi);
	if (!guard && cleanup && canon.kind == CXType_Pointer) {
		/* through typedefs of the pointer, keeping the pointee's */
		CXType p = t;
		for (int i = 0; i < 16 && p.kind != CXType_Pointer; i++)
			p = p.kind == CXType_Typedef
				    ? clang_getTypedefDeclUnderlyingType(
					      clang_getTypeDeclaration(p))
				: p.kind == CXType_Elaborated
				    ? clang_Type_getNamedType(p)
				    : clang_getCanonicalType(p);
		guard = classify_type(w, clang_getPointeeType(p), gi, 0);
	}
	if (guard && gi->needs_cleanup && !cleanup)
		return false;
	if (guard && cleanup)
		gi->maybe_empty = true; /* initialized with NULL: owns nothing */
	return guard;
}

static enum CXChildVisitResult fn_name_cb(CXCursor c, CXCursor parent,
					  CXClientData data)
{
	struct walk *w = data;
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_FunctionDecl) {
		const char *name = cx_strdup(w->src.a, clang_getCursorSpelling(c));
		struct strmap_slot *s = strmap_find(&w->tc.fn_names, name, true);
		if (!s->val || clang_isCursorDefinition(c)) {
			CXCursor *p = arena_alloc(w->src.a, sizeof(*p));
			*p = c;
			s->val = p;
		}
	}
	return CXChildVisit_Continue;
}

/*
 * The file-scope function declaration named 'name' (its definition if
 * the TU has one), or a null cursor.  The names are read once per TU,
 * when the first cleanup(fn) asks.
 */
CXCursor function_named(struct walk *w, const char *name)
{
	if (!w->tc.fn_names_done) {
		w->tc.fn_names_done = true;
		clang_visitChildren(clang_getTranslationUnitCursor(w->src.cx),
				    fn_name_cb, w);
	}
	struct strmap_slot *s = strmap_find(&w->tc.fn_names, name, false);
	return s ? *(CXCursor *)s->val : clang_getNullCursor();
}

void walk_types_release(struct walk_types *tc)
{
	cmap_release(&tc->dtors);
	cmap_release(&tc->mutexes);
	strmap_release(&tc->fn_names);
	strmap_release(&tc->types);
	cmap_release(&tc->callees);
	cmap_release(&tc->qualnames);
	cmap_release(&tc->specs);
	strmap_release(&tc->free_ops);
	free(tc->todo);
}
