/*
 * gdt: a GDT of our own (set_gdt) and changing it (update_descriptor).
 *
 * Shows: set_gdt installs a page of descriptors, fixed as Xen fixes them
 * (DPL 0 becomes 1, the accessed bit set); a data segment in it loads into
 * %fs and reads at its base; the page is then read-only to us (a write is
 * our own #PF); update_descriptor changes an entry, with the same fix, and
 * refuses a system descriptor, a misaligned address, and frames that are
 * not ours or are page tables (-EINVAL).  set_gdt refuses the same frames,
 * a system descriptor in the page and too many entries (-EINVAL), and an
 * unreadable frame list (-EFAULT), leaving the old GDT in place.
 * Cannot show: limits (QEMU does not enforce segment limits).
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/probe.h"
#include "guest/lib/pt.h"
#include "guest/lib/test.h"
#include "guest/lib/x86.h"
#include "include/public/errno.h"

#define DATA_RW		0x92	/* access byte: present, code/data, data RW */
#define TSS_32		0x89	/* access byte: present, system, 32-bit TSS */
#define DESC_A		(1ull << 40)
#define DPL(d)		((unsigned)((d) >> 45) & 3)
#define SEL(i)		((uint16_t)((i) << 3 | 1))	/* GDT entry i, RPL 1 */

static uint64_t gdt[512] PAGE_ALIGNED;
static uint64_t bad_gdt[512] PAGE_ALIGNED;
static const uint32_t data[2][2] = { { 0xdada0001, 0xdada0002 }, { 0xbeef0001, 0 } };

/* A 32-bit byte-granular descriptor with this base, limit and access byte. */
static uint64_t desc(const void *base, uint32_t limit, unsigned access)
{
	uint32_t b = (uint32_t)(uintptr_t)base;

	return (limit & 0xffff) | (uint64_t)(b & 0xffffff) << 16 |
	       (uint64_t)access << 40 | (uint64_t)(limit >> 16 & 0xf) << 48 |
	       1ull << 54 | (uint64_t)(b >> 24) << 56;
}

static long update(const volatile void *entry, uint64_t d)
{
	return hc_update_descriptor(virt_to_maddr(entry), d);
}

static void set_gdt_refusals(void)
{
	uint32_t frames[1] = { virt_to_pfn(bad_gdt) };

	bad_gdt[1] = desc(0, 0x67, TSS_32);
	test_eq("set_gdt, a system descriptor", hc_set_gdt(frames, 16), -XEN_EINVAL);
	frames[0] = start_info->nr_pages + 1;
	test_eq("set_gdt, a frame past our memory", hc_set_gdt(frames, 16), -XEN_EINVAL);
	frames[0] = virt_to_pfn((void *)(uintptr_t)start_info->pt_base);
	test_eq("set_gdt, a page table", hc_set_gdt(frames, 16), -XEN_EINVAL);
	test_eq("set_gdt, too many entries", hc_set_gdt(frames, 14 * 512 + 1), -XEN_EINVAL);
	test_eq("set_gdt, unreadable list", hc_set_gdt((void *)0x1000, 16), -XEN_EFAULT);
}

void test_main(void)
{
	uint32_t frames[1] = { virt_to_pfn(gdt) };

	gdt[1] = desc(data[0], 0xfff, DATA_RW);		/* DPL 0 */
	test_eq("set_gdt", hc_set_gdt(frames, 16), 0);
	test_eq("DPL 0 made 1", DPL(gdt[1]), 1);
	test_eq("accessed bit set", !!(gdt[1] & DESC_A), 1);
	write_fs(SEL(1));
	test_eq("fs:0", read_fs_word(0), data[0][0]);
	test_eq("fs:4", read_fs_word(4), data[0][1]);
	expect_fault("the GDT page", PROBE_WRITE, (uint32_t)(uintptr_t)&gdt[5],
		     EXINFO_PF(PF_P | PF_W));

	test_eq("update_descriptor", update(&gdt[2], desc(data[1], 0xfff, DATA_RW)), 0);
	test_eq("DPL 0 made 1", DPL(gdt[2]), 1);
	write_fs(SEL(2));
	test_eq("fs:0 through the new entry", read_fs_word(0), data[1][0]);
	test_eq("a system descriptor", update(&gdt[3], desc(0, 0x67, TSS_32)), -XEN_EINVAL);
	test_eq("left unchanged", gdt[3] == 0, 1);
	test_eq("misaligned", update((uint8_t *)&gdt[3] + 4, 0), -XEN_EINVAL);
	test_eq("a page table",
		update((void *)(uintptr_t)start_info->pt_base, desc(data[1], 0xfff, DATA_RW)),
		-XEN_EINVAL);
	test_eq("a frame past our memory",
		hc_update_descriptor((uint64_t)(start_info->nr_pages + 1) << PAGE_SHIFT, 0),
		-XEN_EINVAL);

	set_gdt_refusals();
	write_fs(SEL(1));
	test_eq("the old GDT still works", read_fs_word(0), data[0][0]);
	write_fs(0);
}
