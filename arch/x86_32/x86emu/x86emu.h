/*
 * x86emu.h - decode one x86 instruction, and emulate the ones that write
 * memory.
 *
 * When a guest writes to a page that Warden keeps read-only in its shadow
 * page tables (one of the guest's own page tables, or a watched page), the
 * CPU raises #PF before anything is written.  Warden then reads the bytes
 * at the guest's EIP, decodes them here, and either emulates the write
 * itself (so it can check or report the value) or, for a "deny" verdict,
 * skips the instruction, for which only its length is needed.
 *
 * This is pure code: no hardware, no globals, no allocation.  It decodes
 * 32-bit protected-mode code only (default operand and address size 32)
 * and assumes flat segments (CS, DS, ES and SS with base 0).  Guest memory
 * is reached only through the callbacks in struct x86_mem_ops.
 */
#ifndef ARCH_X86_32_X86EMU_X86EMU_H
#define ARCH_X86_32_X86EMU_X86EMU_H

#include <stdbool.h>
#include <stdint.h>

/* General registers in the hardware's encoding order (0=EAX .. 7=EDI). */
struct x86_regs {
	uint32_t gpr[8];
	uint32_t eip, eflags;
};

enum { X86_EAX, X86_ECX, X86_EDX, X86_EBX, X86_ESP, X86_EBP, X86_ESI, X86_EDI };

/* Segment registers in the hardware's encoding order. */
enum { X86_ES, X86_CS, X86_SS, X86_DS, X86_FS, X86_GS, X86_SEG_NONE };

/* The arithmetic flags and DF in EFLAGS. */
#define X86_EFLAGS_CF	0x0001u
#define X86_EFLAGS_PF	0x0004u
#define X86_EFLAGS_AF	0x0010u
#define X86_EFLAGS_ZF	0x0040u
#define X86_EFLAGS_SF	0x0080u
#define X86_EFLAGS_DF	0x0400u
#define X86_EFLAGS_OF	0x0800u
#define X86_EFLAGS_ARITH	(X86_EFLAGS_CF | X86_EFLAGS_PF | X86_EFLAGS_AF | \
				 X86_EFLAGS_ZF | X86_EFLAGS_SF | X86_EFLAGS_OF)

/* Legacy prefixes seen, in x86_insn.prefixes. */
#define X86_PREFIX_OPSIZE	0x01u	/* 66: 16-bit operands */
#define X86_PREFIX_ADDRSIZE	0x02u	/* 67: 16-bit addressing */
#define X86_PREFIX_LOCK		0x04u	/* F0 */
#define X86_PREFIX_REPNE	0x08u	/* F2 */
#define X86_PREFIX_REP		0x10u	/* F3 */

/* The longest instruction the CPU accepts; a longer one raises #GP. */
#define X86_MAX_LENGTH	15

/* One decoded instruction.  Fields an instruction lacks are 0. */
struct x86_insn {
	uint8_t length;		/* bytes, prefixes included: 1..15 */
	uint8_t prefixes;	/* X86_PREFIX_* */
	uint8_t segment;	/* the last segment override, or X86_SEG_NONE */
	uint32_t opcode;	/* 0xXX, 0x0FXX, or 0x0F38XX and 0x0F3AXX */
	uint8_t operand_size;	/* 1, 2 or 4 bytes */
	uint8_t address_size;	/* 2 or 4 bytes */
	bool has_modrm;
	uint8_t modrm, mod, reg, rm;	/* the byte and its three fields */
	bool has_sib;
	uint8_t sib, scale, index, base; /* scale is the 2-bit field: x1 << scale */
	uint8_t disp_size;	/* 0, 1, 2 or 4 bytes */
	uint32_t disp;		/* sign-extended to 32 bits; a moffs is zero-extended */
	uint8_t imm_size;	/* 0, 1, 2 or 4 bytes */
	uint32_t imm;		/* as encoded, zero-extended */
	uint8_t imm2_size;	/* 0, 1 or 2 */
	uint32_t imm2;		/* ENTER's nesting level, a far pointer's selector */
	bool has_mem;		/* a ModRM memory operand (mod != 3) or a moffs */
};

