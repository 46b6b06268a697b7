/*
 * main.c - the driver: options, which files to check with which
 * arguments and configuration, the two passes over the translation units,
 * output and exit status.
 *
 * Pass 1 parses and walks every file, on -j threads, keeping only our own
 * views of its functions (the AST is freed at once).  Then call summaries are computed
 * over all of them, so suspension seen through calls crosses files.
 * Pass 2 builds each function's flow graph and finds the held guards.
 */
#include "common.h"
#include "compdb.h"
#include "diag.h"
#include "emit.h"
#include "flow.h"
#include "lifetime.h"
#include "rules.h"
#include "packs.h"
#include "strmap.h"
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

struct options {
	const char *p_dir;
	const char *config;
	const struct emitter *format;
	bool verify;
	bool dump_view;
	bool dump_config;
	bool warn_unused_suppressions;
	bool stats;
	const char *header_filter; /* --header-filter: overrides the configs' */
	const char *output;   /* --output: findings go there, not to stdout */
	int jobs;             /* files parsed at a time (-j) */
	const char **files;
	size_t nfiles;
	const char **fixed;   /* after "--" */
	size_t nfixed;
	bool have_fixed;
};

/* One file to check. */
struct job {
	const char *display;  /* as shown in diagnostics */
	const char *path;     /* absolute, for libclang */
	const char **args;
	size_t nargs;
	struct rules *rules;
	struct tu *tu;
	struct fn_view *fns;
	bool failed;
	bool excluded;        /* by an 'exclude' glob of its configuration */
	struct diag_list problems; /* found while parsing and walking it */
};

struct run {
	struct options opt;
	struct arena arena;
	struct job *jobs;
	size_t njobs, cap_jobs;
	struct strmap dbs;       /* directory -> struct compdb * (or NULL) */
	struct strmap configs;   /* config path -> struct rules * */
	struct rules *fallback;  /* built-in default */
	struct compdb fixed_db;  /* from "--" */
	struct compdb pdb;       /* from -p */
	bool have_fixed_db, have_pdb;
	struct diag_list diags;
	int status;              /* before the files are checked */
};

static const char usage_text[] =
	"usage: await-holding [options] <file>... [-- <compiler args>]\n"
	"\n"
	"Reports guards (locks, scope guards) held across coroutine suspension\n"
	"points and calls that suspend.\n"
	"\n"
	"  -p <dir>             read <dir>/compile_commands.json; with no files,\n"
	"                       check every file in it\n"
	"  --config <file>      configuration (TOML or .json); default: the nearest\n"
	"                       await-holding.toml/.json above each file, else the\n"
	"                       built-in std rules\n"
	"  --format=text|json|sarif  output format (default text)\n"
	"  -o <file>, --output=<file>  write the findings there instead of stdout\n"
	"  --verify             compare findings with expect-* markers in the files\n"
	"  --dump-config        print the effective configuration for each file\n"
	"  --header-filter=<re> also report in headers matching this POSIX regex\n"
	"                       (overrides the configuration's header-filter)\n"
	"  --warn-unused-suppressions  report NOLINT(await-holding) that silence nothing\n"
	"  -j <n>, --jobs=<n>   parse n files at a time (default: one per CPU, at most 8)\n"
	"  --stats              print time spent parsing vs. analysing to stderr\n"
	"  --dump-view          print each function as the analysis sees it (debugging)\n"
	"  --list-packs         list the built-in rule packs\n"
	"  --version            print versions of await-holding and libclang\n"
	"  --help               this text\n"
	"  -- <args>            compiler arguments for every file (no database)\n"
	"\n"
	"Exit status: 0 no findings, 1 findings, 2 usage, configuration or\n"
	"compile database error, 3 some file could not be parsed (the others\n"
	"were checked).\n";

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "await-holding: error: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'await-holding --help'.\n");
	return STATUS_USAGE;
}

/* "name  what its first comment line says" (rules/NAME.toml). */
static void print_pack(const struct pack *p)
{
	const char *t = (const char *)p->text, *end = t + p->len;
	const char *nl = memchr(t, '\n', p->len);
	const char *desc = t;
	if (!nl)
		nl = end;
	if (nl > t && *t == '#') {
		const char *colon = memchr(t, ':', (size_t)(nl - t));
		desc = colon ? colon + 1 : t + 1;
		while (desc < nl && *desc == ' ')
			desc++;
		printf("%-14s %.*s\n", p->name, (int)(nl - desc), desc);
	} else {
		printf("%s\n", p->name);
	}
}

