/*
 * test_x86_decode.c - x86_decode and x86_effective_address.
 *
 * Shows: the length of a wide sample of instructions, written out by hand
 * from the Intel SDM (vol. 2 and appendix A), among them every case the
 * length rules single out: SIB with and without base, 16-bit addressing,
 * moffs with 67, group opcodes whose immediate depends on ModRM.reg,
 * ENTER, far pointers, 66 on immediates and branches, MOV CR/DR ignoring
 * mod, the three-byte maps, the 15-byte limit; that every shorter prefix
 * of those instructions reports TRUNCATED; the fields of a few decodes;
 * undefined opcodes; effective addresses, 16- and 32-bit.  And, against
 * capstone (a real disassembler) as oracle: for every opcode of the four
 * maps, every ModRM byte and several prefix sets, followed by random
 * bytes, and for random byte strings, the length is capstone's whenever
 * capstone decodes the bytes, except for three known classes (see
 * known_disagreement).
 *
 * Cannot show: that capstone and the SDM are right where they agree (the
 * emulate test runs instructions on the CPU, but only the emulated ones);
 * instructions capstone 4 does not know; that undefined opcodes we accept
 * (in the 0F 38 / 0F 3A maps, and some group members) are undefined.
 */
#include <stdint.h>
#include <stdlib.h>

/* capstone names an enum "x86_insn" and Warden a struct: rename capstone's. */
#define x86_insn capstone_x86_insn
#include <capstone/capstone.h>
#undef x86_insn

#include "arch/x86_32/x86emu/x86emu.h"
#include "tests/unit/unit.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Parse "66 0f 38 00 c1" into bytes; returns the count. */
static unsigned hex_bytes(const char *text, uint8_t *out, unsigned max)
{
	unsigned n = 0;
	char *end;

	for (;;) {
		unsigned long b = strtoul(text, &end, 16);

		if (end == text || n == max)
			return n;
		out[n++] = (uint8_t)b;
		text = end;
	}
}

