/*
 * walk.c - libclang cursors to struct fn_view (walk.h).
 *
 * For each function body in the main file: statements become the
 * control structure of view.h, guard locals become variables with a
 * scope region, member calls and moves on them become ownership events,
 * co_await / co_yield become suspension points.  Every node is numbered
 * when entered and when left (view.h, "Numbering").
 *
 * The libclang facts it relies on: co_await is an UnexposedExpr
 * recognised by its keyword, a coroutine's body is an UnexposedStmt whose
 * child 0 is the user's compound statement, only child 0 of a co_await is
 * user code, and templates are visited as written (dependent types
 * resolve to the class template).  Where libclang hides something (if/
 * else and for-header parts, switch init-statements, members named in
 * templates, macro-written code) the source text fills in.
 *
 * Sections, in order: containers; state; locations and text; names,
 * types and rules (what is a guard: classify_type()); callees; variables
 * and scopes; nodes; suspend and lock macros; expressions (calls, moves,
 * releases, co_await); declarations (guard variables); statements;
 * functions and the TU (walk_tu(), template instantiations, namespaces
 * for unused-entry warnings).
 */
#include "common.h"
#include "walk.h"
#include "diag.h"
#include "rules.h"
#include "strmap.h"
#include "tu_p.h"
#include "util.h"
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 10000    /* deeper expressions are not looked into */
#define MAX_TYPE_DEPTH 6   /* wrappers inside wrappers inside ... */

/* The text of 's', never NULL (libclang gives NULL for a null string). */
static const char *cstr(CXString s)
{
	const char *p = clang_getCString(s);
	return p ? p : "";
}

/* ---- small containers ------------------------------------------------ */

struct kids {
	CXCursor *c;
	unsigned n, cap;
	CXCursor inline_buf[8];
};

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
static void kids_of(CXCursor c, struct kids *k)
{
	k->c = k->inline_buf;
	k->n = 0;
	k->cap = ARRAY_SIZE(k->inline_buf);
	clang_visitChildren(c, collect_kid, k);
}

static void kids_release(struct kids *k)
{
	if (k->c != k->inline_buf)
		free(k->c);
}

/* Cursor -> pointer map (open addressing on clang_hashCursor). */
struct cmap_slot {
	CXCursor key;
	void *val;
	bool used;
};

struct cmap {
	struct cmap_slot *slots;
	size_t n, cap;
};

