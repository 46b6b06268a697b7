/*
 * test_flow.c - unit tests of view, flow, lifetime and summary: function
 * views built by hand (no libclang), checked for the findings they give.
 *
 * A tiny DSL builds the trees: S(...) is a scope (a block), D(v) declares
 * guard v, A() suspends, R(v) releases v, and so on.  Regions of the
 * variables are computed as walk.c does: from the declaration to the end
 * of the innermost enclosing scope.
 */
#include "common.h"
#include "arena.h"
#include "diag.h"
#include "flow.h"
#include "lifetime.h"
#include "summary.h"
#include "util.h"
#include "view.h"
#include "test.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- building views ------------------------------------------------------ */

static struct arena A_;
static struct fn_view *F;
static unsigned line_no;

#define END NULL

static struct vnode *node(enum vnode_kind k)
{
	struct vnode *n = view_new_node(&A_, k);
	n->loc.file = "t.cpp";
	n->loc.line = ++line_no;
	n->loc.col = 1;
	return n;
}

/* a scope (block) */
#define SCOPE_FLAG (1u << 10)
static struct vnode *S(struct vnode *first, ...)
{
	va_list ap;
	struct vnode *n = node(V_SEQ);
	n->flags = SCOPE_FLAG;
	if (first) {
		view_add_kid(&A_, n, first);
		va_start(ap, first);
		struct vnode *kid;
		while ((kid = va_arg(ap, struct vnode *)))
			view_add_kid(&A_, n, kid);
		va_end(ap);
	}
	return n;
}

static int var(const char *name, enum vvar_kind kind)
{
	struct vvar v;
	memset(&v, 0, sizeof(v));
	v.name = name;
	v.type = "std::unique_lock<std::mutex>";
	v.matched = "std::unique_lock";
	v.kind = kind;
	v.loc.file = "t.cpp";
	v.loc.line = 1000 + (unsigned)F->nvars;
	v.loc.col = 1;
	return view_add_var(&A_, F, &v);
}

static struct vnode *D(int v)
{
	struct vnode *n = node(V_DECL);
	n->var = v;
	n->init = INIT_HELD;
	F->vars[v].loc.line = n->loc.line;
	return n;
}

static struct vnode *Dempty(int v)
{
	struct vnode *n = D(v);
	n->init = INIT_EMPTY;
	return n;
}

static struct vnode *A(void)
{
	struct vnode *n = node(V_SUSPEND);
	n->skind = SUSPEND_CO_AWAIT;
	return n;
}

static struct vnode *EV(enum vevent ev, int a, int b)
{
	struct vnode *n = node(V_EVENT);
	n->ev = ev;
	n->var = a;
	n->var2 = b;
	return n;
}
#define R(v) EV(EV_RELEASE, v, -1)
#define ACQ(v) EV(EV_ACQUIRE, v, -1)
#define MOVE(a, b) EV(EV_MOVE, a, b)
#define SWAP(a, b) EV(EV_SWAP, a, b)

static struct vnode *IF(struct vnode *then, struct vnode *els)
{
	struct vnode *n = node(V_IF);
	n->a = S(END);
	n->b = then;
	n->c = els;
	return n;
}

static struct vnode *LOOP(struct vnode *body, bool do_while)
{
	struct vnode *n = node(V_LOOP);
	n->a = S(END);
	n->b = body;
	if (do_while)
		n->flags |= LOOP_DO;
	return n;
}

static struct vnode *simple(enum vnode_kind k)
{
	return node(k);
}

static struct vnode *GOTO(int label)
{
	struct vnode *n = node(V_GOTO);
	n->label = label;
	return n;
}

static struct vnode *LABEL(int label)
{
	struct vnode *n = node(V_LABEL);
	n->label = label;
	return n;
}

static struct vnode *CASE(bool dflt, struct vnode *stmt)
{
	struct vnode *n = node(V_CASE);
	if (dflt)
		n->flags |= CASE_DEFAULT;
	if (stmt)
		view_add_kid(&A_, n, stmt);
	return n;
}

static struct vnode *SWITCH(struct vnode *body)
{
	struct vnode *n = node(V_SWITCH);
	n->a = S(END);
	n->b = body;
	return n;
}

