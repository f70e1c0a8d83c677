/*
 * emulate.c - x86_emulate: find the handler for a decoded instruction,
 * check its prefixes, run it on a copy of the registers, and commit.
 *
 * The handler table is the list of what Warden emulates: instructions that
 * write memory, which is what a write to a read-only shadow page needs.
 * Each row names a range of opcodes, the ModRM.reg values it covers (for
 * group opcodes) and whether LOCK may precede it.  The CPU raises #UD for
 * LOCK on anything but a read-modify-write of memory, and for a register
 * operand where only memory is allowed; such an instruction cannot have
 * caused the fault we are handling, so it is refused, not emulated.
 */
#include <stdbool.h>
#include <stddef.h>

#include "arch/x86_32/x86emu/emu.h"

#define ANY		0xff		/* every ModRM.reg, or no ModRM at all */
#define REG(n)		(1u << (n))
#define LOCKABLE	0x01u		/* LOCK allowed with a memory operand */
#define MEMORY_ONLY	0x02u		/* a register r/m is undefined */

static const struct handler {
	uint32_t first, last;		/* opcodes, as in struct x86_insn */
	uint8_t regs;			/* ModRM.reg values: bit n for /n */
	uint8_t flags;
	int (*run)(struct emu *e);
} handlers[] = {
	{ 0x00, 0x01, ANY, LOCKABLE, emu_alu_rm_reg },		/* ADD r/m, reg */
	{ 0x08, 0x09, ANY, LOCKABLE, emu_alu_rm_reg },		/* OR */
	{ 0x10, 0x11, ANY, LOCKABLE, emu_alu_rm_reg },		/* ADC */
	{ 0x18, 0x19, ANY, LOCKABLE, emu_alu_rm_reg },		/* SBB */
	{ 0x20, 0x21, ANY, LOCKABLE, emu_alu_rm_reg },		/* AND */
	{ 0x28, 0x29, ANY, LOCKABLE, emu_alu_rm_reg },		/* SUB */
	{ 0x30, 0x31, ANY, LOCKABLE, emu_alu_rm_reg },		/* XOR */
	{ 0x50, 0x57, ANY, 0, emu_push_reg },			/* PUSH reg */
	{ 0x68, 0x68, ANY, 0, emu_push_imm },			/* PUSH imm32 */
	{ 0x6a, 0x6a, ANY, 0, emu_push_imm },			/* PUSH imm8 */
	{ 0x80, 0x83, 0x7f, LOCKABLE, emu_alu_rm_imm },		/* group 1 but CMP */
	{ 0x86, 0x87, ANY, LOCKABLE, emu_xchg },		/* XCHG r/m, reg */
	{ 0x88, 0x89, ANY, 0, emu_mov_rm },			/* MOV r/m, reg */
	{ 0xa2, 0xa3, ANY, 0, emu_mov_moffs },			/* MOV moffs, acc */
	{ 0xa4, 0xa5, ANY, 0, emu_movs_stos },			/* MOVS */
	{ 0xaa, 0xab, ANY, 0, emu_movs_stos },			/* STOS */
	{ 0xc6, 0xc7, REG(0), 0, emu_mov_rm },			/* MOV r/m, imm */
	{ 0xe8, 0xe8, ANY, 0, emu_call_rel },			/* CALL rel */
	{ 0xf6, 0xf7, REG(2) | REG(3), LOCKABLE, emu_not_neg },	/* NOT NEG */
	{ 0xfe, 0xff, REG(0) | REG(1), LOCKABLE, emu_inc_dec },	/* INC DEC */
	{ 0xff, 0xff, REG(2), 0, emu_call_rm },			/* CALL r/m */
	{ 0xff, 0xff, REG(6), 0, emu_push_rm },			/* PUSH r/m */
	{ 0x0f90, 0x0f9f, ANY, 0, emu_setcc },			/* SETcc */
	{ 0x0fab, 0x0fab, ANY, LOCKABLE, emu_bit_reg },		/* BTS */
	{ 0x0fb0, 0x0fb1, ANY, LOCKABLE, emu_cmpxchg },		/* CMPXCHG */
	{ 0x0fb3, 0x0fb3, ANY, LOCKABLE, emu_bit_reg },		/* BTR */
	{ 0x0fba, 0x0fba, REG(5) | REG(6) | REG(7), LOCKABLE,
	  emu_bit_imm },					/* BTS BTR BTC imm */
	{ 0x0fbb, 0x0fbb, ANY, LOCKABLE, emu_bit_reg },		/* BTC */
	{ 0x0fc0, 0x0fc1, ANY, LOCKABLE, emu_xadd },		/* XADD */
	{ 0x0fc7, 0x0fc7, REG(1), LOCKABLE | MEMORY_ONLY, emu_cmpxchg8b },
};

#define ROWS		(sizeof(handlers) / sizeof(handlers[0]))
#define SLOTS		0x200		/* one-byte opcodes, then 0F xx */

/*
 * Every emulated write would scan the table from the top; instead each
 * opcode remembers the first row whose range holds it (plus one; 0: none),
 * and the scan starts there.  Built on first use, from the table itself.
 */
static uint8_t first_row[SLOTS];
static bool indexed;

static int slot_of(uint32_t opcode)
{
	if (opcode < 0x100)
		return (int)opcode;
	return (opcode >> 8) == 0x0f ? 0x100 + (int)(opcode & 0xff) : -1;
}

static void index_rows(void)
{
	for (size_t i = ROWS; i-- > 0;)		/* upwards last: lowest row wins */
		for (uint32_t op = handlers[i].first; op <= handlers[i].last; op++)
			first_row[slot_of(op)] = (uint8_t)(i + 1);
	indexed = true;
}

static const struct handler *find_handler(const struct x86_insn *insn)
{
	int slot = slot_of(insn->opcode);

	if (!indexed)
		index_rows();
	if (slot < 0 || !first_row[slot])
		return NULL;
	for (size_t i = first_row[slot] - 1u; i < ROWS; i++) {
		const struct handler *h = &handlers[i];

		if (insn->opcode >= h->first && insn->opcode <= h->last &&
		    (h->regs & (1u << insn->reg)))
			return h;
	}
	return NULL;
}

static bool can_emulate(const struct x86_insn *insn, const struct handler *h)
{
	bool lock = insn->prefixes & X86_PREFIX_LOCK;

	/* FS and GS have bases of their own, which the emulator is not told. */
	if (insn->segment == X86_FS || insn->segment == X86_GS)
		return false;
	if (!insn->has_mem && ((h->flags & MEMORY_ONLY) || lock))
		return false;
	return !lock || (h->flags & LOCKABLE);
}

int x86_emulate(const struct x86_insn *insn, struct x86_regs *regs,
		const struct x86_mem_ops *mem)
{
	const struct handler *h = find_handler(insn);
	struct emu e = { .insn = insn, .mem = mem, .regs = *regs };
	int rc;

	if (!h || !can_emulate(insn, h))
		return X86_EMU_UNHANDLED;
	e.ea = x86_effective_address(insn, regs);
	e.regs.eip = regs->eip + insn->length;
	rc = h->run(&e);
	if (rc == X86_EMU_FAULT && e.keep_on_fault) {
		/* As after an interrupted REP: progress kept, EIP on the insn. */
		e.regs.eip = regs->eip;
		*regs = e.regs;
	} else if (rc == X86_EMU_OK) {
		*regs = e.regs;
	}
	return rc;
}
