/*
 * survivor: the guest that runs after a bad one in every containment test
 * (tests/boot/contain-*), and must still pass.
 *
 * Shows: a domain that starts after another crashed finds what a fresh
 * domain should: its start_info, events masked, and every frame the
 * bootstrap tables leave unmapped (up to 512 of them) reading zero; and
 * traps, page faults, ring 3 and page-table hypercalls all still work.
 * Cannot show: damage to Warden that no guest path can notice, or to the
 * crashed domain (it is gone).
 */
#include "guest/lib/probe.h"
#include "guest/lib/pt.h"
#include "guest/lib/shared_info.h"
#include "guest/lib/test.h"
#include "lib/string.h"

#define FRAMES_CHECKED	512

static uint32_t win[PAGE_SIZE / 4] PAGE_ALIGNED;
#define WIN	((uint32_t)(uintptr_t)win)

static void check_frame_zero(uint32_t pfn)
{
	if (pt_map(WIN, pfn, PTE_P))
		test_fatal("cannot map frame 0x%x", pfn);
	for (unsigned i = 0; i < PAGE_SIZE / 4; i++)
		if (win[i])
			test_fatal("frame 0x%x holds 0x%x at 0x%x", pfn, win[i], i * 4);
}

void test_main(void)
{
	if (strcmp(start_info->magic, XEN_START_INFO_MAGIC) != 0)
		test_fail("start_info magic \"%.32s\"", start_info->magic);
	test_eq("events masked", shared_info()->vcpu_info[0].evtchn_upcall_mask, 1);
	for (unsigned i = 0; i < FRAMES_CHECKED; i++)
		check_frame_zero(pt_alloc_frame());
	test_eq("unmap", pt_unmap(WIN), 0);
	expect_fault("an unmapped page", PROBE_READ, WIN, EXINFO_PF(0));
	expect_fault("a supervisor page from ring 3", PROBE_READ | PROBE_USER,
		     (uint32_t)(uintptr_t)start_info, EXINFO_PF(PF_P | PF_U));
}
