/*
 * output.c - findings to standard output or to a file replaced whole
 * (see output.h).
 */
#include "common.h"
#include "output.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * A descriptor above 2: if standard output was closed, a file opened
 * now would become it, and printf() would write into that file.
 */
static int above_stdio(int fd)
{
	if (fd < 0 || fd > 2)
		return fd;
	int moved = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	int saved = errno;
	close(fd);
	errno = saved;
	return moved;
}

/* "<dir of target>/.<name>.XXXXXX", malloc'd. */
static char *temp_name(const char *target)
{
	const char *slash = strrchr(target, '/');
	size_t dir_len = slash ? (size_t)(slash - target) + 1 : 0;
	const char *base = slash ? slash + 1 : target;
	char *t = xmalloc(dir_len + strlen(base) + 10);
	memcpy(t, target, dir_len);
	sprintf(t + dir_len, ".%s.XXXXXX", base);
	return t;
}

/* The mode a new file gets from open(..., 0666): the umask applied. */
static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

/* Write to o->path itself, truncating it. */
static int open_directly(struct output *o)
{
	int fd = above_stdio(open(o->path, O_WRONLY | O_CREAT | O_TRUNC |
					      O_CLOEXEC, 0666));
	if (fd < 0 || !(o->fp = fdopen(fd, "w"))) {
		int saved = errno;
		if (fd >= 0)
			close(fd);
		return error("cannot write '%s': %s", o->path, strerror(saved));
	}
	errno = 0; /* what a failed write sets is what output_close() says */
	return 0;
}

int output_open(struct output *o, const char *path)
{
	struct stat st;
	char *real = NULL;
	int fd;

	memset(o, 0, sizeof(*o));
	o->path = path;
	if (!path) {
		o->fp = stdout;
		return 0;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return open_directly(o); /* a device or a FIFO */
	/* through a symlink, replace its target, not the link */
	real = realpath(path, NULL);
	o->dest = real ? real : xstrdup(path);
	o->tmp = temp_name(o->dest);
	fd = above_stdio(mkstemp(o->tmp));
	if (fd < 0 && errno == EACCES && access(o->dest, W_OK) == 0) {
		/* a writable file in a directory we may not add to */
		free(o->tmp);
		free(o->dest);
		o->tmp = o->dest = NULL;
		return open_directly(o);
	}
	if (fd < 0)
		goto fail;
	/* keep an existing file's mode; mkstemp() made it 0600 */
	(void)fchmod(fd, stat(o->dest, &st) == 0 ? st.st_mode & 07777
						 : new_file_mode());
	if (!(o->fp = fdopen(fd, "w"))) {
		int saved = errno;
		close(fd);
		unlink(o->tmp);
		errno = saved;
		goto fail;
	}
	errno = 0; /* what a failed write sets is what output_close() says */
	return 0;
fail:
	error("cannot write '%s': %s", path, strerror(errno));
	free(o->tmp);
	free(o->dest);
	memset(o, 0, sizeof(*o));
	return -1;
}

int output_close(struct output *o)
{
	int ret = 0;
	if (!o->path)
		return 0;
	bool bad = fflush(o->fp) != 0 || ferror(o->fp);
	int saved = errno;
	if (fclose(o->fp) != 0 && !bad) {
		bad = true;
		saved = errno;
	}
	if (!bad && o->tmp && rename(o->tmp, o->dest) != 0) {
		bad = true;
		saved = errno;
	}
	if (bad) {
		if (o->tmp)
			unlink(o->tmp);
		ret = error("cannot write '%s': %s", o->path,
			    saved ? strerror(saved) : "write error");
	}
	free(o->tmp);
	free(o->dest);
	memset(o, 0, sizeof(*o));
	return ret;
}

int output_check_stdout(void)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	int saved = errno;
	clearerr(stdout);
	return error("cannot write to standard output: %s",
		     saved ? strerror(saved) : "write error");
}
