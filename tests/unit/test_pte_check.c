/*
 * test_pte_check.c - the checks on guest page-table entries,
 * shadow/pte_check.c.
 *
 * Shows, one table row per rule, with the exact reason text: a not-present
 * entry passes at every level whatever else it holds; an L1 or L2 entry
 * passes when it names one of the guest's frames (the last one included),
 * with any flag, NX, G, PAT or software bit; it is refused when it names the
 * first frame past the guest's, and for each reserved bit 36..62, which is
 * named before the frame; a 2 MiB L2 entry is refused with a bit of 20:13
 * set (bit 12, PAT, is fine) and when any of its 512 frames is not the
 * guest's; a present L3 entry passes with any flag (RW, US, A, D, NX, bits
 * 52..62) and is refused only for its frame, compared in 64 bits (frame
 * 0x100000002 is not frame 2); a level other than 1..3 is refused.
 *
 * Cannot show: that callers check every entry they install, nor that
 * guest_walk agrees (test_guest_walk.c compares the two).
 */
#include <stdint.h>

#include "arch/x86_32/pae.h"
#include "shadow/pte_check.h"
#include "tests/unit/unit.h"

#define NR 0x20		/* the guest's frames in most rows */

struct check_case {
	uint64_t entry;
	unsigned level;
	uint32_t nr_pfns;
	const char *reason;	/* NULL: the entry may be installed */
};

#define P	PTE_P
#define RW	PTE_RW
#define US	PTE_US
#define PS	PTE_PS
#define NX	PTE_NX

static void run_cases(const struct check_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct check_case *c = &cases[i];
		int before = unit_case_failures;

		CHECK_STR(pte_check(c->entry, c->level, c->nr_pfns), c->reason);
		if (unit_case_failures != before)
			printf("  (row %zu: entry 0x%llx, level %u)\n", i,
			       (unsigned long long)c->entry, c->level);
	}
}

#define RUN(cases) run_cases(cases, sizeof(cases) / sizeof((cases)[0]))

static void test_not_present(void)
{
	static const struct check_case cases[] = {
		{ 0, 1, NR, NULL },
		{ ~P, 1, NR, NULL },
		{ ~P, 2, NR, NULL },
		{ ~P, 3, NR, NULL },
		{ ~P, 2, 0, NULL },
	};
	RUN(cases);
}

static void test_l1(void)
{
	static const struct check_case cases[] = {
		{ 0x0000 | P, 1, NR, NULL },
		{ 0x1f000 | P | RW | US, 1, NR, NULL },
		{ 0x1f000 | 0xfff | NX, 1, NR, NULL },	/* every flag, PAT, G */
		{ 0x20000 | P, 1, NR,
		  "entry 0x20001 maps frame 0x20, beyond the guest's 0x20 "
		  "frames" },
		{ 0x0 | P, 1, 0,
		  "entry 0x1 maps frame 0x0, beyond the guest's 0x0 frames" },
		{ 0xffffff000ull | P, 1, 0xffffffff, NULL },	/* 2^24-1 */
		{ (1ull << 36) | P, 1, NR,
		  "entry 0x1000000001 has reserved bits 0x1000000000 set" },
		{ (1ull << 51) | P, 1, NR,
		  "entry 0x8000000000001 has reserved bits 0x8000000000000 "
		  "set" },
		{ (1ull << 52) | P, 1, NR,
		  "entry 0x10000000000001 has reserved bits "
		  "0x10000000000000 set" },
		{ (1ull << 62) | NX | P, 1, NR,
		  "entry 0xc000000000000001 has reserved bits "
		  "0x4000000000000000 set" },
		/* Reserved bits are named before a frame past the guest's. */
		{ (1ull << 40) | 0x20000 | P, 1, NR,
		  "entry 0x10000020001 has reserved bits 0x10000000000 set" },
	};
	RUN(cases);
}

