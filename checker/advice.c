/*
 * advice.c - the help note of a finding (advice.h).  The scan of the
 * guard's block is lexical: from the guard's position to the brace that
 * closes its block, through scan.c's code pieces (comments and literals
 * skipped), it notes each line where the guard's name appears as a whole
 * word.
 */
#include "common.h"
#include "advice.h"
#include "known.h"
#include "arena.h"
#include "diag.h"
#include "scan.h"
#include "srcfile.h"
#include "util.h"

#include <string.h>

struct uses {
	unsigned first_after;  /* first line with a use at or after it, not
				  counting uses in 'in_operand'; 0 none */
	unsigned in_operand;   /* first line with a use inside the operand of
				  the suspension (co_await use(lk)), which is
				  evaluated before it suspends; 0 none */
	unsigned block_end;    /* line of the brace closing the guard's block; 0 unknown */
	bool param;            /* the guard is a parameter of the function */
	unsigned block_open;   /* where the block holding the suspension opened,
				  if it opened after the guard; 0: none */
};

static bool ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

static bool simple_name(const char *s)
{
	if (!s || !*s || (*s >= '0' && *s <= '9'))
		return false;
	for (; *s; s++)
		if (!ident_char(*s))
			return false;
	return true;
}

/* Where the operand of a suspension ends (operand_end()). */
struct operand {
	bool postfix;   /* a postfix-expression (co_await's operand, a call);
			   else an assignment-expression (co_yield's) */
	bool token;     /* a token of the operand has been seen */
	size_t end;     /* offset of the first byte after the operand */
};

/*
 * Can the byte at text[i], at bracket depth 0, continue a
 * postfix-expression: a name, '.', '::', '->', or a prefix operator
 * before the first token (co_await *p)?
 */
static bool continues_postfix(const char *text, size_t i, bool token)
{
	char c = text[i];

	if (ident_char(c) || c == '.')
		return true;
	if (c == ':')
		return text[i + 1] == ':' || (i && text[i - 1] == ':');
	if (c == '-' && text[i + 1] == '>')
		return true;
	if (c == '>' && i && text[i - 1] == '-')
		return true;
	return !token && strchr("*&!~-+", c);
}

/*
 * One code byte after the suspension's keyword or at its callee: true
 * (stop) at the first byte that cannot continue the operand.  The text
 * inside brackets is all operand; scan_each_code_byte() balances them,
 * so a closer that takes the depth below 0 closes an enclosing bracket.
 */
static bool operand_byte(const char *text, size_t i, int depth, void *arg)
{
	struct operand *op = arg;
	char c = text[i];
	bool ends;

	if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
		return false;
	if (depth != 0 || strchr("()[]{}", c))
		ends = depth < 0;
	else
		ends = c == ';' || c == ',' ||
		       (op->postfix && !continues_postfix(text, i, op->token));
	if (ends)
		op->end = i;
	op->token = true;
	return ends;
}

/*
 * The end of the suspending expression that starts at text[off], as an
 * offset: for co_await, its operand (a postfix-expression such as
 * 'cv.wait(lk)'; a template argument list stops it early); for co_yield,
 * its operand up to ';', ',' or an unbalanced bracket; for a call (or a
 * macro), the callee and its arguments.  All of it is evaluated before
 * the suspension.  A cleanup has no operand: returns 'off'.
 */
static size_t operand_end(const char *text, size_t off, size_t tlen,
			  enum suspend_kind kind)
{
	struct operand op = { .postfix = kind != SUSPEND_CO_YIELD, .end = tlen };

	if (kind == SUSPEND_CLEANUP)
		return off;
	if (kind == SUSPEND_CO_AWAIT || kind == SUSPEND_CO_YIELD)
		while (off < tlen && ident_char(text[off]))
			off++;
	scan_each_code_byte(text, off, tlen, operand_byte, &op);
	return op.end;
}

/*
 * Scan from the guard's declaration to the end of its block, through
 * the code pieces of scan.c (comments and literals are skipped).  A use
 * inside the operand of 'first' (the suspension at 'susp_line') is not
 * a use after it.  Returns false when the source cannot be read.
 */
