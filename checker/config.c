/*
 * config.c - the configuration of each file, cached (see config.h).
 * Keys of the cache are the path as given, or "<pack NAME>" for a
 * built-in pack loaded on its own.
 */
#include "common.h"
#include "config.h"
#include "packs.h"
#include "rules.h"
#include "strmap.h"
#include "util.h"
#include "verify.h"

#include <stdlib.h>
#include <string.h>

void config_cache_init(struct config_cache *c)
{
	memset(c, 0, sizeof(*c));
	arena_init(&c->arena);
}

void config_cache_release(struct config_cache *c)
{
	size_t pos = 0;
	for (struct strmap_slot *s; (s = strmap_next(&c->configs, &pos));)
		if (s->val) {
			rules_release(s->val);
			free(s->val);
		}
	strmap_release(&c->configs);
	if (c->fallback) {
		rules_release(c->fallback);
		free(c->fallback);
	}
	arena_release(&c->arena);
	memset(c, 0, sizeof(*c));
}

/*
 * A configuration loaded once per run and cached under 'key': 'load'
 * (rules_load_file or rules_load_pack) applied to 'arg'.  NULL if it does
 * not load (the error is printed); that is cached too.
 */
static struct rules *cached_rules(struct config_cache *c, const char *key,
				  int (*load)(struct rules *, const char *),
				  const char *arg)
{
	struct strmap_slot *s = strmap_find(&c->configs, key, false);
	if (s)
		return s->val;
	struct rules *rules = xmalloc(sizeof(*rules));
	rules_init(rules);
	if (load(rules, arg) < 0) {
		rules_release(rules);
		free(rules);
		rules = NULL;
	}
	strmap_find(&c->configs, arena_strdup(&c->arena, key), true)->val = rules;
	return rules;
}

struct rules *config_load(struct config_cache *c, const char *path)
{
	return cached_rules(c, path, rules_load_file, path);
}

struct rules *config_default(struct config_cache *c)
{
	if (!c->fallback) {
		c->fallback = xmalloc(sizeof(*c->fallback));
		rules_init(c->fallback);
		if (rules_load_default(c->fallback) < 0)
			BUG("the built-in std rule pack does not load");
	}
	return c->fallback;
}

/* A built-in rule pack as a configuration of its own, cached. */
static struct rules *pack_config(struct config_cache *c, const char *name)
{
	return cached_rules(c, arena_printf(&c->arena, "<pack %s>", name),
			    rules_load_pack, name);
}

/*
 * A bare verify-config name: a file of that name beside the test (so
 * that "cfg.json" there is not taken for a pack), else a built-in pack.
 * Neither is an error at the name's place in the test, not at the
 * "<command line>" a pack loaded on its own would name.
 */
static struct rules *bare_config(struct config_cache *c, const char *test_path,
				 const struct verify_header *h)
{
	char *dir = dir_of(test_path);
	const char *near = arena_printf(&c->arena, "%s/%s", dir, h->config);
	struct strbuf names;

	free(dir);
	if (is_regular_file(near))
		return config_load(c, near);
	for (size_t i = 0; i < nrule_packs; i++)
		if (!strcmp(rule_packs[i].name, h->config))
			return pack_config(c, h->config);
	strbuf_init(&names);
	for (size_t i = 0; i < nrule_packs; i++)
		strbuf_addf(&names, "%s%s", i ? ", " : "", rule_packs[i].name);
	report_at(test_path, NULL, h->config_line, h->config_col,
		  (unsigned)strlen(h->config), "error",
		  "verify-config '%s' is neither a file beside the test ('%s') nor a rule pack (available: %s)",
		  h->config, near, names.buf);
	strbuf_release(&names);
	return NULL;
}

struct rules *config_for_verify(struct config_cache *c, const char *test_path,
				const struct verify_header *h)
{
	const char *cfg = h->config;

	if (!h->config_is_path)
		return bare_config(c, test_path, h);
	if (cfg[0] == '/')
		return config_load(c, cfg);
	char *dir = dir_of(test_path);
	const char *near = arena_printf(&c->arena, "%s/%s", dir, cfg);
	free(dir);
	if (is_regular_file(near) || !is_regular_file(cfg)) {
		const char *base = strrchr(cfg, '/');
		if (!is_regular_file(near) && base && ends_with(cfg, ".toml") &&
		    (!strncmp(cfg, "rules/", 6) || strstr(cfg, "/rules/"))) {
			char *name = xstrndup(base + 1, strlen(base + 1) - 5);
			struct rules *rules = pack_config(c, name);
			free(name);
			return rules;
		}
		return config_load(c, near);
	}
	return config_load(c, cfg);
}

struct rules *config_choose(struct config_cache *c, const char *abs_path,
			    const char *forced, bool no_discovery)
{
	if (forced)
		return config_load(c, forced);
	if (no_discovery)
		return config_default(c);
	char *dir = dir_of(abs_path);
	char *found = rules_find_config(dir);
	free(dir);
	struct rules *rules = found ? config_load(c, found) : config_default(c);
	free(found);
	return rules;
}

void config_report_unused(const struct config_cache *c, struct diag_list *out)
{
	size_t pos = 0;
	for (struct strmap_slot *s; (s = strmap_next(&c->configs, &pos));)
		if (s->val)
			rules_report_unused(s->val, out);
}
