/*
 * main.c - the driver: the two passes over the translation units, output
 * and exit status.  The command line is options.c's, which files to check
 * with which arguments plan.c's, and which configuration config.c's.
 *
 * Pass 1 parses and walks every file, on -j threads, keeping only our own
 * views of its functions (the AST is freed at once).  Then call summaries are computed
 * over all of them, so suspension seen through calls crosses files.
 * Pass 2 builds each function's flow graph and finds the held guards.
 */
#include "common.h"
#include "ccargs.h"
#include "config.h"
#include "diag.h"
#include "emit.h"
#include "flow.h"
#include "index.h"
#include "index_run.h"
#include "lifetime.h"
#include "options.h"
#include "output.h"
#include "rules.h"
#include "plan.h"
#include "report.h"
#include "srcfile.h"
#include "querylog.h"
#include "summary.h"
#include "suppress.h"
#include "tu.h"
#include "util.h"
#include "verify.h"
#include "view.h"
#include "walk.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Stack of each thread that parses and walks: clang's parser and our walk
 * recurse as deep as the code nests. */
#define WORKER_STACK ((size_t)512 << 20)

enum run_status {
	STATUS_CLEAN = 0,    /* no findings */
	STATUS_FINDINGS = 1, /* at least one finding (--verify: a mismatch) */
	STATUS_USAGE = 2,    /* bad options, configuration or compile database */
	STATUS_PARSE = 3,    /* some file did not parse; the rest were checked */
};

struct run {
	struct options opt;
	struct plan plan;             /* the jobs and their databases */
	struct config_cache configs;  /* their configurations */
	struct job *jobs;             /* plan.jobs, once planned */
	size_t njobs;
	struct diag_list diags;
	int status;              /* before the files are checked */
	struct report rp;        /* progress, baseline, writing, summary */
	struct ccargs ccargs;    /* --extra-arg*, flags clang does not know */
	char *stdin_text;        /* --stdin-filename: the buffer */
	size_t stdin_len;
	struct index_run ir;     /* the project index, when ir.on */
};

/* ---- the passes ----------------------------------------------------------- */

/* Is 'file' the job's main file or a header header-filter selects? */
static bool reported_file(const struct job *j, const char *file)
{
	return !file || !strcmp(file, j->display) ||
	       rules_report_header(j->rules, file);
}

static void check_functions(struct run *r, struct job *j)
{
	for (struct fn_view *fn = j->fns; fn; fn = fn->next) {
		struct flow f;
		if (!fn->nvars)
			continue;
		/* walked for the summaries only (rules_want_all_headers()) */
		if (!reported_file(j, fn->loc.file))
			continue;
		flow_build(&f, fn);
		lifetime_check(fn, &f, &r->diags);
		flow_release(&f);
	}
}

static void dump_views(const struct job *j)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (const struct fn_view *fn = j->fns; fn; fn = fn->next)
		view_dump(fn, &sb);
	fputs(sb.buf, stdout);
	strbuf_release(&sb);
}

static int run_verify(struct run *r)
{
	int mismatches = 0;
	/* markers cannot expect what has no position: say it as it is */
	for (size_t i = 0; i < r->diags.nproblems; i++)
		if (!r->diags.problems[i].loc.file)
			fprintf(stderr, "await-holding: %s: %s\n",
				problem_kind_name(r->diags.problems[i].kind),
				r->diags.problems[i].message);
	for (size_t i = 0; i < r->njobs; i++) {
		int n = verify_check(r->jobs[i].display, &r->diags, stdout);
		mismatches += n < 0 ? 1 : n;
	}
	if (mismatches)
		printf("await-holding: %d mismatch%s\n", mismatches,
		       mismatches == 1 ? "" : "es");
	return mismatches ? STATUS_FINDINGS : STATUS_CLEAN;
}

/*
 * The findings to stdout or --output, problems to stderr, then warnings
 * about configuration entries that matched nothing.  Returns the exit
 * status, given 'status' from parsing.
 */
