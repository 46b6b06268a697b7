/*
 * linux/gfp_types.h, gfp.h, slab.h, vmalloc.h, alloc_tag.h (stand-in,
 * 6.10+): the allocation functions are *_noprof functions behind
 * alloc_hooks() macros, and sleep unless their gfp flags forbid it
 * (GFP_ATOMIC, GFP_NOWAIT).
 */
#ifndef AWAIT_HOLDING_RULES_LINUX_SLAB_H
#define AWAIT_HOLDING_RULES_LINUX_SLAB_H

#include "cleanup.h"
#include "compiler.h"

typedef unsigned int gfp_t;
#define __GFP_HIGH 0x20u
#define __GFP_IO 0x40u
#define __GFP_FS 0x80u
#define __GFP_ZERO 0x100u
#define __GFP_DIRECT_RECLAIM 0x400u
#define __GFP_KSWAPD_RECLAIM 0x800u
#define __GFP_NOWARN 0x2000u
#define __GFP_RECLAIM (__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
#define GFP_ATOMIC (__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOWAIT (__GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#define GFP_NOIO (__GFP_RECLAIM)
#define GFP_NOFS (__GFP_RECLAIM | __GFP_IO)
#define NUMA_NO_NODE (-1)

#define IS_ERR_OR_NULL(ptr) (!(ptr) || (unsigned long)(ptr) >= (unsigned long)-4095)

#define alloc_hooks(_do_alloc)                  \
	({                                      \
		__auto_type _res = _do_alloc;   \
		_res;                           \
	})

void *kmalloc_noprof(size_t size, gfp_t flags);
#define kmalloc(...) alloc_hooks(kmalloc_noprof(__VA_ARGS__))
static inline void *kzalloc_noprof(size_t size, gfp_t flags)
{
	return kmalloc_noprof(size, flags | __GFP_ZERO);
}
#define kzalloc(...) alloc_hooks(kzalloc_noprof(__VA_ARGS__))
void *krealloc_noprof(const void *p, size_t new_size, gfp_t flags);
#define krealloc(...) alloc_hooks(krealloc_noprof(__VA_ARGS__))
void *kmalloc_array_noprof(size_t n, size_t size, gfp_t flags);
#define kmalloc_array(...) alloc_hooks(kmalloc_array_noprof(__VA_ARGS__))
#define kcalloc(n, size, flags) kmalloc_array(n, size, (flags) | __GFP_ZERO)
void *kvmalloc_node_noprof(size_t size, gfp_t flags, int node);
#define kvmalloc_node(...) alloc_hooks(kvmalloc_node_noprof(__VA_ARGS__))
#define kvmalloc(_size, _flags) kvmalloc_node(_size, _flags, NUMA_NO_NODE)
#define kvzalloc(_size, _flags) kvmalloc(_size, (_flags) | __GFP_ZERO)

void kfree(const void *objp);
void kvfree(const void *addr);
void vfree(const void *addr);

DEFINE_FREE(kfree, void *, if (!IS_ERR_OR_NULL(_T)) kfree(_T))
DEFINE_FREE(kvfree, void *, if (!IS_ERR_OR_NULL(_T)) kvfree(_T))

#endif
