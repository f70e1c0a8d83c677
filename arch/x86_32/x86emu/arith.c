/*
 * arith.c - the read-modify-write arithmetic instructions: read the r/m
 * operand, compute with alu.c (which sets the flags), write it back.
 * CMP is not here: it writes nothing, so it never faults on a read-only
 * page.
 */
#include "arch/x86_32/x86emu/alu.h"
#include "arch/x86_32/x86emu/emu.h"
#include "arch/x86_32/x86emu/sign_extend.h"

static int alu_rmw(struct emu *e, unsigned op, uint32_t src)
{
	uint32_t dst;
	int rc = emu_rm_read(e, &dst);

	if (rc)
		return rc;
	dst = alu_binary(op, dst, src, e->insn->operand_size, &e->regs.eflags);
	return emu_rm_write(e, dst);
}

/* 00-31 (even pairs): OP r/m, reg, with the operation in opcode bits 5:3. */
int emu_alu_rm_reg(struct emu *e)
{
	return alu_rmw(e, (e->insn->opcode >> 3) & 7, emu_reg_operand(e));
}

/* 80-83 /0-/6: OP r/m, imm.  83's imm8 is sign-extended; the others fit. */
int emu_alu_rm_imm(struct emu *e)
{
	const struct x86_insn *insn = e->insn;

	return alu_rmw(e, insn->reg, sign_extend(insn->imm, insn->imm_size));
}

/* FE FF /0 INC, /1 DEC. */
int emu_inc_dec(struct emu *e)
{
	unsigned size = e->insn->operand_size;
	uint32_t v;
	int rc = emu_rm_read(e, &v);

	if (rc)
		return rc;
	if (e->insn->reg == 0)
		v = alu_inc(v, size, &e->regs.eflags);
	else
		v = alu_dec(v, size, &e->regs.eflags);
	return emu_rm_write(e, v);
}

/* F6 F7 /2 NOT (no flags), /3 NEG. */
int emu_not_neg(struct emu *e)
{
	uint32_t v;
	int rc = emu_rm_read(e, &v);

	if (rc)
		return rc;
	if (e->insn->reg == 2)
		v = ~v;
	else
		v = alu_neg(v, e->insn->operand_size, &e->regs.eflags);
	return emu_rm_write(e, v);
}
