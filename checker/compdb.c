/*
 * compdb.c - read compile_commands.json into struct compdb.
 *
 * First stage of the pipeline: json.c parses the file and keeps
 * positions, load_entry() checks each entry and reports problems at the
 * offending value, and build_args() turns the entry's command line into
 * the arguments libclang gets (the rules are listed in compdb.h).  Last,
 * build_index() sorts the entries by file for compdb_lookup() and marks
 * the first entry of each file.
 *
 * Temporaries (split commands, response files, rejected arguments) go to
 * a scratch arena released at the end of compdb_load(); only the results
 * are copied into the database's arena.
 */
#include "common.h"
#include "compdb.h"
#include "arena.h"
#include "json.h"
#include "lang.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_ERRORS 20
#define MAX_RESPONSE_FILES 64
/* Inputs we read whole: a response file, compile_commands.json. */
#define MAX_RESPONSE_BYTES ((size_t)64 << 20)
#define MAX_DATABASE_BYTES ((size_t)4 << 30)

/* A growable array of borrowed strings. */
struct argvec {
	const char **v;
	size_t n, cap;
};

static void argvec_push(struct argvec *av, const char *s)
{
	ARRAY_GROW(av->v, av->n + 1, av->cap);
	av->v[av->n++] = s;
}

/* ---- paths ---- */

/* malloc'd current directory, or NULL with errno set. */
static char *xgetcwd(void)
{
	for (size_t size = 256;; size *= 2) {
		char *buf = xmalloc(size);
		if (getcwd(buf, size))
			return buf;
		free(buf);
		if (errno != ERANGE || size > SIZE_MAX / 4)
			return NULL;
	}
}

/* Lexically normalise the absolute path 'p' into 'a'. */
static const char *normalise(struct arena *a, const char *p)
{
	char *out = arena_alloc(a, strlen(p) + 2);
	size_t n = 0;

	while (*p) {
		while (*p == '/')
			p++;
		const char *e = p;
		while (*e && *e != '/')
			e++;
		size_t len = (size_t)(e - p);
		if (len == 0)
			break;
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;
		} else if (len != 1 || p[0] != '.') {
			out[n++] = '/';
			memcpy(out + n, p, len);
			n += len;
		}
		p = e;
	}
	if (n == 0)
		out[n++] = '/';
	out[n] = '\0';
	return out;
}

const char *compdb_abspath(struct arena *a, const char *base, const char *path)
{
	struct strbuf sb;
	const char *ret;

	strbuf_init(&sb);
	if (path[0] != '/') {
		if (!base || base[0] != '/') {
			char *cwd = xgetcwd();
			if (!cwd)
				die("cannot get the current directory: %s",
				    strerror(errno));
			strbuf_adds(&sb, cwd);
			strbuf_addc(&sb, '/');
			free(cwd);
		}
		if (base) {
			strbuf_adds(&sb, base);
			strbuf_addc(&sb, '/');
		}
	}
	strbuf_adds(&sb, path);
	ret = normalise(a, sb.buf);
	strbuf_release(&sb);
	return ret;
}

/* The directory part of the normalised absolute path 'p', in 'a'. */
static const char *dir_name(struct arena *a, const char *p)
{
	const char *slash = strrchr(p, '/');
	if (!slash || slash == p)
		return "/";
	return arena_strndup(a, p, (size_t)(slash - p));
}

static const char *base_name(const char *p)
{
	const char *slash = strrchr(p, '/');
	return slash ? slash + 1 : p;
}

int compdb_find_dir(const char *start_dir, char **dir)
{
	struct arena a;
	char *cwd = NULL;
	int ret = -1;

	if (start_dir[0] != '/' && !(cwd = xgetcwd()))
		return -1;
	arena_init(&a);
	char *cur = arena_strdup(&a, compdb_abspath(&a, cwd, start_dir));
	for (;;) {
		bool root = !strcmp(cur, "/");
		const char *cand = arena_printf(&a, "%s/compile_commands.json",
						root ? "" : cur);
		struct stat st;
		if (!stat(cand, &st) && !S_ISDIR(st.st_mode)) {
			*dir = xstrdup(cur);
			ret = 0;
			break;
		}
		if (root)
			break;
		char *slash = strrchr(cur, '/');
		if (slash == cur)
			cur[1] = '\0'; /* the parent of "/x" is "/" */
		else
			*slash = '\0';
	}
	arena_release(&a);
	free(cwd);
	return ret;
}