/* "--opt=value" or "--opt value"; returns the value or NULL. */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (!strncmp(argv[*i], name, n) && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (!strcmp(argv[*i], name) && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static bool is_opt(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return !strncmp(arg, name, n) && (arg[n] == '\0' || arg[n] == '=');
}

static int parse_options(struct run *r, int argc, char **argv)
{
	struct options *o = &r->opt;
	size_t cap_files = 0;

	o->format = &emit_text;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	o->jobs = cpus < 1 ? 1 : cpus > 8 ? 8 : (int)cpus;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (!strcmp(a, "--")) {
			o->have_fixed = true;
			o->fixed = (const char **)argv + i + 1;
			o->nfixed = (size_t)(argc - i - 1);
			break;
		}
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage_text, stdout);
			exit(STATUS_CLEAN);
		}
		if (!strcmp(a, "--version")) {
			char *v2 = tu_libclang_version();
			printf("await-holding %s\n%s\n", AWAIT_HOLDING_VERSION, v2);
			free(v2);
			exit(STATUS_CLEAN);
		}
		if (!strcmp(a, "--list-packs")) {
			for (size_t k = 0; k < nrule_packs; k++)
				print_pack(&rule_packs[k]);
			exit(STATUS_CLEAN);
		}
		if (is_opt(a, "-p") || (a[0] == '-' && a[1] == 'p' && a[2])) {
			v = opt_value(argc, argv, &i, "-p");
			if (!v && a[2] && a[2] != '=')
				v = a + 2;
			if (!v || !*v)
				return usage_error("option '%s' needs a directory", a);
			o->p_dir = v;
		} else if (is_opt(a, "--config")) {
			if (!(v = opt_value(argc, argv, &i, "--config")) || !*v)
				return usage_error("option '%s' needs a file", a);
			o->config = v;
		} else if (is_opt(a, "--format")) {
			if (!(v = opt_value(argc, argv, &i, "--format")))
				return usage_error("option '%s' needs text or json", a);
			if (!strcmp(v, "text"))
				o->format = &emit_text;
			else if (!strcmp(v, "json"))
				o->format = &emit_json;
			else if (!strcmp(v, "sarif"))
				o->format = &emit_sarif;
			else
				return usage_error("unknown format '%s' (expected text, json or sarif)", v);
		} else if (!strcmp(a, "--verify")) {
			o->verify = true;
		} else if (!strcmp(a, "--dump-view")) {
			o->dump_view = true;
		} else if (!strcmp(a, "--dump-config")) {
			o->dump_config = true;
		} else if (is_opt(a, "-j") || is_opt(a, "--jobs") ||
			   (a[0] == '-' && a[1] == 'j' && a[2] >= '0' && a[2] <= '9')) {
			v = a[1] == 'j' && a[2] && a[2] != '=' ? a + 2
			    : opt_value(argc, argv, &i, a[1] == 'j' ? "-j" : "--jobs");
			char *end;
			long n = v ? strtol(v, &end, 10) : 0;
			if (!v || *end || n < 1 || n > 256)
				return usage_error("option '%s' needs a number of jobs from 1 to 256", a);
			o->jobs = (int)n;
		} else if (is_opt(a, "--output") || !strcmp(a, "-o")) {
			v = !strcmp(a, "-o") ? (i + 1 < argc ? argv[++i] : NULL)
					     : opt_value(argc, argv, &i, "--output");
			if (!v || !*v)
				return usage_error("option '%s' needs a file", a);
			o->output = v;
		} else if (is_opt(a, "--header-filter")) {
			if (!(v = opt_value(argc, argv, &i, "--header-filter")))
				return usage_error("option '%s' needs a regular expression", a);
			o->header_filter = v;
		} else if (!strcmp(a, "--stats")) {
			o->stats = true;
		} else if (!strcmp(a, "--warn-unused-suppressions")) {
			o->warn_unused_suppressions = true;
		} else if (a[0] == '-' && a[1]) {
			return usage_error("unknown option '%s'", a);
		} else {
			ARRAY_GROW(o->files, o->nfiles + 1, cap_files);
			o->files[o->nfiles++] = a;
		}
	}
	if (o->have_fixed && !o->nfiles)
		return usage_error("%s", "'--' needs files to check before it");
	if (!o->nfiles && !o->p_dir)
		return usage_error("%s", "no input files (give files, or -p <dir> to check a compile database)");
	return 0;
}

