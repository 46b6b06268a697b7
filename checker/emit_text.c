/*
 * emit_text.c - findings in the format of clang and clang-tidy:
 *
 *   file:line:col: warning: 'lk' of type '...' is held across a suspension point [await-holding]
 *   file:line:col: note: suspended here by co_await
 *   file:line:col: note: reason: ...
 */
#include "common.h"
#include "emit.h"
#include "diag.h"

static void loc(FILE *out, const struct src_loc *l)
{
	if (l->line)
		fprintf(out, "%s:%u:%u: ", l->file, l->line, l->col);
	else
		fprintf(out, "%s: ", l->file);
}

static void write_text(FILE *out, const struct diag_list *l)
{
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < l->nfindings; i++) {
		const struct finding *f = &l->findings[i];
		loc(out, &f->loc);
		fprintf(out, "warning: %s [await-holding]\n",
			diag_warning_text(&a, f));
		for (size_t k = 0; k < f->nsusp; k++) {
			loc(out, &f->susp[k].loc);
			fprintf(out, "note: %s\n", diag_note_text(&a, &f->susp[k]));
		}
		if (f->reason) {
			loc(out, &f->loc);
			fprintf(out, "note: %s\n", diag_reason_text(&a, f));
		}
	}
	arena_release(&a);
}

const struct emitter emit_text = { "text", write_text };

void emit_problems(FILE *err, const struct diag_list *l)
{
	for (size_t i = 0; i < l->nproblems; i++) {
		const struct problem *p = &l->problems[i];
		if (p->loc.file)
			loc(err, &p->loc);
		else
			fputs("await-holding: ", err);
		fprintf(err, "%s: %s\n", problem_kind_name(p->kind), p->message);
	}
}
