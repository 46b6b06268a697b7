/*
 * ccargs.c - which database entries to check and which flags to drop
 * (ccargs.h).
 */
#include "common.h"
#include "ccargs.h"
#include "compdb.h"
#include "diag.h"
#include "tu.h"
#include "util.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <stdlib.h>
#include <string.h>

void ccargs_init(struct ccargs *c)
{
	memset(c, 0, sizeof(*c));
	pthread_mutex_init(&c->lock, NULL);
	arena_init(&c->arena);
}

void ccargs_release(struct ccargs *c)
{
	pthread_mutex_destroy(&c->lock);
	strmap_release(&c->dropped);
	strmap_release(&c->probe);
	free(c->probe_flags);
	arena_release(&c->arena);
	free(c->before);
	free(c->after);
}

/* Append the words of response file 'arg' ("@path") to 'out', or 'arg'
 * itself when it cannot be read; '*budget' counts files read. */
static void expand_one(struct ccargs *c, const char *arg, const char ***out,
		       size_t *n, size_t *cap, unsigned *budget)
{
	const char *why = NULL;
	char *text = NULL;
	const char **words = NULL;
	size_t nwords = 0;

	if (arg[0] != '@' || !arg[1] || !*budget) {
		ARRAY_GROW(*out, *n + 1, *cap);
		(*out)[(*n)++] = arg;
		return;
	}
	--*budget;
	text = read_regular_file(arg + 1, NULL, (size_t)64 << 20, &why);
	if (text && compdb_split_command(&c->arena, text, &words, &nwords, NULL) < 0) {
		why = "an unterminated quote";
		free(text);
		text = NULL;
	}
	if (!text) {
		warning("cannot read response file '%s': %s; passing it on unchanged",
			arg + 1, why);
		ARRAY_GROW(*out, *n + 1, *cap);
		(*out)[(*n)++] = arg;
		return;
	}
	free(text);
	for (size_t i = 0; i < nwords; i++)
		expand_one(c, words[i], out, n, cap, budget);
}

void ccargs_expand(struct ccargs *c, const char *const **args, size_t *n)
{
	const char **out = NULL;
	size_t k = 0, cap = 0;
	unsigned budget = 64;
	bool any = false;
	for (size_t i = 0; i < *n; i++)
		any |= (*args)[i][0] == '@';
	if (!any)
		return;
	for (size_t i = 0; i < *n; i++)
		expand_one(c, (*args)[i], &out, &k, &cap, &budget);
	*args = arena_memdup(&c->arena, out, (k ? k : 1) * sizeof(*out));
	*n = k;
	free(out);
}

static void add_one(struct ccargs *c, const char *arg, bool before)
{
	if (before) {
		ARRAY_GROW(c->before, c->nbefore + 1, c->cap_before);
		c->before[c->nbefore++] = arg;
	} else {
		ARRAY_GROW(c->after, c->nafter + 1, c->cap_after);
		c->after[c->nafter++] = arg;
	}
}

void ccargs_add_extra(struct ccargs *c, const char *arg, bool before)
{
	const char *const *args = &arg;
	size_t n = 1;
	ccargs_expand(c, &args, &n);
	for (size_t i = 0; i < n; i++)
		add_one(c, args[i], before);
}

bool ccargs_is_c_family(const char *file, const char *const *args,
			size_t nargs)
{
	static const char *const not_c[] = {
		".s", ".S", ".sx", ".asm", ".ASM", ".rc", ".RC", ".def",
		".ld", ".lds", ".o", ".obj", ".a", ".so", ".lib",
	};
	const char *lang = NULL;
	for (size_t i = 0; i < nargs; i++) {
		if (!strcmp(args[i], "-x") && i + 1 < nargs)
			lang = args[++i];
		else if (!strncmp(args[i], "-x", 2) && args[i][2])
			lang = args[i] + 2;
	}
	if (lang && strcmp(lang, "none"))
		return strncmp(lang, "assembler", 9) != 0;
	for (size_t i = 0; i < ARRAY_SIZE(not_c); i++)
		if (ends_with(file, not_c[i]))
			return false;
	return true;
}

const char **ccargs_apply(struct ccargs *c, const char *const *args,
			  size_t nargs, size_t *n)
{
	const char **out = xmalloc((c->nbefore + nargs + c->nafter + 1) *
				   sizeof(*out));
	size_t k = 0;
	for (size_t i = 0; i < c->nbefore; i++)
		out[k++] = c->before[i];
	pthread_mutex_lock(&c->lock);
	for (size_t i = 0; i < nargs; i++)
		if (!strmap_find(&c->dropped, args[i], false))
			out[k++] = args[i];
	pthread_mutex_unlock(&c->lock);
	/* after "-working-directory DIR" is fine: it takes one value */
	for (size_t i = 0; i < c->nafter; i++)
		out[k++] = c->after[i];
	*n = k;
	return out;
}

