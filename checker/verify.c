/*
 * verify.c - --verify: read `expect-…` markers and match them against the
 * diagnostics of a run (the syntax is documented in verify.h).
 *
 * Three parts, top to bottom: comments handed out one line at a time
 * (scan.h tells them from code and literals); the parsers for
 * markers and for the verify-args/verify-config header; and the matcher,
 * which pairs diagnostics with markers and prints what is left over on
 * either side.  Each call allocates from one arena and frees it all at
 * once.
 */
#include "common.h"
#include "verify.h"
#include "arena.h"
#include "diag.h"
#include "scan.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ORDER VERIFY_SEVERITY */
static const char *const severity_names[] = { "error", "warning", "note" };
static const char *const marker_words[] = {
	"expect-error", "expect-warning", "expect-note", "expect-no-diagnostics",
};
#define NO_DIAGNOSTICS_WORD 3 /* index into marker_words */

static const char *const header_words[] = { "verify-args", "verify-config" };

/* Grow the arena-owned array 'p' of 'n' elements to hold one more. */
static void *grow(struct arena *a, void *p, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return p;
	*cap = grow_capacity(*cap, n + 1, size);
	void *q = arena_alloc(a, *cap * size);
	if (n)
		memcpy(q, p, n * size);
	return q;
}

/* ---- comments ---- */

/* One line's worth of one comment. */
struct comment {
	const char *s;      /* text after the opener, or the line's start */
	const char *end;    /* end of line, or the closing star-slash */
	unsigned line, col; /* position of 's', 1-based */
};

/* Hands out the comments of a text one line at a time (scan.h). */
struct comments {
	struct scanner sc;
	const char *text;
	size_t next, stop;  /* rest of the current comment: [next, stop) */
	unsigned line, col; /* position of 'next' */
	bool in_comment;
};

static bool is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '-';
}

static void comments_init(struct comments *cs, const char *text)
{
	memset(cs, 0, sizeof(*cs));
	cs->text = text;
	scan_init(&cs->sc, text, 0, strlen(text));
}

/* Find the next comment line; false at the end of the text. */
static bool next_comment(struct comments *cs, struct comment *c)
{
	struct scan_piece p;

	while (!cs->in_comment) {
		if (!scan_next(&cs->sc, &p))
			return false;
		if (p.kind != SCAN_COMMENT)
			continue;
		cs->in_comment = true;
		cs->next = p.start + 2;
		cs->stop = p.block && p.closed ? p.end - 2 : p.end;
		cs->line = p.line;
		cs->col = p.col + 2;
	}
	const char *s = cs->text + cs->next, *stop = cs->text + cs->stop;
	const char *nl = memchr(s, '\n', (size_t)(stop - s));
	c->s = s;
	c->end = nl ? nl : stop;
	while (c->end > c->s && c->end[-1] == '\r')
		c->end--;
	c->line = cs->line;
	c->col = cs->col;
	if (nl) {
		cs->next = (size_t)(nl - cs->text) + 1;
		cs->line++;
		cs->col = 1;
	} else {
		cs->in_comment = false;
	}
	return true;
}

/* The next word ([A-Za-z0-9_-]+) in [p, c->end); sets *wend.  NULL if none. */
static const char *next_word(const struct comment *c, const char *p,
			     const char **wend)
{
	for (; p < c->end; p++) {
		if (is_word_char(*p) && (p == c->s || !is_word_char(p[-1]))) {
			const char *w = p;
			while (w < c->end && is_word_char(*w))
				w++;
			*wend = w;
			return p;
		}
	}
	return NULL;
}

/* Index of the word [w, wend) in 'words', or -1. */
static int find_word(const char *w, const char *wend,
		     const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(words[i]) == (size_t)(wend - w) &&
		    !memcmp(words[i], w, (size_t)(wend - w)))
			return (int)i;
	return -1;
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

/* ---- markers ---- */

struct marker_parser {
	struct arena *a;
	const char *path;
	unsigned nlines;
	struct verify_markers *m;
	size_t cap;
	FILE *errs;
	int nerrors;
	unsigned nodiag_line, nodiag_col; /* first expect-no-diagnostics */
};

