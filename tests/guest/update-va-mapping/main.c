/*
 * update-va-mapping: changing the L1 entry of one address by hypercall.
 *
 * Shows: a page can be mapped to another of our frames (and reads that
 * frame), made read-only (writes fault), unmapped (everything faults, CR2
 * the address) and mapped back, with each flush type; the shared-info
 * frame (one past our RAM) can be mapped and read: events start masked,
 * and the CR2 of our last fault is there.  Refused with -EINVAL: an address
 * in Warden's area, an address with no L1 table, a frame past our memory,
 * reserved bits.
 * Cannot show: that the flush types differ (Warden flushes on every entry
 * into the guest anyway).
 */
#include "guest/lib/probe.h"
#include "guest/lib/hypercall.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "include/public/errno.h"
#include "include/public/shared_info.h"

static uint32_t win[PAGE_SIZE / 4] PAGE_ALIGNED;
static uint32_t other[PAGE_SIZE / 4] PAGE_ALIGNED = { 0x07e2 };
static uint8_t shared[PAGE_SIZE] PAGE_ALIGNED;

#define WIN	((uint32_t)(uintptr_t)win)
#define RW	(PTE_P | PTE_RW)

static void map_and_unmap(void)
{
	uint32_t own = virt_to_pfn(win);

	win[0] = 0x5e1f;
	test_eq("map another frame", pt_map(WIN, virt_to_pfn(other), RW), 0);
	test_eq("reads the other frame", win[0], other[0]);
	test_eq("make it read-only",
		hc_update_va_mapping(WIN, pte_make(own, PTE_P), UVMF_TLB_FLUSH), 0);
	test_eq("reads our own frame again", win[0], 0x5e1f);
	expect_fault("read-only", PROBE_WRITE, WIN, EXINFO_PF(PF_P | PF_W));
	test_eq("unmap", hc_update_va_mapping(WIN, 0, UVMF_INVLPG | UVMF_ALL), 0);
	expect_fault("unmapped", PROBE_READ, WIN + 8, EXINFO_PF(0));
	expect_fault("unmapped", PROBE_WRITE, WIN + 16, EXINFO_PF(PF_W));
	test_eq("map back, no flush", hc_update_va_mapping(WIN, pte_make(own, RW), UVMF_NONE), 0);
	test_eq("writable again", win[1] = 7, 7);
}

static void shared_info_page(void)
{
	uint32_t pfn = start_info->nr_pages;
	volatile struct shared_info *s = (volatile struct shared_info *)shared;

	test_eq("shared info's address", start_info->shared_info, pfn << PAGE_SHIFT);
	test_eq("map shared info", pt_map((uint32_t)(uintptr_t)shared, pfn, RW), 0);
	test_eq("events masked at start", s->vcpu_info[0].evtchn_upcall_mask, 1);
	test_eq("last fault's cr2", s->vcpu_info[0].arch.cr2, WIN + 16);
}

void test_main(void)
{
	uint32_t own = virt_to_pfn(win);

	map_and_unmap();
	shared_info_page();
	test_eq("Warden's area", pt_map(HYPERVISOR_VIRT_START, own, RW), -XEN_EINVAL);
	test_eq("the top page", pt_map(0xfffff000, own, RW), -XEN_EINVAL);
	test_eq("no L1 table", pt_map(0x10000000, own, RW), -XEN_EINVAL);
	test_eq("frame past our memory",
		pt_map(WIN, start_info->nr_pages + 1, RW), -XEN_EINVAL);
	test_eq("reserved bit 52", pt_set(WIN, pte_make(own, RW) | 1ull << 52), -XEN_EINVAL);
	test_eq("still mapped", win[1], 7);
}