static int write_findings(struct run *r, int status)
{
	struct output out;
	/* problems, so that JSON and SARIF carry them too */
	config_report_unused(&r->configs, &r->diags);
	if (output_open(&out, r->opt.output) < 0)
		return STATUS_USAGE;
	if (report_write(&r->rp, r->opt.format, out.fp, &r->diags,
			 status == STATUS_PARSE) < 0) {
		output_close(&out);
		return STATUS_USAGE;
	}
	if (output_close(&out) < 0)
		return STATUS_USAGE;
	emit_problems(stderr, &r->diags);
	size_t nchecked = 0, nfailed = 0;
	for (size_t i = 0; i < r->njobs; i++) {
		if (!r->jobs[i].report)
			continue; /* in the index only */
		if (!r->jobs[i].failed && !r->jobs[i].excluded)
			nchecked++;
		if (r->jobs[i].failed || r->jobs[i].had_errors)
			nfailed++;
	}
	report_summary(&r->rp, &r->diags, nchecked, nfailed);
	/* a baseline being written records the findings: they do not fail */
	if (status == STATUS_CLEAN && r->diags.nfindings &&
	    !r->rp.opt.write_baseline)
		status = STATUS_FINDINGS;
	return status;
}

/* ---- the project index --------------------------------------------------- */

/*
 * With a compile database (and no reason not to), open the index and
 * make every file of the database a job: the files asked for report
 * their findings, the others only take part in the summaries.  With
 * --shard, the jobs are the shard's files, none reporting.  With
 * --merge-index, the shard indexes are merged in first.  Returns 0, or
 * -1 after an error.
 */
static int setup_index(struct run *r)
{
	const struct options *o = &r->opt;
	struct arena tmp;

	if (o->no_index || o->verify || o->have_fixed || o->dump_config)
		return 0;
	struct compdb *db = plan_database(&r->plan);
	if (!db)
		return 0;
	arena_init(&tmp);
	char *dbdir = dir_of(compdb_abspath(&tmp, NULL, db->path));
	const char *dir = o->index_dir ? o->index_dir
				       : arena_printf(&r->plan.arena, "%s/%s",
						      dbdir, INDEX_DIR_NAME);
	free(dbdir);
	arena_release(&tmp);
	if (index_run_open(&r->ir, dir) < 0 && (o->nmerge || o->index_only))
		return -1; /* nowhere to put what was asked for */
	if (o->nmerge) {
		size_t copied;
		if (index_run_merge(&r->ir, o->merge, o->nmerge, &copied) < 0)
			return -1;
		fprintf(stderr, "await-holding: index: merged %zu index entries into '%s'\n",
			copied, r->ir.ix.dir);
	}
	plan_add_database(&r->plan, db);
	r->jobs = r->plan.jobs;
	r->njobs = r->plan.njobs;
	if (o->shard_n) {
		const char **paths = xcalloc(r->njobs + 1, sizeof(*paths));
		bool *take = xcalloc(r->njobs + 1, sizeof(*take));
		for (size_t i = 0; i < r->njobs; i++)
			paths[i] = r->jobs[i].path;
		index_shard(paths, r->njobs, o->shard_k, o->shard_n, take);
		for (size_t i = 0; i < r->njobs; i++) {
			r->jobs[i].report = false;
			if (!take[i])
				r->jobs[i].excluded = true;
		}
		free(take);
		free(paths);
	}
	return 0;
}

/* Distinct names asked about in one configuration list, for suggestions. */
struct names {
	struct strmap seen;
	const char **v;
	size_t n, cap;
};

static void add_names(struct names *by_list, const struct query *q, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (q[i].kind != QUERY_MATCH || q[i].list < 0 ||
		    q[i].list >= RL_COUNT || !q[i].a)
			continue;
		struct names *l = &by_list[q[i].list];
		struct strmap_slot *slot = strmap_find(&l->seen, q[i].a, true);
		if (slot->val)
			continue;
		slot->val = (void *)q[i].a;
		ARRAY_GROW(l->v, l->n + 1, l->cap);
		l->v[l->n++] = q[i].a;
	}
}

/* Drop from 'j' the header functions 'seen' already has; note the rest. */
static void drop_seen(struct job *j, struct strmap *seen, struct arena *keys)
{
	for (struct fn_view **p = &j->fns; *p;) {
		struct fn_view *fn = *p;
		if (!fn->usr || !fn->loc.file || !strcmp(fn->loc.file, j->display)) {
			p = &fn->next;
			continue;
		}
		const char *key = fn->instance
					  ? arena_printf(keys, "%s|%s", fn->usr, fn->instance)
					  : fn->usr;
		struct strmap_slot *slot = strmap_find(seen, key, true);
		if (slot->val) {
			*p = fn->next; /* another file's copy stands for it */
			continue;
		}
		slot->val = fn;
		p = &fn->next;
	}
}

