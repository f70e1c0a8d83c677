/*
 * test_shadow.c - shadow page tables (shadow/), case by case, on a guest
 * whose tables the test writes and a simulated CPU (shadow_world.c).
 *
 * Shows: a read fills a read-only leaf and sets A in the guest's L2 and L1
 * entries; the first write to a clean page faults once (dirty bit) and
 * sets D, a first write that misses sets D at once; clearing D in the
 * guest makes the page fault again on write; a 2 MiB page is shadowed
 * 4 KiB at a time, with no PS or PAT bit in a leaf and A/D in the L2
 * entry; a frame that becomes a page table loses exactly its writable
 * mappings, and a frame that stops being one is written again after one
 * fault; one guest write drops the entries of every shadow of a table,
 * also in a cached root not in use; roots are cached (a switch back needs
 * no fill) up to SHADOW_ROOTS, least recently used first out; unpinning
 * a table drops its shadows, but never the root in use; the budget
 * holds with the smallest limit, evicting; shadow_pages is bounded; the
 * levels a frame is used at; the GDT protection; Xen's writable page
 * tables for a table no shadow copies yet; and that destroy gives every
 * frame back.  After each case every invariant of shadow_world.c holds.
 *
 * Cannot show: the real MMU's behaviour (the simulated one reads the
 * shadow as the manual says), the emulator's part of a page-table write,
 * or anything about several vCPUs.
 */
#include "tests/unit/shadow_world.h"
#include "arch/x86_32/memlayout.h"
#include "mm/frame.h"
#include "shadow/guest_walk.h"
#include "tests/unit/unit.h"

#define L3	1		/* the guest's tables, by frame */
#define TOP_L2	2
#define TOP_L1	3
#define LOW_L2	4
#define LOW_L1	5
#define TOP(k)	(0xC0000000u + (k) * PAGE_SIZE)	/* TOP_L1 maps these */
#define LOW(k)	((k) * PAGE_SIZE)		/* LOW_L1 maps these */
#define RW	(PTE_P | PTE_RW)
#define RWU	(PTE_P | PTE_RW | PTE_US)
#define AD	(PTE_A | PTE_D)

static pte_t entry(uint32_t pfn, uint64_t flags)
{
	return (uint64_t)pfn << PAGE_SHIFT | flags;
}

static uint32_t mfn_of(uint32_t pfn)
{
	return p2m_info(&world_p2m, pfn)->mfn;
}

static pte_t *table(uint32_t pfn)
{
	return world_table(pfn);
}

/* L3 -> TOP_L2 -> TOP_L1 (TOP(k) -> frame 100 + k, clean, writable) and
 * L3 -> LOW_L2 -> LOW_L1 (LOW(k) -> frame 200 + k, user, writable). */
static void start(uint32_t pages)
{
	world_init(L3, pages);
	table(L3)[3] = entry(TOP_L2, PTE_P);
	table(L3)[0] = entry(LOW_L2, PTE_P);
	table(TOP_L2)[0] = entry(TOP_L1, RWU);
	table(LOW_L2)[0] = entry(LOW_L1, RWU);
	for (unsigned k = 0; k < 8; k++) {
		table(TOP_L1)[k] = entry(100 + k, RW);
		table(LOW_L1)[k] = entry(200 + k, RWU);
	}
}

static void read_fills_read_only_and_sets_accessed(void)
{
	start(0);
	CHECK_EQ(world_touch(TOP(1), 0), PF_SHADOW_MISS);
	CHECK_EQ(pte_addr(world_leaf(TOP(1))) >> PAGE_SHIFT, mfn_of(101));
	CHECK_EQ(world_leaf(TOP(1)) & (PTE_P | PTE_RW | PTE_US | PTE_NX), PTE_P);
	CHECK_EQ(table(TOP_L1)[1] & AD, PTE_A);
	CHECK_EQ(table(TOP_L2)[0] & AD, PTE_A);
	CHECK_EQ(table(TOP_L1)[2] & AD, 0);
	CHECK_EQ(world_touch(TOP(1), 0), NO_FAULT);
	CHECK_STR(world_problem(), NULL);
}

static void first_write_to_clean_page_sets_dirty(void)
{
	start(0);
	world_touch(TOP(1), 0);
	CHECK_EQ(world_touch(TOP(1), GW_WRITE), PF_DIRTY_BIT);
	CHECK_EQ(table(TOP_L1)[1] & AD, AD);
	CHECK(world_leaf(TOP(1)) & PTE_RW);
	CHECK_EQ(world_touch(TOP(1), GW_WRITE), NO_FAULT);
	CHECK_EQ(world_touch(TOP(2), GW_WRITE), PF_SHADOW_MISS);	/* D at once */
	CHECK_EQ(table(TOP_L1)[2] & AD, AD);
	CHECK_EQ(world.faults[PF_DIRTY_BIT], 1);
	CHECK_STR(world_problem(), NULL);
}

