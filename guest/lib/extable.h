/*
 * extable.h - expected faults, as XTF (and Linux) write them.
 *
 * An instruction that may fault is given a label, and EXTABLE(fault,
 * fixup) records the pair (its address, where to resume) in the section
 * .ex_table.  When that instruction faults, trap_dispatch() finds the pair,
 * resumes at the fixup and leaves in EAX what happened, as an "exinfo":
 * EXINFO_VALID | vector << 16 | error code.  So the asm around the access
 * starts with EAX = 0 and ends with "no fault" (0) or the fault it took:
 *
 *	asm volatile("1: mov (%[va]), %[val]; 2:" EXTABLE(1b, 2b)
 *		     : "+a"(exinfo), [val] "=r"(val) : [va] "r"(va));
 *
 * One more case: a fetch fault at the first instruction of a function we
 * `call`ed (an NX page, say) faults at an address no table can name.  So a
 * fetch fault (a #PF whose address is its EIP) is also looked up by the
 * return address on top of the stack, which EXTABLE can name: the label
 * right after the call.  The fixup then still has that return address on
 * the stack to pop.
 */
#ifndef GUEST_LIB_EXTABLE_H
#define GUEST_LIB_EXTABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "guest/lib/traps.h"

#define EXTABLE(fault, fixup)						\
	".pushsection .ex_table, \"a\"\n"				\
	".balign 4\n"							\
	".long " #fault ", " #fixup "\n"				\
	".popsection\n"

#define EXINFO_VALID		(1u << 31)
#define EXINFO(vector, ec)	(EXINFO_VALID | (uint32_t)(vector) << 16 | ((ec) & 0xffff))
#define EXINFO_PF(ec)		EXINFO(14, ec)
#define EXINFO_GP(ec)		EXINFO(13, ec)
#define EXINFO_UD		EXINFO(6, 0)

static inline unsigned exinfo_vector(uint32_t exinfo)
{
	return (exinfo >> 16) & 0xff;
}

static inline uint32_t exinfo_error_code(uint32_t exinfo)
{
	return exinfo & 0xffff;
}

/* If the fault in regs was expected, resume at its fixup (EAX = exinfo). */
bool extable_fixup(struct cpu_regs *regs);

/* exinfo as text ("#PF[0x3]", "no fault"), in buf of size bytes. */
const char *exinfo_name(char *buf, unsigned size, uint32_t exinfo);

#endif