/* ---- configuration ------------------------------------------------------ */

/*
 * A configuration loaded once per run and cached under 'key': 'load'
 * (rules_load_file or rules_load_pack) applied to 'arg'.  NULL if it does
 * not load (the error is printed); that is cached too.
 */
static struct rules *cached_rules(struct run *r, const char *key,
				  int (*load)(struct rules *, const char *),
				  const char *arg)
{
	struct strmap_slot *s = strmap_find(&r->configs, key, false);
	if (s)
		return s->val;
	struct rules *rules = xmalloc(sizeof(*rules));
	rules_init(rules);
	if (load(rules, arg) < 0) {
		rules_release(rules);
		free(rules);
		rules = NULL;
	}
	strmap_find(&r->configs, arena_strdup(&r->arena, key), true)->val = rules;
	return rules;
}

static struct rules *load_config(struct run *r, const char *path)
{
	return cached_rules(r, path, rules_load_file, path);
}

static struct rules *default_rules(struct run *r)
{
	if (!r->fallback) {
		r->fallback = xmalloc(sizeof(*r->fallback));
		rules_init(r->fallback);
		if (rules_load_default(r->fallback) < 0)
			BUG("the built-in std rule pack does not load");
	}
	return r->fallback;
}

static bool file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- jobs ---------------------------------------------------------------- */

static struct job *add_job(struct run *r, const char *display, const char *path)
{
	ARRAY_GROW(r->jobs, r->njobs + 1, r->cap_jobs);
	struct job *j = &r->jobs[r->njobs++];
	memset(j, 0, sizeof(*j));
	diag_list_init(&j->problems);
	j->display = arena_strdup(&r->arena, display);
	j->path = arena_strdup(&r->arena, path);
	return j;
}

static bool is_c_file(const char *path)
{
	return ends_with(path, ".c");
}

static bool is_header(const char *path)
{
	static const char *const exts[] = { ".h", ".hh", ".hpp", ".hxx",
					     ".h++", ".inl", ".ipp", ".tcc" };
	for (size_t i = 0; i < ARRAY_SIZE(exts); i++)
		if (ends_with(path, exts[i]))
			return true;
	return false;
}

/* Does a ".h" file read like C++ (clang would parse it as C)? */
static bool looks_like_cxx(const char *path)
{
	static const char *const words[] = {
		"namespace ", "template <", "template<", "class ", "co_await",
		"co_yield", "co_return", "std::", "public:", "private:",
	};
	char *text = read_file(path, NULL);
	bool cxx = false;
	for (size_t i = 0; text && i < ARRAY_SIZE(words) && !cxx; i++)
		cxx = strstr(text, words[i]) != NULL;
	free(text);
	return cxx;
}

/*
 * Arguments for a file no compile database describes: C as clang sees
 * it, C++20 otherwise; a .h file that reads like C++ is a C++ header.
 */
static void default_args(struct job *j)
{
	static const char *cxx[] = { "-std=c++20" };
	static const char *cxx_header[] = { "-x", "c++-header", "-std=c++20" };
	if (ends_with(j->path, ".h") && looks_like_cxx(j->path)) {
		j->args = cxx_header;
		j->nargs = ARRAY_SIZE(cxx_header);
	} else if (is_c_file(j->path) || ends_with(j->path, ".h")) {
		j->args = NULL;
		j->nargs = 0;
	} else {
		j->args = cxx;
		j->nargs = ARRAY_SIZE(cxx);
	}
}

/*
 * For a file missing from a database (a header opened in an editor), the
 * command of the entry nearest to it in the directory tree, as clang's
 * database interpolates: its flags (-I, -D, -std) fit the neighbourhood.
 * A header borrowing a C++ file's command is parsed as a C++ header.
 */
