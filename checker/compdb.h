/*
 * compdb.h - compile_commands.json -> struct compdb.
 *
 * Reads a JSON Compilation Database (clang's format: an array of objects
 * with "directory", "file", and "arguments" or "command", optionally
 * "output") and turns each entry into the arguments that tu.c hands to
 * clang_parseTranslationUnit2() together with the entry's file.  Or, with
 * compdb_init_fixed(), makes the same structs from "-- <args>" given on
 * our command line.  Everything lives in the database's arena; no cJSON
 * node survives compdb_load().
 *
 * Reading follows clang's JSONCompilationDatabase, with these choices:
 *
 *  - "arguments" wins over "command" when both are present (as in
 *    clang).  Unlike clang, a one-element "arguments" array is taken as
 *    one argument, not split as if it were a "command".  A repeated key
 *    takes its last value (as in clang).  Unknown keys are ignored
 *    (clang rejects them; generators add their own and nothing here
 *    needs to refuse them).  Every known key must have a string value
 *    ("arguments": an array of strings), or the database is rejected.
 *  - "command" is split the way clang splits it on POSIX hosts (see
 *    compdb_split_command()); an unterminated quote is an error here,
 *    where clang silently takes the rest of the line.
 *  - A relative "directory" is taken relative to the directory holding
 *    compile_commands.json (clang would use the tool's current
 *    directory, which makes the database depend on where it is run).
 *    "file" is resolved against "directory".  Both are then normalised
 *    lexically (see compdb_abspath()); symlinks are not resolved, so a
 *    file reached through a symlinked path is a different file.
 *  - Compiler wrappers are dropped as clang does: "ccache", "sccache" or
 *    "distcc" followed by a word without '-' and without an extension.
 *  - Response files (@file, relative to "directory") are expanded as
 *    clang's database does, nested ones too (at most 64 expansions per
 *    entry); one that cannot be read is left as it is, with a warning.
 *    Only regular files up to 64 MiB are read (a FIFO or /dev/zero as
 *    a response file is refused, not waited on).
 *  - A malformed database is an error as a whole: up to 20 bad entries
 *    are reported, each at its own position, then loading gives up.
 *
 * Argument filtering (what 'args' holds, compared with the command):
 *
 *  - removed: argv[0] (the compiler); the input file and any other
 *    argument that names a C-family or assembler source file (they would
 *    make a second compile job, and libclang refuses to parse then); a
 *    lone "-"; "--" and everything after it (all inputs, by definition);
 *    the phase options -c -S -E (libclang adds -fsyntax-only); output
 *    options -o X, -oX, --output X, --output=X; dependency-file options
 *    -M -MM -MD -MMD -MP -MG -MV, -MF X, -MT X, -MQ X, -MJ X and their
 *    joined forms, -Wp,-MD,X and -Wp,-MMD,X; -save-temps and
 *    --save-temps (they write files).  In clang-cl mode, /c and /FoX
 *    too; that mode is basic: other MSVC-style options pass through.
 *  - kept: everything else, in order (-x, -std=, -D, -I, -isystem,
 *    --driver-mode=, -Xclang X, warning flags, object files, ...).  The
 *    value of an option known to take a separate value ("-include X",
 *    "-Xclang X", "-MF X"...) is never mistaken for an input file.
 *  - added first: "--driver-mode=g++" when argv[0] names a C++ driver and
 *    no --driver-mode is present, "--driver-mode=cl" for clang-cl/cl.
 *    The name is read as clang's driver reads it: c++, g++, clang++,
 *    x86_64-linux-gnu-g++-12, clang++-22, g++.exe... (we do not add the
 *    -target that clang also derives from such a prefix).  Without
 *    argv[0] libclang would parse as "clang" does, and g++'s C++ meaning
 *    of a .h or .c file would be lost.
 *  - added last: in g++ mode (inferred or explicit) with no -x, "-x"
 *    "c++-header" for a .h file and "-x" "c++" for a .c file: that is
 *    what g++ does, and it spares clang's "treating 'c-header' input as
 *    'c++-header' ... is deprecated" warning.  Then "-working-directory"
 *    <directory>, so that relative -I paths resolve without chdir().
 *    The file must come after the arguments, as it does when passed as
 *    clang_parseTranslationUnit2()'s source_filename.  (Checked with
 *    libclang 22: a .h and a .c file from g++ entries parse as C++, with
 *    relative -I paths, from an unrelated current directory.)
 */
