/*
 * toml.c - TOML 1.0 parser: text -> tree of struct toml_value in an arena.
 *
 * A hand-written recursive-descent parser that reads bytes, in the shape
 * of the TOML 1.0.0 ABNF: a document is lines of key/value pairs and
 * [table] / [[array of tables]] headers; values recurse only through
 * arrays and inline tables, so the C stack grows with nesting depth and
 * nothing else.  UTF-8 is checked where the grammar allows non-ASCII
 * (strings and comments); anywhere else a byte >= 0x80 is a syntax error
 * anyway.
 *
 * The tree is built as we go.  Duplicate keys are found through one hash
 * map for the whole document, keyed by (table, key).  Each table and
 * array remembers in 'priv' how it was defined, which is what the rules
 * about defining a table twice need:
 *
 *   F_HEADER   named by a [header], or an element of an [[array]]: no
 *              second [header] and no dotted keys may name it again.
 *   F_INLINE   an inline table: frozen, nothing may add to it later.
 *   F_AOT      an array made by [[header]]s; other arrays are static and
 *              cannot be appended to.
 *   dotted_in  the section (a header's block, or one inline table) whose
 *              dotted keys created or went through this table: later
 *              sections may not name it with a [header] or dotted keys,
 *              but a [header] may still go through it to a new sub-table.
 *   none       made implicitly by a header such as [a.b] for 'a': a
 *              later [a] may define it once.
 *
 * This follows the specification text and the reading of it that the
 * toml-test suite and tomli share; see toml.h for what is reported.
 */
#include "common.h"
#include "toml.h"
#include "arena.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	F_HEADER = 1 << 0,
	F_INLINE = 1 << 1,
	F_AOT = 1 << 2,
};

/* One part of a dotted key, decoded into parser.keybuf. */
struct key_part {
	size_t off, len;     /* the name, in keybuf */
	size_t src;          /* offset of its first character in the text */
	struct toml_pos pos; /* the same, as line and column */
};

/* A slot of the key map: entry 'idx' of table 'table'. */
struct slot {
	const struct toml_value *table; /* NULL: the slot is empty */
	size_t idx;
	size_t hash; /* hash_key() of it, so that growing never reads keys */
};

struct parser {
	struct arena *a;
	const char *s;         /* the text */
	size_t len;            /* its length */
	size_t i;              /* current offset */
	struct toml_error *err;

	unsigned section;  /* id of the current header block or inline table */
	unsigned nsection; /* ids handed out so far */

	struct strbuf sbuf;   /* scratch: a string or number being decoded */
	struct strbuf keybuf; /* the decoded parts of the current key */
	struct key_part *parts;
	size_t nparts, cap_parts;

	struct slot *slots; /* the key map; 'cap_slots' is a power of 2 */
	size_t nslots, cap_slots;

	char *chunk;       /* room for strings, see copy_str() */
	size_t chunk_left;

	/* pos_at()'s cache: 'pos_off' is on line 'pos_line', from 'pos_bol' */
	size_t pos_off, pos_bol;
	unsigned pos_line;

	char desc[48]; /* describe()'s result */
	char show[160]; /* show_key()'s result */
};

/* ORDER TOML_KIND */
static const char *const kind_names[] = {
	"string",         "integer",         "float",
	"boolean",        "offset date-time", "local date-time",
	"local date",     "local time",      "array",
	"table",
};

const char *toml_kind_name(enum toml_kind k)
{
	if ((size_t)k >= ARRAY_SIZE(kind_names))
		BUG("bad toml_kind %d", (int)k);
	return kind_names[k];
}

/* "an integer", "a string": for messages. */
static const char *a_kind(enum toml_kind k)
{
	switch (k) {
	case TOML_INTEGER:
		return "an integer";
	case TOML_OFFSET_DATETIME:
		return "an offset date-time";
	case TOML_ARRAY:
		return "an array";
	case TOML_STRING:
		return "a string";
	case TOML_FLOAT:
		return "a float";
	case TOML_BOOL:
		return "a boolean";
	case TOML_LOCAL_DATETIME:
		return "a local date-time";
	case TOML_LOCAL_DATE:
		return "a local date";
	case TOML_LOCAL_TIME:
		return "a local time";
	case TOML_TABLE:
		return "a table";
	}
	BUG("bad toml_kind %d", (int)k);
}

/*
 * Positions.  Offsets are turned into line and column lazily, scanning
 * forward from the last answer, so that asking in document order costs
 * linear time overall.  Only an error asks about an earlier offset.
 */
static struct toml_pos pos_at(struct parser *p, size_t off)
{
	const char *nl;

	if (off > p->len)
		off = p->len;
	if (off < p->pos_off) {
		p->pos_off = p->pos_bol = 0;
		p->pos_line = 1;
	}
	while ((nl = memchr(p->s + p->pos_off, '\n', off - p->pos_off))) {
		p->pos_line++;
		p->pos_off = p->pos_bol = (size_t)(nl - p->s) + 1;
	}
	p->pos_off = off;
	return (struct toml_pos){ p->pos_line,
				  (unsigned)(off - p->pos_bol + 1) };
}

/* Byte at offset 'off', or -1 past the end. */
static int at(const struct parser *p, size_t off)
{
	return off < p->len ? (unsigned char)p->s[off] : -1;
}

