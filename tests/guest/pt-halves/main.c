/*
 * pt-halves: a 64-bit entry written as two 32-bit halves, as 32-bit code
 * does (Linux: high half first to make an entry present, low half first to
 * clear it).
 *
 * Shows: each half-write reaches our table at once; between the halves the
 * entry means what its merged value means (not present, or present without
 * NX); a merged value that is invalid (a frame past our memory, a reserved
 * bit) is accepted for a moment and the entry is good again once the other
 * half follows; after the second half the address behaves as the whole
 * entry says (NX faults a fetch).
 * Cannot show: touching an address while its entry is invalid (that
 * crashes the domain: contain-split-pte).
 */
#include "guest/lib/console.h"
#include "guest/lib/probe.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"

#define LOW	0
#define HIGH	1
#define NX_HIGH	((uint32_t)(PTE_NX >> 32))

static uint8_t win[PAGE_SIZE] PAGE_ALIGNED;
static uint8_t other[PAGE_SIZE] PAGE_ALIGNED = { 0xc3 };	/* ret */

#define WIN	((uint32_t)(uintptr_t)win)

static void write_half(volatile pte_t *e, unsigned half, uint32_t val, uint32_t exec)
{
	pte_write_half(e, half, val);
	test_eq("the half written", ((volatile uint32_t *)e)[half], val);
	expect_fault("exec after a half write", PROBE_EXEC, WIN, exec);
}

void test_main(void)
{
	volatile pte_t *e = pt_l1e(WIN);
	pte_t own = *e;
	uint32_t low = (uint32_t)pte_make(virt_to_pfn(other), PTE_P | PTE_RW);
	uint32_t pf_nx = EXINFO_PF(PF_P | PF_ID), pf_np = EXINFO_PF(PF_ID);

	pte_write_whole(e, 0);
	printk("present, high half first\n");
	write_half(e, HIGH, NX_HIGH, pf_np);
	write_half(e, LOW, low, pf_nx);
	printk("cleared, low half first\n");
	write_half(e, LOW, 0, pf_np);
	write_half(e, HIGH, 0, pf_np);
	printk("present, low half first\n");
	write_half(e, LOW, low, 0);
	write_half(e, HIGH, NX_HIGH, pf_nx);
	printk("an invalid frame between the halves\n");
	pte_write_half(e, HIGH, 1);		/* frame + 2^20: not ours */
	write_half(e, HIGH, 0, 0);
	printk("a reserved bit between the halves\n");
	pte_write_half(e, HIGH, 1u << 20);	/* bit 52 */
	write_half(e, HIGH, 0, 0);
	pte_write_whole(e, own);
}
