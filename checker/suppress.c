/*
 * suppress.c - NOLINT comments (suppress.h).
 */
#include "common.h"
#include "suppress.h"
#include "srcfile.h"
#include "diag.h"
#include "scan.h"
#include "strmap.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum nolint_kind { NL_LINE, NL_NEXT, NL_BEGIN, NL_END };

struct nolint {
	enum nolint_kind kind;
	unsigned line, col;   /* of the comment's NOLINT word */
	unsigned first, last; /* lines it covers (after pairing BEGIN/END) */
	bool explicit_check;  /* names await-holding (not just every check) */
	bool used;
	const char *text;     /* e.g. "NOLINT(await-holding)" */
};

struct file_sup {
	const char *file;
	struct nolint *v;
	size_t n, cap;
};

/* Shell-style '*' glob match. */
static bool glob(const char *pat, const char *s)
{
	if (!*pat)
		return !*s;
	if (*pat == '*')
		return glob(pat + 1, s) || (*s && glob(pat, s + 1));
	return *pat == *s && glob(pat + 1, s + 1);
}

/*
 * Does the check list "(a, b*, -c)" of a NOLINT cover await-holding?
 * '*explicit_check' is set when it does so by naming it or a glob.
 */
static bool covers(const char *list, size_t len, bool *explicit_check)
{
	char buf[256];
	size_t i = 0;
	bool hit = false;
	if (len >= sizeof(buf))
		len = sizeof(buf) - 1;
	while (i < len) {
		size_t n = 0;
		while (i < len && (list[i] == ' ' || list[i] == ','))
			i++;
		while (i < len && list[i] != ',' && list[i] != ' ')
			buf[n++] = list[i++];
		buf[n] = '\0';
		if (n && buf[0] != '-' && glob(buf, "await-holding")) {
			hit = true;
			*explicit_check = strcmp(buf, "*") != 0;
		}
	}
	return hit;
}

static void scan_comment(struct file_sup *fs, const char *c, size_t len,
			 unsigned line, unsigned col)
{
	static const struct {
		const char *word;
		enum nolint_kind kind;
	} words[] = {
		{ "NOLINTNEXTLINE", NL_NEXT },
		{ "NOLINTBEGIN", NL_BEGIN },
		{ "NOLINTEND", NL_END },
		{ "NOLINT", NL_LINE },
	};
	for (size_t i = 0; i + 6 <= len; i++) {
		if (c[i] == '\n') {
			line++;
			col = 1;
			continue;
		}
		if (memcmp(c + i, "NOLINT", 6)) {
			col++;
			continue;
		}
		for (size_t w = 0; w < ARRAY_SIZE(words); w++) {
			size_t wl = strlen(words[w].word);
			if (i + wl > len || memcmp(c + i, words[w].word, wl))
				continue;
			struct nolint nl;
			memset(&nl, 0, sizeof(nl));
			nl.kind = words[w].kind;
			nl.line = line;
			nl.col = col;
			size_t j = i + wl;
			bool applies = true;
			if (j < len && c[j] == '(') {
				size_t close = j;
				while (close < len && c[close] != ')' && c[close] != '\n')
					close++;
				applies = covers(c + j + 1, close - j - 1,
						 &nl.explicit_check);
				nl.text = xstrndup(c + i, close < len ? close - i + 1 : close - i);
				j = close;
			} else {
				nl.text = xstrdup(words[w].word);
			}
			if (applies) {
				nl.first = nl.last = nl.kind == NL_NEXT ? line + 1 : line;
				ARRAY_GROW(fs->v, fs->n + 1, fs->cap);
				fs->v[fs->n++] = nl;
			} else {
				free((char *)nl.text);
			}
			col += (unsigned)(j - i);
			i = j;
			break;
		}
	}
}

/* Find the suppression comments of the text 't' (scan.h finds comments). */
static void scan_file(struct file_sup *fs, const char *t)
{
	struct scanner sc;
	struct scan_piece p;

	scan_init(&sc, t, 0, strlen(t));
	while (scan_next(&sc, &p)) {
		if (p.kind != SCAN_COMMENT)
			continue;
		size_t end = p.block && p.closed ? p.end - 2 : p.end;
		scan_comment(fs, t + p.start, end - p.start, p.line, p.col);
	}
	/* pair BEGIN with the next END */
	for (size_t i = 0; i < fs->n; i++) {
		if (fs->v[i].kind != NL_BEGIN)
			continue;
		fs->v[i].last = (unsigned)-1;
		for (size_t k = i + 1; k < fs->n; k++)
			if (fs->v[k].kind == NL_END) {
				fs->v[i].last = fs->v[k].line;
				fs->v[k].used = true; /* the END itself is never "unused" */
				break;
			}
	}
}

static struct file_sup *file_of(struct strmap *m, struct srcfiles *src,
				const char *file)
{
	if (!file)
		return NULL;
	struct strmap_slot *s = strmap_find(m, file, true);
	if (!s->val) {
		struct file_sup *fs = xcalloc(1, sizeof(*fs));
		fs->file = file;
		if (src) {
			const char *text = srcfile_text(src, file, NULL);
			if (text)
				scan_file(fs, text);
		} else {
			char *text = read_file(file, NULL);
			if (text)
				scan_file(fs, text);
			free(text);
		}
		s->val = fs;
	}
	return s->val;
}

static bool suppressed(struct file_sup *fs, unsigned line)
{
	bool hit = false;
	for (size_t i = 0; fs && i < fs->n; i++) {
		struct nolint *nl = &fs->v[i];
		if (nl->kind == NL_END)
			continue;
		if (line >= nl->first && line <= nl->last) {
			nl->used = true;
			hit = true;
		}
	}
	return hit;
}

void suppress_apply(struct diag_list *l, const char *const *files,
		    size_t nfiles, bool warn_unused)
{
	suppress_apply_from(l, files, nfiles, warn_unused, NULL);
}

void suppress_apply_from(struct diag_list *l, const char *const *files,
			 size_t nfiles, bool warn_unused, struct srcfiles *src)
{
	struct strmap m = { 0 };
	size_t out = 0;

	for (size_t i = 0; i < l->nfindings; i++) {
		struct finding *f = &l->findings[i];
		if (suppressed(file_of(&m, src, f->loc.file), f->loc.line))
			continue;
		size_t k = 0;
		for (size_t s = 0; s < f->nsusp; s++)
			if (!suppressed(file_of(&m, src, f->susp[s].loc.file),
					f->susp[s].loc.line))
				f->susp[k++] = f->susp[s];
		f->nsusp = k;
		if (k)
			l->findings[out++] = *f;
	}
	l->nfindings = out;

	/* checked files without findings can hold unused suppressions */
	for (size_t i = 0; warn_unused && i < nfiles; i++)
		file_of(&m, src, files[i]);
	size_t pos = 0;
	for (struct strmap_slot *s; (s = strmap_next(&m, &pos));) {
		struct file_sup *fs = s->val;
		if (!fs)
			continue;
		for (size_t k = 0; k < fs->n; k++) {
			struct nolint *nl = &fs->v[k];
			if (warn_unused && !nl->used && nl->explicit_check) {
				struct src_loc loc = { fs->file, nl->line, nl->col };
				diag_list_add_problem(l, PROBLEM_WARNING, &loc,
						      "'%s' suppresses nothing [await-holding]",
						      nl->text);
			}
			free((char *)nl->text);
		}
		free(fs->v);
		free(fs);
	}
	strmap_release(&m);
}
