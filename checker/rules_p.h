/*
 * rules_p.h - what rules.c (matching) and rules_load.c (loading) share.
 * Only those two files include it.
 */
#ifndef AWAIT_HOLDING_RULES_P_H
#define AWAIT_HOLDING_RULES_P_H

#include <stddef.h>

#include "rules.h"

/* ORDER RULE_LIST: the key of each list, NULL-terminated. */
extern const char *const rules_list_keys[RL_COUNT + 1];

/*
 * 'path' as entries are kept: without a leading "::" and without blanks
 * (so "a<b, c>" and "a<b,c>" compare equal).  Returns memory owned by
 * r->arena.
 */
const char *rules_normalize_path(struct rules *r, const char *path);

/*
 * Compile 'regex' as the header filter, replacing any earlier one.  On
 * failure, returns -1 with the reason in 'msg' and leaves 'r' as it was.
 */
int rules_compile_header_filter(struct rules *r, const char *regex, char *msg,
				size_t msg_size);

#endif
