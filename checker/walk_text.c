/*
 * walk_text.c - the source text behind a cursor, where libclang does not
 * expose what the walk needs: co_await/co_yield/co_return keywords,
 * 'else' between an if's children, the ';' of a for header, members named
 * in templates, names made by macros, lock expressions as written.
 *
 * File contents are cached per TU (struct walk_src); positions are
 * expansion offsets unless a function says it reads the spelling.
 */
#include "common.h"
#include "walk_p.h"
#include "scan.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const char *file_name(struct walk_src *src, CXFile f)
{
	if (!f)
		return NULL;
	if (src->tu->main && clang_File_isEqual(f, src->tu->main))
		return src->tu->file;
	CXString s = clang_getFileName(f);
	const char *name = cx_strdup(src->a, s);
	return name;
}

struct src_loc src_loc_of(struct walk_src *src, CXSourceLocation l)
{
	struct src_loc out = { NULL, 0, 0 };
	CXFile f;
	unsigned line, col, off;
	clang_getExpansionLocation(l, &f, &line, &col, &off);
	out.file = file_name(src, f);
	out.line = line;
	out.col = col;
	return out;
}

struct src_loc cursor_loc(struct walk_src *src, CXCursor c)
{
	return src_loc_of(src, clang_getCursorLocation(c));
}

/*
 * clang_getFileContents(), remembered per file: libclang looks the file
 * up anew on each call, and we ask for every UnexposedExpr.
 */
const char *file_contents(struct walk_src *src, CXFile f, size_t *size)
{
	if (!f)
		return NULL;
	size_t h = ((uintptr_t)f >> 4) & (ARRAY_SIZE(src->fcache) - 1);
	if (src->fcache[h].file != f) {
		src->fcache[h].file = f;
		src->fcache[h].buf = clang_getFileContents(src->cx, f,
							 &src->fcache[h].size);
	}
	*size = src->fcache[h].size;
	return src->fcache[h].buf;
}

/* The text of the file at the spelling location of the extent start. */
const char *text_at_start(struct walk_src *src, CXCursor c, unsigned *off,
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
	buf = file_contents(src, f, &size);
	if (!buf || *off >= size)
		return NULL;
	*avail = size - *off;
	return buf + *off;
}

bool is_ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Does 'p' (with 'avail' bytes) start with 'word' as a whole word? */
bool word_at(const char *p, size_t avail, const char *word)
{
	size_t n = strlen(word);
	if (avail < n || memcmp(p, word, n))
		return false;
	return avail == n || !is_ident_char(p[n]);
}

/* Does 'p[0..n)' contain 'word'? */
bool text_contains(const char *p, size_t n, const char *word)
{
	size_t wl = strlen(word);
	for (size_t i = 0; i + wl <= n; i++)
		if (!memcmp(p + i, word, wl))
			return true;
	return false;
}

/* "co_await", "co_yield", "co_return" at the start of 'c', or NULL. */
const char *keyword_of(struct walk_src *src, CXCursor c, unsigned *off)
{
	size_t avail;
	if (src->lang_c)
		return NULL; /* co_yield() is an ordinary function in C */
	const char *p = text_at_start(src, c, off, &avail);
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

/*
 * Scan source text [from, to) of file 'f', skipping comments, string and
 * character literals; call 'fn' on each other byte with its nesting depth
 * of (), [] and {}.  Returns early when 'fn' returns true.
 */
bool scan_code(struct walk_src *src, CXFile f, unsigned from, unsigned to,
	       bool (*fn)(const char *p, size_t i, int depth, void *arg),
	       void *arg)
{
	size_t size;
	const char *buf = f ? file_contents(src, f, &size) : NULL;

	if (!buf)
		return false;
	if (to > size)
		to = (unsigned)size;
	return from < to && scan_each_code_byte(buf, from, to, fn, arg);
}

/*
 * Does the whole word 'arg' start at p[i]?  The byte after it is read:
 * file buffers end in a NUL.
 */
bool find_word_cb(const char *p, size_t i, int depth, void *arg)
{
	const char *word = arg;
	(void)depth;
	if (i > 0 && is_ident_char(p[i - 1]))
		return false;
	return word_at(p + i, strlen(word) + 1, word);
}

/*
 * Does the code between the end of 'a' and the start of 'b' hold 'word'?
 * 1 or 0; -1 when the text cannot tell (both inside one macro expansion,
 * or spelled in different files).
 */
int word_between(struct walk_src *src, CXCursor a, CXCursor b,
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
		return scan_code(src, xa, xea, xsb, find_word_cb, (void *)word);
	/* from a macro: read where the tokens are spelled, if one place */
	if (a_macro != from_macro(lb) ||
	    !fa || !fb || !clang_File_isEqual(fa, fb) || ea >= sb)
		return -1;
	return scan_code(src, fa, ea, sb, find_word_cb, (void *)word);
}

bool semis_cb(const char *p, size_t i, int depth, void *arg)
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

/*
 * A lock key from blank-free text: without a leading '&' and outer
 * parentheses ("&(mu)" is "mu").  NULL if nothing is left.  Owned by the
 * TU's arena.
 */
const char *bare_lock_key(struct walk_src *src, const char *p, size_t len)
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
	return len ? arena_strndup(src->a, p, len) : NULL;
}

