/*
 * fuzz_x86_decode.c - x86_decode, then x86_emulate, on arbitrary bytes.
 *
 * libFuzzer hands over each input in a heap block of exactly its size, so
 * ASan reports any read past avail.  A successful decode must claim 1 to
 * 15 bytes, no more than the input, with field sizes that add up; decoding
 * exactly those bytes must give the same result, and every shorter prefix
 * of them must report TRUNCATED.  A failed decode must be one of the three
 * errors, and TRUNCATED only when fewer than 15 bytes were given.
 *
 * The decoded instruction is then emulated on registers taken from the
 * input's tail, with a 64-byte memory whose callbacks fault outside it:
 * the emulator must not crash, must leave the registers alone when it
 * refuses or faults (but for REP progress), and must touch memory only
 * through the callbacks, with 1 to 8 bytes at a time.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arch/x86_32/x86emu/x86emu.h"

#define MEM_BASE	0x1000u
#define MEM_SIZE	64u

static uint8_t memory[MEM_SIZE];

static void require(int cond)
{
	if (!cond)
		__builtin_trap();
}

static int in_memory(uint32_t va, unsigned len)
{
	require(len >= 1 && len <= 8);
	return va >= MEM_BASE && va - MEM_BASE <= MEM_SIZE - len;
}

static int mem_read(void *ctx, uint32_t va, void *buf, unsigned len)
{
	(void)ctx;
	if (!in_memory(va, len))
		return 1;
	memcpy(buf, memory + (va - MEM_BASE), len);
	return 0;
}

static int mem_write(void *ctx, uint32_t va, const void *buf, unsigned len)
{
	(void)ctx;
	if (!in_memory(va, len))
		return 1;
	memcpy(memory + (va - MEM_BASE), buf, len);
	return 0;
}

static void check_fields(const struct x86_insn *i, size_t size)
{
	unsigned parts = i->disp_size + i->imm_size + i->imm2_size +
			 i->has_modrm + i->has_sib;

	require(i->length >= 1 && i->length <= X86_MAX_LENGTH && i->length <= size);
	require(parts < i->length);
	require(i->operand_size == 1 || i->operand_size == 2 || i->operand_size == 4);
	require(i->address_size == 2 || i->address_size == 4);
	require(i->segment <= X86_SEG_NONE);
	require(!i->has_sib || (i->has_modrm && i->address_size == 4));
	require(!i->has_mem || i->has_modrm || i->disp_size == i->address_size);
}

static void check_decode(const uint8_t *data, size_t size, const struct x86_insn *insn)
{
	struct x86_insn again;

	check_fields(insn, size);
	require(x86_decode(data, insn->length, &again) == 0);
	require(memcmp(&again, insn, sizeof(again)) == 0);
	for (unsigned n = 0; n < insn->length; n++)
		require(x86_decode(data, n, &again) == X86_DECODE_TRUNCATED);
}

/* Registers from the 40 bytes after the instruction, zero where short. */
static void regs_from(const uint8_t *data, size_t size, struct x86_regs *regs)
{
	memset(regs, 0, sizeof(*regs));
	memcpy(regs, data, size < sizeof(*regs) ? size : sizeof(*regs));
	for (unsigned r = 0; r < 8; r++)	/* aim some pointers at memory */
		if (regs->gpr[r] & 0x80)
			regs->gpr[r] = MEM_BASE + (regs->gpr[r] & 0x3f);
}

static void check_emulate(const struct x86_insn *insn, const uint8_t *rest, size_t size)
{
	const struct x86_mem_ops ops = { NULL, mem_read, mem_write };
	struct x86_regs regs, before;
	int rc;

	regs_from(rest, size, &regs);
	before = regs;
	rc = x86_emulate(insn, &regs, &ops);
	require(rc == X86_EMU_OK || rc == X86_EMU_UNHANDLED || rc == X86_EMU_FAULT);
	if (rc == X86_EMU_UNHANDLED || (rc == X86_EMU_FAULT && !(insn->prefixes &
	    (X86_PREFIX_REP | X86_PREFIX_REPNE))))
		require(memcmp(&regs, &before, sizeof(regs)) == 0);
	if (rc == X86_EMU_FAULT)
		require(regs.eip == before.eip);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct x86_insn insn;
	unsigned avail = size > 64 ? 64 : (unsigned)size;
	int rc = x86_decode(data, avail, &insn);

	if (rc != 0) {
		require(rc == X86_DECODE_TRUNCATED || rc == X86_DECODE_INVALID ||
			rc == X86_DECODE_TOO_LONG);
		require(rc != X86_DECODE_TRUNCATED || avail < X86_MAX_LENGTH);
		return 0;
	}
	check_decode(data, avail, &insn);
	memset(memory, 0xa5, sizeof(memory));
	check_emulate(&insn, data + insn.length, size - insn.length);
	return 0;
}
