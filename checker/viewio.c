/*
 * viewio.c - the binary form of function views (viewio.h).
 *
 * Layout of a finished stream:
 *
 *   nstrs, then each string as (length, bytes)   the string table
 *   the body                                      numbers and references
 *
 * A list of views in the body:
 *
 *   nfns, then per view put_fn()
 *
 * Pointers inside a view are written as numbers: a body shared with an
 * earlier view as that view's number, a variable's region nodes ('from',
 * 'scope') as the node's 'pre' number, so they follow the body.
 *
 * Each put_X() below has a get_X() twin right after it that reads the
 * same fields in the same order.
 */
#include "common.h"
#include "viewio.h"
#include "arena.h"
#include "strmap.h"
#include "util.h"
#include "view.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- numbers and strings ------------------------------------------------ */

void vio_out_init(struct vio_out *o)
{
	memset(o, 0, sizeof(*o));
	strbuf_init(&o->body);
}

void vio_out_release(struct vio_out *o)
{
	strbuf_release(&o->body);
	strmap_release(&o->ids);
	free(o->strs);
	memset(o, 0, sizeof(*o));
}

static void put_leb(struct strbuf *sb, uint64_t v)
{
	do {
		unsigned char b = v & 0x7f;
		v >>= 7;
		if (v)
			b |= 0x80;
		strbuf_addc(sb, (char)b);
	} while (v);
}

void vio_put_uint(struct vio_out *o, uint64_t v)
{
	put_leb(&o->body, v);
}

void vio_put_int(struct vio_out *o, int64_t v)
{
	uint64_t u = (uint64_t)v;
	put_leb(&o->body, v < 0 ? ((~u) << 1) | 1 : u << 1);
}

void vio_put_str(struct vio_out *o, const char *s)
{
	if (!s) {
		put_leb(&o->body, 0);
		return;
	}
	struct strmap_slot *slot = strmap_find(&o->ids, s, true);
	if (!slot->val) {
		ARRAY_GROW(o->strs, o->nstrs + 1, o->cap_strs);
		o->strs[o->nstrs++] = s;
		slot->val = (void *)(uintptr_t)o->nstrs;
	}
	put_leb(&o->body, (uint64_t)(uintptr_t)slot->val);
}

int vio_finish(struct vio_out *o, struct strbuf *dst)
{
	if (o->failed)
		return -1;
	put_leb(dst, o->nstrs);
	for (size_t i = 0; i < o->nstrs; i++) {
		size_t len = strlen(o->strs[i]);
		put_leb(dst, len);
		strbuf_add(dst, o->strs[i], len);
	}
	strbuf_add(dst, o->body.buf, o->body.len);
	return 0;
}

static void set_bad(struct vio_in *in, const char *why)
{
	if (!in->bad)
		in->bad = why;
	in->p = in->end;
}

static uint64_t get_leb(struct vio_in *in)
{
	uint64_t v = 0;
	for (unsigned shift = 0; !in->bad; shift += 7) {
		if (in->p >= in->end) {
			set_bad(in, "truncated");
			break;
		}
		unsigned char b = *in->p++;
		if (shift > 63 || (shift == 63 && (b & 0x7e))) {
			set_bad(in, "number too large");
			break;
		}
		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return v;
	}
	return 0;
}

int vio_in_start(struct vio_in *in, const void *buf, size_t len,
		 struct arena *a)
{
	memset(in, 0, sizeof(*in));
	in->p = buf;
	in->end = in->p + len;
	in->a = a;
	uint64_t n = get_leb(in);
	/* every string takes at least its length byte */
	if (n > (uint64_t)(in->end - in->p))
		set_bad(in, "string table larger than the entry");
	if (in->bad)
		return -1;
	in->strs = arena_alloc(a, (n ? n : 1) * sizeof(*in->strs));
	for (uint64_t i = 0; i < n; i++) {
		uint64_t slen = get_leb(in);
		if (in->bad)
			return -1;
		if (slen > (uint64_t)(in->end - in->p)) {
			set_bad(in, "string longer than the entry");
			return -1;
		}
		if (memchr(in->p, '\0', slen)) {
			set_bad(in, "NUL inside a string");
			return -1;
		}
		in->strs[i] = arena_strndup(a, (const char *)in->p, slen);
		in->p += slen;
	}
	in->nstrs = n;
	return 0;
}

