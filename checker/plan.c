/*
 * plan.c - the jobs of a run and their arguments (see plan.h).
 */
#include "common.h"
#include "plan.h"
#include "config.h"
#include "lang.h"
#include "options.h"
#include "strmap.h"
#include "util.h"
#include "verify.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void plan_init(struct plan *p)
{
	memset(p, 0, sizeof(*p));
	arena_init(&p->arena);
}

void plan_release(struct plan *p)
{
	size_t pos = 0;
	for (struct strmap_slot *s; (s = strmap_next(&p->dbs, &pos));)
		if (s->val) {
			compdb_release(s->val);
			free(s->val);
		}
	strmap_release(&p->dbs);
	strmap_release(&p->named);
	if (p->have_fixed_db)
		compdb_release(&p->fixed_db);
	if (p->have_pdb)
		compdb_release(&p->pdb);
	free(p->jobs);
	arena_release(&p->arena);
	memset(p, 0, sizeof(*p));
}

static struct job *add_job(struct plan *p, const char *display,
			   const char *path)
{
	ARRAY_GROW(p->jobs, p->njobs + 1, p->cap_jobs);
	struct job *j = &p->jobs[p->njobs++];
	memset(j, 0, sizeof(*j));
	diag_list_init(&j->problems);
	j->display = arena_strdup(&p->arena, display);
	j->path = arena_strdup(&p->arena, path);
	j->report = true;
	return j;
}

/*
 * For a file missing from a database (a header opened in an editor), the
 * command of the entry nearest to it in the directory tree, as clang's
 * database interpolates: its flags (-I, -D, -std) fit the neighbourhood.
 * A header borrowing a C++ file's command is parsed as a C++ header.
 */
static const struct compile_command *
borrow_command(struct plan *p, struct job *j, const struct compdb *db)
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
		return NULL;
	const char **args = arena_alloc(&p->arena,
					(best->nargs + 2) * sizeof(*args));
	size_t n = 0;
	if (lang_borrow_as_cxx_header(j->path, best->file)) {
		args[n++] = "-x";
		args[n++] = "c++-header";
	}
	for (size_t i = 0; i < best->nargs; i++)
		args[n++] = best->args[i];
	j->args = args;
	j->nargs = n;
	return best;
}

/* Load <dir>/compile_commands.json into 'db'; -1 after printing why not. */
static int load_db(struct plan *p, struct compdb *db, const char *dir)
{
	return compdb_load(db, arena_printf(&p->arena,
					    "%s/compile_commands.json", dir));
}

int plan_open_pdb(struct plan *p, const char *dir)
{
	if (load_db(p, &p->pdb, dir) < 0)
		return -1;
	p->have_pdb = true;
	return 0;
}

void plan_set_fixed(struct plan *p, const char *const *files, size_t nfiles,
		    const char *const *args, size_t nargs)
{
	compdb_init_fixed(&p->fixed_db, files, nfiles, args, nargs);
	p->have_fixed_db = true;
}

/* The compile database for 'dir' found by walking up, cached. */
static struct compdb *nearest_db(struct plan *p, const char *start)
{
	char *dir = NULL;
	if (compdb_find_dir(start, &dir) < 0)
		return NULL;
	struct strmap_slot *s = strmap_find(&p->dbs, dir, false);
	if (s) {
		free(dir);
		return s->val;
	}
	struct compdb *db = xmalloc(sizeof(*db));
	if (load_db(p, db, dir) < 0) {
		free(db);
		db = NULL;
		p->db_failed = true;
	}
	strmap_find(&p->dbs, arena_strdup(&p->arena, dir), true)->val = db;
	free(dir);
	return db;
}

/* The job cannot be checked: say why, in its problems (so that JSON and
 * SARIF list it too). */
static void not_checked(struct job *j, const char *fmt, ...) ATTR_PRINTF(2, 3);
static void not_checked(struct job *j, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_list_add_problem(&j->problems, PROBLEM_ERROR, NULL, "%s", msg);
	j->failed = true;
}

/*
 * Use the database entry 'cmd' of 'db' for 'j'; first check what clang
 * would fail on with no better word than "failure": the entry's
 * directory and file.
 */
/*
 * Before clang fails on it with no better word than "failure": is the
 * directory of the entry 'cmd' of 'db' there, and (unless the job only
 * borrows the command) its file?  If not, the job fails, saying so.
 */
static void check_entry(struct job *j, const struct compile_command *cmd,
			const struct compdb *db)
{
	struct stat st;
	const char *why;
	bool borrowed = strcmp(cmd->file, j->path) != 0;
	if (!cmd->line)
		return; /* "--": the file was checked when named */
	if (stat(cmd->directory, &st) != 0)
		why = strerror(errno);
	else if (!S_ISDIR(st.st_mode))
		why = strerror(ENOTDIR);
	else
		why = NULL;
	if (why && borrowed)
		not_checked(j, "cannot use directory '%s' of the entry for '%s' at %s:%u:%u, whose command '%s' borrows: %s",
			    cmd->directory, cmd->file, db->path, cmd->line,
			    cmd->col, j->display, why);
	else if (why)
		not_checked(j, "cannot use directory '%s' of the entry for '%s' at %s:%u:%u: %s",
			    cmd->directory, j->display, db->path, cmd->line,
			    cmd->col, why);
	else if (!borrowed && (why = why_unreadable(cmd->file)))
		not_checked(j, "cannot open '%s' (the entry at %s:%u:%u): %s",
			    j->display, db->path, cmd->line, cmd->col, why);
}

