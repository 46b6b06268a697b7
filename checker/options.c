/*
 * options.c - the command line into struct options (see options.h).
 *
 * Options take their value as "--opt=value" or "--opt value"; -p, -j
 * and -o also as "-pDIR", "-j4".  Everything after "--" is compiler
 * arguments for the files named before it.
 */
#include "common.h"
#include "options.h"
#include "emit.h"
#include "packs.h"
#include "tu.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	"  --format=text|json|sarif|github  output format (default text; github:\n"
	"                       workflow-command annotations)\n"
	"  -o <file>, --output=<file>  write the findings there instead of stdout\n"
	"  --verify             compare findings with expect-* markers in the files\n"
	"  --dump-config        print the effective configuration for each file\n"
	"  --header-filter=<re> also report in headers matching this POSIX regex\n"
	"                       (overrides the configuration's header-filter)\n"
	"  --warn-unused-suppressions  report NOLINT(await-holding) that silence nothing\n"
	"  -j <n>, --jobs=<n>   parse n files at a time (default: one per CPU, at most 8)\n"
	"  --stats              print time spent parsing vs. analysing to stderr\n"
	"  --index-dir <dir>    keep the project index there (default: .await-holding\n"
	"                       beside the compile database)\n"
	"  --no-index           do not read or write the project index\n"
	"  --index-only         bring the index up to date and report nothing\n"
	"  --shard K/N          index the K-th of N parts of the database (implies\n"
	"                       --index-only); merge the parts with --merge-index\n"
	"  --merge-index <dir>...  add these shard indexes to the index first\n"
	"  --dump-view          print each function as the analysis sees it (debugging)\n"
	"  --list-packs         list the built-in rule packs\n"
	"  --version            print versions of await-holding and libclang\n"
	"  --help               this text\n"
	"  -- <args>            compiler arguments for every file (no database);\n"
	"                       with -p, added to every command of the database\n"
	"  --extra-arg=<arg>    add <arg> after every compile command\n"
	"  --extra-arg-before=<arg>  add <arg> before every compile command\n"
	"  --stdin-filename=<path>  check the source on stdin as if it were <path>\n"
	"                       (configuration, compile database, output)\n"
	"\n"
	"Output:\n"
	"%s"
	"\n"
	"Exit status: 0 no findings, 1 findings, 2 usage, configuration or\n"
	"compile database error, 3 some file could not be parsed (the others\n"
	"were checked).\n";

int options_usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "await-holding: error: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'await-holding --help'.\n");
	return -1;
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

/* --extra-arg(-before) 'v', or an argument after "-p DIR --". */
static void add_extra(struct options *o, const char *v, bool before)
{
	ARRAY_GROW(o->extra, o->nextra + 1, o->cap_extra);
	ARRAY_GROW(o->extra_before, o->nextra + 1, o->cap_extra_before);
	o->extra_before[o->nextra] = before;
	o->extra[o->nextra++] = v;
}

/*
 * Options that would each print to the same place, or that the mode
 * ignores, are refused rather than half obeyed.  -1 after a usage error.
 */
static int check_combinations(const struct options *o)
{
	const char *fmt = o->format->name;
	bool machine = o->format != &emit_text;

	if (o->verify && machine)
		return options_usage_error("'--verify' prints its own report; it does not take --format=%s", fmt);
	if (o->verify && o->output)
		return options_usage_error("'--verify' prints its own report; it does not take -o '%s'", o->output);
	if (o->dump_config && machine)
		return options_usage_error("'--dump-config' prints TOML; it does not take --format=%s", fmt);
	if (o->dump_config && o->dump_view)
		return options_usage_error("%s", "'--dump-config' and '--dump-view' cannot be combined ('--dump-config' checks nothing)");
	if (o->dump_view && machine && !o->output)
		return options_usage_error("'--dump-view' prints to standard output, where --format=%s would go too; write the findings to a file with -o", fmt);
	return 0;
}

/*
 * After the last argument: what the options mean together ("-" and
 * --stdin-filename, "--" with -p) and what is missing.  Returns 0, or
 * -1 after a usage error.
 */
static int finish(struct options *o, size_t *cap_files)
{
	if (check_combinations(o) < 0)
		return -1;
	if (o->stdin_filename) {
		if (o->nfiles)
			return options_usage_error("%s", "--stdin-filename checks the buffer on stdin: give no other files (or '-')");
		ARRAY_GROW(o->files, 1, *cap_files);
		o->files[o->nfiles++] = o->stdin_filename;
	}
	if (o->have_fixed && o->p_dir) {
		/* -p DIR -- ARGS: the database's commands, each with ARGS added */
		for (size_t i = 0; i < o->nfixed; i++)
			add_extra(o, o->fixed[i], false);
		o->have_fixed = false;
	}
	if (o->have_fixed && !o->nfiles)
		return options_usage_error("%s", "'--' needs files to check before it");
	if (!o->nfiles && !o->p_dir)
		return options_usage_error("%s", "no input files (give files, or -p <dir> to check a compile database)");
	if ((o->shard_n || o->nmerge) && !o->p_dir)
		return options_usage_error("%s", o->shard_n ? "'--shard' needs -p <dir>"
							    : "'--merge-index' needs -p <dir>");
	if ((o->shard_n || o->nmerge || o->index_only) && o->no_index)
		return options_usage_error("%s", "'--no-index' contradicts the other index options");
	if ((o->shard_n || o->nmerge || o->index_only) &&
	    (o->verify || o->dump_config || o->have_fixed))
		return options_usage_error("%s", "the index options need a compile database run (not --verify, --dump-config or '--')");
	return 0;
}

/*
 * The index options (--index-dir, --no-index, --index-only, --shard,
 * --merge-index) at argv[*i]: 1 when it is one (taken, *i past its
 * values), 0 when it is not, -1 after a usage error.
 */
