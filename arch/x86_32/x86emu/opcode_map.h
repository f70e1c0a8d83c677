/*
 * opcode_map.h - what the decoder needs to know about each opcode: does a
 * ModRM byte follow, what immediate, is it a byte operation, is it
 * defined at all.  The tables are in opcode_map.c.
 */
#ifndef ARCH_X86_32_X86EMU_OPCODE_MAP_H
#define ARCH_X86_32_X86EMU_OPCODE_MAP_H

#include <stdbool.h>
#include <stdint.h>

/* The immediate kinds, in the low three bits of an opcode's attributes. */
enum {
	IMM_NONE,
	IMM_B,		/* 1 byte */
	IMM_W,		/* 2 bytes */
	IMM_Z,		/* the operand size: 4 bytes, or 2 with a 66 prefix */
	IMM_FAR,	/* a far pointer: offset of the operand size, then a selector */
	IMM_ENTER,	/* ENTER: 2 bytes of frame size, 1 of nesting level */
	IMM_MOFFS,	/* a memory offset of the address size (A0-A3) */
	IMM_GROUP3,	/* F6/F7: an operand-size immediate for TEST (/0 /1) only */
};

#define OP_IMM_MASK	0x07u
#define OP_MODRM	0x08u	/* a ModRM byte follows the opcode */
#define OP_BYTE		0x10u	/* operates on bytes (the operand size is 1) */
#define OP_INVALID	0x20u	/* undefined: the CPU raises #UD */
#define OP_GROUP	0x40u	/* ModRM.reg picks the instruction; some are undefined */
#define OP_REGISTERS	0x80u	/* ModRM names registers whatever mod says (MOV CR) */

/* opcode as in struct x86_insn: 0xXX, 0x0FXX, 0x0F38XX or 0x0F3AXX. */
uint8_t opcode_attributes(uint32_t opcode);

/* For an OP_GROUP opcode: is the instruction this ModRM byte selects defined? */
bool opcode_group_defined(uint32_t opcode, uint8_t modrm);

#endif