/* ---- splitting "command" ---- */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/*
 * Append the words of 'cmd' to 'out' (strings owned by 'a').  On an
 * unterminated quote keep what was read, set *bad to the quote's offset
 * and return -1; callers that want clang's leniency ignore that.
 */
static int split_words(struct arena *a, const char *cmd, struct argvec *out,
		       size_t *bad)
{
	/*
	 * Words shrink or stay the same and each needs a separator or the
	 * end after it, so all of them with their NULs fit in strlen + 1.
	 */
	char *w = arena_alloc(a, strlen(cmd) + 1);
	const char *p = cmd;
	int ret = 0;

	for (;;) {
		while (is_space(*p))
			p++;
		if (!*p)
			return ret;
		char *start = w;
		bool any = false; /* a quoted "" is an argument too */
		while (*p && !is_space(*p)) {
			if (*p == '\'' || *p == '"') {
				char q = *p;
				const char *open = p++;
				any = true;
				while (*p && *p != q) {
					if (q == '"' && *p == '\\' && p[1])
						p++;
					*w++ = *p++;
				}
				if (!*p) {
					*bad = (size_t)(open - cmd);
					ret = -1;
					break;
				}
				p++;
			} else if (*p == '\\' && !p[1]) {
				p++; /* a trailing lone backslash is dropped */
			} else {
				if (*p == '\\')
					p++;
				*w++ = *p++;
				any = true;
			}
		}
		if (any) {
			*w++ = '\0';
			argvec_push(out, start);
		}
	}
}

int compdb_split_command(struct arena *a, const char *cmd, const char ***argv,
			 size_t *argc, size_t *bad)
{
	struct argvec av = {0};
	size_t where = 0;
	int ret = split_words(a, cmd, &av, &where);

	*argv = arena_memdup(a, av.v, av.n * sizeof(*av.v));
	*argc = av.n;
	if (ret && bad)
		*bad = where;
	free(av.v);
	return ret;
}

/* ---- from a command line to libclang's arguments ---- */

/* Replace each @file in 'av' by the words in that file, like clang. */
static void expand_response_files(struct arena *tmp,
				  const struct compile_command *cmd,
				  struct argvec *av)
{
	unsigned budget = MAX_RESPONSE_FILES;
	size_t i = 0;

	while (i < av->n) {
		const char *arg = av->v[i];
		if (arg[0] != '@' || !arg[1] || !budget) {
			i++;
			continue;
		}
		budget--;
		const char *why;
		char *text = read_regular_file(compdb_abspath(tmp, cmd->directory,
							      arg + 1),
					       NULL, MAX_RESPONSE_BYTES, &why);
		if (!text) {
			/* clang passes it on unchanged as well */
			warning("cannot read response file '%s' in the command for '%s': %s; passing it on unchanged",
				arg + 1, cmd->file, why);
			i++;
			continue;
		}
		struct argvec words = {0};
		size_t bad;
		split_words(tmp, text, &words, &bad);
		free(text);
		ARRAY_GROW(av->v, av->n + words.n, av->cap);
		memmove(av->v + i + words.n, av->v + i + 1,
			(av->n - i - 1) * sizeof(*av->v));
		if (words.n)
			memcpy(av->v + i, words.v, words.n * sizeof(*av->v));
		av->n = av->n - 1 + words.n;
		free(words.v);
		/* no i++: the inserted words may hold @files too */
	}
}

/* 'name' with any ".exe" stripped equals 'word'. */
static bool stem_is(const char *name, const char *word)
{
	size_t len = strlen(name), n = strlen(word);
	if (ends_with(name, ".exe"))
		len -= 4;
	return len == n && !memcmp(name, word, n);
}

