/*
 * json.c - cJSON plus source positions.
 *
 * cJSON builds the tree; then a small strict JSON scanner walks the text
 * in document order, holding the node that cJSON made for each value, and
 * appends { node, offset of the value, offset of its key } to a table,
 * which is sorted by node address afterwards for json_doc_pos().  Line
 * starts are collected on the way, so turning an offset into line:col is
 * a binary search, not a rescan of the file.
 *
 * The same scanner, run without a tree, explains syntax errors: cJSON
 * only gives an error offset (and not always where the problem is), the
 * scanner knows what it was expecting.  Everything cJSON rejects the
 * scanner rejects too (it is the stricter of the two), so the scanner's
 * message is the one users see; the cJSON offset is a fallback that only
 * an out-of-memory inside cJSON should reach.
 */
#include "common.h"
#include "json.h"
#include "util.h"
#include "strmap.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct json_node_pos {
	const cJSON *node;
	size_t off;     /* first byte of the value in d->text */
	size_t key_off; /* opening quote of the member's key, or NO_KEY */
};

#define NO_KEY SIZE_MAX

struct scanner {
	const char *text;
	size_t len, i; /* i: current offset */
	bool record;   /* build the tables below (only when there is a tree) */
	struct json_node_pos *pos;
	size_t npos, pos_cap;
	size_t *lines;
	size_t nlines, lines_cap;
	unsigned flags;  /* JSON_STRICT */
	/* the first error, without the "invalid JSON: " prefix */
	size_t err_off;
	unsigned err_span;
	char err[256];
	bool err_valid_json; /* a JSON_STRICT refusal: no "invalid JSON" */
};

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_word(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c == '_';
}

