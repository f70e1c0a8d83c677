/*
 * extable.c - finding an expected fault in the exception table (see
 * extable.h for how tests write them).
 */
#include "guest/lib/extable.h"
#include "guest/lib/x86.h"
#include "lib/format.h"

struct extable_entry {
	uint32_t fault;		/* the instruction that may fault */
	uint32_t fixup;		/* where to go on when it does */
};

extern const struct extable_entry __start_ex_table[], __stop_ex_table[];

static const struct extable_entry *search(uint32_t eip)
{
	for (const struct extable_entry *e = __start_ex_table; e < __stop_ex_table; e++)
		if (e->fault == eip)
			return e;
	return 0;
}

/* A fetch fault: the page we jumped to cannot be executed. */
static bool fetch_fault(const struct cpu_regs *regs)
{
	return regs->vector == X86_EXC_PF && rcr2() == regs->eip;
}

bool extable_fixup(struct cpu_regs *regs)
{
	const struct extable_entry *e = search(regs->eip);

	if (!e && fetch_fault(regs))
		e = search(*(const uint32_t *)(uintptr_t)regs_sp(regs));
	if (!e)
		return false;
	regs->eip = e->fixup;
	regs->eax = EXINFO(regs->vector, regs->error_code);
	return true;
}

const char *exinfo_name(char *buf, unsigned size, uint32_t exinfo)
{
	static const char *const names[20] = {
		"#DE", "#DB", "NMI", "#BP", "#OF", "#BR", "#UD", "#NM", "#DF",
		"#09", "#TS", "#NP", "#SS", "#GP", "#PF", "#15", "#MF", "#AC",
		"#MC", "#XM",
	};
	unsigned v = exinfo_vector(exinfo);

	if (!(exinfo & EXINFO_VALID))
		sformat(buf, size, "no fault");
	else if (v < 20)
		sformat(buf, size, "%s[0x%x]", names[v], exinfo_error_code(exinfo));
	else
		sformat(buf, size, "vector %u[0x%x]", v, exinfo_error_code(exinfo));
	return buf;
}
