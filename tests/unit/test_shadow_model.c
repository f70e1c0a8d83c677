/*
 * test_shadow_model.c - shadow page tables against random guests.
 *
 * A handful of guest frames serve as tables at every level at once (an L3
 * here, an L2 there, an L1 under both, mapped as a page elsewhere), pages
 * become tables and stop being tables, and the guest does random things
 * to them: writes any entry, whole or in halves,
 * with any flags, 2 MiB pages included; touches addresses for read, write
 * or fetch, from ring 1 or ring 3; switches between more address spaces
 * than the cache holds; unpins tables.  Budgets go from the smallest up.
 *
 * Shows: after every step every invariant of shadow_world.c holds (trees,
 * leaves a subset of the guest's walk, reverse maps, budget, roots); no
 * access livelocks; and an access the CPU completes is one the guest's
 * walk allows, with A -- and for a write D -- set in the guest's entries.
 * Cannot show: what shadow_world.c does not check, such as how quickly a
 * table is refilled after an eviction.
 */
#include "tests/unit/shadow_world.h"
#include "arch/x86_32/memlayout.h"
#include "shadow/guest_mem.h"
#include "tests/unit/unit.h"

#define STEPS		10000
#define TABLES		12		/* frames 1..12 serve as tables */
#define ROOTS		10		/* frames 1..10 may be L3s */
#define DATA		100		/* frames 100..115 as pages */

static uint32_t seed;

static uint32_t rnd(uint32_t n)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed % n;
}

static uint64_t random_flags(void)
{
	return PTE_P | (rnd(4) ? PTE_RW : 0) | (rnd(2) ? PTE_US : 0) |
	       (rnd(3) ? 0 : PTE_A) | (rnd(3) ? 0 : PTE_D) |
	       (rnd(4) ? 0 : PTE_NX);
}

/* Any valid entry: not present, a table, a page, or a 2 MiB page. */
static pte_t random_entry(void)
{
	uint32_t kind = rnd(8), pfn;

	if (kind == 0)
		return rnd(2) ? 0 : 0x12345000ull;	/* not present */
	if (kind == 1)
		return (uint64_t)(512 * (1 + rnd(3))) << PAGE_SHIFT |
		       random_flags() | PTE_PS;
	pfn = kind < 5 ? 1 + rnd(TABLES) : DATA + rnd(16);
	return (uint64_t)pfn << PAGE_SHIFT | random_flags();
}

static uint32_t random_va(void)
{
	return rnd(4) << 30 | rnd(4) << 21 | rnd(4) << 12 | rnd(1024) * 4;
}

static uint32_t random_access(void)
{
	static const uint32_t kinds[] = { 0, GW_WRITE, GW_FETCH };

	return kinds[rnd(3)] | (rnd(3) ? 0 : GW_USER);
}

/* A completed access: the guest allows it, and its A/D bits say so. */
static void check_completed(uint32_t va, uint32_t access)
{
	struct guest_mem mem = guest_mem_of(&world_p2m);
	struct guest_walk w;
	uint64_t want = PTE_A | (access & GW_WRITE ? PTE_D : 0);

	CHECK(guest_walk(&mem, WORLD_PFNS, world.guest_cr3, va, access, &w));
	CHECK(w.l2e & PTE_A);
	CHECK_EQ(guest_walk_leaf(&w) & want, want);
}

/* Writes to tables a fifth of the time, a base pointer or an unpin now
 * and then, and touches, often of the last address again, so that pages are read, then
 * written, then become tables, and back. */
static void step(void)
{
	static uint32_t va;
	uint32_t what = rnd(20), access = random_access();

	if (what < 4) {
		world_write(rnd(3) ? 1 + rnd(TABLES) : DATA + rnd(16), rnd(4),
			    random_entry(), rnd(3));
	} else if (what == 4) {
		CHECK(shadow_set_base(&world, (1 + rnd(ROOTS)) << PAGE_SHIFT));
	} else if (what == 5) {
		shadow_forget(&world, 1 + rnd(TABLES));		/* unpinned */
	} else {
		va = rnd(2) ? va : random_va();
		CHECK(world_touch(va, access) != LIVELOCK);
		if (world_mmu_allows(va, access))
			check_completed(va, access);
	}
}

static struct shadow_stats seen;		/* summed over the runs of a case */
static uint64_t seen_faults[PF_OUTCOMES];

static void add_up(void)
{
	seen.evictions += world.stats.evictions;
	seen.root_hits += world.stats.root_hits;
	seen.write_protects += world.stats.write_protects;
	seen.unshadows += world.stats.unshadows;
	for (unsigned o = 0; o < PF_OUTCOMES; o++)
		seen_faults[o] += world.faults[o];
}

static void run(uint32_t pages, uint32_t first_seed)
{
	const char *problem = NULL;

	seed = first_seed;
	world_init(1, pages);
	for (unsigned i = 0; i < STEPS && !problem; i++) {
		step();
		problem = world_problem();
	}
	CHECK_STR(problem, NULL);
	add_up();
	shadow_destroy(&world);
}

/* The runs met every mechanism (else the generator is too narrow). */
static void check_coverage(void)
{
	CHECK(seen.evictions > 0);
	CHECK(seen.root_hits > 0);
	CHECK(seen.write_protects > 0);
	CHECK(seen.unshadows > 0);
	for (unsigned o = PF_GUEST_FAULT; o <= PF_TABLE_WRITE; o++)
		if (!seen_faults[o])
			CHECK_STR(pf_outcome_name(o), "an outcome the runs met");
	memset(&seen, 0, sizeof(seen));
	memset(seen_faults, 0, sizeof(seen_faults));
}

static void smallest_budget(void)
{
	run(SHADOW_MIN_PAGES, 21);
	run(SHADOW_MIN_PAGES, 22);
	check_coverage();
}

static void small_budget(void)
{
	run(24, 3);
	run(24, 4);
	check_coverage();
}

static void default_budget(void)
{
	run(0, 5);
	run(0, 6);
	check_coverage();
}

int main(void)
{
	UNIT_CASE(smallest_budget);
	UNIT_CASE(small_budget);
	UNIT_CASE(default_budget);
	return unit_finish();
}