/*
 * The index walks every project header in every file that includes it,
 * so an inline function of a header comes once per includer.  Keep one
 * copy per function (and instantiation) for the summaries: the first of
 * the reported files' copies, else the first file's.  Copies differ only
 * when a header reads differently in two files (macros); the first wins,
 * as in any index keyed by USR.
 */
static void drop_header_copies(struct run *r)
{
	struct strmap seen = { 0 };
	struct arena keys;
	arena_init(&keys);
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < r->njobs; i++) {
			struct job *j = &r->jobs[i];
			if (!j->failed && !j->excluded && j->report == (pass == 0))
				drop_seen(j, &seen, &keys);
		}
	strmap_release(&seen);
	arena_release(&keys);
}

/*
 * The configuration seen through the whole index: files taken from the
 * index ask their recorded questions again (so uses count as if they
 * had been walked), and entries that still match nothing get the
 * closest name the index knows as a suggestion.
 */
static void index_configuration(struct run *r)
{
	struct names by_list[RL_COUNT];
	struct rules **seen_rules = NULL;
	struct strmap *done = NULL;
	size_t nrules = 0, cap_rules = 0, cap_done = 0;
	struct arena keys;

	memset(by_list, 0, sizeof(by_list));
	arena_init(&keys);
	for (size_t i = 0; i < r->njobs; i++) {
		struct job *j = &r->jobs[i];
		if (j->failed || j->excluded || !j->rules)
			continue;
		size_t k = 0;
		while (k < nrules && seen_rules[k] != j->rules)
			k++;
		if (k == nrules) {
			ARRAY_GROW(seen_rules, nrules + 1, cap_rules);
			ARRAY_GROW(done, nrules + 1, cap_done);
			memset(&done[nrules], 0, sizeof(done[nrules]));
			seen_rules[nrules++] = j->rules;
		}
		if (j->log)
			add_names(by_list, j->log->q, j->log->n);
		if (!j->entry)
			continue;
		add_names(by_list, j->entry->queries, j->entry->nqueries);
		querylog_replay(j->rules, j->entry->queries, j->entry->nqueries,
				&done[k], &keys);
	}
	for (size_t k = 0; k < nrules; k++)
		for (int l = 0; l < RL_COUNT; l++)
			rules_suggest(seen_rules[k], l, by_list[l].v,
				      by_list[l].n);
	for (size_t k = 0; k < nrules; k++)
		strmap_release(&done[k]);
	free(done);
	free(seen_rules);
	for (int l = 0; l < RL_COUNT; l++) {
		strmap_release(&by_list[l].seen);
		free(by_list[l].v);
	}
	arena_release(&keys);
}

/* The work of pass 1, shared by the worker threads. */
struct pass1 {
	struct run *r;
	pthread_mutex_t lock;   /* guards everything below */
	size_t next;            /* next job to take */
	double t_parse, t_walk; /* CPU seconds, summed over workers */
	bool parse_failed;
};

/*
 * Parse 'j' with the extra arguments and without the flags clang does
 * not know (ccargs.h); a parse whose errors name such flags is done
 * again without them.
 */
static struct tu *parse_job(struct run *r, struct tu_index *idx,
			    struct job *j, int *failed)
{
	int macros = rules_has(j->rules, RL_SUSPEND_MACROS) ||
		     rules_has_locks(j->rules);
	size_t n;
	const char **args = ccargs_apply(&r->ccargs, j->args, j->nargs, &n);
	struct tu *tu = tu_parse(idx, j->path, j->display, args, n, macros,
				 &j->problems, failed);
	if (*failed && ccargs_learn(&r->ccargs, &j->problems, args, n,
				    j->display)) {
		tu_free(tu);
		diag_list_release(&j->problems);
		diag_list_init(&j->problems);
		free(args);
		args = ccargs_apply(&r->ccargs, j->args, j->nargs, &n);
		tu = tu_parse(idx, j->path, j->display, args, n, macros,
			      &j->problems, failed);
	}
	free(args);
	return tu;
}

static double thread_cpu_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * The walk's problems in headers walked only for the summaries
 * (rules_want_all_headers()) are not the file's: drop those found after
 * the first 'before'.
 */
