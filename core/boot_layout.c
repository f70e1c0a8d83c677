/*
 * boot_layout.c - the bootstrap layout of a Xen PV domain.
 *
 * Xen's public/xen.h, at struct start_info, promises a new domain this:
 * the virtual region starting at virt_base holds, in order and each
 * page-aligned, the kernel image, the list of its page frames, the
 * start_info page, the bootstrap page tables, and the boot stack; the
 * region is mapped, ends on a 4 MiB boundary, and has at least 512 KiB of
 * room after the last piece.  The page tables map the region itself, so
 * how many there are depends on where the region ends, which depends on
 * how many there are: the loop below runs until the two agree (it takes
 * at most a couple of rounds).
 */
#include "core/boot_layout.h"

#define PAGE		4096u
#define MIB		0x100000u
#define REGION_ALIGN	(4 * MIB)
#define SLACK		(512 * 1024u)
#define L1_SPAN		(2 * MIB)	/* one L1 table maps 2 MiB */
#define L2_SPAN		0x40000000u	/* one L2 table maps 1 GiB */

static uint64_t round_up(uint64_t x, uint64_t a)
{
	return (x + a - 1) / a * a;
}

/* Tables to map [base, end): L1s per 2 MiB, L2s per 1 GiB touched. */
static void count_tables(uint32_t base, uint64_t end, struct boot_layout *l)
{
	l->l1_frames = (uint32_t)((round_up(end, L1_SPAN) - base / L1_SPAN * L1_SPAN) / L1_SPAN);
	l->l2_frames = (uint32_t)((round_up(end, L2_SPAN) - base / L2_SPAN * (uint64_t)L2_SPAN) / L2_SPAN);
}

/* Place every piece after the kernel, given the table counts; returns the
 * region's end. */
static uint64_t place(struct boot_layout *l, uint32_t nr_pages)
{
	uint64_t at = l->kernel_end;

	l->mfn_list = (uint32_t)at;
	at += round_up((uint64_t)nr_pages * 4, PAGE);
	l->start_info = (uint32_t)at;
	at += PAGE;
	l->pt_base = (uint32_t)at;
	at += (uint64_t)(1 + l->l2_frames + l->l1_frames) * PAGE;
	at += PAGE;
	l->stack_top = (uint32_t)at;
	return round_up(at + SLACK, REGION_ALIGN);
}

const char *boot_layout_compute(uint32_t virt_base, uint32_t kernel_end,
				uint32_t nr_pages, uint32_t limit,
				struct boot_layout *l)
{
	uint64_t mem_end = virt_base + (uint64_t)nr_pages * PAGE;
	uint64_t end = 0, last;

	if (virt_base % PAGE || kernel_end < virt_base)
		return "the kernel lies below its virtual base";
	l->virt_base = virt_base;
	l->kernel_end = (uint32_t)round_up(kernel_end, PAGE);
	l->l1_frames = l->l2_frames = 0;
	do {
		last = end;
		end = place(l, nr_pages);
		if (end > limit || end > mem_end)
			return end > limit ? "the bootstrap region reaches Warden's area"
					   : "the domain's memory is too small for its bootstrap region";
		count_tables(virt_base, end, l);
	} while (end != last);
	l->region_end = (uint32_t)end;
	return 0;
}