uint64_t vio_get_uint(struct vio_in *in, uint64_t max)
{
	uint64_t v = get_leb(in);
	if (v > max) {
		set_bad(in, "number out of range");
		return 0;
	}
	return v;
}

int64_t vio_get_int(struct vio_in *in, int64_t min, int64_t max)
{
	uint64_t u = get_leb(in);
	int64_t v = (u & 1) ? (int64_t)~(u >> 1) : (int64_t)(u >> 1);
	if (v < min || v > max) {
		set_bad(in, "number out of range");
		return 0;
	}
	return v;
}

const char *vio_get_str(struct vio_in *in)
{
	uint64_t id = vio_get_uint(in, in->nstrs);
	return id && !in->bad ? in->strs[id - 1] : NULL;
}

const char *vio_get_str_nn(struct vio_in *in)
{
	const char *s = vio_get_str(in);
	if (!s) {
		set_bad(in, "missing string");
		return "";
	}
	return s;
}

/* A count of elements that take at least one byte each. */
static size_t get_count(struct vio_in *in)
{
	return (size_t)vio_get_uint(in, (uint64_t)(in->end - in->p));
}

/* ---- struct src_loc ------------------------------------------------------ */

static void put_loc(struct vio_out *o, const struct src_loc *l)
{
	vio_put_str(o, l->file);
	vio_put_uint(o, l->line);
	vio_put_uint(o, l->col);
}

static void get_loc(struct vio_in *in, struct src_loc *l)
{
	l->file = vio_get_str(in);
	l->line = (unsigned)vio_get_uint(in, UINT32_MAX);
	l->col = (unsigned)vio_get_uint(in, UINT32_MAX);
}

/* ---- struct vvar --------------------------------------------------------- */

static void put_var(struct vio_out *o, const struct vvar *v)
{
	vio_put_str(o, v->name);
	vio_put_str(o, v->display);
	put_loc(o, &v->loc);
	vio_put_str(o, v->type);
	vio_put_str(o, v->matched);
	vio_put_str(o, v->reason);
	vio_put_str(o, v->via);
	vio_put_uint(o, v->kind);
	vio_put_uint(o, v->lo);
	vio_put_uint(o, v->hi);
	vio_put_str(o, v->lock_key);
	vio_put_int(o, v->param);
	vio_put_uint(o, v->cleanup_guard);
}

static void get_var(struct vio_in *in, struct vvar *v)
{
	v->name = vio_get_str_nn(in);
	v->display = vio_get_str(in);
	get_loc(in, &v->loc);
	v->type = vio_get_str(in);
	v->matched = vio_get_str(in);
	v->reason = vio_get_str(in);
	v->via = vio_get_str(in);
	/* ORDER VVAR_KIND: VAR_MUTEX is the last kind */
	v->kind = (enum vvar_kind)vio_get_uint(in, VAR_MUTEX);
	v->lo = (unsigned)vio_get_uint(in, UINT32_MAX);
	v->hi = (unsigned)vio_get_uint(in, UINT32_MAX);
	v->lock_key = vio_get_str(in);
	v->param = (int)vio_get_int(in, INT32_MIN, INT32_MAX);
	v->cleanup_guard = vio_get_uint(in, 1);
}

/* ---- struct vlock -------------------------------------------------------- */

static void put_lock(struct vio_out *o, const struct vlock *l)
{
	vio_put_str(o, l->key);
	vio_put_uint(o, l->acquire);
	vio_put_str(o, l->matched);
	vio_put_str(o, l->reason);
	vio_put_str(o, l->type);
}

static void get_lock(struct vio_in *in, struct vlock *l)
{
	l->key = vio_get_str_nn(in);
	l->acquire = vio_get_uint(in, 1);
	l->matched = vio_get_str(in);
	l->reason = vio_get_str(in);
	l->type = vio_get_str(in);
}

/* ---- struct vown ---------------------------------------------------------- */

static void put_own(struct vio_out *o, const struct vown *w)
{
	vio_put_str(o, w->name);
	vio_put_str(o, w->method);
	vio_put_uint(o, w->member);
	vio_put_int(o, w->obj);
	vio_put_uint(o, w->obj_empty);
	vio_put_uint(o, (uint64_t)w->nargs);
	for (int i = 0; i < w->nargs; i++) {
		vio_put_int(o, w->args[i]);
		vio_put_uint(o, w->flags[i]);
	}
	vio_put_uint(o, w->move_done);
}

