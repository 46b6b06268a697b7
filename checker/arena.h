/*
 * arena.h - bump allocator.
 *
 * Two lifetimes use one each: the run (rules, compile database,
 * diagnostics) and the translation unit (everything walk, flow and
 * lifetime build).  Nothing allocated from an arena is freed on its own;
 * arena_release() frees it all at once.
 */
#ifndef AWAIT_HOLDING_ARENA_H
#define AWAIT_HOLDING_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head; /* newest block first */
	char *cur, *end;          /* free space in 'head' */
	size_t next_size;         /* size of the next block: 2 KiB first,
				     doubling up to 64 KiB */
};

/* An empty arena: nothing is allocated until the first arena_alloc(). */
void arena_init(struct arena *a);
/* Free every block; 'a' is ready for reuse afterwards. */
void arena_release(struct arena *a);

/* Zeroed memory, aligned for any type; dies on OOM.  Owned by 'a'. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) ATTR_PRINTF(2, 3);
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);

/* Copy 'n' bytes from 'src' into 'a'. */
void *arena_memdup(struct arena *a, const void *src, size_t n);

/*
 * ARRAY_GROW (util.h) for an array that lives in 'a': make room for at
 * least 'n' elements in 'p' of capacity 'cap' (both lvalues; 'cap' a
 * size_t).  A grown array is a copy; the old one stays in the arena.
 */
#define ARENA_GROW(a, p, n, cap) \
	((p) = arena_grow((a), (p), (n), &(cap), sizeof(*(p))))
void *arena_grow(struct arena *a, void *p, size_t n, size_t *cap,
		 size_t elem_size);

#endif
