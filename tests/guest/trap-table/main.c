/*
 * trap-table: set_trap_table, our virtual IDT, and the `int n` it governs.
 *
 * Shows: a handler registered with DPL 1 is reached by `int n` from ring 1
 * (with EIP past the instruction), but not from ring 3 (#GP, error code
 * n << 3 | 2); DPL 3 lets ring 3 in; DPL 0 keeps both out; int3 reaches its
 * handler; the handler's address is the one registered, and its CS with
 * RPL 0 is made RPL 1; entries after the first are read until the zero
 * terminator; an unreadable table is -EFAULT.
 * Cannot show: that a NULL table clears every handler (the next exception
 * would crash the domain, see contain-bad-selector).
 */
#include "guest/lib/hypercall.h"
#include "guest/lib/probe.h"
#include "guest/lib/test.h"
#include "guest/lib/user.h"
#include "guest/lib/x86.h"
#include "include/public/errno.h"

#define GP_INT(n)	EXINFO_GP((n) << 3 | 2)

static unsigned hits[256];
static uint32_t last_eip, handler_cs;

static void count(struct cpu_regs *regs)
{
	hits[regs->vector]++;
	last_eip = regs->eip;
	handler_cs = read_cs();
}

/* `int $n` under the exception table, in code ring 3 may run. */
#define INT_PROBE(n)							\
static __user_text uint32_t int_##n(uint32_t unused)			\
{									\
	uint32_t exinfo = 0;						\
	(void)unused;							\
	__asm__ volatile("1: int $" #n "\n2:\n" EXTABLE(1b, 2b)	\
			 : "+a"(exinfo) : : "memory");			\
	return exinfo;							\
}
INT_PROBE(0x40)
INT_PROBE(0x41)
INT_PROBE(0x42)
INT_PROBE(0x43)
INT_PROBE(3)

static void expect_int(const char *what, user_fn fn, bool ring3, unsigned vector,
		       uint32_t exinfo)
{
	unsigned before = hits[vector];
	uint32_t got = ring3 ? user_exec(fn, 0) : fn(0);

	test_eq(what, got, exinfo);
	test_eq(what, hits[vector] - before, exinfo ? 0 : 1);
}

void test_main(void)
{
	const struct trap_info table[] = {
		{ 0x40, 1, FLAT_RING1_CS, trap_stubs[0x40] },
		{ 0x41, 0, FLAT_RING1_CS, trap_stubs[0x41] },
		{ 0x42, 3, FLAT_RING1_CS & ~3, trap_stubs[0x42] },
		{ 0x43, 1, FLAT_RING1_CS, trap_stubs[0x44] },	/* 0x44's stub */
		{ 0, 0, 0, 0 },
	};

	for (unsigned v = 0x40; v <= 0x44; v++)
		trap_set_hook(v, count);
	trap_set_hook(X86_EXC_BP, count);
	test_eq("set_trap_table", hc_set_trap_table(table), 0);
	test_eq("unmapped table", hc_set_trap_table((void *)0x1000), -XEN_EFAULT);

	expect_int("int $0x40 (DPL 1) from ring 1", int_0x40, false, 0x40, 0);
	expect_int("int $0x40 (DPL 1) from ring 3", int_0x40, true, 0x40, GP_INT(0x40));
	expect_int("int $0x41 (DPL 0) from ring 1", int_0x41, false, 0x41, GP_INT(0x41));
	expect_int("int $0x42 (DPL 3) from ring 3", int_0x42, true, 0x42, 0);
	test_eq("CS of a handler registered with RPL 0", handler_cs, FLAT_RING1_CS);
	expect_int("int $0x43 runs the stub registered", int_0x43, false, 0x44, 0);
	expect_int("int3 from ring 1", int_3, false, X86_EXC_BP, 0);
	expect_int("int3 from ring 3", int_3, true, X86_EXC_BP, 0);
	if (*(const uint8_t *)(uintptr_t)(last_eip - 1) != 0xcc)
		test_fail("int3's EIP 0x%x is not just past the int3", last_eip);
}