static struct vnode *TRY(struct vnode *body, struct vnode *handler)
{
	struct vnode *n = node(V_TRY);
	n->a = body;
	view_add_kid(&A_, n, handler);
	return n;
}

static struct vnode *CALL(const char *name, const char *usr, bool suspends)
{
	struct vnode *n = node(V_CALL);
	n->call = arena_alloc(&A_, sizeof(*n->call));
	n->call->name = name;
	n->call->usr = usr;
	n->call->configured = suspends;
	n->call->suspends = suspends;
	return n;
}

/*
 * The nodes a variable's region runs between, as the walker records
 * them: its declaration and the end of the scope it is declared in.
 */
static void regions(struct vnode *n, struct vnode *scope)
{
	if (!n)
		return;
	if (n->kind == V_DECL && n->var >= 0 && F->vars[n->var].kind == VAR_LOCAL) {
		F->vars[n->var].from = n;
		F->vars[n->var].scope = scope;
	}
	struct vnode *inner = (n->flags & SCOPE_FLAG) ? n : scope;
	regions(n->a, inner);
	regions(n->b, inner);
	regions(n->c, inner);
	for (size_t i = 0; i < n->nkids; i++)
		regions(n->kids[i], inner);
}

static void begin(void)
{
	F = arena_alloc(&A_, sizeof(*F));
	F->arena = &A_;
	F->name = "f";
	F->coroutine = true;
	line_no = 0;
}

/* Size of the last graph run() built: points plus successor edges. */
static size_t last_graph_size;

/*
 * Number and compute regions with the walker's code (view_finish()),
 * analyse; returns the number of findings.
 */
static size_t run(struct vnode *body, struct diag_list *out)
{
	struct flow f;
	F->body = body;
	regions(body, body);
	for (size_t i = 0; i < F->nvars; i++)
		if (F->vars[i].kind == VAR_PARAM || F->vars[i].kind == VAR_LOCK) {
			F->vars[i].from = NULL;
			F->vars[i].scope = body;
		}
	view_finish(F);
	flow_build(&f, F);
	size_t n = lifetime_check(F, &f, out);
	last_graph_size = f.npoints + f.nsucc;
	flow_release(&f);
	return n;
}

/* Findings, and the total number of suspension notes. */
static size_t count(struct vnode *body, size_t *notes)
{
	struct diag_list l;
	diag_list_init(&l);
	size_t n = run(body, &l);
	*notes = 0;
	for (size_t i = 0; i < l.nfindings; i++)
		*notes += l.findings[i].nsusp;
	diag_list_release(&l);
	return n;
}

/* The name of the only finding, or "" if there is not exactly one. */
static char only_name[64];
static const char *only(struct vnode *body)
{
	struct diag_list l;
	diag_list_init(&l);
	run(body, &l);
	snprintf(only_name, sizeof(only_name), "%s",
		 l.nfindings == 1 ? l.findings[0].name : "");
	diag_list_release(&l);
	return only_name;
}

/* ---- the tests ------------------------------------------------------------ */

static void test_scopes(void)
{
	size_t notes;
	int g;

	/* held across: reported once, one note */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(1, count(S(D(g), A(), END), &notes));
	ASSERT(1, notes);

	/* block ends before the suspension */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(0, count(S(S(D(g), END), A(), END), &notes));

	/* suspension before the declaration only */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(0, count(S(A(), D(g), END), &notes));

	/* a(); G g; b(); c();  -> notes for b and c only (scenario 6) */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(1, count(S(A(), D(g), A(), A(), END), &notes));
	ASSERT(2, notes);

	/* empty at construction (defer_lock) */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(0, count(S(Dempty(g), A(), END), &notes));

	/* by-value parameter: held from entry */
	begin();
	g = var("p", VAR_PARAM);
	ASSERT(1, count(S(A(), END), &notes));
}