static bool borrow_command(struct run *r, struct job *j,
			   const struct compdb *db)
{
	const struct compile_command *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < db->n; i++) {
		const char *a = db->cmds[i].file, *b = j->path;
		size_t k = 0, common = 0;
		while (a[k] && a[k] == b[k]) {
			if (a[k] == '/')
				common = k;
			k++;
		}
		if (!best || common > best_len) {
			best = &db->cmds[i];
			best_len = common;
		}
	}
	if (!best)
		return false;
	const char **args = arena_alloc(&r->arena,
					(best->nargs + 2) * sizeof(*args));
	size_t n = 0;
	bool cxx_source = !is_c_file(best->file) && !is_header(best->file);
	if (is_header(j->path) && cxx_source) {
		args[n++] = "-x";
		args[n++] = "c++-header";
	}
	for (size_t i = 0; i < best->nargs; i++)
		args[n++] = best->args[i];
	j->args = args;
	j->nargs = n;
	return true;
}

/* Load <dir>/compile_commands.json into 'db'; -1 after printing why not. */
static int load_db(struct run *r, struct compdb *db, const char *dir)
{
	return compdb_load(db, arena_printf(&r->arena,
					    "%s/compile_commands.json", dir));
}

/* The compile database for 'dir' found by walking up, cached. */
static struct compdb *nearest_db(struct run *r, const char *start)
{
	char *dir = NULL;
	if (compdb_find_dir(start, &dir) < 0)
		return NULL;
	struct strmap_slot *s = strmap_find(&r->dbs, dir, false);
	if (s) {
		free(dir);
		return s->val;
	}
	struct compdb *db = xmalloc(sizeof(*db));
	if (load_db(r, db, dir) < 0) {
		free(db);
		db = NULL;
	}
	strmap_find(&r->dbs, arena_strdup(&r->arena, dir), true)->val = db;
	free(dir);
	return db;
}

static void use_command(struct job *j, const struct compile_command *cmd)
{
	j->args = cmd->args;
	j->nargs = cmd->nargs;
}

static int plan_jobs(struct run *r, struct compdb *fixed, struct compdb *pdb)
{
	const struct options *o = &r->opt;
	int status = 0;

	if (pdb && !o->nfiles) {
		for (size_t i = 0; i < pdb->n; i++) {
			if (!pdb->cmds[i].first)
				continue;
			struct job *j = add_job(r, pdb->cmds[i].file,
						pdb->cmds[i].file);
			use_command(j, &pdb->cmds[i]);
		}
		return 0;
	}
	for (size_t i = 0; i < o->nfiles; i++) {
		const char *abs = compdb_abspath(&r->arena, NULL, o->files[i]);
		struct job *j = add_job(r, o->files[i], abs);
		if (!file_exists(abs)) {
			error("cannot open '%s': %s", o->files[i],
			      errno ? strerror(errno) : "not a regular file");
			j->failed = true;
			status = STATUS_PARSE;
			continue;
		}
		if (fixed) {
			j->args = o->fixed;
			j->nargs = o->nfixed;
			continue;
		}
		const struct compile_command *cmd = NULL;
		struct compdb *db = pdb;
		if (!db) {
			char *dir = dir_of(abs);
			db = nearest_db(r, dir);
			free(dir);
		}
		if (db)
			cmd = compdb_lookup(db, abs);
		if (cmd) {
			use_command(j, cmd);
		} else if (db && borrow_command(r, j, db)) {
			if (pdb && !is_header(abs))
				warning("no compile command for '%s' in '%s'; using the one of the nearest file",
					o->files[i], pdb->path);
		} else {
			if (pdb)
				warning("no compile command for '%s' in '%s'; checking it with default arguments",
					o->files[i], pdb->path);
			default_args(j);
		}
	}
	return status;
}

static struct rules *verify_config(struct run *r, const struct job *j,
				   const char *cfg, bool is_path);

/* --verify: arguments and configuration come from the file itself. */
static int apply_verify_header(struct run *r, struct job *j)
{
	struct verify_header h;
	if (verify_read_header(&r->arena, j->path, &h) < 0)
		return -1;
	if (h.nargs) {
		j->args = h.args;
		j->nargs = h.nargs;
	} else if (!r->opt.have_fixed) {
		default_args(j);
	}
	if (h.config) {
		/* the file's own verify-config wins over --config */
		j->rules = verify_config(r, j, h.config, h.config_is_path);
		if (!j->rules)
			return -1;
	}
	return 0;
}

