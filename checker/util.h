/*
 * util.h - allocation that cannot fail, messages on stderr, growable
 * strings and whole-file reads.
 *
 * Three channels never mix: findings go to stdout (emit_*.c), tool errors
 * and warnings go to stderr through error()/warning()/die(), internal bugs
 * go through BUG(), which aborts.
 */
#ifndef AWAIT_HOLDING_UTIL_H
#define AWAIT_HOLDING_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* Allocation: these die() on out-of-memory, so callers never check. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * Make room for at least 'n' elements in the array 'p' of capacity 'cap'
 * (both lvalues), growing geometrically.  Dies on size overflow.
 */
#define ARRAY_GROW(p, n, cap)                                                  \
	do {                                                                   \
		if ((size_t)(n) > (size_t)(cap)) {                             \
			size_t ag_new_ = grow_capacity((cap), (n), sizeof(*(p))); \
			(p) = xrealloc((p), ag_new_ * sizeof(*(p)));           \
			(cap) = ag_new_;                                       \
		}                                                              \
	} while (0)
size_t grow_capacity(size_t cap, size_t need, size_t elem_size);

/*
 * Messages to stderr, prefixed "await-holding: error: " and so on.
 * error() returns -1 so that "return error(...)" works.  What is not
 * printable (control characters, invalid UTF-8: from file names or
 * configurations) is written as "\xNN" (strbuf_add_printable()).
 */
int error(const char *fmt, ...) ATTR_PRINTF(1, 2);
void warning(const char *fmt, ...) ATTR_PRINTF(1, 2);
_Noreturn void die(const char *fmt, ...) ATTR_PRINTF(1, 2);
#define BUG(...) bug_fl(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void bug_fl(const char *file, int line, const char *fmt, ...)
	ATTR_PRINTF(3, 4);

/*
 * Compiler-style message about a position in a text we read (a config
 * file, a compile database):
 *
 *   file:line:col: error: message
 *       the source line
 *       ^~~~
 *
 * 'severity' is "error", "warning" or "note"; 'text' is the whole file
 * (may be NULL: then no excerpt is shown); 'span' is the number of
 * columns to underline (0 or 1: just the caret).  Columns count bytes,
 * from 1.  A line longer than about 200 bytes is shown as a window of
 * 80 bytes either side of the column, with "..." where it was cut;
 * unprintable bytes of the line are shown as '?'.  Returns -1.
 */
int report_at(const char *file, const char *text, unsigned line, unsigned col,
	      unsigned span, const char *severity, const char *fmt, ...)
	ATTR_PRINTF(7, 8);

/* Turn a byte offset into 'text' into 1-based line and column. */
void offset_to_linecol(const char *text, size_t offset, unsigned *line,
		       unsigned *col);

/* A growable NUL-terminated string.  'buf' is never NULL after init. */
struct strbuf {
	char *buf;
	size_t len, cap;
};
void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) ATTR_PRINTF(2, 3);
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void strbuf_reset(struct strbuf *sb);
/*
 * Append the 'n' bytes at 's', each byte that is not part of a printable
 * UTF-8 character (C0 and C1 controls but tab, DEL, invalid UTF-8)
 * written as "\xNN": the result is valid UTF-8 and safe on a terminal.
 */
void strbuf_add_printable(struct strbuf *sb, const char *s, size_t n);
/* Would strbuf_add_printable() copy 's' unchanged? */
bool is_printable(const char *s, size_t n);
/* Hand over the buffer (caller frees); 'sb' is empty and needs strbuf_init() before reuse. */
char *strbuf_detach(struct strbuf *sb);

/*
 * Read a whole file into a NUL-terminated malloc'd buffer; '*len' (may
 * be NULL) gets its size.  Returns NULL with errno set on failure.
 */
char *read_file(const char *path, size_t *len);

/*
 * read_file() for inputs that must be regular files (a compile database,
 * a response file): a FIFO, a device or a directory is refused at once,
 * without blocking, and so is a file longer than 'limit' bytes.  Returns
 * NULL with '*why' set to a static description ("No such file or
 * directory", "not a regular file", "file too large"...).
 */
char *read_regular_file(const char *path, size_t *len, size_t limit,
			const char **why);

/*
 * Can 'path' be opened and read as a regular file (a source file to
 * check)?  NULL if so, else why not, as read_regular_file() says it.
 */
const char *why_unreadable(const char *path);

/*
 * Length in bytes (1-4) of the valid UTF-8 character at the start of the
 * 'n' bytes at 's'; 0 if they do not start with one (a stray
 * continuation byte, an overlong form, a surrogate, past U+10FFFF, cut
 * short).
 */
size_t utf8_char_len(const char *s, size_t n);

/* The directory part of 'path' ("." if none, "/" for "/x"); malloc'd. */
char *dir_of(const char *path);

/* Does 'path' name a regular file (after symlinks)?  errno is left as
 * stat() set it when it fails. */
bool is_regular_file(const char *path);

/* 1 if 's' starts with 'prefix' / ends with 'suffix'. */
int starts_with(const char *s, const char *prefix);
int ends_with(const char *s, const char *suffix);

/*
 * Run fn(arg) on 'n' threads at once, each with a 'stack'-byte stack, and
 * wait for them; returns the first thread's result.  clang's parser and
 * our walk recurse as deep as the code nests, and machine-written code
 * nests deeper than a default 8 MiB stack allows.  If no thread can be
 * made, fn runs once on the calling thread.
 */
int run_on_threads(int (*fn)(void *), void *arg, int n, size_t stack);

/* Levenshtein distance, for did-you-mean suggestions. */
size_t edit_distance(const char *a, const char *b);

#endif