static void test_events(void)
{
	size_t notes;
	int g, h;

	/* unlock before: silent (scenario 34) */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(0, count(S(D(g), R(g), A(), END), &notes));

	/* a(); lock; b(); unlock; c(); -> b only (scenario 12) */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(1, count(S(A(), D(g), A(), R(g), A(), END), &notes));
	ASSERT(1, notes);

	/* unlock, then lock again */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(1, count(S(D(g), R(g), A(), ACQ(g), A(), END), &notes));
	ASSERT(1, notes);

	/* moved into another local: the destination holds */
	begin();
	g = var("src", VAR_LOCAL);
	h = var("dst", VAR_LOCAL);
	ASSERT_STR("dst", only(S(D(g), Dempty(h), MOVE(g, h), A(), END)));

	/* moved away to nowhere (a call argument) */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(0, count(S(D(g), MOVE(g, -1), A(), END), &notes));

	/* swapped with an empty lock: the other one holds */
	begin();
	g = var("a", VAR_LOCAL);
	h = var("b", VAR_LOCAL);
	ASSERT_STR("b", only(S(D(g), Dempty(h), SWAP(g, h), A(), END)));

	/* swapped twice: back where it was */
	begin();
	g = var("a", VAR_LOCAL);
	h = var("b", VAR_LOCAL);
	ASSERT_STR("a", only(S(D(g), Dempty(h), SWAP(g, h), SWAP(h, g), A(), END)));

	/* moved into a variable whose scope ends first */
	begin();
	g = var("src", VAR_LOCAL);
	h = var("dst", VAR_LOCAL);
	ASSERT(0, count(S(D(g), S(Dempty(h), MOVE(g, h), END), A(), END), &notes));
}

static void test_branches(void)
{
	size_t notes;
	int g;

	/* released on one branch only: held on the other */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(1, count(S(D(g), IF(S(R(g), END), S(END)), A(), END), &notes));

	/* released on both branches, each before its suspension (scenario 38) */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(0, count(S(D(g), IF(S(R(g), A(), END), S(R(g), A(), END)), END),
			&notes));

	/* suspension before the release on the else branch */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(1, count(S(D(g), IF(S(R(g), A(), END), S(A(), R(g), END)), END),
			&notes));
	ASSERT(1, notes);

	/* return after release on one branch: the rest is held only if not */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(0, count(S(D(g), IF(S(R(g), END), S(R(g), END)), A(), END), &notes));

	/* early return while held: the suspension after is unreachable */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(0, count(S(D(g), simple(V_RETURN), A(), END), &notes));
}

static void test_loops(void)
{
	size_t notes;
	int g;

	/* declared in the body after the suspension: a new object each time */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(0, count(S(LOOP(S(A(), D(g), END), false), END), &notes));

	/* continue after the declaration: still a new object each time */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(0, count(S(LOOP(S(A(), D(g), IF(S(simple(V_CONTINUE), END), NULL),
			       END), false), END), &notes));

	/* locked at the end of the body, suspended at the top: held */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(1, count(S(Dempty(g), LOOP(S(A(), ACQ(g), END), false), END),
			&notes));

	/* ... unless unlocked after the loop body's suspension each time */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(0, count(S(Dempty(g), LOOP(S(A(), ACQ(g), R(g), END), false), END),
			&notes));

	/* break out of the guard's scope before the suspension */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(0, count(S(LOOP(S(D(g), simple(V_BREAK), END), false), A(), END),
			&notes));

	/* do-while: body first */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(1, count(S(D(g), LOOP(S(A(), R(g), END), true), END), &notes));
}

static void test_jumps(void)
{
	size_t notes;
	int g;

	/* goto back to before the declaration destroys the guard */
	begin();
	F->nlabels = 1;
	g = var("g", VAR_LOCAL);
	ASSERT(0, count(S(LABEL(0), A(), D(g), IF(S(GOTO(0), END), NULL), END),
			&notes));

	/* goto forward over the suspension */
	begin();
	F->nlabels = 1;
	g = var("g", VAR_LOCAL);
	ASSERT(0, count(S(D(g), GOTO(0), A(), LABEL(0), END), &notes));

	/* switch: fall-through from a case that holds into one that suspends */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(1, count(S(Dempty(g), SWITCH(S(CASE(false, ACQ(g)),
					    CASE(false, A()), END)), END),
			&notes));

	/* switch: break before the next case */
	begin();
	g = var("l", VAR_LOCAL);
	ASSERT(0, count(S(Dempty(g), SWITCH(S(CASE(false, ACQ(g)),
					    simple(V_BREAK), CASE(false, A()),
					    END)), R(g), END), &notes));

	/* a guard inside try is destroyed before the handler suspends */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(0, count(S(TRY(S(D(g), END), S(A(), END)), END), &notes));

	/* a guard outside try is still held in the handler */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(1, count(S(D(g), TRY(S(END), S(A(), END)), END), &notes));
}

