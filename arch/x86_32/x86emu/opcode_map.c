/*
 * opcode_map.c - the one- and two-byte opcode maps of 32-bit protected
 * mode (Intel SDM vol. 2, appendix A), reduced to what decides an
 * instruction's length: whether a ModRM byte follows and what immediate.
 *
 * Each row of a table holds eight opcodes.  Prefix bytes (26 2E 36 3E 64
 * 65 66 67 F0 F2 F3) and the 0F escape are consumed by decode.c before a
 * table is consulted; their slots say P or ESC and are never read.
 *
 * Where an opcode is defined only for some ModRM.reg values (a "group"),
 * group_regs below lists which; other groups of the maps (0F 01, 0F 18,
 * 0F AE, the x87 escapes D8-DF ...) are accepted whole, since every member
 * has the same length.  The 0F 38 and 0F 3A maps are uniform too: always a
 * ModRM byte, and in 0F 3A an imm8; their opcodes are not checked.
 *
 * "Invalid" here means an undefined opcode, not every form that raises
 * #UD: a register operand where only memory is allowed (LEA), an SSE
 * opcode without its mandatory prefix, a misplaced LOCK all decode to
 * their length.  Warden decodes instructions that have just faulted on
 * the CPU with #PF, so they were valid there; their length is what counts.
 */
#include "arch/x86_32/x86emu/opcode_map.h"

#define M	OP_MODRM
#define B	OP_BYTE
#define MB	(OP_MODRM | OP_BYTE)
#define G	OP_GROUP
#define X	OP_INVALID
#define R	(OP_MODRM | OP_REGISTERS)
#define IB	IMM_B
#define IW	IMM_W
#define IZ	IMM_Z
#define P	0		/* a prefix */
#define ESC	0		/* 0F, or 0F 38 / 0F 3A: another map */

/* ADD, OR, ADC, SBB, AND, SUB, XOR, CMP: Eb,Gb Ev,Gv Gb,Eb Gv,Ev AL,Ib eAX,Iz */
#define ALU	MB, M, MB, M, IB | B, IZ

