/*
 * json.h - parse JSON with cJSON and remember where each value was.
 *
 * cJSON builds the tree but keeps no source positions, and its error
 * pointer says neither the line nor what was wrong.  json_doc_parse()
 * therefore walks the text itself, in step with the tree, and records
 * the position of every value and of every object key; on a syntax error
 * the same walk finds the first offending byte and says what was
 * expected there.  Users (compdb.c, rules.c) read the tree through
 * d->root and turn a node back into "file:line:col" for their messages.
 *
 * The walk is strict RFC 8259 JSON, where cJSON is lenient: leading
 * zeros ("01"), "1.", ".5", raw control characters in strings, \uXXXX
 * with non-hex digits and whitespace other than space, tab, CR and LF
 * are errors even though cJSON accepts them (clang's own JSON reader
 * rejects them too).  UTF-8 is validated only with JSON_STRICT.  Nesting is limited to
 * CJSON_NESTING_LIMIT (1000) levels, as in cJSON.
 *
 * Lines and columns are 1-based; columns count bytes; a UTF-8 byte order
 * mark at the start of the text is skipped and not counted, so that
 * column 1 of line 1 is the first byte after it (what editors show).
 */
#ifndef AWAIT_HOLDING_JSON_H
#define AWAIT_HOLDING_JSON_H

#include <stddef.h>

#include <cjson/cJSON.h>

struct json_node_pos;

struct json_doc {
	cJSON *root;      /* the tree; owned, deleted by json_doc_release() */
	const char *path; /* for messages; borrowed */
	const char *text; /* the text after a leading BOM; borrowed.  Pass
			     this (not the original) to report_at() */
	struct json_node_pos *pos; /* one per node, sorted by address */
	size_t npos;
	size_t *line_starts; /* offset in 'text' of each line's first byte */
	size_t nlines;
};

/*
 * Parse 'text' (NUL-terminated, owned by the caller, must outlive 'd').
 * 'path' is only used in messages and must outlive 'd' too.  On a syntax
 * error print
 *
 *   path:3:7: error: invalid JSON: expected ',' or ']' after an array
 *   element, found 'x'
 *
 * with the source line and a caret through report_at(), leave 'd' empty
 * (json_doc_release() is then harmless but not needed) and return -1.
 * Trailing text after the top-level value is an error too.  Returns 0 on
 * success.
 */
int json_doc_parse(struct json_doc *d, const char *path, const char *text);

/*
 * json_doc_parse() with 'flags': JSON_STRICT also refuses what TOML
 * refuses and RFC 8259 only discourages: a duplicate key in an object
 * ("duplicate key 'x' (first defined at line 3)"), "\u0000" in a string
 * (cJSON would cut the string there) and invalid UTF-8 in a string.
 * Configurations are read so; compile databases are not.
 */
#define JSON_STRICT 1u
int json_doc_parse_opts(struct json_doc *d, const char *path, const char *text,
			unsigned flags);

/* Delete the tree and the position tables; 'd' is empty afterwards. */
void json_doc_release(struct json_doc *d);

/*
 * Position of the first byte of the value 'node' (for a string, its
 * opening quote), and of the key of the object member 'member' (the
 * quote before member->string).  Every node reachable from d->root is
 * known; for any other node, or for the key of a node that is not an
 * object member, *line and *col are set to 0.
 */
void json_doc_pos(const struct json_doc *d, const cJSON *node, unsigned *line,
		  unsigned *col);
void json_doc_key_pos(const struct json_doc *d, const cJSON *member,
		      unsigned *line, unsigned *col);

/*
 * Position of the source text that produced byte 'index' of the decoded
 * string value 'node' (an escape such as \n or \u00e9 maps all its bytes
 * to its backslash).  An index at or past the end maps to the closing
 * quote.  0/0 if 'node' is unknown or not a string.
 */
void json_doc_string_pos(const struct json_doc *d, const cJSON *node,
			 size_t index, unsigned *line, unsigned *col);

/*
 * report_at() an error at the value 'node', underlining it when it is a
 * scalar on one line.  Returns -1, so that "return json_doc_error(...)"
 * works.
 */
int json_doc_error(const struct json_doc *d, const cJSON *node,
		   const char *fmt, ...) ATTR_PRINTF(3, 4);

/*
 * "an object", "an array", "a string", "a number", "true", "false",
 * "null": the type of 'node' for "expected X, found Y" messages.
 */
const char *json_type_name(const cJSON *node);

#endif
