/*
 * scan.c - comments and literals in C and C++ text (scan.h).
 *
 * One forward pass: code is read token by token only as far as it takes
 * to know where a literal begins (identifiers, because of prefixes such
 * as u8 and R; numbers, because of digit separators).  Every piece
 * costs time proportional to its length, so a whole file is linear.
 */
#include "common.h"
#include "scan.h"

#include <string.h>

#define RAW_DELIM_MAX 16 /* the standard's limit on a raw string's delimiter */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Letters, digits, '_' and the bytes of UTF-8 sequences. */
static bool is_ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       is_digit(c) || (unsigned char)c >= 0x80;
}

void scan_init(struct scanner *s, const char *text, size_t start, size_t end)
{
	s->text = text;
	s->pos = start;
	s->end = end < start ? start : end;
	s->line = 1;
	s->line_start = start;
	s->line_pieces = false;
}

/* Move to 'to', counting the lines passed. */
static void advance(struct scanner *s, size_t to)
{
	const char *t = s->text;
	for (const char *nl; s->pos < to &&
			     (nl = memchr(t + s->pos, '\n', to - s->pos));) {
		s->line++;
		s->pos = (size_t)(nl - t) + 1;
		s->line_start = s->pos;
	}
	s->pos = to;
}

/* Does a line splice (backslash, optional CR, newline) start at 'i'? */
static size_t splice_len(const struct scanner *s, size_t i)
{
	const char *t = s->text;
	if (i < s->end && t[i] == '\\') {
		if (i + 1 < s->end && t[i + 1] == '\n')
			return 2;
		if (i + 2 < s->end && t[i + 1] == '\r' && t[i + 2] == '\n')
			return 3;
	}
	return 0;
}

/* End of the '//' comment at 'i': its newline (not included), or 'end'. */
static size_t line_comment_end(const struct scanner *s, size_t i)
{
	for (i += 2; i < s->end; i++) {
		size_t n = splice_len(s, i);
		if (n)
			i += n - 1;
		else if (s->text[i] == '\n')
			break;
	}
	return i;
}

/* End of the block comment at 'i', after its closer; 'end' if none. */
static size_t block_comment_end(const struct scanner *s, size_t i,
				bool *closed)
{
	const char *t = s->text;
	for (i += 2; i + 1 < s->end; i++)
		if (t[i] == '*' && t[i + 1] == '/') {
			*closed = true;
			return i + 2;
		}
	*closed = false;
	return s->end;
}

/*
 * End of the ordinary literal whose quote is at 'i': after the closing
 * quote, or at the newline (not included) or 'end' that cuts it short.
 */
static size_t quoted_end(const struct scanner *s, size_t i, bool *closed)
{
	const char *t = s->text;
	char quote = t[i];
	for (i++; i < s->end; i++) {
		size_t n = splice_len(s, i);
		if (n) {
			i += n - 1;
		} else if (t[i] == '\\') {
			i++; /* the escaped byte, whatever it is */
		} else if (t[i] == quote) {
			*closed = true;
			return i + 1;
		} else if (t[i] == '\n') {
			break;
		}
	}
	*closed = false;
	return i < s->end ? i : s->end;
}

/*
 * End of the raw string whose quote is at 'i' (R"delim(...)delim"), or
 * 0 if its opening is malformed.
 */
static size_t raw_end(const struct scanner *s, size_t i, bool *closed)
{
	const char *t = s->text;
	size_t d = i + 1, open = d;
	while (open < s->end && open - d <= RAW_DELIM_MAX && t[open] != '(') {
		if (strchr(" ()\\\t\v\f\r\n", t[open])) /* and NUL */
			return 0;
		open++;
	}
	if (open >= s->end || open - d > RAW_DELIM_MAX)
		return 0;
	size_t dlen = open - d;
	for (size_t k = open + 1; k < s->end; k++)
		if (t[k] == ')' && k + dlen + 1 < s->end &&
		    !memcmp(t + k + 1, t + d, dlen) && t[k + 1 + dlen] == '"') {
			*closed = true;
			return k + dlen + 2;
		}
	*closed = false;
	return s->end;
}

/* End of the identifier starting at 'i'. */
static size_t ident_end(const struct scanner *s, size_t i)
{
	while (i < s->end && is_ident_char(s->text[i]))
		i++;
	return i;
}

/*
 * Is text[i, j) a literal's prefix with its quote at 'j'?  Sets *raw for
 * the R forms.
 */
