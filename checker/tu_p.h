/*
 * tu_p.h - struct tu's insides, shared by tu.c and walk.c only: the two
 * files allowed to include <clang-c/Index.h>.
 */
#ifndef AWAIT_HOLDING_TU_P_H
#define AWAIT_HOLDING_TU_P_H

#include <clang-c/Index.h>

#include "arena.h"
#include "tu.h"

struct tu {
	struct arena arena;     /* all TU-derived data; freed in tu_free() */
	CXTranslationUnit cx;   /* disposed in tu_free() */
	CXFile main;            /* the main file */
	const char *file;       /* main file name as given (in 'arena') */
	bool lang_c;            /* parsed as C, not C++ */
};

/* Copy 's' into 'a' and dispose of 's'.  Never returns NULL. */
const char *cx_strdup(struct arena *a, CXString s);

#endif