static bool is_wrapper(const char *arg0)
{
	const char *b = base_name(arg0);
	return stem_is(b, "ccache") || stem_is(b, "sccache") ||
	       stem_is(b, "distcc");
}

/* As llvm::sys::path::has_extension(), after stripping ".exe". */
static bool has_extension(const char *path)
{
	const char *b = base_name(path);
	size_t len = strlen(b);
	if (ends_with(b, ".exe"))
		len -= 4;
	if ((len == 1 && b[0] == '.') || (len == 2 && !strncmp(b, "..", 2)))
		return false;
	return memchr(b, '.', len) != NULL;
}

/* Drop "ccache" from "ccache g++ -c x.cc", but not from "ccache -c x.c". */
static void unwrap_compiler(struct argvec *av)
{
	while (av->n >= 2 && is_wrapper(av->v[0]) && av->v[1][0] != '-' &&
	       !has_extension(av->v[1])) {
		memmove(av->v, av->v + 1, (av->n - 1) * sizeof(*av->v));
		av->n--;
	}
}

enum driver_mode {
	MODE_GCC, /* C by default; also cpp, flang, ... */
	MODE_GXX,
	MODE_CL,
};

/* clang's driver suffixes, in clang's order (ToolChain.cpp) */
static const struct {
	const char *suffix;
	enum driver_mode mode;
} driver_suffixes[] = {
	{"clang", MODE_GCC},     {"clang++", MODE_GXX},
	{"clang-c++", MODE_GXX}, {"clang-cc", MODE_GCC},
	{"clang-cpp", MODE_GCC}, {"clang-g++", MODE_GXX},
	{"clang-gcc", MODE_GCC}, {"clang-cl", MODE_CL},
	{"cc", MODE_GCC},        {"cpp", MODE_GCC},
	{"cl", MODE_CL},         {"++", MODE_GXX},
};

static bool find_suffix(const char *name, size_t len, enum driver_mode *mode)
{
	for (size_t k = 0; k < ARRAY_SIZE(driver_suffixes); k++) {
		size_t n = strlen(driver_suffixes[k].suffix);
		if (len >= n &&
		    !memcmp(name + len - n, driver_suffixes[k].suffix, n)) {
			*mode = driver_suffixes[k].mode;
			return true;
		}
	}
	return false;
}

/*
 * The driver mode clang infers from argv[0] (parseDriverSuffix()): try
 * the name, then without ".exe", then without a trailing version number
 * ("clang++3.5"), then without a trailing "-component" ("g++-12",
 * "clang++-tot").
 */
static enum driver_mode mode_from_name(const char *arg0)
{
	const char *name = base_name(arg0);
	size_t len = strlen(name);
	enum driver_mode mode = MODE_GCC;

	if (find_suffix(name, len, &mode))
		return mode;
	if (ends_with(name, ".exe")) {
		len -= 4;
		if (find_suffix(name, len, &mode))
			return mode;
	}
	while (len && ((name[len - 1] >= '0' && name[len - 1] <= '9') ||
		       name[len - 1] == '.'))
		len--;
	if (find_suffix(name, len, &mode))
		return mode;
	const char *dash = NULL;
	for (size_t k = 0; k < len; k++)
		if (name[k] == '-')
			dash = name + k;
	if (dash && find_suffix(name, (size_t)(dash - name), &mode))
		return mode;
	return MODE_GCC;
}

static bool in_list(const char *arg, const char *const *list, size_t n)
{
	/* the first two bytes rule out nearly all: databases can be big */
	for (size_t k = 0; k < n; k++)
		if (arg[0] == list[k][0] && arg[0] && arg[1] == list[k][1] &&
		    !strcmp(arg, list[k]))
			return true;
	return false;
}

