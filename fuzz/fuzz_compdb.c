/*
 * fuzz_compdb.c - libFuzzer harness for the compile-database reader
 * (compdb.c and json.c).
 *
 * Each input is written as compile_commands.json in a private temporary
 * directory and loaded with compdb_load(); a loaded database is looked
 * up by each of its files.  Messages on stderr are expected: run with
 * -close_fd_mask=2.
 */
#include "common.h"
#include "compdb.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/ah-fuzz-compdb-XXXXXX";
static char path[64];

static void remove_dir(void)
{
	unlink(path);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!mkdtemp(dir))
		die("cannot make a temporary directory");
	snprintf(path, sizeof(path), "%s/compile_commands.json", dir);
	atexit(remove_dir);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	struct compdb db;

	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		die("cannot write '%s'", path);
	if (compdb_load(&db, path) == 0) {
		for (size_t i = 0; i < db.n; i++)
			if (!compdb_lookup(&db, db.cmds[i].file))
				abort();
		compdb_release(&db);
	}
	return 0;
}