/* Each is one whole instruction: its length is its byte count. */
static const char *const valid[] = {
	/* one byte, no operands */
	"90", "c3", "cc", "f4", "60", "d6", "f1", "ec", "a5", "9c",
	/* ALU forms: Eb,Gb Ev,Gv Gb,Eb Gv,Ev AL,Ib eAX,Iz */
	"00 00", "01 d8", "02 c1", "33 c0", "04 7f",
	"05 78 56 34 12", "66 05 34 12", "3d 78 56 34 12",
	/* ModRM and SIB addressing */
	"8b 04 24", "8b 44 24 08", "8b 84 24 00 01 00 00",
	"8b 05 78 56 34 12", "8b 04 25 78 56 34 12", "8b 45 fc",
	"8b 04 8d 00 10 00 00", "8b 44 8d 10", "8b 84 8d 00 10 00 00",
	"8b 04 e0", "89 5c 24 fc",
	/* 16-bit addressing (67): no SIB, disp16 */
	"67 8b 07", "67 8b 04", "67 8b 06 34 12", "67 8b 46 02",
	"67 8b 80 34 12", "67 66 8b 40 ff",
	/* moffs: address-size immediates */
	"a1 78 56 34 12", "a0 78 56 34 12", "66 a3 78 56 34 12",
	"67 a1 34 12", "67 a2 34 12", "65 a1 14 00 00 00",
	/* group 1 and other immediates by operand size */
	"80 00 12", "81 c0 78 56 34 12", "66 81 c0 34 12", "83 45 f8 ff",
	"82 c0 01", "69 c0 78 56 34 12", "66 69 c0 34 12", "6b c0 05",
	"b0 12", "b8 78 56 34 12", "66 b8 34 12", "a8 01", "a9 78 56 34 12",
	"c6 00 12", "c7 00 78 56 34 12", "66 c7 00 34 12",
	"c7 44 24 04 78 56 34 12", "c7 84 24 00 01 00 00 78 56 34 12",
	/* group 3: only TEST (/0, /1) has an immediate */
	"f6 c1 01", "f6 c9 01", "f6 d1", "f6 25 00 10 00 00",
	"f7 c1 78 56 34 12", "66 f7 c1 34 12", "f7 d8", "f7 f1",
	"f7 0d 78 56 34 12 ef be ad de", "f7 64 24 04",
	/* shifts */
	"c0 e0 04", "c1 e0 04", "d0 e0", "d1 e0", "d2 e0", "d3 e0",
	/* ENTER, RET imm16, far pointers, INT, I/O, AAM */
	"c8 10 00 01", "c2 08 00", "ca 08 00", "66 c2 08 00",
	"ea 78 56 34 12 08 00", "66 ea 34 12 08 00", "9a 78 56 34 12 08 00",
	"cd 80", "e4 60", "e7 60", "d4 0a", "d5 0a",
	/* branches: rel8, rel32, rel16 with 66 */
	"e8 00 00 00 00", "66 e8 00 00", "e9 00 00 00 00", "eb fe", "74 00",
	"0f 84 00 00 00 00", "66 0f 84 00 00", "e3 fe", "67 e3 fe", "e2 fe",
	/* stack */
	"68 78 56 34 12", "66 68 34 12", "6a ff", "ff 35 78 56 34 12",
	"ff 74 24 04", "8f 00", "ff d0", "ff 15 78 56 34 12", "ff 18",
	"ff 25 78 56 34 12",
	/* XBEGIN and XABORT share C7/C6 with MOV */
	"c7 f8 00 00 00 00", "c6 f8 01",
	/* segments, LEA, BOUND, LES, x87 */
	"8c d8", "8e d8", "8d 04 24", "8d 44 24 04", "62 00", "c4 00",
	"c5 00", "d9 c0", "d9 ee", "dd 05 78 56 34 12", "df 3c 24",
	/* prefixes */
	"f0 01 08", "f3 a5", "f3 66 ab", "2e 8b 00", "64 8b 00",
	"26 67 8b 07", "f2 ae", "3e 74 00",
	/* two-byte map */
	"0f 0b", "0f a2", "0f 31", "0f 05", "0f 34", "0f c8", "0f 77",
	"0f 01 d0", "0f 01 15 78 56 34 12", "0f 00 d8", "0f 01 f9",
	"0f 20 c0", "0f 22 d8", "0f 22 1d", "0f 20 05", "0f 23 f8",
	"0f b6 c0", "0f be 45 08", "0f b7 04 24", "0f af c1", "0f 44 c1",
	"0f ba e8 05", "0f ba 28 05", "66 0f ba 28 05", "0f ab 08",
	"0f a3 c8", "0f a4 c0 04", "0f a5 c0", "0f ac c0 04",
	"0f c7 0e", "f0 0f c7 0e", "0f c7 f0", "0f b1 0e", "f0 0f c1 06",
	"0f b0 0e", "0f 94 c0", "0f 95 00", "0f 9f 44 24 01",
	"0f ae f0", "0f ae 38", "f3 0f 1e fb", "0f 1f 00",
	"0f 1f 44 00 00", "66 0f 1f 84 00 00 00 00 00", "0f 0d 08",
	"0f 18 00", "0f 0f c1 b4", "0f b9 c0", "0f ff c0",
	"f3 0f b8 c1", "0f a7 c0",
	/* SSE: immediates in 70-73, C2, C4-C6; EXTRQ, INSERTQ, VMREAD */
	"0f 28 c1", "66 0f 6f 06", "f3 0f 7f 44 24 10", "66 0f 70 c1 1b",
	"0f 70 c1 1b", "0f c2 c1 00", "66 0f c4 c0 01", "0f c5 c0 01",
	"0f c6 c1 44", "0f 71 d0 02", "66 0f 73 d8 04",
	"66 0f 78 c0 08 10", "f2 0f 78 c1 08 10", "0f 78 c8",
	/* three-byte maps: 0F 38 no immediate, 0F 3A imm8 */
	"0f 38 00 c1", "66 0f 38 00 c1", "0f 38 f0 06", "f2 0f 38 f1 c1",
	"66 0f 38 00 44 24 10", "66 0f 3a 0f c1 08", "66 0f 3a 16 c0 01",
	"66 0f 3a 0f 84 24 00 01 00 00 08",
	/* 15 bytes exactly */
	"66 66 66 66 66 66 66 66 66 66 66 66 66 66 90",
	"2e 36 3e f0 81 84 88 78 56 34 12 ef be ad de",
};

