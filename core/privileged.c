/*
 * privileged.c - privileged instructions in ring 1.
 *
 * The guest kernel runs in ring 1, where the CPU refuses cli, hlt, in/out,
 * mov to control registers, lgdt and friends with #GP.  That is the point:
 * such instructions go through hypercalls instead.  Most of them are the
 * guest's own #GP.  Three things are not:
 *
 * - `int n`: every IDT gate but int3, into and the hypercall gate has
 *   DPL 0, so a guest's software interrupt arrives as #GP with error code
 *   n << 3 | 2.  If the guest registered a handler for n that the calling
 *   ring may reach (its DPL), it runs as if the gate had let it through,
 *   with EIP past the instruction.
 * - `mov %cr2, r32` and `mov %cr3, r32`: harmless reads, emulated (CR2 is
 *   the last fault address Warden delivered, CR3 the guest's own table).
 * - Xen's forced CPUID, `ud2; .ascii "xen"; cpuid`, arrives as #UD: Warden
 *   answers with the CPUID a guest may see.
 */
#include "core/privileged.h"
#include "arch/x86_32/x86.h"
#include "core/bounce.h"
#include "core/emulate.h"
#include "lib/string.h"
#include "shadow/guest_copy.h"

#define GP_IDT			0x2	/* error code: the vector is an IDT index */
#define OPCODE_INT		0xcd
#define OPCODE_MOV_FROM_CR	0x0f20
#define FORCED_CPUID_LENGTH	7
#define CPUID_1_EDX_SEP		(1u << 11)	/* no sysenter for guests */
#define CPUID_1_ECX_HYPERVISOR	(1u << 31)
#define CPUID_HYPERVISOR_BASE	0x40000000u

static const uint8_t forced_cpuid[FORCED_CPUID_LENGTH] = {
	0x0f, 0x0b, 'x', 'e', 'n', 0x0f, 0xa2,
};

static uint32_t *gpr(struct vcpu *v, unsigned n)
{
	uint32_t *const regs[8] = {
		&v->regs->eax, &v->regs->ecx, &v->regs->edx, &v->regs->ebx,
		&v->regs->esp, &v->regs->ebp, &v->regs->esi, &v->regs->edi,
	};

	return regs[n & 7];
}

/* `int n`: through to the guest's handler if its DPL allows the caller. */
static bool software_interrupt(struct vcpu *v, unsigned vector)
{
	uint8_t insn[2];
	const struct guest_trap_handler *h = &v->traps[vector];

	if (!guest_copy_from(&v->shadow, insn, v->regs->eip, 2) ||
	    insn[0] != OPCODE_INT || insn[1] != vector ||
	    !h->entry.eip || h->dpl < (v->regs->cs & 3))
		return false;
	v->regs->eip += 2;
	bounce_to_guest(v, vector, BOUNCE_NO_ERROR_CODE);
	return true;
}

static bool read_control_register(struct vcpu *v)
{
	struct x86_insn insn;

	if (emulate_fetch(v, &insn) || insn.opcode != OPCODE_MOV_FROM_CR ||
	    (v->regs->cs & 3) != 1)
		return false;
	if (insn.reg == 2)
		*gpr(v, insn.rm) = v->cr2;
	else if (insn.reg == 3)
		*gpr(v, insn.rm) = v->shadow.guest_cr3;
	else
		return false;
	v->regs->eip += insn.length;
	return true;
}

void guest_general_protection(struct vcpu *v, uint32_t error_code)
{
	if ((error_code & GP_IDT) && software_interrupt(v, error_code >> 3))
		return;
	if (error_code == 0 && read_control_register(v))
		return;
	bounce_to_guest(v, 13, error_code);
}

/* The CPUID a guest sees: the real one, less sysenter, plus a hypervisor
 * leaf with Xen's signature (Xen-ABI guests look for it). */
static struct cpuid_regs guest_cpuid(uint32_t leaf)
{
	static const char signature[12] = "XenVMMXenVMM";
	struct cpuid_regs r = cpuid(leaf);

	if (leaf == 1) {
		r.edx &= ~CPUID_1_EDX_SEP;
		r.ecx |= CPUID_1_ECX_HYPERVISOR;
	} else if (leaf == CPUID_HYPERVISOR_BASE) {
		r.eax = CPUID_HYPERVISOR_BASE + 2;
		memcpy(&r.ebx, signature, 4);
		memcpy(&r.ecx, signature + 4, 4);
		memcpy(&r.edx, signature + 8, 4);
	} else if (leaf > CPUID_HYPERVISOR_BASE && leaf <= CPUID_HYPERVISOR_BASE + 2) {
		r = (struct cpuid_regs){ 0, 0, 0, 0 };
	}
	return r;
}

void guest_invalid_opcode(struct vcpu *v)
{
	uint8_t bytes[FORCED_CPUID_LENGTH];
	struct cpuid_regs r;

	if (!guest_copy_from(&v->shadow, bytes, v->regs->eip, sizeof(bytes)) ||
	    memcmp(bytes, forced_cpuid, sizeof(bytes)) != 0) {
		bounce_to_guest(v, 6, BOUNCE_NO_ERROR_CODE);
		return;
	}
	r = guest_cpuid(v->regs->eax);
	v->regs->eax = r.eax;
	v->regs->ebx = r.ebx;
	v->regs->ecx = r.ecx;
	v->regs->edx = r.edx;
	v->regs->eip += FORCED_CPUID_LENGTH;
}