/* A built-in rule pack as a configuration of its own, cached. */
static struct rules *pack_config(struct run *r, const char *name)
{
	return cached_rules(r, arena_printf(&r->arena, "<pack %s>", name),
			    rules_load_pack, name);
}

/*
 * "// verify-config: X": a bare name is a built-in pack; a path is
 * relative to the test file, else to the current directory; a path
 * "rules/NAME.toml" that is neither names the built-in pack NAME.
 */
static struct rules *verify_config(struct run *r, const struct job *j,
				   const char *cfg, bool is_path)
{
	if (!is_path)
		return pack_config(r, cfg);
	if (cfg[0] == '/')
		return load_config(r, cfg);
	char *dir = dir_of(j->path);
	const char *near = arena_printf(&r->arena, "%s/%s", dir, cfg);
	free(dir);
	if (file_exists(near) || !file_exists(cfg)) {
		const char *base = strrchr(cfg, '/');
		if (!file_exists(near) && base && ends_with(cfg, ".toml") &&
		    (!strncmp(cfg, "rules/", 6) || strstr(cfg, "/rules/"))) {
			char *name = xstrndup(base + 1, strlen(base + 1) - 5);
			struct rules *rules = pack_config(r, name);
			free(name);
			return rules;
		}
		return load_config(r, near);
	}
	return load_config(r, cfg);
}

static int choose_rules(struct run *r, struct job *j)
{
	if (j->rules)
		return 0;
	if (r->opt.config) {
		j->rules = load_config(r, r->opt.config);
	} else if (r->opt.verify) {
		j->rules = default_rules(r);
	} else {
		char *dir = dir_of(j->path);
		char *found = rules_find_config(dir);
		free(dir);
		j->rules = found ? load_config(r, found) : default_rules(r);
		free(found);
	}
	return j->rules ? 0 : -1;
}

/* ---- the passes ----------------------------------------------------------- */

static void check_functions(struct run *r, struct job *j)
{
	for (struct fn_view *fn = j->fns; fn; fn = fn->next) {
		struct flow f;
		if (!fn->nvars)
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
	FILE *out = stdout;
	if (r->opt.output && !(out = fopen(r->opt.output, "w")))
		goto cannot_write;
	r->opt.format->write(out, &r->diags);
	if (out != stdout && fclose(out) != 0)
		goto cannot_write;
	emit_problems(stderr, &r->diags);
	if (status == STATUS_CLEAN && r->diags.nfindings)
		status = STATUS_FINDINGS;
	size_t pos = 0;
	for (struct strmap_slot *s; (s = strmap_next(&r->configs, &pos));)
		if (s->val)
			rules_report_unused(s->val);
	return status;
cannot_write:
	error("cannot write '%s': %s", r->opt.output, strerror(errno));
	return STATUS_USAGE;
}

/* The work of pass 1, shared by the worker threads. */
struct pass1 {
	struct run *r;
	pthread_mutex_t lock;   /* guards everything below */
	size_t next;            /* next job to take */
	double t_parse, t_walk; /* CPU seconds, summed over workers */
	bool parse_failed;
};

static double thread_cpu_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * A worker of pass 1: take the next job, parse it and walk it into our
 * views, free libclang's AST; until no job is left.  Each job has its own
 * arena and problem list, and the rules lock their counters, so workers
 * share nothing else.
 */
static int pass1_worker(void *arg)
{
	struct pass1 *p = arg;
	struct run *r = p->r;
	struct tu_index *idx = tu_index_new();

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
		double t0 = thread_cpu_seconds();
		j->tu = tu_parse(idx, j->path, j->display, j->args, j->nargs,
				 rules_has(j->rules, RL_SUSPEND_MACROS) ||
					 j->rules->nlocks,
				 &j->problems, &failed);
		double t1 = thread_cpu_seconds();
		if (j->tu) {
			j->fns = walk_tu(j->tu, j->rules, &j->problems);
			tu_dispose_ast(j->tu);
		}
		double t2 = thread_cpu_seconds();
		pthread_mutex_lock(&p->lock);
		p->t_parse += t1 - t0;
		p->t_walk += t2 - t1;
		if (failed)
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
	run_on_threads(pass1_worker, &p, jobs > 0 ? jobs : 1, WORKER_STACK);
	pthread_mutex_destroy(&p.lock);
	if (p.parse_failed)
		status = STATUS_PARSE;
	double t_parse = p.t_parse, t_walk = p.t_walk;

	for (size_t i = 0; i < r->njobs; i++) {
		struct job *j = &r->jobs[i];
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
		all[i] = j->fns;
		for (struct fn_view *fn = j->fns; fn; fn = fn->next)
			nfns++;
		if (r->opt.dump_view)
			dump_views(j);
	}
	t0 = thread_cpu_seconds();
	struct summary *sum = summary_compute(all, r->njobs);
	for (size_t i = 0; i < r->njobs; i++)
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
	for (size_t i = 0; i < r->njobs; i++)
		shown[i] = r->jobs[i].display;
	/* --verify checks stale suppressions too: tests mark them */
	suppress_apply(&r->diags, shown, r->njobs,
		       r->opt.warn_unused_suppressions || r->opt.verify);
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
	}
	size_t pos = 0;
	for (struct strmap_slot *s; (s = strmap_next(&r->configs, &pos));)
		if (s->val) {
			rules_release(s->val);
			free(s->val);
		}
	strmap_release(&r->configs);
	pos = 0;
	for (struct strmap_slot *s; (s = strmap_next(&r->dbs, &pos));)
		if (s->val) {
			compdb_release(s->val);
			free(s->val);
		}
	strmap_release(&r->dbs);
	if (r->fallback) {
		rules_release(r->fallback);
		free(r->fallback);
	}
	if (r->have_fixed_db)
		compdb_release(&r->fixed_db);
	if (r->have_pdb)
		compdb_release(&r->pdb);
	free(r->jobs);
	free(r->opt.files);
	diag_list_release(&r->diags);
	arena_release(&r->arena);
}

