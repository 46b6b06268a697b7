/*
 * srcfile.h - the text of the checked source files, read once per run
 * and kept by line, for what the writers show and compute after the
 * analysis: the source line under a diagnostic, the code a fingerprint
 * hashes, the uses of a guard that a help note counts.
 *
 * An unsaved buffer (--stdin-filename) is registered with
 * srcfile_set() and then stands for the file of that name.  Knows
 * nothing about libclang.
 */
#ifndef AWAIT_HOLDING_SRCFILE_H
#define AWAIT_HOLDING_SRCFILE_H

#include <stddef.h>

struct srcfiles;

/* An empty cache.  Never NULL. */
struct srcfiles *srcfile_new(void);
void srcfile_free(struct srcfiles *s);

/* Use a copy of 'text' ('len' bytes) as the contents of 'path'. */
void srcfile_set(struct srcfiles *s, const char *path, const char *text,
		 size_t len);

/*
 * Line 'line' (1-based) of 'path', without its line terminator; '*len'
 * gets its length.  NULL when the file cannot be read (the failure is
 * cached: it is not retried) or has no such line.  The memory is owned
 * by 's' and valid until srcfile_free().
 */
const char *srcfile_line(struct srcfiles *s, const char *path, unsigned line,
			 size_t *len);

/*
 * The whole text of 'path', NUL-terminated, or NULL when it cannot be
 * read; '*len' (may be NULL) gets its length.  Owned by 's'.
 */
const char *srcfile_text(struct srcfiles *s, const char *path, size_t *len);

/* The number of lines of 'path'; 0 when it cannot be read. */
unsigned srcfile_nlines(struct srcfiles *s, const char *path);

#endif
