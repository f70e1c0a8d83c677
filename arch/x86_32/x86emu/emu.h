/*
 * emu.h - what the emulator's files share (not for use outside x86emu/).
 *
 * x86_emulate (emulate.c) works on a copy of the guest's registers in a
 * struct emu and copies it back only when the instruction completed, so a
 * handler may change registers in any order before its memory write: if
 * the write faults, none of it is seen.  The one exception is a REP string
 * instruction, whose completed iterations stand (keep_on_fault).
 */
#ifndef ARCH_X86_32_X86EMU_EMU_H
#define ARCH_X86_32_X86EMU_EMU_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86_32/x86emu/x86emu.h"

struct emu {
	const struct x86_insn *insn;
	const struct x86_mem_ops *mem;
	struct x86_regs regs;	/* the working copy; EIP already past the insn */
	uint32_t ea;		/* the memory operand's address, if it has one */
	bool keep_on_fault;	/* a REP instruction completed an iteration */
};

/*
 * Operand access (operand.c).  Sizes are 1, 2 or 4 bytes.  The r/m and reg
 * operands are of the instruction's operand size; memory ones at e->ea.
 */
uint32_t emu_size_mask(unsigned size);
uint32_t emu_reg_read(const struct x86_regs *regs, unsigned reg, unsigned size);
void emu_reg_write(struct x86_regs *regs, unsigned reg, unsigned size,
		   uint32_t value);
uint64_t emu_load_le(const uint8_t *bytes, unsigned size);
void emu_store_le(uint8_t *bytes, unsigned size, uint64_t value);
int emu_mem_read(struct emu *e, uint32_t va, unsigned size, uint32_t *value);
int emu_mem_write(struct emu *e, uint32_t va, unsigned size, uint32_t value);
int emu_rm_read(struct emu *e, uint32_t *value);
int emu_rm_write(struct emu *e, uint32_t value);
uint32_t emu_reg_operand(const struct emu *e);
void emu_set_reg_operand(struct emu *e, uint32_t value);
int emu_push(struct emu *e, uint32_t value);

/* The handlers, listed in emulate.c: each returns X86_EMU_OK or X86_EMU_FAULT. */
int emu_alu_rm_reg(struct emu *e);	/* arith.c */
int emu_alu_rm_imm(struct emu *e);
int emu_inc_dec(struct emu *e);
int emu_not_neg(struct emu *e);
int emu_mov_rm(struct emu *e);		/* move.c */
int emu_mov_moffs(struct emu *e);
int emu_setcc(struct emu *e);
int emu_xchg(struct emu *e);		/* exchange.c */
int emu_cmpxchg(struct emu *e);
int emu_cmpxchg8b(struct emu *e);
int emu_xadd(struct emu *e);
int emu_bit_reg(struct emu *e);		/* bitops.c */
int emu_bit_imm(struct emu *e);
int emu_movs_stos(struct emu *e);	/* string_ops.c */
int emu_push_reg(struct emu *e);	/* stack.c */
int emu_push_imm(struct emu *e);
int emu_push_rm(struct emu *e);
int emu_call_rel(struct emu *e);
int emu_call_rm(struct emu *e);

#endif