static void get_own(struct vio_in *in, struct vown *w, size_t nvars)
{
	w->name = vio_get_str(in);
	w->method = vio_get_str(in);
	w->member = vio_get_uint(in, 1);
	w->obj = (int)vio_get_int(in, -1, (int64_t)nvars - 1);
	w->obj_empty = vio_get_uint(in, 1);
	w->nargs = (int)vio_get_uint(in, (uint64_t)(in->end - in->p) / 2);
	if (w->nargs) {
		w->args = arena_alloc(in->a, (size_t)w->nargs * sizeof(*w->args));
		w->flags = arena_alloc(in->a, (size_t)w->nargs);
	}
	for (int i = 0; i < w->nargs; i++) {
		w->args[i] = (int)vio_get_int(in, -1, (int64_t)nvars - 1);
		w->flags[i] = (unsigned char)vio_get_uint(in, ARG_EMPTY | ARG_UNARY);
	}
	w->move_done = vio_get_uint(in, 1);
}

/* ---- struct vcall -------------------------------------------------------- */

enum { CALL_ANNOTATED = 1, CALL_CONFIGURED = 2, CALL_MACRO = 4,
       CALL_SUSPENDS = 8, CALL_HIDDEN = 16, CALL_OWN = 32,
       CALL_EFFECTS_ONLY = 64, CALL_ALL = 127 };

static void put_call(struct vio_out *o, const struct vcall *c)
{
	vio_put_str(o, c->name);
	vio_put_str(o, c->usr);
	vio_put_uint(o, (c->annotated ? CALL_ANNOTATED : 0) |
			(c->configured ? CALL_CONFIGURED : 0) |
			(c->macro ? CALL_MACRO : 0) |
			(c->suspends ? CALL_SUSPENDS : 0) |
			(c->hidden ? CALL_HIDDEN : 0) |
			(c->own ? CALL_OWN : 0) |
			(c->effects_only ? CALL_EFFECTS_ONLY : 0));
	vio_put_str(o, c->macro_name);
	vio_put_str(o, c->chain);
	vio_put_uint(o, c->arg_keys ? c->nargs + 1 : 0);
	for (size_t i = 0; c->arg_keys && i < c->nargs; i++)
		vio_put_str(o, c->arg_keys[i]);
	vio_put_int(o, c->acquires);
	vio_put_uint(o, c->in_guard);
	vio_put_uint(o, c->nreleases);
	for (size_t i = 0; i < c->nreleases; i++)
		vio_put_int(o, c->releases[i]);
	vio_put_str(o, c->flag_down);
	vio_put_uint(o, c->nbinds);
	for (size_t i = 0; i < c->nbinds; i++) {
		vio_put_str(o, c->binds[i].member);
		vio_put_str(o, c->binds[i].key);
		vio_put_int(o, c->binds[i].var);
	}
	if (c->own)
		put_own(o, c->own);
}

/* Variable numbers in a call: 'nvars' bounds them (acquires is var + 1). */
static void get_call(struct vio_in *in, struct vcall *c, size_t nvars)
{
	c->name = vio_get_str(in);
	c->usr = vio_get_str(in);
	unsigned flags = (unsigned)vio_get_uint(in, CALL_ALL);
	c->annotated = flags & CALL_ANNOTATED;
	c->configured = flags & CALL_CONFIGURED;
	c->macro = flags & CALL_MACRO;
	c->suspends = flags & CALL_SUSPENDS;
	c->hidden = flags & CALL_HIDDEN;
	c->effects_only = flags & CALL_EFFECTS_ONLY;
	c->macro_name = vio_get_str(in);
	c->chain = vio_get_str(in);
	size_t nargs = get_count(in);
	if (nargs) {
		c->nargs = nargs - 1;
		c->arg_keys = arena_alloc(in->a, nargs * sizeof(*c->arg_keys));
		for (size_t i = 0; i < c->nargs; i++)
			c->arg_keys[i] = vio_get_str(in);
	}
	c->acquires = (int)vio_get_int(in, 0, (int64_t)nvars);
	c->in_guard = vio_get_uint(in, 1);
	c->nreleases = c->cap_releases = get_count(in);
	if (c->nreleases)
		c->releases = arena_alloc(in->a,
					  c->nreleases * sizeof(*c->releases));
	for (size_t i = 0; i < c->nreleases; i++)
		c->releases[i] = (int)vio_get_int(in, 0, (int64_t)nvars - 1);
	c->flag_down = vio_get_str(in);
	c->nbinds = get_count(in);
	if (c->nbinds)
		c->binds = arena_alloc(in->a, c->nbinds * sizeof(*c->binds));
	for (size_t i = 0; i < c->nbinds; i++) {
		c->binds[i].member = vio_get_str(in);
		c->binds[i].key = vio_get_str(in);
		c->binds[i].var = (int)vio_get_int(in, -1, (int64_t)nvars - 1);
	}
	if (flags & CALL_OWN) {
		c->own = arena_alloc(in->a, sizeof(*c->own));
		get_own(in, c->own, nvars);
	}
}

