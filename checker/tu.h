/*
 * tu.h - one translation unit: parse it with libclang and report what
 * libclang could not do.  The struct is opaque outside tu.c and walk.c
 * (tu_p.h), so nothing else sees a libclang type.
 */
#ifndef AWAIT_HOLDING_TU_H
#define AWAIT_HOLDING_TU_H

#include <stddef.h>

struct arena;
struct diag_list;
struct tu;
struct tu_index;

/* Call once, before any thread parses. */
void tu_setup(void);

/* One per thread that parses (a CXIndex).  Never NULL. */
struct tu_index *tu_index_new(void);
void tu_index_free(struct tu_index *idx);

/*
 * Later parses with 'idx' read 'text' ('len' bytes; borrowed, it must
 * outlive them) as the contents of 'file' (absolute), which need not
 * exist: an editor's unsaved buffer (libclang's unsaved files).
 */
void tu_index_set_unsaved(struct tu_index *idx, const char *file,
			  const char *text, size_t len);

/*
 * Parse an empty C++ file with 'args' to see what clang's driver says of
 * them: each of its diagnostics that has no position (unknown arguments,
 * unknown warning options) is added to 'out' as an error or warning
 * problem with clang's text.  The driver also prints some of them on
 * stderr by itself; the caller silences it if need be.
 */
void tu_probe_args(struct tu_index *idx, const char *const *args,
		   size_t nargs, struct diag_list *out);

/*
 * Parse 'file' (shown to the user as 'display') with compiler arguments 'args' (no compiler name, no file).
 * Clang errors in the TU are added to 'problems' (at their position);
 * fatal ones make the parse count as failed.  Returns the TU, or NULL
 * when libclang produced no AST at all (also recorded in 'problems').
 * '*failed' is set to 1 when the file has errors (the AST, if any, is
 * still walked, as clang-tidy does).  'want_macros' keeps the record of
 * macro expansions (for suspend-macros), which costs parse time.
 */
struct tu *tu_parse(struct tu_index *idx, const char *file,
		    const char *display, const char *const *args, size_t nargs,
		    int want_macros, struct diag_list *problems, int *failed);
/*
 * Free libclang's AST but keep the TU's arena (and what walk built in
 * it), so views of many TUs can be kept for a whole-database summary.
 */
void tu_dispose_ast(struct tu *tu);
void tu_free(struct tu *tu);

/* The TU's arena: everything walk/flow/lifetime build for it. */
struct arena *tu_arena(struct tu *tu);

/* The file name diagnostics use for the main file. */
const char *tu_main_file(const struct tu *tu);

/*
 * Call fn(path, arg) for the main file and every file it included
 * (directly or not, system headers too), by absolute path when libclang
 * knows it.  Only while the AST is alive (before tu_dispose_ast()).  For
 * the project index (index.h).
 */
void tu_inclusions(struct tu *tu, void (*fn)(const char *path, void *arg),
		   void *arg);

/* "LLVM 22.1.8"-like text from clang_getClangVersion(), malloc'd. */
char *tu_libclang_version(void);

#endif
