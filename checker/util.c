/*
 * util.c - allocation, stderr messages, strbuf, file reading.
 */
#include "common.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("out of memory (allocating %zu bytes)", n);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		die("out of memory (allocating %zu x %zu bytes)", nmemb, size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die("out of memory (allocating %zu bytes)", n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

size_t grow_capacity(size_t cap, size_t need, size_t elem_size)
{
	size_t n = cap < 8 ? 8 : cap;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			die("array size overflow");
		n *= 2;
	}
	if (elem_size && n > SIZE_MAX / elem_size)
		die("array size overflow");
	return n;
}

/* Length of the printable character at 's' (see strbuf_add_printable()), 0 if none. */
static size_t printable_len(const char *s, size_t n)
{
	unsigned char c = (unsigned char)*s;
	if (c < 0x80)
		return (c >= 0x20 && c != 0x7f) || c == '\t';
	size_t len = utf8_char_len(s, n);
	/* C1 controls, U+0080-U+009F: CSI (U+009B) starts escape sequences */
	if (len == 2 && c == 0xc2 && (unsigned char)s[1] < 0xa0)
		return 0;
	return len;
}

bool is_printable(const char *s, size_t n)
{
	for (size_t i = 0, k; i < n; i += k)
		if (!(k = printable_len(s + i, n - i)))
			return false;
	return true;
}

void strbuf_add_printable(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0, k; i < n; i += k) {
		k = printable_len(s + i, n - i);
		if (k) {
			strbuf_add(sb, s + i, k);
		} else {
			strbuf_addf(sb, "\\x%02x", (unsigned char)s[i]);
			k = 1;
		}
	}
}

static void vreport(const char *prefix, const char *fmt, va_list ap)
{
	struct strbuf msg, out;
	strbuf_init(&msg);
	strbuf_init(&out);
	strbuf_vaddf(&msg, fmt, ap);
	strbuf_add_printable(&out, msg.buf, msg.len);
	fprintf(stderr, "await-holding: %s%s\n", prefix, out.buf);
	strbuf_release(&msg);
	strbuf_release(&out);
}

int error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("error: ", fmt, ap);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("warning: ", fmt, ap);
	va_end(ap);
}

void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("fatal: ", fmt, ap);
	va_end(ap);
	exit(2);
}

