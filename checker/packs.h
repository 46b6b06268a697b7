/*
 * packs.h - the rule packs (every rules/NAME.toml), compiled into the binary
 * (CMake generates packs.c from them), so the binary alone suffices.
 */
#ifndef AWAIT_HOLDING_PACKS_H
#define AWAIT_HOLDING_PACKS_H

#include <stddef.h>

struct pack {
	const char *name;           /* "std" for rules/std.toml */
	const unsigned char *text;  /* the file's bytes; not NUL-terminated */
	size_t len;
};

extern const struct pack rule_packs[];
extern const size_t nrule_packs;

#endif
