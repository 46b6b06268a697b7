/*
 * strmap.c - string -> pointer map, FNV-1a hashed, linear probing.
 */
#include "common.h"
#include "strmap.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

void strmap_release(struct strmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

struct strmap_slot *strmap_find(struct strmap *m, const char *key, bool insert)
{
	if (insert && (m->n + 1) * 2 > m->cap) {
		struct strmap old = *m;
		m->cap = old.cap ? old.cap * 2 : 64;
		m->slots = xcalloc(m->cap, sizeof(*m->slots));
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.slots[i].key)
				*strmap_find(m, old.slots[i].key, true) =
					old.slots[i];
		free(old.slots);
	}
	if (!m->cap)
		return NULL;
	for (size_t i = hash(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		struct strmap_slot *s = &m->slots[i];
		if (!s->key) {
			if (!insert)
				return NULL;
			s->key = key;
			s->val = NULL;
			m->n++;
			return s;
		}
		if (!strcmp(s->key, key))
			return s;
	}
}

struct strmap_slot *strmap_next(const struct strmap *m, size_t *pos)
{
	while (*pos < m->cap) {
		struct strmap_slot *s = &m->slots[(*pos)++];
		if (s->key)
			return s;
	}
	return NULL;
}
