/*
 * index.h - the project index: what each translation unit of a compile
 * database contributed to the analysis, kept on disk so that a later run
 * parses only the files whose inputs changed.
 *
 * One entry per main file, in '<dir>/<hash of the path>.ahi'.  An entry
 * records what it was built from (the key):
 *
 *   - the main file and every file it included, each with its size,
 *     modification time and content hash (FNV-1a 64, hash.h);
 *   - the compiler arguments, the hash of the effective configuration,
 *     our version and libclang's;
 *
 * and what the file contributed: its function views (viewio.h), the
 * problems its parse and walk reported, whether the parse failed, and
 * the questions its walk asked the configuration (querylog.h).  With
 * those a run finishes the analysis (summaries, flow, lifetime,
 * suppressions, unused-entry warnings) without libclang.
 *
 * An entry is fresh when its key equals the one a run would use and each
 * recorded file is unchanged: same size and modification time, or else
 * the same content hash (as git's index and ccache's direct mode do).
 *
 * On disk an entry is
 *
 *   "AHIDX1\n\0"  magic, 8 bytes
 *   u32 format    INDEX_FORMAT in index.c (changes with VIEWIO_VERSION)
 *   u32 reserved  0
 *   u64 length    of the payload
 *   u64 checksum  FNV-1a 64 of the payload
 *   payload       a viewio stream (numbers are little-endian LEB128)
 *
 * Writers write a temporary file in the directory and rename() it over
 * the entry, so a reader sees a whole old or a whole new entry, and two
 * runs writing one entry at once leave the last one's.  A reader checks
 * magic, format, length and checksum, and then the payload's structure:
 * anything wrong makes the entry "corrupt" (reported, never trusted, then
 * rebuilt by the caller).
 *
 * Nothing here knows about libclang; the caller fills entries.
 */
#ifndef AWAIT_HOLDING_INDEX_H
#define AWAIT_HOLDING_INDEX_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "strmap.h"

struct fn_view;
struct query;

/* The name of the default index directory, beside compile_commands.json. */
#define INDEX_DIR_NAME ".await-holding"

/* One input file of an entry. */
struct index_dep {
	const char *path;   /* absolute, as libclang named it */
	uint64_t size;
	int64_t mtime_ns;   /* modification time, nanoseconds since the epoch */
	uint64_t hash;      /* FNV-1a 64 of the contents */
};

/* What an entry must have been built from to be used (besides deps). */
struct index_key {
	const char *file;          /* the main file, absolute */
	const char *const *args;   /* compiler arguments as given to libclang */
	size_t nargs;
	uint64_t config;           /* hash of the effective configuration */
	const char *tool;          /* our version */
	const char *libclang;      /* tu_libclang_version() */
};

struct index_entry {
	struct arena arena;        /* owns everything below once loaded */
	struct index_key key;
	const char *display;       /* the file as diagnostics name it */
	struct index_dep *deps;    /* deps[0] is the main file */
	size_t ndeps;
	bool failed;               /* the parse had errors */
	struct problem *problems;  /* from parsing and walking, in order */
	size_t nproblems;
	size_t nparse_problems;    /* the first ones, from parsing; the rest
				      are the walk's (in every project header,
				      for the caller to filter) */
	const struct query *queries; /* querylog.h */
	size_t nqueries;
	struct fn_view *fns;       /* the views, as walked (before summaries) */
};

struct index {
	char *dir;                 /* the index directory (malloc'd) */
	bool read_only;            /* entries are read but never written */
	pthread_mutex_t lock;      /* guards everything below */
	struct arena arena;        /* keys of 'files' */
	struct strmap files;       /* path -> struct index_dep *: this run's look */
	bool warned_write;         /* one warning about failing writes */
	bool warned_format;        /* one warning about another format */
};

void index_entry_init(struct index_entry *e);
void index_entry_release(struct index_entry *e);

/*
 * Open (and create, with its parents) the index directory 'dir'.
 * Returns 0, or -1 after a warning saying the run goes on without an
 * index.  With 'read_only' the directory must exist and is never
 * written.
 */
int index_open(struct index *ix, const char *dir, bool read_only);
void index_close(struct index *ix);

/* The entry file for main file 'file' (absolute); owned by 'a'. */
const char *index_entry_path(const struct index *ix, struct arena *a,
			     const char *file);

/*
 * Read the entry for 'file' into 'e' (initialised by the caller).
 * Returns 1 when read, 0 when there is none, -1 when it exists but
 * cannot be trusted (a warning names it and why; the caller rebuilds it).
 */
int index_load(struct index *ix, const char *file, struct index_entry *e);

/*
 * Read the entry file at 'path' (any name) into 'e': the same checks as
 * index_load(), but nothing is printed; '*why' says what is wrong.
 * Returns 1, 0 (no such file) or -1.
 */
int index_read_file(const char *path, struct index_entry *e, const char **why);

/*
 * Is 'e' fresh for 'key': same key, and each dependency the same as now
 * (size and time, or else contents)?  The state of each file is looked
 * at once per run and cached in 'ix' (thread-safe).  A dependency whose
 * time changed but not its contents gets the new time in 'e', and
 * '*touched' (may be NULL) is set: storing 'e' again spares the next run
 * the hashing.
 */
bool index_fresh(struct index *ix, struct index_entry *e,
		 const struct index_key *key, bool *touched);

/*
 * This run's view of 'path' (size, time, content hash) into '*dep' with
 * dep->path pointing into ix; -1 if it cannot be read.  Thread-safe.
 */
int index_stat(struct index *ix, const char *path, struct index_dep *dep);

/*
 * Write 'e' (its key, deps, problems, queries and views) as the entry
 * of e->key.file.  Returns 0, or -1 when the index cannot be written
 * (one warning per run; the run's answer does not depend on it).
 */
int index_store(struct index *ix, const struct index_entry *e);

/*
 * Serialise 'e' into 'out' as the entry file's bytes; -1 if a view is
 * too deep to be stored (viewio.h).  index_parse() is the reverse
 * (results in e->arena), -1 with '*why' when malformed.
 */
struct strbuf;
int index_format(const struct index_entry *e, struct strbuf *out);
int index_parse(const void *buf, size_t len, struct index_entry *e,
		const char **why);

/*
 * The entry was built for its main file named 'e->display'; name it
 * 'display' instead, in its views and problems (a run that names the
 * file otherwise, say relative to where it runs).
 */
void index_entry_rename(struct index_entry *e, const char *display);

/* Hash of a text that describes a configuration (rules_dump() output). */
uint64_t index_config_hash(const char *text, size_t len);

/*
 * Shard 'k' of 'n' (1-based): which of the 'nfiles' files (absolute
 * paths) it takes.  'take' gets one flag per file.  The choice depends
 * only on the set of files and their sizes, not their order: largest
 * first, each to the shard with the fewest bytes so far (ties: the
 * lower shard), equal sizes in path order.
 */
void index_shard(const char *const *files, size_t nfiles, unsigned k,
		 unsigned n, bool *take);

#endif