/* Print "path:line:col: error: …" for a position 'at' in comment 'c'. */
static void vcomment_error(FILE *errs, const char *path,
			   const struct comment *c, const char *at,
			   const char *fmt, va_list ap)
{
	fprintf(errs, "%s:%u:%u: error: ", path, c->line,
		c->col + (unsigned)(at - c->s));
	vfprintf(errs, fmt, ap);
	fputc('\n', errs);
}

static void bad_marker(struct marker_parser *mp, const struct comment *c,
		       const char *at, const char *fmt, ...) ATTR_PRINTF(4, 5);
static void bad_marker(struct marker_parser *mp, const struct comment *c,
		       const char *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcomment_error(mp->errs, mp->path, c, at, fmt, ap);
	va_end(ap);
	mp->nerrors++;
}

/* Like bad_marker() for the header; returns -1. */
static int bad_header(FILE *errs, const char *path, const struct comment *c,
		      const char *at, const char *fmt, ...) ATTR_PRINTF(5, 6);
static int bad_header(FILE *errs, const char *path, const struct comment *c,
		      const char *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcomment_error(errs, path, c, at, fmt, ap);
	va_end(ap);
	return -1;
}

/* Parse decimal digits at *p into *out; false if none or too large. */
static bool parse_number(const char **p, const char *end, unsigned *out)
{
	unsigned long v = 0;
	const char *q = *p;

	for (; q < end && isdigit((unsigned char)*q); q++)
		if ((v = v * 10 + (unsigned)(*q - '0')) > 10000000)
			return false;
	if (q == *p)
		return false;
	*p = q;
	*out = (unsigned)v;
	return true;
}

/* Parse "@+N", "@-N" or "@N" at *p (just past the '@') into *line. */
static bool parse_at(struct marker_parser *mp, const struct comment *c,
		     const char **p, unsigned *line)
{
	char sign = *p < c->end ? **p : '\0';
	unsigned n;

	if (sign == '+' || sign == '-')
		(*p)++;
	if (!parse_number(p, c->end, &n))
		return false;
	if (sign == '+')
		*line = c->line + n;
	else if (sign == '-')
		*line = n < c->line ? c->line - n : 0;
	else
		*line = n;
	return *line >= 1 && *line <= mp->nlines;
}

/*
 * Parse the marker whose word is [w, wend); return where to go on
 * scanning.  Every way out except the last one reports an error.
 */
static const char *parse_marker(struct marker_parser *mp,
				const struct comment *c, const char *w,
				const char *wend)
{
	int k = find_word(w, wend, marker_words, ARRAY_SIZE(marker_words));
	const char *p = wend, *close;
	unsigned line = c->line, count = 1;
	int len = (int)(wend - w);

	if (k == NO_DIAGNOSTICS_WORD) {
		if (!mp->m->no_diagnostics) {
			mp->nodiag_line = c->line;
			mp->nodiag_col = c->col + (unsigned)(w - c->s);
		}
		mp->m->no_diagnostics = true;
		return wend;
	}
	if (k < 0) {
		const char *word = arena_strndup(mp->a, w, (size_t)len);
		const char *best = marker_words[0];
		for (size_t i = 1; i < ARRAY_SIZE(marker_words); i++)
			if (edit_distance(word, marker_words[i]) <
			    edit_distance(word, best))
				best = marker_words[i];
		if (edit_distance(word, best) <= 3)
			bad_marker(mp, c, w, "unknown marker '%s'; did you mean '%s'?",
				   word, best);
		else
			bad_marker(mp, c, w, "unknown marker '%s'", word);
		return wend;
	}
	if (p < c->end && *p == '@') {
		p++;
		if (!parse_at(mp, c, &p, &line)) {
			bad_marker(mp, c, wend,
				   "bad line after '@': want @+N, @-N or @N inside the file");
			return p;
		}
	}
	p = skip_blanks(p, c->end);
	if (p < c->end && *p == '@') {
		bad_marker(mp, c, p, "no space allowed before '@' in '%.*s@'",
			   len, w);
		return p + 1;
	}
	if (p < c->end && isdigit((unsigned char)*p)) {
		const char *num = p;
		if (!parse_number(&p, c->end, &count) || count == 0) {
			bad_marker(mp, c, num,
				   "bad count in '%.*s': want 1 or more", len, w);
			return p;
		}
		p = skip_blanks(p, c->end);
	}
	if (c->end - p < 2 || p[0] != '{' || p[1] != '{') {
		bad_marker(mp, c, p, "expected '{{' after '%.*s'", len, w);
		return p;
	}
	for (close = p + 2; close + 1 < c->end; close++)
		if (close[0] == '}' && close[1] == '}')
			break;
	if (close + 1 >= c->end) {
		bad_marker(mp, c, p, "missing '}}' after '{{'");
		return c->end;
	}
	if (close == p + 2) {
		bad_marker(mp, c, p, "empty '{{}}' in '%.*s'", len, w);
		return close + 2;
	}

	mp->m->v = grow(mp->a, mp->m->v, mp->m->n, &mp->cap, sizeof(*mp->m->v));
	mp->m->v[mp->m->n++] = (struct verify_marker){
		.file = mp->path,
		.line = line,
		.marker_line = c->line,
		.col = c->col + (unsigned)(w - c->s),
		.severity = (enum verify_severity)k,
		.count = count,
		.text = arena_strndup(mp->a, p + 2, (size_t)(close - p - 2)),
	};

	p = skip_blanks(close + 2, c->end);
	if (c->end - p >= 2 && p[0] == '{' && p[1] == '{')
		bad_marker(mp, c, p,
			   "second '{{' after '%.*s': write one marker per expected diagnostic",
			   len, w);
	return p;
}

