/*
 * scan.h - tell comments, string literals and character literals from
 * code in C and C++ source text, without a preprocessor or libclang.
 *
 * Used wherever the checker reads source text itself: suppression
 * comments (suppress.c), --verify markers (verify.c), and the words and
 * punctuation between two cursors (walk).
 *
 * The text is cut into pieces, each one of:
 *
 *   SCAN_COMMENT  '//' to the end of the line, or slash-star to
 *                 star-slash; both included
 *   SCAN_STRING   "..." with its prefix (u8, u, U, L) and quotes; raw
 *                 strings R"delim(...)delim" (also u8R, uR, UR, LR)
 *   SCAN_CHAR     '...' with its prefix and quotes
 *   SCAN_CODE     a run of everything else
 *
 * What is understood, as C11 and C++23 have it:
 *
 *  - Escapes: a backslash in a literal skips the next byte, so "\"" and
 *    '\'' are one literal each.
 *  - Line splices: a backslash at the end of a line (before "\n" or
 *    "\r\n") continues a '//' comment and a literal onto the next line.
 *  - Digit separators: a quote inside a number (1'000, 0xFF'FF, 1'0.5)
 *    is part of the number; numbers are read whole, as the
 *    preprocessor's pp-numbers (digits, letters, '_', '.', e+ e- p+ p-,
 *    and ' followed by a digit or letter).  u8'a' is a character literal.
 *  - Raw strings: no escapes inside; the piece ends at ')delim"'.  A
 *    malformed opening (no '(' within 16 bytes, or a space, backslash or
 *    ')' in the delimiter) is read as an ordinary string.
 *  - An ordinary literal ends at the end of its line at the latest (a
 *    stray quote, as in "don't" inside '#if 0', costs one line only).
 *
 * Not understood: trigraphs, splices inside the two-character comment
 * openers, and whether text is inside '#if 0' (it is scanned as code).
 *
 * Lines and columns are 1-based and count bytes; they start at the
 * 'start' given to scan_init() (line 1, column 1 there).  The text is not
 * copied: pieces are offsets into it.
 */
#ifndef AWAIT_HOLDING_SCAN_H
#define AWAIT_HOLDING_SCAN_H

#include <stdbool.h>
#include <stddef.h>

enum scan_kind {
	SCAN_CODE,
	SCAN_COMMENT,
	SCAN_STRING,
	SCAN_CHAR,
};

struct scan_piece {
	enum scan_kind kind;
	size_t start, end;  /* text[start, end), delimiters included */
	unsigned line, col; /* position of 'start' */
	bool block;         /* a comment that opens with slash-star */
	bool closed;        /* a block comment or literal that has its closer
			       (false: cut short by the end of the line or of
			       the scanned range); a '//' comment and code are
			       always closed */
};

/* A position in a text; fields private to scan.c. */
struct scanner {
	const char *text;
	size_t pos, end;    /* next byte to read; end of the range */
	unsigned line;      /* line of 'pos' */
	size_t line_start;  /* offset of the first byte of that line */
	bool line_pieces;   /* code pieces end at a newline, so that a
			       caller that stops early has read one line,
			       not the rest of the range */
};

/*
 * Scan text[start, end).  'start' is read as the beginning of a token:
 * a range that starts inside a comment, a literal or after the first
 * digit of a number is read as if the text began there.  Nothing is read
 * outside the range, so 'text' needs no terminating NUL.
 */
void scan_init(struct scanner *s, const char *text, size_t start,
	       size_t end);

/*
 * Fill 'p' with the next piece and return true; false at the end of the
 * range.  Pieces follow one another with no gap: the first starts at
 * 'start', the last ends at 'end'.
 */
bool scan_next(struct scanner *s, struct scan_piece *p);

/*
 * Call fn(text, i, depth, arg) on each byte i of code (not of a comment
 * or literal) in text[from, to), in order.  'depth' is the nesting of
 * (), [] and {} counted from 'from': an opening bracket is counted before
 * its call, a closing one before its call too (so "(a)" calls with 1, 1,
 * 0).  Stops and returns true as soon as 'fn' returns true; returns false
 * when the range is done.  'fn' may read text outside the range (the byte
 * before a word, the byte after it) if the caller's text has them.
 */
bool scan_each_code_byte(const char *text, size_t from, size_t to,
			 bool (*fn)(const char *text, size_t i, int depth,
				    void *arg),
			 void *arg);

#endif