/* ---- struct vnode -------------------------------------------------------- */

enum { HAS_A = 1, HAS_B = 2, HAS_C = 4, HAS_CALL = 8, HAS_LOCK = 16,
       HAS_ALL = 31 };

static void put_node(struct vio_out *o, const struct vnode *n, unsigned depth)
{
	if (depth > VIEWIO_MAX_DEPTH) {
		o->failed = true;
		return;
	}
	vio_put_uint(o, n->kind);
	vio_put_uint(o, n->flags);
	vio_put_uint(o, n->pre);
	vio_put_uint(o, n->post);
	put_loc(o, &n->loc);
	vio_put_int(o, n->var);
	vio_put_int(o, n->var2);
	vio_put_uint(o, n->init);
	vio_put_uint(o, n->ev);
	vio_put_int(o, n->label);
	vio_put_uint(o, n->skind);
	vio_put_int(o, n->cond);
	vio_put_uint(o, n->cond_neg);
	vio_put_uint(o, (n->a ? HAS_A : 0) | (n->b ? HAS_B : 0) |
			(n->c ? HAS_C : 0) | (n->call ? HAS_CALL : 0) |
			(n->lock ? HAS_LOCK : 0));
	if (n->call)
		put_call(o, n->call);
	if (n->lock)
		put_lock(o, n->lock);
	if (n->a)
		put_node(o, n->a, depth + 1);
	if (n->b)
		put_node(o, n->b, depth + 1);
	if (n->c)
		put_node(o, n->c, depth + 1);
	vio_put_uint(o, n->nkids);
	for (size_t i = 0; i < n->nkids; i++)
		put_node(o, n->kids[i], depth + 1);
}

static struct vnode *get_node(struct vio_in *in, const struct fn_view *fn,
			      unsigned depth)
{
	if (depth > VIEWIO_MAX_DEPTH) {
		set_bad(in, "views nested too deep");
		return NULL;
	}
	/* ORDER VNODE_KIND: V_UNLOCK is the last kind */
	struct vnode *n = view_new_node(in->a,
					(enum vnode_kind)vio_get_uint(in, V_UNLOCK));
	n->flags = (unsigned)vio_get_uint(in, LOOP_DO | CASE_DEFAULT);
	n->pre = (unsigned)vio_get_uint(in, fn->nnumbers);
	n->post = (unsigned)vio_get_uint(in, fn->nnumbers);
	if (n->pre > n->post)
		set_bad(in, "node numbered backwards");
	get_loc(in, &n->loc);
	n->var = (int)vio_get_int(in, -1, (int64_t)fn->nvars - 1);
	n->var2 = (int)vio_get_int(in, -1, (int64_t)fn->nvars - 1);
	n->init = (enum vinit)vio_get_uint(in, INIT_EMPTY);
	n->ev = (enum vevent)vio_get_uint(in, EV_SWAP);
	n->label = (int)vio_get_int(in, -1, (int64_t)fn->nlabels - 1);
	n->skind = (enum suspend_kind)vio_get_uint(in, SUSPEND_INDIRECT);
	n->cond = (int)vio_get_int(in, -1, (int64_t)fn->nconds - 1);
	n->cond_neg = vio_get_uint(in, 1);
	unsigned has = (unsigned)vio_get_uint(in, HAS_ALL);
	if (has & HAS_CALL) {
		n->call = arena_alloc(in->a, sizeof(*n->call));
		get_call(in, n->call, fn->nvars);
	}
	if (has & HAS_LOCK) {
		struct vlock *l = arena_alloc(in->a, sizeof(*l));
		get_lock(in, l);
		n->lock = l;
	}
	if ((has & HAS_A) && !in->bad)
		n->a = get_node(in, fn, depth + 1);
	if ((has & HAS_B) && !in->bad)
		n->b = get_node(in, fn, depth + 1);
	if ((has & HAS_C) && !in->bad)
		n->c = get_node(in, fn, depth + 1);
	size_t nkids = get_count(in);
	if (nkids) {
		n->kids = arena_alloc(in->a, nkids * sizeof(*n->kids));
		n->cap_kids = nkids;
	}
	for (size_t i = 0; i < nkids && !in->bad; i++)
		n->kids[n->nkids++] = get_node(in, fn, depth + 1);
	if (in->bad)
		return NULL;
	if (n->kind == V_CALL && !n->call)
		set_bad(in, "call node without a call");
	if ((n->kind == V_GOTO || n->kind == V_LABEL) && n->label < 0)
		set_bad(in, "jump without a label");
	return in->bad ? NULL : n;
}

