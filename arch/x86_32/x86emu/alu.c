/*
 * alu.c - addition, subtraction and logic with the flags the CPU sets.
 *
 * Every operation works on size bytes (1, 2 or 4) and sets:
 *   CF  the carry out of the top bit (a borrow, for subtraction);
 *   OF  signed overflow: the operands' signs agree (for addition; differ,
 *       for subtraction) and the result's sign is the other one;
 *   AF  the carry or borrow out of bit 3 (used by decimal adjustment),
 *       which is bit 4 of a ^ b ^ result;
 *   ZF  the result is 0;  SF  its top bit;
 *   PF  its low byte has an even number of 1 bits.
 * Other EFLAGS bits are never touched.
 */
#include "arch/x86_32/x86emu/alu.h"
#include "arch/x86_32/x86emu/emu.h"

static uint32_t sign_bit(unsigned size)
{
	return 1u << (size * 8 - 1);
}

static uint32_t parity_flag(uint32_t result)
{
	uint32_t x = result & 0xff;

	/* Fold the byte onto bit 0: it ends as the XOR of all eight bits. */
	x ^= x >> 4;
	x ^= x >> 2;
	x ^= x >> 1;
	return (x & 1) ? 0 : X86_EFLAGS_PF;
}

/* ZF, SF and PF of a result already cut to size. */
static uint32_t result_flags(uint32_t result, unsigned size)
{
	uint32_t f = parity_flag(result);

	if (result == 0)
		f |= X86_EFLAGS_ZF;
	if (result & sign_bit(size))
		f |= X86_EFLAGS_SF;
	return f;
}

static void set_arith_flags(uint32_t *eflags, uint32_t flags)
{
	*eflags = (*eflags & ~X86_EFLAGS_ARITH) | flags;
}

/* a + b + carry_in, on size bytes. */
static uint32_t add(uint32_t a, uint32_t b, uint32_t carry_in, unsigned size,
		    uint32_t *eflags)
{
	uint32_t mask = emu_size_mask(size);
	uint64_t wide = (uint64_t)(a & mask) + (b & mask) + carry_in;
	uint32_t r = (uint32_t)wide & mask;
	uint32_t f = result_flags(r, size);

	if (wide > mask)
		f |= X86_EFLAGS_CF;
	if ((a ^ r) & (b ^ r) & sign_bit(size))
		f |= X86_EFLAGS_OF;
	if ((a ^ b ^ r) & 0x10)
		f |= X86_EFLAGS_AF;
	set_arith_flags(eflags, f);
	return r;
}

/* a - b - borrow_in, on size bytes. */
static uint32_t sub(uint32_t a, uint32_t b, uint32_t borrow_in, unsigned size,
		    uint32_t *eflags)
{
	uint32_t mask = emu_size_mask(size);
	uint32_t r = (a - b - borrow_in) & mask;
	uint32_t f = result_flags(r, size);

	if ((uint64_t)(a & mask) < (uint64_t)(b & mask) + borrow_in)
		f |= X86_EFLAGS_CF;
	if ((a ^ b) & (a ^ r) & sign_bit(size))
		f |= X86_EFLAGS_OF;
	if ((a ^ b ^ r) & 0x10)
		f |= X86_EFLAGS_AF;
	set_arith_flags(eflags, f);
	return r;
}

/* AND, OR, XOR: CF and OF cleared, AF (undefined) cleared too. */
static uint32_t logic(uint32_t r, unsigned size, uint32_t *eflags)
{
	r &= emu_size_mask(size);
	set_arith_flags(eflags, result_flags(r, size));
	return r;
}

uint32_t alu_binary(unsigned op, uint32_t a, uint32_t b, unsigned size,
		    uint32_t *eflags)
{
	uint32_t carry = *eflags & X86_EFLAGS_CF;

	switch (op) {
	case ALU_ADD:
		return add(a, b, 0, size, eflags);
	case ALU_OR:
		return logic(a | b, size, eflags);
	case ALU_ADC:
		return add(a, b, carry, size, eflags);
	case ALU_SBB:
		return sub(a, b, carry, size, eflags);
	case ALU_AND:
		return logic(a & b, size, eflags);
	case ALU_XOR:
		return logic(a ^ b, size, eflags);
	default:	/* ALU_SUB, ALU_CMP */
		return sub(a, b, 0, size, eflags);
	}
}

uint32_t alu_inc(uint32_t a, unsigned size, uint32_t *eflags)
{
	uint32_t cf = *eflags & X86_EFLAGS_CF;
	uint32_t r = add(a, 1, 0, size, eflags);

	*eflags = (*eflags & ~X86_EFLAGS_CF) | cf;
	return r;
}

uint32_t alu_dec(uint32_t a, unsigned size, uint32_t *eflags)
{
	uint32_t cf = *eflags & X86_EFLAGS_CF;
	uint32_t r = sub(a, 1, 0, size, eflags);

	*eflags = (*eflags & ~X86_EFLAGS_CF) | cf;
	return r;
}

uint32_t alu_neg(uint32_t a, unsigned size, uint32_t *eflags)
{
	/* 0 - a borrows exactly when a is not 0: that is NEG's CF. */
	return sub(0, a, 0, size, eflags);
}

bool alu_condition(unsigned cc, uint32_t eflags)
{
	bool cf = eflags & X86_EFLAGS_CF, zf = eflags & X86_EFLAGS_ZF;
	bool sf = eflags & X86_EFLAGS_SF, of = eflags & X86_EFLAGS_OF;
	bool pf = eflags & X86_EFLAGS_PF;
	bool r;

	/* Even codes test a condition, odd ones its negation. */
	switch ((cc >> 1) & 7) {
	case 0: r = of; break;			/* O */
	case 1: r = cf; break;			/* B, C */
	case 2: r = zf; break;			/* E, Z */
	case 3: r = cf || zf; break;		/* BE */
	case 4: r = sf; break;			/* S */
	case 5: r = pf; break;			/* P */
	case 6: r = sf != of; break;		/* L */
	default: r = zf || sf != of; break;	/* LE */
	}
	return r != (cc & 1);
}
