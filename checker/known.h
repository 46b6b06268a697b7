/*
 * known.h - library knowledge as data: which class templates own what
 * their arguments are (std::optional, std::unique_ptr...), which locks
 * can be empty, which functions and member functions move, release,
 * re-acquire or swap what a guard owns, which values own nothing.
 *
 * The walker asks these by qualified name; own.c decides ownership
 * effects on the view with them.  Adding a library's wrapper or release
 * method is a line in a table in known.c, not a change to the walker.
 * Nothing here knows about libclang.  Names are fully qualified, without
 * inline namespaces ("std::unique_lock").
 */
#ifndef AWAIT_HOLDING_KNOWN_H
#define AWAIT_HOLDING_KNOWN_H

#include <stdbool.h>

/* Free functions with an effect on what their arguments own. */
enum known_fn {
	KNOWN_NONE,
	KNOWN_MOVE,      /* std::move(x): x is moved from (by what takes it) */
	KNOWN_EXCHANGE,  /* std::exchange(x, v): x's old value is moved out */
	KNOWN_SWAP,      /* std::swap(a, b) */
	KNOWN_LOCK_ALL,  /* std::lock(a, b...), std::try_lock: each locks */
	KNOWN_STEAL,     /* g_steal_pointer(&p), g_clear_pointer(&p, f): p is NULL after */
};

/* What a member function does to the guard it is called on. */
enum known_method {
	METHOD_NONE,
	METHOD_RELEASE,  /* unlock(), release(), dismiss(), a destructor call */
	METHOD_ACQUIRE,  /* lock(), try_lock(), emplace(), relock() */
	METHOD_RESET,    /* reset(): releases; reset(p) with p owning: acquires */
	METHOD_SWAP,     /* swap(other) */
};

/* The effect of calling free function 'qualname'. */
enum known_fn known_function(const char *qualname);

/* The effect of member function 'name' (unqualified; "~" for a destructor). */
enum known_method known_method(const char *name);

/*
 * Is 'qualname' a wrapper that owns its template arguments' objects
 * (std::optional, std::unique_ptr, std::variant, std::pair...)?  When it
 * is, '*maybe_empty' says whether it can hold nothing.
 */
bool known_wrapper(const char *qualname, bool *maybe_empty);

/* A lock template that can own nothing (default-constructed, defer_lock). */
bool known_empty_able_lock(const char *qualname);

/* One of the standard lock templates (lock_guard, unique_lock, ...). */
bool known_std_lock(const char *qualname);

/* A tag type that makes a lock start empty (std::defer_lock_t). */
bool known_defer_tag(const char *qualname);

/* A constant that owns nothing (std::nullopt, boost::none). */
bool known_empty_constant(const char *qualname);

#endif
