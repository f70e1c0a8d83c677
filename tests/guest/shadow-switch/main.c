/*
 * shadow-switch: two address spaces, switched between again and again.
 *
 * Shows: space A (our bootstrap tables) and space B (a copy of them in
 * which WIN maps another frame) each read their own frame at WIN on every
 * one of ROUNDS round trips by MMUEXT_NEW_BASEPTR; and a change to a table
 * both spaces use (the bootstrap L1 of our second 2 MiB), made while in A
 * after both had used it, is seen at once in B.  The console lines, which
 * test.conf checks: Warden's root cache missed only B's first load and hit
 * every other switch, and the shadow fills stayed far fewer than a refill
 * of the working set at every switch would need.
 * Cannot show: from inside, whether a switch refilled anything (only the
 * counters can).
 */
#include "guest/lib/console.h"
#include "tests/guest/shadow-lib/shadow_lib.h"

#define ROUNDS	50
#define SHARED	(VIRT_BASE + TWO_MIB + 0x1fe000)	/* in the second 2 MiB */

static pte_t l3[512] PAGE_ALIGNED, l2[512] PAGE_ALIGNED, l1[512] PAGE_ALIGNED;
static uint32_t win[PAGE_SIZE / 4] PAGE_ALIGNED = { 1 };
static uint32_t other[PAGE_SIZE / 4] PAGE_ALIGNED = { 2 };
static uint32_t third[PAGE_SIZE / 4] PAGE_ALIGNED = { 3 };

#define WIN	((uint32_t)(uintptr_t)win)

/* Copy n entries of a table of ours, pointing entry i at frame pfn. */
static void copy_table(pte_t *to, const volatile pte_t *from, unsigned n,
		       unsigned i, uint32_t pfn)
{
	for (unsigned j = 0; j < n; j++)
		to[j] = from[j];
	to[i] = pte_make(pfn, from[i] & ~PTE_ADDR_MASK);
}

/* Space B: our tables, but WIN maps `other`. */
static void make_space_b(void)
{
	const volatile pte_t *a_l1 = pfn_to_virt(pte_pfn(top_l2()[0]));

	copy_table(l1, a_l1, 512, (WIN >> 12) & 511, virt_to_pfn(other));
	copy_table(l2, top_l2(), 512, 0, virt_to_pfn(l1));
	copy_table(l3, pt_top(), 4, 3, virt_to_pfn(l2));
}

static void switch_to(const volatile pte_t *top)
{
	test_eq("new base pointer", pt_new_baseptr((const void *)top), 0);
}

void test_main(void)
{
	const volatile pte_t *a = pt_top();
	volatile uint32_t *shared = (volatile uint32_t *)SHARED;

	make_space_b();
	for (unsigned round = 0; round < ROUNDS; round++) {
		switch_to(l3);
		test_eq("B reads its own frame", win[0], 2);
		switch_to(a);
		test_eq("A reads its own frame", win[0], 1);
	}
	printk("%u round trips\n", ROUNDS);
	switch_to(l3);
	(void)shared[0];
	switch_to(a);
	(void)shared[0];
	set_entry(pte_pfn(top_l2()[1]), (SHARED >> 12) & 511,
		  pte_make(virt_to_pfn(third), RW));
	switch_to(l3);
	test_eq("B sees A's change to a shared table", shared[0], 3);
	switch_to(a);
}
