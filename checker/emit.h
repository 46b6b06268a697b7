/*
 * emit.h - writers for the findings: text (clang's format), JSON (our
 * schema, README.md) and SARIF 2.1.0 (for CI annotators).
 *
 * One struct per format behind the same two calls, as ctags' writers.
 * Problems (files that did not parse) go to stderr in every format; the
 * JSON writer also lists them, so a tool reading only stdout sees them.
 */
#ifndef AWAIT_HOLDING_EMIT_H
#define AWAIT_HOLDING_EMIT_H

#include <stdio.h>

struct diag_list;

struct emitter {
	const char *name;  /* as given to --format */
	/* Write every finding in 'l' (sorted) to 'out'. */
	void (*write)(FILE *out, const struct diag_list *l);
};

extern const struct emitter emit_text;
extern const struct emitter emit_json;
extern const struct emitter emit_sarif;

/* Print the problems of 'l' to 'err' in clang's format. */
void emit_problems(FILE *err, const struct diag_list *l);

#endif
