/*
 * diag.h - findings and the run-wide list that holds them.
 *
 * A finding is one guard held across one or more suspension points: a
 * warning at the guard's declaration plus one note per suspension point
 * (and, when the rule has one, a note with the configured reason).  Every
 * string is copied into the list's arena by diag_list_push(), so the
 * producer's memory (a translation unit's arena) may go away afterwards.
 *
 * Tool-level problems found while checking a file (a file that did not
 * parse, a clang error inside it) are kept here too, as "problems", so
 * that --verify and the JSON writer see them in order with the findings.
 */
#ifndef AWAIT_HOLDING_DIAG_H
#define AWAIT_HOLDING_DIAG_H

#include <stddef.h>

#include "arena.h"

struct src_loc {
	const char *file; /* as given on the command line / compile db */
	unsigned line, col; /* 1-based; col counts bytes */
};

/* ORDER SUSPEND_KIND: keep suspend_kind_name() in diag.c in step. */
enum suspend_kind {
	SUSPEND_CO_AWAIT,
	SUSPEND_CO_YIELD,
	SUSPEND_CALL,     /* call to a configured or annotated function */
	SUSPEND_MACRO,    /* expansion of a configured macro */
	SUSPEND_INDIRECT, /* call to a function that may reach a suspension */
	SUSPEND_CLEANUP,  /* a cleanup call at a scope's exit that may suspend */
};

struct suspension {
	struct src_loc loc;
	enum suspend_kind kind;
	const char *detail; /* callee, macro or call chain; NULL for keywords;
			       for a cleanup, the variable then the chain
			       ("buf -> __free_kvfree -> kvfree") */
	const char *hops;   /* SUSPEND_INDIRECT through a callee that may
			       suspend in several ways: one chain per
			       distinct first hop, separated by tabs
			       (kept as they are by the copy); NULL when
			       'detail' is the only one */
};

struct finding {
	struct src_loc loc;     /* the guard's declaration (or temporary) */
	const char *name;       /* variable as declared; lock expression in C */
	const char *display;    /* name shown in text, e.g. "guard(mutex)"; may equal name */
	const char *type;       /* type as written/deduced, e.g. std::unique_lock<std::mutex> */
	const char *matched;    /* the rule that matched, e.g. std::unique_lock */
	const char *reason;     /* the rule's reason; NULL when none */
	const char *via;        /* how the type holds the guard ("member 'lk' of 'Conn'"); NULL if direct */
	const char *function;   /* enclosing function, for context; may be NULL */
	const char *instance;   /* template instantiation, "f<Guard>"; may be NULL */
	struct suspension *susp;
	size_t nsusp;
};

/* ORDER PROBLEM_KIND: keep problem_kind_name() in diag.c in step. */
enum problem_kind {
	PROBLEM_ERROR,   /* e.g. a clang error in a checked file */
	PROBLEM_WARNING,
	PROBLEM_NOTE,
};

struct problem {
	struct src_loc loc;   /* file may be NULL: a run-level problem */
	enum problem_kind kind;
	const char *message;
};

struct diag_list {
	struct arena arena; /* owns every string and array below */
	struct finding *findings;
	size_t nfindings, cap_findings;
	struct problem *problems;
	size_t nproblems, cap_problems;
};

/* An empty list; allocates nothing yet. */
void diag_list_init(struct diag_list *l);
/* Free everything the list holds; init it again before reuse. */
void diag_list_release(struct diag_list *l);

/*
 * Copy 'f' (strings and suspension array included) into 'l'; 'f' may be
 * released afterwards.  Strings are made printable on the way in (what
 * is not valid UTF-8 or is a control character becomes "\xNN", see
 * strbuf_add_printable()), so every writer may print them as they are
 * and JSON and SARIF stay valid UTF-8.
 */
void diag_list_push(struct diag_list *l, const struct finding *f);
/* Copy a problem into 'l', its file and message made printable alike;
 * 'loc' may be NULL (a problem of the whole run or of a file unread). */
void diag_list_add_problem(struct diag_list *l, enum problem_kind kind,
			   const struct src_loc *loc, const char *fmt, ...)
	ATTR_PRINTF(4, 5);

/*
 * Sort findings by (file, line, column, name) and their suspension points
 * by position; drop exact duplicates (a header checked from two TUs).
 * Problems are sorted by position too, those without one last.
 */
void diag_list_sort(struct diag_list *l);

/* "co_await", "co_yield", "call", "macro", "indirect", "cleanup". */
const char *suspend_kind_name(enum suspend_kind k);

/* "error", "warning" or "note": the severity as clang and SARIF spell it. */
const char *problem_kind_name(enum problem_kind k);

/*
 * The text of the warning and of each note, as both the text writer and
 * --verify see them.  Returned strings are owned by 'a'.
 */
const char *diag_warning_text(struct arena *a, const struct finding *f);
const char *diag_note_text(struct arena *a, const struct suspension *s);
/* The note that carries a rule's reason: "reason: <reason>". */
const char *diag_reason_text(struct arena *a, const struct finding *f);

#endif
