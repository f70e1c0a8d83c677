/*
 * shadow-evict: far more shadow tables than Warden may keep.
 *
 * Runs with shadow_pages=4, which Warden raises to its minimum (17
 * frames).  SPACES address spaces share three L2 tables for the lower
 * three GiBs, each with REGIONS L1 tables mapping one page of `data`: the
 * working set is SPACES roots and 3 * REGIONS L1 tables, several times
 * what fits.  Shows: in every space, each region's page reads back what
 * was last written to it through any space, round after round, and the
 * frames agree when read through our own image -- nothing is lost or
 * mixed up while Warden evicts tables and roots to stay within budget.
 * test.conf checks the console: tables were evicted and no more than the
 * budget was ever in use.
 * Cannot show: which tables were evicted when (only how many).
 */
#include "guest/lib/console.h"
#include "tests/guest/shadow-lib/shadow_lib.h"

#define SPACES	10
#define GIBS	3
#define REGIONS	8			/* per GiB */
#define ROUNDS	3

static pte_t l3s[SPACES][512] PAGE_ALIGNED;
static pte_t l2s[GIBS][512] PAGE_ALIGNED;
static pte_t l1s[GIBS * REGIONS][512] PAGE_ALIGNED;
static uint32_t data[GIBS * REGIONS][PAGE_SIZE / 4] PAGE_ALIGNED;

static volatile uint32_t *region(unsigned r)
{
	return (volatile uint32_t *)(uintptr_t)((r / REGIONS) << 30 |
						(r % REGIONS) * TWO_MIB);
}

/* Plain writes: none of these is a page table yet. */
static void build_spaces(void)
{
	for (unsigned r = 0; r < GIBS * REGIONS; r++) {
		l1s[r][0] = pte_make(virt_to_pfn(data[r]), RW);
		l2s[r / REGIONS][r % REGIONS] = pte_make(virt_to_pfn(l1s[r]), RW);
	}
	for (unsigned s = 0; s < SPACES; s++) {
		for (unsigned g = 0; g < GIBS; g++)
			l3s[s][g] = pte_make(virt_to_pfn(l2s[g]), PTE_P);
		l3s[s][3] = pt_top()[3];
	}
}

static uint32_t value(unsigned round, unsigned s, unsigned r)
{
	return round << 16 | s << 8 | r;
}

static void round_in(unsigned round, unsigned s)
{
	test_eq("new base pointer", pt_new_baseptr(l3s[s]), 0);
	for (unsigned r = 0; r < GIBS * REGIONS; r++)
		*region(r) = value(round, s, r);
	for (unsigned r = 0; r < GIBS * REGIONS; r++)
		if (!test_eq("a region reads back", *region(r), value(round, s, r)))
			return;
}

void test_main(void)
{
	const void *own = (const void *)(uintptr_t)start_info->pt_base;

	build_spaces();
	for (unsigned round = 0; round < ROUNDS; round++)
		for (unsigned s = 0; s < SPACES; s++)
			round_in(round, s);
	test_eq("back to our own tables", pt_new_baseptr(own), 0);
	for (unsigned r = 0; r < GIBS * REGIONS; r++)
		test_eq("the frame, through our image", data[r][0],
			value(ROUNDS - 1, SPACES - 1, r));
	printk("%u rounds in %u spaces of %u regions\n", ROUNDS, SPACES,
	       GIBS * REGIONS);
}
