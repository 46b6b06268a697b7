/*
 * walk_cx.c - small libclang helpers for the walk family: children of a
 * cursor, a map keyed by cursors, peeling implicit nodes and
 * parentheses, declarations and their qualified names, attributes,
 * expansion offsets.  No walk state beyond the TU's caches.
 */
#include "common.h"
#include "walk_p.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The text of 's', never NULL (libclang gives NULL for a null string). */
const char *cstr(CXString s)
{
	const char *p = clang_getCString(s);
	return p ? p : "";
}

static enum CXChildVisitResult collect_kid(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct kids *k = data;
	(void)parent;
	if (k->n == k->cap) {
		unsigned cap = k->cap * 2;
		CXCursor *nc = xmalloc(cap * sizeof(*nc));
		memcpy(nc, k->c, k->n * sizeof(*nc));
		if (k->c != k->inline_buf)
			free(k->c);
		k->c = nc;
		k->cap = cap;
	}
	k->c[k->n++] = c;
	return CXChildVisit_Continue;
}

/* Collect the children of 'c'; release with kids_release(). */
void kids_of(CXCursor c, struct kids *k)
{
	k->c = k->inline_buf;
	k->n = 0;
	k->cap = ARRAY_SIZE(k->inline_buf);
	clang_visitChildren(c, collect_kid, k);
}

void kids_release(struct kids *k)
{
	if (k->c != k->inline_buf)
		free(k->c);
}

void cmap_release(struct cmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

struct cmap_slot *cmap_find(struct cmap *m, CXCursor key, bool insert)
{
	if (insert && (m->n + 1) * 2 > m->cap) {
		struct cmap old = *m;
		m->cap = old.cap ? old.cap * 2 : 64;
		m->slots = xcalloc(m->cap, sizeof(*m->slots));
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.slots[i].used)
				*cmap_find(m, old.slots[i].key, true) =
					old.slots[i];
		free(old.slots);
	}
	if (!m->cap)
		return NULL;
	size_t i = clang_hashCursor(key) & (m->cap - 1);
	for (;;) {
		struct cmap_slot *s = &m->slots[i];
		if (!s->used) {
			if (!insert)
				return NULL;
			s->used = true;
			s->key = key;
			s->val = NULL;
			m->n++;
			return s;
		}
		if (clang_equalCursors(s->key, key))
			return s;
		i = (i + 1) & (m->cap - 1);
	}
}

/*
 * The same expression?  Cursors reached through clang_Cursor_getArgument()
 * and through visiting differ in their parent field, so compare what the
 * expression is, not how we got to it.
 */
bool same_cursor(CXCursor a, CXCursor b)
{
	return !clang_Cursor_isNull(a) && !clang_Cursor_isNull(b) &&
	       clang_getCursorKind(a) == clang_getCursorKind(b) &&
	       clang_equalRanges(clang_getCursorExtent(a),
				 clang_getCursorExtent(b));
}

/* Expansion offsets of a cursor's extent, in the main file's terms. */
void extent_offsets(CXCursor c, CXFile *f, unsigned *start,
			   unsigned *end)
{
	CXSourceRange r = clang_getCursorExtent(c);
	clang_getExpansionLocation(clang_getRangeStart(r), f, NULL, NULL, start);
	clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, end);
}

/* Is 'l' inside a macro expansion (spelled elsewhere than it expands)? */
bool from_macro(CXSourceLocation l)
{
	CXFile sf, ef;
	unsigned so, eo;
	clang_getSpellingLocation(l, &sf, NULL, NULL, &so);
	clang_getExpansionLocation(l, &ef, NULL, NULL, &eo);
	return !sf || !ef || !clang_File_isEqual(sf, ef) || so != eo;
}