/* ---- struct fn_view ------------------------------------------------------ */

/* vcall.scope of every call under 'n', in the order list_nodes() visits. */
static void put_call_scopes(struct vio_out *o, const struct vnode *n)
{
	if (!n)
		return;
	if (n->call)
		vio_put_uint(o, n->call->scope ? n->call->scope->pre + 1ull : 0);
	put_call_scopes(o, n->a);
	put_call_scopes(o, n->b);
	put_call_scopes(o, n->c);
	for (size_t i = 0; i < n->nkids; i++)
		put_call_scopes(o, n->kids[i]);
}

/*
 * One view.  'earlier' holds the views written before it: a body shared
 * with one of them is written as that view's number plus one.
 */
static void put_fn(struct vio_out *o, const struct fn_view *fn,
		   const struct fn_view *const *earlier, size_t nearlier)
{
	vio_put_str(o, fn->name);
	put_loc(o, &fn->loc);
	vio_put_uint(o, fn->coroutine);
	vio_put_str(o, fn->usr);
	vio_put_uint(o, fn->nnumbers);
	vio_put_uint(o, (uint64_t)fn->nlabels);
	vio_put_uint(o, (uint64_t)fn->nconds);
	vio_put_str(o, fn->instance);
	vio_put_uint(o, fn->nvars);
	for (size_t i = 0; i < fn->nvars; i++)
		put_var(o, &fn->vars[i]);
	vio_put_uint(o, fn->nparams);
	for (size_t i = 0; i < fn->nparams; i++)
		vio_put_str(o, fn->params[i]);
	vio_put_uint(o, fn->nlocks);
	for (size_t i = 0; i < fn->nlocks; i++)
		put_lock(o, &fn->locks[i]);
	size_t shared = 0;
	for (size_t i = 0; fn->body && i < nearlier && !shared; i++)
		if (earlier[i]->body == fn->body)
			shared = i + 1;
	vio_put_uint(o, shared);
	if (!shared) {
		vio_put_uint(o, fn->body != NULL);
		if (fn->body)
			put_node(o, fn->body, 0);
	}
	/* nodes pointed at, by their 'pre' number plus one: the variables'
	 * regions, then the calls' scopes (for an unshared body) */
	for (size_t i = 0; i < fn->nvars; i++) {
		vio_put_uint(o, fn->vars[i].from ? fn->vars[i].from->pre + 1ull : 0);
		vio_put_uint(o, fn->vars[i].scope ? fn->vars[i].scope->pre + 1ull : 0);
	}
	if (!shared)
		put_call_scopes(o, fn->body);
}

/* table[pre] = the node numbered 'pre' under 'n' (first one wins). */
static void list_nodes(struct vnode *n, struct vnode **table, unsigned size)
{
	if (!n)
		return;
	if (n->pre < size && !table[n->pre])
		table[n->pre] = n;
	list_nodes(n->a, table, size);
	list_nodes(n->b, table, size);
	list_nodes(n->c, table, size);
	for (size_t i = 0; i < n->nkids; i++)
		list_nodes(n->kids[i], table, size);
}

/* A node written as 'pre' plus one; NULL for 0. */
static struct vnode *get_node_ref(struct vio_in *in, struct vnode **table,
				  unsigned size)
{
	uint64_t ref = vio_get_uint(in, size);
	if (!ref || in->bad)
		return NULL;
	if (!table[ref - 1])
		set_bad(in, "a node pointed at is not in the body");
	return table[ref - 1];
}