/* Options whose value may come as the next argument; both are kept. */
static const char *const value_opts[] = {
	"-D", "-U", "-I", "-F", "-L", "-l", "-x", "-A", "-B", "-T", "-V",
	"-b", "-e", "-u", "-z", "-G", "-include", "-imacros", "-include-pch",
	"-isystem", "-idirafter", "-iquote", "-iprefix", "-iwithprefix",
	"-iwithprefixbefore", "-isysroot", "-iframework",
	"-iframeworkwithsysroot", "-isystem-after", "-imultilib",
	"-ivfsoverlay", "-cxx-isystem", "-objc-isystem", "-objcxx-isystem",
	"-arch", "-target", "-Xclang", "-Xpreprocessor", "-Xassembler",
	"-Xlinker", "-Xanalyzer", "-Xcuda-fatbinary", "-Xcuda-ptxas",
	"-Xopenmp-target", "-Xflang", "-mllvm", "-aux-info",
	"-main-file-name", "-working-directory", "-resource-dir",
	"-framework", "-install_name", "-exported_symbols_list", "-filelist",
	"-dylib_file", "-seg1addr", "-dependency-dot", "--sysroot", "--param",
	"--config", "--include-directory", "--include", "--define-macro",
	"--undefine-macro", "--language", "--prefix", "--assert",
	"--include-prefix", "--include-with-prefix", "--system-header-prefix",
	"--no-system-header-prefix", "-ccc-install-dir", "-gcc-toolchain",
};

/* Options removed together with their separate value. */
static const char *const drop_value_opts[] = {
	"-o", "--output", "-MF", "-MT", "-MQ", "-MJ", "-dependency-file",
	"-serialize-diagnostics", "--serialize-diagnostics",
};

/* Options removed on their own. */
static const char *const drop_opts[] = {
	"-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-MV",
	"-save-temps", "--save-temps",
};

/* Joined forms of removed options ("-ofoo.o", "-MFdeps.d", ...). */
static bool is_dropped_joined(const char *a, enum driver_mode mode)
{
	static const char *const prefixes[] = {
		"-MF", "-MT", "-MQ", "-MJ", "--output=", "-save-temps=",
		"--save-temps=", "-Wp,-MD,", "-Wp,-MMD,",
	};
	for (size_t k = 0; k < ARRAY_SIZE(prefixes); k++)
		if (a[0] == '-' && a[1] == prefixes[k][1] &&
		    starts_with(a, prefixes[k]))
			return true;
	/* -ofile, but -objc-isystem, -object, -objcmt-... are options */
	if (starts_with(a, "-o") && a[2] && !starts_with(a, "-obj"))
		return true;
	if (mode == MODE_CL)
		return !strcmp(a, "/c") || starts_with(a, "/Fo") ||
		       starts_with(a, "-Fo");
	return false;
}

/* Extensions that make clang start a compile or assemble job. */
static bool is_source_file(const char *path)
{
	static const char *const exts[] = {
		"c",   "C",	"cc",  "CC",   "cp",   "cpp",  "CPP", "cxx",
		"CXX", "c++",	"C++", "cppm", "ccm",  "cxxm", "c++m", "ixx",
		"m",   "mm",	"M",   "i",    "ii",   "mi",   "mii", "cu",
		"cui", "hip",	"hipi", "cl",  "clcpp", "h",   "H",   "hh",
		"hp",  "hpp",	"HPP", "hxx",  "h++",  "s",    "S",   "sx",
	};
	const char *dot = strrchr(base_name(path), '.');
	return dot && in_list(dot + 1, exts, ARRAY_SIZE(exts));
}

/* "--driver-mode=g++" and so on */
static enum driver_mode mode_from_flag(const char *arg)
{
	if (!strcmp(arg, "--driver-mode=g++"))
		return MODE_GXX;
	if (!strcmp(arg, "--driver-mode=cl"))
		return MODE_CL;
	return MODE_GCC;
}

/* 'arg', taken relative to the entry's directory, names the entry's file */
static bool is_same_file(struct arena *tmp, const struct compile_command *cmd,
			 const char *arg)
{
	return !strcmp(compdb_abspath(tmp, cmd->directory, arg), cmd->file);
}

/*
 * Turn the entry's full command line 'av' (argv[0] first; reordered and
 * extended here) into cmd->args, owned by 'a'; cmd->file and
 * cmd->directory must be set.  The rules are in compdb.h.
 */