static void drop_header_problems(struct job *j, size_t before)
{
	size_t kept = before;
	for (size_t k = before; k < j->problems.nproblems; k++)
		if (reported_file(j, j->problems.problems[k].loc.file))
			j->problems.problems[kept++] = j->problems.problems[k];
	j->problems.nproblems = kept;
}

/*
 * Before pass 1, with the index: take each job's entry if it is fresh
 * (its views, problems and parse status), so pass 1 skips it.
 */
static int lookup_worker(void *arg)
{
	struct pass1 *p = arg;
	struct run *r = p->r;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= r->njobs)
			break;
		struct job *j = &r->jobs[i];
		if (j->failed || j->excluded)
			continue;
		/* the arguments as parse_job() first gives them to libclang */
		size_t nargs;
		j->key_args = ccargs_apply(&r->ccargs, j->args, j->nargs, &nargs);
		index_run_key(&r->ir, j->rules, j->path, j->key_args, nargs,
			      &j->key);
		struct index_entry *e = xmalloc(sizeof(*e));
		index_entry_init(e);
		if (!index_run_lookup(&r->ir, &j->key, e)) {
			index_entry_release(e);
			free(e);
			continue;
		}
		index_entry_rename(e, j->display);
		j->entry = e;
		j->fns = e->fns;
		j->had_errors = e->failed;
		for (size_t k = 0; k < e->nproblems; k++) {
			const struct problem *pr = &e->problems[k];
			if (k >= e->nparse_problems &&
			    !reported_file(j, pr->loc.file))
				continue; /* see drop_header_problems() */
			diag_list_add_problem(&j->problems, pr->kind,
					      pr->loc.file ? &pr->loc : NULL,
					      "%s", pr->message);
		}
		pthread_mutex_lock(&p->lock);
		if (e->failed && j->report)
			p->parse_failed = true;
		pthread_mutex_unlock(&p->lock);
	}
	return 0;
}

/*
 * A worker of pass 1: take the next job, parse it and walk it into our
 * views, free libclang's AST; until no job is left.  Each job has its own
 * arena and problem list, and the rules count uses atomically, so workers
 * share nothing else.
 */
static int pass1_worker(void *arg)
{
	struct pass1 *p = arg;
	struct run *r = p->r;
	struct tu_index *idx = tu_index_new();
	if (r->opt.stdin_filename)
		tu_index_set_unsaved(idx, r->jobs[0].path, r->stdin_text,
				     r->stdin_len);

	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= r->njobs)
			break;
		struct job *j = &r->jobs[i];
		int failed = 0;
		if (j->failed || j->excluded)
			continue;
		if (j->entry)
			continue; /* fresh in the index */
		int64_t start = r->ir.on ? index_now_ns() : 0;
		struct timespec w0, w1;
		clock_gettime(CLOCK_MONOTONIC, &w0);
		double t0 = thread_cpu_seconds();
		j->tu = parse_job(r, idx, j, &failed);
		double t1 = thread_cpu_seconds();
		if (j->tu) {
			bool incomplete = false;
			size_t before = j->problems.nproblems;
			if (r->ir.on) {
				j->log = xmalloc(sizeof(*j->log));
				querylog_init(j->log);
				querylog_begin(j->log);
			}
			j->fns = walk_tu(j->tu, j->rules, &j->problems,
					 &incomplete);
			if (incomplete)
				failed = 1; /* the problem says what */
			if (r->ir.on) {
				querylog_end();
				index_run_record(&r->ir, &j->key, j->display,
						 j->tu, j->fns, &j->problems,
						 before, failed, j->log, start);
				drop_header_problems(j, before);
			}
			tu_dispose_ast(j->tu);
			if (!j->fns) {
				/* nothing of it is needed later: keep no block */
				tu_free(j->tu);
				j->tu = NULL;
			}
		}
		double t2 = thread_cpu_seconds();
		clock_gettime(CLOCK_MONOTONIC, &w1);
		pthread_mutex_lock(&p->lock);
		j->had_errors = failed;
		report_progress(&r->rp, j->display,
				(double)(w1.tv_sec - w0.tv_sec) +
					(double)(w1.tv_nsec - w0.tv_nsec) / 1e9);
		p->t_parse += t1 - t0;
		p->t_walk += t2 - t1;
		if (failed && j->report)
			p->parse_failed = true;
		pthread_mutex_unlock(&p->lock);
	}
	tu_index_free(idx);
	return 0;
}