int main(int argc, char **argv)
{
	struct run r;
	int status;

	memset(&r, 0, sizeof(r));
	arena_init(&r.arena);
	diag_list_init(&r.diags);
	tu_setup();
	if ((status = parse_options(&r, argc, argv)))
		goto out;

	if (r.opt.config && !load_config(&r, r.opt.config)) {
		status = STATUS_USAGE;
		goto out;
	}
	if (r.opt.have_fixed) {
		compdb_init_fixed(&r.fixed_db, r.opt.files, r.opt.nfiles,
				  r.opt.fixed, r.opt.nfixed);
		r.have_fixed_db = true;
	}
	if (r.opt.p_dir) {
		if (load_db(&r, &r.pdb, r.opt.p_dir) < 0) {
			status = STATUS_USAGE;
			goto out;
		}
		r.have_pdb = true;
	}
	status = plan_jobs(&r, r.have_fixed_db ? &r.fixed_db : NULL,
			   r.have_pdb ? &r.pdb : NULL);

	for (size_t i = 0; i < r.njobs; i++) {
		struct job *j = &r.jobs[i];
		if (j->failed)
			continue;
		if ((r.opt.verify && apply_verify_header(&r, j) < 0) ||
		    choose_rules(&r, j) < 0) {
			status = STATUS_USAGE;
			goto out;
		}
		if (!r.opt.verify && rules_excluded(j->rules, j->path))
			j->excluded = true;
	}
	if (r.opt.header_filter)
		for (size_t i = 0; i < r.njobs; i++)
			if (r.jobs[i].rules &&
			    (!r.jobs[i].rules->header_filter ||
			     strcmp(r.jobs[i].rules->header_filter,
				    r.opt.header_filter)) &&
			    rules_set_header_filter(r.jobs[i].rules,
						    r.opt.header_filter) < 0) {
				status = STATUS_USAGE;
				goto out;
			}
	if (r.opt.dump_config) {
		for (size_t i = 0; i < r.njobs; i++)
			if (r.jobs[i].rules)
				rules_dump(r.jobs[i].rules, r.jobs[i].display,
					   stdout);
		/* the configurations are fine: no unused-entry warnings here */
		status = STATUS_CLEAN;
		goto out;
	}
	r.status = status;
	status = run_on_threads(check_files_thread, &r, 1, (size_t)1 << 30);
out:
	run_release(&r);
	fflush(stdout);
	return status;
}
