/*
 * main.c - Warden's start-up, in the order it must happen.
 *
 * boot.S arrives here with paging on (the boot page tables), on Warden's
 * stack, with the boot loader's magic and information pointer.  Each step
 * below needs the ones before it:
 *
 *   serial port      so that everything after can say what it does
 *   GDT, TSS, IDT    so that a fault is a panic report, not a reset
 *   PIC              every interrupt masked until its handler exists
 *   CPU check        NX is needed by Warden's own page tables
 *   boot information copied out of the loader's memory, checked
 *   memory           frame allocator, then Warden's own address space
 *   time             calibrated TSC clock, periodic tick
 *   FPU              lazily switched between domains
 *   modules          each checked, and built into a domain
 *   schedule         run the domains, one after another
 */
#include <stdint.h>

#include "arch/x86_32/cpu_features.h"
#include "arch/x86_32/cpu_tables.h"
#include "arch/x86_32/exit_status.h"
#include "arch/x86_32/memlayout.h"
#include "arch/x86_32/pic.h"
#include "arch/x86_32/serial.h"
#include "arch/x86_32/x86.h"
#include "boot/boot_memory.h"
#include "boot/cpu_report.h"
#include "boot/multiboot.h"
#include "boot/selftest.h"
#include "core/console.h"
#include "core/console_input.h"
#include "core/module_check.h"
#include "core/monitor.h"
#include "core/watch_event.h"
#include "core/domain_build.h"
#include "core/fpu.h"
#include "core/power_off.h"
#include "core/schedule.h"
#include "core/time.h"
#include "mm/directmap.h"
#include "mm/frame_report.h"
#include "mm/switcher_map.h"

#define WARDEN_VERSION "0.1"
#define TICKS_TO_WATCH 3

void warden_main(uint32_t magic, uint32_t mbi_pa);

static struct boot_info boot_info;

static void check_cpu(void)
{
	const char *missing = cpu_missing_feature();

	if (missing) {
		printk("warden: this CPU lacks %s; under QEMU use -cpu qemu32,+nx\n",
		       missing);
		power_off(EXIT_BAD_CPU, "unsupported CPU");
	}
}

/* The boot page tables map the first GiB at DIRECTMAP_BASE. */
static uint8_t *boot_phys(uint32_t pa)
{
	return (uint8_t *)(DIRECTMAP_BASE + pa);
}

static void parse_boot_info(uint32_t magic, uint32_t mbi_pa)
{
	struct phys_view memory = { boot_phys(0), DIRECTMAP_SIZE };
	const char *why = multiboot_parse(&memory, magic, mbi_pa,
					  boot_image_range(), &boot_info);

	if (why) {
		printk("warden: cannot use the boot information: %s\n", why);
		power_off(EXIT_BAD_BOOT, "bad boot information");
	}
}

static void read_boot_info(uint32_t magic, uint32_t mbi_pa)
{
	parse_boot_info(magic, mbi_pa);
	if (selftest_overlap_modules(boot_info.cmdline, boot_phys(mbi_pa),
				     boot_phys))
		parse_boot_info(magic, mbi_pa);
	printk("boot: loader \"%s\", command line \"%s\"\n",
	       boot_info.loader, boot_info.cmdline);
	if (boot_info.ranges_ignored)
		printk("boot: %u memory-map entries ignored (at most %u of each kind)\n",
		       boot_info.ranges_ignored, BOOT_MAX_RANGES);
}

/* Let the tick run a few times, to show the two clocks agree. */
static void show_time(void)
{
	uint64_t start_ns, start_tick = time_ticks();

	while (time_ticks() == start_tick)
		sti_hlt_cli();
	start_ns = time_now_ns();
	start_tick = time_ticks();
	while (time_ticks() < start_tick + TICKS_TO_WATCH)
		sti_hlt_cli();
	printk("time: TSC %u kHz, tick %u Hz, %u ticks took %llu us\n",
	       time_tsc_khz(), TICK_HZ, TICKS_TO_WATCH,
	       (time_now_ns() - start_ns) / 1000);
}

/* Every module that passes its checks becomes a domain. */
static void build_domains(void)
{
	unsigned accepted = 0;

	schedule_note_free_frames();
	for (unsigned i = 0; i < boot_info.nmodules; i++) {
		const struct boot_module *m = &boot_info.modules[i];

		if (!module_check(i, m->cmdline, m->start, m->end, m->problem))
			continue;
		accepted++;
		domain_build(i, m->cmdline, directmap(m->start), m->end - m->start);
	}
	if (boot_info.modules_ignored)
		printk("modules: %u more ignored (at most %u)\n",
		       boot_info.modules_ignored, BOOT_MAX_MODULES);
	if (boot_info.nmodules == 0)
		printk("modules: none given (each multiboot module is meant to become a domain)\n");
	printk("modules: %u accepted, %u rejected\n", accepted,
	       boot_info.nmodules - accepted + boot_info.modules_ignored);
}

void warden_main(uint32_t magic, uint32_t mbi_pa)
{
	serial_init();
	cpu_tables_init();
	pic_init();
	printk("\nWarden " WARDEN_VERSION ": a paravirtual hypervisor for 32-bit x86\n");
	check_cpu();
	read_boot_info(magic, mbi_pa);
	boot_memory_init(&boot_info);
	cpu_report();
	frame_report();
	time_init();
	show_time();
	fpu_init();
	switcher_map_init();
	watch_event_configure(boot_info.cmdline);
	build_domains();
	monitor_hold_guests();
	console_input_init();
	selftest_run(boot_info.cmdline);
	schedule();
}