static bool scan_uses(struct srcfiles *src, const struct finding *f,
		      const struct suspension *first, unsigned susp_line,
		      struct uses *u)
{
	size_t nlen = strlen(f->name), len, tlen;
	const char *text = srcfile_text(src, f->loc.file, &tlen);
	const char *decl = srcfile_line(src, f->loc.file, f->loc.line, &len);
	int depth = 0, parens = 0;
	bool param = false;   /* the guard is a parameter: its block is the body */
	unsigned open1 = 0;   /* line of the open '{' at depth 1 */
	bool seen_susp = false;
	struct scanner sc;
	struct scan_piece pc;

	memset(u, 0, sizeof(*u));
	if (!text || !decl)
		return false;
	size_t op_start = 0, op_stop = 0; /* the suspension's operand */
	size_t slen;
	const char *st = srcfile_line(src, f->loc.file, susp_line, &slen);
	if (st && first->loc.col && first->loc.col - 1 < slen) {
		op_start = (size_t)(st - text) + first->loc.col - 1;
		op_stop = operand_end(text, op_start, tlen, first->kind);
	}
	/* the declaration's own name is not a use */
	size_t start = (size_t)(decl - text) +
		       (f->loc.col ? f->loc.col - 1 : 0) + nlen;
	scan_init(&sc, text, start < tlen ? start : tlen, tlen);
	while (scan_next(&sc, &pc)) {
		/* scan.c counts lines from 'start', on the guard's line */
		unsigned ln = f->loc.line + pc.line - 1;
		if (pc.kind != SCAN_CODE) {
			for (size_t i = pc.start; i < pc.end; i++)
				ln += text[i] == '\n';
			continue;
		}
		for (size_t i = pc.start; i < pc.end; i++) {
			char c = text[i];
			if (ln >= susp_line && !seen_susp) {
				seen_susp = true;
				if (depth > 0)
					u->block_open = open1;
			}
			if (c == '\n') {
				ln++;
			} else if (c == '(') {
				parens++;
			} else if (c == ')') {
				if (--parens < 0)
					param = true;
			} else if (c == '{') {
				if (++depth == 1)
					open1 = ln;
			} else if (c == '}') {
				if (--depth < 0 || (param && depth == 0)) {
					u->block_end = ln;
					u->param = param;
					return true;
				}
			} else if (ident_char(c) && (i == 0 || !ident_char(text[i - 1]))) {
				size_t k = i;
				while (k < pc.end && ident_char(text[k]))
					k++;
				bool use = k - i == nlen && !memcmp(text + i, f->name, nlen);
				if (use && i >= op_start && i < op_stop) {
					if (!u->in_operand)
						u->in_operand = ln;
				} else if (use && ln >= susp_line && !u->first_after) {
					u->first_after = ln;
				}
				i = k - 1;
			}
		}
	}
	return true;
}

/* The last line before 'susp_line' with code on it (not before the guard's). */
static unsigned last_code_line(struct srcfiles *src, const struct finding *f,
			       unsigned susp_line)
{
	for (unsigned ln = susp_line - 1; ln > f->loc.line; ln--) {
		size_t len;
		const char *t = srcfile_line(src, f->loc.file, ln, &len);
		for (size_t i = 0; t && i < len; i++)
			if (t[i] != ' ' && t[i] != '\t')
				return ln;
	}
	return f->loc.line;
}

/* 'line' of 'f''s file without leading and trailing blanks, in 'a'. */
static const char *trimmed(struct arena *a, struct srcfiles *src,
			   const struct finding *f, unsigned line)
{
	size_t len;
	const char *t = srcfile_line(src, f->loc.file, line, &len);
	if (!t)
		return "";
	while (len && (*t == ' ' || *t == '\t'))
		t++, len--;
	while (len && (t[len - 1] == ' ' || t[len - 1] == '\t'))
		len--;
	return arena_strndup(a, t, len);
}

/*
 * The first line of the statement, at the guard's block level, that
 * holds the suspension: the line that opened the block holding it, or
 * the suspension's line; then back over control headers ("for (...)",
 * "if (...)", "else", "do", a lone "{") that the statement belongs to.
 */
