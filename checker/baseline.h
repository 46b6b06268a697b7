/*
 * baseline.h - known findings recorded in a file, so that a run reports
 * only new ones (--write-baseline FILE, --baseline FILE).
 *
 * A baseline is a JSON document listing the findings' fingerprints
 * (fingerprint.h), with their file, line and message for people reading
 * it:
 *
 *   {"tool": "await-holding", "version": 1,
 *    "findings": [{"fingerprint": "<hex>:1", "file": "src/a.cpp",
 *                  "line": 5, "message": "..."}]}
 *
 * Findings are matched by fingerprint, never by line: code inserted
 * above a known finding keeps it matched, a new guard in the same
 * function is new.  Each recorded fingerprint matches one finding.
 */
#ifndef AWAIT_HOLDING_BASELINE_H
#define AWAIT_HOLDING_BASELINE_H

#include <stddef.h>

#include "strmap.h"
#include "arena.h"

struct diag_list;

struct baseline {
	struct arena arena;   /* keys of 'known' */
	struct strmap known;  /* fingerprint -> non-NULL */
	size_t n;
};

/*
 * Read 'path' into 'b' (need not be initialised).  On error print
 * "cannot read baseline" or "path:line:col: error: not an await-holding
 * baseline: ..." (invalid JSON likewise, at its position) and return -1;
 * 'b' is then empty but must still be released.
 */
int baseline_load(struct baseline *b, const char *path);
void baseline_release(struct baseline *b);

/*
 * Remove from 'l' every finding whose fingerprint (fps[i], as from
 * fingerprint_all() over 'l') is in 'b'; the remaining findings keep
 * their order, and so do their fingerprints in 'fps'.  Returns the
 * number removed.
 */
size_t baseline_filter(const struct baseline *b, struct diag_list *l,
		       const char **fps);

/*
 * Write the findings of 'l' with their fingerprints 'fps' to 'path';
 * 'root' as for srcroot_relative().  Returns 0, or -1 after printing
 * why the file could not be written.
 */
int baseline_write(const char *path, const struct diag_list *l,
		   const char **fps, const char *root);

#endif
