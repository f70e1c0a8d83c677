/*
 * emulate.c - the glue between a vCPU and the x86 emulator.
 *
 * The instruction bytes are fetched from the guest's EIP through the
 * guest's own tables (fewer than 15 if the next page is not mapped: the
 * decoder says whether that was enough), then decoded and emulated on a
 * copy of the registers, which is written back only if emulation worked.
 */
#include "core/emulate.h"
#include "arch/x86_32/memlayout.h"
#include "shadow/guest_copy.h"

const char emulate_unhandled[] = "the emulator does not handle this instruction";

struct x86_regs emulate_regs(const struct vcpu *v)
{
	const struct trap_frame *f = v->regs;

	return (struct x86_regs){
		.gpr = { f->eax, f->ecx, f->edx, f->ebx, f->esp, f->ebp,
			 f->esi, f->edi },
		.eip = f->eip,
		.eflags = f->eflags,
	};
}

void emulate_set_regs(struct vcpu *v, const struct x86_regs *r)
{
	struct trap_frame *f = v->regs;

	f->eax = r->gpr[X86_EAX];
	f->ecx = r->gpr[X86_ECX];
	f->edx = r->gpr[X86_EDX];
	f->ebx = r->gpr[X86_EBX];
	f->esp = r->gpr[X86_ESP];
	f->ebp = r->gpr[X86_EBP];
	f->esi = r->gpr[X86_ESI];
	f->edi = r->gpr[X86_EDI];
	f->eip = r->eip;
	f->eflags = r->eflags;
}

/* As many bytes at eip as are readable, up to X86_MAX_LENGTH: the rest of
 * EIP's page, and the start of the next if that is readable too. */
static unsigned fetch_bytes(struct vcpu *v, uint8_t *bytes)
{
	uint32_t eip = v->regs->eip;
	unsigned first = PAGE_SIZE - (eip & (PAGE_SIZE - 1));

	if (first > X86_MAX_LENGTH)
		first = X86_MAX_LENGTH;
	if (!guest_copy_from(&v->shadow, bytes, eip, first))
		return 0;
	if (first < X86_MAX_LENGTH &&
	    guest_copy_from(&v->shadow, bytes + first, eip + first,
			    X86_MAX_LENGTH - first))
		return X86_MAX_LENGTH;
	return first;
}

const char *emulate_fetch(struct vcpu *v, struct x86_insn *insn)
{
	uint8_t bytes[X86_MAX_LENGTH];
	unsigned n = fetch_bytes(v, bytes);

	switch (x86_decode(bytes, n, insn)) {
	case 0:
		return 0;
	case X86_DECODE_TRUNCATED:
		return "the instruction runs into an unreadable page";
	case X86_DECODE_INVALID:
		return "the instruction is invalid";
	default:
		return "the instruction is too long";
	}
}

const char *emulate_run(struct vcpu *v, const struct x86_mem_ops *mem,
			bool commit, struct x86_insn *insn)
{
	const char *why = emulate_fetch(v, insn);

	return why ? why : emulate_decoded(v, mem, commit, insn);
}

const char *emulate_decoded(struct vcpu *v, const struct x86_mem_ops *mem,
			    bool commit, const struct x86_insn *insn)
{
	struct x86_regs regs = emulate_regs(v);

	switch (x86_emulate(insn, &regs, mem)) {
	case X86_EMU_OK:
		if (commit)
			emulate_set_regs(v, &regs);
		return 0;
	case X86_EMU_UNHANDLED:
		return emulate_unhandled;
	default:
		return "a memory access of the instruction failed";
	}
}
