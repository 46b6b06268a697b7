/*
 * viewio.h - a compact binary form of the function views (view.h), so
 * that the project index (index.h) can keep what a translation unit
 * contributed and a later run can finish the analysis (summary, flow,
 * lifetime) without libclang.
 *
 * The encoding is a byte stream of unsigned LEB128 numbers and string
 * references.  Strings are interned per stream: each distinct string is
 * stored once in a table written before the body, and referenced by its
 * number plus one (0 = NULL).  One writer function and one reader
 * function per struct (fn_view, vvar, vlock, vcall, vown, vnode) hold the
 * field order: a new field is added to both, in the same place, and
 * VIEWIO_VERSION goes up.
 *
 * Reading never trusts its input: every count is checked against the
 * bytes left, every index against the table it points into, every enum
 * against its range, and a malformed stream gives -1, never a crash.
 * Views that share a body (a template's instantiations, view.h) still
 * share it after a round trip.
 *
 * Nothing here knows about libclang.
 */
#ifndef AWAIT_HOLDING_VIEWIO_H
#define AWAIT_HOLDING_VIEWIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strmap.h"
#include "util.h"

struct arena;
struct fn_view;

/* Bumped whenever the encoding of any struct changes. */
#define VIEWIO_VERSION 3

/* Deepest node nesting written or read (the reader recurses). */
#define VIEWIO_MAX_DEPTH 100000

/* ---- writing ------------------------------------------------------------ */

struct vio_out {
	struct strbuf body;   /* numbers and string references */
	struct strmap ids;    /* string -> its number + 1 (as a pointer) */
	const char **strs;    /* the table, in order of first use */
	size_t nstrs, cap_strs;
	bool failed;          /* a view nested deeper than VIEWIO_MAX_DEPTH */
};

void vio_out_init(struct vio_out *o);
void vio_out_release(struct vio_out *o);

void vio_put_uint(struct vio_out *o, uint64_t v);
/* A signed number (zigzag: -1 is 1, 1 is 2). */
void vio_put_int(struct vio_out *o, int64_t v);
/* A string reference; NULL is allowed.  'o' borrows 's' until
 * vio_finish(). */
void vio_put_str(struct vio_out *o, const char *s);

/*
 * Append the views of the list 'fns' (linked through fn_view.next).
 * Sets o->failed if one nests deeper than VIEWIO_MAX_DEPTH.
 */
void viewio_put_fns(struct vio_out *o, const struct fn_view *fns);

/* Append the string table, then the body, to 'dst'.  -1 if o->failed. */
int vio_finish(struct vio_out *o, struct strbuf *dst);

/* ---- reading ------------------------------------------------------------ */

struct vio_in {
	const unsigned char *p, *end; /* what is left of the body */
	const char **strs;            /* the table, in 'a' */
	size_t nstrs;
	struct arena *a;              /* everything read lives here */
	const char *bad;              /* why the stream is malformed, or NULL */
};

/*
 * Start reading 'len' bytes at 'buf' (as vio_finish() wrote them):
 * reads the string table into 'a'.  Returns 0, or -1 with in->bad set.
 * 'buf' must stay alive while reading; the results do not point into it.
 */
int vio_in_start(struct vio_in *in, const void *buf, size_t len,
		 struct arena *a);

/*
 * The next number; more than 'max' makes the stream bad (and 0 is
 * returned).  Once in->bad is set every read returns 0 / NULL.
 */
uint64_t vio_get_uint(struct vio_in *in, uint64_t max);
int64_t vio_get_int(struct vio_in *in, int64_t min, int64_t max);
const char *vio_get_str(struct vio_in *in);
/* A string that must not be NULL. */
const char *vio_get_str_nn(struct vio_in *in);

/*
 * Read a list of views written by viewio_put_fns() into in->a (each
 * view's 'arena' is set to it).  NULL with in->bad set when malformed;
 * NULL with in->bad unset for an empty list.
 */
struct fn_view *viewio_get_fns(struct vio_in *in);

#endif
