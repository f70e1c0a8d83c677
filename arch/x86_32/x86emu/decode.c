/*
 * decode.c - the length and fields of one x86 instruction.
 *
 * How x86 encodes an instruction (Intel SDM vol. 2, chapter 2), in order:
 *
 *   prefixes      0-14 bytes, any order: a segment override (26 2E 36 3E
 *                 64 65), operand size 66 (32 -> 16 bits), address size 67
 *                 (32 -> 16 bits), LOCK F0, REPNE F2, REP F3.
 *   opcode        1 byte, or 0F and a byte (the two-byte map), or 0F 38 or
 *                 0F 3A and a byte (the three-byte maps).
 *   ModRM         1 byte, for opcodes that take one: mod (2 bits), reg (3)
 *                 and rm (3).  mod 3 means rm names a register; otherwise
 *                 rm names a memory operand, whose address may need:
 *   SIB           1 byte, with 32-bit addressing when rm is 4: scale (2
 *                 bits), index (3), base (3): base + index << scale.
 *   displacement  0, 1, 2 or 4 bytes, by mod, rm and SIB.base; 16-bit
 *                 addressing (67) has its own table and no SIB.
 *   immediate     0-6 bytes, by opcode and operand size; for a few group
 *                 opcodes by ModRM.reg too (F6 /0 has an imm8, F6 /2 none).
 *
 * The whole must fit in 15 bytes.  The only reading of the input is take()
 * below, which checks first the 15-byte limit, then the bytes available:
 * so a decode never reads past avail, and any decode that would succeed
 * reports X86_DECODE_TRUNCATED on each shorter prefix of its bytes.
 */
#include "arch/x86_32/x86emu/opcode_map.h"
#include "arch/x86_32/x86emu/sign_extend.h"
#include "arch/x86_32/x86emu/x86emu.h"
#include "lib/string.h"

struct cursor {
	const uint8_t *bytes;
	unsigned avail;
	unsigned pos;		/* bytes consumed so far, at most 15 */
};

/* Consume n (1-4) bytes as a little-endian number. */
static int take(struct cursor *c, unsigned n, uint32_t *value)
{
	uint32_t v = 0;

	if (c->pos + n > X86_MAX_LENGTH)
		return X86_DECODE_TOO_LONG;
	if (c->pos + n > c->avail)
		return X86_DECODE_TRUNCATED;
	for (unsigned i = 0; i < n; i++)
		v |= (uint32_t)c->bytes[c->pos + i] << (8 * i);
	c->pos += n;
	*value = v;
	return 0;
}

/* Record byte b if it is a prefix.  Of F2 and F3 the last one counts. */
static bool apply_prefix(struct x86_insn *insn, uint32_t b)
{
	switch (b) {
	case 0x26: case 0x2e: case 0x36: case 0x3e:
		/* 26 2E 36 3E: ES CS SS DS, numbered in bits 4:3 */
		insn->segment = (uint8_t)((b >> 3) & 3);
		return true;
	case 0x64: case 0x65:
		insn->segment = (uint8_t)(X86_FS + (b & 1));
		return true;
	case 0x66:
		insn->prefixes |= X86_PREFIX_OPSIZE;
		return true;
	case 0x67:
		insn->prefixes |= X86_PREFIX_ADDRSIZE;
		return true;
	case 0xf0:
		insn->prefixes |= X86_PREFIX_LOCK;
		return true;
	case 0xf2: case 0xf3:
		insn->prefixes &= (uint8_t)~(X86_PREFIX_REP | X86_PREFIX_REPNE);
		insn->prefixes |= b == 0xf2 ? X86_PREFIX_REPNE : X86_PREFIX_REP;
		return true;
	}
	return false;
}

/* Prefixes, then the opcode: 0xXX, 0x0FXX, 0x0F38XX or 0x0F3AXX. */
static int read_opcode(struct cursor *c, struct x86_insn *insn)
{
	uint32_t b, map;
	int rc;

	do {
		rc = take(c, 1, &b);
		if (rc)
			return rc;
	} while (apply_prefix(insn, b));
	if (b != 0x0f) {
		insn->opcode = b;
		return 0;
	}
	rc = take(c, 1, &map);
	if (rc)
		return rc;
	if (map != 0x38 && map != 0x3a) {
		insn->opcode = 0x0f00 | map;
		return 0;
	}
	rc = take(c, 1, &b);
	insn->opcode = 0x0f0000 | map << 8 | b;
	return rc;
}

static int read_disp(struct cursor *c, struct x86_insn *insn, unsigned size)
{
	uint32_t v;
	int rc;

	if (size == 0)
		return 0;
	rc = take(c, size, &v);
	if (rc)
		return rc;
	insn->disp_size = (uint8_t)size;
	insn->disp = sign_extend(v, size);
	return 0;
}

/* 16-bit addressing: [BX+SI] .. [BX] by rm, no SIB; mod 0 rm 6 is [disp16]. */
static int read_address16(struct cursor *c, struct x86_insn *insn)
{
	if (insn->mod == 1)
		return read_disp(c, insn, 1);
	if (insn->mod == 2 || insn->rm == 6)
		return read_disp(c, insn, 2);
	return 0;
}