static int hex_value(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Four hex digits at 'p' (NUL-terminated text, so no length is needed). */
static bool read_hex4(const char *p, unsigned *code)
{
	unsigned v = 0;
	for (int k = 0; k < 4; k++) {
		int h = hex_value(p[k]);
		if (h < 0)
			return false;
		v = v * 16 + (unsigned)h;
	}
	*code = v;
	return true;
}

static char peek(const struct scanner *s)
{
	return s->i < s->len ? s->text[s->i] : '\0';
}

static bool fail(struct scanner *s, size_t off, unsigned span,
		 const char *fmt, ...) ATTR_PRINTF(4, 5);
static bool fail(struct scanner *s, size_t off, unsigned span,
		 const char *fmt, ...)
{
	va_list ap;

	s->err_off = off;
	s->err_span = span;
	va_start(ap, fmt);
	vsnprintf(s->err, sizeof(s->err), fmt, ap);
	va_end(ap);
	return false;
}

/*
 * Describe what is at 'off' for "found ..." into 'buf'; returns how many
 * columns to underline.
 */
static unsigned describe(const struct scanner *s, size_t off, char *buf,
			 size_t size)
{
	const unsigned char *p = (const unsigned char *)s->text + off;
	size_t n;

	if (off >= s->len) {
		snprintf(buf, size, "end of input");
		return 1;
	}
	if (is_word((char)*p)) {
		n = 1;
		while (n < 24 && off + n < s->len && is_word((char)p[n]))
			n++;
		snprintf(buf, size, "'%.*s'", (int)n, (const char *)p);
		return (unsigned)n;
	}
	if (*p == '"') {
		snprintf(buf, size, "a string");
		return 1;
	}
	if (*p == '\'') {
		snprintf(buf, size, "a single quote");
		return 1;
	}
	if (*p < 0x20 || *p == 0x7f) {
		snprintf(buf, size, "control character 0x%02x", *p);
		return 1;
	}
	if (*p < 0x80) {
		snprintf(buf, size, "'%c'", *p);
		return 1;
	}
	/* a whole UTF-8 sequence, such as a typographic quote */
	n = 0;
	if (*p >= 0xc2 && *p <= 0xdf)
		n = 2;
	else if (*p >= 0xe0 && *p <= 0xef)
		n = 3;
	else if (*p >= 0xf0 && *p <= 0xf4)
		n = 4;
	for (size_t k = 1; k < n; k++)
		if (off + k >= s->len || (p[k] & 0xc0) != 0x80)
			n = 0;
	if (n)
		snprintf(buf, size, "'%.*s'", (int)n, (const char *)p);
	else
		snprintf(buf, size, "byte 0x%02x", *p);
	return 1;
}

/* Fail with "expected <what>, found <whatever is at the current offset>". */
static bool expected(struct scanner *s, const char *what)
{
	char found[64];
	unsigned span = describe(s, s->i, found, sizeof(found));
	return fail(s, s->i, span, "expected %s, found %s", what, found);
}

static void add_line(struct scanner *s, size_t start)
{
	ARRAY_GROW(s->lines, s->nlines + 1, s->lines_cap);
	s->lines[s->nlines++] = start;
}

/* Newlines can only appear here: strings may not contain raw ones. */
static void skip_ws(struct scanner *s)
{
	while (s->i < s->len) {
		char c = s->text[s->i];
		if (c == '\n') {
			s->i++;
			if (s->record)
				add_line(s, s->i);
		} else if (c == ' ' || c == '\t' || c == '\r') {
			s->i++;
		} else {
			break;
		}
	}
}

static void record(struct scanner *s, const cJSON *node, size_t off,
		   size_t key_off)
{
	if (!s->record || !node)
		return;
	ARRAY_GROW(s->pos, s->npos + 1, s->pos_cap);
	s->pos[s->npos].node = node;
	s->pos[s->npos].off = off;
	s->pos[s->npos].key_off = key_off;
	s->npos++;
}

static bool scan_value(struct scanner *s, const cJSON *node, unsigned depth,
		       const char *what, size_t key_off);
static bool scan_members(struct scanner *s, const cJSON *node, unsigned depth,
			 struct strmap *seen);

/* A backslash escape inside the string that starts at 'start'. */
static bool scan_escape(struct scanner *s, size_t start)
{
	size_t bs = s->i;
	char e = s->i + 1 < s->len ? s->text[s->i + 1] : '\0';
	unsigned code, low;

	if (!e)
		return fail(s, start, 1,
			    "unterminated string: expected a closing '\"'");
	if (strchr("\"\\/bfnrt", e)) {
		s->i += 2;
		return true;
	}
	if (e != 'u') {
		if (e > ' ' && e < 0x7f)
			return fail(s, bs, 2,
				    "invalid escape '\\%c' in string: expected "
				    "one of \\\" \\\\ \\/ \\b \\f \\n \\r "
				    "\\t \\u",
				    e);
		return fail(s, bs, 1,
			    "invalid escape in string: expected one of \\\" "
			    "\\\\ \\/ \\b \\f \\n \\r \\t \\u");
	}
	if (!read_hex4(s->text + bs + 2, &code))
		return fail(s, bs, 2, "expected 4 hex digits after '\\u'");
	s->i += 6;
	if (code == 0 && (s->flags & JSON_STRICT)) {
		s->err_valid_json = true;
		return fail(s, bs, 6,
			    "'\\u0000' (a NUL character) is not allowed in a string");
	}
	/* cJSON rejects unpaired surrogates; say so here, with the reason */
	if (code >= 0xdc00 && code <= 0xdfff)
		return fail(s, bs, 6,
			    "unpaired UTF-16 surrogate '\\u%.4s': a low "
			    "surrogate must follow a high one "
			    "(\\uD800-\\uDBFF)",
			    s->text + bs + 2);
	if (code >= 0xd800 && code <= 0xdbff) {
		if (s->text[s->i] == '\\' && s->text[s->i + 1] == 'u' &&
		    read_hex4(s->text + s->i + 2, &low) && low >= 0xdc00 &&
		    low <= 0xdfff) {
			s->i += 6;
			return true;
		}
		return fail(s, bs, 6,
			    "unpaired UTF-16 surrogate '\\u%.4s': expected a "
			    "low surrogate (\\uDC00-\\uDFFF) after it",
			    s->text + bs + 2);
	}
	return true;
}

static bool scan_string(struct scanner *s)
{
	size_t start = s->i++;

	for (;;) {
		if (s->i >= s->len)
			return fail(s, start, 1,
				    "unterminated string: expected a closing "
				    "'\"'");
		unsigned char c = (unsigned char)s->text[s->i];
		if (c == '"') {
			s->i++;
			return true;
		}
		if (c == '\\') {
			if (!scan_escape(s, start))
				return false;
		} else if (c == '\n' || c == '\r') {
			return fail(s, start, 1,
				    "unterminated string: expected a closing "
				    "'\"' before the end of the line");
		} else if (c < 0x20) {
			return fail(s, s->i, 1,
				    "control character 0x%02x in string: write "
				    "it as \\u%04x",
				    c, c);
		} else if (c >= 0x80 && (s->flags & JSON_STRICT)) {
			size_t n = utf8_char_len(s->text + s->i, s->len - s->i);
			if (!n)
				return fail(s, s->i, 1,
					    "invalid UTF-8 byte 0x%02x in string",
					    c);
			s->i += n;
		} else {
			s->i++;
		}
	}
}

static bool scan_number(struct scanner *s)
{
	size_t start = s->i;

	if (peek(s) == '-') {
		s->i++;
		if (!is_digit(peek(s)))
			return expected(s, "a digit after '-'");
	}
	if (peek(s) == '0') {
		s->i++;
		if (is_digit(peek(s))) {
			while (is_digit(peek(s)))
				s->i++;
			return fail(s, start, (unsigned)(s->i - start),
				    "leading zeros are not allowed in numbers");
		}
	} else {
		while (is_digit(peek(s)))
			s->i++;
	}
	if (peek(s) == '.') {
		s->i++;
		if (!is_digit(peek(s)))
			return expected(s, "a digit after '.'");
		while (is_digit(peek(s)))
			s->i++;
	}
	if (peek(s) == 'e' || peek(s) == 'E') {
		s->i++;
		if (peek(s) == '+' || peek(s) == '-')
			s->i++;
		if (!is_digit(peek(s)))
			return expected(s, "a digit in the exponent");
		while (is_digit(peek(s)))
			s->i++;
	}
	return true;
}

static bool scan_literal(struct scanner *s, const char *word, const char *what)
{
	size_t n = strlen(word);

	/* "truex" is one bad word, not "true" followed by junk */
	if (strncmp(s->text + s->i, word, n) || is_word(s->text[s->i + n]))
		return expected(s, what);
	s->i += n;
	return true;
}

static bool scan_array(struct scanner *s, const cJSON *node, unsigned depth)
{
	const cJSON *child = node ? node->child : NULL;
	const char *what = "a value or ']'";

	if (depth >= CJSON_NESTING_LIMIT)
		return fail(s, s->i, 1, "nesting deeper than %d levels",
			    CJSON_NESTING_LIMIT);
	s->i++;
	skip_ws(s);
	if (peek(s) == ']') {
		s->i++;
		return true;
	}
	for (;;) {
		if (!scan_value(s, child, depth + 1, what, NO_KEY))
			return false;
		child = child ? child->next : NULL;
		skip_ws(s);
		if (peek(s) == ']') {
			s->i++;
			return true;
		}
		if (peek(s) != ',')
			return expected(s, "',' or ']' after an array element");
		s->i++;
		skip_ws(s);
		what = "a value after ','";
	}
}

/*
 * JSON_STRICT: the key of 'child' (at 'key_off') appeared before in its
 * object, whose keys so far are in 'seen'?  Then fail.
 */
static bool is_duplicate(struct scanner *s, struct strmap *seen,
			 const cJSON *child, size_t key_off)
{
	unsigned line, col;
	if (!(s->flags & JSON_STRICT) || !child || !child->string)
		return false;
	struct strmap_slot *slot = strmap_find(seen, child->string, true);
	if (!slot->val) {
		slot->val = (void *)(uintptr_t)(key_off + 1);
		return false;
	}
	offset_to_linecol(s->text, (size_t)(uintptr_t)slot->val - 1, &line,
			  &col);
	s->err_valid_json = true;
	fail(s, key_off, (unsigned)(s->i - key_off),
	     "duplicate key '%s' (first defined at line %u)", child->string,
	     line);
	return true;
}

static bool scan_object(struct scanner *s, const cJSON *node, unsigned depth)
{
	struct strmap seen = { 0 };
	bool ok = scan_members(s, node, depth, &seen);
	strmap_release(&seen);
	return ok;
}

static bool scan_members(struct scanner *s, const cJSON *node, unsigned depth,
			 struct strmap *seen)
{
	const cJSON *child = node ? node->child : NULL;
	const char *what = "a string key or '}'";

	if (depth >= CJSON_NESTING_LIMIT)
		return fail(s, s->i, 1, "nesting deeper than %d levels",
			    CJSON_NESTING_LIMIT);
	s->i++;
	skip_ws(s);
	if (peek(s) == '}') {
		s->i++;
		return true;
	}
	for (;;) {
		size_t key_off = s->i;
		if (peek(s) != '"')
			return expected(s, what);
		if (!scan_string(s) || is_duplicate(s, seen, child, key_off))
			return false;
		skip_ws(s);
		if (peek(s) != ':')
			return expected(s, "':' after the key");
		s->i++;
		skip_ws(s);
		if (!scan_value(s, child, depth + 1, "a value after ':'",
				key_off))
			return false;
		child = child ? child->next : NULL;
		skip_ws(s);
		if (peek(s) == '}') {
			s->i++;
			return true;
		}
		if (peek(s) != ',')
			return expected(s,
					"',' or '}' after an object member");
		s->i++;
		skip_ws(s);
		what = "a string key after ','";
	}
}

/*
 * Scan one value at s->i (whitespace already skipped).  'node' is cJSON's
 * node for it, or NULL when only checking syntax; a container whose node
 * has the wrong type is scanned without its children's nodes rather than
 * trusted.  'what' describes the value for "expected ..." messages.
 * Returns false after fail() has recorded the first error.
 */
static bool scan_value(struct scanner *s, const cJSON *node, unsigned depth,
		       const char *what, size_t key_off)
{
	record(s, node, s->i, key_off);
	switch (peek(s)) {
	case '{':
		return scan_object(s, cJSON_IsObject(node) ? node : NULL,
				   depth);
	case '[':
		return scan_array(s, cJSON_IsArray(node) ? node : NULL, depth);
	case '"':
		return scan_string(s);
	case 't':
		return scan_literal(s, "true", what);
	case 'f':
		return scan_literal(s, "false", what);
	case 'n':
		return scan_literal(s, "null", what);
	default:
		if (peek(s) == '-' || is_digit(peek(s)))
			return scan_number(s);
		return expected(s, what);
	}
}

static bool scan_document(struct scanner *s, const cJSON *root)
{
	if (s->record)
		add_line(s, 0);
	skip_ws(s);
	if (!scan_value(s, root, 0, "a value", NO_KEY))
		return false;
	skip_ws(s);
	if (s->i < s->len)
		return expected(s, "end of input after the top-level value");
	return true;
}

static int cmp_node_pos(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct json_node_pos *)a)->node;
	uintptr_t y = (uintptr_t)((const struct json_node_pos *)b)->node;
	return x < y ? -1 : x > y;
}

