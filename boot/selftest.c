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

static void selftest_panic(void)
{
	panic("selftest: a deliberate panic");
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
};

#define NSELFTESTS (sizeof(selftests) / sizeof(selftests[0]))

void selftest_run(const char *cmdline)
{
	char name[32];

	if (!cmdline_get(cmdline, "selftest", name, sizeof(name)))
		return;
	for (unsigned i = 0; i < NSELFTESTS; i++) {
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
