/*
 * stack.c - PUSH and CALL, whose write goes to the stack: a fault on them
 * means the guest's stack page is read-only in the shadow (watched).
 *
 * Both push the operand size (4 bytes, or 2 with a 66 prefix) below ESP.
 * A source operand is read before ESP moves: PUSH ESP and PUSH [ESP+4]
 * see the old ESP, as on the CPU.
 */
#include "arch/x86_32/x86emu/emu.h"
#include "arch/x86_32/x86emu/sign_extend.h"

/* 50-57: PUSH reg. */
int emu_push_reg(struct emu *e)
{
	const struct x86_insn *insn = e->insn;

	return emu_push(e, emu_reg_read(&e->regs, insn->opcode & 7, insn->operand_size));
}

/* 68: PUSH imm16/32; 6A: PUSH imm8, sign-extended. */
int emu_push_imm(struct emu *e)
{
	return emu_push(e, sign_extend(e->insn->imm, e->insn->imm_size));
}

/* FF /6: PUSH r/m. */
int emu_push_rm(struct emu *e)
{
	uint32_t v;
	int rc = emu_rm_read(e, &v);

	return rc ? rc : emu_push(e, v);
}

/* Push the return address (EIP is already past the CALL) and jump. */
static int call(struct emu *e, uint32_t target)
{
	int rc = emu_push(e, e->regs.eip);

	/* With 16-bit operands EIP is cut to 16 bits, as on the CPU. */
	e->regs.eip = target & emu_size_mask(e->insn->operand_size);
	return rc;
}

/* E8: CALL rel16/32, relative to the next instruction. */
int emu_call_rel(struct emu *e)
{
	return call(e, e->regs.eip + sign_extend(e->insn->imm, e->insn->imm_size));
}

/* FF /2: CALL r/m, an absolute target. */
int emu_call_rm(struct emu *e)
{
	uint32_t target;
	int rc = emu_rm_read(e, &target);

	return rc ? rc : call(e, target);
}