static void cmap_release(struct cmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

static struct cmap_slot *cmap_find(struct cmap *m, CXCursor key, bool insert)
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

/* ---- the walk's state ------------------------------------------------ */

/* What a type says about guards; cached per canonical spelling. */
struct guard_info {
	bool guard;
	bool maybe_empty;     /* default/defer_lock/nullptr makes it own nothing */
	bool needs_cleanup;   /* no destructor: a guard only with cleanup() */
	const char *matched;
	const char *reason;
	const char *via;
};

/* Where a lock-functions acquire is, for what releases it. */
enum cleanup_ctx {
	CLEANUP_NONE,  /* ordinary code: the matching release call */
	CLEANUP_PLAIN, /* a cleanup variable's initializer: its scope's end */
	CLEANUP_GUARD, /* a cleanup guard's initializer: the guard is the lock */
};

/* An expansion of a configured suspend macro. */
struct macro_use {
	unsigned off;         /* expansion offset in the main file */
	struct src_loc loc;
	const char *name;     /* the suspend macro, or the lock macro */
	const struct rule *lock; /* a lock-functions macro: its pair */
	bool acquire;         /* ... as the acquire */
	const char *key;      /* ... and the lock it names */
};

/* A lock taken by an acquire call: the lock expression and its variable. */
struct lock_key {
	const char *key;      /* "mu", "dev->lock" */
	int var;
};

/* A call to a specialization of a function template: its arguments. */
struct inst {
	const char *tmpl_usr;     /* the template's USR */
	const char *name;         /* "f<std::unique_lock<std::mutex>>" */
	int nargs;
	struct guard_info *gi;    /* per template argument */
	const char **type;        /* per template argument, as shown */
};

/* What a callee says; cached per declaration. */
struct callee {
	const char *name;     /* qualified */
	const char *usr;
	bool annotated;       /* await_holding::suspends */
	bool configured;      /* suspend-functions */
	bool allowed;         /* allowed-callees */
	bool is_move;         /* std::move, std::forward */
	bool is_swap;         /* std::swap */
	bool is_exchange;     /* std::exchange */
	bool steals;          /* g_steal_pointer(&p), g_clear_pointer(&p, f) */
	const char *method;   /* unqualified name, e.g. "unlock", "operator=" */
	const struct rule *lock; /* lock-functions pair it is part of, or NULL */
	bool lock_acquire;    /* ... as the acquire function */
	bool may_return_guard;/* returns a class by value: check for guards */
	bool in_system;       /* declared in a system header */
	bool want;            /* worth a V_CALL node */
};

struct walk {
	struct tu *tu;
	CXTranslationUnit cx;
	struct arena *a;
	struct rules *rules;
	struct diag_list *problems; /* misplaced annotations */
	bool lang_c;          /* the TU is C */
	struct fn_view *head, **tail;

	struct strmap types;    /* canonical spelling -> struct guard_info */
	struct cmap callees;  /* declaration -> struct callee */
	struct cmap qualnames;/* declaration -> const char * */
	struct cmap specs;    /* function template specializations seen */
	struct {
		CXFile file;
		const char *buf;
		size_t size;
	} fcache[64];         /* file_contents(), direct-mapped */
	struct strmap free_ops; /* operand type names of free operator co_await */
	bool free_ops_scanned;

	struct inst *insts;   /* function template specializations called */
	size_t ninsts, cap_insts;

	struct macro_use *macros; /* suspend-macro expansions in the main file */
	struct strmap derived_macros; /* macro -> the suspend macro it uses */
	size_t nmacros, cap_macros;
	size_t mi, mend;      /* this function's unconsumed range of them */

	struct {
		CXFile file;
		bool want;
	} *headers;           /* header-filter verdict per file seen */
	size_t nheaders, cap_headers;

	CXCursor *pending;    /* lambdas and local classes to do after */
	size_t npending, cap_pending;

	/* per function */
	struct fn_view *fn;
	struct cmap vars;     /* VarDecl/ParmDecl -> (var index + 1) */
	struct cmap labels;   /* LabelStmt -> (label id + 1) */
	struct cmap ptrs;     /* pointer locals holding &guard -> (var + 1) */
	struct cmap lock_aliases; /* pointer locals holding &lock -> its key */
	int *scope_vars;      /* stack of var indices, by scope */
	size_t nscope_vars, cap_scope_vars;
	CXCursor own_init;    /* a var's own initializer: not a temporary */
	CXCursor move_done;   /* std::move already turned into an event */
	enum cleanup_ctx cleanup; /* walking a cleanup variable's initializer */
	int pending_scoped[8];  /* placeholder vars made in that initializer */
	size_t npending_scoped;
	struct lock_key *locks; /* lock-functions acquires seen in this function */
	size_t nlocks, cap_locks;
	unsigned await_off;   /* keyword offset of the co_await being walked */
	bool in_await;
	int depth;
};


/* ---- locations and text ---------------------------------------------- */

static const char *file_name(struct walk *w, CXFile f)
{
	if (!f)
		return NULL;
	if (w->tu->main && clang_File_isEqual(f, w->tu->main))
		return w->tu->file;
	CXString s = clang_getFileName(f);
	const char *name = cx_strdup(w->a, s);
	return name;
}

static struct src_loc src_loc_of(struct walk *w, CXSourceLocation l)
{
	struct src_loc out = { NULL, 0, 0 };
	CXFile f;
	unsigned line, col, off;
	clang_getExpansionLocation(l, &f, &line, &col, &off);
	out.file = file_name(w, f);
	out.line = line;
	out.col = col;
	return out;
}

static struct src_loc cursor_loc(struct walk *w, CXCursor c)
{
	return src_loc_of(w, clang_getCursorLocation(c));
}

/*
 * The same expression?  Cursors reached through clang_Cursor_getArgument()
 * and through visiting differ in their parent field, so compare what the
 * expression is, not how we got to it.
 */
static bool same_cursor(CXCursor a, CXCursor b)
{
	return !clang_Cursor_isNull(a) && !clang_Cursor_isNull(b) &&
	       clang_getCursorKind(a) == clang_getCursorKind(b) &&
	       clang_equalRanges(clang_getCursorExtent(a),
				 clang_getCursorExtent(b));
}

/*
 * clang_getFileContents(), remembered per file: libclang looks the file
 * up anew on each call, and we ask for every UnexposedExpr.
 */
static const char *file_contents(struct walk *w, CXFile f, size_t *size)
{
	if (!f)
		return NULL;
	size_t h = ((uintptr_t)f >> 4) & (ARRAY_SIZE(w->fcache) - 1);
	if (w->fcache[h].file != f) {
		w->fcache[h].file = f;
		w->fcache[h].buf = clang_getFileContents(w->cx, f,
							 &w->fcache[h].size);
	}
	*size = w->fcache[h].size;
	return w->fcache[h].buf;
}

/* The text of the file at the spelling location of the extent start. */
static const char *text_at_start(struct walk *w, CXCursor c, unsigned *off,
				 size_t *avail)
{
	CXFile f;
	unsigned line, col;
	size_t size;
	const char *buf;

	clang_getSpellingLocation(clang_getRangeStart(clang_getCursorExtent(c)),
				  &f, &line, &col, off);
	if (!f)
		return NULL;
	buf = file_contents(w, f, &size);
	if (!buf || *off >= size)
		return NULL;
	*avail = size - *off;
	return buf + *off;
}

static bool is_ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Does 'p' (with 'avail' bytes) start with 'word' as a whole word? */
static bool word_at(const char *p, size_t avail, const char *word)
{
	size_t n = strlen(word);
	if (avail < n || memcmp(p, word, n))
		return false;
	return avail == n || !is_ident_char(p[n]);
}

/* Does 'p[0..n)' contain 'word'? */
static bool contains(const char *p, size_t n, const char *word)
{
	size_t wl = strlen(word);
	for (size_t i = 0; i + wl <= n; i++)
		if (!memcmp(p + i, word, wl))
			return true;
	return false;
}

/* "co_await", "co_yield", "co_return" at the start of 'c', or NULL. */
static const char *keyword_of(struct walk *w, CXCursor c, unsigned *off)
{
	size_t avail;
	if (w->lang_c)
		return NULL; /* co_yield() is an ordinary function in C */
	const char *p = text_at_start(w, c, off, &avail);
	if (!p || avail < 8 || p[0] != 'c' || p[1] != 'o' || p[2] != '_')
		return NULL;
	if (word_at(p, avail, "co_await"))
		return "co_await";
	if (word_at(p, avail, "co_yield"))
		return "co_yield";
	if (word_at(p, avail, "co_return"))
		return "co_return";
	return NULL;
}

/* Expansion offsets of a cursor's extent, in the main file's terms. */
static void extent_offsets(CXCursor c, CXFile *f, unsigned *start,
			   unsigned *end)
{
	CXSourceRange r = clang_getCursorExtent(c);
	clang_getExpansionLocation(clang_getRangeStart(r), f, NULL, NULL, start);
	clang_getExpansionLocation(clang_getRangeEnd(r), NULL, NULL, NULL, end);
}

/*
 * Scan source text [from, to) of file 'f', skipping comments, string and
 * character literals; call 'fn' on each other byte with its nesting depth
 * of (), [] and {}.  Returns early when 'fn' returns true.
 */
static bool scan_code(struct walk *w, CXFile f, unsigned from, unsigned to,
		      bool (*fn)(const char *p, size_t i, int depth, void *arg),
		      void *arg)
{
	size_t size;
	const char *buf = f ? file_contents(w, f, &size) : NULL;
	int depth = 0;

	if (!buf)
		return false;
	if (to > size)
		to = (unsigned)size;
	for (size_t i = from; i < to; i++) {
		char c = buf[i];
		if (c == '/' && i + 1 < to && buf[i + 1] == '/') {
			while (i < to && buf[i] != '\n')
				i++;
			continue;
		}
		if (c == '/' && i + 1 < to && buf[i + 1] == '*') {
			i += 2;
			while (i + 1 < to && !(buf[i] == '*' && buf[i + 1] == '/'))
				i++;
			i++;
			continue;
		}
		if (c == '"' || c == '\'') {
			for (i++; i < to && buf[i] != c; i++)
				if (buf[i] == '\\')
					i++;
			continue;
		}
		if (c == '(' || c == '[' || c == '{')
			depth++;
		else if (c == ')' || c == ']' || c == '}')
			depth--;
		if (fn(buf, i, depth, arg))
			return true;
	}
	return false;
}

/*
 * Does the whole word 'arg' start at p[i]?  The byte after it is read:
 * file buffers end in a NUL.
 */
static bool find_word_cb(const char *p, size_t i, int depth, void *arg)
{
	const char *word = arg;
	(void)depth;
	if (i > 0 && is_ident_char(p[i - 1]))
		return false;
	return word_at(p + i, strlen(word) + 1, word);
}

/* Is 'l' inside a macro expansion (spelled elsewhere than it expands)? */
static bool from_macro(CXSourceLocation l)
{
	CXFile sf, ef;
	unsigned so, eo;
	clang_getSpellingLocation(l, &sf, NULL, NULL, &so);
	clang_getExpansionLocation(l, &ef, NULL, NULL, &eo);
	return !sf || !ef || !clang_File_isEqual(sf, ef) || so != eo;
}

/*
 * Does the code between the end of 'a' and the start of 'b' hold 'word'?
 * 1 or 0; -1 when the text cannot tell (both inside one macro expansion,
 * or spelled in different files).
 */
static int word_between(struct walk *w, CXCursor a, CXCursor b,
			const char *word)
{
	CXFile fa, fb, xa, xb;
	unsigned ea, sb, xea, xsb;
	CXSourceLocation la = clang_getRangeEnd(clang_getCursorExtent(a));
	CXSourceLocation lb = clang_getRangeStart(clang_getCursorExtent(b));
	clang_getSpellingLocation(la, &fa, NULL, NULL, &ea);
	clang_getSpellingLocation(lb, &fb, NULL, NULL, &sb);
	clang_getExpansionLocation(la, &xa, NULL, NULL, &xea);
	clang_getExpansionLocation(lb, &xb, NULL, NULL, &xsb);
	bool a_macro = from_macro(clang_getRangeStart(clang_getCursorExtent(a)));
	bool macro = !fa || !xa || !clang_File_isEqual(fa, xa) || ea != xea ||
		     !fb || !xb || !clang_File_isEqual(fb, xb) || sb != xsb ||
		     a_macro;
	if (!macro)
		return scan_code(w, xa, xea, xsb, find_word_cb, (void *)word);
	/* from a macro: read where the tokens are spelled, if one place */
	if (a_macro != from_macro(lb) ||
	    !fa || !fb || !clang_File_isEqual(fa, fb) || ea >= sb)
		return -1;
	return scan_code(w, fa, ea, sb, find_word_cb, (void *)word);
}

struct semis {
	unsigned open;        /* offset of the header's '(' (0: not yet) */
	unsigned at[2];
	int n;
};

static bool semis_cb(const char *p, size_t i, int depth, void *arg)
{
	struct semis *s = arg;
	if (p[i] == '(' && depth == 1 && !s->open) {
		s->open = (unsigned)i + 1;
		return false;
	}
	if (p[i] == ';' && depth == 1 && s->open && s->n < 2)
		s->at[s->n++] = (unsigned)i;
	if (p[i] == ')' && depth == 0 && s->open)
		return true;
	return false;
}

/* ---- names, types and rules ------------------------------------------ */

static void add_qual_parts(struct walk *w, CXCursor c, struct strbuf *sb)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	if (clang_Cursor_isNull(c) || k == CXCursor_TranslationUnit ||
	    clang_isInvalid(k))
		return;
	CXCursor parent = clang_getCursorSemanticParent(c);
	add_qual_parts(w, parent, sb);
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
static const char *qualname(struct walk *w, CXCursor decl)
{
	struct cmap_slot *s = cmap_find(&w->qualnames, decl, true);
	if (!s->val) {
		struct strbuf sb;
		strbuf_init(&sb);
		add_qual_parts(w, decl, &sb);
		s->val = arena_strdup(w->a, sb.buf);
		strbuf_release(&sb);
	}
	return s->val;
}

static bool has_annotation(CXCursor decl, const char *text);

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
		const char *p = text_at_start(s->w, c, &off, &avail);
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

static bool has_annotation(CXCursor decl, const char *text)
{
	struct attr_search s = { text, NULL, false, false, false };
	return find_attr(decl, &s);
}

/* __attribute__((cleanup(fn))) on a variable (libclang: UnexposedAttr). */
static bool has_cleanup_attr(struct walk *w, CXCursor var)
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

static bool is_scoped_lockable(struct walk *w, CXCursor decl)
{
	struct attr_search s = { NULL, w, true, false, false };
	return find_attr(decl, &s);
}

static CXCursor type_decl(CXType t)
{
	CXCursor d = clang_getTypeDeclaration(clang_getCanonicalType(t));
	if (clang_Cursor_isNull(d) || clang_getCursorKind(d) == CXCursor_NoDeclFound)
		d = clang_getTypeDeclaration(t);
	if (clang_getCursorKind(d) == CXCursor_NoDeclFound)
		return clang_getNullCursor();
	return d;
}

static const char *type_spelling(struct walk *w, CXType t)
{
	return cx_strdup(w->a, clang_getTypeSpelling(t));
}

/* The type as shown: canonical, unless that is a template's insides. */
static const char *display_type(struct walk *w, CXType t)
{
	if (w->lang_c)
		return type_spelling(w, t); /* C users know the typedef names */
	const char *canon = type_spelling(w, clang_getCanonicalType(t));
	if (strstr(canon, "type-parameter-") || !*canon)
		return type_spelling(w, t);
	return canon;
}

static bool in_system_header(CXCursor c)
{
	return clang_Location_isInSystemHeader(clang_getCursorLocation(c));
}

static bool classify_type(struct walk *w, CXType t, struct guard_info *out,
			  int depth);
static bool has_destructor(CXType t);

/* Is 'name' one of the wrappers whose template arguments it owns? */
static bool owning_wrapper(const char *name, bool *maybe_empty)
{
	static const char *const empties[] = {
		"std::optional", "std::unique_ptr", "std::shared_ptr",
		"boost::optional", "boost::shared_ptr", "absl::optional",
	};
	static const char *const always[] = {
		"std::variant", "std::pair", "std::tuple", "std::array",
		"boost::variant", "absl::variant",
	};
	for (size_t i = 0; i < ARRAY_SIZE(empties); i++)
		if (!strcmp(name, empties[i]))
			return *maybe_empty = true;
	for (size_t i = 0; i < ARRAY_SIZE(always); i++)
		if (!strcmp(name, always[i])) {
			*maybe_empty = false;
			return true;
		}
	return false;
}

/* Lock templates that can be empty (default-constructed, defer_lock). */
static bool empty_able_lock(const char *name)
{
	return !strcmp(name, "std::unique_lock") ||
	       !strcmp(name, "std::shared_lock") ||
	       !strcmp(name, "boost::unique_lock") ||
	       !strcmp(name, "boost::shared_lock");
}

static bool std_lock_template(const char *name)
{
	return !strcmp(name, "std::lock_guard") ||
	       !strcmp(name, "std::unique_lock") ||
	       !strcmp(name, "std::scoped_lock") ||
	       !strcmp(name, "std::shared_lock");
}

/* Children of a record and of the template it comes from. */
static void visit_record(CXCursor d, CXCursorVisitor fn, void *data)
{
	CXCursor def = clang_getCursorDefinition(d);
	if (!clang_Cursor_isNull(def))
		d = def; /* not a forward declaration */
	CXCursor tmpl = clang_getSpecializedCursorTemplate(d);
	clang_visitChildren(d, fn, data);
	if (!clang_Cursor_isNull(tmpl))
		clang_visitChildren(tmpl, fn, data);
}

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
			strmap_find(&w->free_ops, q, true)->val = (void *)q;
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
	if (!w->free_ops_scanned) {
		/* free operator co_await overloads, by their operand's type */
		w->free_ops_scanned = true;
		clang_visitChildren(clang_getTranslationUnitCursor(w->cx),
				    free_op_cb, w);
	}
	CXCursor tmpl = clang_getSpecializedCursorTemplate(d);
	const char *q = qualname(w, clang_Cursor_isNull(tmpl) ? d : tmpl);
	return strmap_find(&w->free_ops, q, false) != NULL;
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
 * returns) and it has no blocking lock().  A std lock template over it is
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
		s->field = cx_strdup(s->w->a, clang_getCursorSpelling(c));
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
	out->via = inner->via ? arena_printf(w->a, "%s, %s", how, inner->via)
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
				     arena_printf(w->a, "base '%s' of '%s'",
						  display_type(w, bs.base),
						  display_type(w, t)),
				     false);
	}
	return guard_through(w, out, &gi,
			     arena_printf(w->a, "member '%s' of '%s'", fs.field,
					  display_type(w, t)),
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
	out->maybe_empty = empty_able_lock(qual);
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
				     arena_printf(w->a, "element of array '%s'",
						  display_type(w, t)),
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
	const char *spelled = type_spelling(w, canon);

	bool from_rule = false;
	int by_name = named_guard(w, decl, tmpl, qual, spelled, out, &from_rule);
	if (by_name < 0)
		return false;
	if (by_name) {
		if (from_rule && std_lock_template(qual) &&
		    over_async_mutex(w, canon)) {
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
	if (owning_wrapper(qual, &maybe_empty)) {
		int n = clang_Type_getNumTemplateArguments(canon);
		for (int i = 0; i < n; i++) {
			CXType arg = clang_Type_getTemplateArgumentAsType(canon, (unsigned)i);
			struct guard_info gi;
			if (arg.kind == CXType_Invalid ||
			    !classify_type(w, arg, &gi, depth + 1) ||
			    gi.needs_cleanup)
				continue;
			return guard_through(w, out, &gi,
					     arena_printf(w->a, "'%s'",
							  display_type(w, t)),
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
static bool classify_type(struct walk *w, CXType t, struct guard_info *out,
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
	slot = strmap_find(&w->types, key, false);
	if (slot && slot->val) {
		clang_disposeString(s);
		*out = *(struct guard_info *)slot->val;
		return out->guard;
	}
	const char *k = arena_strdup(w->a, key);
	clang_disposeString(s);
	struct guard_info *gi = arena_alloc(w->a, sizeof(*gi));
	slot = strmap_find(&w->types, k, true);
	slot->val = gi; /* 'not a guard' while in progress: breaks cycles */
	classify_uncached(w, t, out, depth);
	*gi = *out;
	return out->guard;
}

/*
 * If 't' (by value, cv ignored) is a template type parameter, its index
 * plus one ("type-parameter-0-1" is 2); else 0.
 */
static int tparam_of(CXType t)
{
	CXString s = clang_getTypeSpelling(clang_getCanonicalType(t));
	const char *p = cstr(s);
	int depth, index, n = 0, ret = 0;
	if (p && !strncmp(p, "const ", 6))
		p += 6;
	if (p && sscanf(p, "type-parameter-%d-%d%n", &depth, &index, &n) == 2 &&
	    p[n] == '\0')
		ret = index + 1;
	clang_disposeString(s);
	return ret;
}

/* Remember a call to a function template specialization (see struct inst). */
static void note_instantiation(struct walk *w, CXCursor spec)
{
	CXCursor tmpl = clang_getSpecializedCursorTemplate(spec);
	if (clang_Cursor_isNull(tmpl) ||
	    clang_getCursorKind(tmpl) != CXCursor_FunctionTemplate ||
	    in_system_header(tmpl))
		return; /* only templates we check can have views */
	struct cmap_slot *seen = cmap_find(&w->specs, spec, true);
	if (seen->val)
		return;
	seen->val = (void *)1;
	int n = clang_Cursor_getNumTemplateArguments(spec);
	if (n <= 0)
		return;
	const char *usr = cx_strdup(w->a, clang_getCursorUSR(tmpl));
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_adds(&sb, qualname(w, tmpl));
	strbuf_addc(&sb, '<');
	struct inst in = { usr, NULL, n, NULL, NULL };
	in.gi = arena_alloc(w->a, (size_t)n * sizeof(*in.gi));
	in.type = arena_alloc(w->a, (size_t)n * sizeof(*in.type));
	bool any = false;
	for (int i = 0; i < n; i++) {
		if (i)
			strbuf_adds(&sb, ", ");
		if (clang_Cursor_getTemplateArgumentKind(spec, (unsigned)i) !=
		    CXTemplateArgumentKind_Type) {
			strbuf_adds(&sb, "...");
			continue;
		}
		CXType t = clang_Cursor_getTemplateArgumentType(spec, (unsigned)i);
		in.type[i] = display_type(w, t);
		strbuf_adds(&sb, in.type[i]);
		if (classify_type(w, t, &in.gi[i], 0) && !in.gi[i].needs_cleanup)
			any = true;
		else
			in.gi[i].guard = false;
	}
	strbuf_addc(&sb, '>');
	in.name = arena_strdup(w->a, sb.buf);
	strbuf_release(&sb);
	if (!any)
		return;
	for (size_t i = 0; i < w->ninsts; i++)
		if (!strcmp(w->insts[i].name, in.name) &&
		    !strcmp(w->insts[i].tmpl_usr, in.tmpl_usr))
			return;
	ARRAY_GROW(w->insts, w->ninsts + 1, w->cap_insts);
	w->insts[w->ninsts++] = in;
}

/*
 * For each template coroutine with variables of template-parameter type,
 * one more view per instantiation that makes some of them guards: same
 * nodes, its own variable table.
 */
static void add_instantiations(struct walk *w)
{
	struct fn_view *last = NULL;
	for (struct fn_view *f = w->head; f; f = f->next)
		last = f;
	for (struct fn_view *f = w->head; f; f = f == last ? NULL : f->next) {
		if (!f->has_tparams || !f->usr)
			continue;
		for (size_t i = 0; i < w->ninsts; i++) {
			const struct inst *in = &w->insts[i];
			if (strcmp(in->tmpl_usr, f->usr))
				continue;
			struct fn_view *c = arena_memdup(w->a, f, sizeof(*f));
			bool any = false;
			c->vars = arena_memdup(w->a, f->vars,
					       f->nvars * sizeof(*f->vars));
			c->cap_vars = c->nvars;
			for (size_t v = 0; v < c->nvars; v++) {
				int k = c->vars[v].tparam - 1;
				if (k < 0 || k >= in->nargs || !in->gi[k].guard)
					continue;
				c->vars[v].type = in->type[k];
				c->vars[v].matched = in->gi[k].matched;
				c->vars[v].reason = in->gi[k].reason;
				c->vars[v].via = in->gi[k].via;
				any = true;
			}
			if (!any)
				continue;
			c->instance = in->name;
			c->has_tparams = false;
			c->next = NULL;
			*w->tail = c;
			w->tail = &c->next;
		}
	}
}

/* ---- callees ----------------------------------------------------------- */

/*
 * Lambdas have no USR of their own we can reach from the LambdaExpr, but
 * their call operator sits where the lambda is written: that position
 * names both in the summaries.
 */
static const char *lambda_key(struct walk *w, CXCursor c)
{
	CXFile f;
	unsigned off;
	clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL,
				   &off);
	if (!f)
		return arena_printf(w->a, "lambda@?:%u", off);
	CXString name = clang_getFileName(f);
	const char *key = arena_printf(w->a, "lambda@%s:%u", cstr(name), off);
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

static struct callee *callee_of(struct walk *w, CXCursor ref)
{
	struct cmap_slot *s = cmap_find(&w->callees, ref, true);
	if (s->val)
		return s->val;
	struct callee *ce = arena_alloc(w->a, sizeof(*ce));
	s->val = ce;
	ce->name = qualname(w, ref);
	/*
	 * A specialization's summary is its template's, which is the
	 * function we walked: f<int> calls are calls of template f.
	 */
	CXCursor tmpl = clang_getSpecializedCursorTemplate(ref);
	ce->usr = cx_strdup(w->a, clang_getCursorUSR(
				 clang_Cursor_isNull(tmpl) ? ref : tmpl));
	if (is_lambda_call_operator(w, ref)) {
		struct src_loc l = cursor_loc(w, ref);
		ce->usr = lambda_key(w, ref);
		ce->name = arena_printf(w->a, "lambda at %u:%u", l.line, l.col);
	}
	ce->in_system = in_system_header(ref);
	ce->is_move = !strcmp(ce->name, "std::move");
	ce->is_swap = !strcmp(ce->name, "std::swap");
	ce->is_exchange = !strcmp(ce->name, "std::exchange");
	ce->steals = !strcmp(ce->name, "g_steal_pointer") ||
		     !strcmp(ce->name, "g_clear_pointer") ||
		     !strcmp(ce->name, "g_clear_object");
	if (!ce->in_system) {
		CXCursor def = clang_getCursorDefinition(ref);
		ce->annotated =
			has_annotation(ref, "await_holding::suspends") ||
			has_annotation(clang_getCanonicalCursor(ref),
				       "await_holding::suspends") ||
			has_annotation(def, "await_holding::suspends");
	}
	ce->configured = rules_match(w->rules, RL_SUSPEND_FUNCTIONS, ce->name,
				     NULL) != NULL;
	rules_note_misuse(w->rules, RL_INVALID_TYPES, ce->name, "a function");
	ce->allowed = rules_match(w->rules, RL_ALLOWED_CALLEES, ce->name,
				  NULL) != NULL;
	ce->want = ce->annotated || ce->configured || !ce->in_system;
	ce->method = cx_strdup(w->a, clang_getCursorSpelling(ref));
	if (w->rules->nlocks)
		ce->lock = rules_match_lock(w->rules, ce->name, &ce->lock_acquire);
	CXType rt = clang_getCanonicalType(
		clang_getResultType(clang_getCursorType(ref)));
	ce->may_return_guard = rt.kind == CXType_Record ||
			       rt.kind == CXType_Unexposed ||
			       rt.kind == CXType_Elaborated ||
			       rt.kind == CXType_Auto;
	return ce;
}

/* ---- variables and scopes ----------------------------------------------- */

static int var_of_decl(struct walk *w, CXCursor decl)
{
	struct cmap_slot *s = cmap_find(&w->vars, decl, false);
	return s ? (int)(intptr_t)s->val - 1 : -1;
}

static void bind_decl(struct walk *w, CXCursor decl, int var)
{
	cmap_find(&w->vars, decl, true)->val = (void *)(intptr_t)(var + 1);
}

static CXCursor strip(CXCursor c)
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
static char unary_op(struct walk *w, CXCursor e)
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
	const char *p = text_at_start(w, e, &off, &avail);
	return p && (*p == '&' || *p == '*') ? *p : 0;
#endif
}

/* The single operand of a unary operator, stripped. */
static CXCursor operand(CXCursor e)
{
	struct kids ks;
	CXCursor o = clang_getNullCursor();
	kids_of(e, &ks);
	if (ks.n == 1)
		o = strip(ks.c[0]);
	kids_release(&ks);
	return o;
}

/*
 * The tracked variable an expression names, or -1: the variable itself,
 * a reference to it, or '*p' where p holds its address (systemd's
 * TAKE_PTR and the kernel's no_free_ptr work through such a pointer).
 */
static int var_of_expr(struct walk *w, CXCursor e)
{
	e = strip(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_DeclRefExpr)
		return var_of_decl(w, clang_getCursorReferenced(e));
	if (k == CXCursor_UnaryOperator && w->ptrs.n && unary_op(w, e) == '*') {
		CXCursor p = operand(e);
		if (clang_getCursorKind(p) != CXCursor_DeclRefExpr)
			return -1;
		struct cmap_slot *s = cmap_find(&w->ptrs, clang_getCursorReferenced(p),
						false);
		return s ? (int)(intptr_t)s->val - 1 : -1;
	}
	return -1;
}

static const char *lock_expr(struct walk *w, CXCursor e);

/*
 * A pointer local initialized with the address of a lock ("T *p = &m"):
 * a lock-functions call on p names the lock m.
 */
static void note_lock_alias(struct walk *w, CXCursor var, CXCursor init)
{
	CXCursor e = strip(init);
	if (!w->rules->nlocks || unary_op(w, e) != '&')
		return;
	const char *key = lock_expr(w, e);
	if (key)
		cmap_find(&w->lock_aliases, var, true)->val = (void *)key;
}

/* A pointer local initialized with the address of a tracked variable. */
static void note_address_alias(struct walk *w, CXCursor var, CXCursor init)
{
	CXCursor e = strip(init);
	if (unary_op(w, e) != '&')
		return;
	int v = var_of_expr(w, operand(e));
	if (v >= 0)
		cmap_find(&w->ptrs, var, true)->val = (void *)(intptr_t)(v + 1);
}

static size_t open_scope(struct walk *w)
{
	return w->nscope_vars;
}

static void scope_add(struct walk *w, int var)
{
	ARRAY_GROW(w->scope_vars, w->nscope_vars + 1, w->cap_scope_vars);
	w->scope_vars[w->nscope_vars++] = var;
}

/* The variables added since 'mark' live to the end of node 'scope'. */
static void close_scope(struct walk *w, size_t mark, struct vnode *scope)
{
	while (w->nscope_vars > mark) {
		int v = w->scope_vars[--w->nscope_vars];
		w->fn->vars[v].scope = scope;
	}
}

/* ---- nodes ------------------------------------------------------------- */

static struct vnode *mk(struct walk *w, enum vnode_kind kind, CXCursor c)
{
	struct vnode *n = view_new_node(w->a, kind);
	if (!clang_Cursor_isNull(c))
		n->loc = cursor_loc(w, c);
	return n;
}

static void add(struct walk *w, struct vnode *seq, struct vnode *n)
{
	if (n)
		view_add_kid(w->a, seq, n);
}

static void event(struct walk *w, struct vnode *seq, CXCursor at,
		  enum vevent ev, int var, int var2)
{
	struct vnode *n = mk(w, V_EVENT, at);
	n->ev = ev;
	n->var = var;
	n->var2 = var2;
	add(w, seq, n);
}

static void walk_stmt(struct walk *w, CXCursor c, struct vnode *seq);
static void walk_expr(struct walk *w, CXCursor c, struct vnode *seq);

/* ---- suspend macros ------------------------------------------------------- */

static bool in_main_file(struct walk *w, CXCursor c);

/*
 * The suspend macro that macro 'name' is or expands to (directly or
 * through other macros defined so far), or NULL.
 */
static const char *suspend_macro(struct walk *w, const char *name)
{
	const struct rule *r = rules_match(w->rules, RL_SUSPEND_MACROS, name, NULL);
	if (r)
		return r->path;
	struct strmap_slot *s = strmap_find(&w->derived_macros, name, false);
	return s ? s->val : NULL;
}

/*
 * A macro definition that uses a suspend macro makes its own expansions
 * suspend too ("#define RESCHEDULE() YIELD_NOW()").  Only definitions
 * whose text mentions a suspend macro are tokenized.
 */
static void note_macro_definition(struct walk *w, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f;
	unsigned so, eo;
	size_t size;
	clang_getSpellingLocation(clang_getRangeStart(r), &f, NULL, NULL, &so);
	clang_getSpellingLocation(clang_getRangeEnd(r), NULL, NULL, NULL, &eo);
	const char *buf = f ? file_contents(w, f, &size) : NULL;
	if (!buf || eo > size || eo <= so)
		return;
	bool mentions = false;
	const struct rules *rl = w->rules;
	for (size_t i = 0; i < rl->n[RL_SUSPEND_MACROS] && !mentions; i++)
		mentions = contains(buf + so, eo - so,
				    rl->lists[RL_SUSPEND_MACROS][i].path);
	for (size_t i = 0; i < w->derived_macros.cap && !mentions; i++)
		if (w->derived_macros.slots[i].key)
			mentions = contains(buf + so, eo - so,
					    w->derived_macros.slots[i].key);
	if (!mentions)
		return;
	CXToken *toks = NULL;
	unsigned ntoks = 0;
	clang_tokenize(w->cx, r, &toks, &ntoks);
	const char *name = NULL, *target = NULL;
	for (unsigned i = 0; i < ntoks; i++) {
		if (clang_getTokenKind(toks[i]) != CXToken_Identifier)
			continue;
		CXString ts = clang_getTokenSpelling(w->cx, toks[i]);
		const char *t = cstr(ts);
		if (!name)
			name = arena_strdup(w->a, t);
		else if (!target)
			target = suspend_macro(w, t);
		clang_disposeString(ts);
	}
	clang_disposeTokens(w->cx, toks, ntoks);
	if (name && target && !suspend_macro(w, name))
		strmap_find(&w->derived_macros, name, true)->val = (void *)target;
}

/*
 * A lock key from blank-free text: without a leading '&' and outer
 * parentheses ("&(mu)" is "mu").  NULL if nothing is left.  Owned by the
 * TU's arena.
 */
static const char *bare_lock_key(struct walk *w, const char *p, size_t len)
{
	for (;;) {
		if (len && p[0] == '&') {
			p++;
			len--;
		} else if (len >= 2 && p[0] == '(' && p[len - 1] == ')') {
			p++;
			len -= 2;
		} else {
			break;
		}
	}
	return len ? arena_strndup(w->a, p, len) : NULL;
}

/*
 * The lock a lock macro's call names: its first argument, from the tokens
 * of the expansion ("spin_lock_irqsave(&d->lock, flags)" is "d->lock"),
 * spelled as lock_expr() spells it.  NULL if there is none.
 */
static const char *macro_lock_key(struct walk *w, CXCursor c)
{
	CXToken *toks = NULL;
	unsigned n = 0;
	struct strbuf sb;
	int depth = 0;
	clang_tokenize(w->cx, clang_getCursorExtent(c), &toks, &n);
	strbuf_init(&sb);
	for (unsigned i = 1; i < n; i++) {
		CXString ts = clang_getTokenSpelling(w->cx, toks[i]);
		const char *t = cstr(ts);
		bool stop = false;
		if (!strcmp(t, "(") || !strcmp(t, "[")) {
			if (depth++ == 0) {
				clang_disposeString(ts);
				continue;
			}
		} else if (!strcmp(t, ")") || !strcmp(t, "]")) {
			stop = --depth == 0;
		} else if (!strcmp(t, ",") && depth == 1) {
			stop = true;
		}
		if (!stop && depth >= 1)
			strbuf_adds(&sb, t);
		clang_disposeString(ts);
		if (stop)
			break;
	}
	clang_disposeTokens(w->cx, toks, n);
	const char *key = bare_lock_key(w, sb.buf, sb.len);
	strbuf_release(&sb);
	return key;
}

/* Is this "expansion" the name in #ifdef / #if defined(...)? */
static bool in_directive(struct walk *w, CXFile f, unsigned off)
{
	size_t size;
	const char *buf = file_contents(w, f, &size);
	if (!buf || off > size)
		return false;
	unsigned i = off;
	while (i > 0 && buf[i - 1] != '\n')
		i--;
	while (i < off && (buf[i] == ' ' || buf[i] == '\t'))
		i++;
	return buf[i] == '#';
}

static enum CXChildVisitResult macro_cb(CXCursor c, CXCursor parent,
					CXClientData data)
{
	struct walk *w = data;
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_MacroDefinition) {
		note_macro_definition(w, c);
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) != CXCursor_MacroExpansion)
		return CXChildVisit_Continue;
	CXFile f;
	unsigned off;
	CXSourceLocation l = clang_getCursorLocation(c);
	clang_getExpansionLocation(l, &f, NULL, NULL, &off);
	if (!f || !w->tu->main || !clang_File_isEqual(f, w->tu->main) ||
	    in_directive(w, f, off))
		return CXChildVisit_Continue;
	CXString str = clang_getCursorSpelling(c);
	const char *name = cstr(str);
	const char *target = suspend_macro(w, name);
	bool acquire = false;
	const struct rule *lock = w->rules->nlocks
					  ? rules_match_lock(w->rules, name, &acquire)
					  : NULL;
	const char *key = lock ? macro_lock_key(w, c) : NULL;
	if (target || key) {
		ARRAY_GROW(w->macros, w->nmacros + 1, w->cap_macros);
		struct macro_use *m = &w->macros[w->nmacros++];
		memset(m, 0, sizeof(*m));
		m->off = off;
		m->loc = src_loc_of(w, l);
		m->name = target ? target : lock->path;
		if (!target) {
			m->lock = lock;
			m->acquire = acquire;
			m->key = key;
		}
	}
	clang_disposeString(str);
	return CXChildVisit_Continue;
}

/* Expansions of suspend-macros and of lock-functions written as macros
 * (spin_lock_irqsave), in source order (preprocessing record). */
static void collect_macros(struct walk *w)
{
	if (!rules_has(w->rules, RL_SUSPEND_MACROS) && !w->rules->nlocks)
		return;
	clang_visitChildren(clang_getTranslationUnitCursor(w->cx), macro_cb, w);
}

static unsigned start_offset(CXCursor c)
{
	unsigned off;
	clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(c)),
				   NULL, NULL, NULL, &off);
	return off;
}

static unsigned end_offset(CXCursor c)
{
	unsigned off;
	clang_getExpansionLocation(clang_getRangeEnd(clang_getCursorExtent(c)),
				   NULL, NULL, NULL, &off);
	return off;
}

/* The expansions inside function 'fn' become its to consume. */
static void macro_range(struct walk *w, CXCursor fn)
{
	unsigned lo = start_offset(fn), hi = end_offset(fn);
	w->mi = w->mend = 0;
	if (!w->nmacros || !in_main_file(w, fn))
		return;
	while (w->mi < w->nmacros && w->macros[w->mi].off < lo)
		w->mi++;
	w->mend = w->mi;
	while (w->mend < w->nmacros && w->macros[w->mend].off < hi)
		w->mend++;
}

static void lock_key_event(struct walk *w, CXCursor at, struct src_loc loc,
			   const char *key, const char *type,
			   const struct rule *lr, bool acquire, struct vnode *seq);

/* A lock-functions macro: acquire or release the lock it names. */
static void lock_event(struct walk *w, const struct macro_use *m,
		       struct vnode *seq)
{
	lock_key_event(w, clang_getNullCursor(), m->loc, m->key,
		       arena_printf(w->a, "lock taken by %s", m->lock->path),
		       m->lock, m->acquire, seq);
}

/* Suspension points for the expansions before offset 'upto'. */
static void flush_macros(struct walk *w, unsigned upto, struct vnode *seq)
{
	while (w->mi < w->mend && w->macros[w->mi].off <= upto) {
		const struct macro_use *m = &w->macros[w->mi++];
		if (m->lock) {
			lock_event(w, m, seq);
			continue;
		}
		struct vnode *n = mk(w, V_CALL, clang_getNullCursor());
		n->loc = m->loc;
		n->call = arena_alloc(w->a, sizeof(*n->call));
		n->call->name = m->name;
		n->call->macro = true;
		n->call->macro_name = m->name;
		n->call->configured = true;
		n->call->suspends = true;
		add(w, seq, n);
	}
}

/* Skip the expansions inside a lambda: they belong to its own walk. */
static void skip_macros(struct walk *w, CXCursor lambda)
{
	unsigned hi = end_offset(lambda);
	while (w->mi < w->mend && w->macros[w->mi].off < hi)
		w->mi++;
}
static void walk_full_expr(struct walk *w, CXCursor c, struct vnode *seq);

static void walk_kids_expr(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	for (unsigned i = 0; i < ks.n; i++)
		walk_expr(w, ks.c[i], seq);
	kids_release(&ks);
}

static void defer_cursor(struct walk *w, CXCursor c)
{
	ARRAY_GROW(w->pending, w->npending + 1, w->cap_pending);
	w->pending[w->npending++] = c;
}

/* ---- expressions ------------------------------------------------------- */

static bool is_defer_lock_arg(struct walk *w, CXCursor arg)
{
	CXCursor d = type_decl(clang_getCursorType(arg));
	if (clang_Cursor_isNull(d))
		return false;
	const char *q = qualname(w, d);
	return !strcmp(q, "std::defer_lock_t") ||
	       !strcmp(q, "boost::defer_lock_t");
}

/* An argument the caller did not write: a default argument. */
static bool is_default_arg(CXCursor call, CXCursor arg)
{
	CXFile cf, af;
	unsigned cs, ce, as, ae;
	extent_offsets(call, &cf, &cs, &ce);
	extent_offsets(arg, &af, &as, &ae);
	return !af || !cf || !clang_File_isEqual(af, cf) || as < cs || ae > ce ||
	       as == ae;
}

/* nullptr, NULL, 0, std::nullopt, {} : a value that owns nothing. */
static bool is_empty_value(struct walk *w, CXCursor e)
{
	e = strip(e);
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
		return !strcmp(q, "std::nullopt") || !strcmp(q, "boost::none");
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
 * The first declaration of the overload set a dependent call names
 * ("std::move(x)" in a template), or a null cursor.
 */
static CXCursor overload_of(CXCursor call)
{
	struct kids ks;
	CXCursor ovl = clang_getNullCursor();
	kids_of(call, &ks);
	CXCursor first = ks.n ? strip(ks.c[0]) : clang_getNullCursor();
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

/*
 * If 'e' is std::move(x) (through copy/move constructors and casts) of a
 * tracked variable x, return x and set '*call' to the std::move call.
 */
static int move_source(struct walk *w, CXCursor e, CXCursor *call)
{
	for (int guard = 0; guard < 16; guard++) {
		e = strip(e);
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
		if ((ce->is_move || ce->is_exchange) &&
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

/* The object of a member call 'c' (x.f() / x->f()), or a null cursor. */
static CXCursor member_object(CXCursor c)
{
	struct kids ks;
	CXCursor obj = clang_getNullCursor();
	kids_of(c, &ks);
	if (ks.n) {
		CXCursor first = strip(ks.c[0]);
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

static bool name_in(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(name, list[i]))
			return true;
	return false;
}

/* Member functions that end or renew a guard's ownership, by name. */
static const char *const releasing_methods[] = {
	"unlock", "release", "unlock_shared", "dismiss",
	"Release", "Unlock",            /* absl::ReleasableMutexLock */
	"unblock",                      /* QSignalBlocker */
	NULL,
};
static const char *const acquiring_methods[] = {
	"lock", "try_lock", "try_lock_for", "try_lock_until", "lock_shared",
	"try_lock_shared", "try_lock_shared_for", "try_lock_shared_until",
	"emplace", "relock", "reblock", "Lock", NULL,
};

/* x = rhs, where x is tracked: what does x own afterwards? */
static void walk_assign(struct walk *w, CXCursor at, int var, CXCursor rhs,
			struct vnode *seq)
{
	CXCursor mv = clang_getNullCursor();
	int src = move_source(w, rhs, &mv);
	CXCursor saved_move = w->move_done, saved_init = w->own_init;

	if (src >= 0) {
		w->move_done = mv;
		walk_expr(w, rhs, seq);
		w->move_done = saved_move;
		if (src != var)
			event(w, seq, at, EV_MOVE, src, var);
		return;
	}
	w->own_init = strip(rhs);
	walk_expr(w, rhs, seq);
	w->own_init = saved_init;
	event(w, seq, at, is_empty_value(w, rhs) ? EV_RELEASE : EV_ACQUIRE, var,
	      -1);
}

/* A variable of type 't' declared (or made) at 'c', a guard as 'gi' says. */
static struct vvar guard_var(struct walk *w, CXCursor c, CXType t,
			     const struct guard_info *gi, enum vvar_kind kind)
{
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.loc = cursor_loc(w, c);
	v.type = display_type(w, t);
	v.matched = gi->matched;
	v.reason = gi->reason;
	v.via = gi->via;
	v.kind = kind;
	return v;
}

static int new_temp(struct walk *w, CXCursor c, CXType t,
		    const struct guard_info *gi)
{
	struct vvar v = guard_var(w, c, t, gi, VAR_TEMP);
	v.name = "(temporary)";
	return view_add_var(w->a, w->fn, &v);
}

/*
 * Does the constructor call 'call' leave the guard 'gi' describes empty:
 * T() of a type that can be empty, or a defer_lock argument?
 */
static bool ctor_leaves_empty(struct walk *w, CXCursor call,
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

static void walk_ctor(struct walk *w, CXCursor c, CXCursor ref,
		      struct vnode *seq)
{
	struct guard_info gi;
	CXType t = clang_getCursorType(c);

	if (same_cursor(w->own_init, c) ||
	    clang_CXXConstructor_isMoveConstructor(ref) ||
	    clang_CXXConstructor_isCopyConstructor(ref) ||
	    !classify_type(w, t, &gi, 0)) {
		walk_kids_expr(w, c, seq);
		return;
	}
	/* a guard temporary: lives to the end of the full-expression */
	struct vnode *d = mk(w, V_DECL, c);
	walk_kids_expr(w, c, d);
	d->var = new_temp(w, c, t, &gi);
	d->init = ctor_leaves_empty(w, c, &gi) ? INIT_EMPTY : INIT_HELD;
	w->fn->vars[d->var].from = d;
	scope_add(w, d->var);
	add(w, seq, d);
}

static void member_event(struct walk *w, CXCursor c, struct vnode *seq,
			 int var, const char *method, int nargs);

/* The member named by a MemberRefExpr, from libclang or the source. */
static const char *member_name(struct walk *w, CXCursor mref)
{
	CXString sp = clang_getCursorSpelling(mref);
	const char *name = cx_strdup(w->a, sp);
	if (*name)
		return name;
	/* dependent: the identifier after the last '.' or '->' */
	CXFile f;
	unsigned start, end;
	size_t size;
	extent_offsets(mref, &f, &start, &end);
	const char *buf = f ? file_contents(w, f, &size) : NULL;
	if (!buf || end > size || start >= end)
		return NULL;
	unsigned dot = 0;
	for (unsigned i = start; i + 1 < end; i++)
		if (buf[i] == '.' || (buf[i] == '-' && buf[i + 1] == '>'))
			dot = i + (buf[i] == '-' ? 2 : 1);
	if (!dot)
		return NULL;
	unsigned i = dot;
	for (;;) {
		while (i < end && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n'))
			i++;
		if (i + 8 <= end && word_at(buf + i, end - i, "template")) {
			i += 8;
			continue;
		}
		break;
	}
	unsigned j = i;
	while (j < end && (buf[j] == '~' || is_ident_char(buf[j])))
		j++;
	return j > i ? arena_strndup(w->a, buf + i, j - i) : NULL;
}

/*
 * An lvalue expression spelled from the AST, so that macros and spacing
 * do not matter: "mu", "dev->lock", "locks[2]", "*p".  NULL for anything
 * else (calls, arithmetic).  Appends to 'sb'.
 */
static const char *lock_expr_text(struct walk *w, CXCursor e);

static bool expr_key(struct walk *w, CXCursor e, struct strbuf *sb, int depth)
{
	if (depth > 16)
		return false;
	e = strip(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_DeclRefExpr: {
		CXString n = clang_getCursorSpelling(clang_getCursorReferenced(e));
		strbuf_adds(sb, cstr(n));
		clang_disposeString(n);
		return sb->len > 0;
	}
	case CXCursor_MemberRefExpr: {
		struct kids ks;
		kids_of(e, &ks);
		bool ok = ks.n == 1;
		if (ok) {
			CXType bt = clang_getCanonicalType(clang_getCursorType(ks.c[0]));
			ok = expr_key(w, ks.c[0], sb, depth + 1);
			strbuf_adds(sb, bt.kind == CXType_Pointer ? "->" : ".");
		}
		kids_release(&ks);
		if (ok) {
			CXString n = clang_getCursorSpelling(e);
			strbuf_adds(sb, cstr(n));
			clang_disposeString(n);
		}
		return ok;
	}
	case CXCursor_UnaryOperator: {
		char op = unary_op(w, e);
		if (op == '*')
			strbuf_addc(sb, '*');
		return (op == '&' || op == '*') &&
		       expr_key(w, operand(e), sb, depth + 1);
	}
	case CXCursor_ArraySubscriptExpr: {
		struct kids ks;
		kids_of(e, &ks);
		bool ok = ks.n == 2 && expr_key(w, ks.c[0], sb, depth + 1);
		if (ok) {
			CXEvalResult r = clang_Cursor_Evaluate(ks.c[1]);
			if (r && clang_EvalResult_getKind(r) == CXEval_Int)
				strbuf_addf(sb, "[%lld]", clang_EvalResult_getAsLongLong(r));
			else {
				strbuf_addc(sb, '[');
				ok = expr_key(w, ks.c[1], sb, depth + 1);
				strbuf_addc(sb, ']');
			}
			if (r)
				clang_EvalResult_dispose(r);
		}
		kids_release(&ks);
		return ok;
	}
	default:
		return false;
	}
}

/*
 * The lock an acquire or release call names: its argument without a
 * leading '&' ("&mu" and "& (mu)" are both "mu", LOCK(dev) expanding to
 * pthread_mutex_lock(&(dev)->lock) is "dev->lock").  The key that pairs
 * an acquire with its release, and the name shown.  Falls back to the
 * source text for expressions that are not plain lvalues.
 */
static const char *lock_expr(struct walk *w, CXCursor e)
{
	struct strbuf kb;
	strbuf_init(&kb);
	if (expr_key(w, e, &kb, 0)) {
		const char *k = arena_strdup(w->a, kb.buf);
		strbuf_release(&kb);
		return k;
	}
	strbuf_release(&kb);
	return lock_expr_text(w, e);
}

/*
 * An argument's lock key for lock-helper summaries: as lock_expr(), but
 * "&x" keeps its '&' so that "q->mu" with q = &x becomes "x.mu".
 */
static const char *lock_expr_text_or_key(struct walk *w, CXCursor arg)
{
	struct strbuf kb;
	CXCursor e = strip(arg);
	bool addr = unary_op(w, e) == '&';
	const char *k = NULL;
	strbuf_init(&kb);
	if (expr_key(w, addr ? operand(e) : e, &kb, 0))
		k = arena_printf(w->a, "%s%s", addr ? "&" : "", kb.buf);
	strbuf_release(&kb);
	return k;
}

/* The fallback of lock_expr(): the text, without blanks, '&' and parens. */
static const char *lock_expr_text(struct walk *w, CXCursor e)
{
	CXSourceRange r = clang_getCursorExtent(e);
	CXFile fs, fe;
	unsigned so, eo;
	size_t size;
	clang_getSpellingLocation(clang_getRangeStart(r), &fs, NULL, NULL, &so);
	clang_getSpellingLocation(clang_getRangeEnd(r), &fe, NULL, NULL, &eo);
	if (!fs || !fe || !clang_File_isEqual(fs, fe) || eo <= so) {
		clang_getExpansionLocation(clang_getRangeStart(r), &fs, NULL, NULL, &so);
		clang_getExpansionLocation(clang_getRangeEnd(r), &fe, NULL, NULL, &eo);
	}
	const char *buf = fs ? file_contents(w, fs, &size) : NULL;
	if (!buf || eo > size || eo <= so)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb);
	for (unsigned i = so; i < eo; i++)
		if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\n' &&
		    buf[i] != '\r')
			strbuf_addc(&sb, buf[i]);
	const char *out = bare_lock_key(w, sb.buf, sb.len);
	strbuf_release(&sb);
	return out;
}

/*
 * A call to a lock-functions acquire or release.  The lock is named by
 * the first argument (pthread_mutex_lock(&mu) locks "mu") or, for a
 * member function, by its object.  An acquire makes a lock variable,
 * alive in the whole function but owned only after this call; a release
 * releases every lock variable with the same name.
 */
static void lock_call(struct walk *w, CXCursor c, CXCursor ref,
		      const struct rule *lr, bool acquire, struct vnode *seq)
{
	CXCursor arg = clang_getCursorKind(ref) == CXCursor_CXXMethod
			       ? member_object(c)
			       : clang_Cursor_getNumArguments(c) > 0
					 ? clang_Cursor_getArgument(c, 0)
					 : clang_getNullCursor();
	/*
	 * A pair without an argument (rcu_read_lock()/rcu_read_unlock())
	 * names one lock per pair: the acquire function.
	 */
	const char *key = clang_Cursor_isNull(arg) ? lr->path : lock_expr(w, arg);
	const char *type = "critical section";
	if (!clang_Cursor_isNull(arg) &&
	    clang_getCursorKind(strip(arg)) == CXCursor_DeclRefExpr) {
		/* through "T *p = &m": the lock is m */
		struct cmap_slot *al = cmap_find(
			&w->lock_aliases, clang_getCursorReferenced(strip(arg)), false);
		if (al)
			key = al->val;
	}
	if (!key)
		return;
	if (acquire && !clang_Cursor_isNull(arg)) {
		CXType t = clang_getCursorType(strip(arg));
		if (clang_getCanonicalType(t).kind == CXType_Pointer &&
		    clang_getCursorKind(ref) != CXCursor_CXXMethod)
			t = clang_getPointeeType(t);
		type = type_spelling(w, t);
	}
	lock_key_event(w, c, cursor_loc(w, c), key, type, lr, acquire, seq);
}

/*
 * The lock 'key' is acquired (a lock variable, alive in the whole
 * function but owned only from here) or released (every lock variable of
 * that name) at 'loc'.
 */
static void lock_key_event(struct walk *w, CXCursor at, struct src_loc loc,
			   const char *key, const char *type,
			   const struct rule *lr, bool acquire, struct vnode *seq)
{
	struct fn_view *fn = w->fn;
	ARENA_GROW(w->a, fn->locks, fn->nlocks + 1, fn->cap_locks);
	fn->locks[fn->nlocks++] = (struct vlock){ key, acquire, lr->path,
						  lr->reason, type };
	if (!acquire) {
		for (size_t i = 0; i < w->nlocks; i++)
			if (!strcmp(w->locks[i].key, key)) {
				struct vnode *n = mk(w, V_EVENT, at);
				n->loc = loc;
				n->ev = EV_RELEASE;
				n->var = w->locks[i].var;
				add(w, seq, n);
			}
		return;
	}
	if (w->cleanup == CLEANUP_GUARD)
		return; /* reported once, as the guard variable */
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = key;
	v.loc = loc;
	v.type = type;
	v.matched = lr->path;
	v.reason = lr->reason;
	v.kind = VAR_LOCK;
	int var = view_add_var(w->a, w->fn, &v);
	ARRAY_GROW(w->locks, w->nlocks + 1, w->cap_locks);
	w->locks[w->nlocks].key = key;
	w->locks[w->nlocks].var = var;
	w->nlocks++;
	struct vnode *d = mk(w, V_DECL, at);
	d->loc = loc;
	d->var = var;
	d->init = INIT_HELD;
	w->fn->vars[var].from = d;
	add(w, seq, d);
}

/*
 * A call in a cleanup variable's initializer may turn out (summary.c) to
 * be a lock helper's acquire, released by the cleanup at scope end: give
 * it a placeholder variable with that region now.  In a cleanup guard's
 * initializer the guard itself stands for the lock.
 */
static void scope_helper_call(struct walk *w, struct vnode *call)
{
	if (w->cleanup == CLEANUP_GUARD) {
		call->call->scoped_var = -1;
		return;
	}
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = "";
	v.kind = VAR_LOCAL;
	v.from = call;
	int var = view_add_var(w->a, w->fn, &v);
	w->pending_scoped[w->npending_scoped++ % ARRAY_SIZE(w->pending_scoped)] = var;
	call->call->scoped_var = var + 1;
}

/* A lock variable released at the end of the current scope. */
static void scope_lock(struct walk *w, int var)
{
	w->fn->vars[var].kind = VAR_LOCAL; /* lo was set by lock_call() */
	scope_add(w, var);
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
	struct vnode *d = mk(w, V_DECL, c);
	d->var = new_temp(w, c, t, &gi);
	d->init = INIT_HELD;
	w->fn->vars[d->var].from = d;
	scope_add(w, d->var);
	add(w, seq, d);
}

static void walk_resolved_call(struct walk *w, CXCursor c, CXCursor ref,
			       struct vnode *seq)
{
	enum CXCursorKind rk = clang_getCursorKind(ref);
	if (rk == CXCursor_FunctionDecl || rk == CXCursor_CXXMethod)
		note_instantiation(w, ref);
	struct callee *ce = callee_of(w, ref);
	int nargs = clang_Cursor_getNumArguments(c);
	const char *method = ce->method;

	/* x = y as an overloaded operator: object is argument 0 */
	if (!strcmp(method, "operator=") && nargs == 2) {
		int var = var_of_expr(w, clang_Cursor_getArgument(c, 0));
		if (var >= 0) {
			walk_assign(w, c, var, clang_Cursor_getArgument(c, 1), seq);
			return;
		}
	}

	struct vnode *call = NULL, *target = seq;
	if (ce->want && !ce->is_move) {
		call = mk(w, V_CALL, c);
		call->call = arena_alloc(w->a, sizeof(*call->call));
		call->call->name = ce->name;
		call->call->usr = ce->usr;
		call->call->annotated = ce->annotated;
		call->call->configured = ce->configured;
		call->call->suspends = ce->annotated || ce->configured;
		if (w->rules->nlocks && nargs > 0 && !ce->lock) {
			/* the locks its arguments name, for lock helpers */
			call->call->nargs = (size_t)nargs;
			call->call->arg_keys = arena_alloc(w->a, (size_t)nargs *
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
	walk_kids_expr(w, c, target);
	if (call) {
		add(w, seq, call);
		if (call->call->arg_keys && w->cleanup != CLEANUP_NONE)
			scope_helper_call(w, call);
	}
	if (ce->may_return_guard && !ce->is_move && !ce->is_exchange &&
	    !same_cursor(w->own_init, c))
		returned_temporary(w, c, ref, seq);
	if (ce->lock) {
		lock_call(w, c, ref, ce->lock, ce->lock_acquire, seq);
		return;
	}
	if (ce->steals && nargs >= 1) {
		/* g_steal_pointer(&lk), g_clear_pointer(&lk, free): lk is NULL after */
		CXCursor a0 = strip(clang_Cursor_getArgument(c, 0));
		struct kids ks;
		kids_of(a0, &ks);
		int v = clang_getCursorKind(a0) == CXCursor_UnaryOperator && ks.n == 1
				? var_of_expr(w, ks.c[0])
				: -1;
		kids_release(&ks);
		if (v >= 0)
			event(w, seq, c, EV_RELEASE, v, -1);
		return;
	}

	/* ownership effects, after the call */
	if ((ce->is_move || ce->is_exchange) && nargs >= 1 &&
	    !same_cursor(w->move_done, c)) {
		int v = var_of_expr(w, clang_Cursor_getArgument(c, 0));
		if (v >= 0)
			event(w, seq, c, EV_RELEASE, v, -1);
		return;
	}
	if (!strcmp(ce->name, "std::lock") || !strcmp(ce->name, "std::try_lock")) {
		for (int i = 0; i < nargs; i++) {
			int v = var_of_expr(w, clang_Cursor_getArgument(c, (unsigned)i));
			if (v >= 0)
				event(w, seq, c, EV_ACQUIRE, v, -1);
		}
		return;
	}
	if (ce->is_swap && nargs == 2) {
		int a = var_of_expr(w, clang_Cursor_getArgument(c, 0));
		int b = var_of_expr(w, clang_Cursor_getArgument(c, 1));
		if (a >= 0 || b >= 0) {
			if (a >= 0 && b >= 0)
				event(w, seq, c, EV_SWAP, a, b);
			else
				event(w, seq, c, EV_ACQUIRE, a >= 0 ? a : b, -1);
		}
		return;
	}
	if (rk != CXCursor_CXXMethod && rk != CXCursor_Destructor &&
	    rk != CXCursor_FunctionTemplate)
		return;
	CXCursor obj = member_object(c);
	if (clang_Cursor_isNull(obj))
		return;
	int var = var_of_expr(w, obj);
	if (var >= 0) {
		member_event(w, c, seq, var,
			     rk == CXCursor_Destructor ? "~" : method, nargs);
	} else if (!strcmp(method, "swap") && nargs == 1) {
		/* T().swap(g): g now owns what the other object owned */
		int other = var_of_expr(w, clang_Cursor_getArgument(c, 0));
		if (other >= 0)
			event(w, seq, c,
			      is_empty_value(w, obj) ? EV_RELEASE : EV_ACQUIRE,
			      other, -1);
	}
}

/*
 * A call in a template whose callee depends on a template parameter:
 * "lk.unlock()" names its member only in the source text, "std::move(x)"
 * and "rt::park(s)" name an overload set.
 */
static void walk_dependent_call(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	CXCursor first = ks.n ? strip(ks.c[0]) : clang_getNullCursor();
	kids_release(&ks);
	enum CXCursorKind fk = clang_getCursorKind(first);

	if (fk == CXCursor_MemberRefExpr) {
		walk_kids_expr(w, c, seq);
		const char *name = member_name(w, first);
		struct kids mk_;
		kids_of(first, &mk_);
		int var = mk_.n ? var_of_expr(w, mk_.c[0]) : -1;
		kids_release(&mk_);
		if (var >= 0 && name)
			member_event(w, c, seq, var, name,
				     clang_Cursor_getNumArguments(c));
		return;
	}
	CXCursor decl = overload_of(c);
	if (clang_Cursor_isNull(decl)) {
		walk_kids_expr(w, c, seq);
		return;
	}
	walk_resolved_call(w, c, decl, seq);
}

static void walk_call(struct walk *w, CXCursor c, struct vnode *seq)
{
	CXCursor ref = clang_getCursorReferenced(c);
	enum CXCursorKind rk = clang_getCursorKind(ref);

	if (rk == CXCursor_Constructor) {
		walk_ctor(w, c, ref, seq);
		return;
	}
	if (clang_Cursor_isNull(ref)) {
		walk_dependent_call(w, c, seq);
		return;
	}
	if (rk != CXCursor_FunctionDecl && rk != CXCursor_CXXMethod &&
	    rk != CXCursor_FunctionTemplate && rk != CXCursor_ConversionFunction &&
	    rk != CXCursor_Destructor) {
		walk_kids_expr(w, c, seq);
		return;
	}
	walk_resolved_call(w, c, ref, seq);
}

/* What a member call named 'method' does to the guard 'var' it is on. */
static void member_event(struct walk *w, CXCursor c, struct vnode *seq,
			 int var, const char *method, int nargs)
{
	if (method[0] == '~' || name_in(method, releasing_methods)) {
		event(w, seq, c, EV_RELEASE, var, -1);
	} else if (name_in(method, acquiring_methods)) {
		event(w, seq, c, EV_ACQUIRE, var, -1);
	} else if (!strcmp(method, "reset")) {
		CXCursor arg = nargs ? clang_Cursor_getArgument(c, 0)
				     : clang_getNullCursor();
		bool empty = nargs == 0 || is_default_arg(c, arg) ||
			     is_empty_value(w, arg);
		event(w, seq, c, empty ? EV_RELEASE : EV_ACQUIRE, var, -1);
	} else if (!strcmp(method, "swap") && nargs == 1) {
		int other = var_of_expr(w, clang_Cursor_getArgument(c, 0));
		if (other >= 0)
			event(w, seq, c, EV_SWAP, var, other);
		else
			event(w, seq, c, EV_ACQUIRE, var, -1);
	}
}

/* Is 'e' a call to one of the allowed callees, or of an allowed type? */
static bool allowed_await(struct walk *w, CXCursor operand)
{
	CXCursor e = strip(operand);
	CXType t = clang_getCursorType(e);
	CXCursor d = type_decl(t);

	if (rules_has(w->rules, RL_ALLOWED_AWAITABLES) && !clang_Cursor_isNull(d)) {
		CXCursor tmpl = clang_getSpecializedCursorTemplate(d);
		const char *q = qualname(w, clang_Cursor_isNull(tmpl) ? d : tmpl);
		if (rules_match(w->rules, RL_ALLOWED_AWAITABLES, q,
				type_spelling(w, clang_getCanonicalType(t))))
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

/* co_await / co_yield: walk the operand, then suspend. */
static void walk_await(struct walk *w, CXCursor c, const char *kw,
		       unsigned off, struct vnode *seq)
{
	struct kids ks;
	struct vnode *s = mk(w, V_SUSPEND, clang_getNullCursor());
	unsigned saved_off = w->await_off;
	bool saved_in = w->in_await;

	s->loc = src_loc_of(w, clang_getRangeStart(clang_getCursorExtent(c)));
	s->skind = !strcmp(kw, "co_yield") ? SUSPEND_CO_YIELD : SUSPEND_CO_AWAIT;
	kids_of(c, &ks);
	w->await_off = off;
	w->in_await = true;
	bool allowed = false;
	if (ks.n) {
		allowed = s->skind == SUSPEND_CO_AWAIT && allowed_await(w, ks.c[0]);
		walk_expr(w, ks.c[0], s);
	}
	w->await_off = saved_off;
	w->in_await = saved_in;
	kids_release(&ks);
	if (allowed)
		s->kind = V_SEQ;
	add(w, seq, s);
}

static void walk_unexposed_expr(struct walk *w, CXCursor c, struct vnode *seq)
{
	unsigned off;
	const char *kw = keyword_of(w, c, &off);
	struct kids ks;

	if (!kw || !strcmp(kw, "co_return") ||
	    (w->in_await && off == w->await_off)) {
		walk_kids_expr(w, c, seq);
		return;
	}
	kids_of(c, &ks);
	if (ks.n == 1 && clang_getCursorKind(ks.c[0]) == CXCursor_UnexposedExpr) {
		unsigned off2;
		const char *kw2 = keyword_of(w, ks.c[0], &off2);
		if (kw2 && off2 == off) {
			/* ExprWithCleanups and the like around the real node */
			CXCursor inner = ks.c[0];
			kids_release(&ks);
			walk_expr(w, inner, seq);
			return;
		}
	}
	kids_release(&ks);
	walk_await(w, c, kw, off, seq);
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
static const char *binary_op(struct walk *w, CXCursor op, CXCursor lhs,
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
	scan_code(w, fa, ea, sb, op_cb, &found);
	return found;
}

/* A part of a conditional expression (a && b, c ? x : y), in a sequence. */
static struct vnode *expr_branch(struct walk *w, CXCursor at, CXCursor e)
{
	struct vnode *s = mk(w, V_SEQ, at);
	walk_expr(w, e, s);
	return s;
}

static void walk_binary(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n != 2) {
		kids_release(&ks);
		walk_kids_expr(w, c, seq);
		return;
	}
	const char *op = binary_op(w, c, ks.c[0], ks.c[1]);
	if (op && (!strcmp(op, "&&") || !strcmp(op, "||"))) {
		struct vnode *n = mk(w, V_COND, c);
		n->a = expr_branch(w, c, ks.c[0]);
		n->b = expr_branch(w, c, ks.c[1]);
		add(w, seq, n);
	} else if (op && !strcmp(op, "=") && var_of_expr(w, ks.c[0]) >= 0) {
		walk_assign(w, c, var_of_expr(w, ks.c[0]), ks.c[1], seq);
	} else {
		walk_expr(w, ks.c[0], seq);
		walk_expr(w, ks.c[1], seq);
	}
	kids_release(&ks);
}

static void walk_conditional(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n != 3) {
		kids_release(&ks);
		walk_kids_expr(w, c, seq);
		return;
	}
	struct vnode *n = mk(w, V_COND, c);
	n->a = expr_branch(w, c, ks.c[0]);
	n->b = expr_branch(w, c, ks.c[1]);
	n->c = expr_branch(w, c, ks.c[2]);
	add(w, seq, n);
	kids_release(&ks);
}

/* A lambda: captures are evaluated here, the body is its own function. */
static void walk_lambda(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	for (unsigned i = 0; i < ks.n; i++) {
		enum CXCursorKind k = clang_getCursorKind(ks.c[i]);
		if (clang_isExpression(k))
			walk_expr(w, ks.c[i], seq);
	}
	kids_release(&ks);
	skip_macros(w, c);
	defer_cursor(w, c);
}

static void walk_expr(struct walk *w, CXCursor c, struct vnode *seq)
{
	enum CXCursorKind k = clang_getCursorKind(c);

	if (w->depth > MAX_DEPTH)
		return;
	if (w->mi < w->mend)
		flush_macros(w, start_offset(c), seq);
	w->depth++;
	switch (k) {
	case CXCursor_UnexposedExpr:
		walk_unexposed_expr(w, c, seq);
		break;
	case CXCursor_CallExpr:
		walk_call(w, c, seq);
		break;
	case CXCursor_BinaryOperator:
		walk_binary(w, c, seq);
		break;
	case CXCursor_ConditionalOperator:
		walk_conditional(w, c, seq);
		break;
	case CXCursor_LambdaExpr:
		walk_lambda(w, c, seq);
		break;
	case CXCursor_CXXThrowExpr: {
		struct vnode *n = mk(w, V_THROW, c);
		walk_kids_expr(w, c, n);
		add(w, seq, n);
		break;
	}
	case CXCursor_StmtExpr: {
		struct kids ks;
		kids_of(c, &ks);
		for (unsigned i = 0; i < ks.n; i++)
			walk_stmt(w, ks.c[i], seq);
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
	default:
		if (clang_isStatement(k) && !clang_isExpression(k))
			walk_stmt(w, c, seq);
		else
			walk_kids_expr(w, c, seq);
		break;
	}
	w->depth--;
}

/* A full-expression: temporaries made in it die at its end. */
static void walk_full_expr(struct walk *w, CXCursor c, struct vnode *seq)
{
	size_t mark = open_scope(w);
	struct vnode *fe = mk(w, V_SEQ, clang_getNullCursor());
	walk_expr(w, c, fe);
	close_scope(w, mark, fe);
	if (fe->nkids)
		add(w, seq, fe);
}

/* ---- declarations ------------------------------------------------------ */

/* The initializer of a VarDecl: its last child if that is an expression. */
static CXCursor var_init(CXCursor c)
{
	struct kids ks;
	CXCursor init = clang_getNullCursor();
	kids_of(c, &ks);
	if (ks.n && clang_isExpression(clang_getCursorKind(ks.c[ks.n - 1])))
		init = ks.c[ks.n - 1];
	kids_release(&ks);
	return init;
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

/* Does initializing a reference from 'init' make a temporary? */
static bool binds_temporary(CXCursor init)
{
	CXCursor e = strip(init);
	for (int guard = 0; guard < 8; guard++) {
		enum CXCursorKind k = clang_getCursorKind(e);
		if (k == CXCursor_CXXFunctionalCastExpr) {
			return true;
		} else if (k == CXCursor_CallExpr) {
			CXCursor ref = clang_getCursorReferenced(e);
			if (clang_getCursorKind(ref) == CXCursor_Constructor)
				return true;
			CXType rt = clang_getResultType(clang_getCursorType(ref));
			return rt.kind != CXType_LValueReference &&
			       rt.kind != CXType_RValueReference &&
			       rt.kind != CXType_Invalid;
		} else if (k == CXCursor_UnexposedExpr || k == CXCursor_ParenExpr) {
			struct kids ks;
			kids_of(e, &ks);
			if (ks.n != 1) {
				kids_release(&ks);
				return false;
			}
			e = ks.c[0];
			kids_release(&ks);
		} else {
			return false;
		}
	}
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
	const char *p = text_at_start(w, c, &off, &avail);
	if (p && (word_at(p, avail, "thread_local") ||
		  word_at(p, avail, "__thread") ||
		  word_at(p, avail, "_Thread_local")))
		return false;
#endif
	return true;
}

/*
 * Is the local 'c' of type 't' a guard?  C++ objects by their type (with
 * a destructor, through wrappers); C locals only with a cleanup
 * attribute, by their type or the type they point to.
 */
static bool is_guard_var(struct walk *w, CXCursor c, CXType t,
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

/*
 * A variable whose name was made by a macro (the kernel's guard(mutex)
 * declares __UNIQUE_ID_guard_N) is shown as the macro call: the text at
 * the expansion, up to the end of the first parenthesised group.
 * Returns NULL when the user wrote the name.
 */
static const char *macro_display(struct walk *w, CXCursor c, const char *name)
{
	CXSourceLocation l = clang_getCursorLocation(c);
	CXFile sf, ef;
	unsigned soff, eoff;
	size_t size;

	clang_getSpellingLocation(l, &sf, NULL, NULL, &soff);
	clang_getExpansionLocation(l, &ef, NULL, NULL, &eoff);
	if (!ef)
		return NULL;
	const char *buf = file_contents(w, ef, &size);
	if (!buf || eoff >= size)
		return NULL;
	/* written here, or passed to the macro as an argument */
	if (sf && clang_File_isEqual(sf, ef) && soff < size &&
	    word_at(buf + soff, size - soff, name))
		return NULL;
	size_t i = eoff;
	while (i < size && is_ident_char(buf[i]))
		i++;
	size_t j = i;
	while (j < size && (buf[j] == ' ' || buf[j] == '\t'))
		j++;
	if (j < size && buf[j] == '(') {
		int depth = 0;
		for (; j < size; j++) {
			if (buf[j] == '(')
				depth++;
			else if (buf[j] == ')' && --depth == 0)
				break;
			else if (buf[j] == '\n')
				break;
		}
		if (j < size && buf[j] == ')')
			i = j + 1;
	}
	if (i == eoff)
		return NULL;
	return arena_strndup(w->a, buf + eoff, i - eoff);
}

static void walk_vardecl(struct walk *w, CXCursor c, struct vnode *seq)
{
	CXType t = clang_getCursorType(c);
	CXType canon = clang_getCanonicalType(t);
	CXCursor init = var_init(c);
	struct guard_info gi;
	enum vvar_kind kind = VAR_LOCAL;
	int tparam = 0;
	bool cleanup = false;

	if (!is_frame_local(w, c)) {
		if (!clang_Cursor_isNull(init))
			walk_full_expr(w, init, seq);
		return;
	}
	if (canon.kind == CXType_LValueReference ||
	    canon.kind == CXType_RValueReference) {
		CXCursor mv_ = clang_getNullCursor();
		int target = clang_Cursor_isNull(init) ? -1 : var_of_expr(w, init);
		if (target < 0 && !clang_Cursor_isNull(init))
			target = move_source(w, init, &mv_);
		if (target >= 0) { /* an alias of a guard we track */
			walk_full_expr(w, init, seq);
			bind_decl(w, c, target);
			return;
		}
		if (!classify_type(w, clang_getPointeeType(canon), &gi, 0) ||
		    gi.needs_cleanup) {
			if (!clang_Cursor_isNull(init))
				walk_full_expr(w, init, seq);
			return;
		}
		kind = clang_Cursor_isNull(init) || !binds_temporary(init)
			       ? VAR_REF
			       : VAR_LOCAL;
		gi.maybe_empty = false;
	} else if (!is_guard_var(w, c, t, &gi, &cleanup)) {
		tparam = tparam_of(t);
		if (!tparam && canon.kind == CXType_Pointer &&
		    !clang_Cursor_isNull(init)) {
			note_address_alias(w, c, init);
			note_lock_alias(w, c, init);
		}
		if (!tparam) {
			if (!clang_Cursor_isNull(init)) {
				/*
				 * A lock taken in a cleanup variable's
				 * initializer, "(pthread_mutex_lock(m), m)",
				 * is released by the cleanup at scope end.
				 */
				size_t first = w->nlocks;
				enum cleanup_ctx saved = w->cleanup;
				w->cleanup = cleanup ? CLEANUP_PLAIN : CLEANUP_NONE;
				w->npending_scoped = 0;
				walk_full_expr(w, init, seq);
				w->cleanup = saved;
				if (cleanup) {
					for (size_t i = first; i < w->nlocks; i++)
						scope_lock(w, w->locks[i].var);
					for (size_t i = 0; i < w->npending_scoped &&
							   i < ARRAY_SIZE(w->pending_scoped);
					     i++)
						scope_add(w, w->pending_scoped[i]);
				}
			}
			return;
		}
		memset(&gi, 0, sizeof(gi)); /* a guard only in some instantiations */
	}

	struct vvar v = guard_var(w, c, t, &gi, kind);
	v.name = cx_strdup(w->a, clang_getCursorSpelling(c));
	v.display = macro_display(w, c, v.name);
	v.tparam = tparam;
	int var = view_add_var(w->a, w->fn, &v);

	enum vinit state = INIT_HELD;
	CXCursor mv = clang_getNullCursor();
	int src = -1;
	if (clang_Cursor_isNull(init)) {
		if (gi.maybe_empty)
			state = INIT_EMPTY;
	} else if (kind == VAR_LOCAL) {
		CXCursor core = strip(init);
		src = move_source(w, init, &mv);
		if (src >= 0) {
			state = INIT_EMPTY;
		} else if (gi.maybe_empty && is_empty_value(w, init)) {
			state = INIT_EMPTY;
		} else if (clang_getCursorKind(core) == CXCursor_CallExpr &&
			   clang_getCursorKind(clang_getCursorReferenced(core)) ==
				   CXCursor_Constructor) {
			if (ctor_leaves_empty(w, core, &gi))
				state = INIT_EMPTY;
		} else if (clang_getCursorKind(core) == CXCursor_UnexposedExpr ||
			   clang_getCursorKind(core) == CXCursor_InitListExpr) {
			/* "(mu, std::defer_lock)" in a template: a ParenListExpr */
			struct kids ks;
			kids_of(core, &ks);
			for (unsigned i = 0; i < ks.n; i++)
				if (is_defer_lock_arg(w, ks.c[i]))
					state = INIT_EMPTY;
			kids_release(&ks);
		}
	}

	size_t mark = open_scope(w);
	struct vnode *d = mk(w, V_DECL, c);
	d->loc = v.loc;
	if (!clang_Cursor_isNull(init)) {
		CXCursor saved_init = w->own_init, saved_move = w->move_done;
		w->own_init = strip(init);
		/* through casts to the constructor or call that makes it */
		for (int guard = 0; guard < 8; guard++) {
			enum CXCursorKind k = clang_getCursorKind(w->own_init);
			if (k != CXCursor_CXXFunctionalCastExpr &&
			    k != CXCursor_UnexposedExpr)
				break;
			struct kids ks;
			kids_of(w->own_init, &ks);
			CXCursor last = ks.n ? strip(ks.c[ks.n - 1])
					     : clang_getNullCursor();
			kids_release(&ks);
			if (clang_Cursor_isNull(last))
				break;
			w->own_init = last;
		}
		if (src >= 0)
			w->move_done = mv;
		enum cleanup_ctx saved_cleanup = w->cleanup;
		if (cleanup)
			w->cleanup = CLEANUP_GUARD;
		walk_expr(w, init, d);
		w->cleanup = saved_cleanup;
		w->own_init = saved_init;
		w->move_done = saved_move;
	}
	close_scope(w, mark, d);
	d->var = var;
	d->init = state;
	w->fn->vars[var].from = d;
	scope_add(w, var);
	bind_decl(w, c, var);
	add(w, seq, d);
	if (src >= 0 && src != var)
		event(w, seq, c, EV_MOVE, src, var);
}

/*
 * A structured binding, "auto [g, n] = make_pair(...)": the hidden object
 * is the guard (named "[g, n]"); its bindings name it too, so g.unlock()
 * releases it.
 */
static void walk_binding(struct walk *w, CXCursor c, struct vnode *seq)
{
	CXString sp = clang_getCursorSpelling(c);
	bool decomposition = cstr(sp)[0] == '[';
	clang_disposeString(sp);
	if (!decomposition) {
		walk_kids_expr(w, c, seq);
		return;
	}
	walk_vardecl(w, c, seq);
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

static void walk_decl_stmt(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	for (unsigned i = 0; i < ks.n; i++) {
		enum CXCursorKind k = clang_getCursorKind(ks.c[i]);
		if (k == CXCursor_VarDecl)
			walk_vardecl(w, ks.c[i], seq);
		else if (k == CXCursor_StructDecl || k == CXCursor_ClassDecl ||
			 k == CXCursor_UnionDecl || k == CXCursor_ClassTemplate ||
			 k == CXCursor_FunctionDecl)
			defer_cursor(w, ks.c[i]);
		else if (k == CXCursor_UnexposedDecl)
			walk_binding(w, ks.c[i], seq);
	}
	kids_release(&ks);
}

/* ---- statements -------------------------------------------------------- */

static void walk_compound(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	size_t mark = open_scope(w);
	struct vnode *s = mk(w, V_SEQ, c);
	kids_of(c, &ks);
	for (unsigned i = 0; i < ks.n; i++)
		walk_stmt(w, ks.c[i], s);
	kids_release(&ks);
	if (w->mi < w->mend) /* a macro that expands to nothing, last */
		flush_macros(w, end_offset(c) - 1, s);
	close_scope(w, mark, s);
	add(w, seq, s);
}

/* A statement as the body of if/loop/case: its own scope. */
static struct vnode *sub_stmt(struct walk *w, CXCursor c)
{
	size_t mark = open_scope(w);
	struct vnode *s = mk(w, V_SEQ, clang_getNullCursor());
	if (!clang_Cursor_isNull(c))
		walk_stmt(w, c, s);
	close_scope(w, mark, s);
	return s;
}

/* Condition part: an optional condition variable, then the condition. */
static struct vnode *cond_part(struct walk *w, CXCursor var, CXCursor cond)
{
	struct vnode *s = mk(w, V_SEQ, clang_getNullCursor());
	if (!clang_Cursor_isNull(var))
		walk_vardecl(w, var, s);
	if (!clang_Cursor_isNull(cond))
		walk_full_expr(w, cond, s);
	return s;
}

static void walk_if(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n < 2) {
		kids_release(&ks);
		return;
	}
	unsigned nk = ks.n;
	int text_else = nk >= 3 ? word_between(w, ks.c[nk - 2], ks.c[nk - 1],
					       "else")
				: 0;
	bool has_else = text_else == 1;
	if (text_else < 0) {
		/*
		 * Written by a macro, as the kernel's scoped_guard ("if (0)
		 * { label: break; } else BODY"): with three children and no
		 * declaration among them, a block or statement second is
		 * the then-branch of an if/else.
		 */
		enum CXCursorKind k0 = clang_getCursorKind(ks.c[0]);
		enum CXCursorKind k1 = clang_getCursorKind(ks.c[1]);
		has_else = nk == 3 && k0 != CXCursor_DeclStmt &&
			   k0 != CXCursor_VarDecl && clang_isStatement(k1) &&
			   !clang_isExpression(k1);
	}
	unsigned then_i = has_else ? nk - 2 : nk - 1;
	unsigned cond_i = then_i - 1;
	CXCursor condvar = clang_getNullCursor();
	unsigned init_end = cond_i;
	/* 'if (T x = e)': the VarDecl, then an implicit use of it */
	for (unsigned i = 0; i < cond_i; i++)
		if (clang_getCursorKind(ks.c[i]) == CXCursor_VarDecl) {
			condvar = ks.c[i];
			init_end = i;
		}

	size_t mark = open_scope(w);
	struct vnode *wrap = mk(w, V_SEQ, c);
	for (unsigned i = 0; i < init_end; i++)
		walk_stmt(w, ks.c[i], wrap);
	struct vnode *n = mk(w, V_IF, c);
	n->a = cond_part(w, condvar, ks.c[cond_i]);
	n->b = sub_stmt(w, ks.c[then_i]);
	if (has_else)
		n->c = sub_stmt(w, ks.c[nk - 1]);
	add(w, wrap, n);
	close_scope(w, mark, wrap);
	add(w, seq, wrap);
	kids_release(&ks);
}

static void walk_for(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	CXCursor init = clang_getNullCursor(), condvar = clang_getNullCursor(),
		 cond = clang_getNullCursor(), inc = clang_getNullCursor();
	kids_of(c, &ks);
	if (!ks.n) {
		kids_release(&ks);
		return;
	}
	CXCursor body = ks.c[ks.n - 1];
	CXFile f;
	unsigned start, end;
	struct semis sm = { 0, { 0, 0 }, 0 };
	/*
	 * The header's two ';' tell init, condition and increment apart.
	 * A for written inside a macro (the kernel's scoped_guard) is read
	 * where it is spelled, in the macro's definition.
	 */
	CXSourceLocation at = clang_getRangeStart(clang_getCursorExtent(c));
	CXFile ef;
	unsigned eo;
	clang_getSpellingLocation(at, &f, NULL, NULL, &start);
	clang_getExpansionLocation(at, &ef, NULL, NULL, &eo);
	bool spelled = f && ef && (!clang_File_isEqual(f, ef) || start != eo);
	if (spelled) {
		size_t size;
		if (file_contents(w, f, &size))
			scan_code(w, f, start, (unsigned)size, semis_cb, &sm);
	} else {
		extent_offsets(c, &f, &start, &end);
		scan_code(w, f, start, end, semis_cb, &sm);
	}
	for (unsigned i = 0; i + 1 < ks.n; i++) {
		CXFile cf;
		unsigned cs, ce;
		if (spelled) {
			clang_getSpellingLocation(
				clang_getRangeStart(clang_getCursorExtent(ks.c[i])),
				&cf, NULL, NULL, &cs);
			if (!cf || !f || !clang_File_isEqual(cf, f))
				cs = sm.n == 2 ? sm.at[0] : 0; /* from a macro argument */
		} else {
			extent_offsets(ks.c[i], &cf, &cs, &ce);
		}
		enum CXCursorKind kk = clang_getCursorKind(ks.c[i]);
		bool is_var = kk == CXCursor_VarDecl;
		if (kk == CXCursor_DeclStmt || (sm.n == 2 && cs < sm.at[0]))
			init = ks.c[i];
		else if (sm.n == 2 && cs > sm.at[1])
			inc = ks.c[i];
		else if (is_var)
			condvar = ks.c[i];
		else if (sm.n == 2 || clang_Cursor_isNull(cond))
			cond = ks.c[i];
	}

	size_t mark = open_scope(w);
	struct vnode *wrap = mk(w, V_SEQ, c);
	if (!clang_Cursor_isNull(init))
		walk_stmt(w, init, wrap);
	struct vnode *n = mk(w, V_LOOP, c);
	size_t cmark = open_scope(w);
	if (!clang_Cursor_isNull(cond) || !clang_Cursor_isNull(condvar))
		n->a = cond_part(w, condvar, cond);
	n->b = sub_stmt(w, body);
	if (!clang_Cursor_isNull(inc)) {
		n->c = mk(w, V_SEQ, inc);
		walk_full_expr(w, inc, n->c);
	}
	close_scope(w, cmark, n->c ? n->c : n->b);
	add(w, wrap, n);
	close_scope(w, mark, wrap);
	add(w, seq, wrap);
	kids_release(&ks);
}

static void walk_while(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n < 2) {
		kids_release(&ks);
		return;
	}
	CXCursor condvar = clang_getNullCursor();
	if (ks.n >= 3 && clang_getCursorKind(ks.c[0]) == CXCursor_VarDecl)
		condvar = ks.c[0];
	struct vnode *n = mk(w, V_LOOP, c);
	size_t mark = open_scope(w);
	n->a = cond_part(w, condvar, ks.c[ks.n - 2]);
	n->b = sub_stmt(w, ks.c[ks.n - 1]);
	close_scope(w, mark, n->b);
	add(w, seq, n);
	kids_release(&ks);
}

static void walk_do(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n < 2) {
		kids_release(&ks);
		return;
	}
	struct vnode *n = mk(w, V_LOOP, c);
	n->flags |= LOOP_DO;
	n->b = sub_stmt(w, ks.c[0]);
	n->a = cond_part(w, clang_getNullCursor(), ks.c[1]);
	add(w, seq, n);
	kids_release(&ks);
}

static void header_init_guard(struct walk *w, CXCursor stmt,
			      struct vnode *seq);

static void walk_range_for(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n < 3) {
		kids_release(&ks);
		return;
	}
	/* [loop variable, range, body]: the range is evaluated once */
	size_t mark = open_scope(w);
	struct vnode *wrap = mk(w, V_SEQ, c);
	header_init_guard(w, c, wrap);
	walk_expr(w, ks.c[1], wrap);
	struct vnode *n = mk(w, V_LOOP, c);
	n->a = mk(w, V_SEQ, clang_getNullCursor()); /* "more elements?" */
	size_t bmark = open_scope(w);
	n->b = mk(w, V_SEQ, clang_getNullCursor());
	if (clang_getCursorKind(ks.c[0]) == CXCursor_VarDecl)
		walk_vardecl(w, ks.c[0], n->b);
	walk_stmt(w, ks.c[ks.n - 1], n->b);
	close_scope(w, bmark, n->b);
	add(w, wrap, n);
	close_scope(w, mark, wrap);
	add(w, seq, wrap);
	kids_release(&ks);
}



/* Copy 'p[0..n)' without blanks, template arguments and cv words. */
static const char *plain_type_name(struct walk *w, const char *p, size_t n)
{
	struct strbuf sb;
	int angle = 0;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '<')
			angle++;
		else if (p[i] == '>')
			angle--;
		else if (!angle && p[i] != ' ' && p[i] != '\t' && p[i] != '\n') {
			if (is_ident_char(p[i]) && (i == 0 || !is_ident_char(p[i - 1]))) {
				size_t j = i;
				while (j < n && is_ident_char(p[j]))
					j++;
				if ((j - i == 5 && !memcmp(p + i, "const", 5)) ||
				    (j - i == 8 && !memcmp(p + i, "volatile", 8)) ||
				    (j - i == 8 && !memcmp(p + i, "typename", 8))) {
					i = j - 1;
					continue;
				}
			}
			strbuf_addc(&sb, p[i]);
		}
	}
	const char *out = sb.buf;
	while (out[0] == ':' && out[1] == ':')
		out += 2;
	out = arena_strdup(w->a, out);
	strbuf_release(&sb);
	return out;
}

/*
 * libclang does not visit the init-statement of 'switch (init; cond)' or
 * 'for (init; x : range)'.  Read a guard declared there from the source
 * text ("Type name(args)", "Type name{args}", "auto name = Type(args)")
 * and match the written type name against the rules.  Aliases cannot be
 * seen this way.  Adds the declaration to 'seq' in the current scope.
 */
static void header_init_guard(struct walk *w, CXCursor stmt, struct vnode *seq)
{
	CXFile f;
	unsigned start, end;
	size_t size;
	struct semis sm = { 0, { 0, 0 }, 0 };

	extent_offsets(stmt, &f, &start, &end);
	const char *buf = f ? file_contents(w, f, &size) : NULL;
	if (!buf || end > size || start >= end)
		return;
	scan_code(w, f, start, end, semis_cb, &sm);
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
	const char *type = plain_type_name(w, buf + a, ns - a);
	if ((!strcmp(type, "auto") || !*type) && stop < b && buf[stop] == '=') {
		unsigned ts = stop + 1, te = ts;
		angle = 0;
		while (te < b && !(angle == 0 && (buf[te] == '(' || buf[te] == '{'))) {
			angle += buf[te] == '<' ? 1 : buf[te] == '>' ? -1 : 0;
			te++;
		}
		type = plain_type_name(w, buf + ts, te - ts);
	}
	if (!*type || !strcmp(type, "auto"))
		return;
	const struct rule *r = rules_match(w->rules, RL_INVALID_TYPES, type, NULL);
	if (!r)
		return;

	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = arena_strndup(w->a, buf + ns, ne - ns);
	v.loc = src_loc_of(w, clang_getLocationForOffset(w->cx, f, ns));
	{
		unsigned ts = a;
		while (ts < ns && (buf[ts] == ' ' || buf[ts] == '\t'))
			ts++;
		unsigned te = ns;
		while (te > ts && (buf[te - 1] == ' ' || buf[te - 1] == '\t'))
			te--;
		v.type = arena_strndup(w->a, buf + ts, te - ts);
	}
	v.matched = r->path;
	v.reason = r->reason;
	v.kind = VAR_LOCAL;
	int var = view_add_var(w->a, w->fn, &v);
	struct vnode *d = mk(w, V_DECL, clang_getNullCursor());
	d->loc = v.loc;
	d->var = var;
	d->init = empty_able_lock(r->path) &&
			  contains(buf + a, b - a, "defer_lock")
		  ? INIT_EMPTY
		  : INIT_HELD;
	w->fn->vars[var].from = d;
	scope_add(w, var);
	add(w, seq, d);
}

static void walk_switch(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	if (ks.n < 2) {
		kids_release(&ks);
		return;
	}
	CXCursor condvar = clang_getNullCursor();
	if (ks.n >= 3 && clang_getCursorKind(ks.c[0]) == CXCursor_VarDecl)
		condvar = ks.c[0];
	size_t mark = open_scope(w);
	header_init_guard(w, c, seq);
	struct vnode *n = mk(w, V_SWITCH, c);
	n->a = cond_part(w, condvar, ks.c[ks.n - 2]);
	n->b = sub_stmt(w, ks.c[ks.n - 1]);
	close_scope(w, mark, n);
	add(w, seq, n);
	kids_release(&ks);
}

static void walk_case(struct walk *w, CXCursor c, bool is_default,
		      struct vnode *seq)
{
	struct kids ks;
	struct vnode *n = mk(w, V_CASE, c);
	if (is_default)
		n->flags |= CASE_DEFAULT;
	kids_of(c, &ks);
	if (ks.n)
		walk_stmt(w, ks.c[ks.n - 1], n);
	kids_release(&ks);
	add(w, seq, n);
}

static int label_id(struct walk *w, CXCursor label)
{
	struct cmap_slot *s = cmap_find(&w->labels, label, true);
	if (!s->val)
		s->val = (void *)(intptr_t)(++w->fn->nlabels);
	return (int)(intptr_t)s->val - 1;
}

static void walk_try(struct walk *w, CXCursor c, struct vnode *seq)
{
	struct kids ks;
	kids_of(c, &ks);
	if (!ks.n) {
		kids_release(&ks);
		return;
	}
	struct vnode *n = mk(w, V_TRY, c);
	n->a = sub_stmt(w, ks.c[0]);
	for (unsigned i = 1; i < ks.n; i++) {
		struct kids hk;
		size_t mark = open_scope(w);
		struct vnode *h = mk(w, V_SEQ, ks.c[i]);
		kids_of(ks.c[i], &hk);
		for (unsigned j = 0; j < hk.n; j++) {
			if (clang_getCursorKind(hk.c[j]) == CXCursor_VarDecl)
				walk_vardecl(w, hk.c[j], h);
			else
				walk_stmt(w, hk.c[j], h);
		}
		kids_release(&hk);
		close_scope(w, mark, h);
		view_add_kid(w->a, n, h);
	}
	add(w, seq, n);
	kids_release(&ks);
}

static void walk_unexposed_stmt(struct walk *w, CXCursor c, struct vnode *seq)
{
	unsigned off;
	const char *kw = keyword_of(w, c, &off);
	struct kids ks;

	kids_of(c, &ks);
	if (kw && !strcmp(kw, "co_return")) {
		struct vnode *n = mk(w, V_RETURN, c);
		if (ks.n == 2)
			walk_full_expr(w, ks.c[0], n);
		add(w, seq, n);
	} else {
		/* [[attributes]] stmt, and what else libclang does not expose */
		for (unsigned i = 0; i < ks.n; i++)
			walk_stmt(w, ks.c[i], seq);
	}
	kids_release(&ks);
}

static void walk_stmt(struct walk *w, CXCursor c, struct vnode *seq)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	struct vnode *n;
	struct kids ks;

	if (w->depth > MAX_DEPTH)
		return;
	if (w->mi < w->mend)
		flush_macros(w, start_offset(c), seq);
	w->depth++;
	switch (k) {
	case CXCursor_CompoundStmt:
		walk_compound(w, c, seq);
		break;
	case CXCursor_DeclStmt:
		walk_decl_stmt(w, c, seq);
		break;
	case CXCursor_VarDecl:
		walk_vardecl(w, c, seq);
		break;
	case CXCursor_IfStmt:
		walk_if(w, c, seq);
		break;
	case CXCursor_ForStmt:
		walk_for(w, c, seq);
		break;
	case CXCursor_WhileStmt:
		walk_while(w, c, seq);
		break;
	case CXCursor_DoStmt:
		walk_do(w, c, seq);
		break;
	case CXCursor_CXXForRangeStmt:
		walk_range_for(w, c, seq);
		break;
	case CXCursor_SwitchStmt:
		walk_switch(w, c, seq);
		break;
	case CXCursor_CaseStmt:
		walk_case(w, c, false, seq);
		break;
	case CXCursor_DefaultStmt:
		walk_case(w, c, true, seq);
		break;
	case CXCursor_BreakStmt:
		n = mk(w, V_BREAK, c);
		add(w, seq, n);
		break;
	case CXCursor_ContinueStmt:
		n = mk(w, V_CONTINUE, c);
		add(w, seq, n);
		break;
	case CXCursor_ReturnStmt:
		n = mk(w, V_RETURN, c);
		kids_of(c, &ks);
		if (ks.n)
			walk_full_expr(w, ks.c[0], n);
		kids_release(&ks);
		add(w, seq, n);
		break;
	case CXCursor_GotoStmt:
		n = mk(w, V_GOTO, c);
		n->label = label_id(w, clang_getCursorReferenced(c));
		add(w, seq, n);
		break;
	case CXCursor_IndirectGotoStmt:
		n = mk(w, V_RETURN, c); /* not followed: ends the path */
		add(w, seq, n);
		break;
	case CXCursor_LabelStmt:
		n = mk(w, V_LABEL, c);
		n->label = label_id(w, c);
		kids_of(c, &ks);
		for (unsigned i = 0; i < ks.n; i++)
			walk_stmt(w, ks.c[i], n);
		kids_release(&ks);
		add(w, seq, n);
		break;
	case CXCursor_CXXTryStmt:
		walk_try(w, c, seq);
		break;
	case CXCursor_UnexposedStmt:
		walk_unexposed_stmt(w, c, seq);
		break;
	case CXCursor_NullStmt:
	case CXCursor_AsmStmt:
	case CXCursor_MSAsmStmt:
		break;
	default:
		if (clang_isExpression(k))
			walk_full_expr(w, c, seq);
		else if (clang_isDeclaration(k))
			defer_cursor(w, c);
		else if (clang_isStatement(k)) {
			kids_of(c, &ks);
			for (unsigned i = 0; i < ks.n; i++)
				walk_stmt(w, ks.c[i], seq);
			kids_release(&ks);
		}
		break;
	}
	w->depth--;
}

/* ---- functions --------------------------------------------------------- */

static bool is_function_kind(enum CXCursorKind k)
{
	return k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod ||
	       k == CXCursor_FunctionTemplate || k == CXCursor_Constructor ||
	       k == CXCursor_Destructor || k == CXCursor_ConversionFunction ||
	       k == CXCursor_LambdaExpr;
}

static const char *function_name(struct walk *w, CXCursor fn)
{
	if (clang_getCursorKind(fn) == CXCursor_LambdaExpr) {
		struct src_loc l = cursor_loc(w, fn);
		return arena_printf(w->a, "lambda at %u:%u", l.line, l.col);
	}
	return qualname(w, fn);
}

static void walk_function(struct walk *w, CXCursor fn)
{
	struct kids ks;
	kids_of(fn, &ks);
	CXCursor body = clang_getNullCursor();
	for (unsigned i = ks.n; i-- > 0;) {
		enum CXCursorKind k = clang_getCursorKind(ks.c[i]);
		if (k == CXCursor_CompoundStmt || k == CXCursor_UnexposedStmt ||
		    k == CXCursor_CXXTryStmt) {
			body = ks.c[i];
			break;
		}
	}
	if (clang_Cursor_isNull(body)) {
		kids_release(&ks);
		return;
	}

	struct fn_view *f = arena_alloc(w->a, sizeof(*f));
	f->arena = w->a;
	f->name = function_name(w, fn);
	f->loc = cursor_loc(w, fn);
	f->coroutine = clang_getCursorKind(body) == CXCursor_UnexposedStmt;
	if (clang_getCursorKind(fn) != CXCursor_LambdaExpr)
		f->usr = cx_strdup(w->a, clang_getCursorUSR(fn));
	else
		f->usr = lambda_key(w, fn);
	if (f->coroutine) {
		struct kids bk;
		kids_of(body, &bk);
		body = bk.n ? bk.c[0] : clang_getNullCursor();
		kids_release(&bk);
	}

	w->fn = f;
	w->nscope_vars = 0;
	w->depth = 0;
	w->own_init = w->move_done = clang_getNullCursor();
	w->in_await = false;
	w->nlocks = 0;
	macro_range(w, fn);
	cmap_release(&w->vars);
	cmap_release(&w->labels);
	cmap_release(&w->ptrs);
	cmap_release(&w->lock_aliases);

	f->body = mk(w, V_SEQ, fn);
	/* parameter names, for lock-helper summaries */
	if (w->rules->nlocks) {
		f->params = arena_alloc(w->a, (ks.n + 1) * sizeof(*f->params));
		for (unsigned i = 0; i < ks.n; i++)
			if (clang_getCursorKind(ks.c[i]) == CXCursor_ParmDecl)
				f->params[f->nparams++] =
					cx_strdup(w->a, clang_getCursorSpelling(ks.c[i]));
	}
	/* by-value parameters of guard type own their guard from entry */
	for (unsigned i = 0; i < ks.n; i++) {
		struct guard_info gi;
		if (clang_getCursorKind(ks.c[i]) != CXCursor_ParmDecl)
			continue;
		CXType t = clang_getCursorType(ks.c[i]);
		int tp = tparam_of(t);
		if (!tp && (!classify_type(w, t, &gi, 0) || gi.needs_cleanup))
			continue;
		if (tp)
			memset(&gi, 0, sizeof(gi));
		struct vvar v = guard_var(w, ks.c[i], t, &gi, VAR_PARAM);
		v.tparam = tp;
		v.name = cx_strdup(w->a, clang_getCursorSpelling(ks.c[i]));
		bind_decl(w, ks.c[i], view_add_var(w->a, f, &v));
	}
	kids_release(&ks);
	if (!clang_Cursor_isNull(body))
		walk_stmt(w, body, f->body);
	close_scope(w, 0, f->body);
	for (size_t i = 0; i < f->nvars; i++)
		if (f->vars[i].kind == VAR_PARAM || f->vars[i].kind == VAR_LOCK) {
			f->vars[i].from = NULL;
			f->vars[i].scope = f->body;
		}
	view_finish(f);
	*w->tail = f;
	w->tail = &f->next;
}

static bool in_main_file(struct walk *w, CXCursor c)
{
	CXFile f;
	clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL, NULL);
	return f && w->tu->main && clang_File_isEqual(f, w->tu->main);
}

/*
 * Is 'c' in a file we report on: the main file, or a header that the
 * configuration's header-filter selects (never a system header)?
 */
static bool in_checked_file(struct walk *w, CXCursor c)
{
	CXFile f;
	CXSourceLocation l = clang_getCursorLocation(c);
	clang_getExpansionLocation(l, &f, NULL, NULL, NULL);
	if (!f)
		return false;
	if (w->tu->main && clang_File_isEqual(f, w->tu->main))
		return true;
	if (!w->rules->header_re)
		return false;
	for (size_t i = 0; i < w->nheaders; i++)
		if (w->headers[i].file == f)
			return w->headers[i].want;
	bool want = !clang_Location_isInSystemHeader(l) &&
		    rules_want_header(w->rules, file_name(w, f));
	ARRAY_GROW(w->headers, w->nheaders + 1, w->cap_headers);
	w->headers[w->nheaders].file = f;
	w->headers[w->nheaders].want = want;
	w->nheaders++;
	return want;
}

static enum CXChildVisitResult top_cb(CXCursor c, CXCursor parent,
				      CXClientData data);

static void walk_decl(struct walk *w, CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	if (is_function_kind(k)) {
		walk_function(w, c);
		return;
	}
	clang_visitChildren(c, top_cb, w);
}

/* Lambdas in initializers outside function bodies. */
static enum CXChildVisitResult find_lambdas_cb(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	struct walk *w = data;
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_LambdaExpr) {
		defer_cursor(w, c);
		return CXChildVisit_Continue;
	}
	return CXChildVisit_Recurse;
}

static enum CXChildVisitResult misplaced_cb(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	struct walk *w = data;
	if (clang_getCursorKind(c) != CXCursor_AnnotateAttr)
		return CXChildVisit_Continue;
	enum CXCursorKind pk = clang_getCursorKind(parent);
	bool is_type = pk == CXCursor_StructDecl || pk == CXCursor_ClassDecl ||
		       pk == CXCursor_UnionDecl || pk == CXCursor_ClassTemplate ||
		       pk == CXCursor_ClassTemplatePartialSpecialization ||
		       pk == CXCursor_TypedefDecl || pk == CXCursor_TypeAliasDecl;
	bool is_function = pk == CXCursor_FunctionDecl ||
			   pk == CXCursor_CXXMethod ||
			   pk == CXCursor_FunctionTemplate;
	CXString str = clang_getCursorSpelling(c);
	const char *text = cstr(str);
	const char *wants = NULL;
	if (!strcmp(text, "await_holding::must_not_suspend") && !is_type)
		wants = "types";
	else if (!strcmp(text, "await_holding::suspends") && !is_function)
		wants = "functions";
	if (wants) {
		struct src_loc l = cursor_loc(w, c);
		diag_list_add_problem(w->problems, PROBLEM_WARNING, &l,
				      "'%s' applies only to %s; it has no effect here [await-holding]",
				      text, wants);
	}
	clang_disposeString(str);
	return CXChildVisit_Continue;
}

/* Our annotations put where they mean nothing are diagnosed. */
static void check_annotations(struct walk *w, CXCursor c)
{
	if (w->problems && clang_Cursor_hasAttrs(c))
		clang_visitChildren(c, misplaced_cb, w);
}

/*
 * Top-level visitor: returns Recurse into namespaces, classes and
 * templates, Continue after handing a function to walk_function().
 */
static enum CXChildVisitResult top_cb(CXCursor c, CXCursor parent,
				      CXClientData data)
{
	struct walk *w = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	(void)parent;

	if (!in_checked_file(w, c))
		return CXChildVisit_Continue;
	check_annotations(w, c);
	if (is_function_kind(k)) {
		walk_function(w, c);
		return CXChildVisit_Continue;
	}
	switch (k) {
	case CXCursor_Namespace:
	case CXCursor_LinkageSpec:
	case CXCursor_StructDecl:
	case CXCursor_ClassDecl:
	case CXCursor_UnionDecl:
	case CXCursor_ClassTemplate:
	case CXCursor_ClassTemplatePartialSpecialization:
	case CXCursor_UnexposedDecl:
		return CXChildVisit_Recurse;
	case CXCursor_VarDecl:
	case CXCursor_FieldDecl:
		clang_visitChildren(c, find_lambdas_cb, w);
		return CXChildVisit_Continue;
	default:
		return CXChildVisit_Continue;
	}
}

struct ns_seen {
	struct walk *w;
	char **names;
	size_t n, cap;
};

static enum CXChildVisitResult ns_cb(CXCursor c, CXCursor parent,
				     CXClientData data)
{
	struct ns_seen *s = data;
	(void)parent;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_LinkageSpec)
		return CXChildVisit_Recurse;
	if (k == CXCursor_Namespace || k == CXCursor_ClassDecl ||
	    k == CXCursor_StructDecl || k == CXCursor_ClassTemplate) {
		CXString sp = clang_getCursorSpelling(c);
		const char *name = cstr(sp);
		bool dup = !*name;
		for (size_t i = 0; i < s->n && !dup; i++)
			dup = !strcmp(s->names[i], name);
		if (!dup) {
			ARRAY_GROW(s->names, s->n + 1, s->cap);
			s->names[s->n++] = xstrdup(name);
		}
		clang_disposeString(sp);
	}
	return CXChildVisit_Continue;
}

/*
 * Mark the qualified entries whose top-level namespace this TU declares,
 * so that an unused entry of a library the project uses is reported and
 * one of a library it does not use (a shared configuration) is not.
 */
static void note_namespaces(struct walk *w)
{
	struct ns_seen s = { w, NULL, 0, 0 };
	clang_visitChildren(clang_getTranslationUnitCursor(w->cx), ns_cb, &s);
	rules_note_namespaces(w->rules, s.names, s.n);
	for (size_t k = 0; k < s.n; k++)
		free(s.names[k]);
	free(s.names);
}

struct fn_view *walk_tu(struct tu *tu, struct rules *rules,
			struct diag_list *problems)
{
	struct walk w;
	memset(&w, 0, sizeof(w));
	w.tu = tu;
	w.cx = tu->cx;
	w.a = &tu->arena;
	w.rules = rules;
	w.problems = problems;
	w.tail = &w.head;
	w.lang_c = tu->lang_c;

	collect_macros(&w);
	clang_visitChildren(clang_getTranslationUnitCursor(tu->cx), top_cb, &w);
	/* lambdas and local classes found along the way, breadth first */
	for (size_t i = 0; i < w.npending; i++)
		walk_decl(&w, w.pending[i]);
	add_instantiations(&w);
	note_namespaces(&w);

	strmap_release(&w.types);
	cmap_release(&w.callees);
	cmap_release(&w.qualnames);
	cmap_release(&w.specs);
	strmap_release(&w.free_ops);
	cmap_release(&w.vars);
	cmap_release(&w.labels);
	cmap_release(&w.ptrs);
	cmap_release(&w.lock_aliases);
	free(w.pending);
	free(w.insts);
	free(w.headers);
	free(w.locks);
	free(w.macros);
	strmap_release(&w.derived_macros);
	free(w.scope_vars);
	return w.head;
}
