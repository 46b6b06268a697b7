/*
 * hash.c - FNV-1a 64 over bytes, strings and files (hash.h).
 */
#include "common.h"
#include "hash.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define FNV_PRIME UINT64_C(0x100000001b3)

uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		h ^= b[i];
		h *= FNV_PRIME;
	}
	return h;
}

uint64_t hash_str(uint64_t h, const char *s)
{
	if (!s)
		return hash_bytes(h, "\xff", 1); /* NULL differs from "" */
	return hash_bytes(h, s, strlen(s) + 1);
}

uint64_t hash_u64(uint64_t h, uint64_t v)
{
	unsigned char b[8];
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	return hash_bytes(h, b, sizeof(b));
}

int hash_file(const char *path, uint64_t *out, uint64_t *size)
{
	unsigned char buf[1 << 16];
	uint64_t h = HASH_INIT, total = 0;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		if (n == 0)
			break;
		h = hash_bytes(h, buf, (size_t)n);
		total += (uint64_t)n;
	}
	close(fd);
	*out = h;
	if (size)
		*size = total;
	return 0;
}

void hash_hex(uint64_t h, char buf[17])
{
	snprintf(buf, 17, "%016llx", (unsigned long long)h);
}
