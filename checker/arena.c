/*
 * arena.c - bump allocator: blocks freed together.  The first block is
 * small and each new one twice the last, up to 64 KiB: a run keeps one
 * arena per checked file, and most hold only a few functions.
 */
#include "common.h"
#include "arena.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	struct arena_block *next;
	max_align_t data[]; /* the usable space */
};

#define ARENA_BLOCK (64 * 1024)
#define ARENA_FIRST_BLOCK (2 * 1024)
#define ARENA_ALIGN (sizeof(max_align_t))

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->cur = a->end = NULL;
	a->next_size = ARENA_FIRST_BLOCK;
}

void arena_release(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	arena_init(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	size_t need = (n + ARENA_ALIGN - 1) / ARENA_ALIGN * ARENA_ALIGN;
	if (need < n)
		die("arena allocation overflow");
	if (!a->cur || (size_t)(a->end - a->cur) < need) {
		size_t block = a->next_size ? a->next_size : ARENA_FIRST_BLOCK;
		size_t size = need > block ? need : block;
		struct arena_block *b =
			xmalloc(sizeof(struct arena_block) + size);
		if (need > block / 4 && a->head) {
			/* big one-off: keep the current block for small ones */
			b->next = a->head->next;
			a->head->next = b;
			memset(b->data, 0, need);
			return b->data;
		}
		b->next = a->head;
		a->head = b;
		a->cur = (char *)b->data;
		a->end = a->cur + size;
		if (block < ARENA_BLOCK)
			a->next_size = block * 2;
	}
	void *p = a->cur;
	a->cur += need;
	memset(p, 0, need);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		BUG("vsnprintf failed");
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void *arena_memdup(struct arena *a, const void *src, size_t n)
{
	void *p = arena_alloc(a, n);
	if (n)
		memcpy(p, src, n);
	return p;
}

void *arena_grow(struct arena *a, void *p, size_t n, size_t *cap,
		 size_t elem_size)
{
	if (n <= *cap)
		return p;
	size_t new_cap = grow_capacity(*cap, n, elem_size);
	void *q = arena_alloc(a, new_cap * elem_size);
	if (*cap)
		memcpy(q, p, *cap * elem_size);
	*cap = new_cap;
	return q;
}