static void test_lengths(void)
{
	uint8_t b[32];
	struct x86_insn insn;

	for (unsigned i = 0; i < COUNT(valid); i++) {
		unsigned n = hex_bytes(valid[i], b, 16);
		int rc;

		/* Bytes after the instruction must not change its length. */
		memset(b + n, 0x90, sizeof(b) - n);
		rc = x86_decode(b, sizeof(b), &insn);
		if (rc != 0 || insn.length != n)
			printf("  %s: rc %d length %u\n", valid[i], rc, insn.length);
		CHECK_EQ(rc, 0);
		CHECK_EQ(insn.length, n);
	}
}

/* Every shorter prefix of a whole instruction is TRUNCATED, even empty. */
static void test_truncated(void)
{
	uint8_t b[16];
	struct x86_insn insn;

	for (unsigned i = 0; i < COUNT(valid); i++) {
		unsigned n = hex_bytes(valid[i], b, 16);

		for (unsigned avail = 0; avail < n; avail++) {
			int rc = x86_decode(b, avail, &insn);

			if (rc != X86_DECODE_TRUNCATED && n < 15)
				printf("  %s, %u bytes: rc %d\n", valid[i], avail, rc);
			if (n < 15)
				CHECK_EQ(rc, X86_DECODE_TRUNCATED);
		}
	}
}

static void test_invalid(void)
{
	static const char *const invalid[] = {
		"0f 04", "0f 0a", "0f 0c", "0f 24 c0", "0f 25 c0", "0f 36",
		"0f 39", "0f 3b", "0f 3f", "0f 7a", "0f 7b",
		"fe 10", "fe 38", "ff 38", "ff ff", "8f 08", "c6 08 00",
		"8c f0", "8e f8", "8e 38",
		"c7 08 00 00 00 00", "c7 f9", "0f 00 30", "0f 00 f8",
		"0f ba 00 01", "0f ba d8 01", "0f c7 00", "0f c7 10",
		/* VEX, EVEX, XOP: not decoded */
		"c5 f8 77", "c4 e2 79 00 c1", "62 f1 7c 48 28 c1", "8f e8 78 c0 c0 00",
	};
	uint8_t b[16];
	struct x86_insn insn;

	for (unsigned i = 0; i < COUNT(invalid); i++) {
		unsigned n = hex_bytes(invalid[i], b, 16);
		int rc = x86_decode(b, n, &insn);

		if (rc != X86_DECODE_INVALID)
			printf("  %s: rc %d\n", invalid[i], rc);
		CHECK_EQ(rc, X86_DECODE_INVALID);
	}
}

static void test_too_long(void)
{
	uint8_t b[32];
	struct x86_insn insn;

	memset(b, 0x66, sizeof(b));
	b[15] = 0x90;
	CHECK_EQ(x86_decode(b, sizeof(b), &insn), X86_DECODE_TOO_LONG);
	/* The limit is found before the end of the input is. */
	CHECK_EQ(x86_decode(b, 15, &insn), X86_DECODE_TOO_LONG);
	CHECK_EQ(x86_decode(b, 14, &insn), X86_DECODE_TRUNCATED);
	/* Displacement and immediate push an instruction past 15 bytes. */
	hex_bytes("2e 2e 2e 2e 2e 2e 2e 2e 2e 2e c7 00 78 56 34 12", b, 16);
	CHECK_EQ(x86_decode(b, 16, &insn), X86_DECODE_TOO_LONG);
	hex_bytes("26 2e 36 3e f0 81 84 88 78 56 34 12 ef be ad de", b, 16);
	CHECK_EQ(x86_decode(b, 16, &insn), X86_DECODE_TOO_LONG);
	CHECK_EQ(x86_decode(b, 15, &insn), X86_DECODE_TOO_LONG);
	CHECK_EQ(x86_decode(b + 1, 15, &insn), 0);	/* one prefix fewer */
}

