/*
 * querylog.h - a record of the questions one translation unit's walk
 * asked the configuration (rules.h): which names it matched against
 * which list, which top-level namespaces it declared, which names it
 * found in the wrong list.
 *
 * The project index (index.h) keeps this record with each file's views.
 * A later run that takes the file from the index instead of parsing it
 * replays the record on the file's configuration: the use counts come
 * out as if the file had been walked, so "matched nothing" warnings are
 * true for the whole index, and the names asked about give the
 * did-you-mean suggestions.
 *
 * Recording is per thread: querylog_begin() makes this thread's
 * rules_match() and friends note their questions in a log until
 * querylog_end().  (A thread-local pointer, not a parameter, so that the
 * walker's many calls into rules.c stay as they are.)
 */
#ifndef AWAIT_HOLDING_QUERYLOG_H
#define AWAIT_HOLDING_QUERYLOG_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "strmap.h"

struct rules;

/* ORDER QUERY_KIND */
enum query_kind {
	QUERY_MATCH,     /* rules_match(list, a = qualname, b = spelled) */
	QUERY_LOCK,      /* rules_match_lock(a = name) */
	QUERY_NAMESPACE, /* rules_note_namespaces(a = one name) */
	QUERY_MISUSE,    /* rules_note_misuse(list, a = name, b = what) */
	QUERY_KIND_COUNT
};

struct query {
	enum query_kind kind;
	int list;          /* enum rule_list, for MATCH and MISUSE; else 0 */
	const char *a, *b; /* either may be NULL, not both */
};

struct querylog {
	struct arena arena;  /* owns the strings and 'seen' keys */
	struct strmap seen;  /* one entry per distinct query */
	struct query *q;     /* malloc'd */
	size_t n, cap;
};

void querylog_init(struct querylog *log);
void querylog_release(struct querylog *log);

/* Send this thread's questions to 'log' (NULL: stop recording). */
void querylog_begin(struct querylog *log);
void querylog_end(void);

/* Called by rules.c: note a question if this thread is recording. */
void querylog_note(enum query_kind kind, int list, const char *a,
		   const char *b);

/*
 * Ask 'r' the 'n' questions again, counting uses as the walk did.
 * 'done' (zero-initialised storage, owned by the caller, keys in
 * 'keys') skips questions already replayed on this 'r'.
 */
void querylog_replay(struct rules *r, const struct query *q, size_t n,
		     struct strmap *done, struct arena *keys);

#endif
