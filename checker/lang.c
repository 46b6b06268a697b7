/*
 * lang.c - C or C++ from file names and arguments (see lang.h).
 */
#include "common.h"
#include "lang.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

bool lang_is_header(const char *path)
{
	static const char *const exts[] = { ".h", ".hh", ".hpp", ".hxx",
					     ".h++", ".inl", ".ipp", ".tcc" };
	for (size_t i = 0; i < ARRAY_SIZE(exts); i++)
		if (ends_with(path, exts[i]))
			return true;
	return false;
}

bool lang_c_by_extension(const char *path)
{
	return ends_with(path, ".c") || ends_with(path, ".h");
}

bool lang_parses_as_c(const char *file, const char *const *args,
		      size_t nargs)
{
	const char *lang = NULL;
	bool cxx_driver = false;
	for (size_t i = 0; i < nargs; i++) {
		if (!strcmp(args[i], "-x") && i + 1 < nargs)
			lang = args[++i];
		else if (!strncmp(args[i], "-x", 2) && args[i][2])
			lang = args[i] + 2;
		else if (!strcmp(args[i], "--driver-mode=g++") ||
			 !strcmp(args[i], "--driver-mode=cl"))
			cxx_driver = true;
	}
	if (lang)
		return !strncmp(lang, "c", 1) && strncmp(lang, "c++", 3);
	if (cxx_driver)
		return false;
	return lang_c_by_extension(file);
}

/* Does a ".h" file read like C++ (clang would parse it as C)? */
static bool looks_like_cxx(const char *path)
{
	static const char *const words[] = {
		"namespace ", "template <", "template<", "class ", "co_await",
		"co_yield", "co_return", "std::", "public:", "private:",
	};
	char *text = read_file(path, NULL);
	bool cxx = false;
	for (size_t i = 0; text && i < ARRAY_SIZE(words) && !cxx; i++)
		cxx = strstr(text, words[i]) != NULL;
	free(text);
	return cxx;
}

void lang_default_args(const char *path, const char *const **args,
		       size_t *nargs)
{
	static const char *const cxx[] = { "-std=c++20" };
	static const char *const cxx_header[] = { "-x", "c++-header",
						  "-std=c++20" };
	if (ends_with(path, ".h") && looks_like_cxx(path)) {
		*args = cxx_header;
		*nargs = ARRAY_SIZE(cxx_header);
	} else if (lang_c_by_extension(path)) {
		*args = NULL;
		*nargs = 0;
	} else {
		*args = cxx;
		*nargs = ARRAY_SIZE(cxx);
	}
}

bool lang_borrow_as_cxx_header(const char *path, const char *source)
{
	bool cxx_source = !ends_with(source, ".c") && !lang_is_header(source);
	return lang_is_header(path) && cxx_source;
}

const char *lang_cxx_driver_x(const char *path)
{
	if (ends_with(path, ".h"))
		return "c++-header";
	if (ends_with(path, ".c"))
		return "c++";
	return NULL;
}
