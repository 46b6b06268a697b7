/*
 * fingerprint.c - hash the parts of a finding that do not move with
 * unrelated edits (fingerprint.h).  Two 64-bit FNV-1a hashes with
 * different offset bases make 128 bits: collisions between the findings
 * of one project are not a concern, and nothing here is adversarial.
 */
#include "common.h"
#include "fingerprint.h"
#include "arena.h"
#include "compdb.h"
#include "diag.h"
#include "scan.h"
#include "srcfile.h"
#include "srcroot.h"
#include "strmap.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

const char *fingerprint_normalise(struct arena *a, const char *line,
				  size_t len)
{
	char *out = arena_alloc(a, len + 1);
	size_t n = 0;
	struct scanner sc;
	struct scan_piece pc;

	scan_init(&sc, line, 0, len);
	while (scan_next(&sc, &pc)) {
		if (pc.kind == SCAN_COMMENT)
			continue;
		for (size_t i = pc.start; i < pc.end; i++) {
			char c = line[i];
			if (pc.kind == SCAN_CODE &&
			    (c == ' ' || c == '\t' || c == '\f' || c == '\v' ||
			     c == '\r' || c == '\n'))
				continue;
			out[n++] = c;
		}
	}
	out[n] = '\0';
	return out;
}

struct hash {
	uint64_t h1, h2;
};

static void hash_add(struct hash *h, const char *s)
{
	/* each part ends with a NUL, so ("ab","c") and ("a","bc") differ */
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	do {
		h->h1 = (h->h1 ^ *p) * 0x100000001b3ULL;
		h->h2 = (h->h2 ^ *p) * 0x100000001b3ULL;
	} while (*p++);
}

static const char *base_print(struct arena *a, const struct finding *f,
			      const char *root, struct srcfiles *src)
{
	struct hash h = { 0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL };
	const char *rel = srcroot_relative(a, root, f->loc.file);
	const char *code = NULL;
	size_t len;
	const char *line = src ? srcfile_line(src, f->loc.file, f->loc.line,
					      &len)
			       : NULL;
	if (line)
		code = fingerprint_normalise(a, line, len);
	unsigned kinds = 0;
	for (size_t k = 0; k < f->nsusp; k++)
		kinds |= 1u << f->susp[k].kind;

	hash_add(&h, "await-holding/v1");
	hash_add(&h, rel ? rel : compdb_abspath(a, NULL, f->loc.file));
	hash_add(&h, f->function);
	hash_add(&h, f->instance);
	hash_add(&h, f->name);
	hash_add(&h, f->type);
	hash_add(&h, f->matched);
	hash_add(&h, f->via);
	for (unsigned k = 0; k < 32; k++)
		if (kinds & (1u << k))
			hash_add(&h, suspend_kind_name((enum suspend_kind)k));
	hash_add(&h, code);
	return arena_printf(a, "%016llx%016llx", (unsigned long long)h.h1,
			    (unsigned long long)h.h2);
}

const char **fingerprint_all(struct arena *a, const struct diag_list *l,
			     const char *root, struct srcfiles *src)
{
	const char **out = arena_alloc(a, (l->nfindings + 1) * sizeof(*out));
	struct strmap seen = { 0 };
	for (size_t i = 0; i < l->nfindings; i++) {
		const char *base = base_print(a, &l->findings[i], root, src);
		struct strmap_slot *s = strmap_find(&seen, base, true);
		uintptr_t n = (uintptr_t)s->val + 1;
		s->val = (void *)n;
		out[i] = arena_printf(a, "%s:%lu", base, (unsigned long)n);
	}
	strmap_release(&seen);
	return out;
}
