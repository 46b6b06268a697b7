/*
 * lang.h - is a file C or C++?  The one place that decides it from file
 * names and compiler arguments: for files no database describes, for
 * headers that borrow a neighbour's command, for commands of a C++
 * driver (compdb.c), and for what clang will parse (tu.c's "is this TU
 * C?").
 *
 * By the extension, as clang's driver: ".c" and ".h" are C, everything
 * else is C++ here (we check nothing else).
 */
#ifndef AWAIT_HOLDING_LANG_H
#define AWAIT_HOLDING_LANG_H

#include <stdbool.h>
#include <stddef.h>

/* Does 'path' end in a header extension (.h, .hh, .hpp, .hxx, .h++,
 * .inl, .ipp, .tcc)? */
bool lang_is_header(const char *path);

/* Is 'path' C to clang by its extension alone (".c", ".h")? */
bool lang_c_by_extension(const char *path);

/*
 * Does clang parse 'file' with 'args' as C?  The last -x decides, else
 * a C++ driver mode (--driver-mode=g++ or cl), else the extension.
 */
bool lang_parses_as_c(const char *file, const char *const *args,
		      size_t nargs);

/*
 * Arguments for a file no compile database describes: C as clang sees
 * it (no arguments), C++20 otherwise; a ".h" file that reads like C++
 * (it is read to find out) is a C++ header.  Stores a static array in
 * *args and its length in *nargs.
 */
void lang_default_args(const char *path, const char *const **args,
		       size_t *nargs);

/*
 * A file borrowing the command of the database entry for 'source' (see
 * plan.c): must "-x c++-header" go first?  Yes for a header borrowing
 * from a C++ source file.
 */
bool lang_borrow_as_cxx_header(const char *path, const char *source);

/*
 * A compile command run by a C++ driver (g++, clang++) parses ".c" and
 * ".h" as C++, where libclang's would see C: the "-x" value that says
 * so ("c++", "c++-header"), or NULL for any other file.
 */
const char *lang_cxx_driver_x(const char *path);

#endif
