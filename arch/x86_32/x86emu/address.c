/*
 * address.c - the effective address of an instruction's memory operand.
 *
 * With 32-bit addressing a ModRM operand is base + (index << scale) + disp,
 * where a SIB byte supplies base and index when rm is 4; with 16-bit
 * addressing (a 67 prefix) rm picks one of eight register pairs and the
 * sum wraps at 64 KiB.  Both wrap silently, as the CPU's do.
 *
 * Only the offset is computed: the segment base is not added.  Warden's
 * guests run with flat code, data and stack segments (base 0), so for them
 * the offset is the linear address, except under an FS or GS override,
 * which the emulator refuses for that reason.
 */
#include "arch/x86_32/x86emu/x86emu.h"

#define NONE	8	/* no register */

/* 16-bit addressing by rm: BX+SI BX+DI BP+SI BP+DI SI DI BP BX */
static const uint8_t base16[8] = {
	X86_EBX, X86_EBX, X86_EBP, X86_EBP, X86_ESI, X86_EDI, X86_EBP, X86_EBX,
};
static const uint8_t index16[8] = {
	X86_ESI, X86_EDI, X86_ESI, X86_EDI, NONE, NONE, NONE, NONE,
};

static uint32_t address16(const struct x86_insn *insn, const struct x86_regs *regs)
{
	uint32_t ea = insn->disp;

	/* mod 0 rm 6 is [disp16], with no register. */
	if (insn->mod != 0 || insn->rm != 6)
		ea += regs->gpr[base16[insn->rm]];
	if (index16[insn->rm] != NONE)
		ea += regs->gpr[index16[insn->rm]];
	return ea & 0xffff;
}

static uint32_t address32(const struct x86_insn *insn, const struct x86_regs *regs)
{
	uint32_t ea = insn->disp;

	if (!insn->has_sib) {
		/* mod 0 rm 5 is [disp32], with no register. */
		if (insn->mod != 0 || insn->rm != 5)
			ea += regs->gpr[insn->rm];
		return ea;
	}
	/* Index 4 (ESP) means no index; mod 0 with base 5 means no base. */
	if (insn->index != X86_ESP)
		ea += regs->gpr[insn->index] << insn->scale;
	if (insn->mod != 0 || insn->base != 5)
		ea += regs->gpr[insn->base];
	return ea;
}

uint32_t x86_effective_address(const struct x86_insn *insn,
			       const struct x86_regs *regs)
{
	if (!insn->has_mem)
		return 0;
	if (!insn->has_modrm)
		return insn->disp;	/* a moffs, already of the address size */
	if (insn->address_size == 2)
		return address16(insn, regs);
	return address32(insn, regs);
}
