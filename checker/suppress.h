/*
 * suppress.h - clang-tidy's suppression comments, for await-holding:
 *
 *   // NOLINT                     this line, every check
 *   // NOLINT(await-holding)      this line, this check (globs like await-*)
 *   // NOLINTNEXTLINE(...)        the next line
 *   // NOLINTBEGIN(...) ... // NOLINTEND(...)   the lines in between
 *
 * On a guard's declaration line it silences that guard; on a suspension
 * point's line it removes that point from every finding (a finding left
 * with no suspension point is dropped).  Comments are found by scan.h in a
 * read of each source file, no libclang.
 */
#ifndef AWAIT_HOLDING_SUPPRESS_H
#define AWAIT_HOLDING_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

struct diag_list;
struct srcfiles;

/*
 * Apply the suppression comments of every file the findings in 'l' point
 * into.  With 'warn_unused', read 'files' (the checked files) too, and a
 * suppression naming await-holding that silenced nothing becomes a
 * warning problem in 'l'.
 */
void suppress_apply(struct diag_list *l, const char *const *files,
		    size_t nfiles, bool warn_unused);

/*
 * suppress_apply() reading the files through 'src' (srcfile.h), which
 * knows unsaved buffers (--stdin-filename); 'src' NULL: from the disk.
 */
void suppress_apply_from(struct diag_list *l, const char *const *files,
			 size_t nfiles, bool warn_unused, struct srcfiles *src);

#endif
