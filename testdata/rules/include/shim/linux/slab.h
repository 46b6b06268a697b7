/*
 * include/linux/slab.h of bcachefs-tools (stand-in): the userspace shim
 * makes the allocation functions macros over malloc(), and kvfree() a
 * macro over kfree(); DEFINE_FREE(kvfree, ...) is defined in this header.
 */
#ifndef AWAIT_HOLDING_RULES_SHIM_SLAB_H
#define AWAIT_HOLDING_RULES_SHIM_SLAB_H

#include <stdlib.h>

typedef unsigned int gfp_t;
#define GFP_KERNEL 0x400u
#define GFP_NOWAIT 0x800u
#define GFP_NOIO 0x10u

#define __cleanup(func) __attribute__((__cleanup__(func)))
#define DEFINE_FREE(_name, _type, _free) \
	static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }
#define __free(_name) __cleanup(__free_##_name)
#define IS_ERR_OR_NULL(ptr) (!(ptr) || (unsigned long)(ptr) >= (unsigned long)-4095)

static inline void *kmalloc_noprof(size_t size, gfp_t flags)
{
	(void)flags;
	return malloc(size);
}
#define kmalloc kmalloc_noprof
static inline void kfree(const void *p)
{
	free((void *)p);
}
#define kvmalloc(size, flags) kmalloc(size, flags)
#define kvfree(p) kfree(p)

DEFINE_FREE(kfree, void *, if (!IS_ERR_OR_NULL(_T)) kfree(_T))
DEFINE_FREE(kvfree, void *, if (!IS_ERR_OR_NULL(_T)) kvfree(_T))

#endif
