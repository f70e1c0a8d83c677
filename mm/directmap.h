/*
 * directmap.h - Warden reaches machine memory below 1 GiB at a fixed
 * offset in its own address space (memlayout.h); frames above that go
 * through the temporary map slots (mm/mapslot.h).
 */
#ifndef MM_DIRECTMAP_H
#define MM_DIRECTMAP_H

#include <stdint.h>
#include "arch/x86_32/memlayout.h"

static inline int directmap_covers(uint64_t pa, uint64_t len)
{
	return pa < DIRECTMAP_SIZE && len <= DIRECTMAP_SIZE - pa;
}

/* Only for addresses directmap_covers(); callers check. */
static inline void *directmap(uint64_t pa)
{
	return (void *)(uintptr_t)(DIRECTMAP_BASE + (uint32_t)pa);
}

#endif