void bug_fl(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "BUG: %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void offset_to_linecol(const char *text, size_t offset, unsigned *line,
		       unsigned *col)
{
	unsigned l = 1, c = 1;
	for (size_t i = 0; i < offset && text[i]; i++) {
		if (text[i] == '\n') {
			l++;
			c = 1;
		} else {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/*
 * Echo the line 'p'..'end' with a caret under column 'col' (bytes, from
 * 1) and 'span' columns underlined.  A long line is cut to a window
 * around the column; bytes that are not printable are shown as '?', so
 * that nothing from the file reaches the terminal as a control sequence
 * and the caret stays under its byte.
 */
static void echo_line(const char *p, const char *end, unsigned col,
		      unsigned span)
{
	enum { WINDOW = 80 };   /* bytes either side of the column */
	size_t len = (size_t)(end - p), at = col ? col - 1 : 0;
	size_t from = 0, to = len;
	struct strbuf sb;

	if (at > len)
		at = len;
	if (len > 2 * WINDOW + 40) {
		from = at > WINDOW ? at - WINDOW : 0;
		to = at + WINDOW < len ? at + WINDOW : len;
	}
	strbuf_init(&sb);
	strbuf_adds(&sb, "    ");
	if (from)
		strbuf_adds(&sb, "...");
	for (size_t i = from, k; i < to; i += k) {
		k = printable_len(p + i, to - i);
		if (k) {
			strbuf_add(&sb, p + i, k);
		} else {
			strbuf_addc(&sb, '?');
			k = 1;
		}
	}
	if (to < len)
		strbuf_adds(&sb, "...");
	strbuf_adds(&sb, "\n    ");
	if (from)
		strbuf_adds(&sb, "   ");
	for (size_t i = from; i < at; i++)
		strbuf_addc(&sb, p[i] == '\t' ? '\t' : ' ');
	strbuf_addc(&sb, '^');
	for (unsigned i = 1; i < span; i++)
		strbuf_addc(&sb, '~');
	strbuf_addc(&sb, '\n');
	fputs(sb.buf, stderr);
	strbuf_release(&sb);
}

int report_at(const char *file, const char *text, unsigned line, unsigned col,
	      unsigned span, const char *severity, const char *fmt, ...)
{
	struct strbuf head, out;
	va_list ap;

	strbuf_init(&head);
	strbuf_init(&out);
	strbuf_addf(&head, "%s:%u:%u: %s: ", file, line, col, severity);
	va_start(ap, fmt);
	strbuf_vaddf(&head, fmt, ap);
	va_end(ap);
	strbuf_add_printable(&out, head.buf, head.len);
	strbuf_addc(&out, '\n');
	fputs(out.buf, stderr);
	strbuf_release(&head);
	strbuf_release(&out);
	if (!text || !line)
		return -1;

	const char *p = text;
	for (unsigned l = 1; l < line && *p; p++)
		if (*p == '\n')
			l++;
	const char *end = p;
	while (*end && *end != '\n' && *end != '\r')
		end++;
	echo_line(p, end, col, span);
	return -1;
}

void strbuf_init(struct strbuf *sb)
{
	sb->cap = 64;
	sb->len = 0;
	sb->buf = xmalloc(sb->cap);
	sb->buf[0] = '\0';
}

void strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

void strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	ARRAY_GROW(sb->buf, sb->len + n + 1, sb->cap);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addc(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		BUG("vsnprintf failed");
	if ((size_t)n >= sb->cap - sb->len) {
		ARRAY_GROW(sb->buf, sb->len + (size_t)n + 1, sb->cap);
		vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	}
	sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->buf[0] = '\0';
}

char *strbuf_detach(struct strbuf *sb)
{
	char *p = sb->buf;
	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return p;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb;
	char chunk[8192];
	size_t n;

	if (!f)
		return NULL;
	strbuf_init(&sb);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(&sb, chunk, n);
	if (ferror(f)) {
		int e = errno;
		fclose(f);
		strbuf_release(&sb);
		errno = e ? e : EIO;
		return NULL;
	}
	fclose(f);
	if (len)
		*len = sb.len;
	return sb.buf;
}

/* Why the open file 'fd' is no regular file to read, or NULL. */
static const char *fd_not_regular(int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0)
		return strerror(errno);
	if (S_ISDIR(st.st_mode))
		return strerror(EISDIR);
	if (!S_ISREG(st.st_mode))
		return "not a regular file";
	return NULL;
}

/* open() for reading; a FIFO must not wait for a writer. */
static int open_to_read(const char *path)
{
	return open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
}

const char *why_unreadable(const char *path)
{
	int fd = open_to_read(path);
	if (fd < 0)
		return strerror(errno);
	const char *why = fd_not_regular(fd);
	close(fd);
	return why;
}

char *read_regular_file(const char *path, size_t *len, size_t limit,
			const char **why)
{
	int fd = open_to_read(path);
	struct strbuf sb;
	char chunk[8192];
	ssize_t n;

	if (fd < 0) {
		*why = strerror(errno);
		return NULL;
	}
	if ((*why = fd_not_regular(fd))) {
		close(fd);
		return NULL;
	}
	strbuf_init(&sb);
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || sb.len + (size_t)n > limit) {
			*why = n < 0 ? strerror(errno) : "file too large";
			close(fd);
			strbuf_release(&sb);
			return NULL;
		}
		strbuf_add(&sb, chunk, (size_t)n);
	}
	close(fd);
	if (len)
		*len = sb.len;
	return sb.buf;
}

size_t utf8_char_len(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned code, min;
	size_t len;

	if (!n)
		return 0;
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2; code = p[0] & 0x1f; min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3; code = p[0] & 0x0f; min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4; code = p[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		code = code << 6 | (p[i] & 0x3f);
	}
	if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
		return 0;
	return len;
}

char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

bool is_regular_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *row = xmalloc((lb + 1) * sizeof(*row));

	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	size_t d = row[lb];
	free(row);
	return d;
}

struct thread_call {
	int (*fn)(void *);
	void *arg;
	int ret;
};

static void *thread_main(void *p)
{
	struct thread_call *c = p;
	c->ret = c->fn(c->arg);
	return NULL;
}

int run_on_threads(int (*fn)(void *), void *arg, int n, size_t stack)
{
	struct thread_call *calls = xcalloc((size_t)(n > 0 ? n : 1), sizeof(*calls));
	pthread_t *threads = xcalloc((size_t)(n > 0 ? n : 1), sizeof(*threads));
	pthread_attr_t attr;
	int started = 0, ret;

	if (pthread_attr_init(&attr) == 0) {
		if (pthread_attr_setstacksize(&attr, stack) == 0)
			for (; started < n; started++) {
				calls[started] = (struct thread_call){ fn, arg, 0 };
				if (pthread_create(&threads[started], &attr,
						   thread_main, &calls[started]) != 0)
					break;
			}
		pthread_attr_destroy(&attr);
	}
	for (int i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	ret = started ? calls[0].ret : fn(arg);
	free(threads);
	free(calls);
	return ret;
}