static void build_args(struct compile_command *cmd, struct argvec *av,
		       struct arena *a, struct arena *tmp)
{
	struct argvec out = {0};
	enum driver_mode mode;
	bool has_mode = false, has_x = false;
	const char *mode_flag = NULL, *lang = NULL;

	/* clang's order: unwrap, expand, then infer the driver mode */
	unwrap_compiler(av);
	expand_response_files(tmp, cmd, av);
	mode = av->n ? mode_from_name(av->v[0]) : MODE_GCC;

	for (size_t i = 1; i < av->n; i++) {
		const char *arg = av->v[i];

		if (!strcmp(arg, "--"))
			break; /* the rest are inputs */
		if (in_list(arg, drop_value_opts,
			    ARRAY_SIZE(drop_value_opts))) {
			i++;
			continue;
		}
		if (in_list(arg, drop_opts, ARRAY_SIZE(drop_opts)) ||
		    is_dropped_joined(arg, mode))
			continue;
		if (in_list(arg, value_opts, ARRAY_SIZE(value_opts)) ||
		    (arg[0] == '-' && arg[1] == 'X' &&
		     (starts_with(arg, "-Xarch_") ||
		      starts_with(arg, "-Xopenmp-target=")))) {
			has_x |= !strcmp(arg, "-x") ||
				 !strcmp(arg, "--language");
			argvec_push(&out, arg);
			if (i + 1 < av->n)
				argvec_push(&out, av->v[++i]);
			continue;
		}
		if (arg[0] == '-' && arg[1]) {
			has_x |= arg[1] == 'x' ||
				 starts_with(arg, "--language=");
			if (starts_with(arg, "--driver-mode")) {
				has_mode = true;
				mode = mode_from_flag(arg);
			}
			argvec_push(&out, arg);
			continue;
		}
		/* an input (or, in clang-cl mode, maybe a /option) */
		if (!strcmp(arg, "-") || is_same_file(tmp, cmd, arg))
			continue;
		if ((mode != MODE_CL || arg[0] != '/') && is_source_file(arg))
			continue;
		argvec_push(&out, arg);
	}

	if (!has_mode && mode == MODE_GXX)
		mode_flag = "--driver-mode=g++";
	else if (!has_mode && mode == MODE_CL)
		mode_flag = "--driver-mode=cl";
	if (mode == MODE_GXX && !has_x)
		lang = lang_cxx_driver_x(cmd->file);

	cmd->nargs = out.n + (mode_flag ? 1 : 0) + (lang ? 2 : 0) + 2;
	cmd->args = arena_alloc(a, cmd->nargs * sizeof(*cmd->args));
	size_t k = 0;
	if (mode_flag)
		cmd->args[k++] = mode_flag;
	for (size_t i = 0; i < out.n; i++)
		cmd->args[k++] = arena_strdup(a, out.v[i]);
	if (lang) {
		cmd->args[k++] = "-x";
		cmd->args[k++] = lang;
	}
	cmd->args[k++] = "-working-directory";
	cmd->args[k++] = cmd->directory;
	free(out.v);
}

/* ---- reading entries ---- */

struct loader {
	struct compdb *db;
	struct json_doc doc;
	const char *base_dir; /* where compile_commands.json is */
	struct arena tmp;     /* scratch, released after loading */
	struct argvec av;     /* the current entry's command line */
};

static int check_string(struct loader *L, const cJSON *m, const char *key)
{
	if (cJSON_IsString(m))
		return 0;
	return json_doc_error(&L->doc, m,
			      "expected a string for '%s', found %s", key,
			      json_type_name(m));
}