#ifndef AWAIT_HOLDING_COMPDB_H
#define AWAIT_HOLDING_COMPDB_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

struct compile_command {
	const char *directory; /* absolute, normalised */
	const char *file;      /* absolute, normalised; see compdb_abspath() */
	const char *output;    /* "output" as written, or NULL */
	const char **args;     /* for clang_parseTranslationUnit2(), with
				  'file' as its source_filename */
	size_t nargs;
	unsigned line, col;    /* of the entry's '{'; 0 for fixed databases */
	bool first;            /* the first entry in the database for 'file' */
};

struct compdb {
	struct arena arena;    /* everything below */
	const char *path;      /* compile_commands.json as given, or
				  "<command line>" for a fixed database */
	struct compile_command *cmds; /* in database order */
	size_t n;
	size_t *by_file;       /* indices into cmds, by file, then index */
};

/*
 * Load the database at 'path' into 'db' (which need not be initialised).
 * On error print compiler-style messages ("path:line:col: error: expected
 * a string for 'directory', found a number", with the source line and a
 * caret) or, when the file cannot be read, "await-holding: error: cannot
 * open 'path': reason" (it must be a regular file of at most 4 GiB: a
 * FIFO is refused at once); leave 'db' empty and return -1.  An empty array
 * is a valid database with no commands.  Call compdb_release() after a
 * successful load.
 */
int compdb_load(struct compdb *db, const char *path);

/* Free everything; 'db' is empty (n == 0) afterwards. */
void compdb_release(struct compdb *db);

/*
 * A database for 'files' given on our command line, each compiled with
 * 'args' as they are (no filtering, no -working-directory: relative paths
 * in 'args' are relative to the current directory, as libclang takes
 * them).  Files are made absolute against the current directory.  Copies
 * everything.  Release with compdb_release().
 */
void compdb_init_fixed(struct compdb *db, const char *const *files,
		       size_t nfiles, const char *const *args, size_t nargs);

/*
 * The first entry for 'abs_file' (absolute and normalised, as from
 * compdb_abspath()), or NULL.  A file built several times (say, once per
 * configuration) has several entries; all are in db->cmds, in order, and
 * only the first has 'first' set, so a driver that walks db->cmds and
 * skips !first checks each file once, with the same command that this
 * returns.  O(log n).
 */
const struct compile_command *compdb_lookup(const struct compdb *db,
					    const char *abs_file);

/*
 * Look for compile_commands.json in 'start_dir' and then in each parent
 * up to "/", as clang-tidy does (lexically: "dir/.." is "dir"'s parent
 * by name).  The first one that exists stops the search, even if it
 * turns out to be malformed.  On success store the directory (absolute,
 * malloc'd, caller frees) in *dir and return 0; otherwise return -1 and
 * print nothing.
 */
int compdb_find_dir(const char *start_dir, char **dir);

/*
 * Absolute form of 'path' taken relative to 'base' ('base' NULL: the
 * current directory; a relative 'base' is itself taken relative to the
 * current directory), with empty and "." components dropped, ".."
 * removing the component before it ("/.." is "/"), repeated and trailing
 * slashes dropped.  Purely lexical: symlinks are not resolved, so
 * "link/.." may not be where the file system would go.  Returns memory
 * owned by 'a'.  Dies if the current directory is needed and cannot be
 * determined.
 */
const char *compdb_abspath(struct arena *a, const char *base,
			   const char *path);

/*
 * Split a "command" string as clang's JSONCompilationDatabase does on
 * POSIX: arguments are separated by whitespace (clang: spaces only; we
 * also take tabs and newlines); '...' is literal; in "..." and outside
 * quotes a backslash makes the next character literal (so "a\"b" is
 * a"b and "a\\b" is a\b, and a backslash before an ordinary character
 * simply disappears); quoted and unquoted pieces next to each other form
 * one argument; '' and "" give an empty argument.  A trailing lone
 * backslash is dropped, as in clang.
 *
 * Stores an array of 'argc' strings, owned by 'a', in *argv and returns
 * 0.  On an unterminated quote returns -1 and stores in *bad the byte
 * offset in 'cmd' of the opening quote.
 */
int compdb_split_command(struct arena *a, const char *cmd, const char ***argv,
			 size_t *argc, size_t *bad);

#endif
