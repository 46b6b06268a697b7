/*
 * srcfile.c - source text by line, read on first use and cached for the
 * run (srcfile.h).  A file is read whole and split once; a file that
 * cannot be read is remembered as such.
 */
#include "common.h"
#include "srcfile.h"
#include "arena.h"
#include "strmap.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct src {
	char *text;           /* NULL: could not be read */
	size_t *starts;       /* offset of each line */
	unsigned nlines;
	size_t len;
};

struct srcfiles {
	struct arena arena;   /* keys and struct src */
	struct strmap files;  /* path -> struct src * */
};

struct srcfiles *srcfile_new(void)
{
	struct srcfiles *s = xcalloc(1, sizeof(*s));
	arena_init(&s->arena);
	return s;
}

static void src_release(struct src *f)
{
	free(f->text);
	free(f->starts);
}

void srcfile_free(struct srcfiles *s)
{
	if (!s)
		return;
	size_t pos = 0;
	for (struct strmap_slot *e; (e = strmap_next(&s->files, &pos));)
		src_release(e->val);
	strmap_release(&s->files);
	arena_release(&s->arena);
	free(s);
}

/* Split 'f->text' into lines: "\n", "\r\n" and a lone "\r" end one. */
static void split(struct src *f)
{
	size_t cap = 0;
	if (!f->len)
		return;
	ARRAY_GROW(f->starts, 1, cap);
	f->starts[f->nlines++] = 0;
	for (size_t i = 0; i + 1 < f->len; i++) {
		if (f->text[i] == '\n' ||
		    (f->text[i] == '\r' && f->text[i + 1] != '\n')) {
			ARRAY_GROW(f->starts, f->nlines + 1, cap);
			f->starts[f->nlines++] = i + 1;
		}
	}
}

static struct src *entry(struct srcfiles *s, const char *path, bool *fresh)
{
	struct strmap_slot *slot = strmap_find(&s->files, path, false);
	*fresh = false;
	if (slot)
		return slot->val;
	struct src *f = arena_alloc(&s->arena, sizeof(*f));
	strmap_find(&s->files, arena_strdup(&s->arena, path), true)->val = f;
	*fresh = true;
	return f;
}

void srcfile_set(struct srcfiles *s, const char *path, const char *text,
		 size_t len)
{
	bool fresh;
	struct src *f = entry(s, path, &fresh);
	src_release(f);
	memset(f, 0, sizeof(*f));
	f->text = xmalloc(len + 1);
	memcpy(f->text, text, len);
	f->text[len] = '\0';
	f->len = len;
	split(f);
}

static struct src *get(struct srcfiles *s, const char *path)
{
	bool fresh;
	struct src *f = entry(s, path, &fresh);
	if (fresh) {
		f->text = read_file(path, &f->len);
		if (f->text)
			split(f);
	}
	return f;
}

const char *srcfile_line(struct srcfiles *s, const char *path, unsigned line,
			 size_t *len)
{
	struct src *f = get(s, path);
	if (!f->text || line == 0 || line > f->nlines)
		return NULL;
	size_t b = f->starts[line - 1];
	size_t e = line < f->nlines ? f->starts[line] : f->len;
	while (e > b && (f->text[e - 1] == '\n' || f->text[e - 1] == '\r'))
		e--;
	*len = e - b;
	return f->text + b;
}

const char *srcfile_text(struct srcfiles *s, const char *path, size_t *len)
{
	struct src *f = get(s, path);
	if (len)
		*len = f->len;
	return f->text;
}

unsigned srcfile_nlines(struct srcfiles *s, const char *path)
{
	struct src *f = get(s, path);
	return f->text ? f->nlines : 0;
}