static void test_l2_table(void)
{
	static const struct check_case cases[] = {
		{ 0x5000 | P | RW | US | NX, 2, NR, NULL },
		{ 0x1f000 | P, 2, NR, NULL },
		{ 0x20000 | P, 2, NR,
		  "entry 0x20001 maps frame 0x20, beyond the guest's 0x20 "
		  "frames" },
		{ (1ull << 45) | P, 2, NR,
		  "entry 0x200000000001 has reserved bits 0x200000000000 set" },
		{ 0x7ffffff000000000ull | P, 2, NR,
		  "entry 0x7ffffff000000001 has reserved bits "
		  "0x7ffffff000000000 set" },
		/* Bits 20:13 are an address in a table entry, not reserved. */
		{ 0x1fe000 | P, 2, 0x200, NULL },
	};
	RUN(cases);
}

static void test_l2_large(void)
{
	static const struct check_case cases[] = {
		{ 0x000000 | P | PS, 2, 0x200, NULL },
		{ 0x200000 | P | PS | RW | US | NX, 2, 0x400, NULL },
		{ 0x200000 | 0x1000 | P | PS, 2, 0x400, NULL },	/* PAT */
		{ 0x200000 | 0x2000 | P | PS, 2, 0x400,
		  "L2 entry 0x202081 maps a 2 MiB page with bits 20:13 set" },
		{ 0x200000 | 0x100000 | P | PS, 2, 0x400,
		  "L2 entry 0x300081 maps a 2 MiB page with bits 20:13 set" },
		{ 0x200000 | P | PS, 2, 0x3ff,
		  "L2 entry 0x200081 maps a 2 MiB page that runs past the "
		  "guest's memory (0x3ff frames)" },
		{ 0x000000 | P | PS, 2, 0x1ff,
		  "L2 entry 0x81 maps a 2 MiB page that runs past the "
		  "guest's memory (0x1ff frames)" },
		{ 0x400000 | P | PS, 2, 0x200,
		  "L2 entry 0x400081 maps a 2 MiB page that runs past the "
		  "guest's memory (0x200 frames)" },
		{ 0xfffe00000ull | P | PS, 2, 0xffffffff, NULL },
		{ (1ull << 36) | 0x200000 | P | PS, 2, 0x400,
		  "entry 0x1000200081 has reserved bits 0x1000000000 set" },
	};
	RUN(cases);
}

static void test_l3(void)
{
	static const struct check_case cases[] = {
		{ 0x3000 | P, 3, NR, NULL },
		{ 0x3000 | 0x67, 3, NR, NULL },		/* Xen's RW|US|A|D|P */
		{ 0x3000 | 0xfff | NX | 0x7ff0000000000000ull, 3, NR, NULL },
		{ 0x20000 | P, 3, NR,
		  "entry 0x20001 maps frame 0x20, beyond the guest's 0x20 "
		  "frames" },
		/* Bits 36..51 are an address here, not reserved bits. */
		{ 0x100000002000ull | P, 3, NR,
		  "entry 0x100000002001 maps frame 0x100000002, beyond the "
		  "guest's 0x20 frames" },
		{ 0x100000002000ull | P, 3, 0xffffffff,
		  "entry 0x100000002001 maps frame 0x100000002, beyond the "
		  "guest's 0xffffffff frames" },
	};
	RUN(cases);
}

static void test_bad_level(void)
{
	CHECK_STR(pte_check(0x1001, 0, NR), "level 0 is not 1, 2 or 3");
	CHECK_STR(pte_check(0x1001, 4, NR), "level 4 is not 1, 2 or 3");
	CHECK_STR(pte_check(0, 4, NR), "level 4 is not 1, 2 or 3");
}

int main(void)
{
	UNIT_CASE(test_not_present);
	UNIT_CASE(test_l1);
	UNIT_CASE(test_l2_table);
	UNIT_CASE(test_l2_large);
	UNIT_CASE(test_l3);
	UNIT_CASE(test_bad_level);
	return unit_finish();
}
