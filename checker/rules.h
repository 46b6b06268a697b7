/*
 * rules.h - the configuration: which types are guards, which calls and
 * macros suspend, which awaitables never do; loaded from TOML or JSON
 * (same schema) and from the rule packs compiled into the binary.
 * Loading, discovery and dumping are rules_load.c's; adding entries,
 * matching and reports rules.c's.
 *
 * Names are fully qualified, without a leading "::" and without inline
 * namespaces ("std::lock_guard", not "std::__1::lock_guard").  A type
 * entry without template arguments matches every specialization; one with
 * arguments ("std::unique_lock<std::mutex>") matches only those.
 *
 * Matching counts uses, so that entries that never matched anything can
 * be reported after the run (rules_report_unused()).  Matching and the
 * rules_note_*() functions may run on several threads at once (the
 * counters are C11 atomics; callers need no lock); loading, changing
 * the header filter and reporting may not.
 *
 * Everything a struct rules holds is owned by it (its arena and arrays)
 * and freed by rules_release(); entries returned by the functions below
 * are borrowed and valid until then.
 */
#ifndef AWAIT_HOLDING_RULES_H
#define AWAIT_HOLDING_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include <stdatomic.h>
#include <stdio.h>

struct diag_list;

#include "arena.h"
#include "strmap.h"

/* ORDER RULE_LIST: keep list_keys[] in rules.c in step. */
enum rule_list {
	RL_INVALID_TYPES,     /* await-holding-invalid-types */
	RL_SUSPEND_FUNCTIONS, /* suspend-functions */
	RL_SUSPEND_MACROS,    /* suspend-macros */
	RL_ALLOWED_AWAITABLES,/* allowed-awaitables */
	RL_ALLOWED_CALLEES,   /* allowed-callees */
	RL_ALLOWED_TYPES,     /* allowed-types */
	RL_COUNT
};

/*
 * When a suspend-functions or suspend-macros entry does not suspend:
 * 'unless-arg = { index = 1, any-of = ["GFP_ATOMIC", "GFP_NOWAIT"] }'.
 * The call does not suspend when argument 'index' (from 0), as written,
 * is one of 'names' or has one of them as an operand of '|'.
 */
struct rule_unless {
	unsigned index;
	const char **names;    /* owned by the rules' arena */
	size_t nnames;
};

struct rule {
	const char *path;      /* qualified name, maybe with <args> */
	const struct rule_unless *unless; /* suspend lists only; NULL: always */
	const char *reason;    /* NULL if none */
	const char *release;   /* lock-functions: the release function */
	bool allow_unused;     /* no warning when it never matches */
	const char *file;      /* where it was written ("<pack std>" for packs) */
	unsigned line, col;
	atomic_uint uses;      /* matches so far */
	atomic_bool ns_present; /* its top namespace exists in a checked file */
	_Atomic(const char *) misuse; /* "a function" in a type list, "a type"
				  in a function list: what the name really is */
	const char *suggest;   /* unused: the closest name the project index
				  knows (rules_suggest()), or NULL */
};

struct rules {
	struct arena arena;        /* owns everything below */
	struct rule *lists[RL_COUNT];
	size_t n[RL_COUNT], cap[RL_COUNT];
	struct strmap by_path[RL_COUNT]; /* path -> index + 1 in lists[] */
	struct rule *locks;        /* lock-functions: path = acquire, release */
	size_t nlocks, cap_locks;
	const char *source;        /* file it came from, or "built-in default" */
	const char *dir;           /* directory of that file; NULL for built-ins */
	const char *header_filter; /* header-filter regex as written, or NULL */
	void *header_re;           /* compiled header-filter (a regex_t) */
	void *report_re;           /* after rules_want_all_headers(): the
				      configured one (header_re matches all) */
	bool all_headers;          /* rules_want_all_headers() was called */
	struct rule *excludes;     /* exclude globs: path = the glob as
				      matched (absolute for one with '/'),
				      reason = as written; uses counted */
	size_t nexcludes, cap_excludes;
	bool implied_std;          /* "std" came in without being asked for */
};

/* Set up an empty configuration (no entries; source "built-in default"). */
void rules_init(struct rules *r);
/* Free everything 'r' holds; it needs rules_init() before reuse. */
void rules_release(struct rules *r);

/*
 * Add an entry to a list (used by loaders and tests).  Strings are
 * copied.  The same path again (after normalising blanks and a leading
 * "::") returns the existing entry, whose reason a non-NULL 'reason'
 * replaces.  Returns the entry, valid until the next rules_add() to the
 * same list.
 */
struct rule *rules_add(struct rules *r, enum rule_list list, const char *path,
		       const char *reason);

/*
 * Load the built-in default: the "std" rule pack.  Returns 0, or -1 if the
 * embedded pack is broken (a bug).
 */
int rules_load_default(struct rules *r);

