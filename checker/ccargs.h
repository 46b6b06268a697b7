/*
 * ccargs.h - compile commands as they come from real build systems,
 * made fit for libclang: entries that are not C or C++ (assembler,
 * resource scripts) are recognised so the driver can skip them; flags
 * that clang does not know (GCC's -fconcepts-diagnostics-depth=3,
 * -Wno-maybe-uninitialized under -Werror, -fno-tree-vrp...) are learned
 * from libclang's own errors and dropped, once per run, as clangd drops
 * what its driver does not know; --extra-arg-before / --extra-arg are
 * added around every command.
 *
 * Learning: before any file is parsed, the distinct flags of all the
 * commands (-W..., -f..., -m... words) are given to clang's driver once,
 * on an empty file (ccargs_probe_run()); those it calls unknown ("unknown
 * argument: 'X'", "unknown warning option 'X'", "optimization flag 'X'
 * is not supported", "X: 'linker' input unused") are dropped from every
 * command.  As a fallback, a file whose parse still reports such an
 * error is parsed again without the flag.  One warning per distinct flag
 * for the whole run.  A struct ccargs is shared by the parse threads;
 * its functions lock it.
 */
#ifndef AWAIT_HOLDING_CCARGS_H
#define AWAIT_HOLDING_CCARGS_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "strmap.h"

struct diag_list;

struct ccargs {
	pthread_mutex_t lock;    /* guards 'dropped' and 'arena' */
	struct arena arena;      /* keys of 'dropped' */
	struct strmap dropped;   /* flag -> non-NULL */
	const char **before;     /* --extra-arg-before, in order */
	size_t nbefore, cap_before;
	const char **after;      /* --extra-arg (and "-p DIR -- args") */
	size_t nafter, cap_after;
	struct strmap probe;     /* flag to probe -> first file with it */
	const char **probe_flags;/* the same flags, in order */
	size_t nprobe, cap_probe;
};

struct tu_index;

void ccargs_init(struct ccargs *c);
void ccargs_release(struct ccargs *c);

/* Add an argument before (--extra-arg-before) or after (--extra-arg)
 * every command.  'arg' is borrowed; a response file (@file) is
 * expanded as ccargs_expand() does. */
void ccargs_add_extra(struct ccargs *c, const char *arg, bool before);

/*
 * Replace each response file (@file, relative to the current directory)
 * in the 'n' arguments at '*args' by the words it holds, split as clang
 * splits them (nested ones too, at most 64 in all); one that cannot be
 * read stays as it is, with a warning, as clang does.  '*args' then
 * points to an array owned by 'c' (the words too); the old array is
 * left alone.  For "--" arguments: a database's are expanded when it is
 * read.
 */
void ccargs_expand(struct ccargs *c, const char *const **args, size_t *n);

/*
 * Is 'file', compiled with 'args', C or C++ (or Objective-C, CUDA: what
 * libclang parses)?  No for assembler (.s .S .sx .asm, -x assembler,
 * -x assembler-with-cpp), resource scripts (.rc), module definitions
 * (.def), linker scripts (.ld, .lds), and objects and archives.
 */
bool ccargs_is_c_family(const char *file, const char *const *args,
			size_t nargs);

/*
 * 'args' with the extra arguments around them and without the flags
 * learned so far: a malloc'd array the caller frees ('*n' elements;
 * the strings are borrowed).
 */
const char **ccargs_apply(struct ccargs *c, const char *const *args,
			  size_t nargs, size_t *n);

/* Note the flags of one command ('display': its file) for the probe. */
void ccargs_probe_add(struct ccargs *c, const char *const *args, size_t nargs,
		      const char *display);

/*
 * Ask clang's driver about the noted flags, with 'idx', and drop the
 * ones it does not know (one warning each).  Standard error is silenced
 * meanwhile (the driver prints some of its complaints itself), so call
 * it before the parse threads start.
 */
void ccargs_probe_run(struct ccargs *c, struct tu_index *idx);

/*
 * Learn the unknown flags that libclang's errors in 'problems' name
 * (errors without a position, from clang's driver) and that 'args'
 * holds.  Warns once per run for each new one, naming 'display' as the
 * first file that had it.  Returns the number of flags of 'args' that
 * are now known to be unknown (0: parsing again would not help).
 */
size_t ccargs_learn(struct ccargs *c, const struct diag_list *problems,
		    const char *const *args, size_t nargs, const char *display);

#endif
