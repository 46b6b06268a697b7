/*
 * known.c - the tables behind known.h.  Each table is a list of names
 * with the effect they stand for; keep them sorted by library.
 */
#include "common.h"
#include "known.h"

#include <stddef.h>
#include <string.h>

static bool in_list(const char *name, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (!strcmp(name, list[i]))
			return true;
	return false;
}

static const struct {
	const char *name;
	enum known_fn fn;
} functions[] = {
	{ "std::move", KNOWN_MOVE },
	{ "std::exchange", KNOWN_EXCHANGE },
	{ "std::swap", KNOWN_SWAP },
	{ "std::lock", KNOWN_LOCK_ALL },
	{ "std::try_lock", KNOWN_LOCK_ALL },
	{ "g_steal_pointer", KNOWN_STEAL },  /* GLib */
	{ "g_clear_pointer", KNOWN_STEAL },
	{ "g_clear_object", KNOWN_STEAL },
};

enum known_fn known_function(const char *qualname)
{
	for (size_t i = 0; i < ARRAY_SIZE(functions); i++)
		if (!strcmp(qualname, functions[i].name))
			return functions[i].fn;
	return KNOWN_NONE;
}

/* Member functions that end a guard's ownership, by name. */
static const char *const releasing_methods[] = {
	"unlock", "release", "unlock_shared", "dismiss",
	"Release", "Unlock",            /* absl::ReleasableMutexLock */
	"unblock",                      /* QSignalBlocker */
	NULL,
};

/* Member functions that make a guard own again, by name. */
static const char *const acquiring_methods[] = {
	"lock", "try_lock", "try_lock_for", "try_lock_until", "lock_shared",
	"try_lock_shared", "try_lock_shared_for", "try_lock_shared_until",
	"emplace", "relock", "reblock", "Lock", NULL,
};

enum known_method known_method(const char *name)
{
	if (name[0] == '~' || in_list(name, releasing_methods))
		return METHOD_RELEASE;
	if (in_list(name, acquiring_methods))
		return METHOD_ACQUIRE;
	if (!strcmp(name, "reset"))
		return METHOD_RESET;
	if (!strcmp(name, "swap"))
		return METHOD_SWAP;
	return METHOD_NONE;
}

/* Wrappers that may hold nothing, and wrappers that always hold. */
static const char *const empty_able_wrappers[] = {
	"std::optional", "std::unique_ptr", "std::shared_ptr",
	"boost::optional", "boost::shared_ptr", "absl::optional", NULL,
};
static const char *const holding_wrappers[] = {
	"std::variant", "std::pair", "std::tuple", "std::array",
	"boost::variant", "absl::variant", NULL,
};

bool known_wrapper(const char *qualname, bool *maybe_empty)
{
	if (in_list(qualname, empty_able_wrappers))
		return *maybe_empty = true;
	if (in_list(qualname, holding_wrappers)) {
		*maybe_empty = false;
		return true;
	}
	return false;
}

static const char *const empty_able_locks[] = {
	"std::unique_lock", "std::shared_lock",
	"boost::unique_lock", "boost::shared_lock", NULL,
};

bool known_empty_able_lock(const char *qualname)
{
	return in_list(qualname, empty_able_locks);
}

static const char *const std_locks[] = {
	"std::lock_guard", "std::unique_lock", "std::scoped_lock",
	"std::shared_lock", NULL,
};

bool known_std_lock(const char *qualname)
{
	return in_list(qualname, std_locks);
}

static const char *const defer_tags[] = {
	"std::defer_lock_t", "boost::defer_lock_t", NULL,
};

bool known_defer_tag(const char *qualname)
{
	return in_list(qualname, defer_tags);
}

static const char *const empty_constants[] = {
	"std::nullopt", "boost::none", NULL,
};

bool known_empty_constant(const char *qualname)
{
	return in_list(qualname, empty_constants);
}