/* 32-bit addressing: rm 4 brings a SIB; mod 0 with rm or SIB.base 5 is [disp32]. */
static int read_address32(struct cursor *c, struct x86_insn *insn)
{
	uint32_t sib;
	int rc;

	if (insn->rm == 4) {
		rc = take(c, 1, &sib);
		if (rc)
			return rc;
		insn->has_sib = true;
		insn->sib = (uint8_t)sib;
		insn->scale = (uint8_t)(sib >> 6);
		insn->index = (uint8_t)((sib >> 3) & 7);
		insn->base = (uint8_t)(sib & 7);
	}
	if (insn->mod == 1)
		return read_disp(c, insn, 1);
	if (insn->mod == 2 || insn->rm == 5 || (insn->has_sib && insn->base == 5))
		return read_disp(c, insn, 4);
	return 0;
}

/*
 * In 32-bit mode C4, C5 and 62 with a register ModRM (LES, LDS and BOUND
 * cannot take one) are the VEX and EVEX prefixes of AVX, which this decoder
 * does not know; and a group may leave ModRM.reg values undefined.
 */
static bool modrm_defined(const struct x86_insn *insn, uint8_t attr)
{
	uint32_t op = insn->opcode;

	if ((op == 0xc4 || op == 0xc5 || op == 0x62) && insn->mod == 3)
		return false;
	return !(attr & OP_GROUP) || opcode_group_defined(op, insn->modrm);
}

static int read_modrm(struct cursor *c, struct x86_insn *insn, uint8_t attr)
{
	uint32_t modrm;
	int rc = take(c, 1, &modrm);

	if (rc)
		return rc;
	insn->has_modrm = true;
	insn->modrm = (uint8_t)modrm;
	insn->mod = (uint8_t)(modrm >> 6);
	insn->reg = (uint8_t)((modrm >> 3) & 7);
	insn->rm = (uint8_t)(modrm & 7);
	if (!modrm_defined(insn, attr))
		return X86_DECODE_INVALID;
	/* MOV to and from CR/DR ignore mod: always two registers. */
	if (insn->mod == 3 || (attr & OP_REGISTERS))
		return 0;
	insn->has_mem = true;
	if (insn->address_size == 2)
		return read_address16(c, insn);
	return read_address32(c, insn);
}

static int read_imm(struct cursor *c, struct x86_insn *insn, unsigned size)
{
	insn->imm_size = (uint8_t)size;
	return take(c, size, &insn->imm);
}

/* A moffs (A0-A3) is an absolute address: kept as the displacement. */
static int read_moffs(struct cursor *c, struct x86_insn *insn)
{
	insn->has_mem = true;
	insn->disp_size = insn->address_size;
	return take(c, insn->address_size, &insn->disp);
}

/* Two immediates in a row: a far pointer, ENTER, EXTRQ and INSERTQ. */
static int read_imm_pair(struct cursor *c, struct x86_insn *insn,
			 unsigned size, unsigned size2)
{
	int rc = read_imm(c, insn, size);

	if (rc)
		return rc;
	insn->imm2_size = (uint8_t)size2;
	return take(c, size2, &insn->imm2);
}

/*
 * AMD's EXTRQ (66 0F 78) and INSERTQ (F2 0F 78), which take only register
 * operands; with a memory operand, or no prefix, 0F 78 is VMREAD.
 */
static bool is_sse4a_extract_insert(const struct x86_insn *insn)
{
	return insn->opcode == 0x0f78 && insn->mod == 3 &&
	       (insn->prefixes & (X86_PREFIX_OPSIZE | X86_PREFIX_REPNE));
}

static int read_immediates(struct cursor *c, struct x86_insn *insn, uint8_t attr)
{
	switch (attr & OP_IMM_MASK) {
	case IMM_B:
		return read_imm(c, insn, 1);
	case IMM_W:
		return read_imm(c, insn, 2);
	case IMM_Z:
		return read_imm(c, insn, insn->operand_size);
	case IMM_FAR:
		return read_imm_pair(c, insn, insn->operand_size, 2);
	case IMM_ENTER:
		return read_imm_pair(c, insn, 2, 1);
	case IMM_MOFFS:
		return read_moffs(c, insn);
	case IMM_GROUP3:
		return insn->reg < 2 ? read_imm(c, insn, insn->operand_size) : 0;
	}
	if (is_sse4a_extract_insert(insn))
		return read_imm_pair(c, insn, 1, 1);
	return 0;
}

static void set_sizes(struct x86_insn *insn, uint8_t attr)
{
	bool size16 = insn->prefixes & X86_PREFIX_OPSIZE;

	insn->operand_size = (attr & OP_BYTE) ? 1 : size16 ? 2 : 4;
	insn->address_size = (insn->prefixes & X86_PREFIX_ADDRSIZE) ? 2 : 4;
}

int x86_decode(const uint8_t *bytes, unsigned avail, struct x86_insn *insn)
{
	struct cursor c = { bytes, avail, 0 };
	uint8_t attr;
	int rc;

	memset(insn, 0, sizeof(*insn));
	insn->segment = X86_SEG_NONE;
	rc = read_opcode(&c, insn);
	if (rc)
		return rc;
	attr = opcode_attributes(insn->opcode);
	if (attr & OP_INVALID)
		return X86_DECODE_INVALID;
	set_sizes(insn, attr);
	if (attr & OP_MODRM) {
		rc = read_modrm(&c, insn, attr);
		if (rc)
			return rc;
	}
	rc = read_immediates(&c, insn, attr);
	if (rc)
		return rc;
	insn->length = (uint8_t)c.pos;
	return 0;
}
