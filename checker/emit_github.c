/*
 * emit_github.c - findings as GitHub Actions workflow commands, one
 * annotation per finding:
 *
 *   ::warning file=src/a.cpp,line=5,col=31,title=await-holding::'g' of type ... point%0Asrc/a.cpp:6:3: suspended here by co_await%0Areason: ...
 *
 * The message carries the suspension points (the first ctx->max_points,
 * as in text), the reason and the help note, one per line.  Escaping
 * is GitHub's: in the message '%', CR and LF become %25, %0D, %0A; in a
 * property value ':' and ',' become %3A and %2C as well.  Files are
 * relative to the source root, which is the repository checked out in
 * the workflow.  Problems are annotations too (::error, ::warning,
 * ::notice), and also go to stderr.
 */
#include "common.h"
#include "emit.h"
#include "advice.h"
#include "diag.h"
#include "srcroot.h"
#include "util.h"

static void escape(FILE *out, const char *s, bool property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': fputs("%25", out); break;
		case '\r': fputs("%0D", out); break;
		case '\n': fputs("%0A", out); break;
		case ':':
			fputs(property ? "%3A" : ":", out);
			break;
		case ',':
			fputs(property ? "%2C" : ",", out);
			break;
		default: fputc(*s, out);
		}
	}
}

static const char *file_name(struct arena *a, const char *file,
			     const struct emit_ctx *ctx)
{
	const char *rel = srcroot_relative(a, ctx->source_root, file);
	return rel ? rel : file;
}

/* "::CMD file=F,line=L,col=C,title=T::" */
static void command(FILE *out, struct arena *a, const char *cmd,
		    const struct src_loc *l, const char *title,
		    const struct emit_ctx *ctx)
{
	fprintf(out, "::%s ", cmd);
	if (l && l->file) {
		fputs("file=", out);
		escape(out, file_name(a, l->file, ctx), true);
		if (l->line)
			fprintf(out, ",line=%u", l->line);
		if (l->col)
			fprintf(out, ",col=%u", l->col);
		fputc(',', out);
	}
	fputs("title=", out);
	escape(out, title, true);
	fputs("::", out);
}

static void write_github(FILE *out, const struct diag_list *l,
			 const struct emit_ctx *ctx)
{
	struct arena a;
	struct strbuf sb;
	arena_init(&a);
	strbuf_init(&sb);
	for (size_t i = 0; i < l->nfindings; i++) {
		const struct finding *f = &l->findings[i];
		size_t shown = f->nsusp;
		if (ctx->max_points && shown > ctx->max_points)
			shown = ctx->max_points;
		strbuf_reset(&sb);
		strbuf_adds(&sb, diag_warning_text(&a, f));
		for (size_t k = 0; k < shown; k++) {
			const struct suspension *s = &f->susp[k];
			strbuf_addf(&sb, "\n%s:%u:%u: %s",
				    file_name(&a, s->loc.file, ctx), s->loc.line,
				    s->loc.col, diag_note_text(&a, s));
		}
		if (shown < f->nsusp)
			strbuf_addf(&sb, "\nand %zu more suspension points",
				    f->nsusp - shown);
		if (f->reason)
			strbuf_addf(&sb, "\n%s", diag_reason_text(&a, f));
		strbuf_addf(&sb, "\nhelp: %s", advice_help(&a, f, ctx->src));
		command(out, &a, "warning", &f->loc,
			"await-holding: guard held across a suspension point", ctx);
		escape(out, sb.buf, false);
		fputc('\n', out);
	}
	for (size_t i = 0; i < l->nproblems; i++) {
		const struct problem *p = &l->problems[i];
		static const char *const cmd[] = { "error", "warning", "notice" }; /* ORDER PROBLEM_KIND */
		command(out, &a, cmd[p->kind], p->loc.file ? &p->loc : NULL,
			"await-holding", ctx);
		escape(out, p->message, false);
		fputc('\n', out);
	}
	strbuf_release(&sb);
	arena_release(&a);
}

const struct emitter emit_github = { "github", write_github, false };