static struct x86_insn decode_text(const char *text)
{
	uint8_t b[16];
	struct x86_insn insn;
	unsigned n = hex_bytes(text, b, 16);

	CHECK_EQ(x86_decode(b, n, &insn), 0);
	CHECK_EQ(insn.length, n);
	return insn;
}

static void test_fields_sib(void)
{
	/* lock cmpxchg cs:[edx+ecx*4+0x10], cx */
	struct x86_insn i = decode_text("f0 2e 66 0f b1 4c 8a 10");

	CHECK_EQ(i.opcode, 0x0fb1);
	CHECK_EQ(i.prefixes, X86_PREFIX_LOCK | X86_PREFIX_OPSIZE);
	CHECK_EQ(i.segment, X86_CS);
	CHECK_EQ(i.operand_size, 2);
	CHECK_EQ(i.address_size, 4);
	CHECK(i.has_modrm && i.has_sib && i.has_mem);
	CHECK_EQ(i.modrm, 0x4c);
	CHECK_EQ(i.mod, 1);
	CHECK_EQ(i.reg, 1);
	CHECK_EQ(i.rm, 4);
	CHECK_EQ(i.sib, 0x8a);
	CHECK_EQ(i.scale, 2);
	CHECK_EQ(i.index, X86_ECX);
	CHECK_EQ(i.base, X86_EDX);
	CHECK_EQ(i.disp_size, 1);
	CHECK_EQ(i.disp, 0x10);
	CHECK_EQ(i.imm_size, 0);
}

static void test_fields_immediates(void)
{
	struct x86_insn i = decode_text("83 45 f8 ff");	/* add [ebp-8], -1 */

	CHECK_EQ(i.disp, 0xfffffff8u);
	CHECK_EQ(i.imm, 0xff);
	CHECK_EQ(i.imm_size, 1);
	CHECK_EQ(i.operand_size, 4);
	i = decode_text("c8 10 02 03");			/* enter 0x210, 3 */
	CHECK_EQ(i.imm, 0x210);
	CHECK_EQ(i.imm_size, 2);
	CHECK_EQ(i.imm2, 3);
	CHECK_EQ(i.imm2_size, 1);
	CHECK(!i.has_mem);
	i = decode_text("66 ea 34 12 08 00");		/* jmp 0x8:0x1234 */
	CHECK_EQ(i.imm, 0x1234);
	CHECK_EQ(i.imm_size, 2);
	CHECK_EQ(i.imm2, 8);
	i = decode_text("88 e1");			/* mov cl, ah */
	CHECK_EQ(i.operand_size, 1);
	CHECK(!i.has_mem);
}

static void test_fields_other(void)
{
	struct x86_insn i = decode_text("67 a3 34 12");	/* mov [0x1234], eax */

	CHECK(i.has_mem && !i.has_modrm);
	CHECK_EQ(i.address_size, 2);
	CHECK_EQ(i.disp, 0x1234);
	CHECK_EQ(i.disp_size, 2);
	i = decode_text("0f 3a 0f c1 08");
	CHECK_EQ(i.opcode, 0x0f3a0f);
	i = decode_text("0f 38 f0 06");
	CHECK_EQ(i.opcode, 0x0f38f0);
	i = decode_text("f3 f2 a4");			/* the last of F2/F3 counts */
	CHECK_EQ(i.prefixes, X86_PREFIX_REPNE);
	i = decode_text("26 64 8b 00");			/* and of the segments */
	CHECK_EQ(i.segment, X86_FS);
	i = decode_text("90");
	CHECK_EQ(i.segment, X86_SEG_NONE);
	i = decode_text("0f 20 05");			/* mov ebp, cr0: no memory */
	CHECK(!i.has_mem);
	CHECK_EQ(i.disp_size, 0);
}

static uint32_t ea_of(const char *text, const struct x86_regs *regs)
{
	struct x86_insn insn = decode_text(text);

	return x86_effective_address(&insn, regs);
}

