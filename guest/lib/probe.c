/*
 * probe.c - single accesses under the exception table (probe.h).
 *
 * The probes live in .user.text, so the same code serves ring 1 and,
 * through user_exec, ring 3 (ring 1 may run user pages; no SMEP here).
 */
#include "guest/lib/probe.h"
#include "guest/lib/test.h"
#include "guest/lib/user.h"
#include "guest/lib/x86.h"

static __user_text uint32_t probe_read(uint32_t va)
{
	uint32_t exinfo = 0, value;

	__asm__ volatile("1: movl (%[va]), %[value]\n2:\n" EXTABLE(1b, 2b)
			 : "+a"(exinfo), [value] "=r"(value) : [va] "r"(va) : "memory");
	return exinfo;
}

static __user_text uint32_t probe_write(uint32_t va)
{
	uint32_t exinfo = 0;

	__asm__ volatile("1: movb $0xc3, (%[va])\n2:\n" EXTABLE(1b, 2b)
			 : "+a"(exinfo) : [va] "r"(va) : "memory");
	return exinfo;
}

/* The fixup pops the return address the faulting call left (extable.h). */
static __user_text uint32_t probe_exec(uint32_t va)
{
	uint32_t exinfo = 0;

	__asm__ volatile("call *%[va]\n"
			 "1: jmp 3f\n"
			 "2: addl $4, %%esp\n"
			 "3:\n" EXTABLE(1b, 2b)
			 : "+a"(exinfo) : [va] "r"(va) : "ecx", "edx", "memory");
	return exinfo;
}

uint32_t probe(unsigned access, uint32_t va)
{
	static const user_fn probes[] = {
		[PROBE_READ] = probe_read,
		[PROBE_WRITE] = probe_write,
		[PROBE_EXEC] = probe_exec,
	};
	user_fn fn = probes[access & ~PROBE_USER];

	return access & PROBE_USER ? user_exec(fn, va) : fn(va);
}

bool expect_case(const struct fault_case *c)
{
	static const char *const verbs[] = { "read", "write", "exec" };
	uint32_t got = probe(c->access, c->va);
	char a[24], b[24];

	if (got != c->exinfo) {
		test_fail("%s: %s %s 0x%x: %s, expected %s", c->what,
			  c->access & PROBE_USER ? "ring-3" : "ring-1",
			  verbs[c->access & ~PROBE_USER], c->va,
			  exinfo_name(a, sizeof(a), got),
			  exinfo_name(b, sizeof(b), c->exinfo));
		return false;
	}
	if (got && exinfo_vector(got) == X86_EXC_PF && rcr2() != c->va) {
		test_fail("%s: cr2 0x%x, expected 0x%x", c->what, rcr2(), c->va);
		return false;
	}
	return true;
}

bool expect_fault(const char *what, unsigned access, uint32_t va, uint32_t exinfo)
{
	const struct fault_case c = { what, access, va, exinfo };

	return expect_case(&c);
}

void expect_cases(const struct fault_case *cases, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		expect_case(&cases[i]);
}