/* Check 'verify-…' words: misspelled directives are errors too. */
static const char *check_directive(struct marker_parser *mp,
				   const struct comment *c, const char *w,
				   const char *wend)
{
	int k = find_word(w, wend, header_words, ARRAY_SIZE(header_words));
	bool colon = wend < c->end && *wend == ':';

	if (k >= 0 && colon)
		return c->end; /* the rest is verify_parse_header()'s */
	if (k >= 0)
		bad_marker(mp, c, wend, "missing ':' after '%.*s'",
			   (int)(wend - w), w);
	else if (colon)
		bad_marker(mp, c, w,
			   "unknown directive '%.*s:'; want 'verify-args:' or 'verify-config:'",
			   (int)(wend - w), w);
	return wend;
}

static unsigned count_lines(const char *text)
{
	unsigned n = 0;
	const char *p;

	for (p = text; *p; p++)
		n += *p == '\n';
	return n + (p > text && p[-1] != '\n');
}

int verify_parse_markers(struct arena *a, const char *path, const char *text,
			 struct verify_markers *m, FILE *errs)
{
	struct marker_parser mp = {
		.a = a, .path = arena_strdup(a, path), .m = m, .errs = errs,
		.nlines = count_lines(text),
	};
	struct comments cs;
	struct comment c;

	memset(m, 0, sizeof(*m));
	comments_init(&cs, text);
	while (next_comment(&cs, &c)) {
		const char *w, *wend, *p = c.s;
		while ((w = next_word(&c, p, &wend))) {
			if (starts_with(w, "expect-") || starts_with(w, "expected-"))
				p = parse_marker(&mp, &c, w, wend);
			else if (starts_with(w, "verify-"))
				p = check_directive(&mp, &c, w, wend);
			else
				p = wend;
		}
	}
	if (m->no_diagnostics && m->n) {
		fprintf(errs,
			"%s:%u:%u: error: 'expect-no-diagnostics' cannot be used with other markers\n",
			mp.path, mp.nodiag_line, mp.nodiag_col);
		mp.nerrors++;
	}
	return mp.nerrors;
}

/* ---- verify-args and verify-config ---- */

/*
 * Split [p, end) into arguments and append them to 'h->args' ('*cap' is
 * its capacity).  Returns the number added, or -1 after reporting an
 * unterminated quote.
 */
static int split_args(struct arena *a, const char *path,
		      const struct comment *c, const char *p, const char *what,
		      struct verify_header *h, size_t *cap, FILE *errs)
{
	struct strbuf sb;
	int n = 0;

