/*
 * start.c - how a kernel begins and ends on a bare CPU (the native
 * counterpart of backend_pv.c's guest_start and shutdown).
 *
 * boot.S gets us here in ring 0, on the boot page tables, with the loader's
 * multiboot magic and information.  We set up in order what Warden would
 * have provided: a console, page tables with the rights the image asks
 * for, descriptor tables, the exception gates (trap_init, shared with the
 * PV build) and a timer; then the kernel runs (test_run).  The command
 * line is copied first, while the boot tables still map the low memory the
 * loader left it in.
 *
 * The end is QEMU's isa-debug-exit device at port 0xf4: QEMU exits with
 * (status << 1) | 1.  The two statuses are the ones Warden itself ends a
 * run with, so a test gets the same exit status whether the kernel ran on
 * Warden or natively: 0x10 (33) after a pass, 0x14 (41) after a failure.
 */
#include <stdint.h>

#include "guest/lib/backend.h"
#include "guest/lib/console.h"
#include "guest/lib/native/cpu.h"
#include "guest/lib/native/init.h"
#include "guest/lib/test.h"
#include "include/public/sched.h"

#define MULTIBOOT_BOOTLOADER_MAGIC	0x2BADB002
#define MULTIBOOT_INFO_CMDLINE		(1u << 2)
#define BOOT_MAP_SIZE			0x800000u	/* boot.S */

#define DEBUG_EXIT_PORT		0xf4
#define EXIT_PASS		0x10
#define EXIT_FAIL		0x14

void native_start(uint32_t magic, uint32_t info_pa);	/* boot.S */

struct multiboot_info {		/* the start of it: what we read */
	uint32_t flags;
	uint32_t mem_lower, mem_upper;
	uint32_t boot_device;
	uint32_t cmdline;	/* physical address, if MULTIBOOT_INFO_CMDLINE */
};

static char cmdline[256];

/* A physical address the boot tables map, as a pointer; NULL if not. */
static const char *boot_mapped(uint32_t pa, uint32_t size)
{
	if (pa >= BOOT_MAP_SIZE || size > BOOT_MAP_SIZE - pa)
		return 0;
	return (const char *)(uintptr_t)(VIRT_BASE + pa);
}

/* Copy the command line; one that is not there or not mapped stays "". */
static void save_cmdline(uint32_t info_pa)
{
	const struct multiboot_info *info = (const void *)boot_mapped(info_pa, sizeof(*info));
	const char *line;
	unsigned i;

	if (!info || !(info->flags & MULTIBOOT_INFO_CMDLINE))
		return;
	line = boot_mapped(info->cmdline, sizeof(cmdline));
	for (i = 0; line && i < sizeof(cmdline) - 1 && line[i]; i++)
		cmdline[i] = line[i];
	cmdline[i] = '\0';
}

void native_start(uint32_t magic, uint32_t info_pa)
{
	serial_init();
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC) {
		printk("native: not started by a multiboot loader (magic 0x%x)\n", magic);
		backend_shutdown(SHUTDOWN_crash);
	}
	save_cmdline(info_pa);
	paging_init();
	descriptors_init();
	trap_init();
	timer_init();
	test_run();
}

const char *backend_cmdline(void)
{
	return cmdline;
}

_Noreturn void backend_shutdown(unsigned reason)
{
	outb(DEBUG_EXIT_PORT, reason == SHUTDOWN_poweroff ? EXIT_PASS : EXIT_FAIL);
	halt_forever();		/* no exit device: stop here */
}