static void test_calls_and_summary(void)
{
	size_t notes;
	int g;

	/* a configured suspending call */
	begin();
	g = var("g", VAR_LOCAL);
	ASSERT(1, count(S(D(g), CALL("aco_yield", "c:@F@aco_yield", true), END),
			&notes));

	/* through two functions: push -> wait -> aco_yield */
	struct fn_view *wait, *push, *user;
	begin();
	wait = F;
	wait->usr = "c:@F@wait";
	wait->name = "wait";
	wait->coroutine = false;
	wait->body = S(CALL("aco_yield", "c:@F@aco_yield", true), END);
	begin();
	push = F;
	push->usr = "c:@F@push";
	push->name = "push";
	push->coroutine = false;
	push->body = S(CALL("wait", "c:@F@wait", false), END);
	wait->next = push;
	begin();
	user = F;
	user->usr = "c:@F@user";
	user->coroutine = false;
	g = var("mu", VAR_LOCAL);
	struct vnode *call = CALL("push", "c:@F@push", false);
	struct vnode *body = S(D(g), call, END);
	user->body = body;
	push->next = user;
	struct fn_view *list[] = { wait };
	struct summary *sum = summary_compute(list, 1);
	ASSERT(1, call->call->suspends);
	ASSERT_STR("push -> wait -> aco_yield", call->call->chain);
	ASSERT(1, count(body, &notes));
	summary_free(sum);

	/* a coroutine does not suspend its caller by being called */
	begin();
	struct fn_view *coro = F;
	coro->usr = "c:@F@coro";
	coro->name = "coro";
	coro->coroutine = true;
	coro->body = S(CALL("aco_yield", "c:@F@aco_yield", true), END);
	begin();
	struct fn_view *caller = F;
	caller->usr = "c:@F@caller";
	struct vnode *c2 = CALL("coro", "c:@F@coro", false);
	caller->body = S(c2, END);
	coro->next = caller;
	struct fn_view *list2[] = { coro };
	sum = summary_compute(list2, 1);
	ASSERT(0, c2->call->suspends);
	summary_free(sum);

	/* recursion terminates */
	begin();
	struct fn_view *rec = F;
	rec->usr = "c:@F@rec";
	rec->name = "rec";
	rec->coroutine = false;
	struct vnode *c3 = CALL("rec", "c:@F@rec", false);
	rec->body = S(c3, CALL("aco_yield", "c:@F@aco_yield", true), END);
	struct fn_view *list3[] = { rec };
	sum = summary_compute(list3, 1);
	ASSERT(1, c3->call->suspends);
	summary_free(sum);
}

/*
 * 'n' guards in one block, each released before the next suspension: no
 * finding, and a graph of a few points per statement.  The size of the
 * graph is counted rather than the time taken (bench/stress.sh times the
 * same shape): twice the statements must give about twice the graph.
 */
static size_t linear_graph(int n)
{
	size_t notes;
	begin();
	struct vnode *body = S(END);
	for (int i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof(name), "l%d", i);
		int g = var(arena_strdup(&A_, name), VAR_LOCAL);
		view_add_kid(&A_, body, D(g));
		view_add_kid(&A_, body, R(g));
		view_add_kid(&A_, body, A());
	}
	ASSERT(0, count(body, &notes));
	ASSERT(0, notes);
	return last_graph_size;
}

static void test_linear(void)
{
	enum { N = 3000 };
	size_t small = linear_graph(N), big = linear_graph(2 * N);
	/* three statements of N: at most a few points and edges each */
	ASSERT_TRUE(small <= 3 * N * 4);
	ASSERT_TRUE(big <= 2 * small + 16);
}

int main(void)
{
	arena_init(&A_);
	test_scopes();
	test_events();
	test_branches();
	test_loops();
	test_jumps();
	test_calls_and_summary();
	test_linear();
	arena_release(&A_);
	return test_done("test_flow");
}
