/*
 * tu.c - parse one translation unit with libclang and turn libclang's
 * complaints into problems (tu.h).
 */
#include "common.h"
#include "tu_p.h"
#include "diag.h"
#include "lang.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct tu_index {
	CXIndex cx;
	struct CXUnsavedFile unsaved; /* Filename NULL: none */
};

void tu_setup(void)
{
	/*
	 * Parse on the caller's thread, whose stack main.c makes large,
	 * not on a fresh 8 MiB thread of libclang's own: deeply nested code
	 * would overflow that.  Set once, before any thread reads it.
	 */
	setenv("LIBCLANG_NOTHREADS", "1", 0);
}

struct tu_index *tu_index_new(void)
{
	struct tu_index *idx = xcalloc(1, sizeof(*idx));
	/* exclude declarations from PCH: no; display diagnostics: no */
	idx->cx = clang_createIndex(0, 0);
	if (!idx->cx)
		die("libclang could not create an index");
	return idx;
}

void tu_index_free(struct tu_index *idx)
{
	if (!idx)
		return;
	clang_disposeIndex(idx->cx);
	free(idx);
}

void tu_index_set_unsaved(struct tu_index *idx, const char *file,
			  const char *text, size_t len)
{
	idx->unsaved.Filename = file;
	idx->unsaved.Contents = text;
	idx->unsaved.Length = (unsigned long)len;
}

const char *cx_strdup(struct arena *a, CXString s)
{
	const char *c = clang_getCString(s);
	const char *out = arena_strdup(a, c ? c : "");
	clang_disposeString(s);
	return out;
}

static const char *describe_error(enum CXErrorCode e)
{
	switch (e) {
	case CXError_Success:
		return "no error";
	case CXError_Failure:
		return "libclang failed to parse it (unreadable file or bad arguments)";
	case CXError_Crashed:
		return "libclang crashed while parsing it";
	case CXError_InvalidArguments:
		return "libclang rejected the arguments";
	case CXError_ASTReadError:
		return "libclang could not read the AST";
	}
	return "unknown libclang error";
}

static void add_clang_diags(struct tu *tu, struct diag_list *problems,
			    int *failed)
{
	unsigned n = clang_getNumDiagnostics(tu->cx);
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu->cx, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		if (sev >= CXDiagnostic_Error) {
			CXFile f;
			unsigned line, col;
			struct src_loc loc = { NULL, 0, 0 };
			clang_getExpansionLocation(clang_getDiagnosticLocation(d),
						   &f, &line, &col, NULL);
			if (f) {
				if (tu->main && clang_File_isEqual(f, tu->main))
					loc.file = tu->file;
				else
					loc.file = cx_strdup(&tu->arena,
							     clang_getFileName(f));
				loc.line = line;
				loc.col = col;
			}
			const char *msg = cx_strdup(&tu->arena,
						    clang_getDiagnosticSpelling(d));
			diag_list_add_problem(problems, PROBLEM_ERROR,
					      loc.file ? &loc : NULL,
					      "%s%s%s [clang]", msg,
					      loc.file ? "" : " in ",
					      loc.file ? "" : tu->file);
			*failed = 1;
		}
		clang_disposeDiagnostic(d);
	}
}

/*
 * 'args' plus "-resource-dir DIR" for the libclang we were built with,
 * unless the arguments name one: libclang's own guess fails with
 * -working-directory when run from some directories ('stddef.h' not
 * found).  Returns a malloc'd array; '*nargs' is updated.
 */
static const char **with_resource_dir(const char *const *args, size_t *nargs)
{
	const char **argv = xmalloc((*nargs + 2) * sizeof(*argv));
	bool has = false;
	for (size_t i = 0; i < *nargs; i++) {
		argv[i] = args[i];
		if (!strncmp(args[i], "-resource-dir", 13))
			has = true;
	}
#ifdef AH_CLANG_RESOURCE_DIR
	struct stat st;
	if (!has && stat(AH_CLANG_RESOURCE_DIR "/include", &st) == 0) {
		argv[(*nargs)++] = "-resource-dir";
		argv[(*nargs)++] = AH_CLANG_RESOURCE_DIR;
	}
#else
	(void)has;
#endif
	return argv;
}

