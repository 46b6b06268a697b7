/*
 * verify.h - --verify: compare the diagnostics of a run with `expect-…`
 * markers written in comments of the checked files.
 *
 * The syntax is a subset of clang's -verify (STYLE.md section 7).  Markers
 * are only read inside // and block comments, anywhere on a line:
 *
 *   expect-warning {{text}}     a warning on this line whose message
 *   expect-note {{text}}        contains 'text' (likewise a note, an
 *   expect-error {{text}}       error); one marker, one {{text}}
 *   expect-warning 2 {{text}}   ... exactly twice
 *   expect-note@+1 {{text}}     ... on the next line (@-2: two lines up,
 *                               @12: on line 12); no space before '@'
 *   expect-no-diagnostics       the file must produce no diagnostics
 *
 *   verify-args: -std=c++20 -I include    compile arguments (lines add up)
 *   verify-config: rules/absl.toml        config file or rule pack
 *
 * Several markers may share a line.  Columns are not checked; file, line,
 * severity and substring are.  A malformed marker (a misspelled word such
 * as 'expect-warnign' or clang's 'expected-warning', a missing '{{' or
 * '}}', an empty '{{}}', a bad '@' line, a count of 0, an unknown
 * 'verify-…:') is itself an error, so a typo cannot pass silently.
 *
 * Which files are read for markers: the main file, plus every file that
 * some diagnostic points into (a header, say).  A header whose markers
 * expect a diagnostic that never points into it is therefore not read and
 * its markers go unchecked; put such expectations in the main file's
 * tests instead.  The main file must have a marker or
 * 'expect-no-diagnostics'; another file without markers simply expects
 * nothing.  Files are identified by stat(), so "a.cpp" and "./a.cpp" are
 * one file.  Comments are found by scan.h: marker-like text inside a
 * string literal (raw strings included) is not a marker, and a '//'
 * comment ending in a line splice goes on on the next line.
 *
 * Knows nothing about libclang.
 */
#ifndef AWAIT_HOLDING_VERIFY_H
#define AWAIT_HOLDING_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct arena;
struct diag_list;

/* ORDER VERIFY_SEVERITY: keep the name tables in verify.c in step. */
enum verify_severity {
	VERIFY_ERROR,
	VERIFY_WARNING,
	VERIFY_NOTE,
};

struct verify_marker {
	const char *file;      /* the file the marker was read from */
	unsigned line;         /* line the diagnostic is expected on */
	unsigned marker_line;  /* line the marker is written on */
	unsigned col;          /* column of the marker word, 1-based */
	enum verify_severity severity;
	unsigned count;        /* exactly this many diagnostics, >= 1 */
	const char *text;      /* substring of the message; never empty */
};

struct verify_markers {
	struct verify_marker *v; /* in the order written */
	size_t n;
	bool no_diagnostics;     /* the file says 'expect-no-diagnostics' */
};

/*
 * Read the markers of 'text', the contents of the file 'path' (used in
 * messages and in each marker's 'file').  Each malformed marker is
 * reported to 'errs' as "path:line:col: error: …" and left out of 'm'.
 * Returns the number of malformed markers (0 = all well formed).  'm' and
 * every string it points to are owned by 'a'.
 */
int verify_parse_markers(struct arena *a, const char *path, const char *text,
			 struct verify_markers *m, FILE *errs);

struct verify_header {
	const char **args;   /* from all verify-args: lines, in order */
	size_t nargs;
	const char *config;  /* verify-config: value as written; NULL if none */
	bool config_is_path; /* 'config' contains a '/': a path relative to the
				file's directory; otherwise a bare name, a
				file beside the test or a rule pack */
	unsigned config_line, config_col; /* where 'config' is written */
};

/*
 * Read the verify-args: and verify-config: lines of 'text', the contents
 * of 'path'.  Arguments are split on blanks; "double quotes" group, and
 * inside them \" and \\ stand for " and \.  A relative directory given to
 * -I, -iquote, -isystem or -idirafter (joined or as the next argument) is
 * returned prefixed with the directory of 'path'.  The config value is
 * returned as written: the driver resolves it.  Everything in 'h' is owned
 * by 'a'.  Returns 0, or -1 after reporting "path:line:col: error: …" to
 * 'errs' (an unterminated quote, an empty or repeated verify-config).
 */
int verify_parse_header(struct arena *a, const char *path, const char *text,
			struct verify_header *h, FILE *errs);

/*
 * verify_parse_header() on the contents of 'path', errors to stderr.
 * Returns -1 with error() if the file cannot be read.
 */
int verify_read_header(struct arena *a, const char *path,
		       struct verify_header *h);

/*
 * Match the diagnostics in 'l' against the markers of 'main_file' and of
 * every other file the diagnostics point into (see above).  Each finding
 * is a warning at its location, then a note per suspension point, then,
 * if it has a reason, a note "reason: …" at its location; each problem
 * with a file is an error, warning or note with its message.  Problems
 * without a file are not matched.  Reason notes are held to the markers
 * only in a file where some marker mentions "reason:" (every finding of
 * a built-in rule has one; most tests are about something else), so a
 * test about reasons checks them all, absence included.  The order of 'l' does not matter: a
 * diagnostic that fits several markers goes where it lets the most
 * markers be satisfied.
 *
 * Each mismatch is printed to 'out': first the malformed markers of every
 * file read, as verify_parse_markers() prints them; then, file by file
 * (the main file first),
 *
 *   FILE: error: no expected diagnostics: add markers or 'expect-no-diagnostics'
 *   FILE:LINE: error: expected warning not seen: {{text}}
 *   FILE:LINE:COL: error: unexpected warning seen: full message
 *
 * (an expectation not seen also says "(seen N of M)" when it has a count
 * and "(marker on line N)" when placed with '@').  Nothing is printed for
 * a file that matches.  Returns the number of mismatches (0 = pass), or -1
 * with error() if 'main_file' cannot be read.  Another file that cannot be
 * read gets a warning() and counts as having no markers.
 */
int verify_check(const char *main_file, const struct diag_list *l, FILE *out);

#endif