static void add_qual_parts(struct walk_src *src, CXCursor c, struct strbuf *sb)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	if (clang_Cursor_isNull(c) || k == CXCursor_TranslationUnit ||
	    clang_isInvalid(k))
		return;
	CXCursor parent = clang_getCursorSemanticParent(c);
	add_qual_parts(src, parent, sb);
	if (k == CXCursor_LinkageSpec ||
	    (k == CXCursor_Namespace && clang_Cursor_isInlineNamespace(c)))
		return;
	CXString s = clang_getCursorSpelling(c);
	const char *name = cstr(s);
	if (sb->len)
		strbuf_adds(sb, "::");
	if (!name || !*name)
		strbuf_adds(sb, k == CXCursor_Namespace ? "(anonymous namespace)"
							: "(anonymous)");
	else
		strbuf_adds(sb, name);
	clang_disposeString(s);
}

/* Fully qualified name of a declaration, inline namespaces skipped. */
const char *qualname(struct walk *w, CXCursor decl)
{
	struct cmap_slot *s = cmap_find(&w->tc.qualnames, decl, true);
	if (!s->val) {
		struct strbuf sb;
		strbuf_init(&sb);
		add_qual_parts(&w->src, decl, &sb);
		s->val = arena_strdup(w->src.a, sb.buf);
		strbuf_release(&sb);
	}
	return s->val;
}

struct attr_search {
	const char *annotate;   /* AnnotateAttr text wanted, or NULL */
	struct walk *w;
	bool scoped_lockable;   /* look for the scoped_lockable attribute */
	bool cleanup;           /* look for the cleanup attribute */
	bool found;
};