struct tu *tu_parse(struct tu_index *idx, const char *file,
		    const char *display, const char *const *args, size_t nargs,
		    int want_macros, struct diag_list *problems, int *failed)
{
	struct tu *tu = xcalloc(1, sizeof(*tu));
	unsigned opts = CXTranslationUnit_KeepGoing;
	enum CXErrorCode err;

	arena_init(&tu->arena);
	tu->file = arena_strdup(&tu->arena, display);
	tu->lang_c = lang_parses_as_c(file, args, nargs);
	*failed = 0;
	if (want_macros)
		opts |= CXTranslationUnit_DetailedPreprocessingRecord;
	const char **argv = with_resource_dir(args, &nargs);
	err = clang_parseTranslationUnit2(idx->cx, file, argv, (int)nargs,
					  idx->unsaved.Filename ? &idx->unsaved : NULL,
					  idx->unsaved.Filename ? 1 : 0, opts, &tu->cx);
	free(argv);
	if (err != CXError_Success || !tu->cx) {
		struct src_loc loc = { tu->file, 0, 0 };
		diag_list_add_problem(problems, PROBLEM_ERROR, &loc,
				      "cannot parse '%s': %s", display,
				      describe_error(err));
		*failed = 1;
		arena_release(&tu->arena);
		free(tu);
		return NULL;
	}
	CXString spelling = clang_getTranslationUnitSpelling(tu->cx);
	const char *main_name = clang_getCString(spelling);
	tu->main = main_name ? clang_getFile(tu->cx, main_name) : NULL;
	clang_disposeString(spelling);
	add_clang_diags(tu, problems, failed);
	return tu;
}

void tu_probe_args(struct tu_index *idx, const char *const *args,
		   size_t nargs, struct diag_list *out)
{
	static const char probe[] = "/await-holding-probe.cpp";
	struct CXUnsavedFile empty = { probe, "", 0 };
	CXTranslationUnit cx = NULL;
	size_t n = nargs;
	const char **argv = with_resource_dir(args, &n);

	clang_parseTranslationUnit2(idx->cx, probe, argv, (int)n, &empty, 1,
				    CXTranslationUnit_KeepGoing, &cx);
	free(argv);
	if (!cx)
		return;
	unsigned nd = clang_getNumDiagnostics(cx);
	for (unsigned i = 0; i < nd; i++) {
		CXDiagnostic d = clang_getDiagnostic(cx, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		CXFile f = NULL;
		clang_getExpansionLocation(clang_getDiagnosticLocation(d), &f,
					   NULL, NULL, NULL);
		if (!f && sev >= CXDiagnostic_Warning) {
			CXString text = clang_getDiagnosticSpelling(d);
			diag_list_add_problem(out, sev >= CXDiagnostic_Error
						      ? PROBLEM_ERROR : PROBLEM_WARNING,
					      NULL, "%s", clang_getCString(text));
			clang_disposeString(text);
		}
		clang_disposeDiagnostic(d);
	}
	clang_disposeTranslationUnit(cx);
}

void tu_dispose_ast(struct tu *tu)
{
	if (tu && tu->cx) {
		clang_disposeTranslationUnit(tu->cx);
		tu->cx = NULL;
		tu->main = NULL;
	}
}

void tu_free(struct tu *tu)
{
	if (!tu)
		return;
	tu_dispose_ast(tu);
	arena_release(&tu->arena);
	free(tu);
}

struct arena *tu_arena(struct tu *tu)
{
	return &tu->arena;
}

const char *tu_main_file(const struct tu *tu)
{
	return tu->file;
}

char *tu_libclang_version(void)
{
	CXString s = clang_getClangVersion();
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_addf(&sb, "libclang: %s (built against the libclang %d.%d C API)",
		    clang_getCString(s), CINDEX_VERSION_MAJOR,
		    CINDEX_VERSION_MINOR);
	clang_disposeString(s);
	return strbuf_detach(&sb);
}

/* ---- inclusions (the project index) ---------------------------------- */

struct inclusions {
	void (*fn)(const char *path, void *arg);
	void *arg;
};

/* Visitor of clang_getInclusions(): each included file. */
static void visit_inclusion(CXFile file, CXSourceLocation *stack,
			    unsigned depth, CXClientData data)
{
	struct inclusions *inc = data;
	CXString real = clang_File_tryGetRealPathName(file);
	const char *path = clang_getCString(real);
	(void)stack;
	(void)depth;
	if (path && *path) {
		inc->fn(path, inc->arg);
	} else {
		CXString name = clang_getFileName(file);
		if (clang_getCString(name))
			inc->fn(clang_getCString(name), inc->arg);
		clang_disposeString(name);
	}
	clang_disposeString(real);
}

void tu_inclusions(struct tu *tu, void (*fn)(const char *path, void *arg),
		   void *arg)
{
	struct inclusions inc = { fn, arg };
	if (tu && tu->cx)
		clang_getInclusions(tu->cx, visit_inclusion, &inc);
}