static int cur(const struct parser *p)
{
	return at(p, p->i);
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_hex(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_bare(int c)
{
	return is_alpha(c) || is_digit(c) || c == '_' || c == '-';
}

static int is_ws(int c)
{
	return c == ' ' || c == '\t';
}

/* What may follow a scalar: blanks, a line end, a comment, a separator. */
static int is_value_end(int c)
{
	return c == -1 || is_ws(c) || c == '\n' || c == '\r' || c == '#' ||
	       c == ',' || c == ']' || c == '}';
}

static int hex_value(int c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c - 'A' + 10;
}

/*
 * Length of the well-formed UTF-8 sequence at 'off' (1-4), or 0 if the
 * bytes there are not one: overlong forms, surrogates and code points
 * past U+10FFFF are rejected, as RFC 3629 says.
 */
static size_t utf8_len(const struct parser *p, size_t off, uint32_t *cp)
{
	int c = at(p, off);
	size_t n;
	int lo = 0x80, hi = 0xBF;
	uint32_t v;

	if (c < 0)
		return 0;
	if (c < 0x80) {
		*cp = (uint32_t)c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		v = (uint32_t)c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		v = (uint32_t)c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		v = (uint32_t)c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0;
	}
	for (size_t k = 1; k < n; k++) {
		int d = at(p, off + k);
		if (d < lo || d > hi)
			return 0;
		v = v << 6 | ((uint32_t)d & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return n;
}

/* The character at 'off' for a message: "'x'", "newline", "end of file". */
static const char *describe(struct parser *p, size_t off)
{
	int c = at(p, off);
	uint32_t cp;
	size_t n;

	if (c < 0)
		return "end of file";
	if (c == '\n')
		return "newline";
	if (c == '\r')
		return "carriage return";
	if (c == '\t')
		return "tab";
	if (c == ' ')
		return "space";
	if (c == '\'')
		return "\"'\"";
	if (c < 0x20 || c == 0x7F) {
		snprintf(p->desc, sizeof(p->desc), "control character U+%04X",
			 (unsigned)c);
	} else if (c < 0x80) {
		snprintf(p->desc, sizeof(p->desc), "'%c'", c);
	} else if ((n = utf8_len(p, off, &cp)) != 0) {
		snprintf(p->desc, sizeof(p->desc), "'%.*s' (U+%04X)", (int)n,
			 p->s + off, (unsigned)cp);
	} else {
		snprintf(p->desc, sizeof(p->desc), "invalid UTF-8 byte 0x%02X",
			 (unsigned)c);
	}
	return p->desc;
}

/* Record an error at offset 'off' and return -1. */
ATTR_PRINTF(3, 4)
static int fail(struct parser *p, size_t off, const char *fmt, ...)
{
	struct toml_pos pos = pos_at(p, off);
	va_list ap;

	p->err->line = pos.line;
	p->err->col = pos.col;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/* The error for a byte that is neither ASCII nor the start of valid UTF-8. */
static int fail_utf8(struct parser *p, size_t off)
{
	unsigned c = (unsigned char)p->s[off];

	if (c >= 0xC2 && c <= 0xF4)
		return fail(p, off, "invalid UTF-8 sequence starting with byte 0x%02X",
			    c);
	return fail(p, off, "invalid UTF-8 byte 0x%02X", c);
}

/*
 * Key parts 0..'upto' of the current key, joined with dots as they were
 * written (quoted when they are not bare), for messages.
 */
static const char *show_key(struct parser *p, size_t upto)
{
	struct strbuf sb;

	strbuf_init(&sb);
	for (size_t k = 0; k <= upto && k < p->nparts; k++) {
		const char *s = p->keybuf.buf + p->parts[k].off;
		size_t n = p->parts[k].len, j;

		if (k)
			strbuf_addc(&sb, '.');
		for (j = 0; j < n && is_bare((unsigned char)s[j]); j++)
			;
		if (n && j == n) {
			strbuf_add(&sb, s, n);
			continue;
		}
		strbuf_addc(&sb, '"');
		for (j = 0; j < n; j++) {
			unsigned char c = (unsigned char)s[j];
			if (c == '"' || c == '\\')
				strbuf_addf(&sb, "\\%c", c);
			else if (c < 0x20 || c == 0x7F)
				strbuf_addf(&sb, "\\u%04X", c);
			else
				strbuf_addc(&sb, (char)c);
		}
		strbuf_addc(&sb, '"');
	}
	if (sb.len >= sizeof(p->show)) {
		memcpy(p->show, sb.buf, sizeof(p->show) - 4);
		memcpy(p->show + sizeof(p->show) - 4, "...", 4);
	} else {
		memcpy(p->show, sb.buf, sb.len + 1);
	}
	strbuf_release(&sb);
	return p->show;
}

/*
 * The key map: open addressing with linear probing over every table of
 * the document at once, so that finding a key is O(1) however big the
 * table is.  It stores indices, not pointers, because a table's items
 * move when it grows.  Tables of up to SMALL_TABLE keys are searched
 * directly instead, which is as fast and keeps most of them out of the
 * map; a table enters the map, all its keys at once, when it grows past
 * that.
 */
#define SMALL_TABLE 8

static size_t hash_key(const struct toml_value *t, const char *k, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */

	for (size_t j = 0; j < n; j++) {
		h ^= (unsigned char)k[j];
		h *= 0x100000001b3u;
	}
	/*
	 * Tables are close together in the arena and aligned, so mix the
	 * pointer in and finish with murmur3's fmix64: the slot index uses
	 * the low bits, which must depend on all of them.
	 */
	h ^= (uint64_t)(uintptr_t)t;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return (size_t)h;
}

static struct toml_kv *table_find(struct parser *p, const struct toml_value *t,
				  const char *k, size_t n)
{
	size_t mask = p->cap_slots - 1, h;

	if (t->u.tab.n <= SMALL_TABLE) {
		for (size_t j = 0; j < t->u.tab.n; j++) {
			struct toml_kv *kv = &t->u.tab.items[j];
			if (kv->key_len == n && !memcmp(kv->key, k, n))
				return kv;
		}
		return NULL;
	}
	h = hash_key(t, k, n);
	for (size_t j = h & mask;; j = (j + 1) & mask) {
		struct slot *sl = &p->slots[j];
		struct toml_kv *kv;

		if (!sl->table)
			return NULL;
		if (sl->hash != h || sl->table != t)
			continue;
		kv = &t->u.tab.items[sl->idx];
		if (kv->key_len == n && !memcmp(kv->key, k, n))
			return kv;
	}
}

static void slot_put(struct slot *slots, size_t cap, const struct slot *s)
{
	size_t mask = cap - 1, j;

	for (j = s->hash & mask; slots[j].table; j = (j + 1) & mask)
		;
	slots[j] = *s;
}

static void keymap_add(struct parser *p, const struct toml_value *t, size_t idx)
{
	const struct toml_kv *kv = &t->u.tab.items[idx];
	struct slot s = { t, idx, hash_key(t, kv->key, kv->key_len) };

	if ((p->nslots + 1) * 2 > p->cap_slots) {
		size_t cap = p->cap_slots ? p->cap_slots * 2 : 64;
		struct slot *slots = xcalloc(cap, sizeof(*slots));

		for (size_t j = 0; j < p->cap_slots; j++)
			if (p->slots[j].table)
				slot_put(slots, cap, &p->slots[j]);
		free(p->slots);
		p->slots = slots;
		p->cap_slots = cap;
	}
	slot_put(p->slots, p->cap_slots, &s);
	p->nslots++;
}

/*
 * Building the tree.  Item arrays live in the arena and double when
 * full; the old copy is simply left behind, which costs at most as much
 * again.
 */
static void *grow_items(struct parser *p, void *items, size_t n, size_t *cap,
			size_t size)
{
	size_t ncap = *cap ? *cap * 2 : 1;
	void *fresh;

	if (ncap > SIZE_MAX / 2 / size)
		die("toml: too many items");
	fresh = arena_alloc(p->a, ncap * size);
	if (n)
		memcpy(fresh, items, n * size);
	*cap = ncap;
	return fresh;
}

/*
 * A NUL-terminated copy of 's' in the arena.  Strings are packed into
 * chunks: arena_alloc() would round each one up to max_align_t.
 */
static const char *copy_str(struct parser *p, const char *s, size_t n)
{
	char *d;

	if (n >= p->chunk_left) {
		if (n >= 1024)
			return arena_strndup(p->a, s, n);
		p->chunk = arena_alloc(p->a, 4096);
		p->chunk_left = 4096;
	}
	d = p->chunk;
	memcpy(d, s, n);
	d[n] = '\0';
	p->chunk += n + 1;
	p->chunk_left -= n + 1;
	return d;
}

static struct toml_value *new_value(struct parser *p, enum toml_kind kind,
				    struct toml_pos pos)
{
	struct toml_value *v = arena_alloc(p->a, sizeof(*v));

	v->kind = kind;
	v->pos = pos;
	return v;
}

/*
 * A new table or array one level below 'depth', or NULL after an error
 * at 'off' if that is too deep.
 */
static struct toml_value *new_container(struct parser *p, enum toml_kind kind,
					struct toml_pos pos, unsigned depth,
					size_t off)
{
	struct toml_value *v;

	if (depth >= TOML_MAX_DEPTH) {
		fail(p, off, "nesting is too deep (more than %d levels)",
		     TOML_MAX_DEPTH);
		return NULL;
	}
	v = new_value(p, kind, pos);
	v->priv.depth = depth + 1;
	return v;
}

/*
 * Append 'key' = 'v' to table 't'; the caller has checked that 'key' is
 * new, and 'key' is already in the arena (copy_str()).
 */
static void table_add(struct parser *p, struct toml_value *t, const char *key,
		      size_t key_len, struct toml_pos key_pos,
		      struct toml_value *v)
{
	struct toml_kv *kv;

	if (t->u.tab.n == t->priv.cap)
		t->u.tab.items = grow_items(p, t->u.tab.items, t->u.tab.n,
					    &t->priv.cap, sizeof(*kv));
	kv = &t->u.tab.items[t->u.tab.n];
	kv->key = key;
	kv->key_len = key_len;
	kv->key_pos = key_pos;
	kv->value = v;
	t->u.tab.n++;
	if (t->u.tab.n == SMALL_TABLE + 1)
		for (size_t k = 0; k < t->u.tab.n; k++)
			keymap_add(p, t, k);
	else if (t->u.tab.n > SMALL_TABLE + 1)
		keymap_add(p, t, t->u.tab.n - 1);
}

static void array_push(struct parser *p, struct toml_value *arr,
		       struct toml_value *v)
{
	if (arr->u.arr.n == arr->priv.cap)
		arr->u.arr.items = grow_items(p, arr->u.arr.items, arr->u.arr.n,
					      &arr->priv.cap, sizeof(v));
	arr->u.arr.items[arr->u.arr.n++] = v;
}

/*
 * Start a new section (a header's block or an inline table) for the
 * dotted-key rules.  Ids are never reused, so they cannot wrap around.
 */
static int new_section(struct parser *p, size_t off)
{
	if (p->nsection == UINT_MAX)
		return fail(p, off, "too many tables");
	p->section = ++p->nsection;
	return 0;
}

/*
 * Whitespace, newlines and comments.
 */
static void skip_ws(struct parser *p)
{
	while (is_ws(cur(p)))
		p->i++;
}

static int fail_cr(struct parser *p, size_t off)
{
	return fail(p, off, "carriage return not followed by a line feed");
}

/* At '#': skip the comment up to (not including) the end of the line. */
static int skip_comment(struct parser *p)
{
	uint32_t cp;
	size_t n;

	for (p->i++;; p->i++) {
		int c = cur(p);

		if (c < 0 || c == '\n')
			return 0;
		if (c == '\t' || (c >= 0x20 && c < 0x7F))
			continue;
		if (c == '\r') {
			if (at(p, p->i + 1) == '\n')
				return 0;
			return fail_cr(p, p->i);
		}
		if (c < 0x80)
			return fail(p, p->i,
				    "control character U+%04X is not allowed in a comment",
				    (unsigned)c);
		if (!(n = utf8_len(p, p->i, &cp)))
			return fail_utf8(p, p->i);
		p->i += n - 1;
	}
}

/*
 * The end of a line that held a key/value pair or a header ('after'
 * names it): whitespace, a comment, then a newline or the end.
 */
static int end_line(struct parser *p, const char *after)
{
	int c;

	skip_ws(p);
	if (cur(p) == '#' && skip_comment(p))
		return -1;
	c = cur(p);
	if (c < 0)
		return 0;
	if (c == '\n') {
		p->i++;
		return 0;
	}
	if (c == '\r') {
		if (at(p, p->i + 1) != '\n')
			return fail_cr(p, p->i);
		p->i += 2;
		return 0;
	}
	return fail(p, p->i, "expected newline after %s, found %s", after,
		    describe(p, p->i));
}

/* Whitespace, newlines and comments, as allowed between array elements. */
static int skip_ws_comments(struct parser *p)
{
	for (;;) {
		int c = cur(p);

		if (is_ws(c) || c == '\n') {
			p->i++;
		} else if (c == '\r') {
			if (at(p, p->i + 1) != '\n')
				return fail_cr(p, p->i);
			p->i += 2;
		} else if (c == '#') {
			if (skip_comment(p))
				return -1;
		} else {
			return 0;
		}
	}
}

/*
 * Strings.  Each parser appends the decoded string to 'out'; 'start' is
 * the offset of the opening delimiter, for "unterminated" errors.
 */
static void add_utf8(struct strbuf *out, uint32_t cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | cp >> 18);
		b[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	strbuf_add(out, b, n);
}

/* At '\' in a basic string, not a line-ending backslash: decode one escape. */
static int parse_escape(struct parser *p, struct strbuf *out)
{
	size_t start = p->i;
	int c = at(p, start + 1);
	int ndig;
	uint32_t cp = 0;

	switch (c) {
	case 'b':
		strbuf_addc(out, '\b');
		break;
	case 't':
		strbuf_addc(out, '\t');
		break;
	case 'n':
		strbuf_addc(out, '\n');
		break;
	case 'f':
		strbuf_addc(out, '\f');
		break;
	case 'r':
		strbuf_addc(out, '\r');
		break;
	case '"':
	case '\\':
		strbuf_addc(out, (char)c);
		break;
	case 'u':
	case 'U':
		ndig = c == 'u' ? 4 : 8;
		for (int k = 0; k < ndig; k++) {
			int d = at(p, start + 2 + (size_t)k);
			if (!is_hex(d))
				return fail(p, start,
					    "invalid escape: '\\%c' needs %d hex digits",
					    c, ndig);
			cp = cp << 4 | (uint32_t)hex_value(d);
		}
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return fail(p, start,
				    "invalid escape '\\%c%.*s': not a Unicode scalar value",
				    c, ndig, p->s + start + 2);
		add_utf8(out, cp);
		p->i = start + 2 + (size_t)ndig;
		return 0;
	default:
		if (c > 0x20 && c < 0x7F)
			return fail(p, start, "invalid escape '\\%c' in string", c);
		return fail(p, start, "invalid escape: '\\' followed by %s",
			    describe(p, start + 1));
	}
	p->i = start + 2;
	return 0;
}

/*
 * One character of a string body that is not a delimiter, escape or
 * newline: copy it to 'out' if the grammar allows it.
 */
static int string_char(struct parser *p, struct strbuf *out)
{
	int c = cur(p);
	uint32_t cp;
	size_t n;

	if (c == '\t' || (c >= 0x20 && c < 0x7F)) {
		size_t run = p->i;
		/* copy a run of plain characters at once */
		while (run < p->len && ((unsigned char)p->s[run] >= 0x20 &&
					(unsigned char)p->s[run] < 0x7F) &&
		       p->s[run] != '"' && p->s[run] != '\'' &&
		       p->s[run] != '\\')
			run++;
		if (run == p->i)
			run++;
		strbuf_add(out, p->s + p->i, run - p->i);
		p->i = run;
		return 0;
	}
	if (c < 0x80)
		return fail(p, p->i,
			    "control character U+%04X is not allowed in a string",
			    (unsigned)c);
	if (!(n = utf8_len(p, p->i, &cp)))
		return fail_utf8(p, p->i);
	strbuf_add(out, p->s + p->i, n);
	p->i += n;
	return 0;
}

static int fail_unterminated(struct parser *p, size_t start, const char *delim)
{
	return fail(p, start, "unterminated string (missing closing %s)", delim);
}

/* At '"': a basic string on one line. */
static int parse_basic(struct parser *p, struct strbuf *out)
{
	size_t start = p->i++;

	for (;;) {
		int c = cur(p);

		if (c == '"') {
			p->i++;
			return 0;
		}
		if (c < 0 || c == '\n' ||
		    (c == '\r' && at(p, p->i + 1) == '\n'))
			return fail_unterminated(p, start, "'\"'");
		if (c == '\\') {
			if (parse_escape(p, out))
				return -1;
		} else if (string_char(p, out)) {
			return -1;
		}
	}
}

/* At '\'': a literal string on one line. */
static int parse_literal(struct parser *p, struct strbuf *out)
{
	size_t start = p->i++;

	for (;;) {
		int c = cur(p);

		if (c == '\'') {
			p->i++;
			return 0;
		}
		if (c < 0 || c == '\n' ||
		    (c == '\r' && at(p, p->i + 1) == '\n'))
			return fail_unterminated(p, start, "\"'\"");
		if (c == '\\') {
			strbuf_addc(out, '\\');
			p->i++;
		} else if (string_char(p, out)) {
			return -1;
		}
	}
}

/*
 * In a multi-line string, at a newline (LF or CRLF): append "\n" and
 * return 1; a lone CR is an error (-1); anything else returns 0.
 */
static int ml_newline(struct parser *p, struct strbuf *out)
{
	int c = cur(p);

	if (c == '\n') {
		p->i++;
	} else if (c == '\r') {
		if (at(p, p->i + 1) != '\n')
			return fail_cr(p, p->i);
		p->i += 2;
	} else {
		return 0;
	}
	if (out)
		strbuf_addc(out, '\n');
	return 1;
}

/*
 * At a run of 'q' quotes in a multi-line string.  Three or more close
 * the string, and up to two more before them belong to it.  Returns 1
 * when the string ended, 0 if the quotes were content, -1 on error.
 */
static int ml_quotes(struct parser *p, struct strbuf *out, char q)
{
	size_t n = 0;

	while (at(p, p->i + n) == q)
		n++;
	if (n < 3) {
		strbuf_add(out, p->s + p->i, n);
		p->i += n;
		return 0;
	}
	if (n > 5)
		return fail(p, p->i + 5,
			    "too many quotes: at most two may come before the closing %c%c%c",
			    q, q, q);
	strbuf_add(out, p->s + p->i, n - 3);
	p->i += n;
	return 1;
}

/* After a line-ending backslash: skip blanks and newlines. */
static int skip_blank_lines(struct parser *p)
{
	for (;;) {
		int r = ml_newline(p, NULL);

		if (r < 0)
			return -1;
		if (r == 0 && !is_ws(cur(p)))
			return 0;
		if (r == 0)
			p->i++;
	}
}

/* At '"""': a multi-line basic string. */
static int parse_ml_basic(struct parser *p, struct strbuf *out)
{
	size_t start = p->i;
	int r;

	p->i += 3;
	if (ml_newline(p, NULL) < 0)
		return -1;
	for (;;) {
		int c = cur(p);

		if (c < 0)
			return fail_unterminated(p, start, "'\"\"\"'");
		if (c == '"') {
			if ((r = ml_quotes(p, out, '"')) != 0)
				return r < 0 ? -1 : 0;
		} else if (c == '\\') {
			/* a line-ending backslash eats blanks and newlines */
			size_t j = p->i + 1;
			while (is_ws(at(p, j)))
				j++;
			if (at(p, j) == '\n' || at(p, j) == '\r') {
				p->i = j;
				if (skip_blank_lines(p))
					return -1;
			} else if (j > p->i + 1) {
				return fail(p, p->i,
					    "invalid escape: '\\' followed by whitespace must end the line");
			} else if (parse_escape(p, out)) {
				return -1;
			}
		} else if ((r = ml_newline(p, out)) != 0) {
			if (r < 0)
				return -1;
		} else if (string_char(p, out)) {
			return -1;
		}
	}
}

/* At "'''": a multi-line literal string. */
static int parse_ml_literal(struct parser *p, struct strbuf *out)
{
	size_t start = p->i;
	int r;

	p->i += 3;
	if (ml_newline(p, NULL) < 0)
		return -1;
	for (;;) {
		int c = cur(p);

		if (c < 0)
			return fail_unterminated(p, start, "\"'''\"");
		if (c == '\'') {
			if ((r = ml_quotes(p, out, '\'')) != 0)
				return r < 0 ? -1 : 0;
		} else if (c == '\\') {
			strbuf_addc(out, '\\');
			p->i++;
		} else if ((r = ml_newline(p, out)) != 0) {
			if (r < 0)
				return -1;
		} else if (string_char(p, out)) {
			return -1;
		}
	}
}

static int starts_3(const struct parser *p, char q)
{
	return at(p, p->i) == q && at(p, p->i + 1) == q && at(p, p->i + 2) == q;
}

static struct toml_value *parse_string(struct parser *p, struct toml_pos pos)
{
	struct toml_value *v;
	char q = p->s[p->i];
	int r;

	strbuf_reset(&p->sbuf);
	if (starts_3(p, q))
		r = q == '"' ? parse_ml_basic(p, &p->sbuf)
			     : parse_ml_literal(p, &p->sbuf);
	else
		r = q == '"' ? parse_basic(p, &p->sbuf)
			     : parse_literal(p, &p->sbuf);
	if (r)
		return NULL;
	v = new_value(p, TOML_STRING, pos);
	v->u.str.s = copy_str(p, p->sbuf.buf, p->sbuf.len);
	v->u.str.len = p->sbuf.len;
	return v;
}

/*
 * Numbers, booleans, dates and times.
 */

/* Length of the word (bare-key characters, '.', '+') at 'off', for messages. */
static int word_len(const struct parser *p, size_t off)
{
	size_t j = off;

	while (is_bare(at(p, j)) || at(p, j) == '.' || at(p, j) == '+')
		j++;
	return j - off > 40 ? 40 : (int)(j - off);
}

static int fail_value(struct parser *p, size_t start)
{
	int n = word_len(p, start);

	if (n)
		return fail(p, start, "expected a value, found '%.*s'", n,
			    p->s + start);
	return fail(p, start, "expected a value, found %s",
		    describe(p, start));
}

/* After a scalar: make sure it ends there ("what" names it). */
static int check_end(struct parser *p, const char *what)
{
	if (is_value_end(cur(p)))
		return 0;
	return fail(p, p->i, "unexpected %s in %s", describe(p, p->i), what);
}

enum base { BASE_DEC, BASE_HEX, BASE_OCT, BASE_BIN };

static int is_base_digit(int c, enum base b)
{
	switch (b) {
	case BASE_HEX:
		return is_hex(c);
	case BASE_OCT:
		return c >= '0' && c <= '7';
	case BASE_BIN:
		return c == '0' || c == '1';
	case BASE_DEC:
		break;
	}
	return is_digit(c);
}

/*
 * At a digit: DIGIT *( ["_"] DIGIT ), appending the digits without the
 * underscores to p->sbuf.
 */
static int scan_digits(struct parser *p, enum base b)
{
	for (;;) {
		int c = cur(p);

		if (is_base_digit(c, b)) {
			strbuf_addc(&p->sbuf, (char)c);
			p->i++;
		} else if (c == '_') {
			if (!is_base_digit(at(p, p->i + 1), b))
				return fail(p, p->i,
					    "'_' in a number must be between two digits");
			p->i++;
		} else {
			return 0;
		}
	}
}

/* At "0x", "0o" or "0b". */
static struct toml_value *parse_prefixed(struct parser *p, struct toml_pos pos)
{
	static const char *const names[] = { "decimal", "hexadecimal", "octal",
					     "binary" };
	size_t start = p->i;
	int c = at(p, start + 1);
	enum base b = c == 'x' ? BASE_HEX : c == 'o' ? BASE_OCT : BASE_BIN;
	unsigned shift = b == BASE_HEX ? 4 : b == BASE_OCT ? 3 : 1;
	uint64_t v = 0;
	struct toml_value *val;

	p->i += 2;
	if (!is_base_digit(cur(p), b)) {
		fail(p, p->i, "expected %s digit after '0%c', found %s",
		     names[b], c, describe(p, p->i));
		return NULL;
	}
	strbuf_reset(&p->sbuf);
	if (scan_digits(p, b))
		return NULL;
	if (is_alpha(cur(p)) || is_digit(cur(p))) {
		fail(p, p->i, "invalid digit '%c' in %s integer", cur(p),
		     names[b]);
		return NULL;
	}
	if (check_end(p, "integer"))
		return NULL;
	for (size_t k = 0; k < p->sbuf.len; k++) {
		if (v > (uint64_t)INT64_MAX >> shift) {
			fail(p, start, "integer out of range (more than 64 bits)");
			return NULL;
		}
		v = v << shift | (uint64_t)hex_value(p->sbuf.buf[k]);
	}
	if (v > (uint64_t)INT64_MAX) {
		fail(p, start, "integer out of range (more than 64 bits)");
		return NULL;
	}
	val = new_value(p, TOML_INTEGER, pos);
	val->u.i = (int64_t)v;
	return val;
}

/* strtod() on p->sbuf, with '.' changed to the locale's decimal point. */
static double to_double(struct parser *p)
{
	const char *dp = localeconv()->decimal_point;
	char *dot = strchr(p->sbuf.buf, '.');

	if (dot && dp && dp[0] && !dp[1])
		*dot = dp[0];
	errno = 0;
	return strtod(p->sbuf.buf, NULL);
}

/* At a sign or a digit: an integer or a float, including inf and nan. */
static struct toml_value *parse_number(struct parser *p, struct toml_pos pos)
{
	size_t start = p->i;
	int c = cur(p), neg = 0, is_float = 0;
	struct toml_value *v;

	strbuf_reset(&p->sbuf);
	if (c == '+' || c == '-') {
		neg = c == '-';
		strbuf_addc(&p->sbuf, (char)c);
		c = at(p, ++p->i);
	}
	if (c == 'i' || c == 'n') {
		if (word_len(p, p->i) != 3 ||
		    memcmp(p->s + p->i, c == 'i' ? "inf" : "nan", 3)) {
			fail_value(p, start);
			return NULL;
		}
		v = new_value(p, TOML_FLOAT, pos);
		if (c == 'i')
			v->u.f = neg ? -(double)INFINITY : (double)INFINITY;
		else
			v->u.f = neg ? -(double)NAN : (double)NAN;
		p->i += 3;
		return check_end(p, "float") ? NULL : v;
	}
	if (c == '0' && (at(p, p->i + 1) == 'x' || at(p, p->i + 1) == 'o' ||
			 at(p, p->i + 1) == 'b')) {
		if (p->i != start) {
			fail(p, start, "%s integer cannot have a sign",
			     at(p, p->i + 1) == 'x' ? "a hexadecimal" :
			     at(p, p->i + 1) == 'o' ? "an octal" : "a binary");
			return NULL;
		}
		return parse_prefixed(p, pos);
	}
	if (!is_digit(c)) {
		fail_value(p, start);
		return NULL;
	}
	if (c == '0' && (is_digit(at(p, p->i + 1)) || at(p, p->i + 1) == '_')) {
		fail(p, p->i, "leading zeros are not allowed in a number");
		return NULL;
	}
	if (scan_digits(p, BASE_DEC))
		return NULL;
	if (cur(p) == '.') {
		strbuf_addc(&p->sbuf, '.');
		if (!is_digit(at(p, ++p->i))) {
			fail(p, p->i, "expected digit after decimal point, found %s",
			     describe(p, p->i));
			return NULL;
		}
		if (scan_digits(p, BASE_DEC))
			return NULL;
		is_float = 1;
	}
	if (cur(p) == 'e' || cur(p) == 'E') {
		strbuf_addc(&p->sbuf, 'e');
		c = at(p, ++p->i);
		if (c == '+' || c == '-') {
			strbuf_addc(&p->sbuf, (char)c);
			p->i++;
		}
		if (!is_digit(cur(p))) {
			fail(p, p->i, "expected digit in exponent, found %s",
			     describe(p, p->i));
			return NULL;
		}
		if (scan_digits(p, BASE_DEC))
			return NULL;
		is_float = 1;
	}
	if (check_end(p, is_float ? "float" : "number"))
		return NULL;
	if (is_float) {
		double d = to_double(p);
		if (errno == ERANGE && isinf(d)) {
			fail(p, start, "float out of range");
			return NULL;
		}
		v = new_value(p, TOML_FLOAT, pos);
		v->u.f = d;
		return v;
	}

	uint64_t u = 0;
	uint64_t limit = (uint64_t)INT64_MAX + (neg ? 1 : 0);
	for (size_t k = (p->sbuf.buf[0] == '+' || neg); k < p->sbuf.len; k++) {
		unsigned d = (unsigned)(p->sbuf.buf[k] - '0');
		if (u > (limit - d) / 10) {
			fail(p, start, "integer out of range (more than 64 bits)");
			return NULL;
		}
		u = u * 10 + d;
	}
	v = new_value(p, TOML_INTEGER, pos);
	v->u.i = neg ? (u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u)
		     : (int64_t)u;
	return v;
}

/* Exactly two digits into '*out', within [lo, hi]; 'what' names the field. */
static int two_digits(struct parser *p, int *out, int lo, int hi,
		      const char *what)
{
	int c0 = cur(p), c1 = at(p, p->i + 1);

	if (!is_digit(c0) || !is_digit(c1) || is_digit(at(p, p->i + 2)))
		return fail(p, p->i, "expected two-digit %s", what);
	*out = (c0 - '0') * 10 + (c1 - '0');
	if (*out < lo || *out > hi)
		return fail(p, p->i, "%s %02d out of range (%02d to %02d)", what,
			    *out, lo, hi);
	p->i += 2;
	return 0;
}

static int expect_char(struct parser *p, int c, const char *after)
{
	if (cur(p) == c) {
		p->i++;
		return 0;
	}
	return fail(p, p->i, "expected '%c' after %s, found %s", c, after,
		    describe(p, p->i));
}

static int days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

/* hh:mm:ss[.frac] */
static int parse_time(struct parser *p, struct toml_datetime *dt)
{
	if (two_digits(p, &dt->hour, 0, 23, "hour") ||
	    expect_char(p, ':', "hour") ||
	    two_digits(p, &dt->minute, 0, 59, "minute"))
		return -1;
	if (cur(p) != ':')
		return fail(p, p->i,
			    "expected ':' after minute, found %s (seconds are required)",
			    describe(p, p->i));
	p->i++;
	if (two_digits(p, &dt->second, 0, 60, "second"))
		return -1;
	if (cur(p) == '.') {
		p->i++;
		if (!is_digit(cur(p)))
			return fail(p, p->i,
				    "expected digit after '.' in time, found %s",
				    describe(p, p->i));
		for (; is_digit(cur(p)); p->i++) {
			if (dt->frac_digits == 9)
				continue; /* truncated, not rounded */
			dt->nanosecond = dt->nanosecond * 10 + (cur(p) - '0');
			dt->frac_digits++;
		}
		for (int k = dt->frac_digits; k < 9; k++)
			dt->nanosecond *= 10;
	}
	return 0;
}

/* At "hh:": a local time. */
static struct toml_value *parse_local_time(struct parser *p,
					   struct toml_pos pos)
{
	struct toml_value *v = new_value(p, TOML_LOCAL_TIME, pos);
	int c;

	if (parse_time(p, &v->u.dt))
		return NULL;
	c = cur(p);
	if (c == 'Z' || c == 'z' || c == '+' || c == '-') {
		fail(p, p->i, "a local time cannot have a UTC offset");
		return NULL;
	}
	return check_end(p, "time") ? NULL : v;
}

/* At "yyyy-": a local date, local date-time or offset date-time. */
static struct toml_value *parse_date(struct parser *p, struct toml_pos pos)
{
	struct toml_value *v = new_value(p, TOML_LOCAL_DATE, pos);
	struct toml_datetime *dt = &v->u.dt;
	const char *s = p->s + p->i;
	size_t day_off;
	int c;

	dt->year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		   (s[2] - '0') * 10 + (s[3] - '0');
	p->i += 5;
	if (two_digits(p, &dt->month, 1, 12, "month") ||
	    expect_char(p, '-', "month"))
		return NULL;
	day_off = p->i;
	if (two_digits(p, &dt->day, 1, 31, "day"))
		return NULL;
	if (dt->day > days_in_month(dt->year, dt->month)) {
		fail(p, day_off, "day %02d out of range: %04d-%02d has %d days",
		     dt->day, dt->year, dt->month,
		     days_in_month(dt->year, dt->month));
		return NULL;
	}
	c = cur(p);
	if (c == 'T' || c == 't' || (c == ' ' && is_digit(at(p, p->i + 1)))) {
		p->i++;
		v->kind = TOML_LOCAL_DATETIME;
		if (parse_time(p, dt))
			return NULL;
		c = cur(p);
		if (c == 'Z' || c == 'z') {
			v->kind = TOML_OFFSET_DATETIME;
			dt->has_offset = 1;
			p->i++;
		} else if (c == '+' || c == '-') {
			int hh, mm;

			p->i++;
			if (two_digits(p, &hh, 0, 23, "offset hour") ||
			    expect_char(p, ':', "offset hour") ||
			    two_digits(p, &mm, 0, 59, "offset minute"))
				return NULL;
			v->kind = TOML_OFFSET_DATETIME;
			dt->has_offset = 1;
			dt->offset_minutes = hh * 60 + mm;
			if (c == '-')
				dt->offset_minutes = -dt->offset_minutes;
		}
	}
	return check_end(p, v->kind == TOML_LOCAL_DATE ? "date" : "date-time")
		       ? NULL
		       : v;
}

/* At a letter: true, false, inf or nan. */
static struct toml_value *parse_word(struct parser *p, struct toml_pos pos)
{
	size_t start = p->i;
	int n = word_len(p, start);
	struct toml_value *v;

	if ((n == 4 && !memcmp(p->s + start, "true", 4)) ||
	    (n == 5 && !memcmp(p->s + start, "false", 5))) {
		v = new_value(p, TOML_BOOL, pos);
		v->u.b = n == 4;
		p->i += (size_t)n;
		return v;
	}
	if (n == 3 && (!memcmp(p->s + start, "inf", 3) ||
		       !memcmp(p->s + start, "nan", 3)))
		return parse_number(p, pos);
	fail_value(p, start);
	return NULL;
}

/*
 * Arrays, inline tables and values.  'depth' is that of the table or
 * array that will hold the value.
 */
static struct toml_value *parse_value(struct parser *p, unsigned depth);
static int parse_keyval(struct parser *p, struct toml_value *t);

static struct toml_value *parse_array(struct parser *p, struct toml_pos pos,
				      unsigned depth)
{
	struct toml_value *arr = new_container(p, TOML_ARRAY, pos, depth, p->i);

	if (!arr)
		return NULL;
	p->i++;
	for (;;) {
		struct toml_value *item;

		if (skip_ws_comments(p))
			return NULL;
		if (cur(p) == ']')
			break;
		if (!(item = parse_value(p, arr->priv.depth)))
			return NULL;
		array_push(p, arr, item);
		if (skip_ws_comments(p))
			return NULL;
		if (cur(p) == ',') {
			p->i++;
			continue;
		}
		if (cur(p) == ']')
			break;
		fail(p, p->i, "expected ',' or ']' after array element, found %s",
		     describe(p, p->i));
		return NULL;
	}
	p->i++;
	return arr;
}

static int is_key_start(int c)
{
	return is_bare(c) || c == '"' || c == '\'';
}

/* In an inline table, 'what' was expected at p->i but is not there. */
static int fail_inline(struct parser *p, const char *what)
{
	int c = cur(p);

	if (c == '\n' || c == '\r')
		return fail(p, p->i,
			    "expected %s, found newline (an inline table must be on one line)",
			    what);
	return fail(p, p->i, "expected %s in inline table, found %s", what,
		    describe(p, p->i));
}

static struct toml_value *parse_inline_table(struct parser *p,
					     struct toml_pos pos,
					     unsigned depth)
{
	size_t pos_off = p->i;
	struct toml_value *t =
		new_container(p, TOML_TABLE, pos, depth, pos_off);
	unsigned saved = p->section;
	int c;

	if (!t)
		return NULL;
	t->priv.flags = F_INLINE;
	if (new_section(p, pos_off))
		return NULL;
	p->i++;
	skip_ws(p);
	if (cur(p) != '}') {
		for (;;) {
			c = cur(p);
			if (c == '}') {
				fail(p, p->i, "trailing comma is not allowed in an inline table");
				return NULL;
			}
			if (!is_key_start(c)) {
				fail_inline(p, "a key");
				return NULL;
			}
			if (parse_keyval(p, t))
				return NULL;
			skip_ws(p);
			c = cur(p);
			if (c == '}')
				break;
			if (c != ',') {
				fail_inline(p, "',' or '}'");
				return NULL;
			}
			p->i++;
			skip_ws(p);
		}
	}
	p->i++;
	p->section = saved;
	return t;
}

static struct toml_value *parse_value(struct parser *p, unsigned depth)
{
	struct toml_pos pos = pos_at(p, p->i);
	int c = cur(p);

	switch (c) {
	case '"':
	case '\'':
		return parse_string(p, pos);
	case '[':
		return parse_array(p, pos, depth);
	case '{':
		return parse_inline_table(p, pos, depth);
	case '+':
	case '-':
		return parse_number(p, pos);
	}
	if (is_digit(c)) {
		const char *s = p->s + p->i;
		size_t left = p->len - p->i;

		if (left >= 5 && is_digit(s[1]) && is_digit(s[2]) &&
		    is_digit(s[3]) && s[4] == '-')
			return parse_date(p, pos);
		if (left >= 3 && is_digit(s[1]) && s[2] == ':')
			return parse_local_time(p, pos);
		return parse_number(p, pos);
	}
	if (is_alpha(c))
		return parse_word(p, pos);
	if (c == '\n' || c == '\r' || c < 0 || c == '#')
		fail(p, p->i, "expected a value, found %s", describe(p, p->i));
	else
		fail_value(p, p->i);
	return NULL;
}

/*
 * Keys.  parse_key() reads a whole dotted key into p->parts (and skips
 * the whitespace after it); the steps below walk it down the tree.
 */
static int parse_key(struct parser *p)
{
	p->nparts = 0;
	strbuf_reset(&p->keybuf);
	for (;;) {
		struct key_part *kp;
		size_t start = p->i, off = p->keybuf.len;
		struct toml_pos pos = pos_at(p, start);
		int c = cur(p);

		if ((c == '"' || c == '\'') && starts_3(p, (char)c))
			return fail(p, start,
				    "a multi-line string cannot be used as a key");
		if (c == '"') {
			if (parse_basic(p, &p->keybuf))
				return -1;
		} else if (c == '\'') {
			if (parse_literal(p, &p->keybuf))
				return -1;
		} else if (is_bare(c)) {
			while (is_bare(cur(p)))
				p->i++;
			strbuf_add(&p->keybuf, p->s + start, p->i - start);
		} else {
			return fail(p, start, "expected a key%s, found %s",
				    p->nparts ? " after '.'" : "",
				    describe(p, start));
		}
		if (p->nparts >= TOML_MAX_DEPTH)
			return fail(p, start,
				    "key has too many parts (more than %d)",
				    TOML_MAX_DEPTH);
		ARRAY_GROW(p->parts, p->nparts + 1, p->cap_parts);
		kp = &p->parts[p->nparts++];
		kp->off = off;
		kp->len = p->keybuf.len - off;
		kp->src = start;
		kp->pos = pos;
		skip_ws(p);
		if (cur(p) != '.')
			return 0;
		p->i++;
		skip_ws(p);
	}
}

static struct toml_kv *find_part(struct parser *p, const struct toml_value *t,
				 size_t k)
{
	return table_find(p, t, p->keybuf.buf + p->parts[k].off,
			  p->parts[k].len);
}

/* Add a new, empty table or array named by key part 'k' to 't'. */
static struct toml_value *add_container(struct parser *p, struct toml_value *t,
					size_t k, enum toml_kind kind,
					struct toml_pos pos)
{
	struct key_part *kp = &p->parts[k];
	struct toml_value *v =
		new_container(p, kind, pos, t->priv.depth, kp->src);

	if (v)
		table_add(p, t, copy_str(p, p->keybuf.buf + kp->off, kp->len),
			  kp->len, kp->pos, v);
	return v;
}

/*
 * The error for key part 'k' whose existing value 'kv' is not a table
 * we may enter.
 */
static struct toml_value *fail_not_table(struct parser *p, size_t k,
					 const struct toml_kv *kv)
{
	const struct toml_value *v = kv->value;

	if (v->kind == TOML_TABLE && (v->priv.flags & F_INLINE))
		fail(p, p->parts[k].src,
		     "cannot add to inline table '%s' (defined at line %u)",
		     show_key(p, k), v->pos.line);
	else if (v->kind == TOML_ARRAY && (v->priv.flags & F_AOT))
		fail(p, p->parts[k].src,
		     "cannot add to array of tables '%s' with dotted keys (defined at line %u)",
		     show_key(p, k), kv->key_pos.line);
	else
		fail(p, p->parts[k].src,
		     "key '%s' is %s (defined at line %u), not a table",
		     show_key(p, k), a_kind(v->kind), kv->key_pos.line);
	return NULL;
}

/*
 * From table 't' into key part 'k' of a [header] that is not its last
 * part: an existing table (but not an inline one), the last element of
 * an array of tables, or a new implicit table.
 */
static struct toml_value *header_step(struct parser *p, struct toml_value *t,
				      size_t k)
{
	struct toml_kv *kv = find_part(p, t, k);
	struct toml_value *v;

	if (!kv)
		return add_container(p, t, k, TOML_TABLE, p->parts[k].pos);
	v = kv->value;
	if (v->kind == TOML_ARRAY && (v->priv.flags & F_AOT))
		return v->u.arr.items[v->u.arr.n - 1];
	if (v->kind != TOML_TABLE || (v->priv.flags & F_INLINE))
		return fail_not_table(p, k, kv);
	return v;
}

/*
 * From table 't' into key part 'k' of a dotted key in a key/value pair
 * (not its last part): a new table, or one that no other section has
 * defined.
 */
static struct toml_value *dotted_step(struct parser *p, struct toml_value *t,
				      size_t k)
{
	struct toml_kv *kv = find_part(p, t, k);
	struct key_part *kp = &p->parts[k];
	struct toml_value *v;

	if (!kv) {
		v = add_container(p, t, k, TOML_TABLE, kp->pos);
		if (v) {
			v->priv.dotted_in = p->section;
			v->priv.dotted_line = kp->pos.line;
		}
		return v;
	}
	v = kv->value;
	if (v->kind != TOML_TABLE || (v->priv.flags & F_INLINE))
		return fail_not_table(p, k, kv);
	if (v->priv.flags & F_HEADER) {
		fail(p, kp->src,
		     "cannot add to table '%s' with dotted keys: it was defined by a [header] at line %u",
		     show_key(p, k), v->pos.line);
		return NULL;
	}
	if (v->priv.dotted_in && v->priv.dotted_in != p->section) {
		fail(p, kp->src,
		     "cannot add to table '%s' here: it was defined by dotted keys at line %u",
		     show_key(p, k), v->priv.dotted_line);
		return NULL;
	}
	if (!v->priv.dotted_in) {
		v->priv.dotted_in = p->section;
		v->priv.dotted_line = kp->pos.line;
	}
	return v;
}

/* At the first character of a key: key = value, added to table 't'. */
static int parse_keyval(struct parser *p, struct toml_value *t)
{
	struct key_part *last;
	struct toml_kv *kv;
	struct toml_value *v;
	const char *key;
	size_t key_len;
	struct toml_pos key_pos;

	if (parse_key(p))
		return -1;
	if (cur(p) != '=')
		return fail(p, p->i, "expected '=' after key, found %s",
			    describe(p, p->i));
	for (size_t k = 0; k + 1 < p->nparts; k++)
		if (!(t = dotted_step(p, t, k)))
			return -1;
	last = &p->parts[p->nparts - 1];
	if ((kv = find_part(p, t, p->nparts - 1)))
		return fail(p, last->src,
			    "duplicate key '%s' (first defined at line %u)",
			    show_key(p, p->nparts - 1), kv->key_pos.line);
	/* parse_value() reuses keybuf, so keep the last part now */
	key = copy_str(p, p->keybuf.buf + last->off, last->len);
	key_len = last->len;
	key_pos = last->pos;
	p->i++;
	skip_ws(p);
	if (!(v = parse_value(p, t->priv.depth)))
		return -1;
	table_add(p, t, key, key_len, key_pos, v);
	return 0;
}

/*
 * [name]: the last key part names a table in 't' that no header has
 * defined yet.  Returns it, or NULL after an error.
 */
static struct toml_value *define_table(struct parser *p, struct toml_value *t,
				       struct toml_pos pos)
{
	size_t last = p->nparts - 1, at_key = p->parts[0].src;
	struct toml_kv *kv = find_part(p, t, last);
	struct toml_value *v;

	if (!kv) {
		v = add_container(p, t, last, TOML_TABLE, pos);
		if (v)
			v->priv.flags = F_HEADER;
		return v;
	}
	v = kv->value;
	if (v->kind == TOML_ARRAY && (v->priv.flags & F_AOT))
		fail(p, at_key,
		     "table '%s' is already an array of tables (defined at line %u)",
		     show_key(p, last), kv->key_pos.line);
	else if (v->kind != TOML_TABLE)
		fail(p, at_key, "duplicate key '%s' (first defined at line %u)",
		     show_key(p, last), kv->key_pos.line);
	else if (v->priv.flags & F_INLINE)
		fail(p, at_key,
		     "table '%s' defined twice (first as an inline table at line %u)",
		     show_key(p, last), v->pos.line);
	else if (v->priv.flags & F_HEADER)
		fail(p, at_key, "table '%s' defined twice (first at line %u)",
		     show_key(p, last), v->pos.line);
	else if (v->priv.dotted_in)
		fail(p, at_key,
		     "table '%s' defined twice (first by dotted keys at line %u)",
		     show_key(p, last), v->priv.dotted_line);
	else {
		/* made implicitly by an earlier header: define it now */
		v->pos = pos;
		v->priv.flags |= F_HEADER;
		return v;
	}
	return NULL;
}

/*
 * [[name]]: the last key part names an array of tables in 't', new or
 * made by earlier [[name]] headers.  Returns its new element, or NULL
 * after an error.
 */
static struct toml_value *append_table(struct parser *p, struct toml_value *t,
				       struct toml_pos pos)
{
	size_t last = p->nparts - 1, at_key = p->parts[0].src;
	struct toml_kv *kv = find_part(p, t, last);
	struct toml_value *arr, *elem;

	if (!kv) {
		if (!(arr = add_container(p, t, last, TOML_ARRAY, pos)))
			return NULL;
		arr->priv.flags = F_AOT;
	} else if ((arr = kv->value)->kind == TOML_ARRAY &&
		   (arr->priv.flags & F_AOT)) {
		/* another element */
	} else if (arr->kind == TOML_ARRAY) {
		fail(p, at_key,
		     "cannot append to static array '%s' (defined at line %u)",
		     show_key(p, last), kv->key_pos.line);
		return NULL;
	} else if (arr->kind == TOML_TABLE) {
		fail(p, at_key,
		     "'%s' is already a table (defined at line %u), not an array of tables",
		     show_key(p, last), arr->pos.line);
		return NULL;
	} else {
		fail(p, at_key, "duplicate key '%s' (first defined at line %u)",
		     show_key(p, last), kv->key_pos.line);
		return NULL;
	}
	elem = new_container(p, TOML_TABLE, pos, arr->priv.depth, at_key);
	if (elem) {
		elem->priv.flags = F_HEADER;
		array_push(p, arr, elem);
	}
	return elem;
}

/*
 * At '[': a [table] or [[array of tables]] header.  Sets '*cur_table'
 * to the table that the following key/value pairs go into.
 */
static int parse_header(struct parser *p, struct toml_value *root,
			struct toml_value **cur_table)
{
	size_t start = p->i;
	struct toml_pos pos = pos_at(p, start);
	int aot = at(p, start + 1) == '[';
	struct toml_value *t = root;

	p->i += aot ? 2 : 1;
	skip_ws(p);
	if (parse_key(p))
		return -1;
	if (cur(p) != ']' || (aot && at(p, p->i + 1) != ']'))
		return fail(p, p->i, "expected '%s' after table name, found %s",
			    aot ? "]]" : "]", describe(p, p->i));
	p->i += aot ? 2 : 1;
	if (new_section(p, start))
		return -1;
	for (size_t k = 0; k + 1 < p->nparts; k++)
		if (!(t = header_step(p, t, k)))
			return -1;
	t = aot ? append_table(p, t, pos) : define_table(p, t, pos);
	if (!t)
		return -1;
	*cur_table = t;
	return 0;
}

static int parse_document(struct parser *p, struct toml_value *root)
{
	struct toml_value *t = root;

	if (p->len >= 3 && !memcmp(p->s, "\xEF\xBB\xBF", 3))
		p->i = 3;
	for (;;) {
		int c;

		skip_ws(p);
		c = cur(p);
		if (c < 0)
			return 0;
		if (c == '[') {
			if (parse_header(p, root, &t) ||
			    end_line(p, "table header"))
				return -1;
		} else if (is_key_start(c)) {
			if (parse_keyval(p, t) || end_line(p, "value"))
				return -1;
		} else if (c == '#' || c == '\n' || c == '\r') {
			if (end_line(p, "comment"))
				return -1;
		} else {
			return fail(p, p->i,
				    "expected a key or a table header, found %s",
				    describe(p, p->i));
		}
	}
}

int toml_parse(struct arena *a, const char *text, size_t len,
	       struct toml_value **root, struct toml_error *err)
{
	struct parser p;
	struct toml_error dummy;
	struct toml_value *r;
	int ret;

	memset(&p, 0, sizeof(p));
	p.a = a;
	p.s = text ? text : "";
	p.len = text ? len : 0;
	p.err = err ? err : &dummy;
	p.section = p.nsection = 1;
	p.pos_line = 1;
	strbuf_init(&p.sbuf);
	strbuf_init(&p.keybuf);

	r = new_value(&p, TOML_TABLE, (struct toml_pos){ 1, 1 });
	r->priv.flags = F_HEADER;
	ret = parse_document(&p, r);

	strbuf_release(&p.sbuf);
	strbuf_release(&p.keybuf);
	free(p.parts);
	free(p.slots);
	if (ret == 0)
		*root = r;
	return ret;
}

const struct toml_value *toml_get(const struct toml_value *table,
				  const char *key)
{
	size_t n;

	if (!table || table->kind != TOML_TABLE || !key)
		return NULL;
	n = strlen(key);
	for (size_t k = 0; k < table->u.tab.n; k++) {
		const struct toml_kv *kv = &table->u.tab.items[k];
		if (kv->key_len == n && !memcmp(kv->key, key, n))
			return kv->value;
	}
	return NULL;
}