/* Pass 1 (parse, walk), summaries, pass 2 (flow, lifetime), output. */
static int check_files(struct run *r, int status)
{
	struct fn_view **all = xcalloc(r->njobs + 1, sizeof(*all));
	struct pass1 p = { .r = r };
	double t0;
	size_t nfiles = 0, nfns = 0;

	pthread_mutex_init(&p.lock, NULL);
	int jobs = r->opt.jobs;
	if ((size_t)jobs > r->njobs)
		jobs = (int)r->njobs;
	if (r->ir.on) {
		for (size_t i = 0; i < r->njobs; i++)
			if (r->jobs[i].rules)
				rules_want_all_headers(r->jobs[i].rules);
		run_on_threads(lookup_worker, &p, jobs > 0 ? jobs : 1,
			       WORKER_STACK);
		p.next = 0;
		r->rp.total = r->ir.nstale; /* progress counts the parses */
		if (r->ir.nstale && r->ir.stored)
			fprintf(stderr, "await-holding: index: updating %zu of %zu files in '%s'\n",
				r->ir.nstale, r->ir.nstale + r->ir.nfresh,
				r->ir.ix.dir);
	}
	run_on_threads(pass1_worker, &p, jobs > 0 ? jobs : 1, WORKER_STACK);
	pthread_mutex_destroy(&p.lock);
	if (r->ir.on && r->opt.stats)
		fprintf(stderr, "await-holding: index: %zu of %zu files parsed, %zu from the index\n",
			r->ir.nstale, r->ir.nstale + r->ir.nfresh, r->ir.nfresh);
	if (p.parse_failed)
		status = STATUS_PARSE;
	double t_parse = p.t_parse, t_walk = p.t_walk;

	for (size_t i = 0; i < r->njobs; i++) {
		struct job *j = &r->jobs[i];
		if (!j->report)
			continue; /* in the index only: part of the summaries */
		/* problems in file order, as if one thread had found them */
		for (size_t k = 0; k < j->problems.nproblems; k++) {
			const struct problem *pr = &j->problems.problems[k];
			diag_list_add_problem(&r->diags, pr->kind,
					      pr->loc.file ? &pr->loc : NULL,
					      "%s", pr->message);
		}
		if (j->failed || j->excluded)
			continue;
		nfiles++;
		for (struct fn_view *fn = j->fns; fn; fn = fn->next)
			nfns++;
		if (r->opt.dump_view)
			dump_views(j);
	}
	if (r->opt.index_only) {
		/* nothing to report but what stopped a file's parse */
		emit_problems(stderr, &r->diags);
		free(all);
		return status;
	}
	t0 = thread_cpu_seconds();
	if (r->ir.on)
		drop_header_copies(r);
	for (size_t i = 0; i < r->njobs; i++)
		if (!r->jobs[i].failed && !r->jobs[i].excluded)
			all[i] = r->jobs[i].fns;
	struct summary *sum = summary_compute(all, r->njobs);
	for (size_t i = 0; i < r->njobs; i++)
		if (r->jobs[i].report)
			check_functions(r, &r->jobs[i]);
	double t_analysis = thread_cpu_seconds() - t0;
	if (r->opt.stats) {
		double ours = t_walk + t_analysis;
		fprintf(stderr,
			"await-holding: stats: %zu files, %zu functions; CPU seconds: libclang parse %.3f, walk %.3f, flow+lifetime %.3f; ours = %.1f%% of the parse\n",
			nfiles, nfns, t_parse, t_walk, t_analysis,
			t_parse > 0 ? 100.0 * ours / t_parse : 0.0);
	}
	const char **shown = xcalloc(r->njobs + 1, sizeof(*shown));
	size_t nshown = 0;
	for (size_t i = 0; i < r->njobs; i++)
		if (r->jobs[i].report)
			shown[nshown++] = r->jobs[i].display;
	if (r->ir.on)
		index_configuration(r);
	/* --verify checks stale suppressions too: tests mark them */
	suppress_apply_from(&r->diags, shown, nshown,
			    r->opt.warn_unused_suppressions || r->opt.verify,
			    report_sources(&r->rp));
	free(shown);
	diag_list_sort(&r->diags);

	status = r->opt.verify ? run_verify(r) : write_findings(r, status);
	summary_free(sum);
	free(all);
	return status;
}