#define X86_DECODE_TRUNCATED	1	/* need more bytes than avail */
#define X86_DECODE_INVALID	2	/* an undefined opcode */
#define X86_DECODE_TOO_LONG	3	/* would be longer than 15 bytes */

/*
 * Decode one instruction from bytes[0..avail).  Returns 0 and fills *insn,
 * or one of X86_DECODE_*.  Never reads bytes[avail] or beyond; after
 * X86_DECODE_TRUNCATED it may be called again with more bytes.  The length
 * is right for every instruction of the one- and two-byte opcode maps and
 * the 0F 38 / 0F 3A three-byte maps (whose opcodes are not checked).
 * VEX, EVEX and XOP encodings are reported invalid.
 */
int x86_decode(const uint8_t *bytes, unsigned avail, struct x86_insn *insn);

/*
 * The offset of insn's memory operand (0 if it has none) with regs as they
 * were before the instruction.  Segment bases are not added: with flat
 * segments that is the linear address, except under an FS or GS override.
 */
uint32_t x86_effective_address(const struct x86_insn *insn,
			       const struct x86_regs *regs);

/*
 * How the emulator reaches guest memory, by guest virtual address.  The
 * addresses come from guest registers: va + len may cross a page or wrap
 * past 4 GiB, and the callbacks must check it.  len is 1, 2, 4 or 8.
 */
struct x86_mem_ops {
	void *ctx;
	/* Copy len bytes at va; return 0, or nonzero if the access faults. */
	int (*read)(void *ctx, uint32_t va, void *buf, unsigned len);
	int (*write)(void *ctx, uint32_t va, const void *buf, unsigned len);
};

#define X86_EMU_OK		0
#define X86_EMU_UNHANDLED	1	/* not emulated: nothing was changed */
#define X86_EMU_FAULT		2	/* a callback failed: see x86_emulate */

/* At most this many iterations of a REP string instruction per call. */
#define X86_EMU_REP_MAX	4096

/*
 * Emulate insn, decoded from the bytes at regs->eip: its memory reads and
 * writes go through mem, one callback per operand access (8 bytes at once
 * for CMPXCHG8B); registers, the arithmetic flags and EIP are updated as
 * the CPU would.  On X86_EMU_FAULT regs are unchanged, except that a REP
 * instruction keeps the iterations it completed (ECX, ESI, EDI) with EIP
 * still on it, as the CPU does.  A REP instruction with more than
 * X86_EMU_REP_MAX iterations left does that many and returns X86_EMU_OK
 * with EIP still on it, so the guest runs it again.
 *
 * Emulated: MOV 88 89 C6 C7 A2 A3; XCHG 86 87; CMPXCHG 0F B0/B1;
 * CMPXCHG8B 0F C7 /1; ADD OR ADC SBB AND SUB XOR (00-31 with an r/m
 * destination, 80-83 /0-/6); INC DEC FE FF /0 /1; NOT NEG F6 F7 /2 /3;
 * BTS BTR BTC 0F AB B3 BB and 0F BA /5-/7; XADD 0F C0/C1; SETcc 0F 90-9F;
 * MOVS STOS A4 A5 AA AB with REP; PUSH 50-57 FF /6 68 6A; CALL E8 FF /2.
 * Register destinations work too.  LOCK is accepted where the CPU accepts
 * it.  Anything else, and anything with an FS or GS override, is
 * X86_EMU_UNHANDLED.  The stack is taken to be 32-bit (ESP moves, not
 * SP).  The emulation is not atomic: it is for one CPU.
 */
int x86_emulate(const struct x86_insn *insn, struct x86_regs *regs,
		const struct x86_mem_ops *mem);

#endif
