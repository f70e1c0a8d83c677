/*
 * move.c - the plain stores: MOV to r/m or to a moffs, and SETcc.  No
 * flags change and nothing is read but registers.
 */
#include "arch/x86_32/x86emu/alu.h"
#include "arch/x86_32/x86emu/emu.h"

/* 88 89: MOV r/m, reg.  C6 C7 /0: MOV r/m, imm (of the operand size). */
int emu_mov_rm(struct emu *e)
{
	const struct x86_insn *insn = e->insn;

	return emu_rm_write(e, insn->imm_size ? insn->imm : emu_reg_operand(e));
}

/* A2 A3: MOV moffs, AL/AX/EAX.  The moffs is the memory operand. */
int emu_mov_moffs(struct emu *e)
{
	return emu_rm_write(e, emu_reg_read(&e->regs, X86_EAX, e->insn->operand_size));
}

/* 0F 90-9F: SETcc r/m8, 1 if the condition in the opcode's low nibble holds. */
int emu_setcc(struct emu *e)
{
	return emu_rm_write(e, alu_condition(e->insn->opcode & 0xf, e->regs.eflags));
}
