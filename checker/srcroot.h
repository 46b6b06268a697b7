/*
 * srcroot.h - the source root that SARIF uris, fingerprints and
 * baselines are relative to, and file names made relative to it.
 *
 * The root is the version-control root (a directory holding .git, .hg,
 * .svn or .jj) at or above a start directory (the compile database's,
 * or the current one), unless --source-root names it.  Paths are
 * compared lexically (compdb_abspath()), as the compile database does.
 */
#ifndef AWAIT_HOLDING_SRCROOT_H
#define AWAIT_HOLDING_SRCROOT_H

struct arena;

/*
 * The version-control root at or above 'start_dir' (absolute or
 * relative to the current directory), absolute and normalised; NULL if
 * there is none.  Returns memory owned by 'a'.
 */
const char *srcroot_find(struct arena *a, const char *start_dir);

/*
 * 'file' (absolute, or relative to the current directory) relative to
 * 'root' (absolute, normalised; NULL: the current directory), with '/'
 * separators and no "./" or "../": NULL when 'file' is not under
 * 'root'.  Returns memory owned by 'a'.
 */
const char *srcroot_relative(struct arena *a, const char *root,
			     const char *file);

/*
 * 'path' as an RFC 3986 path: every byte but the unreserved characters
 * (ALPHA DIGIT - . _ ~) and '/' percent-encoded, UTF-8 bytes included.
 * Returns memory owned by 'a'.
 */
const char *srcroot_uri_path(struct arena *a, const char *path);

#endif
