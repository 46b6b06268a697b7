/*
 * hash.h - FNV-1a, 64 bits: the content hash of the project index
 * (index.h) and the checksum of its entries.
 *
 * FNV-1a is small, well known and good enough to tell file versions
 * apart; it is not meant to resist an attacker who writes both versions.
 * Reference: Fowler, Noll, Vo, "FNV hash" (IETF draft
 * draft-eastlake-fnv); offset basis 0xcbf29ce484222325, prime 0x100000001b3.
 */
#ifndef AWAIT_HOLDING_HASH_H
#define AWAIT_HOLDING_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_INIT UINT64_C(0xcbf29ce484222325)

/* Continue hash 'h' (start from HASH_INIT) over 'n' bytes of 'p'. */
uint64_t hash_bytes(uint64_t h, const void *p, size_t n);

/* Continue 'h' over the string 's' and its terminating NUL, so that
 * ("ab", "c") and ("a", "bc") hash differently. */
uint64_t hash_str(uint64_t h, const char *s);

/* Continue 'h' over a 64-bit number (little-endian bytes). */
uint64_t hash_u64(uint64_t h, uint64_t v);

/*
 * Hash the contents of the file at 'path' into '*out'; its size goes to
 * '*size' (may be NULL).  Returns 0, or -1 with errno set when it cannot
 * be read.  Prints nothing.
 */
int hash_file(const char *path, uint64_t *out, uint64_t *size);

/* 16 lowercase hex digits and a NUL into 'buf'. */
void hash_hex(uint64_t h, char buf[17]);

#endif