static void guest_clearing_dirty_is_seen(void)
{
	start(0);
	world_touch(TOP(1), GW_WRITE);
	world_write(TOP_L1, 1, entry(101, RW | PTE_A), 2);
	CHECK_EQ(world_leaf(TOP(1)), 0);
	CHECK_EQ(world_touch(TOP(1), 0), PF_SHADOW_MISS);
	CHECK(!(world_leaf(TOP(1)) & PTE_RW));
	CHECK_EQ(world_touch(TOP(1), GW_WRITE), PF_DIRTY_BIT);
	CHECK_STR(world_problem(), NULL);
}

static void large_page_split_with_ad_in_l2(void)
{
	uint32_t va = 0xC0200000u + 5 * PAGE_SIZE;
	const pte_t pat = 1ull << 12;	/* PAT, in a 2 MiB entry */

	start(0);
	table(TOP_L2)[1] = entry(512, RW | PTE_PS) | pat;
	CHECK_EQ(world_touch(va, 0), PF_SHADOW_MISS);
	CHECK_EQ(pte_addr(world_leaf(va)) >> PAGE_SHIFT, mfn_of(517));
	CHECK_EQ(world_leaf(va) & (PTE_PS | PTE_RW), 0);
	CHECK_EQ(table(TOP_L2)[1] & AD, PTE_A);
	CHECK_EQ(world_touch(va, GW_WRITE), PF_DIRTY_BIT);
	CHECK_EQ(table(TOP_L2)[1], entry(512, RW | PTE_PS | AD) | pat);
	CHECK_EQ(world_touch(va + PAGE_SIZE, GW_WRITE), PF_SHADOW_MISS);
	CHECK(world_leaf(va + PAGE_SIZE) & PTE_RW);
	CHECK_STR(world_problem(), NULL);
}

/* Frame 6, writable at TOP(2), becomes the L1 table behind LOW_L2[1]. */
static void make_frame_6_a_table(void)
{
	world_write(TOP_L1, 2, entry(6, RW | AD), 2);
	world_write(TOP_L1, 3, entry(103, RW | AD), 2);
	CHECK_EQ(world_touch(TOP(2), GW_WRITE), PF_SHADOW_MISS);
	CHECK_EQ(world_touch(TOP(3), GW_WRITE), PF_SHADOW_MISS);
	table(6)[0] = entry(300, PTE_P);
	world_write(LOW_L2, 1, entry(6, RWU), 2);
	CHECK_EQ(world_touch(0x200000, 0), PF_SHADOW_MISS);
}

static void new_table_loses_exactly_its_writable_mappings(void)
{
	start(0);
	make_frame_6_a_table();
	CHECK(!(world_leaf(TOP(2)) & PTE_RW));
	CHECK(world_leaf(TOP(3)) & PTE_RW);
	CHECK_EQ(world.stats.write_protects, 1);
	CHECK_EQ(world_touch(TOP(2), GW_WRITE), PF_TABLE_WRITE);
	CHECK_EQ(world_touch(TOP(3), GW_WRITE), NO_FAULT);
	CHECK_STR(world_problem(), NULL);
}

static void old_table_is_unshadowed(void)
{
	start(0);
	make_frame_6_a_table();
	world_write(LOW_L2, 1, 0, 2);
	CHECK_EQ(world.stats.unshadows, 1);
	CHECK(!pfn_is_table(p2m_info(&world_p2m, 6)));
	CHECK_EQ(world_touch(TOP(2), GW_WRITE), PF_STALE_READ_ONLY);
	CHECK_EQ(world_touch(TOP(2), GW_WRITE), NO_FAULT);
	CHECK_STR(world_problem(), NULL);
}

static void a_write_reaches_every_shadow(void)
{
	start(0);
	table(7)[3] = entry(TOP_L2, PTE_P);	/* a second L3, same top L2 */
	world_touch(TOP(1), 0);
	CHECK(shadow_set_base(&world, 7 << PAGE_SHIFT));
	world_touch(TOP(1), 0);
	world_write(TOP_L1, 1, entry(104, RW), 2);
	CHECK_EQ(world_leaf(TOP(1)), 0);
	CHECK(shadow_set_base(&world, L3 << PAGE_SHIFT));
	CHECK_EQ(world_leaf(TOP(1)), 0);
	CHECK_EQ(world_touch(TOP(1), 0), PF_SHADOW_MISS);
	CHECK_EQ(pte_addr(world_leaf(TOP(1))) >> PAGE_SHIFT, mfn_of(104));
	CHECK_EQ(world.stats.root_hits, 1);
	CHECK_EQ(world.stats.root_misses, 1);
	CHECK_STR(world_problem(), NULL);
}

