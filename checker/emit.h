/*
 * emit.h - writers for the findings: text (clang's format), JSON (our
 * schema, README.md), SARIF 2.1.0 (for code scanning) and GitHub
 * workflow commands (annotations).
 *
 * One struct per format behind the same call, as ctags' writers.  What
 * a writer needs beyond the findings (where the source root is, whether
 * to colour, the source text) comes in a struct emit_ctx that the driver
 * fills once.  Problems (files that did not parse) go to stderr in every
 * format; the JSON and SARIF writers also list them, so a tool reading
 * only the document sees them.
 */
#ifndef AWAIT_HOLDING_EMIT_H
#define AWAIT_HOLDING_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct diag_list;
struct finding;
struct srcfiles;

/* Text shows this many suspension points of a finding, then "and N more". */
#define EMIT_MAX_POINTS 10

struct emit_ctx {
	const char *source_root; /* absolute, normalised: SARIF uris and
				    fingerprints are relative to it; NULL:
				    the current directory */
	struct srcfiles *src;    /* source text (may be NULL: no excerpts,
				    fingerprints hash names only) */
	bool color;              /* text: ANSI colours (clang's) */
	bool show_source;        /* text: source line and caret under each
				    location (clang's excerpt) */
	bool help;               /* text: a "help:" note after each finding */
	bool explain;            /* text: after an indirect suspension's
				    note, one note per other first hop
				    (struct suspension's 'hops') */
	size_t max_points;       /* text: suspension points listed per
				    finding; 0: all */
	bool incomplete;         /* some file was not checked (SARIF:
				    executionSuccessful false) */
};

struct emitter {
	const char *name;  /* as given to --format */
	/*
	 * Write every finding in 'l' (sorted) to 'out'.  Findings may come
	 * in several calls (one per file, streamed) only for writers with
	 * 'streams' set; the others get all of them in one call.
	 */
	void (*write)(FILE *out, const struct diag_list *l,
		      const struct emit_ctx *ctx);
	bool streams;
};

extern const struct emitter emit_text;
extern const struct emitter emit_json;
extern const struct emitter emit_sarif;
extern const struct emitter emit_github;

/* The writer called 'name' ("text", "json", "sarif", "github"), or NULL. */
const struct emitter *emit_find(const char *name);

/*
 * JSON documents with many findings, written one element at a time so
 * that memory holds the tree of one finding, not of all: 'root' holds,
 * in the array that the elements go to, the one string EMIT_SLOT (and
 * nowhere else); 'item(i, arg)' makes element i < n, which is printed
 * there, formatted as cJSON_Print() would, and deleted.  'root' is not
 * changed.  Dies on out-of-memory.
 */
struct cJSON;
#define EMIT_SLOT "\001await-holding-elements\001"
void emit_json_with_elements(FILE *out, const struct cJSON *root, size_t n,
			     struct cJSON *(*item)(size_t i, void *arg),
			     void *arg);

/* Print the problems of 'l' to 'err' in clang's format. */
void emit_problems(FILE *err, const struct diag_list *l);

#endif
