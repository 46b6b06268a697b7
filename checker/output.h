/*
 * output.h - where the findings (or --dump-config) go: standard output,
 * or a file that is replaced only once everything was written.
 *
 * A file named with -o is written to a temporary file beside it, which
 * is renamed over it after the last byte is written and flushed; on any
 * error the temporary file is removed and the old file is left as it
 * was.  A destination that exists and is not a regular file (/dev/null,
 * a FIFO, a terminal) is written directly, and so is a writable file in
 * a directory where no temporary file may be made (then a failed write
 * leaves it truncated; the error is still reported).
 *
 * Standard output is checked by main.c at exit, for every mode alike.
 */
#ifndef AWAIT_HOLDING_OUTPUT_H
#define AWAIT_HOLDING_OUTPUT_H

#include <stdio.h>

struct output {
	FILE *fp;         /* write here between open and close */
	const char *path; /* the destination; NULL for standard output */
	char *dest;       /* what the temporary file replaces: 'path' with
			     symlinks resolved (malloc'd) */
	char *tmp;        /* the temporary file (malloc'd), or NULL when
			     writing directly */
};

/*
 * Start writing to 'path' (borrowed; must outlive 'o'), or to standard
 * output if 'path' is NULL.  Returns 0, or -1 after an error message
 * ("cannot write 'X': ...").
 */
int output_open(struct output *o, const char *path);

/*
 * Finish: flush, check that every write succeeded, close, and rename the
 * temporary file over the destination.  Returns 0, or -1 after an error
 * message, with the destination untouched.  For standard output only
 * nothing is done (see above) and 0 is returned.
 */
int output_close(struct output *o);

/*
 * Flush standard output and say whether anything written to it since
 * the start failed: 0, or -1 after an error message ("cannot write to
 * standard output: ...").
 */
int output_check_stdout(void);

#endif
