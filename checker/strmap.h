/*
 * strmap.h - a string -> pointer hash map (open addressing).  Keys are
 * borrowed: they must outlive the map.
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

#endif