/* Is this "expansion" the name in #ifdef / #if defined(...)? */
bool in_directive(struct walk_src *src, CXFile f, unsigned off)
{
	size_t size;
	const char *buf = file_contents(src, f, &size);
	if (!buf || off > size)
		return false;
	unsigned i = off;
	while (i > 0 && buf[i - 1] != '\n')
		i--;
	while (i < off && (buf[i] == ' ' || buf[i] == '\t'))
		i++;
	return buf[i] == '#';
}

/* The member named by a MemberRefExpr, from libclang or the source. */
const char *member_name(struct walk_src *src, CXCursor mref)
{
	CXString sp = clang_getCursorSpelling(mref);
	const char *name = cx_strdup(src->a, sp);
	if (*name)
		return name;
	/* dependent: the identifier after the last '.' or '->' */
	CXFile f;
	unsigned start, end;
	size_t size;
	extent_offsets(mref, &f, &start, &end);
	const char *buf = f ? file_contents(src, f, &size) : NULL;
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
	return j > i ? arena_strndup(src->a, buf + i, j - i) : NULL;
}

/* Append buf[from, to) to 'sb' without its blanks. */
void add_unblanked(struct strbuf *sb, const char *buf, unsigned from,
		   unsigned to)
{
	for (unsigned i = from; i < to; i++)
		if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\n' &&
		    buf[i] != '\r')
			strbuf_addc(sb, buf[i]);
}

/* The fallback of lock_expr(): the text, without blanks, '&' and parens. */
const char *lock_expr_text(struct walk_src *src, CXCursor e)
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
	const char *buf = fs ? file_contents(src, fs, &size) : NULL;
	if (!buf || eo > size || eo <= so)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb);
	add_unblanked(&sb, buf, so, eo);
	const char *out = bare_lock_key(src, sb.buf, sb.len);
	strbuf_release(&sb);
	return out;
}

/*
 * A variable whose name was made by a macro (the kernel's guard(mutex)
 * declares __UNIQUE_ID_guard_N) is shown as the macro call: the text at
 * the expansion, up to the end of the first parenthesised group.
 * Returns NULL when the user wrote the name.
 */
const char *macro_display(struct walk_src *src, CXCursor c, const char *name)
{
	CXSourceLocation l = clang_getCursorLocation(c);
	CXFile sf, ef;
	unsigned soff, eoff;
	size_t size;

	clang_getSpellingLocation(l, &sf, NULL, NULL, &soff);
	clang_getExpansionLocation(l, &ef, NULL, NULL, &eoff);
	if (!ef)
		return NULL;
	const char *buf = file_contents(src, ef, &size);
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
	return arena_strndup(src->a, buf + eoff, i - eoff);
}

/* Copy 'p[0..n)' without blanks, template arguments and cv words. */
const char *plain_type_name(struct walk_src *src, const char *p, size_t n)
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
	out = arena_strdup(src->a, out);
	strbuf_release(&sb);
	return out;
}

struct args_scan {
	unsigned start;       /* the current argument's first byte */
	unsigned *cuts;       /* ends of arguments */
	size_t n, cap;
	bool closed;
};

static bool args_cb(const char *p, size_t i, int depth, void *arg)
{
	struct args_scan *s = arg;
	if ((p[i] == ',' && depth == 1) || (p[i] == ')' && depth == 0)) {
		ARRAY_GROW(s->cuts, s->n + 1, s->cap);
		s->cuts[s->n++] = (unsigned)i;
		s->closed = p[i] == ')';
		return s->closed;
	}
	return false;
}

size_t written_args(struct walk_src *src, CXFile f, unsigned from,
		    const char ***out)
{
	size_t size;
	const char *buf = f ? file_contents(src, f, &size) : NULL;
	*out = NULL;
	if (!buf || from >= size)
		return 0;
	unsigned open = from;
	while (open < size && is_ident_char(buf[open]))
		open++;
	while (open < size && (buf[open] == ' ' || buf[open] == '\t' ||
			       buf[open] == '\n'))
		open++;
	if (open >= size || buf[open] != '(')
		return 0;
	struct args_scan s = { 0, NULL, 0, 0, false };
	unsigned to = size - open > 4096 ? open + 4096 : (unsigned)size;
	scan_code(src, f, open, to, args_cb, &s);
	size_t n = 0;
	if (s.closed && !(s.n == 1 && s.cuts[0] == open + 1)) {
		const char **texts = arena_alloc(src->a, s.n * sizeof(*texts));
		unsigned start = open + 1;
		for (size_t i = 0; i < s.n; i++) {
			unsigned a = start, b = s.cuts[i];
			while (a < b && strchr(" \t\n", buf[a]))
				a++;
			while (b > a && strchr(" \t\n", buf[b - 1]))
				b--;
			texts[n++] = arena_strndup(src->a, buf + a, b - a);
			start = s.cuts[i] + 1;
		}
		*out = texts;
	}
	free(s.cuts);
	return n;
}
