/*
 * options.h - the command line: what to check, how, and where to write.
 *
 * options_parse() turns argv into a struct options and does nothing
 * else: it loads no file.  Options that do not compose are refused here
 * (--verify with --format or -o; --dump-config with --format or
 * --dump-view; --dump-view with a JSON or SARIF report on standard
 * output).  main.c acts on the result.
 */
#ifndef AWAIT_HOLDING_OPTIONS_H
#define AWAIT_HOLDING_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"


struct emitter;

struct options {
	const char *p_dir;         /* -p: the compile database's directory */
	const char *config;        /* --config: one configuration for all */
	const struct emitter *format; /* --format; &emit_text by default */
	bool verify;               /* --verify */
	bool dump_view;            /* --dump-view */
	bool dump_config;          /* --dump-config */
	bool warn_unused_suppressions;
	bool stats;                /* --stats */
	const char *header_filter; /* --header-filter: overrides the configs' */
	const char *output;        /* --output: findings go there, not to stdout */
	int jobs;                  /* files parsed at a time (-j) */
	const char **files;        /* the files named; the array is malloc'd,
				      the strings borrowed from argv */
	size_t nfiles;
	const char **fixed;        /* after "--"; borrowed from argv */
	size_t nfixed;
	bool have_fixed;           /* "--" was given (with -p, the arguments
				      are moved to 'extra' instead) */
	const char *stdin_filename; /* --stdin-filename: the source is on
				       stdin; also files[0] */
	struct report_options report; /* report.h's options */
	const char **extra;        /* --extra-arg(-before) values, in order;
				      malloc'd array of argv strings */
	bool *extra_before;        /* whether each goes before the command */
	size_t nextra, cap_extra, cap_extra_before;
	/* the project index (index_run.h) */
	const char *index_dir;     /* --index-dir; default beside the database */
	bool no_index;             /* --no-index */
	bool index_only;           /* --index-only: bring it up to date, no report */
	unsigned shard_k, shard_n; /* --shard K/N; shard_n 0: no sharding */
	const char **merge;        /* --merge-index DIR...; malloc'd array */
	size_t nmerge, cap_merge;
};

/*
 * Fill 'o' from argv.  Strings point into argv, which must outlive 'o'.
 * Returns 0 when there is something to check; 1 when the command line
 * was a request answered here (--help, --version, --list-packs: the
 * answer is on stdout); -1 after a usage error (the message, and a hint
 * to try --help, are on stderr).  Release 'o' with options_release() in
 * every case.
 */
int options_parse(struct options *o, int argc, char **argv);

/* Free what options_parse() allocated; 'o' may be zero-filled. */
void options_release(struct options *o);

/*
 * Print "await-holding: error: " 'fmt' (with one %s for 'arg') and the
 * hint to try --help, on stderr.  Returns -1.
 */
int options_usage_error(const char *fmt, const char *arg);

#endif
