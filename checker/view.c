/*
 * view.c - constructors, numbering and a debug printer for struct
 * fn_view (see view.h).
 */
#include "common.h"
#include "view.h"

#include <string.h>
#include "arena.h"
#include "util.h"

struct vnode *view_new_node(struct arena *a, enum vnode_kind kind)
{
	struct vnode *n = arena_alloc(a, sizeof(*n));
	n->kind = kind;
	n->var = n->var2 = n->label = n->cond = -1;
	return n;
}

void view_add_kid(struct arena *a, struct vnode *parent, struct vnode *kid)
{
	ARENA_GROW(a, parent->kids, parent->nkids + 1, parent->cap_kids);
	parent->kids[parent->nkids++] = kid;
}

int view_add_var(struct arena *a, struct fn_view *fn, const struct vvar *v)
{
	ARENA_GROW(a, fn->vars, fn->nvars + 1, fn->cap_vars);
	fn->vars[fn->nvars] = *v;
	return (int)fn->nvars++;
}

void view_replace_kids(struct arena *a, struct vnode *n,
		       void (*fn)(struct arena *a, struct vnode *n,
				  struct vnode *kid, void *arg),
		       void *arg)
{
	struct vnode **old = n->kids;
	size_t nold = n->nkids;
	n->kids = NULL;
	n->nkids = n->cap_kids = 0;
	for (size_t i = 0; i < nold; i++)
		fn(a, n, old[i], arg);
}

unsigned view_number(struct vnode *n, unsigned next)
{
	if (!n)
		return next;
	n->pre = next++;
	if (n->kind == V_LOOP && (n->flags & LOOP_DO)) {
		next = view_number(n->b, next);
		next = view_number(n->a, next);
	} else {
		next = view_number(n->a, next);
		next = view_number(n->b, next);
		next = view_number(n->c, next);
	}
	for (size_t i = 0; i < n->nkids; i++)
		next = view_number(n->kids[i], next);
	n->post = next++;
	return next;
}

void view_finish(struct fn_view *fn)
{
	fn->nnumbers = view_number(fn->body, 0);
	for (size_t i = 0; i < fn->nvars; i++) {
		struct vvar *v = &fn->vars[i];
		if (!v->scope)
			continue;
		v->lo = v->from ? v->from->post : 0;
		v->hi = v->scope->post;
	}
}

/* ORDER VNODE_KIND */
static const char *const kind_names[] = {
	"seq", "decl", "if", "loop", "switch", "case", "break", "continue",
	"return", "goto", "label", "try", "throw", "cond", "suspend", "call",
	"event", "unlock",
};

static const char *const event_names[] = {
	"acquire", "release", "move", "swap",
};

static void dump_node(const struct fn_view *fn, const struct vnode *n,
		      int depth, const char *role, struct strbuf *out)
{
	if (!n)
		return;
	strbuf_addf(out, "%*s%s%s [%u,%u]", depth * 2, "", role,
		    kind_names[n->kind], n->pre, n->post);
	if (n->kind == V_DECL && n->var >= 0)
		strbuf_addf(out, " %s%s", fn->vars[n->var].name,
			    n->init == INIT_EMPTY ? " (empty)" : "");
	if (n->kind == V_EVENT) {
		strbuf_addf(out, " %s %s", event_names[n->ev],
			    n->var >= 0 ? fn->vars[n->var].name : "?");
		if (n->var2 >= 0)
			strbuf_addf(out, " %s", fn->vars[n->var2].name);
	}
	if (n->kind == V_UNLOCK)
		strbuf_addf(out, " %s%s", n->lock->key,
			    n->lock->type && !strcmp(n->lock->type, "flag")
				    ? (n->lock->acquire ? " (flag raised)"
							: " (flag lowered)")
				    : "");
	if (n->kind == V_SUSPEND)
		strbuf_addf(out, " %s", suspend_kind_name(n->skind));
	if (n->kind == V_CALL && n->call)
		strbuf_addf(out, " %s%s", n->call->name ? n->call->name : "?",
			    n->call->suspends ? " (suspends)" : "");
	for (size_t i = 0; n->kind == V_CALL && n->call && i < n->call->nbinds; i++)
		strbuf_addf(out, " %s=%s", n->call->binds[i].member,
			    n->call->binds[i].key ? n->call->binds[i].key
			    : fn->vars[n->call->binds[i].var].name);
	if (n->label >= 0)
		strbuf_addf(out, " L%d", n->label);
	if (n->loc.line)
		strbuf_addf(out, " @%u:%u", n->loc.line, n->loc.col);
	strbuf_addc(out, '\n');
	dump_node(fn, n->a, depth + 1, "a: ", out);
	dump_node(fn, n->b, depth + 1, "b: ", out);
	dump_node(fn, n->c, depth + 1, "c: ", out);
	for (size_t i = 0; i < n->nkids; i++)
		dump_node(fn, n->kids[i], depth + 1, "", out);
}

void view_dump(const struct fn_view *fn, struct strbuf *out)
{
	strbuf_addf(out, "function %s%s @%u:%u\n", fn->name,
		    fn->coroutine ? " (coroutine)" : "", fn->loc.line,
		    fn->loc.col);
	for (size_t i = 0; i < fn->nvars; i++) {
		const struct vvar *v = &fn->vars[i];
		strbuf_addf(out, "  var %zu %s '%s' [%u,%u] matched %s\n", i,
			    v->name, v->type ? v->type : "?", v->lo, v->hi,
			    v->matched ? v->matched : "-");
	}
	dump_node(fn, fn->body, 1, "", out);
}