/* The entry's command line into L->av; 0 or -1 after an error. */
static int read_command_line(struct loader *L, const cJSON *arguments,
			     const cJSON *command)
{
	const cJSON *a;
	size_t bad = 0;

	L->av.n = 0;
	if (arguments) {
		cJSON_ArrayForEach(a, arguments)
			argvec_push(&L->av, a->valuestring);
		if (!L->av.n)
			return json_doc_error(&L->doc, arguments,
					      "expected the compiler and its "
					      "arguments in 'arguments', found "
					      "an empty array");
		return 0;
	}
	if (split_words(&L->tmp, command->valuestring, &L->av, &bad)) {
		unsigned line, col;
		bool dq = command->valuestring[bad] == '"';
		json_doc_string_pos(&L->doc, command, bad, &line, &col);
		return report_at(L->doc.path, L->doc.text, line, col, 1,
				 "error",
				 "unterminated %s quote in 'command': expected "
				 "a closing %s",
				 dq ? "double" : "single",
				 dq ? "'\"'" : "\"'\"");
	}
	if (!L->av.n)
		return json_doc_error(&L->doc, command,
				      "expected the compiler and its arguments "
				      "in 'command', found %s",
				      command->valuestring[0] ?
					      "only whitespace" :
					      "an empty string");
	return 0;
}

static int load_entry(struct loader *L, const cJSON *e,
		      struct compile_command *cmd)
{
	const cJSON *dir = NULL, *file = NULL, *command = NULL;
	const cJSON *arguments = NULL, *output = NULL, *m, *a;
	struct arena *arena = &L->db->arena;

	if (!cJSON_IsObject(e))
		return json_doc_error(&L->doc, e,
				      "expected an object for each compile "
				      "command, found %s",
				      json_type_name(e));
	cJSON_ArrayForEach(m, e) {
		const char *key = m->string ? m->string : "";
		if (!strcmp(key, "arguments")) {
			if (!cJSON_IsArray(m))
				return json_doc_error(
					&L->doc, m,
					"expected an array of strings for "
					"'arguments', found %s",
					json_type_name(m));
			cJSON_ArrayForEach(a, m)
				if (!cJSON_IsString(a))
					return json_doc_error(
						&L->doc, a,
						"expected a string in "
						"'arguments', found %s",
						json_type_name(a));
			arguments = m;
		} else if (!strcmp(key, "directory")) {
			dir = m;
		} else if (!strcmp(key, "file")) {
			file = m;
		} else if (!strcmp(key, "command")) {
			command = m;
		} else if (!strcmp(key, "output")) {
			output = m;
		} else {
			continue;
		}
		if (m != arguments && check_string(L, m, key))
			return -1;
	}
	if (!dir)
		return json_doc_error(&L->doc, e,
				      "compile command has no 'directory': "
				      "expected the working directory of the "
				      "compilation");
	if (!file)
		return json_doc_error(&L->doc, e,
				      "compile command has no 'file': expected "
				      "the path of the source file");
	if (!arguments && !command)
		return json_doc_error(&L->doc, e,
				      "compile command has neither 'arguments' "
				      "nor 'command': expected the compiler's "
				      "command line");
	if (!file->valuestring[0])
		return json_doc_error(&L->doc, file,
				      "expected a path for 'file', found an "
				      "empty string");
	if (read_command_line(L, arguments, command))
		return -1;

	json_doc_pos(&L->doc, e, &cmd->line, &cmd->col);
	cmd->directory = compdb_abspath(arena, L->base_dir, dir->valuestring);
	cmd->file = compdb_abspath(arena, cmd->directory, file->valuestring);
	cmd->output = output ? arena_strdup(arena, output->valuestring) : NULL;
	build_args(cmd, &L->av, arena, &L->tmp);
	return 0;
}

struct file_key {
	const char *file;
	size_t index;
};