static enum CXChildVisitResult attr_cb(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct attr_search *s = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	(void)parent;
	if (s->annotate && k == CXCursor_AnnotateAttr) {
		CXString str = clang_getCursorSpelling(c);
		if (!strcmp(cstr(str), s->annotate))
			s->found = true;
		clang_disposeString(str);
	} else if ((s->scoped_lockable || s->cleanup) &&
		   k == CXCursor_UnexposedAttr) {
		unsigned off;
		size_t avail;
		const char *p = text_at_start(&s->w->src, c, &off, &avail);
		/* [[clang::scoped_lockable]] starts at the namespace */
		if (p && avail > 7 && word_at(p, avail, "clang") && p[5] == ':' &&
		    p[6] == ':') {
			p += 7;
			avail -= 7;
		}
		if (p && s->scoped_lockable &&
		    (word_at(p, avail, "scoped_lockable") ||
		     word_at(p, avail, "__scoped_lockable__")))
			s->found = true;
		if (p && s->cleanup && (word_at(p, avail, "cleanup") ||
					word_at(p, avail, "__cleanup__")))
			s->found = true;
	}
	return s->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* Does an attribute of 'decl' (may be null) match what 's' looks for? */
static bool find_attr(CXCursor decl, struct attr_search *s)
{
	if (clang_Cursor_isNull(decl) || !clang_Cursor_hasAttrs(decl))
		return false;
	clang_visitChildren(decl, attr_cb, s);
	return s->found;
}

bool has_annotation(CXCursor decl, const char *text)
{
	struct attr_search s = { text, NULL, false, false, false };
	return find_attr(decl, &s);
}

/* __attribute__((cleanup(fn))) on a variable (libclang: UnexposedAttr). */
bool has_cleanup_attr(struct walk *w, CXCursor var)
{
	struct attr_search s = { NULL, w, false, true, false };
	find_attr(var, &s);
#if CINDEX_VERSION_MINOR < 64
	if (!s.found && clang_Cursor_hasAttrs(var)) {
		/*
		 * libclang 14 gives the expansion, not the spelling, of an
		 * attribute written by a macro (_cleanup_(f)): ask the pretty
		 * printer, which resolves it.
		 */
		CXPrintingPolicy pol = clang_getCursorPrintingPolicy(var);
		CXString pp = clang_getCursorPrettyPrinted(var, pol);
		const char *t = cstr(pp);
		s.found = t && (strstr(t, "cleanup(") || strstr(t, "__cleanup__("));
		clang_disposeString(pp);
		clang_PrintingPolicy_dispose(pol);
	}
#endif
	return s.found;
}

/*
 * The function a cleanup attribute names ("__free(kvfree)" is
 * cleanup(__free_kvfree)), from the pretty-printed declaration, which
 * resolves macros and token pasting; NULL if none.
 */
const char *cleanup_fn_name(struct walk *w, CXCursor var)
{
	CXPrintingPolicy pol = clang_getCursorPrintingPolicy(var);
	CXString pp = clang_getCursorPrettyPrinted(var, pol);
	const char *t = cstr(pp), *name = NULL;
	const char *p = t ? strstr(t, "__cleanup__(") : NULL;
	if (p)
		p += strlen("__cleanup__(");
	else if (t && (p = strstr(t, "cleanup(")))
		p += strlen("cleanup(");
	if (p) {
		size_t n = 0;
		while (p[n] == '_' || (p[n] >= 'a' && p[n] <= 'z') ||
		       (p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= '0' && p[n] <= '9'))
			n++;
		if (n)
			name = arena_strndup(w->src.a, p, n);
	}
	clang_disposeString(pp);
	clang_PrintingPolicy_dispose(pol);
	return name;
}

bool is_scoped_lockable(struct walk *w, CXCursor decl)
{
	struct attr_search s = { NULL, w, true, false, false };
	return find_attr(decl, &s);
}

CXCursor type_decl(CXType t)
{
	CXCursor d = clang_getTypeDeclaration(clang_getCanonicalType(t));
	if (clang_Cursor_isNull(d) || clang_getCursorKind(d) == CXCursor_NoDeclFound)
		d = clang_getTypeDeclaration(t);
	if (clang_getCursorKind(d) == CXCursor_NoDeclFound)
		return clang_getNullCursor();
	return d;
}

const char *type_spelling(struct walk_src *src, CXType t)
{
	return cx_strdup(src->a, clang_getTypeSpelling(t));
}

/* The type as shown: canonical, unless that is a template's insides. */
const char *display_type(struct walk_src *src, CXType t)
{
	if (src->lang_c)
		return type_spelling(src, t); /* C users know the typedef names */
	const char *canon = type_spelling(src, clang_getCanonicalType(t));
	if (strstr(canon, "type-parameter-") || !*canon)
		return type_spelling(src, t);
	return canon;
}

bool in_system_header(CXCursor c)
{
	return clang_Location_isInSystemHeader(clang_getCursorLocation(c));
}

/* Children of a record and of the template it comes from. */
void visit_record(CXCursor d, CXCursorVisitor fn, void *data)
{
	CXCursor def = clang_getCursorDefinition(d);
	if (!clang_Cursor_isNull(def))
		d = def; /* not a forward declaration */
	CXCursor tmpl = clang_getSpecializedCursorTemplate(d);
	clang_visitChildren(d, fn, data);
	if (!clang_Cursor_isNull(tmpl)) {
		def = clang_getCursorDefinition(tmpl);
		/* the template's definition, not a declaration before it */
		clang_visitChildren(clang_Cursor_isNull(def) ? tmpl : def, fn, data);
	}
}

CXCursor strip_expr(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr)
			return c;
		struct kids ks;
		kids_of(c, &ks);
		if (ks.n != 1) {
			kids_release(&ks);
			return c;
		}
		c = ks.c[0];
		kids_release(&ks);
	}
}

/* '&' or '*' for a unary address-of / dereference, else 0. */
char unary_op(struct walk *w, CXCursor e)
{
	if (clang_getCursorKind(e) != CXCursor_UnaryOperator)
		return 0;
#if CINDEX_VERSION_MINOR >= 64
	(void)w;
	switch (clang_getCursorUnaryOperatorKind(e)) {
	case CXUnaryOperator_AddrOf:
		return '&';
	case CXUnaryOperator_Deref:
		return '*';
	default:
		return 0;
	}
#else
	unsigned off;
	size_t avail;
	const char *p = text_at_start(&w->src, e, &off, &avail);
	return p && (*p == '&' || *p == '*') ? *p : 0;
#endif
}

