/*
 * alu.h - the arithmetic of the emulated instructions, with EFLAGS set
 * exactly as the CPU sets them (alu.c).
 */
#ifndef ARCH_X86_32_X86EMU_ALU_H
#define ARCH_X86_32_X86EMU_ALU_H

#include <stdbool.h>
#include <stdint.h>

/* The eight ALU operations, numbered as in opcodes 00-3F and group 1 (/reg). */
enum { ALU_ADD, ALU_OR, ALU_ADC, ALU_SBB, ALU_AND, ALU_SUB, ALU_XOR, ALU_CMP };

/*
 * a OP b on size bytes (1, 2 or 4).  Returns the result (CMP: the
 * difference) and updates the six arithmetic flags in *eflags; AND, OR
 * and XOR clear AF, which the CPU leaves undefined.
 */
uint32_t alu_binary(unsigned op, uint32_t a, uint32_t b, unsigned size,
		    uint32_t *eflags);

/* INC and DEC: as ADD and SUB of 1, but CF is kept. */
uint32_t alu_inc(uint32_t a, unsigned size, uint32_t *eflags);
uint32_t alu_dec(uint32_t a, unsigned size, uint32_t *eflags);

/* NEG: 0 - a, with CF set unless a is 0. */
uint32_t alu_neg(uint32_t a, unsigned size, uint32_t *eflags);

/* Condition code cc (0-15, as in Jcc/SETcc/CMOVcc: O NO B AE E NE ...). */
bool alu_condition(unsigned cc, uint32_t eflags);

#endif
