/*
 * strmap.h - a string -> pointer hash map (open addressing).  Keys are
 * borrowed: they must outlive the map.  Values are the caller's: the map
 * never frees them.
 *
 * The fields of struct strmap are the map's own: read entries through
 * strmap_find() and strmap_next(), not through 'slots'.
 */
#ifndef AWAIT_HOLDING_STRMAP_H
#define AWAIT_HOLDING_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

struct strmap_slot {
	const char *key;
	void *val;
};

struct strmap {
	struct strmap_slot *slots;
	size_t n, cap;
};

/* Zero-initialised storage is an empty map. */
void strmap_release(struct strmap *m);

/*
 * The slot for 'key'; with 'insert', a new slot (val = NULL) is made if
 * absent, otherwise NULL is returned.  Inserting invalidates earlier
 * slot pointers.
 */
struct strmap_slot *strmap_find(struct strmap *m, const char *key, bool insert);

/*
 * Each entry of 'm' once, in no particular order (the same order for the
 * same insertions).  Start with '*pos' = 0; returns NULL after the last
 * entry.  Inserting during the loop invalidates it; changing 'val' does
 * not.
 *
 *	size_t pos = 0;
 *	for (struct strmap_slot *s; (s = strmap_next(&map, &pos));)
 *		use(s->key, s->val);
 */
struct strmap_slot *strmap_next(const struct strmap *m, size_t *pos);

#endif
