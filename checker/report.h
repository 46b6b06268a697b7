/*
 * report.h - the reporting end of a run, between the analysis and the
 * writers: its command-line options (source root, colour, excerpts,
 * baselines, progress, quiet), progress lines while files are checked,
 * the baseline applied to the findings, the findings written through an
 * emitter (emit.h), and the summary line.
 *
 * The driver (main.c) hands each argument to report_option() before its
 * own, calls report_setup() once the files are known, report_progress()
 * after each file, and report_write() with the sorted findings.
 */
#ifndef AWAIT_HOLDING_REPORT_H
#define AWAIT_HOLDING_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "baseline.h"
#include "emit.h"

struct diag_list;

enum report_color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* What the command line says about reporting (report_option()). */
struct report_options {
	const char *source_root;    /* --source-root, as given */
	enum report_color color;    /* --color */
	bool no_caret;              /* --no-caret: no source excerpts */
	bool no_help;               /* --no-help: no help notes */
	bool explain;               /* --explain: every first hop of an
				       indirect suspension (text) */
	size_t max_points;          /* --max-points (text), 0: all */
	const char *baseline;       /* --baseline */
	const char *write_baseline; /* --write-baseline */
	int progress;               /* --progress 1, --no-progress 0, -1 auto */
	bool quiet;                 /* --quiet: no summary, no automatic progress */
};

struct report {
	struct report_options opt;

	/* state, after report_setup() */
	struct emit_ctx ctx;
	struct baseline known;
	bool have_baseline;
	struct arena arena;         /* the root and the like */
	size_t done, total;         /* progress */
	size_t nbaselined;
};

/* The defaults; call before report_option(). */
void report_options_init(struct report_options *o);

/*
 * If argv[*i] is one of our options, take it (and its value, advancing
 * *i) and return 1; return 0 if it is not ours; return -1 after printing
 * a usage error.  Strings are borrowed from argv.
 */
int report_option(struct report_options *o, int argc, char **argv, int *i);

/* Start a report with the options 'o' (copied). */
void report_init(struct report *rp, const struct report_options *o);
void report_release(struct report *rp);

/* The usage lines of our options, for --help. */
extern const char report_usage[];

/*
 * Settle the options once the run is known: 'start_dir' is where the
 * version-control root is looked for (the -p directory, else "."),
 * 'to_terminal' whether findings go to a terminal, 'text' whether the
 * format is text, 'nfiles' the files to check.  Loads the baseline.
 * Returns 0, or -1 after printing why (an unreadable baseline).
 */
int report_setup(struct report *rp, const char *start_dir, bool to_terminal,
		 size_t nfiles);

/* The source cache the writers read; set by report_setup(). */
struct srcfiles *report_sources(struct report *rp);

/*
 * One file done: "[N/M] file (1.2s)" on stderr when progress is on.
 * Call from one thread at a time.
 */
void report_progress(struct report *rp, const char *file, double seconds);

/*
 * Apply the baseline to 'l' (sorted), write --write-baseline, then the
 * findings that remain to 'out' with 'em'.  'incomplete': some file was
 * not checked.  Returns 0, or -1 after printing why a file could not be
 * written.
 */
int report_write(struct report *rp, const struct emitter *em, FILE *out,
		 struct diag_list *l, bool incomplete);

/*
 * "await-holding: 12 findings in 4 files; 2 files could not be parsed;
 * 3 baselined" on stderr, unless --quiet.
 */
void report_summary(const struct report *rp, const struct diag_list *l,
		    size_t nchecked, size_t nfailed);

#endif
