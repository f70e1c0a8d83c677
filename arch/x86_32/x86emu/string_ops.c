/*
 * string_ops.c - MOVS and STOS, with and without REP.
 *
 * STOS stores AL/AX/EAX at [EDI]; MOVS copies [ESI] to [EDI].  Each then
 * moves EDI (and ESI) by the operand size, backwards if EFLAGS.DF is set.
 * With a REP prefix (F3, and F2, which the CPU treats alike here) they
 * repeat while ECX is not 0, counting it down.  With a 67 prefix the
 * 16-bit SI, DI and CX are used instead, and wrap at 64 KiB.
 *
 * The CPU may stop a REP instruction between iterations (an interrupt, a
 * fault) with ECX, ESI and EDI showing the iterations done and EIP still
 * on the instruction, and resume it later.  The emulator does the same
 * when a callback faults, and after X86_EMU_REP_MAX iterations, so that a
 * guest cannot keep Warden busy with ECX = 0xffffffff: the guest simply
 * runs the instruction again.
 */
#include "arch/x86_32/x86emu/emu.h"

static uint32_t addr_reg(const struct emu *e, unsigned reg)
{
	return emu_reg_read(&e->regs, reg, e->insn->address_size);
}

static void set_addr_reg(struct emu *e, unsigned reg, uint32_t value)
{
	emu_reg_write(&e->regs, reg, e->insn->address_size, value);
}

/* One MOVS or STOS; registers move only once the write succeeded. */
static int iteration(struct emu *e)
{
	unsigned size = e->insn->operand_size;
	bool movs = (e->insn->opcode & ~1u) == 0xa4;
	uint32_t step = (e->regs.eflags & X86_EFLAGS_DF) ? 0u - size : size;
	uint32_t value = emu_reg_read(&e->regs, X86_EAX, size);
	int rc = X86_EMU_OK;

	if (movs)
		rc = emu_mem_read(e, addr_reg(e, X86_ESI), size, &value);
	if (rc == X86_EMU_OK)
		rc = emu_mem_write(e, addr_reg(e, X86_EDI), size, value);
	if (rc)
		return rc;
	if (movs)
		set_addr_reg(e, X86_ESI, addr_reg(e, X86_ESI) + step);
	set_addr_reg(e, X86_EDI, addr_reg(e, X86_EDI) + step);
	return X86_EMU_OK;
}

/* A4 A5 MOVS, AA AB STOS. */
int emu_movs_stos(struct emu *e)
{
	if (!(e->insn->prefixes & (X86_PREFIX_REP | X86_PREFIX_REPNE)))
		return iteration(e);
	for (unsigned done = 0; addr_reg(e, X86_ECX) != 0; done++) {
		int rc;

		if (done == X86_EMU_REP_MAX) {
			e->regs.eip -= e->insn->length;	/* run it again */
			return X86_EMU_OK;
		}
		rc = iteration(e);
		if (rc)
			return rc;
		set_addr_reg(e, X86_ECX, addr_reg(e, X86_ECX) - 1);
		e->keep_on_fault = true;
	}
	return X86_EMU_OK;
}
