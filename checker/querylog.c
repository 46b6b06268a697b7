/*
 * querylog.c - record configuration questions per thread and replay them
 * (querylog.h).
 */
#include "common.h"
#include "querylog.h"
#include "rules.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The log this thread records into, between querylog_begin() and _end(). */
static _Thread_local struct querylog *recording;

void querylog_init(struct querylog *log)
{
	memset(log, 0, sizeof(*log));
	arena_init(&log->arena);
}

void querylog_release(struct querylog *log)
{
	strmap_release(&log->seen);
	free(log->q);
	arena_release(&log->arena);
	memset(log, 0, sizeof(*log));
}

void querylog_begin(struct querylog *log)
{
	recording = log;
}

void querylog_end(void)
{
	recording = NULL;
}

/* One string per distinct question, for de-duplication. */
static const char *query_key(struct arena *a, enum query_kind kind, int list,
			     const char *x, const char *y)
{
	return arena_printf(a, "%d|%d|%c%s|%c%s", (int)kind, list,
			    x ? '+' : '-', x ? x : "", y ? '+' : '-', y ? y : "");
}

void querylog_note(enum query_kind kind, int list, const char *a,
		   const char *b)
{
	struct querylog *log = recording;
	if (!log || (!a && !b))
		return;
	const char *key = query_key(&log->arena, kind, list, a, b);
	struct strmap_slot *slot = strmap_find(&log->seen, key, true);
	if (slot->val)
		return;
	slot->val = (void *)key;
	ARRAY_GROW(log->q, log->n + 1, log->cap);
	log->q[log->n++] = (struct query){
		kind, list, a ? arena_strdup(&log->arena, a) : NULL,
		b ? arena_strdup(&log->arena, b) : NULL
	};
}

void querylog_replay(struct rules *r, const struct query *q, size_t n,
		     struct strmap *done, struct arena *keys)
{
	for (size_t i = 0; i < n; i++) {
		const struct query *e = &q[i];
		const char *key = query_key(keys, e->kind, e->list, e->a, e->b);
		struct strmap_slot *slot = strmap_find(done, key, true);
		if (slot->val)
			continue;
		slot->val = (void *)key;
		bool acquire;
		char *name = (char *)e->a;
		switch (e->kind) {
		case QUERY_MATCH:
			if (e->list >= 0 && e->list < RL_COUNT)
				rules_match(r, (enum rule_list)e->list, e->a, e->b);
			break;
		case QUERY_LOCK:
			if (e->a)
				rules_match_lock(r, e->a, &acquire);
			break;
		case QUERY_NAMESPACE:
			if (e->a)
				rules_note_namespaces(r, &name, 1);
			break;
		case QUERY_MISUSE:
			if (e->list >= 0 && e->list < RL_COUNT && e->a && e->b)
				rules_note_misuse(r, (enum rule_list)e->list,
						  e->a, e->b);
			break;
		case QUERY_KIND_COUNT:
			break;
		}
	}
}