/* Roots in frames 10.., each an L3 sharing the top L2. */
static void switch_to(unsigned n)
{
	table(10 + n)[3] = entry(TOP_L2, PTE_P);
	CHECK(shadow_set_base(&world, (10 + n) << PAGE_SHIFT));
}

static void roots_are_cached_least_recently_used_out(void)
{
	start(0);
	for (unsigned n = 0; n < SHADOW_ROOTS; n++) {
		switch_to(n);
		world_touch(TOP(0), 0);
	}
	switch_to(3);
	CHECK_EQ(world_touch(TOP(0), 0), NO_FAULT);	/* kept */
	switch_to(SHADOW_ROOTS);			/* root 0 goes */
	switch_to(3);
	switch_to(0);
	CHECK_EQ(world.stats.root_hits, 2);
	CHECK_EQ(world.stats.root_misses, SHADOW_ROOTS + 2);
	CHECK_STR(world_problem(), NULL);
}

/* 16 L1 tables, one a 2 MiB region from 0, each mapping frame 400 + i
 * (rewriting LOW_L2's entries with the same values on later calls). */
static void touch_16_regions(void)
{
	for (unsigned i = 0; i < 16; i++) {
		table(20 + i)[0] = entry(400 + i, RW | AD);
		table(LOW_L2)[i] = entry(20 + i, RWU);
	}
	for (unsigned round = 0; round < 2; round++) {
		for (unsigned i = 0; i < 16; i++) {
			CHECK(world_touch(0x200000 * i, GW_WRITE) != LIVELOCK);
			CHECK_EQ(pte_addr(world_leaf(0x200000 * i)) >> PAGE_SHIFT,
				 mfn_of(400 + i));
		}
		CHECK_STR(world_problem(), NULL);
	}
}

static void unpinned_tables_are_forgotten(void)
{
	start(0);
	switch_to(1);
	world_touch(TOP(0), 0);
	switch_to(2);
	world_touch(TOP(0), 0);
	shadow_forget(&world, 11);		/* a cached root */
	shadow_forget(&world, 12);		/* the root in use stays */
	CHECK(!pfn_is_table(p2m_info(&world_p2m, 11)));
	CHECK(pfn_is_table(p2m_info(&world_p2m, 12)));
	shadow_forget(&world, TOP_L1);		/* under both roots */
	CHECK(!pfn_is_table(p2m_info(&world_p2m, TOP_L1)));
	CHECK_EQ(world_leaf(TOP(0)), 0);
	CHECK_STR(world_problem(), NULL);
	switch_to(1);
	CHECK_EQ(world.stats.root_misses, 3);
}

static void smallest_budget_evicts_and_stays_true(void)
{
	start(4);
	CHECK_EQ(world.limit, SHADOW_MIN_PAGES);
	touch_16_regions();
	CHECK(world.stats.evictions > 0);
	CHECK(world.stats.peak_frames <= SHADOW_MIN_PAGES);
}

/*
 * When the clock wraps, the newest nodes look oldest.  Here the fill of
 * LOW(1) happens at clock 0, after every other node was touched at 1 and
 * up: its path and the root in use look least recently used, to the fill
 * itself and to the new root that comes next, and must stay all the same.
 */
static void clock_wrap_keeps_root_and_path(void)
{
	start(4);
	touch_16_regions();
	world.clock = 0xffffffffu;
	world_write(LOW_L1, 1, entry(201, RWU | AD), 2);
	world_write(LOW_L2, 0, entry(LOW_L1, RWU), 2);
	CHECK_EQ(world_touch(LOW(1), GW_WRITE), PF_SHADOW_MISS);
	CHECK_EQ(pte_addr(world_leaf(LOW(1))) >> PAGE_SHIFT, mfn_of(201));
	CHECK_STR(world_problem(), NULL);
	switch_to(0);
	CHECK_STR(world_problem(), NULL);
}

static void take_every_free_frame(void)
{
	while (frame_alloc(FRAME_WARDEN, 0) != FRAME_NONE)
		;
}

/* With the machine's memory all taken, a fill evicts the shadow's own
 * tables for frames; with nothing to evict, it fails and changes nothing. */