static void get_call_scopes(struct vio_in *in, struct vnode *n,
			    struct vnode **table, unsigned size)
{
	if (!n || in->bad)
		return;
	if (n->call)
		n->call->scope = get_node_ref(in, table, size);
	get_call_scopes(in, n->a, table, size);
	get_call_scopes(in, n->b, table, size);
	get_call_scopes(in, n->c, table, size);
	for (size_t i = 0; i < n->nkids; i++)
		get_call_scopes(in, n->kids[i], table, size);
}

static struct fn_view *get_fn(struct vio_in *in, struct fn_view *const *earlier,
			      size_t nearlier)
{
	struct fn_view *fn = arena_alloc(in->a, sizeof(*fn));
	fn->arena = in->a;
	fn->name = vio_get_str_nn(in);
	get_loc(in, &fn->loc);
	fn->coroutine = vio_get_uint(in, 1);
	fn->usr = vio_get_str(in);
	fn->nnumbers = (unsigned)vio_get_uint(in, UINT32_MAX);
	fn->nlabels = (int)vio_get_uint(in, INT32_MAX);
	fn->nconds = (int)vio_get_uint(in, VIEW_MAX_CONDS);
	fn->instance = vio_get_str(in);
	size_t nvars = get_count(in);
	if (nvars)
		fn->vars = arena_alloc(in->a, nvars * sizeof(*fn->vars));
	fn->cap_vars = nvars;
	for (size_t i = 0; i < nvars && !in->bad; i++) {
		get_var(in, &fn->vars[i]);
		if (fn->vars[i].lo > fn->vars[i].hi)
			set_bad(in, "variable alive backwards");
		fn->nvars++;
	}
	fn->nparams = get_count(in);
	if (fn->nparams)
		fn->params = arena_alloc(in->a, fn->nparams * sizeof(*fn->params));
	for (size_t i = 0; i < fn->nparams; i++)
		fn->params[i] = vio_get_str_nn(in);
	size_t nlocks = get_count(in);
	if (nlocks)
		fn->locks = arena_alloc(in->a, nlocks * sizeof(*fn->locks));
	fn->cap_locks = nlocks;
	for (size_t i = 0; i < nlocks && !in->bad; i++)
		get_lock(in, &fn->locks[fn->nlocks++]);
	size_t shared = (size_t)vio_get_uint(in, nearlier);
	if (shared) {
		const struct fn_view *other = earlier[shared - 1];
		/* the body's variable and label numbers must fit this view */
		if (other->nvars > fn->nvars || other->nlabels > fn->nlabels ||
		    other->nconds > fn->nconds ||
		    other->nnumbers > fn->nnumbers)
			set_bad(in, "shared body does not fit");
		fn->body = other->body;
	} else if (vio_get_uint(in, 1) && !in->bad) {
		fn->body = get_node(in, fn, 0);
	}
	if (in->bad)
		return NULL;
	unsigned size = fn->nnumbers;
	struct vnode **table = xcalloc(size + 1, sizeof(*table));
	list_nodes(fn->body, table, size);
	for (size_t i = 0; i < fn->nvars; i++) {
		fn->vars[i].from = get_node_ref(in, table, size);
		fn->vars[i].scope = get_node_ref(in, table, size);
	}
	if (!shared)
		get_call_scopes(in, fn->body, table, size);
	free(table);
	return in->bad ? NULL : fn;
}

void viewio_put_fns(struct vio_out *o, const struct fn_view *fns)
{
	const struct fn_view **seen = NULL;
	size_t n = 0, cap = 0;
	for (const struct fn_view *fn = fns; fn; fn = fn->next)
		n++;
	vio_put_uint(o, n);
	n = 0;
	for (const struct fn_view *fn = fns; fn; fn = fn->next) {
		put_fn(o, fn, seen, n);
		ARRAY_GROW(seen, n + 1, cap);
		seen[n++] = fn;
	}
	free(seen);
}

struct fn_view *viewio_get_fns(struct vio_in *in)
{
	size_t n = get_count(in);
	struct fn_view *head = NULL, **tail = &head;
	struct fn_view **seen = n ? arena_alloc(in->a, n * sizeof(*seen)) : NULL;
	for (size_t i = 0; i < n && !in->bad; i++) {
		struct fn_view *fn = get_fn(in, seen, i);
		if (!fn)
			break;
		seen[i] = fn;
		*tail = fn;
		tail = &fn->next;
	}
	return in->bad ? NULL : head;
}