/* check_files() on a big-stack thread (see run_on_threads()). */
static int check_files_thread(void *arg)
{
	struct run *r = arg;
	return check_files(r, r->status);
}

static void run_release(struct run *r)
{
	for (size_t i = 0; i < r->njobs; i++) {
		tu_free(r->jobs[i].tu);
		diag_list_release(&r->jobs[i].problems);
		if (r->jobs[i].entry) {
			index_entry_release(r->jobs[i].entry);
			free(r->jobs[i].entry);
		}
		if (r->jobs[i].log) {
			querylog_release(r->jobs[i].log);
			free(r->jobs[i].log);
		}
		free(r->jobs[i].key_args);
	}
	index_run_release(&r->ir);
	plan_release(&r->plan);
	config_cache_release(&r->configs);
	options_release(&r->opt);
	diag_list_release(&r->diags);
	report_release(&r->rp);
	ccargs_release(&r->ccargs);
	free(r->stdin_text);
}

/*
 * Jobs that are not C or C++ (assembler, resource scripts) are not
 * checked; one note names how many and the first.
 */
static void skip_non_c(struct run *r)
{
	size_t n = 0;
	const char *first = NULL;
	for (size_t i = 0; i < r->njobs; i++) {
		struct job *j = &r->jobs[i];
		if (j->failed || ccargs_is_c_family(j->path, j->args, j->nargs))
			continue;
		j->excluded = true;
		if (!n++)
			first = j->display;
	}
	if (n) /* a problem, so that JSON and SARIF say it too */
		diag_list_add_problem(&r->diags, PROBLEM_NOTE, NULL,
				      "skipped %zu file%s that %s not C or C++ ('%s'%s)",
				      n, n == 1 ? "" : "s", n == 1 ? "is" : "are",
				      first, n > 1 ? ", ..." : "");
}

/* Flags clang does not know, found once for the whole run (ccargs.h). */
static void probe_flags(struct run *r)
{
	struct tu_index *probe = tu_index_new();
	for (size_t i = 0; i < r->njobs; i++)
		if (!r->jobs[i].failed && !r->jobs[i].excluded)
			ccargs_probe_add(&r->ccargs, r->jobs[i].args,
					 r->jobs[i].nargs, r->jobs[i].display);
	ccargs_probe_run(&r->ccargs, probe);
	tu_index_free(probe);
}

/* All of 'f' in a malloc'd NUL-terminated buffer; NULL on a read error. */
static char *read_stream(FILE *f, size_t *len)
{
	struct strbuf sb;
	char buf[65536];
	size_t n;
	strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	if (ferror(f)) {
		strbuf_release(&sb);
		return NULL;
	}
	*len = sb.len;
	return strbuf_detach(&sb);
}

/*
 * Every job gets its configuration; with --header-filter, each of those
 * configurations gets the filter.  Returns 0, or -1 after an error.
 */
static int choose_configs(struct run *r)
{
	for (size_t i = 0; i < r->njobs; i++) {
		struct job *j = &r->jobs[i];
		if (j->failed)
			continue;
		if (r->opt.verify &&
		    plan_verify_header(&r->plan, j, &r->configs,
				       r->opt.have_fixed) < 0)
			return -1;
		if (!j->rules)
			j->rules = config_choose(&r->configs, j->path,
						 r->opt.config, r->opt.verify);
		if (!j->rules)
			return -1;
		/* matched in --verify too, so that no pattern seems unused */
		if (rules_excluded(j->rules, j->path) && !r->opt.verify)
			j->excluded = true;
	}
	if (r->opt.header_filter)
		for (size_t i = 0; i < r->njobs; i++)
			if (r->jobs[i].rules &&
			    rules_set_header_filter(r->jobs[i].rules,
						    r->opt.header_filter) < 0)
				return -1;
	return 0;
}

/* --dump-config: the effective configuration of each file. */
static int dump_configs(struct run *r)
{
	struct output out;
	if (output_open(&out, r->opt.output) < 0)
		return STATUS_USAGE;
	for (size_t i = 0; i < r->njobs; i++)
		if (r->jobs[i].rules)
			rules_dump(r->jobs[i].rules, r->jobs[i].display, out.fp);
	return output_close(&out) < 0 ? STATUS_USAGE : STATUS_CLEAN;
}

/*
 * -o must not name a file we read: the findings would replace a source
 * file, the configuration or the compile database.  -1 after a usage
 * error.
 */
