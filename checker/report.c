/*
 * report.c - options and steps of the reporting end of a run (report.h):
 * progress, baseline, writing, summary.
 */
#include "common.h"
#include "report.h"
#include "compdb.h"
#include "diag.h"
#include "fingerprint.h"
#include "srcfile.h"
#include "srcroot.h"
#include "strmap.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char report_usage[] =
	"  --source-root=<dir>  SARIF uris, GitHub annotations and baselines are\n"
	"                       relative to it (default: the version-control root\n"
	"                       above the compile database or the current directory)\n"
	"  --color=auto|always|never  colour the text output (auto: when stdout is a\n"
	"                       terminal and NO_COLOR is unset)\n"
	"  --no-caret           text: no source line and caret under each location\n"
	"  --no-help            text: no help: note after each finding\n"
	"  --explain            text: after a call that may suspend, one note per\n"
	"                       other first hop it may suspend through\n"
	"  --max-points=<n>     text: list n suspension points per finding, then\n"
	"                       \"and N more\" (default 10; 0: all)\n"
	"  --write-baseline=<file>  record the findings in <file> (exit status 0\n"
	"                       unless a file could not be checked)\n"
	"  --baseline=<file>    report only findings not recorded in <file>\n"
	"  --progress, --no-progress  \"[N/M] file (1.2s)\" on stderr (default: when\n"
	"                       stderr is a terminal)\n"
	"  -q, --quiet          no summary line, no automatic progress\n";

void report_options_init(struct report_options *o)
{
	memset(o, 0, sizeof(*o));
	o->progress = -1;
	o->max_points = EMIT_MAX_POINTS;
}

void report_init(struct report *rp, const struct report_options *o)
{
	memset(rp, 0, sizeof(*rp));
	rp->opt = *o;
	arena_init(&rp->arena);
}

void report_release(struct report *rp)
{
	if (rp->have_baseline)
		baseline_release(&rp->known);
	srcfile_free(rp->ctx.src);
	arena_release(&rp->arena);
}

static int usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "await-holding: error: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'await-holding --help'.\n");
	return -1;
}

/* "--opt=value" or "--opt value": the value, or NULL if 'a' is not --opt. */
static const char *value(int argc, char **argv, int *i, const char *name,
			 bool *missing)
{
	const char *a = argv[*i];
	size_t n = strlen(name);
	*missing = false;
	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n])
		return NULL;
	if (*i + 1 < argc)
		return argv[++*i];
	*missing = true;
	return NULL;
}

int report_option(struct report_options *o, int argc, char **argv, int *i)
{
	const char *a = argv[*i], *v;
	bool missing;

	if ((v = value(argc, argv, i, "--source-root", &missing)) || missing) {
		if (!v || !*v)
			return usage("option '%s' needs a directory", a);
		o->source_root = v;
	} else if ((v = value(argc, argv, i, "--color", &missing)) || missing) {
		if (v && !strcmp(v, "auto"))
			o->color = COLOR_AUTO;
		else if (v && !strcmp(v, "always"))
			o->color = COLOR_ALWAYS;
		else if (v && !strcmp(v, "never"))
			o->color = COLOR_NEVER;
		else
			return usage("option '%s' needs auto, always or never", a);
	} else if ((v = value(argc, argv, i, "--baseline", &missing)) || missing) {
		if (!v || !*v)
			return usage("option '%s' needs a file", a);
		o->baseline = v;
	} else if ((v = value(argc, argv, i, "--write-baseline", &missing)) || missing) {
		if (!v || !*v)
			return usage("option '%s' needs a file", a);
		o->write_baseline = v;
	} else if ((v = value(argc, argv, i, "--max-points", &missing)) || missing) {
		char *end;
		long n = v ? strtol(v, &end, 10) : -1;
		if (!v || !*v || *end || n < 0)
			return usage("option '%s' needs a number (0: all)", a);
		o->max_points = (size_t)n;
	} else if (!strcmp(a, "--no-caret")) {
		o->no_caret = true;
	} else if (!strcmp(a, "--no-help")) {
		o->no_help = true;
	} else if (!strcmp(a, "--explain")) {
		o->explain = true;
	} else if (!strcmp(a, "--progress")) {
		o->progress = 1;
	} else if (!strcmp(a, "--no-progress")) {
		o->progress = 0;
	} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
		o->quiet = true;
	} else {
		return 0;
	}
	return 1;
}