/*
 * The flag a driver error names, quoted or first: "unknown argument:
 * 'X'", "unknown warning option 'X'; did you mean...", "optimization
 * flag 'X' is not supported", "X: 'linker' input unused".  Returns a
 * malloc'd string or NULL.
 */
static char *flag_of(const char *msg)
{
	static const char *const quoted[] = {
		"unknown argument: '", "unknown warning option '",
		"optimization flag '", "unsupported option '",
		"unknown argument '",
	};
	for (size_t i = 0; i < ARRAY_SIZE(quoted); i++) {
		size_t n = strlen(quoted[i]);
		if (!strncmp(msg, quoted[i], n)) {
			const char *end = strchr(msg + n, '\'');
			return end ? xstrndup(msg + n, (size_t)(end - msg - n)) : NULL;
		}
	}
	const char *unused = strstr(msg, ": 'linker' input unused");
	if (unused && msg[0] == '-')
		return xstrndup(msg, (size_t)(unused - msg));
	return NULL;
}

/* Drop 'flag' from now on; warn the first time.  Called with c->lock held. */
static void drop(struct ccargs *c, const char *flag, const char *display)
{
	if (strmap_find(&c->dropped, flag, false))
		return;
	strmap_find(&c->dropped, arena_strdup(&c->arena, flag), true)->val = (void *)1;
	warning("dropped '%s' from the compile commands: clang does not know it (first seen for '%s')",
		flag, display);
}

void ccargs_probe_add(struct ccargs *c, const char *const *args, size_t nargs,
		      const char *display)
{
	static const char *const takes_value[] = {
		"-Xclang", "-mllvm", "-Xpreprocessor", "-Xassembler",
		"-Xlinker", "-Xarch_host", "-Xarch_device",
	};
	for (size_t i = 0; i < nargs; i++) {
		const char *a = args[i];
		bool value = false;
		for (size_t k = 0; k < ARRAY_SIZE(takes_value); k++)
			if (!strcmp(a, takes_value[k]))
				value = true;
		if (value) {
			i++; /* its value is not a flag of its own */
			continue;
		}
		if (a[0] != '-' || !strchr("Wfm", a[1]) || !a[2])
			continue;
		struct strmap_slot *s = strmap_find(&c->probe, a, true);
		if (!s->val) {
			s->val = (void *)display;
			ARRAY_GROW(c->probe_flags, c->nprobe + 1, c->cap_probe);
			c->probe_flags[c->nprobe++] = a;
		}
	}
}

void ccargs_probe_run(struct ccargs *c, struct tu_index *idx)
{
	struct diag_list said;
	if (!c->nprobe)
		return;
	diag_list_init(&said);
	fflush(stderr);
	int saved = dup(STDERR_FILENO);
	int null = open("/dev/null", O_WRONLY);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	tu_probe_args(idx, c->probe_flags, c->nprobe, &said);
	if (saved >= 0 && null >= 0)
		dup2(saved, STDERR_FILENO);
	if (saved >= 0)
		close(saved);
	if (null >= 0)
		close(null);
	pthread_mutex_lock(&c->lock);
	for (size_t i = 0; i < said.nproblems; i++) {
		char *flag = flag_of(said.problems[i].message);
		struct strmap_slot *s = flag ? strmap_find(&c->probe, flag, false) : NULL;
		if (s)
			drop(c, flag, s->val);
		free(flag);
	}
	pthread_mutex_unlock(&c->lock);
	diag_list_release(&said);
}

size_t ccargs_learn(struct ccargs *c, const struct diag_list *problems,
		    const char *const *args, size_t nargs, const char *display)
{
	size_t found = 0;
	for (size_t i = 0; i < problems->nproblems; i++) {
		const struct problem *p = &problems->problems[i];
		if (p->kind != PROBLEM_ERROR || p->loc.file)
			continue;
		char *flag = flag_of(p->message);
		if (!flag)
			continue;
		bool in_args = false;
		for (size_t k = 0; k < nargs && !in_args; k++)
			in_args = !strcmp(args[k], flag);
		if (in_args) {
			found++;
			pthread_mutex_lock(&c->lock);
			drop(c, flag, display);
			pthread_mutex_unlock(&c->lock);
		}
		free(flag);
	}
	return found;
}