/* Add a built-in rule pack by name ("std", "boost", ...). */
int rules_load_pack(struct rules *r, const char *name);

/*
 * Load a configuration file, TOML or JSON by its extension (".json" is
 * JSON, anything else TOML).  Errors are printed compiler-style and -1 is
 * returned.
 */
int rules_load_file(struct rules *r, const char *path);

/*
 * The nearest await-holding.toml or await-holding.json in 'dir' or a
 * directory above it (the .toml first in each directory); malloc'd, or
 * NULL if there is none.
 */
char *rules_find_config(const char *dir);

/*
 * Should findings in header 'path' be reported (header-filter)?  The
 * main file of a translation unit always is.
 */
bool rules_want_header(const struct rules *r, const char *path);

/*
 * For the project index, which summarises the functions of every
 * project header whatever header-filter says (it only decides where
 * findings are reported): from now on rules_want_header() says yes to
 * every header, and rules_report_header() answers with the filter as
 * configured.  Call once loading and --header-filter are done.
 */
void rules_want_all_headers(struct rules *r);

/* Should findings in header 'path' be reported?  rules_want_header(),
 * unless rules_want_all_headers() changed that. */
bool rules_report_header(const struct rules *r, const char *path);

/*
 * Is 'abs_path' excluded from checking by an 'exclude' glob?  Counts a
 * use of the glob (rules_report_unused() names those that matched no
 * file).
 */
bool rules_excluded(const struct rules *r, const char *abs_path);

/*
 * Match 'qualname' (a class template or class, no arguments) or, for
 * entries with arguments, 'spelled' (the canonical spelling with
 * arguments; may be NULL) against 'list'.  Returns the entry or NULL;
 * counts a use.
 */
const struct rule *rules_match(struct rules *r, enum rule_list list,
			       const char *qualname, const char *spelled);

/*
 * Does argument text 'text' (as written: "GFP_NOWAIT | __GFP_NOWARN")
 * name one of u's names, alone or as an operand of '|' (parentheses
 * around operands are looked through)?  NULL text never does.
 */
bool rules_unless_exempts(const struct rule_unless *u, const char *text);

/*
 * A lock-functions pair whose acquire (or, if '*is_acquire' comes back
 * false, release) function is 'name'; NULL if none.  Counts a use.
 */
const struct rule *rules_match_lock(struct rules *r, const char *name,
				    bool *is_acquire);

/*
 * Note that the checked code declares these top-level namespaces (or
 * classes): qualified entries under them are worth an unused warning.
 */
void rules_note_namespaces(struct rules *r, char *const *names, size_t n);

/*
 * 'name' was seen as 'what' ("a function", "a type"): an entry of 'list'
 * with that exact path is in the wrong list, which rules_report_unused()
 * says.  Does not count as a use.
 */
void rules_note_misuse(struct rules *r, enum rule_list list, const char *name,
		       const char *what);

/* Replace the header filter (the --header-filter option); 0, also when
 * it is that regex already, or -1 with an error message if 'regex' does
 * not compile or uses back-references. */
int rules_set_header_filter(struct rules *r, const char *regex);

/* 1 if any entry exists in 'list'. */
bool rules_has(const struct rules *r, enum rule_list list);

/*
 * The entry of 'list' whose path is exactly 'path' (a hash lookup), or
 * NULL.  Does not count a use.
 */
const struct rule *rules_find(const struct rules *r, enum rule_list list,
			      const char *path);

/* Does any suspend-functions or suspend-macros entry have 'unless-arg'? */
bool rules_has_unless(const struct rules *r);

/* Are there lock-functions pairs? */
bool rules_has_locks(const struct rules *r);

/* The entries of 'list' ('*n' of them), owned by 'r'. */
const struct rule *rules_list(const struct rules *r, enum rule_list list,
			      size_t *n);

/* Is there a header filter (so that headers may be reported)? */
bool rules_has_header_filter(const struct rules *r);

/*
 * 'names' are every name the checked code asked 'list' about (from the
 * project index).  Each entry of 'list' that rules_report_unused() would
 * report gets the closest of them as a did-you-mean, if it is close
 * enough (one edit per five letters of the entry, at most 2) and is not
 * itself an entry of 'list'.  The names must outlive 'r'.  Not
 * thread-safe.
 */
void rules_suggest(struct rules *r, enum rule_list list,
		   const char *const *names, size_t n);

/*
 * Warn (a warning problem in 'out', at the entry's position, so that
 * JSON and SARIF carry it too) about entries that never matched, unless
 * they say allow-unused, or they are qualified and their top-level
 * namespace was in none of the checked files (a shared configuration
 * naming a library this project does not use).
 */
void rules_report_unused(const struct rules *r, struct diag_list *out);

/*
 * Print the configuration as TOML (the same schema it is read from), as
 * the effective configuration for 'file'.
 */
void rules_dump(const struct rules *r, const char *file, FILE *out);

#endif