static void test_effective_address(void)
{
	struct x86_regs r = { .gpr = { 0x1000, 0x20, 3, 0x12340010, 0x7000,
				       0x8000, 0x12340030, 0x50 } };

	CHECK_EQ(ea_of("8b 04 8a", &r), 3 + 0x80);		/* [edx+ecx*4] */
	CHECK_EQ(ea_of("8b 44 8d 10", &r), 0x8000 + 0x80 + 0x10);
	CHECK_EQ(ea_of("8b 04 8d 00 10 00 00", &r), 0x80 + 0x1000); /* no base */
	CHECK_EQ(ea_of("8b 04 25 78 56 34 12", &r), 0x12345678);
	CHECK_EQ(ea_of("8b 05 78 56 34 12", &r), 0x12345678);
	CHECK_EQ(ea_of("8b 04 24", &r), 0x7000);		/* [esp] */
	CHECK_EQ(ea_of("8b 04 e0", &r), 0x1000);		/* index 4: none */
	CHECK_EQ(ea_of("8b 45 fc", &r), 0x8000 - 4);
	CHECK_EQ(ea_of("8b 84 00 00 f0 ff ff", &r), 0x2000 - 0x1000);
	CHECK_EQ(ea_of("8b 80 00 f0 ff ff", &r), 0);		/* wraps */
	/* 16-bit: BX = 0x0010, SI = 0x0030, BP = 0x8000; wraps at 64 KiB */
	CHECK_EQ(ea_of("67 8b 00", &r), 0x40);			/* [bx+si] */
	CHECK_EQ(ea_of("67 8b 80 f0 ff", &r), 0x30);		/* [bx+si-0x10] */
	CHECK_EQ(ea_of("67 8b 46 fe", &r), 0x7ffe);		/* [bp-2] */
	CHECK_EQ(ea_of("67 8b 06 34 12", &r), 0x1234);		/* [disp16] */
	CHECK_EQ(ea_of("67 8b 07", &r), 0x10);			/* [bx] */
	CHECK_EQ(ea_of("67 8b 03", &r), 0x8050);		/* [bp+di] */
	CHECK_EQ(ea_of("67 8b 86 00 90", &r), 0x1000);		/* [bp-0x7000] */
	CHECK_EQ(ea_of("a1 78 56 34 12", &r), 0x12345678);	/* moffs */
	CHECK_EQ(ea_of("67 a1 34 12", &r), 0x1234);
	CHECK_EQ(ea_of("01 d8", &r), 0);			/* no memory */
}

/* ---- the oracle: capstone -------------------------------------------- */

static const uint8_t prefix_bytes[] = {
	0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3,
};

static csh cs;
static unsigned compared, mismatches, known[4];

/*
 * Where we knowingly differ from capstone 4:
 * 0. VEX (C4 C5), EVEX (62) and XOP (8F) encodings: not decoded here.
 * 1. UD1 (0F B9) and UD0 (0F FF): the SDM gives them a ModRM byte;
 *    capstone 4 reads none.
 * 2. CALL rel16 (66 E8) with an F2 or F3 prefix: capstone drops the 66
 *    and reads rel32; the CPU honours it.
 * 3. AMD's EXTRQ and INSERTQ (66 / F2 0F 78, two imm8) with a 67 prefix,
 *    which they ignore: capstone reads VMREAD, without the immediates.
 */
static int known_disagreement(const uint8_t *b, unsigned n, const struct x86_insn *insn)
{
	unsigned i = 0;

	while (i + 1 < n && memchr(prefix_bytes, b[i], sizeof(prefix_bytes)))
		i++;
	if (i + 1 < n && (b[i] == 0xc4 || b[i] == 0xc5 || b[i] == 0x62) &&
	    b[i + 1] >= 0xc0)
		return 0;
	if (i + 1 < n && b[i] == 0x8f && (b[i + 1] & 0x38) != 0)
		return 0;
	if (insn->opcode == 0x0fb9 || insn->opcode == 0x0fff)
		return 1;
	if (insn->opcode == 0xe8 && (insn->prefixes & X86_PREFIX_OPSIZE) &&
	    (insn->prefixes & (X86_PREFIX_REP | X86_PREFIX_REPNE)))
		return 2;
	if (insn->opcode == 0x0f78 && insn->imm_size &&
	    (insn->prefixes & X86_PREFIX_ADDRSIZE))
		return 3;
	return -1;
}