	strbuf_init(&sb);
	for (p = skip_blanks(p, c->end); p < c->end; p = skip_blanks(p, c->end)) {
		const char *quote = NULL;
		strbuf_reset(&sb);
		for (; p < c->end && (quote || (*p != ' ' && *p != '\t')); p++) {
			if (*p == '"')
				quote = quote ? NULL : p;
			else if (quote && *p == '\\' && p + 1 < c->end &&
				 (p[1] == '"' || p[1] == '\\'))
				strbuf_addc(&sb, *++p);
			else
				strbuf_addc(&sb, *p);
		}
		if (quote) {
			strbuf_release(&sb);
			return bad_header(errs, path, c, quote,
					  "unterminated '\"' in %s", what);
		}
		h->args = grow(a, h->args, h->nargs, cap, sizeof(*h->args));
		h->args[h->nargs++] = arena_strndup(a, sb.buf, sb.len);
		n++;
	}
	strbuf_release(&sb);
	return n;
}

/* Prefix relative include directories with the directory of 'path'. */
static void resolve_includes(struct arena *a, const char *path,
			     struct verify_header *h)
{
	static const char *const opts[] = { "-I", "-iquote", "-isystem",
					     "-idirafter" };
	const char *slash = strrchr(path, '/');

	if (!slash)
		return; /* the file is in the current directory */
	for (size_t i = 0; i < h->nargs; i++) {
		const char *arg = h->args[i];
		for (size_t k = 0; k < ARRAY_SIZE(opts); k++) {
			size_t len = strlen(opts[k]);
			if (strncmp(arg, opts[k], len))
				continue;
			/* "-Idir" is rewritten in place, "-I dir" in the next slot */
			const char *dir = arg[len] ? arg + len :
					  i + 1 < h->nargs ? h->args[++i] : "";
			if (*dir && *dir != '/' && *dir != '-')
				h->args[i] = arena_printf(a, "%s%.*s/%s",
							  arg[len] ? opts[k] : "",
							  (int)(slash - path), path, dir);
			break;
		}
	}
}

int verify_parse_header(struct arena *a, const char *path, const char *text,
			struct verify_header *h, FILE *errs)
{
	struct comments cs;
	struct comment c;
	size_t cap = 0;
	unsigned config_line = 0;
	int ret = 0;

	memset(h, 0, sizeof(*h));
	comments_init(&cs, text);
	while (next_comment(&cs, &c)) {
		const char *w, *wend, *p = c.s;
		while ((w = next_word(&c, p, &wend))) {
			int k = find_word(w, wend, header_words,
					  ARRAY_SIZE(header_words));
			size_t before = h->nargs;
			int n;
			p = wend;
			if (k < 0 || wend == c.end || *wend != ':')
				continue;
			n = split_args(a, path, &c, wend + 1, header_words[k], h,
				       &cap, errs);
			p = c.end;
			if (n < 0) {
				h->nargs = before;
				ret = -1;
				continue;
			}
			if (k == 0)
				continue;
			/* verify-config: take its one word back out of 'args' */
			h->nargs = before;
			if (config_line)
				ret = bad_header(errs, path, &c, w,
						 "verify-config given twice (first on line %u)",
						 config_line);
			else if (n != 1)
				ret = bad_header(errs, path, &c, w,
						 "verify-config needs one file or pack name");
			if (config_line || n != 1)
				continue;
			h->config = h->args[before];
			config_line = c.line;
			h->config_line = c.line;
			h->config_col = c.col + (unsigned)(skip_blanks(wend + 1, c.end) - c.s);
		}
	}
	resolve_includes(a, path, h);
	h->config_is_path = h->config && strchr(h->config, '/');
	return ret;
}

int verify_read_header(struct arena *a, const char *path,
		       struct verify_header *h)
{
	char *text = read_file(path, NULL);
	int ret;

	if (!text)
		return error("cannot read '%s': %s", path, strerror(errno));
	ret = verify_parse_header(a, path, text, h, stderr);
	free(text);
	return ret;
}

/* ---- matching ---- */

#define NO_MATCH ((size_t)-1)