int report_setup(struct report *rp, const char *start_dir, bool to_terminal,
		 size_t nfiles)
{
	struct emit_ctx *c = &rp->ctx;
	const char *no_color = getenv("NO_COLOR");
	const char *term = getenv("TERM");

	if (rp->opt.source_root)
		c->source_root = compdb_abspath(&rp->arena, NULL, rp->opt.source_root);
	else
		c->source_root = srcroot_find(&rp->arena, start_dir);
	c->src = srcfile_new();
	c->color = rp->opt.color == COLOR_ALWAYS ||
		   (rp->opt.color == COLOR_AUTO && to_terminal &&
		    !(no_color && *no_color) && !(term && !strcmp(term, "dumb")));
	c->show_source = !rp->opt.no_caret;
	c->help = !rp->opt.no_help;
	c->explain = rp->opt.explain;
	c->max_points = rp->opt.max_points;
	if (rp->opt.progress < 0)
		rp->opt.progress = !rp->opt.quiet && isatty(STDERR_FILENO);
	rp->total = nfiles;
	if (rp->opt.baseline) {
		rp->have_baseline = true;
		if (baseline_load(&rp->known, rp->opt.baseline) < 0)
			return -1;
	}
	return 0;
}

struct srcfiles *report_sources(struct report *rp)
{
	return rp->ctx.src;
}

void report_progress(struct report *rp, const char *file, double seconds)
{
	rp->done++;
	if (rp->opt.progress)
		fprintf(stderr, "[%zu/%zu] %s (%.1fs)\n", rp->done, rp->total,
			file, seconds);
}

int report_write(struct report *rp, const struct emitter *em, FILE *out,
		 struct diag_list *l, bool incomplete)
{
	struct arena a;
	int ret = 0;

	arena_init(&a);
	rp->ctx.incomplete = incomplete;
	if (rp->have_baseline || rp->opt.write_baseline) {
		const char **fps = fingerprint_all(&a, l, rp->ctx.source_root,
						   rp->ctx.src);
		if (rp->opt.write_baseline &&
		    baseline_write(rp->opt.write_baseline, l, fps,
				   rp->ctx.source_root) < 0)
			ret = -1;
		if (rp->have_baseline)
			rp->nbaselined = baseline_filter(&rp->known, l, fps);
	}
	if (ret == 0) {
		em->write(out, l, &rp->ctx);
		/* a big document fails while it is written, and by the end
		 * there is nothing left to flush that would say why */
		if (out == stdout && (fflush(out) != 0 || ferror(out))) {
			int e = errno;
			clearerr(out);
			ret = error("cannot write to standard output: %s",
				    e ? strerror(e) : "write error");
		}
	}
	arena_release(&a);
	return ret;
}

void report_summary(const struct report *rp, const struct diag_list *l,
		    size_t nchecked, size_t nfailed)
{
	struct strmap files = { 0 };
	size_t nfiles = 0;
	if (rp->opt.quiet)
		return;
	for (size_t i = 0; i < l->nfindings; i++) {
		struct strmap_slot *s = strmap_find(&files, l->findings[i].loc.file, true);
		if (!s->val) {
			s->val = (void *)1;
			nfiles++;
		}
	}
	strmap_release(&files);
	fprintf(stderr, "await-holding: %zu finding%s in %zu file%s (%zu checked)",
		l->nfindings, l->nfindings == 1 ? "" : "s", nfiles,
		nfiles == 1 ? "" : "s", nchecked);
	if (nfailed)
		fprintf(stderr, "; %zu file%s could not be parsed", nfailed,
			nfailed == 1 ? "" : "s");
	if (rp->have_baseline)
		fprintf(stderr, "; %zu baselined", rp->nbaselined);
	fputc('\n', stderr);
}
