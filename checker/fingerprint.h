/*
 * fingerprint.h - a finding's identity that survives unrelated edits,
 * for SARIF partialFingerprints and for baselines.
 *
 * A fingerprint hashes what the finding is, not where it is: the file
 * (relative to the source root), the enclosing function, the guard (its
 * name and type, the rule that matched), the kinds of its suspension
 * points, and the guard's line of code with whitespace and comments
 * removed.  Inserting lines above a finding keeps it; renaming the guard,
 * changing its type or its line, or moving it to another function gives
 * a new one.  Findings that hash alike (two identical guards in one
 * function) are told apart by their order: the text is
 * "<32 hex digits>:<n>", n counting from 1 in sorted order, as GitHub's
 * primaryLocationLineHash does.
 */
#ifndef AWAIT_HOLDING_FINGERPRINT_H
#define AWAIT_HOLDING_FINGERPRINT_H

#include <stddef.h>

struct arena;
struct diag_list;
struct srcfiles;

/* The key under which SARIF carries the fingerprint. */
#define FINGERPRINT_KEY "awaitHolding/v1"

/*
 * The fingerprint of each finding of 'l' (sorted), in order: an array of
 * l->nfindings strings owned by 'a'.  'root' as for srcroot_relative();
 * 'src' gives the code (NULL or an unreadable file: the code is left
 * out).
 */
const char **fingerprint_all(struct arena *a, const struct diag_list *l,
			     const char *root, struct srcfiles *src);

/*
 * 'line' ('len' bytes) without its comments (scan.c's) and without the
 * whitespace outside string and character literals.  Returns memory
 * owned by 'a'.
 */
const char *fingerprint_normalise(struct arena *a, const char *line,
				  size_t len);

#endif
