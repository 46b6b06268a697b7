/*
 * srcroot.c - the source root, paths relative to it, and paths as URIs
 * (srcroot.h).
 */
#include "common.h"
#include "srcroot.h"
#include "arena.h"
#include "compdb.h"
#include "util.h"

#include <string.h>
#include <sys/stat.h>

static bool has_vcs_dir(struct arena *a, const char *dir)
{
	static const char *const marks[] = { ".git", ".hg", ".svn", ".jj" };
	struct stat st;
	for (size_t i = 0; i < ARRAY_SIZE(marks); i++) {
		const char *p = arena_printf(a, "%s/%s",
					     strcmp(dir, "/") ? dir : "",
					     marks[i]);
		/* a worktree's or submodule's .git is a file */
		if (stat(p, &st) == 0)
			return true;
	}
	return false;
}

const char *srcroot_find(struct arena *a, const char *start_dir)
{
	char *dir = (char *)compdb_abspath(a, NULL, start_dir);
	for (;;) {
		if (has_vcs_dir(a, dir))
			return dir;
		char *slash = strrchr(dir, '/');
		if (!slash || slash == dir)
			break;
		*slash = '\0';
	}
	return has_vcs_dir(a, "/") ? "/" : NULL;
}

const char *srcroot_relative(struct arena *a, const char *root,
			     const char *file)
{
	const char *abs = compdb_abspath(a, NULL, file);
	if (!root)
		root = compdb_abspath(a, NULL, ".");
	if (!strcmp(root, "/"))
		return abs + 1;
	size_t n = strlen(root);
	if (!strncmp(abs, root, n) && abs[n] == '/')
		return abs + n + 1;
	return NULL;
}

const char *srcroot_uri_path(struct arena *a, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct strbuf sb;
	strbuf_init(&sb);
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
			strbuf_addc(&sb, (char)*p);
		} else {
			strbuf_addc(&sb, '%');
			strbuf_addc(&sb, hex[*p >> 4]);
			strbuf_addc(&sb, hex[*p & 15]);
		}
	}
	const char *out = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return out;
}