static bool literal_prefix(const struct scanner *s, size_t i, size_t j,
			   bool *raw)
{
	static const char *const plain[] = { "u8", "u", "U", "L" };
	static const char *const rawp[] = { "R", "u8R", "uR", "UR", "LR" };
	const char *t = s->text;
	size_t n = j - i;

	if (j >= s->end || (t[j] != '"' && t[j] != '\''))
		return false;
	for (size_t k = 0; k < ARRAY_SIZE(plain); k++)
		if (strlen(plain[k]) == n && !memcmp(t + i, plain[k], n)) {
			*raw = false;
			return true;
		}
	for (size_t k = 0; t[j] == '"' && k < ARRAY_SIZE(rawp); k++)
		if (strlen(rawp[k]) == n && !memcmp(t + i, rawp[k], n)) {
			*raw = true;
			return true;
		}
	return false;
}

/* End of the pp-number starting at 'i' (a digit, or '.' and a digit). */
static size_t number_end(const struct scanner *s, size_t i)
{
	const char *t = s->text;
	for (i++; i < s->end; i++) {
		char c = t[i], prev = t[i - 1];
		if (is_ident_char(c) || c == '.')
			continue;
		if ((c == '+' || c == '-') && prev && strchr("eEpP", prev))
			continue;
		if (c == '\'' && i + 1 < s->end && is_ident_char(t[i + 1])) {
			i++;
			continue;
		}
		break;
	}
	return i;
}

/* End of the run of code starting at 'i': where a comment or literal begins. */
static size_t code_end(const struct scanner *s, size_t i)
{
	const char *t = s->text;
	bool raw;
	while (i < s->end) {
		char c = t[i];
		if (c == '\n' && s->line_pieces)
			return i + 1;
		if (c == '/' && i + 1 < s->end && (t[i + 1] == '/' || t[i + 1] == '*'))
			break;
		if (c == '"' || c == '\'')
			break;
		if (is_digit(c) || (c == '.' && i + 1 < s->end && is_digit(t[i + 1]))) {
			i = number_end(s, i);
		} else if (is_ident_char(c)) {
			size_t j = ident_end(s, i);
			if (literal_prefix(s, i, j, &raw))
				break;
			i = j;
		} else {
			i++;
		}
	}
	return i;
}

bool scan_next(struct scanner *s, struct scan_piece *p)
{
	const char *t = s->text;
	size_t i = s->pos, q = i, e;
	bool raw = false;

	if (i >= s->end)
		return false;
	memset(p, 0, sizeof(*p));
	p->start = i;
	p->line = s->line;
	p->col = (unsigned)(i - s->line_start) + 1;
	p->closed = true;
	if (t[i] == '/' && i + 1 < s->end && t[i + 1] == '/') {
		p->kind = SCAN_COMMENT;
		e = line_comment_end(s, i);
	} else if (t[i] == '/' && i + 1 < s->end && t[i + 1] == '*') {
		p->kind = SCAN_COMMENT;
		p->block = true;
		e = block_comment_end(s, i, &p->closed);
	} else {
		if (is_ident_char(t[i]) && !is_digit(t[i])) {
			size_t j = ident_end(s, i);
			if (literal_prefix(s, i, j, &raw))
				q = j;
		}
		if (t[q] == '"' || t[q] == '\'') {
			p->kind = t[q] == '"' ? SCAN_STRING : SCAN_CHAR;
			e = raw ? raw_end(s, q, &p->closed) : 0;
			if (!e)
				e = quoted_end(s, q, &p->closed);
		} else {
			p->kind = SCAN_CODE;
			e = code_end(s, i);
		}
	}
	p->end = e;
	advance(s, e);
	return true;
}

bool scan_each_code_byte(const char *text, size_t from, size_t to,
			 bool (*fn)(const char *text, size_t i, int depth,
				    void *arg),
			 void *arg)
{
	struct scanner s;
	struct scan_piece p;
	int depth = 0;

	scan_init(&s, text, from, to);
	s.line_pieces = true; /* fn may stop early: read no further than needed */
	while (scan_next(&s, &p)) {
		if (p.kind != SCAN_CODE)
			continue;
		for (size_t i = p.start; i < p.end; i++) {
			char c = text[i];
			if (c == '(' || c == '[' || c == '{')
				depth++;
			else if (c == ')' || c == ']' || c == '}')
				depth--;
			if (fn(text, i, depth, arg))
				return true;
		}
	}
	return false;
}
