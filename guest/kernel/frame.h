/*
 * frame.h - the frames processes get: page tables, stacks, mapped pages.
 *
 * They come from one pool in the kernel's image (frame.c), so the kernel
 * reaches each through its own mapping of the image, at
 * frame_kva(pfn), on Warden and natively alike.  Each frame counts the
 * references to it -- one per mapping in a process, or one for a page
 * table -- and goes back to the pool when the last one goes.
 */
#ifndef KERNEL_FRAME_H
#define KERNEL_FRAME_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/lib/pt.h"

void frame_init(void);

/* A zeroed frame with one reference, or 0 if the pool is empty. */
uint32_t frame_alloc(void);

/* One more reference; false if the count cannot grow (a program that
 * shares one frame 65535 times gets an error, not a wrapped count). */
bool frame_get(uint32_t pfn);
void frame_put(uint32_t pfn);
unsigned frame_refs(uint32_t pfn);

unsigned frame_free_count(void);

static inline void *frame_kva(uint32_t pfn)
{
	return pfn_to_virt(pfn);
}

#endif