static const uint8_t one_byte_map[256] = {
	/* 00 */ ALU, 0, 0,			/* PUSH ES, POP ES */
	/* 08 */ ALU, 0, ESC,			/* PUSH CS, 0F */
	/* 10 */ ALU, 0, 0,			/* PUSH SS, POP SS */
	/* 18 */ ALU, 0, 0,			/* PUSH DS, POP DS */
	/* 20 */ ALU, P, 0,			/* ES:, DAA */
	/* 28 */ ALU, P, 0,			/* CS:, DAS */
	/* 30 */ ALU, P, 0,			/* SS:, AAA */
	/* 38 */ ALU, P, 0,			/* DS:, AAS */
	/* 40 */ 0, 0, 0, 0, 0, 0, 0, 0,	/* INC reg */
	/* 48 */ 0, 0, 0, 0, 0, 0, 0, 0,	/* DEC reg */
	/* 50 */ 0, 0, 0, 0, 0, 0, 0, 0,	/* PUSH reg */
	/* 58 */ 0, 0, 0, 0, 0, 0, 0, 0,	/* POP reg */
	/* 60 PUSHA POPA BOUND ARPL FS: GS: 66 67 */
	/* 60 */ 0, 0, M, M, P, P, P, P,
	/* 68 PUSH IMUL PUSH IMUL INS INS OUTS OUTS */
	/* 68 */ IZ, M | IZ, IB, M | IB, B, 0, B, 0,
	/* 70 */ IB, IB, IB, IB, IB, IB, IB, IB,	/* Jcc rel8 */
	/* 78 */ IB, IB, IB, IB, IB, IB, IB, IB,
	/* 80 group 1, TEST, XCHG */
	/* 80 */ MB | IB, M | IZ, MB | IB, M | IB, MB, M, MB, M,
	/* 88 MOV x4, MOV Ev,Sw, LEA, MOV Sw,Ew, POP Ev */
	/* 88 */ MB, M, MB, M, M | G, M, M | G, M | G,
	/* 90 */ 0, 0, 0, 0, 0, 0, 0, 0,	/* NOP, XCHG eAX,reg */
	/* 98 CWDE CDQ CALLF FWAIT PUSHF POPF SAHF LAHF */
	/* 98 */ 0, 0, IMM_FAR, 0, 0, 0, 0, 0,
	/* A0 MOV moffs x4, MOVS, CMPS */
	/* A0 */ IMM_MOFFS | B, IMM_MOFFS, IMM_MOFFS | B, IMM_MOFFS, B, 0, B, 0,
	/* A8 TEST, STOS, LODS, SCAS */
	/* A8 */ IB | B, IZ, B, 0, B, 0, B, 0,
	/* B0 */ IB | B, IB | B, IB | B, IB | B, IB | B, IB | B, IB | B, IB | B,
	/* B8 */ IZ, IZ, IZ, IZ, IZ, IZ, IZ, IZ,	/* MOV reg,imm */
	/* C0 group 2, RET imm16, RET, LES, LDS, MOV Eb,Ib, MOV Ev,Iz */
	/* C0 */ MB | IB, M | IB, IW, 0, M, M, MB | IB | G, M | IZ | G,
	/* C8 ENTER LEAVE RETF RETF INT3 INT INTO IRET */
	/* C8 */ IMM_ENTER, 0, IW, 0, 0, IB, 0, 0,
	/* D0 group 2, AAM, AAD, SALC, XLAT */
	/* D0 */ MB, M, MB, M, IB, IB, 0, 0,
	/* D8 */ M, M, M, M, M, M, M, M,		/* x87 */
	/* E0 LOOPNE LOOPE LOOP JECXZ IN IN OUT OUT */
	/* E0 */ IB, IB, IB, IB, IB | B, IB, IB | B, IB,
	/* E8 CALL JMP JMPF JMP IN IN OUT OUT */
	/* E8 */ IZ, IZ, IMM_FAR, IB, B, 0, B, 0,
	/* F0 LOCK INT1 REPNE REP HLT CMC group 3 */
	/* F0 */ P, 0, P, P, 0, 0, MB | IMM_GROUP3, M | IMM_GROUP3,
	/* F8 CLC STC CLI STI CLD STD group 4, group 5 */
	/* F8 */ 0, 0, 0, 0, 0, 0, MB | G, M | G,
};

