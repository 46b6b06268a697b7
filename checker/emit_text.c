/*
 * emit_text.c - findings in the format of clang and clang-tidy:
 *
 *   file:line:col: warning: 'lk' of type '...' is held across a suspension point [await-holding]
 *       5 |   std::lock_guard<std::mutex> lk(m);
 *         |                               ^~
 *   file:line:col: note: suspended here by co_await
 *       6 |   co_await flush();
 *         |   ^~~~~~~~
 *   file:line:col: note: and 12 more suspension points
 *   file:line:col: note: reason: ...
 *   file:line:col: help: 'lk' is not used after line 5: end its scope there ...
 *
 * The excerpt lines start with spaces and hold no "file:line:" prefix,
 * so Vim's errorformat and gcc-style matchers skip them as clang's.  A
 * finding lists its first ctx->max_points suspension points; the JSON
 * and SARIF writers list all.  With ctx->explain (--explain), the note
 * of a call that may suspend is followed by one "also may suspend
 * through f -> g -> yield" note per other first hop.  Colours are
 * clang's.
 */
#include "common.h"
#include "emit.h"
#include "advice.h"
#include "diag.h"
#include "srcfile.h"
#include "util.h"

#include <string.h>

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_WARNING "\033[1;35m"
#define C_NOTE "\033[1;30m"
#define C_HELP "\033[1;36m"
#define C_ERROR "\033[1;31m"
#define C_CARET "\033[1;32m"

static void loc(FILE *out, const struct src_loc *l, bool color)
{
	if (color)
		fputs(C_BOLD, out);
	if (l->line)
		fprintf(out, "%s:%u:%u: ", l->file, l->line, l->col);
	else
		fprintf(out, "%s: ", l->file);
	if (color)
		fputs(C_RESET, out);
}

/* "file:line:col: severity: message [suffix]\n" */
static void line_out(FILE *out, const struct src_loc *l, const char *sev,
		     const char *sev_color, const char *msg, const char *suffix,
		     bool color)
{
	loc(out, l, color);
	if (color)
		fprintf(out, "%s%s:" C_RESET " " C_BOLD "%s" C_RESET "%s\n",
			sev_color, sev, msg, suffix);
	else
		fprintf(out, "%s: %s%s\n", sev, msg, suffix);
}

/*
 * The source line of 'l' and a caret under its column, with '~' under
 * the rest of the word there, as clang shows them.  Control characters
 * of the line are shown as spaces; tabs are kept in the caret line so
 * that it stays aligned.
 */
static void excerpt(FILE *out, const struct src_loc *l,
		    const struct emit_ctx *ctx)
{
	size_t len;
	const char *t = ctx->src && l->line
		? srcfile_line(ctx->src, l->file, l->line, &len) : NULL;
	if (!t)
		return;
	fprintf(out, "%5u | ", l->line);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];
		fputc(c < 0x20 && c != '\t' ? ' ' : c == 0x7f ? ' ' : c, out);
	}
	fputs("\n      | ", out);
	size_t col = l->col ? l->col - 1 : 0;
	for (size_t i = 0; i < col && i < len; i++) {
		if (t[i] == '\t')
			fputc('\t', out);
		else if (((unsigned char)t[i] & 0xC0) != 0x80)
			fputc(' ', out);
	}
	if (ctx->color)
		fputs(C_CARET, out);
	fputc('^', out);
	size_t end = col;
	while (end < len && (t[end] == '_' || (t[end] >= 'a' && t[end] <= 'z') ||
			     (t[end] >= 'A' && t[end] <= 'Z') ||
			     (t[end] >= '0' && t[end] <= '9')))
		end++;
	for (size_t i = col + 1; i < end; i++)
		fputc('~', out);
	if (ctx->color)
		fputs(C_RESET, out);
	fputc('\n', out);
}

/*
 * --explain: the note of an indirect suspension shows one chain, the
 * shortest; a callee that may suspend in several ways has one chain per
 * distinct first hop in 'hops' (tab-separated, the note's among them).
 * One note for each of the others, so that a reader who finds the shown
 * chain implausible sees every way the call may suspend.
 */
static void other_hops(FILE *out, struct arena *a, const struct suspension *s,
		       bool color)
{
	if (s->kind != SUSPEND_INDIRECT || !s->hops)
		return;
	for (const char *p = s->hops; *p;) {
		const char *tab = strchr(p, '\t');
		size_t n = tab ? (size_t)(tab - p) : strlen(p);
		if (!s->detail || strlen(s->detail) != n || strncmp(p, s->detail, n))
			line_out(out, &s->loc, "note", C_NOTE,
				 arena_printf(a, "also may suspend through %.*s",
					      (int)n, p),
				 "", color);
		p += n + (tab ? 1 : 0);
	}
}

static void write_finding(FILE *out, struct arena *a, const struct finding *f,
			  const struct emit_ctx *ctx)
{
	bool color = ctx->color;
	size_t shown = f->nsusp;
	if (ctx->max_points && shown > ctx->max_points)
		shown = ctx->max_points;
	line_out(out, &f->loc, "warning", C_WARNING, diag_warning_text(a, f),
		 " [await-holding]", color);
	if (ctx->show_source)
		excerpt(out, &f->loc, ctx);
	for (size_t k = 0; k < shown; k++) {
		line_out(out, &f->susp[k].loc, "note", C_NOTE,
			 diag_note_text(a, &f->susp[k]), "", color);
		if (ctx->show_source)
			excerpt(out, &f->susp[k].loc, ctx);
		if (ctx->explain)
			other_hops(out, a, &f->susp[k], color);
	}
	if (shown < f->nsusp) {
		size_t more = f->nsusp - shown;
		line_out(out, &f->susp[shown].loc, "note", C_NOTE,
			 arena_printf(a, "and %zu more suspension point%s", more,
				      more == 1 ? "" : "s"),
			 "", color);
	}
	if (f->reason)
		line_out(out, &f->loc, "note", C_NOTE, diag_reason_text(a, f), "",
			 color);
	if (ctx->help)
		line_out(out, &f->loc, "help", C_HELP,
			 advice_help(a, f, ctx->src), "", color);
}

static void write_text(FILE *out, const struct diag_list *l,
		       const struct emit_ctx *ctx)
{
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < l->nfindings; i++)
		write_finding(out, &a, &l->findings[i], ctx);
	arena_release(&a);
}

const struct emitter emit_text = { "text", write_text, true };

void emit_problems(FILE *err, const struct diag_list *l)
{
	for (size_t i = 0; i < l->nproblems; i++) {
		const struct problem *p = &l->problems[i];
		if (p->loc.file)
			loc(err, &p->loc, false);
		else
			fputs("await-holding: ", err);
		fprintf(err, "%s: %s\n", problem_kind_name(p->kind), p->message);
	}
}

const struct emitter *emit_find(const char *name)
{
	static const struct emitter *const all[] = {
		&emit_text, &emit_json, &emit_sarif, &emit_github,
	};
	for (size_t i = 0; i < ARRAY_SIZE(all); i++)
		if (!strcmp(all[i]->name, name))
			return all[i];
	return NULL;
}