static int index_option(struct options *o, int argc, char **argv, int *i)
{
	const char *a = argv[*i], *v;

	if (is_opt(a, "--index-dir")) {
		if (!(v = opt_value(argc, argv, i, "--index-dir")) || !*v)
			return options_usage_error("option '%s' needs a directory", a);
		o->index_dir = v;
	} else if (!strcmp(a, "--no-index")) {
		o->no_index = true;
	} else if (!strcmp(a, "--index-only")) {
		o->index_only = true;
	} else if (is_opt(a, "--shard")) {
		unsigned k, n;
		char end;
		if (!(v = opt_value(argc, argv, i, "--shard")) ||
		    sscanf(v, "%u/%u%c", &k, &n, &end) != 2 || !k || !n || k > n)
			return options_usage_error("option '--shard' needs K/N with 1 <= K <= N, not '%s'",
						   v ? v : "");
		o->shard_k = k;
		o->shard_n = n;
		o->index_only = true;
	} else if (is_opt(a, "--merge-index")) {
		/* --merge-index=DIR, or DIR... up to the next option */
		if (a[13] == '=') {
			ARRAY_GROW(o->merge, o->nmerge + 1, o->cap_merge);
			o->merge[o->nmerge++] = a + 14;
		}
		while (*i + 1 < argc && argv[*i + 1][0] != '-') {
			ARRAY_GROW(o->merge, o->nmerge + 1, o->cap_merge);
			o->merge[o->nmerge++] = argv[++*i];
		}
		if (!o->nmerge)
			return options_usage_error("option '%s' needs index directories", a);
	} else {
		return 0;
	}
	return 1;
}

int options_parse(struct options *o, int argc, char **argv)
{
	size_t cap_files = 0;
	int r;

	o->format = &emit_text;
	report_options_init(&o->report);
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
		int taken = report_option(&o->report, argc, argv, &i);
		if (taken < 0)
			return -1;
		if (taken)
			continue;
		if (is_opt(a, "--stdin-filename")) {
			if (!(v = opt_value(argc, argv, &i, "--stdin-filename")) || !*v)
				return options_usage_error("option '%s' needs the buffer's file name", a);
			o->stdin_filename = v;
			continue;
		}
		if (is_opt(a, "--extra-arg") || is_opt(a, "--extra-arg-before")) {
			bool before = is_opt(a, "--extra-arg-before");
			if (!(v = opt_value(argc, argv, &i, before ? "--extra-arg-before"
								   : "--extra-arg")))
				return options_usage_error("option '%s' needs a compiler argument", a);
			add_extra(o, v, before);
			continue;
		}
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf(usage_text, report_usage);
			return 1;
		}
		if (!strcmp(a, "--version")) {
			char *v2 = tu_libclang_version();
			printf("await-holding %s\n%s\n", AWAIT_HOLDING_VERSION, v2);
			free(v2);
			return 1;
		}
		if (!strcmp(a, "--list-packs")) {
			for (size_t k = 0; k < nrule_packs; k++)
				print_pack(&rule_packs[k]);
			return 1;
		}
		if (is_opt(a, "-p") || (a[0] == '-' && a[1] == 'p' && a[2])) {
			v = opt_value(argc, argv, &i, "-p");
			if (!v && a[2] && a[2] != '=')
				v = a + 2;
			if (!v || !*v)
				return options_usage_error("option '%s' needs a directory", a);
			o->p_dir = v;
		} else if (is_opt(a, "--config")) {
			if (!(v = opt_value(argc, argv, &i, "--config")) || !*v)
				return options_usage_error("option '%s' needs a file", a);
			o->config = v;
		} else if (is_opt(a, "--format")) {
			if (!(v = opt_value(argc, argv, &i, "--format")))
				return options_usage_error("option '%s' needs text, json, sarif or github", a);
			if (!(o->format = emit_find(v)))
				return options_usage_error("unknown format '%s' (expected text, json, sarif or github)", v);
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
				return options_usage_error("option '%s' needs a number of jobs from 1 to 256", a);
			o->jobs = (int)n;
		} else if (is_opt(a, "--output") || !strcmp(a, "-o")) {
			v = !strcmp(a, "-o") ? (i + 1 < argc ? argv[++i] : NULL)
					     : opt_value(argc, argv, &i, "--output");
			if (!v || !*v)
				return options_usage_error("option '%s' needs a file", a);
			o->output = v;
		} else if (is_opt(a, "--header-filter")) {
			if (!(v = opt_value(argc, argv, &i, "--header-filter")))
				return options_usage_error("option '%s' needs a regular expression", a);
			o->header_filter = v;
		} else if (!strcmp(a, "--stats")) {
			o->stats = true;
		} else if (!strcmp(a, "--warn-unused-suppressions")) {
			o->warn_unused_suppressions = true;
		} else if (!strcmp(a, "-") && o->stdin_filename) {
			continue; /* "-": the buffer on stdin, named by --stdin-filename */
		} else if ((r = index_option(o, argc, argv, &i)) != 0) {
			if (r < 0)
				return -1;
		} else if (a[0] == '-' && a[1]) {
			return options_usage_error("unknown option '%s'", a);
		} else {
			ARRAY_GROW(o->files, o->nfiles + 1, cap_files);
			o->files[o->nfiles++] = a;
		}
	}
	return finish(o, &cap_files);
}

void options_release(struct options *o)
{
	free(o->merge);
	o->merge = NULL;
	o->nmerge = 0;
	free(o->files);
	o->files = NULL;
	o->nfiles = 0;
	free(o->extra);
	free(o->extra_before);
	o->extra = NULL;
	o->extra_before = NULL;
	o->nextra = 0;
}
