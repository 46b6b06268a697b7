/*
 * index_run.h - the project index (index.h) inside one run of the
 * checker: the key a file must match, taking a fresh entry instead of
 * parsing, recording what a parse and walk produced, and merging shard
 * indexes (index_shard() in index.h chooses a shard's files).
 *
 * The driver asks, for each file of the compile database:
 *
 *   index_run_key()     what an entry for it must have been built from
 *   index_run_lookup()  a fresh entry, or nothing (then it parses)
 *   index_run_record()  after the walk, while the AST is alive: store it
 *
 * Entries stay in memory until index_run_release(): their views take
 * part in the summaries and their query logs in the unused-entry
 * warnings, whether or not their findings are reported.
 */
#ifndef AWAIT_HOLDING_INDEX_RUN_H
#define AWAIT_HOLDING_INDEX_RUN_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "index.h"

struct diag_list;
struct fn_view;
struct querylog;
struct rules;
struct tu;

struct index_run {
	struct index ix;
	bool on;                 /* the whole database takes part */
	bool stored;             /* entries are read and written in 'ix' (the
				    directory could be used) */
	char *tool;              /* our version and build, malloc'd */
	char *libclang;          /* tu_libclang_version(), malloc'd */
	pthread_mutex_t lock;    /* guards the cache and counters below */
	const struct rules **cfg_rules; /* configuration hash cache */
	uint64_t *cfg_hash;
	size_t ncfg, cap_cfg;
	size_t nfresh, nstale;   /* files taken from the index / parsed */
};

/*
 * Use the index in 'dir' (created if missing).  Returns 0, or -1 after
 * a warning when the directory cannot be used: then nothing is read or
 * written (ir->stored is false) but the run still takes in the whole
 * database, so its answer is the same, only slower.
 */
int index_run_open(struct index_run *ir, const char *dir);
void index_run_release(struct index_run *ir);

/*
 * The key of 'path' (absolute) checked with 'args' under 'rules'.
 * Strings are borrowed from the arguments and from 'ir'.  Thread-safe.
 */
void index_run_key(struct index_run *ir, const struct rules *rules,
		   const char *path, const char *const *args, size_t nargs,
		   struct index_key *key);

/*
 * Load the entry of key->file into 'e' (initialised by the caller) if it
 * is fresh for 'key': returns 1.  Otherwise 0, with 'e' empty (a corrupt
 * entry has been reported).  Thread-safe.
 */
int index_run_lookup(struct index_run *ir, const struct index_key *key,
		     struct index_entry *e);

/*
 * Store what parsing and walking 'key->file' gave: its views 'fns'
 * (before summaries), 'problems' (the first 'nparse' from the parse),
 * 'failed' and the configuration
 * questions in 'log'.  The dependencies are read from 'tu', whose AST
 * must still be alive.  'parse_start_ns' is when the parse began
 * (CLOCK_REALTIME): a file modified since is not trusted and the entry
 * is not stored.  Nothing is kept in memory.  Thread-safe.
 */
void index_run_record(struct index_run *ir, const struct index_key *key,
		      const char *display, struct tu *tu,
		      const struct fn_view *fns,
		      const struct diag_list *problems, size_t nparse,
		      bool failed,
		      const struct querylog *log, int64_t parse_start_ns);

/* Now, in nanoseconds since the epoch (CLOCK_REALTIME). */
int64_t index_now_ns(void);

/*
 * Copy the valid entries of the index directories 'dirs' into 'ir'
 * (the last one wins for a file in several).  A directory that cannot
 * be read, or an entry that cannot be trusted, is an error.  Returns 0
 * or -1; '*copied' counts the entries.
 */
int index_run_merge(struct index_run *ir, const char *const *dirs,
		    size_t ndirs, size_t *copied);

#endif