/* The single operand of a unary operator, stripped. */
CXCursor unary_operand(CXCursor e)
{
	struct kids ks;
	CXCursor o = clang_getNullCursor();
	kids_of(e, &ks);
	if (ks.n == 1)
		o = strip_expr(ks.c[0]);
	kids_release(&ks);
	return o;
}

unsigned start_offset(CXCursor c)
{
	unsigned off;
	clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(c)),
				   NULL, NULL, NULL, &off);
	return off;
}

unsigned end_offset(CXCursor c)
{
	unsigned off;
	clang_getExpansionLocation(clang_getRangeEnd(clang_getCursorExtent(c)),
				   NULL, NULL, NULL, &off);
	return off;
}

/* An argument the caller did not write: a default argument. */
bool is_default_arg(CXCursor call, CXCursor arg)
{
	CXFile cf, af;
	unsigned cs, ce, as, ae;
	extent_offsets(call, &cf, &cs, &ce);
	extent_offsets(arg, &af, &as, &ae);
	return !af || !cf || !clang_File_isEqual(af, cf) || as < cs || ae > ce ||
	       as == ae;
}

/*
 * The first declaration of the overload set a dependent call names
 * ("std::move(x)" in a template), or a null cursor.
 */
CXCursor overload_of(CXCursor call)
{
	struct kids ks;
	CXCursor ovl = clang_getNullCursor();
	kids_of(call, &ks);
	CXCursor first = ks.n ? strip_expr(ks.c[0]) : clang_getNullCursor();
	kids_release(&ks);
	enum CXCursorKind fk = clang_getCursorKind(first);
	if (fk == CXCursor_OverloadedDeclRef) {
		ovl = first;
	} else if (fk == CXCursor_DeclRefExpr) {
		/* "(g_steal_pointer)(pp)": a function named through parentheses */
		CXCursor ref = clang_getCursorReferenced(first);
		if (clang_getCursorKind(ref) == CXCursor_FunctionDecl)
			return ref;
		kids_of(first, &ks);
		for (unsigned i = 0; i < ks.n; i++)
			if (clang_getCursorKind(ks.c[i]) == CXCursor_OverloadedDeclRef)
				ovl = ks.c[i];
		kids_release(&ks);
	}
	if (clang_Cursor_isNull(ovl) || !clang_getNumOverloadedDecls(ovl))
		return clang_getNullCursor();
	return clang_getOverloadedDecl(ovl, 0);
}

/* The object of a member call 'c' (x.f() / x->f()), or a null cursor. */
CXCursor member_object(CXCursor c)
{
	struct kids ks;
	CXCursor obj = clang_getNullCursor();
	kids_of(c, &ks);
	if (ks.n) {
		CXCursor first = strip_expr(ks.c[0]);
		if (clang_getCursorKind(first) == CXCursor_MemberRefExpr) {
			struct kids mk_;
			kids_of(first, &mk_);
			if (mk_.n)
				obj = mk_.c[0];
			kids_release(&mk_);
		}
	}
	kids_release(&ks);
	return obj;
}

/* The initializer of a VarDecl: its last child if that is an expression. */
CXCursor var_init(CXCursor c)
{
	struct kids ks;
	CXCursor init = clang_getNullCursor();
	kids_of(c, &ks);
	if (ks.n && clang_isExpression(clang_getCursorKind(ks.c[ks.n - 1])))
		init = ks.c[ks.n - 1];
	kids_release(&ks);
	return init;
}

bool is_function_kind(enum CXCursorKind k)
{
	return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod ||
	       k == CXCursor_FunctionTemplate || k == CXCursor_Constructor ||
	       k == CXCursor_Destructor || k == CXCursor_ConversionFunction ||
	       k == CXCursor_LambdaExpr;
}
