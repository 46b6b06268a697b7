/*
 * fuzz_config.c - libFuzzer harness for the configuration loader
 * (rules.c), TOML and JSON.
 *
 * An input whose first byte other than blanks is '{' is a JSON
 * configuration, anything else TOML (a TOML document cannot start with
 * '{').  It is written to a file in a private temporary directory and
 * loaded with rules_load_file(), as the driver loads await-holding.toml
 * or --config; a loaded configuration is then dumped (--dump-config) and
 * matched against a few names.  Messages on stderr are expected: run
 * with -close_fd_mask=2 to keep them out of the way.
 */
#include "common.h"
#include "rules.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/ah-fuzz-config-XXXXXX";
static char toml_path[64], json_path[64];
static FILE *devnull;

static void remove_dir(void)
{
	unlink(toml_path);
	unlink(json_path);
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!mkdtemp(dir))
		die("cannot make a temporary directory");
	snprintf(toml_path, sizeof(toml_path), "%s/c.toml", dir);
	snprintf(json_path, sizeof(json_path), "%s/c.json", dir);
	devnull = fopen("/dev/null", "w");
	atexit(remove_dir);
	return 0;
}

static bool is_json(const uint8_t *data, size_t size)
{
	size_t i = 0;
	while (i < size && strchr(" \t\r\n", data[i]) && data[i])
		i++;
	return i < size && data[i] == '{';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = is_json(data, size) ? json_path : toml_path;
	FILE *f = fopen(path, "wb");
	struct rules r;

	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		die("cannot write '%s'", path);
	rules_init(&r);
	if (rules_load_file(&r, path) == 0) {
		rules_dump(&r, path, devnull);
		rules_match(&r, RL_INVALID_TYPES, "std::lock_guard<std::mutex>", NULL);
		rules_match(&r, RL_SUSPEND_FUNCTIONS, "sched::yield", NULL);
		bool acquire;
		rules_match_lock(&r, "pthread_mutex_lock", &acquire);
		rules_want_header(&r, "/src/a.h");
		rules_excluded(&r, "/src/third_party/a.cpp");
	}
	rules_release(&r);
	return 0;
}
