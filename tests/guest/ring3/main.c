/*
 * ring3: running code in ring 3 and coming back to ring 1.
 *
 * Shows: user_exec enters ring 3 through the iret hypercall (CS and SS
 * with RPL 3, user stack), passes an argument and gets the result back
 * through `int $0x80`, again and again; ring 3 reads and writes its own
 * (U) data; ring 3 cannot make a hypercall (`int $0x82`: #GP with the
 * vector in the error code), execute cli, or read CR2 (#GP(0)), and each of
 * those faults reaches our ring-1 handler and ring 3 carries on.
 * Cannot show: sysenter or syscall (Warden leaves them disabled).
 */
#include "guest/lib/extable.h"
#include "guest/lib/test.h"
#include "guest/lib/user.h"
#include "guest/lib/x86.h"

static __user_data uint32_t counter;

static __user_text uint32_t selectors(uint32_t unused)
{
	uint16_t cs, ss;

	(void)unused;
	__asm__ volatile("mov %%cs, %0; mov %%ss, %1" : "=r"(cs), "=r"(ss));
	return (uint32_t)cs << 16 | ss;
}

static __user_text uint32_t add(uint32_t x)
{
	counter += x;
	return counter;
}

#define USER_PROBE(name, insn)						\
static __user_text uint32_t name(uint32_t unused)			\
{									\
	uint32_t exinfo = 0;						\
	(void)unused;							\
	__asm__ volatile("1: " insn "\n2:\n" EXTABLE(1b, 2b)		\
			 : "+a"(exinfo) : : "memory");			\
	return exinfo;							\
}
USER_PROBE(hypercall, "int $0x82")
USER_PROBE(cli_insn, "cli")
USER_PROBE(read_cr2_insn, "mov %%cr2, %%edx")

void test_main(void)
{
	uint32_t sel = user_exec(selectors, 0);

	test_eq("CS in ring 3", sel >> 16, FLAT_RING3_CS);
	test_eq("SS in ring 3", sel & 0xffff, FLAT_RING3_SS);
	test_eq("CS back in ring 1", read_cs(), FLAT_RING1_CS);
	for (uint32_t i = 1; i <= 10; i++)
		test_eq("ring-3 counter", user_exec(add, i), i * (i + 1) / 2);
	test_eq("the counter seen from ring 1", counter, 55);
	test_eq("hypercall from ring 3", user_exec(hypercall, 0), EXINFO_GP(0x82 << 3 | 2));
	test_eq("cli in ring 3", user_exec(cli_insn, 0), EXINFO_GP(0));
	test_eq("mov %cr2 in ring 3", user_exec(read_cr2_insn, 0), EXINFO_GP(0));
}