static const uint8_t two_byte_map[256] = {
	/* 00 group 6, group 7, LAR, LSL, -, SYSCALL, CLTS, SYSRET */
	/* 00 */ M | G, M, M, M, X, 0, 0, 0,
	/* 08 INVD WBINVD - UD2 - prefetch FEMMS 3DNow! */
	/* 08 */ 0, 0, X, 0, X, M, 0, M | IB,
	/* 10 */ M, M, M, M, M, M, M, M,		/* SSE moves */
	/* 18 */ M, M, M, M, M, M, M, M,		/* hints, NOP Ev */
	/* 20 */ R, R, R, R, X, X, X, X,		/* MOV CR/DR */
	/* 28 */ M, M, M, M, M, M, M, M,
	/* 30 WRMSR RDTSC RDMSR RDPMC SYSENTER SYSEXIT - GETSEC */
	/* 30 */ 0, 0, 0, 0, 0, 0, X, 0,
	/* 38 */ ESC, X, ESC, X, X, X, X, X,
	/* 40 */ M, M, M, M, M, M, M, M,		/* CMOVcc */
	/* 48 */ M, M, M, M, M, M, M, M,
	/* 50 */ M, M, M, M, M, M, M, M,
	/* 58 */ M, M, M, M, M, M, M, M,
	/* 60 */ M, M, M, M, M, M, M, M,
	/* 68 */ M, M, M, M, M, M, M, M,
	/* 70 PSHUF, shift groups 12-14, PCMPEQ, EMMS */
	/* 70 */ M | IB, M | IB, M | IB, M | IB, M, M, M, 0,
	/* 78 VMREAD (EXTRQ INSERTQ: see decode.c) VMWRITE - - HADD HSUB MOVD MOVQ */
	/* 78 */ M, M, X, X, M, M, M, M,
	/* 80 */ IZ, IZ, IZ, IZ, IZ, IZ, IZ, IZ,	/* Jcc rel32 */
	/* 88 */ IZ, IZ, IZ, IZ, IZ, IZ, IZ, IZ,
	/* 90 */ MB, MB, MB, MB, MB, MB, MB, MB,	/* SETcc */
	/* 98 */ MB, MB, MB, MB, MB, MB, MB, MB,
	/* A0 PUSH FS, POP FS, CPUID, BT, SHLD, SHLD, VIA PadLock x2 */
	/* A0 */ 0, 0, 0, M, M | IB, M, M, M,
	/* A8 PUSH GS, POP GS, RSM, BTS, SHRD, SHRD, group 15, IMUL */
	/* A8 */ 0, 0, 0, M, M | IB, M, M, M,
	/* B0 CMPXCHG x2, LSS, BTR, LFS, LGS, MOVZX x2 */
	/* B0 */ MB, M, M, M, M, M, M, M,
	/* B8 POPCNT, UD1, group 8, BTC, BSF, BSR, MOVSX x2 */
	/* B8 */ M, M, M | IB | G, M, M, M, M, M,
	/* C0 XADD x2, CMPPS, MOVNTI, PINSRW, PEXTRW, SHUFPS, group 9 */
	/* C0 */ MB, M, M | IB, M, M | IB, M | IB, M | IB, M | G,
	/* C8 */ 0, 0, 0, 0, 0, 0, 0, 0,		/* BSWAP */
	/* D0 */ M, M, M, M, M, M, M, M,		/* MMX and SSE */
	/* D8 */ M, M, M, M, M, M, M, M,
	/* E0 */ M, M, M, M, M, M, M, M,
	/* E8 */ M, M, M, M, M, M, M, M,
	/* F0 */ M, M, M, M, M, M, M, M,
	/* F8 */ M, M, M, M, M, M, M, M,		/* ... UD0 */
};

/* The ModRM.reg values (bit n for /n) that are defined in a group. */
static const struct {
	uint32_t opcode;
	uint8_t regs;
} group_regs[] = {
	{ 0x8c, 0x3f },		/* MOV Ev,Sw: ES CS SS DS FS GS */
	{ 0x8e, 0x3f },		/* MOV Sw,Ew (to CS: #UD, left to the CPU) */
	{ 0x8f, 0x01 },		/* POP Ev; the rest is AMD's XOP prefix */
	{ 0xc6, 0x01 },		/* MOV Eb,Ib (and XABORT, below) */
	{ 0xc7, 0x01 },		/* MOV Ev,Iz (and XBEGIN, below) */
	{ 0xfe, 0x03 },		/* INC DEC */
	{ 0xff, 0x7f },		/* INC DEC CALL CALLF JMP JMPF PUSH */
	{ 0x0f00, 0x3f },	/* SLDT STR LLDT LTR VERR VERW */
	{ 0x0fba, 0xf0 },	/* BT BTS BTR BTC */
	{ 0x0fc7, 0xfa },	/* CMPXCHG8B XRSTORS XSAVEC XSAVES VMPTRLD.. RDRAND.. */
};

uint8_t opcode_attributes(uint32_t opcode)
{
	if (opcode <= 0xff)
		return one_byte_map[opcode];
	if (opcode <= 0x0fff)
		return two_byte_map[opcode & 0xff];
	if ((opcode >> 8) == 0x0f3a)
		return OP_MODRM | IMM_B;
	return OP_MODRM;
}

bool opcode_group_defined(uint32_t opcode, uint8_t modrm)
{
	unsigned reg = (modrm >> 3) & 7;

	/* C6 F8 ib is XABORT, C7 F8 rel32 is XBEGIN: same lengths as MOV. */
	if ((opcode == 0xc6 || opcode == 0xc7) && modrm == 0xf8)
		return true;
	for (unsigned i = 0; i < sizeof(group_regs) / sizeof(group_regs[0]); i++)
		if (group_regs[i].opcode == opcode)
			return group_regs[i].regs & (1u << reg);
	return true;
}
