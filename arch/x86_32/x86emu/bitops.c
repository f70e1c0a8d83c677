/*
 * bitops.c - BTS, BTR and BTC: copy one bit of the r/m operand into CF,
 * then set, clear or complement it.  The other arithmetic flags are
 * undefined after these instructions; the emulator leaves them as they
 * were.
 *
 * With a register bit offset and a memory operand the offset is a signed
 * number of bits counted from the operand's address, and can reach far
 * outside it: BTS [EBX], EAX with EAX = 100 sets bit 4 of the dword at
 * EBX+12, and with EAX = -1 bit 31 of the dword at EBX-4.  The CPU moves
 * the address by whole operands: size * floor(offset / bits).  With an
 * immediate offset, or a register operand, only offset mod bits counts.
 */
#include "arch/x86_32/x86emu/emu.h"
#include "arch/x86_32/x86emu/sign_extend.h"

enum { BIT_TEST, BIT_SET, BIT_RESET, BIT_COMPLEMENT };

static int bit_modify(struct emu *e, unsigned op, unsigned bit)
{
	uint32_t mask = 1u << bit;
	uint32_t v;
	int rc = emu_rm_read(e, &v);

	if (rc)
		return rc;
	e->regs.eflags &= ~X86_EFLAGS_CF;
	if (v & mask)
		e->regs.eflags |= X86_EFLAGS_CF;
	if (op == BIT_SET)
		v |= mask;
	else if (op == BIT_RESET)
		v &= ~mask;
	else
		v ^= mask;
	return emu_rm_write(e, v);
}

/* size * floor(offset / bits), offset being a signed number of size bytes. */
static uint32_t operand_displacement(uint32_t offset, unsigned size)
{
	uint32_t s = sign_extend(offset, size);
	unsigned shift = size == 4 ? 5 : 4;	/* log2 of the width in bits */
	uint32_t fill = (s & 0x80000000u) ? ~(0xffffffffu >> shift) : 0;

	/* An arithmetic shift, spelled out: C leaves >> of negatives open. */
	return ((s >> shift) | fill) * size;
}

/* 0F AB BTS, 0F B3 BTR, 0F BB BTC r/m, reg: 8 opcodes apart after 0F A3 BT. */
int emu_bit_reg(struct emu *e)
{
	const struct x86_insn *insn = e->insn;
	unsigned bits = insn->operand_size * 8u;
	uint32_t offset = emu_reg_operand(e);

	if (insn->has_mem)
		e->ea += operand_displacement(offset, insn->operand_size);
	return bit_modify(e, (insn->opcode - 0x0fa3) >> 3, offset & (bits - 1));
}

/* 0F BA /5 BTS, /6 BTR, /7 BTC r/m, imm8. */
int emu_bit_imm(struct emu *e)
{
	const struct x86_insn *insn = e->insn;
	unsigned bits = insn->operand_size * 8u;

	return bit_modify(e, insn->reg - 4u, insn->imm & (bits - 1));
}
