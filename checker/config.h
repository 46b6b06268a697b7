/*
 * config.h - which configuration each file is checked with, each one
 * loaded once per run.
 *
 * A file is checked with --config if given; else, for --verify, with
 * its "// verify-config:" line or the built-in default; else with the
 * nearest await-holding.toml/.json above it (rules_find_config()), or
 * the built-in default (the "std" pack) when there is none.
 *
 * The cache owns every struct rules it returns; they stay valid until
 * config_cache_release().  A configuration that fails to load is cached
 * as a failure, so its errors are printed once.
 */
#ifndef AWAIT_HOLDING_CONFIG_H
#define AWAIT_HOLDING_CONFIG_H

#include <stdbool.h>

#include "arena.h"
#include "strmap.h"

struct diag_list;
struct rules;
struct verify_header;

struct config_cache {
	struct arena arena;      /* the cache's keys */
	struct strmap configs;   /* path or "<pack NAME>" -> struct rules *,
				    NULL when it did not load */
	struct rules *fallback;  /* the built-in default, made on first use */
};

void config_cache_init(struct config_cache *c);

/* Free every configuration handed out; 'c' needs init before reuse. */
void config_cache_release(struct config_cache *c);

/*
 * The configuration file 'path' (TOML, or JSON if it ends in ".json").
 * Returns NULL if it does not load: the errors are printed, the first
 * time only.
 */
struct rules *config_load(struct config_cache *c, const char *path);

/* The built-in default (the "std" pack).  Never NULL. */
struct rules *config_default(struct config_cache *c);

/*
 * The configuration for the file 'abs_path': 'forced' (--config) if not
 * NULL; else the default if 'no_discovery' (--verify); else the nearest
 * configuration file above it, or the default.  NULL if the chosen file
 * does not load (errors printed).
 */
struct rules *config_choose(struct config_cache *c, const char *abs_path,
			    const char *forced, bool no_discovery);

/*
 * The "// verify-config: CFG" line 'h' of the test file 'test_path': a
 * bare name is the file of that name beside the test if there is one,
 * else a built-in pack; a path is relative to the test file, else to the
 * current directory; a path "rules/NAME.toml" that is neither names the
 * built-in pack NAME.  NULL if it does not load (errors printed; a bare
 * name that is neither a file nor a pack is reported at its place in the
 * test file).
 */
struct rules *config_for_verify(struct config_cache *c, const char *test_path,
				const struct verify_header *h);

/*
 * Warn about the entries that never matched in every configuration
 * that loaded (rules_report_unused()).
 */
void config_report_unused(const struct config_cache *c, struct diag_list *out);

#endif
