/*
 * test_boot_layout.c - the bootstrap layout of a new domain.
 * Shows: the pieces follow the kernel in Xen's order, page-aligned, the
 * region ends on 4 MiB with at least 512 KiB to spare, the page tables
 * counted are exactly those needed to map the region, and layouts that do
 * not fit are refused.  Cannot show: that a guest accepts it (the boot
 * tests run guests on it).
 */
#include <stdint.h>

#include "core/boot_layout.h"
#include "tests/unit/unit.h"

#define MIB 0x100000u
#define BASE 0xC0000000u

/* Tables needed to map [base, end) with 2 MiB L1s and 1 GiB L2s. */
static uint32_t l1s_needed(uint32_t base, uint32_t end)
{
	return (end - 1) / (2 * MIB) - base / (2 * MIB) + 1;
}

static void check_layout(uint32_t kernel_end, uint32_t pages)
{
	struct boot_layout l;

	CHECK(boot_layout_compute(BASE, kernel_end, pages, 0xF5800000u, &l) == 0);
	CHECK_EQ(l.kernel_end % 4096, 0);
	CHECK(l.kernel_end >= kernel_end);
	CHECK_EQ(l.mfn_list, l.kernel_end);
	CHECK_EQ(l.start_info, l.mfn_list + (pages * 4 + 4095) / 4096 * 4096);
	CHECK_EQ(l.pt_base, l.start_info + 4096);
	CHECK_EQ(l.stack_top, l.pt_base + (1 + l.l2_frames + l.l1_frames) * 4096 + 4096);
	CHECK_EQ(l.region_end % (4 * MIB), 0);
	CHECK(l.region_end - l.stack_top >= 512 * 1024);
	CHECK(l.region_end - l.stack_top < 512 * 1024 + 4 * MIB);
	CHECK_EQ(l.l1_frames, l1s_needed(BASE, l.region_end));
	CHECK_EQ(l.l2_frames, 1);
	CHECK(l.region_end - BASE <= pages * 4096u);
}

static void test_small_kernels(void)
{
	check_layout(BASE + 0x7000, 2048);
	check_layout(BASE + 0x1, 2048);
	check_layout(BASE + 3 * MIB + 0x123, 8192);
}

/* A kernel whose pieces end just below a 4 MiB line needs the next one. */
static void test_slack_pushes_region(void)
{
	for (uint32_t k = BASE + 3 * MIB; k < BASE + 4 * MIB; k += 0x10000)
		check_layout(k, 16384);
}

static void test_refusals(void)
{
	struct boot_layout l;

	CHECK_STR(boot_layout_compute(BASE, BASE + 0x7000, 256, 0xF5800000u, &l),
		  "the domain's memory is too small for its bootstrap region");
	CHECK_STR(boot_layout_compute(0xF5000000u, 0xF57C0000u, 8192, 0xF5800000u, &l),
		  "the bootstrap region reaches Warden's area");
	CHECK_STR(boot_layout_compute(BASE, BASE - 1, 2048, 0xF5800000u, &l),
		  "the kernel lies below its virtual base");
	CHECK(boot_layout_compute(BASE + 1, BASE + 0x7000, 2048, 0xF5800000u, &l) != 0);
}

int main(void)
{
	UNIT_CASE(test_small_kernels);
	UNIT_CASE(test_slack_pushes_region);
	UNIT_CASE(test_refusals);
	return unit_finish();
}
