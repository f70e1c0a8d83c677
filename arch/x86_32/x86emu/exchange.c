/*
 * exchange.c - the instructions that read memory and write it back in one
 * step, the building blocks of locks and of page-table updates: XCHG,
 * CMPXCHG, CMPXCHG8B and XADD.  Warden emulates for one CPU, and the guest
 * is stopped meanwhile, so the read and the write need not be atomic.
 */
#include "arch/x86_32/x86emu/alu.h"
#include "arch/x86_32/x86emu/emu.h"

/* 86 87: XCHG r/m, reg. */
int emu_xchg(struct emu *e)
{
	uint32_t old;
	int rc = emu_rm_read(e, &old);

	if (rc)
		return rc;
	rc = emu_rm_write(e, emu_reg_operand(e));
	emu_set_reg_operand(e, old);
	return rc;
}

/*
 * 0F B0 B1: CMPXCHG r/m, reg.  Compare the accumulator with r/m (flags as
 * CMP); if equal, r/m = reg, else accumulator = r/m.  The CPU writes r/m
 * either way (its own value back on a mismatch), so a mismatch on a
 * read-only page faults too, and is emulated as a write of the old value.
 */
int emu_cmpxchg(struct emu *e)
{
	unsigned size = e->insn->operand_size;
	uint32_t acc = emu_reg_read(&e->regs, X86_EAX, size);
	uint32_t dst;
	int rc = emu_rm_read(e, &dst);

	if (rc)
		return rc;
	alu_binary(ALU_CMP, acc, dst, size, &e->regs.eflags);
	if (acc == dst)
		return emu_rm_write(e, emu_reg_operand(e));
	emu_reg_write(&e->regs, X86_EAX, size, dst);
	return emu_rm_write(e, dst);
}

/*
 * 0F C7 /1: CMPXCHG8B m64.  As CMPXCHG on EDX:EAX and ECX:EBX, but only ZF
 * changes.  The 8 bytes go to the write callback at once, so a 64-bit
 * page-table entry is seen whole.
 */
int emu_cmpxchg8b(struct emu *e)
{
	struct x86_regs *r = &e->regs;
	uint8_t buf[8];
	uint64_t old, expected;

	if (e->mem->read(e->mem->ctx, e->ea, buf, 8))
		return X86_EMU_FAULT;
	old = emu_load_le(buf, 8);
	expected = (uint64_t)r->gpr[X86_EDX] << 32 | r->gpr[X86_EAX];
	if (old == expected) {
		r->eflags |= X86_EFLAGS_ZF;
		emu_store_le(buf, 4, r->gpr[X86_EBX]);
		emu_store_le(buf + 4, 4, r->gpr[X86_ECX]);
	} else {
		r->eflags &= ~X86_EFLAGS_ZF;
		r->gpr[X86_EAX] = (uint32_t)old;
		r->gpr[X86_EDX] = (uint32_t)(old >> 32);
	}
	if (e->mem->write(e->mem->ctx, e->ea, buf, 8))
		return X86_EMU_FAULT;
	return X86_EMU_OK;
}

/* 0F C0 C1: XADD r/m, reg: reg = old r/m, r/m = the sum (flags as ADD). */
int emu_xadd(struct emu *e)
{
	uint32_t dst, sum;
	int rc = emu_rm_read(e, &dst);

	if (rc)
		return rc;
	sum = alu_binary(ALU_ADD, dst, emu_reg_operand(e), e->insn->operand_size,
			 &e->regs.eflags);
	emu_set_reg_operand(e, dst);
	/* Last, so that XADD of a register with itself leaves the sum. */
	return emu_rm_write(e, sum);
}