struct vfile {
	const char *path; /* as first seen; the main file as given */
	bool found;       /* stat() worked: 'dev' and 'ino' identify it */
	dev_t dev;
	ino_t ino;
	struct verify_markers m;
	unsigned *seen;   /* per marker: diagnostics matched to it */
	size_t *round;    /* per marker: last try_match() round to visit it */
	int nbad;         /* malformed markers */
};

struct vdiag {
	const char *path;
	unsigned line, col;
	enum verify_severity severity;
	const char *text;
	size_t file;  /* index into vcheck.files */
	size_t seq;   /* position in the list, for a stable sort */
	size_t match; /* index of its marker in its file, or NO_MATCH */
	bool reason;  /* a reason note: checked only where markers ask */
};

struct vcheck {
	struct arena a;
	struct vfile *files;
	size_t nfiles, cap_files;
	struct vdiag *diags;
	size_t ndiags, cap_diags;
};


/* Index of 'path' in vc->files, added if new; stat() tells aliases apart. */
static size_t file_index(struct vcheck *vc, const char *path)
{
	struct stat st;
	bool found = stat(path, &st) == 0;

	for (size_t i = 0; i < vc->nfiles; i++) {
		const struct vfile *vf = &vc->files[i];
		if (!strcmp(vf->path, path) ||
		    (found && vf->found && vf->dev == st.st_dev &&
		     vf->ino == st.st_ino))
			return i;
	}
	vc->files = grow(&vc->a, vc->files, vc->nfiles, &vc->cap_files,
			 sizeof(*vc->files));
	vc->files[vc->nfiles] = (struct vfile){
		.path = arena_strdup(&vc->a, path),
		.found = found,
		.dev = found ? st.st_dev : 0,
		.ino = found ? st.st_ino : 0,
	};
	return vc->nfiles++;
}

static void add_diag(struct vcheck *vc, const struct src_loc *loc,
		     enum verify_severity sev, const char *text)
{
	if (!loc->file)
		BUG("diagnostic '%s' has no file", text);
	vc->diags = grow(&vc->a, vc->diags, vc->ndiags, &vc->cap_diags,
			 sizeof(*vc->diags));
	vc->diags[vc->ndiags] = (struct vdiag){
		.path = loc->file, .line = loc->line, .col = loc->col,
		.severity = sev, .text = text, .file = file_index(vc, loc->file),
		.seq = vc->ndiags, .match = NO_MATCH,
	};
	vc->ndiags++;
}