static unsigned statement_start(struct arena *a, struct srcfiles *src,
				const struct finding *f, const struct uses *u,
				unsigned susp_line)
{
	unsigned ln = u->block_open ? u->block_open : susp_line;
	while (ln - 1 > f->loc.line) {
		const char *prev = trimmed(a, src, f, ln - 1);
		size_t n = strlen(prev);
		bool header = (n && prev[n - 1] == ')' && strncmp(prev, "//", 2)) ||
			      !strcmp(prev, "else") || !strcmp(prev, "do") ||
			      (n >= 5 && !strcmp(prev + n - 5, " else"));
		if (!header)
			break;
		ln--;
	}
	return ln;
}

/* Does the code at the guard's position call the matched function (a lock pair)? */
static bool is_lock_call(struct srcfiles *src, const struct finding *f)
{
	size_t len;
	const char *t = src ? srcfile_line(src, f->loc.file, f->loc.line, &len)
			    : NULL;
	if (!t || !f->matched || !f->loc.col || f->loc.col - 1 >= len)
		return false;
	const char *m = strrchr(f->matched, ':');
	m = m ? m + 1 : f->matched;
	size_t n = strlen(m);
	return len - (f->loc.col - 1) >= n && !memcmp(t + f->loc.col - 1, m, n);
}

/* The first callee of a chain "a -> b -> yield". */
static const char *chain_head(struct arena *a, const char *chain)
{
	const char *arrow = strstr(chain, " -> ");
	return arrow ? arena_strndup(a, chain, (size_t)(arrow - chain)) : chain;
}

/* A guard type with no unlock() or reset(): only its scope ends it. */
/*
 * The call that makes the guard own nothing, when it has one we know
 * (known.c): "unlock()" for a lock that can be empty, "reset()" for a
 * guard held through an owning wrapper that can be empty; NULL for the
 * rest (lock_guard, a tracing scope, a C lock), whose scope must end.
 */
static const char *release_call(const struct finding *f)
{
	static const char *const wrappers[] = {
		"'std::optional<", "'std::unique_ptr<", "'std::shared_ptr<",
		"'boost::optional<", "'boost::shared_ptr<", "'absl::optional<",
	};
	if (f->matched && known_empty_able_lock(f->matched) && !f->via)
		return "unlock()";
	for (size_t i = 0; f->via && i < ARRAY_SIZE(wrappers); i++)
		if (!strncmp(f->via, wrappers[i], strlen(wrappers[i])))
			return "reset()";
	return NULL;
}

/*
 * The guard's only use from the suspension on is in the suspending
 * expression itself (co_await cv.wait(lk)): that use comes before the
 * suspension, so "used again after" would be wrong, and so would "end
 * its scope before it".  An awaiter that is to release the lock must be
 * given it by move; otherwise the work must be done first.
 */
static void advise_operand(struct strbuf *sb, const struct finding *f,
			   enum suspend_kind kind, unsigned susp_line)
{
	const char *name = f->display ? f->display : f->name;
	const char *release = release_call(f);
	bool keyword = kind == SUSPEND_CO_AWAIT || kind == SUSPEND_CO_YIELD;

	strbuf_addf(sb, "'%s' is used only in the %s at line %u itself, whose %s evaluated before the suspension: ",
		    name, suspend_kind_name(kind), susp_line,
		    keyword ? "operand is" : "arguments are");
	if (release)
		strbuf_addf(sb, "pass std::move(%s) if the %s is to release it; otherwise ",
			    name, keyword ? "awaiter" : "callee");
	strbuf_addf(sb, "do the work that needs '%s' first%s, ", name,
		    keyword ? " (evaluate the operand into a local)" : "");
	if (release)
		strbuf_addf(sb, "call %s.%s", name, release);
	else
		strbuf_adds(sb, "end its scope");
	strbuf_adds(sb, ", then suspend");
}

/*
 * Advice from the guard's block: a parameter's is the body; otherwise
 * where its scope could end, or where it is used after the suspension.
 */