static void use_command(struct job *j, const struct compile_command *cmd,
			const struct compdb *db)
{
	j->args = cmd->args;
	j->nargs = cmd->nargs;
	check_entry(j, cmd, db);
}

/* Arguments for the named file 'name' (job 'j') from a database. */
static void plan_file(struct plan *p, struct job *j, const char *name)
{
	const struct compdb *pdb = p->have_pdb ? &p->pdb : NULL;
	const struct compile_command *cmd = NULL;
	const struct compdb *db = pdb;
	if (!db) {
		char *dir = dir_of(j->path);
		db = nearest_db(p, dir);
		free(dir);
	}
	if (db)
		cmd = compdb_lookup(db, j->path);
	if (cmd) {
		use_command(j, cmd, db);
	} else if (db && (cmd = borrow_command(p, j, db))) {
		if (pdb && !lang_is_header(j->path))
			warning("no compile command for '%s' in '%s'; using the one of the nearest file",
				name, pdb->path);
		check_entry(j, cmd, db);
	} else {
		if (pdb)
			warning("no compile command for '%s' in '%s'; checking it with default arguments",
				name, pdb->path);
		lang_default_args(j->path, &j->args, &j->nargs);
	}
}

/*
 * Was the file 'abs' named before ("a.cpp ./a.cpp", a path and a symlink
 * to it)?  Then it is checked once, under its first name.
 */
static bool named_before(struct plan *p, const char *abs)
{
	char *real = realpath(abs, NULL);
	const char *key = real ? arena_strdup(&p->arena, real) : abs;
	free(real);
	struct strmap_slot *s = strmap_find(&p->named, key, true);
	if (s->val)
		return true;
	s->val = (void *)key;
	return false;
}

int plan_jobs(struct plan *p, const struct options *o, size_t *nfailed)
{
	size_t failed = 0;

	if (p->have_pdb && !o->nfiles) {
		for (size_t i = 0; i < p->pdb.n; i++) {
			if (!p->pdb.cmds[i].first)
				continue;
			struct job *j = add_job(p, p->pdb.cmds[i].file,
						p->pdb.cmds[i].file);
			use_command(j, &p->pdb.cmds[i], &p->pdb);
			failed += j->failed;
		}
		*nfailed = failed;
		return 0;
	}
	for (size_t i = 0; i < o->nfiles; i++) {
		const char *abs = compdb_abspath(&p->arena, NULL, o->files[i]);
		if (named_before(p, abs))
			continue;
		struct job *j = add_job(p, o->files[i], abs);
		/* an unsaved buffer (--stdin-filename) need not exist */
		const char *why = o->files[i] == o->stdin_filename
			? NULL : why_unreadable(abs);
		if (why) {
			not_checked(j, "cannot open '%s': %s", o->files[i], why);
			failed++;
			continue;
		}
		if (p->have_fixed_db) {
			j->args = o->fixed;
			j->nargs = o->nfixed;
			continue;
		}
		plan_file(p, j, o->files[i]);
		failed += j->failed;
	}
	*nfailed = failed;
	return p->db_failed ? -1 : 0;
}

int plan_verify_header(struct plan *p, struct job *j,
		       struct config_cache *configs, bool keep_args)
{
	struct verify_header h;
	if (verify_read_header(&p->arena, j->path, &h) < 0)
		return -1;
	if (h.nargs) {
		j->args = h.args;
		j->nargs = h.nargs;
	} else if (!keep_args) {
		lang_default_args(j->path, &j->args, &j->nargs);
	}
	if (h.config) {
		/* the file's own verify-config wins over --config */
		j->rules = config_for_verify(configs, j->path, &h);
		if (!j->rules)
			return -1;
	}
	return 0;
}

/* ---- the project index ---------------------------------------------------- */

struct compdb *plan_database(struct plan *p)
{
	struct compdb *db = NULL;
	if (p->have_fixed_db)
		return NULL;
	if (p->have_pdb)
		return &p->pdb;
	for (size_t i = 0; i < p->njobs; i++) {
		if (p->jobs[i].failed)
			continue;
		char *dir = dir_of(p->jobs[i].path);
		struct compdb *d = nearest_db(p, dir);
		free(dir);
		if (!d || (db && d != db))
			return NULL;
		db = d;
	}
	return db;
}

void plan_add_database(struct plan *p, const struct compdb *db)
{
	struct strmap have = { 0 };
	for (size_t i = 0; i < p->njobs; i++)
		strmap_find(&have, p->jobs[i].path, true)->val = &p->jobs[i];
	for (size_t i = 0; i < db->n; i++) {
		if (!db->cmds[i].first ||
		    strmap_find(&have, db->cmds[i].file, false))
			continue;
		struct job *j = add_job(p, db->cmds[i].file, db->cmds[i].file);
		use_command(j, &db->cmds[i], db);
		j->report = false;
	}
	strmap_release(&have);
}
