/*
 * mapslot.c - reaching a machine frame that has no permanent mapping.
 *
 * Frames below 1 GiB are in the direct map and frame_map() simply returns
 * their direct-map address.  Any other frame gets one of MAPSLOT_COUNT
 * page-table entries at MAPSLOT_BASE for as long as the caller needs it;
 * frame_unmap() clears the entry and flushes that one TLB entry, so a
 * stale translation can never reach the frame after it is reused.
 */
#include "mm/mapslot.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/x86.h"
#include "core/panic.h"
#include "mm/directmap.h"

static pte_t *slot_ptes;
static unsigned in_use;

void mapslot_init(pte_t *slots)
{
	slot_ptes = slots;
}

static void *slot_address(unsigned i)
{
	return (void *)(uintptr_t)(MAPSLOT_BASE + i * PAGE_SIZE);
}

void *frame_map(uint32_t mfn)
{
	uint64_t pa = (uint64_t)mfn << PAGE_SHIFT;

	if (directmap_covers(pa, PAGE_SIZE))
		return directmap(pa);
	for (unsigned i = 0; i < MAPSLOT_COUNT; i++) {
		if (!(slot_ptes[i] & PTE_P)) {
			slot_ptes[i] = pa | PTE_P | PTE_RW | PTE_NX;
			in_use++;
			return slot_address(i);
		}
	}
	panic("frame_map: all %u map slots in use", MAPSLOT_COUNT);
}

void frame_unmap(void *va)
{
	uint32_t a = (uint32_t)va;
	unsigned i = (a - MAPSLOT_BASE) / PAGE_SIZE;

	if (a < MAPSLOT_BASE)
		return;		/* a direct-map address: nothing to undo */
	if (!(slot_ptes[i] & PTE_P))
		panic("frame_unmap: slot %u at %p is not mapped", i, va);
	slot_ptes[i] = 0;
	invlpg(slot_address(i));
	in_use--;
}

unsigned mapslot_in_use(void)
{
	return in_use;
}
