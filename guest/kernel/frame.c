/*
 * frame.c - the pool of frames for processes (frame.h).
 *
 * The pool is a page-aligned array in the image's bss: the domain builder
 * maps all of it on Warden, and paging.c natively, so no frame needs a
 * mapping of its own.  Free frames are a stack, so the frame freed last is
 * used first: an exited process's page tables come back as the next
 * process's data at once, which is what a kernel does and what a
 * hypervisor's shadow code must notice.  A reference count that goes
 * wrong is the kernel's bug, not a program's, and ends the test.
 */
#include "guest/kernel/frame.h"
#include "guest/kernel/memlayout.h"
#include "guest/lib/test.h"
#include "lib/string.h"

static uint8_t pool[POOL_FRAMES][PAGE_SIZE] PAGE_ALIGNED;
static uint16_t free_stack[POOL_FRAMES];
static unsigned nr_free;
static uint16_t refs[POOL_FRAMES];

/* The pool index of pfn; a frame from elsewhere is a kernel bug. */
static unsigned index_of(uint32_t pfn)
{
	uint32_t first = virt_to_pfn(pool);

	if (pfn < first || pfn - first >= POOL_FRAMES)
		test_fatal("frame 0x%x is not in the pool", pfn);
	return pfn - first;
}

void frame_init(void)
{
	for (unsigned i = 0; i < POOL_FRAMES; i++)
		free_stack[i] = (uint16_t)(POOL_FRAMES - 1 - i);
	nr_free = POOL_FRAMES;
}

uint32_t frame_alloc(void)
{
	unsigned i;

	if (nr_free == 0)
		return 0;
	i = free_stack[--nr_free];
	refs[i] = 1;
	memset(pool[i], 0, PAGE_SIZE);
	return virt_to_pfn(pool[i]);
}

bool frame_get(uint32_t pfn)
{
	unsigned i = index_of(pfn);

	if (refs[i] == 0)
		test_fatal("frame 0x%x is free, yet it gains a reference", pfn);
	if (refs[i] == UINT16_MAX)
		return false;
	refs[i]++;
	return true;
}

void frame_put(uint32_t pfn)
{
	unsigned i = index_of(pfn);

	if (refs[i] == 0)
		test_fatal("frame 0x%x freed twice", pfn);
	if (--refs[i] == 0)
		free_stack[nr_free++] = (uint16_t)i;
}

unsigned frame_refs(uint32_t pfn)
{
	return refs[index_of(pfn)];
}

unsigned frame_free_count(void)
{
	return nr_free;
}
