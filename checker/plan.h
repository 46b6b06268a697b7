/*
 * plan.h - the jobs of a run: which files to check, and with which
 * compiler arguments.
 *
 * Arguments for a file come, in order of preference, from "--" on our
 * command line (a fixed database), from -p's database, or from the
 * nearest compile_commands.json in the file's directory or one above it.
 * A file the database does not list borrows the command of the nearest
 * listed file (as clang's database interpolates); a file with no
 * database at all gets lang_default_args().  With -p and no files, every
 * file of the database is a job.
 */
#ifndef AWAIT_HOLDING_PLAN_H
#define AWAIT_HOLDING_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "compdb.h"
#include "diag.h"
#include "index.h"
#include "strmap.h"

struct config_cache;
struct fn_view;
struct index_entry;
struct options;
struct querylog;
struct rules;
struct tu;

/* One file to check. */
struct job {
	const char *display;  /* as shown in diagnostics */
	const char *path;     /* absolute, for libclang */
	const char *const *args; /* compiler arguments, without the compiler
				    and the file; borrowed (the plan's) */
	size_t nargs;
	struct rules *rules;  /* borrowed from the config cache */
	bool failed;          /* could not be opened, or did not parse */
	bool excluded;        /* by an 'exclude' glob of its configuration */
	/* The rest is the run's (main.c), which also releases it. */
	struct tu *tu;
	struct fn_view *fns;
	bool had_errors;      /* clang errors: checked as far as it parsed */
	struct diag_list problems; /* found while parsing and walking it;
				      initialised by the plan */
	/* the project index (index_run.h) */
	bool report;          /* a file asked for: its findings are shown (set
				 by the plan); false for the database's other
				 files, which only take part in the summaries */
	struct index_entry *entry; /* taken from the index (owns fns) */
	struct querylog *log; /* the configuration questions of its walk */
	struct index_key key; /* what its entry is built from */
	const char **key_args; /* the arguments in 'key', as libclang gets
				  them (extra arguments included); malloc'd */
};

struct plan {
	struct arena arena;      /* job names, borrowed argument arrays */
	struct job *jobs;        /* malloc'd; pointers stay valid once
				    plan_jobs() has returned */
	size_t njobs, cap_jobs;
	struct strmap dbs;       /* directory -> struct compdb * (or NULL
				    when it did not load) */
	struct strmap named;     /* real path of each file named: checked
				    once however it was spelt */
	struct compdb fixed_db;  /* from "--" */
	struct compdb pdb;       /* from -p */
	bool have_fixed_db, have_pdb;
	bool db_failed;          /* a database found by walking up did not
				    load */
};

void plan_init(struct plan *p);

/*
 * Free the jobs array, the databases and the names.  The jobs' tu and
 * problems must have been released by the run.
 */
void plan_release(struct plan *p);

/* -p: load <dir>/compile_commands.json.  -1 after printing why not. */
int plan_open_pdb(struct plan *p, const char *dir);

/* "--": every file in 'files' gets 'args' (both borrowed). */
void plan_set_fixed(struct plan *p, const char *const *files, size_t nfiles,
		    const char *const *args, size_t nargs);

/*
 * Make the jobs for the files of 'o' (or, with -p and no files, for the
 * database), with their arguments.  A file named twice (under two
 * spellings, or through a symlink) is one job.  A file that cannot be
 * opened, or whose database entry names a directory that does not
 * exist, is a job marked failed with the reason in its problems (not
 * printed yet); '*nfailed' gets the number of such files.  Returns 0, or -1 when a compile database found
 * by walking up is unreadable or malformed (its errors printed): the
 * run must then check nothing, as with a bad -p database.
 */
int plan_jobs(struct plan *p, const struct options *o, size_t *nfailed);

/*
 * --verify: the file's own "// verify-args:" and "// verify-config:"
 * lines.  Its arguments replace the job's; without any the job gets the
 * default arguments unless 'keep_args' ("--" was given).  Its
 * configuration, if named, is set through 'configs' and wins over
 * --config.  Returns 0, or -1 after an error message.
 */
int plan_verify_header(struct plan *p, struct job *j,
		       struct config_cache *configs, bool keep_args);

/*
 * The one compile database every job uses (-p's, or the nearest one of
 * all the files named), or NULL when there is none or several ("--"
 * gives none).  For the project index.
 */
struct compdb *plan_database(struct plan *p);

/*
 * Add a job, not reported (job.report false), for each file of 'db' that
 * is not a job yet, with its database command.  For the project index.
 */
void plan_add_database(struct plan *p, const struct compdb *db);

#endif
