/*
 * selftest.c - deliberate faults in Warden, for the boot tests.
 *
 * These exist so that a test can show that Warden's last line of defence
 * works: an exception inside Warden gives a full report and the panic exit
 * status, not a triple fault or a hang.  Each is one small function, so
 * the backtrace it produces can be checked against the symbol table.
 */
#include <stdint.h>

#include "boot/selftest.h"
#include "core/console.h"
#include "core/panic.h"
#include "lib/cmdline.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/mapslot.h"

/* Offsets in the multiboot v1 information structure. */
#define MBI_MODS_COUNT		20
#define MBI_MODS_ADDR		24
#define MODULE_ENTRY_SIZE	16

/* A write to the unmapped page at 0: a page fault in Warden.  The
 * address goes through a volatile so the compiler cannot see it is NULL. */
static __attribute__((noinline)) void selftest_pagefault(void)
{
	static volatile uintptr_t address = 0x10;

	*(volatile uint32_t *)address = 0xdead;
}

static __attribute__((noinline)) void selftest_invalid_opcode(void)
{
	__asm__ volatile("ud2");
}

/* Unbounded recursion runs into the guard page below the stack; the page
 * fault cannot be delivered on that stack, so the CPU raises a double
 * fault, which runs as a task on a stack of its own. */
static __attribute__((noinline)) unsigned selftest_recurse(volatile unsigned depth)
{
	volatile char pad[256];

	pad[0] = (char)depth;
	if (depth == 0xffffffffu)	/* never: 16 KiB of stack ends far sooner */
		return 0;
	return selftest_recurse(depth + 1) + pad[0];
}

static void selftest_stack_overflow(void)
{
	selftest_recurse(0);
}

/* The highest free frame: above the direct map when RAM exceeds 1 GiB. */
static uint32_t highest_free_frame(void)
{
	for (uint32_t mfn = frame_total(); mfn-- > 0;)
		if (frame_get(mfn)->type == FRAME_FREE)
			return mfn;
	return FRAME_NONE;
}

/*
 * Map one frame through two map slots at once, write through one and read
 * through the other, unmap both; then touch the stale address, which must
 * fault now that its translation is gone.
 */
static void selftest_mapslot(void)
{
	uint32_t mfn = highest_free_frame();
	volatile uint32_t *a, *b;

	frame_claim(mfn, 1, FRAME_WARDEN, OWNER_WARDEN);
	a = frame_map(mfn);
	b = frame_map(mfn);
	a[0] = 0x57415244;
	printk("mapslot: frame 0x%x at %p and %p, %s, %u slots in use\n", mfn,
	       (void *)a, (void *)b, b[0] == 0x57415244 ? "same contents" :
	       "DIFFERENT contents", mapslot_in_use());
	frame_unmap((void *)b);
	frame_unmap((void *)a);
	printk("mapslot: %u slots in use; touching %p after unmapping it\n",
	       mapslot_in_use(), (void *)a);
	a[0] = 0;
}

static void selftest_panic(void)
{
	panic("selftest: a deliberate panic");
}

/*
 * Loaders never give overlapping modules, so a test cannot get them from
 * QEMU or GRUB.  This rewrites the loader's own module list in memory the
 * way a broken loader would: module 1 starts where module 0 starts.
 */
bool selftest_overlap_modules(const char *cmdline, uint8_t *mbi,
			      uint8_t *(*phys)(uint32_t pa))
{
	char name[32];
	uint32_t mods_count, mods_addr;
	uint8_t *mods;

	if (!cmdline_get(cmdline, "selftest", name, sizeof(name)) ||
	    strcmp(name, "overlap-modules") != 0)
		return false;
	memcpy(&mods_count, mbi + MBI_MODS_COUNT, 4);
	memcpy(&mods_addr, mbi + MBI_MODS_ADDR, 4);
	if (mods_count < 2) {
		printk("selftest: overlap-modules needs two modules\n");
		return false;
	}
	printk("selftest: making module 1 start where module 0 starts\n");
	mods = phys(mods_addr);
	memcpy(mods + MODULE_ENTRY_SIZE, mods, 4);	/* mod_start */
	return true;
}

struct selftest {
	const char *name;
	void (*run)(void);
};

static const struct selftest selftests[] = {
	{ "pagefault", selftest_pagefault },
	{ "invalid-opcode", selftest_invalid_opcode },
	{ "stack-overflow", selftest_stack_overflow },
	{ "panic", selftest_panic },
	{ "mapslot", selftest_mapslot },
	{ "overlap-modules", 0 },	/* runs before parsing: see above */
};

#define NSELFTESTS (sizeof(selftests) / sizeof(selftests[0]))

void selftest_run(const char *cmdline)
{
	char name[32];

	if (!cmdline_get(cmdline, "selftest", name, sizeof(name)))
		return;
	for (unsigned i = 0; i < NSELFTESTS; i++) {
		if (strcmp(name, selftests[i].name) == 0 && !selftests[i].run)
			return;
		if (strcmp(name, selftests[i].name) == 0) {
			printk("selftest: %s\n", name);
			selftests[i].run();
			printk("selftest: %s returned, which it should not\n", name);
			return;
		}
	}
	printk("selftest: unknown selftest \"%s\"; known:", name);
	for (unsigned i = 0; i < NSELFTESTS; i++)
		printk(" %s", selftests[i].name);
	printk("\n");
}