static int check_output_is_no_input(const struct run *r)
{
	struct stat o, st;
	if (!r->opt.output || stat(r->opt.output, &o) != 0 ||
	    !S_ISREG(o.st_mode))
		return 0;
	for (size_t i = 0; i < r->njobs; i++)
		if (stat(r->jobs[i].path, &st) == 0 && st.st_dev == o.st_dev &&
		    st.st_ino == o.st_ino)
			return options_usage_error("output file '%s' is also a file to check",
						   r->opt.output);
	if (r->opt.config && stat(r->opt.config, &st) == 0 &&
	    st.st_dev == o.st_dev && st.st_ino == o.st_ino)
		return options_usage_error("output file '%s' is also the configuration",
					   r->opt.output);
	if (r->plan.have_pdb && stat(r->plan.pdb.path, &st) == 0 &&
	    st.st_dev == o.st_dev && st.st_ino == o.st_ino)
		return options_usage_error("output file '%s' is also the compile database",
					   r->opt.output);
	return 0;
}

int main(int argc, char **argv)
{
	struct run r;
	int status = STATUS_USAGE;
	size_t nfailed;

	/* many small writes (a long configuration line) in few syscalls */
	setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
	memset(&r, 0, sizeof(r));
	plan_init(&r.plan);
	config_cache_init(&r.configs);
	diag_list_init(&r.diags);
	ccargs_init(&r.ccargs);
	tu_setup();
	int parsed = options_parse(&r.opt, argc, argv);
	report_init(&r.rp, &r.opt.report);
	switch (parsed) {
	case 1:
		status = STATUS_CLEAN;
		goto out;
	case -1:
		goto out;
	}
	for (size_t i = 0; i < r.opt.nextra; i++)
		ccargs_add_extra(&r.ccargs, r.opt.extra[i], r.opt.extra_before[i]);
	const char *const *fixed = r.opt.fixed;
	ccargs_expand(&r.ccargs, &fixed, &r.opt.nfixed);
	r.opt.fixed = (const char **)fixed; /* argv's, or ours */
	if (r.opt.stdin_filename &&
	    !(r.stdin_text = read_stream(stdin, &r.stdin_len))) {
		error("cannot read the buffer from stdin: %s", strerror(errno));
		goto out;
	}

	if (r.opt.config && !config_load(&r.configs, r.opt.config))
		goto out;
	if (r.opt.have_fixed)
		plan_set_fixed(&r.plan, r.opt.files, r.opt.nfiles, r.opt.fixed,
			       r.opt.nfixed);
	if (r.opt.p_dir && plan_open_pdb(&r.plan, r.opt.p_dir) < 0)
		goto out;
	if (plan_jobs(&r.plan, &r.opt, &nfailed) < 0)
		goto out;
	status = nfailed ? STATUS_PARSE : STATUS_CLEAN;
	r.jobs = r.plan.jobs;
	r.njobs = r.plan.njobs;
	if (setup_index(&r) < 0) {
		status = STATUS_USAGE;
		goto out;
	}
	if (check_output_is_no_input(&r) < 0) {
		status = STATUS_USAGE;
		goto out;
	}

	if (choose_configs(&r) < 0) {
		status = STATUS_USAGE;
		goto out;
	}
	if (r.opt.dump_config) {
		/* the configurations are fine: no unused-entry warnings here */
		status = dump_configs(&r);
		goto out;
	}
	if (!r.opt.verify) {
		skip_non_c(&r);
		probe_flags(&r);
	}
	size_t nparse = 0;
	for (size_t i = 0; i < r.njobs; i++)
		nparse += !r.jobs[i].failed && !r.jobs[i].excluded;
	if (report_setup(&r.rp, r.opt.p_dir ? r.opt.p_dir : ".",
			 !r.opt.output && isatty(STDOUT_FILENO), nparse) < 0) {
		status = STATUS_USAGE;
		goto out;
	}
	if (r.opt.stdin_filename)
		srcfile_set(report_sources(&r.rp), r.jobs[0].display,
			    r.stdin_text, r.stdin_len);
	r.status = status;
	status = run_on_threads(check_files_thread, &r, 1, (size_t)1 << 30);
out:
	run_release(&r);
	if (output_check_stdout() < 0)
		status = STATUS_USAGE;
	fflush(stderr);
	return status;
}
