/*
 * operand.c - reading and writing an instruction's operands: registers by
 * their 3-bit encoding, guest memory through the x86_mem_ops callbacks,
 * and the ModRM r/m operand, which is either.
 *
 * Byte registers are encoded 0-7 as AL CL DL BL AH CH DH BH: 4-7 are bits
 * 15:8 of EAX..EBX.  A write of 1 or 2 bytes leaves the register's other
 * bits alone.  Memory is little-endian; values are assembled byte by byte,
 * so the code does not depend on the host's byte order or alignment.
 */
#include "arch/x86_32/x86emu/emu.h"

uint32_t emu_size_mask(unsigned size)
{
	return size >= 4 ? 0xffffffffu : (1u << (size * 8)) - 1;
}

uint32_t emu_reg_read(const struct x86_regs *regs, unsigned reg, unsigned size)
{
	if (size == 1 && reg >= 4)
		return (regs->gpr[reg - 4] >> 8) & 0xff;
	return regs->gpr[reg] & emu_size_mask(size);
}

void emu_reg_write(struct x86_regs *regs, unsigned reg, unsigned size,
		   uint32_t value)
{
	uint32_t mask = emu_size_mask(size);

	if (size == 1 && reg >= 4) {
		reg -= 4;
		mask <<= 8;
		value <<= 8;
	}
	regs->gpr[reg] = (regs->gpr[reg] & ~mask) | (value & mask);
}

uint64_t emu_load_le(const uint8_t *bytes, unsigned size)
{
	uint64_t v = 0;

	for (unsigned i = size; i-- > 0;)
		v = v << 8 | bytes[i];
	return v;
}

void emu_store_le(uint8_t *bytes, unsigned size, uint64_t value)
{
	for (unsigned i = 0; i < size; i++, value >>= 8)
		bytes[i] = (uint8_t)value;
}

int emu_mem_read(struct emu *e, uint32_t va, unsigned size, uint32_t *value)
{
	uint8_t buf[4];

	if (e->mem->read(e->mem->ctx, va, buf, size))
		return X86_EMU_FAULT;
	*value = (uint32_t)emu_load_le(buf, size);
	return X86_EMU_OK;
}

int emu_mem_write(struct emu *e, uint32_t va, unsigned size, uint32_t value)
{
	uint8_t buf[4];

	emu_store_le(buf, size, value);
	if (e->mem->write(e->mem->ctx, va, buf, size))
		return X86_EMU_FAULT;
	return X86_EMU_OK;
}

/* The r/m operand, of the instruction's operand size. */
int emu_rm_read(struct emu *e, uint32_t *value)
{
	const struct x86_insn *insn = e->insn;

	if (!insn->has_mem) {
		*value = emu_reg_read(&e->regs, insn->rm, insn->operand_size);
		return X86_EMU_OK;
	}
	return emu_mem_read(e, e->ea, insn->operand_size, value);
}

int emu_rm_write(struct emu *e, uint32_t value)
{
	const struct x86_insn *insn = e->insn;

	if (!insn->has_mem) {
		emu_reg_write(&e->regs, insn->rm, insn->operand_size, value);
		return X86_EMU_OK;
	}
	return emu_mem_write(e, e->ea, insn->operand_size, value);
}

/* The register that ModRM.reg names, of the operand size. */
uint32_t emu_reg_operand(const struct emu *e)
{
	return emu_reg_read(&e->regs, e->insn->reg, e->insn->operand_size);
}

void emu_set_reg_operand(struct emu *e, uint32_t value)
{
	emu_reg_write(&e->regs, e->insn->reg, e->insn->operand_size, value);
}

/*
 * Push the operand size's low bytes of value.  The stack is assumed 32-bit
 * (SS.B set, as in every flat stack segment): ESP, not SP, moves.
 */
int emu_push(struct emu *e, uint32_t value)
{
	unsigned size = e->insn->operand_size;
	uint32_t sp = e->regs.gpr[X86_ESP] - size;
	int rc = emu_mem_write(e, sp, size, value);

	if (rc == X86_EMU_OK)
		e->regs.gpr[X86_ESP] = sp;
	return rc;
}