static void compare(const uint8_t *b)
{
	cs_insn *ci;
	struct x86_insn insn;
	size_t count = cs_disasm(cs, b, 15, 0x1000, 1, &ci);
	int rc = x86_decode(b, 15, &insn), why;

	if (count != 1)
		return;
	compared++;
	if (rc != 0 || insn.length != ci->size) {
		why = known_disagreement(b, 15, &insn);
		if (why >= 0) {
			known[why]++;
		} else if (mismatches++ < 10) {
			printf("  capstone: %u bytes, %s %s; ours: rc %d, %u bytes:",
			       (unsigned)ci->size, ci->mnemonic, ci->op_str, rc,
			       insn.length);
			for (unsigned i = 0; i < 15; i++)
				printf(" %02x", b[i]);
			printf("\n");
		}
	}
	cs_free(ci, count);
}

static uint32_t rng = 12345;

static uint8_t random_byte(void)
{
	rng = rng * 1103515245u + 12345u;
	return (uint8_t)(rng >> 16);
}

/* opcode 0-1023: the one-byte map, 0F xx, 0F 38 xx, 0F 3A xx. */
static unsigned put_opcode(uint8_t *b, unsigned opcode)
{
	static const uint8_t escape[4][2] = {
		{ 0 }, { 0x0f }, { 0x0f, 0x38 }, { 0x0f, 0x3a },
	};
	unsigned map = opcode >> 8, n = map == 0 ? 0 : map == 1 ? 1 : 2;

	memcpy(b, escape[map], n);
	b[n] = (uint8_t)opcode;
	return n + 1;
}

static void test_oracle_systematic(void)
{
	static const char *const prefix_sets[] = {
		"", "66", "67", "66 67", "f3", "f2", "f0",
	};
	uint8_t b[16];

	compared = mismatches = 0;
	for (unsigned p = 0; p < COUNT(prefix_sets); p++) {
		for (unsigned op = 0; op < 1024; op++) {
			for (unsigned modrm = 0; modrm < 256; modrm++) {
				unsigned n = hex_bytes(prefix_sets[p], b, 16);

				n += put_opcode(b + n, op);
				b[n++] = (uint8_t)modrm;
				while (n < 16)
					b[n++] = random_byte();
				compare(b);
			}
		}
	}
	CHECK(compared > 500000);
	CHECK_EQ(mismatches, 0);
}

static void test_oracle_random(void)
{
	uint8_t b[16];

	compared = mismatches = 0;
	for (unsigned i = 0; i < 400000; i++) {
		unsigned lead = random_byte() % 4;

		/* Up to 3 leading prefixes or escapes (0F), then anything. */
		for (unsigned j = 0; j < 16; j++) {
			unsigned pick = random_byte() % (sizeof(prefix_bytes) + 1);

			b[j] = j >= lead ? random_byte() :
			       pick < sizeof(prefix_bytes) ? prefix_bytes[pick] : 0x0f;
		}
		compare(b);
	}
	CHECK(compared > 300000);
	CHECK_EQ(mismatches, 0);
	/* Each known class showed up in the two runs: no exclusion is dead. */
	for (unsigned i = 0; i < COUNT(known); i++)
		CHECK(known[i] > 0);
}

int main(void)
{
	UNIT_CASE(test_lengths);
	UNIT_CASE(test_truncated);
	UNIT_CASE(test_invalid);
	UNIT_CASE(test_too_long);
	UNIT_CASE(test_fields_sib);
	UNIT_CASE(test_fields_immediates);
	UNIT_CASE(test_fields_other);
	UNIT_CASE(test_effective_address);
	if (cs_open(CS_ARCH_X86, CS_MODE_32, &cs) != CS_ERR_OK) {
		printf("FAIL unit/test_x86_decode: capstone did not open\n");
		return 1;
	}
	UNIT_CASE(test_oracle_systematic);
	UNIT_CASE(test_oracle_random);
	cs_close(&cs);
	return unit_finish();
}