int json_doc_parse(struct json_doc *d, const char *path, const char *text)
{
	return json_doc_parse_opts(d, path, text, 0);
}

int json_doc_parse_opts(struct json_doc *d, const char *path, const char *text,
			unsigned flags)
{
	struct scanner s;
	const char *end = NULL;
	unsigned line, col;

	memset(d, 0, sizeof(*d));
	if (starts_with(text, "\xef\xbb\xbf"))
		text += 3;
	d->path = path;
	d->text = text;

	memset(&s, 0, sizeof(s));
	s.flags = flags;
	s.text = text;
	s.len = strlen(text);
	d->root = cJSON_ParseWithOpts(text, &end, 1);
	s.record = d->root != NULL;

	if (scan_document(&s, d->root)) {
		if (d->root) {
			qsort(s.pos, s.npos, sizeof(*s.pos), cmp_node_pos);
			d->pos = s.pos;
			d->npos = s.npos;
			d->line_starts = s.lines;
			d->nlines = s.nlines;
			return 0;
		}
		/* valid JSON that cJSON still refused: out of memory? */
		s.err_off = end && end >= text && end <= text + s.len ?
				    (size_t)(end - text) :
				    0;
		s.err_span = 1;
		snprintf(s.err, sizeof(s.err), "cJSON cannot parse this");
	}
	offset_to_linecol(text, s.err_off, &line, &col);
	report_at(path, text, line, col, s.err_span, "error", "%s%s",
		  s.err_valid_json ? "" : "invalid JSON: ", s.err);
	free(s.pos);
	free(s.lines);
	cJSON_Delete(d->root);
	d->root = NULL;
	return -1;
}

