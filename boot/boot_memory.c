/*
 * boot_memory.c - memory, in three steps.
 *
 * 1. Everything that is already in use is "busy": Warden's image, the
 *    loader's information (which we copied, but the issue of not handing
 *    it out is cheap to honour), every module, and firmware ranges.
 * 2. The frame allocator is built from RAM minus busy, and busy frames get
 *    their types, so the counters say where memory went.
 * 3. With frames to build page tables from, Warden moves into its own
 *    address space and leaves the boot page tables behind.
 */
#include "boot/boot_memory.h"
#include "arch/x86_32/cpu_tables.h"
#include "arch/x86_32/cpu_features.h"
#include "arch/x86_32/memlayout.h"
#include "core/console.h"
#include "core/panic.h"
#include "mm/frame.h"
#include "mm/frame_setup.h"
#include "mm/warden_space.h"

#define MAX_BUSY (1 + BOOT_MAX_BOOTDATA + BOOT_MAX_MODULES + BOOT_MAX_RANGES)
#define LOW_MEMORY_FRAMES 256	/* the first MiB */

extern char _warden_end[];	/* warden.ld */

struct mem_range boot_image_range(void)
{
	uint32_t end = (uint32_t)_warden_end - WARDEN_BASE + WARDEN_LOAD_PA;

	return (struct mem_range){ BOOT_LOAD_PA, end };
}

static unsigned collect_busy(const struct boot_info *bi, struct mem_range *busy)
{
	unsigned n = 0;

	busy[n++] = boot_image_range();
	for (unsigned i = 0; i < bi->nbootdata; i++)
		busy[n++] = bi->bootdata[i];
	for (unsigned i = 0; i < bi->nmodules; i++)
		busy[n++] = (struct mem_range){ bi->modules[i].start,
						bi->modules[i].end };
	for (unsigned i = 0; i < bi->nfirmware; i++)
		busy[n++] = bi->firmware[i];
	return n;
}

static void claim(struct mem_range r, enum frame_type type, uint16_t owner)
{
	uint64_t first = r.start >> 12, end = (r.end + 4095) >> 12;

	if (r.end > r.start && first < frame_total())
		frame_claim((uint32_t)first, (uint32_t)(end - first), type, owner);
}

/* Give busy frames their types: image, boot data, modules, low memory. */
static void claim_busy(const struct boot_info *bi)
{
	claim(boot_image_range(), FRAME_WARDEN, OWNER_WARDEN);
	for (unsigned i = 0; i < bi->nbootdata; i++)
		claim(bi->bootdata[i], FRAME_BOOTINFO, OWNER_WARDEN);
	for (unsigned i = 0; i < bi->nmodules; i++)
		if (!bi->modules[i].problem)
			claim((struct mem_range){ bi->modules[i].start,
						  bi->modules[i].end },
			      FRAME_MODULE, OWNER_WARDEN);
	frame_claim(0, LOW_MEMORY_FRAMES, FRAME_RESERVED, OWNER_NONE);
}

static uint64_t ram_top(const struct boot_info *bi)
{
	uint64_t top = 0;

	for (unsigned i = 0; i < bi->nram; i++)
		if (bi->ram[i].end > top)
			top = bi->ram[i].end;
	return top;
}

/* RAM Warden leaves alone: it manages machine memory below 4 GiB. */
static void report_unused_ram(const struct boot_info *bi)
{
	uint64_t unused = 0;

	for (unsigned i = 0; i < bi->nram; i++)
		if (bi->ram[i].end > FRAME_SETUP_MAX_ADDR)
			unused += bi->ram[i].end - (bi->ram[i].start > FRAME_SETUP_MAX_ADDR ?
						    bi->ram[i].start : FRAME_SETUP_MAX_ADDR);
	if (unused)
		printk("memory: %llu MiB of RAM above 4 GiB is not used\n",
		       unused >> 20);
}

void boot_memory_init(const struct boot_info *bi)
{
	static struct mem_range busy[MAX_BUSY];
	unsigned nbusy = collect_busy(bi, busy);
	const char *why = frame_setup(bi->ram, bi->nram, busy, nbusy);

	if (why)
		panic("cannot set up the frame allocator: %s", why);
	claim_busy(bi);
	report_unused_ram(bi);
	cpu_enable_nx();
	cpu_tables_set_cr3(warden_space_init(ram_top(bi)));
}