static void no_free_frames(void)
{
	start(0);
	world_touch(TOP(0), 0);
	world_touch(LOW(0), 0);
	take_every_free_frame();
	table(LOW_L2)[1] = entry(LOW_L1, RWU);
	CHECK_EQ(world_touch(0x200000, 0), PF_SHADOW_MISS);	/* TOP's L1 goes */
	CHECK_EQ(world.stats.evictions, 1);
	CHECK_EQ(world_leaf(TOP(0)), 0);
	CHECK_STR(world_problem(), NULL);
	start(0);
	take_every_free_frame();
	CHECK_EQ(world_touch(TOP(0), 0), NO_MEMORY);		/* nothing may go */
	CHECK_STR(world_problem(), NULL);
}

static void budget_bounds(void)
{
	start(0);
	CHECK_EQ(world.limit, SHADOW_DEFAULT_PAGES);
	start(100000);
	CHECK_EQ(world.limit, SHADOW_MAX_PAGES);
	start(40);
	CHECK_EQ(world.limit, 40);
}

static void levels_of_a_frame(void)
{
	start(0);
	table(LOW_L1)[8] = entry(TOP_L2, RWU | AD);	/* the top L2, as a page too */
	world_touch(TOP(0), 0);
	world_touch(LOW(8), 0);
	CHECK(!(world_leaf(LOW(8)) & PTE_RW));		/* still a table */
	CHECK_EQ(shadow_levels_at(&world, L3, 0), 1u << 3);
	CHECK_EQ(shadow_levels_at(&world, L3, 24), 1u << 3);
	CHECK_EQ(shadow_levels_at(&world, L3, 32), 0);
	CHECK_EQ(shadow_levels_at(&world, TOP_L2, 8), 1u << 2);
	CHECK_EQ(shadow_levels_at(&world, TOP_L1, 8), 1u << 1);
	CHECK_EQ(shadow_levels_at(&world, 100, 0), 0);
	CHECK_STR(world_problem(), NULL);
}

static void gdt_frame_is_protected(void)
{
	start(0);
	world_write(TOP_L1, 3, entry(103, RW | AD), 2);
	world_touch(TOP(3), GW_WRITE);
	p2m_info(&world_p2m, 103)->gdt = 1;
	shadow_protect(&world, 103);
	CHECK(!(world_leaf(TOP(3)) & PTE_RW));
	CHECK_EQ(world_touch(TOP(3), GW_WRITE), PF_DESCRIPTOR_WRITE);
	CHECK_STR(world_problem(), NULL);
}

static void read_only_table_written_by_kernel(void)
{
	start(0);
	table(LOW_L2)[2] = entry(8, RWU);		/* frame 8: a table */
	table(TOP_L1)[4] = entry(8, PTE_P);		/* mapped read-only */
	table(TOP_L1)[5] = entry(105, PTE_P);		/* a plain read-only page */
	CHECK_EQ(world_touch(TOP(4), GW_WRITE), PF_TABLE_WRITE);
	CHECK_EQ(world_touch(TOP(5), GW_WRITE), PF_GUEST_FAULT);
	CHECK_EQ(world_touch(TOP(4), GW_WRITE | GW_USER), PF_GUEST_FAULT);
	CHECK_STR(world_problem(), NULL);
}

static void destroy_gives_everything_back(void)
{
	start(0);
	make_frame_6_a_table();
	switch_to(1);
	world_touch(TOP(1), GW_WRITE);
	shadow_destroy(&world);
	CHECK_EQ(frame_count(FRAME_SHADOW), 0);
	for (uint32_t pfn = 0; pfn < WORLD_PFNS; pfn++) {
		CHECK_EQ(p2m_info(&world_p2m, pfn)->shadows, 0);
		CHECK_EQ(p2m_info(&world_p2m, pfn)->writable, 0);
	}
}

int main(void)
{
	UNIT_CASE(read_fills_read_only_and_sets_accessed);
	UNIT_CASE(first_write_to_clean_page_sets_dirty);
	UNIT_CASE(guest_clearing_dirty_is_seen);
	UNIT_CASE(large_page_split_with_ad_in_l2);
	UNIT_CASE(new_table_loses_exactly_its_writable_mappings);
	UNIT_CASE(old_table_is_unshadowed);
	UNIT_CASE(a_write_reaches_every_shadow);
	UNIT_CASE(roots_are_cached_least_recently_used_out);
	UNIT_CASE(unpinned_tables_are_forgotten);
	UNIT_CASE(smallest_budget_evicts_and_stays_true);
	UNIT_CASE(clock_wrap_keeps_root_and_path);
	UNIT_CASE(no_free_frames);
	UNIT_CASE(budget_bounds);
	UNIT_CASE(levels_of_a_frame);
	UNIT_CASE(gdt_frame_is_protected);
	UNIT_CASE(read_only_table_written_by_kernel);
	UNIT_CASE(destroy_gives_everything_back);
	return unit_finish();
}