void json_doc_release(struct json_doc *d)
{
	cJSON_Delete(d->root);
	free(d->pos);
	free(d->line_starts);
	memset(d, 0, sizeof(*d));
}

static const struct json_node_pos *find_pos(const struct json_doc *d,
					    const cJSON *node)
{
	size_t lo = 0, hi = d->npos;
	uintptr_t key = (uintptr_t)node;

	if (!node)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uintptr_t m = (uintptr_t)d->pos[mid].node;
		if (m == key)
			return &d->pos[mid];
		if (m < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void off_to_linecol(const struct json_doc *d, size_t off,
			   unsigned *line, unsigned *col)
{
	size_t lo = 0, hi = d->nlines;

	/* the last line that starts at or before 'off'; lines[0] == 0 */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->line_starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)(lo + 1);
	*col = (unsigned)(off - d->line_starts[lo] + 1);
}

void json_doc_pos(const struct json_doc *d, const cJSON *node, unsigned *line,
		  unsigned *col)
{
	const struct json_node_pos *p = find_pos(d, node);

	*line = *col = 0;
	if (p)
		off_to_linecol(d, p->off, line, col);
}

void json_doc_key_pos(const struct json_doc *d, const cJSON *member,
		      unsigned *line, unsigned *col)
{
	const struct json_node_pos *p = find_pos(d, member);

	*line = *col = 0;
	if (p && p->key_off != NO_KEY)
		off_to_linecol(d, p->key_off, line, col);
}

static size_t utf8_len(unsigned code)
{
	return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/*
 * Offset in 'text' of the character or escape that produced byte 'index'
 * of the decoded string starting at 'off', or of the closing quote when
 * 'index' is past the end.  The text is known to be valid.
 */
static size_t string_source_off(const char *text, size_t off, size_t index)
{
	size_t i = off + 1, produced = 0;

	while (text[i] && text[i] != '"') {
		size_t src = 1, out = 1;
		unsigned code;
		if (text[i] == '\\') {
			src = 2;
			if (text[i + 1] == 'u' &&
			    read_hex4(text + i + 2, &code)) {
				src = 6;
				out = utf8_len(code);
				if (code >= 0xd800 && code <= 0xdbff) {
					src = 12;
					out = 4;
				}
			}
		}
		if (index < produced + out)
			return i;
		produced += out;
		i += src;
	}
	return i;
}

void json_doc_string_pos(const struct json_doc *d, const cJSON *node,
			 size_t index, unsigned *line, unsigned *col)
{
	const struct json_node_pos *p = find_pos(d, node);

	*line = *col = 0;
	if (p && cJSON_IsString(node))
		off_to_linecol(d, string_source_off(d->text, p->off, index),
			       line, col);
}

/* Columns to underline for 'node': whole scalars, a caret otherwise. */
static unsigned value_span(const struct json_doc *d, const cJSON *node,
			   size_t off)
{
	const char *t = d->text;
	size_t end = off;

	if (cJSON_IsString(node))
		end = string_source_off(t, off, SIZE_MAX) + 1;
	else if (cJSON_IsNumber(node))
		while (t[end] && strchr("+-.eE0123456789", t[end]))
			end++;
	else if (cJSON_IsBool(node) || cJSON_IsNull(node))
		while (is_word(t[end]))
			end++;
	return end > off ? (unsigned)(end - off) : 1;
}

int json_doc_error(const struct json_doc *d, const cJSON *node,
		   const char *fmt, ...)
{
	const struct json_node_pos *p = find_pos(d, node);
	struct strbuf msg;
	unsigned line = 0, col = 0, span = 1;
	va_list ap;

	strbuf_init(&msg);
	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	if (p) {
		off_to_linecol(d, p->off, &line, &col);
		span = value_span(d, node, p->off);
	}
	report_at(d->path, d->text, line, col, span, "error", "%s", msg.buf);
	strbuf_release(&msg);
	return -1;
}

const char *json_type_name(const cJSON *node)
{
	if (cJSON_IsObject(node))
		return "an object";
	if (cJSON_IsArray(node))
		return "an array";
	if (cJSON_IsString(node))
		return "a string";
	if (cJSON_IsNumber(node))
		return "a number";
	if (cJSON_IsTrue(node))
		return "true";
	if (cJSON_IsFalse(node))
		return "false";
	if (cJSON_IsNull(node))
		return "null";
	return "an invalid value";
}