static int cmp_diag(const void *pa, const void *pb)
{
	const struct vdiag *a = pa, *b = pb;

	if (a->file != b->file)
		return a->file < b->file ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The diagnostics as the user sees them, sorted by file and position. */
static void collect_diags(struct vcheck *vc, const struct diag_list *l)
{
	static const enum verify_severity problem_severity[] = {
		[PROBLEM_ERROR] = VERIFY_ERROR,
		[PROBLEM_WARNING] = VERIFY_WARNING,
		[PROBLEM_NOTE] = VERIFY_NOTE,
	};

	for (size_t i = 0; i < l->nfindings; i++) {
		const struct finding *f = &l->findings[i];
		add_diag(vc, &f->loc, VERIFY_WARNING,
			 diag_warning_text(&vc->a, f));
		for (size_t j = 0; j < f->nsusp; j++)
			add_diag(vc, &f->susp[j].loc, VERIFY_NOTE,
				 diag_note_text(&vc->a, &f->susp[j]));
		if (f->reason) {
			add_diag(vc, &f->loc, VERIFY_NOTE, diag_reason_text(&vc->a, f));
			vc->diags[vc->ndiags - 1].reason = true;
		}
	}
	for (size_t i = 0; i < l->nproblems; i++) {
		const struct problem *p = &l->problems[i];
		if (p->loc.file)
			add_diag(vc, &p->loc, problem_severity[p->kind],
				 p->message);
	}
	if (vc->ndiags)
		qsort(vc->diags, vc->ndiags, sizeof(*vc->diags), cmp_diag);
}

/* Read the markers of file 'fi'; -1 if it cannot be read. */
static int read_markers(struct vcheck *vc, size_t fi, FILE *out)
{
	struct vfile *vf = &vc->files[fi];
	char *text = read_file(vf->path, NULL);

	if (!text)
		return -1;
	vf->nbad = verify_parse_markers(&vc->a, vf->path, text, &vf->m, out);
	vf->seen = arena_alloc(&vc->a, vf->m.n * sizeof(*vf->seen));
	vf->round = arena_alloc(&vc->a, vf->m.n * sizeof(*vf->round));
	free(text);
	return 0;
}

static bool fits(const struct verify_marker *m, const struct vdiag *d)
{
	return m->line == d->line && m->severity == d->severity &&
	       strstr(d->text, m->text);
}

/*
 * Find a marker for diagnostic 'di', moving diagnostics matched earlier
 * to other markers if that makes room (bipartite matching by augmenting
 * paths), so the outcome does not depend on the order of either list.
 * 'round' marks the markers visited in this attempt.
 */
static bool try_match(struct vcheck *vc, size_t di, size_t round)
{
	struct vdiag *d = &vc->diags[di];
	struct vfile *vf = &vc->files[d->file];

	for (size_t k = 0; k < vf->m.n; k++) {
		if (vf->round[k] == round || !fits(&vf->m.v[k], d))
			continue;
		vf->round[k] = round;
		if (vf->seen[k] < vf->m.v[k].count) {
			vf->seen[k]++;
			d->match = k;
			return true;
		}
		for (size_t e = 0; e < vc->ndiags; e++) {
			if (vc->diags[e].file == d->file &&
			    vc->diags[e].match == k && try_match(vc, e, round)) {
				d->match = k;
				return true;
			}
		}
	}
	return false;
}

/* Print what is left unmatched in file 'fi'; return how many. */
static int report_file(struct vcheck *vc, size_t fi, FILE *out)
{
	const struct vfile *vf = &vc->files[fi];
	int n = vf->nbad;

	if (fi == 0 && !vf->m.n && !vf->m.no_diagnostics && !vf->nbad) {
		fprintf(out, "%s: error: no expected diagnostics: add markers or 'expect-no-diagnostics'\n",
			vf->path);
		n++;
	}
	for (size_t k = 0; k < vf->m.n; k++) {
		const struct verify_marker *m = &vf->m.v[k];
		if (vf->seen[k] == m->count)
			continue;
		fprintf(out, "%s:%u: error: expected %s not seen: {{%s}}",
			vf->path, m->line, severity_names[m->severity], m->text);
		if (m->count > 1)
			fprintf(out, " (seen %u of %u)", vf->seen[k], m->count);
		if (m->line != m->marker_line)
			fprintf(out, " (marker on line %u)", m->marker_line);
		fputc('\n', out);
		n++;
	}
	/* reason notes are strict only in files that expect some */
	bool strict_reasons = false;
	for (size_t k = 0; k < vf->m.n; k++)
		if (strstr(vf->m.v[k].text, "reason:"))
			strict_reasons = true;
	for (size_t i = 0; i < vc->ndiags; i++) {
		const struct vdiag *d = &vc->diags[i];
		if (d->file != fi || d->match != NO_MATCH ||
		    (d->reason && !strict_reasons))
			continue;
		fprintf(out, "%s:%u:", d->path, d->line);
		if (d->col)
			fprintf(out, "%u:", d->col);
		fprintf(out, " error: unexpected %s seen: %s\n",
			severity_names[d->severity], d->text);
		n++;
	}
	return n;
}

int verify_check(const char *main_file, const struct diag_list *l, FILE *out)
{
	struct vcheck vc = { 0 };
	int ret = 0;

	arena_init(&vc.a);
	file_index(&vc, main_file); /* the main file is files[0] */
	collect_diags(&vc, l);
	for (size_t i = 0; i < vc.nfiles; i++) {
		if (read_markers(&vc, i, out) == 0)
			continue;
		if (i == 0) {
			ret = error("cannot read '%s': %s", main_file,
				    strerror(errno));
			goto out;
		}
		warning("cannot read '%s' for markers: %s", vc.files[i].path,
			strerror(errno));
	}
	for (size_t i = 0; i < vc.ndiags; i++)
		try_match(&vc, i, i + 1);
	for (size_t i = 0; i < vc.nfiles; i++)
		ret += report_file(&vc, i, out);
out:
	arena_release(&vc.a);
	return ret;
}
