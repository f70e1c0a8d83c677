/*
 * descriptor.c - the bit layout of x86 descriptors (Intel SDM vol. 3,
 * 3.4.5 and 6.11).  A segment descriptor scatters base and limit:
 *
 *   bits  0-15 limit 15:0      bits 16-39 base 23:0    bits 40-47 access
 *   bits 48-51 limit 19:16     bits 52-55 flags (G, D/B, L, AVL)
 *   bits 56-63 base 31:24
 *
 * A gate keeps its handler offset in bits 0-15 and 48-63, the code
 * selector in 16-31 and its type and DPL in 40-47.
 */
#include "arch/x86_32/descriptor.h"

#define FLAG_GRANULARITY_4K	0x8
#define FLAG_32BIT		0x4

static uint64_t desc_pack(uint32_t base, uint32_t limit, unsigned access,
			  unsigned flags)
{
	uint64_t d = limit & 0xffff;

	d |= (uint64_t)(base & 0xffffff) << 16;
	d |= (uint64_t)(access & 0xff) << 40;
	d |= (uint64_t)((limit >> 16) & 0xf) << 48;
	d |= (uint64_t)(flags & 0xf) << 52;
	d |= (uint64_t)(base >> 24) << 56;
	return d;
}

uint64_t desc_segment(uint32_t base, uint32_t limit_pages, unsigned access)
{
	return desc_pack(base, limit_pages - 1, access,
			 FLAG_GRANULARITY_4K | FLAG_32BIT);
}

uint64_t desc_system(uint32_t base, uint32_t limit, unsigned access)
{
	return desc_pack(base, limit, access, 0);
}

uint64_t desc_gate(uint32_t offset, uint16_t selector, unsigned type,
		   unsigned dpl)
{
	uint64_t d = offset & 0xffff;

	d |= (uint64_t)selector << 16;
	d |= (uint64_t)(DESC_P | DESC_DPL(dpl) | type) << 40;
	d |= (uint64_t)(offset >> 16) << 48;
	return d;
}