static int cmp_file_key(const void *a, const void *b)
{
	const struct file_key *x = a, *y = b;
	int c = strcmp(x->file, y->file);
	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Fill db->by_file and the 'first' flags. */
static void build_index(struct compdb *db)
{
	struct file_key *keys = xmalloc((db->n ? db->n : 1) * sizeof(*keys));

	for (size_t i = 0; i < db->n; i++) {
		keys[i].file = db->cmds[i].file;
		keys[i].index = i;
	}
	qsort(keys, db->n, sizeof(*keys), cmp_file_key);
	db->by_file = arena_alloc(&db->arena, (db->n ? db->n : 1) *
						      sizeof(*db->by_file));
	for (size_t i = 0; i < db->n; i++) {
		db->by_file[i] = keys[i].index;
		db->cmds[keys[i].index].first =
			i == 0 || strcmp(keys[i].file, keys[i - 1].file);
	}
	free(keys);
}

static int load_entries(struct loader *L)
{
	struct compdb *db = L->db;
	const cJSON *root = L->doc.root, *e;
	unsigned errors = 0;

	if (!cJSON_IsArray(root))
		return json_doc_error(&L->doc, root,
				      "expected an array of compile commands "
				      "at the top level, found %s",
				      json_type_name(root));
	cJSON_ArrayForEach(e, root)
		db->n++;
	if (db->n > SIZE_MAX / sizeof(*db->cmds))
		die("compile database too large");
	db->cmds = arena_alloc(&db->arena, (db->n ? db->n : 1) *
						   sizeof(*db->cmds));
	size_t i = 0;
	cJSON_ArrayForEach(e, root) {
		if (!load_entry(L, e, &db->cmds[i++]))
			continue;
		if (++errors == MAX_ERRORS) {
			error("too many errors in '%s', giving up", db->path);
			break;
		}
	}
	if (errors)
		return -1;
	build_index(db);
	return 0;
}

static void clear_fields(struct compdb *db)
{
	arena_init(&db->arena);
	db->path = NULL;
	db->cmds = NULL;
	db->n = 0;
	db->by_file = NULL;
}

int compdb_load(struct compdb *db, const char *path)
{
	struct loader L;
	size_t len, nul;
	char *text;
	const char *why;
	int ret = -1;

	clear_fields(db);
	text = read_regular_file(path, &len, MAX_DATABASE_BYTES, &why);
	if (!text)
		return error("cannot open '%s': %s", path, why);

	memset(&L, 0, sizeof(L));
	L.db = db;
	arena_init(&L.tmp);
	db->path = arena_strdup(&db->arena, path);
	nul = strlen(text);
	if (nul < len) {
		/* cJSON and json.c stop at the first NUL */
		const char *t = text;
		unsigned line, col;
		if (nul >= 3 && starts_with(text, "\xef\xbb\xbf"))
			t += 3;
		offset_to_linecol(t, nul - (size_t)(t - text), &line, &col);
		report_at(path, t, line, col, 1, "error",
			  "invalid JSON: unexpected NUL byte");
		goto out;
	}
	if (json_doc_parse(&L.doc, db->path, text))
		goto out;
	L.base_dir = dir_name(&L.tmp, compdb_abspath(&L.tmp, NULL, path));
	ret = load_entries(&L);
out:
	json_doc_release(&L.doc);
	free(L.av.v);
	arena_release(&L.tmp);
	free(text);
	if (ret)
		compdb_release(db);
	return ret;
}

void compdb_release(struct compdb *db)
{
	arena_release(&db->arena);
	clear_fields(db);
}

void compdb_init_fixed(struct compdb *db, const char *const *files,
		       size_t nfiles, const char *const *args, size_t nargs)
{
	struct arena *a = &db->arena;
	const char **copy;
	const char *cwd;

	clear_fields(db);
	db->path = "<command line>";
	cwd = compdb_abspath(a, NULL, ".");
	copy = arena_alloc(a, (nargs ? nargs : 1) * sizeof(*copy));
	for (size_t i = 0; i < nargs; i++)
		copy[i] = arena_strdup(a, args[i]);
	db->n = nfiles;
	db->cmds = arena_alloc(a, (nfiles ? nfiles : 1) * sizeof(*db->cmds));
	for (size_t i = 0; i < nfiles; i++) {
		struct compile_command *cmd = &db->cmds[i];
		cmd->directory = cwd;
		cmd->file = compdb_abspath(a, cwd, files[i]);
		cmd->args = copy;
		cmd->nargs = nargs;
	}
	build_index(db);
}

const struct compile_command *compdb_lookup(const struct compdb *db,
					    const char *abs_file)
{
	size_t lo = 0, hi = db->n;

	/* lower bound: the first of equal files has the smallest index */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(db->cmds[db->by_file[mid]].file, abs_file) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < db->n && !strcmp(db->cmds[db->by_file[lo]].file, abs_file))
		return &db->cmds[db->by_file[lo]];
	return NULL;
}