static void advise_scope(struct strbuf *sb, struct arena *a,
			 const struct finding *f, struct srcfiles *src,
			 const struct suspension *first, unsigned susp_line)
{
	const char *name = f->display ? f->display : f->name;
	const char *what = first ? suspend_kind_name(first->kind) : "suspension";
	struct uses u;

	if (!src || susp_line <= f->loc.line || !simple_name(f->name) ||
	    !scan_uses(src, f, first, susp_line, &u)) {
		strbuf_addf(sb, "end the scope of '%s' before the %s%s%s%s", name,
			    what, release_call(f) ? ", or call " : "",
			    release_call(f) ? release_call(f) : "",
			    release_call(f) ? " first" : "");
		return;
	}
	if (u.param) {
		strbuf_addf(sb, "'%s' is a by-value parameter: it lives until the coroutine ends, so %s before the %s at line %u, or take the guard inside the body where a scope can end it",
			    name, !release_call(f) ? "move it into a local with a scope"
						   : arena_printf(a, "call %s.%s", name,
								  release_call(f)),
			    what, susp_line);
		return;
	}
	if (u.first_after) {
		strbuf_addf(sb, "'%s' is used again at line %u, after the %s at line %u: release it before the suspension and take it again after, or finish the work that needs it first",
			    name, u.first_after, what, susp_line);
		return;
	}
	if (u.in_operand) {
		advise_operand(sb, f, first->kind, susp_line);
		return;
	}
	unsigned st = statement_start(a, src, f, &u, susp_line);
	unsigned last = last_code_line(src, f, st);
	if (st < susp_line && last == f->loc.line) {
		strbuf_addf(sb, "the %s at line %u is inside the statement at line %u that '%s' protects: do the work that needs '%s' first (copy what the loop or branch needs), end its scope, then suspend",
			    what, susp_line, st, name, name);
		return;
	}
	strbuf_addf(sb, "'%s' is not used from the %s at line %u on: end its scope before it (put '{ }' around lines %u-%u)",
		    name, what, susp_line, f->loc.line, last);
	if (release_call(f))
		strbuf_addf(sb, " or call %s.%s before line %u", name,
			    release_call(f), susp_line);
}

const char *advice_help(struct arena *a, const struct finding *f,
			struct srcfiles *src)
{
	struct strbuf sb;
	const struct suspension *first = f->nsusp ? &f->susp[0] : NULL;
	const char *name = f->display ? f->display : f->name;
	bool all_indirect = f->nsusp > 0;
	unsigned susp_line = first ? first->loc.line : 0;

	strbuf_init(&sb);
	for (size_t k = 0; k < f->nsusp; k++)
		if (f->susp[k].kind != SUSPEND_INDIRECT)
			all_indirect = false;
	if (first && strcmp(first->loc.file, f->loc.file))
		susp_line = 0; /* the suspension is in a macro's or a header's text */

	if (f->name && f->name[0] == '(') {
		strbuf_addf(&sb, "a temporary lives to the end of its full-expression: split the statement so that the %s at line %u is not part of it",
			    first ? suspend_kind_name(first->kind) : "suspension",
			    first ? first->loc.line : f->loc.line);
	} else if (all_indirect && first->detail) {
		strbuf_addf(&sb,
			    "the suspension comes through %s, so the call to '%s' at line %u is the one to move out of the guard's scope",
			    first->detail, chain_head(a, first->detail),
			    first->loc.line);
	} else if (is_lock_call(src, f)) {
		strbuf_addf(&sb, "release '%s' (the call matching '%s') before line %u, and take it again after the suspension if needed",
			    name, f->matched, susp_line ? susp_line : first ? first->loc.line : f->loc.line);
	} else {
		advise_scope(&sb, a, f, src, first, susp_line);
		if (first && (first->kind == SUSPEND_CO_AWAIT ||
			      first->kind == SUSPEND_CO_YIELD) &&
		    strstr(f->type ? f->type : "", "mutex"))
			strbuf_adds(&sb, "; if the lock must span the suspension, use a coroutine-aware mutex (one whose lock is awaited)");
	}
	const char *out = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return out;
}
